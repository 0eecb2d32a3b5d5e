import Foundation
import Testing
import TevredenCore
import TevredenTables
import TevredenTestSupport

@testable import TevredenImport

/// `ExportInspection` over the project's own exports, as `ExportInspectionTests` does over the real ones in
/// the shared fixtures: layout, header rows, responses, encoding, delimiter, id and time columns, value types and personal
/// data, for every platform. Numbers counted with Python's `csv` module and from the sheet XML.
@Suite struct ProjectExportInspectionTests {
  typealias Expectation = ExportInspectionTests.Expectation

  static let expectations: [Expectation] = [
    Expectation(
      path: "qualtrics-inwoners-melding.csv", platform: .qualtrics, headerRows: 3, responses: 4, hasBOM: true,
      columnCount: 34, responseID: (8, "ResponseId"), started: 0, completed: 7,
      types: [(0, .dateTime), (4, .integer), (6, .yesNo), (8, .text), (13, .decimal), (17, .yesNo), (31, .integer)],
      filled: [(24, 1), (32, 1)],
      personalData: [
        3: .ipAddress, 9: .recipientReference, 10: .recipientReference, 11: .email, 12: .recipientReference,
        13: .location, 14: .location,
      ]),
    Expectation(
      path: "qualtrics-legacy-inwoners-adviesaanvraag.csv", platform: .qualtrics, headerRows: 2, responses: 3,
      hasBOM: true, columnCount: 30, responseID: (0, "ResponseID"), started: 7, completed: 8,
      types: [(0, .text), (6, .integer), (7, .dateTime), (9, .yesNo), (24, .integer), (26, .decimal), (29, .empty)],
      filled: [(25, 1), (29, 0)],
      personalData: [
        2: .name, 3: .recipientReference, 4: .email, 5: .ipAddress, 26: .location, 27: .location, 28: .location,
      ]),
    Expectation(
      path: "qualtrics-insights-inwoners-adviesaanvraag.csv", platform: .qualtrics, headerRows: 3, responses: 3,
      columnCount: 30, responseID: (0, "ResponseID"), started: 3, completed: 4,
      types: [(1, .label), (3, .dateTime), (9, .yesNo), (10, .integer), (25, .integer), (27, .decimal)],
      filled: [(23, 1), (26, 2)],
      personalData: [
        2: .ipAddress, 5: .recipientReference, 6: .recipientReference, 7: .email, 8: .recipientReference,
        27: .location, 28: .location, 29: .location,
      ]),
    Expectation(
      path: "surveymonkey-inwoners-adviesaanvraag.csv", platform: .surveyMonkey, headerRows: 2, responses: 6,
      columnCount: 29, responseID: (0, "Respondent ID"), started: 2, completed: 3,
      types: [(0, .integer), (2, .dateTime), (8, .empty), (9, .yesNo), (10, .label), (15, .text), (27, .integer)],
      filled: [(12, 2), (15, 1)],
      personalData: [4: .ipAddress, 5: .email, 6: .name, 7: .name]),
    Expectation(
      path: "surveymonkey-mac-excel-inwoners-adviesaanvraag.csv", platform: .surveyMonkey, headerRows: 2,
      responses: 3, encoding: .windows1252, columnCount: 23, started: 0, completed: 1,
      types: [(0, .dateTime), (1, .dateTime), (3, .yesNo), (9, .empty), (12, .label), (21, .integer)],
      filled: [(5, 1), (9, 0)],
      personalData: [2: .ipAddress]),
    Expectation(
      path: "googleforms-inwoners-adviesaanvraag.csv", platform: .googleForms, headerRows: 1, responses: 3,
      columnCount: 17, completed: 0,
      types: [(0, .dateTime), (3, .text), (4, .yesNo), (15, .integer), (16, .text)],
      filled: [(1, 2), (16, 2)],
      personalData: [1: .name]),
    Expectation(
      path: "googleforms-inwoners-adviesaanvraag-sheet.xlsx", platform: .googleForms, headerRows: 1, responses: 2,
      format: .xlsx, encoding: nil, delimiter: nil, columnCount: 17, completed: 0,
      types: [(0, .dateTime), (4, .yesNo), (15, .integer)],
      personalData: [1: .email]),
    Expectation(
      path: "googleforms-ketenpartners-politie-semicolon-windows1252.csv", platform: .googleForms, headerRows: 1,
      responses: 3, encoding: .windows1252, delimiter: .semicolon, columnCount: 17, completed: 0,
      types: [(0, .dateTime), (3, .yesNo), (7, .label), (15, .decimalComma)],
      filled: [(1, 1), (12, 1)],
      personalData: [1: .email]),
    Expectation(
      path: "msforms-inwoners-adviesaanvraag.xlsx", platform: .microsoftForms, headerRows: 1, responses: 3,
      format: .xlsx, encoding: nil, delimiter: nil, columnCount: 20, responseID: (0, "Id"), started: 1, completed: 2,
      types: [(0, .integer), (1, .dateTime), (2, .dateTime), (4, .empty), (5, .label), (18, .integer)],
      personalData: [3: .email, 4: .name]),
    Expectation(
      path: "limesurvey-inwoners-adviesaanvraag-codes.csv", platform: .limeSurvey, headerRows: 1, responses: 5,
      columnCount: 30, responseID: (0, "id"), started: 5, completed: 1,
      types: [(0, .integer), (1, .dateTime), (3, .label), (10, .yesNo), (25, .integer), (27, .text), (29, .decimal)],
      filled: [(1, 4), (10, 3), (27, 1)],
      personalData: [7: .ipAddress]),
    Expectation(
      path: "limesurvey-inwoners-adviesaanvraag-fulltext.csv", platform: .limeSurvey, headerRows: 1, responses: 3,
      hasBOM: true, columnCount: 27, responseID: (0, "Response ID"), started: 5, completed: 1,
      types: [(0, .integer), (1, .dateTime), (3, .label), (8, .yesNo), (11, .yesNo), (25, .integer)],
      filled: [(1, 2), (11, 1)],
      personalData: [7: .ipAddress]),
    Expectation(
      path: "typeform-inwoners-adviesaanvraag.csv", platform: .typeform, headerRows: 1, responses: 4, columnCount: 24,
      responseID: (0, "#"), started: 21, completed: 22,
      types: [(0, .text), (1, .integer), (4, .label), (7, .yesNo), (10, .integer), (19, .text), (21, .dateTime)],
      filled: [(4, 2), (22, 3)],
      personalData: [20: .email]),
    Expectation(
      path: "kobo-inwoners-adviesaanvraag-semicolon.csv", platform: .koboToolbox, headerRows: 1, responses: 4,
      delimiter: .semicolon, columnCount: 39, responseID: (30, "_uuid"), started: 0, completed: 31,
      types: [(0, .dateTime), (3, .yesNo), (7, .yesNo), (12, .integer), (29, .integer), (32, .empty)],
      filled: [(19, 2), (32, 0)],
      personalData: [
        23: .phone, 24: .location, 25: .location, 26: .location, 27: .location, 28: .location,
      ]),
    Expectation(
      path: "kobo-inwoners-adviesaanvraag.xlsx", platform: .koboToolbox, headerRows: 1, responses: 3, format: .xlsx,
      encoding: nil, delimiter: nil, columnCount: 26, responseID: (20, "_uuid"), started: 0, completed: 21,
      types: [(0, .dateTime), (2, .yesNo), (6, .integer), (16, .decimal), (22, .empty), (25, .integer)],
      filled: [(14, 2)],
      personalData: [18: .phone]),
    Expectation(
      path: "odk-central-inwoners-adviesaanvraag.csv", platform: .odk, headerRows: 1, responses: 3, columnCount: 38,
      responseID: (28, "KEY"), started: 1, completed: 0,
      types: [(0, .dateTime), (1, .dateTime), (3, .yesNo), (12, .integer), (23, .decimal), (33, .empty)],
      personalData: [23: .location, 24: .location, 25: .location, 26: .location, 30: .name]),
    Expectation(
      path: "odk-briefcase-inwoners-adviesaanvraag.csv", platform: .odk, headerRows: 1, responses: 3,
      columnCount: 29, responseID: (28, "KEY"), started: 1, completed: 0,
      types: [(0, .dateTime), (2, .dateTime), (5, .text), (7, .yesNo), (21, .integer), (26, .decimal)],
      filled: [(19, 1)],
      personalData: [23: .location, 24: .location, 25: .location, 26: .location]),
  ]

  static let jsonExports = ["surveymonkey-api-v3-responses-bulk.json", "typeform-api-responses.json"]

  @Test(arguments: expectations)
  func inspectsExport(_ expected: Expectation) throws {
    try ExportInspectionTests.check(expected, inspecting: projectExport(expected.path))
  }

  /// The files whose personal-data columns are listed exactly: no other column is flagged. Inspection knows no
  /// questionnaire, so the other files' per-option columns headed `… Telefoon` and `… E-mail` (options of
  /// contact_via) are flagged as well; the import maps them to their item (`PlatformImportTests`).
  @Test(
    arguments: expectations.filter { expected in
      [
        "qualtrics", "googleforms", "msforms", "limesurvey-inwoners-adviesaanvraag-codes",
        "kobo-inwoners-adviesaanvraag.xlsx",
      ]
      .contains { expected.path.hasPrefix($0) }
    })
  func flagsExactlyThePersonalDataColumns(_ expected: Expectation) throws {
    let inspection = try ExportInspection(contentsOf: projectExport(expected.path))
    #expect(Set(inspection.personalDataColumns.map(\.index)) == Set(expected.personalData.keys))
  }

  @Test(arguments: jsonExports)
  func refusesJSONAPIExportsWithOneLine(_ path: String) throws {
    #expect(throws: ExportInspectionError.jsonAPIExport(file: path)) {
      try ExportInspection(contentsOf: projectExport(path), name: path)
    }
  }

  /// Every table and JSON file among the project's exports has an expectation here, so a new one is not silently
  /// left out.
  @Test func coversEveryProjectExport() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: projectExportsFolder.path).filter {
      ["csv", "tsv", "txt", "xlsx", "json"].contains(($0 as NSString).pathExtension)
    }
    #expect(Set(files) == Set(Self.expectations.map(\.path) + Self.jsonExports))
    #expect(files.count == Self.expectations.count + Self.jsonExports.count)
  }

  @Test func showsTheMostFrequentLabelsAndRanges() throws {
    let inspection = try ExportInspection(contentsOf: projectExport("limesurvey-inwoners-adviesaanvraag-codes.csv"))
    let kinderen = inspection.columns[14]
    #expect(kinderen.names == ["kinderen"])
    #expect(kinderen.distinctCount == 2)
    #expect(kinderen.topValues == [.init(value: "Nee", count: 3), .init(value: "Ja", count: 2)])
    #expect(inspection.columns[0].range == ColumnProfile.ValueRange(lowest: "3", highest: "9"))
    #expect(inspection.columns[25].range == ColumnProfile.ValueRange(lowest: "5", highest: "9"))
    // The unfinished response has no submitdate: four dates.
    #expect(
      inspection.columns[1].range
        == ColumnProfile.ValueRange(lowest: "2026-03-11 14:20:05", highest: "2026-04-08 21:10:10"))
    // Free text (the remarks, the JSON cell) keeps no values.
    for index in [26, 27] {
      #expect(inspection.columns[index].valueType == .text)
      #expect(inspection.columns[index].topValues.isEmpty && inspection.columns[index].range == nil)
    }
  }

  @Test func namesColumnsByEveryHeaderRow() throws {
    let qualtrics = try ExportInspection(contentsOf: projectExport("qualtrics-inwoners-melding.csv"))
    #expect(qualtrics.columns[0].names == ["StartDate", "Start Date", "startDate"])
    #expect(qualtrics.layout.finishedColumn == 6)
    // Legacy: the name row first, then V1…V10 or the question id.
    let legacy = try ExportInspection(contentsOf: projectExport("qualtrics-legacy-inwoners-adviesaanvraag.csv"))
    #expect(legacy.columns[0].names == ["ResponseID", "V1"])
    #expect(legacy.columns[10].names == ["Wilt u meedoen aan deze korte vragenlijst over Veilig Thuis?", "Q1"])
    #expect(legacy.layout.finishedColumn == 9)
    // 2016: the ImportId read from a Python-style dictionary.
    let insights = try ExportInspection(contentsOf: projectExport("qualtrics-insights-inwoners-adviesaanvraag.csv"))
    #expect(
      insights.columns[11].names == ["Q1", "Wilt u meedoen aan deze korte vragenlijst over Veilig Thuis?", "QID1"])
    #expect(insights.columns[29].names.last == "Location-LocationAccuracy")
    #expect(insights.layout.finishedColumn == 9)
    // SurveyMonkey: the question is filled forward over its options.
    let question = "Hoe had u contact met Veilig Thuis? U mag meer dan één antwoord kiezen."
    for file in ["surveymonkey-inwoners-adviesaanvraag.csv", "surveymonkey-mac-excel-inwoners-adviesaanvraag.csv"] {
      let monkey = try ExportInspection(contentsOf: projectExport(file))
      let first = try #require(monkey.columns.firstIndex { $0.names.last == question }, "\(file)")
      #expect(monkey.columns[first].names.first == "\(question) - Telefoon", "\(file)")
      #expect(monkey.columns[first + 1].names == ["\(question) - Chat", "Chat", question], "\(file)")
      #expect(monkey.columns[first + 4].names.first == "\(question) - Other (please specify)", "\(file)")
    }
  }

  @Test func workbookNamesItsSheets() throws {
    let inspection = try ExportInspection(contentsOf: projectExport("kobo-inwoners-adviesaanvraag.xlsx"))
    #expect(inspection.source.sheet == "Adviesaanvraag")
    #expect(inspection.source.sheetNames == ["Adviesaanvraag", "kinderen_info"])
  }

  @Test func forcedLayoutIsUsedAsGiven() throws {
    let inspection = try ExportInspection(
      contentsOf: projectExport("qualtrics-inwoners-melding.csv"), layout: .generic)
    #expect(inspection.isLayoutForced)
    #expect(inspection.layout.platform == .generic)
    #expect(inspection.layout.headerRowCount == 1)
    #expect(inspection.responseCount == 6, "the second and third header rows count as responses")
  }
}
