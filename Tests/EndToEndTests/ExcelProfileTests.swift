import Foundation
import Testing
import TevredenCore
import TevredenTestSupport

/// `--excel nl` on `score`, `indicators`, `codebook` and `imports`: the same cells as the standard CSV, in Dutch
/// Excel's conventions.
@Suite struct ExcelProfileTests {
  @Test(arguments: [
    (["score", "--period", "2026-T2", "--by", "gemeente"], ["first_day", "last_day"]),
    (["indicators", "--period", "2026-T2"], ["period_start", "period_end"]),
    (["codebook"], []),
  ])
  func theDutchCSVHoldsTheStandardCells(command: [String], days: [String]) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let arguments = command + ["--format", "csv", "--db", db, "--questionnaires", questionnairesFolder.path]
    let standard = try runTevredenProcess(arguments, cwd: folder)
    let dutch = try runTevredenProcess(arguments + ["--excel", "nl"], cwd: folder)
    try #require(standard.exitCode == 0 && dutch.exitCode == 0, "\(standard)\n\(dutch)")
    #expect(dutch.stdout.hasPrefix("\u{FEFF}"), "a byte-order mark")
    let plain = try CSVReader.parse(standard.stdout).map(\.fields)
    let excel = try CSVReader.parse(String(dutch.stdout.dropFirst()), delimiter: ";").map(\.fields)
    try #require(plain.count == excel.count && plain.count > 2)
    #expect(excel[0] == plain[0], "the same columns")
    let dayColumns = Set(days.compactMap { plain[0].firstIndex(of: $0) })
    #expect(dayColumns.count == days.count)
    for (row, (a, b)) in zip(plain, excel).enumerated().dropFirst() {
      for (column, (standardCell, dutchCell)) in zip(a, b).enumerated() {
        if dayColumns.contains(column) {
          let parts = standardCell.split(separator: "-")
          #expect(dutchCell == "\(parts[2])-\(parts[1])-\(parts[0])", "row \(row) \(plain[0][column])")
        } else if Double(standardCell) != nil {
          #expect(dutchCell == standardCell.replacingOccurrences(of: ".", with: ","), "row \(row) \(plain[0][column])")
        } else {
          #expect(dutchCell == standardCell, "row \(row) \(plain[0][column])")
        }
      }
    }
  }

  @Test func theImportListHoldsTheStandardCellsWithDutchTimes() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let standard = try runTevredenProcess(["imports", "--format", "csv", "--db", db], cwd: folder)
    let dutch = try runTevredenProcess(["imports", "--format", "csv", "--excel", "nl", "--db", db], cwd: folder)
    try #require(standard.exitCode == 0 && dutch.exitCode == 0, "\(standard)\n\(dutch)")
    let plain = try CSVReader.parse(standard.stdout).map(\.fields)
    let excel = try CSVReader.parse(String(dutch.stdout.dropFirst()), delimiter: ";").map(\.fields)
    try #require(plain.count == excel.count && plain.count > 2)
    #expect(excel[0] == plain[0])
    let time = try #require(plain[0].firstIndex(of: "imported_at"))
    for (a, b) in zip(plain, excel).dropFirst() {
      // 2026-12-03T14:59:18Z → 03-12-2026 14:59:18
      let iso = a[time]
      let expected =
        "\(iso.dropFirst(8).prefix(2))-\(iso.dropFirst(5).prefix(2))-\(iso.prefix(4)) \(iso.dropFirst(11).prefix(8))"
      #expect(b[time] == expected, "\(iso) → \(b[time])")
      #expect(Array(b[..<time]) == Array(a[..<time]) && Array(b[(time + 1)...]) == Array(a[(time + 1)...]))
    }
  }

  @Test func theProfileIsForCSVOnly() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let table = try runTevredenProcess(["score", "--excel", "nl", "--db", "x.sqlite"], cwd: folder)
    #expect(table.exitCode != 0 && table.stderr.contains("--excel nl is for CSV output"), "\(table)")
    let other = try runTevredenProcess(["indicators", "--format", "csv", "--excel", "en", "--db", "x"], cwd: folder)
    #expect(other.exitCode != 0 && other.stderr.contains("'en'"), "\(other)")
    let codebook = try runTevredenProcess(["codebook", "--excel", "nl", "--db", "x"], cwd: folder)
    #expect(codebook.exitCode != 0 && codebook.stderr.contains("--excel nl is for CSV output"), "\(codebook)")
    let spss = try runTevredenProcess(["export", "--spss", "--excel", "nl", "--out", "x", "--db", "x"], cwd: folder)
    #expect(spss.exitCode != 0 && spss.stderr.contains("--excel is for CSV files"), "\(spss)")
  }
}
