import Foundation
import GRDB
import GRDBSQLite
import TevredenCore

/// Counting in Swift during one sequential scan, instead of SQLite sorting every row for a `GROUP BY`: the columns
/// that group are read straight from the statement, their few distinct texts turned into small numbers, and the
/// grades counted per cell in a fixed array.
///
/// A text column is read as GRDB reads it (`String(cString:)` of `sqlite3_column_text`), so two texts that differ
/// only after a NUL byte end up in the same cell, as they did when GRDB decoded the `GROUP BY`'s rows.
struct TextInterner {
  /// The distinct byte sequences seen, each numbered by its position plus one (0 is NULL).
  private var seen: [[UInt8]] = []
  /// The text of each number, as GRDB would decode it; `values[0]` is `nil` (NULL).
  private(set) var values: [String?] = [nil]

  /// The number of the text in `column` of the current row of `handle`: 0 for NULL.
  mutating func id(_ handle: OpaquePointer, _ column: Int32) -> Int {
    guard sqlite3_column_type(handle, column) != SQLITE_NULL, let text = sqlite3_column_text(handle, column) else {
      return 0
    }
    return id(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))))
  }

  /// The number of a text given as its bytes (never 0).
  mutating func id(_ text: UnsafeBufferPointer<UInt8>) -> Int {
    let count = text.count
    for index in seen.indices where seen[index].count == count {
      let equal = seen[index].withUnsafeBufferPointer { known in
        guard let start = known.baseAddress, let other = text.baseAddress else { return true }  // both empty
        return memcmp(start, other, count) == 0
      }
      if equal { return index + 1 }
    }
    let bytes = Array(text)
    seen.append(bytes)
    values.append(String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self))
    return seen.count
  }

  /// Whether text `lhs` sorts before text `rhs` as SQLite's BINARY collation sorts them: NULL first, then by
  /// their bytes.
  func precedes(_ lhs: Int, _ rhs: Int) -> Bool {
    guard lhs != 0, rhs != 0 else { return lhs == 0 && rhs != 0 }
    return seen[lhs - 1].lexicographicallyPrecedes(seen[rhs - 1])
  }
}

/// How many respondents gave each grade in one cell: whole grades 1–10 in a fixed array, any other (7.5) by value.
struct GradeTally {
  private var whole = [Int](repeating: 0, count: 11)
  private var other: [Double: Int] = [:]

  mutating func add(_ grade: Double) {
    if grade >= 1, grade <= 10, grade.rounded(.towardZero) == grade {
      whole[Int(grade)] += 1
    } else {
      other[grade, default: 0] += 1
    }
  }

  /// Adds the tally's counts to `distribution`.
  func add(to distribution: inout GradeDistribution) {
    for grade in 1...10 where whole[grade] > 0 { distribution.add(Double(grade), count: whole[grade]) }
    for (grade, count) in other { distribution.add(grade, count: count) }
  }

  /// Each grade counted, with its count.
  var counts: [(grade: Double, count: Int)] {
    (1...10).compactMap { whole[$0] > 0 ? (Double($0), whole[$0]) : nil } + other.map { ($0.key, $0.value) }
  }

  var isEmpty: Bool { other.isEmpty && !whole.contains { $0 > 0 } }
}

/// Up to six small numbers naming a cell during a scan: interned texts and integer keys.
struct ScanKey: Hashable {
  var a = 0
  var b = 0
  var c = 0
  var d = 0
  var e: Int?
  var f: Int?
}

extension Statement {
  /// Steps through the statement's rows, calling `body` with the raw SQLite statement for each one. GRDB's
  /// cursor does the stepping and error handling; `body` reads the columns with `sqlite3_column_*`.
  func forEachRow(_ body: (OpaquePointer) throws -> Void) throws {
    let handle = sqliteStatement
    let rows = try Row.fetchCursor(self)
    while try rows.next() != nil { try body(handle) }
  }
}

/// The `Int?` GRDB would read from an integer column: `nil` for NULL.
func columnInt(_ handle: OpaquePointer, _ column: Int32) -> Int? {
  sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(handle, column))
}
