import Foundation
import GRDB
import GRDBSQLite

/// Reads the stored responses one after another in row id order, from the one a keyed lookup found last, for an
/// import that finds its rows stored already.
///
/// A file imported again, or a later cumulative export of the same survey, holds its rows in the order they were
/// stored: the response after the one found last is nearly always the next row's. Stepping one statement that
/// stays open costs a fraction of a keyed lookup, which seeks the key-hash index, then the table, and copies the
/// row's texts into memory allocated for that row alone (see Benchmarks/README.md, "Re-import by following the
/// stored rows"). Where the next stored response is not the row's, the import looks it up by its key as before.
///
/// The statement holds a read cursor on the response table between rows. ``stop()`` ends it; the import session
/// stops it before it writes a response and before its transaction ends, so that a commit never leaves a read open
/// on the snapshot it began with (a waiting process may write between two steps of the import).
struct StoredResponseFollower {
  /// The stored responses after a row id, in row id order, with what makes a response the same response in the
  /// order ``TevredenDatabase/bindContent(of:snapshotId:answers:to:)`` binds it, from column 4 on.
  static let sql = """
    SELECT id, keyHash, responseKey, importBatchId, snapshotId, gemeente, mode, interviewer, startedAt, completedAt,
      collectedOn, status, grade, answers, missing, language, interpreter
    FROM response WHERE id > ? ORDER BY id
    """
  static let firstContentColumn: Int32 = 4

  private let statement: Statement
  /// The row id after which the next stored response is read: set by a lookup that found one, cleared when the
  /// stored responses and the file's rows part ways.
  private var after: Int64?
  /// Whether the statement was stepped since it was last reset: its cursor is then open.
  private var isOpen = false

  init(_ statement: Statement) {
    self.statement = statement
  }

  /// Reads on after `rowId` from the next row on.
  mutating func resume(after rowId: Int64) {
    pause()
    after = rowId
  }

  /// Ends the read and forgets where it was: the next row is looked up by its key.
  mutating func stop() {
    pause()
    after = nil
  }

  /// Closes the read but keeps its place, for a transaction that ends (a step of the import): the next row begins a
  /// new read after the same row.
  mutating func pause() {
    guard isOpen else { return }
    sqlite3_reset(statement.sqliteStatement)
    isOpen = false
  }

  /// The next stored response, when it has `keyHash`: its row id, key and import batch, and whether it holds exactly
  /// `record` (with `snapshotId`) and `answers`. `nil` when there is no place to read on from, no response after it,
  /// or the next one has another key hash; the read then stops.
  mutating func next(
    keyHash: Int64, record: ResponseRecord, snapshotId: Int64, answers: StoredAnswers, in db: Database
  ) throws -> (rowId: Int64, key: String, importBatchId: Int64?, isSame: Bool)? {
    guard let after else { return nil }
    let handle = statement.sqliteStatement
    if !isOpen {
      sqlite3_reset(handle)
      let bound = sqlite3_bind_int64(handle, 1, after)
      guard bound == SQLITE_OK else { throw error(bound, in: db) }
      isOpen = true
    }
    let result = sqlite3_step(handle)
    guard result == SQLITE_ROW else {
      stop()
      if result == SQLITE_DONE { return nil }
      throw error(result, in: db)
    }
    let rowId = sqlite3_column_int64(handle, 0)
    guard sqlite3_column_int64(handle, 1) == keyHash else {
      stop()
      return nil
    }
    self.after = rowId
    // A key is text; GRDB would read it the same way (`String(cString:)` of the column's text).
    let key = sqlite3_column_text(handle, 2).map { String(cString: $0) } ?? ""
    let isSame = TevredenDatabase.storedContent(
      of: handle, from: Self.firstContentColumn, isSameAs: record, snapshotId: snapshotId, answers: answers)
    return (rowId, key, columnInt(handle, 3).map(Int64.init), isSame)
  }

  private func error(_ result: Int32, in db: Database) -> DatabaseError {
    DatabaseError(
      resultCode: ResultCode(rawValue: result), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
      sql: Self.sql)
  }
}

extension TevredenDatabase {
  /// Whether the row `handle` is on holds, from column `first` on, exactly the values
  /// ``bindContent(of:snapshotId:answers:to:)`` binds, compared as ``storedByKeyHashSQL`` compares them: each the
  /// same storage class and the same value, `NULL` the same as `NULL` only where the SQL says `IS`.
  ///
  /// Strict where SQL would convert: a hand-edited value of another storage class is not the same here. That is
  /// safe, only slower: a response not found the same is compared as it is read back
  /// (``ImportSession``'s `compare`).
  static func storedContent(
    of handle: OpaquePointer, from first: Int32, isSameAs record: ResponseRecord, snapshotId: Int64,
    answers: StoredAnswers
  ) -> Bool {
    // Each column by its number rather than a counter the comparisons share: a variable captured by them was
    // checked for exclusive access at every use, which cost more than the comparisons.
    storedInteger(handle, first, is: snapshotId) && storedText(handle, first + 1, is: record.gemeente, nullIsSame: true)
      && storedText(handle, first + 2, is: record.mode)
      && storedText(handle, first + 3, is: record.interviewer, nullIsSame: true)
      && storedText(handle, first + 4, is: record.startedAt)
      && storedText(handle, first + 5, is: record.completedAt, nullIsSame: true)
      && storedText(handle, first + 6, is: record.collectedOn) && storedText(handle, first + 7, is: record.status)
      && storedReal(handle, first + 8, is: record.grade) && storedText(handle, first + 9, is: answers.values)
      && storedText(handle, first + 10, is: answers.missing) && storedText(handle, first + 11, is: record.language)
      && storedInteger(handle, first + 12, is: record.interpreter ? 1 : 0)
  }

  private static func storedInteger(_ handle: OpaquePointer, _ column: Int32, is value: Int64) -> Bool {
    sqlite3_column_type(handle, column) == SQLITE_INTEGER && sqlite3_column_int64(handle, column) == value
  }

  /// `nullIsSame`: the column is compared with `IS` (a `NULL` bound for nil).
  private static func storedText(_ handle: OpaquePointer, _ column: Int32, is value: String?, nullIsSame: Bool = false)
    -> Bool
  {
    guard let value else { return nullIsSame && sqlite3_column_type(handle, column) == SQLITE_NULL }
    // The type before the text: asking for the text converts a value of another type.
    guard sqlite3_column_type(handle, column) == SQLITE_TEXT, let stored = sqlite3_column_text(handle, column)
    else { return false }
    let count = Int(sqlite3_column_bytes(handle, column))
    func equal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      guard bytes.count == count else { return false }
      guard count > 0, let start = bytes.baseAddress else { return true }
      return memcmp(stored, start, count) == 0
    }
    if let result = value.utf8.withContiguousStorageIfAvailable(equal) { return result }
    var copy = value
    return copy.withUTF8(equal)
  }

  private static func storedReal(_ handle: OpaquePointer, _ column: Int32, is value: Double?) -> Bool {
    let type = sqlite3_column_type(handle, column)
    guard let value else { return type == SQLITE_NULL }
    return type == SQLITE_FLOAT && sqlite3_column_double(handle, column) == value
  }
}
