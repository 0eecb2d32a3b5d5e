import Foundation
import Testing

@testable import TevredenTables

/// An import reads a platform's rows as bytes (`withNextRecord`), everything else as strings (`next()`): both must
/// give the same records, fields and lines, whatever the encoding, quoting and chunk boundaries, and the same
/// errors.
@Suite struct RecordViewTests {
  /// Every record through the byte view, its fields made into text.
  static func viaBytes(_ reader: inout DelimitedReader) throws -> [TableRecord] {
    var records: [TableRecord] = []
    while try reader.withNextRecord({ view in
      records.append(TableRecord(line: view.line, fields: (0..<view.count).map(view.text)))
    }) {}
    return records
  }

  static let texts: [(name: String, bytes: [UInt8], encoding: TextEncoding?)] = [
    ("quoted", Array("a,b,c\n\"x, \"\"y\"\"\",\"line\nbreak\",z\r\n\"\",,\"end\"\"\"\n".utf8), nil),
    ("labels", Array("id;label\n1;Niet tevreden en niet ontevreden\n2;Niet tevreden en niet ontevreden\n".utf8), nil),
    ("utf8", Array("naam,tekst\n1,café crème\n2,\"ünïcödé, “quoted”\"\n3,plain\n".utf8), nil),
    ("cr-only", Array("a,b\r1,2\r\r3,4".utf8), nil),
    ("after-quote", Array("\"ab\"c,d\n\"e\"\n".utf8), nil),
    ("empty-fields", Array(",,\n,\n\n,x,\n".utf8), nil),
    // More fields and bytes than the reader's record memory holds at first: it grows, and the next record reuses it.
    (
      "wide-and-long",
      Array(
        ((0..<150).map { "c\($0)" }.joined(separator: ",") + "\n" + String(repeating: "lang ", count: 900)
          + ",x\nkort,y\n")
          .utf8), nil
    ),
    // Plain ASCII at first, then a byte that is not UTF-8: read as Windows-1252 from there on.
    (
      "windows-1252-later",
      Array(("a;b\n" + String(repeating: "x;y\n", count: 17_000)).utf8) + [0x63, 0x61, 0x66, 0xE9, 0x3B, 0x31, 0x0A],
      nil
    ),
    ("windows-1252", [0x63, 0x61, 0x66, 0xE9, 0x3B, 0x80, 0x0A, 0x31, 0x3B, 0x32, 0x0A], .windows1252),
    (
      "utf16", [0xFF, 0xFE] + "a\tb\n\"é\tx\"\t2\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
      nil
    ),
  ]

  @Test(arguments: texts.indices, [1, 2, 3, 7, 64, 65_536])
  func theByteViewGivesTheSameRecordsAsTheStrings(text: Int, chunkSize: Int) throws {
    let (_, bytes, encoding) = Self.texts[text]
    var byStrings = try DelimitedReader(bytes: bytes, encoding: encoding, chunkSize: chunkSize)
    var byBytes = try DelimitedReader(bytes: bytes, encoding: encoding, chunkSize: chunkSize)
    let expected = try byStrings.readAll()
    let records = try Self.viaBytes(&byBytes)
    #expect(records == expected)
    #expect(!records.isEmpty)
    #expect(byBytes.source == byStrings.source)
  }

  @Test func aHeaderReadAsStringsThenRowsAsBytes() throws {
    let bytes = Array("Tijdstempel,Cijfer\n1-1-2026 0:00:00,\"7,5\"\n2-1-2026 1:00:00,8\n".utf8)
    var reader = try DelimitedReader(bytes: bytes, chunkSize: 5)
    #expect(try reader.next()?.fields == ["Tijdstempel", "Cijfer"])
    let rows = try Self.viaBytes(&reader)
    #expect(rows.map(\.fields) == [["1-1-2026 0:00:00", "7,5"], ["2-1-2026 1:00:00", "8"]])
    #expect(rows.map(\.line) == [2, 3])
  }

  @Test func theByteViewThrowsWhatTheStringsThrow() throws {
    let unclosed = Array("a,b\n1,\"never closed\n2,3\n".utf8)
    var byStrings = try DelimitedReader(bytes: unclosed)
    var byBytes = try DelimitedReader(bytes: unclosed)
    #expect(throws: TableReadError.unterminatedQuote(file: "<text>", line: 2)) { try byStrings.readAll() }
    #expect(throws: TableReadError.unterminatedQuote(file: "<text>", line: 2)) { try Self.viaBytes(&byBytes) }
    // Real UTF-8 in the part the encoding is told from, then a byte that is not: an error either way.
    let mixed = Array(("a,é\n" + String(repeating: "x,y\n", count: 17_000)).utf8) + [0x31, 0x2C, 0xE9, 0x0A]
    var mixedStrings = try DelimitedReader(bytes: mixed)
    var mixedBytes = try DelimitedReader(bytes: mixed)
    #expect(throws: TableReadError.invalidUTF8(file: "<text>", line: 17_002)) { try mixedStrings.readAll() }
    #expect(throws: TableReadError.invalidUTF8(file: "<text>", line: 17_002)) { try Self.viaBytes(&mixedBytes) }
  }

  @Test func theLimitsHoldForTheByteView() throws {
    let wide = Array((Array(repeating: "x", count: TableLimits.columns + 1).joined(separator: ",") + "\n").utf8)
    var reader = try DelimitedReader(bytes: wide)
    #expect(throws: TableReadError.self) { try Self.viaBytes(&reader) }
    let long = Array(("a\n" + String(repeating: "y", count: TableLimits.cellBytes + 1) + "\n").utf8)
    var longReader = try DelimitedReader(bytes: long, chunkSize: 4096)
    var first = ""
    #expect(try longReader.withNextRecord { first = $0.text(0) })
    #expect(first == "a")
    #expect(throws: TableReadError.self) { try longReader.withNextRecord { _ in } }
  }

  @Test func cellsHeldAsStringsGiveTheSameViewAsTheReader() throws {
    let fields = ["a", "", "café", String(repeating: "z", count: 40), "\"q\",x"]
    let line = fields.map { field in field.contains(",") ? "\"\"\"q\"\",x\"" : field }.joined(separator: ",")
    var reader = try DelimitedReader(bytes: Array((line + "\n").utf8), encoding: .utf8, delimiter: .comma)
    var read: (Int, [UInt8], [String])?
    #expect(
      try reader.withNextRecord { view in read = (view.count, Array(view.joined), (0..<view.count).map(view.text)) })
    #expect(try !reader.withNextRecord { _ in Issue.record("one record only") })
    let held = RecordView.with(line: 4, fields: fields) { view in
      (
        view.line, view.count, Array(view.joined), (0..<view.count).map(view.text),
        (0..<view.count).map { Array(view.cell($0)) }
      )
    }
    #expect(held.0 == 4)
    #expect(held.1 == fields.count)
    // The cells joined by U+001F, as the row hash reads them.
    #expect(held.2 == Array(fields.joined(separator: "\u{1F}").utf8))
    #expect(held.3 == fields)
    #expect(held.4 == fields.map { Array($0.utf8) })
    #expect(read?.0 == held.1)
    #expect(read?.1 == held.2)
    #expect(read?.2 == fields)
    #expect(RecordView.with(line: 1, fields: []) { $0.count } == 0)
  }
}
