import Foundation
import Testing

@testable import TevredenCLI

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
