import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore

/// The definitions built into the binary (for `tevreden init` and `tevreden demo` outside a checkout) are the
/// repository's `Questionnaires/` folder, byte for byte; `TEVREDEN_RECORD_BUNDLE=1 swift test --filter
/// BundledDefinitionsTests` writes them anew after a definition changed.
@Suite struct BundledDefinitionsTests {
  static let folder = repositoryRoot.appendingPathComponent("Questionnaires")
  static let generatedFile = repositoryRoot.appendingPathComponent("Sources/TevredenCore/BundledDefinitions.swift")

  /// The folder's files that a working folder gets: the definitions, `indicators.yaml`, the folder's README, and
  /// the earlier versions of the definitions in `versions/`.
  static func folderSources() throws -> [Catalog.Source] {
    let current = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".yaml") || $0 == "README.md" }.sorted()
    let earlier = try FileManager.default.contentsOfDirectory(
      atPath: folder.appendingPathComponent(Catalog.editionsFolderName).path
    ).filter { $0.hasSuffix(".yaml") }.sorted().map { "\(Catalog.editionsFolderName)/\($0)" }
    return try (current + earlier).map { name in
      Catalog.Source(
        path: "Questionnaires/\(name)",
        text: try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
    }
  }

  static func swiftSource(for sources: [Catalog.Source]) -> String {
    var lines = [
      "// Generated from Questionnaires/ by BundledDefinitionsTests (TEVREDEN_RECORD_BUNDLE=1); do not edit.",
      "",
      "/// The questionnaire definitions, `indicators.yaml` and the folder's README as tevreden ships them: what",
      "/// `tevreden init` writes into a new working folder and what `tevreden demo` runs on, so that neither needs",
      "/// the source checkout.",
      "public enum BundledDefinitions {",
      "  public static let sources: [Catalog.Source] = [",
    ]
    for source in sources {
      lines.append("    Catalog.Source(")
      lines.append("      path: \"\(source.path)\",")
      // A raw multi-line literal keeps every byte once the closing delimiter's indentation is taken off each
      // line; the empty last line gives the text's final newline.
      let indent = "        "
      lines.append("      text: #\"\"\"")
      lines.append(
        contentsOf: source.text.split(separator: "\n", omittingEmptySubsequences: false)
          .map { $0.isEmpty ? "" : indent + $0 })
      lines.append(indent + "\"\"\"#),")
    }
    lines.append("  ]")
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func theBuiltInDefinitionsAreTheQuestionnairesFolder() throws {
    let sources = try Self.folderSources()
    if ProcessInfo.processInfo.environment["TEVREDEN_RECORD_BUNDLE"] == "1" {
      try Self.swiftSource(for: sources).write(to: Self.generatedFile, atomically: true, encoding: .utf8)
    }
    #expect(
      BundledDefinitions.sources == sources,
      "Sources/TevredenCore/BundledDefinitions.swift is out of date: run TEVREDEN_RECORD_BUNDLE=1 swift test --filter BundledDefinitionsTests"
    )
  }

  @Test func theBuiltInDefinitionsLoadWithoutProblems() {
    let catalog = Catalog.parse(BundledDefinitions.sources.filter { $0.name != "README.md" })
    #expect(catalog.diagnostics.filter { $0.severity == .error } == [])
    #expect(catalog.questionnaires.count == 11)
    #expect(catalog.editions.count == 4)
    #expect(catalog.indicatorsSource != nil)
  }
}

@Suite struct CommittedExamplesTests {
  /// `Responses/` is what `tevreden demo` generates in memory; `tevreden generate-examples` rewrites it.
  @Test func theResponsesFolderIsWhatTheBuiltInDefinitionsGenerate() throws {
    let catalog = Catalog.parse(BundledDefinitions.sources.filter { $0.name.hasSuffix(".yaml") })
    let files = ExampleData.files(catalog: catalog)
    #expect(files.count == 22)
    for file in files {
      let committed = try String(
        contentsOf: repositoryRoot.appendingPathComponent("Responses").appendingPathComponent(file.path),
        encoding: .utf8)
      #expect(committed == file.csv, "Responses/\(file.path) differs: run tevreden generate-examples")
    }
  }
}
