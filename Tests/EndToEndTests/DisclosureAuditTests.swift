import Foundation
import Testing
import TevredenCore
import TevredenStore
import TevredenTestSupport

/// `tevreden audit`: the intruder over every municipal table published for a year of the example data.
@Suite struct DisclosureAuditTests {
  @Test func nothingHiddenCanBeDerivedFromEitherExampleYear() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    for year in ["2025", "2026"] {
      let run = try runTevredenProcess(
        ["audit", "--year", year, "--db", db, "--questionnaires", questionnairesFolder.path], cwd: folder)
      #expect(run.exitCode == 0, "\(run)")
      for audience in ["inwoners", "ketenpartners"] {
        let line = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("\(audience) \(year):") })
        #expect(line.hasSuffix("nothing derivable"), "\(run)")
        // The attack ran over real tables: hidden cells and increments between the periods.
        let numbers = line.split(separator: " ").compactMap { Int($0) }
        #expect(numbers.count == 2 && numbers[0] > 50 && numbers[1] > 100, "\(line)")
      }
    }
    // A year without responses has nothing to attack, and says so.
    let empty = try runTevredenProcess(
      ["audit", "--year", "2030", "--db", db, "--questionnaires", questionnairesFolder.path], cwd: folder)
    #expect(empty.exitCode == 1 && empty.stderr.contains("2030"), "\(empty)")
  }

  /// The same intruder against what the tool published before coordination (each period's table protected on its
  /// own, line by line, with every shown cell's distribution) finds what the issue reported: hidden cells pinned,
  /// one-respondent differences between periods, and grades.
  @Test func theIntruderFindsWhatLineByLineSuppressionLeftOpen() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let store = try TevredenDatabase.open(atPath: db)
    defer { store.close() }
    var findings: [DisclosureFinding] = []
    for year in [2025, 2026] {
      let request = ScoreRequest(period: try #require(Period("\(year)")), dimensions: [.gemeente, .group])
      let data = try store.scoreData(for: request)
      for audience in Audience.allCases {
        let counts = MunicipalCounts(
          cells: (data.municipalCells ?? []).filter { $0.audience == audience }, gemeenten: [],
          groups: data.groups.filter { $0.audience == audience }.map(\.group))
        let patterns = (1...3).map { Self.lineByLine(counts.cumulative(through: $0).map { $0.map(\.count) }) }
        findings +=
          DisclosureAudit.attack(
            PublishedYear(counts, patterns: patterns, minimumRespondents: 10), threshold: 10
          ).findings
      }
    }
    #expect(findings.contains { if case .hiddenCount = $0.kind { true } else { false } }, "\(findings)")
    #expect(findings.contains { if case .smallIncrement = $0.kind { true } else { false } }, "\(findings)")
    #expect(findings.contains { if case .certainGrade = $0.kind { true } else { false } }, "\(findings)")
  }

  /// The earlier rule: cells below 10 hidden, then on every line with exactly one hidden cell the smallest shown
  /// one hidden too; each period on its own, every shown cell with its distribution.
  static func lineByLine(_ counts: [[Int]]) -> SuppressionPattern {
    var hidden = counts.map { $0.map { $0 > 0 && $0 < 10 } }
    let columns = counts.first?.count ?? 0
    var lines: [(aggregate: (Int, Int)?, members: [(Int, Int)])] = (0..<columns).map { column in
      (nil, counts.indices.map { ($0, column) })
    }
    lines += counts.indices.map { row in ((row, 0), (1..<columns).map { (row, $0) }) }
    var changed = true
    while changed {
      changed = false
      for line in lines {
        let all = line.members + (line.aggregate.map { [$0] } ?? [])
        guard all.filter({ hidden[$0.0][$0.1] }).count == 1 else { continue }
        let candidates = line.members.filter { !hidden[$0.0][$0.1] && counts[$0.0][$0.1] > 0 }
        if let smallest = candidates.min(by: { counts[$0.0][$0.1] < counts[$1.0][$1.1] }) {
          hidden[smallest.0][smallest.1] = true
          changed = true
        } else if let aggregate = line.aggregate, !hidden[aggregate.0][aggregate.1] {
          hidden[aggregate.0][aggregate.1] = true
          changed = true
        }
      }
    }
    return SuppressionPattern(hidden: hidden, distributionShown: hidden.map { $0.map { !$0 } })
  }
}
