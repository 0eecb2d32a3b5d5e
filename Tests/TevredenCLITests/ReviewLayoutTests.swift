import Testing

@testable import TevredenCLI
@testable import TevredenCore

/// The review screen fitted to a terminal's size, without a terminal.
@Suite struct ReviewLayoutTests {
  /// Sixteen lines; the fourth has a long answer.
  let lines = (1...16).map { number in
    ReviewLine(
      number: number, questionID: Question.ID(rawValue: "q\(number)"),
      text: "Vraag \(number): hoe tevreden bent u over dit onderdeel van het contact met Veilig Thuis?",
      answer: number == 4
        ? "Een lang antwoord in de woorden van de respondent, dat over meer regels doorloopt dan een" : "4 Tevreden")
  }

  func width(of row: ReviewLayout.Row) -> Int {
    ([2 + row.numberText.count + 2 + row.text.count] + row.continuation.map { 2 + $0.count }).max() ?? 0
  }

  @Test func everyRowFitsTheWidthAndALongAnswerWrapsInItsColumn() {
    let layout = ReviewLayout(lines, size: TerminalSize(rows: 24, columns: 80), notAnswered: "(geen antwoord)")
    let rows = layout.pages.flatMap { $0 }
    #expect(rows.map(\.number) == Array(1...16))
    for row in rows { #expect(width(of: row) <= 79, "\(row)") }
    let long = rows[3]
    #expect(long.continuation.count >= 1)
    let column = long.text.count - (long.text.components(separatedBy: "  ").last?.count ?? 0)
    for line in long.continuation {
      #expect(line.prefix(column).allSatisfy { $0 == " " }, "continuation outside the answer column: \(line)")
    }
    let shown = ([long.text] + long.continuation).joined(separator: " ").split(separator: " ").joined(separator: " ")
    #expect(
      shown.hasSuffix("Een lang antwoord in de woorden van de respondent, dat over meer regels doorloopt dan een"))
    #expect(rows[0].text.contains("…"), "a long question is cut: \(rows[0].text)")
  }

  @Test(arguments: [24, 14, 8, 3])
  func pagesFitTheHeightAndHoldEveryRowOnceAndWhole(height: Int) {
    let layout = ReviewLayout(lines, size: TerminalSize(rows: height, columns: 80), notAnswered: "-")
    let paged = layout.pages.count > 1
    let around = paged ? ReviewLayout.linesAroundRowsWithPages : ReviewLayout.linesAroundRows
    for page in layout.pages {
      #expect(page.map(\.height).reduce(0, +) <= max(height - around, 1) || page.count == 1, "\(page)")
    }
    #expect(layout.pages.flatMap { $0 }.map(\.number) == Array(1...16))
    #expect(layout.page(holding: 16) == layout.pages.count - 1)
    #expect(layout.page(holding: 1) == 0)
  }

  @Test func wrapsBetweenWordsAndSplitsAWordLongerThanTheLine() {
    #expect(ReviewLayout.wrap("een twee drie", width: 8) == ["een twee", "drie"])
    #expect(ReviewLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    #expect(ReviewLayout.wrap("", width: 4) == [""])
    #expect(ReviewLayout.cut("Tevreden", to: 5) == "Tevr…")
    #expect(ReviewLayout.cut("Ja", to: 4) == "Ja  ")
  }
}
