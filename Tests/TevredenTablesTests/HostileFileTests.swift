import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenTables

/// Files that are small on disk but would cost a naive reader a lot, or that are odd but valid: each is refused at
/// its limit (``TableLimits``) with a message naming the file, the place and the limit, or read as it should be.
/// (How long each takes is measured by `Benchmarks/hostile-files.py`, not here.)
@Suite struct HostileFileTests {
  private func withWorkbook<T>(_ parts: WorkbookParts, _ body: (URL) throws -> T) throws -> T {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(try parts.write(to: folder, name: "w.xlsx"))
  }

  private func readWorkbook(_ parts: WorkbookParts) throws -> [TableRecord] {
    try withWorkbook(parts) { url in
      var reader = try XLSXReader(contentsOf: url, name: "w.xlsx")
      return try reader.readAll()
    }
  }

  private func inline(_ reference: String, _ text: String) -> String {
    "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
  }

  private let header =
    #"<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c>"#
    + #"<c r="B1" t="inlineStr"><is><t>b</t></is></c></row>"#

  // MARK: XLSX

  @Test func aDeclaredDimensionDoesNotWidenTheRows() throws {
    var rows = header
    for row in 2...4 { rows += "<row r=\"\(row)\">\(inline("A\(row)", "x"))</row>" }
    let sheet = WorkbookParts.worksheet(rows, dimension: "A1:XFD30000")
    let records = try readWorkbook(WorkbookParts(sheets: [("S", sheet, nil)]))
    #expect(records.map(\.fields.count) == [2, 2, 2, 2])
  }

  @Test func aCellBeyondTheLimitIsRefusedWithItsRowAndColumn() throws {
    let sheet = WorkbookParts.worksheet(
      header
        + "<row r=\"2\">\(inline("A2", "ok"))\(inline("B2", String(repeating: "x", count: TableLimits.cellBytes + 1)))</row>"
    )
    let error = #expect(throws: TableReadError.self) { try readWorkbook(WorkbookParts(sheets: [("S", sheet, nil)])) }
    #expect(
      error == .limitExceeded(file: "w.xlsx", line: nil, place: "sheet 'S', row 2, column B", limit: .cellBytes))
    #expect(
      error?.errorDescription
        == "w.xlsx: error: sheet 'S', row 2, column B: a cell holds more than 1 MiB of text, beyond what tevreden "
        + "reads from an export; nothing after it was read")
  }

  @Test func aCellOfExactlyTheLimitIsRead() throws {
    let text = String(repeating: "é", count: TableLimits.cellBytes / 2)
    let sheet = WorkbookParts.worksheet(header + "<row r=\"2\">\(inline("A2", text))</row>")
    let records = try readWorkbook(WorkbookParts(sheets: [("S", sheet, nil)]))
    #expect(records.last?.fields.first == text)
  }

  @Test func aSharedStringBeyondTheLimitIsRefused() throws {
    let sheet = WorkbookParts.worksheet(#"<row r="1"><c r="A1" t="s"><v>1</v></c></row>"#)
    let parts = WorkbookParts(
      sheets: [("S", sheet, nil)],
      sharedStrings: [
        "<si><t>a</t></si>", "<si><t>\(String(repeating: "y", count: TableLimits.cellBytes))</t><t>y</t></si>",
      ])
    #expect(
      throws: TableReadError.limitExceeded(
        file: "w.xlsx", line: nil, place: "shared string 1 (xl/sharedStrings.xml)", limit: .cellBytes)
    ) { try readWorkbook(parts) }
  }

  /// Foundation's XML parser refused a shared-strings part handed over whole beyond 10 MB as malformed.
  @Test func aLargeValidSharedStringsPartIsRead() throws {
    let count = 130_000
    let strings = (0..<count).map {
      "<si><t>Een open antwoord, nummer \($0), zo lang als een echt antwoord vaak is.</t></si>"
    }
    #expect(strings.map(\.utf8.count).reduce(0, +) > 10 << 20)
    let sheet = WorkbookParts.worksheet(
      #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>129999</v></c></row>"#)
    let records = try readWorkbook(WorkbookParts(sheets: [("S", sheet, nil)], sharedStrings: strings))
    #expect(
      records.first?.fields == [
        "Een open antwoord, nummer 0, zo lang als een echt antwoord vaak is.",
        "Een open antwoord, nummer 129999, zo lang als een echt antwoord vaak is.",
      ])
  }

  @Test func aZipBombIsRefusedBeforeItIsUnpacked() throws {
    // 20 MiB of spaces inside the sheet pack into about 20 KB: a thousand to one.
    let padding = String(repeating: " ", count: 20 << 20)
    let sheet = WorkbookParts.worksheet(header + padding)
    try withWorkbook(WorkbookParts(sheets: [("S", sheet, nil)])) { url in
      #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0 < 1 << 20)
      var reader = try XLSXReader(contentsOf: url, name: "w.xlsx")
      let error = #expect(throws: TableReadError.self) { try reader.readAll() }
      #expect(
        error
          == .limitExceeded(
            file: "w.xlsx", line: nil, place: "sheet 'S' (xl/worksheets/sheet1.xml)", limit: .compressionRatio))
      #expect(
        error?.errorDescription?.contains(
          "sheet 'S' (xl/worksheets/sheet1.xml): is packed more than 200 to 1, as no spreadsheet is (a zip bomb?)")
          == true)
    }
  }

  @Test func moreColumnsThanExcelHasAreRefused() throws {
    // Cells without a reference each take the next column, past XFD.
    let cells = String(repeating: "<c t=\"inlineStr\"><is><t>k</t></is></c>", count: TableLimits.columns + 1)
    let sheet = WorkbookParts.worksheet("<row r=\"1\">\(cells)</row>")
    #expect(
      throws: TableReadError.limitExceeded(file: "w.xlsx", line: nil, place: "sheet 'S', row 1", limit: .columns)
    ) { try readWorkbook(WorkbookParts(sheets: [("S", sheet, nil)])) }
  }

  @Test func aRowBeyondTheLimitIsRefused() throws {
    let big = String(repeating: "z", count: TableLimits.cellBytes)
    let cells = (0..<5).map { inline("\(ExcelValues.columnName($0))2", big) }.joined()
    let sheet = WorkbookParts.worksheet(header + "<row r=\"2\">\(cells)</row>")
    #expect(
      throws: TableReadError.limitExceeded(file: "w.xlsx", line: nil, place: "sheet 'S', row 2", limit: .recordBytes)
    ) { try readWorkbook(WorkbookParts(sheets: [("S", sheet, nil)])) }
  }

  @Test func aDocumentTypeDeclarationIsRefused() throws {
    let sheet = """
      <?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
      <worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>
      """
    let error = #expect(throws: TableReadError.self) { try readWorkbook(WorkbookParts(sheets: [("S", sheet, nil)])) }
    guard case .malformedXML("w.xlsx", "xl/worksheets/sheet1.xml", 1, let reason) = error else {
      Issue.record("unexpected \(String(describing: error))")
      return
    }
    #expect(reason.contains("document type declaration"))
  }

  // MARK: CSV

  private func readCSV(_ text: String) throws -> [TableRecord] {
    var reader = try DelimitedReader(bytes: Array(text.utf8), name: "e.csv", chunkSize: 4096)
    return try reader.readAll()
  }

  @Test func aFieldBeyondTheLimitIsRefusedWithItsLineAndColumn() throws {
    let text = "a,b\n1,2\n3," + String(repeating: "x", count: TableLimits.cellBytes + 1)
    let error = #expect(throws: TableReadError.self) { try readCSV(text) }
    #expect(
      error
        == .limitExceeded(
          file: "e.csv", line: 3, place: "the field in column 2 of the record that starts on line 3", limit: .cellBytes)
    )
    #expect(
      error?.errorDescription
        == "e.csv:3: error: the field in column 2 of the record that starts on line 3: a cell holds more than 1 MiB "
        + "of text, beyond what tevreden reads from an export; nothing after it was read")
  }

  @Test func aQuoteNeverClosedStopsAtTheLimitNotAtTheEnd() throws {
    let text = "a,b\n\"" + String(repeating: "q", count: TableLimits.cellBytes + 10) + "\n,more"
    #expect(
      throws: TableReadError.limitExceeded(
        file: "e.csv", line: 2, place: "the field in column 1 of the record that starts on line 2", limit: .cellBytes)
    ) { try readCSV(text) }
  }

  @Test func aFieldOfExactlyTheLimitIsRead() throws {
    let field = String(repeating: "x", count: TableLimits.cellBytes)
    #expect(try readCSV("a,b\n\(field),1\n").last?.fields == [field, "1"])
  }

  @Test func moreColumnsThanTheLimitAreRefused() throws {
    let text = (0...TableLimits.columns).map { "k\($0)" }.joined(separator: ",") + "\n"
    #expect(
      throws: TableReadError.limitExceeded(
        file: "e.csv", line: 1, place: "the record that starts on line 1", limit: .columns)
    ) { try readCSV(text) }
    let exactly = (1...TableLimits.columns).map { "k\($0)" }.joined(separator: ",") + "\n"
    #expect(try readCSV(exactly).first?.fields.count == TableLimits.columns)
  }

  @Test func aRecordBeyondTheLimitIsRefused() throws {
    let big = String(repeating: "r", count: TableLimits.cellBytes)
    let text = "a\n" + Array(repeating: big, count: 5).joined(separator: ",") + "\n"
    #expect(
      throws: TableReadError.limitExceeded(
        file: "e.csv", line: 2, place: "the record that starts on line 2", limit: .recordBytes)
    ) { try readCSV(text) }
  }
}
