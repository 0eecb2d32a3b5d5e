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
