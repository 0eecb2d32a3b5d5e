import Testing

@testable import TevredenCore

@Suite struct LinearProgramTests {
  @Test func boundsOfACellInATwoByTwoTable() throws {
    // a + b = 5, c + d = 7, a + c = 6, b + d = 6: a ranges over 0…5.
    var program = LinearProgram(variableCount: 4)
    program.add([(0, 1), (1, 1)], .equal, 5)
    program.add([(2, 1), (3, 1)], .equal, 7)
    program.add([(0, 1), (2, 1)], .equal, 6)
    program.add([(1, 1), (3, 1)], .equal, 6)
    let tableau = try #require(program.feasibleTableau())
    guard case .optimum(let low, _) = tableau.minimize([(0, 1)]) else {
      Issue.record("no minimum")
      return
    }
    guard case .optimum(let high, _) = tableau.maximize([(0, 1)]) else {
      Issue.record("no maximum")
      return
    }
    #expect(abs(low) < 1e-9)
    #expect(abs(high - 5) < 1e-9)
  }

  @Test func atLeastConstraintsPinAPairOfOnes() throws {
    // Two hidden cells known to hold at least one each, summing to 2: both are exactly 1.
    var program = LinearProgram(variableCount: 2)
    program.add([(0, 1), (1, 1)], .equal, 2)
    program.add([(0, 1)], .atLeast, 1)
    program.add([(1, 1)], .atLeast, 1)
    let tableau = try #require(program.feasibleTableau())
    guard case .optimum(let low, _) = tableau.minimize([(0, 1)]),
      case .optimum(let high, _) = tableau.maximize([(0, 1)])
    else {
      Issue.record("no optimum")
      return
    }
    #expect(abs(low - 1) < 1e-9 && abs(high - 1) < 1e-9)
  }

  @Test func infeasibleSystemsAndUnboundedObjectives() throws {
    var contradiction = LinearProgram(variableCount: 1)
    contradiction.add([(0, 1)], .equal, 3)
    contradiction.add([(0, 1)], .atMost, 2)
    #expect(contradiction.feasibleTableau() == nil)
    var open = LinearProgram(variableCount: 2)
    open.add([(0, 1), (1, -1)], .equal, 1)
    let tableau = try #require(open.feasibleTableau())
    #expect(tableau.maximize([(0, 1)]) == .unbounded)
  }

  @Test func branchAndBoundFindsTheIntegerOptimum() {
    // 2x = 3 has no integer solution; 2x + 2y = 4 with x ≤ 1.5 has x = 1 at best.
    var odd = LinearProgram(variableCount: 1)
    odd.add([(0, 2)], .equal, 3)
    #expect(odd.integerMinimum(of: [(0, 1)]).value == nil)
    var program = LinearProgram(variableCount: 2)
    program.add([(0, 2), (1, 2)], .equal, 4)
    program.add([(0, 2)], .atLeast, 1)
    #expect(program.integerMinimum(of: [(0, 1)]).value == 1)
  }
}
