import Foundation

/// One row of an export: its cells as text, and where it starts.
public struct TableRecord: Hashable, Sendable {
  /// Where the record starts: the 1-based physical line for text files (a record with a quoted line break
  /// spans several lines), the 1-based row number for spreadsheets.
  public var line: Int
  /// The cells in column order. Spreadsheet gaps are filled with empty strings.
  public var fields: [String]

  /// Creates a record.
  public init(line: Int, fields: [String]) {
    self.line = line
    self.fields = fields
  }
}

/// The kind of file a table came from.
public enum TableFormat: String, Hashable, Sendable, CaseIterable {
  /// Delimited text with commas or semicolons.
  case csv
  /// Delimited text with tabs (for example Excel's "Unicode text").
  case tsv
  /// An Office Open XML workbook.
  case xlsx
}

/// What was found out about a file while opening it: format, text encoding and delimiter.
public struct TableSourceDescription: Hashable, Sendable {
  /// The file's display name, used in messages.
  public var file: String
  /// The file format, told from the content (not the file name).
  public var format: TableFormat
  /// The text encoding of delimited text; `nil` for workbooks.
  public var encoding: TextEncoding?
  /// Whether the text started with a byte order mark (which is not part of the first field).
  public var hasBOM: Bool
  /// The field delimiter of delimited text; `nil` for workbooks.
  public var delimiter: Delimiter?
  /// The sheet being read, for workbooks.
  public var sheet: String?
  /// All worksheet names in workbook order, for workbooks.
  public var sheetNames: [String]

  /// Creates a description.
  public init(
    file: String, format: TableFormat, encoding: TextEncoding? = nil, hasBOM: Bool = false,
    delimiter: Delimiter? = nil, sheet: String? = nil, sheetNames: [String] = []
  ) {
    self.file = file
    self.format = format
    self.encoding = encoding
    self.hasBOM = hasBOM
    self.delimiter = delimiter
    self.sheet = sheet
    self.sheetNames = sheetNames
  }
}

/// A single-pass source of table records: a delimited text file or a worksheet.
///
/// Readers stream: they hold one chunk of the file (or a bounded number of rows) at a time, so a
/// file of any size can be read in constant memory. Call ``next()`` until it returns `nil`:
///
/// ```swift
/// var reader = try TableFileReader(contentsOf: url)
/// while let record = try reader.next() { … }
/// ```
///
/// Which of the first records are headers depends on the platform that made the export; readers
/// do not decide that. Use ``nextRecords(_:)`` to take a fixed number of header rows.
public protocol TableReader {
  /// Format, encoding and delimiter of the file being read.
  var source: TableSourceDescription { get }

  /// The next record, or `nil` at the end of the table.
  ///
  /// - Throws: ``TableReadError`` when the rest of the file cannot be read; records returned before
  ///   stay valid.
  mutating func next() throws(TableReadError) -> TableRecord?
}

extension TableReader {
  /// The file format; shorthand for `source.format`.
  public var format: TableFormat { source.format }

  /// Up to `count` next records, fewer at the end of the table; for header rows.
  public mutating func nextRecords(_ count: Int) throws(TableReadError) -> [TableRecord] {
    var records: [TableRecord] = []
    while records.count < count, let record = try next() {
      records.append(record)
    }
    return records
  }

  /// All remaining records. Reads the whole table into memory: for tests and small files.
  public mutating func readAll() throws(TableReadError) -> [TableRecord] {
    var records: [TableRecord] = []
    while let record = try next() {
      records.append(record)
    }
    return records
  }
}

/// Options for opening an export file; the defaults detect everything from the content.
public struct TableReadOptions: Hashable, Sendable {
  /// The text encoding to use instead of detecting it.
  public var encoding: TextEncoding?
  /// The delimiter to use instead of detecting it.
  public var delimiter: Delimiter?
  /// The worksheet to read; `nil` reads the first visible sheet.
  public var sheet: String?
  /// How many bytes delimited text is read at a time.
  public var chunkSize: Int

  /// Creates options; every `nil` means "detect from the content".
  public init(
    encoding: TextEncoding? = nil, delimiter: Delimiter? = nil, sheet: String? = nil,
    chunkSize: Int = DelimitedReader.defaultChunkSize
  ) {
    self.encoding = encoding
    self.delimiter = delimiter
    self.sheet = sheet
    self.chunkSize = chunkSize
  }
}

/// Opens an export file by looking at its content: a ZIP archive (`PK\u{3}\u{4}`) is read as an XLSX
/// workbook, anything else as delimited text.
///
/// The file name's extension is not consulted, because exports are often renamed or downloaded with a
/// wrong one (a Google Forms ".csv" that is a ZIP, an ".xls" that is really HTML or CSV).
public struct TableFileReader: TableReader {
  // One of the two is set. Optionals rather than an enum with payloads, so that `next()` advances the
  // reader in place instead of copying it out and back for every record.
  private var text: DelimitedReader?
  private var workbook: XLSXReader?

  /// Opens `url`, detecting the format, and for text the encoding and delimiter.
  ///
  /// - Parameters:
  ///   - url: A file URL.
  ///   - options: Overrides for what would otherwise be detected.
  ///   - name: How to name the file in messages; defaults to the URL's path.
  /// - Throws: ``TableReadError`` if the file cannot be read, is binary, an old `.xls`, or a broken workbook.
  public init(
    contentsOf url: URL, options: TableReadOptions = TableReadOptions(), name: String? = nil
  ) throws(TableReadError) {
    let file = name ?? url.path
    let magic = try Self.leadingBytes(of: url, count: 8, file: file)
    switch Self.kind(of: magic) {
    case .zip:
      workbook = try XLSXReader(contentsOf: url, sheet: options.sheet, name: file)
    case .compoundDocument:
      throw .legacyExcelWorkbook(file: file)
    case .other:
      text = try DelimitedReader(
        contentsOf: url, encoding: options.encoding, delimiter: options.delimiter, chunkSize: options.chunkSize,
        name: file)
    }
  }

  /// Format, encoding and delimiter of the file being read.
  public var source: TableSourceDescription {
    // The last alternative is never reached: every initializer sets `text` or `workbook`.
    text?.source ?? workbook?.source ?? TableSourceDescription(file: "", format: .csv)
  }

  /// How many bytes of a delimited text file have been taken in so far; `nil` for workbooks, whose compressed
  /// sheets do not tell.
  public var bytesRead: Int? { text?.bytesRead }

  /// The next record, or `nil` at the end of the table.
  public mutating func next() throws(TableReadError) -> TableRecord? {
    if text != nil { return try text?.next() ?? nil }
    return try workbook?.next() ?? nil
  }

  /// Calls `body` with the next record's cells as UTF-8 bytes (``DelimitedReader/withNextRecord(_:)``; a workbook's
  /// record is copied into bytes); `false` at the end of the table.
  public mutating func withNextRecord(_ body: (RecordView) -> Void) throws(TableReadError) -> Bool {
    if text != nil { return try text?.withNextRecord(body) ?? false }
    guard let record = try workbook?.next() ?? nil else { return false }
    RecordView.with(line: record.line, fields: record.fields, body)
    return true
  }

  /// Describes a file without reading its records: format, and for text the encoding and delimiter
  /// (from the first 64 KiB), for workbooks the sheet names.
  public static func describe(
    contentsOf url: URL, options: TableReadOptions = TableReadOptions(), name: String? = nil
  ) throws(TableReadError) -> TableSourceDescription {
    try TableFileReader(contentsOf: url, options: options, name: name).source
  }

  enum MagicKind {
    case zip
    case compoundDocument
    case other
  }

  /// Tells ZIP archives and OLE2 compound documents (old `.xls`) from everything else.
  static func kind(of magic: [UInt8]) -> MagicKind {
    if magic.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .zip }
    if magic.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .compoundDocument }
    return .other
  }

  private static func leadingBytes(of url: URL, count: Int, file: String) throws(TableReadError) -> [UInt8] {
    do {
      let handle = try FileHandle(forReadingFrom: url)
      defer { try? handle.close() }
      return [UInt8](try handle.read(upToCount: count) ?? Data())
    } catch {
      throw .unreadableFile(file: file, reason: ByteSource.reason(for: error))
    }
  }
}
