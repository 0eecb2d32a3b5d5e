import Testing

@testable import TevredenTables

@Suite struct DelimiterTests {
  private func sniff(_ text: String, isComplete: Bool = true) -> Delimiter {
    Delimiter.sniff(Array(text.utf8), isComplete: isComplete)
  }

  @Test func choosesTheDelimiterWithConsistentFieldCounts() {
    #expect(sniff("a,b,c\n1,2,3\n4,5,6\n") == .comma)
    #expect(sniff("a;b;c\n1;2;3\n") == .semicolon)
    #expect(sniff("a\tb\tc\n1\t2\t3\n") == .tab)
  }

  @Test func prefersSemicolonsOverDecimalCommas() {
    // Dutch Excel: `;` between fields, `,` in numbers; the comma count varies per row.
    #expect(sniff("cijfer;toelichting\n7,5;goed\n8;prima, echt\n6,25;matig\n") == .semicolon)
  }

  @Test func ignoresDelimitersInsideQuotes() {
    #expect(sniff("naam;opmerking\n\"a, b, c\";\"d, e\"\n\"f\";\"g,h\"\n") == .semicolon)
    #expect(sniff("q,text\n1,\"x;y;z\"\n2,\"multi\nline;with;semicolons\"\n3,\"he said \"\"a;b\"\"\"\n") == .comma)
  }

  @Test func countsQuotedLineBreaksAsPartOfTheField() {
    let counts = Delimiter.fieldCounts(Array("a,b\n\"x\ny\",z\n\n1,2".utf8), delimiter: 0x2C, limit: 10)
    #expect(counts == [2, 2, 2])
  }

  @Test func ignoresACutOffLastRecordOfASample() {
    // Complete records split on tabs; the cut-off last one would add a comma-only record.
    let sample = "a\tb\n1\t2\n3\t4\nx,y,z,w,v"
    #expect(sniff(sample, isComplete: false) == .tab)
  }

  @Test func fallsBackToCommaForOneColumn() {
    #expect(sniff("naam\nAnna\nBert\n") == .comma)
    #expect(sniff("") == .comma)
  }

  @Test func choosesTheLargerFieldCountOnATie() {
    // Both split every line consistently; semicolons give more fields.
    #expect(sniff("a,b;c;d\n1,2;3;4\n") == .semicolon)
  }
}
