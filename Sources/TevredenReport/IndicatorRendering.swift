import Foundation
import TevredenCore

/// Renders the common indicator set.
public enum IndicatorRenderer {
  /// The CSV columns, in order (stable; documented in the README).
  public static let csvColumns = [
    "indicator_id", "number", "label", "subgroup", "period_start", "period_end", "value", "unit", "n", "norm",
    "norm_direction", "status", "indicative", "significant", "interval_lower", "interval_upper", "source",
    "period", "status_reported", "value_reported", "budgeted", "difference", "waiting_list", "workload",
    "suppressed",
  ]

  /// The columns that hold numbers tevreden writes, left out of the spreadsheet guard so they stay numbers.
  static let numericColumns = Set(
    [
      "value", "n", "norm", "interval_lower", "interval_upper", "value_reported", "budgeted", "difference",
      "waiting_list", "workload",
    ].compactMap(csvColumns.firstIndex))

  /// The value as the tables print it and the status judges it (``Assessment/shown(_:)``); `nil` where no value
  /// is shown.
  static func reportedValue(_ row: IndicatorRow) -> Double? {
    row.assessment.status == .teWeinigRespondenten ? nil : row.value.map(Assessment.shown)
  }

  /// The status words of the feeds: a suppressed subgroup is `afgeschermd`, as a hidden cell is in `score`.
  static func statusWords(_ row: IndicatorRow) -> (status: String, reported: String) {
    row.isSuppressed
      ? (Wording.suppressed, Wording.suppressed) : (row.assessment.status.rawValue, row.assessment.reportedStatus)
  }

  static func decimals(_ unit: IndicatorSet.Unit) -> Int {
    switch unit {
    case .cijfer: 2
    case .percentage: 1
    case .aantal: 0
    }
  }

  public static func render(_ rows: [IndicatorRow], as format: ReportFormat, colours: Bool = false) -> String {
    switch format {
    case .csv: csv(rows)
    case .json: json(rows)
    case .table: table(rows, colours: colours)
    }
  }

  static func fields(_ row: IndicatorRow) -> [String] {
    let decimals = decimals(row.indicator.unit)
    let status = statusWords(row)
    return [
      row.indicator.id, row.indicator.number, row.indicator.label, row.subgroup, row.period.first.description,
      row.period.last.description, row.value.map { Wording.feedNumber($0, decimals: decimals) } ?? "",
      row.indicator.unit.rawValue,
      row.count.map(String.init) ?? "", row.norm.map { Wording.feedNumber($0, decimals: 1) } ?? "",
      row.indicator.direction.rawValue, status.status, row.assessment.isIndicative ? "true" : "false",
      row.assessment.isSignificant ? "true" : "false",
      row.interval.map { Wording.feedNumber($0.lower, decimals: decimals) } ?? "",
      row.interval.map { Wording.feedNumber($0.upper, decimals: decimals) } ?? "", row.source.rawValue,
      row.period.name, status.reported,
      reportedValue(row).map { Wording.feedNumber($0, decimals: 1) } ?? "",
      row.budgeted.map(String.init) ?? "", row.differenceFromBudget.map(String.init) ?? "",
      row.waitingList.map(String.init) ?? "", row.workload.map(String.init) ?? "", row.isSuppressed ? "true" : "false",
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
      var budgeted: Int?
      var difference: Int?
      var waitingList: Int?
      var workload: Int?
      var suppressed: Bool
      var history: [Earlier]?
    }
    /// A period of an earlier year of a registration PI, judged against the norm of its own year.
    struct Earlier: Encodable {
      var period: String
      var periodStart: String
      var periodEnd: String
      var value: Double?
      var n: Int?
      var norm: Double?
      var status: String
      var indicative: Bool
      var statusReported: String
      var valueReported: Double?
    }
    func round(_ value: Double?) -> Double? { Wording.feedRounded(value) }
    let entries = rows.map { row in
      let status = statusWords(row)
      return Entry(
        indicatorId: row.indicator.id, number: row.indicator.number, label: row.indicator.label,
        subgroup: row.subgroup, periodStart: row.period.first.description, periodEnd: row.period.last.description,
        value: round(row.value), unit: row.indicator.unit.rawValue, n: row.count, norm: row.norm,
        normDirection: row.indicator.direction.rawValue, status: status.status,
        indicative: row.assessment.isIndicative, significant: row.assessment.isSignificant,
        intervalLower: round(row.interval?.lower), intervalUpper: round(row.interval?.upper),
        source: row.source.rawValue, period: row.period.name, statusReported: status.reported,
        valueReported: reportedValue(row), budgeted: row.budgeted, difference: row.differenceFromBudget,
        waitingList: row.waitingList, workload: row.workload, suppressed: row.isSuppressed,
        history: row.history.isEmpty
          ? nil
          : row.history.map { earlier in
            Earlier(
              period: earlier.period.name, periodStart: earlier.period.first.description,
              periodEnd: earlier.period.last.description, value: round(earlier.value), n: earlier.count,
              norm: earlier.norm, status: earlier.assessment.status.rawValue,
              indicative: earlier.assessment.isIndicative, statusReported: earlier.assessment.reportedStatus,
              valueReported: reportedValue(earlier))
          })
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    guard let data = try? encoder.encode(entries), let text = String(data: data, encoding: .utf8) else {
      return "[]\n"
    }
    return text + "\n"
  }

  /// An aligned table in Dutch.
  public static func table(_ all: [IndicatorRow], colours: Bool = false) -> String {
    guard let period = all.first?.period else { return "Geen indicatoren.\n" }
    let rows = all.filter { !$0.indicator.isDescriptive }
    let descriptive = all.filter(\.indicator.isDescriptive)
    let header = ["PI", "Indicator / subgroep", "waarde", "n", "norm", "status", "95%-interval", "bron"]
    let body: [[String]] = rows.map { row in
      if row.isSuppressed {
        return ["", "    \(row.subgroup)", "*", "*", "", Wording.suppressed, "", row.source.rawValue]
      }
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
    if rows.contains(where: \.isSuppressed) {
      lines.append(Wording.subgroupNote(nil))
    }
    if !descriptive.isEmpty {
      let descriptiveBody = descriptive.map { row in
        [
          row.indicator.number, row.indicator.label, Wording.optionalCount(row.value.map { Int($0) }),
          Wording.optionalCount(row.budgeted), Wording.signedCount(row.differenceFromBudget),
          Wording.optionalCount(row.waitingList), Wording.optionalCount(row.workload),
        ]
      }
      let table = TextTable(header: Wording.descriptiveHeader, rows: descriptiveBody, leftAligned: [0, 1])
      lines += ["", Wording.descriptiveTitle, "", table.line(Wording.descriptiveHeader), table.rule]
      lines += descriptiveBody.map { table.line($0) }
      lines += ["", Wording.descriptiveLead]
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
