import Foundation
import GRDB
import TevredenCore

/// An import in progress inside one write transaction: a batch per source file, responses added one by one.
///
/// Only valid inside ``TevredenDatabase/importTransaction(_:)``.
public struct ImportSession {
  let db: Database
  private var batch: ImportBatchRecord?
  private var snapshotIds: [String: Int64] = [:]
  private var parsedSnapshots: [Int64: Questionnaire] = [:]

  init(db: Database) {
    self.db = db
  }

  /// Records the start of a source file's import.
  public mutating func beginBatch(_ source: ImportSource) throws {
    var record = ImportBatchRecord(
      id: nil, source: source.name, sha256: source.sha256, format: source.format,
      importedAt: Timestamp.format(source.importedAt), insertedCount: 0, duplicateCount: 0,
      rejectedCount: source.rejectedBeforeStore)
    try record.insert(db)
    batch = record
  }

  /// Stores one response, unless a response with its id is already stored.
  ///
  /// - Returns: `.inserted`; `.duplicate` when the same response is already stored; `.conflict` when one with this
  ///   id is stored with different content (the stored one is kept).
  public mutating func add(_ response: Response, definition: LoadedQuestionnaire) throws -> ImportDisposition {
    let snapshotId: Int64
    if let known = snapshotIds[definition.sha256] {
      snapshotId = known
    } else {
      snapshotId = try TevredenDatabase.snapshotId(for: definition, in: db)
      snapshotIds[definition.sha256] = snapshotId
    }
    let record = ResponseRecord(
      response, snapshotId: snapshotId, grade: response.grade(using: definition.questionnaire.scoreRule),
      importBatchId: batch?.id)
    let answers = StoredAnswers(response.answers)
    // Most imported responses are new: the insert itself tells whether the id was already stored. A response
    // imported again is nearly always stored exactly as it would be now; only otherwise is the stored response
    // read back and compared as a response (it may differ only in how an older definition wrote it).
    if try TevredenDatabase.insert(record, answers: answers, in: db) {
      batch?.insertedCount += 1
      return .inserted
    }
    if try TevredenDatabase.storedRowEquals(record, answers: answers, in: db) {
      batch?.duplicateCount += 1
      return .duplicate
    }
    guard let existing = try TevredenDatabase.fetchResponse(key: response.id.rawValue, in: db, cache: &parsedSnapshots)
    else { throw StoreError.corruptRow("response \(response.id) was neither inserted nor found") }
    let disposition: ImportDisposition = existing == response ? .duplicate : .conflict
    if disposition == .duplicate { batch?.duplicateCount += 1 } else { batch?.rejectedCount += 1 }
    return disposition
  }

  /// Records the end of a source file's import with its counts; `rejectedWhileReading` adds the rows rejected
  /// before they reached the store.
  public mutating func endBatch(rejectedWhileReading: Int = 0) throws {
    guard var record = batch else { return }
    record.rejectedCount += rejectedWhileReading
    try record.update(db)
    batch = nil
  }
}
