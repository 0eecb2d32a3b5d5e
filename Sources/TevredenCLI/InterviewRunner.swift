import Foundation
import TevredenCore
import TevredenStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs one interview session: shows the engine's screens on a console, reads lines, and commits every step to
/// the database before showing the next screen.
///
/// The engine (``Interview``) holds all the logic; this type only renders and stores. A step is committed
/// before the engine's new state is taken over, so the screen never shows an answer the database does not hold.
final class InterviewRunner {
  private var interview: Interview
  private let id: Response.ID
  private let store: TevredenDatabase
  private let console: any Console
  /// The process that holds the interview; the store refuses a step once another one does.
  private let processId: Int32
  /// Shared with the signal handler: a step is committed and taken over under its lock.
  let session: InterviewSession
  /// The interviewer code recorded with every event of this session.
  let interviewer: String?
  private var lastEvent = ContinuousClock.now
  /// How to go on later, printed when the session pauses.
  private let resumeCommand: ResumeCommand
  /// The page of the review shown in a terminal too low for all of it (0-based).
  private var reviewPage = 0
  /// The review line being changed: the review comes back at its page.
  private var reviewFocus: Int?

  /// A test hook: milliseconds to wait right after a finished interview is committed, before the runner takes
  /// the step over, so that a test can deliver a signal in that window (`TEVREDEN_TEST_HOLD_AFTER_FINISH_MS`).
  private let holdAfterFinish: UInt32?

  init(
    interview: Interview, id: Response.ID, store: TevredenDatabase, console: any Console, interviewer: String?,
    processId: Int32, resumeCommand: ResumeCommand
  ) {
    self.interview = interview
    self.id = id
    self.store = store
    self.console = console
    self.interviewer = interviewer
    self.processId = processId
    self.resumeCommand = resumeCommand
    self.session = InterviewSession(storedAnswers: interview.answers.count)
    holdAfterFinish = ProcessInfo.processInfo.environment["TEVREDEN_TEST_HOLD_AFTER_FINISH_MS"].flatMap(UInt32.init)
  }

  /// The message when the session pauses: all answers stored, or, when the last one failed, what is stored.
  private var pausedMessage: String {
    let (failed, stored) = session.withLock { ($0.lastAnswerFailed, $0.storedAnswers) }
    return "\n" + Self.pausedText(id, failed: failed, stored: stored, resume: resumeCommand) + "\n"
  }

  static func pausedText(_ id: Response.ID, failed: Bool, stored: Int, resume: ResumeCommand) -> String {
    failed
      ? InterviewText.pausedAfterFailure(id.rawValue, storedAnswers: stored, resume: resume.line(for: id.rawValue))
      : InterviewText.paused(id.rawValue, resume: resume.line(for: id.rawValue))
  }

  /// What the interviewer is told when a step could not be stored: in Dutch, what failed and why, which answers
  /// are stored, and how to go on.
  private func notSavedMessage(_ effects: [Interview.Effect], _ error: any Error) -> String {
    InterviewText.notSaved(
      Self.unsavedStep(effects), because: TevredenDatabase.saveProblem(for: error),
      storedAnswers: interview.answers.count, resume: resumeCommand.line(for: id.rawValue))
  }

  /// What a step was meant to do, for the message when it is not stored.
  static func unsavedStep(_ effects: [Interview.Effect]) -> UnsavedStep {
    for effect in effects {
      switch effect {
      case .finish(.refused): return .refusal
      case .finish: return .completion
      case .pause, .quickExit: return .pause
      case .store, .remove: continue
      case .language: return .languageSwitch
      }
    }
    return .answer
  }

  /// How a session ended.
  enum Ending: Equatable {
    case completed
    case refused
    case paused
    case quickExit
    /// The person could not talk freely at the safe start of a resumed interview: it is paused again.
    case notNowSafe
  }

  /// The time of an event now, and the milliseconds since the session's previous event.
  private func clock() -> InterviewClock {
    let now = ContinuousClock.now
    let elapsed = now - lastEvent
    lastEvent = now
    let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    return InterviewClock(at: Date(), interviewer: interviewer, millisecondsSincePrevious: milliseconds)
  }

  /// Runs the session until it completes, is refused or pauses.
  ///
  /// - Parameters:
  ///   - showIntro: Show the questionnaire's title and intro first (a new interview).
  ///   - asksSafeStart: Ask the safe start first (a resumed resident interview; a new one asks it before it is
  ///     stored at all).
  func run(showIntro: Bool, asksSafeStart: Bool = false) -> Ending {
    if asksSafeStart, let ending = safeStart() { return ending }
    if showIntro {
      console.write("\n" + console.style(asked(interview.presented.title), .bold) + "\n")
      console.write(asked(interview.presented.intro.trimmingCharacters(in: .whitespacesAndNewlines)) + "\n")
    }
    var message: String?
    var help = false
    while true {
      switch interview.stage {
      case .completed, .refused:
        let ending: Ending = interview.stage == .completed ? .completed : .refused
        session.withLock { state in
          if !state.endingShown { console.write(endingMessage(ending)) }
          state.endingShown = true
        }
        return ending
      case .question, .review, .confirmingRefusal:
        break
      }
      render(message: message, help: help)
      message = nil
      help = false
      switch console.readLine(prompt: InterviewText.prompt) {
      case .endOfInput:
        return pause(effect: .pause)
      case .quickExit:
        return quickExit()
      case .interrupt:
        let (failed, stored) = session.withLock { ($0.lastAnswerFailed, $0.storedAnswers) }
        switch console.confirm(
          prompt: failed ? InterviewText.askPauseAfterFailure(storedAnswers: stored) : InterviewText.askPause)
        {
        case .yes: return pause(effect: .pause)
        case .quickExit: return quickExit()
        case .no: message = InterviewText.continuing
        }
      case .line(let line):
        if turnsReviewPage(line) { continue }
        var next = interview
        let step = next.handle(line)
        if step.effects.contains(.quickExit) { return quickExit() }
        if let failure = commit(step.effects, next: next) {
          // Nothing of this step is stored, so the engine keeps its state and the question is asked again.
          message = notSavedMessage(step.effects, failure)
          continue
        }
        if interview.stage != .review, reviewFocus == nil { reviewPage = 0 }
        if step.effects.contains(.pause) {
          console.write(pausedMessage)
          return .paused
        }
        message = step.message
        help = step.showsHelp
      }
    }
  }

  /// Stores a step and, once it is stored, takes over the engine's new state, both under the session's lock;
  /// the error if nothing was stored.
  private func commit(_ effects: [Interview.Effect], next: Interview) -> (any Error)? {
    let pauses = Self.unsavedStep(effects) == .pause
    return session.withLock { state in
      do {
        try store.record(effects, for: id, clock: clock(), processId: processId)
      } catch {
        if !pauses { state.lastAnswerFailed = true }
        return error
      }
      let finishes = effects.contains { if case .finish = $0 { true } else { false } }
      if finishes, let holdAfterFinish { usleep(holdAfterFinish * 1000) }
      interview = next
      if !pauses { state.lastAnswerFailed = false }
      state.storedAnswers = interview.answers.count
      if finishes || effects.contains(.pause) || effects.contains(.quickExit) { state.isOpen = false }
      if finishes { state.ending = interview.stage == .refused ? .refused : .completed }
      return nil
    }
  }

  /// The message when the interview is completed or refused.
  private func endingMessage(_ ending: Ending) -> String {
    ending == .refused
      ? "\n" + InterviewText.refused(id.rawValue) + "\n"
      : "\n" + console.style(InterviewText.completed(id.rawValue), .green) + "\n"
  }

  private func pause(effect: Interview.Effect) -> Ending {
    if let failure = commit([effect], next: interview) {
      // Not paused in the database; what is stored stays stored, and once this process has ended the interview
      // can be resumed at once, as after a crash.
      console.write("\n" + notSavedMessage([effect], failure) + "\n")
      return .paused
    }
    console.write(pausedMessage)
    return .paused
  }

  /// The safe start of a resumed interview: `nil` to go on with the questions, else how the session ended.
  ///
  /// A resumed interview is a new call, so the question is asked again. A *nee* pauses the interview again: its
  /// earlier answers stay, and no contact outcome is recorded, since the interview already counts as this person's
  /// contact (partial until it is finished) and a second record would count the person twice.
  private func safeStart() -> Ending? {
    let translation = interview.questionnaire.translations.first { $0.language == interview.language }
    switch SafeStartPrompt.ask(on: console, in: translation) {
    case .proceed?:
      return nil
    case .quickExit?:
      return quickExit()
    case nil:
      return pause(effect: .pause)
    case .endContact?:
      let text: String
      if let failure = commit([.pause], next: interview) {
        text = InterviewText.notNowSafeEnded + "\n" + notSavedMessage([.pause], failure)
      } else {
        text = InterviewText.notNowSafeResumed(id.rawValue, resume: resumeCommand.line(for: id.rawValue))
      }
      if SafeStartPrompt.endContact(text, on: console) {
        // The pause is recorded already: only the screen is left to clear.
        console.clearScreen()
        console.restore()
        return .quickExit
      }
      return .notNowSafe
    }
  }

  /// Clears the screen first, at once; only then records the pause. Prints nothing afterwards.
  private func quickExit() -> Ending {
    console.clearScreen()
    console.restore()
    _ = commit([.quickExit], next: interview)
    return .quickExit
  }

  // MARK: - Review pages

  /// The review as a terminal of this size shows it; `nil` from a pipe, which gets every line as it is.
  private func reviewLayout(_ lines: [ReviewLine]) -> ReviewLayout? {
    guard console.isTerminal else { return nil }
    return ReviewLayout(
      lines, size: console.size ?? .fallback, notAnswered: InterviewText.notAnswered,
      rightToLeft: interview.language.isRightToLeft)
  }

  /// Handles the keys that turn the review's pages (Enter: next page, `<` on a later page: the page before) and
  /// notes the line a number opens, to come back at its page. Whether the line was used up here.
  private func turnsReviewPage(_ line: String) -> Bool {
    guard case .review(let lines) = interview.screen else { return false }
    let typed = line.trimmingCharacters(in: .whitespaces)
    if let number = Int(typed), lines.indices.contains(number - 1) { reviewFocus = number }
    guard let layout = reviewLayout(lines), layout.pages.count > 1 else { return false }
    if typed.isEmpty {
      reviewPage = (reviewPage + 1) % layout.pages.count
      return true
    }
    if typed == InterviewInput.backKey, reviewPage > 0 {
      reviewPage -= 1
      return true
    }
    return false
  }

  // MARK: - Rendering

  /// A text of the questionnaire as the respondent hears it, isolated when its language is written right to left.
  private func asked(_ text: String) -> String {
    BidiText.isolated(text, rightToLeft: interview.language.isRightToLeft)
  }

  /// An answer as described on the screen (a label, a number, what was typed), isolated by its first letter on the
  /// screen of a right-to-left language.
  private func answered(_ text: String) -> String {
    BidiText.firstStrongIsolated(text, rightToLeft: interview.language.isRightToLeft)
  }

  private func render(message: String?, help: Bool) {
    var out = "\n"
    if help { out += InterviewText.help + "\n\n" }
    switch interview.screen {
    case .question(let screen):
      let source = interview.questionnaire.sourceLanguage
      let tag =
        interview.language == source ? "" : "   " + InterviewText.languageTag(interview.language, interpreter: false)
      out += console.style(InterviewText.progress(screen.number, screen.total) + tag, .dim) + "\n"
      out += console.style(asked(screen.question.text), .bold) + "\n"
      if let sourceText = screen.sourceText {
        out += "  " + console.style(InterviewText.sourceText(sourceText, language: source), .dim) + "\n"
      }
      // For the interviewer's eyes only: marked, and never part of what is read out or stored.
      if let instruction = screen.question.instruction {
        out += "  " + console.style(InterviewText.instruction(instruction), .dim) + "\n"
      }
      for option in screen.options {
        out +=
          "  " + console.style(option.key.leftPadded(to: 2), .cyan) + "  " + asked(option.label)
          + (option.sourceLabel.map { "  " + console.style("(\($0))", .dim) } ?? "") + "\n"
      }
      switch screen.question.kind {
      case .grade: out += "  " + InterviewText.gradeHint + "\n"
      case .number(let range): out += "  " + InterviewText.numberHint(range) + "\n"
      case .text: out += "  " + InterviewText.textHint + "\n"
      case .choice(_, allowsMultiple: true): out += "  " + InterviewText.multipleHint + "\n"
      default: break
      }
      if !screen.missingOptions.isEmpty {
        out +=
          "  "
          + screen.missingOptions.map { console.style($0.key, .cyan) + " " + asked($0.label) }.joined(separator: "   ")
          + "\n"
      }
      if !screen.question.isRequired, screen.current == nil { out += "  " + InterviewText.optional + "\n" }
      if let current = screen.current {
        out += "  " + console.style(InterviewText.current(answered(current)), .green) + "\n"
      }
      if screen.returnsToReview { out += "  " + InterviewText.returnsToReview + "\n" }
      let languageKey = interview.questionnaire.languages.count > 1 ? "   " + InterviewText.languageKey : ""
      out +=
        "  "
        + console.style(
          (screen.canGoBack ? InterviewText.keysOnQuestion : InterviewText.keysFirstQuestion) + languageKey, .dim)
        + "\n"
    case .review(let lines):
      if let layout = reviewLayout(lines) {
        out += renderPage(of: layout)
        break
      }
      out += console.style(InterviewText.reviewTitle, .bold) + "\n"
      let width = String(lines.count).count
      for line in lines {
        out +=
          "  " + console.style(String(line.number).leftPadded(to: width), .cyan) + "  " + asked(line.text) + "\n"
          + "  " + String(repeating: " ", count: width) + "  → "
          + (line.answer.map(answered) ?? InterviewText.notAnswered) + "\n"
      }
      out += "  " + console.style(InterviewText.reviewKeys, .dim) + "\n"
    case .confirmRefusal:
      out += console.style(InterviewText.confirmRefusal, .bold) + "\n"
      out += "  " + console.style(InterviewText.confirmRefusalKeys, .dim) + "\n"
    case .finished:
      break
    }
    if let message { out += console.style(message, .yellow) + "\n" }
    console.write(out)
  }
}

extension InterviewRunner {
  /// One page of the review fitted to the terminal, with its title, how to turn the pages, and the keys.
  private func renderPage(of layout: ReviewLayout) -> String {
    if let focus = reviewFocus {
      reviewPage = layout.page(holding: focus)
      reviewFocus = nil
    }
    reviewPage = min(reviewPage, layout.pages.count - 1)
    let paged = layout.pages.count > 1
    let title =
      paged ? InterviewText.reviewPageTitle(reviewPage + 1, of: layout.pages.count) : InterviewText.reviewTitle
    var out = console.style(title, .bold) + "\n"
    for row in layout.pages[reviewPage] {
      out += "  " + console.style(row.numberText, .cyan) + "  " + row.text + "\n"
      for line in row.continuation { out += "  " + line + "\n" }
    }
    if paged {
      out += "  " + console.style(InterviewText.reviewPaging(reviewPage + 1, of: layout.pages.count), .cyan) + "\n"
    }
    let keys = reviewPage > 0 ? InterviewText.reviewKeysLaterPage : InterviewText.reviewKeys
    return out + "  " + console.style(keys, .dim) + "\n"
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
