import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore

/// The analysis layout: numbers only in numeric columns, missing codes beside them, yes/no as 1/0, a 0/1 column per
/// option, choice labels, and the Dutch day with its tertile and the burap periods it counts in.
@Suite struct AnalysisCSVTests {
  let questionnaire: Questionnaire

  init() throws {
    questionnaire = try #require(try loadFixture("interview").loaded).questionnaire
  }

  private func response(_ answers: [Question.ID: Answer], completedAt: String = "2026-03-10T10:00:00Z") throws
    -> Response
  {
    let completed = try #require(Timestamp.parse(completedAt))
    return Response(
      id: "r1", questionnaire: questionnaire, gemeente: "Alkmaar", mode: .telefonisch, interviewer: "int-1",
      startedAt: completed.addingTimeInterval(-600), completedAt: completed, status: .completed, answers: answers)
  }

  /// The cells of one response, by column name.
  private func cells(_ response: Response, in layout: AnalysisCSV) throws -> [String: String] {
    let records = try CSVReader.parse(layout.headerLine + layout.line(for: response))
    let header = try #require(records.first?.fields)
    #expect(Set(header).count == header.count, "column names are unique: \(header)")
    return Dictionary(uniqueKeysWithValues: zip(header, try #require(records.last?.fields)))
  }

  @Test func columnsFollowEachItemsKind() {
    let layout = AnalysisCSV(definitions: [questionnaire])
    #expect(
      layout.columns.map(layout.name(of:)) == [
        "toestemming", "rol", "rol_label", "rol_missing", "kinderen", "kinderen_missing", "kinderen_gesproken",
        "kinderen_gesproken_missing", "contact_telefoon", "contact_huisbezoek", "contact_kantoor", "contact_missing",
        "gesprekken", "gesprekken_missing", "bereikbaarheid", "bereikbaarheid_missing", "cijfer", "cijfer_missing",
        "opmerking",
      ])
    // A companion column exactly for the items that accept a missing code.
    for question in questionnaire.questions {
      #expect(layout.columns.contains(.missing(question.id)) == !question.missingCodes.isEmpty, "\(question.id)")
    }
  }

  @Test func everyKindIsWrittenAsItsTypeAndMissingCodesBesideIt() throws {
    let layout = AnalysisCSV(definitions: [questionnaire])
    let row = try cells(
      response([
        "toestemming": .value(.yesNo(true)), "rol": .value(.choices(["ouder"])), "kinderen": .value(.yesNo(false)),
        "contact": .value(.choices(["telefoon", "kantoor"])), "gesprekken": .value(.number(3)),
        "bereikbaarheid": .missing("weet_niet"), "cijfer": .value(.grade(7.5)),
        "opmerking": .value(.text("Bel me op 06-12345678")),
      ]), in: layout)
    #expect(row["toestemming"] == "1")
    #expect(row["rol"] == "ouder" && row["rol_label"] == "Ouder of verzorger")
    #expect(row["kinderen"] == "0")
    #expect(row["kinderen_gesproken"] == "" && row["kinderen_gesproken_missing"] == "", "not asked: empty")
    #expect(row["contact_telefoon"] == "1" && row["contact_huisbezoek"] == "0" && row["contact_kantoor"] == "1")
    #expect(row["gesprekken"] == "3")
    #expect(row["bereikbaarheid"] == "" && row["bereikbaarheid_missing"] == "weet_niet")
    #expect(row["cijfer"] == "7.5")
    #expect(row["opmerking"]?.contains("12345678") == false, "open answers are masked: \(row["opmerking"] ?? "")")
    #expect(row["group_label"] == "Melding" && row["status"] == "completed" && row["gemeente"] == "Alkmaar")
    // An unanswered multiple-choice item is empty in every option column, not 0.
    let unanswered = try cells(response(["toestemming": .value(.yesNo(true))]), in: layout)
    #expect(unanswered["contact_telefoon"] == "" && unanswered["contact_kantoor"] == "")
  }

  /// The day is Dutch local time: half past midnight on 1 May in Amsterdam is still 30 April in UTC.
  @Test(arguments: [
    ("2026-04-30T21:30:00Z", "2026-04-30", "T1", "2026-T1;2026-T2;2026-T3"),
    ("2026-04-30T22:30:00Z", "2026-05-01", "T2", "2026-T2;2026-T3"),
    ("2026-08-31T21:59:59Z", "2026-08-31", "T2", "2026-T2;2026-T3"),
    ("2026-12-31T22:59:59Z", "2026-12-31", "T3", "2026-T3"),
    ("2026-12-31T23:00:00Z", "2027-01-01", "T1", "2027-T1;2027-T2;2027-T3"),
  ])
  func theDayAndPeriodsAreDutch(completed: String, day: String, tertile: String, periods: String) throws {
    let row = try cells(
      response(["toestemming": .value(.yesNo(true))], completedAt: completed),
      in: AnalysisCSV(definitions: [questionnaire]))
    #expect(row["collected_on"] == day)
    #expect(row["year"] == String(day.prefix(4)))
    #expect(row["tertile"] == tertile)
    #expect(row["burap_periods"] == periods)
    for period in periods.split(separator: ";") {
      #expect(try #require(Period(String(period))).contains(try #require(LocalDate(day))))
    }
  }

  /// A spreadsheet must not run an open answer, a label or a code as a formula: text cells get a leading `'`,
  /// numbers never do.
  @Test func textCellsAreGuardedAgainstFormulasAndNumbersAreNot() throws {
    var odd = questionnaire
    if case .choice(var choices, let multiple) = odd.questions[1].kind {
      choices[0].label = "-Degene over wie het ging"
      odd.questions[1].kind = .choice(choices, allowsMultiple: multiple)
    }
    let layout = AnalysisCSV(definitions: [odd])
    let row = try cells(
      response([
        "toestemming": .value(.yesNo(true)), "rol": .value(.choices(["betrokkene"])), "cijfer": .value(.grade(6)),
        "opmerking": .value(.text("=HYPERLINK(\"http://x\",\"klik\")")),
      ]), in: layout)
    #expect(row["opmerking"] == "'=HYPERLINK(\"http://x\",\"klik\")")
    #expect(row["rol_label"] == "'-Degene over wie het ging")
    #expect(row["cijfer"] == "6" && row["toestemming"] == "1" && row["version"] == "1")
    #expect(layout.isNumeric(.value("cijfer")) && !layout.isNumeric(.value("opmerking")))
  }

  /// A column name that a metadata column or an earlier column already has gets a number: the header stays
  /// unique, which R, pandas and SPSS need.
  @Test func namesThatWouldCollideGetANumber() {
    var odd = questionnaire
    odd.questions.append(Question(id: "status", text: "Status?", kind: .yesNo, isRequired: false))
    odd.questions.append(Question(id: "contact_telefoon", text: "Telefoon?", kind: .yesNo, isRequired: false))
    let layout = AnalysisCSV(definitions: [odd])
    #expect(Set(layout.columnNames).count == layout.columnNames.count, "\(layout.columnNames)")
    #expect(layout.name(of: .value("status")) == "status_2")
    #expect(layout.name(of: .option("contact", code: "telefoon")) == "contact_telefoon")
    #expect(layout.name(of: .value("contact_telefoon")) == "contact_telefoon_2")
  }

  /// In the Dutch Excel dialect: semicolons, a decimal comma in numbers only, Dutch days and times, text guarded
  /// and quoted where a semicolon would split it, a byte-order mark before the header.
  @Test func theDutchExcelDialectWritesWhatExcelReads() throws {
    let layout = AnalysisCSV(definitions: [questionnaire])
    let response = try response(
      [
        "toestemming": .value(.yesNo(true)), "cijfer": .value(.grade(7.5)),
        "opmerking": .value(.text("-1.5; niet goed")),
      ], completedAt: "2026-03-10T13:05:07Z")
    #expect(layout.headerLine(in: .excelNL).hasPrefix("\u{FEFF}response_id;questionnaire;version;"))
    let line = layout.line(for: response, in: .excelNL)
    #expect(line.hasSuffix("\r\n"))
    let records = try CSVReader.parse(String(line.dropLast()), delimiter: ";")  // "\r\n" is one Character
    let cells = Dictionary(uniqueKeysWithValues: zip(layout.columnNames, try #require(records.first?.fields)))
    #expect(cells["cijfer"] == "7,5")
    #expect(cells["opmerking"] == "'-1.5; niet goed", "text keeps its point and gets the guard")
    #expect(cells["completed_at"] == "10-03-2026 13:05:07")
    #expect(cells["collected_on"] == "10-03-2026")
    #expect(cells["burap_periods"] == "2026-T1;2026-T2;2026-T3")
    #expect(cells["version"] == "1" && cells["year"] == "2026")
  }
}
