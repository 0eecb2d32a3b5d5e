import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore
@testable import TevredenImport

/// The language of an online response: read from the platform's language column, and answers read as labels in
/// any of the questionnaire's languages.
@Suite struct ExportLanguageTests {
  let definition: LoadedQuestionnaire

  init() throws {
    definition = try #require(try loadFixture("interview-translated").loaded)
  }

  /// A Qualtrics export of the translated fixture with both `UserLanguage` and a `Q_Language` embedded field: the
  /// first the layout meets is read.
  let header: [[String]] = [
    ["StartDate", "EndDate", "Finished", "ResponseId", "UserLanguage", "Q_Language", "Q1", "Q2", "Q3", "Q7", "Q8"],
    [
      "Start Date", "End Date", "Finished", "Response ID", "User Language", "Q_Language", "Wilt u meedoen?",
      "Wie bent u?", "Waren er kinderen bij betrokken?", "Hoe tevreden bent u over de bereikbaarheid?",
      "Welk rapportcijfer geeft u?",
    ],
    [
      #"{"ImportId":"startDate"}"#, #"{"ImportId":"endDate"}"#, #"{"ImportId":"finished"}"#,
      #"{"ImportId":"_recordId"}"#, #"{"ImportId":"userLanguage"}"#, #"{"ImportId":"Q_Language"}"#,
      #"{"ImportId":"QID1"}"#, #"{"ImportId":"QID2"}"#, #"{"ImportId":"QID3"}"#, #"{"ImportId":"QID7"}"#,
      #"{"ImportId":"QID8"}"#,
    ],
  ]

  func convert(_ rows: [[String]], header: [[String]]? = nil) -> [Result<
    ExportConversion.Row, ExportConversion.Rejection
  >] {
    var conversion = ExportConversion(
      layout: ExportLayout.detect(header ?? self.header), definition: definition, gemeente: nil, gemeenten: [])
    return rows.enumerated().map { conversion.convert($1, line: $0 + 4) }
  }

  @Test func readsTheLanguageColumnAndLabelsInEveryLanguage() throws {
    let conversion = ExportConversion(
      layout: ExportLayout.detect(header), definition: definition, gemeente: nil, gemeenten: [])
    #expect(conversion.languageColumn == 4)
    #expect(conversion.unmappedColumns == [5])
    #expect(conversion.metadataDescription.contains("  language: UserLanguage (detected)"))
    let results = convert([
      ["2026-03-02 10:00:00", "2026-03-02 10:05:00", "1", "R_1", "NL", "", "Ja", "Melder", "Nee", "Tevreden", "8"],
      [
        "2026-03-02 11:00:00", "2026-03-02 11:05:00", "1", "R_2", "EN", "", "Yes", "Parent or carer", "No",
        "Very satisfied", "9",
      ],
      [
        "2026-03-02 12:00:00", "2026-03-02 12:05:00", "1", "R_3", "AR", "", "نعم", "الشخص المعني", "لا", "لا ينطبق",
        "7",
      ],
      [
        "2026-03-02 13:00:00", "2026-03-02 13:05:00", "1", "R_4", "", "", "Yes", "Ouder of verzorger", "Nee",
        "Does not apply", "6",
      ],
    ])
    let responses = try results.map { try $0.get().response }
    #expect(responses.map(\.language) == ["nl", "en", "ar", "nl"])
    #expect(
      responses.map { $0.answers["rol"] } == [
        .value(.choices(["melder"])), .value(.choices(["ouder"])), .value(.choices(["betrokkene"])),
        .value(.choices(["ouder"])),
      ])
    #expect(
      responses.map { $0.answers["bereikbaarheid"] } == [
        .value(.scalePoint(4)), .value(.scalePoint(5)), .missing("nvt"), .missing("nvt"),
      ])
    #expect(
      responses.map { $0.answers["kinderen"] } == [
        .value(.yesNo(false)), .value(.yesNo(false)), .value(.yesNo(false)), .value(.yesNo(false)),
      ])
  }

  @Test func anUnknownLanguageIsARowProblemNamingItsColumn() {
    let results = convert([
      ["2026-03-02 10:00:00", "2026-03-02 10:05:00", "1", "R_1", "Klingon", "", "Ja", "Melder", "Nee", "Tevreden", "8"]
    ])
    guard case .failure(let rejection) = results[0] else {
      Issue.record("accepted: \(results[0])")
      return
    }
    #expect(
      rejection.problems == [
        "column 'UserLanguage': 'Klingon' is not a language code (ISO 639-1, such as nl or en, or a form such as "
          + "nl-NL or EN); give the language with a recode in a mapping file"
      ])
  }

  @Test func aLabelNoLanguageHasIsStillAProblem() {
    let results = convert([
      ["2026-03-02 10:00:00", "2026-03-02 10:05:00", "1", "R_1", "en", "", "Yes", "Neighbour", "No", "Satisfied", "8"]
    ])
    guard case .failure(let rejection) = results[0] else {
      Issue.record("accepted: \(results[0])")
      return
    }
    #expect(rejection.problems.first?.hasPrefix("column 'Q2' (rol): \"Neighbour\" is not one of the choices") == true)
  }

  @Test func aMappingGivesTheLanguageColumnAndRecodesItsValues() throws {
    var plain = header
    plain[0][4] = "Taal van de respondent"
    plain[1][4] = "Taal van de respondent"
    plain[2][4] = #"{"ImportId":"QID99"}"#
    var conversion = ExportConversion(
      layout: ExportLayout.detect(plain), definition: definition, roles: [.language: "Taal van de respondent"],
      recodes: ["Taal van de respondent": ["Engels": "en"]], gemeente: nil, gemeenten: [])
    #expect(conversion.languageColumn == 4)
    let row = try conversion.convert(
      [
        "2026-03-02 10:00:00", "2026-03-02 10:05:00", "1", "R_1", "Engels", "", "Yes", "Melder", "No", "Satisfied", "8",
      ],
      line: 4
    ).get()
    #expect(row.response.language == "en")
  }
}
