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
  /// The definition of the response added last and its snapshot: consecutive responses nearly always share one,
  /// and comparing a reference is cheaper than hashing the definition's SHA-256 per response.
  private var lastDefinition: (PreparedDefinition, Int64)?
  private var parsedSnapshots: [Int64: Questionnaire] = [:]
  /// The insert statement, kept rather than looked up in GRDB's statement cache per response (which hashes its
  /// text every time).
  private var insertStatement: Statement?

  init(db: Database) {
    self.db = db
  }

  /// Records the start of a source file's import.
  public mutating func beginBatch(_ source: ImportSource) throws {
    var record = ImportBatchRecord(
      id: nil, source: IdentifierMasking.standard.maskFileName(source.name), sha256: source.sha256,
      format: source.format,
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
    try add(PreparedResponse(response, definition: definition))
  }

  /// Stores one response prepared on another thread, unless a response with its id is already stored.
  ///
  /// With `rejectingRepeats`, a response whose id an earlier row of the same batch (source file) already stored is
  /// `.repeated` rather than a duplicate or a conflict: in tevreden's own format an id twice in one file is an
  /// error. The database tells, so that reading a file needs no memory of the ids it has seen.
  public mutating func add(_ prepared: PreparedResponse, rejectingRepeats: Bool = false) throws
    -> ImportDisposition
  {
    var record = prepared.record
    if let (definition, snapshotId) = lastDefinition, definition === prepared.shared {
      record.snapshotId = snapshotId
    } else if let known = snapshotIds[prepared.definition.sha256] {
      record.snapshotId = known
      lastDefinition = (prepared.shared, known)
    } else {
      record.snapshotId = try TevredenDatabase.snapshotId(for: prepared.definition, in: db)
      snapshotIds[prepared.definition.sha256] = record.snapshotId
      lastDefinition = (prepared.shared, record.snapshotId)
    }
    record.importBatchId = batch?.id
    // Most imported responses are new: the insert itself tells whether the id was already stored. A response
    // imported again is nearly always stored exactly as it would be now; only otherwise is the stored response
    // read back and compared as it would be stored today (an older definition may have written it).
    let statement: Statement
    if let insertStatement {
      statement = insertStatement
    } else {
      statement = try db.makeStatement(sql: TevredenDatabase.insertSQL)
      insertStatement = statement
    }
    if try TevredenDatabase.insert(record, answers: prepared.answers, using: statement, in: db) {
      batch?.insertedCount += 1
      return .inserted
    }
    let storedStatement = try db.cachedStatement(
      sql: "SELECT responseKey, importBatchId FROM response WHERE keyHash = ?")
    guard let stored = try Row.fetchOne(storedStatement, arguments: [record.keyHash]) else {
      throw StoreError.corruptRow("response \(record.responseKey) was neither inserted nor found")
    }
    if stored["responseKey"] != record.responseKey {
      batch?.rejectedCount += 1
      return .keyCollision
    }
    if rejectingRepeats, let batchId = batch?.id, stored["importBatchId"] == batchId {
      batch?.rejectedCount += 1
      return .repeated
    }
    let disposition: ImportDisposition
    if try TevredenDatabase.storedRowEquals(record, answers: prepared.answers, in: db) {
      disposition = .duplicate
    } else {
      guard
        let existing = try TevredenDatabase.fetchResponse(
          key: record.responseKey, in: db, cache: &parsedSnapshots)
      else { throw StoreError.corruptRow("response \(record.responseKey) was neither inserted nor found") }
      let stored = PreparedResponse(existing, shared: prepared.shared)
      disposition = stored.hasSameContent(as: prepared) ? .duplicate : .conflict
    }
    if disposition == .duplicate { batch?.duplicateCount += 1 } else { batch?.rejectedCount += 1 }
    return disposition
  }

  /// Records the end of a source file's import with its counts; `rejectedWhileReading` adds the rows rejected
  /// before they reached the store.
  ///
  /// `sha256` replaces the file's hash given at the start, for a file hashed while its rows were stored.
  public mutating func endBatch(rejectedWhileReading: Int = 0, sha256: String? = nil) throws {
    guard var record = batch else { return }
    record.rejectedCount += rejectedWhileReading
    if let sha256 { record.sha256 = sha256 }
    try record.update(db)
    batch = nil
  }
}

/// A response made ready to be stored, on any thread: its row's values (the grade materialised from its
/// definition) and its answers as the JSON the row holds. Preparing is most of the work of storing a response,
/// so an import prepares on the thread that reads the file and leaves only the insert to the database's thread.
public struct PreparedResponse: Sendable {
  var record: ResponseRecord
  let answers: StoredAnswers
  /// The definition, behind one reference: a prepared response is made on one thread and released on another,
  /// and the definition's dozen strings and arrays, retained per response by both, made the two threads contend
  /// for the same reference counts.
  let shared: PreparedDefinition

  var definition: LoadedQuestionnaire { shared.definition }

  public init(_ response: Response, definition: LoadedQuestionnaire) {
    self.init(response, shared: PreparedDefinition(definition, sortsItems: false))
  }

  init(_ response: Response, shared: PreparedDefinition) {
    let questionnaire = shared.definition.questionnaire
    record = ResponseRecord(
      response, snapshotId: 0, grade: response.grade(using: questionnaire.scoreRule), importBatchId: nil)
    answers = StoredAnswers(response.answers, itemsInOrder: shared.itemsInOrder)
    self.shared = shared
  }

  /// The response's id.
  public var id: Response.ID { Response.ID(rawValue: record.responseKey) }

  /// The kinds of identifiers masked in its open answers (each once per occurrence).
  public var masked: [PersonalDataKind] { answers.masked }

  /// Whether both hold the same response: the same id, metadata and answers as stored (the definition it was
  /// collected with, what follows from it and the import batch aside).
  func hasSameContent(as other: PreparedResponse) -> Bool {
    let (a, b) = (record, other.record)
    return a.responseKey == b.responseKey && a.questionnaireID == b.questionnaireID
      && a.questionnaireVersion == b.questionnaireVersion && a.audience == b.audience
      && a.respondentGroup == b.respondentGroup && a.gemeente == b.gemeente && a.mode == b.mode
      && a.interviewer == b.interviewer && a.startedAt == b.startedAt && a.completedAt == b.completedAt
      && a.status == b.status && answers == other.answers
  }
}

/// A definition as the responses prepared with it share it: one object per definition and import.
final class PreparedDefinition: Sendable {
  let definition: LoadedQuestionnaire
  /// The definition's item ids, sorted: the order answers are written in.
  let itemsInOrder: [Question.ID]?

  init(_ definition: LoadedQuestionnaire, sortsItems: Bool) {
    self.definition = definition
    itemsInOrder = sortsItems ? definition.questionnaire.questions.map(\.id).sorted { $0.rawValue < $1.rawValue } : nil
  }
}

/// Prepares the responses of an import for storing, keeping per definition what every response of it shares.
public struct ResponsePreparer: Sendable {
  private var definitions: [String: PreparedDefinition] = [:]
  private var last: PreparedDefinition?

  public init() {}

  /// The response made ready for storing.
  public mutating func prepare(_ response: Response, definition: LoadedQuestionnaire) -> PreparedResponse {
    let shared: PreparedDefinition
    if let last, last.definition.sha256 == definition.sha256 {
      shared = last
    } else if let known = definitions[definition.sha256] {
      shared = known
    } else {
      shared = PreparedDefinition(definition, sortsItems: true)
      definitions[definition.sha256] = shared
    }
    last = shared
    return PreparedResponse(response, shared: shared)
  }
}
