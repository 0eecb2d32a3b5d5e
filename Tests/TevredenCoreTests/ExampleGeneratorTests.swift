import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore

@Suite struct ExampleGeneratorTests {
  let catalog = Catalog.load(from: repositoryRoot.appendingPathComponent("Questionnaires"))

  @Test func theSameSeedGivesTheSameData() {
    let first = ExampleData.files(catalog: catalog, seed: 7).map(\.csv)
    let second = ExampleData.files(catalog: catalog, seed: 7).map(\.csv)
    let other = ExampleData.files(catalog: catalog, seed: 8).map(\.csv)
    #expect(first == second)
    #expect(first != other)
  }

  @Test func everyGeneratedResponseIsValid() {
    var generator = ExampleGenerator(seed: 1)
    for loaded in catalog.questionnaires {
      let responses = generator.responses(
        for: loaded.questionnaire, profile: .init(count: 60, meanGrade: 7),
        from: LocalDate(year: 2026, month: 1, day: 1),
        through: LocalDate(year: 2026, month: 6, day: 30), gemeenten: catalog.indicators?.gemeenten ?? [])
      #expect(responses.count == 60)
      for response in responses {
        #expect(response.problems(in: loaded.questionnaire) == [], "\(response.id)")
        #expect(response.collectedOn >= LocalDate(year: 2026, month: 1, day: 1))
        #expect(response.collectedOn <= LocalDate(year: 2026, month: 6, day: 30))
      }
      #expect(Set(responses.map(\.status)).contains(.completed))
    }
  }

  @Test func meanGradesFollowTheProfile() throws {
    var generator = ExampleGenerator(seed: 3)
    let questionnaire = try #require(catalog.questionnaire("inwoners-melding")).questionnaire
    for target in [6.0, 8.0] {
      let grades = generator.responses(
        for: questionnaire, profile: .init(count: 400, meanGrade: target),
        from: LocalDate(year: 2026, month: 1, day: 1),
        through: LocalDate(year: 2026, month: 12, day: 31), gemeenten: []
      ).compactMap { $0.grade(using: questionnaire.scoreRule) }
      let mean = grades.reduce(0, +) / Double(grades.count)
      #expect(abs(mean - target) < 0.3)
    }
  }
}
