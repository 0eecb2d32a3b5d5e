import Foundation
import TevredenCore

/// A questionnaire's codebook as Markdown (for people), CSV (one row per value, for programs that attach value
/// labels) or JSON.
public enum CodebookRendering {
  public enum Format: String, Sendable, CaseIterable {
    case markdown = "md"
    case csv
    case json
  }

  /// The codebooks in `format`; `dialect` applies to the CSV form only.
  public static func render(_ codebooks: [Codebook], as format: Format, dialect: CSVDialect = .standard) -> String {
    switch format {
    case .markdown: codebooks.map(markdown).joined(separator: "\n")
    case .csv: csv(codebooks, dialect: dialect)
    case .json: json(codebooks)
    }
  }

  // MARK: Markdown

  static func markdown(_ book: Codebook) -> String {
    var lines: [String] = []
    lines.append("# \(Wording.codebookTitle): \(book.title) (`\(book.questionnaire)`)")
    lines.append("")
    lines.append(Wording.codebookSummary(book))
    lines.append("")
    lines.append(Wording.codebookFileNote)
    lines.append("")
    lines.append("## \(Wording.codebookMissingHeading)")
    lines.append("")
    for missing in book.missingCodes { lines.append("- `\(missing.code)`: \(escaped(missing.label))") }
    lines.append("")
    lines.append("## \(Wording.codebookMetadataHeading)")
    lines.append("")
    lines.append("| \(Wording.codebookColumn) | \(Wording.codebookContents) |")
    lines.append("|---|---|")
    for column in book.metadata {
      lines.append("| `\(column.column)` | \(escaped(Wording.metadataDescription(column.role))) |")
    }
    lines.append("")
    lines.append("## \(Wording.codebookItemsHeading)")
    lines.append("")
    lines.append(
      "| \(Wording.codebookColumn) | \(Wording.codebookQuestion) | \(Wording.codebookType) | "
        + "\(Wording.codebookValues) | \(Wording.codebookMissing) | \(Wording.codebookAskedWhen) | "
        + "\(Wording.codebookRole) |")
    lines.append("|---|---|---|---|---|---|---|")
    for item in book.items {
      var question = escaped(item.text)
      for earlier in item.earlierTexts {
        question += "<br>" + escaped(Wording.earlierText(version: earlier.version, text: earlier.text))
      }
      if item.versions != book.versions { question += "<br>" + Wording.onlyInVersions(item.versions) }
      var values = escaped(Wording.valuesDescription(item))
      for earlier in item.earlierValues {
        values += "<br>" + escaped(Wording.earlierValues(versions: earlier.versions, values: earlier.values))
      }
      let cells = [
        "`\(item.id)`", question, Wording.typeLabel(item), values,
        item.missingCodes.map { "`\($0)`" }.joined(separator: ", "),
        escaped(Wording.conditionDescription(item.conditions)), Wording.roleLabel(item.role),
      ]
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Text in a Markdown table cell: a `|` would end the cell, a line break the row.
  private static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }

  // MARK: CSV

  /// The CSV columns, in order.
  public static let csvColumns = [
    "questionnaire", "column", "kind", "text", "type", "value", "label", "is_missing", "minimum", "maximum",
    "multiple", "required", "asked_when", "role", "versions",
  ]

  /// One row per metadata column, per value of an item (its scale points, choices, `ja`/`nee`) and per missing code
  /// it accepts, and one row for an item without listed values (a grade, a number, free text).
  static func csv(_ codebooks: [Codebook], dialect: CSVDialect = .standard) -> String {
    var rows = [csvColumns]
    for book in codebooks {
      let versions = book.versions.map(String.init).joined(separator: ";")
      for column in book.metadata {
        rows.append([
          book.questionnaire.rawValue, column.column, "metadata", Wording.metadataDescription(column.role), "", "", "",
          "", "", "", "", "", "", "", versions,
        ])
      }
      for item in book.items {
        func row(value: String, label: String, isMissing: Bool) -> [String] {
          [
            book.questionnaire.rawValue, item.id.rawValue, "item", item.text, item.type, value, label,
            isMissing ? "1" : "0", item.range.map { number($0.lowerBound) } ?? "",
            item.range.map { number($0.upperBound) } ?? "", item.allowsMultiple ? "1" : "0",
            item.isRequired ? "1" : "0", conditionCode(item.conditions), item.role?.rawValue ?? "",
            item.versions.map(String.init).joined(separator: ";"),
          ]
        }
        if item.values.isEmpty { rows.append(row(value: "", label: "", isMissing: false)) }
        // Values whose labels changed between versions: a row per value and label, whose versions column names the
        // versions that offered it.
        func valueRow(_ value: Codebook.Value, versions: [Int]) -> [String] {
          var cells = row(value: value.code, label: value.label, isMissing: false)
          if !item.earlierValues.isEmpty { cells[cells.count - 1] = versions.map(String.init).joined(separator: ";") }
          return cells
        }
        for value in item.values { rows.append(valueRow(value, versions: item.versionsWithValues)) }
        for earlier in item.earlierValues {
          for value in earlier.values { rows.append(valueRow(value, versions: earlier.versions)) }
        }
        for code in item.missingCodes {
          let label = book.missingCodes.first { $0.code == code }?.label ?? code
          rows.append(row(value: code, label: label, isMissing: true))
        }
      }
    }
    // Texts come from the definitions, which anyone may edit: the writer guards them against spreadsheet formulas,
    // all but the numeric columns (minimum, maximum).
    return CSVWriter.render(rows, numericColumns: [8, 9], dialect: dialect)
  }

  /// A routing condition for programs: `item in a;b`, conditions joined by ` and `.
  static func conditionCode(_ conditions: [Question.Condition]) -> String {
    conditions.map { "\($0.item) in \($0.values.joined(separator: ";"))" }.joined(separator: " and ")
  }

  private static func number(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }

  // MARK: JSON

  static func json(_ codebooks: [Codebook]) -> String {
    let objects: [[String: Any]] = codebooks.map { book in
      [
        "questionnaire": book.questionnaire.rawValue, "title": book.title, "audience": book.audience.rawValue,
        "group": book.group, "group_label": book.groupLabel, "versions": book.versions,
        "missing_codes": book.missingCodes.map { ["code": $0.code, "label": $0.label] },
        "metadata": book.metadata.map { ["column": $0.column, "text": Wording.metadataDescription($0.role)] },
        "items": book.items.map { item -> [String: Any] in
          var object: [String: Any] = [
            "column": item.id.rawValue, "text": item.text, "type": item.type,
            "values": item.values.map { ["value": $0.code, "label": $0.label] }, "missing_codes": item.missingCodes,
            "multiple": item.allowsMultiple, "required": item.isRequired,
            "asked_when": item.conditions.map { ["item": $0.item.rawValue, "values": $0.values] },
            "versions": item.versions,
            "earlier_texts": item.earlierTexts.map { ["version": $0.version, "text": $0.text] as [String: Any] },
            "earlier_values": item.earlierValues.map {
              [
                "versions": $0.versions, "values": $0.values.map { ["value": $0.code, "label": $0.label] },
              ] as [String: Any]
            },
          ]
          if let range = item.range {
            object["minimum"] = range.lowerBound
            object["maximum"] = range.upperBound
          }
          if let role = item.role { object["role"] = role.rawValue }
          return object
        },
      ]
    }
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    else { return "[]\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
