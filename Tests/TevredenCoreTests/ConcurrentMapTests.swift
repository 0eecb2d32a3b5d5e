import Foundation
import Testing

@testable import TevredenCore

@Suite struct ConcurrentMapTests {
  @Test(arguments: [0, 1, 2, 3, 97])
  func everyElementIsTransformedOnceInOrder(count: Int) {
    let elements = Array(0..<count)
    let calls = Calls()
    let mapped = concurrentMap(elements) { element -> String in
      calls.count(element)
      // Uneven work, so that later elements often finish first.
      if element % 2 == 0 { usleep(UInt32(200 * (count - element))) }
      return "#\(element)"
    }
    #expect(mapped == elements.map { "#\($0)" })
    #expect(calls.seen() == elements)
  }
}

/// Which elements a transform was called with, from several threads.
private final class Calls: @unchecked Sendable {
  private var elements: [Int] = []
  private let lock = NSLock()

  func count(_ element: Int) { lock.withLock { elements.append(element) } }
  func seen() -> [Int] { lock.withLock { elements.sorted() } }
}
