import Foundation

/// The sufficient statistics of one group's grades: enough for n, mean and spread without the raw grades.
public struct GroupTally: Hashable, Sendable {
  public var audience: Audience
  public var group: String
  public var groupLabel: String
  public var count: Int
  public var sum: Double
  public var sumOfSquares: Double

  public init(
    audience: Audience, group: String, groupLabel: String, count: Int = 0, sum: Double = 0, sumOfSquares: Double = 0
  ) {
    self.audience = audience
    self.group = group
    self.groupLabel = groupLabel
    self.count = count
    self.sum = sum
    self.sumOfSquares = sumOfSquares
  }

  /// Tallies grades one by one (used by tests and by callers that score in memory).
  public mutating func add(_ grade: Double) {
    count += 1
    sum += grade
    sumOfSquares += grade * grade
  }

  /// The statistic these sums describe.
  public var statistic: Statistic {
    Statistic(count: count, sum: sum, sumOfSquares: sumOfSquares)
  }
}

/// Summary statistics of a set of grades.
public struct Statistic: Hashable, Sendable {
  public var count: Int
  public var sum: Double
  public var sumOfSquares: Double

  public init(count: Int, sum: Double, sumOfSquares: Double) {
    self.count = count
    self.sum = sum
    self.sumOfSquares = sumOfSquares
  }

  /// The mean grade, or `nil` without respondents.
  public var mean: Double? {
    count > 0 ? sum / Double(count) : nil
  }

  /// The sample standard deviation, or `nil` with fewer than two respondents.
  public var standardDeviation: Double? {
    guard count > 1, let mean else { return nil }
    let variance = (sumOfSquares - Double(count) * mean * mean) / Double(count - 1)
    return variance > 0 ? variance.squareRoot() : 0
  }

  /// Combines two disjoint sets of grades.
  public static func + (lhs: Statistic, rhs: Statistic) -> Statistic {
    Statistic(count: lhs.count + rhs.count, sum: lhs.sum + rhs.sum, sumOfSquares: lhs.sumOfSquares + rhs.sumOfSquares)
  }

  public static let empty = Statistic(count: 0, sum: 0, sumOfSquares: 0)
}

/// How a figure compares with its norm.
public enum NormStatus: String, Hashable, Sendable, CaseIterable {
  /// The mean meets the norm.
  case voldoet
  /// The mean does not meet the norm.
  case voldoetNiet = "voldoet niet"
  /// Fewer respondents than the minimum: too few to say.
  case teWeinigRespondenten = "te weinig respondenten"
  /// No norm is set for the year.
  case geenNorm = "geen norm"

  /// Compares a statistic with a norm, given the minimum number of respondents.
  public static func of(
    _ statistic: Statistic, norm: Double?, direction: IndicatorSet.Direction, minimumRespondents: Int
  ) -> NormStatus {
    guard statistic.count >= minimumRespondents, let mean = statistic.mean else { return .teWeinigRespondenten }
    guard let norm, direction != .none else { return .geenNorm }
    // Compare at the precision reported (one decimal) so the light always agrees with the printed figure.
    let shown = (mean * 10).rounded() / 10
    switch direction {
    case .atLeast: return shown >= norm ? .voldoet : .voldoetNiet
    case .atMost: return shown <= norm ? .voldoet : .voldoetNiet
    case .none: return .geenNorm
    }
  }
}

/// The figures for PI 5 and PI 6 in one period: an overall row per indicator with a row per group beneath.
public struct ScoreCard: Hashable, Sendable {
  /// One figure with its basis and status.
  public struct Row: Hashable, Sendable {
    public var label: String
    public var statistic: Statistic
    public var status: NormStatus
  }

  /// One indicator: the overall figure over all respondents of its audience, then one row per group.
  public struct IndicatorScore: Hashable, Sendable {
    public var indicator: IndicatorSet.Indicator
    public var norm: Double?
    public var overall: Row
    public var groups: [Row]
  }

  public var period: Period
  public var minimumRespondents: Int
  public var indicators: [IndicatorScore]

  /// Builds the card from per-group tallies.
  ///
  /// The overall row is the mean over all respondents of the audience (not the mean of group means), as the
  /// indicator is defined.
  public init(period: Period, indicators set: IndicatorSet, tallies: [GroupTally]) {
    self.period = period
    self.minimumRespondents = set.minimumRespondents
    self.indicators = Audience.allCases.compactMap { audience in
      guard let indicator = set.indicator(for: audience) else { return nil }
      let norm = indicator.norms[period.normYear]
      func row(_ label: String, _ statistic: Statistic) -> Row {
        Row(
          label: label, statistic: statistic,
          status: NormStatus.of(
            statistic, norm: norm, direction: indicator.direction, minimumRespondents: set.minimumRespondents))
      }
      let groups = tallies.filter { $0.audience == audience }.sorted { $0.groupLabel < $1.groupLabel }
      let overall = groups.map(\.statistic).reduce(Statistic.empty, +)
      return IndicatorScore(
        indicator: indicator, norm: norm, overall: row(indicator.label, overall),
        groups: groups.map { row($0.groupLabel, $0.statistic) })
    }
  }
}
