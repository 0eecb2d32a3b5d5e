import Foundation
import TevredenCore

/// A response's answers while a row is converted, by the position of their item in the questionnaire: setting and
/// reading an answer hashes no item id, and neither does checking the answers with ``Checks``.
///
/// Each item id has one slot, at the position of the first question with that id (the one
/// ``Questionnaire/question(_:)`` finds).
struct AnswerSlots {
  private var answers: [Answer?]
  /// How many slots hold an answer.
  private(set) var answerCount = 0

  init(count: Int) {
    answers = Array(repeating: nil, count: count)
  }

  subscript(slot: Int) -> Answer? {
    get { answers[slot] }
    set {
      answerCount += (newValue == nil ? 0 : 1) - (answers[slot] == nil ? 0 : 1)
      answers[slot] = newValue
    }
  }

  /// Whether the slot holds an answer, looked at in place: asking for the answer copies it (retaining what it holds).
  func hasAnswer(_ slot: Int) -> Bool {
    answers.withUnsafeBufferPointer { $0[slot] != nil }
  }

  /// Removes every answer, keeping the slots.
  mutating func removeAll() {
    guard answerCount > 0 else { return }
    for slot in answers.indices { answers[slot] = nil }
    answerCount = 0
  }

  /// Removes every answer but the one in `slot`.
  mutating func keepOnly(_ slot: Int) {
    for other in answers.indices where other != slot && answers[other] != nil { self[other] = nil }
  }

  /// The answers by the position of their question, as a ``PositionalResponse`` holds them.
  var inOrder: [Answer?] { answers }

  /// What ``Response/problems(in:)`` checks for one questionnaire, worked out once per item, so that a converted
  /// row can be found valid without looking items up by id.
  struct Checks: Sendable {
    // What is needed of each question, per position, in arrays of their own: reading a property of a question in
    // an array may copy the whole question.
    private let kinds: [Question.Kind]
    /// Per position, ``Question/Kind/problem(with:)`` for the kinds that need no references to check a value.
    private let valueChecks: [ValueCheck]
    /// Per position, whether the question has conditions: most have none, and reading their empty array retains it.
    private let hasConditions: [Bool]
    private let missingCodes: [[String]]
    private let conditions: [[Question.Condition]]
    private let isRequired: [Bool]
    /// The slot of each item id.
    private let slots: [Question.ID: Int]
    /// Per question position, the id there (meaningful at slots, the first position of each id).
    let ids: [Question.ID]
    /// Per question position, the slot of its id (not its own position when an id occurs twice).
    private let slotOfQuestion: [Int]
    /// Per question position, the slot of the item of each of its conditions; `nil` for an item the questionnaire
    /// does not have, which no converted row can have answered.
    private let conditionSlots: [[Int?]]
    /// The slot of the first consent question.
    private let consentSlot: Int?

    init(_ questionnaire: Questionnaire) {
      kinds = questionnaire.questions.map(\.kind)
      valueChecks = kinds.map(ValueCheck.init)
      hasConditions = questionnaire.questions.map { !$0.showIf.isEmpty }
      missingCodes = questionnaire.questions.map(\.missingCodes)
      conditions = questionnaire.questions.map(\.showIf)
      isRequired = questionnaire.questions.map(\.isRequired)
      var slots: [Question.ID: Int] = [:]
      for (position, question) in questionnaire.questions.enumerated() where slots[question.id] == nil {
        slots[question.id] = position
      }
      self.slots = slots
      ids = questionnaire.questions.map(\.id)
      slotOfQuestion = questionnaire.questions.map { slots[$0.id] ?? 0 }
      conditionSlots = questionnaire.questions.map { $0.showIf.map { slots[$0.item] } }
      consentSlot = questionnaire.questions.first { $0.kind == .consent }.flatMap { slots[$0.id] }
    }

    /// How many slots a response to this questionnaire has.
    var count: Int { ids.count }

    /// The slot of an item.
    func slot(of item: Question.ID) -> Int? { slots[item] }

    /// ``Question/isAsked(given:)`` for the question at `position`, given answers that are all to items of the
    /// questionnaire.
    func isAsked(_ position: Int, given answers: AnswerSlots) -> Bool {
      guard hasConditions[position] else { return true }
      let conditions = self.conditions[position]
      guard !conditions.isEmpty else { return true }
      let slots = conditionSlots[position]
      for index in conditions.indices {
        guard let slot = slots[index], conditions[index].isSatisfied(byAnswer: answers[slot]) else { return false }
      }
      return true
    }

    /// Whether a required question that is asked, given these answers, has none.
    func lacksRequiredAnswer(_ answers: AnswerSlots) -> Bool {
      for position in ids.indices
      where isRequired[position] && !answers.hasAnswer(slotOfQuestion[position])
        && isAsked(position, given: answers)
      {
        return true
      }
      return false
    }

    /// Whether ``Response/problems(in:)`` finds nothing wrong with the response whose metadata is `response` (its
    /// own answers are not read) and whose answers are `answers`: every check made there, made here on the slots. `false` means there may be problems, and they are to be
    /// worded by ``Response/problems(in:)``.
    func certainlyValid(_ response: Response, answers: AnswerSlots, in questionnaire: Questionnaire) -> Bool {
      guard response.questionnaireID == questionnaire.id, response.questionnaireVersion == questionnaire.version,
        response.audience == questionnaire.audience, response.group == questionnaire.group,
        !response.id.rawValue.isEmpty
      else { return false }
      if let completedAt = response.completedAt, completedAt < response.startedAt { return false }
      if response.status == .completed, response.completedAt == nil { return false }
      for slot in ids.indices where answers.hasAnswer(slot) {
        guard let answer = answers[slot] else { continue }
        switch answer {
        case .missing(let code):
          guard missingCodes[slot].contains(code) else { return false }
        case .value(let value):
          switch valueChecks[slot].accepts(value) {
          case true?: break
          case false?: return false
          case nil: guard kinds[slot].problem(with: value) == nil else { return false }
          }
        }
        guard isAsked(slot, given: answers) else { return false }
      }
      let consentAnswer = consentSlot.flatMap { answers[$0]?.value }
      switch response.status {
      case .refused:
        return consentAnswer == .yesNo(false) && answers.answerCount <= 1
      case .completed:
        return consentAnswer == .yesNo(true) && !lacksRequiredAnswer(answers)
      case .partial:
        return consentAnswer != .yesNo(false)
      }
    }
  }

  /// ``Question/Kind/problem(with:)`` answered without the kind: whether it is `nil`, for the kinds whose check
  /// needs only numbers (a scale whose points fit in 64 consecutive values, a grade, a number, yes/no, consent, text).
  enum ValueCheck: Sendable, Equatable {
    case yesNo
    case text
    /// Scale points: bit `value - minimum` of `points` is set for each point's value.
    case scale(minimum: Int, points: UInt64)
    case grade
    case number(ClosedRange<Int>)
    /// Checked by ``Question/Kind/problem(with:)`` itself.
    case general

    init(_ kind: Question.Kind) {
      switch kind {
      case .consent, .yesNo: self = .yesNo
      case .text: self = .text
      case .grade: self = .grade
      case .number(let range): self = .number(range)
      case .scale(let scale):
        let minimum = scale.points.map(\.value).min() ?? 0
        var points: UInt64 = 0
        for point in scale.points {
          let bit = point.value - minimum
          guard bit < 64 else {
            self = .general
            return
          }
          points |= 1 << UInt64(bit)
        }
        self = .scale(minimum: minimum, points: points)
      case .choice: self = .general
      }
    }

    /// Whether ``Question/Kind/problem(with:)`` is `nil` for the value; `nil` when it has to be asked.
    func accepts(_ value: AnswerValue) -> Bool? {
      switch (self, value) {
      case (.general, _): return nil
      case (.yesNo, .yesNo), (.text, .text): return true
      case (.scale(let minimum, let points), .scalePoint(let point)):
        let (bit, overflow) = point.subtractingReportingOverflow(minimum)
        return !overflow && bit >= 0 && bit < 64 && points & (1 << UInt64(bit)) != 0
      case (.grade, .grade(let grade)):
        return grade >= 1 && grade <= 10 && grade.isFinite && ((grade * 10).rounded() - grade * 10).magnitude < 1e-9
      case (.number(let range), .number(let number)): return range.contains(number)
      default: return false
      }
    }
  }
}
