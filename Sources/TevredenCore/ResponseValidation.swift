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
        let reread = question.parseValue(value.canonicalText)
        switch (question.kind, value, reread) {
        case (.text, .text, _): break
        case (_, _, .failure(let problem)): problems.append("item '\(item)': \(problem)")
        case (_, _, .success(let same)) where same == value: break
        default: problems.append("item '\(item)': the value does not fit a \(question.kind.typeName) question")
        }
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
