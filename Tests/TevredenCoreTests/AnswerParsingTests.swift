import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore

@Suite struct AnswerParsingTests {
  let questionnaire: Questionnaire

  init() throws {
    questionnaire = try minimalQuestionnaire().questionnaire
  }

  /// Reads stored text, as the database and the exchange format hold it.
  func parse(_ item: Question.ID, _ text: String) throws -> Result<Answer, AnswerProblem> {
    AnswerReader(try #require(questionnaire.question(item)), in: questionnaire, dialect: .stored).read(text)
  }

  @Test(arguments: [("4", 4), ("1", 1), ("5", 5)])
  func readsScalePointsByValue(text: String, value: Int) throws {
    #expect(try parse("bereikbaarheid", text) == .success(.value(.scalePoint(value))))
  }

  /// Stored text is canonical only: a label is refused, with the value it would be.
  @Test(arguments: [("Tevreden", "4"), ("heel ontevreden", "1")])
  func refusesScaleLabelsNamingTheirStoredText(text: String, canonical: String) throws {
    #expect(try parse("bereikbaarheid", text) == .failure(.notCanonical(text, canonical: canonical)))
  }

  @Test func rejectsScaleValuesOutOfRange() throws {
    #expect(try parse("bereikbaarheid", "9") == .failure(.outOfRange("9", 1...5)))
    #expect(try parse("bereikbaarheid", "0") == .failure(.outOfRange("0", 1...5)))
  }

  @Test(arguments: [("7", 7.0), ("7.5", 7.5), ("10", 10.0), ("1", 1.0)])
  func readsGradesWithAPoint(text: String, grade: Double) throws {
    #expect(try parse("cijfer", text) == .success(.value(.grade(grade))))
  }

  /// A decimal comma is how people and spreadsheets write a grade, never stored text (the exchange reader undoes
  /// a spreadsheet's comma before reading).
  @Test(arguments: [("7,5", "7.5"), ("7.0", "7"), ("07", "7")])
  func refusesGradesNotWrittenAsStored(text: String, canonical: String) throws {
    #expect(try parse("cijfer", text) == .failure(.notCanonical(text, canonical: canonical)))
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

  @Test func yesNoAcceptsJaAndNeeOnly() throws {
    #expect(try parse("kinderen", "ja") == .success(.value(.yesNo(true))))
    #expect(try parse("kinderen", "nee") == .success(.value(.yesNo(false))))
    #expect(try parse("kinderen", "Nee") == .failure(.notCanonical("Nee", canonical: "nee")))
    #expect(try parse("kinderen", "1") == .failure(.notCanonical("1", canonical: "ja")))
    #expect(try parse("kinderen", "2") == .failure(.notYesNo("2")))
    #expect(try parse("kinderen", "misschien") == .failure(.notYesNo("misschien")))
  }

  @Test func canonicalTextRoundTrips() throws {
    let values: [(Question.ID, AnswerValue)] = [
      ("bereikbaarheid", .scalePoint(3)), ("cijfer", .grade(8)), ("cijfer", .grade(6.5)), ("kinderen", .yesNo(false)),
    ]
    for (item, value) in values {
      let question = try #require(questionnaire.question(item))
      #expect(AnswerReader.storedValue(value.canonicalText, for: question) == .success(value))
    }
    #expect(AnswerValue.grade(8).canonicalText == "8")
    #expect(AnswerValue.grade(6.5).canonicalText == "6.5")
  }

  @Test func choicesKeepDefinitionOrder() {
    let question = Question(
      id: "contact", text: "Hoe?",
      kind: .choice(
        [Choice(code: "telefoon", label: "Telefoon"), Choice(code: "chat", label: "Chat")], allowsMultiple: true))
    func read(_ text: String) -> Result<AnswerValue, AnswerProblem> { AnswerReader.storedValue(text, for: question) }
    #expect(read("telefoon;chat") == .success(.choices(["telefoon", "chat"])))
    #expect(read("chat") == .success(.choices(["chat"])))
    // Stored codes follow the definition's order, and a label is no code.
    #expect(read("chat;telefoon") == .failure(.notCanonical("chat;telefoon", canonical: "telefoon;chat")))
    #expect(read("Chat") == .failure(.notCanonical("Chat", canonical: "chat")))
    #expect(read("fax") == .failure(.unknownChoice("fax", valid: ["telefoon", "chat"])))
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
