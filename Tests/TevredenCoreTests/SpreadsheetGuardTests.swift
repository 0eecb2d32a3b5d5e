import Foundation
import Testing
import TevredenCore
import TevredenTestSupport

/// The formula-injection guard (`SpreadsheetGuard`) and the CSV writers of Core that use it: score, indicators and
/// the exchange format.
@Suite struct SpreadsheetGuardTests {
  static let hyperlink = "=HYPERLINK(\"http://x\",\"klik\")"

  /// Texts that start a formula, texts that start with the `'` the guard adds, and texts that must stay as they are.
  static let texts = [
    hyperlink, "-", "- niet goed", "+31 is het nummer", "@naam", "\tinspringen", "\rregel", "'", "''", "'=",
    "'=x", "''=x", "'-5", "'s avonds belde niemand", "'t was goed", "gewoon", "", "7", "a=b", " =spatie",
  ]

  @Test(arguments: texts)
  func guardedTextReadsBackExactlyAndNeverStartsAFormula(_ text: String) {
    let cell = SpreadsheetGuard.guarded(text)
    #expect(SpreadsheetGuard.unguarded(cell) == text)
    #expect(!"=+-@\t\r".unicodeScalars.contains { cell.unicodeScalars.first == $0 })
  }

  @Test func onlyFormulaStartsGetTheQuote() {
    #expect(SpreadsheetGuard.guarded(Self.hyperlink) == "'" + Self.hyperlink)
    #expect(SpreadsheetGuard.guarded("-0.3") == "'-0.3")
    #expect(SpreadsheetGuard.guarded("'=x") == "''=x")
    #expect(SpreadsheetGuard.guarded("'s avonds") == "'s avonds")
    #expect(SpreadsheetGuard.guarded("''") == "''")
    #expect(SpreadsheetGuard.guarded("gewoon") == "gewoon")
  }

  /// A file written before the guard holds its texts as they were: they read the same, except a text that starts
  /// with `'`s followed by a formula character, which loses one `'` (the documented edge case).
  @Test func cellsOfAnOlderExportReadAsTheyWere() {
    for old in [Self.hyperlink, "-", "+31", "@naam", "'s avonds", "'", "''", "'t", "gewoon"] {
      #expect(SpreadsheetGuard.unguarded(old) == old)
    }
    #expect(SpreadsheetGuard.unguarded("'=x") == "=x")
  }

  @Test func theWriterGuardsTextColumnsAndLeavesNumericColumnsAlone() throws {
    let text = CSVWriter.render([["label", "change"], [Self.hyperlink, "-0.3000"]], numericColumns: [1])
    let records = try CSVReader.parse(text).map(\.fields)
    #expect(records[1] == ["'" + Self.hyperlink, "-0.3000"])
  }

  // MARK: - score and indicators

  static func card() throws -> ScoreCard {
    let groups = [GroupInfo(audience: .inwoners, group: "melding", label: hyperlink)]
    return try ScoreCard.build(
      request: ScoreRequest(period: try #require(Period("2026-T2")), dimensions: [.gemeente, .group]),
      indicators: ScoringTests.indicators(minimum: 1),
      data: ScoreData(
        groups: groups,
        cells: [ScoringTests.cell(.inwoners, "melding", Array(repeating: 6, count: 30), gemeente: "Alkmaar")],
        previousCells: [ScoringTests.cell(.inwoners, "melding", Array(repeating: 8, count: 30), gemeente: "Alkmaar")]
      ))
  }

  @Test func scoreCSVGuardsTheLabelsAndKeepsANegativeChangeANumber() throws {
    let records = try CSVReader.parse(ScoreRenderer.csv(try Self.card())).map(\.fields)
    let header = records[0]
    let label = try #require(header.firstIndex(of: "group_label"))
    let change = try #require(header.firstIndex(of: "change"))
    let rowType = try #require(header.firstIndex(of: "row_type"))
    let group = try #require(records.first { $0[rowType] == "group" })
    #expect(group[label] == "'" + Self.hyperlink)
    #expect(group[change] == "-2.0000")
    for record in records.dropFirst() {
      for (column, cell) in record.enumerated() where !ScoreRendererColumns.numeric.contains(header[column]) {
        #expect(SpreadsheetGuard.unguarded(cell) == cell || cell.hasPrefix("'"), "\(header[column]): \(cell)")
        #expect(!SpreadsheetGuard.needsGuard(cell) || cell.hasPrefix("'"), "\(header[column]): \(cell)")
      }
    }
  }

  @Test func indicatorsCSVGuardsARegistrationSubgroup() throws {
    let set = ScoringTests.indicators()
    let indicator = try #require(set.indicators.first)
    let period = try #require(Period("2026-T2"))
    let row = IndicatorRow(
      indicator: indicator, subgroup: Self.hyperlink, period: period, value: 6.97, count: 40, norm: 7.0,
      assessment: Assessment(status: .voldoet), interval: nil, source: .registratie)
    let records = try CSVReader.parse(IndicatorRenderer.csv([row])).map(\.fields)
    let header = records[0]
    func field(_ name: String) throws -> String { records[1][try #require(header.firstIndex(of: name))] }
    #expect(try field("subgroup") == "'" + Self.hyperlink)
    #expect(try field("value") == "6.97")
    #expect(try field("value_reported") == "7.0")
    #expect(try field("period") == "2026-T2")
    #expect(try field("status_reported") == "voldoet")
  }

  // MARK: - the exchange format

  @Test func exchangeLineGuardsOpenAnswersAndReadsThemBackExactly() throws {
    let loaded = try minimalQuestionnaire()
    let questionnaire = loaded.questionnaire
    let textItem = try #require(questionnaire.questions.first { if case .text = $0.kind { true } else { false } })
    for text in Self.texts where !text.isEmpty && text != " =spatie" {
      let response = Response(
        id: "r1", questionnaire: questionnaire, gemeente: nil, mode: .online, interviewer: nil,
        startedAt: Date(timeIntervalSince1970: 1_770_000_000), completedAt: nil, status: .partial,
        answers: [textItem.id: .value(.text(text))])
      let line = ExchangeCSV.line(for: response, items: [textItem.id])
      let cell = try #require(try CSVReader.parse(line).first?.fields.last)
      #expect(cell == SpreadsheetGuard.guarded(text))
      #expect(textItem.parseAnswer(cell, in: questionnaire) == .success(.value(.text(text))))
    }
  }

  @Test func exchangeMetadataFromOutsideIsGuardedWithASpace() throws {
    let questionnaire = try minimalQuestionnaire().questionnaire
    let response = Response(
      id: "-17", questionnaire: questionnaire, gemeente: nil, mode: .telefonisch, interviewer: "-st1",
      startedAt: Date(timeIntervalSince1970: 1_770_000_000), completedAt: nil, status: .partial, answers: [:])
    let fields = try #require(try CSVReader.parse(ExchangeCSV.line(for: response, items: [])).first?.fields)
    #expect(fields[0] == " -17")
    #expect(fields[7] == " -st1")
  }
}

/// The numeric columns of the score CSV, as the README lists them.
enum ScoreRendererColumns {
  static let numeric: Set<String> = Set(
    [
      "n", "mean", "sd", "ci_lower", "ci_upper", "median", "share_below_6", "norm", "previous_n", "previous_mean",
      "change", "change_p_value", "response_rate", "effective_n", "value_reported",
    ] + (1...10).map { "grade_\($0)" })
}
