import Foundation
import Testing

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

@Suite struct ScoringTests {
  static func indicators(minimum: Int = 3) -> IndicatorSet {
    IndicatorSet(
      minimumRespondents: minimum, disclosureThreshold: 10,
      indicators: [
        .init(
          id: "pi5", number: "5", label: "Klanttevredenheid van direct betrokkenen", audience: .inwoners, unit: .cijfer,
          direction: .atLeast, norms: [2025: 7.0, 2026: 7.5]),
        .init(
          id: "pi6", number: "6", label: "Klanttevredenheid ketenpartners", audience: .ketenpartners, unit: .cijfer,
          direction: .atLeast, norms: [2026: 7.0]),
      ])
  }

  static func tally(_ audience: Audience, _ group: String, _ grades: [Double]) -> GroupTally {
    var tally = GroupTally(audience: audience, group: group, groupLabel: group.capitalized)
    for grade in grades { tally.add(grade) }
    return tally
  }

  @Test func statisticsMatchHandComputedValues() throws {
    let statistic = Self.tally(.inwoners, "x", [6, 7, 8, 9]).statistic
    #expect(statistic.count == 4)
    #expect(statistic.mean == 7.5)
    // Sample variance of 6,7,8,9 is 5/3.
    let sd = try #require(statistic.standardDeviation)
    #expect(abs(sd - (5.0 / 3).squareRoot()) < 1e-12)
    #expect(Statistic.empty.mean == nil)
    #expect(Self.tally(.inwoners, "x", [7]).statistic.standardDeviation == nil)
  }

  @Test func theOverallRowIsTheMeanOverAllRespondentsNotOfGroupMeans() throws {
    let card = ScoreCard(
      period: try #require(Period("2026")), indicators: Self.indicators(minimum: 1),
      tallies: [Self.tally(.inwoners, "melding", [6, 6, 6]), Self.tally(.inwoners, "advies", [9])])
    let pi5 = try #require(card.indicators.first)
    #expect(pi5.overall.statistic.count == 4)
    #expect(pi5.overall.statistic.mean == 6.75)  // not (6 + 9) / 2
    #expect(pi5.groups.map(\.label) == ["Advies", "Melding"])
  }

  @Test func usesTheNormOfThePeriodsYear() throws {
    let tallies = [Self.tally(.inwoners, "melding", [7, 7, 7])]
    let in2025 = ScoreCard(period: try #require(Period("2025")), indicators: Self.indicators(), tallies: tallies)
    let in2026 = ScoreCard(period: try #require(Period("2026")), indicators: Self.indicators(), tallies: tallies)
    #expect(in2025.indicators[0].norm == 7.0)
    #expect(in2025.indicators[0].overall.status == .voldoet)
    #expect(in2026.indicators[0].norm == 7.5)
    #expect(in2026.indicators[0].overall.status == .voldoetNiet)
    // PI 6 has no 2025 norm.
    let partners = [Self.tally(.ketenpartners, "politie", [8, 8, 8])]
    #expect(
      ScoreCard(period: try #require(Period("2025")), indicators: Self.indicators(), tallies: partners)
        .indicators[1].overall.status == .geenNorm)
  }

  @Test func tooFewRespondentsIsNotAVerdict() throws {
    let card = ScoreCard(
      period: try #require(Period("2026")), indicators: Self.indicators(minimum: 3),
      tallies: [Self.tally(.inwoners, "melding", [2, 2]), Self.tally(.inwoners, "advies", [])])
    #expect(card.indicators[0].groups.map(\.status) == [.teWeinigRespondenten, .teWeinigRespondenten])
  }

  @Test(arguments: [(6.95, NormStatus.voldoet), (6.94, .voldoetNiet), (7.0, .voldoet)])
  func comparesAtTheReportedPrecision(mean: Double, status: NormStatus) {
    let statistic = Statistic(count: 100, sum: mean * 100, sumOfSquares: mean * mean * 100)
    #expect(NormStatus.of(statistic, norm: 7.0, direction: .atLeast, minimumRespondents: 30) == status)
  }
}

@Suite struct ScoreRenderingTests {
  let card: ScoreCard

  init() throws {
    card = ScoreCard(
      period: try #require(Period("2026-T2")), indicators: ScoringTests.indicators(minimum: 2),
      tallies: [
        ScoringTests.tally(.inwoners, "melding", [6, 7, 8, 9]), ScoringTests.tally(.inwoners, "monitoring", [5]),
        ScoringTests.tally(.ketenpartners, "politie", [7, 8]),
      ])
  }

  @Test func tableShowsIndicatorRowsWithGroupsBeneathInDutch() {
    let lines = ScoreRenderer.table(card).components(separatedBy: "\n")
    #expect(lines[0] == "Klanttevredenheid Veilig Thuis — periode 2026-T2 (1 januari t/m 31 augustus 2026)")
    let pi5 = lines.firstIndex { $0.hasPrefix("PI 5  Klanttevredenheid van direct betrokkenen") }
    let melding = lines.firstIndex { $0.hasPrefix("    Melding") }
    let pi6 = lines.firstIndex { $0.hasPrefix("PI 6  Klanttevredenheid ketenpartners") }
    #expect(pi5 != nil && melding != nil && pi6 != nil)
    if let pi5, let melding, let pi6 { #expect(pi5 < melding && melding < pi6) }
    let meldingLine = lines.first { $0.hasPrefix("    Melding") } ?? ""
    #expect(meldingLine.contains(" 4 ") && meldingLine.contains("7,5") && meldingLine.contains("≥ 7,5"))
    #expect(meldingLine.hasSuffix("voldoet"))
    #expect(lines.contains { $0.hasPrefix("    Monitoring") && $0.hasSuffix("te weinig respondenten") })
  }

  @Test func csvHasOneRowPerFigureWithPointDecimals() throws {
    let records = try CSVReader.parse(ScoreRenderer.csv(card)).map(\.fields)
    #expect(
      records[0] == [
        "period", "first_day", "last_day", "indicator", "audience", "group", "n", "mean", "sd", "norm", "status",
      ])
    #expect(records.count == 1 + 3 + 2)
    #expect(
      records.contains([
        "2026-T2", "2026-01-01", "2026-08-31", "pi5", "inwoners", "Melding", "4", "7.50", "1.29", "7.5", "voldoet",
      ]))
  }

  @Test func jsonIsValidAndSorted() throws {
    let data = Data(ScoreRenderer.json(card).utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["period"] as? String == "2026-T2")
    let indicators = try #require(object["indicators"] as? [[String: Any]])
    #expect(indicators.count == 2)
    #expect((indicators[0]["overall"] as? [String: Any])?["n"] as? Int == 5)
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
