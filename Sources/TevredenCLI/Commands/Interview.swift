import ArgumentParser
import Foundation
import TevredenCore
import TevredenStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension TevredenCommand {
  struct InterviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "interview",
      abstract: "Take an interview at the terminal (by phone, face to face, or keying in a paper form).",
      discussion: """
        One question at a time, then a review screen; only a confirmed interview counts. Every answer is saved \
        the moment it is given: a crash or a closed window loses nothing, and --resume continues where it \
        stopped. Keys: < back, w don't know, v not applicable, x refuses, p pause, ? help, ! (or Esc) quick \
        exit, which clears the screen at once. Several interviewers may use one database at the same time.

        --taal en asks the questions in another language the questionnaire has a translation into (ISO 639-1 code; \
        one it lacks is refused, with the ones it has); the interviewer's own screens, keys and help stay Dutch, \
        and the question in Dutch is shown under its translation. :taal ar switches during the interview (:taal \
        alone lists the languages); the response keeps the language it ended in. Right-to-left languages (Arabic) \
        are isolated on each line so the terminal lays them out correctly. --tolk records that an interpreter took \
        part (also when resuming).

        A resident interview by telephone or in person (new or resumed) first asks "Kunt u nu vrijuit praten?": \
        ja goes on; nee ends the contact, stores nothing of the interview, records the contact outcome \
        niet_nu_veilig (not a refusal; a resumed interview stays paused instead) and offers the quick exit.

        In a terminal the runner uses colours (unless NO_COLOR is set) and line editing; from a pipe it reads \
        plain lines and writes plain text, so answers can be keyed in from a file. A paper form keyed in later \
        takes --mode papier --completed-on yyyy-MM-dd: the response is dated that day (noon, Dutch time), while \
        the audit log keeps when it was keyed in.
        """)

    @Argument(
      help: "The questionnaire, such as inwoners-melding (see the Questionnaires folder).",
      completion: .custom(questionnaireCompletions))
    var questionnaire: String?

    @Option(help: "Your interviewer code (letters, digits, - or _; not your name).")
    var interviewer: String?

    @Option(help: "The municipality the case belongs to (one of the gemeenten in indicators.yaml).")
    var gemeente: String?

    @Option(help: "How the answers are collected: telefonisch, persoonlijk or papier.")
    var mode: Response.Mode = .telefonisch

    @Option(
      help: ArgumentHelp(
        "With --mode papier: the day the respondent filled in the paper form (Dutch local time); the response "
          + "counts for that day instead of the day it is keyed in.", valueName: "yyyy-MM-dd"))
    var completedOn: String?

    @Option(help: "Continue the unfinished interview with this id.")
    var resume: String?

    @Option(
      name: .customLong("taal"),
      help: ArgumentHelp(
        "The language to ask the questions in: an ISO 639-1 code (en, ar, tr, pl, …) the questionnaire has a "
          + "translation into. Default: its source language (Dutch).", valueName: "code"))
    var taal: String?

    @Flag(name: .customLong("tolk"), help: "An interpreter takes part in the interview: recorded with the response.")
    var tolk = false

    @Flag(
      name: .customLong("take-over"),
      help: """
        With --resume: take the interview over although the process recorded for it runs, after you confirm. Only \
        for an interview open nowhere, whose process was killed and whose number another program now has.
        """)
    var takeOver = false

    @Flag(help: "List unfinished interviews.")
    var open = false

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var definitions: QuestionnaireOptions

    func validate() throws {
      let chosen = [questionnaire != nil, resume != nil, open].filter { $0 }.count
      guard chosen == 1 else {
        throw ValidationError("give a questionnaire to start an interview, or --resume ID, or --open")
      }
      if questionnaire != nil, interviewer == nil {
        throw ValidationError("--interviewer is required: your interviewer code, such as --interviewer AB12")
      }
      if let interviewer, !Self.isValidInterviewerCode(interviewer) {
        throw ValidationError(
          "'\(interviewer)' is not an interviewer code: use up to 16 letters, digits, '-' or '_' with at least one digit, such as AB12 (never a name)"
        )
      }
      if let taal, LanguageCode(code: taal.lowercased()) == nil {
        throw ValidationError(
          "--taal '\(taal)' is not a language code: use an ISO 639-1 code such as en, ar, tr or pl")
      }
      if open, taal != nil || tolk {
        throw ValidationError(
          "--taal and --tolk go with an interview (a questionnaire or --resume ID), not with --open")
      }
      if takeOver, resume == nil {
        throw ValidationError("--take-over goes with --resume ID: it takes over an unfinished interview")
      }
      if mode == .online {
        throw ValidationError("--mode online is for imports; use telefonisch, persoonlijk or papier")
      }
      if let completedOn {
        guard questionnaire != nil else {
          throw ValidationError("--completed-on dates a new paper form; a resumed interview keeps the day it was given")
        }
        guard mode == .papier else {
          throw ValidationError("--completed-on is only for a paper form keyed in later: add --mode papier")
        }
        _ = try Self.completionDay(completedOn, today: LocalDate(Date()))
      }
    }

    /// The day of `--completed-on`: a real day, not after today.
    static func completionDay(_ text: String, today: LocalDate) throws -> LocalDate {
      guard let day = LocalDate(text) else {
        throw ValidationError("--completed-on '\(text)' is not a day: use yyyy-MM-dd, such as 2026-03-14")
      }
      guard day <= today else {
        throw ValidationError(
          "--completed-on \(text) lies in the future (today is \(today)): a form is keyed in after it was filled in")
      }
      return day
    }

    /// A code such as AB12: letters and at least one digit, never a name (a name would be personal data of the
    /// interviewer in every audit event).
    static func isValidInterviewerCode(_ code: String) -> Bool {
      !code.isEmpty && code.count <= 16 && code.contains(where: \.isNumber)
        && IdentifierMasking.standard.personalData(inIdentifier: code) == nil
        && code.unicodeScalars.allSatisfy {
          CharacterSet.alphanumerics.contains($0) && $0.isASCII || "-_".unicodeScalars.contains($0)
        }
    }

    func run() throws {
      if open { return try listOpen() }
      // Everything a new interview needs is read and checked before the database is opened, so that one that
      // cannot start never leaves a new, empty database behind; resuming needs only the database, which must exist.
      let start = try resume == nil ? startingPoint() : nil
      let store =
        try start.map { try TevredenDatabase.open(database, recording: $0.catalog) } ?? database.openExisting()
      defer { store.close() }
      let resumeCommand = ResumeCommand(databasePath: try database.resolvedPath())
      let processId = getpid()
      let console = Self.makeConsole()
      defer { console.restore() }
      let signals = SignalGuard(console: console)
      // A new resident interview starts with the safe start, before anything of it is stored: a nee leaves only a
      // contact outcome behind.
      if let start, SafeStart.isAsked(in: start.definition.questionnaire, mode: mode) {
        guard try safeStart(start.definition.questionnaire, store: store, console: console) else { return }
        console.write("\n")
      }
      let runner: InterviewRunner
      let id: Response.ID
      // A resumed one asks it again, once it is taken up in this process (see InterviewRunner.safeStart()).
      var asksSafeStart = false
      do {
        if let start {
          (id, runner) = try self.start(
            start.definition, gemeente: start.gemeente, store: store, console: console, processId: processId,
            resumeCommand: resumeCommand)
        } else {
          id = Response.ID(rawValue: resume ?? "")
          let (response, definition) = try resume(
            id, store: store, processId: processId, console: console, resumeCommand: resumeCommand)
          asksSafeStart = SafeStart.isAsked(in: definition.questionnaire, mode: response.mode)
          let interview = try resumedInterview(response, definition: definition, store: store, processId: processId)
          runner = InterviewRunner(
            interview: interview, id: id, store: store, console: console,
            interviewer: interviewer ?? response.interviewer, processId: processId,
            resumeCommand: resumeCommand)
        }
      } catch let error where InterviewCLIError.storageProblem(error) != nil {
        // The disk is full, the database is busy or cannot be written: said in Dutch to the interviewer, and as an
        // error without SQLite's own text.
        let problem = InterviewCLIError.storageProblem(error) ?? .other("")
        console.write(InterviewText.notStarted(resuming: start == nil, because: problem) + "\n")
        throw InterviewCLIError.notStored(problem, resuming: start == nil)
      }
      // A test hook: the disk fills up once the interview has started (see limitSizeToCurrentForTesting()).
      if ProcessInfo.processInfo.environment["TEVREDEN_TEST_DISK_FULL_AFTER_START"] == "1" {
        try store.limitSizeToCurrentForTesting()
      }
      signals.install(
        store: store, id: id, session: runner.session, interviewer: runner.interviewer, processId: processId,
        resumeCommand: resumeCommand)
      let ending = runner.run(showIntro: resume == nil, asksSafeStart: asksSafeStart)
      // From here a signal only ends the process: the interview is finished or paused.
      runner.session.withLock { $0.isClosed = true }
      console.restore()
      if ending == .quickExit {
        store.close()
        Foundation.exit(0)
      }
    }

    /// The safe start of a new interview: whether to go on. A *nee* records the contact outcome (only the group,
    /// the day, the mode and the interviewer code) and nothing of the interview, then offers the quick exit.
    ///
    /// - Throws: ``InterviewCLIError/contactNotRecorded(_:)`` when the contact outcome could not be stored.
    private func safeStart(_ questionnaire: Questionnaire, store: TevredenDatabase, console: any Console) throws
      -> Bool
    {
      // In the language the interview will be in: the question is read out before anything else.
      let language = try self.language(of: questionnaire)
      let translation = questionnaire.translations.first { $0.language == language }
      switch SafeStartPrompt.ask(on: console, in: translation) {
      case .proceed?:
        return true
      case .quickExit?:
        Self.quickExit(console: console, store: store)
      case nil:
        console.write("\n" + InterviewText.safeStartStopped + "\n")
        return false
      case .endContact(let outcome)?:
        let day = LocalDate(Date())
        do {
          try store.recordContacts(outcome, of: questionnaire, mode: mode, interviewer: interviewer, on: day)
        } catch {
          let problem = TevredenDatabase.saveProblem(for: error)
          let record = ResumeCommand(databasePath: try database.resolvedPath()).contactLine(
            questionnaire: questionnaire.id.rawValue, outcome: outcome, interviewer: interviewer ?? "", mode: mode,
            on: day)
          let text = InterviewText.notNowSafeNotRecorded(because: problem, record: record)
          if SafeStartPrompt.endContact(text, on: console) { Self.quickExit(console: console, store: store) }
          throw InterviewCLIError.contactNotRecorded(problem)
        }
        if SafeStartPrompt.endContact(InterviewText.notNowSafe, on: console) {
          Self.quickExit(console: console, store: store)
        }
        return false
      }
    }

    /// Ends the process at once with an empty screen (the screen is cleared first); nothing more is printed.
    private static func quickExit(console: any Console, store: TevredenDatabase) -> Never {
      console.clearScreen()
      console.restore()
      store.close()
      Foundation.exit(0)
    }

    /// Takes the interview up in this process. One that a running process holds is refused with a message that
    /// names `--take-over`; with `--take-over` the interviewer is asked to confirm first.
    private func resume(
      _ id: Response.ID, store: TevredenDatabase, processId: Int32, console: any Console,
      resumeCommand: ResumeCommand
    ) throws -> (Response, LoadedQuestionnaire) {
      let clock = InterviewClock(at: Date(), interviewer: interviewer, millisecondsSincePrevious: nil)
      do {
        let resumed = try store.resumeInterview(
          id, processId: processId, clock: clock, isRunning: Self.isRunning, interpreterJoins: tolk)
        console.write(InterviewText.resumed(id.rawValue) + "\n")
        return resumed
      } catch InterviewStoreError.inUse(_, let other) {
        guard takeOver else {
          console.write(
            InterviewText.inUse(
              id.rawValue, processId: other, takeOver: resumeCommand.line(for: id.rawValue, takingOver: true)) + "\n")
          throw InterviewStoreError.inUse(id, processId: other)
        }
        guard console.confirm(prompt: InterviewText.confirmTakeOver(id.rawValue, processId: other)) == .yes else {
          console.write(InterviewText.notTakenOver(id.rawValue) + "\n")
          throw InterviewCLIError.notTakenOver(id.rawValue)
        }
        let resumed = try store.resumeInterview(
          id, processId: processId, clock: clock, isRunning: Self.isRunning, takingOver: true, interpreterJoins: tolk)
        console.write(InterviewText.takenOver(id.rawValue) + "\n")
        return resumed
      }
    }

    /// The definitions, the questionnaire and the municipality of a new interview, checked.
    private func startingPoint() throws -> (catalog: Catalog, definition: LoadedQuestionnaire, gemeente: String?) {
      let catalog = try definitions.loadCatalog()
      guard let questionnaire, let definition = catalog.questionnaire(Questionnaire.ID(rawValue: questionnaire))
      else {
        throw InterviewCLIError.unknownQuestionnaire(
          self.questionnaire ?? "", known: catalog.questionnaires.map(\.questionnaire.id.rawValue).sorted())
      }
      _ = try language(of: definition.questionnaire)
      return (catalog, definition, try resolveGemeente(catalog.indicators?.gemeenten ?? []))
    }

    /// The language `--taal` asks for, if the definition has it (`nil` without `--taal`); never a silent fallback.
    private func language(of questionnaire: Questionnaire) throws -> LanguageCode? {
      guard let taal else { return nil }
      let code = LanguageCode(rawValue: taal.lowercased())
      guard questionnaire.languages.contains(code) else {
        throw InterviewCLIError.unknownLanguage(
          taal, questionnaire: questionnaire.id.rawValue, available: questionnaire.languages)
      }
      return code
    }

    /// A resumed interview in the language it was left in, or the one `--taal` asks for (recorded at once).
    private func resumedInterview(
      _ response: Response, definition: LoadedQuestionnaire, store: TevredenDatabase, processId: Int32
    ) throws -> Interview {
      let questionnaire = definition.questionnaire
      let requested: LanguageCode?
      do {
        requested = try language(of: questionnaire)
        guard requested != nil || questionnaire.languages.contains(response.language) else {
          throw InterviewCLIError.unknownLanguage(
            response.language.rawValue, questionnaire: questionnaire.id.rawValue, available: questionnaire.languages)
        }
      } catch {
        // Taken up by this process a moment ago: left paused, as it was, for a resume with a language it has.
        try? store.pauseInterview(
          response.id, clock: InterviewClock(at: Date(), interviewer: interviewer, millisecondsSincePrevious: nil),
          processId: processId)
        throw error
      }
      let language = requested ?? response.language
      if language != response.language {
        try store.record(
          [.language(language)], for: response.id,
          clock: InterviewClock(at: Date(), interviewer: interviewer, millisecondsSincePrevious: nil),
          processId: processId)
      }
      return Interview(questionnaire: questionnaire, answers: response.answers, language: language)
    }

    private func start(
      _ definition: LoadedQuestionnaire, gemeente: String?, store: TevredenDatabase, console: any Console,
      processId: Int32, resumeCommand: ResumeCommand
    ) throws -> (Response.ID, InterviewRunner) {
      // A paper form keyed in later is dated by the day on the form, at noon Dutch time (a moment that is on that
      // day whatever the summer-time rule does), from the start: its completion moment is known already and is
      // kept when it is finished. The audit log still records when it was keyed in.
      let paperDate = try completedOn.map { try Self.completionDay($0, today: LocalDate(Date())).noon }
      let language = try self.language(of: definition.questionnaire)
      var generator = SystemRandomNumberGenerator()
      for _ in 0..<10 {
        let id = Response.ID(rawValue: InterviewID.make(using: &generator))
        let response = Response(
          id: id, questionnaire: definition.questionnaire, gemeente: gemeente, mode: mode, interviewer: interviewer,
          startedAt: paperDate ?? Date(), completedAt: paperDate, status: .partial, answers: [:], language: language,
          isInterpreterAssisted: tolk)
        do {
          try store.startInterview(
            response, collectedWith: definition, processId: processId,
            clock: InterviewClock(at: Date(), interviewer: interviewer, millisecondsSincePrevious: nil))
        } catch StoreError.duplicateResponse {
          continue
        }
        console.write(InterviewText.started(id.rawValue, language: language, interpreter: tolk) + "\n")
        return (
          id,
          InterviewRunner(
            interview: Interview(questionnaire: definition.questionnaire, language: language), id: id, store: store,
            console: console,
            interviewer: interviewer, processId: processId, resumeCommand: resumeCommand)
        )
      }
      throw InterviewCLIError.noFreeID
    }

    private func resolveGemeente(_ known: [String]) throws -> String? {
      guard let gemeente else { return nil }
      if let match = known.first(where: { $0.caseInsensitiveCompare(gemeente) == .orderedSame }) { return match }
      throw InterviewCLIError.unknownGemeente(gemeente, known: known)
    }

    private func listOpen() throws {
      let store = try database.openExisting()
      defer { store.close() }
      let open = try store.openInterviews()
      guard !open.isEmpty else {
        print(InterviewText.noOpenInterviews)
        return
      }
      print(InterviewText.openInterviewsHeader)
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "nl_NL")
      formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
      formatter.dateFormat = "d-M-yyyy HH:mm"
      let rows =
        [["id", "vragenlijst", "interviewer", "gemeente", "antwoorden", "laatst actief", "status"]]
        + open.map { item in
          let state: String
          switch item.state {
          case .paused: state = "gepauzeerd"
          default:
            if let process = item.processId, Self.isRunning(process) {
              state = "bezig (proces \(process))"
            } else {
              state = "afgebroken"
            }
          }
          return [
            item.id.rawValue, item.questionnaireID.rawValue, item.interviewer ?? "-", item.gemeente ?? "-",
            String(item.answerCount), formatter.string(from: item.lastActivityAt), state,
          ]
        }
      let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
      for row in rows {
        print(
          zip(row, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
            .trimmingCharacters(in: .whitespaces))
      }
      print(
        InterviewText.resumeOpenInterview(ResumeCommand(databasePath: try database.resolvedPath()).line(for: "<id>")))
    }

    static func isRunning(_ processId: Int32) -> Bool {
      kill(processId, 0) == 0 || errno == EPERM
    }

    static func makeConsole() -> any Console {
      let environment = ProcessInfo.processInfo.environment
      let colours = (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
      if let terminal = TerminalConsole(colours: colours) { return terminal }
      return PipeConsole()
    }
  }
}

extension Response.Mode: ExpressibleByArgument {}

/// Short interview ids that are easy to read out and type: `VT-` and six characters without 0/O or 1/I.
enum InterviewID {
  static let alphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")

  static func make(using generator: inout some RandomNumberGenerator) -> String {
    "VT-" + String((0..<6).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
  }
}

/// Errors of the interview command, in English like every command's errors (see the README's *Languages*); what the
/// runner says during an interview is Dutch.
enum InterviewCLIError: LocalizedError, Equatable {
  case unknownQuestionnaire(String, known: [String])
  case unknownGemeente(String, known: [String])
  case noFreeID
  case notTakenOver(String)
  case notStored(SaveProblem, resuming: Bool)
  case unknownLanguage(String, questionnaire: String, available: [LanguageCode])
  /// The safe start ended the contact, but its outcome could not be stored.
  case contactNotRecorded(SaveProblem)

  /// The problem, when an error is one of storage (a full disk, a busy or unwritable database), not a refusal.
  static func storageProblem(_ error: any Error) -> SaveProblem? {
    switch TevredenDatabase.saveProblem(for: error) {
    case .diskFull: .diskFull
    case .busy: .busy
    case .ioError: .ioError
    case .readOnly: .readOnly
    case .damaged: .damaged
    case .finished, .takenOver, .other: nil
    }
  }

  var errorDescription: String? {
    switch self {
    case .unknownQuestionnaire(let name, let known):
      "there is no questionnaire '\(name)'; choose one of: \(known.joined(separator: ", "))"
    case .unknownGemeente(let name, let known):
      "gemeente '\(name)' is not one of the region's municipalities in indicators.yaml; choose one of: \(known.joined(separator: ", "))"
    case .noFreeID:
      "no free interview id could be made; try again"
    case .unknownLanguage(let code, let questionnaire, let available):
      "\(questionnaire) has no translation into '\(code)'; its languages are "
        + available.map { "\($0) (\($0.dutchName))" }.joined(separator: ", ")
        + ": use --taal with one of them, or leave it out for \(available.first?.rawValue ?? "the source language")"
    case .notTakenOver(let id):
      "interview \(id) was not taken over (not confirmed); nothing was changed"
    case .notStored(let problem, let resuming):
      "the interview could not \(resuming ? "be resumed" : "start"): \(Self.reason(problem)); nothing was changed"
    case .contactNotRecorded(let problem):
      "the person could not talk freely, but the contact (niet_nu_veilig) could not be recorded: "
        + "\(Self.reason(problem)); record it later with tevreden contact; nothing of the interview was stored"
    }
  }

  private static func reason(_ problem: SaveProblem) -> String {
    switch problem {
    case .diskFull: "the disk is full"
    case .busy: "another program held the database for too long"
    case .ioError: "the database could not be written (a disk or network error)"
    case .readOnly: "the database may not be written (read-only)"
    case .damaged: "the database file is damaged"
    case .finished, .takenOver, .other: "it could not be stored"
    }
  }
}

/// Pauses the interview when the session is ended from outside: Ctrl-C from a pipe (SIGINT), a closed window
/// (SIGHUP) or a stop request (SIGTERM). Every answer is already stored; this records the pause and restores the
/// terminal.
///
/// All of it happens under the session's lock, so never in the middle of a step: an interview that a step has just
/// completed (or refused) is left finished, and the handler says so instead of pausing it. The store refuses to
/// pause a finished interview as well.
///
/// The signals are taken by a thread of its own with `sigwait`, not by libdispatch's signal sources: on Linux those
/// lost a signal now and then under load (a soak run found an interview that went on after SIGTERM; libdispatch
/// forwards a signal that reaches a thread without it blocked to the thread it last knew as its event thread). Here
/// the signals are blocked in the main thread before the waiting thread is made, which inherits the mask, and
/// libdispatch's threads block them already, so a signal stays pending until the waiting thread takes it.
final class SignalGuard: @unchecked Sendable {
  private static let handled = [SIGINT, SIGTERM, SIGHUP]

  /// What a signal does: before ``install(store:id:session:interviewer:processId:resumeCommand:)``, put the
  /// terminal back and end the process; after it, pause the interview first.
  private var action: (Int32) -> Void
  private let lock = NSLock()
  private let terminalSettings: termios?

  /// Starts the thread that handles the signals for the rest of the process's life, as soon as the console is made:
  /// a terminal console is in raw mode from then on, also while the safe start or the take-over question waits for
  /// the interviewer, and a stop request (SIGTERM) then must not leave the interviewer's terminal without echo.
  init(console: any Console) {
    let terminalSettings = (console as? TerminalConsole)?.originalSettings
    self.terminalSettings = terminalSettings
    action = { signalNumber in
      if var settings = terminalSettings { tcsetattr(STDIN_FILENO, TCSAFLUSH, &settings) }
      writeOut("\n")
      Foundation.exit(128 + signalNumber)
    }
    var signals = sigset_t()
    sigemptyset(&signals)
    for signalNumber in Self.handled { sigaddset(&signals, signalNumber) }
    pthread_sigmask(SIG_BLOCK, &signals, nil)
    let waited = signals
    let thread = Thread { [self] in
      var set = waited
      var signalNumber: Int32 = 0
      while sigwait(&set, &signalNumber) != 0 {}
      lock.lock()
      let action = self.action
      lock.unlock()
      action(signalNumber)
      Foundation.exit(128 + signalNumber)
    }
    thread.start()
  }

  /// From now on a signal pauses this interview (when it is still open), says how to resume it, puts the terminal
  /// back and ends the process; after the session (its state says closed) a signal only ends the process.
  func install(
    store: TevredenDatabase, id: Response.ID, session: InterviewSession, interviewer: String?, processId: Int32,
    resumeCommand: ResumeCommand
  ) {
    let terminalSettings = self.terminalSettings
    lock.lock()
    defer { lock.unlock() }
    action = { signalNumber in
      session.withLock { state in
        if var settings = terminalSettings { tcsetattr(STDIN_FILENO, TCSAFLUSH, &settings) }
        var ending = state.ending
        if state.isOpen, !state.isClosed {
          do {
            try store.pauseInterview(
              id, clock: InterviewClock(at: Date(), interviewer: interviewer, millisecondsSincePrevious: nil),
              processId: processId)
            writeOut(
              "\n"
                + InterviewRunner.pausedText(
                  id, failed: state.lastAnswerFailed, stored: state.storedAnswers, resume: resumeCommand) + "\n")
          } catch InterviewStoreError.alreadyFinished(_, let finished) {
            ending = finished == .refused ? .refused : .completed
          } catch {
            writeOut(
              "\n"
                + InterviewText.notSaved(
                  .pause, because: TevredenDatabase.saveProblem(for: error), storedAnswers: state.storedAnswers,
                  resume: resumeCommand.line(for: id.rawValue)) + "\n")
          }
        }
        if let ending, !state.endingShown {
          writeOut(
            "\n" + (ending == .refused ? InterviewText.refused(id.rawValue) : InterviewText.completed(id.rawValue))
              + "\n")
        }
        Foundation.exit(128 + signalNumber)
      }
    }
  }
}
