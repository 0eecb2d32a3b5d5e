import Foundation
import TevredenCore

/// A region's working folder: its questionnaire definitions (`Questionnaires/`, with `indicators.yaml`) and its
/// database (`tevreden.sqlite`), made once by `tevreden init`.
///
/// Commands find it the way git finds a repository: `TEVREDEN_HOME` if set, else the current folder or the nearest
/// folder above it that holds `Questionnaires/indicators.yaml`. The source checkout is one too, so the README's
/// commands work there unchanged.
struct Workspace: Equatable {
  static let questionnairesFolder = "Questionnaires"
  static let databaseFile = "tevreden.sqlite"
  static let environmentVariable = "TEVREDEN_HOME"

  let root: URL

  var questionnaires: URL { root.appendingPathComponent(Self.questionnairesFolder) }
  var database: URL { root.appendingPathComponent(Self.databaseFile) }

  /// Whether the folder is a working folder.
  static func isWorkspace(_ folder: URL) -> Bool {
    FileManager.default.fileExists(
      atPath: folder.appendingPathComponent(questionnairesFolder).appendingPathComponent(Catalog.indicatorFileName)
        .path)
  }

  /// The working folder the command runs in, if any.
  ///
  /// - Throws: ``CLIError/notAWorkspace(_:variable:)`` when `TEVREDEN_HOME` names a folder that is not one: a
  ///   mistyped variable must not silently fall back to another folder.
  static func current(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    from start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  ) throws -> Workspace? {
    if let home = environment[environmentVariable], !home.isEmpty {
      let url = URL(fileURLWithPath: home).standardizedFileURL
      guard isWorkspace(url) else { throw CLIError.notAWorkspace(home, variable: environmentVariable) }
      return Workspace(root: url)
    }
    var folder = start.standardizedFileURL
    while true {
      if isWorkspace(folder) { return Workspace(root: folder) }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { return nil }
      folder = parent
    }
  }

  /// Makes a new working folder: the built-in definitions, `indicators.yaml` and an empty database.
  ///
  /// Refuses a folder that already holds definitions or a database, so nothing a region made is overwritten.
  static func create(at root: URL, sources: [Catalog.Source] = BundledDefinitions.sources) throws -> Workspace {
    let workspace = Workspace(root: root.standardizedFileURL)
    let manager = FileManager.default
    for existing in [workspace.questionnaires, workspace.database] where manager.fileExists(atPath: existing.path) {
      throw CLIError.workspaceExists(existing.relativePathForMessages)
    }
    try manager.createDirectory(at: workspace.questionnaires, withIntermediateDirectories: true)
    for source in sources {
      let url = workspace.root.appendingPathComponent(source.path)
      try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(source.text.utf8).write(to: url, options: .withoutOverwriting)
    }
    return workspace
  }
}
