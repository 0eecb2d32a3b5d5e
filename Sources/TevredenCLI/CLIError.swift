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
    case .noDatabase(let path):
      return
        "there is no database at \(path); import responses first (tevreden import …) or pass --db with the right file"
    }
  }
}
