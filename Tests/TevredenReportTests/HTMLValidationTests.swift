import Foundation
import Testing
import TevredenReport
import TevredenTestSupport

/// Runs HTML Tidy over the rendered page. `.ci/run` installs tidy, so CI always runs this; locally it is skipped,
/// with a message, when tidy is missing.
@Suite struct HTMLValidationTests {
  static let tidy = executable(named: "tidy")

  @Test(
    .enabled(if: tidy != nil, "tidy is not installed (apt-get install tidy); .ci/run installs it"),
    arguments: ["alle zeven indicatoren", "met open opmerkingen"])
  func tidyFindsNoErrors(_ name: String) throws {
    let figures = name == "met open opmerkingen" ? ReportFixture.withRemarks : ReportFixture.figures
    let tidy = try #require(Self.tidy)
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("rapport.html")
    try ReportRenderer.html(figures).write(to: file, atomically: true, encoding: .utf8)
    let run = try runProgram(tidy, ["-errors", "-quiet", "-utf8", file.path], timeout: 60)
    let messages = run.stderr.split(separator: "\n").map(String.init)
    let errors = messages.filter { $0.contains("Error:") }
    // Exit status 2 means errors; 1 means warnings only.
    #expect(run.exitCode != 2 && errors.isEmpty, "tidy reports errors for \(name):\n\(run)")
    #expect(messages.filter { $0.contains("Warning:") }.isEmpty, "tidy warns for \(name):\n\(run)")
  }
}
