import ArgumentParser
import Foundation
import TevredenCore
import TevredenStore

/// Where the database lives: `--db`, else `TEVREDEN_DB`, else `tevreden.sqlite` in the working folder (see
/// ``Workspace``).
struct DatabaseOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The database file (default: $TEVREDEN_DB, else tevreden.sqlite in the working folder).", valueName: "file"),
    completion: .file(extensions: ["sqlite", "db"]))
  var db: String?

  /// The database file; without `--db` or `TEVREDEN_DB`, the working folder's.
  ///
  /// - Throws: ``CLIError/noWorkspace`` when nothing names a database.
  func resolvedPath() throws -> String {
    if let db { return db }
    if let fromEnvironment = ProcessInfo.processInfo.environment["TEVREDEN_DB"], !fromEnvironment.isEmpty {
      return fromEnvironment
    }
    guard let workspace = try Workspace.current() else { throw CLIError.noWorkspace }
    return workspace.database.path
  }

  /// Whether `--db` or `TEVREDEN_DB` names the database, rather than the working folder.
  var isNamedExplicitly: Bool {
    db != nil || !(ProcessInfo.processInfo.environment["TEVREDEN_DB"] ?? "").isEmpty
  }

  /// Opens the database, creating it (mode 0600) if it does not exist yet. Commands call this only after
  /// everything else they need has been read, so that a command that fails never leaves a new, empty file.
  func open() throws -> TevredenDatabase {
    let path = try resolvedPath()
    try Self.protect(path)
    return try TevredenDatabase.open(atPath: path)
  }

  /// An existing database readable by others is made private before it is opened, and said so.
  private static func protect(_ path: String) throws {
    for file in try TevredenDatabase.restrictPermissions(atPath: path) {
      printError("note: \(file) was readable by other users; it is now readable by its owner only")
    }
  }

  /// Opens an existing database; for commands that only read, so a typo in the path never creates an empty file.
  func openExisting() throws -> TevredenDatabase {
    let path = try resolvedPath()
    guard FileManager.default.fileExists(atPath: path) else { throw CLIError.noDatabase(path: path) }
    try Self.protect(path)
    return try TevredenDatabase.open(atPath: path)
  }
}

/// Where the questionnaire definitions and `indicators.yaml` live: `--questionnaires`, else the working folder's
/// `Questionnaires/`.
struct QuestionnaireOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The folder with questionnaire definitions and indicators.yaml (default: the working folder's).",
      valueName: "folder"),
    completion: .directory)
  var questionnaires: String?

  /// The folder named or found, if any.
  func folder() throws -> String? {
    if let questionnaires { return questionnaires }
    return try Workspace.current()?.questionnaires.relativePathForMessages
  }

  /// Loads the folder; any error in it stops the command, listing every problem.
  func loadCatalog() throws -> Catalog {
    guard let folder = try folder() else { throw CLIError.noWorkspace }
    let catalog = Catalog.load(from: URL(fileURLWithPath: folder))
    guard !catalog.diagnostics.hasErrors else {
      throw CLIError.invalidDefinitions(catalog.diagnostics.filter { $0.severity == .error })
    }
    guard catalog.indicators != nil else { throw CLIError.missingIndicators(folder: folder) }
    return catalog
  }

  /// The indicator set (norms and thresholds) for commands that read figures: the definitions folder's
  /// `indicators.yaml` when there is one, else the copy the database keeps, so that figures can be read from a
  /// database alone (scoring needs no questionnaire definitions: every response keeps its own).
  func loadIndicators(from store: TevredenDatabase) throws -> IndicatorSet {
    if let folder = try folder() {
      let url = URL(fileURLWithPath: folder).appendingPathComponent(Catalog.indicatorFileName)
      guard let data = FileManager.default.contents(atPath: url.path) else {
        throw CLIError.missingIndicators(folder: folder)
      }
      return try Self.parseIndicators(String(decoding: data, as: UTF8.self), file: url.relativePathForMessages)
    }
    guard let stored = try store.storedIndicators() else { throw CLIError.noIndicators }
    return try Self.parseIndicators(stored, file: "indicators.yaml (kept in the database)")
  }

  private static func parseIndicators(_ text: String, file: String) throws -> IndicatorSet {
    let (set, diagnostics) = IndicatorSet.parse(text, file: file)
    guard let set else { throw CLIError.invalidDefinitions(diagnostics.filter { $0.severity == .error }) }
    return set
  }
}

extension TevredenDatabase {
  /// Opens the database for a command that writes to it, and keeps the catalog's indicator set in it, so that
  /// figures can later be read from the database alone.
  static func open(_ options: DatabaseOptions, recording catalog: Catalog) throws -> TevredenDatabase {
    let store = try options.open()
    if let text = catalog.indicatorsSource { try store.recordIndicators(text) }
    return store
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

/// Throws unless some response was collected in the period: an empty table with exit code 0 reads as "all is
/// well" in a script or a dashboard.
func requireResponses(in period: Period, store: TevredenDatabase) throws {
  guard try !store.hasResponses(in: period) else { return }
  let stored =
    try store.collectedDays().map { "the database holds responses collected from \($0.lowerBound) to \($0.upperBound)" }
    ?? "the database holds no responses yet: import them or take interviews first"
  throw CLIError.noResponsesInPeriod("\(period.name) (\(period.first) to \(period.last))", stored: stored)
}

/// `--merge`: the registration system's CSV with the indicators the surveys do not measure.
struct RegistrationOptions: ParsableArguments {
  @Option(help: ArgumentHelp("The registration system's CSV with PI 1–4 and 7.", valueName: "file.csv"))
  var merge: String?

  /// The file's figures for the period and the region's history, or `nil` without `--merge`; rows of no use to
  /// the period are left out and counted on standard error.
  func load(period: Period, indicators: IndicatorSet) throws -> RegistrationFile? {
    guard let merge else { return nil }
    let parsed = try RegistrationCSV.parse(try readText(merge), file: merge, period: period, indicators: indicators)
    if parsed.otherPeriods > 0 {
      printError(
        "\(merge): \(parsed.otherPeriods) rows of other periods than \(period.name) left out "
          + "(earlier years are kept as history for the region's figures of the same period or the whole year, "
          + "and this year's earlier burap periods for the disclosure control of the municipalities)")
    }
    return parsed
  }

  /// Says on standard error which registration subgroups were not shown because they have no n.
  func noteWithoutCount(_ names: [String]) {
    guard let merge, !names.isEmpty else { return }
    printError(
      "\(merge): no n for \(names.joined(separator: ", ")); a subgroup without n cannot be checked for disclosure, "
        + "so it is not shown")
  }
}

/// Shell completion for a questionnaire argument: the ids in the folder `--questionnaires` names on the command
/// line, else in the working folder.
@Sendable func questionnaireCompletions(_ arguments: [String], _ index: Int, _ prefix: String) -> [String] {
  var folder: URL?
  if let flag = arguments.firstIndex(of: "--questionnaires"), flag + 1 < arguments.count {
    folder = URL(fileURLWithPath: arguments[flag + 1])
  } else {
    folder = (try? Workspace.current())??.questionnaires
  }
  guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
  return names.filter { $0.hasSuffix(".yaml") && $0 != Catalog.indicatorFileName }
    .map { String($0.dropLast(".yaml".count)) }
    .filter { $0.hasPrefix(prefix) }.sorted()
}

/// The service volumes per group (for a weighted mean) and the invited counts (for response rates), shared by
/// every command that states an indicator's value, so that each states the same one.
struct WeightingOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "A file with the population or service volume per respondent group ('melding,1200' per line) for a weighted mean.",
      valueName: "file"))
  var weights: String?

  @Option(
    help: ArgumentHelp(
      "Invited per respondent group, for the response rate (RR1): 'melding=400' (repeat) or a file with 'group,count' (or 'group,period,count') lines.",
      valueName: "group=count or file"))
  var invited: [String] = []

  /// The weights and invited counts, checked against the groups the database knows.
  func load(knownGroups groups: Set<String>, period: Period) throws -> (PopulationWeights?, [String: Int]) {
    var populationWeights: PopulationWeights?
    if let weights {
      populationWeights = PopulationWeights(
        populations: try PopulationWeights.parse(
          try readText(weights), file: weights, knownGroups: groups, column: "population", period: period),
        file: weights)
    }
    var invitedCounts: [String: Int] = [:]
    for value in invited {
      if FileManager.default.fileExists(atPath: value) {
        let counts = try PopulationWeights.parse(
          try readText(value), file: value, knownGroups: groups, column: "invited", period: period)
        for (group, count) in counts { invitedCounts[group] = Int(count) }
      } else {
        let counts = try PopulationWeights.parse(
          value, file: "--invited", knownGroups: groups, column: "invited")
        for (group, count) in counts { invitedCounts[group] = Int(count) }
      }
    }
    return (populationWeights, invitedCounts)
  }
}
