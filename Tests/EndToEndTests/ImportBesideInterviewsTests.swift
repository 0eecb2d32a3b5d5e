import Foundation
import GRDB
import Testing
import TevredenCore
import TevredenTestSupport

@testable import TevredenStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An import is written in short steps that stay invisible until its last one: interviewers working at the same
/// time never wait for it, and an import that is interrupted or killed leaves nothing that counts.
///
/// The imports here are slowed down with `TEVREDEN_TEST_IMPORT_ROW_DELAY_US` (a pause after each stored response,
/// inside the transaction, as a slow disk would make it), so that a few thousand rows take several seconds.
@Suite(.serialized) struct ImportBesideInterviewsTests {
  /// A Google Forms export for ketenpartners-politie with `rows` different responses (their times differ).
  static func makeExport(rows: Int, in folder: URL) throws -> URL {
    let sample = try String(
      contentsOf: packageRoot.appendingPathComponent(
        "Tests/EndToEndTests/PlatformExports/googleforms-ketenpartners-politie-semicolon-windows1252.csv"),
      encoding: .windowsCP1252
    ).split(whereSeparator: \.isNewline).map(String.init)
    let answers = sample[2].drop { $0 != ";" }
    var text = sample[0] + "\n"
    for row in 0..<rows {
      let (day, month) = (1 + row % 28, 1 + row / 28 % 12)
      let seconds = row / 336
      text += "\(day)-\(month)-2026 10:\(String(format: "%02d:%02d", seconds / 60, seconds % 60))\(answers)\n"
    }
    let url = folder.appendingPathComponent("groot.csv")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  static func importArguments(_ file: URL, db: String) -> [String] {
    [
      "import", file.path, "--questionnaire", "ketenpartners-politie", "--gemeente", "Alkmaar", "--db", db,
      "--questionnaires", questionnairesFolder.path,
    ]
  }

  /// Starts a slowed-down import in the background.
  static func startImport(_ file: URL, db: String, folder: URL, delayMicroseconds: Int) throws -> (Process, Pipe) {
    let process = Process()
    process.executableURL = try tevredenBinary()
    process.arguments = importArguments(file, db: db)
    process.currentDirectoryURL = folder
    var environment = ProcessInfo.processInfo.environment
    environment["TEVREDEN_DB"] = nil
    environment["TEVREDEN_TEST_IMPORT_ROW_DELAY_US"] = String(delayMicroseconds)
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    return (process, output)
  }

  /// The raw counts in the file, as a program other than tevreden would see them: every response row, and those
  /// of batches still running.
  static func rawCounts(_ db: String) throws -> (rows: Int, running: Int, batches: Int) {
    let queue = try DatabaseQueue(path: db)
    defer { try? queue.close() }
    return try queue.read { db in
      (
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response") ?? 0,
        try Int.fetchOne(
          db,
          sql: """
            SELECT COUNT(*) FROM response
            WHERE importBatchId IN (SELECT id FROM importBatch WHERE state = 'running')
            """) ?? 0,
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM importBatch") ?? 0
      )
    }
  }

  /// Waits (at most 60 seconds) until the import has committed at least `rows` of its responses.
  static func waitUntilStored(_ rows: Int, db: String, while process: Process) throws {
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline, process.isRunning {
      if FileManager.default.fileExists(atPath: db), (try? rawCounts(db).running) ?? 0 >= rows { return }
      Thread.sleep(forTimeInterval: 0.05)
    }
    Issue.record("the import did not store \(rows) responses in time (running: \(process.isRunning))")
  }

  @Test func interviewsAreNeverKeptWaitingByAnImport() throws {
    // Given an import of 4,000 rows that takes 8 seconds or more (2 ms per row)
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("tevreden.sqlite").path
    let file = try Self.makeExport(rows: 4000, in: folder)
    let (importer, importOutput) = try Self.startImport(file, db: db, folder: folder, delayMicroseconds: 2000)
    defer { if importer.isRunning { kill(importer.processIdentifier, SIGKILL) } }
    try Self.waitUntilStored(1, db: db, while: importer)

    // When two interviews are taken while it runs
    var slowest: Duration = .zero
    var ids: [(Response.ID, InterviewScript)] = []
    for (index, script) in [InterviewScript.politie, InterviewScript.meldingWithChildren].enumerated() {
      let session = try LiveSession.overPipes(
        interviewArguments(script.questionnaire, interviewer: "IM\(index)", db: db, gemeente: "Alkmaar"),
        cwd: folder)
      try session.waitFor("\n> ", timeout: .seconds(30))
      ids.append((try startedInterviewID(in: session.output), script))
      for line in script.lines.dropLast() {
        let sent = ContinuousClock.now
        try session.send(line + "\n")
        // Every answer is stored before the next question is shown; a bounded wait, generous for a loaded
        // machine, yet far below the length of the import, which is what an interviewer waited before.
        try session.waitFor("\n> ", timeout: .seconds(3))
        slowest = max(slowest, ContinuousClock.now - sent)
      }
      try session.send("ok\n")
      #expect(try session.waitForExit() == 0, "\(session.output)")
      #expect(!session.output.contains("NIET bewaard"), "\(session.output)")
    }
    // (The test only shows something while the import was still running.)
    #expect(importer.isRunning, "the import ended before the interviews did; make it slower")

    // Then every answer was stored, and the import, once finished, stored all its rows
    importer.waitUntilExit()
    let importText = String(decoding: importOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(importer.terminationStatus == 0, "\(importText)")
    #expect(importText.contains("4000 rows: 4000 imported"), "\(importText)")
    for (id, script) in ids {
      #expect(answerTexts(try storedResponse(id, db: db)) == script.expected)
    }
    #expect(try TevredenDatabase.open(atPath: db).responseCount() == 4002)
    print("slowest answer beside the import: \(slowest)")
  }

  @Test func anImportStaysInvisibleUntilItsEnd() throws {
    // Given an import that has stored part of its rows
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("tevreden.sqlite").path
    let file = try Self.makeExport(rows: 2000, in: folder)
    let (importer, _) = try Self.startImport(file, db: db, folder: folder, delayMicroseconds: 2000)
    defer { if importer.isRunning { kill(importer.processIdentifier, SIGKILL) } }
    try Self.waitUntilStored(200, db: db, while: importer)
    // Then those rows are in the file but count nowhere
    let store = try TevredenDatabase(DatabaseQueue(path: db))
    #expect(try store.responseCount() == 0)
    #expect(try !store.hasResponses())
    #expect(try store.importBatches().isEmpty)
    #expect(try store.collectedDays() == nil)
    let score = try runTevredenProcess(
      ["score", "--db", db, "--questionnaires", questionnairesFolder.path, "--period", "2026", "--format", "csv"],
      cwd: folder)
    #expect(!score.stdout.contains("ketenpartners,politie"), "\(score)")
    // And a second import is refused while the first runs
    let second = try runTevredenProcess(Self.importArguments(file, db: db), cwd: folder)
    #expect(second.exitCode != 0, "\(second)")
    #expect(second.stderr.contains("another import (process \(importer.processIdentifier)"), "\(second)")
    importer.waitUntilExit()
    #expect(try store.responseCount() == 2000)
  }

  @Test func aKilledImportLeavesNothingVisibleAndTheNextCommandRemovesIt() throws {
    // Given an import killed half-way
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("tevreden.sqlite").path
    let file = try Self.makeExport(rows: 3000, in: folder)
    let (importer, _) = try Self.startImport(file, db: db, folder: folder, delayMicroseconds: 2000)
    try Self.waitUntilStored(300, db: db, while: importer)
    kill(importer.processIdentifier, SIGKILL)
    importer.waitUntilExit()
    let left = try Self.rawCounts(db)
    #expect(left.rows >= 300 && left.rows == left.running, "\(left)")
    // Then nothing of it counts
    let store = try TevredenDatabase(DatabaseQueue(path: db))
    #expect(try store.responseCount() == 0)
    #expect(try store.importBatches().isEmpty)
    // When the next command opens the database, it removes the rows and logs that it did
    let listing = try runTevredenProcess(["imports", "--db", db], cwd: folder)
    #expect(listing.exitCode == 0, "\(listing)")
    let after = try Self.rawCounts(db)
    #expect(after.rows == 0 && after.batches == 0, "\(after)")
    let log = try store.changeLog()
    #expect(log.map(\.action) == ["remove-interrupted-import"])
    #expect(log.first?.detail.contains("\(left.rows) responses that were never visible removed") == true, "\(log)")
    // And the file can be imported again, whole
    let again = try runTevredenProcess(Self.importArguments(file, db: db), cwd: folder)
    #expect(again.stdout.contains("3000 rows: 3000 imported"), "\(again)")
  }

  @Test(arguments: [SIGINT, SIGTERM])
  func anInterruptedImportTakesBackWhatItStored(_ signalNumber: Int32) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("tevreden.sqlite").path
    let file = try Self.makeExport(rows: 3000, in: folder)
    let (importer, output) = try Self.startImport(file, db: db, folder: folder, delayMicroseconds: 2000)
    defer { if importer.isRunning { kill(importer.processIdentifier, SIGKILL) } }
    try Self.waitUntilStored(300, db: db, while: importer)
    kill(importer.processIdentifier, signalNumber)
    importer.waitUntilExit()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(importer.terminationStatus == 128 + signalNumber, "\(text)")
    #expect(text.contains("import interrupted: nothing of it was stored"), "\(text)")
    // The process itself removed its rows: nothing is left for the next command.
    let after = try Self.rawCounts(db)
    #expect(after.rows == 0 && after.batches == 0, "\(after)")
  }
}
