import GRDB
import GRDBSQLite

/// Binds a statement's parameters in order through SQLite's own functions, for the statements an import runs once
/// per row (the insert, the lookup of a response stored already): building GRDB's `StatementArguments` per row was
/// a tenth of the storing thread's time (measured with perf). The first failing bind is kept and returned by
/// ``step()`` instead of stepping.
struct DirectBinder {
  let handle: OpaquePointer
  /// Kept for an error's message only: GRDB builds `Statement.sql` anew on every call, which per row cost more
  /// than the lookup itself (measured with perf).
  private let statement: Statement
  private var index: Int32 = 0
  private var bound = SQLITE_OK

  init(_ statement: Statement) {
    handle = statement.sqliteStatement
    self.statement = statement
    sqlite3_reset(handle)
  }

  mutating func bind(_ text: String?) {
    index += 1
    guard bound == SQLITE_OK else { return }
    guard let text else {
      bound = sqlite3_bind_null(handle, index)
      return
    }
    // SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
    let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    var utf8 = text
    let (handle, index) = (handle, index)
    bound = utf8.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) { characters in
        guard let start = characters.baseAddress else {
          return sqlite3_bind_text(handle, index, "", 0, transient)  // an empty text still needs an address
        }
        return sqlite3_bind_text(handle, index, start, Int32(characters.count), transient)
      }
    }
  }

  mutating func bind(_ number: Int64?) {
    index += 1
    guard bound == SQLITE_OK else { return }
    bound = number.map { sqlite3_bind_int64(handle, index, $0) } ?? sqlite3_bind_null(handle, index)
  }

  mutating func bind(_ number: Double?) {
    index += 1
    guard bound == SQLITE_OK else { return }
    bound = number.map { sqlite3_bind_double(handle, index, $0) } ?? sqlite3_bind_null(handle, index)
  }

  /// Steps the statement once, or returns the code of the bind that failed.
  func step() -> Int32 {
    bound == SQLITE_OK ? sqlite3_step(handle) : bound
  }

  /// Runs a statement that returns no rows (an insert) and resets it; whether it changed a row (`false` when its
  /// conflict clause left it out).
  func execute(in db: Database) throws -> Bool {
    let result = step()
    defer { sqlite3_reset(handle) }
    guard result == SQLITE_DONE else { throw error(result, in: db) }
    return sqlite3_changes(db.sqliteConnection) > 0
  }

  /// The error for a result code other than the one expected, with SQLite's message.
  func error(_ result: Int32, in db: Database) -> DatabaseError {
    DatabaseError(
      resultCode: ResultCode(rawValue: result), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
      sql: statement.sql)
  }
}
