import Foundation
import TevredenCore

/// Errors the commands report to the user; the message says what is wrong and what to do.
enum CLIError: LocalizedError, Equatable {
  /// The questionnaire folder has errors.
  case invalidDefinitions([Diagnostic])
  /// The questionnaire folder has no `indicators.yaml`.
  case missingIndicators(folder: String)
  /// An import file could not be read at all.
  case unreadableFile(String, reason: String)
  /// The `--mapping` file has errors.
  case invalidMapping([Diagnostic])
  /// A file could not be read; the message already names the file (and line).
  case unreadableExport(String)
  /// The `--period` text is not a period.
  case invalidPeriod(String)
  /// Nothing matched what the user asked to export.
  case nothingToExport(String)
  /// A reading command was pointed at a database file that does not exist.
  case noDatabase(path: String)
  /// A date option is not a real day.
  case invalidDate(String, option: String)
  /// There is nothing to put in a report.
  case nothingToReport(String)
  /// No working folder was found and nothing named a database or definitions.
  case noWorkspace
  /// `TEVREDEN_HOME` names a folder that is not a working folder.
  case notAWorkspace(String, variable: String)
  /// `tevreden init` was pointed at a folder that already holds definitions or a database.
  case workspaceExists(String)
  /// A reading command found no indicators.yaml, neither in a folder nor kept in the database.
  case noIndicators
  /// No responses were completed in the period asked for.
  case noResponsesInPeriod(String, stored: String)
  /// The database names a questionnaire with an id that cannot be a file name (a database changed by hand).
  case unsafeQuestionnaireID(String)
  /// An export file is already there, and `--overwrite` was not given.
  case exportFileExists(String)
  /// `tevreden audit` worked out hidden figures.
  case disclosure(String)
  /// A binary file (SPSS, Stata) asked for on a terminal.
  case binaryOnTerminal(String)
  /// The `--toelichting` file has errors.
  case invalidToelichting([Diagnostic])
  /// `--toelichting` with a period that is no burap period.
  case toelichtingNeedsBurapPeriod(String, period: String)

  var errorDescription: String? {
    switch self {
    case .invalidDefinitions(let diagnostics):
      return "the questionnaire definitions have errors; run 'tevreden check' for details:\n"
        + diagnostics.map(\.description).joined(separator: "\n")
    case .missingIndicators(let folder):
      return "\(folder)/indicators.yaml is missing: it holds the norms per year and the reporting thresholds"
    case .unreadableFile(let file, let reason):
      return "\(file): \(reason)"
    case .invalidMapping(let diagnostics):
      return "the mapping file has errors; nothing was imported:\n"
        + diagnostics.map(\.description).joined(separator: "\n")
    case .unreadableExport(let message):
      return message + "; nothing was imported"
    case .invalidPeriod(let text):
      return "'\(text)' is not a period; use 2026, 2026-T1 (January–April), 2026-T2 (January–August) or 2026-T3"
    case .nothingToExport(let detail):
      return "nothing to export: \(detail)"
    case .invalidDate(let text, let option):
      return "\(option) '\(text)' is not a day; write it as yyyy-MM-dd, such as 2026-04-30"
    case .nothingToReport(let detail):
      return "cannot make a report: \(detail)"
    case .disclosure(let detail):
      return detail
    case .invalidToelichting(let diagnostics):
      return "the toelichting file has errors; nothing was written. Correct these lines and run again:\n"
        + diagnostics.map(\.description).joined(separator: "\n")
    case .toelichtingNeedsBurapPeriod(let file, let period):
      return "\(file): a toelichting is written per burap period, and \(period) is none; "
        + "use --period 2026-T1, 2026-T2 or 2026"
    case .binaryOnTerminal(let kind):
      return "\(kind) is binary and would only be noise on a terminal: pass --out FOLDER, or redirect the output to a "
        + "file (> FILE)"
    case .noWorkspace:
      return """
        no tevreden working folder here or in a folder above it; make one with 'tevreden init FOLDER' and run \
        commands inside it, set TEVREDEN_HOME to it, or pass --db (and --questionnaires)
        """
    case .notAWorkspace(let folder, let variable):
      return
        "\(variable) is \(folder), which is not a tevreden working folder (it has no Questionnaires/indicators.yaml); "
        + "make one with 'tevreden init \(folder)' or correct \(variable)"
    case .workspaceExists(let path):
      return "\(path) already exists; tevreden init makes a new working folder and never overwrites one"
    case .noIndicators:
      return "no indicators.yaml: run the command in the working folder, pass --questionnaires FOLDER, "
        + "or use a database that a working folder has written to (it keeps a copy)"
    case .noResponsesInPeriod(let period, let stored):
      return "no responses in \(period); \(stored)"
    case .unsafeQuestionnaireID(let id):
      return "the database names a questionnaire '\(id)', which is not a questionnaire id (lower-case letters, "
        + "digits, '-' and '_'); it cannot name an export file, so nothing was written. Has the database been "
        + "changed by hand?"
    case .exportFileExists(let path):
      return "\(path) already exists; pass --overwrite to replace it, or choose another --out folder "
        + "(nothing was written over)"
    case .noDatabase(let path):
      return
        "there is no database at \(path); import responses first (tevreden import …) or pass --db with the right file"
    }
  }
}
