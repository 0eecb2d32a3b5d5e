import Foundation
import Testing
import TevredenTestSupport

/// `tevreden check`: the committed definitions are clean, and every problem in a broken copy is reported as
/// `file:line:column: message` at the right line, with exit code 1.
@Suite struct CheckCommandTests {
  /// Copies the committed `inwoners-melding.yaml` into `folder/<subfolder>/` after applying `edit`, and returns the
  /// new file's URL and its edited text.
  private func brokenMelding(in folder: URL, subfolder: String, edit: (String) -> String) throws -> (URL, String) {
    let original = try String(
      contentsOf: questionnairesFolder.appendingPathComponent("inwoners-melding.yaml"), encoding: .utf8)
    let edited = edit(original)
    try #require(edited != original, "the edit did not change the file; the fixture text has moved")
    let target = folder.appendingPathComponent(subfolder, isDirectory: true)
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
    let file = target.appendingPathComponent("inwoners-melding.yaml")
    try edited.write(to: file, atomically: true, encoding: .utf8)
    return (file, edited)
  }

  /// Replaces the first occurrence of `old` (which must exist) with `new`.
  private func replacingFirst(_ old: String, with new: String, in text: String) -> String {
    guard let range = text.range(of: old) else { return text }
    return text.replacingCharacters(in: range, with: new)
  }

  /// The stderr line that reports a problem at `file:line:`, if any.
  private func diagnostic(in stderr: String, file: String, line: Int) -> String? {
    stderr.split(separator: "\n").map(String.init).first { $0.contains("\(file):\(line):") }
  }

  @Test func committedDefinitionsAreClean() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let expected = try committedQuestionnaireIDs().count
    #expect(expected == 11)
    let run = try runTevredenProcess(["check", questionnairesFolder.path], cwd: folder)
    #expect(run.exitCode == 0, "\(run)")
    #expect(run.stdout.contains("\(expected) questionnaires"), "\(run)")
    #expect(!run.stderr.contains("error"), "\(run)")
    // Version 3 of the resident questionnaires asks its questions in plain Dutch: no warnings. The earlier
    // versions kept in versions/ (agree-statements, long sentences) are history, and not checked.
    let warnings = run.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }
    #expect(warnings.isEmpty, "\(run)")
    #expect(!run.stdout.contains("plain-Dutch"), "\(run)")
    #expect(run.stdout.contains("(and 4 earlier versions)"), "\(run)")
  }

  @Test func aQuestionThatIsHardToReadIsWarnedAboutAtItsLine() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (file, text) = try brokenMelding(in: folder, subfolder: "hard") {
      replacingFirst(
        "Hoe goed luisterde de medewerker naar u?",
        with: "De medewerker luisterde goed naar mij en nam genoeg tijd voor mij.",
        in: $0)
    }
    let line = try #require(lineNumber(of: "De medewerker luisterde goed", in: text))
    let run = try runTevredenProcess(["check", file.path], cwd: folder)
    #expect(run.exitCode == 0, "warnings do not fail the check: \(run)")
    #expect(
      run.stderr.contains("inwoners-melding.yaml:\(line): warning: question 'geduld': asks two things at once"),
      "\(run)")
    #expect(run.stdout.contains("; 1 plain-Dutch warning (see above)"), "\(run)")
  }

  @Test func brokenDefinitionReportsEveryProblemAtItsLine() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A full copy of the folder, so the broken file is checked among the others.
    let copy = folder.appendingPathComponent("Questionnaires")
    try FileManager.default.copyItem(at: questionnairesFolder, to: copy)
    var text = try String(contentsOf: copy.appendingPathComponent("inwoners-melding.yaml"), encoding: .utf8)
    let original = text
    // 1. A duplicate question id: kinderen_hulp (referenced nowhere) takes the id of the question before it.
    text = replacingFirst("  - id: kinderen_hulp\n", with: "  - id: kinderen_gesproken\n", in: text)
    // 2. show_if naming an item that does not exist.
    text = replacingFirst("show_if: { item: rol, in:", with: "show_if: { item: rol_onbekend, in:", in: text)
    // 3. A misspelt key.
    text = replacingFirst("    required: false\n", with: "    requird: false\n", in: text)
    #expect(text != original)
    try text.write(to: copy.appendingPathComponent("inwoners-melding.yaml"), atomically: true, encoding: .utf8)

    let duplicateLine = try #require(lineNumber(of: "  - id: kinderen_gesproken", in: text, occurrence: 2))
    let unknownItemLine = try #require(lineNumber(of: "item: rol_onbekend", in: text))
    let misspeltKeyLine = try #require(lineNumber(of: "requird:", in: text))

    let run = try runTevredenProcess(["check", copy.path], cwd: folder)
    #expect(run.exitCode == 1, "\(run)")
    #expect(!run.stdout.contains(" OK"), "\(run)")
    let file = "inwoners-melding.yaml"
    let duplicate = diagnostic(in: run.stderr, file: file, line: duplicateLine)
    #expect(duplicate?.contains("duplicate question id 'kinderen_gesproken'") == true, "\(run)")
    let unknown = diagnostic(in: run.stderr, file: file, line: unknownItemLine)
    #expect(unknown?.contains("rol_onbekend") == true, "\(run)")
    let misspelt = diagnostic(in: run.stderr, file: file, line: misspeltKeyLine)
    #expect(misspelt?.contains("requird") == true, "\(run)")
    // The other files are still fine: no problem is reported anywhere else (notes of machine-made translations are
    // not problems).
    let otherFiles = run.stderr.split(separator: "\n").filter {
      $0.contains(".yaml:") && !$0.contains(file) && !$0.contains(": note: ")
    }
    #expect(otherFiles.isEmpty, "\(run)")
  }

  @Test func yamlSyntaxErrorGivesFileLineAndColumn() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (file, text) = try brokenMelding(in: folder, subfolder: "syntax") {
      replacingFirst("\naudience: inwoners\n", with: "\naudience: inwoners: x\n", in: $0)
    }
    let line = try #require(lineNumber(of: "audience: inwoners: x", in: text))
    // The scanner stops at the second ':' of the line (columns are 1-based).
    let column = "audience: inwoners".count + 1

    let run = try runTevredenProcess(["check", file.path], cwd: folder)
    #expect(run.exitCode == 1, "\(run)")
    #expect(run.stderr.contains("inwoners-melding.yaml:\(line):\(column): error:"), "\(run)")
    #expect(run.stderr.contains("invalid YAML"), "\(run)")
  }

  @Test func showIfNamingALaterItemIsReported() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (file, text) = try brokenMelding(in: folder, subfolder: "later") {
      replacingFirst("show_if: { item: rol, equals: melder }", with: "show_if: { item: afspraken, equals: 4 }", in: $0)
    }
    let line = try #require(lineNumber(of: "show_if: { item: afspraken", in: text))

    let run = try runTevredenProcess(["check", file.path], cwd: folder)
    #expect(run.exitCode == 1, "\(run)")
    let reported = diagnostic(in: run.stderr, file: "inwoners-melding.yaml", line: line)
    #expect(reported?.contains("'afspraken'") == true, "\(run)")
    #expect(reported?.contains("later") == true, "\(run)")
  }

  @Test func routingCycleIsReported() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Each of two neighbouring scale questions is asked only depending on the other.
    let (file, text) = try brokenMelding(in: folder, subfolder: "cycle") { original in
      var text = original
      for (question, other) in [("duidelijk_rol_vt", "duidelijk_vervolg"), ("duidelijk_vervolg", "duidelijk_rol_vt")] {
        let header = "  - id: \(question)\n    type: scale\n    scale: goed5\n"
        text = replacingFirst(header, with: header + "    show_if: { item: \(other), equals: 3 }\n", in: text)
      }
      return text
    }
    #expect(text.components(separatedBy: "show_if: { item: duidelijk_").count == 3, "both edits applied")
    let questionLine = try #require(lineNumber(of: "  - id: duidelijk_rol_vt", in: text))

    let run = try runTevredenProcess(["check", file.path], cwd: folder)
    #expect(run.exitCode == 1, "\(run)")
    let cycle = try #require(
      run.stderr.split(separator: "\n").first { $0.contains("routing cycle") }, "no routing cycle reported: \(run)")
    #expect(cycle.contains("duidelijk_rol_vt") && cycle.contains("duidelijk_vervolg"), "\(run)")
    #expect(cycle.contains("inwoners-melding.yaml:\(questionLine):"), "\(run)")
  }
}
