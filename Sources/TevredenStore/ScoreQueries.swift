import Foundation
import GRDB
import GRDBSQLite
import TevredenCore

extension TevredenDatabase {
  /// Items whose answer is a response's role in a breakdown by role: `rol` for residents, `functie` for chain
  /// partners.
  public static let roleItems = ["rol", "functie"]

  /// Counts what the scoring engine needs for one request: grade histograms per cell (counted by exact grade as
  /// the rows are read, so the result stays small however many responses there are), the same period a year earlier,
  /// status counts for response rates and, when asked, aspect scores.
  ///
  /// A response counts by the day it was completed in Dutch local time (`collectedOn`, materialised when stored).
  public func scoreData(for request: ScoreRequest) throws -> ScoreData {
    try writer.read { db in
      var groups: [GroupInfo] = []
      var seen = Set<String>()
      var definitions: [Int64: Questionnaire] = [:]
      let needsDefinitions = request.includesAspects || request.breakdownDimensions.contains(.role)
      for record in try SnapshotRecord.order(Column("id").desc).fetchAll(db) {
        guard let audience = Audience(rawValue: record.audience) else { continue }
        // The newest definition names the group.
        if seen.insert("\(audience.rawValue)/\(record.respondentGroup)").inserted {
          groups.append(GroupInfo(audience: audience, group: record.respondentGroup, label: record.groupLabel))
        }
        if needsDefinitions, let id = record.id {
          definitions[id] = try Self.snapshot(record).definition.questionnaire
        }
      }
      let dimensions = Set(request.breakdownDimensions)
      let pass = try Self.groupPass(db, period: request.period, previous: request.previousPeriod)
      let cells =
        dimensions.isEmpty ? pass.current : try Self.gradeCells(db, period: request.period, dimensions: dimensions)
      let previous = pass.previous
      let statusCounts = pass.statuses
      var roleLabels: [Audience: [String: String]] = [:]
      if dimensions.contains(.role) {
        // Oldest snapshot first, so that a label reworded in a later edition wins, the same in every run.
        for (_, questionnaire) in definitions.sorted(by: { $0.key < $1.key }) {
          for item in Self.roleItems {
            guard let question = questionnaire.question(Question.ID(rawValue: item)),
              case .choice(let choices, _) = question.kind
            else { continue }
            for choice in choices { roleLabels[questionnaire.audience, default: [:]][choice.code] = choice.label }
          }
        }
      }
      let aspects = request.includesAspects ? try Self.aspectCells(db, period: request.period, definitions) : []
      // Municipal figures are protected together with the year's earlier periods, so the engine needs the year
      // up to the period's end per third.
      var municipal: [GradeCell]?
      if dimensions.contains(.gemeente), request.burapPeriod != nil {
        let yearToDate = Period(
          from: LocalDate(year: request.period.first.year, month: 1, day: 1), to: request.period.last)
        municipal = try Self.gradeCells(db, period: yearToDate, dimensions: [.gemeente, .period])
      }
      return ScoreData(
        groups: groups, cells: cells, previousCells: previous, aspects: aspects, statusCounts: statusCounts,
        roleLabels: roleLabels, municipalCells: municipal)
    }
  }

  /// One pass over the responses of both periods: per audience, group, status and exact grade, how many fall in the
  /// period and how many in the year-earlier period. Gives the period's histograms per group, the year-earlier
  /// ones, and the status counts for response rates, for the price of one scan (three separate queries made
  /// `score` three times as slow as a plain `GROUP BY`). The rows are counted as they are read (see
  /// ``TextInterner``): a `GROUP BY` had SQLite sort them all first, 98% of the time `score` took.
  static func groupPass(_ db: Database, period: Period, previous: Period) throws
    -> (current: [GradeCell], previous: [GradeCell], statuses: [StatusCount])
  {
    let statement = try db.makeStatement(
      sql: """
        SELECT audience, respondentGroup, status, grade,
          collectedOn BETWEEN ?1 AND ?2, collectedOn BETWEEN ?3 AND ?4
        FROM response
        WHERE (collectedOn BETWEEN ?1 AND ?2 OR collectedOn BETWEEN ?3 AND ?4) AND \(visibleResponses())
        """)
    statement.arguments = [
      period.first.description, period.last.description, previous.first.description, previous.last.description,
    ]
    struct Tally {
      var inPeriod = 0
      var current = GradeTally()
      var earlier = GradeTally()
    }
    var audiences = TextInterner()
    var groupNames = TextInterner()
    var statusNames = TextInterner()
    var index: [ScanKey: Int] = [:]
    var tallies: [Tally] = []
    var keys: [ScanKey] = []
    try statement.forEachRow { row in
      let key = ScanKey(a: audiences.id(row, 0), b: groupNames.id(row, 1), c: statusNames.id(row, 2))
      let cell: Int
      if let known = index[key] {
        cell = known
      } else {
        cell = tallies.count
        index[key] = cell
        tallies.append(Tally())
        keys.append(key)
      }
      let inPeriod = sqlite3_column_int64(row, 4) != 0
      let inPrevious = sqlite3_column_int64(row, 5) != 0
      if inPeriod { tallies[cell].inPeriod += 1 }
      guard sqlite3_column_type(row, 3) != SQLITE_NULL else { return }
      let grade = sqlite3_column_double(row, 3)
      if inPeriod { tallies[cell].current.add(grade) }
      if inPrevious { tallies[cell].earlier.add(grade) }
    }
    var current: [CellKey: GradeDistribution] = [:]
    var earlier: [CellKey: GradeDistribution] = [:]
    var statuses: [CellKey: [Response.Status: Int]] = [:]
    for (key, tally) in zip(keys, tallies) {
      guard let audience = audiences.values[key.a].flatMap(Audience.init(rawValue:)),
        let status = statusNames.values[key.c].flatMap(Response.Status.init(rawValue:)),
        let group = groupNames.values[key.b]
      else { continue }
      let cell = CellKey(audience: audience, group: group)
      if tally.inPeriod > 0 { statuses[cell, default: [:]][status, default: 0] += tally.inPeriod }
      guard status == .completed else { continue }
      if !tally.current.isEmpty { tally.current.add(to: &current[cell, default: .empty]) }
      if !tally.earlier.isEmpty { tally.earlier.add(to: &earlier[cell, default: .empty]) }
    }
    func cells(_ map: [CellKey: GradeDistribution]) -> [GradeCell] {
      map.map { GradeCell(audience: $0.key.audience, group: $0.key.group, distribution: $0.value) }
        .sorted { ($0.audience.rawValue, $0.group) < ($1.audience.rawValue, $1.group) }
    }
    let counts = statuses.flatMap { key, perStatus in
      perStatus.map { StatusCount(audience: key.audience, group: key.group, status: $0.key, count: $0.value) }
    }.sorted {
      ($0.audience.rawValue, $0.group, $0.status.rawValue) < ($1.audience.rawValue, $1.group, $1.status.rawValue)
    }
    return (cells(current), cells(earlier), counts)
  }

  /// The period's grade histograms per audience, group and the asked breakdown (municipality, role, year, third),
  /// counted as the rows are read, like ``groupPass(_:period:previous:)``.
  static func gradeCells(_ db: Database, period: Period, dimensions: Set<ScoreDimension>) throws -> [GradeCell] {
    var columns = ["r.audience", "r.respondentGroup"]
    var join = ""
    let byGemeente = dimensions.contains(.gemeente)
    let byRole = dimensions.contains(.role)
    let byYear = dimensions.contains(.year) || dimensions.contains(.period)
    let byThird = dimensions.contains(.period)
    if byGemeente { columns.append("r.gemeente") }
    if byRole {
      columns.append("role.value")
      let items = roleItems.map { "'\($0)'" }.joined(separator: ", ")
      join = "LEFT JOIN json_each(r.answers) role ON role.key IN (\(items))"
    }
    if byYear { columns.append("CAST(substr(r.collectedOn, 1, 4) AS INTEGER)") }
    if byThird { columns.append("(CAST(substr(r.collectedOn, 6, 2) AS INTEGER) + 3) / 4") }
    let gradeColumn = Int32(columns.count)
    let statement = try db.makeStatement(
      sql: """
        SELECT \(columns.joined(separator: ", ")), r.grade FROM response r \(join)
        WHERE r.status = 'completed' AND r.grade IS NOT NULL AND r.collectedOn BETWEEN ? AND ?
          AND \(visibleResponses("r"))
        """)
    statement.arguments = [period.first.description, period.last.description]
    var audiences = TextInterner()
    var groupNames = TextInterner()
    var gemeenten = TextInterner()
    var roles = TextInterner()
    var index: [ScanKey: Int] = [:]
    var tallies: [GradeTally] = []
    var keys: [ScanKey] = []
    try statement.forEachRow { row in
      var key = ScanKey(a: audiences.id(row, 0), b: groupNames.id(row, 1))
      var column: Int32 = 2
      if byGemeente {
        key.c = gemeenten.id(row, column)
        column += 1
      }
      if byRole {
        key.d = roles.id(row, column)
        column += 1
      }
      if byYear {
        key.e = columnInt(row, column)
        column += 1
      }
      if byThird { key.f = columnInt(row, column) }
      guard sqlite3_column_type(row, gradeColumn) != SQLITE_NULL else { return }
      let grade = sqlite3_column_double(row, gradeColumn)
      if let known = index[key] {
        tallies[known].add(grade)
      } else {
        index[key] = tallies.count
        var tally = GradeTally()
        tally.add(grade)
        tallies.append(tally)
        keys.append(key)
      }
    }
    var cells: [CellKey: GradeDistribution] = [:]
    for (scan, tally) in zip(keys, tallies) {
      guard let audience = audiences.values[scan.a].flatMap(Audience.init(rawValue:)),
        let group = groupNames.values[scan.b]
      else { continue }
      var key = CellKey(audience: audience, group: group)
      if byGemeente { key.gemeente = gemeenten.values[scan.c] }
      if byRole { key.role = roles.values[scan.d] }
      key.year = scan.e
      key.third = scan.f
      tally.add(to: &cells[key, default: .empty])
    }
    return cells.map { key, distribution in
      GradeCell(
        audience: key.audience, group: key.group, gemeente: key.gemeente, role: key.role, year: key.year,
        third: key.third, distribution: distribution)
    }.sorted { ($0.audience.rawValue, $0.group) < ($1.audience.rawValue, $1.group) }
  }

  /// Aspect answers of scored responses, counted per definition, item, value and overall grade (for the
  /// correlation of aspect and grade), then rescaled to 1–10 with the
  /// scale of the definition each response was collected with. Missing codes are never counted.
  static func aspectCells(_ db: Database, period: Period, _ definitions: [Int64: Questionnaire]) throws
    -> [AspectCell]
  {
    let items = Set(definitions.values.flatMap { $0.scoreRule.aspects.map(\.rawValue) })
    guard !items.isEmpty else { return [] }
    let placeholders = items.map { _ in "?" }.joined(separator: ", ")
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT r.audience, r.respondentGroup, r.snapshotId, a.key AS item, a.value, r.grade, COUNT(*) AS n
        FROM response r, json_each(r.answers) a
        WHERE r.status = 'completed' AND r.grade IS NOT NULL AND r.collectedOn BETWEEN ? AND ?
          AND \(visibleResponses("r")) AND a.key IN (\(placeholders))
        GROUP BY r.audience, r.respondentGroup, r.snapshotId, a.key, a.value, r.grade
        """,
      arguments: StatementArguments([period.first.description, period.last.description] + items.sorted()))
    var cells: [String: AspectCell] = [:]
    for row in rows {
      let snapshotId: Int64 = row["snapshotId"]
      let item: String = row["item"]
      guard let audience = Audience(rawValue: row["audience"]), let questionnaire = definitions[snapshotId],
        questionnaire.scoreRule.aspects.contains(Question.ID(rawValue: item)),
        let question = questionnaire.question(Question.ID(rawValue: item)), case .scale(let scale) = question.kind,
        let text: String = row["value"], let value = Double(text)
      else { continue }
      let group: String = row["respondentGroup"]
      let key = "\(audience.rawValue)/\(group)/\(item)"
      let score = AspectCell.rescale(value, minimum: Double(scale.minimum), maximum: Double(scale.maximum))
      var cell =
        cells[key]
        ?? AspectCell(
          audience: audience, group: group, item: item, label: question.aliases.first ?? item, distribution: .empty)
      cell.distribution.add(score, count: row["n"])
      if let grade: Double = row["grade"] { cell.withGrade.add(score, grade, count: row["n"]) }
      cells[key] = cell
    }
    // In the order the newest definition lists its aspects: newest snapshot first, so that the order does not
    // depend on a dictionary's (per-process) order, which let two aspects with the same mean change places.
    let order = Dictionary(
      definitions.sorted { $0.key > $1.key }.flatMap {
        $0.value.scoreRule.aspects.enumerated().map { ($1.rawValue, $0) }
      },
      uniquingKeysWith: { first, _ in first })
    return cells.values.sorted {
      ($0.audience.rawValue, $0.group, order[$0.item] ?? 0, $0.item) < (
        $1.audience.rawValue, $1.group, order[$1.item] ?? 0, $1.item
      )
    }
  }
}

private struct CellKey: Hashable {
  var audience: Audience
  var group: String
  var gemeente: String?
  var role: String?
  var year: Int?
  var third: Int?
}

extension TevredenDatabase {
  /// Whether any response is stored (cheaper than counting a million rows).
  public func hasResponses() throws -> Bool {
    try writer.read { db in
      try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM response WHERE \(Self.visibleResponses()))") ?? false
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
            WHERE \(Self.visibleResponses())
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
          SELECT EXISTS (SELECT 1 FROM response WHERE collectedOn BETWEEN ? AND ? AND \(Self.visibleResponses()))
          """,
        arguments: [period.first.description, period.last.description]) ?? false
    }
  }
}
