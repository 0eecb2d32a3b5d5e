import Foundation

/// The words for *ja* and *nee* in one language: the options of consent and yes/no questions.
public struct YesNoLabels: Hashable, Sendable {
  public var yes: String
  public var no: String

  public init(yes: String, no: String) {
    self.yes = yes
    self.no = no
  }

  /// *Ja* and *Nee*.
  public static let dutch = YesNoLabels(yes: AnswerLabels.dutchYes, no: AnswerLabels.dutchNo)
}

/// Every text of a questionnaire that a respondent hears or reads, in one language other than the source.
///
/// Ids, codes, values, routing and the score rule are the definition's own and never translated: a response
/// stores codes, so answers given in any language count alike. What the interviewer alone reads (`instruction`),
/// the group's name in reports (`group_label`) and the import aliases stay in the source language.
public struct Translation: Hashable, Sendable {
  /// The texts of one question.
  public struct QuestionTexts: Hashable, Sendable {
    public var text: String
    /// Per choice code, its label (choice questions only).
    public var choices: [String: String]

    public init(text: String, choices: [String: String] = [:]) {
      self.text = text
      self.choices = choices
    }
  }

  public var language: LanguageCode
  /// Made by a machine: a human translator must review it (`tevreden check` says so in a note).
  public var isMachineTranslated: Bool
  public var title: String
  /// `nil` when the source has no intro.
  public var intro: String?
  /// Per missing code, its label.
  public var missingCodes: [String: String]
  public var yesNo: YesNoLabels
  /// Per scale id, per point value, its label.
  public var scales: [String: [Int: String]]
  public var questions: [Question.ID: QuestionTexts]

  public init(
    language: LanguageCode, isMachineTranslated: Bool = false, title: String, intro: String? = nil,
    missingCodes: [String: String] = [:], yesNo: YesNoLabels, scales: [String: [Int: String]] = [:],
    questions: [Question.ID: QuestionTexts] = [:]
  ) {
    self.language = language
    self.isMachineTranslated = isMachineTranslated
    self.title = title
    self.intro = intro
    self.missingCodes = missingCodes
    self.yesNo = yesNo
    self.scales = scales
    self.questions = questions
  }
}

extension Questionnaire {
  /// Every language the questionnaire can be asked in: the source language first, then the translations in the
  /// order the file gives them.
  public var languages: [LanguageCode] { [sourceLanguage] + translations.map(\.language) }

  /// The translation into `language`, if the definition has one.
  public func translation(_ language: LanguageCode) -> Translation? {
    translations.first { $0.language == language }
  }

  /// The questionnaire as asked in `language`: every text a respondent hears in that language, everything else
  /// (ids, codes, routing, the score rule, instructions, aliases, the group's name) as it is. `nil` when the
  /// definition has no such language; the source language gives the questionnaire itself.
  ///
  /// A text a translation lacks (which `tevreden check` refuses, so only a questionnaire built in code can lack
  /// one) stays in the source language.
  public func localized(to language: LanguageCode) -> Questionnaire? {
    if language == sourceLanguage { return self }
    guard let translation = translation(language) else { return nil }
    var localized = self
    localized.title = translation.title
    localized.intro = translation.intro ?? intro
    localized.yesNoLabels = translation.yesNo
    localized.missingCodes = missingCodes.map {
      MissingCode(code: $0.code, label: translation.missingCodes[$0.code] ?? $0.label)
    }
    func translated(_ scale: Scale) -> Scale {
      var scale = scale
      let labels = translation.scales[scale.id] ?? [:]
      scale.points = scale.points.map { Scale.Point(value: $0.value, label: labels[$0.value] ?? $0.label) }
      return scale
    }
    localized.scales = scales.map(translated)
    localized.questions = questions.map { question in
      var question = question
      let texts = translation.questions[question.id]
      question.text = texts?.text ?? question.text
      switch question.kind {
      case .scale(let scale): question.kind = .scale(translated(scale))
      case .choice(let choices, let allowsMultiple):
        let labels = texts?.choices ?? [:]
        question.kind = .choice(
          choices.map { Choice(code: $0.code, label: labels[$0.code] ?? $0.label) }, allowsMultiple: allowsMultiple)
      case .consent, .grade, .yesNo, .number, .text: break
      }
      return question
    }
    localized.textLanguage = language
    return localized
  }
}

extension AnswerLabels {
  /// The labels of a translation, as a table an ``AnswerReader`` accepts besides the questionnaire's own: its
  /// words for yes and no, its scale points, choices and missing codes, keyed by the source's ids and codes. `nil`
  /// when the questionnaire has no such translation.
  public init?(_ translation: Translation, of questionnaire: Questionnaire) {
    guard let localized = questionnaire.localized(to: translation.language) else { return nil }
    self.init(localized, name: translation.language.rawValue)
    yes = [translation.yesNo.yes]
    no = [translation.yesNo.no]
  }
}
