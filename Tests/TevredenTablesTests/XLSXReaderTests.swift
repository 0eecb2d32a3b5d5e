import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenTables

@Suite struct XLSXReaderTests {
  static let styles = """
    <?xml version="1.0" encoding="UTF-8"?>
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
    <numFmts count="2"><numFmt numFmtId="164" formatCode="d/m/yyyy\\ h:mm"/><numFmt numFmtId="165" formatCode="0.0"/>\
    </numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
    <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/><xf numFmtId="20"/>\
    </cellXfs></styleSheet>
    """

  static let sharedStrings = [
    "<si><t>respondent</t></si>",
    "<si><t>oordeel</t></si>",
    // Rich text: runs joined; the phonetic guide is not part of the text.
    "<si><r><rPr><b/></rPr><t>Heel </t></r><r><t xml:space=\"preserve\">tevreden &amp; blij</t></r><rPh sb=\"0\" eb=\"1\"><t>X</t></rPh></si>",
    "<si><t>ingevuld</t></si>",
    "<si><t>regel 1_x000D_\nregel 2</t></si>",
  ]

  /// Shared and inline strings, a date, a time, a custom number format, booleans, an error, a formula and gaps.
  static let sheet = WorkbookParts.worksheet(
    """
    <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="s"><v>3</v></c></row>\
    <row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="D2" s="1"><v>45308.755388854166</v></c></row>\
    <row r="3"><c r="A3"><v>2</v></c><c r="B3" t="inlineStr"><is><t>Inline &lt;tekst&gt;</t></is></c>\
    <c r="C3" t="b"><v>1</v></c><c r="D3" s="2"><v>37384</v></c></row>\
    <row r="5"><c r="A5" s="3"><v>3.25</v></c><c r="B5" t="s"><v>4</v></c><c r="C5" t="e"><v>#N/A</v></c>\
    <c r="D5" t="str"><f>A5*2</f><v>6.5</v></c></row>\
    <row r="6"><c r="A6" s="4"><v>0.375</v></c><c r="C6" t="b"><v>0</v></c></row>\
    <row r="7"><c r="B7" s="1"/></row>
    """,
    dimension: "A1:E7")

  private func withWorkbook<T>(
    _ parts: WorkbookParts, name: String = "workbook.xlsx", _ body: (URL) throws -> T
  ) throws -> T {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(try parts.write(to: folder, name: name))
  }

  private var parts: WorkbookParts {
    WorkbookParts(sheets: [("Antwoorden", Self.sheet, nil)], sharedStrings: Self.sharedStrings, styles: Self.styles)
  }

  @Test func readsCellsAsText() throws {
    let records = try withWorkbook(parts) { url in
      var reader = try XLSXReader(contentsOf: url)
      #expect(reader.source.format == .xlsx)
      #expect(reader.source.sheet == "Antwoorden")
      return try reader.readAll()
    }
    #expect(
      fields(records) == [
        ["respondent", "oordeel", "", "ingevuld"],
        ["1", "Heel tevreden & blij", "", "2024-01-17T18:07:46"],
        ["2", "Inline <tekst>", "TRUE", "2002-05-08T00:00:00"],
        ["3.25", "regel 1\r\nregel 2", "#N/A", "6.5"],
        ["09:00:00", "", "FALSE", ""],
      ])
    // Row 4 does not exist and row 7 has only an empty styled cell: both are skipped. The rows are as wide as the
    // widest row with text (D), not as the sheet's <dimension> (E) claims.
    #expect(records.map(\.line) == [1, 2, 3, 5, 6])
  }

  @Test func usesThe1904DateSystem() throws {
    var parts = self.parts
    parts.date1904 = true
    let records = try withWorkbook(parts) { url in
      var reader = try XLSXReader(contentsOf: url)
      return try reader.readAll()
    }
    #expect(records[1].fields[3] == "2028-01-18T18:07:46")  // 1462 days later than in the 1900 system
  }

  @Test func fillsGapsWithoutCellReferencesOrDimension() throws {
    let sheet = WorkbookParts.worksheet(
      """
      <row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row>\
      <row><c r="C2"><v>3</v></c><c><v>4</v></c></row>
      """)
    let records = try withWorkbook(WorkbookParts(sheets: [("S", sheet, nil)])) { url in
      var reader = try XLSXReader(contentsOf: url)
      return try reader.readAll()
    }
    #expect(fields(records) == [["a", "b"], ["", "", "3", "4"]])
    #expect(records.map(\.line) == [1, 2])
  }

  @Test func readsPrefixedElementNames() throws {
    let sheet = """
      <?xml version="1.0" encoding="UTF-8"?>
      <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>\
      <x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>b</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>
      """
    let records = try withWorkbook(WorkbookParts(sheets: [("S", sheet, nil)])) { url in
      var reader = try XLSXReader(contentsOf: url)
      return try reader.readAll()
    }
    #expect(fields(records) == [["", "b"]])
  }

  @Test func choosesTheFirstVisibleSheetOrOneByName() throws {
    let hidden = WorkbookParts.worksheet(#"<row r="1"><c t="inlineStr"><is><t>hidden</t></is></c></row>"#)
    let first = WorkbookParts.worksheet(#"<row r="1"><c t="inlineStr"><is><t>first</t></is></c></row>"#)
    let second = WorkbookParts.worksheet(#"<row r="1"><c t="inlineStr"><is><t>second</t></is></c></row>"#)
    let parts = WorkbookParts(sheets: [("Verborgen", hidden, "hidden"), ("Een", first, nil), ("Twee", second, nil)])
    try withWorkbook(parts) { url in
      var byDefault = try XLSXReader(contentsOf: url)
      #expect(byDefault.source.sheet == "Een")
      #expect(byDefault.source.sheetNames == ["Verborgen", "Een", "Twee"])
      #expect(try byDefault.next()?.fields == ["first"])

      var byName = try XLSXReader(contentsOf: url, sheet: "Twee")
      #expect(try byName.next()?.fields == ["second"])
      var ignoringCase = try XLSXReader(contentsOf: url, sheet: "twee")
      #expect(try ignoringCase.next()?.fields == ["second"])

      #expect(
        throws: TableReadError.sheetNotFound(file: "w.xlsx", sheet: "Drie", available: ["Verborgen", "Een", "Twee"])
      ) {
        try XLSXReader(contentsOf: url, sheet: "Drie", name: "w.xlsx")
      }
    }
    #expect(
      TableReadError.sheetNotFound(file: "w.xlsx", sheet: "Drie", available: ["Een", "Twee"]).errorDescription
        == "w.xlsx: error: the workbook has no sheet named 'Drie'; its sheets are 'Een', 'Twee'")
  }

  /// More rows than fit in the hand-over between the parsing thread and the reader, and more bytes than the
  /// hand-over between the unpacking thread and the parser holds.
  @Test func streamsLargeSheets() throws {
    let rowCount = 5000
    var rows = ""
    for row in 1...rowCount {
      rows +=
        "<row r=\"\(row)\"><c r=\"A\(row)\"><v>\(row)</v></c><c r=\"C\(row)\" t=\"inlineStr\"><is><t>r\(row)</t></is></c></row>"
    }
    let parts = WorkbookParts(sheets: [("Groot", WorkbookParts.worksheet(rows), nil)])
    let records = try withWorkbook(parts) { url in
      var reader = try XLSXReader(contentsOf: url)
      return try reader.readAll()
    }
    #expect(records.count == rowCount)
    #expect(records.last == TableRecord(line: rowCount, fields: ["\(rowCount)", "", "r\(rowCount)"]))
    #expect(records.map(\.line) == Array(1...rowCount))
  }

  /// Readers dropped after their first row: each parse (and its unpacking) stops instead of waiting for ever on a
  /// full hand-over, and nothing of the sheet is ever written to disk.
  @Test func stopsParsingWhenTheReaderIsDropped() throws {
    var rows = ""
    for row in 1...20_000 { rows += "<row r=\"\(row)\"><c r=\"A\(row)\"><v>\(row)</v></c></row>" }
    let parts = WorkbookParts(sheets: [("Groot", WorkbookParts.worksheet(rows), nil)])
    let temporary = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
    try withWorkbook(parts) { url in
      for _ in 1...20 {
        var reader = try XLSXReader(contentsOf: url)
        #expect(try reader.next()?.fields == ["1"])
      }
    }
    let added = try Set(FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()))
      .subtracting(temporary).filter { $0.hasPrefix("tevreden-sheet") }
    #expect(added.isEmpty)
  }

  // MARK: Errors

  @Test func reportsBrokenSheetXMLAfterTheRowsBeforeIt() throws {
    let broken = """
      <?xml version="1.0" encoding="UTF-8"?>
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row r="1"><c r="A1"><v>1</v></c></row>
      <row r="2"><c r="A2"><v>2</v></c></row>
      <row r="3"><c r="A3"><v>3</v></x></row>
      </sheetData></worksheet>
      """
    try withWorkbook(WorkbookParts(sheets: [("S", broken, nil)])) { url in
      var reader = try XLSXReader(contentsOf: url, name: "kapot.xlsx")
      #expect(try reader.next()?.fields == ["1"])
      #expect(try reader.next()?.fields == ["2"])
      let error = #expect(throws: TableReadError.self) { try reader.next() }
      guard case .malformedXML(let file, let part, let line, _) = error else {
        Issue.record("unexpected \(String(describing: error))")
        return
      }
      #expect(file == "kapot.xlsx")
      #expect(part == "xl/worksheets/sheet1.xml")
      #expect(line == 5)
      #expect(
        error?.errorDescription?.hasPrefix("kapot.xlsx: error: xl/worksheets/sheet1.xml:5 is not well-formed XML")
          == true)
    }
  }

  /// A sheet that breaks off, and one that is empty: the scanner names both (libxml2, used before, recovered from them).
  @Test(arguments: [
    (
      #"<worksheet><sheetData><row r="1"><c><v>1</v></c></row><row r="2"><c><v>2"#, 1,
      "the document ends early or has content after its last element"
    ),
    ("", nil, "the document is empty"),
  ])
  func reportsTruncatedAndEmptySheets(_ xml: String, _ line: Int?, _ reason: String) throws {
    try withWorkbook(WorkbookParts(sheets: [("S", xml, nil)])) { url in
      var reader = try XLSXReader(contentsOf: url, name: "w.xlsx")
      if !xml.isEmpty { #expect(try reader.next()?.fields == ["1"]) }
      #expect(
        throws: TableReadError.malformedXML(
          file: "w.xlsx", part: "xl/worksheets/sheet1.xml", line: line, reason: reason)
      ) {
        try reader.next()
      }
    }
  }

  @Test func reportsASharedStringThatDoesNotExist() throws {
    let sheet = WorkbookParts.worksheet(#"<row r="1"><c r="A1" t="s"><v>7</v></c></row>"#)
    try withWorkbook(WorkbookParts(sheets: [("S", sheet, nil)], sharedStrings: ["<si><t>x</t></si>"])) { url in
      var reader = try XLSXReader(contentsOf: url, name: "w.xlsx")
      #expect(throws: TableReadError.self) { try reader.next() }
    }
  }

  @Test func reportsBrokenWorkbookXML() throws {
    var entries = parts.entries
    let index = try #require(entries.firstIndex { $0.path == "xl/workbook.xml" })
    entries[index].text = "<workbook><sheets><sheet name=\"S\" r:id=\"rId1\"></sheets>"
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("w.xlsx")
    try writeZip(entries, to: url)
    let error = #expect(throws: TableReadError.self) { try XLSXReader(contentsOf: url, name: "w.xlsx") }
    guard case .malformedXML("w.xlsx", "xl/workbook.xml", _, _) = error else {
      Issue.record("unexpected \(String(describing: error))")
      return
    }
  }

  @Test func reportsArchivesThatAreNotWorkbooks() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }

    let notAWorkbook = folder.appendingPathComponent("other.zip")
    try writeZip([("readme.txt", "hallo")], to: notAWorkbook)
    #expect(throws: TableReadError.notAWorkbook(file: "other.zip")) {
      try TableFileReader(contentsOf: notAWorkbook, name: "other.zip")
    }

    let truncated = folder.appendingPathComponent("truncated.xlsx")
    let workbook = try parts.write(to: folder)
    let bytes = try Data(contentsOf: workbook)
    try bytes.prefix(bytes.count / 2).write(to: truncated)
    #expect(throws: TableReadError.notAZipArchive(file: "truncated.xlsx")) {
      try TableFileReader(contentsOf: truncated, name: "truncated.xlsx")
    }

    let noSheets = WorkbookParts(sheets: [])
    let empty = try noSheets.write(to: folder, name: "empty.xlsx")
    #expect(throws: TableReadError.noSheets(file: "empty.xlsx")) {
      try XLSXReader(contentsOf: empty, name: "empty.xlsx")
    }

    var missingSheet = parts.entries
    missingSheet.removeAll { $0.path == "xl/worksheets/sheet1.xml" }
    let missing = folder.appendingPathComponent("missing.xlsx")
    try writeZip(missingSheet, to: missing)
    #expect(throws: TableReadError.missingPart(file: "missing.xlsx", part: "xl/worksheets/sheet1.xml")) {
      try XLSXReader(contentsOf: missing, name: "missing.xlsx")
    }
  }
}
