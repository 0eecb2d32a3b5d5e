import Foundation

/// The grades of one cell, counted per exact value: the histogram the store returns, from which every statistic
/// is computed exactly.
///
/// Interview grades are whole numbers, but an import may carry one decimal (`7,5`), so the key is the exact grade.
public struct GradeDistribution: Hashable, Sendable {
  /// How many respondents gave each exact grade.
  public private(set) var counts: [Double: Int]

  public init(counts: [Double: Int] = [:]) {
    self.counts = counts.filter { $0.value > 0 }
  }

  /// A distribution of the given grades, one respondent each.
  public init(grades: [Double]) {
    var counts: [Double: Int] = [:]
    for grade in grades { counts[grade, default: 0] += 1 }
    self.init(counts: counts)
  }

  /// Adds `count` respondents with this grade.
  public mutating func add(_ grade: Double, count: Int = 1) {
    guard count > 0 else { return }
    counts[grade, default: 0] += count
  }

  /// The exact grades with their counts, lowest first.
  public var entries: [(grade: Double, count: Int)] {
    counts.sorted { $0.key < $1.key }.map { (grade: $0.key, count: $0.value) }
  }

  /// The number of respondents.
  public var count: Int { counts.values.reduce(0, +) }

  /// Both sets of respondents together (disjoint sets: a response is in one cell only).
  public static func + (lhs: GradeDistribution, rhs: GradeDistribution) -> GradeDistribution {
    var sum = lhs
    for (grade, count) in rhs.counts { sum.add(grade, count: count) }
    return sum
  }

  public static let empty = GradeDistribution()
}

/// A two-sided confidence interval.
/// Sums over pairs of scores, enough for Pearson's correlation between them.
public struct PairedSums: Hashable, Sendable {
  public var count = 0
  public var sumX = 0.0
  public var sumY = 0.0
  public var sumXX = 0.0
  public var sumYY = 0.0
  public var sumXY = 0.0

  public init() {}

  /// Adds `count` pairs with the same two values.
  public mutating func add(_ x: Double, _ y: Double, count: Int = 1) {
    let weight = Double(count)
    self.count += count
    sumX += weight * x
    sumY += weight * y
    sumXX += weight * x * x
    sumYY += weight * y * y
    sumXY += weight * x * y
  }

  /// Pearson's r, or `nil` with fewer than three pairs or when either score does not vary.
  public var correlation: Double? {
    guard count >= 3 else { return nil }
    let n = Double(count)
    let covariance = n * sumXY - sumX * sumY
    let varianceX = n * sumXX - sumX * sumX
    let varianceY = n * sumYY - sumY * sumY
    // Sums of whole or one-decimal scores: a variance this small is rounding, not spread.
    guard varianceX > 1e-9 * n * n, varianceY > 1e-9 * n * n else { return nil }
    return max(-1, min(1, covariance / (varianceX.squareRoot() * varianceY.squareRoot())))
  }
}

public struct ConfidenceInterval: Hashable, Sendable {
  public var lower: Double
  public var upper: Double
  /// The confidence level, 0.95 for a 95% interval.
  public var level: Double

  public init(lower: Double, upper: Double, level: Double) {
    self.lower = lower
    self.upper = upper
    self.level = level
  }
}

/// Every figure reported for one cell, computed once from its distribution so that renderers never compute.
public struct GradeSummary: Hashable, Sendable {
  /// The respondents' grades per exact value.
  public var distribution: GradeDistribution
  /// The number of respondents with a grade.
  public var count: Int
  /// The mean grade; `nil` without respondents.
  public var mean: Double?
  /// The sample standard deviation (n − 1); `nil` with fewer than two respondents.
  public var standardDeviation: Double?
  /// The 95% interval of the mean by the t distribution with n − 1 degrees of freedom; `nil` below n = 2.
  public var confidenceInterval: ConfidenceInterval?
  /// The median (the mean of the two middle grades when n is even); `nil` without respondents.
  public var median: Double?
  /// Respondents per grade 1…10 (index 0 is grade 1). A decimal grade counts under its whole part: 7.5 under 7, so
  /// grades 1 to 5 together are exactly the grades below 6.
  public var gradeCounts: [Int]
  /// The share (0…1) of grades below 6; `nil` without respondents.
  public var shareBelowSix: Double?

  /// The confidence level of ``confidenceInterval``.
  public static let confidenceLevel = 0.95

  public init(_ distribution: GradeDistribution) {
    self.distribution = distribution
    let entries = distribution.entries
    let n = entries.reduce(0) { $0 + $1.count }
    count = n
    var perGrade = [Int](repeating: 0, count: 10)
    for entry in entries {
      let bin = min(max(Int(entry.grade.rounded(.down)), 1), 10)
      perGrade[bin - 1] += entry.count
    }
    gradeCounts = perGrade
    guard n > 0 else {
      mean = nil
      standardDeviation = nil
      confidenceInterval = nil
      median = nil
      shareBelowSix = nil
      return
    }
    let total = entries.reduce(0.0) { $0 + $1.grade * Double($1.count) }
    let mean = total / Double(n)
    self.mean = mean
    shareBelowSix = Double(entries.filter { $0.grade < 6 }.reduce(0) { $0 + $1.count }) / Double(n)
    median = Self.median(entries, count: n)
    guard n > 1 else {
      standardDeviation = nil
      confidenceInterval = nil
      return
    }
    // Two passes over the histogram: exact and free of the cancellation that sum-of-squares formulas suffer.
    let squares = entries.reduce(0.0) { $0 + Double($1.count) * ($1.grade - mean) * ($1.grade - mean) }
    let sd = (squares / Double(n - 1)).squareRoot()
    standardDeviation = sd
    let half =
      StudentT.quantile(0.5 + Self.confidenceLevel / 2, degreesOfFreedom: Double(n - 1)) * sd
      / Double(n).squareRoot()
    confidenceInterval = ConfidenceInterval(lower: mean - half, upper: mean + half, level: Self.confidenceLevel)
  }

  /// The summary of the given grades.
  public init(grades: [Double]) {
    self.init(GradeDistribution(grades: grades))
  }

  public static let empty = GradeSummary(GradeDistribution.empty)

  private static func median(_ entries: [(grade: Double, count: Int)], count n: Int) -> Double? {
    // Zero-based positions of the middle one or two grades.
    let low = (n - 1) / 2
    let high = n / 2
    var seen = 0
    var lowValue: Double?
    for entry in entries {
      let next = seen + entry.count
      if lowValue == nil, low < next { lowValue = entry.grade }
      if high < next, let lowValue { return (lowValue + entry.grade) / 2 }
      seen = next
    }
    return nil
  }
}

/// Welch's t-test of the difference between the means of two independent samples (unequal variances).
public struct WelchTest: Hashable, Sendable {
  /// The test statistic: (mean₁ − mean₂) / standard error.
  public var t: Double
  /// The Welch–Satterthwaite degrees of freedom.
  public var degreesOfFreedom: Double
  /// The two-sided p-value.
  public var pValue: Double

  /// The significance level used throughout: 5%, matching the 95% intervals.
  public static let alpha = 0.05

  /// Whether the difference is significant at ``alpha``.
  public var isSignificant: Bool { pValue < Self.alpha }

  /// Tests `current` against `previous`; `nil` when either has fewer than two respondents or both have no spread.
  public init?(_ current: GradeSummary, _ previous: GradeSummary) {
    guard current.count > 1, previous.count > 1, let m1 = current.mean, let m2 = previous.mean,
      let s1 = current.standardDeviation, let s2 = previous.standardDeviation
    else { return nil }
    let v1 = s1 * s1 / Double(current.count)
    let v2 = s2 * s2 / Double(previous.count)
    guard v1 + v2 > 0 else { return nil }
    t = (m1 - m2) / (v1 + v2).squareRoot()
    degreesOfFreedom =
      (v1 + v2) * (v1 + v2)
      / (v1 * v1 / Double(current.count - 1) + v2 * v2 / Double(previous.count - 1))
    pValue = 2 * (1 - StudentT.cdf(abs(t), degreesOfFreedom: degreesOfFreedom))
  }
}

/// Student's t distribution: the distribution function and its inverse, computed here (no dependency).
public enum StudentT {
  /// P(T ≤ t) for T with `degreesOfFreedom` (> 0, need not be whole; `.infinity` is the standard normal).
  public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
    guard t.isFinite else { return t > 0 ? 1 : 0 }
    if nu.isInfinite || nu > 1e7 { return 0.5 * erfc(-t / 2.0.squareRoot()) }
    // P(|T| > |t|) = I_x(ν/2, 1/2) with x = ν / (ν + t²).
    let x = nu / (nu + t * t)
    let tail = 0.5 * SpecialFunctions.regularizedIncompleteBeta(a: nu / 2, b: 0.5, x: x)
    return t >= 0 ? 1 - tail : tail
  }

  /// The t with P(T ≤ t) = p, for 0 < p < 1, to about 1e-12: Newton's method on ``cdf(_:degreesOfFreedom:)``
  /// with the density as its slope, kept inside a bracket that every evaluation narrows, and bisection wherever a
  /// Newton step would leave it.
  ///
  /// Bisection alone took about 45 evaluations of the distribution function per quantile, each a continued
  /// fraction; a score by municipality asks for a few hundred quantiles, and they were 7% of its time (perf). Newton
  /// from the bracket's middle needs five or six.
  public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
    guard p > 0, p < 1 else { return p <= 0 ? -.infinity : .infinity }
    if p == 0.5 { return 0 }
    if p < 0.5 { return -quantile(1 - p, degreesOfFreedom: nu) }
    var low = 0.0
    var high = 1.0
    while cdf(high, degreesOfFreedom: nu) < p {
      low = high
      high *= 2
    }
    var t = (low + high) / 2
    for _ in 0..<200 {
      let error = cdf(t, degreesOfFreedom: nu) - p
      if error < 0 { low = t } else { high = t }
      if error == 0 || high - low < 1e-13 * max(1, high) { break }
      var next = t - error / density(t, degreesOfFreedom: nu)
      if !(next > low && next < high) { next = (low + high) / 2 }
      if abs(next - t) < 1e-13 * max(1, t) { return next }
      t = next
    }
    return t
  }

  /// The density of T at t.
  static func density(_ t: Double, degreesOfFreedom nu: Double) -> Double {
    if nu.isInfinite || nu > 1e7 { return exp(-t * t / 2) / (2 * Double.pi).squareRoot() }
    let logScale: Double = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
    return exp(logScale - (nu + 1) / 2 * log1p(t * t / nu))
  }
}

/// Special functions needed by the t distribution.
enum SpecialFunctions {
  /// The regularized incomplete beta function I_x(a, b), by its continued fraction (Lentz's method), using the
  /// symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges slowly.
  static func regularizedIncompleteBeta(a: Double, b: Double, x: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logBeta: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
    let logPowers: Double = a * log(x) + b * log(1 - x)
    let logFront = logBeta + logPowers
    let front = exp(logFront)
    if x < (a + 1) / (a + b + 2) {
      return front * continuedFraction(a: a, b: b, x: x) / a
    }
    return 1 - front * continuedFraction(a: b, b: a, x: 1 - x) / b
  }

  private static func continuedFraction(a: Double, b: Double, x: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var result = d
    for m in 1...10_000 {
      let m = Double(m)
      let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
      d = 1 + even * d
      if abs(d) < tiny { d = tiny }
      c = 1 + even / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      result *= d * c
      let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
      d = 1 + odd * d
      if abs(d) < tiny { d = tiny }
      c = 1 + odd / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      result *= delta
      if abs(delta - 1) < 1e-15 { break }
    }
    return result
  }
}
