import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore

/// The interview engine in another language: the questionnaire's texts translated, the interviewer's messages
/// Dutch, the answers codes whatever the language, and `:taal` switching on any screen.
@Suite struct InterviewTranslationTests {
  let questionnaire: Questionnaire

  init() throws {
    questionnaire = try #require(try loadFixture("interview-translated").loaded).questionnaire
  }

  func screen(_ interview: Interview) throws -> QuestionScreen {
    guard case .question(let screen) = interview.screen else {
      Issue.record("not on a question: \(interview.screen)")
      throw CancellationError()
    }
    return screen
  }

  @Test func asksInTheLanguageAndShowsTheSourceBeside() throws {
    var interview = Interview(questionnaire: questionnaire, language: "en")
    #expect(interview.language == "en")
    #expect(interview.presented.title == "Test interview")
    let consent = try screen(interview)
    #expect(consent.question.text == "Do you want to take part?")
    #expect(consent.sourceText == "Wilt u meedoen?")
    #expect(consent.options.map(\.label) == ["Yes", "No"])
    #expect(consent.options.map(\.sourceLabel) == ["Ja", "Nee"])
    #expect(interview.handle("1").effects == [.store("toestemming", .value(.yesNo(true)), replaced: nil)])
    // A Dutch label is not an answer in English: the interviewer types the number or the English words.
    #expect(interview.handle("degene").message?.hasPrefix("'degene' is geen antwoord op deze vraag") == true)
    // A label in the interview's language chooses the option; the answer is its code.
    let step = interview.handle("the person who")
    #expect(step.message == nil)
    #expect(interview.answers["rol"] == .value(.choices(["melder"])))
    _ = interview.handle("2")
    let contact = try screen(interview)
    #expect(contact.question.text == "How were you in contact?")
    #expect(contact.missingOptions.map(\.label) == ["I don't know", "Does not apply", "I'd rather not say"])
  }

  @Test func theSourceLanguageShowsNoSecondText() throws {
    let interview = Interview(questionnaire: questionnaire)
    #expect(interview.language == "nl")
    let consent = try screen(interview)
    #expect(consent.question.text == "Wilt u meedoen?")
    #expect(consent.sourceText == nil)
    #expect(consent.options.map(\.sourceLabel) == [nil, nil])
  }

  @Test func switchesLanguageOnAnyScreenAndKeepsTheAnswers() throws {
    var interview = Interview(questionnaire: questionnaire)
    _ = interview.handle("1")
    _ = interview.handle("2")
    let switched = interview.handle(":taal ar")
    #expect(switched.effects == [.language("ar")])
    #expect(switched.message == "Het interview gaat verder in het Arabisch (ar). Lees de vraag opnieuw voor.")
    #expect(interview.language == "ar")
    #expect(try screen(interview).question.text == "هل كان هناك أطفال معنيّون؟")
    #expect(try screen(interview).options.map(\.label) == ["نعم", "لا"])
    #expect(interview.answers["rol"] == .value(.choices(["ouder"])))
    // Refused or listed without a change: nothing to store.
    let lacking = interview.handle(":taal tr")
    #expect(lacking.effects == [])
    #expect(
      lacking.message
        == "Deze vragenlijst is er niet in 'tr'. Kies een van: Nederlands (nl), Engels (en), Arabisch (ar).")
    #expect(interview.handle(":taal ar").message == "Het interview is al in het Arabisch.")
    #expect(interview.handle(":TAAL").message?.hasPrefix("Talen van deze vragenlijst: Nederlands (nl)") == true)
    // On the review screen too, which then lists the questions in the new language.
    for line in ["2", "1", "3", "4", "8", ""] { _ = interview.handle(line) }
    #expect(interview.stage == .review)
    #expect(interview.handle(":taal en").effects == [.language("en")])
    guard case .review(let lines) = interview.screen else {
      Issue.record("not on the review screen")
      return
    }
    #expect(lines.first?.text == "Do you want to take part?")
    #expect(lines.first?.answer == "Yes")
    #expect(lines.first { $0.questionID == "rol" }?.answer == "Parent or carer")
    #expect(interview.handle("ok").effects == [.finish(.completed)])
  }

  @Test func aTextAnswerThatLooksLikeNoCommandIsAnAnswer() {
    #expect(InterviewInput.languageSwitch(":taal en") == "en")
    #expect(InterviewInput.languageSwitch("  :taal  ") == "")
    #expect(InterviewInput.languageSwitch(":taalen") == nil)
    #expect(InterviewInput.languageSwitch("taal en") == nil)
  }
}
