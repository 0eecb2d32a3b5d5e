import ArgumentParser
import Foundation
import TevredenCore
import TevredenStore

extension TevredenCommand {
  struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Import the example responses into a fresh database and show the PI 5/6 table.",
      discussion: """
        Uses a temporary database that is removed afterwards, unless --db names a new file to keep. Run it from \
        the repository root, where Questionnaires/ and Responses/ are.
        """)

    @Option(help: "Keep the demo database in this new file (it must not exist yet).")
    var db: String?

    @Option(help: "The folder with example responses.")
    var responses: String = "Responses"

    @Option(help: "The period to show.")
    var period: String = "2026-T2"

    @OptionGroup var definitions: QuestionnaireOptions

    func validate() throws {
      if let db, FileManager.default.fileExists(atPath: db) {
        throw ValidationError("\(db) already exists; the demo only writes a fresh database. Choose another --db path.")
      }
    }

    func run() throws {
      let period = try parsePeriod(self.period)
      let catalog = try definitions.loadCatalog()
      let temporaryFolder = db == nil ? try TemporaryFolder() : nil
      defer { temporaryFolder?.remove() }
      let path = db ?? temporaryFolder.map { $0.url.appendingPathComponent("demo.sqlite").path } ?? "demo.sqlite"
      let database = try TevredenDatabase.open(atPath: path)
      let runner = ImportRunner(database: database, catalog: catalog)
      let reports = try runner.run(try ImportRunner.csvFiles(in: [responses]))
      let rows = reports.map(\.rowCount).reduce(0, +)
      let inserted = reports.map(\.inserted).reduce(0, +)
      for report in reports { for diagnostic in report.diagnostics { printError(diagnostic.description) } }
      print(
        "Verzonnen voorbeeldgegevens (geen echte respondenten) ingelezen: \(inserted) van \(rows) ingevulde vragenlijsten uit \(reports.count) bestanden in \(responses)/."
      )
      print(
        db.map { "Database: \($0)" } ?? "Tijdelijke database (wordt na afloop verwijderd; bewaar met --db demo.sqlite)."
      )
      print("")
      guard let indicators = catalog.indicators else {
        throw CLIError.missingIndicators(folder: definitions.questionnaires)
      }
      let card = try ScoreCard.build(
        request: ScoreRequest(period: period), indicators: indicators,
        data: try database.scoreData(for: ScoreRequest(period: period)))
      print(ScoreRenderer.render(card, as: .table, colours: colouredOutput()), terminator: "")
      if reports.contains(where: { $0.rejected > 0 }) { throw ExitCode.rejectedInput }
    }
  }
}

/// A private temporary folder, removed on request.
struct TemporaryFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("tevreden-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
  }

  func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}
