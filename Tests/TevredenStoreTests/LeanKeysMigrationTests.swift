import Foundation
import GRDB
import GRDBSQLite
import Testing
import TevredenCore

@testable import TevredenStore

/// Schema v16: the response table without AUTOINCREMENT and without per-row foreign-key checks, and what keeps
/// their promises instead.
@Suite struct LeanKeysMigrationTests {
  /// A v5 database as it stood: responses with answers and missing codes, an open remark that needs escaping, a
  /// paused interview with its events, and the newest response deleted again.
  private func version5Database() throws -> (DatabaseQueue, LoadedQuestionnaire, [Response]) {
    let queue = try DatabaseQueue()
    try TevredenDatabase.migrator.migrate(queue, upTo: "v5-response-key-hash")
    let definition = try storeQuestionnaire()
    let responses = [
      try makeResponse(
        "r1", grade: .value(.grade(7.5)), questionnaire: definition.questionnaire, remark: "Zei: \"bel me\"\nniet"),
      try makeResponse("r2", grade: .missing("weet_niet"), questionnaire: definition.questionnaire),
      try makeResponse("VT-OPEN", grade: nil, status: .partial, questionnaire: definition.questionnaire),
      try makeResponse("r4", grade: .value(.grade(6)), questionnaire: definition.questionnaire),
    ]
    try storeForMigration(responses, definition: definition, paused: "VT-OPEN", deleted: "r4", in: queue)
    return (queue, definition, Array(responses.prefix(3)))
  }

  @Test func aVersion5DatabaseKeepsEverythingAndNoDeletedRowIdIsHandedOutAgain() throws {
    // Given a v5 database whose newest response (row 4) was deleted
    let (queue, definition, kept) = try version5Database()
    let before = try queue.read { db in
      (
        try Row.fetchAll(db, sql: "SELECT id, responseKey, snapshotId, status, grade FROM response ORDER BY id"),
        try Row.fetchAll(db, sql: "SELECT * FROM questionnaireSnapshot ORDER BY id"),
        try Row.fetchAll(db, sql: "SELECT * FROM interviewEvent ORDER BY id")
      )
    }
    // When this version opens it
    let database = try TevredenDatabase(queue)
    // Then every response, answer and missing code reads back unchanged, with its row id and snapshot; the
    // interview is still paused with its events; the answers are readable through the documented view
    for response in kept { #expect(try database.response(response.id) == response) }
    #expect(try database.interviewState("VT-OPEN") == .paused)
    try queue.read { db in
      #expect(
        try Row.fetchAll(db, sql: "SELECT id, responseKey, snapshotId, status, grade FROM response ORDER BY id")
          == before.0)
      #expect(try Row.fetchAll(db, sql: "SELECT * FROM questionnaireSnapshot ORDER BY id") == before.1)
      #expect(try Row.fetchAll(db, sql: "SELECT * FROM interviewEvent ORDER BY id") == before.2)
      let viewed = try Row.fetchAll(
        db, sql: "SELECT item, value, missingCode FROM responseAnswer WHERE responseKey = 'r2' ORDER BY item")
      #expect(viewed.map { $0["item"] as String } == ["cijfer", "toestemming"])
      #expect(viewed.map { $0["missingCode"] as String? } == ["weet_niet", nil])
      // The table has lost AUTOINCREMENT and its foreign keys, and keeps its index, rules and the floor
      let sql = try #require(
        try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'response'"))
      #expect(!sql.contains("AUTOINCREMENT"))
      #expect(!sql.contains("REFERENCES"))
      #expect(sql.contains("CHECK (status = 'completed' OR status = 'partial' OR status = 'refused')"))
      #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(response)").isEmpty)
      #expect(try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'response'") == nil)
      #expect(try Int64.fetchOne(db, sql: "SELECT largest FROM responseIdFloor") == 4)
      #expect(try Bool.fetchOne(db, sql: TevredenDatabase.danglingReferencesSQL) == false)
      #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
    }
    // And a new response gets row 5, never the deleted response's 4
    let fifth = try makeResponse("r5", grade: .value(.grade(8)), questionnaire: definition.questionnaire)
    try database.save(fifth, collectedWith: definition)
    #expect(try queue.read { try Int64.fetchOne($0, sql: "SELECT id FROM response WHERE responseKey = 'r5'") } == 5)
  }

  @Test func aDeletedNewestResponseKeepsItsRowIdFromAnImportAndAnInterview() throws {
    // Given a database where the newest response was deleted by hand (as with the sqlite3 shell)
    let database = try TevredenDatabase.inMemory()
    let definition = try storeQuestionnaire()
    func response(_ id: String) throws -> Response {
      try makeResponse(id, grade: .value(.grade(7)), questionnaire: definition.questionnaire)
    }
    func rowId(_ key: String) throws -> Int64? {
      try database.writer.read {
        try Int64.fetchOne($0, sql: "SELECT id FROM response WHERE responseKey = ?", arguments: [key])
      }
    }
    try database.save(try response("a"), collectedWith: definition)
    try database.save(try response("b"), collectedWith: definition)
    try database.writer.write { try $0.execute(sql: "DELETE FROM response WHERE responseKey = 'b'") }
    // When an import stores two responses after it, and is taken back
    #expect(
      try database.importResponses(
        [(try response("c"), definition), (try response("d"), definition)], source: source())
        == [.inserted, .inserted])
    #expect(try rowId("c") == 3)
    #expect(try rowId("d") == 4)
    #expect(try database.undoImportBatch(1).removedResponses == 2)
    #expect(try rowId("d") == nil)
    // Then the next import and the next saved response continue after every id ever handed out
    #expect(try database.importResponses([(try response("e"), definition)], source: source()) == [.inserted])
    #expect(try rowId("e") == 5)
    try database.save(try response("f"), collectedWith: definition)
    #expect(try rowId("f") == 6)
  }

  @Test func aStationWhoseResponsesNameADefinitionItLacksIsNotMerged() throws {
    // Given a station whose response names a definition that is not in the file (the per-row check SQLite no
    // longer makes)
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let definition = try storeQuestionnaire()
    let stationPath = folder.appendingPathComponent("station.sqlite").path
    let station = try TevredenDatabase.open(atPath: stationPath)
    try station.save(
      try makeResponse("s1", grade: .value(.grade(7)), questionnaire: definition.questionnaire),
      collectedWith: definition)
    try station.writer.write { try $0.execute(sql: "UPDATE response SET snapshotId = 99") }
    station.close()
    let region = try TevredenDatabase.open(atPath: folder.appendingPathComponent("region.sqlite").path)
    // When it is merged, it is refused with a message naming the file, and nothing is merged
    #expect {
      try region.merge(stationsAt: [stationPath])
    } throws: { error in
      "\(error)".contains(stationPath) && "\(error)".contains("copy it from the station again")
    }
    #expect(try region.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM response") } == 0)
  }
}

/// SQLite's memory statistics, which cost a process-wide lock per allocation, are off when tevreden opens its first
/// connection in a process.
@Suite struct SQLiteSettingsTests {
  @Test func memoryStatisticsAreOffUnlessSQLiteWasInUseBefore() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = try TevredenDatabase.open(atPath: folder.appendingPathComponent("t.sqlite").path)
    let definition = try storeQuestionnaire()
    try database.save(
      try makeResponse("r1", grade: .value(.grade(7)), questionnaire: definition.questionnaire),
      collectedWith: definition)
    let setting = TevredenDatabase.withoutMemoryStatistics
    #expect(setting == SQLITE_OK || setting == SQLITE_MISUSE)
    // With the statistics off SQLite counts nothing; in a test process another test may have used SQLite first
    // (MISUSE), or be starting it on another thread at the same moment, which leaves a few bytes counted (40 were
    // seen). With them on, an open database holding a response counts its schema and pages: far more than 4 KiB.
    if setting == SQLITE_OK { #expect(sqlite3_memory_used() < 4096) }
  }
}
