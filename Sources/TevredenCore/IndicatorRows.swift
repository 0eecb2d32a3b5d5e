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
        // The indicator's own value as its basis defines it (weighted over groups, or over respondents).
        let headline = score.headline
        rows.append(
          IndicatorRow(
            indicator: indicator, subgroup: "", period: card.period, value: headline.value, count: headline.count,
            norm: norm, assessment: headline.assessment, interval: headline.interval, source: .enquete))
        for (row, subgroup) in score.groups.map({ ($0, $0.label) }) {
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
        // A share of a handful of cases (PI 4 over three complaints) gets the caution a survey figure gets: under
        // the minimum n no value and no judgement, under the indicative n an indicative one.
        var assessment = assess(figure.value, norm: norm, direction: indicator.direction)
        var value: Double? = figure.value
        if let count = figure.count {
          if count < set.thresholds.minimumRespondents {
            assessment = Assessment(status: .teWeinigRespondenten)
            value = nil
          } else if count < set.thresholds.indicativeBelow {
            assessment.isIndicative = true
          }
        }
        rows.append(
          IndicatorRow(
            indicator: indicator, subgroup: figure.subgroup, period: card.period, value: value,
            count: figure.count, norm: norm, assessment: assessment, interval: nil, source: .registratie))
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
