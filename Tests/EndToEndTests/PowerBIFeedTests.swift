import Foundation
import Testing
import TevredenCore
import TevredenTestSupport

/// The Power BI feed: for every row of `indicators --format csv` and `score --format csv`, `status_reported` and
/// `value_reported` are what the report shows for that indicator or group, on the example data and on data where a
/// mean sits just below the norm, so that the rounding decides the status.
@Suite struct PowerBIFeedTests {
  /// What the Markdown report shows: per indicator number its status and value, per audience section (by indicator
  /// number) per group label its status and mean.
  struct ReportShows {
    var indicators: [String: (status: String, value: String)] = [:]
    var groups: [String: [String: (status: String, value: String)]] = [:]
    /// The descriptive counts' values per number ("B2" → "3.710").
    var descriptive: [String: String] = [:]
    /// The registration indicators per municipality: per indicator number per municipality its status and value.
    var municipalities: [String: [String: (status: String, value: String)]] = [:]

    init(markdown: String) {
      var section: String?
      var inIndicators = false
      var inDescriptive = false
      var inMunicipalities = false
      var municipalSection: String?
      for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
        if line.hasPrefix("## ") {
          inIndicators = line == "## De indicatoren"
          inDescriptive = line == "## Beschrijvende indicatoren"
          inMunicipalities = line == "## Registratie-indicatoren per gemeente"
          section = line.firstMatch(of: /^## PI ([^:]+):/).map { String($0.1) }
          continue
        }
        if inMunicipalities, let match = line.firstMatch(of: /^### PI ([^ ]+) per gemeente:/) {
          municipalSection = String(match.1)
        }
        if line.hasPrefix("### "), line != "### Per groep" { section = section.map { "done:" + $0 } }
        guard line.hasPrefix("| "), !line.hasPrefix("| ---") else { continue }
        let cells = line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
        if inDescriptive, cells.count == 7, !cells[0].isEmpty {
          descriptive[cells[0]] = cells[2]
        } else if inMunicipalities, let municipalSection, cells.count == 4, cells[0] != "Gemeente" {
          let shown = cells[1] == "\\*" ? "–" : cells[1]
          municipalities[municipalSection, default: [:]][cells[0]] = (Self.status(cells[3]), shown)
        } else if inIndicators, cells.count >= 5, cells[0] != "PI" {
          indicators[cells[0]] = (Self.status(cells[4]), cells[2])
        } else if let section, !section.hasPrefix("done:"), cells.count >= 8, cells[0] != "Groep" {
          let label = cells[0].replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "\\", with: "")
          groups[section, default: [:]][label] = (Self.status(cells[7]), cells[2])
        }
      }
    }

    /// "~ indicatief" → "indicatief"; "– te weinig respondenten (minimaal 10)" → "te weinig respondenten".
    static func status(_ cell: String) -> String {
      let words = cell.split(separator: " ", maxSplits: 1).last.map(String.init) ?? cell
      return words.replacing(/\ \(minimaal \d+\)$/, with: "")
    }
  }

  /// The report's value ("7,0", "85%", "85,3%", "–") as the feed writes it ("7.0", "85.0", "85.3", "").
  static func feedValue(_ shown: String) -> String {
    guard shown != "–" else { return "" }
    let number = shown.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: ",", with: ".")
    return number.contains(".") ? number : number + ".0"
  }

  /// Checks the feed against the report for one period of one database; returns how many rows were compared.
  @discardableResult
  static func checkFeedAgreesWithReport(db: String, period: String, merge: Bool, cwd: URL) throws -> Int {
    let mergeArguments = merge ? ["--merge", registrationSample.path] : []
    let report = try runTevredenProcess(
      ["report", "--db", db, "--period", period, "--format", "md"] + mergeArguments, cwd: cwd)
    try #require(report.exitCode == 0, "\(report)")
    let shows = ReportShows(markdown: report.stdout)
    try #require(!shows.indicators.isEmpty && !shows.groups.isEmpty, "\(report.stdout)")
    var compared = 0

    let indicators = try runTevredenProcess(
      ["indicators", "--db", db, "--period", period, "--format", "csv"] + mergeArguments, cwd: cwd)
    try #require(indicators.exitCode == 0, "\(indicators)")
    let table = try CSVTable(text: indicators.stdout)
    let number = try table.column("number")
    let subgroup = try table.column("subgroup")
    let source = try table.column("source")
    let unit = try table.column("unit")
    let rawValue = try table.column("value")
    let status = try table.column("status_reported")
    let value = try table.column("value_reported")
    let periodColumn = try table.column("period")
    for row in table.rows {
      #expect(row[periodColumn] == period)
      let shown: (status: String, value: String)?
      if row[unit] == "aantal" {
        // A descriptive count has no status; the report shows its count in a table of its own.
        let count = try #require(shows.descriptive[row[number]], "the report has no count for \(row)")
        #expect(count.replacingOccurrences(of: ".", with: "") == row[rawValue], "\(row)")
        compared += 1
        continue
      } else if row[subgroup].isEmpty {
        shown = shows.indicators[row[number]]
      } else if row[source] == "enquête" {
        shown = shows.groups[row[number]]?[row[subgroup]]
      } else {
        shown = shows.municipalities[row[number]]?[row[subgroup]]
      }
      let expected = try #require(shown, "the report has no row for \(row)")
      #expect(row[status] == expected.status, "\(row)")
      #expect(row[value] == feedValue(expected.value), "\(row)")
      compared += 1
    }

    let score = try runTevredenProcess(["score", "--db", db, "--period", period, "--format", "csv"], cwd: cwd)
    try #require(score.exitCode == 0, "\(score)")
    let scores = try CSVTable(text: score.stdout)
    let indicator = try scores.column("indicator")
    let rowType = try scores.column("row_type")
    let groupLabel = try scores.column("group_label")
    let audience = try scores.column("audience")
    let scoreStatus = try scores.column("status_reported")
    let scoreValue = try scores.column("value_reported")
    let scorePeriod = try scores.column("period")
    #expect(scores.rows.allSatisfy { $0[scorePeriod] == period })
    for row in scores.rows {
      let pi = String(row[indicator].dropFirst(2))
      let label: String
      switch row[rowType] {
      case "indicator": label = "Alle \(row[audience])"
      case "group": label = row[groupLabel]
      default: continue
      }
      let expected = try #require(shows.groups[pi]?[label], "the report has no row for \(row)")
      #expect(row[scoreStatus] == expected.status, "\(row)")
      #expect(row[scoreValue] == feedValue(expected.value), "\(row)")
      if row[rowType] == "indicator" {
        #expect(row[scoreStatus] == shows.indicators[pi]?.status, "\(row)")
      }
      compared += 1
    }
    return compared
  }

  @Test func theFeedAgreesWithTheReportOnTheExampleData() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    for period in ["2026-T1", "2026-T2", "2025"] {
      #expect(try Self.checkFeedAgreesWithReport(db: db, period: period, merge: period == "2026-T2", cwd: folder) > 10)
    }
  }

  /// Rows of a committed 2026 file, completed in 2026-T2 (January–August), with their grades replaced.
  static func responses(_ file: String, grades: [String]) throws -> String {
    var table = try CSVTable(contentsOf: responsesFolder.appendingPathComponent("2026/\(file).csv"))
    let status = try table.column("status")
    let completed = try table.column("completed_at")
    let grade = try table.column("cijfer")
    let rows = table.rows.filter { $0[status] == "completed" && !$0[grade].isEmpty && $0[completed] < "2026-08-31" }
    try #require(rows.count >= grades.count, "\(file) has \(rows.count) usable rows")
    table.rows = zip(rows, grades).map { row, value in
      var row = row
      row[grade] = value
      return row
    }
    return table.render()
  }

  /// Means just below the norm of 7.0: 6.975 and the overall 6.967 are printed 7,0 and meet it; 6.942 (indicative)
  /// and 6.94 are printed 6,9 and do not.
  @Test func theRoundingDecidesTheStatusInTheFeedAsInTheReport() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = [
      ("inwoners-melding", Array(repeating: "7", count: 39) + ["6"]),
      ("inwoners-adviesaanvraag", Array(repeating: "7", count: 11) + ["6.3"]),
      ("ketenpartners-politie", Array(repeating: "7", count: 34) + ["4.9"]),
    ]
    for (name, grades) in files {
      try Data(try Self.responses(name, grades: grades).utf8).write(to: folder.appendingPathComponent("\(name).csv"))
    }
    let db = folder.appendingPathComponent("seeded.sqlite").path
    let imported = try runTevredenProcess(
      ["import", folder.path, "--db", db, "--questionnaires", questionnairesFolder.path], cwd: folder)
    try #require(imported.exitCode == 0, "\(imported)")
    #expect(try Self.checkFeedAgreesWithReport(db: db, period: "2026-T2", merge: false, cwd: folder) >= 8)

    let score = try CSVTable(
      text: try runTevredenProcess(["score", "--db", db, "--period", "2026-T2", "--format", "csv"], cwd: folder).stdout)
    func row(_ type: String, _ label: String) throws -> [String] {
      let rowType = try score.column("row_type")
      let labelColumn = try score.column("label")
      return try #require(score.rows.first { $0[rowType] == type && $0[labelColumn].contains(label) })
    }
    let status = try score.column("status_reported")
    let value = try score.column("value_reported")
    let mean = try score.column("mean")
    let melding = try row("group", "Melding")
    #expect(melding[mean] == "6.9750" && melding[value] == "7.0" && melding[status] == "voldoet")
    let advies = try row("group", "Advies")
    #expect(advies[value] == "6.9" && advies[status] == "indicatief")
    let politie = try row("group", "Politie")
    #expect(politie[mean] == "6.9400" && politie[value] == "6.9" && politie[status] == "voldoet niet")
  }
}
