import Foundation
import TevredenCore

/// Renders the common indicator set.
public enum IndicatorRenderer {
  /// The CSV columns, in order (stable; documented in the README).
  public static let csvColumns = [
    "indicator_id", "number", "label", "subgroup", "period_start", "period_end", "value", "unit", "n", "norm",
    "norm_direction", "status", "indicative", "significant", "interval_lower", "interval_upper", "source",
    "period", "status_reported", "value_reported",
  ]

  /// The columns that hold numbers tevreden writes, left out of the spreadsheet guard so they stay numbers.
  static let numericColumns = Set(
    ["value", "n", "norm", "interval_lower", "interval_upper", "value_reported"].compactMap(csvColumns.firstIndex))

  /// The value as the tables print it and the status judges it (``Assessment/shown(_:)``); `nil` where no value
  /// is shown.
  static func reportedValue(_ row: IndicatorRow) -> Double? {
    row.assessment.status == .teWeinigRespondenten ? nil : row.value.map(Assessment.shown)
  }

  public static func render(_ rows: [IndicatorRow], as format: ReportFormat, colours: Bool = false) -> String {
    switch format {
    case .csv: csv(rows)
    case .json: json(rows)
    case .table: table(rows, colours: colours)
    }
  }

  static func fields(_ row: IndicatorRow) -> [String] {
    let decimals = row.indicator.unit == .cijfer ? 2 : 1
    return [
      row.indicator.id, row.indicator.number, row.indicator.label, row.subgroup, row.period.first.description,
      row.period.last.description, row.value.map { Wording.feedNumber($0, decimals: decimals) } ?? "",
      row.indicator.unit.rawValue,
      row.count.map(String.init) ?? "", row.norm.map { Wording.feedNumber($0, decimals: 1) } ?? "",
      row.indicator.direction.rawValue, row.assessment.status.rawValue, row.assessment.isIndicative ? "true" : "false",
      row.assessment.isSignificant ? "true" : "false",
      row.interval.map { Wording.feedNumber($0.lower, decimals: decimals) } ?? "",
      row.interval.map { Wording.feedNumber($0.upper, decimals: decimals) } ?? "", row.source.rawValue,
      row.period.name, row.assessment.reportedStatus,
      reportedValue(row).map { Wording.feedNumber($0, decimals: 1) } ?? "",
    ]
  }

  public static func csv(_ rows: [IndicatorRow], dialect: CSVDialect = .standard) -> String {
    // period_start and period_end are days.
    CSVWriter.render(
      [csvColumns] + rows.map(fields), numericColumns: numericColumns, kinds: [4: .day, 5: .day], dialect: dialect)
  }

  public static func json(_ rows: [IndicatorRow]) -> String {
    struct Entry: Encodable {
      var indicatorId: String
      var number: String
      var label: String
      var subgroup: String
      var periodStart: String
      var periodEnd: String
      var value: Double?
      var unit: String
      var n: Int?
      var norm: Double?
      var normDirection: String
      var status: String
      var indicative: Bool
      var significant: Bool
      var intervalLower: Double?
      var intervalUpper: Double?
      var source: String
      var period: String
      var statusReported: String
      var valueReported: Double?
    }
    func round(_ value: Double?) -> Double? { Wording.feedRounded(value) }
    let entries = rows.map { row in
      Entry(
        indicatorId: row.indicator.id, number: row.indicator.number, label: row.indicator.label,
        subgroup: row.subgroup, periodStart: row.period.first.description, periodEnd: row.period.last.description,
        value: round(row.value), unit: row.indicator.unit.rawValue, n: row.count, norm: row.norm,
        normDirection: row.indicator.direction.rawValue, status: row.assessment.status.rawValue,
        indicative: row.assessment.isIndicative, significant: row.assessment.isSignificant,
        intervalLower: round(row.interval?.lower), intervalUpper: round(row.interval?.upper),
        source: row.source.rawValue, period: row.period.name, statusReported: row.assessment.reportedStatus,
        valueReported: reportedValue(row))
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    guard let data = try? encoder.encode(entries), let text = String(data: data, encoding: .utf8) else {
      return "[]\n"
    }
    return text + "\n"
  }

  /// An aligned table in Dutch.
  public static func table(_ rows: [IndicatorRow], colours: Bool = false) -> String {
    guard let period = rows.first?.period else { return "Geen indicatoren.\n" }
    let header = ["PI", "Indicator / subgroep", "waarde", "n", "norm", "status", "95%-interval", "bron"]
    let body: [[String]] = rows.map { row in
      let percentage = row.indicator.unit == .percentage
      func shown(_ value: Double) -> String { Wording.decimal(value) + (percentage ? "%" : "") }
      return [
        row.subgroup.isEmpty ? row.indicator.number : "",
        row.subgroup.isEmpty ? row.indicator.label : "    \(row.subgroup)",
        row.value.map(shown) ?? "–",
        row.count.map(String.init) ?? "",
        Wording.tableNorm(row.norm, direction: row.indicator.direction) + (percentage && row.norm != nil ? "%" : ""),
        Wording.assessment(row.assessment),
        row.interval.map { Wording.tableInterval($0, norm: row.norm) } ?? "",
        row.source.rawValue,
      ]
    }
    let statusColumn = 5
    let table = TextTable(header: header, rows: body, leftAligned: [0, 1, statusColumn, 7])
    func line(_ cells: [String]) -> String {
      table.line(cells) { column, cell in column == statusColumn && colours ? Wording.coloured(cell) : cell }
    }
    var lines = [
      "Prestatie-indicatoren Veilig Thuis — \(Wording.periodDescription(period))", "", line(header),
      table.rule,
    ]
    lines += body.map(line)
    lines += [
      "",
      "PI 5 en 6: gemiddeld rapportcijfer uit de enquêtes (n = respondenten). De andere indicatoren komen uit de registratie (--merge); PI 7 heeft bewust geen norm.",
      Wording.countingRule,
    ]
    return lines.joined(separator: "\n") + "\n"
  }
}
