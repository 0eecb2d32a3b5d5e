import ArgumentParser
import Foundation
import TevredenCore
import TevredenReport
import TevredenStore

extension TevredenCommand {
  struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show PI 5 and PI 6: the mean grade per respondent group against the year's norm.",
      discussion: """
        Periods are cumulative from 1 January, as the management reports are: 2026-T1 is January–April, \
        2026-T2 January–August, 2026 (or 2026-T3) the whole year; --from/--to give any range of days. A response \
        counts by the day it was completed, in Dutch local time. Only completed responses with a grade count.

        Every figure has n, mean, 95% interval (t distribution), standard deviation, median, the share of grades \
        below 6, the status against the norm, and the same period a year earlier (Welch's test).

        --by adds a breakdown under each indicator: gemeente, role, taal, year or period (at most two, \
        comma-separated), plus group for cells per respondent group. Per municipality (gemeente, with group if \
        wanted) only for the burap periods: the cells are protected together with the year's earlier periods, so no \
        table of T1, T2 or the year, nor their differences, gives a hidden cell away; 'tevreden audit --year' checks \
        that. Per language (taal: the language each respondent answered in; every figure above pools all languages) \
        a language below the minimum shows its number only, and cells are hidden where its figure could otherwise be \
        worked out from the totals; taal is only for whole calendar years (--period 2026), since a table of T1 or T2 \
        beside the year's would single out a language's few respondents, and is not combined with period.
        """)

    @OptionGroup var selection: ScoreSelectionOptions

    @Option(help: "Output format: table, csv or json.")
    var format: ReportFormat = .table

    @Option(
      help: ArgumentHelp(
        "With --format csv: the CSV as Dutch Excel opens it (semicolons, decimal commas, dd-mm-jjjj days, a byte-order mark).",
        valueName: "nl"))
    var excel: CSVDialect?

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var definitions: QuestionnaireOptions

    func validate() throws {
      try validateExcel(excel, isCSV: format == .csv)
      try selection.validate()
    }

    func run() throws {
      let store = try database.openExisting()
      defer { store.close() }
      let indicators = try definitions.loadIndicators(from: store)
      var request = try selection.request()
      request.roleBasis = indicators.roleBasis
      try requireResponses(in: request.period, store: store)
      let card = try selection.scoreCard(request, store: store, indicators: indicators)
      if let excel, excel != .standard {
        print(ScoreRenderer.csv(card, dialect: excel), terminator: "")
        return
      }
      print(ScoreRenderer.render(card, as: format, colours: format == .table && colouredOutput()), terminator: "")
    }
  }
}

/// The options that choose what is scored: period, breakdown, weights and invited counts.
struct ScoreSelectionOptions: ParsableArguments {
  @OptionGroup var period: PeriodOptions

  @Option(
    help: ArgumentHelp(
      "Break down by gemeente, role, taal, year or period (comma-separated), plus group for cells per group.",
      valueName: "dimensions"))
  var by: String?

  @OptionGroup var weighting: WeightingOptions

  @Flag(help: "Also compute the mean aspect scores per group (rescaled to 1–10).")
  var aspects = false

  @Flag(
    help: """
      Also show every reported item per group: the aspects' means and the topics' shares (score.topics in the \
      definitions: children offered help, feedback to the reporter, safer now, …).
      """)
  var items = false

  func validate() throws {
    if let by {
      let dimensions: [ScoreDimension]
      do { dimensions = try ScoreDimension.parseList(by) } catch { throw ValidationError(error.localizedDescription) }
      // Municipal figures only for burap periods: refused before anything is read, like any bad combination.
      if dimensions.contains(.gemeente), let range = try? period.resolve(), range.burapIndex == nil {
        throw ValidationError(ScoringError.gemeenteNeedsBurapPeriod(range.name).localizedDescription)
      }
    }
  }

  func request() throws -> ScoreRequest {
    ScoreRequest(
      period: try period.resolve(),
      dimensions: try by.map { try ScoreDimension.parseList($0) } ?? [],
      includesAspects: aspects || items, includesTopics: items)
  }

  /// Counts in the store and computes the card.
  func scoreCard(_ request: ScoreRequest, store: TevredenDatabase, indicators: IndicatorSet) throws -> ScoreCard {
    let data = try store.scoreData(for: request)
    let (weights, invited) = try weighting.load(knownGroups: Set(data.groups.map(\.group)), period: request.period)
    return try ScoreCard.build(request: request, indicators: indicators, data: data, weights: weights, invited: invited)
  }
}

/// --period, or --from with --to.
func validatePeriodOptions(period: String?, from: String?, to: String?) throws {
  if period != nil, from != nil || to != nil {
    throw ValidationError("Pass either --period or --from/--to, not both.")
  }
  if (from == nil) != (to == nil) { throw ValidationError("Pass both --from and --to.") }
  // A value that is not a period or a day is a usage error (exit 64), found before anything is opened.
  try validatePeriodValue(period)
  do {
    _ = try resolvePeriod(period: period, from: from, to: to)
  } catch let error as CLIError {
    throw ValidationError(error.localizedDescription)
  }
}

/// Throws a usage error unless the text (if any) is a period.
func validatePeriodValue(_ text: String?) throws {
  if let text, Period(text) == nil { throw ValidationError(CLIError.invalidPeriod(text).localizedDescription) }
}

/// The period named by --period or by --from/--to (default: the current year).
func resolvePeriod(period: String?, from: String?, to: String?) throws -> Period {
  if let from, let to {
    guard let first = LocalDate(from) else { throw CLIError.invalidDate(from, option: "--from") }
    guard let last = LocalDate(to) else { throw CLIError.invalidDate(to, option: "--to") }
    guard first <= last else { throw ValidationError("--from \(from) lies after --to \(to).") }
    return Period(from: first, to: last)
  }
  return try parsePeriod(period ?? String(LocalDate(Date()).year))
}

/// Reads a text file named on the command line, with a clear error when it cannot be read.
func readText(_ path: String) throws -> String {
  guard let data = FileManager.default.contents(atPath: path) else {
    throw CLIError.unreadableFile(path, reason: "cannot be read (does it exist?)")
  }
  return String(decoding: data, as: UTF8.self)
}

/// Colours only on a terminal, and never with NO_COLOR set or TERM=dumb.
func colouredOutput() -> Bool {
  let environment = ProcessInfo.processInfo.environment
  if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
  if environment["TERM"] == "dumb" { return false }
  return isatty(STDOUT_FILENO) == 1
}

extension ReportFormat: ExpressibleByArgument {}
