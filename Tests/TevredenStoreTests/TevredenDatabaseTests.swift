import Foundation
import GRDB
import Testing

@testable import TevredenCore
@testable import TevredenStore

/// The minimal questionnaire used by the store tests, as YAML.
let storeQuestionnaireYAML = """
  id: store-test
  version: 1
  audience: inwoners
  group: melding
  group_label: Melding
  title: "Test"
  missing_codes:
    - { code: weet_niet, label: Weet ik niet }
  questions:
    - id: toestemming
      type: consent
      text: "Wilt u meedoen?"
    - id: cijfer
      type: grade
      text: "Welk cijfer?"
    - id: opmerking
      type: text
      required: false
      text: "Opmerking?"
  score:
    grade: cijfer

  """

func storeQuestionnaire(_ text: String = storeQuestionnaireYAML) throws -> LoadedQuestionnaire {
  let (loaded, diagnostics) = QuestionnaireLoader.parse(text, file: "store-test.yaml")
  #expect(diagnostics == [])
  return try #require(loaded)
}

func makeResponse(
  _ id: String, grade: Answer?, on day: String = "2026-03-10", status: Response.Status = .completed,
  questionnaire: Questionnaire, remark: String? = nil
) throws -> Response {
  var answers: [Question.ID: Answer] = ["toestemming": .value(.yesNo(status != .refused))]
  if let grade { answers["cijfer"] = grade }
  if let remark { answers["opmerking"] = .value(.text(remark)) }
  let start = try #require(Timestamp.parse("\(day)T10:00:00Z"))
  return Response(
    id: Response.ID(rawValue: id), questionnaire: questionnaire, gemeente: "Hoorn", mode: .online, interviewer: nil,
    startedAt: start, completedAt: status == .partial ? nil : start.addingTimeInterval(600), status: status,
    answers: answers)
}

func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("tevreden-store-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

func source(_ name: String = "test.csv", strict: Bool = false) -> ImportSource {
  ImportSource(name: name, sha256: "abc", format: "tevreden-csv", importedAt: Date(), rejectsConflicts: strict)
}

@Suite struct TevredenDatabaseTests {
  @Test func savesAndReadsBackAResponse() throws {
    // Given an empty database
    let database = try TevredenDatabase.inMemory()
    let definition = try storeQuestionnaire()
    let response = try makeResponse(
      "r1", grade: .value(.grade(7.5)), questionnaire: definition.questionnaire, remark: "Goed, \"echt\".")
    // When a response is saved
    try database.save(response, collectedWith: definition)
    // Then it reads back unchanged, with the definition it was collected with
    #expect(try database.response("r1") == response)
    let stored = try database.responses()
    #expect(stored.map(\.0) == [response])
    #expect(stored.first?.1.definition.sha256 == definition.sha256)
    #expect(stored.first?.1.definition.source == storeQuestionnaireYAML)
  }

  @Test func theInsertBindsEveryKindOfValueAndReportsARefusedRow() throws {
    let queue = try DatabaseQueue()
    _ = try TevredenDatabase(queue)
    let definition = try storeQuestionnaire()
    var response = try makeResponse("r1", grade: .value(.grade(6.5)), questionnaire: definition.questionnaire)
    response.interviewer = ""  // empty, not NULL
    response.gemeente = nil
    try queue.write { db in
      let snapshot = try TevredenDatabase.snapshotId(for: definition, in: db)
      #expect(try TevredenDatabase.insert(response, definition: definition, snapshotId: snapshot, batchId: nil, in: db))
      #expect(
        !(try TevredenDatabase.insert(response, definition: definition, snapshotId: snapshot, batchId: nil, in: db)))
      let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM response WHERE responseKey = 'r1'"))
      #expect(row["interviewer"] as String? == "")
      #expect(row["gemeente"] as String? == nil)
      #expect(row["importBatchId"] as Int64? == nil)
      #expect(row["snapshotId"] as Int64 == snapshot)
      #expect(
        try Int.fetchOne(db, sql: "SELECT questionnaireVersion FROM responseRow WHERE responseKey = 'r1'") == 1)
      #expect(row["grade"] as Double == 6.5)
      // A row the schema refuses is an error naming the constraint, not a silent skip.
      var record = ResponseRecord(response, snapshotId: snapshot, grade: 11, importBatchId: nil)
      record.responseKey = "r2"
      do {
        _ = try TevredenDatabase.insert(record, answers: StoredAnswers(values: "{}", missing: "{}"), in: db)
        Issue.record("a grade of 11 was stored")
      } catch let error as DatabaseError {
        #expect(error.resultCode == .SQLITE_CONSTRAINT)
        #expect(error.message?.contains("CHECK") == true)
      }
    }
    #expect(try TevredenDatabase(queue).response("r1") == response)
  }

  @Test func answersAreWrittenUnderTheirItemNumbersInTheOrderOfTheNumbers() throws {
    let answers: [Question.ID: Answer] = [
      "zeker": .value(.text("ja")), "cijfer": .value(.grade(7.5)), "bereikbaar": .missing("weet_niet"),
      "aantal": .value(.number(3)), "contact": .missing("nvt"),
    ]
    let keys: [(item: Question.ID, key: String)] = [
      ("cijfer", "2"), ("zeker", "3"), ("contact", "5"), ("aantal", "11"), ("bereikbaar", "12"), ("extra", "13"),
    ]
    let stored = try #require(StoredAnswers(answers, keys: keys))
    #expect(stored.values == #"{"2":"7.5","3":"ja","11":"3"}"#)
    #expect(stored.missing == #"{"5":"nvt","12":"weet_niet"}"#)
    // An answer to an item the list lacks is not written under some other key.
    #expect(StoredAnswers(answers, keys: Array(keys.prefix(3))) == nil)
    // The numbers a database hands out give the same text, in the same order, whatever order they are asked in.
    let queue = try DatabaseQueue()
    try TevredenDatabase.migrator.migrate(queue)
    try queue.write { db in
      let codes = try ItemCodes.ensure(["cijfer", "zeker", "contact", "aantal", "bereikbaar"], in: db)
      let written = try StoredAnswers(answers, codes: codes)
      #expect(written.values == #"{"1":"7.5","2":"ja","4":"3"}"#)
      #expect(written.missing == #"{"3":"nvt","5":"weet_niet"}"#)
      #expect(try ItemCodes.ensure(["extra", "cijfer"], in: db).key("extra") == "6")
      #expect(throws: StoreError.self) { try StoredAnswers(["onbekend": .value(.yesNo(true))], codes: codes) }
    }
  }

  @Test func aVersion3DatabaseKeepsEveryAnswerWhenTheAnswersMoveIntoTheResponseRow() throws {
    // Given a database at schema v3 (an answer table) holding responses with values, a missing code and an open
    // answer that needs escaping in JSON, written as v3 wrote them
    let queue = try DatabaseQueue()
    try TevredenDatabase.migrator.migrate(queue, upTo: "v3-compact-answers")
    let definition = try storeQuestionnaire()
    let first = try makeResponse(
      "r1", grade: .value(.grade(7.5)), questionnaire: definition.questionnaire,
      remark: "Zei: \"bel me\"\nmaar \\ niet\t\u{1}; één 🙂")
    let second = try makeResponse("r2", grade: .missing("weet_niet"), questionnaire: definition.questionnaire)
    try queue.write { db in
      let snapshot = try TevredenDatabase.snapshotId(for: definition, in: db, numberingItems: false)
      for response in [first, second] {
        let record = ResponseRecord(
          response, snapshotId: snapshot, grade: response.grade(using: definition.questionnaire.scoreRule),
          importBatchId: nil)
        let responseId = try insertWithoutKeyHash(record, of: response, in: db)
        for (item, answer) in response.answers {
          var missingCode: String?
          if case .missing(let code) = answer { missingCode = code }
          try db.execute(
            sql: "INSERT INTO answer (responseId, item, value, missingCode) VALUES (?, ?, ?, ?)",
            arguments: [responseId, item.rawValue, answer.value?.canonicalText, missingCode])
        }
      }
      #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer") == first.answers.count + second.answers.count)
    }
    // When this version opens it
    let database = try TevredenDatabase(queue)
    // Then every answer reads back unchanged from the response rows, and the answer table and the two foreign-key
    // indexes are gone
    #expect(try database.response("r1") == first)
    #expect(try database.response("r2") == second)
    #expect(try database.responses().map(\.0) == [first, second])
    try queue.read { db in
      let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
      #expect(!tables.contains("answer"))
      let indexes = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'response' AND sql IS NOT NULL")
      #expect(indexes == ["response_on_keyHash"])
      #expect(
        try String.fetchOne(db, sql: "SELECT missing FROM response WHERE responseKey = 'r2'")
          == (try numberingItems(#"{"cijfer":"weet_niet"}"#, in: db)))
    }
  }

  @Test func aVersion4DatabaseKeepsEveryResponseWhenIdsAreIndexedByTheirKeyHash() throws {
    // Given a database at schema v4 (ids unique as text, an index on status and date) with two responses, an
    // interview on the second, and a deleted third whose row id must not be handed out again
    let queue = try DatabaseQueue()
    try TevredenDatabase.migrator.migrate(queue, upTo: "v4-answers-in-response")
    let definition = try storeQuestionnaire()
    let first = try makeResponse(
      "r1", grade: .value(.grade(7.5)), questionnaire: definition.questionnaire, remark: "Zei: \"bel me\"")
    let second = try makeResponse("r2", grade: .missing("weet_niet"), questionnaire: definition.questionnaire)
    let third = try makeResponse("r3", grade: .value(.grade(6)), questionnaire: definition.questionnaire)
    try queue.write { db in
      let snapshot = try TevredenDatabase.snapshotId(for: definition, in: db, numberingItems: false)
      var ids: [Int64] = []
      for response in [first, second, third] {
        let record = ResponseRecord(
          response, snapshotId: snapshot, grade: response.grade(using: definition.questionnaire.scoreRule),
          importBatchId: nil)
        let id = try insertWithoutKeyHash(record, of: response, in: db)
        let answers = StoredAnswers.keyedByItemID(response.answers)
        try db.execute(
          sql: "UPDATE response SET answers = ?, missing = ? WHERE id = ?",
          arguments: [answers.values, answers.missing, id])
        ids.append(id)
      }
      try db.execute(
        sql: "INSERT INTO interview (responseId, state, processId, lastActivityAt) VALUES (?, 'paused', NULL, ?)",
        arguments: [ids[1], "2026-03-01T10:00:00Z"])
      try db.execute(sql: "DELETE FROM response WHERE id = ?", arguments: [ids[2]])
    }
    // When this version opens it
    let database = try TevredenDatabase(queue)
    // Then every response reads back unchanged, found by its id through the hash, the interview still belongs to
    // its response, the indexes are the new one only, and the deleted response's row id stays used
    #expect(try database.response("r1") == first)
    #expect(try database.response("r2") == second)
    #expect(try database.response("r3") == nil)
    #expect(try database.responses().map(\.0) == [first, second])
    #expect(try database.interviewState("r2") == .paused)
    try queue.read { db in
      let indexes = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'response' AND sql IS NOT NULL")
      #expect(indexes == ["response_on_keyHash"])
      let hashes = try Row.fetchAll(db, sql: "SELECT responseKey, keyHash FROM response ORDER BY id")
      #expect(hashes.map { $0["keyHash"] as Int64 } == [ResponseKeyHash.of("r1"), ResponseKeyHash.of("r2")])
      #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
      #expect(try Int64.fetchOne(db, sql: "SELECT largest FROM responseIdFloor") == 3)
      let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
      #expect(!tables.contains("response_v5"))
    }
    // And an id already stored is still refused, and a new response gets a fresh row id
    #expect(throws: StoreError.duplicateResponse("r1")) { try database.save(first, collectedWith: definition) }
    try database.save(third, collectedWith: definition)
    #expect(
      try queue.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM response WHERE responseKey = 'r3'") } == 4)
  }

  @Test func aVersion6DatabaseKeepsEveryInterviewEventWhenTakeOversAreAdded() throws {
    // Given a database at schema v6 with an interview and its events, the last of them deleted again
    let queue = try DatabaseQueue()
    try TevredenDatabase.migrator.migrate(queue, upTo: "v6-settings-log-undo")
    let definition = try storeQuestionnaire()
    let response = try makeResponse("VT-OUD", grade: nil, status: .partial, questionnaire: definition.questionnaire)
    try queue.write { db in
      let snapshot = try TevredenDatabase.snapshotId(for: definition, in: db, numberingItems: false)
      try insertKeyedByItemID(response, definition: definition, snapshotId: snapshot, in: db)
      let rowId = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM response"))
      try db.execute(
        sql: "INSERT INTO interview (responseId, state, processId, lastActivityAt) VALUES (?, 'active', 4242, ?)",
        arguments: [rowId, "2026-03-01T10:00:00Z"])
      for (event, item) in [("started", nil), ("answered", "toestemming"), ("paused", nil), ("resumed", nil)] {
        try db.execute(
          sql: "INSERT INTO interviewEvent (responseId, event, item, at, interviewer) VALUES (?, ?, ?, ?, 'AB12')",
          arguments: [rowId, event, item, "2026-03-01T10:00:00Z"])
      }
      try db.execute(sql: "DELETE FROM interviewEvent WHERE id = 4")
    }
    // When this version opens it
    let database = try TevredenDatabase(queue)
    // Then the events are all there with their ids, a take-over can be logged, and no event id is handed out twice
    let clock = InterviewClock(at: Date(), interviewer: "CD34", millisecondsSincePrevious: nil)
    #expect(try database.interviewEvents("VT-OUD").map(\.kind) == [.started, .answered, .paused])
    _ = try database.resumeInterview(
      "VT-OUD", processId: 7, clock: clock, isRunning: { _ in true }, takingOver: true)
    #expect(try database.interviewEvents("VT-OUD").map(\.kind) == [.started, .answered, .paused, .takenOver])
    try queue.read { db in
      #expect(try Int64.fetchAll(db, sql: "SELECT id FROM interviewEvent ORDER BY id") == [1, 2, 3, 5])
      #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
      let indexes = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'interviewEvent'")
      #expect(indexes == ["interviewEvent_on_responseId"])
    }
  }

  @Test func aVersion10DatabaseKeepsEverythingWhenItsChecksAreRewritten() throws {
    // Given a database at schema v10 with responses (answers, missing codes, a partial one with an interview and its
    // events) and a deleted one whose row id must not be handed out again
    let queue = try DatabaseQueue()
    try TevredenDatabase.migrator.migrate(queue, upTo: "v10-response-revisions")
    let definition = try storeQuestionnaire()
    let first = try makeResponse(
      "r1", grade: .value(.grade(7.5)), questionnaire: definition.questionnaire, remark: "Zei: \"bel me\"")
    let second = try makeResponse("r2", grade: .missing("weet_niet"), questionnaire: definition.questionnaire)
    let open = try makeResponse("VT-OPEN", grade: nil, status: .partial, questionnaire: definition.questionnaire)
    let deleted = try makeResponse("r3", grade: .value(.grade(6)), questionnaire: definition.questionnaire)
    try storeForMigration(
      [first, second, open, deleted], definition: definition, paused: "VT-OPEN", deleted: "r3", in: queue)
    let before = try queue.read { db in
      try Row.fetchAll(db, sql: "SELECT \(responseMetadataColumns) FROM response ORDER BY id")
    }
    // When this version opens it
    let database = try TevredenDatabase(queue)
    // Then every row is there unchanged with its row id, the interview and its events still belong to it, the
    // index and the sequence are kept, and the rules still hold, written without IN
    try queue.read { db in
      #expect(try Row.fetchAll(db, sql: "SELECT \(responseMetadataColumns) FROM responseRow ORDER BY id") == before)
      let sql = try #require(try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'response'"))
      #expect(sql.contains("CHECK (status = 'completed' OR status = 'partial' OR status = 'refused')"))
      // The audience is the definition's since schema v17.
      #expect(!sql.contains("audience"))
      #expect(!sql.contains(" IN ("))
      let indexes = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'response' AND sql IS NOT NULL")
      #expect(indexes == ["response_on_keyHash"])
      #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
      #expect(try Int64.fetchOne(db, sql: "SELECT largest FROM responseIdFloor") == 4)
      #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM interviewEvent") == 3)
      let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
      #expect(!tables.contains("response_rebuilt"))
    }
    #expect(try database.response("r1") == first)
    #expect(try database.response("r2") == second)
    #expect(try database.interviewState("VT-OPEN") == .paused)
    // And a status or audience outside the rules is still refused, while a new response gets a fresh row id
    try queue.write { db in
      #expect(throws: DatabaseError.self) {
        try db.execute(sql: "UPDATE response SET status = 'finished' WHERE responseKey = 'r1'")
      }
      #expect(throws: DatabaseError.self) {
        try db.execute(sql: "UPDATE questionnaireSnapshot SET audience = 'melders'")
      }
    }
    try database.save(deleted, collectedWith: definition)
    #expect(
      try queue.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM response WHERE responseKey = 'r3'") } == 5)
  }

  @Test func theKeyHashIsTheFirstEightBytesOfTheIdsSHA256() {
    // Values from Python: int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
    #expect(ResponseKeyHash.of("r1") == -9_010_601_390_311_183_475)
    #expect(ResponseKeyHash.of("googleforms:row-096f939629d34131d706") == 6_332_444_333_721_128_733)
    #expect(ResponseKeyHash.of("één") == 5_892_019_955_302_960_186)
  }

  @Test func aDifferentIdWithAStoredIdsKeyHashIsRefusedNeverTakenForIt() throws {
    // Given a stored response, and a second one whose id shares the first's key hash (made here by writing the
    // hash by hand: a real pair has a chance of about 3 in 100 million among a million responses)
    let queue = try DatabaseQueue()
    let database = try TevredenDatabase(queue)
    let definition = try storeQuestionnaire()
    let stored = try makeResponse("r1", grade: .value(.grade(7)), questionnaire: definition.questionnaire)
    try database.save(stored, collectedWith: definition)
    let colliding = try makeResponse("r2", grade: .value(.grade(8)), questionnaire: definition.questionnaire)
    try queue.write { db in
      try db.execute(
        sql: "UPDATE response SET keyHash = ? WHERE responseKey = 'r1'", arguments: [ResponseKeyHash.of("r2")])
    }
    // When it is saved or imported, then it is refused with a reason, and the stored one is kept unchanged
    #expect(throws: StoreError.keyCollision("r2", stored: "r1")) {
      try database.save(colliding, collectedWith: definition)
    }
    let dispositions = try database.importResponses([(colliding, definition)], source: source())
    #expect(dispositions == [.keyCollision])
    #expect(try database.responses().map(\.0) == [stored])
    #expect(try database.importBatches().last?.rejectedCount == 1)
  }

  @Test func everyKindOfValueIsWrittenAsItsCanonicalText() throws {
    // Values written straight from the answer (yes/no, whole numbers) and through their text (grades, choices,
    // open text needing escapes) give what the canonical texts give
    let answers: [Question.ID: Answer] = [
      "a": .value(.yesNo(true)), "b": .value(.yesNo(false)), "c": .value(.scalePoint(5)), "d": .value(.number(-12)),
      "e": .value(.number(0)), "f": .value(.number(Int.min)), "g": .value(.grade(6.5)), "h": .value(.grade(10)),
      "i": .value(.choices(["x", "y\"z"])), "j": .value(.text("regel 1\nregel 2 \\ \u{1}")), "k": .missing("nvt"),
    ]
    let expected = StoredAnswers.object(
      answers.compactMap { item, answer in answer.value.map { (item.rawValue, $0.canonicalText) } }
        .sorted { $0.0 < $1.0 })
    let stored = StoredAnswers.keyedByItemID(answers)
    #expect(stored.values == expected)
    #expect(stored.missing == #"{"k":"nvt"}"#)
    #expect(expected.contains(#""a":"ja","b":"nee","c":"5","d":"-12","e":"0","f":"-9223372036854775808""#))
    let queue = try DatabaseQueue()
    let valid = try queue.read { db in try Int.fetchOne(db, sql: "SELECT json_valid(?)", arguments: [expected]) }
    #expect(valid == 1)
  }

  @Test func answersAreStoredAsJSONThatSQLiteReadsBackExactly() throws {
    // Every control character but NUL (which SQLite's text functions end a string at, and no reader lets
    // through), quotes, backslashes, non-ASCII and the line separators JSON allows unescaped
    let awkward = (1..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined() + "\"\\/\u{7F}\u{2028}\u{2029}é🙂"
    let pairs = [("a", ""), ("b", awkward), ("c", "7,5")]
    let json = StoredAnswers.object(pairs)
    #expect(json.hasPrefix(#"{"a":"","b":""#))
    let queue = try DatabaseQueue()
    let read = try queue.read { db in
      try Row.fetchAll(db, sql: "SELECT key, value, json_valid(?) AS valid FROM json_each(?)", arguments: [json, json])
    }
    #expect(read.map { $0["valid"] as Int } == [1, 1, 1])
    #expect(read.map { $0["key"] as String } == ["a", "b", "c"])
    #expect(read.map { $0["value"] as String } == ["", awkward, "7,5"])
    #expect(StoredAnswers.object([]) == "{}")
  }

  @Test func refusesToSaveAResponseTwice() throws {
    let database = try TevredenDatabase.inMemory()
    let definition = try storeQuestionnaire()
    let response = try makeResponse("r1", grade: .value(.grade(8)), questionnaire: definition.questionnaire)
    try database.save(response, collectedWith: definition)
    #expect(throws: StoreError.duplicateResponse("r1")) { try database.save(response, collectedWith: definition) }
  }

  @Test func editingADefinitionKeepsOldResponsesOnTheirOwnSnapshot() throws {
    // Given a response collected with version 1
    let database = try TevredenDatabase.inMemory()
    let v1 = try storeQuestionnaire()
    try database.save(
      try makeResponse("old", grade: .value(.grade(6)), questionnaire: v1.questionnaire), collectedWith: v1)
    // When the definition is edited (the grade question's text changes) and a new response is saved
    let v2 = try storeQuestionnaire(
      storeQuestionnaireYAML.replacingOccurrences(of: "version: 1", with: "version: 2")
        .replacingOccurrences(of: "Welk cijfer?", with: "Welk rapportcijfer geeft u?"))
    try database.save(
      try makeResponse("new", grade: .value(.grade(9)), questionnaire: v2.questionnaire), collectedWith: v2)
    // Then each response keeps the exact text it was collected with
    let stored = Dictionary(uniqueKeysWithValues: try database.responses().map { ($0.0.id, $0.1) })
    #expect(stored["old"]?.definition.source.contains("Welk cijfer?") == true)
    #expect(stored["new"]?.definition.source.contains("Welk rapportcijfer geeft u?") == true)
    #expect(try database.snapshots().count == 2)
    // And the same definition is stored only once
    try database.save(
      try makeResponse("new2", grade: .value(.grade(9)), questionnaire: v2.questionnaire), collectedWith: v2)
    #expect(try database.snapshots().count == 2)
  }

  @Test func materialisesTheGradeAndTalliesPerPeriod() throws {
    let database = try TevredenDatabase.inMemory()
    let definition = try storeQuestionnaire()
    let questionnaire = definition.questionnaire
    let responses = [
      try makeResponse("a", grade: .value(.grade(6)), on: "2026-01-05", questionnaire: questionnaire),
      try makeResponse("b", grade: .value(.grade(8)), on: "2026-04-29", questionnaire: questionnaire),
      try makeResponse("c", grade: .value(.grade(10)), on: "2026-05-02", questionnaire: questionnaire),
      try makeResponse("d", grade: .missing("weet_niet"), on: "2026-02-01", questionnaire: questionnaire),
      try makeResponse("e", grade: nil, on: "2026-02-01", status: .refused, questionnaire: questionnaire),
      try makeResponse("f", grade: .value(.grade(1)), on: "2026-02-01", status: .partial, questionnaire: questionnaire),
      try makeResponse("g", grade: .value(.grade(2)), on: "2025-12-31", questionnaire: questionnaire),
    ]
    for response in responses { try database.save(response, collectedWith: definition) }
    func cells(_ period: String) throws -> [GradeCell] {
      try database.scoreData(for: ScoreRequest(period: try #require(Period(period)))).cells
    }
    // Missing codes, refusals and unfinished responses never count.
    #expect(
      try cells("2026-T1") == [
        GradeCell(audience: .inwoners, group: "melding", distribution: GradeDistribution(counts: [6: 1, 8: 1]))
      ])
    #expect(try cells("2026-T2").first?.distribution == GradeDistribution(counts: [6: 1, 8: 1, 10: 1]))
    let data = try database.scoreData(for: ScoreRequest(period: try #require(Period("2026-T1"))))
    // The year before holds the response of 31 December 2025.
    #expect(data.previousCells.isEmpty)
    let statuses = Dictionary(uniqueKeysWithValues: data.statusCounts.map { ($0.status, $0.count) })
    #expect(statuses == [.completed: 3, .refused: 1, .partial: 1])
  }

  @Test func knownGroupsWithoutResponsesAreListed() throws {
    let database = try TevredenDatabase.inMemory()
    let definition = try storeQuestionnaire()
    try database.save(
      try makeResponse("a", grade: .value(.grade(6)), on: "2025-01-05", questionnaire: definition.questionnaire),
      collectedWith: definition)
    let data = try database.scoreData(for: ScoreRequest(period: try #require(Period("2026"))))
    #expect(data.groups == [GroupInfo(audience: .inwoners, group: "melding", label: "Melding")])
    #expect(data.cells.isEmpty)
    #expect(data.previousCells.first?.distribution == GradeDistribution(counts: [6: 1]))
  }

  @Test func importIsIdempotentAndReportsConflicts() throws {
    let database = try TevredenDatabase.inMemory()
    let definition = try storeQuestionnaire()
    let questionnaire = definition.questionnaire
    let first = [
      try makeResponse("a", grade: .value(.grade(6)), questionnaire: questionnaire),
      try makeResponse("b", grade: .value(.grade(7)), questionnaire: questionnaire),
    ]
    #expect(try database.importResponses(first.map { ($0, definition) }, source: source()) == [.inserted, .inserted])
    // The same responses again: nothing added twice.
    #expect(try database.importResponses(first.map { ($0, definition) }, source: source()) == [.duplicate, .duplicate])
    // The same id with other answers: the stored one is kept.
    let changed = try makeResponse("b", grade: .value(.grade(3)), questionnaire: questionnaire)
    let third = try makeResponse("c", grade: .value(.grade(9)), questionnaire: questionnaire)
    #expect(
      try database.importResponses([(changed, definition), (third, definition)], source: source()) == [
        .conflict, .inserted,
      ])
    #expect(try database.response("b")?.answers["cijfer"] == .value(.grade(7)))
    #expect(try database.responseCount() == 3)
    let batches = try database.importBatches()
    #expect(batches.map(\.insertedCount) == [2, 0, 1])
    #expect(batches.map(\.duplicateCount) == [0, 2, 0])
    #expect(batches.map(\.rejectedCount) == [0, 0, 1])
  }

  /// Every connection checkpoints after the same, larger number of pages, an import's as an interviewer's, so that
  /// an import is checkpointed after several steps rather than after each, and an interviewer's commit beside it
  /// never copies the import's pages.
  @Test func everyConnectionCheckpointsAfterTheSameNumberOfPagesAlsoDuringAnImport() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("db.sqlite").path
    let database = try TevredenDatabase.open(atPath: path)
    let other = try TevredenDatabase.open(atPath: path)
    let definition = try storeQuestionnaire()
    func checkpointPages(_ db: Database) throws -> Int? { try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
    // A new file has 8 KiB pages, and 64 MiB of log is 8,192 of them.
    let pages = TevredenDatabase.autocheckpointPages(pageSize: 8192)
    #expect(pages == 8192)
    #expect(try database.writer.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } == 8192)
    for connection in [database, other] {
      #expect(try connection.writer.read { try checkpointPages($0) } == pages)
    }
    let response = try makeResponse("a", grade: .value(.grade(8)), questionnaire: definition.questionnaire)
    let during = try database.importRun { session in
      try session.beginBatch(source())
      #expect(try session.add(response, definition: definition) == .inserted)
      return try checkpointPages(session.db)
    }
    #expect(during == pages)
    #expect(try other.responseCount() == 1)
  }

  /// A database made with SQLite's 4 KiB pages (by an earlier tevreden) keeps them, and its log the same 64 MiB.
  @Test func anExistingDatabaseKeepsItsPageSizeAndItsLogTheSameBytes() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("db.sqlite").path
    let older = try DatabaseQueue(path: path)
    try older.write { db in
      try db.execute(sql: "PRAGMA page_size = 4096")
      try db.execute(sql: "CREATE TABLE earlier (id INTEGER PRIMARY KEY)")
      try db.execute(sql: "DROP TABLE earlier")
    }
    try older.close()
    let database = try TevredenDatabase.open(atPath: path)
    let (pageSize, checkpointPages) = try database.writer.read { db in
      (try Int.fetchOne(db, sql: "PRAGMA page_size"), try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint"))
    }
    #expect(pageSize == 4096 && checkpointPages == 16_384)
    #expect(try database.responseCount() == 0)
  }

  /// Queries leave the visibility condition to SQLite only while an import runs; otherwise it is the constant `1`,
  /// decided in the transaction the query runs in.
  @Test func theVisibilityConditionIsLeftOutOnlyWhileNoImportRuns() throws {
    let database = try TevredenDatabase.inMemory()
    let definition = try storeQuestionnaire()
    let full = TevredenDatabase.visibleResponses("r")
    #expect(try database.writer.read { try TevredenDatabase.visibleResponses("r", in: $0) } == "1")
    // Outside a transaction two statements may read two states of the file: the full condition.
    #expect(try database.writer.writeWithoutTransaction { try TevredenDatabase.visibleResponses("r", in: $0) } == full)
    let response = try makeResponse("a", grade: .value(.grade(8)), questionnaire: definition.questionnaire)
    try database.importRun { session in
      try session.beginBatch(source())
      #expect(try session.add(response, definition: definition) == .inserted)
      // The import's own connection, with its batch running: the full condition, and its response unseen.
      #expect(try TevredenDatabase.visibleResponses("r", in: session.db) == full)
      #expect(
        try Int.fetchOne(
          session.db,
          sql: "SELECT COUNT(*) FROM response WHERE \(try TevredenDatabase.visibleResponses(in: session.db))")
          == 0)
    }
    #expect(try database.writer.read { try TevredenDatabase.visibleResponses("r", in: $0) } == "1")
    #expect(try database.responseCount() == 1)
  }

  /// After a response found stored the store looks the next one up before trying to insert it; every mix of
  /// stored, new and changed responses in one file must still come out as each one is.
  @Test func newStoredAndChangedResponsesInAnyOrderAreEachToldApart() throws {
    let database = try TevredenDatabase.inMemory()
    let definition = try storeQuestionnaire()
    let questionnaire = definition.questionnaire
    func response(_ id: String, _ grade: Double) throws -> (Response, LoadedQuestionnaire) {
      (try makeResponse(id, grade: .value(.grade(grade)), questionnaire: questionnaire), definition)
    }
    #expect(
      try database.importResponses([try response("a", 6), try response("c", 7)], source: source()) == [
        .inserted, .inserted,
      ])
    let mixed = [
      try response("a", 6), try response("b", 8), try response("c", 7), try response("c2", 5), try response("a", 2),
      try response("d", 9), try response("e", 4), try response("c", 7),
    ]
    #expect(
      try database.importResponses(mixed, source: source()) == [
        .duplicate, .inserted, .duplicate, .inserted, .conflict, .inserted, .inserted, .duplicate,
      ])
    #expect(try database.responseCount() == 6)
    #expect(try database.response("a")?.answers["cijfer"] == .value(.grade(6)))
    let batches = try database.importBatches()
    #expect(batches.map(\.insertedCount) == [2, 4])
    #expect(batches.map(\.duplicateCount) == [0, 3])
    #expect(batches.map(\.rejectedCount) == [0, 1])
  }

  @Test func aResponseStoredWithAnEarlierEditionOfItsDefinitionIsStillADuplicate() throws {
    // Given responses stored with one edition of a definition
    let database = try TevredenDatabase.inMemory()
    let original = try storeQuestionnaire()
    let stored = try makeResponse(
      "a", grade: .value(.grade(6.5)), questionnaire: original.questionnaire, remark: "Goed \"geholpen\"")
    #expect(try database.importResponses([(stored, original)], source: source()) == [.inserted])
    // When the same responses come again with a reworded edition (another snapshot), one of them changed
    let reworded = try storeQuestionnaire(
      storeQuestionnaireYAML.replacingOccurrences(of: "Welk cijfer?", with: "Welk rapportcijfer?"))
    #expect(reworded.sha256 != original.sha256)
    var changed = stored
    changed.answers["opmerking"] = .value(.text("Anders"))
    // Then the unchanged one is a duplicate (its stored row differs only in the snapshot it points at) and the
    // changed one a conflict
    #expect(try database.importResponses([(stored, reworded)], source: source()) == [.duplicate])
    #expect(try database.importResponses([(changed, reworded)], source: source()) == [.conflict])
    #expect(try database.response("a") == stored)
  }

  @Test func aStrictImportWithAConflictStoresNothing() throws {
    let database = try TevredenDatabase.inMemory()
    let definition = try storeQuestionnaire()
    let questionnaire = definition.questionnaire
    try database.save(
      try makeResponse("b", grade: .value(.grade(7)), questionnaire: questionnaire), collectedWith: definition)
    let batch = [
      (try makeResponse("a", grade: .value(.grade(6)), questionnaire: questionnaire), definition),
      (try makeResponse("b", grade: .value(.grade(3)), questionnaire: questionnaire), definition),
    ]
    #expect(throws: StoreError.importConflicts(["b"])) {
      try database.importResponses(batch, source: source(strict: true))
    }
    #expect(try database.responseCount() == 1)
    #expect(try database.importBatches().isEmpty)
  }

  @Test func theSchemaRejectsGradesOutOfRangeAndMalformedAnswersFailLoudly() throws {
    let queue = try DatabaseQueue()
    let database = try TevredenDatabase(queue)
    let definition = try storeQuestionnaire()
    try database.save(
      try makeResponse("a", grade: .value(.grade(6)), questionnaire: definition.questionnaire),
      collectedWith: definition)
    #expect(throws: DatabaseError.self) {
      try queue.write { db in try db.execute(sql: "UPDATE response SET grade = 11") }
    }
    // Answers that are not a JSON object (never written by tevreden) make reading fail loudly.
    for broken in [#"UPDATE response SET answers = '{"x":'"#, "UPDATE response SET missing = 'weet_niet'"] {
      let saved = try queue.write { db in
        let before = try Row.fetchOne(db, sql: "SELECT answers, missing FROM response")
        try db.execute(sql: broken)
        return before
      }
      #expect(throws: (any Error).self) { try database.response("a") }
      #expect(throws: (any Error).self) { try database.responses() }
      try queue.write { db in
        try db.execute(
          sql: "UPDATE response SET answers = ?, missing = ?",
          arguments: [saved?["answers"] as String?, saved?["missing"] as String?])
      }
      #expect(try database.response("a") != nil)
    }
  }
}

@Suite struct DatabaseFileTests {
  @Test func createsTheFileReadableByItsOwnerOnlyInWALMode() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("new.sqlite").path
    let database = try TevredenDatabase.open(atPath: path)
    let definition = try storeQuestionnaire()
    try database.save(
      try makeResponse("a", grade: .value(.grade(6)), questionnaire: definition.questionnaire),
      collectedWith: definition)
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
    #expect(mode?.intValue == 0o600)
    // SQLite gives the write-ahead log the database file's permissions.
    if FileManager.default.fileExists(atPath: path + "-wal") {
      let walMode = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.posixPermissions] as? NSNumber
      #expect(walMode?.intValue == 0o600)
    }
    let journal = try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
    #expect(journal == "wal")
  }

  @Test func reopensAnExistingDatabase() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("db.sqlite").path
    let definition = try storeQuestionnaire()
    try TevredenDatabase.open(atPath: path).save(
      try makeResponse("a", grade: .value(.grade(6)), questionnaire: definition.questionnaire),
      collectedWith: definition)
    #expect(try TevredenDatabase.open(atPath: path).responseCount() == 1)
  }

  @Test func refusesADatabaseFromANewerVersionAndLeavesItUntouched() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("future.sqlite").path
    _ = try TevredenDatabase.open(atPath: path)
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
    }
    try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(throws: StoreError.newerSchema(path: path)) { try TevredenDatabase.open(atPath: path) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    #expect(StoreError.newerSchema(path: path).errorDescription?.contains("newer version of tevreden") == true)
  }

  @Test func refusesFilesThatAreNotTevredenDatabases() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = folder.appendingPathComponent("notes.sqlite")
    try Data("not a database, just some notes\n".utf8).write(to: text)
    #expect(throws: StoreError.notATevredenDatabase(path: text.path)) { try TevredenDatabase.open(atPath: text.path) }
    #expect(try String(contentsOf: text, encoding: .utf8) == "not a database, just some notes\n")

    let other = folder.appendingPathComponent("other.sqlite").path
    try DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE persons (name TEXT)") }
    #expect(throws: StoreError.notATevredenDatabase(path: other)) { try TevredenDatabase.open(atPath: other) }
  }

  @Test func explainsAMissingFolder() {
    let path = "/nonexistent-\(UUID().uuidString)/db.sqlite"
    #expect(throws: StoreError.missingFolder(path: path)) { try TevredenDatabase.open(atPath: path) }
  }
}

/// Inserts a response row as schema v3 and v4 had it, without the key hash column; returns its row id.
/// The JSON path of an item's answer in a response's objects (`$."12"`): for tests that change stored answers with
/// SQL as someone with the sqlite3 shell might.
func answerPath(_ item: String, in db: Database) throws -> String {
  try #require(try ItemCodes.path(Question.ID(rawValue: item), in: db))
}

/// SQL written with item ids where answers are keyed (`'$.cijfer'`, `{"cijfer":"7"}`), with the item numbers instead
/// (`'$."3"'`, `{"3":"7"}`): for tests that change stored answers by hand.
func numberingItems(_ sql: String, in db: Database) throws -> String {
  var sql = sql
  let items = try Row.fetchAll(db, sql: "SELECT id, name FROM item ORDER BY length(name) DESC")
  for item in items {
    let (code, name): (Int64, String) = (item["id"], item["name"])
    sql = sql.replacingOccurrences(of: "'$.\(name)'", with: "'$.\"\(code)\"'")
      .replacingOccurrences(of: "\"\(name)\"", with: "\"\(code)\"")
  }
  return sql
}

/// The id of a definition row like `base` but of `audience` and `group`, made once per pair (`made` remembers):
/// tests that draw both per response at random, which from schema v17 on are the response's definition's.
func snapshotId(
  like base: Int64, audience: String, group: String, made: inout [String: Int64], in db: Database
) throws -> Int64 {
  let key = "\(base)/\(audience)/\(group)"
  if let known = made[key] { return known }
  try db.execute(
    sql: """
      INSERT INTO questionnaireSnapshot (questionnaireID, version, audience, respondentGroup, groupLabel, sha256,
        definition, storedAt)
      SELECT questionnaireID, version, ?, ?, groupLabel, sha256 || ?, definition, storedAt
      FROM questionnaireSnapshot WHERE id = ?
      """, arguments: [audience, group, key, base])
  made[key] = db.lastInsertedRowID
  return db.lastInsertedRowID
}

/// Rewrites answers objects that a test wrote with SQL keyed by item id (any JSON values, as someone might) as this
/// schema keys them, by item number; keys without a number get one, as the migration to v13 gives them.
func keyAnswersByNumber(in db: Database) throws {
  let names = try String.fetchAll(
    db,
    sql: """
      SELECT DISTINCT a.key FROM response, json_each(response.answers) a
      UNION SELECT DISTINCT m.key FROM response, json_each(response.missing) m
      """)
  try ItemCodes.ensure(names, in: db)
  for column in ["answers", "missing"] {
    try db.execute(
      sql: """
        UPDATE response SET \(column) = (
          SELECT json_group_object(CAST(i.id AS TEXT), a.value) FROM json_each(response.\(column)) a
          JOIN item i ON i.name = a.key)
        WHERE \(column) <> '{}'
        """)
  }
}

/// Inserts a response as a database before schema v13 held it, answers keyed by item id (see
/// ``StoredAnswers/keyedByItemID(_:)``).
func insertKeyedByItemID(
  _ response: Response, definition: LoadedQuestionnaire, snapshotId: Int64, in db: Database
) throws {
  let record = ResponseRecord(
    response, snapshotId: snapshotId, grade: response.grade(using: definition.questionnaire.scoreRule),
    importBatchId: nil)
  let answers = StoredAnswers.keyedByItemID(response.answers)
  // The columns of the schemas before v15 (the response's language and interpreter came then).
  try db.execute(
    sql: """
      INSERT INTO response (responseKey, keyHash, importBatchId, snapshotId, questionnaireID, questionnaireVersion,
        audience, respondentGroup, gemeente, mode, interviewer, startedAt, completedAt, collectedOn, status, grade,
        answers, missing)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
    arguments: [
      record.responseKey, record.keyHash, record.importBatchId, record.snapshotId, response.questionnaireID.rawValue,
      response.questionnaireVersion, response.audience.rawValue, response.group, record.gemeente, record.mode,
      record.interviewer, record.startedAt, record.completedAt, record.collectedOn, record.status, record.grade,
      answers.values, answers.missing,
    ])
  #expect(db.changesCount == 1)
}

/// Stores `responses` as a database before schema v13 held them, gives the one keyed `paused` a paused interview with
/// three events, and deletes the one keyed `deleted` again, whose row id must never be handed out again: what the
/// tests of migrations start from.
func storeForMigration(
  _ responses: [Response], definition: LoadedQuestionnaire, paused: String, deleted: String, in queue: DatabaseQueue
) throws {
  try queue.write { db in
    let snapshot = try TevredenDatabase.snapshotId(for: definition, in: db, numberingItems: false)
    for response in responses {
      try insertKeyedByItemID(response, definition: definition, snapshotId: snapshot, in: db)
    }
    try pauseInterview(of: paused, andDelete: deleted, in: db)
  }
}

/// Gives the stored response keyed `paused` a paused interview with three events, and deletes the one keyed
/// `deleted`: the state the tests of migrations start from besides the responses.
func pauseInterview(of paused: String, andDelete deleted: String, in db: Database) throws {
  let rowId = try #require(
    try Int64.fetchOne(db, sql: "SELECT id FROM response WHERE responseKey = ?", arguments: [paused]))
  try db.execute(
    sql: "INSERT INTO interview (responseId, state, processId, lastActivityAt) VALUES (?, 'paused', NULL, ?)",
    arguments: [rowId, "2026-03-01T10:00:00Z"])
  for event in ["started", "answered", "paused"] {
    try db.execute(
      sql: "INSERT INTO interviewEvent (responseId, event, item, at, interviewer) VALUES (?, ?, NULL, ?, 'AB12')",
      arguments: [rowId, event, "2026-03-01T10:00:00Z"])
  }
  try db.execute(sql: "DELETE FROM response WHERE responseKey = ?", arguments: [deleted])
}

/// The response table's columns but the answers: what the migration to v13 leaves as it was.
let responseMetadataColumns = """
  id, responseKey, keyHash, snapshotId, questionnaireID, questionnaireVersion, audience, respondentGroup, gemeente,
  mode, interviewer, startedAt, completedAt, collectedOn, status, grade, importBatchId
  """

private func insertWithoutKeyHash(_ record: ResponseRecord, of response: Response, in db: Database) throws -> Int64 {
  try db.execute(
    sql: """
      INSERT INTO response (responseKey, snapshotId, questionnaireID, questionnaireVersion, audience,
        respondentGroup, gemeente, mode, interviewer, startedAt, completedAt, collectedOn, status, grade,
        importBatchId)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
    arguments: [
      record.responseKey, record.snapshotId, response.questionnaireID.rawValue, response.questionnaireVersion,
      response.audience.rawValue, response.group, record.gemeente, record.mode, record.interviewer, record.startedAt,
      record.completedAt,
      record.collectedOn, record.status, record.grade, record.importBatchId,
    ])
  return db.lastInsertedRowID
}
