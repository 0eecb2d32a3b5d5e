import Foundation
import Testing
import TevredenCore
import TevredenStore
import TevredenTestSupport

/// When an answer cannot be stored, the interviewer is told so in Dutch (what happened, which answers are stored,
/// how to go on), and nothing says an answer is stored that is not.
@Suite struct InterviewFailureTests {
  /// The disk fills up once the interview has started (a test hook stops the database file from growing, so that
  /// SQLite reports SQLITE_FULL as on a full disk); a long remark needs new pages for certain.
  @Test func aFullDiskIsExplainedInDutchAndOnlyStoredAnswersAreCalledStored() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let script = InterviewScript.meldingWithChildren
    var lines = script.lines
    let remark = Array(repeating: "Een lang verhaal over wat er gebeurde.", count: 300).joined(separator: " ")
    lines[14] = remark
    var expected = script.expected
    expected["opmerking"] = remark

    let session = try LiveSession.overPipes(
      interviewArguments(script.questionnaire, interviewer: "FU01", db: db), cwd: folder,
      env: ["TEVREDEN_TEST_DISK_FULL_AFTER_START": "1"])
    try session.waitFor("Vraag 1 van 16")
    try session.waitFor("\n> ")
    let id = try startedInterviewID(in: session.output)
    var acknowledged = 0
    var failure: String?
    for line in lines.dropLast() {
      try session.send(line + "\n")
      let screen = try session.waitFor("\n> ")
      if screen.contains("NIET") {
        failure = screen
        break
      }
      acknowledged += 1
    }
    let failed = try #require(failure, "no answer failed to be stored:\n\(session.output)")
    #expect(failed.contains("Dit antwoord is NIET bewaard. De schijf is vol."), "\(failed)")
    let stored =
      switch acknowledged {
      case 0: "Er is nog geen antwoord van dit interview bewaard."
      case 1: "Wel bewaard: het ene antwoord dat eerder is gegeven."
      default: "Wel bewaard: de \(acknowledged) antwoorden die eerder zijn gegeven."
      }
    #expect(failed.contains(stored), "\(failed)")
    #expect(failed.contains(" interview --resume \(id) --db \(db)"), "\(failed)")
    #expect(!failed.contains("SQLite") && !failed.contains("disk is full"), "\(failed)")
    #expect(failed.contains("Vraag \(acknowledged + 1) van "), "the question is asked again: \(failed)")

    // Pausing now does not claim that all answers are stored.
    try session.send("p\n")
    #expect(try session.waitForExit() == 0)
    let end = session.unreadOutput
    #expect(end.contains("NIET"), "\(end)")
    #expect(!end.lowercased().contains("alle antwoorden zijn bewaard"), "\(end)")

    // The database holds exactly the answers that were acknowledged.
    let held = answerTexts(try storedResponse(id, db: db))
    #expect(held.count == acknowledged, "\(held)")
    #expect(held.allSatisfy { expected[$0.key] == $0.value }, "\(held)")

    // With room again, the interview goes on at the answer that was not stored, and completes.
    let resumed = try runTevredenProcess(
      resumeArguments(id, db: db), cwd: folder, stdin: InterviewScript.stdin(Array(lines.dropFirst(acknowledged))))
    #expect(resumed.exitCode == 0, "\(resumed)")
    let response = try storedResponse(id, db: db)
    #expect(response.status == .completed, "\(resumed)")
    #expect(answerTexts(response).filter { $0.key != "opmerking" } == expected.filter { $0.key != "opmerking" })
    #expect(answerTexts(response)["opmerking"] == remark, "the long remark is stored whole")
  }
}
