import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenTables

/// Every survey-platform sample in `shared/fixtures/exports` reads, with the encoding, delimiter, record
/// count and cell values checked by hand (Python's `csv` module and the unzipped sheet XML).
@Suite(.requiresSharedExports) struct ExportFixtureTests {
  struct Expectation: Sendable, CustomTestStringConvertible {
    var path: String
    var encoding: TextEncoding
    var hasBOM: Bool
    var delimiter: Delimiter
    var recordCount: Int
    var fieldCount: Int
    /// The line the last record starts on.
    var lastLine: Int
    /// (record index, field index, value) spot checks.
    var cells: [(record: Int, field: Int, value: String)]

    var testDescription: String { path }
  }

  static let csvExpectations: [Expectation] = [
    Expectation(
      path: "qualtrics/qualtrics-3header-importid-german-labels.csv", encoding: .utf8, hasBOM: false,
      delimiter: .comma, recordCount: 4, fieldCount: 20, lastLine: 4,
      cells: [
        (0, 8, "ResponseId"), (1, 9, "Nachname des Empfängers"), (2, 17, "{\"ImportId\":\"QID1\"}"),
        (3, 8, "R_2YPOQ602ER1jkf1"), (3, 18, "Hello World!"), (3, 19, ""),
      ]),
    Expectation(
      path: "qualtrics/qualtrics-legacy-2header-bom.csv", encoding: .utf8, hasBOM: true, delimiter: .comma,
      recordCount: 3, fieldCount: 16, lastLine: 3,
      cells: [(0, 0, "V1"), (1, 0, "ResponseID"), (2, 1, "Standard-Antwortsatz"), (2, 14, "-1"), (2, 15, "")]),
    Expectation(
      path: "qualtrics/qualtrics-2016-insights-3header-matrix-dictimportid.csv", encoding: .utf8, hasBOM: false,
      delimiter: .comma, recordCount: 8, fieldCount: 30, lastLine: 8,
      cells: [
        (2, 0, "{'ImportId': 'responseId'}"), (2, 29, "{'ImportId': 'Location-LocationAccuracy'}"),
        (7, 0, "R_0wUVL7ttMUcpJOJ"), (7, 10, "2"),
      ]),
    Expectation(
      path: "qualtrics/qualtrics-2016-legacy-2header-matrix-bom-dupcols.csv", encoding: .utf8, hasBOM: true,
      delimiter: .comma, recordCount: 7, fieldCount: 30, lastLine: 7,
      cells: [
        (0, 0, "V1"), (0, 10, "Q2_1"), (1, 10, "Click to write the question text-Click to write Statement 1"),
        (6, 0, "R_0wUVL7ttMUcpJOJ"), (6, 10, "3"), (6, 29, ""),
      ]),
    Expectation(
      path: "surveymonkey/surveymonkey-2header-steak-response-row-html.csv", encoding: .utf8, hasBOM: false,
      delimiter: .comma, recordCount: 552, fieldCount: 15, lastLine: 552,
      cells: [
        (0, 0, "RespondentID"), (0, 14, "Location (Census Region)"), (1, 0, ""), (1, 1, "Response"),
        (2, 0, "3237565956"), (2, 1, "Lottery B"), (551, 0, "3234760413"), (551, 14, "Mountain"),
      ]),
    Expectation(
      path: "surveymonkey/surveymonkey-2header-starwars-multiselect-matrix-cr-eol-nonutf8.csv",
      encoding: .windows1252, hasBOM: false, delimiter: .comma, recordCount: 1188, fieldCount: 38, lastLine: 1188,
      cells: [
        (0, 0, "RespondentID"), (0, 31, "Do you consider yourself to be a fan of the Expanded Universe?Œæ"),
        (1, 3, "Star Wars: Episode I  The Phantom Menace"), (2, 0, "3292879998"), (1187, 0, "3288372923"),
        (1187, 2, "No"),
      ]),
    Expectation(
      path: "surveymonkey/surveymonkey-2header-startenddate-mdyy-other-specify-nonutf8.csv",
      encoding: .windows1252, hasBOM: false, delimiter: .comma, recordCount: 1095, fieldCount: 31, lastLine: 1095,
      cells: [
        (0, 0, "StartDate"),
        (
          0, 23,
          "To what extent do you agree with the following statement:ë_\"our sex life has improved as a result of "
            + "sleeping in separate beds.\"ë_"
        ),
        (2, 0, "7/10/14 18:37"), (2, 2, "Single, but cohabiting with a significant other"), (1094, 0, "7/9/14 17:45"),
        (1094, 2, "Married"),
      ]),
    Expectation(
      path: "limesurvey/limesurvey-csv-allquoted-dutch-codes-partial-json-cells.csv", encoding: .utf8,
      hasBOM: false, delimiter: .comma, recordCount: 66, fieldCount: 27, lastLine: 66,
      cells: [
        (0, 5, "leeftijd"), (1, 0, "6"), (1, 1, "1980-01-01 00:00:00"), (1, 6, "man"), (65, 0, "73"), (65, 6, "vrouw"),
      ]
    ),
    Expectation(
      path: "limesurvey/limesurvey-rexport-datafile-bom-fulltext-headers-dualscale.csv", encoding: .utf8,
      hasBOM: true, delimiter: .comma, recordCount: 8, fieldCount: 71, lastLine: 8,
      cells: [
        (0, 0, "Response ID"), (0, 9, "How do you identify?"), (1, 1, "2021-09-24 11:39:34"), (7, 3, "nl-informal"),
      ]),
    Expectation(
      path: "googleforms/googleforms-csv-crlf-semicolon-checkbox-ampm-tz.csv", encoding: .utf8, hasBOM: false,
      delimiter: .comma, recordCount: 6, fieldCount: 4, lastLine: 6,
      cells: [
        (0, 0, "Timestamp"), (1, 0, "2023/11/13 4:20:37 pm CET"), (1, 3, "Sunday;Monday"), (5, 3, "Monday;Tuesday"),
      ]),
    Expectation(
      path: "odk/odk-briefcase-all-data-types.csv", encoding: .utf8, hasBOM: false, delimiter: .comma,
      recordCount: 2, fieldCount: 16, lastLine: 2,
      cells: [(0, 0, "SubmissionDate"), (1, 0, "Apr 26, 2018 8:58:20 AM"), (1, 3, "123.456"), (1, 5, "8:56:00 AM")]),
    Expectation(
      path: "odk/odk-briefcase-choice-lists.csv", encoding: .utf8, hasBOM: false, delimiter: .comma,
      recordCount: 2, fieldCount: 10, lastLine: 2,
      cells: [(0, 2, "some_string/CHOICE_1"), (1, 1, "CHOICE_1"), (1, 2, "1"), (1, 3, "0")]),
    Expectation(
      path: "typeform/typeform-2016-csv-token-col-multiselect-percolumn-quoted-newlines.csv", encoding: .utf8,
      hasBOM: false, delimiter: .comma, recordCount: 1077, fieldCount: 114, lastLine: 1100,
      cells: [
        (0, 0, "#"), (0, 113, "Network ID"),
        (
          0, 17,
          "Do you have medical coverage (private insurance or state-provided) which includes treatment of "
            + "\u{A0}mental health issues?"
        ),
        (1, 0, "bbd31ae24e49278ea4f395cc2e4eb18b"), (1, 111, "2016-03-14 13:54:17"), (68, 38, "\n"),
        (1076, 0, "4f85dabf1ebd3384e4b8dc9e9082fb24"), (1076, 113, "99297e2e8a"),
      ]),
  ]

  @Test(arguments: csvExpectations)
  func readsTextExport(_ expected: Expectation) throws {
    try Self.check(expected, reading: sharedExport(expected.path))
  }

  /// Reads a text export whole and checks what `expected` says about it; `ProjectExportReadingTests` checks the
  /// project's own exports with it too.
  static func check(_ expected: Expectation, reading url: URL) throws {
    var reader = try TableFileReader(contentsOf: url)
    let records = try reader.readAll()
    let source = reader.source
    #expect(source.format == .csv)
    #expect(source.encoding == expected.encoding)
    #expect(source.hasBOM == expected.hasBOM)
    #expect(source.delimiter == expected.delimiter)
    #expect(records.count == expected.recordCount)
    #expect(records.allSatisfy { $0.fields.count == expected.fieldCount })
    #expect(records.first?.line == 1)
    #expect(records.last?.line == expected.lastLine)
    for (record, field, value) in expected.cells {
      #expect(records[record].fields[field] == value, "record \(record), field \(field)")
    }
  }

  /// The same files read with a 7-byte chunk give the same records: chunk boundaries fall inside multi-byte
  /// characters, CRLF pairs, quoted fields and `""`.
  @Test(arguments: csvExpectations.map(\.path))
  func readsTextExportInTinyChunks(_ path: String) throws {
    try Self.checkTinyChunks(reading: sharedExport(path))
  }

  /// Reads a file with a 7-byte chunk and whole, and checks that both give the same records and source.
  static func checkTinyChunks(reading url: URL) throws {
    var whole = try TableFileReader(contentsOf: url)
    var chunked = try TableFileReader(contentsOf: url, options: TableReadOptions(chunkSize: 7))
    #expect(try chunked.readAll() == whole.readAll())
    #expect(chunked.source == whole.source)
  }

  @Test func typeformRecordsWithLineBreaksStartOnTheirFirstLine() throws {
    var reader = try TableFileReader(
      contentsOf: sharedExport("typeform/typeform-2016-csv-token-col-multiselect-percolumn-quoted-newlines.csv"))
    let records = try reader.readAll()
    // Records 68, 96 and 165 contain one or two line breaks; the records after them start that much later.
    #expect(records[68].line == 69)
    #expect(records[69].line == 71)
    #expect(records[96].line == 98)
    #expect(records[97].line == 100)
    #expect(records[165].line == 168)
    #expect(records[166].line == 170)
  }

  // MARK: Workbooks

  @Test func readsGoogleFormsSheetWithSerialDates() throws {
    var reader = try TableFileReader(
      contentsOf: sharedExport("googleforms/googleforms-responses-sheet-xlsx-serialdates.xlsx"))
    let records = try reader.readAll()
    #expect(reader.source.format == .xlsx)
    #expect(reader.source.encoding == nil)
    #expect(reader.source.delimiter == nil)
    #expect(reader.source.sheet == "Form responses 1")
    #expect(reader.source.sheetNames == ["Form responses 1"])
    #expect(records.map(\.line) == [1, 2, 3, 4])
    #expect(records[0].fields == ["Timestamp", "Enter name", "When is your birthday?", "Select all that apply"])
    // 45308.755388854166 with format `m/d/yyyy h:mm:ss`; 37384 with built-in format 14.
    #expect(records[1].fields == ["2024-01-17T18:07:46", "Maryam", "2002-05-08T00:00:00", "Option 2, Option 3"])
    #expect(records[2].fields == ["2024-01-17T18:08:12", "Dylan", "2023-07-04T00:00:00", "Option 3,"])
    #expect(records[3].fields[3] == "Option 1, Option 2, Option 3, Option 4")
  }

  @Test func readsKoboSheetWithGapsAndDecimals() throws {
    var reader = try TableFileReader(
      contentsOf: sharedExport("kobotoolbox/kobo-xlsx-xmlheaders-rank-group-columns.xlsx"))
    let records = try reader.readAll()
    #expect(reader.source.sheet == "Kobo Platform Test")
    #expect(records.count == 8)
    #expect(records.allSatisfy { $0.fields.count == 23 })  // A1:W8
    let header = records[0].fields
    #expect(header[3] == "What_about_on_a_scale_of_1_10")
    #expect(header[7] == "rank_them/_1st_choice")
    #expect(header[22] == "_index")
    let first = records[1].fields
    #expect(first[0] == "2024-01-02T13:56:35")  // styled yyyy-mm-dd, but the time is kept
    #expect(first[2] == "test1 name")
    #expect(first[3] == "3.5")
    #expect(first[5] == "2024-01-13T14:00:00")
    #expect(first[6...12].allSatisfy { $0.isEmpty })  // G2…M2 are missing
    #expect(first[13] == "302220039")
    #expect(first[22] == "1")
    #expect(records[4].fields[5] == "None")
    #expect(records[6].fields[7...10] == ["blue", "yellow", "red", "orange"])
    #expect(records[7].fields[11] == "test test test group on kobo")
    #expect(records[7].fields[20] == "vTc6BdnFXKbVxA8RNQYA6p")
  }

  @Test func readsEverySheetOfKoboRepeatGroupExport() throws {
    let url = sharedExport("kobotoolbox/kobo-xlsx-nested-repeat-groups-multisheet.xlsx")
    var main = try TableFileReader(contentsOf: url)
    #expect(main.source.sheetNames == ["Inventory Form", "categories", "items", "suppliers"])
    #expect(main.source.sheet == "Inventory Form")
    let mainRecords = try main.readAll()
    #expect(mainRecords.count == 4)
    #expect(mainRecords[0].fields[12] == "$edited")
    #expect(mainRecords[1].fields[0] == "2024-03-14T20:45:17")
    #expect(mainRecords[1].fields[2] == "321261095")
    #expect(mainRecords[1].fields[4] == "2024-03-14T13:46:06")
    #expect(mainRecords[1].fields[12] == "TRUE")  // t="b"

    var categories = try TableFileReader(contentsOf: url, options: TableReadOptions(sheet: "categories"))
    let categoryRecords = try categories.readAll()
    #expect(categories.source.sheet == "categories")
    #expect(categoryRecords.count == 6)
    #expect(categoryRecords[0].fields[0] == "group_ka9xg61/categories/Category_name")
    #expect(categoryRecords[1].fields[0...2] == ["food", "1", "Inventory Form"])

    var items = try TableFileReader(contentsOf: url, options: TableReadOptions(sheet: "items"))
    let itemRecords = try items.readAll()
    #expect(itemRecords.count == 11)
    #expect(itemRecords.allSatisfy { $0.fields.count == 14 })  // A1:N11
    #expect(itemRecords[1].fields[0...1] == ["30", "watermelon"])  // a number stored as text stays text

    var suppliers = try TableFileReader(contentsOf: url, options: TableReadOptions(sheet: "suppliers"))
    let supplierRecords = try suppliers.readAll()
    #expect(supplierRecords.count == 7)
    #expect(supplierRecords[1].fields[0...1] == ["FoodCo", ""])
  }

  @Test func readsMicrosoftFormsQuizWithTableObject() throws {
    var reader = try TableFileReader(
      contentsOf: sharedExport("microsoftforms/msforms-quiz-xlsx-points-feedback-columns.xlsx"))
    let records = try reader.readAll()
    #expect(reader.source.sheet == "Sheet1")
    #expect(records.count == 8)
    #expect(records.allSatisfy { $0.fields.count == 37 })  // A1:AK8
    #expect(
      records[0].fields[0...8] == [
        "ID", "Start time", "Completion time", "Email", "Name", "Total points",
        "Quiz feedback", "Question 12", "Points - Question 12",
      ])
    #expect(
      records[1].fields[0...7] == [
        "3", "2020-05-22T17:58:08", "2020-05-22T18:03:46", "test1@test.com",
        "Person 1", "40", "", "a",
      ])
    #expect(records[7].line == 8)
    #expect(records[7].fields[0] == "9")
    #expect(records[7].fields[5] == "30")
  }
}
