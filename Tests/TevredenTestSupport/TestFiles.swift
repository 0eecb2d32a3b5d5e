import Foundation

/// A fresh private folder under the system's temporary directory; the caller removes it (in a `defer`).
public func makeTemporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("tevreden-tests-\(UUID().uuidString)", isDirectory: true)
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// The package root (the folder holding `Package.swift`): the questionnaire folder, the example responses.
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// A questionnaire definition made for tests (`Tests/TevredenTestSupport/Questionnaires/<name>.yaml`): valid ones
/// of every kind and broken ones, shared by the tests of the loader and of import.
public func questionnaireFixture(_ name: String) -> URL {
  repositoryRoot.appendingPathComponent("Tests/TevredenTestSupport/Questionnaires/\(name).yaml")
}

/// The folder of ``questionnaireFixture(_:)``.
public let questionnaireFixturesFolder = repositoryRoot.appendingPathComponent(
  "Tests/TevredenTestSupport/Questionnaires")

/// A shared export sample, e.g. `sharedExport("odk/odk-briefcase-choice-lists.csv")`; tests that read one carry
/// ``Trait/requiresSharedExports``.
public func sharedExport(_ path: String) -> URL {
  sharedExportsFolder.appendingPathComponent(path)
}

/// A fresh working folder whose `Questionnaires/` holds the translated test definition (`interview-translated`:
/// Dutch, English and Arabic) beside the committed `indicators.yaml`, and the path of a database in it that does not
/// exist yet; the caller removes the folder.
public func makeTranslatedWorkingFolder() throws -> (folder: URL, questionnaires: URL, db: String) {
  let folder = try makeTemporaryFolder()
  let questionnaires = folder.appendingPathComponent("Questionnaires")
  try FileManager.default.createDirectory(at: questionnaires, withIntermediateDirectories: false)
  try FileManager.default.copyItem(
    at: questionnaireFixture("interview-translated"),
    to: questionnaires.appendingPathComponent("interview-translated.yaml"))
  try FileManager.default.copyItem(
    at: repositoryRoot.appendingPathComponent("Questionnaires/indicators.yaml"),
    to: questionnaires.appendingPathComponent("indicators.yaml"))
  return (folder, questionnaires, folder.appendingPathComponent("db.sqlite").path)
}
