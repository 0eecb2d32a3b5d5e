import Foundation

/// Matches export column headers to questionnaire items, and reads export cells as answers.
///
/// Headers are compared after ``normalise(_:)``: case, accents, HTML tags, punctuation and white space do not
/// matter, nor do numbering prefixes such as `Q3.`, `3.` or `Vraag 3:` that platforms put before a question.
public enum ColumnMatching {
  /// The comparable form of a header or label.
  public static func normalise(_ text: String) -> String {
    var value = text.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
    value = value.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    value = value.replacingOccurrences(
      of: #"^\s*(?:vraag\s*|question\s*|q)?\d+[a-z]?\s*[.:)\-]\s*"#, with: "", options: .regularExpression)
    let words = value.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
    return String(words).split(separator: " ").joined(separator: " ")
  }

  /// For each column (given by the names it goes by: an id row, a text row, a sub-header), the item it holds.
  ///
  /// A column matches an item when one of its names equals, after normalising, the item's id, question text or
  /// one of its aliases. `explicit` (from a mapping file: header → item id) wins over aliases. A name that
  /// matches two items is ambiguous and maps nothing; two columns matching one item map only the first.
  public static func map(
    columns: [[String]], to questionnaire: Questionnaire, explicit: [String: Question.ID] = [:]
  ) -> [Int: Question.ID] {
    var byName: [String: Set<Question.ID>] = [:]
    for question in questionnaire.questions {
      for alias in question.importAliases { byName[normalise(alias), default: []].insert(question.id) }
    }
    let explicitByName = Dictionary(
      explicit.map { (normalise($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
    var mapping: [Int: Question.ID] = [:]
    var taken = Set<Question.ID>()
    for (index, names) in columns.enumerated() {
      let normalised = names.map(normalise).filter { !$0.isEmpty }
      let item =
        normalised.lazy.compactMap { explicitByName[$0] }.first
        ?? normalised.lazy.compactMap { name -> Question.ID? in
          guard let items = byName[name], items.count == 1 else { return nil }
          return items.first
        }.first
      if let item, !taken.contains(item) {
        mapping[index] = item
        taken.insert(item)
      }
    }
    return mapping
  }
}

/// Reads a cell of a platform export as the answer to an item: numbers or labels, decimal commas, and the
/// labels platforms use for missing codes.
public enum ExportValue {
  /// Labels of missing codes as platforms and respondents write them, besides the questionnaire's own.
  static let missingSynonyms: [String: [String]] = [
    "weet_niet": ["weet niet", "weet ik niet", "geen idee", "dont know", "don t know", "do not know", "weiss nicht"],
    "nvt": ["n v t", "nvt", "niet van toepassing", "not applicable", "n a", "na"],
    "weigert": [
      "wil ik niet zeggen", "zeg ik liever niet", "geen antwoord", "prefer not to say", "weigert", "refused",
    ],
  ]

  /// The answer in a cell; `nil` for an empty cell (the item was not asked or not answered).
  public static func read(_ cell: String, for question: Question, in questionnaire: Questionnaire) -> Result<
    Answer?, AnswerProblem
  > {
    let text = cell.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty else { return .success(nil) }
    if case .text = question.kind { return .success(.value(.text(text))) }
    if let code = missingCode(text, in: questionnaire) {
      guard question.missingCodes.contains(code) else {
        return .failure(.missingCodeNotAllowed(code, allowed: question.missingCodes))
      }
      return .success(.missing(code))
    }
    return value(text, for: question).map { .value($0) }
  }

  private static func missingCode(_ text: String, in questionnaire: Questionnaire) -> String? {
    let key = ColumnMatching.normalise(text)
    for missing in questionnaire.missingCodes {
      let names = [missing.code, missing.label] + (missingSynonyms[missing.code] ?? [])
      if names.contains(where: { ColumnMatching.normalise($0) == key }) { return missing.code }
    }
    return nil
  }

  private static func value(_ text: String, for question: Question) -> Result<AnswerValue, AnswerProblem> {
    switch question.kind {
    case .consent, .yesNo:
      switch ColumnMatching.normalise(text) {
      case "ja", "j", "yes", "y", "true", "waar", "1", "akkoord", "ik ga akkoord": return .success(.yesNo(true))
      case "nee", "n", "no", "false", "onwaar", "0", "niet akkoord": return .success(.yesNo(false))
      default: return .failure(.notYesNo(text))
      }
    case .scale(let scale):
      if let number = Double(text.replacingOccurrences(of: ",", with: ".")), number == number.rounded() {
        let value = Int(number)
        guard scale.points.contains(where: { $0.value == value }) else {
          return .failure(.outOfRange(text, scale.minimum...scale.maximum))
        }
        return .success(.scalePoint(value))
      }
      let key = labelKey(text)
      if let point = scale.points.first(where: { labelKey($0.label) == key }) {
        return .success(.scalePoint(point.value))
      }
      return .failure(.unknownChoice(text, valid: scale.points.map(\.label)))
    case .grade, .number, .text:
      return question.parseValue(text)
    case .choice(let choices, let allowsMultiple):
      if let single = choice(text, among: choices) { return .success(.choices([single])) }
      guard allowsMultiple else { return .failure(.unknownChoice(text, valid: choices.map(\.label))) }
      let separator: Character = text.contains(";") ? ";" : ","
      var chosen = Set<String>()
      for part in text.split(separator: separator) {
        guard let code = choice(String(part), among: choices) else {
          return .failure(.unknownChoice(part.trimmingCharacters(in: .whitespaces), valid: choices.map(\.label)))
        }
        chosen.insert(code)
      }
      return .success(.choices(choices.map(\.code).filter(chosen.contains)))
    }
  }

  private static func choice(_ text: String, among choices: [Choice]) -> String? {
    let key = labelKey(text)
    return choices.first { $0.code == text.trimmingCharacters(in: .whitespaces) || labelKey($0.label) == key }?.code
  }

  /// Labels compared with the usual Dutch variants made equal: *zeer* and *erg* tevreden are *heel* tevreden.
  static func labelKey(_ label: String) -> String {
    ColumnMatching.normalise(label).split(separator: " ").map { word in
      switch word {
      case "zeer", "erg": "heel"
      default: String(word)
      }
    }.joined(separator: " ")
  }
}
