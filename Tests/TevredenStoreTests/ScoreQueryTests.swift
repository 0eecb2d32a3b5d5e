import Foundation
import Testing

@testable import TevredenCore
@testable import TevredenStore

/// A questionnaire with a role item and two aspects on a 5-point scale.
private let aspectQuestionnaireYAML = """
  id: aspect-test
  version: 1
  audience: inwoners
  group: melding
  group_label: Melding
  title: "Test"
  missing_codes:
    - { code: weet_niet, label: Weet ik niet }
  scales:
    - id: tevreden5
      points:
        - { value: 1, label: Heel ontevreden }
        - { value: 2, label: Ontevreden }
        - { value: 3, label: Neutraal }
        - { value: 4, label: Tevreden }
        - { value: 5, label: Heel tevreden }
      missing: [weet_niet]
  questions:
    - id: toestemming
      type: consent
      text: "Wilt u meedoen?"
    - id: rol
      type: single_choice
      text: "Wie bent u?"
      choices:
        - { code: melder, label: "Ik heb de melding gedaan" }
        - { code: betrokkene, label: "De melding ging over mij" }
    - id: bereikbaarheid
      type: scale
      scale: tevreden5
      text: "Bereikbaarheid?"
      aliases: ["Bereikbaarheid"]
    - id: bejegening
      type: scale
      scale: tevreden5
      text: "Bejegening?"
    - id: cijfer
      type: grade
      text: "Welk cijfer?"
  score:
    grade: cijfer
    aspects: [bereikbaarheid, bejegening]

  """

/// What the store counts for scoring: period boundaries in Amsterdam time, aspects, roles and municipalities.
@Suite struct ScoreQueryTests {
  let database: TevredenDatabase
  let definition: LoadedQuestionnaire

  init() throws {
    database = try TevredenDatabase.inMemory()
    definition = try storeQuestionnaire(aspectQuestionnaireYAML)
  }

  func save(
    _ id: String, completedAt: String, grade: Double?, gemeente: String? = "Hoorn", role: String = "melder",
    aspects: [String: Answer] = [:], status: Response.Status = .completed
  ) throws {
    var answers: [Question.ID: Answer] = [
      "toestemming": .value(.yesNo(true)), "rol": .value(.choices([role])),
    ]
    if let grade { answers["cijfer"] = .value(.grade(grade)) }
    for (item, answer) in aspects { answers[Question.ID(rawValue: item)] = answer }
    let completed = try #require(Timestamp.parse(completedAt))
    try database.save(
      Response(
        id: Response.ID(rawValue: id), questionnaire: definition.questionnaire, gemeente: gemeente, mode: .online,
        interviewer: nil, startedAt: completed.addingTimeInterval(-600), completedAt: completed, status: status,
        answers: answers),
      collectedWith: definition)
  }

  func grades(_ period: Period, by dimensions: [ScoreDimension] = []) throws -> [GradeCell] {
    try database.scoreData(for: ScoreRequest(period: period, dimensions: dimensions)).cells
  }

  @Test func aResponseCountsByItsCompletionDayInAmsterdam() throws {
    // 30 April 23:59 summer time is 21:59 UTC: in T1. 1 May 00:00 summer time is 22:00 UTC: not in T1.
    try save("last-minute", completedAt: "2026-04-30T21:59:00Z", grade: 9)
    try save("first-minute", completedAt: "2026-04-30T22:00:00Z", grade: 3)
    let t1 = try grades(try #require(Period("2026-T1")))
    #expect(t1.first?.distribution == GradeDistribution(counts: [9: 1]))
    let t2 = try grades(try #require(Period("2026-T2")))
    #expect(t2.first?.distribution == GradeDistribution(counts: [9: 1, 3: 1]))
    let may = Period(from: try #require(LocalDate("2026-05-01")), to: try #require(LocalDate("2026-05-31")))
    #expect(try grades(may).first?.distribution == GradeDistribution(counts: [3: 1]))
  }

  @Test func aLeapDayIsADayOfItsOwn() throws {
    // 29 February 2024 23:30 winter time (22:30 UTC) and 1 March 00:30 (23:30 UTC).
    try save("leap", completedAt: "2024-02-29T22:30:00Z", grade: 8)
    try save("march", completedAt: "2024-02-29T23:30:00Z", grade: 5)
    let leapDay = Period(from: try #require(LocalDate("2024-02-29")), to: try #require(LocalDate("2024-02-29")))
    #expect(try grades(leapDay).first?.distribution == GradeDistribution(counts: [8: 1]))
    let february = Period(from: try #require(LocalDate("2024-02-01")), to: try #require(LocalDate("2024-02-29")))
    #expect(try grades(february).first?.distribution == GradeDistribution(counts: [8: 1]))
    #expect(try grades(try #require(Period("2024-T1"))).first?.distribution.count == 2)
  }

  @Test func decimalGradesKeepTheirExactValue() throws {
    try save("a", completedAt: "2026-03-01T10:00:00Z", grade: 7.5)
    try save("b", completedAt: "2026-03-02T10:00:00Z", grade: 7.5)
    try save("c", completedAt: "2026-03-03T10:00:00Z", grade: 7)
    #expect(
      try grades(try #require(Period("2026-T1"))).first?.distribution == GradeDistribution(counts: [7.5: 2, 7: 1]))
  }

  @Test func aspectsAreRescaledAndMissingCodesNeverCount() throws {
    try save(
      "a", completedAt: "2026-03-01T10:00:00Z", grade: 8,
      aspects: ["bereikbaarheid": .value(.scalePoint(5)), "bejegening": .value(.scalePoint(3))])
    try save(
      "b", completedAt: "2026-03-02T10:00:00Z", grade: 6,
      aspects: ["bereikbaarheid": .value(.scalePoint(1)), "bejegening": .missing("weet_niet")])
    // An unfinished response's aspects do not count either.
    try save(
      "c", completedAt: "2026-03-02T10:00:00Z", grade: nil, aspects: ["bejegening": .value(.scalePoint(1))])
    let data = try database.scoreData(
      for: ScoreRequest(period: try #require(Period("2026-T1")), includesAspects: true))
    let byItem = Dictionary(uniqueKeysWithValues: data.aspects.map { ($0.item, $0) })
    // 5 → 10, 1 → 1, 3 → 5.5 on a 1–5 scale.
    #expect(byItem["bereikbaarheid"]?.distribution == GradeDistribution(counts: [10: 1, 1: 1]))
    #expect(byItem["bereikbaarheid"]?.label == "Bereikbaarheid")
    #expect(byItem["bejegening"]?.distribution == GradeDistribution(counts: [5.5: 1]))
    #expect(data.aspects.map(\.item) == ["bereikbaarheid", "bejegening"])
  }

  @Test func aspectScoresArePairedWithTheGradeForTheirCorrelation() throws {
    // bereikbaarheid 5, 1, 3, 4 (→ 10, 1, 5.5, 7.75) with grades 9, 4, 6, 8.
    for (id, point, grade) in [("a", 5, 9.0), ("b", 1, 4.0), ("c", 3, 6.0), ("d", 4, 8.0)] {
      try save(
        id, completedAt: "2026-03-01T10:00:00Z", grade: grade, aspects: ["bereikbaarheid": .value(.scalePoint(point))])
    }
    let data = try database.scoreData(
      for: ScoreRequest(period: try #require(Period("2026-T1")), includesAspects: true))
    let paired = try #require(data.aspects.first { $0.item == "bereikbaarheid" }?.withGrade)
    #expect(paired.count == 4)
    // statistics.correlation([10, 1, 5.5, 7.75], [9, 4, 6, 8]) in Python 3.11.
    #expect(abs(try #require(paired.correlation) - 0.9902674083052385) < 1e-12)
  }

  @Test func breaksDownByMunicipalityRoleYearAndPeriod() throws {
    try save("a", completedAt: "2026-03-01T10:00:00Z", grade: 8, gemeente: "Hoorn", role: "melder")
    try save("b", completedAt: "2026-06-01T10:00:00Z", grade: 6, gemeente: "Texel", role: "betrokkene")
    try save("c", completedAt: "2025-06-01T10:00:00Z", grade: 7, gemeente: nil, role: "melder")
    let year = try #require(Period("2026"))
    let byGemeente = try grades(year, by: [.gemeente])
    #expect(Set(byGemeente.map(\.gemeente)) == ["Hoorn", "Texel"])
    let data = try database.scoreData(for: ScoreRequest(period: year, dimensions: [.role]))
    #expect(Set(data.cells.map(\.role)) == ["melder", "betrokkene"])
    #expect(data.roleLabels[.inwoners]?["melder"] == "Ik heb de melding gedaan")
    let range = Period(from: try #require(LocalDate("2025-01-01")), to: try #require(LocalDate("2026-12-31")))
    let byPeriod = try grades(range, by: [.period])
    #expect(Set(byPeriod.map { "\($0.year ?? 0)/\($0.third ?? 0)" }) == ["2026/1", "2026/2", "2025/2"])
    // The engine turns thirds into cumulative periods: 2026-T2 holds March and June.
    let card = try ScoreCard.build(
      request: ScoreRequest(period: range, dimensions: [.period]),
      indicators: ScoringTests.indicatorsForStore,
      data: try database.scoreData(for: ScoreRequest(period: range, dimensions: [.period])))
    let rows = try #require(card.indicators.first?.breakdown?.rows)
    #expect(rows.map(\.label) == ["2025", "2025-T2", "2026", "2026-T1", "2026-T2"])
    #expect(rows.first { $0.label == "2026-T2" }?.total.summary.count == 2)
    // 2026-T2 is compared with 2025-T2, never with 2026-T1.
    #expect(rows.first { $0.label == "2026-T2" }?.total.previousYear?.period.name == "2025-T2")
    #expect(rows.first { $0.label == "2026-T1" }?.total.previousYear == nil)
  }
}

extension ScoringTests {
  static let indicatorsForStore = IndicatorSet(
    minimumRespondents: 1, disclosureThreshold: 1,
    indicators: [
      .init(
        id: "pi5", number: "5", label: "PI 5", audience: .inwoners, unit: .cijfer, direction: .atLeast,
        norms: [2026: 7])
    ])
}

/// Stand-in so the store tests need not depend on the core test target.
enum ScoringTests {}
