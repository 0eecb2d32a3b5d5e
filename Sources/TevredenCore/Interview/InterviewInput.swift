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
    key(forMissingCode: code, among: questionnaire.missingCodes)
  }

  /// ``key(forMissingCode:in:)`` among a questionnaire's missing codes: the interviewer dialect of
  /// ``AnswerReader`` reads a missing code by this key.
  static func key(forMissingCode code: String, among missingCodes: [MissingCode]) -> String {
    let fixed = ["weet_niet": "w", "nvt": "v", "weigert": "x"]
    if let key = fixed[code] { return key }
    // The one-letter words for yes and no, and the pause key, stay what they are.
    let yesNoLetters = YesNoWords.all.filter { $0.dialects.contains(.interviewer) && $0.text.count == 1 }.map(\.text)
    let reserved = Set(yesNoLetters + [pauseKey]).union(fixed.values)
    var taken = reserved
    for other in missingCodes.map(\.code) where fixed[other] == nil {
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

  /// Reads a line typed at a question, in the interviewer dialect of ``AnswerReader``. A failure carries one Dutch
  /// sentence for the interviewer.
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
    switch AnswerReader(question, in: questionnaire, dialect: .interviewer).read(text) {
    case .success(let answer): return .success(.answer(answer))
    case .failure(let problem): return .failure(InterviewText.answerProblem(problem, for: question, in: questionnaire))
    }
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

  /// Reads the answer to the question whether the respondent really does not want to take part: yes (`j`, `ja`,
  /// `1`, as at a yes/no question) confirms the refusal, no (`n`, `nee`, `2`) or `<` goes back to the consent
  /// question.
  public static func parseRefusalConfirmation(_ line: String) -> Result<Command, InterviewMessage> {
    let lowered = AnswerMatching.fold(line)
    if lowered == backKey { return .success(.back) }
    switch YesNoWords.value(lowered, in: .interviewer) {
    case true?: return .success(.confirm)
    case false?: return .success(.back)
    case nil: break
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
