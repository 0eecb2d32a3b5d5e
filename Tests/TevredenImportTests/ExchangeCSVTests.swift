import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore
@testable import TevredenImport

@Suite struct ExchangeCSVTests {
  let loaded: LoadedQuestionnaire

  init() throws {
    loaded = try minimalQuestionnaire()
  }

  func read(_ text: String, gemeenten: [String] = ["Hoorn", "Texel"]) -> ExchangeCSV.ReadResult {
    ExchangeCSV.read(
      text, file: "test.csv", gemeenten: gemeenten,
      definition: { id, version in
        id == loaded.questionnaire.id && version == loaded.questionnaire.version ? loaded : nil
      },
      knownItems: Set(loaded.questionnaire.questions.map(\.id.rawValue)))
  }

  let header =
    "response_id,questionnaire,version,audience,group,gemeente,mode,interviewer,started_at,completed_at,status,toestemming,kinderen,bereikbaarheid,kinderen_gesproken,cijfer,opmerking"

  @Test func roundTripsEveryKindOfAnswer() throws {
    let questionnaire = loaded.questionnaire
    let responses = [
      Response(
        id: "a", questionnaire: questionnaire, gemeente: "Hoorn", mode: .telefonisch, interviewer: "INT01",
        startedAt: try instant("2026-02-01T09:00:00Z"), completedAt: try instant("2026-02-01T09:10:00Z"),
        status: .completed,
        answers: [
          "toestemming": .value(.yesNo(true)), "kinderen": .value(.yesNo(true)),
          "bereikbaarheid": .missing("weet_niet"), "kinderen_gesproken": .value(.scalePoint(2)),
          "cijfer": .value(.grade(7.5)), "opmerking": .value(.text("Lang gewacht, maar \"goed\" geholpen.\nDank.")),
        ]),
      Response(
        id: "b", questionnaire: questionnaire, gemeente: nil, mode: .online, interviewer: nil,
        startedAt: try instant("2026-02-02T09:00:00Z"), completedAt: try instant("2026-02-02T09:01:00Z"),
        status: .refused, answers: ["toestemming": .value(.yesNo(false))]),
      Response(
        id: "c", questionnaire: questionnaire, gemeente: "Texel", mode: .online, interviewer: nil,
        startedAt: try instant("2026-02-03T09:00:00Z"), completedAt: nil, status: .partial,
        answers: ["toestemming": .value(.yesNo(true)), "kinderen": .value(.yesNo(false))]),
    ]
    let text = ExchangeCSV.write(responses, items: questionnaire.questions.map(\.id))
    let result = read(text)
    #expect(result.diagnostics == [])
    #expect(result.rows.map(\.response) == responses)
    #expect(result.rows.map(\.line) == [2, 4, 5])  // the remark spans two lines
    #expect(ExchangeCSV.write(result.rows.map(\.response), items: questionnaire.questions.map(\.id)) == text)
  }

  @Test func theLanguageAndTheInterpreterRoundTrip() throws {
    var response = Response(
      id: "ar", questionnaire: loaded.questionnaire, gemeente: "Hoorn", mode: .telefonisch, interviewer: "INT01",
      startedAt: try instant("2026-02-01T09:00:00Z"), completedAt: try instant("2026-02-01T09:10:00Z"),
      status: .completed,
      answers: [
        "toestemming": .value(.yesNo(true)), "kinderen": .value(.yesNo(false)),
        "bereikbaarheid": .value(.scalePoint(4)),
        "cijfer": .value(.grade(8)),
      ])
    response.language = "ar"
    response.isInterpreterAssisted = true
    let text = ExchangeCSV.write([response], items: loaded.questionnaire.questions.map(\.id))
    #expect(text.hasPrefix(header.replacingOccurrences(of: ",status,", with: ",status,language,interpreter,")))
    #expect(text.contains(",completed,ar,ja,"))
    let result = read(text)
    #expect(result.diagnostics == [])
    #expect(result.rows.map(\.response) == [response])
  }

  @Test func aFileWithoutLanguageIsInTheSourceLanguageAndABadLanguageIsARowProblem() throws {
    let old = read(
      header + "\na,valid-minimal,1,inwoners,melding,Hoorn,online,,2026-02-01T09:00:00Z,,partial,ja,,,,,\n")
    #expect(old.diagnostics == [])
    #expect(old.rows.first?.response.language == "nl")
    #expect(old.rows.first?.response.isInterpreterAssisted == false)
    let withLanguage = header.replacingOccurrences(of: ",status,", with: ",status,language,interpreter,")
    let bad = read(
      withLanguage
        + "\na,valid-minimal,1,inwoners,melding,Hoorn,online,,2026-02-01T09:00:00Z,,partial,english,misschien,ja,,,,,\n"
    )
    #expect(
      bad.diagnostics.map(\.description) == [
        "test.csv:2: error: language 'english' is not an ISO 639-1 language code (two lower-case letters, such as nl or "
          + "en); interpreter 'misschien' is neither ja nor nee; row skipped"
      ])
  }

  /// Remarks with every kind of line break, quotes and outer spaces come back from the file unchanged.
  @Test func remarksWithLineBreaksQuotesAndSpacesRoundTrip() throws {
    let remarks = [
      "eerste regel\r\ntweede regel", "eerste regel\rtweede regel", "eerste regel\ntweede regel",
      "\"geciteerd\", met komma", "  spaties eromheen  ", "regel\r\n\r\nna een lege regel\r\n",
    ]
    let responses = try remarks.enumerated().map { index, remark in
      Response(
        id: Response.ID(rawValue: "r\(index)"), questionnaire: loaded.questionnaire, gemeente: "Hoorn",
        mode: .telefonisch, interviewer: "INT01", startedAt: try instant("2026-02-01T09:00:00Z"),
        completedAt: try instant("2026-02-01T09:10:00Z"), status: .completed,
        answers: [
          "toestemming": .value(.yesNo(true)), "kinderen": .value(.yesNo(false)),
          "bereikbaarheid": .value(.scalePoint(4)), "cijfer": .value(.grade(8)), "opmerking": .value(.text(remark)),
        ])
    }
    let items = loaded.questionnaire.questions.map(\.id)
    let text = ExchangeCSV.write(responses, items: items)
    let result = read(text)
    #expect(result.diagnostics == [])
    #expect(result.rows.map(\.response) == responses)
    #expect(ExchangeCSV.write(result.rows.map(\.response), items: items) == text)
  }

  @Test func rejectsBadRowsWithLineAndReasonAndKeepsTheRest() {
    let text = """
      \(header)
      ok,valid-minimal,1,inwoners,melding,Hoorn,telefonisch,INT01,2026-02-01T09:00:00Z,2026-02-01T09:10:00Z,completed,ja,nee,4,,8,
      bad-scale,valid-minimal,1,inwoners,melding,Hoorn,telefonisch,INT01,2026-02-01T09:00:00Z,2026-02-01T09:10:00Z,completed,ja,nee,9,,8,
      bad-place,valid-minimal,1,inwoners,melding,Amsterdam,online,,2026-02-01T09:00:00Z,2026-02-01T09:10:00Z,completed,ja,nee,4,,8,
      bad-name,valid-minimal,1,inwoners,melding,Hoorn,telefonisch,Jan de Vries,2026-02-01T09:00:00Z,2026-02-01T09:10:00Z,completed,ja,nee,4,,8,
      ok,valid-minimal,1,inwoners,melding,Hoorn,telefonisch,INT01,2026-02-01T09:00:00Z,2026-02-01T09:10:00Z,completed,ja,nee,4,,8,
      short,valid-minimal,1
      """
    let result = read(text)
    #expect(result.rows.map(\.response.id) == ["ok"])
    #expect(result.rowCount == 6)
    #expect(result.rejectedCount == 5)
    let byLine = Dictionary(grouping: result.diagnostics, by: { $0.location.line ?? 0 }).mapValues { $0.map(\.message) }
    #expect(byLine[3]?.first?.contains("item 'bereikbaarheid': \"9\" is outside 1...5") == true)
    #expect(byLine[4]?.first?.contains("gemeente 'Amsterdam' is not a municipality of the region") == true)
    #expect(byLine[5]?.first?.contains("must be a code") == true)
    #expect(byLine[6]?.first?.contains("response_id 'ok' was already used on line 2") == true)
    #expect(byLine[7]?.first?.contains("has 3 fields, the header has 17") == true)
    #expect(result.diagnostics.allSatisfy { $0.message.hasSuffix("row skipped") })
  }

  @Test func refusesFilesWithColumnsOutsideTheQuestionnaires() {
    let text = "\(header),email\nx,valid-minimal,1,,,,online,,2026-02-01T09:00:00Z,,partial,ja,,,,,,a@b.nl\n"
    let result = read(text)
    #expect(result.rows.isEmpty)
    #expect(result.rejectedCount == 1)
    #expect(
      result.diagnostics.contains { $0.message.contains("column 'email'") && $0.message.contains("personal data") })
  }

  @Test func rejectsRowsOfUnknownQuestionnaireVersions() {
    let text = "\(header)\nx,valid-minimal,2,,,,online,,2026-02-01T09:00:00Z,,partial,ja,,,,,\n"
    let result = read(text)
    #expect(result.diagnostics.first?.message.contains("questionnaire 'valid-minimal' version 2 is not known") == true)
    #expect(result.diagnostics.first?.location.line == 2)
  }

  @Test func itemColumnsFollowTheNewestVersionThenOlderItems() {
    let old = Questionnaire(
      id: "q", version: 1, audience: .inwoners, group: "g", groupLabel: "G", title: "T", intro: "", missingCodes: [],
      scales: [],
      questions: [Question(id: "a", text: "A", kind: .consent), Question(id: "old", text: "O", kind: .grade)],
      scoreRule: ScoreRule(grade: "old"))
    var new = old
    new.version = 2
    new.questions = [Question(id: "a", text: "A", kind: .consent), Question(id: "b", text: "B", kind: .grade)]
    #expect(ExchangeCSV.itemColumns(for: [old, new]) == ["a", "b", "old"])
  }
}
