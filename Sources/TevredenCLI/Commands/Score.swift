import ArgumentParser
import Foundation
import TevredenCore
import TevredenStore

extension TevredenCommand {
  struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show PI 5 and PI 6: the mean grade per respondent group against the year's norm.",
      discussion: """
        Periods are cumulative from 1 January, as the management reports are: 2026-T1 is January–April, \
        2026-T2 January–August, 2026 (or 2026-T3) the whole year. Only completed responses with a grade count.
        """)

    @Option(help: "The period: 2026, 2026-T1, 2026-T2 or 2026-T3 (default: the current year).")
    var period: String?

    @Option(help: "Output format: table, csv or json.")
    var format: ReportFormat = .table

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var definitions: QuestionnaireOptions

    func run() throws {
      let period = try parsePeriod(self.period ?? String(LocalDate(Date()).year))
      let indicators = try definitions.loadIndicators()
      let store = try database.openExisting()
      let card = ScoreCard(period: period, indicators: indicators, tallies: try store.tallies(in: period))
      if try store.responseCount() == 0 { printError("The database holds no responses yet: import them first.") }
      print(ScoreRenderer.render(card, as: format), terminator: "")
    }
  }
}

extension ReportFormat: ExpressibleByArgument {}
