import ArgumentParser
import Foundation
import TevredenCore

extension TevredenCommand {
  struct GenerateExamples: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "generate-examples",
      abstract: "Regenerate the synthetic example responses in Responses/ (for maintainers).",
      discussion: """
        Writes Responses/<year>/<questionnaire>.csv for 2025 and 2026 from the definitions, with a fixed seed: the \
        same definitions and seed always give the same files. Run it after changing a questionnaire.
        """)

    @Option(help: "The folder to write into.")
    var out: String = "Responses"

    @Option(help: "The random seed.")
    var seed: UInt64 = ExampleData.defaultSeed

    @OptionGroup var definitions: QuestionnaireOptions

    func run() throws {
      let catalog = try definitions.loadCatalog()
      for file in ExampleData.files(catalog: catalog, seed: seed) {
        let url = URL(fileURLWithPath: out).appendingPathComponent(file.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(file.csv.utf8).write(to: url)
        print("wrote \(url.relativePathForMessages) (\(file.count) responses)")
      }
    }
  }
}
