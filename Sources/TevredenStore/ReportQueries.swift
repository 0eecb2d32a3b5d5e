import Foundation
import GRDB
import TevredenCore

/// How many scored responses of one audience in a period came in one way.
public struct DataBasisCount: Hashable, Sendable {
  /// How the response was collected: an interview mode, or `online`.
  public var mode: Response.Mode
  /// The layout of the import it came with (`qualtrics`, `tevreden-csv`, …); `nil` for interviews taken here.
  public var importFormat: String?
  public var audience: Audience
  public var count: Int
}

/// An answer to an open question, already masked when it was stored.
public struct StoredRemark: Hashable, Sendable {
  public var audience: Audience
  public var groupLabel: String
  /// The question's text in the definition the response was collected with.
  public var question: String
  public var text: String
}

extension TevredenDatabase {
  /// The responses that count in a period (completed, with a grade), per audience, mode and import layout: the
  /// data basis a report states.
  public func dataBasis(in period: Period) throws -> [DataBasisCount] {
    try writer.read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT r.mode, b.format, r.audience, COUNT(*) AS n
          FROM responseRow r LEFT JOIN importBatch b ON b.id = r.importBatchId
          WHERE r.status = 'completed' AND r.grade IS NOT NULL AND r.collectedOn BETWEEN ? AND ?
            AND \(try Self.visibleResponses("r", in: db))
          GROUP BY r.mode, b.format, r.audience
          ORDER BY r.audience, r.mode, b.format
          """, arguments: [period.first.description, period.last.description])
      return try rows.map { row in
        let modeText: String = row["mode"]
        let audienceText: String = row["audience"]
        guard let mode = Response.Mode(rawValue: modeText), let audience = Audience(rawValue: audienceText) else {
          throw StoreError.corruptRow("response with mode '\(modeText)' and audience '\(audienceText)'")
        }
        return DataBasisCount(mode: mode, importFormat: row["format"], audience: audience, count: row["n"])
      }
    }
  }

  /// The first day any response counts on, or `nil` without scored responses: where a trend starts. A report
  /// has it from its scan (``reportCounts(for:trend:)``); this reads the whole table.
  public func firstScoredDay() throws -> LocalDate? {
    try writer.read { db in try Self.firstScoredDay(db) }
  }

  static func firstScoredDay(_ db: Database) throws -> LocalDate? {
    try String.fetchOne(
      db,
      sql: """
        SELECT MIN(collectedOn) FROM response
        WHERE status = 'completed' AND grade IS NOT NULL AND \(try Self.visibleResponses(in: db))
        """
    ).flatMap(LocalDate.init)
  }

  /// The answers to open questions of the responses that count in a period that a person has reviewed and
  /// accepted, per audience and group, in the order of the questions; for internal use only (a report shows them
  /// only when asked, never per municipality).
  public func remarks(in period: Period) throws -> [StoredRemark] {
    try writer.read { db in
      var openItems: [Int64: [Question.ID: (text: String, position: Int)]] = [:]
      var groupLabels: [Int64: String] = [:]
      let records = try SnapshotRecord.fetchAll(db)
      for (record, snapshot) in zip(records, try Self.snapshots(records)) {
        guard let id = record.id else { continue }
        let questionnaire = snapshot.definition.questionnaire
        groupLabels[id] = record.groupLabel
        for (position, question) in questionnaire.questions.enumerated() {
          if case .text = question.kind { openItems[id, default: [:]][question.id] = (question.text, position) }
        }
      }
      let items = Set(openItems.values.flatMap { $0.keys.map(\.rawValue) })
      guard !items.isEmpty else { return [] }
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT r.audience, r.snapshotId, i.name AS item, a.value, v.decision, v.textSha256
          FROM responseRow r JOIN json_each(r.answers) a JOIN item i ON i.id = CAST(a.key AS INTEGER)
          LEFT JOIN remarkReview v ON v.responseId = r.id AND v.item = i.name
          WHERE r.status = 'completed' AND r.grade IS NOT NULL AND r.collectedOn BETWEEN ? AND ?
            AND \(try Self.visibleResponses("r", in: db)) AND a.value <> ''
            AND i.name IN (\(items.map { _ in "?" }.joined(separator: ", ")))
          ORDER BY r.collectedOn, r.id
          """,
        arguments: StatementArguments([period.first.description, period.last.description] + items.sorted()))
      var remarks: [(StoredRemark, position: Int)] = []
      for row in rows {
        let snapshotId: Int64 = row["snapshotId"]
        let item = Question.ID(rawValue: row["item"])
        guard let audience = Audience(rawValue: row["audience"]), let question = openItems[snapshotId]?[item],
          let text: String = row["value"], !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else { continue }
        // Only what a person has read and accepted as it stands now (`tevreden remarks review`).
        guard (row["decision"] as String?) == "accepted",
          (row["textSha256"] as String?) == SHA256.hex(of: Data(text.utf8))
        else { continue }
        remarks.append(
          (
            StoredRemark(
              audience: audience, groupLabel: groupLabels[snapshotId] ?? "", question: question.text, text: text),
            question.position
          ))
      }
      // Grouped by audience, group and question; within a question in the order they came in.
      return remarks.enumerated().sorted { lhs, rhs in
        let (a, b) = (lhs.element, rhs.element)
        return (a.0.audience.rawValue, a.0.groupLabel, a.position, lhs.offset) < (
          b.0.audience.rawValue, b.0.groupLabel, b.position, rhs.offset
        )
      }.map(\.element.0)
    }
  }
}
