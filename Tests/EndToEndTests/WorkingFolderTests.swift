import Foundation
import GRDB
import Testing
import TevredenCore
import TevredenStore
import TevredenTestSupport

/// A region's use of tevreden away from the source checkout: `tevreden init`, then every command from inside the
/// working folder, through `TEVREDEN_HOME`, or with only a database file.
@Suite struct WorkingFolderTests {
  /// No inherited setting may point a test at another folder or database.
  static let clean = ["TEVREDEN_HOME": "", "TEVREDEN_DB": ""]

  func run(_ args: [String], in folder: URL, stdin: String? = nil, env: [String: String] = [:]) throws -> TevredenRun {
    try runTevredenProcess(args, cwd: folder, stdin: stdin, env: Self.clean.merging(env) { _, new in new })
  }

  /// Copies example exchange files into `folder`, as exports a region would bring.
  func copyExamples(_ names: [String], year: Int = 2026, into folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for name in names {
      try FileManager.default.copyItem(
        at: responsesFolder.appendingPathComponent("\(year)/\(name)"), to: folder.appendingPathComponent(name))
    }
  }

  @Test func theWholeFlowRunsInAWorkingFolderOutsideTheCheckout() throws {
    let outside = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: outside) }
    let made = try run(["init", "regio"], in: outside)
    #expect(made.exitCode == 0, "\(made)")
    let regio = outside.appendingPathComponent("regio")
    let database = regio.appendingPathComponent("tevreden.sqlite")
    let attributes = try FileManager.default.attributesOfItem(atPath: database.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    #expect(FileManager.default.fileExists(atPath: regio.appendingPathComponent("Questionnaires/indicators.yaml").path))

    // Everything from a folder inside the working folder, with no --db and no --questionnaires.
    let exports = regio.appendingPathComponent("exports/2026")
    try copyExamples(["inwoners-melding.csv", "ketenpartners-politie.csv"], into: exports)
    let interview = try run(
      ["interview", "inwoners-melding", "--interviewer", "AB12", "--gemeente", "Hoorn"], in: exports,
      stdin: InterviewScript.meldingWithChildren.stdin)
    #expect(interview.exitCode == 0, "\(interview)")
    let imported = try run(["import", "inwoners-melding.csv", "ketenpartners-politie.csv"], in: exports)
    #expect(imported.exitCode == 0, "\(imported)")
    #expect(imported.stdout.contains("Stored 151 new responses."), "\(imported)")
    let score = try run(["score", "--period", "2026"], in: exports)
    #expect(score.exitCode == 0, "\(score)")
    #expect(score.stdout.contains("PI 5") && score.stdout.contains("PI 6"), "\(score)")
    let report = try run(["report", "--period", "2026", "--out", "burap.html"], in: exports)
    #expect(report.exitCode == 0, "\(report)")
    #expect(FileManager.default.fileExists(atPath: exports.appendingPathComponent("burap.html").path))
    #expect(try TevredenDatabase.open(atPath: database.path).responseCount() == 152)

    // Outside the working folder nothing is found, and nothing is created.
    let lost = try run(["score", "--period", "2026"], in: outside)
    #expect(lost.exitCode == 1, "\(lost)")
    #expect(lost.stderr.contains("no tevreden working folder here"), "\(lost)")
    let stray = try run(["interview", "inwoners-melding", "--interviewer", "AB12"], in: outside, stdin: "")
    #expect(stray.exitCode == 1, "\(stray)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path) == ["regio"])

    // TEVREDEN_HOME names it from anywhere; a database alone is enough for the figures.
    let home = try run(["score", "--period", "2026"], in: outside, env: ["TEVREDEN_HOME": regio.path])
    #expect(home.exitCode == 0, "\(home)")
    #expect(home.stdout == score.stdout)
    let alone = try run(["score", "--period", "2026", "--db", database.path], in: outside)
    #expect(alone.exitCode == 0, "\(alone)")
    #expect(alone.stdout == score.stdout, "the norms come from the copy of indicators.yaml the database keeps")
    let markdown = try run(["report", "--period", "2026", "--db", database.path, "--format", "md"], in: outside)
    #expect(markdown.exitCode == 0, "\(markdown)")
    let wrongHome = try run(["score"], in: outside, env: ["TEVREDEN_HOME": exports.path])
    #expect(wrongHome.exitCode == 1 && wrongHome.stderr.contains("is not a tevreden working folder"), "\(wrongHome)")
  }

  @Test func theDemoRunsAnywhereOnTheBuiltInExamples() throws {
    let outside = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: outside) }
    let anywhere = try run(["demo"], in: outside)
    #expect(anywhere.exitCode == 0, "\(anywhere)")
    #expect(anywhere.stdout.contains("PI 5") && anywhere.stdout.contains("Verzonnen voorbeeldgegevens"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty, "the demo leaves nothing behind")
    // The committed Responses/ folder holds the same examples: importing it gives the same table.
    let fromFiles = try run(["demo", "--responses", responsesFolder.path], in: outside)
    #expect(fromFiles.exitCode == 0, "\(fromFiles)")
    let table = { (run: TevredenRun) in run.stdout.split(separator: "\n").dropFirst(2).joined(separator: "\n") }
    #expect(table(fromFiles) == table(anywhere))
  }

  @Test func anInterviewThatCannotStartSaysWhyAndStoresNothing() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try run(["init"], in: folder).exitCode == 0)
    let unknown = try run(["interview", "inwoners-mld", "--interviewer", "AB12"], in: folder, stdin: "ja\n")
    #expect(unknown.exitCode == 1, "\(unknown)")
    #expect(unknown.stderr.contains("there is no questionnaire 'inwoners-mld'; choose one of: "), "\(unknown)")
    let elsewhere = try run(
      ["interview", "inwoners-melding", "--interviewer", "AB12", "--gemeente", "Utrecht"], in: folder, stdin: "ja\n")
    #expect(elsewhere.exitCode == 1, "\(elsewhere)")
    #expect(elsewhere.stderr.contains("gemeente 'Utrecht' is not one of the region's municipalities"), "\(elsewhere)")
    let store = try TevredenDatabase.open(atPath: folder.appendingPathComponent("tevreden.sqlite").path)
    #expect(try store.responseCount() == 0)
    // Nor does it create a database that --db names.
    let named = try run(
      ["interview", "inwoners-melding", "--interviewer", "AB12", "--gemeente", "Utrecht", "--db", "nieuw.sqlite"],
      in: folder, stdin: "ja\n")
    #expect(named.exitCode == 1, "\(named)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("nieuw.sqlite").path))
  }

  @Test func importWithoutFilesRefusesAndNamesWhatToPass() throws {
    let outside = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: outside) }
    #expect(try run(["init"], in: outside).exitCode == 0)
    let refused = try run(["import"], in: outside)
    #expect(refused.exitCode == 64, "\(refused)")
    #expect(refused.stderr.contains("name the files or folders to import"), "\(refused)")
    #expect(refused.stderr.contains("only for 'tevreden demo'"), "\(refused)")
    let store = try TevredenDatabase.open(atPath: outside.appendingPathComponent("tevreden.sqlite").path)
    #expect(try store.responseCount() == 0)
    #expect(try store.importBatches().isEmpty)
    let again = try run(["init"], in: outside)
    #expect(again.exitCode == 1 && again.stderr.contains("never overwrites"), "\(again)")
  }

  @Test func undoingABatchRestoresTheDatabaseExactly() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try run(["init"], in: folder).exitCode == 0)
    try copyExamples(["inwoners-melding.csv"], into: folder.appendingPathComponent("a"))
    try copyExamples(["inwoners-melding.csv", "ketenpartners-rvdk.csv"], into: folder.appendingPathComponent("b"))
    #expect(try run(["import", "a"], in: folder).exitCode == 0)
    let interview = try run(
      ["interview", "inwoners-melding", "--interviewer", "AB12"], in: folder,
      stdin: InterviewScript.meldingWithChildren.stdin)
    #expect(interview.exitCode == 0, "\(interview)")
    let path = folder.appendingPathComponent("tevreden.sqlite").path
    let before = try dump(path)

    // Batch 2 finds every melding response already stored; batch 3 stores new ones with a new definition.
    let second = try run(["import", "b"], in: folder)
    #expect(second.exitCode == 0, "\(second)")
    let listed = try run(["imports", "--format", "csv"], in: folder)
    let rows = listed.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    #expect(rows.count == 4, "\(listed)")
    #expect(
      rows.dropFirst().map { String($0[2]) } == [
        "inwoners-melding.csv", "inwoners-melding.csv", "ketenpartners-rvdk.csv",
      ])
    #expect(rows.dropFirst().map { String($0[4]) } == ["95", "0", "55"])
    #expect(try dump(path) != before)

    let undone = try run(["import", "--undo", "3"], in: folder)
    #expect(undone.exitCode == 0, "\(undone)")
    #expect(undone.stdout.contains("55 responses removed"), "\(undone)")
    #expect(try run(["import", "--undo", "2"], in: folder).stdout.contains("0 responses removed"))
    #expect(try dump(path) == before, "the data is as it was before the batches")

    let table = try run(["imports"], in: folder)
    #expect(table.stdout.split(separator: "\n").filter { $0.contains("ketenpartners-rvdk.csv") }.count == 1)
    let log = try TevredenDatabase.open(atPath: path).changeLog()
    #expect(log.map(\.action) == ["undo-import", "undo-import"])
    #expect(log.first?.detail.contains("batch 3 (ketenpartners-rvdk.csv") == true)
    let twice = try run(["import", "--undo", "3"], in: folder)
    #expect(twice.exitCode == 1 && twice.stderr.contains("was already undone"), "\(twice)")
    let unknown = try run(["import", "--undo", "9"], in: folder)
    #expect(unknown.exitCode == 1 && unknown.stderr.contains("there is no import batch 9"), "\(unknown)")
    #expect(try dump(path) == before)
  }

  /// Every row of the tables that hold data, in order: what an undo must put back. The bookkeeping tables (the
  /// batches, the change log, the kept settings, SQLite's sequence and the largest response id handed out, the
  /// migration list, and the item numbers, which like row ids are handed out once and kept) are left out.
  func dump(_ path: String) throws -> [String] {
    let queue = try DatabaseQueue(path: path)
    return try queue.read { db in
      let tables = try String.fetchAll(
        db,
        sql: """
          SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
            AND name NOT IN ('importBatch', 'changeLog', 'setting', 'grdb_migrations', 'item', 'responseIdFloor')
            ORDER BY name
          """)
      #expect(
        tables == [
          "contactOutcome", "interview", "interviewEvent", "questionnaireSnapshot", "remarkReview", "response",
          "responseRevision",
        ])
      return try tables.flatMap { table in
        try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table): \($0)" }.sorted()
      }
    }
  }
}
