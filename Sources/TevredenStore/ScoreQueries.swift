import Foundation
import GRDB
import GRDBSQLite
import TevredenCore

extension TevredenDatabase {
  /// Items whose answer is a response's role in a breakdown by role: `rol` for residents, `functie` for chain
  /// partners.

  /// Counts what the scoring engine needs for one request: grade histograms per cell (counted by exact grade as
  /// the rows are read, so the result stays small however many responses there are), the same period a year earlier,
  /// status counts for response rates and, when asked, aspect scores.
  ///
  /// A response counts by the day it was completed in Dutch local time (`collectedOn`, materialised when stored).
  public func scoreData(for request: ScoreRequest) throws -> ScoreData {
    try scoreData(for: [request])[0]
  }

  /// What ``scoreData(for:)-(ScoreRequest)`` gives for each request, counted during one scan of the responses
  /// (a report asks for its period and its trend at once).
  public func scoreData(for requests: [ScoreRequest]) throws -> [ScoreData] {
    try counts(for: requests, dataBasis: false).data
  }

  /// What a report counts, during one scan: ``scoreData(for:)-([ScoreRequest])`` for each request, and the data
  /// basis (``dataBasis(in:)``) of the first request's period.
  public func reportCounts(for requests: [ScoreRequest]) throws -> (data: [ScoreData], dataBasis: [DataBasisCount]) {
    try counts(for: requests, dataBasis: true)
  }

  /// What a report counts, during one scan: the report's request, its trend and the data basis of its period.
  public struct ReportCounts: Sendable {
    public var data: ScoreData
    /// The trend request as it was counted: from 1 January of the year of ``firstScoredDay`` when that is before
    /// the year the asked trend starts, else as asked.
    public var trendRequest: ScoreRequest
    public var trend: ScoreData
    public var dataBasis: [DataBasisCount]
    /// The first day any response counts on (``firstScoredDay()``), `nil` without scored responses.
    public var firstScoredDay: LocalDate?
  }

  /// ``reportCounts(for:)-([ScoreRequest])`` of a report's request and its trend, where the trend, asked from 1
  /// January of some year, starts on 1 January of the year of the first scored response if that is earlier: the
  /// scan finds that day as it counts, instead of a scan of its own before (nothing indexes `collectedOn`). The
  /// trend must start on 1 January and ask for no aspects and no municipalities (a report's is per burap period).
  public func reportCounts(for request: ScoreRequest, trend: ScoreRequest) throws -> ReportCounts {
    let counted = try counts(for: [request, trend], dataBasis: true, trendOpens: true)
    var trendRequest = trend
    trendRequest.period = counted.periods[1]
    return ReportCounts(
      data: counted.data[0], trendRequest: trendRequest, trend: counted.data[1], dataBasis: counted.dataBasis,
      firstScoredDay: counted.firstScoredDay)
  }

  private func counts(for requests: [ScoreRequest], dataBasis: Bool) throws
    -> (data: [ScoreData], dataBasis: [DataBasisCount])
  {
    let counted = try counts(for: requests, dataBasis: dataBasis, trendOpens: false)
    return (counted.data, counted.dataBasis)
  }

  /// `trendOpens`: the second request is a report's trend (``ScoreScan/Plan/opensAtFirstScoredYear``).
  private func counts(for requests: [ScoreRequest], dataBasis: Bool, trendOpens: Bool) throws
    -> (data: [ScoreData], dataBasis: [DataBasisCount], periods: [Period], firstScoredDay: LocalDate?)
  {
    try scanConnections { db, helper in
      var groups: [GroupInfo] = []
      var seen = Set<String>()
      var definitions: [Int64: Questionnaire] = [:]
      let needsDefinitions = requests.contains {
        $0.readsItems || $0.breakdownDimensions.contains(.role)
      }
      let records = try SnapshotRecord.order(Column("id").desc).fetchAll(db)
        .filter { Audience(rawValue: $0.audience) != nil }
      for record in records {
        guard let audience = Audience(rawValue: record.audience) else { continue }
        // The newest definition names the group.
        if seen.insert("\(audience.rawValue)/\(record.respondentGroup)").inserted {
          groups.append(GroupInfo(audience: audience, group: record.respondentGroup, label: record.groupLabel))
        }
      }
      if needsDefinitions {
        for (record, snapshot) in zip(records, try Self.snapshots(records)) {
          if let id = record.id { definitions[id] = snapshot.definition.questionnaire }
        }
      }
      var scan = Self.scan(
        itemsOf: definitions, aspects: requests.contains(where: \.includesAspects),
        topics: requests.contains(where: \.includesTopics), codes: try ItemCodes.fetch(db))
      scan.roleBasis = Dictionary(
        (requests.first?.roleBasis ?? [:]).map { ($0.key.rawValue, $0.value) }, uniquingKeysWith: { first, _ in first })
      var plans = requests.map { request in
        let dimensions = Set(request.breakdownDimensions)
        // Municipal figures are protected together with the year's earlier periods, so the engine needs the year
        // up to the period's end per third.
        var municipal: Period?
        if dimensions.contains(.gemeente), request.burapPeriod != nil {
          municipal = Period(
            from: LocalDate(year: request.period.first.year, month: 1, day: 1), to: request.period.last)
        }
        return ScoreScan.Plan(
          period: request.period, previous: request.previousPeriod, breakdown: dimensions.isEmpty ? nil : dimensions,
          municipal: municipal, aspects: request.readsItems)
      }
      if dataBasis, !plans.isEmpty { plans[0].dataBasis = true }
      if trendOpens {
        plans[1].opensAtFirstScoredYear = true
        // The trend's own year is the report's period, whose municipal cells and groups the scan counts anyway.
        // (Compared by their days: a burap period's name is not the range's.)
        func days(_ period: Period?) -> [LocalDate]? { period.map { [$0.first, $0.last] } }
        if derivesReportTrend, days(plans[0].municipal) == days(plans[1].period),
          days(plans[0].period) == days(plans[1].period), plans[1].breakdown == [.period]
        {
          plans[1].yearFrom = 0
        }
      }
      let outcomes = try scan.run(db, plans: plans, helper: helper)
      var contacts: [Period: [ContactCount]] = [:]
      for request in requests where contacts[request.period] == nil {
        contacts[request.period] = try Self.contactCounts(db, period: request.period)
      }
      let basis = dataBasis ? try Self.dataBasis(outcomes.first?.dataBasis ?? [], db) : []
      let data = zip(requests, outcomes).map { request, outcome in
        var roleLabels: [Audience: [String: String]] = [:]
        if request.breakdownDimensions.contains(.role) {
          // Oldest snapshot first, so that a label reworded in a later edition wins, the same in every run.
          for (_, questionnaire) in definitions.sorted(by: { $0.key < $1.key }) {
            for item in Questionnaire.roleItems {
              guard let question = questionnaire.question(item),
                case .choice(let choices, _) = question.kind
              else { continue }
              for choice in choices { roleLabels[questionnaire.audience, default: [:]][choice.code] = choice.label }
            }
          }
        }
        return ScoreData(
          groups: groups, cells: outcome.cells ?? outcome.current, previousCells: outcome.previous,
          aspects: request.includesAspects ? Self.aspectCells(outcome.aspects, definitions) : [],
          topics: request.includesTopics ? Self.topicCells(outcome.aspects, definitions) : [],
          statusCounts: outcome.statuses, roleLabels: roleLabels, municipalCells: outcome.municipal,
          outsideBasis: outcome.outsideBasis, contacts: contacts[request.period] ?? [])
      }
      return (data, basis, outcomes.map(\.period), trendOpens ? outcomes[1].firstScoredDay : nil)
    }
  }

  /// Runs `body` in a read transaction, with a second connection that reads the same state of the file when the
  /// table is large enough for a scan on two threads at once to pay (``ScoreScan/run(_:plans:helper:)``): on two
  /// cores a scan of a million responses then takes a little over half the time. Otherwise, and for a database in
  /// memory, a read-only file or one whose write lock cannot be had, `body` runs on this database's own connection,
  /// with no second one.
  ///
  /// Two connections read one state of the file only if no commit falls between their first reads, and this
  /// SQLite has no snapshot API (`SQLITE_ENABLE_SNAPSHOT`): so both begin to read while a third connection holds the
  /// write lock, for the moment that takes (an import's step or an interviewer's answer waits that long at most);
  /// when the lock is not had within a quarter of a second, the scan reads in one part.
  func scanConnections<T>(_ body: (Database, DatabaseQueue?) throws -> T) throws -> T {
    let path = writer.path
    guard FileManager.default.fileExists(atPath: path),
      let ids = try writer.read(Self.responseIds), ids.upperBound - ids.lowerBound >= twoPartScanMinimum,
      let (first, second) = try? readersOfOneState(path: path)
    else { return try writer.read { try body($0, nil) } }
    defer {
      for reader in [first, second] {
        try? reader.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
        try? reader.close()
      }
    }
    return try first.writeWithoutTransaction { try body($0, second) }
  }

  /// Runs `part` on two threads at once, on `db` and this thread and on `helper` and a thread of its own, each
  /// reading the id ranges a shared ``ScanRanges`` hands it until none is left, and returns both results, in that
  /// order; without a helper (or a table of fewer than two ids), once on `db` over all of it (`nil`: no ranges).
  ///
  /// The table is cut into many ranges rather than two halves: the rows of a period are often a part of the
  /// table (responses come in in date order), and a report counts its own year's rows at far greater cost than
  /// the earlier years' it counts for its trend, so two halves left one thread idle for a fifth of a report's scan
  /// (perf). A thread that is done with a range takes the next one.
  static func onTwoThreads<T: Sendable>(
    _ db: Database, helper: DatabaseQueue?, _ part: @escaping @Sendable (Database, ScanRanges?) throws -> T
  ) throws -> [T] {
    guard let helper, let ids = try responseIds(db), ids.upperBound > ids.lowerBound else { return [try part(db, nil)] }
    let ranges = ScanRanges(ids, count: scanRangeCount)
    let other = HalfResult<T>()
    let thread = Thread {
      other.set(Result { try helper.writeWithoutTransaction { try part($0, ranges) } })
    }
    thread.start()
    let mine = Result { try part(db, ranges) }
    // The other thread is waited for also when this one fails (it takes no further range then): its connection is
    // in use until it ends.
    if case .failure = mine { ranges.stop() }
    let theirs = other.wait()
    return [try mine.get(), try theirs.get()]
  }

  /// How many ranges of row ids a scan on two threads cuts the table into (see ``onTwoThreads(_:helper:_:)``): at a
  /// million responses about 31,000 rows, some 10 ms of a report's scan, each.
  static let scanRangeCount = 32

  /// The smallest and the largest response id, `nil` without responses. MIN and MAX each in a SELECT of its own:
  /// so each reads one end of the table, where together in one they read all of it.
  static func responseIds(_ db: Database) throws -> ClosedRange<Int64>? {
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT (SELECT MIN(id) FROM response) AS first, (SELECT MAX(id) FROM response) AS last"),
      let first = row["first"] as Int64?, let last = row["last"] as Int64?, first <= last
    else { return nil }
    return first...last
  }

  /// How many times, a millisecond apart, a scan tries to take the write lock for the moment its two connections
  /// begin to read (see ``readersOfOneState(path:)``).
  static let scanLockPolls = 250

  /// Two read-only connections to the file, each in a read transaction, reading the same state of it.
  private func readersOfOneState(path: String) throws -> (DatabaseQueue, DatabaseQueue) {
    var configuration = Configuration()
    configuration.readonly = true
    // The read transactions span several calls: begun under the write lock, used by the scan, ended after it.
    configuration.allowsUnsafeTransactions = true
    let signal = WaitSignal(databasePath: path)
    configuration.busyMode = .callback(Self.busyCallback(announcingTo: signal))
    let readers = (
      try DatabaseQueue(path: path, configuration: configuration),
      try DatabaseQueue(path: path, configuration: configuration)
    )
    // The lock is taken on a connection of its own that waits for it a quarter of a second at most: an import's
    // step or an interviewer's answer is waited out, a long transaction (a merge, a migration) is not, and the scan
    // then reads in one part, as every reader of a WAL database can, without waiting.
    var locking = Configuration()
    locking.busyMode = .callback(Self.busyCallback(announcingTo: signal, tries: Self.scanLockPolls))
    let locker = try DatabaseQueue(path: path, configuration: locking)
    defer { try? locker.close() }
    try locker.writeWithoutTransaction { db in
      try db.execute(sql: "BEGIN IMMEDIATE")
      defer { try? db.execute(sql: "ROLLBACK") }
      for reader in [readers.0, readers.1] {
        try reader.writeWithoutTransaction { db in
          try db.execute(sql: "BEGIN")
          // The first read fixes what the transaction sees.
          _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master")
        }
      }
    }
    return readers
  }

  /// The data basis from the scan's counts per mode, import batch and audience: per mode, import layout and
  /// audience, in the order of audience, mode and layout (none first), as ``dataBasis(in:)`` gives it.
  static func dataBasis(_ counts: [ScoreScan.BasisCount], _ db: Database) throws -> [DataBasisCount] {
    var formats: [Int64: String] = [:]
    for row in try GRDB.Row.fetchAll(db, sql: "SELECT id, format FROM importBatch") {
      let id: Int64 = row["id"]
      formats[id] = row["format"]
    }
    var totals: [String: DataBasisCount] = [:]
    for count in counts {
      guard let modeText = count.mode, let mode = Response.Mode(rawValue: modeText),
        let audienceText = count.audience, let audience = Audience(rawValue: audienceText)
      else {
        throw StoreError.corruptRow("response with mode '\(count.mode ?? "")' and audience '\(count.audience ?? "")'")
      }
      let format = count.importBatchId.flatMap { formats[$0] }
      let key = "\(mode.rawValue)/\(format.map { "1" + $0 } ?? "0")/\(audience.rawValue)"
      totals[key, default: DataBasisCount(mode: mode, importFormat: format, audience: audience, count: 0)].count +=
        count.count
    }
    func text(_ value: String?) -> [UInt8] { value.map { [1] + Array($0.utf8) } ?? [0] }
    return totals.values.sorted { lhs, rhs in
      if lhs.audience != rhs.audience {
        return lhs.audience.rawValue.utf8.lexicographicallyPrecedes(rhs.audience.rawValue.utf8)
      }
      if lhs.mode != rhs.mode { return lhs.mode.rawValue.utf8.lexicographicallyPrecedes(rhs.mode.rawValue.utf8) }
      return text(lhs.importFormat).lexicographicallyPrecedes(text(rhs.importFormat))
    }
  }

  /// A scan that reads the aspect items (with `aspects`) and the topic items (with `topics`) of these definitions.
  static func scan(itemsOf definitions: [Int64: Questionnaire], aspects: Bool, topics: Bool, codes: ItemCodes)
    -> ScoreScan
  {
    var scan = ScoreScan()
    var numbers: [String: Int] = [:]
    let topicItems = topics ? Self.topicItems(definitions) : [:]
    for (id, questionnaire) in definitions {
      var items = aspects ? questionnaire.scoreRule.aspects : []
      for item in topicItems[questionnaire.id] ?? [] where !items.contains(item) { items.append(item) }
      for item in items {
        guard let question = questionnaire.question(item), let key = codes.key(item) else { continue }
        switch question.kind {
        case .scale, .yesNo, .choice: break
        case .consent, .grade, .number, .text: continue
        }
        let number =
          numbers[item.rawValue]
          ?? {
            scan.itemNames.append(item.rawValue)
            numbers[item.rawValue] = scan.itemNames.count - 1
            return scan.itemNames.count - 1
          }()
        scan.aspectItems[id, default: []].append(ScoreScan.AspectItem(key: Array(key.utf8), number: number))
      }
    }
    return scan
  }

  /// The topic items of each questionnaire: those its newest stored definition names, so that responses collected
  /// with an edition that did not yet list them count too (an item keeps its id across editions).
  static func topicItems(_ definitions: [Int64: Questionnaire]) -> [Questionnaire.ID: [Question.ID]] {
    var items: [Questionnaire.ID: [Question.ID]] = [:]
    for (_, questionnaire) in definitions.sorted(by: { $0.key > $1.key }) where items[questionnaire.id] == nil {
      items[questionnaire.id] = questionnaire.scoreRule.topics
    }
    return items
  }

  /// The answers to topic items of scored responses, per group and item: how many respondents gave each answer.
  /// Options, their order and labels come from the newest definition that asks the item among those the counted
  /// responses were collected with (a period answered only under an earlier version shows that version's labels,
  /// not a later version's); an answer only an older edition offered is added after them under its code. Missing
  /// codes are never in the answers object, so never counted.
  static func topicCells(_ counts: [ScoreScan.AspectCount], _ definitions: [Int64: Questionnaire]) -> [TopicCell] {
    let topicItems = Self.topicItems(definitions)
    // The newest definition of each group that asks each topic item: its question gives the options.
    var questions: [String: (question: Question, questionnaire: Questionnaire)] = [:]
    let counted = Set(counts.map(\.snapshotId))
    for (_, questionnaire) in definitions.filter({ counted.contains($0.key) }).sorted(by: { $0.key > $1.key }) {
      for item in topicItems[questionnaire.id] ?? [] {
        let key = "\(questionnaire.audience.rawValue)/\(questionnaire.group)/\(item.rawValue)"
        guard questions[key] == nil, let question = questionnaire.question(item) else { continue }
        questions[key] = (question, questionnaire)
      }
    }
    var cells: [String: TopicCell] = [:]
    for row in counts {
      guard let audienceText = row.audience, let audience = Audience(rawValue: audienceText), let group = row.group,
        let questionnaire = definitions[row.snapshotId],
        topicItems[questionnaire.id]?.contains(Question.ID(rawValue: row.item)) == true,
        let text = row.value, let newest = questions["\(audience.rawValue)/\(group)/\(row.item)"]
      else { continue }
      let key = "\(audience.rawValue)/\(group)/\(row.item)"
      var cell = cells[key] ?? Self.emptyTopic(newest.question, audience: audience, group: group)
      let codes: [String]
      if case .choice(_, allowsMultiple: true) = newest.question.kind {
        codes = text.split(separator: CanonicalSpelling.choiceSeparator, omittingEmptySubsequences: true).map(
          String.init)
      } else {
        codes = [text]
      }
      for code in codes {
        if let index = cell.options.firstIndex(where: { $0.code == code }) {
          cell.options[index].count += row.count
        } else {
          cell.options.append(TopicCell.Option(code: code, label: code, count: row.count))
        }
      }
      cell.respondents += row.count
      cells[key] = cell
    }
    // In the order the newest definition of each group asks its topics (per group: two groups may share an item
    // id at different places).
    let order = Dictionary(
      definitions.sorted { $0.key > $1.key }.flatMap { _, questionnaire in
        (topicItems[questionnaire.id] ?? []).enumerated().map {
          (Self.orderKey(questionnaire.audience.rawValue, questionnaire.group, $1.rawValue), $0)
        }
      },
      uniquingKeysWith: { first, _ in first })
    func position(_ cell: TopicCell) -> Int { order[Self.orderKey(cell.audience.rawValue, cell.group, cell.item)] ?? 0 }
    return cells.values.sorted {
      ($0.audience.rawValue, $0.group, position($0), $0.item) < ($1.audience.rawValue, $1.group, position($1), $1.item)
    }
  }

  /// A topic item with its options and no answers yet.
  private static func emptyTopic(_ question: Question, audience: Audience, group: String) -> TopicCell {
    var multiple = false
    if case .choice(_, let allowsMultiple) = question.kind { multiple = allowsMultiple }
    let options = question.answerOptions.map { TopicCell.Option(code: $0.code, label: $0.label, count: 0) }
    return TopicCell(
      audience: audience, group: group, item: question.id.rawValue,
      label: question.aliases.first ?? question.id.rawValue,
      text: question.text, allowsMultiple: multiple, options: options, respondents: 0)
  }

  /// The period's grade histograms per group, the year-earlier ones and the status counts, as the scan counts
  /// them for a request without breakdown.
  static func groupPass(_ db: Database, period: Period, previous: Period) throws
    -> (current: [GradeCell], previous: [GradeCell], statuses: [StatusCount])
  {
    let plan = ScoreScan.Plan(period: period, previous: previous, breakdown: nil, municipal: nil, aspects: false)
    let outcome = try ScoreScan().run(db, plans: [plan])[0]
    return (outcome.current, outcome.previous, outcome.statuses)
  }

  /// The period's grade histograms per audience, group and the asked breakdown (municipality, role, year, third),
  /// as the scan counts them.
  static func gradeCells(_ db: Database, period: Period, dimensions: Set<ScoreDimension>) throws -> [GradeCell] {
    let plan = ScoreScan.Plan(
      period: period, previous: period.yearEarlier, breakdown: dimensions, municipal: nil, aspects: false)
    return try ScoreScan().run(db, plans: [plan])[0].cells ?? []
  }

  /// Aspect answers of scored responses, counted per definition, item, value and overall grade (for the
  /// correlation of aspect and grade), rescaled to 1–10 with the scale of the definition each response was
  /// collected with. Missing codes are never counted. The counts come sorted by their keys, and the sums are
  /// added in that order, so the correlation does not depend on the order the rows were stored in.
  static func aspectCells(_ counts: [ScoreScan.AspectCount], _ definitions: [Int64: Questionnaire]) -> [AspectCell] {
    var cells: [String: AspectCell] = [:]
    for row in counts {
      guard let audienceText = row.audience, let audience = Audience(rawValue: audienceText),
        let questionnaire = definitions[row.snapshotId],
        questionnaire.scoreRule.aspects.contains(Question.ID(rawValue: row.item)),
        let question = questionnaire.question(Question.ID(rawValue: row.item)), case .scale(let scale) = question.kind,
        // A scale point in its stored text; anything else is not counted (reading the response refuses it).
        let text = row.value, let value = CanonicalSpelling.integer(text.utf8).map(Double.init), let group = row.group
      else { continue }
      let key = "\(audience.rawValue)/\(group)/\(row.item)"
      let score = AspectCell.rescale(value, minimum: Double(scale.minimum), maximum: Double(scale.maximum))
      var cell =
        cells[key]
        ?? AspectCell(
          audience: audience, group: group, item: row.item, label: question.aliases.first ?? row.item,
          distribution: .empty)
      cell.distribution.add(score, count: row.count)
      cell.withGrade.add(score, row.grade, count: row.count)
      cells[key] = cell
    }
    // In the order the newest definition of each group lists its aspects: newest snapshot first, so that the order
    // does not depend on a dictionary's (per-process) order, which let two aspects with the same mean change places;
    // per group, since groups share item ids at different places (keyed by the item alone, the order of one group
    // followed whichever group's definition was stored last).
    let order = Dictionary(
      definitions.sorted { $0.key > $1.key }.flatMap { _, questionnaire in
        questionnaire.scoreRule.aspects.enumerated().map {
          (Self.orderKey(questionnaire.audience.rawValue, questionnaire.group, $1.rawValue), $0)
        }
      },
      uniquingKeysWith: { first, _ in first })
    func position(_ cell: AspectCell) -> Int {
      order[Self.orderKey(cell.audience.rawValue, cell.group, cell.item)] ?? 0
    }
    return cells.values.sorted {
      ($0.audience.rawValue, $0.group, position($0), $0.item) < ($1.audience.rawValue, $1.group, position($1), $1.item)
    }
  }

  /// The key of an item of one group in the orders above.
  private static func orderKey(_ audience: String, _ group: String, _ item: String) -> String {
    "\(audience)/\(group)/\(item)"
  }
}

extension TevredenDatabase {
  /// Whether any response is stored (cheaper than counting a million rows).
  public func hasResponses() throws -> Bool {
    try writer.read { db in
      try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM response WHERE \(try Self.visibleResponses(in: db)))")
        ?? false
    }
  }

  /// The first and last day (Dutch local time) on which stored responses were collected, or `nil` when none are.
  public func collectedDays() throws -> ClosedRange<LocalDate>? {
    try writer.read { db in
      guard
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT MIN(collectedOn) AS first, MAX(collectedOn) AS last FROM response
            WHERE \(try Self.visibleResponses(in: db))
            """),
        let first = (row["first"] as String?).flatMap(LocalDate.init),
        let last = (row["last"] as String?).flatMap(LocalDate.init)
      else { return nil }
      return first...last
    }
  }

  /// Whether any response (of any status) was collected in the period.
  public func hasResponses(in period: Period) throws -> Bool {
    try writer.read { db in
      try Bool.fetchOne(
        db,
        sql: """
          SELECT EXISTS (SELECT 1 FROM response WHERE collectedOn BETWEEN ? AND ? AND \(try Self.visibleResponses(in: db)))
          """,
        arguments: [period.first.description, period.last.description]) ?? false
    }
  }
}

/// The ranges of row ids of a scan on two threads, handed out in order to whichever thread asks next.
final class ScanRanges: @unchecked Sendable {
  private let ranges: [ClosedRange<Int64>]
  // Guarded by `lock`.
  private var nextIndex = 0
  private let lock = NSLock()

  /// `ids` cut into `count` ranges of (nearly) equal width, fewer when it holds fewer ids.
  init(_ ids: ClosedRange<Int64>, count: Int) {
    let width = max(1, (ids.upperBound - ids.lowerBound) / Int64(max(1, count)) + 1)
    ranges = stride(from: ids.lowerBound, through: ids.upperBound, by: Int(width)).map {
      $0...min(ids.upperBound, $0 + width - 1)
    }
  }

  /// The next range no thread has read yet, or `nil` when none is left.
  func next() -> ClosedRange<Int64>? {
    lock.withLock {
      guard nextIndex < ranges.count else { return nil }
      defer { nextIndex += 1 }
      return ranges[nextIndex]
    }
  }

  /// Hands out no further range.
  func stop() {
    lock.withLock { nextIndex = ranges.count }
  }
}

/// What the helper thread of a scan on two threads (``TevredenDatabase/onTwoThreads(_:helper:_:)``) gave, handed
/// over from its thread.
private final class HalfResult<T: Sendable>: @unchecked Sendable {
  // Written once by the helper's thread before it signals, read once after the wait: the semaphore orders both.
  private var result: Result<T, any Error>?
  private let done = DispatchSemaphore(value: 0)

  func set(_ result: Result<T, any Error>) {
    self.result = result
    done.signal()
  }

  func wait() -> Result<T, any Error> {
    done.wait()
    return result ?? .failure(StoreError.corruptRow("the second half of a scan ended without a result"))
  }
}
