import Foundation

/// One value of the common indicator set from the registration system (PI 1–4 and 7), read with `--merge`.
public struct RegistrationFigure: Hashable, Sendable {
  public var indicatorID: String
  /// A subgroup such as a municipality; empty for the whole region.
  public var subgroup: String
  public var period: Period
  public var value: Double
  public var unit: IndicatorSet.Unit
  /// The number of cases the value is based on, when the file gives it.
  public var count: Int?
  /// The line in the file, for messages.
  public var line: Int

  public init(
    indicatorID: String, subgroup: String, period: Period, value: Double, unit: IndicatorSet.Unit, count: Int?,
    line: Int
  ) {
    self.indicatorID = indicatorID
    self.subgroup = subgroup
    self.period = period
    self.value = value
    self.unit = unit
    self.count = count
    self.line = line
  }
}

/// Why a registration CSV was rejected; every case names the file and, where there is one, the line.
public enum RegistrationError: LocalizedError, Equatable, Sendable {
  /// The header lacks a required column.
  case missingColumn(file: String, column: String)
  /// A row is wrong; the reason says what to change.
  case invalidRow(file: String, line: Int, reason: String)
  /// The file is not CSV at all (an unterminated quote, for example).
  case unreadable(file: String, reason: String)

  public var errorDescription: String? {
    switch self {
    case .missingColumn(let file, let column):
      "\(file):1: the header has no column '\(column)'; the columns are \(RegistrationCSV.columns.joined(separator: ","))"
    case .invalidRow(let file, let line, let reason):
      "\(file):\(line): \(reason); nothing was merged, correct the row and run again"
    case .unreadable(let file, let reason):
      "\(file): \(reason)"
    }
  }
}

/// Reads the registration system's CSV export of the other indicators (schema in the README).
public enum RegistrationCSV {
  /// The required columns; `subgroup` and `n` may be empty, other columns are ignored.
  public static let columns = ["indicator", "subgroup", "period_start", "period_end", "value", "unit", "n"]

  /// Parses and validates the whole file; the first bad row rejects it.
  ///
  /// - Returns: The figures of `period` (rows of other periods are valid but left out) and how many rows of other
  ///   periods there were.
  public static func parse(_ text: String, file: String, period: Period, indicators: IndicatorSet)
    throws(RegistrationError) -> (figures: [RegistrationFigure], otherPeriods: Int)
  {
    let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    let firstLine = body.prefix { $0 != "\n" && $0 != "\r" }
    let delimiter: Unicode.Scalar =
      firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
    let records: [CSVRecord]
    do {
      records = try CSVReader.parse(body, delimiter: delimiter)
    } catch {
      throw .unreadable(file: file, reason: error.description)
    }
    guard let header = records.first else { throw .missingColumn(file: file, column: columns[0]) }
    let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    var index: [String: Int] = [:]
    for column in columns {
      guard let position = names.firstIndex(of: column) else { throw .missingColumn(file: file, column: column) }
      index[column] = position
    }
    var figures: [RegistrationFigure] = []
    var otherPeriods = 0
    var seen: [String: Int] = [:]
    for record in records.dropFirst() {
      let line = record.line
      if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
      guard record.fields.count == names.count else {
        throw .invalidRow(
          file: file, line: line, reason: "\(record.fields.count) fields where the header has \(names.count)")
      }
      func field(_ column: String) -> String {
        record.fields[index[column] ?? 0].trimmingCharacters(in: .whitespaces)
      }
      let id = field("indicator").lowercased()
      guard let indicator = indicators.indicator(id: id) else {
        let known = indicators.indicators.filter { $0.audience == nil }.map(\.id)
        throw .invalidRow(
          file: file, line: line,
          reason: "unknown indicator '\(field("indicator"))'; use one of \(known.joined(separator: ", "))")
      }
      if indicator.audience != nil {
        throw .invalidRow(
          file: file, line: line,
          reason: "\(id) is measured by the surveys, not taken from the registration system; remove the row")
      }
      guard let first = LocalDate(field("period_start")) else {
        throw .invalidRow(
          file: file, line: line, reason: "period_start '\(field("period_start"))' is not a day (yyyy-MM-dd)")
      }
      guard let last = LocalDate(field("period_end")) else {
        throw .invalidRow(
          file: file, line: line, reason: "period_end '\(field("period_end"))' is not a day (yyyy-MM-dd)")
      }
      guard first <= last else {
        throw .invalidRow(file: file, line: line, reason: "period_start \(first) lies after period_end \(last)")
      }
      guard let unit = IndicatorSet.Unit(rawValue: field("unit").lowercased()) else {
        throw .invalidRow(
          file: file, line: line, reason: "unknown unit '\(field("unit"))'; use \(indicator.unit.rawValue)")
      }
      guard unit == indicator.unit else {
        throw .invalidRow(
          file: file, line: line,
          reason: "\(id) is a \(indicator.unit.rawValue) in indicators.yaml, not a \(unit.rawValue)")
      }
      let valueText = field("value")
      let normalised = delimiter == ";" ? valueText.replacingOccurrences(of: ",", with: ".") : valueText
      guard let value = Double(normalised.hasSuffix("%") ? String(normalised.dropLast()) : normalised),
        value.isFinite
      else {
        throw .invalidRow(file: file, line: line, reason: "value '\(valueText)' is not a number")
      }
      switch unit {
      case .percentage where !(0...100).contains(value):
        throw .invalidRow(file: file, line: line, reason: "value \(valueText) is not a percentage from 0 to 100")
      case .cijfer where !(1...10).contains(value):
        throw .invalidRow(file: file, line: line, reason: "value \(valueText) is not a grade from 1 to 10")
      default: break
      }
      var count: Int?
      if !field("n").isEmpty {
        guard let n = Int(field("n")), n >= 0 else {
          throw .invalidRow(file: file, line: line, reason: "n '\(field("n"))' is not a whole number of at least 0")
        }
        count = n
      }
      let subgroup = field("subgroup")
      let key = "\(id)|\(subgroup.lowercased())|\(first)|\(last)"
      if let earlier = seen[key] {
        throw .invalidRow(
          file: file, line: line,
          reason:
            "\(id)\(subgroup.isEmpty ? "" : " (\(subgroup))") for \(first)–\(last) was already given on line \(earlier)"
        )
      }
      seen[key] = line
      guard first == period.first, last == period.last else {
        otherPeriods += 1
        continue
      }
      figures.append(
        RegistrationFigure(
          indicatorID: id, subgroup: subgroup, period: period, value: value, unit: unit, count: count, line: line))
    }
    return (figures, otherPeriods)
  }
}

/// One row of the common indicator set, as `tevreden indicators` prints it.
public struct IndicatorRow: Hashable, Sendable {
  /// Where a value comes from.
  public enum Source: String, Hashable, Sendable {
    case enquete = "enquête"
    case registratie
  }

  public var indicator: IndicatorSet.Indicator
  /// Empty for the indicator as a whole; a respondent group or a registration subgroup otherwise.
  public var subgroup: String
  public var period: Period
  /// `nil` when too few respondents or no value was delivered.
  public var value: Double?
  public var count: Int?
  public var norm: Double?
  public var assessment: Assessment
  public var interval: ConfidenceInterval?
  public var source: Source

  public init(
    indicator: IndicatorSet.Indicator, subgroup: String, period: Period, value: Double?, count: Int?, norm: Double?,
    assessment: Assessment, interval: ConfidenceInterval?, source: Source
  ) {
    self.indicator = indicator
    self.subgroup = subgroup
    self.period = period
    self.value = value
    self.count = count
    self.norm = norm
    self.assessment = assessment
    self.interval = interval
    self.source = source
  }

  /// The rows of the common indicator set: every indicator of `indicators.yaml` in its order, PI 5 and 6 from the
  /// score card (overall row, then groups), the others from the registration figures.
  ///
  /// - Returns: The rows, and the ids of registration indicators without a figure for the period.
  public static func rows(card: ScoreCard, registration: [RegistrationFigure], indicators set: IndicatorSet)
    -> (rows: [IndicatorRow], missing: [String])
  {
    var rows: [IndicatorRow] = []
    var missing: [String] = []
    for indicator in set.indicators {
      let norm = indicator.norms[card.period.normYear]
      if let score = card.indicators.first(where: { $0.indicator.id == indicator.id }) {
        for (row, subgroup) in [(score.overall, "")] + score.groups.map({ ($0, $0.label) }) {
          let reported = row.assessment.status != .teWeinigRespondenten
          rows.append(
            IndicatorRow(
              indicator: indicator, subgroup: subgroup, period: card.period,
              value: reported ? row.summary.mean : nil, count: row.summary.count, norm: norm,
              assessment: row.assessment, interval: reported ? row.summary.confidenceInterval : nil, source: .enquete))
        }
        continue
      }
      guard indicator.audience == nil else { continue }
      let figures = registration.filter { $0.indicatorID == indicator.id }
        .sorted { ($0.subgroup.isEmpty ? 0 : 1, $0.subgroup) < ($1.subgroup.isEmpty ? 0 : 1, $1.subgroup) }
      if figures.isEmpty { missing.append(indicator.id) }
      for figure in figures {
        rows.append(
          IndicatorRow(
            indicator: indicator, subgroup: figure.subgroup, period: card.period, value: figure.value,
            count: figure.count, norm: norm,
            assessment: assess(figure.value, norm: norm, direction: indicator.direction),
            interval: nil, source: .registratie))
      }
    }
    return (rows, missing)
  }

  /// A registered value against its norm, compared at the precision reported (one decimal).
  static func assess(_ value: Double, norm: Double?, direction: IndicatorSet.Direction) -> Assessment {
    guard let norm else { return Assessment(status: .geenNorm) }
    let shown = Assessment.shown(value)
    switch direction {
    case .atLeast: return Assessment(status: shown >= norm ? .voldoet : .voldoetNiet)
    case .atMost: return Assessment(status: shown <= norm ? .voldoet : .voldoetNiet)
    case .none: return Assessment(status: .geenNorm)
    }
  }
}

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
      row.period.last.description, row.value.map { ScoreRenderer.number($0, decimals) } ?? "",
      row.indicator.unit.rawValue,
      row.count.map(String.init) ?? "", row.norm.map { ScoreRenderer.number($0, 1) } ?? "",
      row.indicator.direction.rawValue, row.assessment.status.rawValue, row.assessment.isIndicative ? "true" : "false",
      row.assessment.isSignificant ? "true" : "false",
      row.interval.map { ScoreRenderer.number($0.lower, decimals) } ?? "",
      row.interval.map { ScoreRenderer.number($0.upper, decimals) } ?? "", row.source.rawValue,
      row.period.name, row.assessment.reportedStatus, reportedValue(row).map { ScoreRenderer.number($0, 1) } ?? "",
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
    func round(_ value: Double?) -> Double? { value.map { ($0 * 10_000).rounded() / 10_000 } }
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
      func shown(_ value: Double) -> String { ReportText.decimal(value) + (percentage ? "%" : "") }
      return [
        row.subgroup.isEmpty ? row.indicator.number : "",
        row.subgroup.isEmpty ? row.indicator.label : "    \(row.subgroup)",
        row.value.map(shown) ?? "–",
        row.count.map(String.init) ?? "",
        ReportText.norm(row.norm, direction: row.indicator.direction) + (percentage && row.norm != nil ? "%" : ""),
        ReportText.status(row.assessment),
        row.interval.map { ReportText.interval($0, norm: row.norm) } ?? "",
        row.source.rawValue,
      ]
    }
    let widths = header.indices.map { column in ([header] + body).map { $0[column].count }.max() ?? 0 }
    let statusColumn = 5
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { column, cell in
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        let text = column == statusColumn && colours ? ReportText.coloured(cell) : cell
        return [1, statusColumn, 7].contains(column) || column == 0 ? text + padding : padding + text
      }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }
    var lines = [
      "Prestatie-indicatoren Veilig Thuis — \(ReportText.periodDescription(period))", "", line(header),
      String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1)),
    ]
    lines += body.map(line)
    lines += [
      "",
      "PI 5 en 6: gemiddeld rapportcijfer uit de enquêtes (n = respondenten). De andere indicatoren komen uit de registratie (--merge); PI 7 heeft bewust geen norm.",
      ReportText.countingRule,
    ]
    return lines.joined(separator: "\n") + "\n"
  }
}
