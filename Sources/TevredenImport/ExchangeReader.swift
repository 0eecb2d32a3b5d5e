import Foundation
import TevredenCore

/// Reading tevreden's exchange format (see `ExchangeCSV` for the format and its writer).
extension ExchangeCSV {
  static let requiredColumns: Set<String> = ["response_id", "questionnaire", "version", "mode", "started_at", "status"]

  static let notATime =
    "is not a time: write it as ISO 8601 (2026-03-10T13:05:00Z), or as a spreadsheet saves it (10-3-2026 13:05)"

  /// A time as tevreden writes it (ISO 8601 in UTC), or as a spreadsheet saved it after reading that: Excel shows
  /// `2026-03-10T13:05:00Z` as `10-3-2026 13:05` (Dutch settings) and saves it so, the zone and often the seconds
  /// dropped; the clock is still UTC.
  static func time(_ text: String) -> Date? {
    Timestamp.parse(text) ?? ExportDate.parse(text, isUTC: true)
  }

  /// A response read from a row, with its line and the definition it was collected with.
  public struct Row: Sendable {
    public var line: Int
    public var response: Response
    public var definition: LoadedQuestionnaire

    public init(line: Int, response: Response, definition: LoadedQuestionnaire) {
      self.line = line
      self.response = response
      self.definition = definition
    }
  }

  /// What reading a file gave: valid rows, and a diagnostic for every rejected row or file-level problem.
  public struct ReadResult: Sendable {
    public var rows: [Row]
    public var diagnostics: [Diagnostic]
    /// Data rows in the file (header excluded).
    public var rowCount: Int
    /// Rows rejected with an error.
    public var rejectedCount: Int
    /// The layout the rows came in: `tevreden-csv`, or a platform such as `qualtrics`.
    public var format: String
    /// Lines for the import report about the layout and mapping (platform exports).
    public var details: [String]

    public init(
      rows: [Row] = [], diagnostics: [Diagnostic] = [], rowCount: Int = 0, rejectedCount: Int = 0,
      format: String = ExchangeCSV.formatName, details: [String] = []
    ) {
      self.rows = rows
      self.diagnostics = diagnostics
      self.rowCount = rowCount
      self.rejectedCount = rejectedCount
      self.format = format
      self.details = details
    }
  }

  /// Reads an exchange CSV held in memory (tests and small files; imports stream through ``RowReader``).
  ///
  /// - Parameters:
  ///   - text: The file's text.
  ///   - file: The name used in diagnostics.
  ///   - definition: Finds the definition a row names (questionnaire id and version), from the database or the
  ///     questionnaire folder.
  ///   - gemeenten: The region's municipalities; empty accepts any.
  public static func read(
    _ text: String, file: String, gemeenten: [String],
    definition: @escaping (Questionnaire.ID, Int) -> LoadedQuestionnaire?,
    knownItems: Set<String>
  ) -> ReadResult {
    var result = ReadResult()
    let records: [CSVRecord]
    do {
      records = try CSVReader.parse(text)
    } catch {
      result.diagnostics.append(Diagnostic(.error, at: .init(file: file), "cannot read the CSV: \(error)"))
      return result
    }
    guard let header = records.first else {
      result.diagnostics.append(Diagnostic(.error, at: .init(file: file), "the file is empty"))
      return result
    }
    var reader = RowReader(
      header: header.fields, line: header.line, file: file, gemeenten: gemeenten, definition: definition,
      knownItems: knownItems)
    guard reader.fileProblems.isEmpty else {
      result.diagnostics += reader.fileProblems
      result.rowCount = records.count - 1
      result.rejectedCount = records.count - 1
      return result
    }
    for record in records.dropFirst() {
      result.rowCount += 1
      switch reader.read(record.fields, line: record.line) {
      case .success(let row): result.rows.append(row)
      case .failure(let rejection):
        result.rejectedCount += 1
        result.diagnostics.append(rejection.diagnostic(file: file))
      }
    }
    return result
  }

  /// A rejected row: where it is and every reason.
  public struct Rejection: Error, Hashable, Sendable {
    public var line: Int
    public var problems: [String]

    public init(line: Int, problems: [String]) {
      self.line = line
      self.problems = problems
    }

    /// The error reported for the row.
    public func diagnostic(file: String) -> Diagnostic {
      Diagnostic(.error, at: .init(file: file, line: line), problems.joined(separator: "; ") + "; row skipped")
    }
  }

  /// Reads the rows of an exchange CSV one at a time, given its header, so that a file of any size streams.
  public struct RowReader {
    /// Problems with the header that make every row unreadable; when not empty, read no rows.
    public private(set) var fileProblems: [Diagnostic] = []
    private let columns: [String]
    private let index: [String: Int]
    private let allowedGemeenten: Set<String>
    private let definition: (Questionnaire.ID, Int) -> LoadedQuestionnaire?
    /// The line on which each response id was first seen: an id twice in one file is an error. Kept only when
    /// ``remembersIDs``; an import that stores rows leaves the check to the database, so that its memory does not
    /// grow with the file.
    private var seenIDs: [String: Int] = [:]
    /// Whether the reader itself reports an id used twice in the file (see ``seenIDs``).
    public var remembersIDs = true

    /// Checks the header.
    public init(
      header: [String], line: Int, file: String, gemeenten: [String],
      definition: @escaping (Questionnaire.ID, Int) -> LoadedQuestionnaire?, knownItems: Set<String>
    ) {
      let columns = header.map { $0.trimmingCharacters(in: .whitespaces) }
      self.columns = columns
      self.definition = definition
      self.allowedGemeenten = Set(gemeenten)
      var problems: [String] = []
      let missing = requiredColumns.subtracting(columns)
      if !missing.isEmpty {
        problems.append("missing column(s) \(missing.sorted().joined(separator: ", ")); is this a tevreden export?")
      }
      var seenColumns = Set<String>()
      for column in columns {
        if !seenColumns.insert(column).inserted { problems.append("column '\(column)' appears twice") }
        if !metadataColumns.contains(column) && !knownItems.contains(column) {
          problems.append(
            "column '\(column)' is neither a metadata column nor an item of a known questionnaire; personal data such as names or e-mail addresses must not be imported"
          )
        }
      }
      if !problems.isEmpty {
        fileProblems = problems.map { Diagnostic(.error, at: .init(file: file, line: line), $0) }
        fileProblems.append(Diagnostic(.error, at: .init(file: file), "nothing was read from this file"))
      }
      var index: [String: Int] = [:]
      for (position, column) in columns.enumerated() where index[column] == nil { index[column] = position }
      self.index = index
    }

    /// Reads one row into a response, or says every reason it cannot be stored.
    public mutating func read(_ fields: [String], line: Int) -> Result<Row, Rejection> {
      func reject(_ problems: [String]) -> Result<Row, Rejection> {
        .failure(Rejection(line: line, problems: problems))
      }
      guard fields.count == columns.count else {
        return reject(["has \(fields.count) fields, the header has \(columns.count)"])
      }
      func cell(_ name: String) -> String {
        index[name].map { fields[$0] } ?? ""
      }
      var problems: [String] = []
      let responseID = cell("response_id").trimmedOfSpaces
      if responseID.isEmpty { problems.append("response_id is empty") }
      if let kind = IdentifierMasking.standard.personalData(inIdentifier: responseID) {
        problems.append("response_id holds personal data (\(kind.label)); give the response another id")
      }
      if let earlier = seenIDs[responseID], !responseID.isEmpty {
        problems.append("response_id '\(responseID)' was already used on line \(earlier)")
      }
      let questionnaireID = Questionnaire.ID(rawValue: cell("questionnaire"))
      guard let version = Int(cell("version")) else {
        return reject(problems + ["version '\(cell("version"))' is not a whole number"])
      }
      guard let loaded = definition(questionnaireID, version) else {
        return reject(
          problems + [
            "questionnaire '\(questionnaireID)' version \(version) is not known: it is neither in the questionnaire folder nor in the database"
          ])
      }
      let questionnaire = loaded.questionnaire
      if !cell("audience").isEmpty, cell("audience") != questionnaire.audience.rawValue {
        problems.append(
          "audience '\(cell("audience"))' differs from the questionnaire's '\(questionnaire.audience.rawValue)'")
      }
      if !cell("group").isEmpty, cell("group") != questionnaire.group {
        problems.append("group '\(cell("group"))' differs from the questionnaire's '\(questionnaire.group)'")
      }
      let gemeente = cell("gemeente").trimmedOfSpaces
      if !gemeente.isEmpty, !allowedGemeenten.isEmpty, !allowedGemeenten.contains(gemeente) {
        problems.append("gemeente '\(gemeente)' is not a municipality of the region (see indicators.yaml)")
      }
      let mode = Response.Mode(rawValue: cell("mode"))
      if mode == nil {
        problems.append(
          "mode '\(cell("mode"))' is not one of \(Response.Mode.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      let status = Response.Status(rawValue: cell("status"))
      if status == nil {
        problems.append(
          "status '\(cell("status"))' is not one of \(Response.Status.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      let interviewer = cell("interviewer").trimmedOfSpaces
      if !interviewer.isEmpty,
        !ExchangeCSV.isInterviewerCode(interviewer)
          || IdentifierMasking.standard.personalData(inIdentifier: interviewer) != nil
      {
        problems.append("interviewer '\(interviewer)' must be a code (letters, digits, '-', '_'), never a name")
      }
      var language: LanguageCode?
      let languageCell = cell("language").trimmedOfSpaces
      if !languageCell.isEmpty {
        language = LanguageCode(code: languageCell)
        if language == nil {
          problems.append(
            "language '\(languageCell)' is not an ISO 639-1 language code (two lower-case letters, such as nl or en)")
        }
      }
      var isInterpreterAssisted = false
      switch cell("interpreter").trimmedOfSpaces.lowercased() {
      case "", "nee": break
      case "ja": isInterpreterAssisted = true
      case let other: problems.append("interpreter '\(other)' is neither ja nor nee")
      }
      let startedAt = ExchangeCSV.time(cell("started_at"))
      if startedAt == nil { problems.append("started_at '\(cell("started_at"))' \(ExchangeCSV.notATime)") }
      var completedAt: Date?
      if !cell("completed_at").isEmpty {
        completedAt = ExchangeCSV.time(cell("completed_at"))
        if completedAt == nil { problems.append("completed_at '\(cell("completed_at"))' \(ExchangeCSV.notATime)") }
      }
      var answers: [Question.ID: Answer] = [:]
      for (position, column) in columns.enumerated() where !metadataColumns.contains(column) {
        let raw = fields[position]
        guard !raw.isEmpty else { continue }
        guard let question = questionnaire.question(Question.ID(rawValue: column)) else {
          problems.append("column '\(column)' has a value, but \(questionnaire.id) version \(version) has no such item")
          continue
        }
        let text = ExchangeCSV.storedText(ofItemCell: raw, for: question)
        switch AnswerReader.readStored(text, for: question, missingCodes: questionnaire.missingCodes) {
        case .success(let answer): answers[question.id] = answer
        case .failure(let problem): problems.append("item '\(column)': \(ImportText.answerProblem(problem))")
        }
      }
      guard problems.isEmpty, let mode, let status, let startedAt else {
        return reject(problems)
      }
      let response = Response(
        id: Response.ID(rawValue: responseID), questionnaire: questionnaire,
        gemeente: gemeente.isEmpty ? nil : gemeente,
        mode: mode, interviewer: interviewer.isEmpty ? nil : interviewer, startedAt: startedAt,
        completedAt: completedAt, status: status, answers: answers, language: language,
        isInterpreterAssisted: isInterpreterAssisted)
      let invalid = response.problems(in: questionnaire)
      guard invalid.isEmpty else {
        return reject(invalid)
      }
      if remembersIDs { seenIDs[responseID] = line }
      return .success(Row(line: line, response: response, definition: loaded))
    }
  }

}
