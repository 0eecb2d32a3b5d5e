import Foundation
import Testing
import TevredenCore

/// Score cards built by the engine from hand-made cells, for the tests of the engine and of its renderers.
public enum ScoreCardFixture {
  public static func indicators(minimum: Int = 3, indicative: Int? = nil, disclosure: Int = 10) -> IndicatorSet {
    IndicatorSet(
      minimumRespondents: minimum, indicativeBelow: indicative, disclosureThreshold: disclosure,
      indicators: [
        .init(
          id: "pi5", number: "5", label: "Klanttevredenheid van direct betrokkenen", audience: .inwoners, unit: .cijfer,
          direction: .atLeast, norms: [2025: 7.0, 2026: 7.5]),
        .init(
          id: "pi6", number: "6", label: "Klanttevredenheid ketenpartners", audience: .ketenpartners, unit: .cijfer,
          direction: .atLeast, norms: [2026: 7.0]),
      ], gemeenten: ["Alkmaar", "Bergen", "Hoorn", "Texel"])
  }

  public static let groups = [
    GroupInfo(audience: .inwoners, group: "melding", label: "Melding"),
    GroupInfo(audience: .inwoners, group: "advies", label: "Advies"),
    GroupInfo(audience: .ketenpartners, group: "politie", label: "Politie"),
  ]

  public static func cell(_ audience: Audience, _ group: String, _ grades: [Double], gemeente: String? = nil)
    -> GradeCell
  {
    GradeCell(audience: audience, group: group, gemeente: gemeente, distribution: GradeDistribution(grades: grades))
  }

  public static func card(
    _ cells: [GradeCell], period: String = "2026", indicators: IndicatorSet = indicators(), by: [ScoreDimension] = [],
    previous: [GradeCell] = [], statuses: [StatusCount] = [], weights: PopulationWeights? = nil,
    invited: [String: Int] = [:], contacts: [ContactCount] = []
  ) throws -> ScoreCard {
    try ScoreCard.build(
      request: ScoreRequest(period: try #require(Period(period)), dimensions: by, roleBasis: indicators.roleBasis),
      indicators: indicators,
      data: ScoreData(
        groups: groups, cells: cells, previousCells: previous, statusCounts: statuses, contacts: contacts),
      weights: weights, invited: invited)
  }

  /// `n` grades of 7.
  public static func grades(_ n: Int) -> [Double] { Array(repeating: 7, count: n) }
}
