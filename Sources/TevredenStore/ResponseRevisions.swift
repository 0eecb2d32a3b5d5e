import Foundation
import GRDB
import TevredenCore

/// A response stored as partial and brought further by a later import (completed, refused, or given more
/// answers) is updated in place rather than reported as a conflict. Each such update is a row of
/// `responseRevision`, so that it can be seen and taken back:
///
/// - While its import runs, the update waits there, with the new answers: the response row is not touched, so that
///   nothing of a running import is visible (see ``TevredenDatabase/visibleResponses(_:)``). The import's last
///   step applies every waiting update together with marking its batches committed (``applyRevisions(ofBatches:in:)``),
///   and clears the copied answers and the time of completion, so that no answer is kept twice. An import that
///   fails or is interrupted drops its waiting updates (``dropRevisions(ofBatches:in:)``).
/// - Afterwards the row keeps what the response was before: the definition it pointed at, its gemeente, status,
///   completion time, day and grade, and which items the update added. Never an answer's value: every answer it
///   had is still in the response (an update may only add answers), so undoing the import removes the added items
///   and puts the rest back (``restoreRevisions(ofBatch:in:)``), exactly as it was.
///
/// A batch cannot be undone while a later batch has updated a response it stored or updated: that would take the
/// later update away as well (``StoreError/batchUpdatedLater(_:by:)``).
extension TevredenDatabase {
  /// Records an update waiting for the end of its import: `stored` as it is now (row or earlier waiting update),
  /// `new` what it becomes.
  static func recordRevision(
    of rowId: Int64, batch: Int64, stored: ResponseRecord, storedAnswers: ParsedAnswers, new: ResponseRecord,
    newAnswers: StoredAnswers, parsedNewAnswers: ParsedAnswers, codes: ItemCodes, in db: Database
  ) throws {
    // Item ids, not their numbers, as the column has held them since schema v10.
    func added(_ before: [String: String], _ after: [String: String]) -> String {
      let items = after.keys.filter { before[$0] == nil }.map { codes.item(forKey: $0) ?? $0 }.sorted()
      guard let data = try? JSONSerialization.data(withJSONObject: items),
        let text = String(data: data, encoding: .utf8)
      else { return "[]" }
      return text
    }
    try db.execute(
      sql: """
        INSERT INTO responseRevision (responseId, importBatchId, previousSnapshotId, previousGemeente, previousStatus,
          previousCompletedAt, previousCollectedOn, previousGrade, addedAnswers, addedMissing, newSnapshotId,
          newGemeente, newStatus, newCompletedAt, newCollectedOn, newGrade, newAnswers, newMissing)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        rowId, batch, stored.snapshotId, stored.gemeente, stored.status, stored.completedAt, stored.collectedOn,
        stored.grade, added(storedAnswers.values, parsedNewAnswers.values),
        added(storedAnswers.missing, parsedNewAnswers.missing), new.snapshotId, new.gemeente ?? stored.gemeente,
        new.status, new.completedAt, new.collectedOn, new.grade, newAnswers.values, newAnswers.missing,
      ])
  }

  /// A stored response as an import compares with it: its row, or, when the running import has updated it
  /// already (``recordRevision(of:batch:stored:storedAnswers:new:newAnswers:parsedNewAnswers:in:)``), what the
  /// last of those updates makes it. `nil` when there is no such row.
  static func storedVersion(
    ofRow rowId: Int64, updatedByThisRun: Bool, in db: Database, cache: inout [Int64: Questionnaire],
    codes: ItemCodes
  ) throws -> (record: ResponseRecord, response: Response)? {
    let sql =
      updatedByThisRun
      ? """
      SELECT r.id, r.responseKey, r.keyHash, v.newSnapshotId AS snapshotId, v.newGemeente AS gemeente, r.mode,
        r.interviewer,
        r.startedAt, v.newCompletedAt AS completedAt, v.newCollectedOn AS collectedOn, v.newStatus AS status,
        v.newGrade AS grade, r.importBatchId, v.newAnswers AS answers, v.newMissing AS missing, r.language,
        r.interpreter
      FROM response r JOIN responseRevision v ON v.responseId = r.id
      WHERE r.id = ? AND v.newAnswers IS NOT NULL ORDER BY v.id DESC LIMIT 1
      """
      : "SELECT * FROM response WHERE id = ?"
    guard let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [rowId]) else { return nil }
    let record = try ResponseRecord(row: row)
    return (
      record,
      try response(record, row: row, questionnaire: definition(of: record, in: db, cache: &cache), codes: codes)
    )
  }

  /// Whether the response is an interview's (taken at a terminal, or merged from a station): those are completed
  /// by their interview or by a merge, never by an import.
  static func isInterview(_ rowId: Int64, in db: Database) throws -> Bool {
    try Bool.fetchOne(
      db.cachedStatement(sql: "SELECT 1 FROM interview WHERE responseId = ?"), arguments: [rowId]) != nil
  }

  /// Applies the updates the batches' import recorded, the last one per response, in the transaction that marks
  /// the batches committed, and logs them per batch. The copied answers and times of completion are cleared.
  static func applyRevisions(ofBatches ids: [Int64], in db: Database, at date: Date = Date()) throws {
    guard !ids.isEmpty else { return }
    let list = ids.map(String.init).joined(separator: ", ")
    try db.execute(
      sql: """
        UPDATE response SET (snapshotId, gemeente, status, completedAt, collectedOn, grade, answers, missing) = (
          SELECT newSnapshotId, newGemeente, newStatus, newCompletedAt, newCollectedOn, newGrade, newAnswers, newMissing
          FROM responseRevision v WHERE v.responseId = response.id AND v.newAnswers IS NOT NULL
          ORDER BY v.id DESC LIMIT 1)
        WHERE id IN (SELECT responseId FROM responseRevision WHERE importBatchId IN (\(list)) AND newAnswers IS NOT NULL);
        UPDATE responseRevision SET newAnswers = NULL, newMissing = NULL, newCompletedAt = NULL
        WHERE importBatchId IN (\(list)) AND newAnswers IS NOT NULL;
        """)
    for batch in try Row.fetchAll(
      db,
      sql: "SELECT id, source, updatedCount FROM importBatch WHERE id IN (\(list)) AND updatedCount > 0 ORDER BY id")
    {
      let id: Int64 = batch["id"]
      let count: Int = batch["updatedCount"]
      try log(
        "import-update",
        "batch \(id) (\(batch["source"] as String)): \(count) response\(count == 1 ? "" : "s") stored as partial "
          + "before brought further by this import (completed, refused or given more answers) and updated in place; "
          + "'tevreden import --undo \(id)' sets \(count == 1 ? "it" : "them") back", at: date, in: db)
    }
  }

  /// Drops the updates that the batches' import recorded and never applied (an import that failed or was
  /// interrupted).
  static func dropRevisions(ofBatches ids: [Int64], in db: Database) throws {
    guard !ids.isEmpty else { return }
    try db.execute(
      sql: "DELETE FROM responseRevision WHERE importBatchId IN (\(ids.map(String.init).joined(separator: ", ")))")
  }

  /// The batches, other than this one, that updated a response this batch stored, or a response after this batch
  /// updated it: undoing this batch first would take their updates away too. Throws
  /// ``StoreError/importRunning(processId:source:)`` when one of them is an import still running.
  static func batchesUpdatingLater(than id: Int64, in db: Database) throws -> [Int64] {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT b.id, b.state, b.processId, b.source FROM importBatch b WHERE b.id <> ?1 AND b.id IN (
          SELECT v.importBatchId FROM responseRevision v JOIN response r ON r.id = v.responseId
          WHERE r.importBatchId = ?1
          UNION
          SELECT later.importBatchId FROM responseRevision mine
          JOIN responseRevision later ON later.responseId = mine.responseId AND later.id > mine.id
          WHERE mine.importBatchId = ?1)
        ORDER BY b.id
        """, arguments: [id])
    if let running = rows.first(where: { ($0["state"] as String) == ImportBatchRecord.running }) {
      throw StoreError.importRunning(processId: running["processId"] ?? 0, source: running["source"])
    }
    return rows.map { $0["id"] }
  }

  /// Puts the responses a batch updated back as they were before it, last update first, and removes its
  /// revisions. Every answer the response had before is still in it (an update only adds answers), so removing
  /// the items the update added restores its answers; a reviewer's masking of those it kept stays.
  ///
  /// - Returns: How many responses were set back.
  static func restoreRevisions(ofBatch id: Int64, in db: Database) throws -> Int {
    let revisions = try Row.fetchAll(
      db, sql: "SELECT * FROM responseRevision WHERE importBatchId = ? ORDER BY id DESC", arguments: [id])
    for revision in revisions {
      let responseId: Int64 = revision["responseId"]
      let answers = try addedItems(revision["addedAnswers"], of: responseId)
      let missing = try addedItems(revision["addedMissing"], of: responseId)
      func removing(_ column: String, _ items: [String]) -> String {
        items.isEmpty ? column : "json_remove(\(column), \(items.map { _ in "?" }.joined(separator: ", ")))"
      }
      let values: [(any DatabaseValueConvertible)?] = [
        revision["previousSnapshotId"] as Int64, revision["previousGemeente"] as String?,
        revision["previousStatus"] as String, revision["previousCompletedAt"] as String?,
        revision["previousCollectedOn"] as String, revision["previousGrade"] as Double?,
      ]
      let paths: [(any DatabaseValueConvertible)?] = try (answers + missing).map { item in
        guard let path = try ItemCodes.path(Question.ID(rawValue: item), in: db) else {
          throw StoreError.corruptRow("the update of response row \(responseId): item '\(item)' has no number")
        }
        return path
      }
      try db.execute(
        sql: """
          UPDATE response SET snapshotId = ?, gemeente = ?, status = ?, completedAt = ?, collectedOn = ?, grade = ?,
            answers = \(removing("answers", answers)), missing = \(removing("missing", missing))
          WHERE id = ?
          """, arguments: StatementArguments(values + paths + [responseId]))
    }
    try db.execute(sql: "DELETE FROM responseRevision WHERE importBatchId = ?", arguments: [id])
    return revisions.count
  }

  private static func addedItems(_ text: String, of responseId: Int64) throws -> [String] {
    guard let items = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String] else {
      throw StoreError.corruptRow("the update of response row \(responseId): its added items are not a JSON list")
    }
    return items
  }

  /// The SQL condition that keeps a definition an update still needs: one a response pointed at before an update,
  /// or points at since.
  static let snapshotNotInRevisions = """
    NOT EXISTS (SELECT 1 FROM responseRevision
                WHERE previousSnapshotId = questionnaireSnapshot.id OR newSnapshotId = questionnaireSnapshot.id)
    """
}

/// A response's answers read back from their two JSON objects: item → canonical value text, item → missing code.
struct ParsedAnswers: Equatable {
  var values: [String: String]
  var missing: [String: String]

  var count: Int { values.count + missing.count }

  /// `nil` when either object is not a JSON object of texts.
  init?(_ answers: StoredAnswers) {
    func object(_ text: String) -> [String: String]? {
      if text == "{}" { return [:] }
      return JSONStringObjectReader.dictionary(text)
    }
    guard let values = object(answers.values), let missing = object(answers.missing) else { return nil }
    self.values = values
    self.missing = missing
  }

  /// Whether every answer and missing code here is in `other` with the same text.
  func isContained(in other: ParsedAnswers) -> Bool {
    values.allSatisfy { other.values[$0.key] == $0.value } && missing.allSatisfy { other.missing[$0.key] == $0.value }
  }
}
