import ArgumentParser
import Foundation
import TevredenCore
import TevredenStore

extension TevredenCommand {
  struct Indicators: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the common indicator set: PI 5 and 6 from the surveys, the others merged from a CSV file.",
      discussion: """
        One row per indicator (and per respondent group for PI 5 and 6): id, label, subgroup, period start and \
        end, value, unit, n, norm, norm direction, status and interval. --merge reads PI 1–4 and 7 from the \
        registration system's CSV export (columns: indicator, subgroup, period_start, period_end, value, unit, n); \
        a malformed file is rejected with its line and reason.
        """)

    @Option(help: "The period: 2026, 2026-T1, 2026-T2 or 2026-T3 (default: the current year).")
    var period: String?

    @Option(help: "First day of a free range (yyyy-MM-dd); with --to instead of --period.")
    var from: String?

    @Option(help: "Last day of a free range (yyyy-MM-dd), included.")
    var to: String?

    @Option(help: ArgumentHelp("The registration system's CSV with PI 1–4 and 7.", valueName: "file.csv"))
    var merge: String?

    @Option(help: "Output format: table, csv or json.")
    var format: ReportFormat = .table

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var definitions: QuestionnaireOptions

    func validate() throws {
      try validatePeriodOptions(period: period, from: from, to: to)
    }

    func run() throws {
      let period = try resolvePeriod(period: period, from: from, to: to)
      let indicators = try definitions.loadIndicators()
      var registration: [RegistrationFigure] = []
      if let merge {
        let parsed = try RegistrationCSV.parse(try readText(merge), file: merge, period: period, indicators: indicators)
        registration = parsed.figures
        if parsed.otherPeriods > 0 {
          printError("\(merge): \(parsed.otherPeriods) rows of other periods than \(period.name) left out")
        }
      }
      let store = try database.openExisting()
      let request = ScoreRequest(period: period)
      let card = try ScoreCard.build(request: request, indicators: indicators, data: try store.scoreData(for: request))
      let (rows, missing) = IndicatorRow.rows(card: card, registration: registration, indicators: indicators)
      if !missing.isEmpty {
        printError(
          merge.map { "\($0): no value for \(missing.joined(separator: ", ")) in \(period.name)" }
            ?? "PI 5 and 6 only: pass --merge with the registration system's CSV for \(missing.joined(separator: ", "))"
        )
      }
      print(IndicatorRenderer.render(rows, as: format, colours: format == .table && colouredOutput()), terminator: "")
    }
  }
}
