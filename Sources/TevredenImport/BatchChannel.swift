import Foundation
import TevredenCore

/// A bounded first-in-first-out hand-over between one producing thread and one consuming thread, in batches.
///
/// The producer blocks while the channel holds `capacity` batches, or batches of `byteBudget` bytes of the source
/// together (as the producer weighs them), so memory stays bounded however far reading runs ahead of storing and
/// however wide the rows are; the consumer blocks while it is empty. Either side can end it: the producer with
/// ``finish()``, the consumer with ``cancel()`` (the producer's next ``send(_:)`` then returns `false`).
@usableFromInline
final class BatchChannel<Element: Sendable>: @unchecked Sendable {
  // Every stored property below is read and written only while `condition` is locked.
  private let condition = NSCondition()
  private var batches: [[Element]] = []
  /// The weight of each batch in `batches`, and their sum.
  private var weights: [Int] = []
  private var weightHeld = 0
  /// Batches the consumer is done with, to be released by the producer (see ``giveBack(_:)``).
  private var used: [[Element]] = []
  private var isFinished = false
  private var isCancelled = false
  private var isProducerWaiting = false
  private var isConsumerWaiting = false
  private let capacity: Int
  private let byteBudget: Int

  @usableFromInline
  init(capacity: Int = 8, byteBudget: Int = .max) {
    self.capacity = capacity
    self.byteBudget = byteBudget
  }

  /// Hands a batch to the consumer, waiting while the channel is full: while it holds `capacity` batches, or any
  /// batches whose weights add up to the byte budget (so a batch heavier than the whole budget still passes, alone).
  /// `false` once the consumer has cancelled. `weight`: the bytes of the source the batch was read from.
  ///
  /// Batches the consumer gave back are released here, on the producer's thread.
  @usableFromInline
  func send(_ batch: [Element], weight: Int = 0) -> Bool {
    condition.lock()
    var released = used
    used.removeAll(keepingCapacity: true)
    defer {
      condition.unlock()
      released.removeAll()  // after unlocking: releasing the elements is most of the work
    }
    while (batches.count >= capacity || (!batches.isEmpty && weightHeld >= byteBudget)) && !isCancelled {
      isProducerWaiting = true
      condition.wait()
    }
    isProducerWaiting = false
    guard !isCancelled else { return false }
    batches.append(batch)
    weights.append(weight)
    weightHeld += weight
    // Waking a thread is a system call: only when the consumer waits for this batch.
    if isConsumerWaiting { condition.broadcast() }
    return true
  }

  /// Returns a batch the consumer is done with, so that the producer's thread releases it (at its next send, or
  /// when it finishes): the producer made its elements, and releasing them there leaves the consumer's thread
  /// (storing, in an import) to its own work and spares the memory allocator a lock shared between the two
  /// threads. After the producer finished, a batch is released here.
  @usableFromInline
  func giveBack(_ batch: consuming [Element]) {
    condition.lock()
    defer { condition.unlock() }
    guard !isFinished, !isCancelled else { return }
    used.append(batch)
  }

  /// Marks the end of the producer's batches.
  @usableFromInline
  func finish() {
    condition.lock()
    isFinished = true
    var released = used
    used.removeAll()
    condition.broadcast()
    condition.unlock()
    released.removeAll()
  }

  /// Tells the producer to stop: its pending and later batches are dropped.
  @usableFromInline
  func cancel() {
    condition.lock()
    isCancelled = true
    batches.removeAll()
    weights.removeAll()
    weightHeld = 0
    condition.broadcast()
    condition.unlock()
  }

  /// How many batches wait for the consumer: few when the consumer keeps up with the producer.
  @usableFromInline
  var waitingCount: Int {
    condition.lock()
    defer { condition.unlock() }
    return batches.count
  }

  /// The next batch, waiting for one; `nil` when the producer has finished and every batch was taken.
  @usableFromInline
  func receive() -> [Element]? {
    condition.lock()
    defer { condition.unlock() }
    while batches.isEmpty && !isFinished && !isCancelled {
      isConsumerWaiting = true
      condition.wait()
    }
    isConsumerWaiting = false
    guard !batches.isEmpty else { return nil }
    let batch = batches.removeFirst()
    weightHeld -= weights.removeFirst()
    // A producer waiting on a full channel is woken once half of it is free, not for every batch taken: each
    // wake-up is a system call and a switch of threads.
    if isProducerWaiting && batches.count <= capacity / 2 && (weightHeld <= byteBudget / 2 || batches.isEmpty) {
      condition.broadcast()
    }
    return batch
  }
}

/// Runs `produce` on a thread of its own, feeding `channel`, and lets the caller wait until it has returned.
///
/// Reading and converting an export's rows runs on this thread while the caller's thread stores the rows
/// already converted: on a machine with two or more cores, an import then takes about as long as the slower of
/// the two instead of their sum.
@usableFromInline
final class ProducerThread: @unchecked Sendable {
  // `isDone` is read and written only while `condition` is locked.
  private let condition = NSCondition()
  private var isDone = false

  @usableFromInline
  init(_ produce: @escaping @Sendable () -> Void) {
    let thread = Thread { [self] in
      produce()
      condition.lock()
      isDone = true
      condition.broadcast()
      condition.unlock()
    }
    thread.name = "tevreden-import-reader"
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// Waits until the producer has returned.
  @usableFromInline
  func join() {
    condition.lock()
    while !isDone { condition.wait() }
    condition.unlock()
  }
}

/// A value computed on a thread of its own while the caller goes on (a file's SHA-256 while its rows are read and
/// stored).
@usableFromInline
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
  // `value` is written once by the computing thread before `thread` is done, and read only after `join()`.
  private var value: Value?
  private var thread: ProducerThread?

  @usableFromInline
  init(_ compute: @escaping @Sendable () -> Value) {
    thread = ProducerThread { [self] in value = compute() }
  }

  /// The value, waiting for it.
  @usableFromInline
  func wait() -> Value {
    thread?.join()
    guard let value else { preconditionFailure("a finished computation left no value") }
    return value
  }
}

/// A value handed whole from one thread to another: the sender never touches it again, so it is never used by
/// two threads at once although its type is not `Sendable` (a row reader holding a lookup closure).
@usableFromInline
struct HandedOver<Value>: @unchecked Sendable {
  @usableFromInline var value: Value

  @usableFromInline
  init(value: Value) { self.value = value }
}
