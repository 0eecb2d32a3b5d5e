import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenTables

@Suite struct TableFileReaderTests {
  @Test func tellsFormatsByContentNotByName() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }

    // A workbook saved as ".csv" and a CSV saved as ".xlsx".
    let sheet = WorkbookParts.worksheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>"#)
    let workbook = try WorkbookParts(sheets: [("Blad1", sheet, nil)]).write(to: folder, name: "export.csv")
    let workbookSource = try TableFileReader.describe(contentsOf: workbook)
    #expect(workbookSource.format == .xlsx)
    #expect(workbookSource.sheetNames == ["Blad1"])
    #expect(workbookSource.file == workbook.path)

    let text = folder.appendingPathComponent("export.xlsx")
    try Data("a\tb\n1\t2\n".utf8).write(to: text)
    var reader = try TableFileReader(contentsOf: text, name: "export.xlsx")
    #expect(reader.format == .tsv)
    #expect(reader.source.file == "export.xlsx")
    #expect(try reader.nextRecords(1) == [TableRecord(line: 1, fields: ["a", "b"])])
    #expect(try reader.nextRecords(5) == [TableRecord(line: 2, fields: ["1", "2"])])
    #expect(try reader.next() == nil)
  }

  @Test func refusesOldExcelWorkbooks() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("export.xls")
    try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: url)
    #expect(throws: TableReadError.legacyExcelWorkbook(file: "export.xls")) {
      try TableFileReader(contentsOf: url, name: "export.xls")
    }
  }

  @Test func passesOptionsOn() throws {
    let url = try ownFixture("semicolon-windows1252.csv")
    let forced = try TableFileReader.describe(
      contentsOf: url, options: TableReadOptions(encoding: .windows1252, delimiter: .comma))
    #expect(forced.delimiter == .comma)
    #expect(forced.encoding == .windows1252)
    #expect(forced.format == .csv)
  }

  @Test func reportsMissingFiles() {
    #expect(throws: TableReadError.unreadableFile(file: "weg.csv", reason: "no such file")) {
      try TableFileReader(contentsOf: URL(fileURLWithPath: "/nonexistent/weg.csv"), name: "weg.csv")
    }
  }
}
