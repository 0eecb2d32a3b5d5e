import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore
@testable import TevredenImport

/// Platform records turned into responses: mapping, personal data dropped and masked, status, ids and problems.
@Suite struct ExportConversionTests {
  let definition: LoadedQuestionnaire

  init() throws {
    definition = try #require(try loadFixture("interview").loaded)
  }

  /// A Qualtrics-style export of the interview fixture: tags, question texts, ImportIds.
  let header: [[String]] = [
    [
      "StartDate", "EndDate", "Finished", "ResponseId", "RecipientEmail", "IPAddress", "Q1", "Q2", "Q3", "Q4",
      "Q5", "Q6", "Q7", "Q8", "Q9", "Gemeente",
    ],
    [
      "Start Date", "End Date", "Finished", "Response ID", "Recipient Email", "IP Address", "Wilt u meedoen?",
      "Wie bent u?", "Waren er kinderen bij betrokken?", "Is er genoeg met de kinderen gesproken?",
      "Hoe had u contact?", "Hoeveel gesprekken had u?", "Hoe tevreden bent u over de bereikbaarheid?",
      "Welk rapportcijfer geeft u?", "Wilt u nog iets zeggen?", "Gemeente",
    ],
    [
      #"{"ImportId":"startDate"}"#, #"{"ImportId":"endDate"}"#, #"{"ImportId":"finished"}"#,
      #"{"ImportId":"_recordId"}"#, #"{"ImportId":"recipientEmail"}"#, #"{"ImportId":"ipAddress"}"#,
      #"{"ImportId":"QID1"}"#, #"{"ImportId":"QID2"}"#, #"{"ImportId":"QID3"}"#, #"{"ImportId":"QID4"}"#,
      #"{"ImportId":"QID5"}"#, #"{"ImportId":"QID6"}"#, #"{"ImportId":"QID7"}"#, #"{"ImportId":"QID8"}"#,
      #"{"ImportId":"QID9"}"#, #"{"ImportId":"QID10"}"#,
    ],
  ]

  func conversion() -> ExportConversion {
    ExportConversion(
      layout: ExportLayout.detect(header), definition: definition, gemeente: nil,
      gemeenten: ["Alkmaar", "Hoorn"])
  }

  func converting(_ fields: [String], line: Int) -> Result<ExportConversion.Row, ExportConversion.Rejection> {
    var conversion = conversion()
    return conversion.convert(fields, line: line)
  }

  @Test func mapsItemsByQuestionTextAndDropsPersonalDataColumns() {
    let conversion = conversion()
    #expect(conversion.layout.platform == .qualtrics)
    #expect(conversion.itemColumns.count == 9)
    #expect(conversion.itemColumns[11] == "gesprekken")
    #expect(conversion.droppedColumns.map(\.kind) == [.email, .ipAddress])
    #expect(conversion.gemeenteColumn == 15)
    #expect(conversion.unmappedColumns.isEmpty)
  }

  /// The header with each date column's ImportId naming a time zone, as current Qualtrics exports do.
  func header(timeZone: String) -> [[String]] {
    var zoned = header
    zoned[2][0] = #"{"ImportId":"startDate","timeZone":""# + timeZone + #""}"#
    zoned[2][1] = #"{"ImportId":"endDate","timeZone":""# + timeZone + #""}"#
    return zoned
  }

  @Test func qualtricsTimeZonesPutOneResponseAtOneInstantWhateverTheExportsZone() throws {
    // The same response exported once in UTC and once in New York time (EDT, UTC−4, in May).
    let rows = [
      ("Z", "2026-05-01 02:30:00", "2026-05-01 02:45:00"),
      ("America/New_York", "2026-04-30 22:30:00", "2026-04-30 22:45:00"),
      ("Europe/Amsterdam", "2026-05-01 04:30:00", "2026-05-01 04:45:00"),
    ]
    var instants: [String] = []
    for (zone, start, end) in rows {
      var conversion = ExportConversion(
        layout: ExportLayout.detect(header(timeZone: zone)), definition: definition, gemeente: nil,
        gemeenten: ["Alkmaar", "Hoorn"])
      let response = try conversion.convert(
        [
          start, end, "True", "R_tz", "", "", "Ja", "Ouder of verzorger", "Nee", "", "Telefoon", "3", "Tevreden", "8",
          "", "Hoorn",
        ], line: 4
      ).get().response
      instants.append(response.completedAt.map(Timestamp.format) ?? "")
    }
    // 02:45 UTC is 04:45 in Amsterdam on 1 May: T2, not T1, whichever export it came from.
    #expect(instants == Array(repeating: "2026-05-01T02:45:00Z", count: 3))
    var unknown = ExportConversion(
      layout: ExportLayout.detect(header(timeZone: "Mars/Olympus")), definition: definition, gemeente: nil,
      gemeenten: ["Hoorn"])
    guard
      case .failure(let rejection) = unknown.convert(
        [
          "2026-05-01 02:30:00", "2026-05-01 02:45:00", "True", "R_x", "", "", "Ja", "Ouder of verzorger", "Nee", "",
          "Telefoon", "3", "Tevreden", "8", "", "Hoorn",
        ], line: 4)
    else {
      Issue.record("a time in an unknown zone was read")
      return
    }
    #expect(rejection.problems.contains { $0.contains("'Mars/Olympus', a time zone this system does not know") })
  }

  @Test func qualtricsChoiceIdsNameEachSplitColumn() {
    #expect(ExportLayout.importID(#"{"ImportId":"QID4","choiceId":"2"}"#) == "QID4_2")
    #expect(ExportLayout.importID(#"{"ImportId":"QID4"}"#) == "QID4")
    #expect(ExportLayout.importID("{'ImportId': 'QID2-1'}") == "QID2-1")
    #expect(ExportLayout.importID(#"{"ImportId":"startDate","timeZone":"Z"}"#) == "startDate")
  }

  /// The same canonical text, typed by an interviewer, exported by a platform or held by an exchange file, gives
  /// the same answers: the three paths read it with one reader.
  @Test func theInterviewImportAndStoredPathsReadCanonicalTextAlike() throws {
    let questionnaire = definition.questionnaire
    let cells: [(Question.ID, String)] = [
      ("toestemming", "ja"), ("rol", "ouder"), ("kinderen", "ja"), ("kinderen_gesproken", "weet_niet"),
      ("contact", "telefoon;kantoor"), ("gesprekken", "3"), ("bereikbaarheid", "4"), ("cijfer", "7.5"),
      ("opmerking", "Goed geholpen"),
    ]
    // Interview: each text typed at its question.
    var typed: [Question.ID: Answer] = [:]
    for (item, text) in cells {
      let question = try #require(questionnaire.question(item))
      let command = try InterviewInput.parse(text, for: question, in: questionnaire, hasCurrentAnswer: false).get()
      guard case .answer(let answer) = command else {
        Issue.record("\(item): \(command) is no answer")
        return
      }
      typed[item] = answer
    }
    // Import: a platform's row with the texts in the item columns.
    let fields = ["2026-03-10 14:05:00", "2026-03-10 14:15:00", "1", "R_1", "", ""] + cells.map(\.1) + ["Hoorn"]
    let imported = try converting(fields, line: 4).get().response
    #expect(imported.answers == typed)
    // Stored: the exchange file of that response, read back.
    let exchange = ExchangeCSV.read(
      ExchangeCSV.write([imported], items: questionnaire.questions.map(\.id)), file: "x.csv", gemeenten: [],
      definition: { _, _ in definition }, knownItems: Set(questionnaire.questions.map(\.id.rawValue)))
    #expect(exchange.diagnostics == [])
    #expect(exchange.rows.first?.response.answers == typed)
    #expect(typed["contact"] == .value(.choices(["telefoon", "kantoor"])))
  }

  @Test func convertsARowWithLabelsDecimalCommaAndText() throws {
    let row = try converting(
      [
        "2026-03-10 14:05:00", "2026-03-10 14:15:00", "True", "R_abc123", "a@b.nl", "10.0.0.1", "Ja",
        "Ouder of verzorger", "Ja", "Zeer tevreden", "Telefoon,Huisbezoek", "3", "Weet ik niet", "7,5",
        "Bel mij op 06-12345678", "hoorn",
      ], line: 4
    ).get()
    let response = row.response
    #expect(response.id == "qualtrics:R_abc123")
    #expect(response.status == .completed)
    #expect(response.mode == .online)
    #expect(response.gemeente == "Hoorn")
    #expect(Timestamp.format(response.startedAt) == "2026-03-10T13:05:00Z")
    #expect(response.completedAt.map(Timestamp.format) == "2026-03-10T13:15:00Z")
    #expect(response.answers["kinderen_gesproken"] == .value(.scalePoint(5)))
    #expect(response.answers["bereikbaarheid"] == .missing("weet_niet"))
    #expect(response.answers["cijfer"] == .value(.grade(7.5)))
    // Open answers are masked by the store's codec, on every path into the database; conversion reads them.
    #expect(response.answers["opmerking"] == .value(.text("Bel mij op 06-12345678")))
    #expect(response.identifierKindsInText(using: .standard) == [.phone])
    #expect(row.masked == [])
    #expect(!response.answers.values.contains { $0.value?.canonicalText.contains("a@b.nl") == true })
  }

  @Test func anUnfinishedResponseIsStoredAsPartial() throws {
    let row = try converting(
      ["2026-03-10 14:05:00", "", "False", "R_x", "", "", "Ja", "Melder", "", "", "", "", "", "", "", ""], line: 5
    ).get()
    #expect(row.response.status == .partial)
    #expect(row.response.completedAt == nil)
  }

  @Test func aBadRowNamesEveryColumnAndReason() {
    let result = converting(
      [
        "2026-03-10 14:05:00", "2026-03-10 14:15:00", "1", "R_bad", "", "", "Ja", "Buurman", "Ja", "9", "", "3",
        "4", "12", "", "Utrecht",
      ], line: 6)
    guard case .failure(let rejection) = result else {
      Issue.record("the row must be rejected")
      return
    }
    #expect(rejection.line == 6)
    #expect(rejection.problems.contains { $0.hasPrefix("column 'Q2' (rol): \"Buurman\" is not one of the choices") })
    #expect(rejection.problems.contains("column 'Q4' (kinderen_gesproken): \"9\" is outside 1...5"))
    #expect(
      rejection.problems.contains("column 'Q8' (cijfer): \"12\" is not a grade from 1 to 10 (at most one decimal)"))
    #expect(rejection.problems.contains { $0.hasPrefix("column 'Gemeente': 'Utrecht' is not a municipality") })
  }

  @Test func withoutAnIdTheRowHashIsTheIdAndIgnoresPersonalData() throws {
    let layout = ExportLayout.detect([["Tijdstempel", "E-mailadres", "Wilt u meedoen?", "Welk rapportcijfer geeft u?"]])
    #expect(layout.platform == .googleForms)
    var conversion = ExportConversion(
      layout: layout, definition: definition, gemeente: "Alkmaar", gemeenten: ["Alkmaar"])
    let first = conversion.convert(["13-3-2026 10:00:00", "x@y.nl", "Ja", "8"], line: 2)
    let same = conversion.convert(["13-3-2026 10:00:00", "", "Ja", "8"], line: 9)
    let other = conversion.convert(["13-3-2026 10:00:00", "", "Ja", "7"], line: 3)
    let firstID = try first.get().response.id
    #expect(firstID.rawValue.hasPrefix("googleforms:row-"))
    #expect(try same.get().response.id == firstID)
    #expect(try other.get().response.id != firstID)
  }

  /// The row hash must never change: it is what makes a second import of the same file add nothing. These ids
  /// were computed with Python's hashlib from the questionnaire id, U+001E and the cells (without the e-mail
  /// column) joined by U+001F.
  @Test(arguments: [
    (["13-3-2026 10:00:00", "x@y.nl", "Ja", "8"], "googleforms:row-d9e65765ddda3c90fcb5"),
    (
      [
        "13-3-2026 10:00:00", "x@y.nl", "Ja", "8",
        "één extra cel met een lange tekst die over de grens van een blok van vierenzestig bytes gaat",
      ], "googleforms:row-b7b83ea429f7dee1a36d"
    ),
  ])
  func theRowHashIsStable(fields: [String], id: String) throws {
    let layout = ExportLayout.detect([["Tijdstempel", "E-mailadres", "Wilt u meedoen?", "Welk rapportcijfer geeft u?"]])
    var conversion = ExportConversion(
      layout: layout, definition: definition, gemeente: "Alkmaar", gemeenten: ["Alkmaar"])
    #expect(try conversion.convert(fields, line: 2).get().response.id.rawValue == id)
  }

  @Test func aCachedCellReadsTheSameAsAFreshOne() throws {
    var conversion = conversion()
    let fields = [
      "2026-03-10 14:05:00", "2026-03-10 14:15:00", "1", "R_1", "", "", "Ja", "Melder", "Nee", "", "Telefoon", "2",
      "Zeer tevreden", "8", "", "",
    ]
    let first = try conversion.convert(fields, line: 4).get().response.answers
    var second = fields
    second[3] = "R_2"
    let again = try conversion.convert(second, line: 5).get().response.answers
    #expect(first == again)
    #expect(again["bereikbaarheid"] == .value(.scalePoint(5)))
    second[13] = "12"
    guard case .failure = conversion.convert(second, line: 6) else {
      Issue.record("a bad value must still be reported once cached values exist")
      return
    }
  }

  /// A column's first cells are compared one by one and later ones hashed: every cell kept reads back as what it
  /// was read as, in both parts, and none is kept beyond the limit.
  @Test func theCellCacheKeepsWhatEachCellReadAsUpToItsLimit() {
    var cache = ExportConversion.CellCache()
    // The cache is looked up by a cell's bytes, as the import reads them.
    func read(_ cell: String) -> Result<Answer?, AnswerProblem>? {
      var cell = cell
      return cell.withUTF8 { cache.read($0) }
    }
    let limit = ExportConversion.CellCache.compared + 20
    // "21" after "12": the same length, other bytes; "" and a cell that begins as a kept one does.
    let cells = ["12", "21", "", "1"] + (0..<(limit + 1)).map { "\($0 + 100)" }
    for (number, cell) in cells.enumerated() {
      cache.remember(.success(.value(.number(number))), for: cell, limit: limit)
    }
    for (number, cell) in cells.enumerated().prefix(limit) {
      #expect(read(cell) == .success(.value(.number(number))), "cell \(cell)")
    }
    for cell in cells.dropFirst(limit) { #expect(read(cell) == nil, "cell \(cell) is beyond the limit") }
    #expect(read("nooit gezien") == nil)
    #expect(read("2") == nil)
    #expect(read("99999") == nil)
  }

  /// Rows of a grade column with more distinct cells than are compared one by one read the same whether their
  /// cell was cached or not, and the row hash gathered in a reused buffer is the one made afresh, whatever the
  /// length of the row before it.
  @Test func manyDistinctCellsAndRowsOfEveryLengthConvertAsWhenFresh() throws {
    let layout = ExportLayout.detect([
      ["Tijdstempel", "E-mailadres", "Wilt u meedoen?", "Welk rapportcijfer geeft u?", "Wilt u nog iets zeggen?"]
    ])
    var conversion = ExportConversion(
      layout: layout, definition: definition, gemeente: "Alkmaar", gemeenten: ["Alkmaar"])
    let grades = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "5,5", "6,5", "7,5", "8,5", "9,5"]
    var random = SeededGenerator(seed: 18)
    for line in 2..<400 {
      let grade = grades[Int(random.next() % UInt64(grades.count))]
      let remark = String(repeating: "lang ", count: Int(random.next() % 40))
      let fields = ["13-3-2026 10:00:00", "x@y.nl", "Ja", grade, remark]
      var fresh = ExportConversion(
        layout: layout, definition: definition, gemeente: "Alkmaar", gemeenten: ["Alkmaar"])
      let expected = try fresh.convert(fields, line: line).get().response
      let converted = try conversion.convert(fields, line: line).get().response
      #expect(converted == expected, "line \(line)")
      #expect(converted.id.rawValue == conversion.rowHashID(fields), "line \(line)")
    }
  }

  @Test func aRowWithoutAnyTimeIsRejected() {
    let layout = ExportLayout.detect([["id", "Welk rapportcijfer geeft u?"]])
    var conversion = ExportConversion(layout: layout, definition: definition, gemeente: nil, gemeenten: [])
    guard case .failure(let rejection) = conversion.convert(["1", "8"], line: 2) else {
      Issue.record("the row must be rejected")
      return
    }
    #expect(
      rejection.problems == [
        "the row has no start or completion time, so the period it counts in is unknown; for a file without "
          + "dates, give the day with --completed-on yyyy-MM-dd"
      ])
    // With the day given, the row counts on that day (noon, Dutch time).
    var dated = ExportConversion(
      layout: layout, definition: definition, gemeente: nil, gemeenten: [],
      completedOn: LocalDate(year: 2026, month: 3, day: 14))
    let response = try? dated.convert(["1", "8"], line: 2).get().response
    #expect(response?.collectedOn == LocalDate(year: 2026, month: 3, day: 14))
  }

  // MARK: - Multiple choice in one column per option

  func convert(_ rows: [[String]], _ record: [String], line: Int = 3) -> Result<
    ExportConversion.Row, ExportConversion.Rejection
  > {
    var conversion = ExportConversion(
      layout: ExportLayout.detect(rows), definition: definition, gemeente: nil, gemeenten: [])
    return conversion.convert(record, line: line)
  }

  /// A SurveyMonkey export: the question above its first option, option labels in row 2, labels in ticked cells.
  let surveyMonkey: [[String]] = [
    [
      "Respondent ID", "Start Date", "End Date", "Email Address", "Hoe had u contact?", "", "", "",
      "Welk rapportcijfer geeft u?",
    ],
    ["", "", "", "", "Telefoon", "E-mail", "Op kantoor", "Huisbezoek", "Response"],
  ]

  @Test func surveyMonkeyOptionColumnsMakeOneAnswerAndAnOptionLabelIsNotPersonalData() throws {
    var conversion = ExportConversion(
      layout: ExportLayout.detect(surveyMonkey), definition: definition, gemeente: nil, gemeenten: [])
    #expect(conversion.choiceColumns.keys.sorted() == [4, 5, 6, 7])
    #expect(conversion.choiceColumns[5]?.choice == nil, "the questionnaire has no option E-mail")
    #expect(conversion.droppedColumns.map(\.index) == [3], "only Email Address is personal data")
    #expect(Set(conversion.itemColumns.filter { $0.value == "contact" }.keys) == [4, 5, 6, 7])
    let row = try conversion.convert(
      ["1100", "03/14/2026 10:15:04 AM", "03/14/2026 10:25:00 AM", "x@y.nl", "Telefoon", "", "Op kantoor", "", "8"],
      line: 3
    ).get()
    #expect(row.response.answers["contact"] == .value(.choices(["telefoon", "kantoor"])))
    #expect(row.response.completedAt.map(Timestamp.format) == "2026-03-14T09:25:00Z")
  }

  @Test func anEmptyFamilyIsNoAnswer() throws {
    // Typeform has a submit date: a submitted response without its required multiple-choice answer is rejected.
    let typeform = convert(
      [["#", "Telefoon", "Huisbezoek", "Op kantoor", "Welk rapportcijfer geeft u?", "Submit Date (UTC)"]],
      ["abc", "", "", "", "8", "2026-03-14 09:00:00"])
    guard case .failure(let rejection) = typeform else {
      Issue.record("a completed response without its required multiple-choice answer must be rejected")
      return
    }
    #expect(rejection.problems == ["required item 'contact' is not answered"])
  }

  @Test func aSurveyMonkeyRowThatStopsBeforeTheEndIsPartial() throws {
    // SurveyMonkey writes an end date for respondents who stopped early too: missing required answers tell.
    let stopped = try convert(
      surveyMonkey, ["1101", "03/14/2026 10:15:04 AM", "03/14/2026 10:25:00 AM", "", "", "", "", "", ""]
    ).get().response
    #expect(stopped.status == .partial)
    #expect(stopped.completedAt == nil)
    #expect(stopped.answers["contact"] == nil)
    let finished = try convert(
      surveyMonkey, ["1103", "03/14/2026 10:15:04 AM", "03/14/2026 10:25:00 AM", "", "", "", "", "Huisbezoek", "7"]
    ).get().response
    #expect(finished.status == .completed)
  }

  @Test func aTickedOptionTheItemDoesNotHaveIsAValueProblemWithItsColumn() {
    let result = convert(
      surveyMonkey,
      ["1102", "03/14/2026 10:15:04 AM", "03/14/2026 10:25:00 AM", "", "Telefoon", "E-mail", "", "", "8"],
      line: 7)
    guard case .failure(let rejection) = result else {
      Issue.record("the row must be rejected")
      return
    }
    #expect(rejection.line == 7)
    #expect(rejection.problems.count == 1)
    #expect(
      rejection.problems.first?.hasPrefix(
        #"column 'Hoe had u contact? - E-mail' (contact): option "E-mail" is ticked ("E-mail"), but it is not one of the choices (Telefoon, Huisbezoek, Op kantoor)"#
      ) == true, "\(rejection.problems)")
  }

  @Test func aCellHoldingAnotherOptionIsAValueProblem() {
    let result = convert(
      [["#", "Telefoon", "Huisbezoek", "Op kantoor", "Welk rapportcijfer geeft u?", "Submit Date (UTC)"]],
      ["abc", "Telefoon", "Telefoon", "", "8", "2026-03-14 09:00:00"], line: 4)
    guard case .failure(let rejection) = result else {
      Issue.record("the row must be rejected")
      return
    }
    #expect(
      rejection.problems == [
        #"column 'Huisbezoek' (contact): "Telefoon" in the column of option "Huisbezoek" is neither that option nor 1/0, Y/N or empty"#
      ])
  }

  @Test func typeformQualtricsAndLimeSurveyFamiliesAreCombined() throws {
    let typeform = try convert(
      [["#", "Telefoon", "Huisbezoek", "Op kantoor", "Welk rapportcijfer geeft u?", "Submit Date (UTC)"]],
      ["abc", "", "Huisbezoek", "Op kantoor", "8", "2026-03-14 09:00:00"]
    ).get().response
    #expect(typeform.answers["contact"] == .value(.choices(["huisbezoek", "kantoor"])))
    #expect(typeform.completedAt.map(Timestamp.format) == "2026-03-14T09:00:00Z", "Typeform writes UTC")

    let qualtrics = try convert(
      [
        ["StartDate", "EndDate", "Finished", "ResponseId", "Q5_1", "Q5_2", "Q5_3"],
        [
          "Start Date", "End Date", "Finished", "Response ID", "Hoe had u contact? - Telefoon",
          "Hoe had u contact? - Huisbezoek", "Hoe had u contact? - Op kantoor",
        ],
        [
          #"{"ImportId":"startDate"}"#, #"{"ImportId":"endDate"}"#, #"{"ImportId":"finished"}"#,
          #"{"ImportId":"_recordId"}"#, #"{"ImportId":"QID5_1"}"#, #"{"ImportId":"QID5_2"}"#, #"{"ImportId":"QID5_3"}"#,
        ],
      ], ["2026-03-10 14:05:00", "2026-03-10 14:15:00", "1", "R_1", "1", "", "1"]
    ).get().response
    #expect(qualtrics.answers["contact"] == .value(.choices(["telefoon", "kantoor"])))

    let lime = try convert(
      [["id", "submitdate", "contact[SQ001]", "contact[SQ002]", "contact[SQ003]"]],
      ["12", "2026-03-10 14:15:00", "", "Y", ""]
    ).get().response
    #expect(lime.answers["contact"] == .value(.choices(["huisbezoek"])))
  }

  @Test func koboSplitColumnsMustAgreeWithTheSpaceSeparatedColumn() throws {
    let header = [
      [
        "_submission_time", "groep_b/contact", "groep_b/contact/telefoon", "groep_b/contact/huisbezoek",
        "groep_b/contact/kantoor", "_uuid",
      ]
    ]
    let agreed = try convert(header, ["2026-03-10T13:15:00", "telefoon kantoor", "1", "0", "1", "u-1"]).get().response
    #expect(agreed.answers["contact"] == .value(.choices(["telefoon", "kantoor"])))
    #expect(agreed.completedAt.map(Timestamp.format) == "2026-03-10T13:15:00Z", "_submission_time is UTC")
    guard case .failure(let rejection) = convert(header, ["2026-03-10T13:15:00", "telefoon", "1", "1", "0", "u-2"])
    else {
      Issue.record("disagreeing columns must be reported")
      return
    }
    #expect(
      rejection.problems == [
        #"column 'groep_b/contact' (contact): "telefoon" differs from the options ticked in its per-option columns ("telefoon;huisbezoek")"#
      ])
  }

  @Test func responsesNumberedPerSurveyAreKeptApartByQuestionnaireAndStartTime() throws {
    let lime = [["id", "submitdate", "startdate", "Welk rapportcijfer geeft u?"]]
    let march = try convert(lime, ["3", "2026-03-11 14:20:05", "2026-03-11 14:09:51", "8"]).get().response
    let april = try convert(lime, ["3", "2026-04-10 08:15:30", "2026-04-10 08:03:03", "7"]).get().response
    #expect(march.id == "limesurvey:interview:3@2026-03-11T13:09:51Z")
    #expect(april.id != march.id)
    let forms = [["Id", "Start time", "Completion time", "Email", "Name", "Welk rapportcijfer geeft u?"]]
    let form = try convert(forms, ["1", "2026-05-04 09:30:00", "2026-05-04 09:41:00", "", "", "8"]).get().response
    #expect(form.id == "microsoftforms:interview:1@2026-05-04T07:30:00Z")
    // Ids that are unique across surveys stay as the platform wrote them.
    let typeform = try convert(
      [["#", "Welk rapportcijfer geeft u?", "Submit Date (UTC)"]], ["3f2a9c41", "8", "2026-03-14 09:00:00"]
    ).get().response
    #expect(typeform.id == "typeform:3f2a9c41")
  }

  @Test func koboODKAndLimeSurveyPersonalDataColumnsAreDropped() {
    let layout = ExportLayout.detect([
      [
        "SubmissionDate", "groep-cijfer", "groep-locatie-Latitude", "groep-locatie-Altitude", "meta-instanceID",
        "KEY", "SubmitterID", "SubmitterName", "ReviewState", "DeviceID", "FormVersion",
      ]
    ])
    let odk = ExportConversion(layout: layout, definition: definition, gemeente: nil, gemeenten: [])
    #expect(odk.droppedColumns.map(\.index) == [2, 3, 7])
    #expect(odk.droppedColumns.map(\.kind) == [.location, .location, .name])
    #expect(odk.unmappedColumns.isEmpty, "Central's bookkeeping columns are metadata")
    let kobo = ExportConversion(
      layout: ExportLayout.detect([["_uuid", "groep/locatie", "_groep/locatie_precision", "_submission_time"]]),
      definition: definition, gemeente: nil, gemeenten: [])
    #expect(kobo.droppedColumns.map(\.kind) == [.location, .location])
    let lime = ExportConversion(
      layout: ExportLayout.detect([["id", "submitdate", "ipaddr", "cijfer"]]), definition: definition, gemeente: nil,
      gemeenten: [])
    #expect(lime.droppedColumns.map(\.kind) == [.ipAddress])
  }
}

/// A LimeSurvey export with "question code and question text" headings: its question codes (`G01Q07`) are no
/// alias of any item, so the items are found by their texts.
@Suite struct LimeSurveyCodeDotTextTests {
  @Test func itemsAreFoundByTheTextsOfCodeDotTextHeadings() throws {
    let definition = try #require(try loadFixture("interview").loaded)
    let rows = [
      [
        "id. Response ID", "submitdate. Date submitted", "lastpage. Last page", "startdate. Date started",
        "ipaddr. IP address", "G01Q01. Wilt u meedoen?", "G01Q02. Wie bent u?",
        "G01Q05[SQ001]. Hoe had u contact? [Telefoon]", "G01Q05[SQ002]. Hoe had u contact? [Huisbezoek]",
        "G01Q07. Hoe tevreden bent u over de bereikbaarheid?", "G01Q08. Welk rapportcijfer geeft u?",
      ],
      ["12", "2026-03-11 14:20:05", "4", "2026-03-11 14:09:51", "83.160.17.3", "Ja", "Melder", "Y", "", "4", "8"],
    ]
    let layout = ExportLayout.detect(rows)
    var conversion = ExportConversion(layout: layout, definition: definition, gemeente: "Alkmaar", gemeenten: [])
    #expect(conversion.itemColumns[5] == "toestemming")
    #expect(conversion.itemColumns[9] == "bereikbaarheid")
    #expect(conversion.itemColumns[10] == "cijfer")
    #expect(conversion.choiceColumns[7]?.choice == "telefoon")
    #expect(conversion.droppedColumns.map(\.kind) == [.ipAddress])
    let response = try conversion.convert(rows[1], line: 2).get().response
    #expect(response.answers["cijfer"] == .value(.grade(8)))
    #expect(response.answers["contact"] == .value(.choices(["telefoon"])))
    #expect(response.completedAt == ExportDate.parse("2026-03-11 14:20:05"))
    #expect(response.id.rawValue.hasPrefix("limesurvey:"))
  }
}

@Suite struct WhitespaceTrimmingTests {
  @Test(arguments: [
    ("", ""), ("8", "8"), (" 8", "8"), ("8 ", "8"), ("\t Zeer tevreden \r\n", "Zeer tevreden"),
    ("\u{00A0}7\u{00A0}", "7"), ("één", "één"), (" één ", "één"), ("a b", "a b"),
  ])
  func trimsLikeFoundation(raw: String, expected: String) {
    #expect(raw.trimmedOfWhitespace == expected)
    #expect(raw.trimmedOfWhitespace == raw.trimmingCharacters(in: .whitespacesAndNewlines))
  }
}

@Suite struct ScaleLabelWordingsTests {
  /// Version 2 of inwoners-melding, which asked agree-statements (version 3 asks direct questions).
  let questionnaire: Questionnaire

  init() throws {
    questionnaire = try #require(
      Catalog.load(from: repositoryRoot.appendingPathComponent("Questionnaires"))
        .questionnaire("inwoners-melding", version: 2)
    ).questionnaire
  }

  func read(_ cell: String, _ item: String) -> Answer? {
    guard let question = questionnaire.question(Question.ID(rawValue: item)) else { return nil }
    return try? ExportValue.read(cell, for: question, in: questionnaire).get()
  }

  @Test(arguments: [
    ("Helemaal mee oneens", 1), ("Zeer mee oneens", 1), ("Oneens", 2), ("Mee oneens", 2), ("Neutraal", 3),
    ("Niet eens, niet oneens", 3), ("Eens", 4), ("Helemaal eens", 5), ("Strongly agree", 5),
    ("Helemaal niet mee eens", 1), ("Mee eens", 4),
  ])
  func agreeScaleWordings(cell: String, point: Int) {
    #expect(read(cell, "duidelijk_melding") == .value(.scalePoint(point)))
  }

  @Test(arguments: [("Zeer ontevreden", 1), ("Niet tevreden", 2), ("Neutraal", 3), ("Zeer tevreden", 5)])
  func satisfactionScaleWordings(cell: String, point: Int) {
    #expect(read(cell, "bereikbaarheid") == .value(.scalePoint(point)))
  }

  @Test func aWordingOfNoPointIsStillRefused() {
    #expect(read("Soms", "bereikbaarheid") == nil)
  }
}
