import Foundation
import Testing
import TevredenCore
import TevredenStore
import TevredenTestSupport

/// `tevreden interview --mode papier --completed-on DAY`: a paper form keyed in later counts for the day on the
/// form, while the audit log keeps when it was keyed in.
@Suite struct InterviewPaperFormTests {
  /// The last day of 2025-T1, in summer time: noon there is 10:00 UTC.
  static let formDay = "2025-04-30"

  @Test func paperFormIsDatedByTheDayOnTheFormAndItsEventsByTheKeying() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let script = InterviewScript.meldingWithChildren
    let before = Date().addingTimeInterval(-2)
    // Keyed in two sittings: paused after three answers, resumed (the day is not given again), completed.
    let first = try runTevredenProcess(
      interviewArguments(
        script.questionnaire, interviewer: "PA01", db: db, extra: ["--mode", "papier", "--completed-on", Self.formDay]),
      cwd: folder, stdin: InterviewScript.stdin(Array(script.lines.prefix(3)) + ["p"]))
    #expect(first.exitCode == 0, "\(first)")
    let id = try startedInterviewID(in: first.stdout)
    let second = try runTevredenProcess(
      resumeArguments(id, db: db), cwd: folder, stdin: InterviewScript.stdin(Array(script.lines.dropFirst(3))))
    #expect(second.exitCode == 0, "\(second)")
    #expect(second.stdout.contains("Interview \(id) is afgerond."), "\(second)")
    let after = Date().addingTimeInterval(2)

    let response = try storedResponse(id, db: db)
    let noon = try #require(Timestamp.parse("2025-04-30T10:00:00Z"))
    #expect(response.status == .completed)
    #expect(response.mode == .papier)
    #expect(response.startedAt == noon)
    #expect(response.completedAt == noon)
    #expect(response.collectedOn.description == Self.formDay)
    #expect(answerTexts(response) == script.expected)

    // Every event has the moment it really happened: while the test keyed the form in.
    let events = try TevredenDatabase.open(atPath: db).interviewEvents(id)
    #expect(events.first?.kind == .started)
    #expect(events.last?.kind == .completed)
    for event in events {
      #expect(event.at >= before && event.at <= after, "\(event)")
    }

    // The export carries the form's day, and the response counts in the period of that day.
    let export = try runTevredenProcess(
      ["export", "--questionnaire", script.questionnaire, "--period", "2025-T1", "--db", db], cwd: folder)
    #expect(export.exitCode == 0, "\(export)")
    let table = try CSVTable(text: export.stdout)
    #expect(table.rows.count == 1, "\(export)")
    let row = try #require(table.rows.first)
    #expect(row[try table.column("response_id")] == id.rawValue)
    #expect(row[try table.column("mode")] == "papier")
    #expect(row[try table.column("started_at")] == "2025-04-30T10:00:00Z", "\(export)")
    #expect(row[try table.column("completed_at")] == "2025-04-30T10:00:00Z", "\(export)")
    let score = try runTevredenProcess(
      ["score", "--period", "2025-T1", "--format", "csv", "--db", db, "--questionnaires", questionnairesFolder.path],
      cwd: folder)
    let scores = try CSVTable(text: score.stdout)
    let (indicator, group, n) = (
      try scores.column("indicator"), try scores.column("group_label"), try scores.column("n")
    )
    let overall = try #require(scores.rows.first { $0[indicator] == "pi5" && $0[group].isEmpty }, "\(score)")
    #expect(overall[n] == "1", "\(score)")
  }

  @Test func aRefusedPaperFormIsDatedByTheDayOnTheFormToo() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let run = try runTevredenProcess(
      interviewArguments(
        "inwoners-melding", interviewer: "PA01", db: db, extra: ["--mode", "papier", "--completed-on", "2025-12-31"]),
      cwd: folder, stdin: "nee\nj\n")
    #expect(run.exitCode == 0, "\(run)")
    let response = try storedResponse(try startedInterviewID(in: run.stdout), db: db)
    #expect(response.status == .refused)
    // 31 December at noon in winter time is 11:00 UTC: still 2025 for the response rate.
    #expect(response.completedAt == Timestamp.parse("2025-12-31T11:00:00Z"))
    #expect(response.collectedOn.description == "2025-12-31")
  }

  /// A misuse of `--completed-on`, and what the message must name.
  struct Misuse: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var message: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let misuses: [Misuse] = {
    let future = LocalDate(Date().addingTimeInterval(2 * 86_400)).description
    return [
      Misuse(arguments: ["--completed-on", "2025-04-30"], message: "--mode papier"),
      Misuse(arguments: ["--mode", "telefonisch", "--completed-on", "2025-04-30"], message: "--mode papier"),
      Misuse(arguments: ["--mode", "papier", "--completed-on", "2025-02-29"], message: "is not a day"),
      Misuse(arguments: ["--mode", "papier", "--completed-on", "2025-13-01"], message: "is not a day"),
      Misuse(arguments: ["--mode", "papier", "--completed-on", "30-04-2025"], message: "is not a day"),
      Misuse(arguments: ["--mode", "papier", "--completed-on", future], message: "lies in the future"),
    ]
  }()

  @Test(arguments: misuses)
  func misuseOfCompletedOnIsAUsageError(_ misuse: Misuse) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let run = try runTevredenProcess(
      interviewArguments("inwoners-melding", interviewer: "PA01", db: db, extra: misuse.arguments), cwd: folder,
      stdin: "ja\n")
    #expect(run.exitCode == 64, "\(run)")
    #expect(run.stderr.contains(misuse.message), "\(run)")
    #expect(!FileManager.default.fileExists(atPath: db), "a usage error starts nothing")
  }

  @Test func completedOnDoesNotGoWithResume() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let run = try runTevredenProcess(
      resumeArguments("VT-ABCDEF", db: db) + ["--mode", "papier", "--completed-on", "2025-04-30"], cwd: folder)
    #expect(run.exitCode == 64, "\(run)")
    #expect(run.stderr.contains("--completed-on dates a new paper form"), "\(run)")
  }
}
