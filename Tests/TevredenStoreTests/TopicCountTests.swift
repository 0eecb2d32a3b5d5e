import Foundation
import Testing

@testable import TevredenCore
@testable import TevredenStore

/// A questionnaire with three topics: a yes/no item, a multiple-choice item and a scale item.
private let topicQuestionnaireYAML = """
  id: topic-test
  version: 2
  audience: inwoners
  group: monitoring
  group_label: Monitoring
  title: "Test"
  missing_codes:
    - { code: weet_niet, label: Weet ik niet }
  scales:
    - id: eens3
      points:
        - { value: 1, label: Oneens }
        - { value: 2, label: Neutraal }
        - { value: 3, label: Eens }
      missing: [weet_niet]
  questions:
    - id: toestemming
      type: consent
      text: "Wilt u meedoen?"
    - id: hulp
      type: yes_no
      text: "Is er hulp voor de kinderen aangeboden?"
      aliases: ["Hulp voor kinderen"]
    - id: kanaal
      type: multiple_choice
      text: "Hoe had u contact?"
      choices:
        - { code: telefoon, label: Telefoon }
        - { code: huisbezoek, label: Huisbezoek }
    - id: veiliger
      type: scale
      scale: eens3
      text: "Is het thuis nu veiliger?"
    - id: cijfer
      type: grade
      text: "Welk cijfer?"
  score:
    grade: cijfer
    topics: [hulp, kanaal, veiliger]

  """

/// How the store counts the answers to topic items: per group, over scored responses, missing codes left out, with
/// the newest definition's topics and options applied to every edition.
@Suite struct TopicCountTests {
  let database: TevredenDatabase
  let definition: LoadedQuestionnaire

  init() throws {
    database = try TevredenDatabase.inMemory()
    definition = try storeQuestionnaire(topicQuestionnaireYAML)
  }

  func save(
    _ id: String, grade: Double?, answers extra: [Question.ID: Answer], with definition: LoadedQuestionnaire? = nil,
    on day: String = "2026-03-01T10:00:00Z"
  ) throws {
    let definition = definition ?? self.definition
    var answers: [Question.ID: Answer] = ["toestemming": .value(.yesNo(true))]
    if let grade { answers["cijfer"] = .value(.grade(grade)) }
    answers.merge(extra) { $1 }
    let completed = try #require(Timestamp.parse(day))
    try database.save(
      Response(
        id: Response.ID(rawValue: id), questionnaire: definition.questionnaire, gemeente: "Hoorn", mode: .online,
        interviewer: nil, startedAt: completed.addingTimeInterval(-600), completedAt: completed,
        status: grade == nil ? .partial : .completed, answers: answers),
      collectedWith: definition)
  }

  func topics(_ period: String = "2026-T1") throws -> [String: TopicCell] {
    let data = try database.scoreData(
      for: ScoreRequest(period: try #require(Period(period)), includesTopics: true))
    #expect(data.aspects.isEmpty, "topics alone count no aspects")
    return Dictionary(uniqueKeysWithValues: data.topics.map { ($0.item, $0) })
  }

  func counts(_ cell: TopicCell?) -> [String: Int] {
    Dictionary(uniqueKeysWithValues: (cell?.options ?? []).map { ($0.code, $0.count) })
  }

  @Test func answersAreCountedPerOptionAndMissingCodesAndUnscoredResponsesNeverCount() throws {
    try save(
      "a", grade: 8,
      answers: [
        "hulp": .value(.yesNo(true)), "kanaal": .value(.choices(["telefoon", "huisbezoek"])),
        "veiliger": .value(.scalePoint(3)),
      ])
    try save(
      "b", grade: 6,
      answers: [
        "hulp": .value(.yesNo(false)), "kanaal": .value(.choices(["telefoon"])), "veiliger": .missing("weet_niet"),
      ])
    try save("c", grade: 7, answers: ["hulp": .value(.yesNo(true))])
    // A partial response without a grade is not among the scored respondents.
    try save("d", grade: nil, answers: ["hulp": .value(.yesNo(false))])
    // Nor is one outside the period.
    try save("e", grade: 9, answers: ["hulp": .value(.yesNo(false))], on: "2026-06-01T10:00:00Z")

    let topics = try topics()
    #expect(topics.count == 3)
    let hulp = try #require(topics["hulp"])
    #expect(hulp.options.map(\.code) == ["ja", "nee"])
    #expect(hulp.options.map(\.label) == ["Ja", "Nee"])
    #expect(counts(hulp) == ["ja": 2, "nee": 1])
    #expect(hulp.respondents == 3)
    #expect(hulp.label == "Hulp voor kinderen")
    #expect(hulp.text == "Is er hulp voor de kinderen aangeboden?")

    let kanaal = try #require(topics["kanaal"])
    #expect(kanaal.allowsMultiple)
    #expect(counts(kanaal) == ["telefoon": 2, "huisbezoek": 1])
    #expect(kanaal.respondents == 2, "a respondent who chose two options is one respondent")

    let veiliger = try #require(topics["veiliger"])
    #expect(veiliger.options.map(\.label) == ["Oneens", "Neutraal", "Eens"])
    #expect(counts(veiliger) == ["1": 0, "2": 0, "3": 1])
    #expect(veiliger.respondents == 1, "weet niet is not an answer with a value")

    // In the order the definition names its topics.
    let data = try database.scoreData(
      for: ScoreRequest(period: try #require(Period("2026-T1")), includesTopics: true))
    #expect(data.topics.map(\.item) == ["hulp", "kanaal", "veiliger"])
    // Asked for aspects only, no topics are counted.
    let aspectsOnly = try database.scoreData(
      for: ScoreRequest(period: try #require(Period("2026-T1")), includesAspects: true))
    #expect(aspectsOnly.topics.isEmpty)
  }

  /// An edition that did not list the topics yet still counts under the newest edition's topics, and an answer
  /// only that edition offered is kept under its code rather than dropped.
  @Test func theNewestEditionsTopicsAndOptionsCoverOlderEditions() throws {
    let older = try storeQuestionnaire(
      topicQuestionnaireYAML.replacingOccurrences(of: "version: 2", with: "version: 1")
        .replacingOccurrences(of: "  topics: [hulp, kanaal, veiliger]\n", with: "")
        .replacingOccurrences(
          of: "- { code: huisbezoek, label: Huisbezoek }",
          with: "- { code: huisbezoek, label: Huisbezoek }\n      - { code: brief, label: Brief }"))
    #expect(older.questionnaire.scoreRule.topics.isEmpty)
    try save(
      "old", grade: 7, answers: ["hulp": .value(.yesNo(true)), "kanaal": .value(.choices(["brief"]))], with: older)
    try save("new", grade: 8, answers: ["hulp": .value(.yesNo(false)), "kanaal": .value(.choices(["telefoon"]))])

    let topics = try topics()
    #expect(counts(topics["hulp"]) == ["ja": 1, "nee": 1])
    let kanaal = try #require(topics["kanaal"])
    #expect(kanaal.options.map(\.code) == ["telefoon", "huisbezoek", "brief"])
    #expect(counts(kanaal) == ["telefoon": 1, "huisbezoek": 0, "brief": 1])
  }

  /// Through the engine: shares of those who answered, and none below the minimum n.
  @Test func sharesAreShownFromTheMinimumN() throws {
    for index in 0..<10 {
      try save("r\(index)", grade: 7, answers: ["hulp": .value(.yesNo(index < 3))])
    }
    try save("s", grade: 7, answers: ["veiliger": .value(.scalePoint(1))])
    let data = try database.scoreData(
      for: ScoreRequest(period: try #require(Period("2026-T1")), includesTopics: true))
    let indicators = IndicatorSet(
      minimumRespondents: 10, indicativeBelow: 30, disclosureThreshold: 10,
      indicators: [
        IndicatorSet.Indicator(
          id: "pi5", number: "5", label: "PI 5", audience: .inwoners, unit: .cijfer, direction: .atLeast, norms: [:])
      ])
    let card = try ScoreCard.build(
      request: ScoreRequest(period: try #require(Period("2026-T1")), includesTopics: true), indicators: indicators,
      data: data)
    let group = try #require(card.indicators.first?.groups.first)
    let hulp = try #require(group.topics.first { $0.item == "hulp" })
    #expect(hulp.respondents == 10)
    #expect(hulp.reportedShares == [0.3, 0.7])
    let veiliger = try #require(group.topics.first { $0.item == "veiliger" })
    #expect(veiliger.isBelowMinimum)
    #expect(veiliger.reportedShares == nil)
  }
}
