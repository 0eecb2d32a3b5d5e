import Foundation
import Testing

@testable import TevredenCore

@Suite struct CSVTests {
  @Test func readsQuotedFieldsWithDelimitersQuotesAndNewlines() throws {
    let text = "a,b,c\r\n1,\"x, y\",\"he said \"\"hoi\"\"\"\r\n2,\"line one\nline two\",3\r\n"
    let records = try CSVReader.parse(text)
    #expect(
      records.map(\.fields) == [["a", "b", "c"], ["1", "x, y", "he said \"hoi\""], ["2", "line one\nline two", "3"]])
    #expect(records.map(\.line) == [1, 2, 3])
  }

  @Test func countsLinesInsideQuotedFieldsForLaterRecords() throws {
    let records = try CSVReader.parse("h\n\"a\nb\nc\"\nnext\n")
    #expect(records.map(\.line) == [1, 2, 5])
  }

  @Test func stripsTheByteOrderMarkAndAcceptsCRLineEnds() throws {
    let records = try CSVReader.parse("\u{FEFF}a,b\r1,2\r")
    #expect(records.map(\.fields) == [["a", "b"], ["1", "2"]])
  }

  @Test func keepsEmptyFieldsAndSkipsBlankLines() throws {
    let records = try CSVReader.parse("a,b,c\n,,\n\n1,,3")
    #expect(records.map(\.fields) == [["a", "b", "c"], ["", "", ""], ["1", "", "3"]])
  }

  @Test func reportsAnUnterminatedQuoteWithItsLine() {
    #expect(throws: CSVError.unterminatedQuote(line: 2)) { try CSVReader.parse("a,b\n1,\"open\n2,3\n") }
  }

  @Test func writerQuotesOnlyWhereNeededAndRoundTrips() throws {
    let rows = [
      ["id", "text"], ["1", "plain"], ["2", "komma, en \"quote\""], ["3", "twee\nregels"], ["4", " spatie"],
    ]
    let text = CSVWriter.render(rows)
    #expect(text.hasPrefix("id,text\n1,plain\n2,\"komma, en \"\"quote\"\"\"\n"))
    #expect(try CSVReader.parse(text).map(\.fields) == rows)
  }

  /// A Windows line break is one Character in Swift ("\r\n"), equal to neither "\r" nor "\n": the writer must
  /// still quote it, or the field is split into two records.
  @Test(arguments: [
    "eerste regel\r\ntweede regel", "eerste regel\rtweede regel", "eerste regel\ntweede regel",
    "\r\n", "regel\r\n", "\"aanhalingstekens\" binnen", " spatie vooraan", "spatie achteraan ", "komma, erin",
  ])
  func writerQuotesEveryFieldThatNeedsItAndReadsItBack(_ field: String) throws {
    let text = CSVWriter.renderUnguarded([["id", "opmerking", "na"], ["1", field, "x"]])
    #expect(text.hasPrefix("id,opmerking,na\n1,\""), "\(text.debugDescription)")
    #expect(try CSVReader.parse(text).map(\.fields) == [["id", "opmerking", "na"], ["1", field, "x"]])
  }
}
