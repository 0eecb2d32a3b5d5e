import Foundation

/// The two audiences whose satisfaction the tool measures: residents for PI 5, chain partners for PI 6.
public enum Audience: String, Hashable, Sendable, Codable, CaseIterable {
  /// Residents directly involved in a case (*direct betrokkenen*): PI 5.
  case inwoners
  /// Professionals who work with Veilig Thuis (*ketenpartners*): PI 6.
  case ketenpartners
}

/// A validated questionnaire definition for one respondent group.
///
/// Build one with ``QuestionnaireLoader``; the initialiser is public for tests and generators, but only the
/// loader checks the invariants listed in `Questionnaires/README.md`.
///
/// ## Topics
/// ### Content
/// - ``questions``
/// - ``scales``
/// - ``missingCodes``
/// ### Scoring
/// - ``scoreRule``
/// ### Languages
/// - ``sourceLanguage``
/// - ``translations``
/// - ``languages``
/// - ``localized(to:)``
public struct Questionnaire: Hashable, Sendable {
  /// The identifier of a questionnaire, equal to its file name without `.yaml`.
  public struct ID: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
  {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: ID, rhs: ID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether the id follows the rule for definitions (lower-case letters, digits, `-` and `_`, starting with a
    /// letter), so that it can name a file: a database changed by hand could hold `../../x`.
    public var isPlainIdentifier: Bool { rawValue.isIdentifier(allowsHyphen: true) }
  }

  public let id: ID
  /// Raised by hand whenever the questions change; stored with every response.
  public var version: Int
  public var audience: Audience
  /// The respondent group, such as `melding` or `politie`.
  public var group: String
  /// The group's name in reports, such as `Melding` or `Politie`.
  public var groupLabel: String
  public var title: String
  public var intro: String
  public var missingCodes: [MissingCode]
  public var scales: [Scale]
  public var questions: [Question]
  public var scoreRule: ScoreRule
  /// The language the definition's texts are written in (`source_language`, default Dutch).
  public var sourceLanguage: LanguageCode
  /// The definition's translations, in file order; each holds every text a respondent hears (see
  /// ``localized(to:)``).
  public var translations: [Translation]
  /// The options of consent and yes/no questions, in ``textLanguage``.
  public var yesNoLabels: YesNoLabels
  /// The language of the texts as they stand: the source language, or the language ``localized(to:)`` put them in.
  public var textLanguage: LanguageCode

  public init(
    id: ID, version: Int, audience: Audience, group: String, groupLabel: String, title: String,
    intro: String, missingCodes: [MissingCode], scales: [Scale], questions: [Question],
    scoreRule: ScoreRule, sourceLanguage: LanguageCode = .dutch, translations: [Translation] = [],
    yesNoLabels: YesNoLabels = .dutch
  ) {
    self.sourceLanguage = sourceLanguage
    self.translations = translations
    self.yesNoLabels = yesNoLabels
    self.textLanguage = sourceLanguage
    self.id = id
    self.version = version
    self.audience = audience
    self.group = group
    self.groupLabel = groupLabel
    self.title = title
    self.intro = intro
    self.missingCodes = missingCodes
    self.scales = scales
    self.questions = questions
    self.scoreRule = scoreRule
  }

  /// The question with the given id, if there is one.
  public func question(_ id: Question.ID) -> Question? {
    // By index: comparing ids in place copies no question but the one returned.
    for index in questions.indices where questions[index].id == id { return questions[index] }
    return nil
  }

  /// The items that hold a respondent's role: `rol` for residents, `functie` for chain partners (the breakdown by
  /// role and an indicator's `basis.roles` read them).
  public static let roleItems: [Question.ID] = ["rol", "functie"]

  /// The missing code with the given code, if the questionnaire defines it.
  public func missingCode(_ code: String) -> MissingCode? {
    missingCodes.first { $0.code == code }
  }
}

/// An answer that is not a value: *weet niet*, *niet van toepassing*, *weigert*. Never counts in a mean.
public struct MissingCode: Hashable, Sendable {
  public var code: String
  public var label: String
  public init(code: String, label: String) {
    self.code = code
    self.label = label
  }
}

/// An ordered answer scale, such as 1 (*heel ontevreden*) … 5 (*heel tevreden*).
public struct Scale: Hashable, Sendable {
  public struct Point: Hashable, Sendable {
    public var value: Int
    public var label: String
    public init(value: Int, label: String) {
      self.value = value
      self.label = label
    }
  }
  public var id: String
  /// At least two points, values strictly increasing.
  public var points: [Point]
  /// The missing codes offered with this scale.
  public var missingCodes: [String]

  public init(id: String, points: [Point], missingCodes: [String]) {
    self.id = id
    self.points = points
    self.missingCodes = missingCodes
  }

  public var minimum: Int { points.first?.value ?? 0 }
  public var maximum: Int { points.last?.value ?? 0 }
}

/// One option of a single- or multiple-choice question.
public struct Choice: Hashable, Sendable {
  public var code: String
  public var label: String
  public init(code: String, label: String) {
    self.code = code
    self.label = label
  }
}

/// One item of a questionnaire.
public struct Question: Identifiable, Hashable, Sendable {
  /// The identifier of an item, unique within its questionnaire.
  public struct ID: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
  {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: ID, rhs: ID) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// What kind of answer the item takes.
  public enum Kind: Hashable, Sendable {
    /// Agreement to take part: *ja* or *nee*. A *nee* ends the interview as a refusal.
    case consent
    /// A point on a scale.
    case scale(Scale)
    /// The overall grade (*rapportcijfer*), 1–10; online exports may carry one decimal.
    case grade
    /// *ja* or *nee*.
    case yesNo
    /// One of the choices, or (when `allowsMultiple`) any number of them.
    case choice([Choice], allowsMultiple: Bool)
    /// A whole number within the range.
    case number(ClosedRange<Int>)
    /// Free text.
    case text

    /// The type name used in the YAML definitions.
    public var typeName: String {
      switch self {
      case .consent: "consent"
      case .scale: "scale"
      case .grade: "grade"
      case .yesNo: "yes_no"
      case .choice(_, let allowsMultiple): allowsMultiple ? "multiple_choice" : "single_choice"
      case .number: "number"
      case .text: "text"
      }
    }
  }

  /// A routing condition: the item is asked only when an earlier item's answer is one of `values`.
  public struct Condition: Hashable, Sendable {
    public var item: Question.ID
    /// Canonical answer texts (see ``AnswerValue/canonicalText``); a missing code never matches.
    public var values: [String]
    public init(item: Question.ID, values: [String]) {
      self.item = item
      self.values = values
    }
  }

  public let id: ID
  public var text: String
  public var kind: Kind
  public var isRequired: Bool
  /// The missing codes this item accepts.
  public var missingCodes: [String]
  /// All conditions must hold for the item to be asked.
  public var showIf: [Condition]
  /// Extra column headers or question texts under which an online platform may export this item.
  public var aliases: [String]
  /// A note for the interviewer only (how to ask, what to do with an unclear answer): shown on the interview
  /// screen, never read out as the question, never stored with an answer, never exported as question text.
  public var instruction: String?

  public init(
    id: ID, text: String, kind: Kind, isRequired: Bool = true, missingCodes: [String] = [],
    showIf: [Condition] = [], aliases: [String] = [], instruction: String? = nil
  ) {
    self.instruction = instruction
    self.id = id
    self.text = text
    self.kind = kind
    self.isRequired = isRequired
    self.missingCodes = missingCodes
    self.showIf = showIf
    self.aliases = aliases
  }

  /// The answers the item offers, as canonical code and label: *ja*/*nee*, the choices, the scale's points;
  /// none for a grade, a number or text.
  public var answerOptions: [Choice] {
    switch kind {
    case .consent, .yesNo:
      [
        Choice(code: AnswerValue.yesNo(true).canonicalText, label: "Ja"),
        Choice(code: AnswerValue.yesNo(false).canonicalText, label: "Nee"),
      ]
    case .scale(let scale): scale.points.map { Choice(code: String($0.value), label: $0.label) }
    case .choice(let choices, _): choices
    case .grade, .number, .text: []
    }
  }

  /// Every header under which an export may carry this item: its id, its text and its aliases.
  public var importAliases: [String] {
    var seen = Set<String>()
    return ([id.rawValue, text] + aliases).filter { seen.insert($0).inserted }
  }
}

/// Which item is the overall grade, which scale items are aspect scores, and which items are topics reported as
/// shares.
public struct ScoreRule: Hashable, Sendable {
  public var grade: Question.ID
  public var aspects: [Question.ID]
  /// Items reported per group as the share of respondents giving each answer (yes/no, choice and scale items the
  /// seeds ask about, such as *is er hulp voor de kinderen aangeboden*), never as a mean.
  public var topics: [Question.ID]
  public init(grade: Question.ID, aspects: [Question.ID] = [], topics: [Question.ID] = []) {
    self.grade = grade
    self.aspects = aspects
    self.topics = topics
  }
}
