import Foundation
import Yams

/// Reads the `translations:` block of a definition and checks it against the source texts: every text a
/// respondent hears is translated into every language, nothing is translated that the source lacks, and no two
/// answers a question offers read the same in any language (an interviewer or an import could not tell them
/// apart). Each problem is reported at the line of the translation it concerns, or of the block that lacks it.
///
/// ```yaml
/// translations:
///   en:
///     machine_translated: true
///     title: "What did you think of Veilig Thuis?"
///     intro: |
///       …
///     missing_codes: { weet_niet: "I don't know", nvt: "Does not apply", weigert: "I'd rather not say" }
///     yes_no: { ja: "Yes", nee: "No" }
///     scales:
///       tevreden5: { 1: "Very dissatisfied", 2: "Dissatisfied", … }
///     questions:
///       toestemming: "Would you like to take part in this short conversation?"
///       rol:
///         text: "Who are you in this situation?"
///         choices: { betrokkene: "The report was about me", … }
/// ```
struct TranslationReader {
  static let languageKeys = [
    "machine_translated", "title", "intro", "missing_codes", "yes_no", "scales", "questions",
  ]

  /// The source definition the translations are checked against.
  let source: Questionnaire
  /// Questions that failed to parse (their errors are reported): not checked.
  let placeholders: Set<Question.ID>
  /// Per language read, where each label stands (keys as ``offered(by:)`` gives them).
  private var sites: [LanguageCode: [String: LabelSite]] = [:]

  init(source: Questionnaire, placeholders: Set<Question.ID>) {
    self.source = source
    self.placeholders = placeholders
  }

  /// Where each label of one translation stands, for messages about it.
  private struct LabelSite {
    var label: String
    var node: Node?
  }

  /// Reads every language of the block.
  mutating func read(_ node: Node, reader: inout YAMLReader) -> [Translation] {
    guard let languages = Self.entries(node, context: "translations", reader: &reader) else { return [] }
    if languages.isEmpty {
      reader.error(at: node, "translations is empty: name a language (such as en:) with its texts, or leave it out")
    }
    var translations: [Translation] = []
    for entry in languages {
      guard let language = LanguageCode(code: entry.key) else {
        reader.error(
          at: entry.keyNode,
          "'\(entry.key)' is not an ISO 639-1 language code; use two lower-case letters, such as en, ar, tr or pl")
        continue
      }
      if language == source.sourceLanguage {
        reader.error(
          at: entry.keyNode,
          "translations names '\(language)', the source language of the texts above; a translation is into "
            + "another language")
        continue
      }
      if let translation = self.translation(language, entry.value, keyNode: entry.keyNode, reader: &reader) {
        translations.append(translation)
      }
    }
    checkAcrossLanguages(translations, reader: &reader)
    return translations
  }

  /// One language's block.
  private mutating func translation(_ language: LanguageCode, _ node: Node, keyNode: Node, reader: inout YAMLReader)
    -> Translation?
  {
    let context = "translation '\(language)'"
    guard let fields = reader.mapping(node, allowed: Self.languageKeys, context: context) else { return nil }
    // Where a missing text is reported: the block's own key, or the key of the part that lacks it.
    func lacking(_ key: String) -> Node? { fields.keyNodes[key] ?? keyNode }

    let isMachineTranslated = reader.bool(fields, "machine_translated", context: context) ?? false
    if isMachineTranslated {
      reader.note(
        at: fields.keyNodes["machine_translated"],
        "\(context) is machine-made: have a translator check every text, then remove 'machine_translated'")
    }
    let title = reader.string(fields, "title", context: context, required: false)
    if title == nil, fields["title"] == nil {
      reader.error(at: keyNode, "\(context) lacks the title; add title: with the translated title")
    }
    var intro = reader.string(fields, "intro", context: context, required: false)
    let sourceIntro = source.intro.trimmingCharacters(in: .whitespacesAndNewlines)
    if sourceIntro.isEmpty, intro != nil {
      reader.error(at: fields.keyNodes["intro"], "\(context) translates an intro, but the questionnaire has none")
      intro = nil
    } else if !sourceIntro.isEmpty, fields["intro"] == nil {
      reader.error(at: keyNode, "\(context) lacks the intro; add intro: with the translated intro")
    }

    var sites: [String: LabelSite] = [:]
    let missingCodes = self.missingCodes(fields, context: context, lacking: lacking, sites: &sites, reader: &reader)
    let yesNo = self.yesNo(fields, context: context, lacking: lacking, sites: &sites, reader: &reader)
    let scales = self.scales(fields, context: context, lacking: lacking, sites: &sites, reader: &reader)
    let questions = self.questions(fields, context: context, lacking: lacking, sites: &sites, reader: &reader)
    checkDistinctAnswers(language, sites: sites, reader: &reader)
    self.sites[language] = sites
    guard let title else { return nil }
    return Translation(
      language: language, isMachineTranslated: isMachineTranslated, title: title, intro: intro,
      missingCodes: missingCodes, yesNo: yesNo ?? .dutch, scales: scales, questions: questions)
  }

  private func missingCodes(
    _ fields: YAMLReader.Fields, context: String, lacking: (String) -> Node?, sites: inout [String: LabelSite],
    reader: inout YAMLReader
  ) -> [String: String] {
    var labels: [String: String] = [:]
    if let node = fields["missing_codes"],
      let entries = Self.entries(node, context: "missing_codes of \(context)", reader: &reader)
    {
      for entry in entries {
        guard source.missingCode(entry.key) != nil else {
          reader.error(
            at: entry.keyNode,
            "\(context) translates missing code '\(entry.key)', which missing_codes does not define")
          continue
        }
        guard let label = Self.text(entry.value, context: "missing code '\(entry.key)' of \(context)", reader: &reader)
        else { continue }
        labels[entry.key] = label
        sites["missing:\(entry.key)"] = LabelSite(label: label, node: entry.value)
      }
    }
    let absent = source.missingCodes.map(\.code).filter { labels[$0] == nil && !isReported($0, in: fields) }
    if !absent.isEmpty {
      reader.error(
        at: lacking("missing_codes"),
        "\(context) lacks the label of missing code\(absent.count == 1 ? "" : "s") \(Self.list(absent)); add "
          + "\(absent.count == 1 ? "it" : "them") under missing_codes:")
    }
    return labels
  }

  /// Whether a missing code's entry is there but unreadable (its own error is reported).
  private func isReported(_ code: String, in fields: YAMLReader.Fields) -> Bool {
    guard case .mapping(let mapping)? = fields["missing_codes"] else { return false }
    return mapping.contains { $0.key.scalar?.string == code }
  }

  private func yesNo(
    _ fields: YAMLReader.Fields, context: String, lacking: (String) -> Node?, sites: inout [String: LabelSite],
    reader: inout YAMLReader
  ) -> YesNoLabels? {
    let asksYesNo = source.questions.contains { $0.kind == .consent || $0.kind == .yesNo }
    guard let node = fields["yes_no"] else {
      if asksYesNo {
        reader.error(at: lacking("yes_no"), "\(context) lacks the words for ja and nee; add yes_no: { ja: …, nee: … }")
      }
      return nil
    }
    guard let answers = reader.mapping(node, allowed: ["ja", "nee"], context: "yes_no of \(context)") else {
      return nil
    }
    let yes = reader.string(answers, "ja", context: "yes_no of \(context)")
    let no = reader.string(answers, "nee", context: "yes_no of \(context)")
    if let yes { sites["yes"] = LabelSite(label: yes, node: answers["ja"]) }
    if let no { sites["no"] = LabelSite(label: no, node: answers["nee"]) }
    guard let yes, let no else { return nil }
    return YesNoLabels(yes: yes, no: no)
  }

  private func scales(
    _ fields: YAMLReader.Fields, context: String, lacking: (String) -> Node?, sites: inout [String: LabelSite],
    reader: inout YAMLReader
  ) -> [String: [Int: String]] {
    var result: [String: [Int: String]] = [:]
    var listed = Set<String>()
    if let node = fields["scales"], let entries = Self.entries(node, context: "scales of \(context)", reader: &reader) {
      for entry in entries {
        listed.insert(entry.key)
        guard let scale = source.scales.first(where: { $0.id == entry.key }) else {
          reader.error(at: entry.keyNode, "\(context) translates scale '\(entry.key)', which is not defined")
          continue
        }
        let scaleContext = "scale '\(scale.id)' of \(context)"
        guard let points = Self.entries(entry.value, context: scaleContext, reader: &reader) else { continue }
        var labels: [Int: String] = [:]
        for point in points {
          guard let value = Int(point.key), scale.points.contains(where: { $0.value == value }) else {
            reader.error(
              at: point.keyNode,
              "\(scaleContext) translates value '\(point.key)', which the scale does not have (it has "
                + "\(Self.list(scale.points.map { String($0.value) })))")
            continue
          }
          guard let label = Self.text(point.value, context: "value \(value) of \(scaleContext)", reader: &reader) else {
            labels[value] = ""
            continue
          }
          labels[value] = label
          sites["scale:\(scale.id):\(value)"] = LabelSite(label: label, node: point.value)
        }
        let absent = scale.points.map(\.value).filter { labels[$0] == nil }
        if !absent.isEmpty {
          reader.error(
            at: entry.keyNode,
            "\(scaleContext) lacks the label of value\(absent.count == 1 ? "" : "s") "
              + "\(Self.list(absent.map(String.init)))")
        }
        result[scale.id] = labels.filter { !$0.value.isEmpty }
      }
    }
    let absent = source.scales.map(\.id).filter { !listed.contains($0) }
    if !absent.isEmpty {
      reader.error(
        at: lacking("scales"),
        "\(context) lacks scale\(absent.count == 1 ? "" : "s") \(Self.list(absent)); add the labels of their "
          + "values under scales:")
    }
    return result
  }

  private func questions(
    _ fields: YAMLReader.Fields, context: String, lacking: (String) -> Node?, sites: inout [String: LabelSite],
    reader: inout YAMLReader
  ) -> [Question.ID: Translation.QuestionTexts] {
    var result: [Question.ID: Translation.QuestionTexts] = [:]
    var listed = Set<Question.ID>()
    if let node = fields["questions"],
      let entries = Self.entries(node, context: "questions of \(context)", reader: &reader)
    {
      for entry in entries {
        let id = Question.ID(rawValue: entry.key)
        listed.insert(id)
        guard let question = source.question(id) else {
          reader.error(at: entry.keyNode, "\(context) translates question '\(entry.key)', which does not exist")
          continue
        }
        if placeholders.contains(id) { continue }
        let questionContext = "question '\(id)' of \(context)"
        var choiceCodes: [String] = []
        if case .choice(let choices, _) = question.kind { choiceCodes = choices.map(\.code) }
        // A plain text is the question's text; a question with choices needs the mapping form.
        if entry.value.scalar != nil {
          guard let text = Self.text(entry.value, context: questionContext, reader: &reader) else { continue }
          if !choiceCodes.isEmpty {
            reader.error(
              at: entry.keyNode,
              "\(questionContext) lacks the labels of its choices \(Self.list(choiceCodes)); write it as text: … "
                + "with choices: { code: label, … }")
          }
          result[id] = Translation.QuestionTexts(text: text)
          continue
        }
        let allowed = choiceCodes.isEmpty ? ["text"] : ["text", "choices"]
        guard let parts = reader.mapping(entry.value, allowed: allowed, context: questionContext) else { continue }
        let text = reader.string(parts, "text", context: questionContext)
        var labels: [String: String] = [:]
        if !choiceCodes.isEmpty {
          if let choicesNode = parts["choices"],
            let choices = Self.entries(choicesNode, context: "choices of \(questionContext)", reader: &reader)
          {
            for choice in choices {
              guard choiceCodes.contains(choice.key) else {
                reader.error(
                  at: choice.keyNode,
                  "\(questionContext) translates choice '\(choice.key)', which the question does not have (it has "
                    + "\(Self.list(choiceCodes)))")
                continue
              }
              guard
                let label = Self.text(
                  choice.value, context: "choice '\(choice.key)' of \(questionContext)", reader: &reader)
              else {
                labels[choice.key] = ""
                continue
              }
              labels[choice.key] = label
              sites["choice:\(id):\(choice.key)"] = LabelSite(label: label, node: choice.value)
            }
          }
          let absent = choiceCodes.filter { labels[$0] == nil }
          if !absent.isEmpty {
            reader.error(
              at: parts.keyNodes["choices"] ?? entry.keyNode,
              "\(questionContext) lacks the label of choice\(absent.count == 1 ? "" : "s") \(Self.list(absent))")
          }
        }
        guard let text else { continue }
        result[id] = Translation.QuestionTexts(text: text, choices: labels.filter { !$0.value.isEmpty })
      }
    }
    let absent = source.questions.map(\.id).filter { !listed.contains($0) && !placeholders.contains($0) }
    if !absent.isEmpty {
      reader.error(
        at: lacking("questions"),
        "\(context) lacks question\(absent.count == 1 ? "" : "s") \(Self.list(absent.map(\.rawValue))); add "
          + "\(absent.count == 1 ? "its text" : "their texts") under questions:")
    }
    return result
  }

  /// The answers a question offers, in one language, read the same: two options, or an option and a missing
  /// code it offers, or two missing codes.
  private func checkDistinctAnswers(_ language: LanguageCode, sites: [String: LabelSite], reader: inout YAMLReader) {
    let context = "translation '\(language)'"
    var reported = Set<String>()
    for question in source.questions where !placeholders.contains(question.id) {
      let offered = Self.offered(by: question).map { (key: $0.key, what: $0.what) }
      var seen: [String: String] = [:]
      for (key, what) in offered {
        guard let site = sites[key] else { continue }
        let folded = Self.fold(site.label)
        if let first = seen[folded] {
          // A scale's or the yes/no labels are shared by many questions: one message each.
          if reported.insert("\(first)|\(what)|\(folded)").inserted {
            reader.error(
              at: site.node,
              "\(context): \(what) and \(first) of question '\(question.id)' both read \"\(site.label)\"; give "
                + "each answer its own words")
          }
        } else {
          seen[folded] = what
        }
      }
    }
  }

  /// The answers `question` offers: per answer the key of its label's site, the code an answer stores, and how a
  /// message names it.
  private static func offered(by question: Question) -> [(key: String, code: String, what: String)] {
    var offered: [(key: String, code: String, what: String)] = []
    switch question.kind {
    case .consent, .yesNo: offered = [("yes", "ja", "ja"), ("no", "nee", "nee")]
    case .scale(let scale):
      offered = scale.points.map { ("scale:\(scale.id):\($0.value)", String($0.value), "value \($0.value)") }
    case .choice(let choices, _):
      offered = choices.map { ("choice:\(question.id):\($0.code)", $0.code, "choice '\($0.code)'") }
    case .grade, .number, .text: break
    }
    return offered + question.missingCodes.map { ("missing:\($0)", $0, "missing code '\($0)'") }
  }

  /// The source's label for an answer's site key.
  private func sourceLabel(_ key: String, of question: Question) -> String? {
    let parts = key.split(separator: ":", maxSplits: 2).map(String.init)
    switch parts.first {
    case "yes": return source.yesNoLabels.yes
    case "no": return source.yesNoLabels.no
    case "missing": return parts.count > 1 ? source.missingCode(parts[1])?.label : nil
    default: return question.answerOptions.first { key.hasSuffix(":\($0.code)") }?.label
    }
  }

  /// An import reads an answer's label in any of the questionnaire's languages, so a label may not name one answer
  /// in one language and another answer in another.
  private func checkAcrossLanguages(_ translations: [Translation], reader: inout YAMLReader) {
    var reported = Set<String>()
    for question in source.questions where !placeholders.contains(question.id) {
      var owners: [String: (code: String, language: LanguageCode)] = [:]
      for language in [source.sourceLanguage] + translations.map(\.language) {
        for (key, code, _) in Self.offered(by: question) {
          let site = language == source.sourceLanguage ? nil : sites[language]?[key]
          guard let label = language == source.sourceLanguage ? sourceLabel(key, of: question) : site?.label else {
            continue
          }
          let folded = Self.fold(label)
          if let owner = owners[folded] {
            if owner.code != code, owner.language != language, reported.insert("\(language)|\(key)|\(folded)").inserted
            {
              reader.error(
                at: site?.node,
                "question '\(question.id)': \"\(label)\" is '\(code)' in \(language) but '\(owner.code)' in "
                  + "\(owner.language); an import reads answers in every language, so give them different words")
            }
          } else {
            owners[folded] = (code, language)
          }
        }
      }
    }
  }

  // MARK: - Helpers

  /// A mapping's entries in file order, keys as written; a key that appears twice is an error.
  static func entries(_ node: Node, context: String, reader: inout YAMLReader) -> [(
    key: String, keyNode: Node, value: Node
  )]? {
    guard case .mapping(let mapping) = node else {
      reader.error(at: node, "\(context) must be a mapping of names to texts")
      return nil
    }
    var seen = Set<String>()
    var entries: [(key: String, keyNode: Node, value: Node)] = []
    for (keyNode, value) in mapping {
      guard let key = keyNode.scalar?.string, !key.isEmpty else {
        reader.error(at: keyNode, "\(context) has a key that is not a plain name")
        continue
      }
      guard seen.insert(key).inserted else {
        reader.error(at: keyNode, "'\(key)' appears twice in \(context)")
        continue
      }
      entries.append((key, keyNode, value))
    }
    return entries
  }

  /// A non-empty text.
  static func text(_ node: Node, context: String, reader: inout YAMLReader) -> String? {
    guard let text = node.scalar?.string, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      reader.error(at: node, "\(context) must be a non-empty text")
      return nil
    }
    return text
  }

  /// A label as compared: case, accents and spaces around it do not count.
  static func fold(_ label: String) -> String {
    label.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  static func list(_ items: [String]) -> String {
    items.map { "'\($0)'" }.joined(separator: ", ")
  }
}
