import Foundation
import GRDB
import Testing

@testable import TevredenCore
@testable import TevredenStore

/// An import hands the store a platform row's answers by the position of their question (``PositionalResponse``),
/// so that no item id is hashed per row; what is stored must be exactly what the same response keyed by item id
/// stores.
@Suite struct PositionalAnswersTests {
  /// A bundled resident definition: scales, choices, yes/no, a grade, an open remark, conditions.
  func definition() throws -> LoadedQuestionnaire {
    let source = try #require(
      BundledDefinitions.sources.first { $0.path == "Questionnaires/inwoners-melding.yaml" })
    let (loaded, diagnostics) = QuestionnaireLoader.parse(source.text, file: source.path)
    #expect(diagnostics.filter { $0.severity == .error } == [])
    return try #require(loaded)
  }

  func positional(_ response: Response, in questionnaire: Questionnaire) -> PositionalResponse {
    PositionalResponse(
      metadata: response, answers: questionnaire.questions.map { response.answers[$0.id] },
      items: questionnaire.questions.map(\.id))
  }

  @Test func answersByPositionAreStoredAsTheSameAnswersByItemID() throws {
    let definition = try definition()
    let questionnaire = definition.questionnaire
    var generator = ExampleGenerator(seed: 18)
    var responses = generator.responses(
      for: questionnaire, profile: .init(count: 60, meanGrade: 7), from: LocalDate(year: 2026, month: 1, day: 1),
      through: LocalDate(year: 2026, month: 4, day: 30), gemeenten: [])
    // Every answer form: missing codes, an open answer holding a phone number (masked on the way in), a partial
    // response without a grade, a refusal.
    responses[0].answers["opmerking"] = .value(.text("Bel me op 06-12345678 a.u.b."))
    responses[1].answers["cijfer"] = .missing("weet_niet")
    responses[2].status = .partial
    responses[2].completedAt = nil
    responses[3].status = .refused
    responses[3].answers = ["toestemming": .value(.yesNo(false))]
    let database = try TevredenDatabase.inMemory()
    // Numbers handed out in another order than the questions' (as in a database where other questionnaires' items
    // were numbered first): the answers are written in the numbers' order, not the questions'.
    let codes = try database.writer.write {
      try ItemCodes.ensure(questionnaire.questions.reversed().map(\.id.rawValue), in: $0)
    }
    #expect(codes.keys(of: questionnaire)?.first?.item == questionnaire.questions.last?.id)
    // With the database's numbers (the import's path), and without (then the session numbers the keys).
    for codes in [codes, nil] {
      var byID = ResponsePreparer(codes: codes)
      var byPosition = ResponsePreparer(codes: codes)
      for response in responses {
        let expected = byID.prepare(response, definition: definition, numbersRepeats: true)
        let prepared = byPosition.prepare(
          positional(response, in: questionnaire), definition: definition, numbersRepeats: true)
        #expect(prepared.hasSameContent(as: expected), "\(response.id)")
        #expect(prepared.record.grade == expected.record.grade, "\(response.id)")
        #expect(prepared.record.collectedOn == expected.record.collectedOn, "\(response.id)")
        #expect(prepared.answers == expected.answers, "\(response.id)")
        #expect(prepared.masked == expected.masked, "\(response.id)")
        #expect(prepared.numbersRepeats)
      }
    }
    #expect(responses.contains { $0.grade(using: questionnaire.scoreRule) != nil })
    var preparer = ResponsePreparer(codes: codes)
    let masked = preparer.prepare(positional(responses[0], in: questionnaire), definition: definition)
    #expect(masked.masked == [.phone])
    #expect(!masked.answers.values.contains("12345678"))
  }

  @Test func thePositionalResponseGivesBackTheResponse() throws {
    let questionnaire = try definition().questionnaire
    var generator = ExampleGenerator(seed: 5)
    for response in generator.responses(
      for: questionnaire, profile: .init(count: 10, meanGrade: 6), from: LocalDate(year: 2026, month: 5, day: 1),
      through: LocalDate(year: 2026, month: 8, day: 31), gemeenten: [])
    {
      let positional = positional(response, in: questionnaire)
      #expect(positional.response == response)
      #expect(positional.metadata.answers.isEmpty)
      let gradePosition = questionnaire.questions.firstIndex { $0.id == questionnaire.scoreRule.grade }
      #expect(positional.grade(at: gradePosition) == response.grade(using: questionnaire.scoreRule))
    }
  }
}
