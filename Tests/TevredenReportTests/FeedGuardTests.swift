import Foundation
import Testing
import TevredenCore
import TevredenTestSupport

@testable import TevredenReport

/// The score and indicator feeds guard their text cells against formulas (`SpreadsheetGuard`) and leave their numbers
/// numbers.
@Suite struct FeedGuardTests {
  static let hyperlink = "=HYPERLINK(\"http://x\",\"klik\")"

  static func card() throws -> ScoreCard {
    let groups = [GroupInfo(audience: .inwoners, group: "melding", label: hyperlink)]
    return try ScoreCard.build(
      request: ScoreRequest(period: try #require(Period("2026-T2")), dimensions: [.gemeente, .group]),
      indicators: ScoreCardFixture.indicators(minimum: 1),
      data: ScoreData(
        groups: groups,
        cells: [ScoreCardFixture.cell(.inwoners, "melding", Array(repeating: 6, count: 30), gemeente: "Alkmaar")],
        previousCells: [
          ScoreCardFixture.cell(.inwoners, "melding", Array(repeating: 8, count: 30), gemeente: "Alkmaar")
        ]
      ))
  }

  @Test func scoreCSVGuardsTheLabelsAndKeepsANegativeChangeANumber() throws {
    let records = try CSVReader.parse(ScoreRenderer.csv(try Self.card())).map(\.fields)
    let header = records[0]
    let label = try #require(header.firstIndex(of: "group_label"))
    let change = try #require(header.firstIndex(of: "change"))
    let rowType = try #require(header.firstIndex(of: "row_type"))
    let group = try #require(records.first { $0[rowType] == "group" })
    #expect(group[label] == "'" + Self.hyperlink)
    #expect(group[change] == "-2.0000")
    for record in records.dropFirst() {
      for (column, cell) in record.enumerated() where !ScoreRendererColumns.numeric.contains(header[column]) {
        #expect(SpreadsheetGuard.unguarded(cell) == cell || cell.hasPrefix("'"), "\(header[column]): \(cell)")
        #expect(!SpreadsheetGuard.needsGuard(cell) || cell.hasPrefix("'"), "\(header[column]): \(cell)")
      }
    }
  }

  @Test func indicatorsCSVGuardsARegistrationSubgroup() throws {
    let set = ScoreCardFixture.indicators()
    let indicator = try #require(set.indicators.first)
    let period = try #require(Period("2026-T2"))
    let row = IndicatorRow(
      indicator: indicator, subgroup: Self.hyperlink, period: period, value: 6.97, count: 40, norm: 7.0,
      assessment: Assessment(status: .voldoet), interval: nil, source: .registratie)
    let records = try CSVReader.parse(IndicatorRenderer.csv([row])).map(\.fields)
    let header = records[0]
    func field(_ name: String) throws -> String { records[1][try #require(header.firstIndex(of: name))] }
    #expect(try field("subgroup") == "'" + Self.hyperlink)
    #expect(try field("value") == "6.97")
    #expect(try field("value_reported") == "7.0")
    #expect(try field("period") == "2026-T2")
    #expect(try field("status_reported") == "voldoet")
  }
}

/// The numeric columns of the score CSV, as the README lists them.
enum ScoreRendererColumns {
  static let numeric: Set<String> = Set(
    [
      "n", "mean", "sd", "ci_lower", "ci_upper", "median", "share_below_6", "norm", "previous_n", "previous_mean",
      "change", "change_p_value", "response_rate", "effective_n", "value_reported",
    ] + (1...10).map { "grade_\($0)" })
}
