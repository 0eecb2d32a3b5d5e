/// One cell of a published municipal table, as an intruder reads it.
public enum PublishedCell: Hashable, Sendable {
  /// Shown as hidden (`*`); the intruder knows only that it is not empty.
  case hidden
  /// Shown: its number of respondents, and its counts per grade 1…10 when the distribution is shown.
  case shown(count: Int, gradeCounts: [Int]?)
}

/// The municipal table of one cumulative period, as published: the region's group totals and indicator total
/// (from the main table) and the rows per municipality.
public struct PublishedMunicipalTable: Hashable, Sendable {
  /// The period's name, such as `2026-T2`.
  public var period: String
  /// Per group: the region's respondents, with counts per grade when the main table shows them.
  public var groupTotals: [PublishedCell]
  /// The indicator's total over all groups (its counts per grade, when shown, add to what the groups give).
  public var overall: PublishedCell
  /// `cells[row][column]`: column 0 the row total, then the groups.
  public var cells: [[PublishedCell]]

  public init(period: String, groupTotals: [PublishedCell], overall: PublishedCell, cells: [[PublishedCell]]) {
    self.period = period
    self.groupTotals = groupTotals
    self.overall = overall
    self.cells = cells
  }
}

/// Every municipal table of one audience published for a year: T1, T2 and the year, as far as published.
public struct PublishedYear: Hashable, Sendable {
  public var audience: Audience
  public var year: Int
  /// Row labels (`""`: no municipality).
  public var gemeenten: [String]
  /// Column labels after the row total: the group ids.
  public var groups: [String]
  /// The cumulative periods in order: T1, then T2, then the year.
  public var tables: [PublishedMunicipalTable]

  public init(
    audience: Audience, year: Int, gemeenten: [String], groups: [String], tables: [PublishedMunicipalTable]
  ) {
    self.audience = audience
    self.year = year
    self.gemeenten = gemeenten
    self.groups = groups
    self.tables = tables
  }
}

extension PublishedCell {
  /// The cell as the score card publishes it (the JSON, the CSV, the text table and the report alike).
  public init(_ row: ScoreCard.Row) {
    if row.isSuppressed {
      self = .hidden
    } else {
      self = .shown(count: row.summary.count, gradeCounts: row.publishesDistribution ? row.summary.gradeCounts : nil)
    }
  }
}

extension PublishedYear {
  /// What the score cards of a year's burap periods publish for one audience, read as an intruder would: each
  /// card must hold a `gemeente,group` breakdown; rows missing from a period count as empty.
  public init?(audience: Audience, year: Int, cards: [ScoreCard]) {
    let scores = cards.compactMap { card in card.indicators.first { $0.indicator.audience == audience } }
    guard scores.count == cards.count, let last = scores.last else { return nil }
    var gemeenten: [String] = []
    for score in scores {
      for row in score.breakdown?.rows ?? [] where !gemeenten.contains(row.values.first ?? "") {
        gemeenten.append(row.values.first ?? "")
      }
    }
    let groups = last.groups.compactMap(\.group)
    let tables = zip(cards, scores).map { card, score in
      let byGemeente = Dictionary(
        (score.breakdown?.rows ?? []).map { ($0.values.first ?? "", $0) }, uniquingKeysWith: { first, _ in first })
      let empty = PublishedCell.shown(count: 0, gradeCounts: nil)
      return PublishedMunicipalTable(
        period: card.period.name,
        groupTotals: groups.map { group in score.groups.first { $0.group == group }.map(PublishedCell.init) ?? empty },
        overall: PublishedCell(score.overall),
        cells: gemeenten.map { gemeente in
          guard let row = byGemeente[gemeente] else { return Array(repeating: empty, count: groups.count + 1) }
          return [PublishedCell(row.total)]
            + groups.map { group in row.groups.first { $0.group == group }.map(PublishedCell.init) ?? empty }
        })
    }
    self.init(audience: audience, year: year, gemeenten: gemeenten, groups: groups, tables: tables)
  }
}

/// What an intruder worked out from the published tables.
public struct DisclosureFinding: Hashable, Sendable, CustomStringConvertible {
  public enum Kind: Hashable, Sendable {
    /// A hidden cell's number of respondents is certain.
    case hiddenCount(Int)
    /// The respondents a municipality cell gained between two periods number between 1 and the threshold − 1, and
    /// the number is certain.
    case smallIncrement(Int)
    /// At least one respondent of a hidden cell, or of a small increment, certainly gave this grade.
    case certainGrade(Int)
  }

  public var audience: Audience
  /// The period, or two periods as `2026-T2 − 2026-T1` for an increment.
  public var period: String
  public var gemeente: String
  /// `totaal` or a group id.
  public var column: String
  public var kind: Kind

  public var description: String {
    let place = "\(audience.rawValue) \(period) \(gemeente.isEmpty ? "(geen gemeente)" : gemeente) · \(column)"
    return switch kind {
    case .hiddenCount(let n): "\(place): hidden cell has exactly \(n) respondent\(n == 1 ? "" : "s")"
    case .smallIncrement(let n): "\(place): exactly \(n) respondent\(n == 1 ? "" : "s") between the periods"
    case .certainGrade(let grade): "\(place): a respondent certainly gave grade \(grade)"
    }
  }
}

/// The result of an audit of one audience's year.
public struct DisclosureAuditResult: Hashable, Sendable {
  public var audience: Audience
  public var year: Int
  /// How many hidden cells the intruder attacked, over all periods.
  public var hiddenCells: Int
  /// How many increments between periods were attacked.
  public var increments: Int
  /// How many linear programs were solved.
  public var programs: Int
  /// How many systems of equations were set up (solved for a first feasible table): the counts', and one per grade.
  public var systems = 0
  public var findings: [DisclosureFinding]
  /// No table of counts fits the published figures (they contradict each other): nothing could be attacked.
  public var countsInconsistent = false
  /// Grades for which no table fits the published counts per grade.
  public var inconsistentGrades: [Int] = []

  /// Whether every attack could run.
  public var isComplete: Bool { !countsInconsistent && inconsistentGrades.isEmpty }
}

/// The intruder: takes every municipal table published for a year and tries to derive what was hidden.
///
/// Unknowns are the respondents per municipality, group and third of the year (the cumulative periods are sums of
/// thirds). Every published number is an equation: each shown cell's n, each row total, the region's group totals;
/// each hidden cell is known to hold at least one respondent (empty cells are shown as empty), except in a column
/// hidden whole. For every hidden cell, and for every cell's increment
/// between two periods, the intruder minimises and maximises the count over all non-negative tables consistent
/// with that (linear programming, refined to integers by branch and bound where an optimum is fractional and the
/// bounds leave at most two values). A hidden count that comes out certain, or an increment certain to be between 1 and the threshold − 1,
/// is a disclosure. Then, per grade 1…10, the same with the published counts per grade (the region's, and a cell's
/// when its distribution is shown; a shown cell holds at most its n of any grade): if a hidden cell, or an
/// increment, that may hold fewer respondents than the threshold must hold at least one respondent with that
/// grade, that respondent's grade is disclosed.
///
/// Means and standard deviations are not used as equations (they are rounded in the report); what they add for a
/// union of hidden cells is what a shown cell of that size shows, which rule 3 of ``DisclosureControl`` keeps at
/// the threshold or above.
public enum DisclosureAudit {
  /// What an intruder can work out from `year`'s tables, attacking every hidden cell and every increment.
  ///
  /// - Parameter checksConsistency: Whether every system of equations is solved even when no hidden cell and no
  ///   increment needs it, to tell published figures that contradict each other (``DisclosureAuditResult/isComplete``).
  ///   Without it (disclosure control, which asks only for findings), a system is set up only for a target: a year
  ///   whose tables hide nothing and whose increments are all shown and none small is then attacked without a
  ///   linear program, where setting up the eleven systems regardless was a noticeable part of a report on a large
  ///   database. The findings are the same either way.
  public static func attack(
    _ year: PublishedYear, threshold: Int, checksConsistency: Bool = true
  ) -> DisclosureAuditResult {
    let periods = year.tables.count
    let rows = year.gemeenten.count
    let groups = year.groups.count
    var result = DisclosureAuditResult(
      audience: year.audience, year: year.year, hiddenCells: 0, increments: 0, programs: 0, findings: [])
    guard periods > 0, rows > 0, groups > 0 else { return result }
    func variable(_ third: Int, _ row: Int, _ group: Int) -> Int { (third * rows + row) * groups + group }
    func terms(row: Int, column: Int, thirds: Range<Int>) -> LinearProgram.Objective {
      let members = column == 0 ? Array(0..<groups) : [column - 1]
      return thirds.flatMap { third in members.map { (variable(third, row, $0), 1.0) } }
    }
    func columnName(_ column: Int) -> String { column == 0 ? "totaal" : year.groups[column - 1] }

    let hiddenColumns = year.tables.map { table in
      Set((0...groups).filter { column in table.cells.allSatisfy { $0[column] == .hidden } })
    }
    // The counts.
    var counts = LinearProgram(variableCount: periods * rows * groups)
    for (period, table) in year.tables.enumerated() {
      for group in 0..<groups {
        let all = (0...period).flatMap { third in (0..<rows).map { (variable(third, $0, group), 1.0) } }
        if case .shown(let n, _) = table.groupTotals[group] { counts.add(all, .equal, Double(n)) }
      }
      for row in 0..<rows {
        for column in 0...groups {
          let cellTerms = terms(row: row, column: column, thirds: 0..<(period + 1))
          switch table.cells[row][column] {
          case .hidden:
            // Empty cells are shown as empty, except in a column hidden whole.
            if !hiddenColumns[period].contains(column) { counts.add(cellTerms, .atLeast, 1) }
          case .shown(let n, _): counts.add(cellTerms, .equal, Double(n))
          }
        }
      }
    }
    // Set up at the first target that needs it (or at once when consistency is checked).
    var countTableau: Tableau?
    func countSystem() -> Tableau? {
      if countTableau == nil, !result.countsInconsistent {
        result.systems += 1
        countTableau = counts.feasibleTableau()
        result.countsInconsistent = countTableau == nil
      }
      return countTableau
    }
    if checksConsistency {
      guard countSystem() != nil else { return result }
    }

    func integral(_ solution: [Double]) -> Bool {
      solution.allSatisfy { abs($0 - $0.rounded()) <= 1e-6 }
    }
    /// The integer range of an objective: LP bounds, refined by branch and bound where an optimum is fractional.
    ///
    /// - Parameter emptyIsHarmless: For increments: when the count can be 0, whether it can also be only 1 does not
    ///   matter (neither is a disclosure), so the upper bound is not refined.
    func range(
      _ objective: LinearProgram.Objective, program: LinearProgram, emptyIsHarmless: Bool = false
    ) -> ClosedRange<Int>? {
      guard let tableau = countSystem() else { return nil }
      result.programs += 2
      guard case .optimum(let low, let lowSolution) = tableau.minimize(objective),
        case .optimum(let high, let highSolution) = tableau.maximize(objective)
      else { return nil }
      var lower = Int((low - 1e-6).rounded(.up))
      var upper = Int((high + 1e-6).rounded(.down))
      // Integer refinement only where it can pin the value: a range of three or more integers would need a
      // pathological system to shrink to one.
      guard upper - lower <= 1 else { return lower...upper }
      if !integral(lowSolution) {
        result.programs += 1
        if let exact = program.integerMinimum(of: objective).value { lower = Int(exact.rounded()) }
      }
      if !integral(highSolution), !(emptyIsHarmless && lower == 0) {
        result.programs += 1
        let negated = objective.map { ($0.variable, -$0.coefficient) }
        if let exact = program.integerMinimum(of: negated).value { upper = Int((-exact).rounded()) }
      }
      return lower...max(lower, upper)
    }

    // Targets: every hidden cell, and every cell's increment between two periods.
    struct Target {
      var period: String
      var row: Int
      var column: Int
      var thirds: Range<Int>
      var isIncrement: Bool
      var upper: Int
    }
    var gradeTargets: [Target] = []
    for (period, table) in year.tables.enumerated() {
      for row in 0..<rows {
        for column in 0...groups where table.cells[row][column] == .hidden {
          result.hiddenCells += 1
          let objective = terms(row: row, column: column, thirds: 0..<(period + 1))
          guard let bounds = range(objective, program: counts) else { continue }
          // A hidden cell worked out to hold nobody names no one: a group too small to protect is hidden in every
          // municipality for a period, and a later period that shows some of them empty tells they were empty then
          // too. Any cell it would pin down through them is a finding of its own.
          if bounds.lowerBound == bounds.upperBound, bounds.lowerBound > 0 {
            result.findings.append(
              DisclosureFinding(
                audience: year.audience, period: table.period, gemeente: year.gemeenten[row],
                column: columnName(column), kind: .hiddenCount(bounds.lowerBound)))
          }
          // A hidden cell certain to hold at least the threshold is as safe as a shown one.
          if bounds.lowerBound < threshold {
            gradeTargets.append(
              Target(
                period: table.period, row: row, column: column, thirds: 0..<(period + 1), isIncrement: false,
                upper: bounds.upperBound))
          }
        }
      }
      for earlier in 0..<period {
        let name = "\(table.period) − \(year.tables[earlier].period)"
        for row in 0..<rows {
          for column in 0...groups {
            result.increments += 1
            let thirds = (earlier + 1)..<(period + 1)
            let objective = terms(row: row, column: column, thirds: thirds)
            let bounds: ClosedRange<Int>?
            if case .shown(let now, _) = table.cells[row][column],
              case .shown(let before, _) = year.tables[earlier].cells[row][column]
            {
              bounds = (now - before)...(now - before)
            } else {
              bounds = range(objective, program: counts, emptyIsHarmless: true)
            }
            guard let bounds else { continue }
            if bounds.lowerBound == bounds.upperBound, bounds.lowerBound > 0, bounds.lowerBound < threshold {
              // (With a lower bound of 0 the upper bound may be the relaxation's; a range from 0 is never a finding.)
              result.findings.append(
                DisclosureFinding(
                  audience: year.audience, period: name, gemeente: year.gemeenten[row], column: columnName(column),
                  kind: .smallIncrement(bounds.lowerBound)))
            }
            if bounds.lowerBound < threshold, bounds.upperBound > 0 {
              gradeTargets.append(
                Target(
                  period: name, row: row, column: column, thirds: thirds, isIncrement: true,
                  upper: bounds.upperBound))
            }
          }
        }
      }
    }

    // As when the system was set up first: tables that contradict themselves cannot be attacked further.
    if result.countsInconsistent { return result }
    // The grades, one grade at a time: only for the targets left, unless consistency is checked.
    for grade in 1...10 where checksConsistency || !gradeTargets.isEmpty {
      var program = LinearProgram(variableCount: periods * rows * groups)
      for (period, table) in year.tables.enumerated() {
        for group in 0..<groups {
          let all = (0...period).flatMap { third in (0..<rows).map { (variable(third, $0, group), 1.0) } }
          switch table.groupTotals[group] {
          case .shown(_, let gradeCounts?): program.add(all, .equal, Double(gradeCounts[grade - 1]))
          case .shown(let n, nil): program.add(all, .atMost, Double(n))
          case .hidden: break
          }
        }
        if case .shown(_, let gradeCounts?) = table.overall {
          let all = (0...period).flatMap { third in
            (0..<rows).flatMap { row in (0..<groups).map { (variable(third, row, $0), 1.0) } }
          }
          program.add(all, .equal, Double(gradeCounts[grade - 1]))
        }
        for row in 0..<rows {
          for column in 0...groups {
            guard case .shown(let n, let gradeCounts) = table.cells[row][column] else { continue }
            let cellTerms = terms(row: row, column: column, thirds: 0..<(period + 1))
            if let gradeCounts {
              program.add(cellTerms, .equal, Double(gradeCounts[grade - 1]))
            } else {
              program.add(cellTerms, .atMost, Double(n))
            }
          }
        }
      }
      result.systems += 1
      guard let tableau = program.feasibleTableau() else {
        result.inconsistentGrades.append(grade)
        continue
      }
      for target in gradeTargets {
        result.programs += 1
        let objective = terms(row: target.row, column: target.column, thirds: target.thirds)
        guard case .optimum(let low, let solution) = tableau.minimize(objective) else { continue }
        var certain = low > 1e-6
        if !certain, !integral(solution) {
          // The relaxation allows none only with fractions; an integer table might not.
          result.programs += 1
          var bounded = program
          bounded.add(objective, .atMost, 0)
          let (value, exhausted) = bounded.integerMinimum(of: objective, nodeLimit: 50)
          certain = value == nil && !exhausted
        }
        if certain {
          result.findings.append(
            DisclosureFinding(
              audience: year.audience, period: target.period, gemeente: year.gemeenten[target.row],
              column: columnName(target.column), kind: .certainGrade(grade)))
        }
      }
    }
    return result
  }
}
