import ArgumentParser
import Foundation
import TevredenCore
import TevredenReport
import TevredenStore

extension TevredenCommand {
  struct Indicators: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the common indicator set: PI 5 and 6 from the surveys, the others merged from a CSV file.",
      discussion: """
        One row per indicator (and per respondent group for PI 5 and 6): id, label, subgroup, period start and \
        end, value, unit, n, norm, norm direction, status and interval. --merge reads PI 1–4 and 7 from the \
        registration system's CSV export (columns: indicator, subgroup, period_start, period_end, value, unit, n, \
        and for counts budgeted, waiting_list, workload); municipalities under the disclosure threshold are hidden; \
        a malformed file is rejected with its line and reason.
        """)

    @OptionGroup var selection: PeriodOptions
    @OptionGroup var registration: RegistrationOptions

    @Option(help: "Output format: table, csv or json.")
    var format: ReportFormat = .table

    @Option(
      help: ArgumentHelp(
        "With --format csv: the CSV as Dutch Excel opens it (semicolons, decimal commas, dd-mm-jjjj days, a byte-order mark).",
        valueName: "nl"))
    var excel: CSVDialect?

    @OptionGroup var weighting: WeightingOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var definitions: QuestionnaireOptions

    func validate() throws {
      try validateExcel(excel, isCSV: format == .csv)
    }

    func run() throws {
      let period = try selection.resolve()
      let store = try database.openExisting()
      defer { store.close() }
      let indicators = try definitions.loadIndicators(from: store)
      let registered = try registration.load(period: period, indicators: indicators)
      if registered == nil { try requireResponses(in: period, store: store) }
      let request = ScoreRequest(period: period, roleBasis: indicators.roleBasis)
      let data = try store.scoreData(for: request)
      let (weights, invited) = try weighting.load(knownGroups: Set(data.groups.map(\.group)), period: period)
      let card = try ScoreCard.build(
        request: request, indicators: indicators, data: data, weights: weights, invited: invited)
      let merged = IndicatorRow.rows(
        card: card, registration: registered?.figures ?? [], history: registered?.history ?? [],
        earlierThisYear: registered?.earlierThisYear ?? [],
        indicators: indicators)
      let (rows, missing) = (merged.rows, merged.missing)
      registration.noteWithoutCount(merged.withoutCount)
      if !missing.isEmpty {
        printError(
          registration.merge.map { "\($0): no value for \(missing.joined(separator: ", ")) in \(period.name)" }
            ?? "PI 5 and 6 only: pass --merge with the registration system's CSV for \(missing.joined(separator: ", "))"
        )
      }
      if let excel, excel != .standard {
        print(IndicatorRenderer.csv(rows, dialect: excel), terminator: "")
        return
      }
      print(IndicatorRenderer.render(rows, as: format, colours: format == .table && colouredOutput()), terminator: "")
    }
  }
}
