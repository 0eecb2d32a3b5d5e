import Foundation
import GRDB
import Testing
import TevredenCore
import TevredenStore
import TevredenTestSupport

/// `tevreden import` and `tevreden export`: counts, idempotence, rejected rows with their lines, `--strict`,
/// `--dry-run`, refusing personal-data columns, and a byte-identical round trip through the binary.
@Suite struct ImportExportTests {
  /// The first data rows of the committed 2026 melding file, as a table to edit.
  private func meldingSample(rows count: Int) throws -> CSVTable {
    var table = try CSVTable(contentsOf: responsesFolder.appendingPathComponent("2026/inwoners-melding.csv"))
    table.rows = Array(table.rows.prefix(count))
    table.lines = Array(table.lines.prefix(count))
    return table
  }

  /// The response ids `export --questionnaire` prints for a database; empty when it has nothing to export.
  private func exportedIDs(questionnaire: String, db: String, cwd: URL) throws -> [String] {
    let run = try runTevredenProcess(["export", "--questionnaire", questionnaire, "--db", db], cwd: cwd)
    guard run.exitCode == 0 else {
      // Only "nothing stored" counts as an empty export; any other failure is a failure.
      #expect(run.exitCode == 1 && run.stderr.contains("nothing to export"), "\(run)")
      return []
    }
    let table = try CSVTable(text: run.stdout)
    let id = try table.column("response_id")
    return table.rows.map { $0[id] }
  }

  /// `import` of one file with the committed definitions.
  private func importFiles(_ paths: [String], db: String, cwd: URL, flags: [String] = []) throws -> TevredenRun {
    try runTevredenProcess(
      ["import"] + paths + flags + ["--db", db, "--questionnaires", questionnairesFolder.path], cwd: cwd)
  }

  @Test func importStoresEveryRowOnceAndAgainAddsNothing() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let expectedRows = try dataRowCount(under: responsesFolder)
    #expect(expectedRows > 1000)
    let db = folder.appendingPathComponent("db.sqlite").path

    let first = try importFiles([responsesFolder.path], db: db, cwd: folder)
    #expect(first.exitCode == 0, "\(first)")
    #expect(
      ImportSummary(stdout: first.stdout)
        == ImportSummary(rows: expectedRows, imported: expectedRows, alreadyPresent: 0, rejected: 0), "\(first)")
    #expect(first.stdout.contains("Stored \(expectedRows) new responses."), "\(first)")
    #expect(try posixPermissions(db) & 0o777 == 0o600)

    let second = try importFiles([responsesFolder.path], db: db, cwd: folder)
    #expect(second.exitCode == 0, "\(second)")
    #expect(
      ImportSummary(stdout: second.stdout)
        == ImportSummary(rows: expectedRows, imported: 0, alreadyPresent: expectedRows, rejected: 0), "\(second)")
    #expect(second.stdout.contains("Stored 0 new responses."), "\(second)")
  }

  @Test func badRowsAreReportedWithTheirLineAndGoodRowsAreStored() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var table = try meldingSample(rows: 4)
    let id = try table.column("response_id")
    let scale = try table.column("bereikbaarheid")
    let gemeente = try table.column("gemeente")
    table.rows[1][scale] = "9"  // bereikbaarheid is a 1–5 scale
    table.rows[2][gemeente] = "Amsterdam"  // not in Noord-Holland Noord
    let file = folder.appendingPathComponent("bad.csv")
    let text = table.render()
    try text.write(to: file, atomically: true, encoding: .utf8)
    // Where the edited rows start in the file as written (a quoted remark may span lines).
    let written = try CSVTable(text: text)
    let scaleLine = written.lines[1]
    let gemeenteLine = written.lines[2]
    let db = folder.appendingPathComponent("db.sqlite").path

    let run = try importFiles([file.path], db: db, cwd: folder)
    #expect(run.exitCode == 2, "\(run)")
    let lines = run.stderr.split(separator: "\n").map(String.init)
    let scaleError = lines.first { $0.contains("bad.csv:\(scaleLine):") }
    #expect(scaleError?.contains("bereikbaarheid") == true && scaleError?.contains("9") == true, "\(run)")
    let gemeenteError = lines.first { $0.contains("bad.csv:\(gemeenteLine):") }
    #expect(gemeenteError?.contains("Amsterdam") == true, "\(run)")
    #expect(ImportSummary(stdout: run.stdout) == ImportSummary(rows: 4, imported: 2, alreadyPresent: 0, rejected: 2))

    let stored = try exportedIDs(questionnaire: "inwoners-melding", db: db, cwd: folder)
    #expect(Set(stored) == [table.rows[0][id], table.rows[3][id]])
  }

  @Test func anIdUsedTwiceInOneFileIsRejectedWithItsLineWhetherStoredOrOnlyChecked() throws {
    // Rows 3 and 4 repeat the id of row 1: once with the same answers, once with another grade.
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var table = try meldingSample(rows: 4)
    let id = try table.column("response_id")
    let grade = try table.column("cijfer")
    table.rows[2] = table.rows[0]
    table.rows[3] = table.rows[0]
    table.rows[3][grade] = table.rows[0][grade] == "3" ? "4" : "3"
    let file = folder.appendingPathComponent("twice.csv")
    let text = table.render()
    try text.write(to: file, atomically: true, encoding: .utf8)
    let lines = try CSVTable(text: text).lines
    let db = folder.appendingPathComponent("db.sqlite").path

    // Checked only: the reader remembers the ids and names the first line.
    let dryRun = try importFiles([file.path], db: db, cwd: folder, flags: ["--dry-run"])
    for repeated in [lines[2], lines[3]] {
      #expect(
        dryRun.stderr.contains(
          "twice.csv:\(repeated): error: response_id '\(table.rows[0][id])' was already used on line \(lines[0])"),
        "\(dryRun)")
    }
    // Stored: the database finds the repeats (the reader keeps no ids), the first row is kept.
    let run = try importFiles([file.path], db: db, cwd: folder)
    #expect(run.exitCode == 2, "\(run)")
    for repeated in [lines[2], lines[3]] {
      #expect(
        run.stderr.contains(
          "twice.csv:\(repeated): error: response_id '\(table.rows[0][id])' was already used on an earlier line of this file; row skipped"
        ), "\(run)")
    }
    #expect(ImportSummary(stdout: run.stdout) == ImportSummary(rows: 4, imported: 2, alreadyPresent: 0, rejected: 2))
    #expect(
      Set(try exportedIDs(questionnaire: "inwoners-melding", db: db, cwd: folder))
        == Set([0, 1].map { table.rows[$0][id] }))
    // Imported again: the stored rows and the identical repeat are already there (the repeat was reported the
    // first time; the database cannot tell it from a re-import of row 1), the changed repeat is a conflict.
    let again = try importFiles([file.path], db: db, cwd: folder)
    #expect(
      ImportSummary(stdout: again.stdout) == ImportSummary(rows: 4, imported: 0, alreadyPresent: 3, rejected: 1),
      "\(again)")
    #expect(
      again.stderr.contains(
        "twice.csv:\(lines[3]): error: response_id '\(table.rows[0][id])' is already stored with different answers"),
      "\(again)")
  }

  @Test func strictImportWithABadRowStoresNothing() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var table = try meldingSample(rows: 3)
    table.rows[1][try table.column("bereikbaarheid")] = "9"
    let file = folder.appendingPathComponent("bad.csv")
    let text = table.render()
    try text.write(to: file, atomically: true, encoding: .utf8)
    let badLine = try CSVTable(text: text).lines[1]
    let db = folder.appendingPathComponent("db.sqlite").path

    let run = try importFiles([file.path], db: db, cwd: folder, flags: ["--strict"])
    #expect(run.exitCode == 2, "\(run)")
    #expect(run.stderr.contains("bad.csv:\(badLine):"), "\(run)")
    #expect(run.stdout.contains("Nothing was stored"), "\(run)")
    #expect(try exportedIDs(questionnaire: "inwoners-melding", db: db, cwd: folder).isEmpty)
  }

  @Test func dryRunStoresNothing() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = responsesFolder.appendingPathComponent("2026/inwoners-melding.csv")
    let rows = try CSVTable(contentsOf: file).rows.count
    let db = folder.appendingPathComponent("db.sqlite").path

    let run = try importFiles([file.path], db: db, cwd: folder, flags: ["--dry-run"])
    #expect(run.exitCode == 0, "\(run)")
    // It says what an import would read in.
    #expect(run.stdout.contains("\(rows) rows: \(rows) readable, 0 rejected (a dry run stores nothing"), "\(run)")
    // A dry run does not even create the database file.
    #expect(!FileManager.default.fileExists(atPath: db))
    let out = folder.appendingPathComponent("out").path
    let export = try runTevredenProcess(["export", "--out", out, "--db", db], cwd: folder)
    #expect(export.exitCode != 0 && export.stderr.contains("there is no database"), "\(export)")

    // The same file without --dry-run does store every row: the dry run really was the only difference.
    let real = try importFiles([file.path], db: db, cwd: folder)
    #expect(real.exitCode == 0, "\(real)")
    #expect(try exportedIDs(questionnaire: "inwoners-melding", db: db, cwd: folder).count == rows)
  }

  @Test func exportByPeriodSplitsTheResponsesAndKeepsTheColumns() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    #expect(try importFiles([responsesFolder.path], db: db, cwd: folder).exitCode == 0)
    func export(_ flags: [String]) throws -> CSVTable {
      let run = try runTevredenProcess(
        ["export", "--questionnaire", "inwoners-melding", "--db", db] + flags, cwd: folder)
      #expect(run.exitCode == 0, "\(run)")
      return try CSVTable(text: run.stdout)
    }
    let all = try export([])
    let earlier = try export(["--period", "2025"])
    let later = try export(["--period", "2026"])
    let id = try all.column("response_id")
    #expect(!earlier.rows.isEmpty && !later.rows.isEmpty)
    #expect(earlier.header == all.header && later.header == all.header)
    #expect(Set(earlier.rows.map { $0[id] }).isDisjoint(with: later.rows.map { $0[id] }))
    #expect(earlier.rows.map { $0[id] } + later.rows.map { $0[id] } == all.rows.map { $0[id] })
    let none = try runTevredenProcess(
      ["export", "--questionnaire", "inwoners-melding", "--period", "2021", "--db", db], cwd: folder)
    #expect(none.exitCode == 1 && none.stderr.contains("no responses to inwoners-melding in 2021"), "\(none)")
  }

  @Test func anExportThatCannotBeWrittenLeavesNoPartialFile() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    #expect(try importFiles([responsesFolder.path], db: db, cwd: folder).exitCode == 0)
    // A folder where the file should go.
    let out = folder.appendingPathComponent("out")
    try FileManager.default.createDirectory(
      at: out.appendingPathComponent("inwoners-melding.csv"), withIntermediateDirectories: true)
    let run = try runTevredenProcess(["export", "--out", out.path, "--overwrite", "--db", db], cwd: folder)
    #expect(run.exitCode != 0, "\(run)")
    #expect(run.stderr.contains("inwoners-melding.csv: cannot write the file"), "\(run)")
    let left = try FileManager.default.contentsOfDirectory(atPath: out.path)
    #expect(!left.contains { $0.hasSuffix(".partial") }, "\(left)")
  }

  @Test func anExistingExportFileIsReplacedOnlyWithOverwrite() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let out = folder.appendingPathComponent("out")
    let first = try runTevredenProcess(["export", "--out", out.path, "--db", db], cwd: folder)
    try #require(first.exitCode == 0, "\(first)")
    let existing = out.appendingPathComponent("ketenpartners-politie.csv")
    try Data("eigen aantekeningen\n".utf8).write(to: existing)
    let before = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()

    let again = try runTevredenProcess(["export", "--out", out.path, "--db", db], cwd: folder)
    #expect(again.exitCode == 1, "\(again)")
    #expect(again.stderr.contains("already exists; pass --overwrite to replace it"), "\(again)")
    #expect(again.stderr.contains(".csv"), "the message names the file: \(again)")
    #expect(try Data(contentsOf: existing) == Data("eigen aantekeningen\n".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == before)

    let replaced = try runTevredenProcess(["export", "--out", out.path, "--overwrite", "--db", db], cwd: folder)
    #expect(replaced.exitCode == 0, "\(replaced)")
    #expect(try CSVTable(contentsOf: existing).header.first == "response_id")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == before)

    let usage = try runTevredenProcess(
      ["export", "--questionnaire", "inwoners-melding", "--overwrite", "--db", db], cwd: folder)
    #expect(usage.exitCode == 64, "\(usage)")
  }

  /// A questionnaire id from a database changed by hand never names a file outside `--out`.
  @Test func aQuestionnaireIdThatIsNotAPlainIdentifierIsRefusedOnExport() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let tampered = try DatabaseQueue(path: db)
    try tampered.write { db in
      // Both where the questionnaire id is stored: the definition's row and its text (schema v17 on, the responses
      // take it from there).
      try db.execute(
        sql: """
          UPDATE questionnaireSnapshot SET questionnaireID = '../../ontsnapt',
            definition = replace(definition, 'id: inwoners-melding', 'id: ../../ontsnapt')
          WHERE questionnaireID = 'inwoners-melding'
          """)
    }
    try tampered.close()
    let out = folder.appendingPathComponent("a/b/out")
    let run = try runTevredenProcess(["export", "--out", out.path, "--db", db], cwd: folder)
    #expect(run.exitCode == 1, "\(run)")
    #expect(run.stderr.contains("questionnaire id '../../ontsnapt' must use lower-case letters"), "\(run)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("a/ontsnapt.csv").path))
    #expect(!FileManager.default.fileExists(atPath: out.path), "nothing was written: \(run)")
  }

  @Test func personalDataColumnRefusesTheWholeFile() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var table = try meldingSample(rows: 3)
    table.header.append("email")
    table.rows = table.rows.enumerated().map { index, row in row + ["respondent\(index)@example.nl"] }
    let file = folder.appendingPathComponent("email.csv")
    try table.render().write(to: file, atomically: true, encoding: .utf8)
    let db = folder.appendingPathComponent("db.sqlite").path

    let run = try importFiles([file.path], db: db, cwd: folder)
    #expect(run.exitCode == 2, "\(run)")
    #expect(run.stderr.contains("email.csv:1:"), "\(run)")
    #expect(run.stderr.contains("'email'"), "\(run)")
    #expect(ImportSummary(stdout: run.stdout) == ImportSummary(rows: 3, imported: 0, alreadyPresent: 0, rejected: 3))
    #expect(try exportedIDs(questionnaire: "inwoners-melding", db: db, cwd: folder).isEmpty)
    // The address must not have reached the database file in any form.
    let bytes = try Data(contentsOf: URL(fileURLWithPath: db))
    #expect(bytes.range(of: Data("@example.nl".utf8)) == nil)
  }

  @Test func exportRoundTripsByteForByteThroughASecondDatabase() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try importExampleResponses(into: folder)
    let out1 = folder.appendingPathComponent("out1")
    let export1 = try runTevredenProcess(["export", "--out", out1.path, "--db", first], cwd: folder)
    #expect(export1.exitCode == 0, "\(export1)")
    let files = try csvFiles(under: out1)
    #expect(files == (try committedQuestionnaireIDs()).map { "\($0).csv" })
    #expect(try dataRowCount(under: out1) == (try dataRowCount(under: responsesFolder)))

    let second = folder.appendingPathComponent("second.sqlite").path
    let reimport = try runTevredenProcess(
      ["import", out1.path, "--db", second, "--questionnaires", questionnairesFolder.path], cwd: folder)
    #expect(reimport.exitCode == 0, "\(reimport)")
    let out2 = folder.appendingPathComponent("out2")
    let export2 = try runTevredenProcess(["export", "--out", out2.path, "--db", second], cwd: folder)
    #expect(export2.exitCode == 0, "\(export2)")

    #expect(try csvFiles(under: out2) == files)
    for file in files {
      let a = try Data(contentsOf: out1.appendingPathComponent(file))
      let b = try Data(contentsOf: out2.appendingPathComponent(file))
      #expect(a == b, "\(file) differs after the round trip")
    }
  }

  /// Remarks with Windows (CR LF), old Mac (CR) and Unix (LF) line breaks, quotes and outer spaces survive export
  /// and import unchanged: each was written quoted, so no reader splits its row.
  @Test func remarksWithLineBreaksQuotesAndSpacesSurviveExportAndImport() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let remarks = [
      "eerste regel\r\ntweede regel", "eerste regel\rtweede regel", "eerste regel\ntweede regel",
      "zij zei \"prima\", echt waar", "  spaties eromheen  ", "regel\r\n\r\nna een lege regel\r\n",
    ]
    var table = try meldingSample(rows: remarks.count)
    let remark = try table.column("opmerking")
    let id = try table.column("response_id")
    for (index, text) in remarks.enumerated() { table.rows[index][remark] = text }
    let expected = Dictionary(uniqueKeysWithValues: zip(table.rows.map { $0[id] }, remarks))
    let file = folder.appendingPathComponent("opmerkingen.csv")
    try Data(table.render().utf8).write(to: file)

    func storedRemarks(_ db: String) throws -> [String: String] {
      let store = try TevredenDatabase.open(atPath: db)
      var found: [String: String] = [:]
      for (response, _) in try store.responses() {
        if case .value(.text(let text))? = response.answers["opmerking"] { found[response.id.rawValue] = text }
      }
      return found
    }
    let first = folder.appendingPathComponent("first.sqlite").path
    let imported = try importFiles([file.path], db: first, cwd: folder)
    try #require(imported.exitCode == 0, "\(imported)")
    #expect(try storedRemarks(first) == expected)

    let out1 = folder.appendingPathComponent("out1")
    let export1 = try runTevredenProcess(["export", "--out", out1.path, "--db", first], cwd: folder)
    try #require(export1.exitCode == 0, "\(export1)")
    let exported = try CSVTable(contentsOf: out1.appendingPathComponent("inwoners-melding.csv"))
    #expect(exported.rows.count == remarks.count, "every response is one record")

    let second = folder.appendingPathComponent("second.sqlite").path
    let reimported = try importFiles([out1.path], db: second, cwd: folder)
    try #require(reimported.exitCode == 0, "\(reimported)")
    #expect(ImportSummary(stdout: reimported.stdout).imported == remarks.count, "\(reimported)")
    #expect(try storedRemarks(second) == expected)
    let out2 = folder.appendingPathComponent("out2")
    let export2 = try runTevredenProcess(["export", "--out", out2.path, "--db", second], cwd: folder)
    try #require(export2.exitCode == 0, "\(export2)")
    #expect(
      try Data(contentsOf: out1.appendingPathComponent("inwoners-melding.csv"))
        == Data(contentsOf: out2.appendingPathComponent("inwoners-melding.csv")))
  }

  @Test func exportOfOneQuestionnaireGoesToStandardOutput() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = responsesFolder.appendingPathComponent("2026/inwoners-melding.csv")
    let source = try CSVTable(contentsOf: file)
    let db = folder.appendingPathComponent("db.sqlite").path
    let imported = try importFiles([file.path], db: db, cwd: folder)
    try #require(imported.exitCode == 0, "\(imported)")

    let run = try runTevredenProcess(["export", "--questionnaire", "inwoners-melding", "--db", db], cwd: folder)
    #expect(run.exitCode == 0, "\(run)")
    #expect(run.stdout.hasPrefix("response_id,questionnaire,version,"), "\(run)")
    let exported = try CSVTable(text: run.stdout)
    let id = try exported.column("response_id")
    let sourceID = try source.column("response_id")
    #expect(Set(exported.rows.map { $0[id] }) == Set(source.rows.map { $0[sourceID] }))
    #expect(Set(exported.header) == Set(source.header))
  }

  @Test func exportWithoutQuestionnaireOrOutIsAUsageError() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let (exitCode, stdout, stderr) = try runTevreden(["export", "--db", db], cwd: folder)
    #expect(exitCode == 64, "\(stderr)")
    #expect(stdout.isEmpty)
    #expect(stderr.contains("--questionnaire") && stderr.contains("--out"), "\(stderr)")
  }

  /// An export opened and saved again by Dutch Excel: semicolons, `d-m-yyyy hh:mm` (the UTC clock, seconds
  /// dropped), decimal commas, Windows-1252 (or UTF-8 with a BOM).
  static func savedByDutchExcel(_ table: CSVTable, windows1252: Bool) throws -> Data {
    func excelTime(_ iso: String) -> String {
      // 2026-01-01T08:12:00Z → 1-1-2026 08:12
      let parts = iso.split(whereSeparator: { "-T:Z".contains($0) }).map(String.init)
      guard parts.count >= 5, let day = Int(parts[2]), let month = Int(parts[1]) else { return iso }
      return "\(day)-\(month)-\(parts[0]) \(parts[3]):\(parts[4])"
    }
    let times = Set(["started_at", "completed_at"].compactMap { table.header.firstIndex(of: $0) })
    let lines =
      ([table.header]
      + table.rows.map { row in
        row.enumerated().map { index, cell in
          if times.contains(index), !cell.isEmpty { return excelTime(cell) }
          if Double(cell) != nil, cell.contains(".") { return cell.replacingOccurrences(of: ".", with: ",") }
          return cell
        }
      }).map { fields in
        fields.map { field in
          field.contains(";") || field.contains("\"") || field.contains("\n") || field.contains("\r")
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ";")
      }
    let text = lines.joined(separator: "\r\n") + "\r\n"
    if windows1252, let data = text.data(using: .windowsCP1252) { return data }
    return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
  }

  @Test(arguments: [true, false])
  func anExportSavedByDutchExcelImportsAsTheSameResponses(windows1252: Bool) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let out = folder.appendingPathComponent("export")
    let export = try runTevredenProcess(["export", "--out", out.path, "--period", "2026", "--db", db], cwd: folder)
    #expect(export.exitCode == 0, "\(export)")
    let exported = try CSVTable(contentsOf: out.appendingPathComponent("inwoners-melding.csv"))
    let resaved = folder.appendingPathComponent("inwoners-melding-excel.csv")
    try Self.savedByDutchExcel(exported, windows1252: windows1252).write(to: resaved)

    // Back into the same database: every response is already there (the seconds Excel dropped do not matter).
    let again = try importFiles([resaved.path], db: db, cwd: folder)
    #expect(again.exitCode == 0, "\(again)")
    #expect(
      again.stdout.contains(
        "\(exported.rows.count) rows: 0 imported, \(exported.rows.count) already present, 0 rejected"), "\(again)")

    // Into a new database: the same responses, answers and days; times to the minute.
    let fresh = folder.appendingPathComponent("fresh.sqlite").path
    let stored = try importFiles([resaved.path], db: fresh, cwd: folder)
    #expect(stored.exitCode == 0, "\(stored)")
    func responses(_ path: String) throws -> [String: (Response, Int64?)] {
      let store = try TevredenDatabase.open(atPath: path)
      defer { store.close() }
      var byID: [String: (Response, Int64?)] = [:]
      for (response, _) in try store.responses(questionnaire: "inwoners-melding") {
        byID[response.id.rawValue] = (response, response.completedAt.map { Int64($0.timeIntervalSince1970) / 60 })
      }
      return byID
    }
    let original = try responses(db).filter { $0.value.0.collectedOn.year == 2026 }
    let roundTrip = try responses(fresh)
    #expect(Set(roundTrip.keys) == Set(original.keys) && roundTrip.count == exported.rows.count)
    for (id, (response, minute)) in roundTrip {
      guard let (before, minuteBefore) = original[id] else { continue }
      #expect(response.answers == before.answers, "\(id)")
      #expect(response.collectedOn == before.collectedOn && minute == minuteBefore, "\(id)")
      #expect(response.gemeente == before.gemeente && response.status == before.status, "\(id)")
    }
  }
}

extension ImportExportTests {
  /// `export --excel nl` writes what Dutch Excel opens right, and tevreden imports it back unchanged: the standard
  /// export of the database it was imported into is the original's, byte for byte (a decimal grade and open
  /// answers with formulas, semicolons and quotes included).
  @Test func theDutchExcelExportImportsBackUnchanged() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    // One more response with a decimal grade and a remark that needs quoting and the spreadsheet guard.
    var extra = try meldingSample(rows: 1)
    extra.rows[0][try extra.column("response_id")] = "excel-nl-1"
    extra.rows[0][try extra.column("cijfer")] = "7.5"
    extra.rows[0][try extra.column("opmerking")] = "=SOM(A1;A2) zei \"ze\"; dat is alles"
    let extraFile = folder.appendingPathComponent("extra.csv")
    try extra.render().write(to: extraFile, atomically: true, encoding: .utf8)
    let added = try importFiles([extraFile.path], db: db, cwd: folder)
    try #require(added.exitCode == 0, "\(added)")

    let dutch = folder.appendingPathComponent("excel")
    let written = try runTevredenProcess(["export", "--excel", "nl", "--out", dutch.path, "--db", db], cwd: folder)
    try #require(written.exitCode == 0, "\(written)")
    let melding = try Data(contentsOf: dutch.appendingPathComponent("inwoners-melding.csv"))
    #expect(melding.starts(with: [0xEF, 0xBB, 0xBF]), "a byte-order mark for Excel")
    let text = String(decoding: melding.dropFirst(3), as: UTF8.self)
    #expect(text.hasPrefix("response_id;questionnaire;version;"))
    let line = try #require(text.split(separator: "\r\n").first { $0.hasPrefix("excel-nl-1;") })
    #expect(line.contains(";7,5;"), "\(line)")
    #expect(line.contains("\"'=SOM(A1;A2) zei \"\"ze\"\"; dat is alles\""), "\(line)")
    #expect(line.range(of: #";\d\d-\d\d-\d{4} \d\d:\d\d:\d\d;"#, options: .regularExpression) != nil, "\(line)")

    let fresh = folder.appendingPathComponent("fresh.sqlite").path
    let back = try importFiles([dutch.path], db: fresh, cwd: folder)
    #expect(back.exitCode == 0 && !back.stdout.contains("rejected: "), "\(back)")
    for (source, name) in [(db, "a"), (fresh, "b")] {
      let run = try runTevredenProcess(
        ["export", "--out", folder.appendingPathComponent(name).path, "--db", source], cwd: folder)
      try #require(run.exitCode == 0, "\(run)")
    }
    for file in try csvFiles(under: folder.appendingPathComponent("a")) {
      let a = try Data(contentsOf: folder.appendingPathComponent("a/\(file)"))
      let b = try Data(contentsOf: folder.appendingPathComponent("b/\(file)"))
      #expect(a == b, "\(file) differs after the Dutch Excel round trip")
    }
  }
}
