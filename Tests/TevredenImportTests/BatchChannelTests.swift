import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenImport

@Suite struct RowPipelineTests {
  @Test func theConsumerReceivesEveryBatchInOrderAndThenTheEnd() {
    let channel = BatchChannel<Int>(capacity: 2)
    let producer = ProducerThread {
      for start in stride(from: 0, to: 1000, by: 10) {
        guard channel.send(Array(start..<start + 10)) else { return }
      }
      channel.finish()
    }
    var received: [Int] = []
    while let batch = channel.receive() { received += batch }
    producer.join()
    #expect(received == Array(0..<1000))
    #expect(channel.receive() == nil)
  }

  @Test func theChannelSaysHowManyBatchesWaitForTheConsumer() {
    let channel = BatchChannel<Int>(capacity: 4)
    #expect(channel.waitingCount == 0)
    #expect(channel.send([1, 2]))
    #expect(channel.send([3]))
    #expect(channel.waitingCount == 2)
    #expect(channel.receive() == [1, 2])
    #expect(channel.waitingCount == 1)
    channel.finish()
    #expect(channel.receive() == [3])
    #expect(channel.waitingCount == 0)
  }

  @Test func theProducerWaitsWhileTheChannelIsFull() {
    let channel = BatchChannel<Int>(capacity: 3)
    let sent = Counter()
    let producer = ProducerThread {
      for value in 0..<10 {
        guard channel.send([value]) else { return }
        sent.increment()
      }
      channel.finish()
    }
    // Nothing is taken for a while: the producer can get no further than the capacity.
    Thread.sleep(forTimeInterval: 0.2)
    #expect(sent.value == 3)
    var received: [Int] = []
    while let batch = channel.receive() { received += batch }
    producer.join()
    #expect(received == Array(0..<10))
    #expect(sent.value == 10)
  }

  /// Narrow rows are read far ahead of storing; wide ones (long remarks) no further than the same bytes of the file.
  @Test(arguments: [(400, 3), (500, 2), (5000, 1), (0, 20)])
  func theProducerWaitsWhileTheBatchesHeldWeighTheBudget(weight: Int, held: Int) {
    let channel = BatchChannel<Int>(capacity: 20, byteBudget: 1000)
    let sent = Counter()
    let producer = ProducerThread {
      for value in 0..<30 {
        guard channel.send([value], weight: weight) else { return }
        sent.increment()
      }
      channel.finish()
    }
    // Nothing is taken for a while: the producer gets no further than the budget (a batch heavier than all of it
    // passes alone), or than the capacity when batches weigh nothing.
    Thread.sleep(forTimeInterval: 0.2)
    #expect(sent.value == held)
    var received: [Int] = []
    while let batch = channel.receive() { received += batch }
    producer.join()
    #expect(received == Array(0..<30))
  }

  @Test func batchesGivenBackAreReleasedOnTheProducersThread() {
    // Given elements that note the thread they are released on
    let releases = ReleaseLog()
    let channel = BatchChannel<Tracked>(capacity: 2)
    let producer = ProducerThread {
      releases.producer = ObjectIdentifier(Thread.current)
      for value in 0..<50 {
        guard channel.send([Tracked(value, log: releases)]) else { return }
      }
      channel.finish()
    }
    // When the consumer gives back every batch it has taken
    var received = 0
    while let batch = channel.receive() {
      received += batch.count
      channel.giveBack(batch)
    }
    producer.join()
    // Then every element arrived, and all but the last few (given back after the producer's last batch, at most
    // a channel's capacity and the one in hand) were released on the producer's thread
    #expect(received == 50)
    #expect(releases.count == 50)
    #expect(releases.onProducer >= 50 - 4)
  }

  @Test func cancellingReleasesAProducerThatWaitsOnAFullChannel() {
    let channel = BatchChannel<Int>(capacity: 1)
    let refused = Counter()
    let producer = ProducerThread {
      for value in 0..<1_000_000 where !channel.send([value]) {
        refused.increment()
        return
      }
    }
    #expect(channel.receive() == [0])
    channel.cancel()
    producer.join()
    #expect(refused.value == 1)
    #expect(channel.receive() == nil)
  }
}

@Suite struct BackgroundValueTests {
  @Test func theValueIsComputedOnAnotherThreadAndWaitedFor() {
    let caller = pthread_self()
    let value = BackgroundValue { () -> Bool in
      Thread.sleep(forTimeInterval: 0.05)
      return pthread_equal(pthread_self(), caller) != 0
    }
    #expect(value.wait() == false)  // computed on another thread
    #expect(value.wait() == false)
  }
}

/// A counter two threads may touch.
private final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0

  var value: Int { lock.withLock { count } }
  func increment() { lock.withLock { count += 1 } }
}

/// An element that notes the thread it is released on.
private final class Tracked: Sendable {
  let value: Int
  let log: ReleaseLog
  init(_ value: Int, log: ReleaseLog) {
    self.value = value
    self.log = log
  }
  deinit { log.noteRelease(on: ObjectIdentifier(Thread.current)) }
}

/// Counts releases, and those on the producer's thread.
private final class ReleaseLog: @unchecked Sendable {
  private let lock = NSLock()
  private var producerThread: ObjectIdentifier?
  private var releases = 0
  private var releasesOnProducer = 0

  var producer: ObjectIdentifier? {
    get { lock.withLock { producerThread } }
    set { lock.withLock { producerThread = newValue } }
  }
  var count: Int { lock.withLock { releases } }
  var onProducer: Int { lock.withLock { releasesOnProducer } }

  func noteRelease(on thread: ObjectIdentifier) {
    lock.withLock {
      releases += 1
      if thread == producerThread { releasesOnProducer += 1 }
    }
  }
}
