import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore

/// `score --by taal`: every figure pools the languages; the breakdown shows each language, protected so that a small
/// language group's figure can be neither read nor worked out from the totals.
@Suite struct LanguageBreakdownTests {
  static func cell(_ group: String, _ language: String, _ n: Int, grade: Double = 7) -> GradeCell {
    GradeCell(
      audience: .inwoners, group: group, language: language,
      distribution: GradeDistribution(grades: Array(repeating: grade, count: n)))
  }

  static func breakdown(_ cells: [GradeCell], by: [ScoreDimension] = [.language]) throws -> ScoreCard.IndicatorScore {
    try ScoreCardFixture.card(cells, indicators: ScoreCardFixture.indicators(minimum: 10), by: by).indicators[0]
  }

  /// Every line of the table (each column over the languages, each language's group cells against its total) holds
  /// no withheld figure, or at least two holding together at least `minimum` respondents; the same for withheld
  /// grade distributions with the distribution threshold: what an intruder subtracting the shown cells from a shown
  /// total can learn is never one small cell.
  static func linesAreProtected(_ score: ScoreCard.IndicatorScore, minimum: Int, distribution: Int) -> Bool {
    guard let rows = score.breakdown?.rows else { return false }
    let columns = 1 + (rows.first?.groups.count ?? 0)
    func cell(_ row: Int, _ column: Int) -> ScoreCard.Row {
      column == 0 ? rows[row].total : rows[row].groups[column - 1]
    }
    func withheld(_ row: ScoreCard.Row) -> Bool {
      row.summary.count > 0 && (row.isSuppressed || row.status == .teWeinigRespondenten)
    }
    // Each line with whether its total shows its figure and its distribution: a column's total is the region's
    // (shown from the minimum), a language's is its row total.
    var lines: [(members: [ScoreCard.Row], figure: Bool, distribution: Bool)] = (0..<columns).map { column in
      let members = rows.indices.map { cell($0, column) }
      let shown = members.map(\.summary.count).reduce(0, +) >= minimum
      return (members, shown, shown)
    }
    if columns > 1 {
      lines += rows.map { row in (row.groups, !withheld(row.total), row.total.publishesDistribution) }
    }
    for line in lines {
      let hidden = line.members.filter(withheld)
      let count = hidden.map(\.summary.count).reduce(0, +)
      if line.figure, !hidden.isEmpty, hidden.count < 2 || count < minimum { return false }
      let noDistribution = line.members.filter { $0.summary.count > 0 && !$0.publishesDistribution }
      let without = noDistribution.map(\.summary.count).reduce(0, +)
      if line.distribution, !noDistribution.isEmpty, noDistribution.count < 2 || without < distribution {
        return false
      }
    }
    return true
  }

  @Test func aLanguageTableIsMadeForWholeYearsOnly() throws {
    let cells = [Self.cell("melding", "nl", 40), Self.cell("melding", "ar", 3)]
    for period in ["2026-T1", "2026-T2"] {
      #expect(throws: ScoringError.languageNeedsWholeYears(period)) {
        try ScoreCardFixture.card(
          cells, period: period, indicators: ScoreCardFixture.indicators(minimum: 10), by: [.language])
      }
    }
    _ = try ScoreCardFixture.card(
      cells, period: "2026", indicators: ScoreCardFixture.indicators(minimum: 10), by: [.language])
    #expect(try #require(Period("2026")).coversWholeYears)
    #expect(try !#require(Period("2026-T2")).coversWholeYears)
  }

  @Test func everyFigurePoolsTheLanguagesAndTheBreakdownNamesThem() throws {
    let score = try Self.breakdown([
      Self.cell("melding", "nl", 40, grade: 8), Self.cell("melding", "en", 15, grade: 6),
      Self.cell("melding", "tr", 12, grade: 7),
    ])
    #expect(score.overall.summary.count == 67)
    #expect(score.groups.first { $0.group == "melding" }?.summary.count == 67)
    let rows = try #require(score.breakdown?.rows)
    // Dutch first, then by code.
    #expect(rows.map(\.label) == ["Nederlands (nl)", "Engels (en)", "Turks (tr)"])
    #expect(rows.map(\.values) == [["nl"], ["en"], ["tr"]])
    #expect(rows.map(\.total.summary.count) == [40, 15, 12])
    #expect(rows.map(\.total.isSuppressed) == [false, false, false])
    #expect(rows[0].total.summary.mean == 8)
    #expect(score.breakdown?.isDisclosureControlled == false)
    #expect(Self.linesAreProtected(score, minimum: 10, distribution: 20))
  }

  @Test func aSingleSmallLanguageShowsItsNumberAndTheNextSmallestIsHidden() throws {
    let score = try Self.breakdown([
      Self.cell("melding", "nl", 40), Self.cell("melding", "en", 12), Self.cell("melding", "ar", 3, grade: 2),
    ])
    let rows = Dictionary(uniqueKeysWithValues: try #require(score.breakdown?.rows).map { ($0.values[0], $0.total) })
    // Arabic: three respondents, only their number; English hidden with it, so that the total minus Dutch gives
    // the fifteen of both, never the three alone.
    #expect(rows["ar"]?.summary.count == 3)
    #expect(rows["ar"]?.status == .teWeinigRespondenten)
    #expect(rows["ar"]?.isSuppressed == false)
    #expect(rows["en"]?.isSuppressed == true)
    #expect(rows["nl"]?.isSuppressed == false)
    // The distribution of Dutch minus the total's would be the fifteen's grades: withheld as well.
    #expect(rows["nl"]?.publishesDistribution == false)
    #expect(Self.linesAreProtected(score, minimum: 10, distribution: 20))
  }

  @Test func twoSmallLanguagesTogetherAtTheMinimumNeedNoMore() throws {
    let score = try Self.breakdown([
      Self.cell("melding", "nl", 60), Self.cell("melding", "en", 30), Self.cell("melding", "ar", 6),
      Self.cell("melding", "tr", 5),
    ])
    let rows = try #require(score.breakdown?.rows)
    #expect(rows.map(\.total.isSuppressed) == [false, false, false, false])
    #expect(rows.map(\.values) == [["nl"], ["ar"], ["en"], ["tr"]])
    #expect(rows.map { $0.total.status == .teWeinigRespondenten } == [false, true, false, true])
    #expect(rows[0].total.publishesDistribution)
    #expect(Self.linesAreProtected(score, minimum: 10, distribution: 20))
  }

  @Test(arguments: [
    [("melding", "nl", 30), ("melding", "ar", 3), ("advies", "nl", 20), ("advies", "en", 12)],
    [("melding", "nl", 25), ("melding", "en", 11), ("melding", "pl", 2), ("advies", "nl", 9), ("advies", "tr", 14)],
    [("melding", "nl", 50), ("melding", "en", 50), ("advies", "en", 1), ("advies", "nl", 1)],
  ])
  func groupCellsAreProtectedOnEveryLine(cells: [(String, String, Int)]) throws {
    let score = try Self.breakdown(cells.map { Self.cell($0.0, $0.1, $0.2) }, by: [.language, .group])
    #expect(score.breakdown?.includesGroups == true)
    #expect(Self.linesAreProtected(score, minimum: 10, distribution: 20), "\(String(describing: score.breakdown))")
  }

  @Test func taalIsABreakdownThatDoesNotCombineWithPeriodsOrMunicipalities() throws {
    #expect(try ScoreDimension.parseList("taal") == [.language])
    #expect(try ScoreDimension.parseList("taal,group") == [.group, .language])
    #expect(try ScoreDimension.parseList("jaar,taal") == [.language, .year])
    #expect(throws: ScoringError.incompatibleDimensions(.period, .language)) {
      try ScoreDimension.parseList("taal,periode")
    }
    #expect(throws: ScoringError.incompatibleDimensions(.language, .gemeente)) {
      try ScoreDimension.parseList("gemeente,taal")
    }
    #expect(
      ScoringError.incompatibleDimensions(.period, .language).errorDescription?.hasPrefix(
        "--by period cannot be combined with taal") == true)
  }
}
