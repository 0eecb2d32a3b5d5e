import Foundation

/// How the text of an answer was written: where it comes from decides the spellings that are accepted.
///
/// The rules of each dialect are in one table, in the documentation of ``AnswerReader``.
public enum AnswerDialect: String, Hashable, Sendable, CaseIterable {
  /// Text as tevreden stores it and writes it in its exchange format: the canonical spelling only.
  case stored
  /// What an interviewer types at a question: option numbers, a label or its start, keys for missing codes.
  case interviewer
  /// A cell of an online platform's export: codes or labels, yes/no words, decimal commas, missing-code labels.
  case platform
}

/// The one spelling of each kind of value in stored text (the database and the exchange format).
///
/// ``AnswerValue/canonicalText`` writes these, the ``AnswerDialect/stored`` dialect reads nothing else, and the
/// stores' fast paths compare stored bytes with them, so the three cannot drift apart.
public enum CanonicalSpelling {
  /// Consent or a yes/no question answered yes.
  public static let yes = "ja"
  /// Consent or a yes/no question answered no.
  public static let no = "nee"
  /// Between the codes of a multiple-choice answer, which follow the definition's order.
  public static let choiceSeparator: Character = ";"
  /// Between the whole part of a grade and its tenth.
  public static let decimalSeparator: Character = "."

  /// The whole number whose canonical text `bytes` is: digits with an optional `-`, no `+`, no leading zero, as
  /// `String(Int)` writes it; `nil` for any other text.
  @inlinable public static func integer<Bytes: Collection>(_ bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
    var index = bytes.startIndex
    let negative = bytes.first == UInt8(ascii: "-")
    if negative { index = bytes.index(after: index) }
    let digits = bytes.distance(from: index, to: bytes.endIndex)
    guard digits >= 1, digits <= 18 else { return nil }
    if bytes[index] == UInt8(ascii: "0") && (digits > 1 || negative) { return nil }
    var value = 0
    while index != bytes.endIndex {
      let byte = bytes[index]
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
      index = bytes.index(after: index)
    }
    return negative ? -value : value
  }

  /// The grade whose canonical text `bytes` is: `1` … `10`, or `1.1` … `9.9` without a trailing zero, as
  /// ``AnswerValue/canonicalText`` writes a grade; `nil` for any other text.
  @inlinable public static func grade<Bytes: Collection>(_ bytes: Bytes) -> Double? where Bytes.Element == UInt8 {
    func digit(_ byte: UInt8) -> Int? {
      (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }
    let count = bytes.count
    var index = bytes.startIndex
    func next() -> UInt8 {
      defer { index = bytes.index(after: index) }
      return bytes[index]
    }
    switch count {
    case 1: return digit(next()).map(Double.init)
    case 2: return next() == UInt8(ascii: "1") && next() == UInt8(ascii: "0") ? 10 : nil
    case 3:
      guard let whole = digit(next()), next() == UInt8(ascii: "."), let tenth = digit(next()) else { return nil }
      return Double(whole * 10 + tenth) / 10
    default: return nil
    }
  }
}

/// The words of a questionnaire's answers in one language, or in one earlier version of it: the labels of yes
/// and no, of scale points, of choices and of missing codes.
///
/// A reader accepts the labels of every table it is given. The questionnaire's own (Dutch) labels are one table,
/// ``init(_:name:)``; a translation (English, Arabic, Turkish, Polish) is another, keyed the same way: by scale
/// id and point value, by item and choice code, by missing code. So is an earlier version of the questionnaire:
/// a choice keeps its code and a scale its id across versions, so an old label reads as the value it stood for
/// (a scale whose points change meaning gets a new id, and its old labels then match nothing).
public struct AnswerLabels: Hashable, Sendable {
  /// What the table holds, for messages: `nl`, `en`, `versie 2`.
  public var name: String
  /// The labels of yes (consent and yes/no items).
  public var yes: [String]
  /// The labels of no.
  public var no: [String]
  /// Per missing code, its labels.
  public var missingCodes: [String: [String]]
  /// Per scale id, the labels of each point by value.
  public var scalePoints: [String: [Int: [String]]]
  /// Per single- or multiple-choice item, the labels of each choice by code.
  public var choices: [Question.ID: [String: [String]]]

  public init(
    name: String, yes: [String] = [], no: [String] = [], missingCodes: [String: [String]] = [:],
    scalePoints: [String: [Int: [String]]] = [:], choices: [Question.ID: [String: [String]]] = [:]
  ) {
    self.name = name
    self.yes = yes
    self.no = no
    self.missingCodes = missingCodes
    self.scalePoints = scalePoints
    self.choices = choices
  }

  /// The labels a questionnaire defines (Dutch): *Ja*/*Nee*, its scales' points, its choices, its missing codes.
  public init(_ questionnaire: Questionnaire, name: String = "nl") {
    self.init(name: name, yes: [Self.dutchYes], no: [Self.dutchNo])
    for missing in questionnaire.missingCodes { missingCodes[missing.code, default: []].append(missing.label) }
    for scale in questionnaire.scales { add(scale) }
    for question in questionnaire.questions { add(question) }
  }

  /// The labels of one item as its definition gives them, for reading without the rest of its questionnaire.
  init(_ question: Question) {
    self.init(name: "nl", yes: [Self.dutchYes], no: [Self.dutchNo])
    add(question)
  }

  /// The labels of yes and no on the interviewer's screen and in Dutch exports.
  public static let dutchYes = "Ja"
  public static let dutchNo = "Nee"

  private mutating func add(_ question: Question) {
    switch question.kind {
    case .scale(let scale): add(scale)
    case .choice(let options, _):
      var labels = choices[question.id] ?? [:]
      for option in options where labels[option.code]?.contains(option.label) != true {
        labels[option.code, default: []].append(option.label)
      }
      choices[question.id] = labels
    case .consent, .yesNo, .grade, .number, .text: break
    }
  }

  private mutating func add(_ scale: Scale) {
    var labels = scalePoints[scale.id] ?? [:]
    for point in scale.points where labels[point.value]?.contains(point.label) != true {
      labels[point.value, default: []].append(point.label)
    }
    scalePoints[scale.id] = labels
  }
}

/// Why a text could not be read as an answer to an item: the one problem type of every reader path.
///
/// A problem holds what was read and what would have fitted, never words: each audience words it in its own
/// table (``InterviewText`` for the interviewer, in Dutch; the import's row errors in `ImportText`; the store's
/// errors about stored data in `StoreError`). ``description`` is the plain wording of the checks in this module
/// (``Response/problems(in:)``), and of logs.
public enum AnswerProblem: Error, Hashable, Sendable, CustomStringConvertible {
  /// The text is not a whole number where the item takes one (a number item, a scale read by its value).
  case notANumber(String)
  /// The number is not one the item takes: outside a number item's range, not a point of its scale (whose
  /// lowest and highest points are given), or not one of the option numbers an interviewer sees.
  case outOfRange(String, ClosedRange<Int>)
  /// The text is not a grade from 1 to 10 with at most one decimal.
  case gradeOutOfRange(String)
  /// The text is not one of the options, given as the dialect names them (codes in stored text, labels
  /// otherwise).
  case unknownChoice(String, valid: [String])
  /// The text is not a spelling of yes or no in the dialect.
  case notYesNo(String)
  /// The text is the start of several labels (the interviewer dialect reads a label by its start).
  case ambiguous(String, labels: [String])
  /// Several options were given for an item that takes one.
  case oneChoiceOnly(String)
  /// Stored text that is not the canonical spelling of the value it would be in another dialect: stored text is
  /// canonical only, so it is refused, with the spelling tevreden writes.
  case notCanonical(String, canonical: String)
  /// A missing code the item does not offer; `allowed` are the codes it does.
  case missingCodeNotAllowed(String, allowed: [String])
  /// Nothing was given.
  case empty

  public var description: String {
    switch self {
    case .notANumber(let text): "\"\(text)\" is not a whole number"
    case .outOfRange(let text, let range):
      "\"\(text)\" is outside \(range.lowerBound)...\(range.upperBound)"
    case .gradeOutOfRange(let text): "\"\(text)\" is not a grade from 1 to 10 (at most one decimal)"
    case .unknownChoice(let text, let valid):
      "\"\(text)\" is not one of the choices (\(valid.joined(separator: ", ")))"
    case .notYesNo(let text): "\"\(text)\" is not ja or nee"
    case .ambiguous(let text, let labels):
      "\"\(text)\" is the start of several answers (\(labels.joined(separator: ", ")))"
    case .oneChoiceOnly(let text): "\"\(text)\" gives several answers to an item that takes one"
    case .notCanonical(let text, let canonical): "\"\(text)\" is not stored text; tevreden writes it \"\(canonical)\""
    case .missingCodeNotAllowed(let code, let allowed):
      allowed.isEmpty
        ? "missing code \"\(code)\" is not allowed for this item"
        : "missing code \"\(code)\" is not allowed for this item (allowed: \(allowed.joined(separator: ", ")))"
    case .empty: "the answer is empty"
    }
  }
}

/// Reads the text of an answer to one item: one reader for the database, the exchange format, the interviewer's
/// keyboard and the cells of platform exports, which differ only in the dialect they are read in.
///
/// | | ``AnswerDialect/stored`` | ``AnswerDialect/interviewer`` | ``AnswerDialect/platform`` |
/// |---|---|---|---|
/// | white space | none: the text is read as it is | trimmed | trimmed (any white space, line breaks) |
/// | case, accents | exact | ignored | ignored, and punctuation and HTML tags too |
/// | yes/no | `ja`, `nee` | `1` `j` `ja` / `2` `n` `nee` (the options *1 Ja*, *2 Nee*), labels | `ja` `j` `yes` `y` `true` `waar` `1` `akkoord` `ik ga akkoord` / `nee` `n` `no` `false` `onwaar` `0` `niet akkoord`, labels |
/// | whole numbers (scale value, number) | as `String(Int)` writes it: `4`, `-3` | `4`, or `4,0` / `4.0` | as the interviewer |
/// | grade | `7`, `7.5` (point, no trailing zero) | `7`, `7,5`, `7.5`, `7,50` | as the interviewer |
/// | scale | its value | its value (the option number shown), a label or its unambiguous start (two letters or more) | its value, a label, a common wording of a label (*zeer* = *erg* = *heel*; *eens*, *agree*), *neutraal* for the middle |
/// | single choice | its code | its option number, a label or its unambiguous start, its code | its code or a label |
/// | multiple choice | codes in the definition's order, each once, joined by `;` | options as for a single choice, separated by `,` or `;` (numbers also by spaces) | codes or labels separated by `;` (a trailing one allowed), `,` or spaces; a label that holds the separator is read whole |
/// | missing codes | the code (`weet_niet`) | its key (`w` *weet niet*, `v` *n.v.t.*, `x` *weigert*, else a free letter), its code | the code, a label, a common wording (*weet ik niet*, *n.v.t.*, *don't know*) |
/// | free text | as it is; never a missing code | trimmed; a missing code only by its key | trimmed; never a missing code |
///
/// Labels are those of the label tables the reader is given (``AnswerLabels``): the questionnaire's own, and any
/// extra ones (a translation, an earlier version's labels), all read alike. Every dialect reads stored text as the
/// stored dialect does, so canonical text means the same answer whoever types or exports it.
///
/// Decisions behind the table, where the readers it replaced disagreed:
/// - Stored text is canonical only: `JA`, `1`, `07`, `7,5`, `7.0`, a label, codes out of order are refused as
///   ``AnswerProblem/notCanonical(_:canonical:)``, naming the spelling tevreden writes. tevreden never wrote
///   anything else, so only a hand-made change is refused, and the stores' fast paths, which compare bytes with
///   ``CanonicalSpelling``, accept exactly what this reader reads. The exchange format's spreadsheet layer (the
///   guard's `'`, Dutch Excel's decimal comma) is undone by its reader before the cell gets here.
/// - `2` is *nee* only for an interviewer, who sees the options *1 Ja* and *2 Nee*; a platform's `0`/`1` are
///   booleans, so a platform's `2` is no answer and an interviewer's `0` is no option.
/// - A decimal comma is a person's or a spreadsheet's way of writing a number: interviewers and platforms may
///   use one (`7,5`, `4,0`), stored text never does. A whole number may have a zero decimal part of one or two
///   digits (`4,0`, `4.00`); `1.000` is no number at all, since it may be a thousand.
/// - A choice code is read as that choice, never as the choice whose label it equals (`melder` was read back as
///   another option labelled *Melder*).
/// - The platform dialect's words for yes and no are the words an export's inspection calls a yes/no column, and
///   the words a per-option column or a finished column says yes or no with (``YesNoWords``); German ones, which
///   only the inspection knew, are gone.
/// - Labels are compared per dialect: the interviewer by case and accents and by their start, since they are
///   typed; platforms by the normalised form of ``AnswerMatching/labelKey(_:)``, since templates vary the
///   punctuation and the intensifier.
public struct AnswerReader: Sendable {
  /// The item the text answers.
  public let question: Question
  public let dialect: AnswerDialect
  /// The questionnaire's missing codes: text that is one of them (in the dialect's spelling) is read as that code,
  /// and refused where the item does not offer it.
  private let missingCodes: [MissingCode]
  /// The labels and words the dialect accepts, by the key the dialect compares; empty for stored text.
  private let words: Words

  /// A reader for answers to `question` of `questionnaire`.
  ///
  /// - Parameters:
  ///   - extraLabels: Label tables accepted besides the questionnaire's own labels (which are always read): a
  ///     translation, or the labels of an earlier version. Stored text takes no labels.
  public init(
    _ question: Question, in questionnaire: Questionnaire, dialect: AnswerDialect, extraLabels: [AnswerLabels] = []
  ) {
    self.init(question, missingCodes: questionnaire.missingCodes, dialect: dialect, extraLabels: extraLabels)
  }

  /// A reader for answers to `question`, given its questionnaire's missing codes (an item read without the rest of
  /// its questionnaire).
  public init(
    _ question: Question, missingCodes: [MissingCode], dialect: AnswerDialect, extraLabels: [AnswerLabels] = []
  ) {
    self.question = question
    self.dialect = dialect
    self.missingCodes = missingCodes
    switch dialect {
    case .stored: words = Words()
    case .interviewer, .platform:
      var own = AnswerLabels(question)
      for missing in missingCodes { own.missingCodes[missing.code, default: []].append(missing.label) }
      words = Words(question, missingCodes: missingCodes, dialect: dialect, tables: [own] + extraLabels)
    }
  }

  /// Reads an answer: a value, or a missing code the item offers.
  public func read(_ text: String) -> Result<Answer, AnswerProblem> {
    switch dialect {
    case .stored:
      return Self.readStored(text, for: question, missingCodes: missingCodes)
    case .interviewer, .platform:
      let trimmed = text.trimmedOfWhitespace
      guard !trimmed.isEmpty else { return .failure(.empty) }
      // An interviewer's missing-code keys are keys at every question, open ones too; a platform's open answer is
      // never a missing code.
      if dialect == .interviewer || question.kind != .text, let code = words.missing[key(trimmed)] {
        guard question.missingCodes.contains(code) else {
          return .failure(.missingCodeNotAllowed(code, allowed: question.missingCodes))
        }
        return .success(.missing(code))
      }
      if case .text = question.kind { return .success(.value(.text(trimmed))) }
      return value(trimmed).map(Answer.value)
    }
  }

  /// Reads a value, never a missing code (the database keeps missing codes apart from values).
  public func readValue(_ text: String) -> Result<AnswerValue, AnswerProblem> {
    switch dialect {
    case .stored: Self.storedValue(text, for: question)
    case .interviewer, .platform: value(text.trimmedOfWhitespace)
    }
  }

  // MARK: Stored text

  /// ``read(_:)`` in the stored dialect, without making a reader: the exchange reader calls it for every cell.
  public static func readStored(_ text: String, for question: Question, missingCodes: [MissingCode]) -> Result<
    Answer, AnswerProblem
  > {
    if case .text = question.kind { return text.isEmpty ? .failure(.empty) : .success(.value(.text(text))) }
    guard !text.isEmpty else { return .failure(.empty) }
    if missingCodes.contains(where: { $0.code == text }) {
      guard question.missingCodes.contains(text) else {
        return .failure(.missingCodeNotAllowed(text, allowed: question.missingCodes))
      }
      return .success(.missing(text))
    }
    return storedValue(text, for: question).map(Answer.value)
  }

  /// ``readValue(_:)`` in the stored dialect, without making a reader: the database calls it for every answer it
  /// reads back. Free text is read as it is, even empty.
  public static func storedValue(_ text: String, for question: Question) -> Result<AnswerValue, AnswerProblem> {
    let read: Result<AnswerValue, AnswerProblem>
    switch question.kind {
    case .consent, .yesNo:
      if text == CanonicalSpelling.yes { return .success(.yesNo(true)) }
      if text == CanonicalSpelling.no { return .success(.yesNo(false)) }
      read = .failure(.notYesNo(text))
    case .scale(let scale):
      if let value = CanonicalSpelling.integer(text.utf8) {
        guard scale.points.contains(where: { $0.value == value }) else {
          return .failure(.outOfRange(text, scale.minimum...scale.maximum))
        }
        return .success(.scalePoint(value))
      }
      read = .failure(.notANumber(text))
    case .grade:
      if let grade = CanonicalSpelling.grade(text.utf8) { return .success(.grade(grade)) }
      read = .failure(.gradeOutOfRange(text))
    case .number(let range):
      if let value = CanonicalSpelling.integer(text.utf8) {
        guard range.contains(value) else { return .failure(.outOfRange(text, range)) }
        return .success(.number(value))
      }
      read = .failure(.notANumber(text))
    case .choice(let choices, let allowsMultiple):
      guard !text.isEmpty else { return .failure(.empty) }
      if !allowsMultiple {
        if choices.contains(where: { $0.code == text }) { return .success(.choices([text])) }
        read = .failure(.unknownChoice(text, valid: choices.map(\.code)))
        break
      }
      var codes: [String] = []
      var previous = -1
      var inOrder = true
      var unknown: String?
      for part in text.split(separator: CanonicalSpelling.choiceSeparator, omittingEmptySubsequences: false) {
        guard let index = choices.firstIndex(where: { $0.code == part }) else {
          unknown = String(part)
          break
        }
        if index <= previous { inOrder = false }
        previous = index
        codes.append(choices[index].code)
      }
      if unknown == nil, inOrder { return .success(.choices(codes)) }
      read = .failure(.unknownChoice(unknown ?? text, valid: choices.map(\.code)))
    case .text:
      return .success(.text(text))
    }
    // Refused; when another dialect reads the text as a value, the problem names that value's canonical text.
    let lenient = AnswerReader(question, missingCodes: [], dialect: .platform, extraLabels: [])
    if case .success(let value) = lenient.value(text.trimmedOfWhitespace), value.canonicalText != text {
      return .failure(.notCanonical(text, canonical: value.canonicalText))
    }
    return read
  }

  // MARK: Interviewer and platform

  /// The form of `text` the dialect compares.
  private func key(_ text: String) -> String { AnswerMatching.key(text, in: dialect) }

  private func value(_ text: String) -> Result<AnswerValue, AnswerProblem> {
    switch question.kind {
    case .consent, .yesNo:
      if let yes = words.yesNo[key(text)] { return .success(.yesNo(yes)) }
      return .failure(.notYesNo(text))
    case .scale(let scale):
      if let number = AnswerMatching.decimal(text), let value = AnswerMatching.whole(number) {
        guard scale.points.contains(where: { $0.value == value }) else {
          return .failure(.outOfRange(text, scale.minimum...scale.maximum))
        }
        return .success(.scalePoint(value))
      }
      return label(text, among: words.points, valid: scale.points.map(\.label)).map(AnswerValue.scalePoint)
    case .grade:
      guard let grade = AnswerMatching.decimal(text), grade >= 1, grade <= 10,
        ((grade * 10).rounded() - grade * 10).magnitude < 1e-9
      else { return .failure(.gradeOutOfRange(text)) }
      return .success(.grade((grade * 10).rounded() / 10))
    case .number(let range):
      guard let number = AnswerMatching.decimal(text), let value = AnswerMatching.whole(number) else {
        return .failure(.notANumber(text))
      }
      guard range.contains(value) else { return .failure(.outOfRange(text, range)) }
      return .success(.number(value))
    case .choice(let choices, let allowsMultiple):
      let codes =
        dialect == .interviewer
        ? typedChoices(text, among: choices, allowsMultiple: allowsMultiple)
        : exportedChoices(text, among: choices, allowsMultiple: allowsMultiple)
      return codes.map { .choices(choices.map(\.code).filter(Set($0).contains)) }
    case .text:
      return .success(.text(text))
    }
  }

  /// The value a label stands for: the one whose key is the text's; for an interviewer, else the one value whose
  /// labels start with it (two letters at least: one letter is a key).
  private func label<Value: Hashable>(
    _ text: String, among labels: [Labelled<Value>], codes: [String: Value] = [:], valid: [String]
  ) -> Result<Value, AnswerProblem> {
    let typed = key(text)
    if let exact = labels.first(where: { $0.key == typed }) { return .success(exact.value) }
    guard dialect == .interviewer, typed.count >= 2 else { return .failure(.unknownChoice(text, valid: valid)) }
    // An option's code, typed whole, as stored text writes it (only the platform reads a code in a label's place).
    if let code = codes[typed] { return .success(code) }
    let matches = labels.filter { $0.key.hasPrefix(typed) }
    var values: [Value] = []
    for match in matches where !values.contains(match.value) { values.append(match.value) }
    switch values.count {
    case 0: return .failure(.unknownChoice(text, valid: valid))
    case 1: return .success(values[0])
    default:
      var shown: [String] = []
      for match in matches where !shown.contains(match.label) { shown.append(match.label) }
      return .failure(.ambiguous(text, labels: shown))
    }
  }

  /// Options as an interviewer types them: numbers or labels separated by commas or semicolons; numbers may also
  /// be separated by spaces (`1 3`), but labels may hold spaces themselves.
  private func typedChoices(_ text: String, among choices: [Choice], allowsMultiple: Bool) -> Result<
    [String], AnswerProblem
  > {
    var parts = text.split(whereSeparator: { $0 == "," || $0 == ";" }).map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
    let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init)
    if tokens.count > 1, tokens.allSatisfy({ Int($0) != nil }) { parts = tokens }
    if !allowsMultiple, parts.count > 1 { return .failure(.oneChoiceOnly(text)) }
    var chosen: [String] = []
    for part in parts {
      if let number = Int(part) {
        guard choices.indices.contains(number - 1) else {
          return .failure(.outOfRange(part, 1...max(choices.count, 1)))
        }
        chosen.append(choices[number - 1].code)
      } else {
        switch label(part, among: words.options, codes: words.codeKeys, valid: choices.map(\.label)) {
        case .success(let code): chosen.append(code)
        case .failure(let problem): return .failure(problem)
        }
      }
    }
    return chosen.isEmpty ? .failure(.empty) : .success(chosen)
  }

  /// Options as platforms export them: one code or label, or several labels joined by `;` (Microsoft Forms, with a
  /// trailing `;`) or `,` (Google Forms), or codes separated by spaces (KoboToolbox, ODK). A label may itself hold
  /// the separator, so consecutive parts are joined when together they make a label, the longest first.
  private func exportedChoices(_ text: String, among choices: [Choice], allowsMultiple: Bool) -> Result<
    [String], AnswerProblem
  > {
    if let single = option(text) { return .success([single]) }
    guard allowsMultiple else { return .failure(.unknownChoice(text, valid: choices.map(\.label))) }
    let separator: Character = text.contains(";") ? ";" : text.contains(",") ? "," : " "
    let parts = text.split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
      !$0.isEmpty
    }
    var chosen: [String] = []
    var start = 0
    while start < parts.count {
      var end = parts.count
      var code: String?
      while end > start, code == nil {
        code = option(parts[start..<end].joined(separator: "\(separator) "))
        if code == nil { end -= 1 }
      }
      guard let code else { return .failure(.unknownChoice(parts[start], valid: choices.map(\.label))) }
      chosen.append(code)
      start = end
    }
    return chosen.isEmpty ? .failure(.empty) : .success(chosen)
  }

  /// The code of the option `text` names in a platform's cell: its code as written, or one of its labels.
  private func option(_ text: String) -> String? {
    let code = text.trimmingCharacters(in: .whitespaces)
    if words.codes.contains(code) { return code }
    return words.optionKeys[key(text)]
  }

  // MARK: Vocabulary

  /// A label, the key its dialect compares, and the value it stands for.
  struct Labelled<Value: Hashable>: Sendable where Value: Sendable {
    var label: String
    var key: String
    var value: Value
  }

  /// What one reader accepts besides numbers, worked out once from its item, dialect and label tables.
  struct Words: Sendable {
    var yesNo: [String: Bool] = [:]
    var points: [Labelled<Int>] = []
    var options: [Labelled<String>] = []
    /// Platforms: the option codes, and each key of a label, wording or code to its option.
    var codes: Set<String> = []
    var optionKeys: [String: String] = [:]
    /// Interviewers: each option's code, folded, to the code.
    var codeKeys: [String: String] = [:]
    /// Each key of a missing code (its interviewer key; a platform's code, label or wording) to the code.
    var missing: [String: String] = [:]

    init() {}

    init(_ question: Question, missingCodes: [MissingCode], dialect: AnswerDialect, tables: [AnswerLabels]) {
      func key(_ text: String) -> String { AnswerMatching.key(text, in: dialect) }
      switch question.kind {
      case .consent, .yesNo:
        for word in YesNoWords.all where word.dialects.contains(dialect) {
          if yesNo[key(word.text)] == nil { yesNo[key(word.text)] = word.value }
        }
        for table in tables {
          for label in table.yes where yesNo[key(label)] == nil { yesNo[key(label)] = true }
          for label in table.no where yesNo[key(label)] == nil { yesNo[key(label)] = false }
        }
      case .scale(let scale):
        for table in tables {
          let labels = table.scalePoints[scale.id] ?? [:]
          for point in scale.points {
            for label in labels[point.value] ?? [] {
              points.append(Labelled(label: label, key: key(label), value: point.value))
            }
          }
        }
        if dialect == .platform {
          // Other common wordings of the same points, as other questionnaires and platforms' templates write them;
          // after every label, which they never overrule.
          var synonyms: [Labelled<Int>] = []
          for point in points {
            for wording in AnswerMatching.scaleSynonyms[point.key] ?? []
            where !points.contains(where: { $0.key == wording }) {
              synonyms.append(Labelled(label: wording, key: wording, value: point.value))
            }
          }
          // "Neutraal" is the middle of a scale with a middle.
          if scale.points.count % 2 == 1 {
            let middle = scale.points[scale.points.count / 2].value
            for wording in AnswerMatching.neutralWordings {
              synonyms.append(Labelled(label: wording, key: wording, value: middle))
            }
          }
          points += synonyms
        }
      case .choice(let choices, _):
        for table in tables {
          let labels = table.choices[question.id] ?? [:]
          for choice in choices {
            for label in labels[choice.code] ?? [] {
              options.append(Labelled(label: label, key: key(label), value: choice.code))
            }
          }
        }
        codes = Set(choices.map(\.code))
        for choice in choices where codeKeys[key(choice.code)] == nil { codeKeys[key(choice.code)] = choice.code }
        for option in options where optionKeys[option.key] == nil { optionKeys[option.key] = option.value }
      case .grade, .number, .text:
        break
      }
      switch dialect {
      case .stored: break
      case .interviewer:
        for code in missingCodes.map(\.code) {
          missing[AnswerMatching.fold(InterviewInput.key(forMissingCode: code, among: missingCodes))] = code
        }
        // A code typed whole, as stored text writes it; never at an open question, whose answer it may be.
        if question.kind != .text {
          for code in missingCodes.map(\.code) where missing[key(code)] == nil { missing[key(code)] = code }
        }
      case .platform:
        for code in missingCodes.map(\.code) {
          let names =
            [code] + tables.flatMap { $0.missingCodes[code] ?? [] } + (AnswerMatching.missingWordings[code] ?? [])
          for name in names where missing[key(name)] == nil { missing[key(name)] = code }
        }
      }
    }
  }
}
