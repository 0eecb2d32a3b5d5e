import ArgumentParser
import Foundation
import TevredenCore
import TevredenStore

/// Where the database lives: `--db`, else `TEVREDEN_DB`, else `./tevreden.sqlite`.
struct DatabaseOptions: ParsableArguments {
  @Option(name: .long, help: "The database file (default: $TEVREDEN_DB or ./tevreden.sqlite).")
  var db: String?

  var path: String {
    if let db { return db }
    if let fromEnvironment = ProcessInfo.processInfo.environment["TEVREDEN_DB"], !fromEnvironment.isEmpty {
      return fromEnvironment
    }
    return "tevreden.sqlite"
  }

  /// Opens the database, creating it (mode 0600) if it does not exist yet.
  func open() throws -> TevredenDatabase {
    try TevredenDatabase.open(atPath: path)
  }

  /// Opens an existing database; for commands that only read, so a typo in the path never creates an empty file.
  func openExisting() throws -> TevredenDatabase {
    guard FileManager.default.fileExists(atPath: path) else { throw CLIError.noDatabase(path: path) }
    return try TevredenDatabase.open(atPath: path)
  }
}

/// Where the questionnaire definitions and `indicators.yaml` live.
struct QuestionnaireOptions: ParsableArguments {
  @Option(name: .long, help: "The folder with questionnaire definitions and indicators.yaml.")
  var questionnaires: String = "Questionnaires"

  /// Loads the folder; any error in it stops the command, listing every problem.
  func loadCatalog() throws -> Catalog {
    let catalog = Catalog.load(from: URL(fileURLWithPath: questionnaires))
    guard !catalog.diagnostics.hasErrors else {
      throw CLIError.invalidDefinitions(catalog.diagnostics.filter { $0.severity == .error })
    }
    guard let indicators = catalog.indicators else {
      throw CLIError.missingIndicators(folder: questionnaires)
    }
    _ = indicators
    return catalog
  }
}

extension QuestionnaireOptions {
  /// Loads only `indicators.yaml` (scoring needs no questionnaire definitions: they are in the database).
  func loadIndicators() throws -> IndicatorSet {
    let url = URL(fileURLWithPath: questionnaires).appendingPathComponent(Catalog.indicatorFileName)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw CLIError.missingIndicators(folder: questionnaires)
    }
    let (set, diagnostics) = IndicatorSet.parse(
      String(decoding: data, as: UTF8.self), file: url.relativePathForMessages)
    guard let set else { throw CLIError.invalidDefinitions(diagnostics.filter { $0.severity == .error }) }
    return set
  }
}

/// The period a command reports on: `--period`, or `--from` with `--to`.
struct PeriodOptions: ParsableArguments {
  @Option(help: "The period: 2026, 2026-T1, 2026-T2 or 2026-T3 (default: the current year).")
  var period: String?

  @Option(help: "First day of a free range (yyyy-MM-dd, Dutch local time); with --to instead of --period.")
  var from: String?

  @Option(help: "Last day of a free range (yyyy-MM-dd), included.")
  var to: String?

  func validate() throws {
    try validatePeriodOptions(period: period, from: from, to: to)
  }

  /// The period named (default: the current year).
  func resolve() throws -> Period {
    try resolvePeriod(period: period, from: from, to: to)
  }
}

/// `--merge`: the registration system's CSV with the indicators the surveys do not measure.
struct RegistrationOptions: ParsableArguments {
  @Option(help: ArgumentHelp("The registration system's CSV with PI 1–4 and 7.", valueName: "file.csv"))
  var merge: String?

  /// The file's figures for the period, or `nil` without `--merge`; rows of other periods are left out and counted
  /// on standard error.
  func load(period: Period, indicators: IndicatorSet) throws -> [RegistrationFigure]? {
    guard let merge else { return nil }
    let parsed = try RegistrationCSV.parse(try readText(merge), file: merge, period: period, indicators: indicators)
    if parsed.otherPeriods > 0 {
      printError("\(merge): \(parsed.otherPeriods) rows of other periods than \(period.name) left out")
    }
    return parsed.figures
  }
}
