import Foundation
import Testing
import TevredenTestSupport

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

/// `Question.problem(with:)` checks a value directly; it must accept exactly what re-reading the value's canonical
/// text would give back unchanged.
@Suite struct DirectValueCheckTests {
  static func candidates(for question: Question) -> [AnswerValue] {
    var values: [AnswerValue] = [.yesNo(true), .yesNo(false), .text("vrij"), .number(-1), .number(0), .number(3)]
    values += (0...12).map { .scalePoint($0) }
    values += stride(from: 0.0, through: 11.0, by: 0.05).map { .grade(($0 * 100).rounded() / 100) }
    if case .choice(let choices, _) = question.kind {
      let codes = choices.map(\.code)
      values += codes.map { .choices([$0]) }
      values += [.choices([]), .choices(["onbekend"]), .choices(codes), .choices(codes.reversed())]
      if codes.count > 1 { values += [.choices([codes[0], codes[0]]), .choices(Array(codes.prefix(2)))] }
    }
    if case .number(let range) = question.kind {
      values += [range.lowerBound - 1, range.lowerBound, range.upperBound, range.upperBound + 1].map { .number($0) }
    }
    return values
  }

  @Test func agreesWithReReadingTheCanonicalTextForEveryShippedQuestion() {
    let catalog = Catalog.load(from: repositoryRoot.appendingPathComponent("Questionnaires"))
    #expect(catalog.questionnaires.count == 11)
    var checked = 0
    for questionnaire in catalog.questionnaires.map(\.questionnaire) {
      for question in questionnaire.questions {
        if case .text = question.kind { continue }
        for value in Self.candidates(for: question) {
          let reread = AnswerReader.storedValue(value.canonicalText, for: question)
          let acceptedByReading = (try? reread.get()) == value
          #expect(
            (question.problem(with: value) == nil) == acceptedByReading,
            "\(questionnaire.id) \(question.id): \(value) → \(String(describing: question.problem(with: value)))")
          checked += 1
        }
      }
    }
    #expect(checked > 10_000)
  }
}
