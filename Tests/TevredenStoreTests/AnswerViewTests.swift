import Foundation
import GRDB
import Testing
import TevredenTestSupport

@testable import TevredenCore
@testable import TevredenStore

/// The stored answers stay readable without tevreden through the two views the README documents, and a database
/// of an old schema keeps everything when this version opens it.
@Suite struct AnswerViewTests {
  /// Three responses of the store-test questionnaire: a grade and an open answer, a missing code, a refusal.
  static func responses(_ questionnaire: Questionnaire) throws -> [Response] {
    [
      try makeResponse(
        "r1", grade: .value(.grade(7.5)), questionnaire: questionnaire, remark: "Zei: \"bel me\", ná 5 uur\nDank"),
      try makeResponse("r2", grade: .missing("weet_niet"), on: "2026-05-02", questionnaire: questionnaire),
      try makeResponse("r3", grade: nil, status: .refused, questionnaire: questionnaire),
    ]
  }

  /// A response's answers as the view should show them: item, value text, missing code.
  static func expectedRows(_ response: Response) -> [[String?]] {
    response.answers.map { item, answer -> [String?] in
      switch answer {
      case .value(let value): [item.rawValue, value.canonicalText, nil]
      case .missing(let code): [item.rawValue, nil, code]
      }
    }.sorted { ($0[0] ?? "") < ($1[0] ?? "") }
  }

  static func viewRows(_ key: String, in db: Database) throws -> [[String?]] {
    try Row.fetchAll(
      db, sql: "SELECT item, value, missingCode FROM responseAnswer WHERE responseKey = ? ORDER BY item",
      arguments: [key]
    ).map { [$0["item"], $0["value"], $0["missingCode"]] }
  }

  @Test func everyAnswerAndMissingCodeIsAViewRow() throws {
    let database = try TevredenDatabase.inMemory()
    let definition = try storeQuestionnaire()
    let responses = try Self.responses(definition.questionnaire)
    for response in responses { try database.save(response, collectedWith: definition) }
    try database.writer.read { db in
      for response in responses {
        #expect(try Self.viewRows(response.id.rawValue, in: db) == Self.expectedRows(response), "\(response.id)")
      }
      let metadata = try #require(
        try Row.fetchOne(db, sql: "SELECT * FROM visibleResponse WHERE responseKey = 'r2'"))
      #expect(metadata["collectedOn"] == "2026-05-02")
      #expect(metadata["status"] == "completed")
      #expect(metadata["grade"] as Double? == nil)
      #expect(metadata["respondentGroup"] == "melding")
    }
  }

  @Test func theREADMEsQueryRunsAndGivesTheGradesOfCompletedResponses() throws {
    let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let marker = try #require(readme.range(of: "<!-- answers-sql -->\n```sql\n"), "README lost its answers-sql block")
    let end = try #require(readme[marker.upperBound...].range(of: "```"))
    let sql = String(readme[marker.upperBound..<end.lowerBound])
    let database = try TevredenDatabase.inMemory()
    let definition = try storeQuestionnaire()
    for response in try Self.responses(definition.questionnaire) {
      try database.save(response, collectedWith: definition)
    }
    let rows = try database.writer.read { db in
      try Row.fetchAll(db, sql: sql).map { row -> [String?] in
        [row["respondentGroup"], row["collectedOn"], row["value"], row["missingCode"]]
      }
    }
    #expect(rows == [["melding", "2026-03-10", "7.5", nil], ["melding", "2026-05-02", nil, "weet_niet"]])
  }

  @Test func theResponsesOfAnImportStillRunningAreLeftOut() throws {
    let database = try TevredenDatabase.inMemory()
    let definition = try storeQuestionnaire()
    let responses = try Self.responses(definition.questionnaire)
    for response in responses { try database.save(response, collectedWith: definition) }
    try database.writer.write { db in
      try db.execute(
        sql: """
          INSERT INTO importBatch (source, sha256, format, importedAt, insertedCount, duplicateCount, rejectedCount,
            state) VALUES ('running.csv', 'x', 'qualtrics', '2026-03-01T10:00:00Z', 1, 0, 0, 'running')
          """)
      try db.execute(
        sql: "UPDATE response SET importBatchId = ? WHERE responseKey = 'r1'", arguments: [db.lastInsertedRowID])
    }
    let (running, visibleCount, finished) = try database.writer.read { db in
      (
        try Self.viewRows("r1", in: db), try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM visibleResponse"),
        try Self.viewRows("r2", in: db)
      )
    }
    #expect(running.isEmpty)
    #expect(visibleCount == 2)
    #expect(finished == Self.expectedRows(responses[1]))
  }

  /// A later migration that rebuilds the response table (as v11 did) must keep the views: SQLite refuses to rename
  /// a table into place while a view names one that is gone.
  @Test func theViewsOutliveARebuildOfTheResponseTable() throws {
    let queue = try DatabaseQueue()
    let database = try TevredenDatabase(queue)
    let definition = try storeQuestionnaire()
    let responses = try Self.responses(definition.questionnaire)
    for response in responses { try database.save(response, collectedWith: definition) }
    try queue.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA foreign_keys = OFF")
      try db.inTransaction {
        try TevredenDatabase.rebuild(table: "response", in: db) {
          $0.replacingOccurrences(of: "grade DOUBLE", with: "grade REAL")
        }
        return .commit
      }
      try db.execute(sql: "PRAGMA foreign_keys = ON")
    }
    let (sql, views, rows) = try queue.read { db in
      (
        try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'response'") ?? "",
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name"),
        try Self.viewRows("r1", in: db)
      )
    }
    #expect(sql.contains("grade REAL"))
    #expect(views == ["responseAnswer", "responseRow", "visibleResponse"])
    #expect(rows == Self.expectedRows(responses[0]))
  }

  @Test func aVersion5DatabaseKeepsEveryResponseAnswerSnapshotAndInterview() throws {
    // Given a database at schema v5 with two editions of a definition, responses with answers, missing codes and
    // an open answer, an interview paused halfway with its events, and a deleted response
    let queue = try DatabaseQueue()
    try TevredenDatabase.migrator.migrate(queue, upTo: "v5-response-key-hash")
    let first = try storeQuestionnaire()
    let second = try storeQuestionnaire(
      storeQuestionnaireYAML.replacingOccurrences(of: "version: 1", with: "version: 2")
        .replacingOccurrences(of: "Welk cijfer?", with: "Welk rapportcijfer?"))
    var stored = try Self.responses(first.questionnaire)
    let paused = try makeResponse(
      "VT-OPEN", grade: nil, status: .partial, questionnaire: second.questionnaire)
    let deleted = try makeResponse("r4", grade: .value(.grade(6)), questionnaire: second.questionnaire)
    try queue.write { db in
      let firstSnapshot = try TevredenDatabase.snapshotId(for: first, in: db, numberingItems: false)
      let secondSnapshot = try TevredenDatabase.snapshotId(for: second, in: db, numberingItems: false)
      for response in stored {
        try insertKeyedByItemID(response, definition: first, snapshotId: firstSnapshot, in: db)
      }
      for response in [paused, deleted] {
        try insertKeyedByItemID(response, definition: second, snapshotId: secondSnapshot, in: db)
      }
      let rowId = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM response WHERE responseKey = 'VT-OPEN'"))
      try db.execute(
        sql: "INSERT INTO interview (responseId, state, processId, lastActivityAt) VALUES (?, 'paused', NULL, ?)",
        arguments: [rowId, "2026-03-01T10:00:00Z"])
      for event in ["started", "answered", "paused"] {
        try db.execute(
          sql:
            "INSERT INTO interviewEvent (responseId, event, item, at, interviewer) VALUES (?, ?, 'toestemming', ?, 'AB12')",
          arguments: [rowId, event, "2026-03-01T10:00:00Z"])
      }
      try db.execute(sql: "DELETE FROM response WHERE responseKey = 'r4'")
    }
    stored.append(paused)
    let rowsBefore = try queue.read { db in
      try Row.fetchAll(db, sql: "SELECT \(responseMetadataColumns) FROM response ORDER BY id")
    }
    let snapshotsBefore = try queue.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM questionnaireSnapshot ORDER BY id")
    }
    let eventsBefore = try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM interviewEvent ORDER BY id") }

    // When this version opens it
    let database = try TevredenDatabase(queue)

    // Then every response reads back as it was stored, with its definition's edition, the interview is still
    // paused with its events, snapshots and row ids are unchanged, and the views show every answer
    for response in stored {
      #expect(try database.response(response.id) == response, "\(response.id)")
    }
    #expect(try database.interviewState("VT-OPEN") == .paused)
    try queue.read { db in
      #expect(try Row.fetchAll(db, sql: "SELECT \(responseMetadataColumns) FROM responseRow ORDER BY id") == rowsBefore)
      // The answers are keyed by the items' numbers, which go to the first edition's items in its order.
      let items = first.questionnaire.questions.map(\.id.rawValue)
      #expect(try String.fetchAll(db, sql: "SELECT name FROM item ORDER BY id") == items)
      for text in try String.fetchAll(db, sql: "SELECT answers || missing FROM response") {
        #expect(!items.contains { text.contains("\"\($0)\"") }, "\(text)")
      }
      #expect(try Row.fetchAll(db, sql: "SELECT * FROM questionnaireSnapshot ORDER BY id") == snapshotsBefore)
      #expect(try Row.fetchAll(db, sql: "SELECT * FROM interviewEvent ORDER BY id") == eventsBefore)
      #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
      #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
      // The rebuilt table's old pages are not left free in the file.
      #expect(try Int.fetchOne(db, sql: "PRAGMA freelist_count") == 0)
      for response in stored {
        #expect(try Self.viewRows(response.id.rawValue, in: db) == Self.expectedRows(response), "\(response.id)")
      }
      let snapshotOfOpen = try Int64.fetchOne(
        db, sql: "SELECT snapshotId FROM response WHERE responseKey = 'VT-OPEN'")
      let versionOfOpen = try Int.fetchOne(
        db, sql: "SELECT version FROM questionnaireSnapshot WHERE id = ?", arguments: [snapshotOfOpen])
      #expect(versionOfOpen == 2)
    }
    #expect(try database.snapshots().map(\.definition.questionnaire.version) == [1, 2])
    // And a new response never gets the row id of the deleted one
    try database.save(deleted, collectedWith: second)
    let newRowId = try queue.read { db in
      try Int64.fetchOne(db, sql: "SELECT id FROM response WHERE responseKey = 'r4'")
    }
    #expect(newRowId == 6)
  }
}
