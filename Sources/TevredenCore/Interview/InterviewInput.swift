import Foundation

/// Reads what the interviewer typed: an option number, a value, the unambiguous start of a label, or a key.
///
/// Keys: `<` back, `?` help, `p` pause, `!` quick exit, and one letter per missing code the question accepts
/// (`w` *weet niet*, `v` *niet van toepassing*, `x` *weigert*). A single letter is always read as a key (or as
/// `j`/`n` for ja/nee), so a label is chosen by at least two letters of its start.
public enum InterviewInput {
  /// A line of input, understood.
  public enum Command: Hashable, Sendable {
    case answer(Answer)
    /// Enter on a question that already has an answer (keep it), or on an optional question (skip it).
    case keep
    case back
    case help
    case pause
    case quickExit
    /// Review screen: confirm the interview.
    case confirm
    /// Review screen: change the answer on this line (1-based).
    case edit(Int)
  }

  public static let backKey = "<"
  public static let helpKey = "?"
  public static let pauseKey = "p"
  public static let quickExitKey = "!"
  public static let confirmWords: Set<String> = ["ok", "klaar", "bevestig"]

  /// The key for a missing code: `w`, `v`, `x` for the usual three, else the first letter of the code that is
  /// not taken.
  public static func key(forMissingCode code: String, in questionnaire: Questionnaire) -> String {
    let fixed = ["weet_niet": "w", "nvt": "v", "weigert": "x"]
    if let key = fixed[code] { return key }
    let reserved = Set(["j", "n", pauseKey]).union(fixed.values)
    var taken = reserved
    for other in questionnaire.missingCodes.map(\.code) where fixed[other] == nil {
      let candidate = other.lowercased().first.map { String($0) } ?? other
      let key = taken.contains(candidate) ? other : candidate
      if other == code { return key }
      taken.insert(key)
    }
    return code
  }

  /// Typed as `:taal en`: the rest of the interview in another of the questionnaire's languages (``languageSwitch(_:)``).
  public static let languageCommand = ":taal"

  /// The language code typed after ``languageCommand`` (empty when none was), or `nil` when the line is no language
  /// switch. Works on every screen; the interview engine checks the code against the questionnaire.
  public static func languageSwitch(_ line: String) -> String? {
    let text = line.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    guard text.hasPrefix(languageCommand) else { return nil }
    let rest = text.dropFirst(languageCommand.count)
    guard rest.isEmpty || rest.first == " " else { return nil }
    return rest.trimmingCharacters(in: .whitespaces)
  }

  /// The numbered options of a question: scale points by value, choices and ja/nee (in `yesNo`'s words) by position.
  public static func options(for question: Question, yesNo: YesNoLabels = .dutch) -> [InterviewOption] {
    switch question.kind {
    case .consent, .yesNo:
      [InterviewOption(key: "1", label: yesNo.yes), InterviewOption(key: "2", label: yesNo.no)]
    case .scale(let scale):
      scale.points.map { InterviewOption(key: String($0.value), label: $0.label) }
    case .choice(let choices, _):
      choices.enumerated().map { InterviewOption(key: String($0.offset + 1), label: $0.element.label) }
    case .grade, .number, .text:
      []
    }
  }

  /// The missing codes a question accepts, with their keys and labels.
  public static func missingOptions(for question: Question, in questionnaire: Questionnaire) -> [InterviewOption] {
    question.missingCodes.compactMap { code in
      questionnaire.missingCode(code).map {
        InterviewOption(key: key(forMissingCode: code, in: questionnaire), label: $0.label)
      }
    }
  }

  /// Reads a line typed at a question. A failure carries one Dutch sentence for the interviewer.
  public static func parse(
    _ line: String, for question: Question, in questionnaire: Questionnaire, hasCurrentAnswer: Bool
  ) -> Result<Command, InterviewMessage> {
    let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
    let lowered = text.lowercased()
    if let key = sessionKey(lowered) { return .success(key) }
    if lowered.isEmpty {
      if hasCurrentAnswer || !question.isRequired { return .success(.keep) }
      return .failure(InterviewText.emptyAnswer(for: question))
    }
    if let missing = questionnaire.missingCodes.first(where: {
      key(forMissingCode: $0.code, in: questionnaire) == lowered
    }) {
      guard question.missingCodes.contains(missing.code) else {
        return .failure(InterviewText.missingNotOffered(missing.label))
      }
      return .success(.answer(.missing(missing.code)))
    }
    if case .text = question.kind {
      return .success(.answer(.value(.text(text))))
    }
    return value(text, for: question).map { .answer(.value($0)) }
  }

  /// Reads a line typed at the review screen.
  public static func parseReview(_ line: String, itemCount: Int) -> Result<Command, InterviewMessage> {
    let lowered = line.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    if let key = sessionKey(lowered) { return .success(key) }
    if confirmWords.contains(lowered) { return .success(.confirm) }
    if let number = Int(lowered) {
      guard (1...max(itemCount, 1)).contains(number) else { return .failure(InterviewText.noSuchReviewLine(itemCount)) }
      return .success(.edit(number))
    }
    return .failure(InterviewText.reviewHint)
  }

  /// Reads the answer to the question whether the respondent really does not want to take part: *j* (*ja*, 1)
  /// confirms the refusal, *n* (*nee*, 2) or `<` goes back to the consent question.
  public static func parseRefusalConfirmation(_ line: String) -> Result<Command, InterviewMessage> {
    let lowered = fold(line)
    switch lowered {
    case "j", "ja", "1": return .success(.confirm)
    case "n", "nee", "2", backKey: return .success(.back)
    default: break
    }
    if let key = sessionKey(lowered) { return .success(key) }
    return .failure(InterviewText.notYesNo)
  }

  /// The keys that work everywhere: back, help, pause, quick exit.
  private static func sessionKey(_ lowered: String) -> Command? {
    switch lowered {
    case backKey: .back
    case helpKey: .help
    case pauseKey: .pause
    case quickExitKey: .quickExit
    default: nil
    }
  }

  private static func value(_ text: String, for question: Question) -> Result<AnswerValue, InterviewMessage> {
    switch question.kind {
    case .consent, .yesNo:
      switch fold(text) {
      case "1", "j", "ja": return .success(.yesNo(true))
      case "2", "n", "nee": return .success(.yesNo(false))
      default: return .failure(InterviewText.notYesNo)
      }
    case .scale(let scale):
      if let number = Int(text) {
        guard scale.points.contains(where: { $0.value == number }) else {
          return .failure(InterviewText.notAnOption(scale.minimum...scale.maximum))
        }
        return .success(.scalePoint(number))
      }
      return label(text, among: scale.points.map { ($0.label, $0.value) }).map(AnswerValue.scalePoint)
    case .grade:
      guard let grade = Int(text), (1...10).contains(grade) else { return .failure(InterviewText.notAGrade) }
      return .success(.grade(Double(grade)))
    case .number(let range):
      guard let number = Int(text), range.contains(number) else { return .failure(InterviewText.notANumber(range)) }
      return .success(.number(number))
    case .choice(let choices, let allowsMultiple):
      // Options are separated by commas or semicolons; numbers may also be separated by spaces ("1 3"), but
      // labels may hold spaces themselves.
      var parts = text.split(whereSeparator: { $0 == "," || $0 == ";" }).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init)
      if words.count > 1, words.allSatisfy({ Int($0) != nil }) { parts = words }
      if !allowsMultiple, parts.filter({ !$0.isEmpty }).count > 1 { return .failure(InterviewText.oneChoiceOnly) }
      var chosen = Set<String>()
      for part in parts where !part.isEmpty {
        if let number = Int(part) {
          guard (1...choices.count).contains(number) else {
            return .failure(InterviewText.notAnOption(1...choices.count))
          }
          chosen.insert(choices[number - 1].code)
        } else {
          switch label(part, among: choices.map { ($0.label, $0.code) }) {
          case .success(let code): chosen.insert(code)
          case .failure(let message): return .failure(message)
          }
        }
      }
      if chosen.isEmpty { return .failure(InterviewText.emptyAnswer(for: question)) }
      return .success(.choices(choices.map(\.code).filter(chosen.contains)))
    case .text:
      return .success(.text(text))
    }
  }

  /// The option whose label is `text` or starts with it (at least two letters), ignoring case and accents.
  private static func label<Value>(_ text: String, among labels: [(String, Value)]) -> Result<Value, InterviewMessage> {
    let typed = fold(text)
    if let exact = labels.first(where: { fold($0.0) == typed }) { return .success(exact.1) }
    guard typed.count >= 2 else { return .failure(InterviewText.notUnderstood(text)) }
    let matches = labels.filter { fold($0.0).hasPrefix(typed) }
    switch matches.count {
    case 1: return .success(matches[0].1)
    case 0: return .failure(InterviewText.notUnderstood(text))
    default: return .failure(InterviewText.ambiguous(text, matches.map(\.0)))
    }
  }

  private static func fold(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      .trimmingCharacters(in: .whitespaces)
  }

  /// An answer as the interviewer reads it: `4 Tevreden`, `Ja`, `7`, `Weet ik niet`.
  public static func describe(_ answer: Answer, for question: Question, in questionnaire: Questionnaire) -> String {
    switch answer {
    case .missing(let code):
      return questionnaire.missingCode(code)?.label ?? code
    case .value(let value):
      switch (question.kind, value) {
      case (_, .yesNo(let yes)): return yes ? questionnaire.yesNoLabels.yes : questionnaire.yesNoLabels.no
      case (.scale(let scale), .scalePoint(let point)):
        let label = scale.points.first { $0.value == point }?.label
        return label.map { "\(point) \($0)" } ?? String(point)
      case (.choice(let choices, _), .choices(let codes)):
        return codes.map { code in choices.first { $0.code == code }?.label ?? code }.joined(separator: "; ")
      case (_, .grade(let grade)): return AnswerValue.format(grade: grade)
      default: return value.canonicalText
      }
    }
  }
}
