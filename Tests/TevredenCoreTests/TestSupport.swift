import Foundation
import Testing

@testable import TevredenCore

/// Loads a fixture questionnaire (`Fixtures/questionnaires/<name>.yaml`) through the loader.
func loadFixture(_ name: String) throws -> (loaded: LoadedQuestionnaire?, diagnostics: [Diagnostic], text: String) {
  let url = try #require(
    Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Fixtures/questionnaires"))
  let text = try String(contentsOf: url, encoding: .utf8)
  let (loaded, diagnostics) = QuestionnaireLoader.load(contentsOf: url)
  return (loaded, diagnostics, text)
}

/// The 1-based line of the `occurrence`-th line containing `needle`.
func line(of needle: String, occurrence: Int = 1, in text: String) -> Int? {
  var seen = 0
  for (index, line) in text.components(separatedBy: "\n").enumerated() where line.contains(needle) {
    seen += 1
    if seen == occurrence { return index + 1 }
  }
  return nil
}

/// The repository's own questionnaire folder.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// The valid minimal fixture, parsed; most tests build responses against it.
func minimalQuestionnaire() throws -> LoadedQuestionnaire {
  try #require(try loadFixture("valid-minimal").loaded)
}

/// An instant from an ISO 8601 text.
func instant(_ text: String) throws -> Date {
  try #require(Timestamp.parse(text))
}
