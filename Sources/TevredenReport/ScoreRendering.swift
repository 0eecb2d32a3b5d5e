import Foundation
import TevredenCore

/// Output formats for score cards.
public enum ReportFormat: String, CaseIterable, Sendable {
  case table
  case csv
  case json
}

/// Renders score cards; pure functions, Dutch report text, no clock and no locale surprises.
public enum ScoreRenderer {
  /// Renders a card in the given format; `colours` adds ANSI colours to the status column of the table.
  public static func render(_ card: ScoreCard, as format: ReportFormat, colours: Bool = false) -> String {
    switch format {
    case .table: table(card, colours: colours)
    case .csv: csv(card)
    case .json: json(card)
    }
  }

  // MARK: - Table

  /// A fixed-width table for the terminal, in Dutch, decimal comma.
  public static func table(_ card: ScoreCard, colours: Bool = false) -> String {
    var lines: [String] = []
    lines.append("Klanttevredenheid Veilig Thuis — \(Wording.periodDescription(card.period))")
    if let previous = card.previousPeriod {
      lines.append("Vorig jaar: dezelfde periode een jaar eerder, \(Wording.periodDescription(previous)).")
    }
    lines.append("")
    let header = [
      "Indicator / groep", "n", "gemiddeld", "95%-interval", "sd", "mediaan", "< 6", "norm", "status", "vorig jaar",
      "verschil", "RR1", "COOP1",
    ]
    var rows: [TableLine] = []
    var notes = Set<String>()
    for score in card.indicators {
      if !rows.isEmpty { rows.append(.blank) }
      let norm = Wording.tableNorm(score.norm, direction: score.indicator.direction)
      let title = "PI \(score.indicator.number)  \(score.overall.label)"
      if score.headline.isWeighted, let weighted = score.weighted {
        // The indicator is the weighted mean over groups: that line carries its status, and the mean over
        // respondents below it is context without a judgement of its own.
        var weightedLine = weightedCells(weighted, norm: norm, normValue: score.norm)
        weightedLine[0] = title + Wording.weightedTitleSuffix
        rows.append(.cells(weightedLine))
        var unweighted = cells(Wording.unweightedLabel, score.overall, norm: norm, normValue: score.norm)
        unweighted[8] = ""
        rows.append(.cells(unweighted))
        notes.insert(Wording.weightingNote)
      } else {
        rows.append(.cells(cells(title, score.overall, norm: norm, normValue: score.norm)))
        if let weighted = score.weighted {
          rows.append(.cells(weightedCells(weighted, norm: norm, normValue: score.norm)))
          notes.insert(Wording.weightingNote)
        }
      }
      if score.indicator.basis != .everyRespondent {
        notes.insert(Wording.basisDescription(score.indicator, outside: score.overall.outsideBasis))
      }
      for group in score.groups {
        rows.append(.cells(cells("    \(group.label)", group, norm: norm, normValue: score.norm)))
      }
      if score.groups.contains(where: { !$0.aspects.isEmpty }) {
        rows.append(.text("  Aspecten (gemiddelde, omgerekend naar 1–10):"))
        for group in score.groups where !group.aspects.isEmpty {
          let parts = group.aspects.map { aspect in
            "\(aspect.label) \(aspect.reportedMean.map { Wording.decimal($0) } ?? "–") (n \(aspect.summary.count))"
          }
          rows.append(.text("    \(group.label): " + parts.joined(separator: " · ")))
        }
      }
      if score.groups.contains(where: { !$0.topics.isEmpty }) {
        rows.append(.text("  \(Wording.topicsHeading):"))
        for group in score.groups where !group.topics.isEmpty {
          rows.append(.text("    \(group.label):"))
          for topic in group.topics {
            rows.append(.text("      \(topic.label): \(Wording.topicShares(topic))"))
          }
        }
        notes.insert(Wording.topicsNote(card.thresholds))
      }
      if let breakdown = score.breakdown {
        rows.append(.blank)
        rows.append(
          .cells(
            [
              "PI \(score.indicator.number) per \(breakdown.dimensions.map(Wording.dimensionName).joined(separator: " en "))"
            ]
              + Array(repeating: "", count: header.count - 1)))
        for row in breakdown.rows {
          let label = Wording.breakdownLabel(row, dimensions: breakdown.dimensions)
          rows.append(.cells(cells("  \(label)", row.total, norm: norm, normValue: score.norm)))
          for group in row.groups {
            rows.append(.cells(cells("      \(group.label)", group, norm: norm, normValue: score.norm)))
          }
        }
        if breakdown.isDisclosureControlled { notes.insert(Wording.suppressionNote(card.thresholds)) }
        if breakdown.dimensions.contains(.language) { notes.insert(Wording.languageBreakdownNote(card.thresholds)) }
        if breakdown.dimensions.contains(.period) { notes.insert(Wording.periodBreakdownNote) }
      }
    }
    let rates = card.indicators.flatMap { [$0.overall.responseRates] + $0.groups.map(\.responseRates) }
    if rates.allSatisfy({ $0?.rr1 == nil }) { notes.insert(Wording.noResponseRateNote) }
    let statusColumn = header.firstIndex(of: "status") ?? 0
    let table = TextTable(
      header: header, rows: rows.compactMap { if case .cells(let cells) = $0 { cells } else { nil } },
      leftAligned: [0, statusColumn])
    func line(_ cells: [String]) -> String {
      table.line(cells) { column, cell in column == statusColumn && colours ? Wording.coloured(cell) : cell }
    }
    lines.append(line(header))
    lines.append(table.rule)
    for row in rows {
      switch row {
      case .blank: lines.append("")
      case .text(let text): lines.append(text)
      case .cells(let cells): lines.append(line(cells))
      }
    }
    lines.append("")
    lines += Wording.tableNotes(card.thresholds)
    lines += notes.sorted()
    return lines.joined(separator: "\n") + "\n"
  }

  private enum TableLine {
    case blank
    case text(String)
    case cells([String])
  }

  private static func cells(_ label: String, _ row: ScoreCard.Row, norm: String, normValue: Double?) -> [String] {
    if row.isSuppressed {
      return [label, "*", "*", "", "", "", "", norm, Wording.suppressed, "", "", "", ""]
    }
    let summary = row.summary
    let reported = row.assessment.status != .teWeinigRespondenten
    let previous = row.previousYear
    return [
      label,
      String(summary.count),
      reported ? summary.mean.map { Wording.decimal($0) } ?? "–" : "–",
      reported ? summary.confidenceInterval.map { Wording.tableInterval($0, norm: normValue) } ?? "–" : "–",
      reported ? summary.standardDeviation.map { Wording.decimal($0) } ?? "–" : "–",
      row.publishesDistribution ? summary.median.map { Wording.decimal($0) } ?? "–" : "–",
      row.publishesDistribution ? summary.shareBelowSix.map(Wording.percent) ?? "–" : "–",
      norm,
      Wording.assessment(row.assessment),
      previous.flatMap { $0.summary.count >= 1 && reported ? $0.summary.mean.map { Wording.decimal($0) } : nil }
        ?? "–",
      previous.flatMap { comparison in
        guard reported, comparison.summary.count > 0, let change = comparison.change else { return nil }
        return Wording.signed(change) + (comparison.isSignificant ? " *" : "")
      } ?? "–",
      row.responseRates?.rr1.map(Wording.percent) ?? "–",
      row.responseRates?.coop1.map(Wording.percent) ?? "–",
    ]
  }

  private static func weightedCells(_ weighted: WeightedMean, norm: String, normValue: Double?) -> [String] {
    [
      "    gewogen naar populatie", "≈ " + String(Int(weighted.effectiveSampleSize.rounded())),
      Wording.decimal(weighted.mean),
      weighted.confidenceInterval.map { Wording.tableInterval($0, norm: normValue) } ?? "–",
      weighted.standardDeviation.map { Wording.decimal($0) } ?? "–", "", "", norm,
      Wording.assessment(weighted.assessment),
      "", "", "", "",
    ]
  }

  // MARK: - CSV

  /// The CSV columns, in order; documented in the README (stable: new columns are only ever appended).
  public static let csvColumns = [
    "period", "first_day", "last_day", "indicator", "audience", "row_type", "group", "group_label", "gemeente",
    "role", "year", "report_period", "label", "n", "mean", "sd", "ci_lower", "ci_upper", "median", "share_below_6",
    "grade_1", "grade_2", "grade_3", "grade_4", "grade_5", "grade_6", "grade_7", "grade_8", "grade_9", "grade_10",
    "norm", "norm_direction", "status", "indicative", "significant", "suppressed", "previous_period", "previous_n",
    "previous_mean", "change", "change_p_value", "change_significant", "response_rate", "response_rate_basis",
    "effective_n", "status_reported", "value_reported", "response_rate_rr2", "cooperation_rate",
    "cooperation_rate_coop2",
  ]

  /// The columns that hold numbers tevreden writes, left out of the spreadsheet guard so that they stay numbers (a
  /// `change` of `-0.3000` must not become text); every other column is guarded.
  static let numericColumns = Set(
    (["n", "mean", "sd", "ci_lower", "ci_upper", "median", "share_below_6", "norm", "previous_n", "previous_mean"]
      + (1...10).map { "grade_\($0)" }
      + ["change", "change_p_value", "response_rate", "effective_n", "value_reported", "response_rate_rr2"]
      + ["cooperation_rate", "cooperation_rate_coop2"])
      .compactMap(csvColumns.firstIndex))

  /// One row per figure, decimal point, for spreadsheets, Power BI and R.
  public static func csv(_ card: ScoreCard, dialect: CSVDialect = .standard) -> String {
    var rows = [csvColumns]
    for score in card.indicators {
      let common: [String: String] = [
        "period": card.period.name, "first_day": card.period.first.description,
        "last_day": card.period.last.description, "indicator": score.indicator.id,
        "audience": score.indicator.audience?.rawValue ?? "",
        "norm": score.norm.map { Wording.feedNumber($0, decimals: 1) } ?? "",
        "norm_direction": score.indicator.direction.rawValue,
      ]
      func add(_ row: ScoreCard.Row, type: String, extra: [String: String] = [:]) {
        var fields = common.merging(figureFields(row)) { $1 }.merging(extra) { $1 }
        fields["row_type"] = type
        rows.append(csvColumns.map { fields[$0] ?? "" })
      }
      add(score.overall, type: "indicator")
      if let weighted = score.weighted {
        var fields = common
        fields["row_type"] = "weighted"
        fields["label"] = "gewogen naar populatie"
        fields["n"] = String(score.overall.summary.count)
        fields["effective_n"] = Wording.feedNumber(weighted.effectiveSampleSize, decimals: 1)
        fields["mean"] = Wording.feedNumber(weighted.mean, decimals: 4)
        fields["sd"] = weighted.standardDeviation.map { Wording.feedNumber($0, decimals: 4) } ?? ""
        fields["ci_lower"] = weighted.confidenceInterval.map { Wording.feedNumber($0.lower, decimals: 4) } ?? ""
        fields["ci_upper"] = weighted.confidenceInterval.map { Wording.feedNumber($0.upper, decimals: 4) } ?? ""
        fields.merge(assessmentFields(weighted.assessment)) { $1 }
        fields["value_reported"] = Wording.feedNumber(Assessment.shown(weighted.mean), decimals: 1)
        rows.append(csvColumns.map { fields[$0] ?? "" })
      }
      for group in score.groups {
        add(group, type: "group", extra: ["group": group.group ?? "", "group_label": group.label])
      }
      if let breakdown = score.breakdown {
        for row in breakdown.rows {
          let label = Wording.breakdownLabel(row, dimensions: breakdown.dimensions)
          var extra: [String: String] = [:]
          for (dimension, value) in zip(breakdown.dimensions, row.values) {
            extra[dimension == .period ? "report_period" : dimension.rawValue] = value
          }
          add(row.total, type: "breakdown", extra: extra.merging(["label": label]) { $1 })
          for group in row.groups {
            add(
              group, type: "breakdown_group",
              extra: extra.merging(["group": group.group ?? "", "group_label": group.label, "label": label]) {
                $1
              })
          }
        }
      }
    }
    // first_day and last_day are days.
    return CSVWriter.render(rows, numericColumns: numericColumns, kinds: [1: .day, 2: .day], dialect: dialect)
  }

  private static func figureFields(_ row: ScoreCard.Row) -> [String: String] {
    var fields = ["label": row.label, "suppressed": row.isSuppressed ? "true" : "false"]
    if row.isSuppressed {
      fields["status"] = Wording.suppressed
      fields["status_reported"] = Wording.suppressed
      return fields
    }
    let summary = row.summary
    fields["n"] = String(summary.count)
    fields.merge(assessmentFields(row.assessment)) { $1 }
    if row.assessment.status != .teWeinigRespondenten {
      fields["mean"] = summary.mean.map { Wording.feedNumber($0, decimals: 4) } ?? ""
      fields["sd"] = summary.standardDeviation.map { Wording.feedNumber($0, decimals: 4) } ?? ""
      fields["ci_lower"] = summary.confidenceInterval.map { Wording.feedNumber($0.lower, decimals: 4) } ?? ""
      fields["ci_upper"] = summary.confidenceInterval.map { Wording.feedNumber($0.upper, decimals: 4) } ?? ""
      fields["value_reported"] = summary.mean.map { Wording.feedNumber(Assessment.shown($0), decimals: 1) } ?? ""
      if row.publishesDistribution {
        fields["median"] = summary.median.map { Wording.feedNumber($0, decimals: 2) } ?? ""
        fields["share_below_6"] = summary.shareBelowSix.map { Wording.feedNumber($0, decimals: 4) } ?? ""
        for (index, count) in summary.gradeCounts.enumerated() { fields["grade_\(index + 1)"] = String(count) }
      }
    }
    if let previous = row.previousYear {
      fields["previous_period"] = previous.period.name
      fields["previous_n"] = String(previous.summary.count)
      if row.assessment.status != .teWeinigRespondenten {
        fields["previous_mean"] = previous.summary.mean.map { Wording.feedNumber($0, decimals: 4) } ?? ""
        fields["change"] = previous.change.map { Wording.feedNumber($0, decimals: 4) } ?? ""
        fields["change_p_value"] = previous.test.map { Wording.feedNumber($0.pValue, decimals: 4) } ?? ""
        fields["change_significant"] = previous.test == nil ? "" : previous.isSignificant ? "true" : "false"
      }
    }
    if let rates = row.responseRates {
      func number(_ value: Double?) -> String { value.map { Wording.feedNumber($0, decimals: 4) } ?? "" }
      fields["response_rate"] = number(rates.rr1)
      fields["response_rate_basis"] = rates.basis?.rawValue ?? ""
      fields["response_rate_rr2"] = number(rates.rr2)
      fields["cooperation_rate"] = number(rates.coop1)
      fields["cooperation_rate_coop2"] = number(rates.coop2)
    }
    return fields
  }

  private static func assessmentFields(_ assessment: Assessment) -> [String: String] {
    [
      "status": assessment.status.rawValue, "indicative": assessment.isIndicative ? "true" : "false",
      "significant": assessment.isSignificant ? "true" : "false", "status_reported": assessment.reportedStatus,
    ]
  }

  // MARK: - JSON

  /// JSON with sorted keys; the structure mirrors ``ScoreCard`` (documented in the README).
  public static func json(_ card: ScoreCard) -> String {
    let value = JSONCard(card)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
    return text + "\n"
  }
}

/// The JSON shape of a score card.
private struct JSONCard: Encodable {
  struct Interval: Encodable {
    var lower: Double
    var upper: Double
    var level: Double
  }
  struct Comparison: Encodable {
    var period: String
    var firstDay: String
    var lastDay: String
    var n: Int
    var mean: Double?
    var change: Double?
    var t: Double?
    var degreesOfFreedom: Double?
    var pValue: Double?
    var significant: Bool
  }
  struct Aspect: Encodable {
    var item: String
    var label: String
    var n: Int
    var mean: Double?
    var sd: Double?
  }
  struct Topic: Encodable {
    struct Option: Encodable {
      var code: String
      var label: String
      var count: Int?
      var share: Double?
    }
    var item: String
    var label: String
    var question: String
    var multiple: Bool
    var n: Int
    var belowMinimum: Bool
    var options: [Option]
  }
  struct Rates: Encodable {
    struct Interviews: Encodable {
      var completed: Int
      var partial: Int
      var refused: Int
      var nonContact: Int
      var other: Int
      var unknownEligibility: Int
    }
    var completed: Int
    var partial: Int
    var invited: Int?
    var interviews: Interviews
    var basis: String?
    var rr1: Double?
    var rr2: Double?
    var coop1: Double?
    var coop2: Double?
  }
  struct Figure: Encodable {
    var group: String?
    var label: String
    var suppressed: Bool
    var n: Int?
    var mean: Double?
    var sd: Double?
    var interval: Interval?
    var median: Double?
    var gradeCounts: [Int]?
    var shareBelow6: Double?
    var status: String?
    var indicative: Bool?
    var significant: Bool?
    var previousYear: Comparison?
    var aspects: [Aspect]?
    var topics: [Topic]?
    var responseRates: Rates?
    var statusReported: String?
    var valueReported: Double?
  }
  struct Weighted: Encodable {
    var mean: Double
    var effectiveN: Double
    var sd: Double?
    var interval: Interval?
    var weights: [String: Double]
    var groupsWithoutRespondents: [String]
    var status: String
    var indicative: Bool
    var significant: Bool
    var statusReported: String
    var valueReported: Double
  }
  struct BreakdownRow: Encodable {
    var values: [String]
    var label: String
    var total: Figure
    var groups: [Figure]
  }
  struct Breakdown: Encodable {
    var dimensions: [String]
    var includesGroups: Bool
    var disclosureControlled: Bool
    var rows: [BreakdownRow]
  }
  struct Basis: Encodable {
    var roles: [String]?
    var mean: String
    var outsideBasis: Int
  }
  struct Indicator: Encodable {
    var id: String
    var basis: Basis
    var number: String
    var label: String
    var audience: String?
    var unit: String
    var norm: Double?
    var normDirection: String
    var overall: Figure
    var weighted: Weighted?
    var groups: [Figure]
    var breakdown: Breakdown?
  }
  struct Thresholds: Encodable {
    var minimumRespondents: Int
    var indicativeBelow: Int
    var disclosureThreshold: Int
  }

  var period: String
  var firstDay: String
  var lastDay: String
  var previousPeriod: String?
  var countingRule: String
  var thresholds: Thresholds
  var minimumRespondents: Int
  var indicators: [Indicator]

  init(_ card: ScoreCard) {
    period = card.period.name
    firstDay = card.period.first.description
    lastDay = card.period.last.description
    previousPeriod = card.previousPeriod?.name
    countingRule = Wording.countingRule
    thresholds = Thresholds(
      minimumRespondents: card.thresholds.minimumRespondents, indicativeBelow: card.thresholds.indicativeBelow,
      disclosureThreshold: card.thresholds.disclosureThreshold)
    minimumRespondents = card.thresholds.minimumRespondents
    indicators = card.indicators.map { score in
      Indicator(
        id: score.indicator.id,
        basis: Basis(
          roles: score.indicator.basis.roles, mean: score.indicator.basis.mean.rawValue,
          outsideBasis: score.overall.outsideBasis),
        number: score.indicator.number, label: score.indicator.label,
        audience: score.indicator.audience?.rawValue, unit: score.indicator.unit.rawValue, norm: score.norm,
        normDirection: score.indicator.direction.rawValue, overall: Self.figure(score.overall),
        weighted: score.weighted.map(Self.weighted), groups: score.groups.map { Self.figure($0) },
        breakdown: score.breakdown.map { breakdown in
          Breakdown(
            dimensions: breakdown.dimensions.map(\.rawValue), includesGroups: breakdown.includesGroups,
            disclosureControlled: breakdown.isDisclosureControlled,
            rows: breakdown.rows.map { row in
              let label = Wording.breakdownLabel(row, dimensions: breakdown.dimensions)
              return BreakdownRow(
                values: row.values, label: label, total: Self.figure(row.total, label: label),
                groups: row.groups.map { Self.figure($0) })
            })
        })
    }
  }

  static func round(_ value: Double?) -> Double? {
    Wording.feedRounded(value)
  }

  static func interval(_ interval: ConfidenceInterval?) -> Interval? {
    interval.map { Interval(lower: round($0.lower) ?? 0, upper: round($0.upper) ?? 0, level: $0.level) }
  }

  /// A row's figure; `label` names a breakdown total, whose name the engine leaves to the wording.
  static func figure(_ row: ScoreCard.Row, label: String? = nil) -> Figure {
    let label = label ?? row.label
    if row.isSuppressed {
      return Figure(group: row.group, label: label, suppressed: true, statusReported: Wording.suppressed)
    }
    let summary = row.summary
    let reported = row.assessment.status != .teWeinigRespondenten
    let distribution = row.publishesDistribution
    return Figure(
      group: row.group, label: label, suppressed: false, n: summary.count,
      mean: reported ? round(summary.mean) : nil, sd: reported ? round(summary.standardDeviation) : nil,
      interval: reported ? interval(summary.confidenceInterval) : nil,
      median: distribution ? summary.median : nil, gradeCounts: distribution ? summary.gradeCounts : nil,
      shareBelow6: distribution ? round(summary.shareBelowSix) : nil, status: row.assessment.status.rawValue,
      indicative: row.assessment.isIndicative, significant: row.assessment.isSignificant,
      previousYear: row.previousYear.map { previous in
        Comparison(
          period: previous.period.name, firstDay: previous.period.first.description,
          lastDay: previous.period.last.description, n: previous.summary.count,
          mean: reported ? round(previous.summary.mean) : nil, change: reported ? round(previous.change) : nil,
          t: reported ? round(previous.test?.t) : nil,
          degreesOfFreedom: reported ? round(previous.test?.degreesOfFreedom) : nil,
          pValue: reported ? round(previous.test?.pValue) : nil, significant: reported && previous.isSignificant)
      },
      aspects: row.aspects.isEmpty
        ? nil
        : row.aspects.map {
          Aspect(
            item: $0.item, label: $0.label, n: $0.summary.count, mean: round($0.reportedMean),
            sd: round($0.reportedStandardDeviation))
        },
      topics: row.topics.isEmpty ? nil : row.topics.map(Self.topic),
      responseRates: row.responseRates.map {
        Rates(
          completed: $0.completed, partial: $0.partial, invited: $0.invited,
          interviews: Rates.Interviews(
            completed: $0.interviews.completed, partial: $0.interviews.partial, refused: $0.interviews.refused,
            nonContact: $0.interviews.nonContact, other: $0.interviews.other,
            unknownEligibility: $0.interviews.unknownEligibility),
          basis: $0.basis?.rawValue, rr1: round($0.rr1), rr2: round($0.rr2), coop1: round($0.coop1),
          coop2: round($0.coop2))
      }, statusReported: row.assessment.reportedStatus,
      valueReported: reported ? summary.mean.map(Assessment.shown) : nil)
  }

  /// A topic's shares; below the minimum n its options without counts or shares.
  static func topic(_ topic: TopicScore) -> Topic {
    let shares = topic.reportedShares
    return Topic(
      item: topic.item, label: topic.label, question: topic.text, multiple: topic.allowsMultiple, n: topic.respondents,
      belowMinimum: topic.isBelowMinimum,
      options: topic.options.enumerated().map { index, option in
        Topic.Option(
          code: option.code, label: option.label, count: shares == nil ? nil : option.count,
          share: shares.flatMap { round($0[index]) })
      })
  }

  static func weighted(_ weighted: WeightedMean) -> Weighted {
    Weighted(
      mean: round(weighted.mean) ?? 0, effectiveN: round(weighted.effectiveSampleSize) ?? 0,
      sd: round(weighted.standardDeviation), interval: interval(weighted.confidenceInterval),
      weights: weighted.weights.mapValues { round($0) ?? 0 },
      groupsWithoutRespondents: weighted.groupsWithoutRespondents,
      status: weighted.assessment.status.rawValue, indicative: weighted.assessment.isIndicative,
      significant: weighted.assessment.isSignificant, statusReported: weighted.assessment.reportedStatus,
      valueReported: Assessment.shown(weighted.mean))
  }
}
