import Foundation
import TevredenCore

/// Matches export column headers to questionnaire items, and reads export cells as answers.
///
/// Headers are compared after ``normalise(_:)``: case, accents, HTML tags, punctuation and white space do not
/// matter, nor do numbering prefixes such as `Q3.`, `3.` or `Vraag 3:` that platforms put before a question.
public enum ColumnMatching {
  /// The comparable form of a header or label.
  public static func normalise(_ text: String) -> String { AnswerMatching.normalise(text) }

  /// The form of a normalised name without spaces, for platform codes that cannot hold spaces or underscores
  /// (LimeSurvey question codes such as `duidelijkrolvt` for the item `duidelijk_rol_vt`).
  static func compact(_ normalised: String) -> String {
    normalised.replacingOccurrences(of: " ", with: "")
  }

  /// For each column (given by the names it goes by: an id row, a text row, a sub-header), the item it holds.
  ///
  /// A column matches an item when one of its names equals, after normalising, the item's id, question text (also
  /// in any language the questionnaire is translated into) or one of its aliases; failing that, when it equals one without spaces (a platform code). `explicit` (from a
  /// mapping file: header → item id) wins over aliases. A name that matches two items is ambiguous and maps
  /// nothing; two columns matching one item map only the first.
  public static func map(
    columns: [[String]], to questionnaire: Questionnaire, explicit: [String: Question.ID] = [:]
  ) -> [Int: Question.ID] {
    let index = AliasIndex(questionnaire)
    let explicitByName = Dictionary(
      explicit.map { (normalise($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
    var mapping: [Int: Question.ID] = [:]
    var taken = Set<Question.ID>()
    for (column, names) in columns.enumerated() {
      // LimeSurvey's full-text heading of an array row, `Question text [Row text]`, goes by its row text too.
      let normalised = (names + names.compactMap(bracketedSuffix)).map(normalise).filter { !$0.isEmpty }
      let item =
        normalised.lazy.compactMap { explicitByName[$0] }.first
        ?? normalised.lazy.compactMap(index.item(exactly:)).first
        ?? normalised.lazy.compactMap(index.item(compactly:)).first
      if let item, !taken.contains(item) {
        mapping[column] = item
        taken.insert(item)
      }
    }
    return mapping
  }

  /// `Row text` from `Question text [Row text]`.
  static func bracketedSuffix(_ name: String) -> String? {
    let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
    guard trimmed.hasSuffix("]"), let open = trimmed.lastIndex(of: "["), open > trimmed.startIndex else { return nil }
    return String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
  }

  /// Normalised aliases of a set of items, for looking up the one item a header names.
  struct AliasIndex {
    private var exact: [String: Set<Question.ID>] = [:]
    private var compacted: [String: Set<Question.ID>] = [:]

    init(_ questions: [Question]) {
      for question in questions {
        for alias in question.importAliases { add(alias, for: question.id) }
      }
    }

    /// The aliases of every item of a questionnaire, and its question texts in each of its translations: a
    /// platform exports the headers of a survey built in English in English.
    init(_ questionnaire: Questionnaire) {
      self.init(questionnaire.questions)
      for translation in questionnaire.translations {
        guard let localized = questionnaire.localized(to: translation.language) else { continue }
        for question in localized.questions { add(question.text, for: question.id) }
      }
    }

    private mutating func add(_ alias: String, for item: Question.ID) {
      let key = normalise(alias)
      guard !key.isEmpty else { return }
      exact[key, default: []].insert(item)
      compacted[compact(key), default: []].insert(item)
    }

    /// The one item with this normalised alias.
    func item(exactly name: String) -> Question.ID? {
      guard let items = exact[name], items.count == 1 else { return nil }
      return items.first
    }

    /// The one item with this alias once spaces are removed.
    func item(compactly name: String) -> Question.ID? {
      guard let items = compacted[compact(name)], items.count == 1 else { return nil }
      return items.first
    }

    /// The one item named by `name`, exactly or else without spaces.
    func item(named name: String) -> Question.ID? {
      item(exactly: name) ?? item(compactly: name)
    }

    /// The one item whose alias begins with a question text the platform cut short (Qualtrics writes
    /// `Hoe had u contact met Veilig Thu...`); at least 20 characters must remain.
    func item(truncated raw: String) -> Question.ID? {
      let trimmed = raw.trimmingCharacters(in: .whitespaces)
      guard trimmed.hasSuffix("...") || trimmed.hasSuffix("…") else { return nil }
      let start = normalise(trimmed)
      guard start.count >= 20 else { return nil }
      let items = exact.filter { $0.key.hasPrefix(start) }.values.reduce(into: Set<Question.ID>()) {
        $0.formUnion($1)
      }
      return items.count == 1 ? items.first : nil
    }
  }

  // MARK: - Multiple choice exported as one column per option

  /// A column that stands for one option of a multiple-choice item, as platforms export such an item: one
  /// column per option, ticked or not.
  public struct ChoiceColumn: Hashable, Sendable {
    public var item: Question.ID
    /// The code of the option, or `nil` when the header names an option the item does not have: ticking it is a
    /// value problem (unless ``isOther``).
    public var choice: String?
    /// The option as the header names it.
    public var optionLabel: String
    /// Whether the column is the item's *Other* answer (SurveyMonkey's *Other (please specify)*, LimeSurvey's
    /// `code[other]`, Typeform's *Other* after the options), which every platform exports the same way: any text
    /// in it ticks the item's own other option (``choice``, such as *Anders*) if it has one, and is ignored if it
    /// has none; the text itself is never stored.
    public var isOther: Bool

    public init(item: Question.ID, choice: String?, optionLabel: String, isOther: Bool = false) {
      self.item = item
      self.choice = choice
      self.optionLabel = optionLabel
      self.isOther = isOther
    }
  }

  /// The columns that hold one option each of a multiple-choice item, combined into one answer on import.
  ///
  /// Recognised header shapes (each after ``normalise(_:)``, matched against the item's id, text and aliases):
  /// - `question - option`: SurveyMonkey (question forward-filled over its sub-headers), Qualtrics row 2
  ///   (`Q2_1` with text `… - Option label`, the question possibly cut short with `...`);
  /// - `question [option]` and `code[SQ001]`: LimeSurvey full-text and code headings; `SQ001` is the first option
  ///   when the sub-question code is not an option code;
  /// - `group/question/option` and `group-question/option`: KoboToolbox and ODK split select_multiple columns;
  /// - adjacent columns headed by the bare option labels of one item, at least two: Typeform.
  ///
  /// A column whose question part names a multiple-choice item but whose option part names none of its options
  /// is still part of the family (``ChoiceColumn/choice`` is `nil`). Columns named in `explicit` are left alone.
  public static func choiceColumns(
    columns: [[String]], in questionnaire: Questionnaire, explicit: [String: Question.ID] = [:]
  ) -> [Int: ChoiceColumn] {
    let items = questionnaire.questions.filter {
      if case .choice(_, allowsMultiple: true) = $0.kind { return true }
      return false
    }
    guard !items.isEmpty else { return [:] }
    let index = AliasIndex(items)
    let explicitNames = Set(explicit.keys.map(normalise))
    var result: [Int: ChoiceColumn] = [:]
    var bareLabels: [Int: [Question.ID: String]] = [:]
    for (column, names) in columns.enumerated() {
      guard !names.contains(where: { explicitNames.contains(normalise($0)) }) else { continue }
      if let found = names.lazy.compactMap({ familyMember($0, items: items, index: index) }).first {
        result[column] = found
        continue
      }
      // A header that is an option label and nothing else: a candidate for a Typeform run.
      var labelled: [Question.ID: String] = [:]
      for question in items {
        guard case .choice(let choices, _) = question.kind else { continue }
        for name in names where !name.isEmpty {
          if let code = option(name, among: choices, allowPosition: false) { labelled[question.id] = code }
        }
      }
      if !labelled.isEmpty { bareLabels[column] = labelled }
    }
    // Runs of adjacent bare-label columns that all name options of the same single item.
    var column = 0
    while column < columns.count {
      guard let first = bareLabels[column], result[column] == nil else {
        column += 1
        continue
      }
      var candidates = Set(first.keys)
      var end = column + 1
      while end < columns.count, let next = bareLabels[end], result[end] == nil,
        !candidates.intersection(next.keys).isEmpty
      {
        candidates.formIntersection(next.keys)
        end += 1
      }
      if end - column >= 2, candidates.count == 1, let item = candidates.first {
        let codes = (column..<end).compactMap { bareLabels[$0]?[item] }
        if Set(codes).count == codes.count {
          for (offset, code) in codes.enumerated() {
            result[column + offset] = ChoiceColumn(
              item: item, choice: code, optionLabel: columns[column + offset].first ?? code)
          }
          // Typeform writes the respondent's own answer in a column headed *Other* right after the options.
          if end < columns.count, result[end] == nil, let label = columns[end].first, isOtherWording(label),
            let question = items.first(where: { $0.id == item }), case .choice(let choices, _) = question.kind
          {
            result[end] = ChoiceColumn(
              item: item, choice: otherOption(among: choices), optionLabel: label, isOther: true)
            end += 1
          }
        }
      }
      column = end
    }
    return result
  }

  /// The item and option a header names, in one of the `question - option`, `question [option]` or
  /// `path/option` shapes.
  private static func familyMember(_ name: String, items: [Question], index: AliasIndex) -> ChoiceColumn? {
    for (stems, option) in splits(of: name) {
      guard
        let item = stems.lazy.compactMap({ index.item(named: normalise($0)) ?? index.item(truncated: $0) }).first,
        let question = items.first(where: { $0.id == item }), case .choice(let choices, _) = question.kind
      else { continue }
      let label = option.trimmingCharacters(in: .whitespaces)
      if let code = Self.option(label, among: choices, allowPosition: true) {
        return ChoiceColumn(item: item, choice: code, optionLabel: label)
      }
      if isOtherWording(label) {
        return ChoiceColumn(item: item, choice: otherOption(among: choices), optionLabel: label, isOther: true)
      }
      return ChoiceColumn(item: item, choice: nil, optionLabel: label)
    }
    return nil
  }

  /// The wordings platforms give the *Other* answer of a multiple-choice question, after ``normalise(_:)``.
  static let otherWordings: Set<String> = [
    "other", "other please specify", "other specify", "others", "anders", "anders namelijk", "anders nl",
    "anders te weten", "overig", "overige", "iets anders", "sonstiges", "andere",
  ]

  /// Whether an option label is an *Other* answer.
  public static func isOtherWording(_ label: String) -> Bool {
    otherWordings.contains(normalise(label))
  }

  /// The code of the item's own *Other* option (`anders`, *Iets anders*, *Iemand anders*, *Anders*), if it has one.
  static func otherOption(among choices: [Choice]) -> String? {
    choices.first {
      isOtherWording($0.code) || isOtherWording($0.label) || normalise($0.label).hasPrefix("iemand anders")
    }?.code
  }

  /// Ways to read a header as a question part (candidate names, most specific first) and an option part.
  private static func splits(of name: String) -> [(stems: [String], option: String)] {
    var result: [(stems: [String], option: String)] = []
    let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
    // LimeSurvey: `Question text [Option]`, `code[SQ001]`.
    if trimmed.hasSuffix("]"), let open = trimmed.lastIndex(of: "[") {
      let stem = String(trimmed[..<open])
      let option = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
      if !stem.isEmpty, !option.isEmpty { result.append(([stem], option)) }
    }
    // KoboToolbox `group/question/option` (or, with label headers, `Question text/Option label`), ODK
    // `group-question/option`; at any `/`, as labels may hold one too.
    var slashRange = trimmed.startIndex..<trimmed.endIndex
    while let slash = trimmed.range(of: "/", range: slashRange) {
      let stem = String(trimmed[..<slash.lowerBound])
      let option = String(trimmed[slash.upperBound...])
      if !stem.isEmpty, !option.isEmpty {
        let leaf = stem.split(separator: "/").last.map(String.init) ?? stem
        let odkLeaf = leaf.split(separator: "-").last.map(String.init) ?? leaf
        result.append(([stem, leaf, odkLeaf], option))
      }
      slashRange = slash.upperBound..<trimmed.endIndex
    }
    // SurveyMonkey and Qualtrics: `Question text - Option`, at any ` - ` (question texts may hold one too).
    var searchRange = trimmed.startIndex..<trimmed.endIndex
    while let dash = trimmed.range(of: " - ", range: searchRange) {
      result.append(([String(trimmed[..<dash.lowerBound])], String(trimmed[dash.upperBound...])))
      searchRange = dash.upperBound..<trimmed.endIndex
    }
    return result
  }

  /// The code of the option a header names: by code or label, or (LimeSurvey's default sub-question codes
  /// `SQ001`, `SQ002`, …) by position.
  static func option(_ text: String, among choices: [Choice], allowPosition: Bool) -> String? {
    let key = AnswerMatching.labelKey(text)
    guard !key.isEmpty else { return nil }
    if let match = choices.first(where: {
      $0.code == text || AnswerMatching.labelKey($0.code) == key || AnswerMatching.labelKey($0.label) == key
    }) {
      return match.code
    }
    if allowPosition, let position = sequentialSubquestion(text), choices.indices.contains(position - 1) {
      return choices[position - 1].code
    }
    return nil
  }

  /// `3` for LimeSurvey's `SQ003`.
  private static func sequentialSubquestion(_ text: String) -> Int? {
    let upper = text.uppercased()
    guard upper.hasPrefix("SQ"), upper.count > 2 else { return nil }
    return Int(upper.dropFirst(2))
  }
}

/// Reads a cell of a platform export as the answer to an item: ``AnswerReader`` in the platform dialect.
public enum ExportValue {
  /// The answer in a cell; `nil` for an empty cell (the item was not asked or not answered).
  public static func read(_ cell: String, for question: Question, in questionnaire: Questionnaire) -> Result<
    Answer?, AnswerProblem
  > {
    read(cell, with: AnswerReader(question, in: questionnaire, dialect: .platform))
  }

  /// The answer in a cell, read by a reader made once for its column.
  static func read(_ cell: String, with reader: AnswerReader) -> Result<Answer?, AnswerProblem> {
    let text = cell.trimmedOfWhitespace
    guard !text.isEmpty else { return .success(nil) }
    return reader.read(text).map { $0 }
  }

  /// The options in one cell, as the platform dialect reads a multiple-choice item's cell, in the definition's
  /// order.
  static func multipleChoices(_ text: String, among choices: [Choice]) -> Result<[String], AnswerProblem> {
    let question = Question(id: "choices", text: "", kind: .choice(choices, allowsMultiple: true))
    return AnswerReader(question, missingCodes: [], dialect: .platform).readValue(text).flatMap { value in
      guard case .choices(let codes) = value else { return .failure(.empty) }
      return .success(codes)
    }
  }

  /// Why the cell of a per-option column (see ``ColumnMatching/choiceColumns(columns:in:explicit:)``) could not
  /// be read.
  public struct OptionProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// Cell values that mean an option was ticked or not, besides its own label or code and the platform dialect's
  /// words for yes and no (``YesNoWords``).
  static let tickedWords: Set<String> = ["x", "checked", "selected"]
  static let untickedWords: Set<String> = ["not selected", "unchecked"]

  /// Whether the cell of a per-option column says its option was chosen: the option's label or code, `1`, `Y`
  /// or `ja` when ticked; empty, `0`, `N` or `nee` when not.
  public static func readOption(_ cell: String, column: ColumnMatching.ChoiceColumn, of question: Question)
    -> Result<Bool, OptionProblem>
  {
    let text = cell.trimmedOfWhitespace
    guard !text.isEmpty else { return .success(false) }
    let key = ColumnMatching.normalise(text)
    let yesNo = YesNoWords.value(text, in: .platform)
    if yesNo == false || untickedWords.contains(key) { return .success(false) }
    guard case .choice(let choices, _) = question.kind else {
      return .failure(OptionProblem(description: "the item is not a multiple-choice question"))
    }
    // The respondent's own words under *Other*: they tick the item's other option, or nothing if it has none.
    if column.isOther { return .success(column.choice != nil) }
    guard let code = column.choice, let option = choices.first(where: { $0.code == code }) else {
      let valid = choices.map(\.label).joined(separator: ", ")
      return .failure(
        OptionProblem(
          description:
            "option \"\(column.optionLabel)\" is ticked (\"\(text)\"), but it is not one of the choices (\(valid))"))
    }
    if yesNo == true || tickedWords.contains(key) || text == option.code
      || AnswerMatching.labelKey(text) == AnswerMatching.labelKey(option.label)
    {
      return .success(true)
    }
    return .failure(
      OptionProblem(
        description:
          "\"\(text)\" in the column of option \"\(option.label)\" is neither that option nor 1/0, Y/N or empty"))
  }
}
