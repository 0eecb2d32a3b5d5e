import Testing

@testable import TevredenCore

/// A hidden cell worked out to hold nobody names no one, and is no finding; a hidden cell worked out to hold
/// someone still is.
@Suite struct DisclosureZeroTests {
  /// A group too small in the whole region in T1 is hidden in every municipality, the empty ones too; T2 shows
  /// the municipalities that are still empty as empty, so the intruder knows they were empty in T1 as well. That
  /// tells nothing about anyone, and the ones that hold someone stay unknown.
  @Test func aHiddenCellKnownToBeEmptyIsNoDisclosure() {
    let counts = DisclosureControlTests.counts([
      [[7], [5], [9], [], []],
      [
        [6, 8, 9, 4, 7, 8, 5, 9, 6, 7, 8], [3, 7, 8, 9, 6, 5, 7, 8, 9, 6, 7, 8, 4], [8, 7, 6, 9, 5, 7, 8, 6, 9, 7], [],
        [],
      ],
      [[], [], [], [], []],
    ])
    let patterns = DisclosureControl.coordinated(
      counts, periods: 2, threshold: 10, distributionThreshold: 20, minimumRespondents: 10)
    #expect(patterns[0].hidden.allSatisfy { $0[0] }, "T1 hides the whole column")
    #expect(patterns[1].hidden.allSatisfy { !$0[0] }, "T2 shows every cell, the empty ones as empty")
    let audit = DisclosureAudit.attack(PublishedYear(counts, patterns: patterns, minimumRespondents: 10), threshold: 10)
    #expect(!audit.findings.contains { $0.kind == .hiddenCount(0) }, "\(audit.findings)")
    #expect(!audit.findings.contains { if case .hiddenCount = $0.kind { true } else { false } }, "\(audit.findings)")
  }
}
