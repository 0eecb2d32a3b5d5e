import Foundation
import Testing
import TevredenCore

/// Registration indicators and files for the tests of `--merge`: a PI with a norm that changes over the years,
/// PI 7 without a norm, and a descriptive count.
public enum RegistrationFixture {
  /// PI 1 (at least 60% in 2025, 70% in 2026), PI 7a (no norm), a descriptive count, and PI 5 and 6.
  public static func indicators(disclosure: Int = 10) -> IndicatorSet {
    var set = ScoreCardFixture.indicators(minimum: 10, indicative: 30, disclosure: disclosure)
    set.indicators.insert(
      contentsOf: [
        .init(
          id: "pi1", number: "1", label: "Veiligheidsbeoordeling binnen 5 werkdagen", audience: nil,
          unit: .percentage, direction: .atLeast, norms: [2024: 60, 2025: 60, 2026: 70]),
        .init(
          id: "pi7a", number: "7a", label: "Recidive na veiligheidsbeoordeling", audience: nil, unit: .percentage,
          direction: .none, norms: [:]),
        .init(
          id: "instroom_meldingen", number: "B2", label: "Instroom meldingen", audience: nil, unit: .aantal,
          direction: .none, norms: [:]),
      ], at: 0)
    return set
  }

  /// A card without survey cells for the period, to merge registration figures into.
  public static func card(_ period: String = "2026-T2", indicators: IndicatorSet = indicators()) throws -> ScoreCard {
    try ScoreCardFixture.card([], period: period, indicators: indicators)
  }

  /// The header of a registration file with the comparison columns of the descriptive counts.
  public static let header = "indicator,subgroup,period_start,period_end,value,unit,n,budgeted,waiting_list,workload"

  /// A registration file of these rows under ``header``.
  public static func file(_ rows: [String]) -> String {
    ([header] + rows).joined(separator: "\n") + "\n"
  }
}
