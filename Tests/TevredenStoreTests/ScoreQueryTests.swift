import Foundation
import GRDB
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
    _ id: String, completedAt: String, grade: Double?, gemeente: String? = "Hoorn", role: String? = "melder",
    aspects: [String: Answer] = [:], status: Response.Status = .completed
  ) throws {
    var answers: [Question.ID: Answer] = ["toestemming": .value(.yesNo(true))]
    if let role { answers["rol"] = .value(.choices([role])) }
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

  /// A role basis leaves every respondent with another role, or none, out of every figure (groups, breakdowns,
  /// aspects) and counts them apart; statuses still count everyone contacted.
  @Test func aRoleBasisLeavesOtherRolesOutOfEveryFigure() throws {
    try save(
      "a", completedAt: "2026-03-01T10:00:00Z", grade: 9, role: "melder",
      aspects: ["bejegening": .value(.scalePoint(5))])
    try save(
      "b", completedAt: "2026-03-01T10:00:00Z", grade: 5, role: "betrokkene",
      aspects: ["bejegening": .value(.scalePoint(1))])
    try save("c", completedAt: "2026-03-02T10:00:00Z", grade: 7, role: nil)
    try save("d", completedAt: "2026-03-02T10:00:00Z", grade: nil, role: "melder", status: .partial)
    let period = try #require(Period("2026-T1"))
    let request = ScoreRequest(
      period: period, dimensions: [.gemeente, .group], includesAspects: true,
      roleBasis: [.inwoners: ["betrokkene"]])
    let data = try database.scoreData(for: request)
    #expect(data.cells.map(\.distribution) == [GradeDistribution(counts: [5: 1])])
    #expect(data.municipalCells?.map(\.distribution) == [GradeDistribution(counts: [5: 1])])
    #expect(data.aspects.map(\.distribution) == [GradeDistribution(counts: [1: 1])])
    #expect(data.outsideBasis == [StatusCount(audience: .inwoners, group: "melding", status: .completed, count: 2)])
    let statuses = Dictionary(uniqueKeysWithValues: data.statusCounts.map { ($0.status, $0.count) })
    #expect(statuses == [.completed: 3, .partial: 1])
    // Without a basis everyone counts, and nobody is outside it.
    let everyone = try database.scoreData(for: ScoreRequest(period: period, includesAspects: true))
    #expect(everyone.cells.first?.distribution == GradeDistribution(counts: [9: 1, 5: 1, 7: 1]))
    #expect(everyone.outsideBasis.isEmpty)
    // An answers object written otherwise (spaces after the commas, as by hand) is read in full: the same count.
    try database.writer.write { db in try db.execute(sql: "UPDATE response SET answers = replace(answers, ',', ', ')") }
    let respaced = try database.scoreData(for: request)
    #expect(respaced.cells == data.cells && respaced.outsideBasis == data.outsideBasis)
    // Another audience's basis leaves these respondents alone.
    let other = try database.scoreData(for: ScoreRequest(period: period, roleBasis: [.ketenpartners: ["politie"]]))
    #expect(other.cells.first?.distribution.count == 3)
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

  /// Role labels come from the stored definitions; when an edition rewords one, the newest wording is shown, in
  /// every run (they were taken in a dictionary's order).
  @Test func theNewestEditionsRoleLabelIsShownEveryTime() throws {
    try save("a", completedAt: "2026-03-01T10:00:00Z", grade: 8)
    let reworded = try storeQuestionnaire(
      aspectQuestionnaireYAML.replacingOccurrences(of: "Ik heb de melding gedaan", with: "Ik deed de melding")
        .replacingOccurrences(of: "title: \"Test\"", with: "title: \"Test, herzien\""))
    try database.save(
      Response(
        id: "b", questionnaire: reworded.questionnaire, gemeente: "Hoorn", mode: .online, interviewer: nil,
        startedAt: try #require(Timestamp.parse("2026-03-02T10:00:00Z")),
        completedAt: try #require(Timestamp.parse("2026-03-02T10:10:00Z")), status: .completed,
        answers: [
          "toestemming": .value(.yesNo(true)), "rol": .value(.choices(["melder"])), "cijfer": .value(.grade(7)),
        ]),
      collectedWith: reworded)
    let year = try #require(Period("2026"))
    for _ in 0..<8 {
      let data = try database.scoreData(for: ScoreRequest(period: year, dimensions: [.role]))
      #expect(data.roleLabels[.inwoners]?["melder"] == "Ik deed de melding")
    }
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

/// The counting during one scan gives exactly what SQLite's `GROUP BY` gave before it, on random responses: both
/// audiences, several groups and municipalities (also none and an empty one), every status, whole and decimal
/// grades and none, days on both sides of period boundaries, roles (none, both items), and rows of a running
/// import, which are left out.
@Suite struct ScanCountingTests {
  let database: TevredenDatabase

  init() throws {
    database = try TevredenDatabase.inMemory()
    let definition = try storeQuestionnaire(aspectQuestionnaireYAML)
    let completed = try #require(Timestamp.parse("2026-03-01T10:00:00Z"))
    try database.save(
      Response(
        id: "seed", questionnaire: definition.questionnaire, gemeente: "Hoorn", mode: .online, interviewer: nil,
        startedAt: completed.addingTimeInterval(-600), completedAt: completed, status: .completed,
        answers: ["toestemming": .value(.yesNo(true)), "cijfer": .value(.grade(7))]),
      collectedWith: definition)
    try database.writer.write { db in
      let snapshot = try #require(try Int64.fetchOne(db, sql: "SELECT MIN(id) FROM questionnaireSnapshot"))
      for state in ["committed", "running"] {
        try db.execute(
          sql: """
            INSERT INTO importBatch (source, sha256, format, importedAt, insertedCount, duplicateCount,
              rejectedCount, state) VALUES ('test.csv', '', 'csv', '2026-01-01T00:00:00Z', 0, 0, 0, ?)
            """, arguments: [state])
      }
      let committed = try #require(
        try Int64.fetchOne(db, sql: "SELECT id FROM importBatch WHERE state = 'committed'"))
      let running = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM importBatch WHERE state = 'running'"))
      var random = SeededGenerator(seed: 20_261_203)
      let groups = ["melding", "advies", "onderzoek", "Één groep"]
      let gemeenten: [String?] = [nil, "", "Hoorn", "Texel", "Den Helder", "Dijk en Waard"]
      let statuses = ["completed", "completed", "completed", "partial", "refused"]
      let grades: [Double?] = [nil, 1, 2, 3, 4, 5, 6, 7, 7, 8, 8, 9, 10, 6.5, 7.5, 8.25]
      let roles = [
        "{}", #"{"rol":"melder"}"#, #"{"rol":"betrokkene"}"#, #"{"functie":"politie"}"#,
        #"{"rol":"melder","functie":"arts"}"#,
      ]
      let batches: [Int64?] = [nil, nil, committed, running]
      var made: [String: Int64] = [:]
      let monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
      for number in 0..<3000 {
        // December 2024 to January 2027, mostly on the first and last days of months.
        let month = 11 + Int.random(in: 0..<26, using: &random)
        let year = 2024 + month / 12
        let last = monthDays[month % 12] + (month % 12 == 1 && year % 4 == 0 ? 1 : 0)
        let days = [1, 2, 15, last - 1, last, last]
        let day = LocalDate(
          year: year, month: month % 12 + 1, day: days[Int.random(in: 0..<days.count, using: &random)])
        try db.execute(
          sql: """
            INSERT INTO response (responseKey, keyHash, snapshotId, gemeente, mode, startedAt, collectedOn, status,
              grade, importBatchId, answers) VALUES (?, ?, ?, ?, 'online', '2026-01-01T00:00:00Z', ?, ?, ?, ?, ?)
            """,
          arguments: [
            "random-\(number)", number + 1_000_000,
            try snapshotId(
              like: snapshot, audience: Int.random(in: 0..<3, using: &random) == 0 ? "ketenpartners" : "inwoners",
              group: groups[Int.random(in: 0..<groups.count, using: &random)], made: &made, in: db),
            gemeenten[Int.random(in: 0..<gemeenten.count, using: &random)], day.description,
            statuses[Int.random(in: 0..<statuses.count, using: &random)],
            grades[Int.random(in: 0..<grades.count, using: &random)],
            batches[Int.random(in: 0..<batches.count, using: &random)],
            roles[Int.random(in: 0..<roles.count, using: &random)],
          ])
      }
      try keyAnswersByNumber(in: db)
    }
  }

  static let periods = ["2025-T1", "2025-T3", "2026-T1", "2026-T2", "2026", "2026-T3"]

  @Test(arguments: periods) func theOnePassCountsAsTheGroupBy(name: String) throws {
    let period = try #require(Period(name))
    let (scanned, grouped) = try database.writer.read { db in
      (
        try TevredenDatabase.groupPass(db, period: period, previous: period.yearEarlier),
        try Self.groupPassByGroupBy(db, period: period, previous: period.yearEarlier)
      )
    }
    #expect(scanned.current == grouped.current)
    #expect(scanned.previous == grouped.previous)
    #expect(scanned.statuses == grouped.statuses)
    #expect(!scanned.current.isEmpty && !scanned.statuses.isEmpty)
    if period.first.year == 2026 { #expect(!scanned.previous.isEmpty) }
  }

  @Test(arguments: [
    [], [ScoreDimension.gemeente], [.role], [.year], [.period], [.gemeente, .period], [.gemeente, .role, .period],
    [.gemeente, .role, .year],
  ])
  func theBreakdownCountsAsTheGroupBy(dimensions: [ScoreDimension]) throws {
    let range = Period(from: try #require(LocalDate("2025-01-01")), to: try #require(LocalDate("2026-12-31")))
    for period in try Self.periods.map({ try #require(Period($0)) }) + [range] {
      let (scanned, grouped) = try database.writer.read { db in
        (
          try TevredenDatabase.gradeCells(db, period: period, dimensions: Set(dimensions)),
          try Self.gradeCellsByGroupBy(db, period: period, dimensions: Set(dimensions))
        )
      }
      #expect(Set(scanned) == Set(grouped))
      #expect(scanned.count == grouped.count)
      #expect(scanned.map { "\($0.audience)/\($0.group)" } == grouped.map { "\($0.audience)/\($0.group)" })
      #expect(scanned.count > 1)
    }
  }

  @Test func rowsOfARunningImportAreLeftOut() throws {
    let period = try #require(Period("2026"))
    let (all, visible) = try database.writer.read { db in
      (
        try Int.fetchOne(
          db,
          sql: """
            SELECT COUNT(*) FROM response
            WHERE status = 'completed' AND grade IS NOT NULL AND collectedOn BETWEEN '2026-01-01' AND '2026-12-31'
            """) ?? 0,
        try TevredenDatabase.gradeCells(db, period: period, dimensions: []).map(\.distribution.count).reduce(0, +)
      )
    }
    #expect(visible > 0 && visible < all)
  }

  // The queries as they were: SQLite's GROUP BY, decoded by GRDB.

  static func groupPassByGroupBy(_ db: Database, period: Period, previous: Period) throws
    -> (current: [GradeCell], previous: [GradeCell], statuses: [StatusCount])
  {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT audience, respondentGroup, status, grade,
          SUM(collectedOn BETWEEN ?1 AND ?2) AS current, SUM(collectedOn BETWEEN ?3 AND ?4) AS previous,
          mode IN ('telefonisch', 'persoonlijk') AS interview
        FROM responseRow
        WHERE (collectedOn BETWEEN ?1 AND ?2 OR collectedOn BETWEEN ?3 AND ?4)
          AND \(TevredenDatabase.visibleResponses())
        GROUP BY audience, respondentGroup, status, grade, interview
        """,
      arguments: [
        period.first.description, period.last.description, previous.first.description, previous.last.description,
      ])
    var current: [String: GradeCell] = [:]
    var earlier: [String: GradeCell] = [:]
    var statuses: [String: StatusCount] = [:]
    for row in rows {
      guard let audience = Audience(rawValue: row[0]), let status = Response.Status(rawValue: row[2]) else {
        continue
      }
      let group: String = row[1]
      let key = "\(audience.rawValue)/\(group)"
      let inPeriod: Int = row[4]
      let inPrevious: Int = row[5]
      let interview: Bool = row[6]
      if inPeriod > 0 {
        statuses[
          "\(key)/\(status.rawValue)/\(interview ? 1 : 0)",
          default: StatusCount(audience: audience, group: group, status: status, count: 0, isInterview: interview)
        ]
        .count += inPeriod
      }
      guard status == .completed, let grade: Double = row[3] else { continue }
      let empty = GradeCell(audience: audience, group: group, distribution: .empty)
      if inPeriod > 0 { current[key, default: empty].distribution.add(grade, count: inPeriod) }
      if inPrevious > 0 { earlier[key, default: empty].distribution.add(grade, count: inPrevious) }
    }
    func sorted(_ cells: [String: GradeCell]) -> [GradeCell] {
      cells.values.sorted { ($0.audience.rawValue, $0.group) < ($1.audience.rawValue, $1.group) }
    }
    return (
      sorted(current), sorted(earlier),
      statuses.values.sorted {
        ($0.audience.rawValue, $0.group, $0.status.rawValue, $0.isInterview ? 1 : 0) < (
          $1.audience.rawValue, $1.group, $1.status.rawValue, $1.isInterview ? 1 : 0
        )
      }
    )
  }

  static func gradeCellsByGroupBy(_ db: Database, period: Period, dimensions: Set<ScoreDimension>) throws
    -> [GradeCell]
  {
    var columns = ["r.audience", "r.respondentGroup"]
    var join = ""
    if dimensions.contains(.gemeente) { columns.append("r.gemeente") }
    if dimensions.contains(.role) {
      columns.append("role.value")
      join = """
        LEFT JOIN json_each(r.answers) role
          ON role.key IN (SELECT CAST(id AS TEXT) FROM item WHERE name IN ('rol', 'functie'))
        """
    }
    if dimensions.contains(.year) || dimensions.contains(.period) {
      columns.append("CAST(substr(r.collectedOn, 1, 4) AS INTEGER)")
    }
    if dimensions.contains(.period) { columns.append("(CAST(substr(r.collectedOn, 6, 2) AS INTEGER) + 3) / 4") }
    let keys = columns.joined(separator: ", ")
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT \(keys), r.grade, COUNT(*) FROM responseRow r \(join)
        WHERE r.status = 'completed' AND r.grade IS NOT NULL AND r.collectedOn BETWEEN ? AND ?
          AND \(TevredenDatabase.visibleResponses("r"))
        GROUP BY \(keys), r.grade
        """, arguments: [period.first.description, period.last.description])
    var cells: [GradeCell] = []
    for row in rows {
      var index = 0
      func next<Value: DatabaseValueConvertible>() -> Value? {
        defer { index += 1 }
        return row[index]
      }
      guard let audienceText: String = next(), let audience = Audience(rawValue: audienceText),
        let group: String = next()
      else { continue }
      var cell = GradeCell(audience: audience, group: group, distribution: .empty)
      if dimensions.contains(.gemeente) { cell.gemeente = next() }
      if dimensions.contains(.role) { cell.role = next() }
      if dimensions.contains(.year) || dimensions.contains(.period) { cell.year = next() }
      if dimensions.contains(.period) { cell.third = next() }
      guard let grade: Double = next(), let count: Int = next() else { continue }
      if let existing = cells.firstIndex(where: {
        ($0.audience, $0.group, $0.gemeente, $0.role, $0.year, $0.third)
          == (cell.audience, cell.group, cell.gemeente, cell.role, cell.year, cell.third)
      }) {
        cells[existing].distribution.add(grade, count: count)
      } else {
        cell.distribution.add(grade, count: count)
        cells.append(cell)
      }
    }
    return cells.sorted { ($0.audience.rawValue, $0.group) < ($1.audience.rawValue, $1.group) }
  }
}

/// The one scan against the queries it replaced, on seeded random responses with answers: aspects (two editions,
/// values, none, an escaped remark), roles, municipalities and the municipal year to date of a burap period, and a
/// report's two requests counted together.
@Suite struct ScanAspectTests {
  struct Row {
    var key: String
    var edition: Int
    var audience: String
    var group: String
    var gemeente: String?
    var day: String
    var status: String
    var grade: Double?
    var answers: String
    var mode: String
    /// An import batch by its number in ``database(_:)`` (the last one still running), or none.
    var batch: Int?
  }

  static func randomRows(seed: UInt64, count: Int) -> [Row] {
    var random = SeededGenerator(seed: seed)
    func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }
    let roles = [nil, #""rol":"melder""#, #""rol":"betrokkene""#, #""functie":"politie""#]
    let points = [nil, "1", "2", "3", "4", "5", "5"]
    let extras = [nil, #""opmerking":"goed""#, #""opmerking":"zei \"prima\"""#, #""aantal":3"#, #""lijst":["a","b"]"#]
    return (0..<count).map { number in
      let month = Int.random(in: 1...12, using: &random)
      let year = pick([2025, 2026, 2026])
      let day = LocalDate(year: year, month: month, day: pick([1, 15, 28])).description
      var members: [String] = []
      if let role = pick(roles) { members.append(role) }
      if let point = pick(points) { members.append(#""bereikbaarheid":"\#(point)""#) }
      if let point = pick(points) { members.append(#""bejegening":"\#(point)""#) }
      if let extra = pick(extras) { members.append(extra) }
      members.shuffle(using: &random)
      return Row(
        key: "random-\(number)", edition: pick([0, 0, 1]), audience: pick(["inwoners", "inwoners", "ketenpartners"]),
        group: pick(["melding", "advies", "Één groep"]), gemeente: pick([nil, "Hoorn", "Texel", "Den Helder"]),
        day: day, status: pick(["completed", "completed", "completed", "partial"]),
        grade: pick([nil, 3, 5, 6, 7, 7, 8, 8, 9, 10, 7.5]), answers: "{" + members.joined(separator: ",") + "}",
        mode: pick(["online", "online", "telefonisch"]), batch: pick([nil, nil, 0, 1, 2]))
    }
  }

  /// A database with two editions of the aspect questionnaire and `rows` inserted in the given order.
  static func database(_ rows: [Row]) throws -> TevredenDatabase {
    let database = try TevredenDatabase.inMemory()
    let first = try storeQuestionnaire(aspectQuestionnaireYAML)
    let second = try storeQuestionnaire(
      aspectQuestionnaireYAML.replacingOccurrences(of: "version: 1", with: "version: 2")
        .replacingOccurrences(of: "aspects: [bereikbaarheid, bejegening]", with: "aspects: [bejegening]"))
    for (number, definition) in [first, second].enumerated() {
      let completed = try #require(Timestamp.parse("2024-03-01T10:00:00Z"))
      try database.save(
        Response(
          id: Response.ID(rawValue: "edition-\(number)"), questionnaire: definition.questionnaire, gemeente: "Hoorn",
          mode: .online, interviewer: nil, startedAt: completed.addingTimeInterval(-600), completedAt: completed,
          status: .completed, answers: ["toestemming": .value(.yesNo(true)), "cijfer": .value(.grade(7))]),
        collectedWith: definition)
    }
    try database.writer.write { db in
      let snapshots = try Int64.fetchAll(db, sql: "SELECT id FROM questionnaireSnapshot ORDER BY id")
      #expect(snapshots.count == 2)
      var batches: [Int64] = []
      for (format, state) in [("qualtrics", "committed"), ("tevreden-csv", "committed"), ("qualtrics", "running")] {
        try db.execute(
          sql: """
            INSERT INTO importBatch (source, sha256, format, importedAt, insertedCount, duplicateCount,
              rejectedCount, state) VALUES ('test.csv', '', ?, '2026-01-01T00:00:00Z', 0, 0, 0, ?)
            """, arguments: [format, state])
        batches.append(db.lastInsertedRowID)
      }
      // Every edition, audience and group a row may name, made in one order whatever the rows' order.
      var made: [String: Int64] = [:]
      for edition in snapshots.indices {
        for audience in ["inwoners", "ketenpartners"] {
          for group in ["melding", "advies", "Één groep"] {
            _ = try snapshotId(like: snapshots[edition], audience: audience, group: group, made: &made, in: db)
          }
        }
      }
      for row in rows {
        try db.execute(
          sql: """
            INSERT INTO response (responseKey, keyHash, snapshotId, gemeente, mode, startedAt, collectedOn, status,
              grade, answers, importBatchId)
            VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', ?, ?, ?, ?, ?)
            """,
          arguments: [
            row.key, 1_000_000 + (Int64(row.key.dropFirst("random-".count)) ?? 0),
            try snapshotId(
              like: snapshots[row.edition], audience: row.audience, group: row.group, made: &made, in: db),
            row.gemeente, row.mode, row.day,
            row.status, row.grade, row.answers, row.batch.map { batches[$0] },
          ])
      }
      try keyAnswersByNumber(in: db)
    }
    return database
  }

  let rows = Self.randomRows(seed: 20_261_203, count: 2500)

  @Test func aTallyCountsWholeGradesGradesWithADecimalAndAnyOtherExactly() {
    let grades: [Double] = [7, 7.5, 7.5, 8.25, 9.9, 1.1, 10, 1, 0.5, 6.3, 6.3, 6.3, 10.5, 7.000001]
    var tally = GradeTally()
    #expect(tally.isEmpty)
    for grade in grades { tally.add(grade) }
    var expected: [Double: Int] = [:]
    for grade in grades { expected[grade, default: 0] += 1 }
    let counted = Dictionary(tally.counts.map { ($0.grade, $0.count) }, uniquingKeysWith: +)
    #expect(counted == expected)
    #expect(tally.counts.count == expected.count, "every grade once")
    var distribution = GradeDistribution(grades: [])
    tally.add(to: &distribution)
    #expect(distribution == GradeDistribution(grades: grades))
    #expect(!tally.isEmpty)
  }

  @Test func aTallyAddsAnothersCountsOfEveryKind() {
    let first: [Double] = [7, 7.5, 8.25, 10, 1, 6.3, 0.5]
    let second: [Double] = [7, 9.9, 8.25, 3, 6.3, 7.000001, 2]
    var sum = GradeTally()
    var all = GradeTally()
    var other = GradeTally()
    for grade in first { sum.add(grade) }
    for grade in second { other.add(grade) }
    for grade in first + second { all.add(grade) }
    sum.add(other)
    var total = GradeDistribution.empty
    var expected = GradeDistribution.empty
    sum.add(to: &total)
    all.add(to: &expected)
    #expect(total == expected && total.count == 14)
  }

  @Test func objectsAsTheStoreWritesThemAreReadInOnePassAndAnythingElseIsLeftToTheGeneralReaders() {
    func members(_ text: String) -> [String]? {
      var members: [String] = []
      let read = Array(text.utf8).withUnsafeBufferPointer { bytes in
        JSONMembers.forEachNumberedMember(bytes) { code, value in
          members.append("\(code)=\(String(decoding: value, as: UTF8.self))")
          return code != 99
        }
      }
      return read ? members : nil
    }
    #expect(members("{}") == [])
    #expect(members(#"{"3":"7","12":"ja","4":""}"#) == ["3=7", "12=ja", "4="])
    #expect(members(#"{"1":"a\nb"}"#) == [#"1=a\nb"#], "a backslash inside a value is passed on")
    for other in [
      "", "{", "{}x", "[]", #"{"3":"7"} "#, #"{ "3":"7"}"#, #"{"3" : "7"}"#, #"{"03":"7"}"#, #"{"a":"7"}"#,
      #"{"3":7}"#, #"{"3":"7",}"#, #"{"3":"7""#, #"{"3":"zei \"ja\""}"#, #"{"3":"7"}}"#, #"{"99":"x","1":"y"}"#,
      #"{"1234567890123456789":"7"}"#,
    ] {
      #expect(members(other) == nil, "\(other)")
    }
  }

  @Test func anAspectIsFoundByTheNumberThatKeysItWhateverItsSize() {
    // Found by its position among the snapshot's aspect items, whatever its number among all items.
    let lookup = ScoreScan.AspectLookup([
      .init(key: Array("3".utf8), number: 7), .init(key: Array("12".utf8), number: 2),
      .init(key: Array("70000".utf8), number: 9), .init(key: Array("123456789012".utf8), number: 0),
    ])
    func number(_ key: String) -> Int? { Array(key.utf8).withUnsafeBufferPointer { lookup.position($0) } }
    #expect(number("3") == 0 && number("12") == 1 && number("70000") == 2 && number("123456789012") == 3)
    #expect(lookup.items.map(\.number) == [7, 2, 9, 0])
    // Other numbers, and keys that are no number as the store writes them (a leading zero, a sign, letters).
    for key in ["0", "4", "11", "69999", "03", "012", "+3", "3a", "cijfer", "", "1234567890123456789"] {
      #expect(number(key) == nil, "\(key)")
    }
  }

  @Test(arguments: ["2025-T2", "2026-T1", "2026", "2026-T3"])
  func aspectsCountAsTheJSONEachGroupBy(name: String) throws {
    let database = try Self.database(rows)
    let period = try #require(Period(name))
    let scanned = try database.scoreData(for: ScoreRequest(period: period, includesAspects: true)).aspects
    let grouped = try database.writer.read { db in try Self.aspectsByGroupBy(db, period: period) }
    #expect(!scanned.isEmpty)
    #expect(scanned.contains { $0.withGrade.correlation != nil })
    // Equal to the last bit: the sums are added in the order the GROUP BY gave its rows in.
    #expect(scanned == grouped)
  }

  @Test func theCorrelationDoesNotDependOnTheOrderOfTheRows() throws {
    var random = SeededGenerator(seed: 7)
    let period = try #require(Period("2026"))
    let request = ScoreRequest(period: period, dimensions: [.gemeente, .group], includesAspects: true)
    let stored = try Self.database(rows).scoreData(for: request)
    for _ in 0..<3 {
      let shuffled = try Self.database(rows.shuffled(using: &random)).scoreData(for: request)
      #expect(shuffled.aspects == stored.aspects)
      #expect(
        shuffled.aspects.map { $0.withGrade.correlation?.bitPattern }
          == stored.aspects.map {
            $0.withGrade.correlation?.bitPattern
          })
      #expect(shuffled == stored)
    }
  }

  /// `--by gemeente` of a burap period: the period per municipality, the year before, the status counts and the
  /// municipal year to date, all from one scan, equal to the three queries that counted them before.
  @Test(arguments: ["2026-T1", "2026-T2", "2026", "2025-T2"])
  func theMunicipalBreakdownCountsAsTheThreeQueries(name: String) throws {
    let database = try Self.database(rows)
    let period = try #require(Period(name))
    let data = try database.scoreData(for: ScoreRequest(period: period, dimensions: [.gemeente, .group]))
    let yearToDate = Period(from: LocalDate(year: period.first.year, month: 1, day: 1), to: period.last)
    let (pass, cells, municipal) = try database.writer.read { db in
      (
        try ScanCountingTests.groupPassByGroupBy(db, period: period, previous: period.yearEarlier),
        try ScanCountingTests.gradeCellsByGroupBy(db, period: period, dimensions: [.gemeente]),
        try ScanCountingTests.gradeCellsByGroupBy(db, period: yearToDate, dimensions: [.gemeente, .period])
      )
    }
    #expect(Set(data.cells) == Set(cells) && data.cells.count == cells.count)
    #expect(data.previousCells == pass.previous)
    #expect(data.statusCounts == pass.statuses)
    let counted = try #require(data.municipalCells)
    #expect(Set(counted) == Set(municipal) && counted.count == municipal.count)
    #expect(Set(counted.compactMap(\.third)).count == (period.burapIndex ?? 0))
  }

  @Test func requestsCountedTogetherEqualEachAlone() throws {
    let database = try Self.database(rows)
    let period = try #require(Period("2026-T2"))
    let requests = [
      ScoreRequest(period: period, dimensions: [.gemeente, .group], includesAspects: true),
      ScoreRequest(
        period: Period(from: LocalDate(year: 2025, month: 1, day: 1), to: period.last), dimensions: [.period]),
      ScoreRequest(period: try #require(Period("2026")), dimensions: [.role, .year]),
      ScoreRequest(period: try #require(Period("2025-T1"))),
    ]
    let together = try database.scoreData(for: requests)
    #expect(together == (try requests.map { try database.scoreData(for: $0) }))
    let report = try database.reportCounts(for: requests)
    #expect(report.data == together)
    #expect(report.dataBasis == (try database.dataBasis(in: period)))
    #expect(report.dataBasis.count > 4)
  }

  /// The aspect query as it was: `json_each` and SQLite's GROUP BY, rows decoded by GRDB, sums in its order.
  static func aspectsByGroupBy(_ db: Database, period: Period) throws -> [AspectCell] {
    var definitions: [Int64: Questionnaire] = [:]
    for record in try SnapshotRecord.fetchAll(db) {
      if let id = record.id { definitions[id] = try TevredenDatabase.snapshot(record).definition.questionnaire }
    }
    let items = Set(definitions.values.flatMap { $0.scoreRule.aspects.map(\.rawValue) })
    let rows = try GRDB.Row.fetchAll(
      db,
      sql: """
        SELECT r.audience, r.respondentGroup, r.snapshotId, i.name AS item, a.value, r.grade, COUNT(*) AS n
        FROM responseRow r JOIN json_each(r.answers) a JOIN item i ON i.id = CAST(a.key AS INTEGER)
        WHERE r.status = 'completed' AND r.grade IS NOT NULL AND r.collectedOn BETWEEN ? AND ?
          AND \(TevredenDatabase.visibleResponses("r")) AND i.name IN (\(items.map { _ in "?" }.joined(separator: ", ")))
        GROUP BY r.audience, r.respondentGroup, r.snapshotId, i.name, a.value, r.grade
        """,
      arguments: StatementArguments([period.first.description, period.last.description] + items.sorted()))
    var cells: [String: AspectCell] = [:]
    for row in rows {
      let snapshotId: Int64 = row["snapshotId"]
      let item: String = row["item"]
      guard let audience = Audience(rawValue: row["audience"]), let questionnaire = definitions[snapshotId],
        questionnaire.scoreRule.aspects.contains(Question.ID(rawValue: item)),
        let question = questionnaire.question(Question.ID(rawValue: item)), case .scale(let scale) = question.kind,
        let text: String = row["value"], let value = Double(text)
      else { continue }
      let group: String = row["respondentGroup"]
      let key = "\(audience.rawValue)/\(group)/\(item)"
      let score = AspectCell.rescale(value, minimum: Double(scale.minimum), maximum: Double(scale.maximum))
      var cell =
        cells[key]
        ?? AspectCell(
          audience: audience, group: group, item: item, label: question.aliases.first ?? item, distribution: .empty)
      cell.distribution.add(score, count: row["n"])
      if let grade: Double = row["grade"] { cell.withGrade.add(score, grade, count: row["n"]) }
      cells[key] = cell
    }
    let order = Dictionary(
      definitions.sorted { $0.key > $1.key }.flatMap {
        $0.value.scoreRule.aspects.enumerated().map { ($1.rawValue, $0) }
      },
      uniquingKeysWith: { first, _ in first })
    return cells.values.sorted {
      ($0.audience.rawValue, $0.group, order[$0.item] ?? 0, $0.item) < (
        $1.audience.rawValue, $1.group, order[$1.item] ?? 0, $1.item
      )
    }
  }
}

/// A report's trend starts on 1 January of the year of the first scored response, which the scan finds as it counts
/// (``TevredenDatabase/reportCounts(for:trend:)``): the same day, trend request and figures as
/// ``TevredenDatabase/firstScoredDay()`` (`MIN(collectedOn)`) and the trend built from it before.
@Suite struct FirstScoredDayTests {
  typealias Row = ScanAspectTests.Row

  /// What a report counted before: the first scored day by its own query, then its period and the trend from it.
  static func countedAsBefore(_ database: TevredenDatabase, _ request: ScoreRequest) throws
    -> (first: LocalDate?, trend: ScoreRequest?, counts: (data: [ScoreData], dataBasis: [DataBasisCount])?)
  {
    guard let first = try database.firstScoredDay() else { return (nil, nil, nil) }
    let start = LocalDate(year: min(first.year, request.period.first.year), month: 1, day: 1)
    let trend = ScoreRequest(period: Period(from: start, to: request.period.last), dimensions: [.period])
    return (first, trend, try database.reportCounts(for: [request, trend]))
  }

  static func expectTheSame(_ database: TevredenDatabase, _ name: String) throws {
    let period = try #require(Period(name))
    let request = ScoreRequest(
      period: period, dimensions: period.burapIndex == nil ? [] : [.gemeente, .group], includesAspects: true)
    let asked = ScoreRequest(
      period: Period(from: LocalDate(year: period.first.year, month: 1, day: 1), to: period.last),
      dimensions: [.period])
    let counted = try database.reportCounts(for: request, trend: asked)
    let before = try countedAsBefore(database, request)
    #expect(counted.firstScoredDay == before.first)
    guard let trend = before.trend, let counts = before.counts else { return }
    #expect(counted.trendRequest == trend)
    #expect(counted.data == counts.data[0])
    #expect(counted.trend == counts.data[1])
    #expect(counted.dataBasis == counts.dataBasis)
  }

  /// Rows of earlier years that do not count (partial, refused, completed without a grade, in a running import),
  /// some with a grade, before the first scored one.
  static func earlierRows(seed: UInt64, firstScoredYear: Int) -> [Row] {
    var random = SeededGenerator(seed: seed)
    return (0..<300).map { number in
      let year = Int.random(in: (firstScoredYear - 3)...firstScoredYear, using: &random)
      let day = LocalDate(year: year, month: Int.random(in: 1...12, using: &random), day: 3).description
      let kind = Int.random(in: 0..<4, using: &random)
      let scoredButHidden = kind == 3 || year >= firstScoredYear
      return Row(
        key: "random-\(100_000 + Int(seed) * 1000 + number)", edition: 0, audience: "inwoners", group: "melding",
        gemeente: "Hoorn",
        day: day, status: kind == 0 ? "partial" : kind == 1 ? "refused" : "completed",
        grade: kind == 2 ? nil : 6, answers: #"{"bereikbaarheid":"4"}"#, mode: "online",
        // The scored ones in the first year and before stay invisible (a running import).
        batch: scoredButHidden && kind >= 2 ? 2 : nil)
    }
  }

  @Test(arguments: [1, 2, 3, 4, 5])
  func theScanFindsTheFirstScoredDayOfSeededDatabases(seed: Int) throws {
    var rows = ScanAspectTests.randomRows(seed: UInt64(seed), count: 800)
    rows += Self.earlierRows(seed: UInt64(seed), firstScoredYear: 2024 + seed % 2)
    var random = SeededGenerator(seed: UInt64(seed) &* 31)
    rows.shuffle(using: &random)
    let database = try ScanAspectTests.database(rows)
    // Deleted responses, the first scored ones among them for some seeds.
    try database.writer.write { db in
      try db.execute(sql: "DELETE FROM response WHERE id % 7 = ?", arguments: [seed % 7])
      if seed.isMultiple(of: 2) {
        try db.execute(
          sql: """
            DELETE FROM response WHERE id IN (SELECT id FROM response WHERE status = 'completed'
              AND grade IS NOT NULL ORDER BY collectedOn LIMIT 5)
            """)
      }
    }
    for name in ["2025-T1", "2025", "2026-T2", "2026", "2023"] { try Self.expectTheSame(database, name) }
  }

  @Test func withoutScoredResponsesThereIsNoFirstDay() throws {
    let empty = try ScanAspectTests.database([])
    try empty.writer.write { db in try db.execute(sql: "DELETE FROM response") }
    try Self.expectTheSame(empty, "2026")
    let period = try #require(Period("2026"))
    let counted = try empty.reportCounts(
      for: ScoreRequest(period: period, includesAspects: true),
      trend: ScoreRequest(period: period, dimensions: [.period]))
    #expect(counted.firstScoredDay == nil)
    // Only responses that do not count.
    let unscored = try ScanAspectTests.database(
      Self.earlierRows(seed: 9, firstScoredYear: 2027).filter { $0.batch == nil })
    try unscored.writer.write { db in
      try db.execute(sql: "DELETE FROM response WHERE status = 'completed' AND grade IS NOT NULL")
    }
    try Self.expectTheSame(unscored, "2026")
    #expect(try unscored.firstScoredDay() == nil)
  }

  /// Scored responses only after the report's period (the scan reads none of them: the query is asked), and days
  /// the store never writes, which the query's `MIN` sees as text.
  @Test func daysAfterThePeriodAndOddDaysAgreeWithTheQuery() throws {
    var rows = ScanAspectTests.randomRows(seed: 11, count: 300).map { row -> Row in
      var row = row
      row.day = row.day.replacingOccurrences(of: "2025-", with: "2027-")
      return row
    }
    let database = try ScanAspectTests.database(rows)
    try Self.expectTheSame(database, "2026-T1")
    try Self.expectTheSame(database, "2026")
    for odd in ["2026-13-01", "2025-00-15", "2024-1-5", "+202-01-05", "2024-02-30", ""] {
      rows = ScanAspectTests.randomRows(seed: 12, count: 200)
      rows.append(
        Row(
          key: "random-999999", edition: 0, audience: "inwoners", group: "melding", gemeente: nil, day: odd,
          status: "completed", grade: 7, answers: "{}", mode: "online", batch: nil))
      let withOdd = try ScanAspectTests.database(rows)
      try Self.expectTheSame(withOdd, "2026")
      try Self.expectTheSame(withOdd, "2025-T2")
    }
  }
}

/// The scan's lookups of texts and keys: the same number for the same bytes or fields, whatever their length.
@Suite struct ScanLookupTests {
  @Test func textsGetTheSameNumberExactlyWhenTheirBytesAreEqual() {
    var random = SeededGenerator(seed: 3)
    // Lengths around the 8 and 16 bytes compared as numbers, texts sharing their first or last bytes.
    let stems = ["", "a", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopq"]
    var texts: [[UInt8]] = []
    for stem in stems {
      for suffix in ["", "x", "xy", String(repeating: "z", count: 20)] {
        texts.append(Array((stem + suffix).utf8))
        texts.append(Array((suffix + stem).utf8))
        texts.append(Array((stem + "\u{0}" + suffix).utf8))
      }
    }
    texts.append(Array(String(repeating: "m", count: 40).utf8))
    texts.append(Array((String(repeating: "m", count: 19) + "n" + String(repeating: "m", count: 20)).utf8))
    var interner = TextInterner()
    var numbers: [[UInt8]: Int] = [:]
    for _ in 0..<3 {
      for text in texts.shuffled(using: &random) {
        let number = text.withUnsafeBufferPointer { interner.id($0) }
        #expect(number != 0)
        #expect(numbers[text, default: number] == number)
        numbers[text] = number
      }
    }
    #expect(Set(numbers.values).count == Set(texts).count)
  }

  @Test func keysAreNumberedInTheOrderFirstSeen() {
    var random = SeededGenerator(seed: 5)
    var index = ScanKeyIndex()
    var known: [ScanKey: Int] = [:]
    for _ in 0..<20_000 {
      let key = ScanKey(
        a: Int.random(in: 0..<3, using: &random), b: Int.random(in: 0..<20, using: &random),
        c: Int.random(in: 0..<40, using: &random), e: Bool.random(using: &random) ? nil : 2026,
        f: Int.random(in: 0..<4, using: &random) == 0 ? nil : Int.random(in: 0...3, using: &random),
        g: Int.random(in: 0..<3, using: &random))
      let number = index.number(of: key)
      #expect(number == known[key, default: known.count])
      known[key] = number
    }
    #expect(index.keys.count == known.count)
    #expect(index.keys.enumerated().allSatisfy { known[$1] == $0 })
  }
}
