import Foundation
import GRDB
import Testing
import TevredenCore

@testable import TevredenStore

/// Schema v17: a response's questionnaire, version, audience and group are its definition's, no longer columns of
/// its row; the views and `responseRow` still show them.
@Suite struct SlimResponseMigrationTests {
  /// A v16 database with responses of two groups (each its own definition), a paused interview with its events, and
  /// a deleted response.
  private func version16Database() throws -> (DatabaseQueue, [Response]) {
    let queue = try DatabaseQueue()
    try TevredenDatabase.migrator.migrate(queue, upTo: TevredenDatabase.leanKeysMigration)
    let melding = try storeQuestionnaire()
    let advies = try storeQuestionnaire(
      storeQuestionnaireYAML.replacingOccurrences(of: "group: melding", with: "group: advies")
        .replacingOccurrences(of: "id: store-test", with: "id: store-advies"))
    let responses = [
      try makeResponse(
        "r1", grade: .value(.grade(7.5)), questionnaire: melding.questionnaire, remark: "Zei: \"bel me\"\nniet"),
      try makeResponse("r2", grade: .missing("weet_niet"), questionnaire: advies.questionnaire),
      try makeResponse("VT-OPEN", grade: nil, status: .partial, questionnaire: melding.questionnaire),
      try makeResponse("r4", grade: .value(.grade(6)), questionnaire: advies.questionnaire),
    ]
    try queue.write { db in
      for (response, definition) in zip(responses, [melding, advies, melding, advies]) {
        let snapshot = try TevredenDatabase.snapshotId(for: definition, in: db)
        try insertAsVersion16(response, definition: definition, snapshotId: snapshot, in: db)
      }
      try pauseInterview(of: "VT-OPEN", andDelete: "r4", in: db)
    }
    return (queue, Array(responses.prefix(3)))
  }

  /// Inserts a response as schema v16 stored it: with the four columns its definition also holds.
  private func insertAsVersion16(
    _ response: Response, definition: LoadedQuestionnaire, snapshotId: Int64, in db: Database
  ) throws {
    let record = ResponseRecord(
      response, snapshotId: snapshotId, grade: response.grade(using: definition.questionnaire.scoreRule),
      importBatchId: nil)
    let answers = try StoredAnswers(response.answers, codes: ItemCodes.fetch(db))
    try db.execute(
      sql: """
        INSERT INTO response (responseKey, keyHash, snapshotId, questionnaireID, questionnaireVersion, audience,
          respondentGroup, gemeente, mode, interviewer, startedAt, completedAt, collectedOn, status, grade, answers,
          missing, language, interpreter)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        record.responseKey, record.keyHash, record.snapshotId, response.questionnaireID.rawValue,
        response.questionnaireVersion, response.audience.rawValue, response.group, record.gemeente, record.mode,
        record.interviewer, record.startedAt, record.completedAt, record.collectedOn, record.status, record.grade,
        answers.values, answers.missing, record.language, record.interpreter,
      ])
  }

  private static let viewColumns = """
    responseId, responseKey, questionnaireID, questionnaireVersion, audience, respondentGroup, gemeente, mode,
    interviewer, startedAt, completedAt, collectedOn, status, grade
    """

  @Test func aVersion16DatabaseKeepsEveryResponseAnswerAndInterviewAndShowsTheFourColumnsFromTheDefinition() throws {
    // Given a v16 database whose responses belong to two definitions
    let (queue, kept) = try version16Database()
    let before = try queue.read { db in
      (
        try Row.fetchAll(db, sql: "SELECT \(Self.viewColumns) FROM visibleResponse ORDER BY responseId"),
        try Row.fetchAll(db, sql: "SELECT * FROM responseAnswer ORDER BY responseId, item"),
        try Row.fetchAll(db, sql: "SELECT * FROM questionnaireSnapshot ORDER BY id"),
        try Row.fetchAll(db, sql: "SELECT * FROM interviewEvent ORDER BY id"),
        try Row.fetchAll(db, sql: "SELECT id, answers, missing, keyHash FROM response ORDER BY id")
      )
    }
    #expect(before.0.map { $0["respondentGroup"] as String } == ["melding", "advies", "melding"])
    // When this version opens it
    let database = try TevredenDatabase(queue)
    // Then every response reads back as it was, the interview is still paused with its events, the views show
    // the same rows, and the four columns are gone from the table while `responseRow` shows them
    for response in kept { #expect(try database.response(response.id) == response, "\(response.id)") }
    #expect(try database.interviewState("VT-OPEN") == .paused)
    try queue.read { db in
      #expect(
        try Row.fetchAll(db, sql: "SELECT \(Self.viewColumns) FROM visibleResponse ORDER BY responseId") == before.0)
      #expect(try Row.fetchAll(db, sql: "SELECT * FROM responseAnswer ORDER BY responseId, item") == before.1)
      #expect(try Row.fetchAll(db, sql: "SELECT * FROM questionnaireSnapshot ORDER BY id") == before.2)
      #expect(try Row.fetchAll(db, sql: "SELECT * FROM interviewEvent ORDER BY id") == before.3)
      #expect(try Row.fetchAll(db, sql: "SELECT id, answers, missing, keyHash FROM response ORDER BY id") == before.4)
      let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('response')")
      for gone in ["questionnaireID", "questionnaireVersion", "audience", "respondentGroup"] {
        #expect(!columns.contains(gone), "\(gone)")
      }
      #expect(
        try String.fetchAll(db, sql: "SELECT respondentGroup FROM responseRow ORDER BY id") == [
          "melding", "advies", "melding",
        ])
      // The index, the trigger that keeps deleted ids and the floor survive the rebuild
      #expect(
        try String.fetchAll(
          db, sql: "SELECT name FROM sqlite_master WHERE tbl_name = 'response' AND sql IS NOT NULL ORDER BY name")
          == ["response", "responseIdKept", "response_on_keyHash"])
      #expect(try Int64.fetchOne(db, sql: "SELECT largest FROM responseIdFloor") == 4)
    }
    // And a new response is stored without the four columns and read back with its definition's
    let definition = try storeQuestionnaire()
    let new = try makeResponse("r5", grade: .value(.grade(9)), questionnaire: definition.questionnaire)
    try database.save(new, collectedWith: definition)
    #expect(try database.response("r5") == new)
    #expect(
      try queue.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM response WHERE responseKey = 'r5'") } == 5)
  }

  @Test func theOldTablesPagesAreNotLeftFreeInTheFile() throws {
    // Given a v16 database with enough responses that the table fills many pages
    let (queue, _) = try version16Database()
    let definition = try storeQuestionnaire()
    try queue.write { db in
      let snapshot = try TevredenDatabase.snapshotId(for: definition, in: db)
      for number in 1...400 {
        let response = try makeResponse(
          "extra-\(number)", grade: .value(.grade(7)), questionnaire: definition.questionnaire,
          remark: String(repeating: "Een opmerking van enige lengte. ", count: 4))
        try insertAsVersion16(response, definition: definition, snapshotId: snapshot, in: db)
      }
    }
    let pagesBefore = try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
    // When this version opens it (the response table is rebuilt without four columns)
    _ = try TevredenDatabase(queue)
    // Then no page is left free, and the file is no larger than before
    let (free, pages, count) = try queue.read { db in
      (
        try Int.fetchOne(db, sql: "PRAGMA freelist_count"), try Int.fetchOne(db, sql: "PRAGMA page_count"),
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response")
      )
    }
    #expect(free == 0)
    #expect((pages ?? .max) <= pagesBefore)
    #expect(count == 403)
  }

  @Test(arguments: [
    "UPDATE response SET audience = 'ketenpartners' WHERE responseKey = 'r1'",
    "UPDATE response SET respondentGroup = 'advies' WHERE responseKey = 'r1'",
    "UPDATE response SET questionnaireVersion = 7 WHERE responseKey = 'r2'",
    "UPDATE response SET snapshotId = 99 WHERE responseKey = 'r2'",
  ])
  func aRowThatDisagreesWithItsDefinitionRefusesTheMigrationAndLeavesTheFileAsItWas(change: String) throws {
    // Given a v16 database changed by hand so that a row disagrees with its definition
    let (queue, _) = try version16Database()
    try queue.write { db in try db.execute(sql: change) }
    let before = try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM response ORDER BY id") }
    // When this version opens it, it refuses with a message saying what is wrong and what to do
    #expect {
      _ = try TevredenDatabase(queue)
    } throws: { error in
      guard case StoreError.corruptRow(let message) = error else { return false }
      return message.contains("other than their stored definition's") && message.contains("restore it from a backup")
    }
    // And the file is still at v16 with every row as it was
    let (after, migrations) = try queue.read { db in
      (
        try Row.fetchAll(db, sql: "SELECT * FROM response ORDER BY id"),
        try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
      )
    }
    #expect(after == before)
    #expect(migrations.last == TevredenDatabase.leanKeysMigration)
  }
}
