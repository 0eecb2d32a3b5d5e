import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore

@Suite struct AnswerParsingTests {
  let questionnaire: Questionnaire

  init() throws {
    questionnaire = try minimalQuestionnaire().questionnaire
  }

  func parse(_ item: Question.ID, _ text: String) throws -> Result<Answer, AnswerProblem> {
    try #require(questionnaire.question(item)).parseAnswer(text, in: questionnaire)
  }

  @Test(arguments: [("4", 4), ("1", 1), ("5", 5), ("Tevreden", 4), ("heel ontevreden", 1)])
  func readsScalePointsByValueOrLabel(text: String, value: Int) throws {
    #expect(try parse("bereikbaarheid", text) == .success(.value(.scalePoint(value))))
  }

  @Test func rejectsScaleValuesOutOfRange() throws {
    #expect(try parse("bereikbaarheid", "9") == .failure(.outOfRange("9", 1...5)))
    #expect(try parse("bereikbaarheid", "0") == .failure(.outOfRange("0", 1...5)))
  }

  @Test(arguments: [("7", 7.0), ("7,5", 7.5), ("7.5", 7.5), ("10", 10.0), ("1", 1.0)])
  func readsGradesWithCommaOrPoint(text: String, grade: Double) throws {
    #expect(try parse("cijfer", text) == .success(.value(.grade(grade))))
  }

  @Test(arguments: ["0", "11", "7.25", "zeven", "nan"])
  func rejectsInvalidGrades(text: String) throws {
    #expect(try parse("cijfer", text) == .failure(.gradeOutOfRange(text)))
  }

  @Test func readsMissingCodesOnlyWhereAllowed() throws {
    #expect(try parse("bereikbaarheid", "weet_niet") == .success(.missing("weet_niet")))
    // The grade item offers every code of the file by default; consent offers none.
    #expect(try parse("cijfer", "nvt") == .success(.missing("nvt")))
    #expect(try parse("toestemming", "nvt") == .failure(.missingCodeNotAllowed("nvt", allowed: [])))
  }

  @Test func freeTextIsNeverAMissingCode() throws {
    #expect(try parse("opmerking", "nvt") == .success(.value(.text("nvt"))))
  }

  @Test func yesNoAcceptsJaAndNee() throws {
    #expect(try parse("kinderen", "ja") == .success(.value(.yesNo(true))))
    #expect(try parse("kinderen", "Nee") == .success(.value(.yesNo(false))))
    #expect(try parse("kinderen", "misschien") == .failure(.notYesNo("misschien")))
  }

  @Test func canonicalTextRoundTrips() throws {
    let values: [(Question.ID, AnswerValue)] = [
      ("bereikbaarheid", .scalePoint(3)), ("cijfer", .grade(8)), ("cijfer", .grade(6.5)), ("kinderen", .yesNo(false)),
    ]
    for (item, value) in values {
      let question = try #require(questionnaire.question(item))
      #expect(question.parseValue(value.canonicalText) == .success(value))
    }
    #expect(AnswerValue.grade(8).canonicalText == "8")
    #expect(AnswerValue.grade(6.5).canonicalText == "6.5")
  }

  @Test func choicesKeepDefinitionOrder() {
    let question = Question(
      id: "contact", text: "Hoe?",
      kind: .choice(
        [Choice(code: "telefoon", label: "Telefoon"), Choice(code: "chat", label: "Chat")], allowsMultiple: true))
    #expect(question.parseValue("chat;telefoon") == .success(.choices(["telefoon", "chat"])))
    #expect(question.parseValue("Chat") == .success(.choices(["chat"])))
    #expect(question.parseValue("fax") == .failure(.unknownChoice("fax", valid: ["telefoon", "chat"])))
  }

  @Test func routingFollowsEarlierAnswers() throws {
    let question = try #require(questionnaire.question("kinderen_gesproken"))
    #expect(question.isAsked(given: ["kinderen": .value(.yesNo(true))]))
    #expect(!question.isAsked(given: ["kinderen": .value(.yesNo(false))]))
    #expect(!question.isAsked(given: ["kinderen": .missing("weet_niet")]))
    #expect(!question.isAsked(given: [:]))
  }
}

@Suite struct GradeFormattingTests {
  /// The formatting the hand-written one replaced, kept as the reference.
  static func reference(_ grade: Double) -> String {
    let rounded = (grade * 10).rounded() / 10
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    return String(format: "%.1f", rounded)
  }

  @Test func gradesPrintAsPrintfDidForEveryTenthAndInBetween() {
    for tenths in -1_000...1_000 {
      let grade = Double(tenths) / 10
      #expect(AnswerValue.format(grade: grade) == Self.reference(grade), "\(grade)")
      for offset in [-0.051, -0.049, -0.01, 0.01, 0.049, 0.05, 0.051] {
        #expect(AnswerValue.format(grade: grade + offset) == Self.reference(grade + offset), "\(grade + offset)")
      }
    }
    #expect(AnswerValue.format(grade: 7.5) == "7.5")
    #expect(AnswerValue.format(grade: -0.5) == "-0.5")
    #expect(AnswerValue.format(grade: 10) == "10")
  }
}
