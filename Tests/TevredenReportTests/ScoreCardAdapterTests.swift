import Foundation
import Testing
import TevredenCore

@testable import TevredenReport

/// The adapter from the scoring engine's ``ScoreCard`` to ``ReportFigures``: figures pass through unchanged.
@Suite struct ScoreCardAdapterTests {
  static let indicators = IndicatorSet(
    minimumRespondents: 10, indicativeBelow: 30, disclosureThreshold: 10,
    indicators: [
      .init(
        id: "pi5", number: "5", label: "Klanttevredenheid van direct betrokkenen", audience: .inwoners, unit: .cijfer,
        direction: .atLeast, norms: [2025: 7.0, 2026: 7.5]),
      .init(
        id: "pi6", number: "6", label: "Klanttevredenheid ketenpartners", audience: .ketenpartners, unit: .cijfer,
        direction: .atLeast, norms: [2025: 7.0, 2026: 7.0]),
    ], gemeenten: ["Alkmaar", "Hoorn", "Texel"])

  static let groups = [
    GroupInfo(audience: .inwoners, group: "adviesaanvraag", label: "Adviesaanvraag"),
    GroupInfo(audience: .inwoners, group: "melding", label: "Melding"),
    GroupInfo(audience: .inwoners, group: "monitoring", label: "Monitoring"),
    GroupInfo(audience: .inwoners, group: "vervolgdienst", label: "Vervolgdienst"),
    GroupInfo(audience: .ketenpartners, group: "politie", label: "Politie"),
  ]

  /// `count` grades cycling through `pattern`.
  static func grades(_ count: Int, _ pattern: [Double]) -> [Double] {
    (0..<count).map { pattern[$0 % pattern.count] }
  }

  static func cell(
    _ audience: Audience, _ group: String, _ grades: [Double], gemeente: String? = nil, year: Int? = nil,
    third: Int? = nil
  ) -> GradeCell {
    GradeCell(
      audience: audience, group: group, gemeente: gemeente, year: year, third: third,
      distribution: GradeDistribution(grades: grades))
  }

  /// Residents in three municipalities (Texel small), chain partners in one.
  static let cells = [
    cell(.inwoners, "adviesaanvraag", grades(28, [8, 7, 9, 8]), gemeente: "Alkmaar"),
    cell(.inwoners, "adviesaanvraag", grades(6, [7, 8]), gemeente: "Texel"),
    cell(.inwoners, "melding", grades(30, [6, 7, 8, 5, 7]), gemeente: "Alkmaar"),
    cell(.inwoners, "melding", grades(12, [7, 6, 8]), gemeente: "Hoorn"),
    cell(.inwoners, "monitoring", grades(4, [7, 8]), gemeente: "Hoorn"),
    cell(.inwoners, "vervolgdienst", grades(15, [8, 7, 7]), gemeente: "Alkmaar"),
    cell(.ketenpartners, "politie", grades(32, [7, 8, 7, 6]), gemeente: "Alkmaar"),
  ]

  static func card(by dimensions: [ScoreDimension] = [.gemeente, .group]) throws -> ScoreCard {
    try ScoreCard.build(
      request: ScoreRequest(period: try #require(Period("2026-T2")), dimensions: dimensions),
      indicators: indicators,
      data: ScoreData(
        groups: groups, cells: cells, previousCells: [cell(.inwoners, "melding", grades(40, [6, 7]))],
        statusCounts: [
          StatusCount(audience: .inwoners, group: "melding", status: .completed, count: 42, isInterview: true),
          StatusCount(audience: .inwoners, group: "melding", status: .refused, count: 8, isInterview: true),
        ]))
  }

  /// PI 5 over 2025 and 2026 by burap period.
  static func trendCard() throws -> ScoreCard {
    let period = Period(from: LocalDate(year: 2025, month: 1, day: 1), to: LocalDate(year: 2026, month: 8, day: 31))
    let cells = [
      cell(.inwoners, "melding", grades(20, [7, 6, 8]), year: 2025, third: 1),
      cell(.inwoners, "melding", grades(25, [7, 8]), year: 2025, third: 2),
      cell(.inwoners, "melding", grades(20, [8, 7]), year: 2025, third: 3),
      cell(.inwoners, "melding", grades(31, [8, 7, 8]), year: 2026, third: 1),
      cell(.inwoners, "melding", grades(24, [7, 7, 8]), year: 2026, third: 2),
    ]
    return try ScoreCard.build(
      request: ScoreRequest(period: period, dimensions: [.period]), indicators: indicators,
      data: ScoreData(groups: groups, cells: cells))
  }

  static func figures(trend: ScoreCard? = nil) throws -> ReportFigures {
    ReportFigures(
      card: try card(), trend: trend, region: "Noord-Holland Noord", generatedAt: ReportFixture.generatedAt,
      dataBasis: [ReportFigures.DataSource(kind: .interview(mode: "telefonisch"), counts: [.inwoners: 95])])
  }

  @Test func everyFigureComesFromTheEngineUnchanged() throws {
    let card = try Self.card()
    let figures = try Self.figures()
    let engine = try #require(card.indicators.first { $0.indicator.id == "pi5" })
    let section = try #require(figures.audiences.first { $0.audience == .inwoners })
    #expect(section.overall.count == engine.overall.summary.count)
    #expect(section.overall.mean == engine.overall.summary.mean)
    #expect(section.overall.standardDeviation == engine.overall.summary.standardDeviation)
    #expect(section.overall.median == engine.overall.summary.median)
    #expect(section.overall.shareBelowSix == engine.overall.summary.shareBelowSix)
    #expect(section.overall.interval?.lower == engine.overall.summary.confidenceInterval?.lower)
    #expect(section.overall.interval?.upper == engine.overall.summary.confidenceInterval?.upper)
    #expect(section.histogram?.counts == engine.overall.summary.gradeCounts)
    #expect(section.norm == ReportFigures.Norm(7.5))
    #expect(section.groups.map(\.id) == engine.groups.compactMap(\.group))
    for (group, row) in zip(section.groups, engine.groups) where row.assessment.status != .teWeinigRespondenten {
      #expect(group.mean == row.summary.mean, "\(group.id)")
      #expect(group.count == row.summary.count, "\(group.id)")
    }
    let change = try #require(section.groups.first { $0.id == "melding" }?.change)
    let melding = try #require(engine.groups.first { $0.group == "melding" })
    #expect(change.previousPeriod == "2025-T2")
    #expect(change.difference == melding.previousYear?.change)
    #expect(change.isSignificant == melding.previousYear?.test?.isSignificant)
    // Interviews with refusals and no recorded non-contacts: a cooperation rate of 42 / 50, and no RR1.
    #expect(figures.head.responseRates.first?.rates.coop1 == 0.84)
    #expect(figures.head.responseRates.first?.rates.rr1 == nil)
    #expect(figures.methods.minimumRespondents == 10 && figures.methods.indicativeBelow == 30)
  }

  @Test func statusesFollowTheEnginesAssessment() throws {
    let section = try #require(try Self.figures().audiences.first { $0.audience == .inwoners })
    let byID = Dictionary(uniqueKeysWithValues: section.groups.map { ($0.id, $0) })
    #expect(byID["monitoring"]?.status == .teWeinigRespondenten)
    #expect(byID["monitoring"]?.mean == nil)
    #expect(byID["monitoring"]?.interval == nil)
    #expect(byID["vervolgdienst"]?.status == .indicatief)
    #expect(byID["vervolgdienst"]?.mean != nil)
    // Melding's mean (6.7) misses the 2026 norm of 7.5 with the whole interval below it.
    #expect(byID["melding"]?.status == .voldoetNiet)
    #expect(byID["melding"]?.comparison == .clearlyMisses)
  }

  /// The report's light is the word the CSV and JSON feeds print as `status_reported`, for every assessment.
  @Test func theLightIsTheFeedsReportedStatus() {
    for status in NormStatus.allCases {
      for indicative in [false, true] {
        for significant in [false, true] {
          let assessment = Assessment(status: status, isIndicative: indicative, isSignificant: significant)
          #expect(ReportFigures.Status(rawValue: assessment.reportedStatus) != nil, "\(assessment)")
          #expect(ReportFigures.Status(assessment).rawValue == assessment.reportedStatus)
        }
      }
    }
    #expect(Assessment(status: .voldoetNiet, isIndicative: true).reportedStatus == "indicatief")
    #expect(Assessment(status: .teWeinigRespondenten, isIndicative: true).reportedStatus == "te weinig respondenten")
  }

  @Test func municipalityCellsKeepTheEnginesSuppression() throws {
    let card = try Self.card()
    let engine = try #require(card.indicators.first { $0.indicator.id == "pi5" }?.breakdown)
    let table = try #require(try Self.figures().audiences.first { $0.audience == .inwoners }?.gemeenten)
    #expect(table.columns == ["totaal", "Adviesaanvraag", "Melding", "Monitoring", "Vervolgdienst"])
    #expect(table.rows.map(\.gemeente) == engine.rows.map(\.label))
    for (row, engineRow) in zip(table.rows, engine.rows) {
      for (cell, engineCell) in zip(row.cells, [engineRow.total] + engineRow.groups) {
        switch cell {
        case .suppressed: #expect(engineCell.isSuppressed)
        case .empty: #expect(!engineCell.isSuppressed && engineCell.summary.count == 0)
        case .figure(let mean, let count):
          #expect(!engineCell.isSuppressed && mean == engineCell.summary.mean && count == engineCell.summary.count)
        }
      }
    }
    let texel = try #require(table.rows.first { $0.gemeente == "Texel" })
    #expect(texel.cells[0] == .suppressed)
    // Hidden for being small and hidden as a complement look the same: the reason would tell an intruder which
    // hidden cells are the small ones.
    let engineHidden = engine.rows.flatMap { [$0.total] + $0.groups }.filter(\.isSuppressed)
    #expect(engineHidden.contains { $0.isPrimarySuppression } && engineHidden.contains { !$0.isPrimarySuppression })
    #expect(
      Set(table.rows.flatMap(\.cells).filter { if case .figure = $0 { false } else { true } }) == [.suppressed, .empty])
  }

  @Test func trendPointsAreBurapPeriodsJudgedAgainstTheirOwnYearsNorm() throws {
    let figures = try Self.figures(trend: Self.trendCard())
    let trend = try #require(figures.audiences.first { $0.audience == .inwoners }?.trend)
    #expect(trend.map(\.period) == ["2025-T1", "2025-T2", "2025-T3", "2026-T1", "2026-T2"])
    #expect(trend.map(\.norm) == [7.0, 7.0, 7.0, 7.5, 7.5])
    #expect(trend.map(\.count) == [20, 45, 65, 31, 55])
    // 2025-T3 (mean 7.3 over 65) meets 2025's norm of 7.0, though not 2026's 7.5.
    #expect(trend[2].status == .voldoet)
  }

  @Test func theAdaptedFiguresRenderEveryGroup() throws {
    let figures = try Self.figures(trend: Self.trendCard())
    let html = ReportRenderer.html(figures)
    for section in figures.audiences {
      for group in [section.overall] + section.groups {
        let hook = group.mean == nil ? "data-placeholder" : "data-bar"
        #expect(html.contains("\(hook)=\"\(group.id)\""), "\(group.id)")
      }
    }
    #expect(html.contains("data-norm=\"7.5\""))
    let markdown = ReportRenderer.markdown(figures)
    #expect(markdown.contains("| **Alle inwoners** | 95 |"))
  }

  /// The indicators with a registration indicator (PI 4, at most 30%) first.
  static var indicatorsWithPI4: IndicatorSet {
    var set = indicators
    set.indicators.insert(
      .init(
        id: "pi4", number: "4", label: "Gegronde klachten", audience: nil, unit: .percentage, direction: .atMost,
        norms: [2026: 30]), at: 0)
    return set
  }

  @Test func mergedIndicatorRowsKeepTheirSourceAndOrder() throws {
    let set = Self.indicatorsWithPI4
    let card = try Self.card(by: [])
    let figure = RegistrationFigure(
      indicatorID: "pi4", subgroup: "", period: card.period, value: 22, unit: .percentage, count: nil, line: 2)
    let rows = TevredenCore.IndicatorRow.rows(card: card, registration: [figure], indicators: set).rows
    let figures = ReportFigures(
      card: card, indicatorRows: rows, region: "Noord-Holland Noord", generatedAt: ReportFixture.generatedAt,
      dataBasis: [])
    #expect(figures.indicators.map(\.number) == ["4", "5", "6"])
    #expect(figures.indicators[0].source == "aangeleverd")
    #expect(figures.indicators[0].norm == ReportFigures.Norm(30, .atMost))
    #expect(figures.indicators[0].status == .voldoet)
    #expect(figures.indicators[1].source == nil)
    #expect(figures.indicators[1].value == card.indicators[0].overall.summary.mean)
  }

  @Test func aRegisteredShareOfAHandfulOfCasesGetsTheSurveysSmallNCaution() throws {
    let set = Self.indicatorsWithPI4
    let card = try Self.card(by: [])
    func row(_ count: Int?) -> TevredenCore.IndicatorRow? {
      let figure = RegistrationFigure(
        indicatorID: "pi4", subgroup: "", period: card.period, value: 22, unit: .percentage, count: count, line: 2)
      return TevredenCore.IndicatorRow.rows(card: card, registration: [figure], indicators: set).rows.first
    }
    // Three complaints: no share and no judgement, as a survey group under the minimum n (10).
    let few = try #require(row(3))
    #expect(few.value == nil && few.count == 3 && few.assessment.status == .teWeinigRespondenten)
    // Thirteen: the share, judged indicatively (under 30); thirty, or no n given: judged as it stands.
    let some = try #require(row(13))
    #expect(some.value == 22 && some.assessment.status == .voldoet && some.assessment.isIndicative)
    for count in [30, nil] as [Int?] {
      let row = try #require(row(count))
      #expect(row.value == 22 && row.assessment == Assessment(status: .voldoet), "\(String(describing: count))")
    }
  }
}
