import Foundation

/// One CSV record and the line it starts on (1-based), for messages.
public struct CSVRecord: Hashable, Sendable {
  public var line: Int
  public var fields: [String]
}

/// Problems that make a CSV file unreadable as a whole.
public enum CSVError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A quoted field is never closed.
  case unterminatedQuote(line: Int)

  public var description: String {
    switch self {
    case .unterminatedQuote(let line): "a quoted field that starts on line \(line) is never closed"
    }
  }
}

/// Reads RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside, CRLF, LF or CR line ends, an
/// optional UTF-8 byte order mark.
public enum CSVReader {
  public static func parse(_ text: String, delimiter: Unicode.Scalar = ",") throws(CSVError) -> [CSVRecord] {
    var records: [CSVRecord] = []
    var fields: [String] = []
    var field = String.UnicodeScalarView()
    var line = 1
    var recordLine = 1
    var inQuotes = false
    var quoteLine = 1
    var fieldStarted = false  // whether the current record has any content yet
    var scalars = text.unicodeScalars[...]
    if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
    var iterator = scalars.makeIterator()
    var pending: Unicode.Scalar? = nil

    func next() -> Unicode.Scalar? {
      if let scalar = pending {
        pending = nil
        return scalar
      }
      return iterator.next()
    }
    func endRecord() {
      fields.append(String(field))
      field = String.UnicodeScalarView()
      records.append(CSVRecord(line: recordLine, fields: fields))
      fields = []
      fieldStarted = false
    }

    while let scalar = next() {
      if inQuotes {
        if scalar == "\"" {
          if let following = next() {
            if following == "\"" {
              field.append("\"")
            } else {
              inQuotes = false
              pending = following
            }
          } else {
            inQuotes = false
          }
        } else {
          if scalar == "\n" || (scalar == "\r") { line += 1 }
          if scalar == "\r", let following = next() {
            if following == "\n" {
              field.append("\r")
              field.append("\n")
              continue
            }
            pending = following
          }
          field.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"" where field.isEmpty:
        inQuotes = true
        quoteLine = line
        fieldStarted = true
      case delimiter:
        fields.append(String(field))
        field = String.UnicodeScalarView()
        fieldStarted = true
      case "\r", "\n":
        if scalar == "\r", let following = next(), following != "\n" { pending = following }
        if fieldStarted || !field.isEmpty || !fields.isEmpty {
          endRecord()
        }
        line += 1
        recordLine = line
      default:
        if !fieldStarted && field.isEmpty && fields.isEmpty { recordLine = line }
        field.append(scalar)
        fieldStarted = true
      }
    }
    if inQuotes { throw .unterminatedQuote(line: quoteLine) }
    if fieldStarted || !field.isEmpty || !fields.isEmpty { endRecord() }
    return records
  }
}

/// The formula-injection guard for CSV files a spreadsheet may open.
///
/// Excel, LibreOffice and Google Sheets read a cell whose text starts with `=`, `+`, `-`, `@`, TAB or CR as a
/// formula: an open answer `=HYPERLINK("http://x","klik")` would become a live link, and worse formulas exist. A
/// guarded cell gets a leading `'`, which spreadsheets take as "this is text" and do not show (OWASP's advice).
///
/// The rule is chosen so that it can be undone exactly, which the exchange format needs: a text is guarded when it
/// starts with any number of `'` (none included) followed by one of those characters, and reading strips one `'`
/// from a cell that starts with one or more `'` followed by one. A text such as `'s avonds` is never touched either
/// way, so an apostrophe that starts a Dutch word survives, and a cell a spreadsheet saved again without the `'`
/// reads as the same text too.
public enum SpreadsheetGuard {
  /// Whether `text` needs a leading `'`: any `'`s, then a character that starts a formula.
  public static func needsGuard(_ text: String) -> Bool {
    needsGuard(text.utf8)
  }

  /// ``needsGuard(_:)`` on UTF-8 bytes (the export writes a million responses' cells from their bytes).
  public static func needsGuard<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "'"): continue
      case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
      default: return false
      }
    }
    return false
  }

  /// `text` as a spreadsheet should read it: with a leading `'` where ``needsGuard(_:)`` says so.
  public static func guarded(_ text: String) -> String {
    needsGuard(text) ? "'" + text : text
  }

  /// The text a guarded cell stands for: one leading `'` less when the cell starts with one or more `'` followed by
  /// a character that starts a formula; any other cell as it is.
  public static func unguarded(_ cell: String) -> String {
    cell.utf8.first == UInt8(ascii: "'") && needsGuard(cell)
      ? String(decoding: cell.utf8.dropFirst(), as: UTF8.self) : cell
  }
}

/// Writes RFC 4180 CSV, quoting only where needed.
public enum CSVWriter {
  /// The rows as CSV, every cell guarded against formula injection (``SpreadsheetGuard``) except those in
  /// `numericColumns`: a number tevreden writes, such as a change of `-0.3000`, must stay a number in a spreadsheet.
  public static func render(_ rows: [[String]], numericColumns: Set<Int> = []) -> String {
    render(rows, numericColumns: numericColumns, dialect: .standard)
  }

  /// ``render(_:numericColumns:)`` in a dialect (``CSVDialect``): for Dutch Excel, the numbers with a decimal comma
  /// and the days (`yyyy-MM-dd`) and times (ISO 8601) in `kinds` written the Dutch way, after a byte-order mark.
  public static func render(
    _ rows: [[String]], numericColumns: Set<Int>, kinds: [Int: CSVDialect.ColumnKind] = [:], dialect: CSVDialect
  ) -> String {
    if dialect != .standard {
      var allKinds = kinds
      for column in numericColumns { allKinds[column] = .number }
      return dialect.fileStart
        + rows.enumerated().map { index, row in
          let cells = row.enumerated().map { column, cell in
            numericColumns.contains(column) ? cell : SpreadsheetGuard.guarded(cell)
          }
          // The header's names are names, not days or numbers.
          return dialect.line(cells, kinds: index == 0 ? [:] : allKinds)
        }.joined()
    }
    return rows.map { row in
      row.enumerated().map { column, cell in
        escape(numericColumns.contains(column) ? cell : SpreadsheetGuard.guarded(cell))
      }.joined(separator: ",")
    }.joined(separator: "\n") + "\n"
  }

  /// The rows as CSV exactly as given: for a writer that decides the guard per cell itself (the exchange format).
  public static func renderUnguarded(_ rows: [[String]]) -> String {
    rows.map { $0.map(escape).joined(separator: ",") }.joined(separator: "\n") + "\n"
  }

  /// Appends `field` (valid UTF-8) as ``escape(_:)`` writes it, working on the bytes: an export writes every cell
  /// of a million responses through here.
  public static func appendEscaped(_ field: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    var needsQuotes = false
    var hasQuote = false
    var hasNonASCII = false
    for byte in field {
      switch byte {
      case UInt8(ascii: ","), UInt8(ascii: "\n"), UInt8(ascii: "\r"): needsQuotes = true
      case UInt8(ascii: "\""): hasQuote = true
      case 0x80...: hasNonASCII = true
      default: break
      }
    }
    if hasQuote || field.first == UInt8(ascii: " ") || field.last == UInt8(ascii: " ") { needsQuotes = true }
    guard needsQuotes else {
      output.append(contentsOf: field)
      return
    }
    // `escape` doubles quotes by Characters, so a quote in one grapheme cluster with a combining mark (or after a
    // prepended mark) stays single there; such a rare field goes through it to be written the same.
    guard !(hasQuote && hasNonASCII) else {
      output.append(contentsOf: escape(String(decoding: field, as: UTF8.self)).utf8)
      return
    }
    output.append(UInt8(ascii: "\""))
    for byte in field {
      output.append(byte)
      if byte == UInt8(ascii: "\"") { output.append(byte) }
    }
    output.append(UInt8(ascii: "\""))
  }

  static func escape(_ field: String) -> String {
    // Scalars, not Characters: a Windows line break "\r\n" is one Character, equal to neither "\r" nor "\n", so
    // a test on Characters would write it unquoted and a reader would split the record there.
    let needsQuotes =
      field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
      || field.unicodeScalars.first == " " || field.unicodeScalars.last == " "
    guard needsQuotes else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

/// The conventions a CSV file is written in: the standard (commas, a decimal point, ISO 8601 times), or what Dutch
/// Excel opens right with a double-click (`--excel nl`): semicolons, decimal commas, days as `dd-mm-jjjj` and times
/// as `dd-mm-jjjj hh:mm:ss` (on the clock the standard file has: UTC in the exchange format), UTF-8 with a byte-order
/// mark (without it Excel reads the accents as Windows-1252), and Windows line ends. tevreden reads both back.
public enum CSVDialect: String, Sendable, CaseIterable {
  case standard
  case excelNL = "nl"

  /// What a column holds, for the conventions of a dialect.
  public enum ColumnKind: Sendable {
    case text
    /// A number written with a decimal point in the standard dialect.
    case number
    /// An ISO 8601 time, `2026-03-10T13:05:07Z`.
    case time
    /// A day, `2026-03-10`.
    case day
  }

  /// What a file starts with: Excel's byte-order mark, or nothing.
  public var fileStart: String { self == .excelNL ? "\u{FEFF}" : "" }

  /// One row as a line ending in a line break, from cells as the standard dialect writes them (guarded already
  /// where they need it); `kinds` gives the columns that are not text.
  public func line(_ cells: [String], kinds: [Int: ColumnKind] = [:]) -> String {
    guard self == .excelNL else { return CSVWriter.renderUnguarded([cells]) }
    return cells.enumerated().map { index, cell in
      let converted: String
      switch kinds[index] ?? .text {
      case .text: converted = cell
      case .number: converted = cell.replacingOccurrences(of: ".", with: ",")
      case .time: converted = Self.dutchTime(cell) ?? cell
      case .day: converted = Self.dutchDay(cell) ?? cell
      }
      let needsQuotes =
        converted.unicodeScalars.contains { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        || converted.unicodeScalars.first == " " || converted.unicodeScalars.last == " "
      return needsQuotes ? "\"" + converted.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : converted
    }.joined(separator: ";") + "\r\n"
  }

  /// `2026-03-10T13:05:07Z` → `10-03-2026 13:05:07`.
  static func dutchTime(_ iso: String) -> String? {
    let parts = iso.split(separator: "T")
    guard parts.count == 2, let day = dutchDay(String(parts[0])), parts[1].hasSuffix("Z") else { return nil }
    return day + " " + parts[1].dropLast()
  }

  /// `2026-03-10` → `10-03-2026`.
  static func dutchDay(_ day: String) -> String? {
    let parts = day.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else { return nil }
    return "\(parts[2])-\(parts[1])-\(parts[0])"
  }
}
