import Foundation
import Testing
import TevredenTestSupport

/// `tevreden import --inspect`: reports on the real platform exports in the shared fixtures beside the repository
/// (each such test carries `.requiresSharedExports` and is skipped with a message when they are absent, as in a
/// user's clone) and on the project's own exports of the same layouts, JSON API exports refused per file, folders expanded, and nothing written: no
/// database appears, wherever the database would be.
@Suite struct InspectCommandTests {
  static let exports = sharedExportsFolder

  static func export(_ path: String) -> String {
    exports.appendingPathComponent(path).path
  }

  /// The values of every `  label: value` line in the reports, in order (one per inspected file).
  func values(_ label: String, in stdout: String) -> [String] {
    stdout.split(separator: "\n").compactMap { line in
      guard line.hasPrefix("  \(label):") else { return nil }
      return line.dropFirst(label.count + 3).trimmingCharacters(in: .whitespaces)
    }
  }

  /// The line of a report's column table for column `number` (1-based), reduced to single spaces.
  func columnLine(_ number: Int, in report: String) -> String? {
    report.split(separator: "\n")
      .map { $0.split(separator: " ").joined(separator: " ") }
      .first { $0.hasPrefix("\(number) ") }
  }

  /// Runs `import --inspect` in an empty folder, with `TEVREDEN_DB` pointing into it, and checks that the folder
  /// is still empty afterwards: inspecting writes no database, neither the default `./tevreden.sqlite` nor the
  /// environment's, nor the one `--db` names.
  func inspect(_ paths: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> TevredenRun {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runTevredenProcess(
      ["import", "--inspect"] + paths, cwd: folder,
      env: ["TEVREDEN_DB": folder.appendingPathComponent("env.sqlite").path])
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path) == [], "inspect wrote a file",
      sourceLocation: sourceLocation)
    let withDB = try runTevredenProcess(
      ["import", "--inspect", "--db", folder.appendingPathComponent("db.sqlite").path] + paths, cwd: folder)
    #expect(withDB.exitCode == run.exitCode, sourceLocation: sourceLocation)
    #expect(withDB.stdout == run.stdout, sourceLocation: sourceLocation)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path) == [], "inspect --db wrote a file",
      sourceLocation: sourceLocation)
    return run
  }

  @Test(.requiresSharedExports) func reportsLayoutEncodingColumnsAndResponses() throws {
    let qualtrics = Self.export("qualtrics/qualtrics-legacy-2header-bom.csv")
    let forms = Self.export("microsoftforms/msforms-quiz-xlsx-points-feedback-columns.xlsx")
    let monkey = Self.export("surveymonkey/surveymonkey-2header-starwars-multiselect-matrix-cr-eol-nonutf8.csv")
    let run = try inspect([qualtrics, forms, monkey])
    #expect(run.exitCode == 0, "\(run)")
    #expect(run.stderr.isEmpty, "\(run)")
    let reports = run.stdout.components(separatedBy: "\n\n")
    try #require(reports.count == 3, "\(run)")
    #expect(reports.map { $0.split(separator: "\n").first.map(String.init) } == [qualtrics, forms, monkey])

    #expect(
      values("layout", in: run.stdout)
        == ["Qualtrics (2 header rows)", "Microsoft Forms (1 header row)", "SurveyMonkey (2 header rows)"])
    #expect(
      values("file", in: run.stdout)
        == ["CSV, UTF-8 with BOM, delimiter ','", "XLSX, sheet \"Sheet1\"", "CSV, Windows-1252, delimiter ','"])
    #expect(values("responses", in: run.stdout) == ["1", "7", "1186"])
    #expect(
      values("response id", in: run.stdout) == [
        "column 1 \"ResponseID\"; started: column 8 \"StartDate\"; completed: column 9 \"EndDate\"; "
          + "finished: column 10 \"Finished\"",
        "column 1 \"ID\"; started: column 2 \"Start time\"; completed: column 3 \"Completion time\"",
        "column 1 \"RespondentID\"",
      ])
    #expect(
      values("personal data", in: run.stdout) == [
        "7 columns (e-mail address, IP address, location, name, recipient reference), never stored",
        "2 columns (e-mail address, name), never stored",
      ])
    #expect(reports[0].contains("  columns (16):"))
    #expect(reports[1].contains("  columns (37):"))
    #expect(reports[2].contains("  columns (38):"))

    // Qualtrics legacy: names from both header rows, types, and personal data without its values.
    #expect(columnLine(1, in: reports[0]) == "1 ResponseID / V1 text 1 filled up to 17 characters")
    #expect(
      columnLine(6, in: reports[0])
        == "6 IPAddress / V6 text 1 filled personal data (IP address): never stored")
    #expect(columnLine(8, in: reports[0]) == "8 StartDate / V8 date/time 1 filled 2017-07-18 08:28:09")
    #expect(columnLine(11, in: reports[0]) == "11 This is a multiple choice question. / Q1 integer 1 filled 2")
    #expect(!reports[0].contains("Anonym"), "values of a personal-data column are never shown")
    // Microsoft Forms: Excel serial dates arrive as ISO dates; the e-mail addresses are not shown.
    #expect(
      columnLine(2, in: reports[1])
        == "2 Start time date/time 7 filled 2020-05-22T17:58:00 to 2020-05-22T17:58:48")
    #expect(
      columnLine(4, in: reports[1])
        == "4 Email text 7 filled personal data (e-mail address): never stored")
    #expect(!reports[1].contains("@test.com"))
    #expect(columnLine(8, in: reports[1]) == "8 Question 12 label 7 filled values: \"a\" 4, \"b\" 3")
    // SurveyMonkey: the sub-header row names the choice of each multi-select column.
    #expect(
      columnLine(2, in: reports[2])
        == "2 Have you seen any of t…films in the Star Wars franchise? yes/no 1186 filled values: \"Yes\" 936, \"No\" 250"
    )
    #expect(columnLine(4, in: reports[2])?.contains("Episode I The Phantom Menace label 673 filled") == true)
  }

  @Test(.requiresSharedExports) func jsonAPIExportFailsAloneAndTheOtherFilesAreStillInspected() throws {
    let json = Self.export("typeform/typeform-api-v1-2016-questions-responses.json")
    let csv = Self.export("googleforms/googleforms-csv-crlf-semicolon-checkbox-ampm-tz.csv")
    let run = try inspect([json, csv])
    #expect(run.exitCode == 1, "\(run)")
    #expect(
      run.stderr
        == "\(json): error: this is a JSON API export, which tevreden import does not read; export the responses "
        + "from the platform as CSV or XLSX instead\n")
    #expect(values("layout", in: run.stdout) == ["Google Forms (1 header row)"])
    #expect(values("responses", in: run.stdout) == ["5"])
    #expect(values("response id", in: run.stdout) == ["none found; completed: column 1 \"Timestamp\""])
    #expect(!run.stdout.contains("testing1"), "the names respondents typed are not shown")
  }

  @Test(.requiresSharedExports) func foldersAreExpandedInSortedOrder() throws {
    let folder = Self.exports.appendingPathComponent("surveymonkey").path
    let run = try inspect([folder])
    #expect(run.exitCode == 1, "\(run)")
    let errors = run.stderr.split(separator: "\n")
    #expect(errors.count == 2, "\(run)")
    #expect(errors.allSatisfy { $0.contains(".json: error: this is a JSON API export") })
    let reported = run.stdout.split(separator: "\n").filter { $0.hasPrefix(folder) }.map(String.init)
    #expect(
      reported
        == [
          "surveymonkey-2header-startenddate-mdyy-other-specify-nonutf8.csv",
          "surveymonkey-2header-starwars-multiselect-matrix-cr-eol-nonutf8.csv",
          "surveymonkey-2header-steak-response-row-html.csv",
        ].map { "\(folder)/\($0)" })
    #expect(values("responses", in: run.stdout) == ["1093", "1186", "550"])
  }

  @Test(.requiresSharedExports) func everySharedExportIsInspected() throws {
    let run = try inspect([Self.exports.path])
    #expect(run.exitCode == 1, "\(run)")
    #expect(run.stderr.split(separator: "\n").count == 3, "only the three JSON files fail: \(run)")
    #expect(values("layout", in: run.stdout).count == 17)
    #expect(!values("layout", in: run.stdout).contains { $0.hasPrefix("generic") })
  }

  @Test(.requiresSharedExports) func layoutGivenWithTheOptionIsUsed() throws {
    let run = try inspect(["--layout", "generic", Self.export("qualtrics/qualtrics-legacy-2header-bom.csv")])
    #expect(run.exitCode == 0, "\(run)")
    #expect(values("layout", in: run.stdout) == ["generic table (one header row), as given with --layout"])
    #expect(values("responses", in: run.stdout) == ["2"], "the second header row counts as a response")
  }

  @Test(.requiresSharedExports) func missingFileIsAnErrorAndTheRestIsInspected() throws {
    let run = try inspect(["no-such-export.csv", Self.export("odk/odk-briefcase-choice-lists.csv")])
    #expect(run.exitCode == 1, "\(run)")
    #expect(run.stderr == "no-such-export.csv: error: no such file or folder\n")
    #expect(values("layout", in: run.stdout) == ["ODK (1 header row)"])
  }
}

/// The same reports over the project's own exports, which every clone has.
extension InspectCommandTests {
  static func projectFile(_ name: String) -> String {
    projectExport(name).path
  }

  @Test func reportsLayoutEncodingColumnsAndResponsesOfProjectExports() throws {
    let qualtrics = Self.projectFile("qualtrics-legacy-inwoners-adviesaanvraag.csv")
    let forms = Self.projectFile("msforms-inwoners-adviesaanvraag.xlsx")
    let monkey = Self.projectFile("surveymonkey-mac-excel-inwoners-adviesaanvraag.csv")
    let run = try inspect([qualtrics, forms, monkey])
    #expect(run.exitCode == 0, "\(run)")
    #expect(run.stderr.isEmpty, "\(run)")
    let reports = run.stdout.components(separatedBy: "\n\n")
    try #require(reports.count == 3, "\(run)")
    #expect(reports.map { $0.split(separator: "\n").first.map(String.init) } == [qualtrics, forms, monkey])

    #expect(
      values("layout", in: run.stdout)
        == ["Qualtrics (2 header rows)", "Microsoft Forms (1 header row)", "SurveyMonkey (2 header rows)"])
    #expect(
      values("file", in: run.stdout)
        == ["CSV, UTF-8 with BOM, delimiter ','", "XLSX, sheet \"Form1\"", "CSV, Windows-1252, delimiter ','"])
    #expect(values("responses", in: run.stdout) == ["3", "3", "3"])
    #expect(
      values("response id", in: run.stdout) == [
        "column 1 \"ResponseID\"; started: column 8 \"StartDate\"; completed: column 9 \"EndDate\"; "
          + "finished: column 10 \"Finished\"",
        "column 1 \"Id\"; started: column 2 \"Start time\"; completed: column 3 \"Completion time\"",
        "none found; started: column 1 \"StartDate\"; completed: column 2 \"EndDate\"",
      ])
    let personalData = values("personal data", in: run.stdout)
    try #require(personalData.count == 3, "\(run)")
    #expect(
      personalData[0...1] == [
        "7 columns (e-mail address, IP address, location, name, recipient reference), never stored",
        "2 columns (e-mail address, name), never stored",
      ])
    #expect(personalData[2].contains("IP address"))
    #expect(reports[0].contains("  columns (30):"))
    #expect(reports[1].contains("  columns (20):"))
    #expect(reports[2].contains("  columns (23):"))

    // Qualtrics legacy: names from both header rows, types, and personal data without its values.
    #expect(columnLine(1, in: reports[0]) == "1 ResponseID / V1 text 3 filled up to 17 characters")
    #expect(columnLine(6, in: reports[0]) == "6 IPAddress / V6 label 3 filled personal data (IP address): never stored")
    #expect(
      columnLine(8, in: reports[0]) == "8 StartDate / V8 date/time 3 filled 2026-03-02 10:00:00 to 2026-03-06 08:15:00")
    #expect(
      columnLine(14, in: reports[0])
        == "14 Waren er kinderen bij betrokken? / Q4 yes/no 3 filled values: \"Ja\" 2, \"Nee\" 1")
    #expect(columnLine(30, in: reports[0]) == "30 (no name) empty 0 filled", "the comma ending every line")
    for secret in ["Visser", "anna.visser@example.nl", "77.248.3.19", "dossier-5120"] {
      #expect(!reports[0].contains(secret), "values of a personal-data column are never shown")
    }
    // Microsoft Forms: Excel serial dates arrive as ISO dates; the e-mail column's values are not shown.
    #expect(
      columnLine(2, in: reports[1]) == "2 Start time date/time 3 filled 2026-05-04T09:30:00 to 2026-05-19T09:30:00")
    #expect(columnLine(4, in: reports[1]) == "4 Email label 3 filled personal data (e-mail address): never stored")
    #expect(!reports[1].contains("anonymous"))
    // SurveyMonkey saved by Excel on a Mac: US dates without seconds, the sub-header row names each option.
    #expect(columnLine(1, in: reports[2]) == "1 StartDate date/time 3 filled 3/16/26 9:05 to 4/1/26 7:58")
    #expect(
      columnLine(7, in: reports[2]) == "7 Hoe had u contact met …r dan één antwoord kiezen. - Chat label 2 filled "
        + "values: \"Chat\" 2")
    #expect(!reports[2].contains("86.81.5.200"))
  }

  @Test func jsonAPIExportOfTheProjectFailsAloneAndTheOtherFilesAreStillInspected() throws {
    let json = Self.projectFile("typeform-api-responses.json")
    let csv = Self.projectFile("googleforms-inwoners-adviesaanvraag.csv")
    let run = try inspect([json, csv])
    #expect(run.exitCode == 1, "\(run)")
    #expect(
      run.stderr
        == "\(json): error: this is a JSON API export, which tevreden import does not read; export the responses "
        + "from the platform as CSV or XLSX instead\n")
    #expect(values("layout", in: run.stdout) == ["Google Forms (1 header row)"])
    #expect(values("responses", in: run.stdout) == ["3"])
    #expect(values("response id", in: run.stdout) == ["none found; completed: column 1 \"Timestamp\""])
    #expect(!run.stdout.contains("Fatima"), "the names respondents typed are not shown")
  }

  @Test func theProjectExportsFolderIsExpandedInSortedOrder() throws {
    let folder = projectExportsFolder.path
    let run = try inspect([folder])
    #expect(run.exitCode == 1, "\(run)")
    let errors = run.stderr.split(separator: "\n")
    #expect(errors.count == 2, "only the two JSON files fail: \(run)")
    #expect(errors.allSatisfy { $0.contains(".json: error: this is a JSON API export") })
    let reported = run.stdout.split(separator: "\n").filter { $0.hasPrefix(folder) }.map(String.init)
    #expect(
      reported
        == [
          "googleforms-inwoners-adviesaanvraag-sheet.xlsx", "googleforms-inwoners-adviesaanvraag.csv",
          "googleforms-ketenpartners-politie-semicolon-windows1252.csv", "kobo-inwoners-adviesaanvraag-semicolon.csv",
          "kobo-inwoners-adviesaanvraag.xlsx", "limesurvey-inwoners-adviesaanvraag-codes.csv",
          "limesurvey-inwoners-adviesaanvraag-fulltext.csv", "msforms-inwoners-adviesaanvraag.xlsx",
          "odk-briefcase-inwoners-adviesaanvraag.csv", "odk-central-inwoners-adviesaanvraag.csv",
          "qualtrics-insights-inwoners-adviesaanvraag.csv", "qualtrics-inwoners-melding.csv",
          "qualtrics-legacy-inwoners-adviesaanvraag.csv", "surveymonkey-inwoners-adviesaanvraag.csv",
          "surveymonkey-mac-excel-inwoners-adviesaanvraag.csv", "typeform-inwoners-adviesaanvraag.csv",
        ].map { "\(folder)/\($0)" })
    #expect(
      values("responses", in: run.stdout) == [
        "2", "3", "3", "4", "3", "5", "3", "3", "3", "3", "3", "4", "3", "6", "3", "4",
      ])
    #expect(!values("layout", in: run.stdout).contains { $0.hasPrefix("generic") })
  }

  @Test func layoutGivenWithTheOptionIsUsedOnAProjectExport() throws {
    let run = try inspect(["--layout", "generic", Self.projectFile("qualtrics-legacy-inwoners-adviesaanvraag.csv")])
    #expect(run.exitCode == 0, "\(run)")
    #expect(values("layout", in: run.stdout) == ["generic table (one header row), as given with --layout"])
    #expect(values("responses", in: run.stdout) == ["4"], "the second header row counts as a response")
  }

  @Test func missingFileIsAnErrorAndTheProjectExportIsInspected() throws {
    let run = try inspect(["no-such-export.csv", Self.projectFile("odk-briefcase-inwoners-adviesaanvraag.csv")])
    #expect(run.exitCode == 1, "\(run)")
    #expect(run.stderr == "no-such-export.csv: error: no such file or folder\n")
    #expect(values("layout", in: run.stdout) == ["ODK (1 header row)"])
  }
}
