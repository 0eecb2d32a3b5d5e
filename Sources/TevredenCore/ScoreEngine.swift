import Foundation

extension ScoreCard {
  /// Computes every figure of a score card from what the store counted.
  ///
  /// The overall row is the mean over all respondents of the audience (not the mean of group means), as the
  /// indicator is defined. Each main row is compared with the same period a year earlier (independent samples,
  /// Welch's test); rows of a `--by period` breakdown are compared only with the same period a year earlier, never
  /// with the overlapping periods of their own year.
  ///
  /// - Parameters:
  ///   - request: The period and the breakdown.
  ///   - set: Indicators, norms and thresholds.
  ///   - data: Histograms and counts from the store.
  ///   - weights: Population per respondent group, for the weighted mean.
  ///   - invited: Number invited per respondent group, for response rates.
  /// - Throws: ``ScoringError/missingWeight(group:file:)`` when a group with respondents has no population.
  public static func build(
    request: ScoreRequest, indicators set: IndicatorSet, data: ScoreData, weights: PopulationWeights? = nil,
    invited: [String: Int] = [:]
  ) throws(ScoringError) -> ScoreCard {
    let thresholds = set.thresholds
    if request.breakdownDimensions.contains(.gemeente), request.burapPeriod == nil {
      throw .gemeenteNeedsBurapPeriod(request.period.name)
    }
    // A language table is protected on its own (``LanguageDisclosure``), not together with the year's other periods
    // as the municipal tables are: so it is published for whole years only, which no other period published
    // overlaps in part.
    if request.breakdownDimensions.contains(.language), !request.period.coversWholeYears {
      throw .languageNeedsWholeYears(request.period.name)
    }
    guard request.roleBasis == set.roleBasis else { throw .basisDiffers }
    if weights == nil, let weighted = set.indicators.first(where: { $0.audience != nil && $0.basis.mean == .groups }) {
      throw .basisNeedsWeights(indicator: weighted.number)
    }
    let knownGroups = Set(data.groups.map(\.group))
    for group in invited.keys.sorted() where !knownGroups.contains(group) {
      throw .unknownInvitedGroup(group)
    }
    // Each audience's indicator on a thread of its own: their disclosure control (linear programs and the
    // intruder's audit over the year's municipal tables) was a tenth of a report's time, one after the other.
    let audiences = Audience.allCases.compactMap { audience in set.indicator(for: audience).map { (audience, $0) } }
    let scores = concurrentMap(audiences) { audience, indicator in
      Result { () throws(ScoringError) -> IndicatorScore in
        try indicatorScore(
          audience: audience, indicator: indicator, request: request, set: set, data: data, weights: weights,
          invited: invited)
      }
    }
    var indicators: [IndicatorScore] = []
    for score in scores { indicators.append(try score.get()) }
    return ScoreCard(
      period: request.period, previousPeriod: request.previousPeriod, thresholds: thresholds, indicators: indicators)
  }

  /// The score of one audience's indicator (see ``build(request:indicators:data:weights:invited:)``).
  private static func indicatorScore(
    audience: Audience, indicator: IndicatorSet.Indicator, request: ScoreRequest, set: IndicatorSet, data: ScoreData,
    weights: PopulationWeights?, invited: [String: Int]
  ) throws(ScoringError) -> IndicatorScore {
    let thresholds = set.thresholds
    let norm = indicator.norms[request.period.normYear]
    /// `group`: a respondent group's cell, judged with the group's own minimum n where it has one.
    func assess(_ summary: GradeSummary, group: String? = nil) -> Assessment {
      Assessment.of(summary, norm: norm, direction: indicator.direction, thresholds: thresholds.forGroup(group))
    }
    let cells = data.cells.filter { $0.audience == audience }
    let previous = data.previousCells.filter { $0.audience == audience }
    var groupInfos = data.groups.filter { $0.audience == audience }
    // Groups with responses but no stored definition (should not happen) still get a row.
    for cell in cells where !groupInfos.contains(where: { $0.group == cell.group }) {
      groupInfos.append(GroupInfo(audience: audience, group: cell.group, label: cell.group))
    }
    groupInfos.sort { ($0.label, $0.group) < ($1.label, $1.group) }
    let statuses = data.statusCounts.filter { $0.audience == audience }
    let outside = data.outsideBasis.filter { $0.audience == audience }
    let contacts = data.contacts.filter { $0.audience == audience }

    func distribution(_ selected: [GradeCell]) -> GradeDistribution {
      selected.reduce(GradeDistribution.empty) { $0 + $1.distribution }
    }
    func comparison(_ current: GradeSummary, _ earlier: [GradeCell]) -> YearComparison {
      YearComparison(
        period: request.previousPeriod, summary: GradeSummary(distribution(earlier)), current: current)
    }

    var groupRows: [Row] = []
    for info in groupInfos {
      let summary = GradeSummary(distribution(cells.filter { $0.group == info.group }))
      let aspects = data.aspects.filter { $0.audience == audience && $0.group == info.group }
        .map {
          AspectScore(
            item: $0.item, label: $0.label, summary: GradeSummary($0.distribution),
            correlation: $0.withGrade.correlation, correlationCount: $0.withGrade.count,
            minimumRespondents: thresholds.forGroup(info.group).minimumRespondents)
        }
      let topics = data.topics.filter { $0.audience == audience && $0.group == info.group }
        .map { TopicScore($0, minimumRespondents: thresholds.forGroup(info.group).minimumRespondents) }
      var row = Row(
        label: info.label, group: info.group, summary: summary, assessment: assess(summary, group: info.group),
        previousYear: comparison(summary, previous.filter { $0.group == info.group }), aspects: aspects,
        topics: topics,
        responseRates: responseRates(
          statuses.filter { $0.group == info.group }, contacts: contacts.filter { $0.group == info.group },
          invited: invited[info.group]))
      row.outsideBasis = outside.filter { $0.group == info.group }.map(\.count).reduce(0, +)
      groupRows.append(row)
    }
    let overallSummary = GradeSummary(distribution(cells))
    let invitedTotal = groupInfos.compactMap { invited[$0.group] }
    var overall = Row(
      label: indicator.label, group: nil, summary: overallSummary, assessment: assess(overallSummary),
      previousYear: comparison(overallSummary, previous),
      responseRates: responseRates(
        statuses, contacts: contacts,
        invited: invitedTotal.count == groupInfos.count && !invitedTotal.isEmpty
          ? invitedTotal.reduce(0, +) : nil,
        // The audience's RR1 over interview contacts only when each group that interviewed recorded its
        // non-contacts too: one group's would otherwise pass for all.
        contactsAreComplete: groupRows.allSatisfy {
          ($0.responseRates?.interviews.total ?? 0) == 0 || $0.responseRates?.basis == .interviewContacts
        }))
    overall.outsideBasis = outside.map(\.count).reduce(0, +)

    var weighted: WeightedMean?
    // A weights file with none of an audience's groups is meant for the other audience (whose indicator is
    // weighted over groups); one with some of them must have all.
    let covered = groupRows.contains { $0.summary.count > 0 && weights?.populations[$0.group ?? ""] != nil }
    if let weights, covered || indicator.basis.mean == .groups {
      weighted = try weightedMean(
        groups: groupRows, weights: weights, norm: norm, direction: indicator.direction, thresholds: thresholds)
    }
    var breakdown: Breakdown?
    if !request.breakdownDimensions.isEmpty {
      breakdown = makeBreakdown(
        request: request, cells: cells, groups: groupInfos, gemeenten: set.gemeenten,
        roleLabels: data.roleLabels[audience] ?? [:], thresholds: thresholds, assess: assess,
        municipalCells: data.municipalCells?.filter { $0.audience == audience })
    }
    return IndicatorScore(
      indicator: indicator, norm: norm, overall: overall, groups: groupRows, weighted: weighted,
      breakdown: breakdown)
  }

  /// The response and cooperation rates of a group (or an audience) from its status counts, its recorded
  /// contacts and its invited count; `nil` when none can be given.
  private static func responseRates(
    _ counts: [StatusCount], contacts: [ContactCount], invited: Int?, contactsAreComplete: Bool = true
  ) -> ResponseRates? {
    func total(_ status: Response.Status, interview: Bool? = nil) -> Int {
      counts.filter { $0.status == status && (interview == nil || $0.isInterview == interview) }.map(\.count)
        .reduce(0, +)
    }
    var interviews = ResponseRates.Dispositions(
      completed: total(.completed, interview: true), partial: total(.partial, interview: true),
      refused: total(.refused, interview: true))
    for contact in contacts { contact.outcome.add(to: &interviews, count: contact.count) }
    let rates = ResponseRates(
      completed: total(.completed), partial: total(.partial), interviews: interviews, invited: invited,
      contactsAreComplete: contactsAreComplete)
    return rates.isEmpty ? nil : rates
  }

  /// Post-stratification: each respondent of group g weighs (N_g / N) / (n_g / n); the variance of the weighted
  /// mean is approximated through Kish's effective sample size.
  static func weightedMean(
    groups: [Row], weights: PopulationWeights, norm: Double?, direction: IndicatorSet.Direction,
    thresholds: ReportingThresholds
  ) throws(ScoringError) -> WeightedMean? {
    let answered = groups.filter { $0.summary.count > 0 }
    for row in answered where weights.populations[row.group ?? ""] == nil {
      throw .missingWeight(group: row.group ?? row.label, file: weights.file)
    }
    let withoutRespondents = groups.filter { $0.summary.count == 0 && weights.populations[$0.group ?? ""] != nil }
      .compactMap(\.group)
    let population = answered.compactMap { weights.populations[$0.group ?? ""] }.reduce(0, +)
    let n = Double(answered.map(\.summary.count).reduce(0, +))
    guard population > 0, n > 0 else { return nil }
    var perGroup: [String: Double] = [:]
    var mean = 0.0
    for row in answered {
      guard let group = row.group, let size = weights.populations[group], let groupMean = row.summary.mean else {
        continue
      }
      perGroup[group] = (size / population) / (Double(row.summary.count) / n)
      mean += size / population * groupMean
    }
    // Weights are normalised so that Σ w = n.
    var sumOfSquaredWeights = 0.0
    var weightedSquares = 0.0
    for row in answered {
      guard let group = row.group, let weight = perGroup[group], let groupMean = row.summary.mean else { continue }
      let count = Double(row.summary.count)
      sumOfSquaredWeights += count * weight * weight
      let within = (row.summary.standardDeviation ?? 0) * (row.summary.standardDeviation ?? 0) * (count - 1)
      weightedSquares += weight * (within + count * (groupMean - mean) * (groupMean - mean))
    }
    let effective = n * n / sumOfSquaredWeights
    var sd: Double?
    var interval: ConfidenceInterval?
    if n > 1 {
      let deviation = (weightedSquares / (n - 1)).squareRoot()
      sd = deviation
      if effective >= 2 {
        let half =
          StudentT.quantile(0.5 + GradeSummary.confidenceLevel / 2, degreesOfFreedom: effective - 1) * deviation
          / effective.squareRoot()
        interval = ConfidenceInterval(lower: mean - half, upper: mean + half, level: GradeSummary.confidenceLevel)
      }
    }
    // The status uses the effective sample size as its n: weighting never makes a figure firmer than it is.
    var summaryForStatus = GradeSummary.empty
    summaryForStatus.count = Int(effective.rounded(.down))
    summaryForStatus.mean = mean
    summaryForStatus.confidenceInterval = interval
    let assessment = Assessment.of(summaryForStatus, norm: norm, direction: direction, thresholds: thresholds)
    return WeightedMean(
      mean: mean, effectiveSampleSize: effective, standardDeviation: sd, confidenceInterval: interval,
      weights: perGroup, groupsWithoutRespondents: withoutRespondents, assessment: assessment)
  }

  // MARK: - Breakdowns

  private static func makeBreakdown(
    request: ScoreRequest, cells: [GradeCell], groups: [GroupInfo], gemeenten: [String],
    roleLabels: [String: String], thresholds: ReportingThresholds, assess: (GradeSummary, String?) -> Assessment,
    municipalCells: [GradeCell]?
  ) -> Breakdown {
    let dimensions = request.breakdownDimensions
    // Each cell's key per dimension; a period breakdown puts one cell in every cumulative period it belongs to.
    func keys(_ cell: GradeCell) -> [[String]] {
      var keys: [[String]] = [[]]
      for dimension in dimensions {
        let values: [String]
        switch dimension {
        case .gemeente: values = [cell.gemeente ?? ""]
        case .role: values = [cell.role ?? ""]
        case .language: values = [cell.language ?? ""]
        case .year: values = [cell.year.map(String.init) ?? ""]
        case .period:
          guard let year = cell.year, let third = cell.third else {
            values = []
            break
          }
          values = (third...3).map { $0 == 3 ? "\(year)" : "\(year)-T\($0)" }
        case .group: values = []
        }
        keys = keys.flatMap { key in values.map { key + [$0] } }
      }
      return keys
    }
    var byKey: [[String]: [String: GradeDistribution]] = [:]
    for cell in cells {
      for key in keys(cell) {
        var perGroup = byKey[key] ?? [:]
        perGroup[cell.group] = (perGroup[cell.group] ?? .empty) + cell.distribution
        byKey[key] = perGroup
      }
    }
    // Every municipality of the region gets a row, with or without respondents.
    var rowKeys = Set(byKey.keys)
    if dimensions == [.gemeente] {
      for gemeente in gemeenten { rowKeys.insert([gemeente]) }
    }
    // Periods beyond the requested range are not shown (a cell from May makes 2026-T3 appear otherwise).
    let sortedKeys = rowKeys.filter { key in
      zip(dimensions, key).allSatisfy { dimension, value in
        guard dimension == .period, let period = Period(value) else { return true }
        return period.last <= request.period.last || period.first.year < request.period.last.year
      }
    }.sorted { lhs, rhs in
      for (index, dimension) in dimensions.enumerated() where lhs[index] != rhs[index] {
        return order(lhs[index], rhs[index], dimension: dimension, gemeenten: gemeenten)
      }
      return false
    }
    // A response without a municipality or role has no name for it; the report module words that.
    func names(_ key: [String]) -> [String?] {
      zip(dimensions, key).map { dimension, value in
        switch dimension {
        case .gemeente: value.isEmpty ? nil : value
        case .role: value.isEmpty ? nil : roleLabels[value] ?? value
        case .language: value.isEmpty ? nil : Self.languageName(value)
        default: value
        }
      }
    }
    var rows: [BreakdownRow] = sortedKeys.map { key in
      let perGroup = byKey[key] ?? [:]
      let total = GradeSummary(perGroup.values.reduce(GradeDistribution.empty, +))
      var groupRows: [Row] = []
      if request.breakdownIncludesGroups {
        for info in groups {
          let summary = GradeSummary(perGroup[info.group] ?? .empty)
          groupRows.append(
            Row(label: info.label, group: info.group, summary: summary, assessment: assess(summary, info.group)))
        }
      }
      var row = BreakdownRow(
        values: key, names: names(key),
        total: Row(label: "", group: nil, summary: total, assessment: assess(total, nil)), groups: groupRows)
      row.total.label = row.label
      return row
    }
    // Year-on-year comparisons inside the breakdown: a year with the year before, a period with the same period a
    // year earlier; never two overlapping periods of one year.
    if dimensions.contains(.year) || dimensions.contains(.period) {
      let timeIndex = dimensions.firstIndex { $0 == .year || $0 == .period } ?? 0
      let index = Dictionary(rows.enumerated().map { ($1.values, $0) }, uniquingKeysWith: { first, _ in first })
      for position in rows.indices {
        var earlierKey = rows[position].values
        let value = earlierKey[timeIndex]
        guard let period = Period(value) else { continue }
        earlierKey[timeIndex] =
          value.contains("-T") ? "\(period.first.year - 1)-T\(value.suffix(1))" : "\(period.first.year - 1)"
        guard let earlier = index[earlierKey] else { continue }
        rows[position].total.previousYear = YearComparison(
          period: period.yearEarlier, summary: rows[earlier].total.summary, current: rows[position].total.summary)
      }
    }
    if dimensions.contains(.language) {
      rows = LanguageDisclosure.protect(rows, dimensions: dimensions, thresholds: thresholds)
    }
    let controlled = dimensions.contains(.gemeente)
    if controlled, let period = request.burapPeriod {
      // Without the year's cells per third, the period's own cells stand for the only period published.
      let yearCells =
        municipalCells
        ?? cells.map { cell in
          var cell = cell
          cell.third = period
          return cell
        }
      rows = protect(
        rows, period: period,
        counts: MunicipalCounts(cells: yearCells, gemeenten: gemeenten, groups: groups.map(\.group)),
        thresholds: thresholds)
    }
    return Breakdown(
      dimensions: dimensions, includesGroups: request.breakdownIncludesGroups, isDisclosureControlled: controlled,
      rows: rows)
  }

  /// Applies the year's coordinated suppression pattern (see ``DisclosureControl``) to a municipal breakdown. The
  /// pattern is always computed with the group cells, so `--by gemeente` hides the same row totals as
  /// `--by gemeente,group` and the two cannot be played off against each other.
  private static func protect(
    _ rows: [BreakdownRow], period: Int, counts: MunicipalCounts, thresholds: ReportingThresholds
  ) -> [BreakdownRow] {
    let patterns = DisclosureControl.coordinated(
      counts, periods: period, threshold: thresholds.disclosureThreshold,
      distributionThreshold: thresholds.distributionThreshold, minimumRespondents: thresholds.minimumRespondents)
    guard let pattern = patterns.last else { return rows }
    let index = Dictionary(counts.gemeenten.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    func apply(_ row: inout Row, _ position: Int?, _ column: Int) {
      guard let position else {
        // A row the year's cells do not know (cannot happen with one store): hide rather than guess.
        row.isSuppressed = row.summary.count > 0
        row.showsDistribution = false
        return
      }
      row.isSuppressed = pattern.hidden[position][column]
      row.isPrimarySuppression = pattern.primary[position][column]
      row.showsDistribution = pattern.distributionShown[position][column]
    }
    var rows = rows
    for position in rows.indices {
      let row = index[rows[position].values.first ?? ""]
      apply(&rows[position].total, row, 0)
      for group in rows[position].groups.indices { apply(&rows[position].groups[group], row, group + 1) }
    }
    return rows
  }

  /// A language as a breakdown names it: `Arabisch (ar)`, or the code of a language without a Dutch name here.
  static func languageName(_ code: String) -> String {
    let language = LanguageCode(rawValue: code)
    return language.dutchName == code ? code : "\(language.dutchName) (\(code))"
  }

  private static func order(_ lhs: String, _ rhs: String, dimension: ScoreDimension, gemeenten: [String]) -> Bool {
    // Missing values last; municipalities in the order of indicators.yaml; the rest alphabetically.
    if lhs.isEmpty != rhs.isEmpty { return rhs.isEmpty }
    // Dutch first (the source language of every definition so far), then the others by their code.
    if dimension == .language, (lhs == "nl") != (rhs == "nl") { return lhs == "nl" }
    if dimension == .gemeente {
      let left = gemeenten.firstIndex(of: lhs) ?? Int.max
      let right = gemeenten.firstIndex(of: rhs) ?? Int.max
      if left != right { return left < right }
    }
    return lhs < rhs
  }
}

/// The population per respondent group, read from a `--weights` file.
public struct PopulationWeights: Hashable, Sendable {
  /// Population per group id.
  public var populations: [String: Double]
  /// The file the weights came from, for messages.
  public var file: String

  public init(populations: [String: Double], file: String) {
    self.populations = populations
    self.file = file
  }

  /// Reads `group,count` lines (a header line and `#` comments allowed; `;` or `=` also separate).
  ///
  /// - Parameter column: What the count is called in messages (`population` or `invited`).
  ///
  /// A line may also name the period it counts for, `group,period,count` (`melding,2026-T2,400`), so that one file
  /// holds a year's periods: only the lines of `period` are read then, and a file with period lines but none for
  /// it is an error.
  public static func parse(
    _ text: String, file: String, knownGroups: Set<String>, column: String = "population", period: Period? = nil
  ) throws(CountFileError) -> [String: Double] {
    var counts: [String: Double] = [:]
    var otherPeriods = 0
    for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
        .trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}"))
      let number = offset + 1
      if line.isEmpty || line.hasPrefix("#") { continue }
      let parts = line.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "=" || $0 == "\t" })
        .map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2 || parts.count == 3 else {
        throw .malformedLine(
          file: file, line: number, reason: "expected 'group,\(column)' or 'group,period,\(column)', found \"\(line)\"")
      }
      let group = parts[0]
      let valueText = parts[parts.count - 1]
      guard let value = Double(valueText.replacingOccurrences(of: ",", with: ".")) else {
        if counts.isEmpty, otherPeriods == 0, !knownGroups.contains(group) { continue }  // a header line
        throw .malformedLine(file: file, line: number, reason: "\"\(valueText)\" is not a number")
      }
      if parts.count == 3 {
        guard let linePeriod = Period(parts[1]) else {
          throw .malformedLine(
            file: file, line: number, reason: "\"\(parts[1])\" is not a period; write it as 2026-T1, 2026-T2 or 2026")
        }
        guard let period else {
          throw .malformedLine(
            file: file, line: number, reason: "a line with a period is only read for a burap period (--period)")
        }
        if linePeriod != period {
          otherPeriods += 1
          continue
        }
      }
      guard knownGroups.contains(group) else {
        throw .malformedLine(
          file: file, line: number,
          reason: "'\(group)' is not a respondent group; use one of \(knownGroups.sorted().joined(separator: ", "))")
      }
      guard value >= 0, value.isFinite, value == value.rounded() else {
        throw .malformedLine(
          file: file, line: number, reason: "the \(column) of '\(group)' must be a whole number of at least 0")
      }
      guard counts[group] == nil else {
        throw .malformedLine(file: file, line: number, reason: "'\(group)' appears twice")
      }
      counts[group] = value
    }
    guard !counts.isEmpty else {
      if otherPeriods > 0, let period { throw .noneForPeriod(file: file, period: period.name) }
      throw .empty(file: file, column: column)
    }
    return counts
  }
}

/// Problems in a file of counts per group (`--weights`, `--invited`).
public enum CountFileError: LocalizedError, Equatable, Sendable {
  /// A line that cannot be read.
  case malformedLine(file: String, line: Int, reason: String)
  /// No counts at all.
  case empty(file: String, column: String)
  /// Counts per period, none of them for the period asked.
  case noneForPeriod(file: String, period: String)

  public var errorDescription: String? {
    switch self {
    case .malformedLine(let file, let line, let reason):
      "\(file):\(line): \(reason); each line is 'group,count', such as 'melding,1200'"
    case .noneForPeriod(let file, let period):
      "\(file) holds counts for other periods but none for \(period); add lines 'group,\(period),count'"
    case .empty(let file, let column):
      "\(file) holds no counts; write one line per respondent group: 'group,\(column)', such as 'melding,1200'"
    }
  }
}
