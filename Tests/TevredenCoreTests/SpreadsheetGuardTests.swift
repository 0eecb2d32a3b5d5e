import Foundation
import Testing
import TevredenCore
import TevredenTestSupport

/// The formula-injection guard (`SpreadsheetGuard`) and the CSV writer of Core that uses it, the exchange format (the
/// score and indicator feeds are tested with the report module).
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
      let stored = ExchangeCSV.storedText(ofItemCell: cell, for: textItem)
      #expect(
        AnswerReader.readStored(stored, for: textItem, missingCodes: questionnaire.missingCodes)
          == .success(.value(.text(text))))
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
