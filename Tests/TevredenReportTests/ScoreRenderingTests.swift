import Foundation
import Testing
import TevredenCore
import TevredenTestSupport

@testable import TevredenReport

@Suite struct ScoreRenderingTests {
  let card: ScoreCard

  init() throws {
    card = try ScoreCardFixture.card(
      [
        ScoreCardFixture.cell(.inwoners, "melding", [6, 7, 8, 9]), ScoreCardFixture.cell(.inwoners, "advies", [5]),
        ScoreCardFixture.cell(.ketenpartners, "politie", [7, 8]),
      ], period: "2026-T2", indicators: ScoreCardFixture.indicators(minimum: 2, indicative: 3))
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
    #expect(meldingLine.contains(" 4 ") && meldingLine.contains("7,5") && meldingLine.contains("5,4 – 9,6"))
    #expect(meldingLine.contains("≥ 7,5  voldoet "))
    #expect(lines.contains { $0.hasPrefix("    Advies") && $0.contains("te weinig respondenten") })
    #expect(lines.contains { $0.hasPrefix("    Politie") && $0.contains("indicatief: voldoet") })
    #expect(lines.contains(Wording.countingRule))
    #expect(!ScoreRenderer.table(card).contains("\u{1B}["))
    #expect(ScoreRenderer.table(card, colours: true).contains("\u{1B}[32mvoldoet"))
  }

  @Test func csvHasOneRowPerFigureWithStableColumns() throws {
    let records = try CSVReader.parse(ScoreRenderer.csv(card)).map(\.fields)
    #expect(records[0] == ScoreRenderer.csvColumns)
    #expect(records.count == 1 + 3 + 2)
    let column = Dictionary(uniqueKeysWithValues: ScoreRenderer.csvColumns.enumerated().map { ($1, $0) })
    let melding = try #require(records.first { $0[column["group"] ?? 0] == "melding" })
    #expect(melding[column["n"] ?? 0] == "4")
    #expect(melding[column["mean"] ?? 0] == "7.5000")
    #expect(melding[column["ci_lower"] ?? 0] == "5.4457")
    #expect(melding[column["grade_7"] ?? 0] == "1")
    #expect(melding[column["status"] ?? 0] == "voldoet")
    // Too few respondents: n but no mean.
    let advies = try #require(records.first { $0[column["group"] ?? 0] == "advies" })
    #expect(advies[column["n"] ?? 0] == "1" && advies[column["mean"] ?? 0].isEmpty)
  }

  @Test func jsonIsValidAndCarriesTheBasis() throws {
    let data = Data(ScoreRenderer.json(card).utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["period"] as? String == "2026-T2")
    #expect(object["countingRule"] as? String == Wording.countingRule)
    let indicators = try #require(object["indicators"] as? [[String: Any]])
    #expect(indicators.count == 2)
    #expect((indicators[0]["overall"] as? [String: Any])?["n"] as? Int == 5)
    let groups = try #require(indicators[0]["groups"] as? [[String: Any]])
    let melding = try #require(groups.first { $0["group"] as? String == "melding" })
    #expect((melding["interval"] as? [String: Any])?["lower"] as? Double == 5.4457)
    #expect(melding["gradeCounts"] as? [Int] == [0, 0, 0, 0, 0, 1, 1, 1, 1, 0])
  }
}

/// The municipal feeds print what the engine allows: no distribution for a small municipality.
@Suite struct MunicipalFeedTests {
  @Test func smallMunicipalCellsShowNoDistributionInTheCSV() throws {
    let csv = ScoreRenderer.render(
      try ScoreCardFixture.card(
        [
          ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(40), gemeente: "Alkmaar"),
          ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(15), gemeente: "Bergen"),
          ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(22), gemeente: "Hoorn"),
        ], indicators: ScoreCardFixture.indicators(minimum: 1), by: [.gemeente]), as: .csv)
    let lines = csv.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let header = try #require(lines.first)
    func field(_ row: [String], _ name: String) throws -> String { row[try #require(header.firstIndex(of: name))] }
    let bergen = try #require(lines.first { $0.contains("Bergen") })
    let alkmaar = try #require(lines.first { $0.contains("Alkmaar") })
    #expect(try field(bergen, "n") == "15" && !field(bergen, "mean").isEmpty)
    #expect(try field(bergen, "grade_7").isEmpty && field(bergen, "median").isEmpty)
    #expect(try field(alkmaar, "grade_7") == "40")
  }

  @Test func aResponseWithoutMunicipalityOrRoleIsWordedInEveryOutput() throws {
    let card = try ScoreCardFixture.card(
      [
        ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(12), gemeente: "Alkmaar"),
        ScoreCardFixture.cell(.inwoners, "melding", ScoreCardFixture.grades(11)),
      ], indicators: ScoreCardFixture.indicators(minimum: 1), by: [.gemeente])
    let breakdown = try #require(card.indicators[0].breakdown)
    // The engine leaves the missing municipality unnamed; the wording names it.
    #expect(breakdown.rows.map(\.names) == [["Alkmaar"], ["Bergen"], ["Hoorn"], ["Texel"], [nil]])
    #expect(Wording.breakdownLabel(breakdown.rows[4], dimensions: [.gemeente]) == "(geen gemeente)")
    #expect(ScoreRenderer.table(card).contains("  (geen gemeente)"))
    let records = try CSVReader.parse(ScoreRenderer.csv(card)).map(\.fields)
    let label = try #require(records[0].firstIndex(of: "label"))
    #expect(records.contains { $0[label] == "(geen gemeente)" })
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(ScoreRenderer.json(card).utf8)) as? [String: Any])
    let indicators = try #require(json["indicators"] as? [[String: Any]])
    let rows = try #require((indicators[0]["breakdown"] as? [String: Any])?["rows"] as? [[String: Any]])
    #expect(rows.last?["label"] as? String == "(geen gemeente)")
    #expect((rows.last?["total"] as? [String: Any])?["label"] as? String == "(geen gemeente)")
    let role = ScoreCard.BreakdownRow(
      values: ["Alkmaar", ""], names: ["Alkmaar", nil], total: breakdown.rows[0].total, groups: [])
    #expect(Wording.breakdownLabel(role, dimensions: [.gemeente, .role]) == "Alkmaar · (rol onbekend)")
  }
}

/// The printed figure and the status come from the same rounding, in the terminal table and in the report.
@Suite struct PrintedFigureTests {
  @Test func everyMeanOfWholeGradesPrintsAsTheValueTheStatusWasJudgedOn() {
    let thresholds = ReportingThresholds(minimumRespondents: 1, indicativeBelow: 1, disclosureThreshold: 1)
    var checked = 0
    for count in 1...20 {
      for sum in count...(10 * count) {
        let mean = Double(sum) / Double(count)
        let printed = Wording.decimal(mean)
        let shown = Double(printed.replacingOccurrences(of: ",", with: ".")) ?? .nan
        #expect(shown == (mean * 10).rounded() / 10, "\(sum)/\(count) printed \(printed)")
        // With the printed figure as the norm the status is always voldoet: they never contradict each other.
        let summary = GradeSummary(grades: Array(repeating: mean, count: 1))
        #expect(Assessment.of(summary, norm: shown, direction: .atLeast, thresholds: thresholds).status == .voldoet)
        checked += 1
      }
    }
    #expect(checked == 1910)  // every sum from count to 10 × count, for 1 to 20 respondents
    // 137/20 = 6.85 is stored as 6.8499…; `%.1f` printed it as "6,8" while the status judged 6,9.
    #expect(Wording.decimal(6.85) == "6,9")
    #expect(Wording.decimal(-0.04) == "0,0")
    #expect(Wording.signed(-0.25) == "−0,3")
  }

  @Test func anIntervalBoundThatRoundsOntoTheNormGetsTwoDecimals() {
    let below = ConfidenceInterval(lower: 5.946, upper: 6.971, level: 0.95)
    #expect(Wording.tableInterval(below, norm: 7) == "5,95 – 6,97")
    #expect(Wording.tableInterval(below, norm: nil) == "5,9 – 7,0")
    let clear = ConfidenceInterval(lower: 7.21, upper: 8.33, level: 0.95)
    #expect(Wording.tableInterval(clear, norm: 7) == "7,2 – 8,3")
    // A bound exactly on the norm is shown as it is.
    #expect(Wording.tableInterval(ConfidenceInterval(lower: 7, upper: 7.4, level: 0.95), norm: 7) == "7,0 – 7,4")
  }
}
