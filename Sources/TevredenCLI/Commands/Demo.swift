import ArgumentParser
import Foundation
import TevredenCore
import TevredenReport
import TevredenStore

extension TevredenCommand {
  struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Import the made-up example responses into a fresh database and show the PI 5/6 table.",
      discussion: """
        Works anywhere, also without the source checkout: the example responses (2025 and 2026, every respondent \
        group, no real respondents) are made from the built-in questionnaires with a fixed seed, the same as the \
        files in the repository's Responses/ folder. The database is temporary and removed afterwards, unless --db \
        names a new file to keep. The demo never touches a working folder's database.
        """)

    @Option(help: ArgumentHelp("Keep the demo database in this new file (it must not exist yet).", valueName: "file"))
    var db: String?

    @Option(
      help: ArgumentHelp(
        "Import this folder of exchange CSV files instead of the built-in example responses.", valueName: "folder"),
      completion: .directory)
    var responses: String?

    @Option(help: "The period to show.")
    var period: String = "2026-T2"

    @Option(
      help: ArgumentHelp(
        "Use the definitions in this folder instead of the built-in ones.", valueName: "folder"),
      completion: .directory)
    var questionnaires: String?

    func validate() throws {
      try validatePeriodValue(period)
      if let db, FileManager.default.fileExists(atPath: db) {
        throw ValidationError("\(db) already exists; the demo only writes a fresh database. Choose another --db path.")
      }
    }

    func run() throws {
      let period = try parsePeriod(self.period)
      let catalog = try loadCatalog()
      guard let indicators = catalog.indicators else { throw CLIError.noIndicators }
      let temporaryFolder = try TemporaryFolder()
      defer { temporaryFolder.remove() }
      let responseFolder = try responses ?? writeExamples(of: catalog, into: temporaryFolder.url)
      let path = db ?? temporaryFolder.url.appendingPathComponent("demo.sqlite").path
      let database = try TevredenDatabase.open(atPath: path)
      defer { database.close() }
      if let text = catalog.indicatorsSource { try database.recordIndicators(text) }
      var runner = ImportRunner(database: database, catalog: catalog)
      runner.onDiagnostic = { printError($0.description) }
      let reports = try runner.run(try ImportRunner.csvFiles(in: [responseFolder]))
      let rows = reports.map(\.rowCount).reduce(0, +)
      let inserted = reports.map(\.inserted).reduce(0, +)
      print(
        "Verzonnen voorbeeldgegevens (geen echte respondenten) ingelezen: \(inserted) van \(rows) ingevulde vragenlijsten"
          + (responses.map { " uit \(reports.count) bestanden in \($0)/." } ?? " over 2025 en 2026."))
      print(
        db.map { "Database: \($0)" } ?? "Tijdelijke database (wordt na afloop verwijderd; bewaar met --db demo.sqlite)."
      )
      print("")
      let request = ScoreRequest(period: period, roleBasis: indicators.roleBasis)
      let card = try ScoreCard.build(
        request: request, indicators: indicators.countingEveryGroupAsRespondents,
        data: try database.scoreData(for: request))
      print(ScoreRenderer.render(card, as: .table, colours: colouredOutput()), terminator: "")
      if reports.contains(where: { $0.rejected > 0 }) { throw ExitCode.rejectedInput }
    }

    /// The definitions: `--questionnaires`, else the built-in ones (never a working folder's, which a region may
    /// have changed: the demo shows what tevreden ships).
    private func loadCatalog() throws -> Catalog {
      if questionnaires != nil {
        var options = QuestionnaireOptions()
        options.questionnaires = questionnaires
        return try options.loadCatalog()
      }
      let catalog = Catalog.parse(BundledDefinitions.sources.filter { $0.name.hasSuffix(".yaml") })
      guard !catalog.diagnostics.hasErrors else {
        throw CLIError.invalidDefinitions(catalog.diagnostics.filter { $0.severity == .error })
      }
      return catalog
    }

    /// Writes the example responses as exchange CSV files, as `generate-examples` does, and returns the folder.
    private func writeExamples(of catalog: Catalog, into folder: URL) throws -> String {
      let examples = folder.appendingPathComponent("Responses")
      for file in ExampleData.files(catalog: catalog) {
        let url = examples.appendingPathComponent(file.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(file.csv.utf8).write(to: url)
      }
      return examples.path
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
