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
    case .yesNo(let yes): yes ? CanonicalSpelling.yes : CanonicalSpelling.no
    case .scalePoint(let value), .number(let value): String(value)
    case .grade(let grade): Self.format(grade: grade)
    case .choices(let codes): codes.joined(separator: String(CanonicalSpelling.choiceSeparator))
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
    return "\(tenths < 0 ? "-" : "")\(whole / 10)\(CanonicalSpelling.decimalSeparator)\(whole % 10)"
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

extension Question {
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
