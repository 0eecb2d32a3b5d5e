import Foundation
import Testing

@testable import TevredenCore

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

  @Test func convertsARowWithLabelsDecimalCommaAndMaskedText() throws {
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
    #expect(response.answers["opmerking"] == .value(.text("Bel mij op [telefoonnummer]")))
    #expect(row.masked == [.phone])
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

  @Test func aRowWithoutAnyTimeIsRejected() {
    let layout = ExportLayout.detect([["id", "Welk rapportcijfer geeft u?"]])
    var conversion = ExportConversion(layout: layout, definition: definition, gemeente: nil, gemeenten: [])
    guard case .failure(let rejection) = conversion.convert(["1", "8"], line: 2) else {
      Issue.record("the row must be rejected")
      return
    }
    #expect(rejection.problems == ["the row has no start or completion time, so the period it counts in is unknown"])
  }
}
