import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore

/// `indicators.yaml` with descriptive counts, and the registration CSV's counts and comparison columns.
@Suite struct DescriptiveIndicatorTests {
  static func parse(_ indicator: String) -> (IndicatorSet?, [Diagnostic]) {
    IndicatorSet.parse(
      """
      minimum_respondents: 10
      disclosure_threshold: 10
      indicators:
        - { id: pi5, number: "5", label: A, audience: inwoners, unit: cijfer, direction: at_least }
        - { id: pi6, number: "6", label: B, audience: ketenpartners, unit: cijfer, direction: at_least }
      \(indicator)
      """, file: "indicators.yaml")
  }

  @Test func anAantalNeedsNoDirectionAndIsNeverJudged() throws {
    let (set, diagnostics) = Self.parse("  - { id: instroom, number: B1, label: Instroom, unit: aantal }")
    #expect(!diagnostics.hasErrors, "\(diagnostics)")
    let indicator = try #require(set?.indicator(id: "instroom"))
    #expect(indicator.unit == .aantal && indicator.direction == .none && indicator.isDescriptive)
    let explicit = Self.parse("  - { id: instroom, number: B1, label: Instroom, unit: aantal, direction: none }")
    #expect(!explicit.1.hasErrors, "\(explicit.1)")
  }

  @Test(arguments: [
    ("unit: aantal, direction: at_least", "is an aantal (a descriptive count), which is not judged"),
    ("unit: aantal, norms: { 2026: 100 }", "is an aantal (a descriptive count), so it cannot have norms"),
    ("unit: aantal, audience: inwoners", "the surveys measure grades, not counts"),
    ("unit: stuks", "unknown unit 'stuks'; use cijfer, percentage or aantal"),
  ])
  func aJudgedOrMisspeltCountIsRefused(fields: String, message: String) {
    let (set, diagnostics) = Self.parse("  - { id: instroom, number: B1, label: Instroom, \(fields) }")
    #expect(set == nil)
    #expect(diagnostics.contains { $0.message.contains(message) }, "\(diagnostics)")
  }

  @Test func theShippedSetHasTheFiveDescriptiveIndicatorsOfTheSeed() throws {
    let source = try #require(BundledDefinitions.sources.first { $0.path == "Questionnaires/indicators.yaml" })
    let (set, diagnostics) = IndicatorSet.parse(source.text, file: "indicators.yaml")
    #expect(!diagnostics.hasErrors, "\(diagnostics)")
    let descriptive = try #require(set).indicators.filter(\.isDescriptive)
    #expect(
      descriptive.map(\.id) == [
        "instroom_adviezen", "instroom_meldingen", "instroom_vervolgdiensten", "veiligheidsbeoordelingen",
        "vervolgdiensten",
      ])
    #expect(descriptive.allSatisfy { $0.norms.isEmpty && $0.direction == .none })
  }

  @Test func aCountIsReadWithItsBudgetWaitingListAndWorkload() throws {
    let period = try #require(Period("2026-T2"))
    let parsed = try RegistrationCSV.parse(
      RegistrationFixture.file([
        "instroom_meldingen,,2026-01-01,2026-08-31,3710,aantal,,3600,71,224"
      ]), file: "r.csv", period: period, indicators: RegistrationFixture.indicators())
    let figure = try #require(parsed.figures.first)
    #expect(figure.value == 3710 && figure.budgeted == 3600 && figure.waitingList == 71 && figure.workload == 224)
    let row = try #require(
      IndicatorRow.rows(
        card: try RegistrationFixture.card(), registration: parsed.figures, indicators: RegistrationFixture.indicators()
      )
      .rows.first { $0.indicator.id == "instroom_meldingen" })
    #expect(row.differenceFromBudget == 110)
    #expect(row.norm == nil && row.assessment == Assessment(status: .geenNorm))
  }

  @Test func aFileWithoutTheComparisonColumnsStillReads() throws {
    let period = try #require(Period("2026-T2"))
    let parsed = try RegistrationCSV.parse(
      """
      indicator,subgroup,period_start,period_end,value,unit,n
      instroom_meldingen,,2026-01-01,2026-08-31,3710,aantal,
      pi1,,2026-01-01,2026-08-31,72.4,percentage,3604

      """, file: "r.csv", period: period, indicators: RegistrationFixture.indicators())
    #expect(parsed.figures.count == 2)
    #expect(parsed.figures.allSatisfy { $0.budgeted == nil && $0.waitingList == nil && $0.workload == nil })
  }

  @Test(arguments: [
    ("instroom_meldingen,,2026-01-01,2026-08-31,3710.5,aantal,,,,", "r.csv:2: value '3710.5' is not a count"),
    ("instroom_meldingen,,2026-01-01,2026-08-31,-4,aantal,,,,", "r.csv:2: value '-4' is not a count"),
    ("instroom_meldingen,,2026-01-01,2026-08-31,3710,aantal,3710,,,", "r.csv:2: instroom_meldingen is an aantal"),
    ("instroom_meldingen,,2026-01-01,2026-08-31,3710,aantal,,veel,,", "r.csv:2: budgeted 'veel' is not a whole"),
    ("instroom_meldingen,,2026-01-01,2026-08-31,3710,aantal,,,-3,", "r.csv:2: waiting_list '-3' is not a whole"),
    ("instroom_meldingen,,2026-01-01,2026-08-31,3710,aantal,,,,2.5", "r.csv:2: workload '2.5' is not a whole"),
    ("instroom_meldingen,Texel,2026-01-01,2026-08-31,37,aantal,,,,", "r.csv:2: instroom_meldingen is a descriptive"),
    ("pi1,,2026-01-01,2026-08-31,72.4,percentage,3604,3000,,", "r.csv:2: budgeted is only for a count"),
    ("pi1,,2026-01-01,2026-08-31,72.4,aantal,,,,", "r.csv:2: pi1 is a percentage in indicators.yaml, not a aantal"),
  ])
  func aBadCountOrComparisonIsRefusedWithItsLine(row: String, message: String) throws {
    let period = try #require(Period("2026-T2"))
    #expect {
      try RegistrationCSV.parse(
        RegistrationFixture.file([row]), file: "r.csv", period: period, indicators: RegistrationFixture.indicators())
    } throws: { error in
      (error as? RegistrationError)?.errorDescription?.hasPrefix(message) == true
    }
  }
}

/// Earlier years of the registration PIs, kept as a history against each year's norm.
@Suite struct RegistrationHistoryTests {
  static let rows = [
    "pi1,,2024-01-01,2024-12-31,58.0,percentage,5000,,,",
    "pi1,,2025-01-01,2025-08-31,65.0,percentage,3500,,,",
    "pi1,,2025-01-01,2025-12-31,66.0,percentage,5200,,,",
    "pi1,,2025-01-01,2025-04-30,64.0,percentage,1700,,,",
    "pi1,Texel,2025-01-01,2025-08-31,61.0,percentage,90,,,",
    "pi1,,2026-01-01,2026-04-30,67.0,percentage,1800,,,",
    "pi1,,2026-01-01,2026-08-31,65.0,percentage,3600,,,",
    "pi1,,2025-03-01,2025-08-31,65.0,percentage,2600,,,",
    "instroom_meldingen,,2025-01-01,2025-08-31,3500,aantal,,3400,,",
    "pi7a,,2024-01-01,2024-08-31,9.0,percentage,6,,,",
  ]

  @Test func theSamePeriodAndTheWholeYearsOfEarlierYearsAreKeptOldestFirst() throws {
    let parsed = try RegistrationCSV.parse(
      RegistrationFixture.file(Self.rows), file: "r.csv", period: try #require(Period("2026-T2")),
      indicators: RegistrationFixture.indicators())
    #expect(parsed.figures.map(\.line) == [8])
    #expect(parsed.history.map(\.period.name) == ["2024-T2", "2024", "2025-T2", "2025"])
    #expect(parsed.history.map(\.indicatorID) == ["pi7a", "pi1", "pi1", "pi1"])
    // 2026-T1 is kept for disclosure control; 2025-T1, a municipality of 2025, a count of 2025 and a free range of
    // 2025 are of no use.
    #expect(parsed.earlierThisYear.map(\.period.name) == ["2026-T1"])
    #expect(parsed.otherPeriods == 4)
  }

  @Test func eachYearIsJudgedAgainstItsOwnNormAndTheSmallNCautionHolds() throws {
    let set = RegistrationFixture.indicators()
    let parsed = try RegistrationCSV.parse(
      RegistrationFixture.file(Self.rows), file: "r.csv", period: try #require(Period("2026-T2")), indicators: set)
    let rows = IndicatorRow.rows(
      card: try RegistrationFixture.card(), registration: parsed.figures, history: parsed.history, indicators: set)
    let pi1 = try #require(rows.rows.first { $0.indicator.id == "pi1" && $0.subgroup.isEmpty })
    // 65% meets 2025's norm of 60 but not 2026's norm of 70.
    #expect(pi1.assessment.status == .voldoetNiet && pi1.norm == 70)
    #expect(pi1.history.map(\.period.name) == ["2024", "2025-T2", "2025"])
    #expect(pi1.history.map(\.norm) == [60, 60, 60])
    #expect(pi1.history.map(\.assessment.status) == [.voldoetNiet, .voldoet, .voldoet])
    #expect(pi1.history.map(\.value) == [58, 65, 66])
    // PI 7a has no figure for 2026-T2: it is missing, and its history is not shown without it.
    #expect(rows.missing.contains("pi7a"))
  }

  @Test func aHistoryOfAWholeYearReportIsTheEarlierWholeYears() throws {
    let parsed = try RegistrationCSV.parse(
      RegistrationFixture.file(Self.rows + ["pi1,,2026-01-01,2026-12-31,71.0,percentage,5400,,,"]), file: "r.csv",
      period: try #require(Period("2026")), indicators: RegistrationFixture.indicators())
    #expect(parsed.history.map(\.period.name) == ["2024", "2025"])
  }
}

/// Disclosure control of registration subgroups (PI 7 per municipality), with an intruder who knows the rules.
@Suite struct RegistrationDisclosureTests {
  static let period = Period(
    from: LocalDate(year: 2026, month: 1, day: 1), to: LocalDate(year: 2026, month: 8, day: 31))

  static func figure(_ subgroup: String, _ value: Double, _ n: Int?) -> RegistrationFigure {
    RegistrationFigure(
      indicatorID: "pi7a", subgroup: subgroup, period: period, value: value, unit: .percentage, count: n, line: 0)
  }

  static func protect(_ region: RegistrationFigure?, _ subgroups: [RegistrationFigure], threshold: Int = 10)
    -> RegistrationDisclosure.Protection
  {
    RegistrationDisclosure.protect(region: region, subgroups: subgroups, unit: .percentage, threshold: threshold)
  }

  @Test func nothingSmallNothingHidden() {
    let protection = Self.protect(
      Self.figure("", 15, 300), [Self.figure("A", 10, 100), Self.figure("B", 17.5, 200)])
    #expect(protection.hidden.isEmpty && protection.withoutCount.isEmpty)
  }

  @Test func aSmallMunicipalityIsHiddenWithTheSmallestOtherBeside() {
    // C (8 cases) alone hidden would follow from the region minus A and B: B, the smallest shown, goes too.
    let protection = Self.protect(
      Self.figure("", 15, 308), [Self.figure("A", 15, 200), Self.figure("B", 15, 100), Self.figure("C", 12.5, 8)])
    #expect(protection.hidden == ["B", "C"])
  }

  @Test func theHiddenTogetherMustHoldTheThreshold() {
    // C and D hidden hold 7 cases together: their joint rate would be a small cell; E (12) is hidden too.
    let subgroups = [
      Self.figure("A", 10, 200), Self.figure("E", 16.7, 12), Self.figure("C", 25, 4), Self.figure("D", 0, 3),
    ]
    let protection = Self.protect(Self.figure("", 10.5, 219), subgroups)
    #expect(protection.hidden == ["C", "D", "E"])
  }

  @Test func hiddenMunicipalitiesThatWouldAllShowNoneOrAllAreNotLeftSo() {
    // C and D (5 + 6) without any recidivism: the region minus A says 0 of 11, so every hidden value would be 0%.
    let subgroups = [
      Self.figure("A", 10, 200), Self.figure("B", 10, 50), Self.figure("C", 0, 5), Self.figure("D", 0, 6),
    ]
    let protection = Self.protect(Self.figure("", 9.6, 261), subgroups)
    #expect(protection.hidden == ["B", "C", "D"])
  }

  @Test func aMunicipalityWithoutNIsNotShownAndNamed() {
    let protection = Self.protect(
      Self.figure("", 15, 400), [Self.figure("A", 15, 200), Self.figure("B", 15, 100), Self.figure("C", 15, nil)])
    #expect(protection.withoutCount == ["C"])
    #expect(protection.hidden == ["B", "C"])
  }

  @Test func hiddenRowsPublishNeitherValueNorN() throws {
    let set = RegistrationFixture.indicators()
    let rows = IndicatorRow.rows(
      card: try RegistrationFixture.card(),
      registration: [
        Self.figure("", 15, 308), Self.figure("A", 15, 200), Self.figure("B", 15, 100), Self.figure("C", 12.5, 8),
      ], indicators: set
    ).rows.filter { $0.indicator.id == "pi7a" }
    #expect(rows.map(\.subgroup) == ["", "A", "B", "C"])
    #expect(rows.map(\.isSuppressed) == [false, false, true, true])
    #expect(rows.filter(\.isSuppressed).allSatisfy { $0.value == nil && $0.count == nil })
  }

  @Test func underAHigherMinimumNAMunicipalityIsHiddenWhole() throws {
    // With minimum_respondents 15 above the threshold of 10, B's 12 cases would show n without a value: the one
    // unknown in the region's sum. It is hidden whole, with A beside it.
    var set = RegistrationFixture.indicators()
    set.minimumRespondents = 15
    set.indicativeBelow = 30
    let rows = IndicatorRow.rows(
      card: try RegistrationFixture.card(indicators: set),
      registration: [Self.figure("", 15, 312), Self.figure("A", 15, 300), Self.figure("B", 16.7, 12)],
      indicators: set
    ).rows.filter { $0.indicator.id == "pi7a" && !$0.subgroup.isEmpty }
    #expect(rows.map(\.isSuppressed) == [true, true])
    #expect(rows.allSatisfy { $0.count == nil && $0.value == nil })
  }

  /// What an intruder can say about one hidden municipality from everything published: the region's value and n,
  /// and every shown municipality's value and n (numerators recovered from the rounded percentages). Returns the
  /// recidivism rates the hidden municipality can have; a single one is a disclosure.
  static func possibleRates(
    hiddenCount: Int, region: RegistrationFigure, shown: [RegistrationFigure]
  ) -> Set<Double> {
    func numerator(_ figure: RegistrationFigure) -> Int {
      Int((figure.value * Double(figure.count ?? 0) / 100).rounded())
    }
    let restN = (region.count ?? 0) - shown.reduce(0) { $0 + ($1.count ?? 0) }
    let restX = numerator(region) - shown.reduce(0) { $0 + numerator($1) }
    guard hiddenCount > 1 else { return restN > 0 ? [Double(restX) / Double(restN)] : [] }
    var rates: Set<Double> = []
    // Each hidden municipality has at least one case; the others take the rest.
    for n in 1...max(1, restN - (hiddenCount - 1)) {
      let othersN = restN - n
      let (lowest, highest) = (max(0, restX - othersN), min(n, restX))
      guard lowest <= highest else { continue }
      for x in lowest...highest {
        rates.insert((Double(x) / Double(n) * 1000).rounded() / 1000)
      }
    }
    return rates
  }

  /// The rates a hidden municipality's part of a known sum (n cases, x of a kind, over `hiddenCount` hidden
  /// municipalities of at least one case each) can have.
  static func possibleRates(hiddenCount: Int, restN: Int, restX: Int) -> Set<Double> {
    guard hiddenCount > 1 else { return restN > 0 ? [Double(restX) / Double(restN)] : [] }
    var rates: Set<Double> = []
    for n in 1...max(1, restN - (hiddenCount - 1)) {
      let (lowest, highest) = (max(0, restX - (restN - n)), min(n, restX))
      guard lowest <= highest else { continue }
      for x in lowest...highest { rates.insert((Double(x) / Double(n) * 1000).rounded() / 1000) }
    }
    return rates
  }

  static func table(_ region: RegistrationFigure, _ subgroups: [RegistrationFigure]) -> RegistrationDisclosure.Table {
    RegistrationDisclosure.Table(region: region, subgroups: subgroups)
  }

  @Test func aMunicipalityThatGrewByAFewCasesSinceT1IsHiddenInT2() {
    let t1 = Self.table(
      Self.figure("", 15.1, 312),
      [Self.figure("A", 15, 200), Self.figure("B", 15, 100), Self.figure("Texel", 16.7, 12)])
    // Texel 12 → 13: shown both times, its 13th case's recidivism would be T2 minus T1.
    let t2 = Self.table(
      Self.figure("", 15.3, 373),
      [Self.figure("A", 15.2, 230), Self.figure("B", 15.4, 130), Self.figure("Texel", 15.4, 13)])
    #expect(Self.protect(t2.region, t2.subgroups).hidden.isEmpty, "on its own T2 hides nothing")
    let protection = RegistrationDisclosure.protect(t2, earlier: [t1], unit: .percentage, threshold: 10)
    #expect(protection.hidden == ["B", "Texel"])
  }

  @Test func aMunicipalityHiddenInT1StaysHiddenInT2() {
    let t1 = Self.table(
      Self.figure("", 15, 308), [Self.figure("A", 15, 200), Self.figure("B", 15, 100), Self.figure("Texel", 12.5, 8)])
    let t2 = Self.table(
      Self.figure("", 15, 630), [Self.figure("A", 15, 400), Self.figure("B", 15, 200), Self.figure("Texel", 13.3, 30)])
    #expect(Self.protect(t2.region, t2.subgroups).hidden.isEmpty, "on its own T2 hides nothing")
    let protection = RegistrationDisclosure.protect(t2, earlier: [t1], unit: .percentage, threshold: 10)
    #expect(protection.hidden == ["B", "Texel"])
  }

  @Test func theHiddenTogetherMustGrowByTheThresholdOrNotAtAll() {
    // C and D are hidden both times; their growth together (11 → 15) is the region's minus A's and B's: 4 cases.
    let t1 = Self.table(
      Self.figure("", 10.7, 261),
      [Self.figure("A", 10, 200), Self.figure("B", 10, 50), Self.figure("C", 20, 5), Self.figure("D", 33.3, 6)])
    let t2 = Self.table(
      Self.figure("", 10.5, 486),
      [Self.figure("A", 10, 400), Self.figure("B", 10, 71), Self.figure("C", 28.6, 7), Self.figure("D", 25, 8)])
    #expect(Self.protect(t2.region, t2.subgroups).hidden == ["C", "D"], "on its own T2 hides only the small ones")
    let protection = RegistrationDisclosure.protect(t2, earlier: [t1], unit: .percentage, threshold: 10)
    #expect(protection.hidden == ["B", "C", "D"])
  }

  @Test func theIntruderCannotPinAHiddenMunicipalityOrItsGrowthAcrossT1AndT2() {
    var generator = SeededGenerator(seed: 2027)
    var attacked = 0
    for _ in 0..<300 {
      let count = Int.random(in: 2...7, using: &generator)
      var first: [(n: Int, x: Int)] = []
      var second: [(n: Int, x: Int)] = []
      for _ in 0..<count {
        let n =
          Bool.random(using: &generator)
          ? Int.random(in: 1...12, using: &generator) : Int.random(in: 10...200, using: &generator)
        let x = Int.random(in: 0...(n / 3), using: &generator)
        let growth =
          Bool.random(using: &generator)
          ? Int.random(in: 0...6, using: &generator) : Int.random(in: 0...150, using: &generator)
        first.append((n, x))
        second.append((n + growth, x + Int.random(in: 0...(growth / 3), using: &generator)))
      }
      func table(_ cells: [(n: Int, x: Int)]) -> RegistrationDisclosure.Table {
        let (n, x) = cells.reduce((0, 0)) { ($0.0 + $1.n, $0.1 + $1.x) }
        func rate(_ x: Int, _ n: Int) -> Double { (Double(x) / Double(n) * 1000).rounded() / 10 }
        return Self.table(
          Self.figure("", rate(x, n), n),
          cells.enumerated().map { Self.figure("G\($0.offset)", rate($0.element.x, $0.element.n), $0.element.n) })
      }
      let (t1, t2) = (table(first), table(second))
      let hidden1 = RegistrationDisclosure.protect(t1, earlier: [], unit: .percentage, threshold: 10).hidden
      let hidden2 = RegistrationDisclosure.protect(t2, earlier: [t1], unit: .percentage, threshold: 10).hidden
      #expect(hidden2.isSuperset(of: hidden1), "sticky")
      let names = (0..<count).map { "G\($0)" }
      // Every municipality shown both times grew by none or by at least 10 cases.
      for (index, name) in names.enumerated() where !hidden2.contains(name) {
        let growth = second[index].n - first[index].n
        #expect(growth == 0 || growth >= 10, "\(name) grew by \(growth)")
      }
      let shown2 = names.indices.filter { !hidden2.contains(names[$0]) }
      let shown1 = names.indices.filter { !hidden1.contains(names[$0]) }
      guard !hidden2.isEmpty, !shown2.isEmpty else { continue }
      // The intruder's sums of the hidden, from the published figures only (numerators from the rounded rates).
      func published(_ table: RegistrationDisclosure.Table, _ indices: [Int]) -> (n: Int, x: Int) {
        func cases(_ figure: RegistrationFigure) -> Int {
          Int((figure.value * Double(figure.count ?? 0) / 100).rounded())
        }
        let region = table.region ?? Self.figure("", 0, 0)
        return (
          (region.count ?? 0) - indices.reduce(0) { $0 + (table.subgroups[$1].count ?? 0) },
          cases(region) - indices.reduce(0) { $0 + cases(table.subgroups[$1]) }
        )
      }
      let rest2 = published(t2, shown2)
      let ratesNow = Self.possibleRates(hiddenCount: hidden2.count, restN: rest2.n, restX: rest2.x)
      #expect(ratesNow.count > 1, "a hidden value in T2 is pinned: \(first) → \(second), hidden \(hidden2)")
      // Their growth since T1: the T2 rest minus the T1 rest minus the T1 figures of those hidden only in T2.
      let rest1 = published(t1, shown1)
      let newlyHidden = names.indices.filter { hidden2.contains(names[$0]) && !hidden1.contains(names[$0]) }
      let then = newlyHidden.reduce((n: 0, x: 0)) {
        ($0.n + first[$1].n, $0.x + Int((t1.subgroups[$1].value * Double(first[$1].n) / 100).rounded()))
      }
      let growth = (n: rest2.n - rest1.n - then.n, x: rest2.x - rest1.x - then.x)
      if growth.n > 0 {
        #expect(growth.n >= 10, "the hidden grew by \(growth.n) together: \(first) → \(second)")
        let rates = Self.possibleRates(hiddenCount: hidden2.count, restN: growth.n, restX: growth.x)
        #expect(rates.count > 1, "a hidden growth is pinned: \(first) → \(second), hidden \(hidden2)")
      }
      attacked += 1
    }
    #expect(attacked > 50)
  }

  @Test func theIntruderPinsASingleHiddenMunicipalityWithoutComplementaryHiding() {
    let region = Self.figure("", 15, 308)
    let shown = [Self.figure("A", 15, 200), Self.figure("B", 15, 100)]
    // C (1 of 8) hidden alone: the region minus A and B gives it back exactly.
    #expect(Self.possibleRates(hiddenCount: 1, region: region, shown: shown) == [0.125])
  }

  @Test func theIntruderCannotPinAnyHiddenMunicipalityInRandomTables() {
    var generator = SeededGenerator(seed: 2026)
    var attacked = 0
    for _ in 0..<300 {
      let count = Int.random(in: 2...8, using: &generator)
      var subgroups: [RegistrationFigure] = []
      var regionN = 0
      var regionX = 0
      for index in 0..<count {
        let n =
          Bool.random(using: &generator)
          ? Int.random(in: 1...12, using: &generator) : Int.random(in: 10...300, using: &generator)
        let x = Int.random(in: 0...(n / 3), using: &generator)
        regionN += n
        regionX += x
        let value = (Double(x) / Double(n) * 1000).rounded() / 10
        subgroups.append(Self.figure("G\(index)", value, n))
      }
      // A region of none or all has no hidden rate left to protect (its own figure says it).
      guard regionX > 0, regionX < regionN else { continue }
      let region = Self.figure("", (Double(regionX) / Double(regionN) * 1000).rounded() / 10, regionN)
      let protection = Self.protect(region, subgroups)
      let shown = subgroups.filter { !protection.hidden.contains($0.subgroup) }
      #expect(
        protection.hidden.isSuperset(of: subgroups.filter { ($0.count ?? 0) < 10 }.map(\.subgroup)),
        "every small municipality is hidden")
      guard !protection.hidden.isEmpty, !shown.isEmpty else { continue }
      let rates = Self.possibleRates(hiddenCount: protection.hidden.count, region: region, shown: shown)
      #expect(rates.count > 1, "a hidden rate is pinned: \(subgroups) hidden \(protection.hidden)")
      attacked += 1
    }
    #expect(attacked > 50)
  }
}
