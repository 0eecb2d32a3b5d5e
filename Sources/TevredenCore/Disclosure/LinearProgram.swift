/// A small linear program over non-negative variables, solved with a dense two-phase simplex: the attacker of
/// ``DisclosureAudit``, which bounds hidden counts by minimising and maximising them over every table consistent
/// with what was published (the audit step of Statistics Netherlands' τ-ARGUS does the same).
///
/// Phase 1 runs once per system; every objective then starts phase 2 from that feasible basis, so bounding a
/// hundred cells costs a hundred short phase-2 runs, not a hundred full solves. Integer optima come from
/// ``integerMinimum(of:nodeLimit:)`` by branch and bound on top of it.
struct LinearProgram: Sendable {
  enum Relation: Sendable { case equal, atMost, atLeast }

  /// One row: Σ coefficient × variable (relation) bound.
  struct Constraint: Sendable {
    var terms: [(variable: Int, coefficient: Double)]
    var relation: Relation
    var bound: Double
  }

  /// A linear objective: Σ coefficient × variable.
  typealias Objective = [(variable: Int, coefficient: Double)]

  var variableCount: Int
  var constraints: [Constraint] = []

  init(variableCount: Int) {
    self.variableCount = variableCount
  }

  mutating func add(_ terms: [(variable: Int, coefficient: Double)], _ relation: Relation, _ bound: Double) {
    constraints.append(Constraint(terms: terms, relation: relation, bound: bound))
  }

  /// The outcome of one optimisation.
  enum Outcome: Equatable, Sendable {
    case optimum(Double, solution: [Double])
    case unbounded
    case infeasible
  }

  /// A feasible basis of the system, ready for any objective; `nil` when no table fits what was published.
  ///
  /// Variables that a row forces to zero (non-negative terms summing to 0: an empty cell's respondents) are
  /// removed first; in a municipal table most cells are empty, and the tableau shrinks by that much.
  func feasibleTableau() -> Tableau? {
    var zero = [Bool](repeating: false, count: variableCount)
    for constraint in constraints where constraint.bound == 0 && constraint.relation != .atLeast {
      if constraint.terms.allSatisfy({ $0.coefficient > 0 }) {
        for term in constraint.terms { zero[term.variable] = true }
      }
    }
    var index = [Int?](repeating: nil, count: variableCount)
    var kept = 0
    for variable in 0..<variableCount where !zero[variable] {
      index[variable] = kept
      kept += 1
    }
    var reduced = LinearProgram(variableCount: kept)
    for constraint in constraints {
      let terms = constraint.terms.compactMap { term in index[term.variable].map { ($0, term.coefficient) } }
      if terms.isEmpty {
        let holds: Bool
        switch constraint.relation {
        case .equal: holds = abs(constraint.bound) < 1e-9
        case .atMost: holds = constraint.bound > -1e-9
        case .atLeast: holds = constraint.bound < 1e-9
        }
        if !holds { return nil }
        continue
      }
      reduced.add(terms, constraint.relation, constraint.bound)
    }
    return Tableau(reduced, variableIndex: index, originalCount: variableCount)
  }

  /// The smallest value of `objective` over the integer points of the system, by branch and bound; `nil` when
  /// no integer point exists or the search needed more than `nodeLimit` nodes (`exhausted` tells which).
  ///
  /// The search stops as soon as it finds an integer point at the relaxation's own bound rounded up, which no
  /// integer point can beat: in these tables the first dive usually finds one.
  func integerMinimum(of objective: Objective, nodeLimit: Int = 200) -> (value: Double?, exhausted: Bool) {
    guard let root = feasibleTableau() else { return (nil, false) }
    return root.integerMinimum(of: objective, nodeLimit: nodeLimit)
  }
}

/// A simplex tableau in canonical form for a feasible basis (the artificial variables of phase 1 removed).
struct Tableau: Sendable {
  private var rows: Int
  private var columns: Int  // structural + slack variables
  private var structural: Int
  /// Row-major (rows × (columns + 1)); the last column is the right-hand side.
  private var cells: [Double]
  private var basis: [Int]
  private static let epsilon = 1e-9

  /// Where each of the program's variables sits in the tableau (`nil`: fixed at zero and removed).
  private var variableIndex: [Int?]
  private var originalCount: Int

  /// Builds the tableau and runs phase 1; `nil` when the system is infeasible.
  init?(_ program: LinearProgram, variableIndex: [Int?], originalCount: Int) {
    self.variableIndex = variableIndex
    self.originalCount = originalCount
    structural = program.variableCount
    var slackCount = 0
    for constraint in program.constraints where constraint.relation != .equal { slackCount += 1 }
    let m = program.constraints.count
    // A row `≤` a non-negative bound starts with its slack in the basis; only the others need an artificial.
    let needsArtificial = program.constraints.map { !($0.relation == .atMost && $0.bound >= 0) }
    let artificialCount = needsArtificial.filter { $0 }.count
    let artificialStart = structural + slackCount
    let width = artificialStart + artificialCount + 1
    var table = [Double](repeating: 0, count: m * width)
    var slack = structural
    var artificial = artificialStart
    var initialBasis = [Int](repeating: 0, count: m)
    for (row, constraint) in program.constraints.enumerated() {
      var sign = 1.0
      if constraint.bound < 0 { sign = -1 }
      for term in constraint.terms { table[row * width + term.variable] += sign * term.coefficient }
      switch constraint.relation {
      case .equal: break
      case .atMost:
        table[row * width + slack] = sign
        if !needsArtificial[row] { initialBasis[row] = slack }
        slack += 1
      case .atLeast:
        table[row * width + slack] = -sign
        slack += 1
      }
      table[row * width + width - 1] = sign * constraint.bound
      if needsArtificial[row] {
        table[row * width + artificial] = 1
        initialBasis[row] = artificial
        artificial += 1
      }
    }
    rows = m
    columns = artificialStart + artificialCount
    cells = table
    basis = initialBasis
    // Phase 1: minimise the sum of the artificial variables.
    var phaseOne = [Double](repeating: 0, count: columns)
    for index in artificialStart..<columns { phaseOne[index] = 1 }
    guard let value = runSimplex(costs: phaseOne, allowedColumns: columns), value <= 1e-7 else { return nil }
    // Drive artificial variables out of the basis (or drop their row when it is redundant), then drop them.
    for row in 0..<rows where basis[row] >= artificialStart {
      if let column = (0..<artificialStart).first(where: { abs(cells[row * (columns + 1) + $0]) > 1e-7 }) {
        pivot(row: row, column: column)
      }
    }
    var keptRows: [Int] = []
    for row in 0..<rows where basis[row] < artificialStart { keptRows.append(row) }
    let newWidth = artificialStart + 1
    var compact = [Double](repeating: 0, count: keptRows.count * newWidth)
    for (newRow, row) in keptRows.enumerated() {
      for column in 0..<artificialStart {
        compact[newRow * newWidth + column] = cells[row * (columns + 1) + column]
      }
      compact[newRow * newWidth + artificialStart] = cells[row * (columns + 1) + columns]
    }
    basis = keptRows.map { basis[$0] }
    rows = keptRows.count
    columns = artificialStart
    cells = compact
  }

  /// Minimises `objective` from this tableau's feasible basis (a copy; the tableau itself is unchanged).
  func minimize(_ objective: LinearProgram.Objective) -> LinearProgram.Outcome {
    var copy = self
    return copy.optimize(objective)
  }

  private func costs(_ objective: LinearProgram.Objective) -> [Double] {
    var costs = [Double](repeating: 0, count: columns)
    for term in objective {
      if let index = variableIndex[term.variable] { costs[index] += term.coefficient }
    }
    return costs
  }

  /// Minimises in place, leaving the tableau at the optimal basis.
  private mutating func optimize(_ objective: LinearProgram.Objective) -> LinearProgram.Outcome {
    guard let value = runSimplex(costs: costs(objective), allowedColumns: columns) else { return .unbounded }
    return .optimum(value, solution: solution())
  }

  /// The current basic solution, in the program's variables.
  private func solution() -> [Double] {
    var reducedSolution = [Double](repeating: 0, count: structural)
    for row in 0..<rows where basis[row] < structural {
      reducedSolution[basis[row]] = cells[row * (columns + 1) + columns]
    }
    return (0..<originalCount).map { variable in variableIndex[variable].map { reducedSolution[$0] } ?? 0 }
  }

  /// The smallest value of `objective` over the integer points, by branch and bound: each branch adds a bound on
  /// one fractional variable to its parent's optimal tableau and restores optimality with the dual simplex, a few
  /// pivots instead of a new phase 1. The search stops as soon as it finds an integer point at the relaxation's
  /// bound rounded up, which no integer point can beat.
  func integerMinimum(of objective: LinearProgram.Objective, nodeLimit: Int) -> (value: Double?, exhausted: Bool) {
    var best: Double?
    var nodes = 0
    var exhausted = false
    var floor = -Double.infinity
    let costs = costs(objective)
    func search(_ tableau: Tableau, value: Double, solution: [Double]) {
      if let best, best <= floor + 1e-7 { return }
      nodes += 1
      if nodes > nodeLimit {
        exhausted = true
        return
      }
      if let best, value >= best - 1e-7 { return }
      guard
        let fractional = solution.indices.first(where: { abs(solution[$0] - solution[$0].rounded()) > 1e-6 }),
        let column = variableIndex[fractional]
      else {
        best = value
        return
      }
      for atMost in [true, false] {
        var child = tableau
        let bound = atMost ? solution[fractional].rounded(.down) : solution[fractional].rounded(.up)
        guard let childValue = child.addingBound(column: column, atMost: atMost, bound: bound, costs: costs) else {
          continue
        }
        search(child, value: childValue, solution: child.solution())
      }
    }
    var root = self
    guard case .optimum(let value, let solution) = root.optimize(objective) else { return (nil, false) }
    floor = (value - 1e-6).rounded(.up)
    search(root, value: value, solution: solution)
    return (best, exhausted)
  }

  /// Adds `x ≤ bound` (or `x ≥ bound`) for tableau column `column` to an optimal tableau and re-optimises by the
  /// dual simplex; the new optimum, or `nil` when the bound makes the system infeasible.
  private mutating func addingBound(column: Int, atMost: Bool, bound: Double, costs: [Double]) -> Double? {
    // Widen by one slack column; the new row is x + s = bound (or −x + s = −bound) in terms of the non-basic
    // variables: subtract the row where x is basic.
    let oldWidth = columns + 1
    let newColumns = columns + 1
    let newWidth = newColumns + 1
    var widened = [Double](repeating: 0, count: (rows + 1) * newWidth)
    for row in 0..<rows {
      for index in 0..<columns { widened[row * newWidth + index] = cells[row * oldWidth + index] }
      widened[row * newWidth + newColumns] = cells[row * oldWidth + columns]
    }
    let sign = atMost ? 1.0 : -1.0
    let newRow = rows
    widened[newRow * newWidth + column] = sign
    widened[newRow * newWidth + columns] = 1
    widened[newRow * newWidth + newColumns] = sign * bound
    if let basic = basis.firstIndex(of: column) {
      for index in 0...newColumns {
        let source = index == newColumns ? basic * newWidth + newColumns : basic * newWidth + index
        widened[newRow * newWidth + index] -= sign * widened[source]
      }
    }
    cells = widened
    basis.append(columns)
    rows += 1
    columns = newColumns
    var extended = costs
    extended += [Double](repeating: 0, count: columns - costs.count)
    // Dual simplex: the reduced costs stay non-negative while negative right-hand sides are pivoted away.
    var reduced = extended + [0]
    let width = columns + 1
    for row in 0..<rows {
      let cost = extended[basis[row]]
      if cost == 0 { continue }
      for index in 0...columns { reduced[index] -= cost * cells[row * width + index] }
    }
    for _ in 0..<(10 * (rows + columns)) {
      var leaving = -1
      var most = -1e-9
      for row in 0..<rows where cells[row * width + columns] < most {
        most = cells[row * width + columns]
        leaving = row
      }
      if leaving < 0 { return runSimplex(costs: extended, allowedColumns: columns) }
      var entering = -1
      var ratio = Double.infinity
      for index in 0..<columns {
        let value = cells[leaving * width + index]
        guard value < -1e-9 else { continue }
        let candidate = max(reduced[index], 0) / -value
        if candidate < ratio - 1e-12 {
          ratio = candidate
          entering = index
        }
      }
      if entering < 0 { return nil }
      pivot(row: leaving, column: entering)
      let factor = reduced[entering]
      if factor != 0 {
        for index in 0...columns { reduced[index] -= factor * cells[leaving * width + index] }
      }
    }
    return nil
  }

  /// Maximises `objective`.
  func maximize(_ objective: LinearProgram.Objective) -> LinearProgram.Outcome {
    switch minimize(objective.map { ($0.variable, -$0.coefficient) }) {
    case .optimum(let value, let solution): .optimum(-value, solution: solution)
    case let other: other
    }
  }

  /// Primal simplex with Dantzig's rule, switching to Bland's rule (which cannot cycle) after a run of degenerate
  /// pivots. Returns the optimum, or `nil` when unbounded.
  private mutating func runSimplex(costs: [Double], allowedColumns: Int) -> Double? {
    let width = columns + 1
    // Reduced costs: c_j − c_B B⁻¹ a_j, computed from the canonical tableau.
    var reduced = costs
    reduced.append(0)
    for row in 0..<rows {
      let cost = costs[basis[row]]
      if cost == 0 { continue }
      for column in 0...columns { reduced[column] -= cost * cells[row * width + column] }
    }
    var degenerate = 0
    while true {
      var entering = -1
      if degenerate < 50 {
        var most = -Self.epsilon
        for column in 0..<allowedColumns where reduced[column] < most {
          most = reduced[column]
          entering = column
        }
      } else {
        entering = (0..<allowedColumns).first(where: { reduced[$0] < -Self.epsilon }) ?? -1
      }
      if entering < 0 { return -reduced[columns] }
      var leaving = -1
      var ratio = Double.infinity
      for row in 0..<rows {
        let value = cells[row * width + entering]
        guard value > Self.epsilon else { continue }
        let candidate = cells[row * width + columns] / value
        if candidate < ratio - 1e-12 || (leaving >= 0 && abs(candidate - ratio) <= 1e-12 && basis[row] < basis[leaving])
        {
          ratio = candidate
          leaving = row
        }
      }
      if leaving < 0 { return nil }
      degenerate = ratio < Self.epsilon ? degenerate + 1 : 0
      pivot(row: leaving, column: entering)
      let factor = reduced[entering]
      if factor != 0 {
        for column in 0...columns { reduced[column] -= factor * cells[leaving * width + column] }
      }
    }
  }

  private mutating func pivot(row pivotRow: Int, column pivotColumn: Int) {
    let width = columns + 1
    cells.withUnsafeMutableBufferPointer { table in
      let pivotValue = table[pivotRow * width + pivotColumn]
      for column in 0..<width { table[pivotRow * width + column] /= pivotValue }
      for row in 0..<rows where row != pivotRow {
        let factor = table[row * width + pivotColumn]
        if abs(factor) < 1e-15 { continue }
        for column in 0..<width where table[pivotRow * width + column] != 0 {
          table[row * width + column] -= factor * table[pivotRow * width + column]
        }
        table[row * width + pivotColumn] = 0
      }
    }
    basis[pivotRow] = pivotColumn
  }
}
