import Foundation

/// One respondent's answers to one questionnaire, with the metadata needed for reporting.
///
/// Holds no personal data: no names, contact details, addresses or network identifiers. `gemeente` is the
/// municipality the case belongs to and `interviewer` an interviewer code.
public struct Response: Hashable, Sendable {
  /// The identifier of a response: a UUID for interviews, the platform's response id for imports.
  public struct ID: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
  {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: ID, rhs: ID) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// How far a response got.
  public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
    /// Finished: counts in the indicators.
    case completed
    /// Started but not finished; kept for response rates, never counted in a mean.
    case partial
    /// Consent refused: only counts for response rates.
    case refused
  }

  /// How the answers were collected.
  public enum Mode: String, Hashable, Sendable, Codable, CaseIterable {
    case telefonisch
    case online
    case persoonlijk
    case papier
  }

  public var id: ID
  public var questionnaireID: Questionnaire.ID
  public var questionnaireVersion: Int
  public var audience: Audience
  public var group: String
  public var gemeente: String?
  public var mode: Mode
  public var interviewer: String?
  public var startedAt: Date
  public var completedAt: Date?
  public var status: Status
  public var answers: [Question.ID: Answer]
  /// The language the respondent answered in: the interview's language (the last one it was switched to), or the
  /// language an online platform recorded; the definition's source language when nothing says otherwise. Never
  /// changes what an answer counts for: answers are codes.
  public var language: LanguageCode
  /// Whether an interpreter took part in the interview (`interview --tolk`); always `false` for imports.
  public var isInterpreterAssisted: Bool

  /// - Parameter language: The language of the answers; `nil` for the questionnaire's source language.
  public init(
    id: ID, questionnaire: Questionnaire, gemeente: String?, mode: Mode, interviewer: String?,
    startedAt: Date, completedAt: Date?, status: Status, answers: [Question.ID: Answer],
    language: LanguageCode? = nil, isInterpreterAssisted: Bool = false
  ) {
    self.init(
      id: id, questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version,
      audience: questionnaire.audience, group: questionnaire.group, gemeente: gemeente, mode: mode,
      interviewer: interviewer, startedAt: startedAt, completedAt: completedAt, status: status, answers: answers,
      language: language ?? questionnaire.sourceLanguage, isInterpreterAssisted: isInterpreterAssisted)
  }

  /// - Parameter language: The language of the answers; Dutch, the default source language, when not given.
  public init(
    id: ID, questionnaireID: Questionnaire.ID, questionnaireVersion: Int, audience: Audience, group: String,
    gemeente: String?, mode: Mode, interviewer: String?, startedAt: Date, completedAt: Date?, status: Status,
    answers: [Question.ID: Answer], language: LanguageCode = .dutch, isInterpreterAssisted: Bool = false
  ) {
    self.language = language
    self.isInterpreterAssisted = isInterpreterAssisted
    self.id = id
    self.questionnaireID = questionnaireID
    self.questionnaireVersion = questionnaireVersion
    self.audience = audience
    self.group = group
    self.gemeente = gemeente
    self.mode = mode
    self.interviewer = interviewer
    self.startedAt = startedAt
    self.completedAt = completedAt
    self.status = status
    self.answers = answers
  }

  /// The day the response counts for in a period: the completion day, or the start day if unfinished, in
  /// Dutch local time.
  public var collectedOn: LocalDate {
    LocalDate(completedAt ?? startedAt)
  }

  /// The overall grade that counts in the indicator: only for completed responses whose grade item holds a value.
  public func grade(using rule: ScoreRule) -> Double? {
    guard status == .completed, case .value(let value)? = answers[rule.grade] else { return nil }
    return value.numericValue
  }
}

/// A response whose answers are held by the position of their question in its questionnaire rather than by item
/// id: what an import makes of a platform's row, so that converting, checking and storing a row hashes no item id
/// (a million rows with fifteen answers each would otherwise hash forty-five million ids, three times each).
/// ``response`` is the same response with its answers keyed by id, for the paths that need one.
public struct PositionalResponse: Hashable, Sendable {
  /// The response's metadata; its `answers` are empty, the answers being in ``answers``.
  public var metadata: Response
  /// Per question of the questionnaire, in its order, that question's answer.
  public var answers: [Answer?]
  /// Per question of the questionnaire, in its order, the question's item id.
  public let items: [Question.ID]

  /// - Parameters:
  ///   - metadata: The response without answers (any it has are ignored).
  ///   - answers: One entry per question of the questionnaire, in its order.
  ///   - items: The questionnaire's item ids, in its order.
  public init(metadata: Response, answers: [Answer?], items: [Question.ID]) {
    precondition(answers.count == items.count, "one answer slot per question")
    var metadata = metadata
    metadata.answers = [:]
    self.metadata = metadata
    self.answers = answers
    self.items = items
  }

  /// The response with its answers keyed by item id.
  public var response: Response {
    var response = metadata
    var keyed = [Question.ID: Answer](minimumCapacity: answers.count)
    for position in answers.indices {
      if let answer = answers[position] { keyed[items[position]] = answer }
    }
    response.answers = keyed
    return response
  }

  /// The grade that counts in the indicator, as ``Response/grade(using:)`` gives it; `gradePosition` is the
  /// position of the rule's grade item in the questionnaire (`nil` when it has none).
  public func grade(at gradePosition: Int?) -> Double? {
    guard metadata.status == .completed, let gradePosition, case .value(let value)? = answers[gradePosition]
    else { return nil }
    return value.numericValue
  }
}
