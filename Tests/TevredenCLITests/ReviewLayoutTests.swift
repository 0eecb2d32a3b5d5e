import Foundation
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

  /// Arabic questions and answers on a narrow terminal: each cell isolated right to left (questions) or by its first
  /// letter (answers) after it is cut or wrapped, and the widths counting what the terminal shows.
  @Test(arguments: [40, 60, 80])
  func rightToLeftRowsAreIsolatedPerCellAndFitTheWidth(columns: Int) {
    let arabic = (1...9).map { number in
      ReviewLine(
        number: number, questionID: Question.ID(rawValue: "q\(number)"),
        text: "ما مدى رضاك عن سهولة الوصول إلى Veilig Thuis؟ سؤال \(number)",
        answer: number == 5
          ? "جواب طويل بكلمات المستجيب يمتد على أكثر من سطر واحد في هذا العمود الضيق" : "4 راضٍ")
    }
    let layout = ReviewLayout(
      arabic, size: TerminalSize(rows: 40, columns: columns), notAnswered: "(geen antwoord)", rightToLeft: true)
    let rows = layout.pages.flatMap { $0 }
    #expect(rows.count == 9)
    for row in rows {
      for line in [row.text] + row.continuation {
        let shown = BidiText.width(line) + (line == row.text ? 2 + row.numberText.count + 2 : 2)
        #expect(shown <= columns - 1, "too wide (\(shown)): \(line.debugDescription)")
        let opened = line.filter { $0 == BidiText.rightToLeftIsolate || $0 == BidiText.firstStrongIsolate }.count
        #expect(opened == line.filter { $0 == BidiText.popDirectionalIsolate }.count, "\(line.debugDescription)")
      }
      #expect(row.text.hasPrefix(String(BidiText.rightToLeftIsolate)), "\(row.text.debugDescription)")
    }
    // The question cell is cut inside its isolate; the long answer wraps, every line isolated on its own.
    #expect(rows[0].text.contains("…\u{2069}"))
    #expect(rows[4].continuation.count >= 1)
    for line in rows[4].continuation {
      #expect(line.trimmingCharacters(in: .whitespaces).hasPrefix(String(BidiText.firstStrongIsolate)))
    }
    // An Arabic letter with its vowel mark is one column.
    #expect(BidiText.width("\u{2068}4 راضٍ\u{2069}") == 5)
  }

  @Test func isolatingKeepsLineBreaksAndLeftToRightTextAlone() {
    #expect(BidiText.isolated("سطر\n\nسطر", rightToLeft: true) == "\u{2067}سطر\u{2069}\n\n\u{2067}سطر\u{2069}")
    #expect(BidiText.isolated("Hello", rightToLeft: false) == "Hello")
    #expect(BidiText.firstStrongIsolated("7", rightToLeft: true) == "\u{2068}7\u{2069}")
    #expect(BidiText.width("\u{2067}abc\u{2069}") == 3)
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
