import Foundation
import GRDB
import GRDBSQLite
import TevredenCore

/// One sequential scan of the response table that counts everything a set of score requests needs: per request
/// the group pass (histograms of the period and the year before, status counts), the breakdown cells, the
/// municipal year-to-date cells and the aspect answers. Every row is read once and counted into each tally whose
/// date range holds it, so `score --by gemeente` (period, year before and year to date) and a report (its period
/// and its trend) each read the table once instead of once per tally.
struct ScoreScan {
  /// What one request asks of the scan.
  struct Plan {
    var period: Period
    var previous: Period
    /// The breakdown of the period's completed responses; `nil` when only the group pass is needed.
    var breakdown: Set<ScoreDimension>?
    /// The range (1 January up to the period's end) whose cells are counted per municipality, group, year and
    /// third; `nil` when not needed.
    var municipal: Period?
    var aspects: Bool
    /// Whether to count the period's scored responses per mode, import batch and audience (a report's data basis).
    var dataBasis = false
    /// Whether the period (which must start on 1 January) starts earlier, on 1 January of the year of the first
    /// scored response, when that year is before the period's: a report's trend, which starts where the data do.
    /// The scan finds that first day (``Outcome/firstScoredDay``) while it counts, so that nobody reads the whole
    /// table once more beforehand to find it (no index holds `collectedOn`). Such a plan counts every row up to its
    /// period's end by where in which year it falls, and keeps only those from the start once that is known; it
    /// cannot count aspects or a data basis.
    var opensAtFirstScoredYear = false
    /// For a plan that ``opensAtFirstScoredYear`` with a breakdown by ``ScoreDimension/period`` only: the plan
    /// whose period and municipal range are this plan's last year (1 January up to this plan's end). That year's
    /// rows are not counted for this plan; its groups and cells are that plan's groups and municipal cells (summed
    /// over municipalities) instead, which a report's scan counts anyway, rather than counting those rows twice.
    var yearFrom: Int?
  }

  /// An aspect item of one snapshot: the item's key in the answers object (its number in the database, see
  /// ``ItemCodes``) and its index in ``itemNames``.
  struct AspectItem {
    var key: [UInt8]
    var number: Int
  }

  /// A snapshot's aspect items by the number that keys them: `byCode[code]` is the item's position in ``items``
  /// plus one, 0 for a number that is no aspect. Item numbers are small (one per item id the database holds), so
  /// finding a member's item is reading its key's digits and one array element.
  struct AspectLookup {
    var items: [AspectItem] = []
    private var byCode: [Int32] = []
    /// Items with numbers too large for the array (a database would need tens of thousands of item ids).
    private var large: [Int: Int] = [:]

    /// A lookup of its own for each thread of a scan: `items` is copied (see ``ScoreScan/count``).
    init(_ items: [AspectItem]) {
      self.items = items.map { AspectItem(key: $0.key.map { $0 }, number: $0.number) }
      for (position, item) in items.enumerated() {
        guard let code = Self.code(item.key) else { continue }
        guard code < 1 << 16 else {
          large[code] = position
          continue
        }
        if byCode.count <= code { byCode += repeatElement(0, count: code + 1 - byCode.count) }
        byCode[code] = Int32(position + 1)
      }
    }

    /// The position in ``items`` of the aspect item keyed by `key`, or `nil`.
    func position(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
      guard let code = Self.code(key) else { return nil }
      return position(code: code)
    }

    /// The position in ``items`` of the aspect item with this number, or `nil`.
    func position(code: Int) -> Int? {
      guard code < byCode.count else { return large.isEmpty ? nil : large[code] }
      let position = Int(byCode[code])
      return position > 0 ? position - 1 : nil
    }

    /// A key's number: decimal digits without a leading zero, at most eighteen of them.
    static func code(_ key: some Collection<UInt8>) -> Int? {
      guard !key.isEmpty, key.count <= 18, key.first != UInt8(ascii: "0") || key.count == 1 else { return nil }
      var code = 0
      for byte in key {
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        code = code * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return code
    }
  }

  /// How many scored responses of one group, collected with one snapshot, gave one value to one aspect item with
  /// one overall grade.
  struct AspectCount {
    var audience: String?
    var group: String?
    var snapshotId: Int64
    var item: String
    var value: String?
    var grade: Double
    var count: Int
  }

  /// How many scored responses of one audience came in one way.
  struct BasisCount {
    var mode: String?
    var importBatchId: Int64?
    var audience: String?
    var count: Int
  }

  struct Outcome {
    /// The period counted: the plan's, or for a plan that ``Plan/opensAtFirstScoredYear`` the one that starts
    /// where the first scored response does.
    var period: Period
    /// For a plan that ``Plan/opensAtFirstScoredYear``: the first day a scored response counts on in the whole
    /// table (as `MIN(collectedOn)` over the scored visible responses), `nil` without any; otherwise `nil`.
    var firstScoredDay: LocalDate?
    var current: [GradeCell] = []
    var previous: [GradeCell] = []
    var statuses: [StatusCount] = []
    var cells: [GradeCell]?
    var municipal: [GradeCell]?
    /// Completed responses with a grade in the period outside the role basis, per audience and group.
    var outsideBasis: [StatusCount] = []
    /// In the order of their keys (audience, group, snapshot, item, value, grade, texts by their bytes): the
    /// order SQLite's `GROUP BY` gave them in, so that floating-point sums over them come out the same in every
    /// run and whatever order the rows were stored in.
    var aspects: [AspectCount] = []
    var dataBasis: [BasisCount] = []
  }

  /// A day as the number yyyymmdd.
  fileprivate struct DayRange {
    var first: Int
    var last: Int

    init(_ period: Period, open: Bool = false) {
      first = open ? Int.min : ScoreScan.dayNumber(period.first)
      last = ScoreScan.dayNumber(period.last)
    }

    func contains(_ day: Int) -> Bool { day >= first && day <= last }
  }

  fileprivate struct GroupTally {
    var inPeriod = 0
    /// Responses with a grade in the period left out by the role basis.
    var outsideBasis = 0
    var current = GradeTally()
    var earlier = GradeTally()
  }

  /// Grade tallies per cell key, in the order the cells were first seen.
  fileprivate struct TallyTable {
    var index = ScanKeyIndex()
    var keys: [ScanKey] { index.keys }
    var tallies: [GradeTally] = []

    mutating func add(_ key: ScanKey, _ grade: Double) {
      let number = index.number(of: key)
      if number == tallies.count { tallies.append(GradeTally()) }
      tallies[number].add(grade)
    }

    mutating func add(_ key: ScanKey, _ tally: GradeTally) {
      let number = index.number(of: key)
      if number == tallies.count { tallies.append(GradeTally()) }
      tallies[number].add(tally)
    }
  }

  fileprivate struct BasisKey: Hashable {
    var mode: Int
    var batch: Int64?
    var audience: Int
  }

  fileprivate struct AspectKey: Hashable {
    var audience: Int
    var group: Int
    var snapshotId: Int64
    var item: Int
    var value: Int
    var grade: Double
  }

  /// An aspect cell of the scan: audience, group and snapshot.
  fileprivate struct AspectCellKey: Hashable {
    var audience: Int
    var group: Int
    var snapshotId: Int64
  }

  /// Value numbers below this are counted in a fixed slot per cell and item (a scale has a handful of points);
  /// any other in ``PlanTally/aspectOverflow``.
  private static let valueSlots = 16

  /// The counting state of one plan during the scan.
  fileprivate struct PlanTally {
    let period: DayRange
    let previous: DayRange
    let breakdown: Set<ScoreDimension>?
    // The breakdown's dimensions as flags: asking a set for each row took a noticeable part of the scan.
    let byGemeente: Bool
    let byRole: Bool
    let byLanguage: Bool
    let byYear: Bool
    let byThird: Bool
    let municipal: DayRange?
    let aspects: Bool
    let dataBasis: Bool
    let opens: Bool
    /// ``Plan/yearFrom``, and the first day whose rows that plan counts for this one (`Int.max`: none).
    let yearFrom: Int?
    let ownFrom: Int
    var groupIndex = ScanKeyIndex()
    var groupKeys: [ScanKey] { groupIndex.keys }
    var groups: [GroupTally] = []
    var cells = TallyTable()
    var municipalCells = TallyTable()
    var aspectCells: [AspectCellKey: Int] = [:]
    var aspectCellKeys: [AspectCellKey] = []
    /// Per aspect cell, the first of its slots: one per item of its snapshot (by position) and value slot.
    var aspectCellStarts: [Int] = []
    /// Per slot, the number of its tally in `aspectTallies` plus one (0: none yet).
    var aspectSlots: [Int] = []
    var aspectTallies: [GradeTally] = []
    var aspectOverflow: [AspectKey: Int] = [:]
    var basisCounts: [BasisKey: Int] = [:]
    /// The data basis key of the last row and how many rows in a row had it, added to `basisCounts` when the key
    /// changes: consecutive rows nearly always share one (an import's rows are stored together), and hashing the
    /// key per row was a noticeable part of a report's scan.
    var basisRun: (key: BasisKey, count: Int)?
    /// The aspect cell of the last row that had aspects, and its first slot, for the same reason.
    var lastAspectCell: (key: AspectCellKey, start: Int)?

    /// `basisCounts` with the last run added.
    var basisTotals: [BasisKey: Int] {
      var totals = basisCounts
      if let run = basisRun { totals[run.key, default: 0] += run.count }
      return totals
    }

    init(_ plan: Plan) {
      precondition(
        !plan.opensAtFirstScoredYear
          || (plan.period.first.month == 1 && plan.period.first.day == 1 && !plan.aspects && !plan.dataBasis
            && plan.municipal == nil),
        "a plan that opens at the first scored year starts on 1 January and counts no aspects, data basis or "
          + "municipal year")
      opens = plan.opensAtFirstScoredYear
      period = DayRange(plan.period, open: opens)
      yearFrom = plan.yearFrom
      ownFrom = plan.yearFrom == nil ? Int.max : ScoreScan.dayNumber(plan.period.first)
      previous = DayRange(plan.previous, open: opens)
      breakdown = plan.breakdown
      byGemeente = plan.breakdown?.contains(.gemeente) == true
      byRole = plan.breakdown?.contains(.role) == true
      byLanguage = plan.breakdown?.contains(.language) == true
      byYear = plan.breakdown?.contains(.year) == true || plan.breakdown?.contains(.period) == true
      byThird = plan.breakdown?.contains(.period) == true
      municipal = plan.municipal.map { DayRange($0) }
      aspects = plan.aspects
      dataBasis = plan.dataBasis
    }
  }

  /// Per audience (its stored name), the role answers whose respondents count (``ScoreRequest/roleBasis``): a
  /// completed response of such an audience whose role item holds another answer, or none, is counted apart as
  /// outside the basis and in no figure. Empty: everyone counts.
  var roleBasis: [String: Set<String>] = [:]

  /// The aspect items of each snapshot, by snapshot id.
  var aspectItems: [Int64: [AspectItem]] = [:]
  /// The item ids that ``AspectItem/number`` counts.
  var itemNames: [String] = []

  static func dayNumber(_ date: LocalDate) -> Int { date.year * 10_000 + date.month * 100 + date.day }

  /// Whether a mode is an interview, whose refusals (and contacts without a questionnaire) are recorded.
  static func isInterview(_ mode: Response.Mode) -> Bool {
    switch mode {
    case .telefonisch, .persoonlijk: true
    case .online, .papier: false
    }
  }

  /// What a scan's statement reads and in which of its columns: made once, and shared by the threads of a scan that
  /// read the table on two threads.
  struct Layout: Sendable {
    var sql: String
    var modeColumn: Int32
    var gemeenteColumn: Int32
    var languageColumn: Int32
    var answersColumn: Int32
    var snapshotColumn: Int32
    var roleColumns: [Int32]
    var basisColumn: Int32
    var basisCodes: [Int]
    var batchColumn: Int32
    var withAspects: Bool
    /// Whether a plan opens at the first scored year, which the scan finds as it counts.
    var findsFirst: Bool
  }

  /// What one part of a scan counted, with the numbers it gave texts: turned into outcomes by
  /// ``outcomes(of:plans:in:)``.
  struct Counted: Sendable {
    fileprivate var tallies: [PlanTally]
    fileprivate var audiences: TextInterner
    fileprivate var groupNames: TextInterner
    fileprivate var statusNames: TextInterner
    fileprivate var gemeenten: TextInterner
    fileprivate var languages: TextInterner
    fileprivate var roles: TextInterner
    fileprivate var values: TextInterner
    fileprivate var modes: TextInterner
    /// The first day of a scored response: the smallest yyyymmdd, and the smallest text not written YYYY-MM-DD.
    fileprivate var firstDay: Int
    fileprivate var firstOther: [UInt8]?
  }

  /// Reads the responses once and counts them for every plan.
  ///
  /// With `helper`, another connection to the same file that reads the same state of it as `db` (see
  /// ``TevredenDatabase/scanConnections``), the table is read on this thread and another at once, each taking ranges
  /// of row ids in turn (``TevredenDatabase/onTwoThreads(_:helper:_:)``), and their counts are added: every count is
  /// a number of respondents per exact grade, so the outcomes are the same to the last bit as one scan's.
  func run(_ db: Database, plans: [Plan], helper: DatabaseQueue? = nil) throws -> [Outcome] {
    guard !plans.isEmpty else { return [] }
    let layout = try layout(db, plans: plans)
    let parts = try TevredenDatabase.onTwoThreads(db, helper: helper) { db, ranges in
      try count(db, layout: layout, plans: plans, ranges: ranges)
    }
    return try outcomes(of: parts, plans: plans, in: db)
  }

  /// The statement a scan runs for `plans`, and where its columns are.
  private func layout(_ db: Database, plans: [Plan]) throws -> Layout {
    let byGemeente = plans.contains { $0.breakdown?.contains(.gemeente) == true || $0.municipal != nil }
    let byRole = plans.contains { $0.breakdown?.contains(.role) == true }
    let byLanguage = plans.contains { $0.breakdown?.contains(.language) == true }
    let withAspects = plans.contains(where: \.aspects) && !aspectItems.isEmpty
    let withBasis = plans.contains(where: \.dataBasis)
    let opening = plans.filter(\.opensAtFirstScoredYear)
    func literal(_ date: LocalDate) -> String { "'\(date.description)'" }
    /// `open`: from the first day stored. Overlapping ranges are merged first (a report's ranges all lie within its
    /// trend's), so that SQLite compares each row's day once or twice rather than once per range.
    func within(_ periods: [(period: Period, open: Bool)]) -> String {
      let terms = Self.mergedRanges(periods.map { ($0.open ? nil : $0.period.first, $0.period.last) }).map {
        range in
        guard let first = range.first else { return "collectedOn <= \(literal(range.last))" }
        return "collectedOn BETWEEN \(literal(first)) AND \(literal(range.last))"
      }
      return "(" + terms.joined(separator: " OR ") + ")"
    }
    func within(_ plans: [Plan]) -> String { within(plans.map { ($0.period, $0.opensAtFirstScoredYear) }) }
    let scoredInPeriod = "status = 'completed' AND grade IS NOT NULL AND "
    // The mode tells interviews, whose refusals and contacts are recorded, from self-completed questionnaires.
    // The audience and group are the definition's (schema v17 on): the scan reads the snapshot's id and looks them
    // up once per snapshot, rather than SQLite joining the definition's row to each response.
    var columns = ["snapshotId", "status", "grade", "collectedOn", "mode"]
    var column: Int32 = 5
    let modeColumn: Int32 = 4
    var gemeenteColumn: Int32 = -1
    var languageColumn: Int32 = -1
    var answersColumn: Int32 = -1
    var roleColumns: [Int32] = []
    var batchColumn: Int32 = -1
    if byGemeente {
      columns.append("gemeente")
      gemeenteColumn = column
      column += 1
    }
    if byLanguage {
      columns.append("language")
      languageColumn = column
      column += 1
    }
    // The answers of every row with a grade, once, for the aspects and for the role basis alike: which rows count
    // is decided here as the row is counted. A condition per reader in SQL (the aspects' on status, grade and
    // day, the role basis's on grade and audience) cost SQLite more than the rows it kept back.
    if withAspects || !roleBasis.isEmpty {
      columns.append("CASE WHEN grade IS NOT NULL THEN answers END")
      answersColumn = column
      column += 1
    }
    let snapshotColumn: Int32 = withAspects ? 0 : -1
    if byRole {
      let guardTerm = scoredInPeriod + within(plans.filter { $0.breakdown?.contains(.role) == true })
      let codes = try ItemCodes.fetch(db)
      for item in Questionnaire.roleItems {
        // An item no definition has has no number, and no answers.
        let answer = codes.path(item).map { "json_extract(answers, '\($0)')" } ?? "NULL"
        columns.append("CASE WHEN \(guardTerm) THEN \(answer) END")
        roleColumns.append(column)
        column += 1
      }
    }
    // The role basis reads the role from the answers (of an audience that has one) in Swift, in one pass;
    // SQLite's json_extract parsed the whole object once per role item and more than doubled the time of a score.
    var basisColumn: Int32 = -1
    var basisCodes: [Int] = []
    if !roleBasis.isEmpty {
      let codes = try ItemCodes.fetch(db)
      basisCodes = Questionnaire.roleItems.compactMap { codes.code($0.rawValue).map(Int.init) }
      basisColumn = answersColumn
    }
    if withBasis {
      columns += ["importBatchId"]
      batchColumn = column
      column += 1
    }
    let ranges = plans.flatMap {
      [($0.period, $0.opensAtFirstScoredYear), ($0.previous, $0.opensAtFirstScoredYear)]
        + ($0.municipal.map { [($0, false)] } ?? [])
    }
    return Layout(
      sql: """
        SELECT \(columns.joined(separator: ", ")) FROM response
        WHERE \(within(ranges)) AND \(try TevredenDatabase.visibleResponses(in: db))
        """,
      modeColumn: modeColumn, gemeenteColumn: gemeenteColumn, languageColumn: languageColumn,
      answersColumn: answersColumn, snapshotColumn: snapshotColumn, roleColumns: roleColumns, basisColumn: basisColumn,
      basisCodes: basisCodes,
      batchColumn: batchColumn, withAspects: withAspects, findsFirst: !opening.isEmpty)
  }

  /// The numbers `audiences` and `groups` give the audience and group of a snapshot's definition; a response whose
  /// definition the database lacks is refused, never counted nowhere.
  private static func names(
    of snapshot: Int64, in names: [Int64: (audience: String, group: String)], _ audiences: inout TextInterner,
    _ groups: inout TextInterner
  ) throws -> (audience: Int, group: Int) {
    guard var (audience, group) = names[snapshot] else {
      throw StoreError.corruptRow("a response names definition \(snapshot), which the database does not hold")
    }
    return (audience.withUTF8 { audiences.id($0) }, group.withUTF8 { groups.id($0) })
  }

  /// Day ranges (`first` `nil`: from the first day stored) merged where they overlap, in order: a day lies in one of
  /// them exactly when it lies in one of the given ranges. Ranges that only touch stay apart.
  static func mergedRanges(_ ranges: [(first: LocalDate?, last: LocalDate)]) -> [(first: LocalDate?, last: LocalDate)] {
    func start(_ range: (first: LocalDate?, last: LocalDate)) -> Int { range.first.map(dayNumber) ?? .min }
    var merged: [(first: LocalDate?, last: LocalDate)] = []
    for range in ranges.sorted(by: { start($0) < start($1) }) {
      if let last = merged.last, start(range) <= dayNumber(last.last) {
        if dayNumber(range.last) > dayNumber(last.last) { merged[merged.count - 1].last = range.last }
      } else {
        merged.append(range)
      }
    }
    return merged
  }

  /// Counts the rows the layout's statement reads: those with an id in the ranges `ranges` hands this thread, or
  /// all of them.
  private func count(_ db: Database, layout: Layout, plans: [Plan], ranges: ScanRanges?) throws -> Counted {
    let statement = try db.makeStatement(sql: layout.sql + (ranges == nil ? "" : " AND id BETWEEN ? AND ?"))
    var snapshotNames: [Int64: (audience: String, group: String)] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT id, audience, respondentGroup FROM questionnaireSnapshot") {
      snapshotNames[row[0]] = (row[1], row[2])
    }
    let modeColumn = layout.modeColumn
    let gemeenteColumn = layout.gemeenteColumn
    let languageColumn = layout.languageColumn
    let answersColumn = layout.answersColumn
    let snapshotColumn = layout.snapshotColumn
    let roleColumns = layout.roleColumns
    let basisColumn = layout.basisColumn
    // Copies of its own, for every buffer read for each row: the two threads of a scan each retain and release
    // what they read, and on a buffer they share that moves its cache line from core to core at every row.
    let basisCodes = layout.basisCodes.map { $0 }
    let batchColumn = layout.batchColumn
    let withAspects = layout.withAspects
    var audiences = TextInterner()
    var groupNames = TextInterner()
    var statusNames = TextInterner()
    var gemeenten = TextInterner()
    var languages = TextInterner()
    var roles = TextInterner()
    var values = TextInterner()
    var modes = TextInterner()
    var completedStatus: [Bool] = [false]
    var tallies = plans.map(PlanTally.init)
    // Per mode number: whether it is an interview.
    var interviewModes: [Bool] = [false]
    // Per audience number: the role basis, if any (looked up once per audience, not per row).
    var basisOfAudience: [Set<String>?] = []
    var basisRoles = TextInterner()
    // Per audience number and role number: whether the role counts in the audience's basis.
    var roleCounts: [[Bool]] = []
    // Per role item: the number of its answer in the row being read (0: none).
    var roleFound = [Int](repeating: 0, count: basisCodes.count)
    var found: [(item: Int, value: Int)] = []
    var lastSnapshot: Int64 = .min
    // The audience and group numbers of the snapshot of the row read last: rows come in runs of one snapshot.
    var namedSnapshot: Int64 = .min
    var named = (audience: 0, group: 0)
    // Each snapshot's lookup, made once, and found by the snapshot's id in an array: interviews of several
    // questionnaires on one day alternate snapshots from row to row, and making the lookup anew at each change was
    // a twelfth of a report's time (perf).
    var aspectLookups: [AspectLookup] = []
    var lookupOfSnapshot: [Int32] = []
    var lookupOfLargeSnapshot: [Int64: Int] = [:]
    var currentLookup = 0
    var oneByteValues = [Int](repeating: 0, count: 256)
    // The first day of a scored response: the smallest yyyymmdd, and the smallest text not written YYYY-MM-DD.
    let findsFirst = layout.findsFirst
    var firstDay = Int.max
    var firstOther: [UInt8]?
    // The rows of each range in turn, with the row's counting written inline: as a local function passed to
    // forEachRow, its captured counters were boxed and a scan took half as long again (measured).
    var range = ranges?.next()
    while ranges == nil || range != nil {
      if let range { try statement.setArguments([range.lowerBound, range.upperBound]) }
      try statement.forEachRow { row in
        let status = statusNames.id(row, 1)
        while completedStatus.count < statusNames.values.count {
          completedStatus.append(statusNames.values[completedStatus.count] == Response.Status.completed.rawValue)
        }
        var hasGrade = sqlite3_column_type(row, 2) != SQLITE_NULL
        var scored = hasGrade && completedStatus[status]
        var outside = false
        if scored, basisColumn >= 0 {
          let snapshot = sqlite3_column_int64(row, 0)
          if snapshot != namedSnapshot {
            (namedSnapshot, named) = (
              snapshot, try Self.names(of: snapshot, in: snapshotNames, &audiences, &groupNames)
            )
          }
          let audience = named.audience
          while basisOfAudience.count < audiences.values.count {
            basisOfAudience.append(
              audiences.values[basisOfAudience.count].flatMap { roleBasis[$0] }.map { Set($0.map { String($0) }) })
          }
          if let allowed = basisOfAudience[audience] {
            // The first role item answered, as a breakdown by role reads it; no role answer is outside too. Whether
            // a role counts is worked out once per audience and role, not hashed for every row.
            var counts = false
            if let role = Self.readRole(row, basisColumn, codes: basisCodes, into: &basisRoles, found: &roleFound) {
              while roleCounts.count <= audience { roleCounts.append([]) }
              while roleCounts[audience].count <= role {
                let text = basisRoles.values[roleCounts[audience].count]
                roleCounts[audience].append(text.map { allowed.contains($0) } ?? false)
              }
              counts = roleCounts[audience][role]
            }
            if !counts {
              outside = true
              hasGrade = false
              scored = false
            }
          }
        }
        // The store writes every day as YYYY-MM-DD; anything else falls in no range.
        guard let day = Self.day(row, 3) else {
          if findsFirst, scored, let text = sqlite3_column_text(row, 3) {
            let bytes = Array(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(row, 3))))
            if firstOther.map({ bytes.lexicographicallyPrecedes($0) }) ?? true { firstOther = bytes }
          }
          return
        }
        if findsFirst, scored, day < firstDay { firstDay = day }
        let snapshot = sqlite3_column_int64(row, 0)
        if snapshot != namedSnapshot {
          (namedSnapshot, named) = (snapshot, try Self.names(of: snapshot, in: snapshotNames, &audiences, &groupNames))
        }
        let (audience, group) = (named.audience, named.group)
        let grade = hasGrade ? sqlite3_column_double(row, 2) : 0
        // For plans that open at the first scored year: the year, and whether the day is before 1 January (a day
        // not a real one, such as 2026-00-15, which a range from 1 January leaves out).
        let part = findsFirst ? 2 * (day / 10_000) + (day % 10_000 >= 101 ? 1 : 0) : 0
        var gemeente = -1
        var language = -1
        var mode = -1
        var role: [Int]?
        var aspectsRead = false
        for plan in tallies.indices {
          // Counted by another plan (``Plan/yearFrom``).
          if day >= tallies[plan].ownFrom { continue }
          let inPeriod = tallies[plan].period.contains(day)
          let inPrevious = tallies[plan].previous.contains(day)
          if inPeriod || inPrevious {
            if mode < 0 {
              mode = modes.id(row, modeColumn)
              while interviewModes.count < modes.values.count {
                interviewModes.append(
                  modes.values[interviewModes.count].flatMap(Response.Mode.init(rawValue:)).map(Self.isInterview)
                    ?? false)
              }
            }
            let key = ScanKey(
              a: audience, b: group, c: status, d: interviewModes[mode] ? 1 : 0, g: tallies[plan].opens ? part : 0)
            let cell = tallies[plan].groupIndex.number(of: key)
            if cell == tallies[plan].groups.count { tallies[plan].groups.append(GroupTally()) }
            if inPeriod { tallies[plan].groups[cell].inPeriod += 1 }
            if inPeriod, outside { tallies[plan].groups[cell].outsideBasis += 1 }
            if hasGrade {
              if inPeriod { tallies[plan].groups[cell].current.add(grade) }
              if inPrevious { tallies[plan].groups[cell].earlier.add(grade) }
            }
          }
          guard scored else { continue }
          if inPeriod, tallies[plan].breakdown != nil {
            var key = ScanKey(a: audience, b: group, g: tallies[plan].opens ? part : 0)
            if tallies[plan].byGemeente {
              if gemeente < 0 { gemeente = gemeenten.id(row, gemeenteColumn) }
              key.c = gemeente
            }
            if tallies[plan].byLanguage {
              if language < 0 { language = languages.id(row, languageColumn) }
              key.h = language
            }
            if tallies[plan].byYear { key.e = day / 10_000 }
            if tallies[plan].byThird { key.f = (day / 100 % 100 + 3) / 4 }
            if tallies[plan].byRole {
              // As the LEFT JOIN of json_each did: one count per role item answered, or one without a role.
              if role == nil {
                role = roleColumns.map { roles.id(row, $0) }.filter { $0 != 0 }
              }
              if let answered = role, !answered.isEmpty {
                for value in answered {
                  key.d = value
                  tallies[plan].cells.add(key, grade)
                }
              } else {
                tallies[plan].cells.add(key, grade)
              }
            } else {
              tallies[plan].cells.add(key, grade)
            }
          }
          if let municipal = tallies[plan].municipal, municipal.contains(day) {
            if gemeente < 0 { gemeente = gemeenten.id(row, gemeenteColumn) }
            let key = ScanKey(a: audience, b: group, c: gemeente, e: day / 10_000, f: (day / 100 % 100 + 3) / 4)
            tallies[plan].municipalCells.add(key, grade)
          }
          if inPeriod, tallies[plan].dataBasis {
            let batch: Int64? =
              sqlite3_column_type(row, batchColumn) == SQLITE_NULL ? nil : sqlite3_column_int64(row, batchColumn)
            if mode < 0 { mode = modes.id(row, modeColumn) }
            let key = BasisKey(mode: mode, batch: batch, audience: audience)
            if let run = tallies[plan].basisRun, run.key == key {
              tallies[plan].basisRun?.count += 1
            } else {
              if let run = tallies[plan].basisRun { tallies[plan].basisCounts[run.key, default: 0] += run.count }
              tallies[plan].basisRun = (key, 1)
            }
          }
          if inPeriod, tallies[plan].aspects, withAspects {
            if !aspectsRead {
              aspectsRead = true
              let snapshot = sqlite3_column_int64(row, snapshotColumn)
              if snapshot != lastSnapshot || aspectLookups.isEmpty {
                lastSnapshot = snapshot
                let small = snapshot >= 0 && snapshot < 1 << 16 ? Int(snapshot) : nil
                if let small, small < lookupOfSnapshot.count, lookupOfSnapshot[small] > 0 {
                  currentLookup = Int(lookupOfSnapshot[small]) - 1
                } else if small == nil, let known = lookupOfLargeSnapshot[snapshot] {
                  currentLookup = known
                } else {
                  currentLookup = aspectLookups.count
                  aspectLookups.append(AspectLookup(aspectItems[snapshot] ?? []))
                  if let small {
                    if lookupOfSnapshot.count <= small {
                      lookupOfSnapshot += repeatElement(0, count: small + 1 - lookupOfSnapshot.count)
                    }
                    lookupOfSnapshot[small] = Int32(currentLookup + 1)
                  } else {
                    lookupOfLargeSnapshot[snapshot] = currentLookup
                  }
                }
              }
              found.removeAll(keepingCapacity: true)
              if !aspectLookups[currentLookup].items.isEmpty {
                Self.readAspects(
                  row, answersColumn, aspectLookups[currentLookup], &values, &oneByteValues, into: &found)
              }
            }
            guard !found.isEmpty else { continue }
            // One lookup per row for its cell; its items' values are counted in fixed slots (a dictionary lookup
            // per answer took a sixth of a report's time).
            let cellKey = AspectCellKey(audience: audience, group: group, snapshotId: lastSnapshot)
            let start: Int
            if let last = tallies[plan].lastAspectCell, last.key == cellKey {
              start = last.start
            } else if let known = tallies[plan].aspectCells[cellKey] {
              start = tallies[plan].aspectCellStarts[known]
              tallies[plan].lastAspectCell = (cellKey, start)
            } else {
              start = tallies[plan].aspectSlots.count
              let slots = aspectLookups[currentLookup].items.count * Self.valueSlots
              tallies[plan].aspectCells[cellKey] = tallies[plan].aspectCellKeys.count
              tallies[plan].aspectCellKeys.append(cellKey)
              tallies[plan].aspectCellStarts.append(start)
              tallies[plan].aspectSlots += repeatElement(0, count: slots)
              tallies[plan].lastAspectCell = (cellKey, start)
            }
            for (position, value) in found {
              guard value < Self.valueSlots else {
                let key = AspectKey(
                  audience: audience, group: group, snapshotId: lastSnapshot,
                  item: aspectLookups[currentLookup].items[position].number, value: value, grade: grade)
                tallies[plan].aspectOverflow[key, default: 0] += 1
                continue
              }
              let slot = start + position * Self.valueSlots + value
              let number = tallies[plan].aspectSlots[slot]
              if number > 0 {
                tallies[plan].aspectTallies[number - 1].add(grade)
              } else {
                var tally = GradeTally()
                tally.add(grade)
                tallies[plan].aspectTallies.append(tally)
                tallies[plan].aspectSlots[slot] = tallies[plan].aspectTallies.count
              }
            }
          }
        }
      }
      guard let ranges else { break }
      range = ranges.next()
    }
    for plan in tallies.indices {
      if let source = tallies[plan].yearFrom { Self.addYear(of: tallies[source], to: &tallies[plan]) }
    }
    return Counted(
      tallies: tallies, audiences: audiences, groupNames: groupNames, statusNames: statusNames,
      gemeenten: gemeenten, languages: languages, roles: roles, values: values, modes: modes, firstDay: firstDay,
      firstOther: firstOther)
  }

  /// Adds the groups and the municipal cells (summed over municipalities) that `source` counted in its period, one
  /// year from 1 January, to `trend`, a plan that opens at the first scored year, as the trend's own counting of
  /// those rows would have (``Plan/yearFrom``).
  fileprivate static func addYear(of source: PlanTally, to trend: inout PlanTally) {
    // The period's rows, from 1 January of its year: the second part of that year (see `part` in ``count``).
    let year = source.period.first / 10_000
    for (key, counts) in zip(source.groupKeys, source.groups) where counts.inPeriod > 0 {
      var own = key
      own.g = 2 * year + 1
      let number = trend.groupIndex.number(of: own)
      if number == trend.groups.count { trend.groups.append(GroupTally()) }
      trend.groups[number].inPeriod += counts.inPeriod
      trend.groups[number].outsideBasis += counts.outsideBasis
      trend.groups[number].current.add(counts.current)
    }
    for (key, tally) in zip(source.municipalCells.keys, source.municipalCells.tallies) {
      guard let year = key.e else { continue }
      trend.cells.add(ScanKey(a: key.a, b: key.b, e: year, f: key.f, g: 2 * year + 1), tally)
    }
  }

  /// The outcomes of every plan from what the parts of a scan counted, added up.
  private func outcomes(of parts: [Counted], plans: [Plan], in db: Database) throws -> [Outcome] {
    let opening = plans.filter(\.opensAtFirstScoredYear)
    var firstScoredDay: LocalDate?
    if !opening.isEmpty {
      let firstDay = parts.map(\.firstDay).min() ?? .max
      var first = firstDay == Int.max ? nil : Self.text(ofDay: firstDay)
      for other in parts.compactMap(\.firstOther) where first.map({ other.lexicographicallyPrecedes($0) }) ?? true {
        first = other
      }
      // Every row up to the latest end of an opening plan was read, so a first text up to there is the table's;
      // otherwise (none, or a later one) the table is asked.
      let end = Self.text(ofDay: opening.map { Self.dayNumber($0.period.last) }.max() ?? 0)
      if let found = first, !end.lexicographicallyPrecedes(found) {
        firstScoredDay = LocalDate(String(decoding: found.prefix { $0 != 0 }, as: UTF8.self))
      } else {
        firstScoredDay = try TevredenDatabase.firstScoredDay(db)
      }
    }
    // Each part's outcomes on a core of its own, as the parts were counted.
    let firstScoredDayFound = firstScoredDay
    let counted = concurrentMap(parts) { part in
      zip(plans, part.tallies).map { plan, tally in
        var period = plan.period
        var bounds = (period: Int.min, previous: Int.min)
        if plan.opensAtFirstScoredYear {
          let year = min(firstScoredDayFound?.year ?? period.first.year, period.first.year)
          period = Period(from: LocalDate(year: year, month: 1, day: 1), to: period.last)
          // From 1 January of the year, and of the year before.
          bounds = (2 * year + 1, 2 * (year - 1) + 1)
        }
        var outcome = outcome(
          of: tally, period: period, from: bounds, audiences: part.audiences, groupNames: part.groupNames,
          statusNames: part.statusNames, gemeenten: part.gemeenten, languages: part.languages, roles: part.roles,
          values: part.values, modes: part.modes)
        if plan.opensAtFirstScoredYear { outcome.firstScoredDay = firstScoredDayFound }
        return outcome
      }
    }
    guard var total = counted.first else { return [] }
    for more in counted.dropFirst() {
      total = zip(total, more).map { Self.adding($0, $1) }
    }
    return total
  }

  /// The role answered in the answers object in `column`: the interned value of the first of the role items
  /// (`codes`, their numbers, in order) that has one, or `nil`.
  /// `found`: one number per role item, kept from row to row so that no row allocates (a member met twice counts
  /// by its last value).
  private static func readRole(
    _ handle: OpaquePointer, _ column: Int32, codes: [Int], into roles: inout TextInterner, found: inout [Int]
  ) -> Int? {
    guard sqlite3_column_type(handle, column) != SQLITE_NULL, let text = sqlite3_column_text(handle, column) else {
      return nil
    }
    let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column)))
    for index in found.indices { found[index] = 0 }
    let stored = JSONMembers.forEachNumberedMember(bytes) { code, value in
      guard let index = codes.firstIndex(of: code) else { return true }
      guard !value.contains(UInt8(ascii: "\\")) else { return false }
      found[index] = roles.id(value)
      return true
    }
    if !stored {
      // Written otherwise (by hand, by SQLite's JSON functions, with escapes): decoded in full.
      for index in found.indices { found[index] = 0 }
      guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return nil }
      for (index, code) in codes.enumerated() {
        guard let value = object[String(code)] as? String else { continue }
        found[index] = Array(value.utf8).withUnsafeBufferPointer { roles.id($0) }
      }
    }
    return found.first { $0 != 0 }
  }

  /// The day yyyymmdd as the store writes it, YYYY-MM-DD.
  private static func text(ofDay day: Int) -> [UInt8] {
    var digits = Array(String(day).utf8)
    digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, 8 - digits.count)), at: 0)
    return Array(digits[0..<4]) + [UInt8(ascii: "-")] + digits[4..<6] + [UInt8(ascii: "-")] + digits[6..<8]
  }

  /// The day in `column` as yyyymmdd, or `nil` when it is not written YYYY-MM-DD.
  private static func day(_ handle: OpaquePointer, _ column: Int32) -> Int? {
    guard sqlite3_column_bytes(handle, column) == 10, let text = sqlite3_column_text(handle, column) else {
      return nil
    }
    var number = 0
    for offset in 0..<10 {
      let byte = text[offset]
      if offset == 4 || offset == 7 {
        guard byte == UInt8(ascii: "-") else { return nil }
        continue
      }
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      number = number * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return number
  }

  /// Picks the snapshot's aspect items out of the answers object in `column`: each by its position in the
  /// lookup's items, with the number of its value text. Only string values count (the store writes every answer as
  /// text); a missing code is never in the answers object. `oneByteValues` keeps the numbers of one-byte values (the points of a scale) so that they are
  /// not looked up among the values each time.
  private static func readAspects(
    _ handle: OpaquePointer, _ column: Int32, _ lookup: AspectLookup, _ values: inout TextInterner,
    _ oneByteValues: inout [Int], into found: inout [(item: Int, value: Int)]
  ) {
    guard sqlite3_column_type(handle, column) != SQLITE_NULL, let text = sqlite3_column_text(handle, column) else {
      return
    }
    let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column)))
    // The layout the store writes, read in one pass; anything else (written by hand or by SQLite's JSON functions)
    // the general readers below take.
    let stored = JSONMembers.forEachNumberedMember(bytes) { code, value in
      guard let number = lookup.position(code: code) else { return true }
      if value.count == 1 {
        let byte = Int(value[0])
        guard byte != Int(UInt8(ascii: "\\")) else { return false }
        if oneByteValues[byte] == 0 { oneByteValues[byte] = values.id(value) }
        found.append((number, oneByteValues[byte]))
      } else {
        guard !value.contains(UInt8(ascii: "\\")) else { return false }
        found.append((number, values.id(value)))
      }
      return true
    }
    guard !stored else { return }
    found.removeAll(keepingCapacity: true)
    let simple = JSONMembers.forEachStringMember(bytes) { key, value in
      guard let number = lookup.position(key) else { return }
      if value.count == 1 {
        let byte = Int(value[0])
        if oneByteValues[byte] == 0 { oneByteValues[byte] = values.id(value) }
        found.append((number, oneByteValues[byte]))
      } else {
        found.append((number, values.id(value)))
      }
    }
    let items = lookup.items
    guard !simple else { return }
    // Escaped text (never written by the store, but legal JSON): decoded in full.
    found.removeAll(keepingCapacity: true)
    guard
      let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
    else { return }
    for (position, item) in items.enumerated() {
      guard let value = object[String(decoding: item.key, as: UTF8.self)] as? String else { continue }
      let utf8 = Array(value.utf8)
      found.append((position, utf8.withUnsafeBufferPointer { values.id($0) }))
    }
  }

  /// The outcome of a plan's tally; of its keys' ``ScanKey/g``, those from `parts.period` count in the period and
  /// those from `parts.previous` in the year before.
  private func outcome(
    of tally: PlanTally, period: Period, from parts: (period: Int, previous: Int), audiences: TextInterner,
    groupNames: TextInterner, statusNames: TextInterner, gemeenten: TextInterner, languages: TextInterner,
    roles: TextInterner, values: TextInterner, modes: TextInterner
  ) -> Outcome {
    var outcome = Outcome(period: period)
    var current: [CellKey: GradeDistribution] = [:]
    var earlier: [CellKey: GradeDistribution] = [:]
    /// Per cell, status and whether interviews: the count.
    var statuses: [CellKey: [Response.Status: [Bool: Int]]] = [:]
    var outside: [CellKey: Int] = [:]
    for (key, counts) in zip(tally.groupKeys, tally.groups) {
      guard let audience = audiences.values[key.a].flatMap(Audience.init(rawValue:)),
        let status = statusNames.values[key.c].flatMap(Response.Status.init(rawValue:)),
        let group = groupNames.values[key.b]
      else { continue }
      let cell = CellKey(audience: audience, group: group)
      let inPeriod = key.g >= parts.period
      if inPeriod, counts.inPeriod > 0 {
        statuses[cell, default: [:]][status, default: [:]][key.d == 1, default: 0] += counts.inPeriod
      }
      if inPeriod, counts.outsideBasis > 0 { outside[cell, default: 0] += counts.outsideBasis }
      guard status == .completed else { continue }
      if inPeriod, !counts.current.isEmpty { counts.current.add(to: &current[cell, default: .empty]) }
      if key.g >= parts.previous, !counts.earlier.isEmpty { counts.earlier.add(to: &earlier[cell, default: .empty]) }
    }
    outcome.outsideBasis = outside.map {
      StatusCount(audience: $0.key.audience, group: $0.key.group, status: .completed, count: $0.value)
    }.sorted { ($0.audience.rawValue, $0.group) < ($1.audience.rawValue, $1.group) }
    outcome.current = Self.cells(current)
    outcome.previous = Self.cells(earlier)
    outcome.statuses = statuses.flatMap { key, perStatus in
      perStatus.flatMap { status, byMode in
        byMode.map {
          StatusCount(audience: key.audience, group: key.group, status: status, count: $0.value, isInterview: $0.key)
        }
      }
    }.sorted(by: Self.statusPrecedes)
    func breakdown(_ table: TallyTable, _ dimensions: Set<ScoreDimension>) -> [GradeCell] {
      var cells: [CellKey: GradeDistribution] = [:]
      for (scan, counts) in zip(table.keys, table.tallies) where scan.g >= parts.period {
        guard let audience = audiences.values[scan.a].flatMap(Audience.init(rawValue:)),
          let group = groupNames.values[scan.b]
        else { continue }
        var key = CellKey(audience: audience, group: group)
        if dimensions.contains(.gemeente) { key.gemeente = gemeenten.values[scan.c] }
        if dimensions.contains(.role) { key.role = roles.values[scan.d] }
        if dimensions.contains(.language) { key.language = languages.values[scan.h] }
        key.year = scan.e
        key.third = scan.f
        counts.add(to: &cells[key, default: .empty])
      }
      return Self.cells(cells)
    }
    if let dimensions = tally.breakdown { outcome.cells = breakdown(tally.cells, dimensions) }
    if tally.municipal != nil { outcome.municipal = breakdown(tally.municipalCells, [.gemeente, .period]) }
    var aspectCounts = tally.aspectOverflow
    for (cell, start) in zip(tally.aspectCellKeys, tally.aspectCellStarts) {
      for (position, item) in (aspectItems[cell.snapshotId] ?? []).enumerated() {
        for value in 0..<Self.valueSlots {
          let number = tally.aspectSlots[start + position * Self.valueSlots + value]
          guard number > 0 else { continue }
          for (grade, count) in tally.aspectTallies[number - 1].counts {
            let key = AspectKey(
              audience: cell.audience, group: cell.group, snapshotId: cell.snapshotId, item: item.number, value: value,
              grade: grade)
            aspectCounts[key, default: 0] += count
          }
        }
      }
    }
    // Ordered by the texts, as the parts of a two-part scan are merged (``aspectPrecedes(_:_:)``), and two that
    // read the same counted as one, as they are when merged.
    outcome.aspects = Self.mergingSorted(
      aspectCounts.map { key, count in
        AspectCount(
          audience: audiences.values[key.audience], group: groupNames.values[key.group], snapshotId: key.snapshotId,
          item: itemNames[key.item], value: values.values[key.value], grade: key.grade, count: count)
      }.sorted(by: Self.aspectPrecedes), [], by: Self.aspectPrecedes
    ) { sum, more in sum.count += more.count }
    outcome.dataBasis = tally.basisTotals.map { key, count in
      BasisCount(
        mode: modes.values[key.mode], importBatchId: key.batch, audience: audiences.values[key.audience],
        count: count)
    }
    return outcome
  }

  /// The counts of two parts of a scan together (they read disjoint rows), in the order one scan gives them. Each
  /// part's lists are already in that order, so they are merged as sorted lists are, instead of putting every key in
  /// a dictionary and sorting them again.
  private static func adding(_ first: Outcome, _ second: Outcome) -> Outcome {
    func add(_ lhs: [GradeCell], _ rhs: [GradeCell]) -> [GradeCell] {
      mergingSorted(lhs, rhs, by: cellPrecedes) { sum, more in sum.distribution = sum.distribution + more.distribution }
    }
    func add(_ lhs: [StatusCount], _ rhs: [StatusCount]) -> [StatusCount] {
      mergingSorted(lhs, rhs, by: statusPrecedes) { sum, more in sum.count += more.count }
    }
    struct BasisCountKey: Hashable {
      var mode: String?
      var importBatchId: Int64?
      var audience: String?
    }
    var basis: [BasisCountKey: Int] = [:]
    for count in first.dataBasis + second.dataBasis {
      basis[
        BasisCountKey(mode: count.mode, importBatchId: count.importBatchId, audience: count.audience), default: 0] +=
        count.count
    }
    var sum = first
    sum.current = add(first.current, second.current)
    sum.previous = add(first.previous, second.previous)
    if first.cells != nil || second.cells != nil { sum.cells = add(first.cells ?? [], second.cells ?? []) }
    if first.municipal != nil || second.municipal != nil {
      sum.municipal = add(first.municipal ?? [], second.municipal ?? [])
    }
    sum.statuses = add(first.statuses, second.statuses)
    sum.outsideBasis = add(first.outsideBasis, second.outsideBasis)
    sum.aspects = mergingSorted(first.aspects, second.aspects, by: aspectPrecedes) { sum, more in
      sum.count += more.count
    }
    sum.dataBasis = basis.map { key, count in
      BasisCount(mode: key.mode, importBatchId: key.importBatchId, audience: key.audience, count: count)
    }
    return sum
  }

  /// Two lists in the order `precedes` gives as one list in that order, equal elements (neither precedes the other)
  /// once: the later added to the earlier by `combine`, the first list's before the second's.
  static func mergingSorted<Element>(
    _ lhs: [Element], _ rhs: [Element], by precedes: (Element, Element) -> Bool,
    combine: (inout Element, Element) -> Void
  ) -> [Element] {
    var merged: [Element] = []
    merged.reserveCapacity(max(lhs.count, rhs.count))
    /// Appends `element`, or adds it to the last one when they are equal: two texts that read the same (differing
    /// only after a NUL byte) may stand apart in one part's list.
    func append(_ element: Element) {
      if let last = merged.last, !precedes(last, element) {
        combine(&merged[merged.count - 1], element)
      } else {
        merged.append(element)
      }
    }
    var left = 0
    var right = 0
    while left < lhs.count || right < rhs.count {
      if right == rhs.count || (left < lhs.count && !precedes(rhs[right], lhs[left])) {
        append(lhs[left])
        left += 1
      } else {
        append(rhs[right])
        right += 1
      }
    }
    return merged
  }

  /// The order of an outcome's status counts: audience, group, status, then self-completed before interviews.
  static func statusPrecedes(_ a: StatusCount, _ b: StatusCount) -> Bool {
    (a.audience.rawValue, a.group, a.status.rawValue, a.isInterview ? 1 : 0) < (
      b.audience.rawValue, b.group, b.status.rawValue, b.isInterview ? 1 : 0
    )
  }

  /// The order of an outcome's aspect counts (see ``Outcome/aspects``): by their keys, texts as SQLite's BINARY
  /// collation orders them (NULL first, then by bytes).
  static func aspectPrecedes(_ a: AspectCount, _ b: AspectCount) -> Bool {
    func precedes(_ lhs: String?, _ rhs: String?) -> Bool {
      guard let lhs, let rhs else { return lhs == nil && rhs != nil }
      return lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
    if a.audience != b.audience { return precedes(a.audience, b.audience) }
    if a.group != b.group { return precedes(a.group, b.group) }
    if a.snapshotId != b.snapshotId { return a.snapshotId < b.snapshotId }
    if a.item != b.item { return a.item.utf8.lexicographicallyPrecedes(b.item.utf8) }
    if a.value != b.value { return precedes(a.value, b.value) }
    return a.grade < b.grade
  }

  /// The order of cells: audience, group, then the breakdown's values (`nil` first), year and third.
  static func cellPrecedes(_ a: GradeCell, _ b: GradeCell) -> Bool {
    /// `nil` first, then as Swift orders strings.
    func order(_ lhs: String?, _ rhs: String?) -> Bool? {
      if lhs == rhs { return nil }
      guard let lhs, let rhs else { return lhs == nil }
      return lhs < rhs
    }
    if a.audience != b.audience { return a.audience.rawValue < b.audience.rawValue }
    if let ordered = order(a.group, b.group) { return ordered }
    if let ordered = order(a.gemeente, b.gemeente) { return ordered }
    if let ordered = order(a.role, b.role) { return ordered }
    if let ordered = order(a.language, b.language) { return ordered }
    return (a.year ?? .min, a.third ?? .min) < (b.year ?? .min, b.third ?? .min)
  }

  /// Cells in a fixed order (``cellPrecedes(_:_:)``).
  private static func cells(_ map: [CellKey: GradeDistribution]) -> [GradeCell] {
    map.map { key, distribution in
      GradeCell(
        audience: key.audience, group: key.group, gemeente: key.gemeente, role: key.role, language: key.language,
        year: key.year, third: key.third, distribution: distribution)
    }.sorted(by: cellPrecedes)
  }
}

/// A cell of the period's counts: audience, group and the breakdown's values.
struct CellKey: Hashable {
  var audience: Audience
  var group: String
  var gemeente: String?
  var role: String?
  var language: String?
  var year: Int?
  var third: Int?
}

/// The members of a JSON object whose values are strings, read without decoding the whole object.
enum JSONMembers {
  /// Calls `body` with each member's key, read as a number, and the raw bytes of its string value, for an object
  /// exactly as ``StoredAnswers`` writes one (`{"3":"7","12":"ja"}`: no space, keys numbers without leading zero,
  /// every value a string). Returns `false`, having stopped, at anything else, at a quote that may be escaped, or
  /// when `body` returns `false`; a backslash elsewhere in a value is passed on.
  static func forEachNumberedMember(
    _ text: UnsafeBufferPointer<UInt8>, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Bool
  ) -> Bool {
    guard let base = text.baseAddress else { return false }
    let count = text.count
    guard count >= 2, text[0] == UInt8(ascii: "{") else { return false }
    if text[1] == UInt8(ascii: "}") { return count == 2 }
    var index = 1
    while true {
      guard index < count, text[index] == UInt8(ascii: "\"") else { return false }
      index += 1
      let keyStart = index
      var code = 0
      while index < count, text[index] >= UInt8(ascii: "0"), text[index] <= UInt8(ascii: "9"), index - keyStart < 18 {
        code = code * 10 + Int(text[index] - UInt8(ascii: "0"))
        index += 1
      }
      let digits = index - keyStart
      guard digits > 0, digits == 1 || text[keyStart] != UInt8(ascii: "0"), index + 2 < count,
        text[index] == UInt8(ascii: "\""), text[index + 1] == UInt8(ascii: ":"), text[index + 2] == UInt8(ascii: "\"")
      else { return false }
      index += 3
      // Most values are a few bytes (a scale point, `ja`): looked for byte by byte rather than with a call of
      // memchr per value; a longer one by memchr.
      var length = 0
      while length < 8, index + length < count, text[index + length] != UInt8(ascii: "\"") { length += 1 }
      if length == 8 || index + length == count {
        guard let end = memchr(base + index, Int32(UInt8(ascii: "\"")), count - index) else { return false }
        length = base.distance(to: end.assumingMemoryBound(to: UInt8.self)) - index
      }
      // A quote after a backslash may be inside the string: the general readers decide.
      if length > 0, text[index + length - 1] == UInt8(ascii: "\\") { return false }
      guard body(code, UnsafeBufferPointer(start: base + index, count: length)) else { return false }
      index += length + 1
      guard index < count else { return false }
      if text[index] == UInt8(ascii: ",") {
        index += 1
      } else {
        return text[index] == UInt8(ascii: "}") && index + 1 == count
      }
    }
  }

  /// Calls `body` with the raw bytes of each member's key and string value. Returns `false`, having stopped, when
  /// the text holds a backslash (an escape, which this reader does not decode) or is not an object it can read;
  /// members that are not strings (numbers, objects, arrays, literals) are skipped.
  static func forEachStringMember(
    _ text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Void
  ) -> Bool {
    guard let base = text.baseAddress else { return false }
    let count = text.count
    if memchr(base, Int32(UInt8(ascii: "\\")), count) != nil { return false }
    var position = 0
    func skipSpace() {
      while position < count,
        text[position] == 0x20 || text[position] == 0x0A || text[position] == 0x0D
          || text[position] == 0x09
      {
        position += 1
      }
    }
    /// The string starting at `position` (a quote), without its quotes; `nil` when it does not end.
    func string() -> UnsafeBufferPointer<UInt8>? {
      let start = position + 1
      guard start <= count, let end = memchr(base + start, Int32(UInt8(ascii: "\"")), count - start) else {
        return nil
      }
      let length = base.distance(to: end.assumingMemoryBound(to: UInt8.self)) - start
      position = start + length + 1
      return UnsafeBufferPointer(start: base + start, count: length)
    }
    skipSpace()
    guard position < count, text[position] == UInt8(ascii: "{") else { return false }
    position += 1
    while true {
      skipSpace()
      guard position < count else { return false }
      if text[position] == UInt8(ascii: "}") { return true }
      if text[position] == UInt8(ascii: ",") {
        position += 1
        skipSpace()
      }
      guard position < count, text[position] == UInt8(ascii: "\""), let key = string() else { return false }
      skipSpace()
      guard position < count, text[position] == UInt8(ascii: ":") else { return false }
      position += 1
      skipSpace()
      guard position < count else { return false }
      if text[position] == UInt8(ascii: "\"") {
        guard let value = string() else { return false }
        body(key, value)
        continue
      }
      // Any other value: skipped up to the comma or brace that ends it, strings inside it included.
      var depth = 0
      while position < count {
        let byte = text[position]
        if byte == UInt8(ascii: "\"") {
          guard string() != nil else { return false }
          continue
        }
        if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
        if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
          if depth == 0 { break }
          depth -= 1
        }
        if byte == UInt8(ascii: ","), depth == 0 { break }
        position += 1
      }
    }
  }
}
