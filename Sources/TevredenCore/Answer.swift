import Foundation

/// A value given in answer to one item.
public enum AnswerValue: Hashable, Sendable {
  /// Consent or a yes/no question: `true` is *ja*.
  case yesNo(Bool)
  /// A scale point.
  case scalePoint(Int)
  /// The overall grade, 1–10, with at most one decimal.
  case grade(Double)
  /// The codes of the chosen options, in the questionnaire's order.
  case choices([String])
  /// A whole number.
  case number(Int)
  /// Free text.
  case text(String)

  /// The text stored in the database and written in the exchange CSV: `ja`/`nee`, the number, the choice codes
  /// joined by `;`, or the text itself.
  public var canonicalText: String {
    switch self {
    case .yesNo(let yes): yes ? "ja" : "nee"
    case .scalePoint(let value), .number(let value): String(value)
    case .grade(let grade): Self.format(grade: grade)
    case .choices(let codes): codes.joined(separator: ";")
    case .text(let text): text
    }
  }

  /// Grades print without a trailing `.0`, and with a point as decimal separator: `7`, `7.5`.
  static func format(grade: Double) -> String {
    let tenths = (grade * 10).rounded()
    let rounded = tenths / 10
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    // The tenths as an integer, written with a point: what "%.1f" prints, without Foundation's formatter, which
    // was a noticeable part of preparing imported responses.
    guard abs(tenths) < 1e15 else { return String(format: "%.1f", rounded) }
    let whole = Int(tenths.magnitude)
    return "\(tenths < 0 ? "-" : "")\(whole / 10).\(whole % 10)"
  }

  /// The numeric value for scoring, if the answer has one.
  public var numericValue: Double? {
    switch self {
    case .scalePoint(let value), .number(let value): Double(value)
    case .grade(let grade): grade
    case .yesNo, .choices, .text: nil
    }
  }
}

/// The answer to one item: a value, or a missing code such as *weet niet*.
public enum Answer: Hashable, Sendable {
  case value(AnswerValue)
  case missing(String)

  /// The value, if the answer is not a missing code.
  public var value: AnswerValue? {
    if case .value(let value) = self { return value }
    return nil
  }
}

/// Why a text could not be read as an answer to an item.
public enum AnswerProblem: Error, Hashable, Sendable, CustomStringConvertible {
  case notANumber(String)
  case outOfRange(String, ClosedRange<Int>)
  case gradeOutOfRange(String)
  case unknownChoice(String, valid: [String])
  case notYesNo(String)
  case missingCodeNotAllowed(String, allowed: [String])
  case empty

  public var description: String {
    switch self {
    case .notANumber(let text): "\"\(text)\" is not a whole number"
    case .outOfRange(let text, let range):
      "\"\(text)\" is outside \(range.lowerBound)...\(range.upperBound)"
    case .gradeOutOfRange(let text): "\"\(text)\" is not a grade from 1 to 10 (at most one decimal)"
    case .unknownChoice(let text, let valid):
      "\"\(text)\" is not one of the choices (\(valid.joined(separator: ", ")))"
    case .notYesNo(let text): "\"\(text)\" is not ja or nee"
    case .missingCodeNotAllowed(let code, let allowed):
      allowed.isEmpty
        ? "missing code \"\(code)\" is not allowed for this item"
        : "missing code \"\(code)\" is not allowed for this item (allowed: \(allowed.joined(separator: ", ")))"
    case .empty: "the answer is empty"
    }
  }
}

extension Question {
  /// Reads an answer from its canonical text (as in the database and the exchange CSV).
  ///
  /// A text equal to a missing code of `questionnaire` is read as that missing code, except for free-text items,
  /// which never take missing codes. Choice labels are accepted as well as codes. The exchange CSV's guard against
  /// formula injection is undone first (``ExchangeCSV/itemCell(_:)``): only the exchange reader calls this.
  public func parseAnswer(_ cell: String, in questionnaire: Questionnaire) -> Result<Answer, AnswerProblem> {
    let raw = ExchangeCSV.itemCell(cell)
    let text = raw.trimmedOfSpaces
    if case .text = kind {
      return raw.isEmpty ? .failure(.empty) : .success(.value(.text(raw)))
    }
    guard !text.isEmpty else { return .failure(.empty) }
    if questionnaire.missingCode(text) != nil {
      guard missingCodes.contains(text) else {
        return .failure(.missingCodeNotAllowed(text, allowed: missingCodes))
      }
      return .success(.missing(text))
    }
    return parseValue(text).map(Answer.value)
  }

  /// Reads a value (never a missing code) from text.
  public func parseValue(_ text: String) -> Result<AnswerValue, AnswerProblem> {
    switch kind {
    case .consent, .yesNo:
      switch text.lowercased() {
      case "ja", "j", "yes", "1": return .success(.yesNo(true))
      case "nee", "n", "no", "0": return .success(.yesNo(false))
      default: return .failure(.notYesNo(text))
      }
    case .scale(let scale):
      if let value = Int(text) {
        guard scale.points.contains(where: { $0.value == value }) else {
          return .failure(.outOfRange(text, scale.minimum...scale.maximum))
        }
        return .success(.scalePoint(value))
      }
      if let point = scale.points.first(where: { $0.label.caseInsensitiveCompare(text) == .orderedSame }) {
        return .success(.scalePoint(point.value))
      }
      return .failure(.notANumber(text))
    case .grade:
      let normalised = text.replacingOccurrences(of: ",", with: ".")
      guard let grade = Double(normalised), grade >= 1, grade <= 10, grade.isFinite,
        ((grade * 10).rounded() - grade * 10).magnitude < 1e-9
      else { return .failure(.gradeOutOfRange(text)) }
      return .success(.grade(grade))
    case .number(let range):
      guard let value = Int(text) else { return .failure(.notANumber(text)) }
      guard range.contains(value) else { return .failure(.outOfRange(text, range)) }
      return .success(.number(value))
    case .choice(let choices, let allowsMultiple):
      let parts = allowsMultiple ? text.split(separator: ";").map { String($0).trimmedOfSpaces } : [text]
      var chosen = Set<String>()
      for part in parts where !part.isEmpty {
        guard
          let choice = choices.first(where: {
            $0.code == part || $0.label.caseInsensitiveCompare(part) == .orderedSame
          })
        else { return .failure(.unknownChoice(part, valid: choices.map(\.code))) }
        chosen.insert(choice.code)
      }
      guard !chosen.isEmpty else { return .failure(.empty) }
      return .success(.choices(choices.map(\.code).filter(chosen.contains)))
    case .text:
      return .success(.text(text))
    }
  }

  /// Whether this item is asked, given the answers so far. Conditions on unanswered items or missing codes fail.
  public func isAsked(given answers: [Question.ID: Answer]) -> Bool {
    showIf.allSatisfy { $0.isSatisfied(by: answers) }
  }
}

extension Question.Condition {
  /// Whether the answers meet this condition. An unanswered item or a missing code never does.
  public func isSatisfied(by answers: [Question.ID: Answer]) -> Bool {
    isSatisfied(byAnswer: answers[item])
  }

  /// Whether the answer to ``item`` meets this condition; `nil` is no answer.
  public func isSatisfied(byAnswer answer: Answer?) -> Bool {
    guard case .value(let value)? = answer else { return false }
    if case .choices(let codes) = value {
      return codes.contains(where: values.contains)
    }
    return values.contains(value.canonicalText)
  }
}
