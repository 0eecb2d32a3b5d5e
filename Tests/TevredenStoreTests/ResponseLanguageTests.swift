import Foundation
import GRDB
import Testing

@testable import TevredenCore
@testable import TevredenStore

/// The language a response was given in and whether an interpreter took part: stored, read back, migrated.
@Suite struct ResponseLanguageTests {
  @Test func aResponseKeepsItsLanguageAndInterpreter() throws {
    // Given a response in Arabic with an interpreter, and one without a language said
    let database = try TevredenDatabase.inMemory()
    let definition = try storeQuestionnaire()
    var arabic = try makeResponse("ar-1", grade: .value(.grade(8)), questionnaire: definition.questionnaire)
    arabic.language = "ar"
    arabic.isInterpreterAssisted = true
    let plain = try makeResponse("nl-1", grade: .value(.grade(6)), questionnaire: definition.questionnaire)
    // When they are stored
    try database.save(arabic, collectedWith: definition)
    try database.save(plain, collectedWith: definition)
    // Then each reads back as it was: the second in the definition's source language, without an interpreter
    #expect(try database.response("ar-1") == arabic)
    #expect(try database.response("nl-1")?.language == "nl")
    #expect(try database.response("nl-1")?.isInterpreterAssisted == false)
  }

  @Test func theSchemaRefusesWhatIsNoLanguage() throws {
    let database = try TevredenDatabase.inMemory()
    let definition = try storeQuestionnaire()
    try database.save(
      try makeResponse("r1", grade: .value(.grade(7)), questionnaire: definition.questionnaire),
      collectedWith: definition)
    #expect(throws: DatabaseError.self) {
      try database.writer.write { try $0.execute(sql: "UPDATE response SET language = 'english'") }
    }
    #expect(throws: DatabaseError.self) {
      try database.writer.write { try $0.execute(sql: "UPDATE response SET interpreter = 2") }
    }
  }

  @Test func aVersion14DatabaseGetsDutchWithoutInterpreterForEveryResponse() throws {
    // Given a database at schema v14 with a completed response and an unfinished interview
    let queue = try DatabaseQueue()
    try TevredenDatabase.migrator.migrate(queue, upTo: "v14-contact-outcomes")
    let definition = try storeQuestionnaire()
    let completed = try makeResponse("r1", grade: .value(.grade(7.5)), questionnaire: definition.questionnaire)
    let open = try makeResponse("VT-OPEN", grade: nil, status: .partial, questionnaire: definition.questionnaire)
    try queue.write { db in
      let snapshot = try TevredenDatabase.snapshotId(for: definition, in: db)
      let codes = try ItemCodes.fetch(db)
      for response in [completed, open] {
        let record = ResponseRecord(
          response, snapshotId: snapshot, grade: response.grade(using: definition.questionnaire.scoreRule),
          importBatchId: nil)
        let answers = try StoredAnswers(response.answers, codes: codes)
        try db.execute(
          sql: """
            INSERT INTO response (responseKey, keyHash, snapshotId, questionnaireID, questionnaireVersion, audience,
              respondentGroup, gemeente, mode, interviewer, startedAt, completedAt, collectedOn, status, grade,
              answers, missing)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            record.responseKey, record.keyHash, record.snapshotId, response.questionnaireID.rawValue,
            response.questionnaireVersion, response.audience.rawValue, response.group, record.gemeente, record.mode,
            record.interviewer, record.startedAt, record.completedAt, record.collectedOn, record.status, record.grade,
            answers.values, answers.missing,
          ])
      }
    }
    let before = try queue.read { db in
      try Row.fetchAll(db, sql: "SELECT \(responseMetadataColumns) FROM response ORDER BY id")
    }
    // When this version opens it
    let database = try TevredenDatabase(queue)
    // Then every row is as it was, in Dutch and without an interpreter, and reads back as the same response
    let (after, languages, interpreters) = try queue.read { db in
      (
        try Row.fetchAll(db, sql: "SELECT \(responseMetadataColumns) FROM responseRow ORDER BY id"),
        try String.fetchAll(db, sql: "SELECT DISTINCT language FROM response"),
        try Int.fetchAll(db, sql: "SELECT DISTINCT interpreter FROM response")
      )
    }
    #expect(after == before)
    #expect(languages == ["nl"])
    #expect(interpreters == [0])
    #expect(try database.response("r1") == completed)
    #expect(try database.response("VT-OPEN") == open)
    #expect(
      try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }.contains(
        "v15-response-language"))
  }
}
