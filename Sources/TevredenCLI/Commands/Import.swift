import ArgumentParser
import Foundation
import TevredenCore

extension TevredenCommand {
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Import responses from tevreden exchange CSV files.",
      discussion: """
        Reads files or folders (every .csv below them). Each file's valid rows are stored in one transaction; \
        every rejected row is reported with its line and reason. Importing the same file again adds nothing twice.
        """)

    @Argument(help: "CSV files or folders to import.")
    var paths: [String] = ["Responses"]

    @Flag(help: "Read and check everything, store nothing.")
    var dryRun = false

    @Flag(help: "Store nothing if any row is rejected.")
    var strict = false

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var definitions: QuestionnaireOptions

    func run() throws {
      let catalog = try definitions.loadCatalog()
      let runner = ImportRunner(database: try database.open(), catalog: catalog, isDryRun: dryRun, isStrict: strict)
      let reports = try runner.run(try ImportRunner.csvFiles(in: paths))
      try Self.present(reports, dryRun: dryRun, strict: strict)
    }

    /// Prints per-file summaries (stdout) and diagnostics (stderr); exits 2 when rows were rejected.
    static func present(_ reports: [ImportRunner.FileReport], dryRun: Bool, strict: Bool) throws {
      for report in reports {
        for diagnostic in report.diagnostics { printError(diagnostic.description) }
        print(report.summary)
      }
      let rejected = reports.map(\.rejected).reduce(0, +)
      let inserted = reports.map(\.inserted).reduce(0, +)
      if dryRun {
        print("Dry run: nothing was stored.")
      } else if strict && rejected > 0 {
        print("Nothing was stored (--strict): fix the rejected rows and import again.")
      } else {
        print("Stored \(inserted) new response\(inserted == 1 ? "" : "s").")
      }
      if rejected > 0 { throw ExitCode.rejectedInput }
    }
  }
}
