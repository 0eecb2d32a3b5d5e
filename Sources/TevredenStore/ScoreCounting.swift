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

  /// The ``ShortText`` of each text in `seen`, compared before any of its bytes are: a scan asks for several
  /// numbers per row, of short texts that mostly differ in length or in their first or last eight bytes.
  private var signatures: [ShortText] = []

  /// The number of a text given as its bytes (never 0).
  mutating func id(_ text: UnsafeBufferPointer<UInt8>) -> Int {
    let signature = ShortText(text)
    for index in signatures.indices where signatures[index] == signature {
      if text.count <= 16 { return index + 1 }
      let equal = seen[index].withUnsafeBufferPointer { ShortText.middlesEqual($0, text) }
      if equal { return index + 1 }
    }
    let bytes = Array(text)
    seen.append(bytes)
    signatures.append(signature)
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

/// A text's length and its first and last eight bytes (they overlap in a text of 8 to 16 bytes; a shorter one has
/// its bytes first and zeros after them). Two texts of at most 16 bytes are equal when their signatures are; longer
/// ones when their bytes between those are too (``middlesEqual(_:_:)``).
struct ShortText: Equatable {
  var count: Int
  var head: UInt64
  var tail: UInt64

  init(_ text: UnsafeBufferPointer<UInt8>) {
    count = text.count
    guard let base = text.baseAddress, count >= 8 else {
      var head: UInt64 = 0
      for offset in 0..<count { head |= UInt64(text[offset]) << (8 * UInt64(offset)) }
      self.head = head
      tail = 0
      return
    }
    head = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
    tail = UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self)
  }

  /// Whether two texts of the same length, more than 16 bytes, have the same bytes between their first and last
  /// eight.
  static func middlesEqual(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let left = lhs.baseAddress, let right = rhs.baseAddress else { return lhs.count == rhs.count }
    return memcmp(left + 8, right + 8, lhs.count - 16) == 0
  }
}

/// How many respondents gave each grade in one cell: whole grades 1–10 in fixed fields, any other (7.5) by value.
struct GradeTally {
  /// The counts of the whole grades 1–10 in the tally itself: in an array each count paid a check that the array
  /// was not shared (and one for each tally and table around it), several times for every row of a scan.
  private var whole: (Int, Int, Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  /// The counts of the grades with one decimal (1.1 to 9.9, by their tenths less ten), made when the first comes:
  /// a grade like 7.5 is a common answer, and counting it in a dictionary hashed it for every row.
  private var tenths: [Int] = []
  private var other: [Double: Int] = [:]

  mutating func add(_ grade: Double) {
    // Within 1–10 the conversion to Int cannot trap, and comparing back says whether the grade is whole.
    guard grade >= 1, grade <= 10, Double(Int(grade)) == grade else {
      let scaled = (grade * 10).rounded()
      if scaled >= 10, scaled <= 100, scaled / 10 == grade {
        if tenths.isEmpty { tenths = Array(repeating: 0, count: 91) }
        tenths[Int(scaled) - 10] += 1
      } else {
        other[grade, default: 0] += 1
      }
      return
    }
    switch Int(grade) {
    case 1: whole.0 += 1
    case 2: whole.1 += 1
    case 3: whole.2 += 1
    case 4: whole.3 += 1
    case 5: whole.4 += 1
    case 6: whole.5 += 1
    case 7: whole.6 += 1
    case 8: whole.7 += 1
    case 9: whole.8 += 1
    default: whole.9 += 1
    }
  }

  /// Adds another tally's counts.
  mutating func add(_ other: GradeTally) {
    whole.0 += other.whole.0
    whole.1 += other.whole.1
    whole.2 += other.whole.2
    whole.3 += other.whole.3
    whole.4 += other.whole.4
    whole.5 += other.whole.5
    whole.6 += other.whole.6
    whole.7 += other.whole.7
    whole.8 += other.whole.8
    whole.9 += other.whole.9
    if !other.tenths.isEmpty {
      if tenths.isEmpty { tenths = Array(repeating: 0, count: 91) }
      for index in other.tenths.indices { tenths[index] += other.tenths[index] }
    }
    for (grade, count) in other.other { self.other[grade, default: 0] += count }
  }

  /// The count of whole grade `grade` (1–10).
  private func count(_ grade: Int) -> Int {
    switch grade {
    case 1: whole.0
    case 2: whole.1
    case 3: whole.2
    case 4: whole.3
    case 5: whole.4
    case 6: whole.5
    case 7: whole.6
    case 8: whole.7
    case 9: whole.8
    default: whole.9
    }
  }

  /// Adds the tally's counts to `distribution`.
  func add(to distribution: inout GradeDistribution) {
    for (grade, count) in counts { distribution.add(grade, count: count) }
  }

  /// Each grade counted, with its count: whole grades, grades with one decimal, then any other.
  var counts: [(grade: Double, count: Int)] {
    (1...10).compactMap { count($0) > 0 ? (Double($0), count($0)) : nil }
      + tenths.indices.compactMap { tenths[$0] > 0 ? (Double($0 + 10) / 10, tenths[$0]) : nil }
      + other.map { ($0.key, $0.value) }
  }

  var isEmpty: Bool { other.isEmpty && !tenths.contains { $0 > 0 } && !(1...10).contains { count($0) > 0 } }
}

/// Up to eight small numbers naming a cell during a scan: interned texts and integer keys.
struct ScanKey: Hashable {
  var a = 0
  var b = 0
  var c = 0
  var d = 0
  var e: Int?
  var f: Int?
  /// Where in the year the row's day falls, for a plan whose start is known only after the scan (see
  /// ``ScoreScan/Plan/opensAtFirstScoredYear``); 0 for any other plan.
  var g = 0
  /// The language of a breakdown by language (its number among the languages met).
  var h = 0

  /// The fields folded into one number and hashed once: the synthesized hash fed the hasher once per field and
  /// per optional's tag.
  func hash(into hasher: inout Hasher) { hasher.combine(mixed) }

  /// The fields folded into one number (FNV-1a over whole fields).
  var mixed: UInt64 {
    func mix(_ mixed: UInt64, _ field: Int) -> UInt64 {
      (mixed ^ UInt64(truncatingIfNeeded: field)) &* 0x0000_0100_0000_01B3
    }
    var mixed = mix(0xCBF2_9CE4_8422_2325, a)
    mixed = mix(mixed, b)
    mixed = mix(mixed, c)
    mixed = mix(mixed, d)
    mixed = mix(mixed, e ?? Int.min)
    mixed = mix(mixed, f ?? Int.min)
    mixed = mix(mixed, g)
    mixed = mix(mixed, h)
    return mixed
  }
}

/// Scan keys numbered in the order they were first seen, found by open addressing on ``ScanKey/mixed``: a
/// `Dictionary` spent most of each lookup setting up and finishing its hasher, several lookups for every row.
struct ScanKeyIndex {
  private(set) var keys: [ScanKey] = []
  /// A key's number plus one, at the slot its mixed fields point to or the next free one after it; 0 is free.
  private var slots = [Int](repeating: 0, count: 64)
  private var shift = 58

  /// The number of `key`, given the next number when it is new.
  mutating func number(of key: ScanKey) -> Int {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: (key.mixed &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    while true {
      let number = slots[slot]
      if number == 0 { break }
      if keys[number - 1] == key { return number - 1 }
      slot = (slot + 1) & mask
    }
    keys.append(key)
    slots[slot] = keys.count
    if keys.count * 2 > slots.count { grow() }
    return keys.count - 1
  }

  private mutating func grow() {
    slots = [Int](repeating: 0, count: slots.count * 2)
    shift -= 1
    let mask = slots.count - 1
    for (number, key) in keys.enumerated() {
      var slot = Int(truncatingIfNeeded: (key.mixed &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = number + 1
    }
  }
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
