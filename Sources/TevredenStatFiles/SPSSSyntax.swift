import Foundation
import TevredenCore

/// An SPSS syntax file that reads an analysis CSV (``AnalysisCSV``) with the right types, the questions as variable
/// labels and the scale, yes/no, choice and option labels as value labels: for those who import the CSV into SPSS
/// (or PSPP) rather than open the `.sav`.
public struct SPSSSyntax: Sendable {
  let layout: AnalysisCSV
  let definitions: [Questionnaire]

  public init(definitions: [Questionnaire]) {
    layout = AnalysisCSV(definitions: definitions)
    self.definitions = definitions
  }

  /// How a column is read.
  enum Kind {
    case number(format: String)
    case text
  }

  func kind(of column: AnalysisCSV.Column) -> Kind {
    guard case .value(let item) = column else {
      if case .option = column { return .number(format: "F1.0") }
      return .text
    }
    switch layout.question(item)?.kind {
    case .grade?: return .number(format: "F4.1")
    case .scale?, .number?, .yesNo?, .consent?: return .number(format: "F8.0")
    case .choice?, .text?, nil: return .text
    }
  }

  /// The syntax for the CSV file `fileName` (beside the syntax file), given each string column's longest value in
  /// bytes (at least 1), by column name.
  public func text(csvFileName fileName: String, widths: [String: Int]) -> String {
    func width(_ name: String) -> Int { min(max(widths[name] ?? 1, 1), 32767) }
    var variables: [String] = []
    for name in AnalysisCSV.metadataColumns {
      variables.append("  \(name) " + (AnalysisCSV.numericMetadataColumns.contains(name) ? "F8.0" : "A\(width(name))"))
    }
    for column in layout.columns {
      switch kind(of: column) {
      case .number(let format): variables.append("  \(layout.name(of: column)) \(format)")
      case .text: variables.append("  \(layout.name(of: column)) A\(width(layout.name(of: column)))")
      }
    }
    var lines = [
      "* \(Self.generatedNote).",
      "GET DATA /TYPE=TXT",
      "  /FILE='\(Self.quoted(fileName))'",
      "  /ENCODING='UTF8'",
      "  /ARRANGEMENT=DELIMITED",
      "  /DELIMITERS=','",
      "  /QUALIFIER='\"'",
      "  /FIRSTCASE=2",
      "  /VARIABLES=",
    ]
    lines += variables
    lines[lines.count - 1] += "."
    lines.append("VARIABLE LABELS")
    var labels: [String] = []
    var valueLabels: [String] = []
    for column in layout.columns {
      guard let question = layout.question(column.item) else { continue }
      switch column {
      case .value:
        labels.append("  \(layout.name(of: column)) '\(Self.quoted(question.text))'")
        switch question.kind {
        case .consent, .yesNo:
          valueLabels.append("  /\(layout.name(of: column)) 1 'Ja' 0 'Nee'")
        case .scale(let scale):
          valueLabels.append(
            "  /\(layout.name(of: column)) "
              + scale.points.map { "\($0.value) '\(Self.quoted($0.label))'" }.joined(separator: " "))
        case .choice(let choices, _):
          valueLabels.append(
            "  /\(layout.name(of: column)) "
              + choices.map { "'\(Self.quoted($0.code))' '\(Self.quoted($0.label))'" }.joined(separator: " "))
        case .grade, .number, .text: break
        }
      case .missing:
        labels.append("  \(layout.name(of: column)) '\(Self.quoted(question.text)) (ontbrekende waarde)'")
      case .label:
        labels.append("  \(layout.name(of: column)) '\(Self.quoted(question.text)) (antwoord)'")
      case .option(_, let code):
        var label = question.text
        if case .choice(let choices, _) = question.kind, let choice = choices.first(where: { $0.code == code }) {
          label += ": " + choice.label
        }
        labels.append("  \(layout.name(of: column)) '\(Self.quoted(label))'")
        valueLabels.append("  /\(layout.name(of: column)) 0 'niet gekozen' 1 'gekozen'")
      }
    }
    lines += labels
    lines[lines.count - 1] += "."
    if !valueLabels.isEmpty {
      valueLabels[0] = "  " + valueLabels[0].dropFirst(3)
      lines.append("VALUE LABELS")
      lines += valueLabels
      lines[lines.count - 1] += "."
    }
    lines.append("EXECUTE.")
    return lines.joined(separator: "\n") + "\n"
  }

  static let generatedNote = "Written by tevreden export --analysis: reads the CSV beside this file"

  /// Text inside SPSS's single quotes: a quote is doubled; a line break would end the command.
  static func quoted(_ text: String) -> String {
    text.replacingOccurrences(of: "'", with: "''").replacingOccurrences(of: "\n", with: " ")
      .replacingOccurrences(of: "\r", with: " ")
  }
}
