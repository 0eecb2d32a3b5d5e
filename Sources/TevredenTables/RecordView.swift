/// A record whose cells are UTF-8 bytes in the reader's memory (``DelimitedReader/withNextRecord(_:)``), valid only
/// during the call it is passed to.
///
/// A conversion compares most cells with a few labels seen before and hashes the row: it needs their bytes, not a
/// `String` per cell, whose making, retaining and releasing was a third of reading an export (measured with
/// callgrind). The cells lie one after the other, each but the last followed by U+001F (the unit separator), so
/// that a row hashed as its cells joined by U+001F is hashed where it lies.
public struct RecordView {
  /// Where the record starts (see ``TableRecord/line``).
  public let line: Int
  /// The cells, joined by U+001F.
  public let joined: UnsafeBufferPointer<UInt8>
  /// Where each cell ends in ``joined``; the next begins one byte later.
  @usableFromInline let ends: UnsafeBufferPointer<Int>

  init(line: Int, joined: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>) {
    self.line = line
    self.joined = joined
    self.ends = ends
  }

  /// How many cells the record has.
  @inlinable public var count: Int { ends.count }

  /// The bytes of the cell at `index` (`0..<count`).
  @inlinable public func cell(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: joined[(index == 0 ? 0 : ends[index - 1] + 1)..<ends[index]])
  }

  /// The cell at `index` (`0..<count`) as text. The bytes are UTF-8 already (the reader decoded other encodings).
  public func text(_ index: Int) -> String { String(decoding: cell(index), as: UTF8.self) }

  /// Calls `body` with a view of cells held as strings (a workbook's record, a test's row): their bytes copied once.
  public static func with<Result>(line: Int, fields: [String], _ body: (RecordView) -> Result) -> Result {
    var joined: [UInt8] = []
    var ends: [Int] = []
    ends.reserveCapacity(fields.count)
    for field in fields {
      if !ends.isEmpty { joined.append(RecordView.separator) }
      joined += field.utf8
      ends.append(joined.count)
    }
    return joined.withUnsafeBufferPointer { joined in
      ends.withUnsafeBufferPointer { ends in body(RecordView(line: line, joined: joined, ends: ends)) }
    }
  }

  /// U+001F, between the cells in ``joined``.
  public static let separator: UInt8 = 0x1F
}
