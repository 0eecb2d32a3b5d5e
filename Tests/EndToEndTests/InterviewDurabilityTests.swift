import Foundation
import GRDB
import Testing
import TevredenCore
import TevredenStore
import TevredenTestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Nothing answered is lost: not when the process is killed, not when a signal ends it, not when several
/// interviewers write to one database at once.
@Suite struct InterviewDurabilityTests {
  @Test func killedInterviewLosesNoAnswerAndResumesAtTheNextQuestion() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let script = InterviewScript.meldingWithChildren
    let session = try LiveSession.overPipes(
      interviewArguments(script.questionnaire, interviewer: "KL01", db: db), cwd: folder)
    try session.waitFor("Vraag 1 van 16")
    try session.waitFor("> ")
    let id = try startedInterviewID(in: session.output)
    let store = try TevredenDatabase.open(atPath: db)

    // One answer at a time; each is in the database once the next question's prompt is shown.
    let given = 7
    for index in 0..<given {
      try session.send(script.lines[index] + "\n")
      try session.waitFor("\nVraag \(index + 2) van ")
      try session.waitFor("\n> ")
      let stored = try #require(try store.response(id))
      #expect(stored.answers.count == index + 1, "after line \(index + 1): \(answerTexts(stored))")
    }

    // While it runs, no other process may take it over.
    let busy = try runTevredenProcess(resumeArguments(id, db: db), cwd: folder, stdin: "")
    #expect(busy.exitCode == 1, "\(busy)")
    #expect(busy.stderr.contains("open in another terminal (process \(session.process.processIdentifier))"), "\(busy)")
    let running = try runTevredenProcess(["interview", "--open", "--db", db], cwd: folder)
    #expect(running.stdout.contains("bezig (proces \(session.process.processIdentifier))"), "\(running)")

    kill(session.process.processIdentifier, SIGKILL)
    #expect(try session.waitForExit() == SIGKILL)
    #expect(session.process.terminationReason == .uncaughtSignal)

    let items = [
      "toestemming", "rol", "kinderen", "bereikbaarheid", "bejegening", "geduld", "duidelijk_melding",
    ]
    #expect(answerTexts(try #require(try store.response(id))) == script.expected.filter { items.contains($0.key) })
    #expect(try store.interviewState(id) == .active, "nobody recorded a pause: the process was killed")
    let killed = try runTevredenProcess(["interview", "--open", "--db", db], cwd: folder)
    let row = try #require(killed.stdout.split(separator: "\n").first { $0.hasPrefix(id.rawValue) }, "\(killed)")
    #expect(row.hasSuffix("afgebroken"), "\(killed)")

    let resumed = try runTevredenProcess(
      resumeArguments(id, db: db), cwd: folder, stdin: InterviewScript.stdin(Array(script.lines.dropFirst(given))))
    #expect(resumed.exitCode == 0, "\(resumed)")
    let firstScreen = try #require(resumed.stdout.firstMatch(of: /\nVraag (\d+) van (\d+)\n([^\n]*)\n/), "\(resumed)")
    #expect(firstScreen.1 == "8" && firstScreen.2 == "15", "\(resumed)")
    #expect(firstScreen.3 == "Hoe goed wist u wat u van Veilig Thuis kon verwachten?", "\(resumed)")
    let response = try #require(try store.response(id))
    #expect(response.status == .completed, "\(resumed)")
    #expect(answerTexts(response) == script.expected)
    #expect(try store.interviewState(id) == .completed)
  }

  @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
  func signalPausesTheInterviewAndExitsWith128PlusItsNumber(_ signalNumber: Int32) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let session = try LiveSession.overPipes(
      interviewArguments("inwoners-melding", interviewer: "SG01", db: db), cwd: folder)
    try session.waitFor("Vraag 1 van 16")
    try session.send("ja\n1\n")
    try session.waitFor("Vraag 3 van 15")
    try session.waitFor("\n> ")
    let id = try startedInterviewID(in: session.output)
    kill(session.process.processIdentifier, signalNumber)
    try session.waitFor("Interview \(id) is gepauzeerd; alle antwoorden zijn bewaard.")
    #expect(try session.waitForExit() == 128 + signalNumber, "\(session.output)")
    #expect(session.output.contains(" interview --resume \(id) --db \(db)\n"), "\(session.output)")
    #expect(session.process.terminationReason == .exit)
    let store = try TevredenDatabase.open(atPath: db)
    #expect(try store.interviewState(id) == .paused)
    #expect(try answerTexts(storedResponse(id, db: db)) == ["toestemming": "ja", "rol": "betrokkene"])
    #expect(try store.interviewEvents(id).last?.kind == .paused)
  }

  /// A killed interview whose process number now belongs to another program looks open in that process: resuming
  /// it is refused with a message naming `--take-over`, and `--take-over` takes it only when the interviewer
  /// confirms, logging the take-over.
  @Test func aKilledInterviewWhoseProcessNumberIsReusedIsTakenOverOnlyWhenConfirmed() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let script = InterviewScript.meldingWithChildren
    let session = try LiveSession.overPipes(
      interviewArguments(script.questionnaire, interviewer: "TO01", db: db), cwd: folder)
    try session.waitFor("Vraag 1 van 16")
    try session.send(InterviewScript.stdin(Array(script.lines.prefix(3))))
    try session.waitFor("Vraag 4 van ")
    try session.waitFor("\n> ")
    let id = try startedInterviewID(in: session.output)
    kill(session.process.processIdentifier, SIGKILL)
    #expect(try session.waitForExit() == SIGKILL)

    // The number the interview row holds now belongs to another running program.
    let other = Process()
    other.executableURL = URL(fileURLWithPath: "/bin/sleep")
    other.arguments = ["120"]
    try other.run()
    defer {
      other.terminate()
      other.waitUntilExit()
    }
    let tampered = try DatabaseQueue(path: db)
    try tampered.write { db in
      try db.execute(
        sql: "UPDATE interview SET processId = ? WHERE responseId = (SELECT id FROM response WHERE responseKey = ?)",
        arguments: [other.processIdentifier, id.rawValue])
    }
    try tampered.close()
    let store = try TevredenDatabase.open(atPath: db)
    let eventsBefore = try store.interviewEvents(id)

    let refused = try runTevredenProcess(resumeArguments(id, db: db), cwd: folder, stdin: "")
    #expect(refused.exitCode == 1, "\(refused)")
    #expect(refused.stdout.contains("nog open in een ander venster (proces \(other.processIdentifier))"), "\(refused)")
    #expect(refused.stdout.contains("Neem het interview dan over met:"), "\(refused)")
    #expect(refused.stdout.contains(" interview --resume \(id) --take-over --db \(db)"), "\(refused)")
    #expect(refused.stderr.contains("--take-over"), "\(refused)")

    let declined = try runTevredenProcess(resumeArguments(id, db: db) + ["--take-over"], cwd: folder, stdin: "n\n")
    #expect(declined.exitCode == 1, "\(declined)")
    #expect(declined.stdout.contains("Overnemen? (j/n)"), "\(declined)")
    #expect(declined.stdout.contains("Interview \(id) is niet overgenomen"), "\(declined)")
    #expect(try store.interviewEvents(id) == eventsBefore)
    #expect(try store.openInterviews().first?.processId == other.processIdentifier)

    let taken = try runTevredenProcess(
      resumeArguments(id, db: db) + ["--take-over"], cwd: folder,
      // The take-over is confirmed first, then the safe start is asked (typed here: the harness leaves take-overs
      // alone), and the interview goes on.
      stdin: InterviewScript.stdin(["j", SafeStartHarness.answer] + Array(script.lines.dropFirst(3))))
    #expect(taken.exitCode == 0, "\(taken)")
    #expect(taken.stdout.contains("Interview \(id) is overgenomen en wordt hervat."), "\(taken)")
    let response = try #require(try store.response(id))
    #expect(response.status == .completed)
    #expect(answerTexts(response) == script.expected)
    let events = try store.interviewEvents(id)
    #expect(events.filter { $0.kind == .takenOver }.count == 1)
    #expect(events.first { $0.kind == .takenOver }?.interviewer == "TO01")
    #expect(!events.contains { $0.kind == .resumed })
  }

  /// A signal that arrives in the first moments after `ok` (here while the runner, through a test hook, holds on
  /// right after the completion is committed) leaves the interview completed: it is not paused, `--resume` refuses
  /// it, and its grade, completion moment and status stay as they were.
  @Test(arguments: [SIGHUP, SIGTERM, SIGINT])
  func aSignalRightAfterOkNeverReopensTheInterview(_ signalNumber: Int32) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let script = InterviewScript.meldingWithChildren
    let session = try LiveSession.overPipes(
      interviewArguments(script.questionnaire, interviewer: "OK01", db: db), cwd: folder,
      env: ["TEVREDEN_TEST_HOLD_AFTER_FINISH_MS": "3000"])
    try session.waitFor("Vraag 1 van 16")
    try session.waitFor("\n> ")
    let id = try startedInterviewID(in: session.output)
    try session.send(script.stdin)
    let store = try TevredenDatabase.open(atPath: db)
    let deadline = ContinuousClock.now + .seconds(30)
    while try store.response(id)?.status != .completed {
      try #require(ContinuousClock.now < deadline, "the interview was not completed: \(session.output)")
      usleep(5000)
    }
    // The completion is committed and the runner is still holding on: the signal arrives in the window.
    try #require(session.process.isRunning, "the test hook did not hold the runner after completing")
    #expect(kill(session.process.processIdentifier, signalNumber) == 0)
    let status = try session.waitForExit(timeout: .seconds(30))
    #expect(status == 0 || status == 128 + signalNumber, "\(session.output)")
    #expect(session.output.contains("Interview \(id) is afgerond."), "\(session.output)")
    #expect(!session.output.contains("gepauzeerd"), "\(session.output)")

    let completed = try #require(try store.response(id))
    #expect(completed.status == .completed)
    #expect(answerTexts(completed) == script.expected)
    #expect(try store.interviewState(id) == .completed)
    #expect(try store.interviewEvents(id).last?.kind == .completed)
    #expect(try !store.interviewEvents(id).contains { $0.kind == .paused })

    // Resuming is refused, and changes nothing: not the grade, not the moment it counts for.
    let resumed = try runTevredenProcess(resumeArguments(id, db: db), cwd: folder, stdin: "14\n3\nok\n")
    #expect(resumed.exitCode == 1, "\(resumed)")
    #expect(resumed.stderr.contains("interview \(id) is already completed and cannot be resumed"), "\(resumed)")
    #expect(try store.response(id) == completed)
    #expect(try store.interviewState(id) == .completed)
    #expect(try store.interviewEvents(id).last?.kind == .completed)
  }

  /// Starts one scripted interview per entry at the same moment, all on `db`, and checks that every one is
  /// stored complete, with every answer, and that no process reported a locked or busy database.
  private func interviewAtOnce(_ count: Int, db: String, folder: URL, round: Int, alreadyStored: Int = 0) throws {
    let scripts = (0..<count).map { InterviewScript.all[$0 % InterviewScript.all.count] }
    // Every process is started before any input is written: they all open the database at the same time.
    let sessions = try scripts.enumerated().map { index, script in
      try LiveSession.overPipes(
        interviewArguments(script.questionnaire, interviewer: "R\(round)I\(index)", db: db), cwd: folder)
    }
    for (session, script) in zip(sessions, scripts) {
      try session.send(script.stdin)
      session.closeInput()
    }
    var ids: [Response.ID] = []
    for (index, (session, script)) in zip(sessions, scripts).enumerated() {
      let status = try session.waitForExit(timeout: .seconds(60))
      let errors = session.errorOutput()
      let report = "round \(round), process \(index) (\(script.questionnaire)): exit \(status)\n\(errors)"
      #expect(status == 0, "\(report)\n\(session.output)")
      #expect(!errors.lowercased().contains("locked") && !errors.lowercased().contains("busy"), "\(report)")
      guard let id = try? startedInterviewID(in: session.output) else { continue }
      ids.append(id)
      #expect(session.output.contains("Interview \(id) is afgerond."), "\(report)\n\(session.output)")
      let response = try TevredenDatabase.open(atPath: db).response(id)
      #expect(response?.status == .completed, "\(report)")
      #expect(response.map(answerTexts) == script.expected, "\(report)")
      #expect(response?.interviewer == "R\(round)I\(index)")
    }
    #expect(ids.count == count)
    #expect(try TevredenDatabase.open(atPath: db).responseCount() == alreadyStored + count)
  }

  @Test func interviewersStartingAtOnceOnANewDatabaseLoseNothing() throws {
    for round in 1...2 {
      let folder = try makeTemporaryFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let db = folder.appendingPathComponent("new.sqlite").path
      try #require(!FileManager.default.fileExists(atPath: db))
      try interviewAtOnce(8, db: db, folder: folder, round: round)
    }
  }

  @Test func interviewersStartingAtOnceOnAnExistingDatabaseLoseNothing() throws {
    for round in 1...2 {
      let folder = try makeTemporaryFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let db = folder.appendingPathComponent("existing.sqlite").path
      let refusal = try runTevredenProcess(
        interviewArguments("inwoners-melding", interviewer: "SETUP1", db: db), cwd: folder, stdin: "nee\nj\n")
      try #require(refusal.exitCode == 0, "\(refusal)")
      try interviewAtOnce(8, db: db, folder: folder, round: round, alreadyStored: 1)
    }
  }
}
