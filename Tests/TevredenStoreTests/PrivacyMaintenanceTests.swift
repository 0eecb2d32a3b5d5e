import Foundation
import GRDB
import Testing

@testable import TevredenCore
@testable import TevredenStore

/// `privacy scan`, `purge` and the remark review, on a database that an older tevreden filled: open answers,
/// ids, interviewer codes and file names stored as they came.
@Suite struct PrivacyMaintenanceTests {
  let definition: LoadedQuestionnaire
  let unmasked = "Bel Piet op 06-12345678 of mail piet@example.nl"

  init() throws {
    definition = try storeQuestionnaire()
  }

  /// Three responses, then written over as an older version would have left them.
  func oldDatabase() throws -> TevredenDatabase {
    let database = try TevredenDatabase.inMemory()
    for (id, day) in [("r1", "2019-03-10"), ("r2", "2025-06-10"), ("r3", "2026-09-10")] {
      try database.save(
        try makeResponse(
          id, grade: .value(.grade(7)), on: day, questionnaire: definition.questionnaire, remark: "Goed geholpen."),
        collectedWith: definition)
    }
    _ = try database.importResponses([], source: source("antwoorden-Piet-de-Vries.csv"))
    try database.writer.write { db in
      try db.execute(
        sql: "UPDATE response SET answers = json_set(answers, ?, ?), interviewer = 'Piet'",
        arguments: [try answerPath("opmerking", in: db), unmasked])
      try db.execute(
        sql: "UPDATE response SET responseKey = 'jan@example.nl', keyHash = ? WHERE responseKey = 'r2'",
        arguments: [ResponseKeyHash.of("jan@example.nl")])
      try db.execute(sql: "UPDATE importBatch SET source = 'antwoorden-Piet-de-Vries.csv'")
    }
    return database
  }

  func remarks(_ database: TevredenDatabase) throws -> [String?] {
    try database.writer.read { db in
      try String?.fetchAll(
        db, sql: "SELECT json_extract(answers, ?) FROM response ORDER BY id",
        arguments: [try answerPath("opmerking", in: db)])
    }
  }

  @Test func aScanMasksWhatOlderVersionsStoredInOneLoggedStep() throws {
    let database = try oldDatabase()
    let dry = try database.scanPrivacy(dryRun: true)
    #expect(dry.remarksMasked == 3)
    #expect(dry.kinds[.phone] == 3 && dry.kinds[.email] == 3 && dry.kinds[.name] == 3)
    #expect(dry.keysReplaced == 1 && dry.interviewersRemoved == 3 && dry.sourcesMasked == 1)
    #expect(try remarks(database) == Array(repeating: unmasked, count: 3), "a dry run changes nothing")
    #expect(try database.changeLog().isEmpty)

    let done = try database.scanPrivacy(dryRun: false)
    #expect(done == dry)
    #expect(try remarks(database) == Array(repeating: "Bel [naam] op [telefoonnummer] of mail [e-mail]", count: 3))
    let keys = try database.writer.read { try String.fetchAll($0, sql: "SELECT responseKey FROM response") }
    #expect(!keys.contains("jan@example.nl") && keys.contains("r1") && keys.count == 3)
    #expect(try database.response("r1")?.interviewer == nil)
    #expect(try database.importBatches().map(\.source) == ["antwoorden-[naam].csv"])
    #expect(try database.changeLog().map(\.action) == ["privacy-scan"])
    let second = try database.scanPrivacy(dryRun: false)
    let keysAfter = try database.writer.read { try String.fetchAll($0, sql: "SELECT responseKey FROM response") }
    #expect(second.isClean, "a second scan finds nothing: \(second) \(keysAfter)")
  }

  @Test func purgeRemovesWhatTheRetentionPeriodsEndAndKeepsTheFigures() throws {
    let database = try oldDatabase()
    let period = try #require(Period("2019"))
    let before = try database.scoreData(for: ScoreRequest(period: period))
    let now = try #require(Timestamp.parse("2026-12-01T10:00:00Z"))
    let retention = IndicatorSet.Retention(remarksMonths: 12, auditEventsMonths: 24, responsesYears: 5)
    let dry = try database.purge(retention, now: now, dryRun: true)
    #expect(dry.remarksRemoved == 2 && dry.responsesReduced == 1)
    #expect(try remarks(database).allSatisfy { $0 == unmasked })

    let done = try database.purge(retention, now: now, dryRun: false)
    #expect(done == dry)
    // 2019 and 2025-06 are more than twelve months ago; 2026-09 is not.
    #expect(try remarks(database).map { $0 == nil } == [true, true, false] as [Bool])
    let old = try #require(try database.response("r1"))
    #expect(old.interviewer == nil)
    #expect(Timestamp.format(old.startedAt) == "2019-03-10T12:00:00Z")
    #expect(old.collectedOn == LocalDate(year: 2019, month: 3, day: 10))
    #expect(try database.scoreData(for: ScoreRequest(period: period)) == before, "the figures stay the same")
    #expect(try database.changeLog().map(\.action) == ["purge"])
    #expect(try database.purge(retention, now: now, dryRun: false) == PurgeReport(), "nothing left to purge")
  }

  @Test func onlyAcceptedRemarksAsTheyStandNowAreReadable() throws {
    let database = try TevredenDatabase.inMemory()
    for id in ["r1", "r2", "r3"] {
      try database.save(
        try makeResponse(
          id, grade: .value(.grade(8)), questionnaire: definition.questionnaire,
          remark: "Opmerking \(id) over de oranje jas"),
        collectedWith: definition)
    }
    var waiting = try database.unreviewedRemarks()
    #expect(
      waiting.map(\.text) == [
        "Opmerking r1 over de oranje jas", "Opmerking r2 over de oranje jas", "Opmerking r3 over de oranje jas",
      ])
    try database.review(waiting[0], .accept)
    try database.review(waiting[1], .maskMore(["oranje jas"]))
    try database.review(waiting[2], .drop)
    waiting = try database.unreviewedRemarks()
    #expect(waiting.isEmpty)
    let accepted = try database.writer.read { try TevredenDatabase.acceptedRemarks(in: $0) }
    #expect(accepted.map(\.text) == ["Opmerking r1 over de oranje jas", "Opmerking r2 over de [gemaskeerd]"])
    #expect(try database.response("r3")?.answers["opmerking"] == nil, "a dropped remark is gone")
    // A remark changed after its review needs review again.
    try database.writer.write { db in
      try db.execute(
        sql: "UPDATE response SET answers = json_set(answers, ?, 'Anders') WHERE id = 1",
        arguments: [try answerPath("opmerking", in: db)])
    }
    #expect(try database.unreviewedRemarks().map(\.text) == ["Anders"])
  }
}
