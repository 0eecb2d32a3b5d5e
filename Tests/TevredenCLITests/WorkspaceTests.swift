import Foundation
import Testing

@testable import TevredenCLI
@testable import TevredenCore

@Suite struct WorkspaceTests {
  /// A fresh folder outside the checkout, removed afterwards.
  func withFolder(_ body: (URL) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ws-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try body(folder.resolvingSymlinksInPath())
  }

  @Test func aNewWorkingFolderHoldsTheBuiltInDefinitionsAndIsFoundFromBelow() throws {
    try withFolder { folder in
      let root = folder.appendingPathComponent("regio")
      let made = try Workspace.create(at: root)
      let written = try FileManager.default.contentsOfDirectory(atPath: made.questionnaires.path).sorted()
      let current = BundledDefinitions.sources.filter { !$0.isEarlierVersion }.map(\.name)
      #expect(written == (current + [Catalog.editionsFolderName]).sorted())
      let kept = try FileManager.default.contentsOfDirectory(
        atPath: made.questionnaires.appendingPathComponent(Catalog.editionsFolderName).path)
      #expect(kept.sorted() == BundledDefinitions.sources.filter(\.isEarlierVersion).map(\.name).sorted())
      let indicators = try String(
        contentsOf: made.questionnaires.appendingPathComponent("indicators.yaml"), encoding: .utf8)
      #expect(indicators == BundledDefinitions.sources.first { $0.name == "indicators.yaml" }?.text)
      let deep = root.appendingPathComponent("exports/2026")
      try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
      #expect(try Workspace.current(environment: [:], from: deep)?.root.path == made.root.path)
      #expect(try Workspace.current(environment: [:], from: folder) == nil)
    }
  }

  @Test func theHomeVariableWinsAndMustNameAWorkingFolder() throws {
    try withFolder { folder in
      let home = try Workspace.create(at: folder.appendingPathComponent("home"))
      let elsewhere = try Workspace.create(at: folder.appendingPathComponent("elsewhere"))
      #expect(
        try Workspace.current(environment: ["TEVREDEN_HOME": home.root.path], from: elsewhere.root)?.root.path
          == home.root.path)
      let wrong = folder.appendingPathComponent("nothing").path
      #expect(throws: CLIError.notAWorkspace(wrong, variable: "TEVREDEN_HOME")) {
        try Workspace.current(environment: ["TEVREDEN_HOME": wrong], from: home.root)
      }
    }
  }

  @Test func anExistingWorkingFolderIsNeverOverwritten() throws {
    try withFolder { folder in
      let made = try Workspace.create(at: folder)
      let file = made.questionnaires.appendingPathComponent("indicators.yaml")
      try Data("region: Eigen regio\n".utf8).write(to: file)
      #expect(throws: CLIError.self) { try Workspace.create(at: folder) }
      #expect(try String(contentsOf: file, encoding: .utf8) == "region: Eigen regio\n")
      // A folder that has only a database is not made into a working folder over it either.
      let other = folder.appendingPathComponent("other")
      try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
      try Data().write(to: other.appendingPathComponent("tevreden.sqlite"))
      #expect(throws: CLIError.self) { try Workspace.create(at: other) }
      #expect(!FileManager.default.fileExists(atPath: other.appendingPathComponent("Questionnaires").path))
    }
  }

  @Test func completionOffersTheQuestionnairesOfTheFolderNamed() throws {
    try withFolder { folder in
      let made = try Workspace.create(at: folder)
      let offered = questionnaireCompletions(
        ["tevreden", "interview", "--questionnaires", made.questionnaires.path, "inwoners-m"], 4, "inwoners-m")
      #expect(offered == ["inwoners-melding", "inwoners-monitoring"])
    }
  }
}
