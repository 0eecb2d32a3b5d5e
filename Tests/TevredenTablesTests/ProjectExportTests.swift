import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenTables

/// The project's own exports (`Tests/EndToEndTests/PlatformExports`, written by its `make-exports.py`), read as
/// `ExportFixtureTests` reads the real exports in the shared fixtures beside the repository: every encoding, byte
/// order mark, delimiter, line ending and workbook shape those show is proved here too, on a clone without them.
/// Nothing here reads the shared fixtures, so nothing here needs to skip.
///
/// The expected numbers and cells were taken from the files with Python's `csv` module (`utf-8-sig`, or `cp1252`
/// for the two Windows-1252 files; lines counted as `csv.reader` counts them) and from the unzipped sheet XML.
@Suite struct ProjectExportReadingTests {
  typealias Expectation = ExportFixtureTests.Expectation

  static let contactQuestion = "Hoe had u contact met Veilig Thuis? U mag meer dan één antwoord kiezen."

  static let csvExpectations: [Expectation] = [
    // Qualtrics: three header rows (tag, text, JSON ImportId), a BOM, CRLF.
    Expectation(
      path: "qualtrics-inwoners-melding.csv", encoding: .utf8, hasBOM: true, delimiter: .comma, recordCount: 7,
      fieldCount: 34, lastLine: 7,
      cells: [
        (0, 8, "ResponseId"), (1, 8, "Response ID"), (2, 17, "{\"ImportId\":\"QID1\"}"), (3, 8, "R_1aAbCdEfGhIjKlM"),
        (5, 6, "False"),
      ]),
    // Qualtrics legacy: V1…V10 above the metadata names, a BOM, every line ending in a comma (an empty last field).
    Expectation(
      path: "qualtrics-legacy-inwoners-adviesaanvraag.csv", encoding: .utf8, hasBOM: true, delimiter: .comma,
      recordCount: 5, fieldCount: 30, lastLine: 5,
      cells: [
        (0, 0, "V1"), (1, 0, "ResponseID"), (1, 9, "Finished"), (2, 0, "R_5eEfGhIjKlMnOpQ"), (2, 12, "Telefoon,E-mail"),
        (2, 29, ""),
      ]),
    // Qualtrics 2016: the third header row holds Python-style ImportIds.
    Expectation(
      path: "qualtrics-insights-inwoners-adviesaanvraag.csv", encoding: .utf8, hasBOM: false, delimiter: .comma,
      recordCount: 6, fieldCount: 30, lastLine: 6,
      cells: [
        (0, 0, "ResponseID"), (2, 0, "{'ImportId': 'responseId'}"),
        (2, 29, "{'ImportId': 'Location-LocationAccuracy'}"),
        (3, 0, "R_8hHiJkLmNoPqRsT"), (5, 9, "0"),
      ]),
    // SurveyMonkey: two header rows, the question only above the first of its columns.
    Expectation(
      path: "surveymonkey-inwoners-adviesaanvraag.csv", encoding: .utf8, hasBOM: false, delimiter: .comma,
      recordCount: 8, fieldCount: 29, lastLine: 8,
      cells: [
        (0, 0, "Respondent ID"), (0, 11, contactQuestion), (0, 12, ""), (1, 11, "Telefoon"),
        (1, 15, "Other (please specify)"), (2, 0, "114938210451"), (2, 2, "03/10/2026 09:58:12 AM"),
        (7, 15, "Via de huisarts"),
      ]),
    // SurveyMonkey saved again by Excel on a Mac: Windows-1252, bare CR line endings, none after the last line.
    Expectation(
      path: "surveymonkey-mac-excel-inwoners-adviesaanvraag.csv", encoding: .windows1252, hasBOM: false,
      delimiter: .comma, recordCount: 5, fieldCount: 23, lastLine: 5,
      cells: [
        (0, 0, "StartDate"), (0, 5, contactQuestion), (1, 9, "Other (please specify)"), (2, 0, "3/16/26 9:05"),
        (4, 1, "4/1/26 8:06"),
      ]),
    // Google Forms' own CSV: CRLF and no line break after the last line.
    Expectation(
      path: "googleforms-inwoners-adviesaanvraag.csv", encoding: .utf8, hasBOM: false, delimiter: .comma,
      recordCount: 4, fieldCount: 17, lastLine: 4,
      cells: [
        (0, 0, "Timestamp"), (1, 0, "2026/03/13 4:20:37 pm CET"), (1, 3, "Telefoon;E-mail"),
        (3, 0, "2026/04/02 12:30:00 pm CEST"), (3, 16, ""),
      ]),
    // Google Forms saved by Dutch Excel: semicolons, Windows-1252, a decimal comma.
    Expectation(
      path: "googleforms-ketenpartners-politie-semicolon-windows1252.csv", encoding: .windows1252, hasBOM: false,
      delimiter: .semicolon, recordCount: 4, fieldCount: 17, lastLine: 4,
      cells: [
        (0, 0, "Tijdstempel"), (1, 0, "13-3-2026 10:15:04"), (1, 15, "7,5"),
        (2, 2, "Coördinator huiselijk geweld / kindermishandeling"),
      ]),
    // LimeSurvey codes: every field quoted, a JSON document in a cell, an empty line at the end.
    Expectation(
      path: "limesurvey-inwoners-adviesaanvraag-codes.csv", encoding: .utf8, hasBOM: false, delimiter: .comma,
      recordCount: 6, fieldCount: 30, lastLine: 6,
      cells: [
        (0, 10, "contactvia[SQ001]"), (1, 0, "3"), (1, 10, "Y"),
        (
          1, 27,
          #"[{"title":"Brief","comment":"","size":"48.2","name":"brief.pdf","filename":"fu_k3m9x2","ext":"pdf"}]"#
        ),
        (3, 1, ""), (5, 0, "9"),
      ]),
    // LimeSurvey full question texts: a BOM, `Question [Option]` headers.
    Expectation(
      path: "limesurvey-inwoners-adviesaanvraag-fulltext.csv", encoding: .utf8, hasBOM: true, delimiter: .comma,
      recordCount: 4, fieldCount: 27, lastLine: 4,
      cells: [(0, 0, "Response ID"), (0, 10, "\(contactQuestion) [Telefoon]"), (1, 3, "nl-informal"), (2, 1, "")]),
    // Typeform: a no-break space in a header, an answer over two lines.
    Expectation(
      path: "typeform-inwoners-adviesaanvraag.csv", encoding: .utf8, hasBOM: false, delimiter: .comma,
      recordCount: 5, fieldCount: 24, lastLine: 6,
      cells: [
        (0, 0, "#"), (0, 7, "Waren er kinderen bij\u{A0}betrokken?"), (0, 23, "Network ID"),
        (2, 19, "Mijn BSN 111222333 hoefde ik gelukkig niet te geven.\nDank u wel!"),
        (4, 0, "d4e5f6a7b8c94d0e1f2a3b4c5d6e7f80"), (4, 22, "2026-04-20 12:06:59"),
      ]),
    // KoboToolbox CSV: semicolons, every field quoted, CRLF.
    Expectation(
      path: "kobo-inwoners-adviesaanvraag-semicolon.csv", encoding: .utf8, hasBOM: false, delimiter: .semicolon,
      recordCount: 5, fieldCount: 39, lastLine: 5,
      cells: [
        (0, 0, "start"), (0, 3, "groep_a/toestemming"), (1, 0, "2026-03-16T10:02:11.000+01:00"), (1, 36, "vKsXpY3nQw7"),
      ]),
    Expectation(
      path: "odk-central-inwoners-adviesaanvraag.csv", encoding: .utf8, hasBOM: false, delimiter: .comma,
      recordCount: 4, fieldCount: 38, lastLine: 4,
      cells: [(0, 0, "SubmissionDate"), (1, 0, "2026-04-20T07:45:10.512Z"), (1, 4, "betrokkene")]),
    // ODK Briefcase: dates quoted in Java's MEDIUM style (with a comma), numbers not quoted, KEY last.
    Expectation(
      path: "odk-briefcase-inwoners-adviesaanvraag.csv", encoding: .utf8, hasBOM: false, delimiter: .comma,
      recordCount: 4, fieldCount: 29, lastLine: 4,
      cells: [
        (0, 28, "KEY"), (1, 0, "Mar 24, 2026 10:15:42 AM"), (1, 5, "telefoon mail"), (1, 6, "1"),
        (3, 0, "Apr 9, 2026 9:05:10 AM"),
      ]),
  ]

  @Test(arguments: csvExpectations)
  func readsTextExport(_ expected: Expectation) throws {
    try ExportFixtureTests.check(expected, reading: projectExport(expected.path))
  }

  /// Chunk boundaries fall inside multi-byte characters, CRLF pairs, bare CRs, quoted fields and `""`.
  @Test(arguments: csvExpectations.map(\.path))
  func readsTextExportInTinyChunks(_ path: String) throws {
    try ExportFixtureTests.checkTinyChunks(reading: projectExport(path))
  }

  @Test func aTypeformRecordWithALineBreakStartsOnItsFirstLine() throws {
    var reader = try TableFileReader(contentsOf: projectExport("typeform-inwoners-adviesaanvraag.csv"))
    let records = try reader.readAll()
    // Record 2 holds one line break; the records after it start a line later.
    #expect(records.map(\.line) == [1, 2, 3, 5, 6])
  }

  // MARK: Workbooks

  @Test func readsGoogleFormsSheetWithSerialDates() throws {
    var reader = try TableFileReader(contentsOf: projectExport("googleforms-inwoners-adviesaanvraag-sheet.xlsx"))
    let records = try reader.readAll()
    #expect(reader.source.format == .xlsx)
    #expect(reader.source.encoding == nil)
    #expect(reader.source.delimiter == nil)
    #expect(reader.source.sheet == "Formulierreacties 1")
    #expect(reader.source.sheetNames == ["Formulierreacties 1"])
    #expect(records.map(\.line) == [1, 2, 3])
    #expect(records.allSatisfy { $0.fields.count == 17 })  // A1:Q3
    #expect(records[0].fields[0...2] == ["Tijdstempel", "E-mailadres", "Waar ging uw vraag aan Veilig Thuis over?"])
    // Serial numbers with the format d-m-yyyy h:mm:ss (shared strings for the text).
    #expect(
      records[1].fields[0...3] == [
        "2026-03-20T11:45:10", "f.elamrani@example.nl", "Over mijn eigen situatie", "Telefoon, E-mail",
      ])
    #expect(records[2].fields[0] == "2026-04-07T18:03:00")
    #expect(records[2].fields[3] == "Chat,")
  }

  @Test func readsEverySheetOfKoboExportWithARepeatGroup() throws {
    let url = projectExport("kobo-inwoners-adviesaanvraag.xlsx")
    var main = try TableFileReader(contentsOf: url)
    #expect(main.source.sheetNames == ["Adviesaanvraag", "kinderen_info"])
    #expect(main.source.sheet == "Adviesaanvraag")
    let records = try main.readAll()
    #expect(records.count == 4)
    #expect(records.allSatisfy { $0.fields.count == 26 })  // A1:Z4
    #expect(records[0].fields[4] == "groep_a/contact_via")
    #expect(records[0].fields[21] == "_submission_time")
    let first = records[1].fields
    #expect(first[0] == "2026-03-23T09:31:00")  // styled yyyy-mm-dd, but the time is kept
    #expect(first[4] == "telefoon mail")
    #expect(first[16] == "8")
    #expect(first[19] == "231190101")
    #expect(first[21] == "2026-03-23T08:40:05")
    #expect(records[3].fields[14] == "", "a missing cell between filled ones")
    #expect(records[3].fields[16] == "7.5")

    var repeatGroup = try TableFileReader(contentsOf: url, options: TableReadOptions(sheet: "kinderen_info"))
    let repeatRecords = try repeatGroup.readAll()
    #expect(repeatGroup.source.sheet == "kinderen_info")
    #expect(repeatRecords.count == 4)
    #expect(repeatRecords.allSatisfy { $0.fields.count == 7 })  // A1:G4
    #expect(repeatRecords[0].fields[0] == "groep_b/kinderen_info/leeftijd")
    #expect(repeatRecords[1].fields[0...4] == ["12", "ja", "1", "Adviesaanvraag", "1"])  // "12" is text in the sheet
  }

  @Test func readsMicrosoftFormsWorkbookWithTableObject() throws {
    var reader = try TableFileReader(contentsOf: projectExport("msforms-inwoners-adviesaanvraag.xlsx"))
    let records = try reader.readAll()
    #expect(reader.source.sheet == "Form1")
    #expect(records.count == 4)
    #expect(records.allSatisfy { $0.fields.count == 20 })  // A1:T4, also the table object's range
    #expect(records[0].fields[0...4] == ["Id", "Start time", "Completion time", "Email", "Name"])
    #expect(records[1].fields[0...4] == ["1", "2026-05-04T09:30:00", "2026-05-04T09:41:00", "anonymous", ""])
    #expect(records[3].line == 4)
    #expect(records[3].fields[0] == "3")
  }
}
