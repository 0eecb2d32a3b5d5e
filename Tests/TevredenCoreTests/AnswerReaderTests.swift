import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore

/// One row of a dialect's table: a text typed or stored as the answer to an item, and what the reader makes of it.
struct ReadingCase: CustomTestStringConvertible, Sendable {
  var item: Question.ID
  var text: String
  var expected: Result<Answer, AnswerProblem>
  var testDescription: String { "\(item.rawValue) \(text.debugDescription)" }

  init(_ item: Question.ID, _ text: String, _ expected: Result<Answer, AnswerProblem>) {
    self.item = item
    self.text = text
    self.expected = expected
  }
}

private func value(_ value: AnswerValue) -> Result<Answer, AnswerProblem> { .success(.value(value)) }
private func missing(_ code: String) -> Result<Answer, AnswerProblem> { .success(.missing(code)) }
private func problem(_ problem: AnswerProblem) -> Result<Answer, AnswerProblem> { .failure(problem) }

/// ``AnswerReader`` per dialect over every answer type of the interview fixture (consent, single choice, yes/no,
/// scale, multiple choice, number, grade, text, missing codes), the cases where the readers it replaced disagreed
/// among them.
@Suite struct AnswerReaderTests {
  let questionnaire: Questionnaire

  init() throws {
    questionnaire = try #require(try loadFixture("interview").loaded).questionnaire
  }

  func read(_ reading: ReadingCase, _ dialect: AnswerDialect, extra: [AnswerLabels] = []) throws -> Result<
    Answer, AnswerProblem
  > {
    let question = try #require(questionnaire.question(reading.item))
    return AnswerReader(question, in: questionnaire, dialect: dialect, extraLabels: extra).read(reading.text)
  }

  static let weetNietAllowed = ["weet_niet", "nvt"]

  static let stored: [ReadingCase] = [
    ReadingCase("toestemming", "ja", value(.yesNo(true))),
    ReadingCase("toestemming", "nee", value(.yesNo(false))),
    ReadingCase("toestemming", "Ja", problem(.notCanonical("Ja", canonical: "ja"))),
    ReadingCase("kinderen", "1", problem(.notCanonical("1", canonical: "ja"))),
    ReadingCase("kinderen", "0", problem(.notCanonical("0", canonical: "nee"))),
    // The disagreement: "2" is an interviewer's option number, never stored text.
    ReadingCase("kinderen", "2", problem(.notYesNo("2"))),
    ReadingCase("kinderen", " ja", problem(.notCanonical(" ja", canonical: "ja"))),
    ReadingCase("kinderen", "", problem(.empty)),
    ReadingCase("bereikbaarheid", "4", value(.scalePoint(4))),
    // The disagreement: "4,0" is a platform's 4, and no stored text.
    ReadingCase("bereikbaarheid", "4,0", problem(.notCanonical("4,0", canonical: "4"))),
    ReadingCase("bereikbaarheid", "Tevreden", problem(.notCanonical("Tevreden", canonical: "4"))),
    ReadingCase("bereikbaarheid", "9", problem(.outOfRange("9", 1...5))),
    ReadingCase("bereikbaarheid", "weet_niet", missing("weet_niet")),
    ReadingCase("bereikbaarheid", "weigert", problem(.missingCodeNotAllowed("weigert", allowed: weetNietAllowed))),
    ReadingCase("bereikbaarheid", "Weet ik niet", problem(.notANumber("Weet ik niet"))),
    ReadingCase("cijfer", "7", value(.grade(7))),
    ReadingCase("cijfer", "7.5", value(.grade(7.5))),
    ReadingCase("cijfer", "7,5", problem(.notCanonical("7,5", canonical: "7.5"))),
    ReadingCase("cijfer", "10.0", problem(.notCanonical("10.0", canonical: "10"))),
    ReadingCase("cijfer", "11", problem(.gradeOutOfRange("11"))),
    ReadingCase("cijfer", "nvt", missing("nvt")),
    ReadingCase("gesprekken", "3", value(.number(3))),
    ReadingCase("gesprekken", "03", problem(.notCanonical("03", canonical: "3"))),
    ReadingCase("gesprekken", "0", problem(.outOfRange("0", 1...20))),
    ReadingCase("gesprekken", "drie", problem(.notANumber("drie"))),
    ReadingCase("rol", "melder", value(.choices(["melder"]))),
    ReadingCase("rol", "Melder", problem(.notCanonical("Melder", canonical: "melder"))),
    ReadingCase("rol", "3", problem(.unknownChoice("3", valid: ["betrokkene", "ouder", "melder"]))),
    ReadingCase("contact", "telefoon;kantoor", value(.choices(["telefoon", "kantoor"]))),
    ReadingCase(
      "contact", "kantoor;telefoon", problem(.notCanonical("kantoor;telefoon", canonical: "telefoon;kantoor"))),
    ReadingCase(
      "contact", "telefoon,kantoor", problem(.notCanonical("telefoon,kantoor", canonical: "telefoon;kantoor"))),
    ReadingCase("opmerking", " Goed geholpen ", value(.text(" Goed geholpen "))),
    ReadingCase("opmerking", "nvt", value(.text("nvt"))),
  ]

  static let interviewer: [ReadingCase] = [
    ReadingCase("toestemming", "1", value(.yesNo(true))),
    ReadingCase("toestemming", "j", value(.yesNo(true))),
    ReadingCase("toestemming", " JA ", value(.yesNo(true))),
    ReadingCase("kinderen", "2", value(.yesNo(false))),
    ReadingCase("kinderen", "n", value(.yesNo(false))),
    ReadingCase("kinderen", "Nee", value(.yesNo(false))),
    // A platform's boolean 0 is no option on the interviewer's screen.
    ReadingCase("kinderen", "0", problem(.notYesNo("0"))),
    ReadingCase("kinderen", "yes", problem(.notYesNo("yes"))),
    ReadingCase("bereikbaarheid", "4", value(.scalePoint(4))),
    ReadingCase("bereikbaarheid", "4,0", value(.scalePoint(4))),
    ReadingCase("bereikbaarheid", "tev", value(.scalePoint(4))),
    ReadingCase("bereikbaarheid", "heel t", value(.scalePoint(5))),
    ReadingCase("bereikbaarheid", "heel", problem(.ambiguous("heel", labels: ["Heel ontevreden", "Heel tevreden"]))),
    ReadingCase("bereikbaarheid", "t", problem(.unknownChoice("t", valid: scaleLabels))),
    ReadingCase("bereikbaarheid", "9", problem(.outOfRange("9", 1...5))),
    ReadingCase("bereikbaarheid", "w", missing("weet_niet")),
    ReadingCase("bereikbaarheid", "weet_niet", missing("weet_niet")),
    ReadingCase("bereikbaarheid", "x", problem(.missingCodeNotAllowed("weigert", allowed: weetNietAllowed))),
    ReadingCase("cijfer", "7", value(.grade(7))),
    ReadingCase("cijfer", "7,5", value(.grade(7.5))),
    ReadingCase("cijfer", "7.5", value(.grade(7.5))),
    ReadingCase("cijfer", "7,25", problem(.gradeOutOfRange("7,25"))),
    ReadingCase("cijfer", "11", problem(.gradeOutOfRange("11"))),
    ReadingCase("gesprekken", "3", value(.number(3))),
    ReadingCase("gesprekken", "3,0", value(.number(3))),
    ReadingCase("gesprekken", "3,5", problem(.notANumber("3,5"))),
    ReadingCase("gesprekken", "0", problem(.outOfRange("0", 1...20))),
    ReadingCase("rol", "3", value(.choices(["melder"]))),
    ReadingCase("rol", "mel", value(.choices(["melder"]))),
    ReadingCase("rol", "ouder", value(.choices(["ouder"]))),
    ReadingCase("rol", "1,2", problem(.oneChoiceOnly("1,2"))),
    ReadingCase("rol", "4", problem(.outOfRange("4", 1...3))),
    ReadingCase("contact", "1,3", value(.choices(["telefoon", "kantoor"]))),
    ReadingCase("contact", "3 1", value(.choices(["telefoon", "kantoor"]))),
    ReadingCase("contact", "op kantoor; tel", value(.choices(["telefoon", "kantoor"]))),
    ReadingCase("contact", "telefoon;kantoor", value(.choices(["telefoon", "kantoor"]))),
    ReadingCase("opmerking", "  Goed geholpen  ", value(.text("Goed geholpen"))),
    ReadingCase("opmerking", "nvt", value(.text("nvt"))),
  ]

  static let platform: [ReadingCase] = [
    ReadingCase("toestemming", "Ja", value(.yesNo(true))),
    ReadingCase("toestemming", "Ik ga akkoord", value(.yesNo(true))),
    ReadingCase("toestemming", "TRUE", value(.yesNo(true))),
    ReadingCase("kinderen", "1", value(.yesNo(true))),
    ReadingCase("kinderen", "0", value(.yesNo(false))),
    ReadingCase("kinderen", "No", value(.yesNo(false))),
    // A platform's 1/0 are booleans: its "2" is no answer.
    ReadingCase("kinderen", "2", problem(.notYesNo("2"))),
    ReadingCase("bereikbaarheid", "4", value(.scalePoint(4))),
    ReadingCase("bereikbaarheid", "4,0", value(.scalePoint(4))),
    ReadingCase("bereikbaarheid", "4.00", value(.scalePoint(4))),
    ReadingCase("bereikbaarheid", "Zeer tevreden", value(.scalePoint(5))),
    ReadingCase("bereikbaarheid", "very dissatisfied", value(.scalePoint(1))),
    ReadingCase("bereikbaarheid", "neutral", value(.scalePoint(3))),
    ReadingCase("bereikbaarheid", "tev", problem(.unknownChoice("tev", valid: scaleLabels))),
    ReadingCase("bereikbaarheid", "9", problem(.outOfRange("9", 1...5))),
    ReadingCase("bereikbaarheid", "Weet ik niet", missing("weet_niet")),
    ReadingCase("bereikbaarheid", "N.v.t.", missing("nvt")),
    ReadingCase("bereikbaarheid", "weet_niet", missing("weet_niet")),
    ReadingCase(
      "bereikbaarheid", "Wil ik niet zeggen", problem(.missingCodeNotAllowed("weigert", allowed: weetNietAllowed))),
    ReadingCase("cijfer", "7,5", value(.grade(7.5))),
    ReadingCase("cijfer", "7.5", value(.grade(7.5))),
    ReadingCase("cijfer", "8,0", value(.grade(8))),
    ReadingCase("cijfer", "12", problem(.gradeOutOfRange("12"))),
    ReadingCase("cijfer", "1e1", problem(.gradeOutOfRange("1e1"))),
    ReadingCase("gesprekken", "3", value(.number(3))),
    ReadingCase("gesprekken", "3,0", value(.number(3))),
    ReadingCase("gesprekken", "3,5", problem(.notANumber("3,5"))),
    // Three digits after a point may be a thousands separator: no number.
    ReadingCase("gesprekken", "1.000", problem(.notANumber("1.000"))),
    ReadingCase("rol", "melder", value(.choices(["melder"]))),
    ReadingCase("rol", "Ouder of verzorger", value(.choices(["ouder"]))),
    ReadingCase("rol", "3", problem(.unknownChoice("3", valid: rolLabels))),
    ReadingCase("contact", "Telefoon;Op kantoor;", value(.choices(["telefoon", "kantoor"]))),
    ReadingCase("contact", "Huisbezoek, Telefoon", value(.choices(["telefoon", "huisbezoek"]))),
    ReadingCase("contact", "huisbezoek telefoon", value(.choices(["telefoon", "huisbezoek"]))),
    ReadingCase("contact", "telefoon;kantoor", value(.choices(["telefoon", "kantoor"]))),
    ReadingCase("opmerking", "  Goed geholpen  ", value(.text("Goed geholpen"))),
    ReadingCase("opmerking", "nvt", value(.text("nvt"))),
    ReadingCase("opmerking", " ", problem(.empty)),
  ]

  static let scaleLabels = ["Heel ontevreden", "Ontevreden", "Neutraal", "Tevreden", "Heel tevreden"]
  static let rolLabels = ["Degene over wie het ging", "Ouder of verzorger", "Melder"]

  @Test(arguments: stored)
  func storedTextIsCanonicalOnly(_ reading: ReadingCase) throws {
    #expect(try read(reading, .stored) == reading.expected)
  }

  @Test(arguments: interviewer)
  func interviewersTypeNumbersKeysAndTheStartOfLabels(_ reading: ReadingCase) throws {
    #expect(try read(reading, .interviewer) == reading.expected)
  }

  @Test(arguments: platform)
  func platformsWriteCodesLabelsAndSpreadsheetNumbers(_ reading: ReadingCase) throws {
    #expect(try read(reading, .platform) == reading.expected)
  }

  /// Stored text keeps missing codes and values apart: reading a value never gives a missing code, and free text
  /// may be empty.
  @Test func storedValuesAreNeverMissingCodes() throws {
    let grade = try #require(questionnaire.question("cijfer"))
    let remark = try #require(questionnaire.question("opmerking"))
    #expect(AnswerReader.storedValue("nvt", for: grade) == .failure(.gradeOutOfRange("nvt")))
    #expect(AnswerReader.storedValue("", for: remark) == .success(.text("")))
  }

  // MARK: Label tables

  /// English labels of the interview fixture, as a translated questionnaire would give them.
  static let english = AnswerLabels(
    name: "en", yes: ["Yes"], no: ["No"],
    missingCodes: ["weet_niet": ["I don't know"], "weigert": ["I'd rather not say"]],
    scalePoints: [
      "tevreden5": [1: ["Very unhappy"], 2: ["Unhappy"], 3: ["In between"], 4: ["Happy"], 5: ["Very happy"]]
    ],
    choices: ["rol": ["betrokkene": ["The person it was about"], "ouder": ["Parent or carer"], "melder": ["Reporter"]]])

  @Test func anExtraLabelTableIsReadBesideTheQuestionnairesOwn() throws {
    let withEnglish: [(ReadingCase, AnswerDialect)] = [
      (ReadingCase("bereikbaarheid", "Very happy", value(.scalePoint(5))), .platform),
      (ReadingCase("bereikbaarheid", "Tevreden", value(.scalePoint(4))), .platform),
      (ReadingCase("bereikbaarheid", "I don't know", missing("weet_niet")), .platform),
      (ReadingCase("rol", "Parent or carer", value(.choices(["ouder"]))), .platform),
      (ReadingCase("rol", "par", value(.choices(["ouder"]))), .interviewer),
      (ReadingCase("rol", "rep", value(.choices(["melder"]))), .interviewer),
      (ReadingCase("bereikbaarheid", "in b", value(.scalePoint(3))), .interviewer),
      (ReadingCase("kinderen", "yes", value(.yesNo(true))), .interviewer),
    ]
    for (reading, dialect) in withEnglish {
      #expect(try read(reading, dialect, extra: [Self.english]) == reading.expected, "\(reading) \(dialect)")
      #expect(try read(reading, dialect) != reading.expected || reading.text == "Tevreden", "\(reading) \(dialect)")
    }
    // Stored text takes no labels, in any language.
    let stored = ReadingCase(
      "rol", "Reporter", problem(.unknownChoice("Reporter", valid: ["betrokkene", "ouder", "melder"])))
    #expect(try read(stored, .stored, extra: [Self.english]) == stored.expected)
  }

  @Test func labelsInOtherScriptsAreReadToo() throws {
    let arabic = AnswerLabels(name: "ar", yes: ["نعم"], no: ["لا"])
    #expect(
      try read(ReadingCase("kinderen", "نعم", value(.yesNo(true))), .platform, extra: [arabic]) == value(.yesNo(true)))
    #expect(
      try read(ReadingCase("kinderen", " لا ", value(.yesNo(false))), .interviewer, extra: [arabic])
        == value(.yesNo(false)))
  }

  /// An earlier version's labels are a table too: a choice keeps its code, so its old label reads as that code.
  @Test func anEarlierVersionsLabelsReadAsTheValuesTheyStoodFor() throws {
    var earlier = questionnaire
    earlier.version = 0
    earlier.questions = earlier.questions.map { question in
      guard question.id == "rol", case .choice(var choices, let multiple) = question.kind else { return question }
      var renamed = question
      choices[2].label = "Ik heb het gemeld"
      renamed.kind = .choice(choices, allowsMultiple: multiple)
      return renamed
    }
    let old = ReadingCase("rol", "Ik heb het gemeld", value(.choices(["melder"])))
    #expect(try read(old, .platform) == problem(.unknownChoice("Ik heb het gemeld", valid: Self.rolLabels)))
    #expect(try read(old, .platform, extra: [AnswerLabels(earlier, name: "versie 0")]) == old.expected)
  }

  // MARK: One spelling everywhere

  /// Every canonical text (each value and missing code every shipped question takes) reads as the same answer in
  /// every dialect: an interviewer or a platform writing stored text is understood as the database is.
  @Test func everyDialectReadsCanonicalTextAsStoredTextReadsIt() {
    let catalog = Catalog.load(from: repositoryRoot.appendingPathComponent("Questionnaires"))
    var checked = 0
    for questionnaire in catalog.questionnaires.map(\.questionnaire) {
      for question in questionnaire.questions {
        for answer in Self.canonicalAnswers(of: question) {
          let text: String
          switch answer {
          case .value(let value): text = value.canonicalText
          case .missing(let code): text = code
          }
          for dialect in AnswerDialect.allCases {
            let read = AnswerReader(question, in: questionnaire, dialect: dialect).read(text)
            #expect(read == .success(answer), "\(questionnaire.id) \(question.id) \(text.debugDescription) \(dialect)")
            checked += 1
          }
          // The interview's own path, with its keys for back, pause and help in front of the reader.
          let typed = InterviewInput.parse(text, for: question, in: questionnaire, hasCurrentAnswer: false)
          #expect(typed == .success(.answer(answer)), "\(questionnaire.id) \(question.id) \(text.debugDescription)")
        }
      }
    }
    #expect(checked > 3_000)
  }

  /// The answers a question takes, one of each kind of spelling: every option, point and missing code, grades by
  /// halves, the ends and middle of a number's range.
  static func canonicalAnswers(of question: Question) -> [Answer] {
    var values: [AnswerValue] = []
    switch question.kind {
    case .consent, .yesNo: values = [.yesNo(true), .yesNo(false)]
    case .scale(let scale): values = scale.points.map { .scalePoint($0.value) }
    case .grade: values = stride(from: 1.0, through: 10.0, by: 0.5).map { .grade($0) }
    case .number(let range):
      values = [range.lowerBound, (range.lowerBound + range.upperBound) / 2, range.upperBound].map { .number($0) }
    case .choice(let choices, let allowsMultiple):
      values = choices.map { .choices([$0.code]) }
      if allowsMultiple, choices.count > 1 {
        values.append(.choices([choices[0].code, choices[choices.count - 1].code]))
        values.append(.choices(choices.map(\.code)))
      }
    case .text: values = [.text("Goed geholpen, dank u.")]
    }
    return values.map(Answer.value) + question.missingCodes.map(Answer.missing)
  }

  // MARK: Words for yes and no

  @Test func yesNoWordsAreOneListReadPerDialect() {
    #expect(YesNoWords.value("ja", in: .stored) == true)
    #expect(YesNoWords.value("Ja", in: .stored) == nil)
    #expect(YesNoWords.value("2", in: .interviewer) == false)
    #expect(YesNoWords.value("2", in: .platform) == nil)
    #expect(YesNoWords.value("0", in: .platform) == false)
    #expect(YesNoWords.value("0", in: .interviewer) == nil)
    #expect(YesNoWords.value(" Niet akkoord ", in: .platform) == false)
    #expect(YesNoWords.all.allSatisfy { $0.text.utf8.count <= YesNoWords.longestWord })
  }

  /// The stores compare stored bytes with ``CanonicalSpelling``: its byte readers accept exactly the canonical
  /// texts of grades and whole numbers.
  @Test func canonicalByteReadersMatchTheCanonicalText() {
    for tenths in -20...120 {
      let grade = Double(tenths) / 10
      let text = AnswerValue.grade(grade).canonicalText
      let valid = grade >= 1 && grade <= 10
      #expect(CanonicalSpelling.grade(text.utf8) == (valid ? grade : nil), "\(text)")
    }
    for text in ["7.0", "07", "7,5", "10.0", "1.", ".5", ""] {
      #expect(CanonicalSpelling.grade(text.utf8) == nil, "\(text)")
    }
    for number in [-120, -1, 0, 1, 9, 10, 42, 1_000_000] {
      #expect(CanonicalSpelling.integer(String(number).utf8) == number)
    }
    for text in ["+1", "01", "-0", "1.0", "", "-", "1 "] {
      #expect(CanonicalSpelling.integer(text.utf8) == nil, "\(text)")
    }
  }
}
