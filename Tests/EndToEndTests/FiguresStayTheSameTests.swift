import Foundation
import Testing
import TevredenTestSupport

/// Every figure `score`, `indicators` and `report` print for the bundled example data, compared byte for byte with
/// what they printed before the store's queries were rewritten for speed (`Figures/`). A change in how the store
/// counts (one scan instead of a `GROUP BY`, another row layout) must leave every published figure exactly as it
/// was; a deliberate change of the figures or their wording regenerates the files with
/// `TEVREDEN_WRITE_FIGURES=1 swift test --filter FiguresStayTheSameTests` and shows up in the diff of the commit.
@Suite struct FiguresStayTheSameTests {
  static let figuresFolder = packageRoot.appendingPathComponent("Tests/EndToEndTests/Figures")

  /// The commands whose output is compared, each with the file that holds what it printed.
  static let commands: [(file: String, arguments: [String])] = [
    ("score-2026-T2.json", ["score", "--period", "2026-T2", "--format", "json"]),
    ("score-2025.csv", ["score", "--period", "2025", "--format", "csv"]),
    ("score-2026-by-gemeente.csv", ["score", "--period", "2026", "--by", "gemeente", "--format", "csv"]),
    (
      "score-2026-T2-by-gemeente-group.json",
      ["score", "--period", "2026-T2", "--by", "gemeente,group", "--format", "json"]
    ),
    (
      "score-2026-by-role-aspects.json", ["score", "--period", "2026", "--by", "role", "--aspects", "--format", "json"]
    ),
    ("score-2026-T2-items.json", ["score", "--period", "2026-T2", "--items", "--format", "json"]),
    (
      "score-2025-2026-by-period.csv",
      ["score", "--from", "2025-01-01", "--to", "2026-12-31", "--by", "period", "--format", "csv"]
    ),
    ("score-2026-by-year-group.csv", ["score", "--period", "2026", "--by", "year,group", "--format", "csv"]),
    ("indicators-2026-T2.csv", ["indicators", "--period", "2026-T2", "--format", "csv"]),
    ("indicators-2026.json", ["indicators", "--period", "2026", "--format", "json"]),
    ("report-2026-T2.md", ["report", "--period", "2026-T2", "--format", "md"]),
    ("report-2026-T1.html", ["report", "--period", "2026-T1", "--format", "html"]),
  ]

  /// The report's line with the moment it was made, the one part of the output that changes between runs.
  static func withoutMoment(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.contains("Gemaakt op") ? "(gemaakt op: weggelaten)" : String($0) }
      .joined(separator: "\n")
  }

  @Test func everyFigureOfTheExampleDataIsWhatItWas() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = folder.appendingPathComponent("demo.sqlite").path
    let demo = try runTevredenProcess(["demo", "--db", database], cwd: folder)
    try #require(demo.exitCode == 0, "\(demo)")
    let writing = ProcessInfo.processInfo.environment["TEVREDEN_WRITE_FIGURES"] == "1"
    for (file, arguments) in Self.commands {
      let run = try runTevredenProcess(
        arguments + ["--db", database, "--questionnaires", questionnairesFolder.path], cwd: folder)
      #expect(run.exitCode == 0, "\(arguments): \(run)")
      let printed = Self.withoutMoment(run.stdout)
      let expectedFile = Self.figuresFolder.appendingPathComponent(file)
      if writing {
        try Data(printed.utf8).write(to: expectedFile)
        continue
      }
      let expected = try String(contentsOf: expectedFile, encoding: .utf8)
      let lines = (printed: printed.split(separator: "\n"), expected: expected.split(separator: "\n"))
      let firstDifference = zip(lines.printed, lines.expected).enumerated().first { $0.element.0 != $0.element.1 }
      #expect(
        printed == expected,
        """
        \(arguments.joined(separator: " ")) differs from Figures/\(file)\
        \(firstDifference.map { " at line \($0.offset + 1):\n  now:    \($0.element.0)\n  before: \($0.element.1)" } ?? " in its length")
        """)
    }
  }

  /// The same output twice in a row: a figure or an order that depends on a hash seed would differ between two
  /// processes, so the comparison above would fail at random instead of always.
  @Test func twoRunsPrintTheSame() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = folder.appendingPathComponent("demo.sqlite").path
    let demo = try runTevredenProcess(["demo", "--db", database], cwd: folder)
    try #require(demo.exitCode == 0, "\(demo)")
    // The outputs that order aspects and groups (the others print the same cells in a fixed order).
    for (_, arguments) in Self.commands
    where arguments.contains("--aspects") || arguments.contains("--items") || arguments[0] == "report" {
      let all = arguments + ["--db", database, "--questionnaires", questionnairesFolder.path]
      let runs = try (0..<3).map { _ in Self.withoutMoment(try runTevredenProcess(all, cwd: folder).stdout) }
      #expect(Set(runs).count == 1, "\(arguments.joined(separator: " ")) printed \(Set(runs).count) different outputs")
    }
  }
}

/// The example data answers the rewritten resident questionnaires under two versions: 2025 under version 2
/// (agree-statements), 2026 under version 3 ("Hoe goed …?"). Each period's topics are labelled by the version its
/// responses were collected with, and the aspects of both versions are scored alike.
@Suite struct VersionedExampleDataTests {
  @Test func eachPeriodsTopicsSpeakTheVersionItsResponsesWereAnsweredWith() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = folder.appendingPathComponent("demo.sqlite").path
    let demo = try runTevredenProcess(["demo", "--db", database], cwd: folder)
    try #require(demo.exitCode == 0, "\(demo)")
    /// The labels of the options of topic `duidelijk_melding` (group melding) in the period's scores.
    func labels(_ period: String) throws -> [String] {
      let run = try runTevredenProcess(
        ["score", "--period", period, "--items", "--format", "json", "--db", database], cwd: folder)
      #expect(run.exitCode == 0, "\(run)")
      var found: [String] = []
      func walk(_ value: Any) {
        if let object = value as? [String: Any] {
          if object["item"] as? String == "duidelijk_melding", let options = object["options"] as? [[String: Any]] {
            found = options.compactMap { $0["label"] as? String }
            return
          }
          object.values.forEach(walk)
        } else if let array = value as? [Any] {
          array.forEach(walk)
        }
      }
      walk(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)))
      return found
    }
    #expect(try labels("2025").last == "Helemaal mee eens", "2025 was answered under version 2")
    #expect(try labels("2026").last == "Heel goed", "2026 was answered under version 3")
  }
}
