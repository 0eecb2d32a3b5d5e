import Foundation
import GRDB
import TevredenCore

/// One recorded import (or merge): which file, when, what became of its rows, and whether it was taken back.
public struct ImportBatchSummary: Hashable, Sendable {
  public var id: Int64
  /// The file's name (never its path or contents).
  public var source: String
  public var sha256: String
  /// The layout it was read as, such as `tevreden-csv` or `google-forms`.
  public var format: String
  public var importedAt: Date?
  public var insertedCount: Int
  public var duplicateCount: Int
  public var rejectedCount: Int
  /// Responses stored as partial before that the batch brought further (completed them, mostly): updated in place,
  /// counted in none of the three counts above.
  public var updatedCount: Int
  /// When the batch was undone; `nil` while its responses are stored.
  public var undoneAt: Date?
  /// How many of its responses are stored now.
  public var storedCount: Int
}

/// What undoing a batch removed.
public struct UndoneBatch: Hashable, Sendable {
  public var batch: ImportBatchSummary
  public var removedResponses: Int
  public var removedSnapshots: Int
  /// Responses the batch had updated (partial responses it completed), set back to what they were before it.
  public var restoredResponses = 0
}

/// One entry of the change log: a change to the data other than adding responses.
public struct ChangeLogEntry: Hashable, Sendable {
  public var at: Date?
  public var action: String
  public var detail: String
}

extension TevredenDatabase {
  /// Import batches, oldest first; an import still running is not listed until it has finished.
  public func importBatches() throws -> [ImportBatchSummary] {
    try writer.read { db in
      let stored = try Dictionary(
        uniqueKeysWithValues: Row.fetchAll(
          db,
          sql:
            "SELECT importBatchId, COUNT(*) AS n FROM response WHERE importBatchId IS NOT NULL GROUP BY importBatchId"
        ).map { ($0["importBatchId"] as Int64, $0["n"] as Int) })
      return try ImportBatchRecord.filter(Column("state") == ImportBatchRecord.committed).order(Column("id"))
        .fetchAll(db).map { Self.summary($0, stored: stored) }
    }
  }

  private static func summary(_ record: ImportBatchRecord, stored: [Int64: Int]) -> ImportBatchSummary {
    ImportBatchSummary(
      id: record.id ?? 0, source: record.source, sha256: record.sha256, format: record.format,
      importedAt: Timestamp.parse(record.importedAt), insertedCount: record.insertedCount,
      duplicateCount: record.duplicateCount, rejectedCount: record.rejectedCount, updatedCount: record.updatedCount,
      undoneAt: record.undoneAt.flatMap(Timestamp.parse), storedCount: stored[record.id ?? 0] ?? 0)
  }

  /// Takes an import batch back in one transaction: puts the responses it updated (partial responses it brought
  /// further, see ``ImportDisposition/updated``) back as they were before it, removes the responses it stored
  /// (with their interview rows and events, for a merged station) and the definitions that only they used, marks
  /// the batch undone and logs the change. Responses that the batch found already stored belong to the batch that
  /// stored them and stay.
  ///
  /// - Throws: ``StoreError/noSuchBatch(_:)``, ``StoreError/batchAlreadyUndone(_:at:)``, and
  ///   ``StoreError/batchUpdatedLater(_:by:)`` while a later batch has updated a response this one stored or
  ///   updated: undoing this one first would take that update away too, so the later batch is undone first.
  public func undoImportBatch(_ id: Int64, at now: Date = Date()) throws -> UndoneBatch {
    try writer.write { db in
      guard var record = try ImportBatchRecord.fetchOne(db, key: id), record.state == ImportBatchRecord.committed
      else { throw StoreError.noSuchBatch(id) }
      if let undone = record.undoneAt { throw StoreError.batchAlreadyUndone(id, at: undone) }
      let later = try Self.batchesUpdatingLater(than: id, in: db)
      guard later.isEmpty else { throw StoreError.batchUpdatedLater(id, by: later) }
      let restoredResponses = try Self.restoreRevisions(ofBatch: id, in: db)
      try db.execute(sql: "DELETE FROM response WHERE importBatchId = ?", arguments: [id])
      let removedResponses = db.changesCount
      // Definitions first stored by this batch (or later) that no response uses any more, nor an update keeps for
      // its undo; an older definition without responses was there before the batch and stays.
      try db.execute(
        sql: """
          DELETE FROM questionnaireSnapshot
          WHERE storedAt >= ? AND NOT EXISTS (SELECT 1 FROM response WHERE snapshotId = questionnaireSnapshot.id)
            AND \(Self.snapshotNotInRevisions)
          """, arguments: [record.importedAt])
      let removedSnapshots = db.changesCount
      let summary = Self.summary(record, stored: [:])
      record.undoneAt = Timestamp.format(now)
      try record.update(db)
      try Self.log(
        "undo-import",
        "batch \(id) (\(record.source), \(record.format), imported \(record.importedAt)): "
          + "\(removedResponses) responses and \(removedSnapshots) definitions removed"
          + (restoredResponses == 0
            ? "" : ", \(restoredResponses) responses it had updated set back to what they were before it"),
        at: now, in: db)
      var undone = summary
      undone.undoneAt = Timestamp.parse(record.undoneAt ?? "")
      return UndoneBatch(
        batch: undone, removedResponses: removedResponses, removedSnapshots: removedSnapshots,
        restoredResponses: restoredResponses)
    }
  }

  /// Adds an entry to the change log, inside the transaction that made the change.
  static func log(_ action: String, _ detail: String, at date: Date = Date(), in db: Database) throws {
    try db.execute(
      sql: "INSERT INTO changeLog (at, action, detail) VALUES (?, ?, ?)",
      arguments: [Timestamp.format(date), action, detail])
  }

  /// The change log, oldest first.
  public func changeLog() throws -> [ChangeLogEntry] {
    try writer.read { db in
      try Row.fetchAll(db, sql: "SELECT at, action, detail FROM changeLog ORDER BY id").map {
        ChangeLogEntry(at: Timestamp.parse($0["at"]), action: $0["action"], detail: $0["detail"])
      }
    }
  }

  // MARK: - Settings

  /// The name under which the indicator set's text is kept.
  static let indicatorsSetting = "indicators.yaml"

  /// Keeps the text of the indicator set (norms, thresholds, municipalities) the database is used with, so that
  /// commands reading figures can work from the database alone. Writes only when it changed.
  public func recordIndicators(_ text: String, at date: Date = Date()) throws {
    try writer.write { db in
      let stored = try String.fetchOne(
        db, sql: "SELECT value FROM setting WHERE name = ?", arguments: [Self.indicatorsSetting])
      guard stored != text else { return }
      try db.execute(
        sql: "INSERT OR REPLACE INTO setting (name, value, updatedAt) VALUES (?, ?, ?)",
        arguments: [Self.indicatorsSetting, text, Timestamp.format(date)])
    }
  }

  /// The indicator set's text as last recorded, if any.
  public func storedIndicators() throws -> String? {
    try writer.read { db in
      try String.fetchOne(db, sql: "SELECT value FROM setting WHERE name = ?", arguments: [Self.indicatorsSetting])
    }
  }
}
