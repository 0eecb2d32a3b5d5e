import Foundation
import Testing

@testable import TevredenTables

@Suite struct DelimitedReaderTests {
  // MARK: Hand-made fixtures

  @Test func readsDutchExcelCSVInWindows1252() throws {
    var reader = try DelimitedReader(contentsOf: try ownFixture("semicolon-windows1252.csv"))
    let records = try reader.readAll()
    #expect(reader.source.encoding == .windows1252)
    #expect(reader.source.hasBOM == false)
    #expect(reader.source.delimiter == .semicolon)
    #expect(reader.source.format == .csv)
    #expect(
      fields(records) == [
        ["respondent", "datum", "tevredenheid", "toelichting", "bedrag"],
        ["1", "3-2-2025", "8", "Prima geholpen; snel teruggebeld", "€ 12,50"],
        ["2", "4-2-2025", "6", "Ik had een ander idee over het café", "7,5"],
        ["3", "5-2-2025", "9", "Zeer tevreden, ook over de financiële hulp", ""],
      ])
    #expect(records.map(\.line) == [1, 2, 3, 4])
  }

  @Test func readsExcelUnicodeTextInUTF16() throws {
    var reader = try DelimitedReader(contentsOf: try ownFixture("utf16le-bom-tab.txt"))
    let records = try reader.readAll()
    #expect(reader.source.encoding == .utf16LittleEndian)
    #expect(reader.source.hasBOM)
    #expect(reader.source.delimiter == .tab)
    #expect(reader.source.format == .tsv)
    #expect(
      fields(records) == [
        ["respondent", "vraag", "antwoord"],
        ["1", "q1", "Zeer tevreden 😀"],
        ["2", "q2", "Met tab\tin een veld"],
        ["3", "q3", "coördinatie"],
      ])
    #expect(records.map(\.line) == [1, 2, 3, 4])
  }

  @Test func readsQuotedDelimitersQuotesAndLineBreaks() throws {
    var reader = try DelimitedReader(contentsOf: try ownFixture("quoted-fields.csv"))
    let records = try reader.readAll()
    #expect(
      fields(records) == [
        ["id", "answer", "note"],
        ["1", "Hij zei \"nee\", toen ja", "plain"],
        ["2", "line one\nline two\r\nline three", ""],
        ["3", "", "x\"y"],
        ["4", "quotedtail", "end"],
      ])
    // Record 2 spans lines 3–5, so record 3 starts on line 6.
    #expect(records.map(\.line) == [1, 2, 3, 6, 7])
  }

  @Test func readsClassicMacLineEndings() throws {
    var reader = try DelimitedReader(contentsOf: try ownFixture("cr-only-line-endings.csv"))
    let records = try reader.readAll()
    #expect(fields(records) == [["a", "b", "c"], ["1", "2", "3"], ["4", "five\rlines", "6"], ["7", "8", "9"]])
    #expect(records.map(\.line) == [1, 2, 3, 5])
  }

  @Test func reportsTheLineWhereAnUnclosedQuoteStarts() throws {
    let url = try ownFixture("unterminated-quote.csv")
    var reader = try DelimitedReader(contentsOf: url, name: "unterminated-quote.csv")
    #expect(try reader.next()?.fields == ["id", "text"])
    #expect(try reader.next()?.fields == ["1", "ok"])
    #expect(throws: TableReadError.unterminatedQuote(file: "unterminated-quote.csv", line: 3)) {
      try reader.next()
    }
    #expect(
      TableReadError.unterminatedQuote(file: "unterminated-quote.csv", line: 3).errorDescription
        == "unterminated-quote.csv:3: error: a quoted field that starts on line 3 is never closed")
  }

  @Test func refusesBinaryFiles() throws {
    let url = try ownFixture("binary-file.csv")
    #expect(throws: TableReadError.binaryFile(file: "data.csv")) {
      try DelimitedReader(contentsOf: url, name: "data.csv")
    }
    #expect(
      TableReadError.binaryFile(file: "data.csv").errorDescription
        == "data.csv: error: looks like a binary file, not a CSV export")
    // Many control characters without NUL bytes are binary too.
    let controls: [UInt8] = Array("a,b\n".utf8) + [0x01, 0x02, 0x03, 0x1B, 0x10] + Array("c,d\n".utf8)
    #expect(throws: TableReadError.binaryFile(file: "<text>")) { try DelimitedReader(bytes: controls) }
  }

  @Test func reportsAMissingFile() {
    #expect(throws: TableReadError.unreadableFile(file: "nope.csv", reason: "no such file")) {
      try DelimitedReader(contentsOf: URL(fileURLWithPath: "/nonexistent/nope.csv"), name: "nope.csv")
    }
  }

  // MARK: Record structure

  @Test func skipsBlankLinesButKeepsEmptyFields() throws {
    let text = "a,b\n\n1,\n\r\n,2\r\n\r\n\"\"\n\n"
    let (_, records) = try readText(Array(text.utf8))
    #expect(fields(records) == [["a", "b"], ["1", ""], ["", "2"], [""]])
    #expect(records.map(\.line) == [1, 3, 5, 7])
  }

  @Test func readsALastRecordWithoutLineBreak() throws {
    let (_, records) = try readText(Array("a,b\n1,2".utf8))
    #expect(fields(records) == [["a", "b"], ["1", "2"]])
    let (_, trailingDelimiter) = try readText(Array("a,b\n1,".utf8))
    #expect(fields(trailingDelimiter) == [["a", "b"], ["1", ""]])
    let (_, trailingQuote) = try readText(Array("a,b\n1,\"x\"".utf8))
    #expect(fields(trailingQuote) == [["a", "b"], ["1", "x"]])
  }

  @Test func readsEmptyInput() throws {
    let (source, records) = try readText([])
    #expect(records.isEmpty)
    #expect(source.encoding == .utf8)
    #expect(source.delimiter == .comma)
    let (bomSource, bomOnly) = try readText([0xEF, 0xBB, 0xBF])
    #expect(bomOnly.isEmpty)
    #expect(bomSource.hasBOM)
  }

  @Test func keepsRecordsOfDifferentLengths() throws {
    let (_, records) = try readText(Array("a,b,c\n1\n1,2,3,4\n".utf8))
    #expect(fields(records) == [["a", "b", "c"], ["1"], ["1", "2", "3", "4"]])
  }

  @Test func usesTheGivenDelimiterAndEncoding() throws {
    let bytes: [UInt8] = Array("a;b,c\n1;2,3\n".utf8)
    let (commaSource, comma) = try readText(bytes, delimiter: .comma)
    #expect(commaSource.delimiter == .comma)
    #expect(fields(comma) == [["a;b", "c"], ["1;2", "3"]])
    // "caf\u{E9}" in Latin-1 bytes read as Windows-1252 on request, even though it could be sniffed.
    let (latinSource, latin) = try readText([0x63, 0x61, 0x66, 0xE9], encoding: .windows1252)
    #expect(latinSource.encoding == .windows1252)
    #expect(fields(latin) == [["café"]])
  }

  // MARK: Encodings

  @Test func readsUTF8WithBOMAndUTF16Variants() throws {
    let text = "naam,oordeel\nEés,goed 😀\n"
    let (utf8Source, utf8) = try readText([0xEF, 0xBB, 0xBF] + Array(text.utf8))
    #expect(utf8Source.encoding == .utf8)
    #expect(utf8Source.hasBOM)
    #expect(fields(utf8) == [["naam", "oordeel"], ["Eés", "goed 😀"]])

    let bigEndian: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    let (bigSource, big) = try readText(bigEndian)
    #expect(bigSource.encoding == .utf16BigEndian)
    #expect(bigSource.hasBOM)
    #expect(fields(big) == fields(utf8))

    let littleWithoutBOM = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let (littleSource, little) = try readText(littleWithoutBOM)
    #expect(littleSource.encoding == .utf16LittleEndian)
    #expect(littleSource.hasBOM == false)
    #expect(fields(little) == fields(utf8))
  }

  /// ASCII for the whole sample, then a Windows-1252 byte: the file is Windows-1252, and the earlier
  /// records (ASCII) read the same.
  @Test func fallsBackToWindows1252AfterAnASCIISample() throws {
    let ascii = Array(String(repeating: "abc,def\n", count: 9000).utf8)  // 72 000 bytes > 64 KiB
    var reader = try DelimitedReader(bytes: ascii + [0x63, 0x61, 0x66, 0xE9, 0x2C, 0x80, 0x0A], chunkSize: 4096)
    #expect(reader.source.encoding == .utf8)
    let records = try reader.readAll()
    #expect(records.count == 9001)
    #expect(records.last?.fields == ["café", "€"])
    #expect(records.last?.line == 9001)
    #expect(reader.source.encoding == .windows1252)
  }

  /// A byte order mark or an explicit choice settles the encoding: a stray byte is then an error.
  @Test func refusesNonUTF8BytesWhenUTF8IsCertain() throws {
    var marked = try DelimitedReader(bytes: [0xEF, 0xBB, 0xBF] + Array("a\ncaf".utf8) + [0xE9], name: "bom.csv")
    #expect(throws: TableReadError.invalidUTF8(file: "bom.csv", line: 2)) { try marked.readAll() }
    var chosen = try DelimitedReader(bytes: Array("a\ncaf".utf8) + [0xE9], name: "x.csv", encoding: .utf8)
    #expect(throws: TableReadError.invalidUTF8(file: "x.csv", line: 2)) { try chosen.readAll() }
  }

  @Test func refusesANonUTF8ByteAfterUTF8Text() throws {
    let utf8 = Array(String(repeating: "abc,déf\n", count: 9000).utf8)
    var reader = try DelimitedReader(bytes: utf8 + [0x63, 0x61, 0x66, 0xE9, 0x0A], name: "mixed.csv")
    #expect(throws: TableReadError.invalidUTF8(file: "mixed.csv", line: 9001)) { try reader.readAll() }
  }

  // MARK: Chunk boundaries

  static let boundaryText =
    "naam;oordeel;toelichting\r\n"
    + "Eés;€ 5;\"zei \"\"prima\"\"; echt\"\r\n"
    + "Zoë 😀;\"twee\r\nregels\";\"\"\r\n"
    + "\r\n"
    + "x;\"\";\"a\"\"\"\r\n"
    + "laatste;ë;\"€\""

  static let boundaryRecords: [[String]] = [
    ["naam", "oordeel", "toelichting"],
    ["Eés", "€ 5", "zei \"prima\"; echt"],
    ["Zoë 😀", "twee\r\nregels", ""],
    ["x", "", "a\""],
    ["laatste", "ë", "€"],
  ]

  /// Every chunk size from 1 to 40 bytes puts a boundary inside multi-byte characters, CRLF pairs and `""`.
  @Test(arguments: 1...40)
  func readsUTF8IdenticallyInAnyChunkSize(_ chunkSize: Int) throws {
    let (source, records) = try readText(Array(Self.boundaryText.utf8), chunkSize: chunkSize)
    #expect(source.delimiter == .semicolon)
    #expect(fields(records) == Self.boundaryRecords)
    #expect(records.map(\.line) == [1, 2, 3, 6, 7])
  }

  @Test(arguments: [1, 2, 3, 5, 7, 11, 64])
  func readsUTF16IdenticallyInAnyChunkSize(_ chunkSize: Int) throws {
    let bytes: [UInt8] = [0xFF, 0xFE] + Self.boundaryText.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let (source, records) = try readText(bytes, chunkSize: chunkSize)
    #expect(source.encoding == .utf16LittleEndian)
    #expect(fields(records) == Self.boundaryRecords)
    #expect(records.map(\.line) == [1, 2, 3, 6, 7])
  }

  @Test(arguments: [1, 2, 7])
  func readsWindows1252AndCROnlyInTinyChunks(_ chunkSize: Int) throws {
    let url = try ownFixture("semicolon-windows1252.csv")
    let whole = try DelimitedReader(contentsOf: url).readAllRecords()
    let chunked = try DelimitedReader(contentsOf: url, chunkSize: chunkSize).readAllRecords()
    #expect(chunked == whole)
    let mac = try ownFixture("cr-only-line-endings.csv")
    #expect(
      try DelimitedReader(contentsOf: mac, chunkSize: chunkSize).readAllRecords()
        == DelimitedReader(contentsOf: mac).readAllRecords())
  }

  @Test(arguments: [1, 2, 3, 4])
  func reportsUnclosedQuotesAcrossChunks(_ chunkSize: Int) throws {
    var reader = try DelimitedReader(bytes: Array("a\n\"b\r\n\r\nc".utf8), name: "x.csv", chunkSize: chunkSize)
    #expect(try reader.next()?.fields == ["a"])
    #expect(throws: TableReadError.unterminatedQuote(file: "x.csv", line: 2)) { try reader.next() }
  }
}

extension DelimitedReader {
  /// All records, from a reader that is not otherwise needed.
  fileprivate func readAllRecords() throws -> [TableRecord] {
    var reader = self
    return try reader.readAll()
  }
}

/// Fields that repeat one of a column's recent texts are handed out as that text: whatever repeats, in whatever
/// order, the records must hold exactly the fields of the file.
@Suite struct RecentFieldsTests {
  @Test func repeatedLongFieldsReadAsWritten() throws {
    // Twelve labels (more than the kept eight), some of one length differing only at the end, a column of unique
    // times, one that repeats for a while and then stops repeating, quoted and CRLF-ended rows, and non-ASCII.
    let labels = (0..<12).map { "Niet tevreden en niet ontevreden \($0 % 6)" + String(repeating: "x", count: $0 / 6) }
    var generator = SystemRandomNumberGenerator()
    var expected: [[String]] = []
    var text = ""
    for row in 0..<3000 {
      let label = labels[Int.random(in: 0..<labels.count, using: &generator)]
      let time = "\(row % 28 + 1)-1-2026 \(row % 24):\(row % 60 + 10):00.\(row)"
      let late = row < 1500 ? "Duurde lang, bel me \"\"terug\"\" alstublieft" : "Opmerking nummer \(row) van vele"
      let other = row % 7 == 0 ? "Zeer tevreden, dank u wel é" : "Zeer tevreden, dank u wel e"
      let fields = [time, label, late.replacingOccurrences(of: "\"\"", with: "\""), other, label + ", met komma"]
      expected.append(fields)
      text += "\(time),\(label),\"\(late)\",\"\(other)\",\"\(label), met komma\"" + (row % 2 == 0 ? "\r\n" : "\n")
    }
    var reader = try DelimitedReader(bytes: Array(text.utf8), chunkSize: 4096)
    let records = try reader.readAll()
    #expect(records.count == expected.count)
    let wrong = zip(records, expected).enumerated().first { $0.element.0.fields != $0.element.1 }
    #expect(wrong == nil, "row \(wrong?.offset ?? -1): \(wrong?.element.0.fields ?? []) for \(wrong?.element.1 ?? [])")
  }
}
