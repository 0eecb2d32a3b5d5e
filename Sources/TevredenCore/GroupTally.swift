import Foundation

/// The sufficient statistics of one group's grades: enough for n, mean and spread without the raw grades.
///
/// Kept for callers of ``TevredenDatabase/tallies(in:)``; scoring itself works from ``GradeDistribution``, which also
/// gives the median and the grade counts.
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
