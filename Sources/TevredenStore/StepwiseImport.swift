import Foundation
import GRDB
import TevredenCore

/// An import is written in short transactions, so that interviewers storing answers at the same time never wait
/// long for the database, and is still all or nothing: its responses stay invisible until its last step.
///
/// Every import batch has a `state`. It is `running` from the batch's first step: its responses are stored but
/// every query that reads responses leaves them out (``visibleResponses(_:)``). The last step, one short
/// transaction, sets the run's batches `committed`, and from then on its responses count. An import that fails or
/// is interrupted removes its responses itself, in short steps as well; one that was killed leaves a `running`
/// batch whose process is gone, and the next command that opens the database removes it (see
/// ``TevredenDatabase/removeAbandonedImports()``). The batch records its process id and the process's start time,
/// so that a process id used again by another program is not taken for the import.
extension TevredenDatabase {
  /// The SQL condition that keeps the responses that count: those stored by interviews and merges (no import
  /// batch) or by an import that has finished. `alias` is the response table's name in the query, if it has one.
  static func visibleResponses(_ alias: String? = nil) -> String {
    let column = alias.map { "\($0).importBatchId" } ?? "importBatchId"
    return "(\(column) IS NULL OR \(column) NOT IN (SELECT id FROM importBatch WHERE state = 'running'))"
  }

  /// ``visibleResponses(_:)`` for a query run later in the same transaction: `1` when no import is running, which
  /// is nearly always, so that SQLite need not look up each imported row's batch in the list of running ones (about
  /// a seventh of a scan of the responses, measured with the sqlite3 shell on a million). A transaction reads one
  /// state of the database, so no import can start or end for its queries meanwhile; outside a transaction, or with
  /// an import running (also this connection's own), the full condition.
  static func visibleResponses(_ alias: String? = nil, in db: Database) throws -> String {
    guard db.isInsideTransaction,
      try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM importBatch WHERE state = 'running')") == false
    else { return visibleResponses(alias) }
    return "1"
  }

  /// Runs an import: `body` stores responses through the session, which commits them in short steps, invisible
  /// until `body` returns and the run's batches are marked committed in one short transaction. When `body` throws,
  /// or `isInterrupted` says so (checked between responses), what the run stored is removed and the error is
  /// thrown on.
  ///
  /// Only one import runs at a time: another one still running is refused with
  /// ``StoreError/importRunning(processId:source:)``.
  public func importRun<T>(
    isInterrupted: @escaping @Sendable () -> Bool = { false }, _ body: (inout ImportSession) throws -> T
  ) throws -> T {
    try removeAbandonedImports()
    return try writer.writeWithoutTransaction { db in
      // A larger page cache for the length of the import: a big import otherwise spills pages and reads them
      // back, above all the pages of the index of key hashes, which row-hash ids fill in random order (about 20 MB
      // at a million responses); 32 MiB was the fastest size tried (Benchmarks/README.md). A connection keeps its
      // cache between transactions as long as no other connection wrote in between.
      let previous = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
      try db.execute(sql: "PRAGMA cache_size = -32768")
      defer { try? db.execute(sql: "PRAGMA cache_size = \(previous)") }
      // The same for the temporary tables an import keeps (ImportSession.beginBatch): a file imported again in
      // another order than its rows were stored claims their stored responses there (ImportSession.claim), and a
      // million claims in a small cache wrote and read the temporary file for every row.
      let previousTemporary = try Int.fetchOne(db, sql: "PRAGMA temp.cache_size") ?? -2000
      try db.execute(sql: "PRAGMA temp.cache_size = -16384")
      defer { try? db.execute(sql: "PRAGMA temp.cache_size = \(previousTemporary)") }
      try db.execute(sql: "BEGIN IMMEDIATE")
      var session = ImportSession(db: db, signal: WaitSignal(databasePath: writer.path), isInterrupted: isInterrupted)
      do {
        if let other = try Self.runningImport(in: db) {
          throw StoreError.importRunning(processId: other.processId, source: other.source)
        }
        let result = try body(&session)
        try session.commitRun()
        return result
      } catch {
        session.abandonRun()
        throw error
      }
    }
  }

  /// Another process's import that is still running, if any.
  static func runningImport(in db: Database) throws -> (processId: Int, source: String)? {
    let own = ImportProcess.current
    for row in try Row.fetchAll(
      db, sql: "SELECT source, processId, processStartedAt FROM importBatch WHERE state = 'running'")
    {
      let process = ImportProcess(id: row["processId"] ?? 0, startedAt: row["processStartedAt"])
      if process != own, process.isAlive { return (Int(process.id), row["source"]) }
    }
    return nil
  }

  /// Removes what imports that were killed left behind: their batches still `running` while their process is
  /// gone. The responses go in short steps, so that interviewers working meanwhile never wait long; they were
  /// never visible. Each removal is logged. Called when a command opens the database, and before an import.
  ///
  /// - Returns: The number of batches removed.
  @discardableResult
  public func removeAbandonedImports() throws -> Int {
    let own = ImportProcess.current
    let abandoned = try writer.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT id, source, importedAt, processId, processStartedAt, responsesAfter FROM importBatch
          WHERE state = 'running' ORDER BY id
          """
      ).filter { row in
        let process = ImportProcess(id: row["processId"] ?? 0, startedAt: row["processStartedAt"])
        return process != own && !process.isAlive
      }
    }
    guard !abandoned.isEmpty else { return 0 }
    try writer.writeWithoutTransaction { db in
      for row in abandoned {
        let id: Int64 = row["id"]
        let removed = try Self.removeBatches(
          [id], responsesAfter: row["responsesAfter"] ?? 0, snapshotsSince: row["importedAt"], in: db)
        try db.inTransaction(.immediate) {
          try Self.log(
            "remove-interrupted-import",
            "batch \(id) (\(row["source"] as String), started \(row["importedAt"] as String)) by process "
              + "\(row["processId"] as Int64? ?? 0), which stopped before the import ended: \(removed) responses "
              + "that were never visible removed", in: db)
          return .commit
        }
      }
    }
    return abandoned.count
  }

  /// Rows removed per transaction when an import is taken away: about a tenth of a second of work.
  static let removalStep = 5000

  /// Removes the responses of import batches in steps of ``removalStep`` (each its own transaction), then, in one
  /// more, the updates of older responses they recorded (never applied while they ran), the definitions first
  /// stored since `snapshotsSince` that no response uses and the batch rows.
  /// `responsesAfter` is the largest response id before the batches began: their rows all come after it, so no
  /// step reads the older rows. Must be called outside a transaction.
  ///
  /// - Returns: How many responses were removed.
  static func removeBatches(_ ids: [Int64], responsesAfter: Int64, snapshotsSince: String?, in db: Database) throws
    -> Int
  {
    guard !ids.isEmpty else { return 0 }
    let list = ids.map(String.init).joined(separator: ", ")
    var removed = 0
    while true {
      var changes = 0
      try db.inTransaction(.immediate) {
        try db.execute(
          sql: """
            DELETE FROM response WHERE id IN (
              SELECT id FROM response WHERE id > ? AND importBatchId IN (\(list)) ORDER BY id LIMIT ?)
            """, arguments: [responsesAfter, removalStep])
        changes = db.changesCount
        return .commit
      }
      removed += changes
      if changes < removalStep { break }
    }
    try db.inTransaction(.immediate) {
      // Updates of responses stored before, which the batches recorded and never applied (see `ImportSession.add`).
      try dropRevisions(ofBatches: ids, in: db)
      if let snapshotsSince {
        try db.execute(
          sql: """
            DELETE FROM questionnaireSnapshot
            WHERE storedAt >= ? AND NOT EXISTS (SELECT 1 FROM response WHERE snapshotId = questionnaireSnapshot.id)
              AND \(snapshotNotInRevisions)
            """, arguments: [snapshotsSince])
      }
      try db.execute(sql: "DELETE FROM importBatch WHERE id IN (\(list)) AND state = 'running'")
      return .commit
    }
    return removed
  }
}

/// The process that runs an import, as recorded with its batches: its id, and when it started, so that an id the
/// system has given to another process since is not taken for it.
struct ImportProcess: Hashable {
  var id: Int64
  /// The start time in clock ticks since boot, as text (`/proc/PID/stat`, field 22); `nil` where there is no
  /// `/proc`.
  var startedAt: String?

  static let current = ImportProcess(id: Int64(getpid()), startedAt: startTime(of: getpid()))

  /// Whether the process still runs. A process that has ended but whose parent has not yet collected it (a
  /// zombie) does not.
  var isAlive: Bool {
    guard id > 0, id <= Int64(Int32.max) else { return false }
    if kill(pid_t(id), 0) != 0 && errno == ESRCH { return false }
    #if os(Linux)
      guard let fields = Self.statFields(of: pid_t(id)) else { return false }
      if fields.first == "Z" || fields.first == "X" { return false }
      if let startedAt, fields.count > 19, fields[19] != startedAt { return false }
    #endif
    return true
  }

  /// The fields of `/proc/PID/stat` after the command name (which may hold spaces): the state first.
  private static func statFields(of pid: pid_t) -> [String]? {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = text.lastIndex(of: ")")
    else { return nil }
    return text[text.index(after: close)...].split(separator: " ").map(String.init)
  }

  private static func startTime(of pid: pid_t) -> String? {
    #if os(Linux)
      guard let fields = statFields(of: pid), fields.count > 19 else { return nil }
      return fields[19]
    #else
      return nil
    #endif
  }
}
