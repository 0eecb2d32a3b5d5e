import Foundation
import GRDB
import Testing
import TevredenCore
import TevredenStore
import TevredenTestSupport

/// Every path that brings text into the database, or out of it, masks identifiers: an interview through a pipe
/// and through a terminal, an exchange-format import, a platform export, a merged station, an export. Each test
/// puts a remark with an identifier of every kind through its path and then reads the database file's bytes
/// (and its write-ahead log) for any of them.
@Suite struct PrivacyPathTests {
  /// Fails when any identifier of the remark stands anywhere in the database's files.
  func expectNoIdentifiers(inDatabase db: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    var bytes = Data()
    for suffix in ["", "-wal"] {
      bytes += (try? Data(contentsOf: URL(fileURLWithPath: db + suffix))) ?? Data()
    }
    let text = String(decoding: bytes, as: UTF8.self)
    for identifier in RemarkWithEveryIdentifier.identifiers {
      #expect(!text.contains(identifier), "\(identifier) is in \(db)", sourceLocation: sourceLocation)
    }
  }

  /// The JSON path of an item's answer in the response rows: `$."12"`, the item's number (table `item`).
  static let answerPath = #"'$."' || (SELECT id FROM item WHERE name = ?) || '"'"#

  /// The stored answers to `item`, read with SQLite's JSON functions as anyone could.
  func storedTexts(_ item: String, db: String) throws -> [String] {
    try DatabaseQueue(path: db).read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT json_extract(answers, \(Self.answerPath)) FROM response
          WHERE json_extract(answers, \(Self.answerPath)) IS NOT NULL
          """,
        arguments: [item, item])
    }
  }

  @Test func anInterviewThroughAPipeStoresTheRemarkMasked() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    var lines = InterviewScript.meldingWithChildren.lines
    lines[lines.count - 2] = RemarkWithEveryIdentifier.text
    let run = try runTevredenProcess(
      interviewArguments("inwoners-melding", interviewer: "AB12", db: db), cwd: folder,
      stdin: InterviewScript.stdin(lines))
    #expect(run.exitCode == 0, "\(run)")
    #expect(try storedTexts("opmerking", db: db) == [RemarkWithEveryIdentifier.masked])
    try expectNoIdentifiers(inDatabase: db)
  }

  @Test func anInterviewInATerminalStoresTheRemarkMasked() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let session = try LiveSession.inTerminal(
      interviewArguments("inwoners-melding", interviewer: "TT01", db: db), cwd: folder)
    for line in InterviewScript.meldingWithChildren.lines.dropLast(2) {
      try session.waitFor("> ")
      try session.send(line + "\r")
    }
    try session.waitFor("Noem geen namen.")
    try session.waitFor("> ")
    try session.send(RemarkWithEveryIdentifier.text + "\r")
    try session.waitFor("Overzicht van de antwoorden")
    try session.send("ok\r")
    #expect(try session.waitForExit() == 0, "\(session.output)")
    #expect(try storedTexts("opmerking", db: db) == [RemarkWithEveryIdentifier.masked])
    try expectNoIdentifiers(inDatabase: db)
  }

  @Test func anExchangeFileIsStoredMaskedAndIdsOrCodesThatArePersonalDataAreRefused() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let original = try String(
      contentsOf: responsesFolder.appendingPathComponent("2026/inwoners-melding.csv"), encoding: .utf8)
    let all = original.split(separator: "\n").map(String.init)
    // The header and three rows without quoted cells, so that a cell is what stands between two commas.
    var lines = [all[0]] + all.dropFirst().filter { !$0.contains("\"") }.prefix(3)
    // Row 2: the remark; row 3: an e-mail address as its id; row 4: an interviewer "code" that is a name.
    lines[1] = replacingLastCell(of: lines[1], with: "\"\(RemarkWithEveryIdentifier.text)\"")
    lines[2] = "piet@example.nl" + lines[2].drop { $0 != "," }
    var cells = lines[3].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    cells[7] = "Piet"
    lines[3] = cells.joined(separator: ",")
    // The file's name names a person too: the batch records it masked.
    let file = folder.appendingPathComponent("antwoorden-Piet-de-Vries.csv")
    try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    let run = try runTevredenProcess(
      ["import", file.path, "--db", db, "--questionnaires", questionnairesFolder.path], cwd: folder)
    #expect(run.exitCode == 2, "\(run)")
    #expect(run.stderr.contains(".csv:3: error: response_id holds personal data (e-mail address)"), "\(run)")
    #expect(run.stderr.contains(".csv:4: error: interviewer 'Piet' must be a code"), "\(run)")
    #expect(try storedTexts("opmerking", db: db).contains(RemarkWithEveryIdentifier.masked))
    let batches = try TevredenDatabase.open(atPath: db).importBatches()
    #expect(batches.map(\.source) == ["antwoorden-[naam].csv"])
    try expectNoIdentifiers(inDatabase: db)
  }

  @Test func aPlatformExportIsStoredMaskedAndAnIdHoldingABSNIsNeverTheKey() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    // A region's own sheet: one header row, a generic ID column holding BSNs, a date, the questions as text.
    let file = folder.appendingPathComponent("eigen-lijst.csv")
    try """
    ID,Tijdstempel,Bereikbaarheid,Cijfer,Opmerking
    123456782,2026-03-02 10:00:00,Tevreden,8,"\(RemarkWithEveryIdentifier.text)"
    111222333,2026-03-03 11:00:00,Zeer tevreden,9,Prima

    """.write(to: file, atomically: true, encoding: .utf8)
    let run = try runTevredenProcess(
      [
        "import", file.path, "--questionnaire", "inwoners-melding", "--db", db, "--questionnaires",
        questionnairesFolder.path,
      ], cwd: folder)
    #expect(run.exitCode == 0, "\(run)")
    #expect(run.stdout.contains("masked in open answers"), "\(run)")
    #expect(Set(try storedTexts("opmerking", db: db)) == [RemarkWithEveryIdentifier.masked, "Prima"])
    let keys = try DatabaseQueue(path: db).read { try String.fetchAll($0, sql: "SELECT responseKey FROM response") }
    #expect(keys.count == 2)
    #expect(keys.allSatisfy { $0.contains(":row-") }, "\(keys)")
    try expectNoIdentifiers(inDatabase: db)
    #expect(!(try Data(contentsOf: URL(fileURLWithPath: db))).contains(Data("111222333".utf8)))
  }

  @Test func anExcelWorkbookIsStoredMaskedLikeACSV() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    // The same sheet as the CSV above, kept in Excel (shared strings, an Excel serial timestamp); the workbook is
    // read from the archive in memory, never unpacked to a temporary file.
    let run = try runTevredenProcess(
      [
        "import",
        packageRoot.appendingPathComponent("Tests/EndToEndTests/PrivacyFixtures/eigen-lijst-privacy.xlsx").path,
        "--questionnaire", "inwoners-melding", "--db", db,
        "--questionnaires", questionnairesFolder.path,
      ], cwd: folder, env: ["TMPDIR": folder.appendingPathComponent("tmp").path])
    #expect(run.exitCode == 0, "\(run)")
    #expect(run.stdout.contains("masked in open answers"), "\(run)")
    #expect(Set(try storedTexts("opmerking", db: db)) == [RemarkWithEveryIdentifier.masked, "Prima"])
    let keys = try DatabaseQueue(path: db).read { try String.fetchAll($0, sql: "SELECT responseKey FROM response") }
    #expect(keys.count == 2 && keys.allSatisfy { $0.contains(":row-") }, "\(keys)")
    try expectNoIdentifiers(inDatabase: db)
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("tmp").path))
  }

  @Test func aStationWithUnmaskedRemarksIsMergedMaskedAndExportsAreMaskedToo() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A station of an older tevreden: its remark stored as typed (written here straight into the file).
    let station = folder.appendingPathComponent("station.sqlite").path
    let script = InterviewScript.meldingWithChildren
    let run = try runTevredenProcess(
      interviewArguments("inwoners-melding", interviewer: "AB12", db: station), cwd: folder, stdin: script.stdin)
    #expect(run.exitCode == 0, "\(run)")
    try DatabaseQueue(path: station).write { db in
      try db.execute(
        sql: "UPDATE response SET answers = json_set(answers, \(Self.answerPath), ?)",
        arguments: ["opmerking", RemarkWithEveryIdentifier.text])
    }
    // Exported straight from the station, the remark is masked on its way out.
    let exported = try runTevredenProcess(
      ["export", "--questionnaire", "inwoners-melding", "--db", station], cwd: folder)
    #expect(exported.exitCode == 0, "\(exported)")
    #expect(exported.stdout.contains(RemarkWithEveryIdentifier.masked), "\(exported)")
    for identifier in RemarkWithEveryIdentifier.identifiers { #expect(!exported.stdout.contains(identifier)) }
    // Merged into the region, it is stored masked; merging again finds it already present.
    let region = folder.appendingPathComponent("region.sqlite").path
    for _ in 0..<2 {
      let merged = try runTevredenProcess(["merge", station, "--db", region], cwd: folder)
      #expect(merged.exitCode == 0, "\(merged)")
    }
    #expect(try storedTexts("opmerking", db: region) == [RemarkWithEveryIdentifier.masked])
    try expectNoIdentifiers(inDatabase: region)
  }

  @Test func anInterviewerCodeThatIsANameIsRefused() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    for code in ["Piet", "Fatima", "piet.jansen@example.nl", "KEES"] {
      let run = try runTevredenProcess(interviewArguments("inwoners-melding", interviewer: code, db: db), cwd: folder)
      #expect(run.exitCode == 64, "\(code): \(run)")
      #expect(run.stderr.contains("is not an interviewer code"), "\(run)")
    }
    #expect(!FileManager.default.fileExists(atPath: db))
  }

  @Test func everyFileThatHoldsDataIsReadableByItsOwnerOnly() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("demo.sqlite").path
    #expect(try runTevredenProcess(["demo", "--db", db], cwd: folder).exitCode == 0)
    // An interview left open keeps its -wal and -shm files: private as the database.
    let open = try runTevredenProcess(
      interviewArguments("inwoners-melding", interviewer: "AB12", db: db), cwd: folder, stdin: "ja\n1\n")
    #expect(open.exitCode == 0, "\(open)")
    for file in [db, db + "-wal", db + "-shm"] where FileManager.default.fileExists(atPath: file) {
      #expect(try posixPermissions(file) & 0o777 == 0o600, "\(file)")
    }
    let out = folder.appendingPathComponent("export")
    #expect(try runTevredenProcess(["export", "--out", out.path, "--db", db], cwd: folder).exitCode == 0)
    for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
      #expect(try posixPermissions(out.appendingPathComponent(name).path) & 0o777 == 0o600, "\(name)")
    }
    let page = folder.appendingPathComponent("burap.html").path
    let report = try runTevredenProcess(
      ["report", "--period", "2026-T2", "--out", page, "--db", db, "--questionnaires", questionnairesFolder.path],
      cwd: folder)
    #expect(report.exitCode == 0, "\(report)")
    #expect(try posixPermissions(page) & 0o777 == 0o600)
    // A database copied with a loose mode is made private before it is used, and the user is told.
    #expect(chmod(db, 0o644) == 0)
    let score = try runTevredenProcess(
      ["score", "--period", "2026", "--db", db, "--questionnaires", questionnairesFolder.path], cwd: folder)
    #expect(score.exitCode == 0, "\(score)")
    #expect(score.stderr.contains("was readable by other users; it is now readable by its owner only"), "\(score)")
    #expect(try posixPermissions(db) & 0o777 == 0o600)
  }

  @Test func aPrivacyScanAndAPurgeRunFromTheCommandLine() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("demo.sqlite").path
    #expect(try runTevredenProcess(["demo", "--db", db], cwd: folder).exitCode == 0)
    // As an older version left it: one remark stored as typed.
    try DatabaseQueue(path: db).write { db in
      try db.execute(
        sql: "UPDATE response SET answers = json_set(answers, \(Self.answerPath), ?) WHERE id = 1",
        arguments: ["opmerking", RemarkWithEveryIdentifier.text])
    }
    let dry = try runTevredenProcess(["privacy", "scan", "--dry-run", "--db", db], cwd: folder)
    #expect(dry.exitCode == 0, "\(dry)")
    #expect(dry.stdout.contains("open answers masked:        1"), "\(dry)")
    #expect(dry.stdout.contains("Dry run: nothing was changed."))
    let scan = try runTevredenProcess(["privacy", "scan", "--db", db], cwd: folder)
    #expect(scan.exitCode == 0, "\(scan)")
    try expectNoIdentifiers(inDatabase: db)
    let again = try runTevredenProcess(["privacy", "scan", "--db", db], cwd: folder)
    #expect(again.stdout.contains("No identifiers found"), "\(again)")

    // The demo's indicators.yaml keeps remarks twelve months; run as if it were 2028, nothing of 2025 is left.
    let purge = try runTevredenProcess(
      ["purge", "--db", db, "--questionnaires", questionnairesFolder.path], cwd: folder,
      env: ["TEVREDEN_TEST_NOW": "2028-01-01T12:00:00Z"])
    #expect(purge.exitCode == 0, "\(purge)")
    #expect(purge.stdout.contains("responses whose open answers were removed:"), "\(purge)")
    #expect(try storedTexts("opmerking", db: db).isEmpty, "\(purge)")
    let log = try TevredenDatabase.open(atPath: db).changeLog().map(\.action)
    #expect(log == ["privacy-scan", "purge"])
  }

  private func replacingLastCell(of line: String, with cell: String) -> String {
    var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    cells[cells.count - 1] = cell
    return cells.joined(separator: ",")
  }
}
