import Foundation
import Testing
import TevredenCore
import TevredenStore

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
}
