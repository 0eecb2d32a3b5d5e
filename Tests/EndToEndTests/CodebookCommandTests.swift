import Foundation
import Testing
import TevredenCore
import TevredenTestSupport

/// `tevreden codebook`: every column of every export file described, in the export's order; versions from the
/// database beside those in the definitions folder; clear messages for what it cannot describe.
@Suite struct CodebookCommandTests {
  /// The columns the codebook CSV describes for one questionnaire, in order.
  private func describedColumns(_ csv: String, questionnaire: String) throws -> [String] {
    let table = try CSVTable(text: csv)
    let (id, column) = (try table.column("questionnaire"), try table.column("column"))
    var columns: [String] = []
    for row in table.rows where row[id] == questionnaire && columns.last != row[column] {
      columns.append(row[column])
    }
    return columns
  }

  @Test func everyExportColumnIsDescribedInItsOrder() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let out = folder.appendingPathComponent("export")
    let export = try runTevredenProcess(["export", "--out", out.path, "--db", db], cwd: folder)
    try #require(export.exitCode == 0, "\(export)")
    let run = try runTevredenProcess(
      ["codebook", "--format", "csv", "--db", db, "--questionnaires", questionnairesFolder.path], cwd: folder)
    try #require(run.exitCode == 0, "\(run)")
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".csv") }
    #expect(files.count >= 2)
    for file in files {
      let header = try CSVTable(contentsOf: out.appendingPathComponent(file)).header
      #expect(try describedColumns(run.stdout, questionnaire: String(file.dropLast(4))) == header, "\(file)")
    }
    // Every committed definition has a codebook, with or without responses.
    let markdown = try runTevredenProcess(
      ["codebook", "--db", db, "--questionnaires", questionnairesFolder.path], cwd: folder)
    #expect(markdown.exitCode == 0, "\(markdown)")
    for id in try committedQuestionnaireIDs() { #expect(markdown.stdout.contains("(`\(id)`)"), "\(id)") }
  }

  /// A questionnaire changed after responses were stored: the codebook covers the stored version and the new one,
  /// with the question's earlier wording.
  @Test func aStoredOlderVersionIsDescribedBesideTheNewOne() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let edited = folder.appendingPathComponent("Questionnaires")
    try FileManager.default.copyItem(at: questionnairesFolder, to: edited)
    let file = edited.appendingPathComponent("inwoners-melding.yaml")
    var text = try String(contentsOf: file, encoding: .utf8)
    let stored = try #require(text.firstMatch(of: /\nversion: (\d+)\n/).flatMap { Int($0.1) })
    text = text.replacingOccurrences(of: "\nversion: \(stored)\n", with: "\nversion: \(stored + 1)\n")
    let oldText = "Hoe tevreden bent u over hoe de medewerker van Veilig Thuis met u omging?"
    #expect(text.contains(oldText))
    text = text.replacingOccurrences(of: oldText, with: "Hoe ging de medewerker van Veilig Thuis met u om?")
    try text.write(to: file, atomically: true, encoding: .utf8)

    let run = try runTevredenProcess(
      ["codebook", "--questionnaire", "inwoners-melding", "--db", db, "--questionnaires", edited.path], cwd: folder)
    try #require(run.exitCode == 0, "\(run)")
    // Version 2 is in the database (the 2025 examples) and in the folder's versions/; the text it shares with
    // version 3 is named once, at the first version that asked it.
    #expect(run.stdout.contains("Versies 2, \(stored) en \(stored + 1)"), "\(run)")
    #expect(run.stdout.contains("Hoe ging de medewerker van Veilig Thuis met u om?<br>(versie 2: \(oldText))"))
    // A scale whose labels changed says what each value meant in the versions before.
    #expect(
      run.stdout.contains(
        "4 = Goed; 5 = Heel goed<br>(versie 2: 1 = Helemaal niet mee eens; 2 = Niet mee eens; "
          + "3 = Niet mee eens en niet mee oneens; 4 = Mee eens; 5 = Helemaal mee eens)"), "\(run)")
    #expect(!run.stdout.contains("# Codeboek: Wat vond u van Veilig Thuis? (advies"), "only the one asked for")
  }

  @Test func whatCannotBeDescribedIsSaid() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let unknown = try runTevredenProcess(
      ["codebook", "--questionnaire", "inwoners-onbekend", "--questionnaires", questionnairesFolder.path], cwd: folder)
    #expect(unknown.exitCode == 1)
    #expect(unknown.stderr.contains("there is no questionnaire 'inwoners-onbekend'; choose one of:"), "\(unknown)")
    #expect(unknown.stderr.contains("inwoners-melding"), "\(unknown)")

    let nowhere = try runTevredenProcess(["codebook"], cwd: folder, env: ["TEVREDEN_HOME": "", "TEVREDEN_DB": ""])
    #expect(nowhere.exitCode != 0)
    #expect(nowhere.stderr.contains("no tevreden working folder"), "\(nowhere)")

    let missing = folder.appendingPathComponent("geen.sqlite").path
    let noDatabase = try runTevredenProcess(["codebook", "--db", missing], cwd: folder)
    #expect(noDatabase.exitCode != 0)
    #expect(noDatabase.stderr.contains("geen.sqlite"), "\(noDatabase)")
    #expect(!FileManager.default.fileExists(atPath: missing), "a codebook never creates a database")
  }
}
