import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore

/// The safe start of a resident interview ("Kunt u nu vrijuit praten?"), without any I/O: ja goes on, nee ends the
/// contact as *niet nu, veilig*, anything else is asked again.
@Suite struct SafeStartTests {
  @Test func inAnotherLanguageTheQuestionIsReadOutInItWithTheDutchForTheInterviewer() throws {
    let questionnaire = try #require(try loadFixture("interview-translated").loaded).questionnaire
    let english = try #require(questionnaire.translations.first { $0.language == LanguageCode(rawValue: "en") })
    let screen = SafeStart().screen(in: english)
    #expect(screen.question == "Can you talk freely right now?")
    #expect(screen.sourceQuestion == "Kunt u nu vrijuit praten?")
    #expect(screen.options.map(\.label) == [english.yesNo.yes, english.yesNo.no])
    #expect(screen.options.map(\.sourceLabel) == ["Ja", "Nee"])
    #expect(screen.language == LanguageCode(rawValue: "en"))
    // Every language tevreden ships translations into has the question.
    for code in ["en", "ar", "tr", "pl"] {
      #expect(InterviewText.safeStartQuestionTranslations[LanguageCode(rawValue: code)] != nil, "\(code)")
    }
    // A language without it: the Dutch question, and a note that the interviewer or interpreter says it.
    var german = english
    german.language = LanguageCode(rawValue: "de")
    let untranslated = SafeStart().screen(in: german)
    #expect(untranslated.question == "Kunt u nu vrijuit praten?")
    #expect(untranslated.sourceQuestion == nil)
    #expect(untranslated.note?.contains("niet vertaald in het Duits") == true)
    #expect(SafeStart().screen(in: nil) == SafeStart().screen)
  }

  @Test(arguments: ["ja", "j", "1", " JA ", "Ja"])
  func jaGoesOnIntoTheInterview(_ line: String) {
    var safeStart = SafeStart()
    let step = safeStart.handle(line)
    #expect(step == SafeStart.Step(outcome: .proceed))
    #expect(safeStart.stage == .canTalk)
  }

  @Test(arguments: ["nee", "n", "2", "Nee", " NEE"])
  func neeEndsTheContactAsNotNowSafe(_ line: String) {
    var safeStart = SafeStart()
    let step = safeStart.handle(line)
    #expect(step == SafeStart.Step(outcome: .endContact(.notNowSafe)))
    #expect(safeStart.stage == .notNow)
    // Ended: no later line changes that (a stray "ja" typed after it does not start the interview).
    #expect(safeStart.handle("ja") == SafeStart.Step())
    #expect(safeStart.stage == .notNow)
  }

  @Test func neeIsCountedAsAContactThatIsNotARefusal() {
    // The outcome is the one `tevreden contact --outcome niet_nu_veilig` records, so both count alike: a contact
    // that reached the person (O in AAPOR's terms), never a refusal (R).
    var safeStart = SafeStart()
    guard case .endContact(let outcome)? = safeStart.handle("nee").outcome else {
      Issue.record("nee did not end the contact")
      return
    }
    #expect(outcome == .notNowSafe)
    #expect(outcome.rawValue == "niet_nu_veilig")
    var dispositions = ResponseRates.Dispositions()
    outcome.add(to: &dispositions, count: 1)
    #expect(dispositions == ResponseRates.Dispositions(other: 1))
    #expect(dispositions.refused == 0)
  }

  @Test func neeBuildsNoResponse() throws {
    // The safe start has no effects to store: what nee leaves behind is only the contact outcome. An interview
    // that went on after ja holds no trace of the question among its answers.
    let questionnaire = try #require(try loadFixture("interview").loaded).questionnaire
    var safeStart = SafeStart()
    #expect(safeStart.handle("ja").outcome == .proceed)
    var interview = Interview(questionnaire: questionnaire)
    #expect(interview.stage == .question("toestemming"), "the first question is still consent")
    #expect(interview.handle("ja").effects == [.store("toestemming", .value(.yesNo(true)), replaced: nil)])
    #expect(interview.answers.keys.sorted() == ["toestemming"])
  }

  @Test(arguments: ["", "misschien", "3", "<", "p", "w", "ok", "jawel"])
  func anythingElseIsExplainedAndAskedAgain(_ line: String) {
    var safeStart = SafeStart()
    let step = safeStart.handle(line)
    #expect(step.outcome == nil)
    #expect(step.message == "Typ 1 of j voor ja, 2 of n voor nee.")
    #expect(safeStart.stage == .asking)
    #expect(safeStart.handle("ja").outcome == .proceed)
  }

  @Test func helpAndQuickExitLeaveTheQuestionOpen() {
    var safeStart = SafeStart()
    #expect(safeStart.handle("?") == SafeStart.Step(showsHelp: true))
    #expect(safeStart.handle("!") == SafeStart.Step(outcome: .quickExit))
    #expect(safeStart.stage == .asking)
  }

  @Test func theScreenAsksTheQuestionWithAnInstructionForTheInterviewer() {
    let screen = SafeStart().screen
    #expect(screen.question == "Kunt u nu vrijuit praten?")
    #expect(screen.options.map(\.key) == ["1", "2"])
    #expect(screen.options.map(\.label) == ["Ja", "Nee"])
    // Marked as the questions' instructions are: for the interviewer, not read out.
    let shown = InterviewText.instruction(screen.instruction)
    #expect(shown.hasPrefix("[instructie, niet voorlezen] "))
    for part in ["luistert er iemand mee", "later terugbellen mag", "Kun je nu vrijuit praten?"] {
      #expect(screen.instruction.contains(part), "\(part)")
    }
  }

  @Test func residentInterviewsWithAPersonOnTheLineAreAskedAndNoOthers() throws {
    let catalog = Catalog.parse(BundledDefinitions.sources)
    let residents = catalog.questionnaires.map(\.questionnaire).filter { $0.audience == .inwoners }
    let partners = catalog.questionnaires.map(\.questionnaire).filter { $0.audience == .ketenpartners }
    #expect(!residents.isEmpty && !partners.isEmpty)
    for questionnaire in residents {
      #expect(SafeStart.isAsked(in: questionnaire, mode: .telefonisch), "\(questionnaire.id)")
      #expect(SafeStart.isAsked(in: questionnaire, mode: .persoonlijk), "\(questionnaire.id)")
      // A paper form keyed in later (or an online one) has nobody to ask.
      #expect(!SafeStart.isAsked(in: questionnaire, mode: .papier), "\(questionnaire.id)")
      #expect(!SafeStart.isAsked(in: questionnaire, mode: .online), "\(questionnaire.id)")
    }
    for questionnaire in partners {
      for mode in Response.Mode.allCases {
        #expect(!SafeStart.isAsked(in: questionnaire, mode: mode), "\(questionnaire.id) \(mode)")
      }
    }
  }

  @Test func theQuestionIsNoItemOfAnyQuestionnaire() {
    // Not stored as an answer, not in a codebook or an export, not counted in "Vraag 1 van N": it is no item.
    for loaded in Catalog.parse(BundledDefinitions.sources).questionnaires {
      let texts = loaded.questionnaire.questions.map(\.text)
      #expect(!texts.contains { $0.localizedCaseInsensitiveContains("vrijuit") }, "\(loaded.questionnaire.id)")
      #expect(loaded.questionnaire.questions.first?.kind == .consent, "\(loaded.questionnaire.id)")
    }
  }
}
