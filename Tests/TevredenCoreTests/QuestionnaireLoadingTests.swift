import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore

@Suite struct QuestionnaireLoadingTests {
  @Test func loadsAValidDefinition() throws {
    let (loaded, diagnostics, text) = try loadFixture("valid-minimal")
    #expect(diagnostics.isEmpty)
    let questionnaire = try #require(loaded?.questionnaire)
    #expect(questionnaire.id == "valid-minimal")
    #expect(questionnaire.audience == .inwoners)
    #expect(
      questionnaire.questions.map(\.id.rawValue) == [
        "toestemming", "kinderen", "bereikbaarheid", "kinderen_gesproken", "cijfer", "opmerking",
      ])
    #expect(questionnaire.scoreRule == ScoreRule(grade: "cijfer", aspects: ["bereikbaarheid"]))
    let gesproken = try #require(questionnaire.question("kinderen_gesproken"))
    #expect(gesproken.showIf == [Question.Condition(item: "kinderen", values: ["ja"])])
    #expect(gesproken.missingCodes == ["weet_niet", "nvt"])
    #expect(questionnaire.question("opmerking")?.isRequired == false)
    #expect(questionnaire.question("cijfer")?.isRequired == true)
    #expect(loaded?.source == text)
  }

  @Test func importAliasesAreIdTextAndAliases() throws {
    let questionnaire = try minimalQuestionnaire().questionnaire
    #expect(
      questionnaire.question("bereikbaarheid")?.importAliases == [
        "bereikbaarheid", "Hoe tevreden bent u over de bereikbaarheid?", "Bereikbaarheid",
      ])
  }

  @Test func rejectsDuplicateQuestionIDs() throws {
    let (loaded, diagnostics, text) = try loadFixture("duplicate-question-id")
    #expect(loaded == nil)
    let problem = try #require(diagnostics.first { $0.message.contains("duplicate question id 'bereikbaarheid'") })
    #expect(problem.location.line == line(of: "- id: bereikbaarheid", occurrence: 2, in: text))
    #expect(problem.location.file.hasSuffix("duplicate-question-id.yaml"))
  }

  @Test func rejectsShowIfNamingAnUnknownItem() throws {
    let (_, diagnostics, text) = try loadFixture("show-if-unknown-item")
    let problem = try #require(diagnostics.first { $0.message.contains("unknown item 'kinderrn'") })
    #expect(problem.location.line == line(of: "kinderrn", in: text))
    #expect(problem.location.column != nil)
  }

  @Test func rejectsShowIfNamingALaterItem() throws {
    let (_, diagnostics, text) = try loadFixture("show-if-later-item")
    let problem = try #require(diagnostics.first { $0.message.contains("comes later") })
    #expect(problem.location.line == line(of: "item: kinderen,", in: text))
  }

  @Test func rejectsRoutingCycles() throws {
    let (_, diagnostics, _) = try loadFixture("routing-cycle")
    #expect(diagnostics.contains { $0.message == "routing cycle: kinderen → kinderen_gesproken → kinderen" })
  }

  @Test func rejectsUnknownQuestionTypesWithASuggestion() throws {
    let (_, diagnostics, text) = try loadFixture("unknown-question-type")
    let problem = try #require(diagnostics.first { $0.message.contains("unknown question type 'yesno'") })
    #expect(problem.message.contains("did you mean 'yes_no'?"))
    #expect(problem.location.line == line(of: "type: yesno", in: text))
    // The failed question does not cause follow-on errors in the items that route on it.
    #expect(diagnostics.count == 1)
  }

  @Test func rejectsAScaleWithoutValues() throws {
    let (_, diagnostics, _) = try loadFixture("scale-without-values")
    #expect(diagnostics.contains { $0.message.contains("scale 'tevreden5' has no values") })
  }

  @Test func rejectsAScoreRuleNamingAMissingItem() throws {
    let (_, diagnostics, text) = try loadFixture("score-rule-missing-item")
    let problem = try #require(diagnostics.first { $0.message.contains("score.grade names item 'rapportcijfer'") })
    #expect(problem.location.line == line(of: "grade: rapportcijfer", in: text))
  }

  @Test func rejectsMisspeltKeys() throws {
    let (loaded, diagnostics, text) = try loadFixture("misspelt-key")
    #expect(loaded == nil)
    let problem = try #require(diagnostics.first { $0.message.contains("unknown key 'requird'") })
    #expect(problem.message.contains("did you mean 'required'?"))
    #expect(problem.location.line == line(of: "requird:", in: text))
    #expect(problem.location.column == 5)
  }

  @Test func reportsYAMLSyntaxErrorsWithLineAndColumn() throws {
    let (loaded, diagnostics, _) = try loadFixture("yaml-syntax-error")
    #expect(loaded == nil)
    let problem = try #require(diagnostics.first)
    #expect(problem.message.hasPrefix("invalid YAML"))
    #expect(problem.location.line != nil)
    #expect(problem.description.contains("yaml-syntax-error.yaml:"))
  }

  @Test func rejectsShowIfValuesTheItemCannotTake() throws {
    let (_, diagnostics, _) = try loadFixture("show-if-impossible-value")
    #expect(diagnostics.contains { $0.message.contains("expects 'misschien' from 'kinderen'") })
  }

  @Test func requiresConsentFirst() throws {
    let (_, diagnostics, _) = try loadFixture("consent-not-first")
    #expect(diagnostics.contains { $0.message.contains("must be the first question") })
  }

  @Test func rejectsChoiceCodesThatAreMissingCodes() throws {
    let (_, diagnostics, _) = try loadFixture("choice-code-is-missing-code")
    #expect(diagnostics.contains { $0.message.contains("choice code 'nvt'") && $0.message.contains("missing code") })
  }

  @Test func reportsAllProblemsOfAFileAtOnce() {
    let text = """
      id: wrong-name
      version: 0
      audience: burgers
      group: melding
      title: T
      questions:
        - id: a
          type: grade
          text: A
      score:
        grade: b
        aspects: [a]
      """
    let (loaded, diagnostics) = QuestionnaireLoader.parse(text, file: "x.yaml", expectedID: "x")
    #expect(loaded == nil)
    let messages = diagnostics.map(\.message)
    #expect(messages.contains { $0.contains("differs from the file name 'x.yaml'") })
    #expect(messages.contains { $0.contains("version must be 1 or higher") })
    #expect(messages.contains { $0.contains("unknown audience 'burgers'") })
    #expect(messages.contains { $0.contains("no consent question") })
    #expect(messages.contains { $0.contains("score.grade names item 'b'") })
    #expect(messages.contains { $0.contains("aspects must be scale questions") })
    #expect(diagnostics.allSatisfy { $0.location.line != nil })
  }

  /// Topics must be items whose answers can be shares, named once, and not already the grade or an aspect.
  @Test func topicsAreCheckedLikeAspects() {
    let text = """
      id: x
      version: 1
      audience: inwoners
      group: melding
      title: T
      scales:
        - id: s
          points: [{ value: 1, label: Een }, { value: 2, label: Twee }]
      questions:
        - id: toestemming
          type: consent
          text: Mee doen?
        - id: hulp
          type: yes_no
          text: Hulp?
        - id: schaal
          type: scale
          scale: s
          text: S?
        - id: aantal
          type: number
          min: 0
          max: 9
          text: Hoe vaak?
        - id: cijfer
          type: grade
          text: Cijfer?
      score:
        grade: cijfer
        aspects: [schaal]
        topics: [hulp, hulp, schaal, aantal, cijfer, onbekend]
      """
    let (loaded, diagnostics) = QuestionnaireLoader.parse(text, file: "x.yaml", expectedID: "x")
    #expect(loaded == nil)
    let messages = diagnostics.map(\.message)
    #expect(messages.contains("score.topics names 'hulp' twice"))
    #expect(messages.contains { $0.contains("'schaal', which is already the grade or an aspect") })
    #expect(messages.contains { $0.contains("'cijfer', which is already the grade or an aspect") })
    #expect(messages.contains { $0.contains("'aantal', a number question; topics must be yes_no") })
    #expect(messages.contains("score.topics names item 'onbekend', which does not exist"))
    #expect(diagnostics.allSatisfy { $0.location.line != nil })

    let valid = text.replacingOccurrences(
      of: "topics: [hulp, hulp, schaal, aantal, cijfer, onbekend]", with: "topics: [hulp]")
    let (good, none) = QuestionnaireLoader.parse(valid, file: "x.yaml", expectedID: "x")
    #expect(none.filter { $0.severity == .error }.isEmpty)
    #expect(good?.questionnaire.scoreRule.topics == ["hulp"])
  }

  /// An instruction is for the interviewer: read from the definition, kept apart from the question's text, and
  /// an empty one is an error.
  @Test func anInstructionIsKeptApartFromTheQuestion() throws {
    let text = """
      id: x
      version: 1
      audience: inwoners
      group: melding
      title: T
      questions:
        - id: toestemming
          type: consent
          text: Mee doen?
          instruction: "  Alleen vragen als de persoon alleen is.  "
        - id: cijfer
          type: grade
          text: Cijfer?
          instruction: ""
      score:
        grade: cijfer
      """
    let (_, diagnostics) = QuestionnaireLoader.parse(text, file: "x.yaml", expectedID: "x")
    #expect(
      diagnostics.contains {
        $0.message.contains("'instruction' in question 'cijfer' must be a non-empty text") && $0.location.line == 14
      }, "\(diagnostics)")
    let (loaded, _) = QuestionnaireLoader.parse(
      text.replacingOccurrences(of: "    instruction: \"\"\n", with: ""), file: "x.yaml", expectedID: "x")
    let consent = try #require(loaded?.questionnaire.questions.first)
    #expect(consent.instruction == "Alleen vragen als de persoon alleen is.")
    #expect(consent.text == "Mee doen?")
    // The codebook and the exchange columns describe the question, not the note for the interviewer.
    let book = Codebook(definitions: [try #require(loaded?.questionnaire)])
    #expect(!"\(book)".contains("Alleen vragen als"))
  }

  @Test func theRepositoryQuestionnairesAreValid() throws {
    let catalog = Catalog.load(from: repositoryRoot.appendingPathComponent("Questionnaires"))
    #expect(catalog.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
    #expect(catalog.questionnaires.count == 11)
    let groups = Set(catalog.questionnaires.map { "\($0.questionnaire.audience.rawValue)/\($0.questionnaire.group)" })
    #expect(
      groups == [
        "inwoners/adviesaanvraag", "inwoners/melding", "inwoners/vervolgdienst", "inwoners/monitoring",
        "inwoners/jongeren", "ketenpartners/sociale-teams", "ketenpartners/politie", "ketenpartners/rvdk",
        "ketenpartners/huisartsen",
        "ketenpartners/scholen", "ketenpartners/ziekenhuizen",
      ])
    for loaded in catalog.questionnaires {
      let questions = loaded.questionnaire.questions
      #expect(questions.first?.kind == .consent, "\(loaded.file): consent first")
      #expect(questions.last?.kind == .text, "\(loaded.file): open remark last")
      #expect(questions.contains { $0.id == "rol" || $0.id == "functie" }, "\(loaded.file): a role question")
      #expect(questions.contains { !$0.showIf.isEmpty }, "\(loaded.file): some routing")
    }
    let indicators = try #require(catalog.indicators)
    #expect(indicators.indicator(for: .inwoners)?.norms[2026] == 7.0)
    #expect(indicators.indicator(for: .ketenpartners)?.norms[2026] == 7.0)
    #expect(indicators.indicators.first { $0.id == "pi7a" }?.norms.isEmpty == true)
    #expect(indicators.gemeenten.count == 17)
  }

  /// Earlier versions live in `versions/<id>.v<version>.yaml`, as they were shipped: responses answered under them
  /// are read and stored with them.
  @Test func earlierVersionsAreKeptBesideTheCurrentDefinitions() throws {
    let catalog = Catalog.load(from: repositoryRoot.appendingPathComponent("Questionnaires"))
    #expect(
      catalog.editions.map(\.questionnaire.id).sorted() == [
        "inwoners-adviesaanvraag", "inwoners-melding", "inwoners-monitoring", "inwoners-vervolgdienst",
      ])
    #expect(catalog.versions(of: "inwoners-melding").map(\.questionnaire.version) == [3, 2])
    #expect(catalog.versions(of: "ketenpartners-politie").map(\.questionnaire.version) == [2])
    #expect(
      catalog.questionnaire("inwoners-melding", version: 2)?.file.hasSuffix("versions/inwoners-melding.v2.yaml") == true
    )
    #expect(catalog.questionnaire("inwoners-melding", version: 1) == nil)
  }

  @Test func anEarlierVersionIsNamedByItsVersionAndIsEarlier() throws {
    let text = try loadFixture("valid-minimal").text
    func problems(_ sources: [(String, String)]) -> [String] {
      Catalog.parse(sources.map { Catalog.Source(path: $0.0, text: $0.1) }).diagnostics.map(\.description)
    }
    let current = ("Q/valid-minimal.yaml", text.replacingOccurrences(of: "version: 1", with: "version: 3"))
    let good = ("Q/versions/valid-minimal.v2.yaml", text.replacingOccurrences(of: "version: 1", with: "version: 2"))
    #expect(problems([current, good]) == [])
    #expect(Catalog.parse([current, good].map { Catalog.Source(path: $0.0, text: $0.1) }).editions.count == 1)
    #expect(
      problems([current, ("Q/versions/valid-minimal.yaml", good.1)]) == [
        "Q/versions/valid-minimal.yaml: error: an earlier version is named after its questionnaire and version: "
          + "<id>.v<version>.yaml"
      ])
    #expect(
      problems([current, ("Q/versions/valid-minimal.v4.yaml", good.1)]) == [
        "Q/versions/valid-minimal.v4.yaml: error: the file name says version 4, the definition version 2"
      ])
    let later = text.replacingOccurrences(of: "version: 1", with: "version: 5")
    #expect(
      problems([current, ("Q/versions/valid-minimal.v5.yaml", later)]) == [
        "Q/versions/valid-minimal.v5.yaml: error: an earlier version of valid-minimal must have a lower version than "
          + "its current 3"
      ])
    #expect(
      problems([good]) == [
        "Q/versions/valid-minimal.v2.yaml: error: an earlier version of valid-minimal, which the folder does not define"
      ])
    let otherGroup = good.1.replacingOccurrences(of: "group: melding", with: "group: monitoring")
    #expect(problems([current, (good.0, otherGroup)]).count == 1)
    // A current file that does not load is reported once, not again through its earlier version.
    let broken = (current.0, current.1.replacingOccurrences(of: "type: grade", with: "type: cijfer"))
    #expect(!problems([broken, good]).contains { $0.contains("versions/") })
  }

  @Test func rejectsTwoDefinitionsForOneGroup() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = try loadFixture("valid-minimal").text
    try text.write(to: folder.appendingPathComponent("valid-minimal.yaml"), atomically: true, encoding: .utf8)
    try text.replacingOccurrences(of: "id: valid-minimal", with: "id: second")
      .write(to: folder.appendingPathComponent("second.yaml"), atomically: true, encoding: .utf8)
    let catalog = Catalog.load(from: folder)
    #expect(
      catalog.diagnostics.map(\.message) == [
        "group 'melding' of audience inwoners is already defined by \(folder.path)/second.yaml; use one file per respondent group"
      ])
  }

  @Test func foldersReportEveryFileAndSortByPosition() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let fixtures = questionnaireFixturesFolder
    for name in ["misspelt-key", "duplicate-question-id", "valid-minimal"] {
      try FileManager.default.copyItem(
        at: fixtures.appendingPathComponent("\(name).yaml"), to: folder.appendingPathComponent("\(name).yaml"))
    }
    let catalog = Catalog.load(from: folder)
    #expect(catalog.fileCount == 3)
    #expect(catalog.questionnaires.map(\.questionnaire.id) == ["valid-minimal"])
    #expect(catalog.diagnostics.filter { $0.location.file.hasSuffix("misspelt-key.yaml") }.count == 1)
    // That fixture renamed 'cijfer', so its score rule dangles too: both are reported.
    #expect(
      catalog.diagnostics.filter { $0.location.file.hasSuffix("duplicate-question-id.yaml") }.map(\.message).sorted()
        == [
          "duplicate question id 'bereikbaarheid'", "score.grade names item 'cijfer', which does not exist",
        ])
    let lines = catalog.diagnostics.filter { $0.location.file.hasSuffix("duplicate-question-id.yaml") }
      .compactMap(\.location.line)
    #expect(lines == lines.sorted())
  }
}

@Suite struct IndicatorSetTests {
  @Test func rejectsNormsOutOfRangeAndUnknownKeys() {
    let text = """
      minimum_respondents: 30
      disclosure_threshold: 10
      indicators:
        - { id: pi5, number: "5", label: L, audience: inwoners, unit: cijfer, direction: at_least, norms: { 2026: 12 } }
        - { id: pi6, number: "6", label: L, audience: ketenpartners, unit: cijfer, direction: at_least, norm: { 2026: 7 } }
      """
    let (set, diagnostics) = IndicatorSet.parse(text, file: "indicators.yaml")
    #expect(set == nil)
    #expect(
      diagnostics.contains {
        $0.message.contains("2026 norm of indicator 'pi5' must be a grade from 1 to 10") && $0.location.line == 4
      })
    #expect(diagnostics.contains { $0.message.contains("unknown key 'norm'") && $0.location.line == 5 })
  }

  /// `basis:` says who counts in a survey indicator and how its groups combine; every mistake names its line.
  @Test func readsTheBasisAndRejectsAWrongOne() throws {
    let good = """
      minimum_respondents: 10
      disclosure_threshold: 10
      indicators:
        - id: pi5
          number: "5"
          label: L
          audience: inwoners
          unit: cijfer
          direction: at_least
          basis: { roles: [betrokkene, ouder], mean: groups }
        - { id: pi6, number: "6", label: L, audience: ketenpartners, unit: cijfer, direction: at_least }
      """
    let (set, none) = IndicatorSet.parse(good, file: "indicators.yaml")
    #expect(none.isEmpty, "\(none)")
    let parsed = try #require(set)
    #expect(parsed.indicators[0].basis == IndicatorSet.Basis(roles: ["betrokkene", "ouder"], mean: .groups))
    #expect(parsed.indicators[1].basis == .everyRespondent)
    #expect(parsed.roleBasis == [.inwoners: ["betrokkene", "ouder"]])
    #expect(parsed.countingEveryGroupAsRespondents.indicators[0].basis.mean == .respondents)
    #expect(parsed.countingEveryGroupAsRespondents.roleBasis == parsed.roleBasis)

    let bad = """
      minimum_respondents: 10
      disclosure_threshold: 10
      indicators:
        - { id: pi5, number: "5", label: L, audience: inwoners, unit: cijfer, direction: at_least, basis: { roles: [], mean: weighted } }
        - { id: pi6, number: "6", label: L, audience: ketenpartners, unit: cijfer, direction: at_least, basis: { roles: [a, a] } }
        - { id: pi1, number: "1", label: L, unit: percentage, direction: at_least, basis: { mean: groups } }
        - { id: pi2, number: "2", label: L, unit: percentage, direction: at_least }
      """
    let (rejected, diagnostics) = IndicatorSet.parse(bad, file: "indicators.yaml")
    #expect(rejected == nil)
    let lines = Dictionary(grouping: diagnostics, by: { $0.location.line ?? 0 }).mapValues { $0.map(\.message) }
    #expect(lines[4]?.contains { $0.contains("basis.roles of indicator 'pi5' is empty") } == true, "\(diagnostics)")
    #expect(lines[4]?.contains { $0.contains("unknown basis.mean 'weighted'; use respondents or groups") } == true)
    #expect(lines[5]?.contains { $0.contains("basis.roles of indicator 'pi6' lists a role twice") } == true)
    #expect(lines[6]?.contains { $0.contains("indicator 'pi1' has no audience, so no survey basis") } == true)
  }

  /// A role in `basis.roles` that no questionnaire of the audience offers is an error naming it: a typo would
  /// otherwise leave those respondents out without a word.
  @Test func basisRolesMustBeRolesTheQuestionnairesOffer() throws {
    let indicators = try #require(BundledDefinitions.sources.first { $0.path.hasSuffix("indicators.yaml") })
    let questionnaires = BundledDefinitions.sources.filter {
      $0.path.hasSuffix(".yaml") && !$0.path.hasSuffix("indicators.yaml")
    }
    func problems(_ basis: String) -> [String] {
      var edited = indicators
      edited.text = indicators.text.replacingOccurrences(
        of: "    audience: inwoners\n", with: "    audience: inwoners\n    basis: \(basis)\n")
      return Catalog.parse([edited] + questionnaires).diagnostics.filter { $0.severity == .error }.map(\.description)
    }
    #expect(problems("{ roles: [betrokkene, ouder, pleger] }") == [])
    let typo = problems("{ roles: [betrokkene, betrokenne] }")
    #expect(typo.count == 1)
    #expect(typo.first?.contains("basis.roles of indicator 'pi5' names 'betrokenne'") == true, "\(typo)")
    #expect(typo.first?.contains("use one of betrokkene") == true)
    #expect(typo.first?.hasPrefix("Questionnaires/indicators.yaml") == true, "\(typo)")
  }

  @Test func requiresAnIndicatorPerAudience() {
    let text = """
      minimum_respondents: 30
      disclosure_threshold: 10
      indicators:
        - { id: pi5, number: "5", label: L, audience: inwoners, unit: cijfer, direction: at_least }
      """
    let (_, diagnostics) = IndicatorSet.parse(text, file: "indicators.yaml")
    #expect(diagnostics.contains { $0.message.contains("no indicator has audience 'ketenpartners'") })
  }
}
