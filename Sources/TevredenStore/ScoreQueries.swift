import Foundation
import GRDB
import TevredenCore

extension TevredenDatabase {
  /// Items whose answer is a response's role in a breakdown by role: `rol` for residents, `functie` for chain
  /// partners.
  public static let roleItems = ["rol", "functie"]

  /// Counts what the scoring engine needs for one request: grade histograms per cell (SQL `GROUP BY` with the
  /// exact grade, so the result stays small however many responses there are), the same period a year earlier,
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
        for questionnaire in definitions.values {
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
  /// `score` three times as slow as a plain `GROUP BY`).
  static func groupPass(_ db: Database, period: Period, previous: Period) throws
    -> (current: [GradeCell], previous: [GradeCell], statuses: [StatusCount])
  {
    let arguments: StatementArguments = [
      period.first.description, period.last.description, previous.first.description, previous.last.description,
    ]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT audience, respondentGroup, status, grade,
          SUM(collectedOn BETWEEN ?1 AND ?2) AS current, SUM(collectedOn BETWEEN ?3 AND ?4) AS previous
        FROM response
        WHERE (collectedOn BETWEEN ?1 AND ?2 OR collectedOn BETWEEN ?3 AND ?4) AND \(visibleResponses())
        GROUP BY audience, respondentGroup, status, grade
        """, arguments: arguments)
    var current: [CellKey: GradeDistribution] = [:]
    var earlier: [CellKey: GradeDistribution] = [:]
    var statuses: [CellKey: [Response.Status: Int]] = [:]
    while let row = try rows.next() {
      guard let audience = Audience(rawValue: row[0]), let status = Response.Status(rawValue: row[2]) else {
        continue
      }
      let key = CellKey(audience: audience, group: row[1])
      let inPeriod: Int = row[4]
      let inPrevious: Int = row[5]
      if inPeriod > 0 { statuses[key, default: [:]][status, default: 0] += inPeriod }
      guard status == .completed, let grade: Double = row[3] else { continue }
      if inPeriod > 0 { current[key, default: .empty].add(grade, count: inPeriod) }
      if inPrevious > 0 { earlier[key, default: .empty].add(grade, count: inPrevious) }
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

  static func gradeCells(_ db: Database, period: Period, dimensions: Set<ScoreDimension>) throws -> [GradeCell] {
    var columns = ["r.audience", "r.respondentGroup"]
    var join = ""
    if dimensions.contains(.gemeente) { columns.append("r.gemeente") }
    if dimensions.contains(.role) {
      columns.append("role.value")
      let items = roleItems.map { "'\($0)'" }.joined(separator: ", ")
      join = "LEFT JOIN json_each(r.answers) role ON role.key IN (\(items))"
    }
    if dimensions.contains(.year) || dimensions.contains(.period) {
      columns.append("CAST(substr(r.collectedOn, 1, 4) AS INTEGER)")
    }
    if dimensions.contains(.period) {
      columns.append("(CAST(substr(r.collectedOn, 6, 2) AS INTEGER) + 3) / 4")
    }
    let keys = columns.joined(separator: ", ")
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT \(keys), r.grade, COUNT(*) FROM response r \(join)
        WHERE r.status = 'completed' AND r.grade IS NOT NULL AND r.collectedOn BETWEEN ? AND ?
          AND \(visibleResponses("r"))
        GROUP BY \(keys), r.grade
        """, arguments: [period.first.description, period.last.description])
    var cells: [CellKey: GradeDistribution] = [:]
    while let row = try rows.next() {
      var index = 0
      func next<Value: DatabaseValueConvertible>() -> Value? {
        defer { index += 1 }
        return row[index]
      }
      guard let audienceText: String = next(), let audience = Audience(rawValue: audienceText),
        let group: String = next()
      else { continue }
      var key = CellKey(audience: audience, group: group)
      if dimensions.contains(.gemeente) { key.gemeente = next() }
      if dimensions.contains(.role) { key.role = next() }
      if dimensions.contains(.year) || dimensions.contains(.period) { key.year = next() }
      if dimensions.contains(.period) { key.third = next() }
      guard let grade: Double = next(), let count: Int = next() else { continue }
      cells[key, default: .empty].add(grade, count: count)
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
    // In the order the newest definition of each group lists its aspects.
    let order = Dictionary(
      definitions.values.flatMap { $0.scoreRule.aspects.enumerated().map { ($1.rawValue, $0) } },
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
