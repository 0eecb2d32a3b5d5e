import CTevredenSQLite
import Foundation
import GRDB
import GRDBSQLite
import TevredenCore

/// The whole state of `tevreden`: questionnaire snapshots, responses, answers and import batches, in one SQLite
/// file.
///
/// Writes go through named methods that keep the invariants: a response always points at the exact definition
/// it was collected with, its grade is materialised from that definition's score rule, and an import counts as a
/// whole or not at all.
///
/// ## Topics
/// ### Opening
/// - ``open(atPath:)``
/// - ``inMemory()``
/// ### Writing
/// - ``save(_:collectedWith:)``
/// - ``importResponses(_:source:)``
/// ### Reading
/// - ``responses(questionnaire:)``
/// - ``scoreData(for:)``
public struct TevredenDatabase: Sendable {
  let writer: any DatabaseWriter
  /// From how many row ids a scoring scan reads the table on two threads at once (``scanConnections(_:)``); the
  /// tests lower it to make small databases take that path.
  var twoPartScanMinimum: Int64 = 50_000
  /// Whether a report's trend takes its own year's counts from the report's (``ScoreScan/Plan/yearFrom``); the tests
  /// turn it off to compare with the trend counted row by row.
  var derivesReportTrend = true

  /// Wraps a GRDB connection, refusing a database written by a newer `tevreden` and migrating an older one.
  public init(_ writer: any DatabaseWriter, path: String = ":memory:") throws {
    self.writer = writer
    try Self.refuseUnlessOurs(writer, path: path)
    try Self.migrate(writer)
  }

  /// Migrates to the current schema. Several processes may open a new file at once (interviewers starting
  /// together); each migration is one transaction, so when another process applied it first, this one's attempt
  /// fails, rolls back, and tries again from what is applied now.
  ///
  /// How such an attempt fails depends on the migration: one that creates a table finds it there (SQLITE_ERROR);
  /// one that rebuilds a table under a new name runs through and then cannot record itself twice
  /// (SQLITE_CONSTRAINT on `grdb_migrations`). So an attempt is tried again whenever another process applied a
  /// migration meanwhile, or the database was busy; any other failure is real and is thrown.
  private static func migrate(_ writer: any DatabaseWriter) throws {
    var attempts = 0
    while true {
      let applied = try writer.read { try migrator.appliedIdentifiers($0) }
      do {
        try migrator.migrate(writer)
        // A migration that rebuilds the response table leaves the old table's pages free inside the file, which
        // would keep it larger than before until something reused them (v17 took a million responses' file from
        // 353 to 649 MB). Compacting is not needed for correctness: when it fails (another process reads, or the
        // disk lacks room for the copy VACUUM makes), the file stays as it is.
        if !applied.isEmpty, !rebuildingMigrations.isSubset(of: applied) { try? writer.vacuum() }
        return
      } catch let error as DatabaseError where attempts < 50 {
        attempts += 1
        if try writer.read({ try migrator.hasCompletedMigrations($0) }) { return }
        let appliedMeanwhile = try writer.read { try migrator.appliedIdentifiers($0) } != applied
        guard appliedMeanwhile || error.resultCode.primaryResultCode == .SQLITE_BUSY else { throw error }
        Thread.sleep(forTimeInterval: 0.02)
      }
    }
  }

  /// Throws unless the database is empty or one of ours at a schema version this build knows.
  ///
  /// Only reads, so a refused file is never changed.
  private static func refuseUnlessOurs(_ reader: any DatabaseReader, path: String) throws {
    do {
      try reader.read { db in
        let tables = try String.fetchAll(
          db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        if !tables.isEmpty, !tables.contains("grdb_migrations") {
          throw StoreError.notATevredenDatabase(path: path)
        }
        if try migrator.hasBeenSuperseded(db) {
          throw StoreError.newerSchema(path: path)
        }
      }
    } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
      throw StoreError.notATevredenDatabase(path: path)
    }
  }

  /// SQLite's memory statistics turned off for the process, once, before its first connection (see
  /// `tevreden_sqlite_disable_memory_statistics`): every allocation SQLite made took one process-wide lock to count
  /// itself, 4% of an import's time (perf), where the storing thread allocates for every value it binds. Nothing in
  /// tevreden reads the statistics. Should SQLite already be in use in the process (a test that opened a connection
  /// first), they stay on, which changes nothing else.
  static let withoutMemoryStatistics: Int32 = tevreden_sqlite_disable_memory_statistics()

  /// An empty database in memory, for tests.
  public static func inMemory() throws -> TevredenDatabase {
    try TevredenDatabase(DatabaseQueue())
  }

  /// Opens the database file, creating it readable and writable by its owner only (mode 0600).
  ///
  /// The journal is in WAL mode so readers never block the writer, and a busy database is waited for (up to
  /// ten seconds) instead of failing with "database is locked". What a killed import left behind is removed
  /// (``removeAbandonedImports()``).
  public static func open(atPath path: String) throws -> TevredenDatabase {
    _ = withoutMemoryStatistics
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    // Created exclusively, before SQLite sees it, so the file is never readable by others, not even for a
    // moment, and a database that another process has just created is never overwritten.
    let descriptor = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    if descriptor >= 0 {
      Foundation.close(descriptor)
    } else if errno != EEXIST {
      if !FileManager.default.fileExists(atPath: folder) { throw StoreError.missingFolder(path: path) }
      throw StoreError.cannotCreate(path: path)
    } else {
      // Switching to WAL writes to the file, so an existing file is first checked through a connection that
      // only reads and keeps the file's journal mode: a database from a newer tevreden, or another
      // application's, is refused untouched. (A read-only connection would leave -wal and -shm files behind.)
      var probing = Configuration()
      probing.busyMode = .timeout(10)
      do {
        let probe = try DatabaseQueue(path: path, configuration: probing)
        try refuseUnlessOurs(probe, path: path)
        try probe.close()
      } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
        throw StoreError.notATevredenDatabase(path: path)
      }
    }
    var configuration = Configuration()
    configuration.journalMode = .wal
    configuration.busyMode = .callback(busyCallback(announcingTo: WaitSignal(databasePath: path)))
    configuration.foreignKeysEnabled = true
    configuration.prepareDatabase { db in
      // Takes effect only on a new file (before the switch to WAL writes its header); an existing one keeps its
      // pages' size.
      try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)")
      let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
      try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.autocheckpointPages(pageSize: pageSize))")
    }
    let database: TevredenDatabase
    do {
      database = try TevredenDatabase(openWaitingForJournalSwitch(path: path, configuration: configuration), path: path)
    } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
      throw StoreError.notATevredenDatabase(path: path)
    }
    try database.removeAbandonedImports()
    return database
  }

  /// The size of a new database's pages: 8 KiB rather than SQLite's 4 KiB. An import writes each page it changes
  /// to the write-ahead log at every step and into the file at every checkpoint, one system call per page; pages
  /// twice as large halve the calls for the same bytes. Much larger pages made an import slower (each random insert
  /// into the key-hash index dirties a whole page); the scans read the same rows as fast or faster
  /// (Benchmarks/README.md, "Reading further ahead, and 8 KiB pages").
  static let pageSize = 8192

  /// How many pages the write-ahead log holds before the commit that passes it copies them into the database file
  /// (SQLite's default is 1,000), on every connection tevreden opens: 64 MiB of log, ``autocheckpointBytes``.
  ///
  /// An import's every step rewrites most pages of the key-hash index, which row-hash ids fill in random order; with
  /// the default each step's commit copied them all into the file again, and a checkpoint after several steps
  /// copies each page once (Benchmarks/README.md, "Checkpoints"). The same number on every connection, because a
  /// commit that finds the log past its connection's number checkpoints all of it: an interviewer's connection at
  /// 1,000 would copy an import's 64 MB after one answer (132 ms measured). At the same number the import's own
  /// commits pass it nearly always, and an interviewer committing while the import checkpoints finds the checkpoint
  /// taken and goes on. Each command's closing checkpoint (``close()``) empties the log as before.
  static let autocheckpointBytes = 64 << 20

  /// ``autocheckpointBytes`` in pages of `pageSize` bytes: 16,384 at SQLite's 4 KiB, 8,192 at tevreden's 8 KiB.
  static func autocheckpointPages(pageSize: Int) -> Int { autocheckpointBytes / max(512, pageSize) }

  /// Waits for a database that another process is writing to: tries again every millisecond, for up to about ten
  /// seconds. SQLite's own timeout sleeps up to 100 ms between tries, so a process waiting behind an import,
  /// which leaves the database free for two milliseconds between its steps (``ImportSession``), could miss every
  /// gap; polling each millisecond takes the first one.
  ///
  /// Each try also tells an import that holds the database that someone waits (``WaitSignal``), so that it ends
  /// its step. `tries`: how many before giving up with "database is locked".
  static func busyCallback(announcingTo signal: WaitSignal?, tries limit: Int = 10_000) -> Database.BusyCallback {
    { tries in
      signal?.announce()
      usleep(1000)
      return tries < limit
    }
  }

  /// Opens a connection, trying again while switching a new file to WAL finds it busy.
  ///
  /// Interviewers starting at once on a new file all switch it to WAL on opening. Two connections that both
  /// read the file and both want to write its header would wait for each other for ever, so SQLite fails one at
  /// once with "database is locked" instead of waiting (its busy timeout does not apply). Seen in the test that
  /// starts eight interviews on a new file at once; trying again a moment later finds the switch made.
  private static func openWaitingForJournalSwitch(path: String, configuration: Configuration) throws
    -> DatabaseQueue
  {
    let deadline = Date().addingTimeInterval(10)
    while true {
      do {
        return try DatabaseQueue(path: path, configuration: configuration)
      } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
        Thread.sleep(forTimeInterval: .random(in: 0.01...0.05))
      }
    }
  }

  // MARK: - Writing

  /// Stores one response, with the definition it was collected with; replaces nothing.
  ///
  /// - Throws: ``StoreError/duplicateResponse(_:)`` if a response with this id is already stored.
  public func save(_ response: Response, collectedWith definition: LoadedQuestionnaire) throws {
    try writer.write { db in
      try Self.refuseStored(response.id, in: db)
      let snapshotId = try Self.snapshotId(for: definition, in: db)
      try Self.insert(response, definition: definition, snapshotId: snapshotId, batchId: nil, in: db)
    }
  }

  /// Stores responses from one import (see ``importRun(isInterrupted:_:)``): all of them, or (on an error) none.
  ///
  /// A response whose id is already stored with the same content is a duplicate and is skipped; one stored with
  /// different content is a conflict and is skipped too. With `source.rejectsConflicts`, a conflict rolls the
  /// whole import back and throws ``StoreError/importConflicts(_:)``.
  ///
  /// - Returns: What became of each response, in the order given.
  public func importResponses(_ items: [(Response, LoadedQuestionnaire)], source: ImportSource) throws
    -> [ImportDisposition]
  {
    try importRun { session in
      try session.beginBatch(source)
      let dispositions = try items.map { try session.add($0.0, definition: $0.1) }
      let conflicts = zip(items, dispositions).filter { $1 == .conflict }.map(\.0.0.id)
      if source.rejectsConflicts, !conflicts.isEmpty {
        throw StoreError.importConflicts(conflicts)
      }
      try session.endBatch()
      return dispositions
    }
  }

  /// Throws unless the response's id, and its key hash, are free.
  static func refuseStored(_ id: Response.ID, in db: Database) throws {
    let stored = try String.fetchOne(
      db, sql: "SELECT responseKey FROM response WHERE keyHash = ?", arguments: [ResponseKeyHash.of(id.rawValue)])
    guard let stored else { return }
    throw stored == id.rawValue ? StoreError.duplicateResponse(id) : StoreError.keyCollision(id, stored: stored)
  }

  /// The SQL condition that finds a response by its id (`?` twice: the key hash, then the id), through the
  /// unique index on the hash.
  static let byKey = "keyHash = ? AND responseKey = ?"

  /// The snapshot of a definition, stored if it is not yet, with numbers for its items (``ItemCodes``);
  /// `numberingItems` false only for a database of a schema before v13 (which tests make).
  static func snapshotId(for definition: LoadedQuestionnaire, in db: Database, numberingItems: Bool = true) throws
    -> Int64
  {
    let hash = definition.sha256
    if let existing = try SnapshotRecord.filter(SnapshotRecord.Columns.sha256 == hash).fetchOne(db),
      let id = existing.id
    {
      return id
    }
    let questionnaire = definition.questionnaire
    var record = SnapshotRecord(
      id: nil, questionnaireID: questionnaire.id.rawValue, version: questionnaire.version,
      audience: questionnaire.audience.rawValue, respondentGroup: questionnaire.group,
      groupLabel: questionnaire.groupLabel, sha256: hash, definition: definition.source,
      storedAt: Timestamp.format(Date()))
    try record.insert(db)
    guard let id = record.id else { throw StoreError.cannotCreate(path: "questionnaireSnapshot") }
    if numberingItems { try ItemCodes.ensure(questionnaire, in: db) }
    return id
  }

  /// Inserts a response unless one with its id is stored.
  ///
  /// - Returns: whether the row was inserted; `false` when a response with this id was already there.
  @discardableResult
  static func insert(
    _ response: Response, definition: LoadedQuestionnaire, snapshotId: Int64, batchId: Int64?, in db: Database
  ) throws -> Bool {
    let grade = response.grade(using: definition.questionnaire.scoreRule)
    let record = ResponseRecord(response, snapshotId: snapshotId, grade: grade, importBatchId: batchId)
    return try insert(record, answers: StoredAnswers(response.answers, codes: ItemCodes.fetch(db)), in: db)
  }

  /// Inserts a response row unless one with its id is stored; `false` when one was.
  static func insert(_ record: ResponseRecord, answers: StoredAnswers, in db: Database) throws -> Bool {
    try insert(
      record, answers: answers, id: nextResponseId(in: db), using: db.cachedStatement(sql: insertSQL), in: db)
  }

  /// The row id the next response gets: after every id stored and every id a deleted response had (schema v16 on,
  /// where the response table has no AUTOINCREMENT; see the migration). Valid until the transaction writes
  /// another response or ends.
  static func nextResponseId(in db: Database) throws -> Int64 {
    try Int64.fetchOne(
      db,
      sql: """
        SELECT MAX(IFNULL((SELECT MAX(id) FROM response), 0),
          IFNULL((SELECT largest FROM responseIdFloor WHERE id = 1), 0)) + 1
        """) ?? 1
  }

  /// Whether any response names a definition or an import batch that is not stored: what the foreign keys of the
  /// response table checked per row before schema v16, checked in one query where a file did not come from this
  /// build's own writes (a station to merge).
  static let danglingReferencesSQL = """
    SELECT EXISTS (
      SELECT 1 FROM response r
      WHERE NOT EXISTS (SELECT 1 FROM questionnaireSnapshot s WHERE s.id = r.snapshotId)
        OR (r.importBatchId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM importBatch b WHERE b.id = r.importBatchId)))
    """

  /// The insert of a response row; the conflict clause makes the existence check part of it.
  static let insertSQL = """
    INSERT INTO response (id, responseKey, keyHash, importBatchId, snapshotId, gemeente, mode, interviewer, startedAt,
      completedAt, collectedOn, status, grade, answers, missing, language, interpreter)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (keyHash) DO NOTHING
    """

  /// Where a response row goes besides its content: its key and key hash (a numbered repeat's differ from its
  /// record's), its definition's snapshot and its import batch. An import binds them beside the record rather than
  /// setting them in a copy of it.
  struct Placement {
    var responseKey: String
    var keyHash: Int64
    var snapshotId: Int64
    var importBatchId: Int64?
  }

  /// Inserts a response row as row `id` (``nextResponseId(in:)``) with a statement made from ``insertSQL``, unless
  /// one with its id is stored; `false` when one was, and row `id` is then still free.
  static func insert(
    _ record: ResponseRecord, answers: StoredAnswers, id: Int64, using statement: Statement, in db: Database
  ) throws -> Bool {
    try insert(record, placed: Placement(of: record), answers: answers, id: id, using: statement, in: db)
  }

  /// ``insert(_:answers:id:using:in:)`` with the record's key, key hash, snapshot and batch from `placement`.
  static func insert(
    _ record: ResponseRecord, placed placement: Placement, answers: StoredAnswers, id: Int64,
    using statement: Statement, arena: BindingArena? = nil, in db: Database
  ) throws -> Bool {
    var binder = DirectBinder(statement, arena: arena)
    binder.bind(id as Int64?)
    binder.bind(placement.responseKey)
    binder.bind(placement.keyHash as Int64?)
    binder.bind(placement.importBatchId)
    bindContent(of: record, snapshotId: placement.snapshotId, answers: answers, to: &binder)
    return try binder.execute(in: db)
  }

  /// Binds what makes a stored response the same response (``storedByKeyHashSQL``'s comparison), in the order both
  /// the insert and the lookup name those columns.
  private static func bindContent(
    of record: ResponseRecord, snapshotId: Int64, answers: StoredAnswers, to binder: inout DirectBinder
  ) {
    binder.bind(snapshotId as Int64?)
    binder.bind(record.gemeente)
    binder.bind(record.mode)
    binder.bind(record.interviewer)
    binder.bind(record.startedAt)
    binder.bind(record.completedAt)
    binder.bind(record.collectedOn)
    binder.bind(record.status)
    binder.bind(record.grade)
    binder.bind(answers.values)
    binder.bind(answers.missing)
    binder.bind(record.language)
    binder.bind(Int64(record.interpreter ? 1 : 0) as Int64?)
  }

  /// The lookup of a stored response by its key hash that also tells whether it is exactly `record` with `answers`
  /// as it would be stored today (its key, row id and import batch aside): the quick test for a response imported
  /// again from the same or a later cumulative export, so that an import run again needs one lookup per row.
  static let storedByKeyHashSQL = """
    SELECT id, responseKey, importBatchId,
      (snapshotId = ? AND gemeente IS ? AND mode = ? AND interviewer IS ? AND startedAt = ? AND completedAt IS ?
        AND collectedOn = ? AND status = ? AND grade IS ? AND answers = ? AND missing = ? AND language = ?
        AND interpreter = ?)
    FROM response WHERE keyHash = ?
    """

  /// The response stored with `placement`'s key hash, read with a statement made from ``storedByKeyHashSQL``: its
  /// row id, key and import batch, and whether it holds exactly `record` (with `placement`'s snapshot) and
  /// `answers`; `nil` when none is stored.
  static func stored(
    matching record: ResponseRecord, placed placement: Placement, answers: StoredAnswers, using statement: Statement,
    arena: BindingArena, in db: Database
  ) throws -> (rowId: Int64, key: String, importBatchId: Int64?, isSame: Bool)? {
    var binder = DirectBinder(statement, arena: arena)
    bindContent(of: record, snapshotId: placement.snapshotId, answers: answers, to: &binder)
    binder.bind(placement.keyHash as Int64?)
    let handle = binder.handle
    let result = binder.step()
    defer { sqlite3_reset(handle) }
    switch result {
    case SQLITE_DONE: return nil
    case SQLITE_ROW:
      // A key is text; GRDB would read it the same way (`String(cString:)` of the column's text).
      let key = sqlite3_column_text(handle, 1).map { String(cString: $0) } ?? ""
      return (
        sqlite3_column_int64(handle, 0), key, columnInt(handle, 2).map(Int64.init),
        sqlite3_column_int64(handle, 3) != 0
      )
    default: throw binder.error(result, in: db)
    }
  }

  // MARK: - Reading

  /// Every stored definition, oldest first.
  public func snapshots() throws -> [StoredSnapshot] {
    try writer.read { db in
      try Self.snapshots(SnapshotRecord.order(Column("id")).fetchAll(db))
    }
  }

  /// ``snapshot(_:)`` of each record, in their order, parsed on all cores at once: a report reads every stored
  /// definition before its scan can begin, and parsing their YAML one after another was a tenth of its time
  /// (perf).
  static func snapshots(_ records: [SnapshotRecord]) throws -> [StoredSnapshot] {
    try concurrentMap(records) { record in Result { try snapshot(record) } }.map { try $0.get() }
  }

  static func snapshot(_ record: SnapshotRecord) throws -> StoredSnapshot {
    let (loaded, diagnostics) = QuestionnaireLoader.parse(
      record.definition, file: "snapshot \(record.questionnaireID) v\(record.version)")
    guard let loaded else {
      throw StoreError.unreadableSnapshot(record.questionnaireID, diagnostics.map(\.description))
    }
    return StoredSnapshot(id: record.id ?? 0, definition: loaded, storedAt: Timestamp.parse(record.storedAt))
  }

  /// The response with this id, if stored (and not part of an import that is still running).
  public func response(_ id: Response.ID) throws -> Response? {
    try writer.read { db in
      var cache: [Int64: Questionnaire] = [:]
      return try Self.fetchResponse(
        key: id.rawValue, in: db, cache: &cache, codes: try ItemCodes.fetch(db), visibleOnly: true)
    }
  }

  /// Stored responses, optionally of one questionnaire, in the order they were stored.
  public func responses(questionnaire: Questionnaire.ID? = nil) throws -> [(Response, StoredSnapshot)] {
    try writer.read { db in
      var snapshots: [Int64: StoredSnapshot] = [:]
      for snapshot in try Self.snapshots(SnapshotRecord.fetchAll(db)) { snapshots[snapshot.id] = snapshot }
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT * FROM response WHERE \(try Self.visibleResponses(in: db))\(questionnaire == nil ? "" : " AND \(Self.ofQuestionnaire)")
          ORDER BY id
          """,
        arguments: questionnaire.map { [$0.rawValue] } ?? [])
      var stored: [(Response, StoredSnapshot)] = []
      let codes = try ItemCodes.fetch(db)
      while let row = try rows.next() {
        let record = try ResponseRecord(row: row)
        guard let snapshot = snapshots[record.snapshotId] else {
          throw StoreError.unreadableSnapshot(record.responseKey, ["snapshot \(record.snapshotId) is missing"])
        }
        stored.append(
          (
            try Self.response(record, row: row, questionnaire: snapshot.definition.questionnaire, codes: codes),
            snapshot
          ))
      }
      return stored
    }
  }

  /// What an export holds per questionnaire, in questionnaire order: the definitions its responses were collected
  /// with (over all periods, oldest response first, so that the columns do not depend on the period) and how many
  /// responses the period has. Questionnaires without responses in the period are left out.
  public func exportGroups(questionnaire: Questionnaire.ID?, period: Period?) throws -> [ExportGroup] {
    try scanConnections { db, helper in
      var definitions: [Int64: Questionnaire] = [:]
      for snapshot in try Self.snapshots(SnapshotRecord.fetchAll(db)) {
        definitions[snapshot.id] = snapshot.definition.questionnaire
      }
      /// The responses collected with one snapshot: how many in the period, and the first one's id.
      struct Part: Sendable {
        var snapshotId: Int64
        var inPeriod: Int
        var firstId: Int64
      }
      let filter =
        try Self.visibleResponses(in: db) + (questionnaire == nil ? "" : " AND \(Self.ofQuestionnaire)")
      let arguments: [String] =
        [period?.first.description ?? "0000-01-01", period?.last.description ?? "9999-12-31"]
        + (questionnaire.map { [$0.rawValue] } ?? [])
      // Counted on two threads at once when the table is large (see scanConnections), then added up.
      let threads = try Self.onTwoThreads(db, helper: helper) { db, ranges in
        func count(_ ids: ClosedRange<Int64>?) throws -> [Part] {
          try Row.fetchAll(
            db,
            sql: """
              SELECT snapshotId, SUM(collectedOn BETWEEN ? AND ?) AS inPeriod, MIN(id) AS firstId
              FROM response WHERE \(filter)\(ids == nil ? "" : " AND id BETWEEN ? AND ?")
              GROUP BY snapshotId
              """,
            arguments: StatementArguments(
              arguments.map { $0 as any DatabaseValueConvertible } + (ids.map { [$0.lowerBound, $0.upperBound] } ?? []))
          ).map {
            Part(snapshotId: $0["snapshotId"], inPeriod: $0["inPeriod"], firstId: $0["firstId"])
          }
        }
        guard let ranges else { return try count(nil) }
        var parts: [Part] = []
        while let range = ranges.next() { parts += try count(range) }
        return parts
      }
      var parts: [Int64: Part] = [:]
      for part in threads.joined() {
        let key = part.snapshotId
        if var known = parts[key] {
          known.inPeriod += part.inPeriod
          known.firstId = min(known.firstId, part.firstId)
          parts[key] = known
        } else {
          parts[key] = part
        }
      }
      var rows: [(questionnaire: Questionnaire.ID, definition: Questionnaire, part: Part)] = []
      for part in parts.values {
        guard let definition = definitions[part.snapshotId] else {
          throw StoreError.unreadableSnapshot("?", ["snapshot \(part.snapshotId) is missing"])
        }
        rows.append((definition.id, definition, part))
      }
      // In the order of the questionnaire's id as SQLite's BINARY collation sorts it, then of its first response.
      rows.sort {
        $0.questionnaire != $1.questionnaire
          ? $0.questionnaire.rawValue.utf8.lexicographicallyPrecedes($1.questionnaire.rawValue.utf8)
          : $0.part.firstId < $1.part.firstId
      }
      var groups: [ExportGroup] = []
      for (id, definition, row) in rows {
        if groups.last?.questionnaire != id { groups.append(ExportGroup(questionnaire: id, definitions: [], count: 0)) }
        if !groups[groups.count - 1].definitions.contains(definition) {
          groups[groups.count - 1].definitions.append(definition)
        }
        groups[groups.count - 1].count += row.inPeriod
      }
      return groups.filter { $0.count > 0 }
    }
  }

  /// Calls `body` with each stored response of a questionnaire (in a period, if given), in the order they were
  /// stored, reading them one at a time: an export of any size needs the memory of one response.
  public func forEachResponse(
    of questionnaire: Questionnaire.ID, in period: Period?, _ body: (Response) throws -> Void
  ) throws {
    try writer.read { db in
      var definitions: [Int64: Questionnaire] = [:]
      var arguments: [any DatabaseValueConvertible] = [questionnaire.rawValue]
      var filter = "\(Self.ofQuestionnaire) AND \(try Self.visibleResponses(in: db))"
      if let period {
        filter += " AND collectedOn BETWEEN ? AND ?"
        arguments += [period.first.description, period.last.description]
      }
      let rows = try Row.fetchCursor(
        db, sql: "SELECT * FROM response WHERE \(filter) ORDER BY id", arguments: StatementArguments(arguments))
      let codes = try ItemCodes.fetch(db)
      while let row = try rows.next() {
        let record = try ResponseRecord(row: row)
        let definition = try Self.definition(of: record, in: db, cache: &definitions)
        try body(try Self.response(record, row: row, questionnaire: definition, codes: codes))
      }
    }
  }

  /// Fetches one response; `cache` keeps parsed definitions so a long import parses each one once. With
  /// `visibleOnly`, a response of an import still running is not found.
  static func fetchResponse(
    key: String, in db: Database, cache: inout [Int64: Questionnaire], codes: ItemCodes, visibleOnly: Bool = false
  ) throws -> Response? {
    let statement = try db.cachedStatement(
      sql: "SELECT * FROM response WHERE \(byKey)\(visibleOnly ? " AND \(visibleResponses())" : "")")
    guard let row = try Row.fetchOne(statement, arguments: [ResponseKeyHash.of(key), key]) else { return nil }
    let record = try ResponseRecord(row: row)
    return try response(
      record, row: row, questionnaire: try definition(of: record, in: db, cache: &cache), codes: codes)
  }

  /// The definition a response was collected with, parsed once per snapshot.
  static func definition(of record: ResponseRecord, in db: Database, cache: inout [Int64: Questionnaire])
    throws -> Questionnaire
  {
    if let cached = cache[record.snapshotId] { return cached }
    guard let snapshotRecord = try SnapshotRecord.fetchOne(db, key: record.snapshotId) else {
      throw StoreError.unreadableSnapshot(record.responseKey, ["snapshot \(record.snapshotId) is missing"])
    }
    let questionnaire = try snapshot(snapshotRecord).definition.questionnaire
    cache[record.snapshotId] = questionnaire
    return questionnaire
  }

  /// A stored response from its row (`SELECT *` of `response`): the record, and the answers in its two JSON
  /// objects. Every reader of stored responses comes through here.
  /// `codes`: the database's item numbers, which key the objects.
  static func response(_ record: ResponseRecord, row: Row, questionnaire: Questionnaire, codes: ItemCodes) throws
    -> Response
  {
    func object(_ column: String) throws -> [String: String] {
      guard let text: String = row[column], text != "{}" else { return [:] }
      guard let members = JSONStringObjectReader.members(text) else {
        throw StoreError.corruptRow("response \(record.responseKey): its \(column) are not a JSON object of texts")
      }
      var object: [String: String] = [:]
      for (key, value) in members {
        guard let item = codes.item(forKey: key) else {
          throw StoreError.corruptRow(
            "response \(record.responseKey): its \(column) hold key '\(key)', which is not an item number of this database"
          )
        }
        object[item] = value
      }
      return object
    }
    let answers =
      try object("answers").map { AnswerRecord(item: $0.key, value: $0.value, missingCode: nil) }
      + object("missing").map { AnswerRecord(item: $0.key, value: nil, missingCode: $0.value) }
    return try response(record, answers: answers, questionnaire: questionnaire)
  }

  private static func response(_ record: ResponseRecord, answers: [AnswerRecord], questionnaire: Questionnaire) throws
    -> Response
  {
    var parsed: [Question.ID: Answer] = [:]
    for answer in answers {
      let id = Question.ID(rawValue: answer.item)
      guard let question = questionnaire.question(id) else {
        throw StoreError.corruptRow("answer to unknown item '\(answer.item)' in response \(record.responseKey)")
      }
      if let code = answer.missingCode {
        parsed[id] = .missing(code)
      } else if let text = answer.value {
        switch AnswerReader.storedValue(text, for: question) {
        case .success(let value): parsed[id] = .value(value)
        case .failure(let problem):
          throw StoreError.corruptAnswer(response: record.responseKey, item: answer.item, problem)
        }
      }
    }
    guard let mode = Response.Mode(rawValue: record.mode),
      let status = Response.Status(rawValue: record.status), let startedAt = Timestamp.parse(record.startedAt),
      let language = LanguageCode(code: record.language)
    else { throw StoreError.corruptRow("response \(record.responseKey) has invalid metadata") }
    return Response(
      id: Response.ID(rawValue: record.responseKey),
      questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version, audience: questionnaire.audience,
      group: questionnaire.group,
      gemeente: record.gemeente, mode: mode, interviewer: record.interviewer, startedAt: startedAt,
      completedAt: record.completedAt.flatMap(Timestamp.parse), status: status, answers: parsed, language: language,
      isInterpreterAssisted: record.interpreter)
  }

  /// The condition that keeps the responses of one questionnaire (its id the statement's next argument): those
  /// collected with one of its definitions.
  static let ofQuestionnaire = "snapshotId IN (SELECT id FROM questionnaireSnapshot WHERE questionnaireID = ?)"

  /// The number of stored responses.
  public func responseCount() throws -> Int {
    try writer.read { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response WHERE \(try Self.visibleResponses(in: db))") ?? 0
    }
  }
}

private struct GroupKey: Hashable {
  var audience: Audience
  var group: String
}

// An extension, so that the struct keeps its memberwise initializer.
extension TevredenDatabase.Placement {
  /// Where the record itself says.
  init(of record: ResponseRecord) {
    self.init(
      responseKey: record.responseKey, keyHash: record.keyHash, snapshotId: record.snapshotId,
      importBatchId: record.importBatchId)
  }

  /// The record as it is stored here: with this key, key hash, snapshot and batch.
  func applied(to record: ResponseRecord) -> ResponseRecord {
    var placed = record
    placed.responseKey = responseKey
    placed.keyHash = keyHash
    placed.snapshotId = snapshotId
    placed.importBatchId = importBatchId
    return placed
  }
}
