import Foundation
import Testing

@testable import TevredenCore

/// The plain-Dutch checks of `tevreden check`: the readability formula by hand, and each warning on a text that
/// needs it and not on one that does not.
@Suite struct PlainDutchTests {
  @Test func syllablesAreVowelGroupsWithIJAsAVowel() {
    let counts = ["melding": 2, "medewerker": 4, "veilig": 2, "duidelijk": 3, "bij": 1, "u": 1, "thuis": 1, "één": 1]
    for (word, count) in counts { #expect(PlainDutch.syllables(word) == count, "\(word)") }
  }

  /// "Kon u Veilig Thuis goed bereiken?": 6 words, 1 sentence, 1+1+2+1+1+3 = 9 syllables:
  /// 206.835 − 0.93 × 6 − 77 × 9/6 = 85.755.
  @Test func theFleschDoumaScoreFollowsItsFormula() throws {
    let reading = PlainDutch.reading("Kon u Veilig Thuis goed bereiken?")
    #expect(reading.words == 6 && reading.sentences == 1 && reading.syllables == 9)
    #expect(abs(try #require(reading.fleschDouma) - 85.755) < 1e-9)
    #expect(PlainDutch.reading("").fleschDouma == nil)
    #expect(PlainDutch.reading("Ja. Nee! Waarom?").sentences == 3)
  }

  @Test func twoClausesJoinedByEnAreTwoQuestions() {
    func words(_ text: String) -> [String] { PlainDutch.sentences(text).first ?? [] }
    #expect(PlainDutch.asksTwoThings(words("De medewerker luisterde goed naar mij en nam genoeg tijd voor mij.")))
    #expect(PlainDutch.asksTwoThings(words("Ik wist wat Veilig Thuis doet en wat ik kon verwachten.")))
    // "en" between two nouns is one question.
    #expect(!PlainDutch.asksTwoThings(words("Was er hulp voor u en uw kinderen?")))
    #expect(!PlainDutch.asksTwoThings(words("Hoe goed luisterde de medewerker?")))
  }

  func loaded(_ audience: String, questions: String) throws -> LoadedQuestionnaire {
    let text = """
      id: x
      version: 1
      audience: \(audience)
      group: melding
      title: T
      scales:
        - id: eens3
          points: [{ value: 1, label: Niet mee eens }, { value: 2, label: Neutraal }, { value: 3, label: Mee eens }]
      questions:
        - id: toestemming
          type: consent
          text: Wilt u meedoen?
      \(questions)
        - id: cijfer
          type: grade
          text: Welk cijfer geeft u?
      score:
        grade: cijfer
      """
    let (loaded, diagnostics) = QuestionnaireLoader.parse(text, file: "x.yaml", expectedID: "x")
    return try #require(loaded, "\(diagnostics)")
  }

  @Test func eachHardTextGetsItsWarningAtItsLine() throws {
    let questions = """
        - id: lang
          type: yes_no
          text: "Heeft de medewerker van Veilig Thuis u tijdens het eerste gesprek voldoende uitgelegd wat er met de melding zou gaan gebeuren?"
        - id: dubbel
          type: yes_no
          text: "Luisterde de medewerker en nam hij genoeg tijd?"
        - id: stelling
          type: scale
          scale: eens3
          text: "De medewerker was aardig."
        - id: vakterm
          type: yes_no
          text: "Kreeg u een vervolgdienst?"
      """
    let warnings = PlainDutch.warnings(for: try loaded("inwoners", questions: questions))
    func messages(_ item: String) -> [String] {
      warnings.filter { $0.message.hasPrefix("question '\(item)'") }.map(\.message)
    }
    #expect(messages("lang").contains { $0.contains("a sentence of 21 words") })
    #expect(messages("lang").contains { $0.contains("hard to read (Flesch-Douma") })
    #expect(messages("dubbel").contains { $0.contains("asks two things at once") })
    #expect(messages("stelling").contains { $0.contains("an agree-statement") })
    #expect(messages("vakterm").contains { $0.contains("the jargon word 'vervolgdienst'") })
    #expect(messages("toestemming").isEmpty && messages("cijfer").isEmpty)
    #expect(warnings.allSatisfy { $0.severity == .warning })
    // At the line of the question's text.
    #expect(warnings.first { $0.message.hasPrefix("question 'dubbel'") }?.location.line == 18)
    // Chain partners read professional Dutch: no warnings for them.
    #expect(PlainDutch.warnings(for: try loaded("ketenpartners", questions: questions)).isEmpty)
  }

  @Test func plainTextsGetNone() throws {
    let questions = """
        - id: bereikbaar
          type: yes_no
          text: "Kon u Veilig Thuis goed bereiken?"
        - id: luisteren
          type: yes_no
          text: "Luisterde de medewerker goed naar u?"
      """
    #expect(PlainDutch.warnings(for: try loaded("inwoners", questions: questions)).isEmpty)
  }
}
