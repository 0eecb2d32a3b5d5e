import Foundation
import TevredenCore
import TevredenTables

/// Renders what `tevreden import --inspect` found in one file, for researchers checking an export before they
/// import it: layout, file format, number of responses, key columns, and one line per column.
///
/// Values are shown only for label and yes/no columns (the most frequent ones) and as ranges for numbers and
/// dates; never for personal-data or free-text columns, which may hold what identifies a respondent.
extension ExportInspection {
  /// The report, as `tevreden import --inspect` prints it.
  public var rendered: String { renderInspection(self) }
}

func renderInspection(_ inspection: ExportInspection) -> String {
  let layout = inspection.layout
  var lines = [inspection.source.file]
  let headerRows = "\(layout.headerRowCount) header row\(layout.headerRowCount == 1 ? "" : "s")"
  var layoutText = layout.platform.displayName
  // The generic layout's name already says it has one header row.
  if layout.platform != .generic { layoutText += " (\(headerRows))" }
  if inspection.isLayoutForced { layoutText += ", as given with --layout" }
  lines.append(field("layout", layoutText))
  lines.append(field("file", describe(inspection.source)))
  var responses = "\(inspection.responseCount)"
  if inspection.blankRowCount > 0 {
    let blanks = inspection.blankRowCount
    responses += " (\(blanks) blank row\(blanks == 1 ? "" : "s") not counted)"
  }
  if let repeatGroup = layout.repeatGroupDescription {
    lines.append(field("rows", "\(inspection.responseCount), \(repeatGroup)"))
  } else {
    lines.append(field("responses", responses))
  }
  let roles = [
    ("response id", layout.responseIDColumn), ("started", layout.startedColumn),
    ("completed", layout.completedColumn), ("finished", layout.finishedColumn),
  ]
  lines.append(
    field(
      "response id",
      roles.compactMap { role, column in
        guard let column else { return role == "response id" ? "none found" : nil }
        let reference = "column \(column + 1) \"\(displayText(layout.name(of: column)))\""
        return role == "response id" ? reference : "\(role): \(reference)"
      }
      .joined(separator: "; ")))
  let personal = inspection.personalDataColumns
  if !personal.isEmpty {
    let kinds = Set(personal.compactMap(\.personalData)).sorted().map(\.label).joined(separator: ", ")
    let count = "\(personal.count) column\(personal.count == 1 ? "" : "s")"
    lines.append(field("personal data", "\(count) (\(kinds)), never stored"))
  }
  lines.append("  columns (\(inspection.columns.count)):")
  lines += columnLines(inspection.columns, responses: inspection.responseCount)
  return lines.joined(separator: "\n")
}

/// Widest column name shown before it is shortened with an ellipsis.
private let nameWidth = 56

private func field(_ label: String, _ value: String) -> String {
  "  " + "\(label):".padding(toLength: 15, withPad: " ", startingAt: 0) + value
}

/// `CSV, UTF-8 with BOM, delimiter ','` or `XLSX, sheet "Sheet1"`.
private func describe(_ source: TableSourceDescription) -> String {
  switch source.format {
  case .xlsx:
    var text = "XLSX, sheet \"\(source.sheet ?? "")\""
    let others = source.sheetNames.filter { $0 != source.sheet }
    if !others.isEmpty {
      text += " (not inspected: " + others.map { "\"\($0)\"" }.joined(separator: ", ") + ")"
    }
    return text
  case .csv, .tsv:
    var parts = [source.format.rawValue.uppercased()]
    if let encoding = source.encoding {
      parts.append(encoding.rawValue + (source.hasBOM ? " with BOM" : ""))
    }
    if let delimiter = source.delimiter {
      parts.append(delimiter == .tab ? "delimiter tab" : "delimiter '\(delimiter.rawValue)'")
    }
    return parts.joined(separator: ", ")
  }
}

private func columnLines(_ columns: [ColumnProfile], responses: Int) -> [String] {
  let names = columns.map { shortenedInTheMiddle(displayName(of: $0), to: nameWidth) }
  let width = min(names.map(\.count).max() ?? 0, nameWidth)
  let numberWidth = String(columns.count).count
  let countWidth = String(responses).count
  let typeWidth = columns.map { typeName($0.valueType).count }.max() ?? 0
  return zip(columns, names).map { column, name in
    var line = "    " + pad(String(column.index + 1), numberWidth, leading: true) + "  "
    line += pad(name.isEmpty ? "(no name)" : name, width) + "  " + pad(typeName(column.valueType), typeWidth)
    line += "  " + pad(String(column.filledCount), countWidth, leading: true) + " filled"
    if let kind = column.personalData {
      line += "   personal data (\(kind.label)): never stored"
    } else if let detail = detail(of: column) {
      line += "   " + detail
    }
    return line
  }
}

private func typeName(_ type: ColumnProfile.ValueType) -> String {
  switch type {
  case .empty: "empty"
  case .integer: "integer"
  case .decimal: "decimal"
  case .decimalComma: "decimal comma"
  case .dateTime: "date/time"
  case .time: "time"
  case .yesNo: "yes/no"
  case .label: "label"
  case .text: "text"
  }
}

/// Ranges for numbers and dates, the most frequent values of labels, the longest length of free text.
private func detail(of column: ColumnProfile) -> String? {
  switch column.valueType {
  case .integer, .decimal, .decimalComma, .dateTime:
    guard let range = column.range else { return nil }
    return range.lowest == range.highest ? range.lowest : "\(range.lowest) to \(range.highest)"
  case .label, .yesNo:
    guard !column.topValues.isEmpty else { return nil }
    let shown = column.topValues.map { "\"\(shortened(displayText($0.value), to: 30))\" \($0.count)" }
    let more = (column.distinctCount ?? 0) - column.topValues.count
    return "values: " + shown.joined(separator: ", ") + (more > 0 ? ", \(more) more" : "")
  case .text:
    return column.longestValueLength > 0 ? "up to \(column.longestValueLength) characters" : nil
  case .empty, .time:
    return nil
  }
}

/// The column's names joined with ` / `, leaving out names that another of its names contains (a SurveyMonkey
/// `question - choice` holds both parts; a KoboToolbox `group/field` holds `field`).
private func displayName(of column: ColumnProfile) -> String {
  let names = column.names.map(displayText)
  let kept = names.enumerated().filter { index, name in
    !names.enumerated().contains { other, longer in other != index && longer != name && longer.contains(name) }
  }
  return kept.map(\.element).joined(separator: " / ")
}

/// Long names keep their start and their end, where sub-questions and choices differ: `Which of … - Option 3`.
private func shortenedInTheMiddle(_ text: String, to width: Int) -> String {
  guard text.count > width else { return text }
  let head = (width - 1) * 2 / 5
  return String(text.prefix(head)) + "…" + String(text.suffix(width - 1 - head))
}

/// Text on one line: line breaks, tabs and no-break spaces become single spaces.
private func displayText(_ text: String) -> String {
  text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}

private func shortened(_ text: String, to width: Int) -> String {
  text.count <= width ? text : String(text.prefix(width - 1)) + "…"
}

private func pad(_ text: String, _ width: Int, leading: Bool = false) -> String {
  let padding = String(repeating: " ", count: max(0, width - text.count))
  return leading ? padding + text : text + padding
}
