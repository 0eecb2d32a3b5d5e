/// One audience's municipal table for one year, split by third of the year: the material from which every
/// cumulative burap period (T1 = January–April, T2 = January–August, the year) is summed.
public struct MunicipalCounts: Hashable, Sendable {
  /// The rows: municipalities (`""` for responses without one), in the order they are published.
  public var gemeenten: [String]
  /// The columns: respondent groups, in the order they are published.
  public var groups: [String]
  /// `thirds[t][row][group]`: the grades of respondents who completed in third `t + 1`.
  public var thirds: [[[GradeDistribution]]]

  public init(gemeenten: [String], groups: [String], thirds: [[[GradeDistribution]]]) {
    self.gemeenten = gemeenten
    self.groups = groups
    self.thirds = thirds
  }

  /// Builds the table from grade cells carrying a municipality and a third; rows are `gemeenten` followed by any
  /// other municipality found (unknown names, then "no municipality").
  public init(cells: [GradeCell], gemeenten: [String], groups: [String]) {
    var rows = gemeenten
    let extra = Set(cells.map { $0.gemeente ?? "" }).subtracting(gemeenten)
    rows += extra.filter { !$0.isEmpty }.sorted()
    if extra.contains("") { rows.append("") }
    let rowIndex = Dictionary(rows.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    let groupIndex = Dictionary(groups.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    var thirds = [[[GradeDistribution]]](
      repeating: [[GradeDistribution]](
        repeating: [GradeDistribution](repeating: .empty, count: groups.count), count: rows.count),
      count: 3)
    for cell in cells {
      guard let third = cell.third, (1...3).contains(third), let row = rowIndex[cell.gemeente ?? ""],
        let group = groupIndex[cell.group]
      else { continue }
      thirds[third - 1][row][group] = thirds[third - 1][row][group] + cell.distribution
    }
    self.init(gemeenten: rows, groups: groups, thirds: thirds)
  }

  /// The respondents of cumulative period `period` (1 = T1, 2 = T2, 3 = the year): `[row][column]`, column 0 the
  /// row total and then the groups.
  public func cumulative(through period: Int) -> [[GradeDistribution]] {
    gemeenten.indices.map { row in
      let groupsOfRow = groups.indices.map { group in
        (0..<period).reduce(GradeDistribution.empty) { $0 + thirds[$1][row][group] }
      }
      return [groupsOfRow.reduce(GradeDistribution.empty, +)] + groupsOfRow
    }
  }
}

/// What one cumulative period's municipal table may show: per row and column (column 0 the row total, then the
/// groups), whether the cell is hidden and whether its grade distribution (counts per grade, median, share below
/// 6) is shown.
public struct SuppressionPattern: Hashable, Sendable {
  public var hidden: [[Bool]]
  /// Hidden because the cell itself is below the threshold (the others hide so this one cannot be worked out).
  public var primary: [[Bool]]
  public var distributionShown: [[Bool]]

  public init(hidden: [[Bool]], primary: [[Bool]]? = nil, distributionShown: [[Bool]]) {
    self.hidden = hidden
    self.primary = primary ?? hidden
    self.distributionShown = distributionShown
  }
}

/// Disclosure control for the municipal tables of a year, coordinated across the tables and the cumulative
/// periods published from it.
///
/// A municipal table has lines: each row's group cells against the row total, each group's cells against the
/// region's group total (published in the main table), and the row totals against the indicator's total. The
/// burap periods are cumulative (T2 contains T1), so two periods' tables are also lines of a sort: their difference
/// is the respondents of the months between. Suppression is decided period by period, in publication order, each
/// period given what the earlier periods of the year showed (those tables are out), and rests on these rules:
///
/// 1. Primary: a cell with 1 to `threshold − 1` respondents is hidden.
/// 2. Increments: a cell is hidden when its difference with an earlier period in which it was shown is between 1
///    and `threshold − 1` (T1 n 12, T2 n 13 isolates one respondent of May–August).
/// 3. Lines: on a line whose total is shown, the hidden cells number zero or at least two, and together hold at
///    least `threshold` respondents (their sum is the total minus the shown cells, so it is published in effect);
///    the hidden cells' joint increment against an earlier period, which can be worked out the same way, is 0 or
///    at least `threshold`. A hidden row total needs a hidden group cell beside it. Each violation hides the
///    smallest shown non-empty cell of the line (for a row, the row total when no cell is left).
/// 4. Distributions: a shown cell's grade distribution is shown only from `distributionThreshold` respondents, when
///    its increment against every earlier period that showed its distribution is 0 or at least that threshold, and
///    when the cells of each line whose distribution is withheld number zero or at least two with at least that many
///    respondents together; and only when ``DisclosureAudit`` cannot place any respondent's grade in a hidden cell
///    or a small increment once they are shown (otherwise the period shows no municipal distributions).
///
/// Empty cells (n = 0) are shown as empty: they reveal nothing, and are not used as complements, except that a
/// column whose line cannot be protected otherwise (a group with fewer than `threshold` respondents in the whole
/// region, spread thinly) is hidden whole, empty cells included: an intruder who knows every hidden cell holds
/// someone would otherwise count them off one by one. What these rules
/// leave to an intruder is checked by ``DisclosureAudit``, which solves the published tables as a linear system.
public enum DisclosureControl {
  /// The pattern of each cumulative period from T1 up to `periods` (1…3).
  ///
  /// - Parameter minimumRespondents: Below this, no distribution is published at all (no mean either), also for
  ///   the region's totals; the audit of the distributions needs to know what the main table shows.
  public static func coordinated(
    _ counts: MunicipalCounts, periods: Int, threshold: Int, distributionThreshold: Int, minimumRespondents: Int
  ) -> [SuppressionPattern] {
    var patterns: [SuppressionPattern] = []
    let distributions = (1...max(1, min(periods, 3))).map { counts.cumulative(through: $0) }
    let cumulative = distributions.map { $0.map { $0.map(\.count) } }
    for period in cumulative.indices {
      var next = pattern(
        cumulative[period], earlier: Array(zip(cumulative[..<period], patterns)), threshold: threshold,
        distributionThreshold: distributionThreshold)
      // Counts per grade are the one thing the line rules cannot fully protect: a rare grade in the region's
      // distribution, placed by the distributions of every other municipality, lands on one hidden cell. So the
      // distributions a period would show are checked by the intruder first, and withheld if it finds anything.
      if next.distributionShown.contains(where: { $0.contains(true) }) {
        let published = PublishedYear(
          counts, patterns: patterns + [next], minimumRespondents: minimumRespondents)
        if !DisclosureAudit.attack(published, threshold: threshold, checksConsistency: false).findings.isEmpty {
          next.distributionShown = next.distributionShown.map { $0.map { _ in false } }
        }
      }
      patterns.append(next)
    }
    return patterns
  }

  /// The lines of a table with `rows` rows and `columns` columns (column 0 the row total): members and, for a row,
  /// its total as aggregate (`nil`: the aggregate is a regional figure, always shown).
  private static func lines(rows: Int, columns: Int) -> [(aggregate: Cell?, members: [Cell])] {
    var lines: [(aggregate: Cell?, members: [Cell])] = []
    for column in 0..<columns {
      lines.append((nil, (0..<rows).map { Cell(row: $0, column: column) }))
    }
    if columns > 1 {
      for row in 0..<rows {
        lines.append((Cell(row: row, column: 0), (1..<columns).map { Cell(row: row, column: $0) }))
      }
    }
    return lines
  }

  struct Cell: Hashable {
    var row: Int
    var column: Int
  }

  private static func pattern(
    _ counts: [[Int]], earlier: [([[Int]], SuppressionPattern)], threshold: Int, distributionThreshold: Int
  ) -> SuppressionPattern {
    let rows = counts.count
    let columns = counts.first?.count ?? 0
    var hidden = counts.map { $0.map { _ in false } }
    var primary = hidden
    func n(_ cell: Cell) -> Int { counts[cell.row][cell.column] }
    func small(_ value: Int, _ limit: Int) -> Bool { value > 0 && value < limit }
    for row in 0..<rows {
      for column in 0..<columns {
        let cell = Cell(row: row, column: column)
        if small(n(cell), threshold) {
          hidden[row][column] = true
          primary[row][column] = true
        }
        for (earlierCounts, earlierPattern) in earlier where !earlierPattern.hidden[row][column] {
          if small(n(cell) - earlierCounts[row][column], threshold) { hidden[row][column] = true }
        }
      }
    }
    let lines = lines(rows: rows, columns: columns)
    var changed = true
    while changed {
      changed = false
      for line in lines {
        let isHidden = { (cell: Cell) in hidden[cell.row][cell.column] }
        let hiddenMembers = line.members.filter(isHidden)
        var violated = false
        if let aggregate = line.aggregate, isHidden(aggregate) {
          // A hidden row total with every group cell shown is their sum.
          violated = hiddenMembers.isEmpty && line.members.contains { n($0) > 0 }
        } else if !hiddenMembers.isEmpty {
          let union = hiddenMembers.map(n).reduce(0, +)
          violated = hiddenMembers.count == 1 || union < threshold
          // The hidden cells' joint increment, against each earlier period whose line total was shown.
          for (earlierCounts, earlierPattern) in earlier where !violated {
            if let aggregate = line.aggregate, earlierPattern.hidden[aggregate.row][aggregate.column] { continue }
            let involved = line.members.filter {
              isHidden($0) || earlierPattern.hidden[$0.row][$0.column]
            }
            let increment = involved.map { n($0) - earlierCounts[$0.row][$0.column] }.reduce(0, +)
            violated = small(increment, threshold)
          }
        }
        guard violated else { continue }
        // A cell that grew since the earlier periods widens a joint increment; one that did not cannot.
        func grew(_ cell: Cell) -> Int {
          earlier.contains { earlierCounts, _ in n(cell) > earlierCounts[cell.row][cell.column] } ? 0 : 1
        }
        let candidates = line.members.filter { !isHidden($0) && n($0) > 0 }
        if let smallest = candidates.min(by: {
          (grew($0), n($0), $0.row, $0.column) < (grew($1), n($1), $1.row, $1.column)
        }) {
          hidden[smallest.row][smallest.column] = true
          changed = true
        } else if let aggregate = line.aggregate, !isHidden(aggregate), n(aggregate) > 0 {
          hidden[aggregate.row][aggregate.column] = true
          changed = true
        } else if line.aggregate == nil, let column = line.members.first?.column,
          line.members.contains(where: { !isHidden($0) })
        {
          // A group too small in the whole region to protect with its own cells (four respondents in four
          // municipalities, say): hide its whole column, empty cells too, so that no one can tell which
          // municipalities have any.
          for member in line.members { hidden[member.row][member.column] = true }
          _ = column
          changed = true
        }
      }
    }
    // Distributions.
    var shown = (0..<rows).map { row in
      (0..<columns).map { column in
        let value = counts[row][column]
        guard !hidden[row][column], value >= distributionThreshold else { return false }
        return earlier.allSatisfy { earlierCounts, earlierPattern in
          !earlierPattern.distributionShown[row][column]
            || !small(value - earlierCounts[row][column], distributionThreshold)
        }
      }
    }
    changed = true
    while changed {
      changed = false
      for line in lines {
        if let aggregate = line.aggregate, !shown[aggregate.row][aggregate.column] { continue }
        let withheld = line.members.filter { !shown[$0.row][$0.column] && n($0) > 0 }
        guard !withheld.isEmpty else { continue }
        let union = withheld.map(n).reduce(0, +)
        guard withheld.count == 1 || union < distributionThreshold else { continue }
        let candidates = line.members.filter { shown[$0.row][$0.column] }
        if let smallest = candidates.min(by: { (n($0), $0.row, $0.column) < (n($1), $1.row, $1.column) }) {
          shown[smallest.row][smallest.column] = false
        } else if let aggregate = line.aggregate {
          shown[aggregate.row][aggregate.column] = false
        } else {
          continue
        }
        changed = true
      }
    }
    return SuppressionPattern(hidden: hidden, primary: primary, distributionShown: shown)
  }
}

extension PublishedYear {
  /// What the score cards publish for these counts under these patterns (one per cumulative period, from T1), as
  /// the intruder reads it: shown cells with their n, and their counts per grade where the pattern shows the
  /// distribution and the cell has a mean; the region's group totals and overall with counts per grade from
  /// `minimumRespondents` on.
  public init(_ counts: MunicipalCounts, patterns: [SuppressionPattern], minimumRespondents: Int) {
    func shown(_ distribution: GradeDistribution, withGrades: Bool) -> PublishedCell {
      let n = distribution.count
      return .shown(
        count: n, gradeCounts: withGrades && n >= minimumRespondents ? GradeSummary(distribution).gradeCounts : nil)
    }
    let names = ["T1", "T2", "jaar"]
    let tables = patterns.prefix(3).enumerated().map { period, pattern in
      let table = counts.cumulative(through: period + 1)
      let groupTotals = counts.groups.indices.map { group in
        table.reduce(GradeDistribution.empty) { $0 + $1[group + 1] }
      }
      return PublishedMunicipalTable(
        period: names[period], groupTotals: groupTotals.map { shown($0, withGrades: true) },
        overall: shown(groupTotals.reduce(GradeDistribution.empty, +), withGrades: true),
        cells: table.indices.map { row in
          table[row].indices.map { column in
            pattern.hidden[row][column]
              ? .hidden : shown(table[row][column], withGrades: pattern.distributionShown[row][column])
          }
        })
    }
    self.init(audience: .inwoners, year: 0, gemeenten: counts.gemeenten, groups: counts.groups, tables: tables)
  }
}
