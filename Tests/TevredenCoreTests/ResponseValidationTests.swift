import Foundation
import Testing

@testable import TevredenCore

@Suite struct ResponseValidationTests {
  let questionnaire: Questionnaire

  init() throws {
    questionnaire = try minimalQuestionnaire().questionnaire
  }

  func response(_ status: Response.Status = .completed, _ answers: [Question.ID: Answer]) throws -> Response {
    Response(
      id: "r1", questionnaire: questionnaire, gemeente: "Hoorn", mode: .telefonisch, interviewer: "INT01",
      startedAt: try instant("2026-03-02T10:00:00Z"),
      completedAt: status == .partial ? nil : try instant("2026-03-02T10:12:00Z"), status: status, answers: answers)
  }

  var complete: [Question.ID: Answer] {
    [
      "toestemming": .value(.yesNo(true)), "kinderen": .value(.yesNo(true)), "bereikbaarheid": .value(.scalePoint(4)),
      "kinderen_gesproken": .missing("weet_niet"), "cijfer": .value(.grade(8)),
    ]
  }

  @Test func acceptsACompleteResponse() throws {
    #expect(try response(.completed, complete).problems(in: questionnaire) == [])
  }

  @Test func requiresRequiredItemsThatWereAsked() throws {
    var answers = complete
    answers["kinderen_gesproken"] = nil
    #expect(
      try response(.completed, answers).problems(in: questionnaire) == [
        "required item 'kinderen_gesproken' is not answered"
      ])
    // Not asked when there are no children: then it is not required.
    answers["kinderen"] = .value(.yesNo(false))
    #expect(try response(.completed, answers).problems(in: questionnaire) == [])
  }

  @Test func rejectsAnswersTheRoutingSkips() throws {
    var answers = complete
    answers["kinderen"] = .value(.yesNo(false))
    #expect(
      try response(.completed, answers).problems(in: questionnaire) == [
        "item 'kinderen_gesproken' is answered, but the routing (show_if) skips it for this respondent"
      ])
  }

  @Test func aRefusalHoldsOnlyTheConsent() throws {
    #expect(try response(.refused, ["toestemming": .value(.yesNo(false))]).problems(in: questionnaire) == [])
    let problems = try response(.refused, ["toestemming": .value(.yesNo(false)), "cijfer": .value(.grade(3))])
      .problems(in: questionnaire)
    #expect(problems.contains("a refused response holds no answers besides the consent"))
  }

  @Test func rejectsDisallowedMissingCodesAndUnknownItems() throws {
    var answers = complete
    answers["toestemming"] = .missing("nvt")
    answers["onbekend"] = .value(.scalePoint(1))
    let problems = try response(.completed, answers).problems(in: questionnaire)
    #expect(problems.contains { $0.contains("item 'toestemming': missing code \"nvt\" is not allowed") })
    #expect(problems.contains { $0.contains("answers item 'onbekend'") })
  }

  @Test func theGradeCountsOnlyForCompletedResponses() throws {
    #expect(try response(.completed, complete).grade(using: questionnaire.scoreRule) == 8)
    #expect(try response(.partial, complete).grade(using: questionnaire.scoreRule) == nil)
    var answers = complete
    answers["cijfer"] = .missing("weet_niet")
    #expect(try response(.completed, answers).grade(using: questionnaire.scoreRule) == nil)
  }
}
