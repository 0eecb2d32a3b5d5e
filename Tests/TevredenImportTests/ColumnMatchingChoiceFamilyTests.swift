import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore
@testable import TevredenImport

/// Multiple-choice items exported as one column per option, in each platform's header shape, recognised as one
/// family per item.
@Suite struct ColumnMatchingChoiceFamilyTests {
  let questionnaire: Questionnaire

  init() throws {
    questionnaire = try #require(try loadFixture("interview").loaded).questionnaire
  }

  typealias ChoiceColumn = ColumnMatching.ChoiceColumn

  func family(_ columns: [[String]]) -> [Int: String?] {
    ColumnMatching.choiceColumns(columns: columns, in: questionnaire).mapValues {
      #expect($0.item == "contact")
      return $0.choice
    }
  }

  @Test func surveyMonkeySubColumnsUnderAForwardFilledQuestion() {
    let layout = ExportLayout.detect([
      ["Respondent ID", "Start Date", "Hoe had u contact?", "", "", "Welk rapportcijfer geeft u?"],
      ["", "", "Telefoon", "Huisbezoek", "Op kantoor", "Response"],
    ])
    #expect(layout.platform == .surveyMonkey)
    #expect(family(layout.columnNames) == [2: "telefoon", 3: "huisbezoek", 4: "kantoor"])
  }

  @Test func qualtricsSplitColumnsWithQuestionDashOptionText() {
    let columns = [
      ["Q5_1", "Hoe had u contact? - Telefoon", "QID5_1"], ["Q5_2", "Hoe had u contact? - Huisbezoek", "QID5_2"],
      ["Q5_3", "Hoe had u contact? - Op kantoor", "QID5_3"], ["Q8", "Welk rapportcijfer geeft u?", "QID8"],
    ]
    #expect(family(columns) == [0: "telefoon", 1: "huisbezoek", 2: "kantoor"])
  }

  @Test func aQuestionTextCutShortStillNamesItsItem() throws {
    let catalog = Catalog.load(from: repositoryRoot.appendingPathComponent("Questionnaires"))
    let adviesaanvraag = try #require(catalog.questionnaire("inwoners-adviesaanvraag")).questionnaire
    let columns = ColumnMatching.choiceColumns(
      columns: [["Q3_1", "Hoe had u contact met Veilig Thu... - Telefoon"], ["Q3_2", "Hoe had u... - Chat"]],
      in: adviesaanvraag)
    #expect(columns[0]?.item == "contact_via")
    #expect(columns[0]?.choice == "telefoon")
    #expect(columns[1] == nil, "too little of the question is left to be sure")
  }

  @Test func limeSurveyCodesWithSequentialSubquestionsAndFullTextHeadings() {
    #expect(
      family([["id"], ["contact[SQ001]"], ["contact[SQ002]"], ["contact[SQ003]"]]) == [
        1: "telefoon", 2: "huisbezoek", 3: "kantoor",
      ])
    #expect(
      family([["Hoe had u contact? [Op kantoor]"], ["Hoe had u contact? [Telefoon]"]]) == [
        0: "kantoor", 1: "telefoon",
      ])
    // A sub-question code that is an option code wins over its position.
    #expect(family([["contact[kantoor]"], ["contact[telefoon]"]]) == [0: "kantoor", 1: "telefoon"])
  }

  @Test func koboAndODKSplitColumnsBesideTheSpaceSeparatedColumn() {
    let kobo = ExportLayout.detect([
      ["start", "groep_b/contact", "groep_b/contact/telefoon", "groep_b/contact/huisbezoek", "_uuid"]
    ])
    #expect(kobo.platform == .koboToolbox)
    #expect(family(kobo.columnNames) == [2: "telefoon", 3: "huisbezoek"])
    let odk = ExportLayout.detect([
      ["SubmissionDate", "groep_b-contact", "groep_b-contact/telefoon", "groep_b-contact/kantoor", "KEY"]
    ])
    #expect(odk.platform == .odk)
    #expect(family(odk.columnNames) == [2: "telefoon", 3: "kantoor"])
  }

  @Test func typeformRunsOfAdjacentOptionLabels() {
    let columns = [
      ["#"], ["Wie bent u?"], ["Telefoon"], ["Huisbezoek"], ["Op kantoor"], ["Welk rapportcijfer geeft u?"],
    ]
    #expect(family(columns) == [2: "telefoon", 3: "huisbezoek", 4: "kantoor"])
  }

  @Test func aLoneOptionLabelIsNotAFamily() {
    #expect(family([["#"], ["Telefoon"], ["Welk rapportcijfer geeft u?"], ["Huisbezoek"]]).isEmpty)
  }

  @Test func anOptionTheItemDoesNotHaveStaysInTheFamilyWithoutACode() {
    let columns = ColumnMatching.choiceColumns(
      columns: [["Hoe had u contact? - Telefoon"], ["Hoe had u contact? - Other (please specify)"]], in: questionnaire)
    #expect(columns[0] == ChoiceColumn(item: "contact", choice: "telefoon", optionLabel: "Telefoon"))
    #expect(
      columns[1] == ChoiceColumn(item: "contact", choice: nil, optionLabel: "Other (please specify)", isOther: true))
    let unknown = ColumnMatching.choiceColumns(columns: [["Hoe had u contact? - Per brief"]], in: questionnaire)
    #expect(unknown[0] == ChoiceColumn(item: "contact", choice: nil, optionLabel: "Per brief"))
  }

  /// Every platform's *Other* column: SurveyMonkey's sub-header, LimeSurvey's `[other]`, Typeform's bare *Other*
  /// after the options; one rule for all.
  @Test(arguments: [
    [["Hoe had u contact? - Telefoon"], ["Hoe had u contact? - Other (please specify)"]],
    [["contact[SQ001]"], ["contact[other]"]],
    [["Hoe had u contact? [Telefoon]"], ["Hoe had u contact? [Anders, namelijk]"]],
    [["#"], ["Telefoon"], ["Huisbezoek"], ["Other"]],
  ])
  func theOtherColumnOfEveryPlatformIsMarked(columns: [[String]]) throws {
    let found = ColumnMatching.choiceColumns(columns: columns, in: questionnaire)
    let other = try #require(found[columns.count - 1])
    #expect(other.item == "contact")
    #expect(other.isOther)
    #expect(other.choice == nil)
    #expect(found.values.filter(\.isOther).count == 1)
  }

  @Test func theOtherColumnTicksTheItemsOwnOtherOption() throws {
    var withOther = questionnaire
    withOther.questions = withOther.questions.map { question in
      guard question.id == "contact", case .choice(var choices, let multiple) = question.kind else { return question }
      choices.append(Choice(code: "anders", label: "Iets anders"))
      var question = question
      question.kind = .choice(choices, allowsMultiple: multiple)
      return question
    }
    let found = ColumnMatching.choiceColumns(
      columns: [["Hoe had u contact? - Telefoon"], ["Hoe had u contact? - Other (please specify)"]], in: withOther)
    #expect(found[1]?.choice == "anders")
    let column = try #require(found[1])
    let question = try #require(withOther.question("contact"))
    #expect(try ExportValue.readOption("per brief", column: column, of: question).get())
    #expect(try !ExportValue.readOption("", column: column, of: question).get())
    // Without such an option the words tick nothing, and the row is not rejected for them.
    let bare = ChoiceColumn(item: "contact", choice: nil, optionLabel: "Other", isOther: true)
    #expect(try !ExportValue.readOption("per brief", column: bare, of: question).get())
  }

  @Test func columnsOfOtherItemsAndExplicitlyMappedColumnsAreNoFamily() {
    #expect(family([["Hoe tevreden bent u over de bereikbaarheid? - Telefoon"], ["groep/cijfer"]]).isEmpty)
    let explicit = ColumnMatching.choiceColumns(
      columns: [["contact[SQ001]"], ["contact[SQ002]"]], in: questionnaire, explicit: ["contact[SQ001]": "opmerking"])
    #expect(explicit.keys.sorted() == [1])
  }

  @Test(arguments: [
    ("Telefoon", true), ("telefoon", true), ("1", true), ("Y", true), ("Ja", true), ("x", true), ("", false),
    ("0", false), ("N", false), ("nee", false),
  ])
  func readsATickedOrEmptyOptionCell(cell: String, ticked: Bool) throws {
    let question = try #require(questionnaire.question("contact"))
    let column = ChoiceColumn(item: "contact", choice: "telefoon", optionLabel: "Telefoon")
    #expect(try ExportValue.readOption(cell, column: column, of: question).get() == ticked)
  }

  @Test func aCellThatIsAnotherOptionOrAnUnknownTickedOptionIsAProblem() throws {
    let question = try #require(questionnaire.question("contact"))
    let telefoon = ChoiceColumn(item: "contact", choice: "telefoon", optionLabel: "Telefoon")
    guard case .failure(let wrong) = ExportValue.readOption("Huisbezoek", column: telefoon, of: question) else {
      Issue.record("another option's label in the column must be a problem")
      return
    }
    #expect(
      wrong.description
        == #""Huisbezoek" in the column of option "Telefoon" is neither that option nor 1/0, Y/N or empty"#)
    let other = ChoiceColumn(item: "contact", choice: nil, optionLabel: "Per brief")
    guard case .failure(let unknown) = ExportValue.readOption("Per brief", column: other, of: question) else {
      Issue.record("a ticked option the item does not have must be a problem")
      return
    }
    #expect(
      unknown.description.hasPrefix(#"option "Per brief" is ticked ("Per brief"), but it is not one of the choices"#))
    #expect(try ExportValue.readOption("", column: other, of: question).get() == false)
  }

  @Test(arguments: [
    ("Telefoon;Op kantoor;", ["telefoon", "kantoor"]),  // Microsoft Forms, trailing separator
    ("Op kantoor, Telefoon", ["telefoon", "kantoor"]),  // Google Forms sheet
    ("huisbezoek telefoon", ["telefoon", "huisbezoek"]),  // KoboToolbox, ODK: codes separated by spaces
  ])
  func readsOneColumnHoldingSeveralOptions(cell: String, codes: [String]) throws {
    let question = try #require(questionnaire.question("contact"))
    #expect(ExportValue.read(cell, for: question, in: questionnaire) == .success(.value(.choices(codes))))
  }

  @Test func aLabelHoldingTheSeparatorIsReadWhole() {
    let choices = [
      Choice(code: "a", label: "Telefoon, of chat"), Choice(code: "b", label: "Brief"),
      Choice(code: "c", label: "Chat"),
    ]
    #expect(ExportValue.multipleChoices("Brief, Telefoon, of chat", among: choices) == .success(["a", "b"]))
    #expect(
      ExportValue.multipleChoices("Chat, Fax", among: choices)
        == .failure(.unknownChoice("Fax", valid: choices.map(\.label))))
  }

  @Test func koboLabelHeadersWithQuestionSlashOption() {
    // kpi's export with labels: "What kind of symmetry do you have?/Spherical".
    #expect(
      family([["Hoe had u contact?"], ["Hoe had u contact?/Telefoon"], ["Hoe had u contact?/Op kantoor"]]) == [
        1: "telefoon", 2: "kantoor",
      ])
  }
}
