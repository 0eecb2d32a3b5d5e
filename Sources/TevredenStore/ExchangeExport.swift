import Foundation
import GRDB
import GRDBSQLite
import TevredenCore

extension TevredenDatabase {
  /// Writes the exchange CSV lines (``ExchangeCSV/line(for:items:)``) of a questionnaire's stored responses, in a
  /// period if given, in the order ``forEachResponse(of:in:_:)`` reads them, passing them to `write` in chunks of
  /// whole lines of about 64 KiB.
  ///
  /// A row whose columns are as tevreden writes them (texts where texts belong, timestamps as `Timestamp.format`
  /// writes them, values in their canonical text) is written straight from its bytes: no `Response`, no
  /// dictionary, no string per cell but the open answers, which are masked again. Any other row (changed by hand,
  /// written by an older tevreden, corrupt) is read into a `Response` and written by `ExchangeCSV.line`, so that
  /// it gives the same line, or the same error, as before.
  ///
  /// - Returns: How many rows were read the slow way (for the tests: the first row of each definition, to learn it,
  ///   and the rows not as tevreden writes them).
  @discardableResult
  public func writeExchangeLines(
    of questionnaire: Questionnaire.ID, in period: Period?, items: [Question.ID],
    _ write: (UnsafeBufferPointer<UInt8>) throws -> Void
  ) throws -> Int {
    try writer.read { db in
      var arguments: [any DatabaseValueConvertible] = [questionnaire.rawValue]
      var filter = "\(Self.ofQuestionnaire) AND \(try Self.visibleResponses(in: db))"
      if let period {
        filter += " AND collectedOn BETWEEN ? AND ?"
        arguments += [period.first.description, period.last.description]
      }
      let statement = try db.makeStatement(sql: "SELECT * FROM responseRow WHERE \(filter) ORDER BY id")
      let columns = try ExchangeRowColumns(statement.columnNames)
      let handle = statement.sqliteStatement
      let rows = try Row.fetchCursor(statement, arguments: StatementArguments(arguments))
      var definitions: [Int64: Questionnaire] = [:]
      var plans: [Int64: ExchangeRowPlan] = [:]
      var line = ExchangeLineWriter(items: items)
      var slowRows = 0
      let codes = try ItemCodes.fetch(db)
      var output: [UInt8] = []
      output.reserveCapacity(1 << 17)
      while let row = try rows.next() {
        let start = output.count
        let written =
          plans[sqlite3_column_int64(handle, columns.snapshotId)].map {
            line.write(handle, columns: columns, plan: $0, to: &output)
          } ?? false
        if !written {
          slowRows += 1
          output.removeSubrange(start...)
          let record = try ResponseRecord(row: row)
          let definition = try Self.definition(of: record, in: db, cache: &definitions)
          let response = try Self.response(record, row: row, questionnaire: definition, codes: codes)
          output.append(contentsOf: ExchangeCSV.line(for: response, items: items).utf8)
          if plans[record.snapshotId] == nil {
            plans[record.snapshotId] = ExchangeRowPlan(definition, items: items, codes: codes)
          }
        }
        if output.count >= 1 << 16 {
          try output.withUnsafeBufferPointer(write)
          output.removeAll(keepingCapacity: true)
        }
      }
      if !output.isEmpty { try output.withUnsafeBufferPointer(write) }
      return slowRows
    }
  }
}

/// The positions of the columns of `SELECT * FROM responseRow` that a line needs, and of those `ResponseRecord`
/// decodes, whose types are checked so that a row the record could not decode goes the slow way and fails there.
struct ExchangeRowColumns {
  var id: Int32
  var responseKey: Int32
  var keyHash: Int32
  var snapshotId: Int32
  var questionnaireID: Int32
  var questionnaireVersion: Int32
  var audience: Int32
  var respondentGroup: Int32
  var gemeente: Int32
  var mode: Int32
  var interviewer: Int32
  var startedAt: Int32
  var completedAt: Int32
  var collectedOn: Int32
  var status: Int32
  var grade: Int32
  var importBatchId: Int32
  var answers: Int32
  var missing: Int32
  var language: Int32
  var interpreter: Int32

  init(_ names: [String]) throws {
    func index(_ name: String) throws -> Int32 {
      guard let index = names.firstIndex(of: name) else {
        throw StoreError.corruptRow("the response table has no column \(name)")
      }
      return Int32(index)
    }
    id = try index("id")
    responseKey = try index("responseKey")
    keyHash = try index("keyHash")
    snapshotId = try index("snapshotId")
    questionnaireID = try index("questionnaireID")
    questionnaireVersion = try index("questionnaireVersion")
    audience = try index("audience")
    respondentGroup = try index("respondentGroup")
    gemeente = try index("gemeente")
    mode = try index("mode")
    interviewer = try index("interviewer")
    startedAt = try index("startedAt")
    completedAt = try index("completedAt")
    collectedOn = try index("collectedOn")
    status = try index("status")
    grade = try index("grade")
    importBatchId = try index("importBatchId")
    answers = try index("answers")
    missing = try index("missing")
    language = try index("language")
    interpreter = try index("interpreter")
    texts = [responseKey, questionnaireID, audience, respondentGroup, mode, startedAt, collectedOn, status, language]
    integers = [id, keyHash, snapshotId, questionnaireVersion, interpreter]
    optionalTexts = [gemeente, interviewer, completedAt]
    afterVersion = [audience, respondentGroup, gemeente, mode, interviewer, startedAt, completedAt, status]
  }

  /// Columns `ResponseRecord` decodes as `String`, as an integer, and as `String?`.
  var texts: [Int32] = []
  var integers: [Int32] = []
  var optionalTexts: [Int32] = []
  /// The line's metadata columns after the version, in order.
  var afterVersion: [Int32] = []
}

/// What a line needs to know of one stored definition: its items' ids as bytes, the export column of each, and how
/// to tell that a stored value is already the canonical text the line would print.
struct ExchangeRowPlan {
  enum Check {
    /// `ja` or `nee`.
    case yesNo
    /// A whole number among these (a scale's points) or in this range, written as `String(Int)` writes it.
    case integer(points: [Int]?, range: ClosedRange<Int>)
    /// A grade as `AnswerValue.format(grade:)` writes it: `1`…`10`, or `1.1`…`9.9` without a trailing zero.
    case grade
    /// Choice codes, one or (`multiple`) several joined by `;` in the questionnaire's order; `codes` holds each
    /// choice's code when reading it back gives that very code, else `nil`.
    case choices(codes: [[UInt8]?], multiple: Bool)
    /// Free text, masked again when written.
    case text
  }

  /// Each item's key in the answers objects: its number (``ItemCodes``).
  var keys: [[UInt8]]
  /// The items in the order of their numbers, the order the objects are written in.
  var sorted: [Int]
  /// The export column of each item, or `nil` for one the columns lack (its answer is not written).
  var columns: [Int?]
  var checks: [Check]

  /// `nil` when an item of the definition has no number in the database (its rows then go the slow way).
  init?(_ definition: Questionnaire, items: [Question.ID], codes: ItemCodes) {
    var numbers: [Int64] = []
    for question in definition.questions {
      guard let key = codes.key(question.id), let number = Int64(key) else { return nil }
      numbers.append(number)
    }
    keys = numbers.map { Array(String($0).utf8) }
    sorted = numbers.indices.sorted { numbers[$0] < numbers[$1] }
    columns = definition.questions.map { question in items.firstIndex(of: question.id) }
    checks = definition.questions.map { question in
      switch question.kind {
      case .consent, .yesNo: .yesNo
      case .scale(let scale): .integer(points: scale.points.map(\.value), range: Int.min...Int.max)
      case .number(let range): .integer(points: nil, range: range)
      case .grade: .grade
      case .text: .text
      case .choice(let choices, let multiple):
        .choices(
          codes: choices.indices.map { index in
            let code = choices[index].code
            // The stored dialect reads a code as itself, the first choice that has it, and splits on `;` when several
            // may be chosen: a code that another choice has before it, or that holds the separator, goes the slow way.
            let readsBack =
              !code.isEmpty && !(multiple && code.contains(CanonicalSpelling.choiceSeparator))
              && !choices[..<index].contains { $0.code == code }
            return readsBack ? Array(code.utf8) : nil
          }, multiple: multiple)
      }
    }
  }

  /// The item whose number is `key`. `position`, in ``sorted``, is tried first and left after the item found: the
  /// objects are written in the order of the numbers, so the next key is nearly always the next one there.
  func item(_ key: UnsafeBufferPointer<UInt8>, guess position: inout Int) -> Int? {
    func matches(_ index: Int) -> Bool { bytesEqual(keys[index], key) }
    if position < sorted.count, matches(sorted[position]) {
      position += 1
      return sorted[position - 1]
    }
    guard let found = sorted.firstIndex(where: matches) else { return nil }
    position = found + 1
    return sorted[found]
  }

  /// Whether `value` is the canonical text of a value of item `index`, the text `ExchangeCSV.line` would print for
  /// it after reading it back.
  func isCanonical(_ value: UnsafeBufferPointer<UInt8>, item index: Int) -> Bool {
    switch checks[index] {
    case .text: return true
    case .yesNo:
      return bytesEqual(Self.yes, value) || bytesEqual(Self.no, value)
    case .grade:
      return CanonicalSpelling.grade(value) != nil
    case .integer(let points, let range):
      guard let number = CanonicalSpelling.integer(value) else { return false }
      if let points { return points.contains(number) }
      return range.contains(number)
    case .choices(let codes, let multiple):
      var previous = -1
      var partStart = 0
      var position = 0
      while position <= value.count {
        guard position == value.count || (multiple && value[position] == Self.choiceSeparator) else {
          position += 1
          continue
        }
        let part = UnsafeBufferPointer(rebasing: value[partStart..<position])
        guard let found = codes.indices.first(where: { codes[$0].map { bytesEqual($0, part) } ?? false }),
          found > previous
        else { return false }
        previous = found
        position += 1
        partStart = position
      }
      return true
    }
  }

  static let yes = Array(CanonicalSpelling.yes.utf8)
  static let no = Array(CanonicalSpelling.no.utf8)
  static let choiceSeparator = CanonicalSpelling.choiceSeparator.asciiValue ?? UInt8(ascii: ";")
}

/// Writes one exchange CSV line from a response row's columns, reusing its buffers from row to row.
struct ExchangeLineWriter {
  /// Per export column: where the cell's text is in `cellBytes`, whether it is an open answer to mask, and whether
  /// it gets the spreadsheet guard (every cell but a number's, as `ExchangeCSV.line` decides).
  private var cells: [(start: Int, count: Int, mask: Bool, guarded: Bool)]
  private var cellBytes: [UInt8] = []
  private var reader = JSONStringObjectReader()

  init(items: [Question.ID]) {
    cells = Array(repeating: (0, 0, false, false), count: items.count)
  }

  /// Appends the row's line to `output`; `false` (with `output` partly written) when the row is not as tevreden
  /// writes it and must be read the slow way.
  mutating func write(
    _ handle: OpaquePointer, columns: ExchangeRowColumns, plan: ExchangeRowPlan, to output: inout [UInt8]
  ) -> Bool {
    // The columns `ResponseRecord` decodes, of the types it decodes without error.
    func type(_ column: Int32) -> Int32 { sqlite3_column_type(handle, column) }
    for column in columns.texts where type(column) != SQLITE_TEXT { return false }
    for column in columns.integers where type(column) != SQLITE_INTEGER { return false }
    for column in columns.optionalTexts where type(column) != SQLITE_TEXT && type(column) != SQLITE_NULL {
      return false
    }
    guard type(columns.grade) != SQLITE_TEXT, type(columns.grade) != SQLITE_BLOB,
      type(columns.importBatchId) == SQLITE_INTEGER || type(columns.importBatchId) == SQLITE_NULL
    else { return false }

    for index in cells.indices { cells[index] = (0, 0, false, false) }
    cellBytes.removeAll(keepingCapacity: true)
    guard readAnswers(handle, columns.answers, plan: plan, missingCodes: false),
      readAnswers(handle, columns.missing, plan: plan, missingCodes: true)
    else { return false }

    // The metadata columns, each as `String(cString:)` reads it (to a NUL byte).
    guard
      Self.isOneOf(Self.text(handle, columns.audience), Self.audiences),
      Self.isOneOf(Self.text(handle, columns.mode), Self.modes),
      Self.isOneOf(Self.text(handle, columns.status), Self.statuses),
      Timestamp.isFormatted(Self.text(handle, columns.startedAt)),
      type(columns.completedAt) == SQLITE_NULL || Timestamp.isFormatted(Self.text(handle, columns.completedAt)),
      Self.isLanguageCode(Self.text(handle, columns.language)),
      (0...1).contains(sqlite3_column_int64(handle, columns.interpreter))
    else { return false }

    Self.appendMetadata(Self.text(handle, columns.responseKey), to: &output)
    output.append(UInt8(ascii: ","))
    Self.appendText(Self.text(handle, columns.questionnaireID), to: &output)
    output.append(UInt8(ascii: ","))
    let version = Int(sqlite3_column_int64(handle, columns.questionnaireVersion))
    output.append(contentsOf: String(version).utf8)
    for column in columns.afterVersion {
      output.append(UInt8(ascii: ","))
      guard type(column) != SQLITE_NULL else { continue }
      if column == columns.gemeente || column == columns.interviewer {
        Self.appendMetadata(Self.text(handle, column), to: &output)
      } else {
        Self.appendText(Self.text(handle, column), to: &output)
      }
    }
    output.append(UInt8(ascii: ","))
    Self.appendText(Self.text(handle, columns.language), to: &output)
    output.append(UInt8(ascii: ","))
    output.append(
      contentsOf: sqlite3_column_int64(handle, columns.interpreter) == 1 ? Self.interpreterYes : Self.interpreterNo)
    for cell in cells {
      output.append(UInt8(ascii: ","))
      guard cell.count > 0 else { continue }
      cellBytes.withUnsafeBufferPointer { bytes in
        let cellText = UnsafeBufferPointer(rebasing: bytes[cell.start..<cell.start + cell.count])
        if cell.mask {
          // Masked here too: a database written by an older tevreden may hold open answers unmasked.
          var masked = SpreadsheetGuard.guarded(
            IdentifierMasking.standard.mask(String(decoding: cellText, as: UTF8.self)).text)
          masked.withUTF8 { CSVWriter.appendEscaped($0, to: &output) }
        } else if cell.guarded && SpreadsheetGuard.needsGuard(cellText) {
          var guarded = SpreadsheetGuard.guarded(String(decoding: cellText, as: UTF8.self))
          guarded.withUTF8 { CSVWriter.appendEscaped($0, to: &output) }
        } else {
          Self.appendText(cellText, to: &output)
        }
      }
    }
    output.append(UInt8(ascii: "\n"))
    return true
  }

  /// Reads one of the row's two JSON objects into `cells`; `false` when it is not as tevreden writes it.
  private mutating func readAnswers(_ handle: OpaquePointer, _ column: Int32, plan: ExchangeRowPlan, missingCodes: Bool)
    -> Bool
  {
    guard sqlite3_column_type(handle, column) == SQLITE_TEXT else {
      // NULL is read as no answers; anything else is left to the slow way.
      return sqlite3_column_type(handle, column) == SQLITE_NULL
    }
    let text = Self.text(handle, column)
    if text.count == 2, text[0] == UInt8(ascii: "{"), text[1] == UInt8(ascii: "}") { return true }
    var guess = 0
    var valid = true
    // Out of `self` while the reader (part of `self`) runs, without copying them.
    var cells: [(start: Int, count: Int, mask: Bool, guarded: Bool)] = []
    var cellBytes: [UInt8] = []
    swap(&cells, &self.cells)
    swap(&cellBytes, &self.cellBytes)
    defer {
      swap(&cells, &self.cells)
      swap(&cellBytes, &self.cellBytes)
    }
    let complete = reader.read(text) { key, value in
      guard valid, let item = plan.item(key, guess: &guess) else {
        valid = false
        return
      }
      if !missingCodes {
        guard plan.isCanonical(value, item: item) else {
          valid = false
          return
        }
      }
      guard let column = plan.columns[item] else { return }
      // The text of a later member (or the missing code after a value) takes the cell, as the last one did in the
      // dictionary the slow way fills.
      cells[column] = (cellBytes.count, value.count, false, true)
      if !missingCodes {
        switch plan.checks[item] {
        case .text: cells[column].mask = true
        // Numbers stay numbers in a spreadsheet, as `ExchangeCSV.line` writes them.
        case .grade, .integer: cells[column].guarded = false
        case .yesNo, .choices: break
        }
      }
      cellBytes.append(contentsOf: value)
      // An empty value leaves the cell empty, as an empty text prints.
    }
    return complete && valid
  }

  /// A text column's bytes up to the first NUL, as GRDB's `String(cString:)` reads them.
  static func text(_ handle: OpaquePointer, _ column: Int32) -> UnsafeBufferPointer<UInt8> {
    guard let start = sqlite3_column_text(handle, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
    let count = Int(sqlite3_column_bytes(handle, column))
    let end = memchr(start, 0, count).map { UnsafeRawPointer($0) - UnsafeRawPointer(start) } ?? count
    return UnsafeBufferPointer(start: start, count: end)
  }

  /// Appends a metadata text from outside (`response_id`, `gemeente`, `interviewer`) as a CSV field, with the leading
  /// space `ExchangeCSV.line` guards it with.
  static func appendMetadata(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    guard SpreadsheetGuard.needsGuard(bytes) else { return appendText(bytes, to: &output) }
    var text = " " + String(decoding: bytes, as: UTF8.self)
    text.withUTF8 { CSVWriter.appendEscaped($0, to: &output) }
  }

  /// Appends a text read from the database as a CSV field: bytes that are not UTF-8 become U+FFFD, as in the
  /// `String` the slow way reads.
  static func appendText(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    if bytes.allSatisfy({ $0 < 0x80 }) {
      CSVWriter.appendEscaped(bytes, to: &output)
    } else {
      var text = String(decoding: bytes, as: UTF8.self)
      text.withUTF8 { CSVWriter.appendEscaped($0, to: &output) }
    }
  }

  static let interpreterYes = Array(ExchangeCSV.interpreterCell(true).utf8)
  static let interpreterNo = Array(ExchangeCSV.interpreterCell(false).utf8)

  /// The ISO 639-1 codes, each as its two bytes in one number.
  static let languageCodes = Set(LanguageCode.isoCodes.map { code in code.utf8.reduce(0) { $0 << 8 | Int($1) } })

  /// Whether the bytes are an ISO 639-1 code, as the slow way (``LanguageCode/init(code:)``) reads it.
  static func isLanguageCode(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.count == 2 && languageCodes.contains(Int(bytes[0]) << 8 | Int(bytes[1]))
  }

  static let audiences = Audience.allCases.map { Array($0.rawValue.utf8) }
  static let modes = Response.Mode.allCases.map { Array($0.rawValue.utf8) }
  static let statuses = Response.Status.allCases.map { Array($0.rawValue.utf8) }

  static func isOneOf(_ bytes: UnsafeBufferPointer<UInt8>, _ values: [[UInt8]]) -> Bool {
    values.contains { bytesEqual($0, bytes) }
  }
}

/// Whether the bytes are the same: `elementsEqual` walked both through iterators, a tenth of an export's time.
func bytesEqual(_ known: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
  guard known.count == bytes.count else { return false }
  guard let start = bytes.baseAddress, !known.isEmpty else { return true }
  return known.withUnsafeBufferPointer { knownBytes in
    guard let knownStart = knownBytes.baseAddress else { return true }
    return memcmp(knownStart, start, known.count) == 0
  }
}
