import Foundation
import Testing
import TevredenTestSupport

/// `score --by gemeente`, `--weights`, `indicators` in every format, and `--merge` with a good and a bad file,
/// all against the committed example responses.
@Suite struct IndicatorsAndBreakdownTests {
  func run(_ arguments: [String], in folder: URL, db: String) throws -> TevredenRun {
    try runTevredenProcess(
      arguments + ["--db", db, "--questionnaires", questionnairesFolder.path], cwd: folder)
  }

  @Test func municipalitiesAreListedWithSmallCellsHiddenAndNoneRecoverable() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let csv = try run(["score", "--period", "2026-T2", "--by", "gemeente", "--format", "csv"], in: folder, db: db)
    #expect(csv.exitCode == 0, "\(csv)")
    let table = try CSVTable(text: csv.stdout)
    let (indicator, rowType, gemeente, n, mean, suppressed) = (
      try table.column("indicator"), try table.column("row_type"), try table.column("gemeente"),
      try table.column("n"), try table.column("mean"), try table.column("suppressed")
    )
    for pi in ["pi5", "pi6"] {
      let rows = table.rows.filter { $0[indicator] == pi && $0[rowType] == "breakdown" }
      // Every municipality of indicators.yaml has a row.
      #expect(rows.count >= 17, "\(pi): \(csv)")
      let hidden = rows.filter { $0[suppressed] == "true" }
      // Hidden cells show nothing; none or at least two are hidden, so the total minus the others reveals none.
      #expect(hidden.allSatisfy { $0[n].isEmpty && $0[mean].isEmpty }, "\(pi)")
      #expect(hidden.count != 1, "\(pi)")
      // Every published municipal cell has at least the disclosure threshold (10) or no respondents.
      for row in rows where row[suppressed] == "false" {
        let count = try #require(Int(row[n]), "\(row)")
        #expect(count == 0 || count >= 10, "\(row[gemeente]): \(count)")
      }
    }
    let plain = try run(["score", "--period", "2026-T2", "--by", "gemeente"], in: folder, db: db)
    #expect(plain.stdout.contains("PI 5 per gemeente"), "\(plain)")
    #expect(plain.stdout.contains("afgeschermd"), "\(plain)")
    #expect(plain.stdout.contains("* afgeschermd: minder dan 10 respondenten"), "\(plain)")
    // Periods and municipalities do not combine: T2 minus T1 would reveal hidden cells.
    let refused = try run(["score", "--period", "2026-T2", "--by", "gemeente,period"], in: folder, db: db)
    #expect(refused.exitCode == 64, "\(refused)")
    // Nor with roles (cells too small), nor for a free range (its difference with the burap periods).
    let roles = try run(["score", "--period", "2026-T2", "--by", "gemeente,role"], in: folder, db: db)
    #expect(roles.exitCode == 64 && roles.stderr.contains("only the respondent groups"), "\(roles)")
    let range = try run(
      ["score", "--from", "2026-05-01", "--to", "2026-08-31", "--by", "gemeente"], in: folder, db: db)
    #expect(range.exitCode == 64 && range.stderr.contains("needs a burap period"), "\(range)")
    // Counts per grade (and median, share below 6) only for municipal cells of at least 20.
    let grades = try table.column("grade_7")
    let median = try table.column("median")
    for row in table.rows where row[rowType] == "breakdown" && row[suppressed] == "false" {
      if let count = Int(row[n]), count < 20 {
        #expect(row[grades].isEmpty && row[median].isEmpty, "\(row[gemeente]): \(count)")
      }
    }
  }

  @Test func weightsGiveAWeightedMeanBesideTheUnweightedOne() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let weights = folder.appendingPathComponent("populatie.csv")
    try """
    group,population
    adviesaanvraag,2400
    melding,5200
    vervolgdienst,1300
    monitoring,900
    jongeren,150
    politie,400
    sociale-teams,600
    rvdk,120
    huisartsen,300
    scholen,700
    ziekenhuizen,150

    """.write(to: weights, atomically: true, encoding: .utf8)
    let json = try run(
      ["score", "--period", "2026-T2", "--format", "json", "--weights", weights.path], in: folder, db: db)
    #expect(json.exitCode == 0, "\(json)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let indicators = try #require(object["indicators"] as? [[String: Any]])
    let pi5 = try #require(indicators.first)
    let weighted = try #require(pi5["weighted"] as? [String: Any], "\(json)")
    let groups = try #require(pi5["groups"] as? [[String: Any]])
    // Recompute the post-stratified mean from the printed group means and the populations.
    let populations = [
      "adviesaanvraag": 2400.0, "melding": 5200, "vervolgdienst": 1300, "monitoring": 900, "jongeren": 150,
    ]
    var expected = 0.0
    for group in groups {
      let id = try #require(group["group"] as? String)
      let mean = try #require(group["mean"] as? Double)
      expected += (populations[id] ?? 0) / 9950 * mean
    }
    let mean = try #require(weighted["mean"] as? Double)
    #expect(abs(mean - expected) < 0.001, "\(weighted)")
    #expect((weighted["effectiveN"] as? Double ?? 0) < Double((pi5["overall"] as? [String: Any])?["n"] as? Int ?? 0))
    let table = try run(["score", "--period", "2026-T2", "--weights", weights.path], in: folder, db: db)
    #expect(table.stdout.contains("    gewogen naar populatie"), "\(table)")

    // A bad weights file names the file, the line and what to do.
    let bad = folder.appendingPathComponent("fout.csv")
    try "group,population\nmelding,veel\n".write(to: bad, atomically: true, encoding: .utf8)
    let rejected = try run(["score", "--period", "2026-T2", "--weights", bad.path], in: folder, db: db)
    #expect(rejected.exitCode == 1, "\(rejected)")
    #expect(rejected.stderr.contains("fout.csv:2: \"veel\" is not a number"), "\(rejected)")
    let partial = folder.appendingPathComponent("half.csv")
    try "melding,5200\n".write(to: partial, atomically: true, encoding: .utf8)
    let missing = try run(["score", "--period", "2026-T2", "--weights", partial.path], in: folder, db: db)
    #expect(missing.exitCode == 1, "\(missing)")
    #expect(missing.stderr.contains("no population for respondent group"), "\(missing)")
  }

  @Test func indicatorsMergeAllSevenInEveryFormat() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let merge = ["indicators", "--period", "2026-T2", "--merge", registrationSample.path]

    let table = try run(merge, in: folder, db: db)
    #expect(table.exitCode == 0, "\(table)")
    for label in ["Meldingen met veiligheidsbeoordeling", "Klanttevredenheid ketenpartners", "Recidive na overdracht"] {
      #expect(table.stdout.contains(label), "\(table)")
    }
    #expect(table.stdout.contains("72,4%") && table.stdout.contains("≥ 60,0%"), "\(table)")

    let csv = try run(merge + ["--format", "csv"], in: folder, db: db)
    #expect(csv.exitCode == 0, "\(csv)")
    let rows = try CSVTable(text: csv.stdout)
    #expect(
      rows.header == [
        "indicator_id", "number", "label", "subgroup", "period_start", "period_end", "value", "unit", "n", "norm",
        "norm_direction", "status", "indicative", "significant", "interval_lower", "interval_upper", "source",
        "period", "status_reported", "value_reported", "budgeted", "difference", "waiting_list", "workload",
        "suppressed",
      ])
    let id = try rows.column("indicator_id")
    let subgroup = try rows.column("subgroup")
    let overall = rows.rows.filter { $0[subgroup].isEmpty }.map { $0[id] }
    #expect(
      overall == [
        "pi1", "pi2a", "pi2b", "pi3a", "pi3b", "pi4", "pi5", "pi6", "pi7a", "pi7b", "instroom_adviezen",
        "instroom_meldingen", "instroom_vervolgdiensten", "veiligheidsbeoordelingen", "vervolgdiensten",
      ])
    let (norm, status, start, end, lower, source) = (
      try rows.column("norm"), try rows.column("status"), try rows.column("period_start"),
      try rows.column("period_end"), try rows.column("interval_lower"), try rows.column("source")
    )
    let pi7a = try #require(rows.rows.first { $0[id] == "pi7a" })
    #expect(pi7a[norm].isEmpty && pi7a[status] == "geen norm")
    let pi5 = try #require(rows.rows.first { $0[id] == "pi5" && $0[subgroup].isEmpty })
    #expect(pi5[start] == "2026-01-01" && pi5[end] == "2026-08-31")
    #expect(!pi5[lower].isEmpty && pi5[source] == "enquête")

    let json = try run(merge + ["--format", "json"], in: folder, db: db)
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(entries.count == rows.rows.count)
    #expect(entries.first?["indicatorId"] as? String == "pi1")
    #expect(entries.first?["value"] as? Double == 72.4)

    // Without --merge: PI 5 and 6 only, and a note on standard error.
    let surveysOnly = try run(["indicators", "--period", "2026-T2", "--format", "csv"], in: folder, db: db)
    #expect(surveysOnly.exitCode == 0, "\(surveysOnly)")
    #expect(surveysOnly.stderr.contains("--merge"), "\(surveysOnly)")
    let ids = Set(try CSVTable(text: surveysOnly.stdout).rows.map { $0[0] })
    #expect(ids == ["pi5", "pi6"])
  }

  @Test(arguments: [
    ("pi1,,2026-01-01,2026-08-31,112.5,percentage,10", ":3: value 112.5 is not a percentage from 0 to 100"),
    ("pi9,,2026-01-01,2026-08-31,50,percentage,10", ":3: unknown indicator 'pi9'"),
    ("pi1,,2026-01-01,2026-08-31,50,cijfer,10", ":3: pi1 is a percentage in indicators.yaml, not a cijfer"),
    ("pi1,,2026-02-30,2026-08-31,50,percentage,10", ":3: period_start '2026-02-30' is not a day"),
    ("pi5,,2026-01-01,2026-08-31,7.1,cijfer,10", ":3: pi5 is measured by the surveys"),
    ("pi2a,,2026-01-01,2026-08-31,50,percentage", ":3: 6 fields where the header has 7"),
    ("pi1,,2026-01-01,2026-08-31,45,percentage,10", ":3: pi1 for 2026-01-01–2026-08-31 was already given on line 2"),
    ("instroom_meldingen,,2026-01-01,2026-08-31,12.5,aantal,", ":3: value '12.5' is not a count"),
    ("instroom_meldingen,,2026-01-01,2026-08-31,3710,aantal,3710", ":3: instroom_meldingen is an aantal"),
  ])
  func aMalformedMergeFileIsRejectedWithItsLineAndReason(row: String, message: String) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let file = folder.appendingPathComponent("registratie-fout.csv")
    try """
    indicator,subgroup,period_start,period_end,value,unit,n
    pi1,,2026-01-01,2026-08-31,72.4,percentage,3604
    \(row)

    """.write(to: file, atomically: true, encoding: .utf8)
    let result = try run(["indicators", "--period", "2026-T2", "--merge", file.path], in: folder, db: db)
    #expect(result.exitCode == 1, "\(result)")
    #expect(result.stdout.isEmpty, "\(result)")
    #expect(result.stderr.contains("registratie-fout.csv" + message), "\(result)")
  }

  @Test func indicatorsShowCountsHistoryAndMunicipalitiesUnderDisclosureControl() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let merge = ["indicators", "--period", "2026-T2", "--merge", registrationSample.path]

    let csv = try run(merge + ["--format", "csv"], in: folder, db: db)
    #expect(csv.exitCode == 0, "\(csv)")
    // This year's T1 rows are of no use to 2026-T2; earlier years are kept as history.
    #expect(csv.stderr.contains("rows of other periods than 2026-T2 left out"), "\(csv)")
    let rows = try CSVTable(text: csv.stdout)
    let (id, subgroup, value, n, status) = (
      try rows.column("indicator_id"), try rows.column("subgroup"), try rows.column("value"), try rows.column("n"),
      try rows.column("status_reported")
    )
    let (budgeted, difference, waiting, workload, suppressed) = (
      try rows.column("budgeted"), try rows.column("difference"), try rows.column("waiting_list"),
      try rows.column("workload"), try rows.column("suppressed")
    )
    let meldingen = try #require(rows.rows.first { $0[id] == "instroom_meldingen" })
    #expect(meldingen[value] == "3710" && meldingen[budgeted] == "3600" && meldingen[difference] == "110")
    #expect(meldingen[status] == "geen norm" && meldingen[waiting].isEmpty)
    let assessments = try #require(rows.rows.first { $0[id] == "veiligheidsbeoordelingen" })
    #expect(assessments[waiting] == "71" && assessments[budgeted].isEmpty && assessments[workload].isEmpty)
    // PI 7b in Texel (7 cases) is hidden, and Opmeer (13), the smallest other, with it.
    let pi7b = rows.rows.filter { $0[id] == "pi7b" && !$0[subgroup].isEmpty }
    #expect(pi7b.count == 17)
    let hidden = pi7b.filter { $0[suppressed] == "true" }
    #expect(hidden.map { $0[subgroup] } == ["Opmeer", "Texel"])
    #expect(hidden.allSatisfy { $0[value].isEmpty && $0[n].isEmpty && $0[status] == "afgeschermd" })
    #expect(rows.rows.filter { $0[id] == "pi7a" && $0[suppressed] == "true" }.isEmpty)

    let json = try run(merge + ["--format", "json"], in: folder, db: db)
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    let pi1 = try #require(entries.first { $0["indicatorId"] as? String == "pi1" })
    let history = try #require(pi1["history"] as? [[String: Any]])
    #expect(history.map { $0["period"] as? String } == ["2024", "2025-T2", "2025"])
    #expect(history.map { $0["value"] as? Double } == [63.5, 66.9, 68.2])
    #expect(history.map { $0["norm"] as? Double } == [60, 60, 60])
    #expect(history.map { $0["statusReported"] as? String } == ["voldoet", "voldoet", "voldoet"])
    #expect(entries.first { $0["indicatorId"] as? String == "pi5" }?["history"] == nil, "surveys have none")

    let table = try run(merge, in: folder, db: db)
    #expect(table.stdout.contains("Beschrijvende indicatoren"), "\(table)")
    #expect(table.stdout.contains("+110"), "\(table)")
  }

  @Test func aMunicipalityWithoutNIsNotShownAndSaidSo() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let file = folder.appendingPathComponent("registratie-zonder-n.csv")
    try """
    indicator,subgroup,period_start,period_end,value,unit,n
    pi7a,,2026-01-01,2026-08-31,14.6,percentage,1979
    pi7a,Alkmaar,2026-01-01,2026-08-31,17.6,percentage,318
    pi7a,Hoorn,2026-01-01,2026-08-31,14.5,percentage,214
    pi7a,Texel,2026-01-01,2026-08-31,31.4,percentage,

    """.write(to: file, atomically: true, encoding: .utf8)
    let result = try run(
      ["indicators", "--period", "2026-T2", "--format", "csv", "--merge", file.path], in: folder, db: db)
    #expect(result.exitCode == 0, "\(result)")
    #expect(result.stderr.contains("registratie-zonder-n.csv: no n for pi7a Texel"), "\(result)")
    #expect(!result.stdout.contains("31.4"), "\(result)")
    let report = try run(
      ["report", "--period", "2026-T2", "--format", "md", "--merge", file.path], in: folder, db: db)
    #expect(report.exitCode == 0, "\(report)")
    #expect(report.stderr.contains("no n for PI 7a Texel"), "\(report)")
    #expect(report.stdout.contains("Niet getoond, want zonder aantal gevallen (n)"), "\(report)")
    #expect(report.stdout.contains("herleidbaar is: PI 7a Texel."), "\(report)")
    #expect(report.stdout.contains("| Texel | \\* | \\* | afgeschermd |"), "\(report)")
    #expect(report.stdout.contains("| Hoorn | \\* | \\* | afgeschermd |"), "the smallest other is hidden beside it")
    #expect(!report.stdout.contains("31,4"), "\(report)")
  }

  @Test func aMunicipalityThatGrewByAFewCasesSinceT1IsHiddenInT2() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let file = folder.appendingPathComponent("registratie-t1-t2.csv")
    try """
    indicator,subgroup,period_start,period_end,value,unit,n
    pi7a,,2026-01-01,2026-04-30,15.1,percentage,312
    pi7a,Alkmaar,2026-01-01,2026-04-30,15.0,percentage,200
    pi7a,Hoorn,2026-01-01,2026-04-30,15.0,percentage,100
    pi7a,Texel,2026-01-01,2026-04-30,16.7,percentage,12
    pi7a,,2026-01-01,2026-08-31,15.3,percentage,373
    pi7a,Alkmaar,2026-01-01,2026-08-31,15.2,percentage,230
    pi7a,Hoorn,2026-01-01,2026-08-31,15.4,percentage,130
    pi7a,Texel,2026-01-01,2026-08-31,15.4,percentage,13

    """.write(to: file, atomically: true, encoding: .utf8)
    func hidden(_ period: String) throws -> [String] {
      let result = try run(
        ["indicators", "--period", period, "--format", "csv", "--merge", file.path], in: folder, db: db)
      #expect(result.exitCode == 0, "\(result)")
      let rows = try CSVTable(text: result.stdout)
      let (subgroup, suppressed) = (try rows.column("subgroup"), try rows.column("suppressed"))
      return rows.rows.filter { $0[suppressed] == "true" }.map { $0[subgroup] }
    }
    #expect(try hidden("2026-T1") == [])
    // Texel's 13th case would be T2 minus T1: hidden, and Hoorn, the smallest other, beside it.
    #expect(try hidden("2026-T2") == ["Hoorn", "Texel"])
  }

  @Test func importingTheResponsesFolderSkipsTheRegistrationExport() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(FileManager.default.fileExists(atPath: registrationSample.path))
    let db = folder.appendingPathComponent("db.sqlite").path
    let result = try run(["import", responsesFolder.path], in: folder, db: db)
    #expect(result.exitCode == 0, "\(result)")
    #expect(!(result.stdout + result.stderr).contains("registratie"), "\(result)")
  }

  /// `basis:` in indicators.yaml: PI 5 over direct betrokkenen only, as the weighted mean of its group means. The
  /// same figure comes out of `score`, `indicators` and `report`, and it is the weighted mean computed here by hand
  /// from the printed group means; without the service volumes the commands refuse with what to pass.
  @Test func theIndicatorBasisGivesOneFigureInScoreIndicatorsAndReport() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let definitions = folder.appendingPathComponent("definitions")
    try FileManager.default.copyItem(at: questionnairesFolder, to: definitions)
    let indicatorsFile = definitions.appendingPathComponent("indicators.yaml")
    let original = try String(contentsOf: indicatorsFile, encoding: .utf8)
    // A minimum n of 2, so that every group's mean is printed for the computation by hand.
    let withBasis = original.replacingOccurrences(
      of: "    audience: inwoners\n",
      with: "    audience: inwoners\n    basis: { roles: [betrokkene, ouder, pleger], mean: groups }\n"
    )
    .replacingOccurrences(of: "minimum_respondents: 10", with: "minimum_respondents: 2")
    .replacingOccurrences(of: "group_minimums: { jongeren: 15 }", with: "")
    try #require(withBasis != original)
    try withBasis.write(to: indicatorsFile, atomically: true, encoding: .utf8)
    let volumes: [String: Double] = [
      "adviesaanvraag": 900, "melding": 2400, "monitoring": 300, "vervolgdienst": 600, "jongeren": 150,
    ]
    let weights = folder.appendingPathComponent("volumes.csv")
    try volumes.map { "\($0.key),\(Int($0.value))" }.joined(separator: "\n")
      .write(to: weights, atomically: true, encoding: .utf8)
    func run(_ arguments: [String]) throws -> TevredenRun {
      try runTevredenProcess(
        arguments + ["--period", "2026-T2", "--db", db, "--questionnaires", definitions.path], cwd: folder)
    }

    let refused = try run(["score"])
    #expect(refused.exitCode != 0)
    #expect(refused.stderr.contains("pass those volumes with --weights FILE"), "\(refused)")

    let score = try run(["score", "--format", "json", "--weights", weights.path])
    #expect(score.exitCode == 0, "\(score)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(score.stdout.utf8)) as? [String: Any])
    let pi5 = try #require((object["indicators"] as? [[String: Any]])?.first { $0["id"] as? String == "pi5" })
    let groups = try #require(pi5["groups"] as? [[String: Any]])
    var byHand = 0.0
    let total = volumes.values.reduce(0, +)
    for group in groups {
      let id = try #require(group["group"] as? String)
      let mean = try #require(group["mean"] as? Double, "\(group)")
      byHand += try #require(volumes[id]) / total * mean
    }
    let weighted = try #require(pi5["weighted"] as? [String: Any])
    let weightedMean = try #require(weighted["mean"] as? Double)
    // The JSON rounds group means to four decimals.
    #expect(abs(weightedMean - byHand) < 0.0005, "\(weightedMean) against \(byHand)")
    let overall = try #require(pi5["overall"] as? [String: Any])
    let basisN = try #require(overall["n"] as? Int)

    // Without the role basis more respondents count: the basis left the others out.
    let plain = try runTevredenProcess(
      ["score", "--format", "json", "--period", "2026-T2", "--db", db, "--questionnaires", questionnairesFolder.path],
      cwd: folder)
    let plainObject = try #require(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])
    let plainPI5 = try #require((plainObject["indicators"] as? [[String: Any]])?.first { $0["id"] as? String == "pi5" })
    let everyone = try #require((plainPI5["overall"] as? [String: Any])?["n"] as? Int)
    #expect(basisN < everyone)

    let shown = Double((weightedMean * 10).rounded()) / 10
    let indicators = try run(["indicators", "--format", "json", "--weights", weights.path])
    #expect(indicators.exitCode == 0, "\(indicators)")
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(indicators.stdout.utf8)) as? [[String: Any]])
    let indicatorRow = try #require(
      rows.first { $0["indicatorId"] as? String == "pi5" && ($0["subgroup"] as? String ?? "").isEmpty },
      "\(indicators.stdout.prefix(600))")
    let value = try #require(indicatorRow["value"] as? Double)
    #expect(abs(value - weightedMean) < 0.0005)
    #expect(indicatorRow["n"] as? Int == basisN)

    let report = try run(["report", "--format", "md", "--weights", weights.path])
    #expect(report.exitCode == 0, "\(report)")
    let figure = String(format: "%.1f", shown).replacingOccurrences(of: ".", with: ",")
    #expect(
      report.stdout.contains("| 5 | Klanttevredenheid van direct betrokkenen | \(figure) |"),
      "\(report.stdout.prefix(2000))")
    #expect(report.stdout.contains("Telt mee: respondenten met als rol betrokkene, ouder, pleger; "))
    #expect(report.stdout.contains("gewogen naar het aantal cliënten per groep"))
    let table = try run(["score", "--weights", weights.path])
    #expect(table.stdout.contains("PI 5  Klanttevredenheid van direct betrokkenen, gewogen naar groep"), "\(table)")
  }
}
