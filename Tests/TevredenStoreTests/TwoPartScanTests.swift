import Foundation
import GRDB
import Testing

@testable import TevredenCore
@testable import TevredenStore

/// A large table is scanned in two halves at once, on two connections that read the same state of the file, and
/// their counts added: every figure must come out as one scan's, to the last bit.
@Suite struct TwoPartScanTests {
  /// A file database with two years of generated responses to every bundled questionnaire, in every municipality
  /// and several languages, with aspects, topics and roles answered.
  static func exampleDatabase(in folder: URL) throws -> (TevredenDatabase, Catalog) {
    let catalog = Catalog.parse(BundledDefinitions.sources)
    let database = try TevredenDatabase.open(atPath: folder.appendingPathComponent("db.sqlite").path)
    var generator = ExampleGenerator(seed: 42)
    var responses: [(Response, LoadedQuestionnaire)] = []
    for loaded in catalog.questionnaires {
      for year in [2025, 2026] {
        responses += generator.responses(
          for: loaded.questionnaire, profile: .init(count: 40, meanGrade: 7),
          from: LocalDate(year: year, month: 1, day: 1),
          through: LocalDate(year: year, month: 12, day: 31), gemeenten: catalog.indicators?.gemeenten ?? []
        ).map { ($0, loaded) }
      }
    }
    let dispositions = try database.importResponses(responses, source: source())
    #expect(dispositions.allSatisfy { $0 == .inserted } && dispositions.count > 500)
    return (database, catalog)
  }

  /// The database as it scans in one part whatever its size, and as it scans on two threads whatever its size.
  static func bothWays(_ database: TevredenDatabase) -> (oneScan: TevredenDatabase, twoParts: TevredenDatabase) {
    var oneScan = database
    oneScan.twoPartScanMinimum = .max
    var twoParts = database
    twoParts.twoPartScanMinimum = 0
    return (oneScan, twoParts)
  }

  @Test(arguments: [(1...1_000_000, 32), (5...5, 32), (1...7, 32), (-3...100, 7), (1...64, 32), (10...20, 1)])
  func theRangesOfAScanCoverEveryIdOnceInOrder(ids: ClosedRange<Int64>, count: Int) {
    let ranges = ScanRanges(ids, count: count)
    var handedOut: [ClosedRange<Int64>] = []
    while let range = ranges.next() { handedOut.append(range) }
    #expect(handedOut.first?.lowerBound == ids.lowerBound)
    #expect(handedOut.last?.upperBound == ids.upperBound)
    #expect(zip(handedOut, handedOut.dropFirst()).allSatisfy { $0.upperBound + 1 == $1.lowerBound })
    #expect(handedOut.allSatisfy { !$0.isEmpty })
    #expect(handedOut.count <= count && handedOut.count >= min(count, ids.count) / 2)
    #expect(ranges.next() == nil)
  }

  /// The parts' sorted lists are merged, not hashed and sorted again: every key once, counts added, order kept.
  @Test func sortedListsAreMergedWithEqualKeysAddedOnce() {
    typealias Pair = (key: String, count: Int)
    func merged(_ lhs: [Pair], _ rhs: [Pair]) -> [String] {
      ScoreScan.mergingSorted(lhs, rhs, by: { $0.key < $1.key }) { $0.count += $1.count }.map { "\($0.key)\($0.count)" }
    }
    #expect(merged([("a", 1), ("c", 2), ("d", 1)], [("b", 5), ("c", 3), ("e", 1)]) == ["a1", "b5", "c5", "d1", "e1"])
    #expect(merged([], [("b", 5)]) == ["b5"])
    #expect(merged([("a", 1)], []) == ["a1"])
    #expect(merged([], []) == [])
    // Equal keys side by side in one list (texts that read the same) count once, as in the other part.
    #expect(merged([("a", 1), ("a", 2), ("b", 1)], [("a", 4)]) == ["a7", "b1"])
  }

  /// The scan's statement reads the union of its plans' day ranges: overlapping ones merged, the rest kept apart.
  @Test func overlappingDayRangesAreMergedAndOthersKeptApart() throws {
    func day(_ text: String) throws -> LocalDate { try #require(LocalDate(text)) }
    func text(_ ranges: [(first: LocalDate?, last: LocalDate)]) -> [String] {
      ranges.map { "\($0.first?.description ?? "…")/\($0.last)" }
    }
    // A report: its period, the year before, its municipal year and its trend from the first day stored.
    let report = ScoreScan.mergedRanges([
      (try day("2026-01-01"), try day("2026-08-31")), (try day("2025-01-01"), try day("2025-08-31")),
      (try day("2026-01-01"), try day("2026-08-31")), (nil, try day("2026-08-31")), (nil, try day("2025-08-31")),
    ])
    #expect(text(report) == ["…/2026-08-31"])
    let apart = ScoreScan.mergedRanges([
      (try day("2026-05-01"), try day("2026-08-31")), (try day("2025-05-01"), try day("2025-08-31")),
      (try day("2026-01-01"), try day("2026-04-30")), (try day("2025-03-01"), try day("2025-06-30")),
    ])
    // Touching ranges stay apart; overlapping ones become one.
    #expect(text(apart) == ["2025-03-01/2025-08-31", "2026-01-01/2026-04-30", "2026-05-01/2026-08-31"])
  }

  @Test func aStoppedScanHandsOutNoFurtherRange() {
    let ranges = ScanRanges(1...1000, count: 10)
    #expect(ranges.next() == 1...100)
    ranges.stop()
    #expect(ranges.next() == nil)
  }

  @Test func everyFigureOfATwoPartScanIsTheOneScansFigure() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (database, catalog) = try Self.exampleDatabase(in: folder)
    let (oneScan, twoParts) = Self.bothWays(database)
    // The path is taken: the file has a second connection for it, and a database in memory has none.
    #expect(try twoParts.scanConnections { _, helper in helper != nil })
    #expect(try oneScan.scanConnections { _, helper in helper == nil })
    var inMemory = try TevredenDatabase.inMemory()
    inMemory.twoPartScanMinimum = 0
    #expect(try inMemory.scanConnections { _, helper in helper == nil })

    let roleBasis = try #require(catalog.indicators).roleBasis
    let year = try #require(Period("2026"))
    let third = try #require(Period("2026-T2"))
    let requests: [ScoreRequest] = [
      ScoreRequest(period: year),
      ScoreRequest(period: third, dimensions: [.gemeente, .group], includesAspects: true, roleBasis: roleBasis),
      ScoreRequest(period: year, dimensions: [.role], includesTopics: true),
      ScoreRequest(period: year, dimensions: [.language]),
      ScoreRequest(period: Period(from: LocalDate(year: 2025, month: 1, day: 1), to: year.last), dimensions: [.period]),
      ScoreRequest(period: year, includesAspects: true, includesTopics: true, roleBasis: roleBasis),
    ]
    for request in requests {
      let expected = try oneScan.scoreData(for: request)
      #expect(!expected.cells.isEmpty)
      #expect(try twoParts.scoreData(for: request) == expected, "\(request)")
    }
    #expect(try twoParts.scoreData(for: requests) == oneScan.scoreData(for: requests))
    let dataBasis = try twoParts.reportCounts(for: requests)
    let expectedBasis = try oneScan.reportCounts(for: requests)
    #expect(dataBasis.data == expectedBasis.data && dataBasis.dataBasis == expectedBasis.dataBasis)
    // A report's counts: the trend opens at the first scored year, which each half finds for itself.
    let trend = ScoreRequest(
      period: Period(from: LocalDate(year: 2026, month: 1, day: 1), to: third.last), dimensions: [.period])
    let report = try twoParts.reportCounts(for: requests[1], trend: trend)
    let expectedReport = try oneScan.reportCounts(for: requests[1], trend: trend)
    #expect(report.data == expectedReport.data)
    #expect(report.trend == expectedReport.trend)
    #expect(report.trendRequest.period == expectedReport.trendRequest.period)
    #expect(report.trendRequest.period.first == LocalDate(year: 2025, month: 1, day: 1))
    #expect(report.dataBasis == expectedReport.dataBasis)
    #expect(report.firstScoredDay == expectedReport.firstScoredDay && report.firstScoredDay != nil)
  }

  /// A report's trend takes its own year from the report's groups and municipal cells instead of counting those
  /// rows twice: every figure must be the one the trend counted row by row, for every burap period and a free range
  /// (which has no municipal cells and counts its own), in one part and in two.
  @Test func aReportsTrendTakesItsOwnYearFromTheReportsCounts() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (database, catalog) = try Self.exampleDatabase(in: folder)
    let roleBasis = try #require(catalog.indicators).roleBasis
    // Bases that leave respondents outside them too.
    let bases: [[Audience: Set<String>]] = [
      roleBasis, [.inwoners: ["betrokkene", "ouder", "pleger"]], [.inwoners: ["betrokkene"]],
    ]
    let free = Period(from: LocalDate(year: 2026, month: 3, day: 1), to: LocalDate(year: 2026, month: 6, day: 30))
    let periods = try ["2025-T1", "2025", "2026-T1", "2026-T2", "2026"].map { try #require(Period($0)) } + [free]
    for period in periods {
      for roleBasis in bases {
        let request = ScoreRequest(
          period: period, dimensions: period.burapIndex == nil ? [] : [.gemeente, .group], includesAspects: true,
          includesTopics: true, roleBasis: roleBasis)
        let trend = ScoreRequest(
          period: Period(from: LocalDate(year: period.first.year, month: 1, day: 1), to: period.last),
          dimensions: [.period], roleBasis: roleBasis)
        for var both in [Self.bothWays(database).oneScan, Self.bothWays(database).twoParts] {
          both.derivesReportTrend = false
          let counted = try both.reportCounts(for: request, trend: trend)
          both.derivesReportTrend = true
          let derived = try both.reportCounts(for: request, trend: trend)
          #expect(!counted.trend.cells.isEmpty && !counted.trend.statusCounts.isEmpty)
          #expect(derived.trend == counted.trend, "\(period.name)")
          #expect(derived.data == counted.data && derived.dataBasis == counted.dataBasis)
          #expect(derived.trendRequest.period == counted.trendRequest.period)
          #expect(derived.firstScoredDay == counted.firstScoredDay)
          if !roleBasis.isEmpty { #expect(!counted.trend.outsideBasis.isEmpty) }
        }
      }
    }
  }

  /// What an export holds per questionnaire (its definitions in the order of their first response, and how many
  /// responses the period has) is the same counted in two halves.
  @Test func anExportsGroupsAreTheSameCountedInTwoHalves() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (database, catalog) = try Self.exampleDatabase(in: folder)
    let (oneScan, twoParts) = Self.bothWays(database)
    let melding = try #require(catalog.questionnaires.first { $0.questionnaire.id == "inwoners-melding" })
    // An earlier version of one questionnaire, whose responses come later in the table than the current one's.
    let earlier = try #require(catalog.editions.first { $0.questionnaire.id == melding.questionnaire.id })
    var generator = ExampleGenerator(seed: 7)
    let later = generator.responses(
      for: earlier.questionnaire, profile: .init(count: 30, meanGrade: 7),
      from: LocalDate(year: 2025, month: 1, day: 1),
      through: LocalDate(year: 2025, month: 6, day: 30), gemeenten: [])
    // (The generator numbers responses per questionnaire and year: renamed, so that they are new ones.)
    let renamed = later.map {
      var response = $0
      response.id = Response.ID(rawValue: "v2-" + response.id.rawValue)
      return (response, earlier)
    }
    #expect(try database.importResponses(renamed, source: source()).allSatisfy { $0 == .inserted })
    for (questionnaire, period) in [
      (nil, try #require(Period("2026"))), (melding.questionnaire.id, nil), (nil, nil),
      (melding.questionnaire.id, try #require(Period("2025-T1"))),
    ] as [(Questionnaire.ID?, Period?)] {
      let expected = try oneScan.exportGroups(questionnaire: questionnaire, period: period)
      #expect(!expected.isEmpty)
      #expect(try twoParts.exportGroups(questionnaire: questionnaire, period: period) == expected)
    }
    let groups = try twoParts.exportGroups(questionnaire: melding.questionnaire.id, period: nil)
    #expect(groups.first?.definitions.map(\.version) == [melding.questionnaire.version, earlier.questionnaire.version])
  }

  /// A long write transaction of another process (a merge, a migration) is not waited for: the scan reads in one
  /// part, at once, as any reader of the file can.
  @Test func aScanDoesNotWaitForALongTransactionButReadsInOnePart() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var (database, _) = try Self.exampleDatabase(in: folder)
    database.twoPartScanMinimum = 0
    let expected = try database.responseCount()
    let other = try DatabaseQueue(path: folder.appendingPathComponent("db.sqlite").path)
    try other.writeWithoutTransaction { db in
      try db.execute(sql: "BEGIN IMMEDIATE")
      defer { try? db.execute(sql: "ROLLBACK") }
      let started = ContinuousClock.now
      let (hasHelper, count) = try database.scanConnections { db, helper in
        (helper != nil, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response") ?? -1)
      }
      #expect(!hasHelper && count == expected)
      #expect(ContinuousClock.now - started < .seconds(3), "waited for the other transaction")
    }
    #expect(try database.scanConnections { _, helper in helper != nil })
  }

  /// Both connections read the state of the file when the scan began: a response stored meanwhile by another
  /// process is in neither half, and storing it is not kept waiting by the scan.
  @Test func bothHalvesReadTheFileAsItWasWhenTheScanBegan() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var (database, _) = try Self.exampleDatabase(in: folder)
    database.twoPartScanMinimum = 0
    let other = try TevredenDatabase.open(atPath: folder.appendingPathComponent("db.sqlite").path)
    let definition = try storeQuestionnaire()
    let before = try database.responseCount()
    let counts = try database.scanConnections { db, helper -> [Int] in
      let helper = try #require(helper)
      func count(_ db: Database) throws -> Int { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response") ?? -1 }
      let first = try count(db)
      try other.save(
        try makeResponse("tussendoor", grade: .value(.grade(7)), questionnaire: definition.questionnaire),
        collectedWith: definition)
      return [first, try count(db), try helper.writeWithoutTransaction { try count($0) }]
    }
    #expect(counts == [before, before, before])
    #expect(try database.responseCount() == before + 1)
  }
}
