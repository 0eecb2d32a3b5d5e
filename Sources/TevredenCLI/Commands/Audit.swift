import ArgumentParser
import Foundation
import TevredenCore
import TevredenStore

extension TevredenCommand {
  struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Attack a year's municipal tables as an intruder would, before they are published.",
      discussion: """
        Takes every municipal table tevreden publishes for the year (score --by gemeente,group and the report's \
        tables, for T1, T2 and the whole year, with the region's totals) and tries to work out what is hidden: \
        each hidden cell's number of respondents, the respondents a municipality gained between two periods, and \
        any respondent's grade, by linear programming over all tables consistent with the published figures and \
        by differencing the cumulative periods. Exit 0 when nothing can be derived, 1 when something can (each \
        finding is listed). Run it before sending the management report.
        """)

    @Option(help: "The year whose tables (T1, T2 and the year) to attack.")
    var year: Int

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var definitions: QuestionnaireOptions

    func validate() throws {
      guard Period("\(year)") != nil else {
        throw ValidationError("--year \(year) is not a year; write four digits, such as 2026")
      }
    }

    func run() throws {
      let store = try database.openExisting()
      defer { store.close() }
      let indicators = try definitions.loadIndicators(from: store)
      let periods = ["\(year)-T1", "\(year)-T2", "\(year)"].compactMap(Period.init)
      guard let whole = periods.last, periods.count == 3 else { return }
      try requireResponses(in: whole, store: store)
      let cards = try periods.map { period in
        let request = ScoreRequest(period: period, dimensions: [.gemeente, .group], roleBasis: indicators.roleBasis)
        // The municipal tables do not depend on how groups combine into the indicator: the audit reads the
        // tables as published, whatever weights a report was made with.
        return try ScoreCard.build(
          request: request, indicators: indicators.countingEveryGroupAsRespondents,
          data: try store.scoreData(for: request))
      }
      var findings: [DisclosureFinding] = []
      for audience in Audience.allCases where indicators.indicator(for: audience) != nil {
        guard let published = PublishedYear(audience: audience, year: year, cards: cards) else { continue }
        let result = DisclosureAudit.attack(published, threshold: indicators.disclosureThreshold)
        print(
          "\(audience.rawValue) \(year): \(result.hiddenCells) hidden cells and \(result.increments) increments "
            + "attacked (\(result.programs) linear programs): "
            + (result.findings.isEmpty ? "nothing derivable" : "\(result.findings.count) disclosures"))
        findings += result.findings
        if !result.isComplete {
          // Published figures that contradict each other are a bug in tevreden, never a pass.
          throw CLIError.disclosure(
            "the \(audience.rawValue) \(year) tables contradict each other (counts: \(result.countsInconsistent ? "yes" : "no"), grades: \(result.inconsistentGrades)); the audit cannot vouch for them"
          )
        }
      }
      for finding in findings { print("  \(finding)") }
      if !findings.isEmpty {
        throw CLIError.disclosure(
          "\(findings.count) hidden figures can be worked out from the \(year) tables; do not publish them as they are")
      }
    }
  }
}
