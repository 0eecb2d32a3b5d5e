import Foundation
import GRDB
import GRDBSQLite
import Testing

@testable import TevredenCore
@testable import TevredenStore

/// An import that finds its rows stored already reads the stored responses on in row id order
/// (``StoredResponseFollower``) instead of looking each up by its key, and keeps the claims of numbered repeats as a
/// run of row ids in memory: both must tell every row exactly what the keyed lookup and the claims table told it.
@Suite struct FollowingStoredRowsTests {
  // MARK: - The comparison

  /// A stored row and a response to compare with it.
  struct Case {
    var record: ResponseRecord
    var snapshotId: Int64
    var answers: StoredAnswers
  }

  func baseCase() throws -> Case {
    let definition = try storeQuestionnaire()
    let response = try makeResponse(
      "a", grade: .value(.grade(7)), questionnaire: definition.questionnaire, remark: "Fijn, dank je wel")
    let record = ResponseRecord(response, snapshotId: 3, grade: 7, importBatchId: 2)
    return Case(
      record: record, snapshotId: 3,
      answers: StoredAnswers(values: #"{"1":"ja","2":7,"3":"Fijn, dank je wel"}"#, missing: "{}"))
  }

  /// Every way the compared values can differ, one at a time, and the same values written another way.
  func variants(of base: Case) -> [(String, Case)] {
    var variants: [(String, Case)] = [("the same", base)]
    func variant(_ name: String, _ change: (inout Case) -> Void) {
      var changed = base
      change(&changed)
      variants.append((name, changed))
    }
    variant("another snapshot") { $0.snapshotId = 4 }
    variant("no gemeente") { $0.record.gemeente = nil }
    variant("an empty gemeente") { $0.record.gemeente = "" }
    variant("another gemeente") { $0.record.gemeente = "Hoorn " }
    variant("a gemeente with an accent") { $0.record.gemeente = "Súdwest-Fryslân" }
    variant("another mode") { $0.record.mode = "telefonisch" }
    variant("an interviewer") { $0.record.interviewer = "int-07" }
    variant("another start") { $0.record.startedAt = "2026-03-10T10:00:01Z" }
    variant("no completion") { $0.record.completedAt = nil }
    variant("another completion") { $0.record.completedAt = "2026-03-10T10:10:01Z" }
    variant("another day") { $0.record.collectedOn = "2026-03-11" }
    variant("another status") { $0.record.status = "partial" }
    variant("no grade") { $0.record.grade = nil }
    variant("a grade with a fraction") { $0.record.grade = 7.5 }
    variant("another answer") { $0.answers.values = #"{"1":"ja","2":8,"3":"Fijn, dank je wel"}"# }
    variant("a longer answer") { $0.answers.values = #"{"1":"ja","2":7,"3":"Fijn, dank je wel!"}"# }
    variant("a missing code") { $0.answers.missing = #"{"2":"weet_niet"}"# }
    variant("another language") { $0.record.language = "en" }
    variant("an interpreter") { $0.record.interpreter = true }
    return variants
  }

  /// What a stored row can hold besides what tevreden writes: values a hand edit (or another program) left, of
  /// another storage class than tevreden binds.
  static let storedEdits: [(String, String)] = [
    ("as written", ""),
    ("a grade stored as an integer", "UPDATE response SET grade = 7"),
    ("a grade stored as text", "UPDATE response SET grade = '7'"),
    ("answers stored as a blob", "UPDATE response SET answers = CAST(answers AS BLOB)"),
    ("a gemeente stored as a blob", "UPDATE response SET gemeente = CAST(gemeente AS BLOB)"),
    ("no gemeente stored", "UPDATE response SET gemeente = NULL"),
    ("no completion stored", "UPDATE response SET completedAt = NULL"),
    ("no grade stored", "UPDATE response SET grade = NULL"),
    ("a snapshot stored as text", "UPDATE response SET snapshotId = '3'"),
    ("an interpreter stored as a real", "UPDATE response SET interpreter = 1.0"),
  ]

  @Test func theStoredRowReadOnIsFoundTheSameExactlyWhenTheKeyedLookupFindsIt() throws {
    let base = try baseCase()
    let variants = variants(of: base)
    var sameCount = 0
    for (editName, edit) in Self.storedEdits {
      for (stored, storedName) in [(base, "base")] + variants.map({ ($0.1, $0.0) }) {
        let queue = try DatabaseQueue()
        _ = try TevredenDatabase(queue)
        try queue.write { db in
          var placement = TevredenDatabase.Placement(of: stored.record)
          placement.snapshotId = stored.snapshotId
          let inserted = try TevredenDatabase.insert(
            stored.record, placed: placement, answers: stored.answers, id: 1,
            using: db.makeStatement(sql: TevredenDatabase.insertSQL), in: db)
          #expect(inserted)
          if !edit.isEmpty { try db.execute(sql: edit) }
          for (name, incoming) in variants {
            var placement = TevredenDatabase.Placement(of: incoming.record)
            placement.snapshotId = incoming.snapshotId
            let byKey = try #require(
              try TevredenDatabase.stored(
                matching: incoming.record, placed: placement, answers: incoming.answers,
                using: db.makeStatement(sql: TevredenDatabase.storedByKeyHashSQL), arena: BindingArena(), in: db))
            let statement = try db.makeStatement(sql: StoredResponseFollower.sql)
            var follower = StoredResponseFollower(statement)
            follower.resume(after: 0)
            let followed = try #require(
              try follower.next(
                keyHash: incoming.record.keyHash, record: incoming.record, snapshotId: incoming.snapshotId,
                answers: incoming.answers, in: db))
            follower.stop()
            // The SQL converts a text grade or snapshot to a number to compare it; the comparison in Swift does
            // not, and only then may they differ: a row not found the same is compared as it is read back.
            let converts =
              editName == "a grade stored as text" || editName == "a snapshot stored as text"
              || editName == "an interpreter stored as a real"
            if converts {
              #expect(!followed.isSame || byKey.isSame, "\(editName), stored \(storedName), incoming \(name)")
            } else {
              #expect(followed.isSame == byKey.isSame, "\(editName), stored \(storedName), incoming \(name)")
            }
            #expect(followed.rowId == byKey.rowId && followed.key == byKey.key)
            #expect(followed.importBatchId == byKey.importBatchId && followed.importBatchId == 2)
            if followed.isSame { sameCount += 1 }
          }
        }
      }
    }
    // Not a comparison that never finds anything the same: each stored variant as written is the same as itself,
    // and a grade stored as an integer is still the grade.
    #expect(sameCount >= variants.count + 1)
  }

  @Test func theReadOnStopsWhereTheNextStoredRowIsAnotherResponse() throws {
    let database = try TevredenDatabase.inMemory()
    let definition = try storeQuestionnaire()
    let responses = try ["a", "b", "c"].map {
      try makeResponse($0, grade: .value(.grade(7)), questionnaire: definition.questionnaire)
    }
    #expect(try database.importResponses(responses.map { ($0, definition) }, source: source()).count == 3)
    try database.writer.read { db in
      var follower = StoredResponseFollower(try db.makeStatement(sql: StoredResponseFollower.sql))
      let record = ResponseRecord(responses[2], snapshotId: 1, grade: 7, importBatchId: nil)
      let answers = StoredAnswers(values: "{}", missing: "{}")
      // Nowhere to read on from: nothing read.
      #expect(
        try follower.next(keyHash: record.keyHash, record: record, snapshotId: 1, answers: answers, in: db) == nil)
      // After "a" comes "b", not "c": the read stops, and reads nothing more until it is resumed.
      follower.resume(after: 1)
      #expect(
        try follower.next(keyHash: record.keyHash, record: record, snapshotId: 1, answers: answers, in: db) == nil)
      #expect(
        try follower.next(keyHash: record.keyHash, record: record, snapshotId: 1, answers: answers, in: db) == nil)
      follower.resume(after: 2)
      let found = try follower.next(keyHash: record.keyHash, record: record, snapshotId: 1, answers: answers, in: db)
      #expect(found?.rowId == 3 && found?.key == "c")
      // After the last stored response: nothing.
      #expect(
        try follower.next(keyHash: record.keyHash, record: record, snapshotId: 1, answers: answers, in: db) == nil)
    }
  }

  // MARK: - Imports

  /// A row of a file to import: a response, and whether its id is a hash of its row (numbered repeats).
  typealias FileRow = (response: Response, numbersRepeats: Bool)

  /// Imports `files` one after another into a new database, each file as a batch, with steps of `stepLimit`
  /// responses; the dispositions per file, the stored rows and the revisions waiting or applied.
  func run(_ files: [[FileRow]], definition: LoadedQuestionnaire, following: Bool, stepLimit: Int?) throws -> (
    dispositions: [[ImportDisposition]], rows: [StoredRow], revisions: [StoredRow], followed: [Int],
    claimedInTable: [Int]
  ) {
    let database = try TevredenDatabase.inMemory()
    var dispositions: [[ImportDisposition]] = []
    var followed: [Int] = []
    var claimedInTable: [Int] = []
    for (index, file) in files.enumerated() {
      let done = try database.importRun { session in
        session.followsStoredRows = following
        if let stepLimit {
          session.testStepResponseLimit = stepLimit
          session.testDelayPerResponse = 1
        }
        try session.beginBatch(source("file\(index).csv"))
        var preparer = ResponsePreparer()
        let done = try file.map { row in
          try session.add(preparer.prepare(row.response, definition: definition, numbersRepeats: row.numbersRepeats))
        }
        try session.endBatch()
        followed.append(session.rowsFollowed)
        claimedInTable.append(session.claimsInTable)
        return done
      }
      dispositions.append(done)
    }
    let rows = try database.writer.read { db in
      try StoredRow.fetchAll(
        db,
        sql: """
          SELECT id, responseKey, importBatchId, status, grade, answers, missing, completedAt FROM response ORDER BY id
          """)
    }
    let revisions = try database.writer.read { db in
      try StoredRow.fetchAll(db, sql: "SELECT * FROM responseRevision ORDER BY 1")
    }
    return (dispositions, rows, revisions, followed, claimedInTable)
  }

  /// A stored row as the tests compare it.
  struct StoredRow: FetchableRecord, Equatable, CustomStringConvertible {
    var values: [String?]
    init(row: GRDB.Row) {
      values = row.databaseValues.map { $0.isNull ? nil : $0.description }
    }
    var description: String { values.map { $0 ?? "NULL" }.joined(separator: "|") }
  }

  /// Responses `count` long, some partial, with ids `prefix0`, `prefix1`...
  func responses(_ count: Int, prefix: String, seed: UInt64, definition: LoadedQuestionnaire) throws -> [Response] {
    var random = SeededGenerator(seed: seed)
    return try (0..<count).map { index in
      let partial = random.next() % 5 == 0
      var response = try makeResponse(
        "\(prefix)\(index)", grade: partial ? nil : .value(.grade(Double(1 + random.next() % 10))),
        status: partial ? .partial : .completed, questionnaire: definition.questionnaire,
        remark: random.next() % 3 == 0 ? "opmerking \(random.next() % 4)" : nil)
      response.gemeente = ["Hoorn", "Edam", "Purmerend"][Int(random.next() % 3)]
      return response
    }
  }

  /// A later export of the same survey as `stored`: mostly the same rows in the same order, with rows left out,
  /// rows added anywhere, neighbours swapped, a row twice, answers changed (a conflict), and partial responses
  /// completed (an update).
  func laterExport(of stored: [Response], seed: UInt64, definition: LoadedQuestionnaire) throws -> [Response] {
    var random = SeededGenerator(seed: seed)
    var rows: [Response] = []
    var added = 0
    for response in stored {
      switch random.next() % 20 {
      case 0: continue
      case 1:
        rows.append(try responses(1, prefix: "new\(seed)-\(added)-", seed: random.next(), definition: definition)[0])
        added += 1
        rows.append(response)
      case 2 where !rows.isEmpty:
        rows.insert(response, at: rows.count - 1)
      case 3:
        rows.append(response)
        rows.append(response)
      case 4:
        var changed = response
        changed.answers["cijfer"] = .value(.grade(response.answers["cijfer"] == .value(.grade(3)) ? 4 : 3))
        rows.append(changed)
      case 5, 6:
        guard response.status == .partial else {
          rows.append(response)
          continue
        }
        var completed = response
        completed.status = .completed
        completed.completedAt = response.startedAt.addingTimeInterval(900)
        completed.answers["cijfer"] = .value(.grade(8))
        rows.append(completed)
      default:
        rows.append(response)
      }
    }
    return rows
  }

  @Test func aLaterExportIsToldApartRowByRowAsByTheKeyedLookup() throws {
    let definition = try storeQuestionnaire()
    for seed: UInt64 in 1...3 {
      let stored = try responses(120, prefix: "r", seed: seed, definition: definition)
      let later = try laterExport(of: stored, seed: seed &* 31, definition: definition)
      let evenLater = try laterExport(of: later, seed: seed &* 77, definition: definition)
      let files: [[FileRow]] = [stored, stored, later, later.reversed(), evenLater].map { $0.map { ($0, false) } }
      for stepLimit in [nil, 1] {
        let followed = try run(files, definition: definition, following: true, stepLimit: stepLimit)
        let looked = try run(files, definition: definition, following: false, stepLimit: stepLimit)
        #expect(followed.dispositions == looked.dispositions, "seed \(seed), steps of \(stepLimit ?? 0)")
        #expect(followed.rows == looked.rows, "seed \(seed), steps of \(stepLimit ?? 0)")
        #expect(followed.revisions == looked.revisions, "seed \(seed), steps of \(stepLimit ?? 0)")
        // The same file again stores nothing; the later one has each kind of row.
        #expect(followed.dispositions[1].allSatisfy { $0 == .duplicate })
        // Read on to: every row of the same file again but its first (looked up by its key), across the steps too;
        // without following, none.
        #expect(followed.followed[1] == stored.count - 1, "steps of \(stepLimit ?? 0)")
        #expect(followed.followed[2] > later.count / 2)
        #expect(looked.followed.allSatisfy { $0 == 0 })
        for kind in [ImportDisposition.inserted, .duplicate, .conflict, .updated] {
          #expect(followed.dispositions[2].contains(kind), "seed \(seed): \(kind)")
        }
      }
    }
  }

  @Test func identicalRowsImportedAgainInAnyOrderAreEachClaimedOnce() throws {
    let definition = try storeQuestionnaire()
    // Ids that are hashes of their rows: identical rows are numbered (`id`, `id#2`, ...), and a file imported again
    // claims each stored response once, whatever the order its rows come in.
    let kinds = try responses(6, prefix: "k", seed: 9, definition: definition)
    var random = SeededGenerator(seed: 4)
    for round in 0..<8 {
      // Each kind 1 to 4 times, in a random order; a second file with some kinds more often, some less.
      var first: [Response] = []
      var second: [Response] = []
      var expectedNew = 0
      for kind in kinds {
        let before = Int(1 + random.next() % 4)
        let after = Int(random.next() % 6)
        first += Array(repeating: kind, count: before)
        second += Array(repeating: kind, count: after)
        expectedNew += max(0, after - before)
      }
      first.shuffle(using: &random)
      let orders = [first, first.reversed(), first.shuffled(using: &random), second, second.shuffled(using: &random)]
      let files: [[FileRow]] = ([first] + orders).map { $0.map { ($0, true) } }
      for stepLimit in [nil, 3] {
        let followed = try run(files, definition: definition, following: true, stepLimit: stepLimit)
        let looked = try run(files, definition: definition, following: false, stepLimit: stepLimit)
        #expect(followed.dispositions == looked.dispositions, "round \(round)")
        #expect(followed.rows == looked.rows, "round \(round)")
        #expect(followed.dispositions[0].allSatisfy { $0 == .inserted })
        // The same file in its own order claims in one run, without the table; another order uses the table.
        #expect(followed.claimedInTable[1] == 0 && looked.claimedInTable[1] == 0, "round \(round)")
        #expect(followed.claimedInTable[2] > 0, "round \(round)")
        for file in 1...3 { #expect(followed.dispositions[file].allSatisfy { $0 == .duplicate }, "round \(round)") }
        #expect(followed.dispositions[4].filter { $0 == .inserted }.count == expectedNew, "round \(round)")
        #expect(followed.dispositions[5].allSatisfy { $0 == .duplicate }, "round \(round)")
      }
    }
  }
}
