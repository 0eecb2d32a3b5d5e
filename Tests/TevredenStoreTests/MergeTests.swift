import Foundation
import GRDB
import Testing

@testable import TevredenCore
@testable import TevredenStore

/// `merge(stationsAt:)`: interviewer stations' databases brought into the region's, idempotently, all or nothing,
/// never changing a station file.
@Suite struct MergeTests {
  let definition: LoadedQuestionnaire
  let folder: URL
  let start = Date(timeIntervalSince1970: 1_780_000_000)

  init() throws {
    definition = try storeQuestionnaire()
    folder = try temporaryFolder()
  }

  // MARK: - Helpers

  func path(_ name: String) -> String {
    folder.appendingPathComponent(name).path
  }

  /// A database file made by `build` and closed, as an interviewer's laptop leaves it.
  func station(_ name: String, _ build: (TevredenDatabase) throws -> Void) throws -> String {
    let file = path(name)
    let database = try TevredenDatabase.open(atPath: file)
    try build(database)
    try close(database)
    return file
  }

  func close(_ database: TevredenDatabase) throws {
    try #require(database.writer as? DatabaseQueue).close()
  }

  func response(_ id: String, grade: Double, remark: String? = nil) throws -> Response {
    try makeResponse(id, grade: .value(.grade(grade)), questionnaire: definition.questionnaire, remark: remark)
  }

  /// An interview typed line by line (one second apart), as the runner stores it; `p` pauses, `ok` completes.
  func interview(_ database: TevredenDatabase, _ id: Response.ID, _ lines: [String], processId: Int32 = 4242) throws {
    let clock = { (seconds: Double) in
      InterviewClock(at: start.addingTimeInterval(seconds), interviewer: "AB12", millisecondsSincePrevious: 1000)
    }
    let response = Response(
      id: id, questionnaire: definition.questionnaire, gemeente: "Hoorn", mode: .telefonisch, interviewer: "AB12",
      startedAt: start, completedAt: nil, status: .partial, answers: [:])
    try database.startInterview(response, collectedWith: definition, processId: processId, clock: clock(0))
    var runner = Interview(questionnaire: definition.questionnaire)
    for (offset, line) in lines.enumerated() {
      try database.record(runner.handle(line).effects, for: id, clock: clock(Double(offset + 1)))
    }
  }

  /// Every row of the tables a merge writes to, as text, in row order.
  func dump(_ database: TevredenDatabase, tables: [String] = dumpedTables) throws -> [String: [String]] {
    try database.writer.read { db in
      var dump: [String: [String]] = [:]
      for table in tables {
        dump[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map(\.description)
      }
      return dump
    }
  }

  static let dumpedTables = ["questionnaireSnapshot", "response", "interview", "interviewEvent"]

  /// The file's SHA-256 and the names in its folder: what must be the same after a merge.
  func fingerprint(_ file: String) throws -> (String, [String]) {
    let url = URL(fileURLWithPath: file)
    let names = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path).sorted()
    return (try SHA256.hex(ofFileAt: url), names)
  }

  func count(_ table: String, in database: TevredenDatabase) throws -> Int {
    try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 }
  }

  // MARK: - Dispositions

  @Test func eachResponseIsNewAlreadyPresentAConflictOrCompletedLater() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let region = try TevredenDatabase.open(atPath: path("region.sqlite"))
    try region.save(try response("same", grade: 7), collectedWith: definition)
    try region.save(try response("differs", grade: 6, remark: "Kort"), collectedWith: definition)
    try interview(region, "VT-LATER2", ["ja", "p"])
    let stationFile = try station("station1.sqlite") { station in
      try station.save(try response("same", grade: 7), collectedWith: definition)
      try station.save(try response("differs", grade: 9, remark: "Een lang verhaal"), collectedWith: definition)
      try station.save(try response("new", grade: 8), collectedWith: definition)
      try interview(station, "VT-LATER2", ["ja", "8", "Vriendelijk", "ok"])
    }

    let report = try region.merge(stationsAt: [stationFile])

    let merged = try #require(report.stations.first)
    #expect(merged.path == stationFile)
    #expect(merged.inserted == 1)
    #expect(merged.alreadyPresent == 1)
    #expect(merged.completed == ["VT-LATER2"])
    #expect(
      merged.conflicts == [MergeConflict(response: "differs", fields: ["grade"], items: ["cijfer", "opmerking"])])
    #expect(merged.definitionsAdded == 0, "the definition is matched by its hash")
    #expect(report.isStored)
    let totals: [Int] = [report.inserted, report.alreadyPresent, report.conflictCount, report.completedCount]
    #expect(totals == [1, 1, 1, 1])

    #expect(try region.response("new") == (try response("new", grade: 8)))
    // The conflict is never overwritten.
    #expect(try region.response("differs") == (try response("differs", grade: 6, remark: "Kort")))
    // The interview finished on the station is completed here, with the station's answers and its audit events
    // added after the region's own.
    let later = try #require(try region.response("VT-LATER2"))
    #expect(later.status == .completed)
    #expect(later.answers["cijfer"] == .value(.grade(8)))
    #expect(later.completedAt == start.addingTimeInterval(4))
    #expect(try region.interviewState("VT-LATER2") == .completed)
    #expect(try region.openInterviews().isEmpty)
    let events = try region.interviewEvents("VT-LATER2")
    #expect(events.map(\.kind) == [.started, .answered, .paused, .answered, .answered, .completed])
    #expect(events.map(\.item) == [nil, "toestemming", nil, "cijfer", "opmerking", nil])
    let grades = try region.writer.read { db in
      try Double.fetchOne(db, sql: "SELECT grade FROM response WHERE responseKey = 'VT-LATER2'")
    }
    #expect(grades == 8)
  }

  @Test func aStationThatFinishedAnInterviewWithOtherAnswersIsAConflict() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let region = try TevredenDatabase.open(atPath: path("region.sqlite"))
    try interview(region, "VT-OTHER2", ["ja", "6", "p"])
    let stationFile = try station("station1.sqlite") { station in
      try interview(station, "VT-OTHER2", ["ja", "8", "", "ok"])
    }
    let before = try dump(region)

    let report = try region.merge(stationsAt: [stationFile])

    #expect(report.completedCount == 0)
    let conflict = try #require(report.stations.first?.conflicts.first)
    #expect(conflict.response == "VT-OTHER2")
    #expect(conflict.fields == ["completedAt", "status", "grade"])
    #expect(conflict.items == ["cijfer"])
    // Nothing of the interview changed, not even its audit log.
    #expect(try dump(region) == before)
    #expect(try region.response("VT-OTHER2")?.status == .partial)
  }

  // MARK: - Interviews and audit events

  @Test func interviewRowsAndAuditEventsComeAlongUnderTheNewRowIds() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let region = try TevredenDatabase.open(atPath: path("region.sqlite"))
    for index in 1...3 { try region.save(try response("earlier-\(index)", grade: 7), collectedWith: definition) }
    var stationEvents: [String: [InterviewEvent]] = [:]
    let stationFile = try station("station1.sqlite") { station in
      // One completed, one left active by a process that was killed, one paused.
      try interview(station, "VT-DONE22", ["ja", "9", "Prima", "ok"])
      try interview(station, "VT-KILLED", ["ja", "5"], processId: 4242)
      try interview(station, "VT-PAUSED", ["ja", "p"])
      for id: Response.ID in ["VT-DONE22", "VT-KILLED", "VT-PAUSED"] {
        stationEvents[id.rawValue] = try station.interviewEvents(id)
      }
    }

    let report = try region.merge(stationsAt: [stationFile])

    #expect(report.inserted == 3)
    #expect(report.stations.first?.eventsAdded == stationEvents.values.map(\.count).reduce(0, +))
    for (id, events) in stationEvents {
      #expect(try region.interviewEvents(Response.ID(rawValue: id)) == events, "\(id)")
    }
    #expect(try region.interviewState("VT-DONE22") == .completed)
    let open = try region.openInterviews()
    #expect(Set(open.map(\.id)) == ["VT-KILLED", "VT-PAUSED"])
    #expect(open.allSatisfy { $0.processId == nil }, "no process of this computer runs a merged interview")
    #expect(open.first { $0.id == "VT-KILLED" }?.state == .active)
    // Every interview and event row points at the response with the same id here (rows 4 to 6, not 1 to 3).
    let orphans = try region.writer.read { db in
      try Int.fetchOne(
        db,
        sql: """
          SELECT (SELECT COUNT(*) FROM interview WHERE responseId NOT IN
                   (SELECT id FROM response WHERE responseKey LIKE 'VT-%'))
               + (SELECT COUNT(*) FROM interviewEvent WHERE responseId NOT IN
                   (SELECT id FROM response WHERE responseKey LIKE 'VT-%'))
          """)
    }
    #expect(orphans == 0)
    // The merged interview can be resumed here.
    let (resumed, _) = try region.resumeInterview(
      "VT-KILLED", processId: 7,
      clock: InterviewClock(at: start.addingTimeInterval(60), interviewer: nil, millisecondsSincePrevious: nil),
      isRunning: { _ in true })
    #expect(resumed.answers["cijfer"] == .value(.grade(5)))
  }

  @Test func aSecondMergeAndAnOverlappingStationAddNothing() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let region = try TevredenDatabase.open(atPath: path("region.sqlite"))
    try region.save(try response("region-own", grade: 6), collectedWith: definition)
    var firstEvents = 0
    let first = try station("station1.sqlite") { station in
      try station.save(try response("shared", grade: 7), collectedWith: definition)
      try interview(station, "VT-SHARED", ["ja", "8", "", "ok"])
      try interview(station, "VT-PAUSED", ["ja", "p"])
      firstEvents = try count("interviewEvent", in: station)
    }
    // The second laptop holds a copy of the first one's file, and one interview more.
    let second = path("station2.sqlite")
    try FileManager.default.copyItem(atPath: first, toPath: second)
    let secondDatabase = try TevredenDatabase.open(atPath: second)
    try interview(secondDatabase, "VT-SECOND", ["ja", "7", "", "ok"])
    let secondEvents = try secondDatabase.interviewEvents("VT-SECOND").count
    try close(secondDatabase)

    let report = try region.merge(stationsAt: [first, second])
    #expect(report.stations.map(\.inserted) == [3, 1])
    #expect(report.stations.map(\.alreadyPresent) == [0, 3])
    #expect(report.stations.map(\.eventsAdded) == [firstEvents, secondEvents])
    #expect(try count("interviewEvent", in: region) == firstEvents + secondEvents)
    let merged = try dump(region)
    let batches = try count("importBatch", in: region)

    let again = try region.merge(stationsAt: [second, first])

    #expect(again.stations.map(\.inserted) == [0, 0])
    #expect(again.stations.map(\.alreadyPresent) == [4, 3])
    #expect(again.stations.map(\.eventsAdded) == [0, 0])
    #expect(again.stations.map(\.definitionsAdded) == [0, 0])
    #expect(try dump(region) == merged)
    // Each run is recorded, and the second one inserted nothing.
    #expect(try count("importBatch", in: region) == batches + 2)
    #expect(try region.importBatches().suffix(2).map(\.insertedCount) == [0, 0])
  }

  /// Contacts recorded on a laptop (not reached, language barrier, …) come along once: merging the same station
  /// again, or a copy of it, adds none.
  @Test func recordedContactsComeAlongOnce() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let region = try TevredenDatabase.open(atPath: path("region.sqlite"))
    let day = try #require(LocalDate("2026-03-02"))
    let first = try station("station1.sqlite") { station in
      try station.recordContacts(
        .notReached, count: 3, of: definition.questionnaire, mode: .telefonisch, interviewer: "AB12", on: day)
      try station.recordContacts(
        .languageBarrier, of: definition.questionnaire, mode: .persoonlijk, interviewer: "AB12", on: day)
    }
    let second = path("station2.sqlite")
    try FileManager.default.copyItem(atPath: first, toPath: second)
    let report = try region.merge(stationsAt: [first, second])
    #expect(report.stations.map(\.contactsAdded) == [4, 0])
    let again = try region.merge(stationsAt: [first])
    #expect(again.stations.map(\.contactsAdded) == [0])
    let counts = try region.writer.read { db in
      try TevredenDatabase.contactCounts(db, period: try #require(Period("2026-T1")))
    }
    #expect(
      counts.map { "\($0.outcome.rawValue) \($0.count)" }.sorted() == ["niet_bereikt 3", "taalbarriere 1"])
  }

  // MARK: - Station files

  @Test func aStationFileIsLeftByteForByteAsItWasAndNothingIsLeftBesideIt() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let region = try TevredenDatabase.open(atPath: path("region.sqlite"))
    let stationFile = try station("station1.sqlite") { station in
      try station.save(try response("a", grade: 7), collectedWith: definition)
      try interview(station, "VT-AAAAAA", ["ja", "p"])
    }
    let scratch = folder.appendingPathComponent("scratch")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false)
    let before = try fingerprint(stationFile)
    #expect(!before.1.contains("station1.sqlite-wal") && !before.1.contains("station1.sqlite-shm"))

    _ = try region.merge(stationsAt: [stationFile], temporaryDirectory: scratch)

    let after = try fingerprint(stationFile)
    #expect(after.0 == before.0)
    #expect(after.1 == before.1, "no -wal or -shm beside the station file")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == [], "the private copy is removed")
    #expect(try region.responseCount() == 2)
  }

  @Test func aStationLeftWithItsWriteAheadLogIsReadWholeAndLeftAsItWas() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let region = try TevredenDatabase.open(atPath: path("region.sqlite"))
    // A laptop switched off while tevreden ran: the last answers are only in the write-ahead log.
    let running = try TevredenDatabase.open(atPath: path("running.sqlite"))
    try running.save(try response("a", grade: 7), collectedWith: definition)
    try interview(running, "VT-AAAAAA", ["ja", "8"])
    let crashed = path("crashed.sqlite")
    try FileManager.default.copyItem(atPath: path("running.sqlite"), toPath: crashed)
    try FileManager.default.copyItem(atPath: path("running.sqlite-wal"), toPath: crashed + "-wal")
    try close(running)
    #expect(try Data(contentsOf: URL(fileURLWithPath: crashed + "-wal")).count > 0)
    let database = try fingerprint(crashed)
    let log = try SHA256.hex(ofFileAt: URL(fileURLWithPath: crashed + "-wal"))

    let report = try region.merge(stationsAt: [crashed])

    #expect(report.inserted == 2)
    #expect(try region.response("VT-AAAAAA")?.answers["cijfer"] == .value(.grade(8)))
    #expect(try fingerprint(crashed) == database)
    #expect(try SHA256.hex(ofFileAt: URL(fileURLWithPath: crashed + "-wal")) == log)
    #expect(!FileManager.default.fileExists(atPath: crashed + "-shm"))
  }

  @Test func aResponseKeepsItsLanguageAndInterpreterThroughAMerge() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let region = try TevredenDatabase.open(atPath: path("region.sqlite"))
    var arabic = try response("VT-ARABIC", grade: 8)
    arabic.language = "ar"
    arabic.isInterpreterAssisted = true
    let file = try station("station.sqlite") { station in
      try station.save(arabic, collectedWith: definition)
    }

    let report = try region.merge(stationsAt: [file])
    let again = try region.merge(stationsAt: [file])

    #expect(report.inserted == 1)
    #expect(try region.response("VT-ARABIC") == arabic)
    #expect(again.inserted == 0 && again.alreadyPresent == 1 && again.conflictCount == 0)
  }

  @Test func aStationFromAnOlderSchemaIsReadThroughAMigratedCopy() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let region = try TevredenDatabase.open(atPath: path("region.sqlite"))
    // A laptop that still runs a tevreden from before the key hash column (schema v4).
    let old = path("old.sqlite")
    let queue = try DatabaseQueue(path: old)
    try TevredenDatabase.migrator.migrate(queue, upTo: "v4-answers-in-response")
    try queue.write { db in
      var snapshot = SnapshotRecord(
        id: nil, questionnaireID: "store-test", version: 1, audience: "inwoners", respondentGroup: "melding",
        groupLabel: "Melding", sha256: definition.sha256, definition: definition.source,
        storedAt: "2026-03-01T09:00:00Z")
      try snapshot.insert(db)
      try db.execute(
        sql: """
          INSERT INTO response (responseKey, snapshotId, questionnaireID, questionnaireVersion, audience,
            respondentGroup, gemeente, mode, startedAt, completedAt, collectedOn, status, grade, answers, missing)
          VALUES ('old-1', ?, 'store-test', 1, 'inwoners', 'melding', 'Hoorn', 'online', '2026-03-10T10:00:00Z',
            '2026-03-10T10:10:00Z', '2026-03-10', 'completed', 7, '{"cijfer":"7","toestemming":"ja"}', '{}')
          """, arguments: [snapshot.id])
    }
    try queue.close()
    let before = try fingerprint(old)

    let report = try region.merge(stationsAt: [old])

    #expect(report.inserted == 1)
    #expect(try region.response("old-1") == (try response("old-1", grade: 7)))
    #expect(try fingerprint(old) == before, "the station stays at its own schema")
  }

  @Test func aStationFromANewerVersionIsRefusedAndNothingIsMerged() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let region = try TevredenDatabase.open(atPath: path("region.sqlite"))
    try region.save(try response("region-own", grade: 6), collectedWith: definition)
    let good = try station("station1.sqlite") { station in
      try station.save(try response("good", grade: 7), collectedWith: definition)
    }
    let newer = try station("station2.sqlite") { station in
      try station.save(try response("newer", grade: 7), collectedWith: definition)
      try station.writer.write { db in
        try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
      }
    }
    let before = try dump(region, tables: Self.dumpedTables + ["importBatch"])
    let newerBefore = try fingerprint(newer)
    let scratch = folder.appendingPathComponent("scratch")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false)

    #expect(throws: MergeError.newerStation(path: newer)) {
      try region.merge(stationsAt: [good, newer], temporaryDirectory: scratch)
    }

    #expect(try dump(region, tables: Self.dumpedTables + ["importBatch"]) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == [], "the private copies are removed")
    var newerAfter = try fingerprint(newer)
    newerAfter.1.removeAll { $0 == "scratch" }
    #expect(newerAfter == newerBefore)
    let message = MergeError.newerStation(path: newer).errorDescription ?? ""
    #expect(message.contains(newer) && message.contains("newer version") && message.contains("nothing was merged"))
  }

  @Test func aCorruptRowInAnyStationRollsBackEveryStation() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let region = try TevredenDatabase.open(atPath: path("region.sqlite"))
    let good = try station("station1.sqlite") { station in
      try station.save(try response("good", grade: 7), collectedWith: definition)
    }
    let corrupt = try station("station2.sqlite") { station in
      try station.save(try response("corrupt", grade: 7), collectedWith: definition)
      try station.writer.write { db in
        try db.execute(sql: #"UPDATE response SET answers = '{"onbekend":"1"}' WHERE responseKey = 'corrupt'"#)
      }
    }
    let before = try dump(region, tables: Self.dumpedTables + ["importBatch"])

    do {
      _ = try region.merge(stationsAt: [good, corrupt])
      Issue.record("a corrupt row was merged")
    } catch MergeError.stationFailed(let failed, let reason) {
      #expect(failed == corrupt)
      #expect(reason.contains("onbekend"), "\(reason)")
    }
    #expect(try dump(region, tables: Self.dumpedTables + ["importBatch"]) == before)
  }

  @Test func missingForeignAndRepeatedFilesAreRefusedAndNothingIsMerged() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let regionFile = path("region.sqlite")
    let region = try TevredenDatabase.open(atPath: regionFile)
    let good = try station("station1.sqlite") { station in
      try station.save(try response("good", grade: 7), collectedWith: definition)
    }
    let notes = path("notes.sqlite")
    try Data("not a database\n".utf8).write(to: URL(fileURLWithPath: notes))
    let empty = path("empty.sqlite")
    try Data().write(to: URL(fileURLWithPath: empty))
    let other = path("other.sqlite")
    try DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE persons (name TEXT)") }
    let link = path("link.sqlite")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: good)

    #expect(throws: MergeError.missingStation(path: path("typo.sqlite"))) {
      try region.merge(stationsAt: [good, path("typo.sqlite")])
    }
    for foreign in [notes, empty, other, folder.path] {
      #expect(throws: MergeError.notAStation(path: foreign)) { try region.merge(stationsAt: [good, foreign]) }
    }
    #expect(throws: MergeError.regionItself(path: regionFile)) { try region.merge(stationsAt: [regionFile]) }
    #expect(throws: MergeError.namedTwice(path: good)) { try region.merge(stationsAt: [good, good]) }
    #expect(throws: MergeError.namedTwice(path: link)) { try region.merge(stationsAt: [good, link]) }
    #expect(try region.responseCount() == 0)
    #expect(try count("importBatch", in: region) == 0)
    #expect(try String(contentsOfFile: notes, encoding: .utf8) == "not a database\n")
    #expect(try Data(contentsOf: URL(fileURLWithPath: empty)).isEmpty)
  }

  // MARK: - Dry run, strict, and the record of a merge

  @Test func aDryRunAndAStrictMergeWithAConflictStoreNothing() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let region = try TevredenDatabase.open(atPath: path("region.sqlite"))
    try region.save(try response("differs", grade: 6), collectedWith: definition)
    let stationFile = try station("station1.sqlite") { station in
      try station.save(try response("differs", grade: 9), collectedWith: definition)
      try station.save(try response("new", grade: 8), collectedWith: definition)
    }
    let before = try dump(region, tables: Self.dumpedTables + ["importBatch"])

    let dryRun = try region.merge(stationsAt: [stationFile], dryRun: true)
    #expect(!dryRun.isStored)
    #expect(dryRun.inserted == 1)
    #expect(dryRun.conflictCount == 1)
    #expect(try dump(region, tables: Self.dumpedTables + ["importBatch"]) == before)

    let strict = try region.merge(stationsAt: [stationFile], strict: true)
    #expect(!strict.isStored)
    #expect(strict.stations == dryRun.stations)
    #expect(try dump(region, tables: Self.dumpedTables + ["importBatch"]) == before)

    let merged = try region.merge(stationsAt: [stationFile])
    #expect(merged.isStored)
    #expect(merged.stations == dryRun.stations)
    #expect(try region.responseCount() == 2)
  }

  @Test func eachStationIsRecordedAsAnImportBatchOfTheResponsesItBrought() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let region = try TevredenDatabase.open(atPath: path("region.sqlite"))
    _ = try region.importResponses([(try response("present", grade: 7), definition)], source: source("export.csv"))
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("laptop"), withIntermediateDirectories: true)
    let stationFile = try station("laptop/tevreden.sqlite") { station in
      try station.save(try response("present", grade: 7), collectedWith: definition)
      try station.save(try response("new-1", grade: 8), collectedWith: definition)
      try station.save(try response("new-2", grade: 9), collectedWith: definition)
    }

    _ = try region.merge(stationsAt: [stationFile])

    let batches = try region.writer.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM importBatch ORDER BY id")
    }
    let batch = try #require(batches.last)
    #expect(batches.count == 2)
    #expect(batch["source"] as String == "tevreden.sqlite", "the base name only")
    #expect(batch["format"] as String == "tevreden-database")
    #expect(batch["sha256"] as String == (try SHA256.hex(ofFileAt: URL(fileURLWithPath: stationFile))))
    #expect(
      [batch["insertedCount"], batch["duplicateCount"], batch["rejectedCount"]] as [Int] == [2, 1, 0])
    let batchIds = try region.writer.read { db in
      try Row.fetchAll(db, sql: "SELECT responseKey, importBatchId FROM response ORDER BY responseKey")
        .map { "\($0["responseKey"] as String)=\($0["importBatchId"] as Int64)" }
    }
    let mergeBatch: Int64 = batch["id"]
    #expect(batchIds == ["new-1=\(mergeBatch)", "new-2=\(mergeBatch)", "present=\(batches[0]["id"] as Int64)"])
  }

  @Test func aStationAddsTheDefinitionsTheRegionLacksOnce() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let region = try TevredenDatabase.open(atPath: path("region.sqlite"))
    try region.save(try response("v1", grade: 7), collectedWith: definition)
    let (loaded, _) = QuestionnaireLoader.parse(
      storeQuestionnaireYAML.replacingOccurrences(of: "version: 1", with: "version: 2"), file: "v2.yaml")
    let second = try #require(loaded)
    let stationFile = try station("station1.sqlite") { station in
      try station.save(try response("station-v1", grade: 7), collectedWith: definition)
      for id in ["station-v2a", "station-v2b"] {
        try station.save(
          try makeResponse(id, grade: .value(.grade(8)), questionnaire: second.questionnaire), collectedWith: second)
      }
    }

    let report = try region.merge(stationsAt: [stationFile])

    #expect(report.stations.first?.definitionsAdded == 1)
    let snapshots = try region.snapshots()
    #expect(snapshots.map(\.definition.sha256) == [definition.sha256, second.sha256])
    let stored = try region.responses().filter { $0.0.id.rawValue.hasPrefix("station-v2") }
    #expect(stored.map(\.1.id) == [snapshots[1].id, snapshots[1].id])
  }

  @Test func aDamagedStationFileIsRefused() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let region = try TevredenDatabase.open(atPath: path("region.sqlite"))
    let damaged = try station("station1.sqlite") { station in
      for index in 1...200 {
        try station.save(try response("r\(index)", grade: 7, remark: "Opmerking \(index)"), collectedWith: definition)
      }
    }
    // Garbage over the middle of the file: pages of the response table.
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: damaged))
    let size = try handle.seekToEnd()
    try handle.seek(toOffset: size / 2)
    try handle.write(contentsOf: Data(repeating: 0xA5, count: 8192))
    try handle.close()

    #expect(throws: MergeError.damagedStation(path: damaged)) { try region.merge(stationsAt: [damaged]) }
    #expect(try region.responseCount() == 0)
  }
}
