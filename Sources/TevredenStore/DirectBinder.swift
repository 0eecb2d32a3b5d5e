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
  /// Where the texts are copied to when there is one (see ``BindingArena``).
  private let arena: BindingArena?

  /// - Parameter arena: Memory that holds this row's texts until the statement is stepped and reset, taken from
  ///   its start: the texts another binder copied there before are no longer bound. Without it SQLite copies each
  ///   text itself.
  init(_ statement: Statement, arena: BindingArena? = nil) {
    handle = statement.sqliteStatement
    self.statement = statement
    self.arena = arena
    arena?.used = 0
    sqlite3_reset(handle)
  }

  mutating func bind(_ text: String?) {
    index += 1
    guard bound == SQLITE_OK else { return }
    guard let text else {
      bound = sqlite3_bind_null(handle, index)
      return
    }
    // SQLITE_TRANSIENT: SQLite copies the bytes before the call returns. SQLITE_STATIC: it reads them where they
    // are, in the arena, which holds them until the next row.
    let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    let (handle, index, arena) = (handle, index, arena)
    // Read in place where the text has contiguous UTF-8 (a native string): a copy to call the mutating `withUTF8`
    // on retained and released it per text.
    func bind(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
      if let arena, let copy = arena.copy(bytes) {
        return sqlite3_bind_text(handle, index, copy, Int32(bytes.count), nil)
      }
      return bytes.withMemoryRebound(to: CChar.self) { characters in
        guard let start = characters.baseAddress else {
          return sqlite3_bind_text(handle, index, "", 0, transient)  // an empty text still needs an address
        }
        return sqlite3_bind_text(handle, index, start, Int32(characters.count), transient)
      }
    }
    if let result = text.utf8.withContiguousStorageIfAvailable(bind) {
      bound = result
    } else {
      var copy = text
      bound = copy.withUTF8(bind)
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

/// Memory an import's statements bind one row's texts from, in place (SQLITE_STATIC): with SQLITE_TRANSIENT SQLite
/// allocated, copied and freed each of a row's dozen texts itself. A binder takes it from its start, so it holds
/// the texts of the statement bound last; every statement that binds from it is bound anew before it is stepped
/// again. A text that does not fit in what is left is bound as SQLite's own copy instead.
final class BindingArena {
  private let base: UnsafeMutablePointer<CChar>
  private let capacity: Int
  /// Bytes taken by the texts bound since the last binder began.
  fileprivate(set) var used = 0

  init(capacity: Int = 64 << 10) {
    self.capacity = capacity
    base = .allocate(capacity: capacity)
  }

  deinit { base.deallocate() }

  /// Where a copy of `bytes` now is, or `nil` when they do not fit.
  fileprivate func copy(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafePointer<CChar>? {
    guard bytes.count <= capacity - used else { return nil }
    let start = base + used
    if let source = bytes.baseAddress {
      UnsafeMutableRawPointer(start).copyMemory(from: source, byteCount: bytes.count)
    }
    used += bytes.count
    return UnsafePointer(start)
  }
}
