/// What tevreden reads from one export file at most. Beyond these a file is refused, with its file name, the
/// place (line or sheet, row and column) and the limit, in time and memory that do not depend on how far beyond it
/// is. Real exports stay far below them; files that go beyond are broken or made to hurt (a zip bomb).
public enum TableLimits {
  /// The text of one cell or field: 1 MiB of UTF-8, 32 times what Excel allows in a cell (32,767 characters).
  public static let cellBytes = 1 << 20
  /// Columns per row: 16,384, Excel's own limit (A to XFD).
  public static let columns = 16_384
  /// The text of one row, all its cells together: 4 MiB.
  public static let recordBytes = 4 << 20
  /// An XLSX worksheet unpacked: 2 GiB, about a million rows of twenty answers.
  public static let sheetBytes = 2 << 30
  /// An XLSX shared-strings part unpacked: 128 MiB. It is held in memory while the sheet is read.
  public static let sharedStringsBytes = 128 << 20
  /// Every other part of an XLSX workbook unpacked (workbook, relationships, styles): 16 MiB.
  public static let smallPartBytes = 16 << 20
  /// How much smaller than its unpacked size a part of a workbook may be stored: 200 to 1. Spreadsheet XML packs
  /// 10 to 30 times; a zip bomb a thousand times. Parts that unpack to less than ``ratioExemptBytes`` may pack
  /// better.
  public static let compressionRatio = 200
  public static let ratioExemptBytes = 16 << 20
  /// How deep XML elements may nest: SpreadsheetML needs fewer than ten levels.
  public static let xmlDepth = 100

  /// One of the limits, for messages.
  public enum Kind: Hashable, Sendable {
    case cellBytes
    case columns
    case recordBytes
    case partBytes(Int)
    case compressionRatio
    case xmlDepth

    /// What went beyond the limit, such as "a cell holds more than 1 MiB of text".
    public var problem: String {
      switch self {
      case .cellBytes: "a cell holds more than \(TableLimits.size(TableLimits.cellBytes)) of text"
      case .columns: "a row has more than \(TableLimits.columns.formatted()) columns"
      case .recordBytes: "a row holds more than \(TableLimits.size(TableLimits.recordBytes)) of text"
      case .partBytes(let limit): "unpacks to more than \(TableLimits.size(limit))"
      case .compressionRatio:
        "is packed more than \(TableLimits.compressionRatio) to 1, as no spreadsheet is (a zip bomb?)"
      case .xmlDepth: "its XML elements nest more than \(TableLimits.xmlDepth) deep"
      }
    }
  }

  static func size(_ bytes: Int) -> String {
    bytes >= 1 << 30 ? "\(bytes >> 30) GiB" : "\(bytes >> 20) MiB"
  }
}

extension Int {
  /// The number with thousands separated by commas, as messages show counts.
  fileprivate func formatted() -> String {
    let digits = String(self)
    var result = ""
    for (index, character) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return result
  }
}
