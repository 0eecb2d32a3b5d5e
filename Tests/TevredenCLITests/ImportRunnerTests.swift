import Foundation
import GRDB
import Testing
import TevredenImport
import TevredenTestSupport

@testable import TevredenCLI
@testable import TevredenCore
@testable import TevredenStore

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

@Suite struct ImportRunnerTests {
  let catalog = Catalog.load(from: repositoryRoot.appendingPathComponent("Questionnaires"))

  func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tevreden-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func importsTheExampleDataAndExportsItBackUnchanged() throws {
    // Given the example data in a fresh database
    let database = try TevredenDatabase.inMemory()
    let files = try ImportRunner.csvFiles(in: [repositoryRoot.appendingPathComponent("Responses").path])
    #expect(files.count == 22)
    let reports = try ImportRunner(database: database, catalog: catalog).run(files)
    #expect(reports.allSatisfy { $0.rejected == 0 && $0.inserted == $0.rowCount })
    #expect(try database.responseCount() == reports.map(\.rowCount).reduce(0, +))
    // When it is exported per questionnaire
    let exported = try ExportBuilder.files(from: database, questionnaire: nil, period: nil)
    #expect(exported.count == 11)
    // Then each file holds exactly the rows of both example years (same text, sorted the same way)
    for file in exported {
      let originals = try ["2025", "2026"].map {
        try String(
          contentsOf: repositoryRoot.appendingPathComponent("Responses/\($0)/\(file.questionnaire).csv"),
          encoding: .utf8)
      }
      let originalRows = originals.flatMap { $0.split(separator: "\n").dropFirst() }
      let exportedLines = file.csv.split(separator: "\n")
      #expect(exportedLines.first == originals[0].split(separator: "\n").first)
      #expect(Array(exportedLines.dropFirst()) == originalRows)
    }
  }

  @Test func reImportingAddsNothingTwice() throws {
    let database = try TevredenDatabase.inMemory()
    let files = try ImportRunner.csvFiles(in: [repositoryRoot.appendingPathComponent("Responses/2025").path])
    let first = try ImportRunner(database: database, catalog: catalog).run(files)
    let second = try ImportRunner(database: database, catalog: catalog).run(files)
    #expect(second.map(\.inserted).reduce(0, +) == 0)
    #expect(second.map(\.duplicates) == first.map(\.inserted))
  }

  @Test func reImportingTimesWithFractionalSecondsFindsDuplicatesNotConflicts() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let original = try String(
      contentsOf: repositoryRoot.appendingPathComponent("Responses/2026/ketenpartners-rvdk.csv"), encoding: .utf8)
    // Platforms often write milliseconds: 2026-01-03T09:14:00.347Z.
    let withFractions = original.replacingOccurrences(
      of: #"T(\d\d:\d\d:\d\d)Z"#, with: "T$1.347Z", options: .regularExpression)
    #expect(withFractions != original)
    let file = dir.appendingPathComponent("rvdk.csv")
    try withFractions.write(to: file, atomically: true, encoding: .utf8)
    let database = try TevredenDatabase.inMemory()
    let first = try ImportRunner(database: database, catalog: catalog).run([file])
    let second = try ImportRunner(database: database, catalog: catalog).run([file])
    #expect(first[0].inserted == first[0].rowCount)
    #expect(second[0].duplicates == first[0].rowCount)
    #expect(second[0].rejected == 0)
  }

  @Test func dryRunAndStrictStoreNothing() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let good = try String(
      contentsOf: repositoryRoot.appendingPathComponent("Responses/2026/ketenpartners-politie.csv"), encoding: .utf8)
    var lines = good.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // Break the grade of the first data row: 12 is not a grade.
    var cells = lines[1].components(separatedBy: ",")
    let gradeColumn = try #require(lines[0].components(separatedBy: ",").firstIndex(of: "cijfer"))
    cells[gradeColumn] = "12"
    lines[1] = cells.joined(separator: ",")
    let file = dir.appendingPathComponent("politie.csv")
    try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)

    let database = try TevredenDatabase.inMemory()
    let dry = try ImportRunner(database: database, catalog: catalog, isDryRun: true).run([file])
    #expect(dry[0].rejected == 1)
    #expect(try database.responseCount() == 0)
    let strict = try ImportRunner(database: database, catalog: catalog, isStrict: true).run([file])
    #expect(strict[0].rejected == 1)
    #expect(try database.responseCount() == 0)
    // Without --strict the good rows are stored and the bad one reported with its line.
    let collected = CollectedDiagnostics()
    var runner = ImportRunner(database: database, catalog: catalog)
    runner.onDiagnostic = { collected.diagnostics.append($0) }
    let normal = try runner.run([file])
    #expect(normal[0].inserted == normal[0].rowCount - 1)
    #expect(collected.diagnostics.map(\.location.line) == [2])
    #expect(collected.diagnostics.first?.message.contains("item 'cijfer': \"12\" is not a grade from 1 to 10") == true)
  }

  @Test func aPartialResponseCompletedInALaterExportIsReportedAsUpdated() throws {
    // Given an export holding one response unfinished
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let lines = try String(
      contentsOf: repositoryRoot.appendingPathComponent("Responses/2026/ketenpartners-politie.csv"), encoding: .utf8
    ).split(separator: "\n").map(String.init)
    let partialRow = try #require(lines.first { $0.hasPrefix("ketenpartners-politie-2026-0046,") })
    #expect(partialRow.hasSuffix(",,partial,nl,nee,ja,zedenrecherche,ja,4,4,4,weigert,5,,,,,,,,"))
    let completedRow = partialRow.replacingOccurrences(
      of: ",,partial,nl,nee,ja,zedenrecherche,ja,4,4,4,weigert,5,,,,,,,,",
      with: ",2026-01-16T16:12:00Z,completed,nl,nee,ja,zedenrecherche,ja,4,4,4,weigert,5,4,4,ja,4,4,4,8,")
    let first = dir.appendingPathComponent("first.csv")
    let later = dir.appendingPathComponent("later.csv")
    let strictLater = dir.appendingPathComponent("later-with-a-bad-row.csv")
    try [lines[0], lines[1], partialRow].joined(separator: "\n").write(to: first, atomically: true, encoding: .utf8)
    // And a later export holding it finished, the other response again and a new one
    try [lines[0], lines[1], completedRow, lines[2]].joined(separator: "\n")
      .write(to: later, atomically: true, encoding: .utf8)
    try [lines[0], completedRow, lines[2].replacingOccurrences(of: ",completed,", with: ",klaar,")]
      .joined(separator: "\n").write(to: strictLater, atomically: true, encoding: .utf8)
    let database = try TevredenDatabase.inMemory()
    let id: Response.ID = "ketenpartners-politie-2026-0046"
    #expect(try ImportRunner(database: database, catalog: catalog).run([first])[0].inserted == 2)
    // When --strict rolls the later export back for a bad row, nothing is updated either
    let strict = try ImportRunner(database: database, catalog: catalog, isStrict: true).run([strictLater])
    #expect(strict[0].summary == "\(strictLater.path): 2 rows: 0 imported, 0 already present, 1 rejected")
    #expect(try database.response(id)?.status == .partial)
    // When the later export is imported
    let reports = try ImportRunner(database: database, catalog: catalog).run([later])
    // Then the summary counts the completed response apart from the new and the present ones
    #expect(
      reports[0].summary == "\(later.path): 3 rows: 1 imported, 1 updated (was partial), 1 already present, 0 rejected")
    #expect(reports[0].rejected == 0)
    let stored = try #require(try database.response(id))
    #expect(stored.status == .completed)
    #expect(stored.answers["cijfer"] == .value(.grade(8)))
    #expect(try database.responseCount() == 3)
    // And importing it again finds everything present
    let again = try ImportRunner(database: database, catalog: catalog).run([later])
    #expect(again[0].summary == "\(later.path): 3 rows: 0 imported, 3 already present, 0 rejected")
  }

  @Test func aRowWhoseIdSharesAStoredIdsKeyHashIsRejectedWithItsLine() throws {
    // Given a stored response, changed by hand to carry the key hash of the id on the next file's row (a real
    // pair is a chance of about 3 in 100 million among a million responses)
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let lines = try String(
      contentsOf: repositoryRoot.appendingPathComponent("Responses/2026/ketenpartners-politie.csv"), encoding: .utf8
    ).split(separator: "\n").map(String.init)
    let first = dir.appendingPathComponent("first.csv")
    let second = dir.appendingPathComponent("second.csv")
    try [lines[0], lines[1]].joined(separator: "\n").write(to: first, atomically: true, encoding: .utf8)
    try [lines[0], lines[2]].joined(separator: "\n").write(to: second, atomically: true, encoding: .utf8)
    let secondID = String(lines[2].prefix { $0 != "," })
    let queue = try DatabaseQueue()
    let database = try TevredenDatabase(queue)
    _ = try ImportRunner(database: database, catalog: catalog).run([first])
    try queue.write { db in
      try db.execute(sql: "UPDATE response SET keyHash = ?", arguments: [ResponseKeyHash.of(secondID)])
    }
    // When the next file is imported
    let collected = CollectedDiagnostics()
    var runner = ImportRunner(database: database, catalog: catalog)
    runner.onDiagnostic = { collected.diagnostics.append($0) }
    let reports = try runner.run([second])
    // Then its row is rejected with its line and the reason, and the stored response is kept alone
    #expect(reports[0].rejected == 1)
    #expect(reports[0].inserted == 0)
    #expect(collected.diagnostics.map(\.location.line) == [2])
    #expect(collected.diagnostics.first?.message.contains("'\(secondID)' has the same key hash as another") == true)
    #expect(try database.responseCount() == 1)
  }

  @Test func identicalRowsWithoutAnIdAreTwoRespondentsAndAReImportAddsNothing() throws {
    // Given a Google Forms export (no response id: the id is a hash of the row) in which two respondents gave
    // the same answers at the same moment, and a third answered differently
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let source = try String(
      contentsOf: repositoryRoot.appendingPathComponent(
        "Tests/EndToEndTests/PlatformExports/googleforms-ketenpartners-politie-semicolon-windows1252.csv"),
      encoding: .windowsCP1252
    ).split(whereSeparator: \.isNewline).map(String.init)
    func write(_ name: String, _ rows: [String]) throws -> URL {
      let url = dir.appendingPathComponent(name)
      try ([source[0]] + rows).joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
      return url
    }
    let twice = try write("twice.csv", [source[1], source[2], source[1]])
    let database = try TevredenDatabase.inMemory()
    var runner = ImportRunner(database: database, catalog: catalog)
    runner.settings.questionnaire = Questionnaire.ID(rawValue: "ketenpartners-politie")
    runner.settings.gemeente = "Alkmaar"
    // When it is imported
    let first = try runner.run([twice])
    // Then the identical rows are stored as two responses, the second numbered
    #expect(first[0].inserted == 3)
    #expect(first[0].duplicates == 0)
    let ids = try database.responses().map(\.0.id.rawValue)
    try #require(ids.count == 3, "\(first.map(\.summary))")
    #expect(ids[2] == ids[0] + "#2")
    // When the same file is imported again, nothing is added
    let again = try runner.run([twice])
    #expect(again[0].inserted == 0)
    #expect(again[0].duplicates == 3)
    #expect(again[0].rejected == 0)
    // When a later export repeats the row a third time, only the third is new
    let thrice = try write("thrice.csv", [source[1], source[1], source[2], source[1]])
    let later = try runner.run([thrice])
    #expect(later[0].inserted == 1)
    #expect(later[0].duplicates == 3)
    #expect(try database.responses().map(\.0.id.rawValue).last == ids[0] + "#3")
    // And an export holding the row once finds it present
    let once = try write("once.csv", [source[1]])
    #expect(try runner.run([once])[0].duplicates == 1)
    #expect(try database.responseCount() == 4)
  }

  @Test func rowsOfAnOlderVersionUseTheStoredDefinition() throws {
    // Given responses stored with version 2
    let database = try TevredenDatabase.inMemory()
    let files = try ImportRunner.csvFiles(in: [
      repositoryRoot.appendingPathComponent("Responses/2025/inwoners-melding.csv").path
    ])
    _ = try ImportRunner(database: database, catalog: catalog).run(files)
    // When the definition in the folder moves on to version 4, and the folder does not keep version 2
    var newer = catalog
    newer.editions = []
    let index = try #require(newer.questionnaires.firstIndex { $0.questionnaire.id == "inwoners-melding" })
    let source = newer.questionnaires[index].source.replacingOccurrences(of: "version: 3", with: "version: 4")
    let (loaded, diagnostics) = QuestionnaireLoader.parse(source, file: "inwoners-melding.yaml")
    #expect(!diagnostics.hasErrors)
    newer.questionnaires[index] = try #require(loaded)
    // Then an export of version-2 rows still imports into that database, against the stored version 2
    let exported = try #require(
      try ExportBuilder.files(from: database, questionnaire: "inwoners-melding", period: nil).first)
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("melding.csv")
    try exported.csv.write(to: file, atomically: true, encoding: .utf8)
    let second = try TevredenDatabase.inMemory()
    let report = try ImportRunner(database: second, catalog: newer).run([file])
    #expect(report[0].rejected == exported.count)  // a fresh database only knows version 4
    let again = try ImportRunner(database: database, catalog: newer).run([file])
    #expect(again[0].duplicates == exported.count)
    // And a folder that keeps version 2 (versions/) lets a fresh database read them, stored with version 2
    let third = try TevredenDatabase.inMemory()
    let kept = try ImportRunner(database: third, catalog: catalog).run([file])
    #expect(kept[0].rejected == 0)
    #expect(kept[0].inserted == exported.count)
    #expect(try third.responses().allSatisfy { $0.0.questionnaireVersion == 2 })
  }
}

/// Gathers the errors an import reports as it goes.
final class CollectedDiagnostics {
  var diagnostics: [Diagnostic] = []
}

@Suite struct ProgressBarTests {
  @Test func theLineShowsTheFileTheShareReadAndTheRows() {
    let progress = ImportProgress(
      fileIndex: 1, fileCount: 3, file: "Responses/x.csv", rows: 1_234_567, bytesRead: 250, fileSize: 1000)
    #expect(
      ProgressBar.line(for: progress, width: 8)
        == "importing Responses/x.csv (file 2 of 3) [##------] 25% 1,234,567 rows")
  }

  @Test func aWorkbookHasNoShareOnlyRows() {
    let progress = ImportProgress(
      fileIndex: 0, fileCount: 1, file: "forms.xlsx", rows: 999, bytesRead: nil, fileSize: 5000)
    #expect(ProgressBar.line(for: progress) == "importing forms.xlsx 999 rows")
  }

  @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (12_345, "12,345"), (1_000_000, "1,000,000")])
  func thousandsAreGrouped(number: Int, text: String) {
    #expect(ProgressBar.groupedThousands(number) == text)
  }
}
