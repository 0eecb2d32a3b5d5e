import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore

/// The interview engine, without any I/O: state plus a typed line gives the next state and the effects to store.
@Suite struct InterviewTests {
  let questionnaire: Questionnaire

  init() throws {
    questionnaire = try #require(try loadFixture("interview").loaded).questionnaire
  }

  /// Feeds lines one by one and returns every effect, in order.
  @discardableResult
  func feed(_ interview: inout Interview, _ lines: [String]) -> [Interview.Effect] {
    lines.flatMap { interview.handle($0).effects }
  }

  func question(_ interview: Interview) -> Question.ID? {
    if case .question(let id) = interview.stage { return id }
    return nil
  }

  /// Answers to every question for a respondent with children, up to the review screen.
  let fullScript = ["ja", "2", "ja", "4", "1,2", "3", "5", "8", "Prima geholpen."]

  // MARK: - Flow

  @Test func walksThroughEveryQuestionInOrderAndCompletesOnConfirmation() throws {
    var interview = Interview(questionnaire: questionnaire)
    #expect(question(interview) == "toestemming")
    var asked: [Question.ID] = []
    for line in fullScript {
      asked.append(try #require(question(interview)))
      let step = interview.handle(line)
      #expect(step.message == nil, "\(line): \(step.message ?? "")")
    }
    #expect(
      asked == [
        "toestemming", "rol", "kinderen", "kinderen_gesproken", "contact", "gesprekken", "bereikbaarheid", "cijfer",
        "opmerking",
      ])
    #expect(interview.stage == .review)
    let finish = interview.handle("ok")
    #expect(finish.effects == [.finish(.completed)])
    #expect(interview.stage == .completed)
    #expect(interview.answers["rol"] == .value(.choices(["ouder"])))
    #expect(interview.answers["contact"] == .value(.choices(["telefoon", "huisbezoek"])))
    #expect(interview.answers["gesprekken"] == .value(.number(3)))
    #expect(interview.answers["cijfer"] == .value(.grade(8)))
    #expect(interview.answers["opmerking"] == .value(.text("Prima geholpen.")))

    // The answers make a valid completed response with the grade that counts.
    let response = Response(
      id: "VT-TEST01", questionnaire: questionnaire, gemeente: nil, mode: .telefonisch, interviewer: "AB12",
      startedAt: Date(timeIntervalSince1970: 0), completedAt: Date(timeIntervalSince1970: 60), status: .completed,
      answers: interview.countedAnswers)
    #expect(response.problems(in: questionnaire) == [])
    #expect(response.grade(using: questionnaire.scoreRule) == 8)
  }

  @Test func everyAnswerIsAStoreEffectAtTheMomentItIsGiven() {
    var interview = Interview(questionnaire: questionnaire)
    #expect(interview.handle("ja").effects == [.store("toestemming", .value(.yesNo(true)), replaced: nil)])
    #expect(interview.handle("melder").effects == [.store("rol", .value(.choices(["melder"])), replaced: nil)])
  }

  @Test func progressCountsTheQuestionsThatApplyOrMayStillApply() {
    var interview = Interview(questionnaire: questionnaire)
    #expect(interview.progress(of: "toestemming") == (1, 9))
    feed(&interview, ["ja", "1", "nee"])
    #expect(question(interview) == "contact")
    #expect(interview.progress(of: "contact") == (4, 8))
  }

  // MARK: - Consent

  @Test func consentNoIsConfirmedBeforeTheRefusalIsRecorded() {
    var interview = Interview(questionnaire: questionnaire)
    // Nothing is stored while the interviewer is asked to confirm.
    #expect(interview.handle("nee") == Interview.Step())
    #expect(interview.stage == .confirmingRefusal)
    #expect(interview.screen == .confirmRefusal)
    #expect(interview.answers.isEmpty)
    let step = interview.handle("j")
    #expect(step.effects == [.store("toestemming", .value(.yesNo(false)), replaced: nil), .finish(.refused)])
    #expect(interview.stage == .refused)
    #expect(interview.handle("1").message == InterviewText.finished.text)
  }

  @Test(arguments: ["n", "nee", "2", "<"])
  func consentNoThatIsNotConfirmedAsksTheConsentQuestionAgain(_ line: String) {
    var interview = Interview(questionnaire: questionnaire)
    _ = interview.handle("2")
    #expect(interview.stage == .confirmingRefusal)
    #expect(interview.handle(line) == Interview.Step())
    #expect(question(interview) == "toestemming")
    #expect(interview.answers.isEmpty)
    #expect(interview.handle("ja").effects == [.store("toestemming", .value(.yesNo(true)), replaced: nil)])
    #expect(question(interview) == "rol")
  }

  @Test func theRefusalConfirmationExplainsOtherInputAndKeepsPauseAndHelp() {
    var interview = Interview(questionnaire: questionnaire)
    _ = interview.handle("nee")
    #expect(interview.handle("misschien").message == "Typ 1 of j voor ja, 2 of n voor nee.")
    #expect(interview.handle("").message == "Typ 1 of j voor ja, 2 of n voor nee.")
    #expect(interview.handle("?").showsHelp)
    #expect(interview.handle("p").effects == [.pause])
    #expect(interview.stage == .confirmingRefusal)
    // A pause before confirming stored nothing: resuming asks for consent again.
    #expect(Interview(questionnaire: questionnaire, answers: interview.answers).stage == .question("toestemming"))
  }

  @Test func withdrawingConsentLaterKeepsOnlyTheConsentAnswer() {
    var interview = Interview(questionnaire: questionnaire)
    feed(&interview, ["ja", "1", "nee", "<", "<", "<"])
    #expect(question(interview) == "toestemming")
    #expect(interview.handle("2").effects == [])
    #expect(interview.answers.count == 3, "nothing is removed before the refusal is confirmed")
    let step = interview.handle("j")
    #expect(
      step.effects == [
        .store("toestemming", .value(.yesNo(false)), replaced: .value(.yesNo(true))), .remove("kinderen"),
        .remove("rol"), .finish(.refused),
      ])
    #expect(interview.answers == ["toestemming": .value(.yesNo(false))])
  }

  // MARK: - Routing and going back

  @Test func questionsAboutChildrenAreAskedOnlyWhenChildrenAreInvolved() {
    var without = Interview(questionnaire: questionnaire)
    feed(&without, ["ja", "1", "nee"])
    #expect(question(without) == "contact")
    #expect(!without.askedQuestions.map(\.id).contains("kinderen_gesproken"))

    var with = Interview(questionnaire: questionnaire)
    feed(&with, ["ja", "1", "ja"])
    #expect(question(with) == "kinderen_gesproken")
  }

  @Test func backGoesToThePreviousAskedQuestionAndShowsItsAnswer() throws {
    var interview = Interview(questionnaire: questionnaire)
    feed(&interview, ["ja", "1", "nee"])
    #expect(interview.handle("<").effects == [])
    #expect(question(interview) == "kinderen")
    guard case .question(let screen) = interview.screen else {
      Issue.record("expected a question screen")
      return
    }
    #expect(screen.current == "Nee")
    // Enter keeps the answer and moves on without storing anything.
    #expect(interview.handle("").effects == [])
    #expect(question(interview) == "contact")
  }

  @Test func backOnTheFirstQuestionExplainsThereIsNone() {
    var interview = Interview(questionnaire: questionnaire)
    let step = interview.handle("<")
    #expect(step.message == "Dit is de eerste vraag: er is geen vorige vraag.")
    #expect(question(interview) == "toestemming")
  }

  @Test func changingAnEarlierAnswerRemovesAnswersThatNoLongerApply() {
    var interview = Interview(questionnaire: questionnaire)
    feed(&interview, ["ja", "1", "ja", "4"])
    #expect(interview.answers["kinderen_gesproken"] == .value(.scalePoint(4)))
    feed(&interview, ["<", "<"])
    #expect(question(interview) == "kinderen")
    let step = interview.handle("nee")
    #expect(
      step.effects == [
        .store("kinderen", .value(.yesNo(false)), replaced: .value(.yesNo(true))), .remove("kinderen_gesproken"),
      ])
    #expect(interview.answers["kinderen_gesproken"] == nil)
    #expect(question(interview) == "contact")
  }

  // MARK: - Missing codes and validation

  @Test func missingCodeKeysRecordWeetNietNvtAndWeigert() {
    var interview = Interview(questionnaire: questionnaire)
    feed(&interview, ["ja", "x", "w"])
    #expect(interview.answers["rol"] == .missing("weigert"))
    #expect(interview.answers["kinderen"] == .missing("weet_niet"))
    // A routing condition on a missing code does not hold: the children question is skipped.
    #expect(question(interview) == "contact")
    feed(&interview, ["3", "v"])
    #expect(interview.answers["gesprekken"] == .missing("nvt"))
  }

  @Test func aMissingCodeTheQuestionDoesNotOfferIsExplained() {
    var interview = Interview(questionnaire: questionnaire)
    feed(&interview, ["ja", "1", "nee", "1", "2"])
    #expect(question(interview) == "bereikbaarheid")
    let step = interview.handle("x")
    #expect(step.message == "'Wil ik niet zeggen' kan bij deze vraag niet gekozen worden.")
    #expect(step.effects == [])
    #expect(question(interview) == "bereikbaarheid")
  }

  @Test(arguments: [
    ("bereikbaarheid", "9", "Kies een nummer van 1 tot en met 5."),
    (
      "bereikbaarheid", "heel",
      "'heel' past bij meer antwoorden (Heel ontevreden, Heel tevreden): typ meer letters of het nummer."
    ),
    ("bereikbaarheid", "abc", "'abc' is geen antwoord op deze vraag: typ het nummer of het begin van een antwoord."),
    ("bereikbaarheid", "t", "'t' is geen antwoord op deze vraag: typ het nummer of het begin van een antwoord."),
    ("bereikbaarheid", "", "Kies een van de antwoorden: typ het nummer."),
    ("cijfer", "7,25", "Geef een cijfer van 1 tot en met 10, met hoogstens één cijfer na de komma."),
    ("cijfer", "11", "Geef een cijfer van 1 tot en met 10, met hoogstens één cijfer na de komma."),
    ("cijfer", "", "Geef een cijfer van 1 tot en met 10."),
    ("gesprekken", "0", "Geef een heel getal van 1 tot en met 20."),
    ("rol", "1,2", "Bij deze vraag kiest u één antwoord."),
    ("rol", "4", "Kies een nummer van 1 tot en met 3."),
    ("kinderen", "misschien", "Typ 1 of j voor ja, 2 of n voor nee."),
  ])
  func invalidInputIsExplainedInOneDutchSentenceAndAskedAgain(item: String, line: String, message: String) {
    let answers: [Question.ID: Answer] = [
      "toestemming": .value(.yesNo(true)), "rol": .value(.choices(["melder"])), "kinderen": .value(.yesNo(false)),
      "contact": .value(.choices(["telefoon"])), "gesprekken": .value(.number(2)),
      "bereikbaarheid": .value(.scalePoint(4)),
    ]
    // Start at `item` with the answers before it given.
    let order: [Question.ID] = ["toestemming", "rol", "kinderen", "contact", "gesprekken", "bereikbaarheid", "cijfer"]
    let before = order.prefix { $0.rawValue != item }
    var interview = Interview(
      questionnaire: questionnaire, answers: answers.filter { before.contains($0.key) })
    #expect(question(interview)?.rawValue == item)
    let step = interview.handle(line)
    #expect(step.message == message)
    #expect(step.effects == [])
    #expect(question(interview)?.rawValue == item)
  }

  @Test func labelsAreChosenByAnUnambiguousStartIgnoringCaseAndAccents() {
    var interview = Interview(
      questionnaire: questionnaire,
      answers: [
        "toestemming": .value(.yesNo(true)), "rol": .value(.choices(["melder"])), "kinderen": .value(.yesNo(true)),
      ])
    #expect(question(interview) == "kinderen_gesproken")
    _ = interview.handle("TEV")
    #expect(interview.answers["kinderen_gesproken"] == .value(.scalePoint(4)))
    _ = interview.handle("huis op")
    #expect(interview.answers["contact"] == nil, "labels hold spaces: only numbers are split on spaces")
    _ = interview.handle("huisbezoek,3")
    #expect(interview.answers["contact"] == .value(.choices(["huisbezoek", "kantoor"])))
  }

  // MARK: - Review

  @Test func theReviewListsEveryAppliedAnswerAndJumpsBackToIt() throws {
    var interview = Interview(questionnaire: questionnaire)
    feed(&interview, fullScript)
    guard case .review(let lines) = interview.screen else {
      Issue.record("expected the review screen")
      return
    }
    #expect(lines.count == 9)
    #expect(lines[3].text == "Is er genoeg met de kinderen gesproken?")
    #expect(lines[3].answer == "4 Tevreden")
    #expect(lines[4].answer == "Telefoon; Huisbezoek")

    // Jump to line 7 (bereikbaarheid), change it, and come straight back to the review.
    #expect(interview.handle("7").effects == [])
    #expect(question(interview) == "bereikbaarheid")
    let change = interview.handle("2")
    #expect(change.effects == [.store("bereikbaarheid", .value(.scalePoint(2)), replaced: .value(.scalePoint(5)))])
    #expect(interview.stage == .review)
  }

  @Test func aChangeFromTheReviewThatOpensANewQuestionAsksItBeforeReturning() {
    var interview = Interview(questionnaire: questionnaire)
    feed(&interview, ["ja", "1", "nee", "1", "2", "4", "7", ""])
    #expect(interview.stage == .review)
    feed(&interview, ["3", "ja"])
    #expect(question(interview) == "kinderen_gesproken")
    feed(&interview, ["5"])
    #expect(interview.stage == .review)
  }

  @Test func reviewInputOutsideTheListIsExplained() {
    var interview = Interview(questionnaire: questionnaire)
    feed(&interview, fullScript)
    #expect(interview.handle("12").message == "Er is geen antwoord met dat nummer: kies 1 tot en met 9.")
    #expect(interview.handle("ja").message == InterviewText.reviewHint.text)
    #expect(interview.stage == .review)
  }

  @Test func anOptionalQuestionIsSkippedWithEnter() {
    var interview = Interview(questionnaire: questionnaire)
    feed(&interview, ["ja", "1", "nee", "1", "2", "4", "7"])
    #expect(question(interview) == "opmerking")
    #expect(interview.handle("").effects == [])
    #expect(interview.stage == .review)
    #expect(interview.handle("ok").effects == [.finish(.completed)])
    #expect(interview.answers["opmerking"] == nil)
  }

  // MARK: - Keys that end or pause a session

  @Test func pauseQuickExitAndHelpLeaveTheStateAsItIs() {
    var interview = Interview(questionnaire: questionnaire)
    feed(&interview, ["ja"])
    let before = interview
    #expect(interview.handle("p").effects == [.pause])
    #expect(interview.handle("!").effects == [.quickExit])
    #expect(interview.handle("?").showsHelp)
    #expect(interview == before)
  }

  // MARK: - Resuming

  @Test func resumingContinuesAtTheFirstUnansweredQuestion() {
    let stored: [Question.ID: Answer] = [
      "toestemming": .value(.yesNo(true)), "rol": .value(.choices(["ouder"])), "kinderen": .value(.yesNo(true)),
    ]
    let resumed = Interview(questionnaire: questionnaire, answers: stored)
    #expect(question(resumed) == "kinderen_gesproken")
    #expect(resumed.answers == stored)
  }

  @Test func resumingACompleteSetOfAnswersOpensTheReviewAndARefusalStaysRefused() {
    var interview = Interview(questionnaire: questionnaire)
    feed(&interview, fullScript)
    #expect(Interview(questionnaire: questionnaire, answers: interview.answers).stage == .review)
    #expect(Interview(questionnaire: questionnaire, answers: ["toestemming": .value(.yesNo(false))]).stage == .refused)
  }
}
