import Foundation

/// `transform` of each element, computed on all cores at once, in the order of the elements: for independent work
/// of a few milliseconds or more each (parsing the stored definitions, an audience's disclosure control, a part
/// of a scan's outcome), which otherwise kept one core idle after a scan that used both.
public func concurrentMap<Element: Sendable, Transformed: Sendable>(
  _ elements: [Element], _ transform: @Sendable (Element) -> Transformed
) -> [Transformed] {
  guard elements.count > 1 else { return elements.map(transform) }
  let results = IndexedResults<Transformed>(count: elements.count)
  DispatchQueue.concurrentPerform(iterations: elements.count) { index in
    results.set(index, transform(elements[index]))
  }
  return results.all()
}

/// Results written by index from several threads, each once.
private final class IndexedResults<Value: Sendable>: @unchecked Sendable {
  // Guarded by `lock`.
  private var values: [Value?]
  private let lock = NSLock()

  init(count: Int) {
    values = Array(repeating: nil, count: count)
  }

  func set(_ index: Int, _ value: Value) {
    lock.withLock { values[index] = value }
  }

  /// Every value in order; called after every index was set.
  func all() -> [Value] {
    lock.withLock { values.compactMap { $0 } }
  }
}
