import Foundation

extension Response {
  /// What is wrong with this response as an answer to `questionnaire`, in plain words; empty when it is valid.
  ///
  /// Checks that every answer belongs to an item, is allowed for it and was asked under the routing; that a
  /// completed response answered every required item it was asked; that a refusal holds only the consent
  /// answer; and that the timestamps are in order.
  public func problems(in questionnaire: Questionnaire) -> [String] {
    var problems: [String] = []
    if questionnaireID != questionnaire.id || questionnaireVersion != questionnaire.version {
      problems.append(
        "collected with \(questionnaireID) version \(questionnaireVersion), not \(questionnaire.id) version \(questionnaire.version)"
      )
    }
    if audience != questionnaire.audience || group != questionnaire.group {
      problems.append(
        "audience/group \(audience.rawValue)/\(group) differs from the questionnaire's \(questionnaire.audience.rawValue)/\(questionnaire.group)"
      )
    }
    if id.rawValue.isEmpty { problems.append("the response id is empty") }
    if let completedAt, completedAt < startedAt { problems.append("completed_at lies before started_at") }
    if status == .completed, completedAt == nil { problems.append("a completed response needs completed_at") }

    for (item, answer) in answers.sorted(by: { $0.key < $1.key }) {
      guard let question = questionnaire.question(item) else {
        problems.append(
          "answers item '\(item)', which \(questionnaire.id) version \(questionnaire.version) does not have")
        continue
      }
      switch answer {
      case .missing(let code):
        if !question.missingCodes.contains(code) {
          problems.append(
            "item '\(item)': \(AnswerProblem.missingCodeNotAllowed(code, allowed: question.missingCodes))")
        }
      case .value(let value):
        if let problem = question.problem(with: value) { problems.append("item '\(item)': \(problem)") }
      }
      if !question.isAsked(given: answers) {
        problems.append("item '\(item)' is answered, but the routing (show_if) skips it for this respondent")
      }
    }

    let consent = questionnaire.questions.first { $0.kind == .consent }
    let consentAnswer = consent.flatMap { answers[$0.id]?.value }
    switch status {
    case .refused:
      if consentAnswer != .yesNo(false) {
        problems.append("a refused response must have consent '\(consent?.id.rawValue ?? "?")' = nee")
      }
      if answers.count > 1 { problems.append("a refused response holds no answers besides the consent") }
    case .completed:
      if consentAnswer != .yesNo(true) {
        problems.append("a completed response must have consent '\(consent?.id.rawValue ?? "?")' = ja")
      }
      for question in questionnaire.questions
      where question.isRequired && answers[question.id] == nil && question.isAsked(given: answers) {
        problems.append("required item '\(question.id)' is not answered")
      }
    case .partial:
      if consentAnswer == .yesNo(false) { problems.append("consent is nee, so the status must be refused") }
    }
    return problems
  }
}

extension Question {
  /// Why a value cannot be this question's answer, or `nil` if it can: the value is of the question's type and
  /// is exactly what ``AnswerReader`` reads from its canonical text in the stored dialect (checked directly, without writing and
  /// re-reading the text, because every stored response is checked this way).
  public func problem(with value: AnswerValue) -> String? {
    kind.problem(with: value)
  }
}

extension Question.Kind {
  /// ``Question/problem(with:)``, which depends on the kind alone.
  public func problem(with value: AnswerValue) -> String? {
    // Worded only when needed: every answer of every converted row is checked here.
    var mismatch: String { "the value does not fit a \(typeName) question" }
    switch (self, value) {
    case (.consent, .yesNo), (.yesNo, .yesNo), (.text, .text):
      return nil
    case (.scale(let scale), .scalePoint(let point)):
      guard scale.points.contains(where: { $0.value == point }) else {
        return AnswerProblem.outOfRange(value.canonicalText, scale.minimum...scale.maximum).description
      }
      return nil
    case (.grade, .grade(let grade)):
      guard grade >= 1, grade <= 10, grade.isFinite, ((grade * 10).rounded() - grade * 10).magnitude < 1e-9 else {
        return AnswerProblem.gradeOutOfRange(value.canonicalText).description
      }
      return nil
    case (.number(let range), .number(let number)):
      return range.contains(number) ? nil : AnswerProblem.outOfRange(value.canonicalText, range).description
    case (.choice(let choices, let allowsMultiple), .choices(let codes)):
      guard !codes.isEmpty else { return AnswerProblem.empty.description }
      if let unknown = codes.first(where: { code in !choices.contains { $0.code == code } }) {
        return AnswerProblem.unknownChoice(unknown, valid: choices.map(\.code)).description
      }
      // One code for a single choice; several in the definition's order, each once.
      if codes.count == 1 {
        // The canonical list is every choice with this code: it is the code alone when exactly one choice has it.
        var matching = 0
        for choice in choices where choice.code == codes[0] { matching += 1 }
        return matching == 1 ? nil : mismatch
      }
      let canonical = choices.map(\.code).filter(Set(codes).contains)
      guard canonical == codes, allowsMultiple || codes.count == 1 else { return mismatch }
      return nil
    default:
      return mismatch
    }
  }
}
