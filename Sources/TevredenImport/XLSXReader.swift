import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Streams the rows of one worksheet of an XLSX workbook as text.
///
/// Opening reads the workbook's small parts: `xl/workbook.xml` (sheet names, the 1904 date system),
/// its relationships (which file holds which sheet), `xl/sharedStrings.xml` and `xl/styles.xml` (which
/// cell styles are dates). From the first call of ``next()`` on, the sheet itself is parsed with
/// `XMLParser` on a background thread that hands over a bounded number of rows at a time, so a large sheet
/// is never held in memory as rows; its XML is unzipped to memory when small and to a temporary file
/// (removed afterwards) otherwise. Dropping the reader stops the parse.
///
/// Cells become text as Excel would write them to CSV, except dates:
/// - shared and inline strings (rich-text runs joined, phonetic guides left out, `_x000D_` escapes undone);
/// - numbers as written in the file (`3.5`, `302220039`);
/// - numbers with a date or time format as ISO 8601 `YYYY-MM-DDTHH:MM:SS` (or `HH:MM:SS` for a time of
///   day), whatever the format shows, in the workbook's 1900 or 1904 date system;
/// - booleans as `TRUE` and `FALSE`; error values as shown (`#N/A`); formulas as their cached result.
///
/// Each record's ``TableRecord/line`` is the row number. Missing cells are filled with empty strings
/// from column A, and rows are padded to the sheet's declared width (`<dimension>`), so that every
/// record of a rectangular table has the same number of fields. Rows without any text are skipped.
///
/// A reader is a single pass over the sheet; copies share that pass.
public struct XLSXReader: TableReader {
  /// Sheets whose XML is larger than this are unzipped to a temporary file rather than to memory.
  static let defaultInMemoryLimit = 16 << 20

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
    try self.init(contentsOf: url, sheet: sheet, name: name, inMemoryLimit: Self.defaultInMemoryLimit)
  }

  init(contentsOf url: URL, sheet: String?, name: String?, inMemoryLimit: Int) throws(TableReadError) {
    let file = name ?? url.path
    let package = try WorkbookPackage(url: url, file: file)
    let workbook = try package.workbook()
    let chosen = try workbook.sheet(named: sheet, file: file)
    let context = SheetContext(
      file: file, part: chosen.part, sharedStrings: try package.sharedStrings(workbook),
      dateKinds: try package.dateKinds(workbook), date1904: workbook.date1904)
    guard package.contains(chosen.part) else { throw .missingPart(file: file, part: chosen.part) }
    rows = SheetRowStream(package: package, context: context, inMemoryLimit: inMemoryLimit)
    source = TableSourceDescription(
      file: file, format: .xlsx, sheet: chosen.name, sheetNames: workbook.sheets.map(\.name))
  }

  /// The next non-empty row, or `nil` after the last.
  ///
  /// - Throws: ``TableReadError/malformedXML(file:part:line:reason:)`` if the sheet's XML breaks off or
  ///   is not well-formed; rows before the fault have been returned.
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
private struct WorkbookPackage {
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

  /// The unzipped bytes of a part.
  func data(of part: String) throws(TableReadError) -> Data {
    guard let entry = entries[Self.key(part)] else { throw .missingPart(file: file, part: part) }
    var data = Data()
    data.reserveCapacity(Int(min(entry.uncompressedSize, 1 << 26)))
    do {
      _ = try archive.extract(entry) { data.append($0) }
    } catch {
      throw .notAZipArchive(file: file)
    }
    return data
  }

  /// The relationships of a part: id to (type, archive path).
  func relationships(of part: String) throws(TableReadError) -> [String: (type: String, target: String)] {
    let directory = Self.directory(of: part)
    let name = part.split(separator: "/").last.map(String.init) ?? part
    let relsPart = (directory.isEmpty ? "" : directory + "/") + "_rels/" + name + ".rels"
    guard contains(relsPart) else { return [:] }
    var relationships: [String: (type: String, target: String)] = [:]
    let events = XMLEvents()
    events.didStartElement = { element, attributes in
      guard element == "Relationship", let id = attribute("Id", in: attributes),
        let target = attribute("Target", in: attributes), attribute("TargetMode", in: attributes) != "External"
      else { return }
      relationships[id] = (attribute("Type", in: attributes) ?? "", Self.resolve(target, in: directory))
    }
    try events.parse(try data(of: relsPart), part: relsPart, file: file)
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
    let events = XMLEvents()
    events.didStartElement = { element, attributes in
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
    try events.parse(try data(of: part), part: part, file: file)
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
    let events = XMLEvents()
    events.didStartElement = { element, _ in
      switch element {
      case "si":
        isInItem = true
        current = ""
      case "t": isInText = isInItem && phoneticDepth == 0
      case "rPh": phoneticDepth += 1
      default: break
      }
    }
    events.didEndElement = { element in
      switch element {
      case "si":
        strings.append(ExcelValues.unescape(current))
        isInItem = false
      case "t": isInText = false
      case "rPh": phoneticDepth -= 1
      default: break
      }
    }
    events.foundCharacters = { text in
      if isInText { current += text }
    }
    try events.parse(try data(of: part), part: part, file: file)
    return strings
  }

  /// For each cell style (`s` attribute, an index into `<cellXfs>`), whether its number format is a date.
  func dateKinds(_ workbook: WorkbookInfo) throws(TableReadError) -> [ExcelDateKind?] {
    let part = workbook.relatedParts["/styles"] ?? "xl/styles.xml"
    guard contains(part) else { return [] }
    var customFormats: [Int: String] = [:]
    var styleFormats: [Int] = []
    var isInCellFormats = false
    let events = XMLEvents()
    events.didStartElement = { element, attributes in
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
    }
    events.didEndElement = { element in
      if element == "cellXfs" { isInCellFormats = false }
    }
    try events.parse(try data(of: part), part: part, file: file)
    return styleFormats.map { id in
      if let code = customFormats[id] { return ExcelValues.dateKind(formatCode: code) }
      return ExcelValues.builtInDateKind(id)
    }
  }

  /// The sheet's XML, unzipped to memory or, above `inMemoryLimit` bytes, to a temporary file.
  func sheetInput(_ part: String, inMemoryLimit: Int) throws(TableReadError) -> SheetInput {
    guard let entry = entries[Self.key(part)] else { throw .missingPart(file: file, part: part) }
    if entry.uncompressedSize <= UInt64(inMemoryLimit) {
      return .data(try data(of: part))
    }
    let temporary = FileManager.default.temporaryDirectory
      .appendingPathComponent("tevreden-sheet-\(UUID().uuidString).xml")
    do {
      _ = try archive.extract(entry, to: temporary)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw .notAZipArchive(file: file)
    }
    return .temporaryFile(temporary)
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

// MARK: - Streaming the sheet

/// Where the sheet's XML is read from.
enum SheetInput: Sendable {
  case data(Data)
  case temporaryFile(URL)
}

/// What the sheet parser needs to turn cells into text.
struct SheetContext: Sendable {
  var file: String
  var part: String
  var sharedStrings: [String]
  var dateKinds: [ExcelDateKind?]
  var date1904: Bool
}

/// Owns the background parse of one sheet: starts it on the first request for rows (so describing a
/// workbook does not unzip its sheet) and stops it when the reader is dropped.
private final class SheetRowStream {
  let channel = RowChannel(capacity: 8)
  private var pending: (package: WorkbookPackage, context: SheetContext, inMemoryLimit: Int)?

  init(package: WorkbookPackage, context: SheetContext, inMemoryLimit: Int) {
    pending = (package, context, inMemoryLimit)
  }

  /// The next batch of rows; `nil` at the end.
  func take() throws(TableReadError) -> [TableRecord]? {
    if let (package, context, inMemoryLimit) = pending {
      pending = nil
      let input: SheetInput
      do {
        input = try package.sheetInput(context.part, inMemoryLimit: inMemoryLimit)
      } catch {
        channel.finish(error)  // later calls report it again instead of waiting for rows
        throw error
      }
      let channel = self.channel
      let thread = Thread {
        SheetParser.run(input: input, context: context, channel: channel)
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

/// The `XMLParser` delegate that turns `<row>`/`<c>` elements into records.
private final class SheetParser: NSObject, XMLParserDelegate {
  private enum Collecting {
    case nothing
    case value
    case inlineText
  }

  static let batchSize = 256

  private let context: SheetContext
  private let channel: RowChannel
  private weak var parser: XMLParser?
  private(set) var failure: TableReadError?
  private(set) var problems = XMLProblems()
  private(set) var isCancelled = false
  var temporaryFile: URL?

  private var declaredWidth = 0
  private var batch: [TableRecord] = []
  private var rowNumber = 0
  private var cells: [String] = []
  private var rowHasText = false
  private var nextColumn = 0

  private var column = 0
  private var cellType = "n"
  private var cellStyle = 0
  private var value = ""
  private var inlineText = ""
  private var isInInlineString = false
  private var phoneticDepth = 0
  private var collecting = Collecting.nothing

  private init(context: SheetContext, channel: RowChannel) {
    self.context = context
    self.channel = channel
    batch.reserveCapacity(Self.batchSize)
  }

  /// Parses the sheet on the current thread, handing rows to `channel`; always finishes the channel.
  static func run(input: SheetInput, context: SheetContext, channel: RowChannel) {
    // `InputStream` opens the file when parsing starts; the first element removes it (see below).
    let stream: InputStream?
    switch input {
    case .data(let data):
      stream = InputStream(data: data)
    case .temporaryFile(let url):
      stream = InputStream(url: url)
    }
    let delegate = SheetParser(context: context, channel: channel)
    if case .temporaryFile(let url) = input { delegate.temporaryFile = url }
    guard let stream else {
      delegate.removeTemporaryFile()
      channel.finish(.unreadableFile(file: context.file, reason: "cannot read the unzipped sheet"))
      return
    }
    let parser = XMLParser(stream: stream)
    delegate.parser = parser
    parser.delegate = delegate
    let succeeded = parser.parse()
    // Before finishing: once the reader has its last rows, the process may end at any moment.
    delegate.removeTemporaryFile()
    if delegate.isCancelled || channel.wasCancelled {
      channel.finish(nil)
      return
    }
    // Rows completed before a fault are handed over first; the error follows them.
    delegate.flush()
    channel.finish(
      delegate.failure
        ?? delegate.problems.error(after: parser, succeeded: succeeded, part: context.part, file: context.file))
  }

  /// Removes the unzipped sheet. Called as soon as the parser has opened it (an open file stays readable
  /// after removal on Linux and macOS), so that not even a killed process leaves it behind.
  func removeTemporaryFile() {
    guard let url = temporaryFile else { return }
    temporaryFile = nil
    try? FileManager.default.removeItem(at: url)
  }

  private func flush() {
    guard !batch.isEmpty, !isCancelled else { return }
    if !channel.put(batch) { isCancelled = true }
    batch.removeAll(keepingCapacity: true)
  }

  private func fail(_ reason: String) {
    guard failure == nil else { return }
    failure = .malformedXML(file: context.file, part: context.part, line: parser?.lineNumber, reason: reason)
    parser?.abortParsing()
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
    problems.record(parseError, in: parser)
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    if !problems.sawElement {
      problems.sawElement = true
      removeTemporaryFile()
    }
    switch localName(elementName) {
    case "c":
      if let reference = attributeDict["r"] {
        guard let index = ExcelValues.columnIndex(ofReference: reference) else {
          return fail("the cell reference '\(reference)' is not valid")
        }
        column = index
      } else {
        column = nextColumn
      }
      cellType = attributeDict["t"] ?? "n"
      cellStyle = attributeDict["s"].flatMap { Int($0) } ?? 0
      value = ""
      inlineText = ""
    case "v":
      collecting = .value
    case "t":
      if isInInlineString && phoneticDepth == 0 { collecting = .inlineText }
    case "is":
      isInInlineString = true
    case "rPh":
      phoneticDepth += 1
    case "row":
      rowNumber = attributeDict["r"].flatMap { Int($0) } ?? rowNumber + 1
      cells.removeAll(keepingCapacity: true)
      rowHasText = false
      nextColumn = 0
    case "dimension":
      if let reference = attributeDict["ref"], let last = reference.split(separator: ":").last {
        declaredWidth = (ExcelValues.columnIndex(ofReference: String(last)) ?? -1) + 1
      }
    default:
      break
    }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
  ) {
    switch localName(elementName) {
    case "v", "t":
      collecting = .nothing
    case "is":
      isInInlineString = false
    case "rPh":
      phoneticDepth -= 1
    case "c":
      guard let text = cellText() else { return }
      if !text.isEmpty { rowHasText = true }
      if column < cells.count {
        cells[column] = text
      } else {
        if column > cells.count { cells.append(contentsOf: repeatElement("", count: column - cells.count)) }
        cells.append(text)
      }
      nextColumn = column + 1
    case "row":
      guard rowHasText else { return }
      if cells.count < declaredWidth {
        cells.append(contentsOf: repeatElement("", count: declaredWidth - cells.count))
      }
      batch.append(TableRecord(line: rowNumber, fields: cells))
      if batch.count >= Self.batchSize {
        flush()
        if isCancelled { parser.abortParsing() }
      }
    default:
      break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    switch collecting {
    case .nothing: break
    case .value: value += string
    case .inlineText: inlineText += string
    }
  }

  /// The text of the cell just ended; `nil` after a fault.
  private func cellText() -> String? {
    switch cellType {
    case "s":
      guard let index = Int(value.trimmingCharacters(in: .whitespaces)), context.sharedStrings.indices.contains(index)
      else {
        fail("a cell refers to shared string '\(value)', which does not exist")
        return nil
      }
      return context.sharedStrings[index]
    case "inlineStr":
      return ExcelValues.unescape(inlineText)
    case "str":
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
