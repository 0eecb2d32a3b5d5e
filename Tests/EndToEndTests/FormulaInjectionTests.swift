import Foundation
import Testing
import TevredenCore
import TevredenStore
import TevredenTestSupport

/// The formula-injection guard through the binary: an open answer that would run as a formula arrives neutralised in
/// the export and round-trips exactly through `export` → `import`; a file exported before the guard imports as
/// before; `imports --format csv` guards the file name.
@Suite struct FormulaInjectionTests {
  static let hyperlink = "=HYPERLINK(\"http://x\",\"klik\")"
  static let remarks = [
    hyperlink, "- niet goed geholpen", "+31 is het landnummer", "@naam bedankt", "'", "'=x", "''", "''-x",
    "'s avonds belde niemand", "gewoon goed",
  ]

  /// Exchange rows of the committed 2026 melding file with these remarks.
  static func meldingFile(remarks: [String]) throws -> CSVTable {
    var table = try CSVTable(contentsOf: responsesFolder.appendingPathComponent("2026/inwoners-melding.csv"))
    table.rows = Array(table.rows.prefix(remarks.count))
    let remark = try table.column("opmerking")
    for (index, text) in remarks.enumerated() { table.rows[index][remark] = text }
    return table
  }

  static func storedRemarks(_ db: String) throws -> [String: String] {
    let store = try TevredenDatabase.open(atPath: db)
    var found: [String: String] = [:]
    for (response, _) in try store.responses() {
      if case .value(.text(let text))? = response.answers["opmerking"] { found[response.id.rawValue] = text }
    }
    return found
  }

  static func importFile(_ path: String, db: String, cwd: URL) throws -> TevredenRun {
    try runTevredenProcess(["import", path, "--db", db, "--questionnaires", questionnairesFolder.path], cwd: cwd)
  }

  @Test func aFormulaArrivesNeutralisedAndRoundTripsThroughExportAndImport() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Written as tevreden now writes the exchange format, so that `'=x` is a text of its own.
    let table = try Self.meldingFile(remarks: Self.remarks.map(SpreadsheetGuard.guarded))
    let id = try table.column("response_id")
    let expected = Dictionary(uniqueKeysWithValues: zip(table.rows.map { $0[id] }, Self.remarks))
    let file = folder.appendingPathComponent("opmerkingen.csv")
    try Data(table.render().utf8).write(to: file)

    let first = folder.appendingPathComponent("first.sqlite").path
    let imported = try Self.importFile(file.path, db: first, cwd: folder)
    try #require(imported.exitCode == 0, "\(imported)")
    #expect(try Self.storedRemarks(first) == expected)

    let out1 = folder.appendingPathComponent("out1")
    let export1 = try runTevredenProcess(["export", "--out", out1.path, "--db", first], cwd: folder)
    try #require(export1.exitCode == 0, "\(export1)")
    let exportedFile = out1.appendingPathComponent("inwoners-melding.csv")
    let exported = try CSVTable(contentsOf: exportedFile)
    let remark = try exported.column("opmerking")
    let exportedID = try exported.column("response_id")
    for row in exported.rows {
      let original = try #require(expected[row[exportedID]])
      // What a spreadsheet sees: never a formula; what was there, with one `'` in front where needed.
      #expect(!["=", "+", "-", "@", "\t", "\r"].contains { row[remark].hasPrefix($0) }, "\(row[remark])")
      #expect(row[remark] == SpreadsheetGuard.guarded(original))
    }
    #expect(exported.rows.contains { $0[remark] == "'" + Self.hyperlink })
    #expect(exported.rows.contains { $0[remark] == "'s avonds belde niemand" })
    #expect(exported.rows.contains { $0[remark] == "''=x" })

    let second = folder.appendingPathComponent("second.sqlite").path
    let reimported = try Self.importFile(out1.path, db: second, cwd: folder)
    try #require(reimported.exitCode == 0, "\(reimported)")
    #expect(try Self.storedRemarks(second) == expected)
    let out2 = folder.appendingPathComponent("out2")
    let export2 = try runTevredenProcess(["export", "--out", out2.path, "--db", second], cwd: folder)
    try #require(export2.exitCode == 0, "\(export2)")
    #expect(try Data(contentsOf: exportedFile) == Data(contentsOf: out2.appendingPathComponent("inwoners-melding.csv")))
  }

  /// A file exported before the guard holds formula starts as they are: they import unchanged, and so does a text
  /// that starts with `'` (the Dutch `'s avonds`). Only a text that starts with `'`s followed by a formula
  /// character loses one `'`: the edge case the README names.
  @Test func anExportFromBeforeTheGuardImportsAsBefore() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let old = [Self.hyperlink, "- slecht", "+1", "@naam", "'s avonds", "'t was goed", "'", "''", "'=x"]
    let table = try Self.meldingFile(remarks: old)
    let id = try table.column("response_id")
    let file = folder.appendingPathComponent("oud.csv")
    // Written as the exchange format was before the guard: the texts as they are.
    try Data(table.render().utf8).write(to: file)
    let db = folder.appendingPathComponent("db.sqlite").path
    let imported = try Self.importFile(file.path, db: db, cwd: folder)
    try #require(imported.exitCode == 0, "\(imported)")
    var expected = Dictionary(uniqueKeysWithValues: zip(table.rows.map { $0[id] }, old))
    expected[table.rows[old.count - 1][id]] = "=x"
    #expect(try Self.storedRemarks(db) == expected)
  }

  @Test func theImportListGuardsAFileName() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("=1+2.csv")
    try Data(try Self.meldingFile(remarks: ["goed"]).render().utf8).write(to: file)
    let db = folder.appendingPathComponent("db.sqlite").path
    let imported = try Self.importFile(file.path, db: db, cwd: folder)
    try #require(imported.exitCode == 0, "\(imported)")
    let listed = try runTevredenProcess(["imports", "--db", db, "--format", "csv"], cwd: folder)
    try #require(listed.exitCode == 0, "\(listed)")
    let table = try CSVTable(text: listed.stdout)
    let name = try table.column("file")
    let new = try table.column("new")
    #expect(table.rows.first?[name].hasPrefix("'=1+2") == true, "\(listed.stdout)")
    #expect(table.rows.first?[new] == "1")
  }
}
