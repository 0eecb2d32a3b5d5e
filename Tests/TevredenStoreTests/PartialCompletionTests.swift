import Foundation
import GRDB
import Testing

@testable import TevredenCore
@testable import TevredenStore

/// A partial response that a later export holds finished: the import updates the stored response in place,
/// reports it, and its undo puts the partial back exactly.
@Suite struct PartialCompletionTests {
  let definition: LoadedQuestionnaire
  var questionnaire: Questionnaire { definition.questionnaire }

  init() throws {
    definition = try storeQuestionnaire()
  }

  /// The response `id` as an unfinished export holds it: consent given, nothing else answered yet.
  func partial(_ id: String = "p1", remark: String? = nil) throws -> Response {
    try makeResponse(id, grade: nil, status: .partial, questionnaire: questionnaire, remark: remark)
  }

  /// The same response finished: a grade (and a remark) added, a completion time.
  func completed(_ id: String = "p1", grade: Double = 8, remark: String? = nil) throws -> Response {
    try makeResponse(id, grade: .value(.grade(grade)), questionnaire: questionnaire, remark: remark)
  }

  func importing(_ responses: [Response], _ name: String = "export.csv", into database: TevredenDatabase) throws
    -> [ImportDisposition]
  {
    try database.importResponses(responses.map { ($0, definition) }, source: source(name))
  }

  /// Every row of the tables an import or its undo writes to (the batch list and the change log aside), as text.
  func dump(_ database: TevredenDatabase) throws -> [String] {
    try database.writer.read { db in
      try ["response", "questionnaireSnapshot", "responseRevision"].flatMap { table in
        try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map { "\(table): \($0)" }
      }
    }
  }

  func grades(_ database: TevredenDatabase) throws -> GradeDistribution? {
    try database.scoreData(for: ScoreRequest(period: try #require(Period("2026-T1")))).cells.first?.distribution
  }

  // MARK: - Updating

  @Test func aPartialResponseCompletedLaterIsUpdatedInPlaceAndItsGradeCounts() throws {
    // Given a partial response from an earlier export, which no figure counts
    let database = try TevredenDatabase.inMemory()
    #expect(try importing([try partial(), try completed("c1", grade: 6)], into: database) == [.inserted, .inserted])
    let rowId = try database.writer.read {
      try Int64.fetchOne($0, sql: "SELECT id FROM response WHERE responseKey = 'p1'")
    }
    #expect(try grades(database) == GradeDistribution(counts: [6: 1]))
    // When a later export holds it finished, with a new response beside it
    let later = try importing(
      [try completed(grade: 8), try completed("c1", grade: 6), try completed("n1", grade: 9)], "later.csv",
      into: database)
    // Then it is updated, not a conflict: completed, its grade counted, its row id and key kept
    #expect(later == [.updated, .duplicate, .inserted])
    #expect(try database.response("p1") == (try completed(grade: 8)))
    #expect(try grades(database) == GradeDistribution(counts: [6: 1, 8: 1, 9: 1]))
    try database.writer.read { db in
      let row = try #require(
        try Row.fetchOne(db, sql: "SELECT id, importBatchId, grade FROM response WHERE responseKey = 'p1'"))
      #expect(row["id"] as Int64? == rowId)
      #expect(row["importBatchId"] as Int64? == 1, "it still belongs to the batch that stored it")
      #expect(row["grade"] as Double? == 8)
      // What it was before is kept, without an answer's value, and the copied answers are cleared.
      let revision = try #require(try Row.fetchOne(db, sql: "SELECT * FROM responseRevision"))
      #expect(revision["importBatchId"] as Int64? == 2)
      #expect(revision["previousStatus"] as String? == "partial")
      #expect(revision["addedAnswers"] as String? == #"["cijfer"]"#)
      #expect(revision["addedMissing"] as String? == "[]")
      #expect(revision["newAnswers"] as String? == nil)
      #expect(revision["newCompletedAt"] as String? == nil)
    }
    // And the batch counts it apart, the change log says so
    let batches = try database.importBatches()
    #expect(batches.map(\.insertedCount) == [2, 1])
    #expect(batches.map(\.duplicateCount) == [0, 1])
    #expect(batches.map(\.updatedCount) == [0, 1])
    #expect(batches.map(\.rejectedCount) == [0, 0])
    let log = try database.changeLog()
    #expect(log.map(\.action) == ["import-update"])
    #expect(log.first?.detail.hasPrefix("batch 2 (later.csv): 1 response stored as partial before") == true)
    // And importing the later export again adds nothing
    #expect(try importing([try completed(grade: 8)], into: database) == [.duplicate])
  }

  @Test func anAnswerToAnItemTheDefinitionLacksIsNeverStoredUnderAnotherItemsNumber() throws {
    // The database has numbered `andere_vraag` (another questionnaire's item); a response of this definition with
    // an answer to it is refused whole, and nothing is stored.
    let database = try TevredenDatabase.inMemory()
    try database.writer.write { db in _ = try ItemCodes.ensure(["andere_vraag"], in: db) }
    var stray = try partial()
    stray.answers["andere_vraag"] = .value(.text("x"))
    #expect {
      try importing([stray], into: database)
    } throws: { error in
      guard case StoreError.corruptRow(let detail) = error else { return false }
      return detail == "response p1: an answer to an item its definition lacks, which is not stored"
    }
    #expect(try database.responseCount() == 0)
  }

  @Test func aPartialWithMoreAnswersOrRefusedIsUpdatedToo() throws {
    let database = try TevredenDatabase.inMemory()
    #expect(try importing([try partial(), try partial("p2")], into: database) == [.inserted, .inserted])
    // Still unfinished, with a remark now: more answers.
    #expect(try importing([try partial(remark: "Nog bezig")], into: database) == [.updated])
    #expect(try database.response("p1")?.answers["opmerking"] == .value(.text("Nog bezig")))
    // The same partial again is already present; one without the remark is an older export.
    #expect(try importing([try partial(remark: "Nog bezig")], into: database) == [.duplicate])
    #expect(try importing([try partial()], into: database) == [.duplicate])
    // A partial response without answers yet that the respondent then refused.
    var empty = try partial("p3")
    empty.answers = [:]
    #expect(try importing([empty], into: database) == [.inserted])
    let refused = try makeResponse("p3", grade: nil, status: .refused, questionnaire: questionnaire)
    #expect(try importing([refused], into: database) == [.updated])
    #expect(try database.response("p3")?.status == .refused)
  }

  @Test func anOlderPartialExportAfterTheCompletedOneIsAlreadyPresent() throws {
    let database = try TevredenDatabase.inMemory()
    #expect(try importing([try completed(remark: "Goed")], into: database) == [.inserted])
    let before = try dump(database)
    #expect(try importing([try partial(), try partial(remark: "Goed")], into: database) == [.duplicate, .duplicate])
    #expect(try dump(database) == before, "the stored completed response is kept")
    #expect(try database.importBatches().last?.duplicateCount == 2)
  }

  @Test func aChangedAnswerIsAConflictAndTheStoredPartialIsKept() throws {
    let database = try TevredenDatabase.inMemory()
    #expect(try importing([try partial(remark: "Eerste versie")], into: database) == [.inserted])
    let before = try dump(database)
    // The respondent went back and changed the remark before finishing.
    #expect(try importing([try completed(remark: "Tweede versie")], into: database) == [.conflict])
    // An answer the partial had is missing from the later one.
    #expect(try importing([try completed()], into: database) == [.conflict])
    // Another start (more than the same minute), another gemeente, another mode: another response.
    var moved = try completed(remark: "Eerste versie")
    moved.startedAt = moved.startedAt.addingTimeInterval(3600)
    var elsewhere = try completed(remark: "Eerste versie")
    elsewhere.gemeente = "Alkmaar"
    var byPhone = try completed(remark: "Eerste versie")
    byPhone.mode = .telefonisch
    #expect(try importing([moved, elsewhere, byPhone], into: database) == [.conflict, .conflict, .conflict])
    #expect(try dump(database) == before)
    #expect(try database.importBatches().map(\.rejectedCount) == [0, 1, 1, 3])
  }

  @Test func aPartialWithoutAGemeenteTakesTheCompletedOnesAndTheSameMinuteIsTheSameStart() throws {
    let database = try TevredenDatabase.inMemory()
    var unplaced = try partial()
    unplaced.gemeente = nil
    #expect(try importing([unplaced], into: database) == [.inserted])
    // The partial was saved again by a spreadsheet (its start without seconds); the later export has them.
    var finished = try completed()
    finished.startedAt = finished.startedAt.addingTimeInterval(30)
    #expect(try importing([finished], into: database) == [.updated])
    let stored = try #require(try database.response("p1"))
    #expect(stored.gemeente == "Hoorn")
    #expect(stored.startedAt == unplaced.startedAt, "the stored start is kept")
    #expect(stored.status == .completed)
  }

  @Test func anInterviewsPartialResponseIsNotCompletedByAnImport() throws {
    let database = try TevredenDatabase.inMemory()
    let start = try #require(Timestamp.parse("2026-03-10T10:00:00Z"))
    let unfinished = Response(
      id: "i1", questionnaire: questionnaire, gemeente: "Hoorn", mode: .telefonisch, interviewer: "AB12",
      startedAt: start, completedAt: nil, status: .partial, answers: [:])
    try database.startInterview(
      unfinished, collectedWith: definition, processId: 4242,
      clock: InterviewClock(at: start, interviewer: "AB12", millisecondsSincePrevious: nil))
    var finished = unfinished
    finished.status = .completed
    finished.completedAt = start.addingTimeInterval(600)
    finished.answers = ["toestemming": .value(.yesNo(true)), "cijfer": .value(.grade(7))]
    #expect(try importing([finished], into: database) == [.conflict])
    #expect(try database.response("i1")?.status == .partial)
  }

  // MARK: - Undoing

  @Test func undoingTheCompletingBatchRestoresThePartialExactly() throws {
    let database = try TevredenDatabase.inMemory()
    #expect(try importing([try partial(remark: "Bel me niet")], into: database) == [.inserted])
    let before = try dump(database)
    // The later export was written with a reworded edition of the definition: another snapshot.
    let reworded = try storeQuestionnaire(
      storeQuestionnaireYAML.replacingOccurrences(of: "Welk cijfer?", with: "Welk rapportcijfer?"))
    var weetNiet = try completed(remark: "Bel me niet")
    weetNiet.answers["cijfer"] = .missing("weet_niet")
    let dispositions = try database.importResponses(
      [(weetNiet, reworded), (try completed("n1"), reworded)], source: source("later.csv"))
    #expect(dispositions == [.updated, .inserted])
    #expect(try database.snapshots().count == 2)
    #expect(try database.response("p1") == weetNiet)
    #expect(try dump(database) != before)

    // The batch that stored the partial cannot be undone first: the completion would go with it.
    #expect(throws: StoreError.batchUpdatedLater(1, by: [2])) { try database.undoImportBatch(1) }
    let undone = try database.undoImportBatch(2)
    #expect(undone.removedResponses == 1)
    #expect(undone.restoredResponses == 1)
    #expect(undone.removedSnapshots == 1)
    #expect(try dump(database) == before, "the partial is back exactly, the reworded definition gone")
    #expect(try database.response("p1") == (try partial(remark: "Bel me niet")))
    let log = try database.changeLog()
    #expect(log.map(\.action) == ["import-update", "undo-import"])
    #expect(log.last?.detail.hasSuffix("1 responses it had updated set back to what they were before it") == true)
    // Now the first batch can go too, and the later export imported again completes the partial again.
    #expect(try database.undoImportBatch(1).removedResponses == 1)
    #expect(try database.responseCount() == 0)
  }

  @Test func updatesAcrossThreeBatchesAreUndoneLastFirst() throws {
    let database = try TevredenDatabase.inMemory()
    #expect(try importing([try partial()], into: database) == [.inserted])
    let first = try dump(database)
    #expect(try importing([try partial(remark: "Halverwege")], into: database) == [.updated])
    let second = try dump(database)
    #expect(try importing([try completed(remark: "Halverwege")], into: database) == [.updated])
    #expect(throws: StoreError.batchUpdatedLater(2, by: [3])) { try database.undoImportBatch(2) }
    #expect(throws: StoreError.batchUpdatedLater(1, by: [2, 3])) { try database.undoImportBatch(1) }
    #expect(try database.undoImportBatch(3).restoredResponses == 1)
    #expect(try dump(database) == second)
    #expect(try database.undoImportBatch(2).restoredResponses == 1)
    #expect(try dump(database) == first)
  }

  // MARK: - Within one import

  @Test func aPartialAndItsCompletionInOneImportEndCompleted() throws {
    let database = try TevredenDatabase.inMemory()
    #expect(try importing([try partial()], into: database) == [.inserted])
    // Two files of one run: the first carries the partial further, the second holds that state again, the
    // partial as first stored, and the response completed.
    let dispositions = try database.importRun { session in
      try session.beginBatch(source("a.csv"))
      let first = try session.add(try partial(remark: "Halverwege"), definition: definition)
      try session.endBatch()
      try session.beginBatch(source("b.csv"))
      let second = try [try partial(remark: "Halverwege"), try partial(), try completed(remark: "Halverwege")].map {
        try session.add($0, definition: definition)
      }
      try session.endBatch()
      return [first] + second
    }
    #expect(dispositions == [.updated, .duplicate, .duplicate, .updated])
    #expect(try database.response("p1") == (try completed(remark: "Halverwege")))
    // Completed, the response takes no other answers.
    #expect(try importing([try completed(remark: "Anders")], into: database) == [.conflict])
    // Undone last batch first, each puts back what it changed.
    #expect(throws: StoreError.batchUpdatedLater(2, by: [3])) { try database.undoImportBatch(2) }
    #expect(try database.undoImportBatch(3).restoredResponses == 1)
    #expect(try database.response("p1") == (try partial(remark: "Halverwege")))
    #expect(try database.undoImportBatch(2).restoredResponses == 1)
    #expect(try database.response("p1") == (try partial()))
  }

  @Test func aRepeatedIdInAnExchangeFileIsRepeatedAlsoAfterItCompletedAResponse() throws {
    let database = try TevredenDatabase.inMemory()
    #expect(try importing([try partial()], into: database) == [.inserted])
    var preparer = ResponsePreparer()
    let dispositions = try database.importRun { session in
      try session.beginBatch(source("again.csv"))
      let rows = [try completed(), try completed()].map { preparer.prepare($0, definition: definition) }
      return try rows.map { try session.add($0, rejectingRepeats: true) }
    }
    #expect(dispositions == [.updated, .repeated])
  }

  @Test func anUpdateStaysInvisibleUntilTheImportEndsAndGoesWithAFailedImport() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("db.sqlite").path
    let database = try TevredenDatabase.open(atPath: path)
    #expect(try importing([try partial()], into: database) == [.inserted])
    let before = try dump(database)
    let reader = try TevredenDatabase.open(atPath: path)
    struct Failure: Error {}
    #expect(throws: Failure.self) {
      try database.importRun { session in
        // Each response ends its step: what it stored is committed before the run ends.
        session.testDelayPerResponse = 110_000
        try session.beginBatch(source("later.csv"))
        #expect(try session.add(try completed(), definition: definition) == .updated)
        #expect(try session.add(try completed("n1"), definition: definition) == .inserted)
        // Another process sees neither the new response nor the update.
        #expect(try reader.response("p1") == (try partial()))
        #expect(try reader.responseCount() == 1)
        #expect(try reader.scoreData(for: ScoreRequest(period: try #require(Period("2026-T1")))).cells.isEmpty)
        throw Failure()
      }
    }
    #expect(try dump(database) == before, "nothing of the failed import is left, its update neither")
    #expect(try importing([try completed()], into: database) == [.updated])
    #expect(try reader.response("p1") == (try completed()))
  }
}
