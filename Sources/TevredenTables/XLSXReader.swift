import Foundation
import ZIPFoundation

/// Streams the rows of one worksheet of an XLSX workbook as text.
///
/// Opening reads the workbook's small parts: `xl/workbook.xml` (sheet names, the 1904 date system),
/// its relationships (which file holds which sheet), `xl/sharedStrings.xml` and `xl/styles.xml` (which
/// cell styles are dates). From the first call of ``next()`` on, the sheet itself is parsed on a background
/// thread that hands over a bounded number of rows at a time, so a large sheet is never held in memory as rows.
/// Every part is unpacked from the archive a chunk at a time as it is parsed (``XMLScanner``): nothing is ever
/// written to disk, and a part that unpacks to more than its limit in ``TableLimits``, or is packed more tightly
/// than any spreadsheet, is refused as soon as that shows. Dropping the reader stops the parse.
///
/// Cells become text as Excel would write them to CSV, except dates:
/// - shared and inline strings (rich-text runs joined, phonetic guides left out, `_x000D_` escapes undone);
/// - numbers as written in the file (`3.5`, `302220039`);
/// - numbers with a date or time format as ISO 8601 `YYYY-MM-DDTHH:MM:SS` (or `HH:MM:SS` for a time of
///   day), whatever the format shows, in the workbook's 1900 or 1904 date system;
/// - booleans as `TRUE` and `FALSE`; error values as shown (`#N/A`); formulas as their cached result.
///
/// Each record's ``TableRecord/line`` is the row number. Missing cells are filled with empty strings
/// from column A, and a row ends at its last cell with text, padded to the widest row before it (so the rows of a
/// table after its header have the header's width). The width the sheet declares (`<dimension>`) is not trusted:
/// a file can claim all 16,384 columns. Rows without any text are skipped. A cell, a row or a number of columns
/// beyond ``TableLimits`` stops the reading with an error that names the sheet, row and column.
///
/// A reader is a single pass over the sheet; copies share that pass.
public struct XLSXReader: TableReader {
  /// Format, sheet name and the workbook's sheet names.
  public let source: TableSourceDescription

  private let rows: SheetRowStream
  private var batch: [TableRecord] = []
  private var batchIndex = 0

  /// Opens a worksheet of an XLSX workbook.
  ///
  /// - Parameters:
  ///   - url: A file URL.
  ///   - sheet: The sheet's name (as on its tab); `nil` for the first sheet that is not hidden.
  ///   - name: How to name the file in messages; defaults to the URL's path.
  /// - Throws: ``TableReadError`` if the file is not a ZIP archive, not a workbook, lacks the sheet, or
  ///   one of the parts read while opening is not well-formed XML.
  public init(contentsOf url: URL, sheet: String? = nil, name: String? = nil) throws(TableReadError) {
    let file = name ?? url.path
    let package = try WorkbookPackage(url: url, file: file)
    let workbook = try package.workbook()
    let chosen = try workbook.sheet(named: sheet, file: file)
    let context = SheetContext(
      file: file, part: chosen.part, sheet: chosen.name, sharedStrings: try package.sharedStrings(workbook),
      dateKinds: try package.dateKinds(workbook), date1904: workbook.date1904)
    guard package.contains(chosen.part) else { throw .missingPart(file: file, part: chosen.part) }
    rows = SheetRowStream(package: package, context: context)
    source = TableSourceDescription(
      file: file, format: .xlsx, sheet: chosen.name, sheetNames: workbook.sheets.map(\.name))
  }

  /// The next non-empty row, or `nil` after the last.
  ///
  /// - Throws: ``TableReadError/malformedXML(file:part:line:reason:)`` if the sheet's XML breaks off or
  ///   is not well-formed, ``TableReadError/limitExceeded(file:line:place:limit:)`` beyond a limit; rows before
  ///   the fault have been returned.
  public mutating func next() throws(TableReadError) -> TableRecord? {
    if batchIndex == batch.count {
      guard let more = try rows.take() else { return nil }
      batch = more
      batchIndex = 0
    }
    defer { batchIndex += 1 }
    return batch[batchIndex]
  }
}

// MARK: - Workbook structure

/// A sheet as listed in the workbook.
struct SheetEntry: Hashable, Sendable {
  var name: String
  var part: String
  var isHidden: Bool
}

/// What `xl/workbook.xml` and its relationships say.
struct WorkbookInfo: Sendable {
  var part: String
  var sheets: [SheetEntry]
  var date1904: Bool
  /// Relationship targets of the workbook by type suffix (`/sharedStrings`, `/styles`), as archive paths.
  var relatedParts: [String: String]

  /// The named sheet, or the first visible one.
  func sheet(named name: String?, file: String) throws(TableReadError) -> SheetEntry {
    guard !sheets.isEmpty else { throw .noSheets(file: file) }
    if let name {
      guard
        let sheet = sheets.first(where: { $0.name == name })
          ?? sheets.first(where: { $0.name.lowercased() == name.lowercased() })
      else { throw .sheetNotFound(file: file, sheet: name, available: sheets.map(\.name)) }
      return sheet
    }
    return sheets.first { !$0.isHidden } ?? sheets[0]
  }
}

/// The ZIP archive of an XLSX file and the parts in it.
private struct WorkbookPackage: @unchecked Sendable {
  // `archive` is used by one thread at a time: the opening thread reads the small parts and the shared strings
  // to the end before the sheet's parsing thread starts.
  let archive: Archive
  let file: String
  /// Entries by lower-cased path: part names are case-insensitive in Open Packaging Conventions.
  let entries: [String: Entry]

  init(url: URL, file: String) throws(TableReadError) {
    do {
      archive = try Archive(url: url, accessMode: .read)
    } catch {
      if !FileManager.default.isReadableFile(atPath: url.path) {
        throw .unreadableFile(file: file, reason: ByteSource.reason(for: error))
      }
      throw .notAZipArchive(file: file)
    }
    self.file = file
    var entries: [String: Entry] = [:]
    for entry in archive where entries[Self.key(entry.path)] == nil {
      entries[Self.key(entry.path)] = entry
    }
    self.entries = entries
  }

  private static func key(_ path: String) -> String {
    var path = path.replacingOccurrences(of: "\\", with: "/")
    if path.hasPrefix("/") { path.removeFirst() }
    return path.lowercased()
  }

  func contains(_ part: String) -> Bool { entries[Self.key(part)] != nil }

  /// A scanner over a part's XML, unpacked as it is read; `place` names the part in messages about its limits.
  func scanner(of part: String, limit: Int, place: String? = nil) throws(TableReadError) -> (XMLScanner, PartBytes) {
    guard let entry = entries[Self.key(part)] else { throw .missingPart(file: file, part: part) }
    let bytes = PartBytes(
      archive: archive, entry: entry, file: file, place: place ?? part, limit: limit)
    return (XMLScanner(file: file, part: part) { () throws(TableReadError) -> [UInt8]? in try bytes.next() }, bytes)
  }

  /// Scans a whole part, handing every event to `handle`.
  func scan(
    _ part: String, limit: Int, _ handle: (XMLScanner.Event) throws(TableReadError) -> Void
  ) throws(TableReadError) {
    var (scanner, bytes) = try scanner(of: part, limit: limit)
    defer { bytes.cancel() }
    while let event = try scanner.next() { try handle(event) }
  }

  /// The relationships of a part: id to (type, archive path).
  func relationships(of part: String) throws(TableReadError) -> [String: (type: String, target: String)] {
    let directory = Self.directory(of: part)
    let name = part.split(separator: "/").last.map(String.init) ?? part
    let relsPart = (directory.isEmpty ? "" : directory + "/") + "_rels/" + name + ".rels"
    guard contains(relsPart) else { return [:] }
    var relationships: [String: (type: String, target: String)] = [:]
    try scan(relsPart, limit: TableLimits.smallPartBytes) { event in
      guard case .start("Relationship", let attributes) = event, let id = attribute("Id", in: attributes),
        let target = attribute("Target", in: attributes), attribute("TargetMode", in: attributes) != "External"
      else { return }
      relationships[id] = (attribute("Type", in: attributes) ?? "", Self.resolve(target, in: directory))
    }
    return relationships
  }

  /// Reads the workbook part the package points at.
  func workbook() throws(TableReadError) -> WorkbookInfo {
    let root = try relationships(of: "")
    let part =
      root.values.first { $0.type.hasSuffix("/officeDocument") }.map(\.target).flatMap { contains($0) ? $0 : nil }
      ?? "xl/workbook.xml"
    guard contains(part) else { throw .notAWorkbook(file: file) }
    let related = try relationships(of: part)

    var sheets: [SheetEntry] = []
    var date1904 = false
    var missing: String?
    try scan(part, limit: TableLimits.smallPartBytes) { event in
      guard case .start(let element, let attributes) = event else { return }
      switch element {
      case "workbookPr":
        let value = attribute("date1904", in: attributes)?.lowercased()
        date1904 = value == "1" || value == "true"
      case "sheet":
        let name = attribute("name", in: attributes) ?? "Sheet\(sheets.count + 1)"
        guard let id = attribute("id", in: attributes), let target = related[id]?.target else {
          missing = "the sheet '\(name)'"
          return
        }
        let state = attribute("state", in: attributes) ?? "visible"
        sheets.append(SheetEntry(name: name, part: target, isHidden: state != "visible"))
      default:
        break
      }
    }
    if let missing, sheets.isEmpty { throw .missingPart(file: file, part: missing) }

    var relatedParts: [String: String] = [:]
    for relationship in related.values {
      if let slash = relationship.type.lastIndex(of: "/") {
        relatedParts[String(relationship.type[slash...])] = relationship.target
      }
    }
    return WorkbookInfo(part: part, sheets: sheets, date1904: date1904, relatedParts: relatedParts)
  }

  /// The shared string table: each `<si>`'s text runs joined, phonetic guides (`<rPh>`) left out.
  func sharedStrings(_ workbook: WorkbookInfo) throws(TableReadError) -> [String] {
    let part = workbook.relatedParts["/sharedStrings"] ?? "xl/sharedStrings.xml"
    guard contains(part) else { return [] }
    var strings: [String] = []
    var current = ""
    var isInItem = false
    var isInText = false
    var phoneticDepth = 0
    try scan(part, limit: TableLimits.sharedStringsBytes) { (event) throws(TableReadError) in
      switch event {
      case .start(let element, _):
        switch element {
        case "si":
          isInItem = true
          current = ""
        case "t": isInText = isInItem && phoneticDepth == 0
        case "rPh": phoneticDepth += 1
        default: break
        }
      case .end(let element):
        switch element {
        case "si":
          strings.append(ExcelValues.unescape(current))
          isInItem = false
        case "t": isInText = false
        case "rPh": phoneticDepth -= 1
        default: break
        }
      case .text(let text):
        guard isInText else { return }
        current += text
        if current.utf8.count > TableLimits.cellBytes {
          throw .limitExceeded(
            file: file, line: nil, place: "shared string \(strings.count) (\(part))", limit: .cellBytes)
        }
      }
    }
    return strings
  }

  /// For each cell style (`s` attribute, an index into `<cellXfs>`), whether its number format is a date.
  func dateKinds(_ workbook: WorkbookInfo) throws(TableReadError) -> [ExcelDateKind?] {
    let part = workbook.relatedParts["/styles"] ?? "xl/styles.xml"
    guard contains(part) else { return [] }
    var customFormats: [Int: String] = [:]
    var styleFormats: [Int] = []
    var isInCellFormats = false
    try scan(part, limit: TableLimits.smallPartBytes) { event in
      switch event {
      case .start(let element, let attributes):
        switch element {
        case "numFmt":
          if let id = attribute("numFmtId", in: attributes).flatMap({ Int($0) }),
            let code = attribute("formatCode", in: attributes)
          {
            customFormats[id] = code
          }
        case "cellXfs": isInCellFormats = true
        case "xf":
          if isInCellFormats { styleFormats.append(attribute("numFmtId", in: attributes).flatMap { Int($0) } ?? 0) }
        default: break
        }
      case .end("cellXfs"):
        isInCellFormats = false
      default:
        break
      }
    }
    return styleFormats.map { id in
      if let code = customFormats[id] { return ExcelValues.dateKind(formatCode: code) }
      return ExcelValues.builtInDateKind(id)
    }
  }

  static func directory(of part: String) -> String {
    guard let slash = part.lastIndex(of: "/") else { return "" }
    return String(part[..<slash])
  }

  /// A relationship target as an archive path: absolute (`/xl/…`) or relative to the source's folder.
  static func resolve(_ target: String, in directory: String) -> String {
    var components: [Substring] = target.hasPrefix("/") ? [] : directory.split(separator: "/")
    for component in target.split(separator: "/") {
      switch component {
      case ".": continue
      case "..": _ = components.popLast()
      default: components.append(component)
      }
    }
    return components.joined(separator: "/")
  }
}

/// An attribute by local name (the scanner gives names without their prefix).
private func attribute(_ name: String, in attributes: [(name: Substring, value: String)]) -> String? {
  attributes.first { $0.name == name }?.value
}

// MARK: - Unpacking a part

/// The bytes of one part of the archive, unpacked on a thread of its own and handed over a few chunks ahead of the
/// parser, with the part's limits checked as they come: its unpacked size, and how tightly it was packed. Nothing
/// goes to disk. Cancelling (or dropping the reader) stops the unpacking.
final class PartBytes: @unchecked Sendable {
  // Every stored property below is read and written only while `condition` is locked (the unpacking thread's
  // parameters are written once, in `init`).
  private let condition = NSCondition()
  private var chunks: [[UInt8]] = []
  private var isFinished = false
  private var failure: TableReadError?
  private var isCancelled = false
  private var isStarted = false
  private let work: HandedOverArchive
  private let file: String
  private let place: String
  private let limit: Int

  /// Unpacked chunks waiting for the parser: with pieces of 64 KiB, a quarter of a megabyte.
  static let capacity = 4
  static let chunkSize = 65_536

  fileprivate init(archive: Archive, entry: Entry, file: String, place: String, limit: Int) {
    work = HandedOverArchive(archive: archive, entry: entry)
    self.file = file
    self.place = place
    self.limit = limit
    // A zip bomb usually says what it is in the archive's directory already.
    let compressed = max(entry.compressedSize, 1)
    if entry.uncompressedSize > UInt64(limit) {
      failure = .limitExceeded(file: file, line: nil, place: place, limit: .partBytes(limit))
    } else if entry.uncompressedSize > UInt64(TableLimits.ratioExemptBytes),
      entry.uncompressedSize / compressed > UInt64(TableLimits.compressionRatio)
    {
      failure = .limitExceeded(file: file, line: nil, place: place, limit: .compressionRatio)
    }
    isFinished = failure != nil
  }

  private struct Stop: Error {}

  /// Runs on the unpacking thread.
  private func unpack() {
    let (file, place, limit) = (self.file, self.place, self.limit)
    let compressed = max(work.entry.compressedSize, 1)
    var total = 0
    var stopReason: TableReadError?
    do {
      _ = try work.archive.extract(work.entry, bufferSize: Self.chunkSize, skipCRC32: false) { data in
        total += data.count
        // What the directory says may be a lie: the bytes themselves are counted.
        if total > limit {
          stopReason = .limitExceeded(file: file, line: nil, place: place, limit: .partBytes(limit))
          throw Stop()
        }
        if total > TableLimits.ratioExemptBytes, UInt64(total) / compressed > UInt64(TableLimits.compressionRatio) {
          stopReason = .limitExceeded(file: file, line: nil, place: place, limit: .compressionRatio)
          throw Stop()
        }
        guard put([UInt8](data)) else { throw Stop() }
      }
      finish(nil)
    } catch {
      finish(stopReason ?? (isCancelledNow ? nil : .notAZipArchive(file: file)))
    }
  }

  private var isCancelledNow: Bool {
    condition.lock()
    defer { condition.unlock() }
    return isCancelled
  }

  private func put(_ chunk: [UInt8]) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while chunks.count >= Self.capacity && !isCancelled { condition.wait() }
    if isCancelled { return false }
    chunks.append(chunk)
    condition.broadcast()
    return true
  }

  private func finish(_ error: TableReadError?) {
    condition.lock()
    defer { condition.unlock() }
    isFinished = true
    failure = error
    condition.broadcast()
  }

  /// The next chunk, waiting for it; `nil` at the end of the part. Starts the unpacking on the first call.
  func next() throws(TableReadError) -> [UInt8]? {
    condition.lock()
    defer { condition.unlock() }
    if !isStarted && !isFinished {
      isStarted = true
      let thread = Thread { [self] in unpack() }
      thread.name = "tevreden XLSX unpacking"
      thread.start()
    }
    while chunks.isEmpty && !isFinished { condition.wait() }
    if !chunks.isEmpty {
      condition.broadcast()
      return chunks.removeFirst()
    }
    if let failure { throw failure }
    return nil
  }

  /// Stops the unpacking; waits until its thread has let go of the archive, which the next part needs.
  func cancel() {
    condition.lock()
    isCancelled = true
    chunks.removeAll()
    condition.broadcast()
    while isStarted && !isFinished { condition.wait() }
    condition.unlock()
  }
}

/// The archive and entry handed to the unpacking thread, which alone uses the archive while it runs.
private struct HandedOverArchive: @unchecked Sendable {
  let archive: Archive
  let entry: Entry
}

// MARK: - Streaming the sheet

/// What the sheet parser needs to turn cells into text.
struct SheetContext: Sendable {
  var file: String
  var part: String
  var sheet: String
  var sharedStrings: [String]
  var dateKinds: [ExcelDateKind?]
  var date1904: Bool
}

/// Owns the background parse of one sheet: starts it on the first request for rows (so describing a
/// workbook does not unzip its sheet) and stops it when the reader is dropped.
private final class SheetRowStream {
  let channel = RowChannel(capacity: 8)
  private var pending: (package: WorkbookPackage, context: SheetContext)?

  init(package: WorkbookPackage, context: SheetContext) {
    pending = (package, context)
  }

  /// The next batch of rows; `nil` at the end.
  func take() throws(TableReadError) -> [TableRecord]? {
    if let (package, context) = pending {
      pending = nil
      let scanning: (XMLScanner, PartBytes)
      do {
        scanning = try package.scanner(
          of: context.part, limit: TableLimits.sheetBytes, place: "sheet '\(context.sheet)' (\(context.part))")
      } catch {
        channel.finish(error)  // later calls report it again instead of waiting for rows
        throw error
      }
      let channel = self.channel
      let work = HandedOverScanner(scanner: scanning.0, bytes: scanning.1)
      let thread = Thread {
        var scanner = work.scanner
        SheetParser.run(&scanner, context: context, channel: channel)
        work.bytes.cancel()
      }
      thread.name = "tevreden XLSX sheet parser"
      thread.start()
    }
    return try channel.take()
  }

  deinit {
    channel.cancel()
  }
}

/// A scanner handed whole to the parsing thread.
private struct HandedOverScanner: @unchecked Sendable {
  var scanner: XMLScanner
  let bytes: PartBytes
}

/// A bounded hand-over of row batches from the parsing thread to the reader.
///
/// The producer blocks while `capacity` batches wait; the consumer blocks while none do. All state is
/// guarded by `condition`, which is why the class can be shared between the two threads.
final class RowChannel: @unchecked Sendable {
  private let condition = NSCondition()
  private let capacity: Int
  private var batches: [[TableRecord]] = []
  private var isFinished = false
  private var failure: TableReadError?
  private var isCancelled = false

  init(capacity: Int) {
    self.capacity = capacity
  }

  /// Hands over a batch; waits while the channel is full. Returns `false` if the reader is gone.
  func put(_ batch: [TableRecord]) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while batches.count >= capacity && !isCancelled { condition.wait() }
    if isCancelled { return false }
    batches.append(batch)
    condition.broadcast()
    return true
  }

  /// Marks the end of the rows, with the error that ended them early if any.
  func finish(_ error: TableReadError?) {
    condition.lock()
    defer { condition.unlock() }
    isFinished = true
    failure = error
    condition.broadcast()
  }

  /// Takes the next batch; waits while none is ready. `nil` at the end; throws the producer's error after
  /// the rows before it.
  func take() throws(TableReadError) -> [TableRecord]? {
    condition.lock()
    defer { condition.unlock() }
    while batches.isEmpty && !isFinished { condition.wait() }
    if !batches.isEmpty {
      condition.broadcast()
      return batches.removeFirst()
    }
    if let failure { throw failure }
    return nil
  }

  /// Tells the producer to stop (the reader was dropped).
  func cancel() {
    condition.lock()
    defer { condition.unlock() }
    isCancelled = true
    condition.broadcast()
  }

  var wasCancelled: Bool {
    condition.lock()
    defer { condition.unlock() }
    return isCancelled
  }
}

/// Turns the `<row>`/`<c>` elements of a sheet into records, in batches of at most ``batchSize`` rows or about
/// ``batchBytes`` bytes, so that the hand-over holds a bounded amount of text however wide the rows are.
private struct SheetParser {
  static let batchSize = 256
  static let batchBytes = 1 << 20

  private enum Collecting {
    case nothing
    case value
    case inlineText
  }

  let context: SheetContext
  private var batch: [TableRecord] = []
  private var batchByteCount = 0
  private var rowNumber = 0
  private var cells: [String] = []
  /// The columns up to the last cell with text in this row, and the widest row so far.
  private var rowWidth = 0
  private var widest = 0
  private var rowBytes = 0
  private var nextColumn = 0

  private var column = 0
  private var cellType: Substring = "n"
  private var cellStyle = 0
  private var value = ""
  private var isInInlineString = false
  private var phoneticDepth = 0
  private var collecting = Collecting.nothing

  /// Parses the sheet on the current thread, handing rows to `channel`; always finishes the channel.
  static func run(_ scanner: inout XMLScanner, context: SheetContext, channel: RowChannel) {
    var parser = SheetParser(context: context)
    var failure: TableReadError?
    do {
      while let event = try scanner.next() {
        if try parser.handle(event, line: scanner.line), !parser.flush(into: channel) {
          channel.finish(nil)
          return
        }
      }
    } catch .limitExceeded(_, _, _, .cellBytes) {
      // The scanner stops a text beyond the limit before the cell ends: named here by its row and column.
      failure = parser.limit(.cellBytes, column: parser.column)
    } catch {
      failure = error
    }
    if channel.wasCancelled {
      channel.finish(nil)
      return
    }
    // Rows completed before a fault are handed over first; the error follows them.
    parser.batchByteCount = Int.max
    _ = parser.flush(into: channel)
    channel.finish(failure)
  }

  private init(context: SheetContext) {
    self.context = context
    batch.reserveCapacity(Self.batchSize)
  }

  /// Hands the batch over when it is full; `false` when the reader is gone.
  private mutating func flush(into channel: RowChannel) -> Bool {
    guard !batch.isEmpty, batch.count >= Self.batchSize || batchByteCount >= Self.batchBytes else { return true }
    let full = batch
    batch.removeAll(keepingCapacity: true)
    batchByteCount = 0
    return channel.put(full)
  }

  private func limit(_ kind: TableLimits.Kind, column: Int? = nil) -> TableReadError {
    let place =
      "sheet '\(context.sheet)', row \(rowNumber)" + (column.map { ", column \(ExcelValues.columnName($0))" } ?? "")
    return .limitExceeded(file: context.file, line: nil, place: place, limit: kind)
  }

  /// Takes in one event; `true` when a row ended (the batch may be full).
  private mutating func handle(_ event: XMLScanner.Event, line: Int) throws(TableReadError) -> Bool {
    switch event {
    case .start(let element, let attributes):
      switch element {
      case "c":
        column = nextColumn
        cellType = "n"
        cellStyle = 0
        for attribute in attributes {
          switch attribute.name {
          case "r":
            guard let index = ExcelValues.columnIndex(ofReference: attribute.value) else {
              throw .malformedXML(
                file: context.file, part: context.part, line: line,
                reason: "the cell reference '\(attribute.value)' is not valid")
            }
            column = index
          case "t": cellType = Substring(attribute.value)
          case "s": cellStyle = Int(attribute.value) ?? 0
          default: break
          }
        }
        if column >= TableLimits.columns { throw limit(.columns) }
        value = ""
      case "v":
        collecting = .value
      case "t":
        if isInInlineString && phoneticDepth == 0 { collecting = .inlineText }
      case "is":
        isInInlineString = true
      case "rPh":
        phoneticDepth += 1
      case "row":
        rowNumber = attributes.first { $0.name == "r" }.flatMap { Int($0.value) } ?? rowNumber + 1
        cells.removeAll(keepingCapacity: true)
        rowWidth = 0
        rowBytes = 0
        nextColumn = 0
      default:
        break
      }
    case .text(let text):
      guard collecting != .nothing else { return false }
      value += text
      if value.utf8.count > TableLimits.cellBytes { throw limit(.cellBytes, column: column) }
    case .end(let element):
      switch element {
      case "v", "t":
        collecting = .nothing
      case "is":
        isInInlineString = false
      case "rPh":
        phoneticDepth -= 1
      case "c":
        let text = try cellText(line: line)
        nextColumn = column + 1
        guard !text.isEmpty else { return false }
        rowBytes += text.utf8.count
        if rowBytes > TableLimits.recordBytes { throw limit(.recordBytes) }
        if column < cells.count {
          cells[column] = text
        } else {
          if column > cells.count { cells.append(contentsOf: repeatElement("", count: column - cells.count)) }
          cells.append(text)
        }
        rowWidth = max(rowWidth, column + 1)
      case "row":
        guard rowWidth > 0 else { return false }
        widest = max(widest, rowWidth)
        if cells.count > rowWidth { cells.removeLast(cells.count - rowWidth) }
        if cells.count < widest { cells.append(contentsOf: repeatElement("", count: widest - cells.count)) }
        batch.append(TableRecord(line: rowNumber, fields: cells))
        batchByteCount += rowBytes + 16 * cells.count
        return true
      default:
        break
      }
    }
    return false
  }

  /// The text of the cell just ended.
  private func cellText(line: Int) throws(TableReadError) -> String {
    switch cellType {
    case "s":
      guard let index = Int(value) ?? Int(value.trimmingCharacters(in: .whitespaces)),
        context.sharedStrings.indices.contains(index)
      else {
        throw .malformedXML(
          file: context.file, part: context.part, line: line,
          reason: "a cell refers to shared string '\(value)', which does not exist")
      }
      return context.sharedStrings[index]
    case "inlineStr", "str":
      return ExcelValues.unescape(value)
    case "b":
      switch value {
      case "1": return "TRUE"
      case "0": return "FALSE"
      default: return value
      }
    case "e", "d":
      return value
    default:
      if !value.isEmpty, context.dateKinds.indices.contains(cellStyle), let kind = context.dateKinds[cellStyle],
        let serial = Double(value),
        let text = ExcelValues.isoText(serial: serial, kind: kind, date1904: context.date1904)
      {
        return text
      }
      return value
    }
  }
}
