import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore
@testable import TevredenImport

/// Export columns matched to items through their aliases, and export cells read as answers.
@Suite struct ColumnMatchingTests {
  let questionnaire: Questionnaire

  init() throws {
    questionnaire = try #require(try loadFixture("interview").loaded).questionnaire
  }

  @Test(arguments: [
    ("Q3. Hoe tevreden bent u over de bereikbaarheid?", "hoe tevreden bent u over de bereikbaarheid"),
    ("3) Welk  rapportcijfer geeft u?", "welk rapportcijfer geeft u"),
    ("Vraag 12: Wie bent u?", "wie bent u"),
    ("Hoe <br>tevreden?", "hoe tevreden"),
    ("Één keer", "een keer"),
    ("Q2_1", "q2 1"),
  ])
  func normalisesHeaders(header: String, expected: String) {
    #expect(ColumnMatching.normalise(header) == expected)
  }

  @Test func mapsColumnsByIdTextOrAliasAndLeavesTheRestUnmapped() {
    let columns = [
      ["ResponseId", "Antwort-ID"], ["Q1", "Wilt u meedoen?"],
      ["Q7", "7. Hoe tevreden bent u over de bereikbaarheid?"],
      ["cijfer"], ["IPAddress"], ["Q9", "Welk rapportcijfer geeft u"],
    ]
    let mapping = ColumnMatching.map(columns: columns, to: questionnaire)
    #expect(mapping == [1: "toestemming", 2: "bereikbaarheid", 3: "cijfer"])
  }

  @Test func platformCodesWithoutSpacesAndArrayRowTextsMatchItems() {
    // LimeSurvey question codes cannot hold '_'; full-text headings of array rows read "Question [Row]".
    let mapping = ColumnMatching.map(
      columns: [
        ["kinderengesproken"], ["Hoe tevreden bent u? [Hoe tevreden bent u over de bereikbaarheid?]"],
        ["rol[other]"], ["rol"],
      ], to: questionnaire)
    #expect(mapping == [0: "kinderen_gesproken", 1: "bereikbaarheid", 3: "rol"])
  }

  @Test func anExplicitMappingWins() {
    let mapping = ColumnMatching.map(
      columns: [["Q1"], ["Q2"]], to: questionnaire, explicit: ["q1": "toestemming", "Q2": "cijfer"])
    #expect(mapping == [0: "toestemming", 1: "cijfer"])
  }

  func read(_ cell: String, _ item: Question.ID) -> Result<Answer?, AnswerProblem> {
    guard let question = questionnaire.question(item) else { return .failure(.empty) }
    return ExportValue.read(cell, for: question, in: questionnaire)
  }

  @Test func readsNumbersLabelsAndMissingCodeLabels() {
    #expect(read("4", "bereikbaarheid") == .success(.value(.scalePoint(4))))
    #expect(read("Zeer tevreden", "bereikbaarheid") == .success(.value(.scalePoint(5))))
    #expect(read("heel ontevreden", "bereikbaarheid") == .success(.value(.scalePoint(1))))
    #expect(read("Weet ik niet", "bereikbaarheid") == .success(.missing("weet_niet")))
    #expect(read("N.v.t.", "bereikbaarheid") == .success(.missing("nvt")))
    #expect(read("7,5", "cijfer") == .success(.value(.grade(7.5))))
    #expect(read("Ja", "kinderen") == .success(.value(.yesNo(true))))
    #expect(read("False", "kinderen") == .success(.value(.yesNo(false))))
    #expect(read("Telefoon;Op kantoor", "contact") == .success(.value(.choices(["telefoon", "kantoor"]))))
    #expect(read("Huisbezoek, Telefoon", "contact") == .success(.value(.choices(["telefoon", "huisbezoek"]))))
    #expect(read("  ", "cijfer") == .success(nil))
  }

  @Test func reportsValuesThatDoNotFit() {
    #expect(read("12", "cijfer") == .failure(.gradeOutOfRange("12")))
    #expect(read("6", "bereikbaarheid") == .failure(.outOfRange("6", 1...5)))
    #expect(
      read("Wil ik niet zeggen", "bereikbaarheid")
        == .failure(.missingCodeNotAllowed("weigert", allowed: ["weet_niet", "nvt"])))
    if case .failure(.unknownChoice("Per brief", _)) = read("Telefoon;Per brief", "contact") {
    } else {
      Issue.record("an unknown choice must be reported")
    }
  }
}
