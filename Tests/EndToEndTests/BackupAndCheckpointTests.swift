import Foundation
import Testing
import TevredenCore
import TevredenStore
import TevredenTestSupport

/// Whatever a command wrote is in the database file itself when it exits (a copy of `tevreden.sqlite` alone is
/// complete), and `tevreden backup` makes a consistent copy while interviews run.
@Suite struct BackupAndCheckpointTests {
  /// A copy of the database file alone, without the `-wal` and `-shm` beside it, opened as tevreden opens a file.
  private func copyOfTheFileAlone(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> TevredenDatabase
  {
    let copy = URL(fileURLWithPath: path).deletingLastPathComponent()
      .appendingPathComponent("alleen-het-bestand-\(UUID().uuidString).sqlite").path
    try FileManager.default.copyItem(atPath: path, toPath: copy)
    return try TevredenDatabase.open(atPath: copy)
  }

  /// What is left of the log: nothing, or a file with no page that the database file lacks.
  private func expectNoLog(_ path: String, after command: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? NSNumber)?.intValue
    #expect(size == nil, "\(command) left a -wal file of \(size ?? 0) bytes", sourceLocation: sourceLocation)
  }

  @Test func everyCommandThatWritesLeavesItInTheDatabaseFile() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path

    // An interview through a pipe.
    let script = InterviewScript.meldingWithChildren
    let interview = try runTevredenProcess(
      interviewArguments(script.questionnaire, interviewer: "CP01", db: db), cwd: folder, stdin: script.stdin)
    try #require(interview.exitCode == 0, "\(interview)")
    let id = try startedInterviewID(in: interview.stdout)
    expectNoLog(db, after: "interview")
    let completed = try #require(try copyOfTheFileAlone(db).response(id), "the copy lacks the interview")
    #expect(completed.status == .completed)
    #expect(answerTexts(completed) == script.expected)

    // An interview paused at the end of its input, then resumed and completed.
    let paused = try runTevredenProcess(
      interviewArguments(script.questionnaire, interviewer: "CP02", db: db), cwd: folder,
      stdin: InterviewScript.stdin(Array(script.lines.prefix(5))))
    try #require(paused.exitCode == 0, "\(paused)")
    let pausedID = try startedInterviewID(in: paused.stdout)
    expectNoLog(db, after: "a paused interview")
    #expect(try copyOfTheFileAlone(db).response(pausedID)?.answers.count == 5)
    let resumed = try runTevredenProcess(
      resumeArguments(pausedID, db: db), cwd: folder, stdin: InterviewScript.stdin(Array(script.lines.dropFirst(5))))
    try #require(resumed.exitCode == 0, "\(resumed)")
    expectNoLog(db, after: "interview --resume")
    #expect(try copyOfTheFileAlone(db).response(pausedID).map(answerTexts) == script.expected)

    // An import, and taking it back.
    let file = responsesFolder.appendingPathComponent("2026/inwoners-melding.csv")
    let imported = try runTevredenProcess(
      ["import", file.path, "--db", db, "--questionnaires", questionnairesFolder.path], cwd: folder)
    try #require(imported.exitCode == 0, "\(imported)")
    expectNoLog(db, after: "import")
    let rows = try CSVTable(contentsOf: file).rows.count
    #expect(try copyOfTheFileAlone(db).responseCount() == 2 + rows)
    let undone = try runTevredenProcess(["import", "--undo", "1", "--db", db], cwd: folder)
    try #require(undone.exitCode == 0, "\(undone)")
    expectNoLog(db, after: "import --undo")
    #expect(try copyOfTheFileAlone(db).responseCount() == 2)

    // The demo with a database kept, and a new working folder.
    let demo = folder.appendingPathComponent("demo.sqlite").path
    let demoRun = try runTevredenProcess(["demo", "--db", demo], cwd: folder)
    try #require(demoRun.exitCode == 0, "\(demoRun)")
    expectNoLog(demo, after: "demo")
    #expect(try copyOfTheFileAlone(demo).responseCount() > 0)
    let workspace = folder.appendingPathComponent("werkmap")
    let made = try runTevredenProcess(["init", workspace.path], cwd: folder)
    try #require(made.exitCode == 0, "\(made)")
    let workspaceDatabase = workspace.appendingPathComponent("tevreden.sqlite").path
    expectNoLog(workspaceDatabase, after: "init")
    #expect(try copyOfTheFileAlone(workspaceDatabase).storedIndicators() != nil)
  }

  @Test func aBackupIsPrivateCompleteAndNeverOverwritesAFile() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let stored = try TevredenDatabase.open(atPath: db).responseCount()
    let backup = folder.appendingPathComponent("backup.sqlite").path
    let run = try runTevredenProcess(["backup", backup, "--db", db], cwd: folder)
    #expect(run.exitCode == 0, "\(run)")
    #expect(run.stdout.hasPrefix("wrote \(backup): \(stored) responses, "), "\(run)")
    #expect(try posixPermissions(backup) == 0o600)
    #expect(!FileManager.default.fileExists(atPath: backup + "-wal"))
    #expect(try copyOfTheFileAlone(backup).responseCount() == stored)

    let bytes = try Data(contentsOf: URL(fileURLWithPath: backup))
    let again = try runTevredenProcess(["backup", backup, "--db", db], cwd: folder)
    #expect(again.exitCode == 1, "\(again)")
    #expect(again.stderr.contains("\(backup) already exists; a backup never overwrites a file"), "\(again)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: backup)) == bytes)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".partial") }
    #expect(leftovers.isEmpty, "\(leftovers)")
    let missing = try runTevredenProcess(
      ["backup", backup, "--db", folder.appendingPathComponent("x.sqlite").path], cwd: folder)
    #expect(missing.exitCode == 1, "\(missing)")
  }

  /// Interviews go on, one after another, while backups are taken: every backup opens, passes SQLite's check,
  /// holds every interview completed before it started, and holds no completed interview without all its answers.
  @Test func aBackupWhileInterviewsRunIsConsistentAndHoldsEveryCompletedOne() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let script = InterviewScript.meldingWithChildren
    let first = try runTevredenProcess(
      interviewArguments(script.questionnaire, interviewer: "BK00", db: db), cwd: folder, stdin: script.stdin)
    try #require(first.exitCode == 0, "\(first)")

    final class Finished: @unchecked Sendable {
      let lock = NSLock()
      var ids: [Response.ID] = []
      var failures: [String] = []
      var stop = false
    }
    let finished = Finished()
    finished.ids = [try startedInterviewID(in: first.stdout)]
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      defer { done.signal() }
      var round = 0
      while !finished.lock.withLock({ finished.stop }) {
        round += 1
        do {
          let run = try runTevredenProcess(
            interviewArguments(script.questionnaire, interviewer: "BK\(round)", db: db), cwd: folder,
            stdin: script.stdin)
          let id = try startedInterviewID(in: run.stdout)
          finished.lock.withLock {
            if run.exitCode == 0 { finished.ids.append(id) } else { finished.failures.append("\(run)") }
          }
        } catch {
          finished.lock.withLock { finished.failures.append("\(error)") }
        }
      }
    }
    for index in 1...6 {
      let before = finished.lock.withLock { finished.ids }
      let backup = folder.appendingPathComponent("backup-\(index).sqlite").path
      let run = try runTevredenProcess(["backup", backup, "--db", db], cwd: folder)
      #expect(run.exitCode == 0, "\(run)")
      #expect(!FileManager.default.fileExists(atPath: backup + "-wal"))
      let copy = try copyOfTheFileAlone(backup)
      let responses = try copy.responses().map(\.0)
      let byID = Dictionary(uniqueKeysWithValues: responses.map { ($0.id, $0) })
      for id in before {
        #expect(byID[id]?.status == .completed, "backup \(index) lacks \(id), completed before it started")
      }
      for response in responses where response.status == .completed {
        #expect(answerTexts(response) == script.expected, "backup \(index): \(response.id) is incomplete")
      }
      for response in responses where response.status == .partial {
        #expect(
          answerTexts(response).allSatisfy { script.expected[$0.key] == $0.value },
          "backup \(index): \(response.id) holds answers never given")
      }
      copy.close()
    }
    finished.lock.withLock { finished.stop = true }
    done.wait()
    #expect(finished.failures.isEmpty, "\(finished.failures)")
    #expect(finished.ids.count > 1, "no interview ran during the backups")
  }
}
