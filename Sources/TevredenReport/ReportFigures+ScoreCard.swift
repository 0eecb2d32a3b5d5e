import Foundation
import TevredenCore

/// The adapter from the scoring engine's figures to the report's presentation model.
///
/// Every number is taken from the engine as it is: means, intervals, medians, shares, histograms, significance,
/// suppression. The only decisions made here are about presentation (which rows go where, how a status and its
/// significance are named). Earlier periods of the trend are judged against their own year's norm through the
/// engine's ``Assessment/of(_:norm:direction:thresholds:)``, because a `--by period` breakdown assesses every row
/// against the norm of the requested year.
extension ReportFigures {
  /// Builds the report's figures from score cards.
  ///
  /// - Parameters:
  ///   - card: The period's card. With a `gemeente` (and `group`) breakdown, the municipality tables are filled.
  ///   - trend: A card over the years in the database with a `period` breakdown (`--by period`), for the trend.
  ///   - indicatorRows: The common indicator set (`IndicatorRow.rows`), when other indicators were merged in;
  ///     otherwise the table shows PI 5 and PI 6 from `card`.
  ///   - region: The region's name for the head.
  ///   - generatedAt: When the report is made.
  ///   - dataBasis: Responses counted per source (interview mode or import platform), from the store.
  ///   - remarks: Masked open remarks, only when asked for.
  public init(
    card: ScoreCard, trend: ScoreCard? = nil, indicatorRows: [TevredenCore.IndicatorRow]? = nil, region: String,
    generatedAt: Date, dataBasis: [DataSource], remarks: Remarks? = nil
  ) {
    let thresholds = card.thresholds
    let audiences = card.indicators.compactMap { score -> AudienceSection? in
      guard let audience = score.indicator.audience else { return nil }
      return AudienceSection(
        score: score, audience: audience, trend: trend?.indicators.first { $0.indicator.id == score.indicator.id },
        thresholds: thresholds)
    }
    let rates = card.indicators.compactMap { score -> ReportFigures.ResponseRate? in
      guard let audience = score.indicator.audience, let rates = score.overall.responseRates else { return nil }
      return ReportFigures.ResponseRate(audience: audience, rates: rates)
    }
    let rows: [IndicatorRow]
    if let indicatorRows {
      rows = indicatorRows.filter { $0.subgroup.isEmpty && !$0.indicator.isDescriptive }.map { row in
        // A year-on-year change is over respondents; beside a weighted value it would compare two different
        // figures, so a weighted indicator has none.
        let score = card.indicators.first { $0.indicator.id == row.indicator.id }
        let change = score?.headline.isWeighted == true ? nil : score?.overall.previousYear
        return IndicatorRow(engine: row, change: change)
      }
    } else {
      rows = card.indicators.map { score in
        let headline = score.headline
        return IndicatorRow(
          number: score.indicator.number, label: score.indicator.label, unit: Unit(score.indicator.unit),
          value: headline.value, norm: Norm(engineNorm: score.norm, direction: score.indicator.direction),
          status: Status(headline.assessment), comparison: NormComparison(headline.assessment),
          count: headline.count, interval: headline.value == nil ? nil : Interval(headline.interval),
          change: headline.isWeighted ? nil : Change(score.overall.previousYear))
      }
    }
    self.init(
      head: Head(
        region: region, period: card.period, generatedAt: generatedAt, dataBasis: dataBasis, responseRates: rates),
      indicators: rows, audiences: audiences, remarks: remarks,
      methods: Methods(
        minimumRespondents: thresholds.minimumRespondents,
        indicativeBelow: thresholds.indicativeBelow > thresholds.minimumRespondents
          ? thresholds.indicativeBelow : nil,
        disclosureThreshold: thresholds.disclosureThreshold, confidenceLevel: GradeSummary.confidenceLevel))
    if let indicatorRows { registration(indicatorRows) }
  }

  /// The registration's descriptive counts, histories and subgroups, taken from the engine's rows as they are.
  mutating func registration(_ rows: [TevredenCore.IndicatorRow]) {
    let registered = rows.filter { $0.source == .registratie }
    descriptive = registered.filter { $0.indicator.isDescriptive && $0.subgroup.isEmpty }.map { row in
      DescriptiveRow(
        number: row.indicator.number, label: row.indicator.label, value: row.value.map { Int($0) },
        budgeted: row.budgeted, difference: row.differenceFromBudget, waitingList: row.waitingList,
        workload: row.workload)
    }
    registrationHistory = registered.filter { $0.subgroup.isEmpty && !$0.history.isEmpty }.map { row in
      HistoryTable(
        number: row.indicator.number, label: row.indicator.label, unit: Unit(row.indicator.unit),
        entries: (row.history + [row]).map { entry in
          HistoryEntry(
            period: entry.period.name, value: entry.assessment.status == .teWeinigRespondenten ? nil : entry.value,
            count: entry.count, norm: Norm(engineNorm: entry.norm, direction: entry.indicator.direction),
            status: Status(entry.assessment))
        })
    }
    var tables: [SubgroupTable] = []
    for row in registered where !row.subgroup.isEmpty {
      let line = SubgroupRow(
        name: row.subgroup, value: row.assessment.status == .teWeinigRespondenten ? nil : row.value,
        count: row.count, status: Status(row.assessment), isSuppressed: row.isSuppressed)
      if let last = tables.indices.last, tables[last].number == row.indicator.number {
        tables[last].rows.append(line)
      } else {
        tables.append(
          SubgroupTable(
            number: row.indicator.number, label: row.indicator.label, unit: Unit(row.indicator.unit), rows: [line]))
      }
    }
    registrationSubgroups = tables
  }

  /// The mean as reported: none when there are too few respondents.
  static func reportedMean(_ row: ScoreCard.Row) -> Double? {
    row.assessment.status == .teWeinigRespondenten || row.isSuppressed ? nil : row.summary.mean
  }
}

extension ReportFigures.Status {
  /// The light for an engine assessment: indicative figures are shown as such, whatever side of the norm. Taken
  /// from the word the CSV and JSON feeds print (`status_reported`), so a dashboard cannot disagree with the report.
  init(_ assessment: Assessment) {
    self = Self(rawValue: assessment.reportedStatus) ?? .geenNorm
  }
}

extension ReportFigures.NormComparison {
  /// Whether the engine found the interval clear of the norm; `nil` where no verdict applies.
  init?(_ assessment: Assessment) {
    switch assessment.status {
    case .voldoet: self = assessment.isSignificant ? .clearlyMeets : .unclear
    case .voldoetNiet: self = assessment.isSignificant ? .clearlyMisses : .unclear
    case .teWeinigRespondenten, .geenNorm: return nil
    }
  }
}

extension ReportFigures.Norm {
  init?(engineNorm value: Double?, direction: IndicatorSet.Direction) {
    guard let value else { return nil }
    switch direction {
    case .atLeast: self.init(value, .atLeast)
    case .atMost: self.init(value, .atMost)
    case .none: return nil
    }
  }
}

extension ReportFigures.Unit {
  init(_ unit: IndicatorSet.Unit) {
    switch unit {
    case .cijfer: self = .grade
    case .percentage: self = .percentage
    case .aantal: self = .count
    }
  }
}

extension ReportFigures.Interval {
  init?(_ interval: ConfidenceInterval?) {
    guard let interval else { return nil }
    self.init(interval.lower, interval.upper)
  }
}

extension ReportFigures.Change {
  init?(_ comparison: YearComparison?) {
    guard let comparison, let previous = comparison.summary.mean, let difference = comparison.change else {
      return nil
    }
    self.init(
      previousPeriod: comparison.period.name, previousValue: previous, difference: difference,
      isSignificant: comparison.test.map(\.isSignificant))
  }
}

extension ReportFigures.IndicatorRow {
  /// A row of `tevreden indicators`, with the year-on-year change of PI 5 or 6 when the card has it.
  init(engine row: TevredenCore.IndicatorRow, change: YearComparison?) {
    let reported = row.assessment.status != .teWeinigRespondenten
    self.init(
      number: row.indicator.number, label: row.indicator.label, unit: ReportFigures.Unit(row.indicator.unit),
      value: reported ? row.value : nil,
      norm: ReportFigures.Norm(engineNorm: row.norm, direction: row.indicator.direction),
      status: ReportFigures.Status(row.assessment),
      comparison: row.source == .enquete ? ReportFigures.NormComparison(row.assessment) : nil, count: row.count,
      interval: reported ? ReportFigures.Interval(row.interval) : nil,
      change: row.source == .enquete ? ReportFigures.Change(change) : nil,
      source: row.source == .registratie ? "aangeleverd" : nil)
  }
}

extension ReportFigures.GroupFigure {
  init(_ row: ScoreCard.Row, id: String) {
    let mean = ReportFigures.reportedMean(row)
    let shown = mean != nil
    self.init(
      id: id, label: row.label, count: row.summary.count, mean: mean,
      standardDeviation: shown ? row.summary.standardDeviation : nil,
      interval: shown ? ReportFigures.Interval(row.summary.confidenceInterval) : nil,
      median: shown ? row.summary.median : nil, shareBelowSix: shown ? row.summary.shareBelowSix : nil,
      status: ReportFigures.Status(row.assessment), comparison: ReportFigures.NormComparison(row.assessment),
      change: shown ? ReportFigures.Change(row.previousYear) : nil)
  }
}

extension ReportFigures.AudienceSection {
  init(
    score: ScoreCard.IndicatorScore, audience: Audience, trend: ScoreCard.IndicatorScore?,
    thresholds: ReportingThresholds
  ) {
    let title =
      switch audience {
      case .inwoners: "Inwoners (direct betrokkenen)"
      case .ketenpartners: "Ketenpartners"
      }
    var overall = ReportFigures.GroupFigure(score.overall, id: audience.rawValue)
    overall.label = "Alle \(audience.rawValue)"
    let headline = score.headline
    if headline.isWeighted {
      // The indicator is the weighted mean over groups: its tile, bar and status say that figure, not the mean
      // over respondents (which the trend and the distribution still show).
      overall.label = Wording.weightedOverallLabel(audience)
      overall.mean = headline.value
      overall.interval = ReportFigures.Interval(headline.interval)
      overall.status = ReportFigures.Status(headline.assessment)
      overall.comparison = ReportFigures.NormComparison(headline.assessment)
      overall.standardDeviation = nil
      overall.median = nil
      overall.shareBelowSix = nil
      overall.change = nil
    }
    let aspects = score.groups.filter { !$0.aspects.isEmpty && ReportFigures.reportedMean($0) != nil }.map { row in
      ReportFigures.AspectGroup(
        groupID: row.group ?? row.label, groupLabel: row.label,
        aspects: row.aspects.map {
          ReportFigures.Aspect(
            label: $0.label, mean: $0.reportedMean, count: $0.summary.count, correlation: $0.reportedCorrelation,
            correlationCount: $0.reportedCorrelation == nil ? nil : $0.correlationCount)
        })
    }
    // As the aspects: only for groups whose own figure is shown.
    let topics = score.groups.filter { !$0.topics.isEmpty && ReportFigures.reportedMean($0) != nil }.map { row in
      ReportFigures.TopicGroup(groupID: row.group ?? row.label, groupLabel: row.label, topics: row.topics)
    }
    self.init(
      audience: audience, indicatorNumber: score.indicator.number, title: title,
      norm: ReportFigures.Norm(engineNorm: score.norm, direction: score.indicator.direction), overall: overall,
      groups: score.groups.map { row in
        var figure = ReportFigures.GroupFigure(row, id: row.group ?? row.label)
        let minimum = thresholds.forGroup(row.group).minimumRespondents
        if minimum > thresholds.minimumRespondents { figure.minimumRespondents = minimum }
        return figure
      },
      trend: trend.map { Self.trendPoints($0, thresholds: thresholds) } ?? [],
      histogram: score.overall.summary.count > 0
        ? ReportFigures.Histogram(
          counts: score.overall.summary.gradeCounts, shareBelowSix: score.overall.summary.shareBelowSix) : nil,
      aspects: aspects, topics: topics, gemeenten: Self.gemeenten(score.breakdown))
    basis = Wording.basisDescription(score.indicator, outside: score.overall.outsideBasis)
  }

  /// The `--by period` rows as trend points in burap order (the engine sorts the year, "2025", before
  /// "2025-T1"), each judged against its own year's norm.
  static func trendPoints(_ score: ScoreCard.IndicatorScore, thresholds: ReportingThresholds)
    -> [ReportFigures.TrendPoint]
  {
    guard let breakdown = score.breakdown, breakdown.dimensions == [.period] else { return [] }
    return breakdown.rows.compactMap { row -> ReportFigures.TrendPoint? in
      guard let name = row.values.first, let period = Period(name) else { return nil }
      let norm = score.indicator.norms[period.normYear]
      let assessment = Assessment.of(
        row.total.summary, norm: norm, direction: score.indicator.direction, thresholds: thresholds)
      let shown = assessment.status != .teWeinigRespondenten
      return ReportFigures.TrendPoint(
        period: Wording.burapName(period.name), mean: shown ? row.total.summary.mean : nil,
        count: row.total.summary.count, norm: norm, status: ReportFigures.Status(assessment))
    }.sorted { $0.period < $1.period }
  }

  /// The municipality rows of a `--by gemeente[,group]` breakdown, with the engine's suppression.
  static func gemeenten(_ breakdown: ScoreCard.Breakdown?) -> ReportFigures.GemeenteTable? {
    guard let breakdown, breakdown.dimensions == [.gemeente] else { return nil }
    func cell(_ row: ScoreCard.Row) -> ReportFigures.GemeenteCell {
      // Why a cell is hidden is not published: "below the threshold" would tell an intruder that it is small.
      if row.isSuppressed { return .suppressed }
      guard row.summary.count > 0, let mean = row.summary.mean else { return .empty }
      return .figure(mean: mean, count: row.summary.count)
    }
    let columns = ["totaal"] + (breakdown.rows.first?.groups.map(\.label) ?? [])
    return ReportFigures.GemeenteTable(
      columns: columns,
      rows: breakdown.rows.map { row in
        ReportFigures.GemeenteRow(
          gemeente: Wording.breakdownLabel(row, dimensions: breakdown.dimensions),
          cells: [cell(row.total)] + row.groups.map(cell))
      })
  }
}
