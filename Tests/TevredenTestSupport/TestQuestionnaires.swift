import Foundation
import TevredenCore

// `swift build -c release` builds every target, also this one, where Swift Testing is not on the search path; only
// the test targets, which are built for testing, use the trait.
#if canImport(Testing)
  import Testing

  /// Loads a fixture questionnaire (see `questionnaireFixture`) through the loader.
  public func loadFixture(_ name: String) throws -> (
    loaded: LoadedQuestionnaire?, diagnostics: [Diagnostic], text: String
  ) {
    let url = questionnaireFixture(name)
    let text = try String(contentsOf: url, encoding: .utf8)
    let (loaded, diagnostics) = QuestionnaireLoader.load(contentsOf: url)
    return (loaded, diagnostics, text)
  }

  /// The 1-based line of the `occurrence`-th line containing `needle`.
  public func line(of needle: String, occurrence: Int = 1, in text: String) -> Int? {
    var seen = 0
    for (index, line) in text.components(separatedBy: "\n").enumerated() where line.contains(needle) {
      seen += 1
      if seen == occurrence { return index + 1 }
    }
    return nil
  }

  /// The valid minimal fixture, parsed; most tests build responses against it.
  public func minimalQuestionnaire() throws -> LoadedQuestionnaire {
    try #require(try loadFixture("valid-minimal").loaded)
  }

  /// An instant from an ISO 8601 text.
  public func instant(_ text: String) throws -> Date {
    try #require(Timestamp.parse(text))
  }
#endif
