import Foundation
import Yams

/// An explicit mapping from export column headers to item ids, for columns the aliases do not match:
///
/// ```yaml
/// questionnaire: inwoners-melding     # optional: checked against --questionnaire
/// columns:
///   Q1: toestemming
///   "Hoe tevreden bent u over het contact?": bejegening
/// ```
public struct ExportMapping: Hashable, Sendable {
  public var questionnaire: Questionnaire.ID?
  public var columns: [String: Question.ID]

  public init(questionnaire: Questionnaire.ID? = nil, columns: [String: Question.ID]) {
    self.questionnaire = questionnaire
    self.columns = columns
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
