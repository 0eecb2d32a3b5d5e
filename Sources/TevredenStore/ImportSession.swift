import Foundation
import GRDB
import TevredenCore

/// An import in progress: a batch per source file, responses added one by one and committed in short steps that
/// stay invisible until the run ends (see ``TevredenDatabase/importRun(isInterrupted:_:)``).
///
/// Only valid inside ``TevredenDatabase/importRun(isInterrupted:_:)``, on its connection, which is always inside
/// a transaction while the session is used. A class: the run's state (its batches, its steps) must be one however
/// often the session is passed on.
public final class ImportSession {
  let db: Database
  private var batch: ImportBatchRecord?
  private var snapshotIds: [String: Int64] = [:]
  /// The definition of the response added last and its snapshot: consecutive responses nearly always share one,
  /// and comparing a reference is cheaper than hashing the definition's SHA-256 per response.
  private var lastDefinition: (PreparedDefinition, Int64)?
  private var parsedSnapshots: [Int64: Questionnaire] = [:]
  /// The database's item numbers, read when first needed and again after a definition was stored.
  private var codes: ItemCodes?
  /// The insert statement, kept rather than looked up in GRDB's statement cache per response (which hashes its
  /// text every time).
  private var insertStatement: Statement?
  /// The statement that finds a stored response by its key hash (see ``TevredenDatabase/storedByKeyHashSQL``).
  private var lookupStatement: Statement?
  /// What the insert and the lookup bind each row's texts from.
  private let arena = BindingArena()
  /// The statement of ``claim(_:)``, kept for the same reason as the insert: a file imported again claims every row.
  private var claimStatement: Statement?
  /// Reads on from the stored response found last, for a file whose rows are stored in its order already.
  private var follower: StoredResponseFollower?
  /// The responses of the current file's latest run of claims by consecutive row ids (see ``claim(_:)``), and the
  /// largest row id claimed in the temporary table instead.
  private var claimedRun: ClosedRange<Int64>?
  private var largestClaimedInTable = Int64.min
  /// Whether the previous response added was found stored already (a duplicate, a repeat, a conflict).
  private var previousWasStored = false
  /// The row id the next response gets, once known in the current step: no other connection writes until it ends.
  private var nextId: Int64?

  /// Tells whether the user interrupted the import (a signal); asked between responses.
  private let isInterrupted: @Sendable () -> Bool
  /// The batches of this run, all committed together at its end.
  private var runBatchIds: [Int64] = []
  /// The largest response id when the run began, and when it began: what removing the run has to look at.
  private var responsesAfter: Int64?
  private var runStartedAt: String?
  /// When the current step began (its transaction), and how many responses it holds.
  private var stepStartedAt = WaitSignal.now()
  private var stepResponses = 0
  /// The response rows this run updated (stored as partial before, brought further by a row), and those the
  /// current batch updated: the updates wait in `responseRevision` until the run ends (see ``add(_:rejectingRepeats:)``).
  private var updatedByRun: Set<Int64> = []
  private var updatedByBatch: Set<Int64> = []

  /// Without a ``WaitSignal`` (a database whose folder cannot be written), a step ends after this long or this
  /// many responses, whichever comes first: long enough that committing (and the write-ahead log's checkpoints)
  /// costs little, short enough that an interviewer who stores an answer meanwhile waits about a tenth of a second
  /// at most. The count matters as much as the time: a commit writes every page of the key-hash index the step's
  /// rows touched, and a step of more rows takes longer to commit, while the interviewer waits (see
  /// Benchmarks/README.md, "Sharing the preparation").
  static let stepNanoseconds: UInt64 = 100_000_000
  static let stepResponseLimit = 10_000
  /// With a ``WaitSignal``, a step ends as soon as a tevreden process announces that it waits, and otherwise after
  /// this long or this many responses: fewer commits, each of which rewrites most of the key-hash index, while the
  /// rows a step changes still fit the import's page cache (``TevredenDatabase/importRun(isInterrupted:_:)``).
  static let longStepNanoseconds: UInt64 = 1_000_000_000
  static let longStepResponseLimit = 50_000
  /// For tests: the longest step when someone could announce a wait, instead of ``longStepNanoseconds``.
  var testLongStepNanoseconds: UInt64?
  /// For tests: the most responses in a step, instead of ``stepResponseLimit`` and ``longStepResponseLimit``
  /// (checked after every response only with a ``testDelayPerResponse``).
  var testStepResponseLimit: Int?
  /// For tests: whether a row is first looked for as the stored response after the one found last
  /// (``StoredResponseFollower``); without, every row is looked up by its key.
  var followsStoredRows = true
  /// How many steps this session committed, for tests.
  private(set) var stepsCommitted = 0
  /// How many rows were found as the stored response read on to, and how many claims were written to the table,
  /// for tests.
  private(set) var rowsFollowed = 0
  private(set) var claimsInTable = 0
  /// The pause between two steps, in microseconds: a process that waits for the database (polling every
  /// millisecond, see ``TevredenDatabase/busyCallback(announcingTo:)``) gets its turn before the next step begins.
  static let pauseBetweenSteps: UInt32 = 2_000

  /// For tests only: a pause after each response stored, in microseconds, inside the step's transaction, as a
  /// slow disk would make it; from `TEVREDEN_TEST_IMPORT_ROW_DELAY_US`.
  public var testDelayPerResponse: UInt32 = 0

  /// Tells when another tevreden process waits for the database; `nil` when none can tell (then the steps stay
  /// short).
  private let waits: WaitSignal.Listener?

  init(db: Database, signal: WaitSignal? = nil, isInterrupted: @escaping @Sendable () -> Bool = { false }) {
    self.db = db
    self.waits = signal?.listen()
    self.isInterrupted = isInterrupted
  }

  /// Records the start of a source file's import.
  public func beginBatch(_ source: ImportSource) throws {
    let process = ImportProcess.current
    if responsesAfter == nil {
      responsesAfter = try TevredenDatabase.nextResponseId(in: db) - 1
      runStartedAt = Timestamp.format(Date())
    }
    var record = ImportBatchRecord(
      id: nil, source: IdentifierMasking.standard.maskFileName(source.name), sha256: source.sha256,
      format: source.format,
      importedAt: Timestamp.format(source.importedAt), insertedCount: 0, duplicateCount: 0,
      rejectedCount: source.rejectedBeforeStore, state: ImportBatchRecord.running, processId: process.id,
      processStartedAt: process.startedAt, responsesAfter: responsesAfter)
    try record.insert(db)
    batch = record
    updatedByBatch = []
    if let id = record.id { runBatchIds.append(id) }
    // What numbering identical rows of this file needs (see `add`), kept in this connection's temporary tables
    // so that memory does not grow with the file.
    try db.execute(
      sql: """
        CREATE TEMP TABLE IF NOT EXISTS importClaim (responseId INTEGER PRIMARY KEY);
        CREATE TEMP TABLE IF NOT EXISTS importOccurrence (baseHash INTEGER PRIMARY KEY, occurrence INTEGER NOT NULL);
        DELETE FROM temp.importClaim;
        DELETE FROM temp.importOccurrence;
        """)
    claimedRun = nil
    largestClaimedInTable = .min
  }

  /// The database's item numbers.
  private func itemCodes() throws -> ItemCodes {
    if let codes { return codes }
    let fetched = try ItemCodes.fetch(db)
    codes = fetched
    return fetched
  }

  /// The item numbers a preparer writes answers with (``ResponsePreparer/init(codes:)``), with numbers handed out
  /// to the items of `definition`, if given, that have none yet.
  public func itemCodes(for definition: LoadedQuestionnaire?) throws -> ItemCodes {
    if let definition {
      codes = try ItemCodes.ensure(definition.questionnaire, in: db)
    }
    return try itemCodes()
  }

  /// Ends the current step when it has lasted long enough; checks for an interruption now and then.
  private func endStepIfDue() throws {
    stepResponses += 1
    if testDelayPerResponse > 0 { usleep(testDelayPerResponse) }
    guard stepResponses & 63 == 0 || testDelayPerResponse > 0 else { return }
    if isInterrupted() { throw ImportInterrupted() }
    let elapsed = WaitSignal.now() &- stepStartedAt
    guard let waits else {
      if elapsed >= Self.stepNanoseconds || stepResponses >= testStepResponseLimit ?? Self.stepResponseLimit {
        try nextStep()
      }
      return
    }
    // An announcement from before the machine last started (its clock starts at zero again) lies in the future,
    // and is not taken for someone waiting now.
    let heard = waits.lastAnnouncement()
    if (heard >= stepStartedAt && heard <= stepStartedAt &+ elapsed)
      || elapsed >= testLongStepNanoseconds ?? Self.longStepNanoseconds
      || stepResponses >= testStepResponseLimit ?? Self.longStepResponseLimit
    {
      try nextStep()
    }
  }

  /// Commits the current step and begins the next, leaving the database to anyone waiting for it in between.
  private func nextStep() throws {
    follower?.pause()
    try db.execute(sql: "COMMIT")
    stepsCommitted += 1
    usleep(Self.pauseBetweenSteps)
    try db.execute(sql: "BEGIN IMMEDIATE")
    stepStartedAt = WaitSignal.now()
    stepResponses = 0
    nextId = nil
  }

  /// Commits the last step, then makes the run's batches count, in one short transaction of its own that also
  /// applies the run's updates of responses stored as partial before.
  func commitRun() throws {
    follower?.stop()
    try endBatch()
    try db.execute(sql: "COMMIT")
    guard !runBatchIds.isEmpty else { return }
    try db.inTransaction(.immediate) {
      if !updatedByRun.isEmpty { try TevredenDatabase.applyRevisions(ofBatches: runBatchIds, in: db) }
      try db.execute(
        sql: """
          UPDATE importBatch SET state = 'committed', processId = NULL, processStartedAt = NULL
          WHERE id IN (\(runBatchIds.map(String.init).joined(separator: ", ")))
          """)
      return .commit
    }
  }

  /// Takes back what the run stored: the open step is rolled back, and what earlier steps committed is removed in
  /// steps. Should that fail, the batches stay `running` and invisible, and the next command that opens the
  /// database removes them once this process has ended.
  func abandonRun() {
    follower?.stop()
    if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK") }
    _ = try? TevredenDatabase.removeBatches(
      runBatchIds, responsesAfter: responsesAfter ?? 0, snapshotsSince: runStartedAt, in: db)
  }

  /// Stores one response, unless a response with its id is already stored.
  ///
  /// - Returns: `.inserted`; `.duplicate` when the same response is already stored; `.updated` when it was
  ///   stored as partial and this is it carried further; `.conflict` when one with this id is stored with
  ///   different content (the stored one is kept). See ``add(_:rejectingRepeats:)``.
  public func add(_ response: Response, definition: LoadedQuestionnaire) throws -> ImportDisposition {
    try add(PreparedResponse(response, definition: definition))
  }

  /// Stores one response prepared on another thread, unless a response with its id is already stored.
  ///
  /// With `rejectingRepeats`, a response whose id an earlier row of the same batch (source file) already stored is
  /// `.repeated` rather than a duplicate or a conflict: in tevreden's own format an id twice in one file is an
  /// error. The database tells, so that reading a file needs no memory of the ids it has seen.
  ///
  /// A response whose id is a hash of its row (``PreparedResponse/numbersRepeats``) gets the number of its
  /// occurrence in the file: the first row with this content keeps the id, the second is stored as `id#2`, and so
  /// on. Two identical rows are two respondents who answered alike, and a file imported again still adds nothing:
  /// its second row finds `id#2` stored.
  ///
  /// A response stored as partial (an unfinished response in an earlier export) may come again carried further:
  /// the same id, questionnaire and version, audience, group, mode, interviewer and start (to the minute, see
  /// ``PreparedResponse/sameTime(_:_:)``), the same gemeente or the stored one had none, every stored answer and
  /// missing code present with the same value, and completed, refused, or still partial with more answers. Then
  /// the stored row is updated: its status, completion time, day, grade, answers, gemeente and definition become
  /// the new ones, its row id, key, start and import batch stay. The result is `.updated`. The update waits in
  /// `responseRevision` until the run ends and is applied in its last step, so that it becomes visible with the
  /// run's new responses, or not at all; the row kept there lets `import --undo` of this batch put the partial
  /// back (see ``TevredenDatabase/restoreRevisions(ofBatch:in:)``).
  ///
  /// A changed answer is a conflict, the stored response kept: a platform that lets a respondent go back and change
  /// an answer leaves two versions of which tevreden cannot tell the right one, so the researcher decides (undo
  /// the batch that stored the partial and import the later export). So is a response taken as an interview,
  /// which its interview or a merge completes, and one whose id is a hash of its row, which names content rather
  /// than a respondent. The other way round, a partial response whose stored copy is the same response carried
  /// further (an older export imported after a newer one) is `.duplicate`: the stored one is kept.
  public func add(_ prepared: PreparedResponse, rejectingRepeats: Bool = false) throws
    -> ImportDisposition
  {
    var prepared = prepared
    let snapshotId: Int64
    if let (definition, known) = lastDefinition, definition === prepared.shared {
      snapshotId = known
    } else if let known = snapshotIds[prepared.definition.sha256] {
      snapshotId = known
      lastDefinition = (prepared.shared, known)
    } else {
      snapshotId = try TevredenDatabase.snapshotId(for: prepared.definition, in: db)
      snapshotIds[prepared.definition.sha256] = snapshotId
      lastDefinition = (prepared.shared, snapshotId)
      codes = nil  // storing a definition may have numbered new items
    }
    // Only a response keyed by item id needs the numbers: looked up per response, they were copied each time.
    if prepared.isKeyedByID { prepared = try prepared.keyedByNumber(try itemCodes()) }
    // The prepared record is bound as it is, with its snapshot, batch and key beside it: a copy of it per response
    // (to set them) retained and released each of its dozen strings.
    var placement = TevredenDatabase.Placement(
      responseKey: prepared.record.responseKey, keyHash: prepared.record.keyHash, snapshotId: snapshotId,
      importBatchId: batch?.id)
    let baseKey = placement.responseKey
    let baseHash = placement.keyHash
    var occurrence = 1
    var isJumped = false
    while true {
      switch try add(
        prepared, placed: placement, rejectingRepeats: rejectingRepeats, numbersRepeats: prepared.numbersRepeats)
      {
      case .disposition(let disposition):
        // The first occurrence need not be recorded: finding the next free one starts from it anyway.
        if occurrence > 1, prepared.numbersRepeats {
          try recordOccurrence(occurrence, of: baseHash)
        }
        return disposition
      case .taken:
        // An earlier row of this file has this occurrence's id. The next free one is found from the last
        // occurrence given to this content, not by trying each in turn: a file of many identical rows would
        // otherwise cost a number of inserts that grows with the square of its rows.
        if !isJumped {
          isJumped = true
          occurrence = max(occurrence, try lastOccurrence(of: baseHash) ?? 1)
        }
        occurrence += 1
        placement.responseKey = "\(baseKey)#\(occurrence)"
        placement.keyHash = ResponseKeyHash.of(placement.responseKey)
      }
    }
  }

  /// The last occurrence this file's rows with this content were given, when it was found by trying.
  private func lastOccurrence(of baseHash: Int64) throws -> Int? {
    try Int.fetchOne(
      db.cachedStatement(sql: "SELECT occurrence FROM temp.importOccurrence WHERE baseHash = ?"),
      arguments: [baseHash])
  }

  private func recordOccurrence(_ occurrence: Int, of baseHash: Int64) throws {
    try db.cachedStatement(
      sql: "INSERT OR REPLACE INTO temp.importOccurrence (baseHash, occurrence) VALUES (?, ?)"
    ).execute(arguments: [baseHash, occurrence])
  }

  /// A statement made when first needed and kept for the session: looking it up in GRDB's statement cache hashes
  /// its SQL, which per row costs more than running it.
  private func kept(_ statement: inout Statement?, sql: String) throws -> Statement {
    if let statement { return statement }
    let made = try db.makeStatement(sql: sql)
    statement = made
    return made
  }

  private enum Attempt {
    case disposition(ImportDisposition)
    /// The id is taken by an earlier row of the same file (only for numbered repeats).
    case taken
  }

  private func add(
    _ prepared: PreparedResponse, placed placement: TevredenDatabase.Placement, rejectingRepeats: Bool,
    numbersRepeats: Bool
  ) throws -> Attempt {
    // Most imported responses are new: the insert itself tells whether the id was already stored. A response
    // imported again is nearly always stored exactly as it would be now; only otherwise is the stored response
    // read back and compared as it would be stored today (an older definition may have written it).
    let statement = try kept(&insertStatement, sql: TevredenDatabase.insertSQL)
    // One lookup finds the stored row and tells whether it is exactly this response: the stored response after
    // the one found last when it has this row's key, else the one with this key.
    func lookUp() throws -> (rowId: Int64, key: String, importBatchId: Int64?, isSame: Bool)? {
      if let followed = try follower?.next(
        keyHash: placement.keyHash, record: prepared.record, snapshotId: placement.snapshotId,
        answers: prepared.answers, in: db)
      {
        rowsFollowed += 1
        return followed
      }
      let storedStatement = try kept(&lookupStatement, sql: TevredenDatabase.storedByKeyHashSQL)
      let found = try TevredenDatabase.stored(
        matching: prepared.record, placed: placement, answers: prepared.answers, using: storedStatement, arena: arena,
        in: db)
      if let found, followsStoredRows {
        if follower == nil { follower = StoredResponseFollower(try db.makeStatement(sql: StoredResponseFollower.sql)) }
        follower?.resume(after: found.rowId)
      }
      return found
    }
    // A file imported again comes after a stored response with the next one stored too: then the lookup goes
    // first, instead of an insert that only finds the id taken, then the lookup.
    var found = previousWasStored ? try lookUp() : nil
    if found == nil {
      let id = try nextId ?? TevredenDatabase.nextResponseId(in: db)
      nextId = id
      // A read of the response table stays open no longer than until the table is written.
      follower?.stop()
      if try TevredenDatabase.insert(
        prepared.record, placed: placement, answers: prepared.answers, id: id, using: statement, arena: arena, in: db)
      {
        nextId = id + 1
        previousWasStored = false
        batch?.insertedCount += 1
        try endStepIfDue()
        return .disposition(.inserted)
      }
      found = try lookUp()
    }
    previousWasStored = true
    guard let stored = found else {
      throw StoreError.corruptRow("response \(placement.responseKey) was neither inserted nor found")
    }
    if stored.key != placement.responseKey {
      batch?.rejectedCount += 1
      try endStepIfDue()
      return .disposition(.keyCollision)
    }
    let rowId = stored.rowId
    // Stored by this file, or updated by an earlier row of it.
    let isFromThisBatch = (batch?.id != nil && stored.importBatchId == batch?.id) || updatedByBatch.contains(rowId)
    if numbersRepeats {
      // Stored by this file, or stored before and already matched by an earlier row of this file.
      if isFromThisBatch { return .taken }
      if try !claim(rowId) { return .taken }
    } else if rejectingRepeats, isFromThisBatch {
      batch?.rejectedCount += 1
      try endStepIfDue()
      return .disposition(.repeated)
    }
    let disposition: ImportDisposition
    if stored.isSame {
      disposition = .duplicate
    } else {
      disposition = try compare(
        placement.applied(to: prepared.record), prepared: prepared, withRow: rowId, numbersRepeats: numbersRepeats)
    }
    switch disposition {
    case .duplicate: batch?.duplicateCount += 1
    case .updated: batch?.updatedCount += 1
    default: batch?.rejectedCount += 1
    }
    try endStepIfDue()
    return .disposition(disposition)
  }

  /// What a response is to the stored one with its id, when the stored row is not exactly it: the same response
  /// stored with an earlier edition of its definition (`.duplicate`), the stored partial response carried further
  /// (`.updated`, the update recorded), an older state of the stored one (`.duplicate`), or a `.conflict`.
  private func compare(
    _ record: ResponseRecord, prepared: PreparedResponse, withRow rowId: Int64, numbersRepeats: Bool
  ) throws -> ImportDisposition {
    // A response this run updated already is compared with what the update makes it.
    guard
      let existing = try TevredenDatabase.storedVersion(
        ofRow: rowId, updatedByThisRun: updatedByRun.contains(rowId), in: db, cache: &parsedSnapshots,
        codes: try itemCodes())
    else { throw StoreError.corruptRow("response \(record.responseKey) was neither inserted nor found") }
    // Another questionnaire, version, audience or group is another response under the same id.
    let (held, incoming) = (existing.response, prepared.definition.questionnaire)
    guard
      held.questionnaireID == incoming.id && held.questionnaireVersion == incoming.version
        && held.audience == incoming.audience && held.group == incoming.group
    else { return .conflict }
    var stored = try PreparedResponse(existing.response, shared: prepared.shared).keyedByNumber(try itemCodes())
    stored.record.responseKey = prepared.record.responseKey  // numbered repeats compare their content
    if stored.hasSameContent(as: prepared) { return .duplicate }
    guard !numbersRepeats, let storedAnswers = ParsedAnswers(stored.answers),
      let incomingAnswers = ParsedAnswers(prepared.answers)
    else { return .conflict }
    if prepared.isCarriedFurther(by: stored, answers: incomingAnswers, laterAnswers: storedAnswers) {
      return .duplicate
    }
    guard stored.isCarriedFurther(by: prepared, answers: storedAnswers, laterAnswers: incomingAnswers),
      let batchId = batch?.id, try !TevredenDatabase.isInterview(rowId, in: db)
    else { return .conflict }
    follower?.stop()
    try TevredenDatabase.recordRevision(
      of: rowId, batch: batchId, stored: existing.record, storedAnswers: storedAnswers, new: record,
      newAnswers: prepared.answers, parsedNewAnswers: incomingAnswers, codes: try itemCodes(), in: db)
    updatedByRun.insert(rowId)
    updatedByBatch.insert(rowId)
    return .updated
  }

  /// Marks a response stored before this import as matched by a row of the current file; `false` when an earlier
  /// row of the file matched it already. Kept in a temporary table of this connection, whose cache is bounded
  /// (``TevredenDatabase/importRun(isInterrupted:_:)``), so that a file of any size imported again needs no memory
  /// per row.
  ///
  /// A file imported again claims the responses in the order they were stored: the latest run of consecutive row
  /// ids is kept in memory as its first and last, the claims before it in the table. A run only begins after every
  /// id in the table, so that a row id just after the run, or after every id in the table, cannot have been
  /// claimed: it is claimed without a statement (a claim in the table cost about 4,000 instructions a row). Any
  /// other claim moves the run into the table, so that the two never hold the same id and no id is written to the
  /// table more than once.
  private func claim(_ rowId: Int64) throws -> Bool {
    if let run = claimedRun {
      if run.contains(rowId) { return false }
      if rowId == run.upperBound + 1 {
        claimedRun = run.lowerBound...rowId
        return true
      }
      try db.execute(
        sql: """
          WITH RECURSIVE run(id) AS (SELECT ? UNION ALL SELECT id + 1 FROM run WHERE id < ?)
          INSERT INTO temp.importClaim (responseId) SELECT id FROM run
          """, arguments: [run.lowerBound, run.upperBound])
      largestClaimedInTable = max(largestClaimedInTable, run.upperBound)
      claimsInTable += run.count
      claimedRun = nil
    }
    if rowId > largestClaimedInTable {
      claimedRun = rowId...rowId
      return true
    }
    claimsInTable += 1
    var binder = DirectBinder(
      try kept(&claimStatement, sql: "INSERT OR IGNORE INTO temp.importClaim (responseId) VALUES (?)"))
    binder.bind(rowId as Int64?)
    return try binder.execute(in: db)
  }

  /// Records the end of a source file's import with its counts; `rejectedWhileReading` adds the rows rejected
  /// before they reached the store.
  ///
  /// `sha256` replaces the file's hash given at the start, for a file hashed while its rows were stored.
  public func endBatch(rejectedWhileReading: Int = 0, sha256: String? = nil) throws {
    guard var record = batch else { return }
    record.rejectedCount += rejectedWhileReading
    if let sha256 { record.sha256 = sha256 }
    try record.update(db)
    batch = nil
  }
}

/// Thrown by an import session when the user interrupted the import (Ctrl-C, a stop request).
public struct ImportInterrupted: Error {
  public init() {}
}

/// A response made ready to be stored, on any thread: its row's values (the grade materialised from its
/// definition) and its answers as the JSON the row holds. Preparing is most of the work of storing a response,
/// so an import prepares on the thread that reads the file and leaves only the insert to the database's thread.
public struct PreparedResponse: Sendable {
  /// The row's values, the answers and the definition behind one reference: a prepared response is copied several
  /// times on its way from the reading thread into the database (into a batch, out of it, into the sink), and a
  /// copy of the dozen strings it holds would retain and release each of them every time.
  private var storage: Storage
  /// Whether the id is a hash of the row, whose repeats in one file are numbered (see
  /// ``ImportSession/add(_:rejectingRepeats:)``).
  public var numbersRepeats = false

  private final class Storage: Sendable {
    let record: ResponseRecord
    let answers: StoredAnswers
    /// The definition, behind one reference of its own: a prepared response is made on one thread and released
    /// on another, and the definition's dozen strings and arrays, retained per response by both, made the two
    /// threads contend for the same reference counts.
    let shared: PreparedDefinition
    /// Whether the answers are keyed by item id rather than number (see ``PreparedDefinition/keys``).
    let keyedByID: Bool

    init(record: ResponseRecord, answers: StoredAnswers, shared: PreparedDefinition, keyedByID: Bool) {
      self.record = record
      self.answers = answers
      self.shared = shared
      self.keyedByID = keyedByID
    }
  }

  var record: ResponseRecord {
    // Read in place: the storing thread binds each stored response's record from here, and a copy would retain
    // and release every string in it.
    _read { yield storage.record }
    set {
      storage = Storage(
        record: newValue, answers: storage.answers, shared: storage.shared, keyedByID: storage.keyedByID)
    }
  }
  var answers: StoredAnswers { storage.answers }
  var shared: PreparedDefinition { storage.shared }
  /// Whether its answers are keyed by item id, to be keyed by number before storing (``keyedByNumber(_:)``).
  var isKeyedByID: Bool { storage.keyedByID }
  var definition: LoadedQuestionnaire { shared.definition }

  public init(_ response: Response, definition: LoadedQuestionnaire) {
    self.init(response, shared: PreparedDefinition(definition, codes: nil))
  }

  init(_ response: borrowing Response, shared: PreparedDefinition) {
    let questionnaire = shared.definition.questionnaire
    // An answer to an item its definition lacks (which validation refuses before) is kept under its id, so that
    // storing it fails with a message rather than losing it.
    let keyed = StoredAnswers(response.answers, keys: shared.keys)
    storage = Storage(
      record: ResponseRecord(
        response, snapshotId: 0, grade: response.grade(using: questionnaire.scoreRule), importBatchId: nil),
      answers: keyed ?? .keyedByItemID(response.answers), shared: shared, keyedByID: shared.keyedByID || keyed == nil)
  }

  init(_ response: borrowing PositionalResponse, shared: PreparedDefinition, writer: inout AnswerWriter) {
    // Written by position when the definition's items all have numbers and the answers are laid out by its
    // questions; otherwise as any response is.
    guard let positions = shared.positions, response.answers.count == positions.count else {
      self.init(response.response, shared: shared)
      return
    }
    self.init(
      storage: Storage(
        record: ResponseRecord(
          response.metadata, snapshotId: 0, grade: response.grade(at: shared.gradePosition), importBatchId: nil),
        answers: writer.write(response.answers, positions: positions, starts: shared.memberStarts),
        shared: shared,
        keyedByID: false))
  }

  private init(storage: Storage) {
    self.storage = storage
  }

  /// The answers keyed by the database's item numbers, when they were written keyed by item id; throws for an
  /// answer to an item the definition lacks (never stored under another questionnaire's number for that id).
  func keyedByNumber(_ codes: ItemCodes) throws -> PreparedResponse {
    guard storage.keyedByID else { return self }
    let questionnaire = definition.questionnaire
    func number(_ item: String) -> Int64? {
      questionnaire.question(Question.ID(rawValue: item)) == nil ? nil : codes.code(item)
    }
    func rekeyed(_ text: String) throws -> String {
      guard let text = ItemCodes.rekeyed(text, number: number) else {
        throw StoreError.corruptRow(
          "response \(record.responseKey): an answer to an item its definition lacks, which is not stored")
      }
      return text
    }
    var answers = StoredAnswers(values: try rekeyed(answers.values), missing: try rekeyed(answers.missing))
    answers.masked = self.answers.masked
    var copy = self
    copy.storage = Storage(record: record, answers: answers, shared: shared, keyedByID: false)
    return copy
  }

  /// The response's id.
  public var id: Response.ID { Response.ID(rawValue: record.responseKey) }

  /// The kinds of identifiers masked in its open answers (each once per occurrence).
  public var masked: [PersonalDataKind] { answers.masked }

  /// Whether both hold the same response: the same id, metadata and answers as stored (the definition it was
  /// collected with, what follows from it and the import batch aside). Both are of the same questionnaire,
  /// version, audience and group: the caller compared those.
  func hasSameContent(as other: PreparedResponse) -> Bool {
    let (a, b) = (record, other.record)
    return a.responseKey == b.responseKey && a.gemeente == b.gemeente && a.mode == b.mode
      && a.interviewer == b.interviewer && Self.sameTime(a.startedAt, b.startedAt)
      && Self.sameTime(a.completedAt, b.completedAt) && a.status == b.status
      && answers.values == other.answers.values && answers.missing == other.answers.missing
      && a.language == b.language && a.interpreter == b.interpreter
  }

  /// Whether `later` is this partial response carried further: the same response (id, questionnaire and version,
  /// audience, group, mode, interviewer, start to the minute; the same gemeente, or this one has none) with every
  /// answer and missing code this one has, unchanged, and completed, refused, or still partial with more answers.
  /// `answers` are this response's, parsed; `laterAnswers` those of `later`. Both are of the same questionnaire,
  /// version, audience and group: the caller compared those.
  func isCarriedFurther(by later: PreparedResponse, answers: ParsedAnswers, laterAnswers: ParsedAnswers) -> Bool {
    let (a, b) = (record, later.record)
    guard a.status == Response.Status.partial.rawValue, a.responseKey == b.responseKey,
      a.gemeente == nil || a.gemeente == b.gemeente,
      a.mode == b.mode, a.interviewer == b.interviewer, Self.sameTime(a.startedAt, b.startedAt),
      answers.isContained(in: laterAnswers)
    else { return false }
    switch Response.Status(rawValue: b.status) {
    case .completed?, .refused?: return true
    case .partial?: return laterAnswers.count > answers.count
    case nil: return false
    }
  }

  /// Equal times, or one of them without seconds in the other's minute: a spreadsheet that saved an export again
  /// (`10-3-2026 13:05`) dropped the seconds, not the response.
  static func sameTime(_ a: String?, _ b: String?) -> Bool {
    if a == b { return true }
    guard let a, let b, let first = Timestamp.parse(a), let second = Timestamp.parse(b) else { return false }
    let (x, y) = (Int64(first.timeIntervalSince1970), Int64(second.timeIntervalSince1970))
    return (x % 60 == 0 || y % 60 == 0) && x / 60 == y / 60
  }
}

/// A definition as the responses prepared with it share it: one object per definition and import.
final class PreparedDefinition: Sendable {
  let definition: LoadedQuestionnaire
  /// The definition's items with the keys their answers are written under, in that order: their numbers in the
  /// database (``ItemCodes``), or, when the preparer was not given them all, the item ids themselves, which the
  /// session replaces by numbers before storing (``keyedByID``).
  let keys: [(item: Question.ID, key: String)]
  let keyedByID: Bool
  /// For each of ``keys``, the position of its question in the questionnaire, when the keys are numbers: answers
  /// held by position (``PositionalResponse``) are then written in the keys' order by looking at that position.
  let positions: [Int]?
  /// For each of ``keys``, its member's start in the answers' JSON (``JSONObjectWriter/memberStart(_:)``).
  let memberStarts: MemberStarts
  /// The position of the score rule's grade item.
  let gradePosition: Int?

  init(_ definition: LoadedQuestionnaire, codes: ItemCodes?) {
    self.definition = definition
    let questions = definition.questionnaire.questions
    gradePosition = questions.firstIndex { $0.id == definition.questionnaire.scoreRule.grade }
    if let keys = codes?.keys(of: definition.questionnaire) {
      self.keys = keys
      keyedByID = false
      var positionOfItem: [Question.ID: Int] = [:]
      for (position, question) in questions.enumerated() where positionOfItem[question.id] == nil {
        positionOfItem[question.id] = position
      }
      let positions = keys.compactMap { positionOfItem[$0.item] }
      self.positions = positions.count == keys.count && keys.count == questions.count ? positions : nil
    } else {
      keys = questions.map { ($0.id, $0.id.rawValue) }.sorted { $0.key < $1.key }
      keyedByID = true
      positions = nil
    }
    memberStarts = MemberStarts(keys.map(\.key))
  }
}

/// Prepares the responses of an import for storing, keeping per definition what every response of it shares.
public struct ResponsePreparer: Sendable {
  private var definitions: [String: PreparedDefinition] = [:]
  private var last: PreparedDefinition?
  private let codes: ItemCodes?
  /// Writes the answers of responses held by position, in memory kept from one response to the next.
  private var writer = AnswerWriter()

  /// `codes`: the database's item numbers (``ImportSession/itemCodes(for:)``), so that answers are written as
  /// stored; without them the session rewrites each response's answers before storing it.
  public init(codes: ItemCodes? = nil) {
    self.codes = codes
  }

  /// The response made ready for storing; `numbersRepeats` for an id that is a hash of the row.
  public mutating func prepare(_ response: Response, definition: LoadedQuestionnaire, numbersRepeats: Bool = false)
    -> PreparedResponse
  {
    var prepared = PreparedResponse(response, shared: shared(definition))
    prepared.numbersRepeats = numbersRepeats
    return prepared
  }

  /// The response, its answers by position, made ready for storing: the same as preparing
  /// ``PositionalResponse/response``, without hashing an item id.
  public mutating func prepare(
    _ response: PositionalResponse, definition: LoadedQuestionnaire, numbersRepeats: Bool = false
  ) -> PreparedResponse {
    var prepared = PreparedResponse(response, shared: shared(definition), writer: &writer)
    prepared.numbersRepeats = numbersRepeats
    return prepared
  }

  private mutating func shared(_ definition: LoadedQuestionnaire) -> PreparedDefinition {
    let shared: PreparedDefinition
    if let last, last.definition.sha256 == definition.sha256 {
      shared = last
    } else if let known = definitions[definition.sha256] {
      shared = known
    } else {
      shared = PreparedDefinition(definition, codes: codes)
      definitions[definition.sha256] = shared
    }
    last = shared
    return shared
  }
}
