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
  /// For a descriptive count (unit `aantal`): the budgeted number (*begroot*), when the file gives it.
  public var budgeted: Int?
  /// For a descriptive count: the size of the waiting list (*wachtlijst*) at the end of the period.
  public var waitingList: Int?
  /// For a descriptive count: the size of the workload (*werkvoorraad*) at the end of the period.
  public var workload: Int?

  public init(
    indicatorID: String, subgroup: String, period: Period, value: Double, unit: IndicatorSet.Unit, count: Int?,
    line: Int, budgeted: Int? = nil, waitingList: Int? = nil, workload: Int? = nil
  ) {
    self.indicatorID = indicatorID
    self.subgroup = subgroup
    self.period = period
    self.value = value
    self.unit = unit
    self.count = count
    self.line = line
    self.budgeted = budgeted
    self.waitingList = waitingList
    self.workload = workload
  }
}

/// What a registration CSV holds for one report: the period's figures and the region's history.
public struct RegistrationFile: Hashable, Sendable {
  /// The figures of the requested period.
  public var figures: [RegistrationFigure]
  /// The region's figures (no subgroup) of registration PIs in earlier years, for a history against the norms: the
  /// same burap period of an earlier year (2025-T2 for 2026-T2) and earlier whole years, oldest first.
  public var history: [RegistrationFigure]
  /// The figures of the burap periods of the same year before the period (T1 for T2; T1 and T2 for the year),
  /// region and subgroups: what was published before, which the period's disclosure control must take into account
  /// (T2 minus T1 is May to August).
  public var earlierThisYear: [RegistrationFigure]
  /// Rows that are none of these: subgroups and counts of earlier years, this year's counts of other periods,
  /// free ranges. Valid, but not used; the command says how many.
  public var otherPeriods: Int

  public init(
    figures: [RegistrationFigure], history: [RegistrationFigure] = [], earlierThisYear: [RegistrationFigure] = [],
    otherPeriods: Int = 0
  ) {
    self.figures = figures
    self.history = history
    self.earlierThisYear = earlierThisYear
    self.otherPeriods = otherPeriods
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
  /// Columns a file may have, for descriptive counts only (unit `aantal`): the budgeted number, the waiting list
  /// and the workload, each a whole number of at least 0, or empty.
  public static let comparisonColumns = ["budgeted", "waiting_list", "workload"]

  /// The period of an earlier year that a figure of `period` is compared with in its history: the same burap period
  /// `years` earlier, or that earlier year as a whole; `nil` for any other period.
  static func historyPeriod(of first: LocalDate, _ last: LocalDate, for period: Period) -> Period? {
    let years = period.first.year - first.year
    guard years >= 1, first.year == last.year else { return nil }
    var earlier = period
    for _ in 0..<years { earlier = earlier.yearEarlier }
    if earlier.first == first, earlier.last == last { return earlier }
    let wholeYear = Period(
      name: String(first.year), first: LocalDate(year: first.year, month: 1, day: 1),
      last: LocalDate(year: first.year, month: 12, day: 31))
    return wholeYear.first == first && wholeYear.last == last ? wholeYear : nil
  }

  /// The burap period of `period`'s year that `first`–`last` is, when it ends before `period` (T1 for T2);
  /// `nil` otherwise, and for a period that is no burap period.
  static func earlierBurapPeriod(of first: LocalDate, _ last: LocalDate, for period: Period) -> Period? {
    guard period.burapIndex != nil, first == period.first, last < period.last else { return nil }
    let earlier = Period(from: first, to: last)
    guard let index = earlier.burapIndex else { return nil }
    return Period("\(first.year)" + (index == 3 ? "" : "-T\(index)"))
  }

  /// Parses and validates the whole file; the first bad row rejects it.
  ///
  /// - Returns: The figures of `period`, the region's history of the registration PIs (see ``RegistrationFile``),
  ///   and how many valid rows were of no use to this period.
  public static func parse(_ text: String, file: String, period: Period, indicators: IndicatorSet)
    throws(RegistrationError) -> RegistrationFile
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
    for column in comparisonColumns {
      if let position = names.firstIndex(of: column) { index[column] = position }
    }
    var figures: [RegistrationFigure] = []
    var history: [RegistrationFigure] = []
    var earlierThisYear: [RegistrationFigure] = []
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
      let value: Double
      if unit == .aantal {
        guard let whole = Int(valueText), whole >= 0 else {
          throw .invalidRow(
            file: file, line: line, reason: "value '\(valueText)' is not a count (a whole number of at least 0)")
        }
        value = Double(whole)
      } else {
        let normalised = delimiter == ";" ? valueText.replacingOccurrences(of: ",", with: ".") : valueText
        guard let number = Double(normalised.hasSuffix("%") ? String(normalised.dropLast()) : normalised),
          number.isFinite
        else {
          throw .invalidRow(file: file, line: line, reason: "value '\(valueText)' is not a number")
        }
        value = number
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
        // A count is its own number of cases: an n beside it would be a second, possibly different, count.
        guard unit != .aantal else {
          throw .invalidRow(
            file: file, line: line, reason: "\(id) is an aantal, which is itself the count; leave n empty")
        }
        guard let n = Int(field("n")), n >= 0 else {
          throw .invalidRow(file: file, line: line, reason: "n '\(field("n"))' is not a whole number of at least 0")
        }
        count = n
      }
      var comparisons: [String: Int] = [:]
      for column in comparisonColumns {
        guard let position = index[column] else { continue }
        let text = record.fields[position].trimmingCharacters(in: .whitespaces)
        if text.isEmpty { continue }
        guard unit == .aantal else {
          throw .invalidRow(
            file: file, line: line,
            reason: "\(column) is only for a count (unit aantal), and \(id) is a \(unit.rawValue); leave it empty")
        }
        guard let number = Int(text), number >= 0 else {
          throw .invalidRow(
            file: file, line: line, reason: "\(column) '\(text)' is not a whole number of at least 0")
        }
        comparisons[column] = number
      }
      let subgroup = field("subgroup")
      if unit == .aantal, !subgroup.isEmpty {
        // The descriptive counts are the region's intake and output; the burap has no per-municipality table for
        // them, so a subgroup row would otherwise be read and never shown.
        throw .invalidRow(
          file: file, line: line,
          reason: "\(id) is a descriptive count, read for the region only; leave subgroup empty")
      }
      let key = "\(id)|\(subgroup.lowercased())|\(first)|\(last)"
      if let earlier = seen[key] {
        throw .invalidRow(
          file: file, line: line,
          reason:
            "\(id)\(subgroup.isEmpty ? "" : " (\(subgroup))") for \(first)–\(last) was already given on line \(earlier)"
        )
      }
      seen[key] = line
      func figure(_ period: Period) -> RegistrationFigure {
        RegistrationFigure(
          indicatorID: id, subgroup: subgroup, period: period, value: value, unit: unit, count: count, line: line,
          budgeted: comparisons["budgeted"], waitingList: comparisons["waiting_list"],
          workload: comparisons["workload"])
      }
      if first == period.first, last == period.last {
        figures.append(figure(period))
      } else if subgroup.isEmpty, unit != .aantal, let earlier = historyPeriod(of: first, last, for: period) {
        history.append(figure(earlier))
      } else if unit != .aantal, let earlier = earlierBurapPeriod(of: first, last, for: period) {
        earlierThisYear.append(figure(earlier))
      } else {
        otherPeriods += 1
      }
    }
    // Oldest first; within a year the burap period before the whole year it lies in.
    history.sort { ($0.period.first, $0.period.last) < ($1.period.first, $1.period.last) }
    earlierThisYear.sort { $0.period.last < $1.period.last }
    return RegistrationFile(
      figures: figures, history: history, earlierThisYear: earlierThisYear, otherPeriods: otherPeriods)
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
  /// `nil` when too few respondents, no value was delivered, or the row is suppressed.
  public var value: Double?
  public var count: Int?
  public var norm: Double?
  public var assessment: Assessment
  public var interval: ConfidenceInterval?
  public var source: Source
  /// A registration subgroup (a municipality) hidden by disclosure control: no value and no n are published.
  public var isSuppressed: Bool
  /// For a descriptive count: the budgeted number, the waiting list and the workload, where the file gives them.
  public var budgeted: Int?
  public var waitingList: Int?
  public var workload: Int?
  /// For the region's row of a registration PI: the same burap period and the whole years of earlier years in
  /// the file, oldest first, each judged against the norm of its own year.
  public var history: [IndicatorRow]

  public init(
    indicator: IndicatorSet.Indicator, subgroup: String, period: Period, value: Double?, count: Int?, norm: Double?,
    assessment: Assessment, interval: ConfidenceInterval?, source: Source, isSuppressed: Bool = false,
    budgeted: Int? = nil, waitingList: Int? = nil, workload: Int? = nil, history: [IndicatorRow] = []
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
    self.isSuppressed = isSuppressed
    self.budgeted = budgeted
    self.waitingList = waitingList
    self.workload = workload
    self.history = history
  }

  /// A count minus its budget (*verschil met begroot*): positive when the intake is above budget.
  public var differenceFromBudget: Int? {
    guard let budgeted, let value, indicator.isDescriptive else { return nil }
    return Int(value) - budgeted
  }

  /// What `IndicatorRow.rows` found: the rows, and what it could not show.
  public struct Rows: Hashable, Sendable {
    public var rows: [IndicatorRow]
    /// Ids of registration indicators without a figure for the period.
    public var missing: [String]
    /// Registration subgroups without `n` ("pi7a Texel"): disclosure control cannot check them, so they are
    /// not shown (their rows are suppressed).
    public var withoutCount: [String]
  }

  /// The rows of the common indicator set: every indicator of `indicators.yaml` in its order, PI 5 and 6 from the
  /// score card (overall row, then groups), the others from the registration figures, with the region's history
  /// from `history` and the subgroups under disclosure control (``RegistrationDisclosure``).
  ///
  /// `earlierThisYear` holds the figures of the burap periods of the year published before this one, whose
  /// municipal tables the disclosure control takes into account.
  public static func rows(
    card: ScoreCard, registration: [RegistrationFigure], history: [RegistrationFigure] = [],
    earlierThisYear: [RegistrationFigure] = [], indicators set: IndicatorSet
  ) -> Rows {
    var rows: [IndicatorRow] = []
    var missing: [String] = []
    var withoutCount: [String] = []
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
      let region = figures.first { $0.subgroup.isEmpty }
      // Under the minimum n a value is not shown while its n is: it would be the one unknown in the region's sum, so
      // such a subgroup is hidden whole, as one under the disclosure threshold is.
      // The earlier tables of the year that had subgroups, in publication order (sorted by the parser).
      var earlier: [RegistrationDisclosure.Table] = []
      for figure in earlierThisYear where figure.indicatorID == indicator.id {
        if let last = earlier.indices.last,
          let period = (earlier[last].region ?? earlier[last].subgroups.first)?.period, period == figure.period
        {
          if figure.subgroup.isEmpty { earlier[last].region = figure } else { earlier[last].subgroups.append(figure) }
        } else {
          earlier.append(
            RegistrationDisclosure.Table(
              region: figure.subgroup.isEmpty ? figure : nil, subgroups: figure.subgroup.isEmpty ? [] : [figure]))
        }
      }
      let protection = RegistrationDisclosure.protect(
        RegistrationDisclosure.Table(region: region, subgroups: figures.filter { !$0.subgroup.isEmpty }),
        earlier: earlier.filter { !$0.subgroups.isEmpty }, unit: indicator.unit,
        threshold: max(set.disclosureThreshold, set.minimumRespondents))
      withoutCount += protection.withoutCount.map { "\(indicator.id) \($0)" }
      for figure in figures {
        if protection.hidden.contains(figure.subgroup) {
          rows.append(
            IndicatorRow(
              indicator: indicator, subgroup: figure.subgroup, period: card.period, value: nil, count: nil,
              norm: norm, assessment: Assessment(status: .geenNorm), interval: nil, source: .registratie,
              isSuppressed: true))
          continue
        }
        var row = registered(figure, indicator: indicator, period: card.period, thresholds: set.thresholds)
        if figure.subgroup.isEmpty {
          row.history = history.filter { $0.indicatorID == indicator.id && $0.subgroup.isEmpty }.map {
            registered($0, indicator: indicator, period: $0.period, thresholds: set.thresholds)
          }
        }
        rows.append(row)
      }
    }
    return Rows(rows: rows, missing: missing, withoutCount: withoutCount)
  }

  /// A registered figure as a row, judged against the norm of its own period's year.
  static func registered(
    _ figure: RegistrationFigure, indicator: IndicatorSet.Indicator, period: Period, thresholds: ReportingThresholds
  ) -> IndicatorRow {
    let norm = indicator.isDescriptive ? nil : indicator.norms[period.normYear]
    // A share of a handful of cases (PI 4 over three complaints) gets the caution a survey figure gets: under
    // the minimum n no value and no judgement, under the indicative n an indicative one.
    var assessment = assess(figure.value, norm: norm, direction: indicator.direction)
    var value: Double? = figure.value
    if let count = figure.count {
      if count < thresholds.minimumRespondents {
        assessment = Assessment(status: .teWeinigRespondenten)
        value = nil
      } else if count < thresholds.indicativeBelow {
        assessment.isIndicative = true
      }
    }
    return IndicatorRow(
      indicator: indicator, subgroup: figure.subgroup, period: period, value: value, count: figure.count, norm: norm,
      assessment: assessment, interval: nil, source: .registratie, budgeted: figure.budgeted,
      waitingList: figure.waitingList, workload: figure.workload)
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
