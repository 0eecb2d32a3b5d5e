import Foundation
import GRDB
import Testing

@testable import TevredenCore
@testable import TevredenStore

/// Interviews in the store: each step committed at once, resumable, with an audit log that holds no answers.
@Suite struct InterviewStoreTests {
  let definition: LoadedQuestionnaire
  let start = Date(timeIntervalSince1970: 1_780_000_000)

  init() throws {
    definition = try storeQuestionnaire()
  }

  func clock(_ seconds: Double = 0, elapsed: Int? = nil) -> InterviewClock {
    InterviewClock(at: start.addingTimeInterval(seconds), interviewer: "AB12", millisecondsSincePrevious: elapsed)
  }

  func started(_ database: TevredenDatabase, id: Response.ID = "VT-AAAAAA", processId: Int32 = 4242) throws {
    let response = Response(
      id: id, questionnaire: definition.questionnaire, gemeente: "Hoorn", mode: .telefonisch, interviewer: "AB12",
      startedAt: start, completedAt: nil, status: .partial, answers: [:])
    try database.startInterview(response, collectedWith: definition, processId: processId, clock: clock())
  }

  @Test func eachStepIsStoredAtOnceAndTheFinishMaterialisesTheGrade() throws {
    let database = try TevredenDatabase.inMemory()
    try started(database)
    #expect(try database.response("VT-AAAAAA")?.status == .partial)
    #expect(try database.openInterviews().map(\.id) == ["VT-AAAAAA"])

    var interview = Interview(questionnaire: definition.questionnaire)
    for (offset, line) in ["ja", "8", "Vriendelijk"].enumerated() {
      try database.record(
        interview.handle(line).effects, for: "VT-AAAAAA", clock: clock(Double(offset + 1), elapsed: 900))
      // Stored the moment it is given: a fresh read sees every answer so far.
      #expect(try database.response("VT-AAAAAA")?.answers.count == offset + 1)
    }
    let period = try #require(Period("2026"))
    #expect(try meldingGrades(database, period).count == 0)
    try database.record(interview.handle("ok").effects, for: "VT-AAAAAA", clock: clock(10))

    let stored = try #require(try database.response("VT-AAAAAA"))
    #expect(stored.status == .completed)
    #expect(stored.completedAt == start.addingTimeInterval(10))
    #expect(stored.answers["cijfer"] == .value(.grade(8)))
    #expect(try database.interviewState("VT-AAAAAA") == .completed)
    #expect(try database.openInterviews().isEmpty)
    let grades = try meldingGrades(database, period)
    #expect(grades.count == 1)
    #expect(grades == GradeDistribution(counts: [8: 1]))
  }

  @Test func theAuditLogRecordsEventsWithTimingsButNeverAnAnswerValue() throws {
    let database = try TevredenDatabase.inMemory()
    try started(database)
    var interview = Interview(questionnaire: definition.questionnaire)
    for line in ["ja", "7", "<", "9", "Een geheim woord", "p"] {
      try database.record(interview.handle(line).effects, for: "VT-AAAAAA", clock: clock(1, elapsed: 1500))
    }
    let events = try database.interviewEvents("VT-AAAAAA")
    #expect(
      events.map(\.kind) == [.started, .answered, .answered, .answerChanged, .answered, .paused])
    #expect(events.map(\.item) == [nil, "toestemming", "cijfer", "cijfer", "opmerking", nil])
    #expect(events.allSatisfy { $0.interviewer == "AB12" })
    #expect(events.dropFirst().first?.millisecondsSincePrevious == 1500)

    // No column of the audit table holds a value that was typed.
    let rows = try database.writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM interviewEvent") }
    let texts = rows.flatMap { row in row.databaseValues.compactMap { String.fromDatabaseValue($0) } }
    #expect(!texts.contains { $0.contains("geheim") || $0 == "7" || $0 == "9" || $0 == "ja" })
  }

  @Test func aRemovedAnswerIsDeletedAndLogged() throws {
    let database = try TevredenDatabase.inMemory()
    try started(database)
    try database.record(
      [.store("toestemming", .value(.yesNo(true)), replaced: nil), .store("cijfer", .value(.grade(6)), replaced: nil)],
      for: "VT-AAAAAA", clock: clock())
    try database.record([.remove("cijfer")], for: "VT-AAAAAA", clock: clock())
    #expect(try database.response("VT-AAAAAA")?.answers.keys.sorted() == ["toestemming"])
    #expect(try database.interviewEvents("VT-AAAAAA").last?.kind == .answerRemoved)
  }

  @Test func aRefusalIsStoredWithItsDateAndNeverScored() throws {
    let database = try TevredenDatabase.inMemory()
    try started(database)
    var interview = Interview(questionnaire: definition.questionnaire)
    #expect(interview.handle("nee").effects.isEmpty, "a refusal is confirmed first")
    try database.record(interview.handle("j").effects, for: "VT-AAAAAA", clock: clock(30))
    let stored = try #require(try database.response("VT-AAAAAA"))
    #expect(stored.status == .refused)
    #expect(stored.completedAt == start.addingTimeInterval(30))
    #expect(try database.interviewState("VT-AAAAAA") == .refused)
    #expect(try database.interviewEvents("VT-AAAAAA").last?.kind == .refused)
  }

  /// A paper form keyed in later starts with the day on the form as its times (`--completed-on`): finishing keeps
  /// them, and only the events have the keying time.
  @Test func aResponseThatHasItsCompletionMomentKeepsItWhenFinished() throws {
    let database = try TevredenDatabase.inMemory()
    let formDay = start.addingTimeInterval(-40 * 86_400)
    let response = Response(
      id: "VT-PAPIER", questionnaire: definition.questionnaire, gemeente: "Hoorn", mode: .papier, interviewer: "AB12",
      startedAt: formDay, completedAt: formDay, status: .partial, answers: [:])
    try database.startInterview(response, collectedWith: definition, processId: 4242, clock: clock())
    #expect(try database.response("VT-PAPIER")?.collectedOn == LocalDate(formDay))
    var interview = Interview(questionnaire: definition.questionnaire)
    _ = interview.handle("nee")
    try database.record(interview.handle("j").effects, for: "VT-PAPIER", clock: clock(60))
    let stored = try #require(try database.response("VT-PAPIER"))
    #expect(stored.status == .refused)
    #expect(stored.startedAt == formDay)
    #expect(stored.completedAt == formDay)
    #expect(stored.collectedOn == LocalDate(formDay))
    let events = try database.interviewEvents("VT-PAPIER")
    #expect(events.map(\.kind) == [.started, .answered, .refused])
    #expect(events.map(\.at) == [start, start.addingTimeInterval(60), start.addingTimeInterval(60)])
  }

  @Test func resumingReturnsTheStoredAnswersAndTheDefinitionTheyWereCollectedWith() throws {
    let database = try TevredenDatabase.inMemory()
    try started(database)
    try database.record(
      [.store("toestemming", .value(.yesNo(true)), replaced: nil), .pause], for: "VT-AAAAAA", clock: clock())
    #expect(try database.openInterviews().first?.state == .paused)
    #expect(try database.openInterviews().first?.answerCount == 1)

    let (response, resumedDefinition) = try database.resumeInterview(
      "VT-AAAAAA", processId: 7, clock: clock(60), isRunning: { _ in true })
    #expect(response.answers == ["toestemming": .value(.yesNo(true))])
    #expect(resumedDefinition.sha256 == definition.sha256)
    #expect(try database.interviewState("VT-AAAAAA") == .active)
    #expect(try database.interviewEvents("VT-AAAAAA").last?.kind == .resumed)
  }

  @Test func anInterviewOpenInARunningProcessIsNotTakenOverButAKilledOneIs() throws {
    let database = try TevredenDatabase.inMemory()
    try started(database, processId: 4242)
    #expect(throws: InterviewStoreError.inUse("VT-AAAAAA", processId: 4242)) {
      try database.resumeInterview("VT-AAAAAA", processId: 7, clock: clock(), isRunning: { $0 == 4242 })
    }
    // The process was killed: no longer running, so the interview is free.
    _ = try database.resumeInterview("VT-AAAAAA", processId: 7, clock: clock(), isRunning: { _ in false })
    #expect(try database.openInterviews().first?.processId == 7)
  }

  /// A killed interview whose process number now belongs to another program: taken over only when asked, logged
  /// as such, and the session that held it can no longer write to it.
  @Test func anInterviewHeldByARunningProcessIsTakenOverOnlyWhenAskedAndTheTakeOverIsLogged() throws {
    let database = try TevredenDatabase.inMemory()
    try started(database, processId: 4242)
    try database.record(
      [.store("toestemming", .value(.yesNo(true)), replaced: nil)], for: "VT-AAAAAA", clock: clock(), processId: 4242)
    #expect(throws: InterviewStoreError.inUse("VT-AAAAAA", processId: 4242)) {
      try database.resumeInterview("VT-AAAAAA", processId: 7, clock: clock(), isRunning: { _ in true })
    }
    #expect(try database.interviewEvents("VT-AAAAAA").map(\.kind) == [.started, .answered])

    let (response, _) = try database.resumeInterview(
      "VT-AAAAAA", processId: 7, clock: clock(60), isRunning: { _ in true }, takingOver: true)
    #expect(response.answers == ["toestemming": .value(.yesNo(true))])
    #expect(try database.openInterviews().first?.processId == 7)
    let events = try database.interviewEvents("VT-AAAAAA")
    #expect(events.map(\.kind) == [.started, .answered, .takenOver])
    #expect(events.last?.interviewer == "AB12")
    #expect(events.last?.at == start.addingTimeInterval(60))
    #expect(throws: InterviewStoreError.takenOver("VT-AAAAAA", processId: 7)) {
      try database.record(
        [.store("cijfer", .value(.grade(2)), replaced: nil)], for: "VT-AAAAAA", clock: clock(), processId: 4242)
    }
    #expect(try database.response("VT-AAAAAA")?.answers["cijfer"] == nil)

    // Taking over an interview that nobody holds is an ordinary resume.
    try database.record([.pause], for: "VT-AAAAAA", clock: clock(70), processId: 7)
    _ = try database.resumeInterview(
      "VT-AAAAAA", processId: 8, clock: clock(80), isRunning: { _ in true }, takingOver: true)
    #expect(try database.interviewEvents("VT-AAAAAA").map(\.kind).suffix(2) == [.paused, .resumed])
  }

  @Test func finishedAndUnknownInterviewsCannotBeResumed() throws {
    let database = try TevredenDatabase.inMemory()
    try started(database)
    var interview = Interview(questionnaire: definition.questionnaire)
    _ = interview.handle("nee")
    try database.record(interview.handle("j").effects, for: "VT-AAAAAA", clock: clock())
    #expect(throws: InterviewStoreError.alreadyFinished("VT-AAAAAA", .refused)) {
      try database.resumeInterview("VT-AAAAAA", processId: 7, clock: clock(), isRunning: { _ in false })
    }
    #expect(throws: InterviewStoreError.unknownInterview("VT-NOPE00")) {
      try database.resumeInterview("VT-NOPE00", processId: 7, clock: clock(), isRunning: { _ in false })
    }
  }

  /// What a completed interview holds that a reopening would change.
  private func finishedFacts(_ database: TevredenDatabase, _ id: Response.ID) throws -> [String] {
    let response = try #require(try database.response(id))
    return [
      response.status.rawValue, response.completedAt.map(Timestamp.format) ?? "-",
      String(describing: response.answers["cijfer"]), String(describing: try database.interviewState(id)),
      String(try database.interviewEvents(id).count),
    ]
  }

  /// A signal arriving just after `ok` pauses the session; the store must refuse to pause, resume or change an
  /// interview that is completed, so that its grade and completion moment stay as they were.
  @Test func aCompletedInterviewIsNeverPausedResumedOrChanged() throws {
    let database = try TevredenDatabase.inMemory()
    try started(database)
    var interview = Interview(questionnaire: definition.questionnaire)
    for line in ["ja", "8", "", "ok"] {
      try database.record(interview.handle(line).effects, for: "VT-AAAAAA", clock: clock(5), processId: 4242)
    }
    let before = try finishedFacts(database, "VT-AAAAAA")
    #expect(before.first == "completed")
    #expect(throws: InterviewStoreError.alreadyFinished("VT-AAAAAA", .completed)) {
      try database.pauseInterview("VT-AAAAAA", clock: clock(6), processId: 4242)
    }
    #expect(throws: InterviewStoreError.alreadyFinished("VT-AAAAAA", .completed)) {
      try database.pauseInterview("VT-AAAAAA", clock: clock(6))
    }
    #expect(throws: InterviewStoreError.alreadyFinished("VT-AAAAAA", .completed)) {
      try database.resumeInterview("VT-AAAAAA", processId: 7, clock: clock(60), isRunning: { _ in false })
    }
    #expect(throws: InterviewStoreError.alreadyFinished("VT-AAAAAA", .completed)) {
      try database.record(
        [.store("cijfer", .value(.grade(3)), replaced: .value(.grade(8))), .finish(.completed)], for: "VT-AAAAAA",
        clock: clock(90))
    }
    #expect(try finishedFacts(database, "VT-AAAAAA") == before)
  }

  /// The response is checked too, in the same transaction: an interview row that says paused does not reopen a
  /// response that is completed (or refused).
  @Test(arguments: ["completed", "refused"])
  func aFinishedResponseIsNotReopenedThroughAStaleInterviewRow(_ status: String) throws {
    let database = try TevredenDatabase.inMemory()
    try started(database)
    var interview = Interview(questionnaire: definition.questionnaire)
    let lines = status == "completed" ? ["ja", "8", "", "ok"] : ["nee", "j"]
    for line in lines { try database.record(interview.handle(line).effects, for: "VT-AAAAAA", clock: clock(5)) }
    try database.writer.write { db in try db.execute(sql: "UPDATE interview SET state = 'paused', processId = NULL") }
    let before = try finishedFacts(database, "VT-AAAAAA")
    let finished = InterviewStoreError.alreadyFinished("VT-AAAAAA", status == "completed" ? .completed : .refused)
    #expect(throws: finished) {
      try database.resumeInterview("VT-AAAAAA", processId: 7, clock: clock(60), isRunning: { _ in false })
    }
    #expect(throws: finished) { try database.pauseInterview("VT-AAAAAA", clock: clock(60)) }
    #expect(try finishedFacts(database, "VT-AAAAAA") == before)
  }

  /// A session writes only while its process holds the interview.
  @Test func aSessionThatNoLongerHoldsTheInterviewWritesNothing() throws {
    let database = try TevredenDatabase.inMemory()
    try started(database, processId: 4242)
    #expect(throws: InterviewStoreError.takenOver("VT-AAAAAA", processId: 4242)) {
      try database.record(
        [.store("toestemming", .value(.yesNo(true)), replaced: nil)], for: "VT-AAAAAA", clock: clock(), processId: 7)
    }
    #expect(throws: InterviewStoreError.takenOver("VT-AAAAAA", processId: 4242)) {
      try database.pauseInterview("VT-AAAAAA", clock: clock(), processId: 7)
    }
    #expect(try database.response("VT-AAAAAA")?.answers.isEmpty == true)
    #expect(try database.interviewState("VT-AAAAAA") == .active)
    #expect(try database.interviewEvents("VT-AAAAAA").map(\.kind) == [.started])
  }

  /// A real SQLITE_FULL (the file may not grow, as on a full disk) stores nothing of the step and is recognised
  /// as a full disk, so that the interviewer is told so in Dutch.
  @Test func aFullDiskStoresNothingOfTheStepAndIsRecognised() throws {
    let database = try TevredenDatabase.inMemory()
    try started(database)
    try database.record([.store("toestemming", .value(.yesNo(true)), replaced: nil)], for: "VT-AAAAAA", clock: clock())
    try database.limitSizeToCurrentForTesting()
    let remark = String(repeating: "Een lang verhaal over wat er gebeurde. ", count: 500)
    #expect {
      try database.record(
        [
          .store("cijfer", .value(.grade(7)), replaced: nil), .store("opmerking", .value(.text(remark)), replaced: nil),
        ],
        for: "VT-AAAAAA", clock: clock())
    } throws: { error in
      TevredenDatabase.saveProblem(for: error) == .diskFull
    }
    #expect(try database.response("VT-AAAAAA")?.answers.keys.sorted() == ["toestemming"])
    #expect(try database.interviewEvents("VT-AAAAAA").map(\.kind) == [.started, .answered])
  }

  @Test func storageErrorsAreNamedByWhatHappenedNotBySQLitesText() {
    func problem(_ code: Int32) -> SaveProblem {
      TevredenDatabase.saveProblem(for: DatabaseError(resultCode: ResultCode(rawValue: code), message: "raw"))
    }
    #expect(problem(13) == .diskFull)  // SQLITE_FULL
    #expect(problem(5) == .busy)  // SQLITE_BUSY
    #expect(problem(517) == .busy)  // SQLITE_BUSY_SNAPSHOT
    #expect(problem(6) == .busy)  // SQLITE_LOCKED
    #expect(problem(10) == .ioError)  // SQLITE_IOERR
    #expect(problem(778) == .ioError)  // SQLITE_IOERR_WRITE
    #expect(problem(8) == .readOnly)  // SQLITE_READONLY
    #expect(problem(11) == .damaged)  // SQLITE_CORRUPT
    #expect(problem(19) == .other("raw"))  // SQLITE_CONSTRAINT
    #expect(
      TevredenDatabase.saveProblem(for: InterviewStoreError.alreadyFinished("VT-A", .refused))
        == .finished(refused: true))
    #expect(
      TevredenDatabase.saveProblem(for: InterviewStoreError.takenOver("VT-A", processId: 9))
        == .takenOver(processId: 9))
  }

  @Test func anInvalidResponseIsNeverMarkedComplete() throws {
    let database = try TevredenDatabase.inMemory()
    try started(database)
    // The grade is required, but the interview is finished without it.
    try database.record([.store("toestemming", .value(.yesNo(true)), replaced: nil)], for: "VT-AAAAAA", clock: clock())
    #expect(throws: InterviewStoreError.self) {
      try database.record([.finish(.completed)], for: "VT-AAAAAA", clock: clock())
    }
    #expect(try database.response("VT-AAAAAA")?.status == .partial)
    #expect(try database.interviewState("VT-AAAAAA") == .active)
  }
}

/// The grades the scoring engine would count for the melding group in a period.
private func meldingGrades(_ database: TevredenDatabase, _ period: Period) throws -> GradeDistribution {
  let cells = try database.scoreData(for: ScoreRequest(period: period)).cells.filter { $0.group == "melding" }
  return GradeDistribution(
    counts: cells.reduce(into: [:]) { counts, cell in
      counts.merge(cell.distribution.counts, uniquingKeysWith: +)
    })
}
