import Foundation

/// The safe start of a resident interview: before anything else is said or stored, the interviewer asks whether
/// the person can talk freely now ("Kunt u nu vrijuit praten?").
///
/// Someone else may be listening in on a call about domestic violence, so the question comes before the intro (which
/// names Veilig Thuis and the melding) and before consent. *Ja* goes on into the interview. *Nee* ends the contact
/// as *niet nu, veilig* (``ContactOutcome/notNowSafe``): a contact outcome, never a refusal, so nothing of the
/// interview is stored and the person can be called back later.
///
/// The question is not an item of any questionnaire: its answer is never stored as an answer and never appears in
/// a codebook or an export, and the definitions' numbering does not count it. Like ``Interview`` this is a pure
/// state machine: a front end shows ``screen``, calls ``handle(_:)`` with each line, and acts on the step's
/// ``Step/outcome``.
///
/// A resumed interview asks it again: a resumed interview is a new call, and whether the person can talk freely
/// is a question about now, not about the earlier call.
///
/// ## Topics
/// ### Whether it is asked
/// - ``isAsked(in:mode:)``
/// ### Input
/// - ``handle(_:)``
/// - ``Step``
/// - ``Outcome``
public struct SafeStart: Hashable, Sendable {
  /// Where the safe start is.
  public enum Stage: Hashable, Sendable {
    /// Asking whether the person can talk freely.
    case asking
    /// *Ja*: the interview goes on.
    case canTalk
    /// *Nee*: the contact ended as *niet nu, veilig*.
    case notNow
  }

  /// What the front end must do after a step.
  public enum Outcome: Hashable, Sendable {
    /// The person can talk freely: go on into the interview.
    case proceed
    /// The contact ends here with this outcome (always ``ContactOutcome/notNowSafe``): record it as a contact,
    /// store nothing of the interview, and offer the quick exit.
    case endContact(ContactOutcome)
    /// Quick exit: clear the screen at once and end the session.
    case quickExit
  }

  /// What a line of input did.
  public struct Step: Hashable, Sendable {
    /// What to do now; `nil` while the question is still open.
    public var outcome: Outcome?
    /// A sentence for the interviewer when the input was not understood (Dutch).
    public var message: String?
    /// Whether the input asked for help.
    public var showsHelp: Bool

    public init(outcome: Outcome? = nil, message: String? = nil, showsHelp: Bool = false) {
      self.outcome = outcome
      self.message = message
      self.showsHelp = showsHelp
    }
  }

  public private(set) var stage: Stage = .asking

  public init() {}

  /// Whether an interview starts with the safe start: every resident (*inwoners*) interview with a person on the
  /// line, by telephone or face to face. Chain partners answer as professionals, and a paper form keyed in later
  /// has nobody to ask.
  public static func isAsked(in questionnaire: Questionnaire, mode: Response.Mode) -> Bool {
    guard questionnaire.audience == .inwoners else { return false }
    switch mode {
    case .telefonisch, .persoonlijk: return true
    case .online, .papier: return false
    }
  }

  /// Handles one line typed by the interviewer.
  public mutating func handle(_ line: String) -> Step {
    guard stage == .asking else { return Step() }
    // Ja and nee as an interviewer types them at any yes/no question (the one list of them, ``YesNoWords``).
    switch YesNoWords.value(line, in: .interviewer) {
    case true?:
      stage = .canTalk
      return Step(outcome: .proceed)
    case false?:
      stage = .notNow
      return Step(outcome: .endContact(.notNowSafe))
    case nil:
      break
    }
    switch line.trimmingCharacters(in: .whitespacesAndNewlines) {
    case InterviewInput.quickExitKey:
      return Step(outcome: .quickExit)
    case InterviewInput.helpKey:
      return Step(showsHelp: true)
    default:
      // Anything else (a number, Enter, `<` or `p`, which mean something at the questions) is asked again: only a
      // clear ja or nee decides whether a call about domestic violence goes on.
      return Step(message: InterviewText.notYesNo.text)
    }
  }

  /// What the front end shows while asking.
  public var screen: SafeStartScreen { screen(in: nil) }

  /// What the front end shows while asking in an interview in the language of `translation` (`nil`: the source
  /// language): the question and its answers in that language, with the Dutch under them for the interviewer, as
  /// the questionnaire's questions are shown.
  public func screen(in translation: Translation?) -> SafeStartScreen {
    var screen = SafeStartScreen(
      title: InterviewText.safeStartTitle, question: InterviewText.safeStartQuestion,
      instruction: InterviewText.safeStartInstruction,
      options: [InterviewOption(key: "1", label: "Ja"), InterviewOption(key: "2", label: "Nee")],
      keys: InterviewText.safeStartKeys)
    guard let translation else { return screen }
    screen.language = translation.language
    guard let question = InterviewText.safeStartQuestionTranslations[translation.language] else {
      screen.note = InterviewText.safeStartUntranslated(translation.language.dutchName)
      return screen
    }
    screen.sourceQuestion = screen.question
    screen.question = question
    screen.options = [
      InterviewOption(key: "1", label: translation.yesNo.yes, sourceLabel: "Ja"),
      InterviewOption(key: "2", label: translation.yesNo.no, sourceLabel: "Nee"),
    ]
    return screen
  }

}

/// The safe-start question as shown to the interviewer.
public struct SafeStartScreen: Hashable, Sendable {
  /// A heading for the interviewer: this comes before the questionnaire.
  public var title: String
  /// The question, read out.
  public var question: String
  /// For the interviewer's eyes only; shown as the questions' `instruction:` texts are.
  public var instruction: String
  public var options: [InterviewOption]
  /// The keys that work here.
  public var keys: String
  /// The interview's language, when it is not the source language.
  public var language: LanguageCode?
  /// The question in the source language, under its translation.
  public var sourceQuestion: String?
  /// For the interviewer, when the question has no translation into the interview's language.
  public var note: String?
}
