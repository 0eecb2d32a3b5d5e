import Foundation

/// Problems that make an export file unreadable as a table.
///
/// Every case carries the file's display name (usually its path) so the message can be printed as it is,
/// in the `file:line: error: message` form the rest of `tevreden` uses.
public enum TableReadError: LocalizedError, Equatable, Sendable {
  /// The file could not be opened or read (it does not exist, or the system refused).
  case unreadableFile(file: String, reason: String)
  /// The bytes are not text: NUL bytes outside UTF-16, or many control characters.
  case binaryFile(file: String)
  /// The file is an old binary Excel workbook (`.xls`, an OLE2 compound document), which is not supported.
  case legacyExcelWorkbook(file: String)
  /// A UTF-8 file contains bytes that are not UTF-8 after earlier text that was, so no single encoding fits.
  case invalidUTF8(file: String, line: Int)
  /// A quoted field is never closed; `line` is the physical line where the field started.
  case unterminatedQuote(file: String, line: Int)
  /// The file starts like a ZIP archive (as XLSX files do) but cannot be read as one.
  case notAZipArchive(file: String)
  /// The file is a ZIP archive but has no Excel workbook inside (no `xl/workbook.xml`).
  case notAWorkbook(file: String)
  /// A part the workbook refers to is missing from the archive.
  case missingPart(file: String, part: String)
  /// The workbook has no worksheet with this name; `available` lists the names it does have.
  case sheetNotFound(file: String, sheet: String, available: [String])
  /// The workbook has no worksheets at all.
  case noSheets(file: String)
  /// An XML part of the workbook is not well-formed or not what the format prescribes.
  case malformedXML(file: String, part: String, line: Int?, reason: String)
  /// The file goes beyond one of ``TableLimits``: `place` says where (the record and column, or the sheet, row and
  /// column, or the part of a workbook).
  case limitExceeded(file: String, line: Int?, place: String, limit: TableLimits.Kind)

  /// The message, in the `file:line: error: …` form the rest of `tevreden` prints.
  public var errorDescription: String? {
    switch self {
    case .unreadableFile(let file, let reason):
      return "\(file): error: cannot read the file: \(reason)"
    case .binaryFile(let file):
      return "\(file): error: looks like a binary file, not a CSV export"
    case .legacyExcelWorkbook(let file):
      return "\(file): error: this is an old Excel workbook (.xls); save it as .xlsx or as CSV and import that"
    case .invalidUTF8(let file, let line):
      return
        "\(file):\(line): error: the record that starts on line \(line) is not valid UTF-8 although earlier "
        + "text was; the file mixes encodings (save it again as \"CSV UTF-8\")"
    case .unterminatedQuote(let file, let line):
      return "\(file):\(line): error: a quoted field that starts on line \(line) is never closed"
    case .notAZipArchive(let file):
      return "\(file): error: starts like an XLSX (ZIP) file but is not a readable ZIP archive"
    case .notAWorkbook(let file):
      return "\(file): error: is a ZIP archive but not an Excel workbook (no xl/workbook.xml inside)"
    case .missingPart(let file, let part):
      return "\(file): error: the workbook refers to \(part), which is missing from the archive"
    case .sheetNotFound(let file, let sheet, let available):
      let names = available.map { "'\($0)'" }.joined(separator: ", ")
      return "\(file): error: the workbook has no sheet named '\(sheet)'; its sheets are \(names)"
    case .noSheets(let file):
      return "\(file): error: the workbook has no worksheets"
    case .malformedXML(let file, let part, let line, let reason):
      let location = line.map { "\(part):\($0)" } ?? part
      return "\(file): error: \(location) is not well-formed XML: \(reason)"
    case .limitExceeded(let file, let line, let place, let limit):
      let location = line.map { "\(file):\($0)" } ?? file
      return "\(location): error: \(place): \(limit.problem), beyond what tevreden reads from an export; nothing "
        + "after it was read"
    }
  }
}
