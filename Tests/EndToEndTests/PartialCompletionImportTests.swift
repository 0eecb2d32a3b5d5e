import Foundation
import Testing
import TevredenCore
import TevredenStore
import TevredenTestSupport

/// `tevreden import` of two Qualtrics exports of one survey, the first taken while a respondent was still busy
/// (`Finished` False), the second after they finished: the response is completed in place, counted, exported,
/// and `import --undo` of the second export puts the partial back.
@Suite struct PartialCompletionImportTests {
  static let qualtrics = packageRoot.appendingPathComponent(
    "Tests/EndToEndTests/PlatformExports/qualtrics-inwoners-melding.csv")

  func run(_ arguments: [String], db: String, in folder: URL) throws -> TevredenRun {
    try runTevredenProcess(arguments + ["--db", db, "--questionnaires", questionnairesFolder.path], cwd: folder)
  }

  func importing(_ file: URL, db: String, in folder: URL) throws -> TevredenRun {
    try run(["import", file.path], db: db, in: folder)
  }

  /// The export of inwoners-melding, by response id.
  func exported(db: String, in folder: URL) throws -> [String: [String: String]] {
    let export = try runTevredenProcess(["export", "--questionnaire", "inwoners-melding", "--db", db], cwd: folder)
    try #require(export.exitCode == 0, "\(export)")
    let table = try CSVTable(text: export.stdout)
    let id = try table.column("response_id")
    return Dictionary(
      uniqueKeysWithValues: table.rows.map { row in
        (row[id], Dictionary(uniqueKeysWithValues: zip(table.header, row)))
      })
  }

  /// The number of grades counted for pi5 in 2026 (`score`'s `n`).
  func scored(db: String, in folder: URL) throws -> String {
    let score = try run(["score", "--period", "2026", "--format", "csv"], db: db, in: folder)
    try #require(score.exitCode == 0, "\(score)")
    let table = try CSVTable(text: score.stdout)
    let (indicator, rowType, n) = (try table.column("indicator"), try table.column("row_type"), try table.column("n"))
    return try #require(table.rows.first { $0[indicator] == "pi5" && $0[rowType] == "indicator" })[n]
  }

  @Test func aResponseFinishedAfterTheFirstExportIsCompletedByTheSecondAndItsUndoPutsThePartialBack() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("tevreden.sqlite").path
    // Given the first export: two finished responses and R_3 unfinished (its three header rows, no bad row; CRLF
    // line ends as Qualtrics writes them)
    let lines = try String(contentsOf: Self.qualtrics, encoding: .utf8).split(whereSeparator: \.isNewline).map(
      String.init)
    let partialRow = try #require(lines.first { $0.contains(",R_3cCdEfGhIjKlMnO,") })
    #expect(partialRow.contains(",40,600,False,"))
    let first = folder.appendingPathComponent("export-maart.csv")
    try (lines.prefix(5) + [partialRow]).joined(separator: "\r\n").write(to: first, atomically: true, encoding: .utf8)
    // And the second export: the same, R_3 finished with the rest of its answers and a grade, and a new response
    let finishedRow = [
      "2026-03-06 11:00:00,2026-03-06 11:15:00,0,192.168.1.20,100,900,True,2026-03-06 11:15:00,R_3cCdEfGhIjKlMnO",
      "Jansen,Piet,piet.jansen@example.nl,dossier-4711,52.64,5.06,anonymous,NL,Ja,Iemand anders,Nee,Ontevreden",
      "Tevreden,Mee eens,Mee eens,,Mee eens,Mee eens,Mee eens,Helemaal mee eens,,,6,,Hoorn",
    ].joined(separator: ",")
    let newRow = lines[3].replacingOccurrences(of: "R_1aAbCdEfGhIjKlM", with: "R_5eEfGhIjKlMnOpQ")
      .replacingOccurrences(of: "2026-03-02", with: "2026-03-09")
    let second = folder.appendingPathComponent("export-april.csv")
    try (lines.prefix(5) + [finishedRow, newRow]).joined(separator: "\r\n")
      .write(to: second, atomically: true, encoding: .utf8)

    let stored = try importing(first, db: db, in: folder)
    #expect(stored.exitCode == 0, "\(stored)")
    #expect(stored.stdout.contains("export-maart.csv: 3 rows: 3 imported, 0 already present, 0 rejected"), "\(stored)")
    #expect(try scored(db: db, in: folder) == "2")
    let afterFirst = try exported(db: db, in: folder)
    #expect(afterFirst["qualtrics:R_3cCdEfGhIjKlMnO"]?["status"] == "partial")

    // When the second export is imported
    let completed = try importing(second, db: db, in: folder)
    // Then the finished response is reported as updated, not as a conflict
    #expect(completed.exitCode == 0, "\(completed)")
    #expect(
      completed.stdout.contains(
        "export-april.csv: 4 rows: 1 imported, 1 updated (was partial), 2 already present, 0 rejected"), "\(completed)")
    #expect(!completed.stderr.contains("already stored with different answers"), "\(completed)")
    // And the list of imports says so, in every format
    func imports(_ format: String) throws -> String {
      try runTevredenProcess(["imports", "--format", format, "--db", db], cwd: folder).stdout
    }
    let listed = try imports("csv")
    let batches = try CSVTable(text: listed)
    #expect(batches.header.last == "updated", "\(listed)")
    #expect(batches.rows.map { $0[batches.header.count - 1] } == ["0", "1"], "\(listed)")
    #expect(try imports("json").contains("\"updated\" : 1"))
    let table = try imports("table").split(separator: "\n")
    #expect(table.first?.contains("updated") == true && table.last?.contains(" 1 ") == true, "\(table)")
    // And it counts and is exported completed, with its start from the first export
    #expect(try scored(db: db, in: folder) == "4")
    let afterSecond = try exported(db: db, in: folder)
    let finished = try #require(afterSecond["qualtrics:R_3cCdEfGhIjKlMnO"])
    #expect(finished["status"] == "completed")
    #expect(finished["cijfer"] == "6")
    #expect(finished["started_at"] == afterFirst["qualtrics:R_3cCdEfGhIjKlMnO"]?["started_at"])
    #expect(finished["completed_at"] == "2026-03-06T10:15:00Z")
    #expect(afterSecond.count == 4)

    // When the first export is imported again after it, its unfinished R_3 is already present
    let older = try importing(first, db: db, in: folder)
    #expect(older.exitCode == 0, "\(older)")
    #expect(older.stdout.contains("export-maart.csv: 3 rows: 0 imported, 3 already present, 0 rejected"), "\(older)")
    #expect(try exported(db: db, in: folder) == afterSecond)

    // The first batch cannot be undone while the second has completed one of its responses
    let refused = try run(["import", "--undo", "1"], db: db, in: folder)
    #expect(refused.exitCode == 1, "\(refused)")
    #expect(refused.stderr.contains("import batch 1 cannot be undone yet: later import batch 2"), "\(refused)")
    #expect(try exported(db: db, in: folder) == afterSecond)
    // Undoing the second removes its new response and puts the partial back as the first export stored it
    let undone = try run(["import", "--undo", "2"], db: db, in: folder)
    #expect(undone.exitCode == 0, "\(undone)")
    #expect(
      undone.stdout.contains("undone: 1 response removed, 1 response it had updated set back to partial"),
      "\(undone)")
    #expect(try exported(db: db, in: folder) == afterFirst)
    #expect(try scored(db: db, in: folder) == "2")
    let log = try TevredenDatabase.open(atPath: db).changeLog().map(\.action)
    #expect(log == ["import-update", "undo-import"])
    // And then the first one can be undone too
    let all = try run(["import", "--undo", "1"], db: db, in: folder)
    #expect(all.exitCode == 0 && all.stdout.contains("3 responses removed"), "\(all)")
  }
}
