import Testing

@testable import TevredenCore

/// Coordinated disclosure control and the intruder that checks it, on tables small enough to reason about.
@Suite struct DisclosureControlTests {
  /// A table of one group's cells per municipality and third: `cells[third][row]` = grades.
  static func counts(_ cells: [[[Double]]], groups: Int = 1) -> MunicipalCounts {
    let rows = cells.first?.count ?? 0
    return MunicipalCounts(
      gemeenten: (0..<rows).map { "G\($0)" }, groups: (0..<groups).map { "g\($0)" },
      thirds: cells.map { third in third.map { grades in [GradeDistribution(grades: grades)] } })
  }

  static func grades(_ count: Int, _ grade: Double = 7) -> [Double] { Array(repeating: grade, count: count) }

  /// Everything shown that is not empty, with its distribution: what a tool without coordination published.
  static func naive(_ counts: MunicipalCounts, periods: Int, hidden: (Int, Int, Int) -> Bool = { _, _, _ in false })
    -> [SuppressionPattern]
  {
    (1...periods).map { period in
      let table = counts.cumulative(through: period)
      let hiddenCells = table.indices.map { row in table[row].indices.map { hidden(period, row, $0) } }
      return SuppressionPattern(
        hidden: hiddenCells, distributionShown: hiddenCells.map { $0.map { !$0 } })
    }
  }

  @Test func theT1T2DifferenceOfOneRespondentIsClosed() {
    // G0 has 12 respondents in January–April and one more, who gave a 2, in May–August.
    let counts = Self.counts([
      [Self.grades(12), Self.grades(30, 8)],
      [[2], Self.grades(15, 8)],
      [[], []],
    ])
    // Published as each period's own table would be, the difference isolates that respondent and their grade.
    let leaked = DisclosureAudit.attack(
      PublishedYear(counts, patterns: Self.naive(counts, periods: 2), minimumRespondents: 10), threshold: 10)
    #expect(leaked.findings.contains { $0.kind == .smallIncrement(1) && $0.gemeente == "G0" })
    #expect(leaked.findings.contains { $0.kind == .certainGrade(2) && $0.gemeente == "G0" })
    // Coordinated: T1 shows G0 (12 ≥ 10); T2 hides it, and hides its row's complement too.
    let patterns = DisclosureControl.coordinated(
      counts, periods: 2, threshold: 10, distributionThreshold: 20, minimumRespondents: 10)
    #expect(patterns[0].hidden[0][0] == false)
    #expect(patterns[1].hidden[0][0] == true)
    let audit = DisclosureAudit.attack(
      PublishedYear(counts, patterns: patterns, minimumRespondents: 10), threshold: 10)
    #expect(audit.isComplete)
    #expect(audit.findings.isEmpty, "\(audit.findings)")
    #expect(audit.hiddenCells > 0 && audit.increments > 0)
  }

  @Test func twoHiddenCellsOfOneRespondentEachArePinnedAndTheRuleHidesMore() {
    // Four municipalities in one period: 1, 1, 40, 25. Hiding only the two small ones leaves their sum, 2, to be
    // worked out from the region's total, and each holds at least one: both are exactly 1.
    let counts = Self.counts([[[7], [6], Self.grades(40), Self.grades(25, 8)], [[], [], [], []], [[], [], [], []]])
    let naive = Self.naive(counts, periods: 1) { _, row, _ in row < 2 }
    let leaked = DisclosureAudit.attack(PublishedYear(counts, patterns: naive, minimumRespondents: 10), threshold: 10)
    #expect(leaked.findings.filter { $0.kind == .hiddenCount(1) }.count >= 2, "\(leaked.findings)")
    let patterns = DisclosureControl.coordinated(
      counts, periods: 1, threshold: 10, distributionThreshold: 20, minimumRespondents: 10)
    // The smallest shown cell (25) joins them, so the hidden cells hold 27 together.
    #expect(patterns[0].hidden.map { $0[0] } == [true, true, false, true])
    let audit = DisclosureAudit.attack(PublishedYear(counts, patterns: patterns, minimumRespondents: 10), threshold: 10)
    #expect(audit.findings.isEmpty, "\(audit.findings)")
  }

  @Test func aGroupTooSmallInTheWholeRegionIsHiddenWholeEmptyCellsIncluded() {
    // One respondent in each of three municipalities out of five: the region's total of 3 says each has exactly 1
    // unless the empty cells are hidden as well.
    let counts = Self.counts([[[7], [5], [9], [], []], [[], [], [], [], []], [[], [], [], [], []]])
    let naive = Self.naive(counts, periods: 1) { _, row, _ in row < 3 }
    let leaked = DisclosureAudit.attack(PublishedYear(counts, patterns: naive, minimumRespondents: 10), threshold: 10)
    // Each of the three, as a cell and as its row's total.
    #expect(leaked.findings.filter { $0.kind == .hiddenCount(1) }.count == 6, "\(leaked.findings)")
    let patterns = DisclosureControl.coordinated(
      counts, periods: 1, threshold: 10, distributionThreshold: 20, minimumRespondents: 10)
    #expect(patterns[0].hidden.allSatisfy { $0[0] })
    let audit = DisclosureAudit.attack(PublishedYear(counts, patterns: patterns, minimumRespondents: 10), threshold: 10)
    #expect(audit.findings.isEmpty, "\(audit.findings)")
  }

  @Test func distributionsAreShownFromTheirThresholdOnlyWhenNoGradeCanBePlaced() {
    // Two groups; G0 has 25 in g0 and 12 in g1, G1 has 30 and 14, G2 has 22 and 11.
    func cells(_ n: Int, _ grade: Double) -> [Double] { Self.grades(n, grade) }
    let table = [
      [cells(25, 7), cells(12, 8)], [cells(30, 6), cells(14, 7)], [cells(22, 8), cells(11, 9)],
    ]
    let counts = MunicipalCounts(
      gemeenten: ["G0", "G1", "G2"], groups: ["g0", "g1"],
      thirds: [table.map { $0.map { GradeDistribution(grades: $0) } }]
        + Array(
          repeating: Array(repeating: Array(repeating: GradeDistribution.empty, count: 2), count: 3), count: 2))
    let pattern = DisclosureControl.coordinated(
      counts, periods: 1, threshold: 10, distributionThreshold: 20, minimumRespondents: 10)[0]
    #expect(pattern.hidden.allSatisfy { !$0.contains(true) })
    // Cells under 20 never show their distribution.
    for row in 0..<3 { #expect(pattern.distributionShown[row][2] == false) }
    let audit = DisclosureAudit.attack(
      PublishedYear(counts, patterns: [pattern], minimumRespondents: 10), threshold: 10)
    #expect(audit.findings.isEmpty, "\(audit.findings)")
  }

  @Test func aRareGradePlacedByTheOtherDistributionsWithholdsThePeriodsDistributions() {
    // G0's g0 cell (3 respondents, one gave a 1) and g1 cell are hidden. G0's row distribution shows a 1 and its g2
    // cell shows none; the region's g1 has no 1 at all. So the 1 is in G0·g0: that respondent's grade is known.
    func cells(_ n: Int, _ grade: Double) -> GradeDistribution { GradeDistribution(grades: Self.grades(n, grade)) }
    let table: [[GradeDistribution]] = [
      [GradeDistribution(grades: [8, 8, 1]), cells(12, 8), cells(25, 7)],
      [cells(30, 7), cells(20, 6), cells(22, 8)],
      [cells(21, 9), cells(25, 7), cells(20, 6)],
    ]
    let empty = Array(repeating: Array(repeating: GradeDistribution.empty, count: 3), count: 3)
    let counts = MunicipalCounts(
      gemeenten: ["G0", "G1", "G2"], groups: ["g0", "g1", "g2"], thirds: [table, empty, empty])
    let naive = Self.naive(counts, periods: 1) { _, row, column in row == 0 && (column == 1 || column == 2) }
    let leaked = DisclosureAudit.attack(PublishedYear(counts, patterns: naive, minimumRespondents: 10), threshold: 10)
    #expect(
      leaked.findings.contains { $0.kind == .certainGrade(1) && $0.gemeente == "G0" && $0.column == "g0" },
      "\(leaked.findings)")
    let patterns = DisclosureControl.coordinated(
      counts, periods: 1, threshold: 10, distributionThreshold: 20, minimumRespondents: 10)
    let audit = DisclosureAudit.attack(PublishedYear(counts, patterns: patterns, minimumRespondents: 10), threshold: 10)
    #expect(audit.findings.isEmpty, "\(audit.findings)")
  }

  /// Disclosure control asks the intruder for findings only, and sets up a system of equations only for a target:
  /// the findings must be the very ones of the full audit, on tables that leak and tables that do not.
  @Test func findingsAreTheSameWhetherOrNotConsistencyIsChecked() {
    var generator = SeededGenerator(seed: 20_261_205)
    func random(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &generator) }
    var leaking = 0
    var untouched = 0
    for trial in 0..<60 {
      let rows = 2 + random(4)
      let groups = 1 + random(3)
      // Small cells often, so that tables hide cells and leak; some trials with large cells only.
      let large = trial % 5 == 0
      let thirds = (0..<3).map { _ in
        (0..<rows).map { _ in
          (0..<groups).map { _ in
            GradeDistribution(
              grades: (0..<(large ? 20 + random(30) : random(14))).map { _ in Double(1 + random(10)) })
          }
        }
      }
      let counts = MunicipalCounts(
        gemeenten: (0..<rows).map { "G\($0)" }, groups: (0..<groups).map { "g\($0)" }, thirds: thirds)
      let periods = 1 + random(3)
      // Hidden are some cells that are not empty (a hidden cell holds someone, as the intruder knows).
      let naive = Self.naive(counts, periods: periods) { period, row, column in
        (row + column + trial) % 4 == 0 && counts.cumulative(through: period)[row][column].count > 0
      }
      let coordinated = DisclosureControl.coordinated(
        counts, periods: periods, threshold: 10, distributionThreshold: 20, minimumRespondents: 10)
      for patterns in [naive, coordinated] {
        let year = PublishedYear(counts, patterns: patterns, minimumRespondents: 10)
        let full = DisclosureAudit.attack(year, threshold: 10)
        let findingsOnly = DisclosureAudit.attack(year, threshold: 10, checksConsistency: false)
        #expect(full.isComplete)
        #expect(findingsOnly.findings == full.findings, "trial \(trial)")
        #expect(findingsOnly.systems <= full.systems)
        if !full.findings.isEmpty { leaking += 1 }
        if findingsOnly.systems == 0 { untouched += 1 }
      }
    }
    // The comparison covered both: tables the intruder reads, and tables with nothing to attack.
    #expect(leaking > 10 && untouched > 5, "\(leaking) leaking, \(untouched) without a system")
  }

  @Test func aYearThatHidesNothingIsAttackedWithoutASystemOfEquations() {
    let counts = Self.counts([
      [Self.grades(30), Self.grades(25, 8), Self.grades(40, 6)],
      [Self.grades(12), Self.grades(0), Self.grades(15, 9)],
      [Self.grades(20), Self.grades(11, 5), Self.grades(10)],
    ])
    let year = PublishedYear(counts, patterns: Self.naive(counts, periods: 3), minimumRespondents: 10)
    let findingsOnly = DisclosureAudit.attack(year, threshold: 10, checksConsistency: false)
    #expect(findingsOnly.findings.isEmpty && findingsOnly.systems == 0 && findingsOnly.programs == 0)
    #expect(findingsOnly.increments == 18)
    // The full audit still solves every system, to vouch that the figures agree with each other.
    let full = DisclosureAudit.attack(year, threshold: 10)
    #expect(full.findings.isEmpty && full.systems == 11 && full.isComplete)
  }

  @Test func burapPeriodsAreRecognisedAndFreeRangesAreNot() {
    #expect(Period("2026-T1")?.burapIndex == 1)
    #expect(Period("2026-T2")?.burapIndex == 2)
    #expect(Period("2026")?.burapIndex == 3)
    #expect(Period("2026-T3")?.burapIndex == 3)
    let may = Period(from: LocalDate(year: 2026, month: 5, day: 1), to: LocalDate(year: 2026, month: 8, day: 31))
    #expect(may.burapIndex == nil)
  }
}
