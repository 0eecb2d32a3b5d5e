import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore

@Suite struct PeriodTests {
  @Test(arguments: [
    ("2026-T1", "2026-01-01", "2026-04-30"), ("2026-T2", "2026-01-01", "2026-08-31"),
    ("2026-T3", "2026-01-01", "2026-12-31"), ("2026", "2026-01-01", "2026-12-31"),
    ("2024-t1", "2024-01-01", "2024-04-30"),
  ])
  func readsCumulativeReportingPeriods(text: String, first: String, last: String) throws {
    let period = try #require(Period(text))
    #expect(period.first.description == first)
    #expect(period.last.description == last)
    #expect(period.normYear == Int(first.prefix(4)))
  }

  @Test(arguments: ["2026-T4", "2026-T", "26", "T2", "2026-Q1", ""])
  func rejectsOtherPeriods(text: String) {
    #expect(Period(text) == nil)
  }

  @Test func countsDaysInDutchLocalTime() throws {
    // 22:30 UTC on 30 April is 00:30 on 1 May in Amsterdam (summer time): outside 2026-T1.
    let lateApril = try instant("2026-04-30T22:30:00Z")
    #expect(LocalDate(lateApril).description == "2026-05-01")
    #expect(Period("2026-T1")?.contains(LocalDate(lateApril)) == false)
    #expect(LocalDate(try instant("2026-01-15T12:00:00Z")).description == "2026-01-15")
  }

  @Test func readsLocalDates() {
    #expect(LocalDate("2024-02-29") != nil)
    #expect(LocalDate("2025-02-29") == nil)
    #expect(LocalDate("2026-13-01") == nil)
  }
}

@Suite struct StatisticsTests {
  // Reference values computed with Python 3 (`statistics.mean`, `statistics.stdev`, `statistics.median`) and
  // SciPy 1.17.1 (`scipy.stats.t.ppf(0.975, n - 1)` for the interval, `scipy.stats.ttest_ind(equal_var=False)`
  // for Welch's test), then pasted here.
  static let sampleA: [Double] = [
    8, 7, 9, 6, 7, 8, 10, 5, 7, 8, 6, 9, 7, 8, 4, 7, 8, 9, 6, 7, 7.5, 8, 6.5, 9, 10, 3, 7, 8, 8, 7,
  ]
  static let sampleB: [Double] = [7, 6, 8, 5, 6, 7, 9, 4, 6, 7, 5, 8, 6, 7, 7, 6, 5, 8, 7, 6, 6, 7]

  static func close(_ value: Double?, _ expected: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let value else { return false }
    return abs(value - expected) <= tolerance
  }

  @Test(arguments: [
    (1.0, 12.706204736174694), (2, 4.302652729749462), (9, 2.262157162798205), (29, 2.045229642132703),
    (100, 1.9839715185235518), (1e9, 1.959963986912325), (.infinity, 1.959963984540054),
  ])
  func tQuantileMatchesPublishedValues(degreesOfFreedom: Double, expected: Double) {
    // Published tables: 12.706, 4.303, 2.262, 2.045, 1.984, 1.960; the literals are SciPy's full precision
    // (`scipy.stats.norm.ppf(0.975)` for infinity). Above 10⁷ degrees of freedom the normal distribution is used,
    // which differs from t(10⁹) by 2.4e-9.
    #expect(Self.close(StudentT.quantile(0.975, degreesOfFreedom: degreesOfFreedom), expected, 1e-8))
    #expect(Self.close(StudentT.quantile(0.025, degreesOfFreedom: degreesOfFreedom), -expected, 1e-8))
  }

  @Test func tQuantileIsTheInverseOfTheDistributionFunction() {
    // Whole and fractional degrees of freedom, as Welch's test gives them, and the tails the intervals use.
    for nu in [1.0, 2, 3.5, 9, 29.7, 150, 4_000, .infinity] {
      for p in [0.6, 0.8, 0.9, 0.95, 0.975, 0.995, 0.9995, 0.025, 0.005] {
        let t = StudentT.quantile(p, degreesOfFreedom: nu)
        #expect(Self.close(StudentT.cdf(t, degreesOfFreedom: nu), p, 1e-12), "p \(p), ν \(nu)")
        #expect((t > 0) == (p > 0.5))
      }
    }
    #expect(StudentT.quantile(0.5, degreesOfFreedom: 4) == 0)
    #expect(StudentT.quantile(1, degreesOfFreedom: 4) == .infinity)
  }

  @Test func tDistributionFunctionMatchesSciPy() {
    #expect(Self.close(StudentT.cdf(2.5, degreesOfFreedom: 7.3), 0.9801748826671998, 1e-12))
    #expect(Self.close(StudentT.cdf(-1.2, degreesOfFreedom: 3), 0.15813105734905258, 1e-12))
    #expect(StudentT.cdf(0, degreesOfFreedom: 5) == 0.5)
  }

  @Test func smallCaseMatchesHandComputation() throws {
    let summary = GradeSummary(grades: [6, 7, 8, 9])
    #expect(summary.count == 4)
    #expect(summary.mean == 7.5)
    // Sample variance of 6, 7, 8, 9 is 5/3.
    #expect(Self.close(summary.standardDeviation, (5.0 / 3).squareRoot(), 1e-12))
    let interval = try #require(summary.confidenceInterval)
    #expect(Self.close(interval.lower, 5.445739743239479))
    #expect(Self.close(interval.upper, 9.554260256760521))
    #expect(summary.median == 7.5)
    #expect(summary.shareBelowSix == 0)
    #expect(summary.gradeCounts == [0, 0, 0, 0, 0, 1, 1, 1, 1, 0])
  }

  @Test func largerSampleMatchesPythonAndSciPy() throws {
    let summary = GradeSummary(grades: Self.sampleA)
    #expect(summary.count == 30)
    #expect(Self.close(summary.mean, 7.333333333333333, 1e-12))
    #expect(Self.close(summary.standardDeviation, 1.5665321536775896, 1e-12))
    #expect(Self.close(summary.confidenceInterval?.lower, 6.748380613721238))
    #expect(Self.close(summary.confidenceInterval?.upper, 7.918286052945428))
    #expect(summary.median == 7.25)
    #expect(Self.close(summary.shareBelowSix, 0.1, 1e-12))
    // 7.5 counts under 7 and 6.5 under 6: the bins below 6 hold exactly the grades below 6.
    #expect(summary.gradeCounts == [0, 0, 1, 1, 1, 4, 9, 8, 4, 2])
    #expect(summary.gradeCounts[0..<5].reduce(0, +) == 3)
  }

  @Test func noRespondentsGiveNoFigures() {
    let summary = GradeSummary(grades: [])
    #expect(summary.count == 0)
    #expect(summary.mean == nil && summary.standardDeviation == nil && summary.confidenceInterval == nil)
    #expect(summary.median == nil && summary.shareBelowSix == nil)
    #expect(summary.gradeCounts == Array(repeating: 0, count: 10))
  }

  @Test func oneRespondentHasNoSpreadAndNoInterval() {
    let summary = GradeSummary(grades: [8])
    #expect(summary.count == 1 && summary.mean == 8 && summary.median == 8)
    #expect(summary.standardDeviation == nil)
    #expect(summary.confidenceInterval == nil)
  }

  @Test func equalGradesHaveNoSpreadAndAZeroWidthInterval() throws {
    let summary = GradeSummary(grades: [7, 7, 7, 7, 7])
    #expect(summary.standardDeviation == 0)
    let interval = try #require(summary.confidenceInterval)
    #expect(interval.lower == 7 && interval.upper == 7)
  }

  @Test func histogramAndRawGradesAgree() {
    let fromHistogram = GradeSummary(GradeDistribution(counts: [7: 3, 8.5: 2, 4: 1]))
    #expect(fromHistogram == GradeSummary(grades: [7, 8.5, 7, 4, 8.5, 7]))
    #expect(fromHistogram.median == 7)
  }

  @Test func welchTestMatchesSciPy() throws {
    let test = try #require(WelchTest(GradeSummary(grades: Self.sampleA), GradeSummary(grades: Self.sampleB)))
    #expect(Self.close(test.t, 2.183525016499, 1e-9))
    #expect(Self.close(test.degreesOfFreedom, 49.93069417443169, 1e-9))
    #expect(Self.close(test.pValue, 0.033723806668196854, 1e-9))
    #expect(test.isSignificant)
    #expect(WelchTest(GradeSummary(grades: [7]), GradeSummary(grades: [6, 8])) == nil)
  }
}

@Suite struct ScoringTests {
  @Test func anAspectWithFewerAnswersThanTheMinimumHasNoMeanOrCorrelation() throws {
    // Given a group of 20 with one aspect answered by all and one by six of them
    func aspect(_ item: String, answers: Int) -> AspectCell {
      var paired = PairedSums()
      for index in 0..<answers { paired.add(Double(index % 5 + 5), Double(index % 5 + 5)) }
      return AspectCell(
        audience: .inwoners, group: "melding", item: item, label: item,
        distribution: GradeDistribution(grades: (0..<answers).map { Double($0 % 5 + 5) }), withGrade: paired)
    }
    let card = try ScoreCard.build(
      request: ScoreRequest(period: try #require(Period("2026"))),
      indicators: ScoreCardFixture.indicators(minimum: 10),
      data: ScoreData(
        groups: ScoreCardFixture.groups,
        cells: [ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(20))],
        aspects: [aspect("bejegening", answers: 20), aspect("geduld", answers: 6)]))
    let aspects = try #require(card.indicators.first?.groups.first { $0.group == "melding" }?.aspects)
    let all = try #require(aspects.first { $0.item == "bejegening" })
    let few = try #require(aspects.first { $0.item == "geduld" })
    // Then the aspect of 20 has its figures, the one of 6 only its n
    #expect(all.reportedMean == 7 && all.reportedStandardDeviation != nil)
    #expect(abs(try #require(all.reportedCorrelation) - 1) < 1e-9)
    #expect(few.summary.count == 6 && few.summary.mean != nil && few.correlation != nil)
    #expect(few.reportedMean == nil && few.reportedStandardDeviation == nil && few.reportedCorrelation == nil)
  }

  @Test func theOverallRowIsTheMeanOverAllRespondentsNotOfGroupMeans() throws {
    let card = try ScoreCardFixture.card([
      ScoreCardFixture.cell(.inwoners, "melding", [6, 6, 6]), ScoreCardFixture.cell(.inwoners, "advies", [9]),
    ])
    let pi5 = try #require(card.indicators.first)
    #expect(pi5.overall.summary.count == 4)
    #expect(pi5.overall.summary.mean == 6.75)  // not (6 + 9) / 2
    #expect(pi5.groups.map(\.label) == ["Advies", "Melding"])
  }

  @Test func usesTheNormOfThePeriodsYear() throws {
    let cells = [ScoreCardFixture.cell(.inwoners, "melding", [7, 7, 7])]
    let in2025 = try ScoreCardFixture.card(cells, period: "2025")
    let in2026 = try ScoreCardFixture.card(cells, period: "2026")
    #expect(in2025.indicators[0].norm == 7.0)
    #expect(in2025.indicators[0].overall.status == .voldoet)
    #expect(in2026.indicators[0].norm == 7.5)
    #expect(in2026.indicators[0].overall.status == .voldoetNiet)
    // PI 6 has no 2025 norm.
    let partners = try ScoreCardFixture.card(
      [ScoreCardFixture.cell(.ketenpartners, "politie", [8, 8, 8])], period: "2025")
    #expect(partners.indicators[1].overall.status == .geenNorm)
  }

  @Test func tooFewRespondentsIsNotAVerdictAndSmallGroupsAreIndicative() throws {
    let set = ScoreCardFixture.indicators(minimum: 3, indicative: 5)
    let card = try ScoreCardFixture.card(
      [
        ScoreCardFixture.cell(.inwoners, "melding", [8, 8]), ScoreCardFixture.cell(.inwoners, "advies", [8, 8, 8, 9]),
      ], indicators: set)
    let advies = card.indicators[0].groups[0]
    let melding = card.indicators[0].groups[1]
    #expect(melding.assessment == Assessment(status: .teWeinigRespondenten))
    #expect(advies.assessment.status == .voldoet && advies.assessment.isIndicative)
    #expect(card.indicators[0].overall.assessment.isIndicative == false)
  }

  @Test func significanceNeedsTheWholeIntervalOnOneSide() throws {
    let thresholds = ReportingThresholds(minimumRespondents: 2, indicativeBelow: 2, disclosureThreshold: 10)
    func assess(_ grades: [Double]) -> Assessment {
      Assessment.of(GradeSummary(grades: grades), norm: 7, direction: .atLeast, thresholds: thresholds)
    }
    // Interval 5.45–9.55 (see StatisticsTests): contains 7.
    #expect(assess([6, 7, 8, 9]) == Assessment(status: .voldoet, isSignificant: false))
    #expect(assess([8, 8, 9, 9, 8, 9]) == Assessment(status: .voldoet, isSignificant: true))
    #expect(assess([5, 5, 6, 6, 5, 6]) == Assessment(status: .voldoetNiet, isSignificant: true))
    // All grades equal to the norm: a zero-width interval touching the norm still meets it.
    #expect(assess([7, 7, 7]) == Assessment(status: .voldoet, isSignificant: true))
    // One respondent: no interval, never significant.
    let one = Assessment.of(
      GradeSummary(grades: [9]), norm: 7, direction: .atLeast,
      thresholds: ReportingThresholds(minimumRespondents: 1, indicativeBelow: 1, disclosureThreshold: 1))
    #expect(one == Assessment(status: .voldoet))
  }

  @Test(arguments: [(6.95, NormStatus.voldoet), (6.94, .voldoetNiet), (7.0, .voldoet)])
  func comparesAtTheReportedPrecision(mean: Double, status: NormStatus) {
    let summary = GradeSummary(GradeDistribution(counts: [mean: 100]))
    let thresholds = ReportingThresholds(minimumRespondents: 10, indicativeBelow: 30, disclosureThreshold: 10)
    #expect(Assessment.of(summary, norm: 7.0, direction: .atLeast, thresholds: thresholds).status == status)
  }

  @Test func comparesWithTheSamePeriodAYearEarlier() throws {
    let card = try ScoreCardFixture.card(
      [ScoreCardFixture.cell(.inwoners, "melding", StatisticsTests.sampleA)], period: "2026-T2",
      previous: [ScoreCardFixture.cell(.inwoners, "melding", StatisticsTests.sampleB)])
    #expect(card.previousPeriod?.name == "2025-T2")
    let melding = try #require(card.indicators[0].groups.first { $0.group == "melding" })
    let comparison = try #require(melding.previousYear)
    #expect(comparison.period.first.description == "2025-01-01")
    #expect(comparison.period.last.description == "2025-08-31")
    #expect(StatisticsTests.close(comparison.change, 7.333333333333333 - 6.5, 1e-12))
    #expect(StatisticsTests.close(comparison.test?.pValue, 0.033723806668196854, 1e-9))
    #expect(comparison.isSignificant)
  }

  @Test func weightedMeanMatchesAnIndependentComputation() throws {
    // Python/NumPy: per-respondent weights (N_g/N)/(n_g/n), mean Σwx/Σw, Kish n_eff = (Σw)²/Σw²,
    // sd² = Σw(x − mean)²/(n − 1) with Σw = n, interval mean ± t.ppf(0.975, n_eff − 1)·sd/√n_eff.
    let card = try ScoreCardFixture.card(
      [
        ScoreCardFixture.cell(.inwoners, "melding", StatisticsTests.sampleA),
        ScoreCardFixture.cell(.inwoners, "advies", StatisticsTests.sampleB),
      ],
      weights: PopulationWeights(populations: ["melding": 1000, "advies": 3000], file: "w.csv"))
    let weighted = try #require(card.indicators[0].weighted)
    #expect(StatisticsTests.close(weighted.mean, 6.708333333333334, 1e-12))
    #expect(StatisticsTests.close(weighted.effectiveSampleSize, 36.164383561643845, 1e-9))
    #expect(StatisticsTests.close(weighted.standardDeviation, 1.3277223366682434, 1e-9))
    #expect(StatisticsTests.close(weighted.confidenceInterval?.lower, 6.260193769496389, 1e-9))
    #expect(StatisticsTests.close(weighted.confidenceInterval?.upper, 7.1564728971702785, 1e-9))
    // The unweighted mean stays beside it.
    #expect(StatisticsTests.close(card.indicators[0].overall.summary.mean, (220.0 + 143) / 52, 1e-12))
  }

  @Test func weightsMustCoverEveryGroupWithRespondents() throws {
    #expect(throws: ScoringError.missingWeight(group: "advies", file: "w.csv")) {
      try ScoreCardFixture.card(
        [ScoreCardFixture.cell(.inwoners, "melding", [7]), ScoreCardFixture.cell(.inwoners, "advies", [8])],
        weights: PopulationWeights(populations: ["melding": 10], file: "w.csv"))
    }
  }

  /// Every AAPOR rate against the definition worked out by hand. Melding: 30 completed interviews, 2 partial,
  /// 10 refused at the consent question, 5 more refused before it, 20 not reached, 3 wrong numbers, 2 language
  /// barriers, 1 not safe now; plus 8 completed online. Politie: 12 completed online, 48 invited.
  @Test func responseAndCooperationRatesFollowTheirDefinitions() throws {
    let statuses = [
      StatusCount(audience: .inwoners, group: "melding", status: .completed, count: 30, isInterview: true),
      StatusCount(audience: .inwoners, group: "melding", status: .refused, count: 10, isInterview: true),
      StatusCount(audience: .inwoners, group: "melding", status: .partial, count: 2, isInterview: true),
      StatusCount(audience: .inwoners, group: "melding", status: .completed, count: 8, isInterview: false),
      StatusCount(audience: .inwoners, group: "advies", status: .completed, count: 9, isInterview: true),
      StatusCount(audience: .ketenpartners, group: "politie", status: .completed, count: 12),
    ]
    let contacts = [
      ContactCount(audience: .inwoners, group: "melding", outcome: .refused, count: 5),
      ContactCount(audience: .inwoners, group: "melding", outcome: .notReached, count: 20),
      ContactCount(audience: .inwoners, group: "melding", outcome: .wrongNumber, count: 3),
      ContactCount(audience: .inwoners, group: "melding", outcome: .languageBarrier, count: 2),
      ContactCount(audience: .inwoners, group: "melding", outcome: .notNowSafe, count: 1),
    ]
    let card = try ScoreCardFixture.card([], statuses: statuses, invited: ["politie": 48], contacts: contacts)
    let melding = try #require(card.indicators[0].groups.first { $0.group == "melding" }?.responseRates)
    #expect(
      melding.interviews
        == ResponseRates.Dispositions(
          completed: 30, partial: 2, refused: 15, nonContact: 20, other: 3, unknownEligibility: 3))
    #expect(melding.basis == .interviewContacts)
    // RR1 = I / (I + P + R + NC + O + UH) = 30 / 73; RR2 = 32 / 73.
    #expect(melding.rr1 == 30.0 / 73)
    #expect(melding.rr2 == 32.0 / 73)
    // COOP1 = I / (I + P + R + O) = 30 / 50; COOP2 = 32 / 50. The online completes are in neither.
    #expect(melding.coop1 == 30.0 / 50)
    #expect(melding.coop2 == 32.0 / 50)
    #expect(melding.completed == 38)

    // Interviews without recorded non-contacts: a cooperation rate, and no response rate passed off for one.
    let advies = try #require(card.indicators[0].groups.first { $0.group == "advies" }?.responseRates)
    #expect(advies.basis == nil && advies.rr1 == nil)
    #expect(advies.coop1 == 1)
    // The audience: advies recorded no non-contacts, so no RR1 over contacts for all residents.
    let residents = try #require(card.indicators[0].overall.responseRates)
    #expect(residents.rr1 == nil)
    #expect(residents.coop1 == 39.0 / 59)

    // Online only, with an invited count: RR1 = 12 / 48, and no cooperation rate (nobody was contacted).
    let politie = try #require(card.indicators[1].groups[0].responseRates)
    #expect(politie.basis == .invited)
    #expect(politie.rr1 == 0.25)
    #expect(politie.coop1 == nil)
    // Nothing recorded, nothing invited: no rates at all.
    let none = try ScoreCardFixture.card([], statuses: [statuses[5]])
    #expect(none.indicators[1].groups[0].responseRates == nil)
  }

  /// A group with its own, higher minimum n (`group_minimums`): under it no figure for the group, its aspects or
  /// topics, while another group of the same size is shown; the indicator over all groups is not affected.
  @Test func aGroupWithItsOwnMinimumIsShownOnlyFromIt() throws {
    var indicators = ScoreCardFixture.indicators(minimum: 10, indicative: 30)
    indicators.groupMinimums = ["melding": 15]
    let grades = ScoreCardFixture.grades(12)
    let card = try ScoreCardFixture.card(
      [ScoreCardFixture.cell(.inwoners, "melding", grades), ScoreCardFixture.cell(.inwoners, "advies", grades)],
      indicators: indicators)
    let melding = try #require(card.indicators[0].groups.first { $0.group == "melding" })
    let advies = try #require(card.indicators[0].groups.first { $0.group == "advies" })
    #expect(melding.assessment.status == .teWeinigRespondenten)
    #expect(advies.assessment.status != .teWeinigRespondenten && advies.assessment.isIndicative)
    #expect(card.indicators[0].overall.assessment.status != .teWeinigRespondenten)
    #expect(card.thresholds.forGroup("melding").minimumRespondents == 15)
    #expect(card.thresholds.forGroup("advies").minimumRespondents == 10)
    #expect(card.thresholds.forGroup(nil).minimumRespondents == 10)
  }

  /// Per municipality too: a cell of a group with its own minimum, at or above the disclosure threshold but below
  /// that minimum, shows its n and no figure (as `group_minimums` in indicators.yaml says: no grade, aspects or
  /// topics below it), where a cell of another group of the same size is shown as indicative.
  @Test func aMunicipalCellOfAGroupWithItsOwnMinimumShowsItsNButNoFigureBelowIt() throws {
    var indicators = ScoreCardFixture.indicators(minimum: 10, indicative: 30, disclosure: 10)
    indicators.groupMinimums = ["melding": 15]
    var cells: [GradeCell] = []
    for (gemeente, n) in [("Alkmaar", 12), ("Bergen", 40), ("Hoorn", 40), ("Texel", 40)] {
      cells.append(ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(n), gemeente: gemeente))
      cells.append(ScoreCardFixture.cell(.inwoners, "advies", ScoreCardFixture.grades(n), gemeente: gemeente))
    }
    let card = try ScoreCardFixture.card(cells, indicators: indicators, by: [.gemeente, .group])
    let breakdown = try #require(card.indicators[0].breakdown)
    #expect(breakdown.isDisclosureControlled)
    let alkmaar = try #require(breakdown.rows.first { $0.label == "Alkmaar" })
    let melding = try #require(alkmaar.groups.first { $0.group == "melding" })
    let advies = try #require(alkmaar.groups.first { $0.group == "advies" })
    #expect(!melding.isSuppressed && melding.summary.count == 12)
    #expect(melding.assessment.status == .teWeinigRespondenten)
    #expect(!advies.isSuppressed && advies.assessment.status != .teWeinigRespondenten && advies.assessment.isIndicative)
    // From the group's minimum on, its municipal cells are judged as any other.
    let bergen = try #require(breakdown.rows.first { $0.label == "Bergen" })
    #expect(bergen.groups.first { $0.group == "melding" }?.assessment.status != .teWeinigRespondenten)
  }

  @Test func groupMinimumsAreReadAndChecked() throws {
    func parse(_ line: String) -> (IndicatorSet?, [Diagnostic]) {
      IndicatorSet.parse(
        """
        minimum_respondents: 10
        disclosure_threshold: 10
        \(line)
        indicators:
          - { id: pi5, number: "5", label: L, audience: inwoners, unit: cijfer, direction: at_least }
          - { id: pi6, number: "6", label: L, audience: ketenpartners, unit: cijfer, direction: at_least }
        """, file: "indicators.yaml")
    }
    #expect(parse("group_minimums: { jongeren: 15 }").0?.groupMinimums == ["jongeren": 15])
    #expect(parse("group_minimums: { jongeren: 15 }").0?.thresholds.groupMinimums == ["jongeren": 15])
    let below = parse("group_minimums: { jongeren: 5 }").1
    #expect(below.contains { $0.message.contains("is below minimum_respondents (10)") && $0.location.line == 3 })
    let fraction = parse("group_minimums: { jongeren: 12.5 }").1
    #expect(fraction.contains { $0.message.contains("must be a whole number") })
    let list = parse("group_minimums: [jongeren]").1
    #expect(list.contains { $0.message.contains("group_minimums must be a mapping") })
  }

  @Test func dimensionsParseAndRefuseMisleadingCombinations() throws {
    #expect(try ScoreDimension.parseList("gemeente,group") == [.group, .gemeente])
    #expect(try ScoreDimension.parseList("jaar") == [.year])
    #expect(throws: ScoringError.unknownDimension("wijk")) { try ScoreDimension.parseList("wijk") }
    #expect(throws: ScoringError.incompatibleDimensions(.year, .period)) {
      try ScoreDimension.parseList("year,period")
    }
    #expect(throws: ScoringError.incompatibleDimensions(.period, .gemeente)) {
      try ScoreDimension.parseList("gemeente,period")
    }
  }
}

@Suite struct MunicipalBreakdownTests {
  static func gemeenteCard(_ cells: [GradeCell], by: [ScoreDimension] = [.gemeente]) throws -> ScoreCard.Breakdown {
    try #require(
      try ScoreCardFixture.card(cells, indicators: ScoreCardFixture.indicators(minimum: 1), by: by).indicators[0]
        .breakdown)
  }

  @Test func aSingleSmallMunicipalityIsHiddenWithTheNextSmallest() throws {
    let breakdown = try Self.gemeenteCard([
      ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(40), gemeente: "Alkmaar"),
      ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(4), gemeente: "Bergen"),
      ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(25), gemeente: "Hoorn"),
      ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(12), gemeente: "Texel"),
    ])
    let byName = Dictionary(uniqueKeysWithValues: breakdown.rows.map { ($0.label, $0.total) })
    #expect(breakdown.isDisclosureControlled)
    #expect(breakdown.rows.map(\.label) == ["Alkmaar", "Bergen", "Hoorn", "Texel"])
    #expect(byName["Bergen"]?.isSuppressed == true && byName["Bergen"]?.isPrimarySuppression == true)
    // Total minus the others would give Bergen back, so the next-smallest (Texel, 12) is hidden too.
    #expect(byName["Texel"]?.isSuppressed == true && byName["Texel"]?.isPrimarySuppression == false)
    #expect(byName["Alkmaar"]?.isSuppressed == false && byName["Hoorn"]?.isSuppressed == false)
  }

  @Test func twoSmallMunicipalitiesNeedNoComplementAndEmptyOnesAreShown() throws {
    let breakdown = try Self.gemeenteCard([
      ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(40), gemeente: "Alkmaar"),
      ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(4), gemeente: "Bergen"),
      ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(9), gemeente: "Hoorn"),
    ])
    let byName = Dictionary(uniqueKeysWithValues: breakdown.rows.map { ($0.label, $0.total) })
    #expect(byName["Bergen"]?.isSuppressed == true && byName["Hoorn"]?.isSuppressed == true)
    #expect(byName["Alkmaar"]?.isSuppressed == false)
    #expect(byName["Texel"]?.isSuppressed == false && byName["Texel"]?.summary.count == 0)
  }

  @Test func noLineOfTheTableHasExactlyOneHiddenCell() throws {
    // Municipality × group: every published total (row, group, indicator) with its cells.
    let breakdown = try Self.gemeenteCard(
      [
        ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(30), gemeente: "Alkmaar"),
        ScoreCardFixture.cell(.inwoners, "advies", ScoreCardFixture.grades(3), gemeente: "Alkmaar"),
        ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(20), gemeente: "Bergen"),
        ScoreCardFixture.cell(.inwoners, "advies", ScoreCardFixture.grades(15), gemeente: "Bergen"),
        ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(25), gemeente: "Hoorn"),
        ScoreCardFixture.cell(.inwoners, "advies", ScoreCardFixture.grades(11), gemeente: "Hoorn"),
      ], by: [.gemeente, .group])
    #expect(breakdown.includesGroups)
    let rows = breakdown.rows
    // Alkmaar's advies cell (3) is primary.
    let alkmaar = try #require(rows.first { $0.label == "Alkmaar" })
    #expect(alkmaar.groups.first { $0.group == "advies" }?.isPrimarySuppression == true)
    func hiddenCount(_ cells: [ScoreCard.Row]) -> Int {
      cells.filter { $0.isSuppressed && $0.summary.count > 0 }.count
    }
    for row in rows {
      #expect(hiddenCount(row.groups + [row.total]) != 1, "row \(row.label)")
    }
    for group in 0..<(rows.first?.groups.count ?? 0) {
      #expect(hiddenCount(rows.map { $0.groups[group] }) != 1, "group column \(group)")
    }
    #expect(hiddenCount(rows.map(\.total)) != 1)
  }

  @Test func rowTotalsAreHiddenAlikeWithAndWithoutGroupCells() throws {
    // Without the group cells the row totals alone would need less hiding; published both ways, the difference
    // would let one be played off against the other.
    let cells = [
      ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(30), gemeente: "Alkmaar"),
      ScoreCardFixture.cell(.inwoners, "advies", ScoreCardFixture.grades(3), gemeente: "Alkmaar"),
      ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(20), gemeente: "Bergen"),
      ScoreCardFixture.cell(.inwoners, "advies", ScoreCardFixture.grades(15), gemeente: "Bergen"),
      ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(25), gemeente: "Hoorn"),
      ScoreCardFixture.cell(.inwoners, "advies", ScoreCardFixture.grades(11), gemeente: "Hoorn"),
      ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(12), gemeente: "Texel"),
      ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(4), gemeente: "Opmeer"),
    ]
    let withGroups = try Self.gemeenteCard(cells, by: [.gemeente, .group])
    let totalsOnly = try Self.gemeenteCard(cells)
    #expect(withGroups.rows.map(\.total.isSuppressed) == totalsOnly.rows.map(\.total.isSuppressed))
    #expect(withGroups.rows.contains { $0.total.isSuppressed })
  }

  @Test func municipalitiesCombineWithGroupsOnlyAndOnlyInBurapPeriods() throws {
    #expect(throws: ScoringError.incompatibleDimensions(.role, .gemeente)) {
      try ScoreDimension.parseList("gemeente,role")
    }
    #expect(throws: ScoringError.incompatibleDimensions(.year, .gemeente)) {
      try ScoreDimension.parseList("year,gemeente")
    }
    #expect(try ScoreDimension.parseList("gemeente,group") == [.group, .gemeente])
    let may = Period(from: LocalDate(year: 2026, month: 5, day: 1), to: LocalDate(year: 2026, month: 8, day: 31))
    #expect(throws: ScoringError.gemeenteNeedsBurapPeriod(may.name)) {
      try ScoreCard.build(
        request: ScoreRequest(period: may, dimensions: [.gemeente]), indicators: ScoreCardFixture.indicators(),
        data: ScoreData(groups: ScoreCardFixture.groups, cells: []))
    }
  }

  @Test func smallMunicipalCellsShowNoDistribution() throws {
    let breakdown = try Self.gemeenteCard(
      [
        ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(40), gemeente: "Alkmaar"),
        ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(15), gemeente: "Bergen"),
        ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(22), gemeente: "Hoorn"),
      ])
    let byName = Dictionary(uniqueKeysWithValues: breakdown.rows.map { ($0.label, $0.total) })
    #expect(byName["Bergen"]?.isSuppressed == false)
    #expect(byName["Bergen"]?.publishesDistribution == false)
    #expect(byName["Alkmaar"]?.publishesDistribution == true)
  }
}

@Suite struct PeriodComparisonTests {
  @Test func theSamePeriodAYearEarlier() throws {
    #expect(Period("2026-T1")?.yearEarlier.name == "2025-T1")
    #expect(Period("2026")?.yearEarlier.name == "2025")
    #expect(Period("2024-T1")?.yearEarlier.last.description == "2023-04-30")
    // A free range ending on a leap day ends on 28 February a year earlier.
    let range = Period(
      from: try #require(LocalDate("2024-02-01")), to: try #require(LocalDate("2024-02-29")))
    #expect(range.yearEarlier.last.description == "2023-02-28")
    #expect(range.yearEarlier.first.description == "2023-02-01")
  }
}

@Suite struct TimestampTests {
  @Test(arguments: [
    ("2026-03-14T09:22:05Z", 1_773_480_125.0), ("1970-01-01T00:00:00Z", 0), ("2024-02-29T23:59:59Z", 1_709_251_199),
    ("2026-03-14T10:22:05+01:00", 1_773_480_125), ("2026-03-14T09:22:05.750Z", 1_773_480_125),
    ("1969-12-31T23:59:59Z", -1),
  ])
  func parsesISO8601(text: String, seconds: Double) {
    #expect(Timestamp.parse(text)?.timeIntervalSince1970 == seconds)
  }

  @Test(arguments: [
    "2026-02-30T10:00:00Z", "2026-03-14 09:22", "2026-03-14T09:22:05", "2026-03-14T25:00:00Z", "gisteren",
    "2026-03-14T09:22:05Zx",
  ])
  func rejectsOtherTexts(text: String) {
    #expect(Timestamp.parse(text) == nil)
  }

  @Test func formatsUTCAndAgreesWithFoundation() throws {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(secondsFromGMT: 0)
    var generator = SeededGenerator(seed: 42)
    for _ in 0..<500 {
      let date = Date(
        timeIntervalSince1970: Double(Int64.random(in: -2_000_000_000...4_000_000_000, using: &generator)))
      #expect(Timestamp.format(date) == formatter.string(from: date))
      #expect(Timestamp.parse(Timestamp.format(date)) == date)
    }
  }

  @Test func localDatesAgreeWithFoundationsCalendar() {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<500 {
      let date = Date(timeIntervalSince1970: Double(Int64.random(in: 1_600_000_000...1_900_000_000, using: &generator)))
      let parts = calendar.dateComponents([.year, .month, .day], from: date)
      #expect(LocalDate(date) == LocalDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0))
    }
  }
}

@Suite struct CorrelationTests {
  @Test func pearsonsRMatchesPythonsStatistics() throws {
    var sums = PairedSums()
    for (x, y) in zip([1, 5.5, 10, 7.75, 3.25, 10, 5.5], [4.0, 6, 9, 8, 5, 7, 7]) { sums.add(x, y) }
    // statistics.correlation(x, y) in Python 3.11.
    #expect(abs(try #require(sums.correlation) - 0.8984563135880443) < 1e-12)
  }

  @Test func repeatedPairsCountAsOftenAsTheyOccur() throws {
    var counted = PairedSums()
    counted.add(1, 9, count: 1)
    counted.add(1, 8, count: 1)
    counted.add(10, 2, count: 1)
    counted.add(10, 1, count: 1)
    var weighted = PairedSums()
    weighted.add(1, 9)
    weighted.add(1, 8)
    weighted.add(10, 2)
    weighted.add(10, 1)
    #expect(counted == weighted)
    // statistics.correlation([1, 1, 10, 10], [9, 8, 2, 1]).
    #expect(abs(try #require(counted.correlation) - -0.9899494936611665) < 1e-12)
  }

  @Test func noCorrelationWithoutThreePairsOrWithoutSpread() {
    var two = PairedSums()
    two.add(1, 2)
    two.add(3, 4)
    #expect(two.correlation == nil)
    var flat = PairedSums()
    for y in [4.0, 6, 8] { flat.add(7, y) }
    #expect(flat.correlation == nil)
  }
}
