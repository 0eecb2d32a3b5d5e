import Foundation
import Testing
import TevredenCore
import TevredenTables
import TevredenTestSupport

@testable import TevredenImport

/// `ExportInspection` over every survey-platform sample in `shared/fixtures/exports`, and over small texts that
/// exercise each value type.
///
/// The expected numbers were counted outside Swift: responses and filled cells with Python's `csv` module
/// (`utf-8-sig`, or `cp1252` for the two SurveyMonkey files that are not UTF-8; rows whose cells are all empty left
/// out), workbook rows from the unzipped `xl/worksheets/sheet1.xml`.
@Suite struct ExportInspectionTests {
  struct Expectation: Sendable, CustomTestStringConvertible {
    var path: String
    var platform: SurveyPlatform
    var headerRows: Int
    var responses: Int
    var format: TableFormat = .csv
    var encoding: TextEncoding? = .utf8
    var hasBOM = false
    var delimiter: Delimiter? = .comma
    var columnCount: Int
    /// The 0-based response id column and a name it goes by.
    var responseID: (column: Int, name: String)?
    var started: Int?
    var completed: Int?
    /// (0-based column, type) spot checks.
    var types: [(column: Int, type: ColumnProfile.ValueType)]
    /// (0-based column, filled cells) spot checks.
    var filled: [(column: Int, count: Int)] = []
    /// Every column the importer drops as personal data, by 0-based index.
    var personalData: [Int: PersonalDataKind] = [:]

    var testDescription: String { path }
  }

  static let expectations: [Expectation] = [
    Expectation(
      path: "qualtrics/qualtrics-3header-importid-german-labels.csv", platform: .qualtrics, headerRows: 3,
      responses: 1, columnCount: 20, responseID: (8, "ResponseId"), started: 0, completed: 7,
      types: [(0, .dateTime), (2, .integer), (6, .integer), (8, .text), (13, .decimal), (17, .integer), (19, .empty)],
      filled: [(18, 1), (19, 0)],
      personalData: [
        3: .ipAddress, 9: .recipientReference, 10: .recipientReference, 11: .email, 12: .recipientReference,
        13: .location, 14: .location,
      ]),
    Expectation(
      path: "qualtrics/qualtrics-legacy-2header-bom.csv", platform: .qualtrics, headerRows: 2, responses: 1,
      hasBOM: true, columnCount: 16, responseID: (0, "ResponseID"), started: 7, completed: 8,
      types: [(0, .text), (6, .integer), (7, .dateTime), (10, .integer), (15, .empty)],
      personalData: [
        2: .name, 3: .recipientReference, 4: .email, 5: .ipAddress, 12: .location, 13: .location, 14: .location,
      ]),
    Expectation(
      path: "qualtrics/qualtrics-2016-insights-3header-matrix-dictimportid.csv", platform: .qualtrics, headerRows: 3,
      responses: 5, columnCount: 30, responseID: (0, "ResponseID"), started: 3, completed: 4,
      types: [(1, .label), (3, .dateTime), (11, .integer), (25, .text), (27, .decimal)],
      filled: [(10, 5), (2, 0)],
      personalData: [
        2: .ipAddress, 5: .recipientReference, 6: .recipientReference, 7: .email, 8: .recipientReference,
        27: .location, 28: .location, 29: .location,
      ]),
    Expectation(
      path: "qualtrics/qualtrics-2016-legacy-2header-matrix-bom-dupcols.csv", platform: .qualtrics, headerRows: 2,
      responses: 5, hasBOM: true, columnCount: 30, responseID: (0, "ResponseID"), started: 7, completed: 8,
      types: [(1, .label), (7, .dateTime), (10, .integer), (24, .text), (29, .empty)],
      personalData: [
        2: .name, 3: .recipientReference, 4: .email, 5: .ipAddress, 26: .location, 27: .location, 28: .location,
      ]),
    Expectation(
      path: "surveymonkey/surveymonkey-2header-steak-response-row-html.csv", platform: .surveyMonkey, headerRows: 2,
      responses: 550, columnCount: 15, responseID: (0, "RespondentID"),
      types: [(0, .integer), (1, .label), (2, .yesNo), (9, .label), (14, .label)]),
    Expectation(
      path: "surveymonkey/surveymonkey-2header-starwars-multiselect-matrix-cr-eol-nonutf8.csv",
      platform: .surveyMonkey, headerRows: 2, responses: 1186, encoding: .windows1252, columnCount: 38,
      responseID: (0, "RespondentID"),
      types: [(0, .integer), (1, .yesNo), (3, .label), (9, .integer), (15, .label)],
      filled: [(2, 836), (3, 673)]),
    Expectation(
      path: "surveymonkey/surveymonkey-2header-startenddate-mdyy-other-specify-nonutf8.csv",
      platform: .surveyMonkey, headerRows: 2, responses: 1093, encoding: .windows1252, columnCount: 31,
      started: 0, completed: 1,
      types: [(0, .dateTime), (1, .dateTime), (2, .label), (6, .text), (26, .label)],
      filled: [(0, 1093), (26, 1005)]),
    Expectation(
      path: "googleforms/googleforms-csv-crlf-semicolon-checkbox-ampm-tz.csv", platform: .googleForms, headerRows: 1,
      responses: 5, columnCount: 4, completed: 0,
      types: [(0, .dateTime), (1, .label), (3, .text)],
      personalData: [2: .name]),
    Expectation(
      path: "googleforms/googleforms-responses-sheet-xlsx-serialdates.xlsx", platform: .googleForms, headerRows: 1,
      responses: 3, format: .xlsx, encoding: nil, delimiter: nil, columnCount: 4, completed: 0,
      types: [(0, .dateTime), (2, .dateTime), (3, .text)]),
    Expectation(
      path: "limesurvey/limesurvey-csv-allquoted-dutch-codes-partial-json-cells.csv", platform: .limeSurvey,
      headerRows: 1, responses: 65, columnCount: 27, responseID: (0, "id"), completed: 1,
      types: [(0, .integer), (1, .dateTime), (4, .text), (6, .label), (7, .empty), (25, .yesNo)],
      filled: [(1, 62), (5, 64), (25, 63)]),
    Expectation(
      path: "limesurvey/limesurvey-rexport-datafile-bom-fulltext-headers-dualscale.csv", platform: .limeSurvey,
      headerRows: 1, responses: 7, hasBOM: true, columnCount: 71, responseID: (0, "Response ID"), started: 5,
      completed: 1,
      types: [(0, .integer), (1, .dateTime), (3, .label), (8, .yesNo), (12, .yesNo), (51, .decimal), (53, .empty)],
      filled: [(1, 2), (8, 6)]),
    Expectation(
      path: "typeform/typeform-2016-csv-token-col-multiselect-percolumn-quoted-newlines.csv", platform: .typeform,
      headerRows: 1, responses: 1076, columnCount: 114, responseID: (0, "#"), started: 111, completed: 112,
      types: [(0, .text), (1, .yesNo), (2, .label), (17, .yesNo), (38, .text), (92, .integer), (111, .dateTime)],
      filled: [(17, 218), (38, 817), (92, 1076)]),
    Expectation(
      path: "odk/odk-briefcase-all-data-types.csv", platform: .odk, headerRows: 1, responses: 1, columnCount: 16,
      responseID: (15, "KEY"), completed: 0,
      types: [
        (0, .dateTime), (2, .integer), (3, .decimal), (4, .dateTime), (5, .time), (6, .dateTime), (13, .integer),
      ],
      // The geotrace and geoshape by their values; the barcode 000049499094 reads as an international phone
      // number, and inspection, knowing no questionnaire, errs on the side of never showing it.
      personalData: [
        7: .location, 8: .location, 9: .location, 10: .location, 11: .location, 12: .location, 13: .phone,
      ]),
    Expectation(
      path: "odk/odk-briefcase-choice-lists.csv", platform: .odk, headerRows: 1, responses: 1, columnCount: 10,
      responseID: (9, "KEY"), completed: 0,
      types: [(0, .dateTime), (1, .text), (2, .integer)]),
    Expectation(
      path: "kobotoolbox/kobo-xlsx-xmlheaders-rank-group-columns.xlsx", platform: .koboToolbox, headerRows: 1,
      responses: 7, format: .xlsx, encoding: nil, delimiter: nil, columnCount: 23, responseID: (14, "_uuid"),
      started: 0, completed: 15,
      types: [(0, .dateTime), (3, .decimal), (4, .label), (6, .empty), (13, .integer), (22, .integer)],
      filled: [(5, 5), (7, 1)],
      personalData: [2: .name]),
    Expectation(
      path: "kobotoolbox/kobo-xlsx-nested-repeat-groups-multisheet.xlsx", platform: .koboToolbox, headerRows: 1,
      responses: 3, format: .xlsx, encoding: nil, delimiter: nil, columnCount: 13, responseID: (3, "_uuid"),
      started: 0, completed: 4,
      types: [(0, .dateTime), (2, .integer), (5, .empty), (12, .yesNo)]),
    Expectation(
      path: "microsoftforms/msforms-quiz-xlsx-points-feedback-columns.xlsx", platform: .microsoftForms,
      headerRows: 1, responses: 7, format: .xlsx, encoding: nil, delimiter: nil, columnCount: 37,
      responseID: (0, "ID"), started: 1, completed: 2,
      types: [(0, .integer), (1, .dateTime), (2, .dateTime), (5, .integer), (6, .empty), (7, .label)],
      personalData: [3: .email, 4: .name]),
  ]

  static let jsonExports = [
    "surveymonkey/surveymonkey-api-v3-responses-bulk.json",
    "surveymonkey/surveymonkey-api-v3-survey-details.json",
    "typeform/typeform-api-v1-2016-questions-responses.json",
  ]

  @Test(.requiresSharedExports, arguments: expectations)
  func inspectsExport(_ expected: Expectation) throws {
    try Self.check(expected, inspecting: sharedExport(expected.path))
  }

  /// Inspects an export and checks what `expected` says about it; `ProjectExportInspectionTests` checks the
  /// project's own exports with it too.
  static func check(_ expected: Expectation, inspecting url: URL) throws {
    let inspection = try ExportInspection(contentsOf: url, name: expected.path)
    #expect(inspection.source.file == expected.path)
    #expect(inspection.layout.platform == expected.platform)
    #expect(!inspection.isLayoutForced)
    #expect(inspection.layout.headerRowCount == expected.headerRows)
    #expect(inspection.responseCount == expected.responses)
    #expect(inspection.blankRowCount == 0)
    #expect(inspection.source.format == expected.format)
    #expect(inspection.source.encoding == expected.encoding)
    #expect(inspection.source.hasBOM == expected.hasBOM)
    #expect(inspection.source.delimiter == expected.delimiter)
    #expect(inspection.columns.count == expected.columnCount)
    #expect(inspection.columns.map(\.index) == Array(0..<expected.columnCount))
    #expect(inspection.layout.responseIDColumn == expected.responseID?.column)
    if let responseID = expected.responseID {
      #expect(inspection.columns[responseID.column].names.contains(responseID.name))
    }
    #expect(inspection.layout.startedColumn == expected.started)
    #expect(inspection.layout.completedColumn == expected.completed)
    for (column, type) in expected.types {
      #expect(inspection.columns[column].valueType == type, "column \(column) \(inspection.columns[column].names)")
    }
    for (column, count) in expected.filled {
      #expect(inspection.columns[column].filledCount == count, "column \(column)")
    }
    for column in inspection.columns {
      #expect(column.filledCount <= inspection.responseCount)
      #expect((column.filledCount == 0) == (column.valueType == .empty))
    }
    for (column, kind) in expected.personalData {
      #expect(inspection.columns[column].personalData == kind, "column \(column) \(inspection.columns[column].names)")
    }
    // Privacy: no value of a personal-data column is kept, not even as a range.
    for column in inspection.personalDataColumns {
      #expect(column.topValues.isEmpty && column.range == nil, "column \(column.index)")
    }
  }

  /// The files whose personal-data columns are listed exactly: no other column is flagged. (The Google Forms
  /// sheet's `Enter name` and the LimeSurvey R file's `Please enter your address [Street]` are not recognised by
  /// `PersonalDataColumns` yet, so those two files are not in this list.)
  @Test(
    .requiresSharedExports,
    arguments: expectations.filter { !$0.path.contains("sheet-xlsx") && !$0.path.contains("rexport") })
  func flagsExactlyThePersonalDataColumns(_ expected: Expectation) throws {
    let inspection = try ExportInspection(contentsOf: sharedExport(expected.path))
    #expect(Set(inspection.personalDataColumns.map(\.index)) == Set(expected.personalData.keys))
  }

  @Test(.requiresSharedExports, arguments: jsonExports)
  func refusesJSONAPIExportsWithOneLine(_ path: String) throws {
    #expect(throws: ExportInspectionError.jsonAPIExport(file: path)) {
      try ExportInspection(contentsOf: sharedExport(path), name: path)
    }
    let message = ExportInspectionError.jsonAPIExport(file: path).errorDescription ?? ""
    #expect(message.hasPrefix("\(path): error: "))
    #expect(message.contains("JSON API export"))
    #expect(message.contains("CSV or XLSX"))
    #expect(!message.contains("\n"))
  }

  /// Every table and JSON file in the shared exports folder has an expectation here, so a new sample is not
  /// silently left out.
  @Test(.requiresSharedExports) func coversEveryExportFixture() throws {
    let enumerator = try #require(FileManager.default.enumerator(atPath: sharedExportsFolder.path))
    var files: [String] = []
    while let name = enumerator.nextObject() as? String {
      if ["csv", "tsv", "txt", "xlsx", "json"].contains((name as NSString).pathExtension) { files.append(name) }
    }
    #expect(files.count == Self.expectations.count + Self.jsonExports.count)
    #expect(Set(files) == Set(Self.expectations.map(\.path) + Self.jsonExports))
  }

  @Test(.requiresSharedExports) func showsTheMostFrequentLabelsAndRanges() throws {
    let inspection = try ExportInspection(
      contentsOf: sharedExport("limesurvey/limesurvey-csv-allquoted-dutch-codes-partial-json-cells.csv"))
    let gender = inspection.columns[6]
    #expect(gender.names == ["Geslacht"])
    #expect(gender.distinctCount == 2)
    #expect(gender.topValues == [.init(value: "vrouw", count: 36), .init(value: "man", count: 28)])
    #expect(inspection.columns[0].range == ColumnProfile.ValueRange(lowest: "6", highest: "73"))
    #expect(inspection.columns[5].range == ColumnProfile.ValueRange(lowest: "13", highest: "99"))
    // The LimeSurvey placeholder for "no date stamp" is the only date.
    #expect(
      inspection.columns[1].range
        == ColumnProfile.ValueRange(lowest: "1980-01-01 00:00:00", highest: "1980-01-01 00:00:00"))
    // Free text keeps no values.
    #expect(inspection.columns[4].valueType == .text)
    #expect(inspection.columns[4].topValues.isEmpty && inspection.columns[4].range == nil)
  }

  @Test(.requiresSharedExports) func namesColumnsByEveryHeaderRow() throws {
    let qualtrics = try ExportInspection(
      contentsOf: sharedExport("qualtrics/qualtrics-3header-importid-german-labels.csv"))
    #expect(qualtrics.columns[0].names == ["StartDate", "Anfangsdatum", "startDate"])
    #expect(qualtrics.layout.finishedColumn == 6)
    let monkey = try ExportInspection(
      contentsOf: sharedExport("surveymonkey/surveymonkey-2header-starwars-multiselect-matrix-cr-eol-nonutf8.csv"))
    let question = "Which of the following Star Wars films have you seen? Please select all that apply."
    #expect(monkey.columns[3].names.last == question)
    #expect(monkey.columns[3].names.first == "\(question) - Star Wars: Episode I  The Phantom Menace")
    #expect(monkey.columns[4].names.last == question)
  }

  @Test(.requiresSharedExports) func workbookNamesItsSheets() throws {
    let inspection = try ExportInspection(
      contentsOf: sharedExport("kobotoolbox/kobo-xlsx-nested-repeat-groups-multisheet.xlsx"))
    #expect(inspection.source.sheet == "Inventory Form")
    #expect(inspection.source.sheetNames == ["Inventory Form", "categories", "items", "suppliers"])
  }

  @Test(.requiresSharedExports) func forcedLayoutIsUsedAsGiven() throws {
    let inspection = try ExportInspection(
      contentsOf: sharedExport("qualtrics/qualtrics-3header-importid-german-labels.csv"), layout: .generic)
    #expect(inspection.isLayoutForced)
    #expect(inspection.layout.platform == .generic)
    #expect(inspection.layout.headerRowCount == 1)
    #expect(inspection.responseCount == 3)
  }

  // MARK: Value types on small texts

  /// Inspects CSV text held in memory.
  func inspect(_ text: String, layout: SurveyPlatform? = nil) throws -> ExportInspection {
    var reader = try DelimitedReader(bytes: Array(text.utf8))
    return try ExportInspection(reading: &reader, layout: layout)
  }

  @Test func tellsValueTypesApart() throws {
    let inspection = try inspect(
      """
      id;cijfer;gemiddelde;tijd;datum;akkoord;vinkje;keuze;toelichting;leeg;mix
      1;7;7,5;08:15;10-03-2026;ja;1;Tevreden;Fijn gesprek gehad;;3
      2;8;6;8:30 PM;2026-03-11T09:00:00;Nee;0;Tevreden;Duurde lang;;drie
      3;-1;8,25;23:59:59;3/12/2026 2:05 PM;JA;1;Ontevreden;Goed geholpen;;
      4;10;9;12:00;2026-03-13;nee;0;Tevreden;Prima;;

      """)
    #expect(inspection.source.delimiter == .semicolon)
    #expect(inspection.layout.platform == .generic)
    #expect(inspection.responseCount == 4)
    let types = inspection.columns.map(\.valueType)
    #expect(
      types == [.integer, .integer, .decimalComma, .time, .dateTime, .yesNo, .yesNo, .label, .text, .empty, .text])
    #expect(inspection.columns[1].range == ColumnProfile.ValueRange(lowest: "-1", highest: "10"))
    #expect(inspection.columns[2].range == ColumnProfile.ValueRange(lowest: "6", highest: "9"))
    #expect(inspection.columns[4].range == ColumnProfile.ValueRange(lowest: "10-03-2026", highest: "2026-03-13"))
    #expect(
      inspection.columns[7].topValues == [.init(value: "Tevreden", count: 3), .init(value: "Ontevreden", count: 1)])
    #expect(inspection.columns[10].filledCount == 2)
  }

  @Test func decimalPointAndCommaDoNotMix() throws {
    let inspection = try inspect("a,b,c\n1.5,\"1,5\",2\n2,\"2,5\",2.5\n3,\"3,25\",\"2,5\"\n")
    #expect(inspection.columns.map(\.valueType) == [.decimal, .decimalComma, .text])
  }

  @Test func onlyZeroOrOnlyOneIsAnInteger() throws {
    let inspection = try inspect("a,b,c\n0,1,1\n0,1,0\n0,1,2\n")
    #expect(inspection.columns.map(\.valueType) == [.integer, .integer, .integer])
    #expect(try inspect("a\n1\n0\n").columns[0].valueType == .yesNo)
  }

  @Test func blankRowsAndCellsBeyondTheHeaderAreCounted() throws {
    let inspection = try inspect("id,q1\n1,a\n,\n2,b,extra\n  ,  \n3,a\n")
    #expect(inspection.responseCount == 3)
    #expect(inspection.blankRowCount == 2)
    #expect(inspection.columns.count == 3)
    #expect(inspection.columns[2].names.isEmpty)
    #expect(inspection.columns[2].displayName == "column 3")
    #expect(inspection.columns[2].filledCount == 1)
  }

  @Test func personalDataValuesAreNeverKept() throws {
    let inspection = try inspect(
      "Naam,E-mailadres,Leeftijd\nJan,jan@example.org,40\nJan,jan@example.org,41\nPiet,piet@example.org,40\n")
    #expect(inspection.columns[0].personalData == .name)
    #expect(inspection.columns[1].personalData == .email)
    #expect(inspection.columns[2].personalData == nil)
    #expect(inspection.columns[0].valueType == .label)
    #expect(inspection.columns[0].topValues.isEmpty)
    #expect(inspection.columns[2].range == ColumnProfile.ValueRange(lowest: "40", highest: "41"))
    #expect(inspection.personalDataColumns.map(\.index) == [0, 1])
  }

  /// Many distinct values: counting stops at the limit (memory stays flat) and the column is free text.
  @Test func manyDistinctValuesAreFreeText() throws {
    var text = "id,opmerking,groep\n"
    for row in 1...5000 { text += "\(row),opmerking nummer \(row),\(["a", "b", "c"][row % 3])\n" }
    let inspection = try inspect(text)
    #expect(inspection.responseCount == 5000)
    #expect(inspection.columns[1].valueType == .text)
    #expect(inspection.columns[1].distinctCount == nil)
    #expect(inspection.columns[2].valueType == .label)
    #expect(inspection.columns[2].distinctCount == 3)
    #expect(inspection.columns[0].range == ColumnProfile.ValueRange(lowest: "1", highest: "5000"))
  }

  /// Personal data under a neutral header is known by its values, as an import knows it, and never shown.
  @Test func columnsOfPersonalDataUnderNeutralHeadersAreKnownByTheirValues() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("export.csv")
    try """
    Tijdstempel,Hoe tevreden bent u?,waar,contact,telefonisch bereikbaar
    2026-03-01 10:00,4,52.3702 4.8952 0 5,j.devries@example.nl,ja
    2026-03-02 10:00,5,52.3712 4.8962 0 5,a.b@example.nl,nee

    """.write(to: url, atomically: true, encoding: .utf8)
    let inspection = try ExportInspection(contentsOf: url, name: "export.csv")
    #expect(inspection.columns.map(\.personalData) == [nil, nil, .location, .email, .phone])
    #expect(inspection.columns[2].topValues.isEmpty && inspection.columns[2].range == nil)
    #expect(!inspection.rendered.contains("52.37"))
    #expect(!inspection.rendered.contains("example.nl"))
  }

  @Test func dutchExcelFileInWindows1252() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("antwoorden.csv")
    // "Cliënt" and "één" in Windows-1252 (ë = EB, é = E9), semicolons and decimal commas as Dutch Excel writes.
    var bytes = Array("respondent;Cli".utf8) + [0xEB] + Array("nt;cijfer\r\n1;".utf8) + [0xE9, 0xE9]
    bytes += Array("n;7,5\r\n2;twee;8\r\n".utf8)
    try Data(bytes).write(to: url)
    let inspection = try ExportInspection(contentsOf: url, name: "antwoorden.csv")
    #expect(inspection.source.encoding == .windows1252)
    #expect(inspection.source.delimiter == .semicolon)
    #expect(inspection.columns.map(\.names) == [["respondent"], ["Cliënt"], ["cijfer"]])
    #expect(inspection.columns[2].valueType == .decimalComma)
    #expect(inspection.responseCount == 2)
  }

  @Test func tellsJSONFromTables() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cases: [(String, Bool)] = [
      ("{\"data\": []}", true), ("\u{FEFF}  [\n {\"id\": 1}]", true), ("[]", true), ("[1, 2]", true),
      ("id,q1\n1,2\n", false), ("[a],[b]\n1,2\n", false), ("{x},y\n1,2\n", false), ("", false),
    ]
    for (index, (text, isJSON)) in cases.enumerated() {
      let url = folder.appendingPathComponent("file\(index).txt")
      try Data(text.utf8).write(to: url)
      #expect(ExportInspection.looksLikeJSON(url) == isJSON, "\(text.debugDescription)")
    }
  }

  @Test func unreadableFilesSayWhy() throws {
    let missing = sharedExportsFolder.appendingPathComponent("no-such-file.csv")
    #expect(throws: ExportInspectionError.self) { try ExportInspection(contentsOf: missing, name: "x.csv") }
    do {
      _ = try ExportInspection(contentsOf: missing, name: "x.csv")
    } catch {
      guard case .unreadable(.unreadableFile(let file, _)) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(file == "x.csv")
    }
  }

  @Test func recognisesTimesOfDay() {
    for text in ["8:56", "08:56:00", "8:56:00 AM", "8:56 p.m.", "23:59:59.5", "12:00pm"] {
      #expect(ColumnAccumulator.isTimeOfDay(text), "\(text)")
    }
    for text in ["8", "8:5", "24:00", "8:60", "+8:00", "8:00:0", "8:00:00.", "a:bc", "8:00 XM", "2026-03-10"] {
      #expect(!ColumnAccumulator.isTimeOfDay(text), "\(text)")
    }
  }
}
