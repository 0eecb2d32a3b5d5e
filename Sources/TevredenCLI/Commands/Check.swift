import ArgumentParser
import Foundation
import TevredenCore

extension TevredenCommand {
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Validate questionnaire definitions and indicators.yaml.",
      discussion: """
        Reports every problem as file:line:column: message. Exits 0 when clean, 1 when not. A clean folder's \
        resident questions are then checked for plain Dutch (readability by Flesch-Douma, sentences over 15 words, \
        two questions in one, agree-statements, jargon): warnings, which do not change the exit code. Translations \
        are checked for completeness (every text in every language, nothing the source lacks, no two answers that \
        read the same); a machine-made translation is named in a note, for a translator to review.
        """)

    @Argument(
      help: ArgumentHelp(
        "A questionnaire folder or a single definition file (default: the working folder's Questionnaires).",
        valueName: "path"),
      completion: .file(extensions: ["yaml", "yml"]))
    var path: String?

    func run() throws {
      let path = try self.path ?? Workspace.current()?.questionnaires.relativePathForMessages ?? "Questionnaires"
      let catalog = Catalog.load(from: URL(fileURLWithPath: path))
      for diagnostic in catalog.diagnostics { printError(diagnostic.description) }
      let errors = catalog.diagnostics.filter { $0.severity == .error }.count
      guard errors == 0 else {
        printError(
          "\(errors) error\(errors == 1 ? "" : "s") in \(catalog.fileCount) file\(catalog.fileCount == 1 ? "" : "s")")
        throw ExitCode.failure
      }
      let questions = catalog.questionnaires.map(\.questionnaire.questions.count).reduce(0, +)
      let hard = catalog.questionnaires.flatMap(PlainDutch.warnings)
      for warning in hard { printError(warning.description) }
      let machineMade = catalog.questionnaires.flatMap(\.questionnaire.translations).filter(\.isMachineTranslated).count
      print(
        "\(catalog.fileCount) file\(catalog.fileCount == 1 ? "" : "s") OK: \(catalog.questionnaires.count) questionnaire\(catalog.questionnaires.count == 1 ? "" : "s") with \(questions) questions"
          + (catalog.editions.isEmpty
            ? "" : " (and \(catalog.editions.count) earlier version\(catalog.editions.count == 1 ? "" : "s"))")
          + (catalog.indicators.map { ", \($0.indicators.count) indicators" } ?? "")
          + (hard.isEmpty ? "" : "; \(hard.count) plain-Dutch warning\(hard.count == 1 ? "" : "s") (see above)")
          + (machineMade == 0
            ? "" : "; \(machineMade) machine-made translation\(machineMade == 1 ? "" : "s") to review (see above)"))
    }
  }
}

/// Writes a line to standard error.
func printError(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}
