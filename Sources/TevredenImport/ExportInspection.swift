import Foundation
import TevredenCore
import TevredenTables

/// What an export file holds, found by reading it once without a questionnaire: its format and encoding, the
/// platform layout, the columns with the kind of values in each, and the number of responses.
///
/// The file is streamed: only the first ``sampledRecordCount`` records (for layout detection) and a few counters
/// and values per column are kept, so memory does not grow with the number of responses. Values of columns that
/// hold personal data and of free-text columns are never part of the result.
public struct ExportInspection: Hashable, Sendable {
  /// How many leading records the layout is detected from: enough for Qualtrics' three header rows and a response.
  public static let sampledRecordCount = 4

  /// Format, encoding, byte order mark, delimiter and sheet of the file, as known after reading all of it.
  public var source: TableSourceDescription
  /// The platform layout: header rows, column names and the response id, time and finished columns.
  public var layout: ExportLayout
  /// Whether the platform was named by the caller instead of detected.
  public var isLayoutForced: Bool
  /// Records after the header rows with at least one filled cell.
  public var responseCount: Int
  /// Records after the header rows whose cells are all empty (Excel leaves them behind); not responses.
  public var blankRowCount: Int
  /// One profile per column in file order, including unnamed columns that only data rows reach.
  public var columns: [ColumnProfile]

  /// The columns that hold personal data, which an import drops.
  public var personalDataColumns: [ColumnProfile] { columns.filter { $0.personalData != nil } }

  /// Inspects a file, telling JSON API exports (which are not tables) from CSV, TSV and XLSX exports.
  ///
  /// - Parameters:
  ///   - url: A file URL.
  ///   - layout: A platform named by the user, which skips detection of the platform.
  ///   - options: Overrides for the encoding, delimiter or sheet.
  ///   - name: How to name the file in messages; defaults to the URL's path.
  /// - Throws: ``ExportInspectionError/jsonAPIExport(file:)`` for JSON, ``ExportInspectionError/unreadable(_:)``
  ///   when the file cannot be read as a table.
  public init(
    contentsOf url: URL, layout: SurveyPlatform? = nil, options: TableReadOptions = TableReadOptions(),
    name: String? = nil
  ) throws(ExportInspectionError) {
    let file = name ?? url.path
    if Self.looksLikeJSON(url) { throw .jsonAPIExport(file: file) }
    do {
      var reader = try TableFileReader(contentsOf: url, options: options, name: file)
      try self.init(reading: &reader, layout: layout)
    } catch {
      throw .unreadable(error)
    }
  }

  /// Inspects the records of an open reader, reading it to the end.
  ///
  /// - Parameters:
  ///   - reader: A reader positioned at the first record.
  ///   - layout: A platform named by the user, which skips detection of the platform.
  /// - Throws: ``TableReadError`` when the rest of the table cannot be read.
  public init<Reader: TableReader>(
    reading reader: inout Reader, layout forced: SurveyPlatform? = nil
  ) throws(TableReadError) {
    let sample = try reader.nextRecords(Self.sampledRecordCount)
    let layout = ExportLayout.detect(sample.map(\.fields), forced: forced)
    var accumulators = layout.columnNames.indices.map { ColumnAccumulator(names: layout.columnNames[$0]) }
    var responses = 0
    var blanks = 0
    func add(_ record: TableRecord) {
      guard record.fields.contains(where: { !ColumnAccumulator.isBlank($0) }) else {
        blanks += 1
        return
      }
      responses += 1
      while accumulators.count < record.fields.count { accumulators.append(ColumnAccumulator(names: [])) }
      for (index, cell) in record.fields.enumerated() { accumulators[index].add(cell) }
    }
    for record in sample.dropFirst(layout.headerRowCount) { add(record) }
    while let record = try reader.next() { add(record) }
    self.source = reader.source
    self.layout = layout
    self.isLayoutForced = forced != nil
    self.responseCount = responses
    self.blankRowCount = blanks
    self.columns = accumulators.enumerated().map { $0.element.profile(index: $0.offset) }
  }

  /// Whether the file's first character (after a UTF-8 byte order mark and white space) opens a JSON object or
  /// array followed by what JSON allows there; no CSV or workbook starts that way.
  static func looksLikeJSON(_ url: URL) -> Bool {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
    defer { try? handle.close() }
    guard let data = try? handle.read(upToCount: 512) else { return false }
    var bytes = ArraySlice(data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
    let significant = bytes.filter { !whitespace.contains($0) }.prefix(2)
    guard let first = significant.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else {
      return false
    }
    guard let second = significant.dropFirst().first else { return true }
    return first == UInt8(ascii: "{")
      ? [UInt8(ascii: "\""), UInt8(ascii: "}")].contains(second)
      : [UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "\"")].contains(second)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(second)
  }
}

/// Why a file could not be inspected.
public enum ExportInspectionError: LocalizedError, Equatable, Sendable {
  /// The file is a JSON document (a platform's API output), not a table export.
  case jsonAPIExport(file: String)
  /// The file cannot be read as a CSV, TSV or XLSX table.
  case unreadable(TableReadError)

  /// One line in the `file: error: …` form the rest of `tevreden` prints.
  public var errorDescription: String? {
    switch self {
    case .jsonAPIExport(let file):
      return
        "\(file): error: this is a JSON API export, which tevreden import does not read; export the responses "
        + "from the platform as CSV or XLSX instead"
    case .unreadable(let error):
      return error.errorDescription
    }
  }
}

/// What one column of an export holds: its names, the kind of its values, how many responses filled it, and
/// whether it is personal data.
public struct ColumnProfile: Hashable, Sendable {
  /// The kind of value every filled cell of a column has.
  public enum ValueType: String, Hashable, Sendable, CaseIterable {
    /// No response filled the column.
    case empty
    /// Whole numbers, possibly with a sign.
    case integer
    /// Numbers with a decimal point (and possibly whole numbers).
    case decimal
    /// Numbers with a decimal comma, as Dutch Excel writes them (and possibly whole numbers).
    case decimalComma
    /// Dates, or dates with times, in a format ``ExportDate`` reads (workbook dates arrive as ISO 8601).
    case dateTime
    /// Times of day only (`8:56:00 AM`, `14:05`).
    case time
    /// Yes/no answers: words such as `yes`/`no`, `ja`/`nee`, `Y`, `TRUE`, or both `1` and `0` and nothing else.
    case yesNo
    /// Short texts that repeat: answer labels or codes from a list of choices.
    case label
    /// Free text, or values of mixed kinds.
    case text
  }

  /// A value and how many responses have it.
  public struct ValueCount: Hashable, Sendable {
    public var value: String
    public var count: Int

    /// Creates a value count.
    public init(value: String, count: Int) {
      self.value = value
      self.count = count
    }
  }

  /// The smallest and largest value of a number or date column, as written in the file.
  public struct ValueRange: Hashable, Sendable {
    public var lowest: String
    public var highest: String

    /// Creates a range.
    public init(lowest: String, highest: String) {
      self.lowest = lowest
      self.highest = highest
    }
  }

  /// Distinct values counted per column; a column with more is free text.
  public static let distinctValueLimit = 50
  /// Most frequent values kept for a label column.
  public static let topValueLimit = 5

  /// The column's 0-based position.
  public var index: Int
  /// The names the column goes by, most specific first, without empty names or repeats.
  public var names: [String]
  /// The kind of personal data the column holds, judged by its names; such columns are never stored (an import drops them, or for an option column of a multiple-choice item keeps only which option was ticked).
  public var personalData: PersonalDataKind?
  /// The kind of its values.
  public var valueType: ValueType
  /// Responses with a non-blank cell in this column.
  public var filledCount: Int
  /// Distinct filled values, or `nil` when there are more than ``distinctValueLimit``.
  public var distinctCount: Int?
  /// For label and yes/no columns without personal data: the most frequent values, most frequent first.
  public var topValues: [ValueCount]
  /// For number and date columns without personal data: the smallest and largest value.
  public var range: ValueRange?
  /// The length in characters of the longest filled value.
  public var longestValueLength: Int

  /// The display name: the first name, or `column N` for an unnamed column.
  public var displayName: String { names.first ?? "column \(index + 1)" }
}

/// Counters and a bounded set of values for one column, filled one cell at a time.
struct ColumnAccumulator {
  let names: [String]
  /// The kind of personal data the header names.
  let personalData: PersonalDataKind?
  /// The first non-empty cells, by which a column is judged to hold personal data whatever its header says (an
  /// import judges it the same way, see `ExportSample`).
  private var sample: [String] = []
  private var filled = 0
  private var counts: [String: Int] = [:]
  private var hasTooManyValues = false
  private var hasLineBreak = false
  private var longest = 0
  // Cells of each structured kind, until a cell of no such kind (`hasOtherValue`) ends the counting.
  private var hasOtherValue = false
  private var integers = 0
  private var pointDecimals = 0
  private var commaDecimals = 0
  private var zeros = 0
  private var ones = 0
  private var yesNoWords = 0
  private var times = 0
  private var dates = 0
  private var lowestNumber: (value: Double, text: String)?
  private var highestNumber: (value: Double, text: String)?
  private var earliest: (value: Date, text: String)?
  private var latest: (value: Date, text: String)?

  init(names: [String]) {
    var unique: [String] = []
    for name in names where !name.isEmpty && !unique.contains(name) { unique.append(name) }
    self.names = unique
    self.personalData = unique.lazy.compactMap(PersonalDataColumns.kind(ofHeader:)).first
  }

  /// Whether a cell holds nothing but white space.
  static func isBlank(_ cell: String) -> Bool {
    cell.unicodeScalars.allSatisfy(\.properties.isWhitespace)
  }

  /// The cell without leading and trailing white space; most cells have none, and are returned as they are.
  static func trimmed(_ cell: String) -> String {
    guard let first = cell.unicodeScalars.first, let last = cell.unicodeScalars.last else { return cell }
    if !first.properties.isWhitespace && !last.properties.isWhitespace { return cell }
    return cell.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  mutating func add(_ cell: String) {
    let value = Self.trimmed(cell)
    guard !value.isEmpty else { return }
    filled += 1
    if sample.count < ExportSample.rowLimit { sample.append(value) }
    longest = max(longest, value.count)
    if !hasLineBreak && value.contains(where: \.isNewline) { hasLineBreak = true }
    // Once there are too many distinct values the column is free text, and its counts are not shown.
    if !hasTooManyValues {
      if let count = counts[value] {
        counts[value] = count + 1
      } else if counts.count < ColumnProfile.distinctValueLimit {
        counts[value] = 1
      } else {
        hasTooManyValues = true
      }
    }
    if !hasOtherValue { classify(value) }
  }

  private mutating func classify(_ value: String) {
    if let kind = NumberKind(value) {
      switch kind {
      case .integer: integers += 1
      case .pointDecimal: pointDecimals += 1
      case .commaDecimal: commaDecimals += 1
      }
      if value == "0" { zeros += 1 }
      if value == "1" { ones += 1 }
      if let number = Double(kind == .commaDecimal ? value.replacingOccurrences(of: ",", with: ".") : value) {
        if lowestNumber.map({ number < $0.value }) ?? true { lowestNumber = (number, value) }
        if highestNumber.map({ number > $0.value }) ?? true { highestNumber = (number, value) }
      }
    } else if value.utf8.count <= YesNoWords.longestWord, YesNoWords.value(value, in: .platform) != nil {
      // A column is shown as yes/no when an import reads each of its words as yes or no.
      yesNoWords += 1
    } else if Self.isTimeOfDay(value) {
      times += 1
    } else if let date = ExportDate.parse(value) {
      dates += 1
      if earliest.map({ date < $0.value }) ?? true { earliest = (date, value) }
      if latest.map({ date > $0.value }) ?? true { latest = (date, value) }
    } else {
      hasOtherValue = true
    }
  }

  /// `8:56`, `08:56:00`, `8:56:00.5`, `8:56:00 AM`, `8:56 p.m.`.
  static func isTimeOfDay(_ text: String) -> Bool {
    var clock = Substring(text)
    let lowered = text.lowercased()
    for suffix in [" a.m.", " p.m.", " am", " pm", "a.m.", "p.m.", "am", "pm"] where lowered.hasSuffix(suffix) {
      clock = clock.dropLast(suffix.count)
      break
    }
    let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
    let isDigit = { (character: Character) in character.isASCII && character.isNumber }
    guard (2...3).contains(parts.count), (1...2).contains(parts[0].count), parts[1].count == 2,
      parts[0].allSatisfy(isDigit), parts[1].allSatisfy(isDigit), let hour = Int(parts[0]), let minute = Int(parts[1]),
      hour < 24, minute < 60
    else { return false }
    guard parts.count == 3 else { return true }
    let seconds = parts[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    return seconds[0].count == 2 && seconds[0].allSatisfy(isDigit) && (Int(seconds[0]) ?? 60) < 60
      && (seconds.count == 1 || (!seconds[1].isEmpty && seconds[1].allSatisfy(isDigit)))
  }

  private var valueType: ColumnProfile.ValueType {
    if filled == 0 { return .empty }
    if !hasOtherValue {
      let numbers = integers + pointDecimals + commaDecimals
      if yesNoWords == filled || (zeros > 0 && ones > 0 && zeros + ones == filled) { return .yesNo }
      if integers == filled { return .integer }
      if numbers == filled && commaDecimals == 0 { return .decimal }
      if numbers == filled && pointDecimals == 0 { return .decimalComma }
      if times == filled { return .time }
      if dates > 0 && dates + times == filled { return .dateTime }
    }
    // Labels repeat: fewer distinct values than filled cells, and few of them for their number.
    let distinct = counts.count
    let repeats = distinct < filled && (distinct <= 10 || filled >= 2 * distinct)
    return !hasTooManyValues && !hasLineBreak && repeats && longest <= 100 ? .label : .text
  }

  func profile(index: Int) -> ColumnProfile {
    let type = valueType
    // A header naming personal data is enough: inspection knows no questionnaire to read the column as an answer.
    let personalData = self.personalData ?? PersonalDataColumns.kind(ofValues: sample)
    let isPrivate = personalData != nil
    var top: [ColumnProfile.ValueCount] = []
    if !isPrivate && (type == .label || type == .yesNo) {
      top = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(ColumnProfile.topValueLimit)
        .map { ColumnProfile.ValueCount(value: $0.key, count: $0.value) }
    }
    var range: ColumnProfile.ValueRange?
    if !isPrivate {
      switch type {
      case .integer, .decimal, .decimalComma:
        if let lowestNumber, let highestNumber {
          range = ColumnProfile.ValueRange(lowest: lowestNumber.text, highest: highestNumber.text)
        }
      case .dateTime:
        if let earliest, let latest { range = ColumnProfile.ValueRange(lowest: earliest.text, highest: latest.text) }
      default:
        break
      }
    }
    return ColumnProfile(
      index: index, names: names, personalData: personalData, valueType: type, filledCount: filled,
      distinctCount: hasTooManyValues ? nil : counts.count, topValues: top, range: range,
      longestValueLength: longest)
  }
}

/// How a cell writes a number, if it is one: `42`, `-3`, `3.5`, `.5`, `7,5`.
private enum NumberKind {
  case integer
  case pointDecimal
  case commaDecimal

  init?(_ text: String) {
    var digitsBefore = 0
    var digitsAfter = 0
    var separator: UInt8?
    for (offset, byte) in text.utf8.enumerated() {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        if separator == nil { digitsBefore += 1 } else { digitsAfter += 1 }
      case UInt8(ascii: "+"), UInt8(ascii: "-"):
        guard offset == 0 else { return nil }
      case UInt8(ascii: "."), UInt8(ascii: ","):
        guard separator == nil else { return nil }
        separator = byte
      default:
        return nil
      }
    }
    switch separator {
    case nil:
      guard digitsBefore > 0 else { return nil }
      self = .integer
    case UInt8(ascii: ".")?:
      guard digitsAfter > 0 else { return nil }
      self = .pointDecimal
    default:
      guard digitsBefore > 0, digitsAfter > 0 else { return nil }
      self = .commaDecimal
    }
  }
}
