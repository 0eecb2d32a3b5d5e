import Foundation
import Testing
import TevredenCore
import TevredenStore
import TevredenTestSupport

/// `tevreden interview` in a real pseudo-terminal, typed key by key: raw mode, line editing, colours, Esc and
/// Ctrl-C.
@Suite struct InterviewTerminalTests {
  private static let clearScreen = "\u{1B}[3J\u{1B}[2J\u{1B}[H"

  /// Sends keys, then waits until `marker` and the prompt after it have appeared.
  private func type(_ keys: String, in session: LiveSession, thenWaitFor marker: String) throws {
    try session.send(keys)
    try session.waitFor(marker)
    try session.waitFor("> ")
  }

  /// Starts an interview in a terminal and waits for the first prompt (only then is the terminal in raw mode).
  private func startInTerminal(db: String, folder: URL, env: [String: String] = [:]) throws -> LiveSession {
    let session = try LiveSession.inTerminal(
      interviewArguments("inwoners-melding", interviewer: "TT01", db: db), cwd: folder, env: env)
    try session.waitFor("Vraag 1 van 16")
    try session.waitFor("> ")
    return session
  }

  @Test func wholeInterviewWithLineEditingAndColours() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let session = try startInTerminal(db: db, folder: folder)
    let id = try startedInterviewID(in: session.output)

    try type("1\r", in: session, thenWaitFor: "Vraag 2 van 16")
    try type("1\r", in: session, thenWaitFor: "Vraag 3 van 15")
    try type("2\r", in: session, thenWaitFor: "Vraag 4 van 13")
    // "12", Backspace: 1.
    try type("12\u{7F}\r", in: session, thenWaitFor: "Vraag 5 van 13")
    // "xyz", Ctrl-U clears the line, then 4.
    try type("xyz\u{15}4\r", in: session, thenWaitFor: "Vraag 6 van 13")
    for next in 7...12 {
      try type(next == 7 ? "5\r" : "4\r", in: session, thenWaitFor: "Vraag \(next) van 13")
    }
    // The grade: "0", Left arrow, "1" makes 10 (without the arrow it would be "01", a 1).
    try type("0\u{1B}[D1\r", in: session, thenWaitFor: "Vraag 13 van 13")
    // Free text: "goed", Home, "Heel " in front of it.
    try type("goed\u{1B}[HHeel \r", in: session, thenWaitFor: "Overzicht van de antwoorden")
    try session.send("ok\r")
    try session.waitFor("Interview \(id) is afgerond.")
    #expect(try session.waitForExit() == 0, "\(session.output)")

    // Colours by default (TERM is xterm-256color and NO_COLOR is not set): bold titles, a cyan prompt.
    let colours = Set(colourSequences(in: session.output))
    #expect(colours.isSuperset(of: ["\u{1B}[1m", "\u{1B}[36m", "\u{1B}[0m"]), "\(colours)")
    // The line is redrawn as it is edited.
    #expect(session.output.contains("\r\u{1B}[K"))

    let response = try storedResponse(id, db: db)
    #expect(response.status == .completed)
    #expect(
      answerTexts(response) == [
        "toestemming": "ja", "rol": "betrokkene", "kinderen": "nee", "bereikbaarheid": "1", "bejegening": "4",
        "geduld": "5", "duidelijk_melding": "4", "duidelijk_rol_vt": "4", "duidelijk_vervolg": "4", "afspraken": "4",
        "deskundigheid": "4", "cijfer": "10", "opmerking": "Heel goed",
      ])
  }

  @Test(arguments: [false, true])
  func coloursAppearUnlessNoColorIsSet(noColor: Bool) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let session = try startInTerminal(db: db, folder: folder, env: noColor ? ["NO_COLOR": "1"] : [:])
    try type("1\r", in: session, thenWaitFor: "Vraag 2 van 16")
    try session.send("p\r")
    try session.waitFor("is gepauzeerd")
    #expect(try session.waitForExit() == 0, "\(session.output)")
    // Either way it is the terminal front end, which redraws the line being edited...
    #expect(session.output.contains("\r\u{1B}[K"), "\(session.output)")
    // ...but colours only without NO_COLOR.
    let colours = colourSequences(in: session.output)
    if noColor {
      #expect(colours.isEmpty, "colours although NO_COLOR is set: \(colours)")
    } else {
      #expect(colours.contains("\u{1B}[36m"), "no colours: \(session.output.debugDescription)")
    }
    let id = try startedInterviewID(in: session.output)
    #expect(try TevredenDatabase.open(atPath: db).interviewState(id) == .paused)
  }

  @Test(arguments: ["\u{1B}", "!\r"])
  func quickExitClearsTheScreenAndKeepsTheAnswers(key: String) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let session = try startInTerminal(db: db, folder: folder)
    let id = try startedInterviewID(in: session.output)
    try type("1\r", in: session, thenWaitFor: "Vraag 2 van 16")
    try type("1\r", in: session, thenWaitFor: "Vraag 3 van 15")
    try session.send(key)
    try session.waitFor(Self.clearScreen)
    #expect(try session.waitForExit() == 0, "\(session.output.debugDescription)")
    // The screen is cleared and nothing follows: no goodbye, no id, no hint.
    #expect(session.unreadOutput.isEmpty, "printed after clearing: \(session.unreadOutput.debugDescription)")

    let store = try TevredenDatabase.open(atPath: db)
    #expect(try store.interviewState(id) == .paused)
    #expect(try answerTexts(storedResponse(id, db: db)) == ["toestemming": "ja", "rol": "betrokkene"])
    #expect(try store.interviewEvents(id).last?.kind == .quickExit)
    #expect(try store.openInterviews().map(\.id) == [id])
  }

  @Test func ctrlCAsksWhetherToPauseAndJPauses() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let session = try startInTerminal(db: db, folder: folder)
    let id = try startedInterviewID(in: session.output)
    try type("1\r", in: session, thenWaitFor: "Vraag 2 van 16")
    try type("1\r", in: session, thenWaitFor: "Vraag 3 van 15")

    // Ctrl-C, then n: the interview goes on at the same question.
    try session.send("\u{03}")
    try session.waitFor("Interview pauzeren? Alle antwoorden zijn bewaard. (j/n) ")
    try session.send("n\r")
    try session.waitFor("Vraag 3 van 15")
    try session.waitFor("Het interview gaat verder.")
    try session.waitFor("> ")
    #expect(session.process.isRunning)
    #expect(try TevredenDatabase.open(atPath: db).interviewState(id) == .active)

    // Ctrl-C, then j: paused.
    try session.send("\u{03}")
    try session.waitFor("Interview pauzeren?")
    try session.send("j\r")
    try session.waitFor("Interview \(id) is gepauzeerd; alle antwoorden zijn bewaard.")
    #expect(try session.waitForExit() == 0, "\(session.output)")

    let store = try TevredenDatabase.open(atPath: db)
    #expect(try store.interviewState(id) == .paused)
    #expect(try answerTexts(storedResponse(id, db: db)) == ["toestemming": "ja", "rol": "betrokkene"])
    #expect(try store.interviewEvents(id).last?.kind == .paused)
  }

  /// Ctrl-C by mistake: the interviewer types n and goes straight on with the answer, without waiting for the
  /// question to come back (or with Enter after the n, out of habit). The answer counts, and that Enter does not
  /// reach the question (where it would be an empty answer).
  @Test(arguments: ["n1\r", "n\r1\r"])
  func anAnswerTypedRightAfterNoAtTheCtrlCQuestionIsKept(keys: String) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let session = try startInTerminal(db: db, folder: folder)
    let id = try startedInterviewID(in: session.output)
    try type("1\r", in: session, thenWaitFor: "Vraag 2 van 16")
    try session.send("\u{03}")
    try session.waitFor("Interview pauzeren? Alle antwoorden zijn bewaard. (j/n) ")
    try session.send(keys)
    let screens = try session.waitFor("Vraag 3 van 15")
    try session.waitFor("> ")
    #expect(screens.contains("Het interview gaat verder."), "\(session.output)")
    #expect(!screens.contains("Kies een van de antwoorden"), "the Enter after n reached the question: \(screens)")
    #expect(try answerTexts(storedResponse(id, db: db)) == ["toestemming": "ja", "rol": "betrokkene"])
    #expect(try TevredenDatabase.open(atPath: db).interviewState(id) == .active)
    try session.send("p\r")
    #expect(try session.waitForExit() == 0, "\(session.output)")
  }

  @Test func escapeAtTheCtrlCQuestionIsTheQuickExit() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let session = try startInTerminal(db: db, folder: folder)
    let id = try startedInterviewID(in: session.output)
    try session.send("\u{03}")
    try session.waitFor("(j/n) ")
    try session.send("\u{1B}")
    try session.waitFor(Self.clearScreen)
    #expect(try session.waitForExit() == 0, "\(session.output.debugDescription)")
    #expect(session.unreadOutput.isEmpty, "printed after clearing: \(session.unreadOutput.debugDescription)")
    #expect(try TevredenDatabase.open(atPath: db).interviewEvents(id).last?.kind == .quickExit)
  }

  /// Keys typed while the interview starts (before the terminal is switched to raw mode) are not thrown away.
  @Test func keysTypedWhileTheInterviewStartsAreKept() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let session = try LiveSession.inTerminal(
      interviewArguments("inwoners-melding", interviewer: "TT01", db: db), cwd: folder)
    try session.send("1\r")
    try session.waitFor("Vraag 2 van 16")
    try session.waitFor("> ")
    let id = try startedInterviewID(in: session.output)
    #expect(try answerTexts(storedResponse(id, db: db)) == ["toestemming": "ja"])
    try session.send("p\r")
    #expect(try session.waitForExit() == 0, "\(session.output)")
  }

  /// What a terminal shows of some output: escape sequences and carriage returns removed. (The terminal writes
  /// a line end as CR LF, which Swift counts as one character.)
  private static func screenText(_ output: String) -> String {
    output.replacing(/\x1B\[[0-9;]*[A-Za-z]/, with: "").replacing("\r\n", with: "\n").replacing("\r", with: "")
  }

  /// The review of the longest questionnaire (16 answers, some wrapping, a long remark) in a terminal of 80
  /// columns: each page fits on the screen, the pages together show every answer, and an answer on the last page
  /// can be changed from there.
  @Test(arguments: [24, 14])
  func theReviewFitsTheTerminalAndItsPagesReachEveryAnswer(rows: Int) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let script = InterviewScript.adviesaanvraag
    let remark = "Ik werd snel teruggebeld en de medewerker nam echt de tijd om alles rustig uit te leggen."
    let session = try LiveSession.inTerminal(
      interviewArguments(script.questionnaire, interviewer: "TT01", db: db), cwd: folder, size: (rows, 80))
    try session.waitFor("Vraag 1 van 16")
    try session.waitFor("> ")
    let id = try startedInterviewID(in: session.output)
    try session.send((script.lines.dropLast(2) + [remark]).map { $0 + "\r" }.joined())

    let title = "Overzicht van de antwoorden"
    func nextPage() throws -> String {
      try session.waitFor(title)
      return Self.screenText(title + (try session.waitFor("> ")))
    }
    func pageNumbers(_ page: String) -> (page: Int, of: Int) {
      page.firstMatch(of: /\(blad (\d+) van (\d+)\)/).map { (Int($0.1) ?? 0, Int($0.2) ?? 0) } ?? (1, 1)
    }
    var pages = [try nextPage()]
    let count = pageNumbers(pages[0]).of
    if rows < 20 { #expect(count > 1, "a low terminal gets pages: \(pages[0])") }
    for number in stride(from: 2, through: count, by: 1) {
      try session.send("\r")
      pages.append(try nextPage())
      #expect(pageNumbers(pages.last ?? "") == (number, count))
    }
    for page in pages {
      let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(lines.count <= rows, "\(lines.count) lines on a terminal of \(rows):\n\(page)")
      for line in lines { #expect(line.count < 80, "wider than the terminal: \(line)") }
    }
    if count > 1 {
      // Enter on the last page goes back to the first, < on a later page to the one before.
      try session.send("\r")
      #expect(pageNumbers(try nextPage()) == (1, count))
      try session.send("\r<\r")
      try session.waitFor(title)
      #expect(pageNumbers(try nextPage()) == (1, count))
    }

    // Between them the pages show every line's number and its whole answer (a long one wrapped in its column).
    let stored = try storedResponse(id, db: db)
    let definition = try #require(
      Catalog.load(from: questionnairesFolder).questionnaire(Questionnaire.ID(rawValue: script.questionnaire)))
    let interview = Interview(questionnaire: definition.questionnaire, answers: stored.answers)
    guard case .review(let expected) = interview.screen else {
      Issue.record("the stored answers do not make a complete interview")
      return
    }
    #expect(expected.count == 16)
    let shown = pages.joined(separator: "\n")
    let numbers = Set(shown.matches(of: #/\n +(\d+)  /#).compactMap { Int($0.1) })
    #expect(numbers == Set(1...expected.count), "\(shown)")
    let compact = shown.filter { !$0.isWhitespace }
    for line in expected {
      let answer = try #require(line.answer)
      #expect(compact.contains(answer.filter { !$0.isWhitespace }), "answer \(line.number) not shown: \(answer)")
    }

    // The last line is changed from the review, which comes back at that line's page; then confirmed.
    try session.send("\(expected.count)\r")
    try session.waitFor("Wilt u nog iets zeggen over Veilig Thuis?")
    try session.waitFor("> ")
    try session.send("Kort.\r")
    // (The short answer may need fewer pages than before.)
    let back = try nextPage()
    #expect(pageNumbers(back).page == pageNumbers(back).of, "\(back)")
    #expect(back.contains("Kort."), "\(back)")
    try session.send("ok\r")
    try session.waitFor("Interview \(id) is afgerond.")
    #expect(try session.waitForExit() == 0, "\(session.output)")
    #expect(try storedResponse(id, db: db).answers["opmerking"] == .value(.text("Kort.")))
  }
}
