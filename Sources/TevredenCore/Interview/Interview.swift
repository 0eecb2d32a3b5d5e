import Foundation

/// A terminal interview as a pure state machine: the current state plus one line of input gives the next state
/// and the effects to store.
///
/// The engine does no I/O. A front end shows ``screen``, reads a line, calls ``handle(_:)``, writes the returned
/// ``Step/effects`` to the database at once, and shows the new screen. Resuming an interview is creating one with
/// the answers stored so far.
///
/// Routing is re-evaluated after every answer: changing an earlier answer so that a later question no longer
/// applies removes that question's answer (``Effect/remove(_:)``), so it is never counted.
///
/// A *nee* to the consent question ends the interview for good, so it is confirmed first
/// (``Stage/confirmingRefusal``): nothing is stored until the interviewer confirms, and a *n* there asks the
/// consent question again.
///
/// The questionnaire's texts are shown in the interview's ``language`` (``presented``); `:taal ar` switches it on
/// any screen (``Effect/language(_:)``) to another language the definition has. Answers are codes, so they stay as
/// they are whatever the language.
///
/// ## Topics
/// ### State
/// - ``stage``
/// - ``answers``
/// - ``screen``
/// ### Input
/// - ``handle(_:)``
/// - ``Step``
/// - ``Effect``
public struct Interview: Hashable, Sendable {
  /// Where the interview is.
  public enum Stage: Hashable, Sendable {
    /// Asking this question.
    case question(Question.ID)
    /// *Nee* was typed at the consent question: the interviewer confirms that the respondent does not want to take
    /// part (the refusal is recorded) or not (the consent question is asked again). Nothing is stored yet.
    case confirmingRefusal
    /// Every applicable question is answered; the interviewer checks the answers and confirms.
    case review
    /// Confirmed: the response is complete.
    case completed
    /// The respondent did not consent: the interview ended as a refusal.
    case refused
  }

  /// What the front end must store after a step, in order.
  public enum Effect: Hashable, Sendable {
    /// Store (or replace) the answer to this question. `replaced` is the answer it replaces, if any.
    case store(Question.ID, Answer, replaced: Answer?)
    /// Delete the answer to this question: it no longer applies, or an optional answer was cleared.
    case remove(Question.ID)
    /// The interview is finished with this status (`completed` or `refused`).
    case finish(Response.Status)
    /// The interviewer paused: keep everything, end the session.
    case pause
    /// Quick exit: clear the screen at once, keep everything, end the session.
    case quickExit
    /// From now on the interview is in this language: store it as the response's language.
    case language(LanguageCode)
  }

  /// What a line of input did.
  public struct Step: Hashable, Sendable {
    public var effects: [Effect]
    /// A sentence for the interviewer when the input was not accepted or needs a remark (Dutch).
    public var message: String?
    /// Whether the input asked for help.
    public var showsHelp: Bool

    public init(effects: [Effect] = [], message: String? = nil, showsHelp: Bool = false) {
      self.effects = effects
      self.message = message
      self.showsHelp = showsHelp
    }
  }

  /// The definition as written, in its source language.
  public let questionnaire: Questionnaire
  /// The language the respondent is asked in.
  public private(set) var language: LanguageCode
  /// The questionnaire in ``language``: what the screens show and what typed labels are read against.
  public private(set) var presented: Questionnaire
  public private(set) var answers: [Question.ID: Answer]
  public private(set) var stage: Stage
  /// Set when the interviewer jumped from the review screen to a question: after answering, go back there.
  private var returnsToReview = false

  /// Starts an interview, or resumes one with the answers stored so far: at the first applicable question that
  /// has no answer, or at the review screen when there is none.
  ///
  /// - Parameter language: The language to ask in; `nil` for the source language. The caller refuses a language
  ///   the definition lacks (``Questionnaire/languages``): here it would be the source language.
  public init(questionnaire: Questionnaire, answers: [Question.ID: Answer] = [:], language: LanguageCode? = nil) {
    self.questionnaire = questionnaire
    let localized = language.flatMap { questionnaire.localized(to: $0) }
    self.language = localized?.textLanguage ?? questionnaire.sourceLanguage
    self.presented = localized ?? questionnaire
    self.answers = answers
    self.stage = .review
    if case .value(.yesNo(false))? = consentQuestion.flatMap({ answers[$0.id] }) {
      stage = .refused
    } else {
      stage = firstUnanswered().map(Stage.question) ?? .review
    }
  }

  private var consentQuestion: Question? {
    questionnaire.questions.first { $0.kind == .consent }
  }

  // MARK: - Routing

  /// The questions asked given the answers so far, in questionnaire order.
  public var askedQuestions: [Question] {
    presented.questions.filter { $0.isAsked(given: answers) }
  }

  /// The answers that count: those to questions that apply under the routing.
  public var countedAnswers: [Question.ID: Answer] {
    answers.filter { questionnaire.question($0.key)?.isAsked(given: answers) ?? false }
  }

  /// Whether a question may still be asked: every condition holds, or names a question not answered yet.
  private func mayBeAsked(_ question: Question) -> Bool {
    question.showIf.allSatisfy { answers[$0.item] == nil || $0.isSatisfied(by: answers) }
  }

  /// "Vraag 4 van 16": the question's place among the questions that apply or may still apply.
  public func progress(of id: Question.ID) -> (number: Int, total: Int) {
    let applicable = questionnaire.questions.filter(mayBeAsked)
    let number = (applicable.firstIndex { $0.id == id } ?? 0) + 1
    return (number, applicable.count)
  }

  private func firstUnanswered() -> Question.ID? {
    askedQuestions.first { answers[$0.id] == nil && needsAnswer($0) }?.id
  }

  /// Whether the interview must stop at a question without an answer: required questions always; an optional
  /// one only on the way through (it is skipped by pressing Enter, which records that it was seen).
  private func needsAnswer(_ question: Question) -> Bool {
    question.isRequired || !seenOptional.contains(question.id)
  }

  /// Optional questions passed without an answer in this session, so a resume does not stop there again.
  private var seenOptional: Set<Question.ID> = []

  private func next(after id: Question.ID) -> Stage {
    if returnsToReview {
      return firstUnanswered().map(Stage.question) ?? .review
    }
    let asked = askedQuestions
    if let index = asked.firstIndex(where: { $0.id == id }), index + 1 < asked.count {
      return .question(asked[index + 1].id)
    }
    return firstUnanswered().map(Stage.question) ?? .review
  }

  private func previous(before id: Question.ID) -> Question.ID? {
    let asked = askedQuestions
    guard let index = asked.firstIndex(where: { $0.id == id }), index > 0 else { return nil }
    return asked[index - 1].id
  }

  // MARK: - Input

  /// Handles one line typed by the interviewer.
  public mutating func handle(_ line: String) -> Step {
    if let code = InterviewInput.languageSwitch(line), stage != .completed, stage != .refused {
      return switchLanguage(to: code)
    }
    switch stage {
    case .question(let id):
      guard let question = presented.question(id) else { return Step() }
      return handle(line, at: question)
    case .review:
      return handleReview(line)
    case .confirmingRefusal:
      return handleRefusalConfirmation(line)
    case .completed, .refused:
      return Step(message: InterviewText.finished.text)
    }
  }

  private mutating func handle(_ line: String, at question: Question) -> Step {
    let input = InterviewInput.parse(
      line, for: question, in: presented, hasCurrentAnswer: answers[question.id] != nil)
    switch input {
    case .failure(let message):
      return Step(message: message.text)
    case .success(let command):
      if let step = Self.sessionStep(command) { return step }
      switch command {
      case .help, .pause, .quickExit: return Step()
      case .back:
        guard let previous = previous(before: question.id) else {
          return Step(message: InterviewText.noPreviousQuestion.text)
        }
        returnsToReview = false
        stage = .question(previous)
        return Step()
      case .keep:
        if answers[question.id] == nil { seenOptional.insert(question.id) }
        stage = next(after: question.id)
        if stage == .review { returnsToReview = false }
        return Step()
      case .answer(let answer):
        return give(answer, to: question)
      case .confirm, .edit:
        return Step(message: InterviewText.notOnReview.text)
      }
    }
  }

  private mutating func give(_ answer: Answer, to question: Question) -> Step {
    if question.kind == .consent, answer == .value(.yesNo(false)) {
      // Final at once would cost an interview on a slip of the finger: ask first, store nothing yet.
      stage = .confirmingRefusal
      return Step()
    }
    let replaced = answers[question.id]
    var effects: [Effect] = []
    if replaced != answer {
      answers[question.id] = answer
      effects.append(.store(question.id, answer, replaced: replaced))
    }
    // Answers to questions that no longer apply are removed, so they are never counted.
    for id in answers.keys.sorted() where !(questionnaire.question(id)?.isAsked(given: answers) ?? false) {
      answers[id] = nil
      effects.append(.remove(id))
    }
    stage = next(after: question.id)
    if stage == .review { returnsToReview = false }
    return Step(effects: effects)
  }

  /// The answer to "does the respondent really not want to take part?": *j* records the refusal, *n* (or `<`)
  /// asks the consent question again.
  private mutating func handleRefusalConfirmation(_ line: String) -> Step {
    guard let consent = consentQuestion else { return Step() }
    switch InterviewInput.parseRefusalConfirmation(line) {
    case .failure(let message):
      return Step(message: message.text)
    case .success(let command):
      if let step = Self.sessionStep(command) { return step }
      switch command {
      case .confirm:
        return refuse(consent)
      default:
        stage = .question(consent.id)
        return Step()
      }
    }
  }

  /// Records the confirmed refusal: the consent answer *nee* is stored and every other answer removed (anything
  /// given before a change of mind no longer counts), and the interview ends.
  private mutating func refuse(_ consent: Question) -> Step {
    let refusal = Answer.value(.yesNo(false))
    let replaced = answers[consent.id]
    var effects: [Effect] = []
    if replaced != refusal {
      answers[consent.id] = refusal
      effects.append(.store(consent.id, refusal, replaced: replaced))
    }
    for id in answers.keys.sorted() where id != consent.id {
      answers[id] = nil
      effects.append(.remove(id))
    }
    returnsToReview = false
    stage = .refused
    effects.append(.finish(.refused))
    return Step(effects: effects)
  }

  /// `:taal en`: the rest of the interview in that language, if the definition has it; `:taal` alone lists them.
  private mutating func switchLanguage(to code: String) -> Step {
    let available = questionnaire.languages
    guard !code.isEmpty else { return Step(message: InterviewText.languages(available, current: language).text) }
    guard let target = available.first(where: { $0.rawValue == code }),
      let localized = questionnaire.localized(to: target)
    else { return Step(message: InterviewText.languageNotOffered(code, available: available).text) }
    guard target != language else { return Step(message: InterviewText.alreadyInLanguage(target).text) }
    language = target
    presented = localized
    return Step(effects: [.language(target)], message: InterviewText.languageSwitched(target).text)
  }

  /// Help, pause and quick exit do the same on every screen and leave the state as it is.
  private static func sessionStep(_ command: InterviewInput.Command) -> Step? {
    switch command {
    case .help: Step(showsHelp: true)
    case .pause: Step(effects: [.pause])
    case .quickExit: Step(effects: [.quickExit])
    default: nil
    }
  }

  private mutating func handleReview(_ line: String) -> Step {
    switch InterviewInput.parseReview(line, itemCount: reviewItems.count) {
    case .failure(let message):
      return Step(message: message.text)
    case .success(let command):
      if let step = Self.sessionStep(command) { return step }
      switch command {
      case .help, .pause, .quickExit: return Step()
      case .back:
        if let last = askedQuestions.last { stage = .question(last.id) }
        return Step()
      case .edit(let number):
        stage = .question(reviewItems[number - 1].question.id)
        returnsToReview = true
        return Step()
      case .confirm:
        if let missing = firstUnanswered() {
          stage = .question(missing)
          return Step(message: InterviewText.unansweredBeforeConfirm.text)
        }
        stage = .completed
        return Step(effects: [.finish(.completed)])
      case .keep, .answer:
        return Step(message: InterviewText.reviewHint.text)
      }
    }
  }

  // MARK: - Screens

  /// One line of the review screen.
  public struct ReviewItem: Hashable, Sendable {
    public var question: Question
    public var answer: Answer?
  }

  /// Every applicable question with its answer, in order, as the review screen lists them.
  public var reviewItems: [ReviewItem] {
    askedQuestions.map { ReviewItem(question: $0, answer: answers[$0.id]) }
  }

  /// What the front end shows now.
  public var screen: InterviewScreen {
    switch stage {
    case .question(let id):
      guard let question = presented.question(id) else { return .finished(.partial) }
      let (number, total) = progress(of: id)
      var screen = QuestionScreen(
        question: question, number: number, total: total,
        options: InterviewInput.options(for: question, yesNo: presented.yesNoLabels),
        missingOptions: InterviewInput.missingOptions(for: question, in: presented),
        current: answers[id].map { InterviewInput.describe($0, for: question, in: presented) },
        canGoBack: previous(before: id) != nil, returnsToReview: returnsToReview)
      // In another language, the interviewer (who works in the source language) sees what is asked in it too.
      if language != questionnaire.sourceLanguage, let source = questionnaire.question(id) {
        screen.sourceText = source.text
        let sourceOptions = InterviewInput.options(for: source, yesNo: questionnaire.yesNoLabels)
        for index in screen.options.indices where index < sourceOptions.count {
          screen.options[index].sourceLabel = sourceOptions[index].label
        }
      }
      return .question(screen)
    case .review:
      return .review(
        reviewItems.enumerated().map { index, item in
          ReviewLine(
            number: index + 1, questionID: item.question.id, text: item.question.text,
            answer: item.answer.map { InterviewInput.describe($0, for: item.question, in: presented) })
        })
    case .confirmingRefusal: return .confirmRefusal
    case .completed: return .finished(.completed)
    case .refused: return .finished(.refused)
    }
  }
}

/// What an interview front end shows.
public enum InterviewScreen: Hashable, Sendable {
  case question(QuestionScreen)
  /// Asks whether the respondent really does not want to take part (after *nee* to the consent question).
  case confirmRefusal
  case review([ReviewLine])
  case finished(Response.Status)
}

/// A question as shown to the interviewer.
public struct QuestionScreen: Hashable, Sendable {
  public var question: Question
  /// The question's number and the number of questions that apply (or may still apply).
  public var number: Int
  public var total: Int
  /// Numbered options (scale points, choices, ja/nee); empty for grades, numbers and text.
  public var options: [InterviewOption]
  /// The missing codes this question accepts, with their keys.
  public var missingOptions: [InterviewOption]
  /// The answer given earlier, described for the interviewer; Enter keeps it.
  public var current: String?
  public var canGoBack: Bool
  public var returnsToReview: Bool
  /// The question in the source language, when the interview is in another one: for the interviewer's eyes.
  public var sourceText: String?
}

/// One option and the key that chooses it.
public struct InterviewOption: Hashable, Sendable {
  public var key: String
  public var label: String
  /// The option in the source language, when the interview is in another one.
  public var sourceLabel: String?
  public init(key: String, label: String, sourceLabel: String? = nil) {
    self.key = key
    self.label = label
    self.sourceLabel = sourceLabel
  }
}

/// One line of the review screen.
public struct ReviewLine: Hashable, Sendable {
  public var number: Int
  public var questionID: Question.ID
  public var text: String
  public var answer: String?
}
