import TevredenCore

/// The import's wording of what it finds wrong with a cell, for row errors (`file:line: error: column 'Q4'
/// (item): …`): English, like every diagnostic of the import, naming the value as the file holds it.
enum ImportText {
  /// Why a cell is no answer to its item, whichever dialect read it (a platform's cell, an exchange file's).
  static func answerProblem(_ problem: AnswerProblem) -> String {
    switch problem {
    case .notANumber(let text): "\"\(text)\" is not a whole number"
    case .outOfRange(let text, let range): "\"\(text)\" is outside \(range.lowerBound)...\(range.upperBound)"
    case .gradeOutOfRange(let text): "\"\(text)\" is not a grade from 1 to 10 (at most one decimal)"
    case .unknownChoice(let text, let valid):
      "\"\(text)\" is not one of the choices (\(valid.joined(separator: ", ")))"
    case .notYesNo(let text): "\"\(text)\" is not ja or nee"
    case .ambiguous(let text, let labels): "\"\(text)\" could be several answers (\(labels.joined(separator: ", ")))"
    case .oneChoiceOnly(let text): "\"\(text)\" gives several answers to an item that takes one"
    // Only an exchange file's cells are read as stored text.
    case .notCanonical(let text, let canonical):
      "\"\(text)\" is not how the exchange format writes this answer; write \"\(canonical)\""
    case .missingCodeNotAllowed(let code, let allowed):
      allowed.isEmpty
        ? "missing code \"\(code)\" is not allowed for this item"
        : "missing code \"\(code)\" is not allowed for this item (allowed: \(allowed.joined(separator: ", ")))"
    case .empty: "the answer is empty"
    }
  }
}
