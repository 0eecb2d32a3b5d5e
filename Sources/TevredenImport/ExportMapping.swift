import Foundation
import TevredenCore
import Yams

/// An explicit mapping from export column headers to item ids, for columns the aliases do not match:
///
/// ```yaml
/// questionnaire: inwoners-melding     # optional: checked against --questionnaire
/// columns:
///   Q1: toestemming
///   "Hoe tevreden bent u over het contact?": bejegening
///   Q3_1: contact_via[telefoon]       # one option of a multiple-choice item, in a column of its own
///   Q3_2: contact_via[E-mail]         # the option by code or label
/// ```
public struct ExportMapping: Hashable, Sendable {
  public var questionnaire: Questionnaire.ID?
  public var columns: [String: Question.ID]
  /// Header → the option of a multiple-choice item that the column holds (`item[option]`).
  public var options: [String: ColumnMatching.ChoiceColumn]

  public init(
    questionnaire: Questionnaire.ID? = nil, columns: [String: Question.ID],
    options: [String: ColumnMatching.ChoiceColumn] = [:]
  ) {
    self.questionnaire = questionnaire
    self.columns = columns
    self.options = options
  }

  /// The questionnaire a mapping file names (`questionnaire:`), read before the file is checked against it; `nil`
  /// when it names none or is not YAML (``parse(_:file:questionnaire:)`` then says why).
  public static func namedQuestionnaire(in text: String) -> Questionnaire.ID? {
    guard let root = try? Yams.compose(yaml: text), let mapping = root.mapping,
      let value = mapping.first(where: { $0.key.string == "questionnaire" })?.value.string, !value.isEmpty
    else { return nil }
    return Questionnaire.ID(rawValue: value)
  }

  /// Reads a mapping file; every problem is a diagnostic naming the file (and line where known).
  public static func parse(_ text: String, file: String, questionnaire: Questionnaire) -> (
    ExportMapping?, [Diagnostic]
  ) {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch {
      return (nil, [Diagnostic(.error, at: .init(file: file), "not valid YAML: \(error)")])
    }
    guard let mapping = root?.mapping else {
      return (
        nil,
        [
          Diagnostic(.error, at: .init(file: file, line: 1), "expected 'columns:' with header: item lines")
        ]
      )
    }
    var diagnostics: [Diagnostic] = []
    var result = ExportMapping(columns: [:])
    for (key, value) in mapping {
      let line = key.mark.map { $0.line }
      switch key.string {
      case "questionnaire":
        result.questionnaire = value.string.map(Questionnaire.ID.init(rawValue:))
        if let named = result.questionnaire, named != questionnaire.id {
          diagnostics.append(
            Diagnostic(
              .error, at: .init(file: file, line: line),
              "the mapping is for questionnaire '\(named)', but the import is for '\(questionnaire.id)'"))
        }
      case "columns":
        guard let columns = value.mapping else {
          diagnostics.append(
            Diagnostic(.error, at: .init(file: file, line: line), "'columns' must map headers to item ids"))
          continue
        }
        for (header, item) in columns {
          let itemLine = header.mark.map { $0.line }
          guard let headerText = header.string, let itemText = item.string else {
            diagnostics.append(Diagnostic(.error, at: .init(file: file, line: itemLine), "expected 'header: item id'"))
            continue
          }
          if let bracket = ColumnMatching.bracketedSuffix(itemText), let open = itemText.lastIndex(of: "[") {
            let id = Question.ID(rawValue: itemText[..<open].trimmingCharacters(in: .whitespaces))
            guard let question = questionnaire.question(id), case .choice(let choices, true) = question.kind else {
              diagnostics.append(
                Diagnostic(
                  .error, at: .init(file: file, line: itemLine),
                  "'\(headerText)' maps to an option of '\(id)', which is not a multiple-choice item of \(questionnaire.id)"
                ))
              continue
            }
            guard let code = ColumnMatching.option(bracket, among: choices, allowPosition: false) else {
              diagnostics.append(
                Diagnostic(
                  .error, at: .init(file: file, line: itemLine),
                  "'\(headerText)' maps to option '\(bracket)' of '\(id)', which has the options "
                    + choices.map { "\($0.code) (\($0.label))" }.joined(separator: ", ")))
              continue
            }
            result.options[headerText] = ColumnMatching.ChoiceColumn(item: id, choice: code, optionLabel: bracket)
            continue
          }
          let id = Question.ID(rawValue: itemText)
          guard questionnaire.question(id) != nil else {
            diagnostics.append(
              Diagnostic(
                .error, at: .init(file: file, line: itemLine),
                "'\(headerText)' maps to item '\(itemText)', which \(questionnaire.id) does not have"))
            continue
          }
          result.columns[headerText] = id
        }
      default:
        diagnostics.append(
          Diagnostic(
            .error, at: .init(file: file, line: line),
            "unknown key '\(key.string ?? "")'; a mapping file has 'questionnaire' and 'columns'"))
      }
    }
    return diagnostics.isEmpty ? (result, []) : (nil, diagnostics)
  }
}
