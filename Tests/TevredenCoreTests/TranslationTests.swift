import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore

@Suite struct TranslationTests {
  let text: String

  init() throws {
    text = try String(contentsOf: questionnaireFixture("interview-translated"), encoding: .utf8)
  }

  /// The fixture with one edit, parsed: its diagnostics, and the edited text for finding lines.
  func parse(replacing old: String, with new: String, occurrence: Int = 1) throws -> ([Diagnostic], String) {
    var edited = text
    var ranges: [Range<String.Index>] = []
    var from = edited.startIndex
    while let range = edited.range(of: old, range: from..<edited.endIndex) {
      ranges.append(range)
      from = range.upperBound
    }
    let range = try #require(ranges.count >= occurrence ? ranges[occurrence - 1] : nil, "no '\(old)' to replace")
    edited.replaceSubrange(range, with: new)
    let (_, diagnostics) = QuestionnaireLoader.parse(
      edited, file: "interview-translated.yaml", expectedID: "interview-translated")
    return (diagnostics, edited)
  }

  func errors(_ diagnostics: [Diagnostic]) -> [Diagnostic] { diagnostics.filter { $0.severity == .error } }

  @Test func loadsEveryLanguageAndNotesAMachineMadeOne() throws {
    let (loaded, diagnostics, _) = try loadFixture("interview-translated")
    let questionnaire = try #require(loaded?.questionnaire)
    #expect(errors(diagnostics).isEmpty)
    #expect(questionnaire.sourceLanguage == "nl")
    #expect(questionnaire.languages == ["nl", "en", "ar"])
    #expect(questionnaire.translation("en")?.isMachineTranslated == false)
    #expect(questionnaire.translation("ar")?.isMachineTranslated == true)
    let note = try #require(diagnostics.first { $0.severity == .note })
    #expect(note.location.line == line(of: "machine_translated: true", in: text))
    #expect(note.message.contains("translation 'ar' is machine-made"))
    #expect(note.description.contains(": note: "))
    // The snapshot a response keeps is the file's text: the translations are part of it.
    #expect(loaded?.source.contains("هل تريد المشاركة؟") == true)
  }

  @Test func localizesEveryTextARespondentHears() throws {
    let questionnaire = try #require(try loadFixture("interview-translated").loaded?.questionnaire)
    let english = try #require(questionnaire.localized(to: "en"))
    #expect(english.textLanguage == "en")
    #expect(english.title == "Test interview")
    #expect(english.intro == "A short test.")
    #expect(english.yesNoLabels == YesNoLabels(yes: "Yes", no: "No"))
    #expect(english.missingCode("weet_niet")?.label == "I don't know")
    #expect(english.question("rol")?.text == "Who are you?")
    guard case .choice(let choices, _)? = english.question("rol")?.kind else {
      Issue.record("rol is not a choice question")
      return
    }
    #expect(choices.map(\.code) == ["betrokkene", "ouder", "melder"])
    #expect(choices.map(\.label) == ["The person it was about", "Parent or carer", "The person who reported"])
    guard case .scale(let scale)? = english.question("bereikbaarheid")?.kind else {
      Issue.record("bereikbaarheid is not a scale question")
      return
    }
    #expect(
      scale.points.map(\.label) == ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"])
    // What is not read out stays as it is: ids, routing, the score rule, the group's name.
    #expect(english.questions.map(\.id) == questionnaire.questions.map(\.id))
    #expect(english.question("kinderen_gesproken")?.showIf == questionnaire.question("kinderen_gesproken")?.showIf)
    #expect(english.scoreRule == questionnaire.scoreRule)
    #expect(english.groupLabel == questionnaire.groupLabel)
    #expect(questionnaire.localized(to: "nl") == questionnaire)
    #expect(questionnaire.localized(to: "de") == nil)
  }

  @Test func aDefinitionWithoutTranslationsIsAsBefore() throws {
    let questionnaire = try minimalQuestionnaire().questionnaire
    #expect(questionnaire.languages == ["nl"])
    #expect(questionnaire.translations.isEmpty)
    #expect(questionnaire.yesNoLabels == .dutch)
    #expect(questionnaire.localized(to: "en") == nil)
  }

  @Test func aMissingQuestionIsAnErrorAtItsLanguagesQuestions() throws {
    let (diagnostics, edited) = try parse(replacing: "      kinderen: \"Were children involved?\"\n", with: "")
    let problem = try #require(errors(diagnostics).first)
    #expect(errors(diagnostics).count == 1)
    #expect(problem.message == "translation 'en' lacks question 'kinderen'; add its text under questions:")
    #expect(problem.location.line == line(of: "    questions:", in: edited))
    #expect(problem.location.file == "interview-translated.yaml")
  }

  @Test func aMissingChoiceLabelIsAnError() throws {
    let (diagnostics, edited) = try parse(replacing: ", kantoor: \"At the office\"", with: "")
    let problem = try #require(errors(diagnostics).first)
    #expect(problem.message == "question 'contact' of translation 'en' lacks the label of choice 'kantoor'")
    #expect(problem.location.line == line(of: "choices: { telefoon: \"Phone\"", in: edited))
  }

  @Test func aMissingScaleValueMissingCodeTitleOrYesNoIsAnError() throws {
    let (scale, _) = try parse(replacing: ", 5: \"Very satisfied\"", with: "")
    #expect(errors(scale).map(\.message) == ["scale 'tevreden5' of translation 'en' lacks the label of value '5'"])
    let (missing, _) = try parse(replacing: ", weigert: \"I'd rather not say\"", with: "")
    #expect(
      errors(missing).map(\.message) == [
        "translation 'en' lacks the label of missing code 'weigert'; add it under missing_codes:"
      ])
    let (title, edited) = try parse(replacing: "    title: \"Test interview\"\n", with: "")
    #expect(errors(title).map(\.message) == ["translation 'en' lacks the title; add title: with the translated title"])
    #expect(errors(title).first?.location.line == line(of: "  en:", in: edited))
    let (yesNo, _) = try parse(replacing: "    yes_no: { ja: \"Yes\", nee: \"No\" }\n", with: "")
    #expect(
      errors(yesNo).map(\.message) == ["translation 'en' lacks the words for ja and nee; add yes_no: { ja: …, nee: … }"]
    )
  }

  @Test func anExtraTranslationIsAnErrorAtItsLine() throws {
    let (question, edited) = try parse(
      replacing: "      cijfer: \"What grade do you give?\"\n",
      with: "      cijfer: \"What grade do you give?\"\n      leeftijd: \"How old are you?\"\n")
    #expect(
      errors(question).map(\.message) == ["translation 'en' translates question 'leeftijd', which does not exist"])
    #expect(errors(question).first?.location.line == line(of: "leeftijd:", in: edited))
    let (choice, _) = try parse(
      replacing: "kantoor: \"At the office\"", with: "kantoor: \"At the office\", post: \"By post\"")
    #expect(
      errors(choice).map(\.message) == [
        "question 'contact' of translation 'en' translates choice 'post', which the question does not have (it has "
          + "'telefoon', 'huisbezoek', 'kantoor')"
      ])
    let (value, _) = try parse(replacing: "5: \"Very satisfied\"", with: "5: \"Very satisfied\", 6: \"Delighted\"")
    #expect(errors(value).first?.message.contains("translates value '6', which the scale does not have") == true)
    let (code, _) = try parse(
      replacing: "weigert: \"I'd rather not say\"", with: "weigert: \"No answer\", later: \"Later\"")
    #expect(
      errors(code).map(\.message) == [
        "translation 'en' translates missing code 'later', which missing_codes does not define"
      ])
    let (intro, _) = try parse(replacing: "intro: \"Een korte test.\"\n", with: "")
    #expect(
      errors(intro).map(\.message) == [
        "translation 'en' translates an intro, but the questionnaire has none",
        "translation 'ar' translates an intro, but the questionnaire has none",
      ])
  }

  @Test func aLanguageMustBeAnISOCodeOtherThanTheSource() throws {
    let (english, edited) = try parse(replacing: "  en:\n", with: "  english:\n")
    #expect(
      errors(english).map(\.message) == [
        "'english' is not an ISO 639-1 language code; use two lower-case letters, such as en, ar, tr or pl"
      ])
    #expect(errors(english).first?.location.line == line(of: "  english:", in: edited))
    let (regional, _) = try parse(replacing: "  en:\n", with: "  en-GB:\n")
    #expect(errors(regional).first?.message.hasPrefix("'en-GB' is not an ISO 639-1 language code") == true)
    let (source, _) = try parse(replacing: "  en:\n", with: "  nl:\n")
    #expect(errors(source).first?.message.hasPrefix("translations names 'nl', the source language") == true)
    let (sourceLanguage, _) = try parse(replacing: "version: 1\n", with: "version: 1\nsource_language: dutch\n")
    #expect(errors(sourceLanguage).first?.message.hasPrefix("source_language 'dutch' is not an ISO 639-1") == true)
  }

  @Test func twoAnswersOfAQuestionMayNotReadTheSame() throws {
    let (choices, edited) = try parse(replacing: "huisbezoek: \"Home visit\"", with: "huisbezoek: \"phone\"")
    let problem = try #require(errors(choices).first)
    #expect(errors(choices).count == 1)
    #expect(
      problem.message
        == "translation 'en': choice 'huisbezoek' and choice 'telefoon' of question 'contact' both read \"phone\"; "
        + "give each answer its own words")
    #expect(problem.location.line == line(of: "huisbezoek: \"phone\"", in: edited))
    // A missing code against a scale point it is offered with, reported once for the scale's questions.
    let (missing, _) = try parse(replacing: "nvt: \"Does not apply\"", with: "nvt: \"Neutral\"")
    #expect(
      errors(missing).map(\.message) == [
        "translation 'en': missing code 'nvt' and value 3 of question 'kinderen_gesproken' both read \"Neutral\"; "
          + "give each answer its own words"
      ])
    let (yesNo, _) = try parse(replacing: "nee: \"No\"", with: "nee: \"Yes\"")
    #expect(errors(yesNo).first?.message.contains("nee and ja of question 'toestemming' both read \"Yes\"") == true)
  }

  @Test func aLabelMayNotNameAnotherAnswerInAnotherLanguage() throws {
    let (diagnostics, edited) = try parse(
      replacing: "melder: \"The person who reported\"", with: "melder: \"Ouder of verzorger\"")
    let problem = try #require(errors(diagnostics).first)
    #expect(
      problem.message
        == "question 'rol': \"Ouder of verzorger\" is 'melder' in en but 'ouder' in nl; an import reads answers in "
        + "every language, so give them different words")
    #expect(problem.location.line == line(of: "melder: \"Ouder of verzorger\"", in: edited))
  }

  @Test func theFourResidentQuestionnairesShipInEnglishArabicTurkishAndPolishMarkedMachineMade() throws {
    let catalog = Catalog.load(from: repositoryRoot.appendingPathComponent("Questionnaires"))
    #expect(!catalog.diagnostics.hasErrors)
    for group in ["melding", "adviesaanvraag", "monitoring", "vervolgdienst"] {
      let questionnaire = try #require(
        catalog.questionnaire(Questionnaire.ID(rawValue: "inwoners-\(group)"))?.questionnaire)
      #expect(questionnaire.languages == ["nl", "en", "ar", "tr", "pl"], "\(group)")
      #expect(questionnaire.translations.allSatisfy { $0.isMachineTranslated }, "\(group)")
      // Every text is there (check refuses a definition that lacks one): spot-check the words for yes and no.
      #expect(questionnaire.localized(to: "tr")?.yesNoLabels == YesNoLabels(yes: "Evet", no: "Hayır"))
      #expect(questionnaire.localized(to: "pl")?.missingCode("weet_niet")?.label == "Nie wiem")
    }
    // Each machine-made translation is a note for a translator, at its line.
    let notes = catalog.diagnostics.filter { $0.severity == .note }
    #expect(notes.count == 16)
    #expect(notes.allSatisfy { $0.message.contains("is machine-made") && $0.location.line != nil })
    // Chain partners and the youth questionnaire have no translations (yet).
    #expect(catalog.questionnaire("ketenpartners-politie")?.questionnaire.languages == ["nl"])
  }

  @Test(arguments: [
    ("nl", "nl"), ("EN", "en"), ("nl-NL", "nl"), ("nl-informal", "nl"), ("en_GB", "en"), ("ZH-S", "zh"),
    ("English (en)", "en"), ("nld", "nl"), (" ar ", "ar"), ("TR", "tr"), ("pl-PL", "pl"),
  ])
  func readsThePlatformsLanguageCodes(value: String, code: String) {
    #expect(LanguageCode(platformValue: value) == LanguageCode(rawValue: code))
  }

  @Test(arguments: ["", "xx", "english", "klingon", "e", "12"])
  func refusesWhatIsNoLanguage(value: String) {
    #expect(LanguageCode(platformValue: value) == nil)
  }

  @Test func knowsTheDirectionAndDutchNameOfALanguage() {
    #expect(LanguageCode("ar").isRightToLeft)
    #expect(!LanguageCode("tr").isRightToLeft)
    #expect(LanguageCode("pl").dutchName == "Pools")
    #expect(LanguageCode("ka").dutchName == "ka")
    #expect(LanguageCode.isoCodes.count == 184)
  }
}
