import Foundation
import Testing
import TevredenTestSupport

/// The group labels of the committed definitions, as reports name them.
let expectedGroupLabels = [
  "Adviesaanvraag", "Melding", "Vervolgdienst", "Monitoring", "Jongeren (12–17)", "Sociale (wijk)teams", "Politie",
  "Raad voor de Kinderbescherming", "Huisartsen", "Scholen", "Ziekenhuizen",
]

/// n and mean grade of one questionnaire in a period, computed straight from the committed CSV files, without
/// the tool: completed responses with a numeric grade whose completion day in Dutch local time lies in the period.
func independentGrades(questionnaire: String, grade item: String, from first: DateComponents, to last: DateComponents)
  throws -> (n: Int, mean: Double)
{
  var calendar = Calendar(identifier: .gregorian)
  calendar.timeZone = try #require(TimeZone(identifier: "Europe/Amsterdam"))
  let formatter = ISO8601DateFormatter()
  formatter.timeZone = TimeZone(secondsFromGMT: 0)
  func key(_ parts: DateComponents) -> Int { (parts.year ?? 0) * 10_000 + (parts.month ?? 0) * 100 + (parts.day ?? 0) }
  var grades: [Double] = []
  // Every year's file: a response filed under one year may be completed (locally) in the next.
  for file in try csvFiles(under: responsesFolder) where file.hasSuffix("/\(questionnaire).csv") {
    let table = try CSVTable(contentsOf: responsesFolder.appendingPathComponent(file))
    let status = try table.column("status")
    let completedAt = try table.column("completed_at")
    let grade = try table.column(item)
    for row in table.rows where row[status] == "completed" {
      guard let value = Double(row[grade]), let instant = formatter.date(from: row[completedAt]) else { continue }
      let day = key(calendar.dateComponents([.year, .month, .day], from: instant))
      if key(first) <= day && day <= key(last) { grades.append(value) }
    }
  }
  return (grades.count, grades.isEmpty ? .nan : grades.reduce(0, +) / Double(grades.count))
}

/// `tevreden score`: every group, every status, the same figures as an independent computation, valid JSON,
/// and a clear error for an unknown period.
@Suite struct ScoreTests {
  @Test func tableShowsBothIndicatorsEveryGroupAndEveryStatus() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let run = try runTevredenProcess(
      ["score", "--period", "2026-T2", "--db", db, "--questionnaires", questionnairesFolder.path], cwd: folder)
    #expect(run.exitCode == 0, "\(run)")
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.hasPrefix("PI 5") }, "\(run)")
    #expect(lines.contains { $0.hasPrefix("PI 6") }, "\(run)")
    for label in expectedGroupLabels {
      // A group row: indented label, then its figures.
      #expect(lines.contains { $0.hasPrefix("    \(label) ") }, "no row for \(label): \(run)")
    }
    #expect(lines.contains { $0.contains("  voldoet  ") || $0.contains("  voldoet (significant)") }, "\(run)")
    #expect(lines.contains { $0.contains("  voldoet niet") }, "\(run)")
    // Ziekenhuizen has 11 respondents in 2026-T2: published, but indicative.
    #expect(lines.contains { $0.hasPrefix("    Ziekenhuizen ") && $0.contains("indicatief: ") }, "\(run)")
    let t1 = try runTevredenProcess(
      ["score", "--period", "2026-T1", "--db", db, "--questionnaires", questionnairesFolder.path], cwd: folder)
    #expect(t1.stdout.contains("te weinig respondenten"), "\(t1)")
  }

  @Test func csvAndJSONAgreeWithAnIndependentComputation() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let expected = try independentGrades(
      questionnaire: "inwoners-melding", grade: "cijfer", from: DateComponents(year: 2026, month: 1, day: 1),
      to: DateComponents(year: 2026, month: 8, day: 31))
    #expect(expected.n > 30)
    let db = try importExampleResponses(into: folder)
    let common = ["--period", "2026-T2", "--db", db, "--questionnaires", questionnairesFolder.path]

    let csv = try runTevredenProcess(["score", "--format", "csv"] + common, cwd: folder)
    #expect(csv.exitCode == 0, "\(csv)")
    let table = try CSVTable(text: csv.stdout)
    let (indicator, group, n, mean) = (
      try table.column("indicator"), try table.column("group_label"), try table.column("n"), try table.column("mean")
    )
    let melding = try #require(table.rows.first { $0[indicator] == "pi5" && $0[group] == "Melding" }, "\(csv)")
    #expect(melding[n] == String(expected.n))
    #expect(melding[mean] == String(format: "%.4f", expected.mean))
    #expect(Set(table.rows.map { $0[group] }).isSuperset(of: expectedGroupLabels))
    // The overall row of each indicator counts every respondent of its groups.
    for pi in ["pi5", "pi6"] {
      let rows = table.rows.filter { $0[indicator] == pi }
      let overall = try #require(rows.first { $0[group].isEmpty }, "no overall row for \(pi)")
      let groupTotal = rows.filter { !$0[group].isEmpty }.compactMap { Int($0[n]) }.reduce(0, +)
      #expect(Int(overall[n]) == groupTotal)
    }

    let json = try runTevredenProcess(["score", "--format", "json"] + common, cwd: folder)
    #expect(json.exitCode == 0, "\(json)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json)")
    #expect(object["period"] as? String == "2026-T2")
    let indicators = try #require(object["indicators"] as? [[String: Any]])
    #expect(indicators.compactMap { $0["id"] as? String } == ["pi5", "pi6"])
    let groups = indicators.flatMap { ($0["groups"] as? [[String: Any]]) ?? [] }
    let jsonMelding = try #require(groups.first { $0["label"] as? String == "Melding" })
    #expect(jsonMelding["n"] as? Int == expected.n)
    let jsonMean = try #require(jsonMelding["mean"] as? Double)
    #expect(abs(jsonMean - expected.mean) < 0.0051)
  }

  /// `score --items`: a topic's shares per group are what the committed CSV files give when counted by hand
  /// (scored responses of the period that answered the item with a value).
  @Test func topicSharesAgreeWithAnIndependentCount() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: "Europe/Amsterdam"))
    let formatter = ISO8601DateFormatter()
    var counts: [String: Int] = [:]
    for file in try csvFiles(under: responsesFolder) where file.hasSuffix("/inwoners-melding.csv") {
      let table = try CSVTable(contentsOf: responsesFolder.appendingPathComponent(file))
      let (status, completedAt, grade, item) = (
        try table.column("status"), try table.column("completed_at"), try table.column("cijfer"),
        try table.column("kinderen_hulp")
      )
      for row in table.rows where row[status] == "completed" && Double(row[grade]) != nil {
        guard let instant = formatter.date(from: row[completedAt]) else { continue }
        let day = calendar.dateComponents([.year, .month], from: instant)
        guard day.year == 2026, (day.month ?? 13) <= 8, ["ja", "nee"].contains(row[item]) else { continue }
        counts[row[item], default: 0] += 1
      }
    }
    let answered = counts.values.reduce(0, +)
    #expect(answered >= 10)
    let db = try importExampleResponses(into: folder)
    let common = ["--period", "2026-T2", "--db", db, "--questionnaires", questionnairesFolder.path]
    let json = try runTevredenProcess(["score", "--items", "--format", "json"] + common, cwd: folder)
    #expect(json.exitCode == 0, "\(json)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json)")
    let groups = ((object["indicators"] as? [[String: Any]]) ?? []).flatMap {
      ($0["groups"] as? [[String: Any]]) ?? []
    }
    let melding = try #require(groups.first { $0["group"] as? String == "melding" })
    let topics = try #require(melding["topics"] as? [[String: Any]], "\(melding)")
    let hulp = try #require(topics.first { $0["item"] as? String == "kinderen_hulp" })
    #expect(hulp["n"] as? Int == answered)
    let options = try #require(hulp["options"] as? [[String: Any]])
    #expect(options.compactMap { $0["code"] as? String } == ["ja", "nee"])
    for option in options {
      let code = try #require(option["code"] as? String)
      #expect(option["count"] as? Int == counts[code, default: 0])
      let share = try #require(option["share"] as? Double)
      #expect(abs(share - Double(counts[code, default: 0]) / Double(answered)) < 0.00005)
    }
    // Every group's aspects come along, and the table names the topics with their n.
    #expect(melding["aspects"] != nil)
    let table = try runTevredenProcess(["score", "--items"] + common, cwd: folder)
    #expect(table.exitCode == 0, "\(table)")
    #expect(table.stdout.contains("Onderwerpen (aandeel van wie de vraag beantwoordde):"), "\(table)")
    #expect(table.stdout.contains("Hulp voor kinderen aangeboden: Ja "), "\(table)")
    #expect(table.stdout.contains("(n \(answered))"), "\(table)")
    // Without --items there are none.
    let plain = try runTevredenProcess(["score", "--format", "json"] + common, cwd: folder)
    #expect(!plain.stdout.contains("\"topics\""))
  }

  @Test func unknownPeriodIsRefused() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let run = try runTevredenProcess(
      ["score", "--period", "2026-T7", "--db", db, "--questionnaires", questionnairesFolder.path], cwd: folder)
    #expect(run.exitCode != 0, "\(run)")
    #expect(run.stderr.contains("2026-T7"), "\(run)")
    #expect(run.stdout.isEmpty, "\(run)")
  }
}

/// `tevreden demo`: the table from the example data, and a kept database that is private and never overwritten.
@Suite struct DemoTests {
  @Test func demoPrintsTheTableFromTheExampleData() throws {
    let run = try runTevredenProcess(["demo"], cwd: packageRoot)
    #expect(run.exitCode == 0, "\(run)")
    #expect(run.stdout.contains("PI 5"), "\(run)")
    #expect(run.stdout.contains("PI 6"), "\(run)")
    // A reader must see that the figures are made up, and by which rule a response counts in the period.
    #expect(run.stdout.contains("Verzonnen voorbeeldgegevens (geen echte respondenten)"), "\(run)")
    #expect(run.stdout.contains("1221 van 1221 ingevulde vragenlijsten"), "\(run)")
    #expect(run.stdout.contains("Een vragenlijst telt mee in de periode waarin hij is afgerond"), "\(run)")
    // The young people's own minimum is said beside the general one.
    #expect(run.stdout.contains("Voor de groep jongeren geldt een minimum van 15 respondenten."), "\(run)")
    let lines = run.stdout.split(separator: "\n").map(String.init)
    for label in expectedGroupLabels {
      #expect(lines.contains { $0.hasPrefix("    \(label) ") }, "no row for \(label): \(run)")
    }
    // PI 5 and PI 6 each with n, mean, interval and status, under a header naming those columns.
    #expect(lines.contains { $0.hasPrefix("Indicator / groep") && $0.contains("95%-interval") }, "\(run)")
    for pi in ["PI 5", "PI 6"] {
      let line = try #require(lines.first { $0.hasPrefix(pi) }, "\(run)")
      let figures = line.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      // "PI 5", the label, n, mean, interval, …
      #expect(Int(figures[2]) ?? 0 > 30, "\(line)")
      #expect(figures[3].contains(","), "mean: \(line)")
      #expect(figures[4].contains(" – "), "interval: \(line)")
      #expect(line.contains("voldoet"), "status: \(line)")
    }
  }

  @Test func keptDemoDatabaseIsPrivateAndNeverOverwritten() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("demo.sqlite").path

    let first = try runTevredenProcess(["demo", "--db", db], cwd: packageRoot)
    #expect(first.exitCode == 0, "\(first)")
    #expect(try posixPermissions(db) & 0o777 == 0o600)
    let attributes = try FileManager.default.attributesOfItem(atPath: db)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: db))

    let second = try runTevredenProcess(["demo", "--db", db], cwd: packageRoot)
    #expect(second.exitCode == 64, "\(second)")
    #expect(second.stderr.contains("already exists"), "\(second)")
    let after = try FileManager.default.attributesOfItem(atPath: db)
    #expect(after[.modificationDate] as? Date == attributes[.modificationDate] as? Date)
    #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == bytes)
  }
}

/// `tevreden generate-examples`: the committed example data is exactly what the generator writes.
@Suite struct GenerateExamplesTests {
  @Test func generatorReproducesTheCommittedResponses() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("gen")
    let run = try runTevredenProcess(
      ["generate-examples", "--out", out.path, "--questionnaires", questionnairesFolder.path], cwd: folder)
    #expect(run.exitCode == 0, "\(run)")
    let committed = try csvFiles(under: responsesFolder)
    #expect(!committed.isEmpty)
    #expect(try csvFiles(under: out) == committed)
    for file in committed {
      let expected = try Data(contentsOf: responsesFolder.appendingPathComponent(file))
      let generated = try Data(contentsOf: out.appendingPathComponent(file))
      #expect(generated == expected, "\(file) differs from the generator's output")
    }
  }
}
