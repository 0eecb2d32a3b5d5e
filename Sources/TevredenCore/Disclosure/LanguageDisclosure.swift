/// Disclosure control of a breakdown by language (`score --by taal`): a small language group is a re-identification
/// risk (an Arabic-speaking parent in one service's respondents), like a small municipality.
///
/// Below the minimum number of respondents a cell shows its number only, as every breakdown does. That alone would not
/// protect it: its column's total is published (the indicator's overall row, or the group's row in the main table, and
/// the row total beside the group cells of a language), so the mean and the grades of the one small cell are the total
/// minus the cells shown. So the cells of each line (the languages of one column, and the group cells of one
/// language) are treated as the municipal tables' lines are (``DisclosureControl`` rule 3):
///
/// 1. Figures: on a line whose total shows its figure, the cells whose figure is withheld (below the minimum, or
///    hidden) number zero, or at least two holding together at least the minimum; otherwise the smallest cell still
///    shown is hidden (`*`, no figure at all) as well, until that holds; on a language's line without such a cell,
///    its total. A hidden row total with every group cell beside it shown would be their sum, so one of them is
///    hidden too.
/// 2. Grade distributions (counts per grade, median, share below 6) are shown only from the distribution threshold,
///    and by the same rule per line with that threshold, so that no withheld distribution is the total's minus the
///    others'.
///
/// Empty cells are never complements: they hold nobody. The breakdown may not be combined with cumulative periods
/// (``ScoreDimension/validate(_:)``), whose differences the municipal tables coordinate across the year and a
/// language breakdown does not.
enum LanguageDisclosure {
  /// The rows with the cells that must be hidden, and the distributions that must be withheld, marked.
  static func protect(
    _ rows: [ScoreCard.BreakdownRow], dimensions: [ScoreDimension], thresholds: ReportingThresholds
  ) -> [ScoreCard.BreakdownRow] {
    var rows = rows
    let languageIndex = dimensions.firstIndex(of: .language) ?? 0
    // The lines of columns: the rows that agree on every other dimension (one line without another dimension).
    var families: [[String]: [Int]] = [:]
    for (index, row) in rows.enumerated() {
      var key = row.values
      if languageIndex < key.count { key.remove(at: languageIndex) }
      families[key, default: []].append(index)
    }
    let columns = 1 + (rows.first?.groups.count ?? 0)
    func cell(_ row: Int, _ column: Int) -> ScoreCard.Row {
      column == 0 ? rows[row].total : rows[row].groups[column - 1]
    }
    func update(_ row: Int, _ column: Int, _ change: (inout ScoreCard.Row) -> Void) {
      if column == 0 { change(&rows[row].total) } else { change(&rows[row].groups[column - 1]) }
    }
    func minimum(_ column: Int) -> Int {
      guard column > 0, let group = rows.first?.groups[column - 1].group else { return thresholds.minimumRespondents }
      return max(thresholds.groupMinimums[group] ?? thresholds.minimumRespondents, thresholds.minimumRespondents)
    }
    var lines: [(aggregate: (row: Int, column: Int)?, members: [(row: Int, column: Int)], column: Int)] = []
    for members in families.values.sorted(by: { $0[0] < $1[0] }) {
      for column in 0..<columns { lines.append((nil, members.map { ($0, column) }, column)) }
    }
    if columns > 1 {
      for row in rows.indices { lines.append(((row, 0), (1..<columns).map { (row, $0) }, 0)) }
    }
    // Grade distributions from the distribution threshold only, as in the municipal tables.
    for row in rows.indices {
      for column in 0..<columns where cell(row, column).summary.count < thresholds.distributionThreshold {
        update(row, column) { $0.showsDistribution = false }
      }
    }
    func withheld(_ row: ScoreCard.Row) -> Bool {
      row.summary.count > 0 && (row.isSuppressed || row.assessment.status == .teWeinigRespondenten)
    }
    func distributionWithheld(_ row: ScoreCard.Row) -> Bool { row.summary.count > 0 && !row.publishesDistribution }
    /// The member with the fewest respondents among those `matching`.
    func smallest(_ members: [(row: Int, column: Int)], where matching: (ScoreCard.Row) -> Bool)
      -> (row: Int, column: Int)?
    {
      members.filter { matching(cell($0.row, $0.column)) }
        .min { cell($0.row, $0.column).summary.count < cell($1.row, $1.column).summary.count }
    }
    var changed = true
    while changed {
      changed = false
      for line in lines {
        let members = line.members.map { cell($0.row, $0.column) }
        let total = members.map(\.summary.count).reduce(0, +)
        // A line whose total is a language's row total follows that total; a column's total (the region's) is
        // shown once it reaches the minimum.
        let aggregate = line.aggregate.map { cell($0.row, $0.column) }
        let aggregateShown = aggregate.map { !withheld($0) } ?? (total >= minimum(line.column))
        let hidden = members.filter(withheld)
        let hiddenCount = hidden.map(\.summary.count).reduce(0, +)
        let figuresExposed =
          aggregateShown
          ? !hidden.isEmpty && (hidden.count < 2 || hiddenCount < minimum(line.column))
          : (aggregate.map { $0.isSuppressed } ?? false) && hidden.isEmpty && total > 0
        // A language's total whose only other cells are hidden or empty is one of them: it is hidden instead.
        if figuresExposed,
          let target = smallest(line.members, where: { !withheld($0) && $0.summary.count > 0 })
            ?? line.aggregate.flatMap({ withheld(cell($0.row, $0.column)) ? nil : $0 })
        {
          update(target.row, target.column) {
            $0.isSuppressed = true
            $0.showsDistribution = false
          }
          changed = true
          continue
        }
        let aggregatePublishes = aggregate.map(\.publishesDistribution) ?? (total >= minimum(line.column))
        let withheldDistributions = members.filter(distributionWithheld)
        let withheldCount = withheldDistributions.map(\.summary.count).reduce(0, +)
        if aggregatePublishes, !withheldDistributions.isEmpty,
          withheldDistributions.count < 2 || withheldCount < thresholds.distributionThreshold,
          let target = smallest(line.members, where: { !distributionWithheld($0) && $0.summary.count > 0 })
            ?? line.aggregate
        {
          update(target.row, target.column) { $0.showsDistribution = false }
          changed = true
        }
      }
    }
    return rows
  }
}
