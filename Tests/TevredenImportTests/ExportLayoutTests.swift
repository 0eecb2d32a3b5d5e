import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore
@testable import TevredenImport

/// Layout detection from the first rows of real platform exports (`shared/fixtures/exports`, where present) and of
/// the project's own exports of every layout (`Tests/EndToEndTests/PlatformExports`).
@Suite struct ExportLayoutTests {
  /// The first rows of a shared CSV fixture (UTF-8, else Latin-1 for the non-UTF-8 SurveyMonkey files).
  func rows(_ path: String, delimiter: Unicode.Scalar = ",") throws -> [[String]] {
    try rows(of: sharedExportsFolder.appendingPathComponent(path), delimiter: delimiter)
  }

  /// The first rows of a CSV file (UTF-8, else Latin-1 for files in Windows-1252).
  func rows(of url: URL, delimiter: Unicode.Scalar = ",") throws -> [[String]] {
    let data = try Data(contentsOf: url)
    var text = String(data: data, encoding: .utf8) ?? String(decoding: data.map { $0 }, as: Unicode.ASCII.self)
    if String(data: data, encoding: .utf8) == nil, let latin = String(data: data, encoding: .isoLatin1) { text = latin }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    return try CSVReader.parse(text, delimiter: delimiter).prefix(6).map(\.fields)
  }

  @Test(
    .requiresSharedExports,
    arguments: [
      ("qualtrics/qualtrics-3header-importid-german-labels.csv", SurveyPlatform.qualtrics, 3, "ResponseId" as String?),
      ("qualtrics/qualtrics-2016-insights-3header-matrix-dictimportid.csv", .qualtrics, 3, "ResponseID"),
      ("qualtrics/qualtrics-legacy-2header-bom.csv", .qualtrics, 2, "ResponseID"),
      ("qualtrics/qualtrics-2016-legacy-2header-matrix-bom-dupcols.csv", .qualtrics, 2, "ResponseID"),
      ("surveymonkey/surveymonkey-2header-steak-response-row-html.csv", .surveyMonkey, 2, "RespondentID"),
      (
        "surveymonkey/surveymonkey-2header-starwars-multiselect-matrix-cr-eol-nonutf8.csv", .surveyMonkey, 2,
        "RespondentID"
      ),
      ("surveymonkey/surveymonkey-2header-startenddate-mdyy-other-specify-nonutf8.csv", .surveyMonkey, 2, nil),
      ("googleforms/googleforms-csv-crlf-semicolon-checkbox-ampm-tz.csv", .googleForms, 1, nil),
      ("limesurvey/limesurvey-csv-allquoted-dutch-codes-partial-json-cells.csv", .limeSurvey, 1, "id"),
      ("limesurvey/limesurvey-rexport-datafile-bom-fulltext-headers-dualscale.csv", .limeSurvey, 1, "Response ID"),
      ("typeform/typeform-2016-csv-token-col-multiselect-percolumn-quoted-newlines.csv", .typeform, 1, "#"),
      ("odk/odk-briefcase-choice-lists.csv", .odk, 1, "KEY"),
      ("odk/odk-briefcase-all-data-types.csv", .odk, 1, "KEY"),
    ])
  func detectsThePlatformHeaderRowsAndResponseID(
    path: String, platform: SurveyPlatform, headerRows: Int, responseID: String?
  ) throws {
    let layout = ExportLayout.detect(try rows(path))
    #expect(layout.platform == platform)
    #expect(layout.headerRowCount == headerRows)
    #expect(layout.responseIDColumn.map { layout.columnNames[$0].contains(responseID ?? "") } ?? (responseID == nil))
  }

  @Test(.requiresSharedExports) func qualtricsColumnsGoByTagTextAndImportID() throws {
    let layout = ExportLayout.detect(try rows("qualtrics/qualtrics-3header-importid-german-labels.csv"))
    #expect(layout.columnNames[8] == ["ResponseId", "Antwort-ID", "_recordId"])
    #expect(layout.finishedColumn == 6)
    #expect(layout.startedColumn == 0)
    #expect(layout.completedColumn == 7)
  }

  @Test(.requiresSharedExports) func surveyMonkeySubColumnsCarryTheirQuestionAndChoice() throws {
    let layout = ExportLayout.detect(
      try rows("surveymonkey/surveymonkey-2header-starwars-multiselect-matrix-cr-eol-nonutf8.csv"))
    #expect(
      layout.columnNames[3].last
        == "Which of the following Star Wars films have you seen? Please select all that apply.")
    #expect(layout.columnNames[4].last == layout.columnNames[3].last, "the question is filled forward")
    #expect(layout.columnNames[4][1] != layout.columnNames[3][1], "each choice is its own column")
  }

  @Test func ownFormatAndForcedLayouts() {
    let own = ExportLayout.detect([["response_id", "questionnaire", "version", "started_at", "completed_at", "cijfer"]])
    #expect(own.platform == .tevreden)
    #expect(own.responseIDColumn == 0)
    #expect(own.completedColumn == 4)
    let forced = ExportLayout.detect([["Timestamp", "Q1"]], forced: .generic)
    #expect(forced.platform == .generic)
    #expect(ExportLayout.detect([["a", "b"], ["1", "2"]]).platform == .generic)
  }

  /// LimeSurvey's heading type "question code and question text": detected by its codes, with or without
  /// `--layout limesurvey`, each column going by its code and its text.
  @Test(arguments: [nil, SurveyPlatform.limeSurvey])
  func limeSurveyCodeDotTextHeadings(forced: SurveyPlatform?) {
    let layout = ExportLayout.detect(
      [
        [
          "id. Response ID", "submitdate. Date submitted", "lastpage. Last page", "startdate. Date started",
          "G01Q01. Wilt u meedoen?", "G01Q05[SQ001]. Hoe had u contact? [Telefoon]", "G01Q08. Welk cijfer? (1-10)",
        ],
        ["12", "2026-03-11 14:20:05", "4", "2026-03-11 14:09:51", "Ja", "Y", "8"],
      ], forced: forced)
    #expect(layout.platform == .limeSurvey)
    #expect(layout.headerRowCount == 1)
    #expect(layout.responseIDColumn == 0)
    #expect(layout.completedColumn == 1)
    #expect(layout.startedColumn == 3)
    #expect(layout.columnNames[4] == ["G01Q01", "Wilt u meedoen?"])
    #expect(layout.columnNames[5] == ["G01Q05[SQ001]", "Hoe had u contact? [Telefoon]"])
    #expect(layout.columnNames[6] == ["G01Q08", "Welk cijfer? (1-10)"])
  }

  /// Numbered questions ("1. Hoe …") are not LimeSurvey's code headings: those need LimeSurvey's own columns.
  @Test func numberedQuestionsAreNoCodeHeadings() {
    #expect(ExportLayout.limeSurveyCodesAndTexts(["Q1. Hoe tevreden?", "Q2. Welk cijfer?", "Datum"]) == nil)
    #expect(ExportLayout.limeSurveyCodesAndTexts(["id", "submitdate", "G01Q01"]) == nil)
    let layout = ExportLayout.detect([["Tijdstempel", "1. Hoe tevreden?", "2. Welk cijfer?"]])
    #expect(layout.platform == .googleForms)
  }

  /// The tables of ODK and KoboToolbox repeat groups link each row to its submission; the main tables do not.
  @Test func repeatGroupTablesAreKnownByTheirParentColumn() {
    let briefcase = ExportLayout.detect([
      ["kind-leeftijd", "PARENT_KEY", "KEY", "SET-OF-kind"], ["7", "uuid:1", "", ""],
    ])
    #expect(briefcase.platform == .odk)
    #expect(briefcase.repeatGroupParentColumn == 1)
    let kobo = ExportLayout.detect([["leeftijd", "_index", "_parent_table_name", "_parent_index", "_submission__uuid"]])
    #expect(kobo.platform == .koboToolbox)
    #expect(kobo.repeatGroupParentColumn == 3)
    #expect(kobo.repeatGroupDescription?.hasPrefix("a repeat group of a KoboToolbox form") == true)
    let mainTables = [
      ["SubmissionDate", "start", "groep-cijfer", "meta-instanceID", "KEY"],
      ["start", "end", "groep/cijfer", "_id", "_uuid", "_submission_time", "_index"],
    ]
    for header in mainTables { #expect(ExportLayout.detect([header]).repeatGroupParentColumn == nil) }
  }

  @Test func microsoftFormsAndKoboHeaders() {
    let forms = ExportLayout.detect([["Id", "Start time", "Completion time", "Email", "Name", "Rapportcijfer"]])
    #expect(forms.platform == .microsoftForms)
    #expect(forms.responseIDColumn == 0)
    #expect(forms.completedColumn == 2)
    let kobo = ExportLayout.detect([["start", "end", "groep/cijfer", "_id", "_uuid", "_submission_time"]])
    #expect(kobo.platform == .koboToolbox)
    #expect(kobo.columnNames[2] == ["groep/cijfer", "cijfer"])
    #expect(kobo.responseIDColumn == 4)
  }

  @Test func typeformAndKoboSubmissionTimesAreUTCAndODKHasAStartColumn() {
    let typeform = ExportLayout.detect([["#", "Vraag", "Start Date (UTC)", "Submit Date (UTC)", "Network ID"]])
    #expect(typeform.utcColumns == [2, 3])
    let kobo = ExportLayout.detect([["start", "end", "groep/cijfer", "_uuid", "_submission_time"]])
    #expect(kobo.utcColumns == [4], "start and end carry their offset")
    let odk = ExportLayout.detect([["SubmissionDate", "start", "end", "groep-cijfer", "meta-instanceID", "KEY"]])
    #expect(odk.platform == .odk)
    #expect(odk.startedColumn == 1)
    #expect(odk.completedColumn == 0)
    #expect(odk.utcColumns.isEmpty, "ODK writes its zone")
    #expect(ExportLayout.detect([["Timestamp", "Vraag"]]).utcColumns.isEmpty)
  }
}

/// The same detection over the project's own exports, which every clone has: each layout the shared exports show,
/// with the header rows, response id, time and finished columns and the names each column goes by.
extension ExportLayoutTests {
  @Test(
    arguments: [
      ("qualtrics-inwoners-melding.csv", SurveyPlatform.qualtrics, 3, "ResponseId" as String?, ","),
      ("qualtrics-insights-inwoners-adviesaanvraag.csv", .qualtrics, 3, "ResponseID", ","),
      ("qualtrics-legacy-inwoners-adviesaanvraag.csv", .qualtrics, 2, "ResponseID", ","),
      ("surveymonkey-inwoners-adviesaanvraag.csv", .surveyMonkey, 2, "Respondent ID", ","),
      ("surveymonkey-mac-excel-inwoners-adviesaanvraag.csv", .surveyMonkey, 2, nil, ","),
      ("googleforms-inwoners-adviesaanvraag.csv", .googleForms, 1, nil, ","),
      ("googleforms-ketenpartners-politie-semicolon-windows1252.csv", .googleForms, 1, nil, ";"),
      ("limesurvey-inwoners-adviesaanvraag-codes.csv", .limeSurvey, 1, "id", ","),
      ("limesurvey-inwoners-adviesaanvraag-fulltext.csv", .limeSurvey, 1, "Response ID", ","),
      ("typeform-inwoners-adviesaanvraag.csv", .typeform, 1, "#", ","),
      ("kobo-inwoners-adviesaanvraag-semicolon.csv", .koboToolbox, 1, "_uuid", ";"),
      ("odk-central-inwoners-adviesaanvraag.csv", .odk, 1, "KEY", ","),
      ("odk-briefcase-inwoners-adviesaanvraag.csv", .odk, 1, "KEY", ","),
    ] as [(String, SurveyPlatform, Int, String?, Unicode.Scalar)])
  func detectsThePlatformHeaderRowsAndResponseIDOfProjectExports(
    file: String, platform: SurveyPlatform, headerRows: Int, responseID: String?, delimiter: Unicode.Scalar
  ) throws {
    let layout = ExportLayout.detect(try rows(of: projectExport(file), delimiter: delimiter))
    #expect(layout.platform == platform)
    #expect(layout.headerRowCount == headerRows)
    #expect(layout.responseIDColumn.map { layout.columnNames[$0].contains(responseID ?? "") } ?? (responseID == nil))
  }

  @Test func qualtricsColumnsOfProjectExportsGoByTagTextAndImportID() throws {
    let current = ExportLayout.detect(try rows(of: projectExport("qualtrics-inwoners-melding.csv")))
    #expect(current.columnNames[8] == ["ResponseId", "Response ID", "_recordId"])
    #expect(current.finishedColumn == 6)
    #expect(current.startedColumn == 0)
    #expect(current.completedColumn == 7)
    // 2016: `{'ImportId': 'QID1'}`, single quotes and a space.
    let insights = ExportLayout.detect(try rows(of: projectExport("qualtrics-insights-inwoners-adviesaanvraag.csv")))
    #expect(
      insights.columnNames[11] == ["Q1", "Wilt u meedoen aan deze korte vragenlijst over Veilig Thuis?", "QID1"])
    #expect(insights.columnNames[29].last == "Location-LocationAccuracy")
    #expect(insights.finishedColumn == 9)
    #expect(insights.startedColumn == 3)
    #expect(insights.completedColumn == 4)
    // Legacy: the names in the second row, V1…V10 or question ids above them.
    let legacy = ExportLayout.detect(try rows(of: projectExport("qualtrics-legacy-inwoners-adviesaanvraag.csv")))
    #expect(legacy.columnNames[0] == ["ResponseID", "V1"])
    #expect(
      legacy.columnNames[12] == ["Hoe had u contact met Veilig Thuis? U mag meer dan één antwoord kiezen.", "Q3"])
    #expect(legacy.finishedColumn == 9)
    #expect(legacy.startedColumn == 7)
    #expect(legacy.completedColumn == 8)
  }

  @Test(arguments: ["surveymonkey-inwoners-adviesaanvraag.csv", "surveymonkey-mac-excel-inwoners-adviesaanvraag.csv"])
  func surveyMonkeySubColumnsOfProjectExportsCarryTheirQuestionAndChoice(_ file: String) throws {
    let layout = ExportLayout.detect(try rows(of: projectExport(file)))
    let question = "Hoe had u contact met Veilig Thuis? U mag meer dan één antwoord kiezen."
    let first = try #require(layout.columnNames.firstIndex { $0.last == question })
    #expect(layout.columnNames[first] == ["\(question) - Telefoon", "Telefoon", question])
    #expect(layout.columnNames[first + 1].last == question, "the question is filled forward")
    #expect(layout.columnNames[first + 1][1] == "Chat", "each choice is its own column")
    #expect(layout.columnNames[first + 4][1] == "Other (please specify)")
    #expect(layout.columnNames[first + 5] == ["Waren er kinderen bij betrokken?"], "a plain answer keeps its question")
  }
}

@Suite struct SurveyMonkeyHeaderRowsTests {
  static let header = ["Respondent ID", "Collector ID", "Start Date", "End Date", "Welk rapportcijfer geeft u?"]

  @Test func theSecondRowIsASubHeaderOnlyWhenItNamesAnswers() {
    let twoRows = ExportLayout.detect([
      Self.header, ["", "", "", "", "Response"], ["114227191234", "431", "03/10/2026 10:00", "03/10/2026 10:05", "8"],
    ])
    #expect(twoRows.platform == .surveyMonkey && twoRows.headerRowCount == 2)
    // One header row: the first respondent is a response, not part of the column names.
    let oneRow = ExportLayout.detect([
      Self.header, ["114227191234", "431", "03/10/2026 10:00", "03/10/2026 10:05", "8"],
      ["114227191235", "431", "03/11/2026 09:00", "03/11/2026 09:04", "7"],
    ])
    #expect(oneRow.platform == .surveyMonkey && oneRow.headerRowCount == 1)
    #expect(oneRow.columnNames[4] == ["Welk rapportcijfer geeft u?"])
    #expect(!oneRow.columnNames.joined().contains("114227191234"))
  }
}
