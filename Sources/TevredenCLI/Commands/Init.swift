import ArgumentParser
import Foundation
import TevredenCore
import TevredenStore

extension TevredenCommand {
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Make a working folder for a region: its questionnaires, indicators.yaml and database.",
      discussion: """
        Writes FOLDER/Questionnaires/ (the built-in questionnaire definitions, indicators.yaml with the norms per \
        year, and a README on the format) and an empty database FOLDER/tevreden.sqlite, readable by its owner only. \
        Every other command finds the folder again from FOLDER or any folder below it, or from anywhere when \
        TEVREDEN_HOME names it. Edit indicators.yaml for the region's municipalities and norms, then run \
        'tevreden check'. An existing working folder is never overwritten.
        """)

    @Argument(
      help: ArgumentHelp("The folder to make (default: the current folder).", valueName: "folder"),
      completion: .directory)
    var folder: String = "."

    func run() throws {
      let root = URL(fileURLWithPath: folder)
      // Everything is checked before anything is written: no half-made working folder.
      let catalog = Catalog.parse(BundledDefinitions.sources.filter { $0.name.hasSuffix(".yaml") })
      guard !catalog.diagnostics.hasErrors, let indicators = catalog.indicatorsSource else {
        throw CLIError.invalidDefinitions(catalog.diagnostics.filter { $0.severity == .error })
      }
      let workspace = try Workspace.create(at: root)
      let store = try TevredenDatabase.open(atPath: workspace.database.path)
      defer { store.close() }
      try store.recordIndicators(indicators)
      let shown = folder == "." ? "this folder" : folder
      print(
        """
        Made a tevreden working folder in \(shown):
          \(Workspace.questionnairesFolder)/    \(catalog.questionnaires.count) questionnaires and \(Catalog.indicatorFileName) (norms per year, municipalities)
          \(Workspace.databaseFile)   the database (readable by you only)

        Next: edit \(Workspace.questionnairesFolder)/\(Catalog.indicatorFileName) for the region, check it with 'tevreden check', then
        take interviews ('tevreden interview inwoners-melding --interviewer CODE') or import exports
        ('tevreden import export.csv') from this folder or any folder in it. Elsewhere, set
        TEVREDEN_HOME=\(workspace.root.path).
        """)
    }
  }
}
