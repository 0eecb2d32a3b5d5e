import Foundation
import GRDB
import Testing

@testable import TevredenStore

/// An import binds each row's texts from an arena of its own (SQLITE_STATIC) instead of letting SQLite copy each
/// one: what is stored must be the texts bound, row after row, also when a text does not fit in what is left of the
/// arena and is bound as SQLite's own copy.
@Suite struct BindingArenaTests {
  @Test func textsBoundFromTheArenaAreStoredAsTheyWereRowAfterRow() throws {
    let database = try DatabaseQueue()
    try database.write { db in
      try db.execute(sql: "CREATE TABLE t (a TEXT, b TEXT, c TEXT, d TEXT)")
      let statement = try db.makeStatement(sql: "INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, ?)")
      // 40 bytes: the first texts of a row fit, a later one does not (SQLite copies it), and the one after that fits
      // again in what is left; every row starts from the arena's beginning and overwrites the row before.
      let arena = BindingArena(capacity: 40)
      let rows: [[String?]] = [
        ["kort", "een tekst van meer dan vijftien bytes", "past niet meer in wat over is", "ok"],
        ["", nil, "Tevreden", String(repeating: "é", count: 30)],
        ["ja", "nee", "weet_niet", "Bel me op [telefoonnummer]"],
        [String(repeating: "x", count: 40), "y", "z", ""],
      ]
      for row in rows {
        var binder = DirectBinder(statement, arena: arena)
        for text in row { binder.bind(text) }
        #expect(try binder.execute(in: db))
      }
      let stored = try Row.fetchAll(db, sql: "SELECT a, b, c, d FROM t ORDER BY rowid").map { row in
        (0..<4).map { row[$0] as String? }
      }
      #expect(stored == rows)
    }
  }

  @Test func aTextLongerThanTheWholeArenaIsStoredWhole() throws {
    let database = try DatabaseQueue()
    try database.write { db in
      try db.execute(sql: "CREATE TABLE t (a TEXT, b TEXT)")
      let statement = try db.makeStatement(sql: "INSERT INTO t (a, b) VALUES (?, ?)")
      let arena = BindingArena()
      let long = String(repeating: "Een lange opmerking. ", count: 10_000)
      var binder = DirectBinder(statement, arena: arena)
      binder.bind(long)
      binder.bind("daarna")
      #expect(try binder.execute(in: db))
      let row = try #require(try Row.fetchOne(db, sql: "SELECT a, b FROM t"))
      #expect(row[0] as String == long)
      #expect(row[1] as String == "daarna")
    }
  }
}
