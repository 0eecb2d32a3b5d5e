import Foundation
import GRDB
import TevredenCore

/// Whether a terminal interview is running, paused or finished.
public enum InterviewState: String, Hashable, Sendable, Codable {
  /// A process is running it, or ran it until it was killed.
  case active
  case paused
  case completed
  case refused
}

/// What happened in an interview, for the audit log. Holds no answer values.
public enum InterviewEventKind: String, Hashable, Sendable, Codable, CaseIterable {
  case started
  case resumed
  case answered
  case answerChanged = "answer_changed"
  case answerRemoved = "answer_removed"
  case paused
  case quickExit = "quick_exit"
  case completed
  case refused
  /// Resumed with `--take-over` although the process recorded for it was running (its number reused by another
  /// program after the interview's own process was killed).
  case takenOver = "taken_over"
}

/// One entry of an interview's audit log.
public struct InterviewEvent: Hashable, Sendable {
  public var kind: InterviewEventKind
  /// The question it concerns (answers only), never its value.
  public var item: Question.ID?
  public var at: Date
  public var interviewer: String?
  /// Time since the previous event of the same session, when known.
  public var millisecondsSincePrevious: Int?
}

/// An interview that is not finished, as `tevreden interview --open` lists it.
public struct OpenInterview: Hashable, Sendable {
  public var id: Response.ID
  public var questionnaireID: Questionnaire.ID
  public var interviewer: String?
  public var gemeente: String?
  public var state: InterviewState
  public var processId: Int32?
  public var startedAt: Date
  public var lastActivityAt: Date
  public var answerCount: Int
}

/// When and by whom something was done in an interview session, and how long since the session's last event.
public struct InterviewClock: Sendable {
  public var at: Date
  public var interviewer: String?
  public var millisecondsSincePrevious: Int?
  public init(at: Date, interviewer: String?, millisecondsSincePrevious: Int?) {
    self.at = at
    self.interviewer = interviewer
    self.millisecondsSincePrevious = millisecondsSincePrevious
  }
}

/// Errors of interview sessions; each message says what to do.
public enum InterviewStoreError: LocalizedError, Equatable, Sendable {
  case unknownInterview(Response.ID)
  case alreadyFinished(Response.ID, InterviewState)
  case inUse(Response.ID, processId: Int32)
  case invalidResponse(Response.ID, [String])
  /// Another process has taken the interview over (or paused it) since this session took it up.
  case takenOver(Response.ID, processId: Int32?)

  public var errorDescription: String? {
    switch self {
    case .unknownInterview(let id):
      "there is no interview \(id) in this database; `tevreden interview --open` lists the unfinished ones"
    case .alreadyFinished(let id, let state):
      "interview \(id) is already \(state == .refused ? "recorded as a refusal" : "completed") and cannot be resumed"
    case .inUse(let id, let processId):
      "interview \(id) is open in another terminal (process \(processId)); pause it there first, or, if it is open "
        + "nowhere (its process was killed and the number now belongs to another program), take it over with "
        + "--resume \(id) --take-over"
    case .invalidResponse(let id, let problems):
      "interview \(id) cannot be completed: \(problems.joined(separator: "; "))"
    case .takenOver(let id, let processId):
      "interview \(id) has been taken over by another session\(processId.map { " (process \($0))" } ?? ""); "
        + "nothing was changed"
    }
  }
}

/// The interview's row: its state and the process running it.
struct InterviewRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "interview"
  var responseId: Int64
  var state: String
  var processId: Int32?
  var lastActivityAt: String
}

struct InterviewEventRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "interviewEvent"
  var id: Int64?
  var responseId: Int64
  var event: String
  var item: String?
  var at: String
  var interviewer: String?
  var millisecondsSincePrevious: Int?
}

extension TevredenDatabase {
  /// Stores a new interview: the response (status `partial`, no answers yet), its definition, and a `started`
  /// event, in one transaction.
  public func startInterview(
    _ response: Response, collectedWith definition: LoadedQuestionnaire, processId: Int32, clock: InterviewClock
  ) throws {
    try writer.write { db in
      try Self.refuseStored(response.id, in: db)
      let snapshotId = try Self.snapshotId(for: definition, in: db)
      try Self.insert(response, definition: definition, snapshotId: snapshotId, batchId: nil, in: db)
      let rowId = try Self.rowId(of: response.id, in: db)
      try InterviewRecord(
        responseId: rowId, state: InterviewState.active.rawValue, processId: processId,
        lastActivityAt: Timestamp.format(clock.at)
      ).insert(db)
      try Self.log(.started, item: nil, responseRowId: rowId, clock: clock, in: db)
    }
  }

  /// Takes up an unfinished interview in this process: the stored response and the definition it is collected
  /// with. Refuses a finished interview, and one that another running process has open unless `takingOver`.
  ///
  /// - Parameters:
  ///   - isRunning: Whether a process id belongs to a running process (an interview whose process was killed is
  ///     free to resume).
  ///   - takingOver: Take the interview even though the process recorded for it is running: the interviewer has
  ///     confirmed that no session has it open (the number belongs to another program now). Logged as
  ///     ``InterviewEventKind/takenOver``; a session still running there can then no longer write to it.
  ///   - interpreterJoins: An interpreter takes part from now on (`--tolk`): recorded with the response.
  public func resumeInterview(
    _ id: Response.ID, processId: Int32, clock: InterviewClock, isRunning: (Int32) -> Bool, takingOver: Bool = false,
    interpreterJoins: Bool = false
  ) throws -> (Response, LoadedQuestionnaire) {
    try writer.write { db in
      let rowId = try Self.rowId(of: id, in: db)
      var record = try Self.unfinishedInterview(id, rowId: rowId, in: db)
      let state = InterviewState(rawValue: record.state) ?? .active
      var takenOver = false
      if state == .active, let other = record.processId, other != processId, isRunning(other) {
        guard takingOver else { throw InterviewStoreError.inUse(id, processId: other) }
        takenOver = true
      }
      record.state = InterviewState.active.rawValue
      record.processId = processId
      record.lastActivityAt = Timestamp.format(clock.at)
      try record.update(db)
      if interpreterJoins {
        try db.execute(sql: "UPDATE response SET interpreter = 1 WHERE id = ?", arguments: [rowId])
      }
      guard let responseRecord = try ResponseRecord.fetchOne(db, key: rowId),
        let snapshotRecord = try SnapshotRecord.fetchOne(db, key: responseRecord.snapshotId)
      else { throw InterviewStoreError.unknownInterview(id) }
      // Without another interviewer named, the one who started the interview continues it.
      var resumeClock = clock
      resumeClock.interviewer = clock.interviewer ?? responseRecord.interviewer
      try Self.log(takenOver ? .takenOver : .resumed, item: nil, responseRowId: rowId, clock: resumeClock, in: db)
      let definition = try Self.snapshot(snapshotRecord).definition
      var cache = [responseRecord.snapshotId: definition.questionnaire]
      guard
        let response = try Self.fetchResponse(key: id.rawValue, in: db, cache: &cache, codes: ItemCodes.fetch(db))
      else {
        throw InterviewStoreError.unknownInterview(id)
      }
      return (response, definition)
    }
  }

  /// Writes what one step of an interview did, in one short transaction: answers stored or removed (with their
  /// audit events), and a pause or the end of the interview.
  ///
  /// Finishing materialises the grade from the definition the interview is collected with, after checking the
  /// response against it; an invalid response is never marked complete. It dates the response by `clock`, unless
  /// the response already has a completion moment (a paper form started with the day written on it); events are
  /// always logged at `clock`'s moment. The response's status and the interview's state change in the same
  /// transaction, so an interview is completed (or refused) entirely or not at all.
  ///
  /// A finished interview is never changed: no answer, no pause, nothing reopens it.
  ///
  /// - Parameter processId: The process of the session writing, which must still hold the interview (`nil`: no
  ///   such check, for tools that are not a session).
  /// - Throws: ``InterviewStoreError/alreadyFinished(_:_:)`` for a completed or refused interview, and
  ///   ``InterviewStoreError/takenOver(_:processId:)`` when another process holds it now; nothing is written then.
  public func record(
    _ effects: [Interview.Effect], for id: Response.ID, clock: InterviewClock, processId: Int32? = nil
  ) throws {
    guard !effects.isEmpty else { return }
    try writer.write { db in
      let rowId = try Self.rowId(of: id, in: db)
      var interview = try Self.unfinishedInterview(id, rowId: rowId, in: db)
      if let processId, interview.processId != processId {
        throw InterviewStoreError.takenOver(id, processId: interview.processId)
      }
      var elapsed = clock.millisecondsSincePrevious
      func log(_ kind: InterviewEventKind, _ item: Question.ID? = nil) throws {
        var stepClock = clock
        stepClock.millisecondsSincePrevious = elapsed
        elapsed = 0  // later events of the same step happen at the same moment
        try Self.log(kind, item: item, responseRowId: rowId, clock: stepClock, in: db)
      }
      for effect in effects {
        switch effect {
        case .store(let item, let answer, let replaced):
          // The answer goes into its object and out of the other one (a missing code replacing a value, or the
          // reverse).
          let (value, code): (String?, String?)
          switch answer {
          case .value(.text(let text)): (value, code) = (IdentifierMasking.standard.mask(text).text, nil)
          case .value(let given): (value, code) = (given.canonicalText, nil)
          case .missing(let missing): (value, code) = (nil, missing)
          }
          try db.execute(
            sql: """
              UPDATE response SET
                answers = CASE WHEN ?2 IS NULL THEN json_remove(answers, ?1) ELSE json_set(answers, ?1, ?2) END,
                missing = CASE WHEN ?3 IS NULL THEN json_remove(missing, ?1) ELSE json_set(missing, ?1, ?3) END
              WHERE id = ?4
              """,
            arguments: [try Self.jsonPath(item, in: db), value, code, rowId])
          try log(replaced == nil ? .answered : .answerChanged, item)
        case .remove(let item):
          let path = try Self.jsonPath(item, in: db)
          let held = try Bool.fetchOne(
            db,
            sql:
              "SELECT json_type(answers, ?1) IS NOT NULL OR json_type(missing, ?1) IS NOT NULL FROM response WHERE id = ?2",
            arguments: [path, rowId])
          try db.execute(
            sql:
              "UPDATE response SET answers = json_remove(answers, ?1), missing = json_remove(missing, ?1) WHERE id = ?2",
            arguments: [path, rowId])
          if held == true { try log(.answerRemoved, item) }
        case .pause, .quickExit:
          interview.state = InterviewState.paused.rawValue
          interview.processId = nil
          try log(effect == .pause ? .paused : .quickExit)
        case .language(let language):
          try db.execute(
            sql: "UPDATE response SET language = ? WHERE id = ?", arguments: [language.rawValue, rowId])
        case .finish(let status):
          try Self.finish(rowId: rowId, id: id, status: status, at: clock.at, in: db)
          interview.state = (status == .refused ? InterviewState.refused : .completed).rawValue
          interview.processId = nil
          try log(status == .refused ? .refused : .completed)
        }
      }
      interview.lastActivityAt = Timestamp.format(clock.at)
      try interview.update(db)
    }
  }

  /// Marks an interview paused without other changes: for a session that ends by a signal or end of input.
  ///
  /// - Throws: ``InterviewStoreError/alreadyFinished(_:_:)`` for a completed or refused interview, which stays as
  ///   it is (a signal arriving just after `ok` must not reopen it); see ``record(_:for:clock:processId:)``.
  public func pauseInterview(_ id: Response.ID, clock: InterviewClock, processId: Int32? = nil) throws {
    try record([.pause], for: id, clock: clock, processId: processId)
  }

  /// The interview's row, unless the interview is finished: by its own state or by its response's status. Both are
  /// written in one transaction, but a response completed some other way (a merge, a database changed by hand)
  /// must not be reopened through a stale interview row either.
  private static func unfinishedInterview(_ id: Response.ID, rowId: Int64, in db: Database) throws
    -> InterviewRecord
  {
    guard let record = try InterviewRecord.fetchOne(db, key: rowId) else {
      throw InterviewStoreError.unknownInterview(id)
    }
    let state = InterviewState(rawValue: record.state) ?? .active
    if state == .completed || state == .refused { throw InterviewStoreError.alreadyFinished(id, state) }
    let status = try String.fetchOne(db, sql: "SELECT status FROM response WHERE id = ?", arguments: [rowId])
    switch status.flatMap(Response.Status.init(rawValue:)) {
    case .completed?: throw InterviewStoreError.alreadyFinished(id, .completed)
    case .refused?: throw InterviewStoreError.alreadyFinished(id, .refused)
    case .partial?, nil: return record
    }
  }

  private static func finish(rowId: Int64, id: Response.ID, status: Response.Status, at: Date, in db: Database) throws {
    guard var responseRecord = try ResponseRecord.fetchOne(db, key: rowId),
      let snapshotRecord = try SnapshotRecord.fetchOne(db, key: responseRecord.snapshotId)
    else { throw InterviewStoreError.unknownInterview(id) }
    let questionnaire = try snapshot(snapshotRecord).definition.questionnaire
    var cache = [responseRecord.snapshotId: questionnaire]
    guard var response = try fetchResponse(key: id.rawValue, in: db, cache: &cache, codes: ItemCodes.fetch(db)) else {
      throw InterviewStoreError.unknownInterview(id)
    }
    response.status = status
    // A paper form keyed in later carries the day on the form from its start (`--completed-on`): it keeps it. Any
    // other interview is completed now; the event logged with it has the same moment either way.
    response.completedAt = response.completedAt ?? max(at, response.startedAt)
    let problems = response.problems(in: questionnaire)
    guard problems.isEmpty else { throw InterviewStoreError.invalidResponse(id, problems) }
    responseRecord.status = status.rawValue
    responseRecord.completedAt = response.completedAt.map(Timestamp.format)
    responseRecord.collectedOn = response.collectedOn.description
    responseRecord.grade = response.grade(using: questionnaire.scoreRule)
    try responseRecord.update(db)
  }

  /// The JSON path of an item's answer in the response's objects: `$."12"`, its number (``ItemCodes``). Every item
  /// of a stored definition has one.
  static func jsonPath(_ item: Question.ID, in db: Database) throws -> String {
    guard let path = try ItemCodes.path(item, in: db) else {
      throw StoreError.corruptRow("item '\(item.rawValue)' has no number in this database")
    }
    return path
  }

  private static func rowId(of id: Response.ID, in db: Database) throws -> Int64 {
    guard
      let rowId = try Int64.fetchOne(
        db, sql: "SELECT id FROM response WHERE \(byKey)", arguments: [ResponseKeyHash.of(id.rawValue), id.rawValue])
    else { throw InterviewStoreError.unknownInterview(id) }
    return rowId
  }

  private static func log(
    _ kind: InterviewEventKind, item: Question.ID?, responseRowId: Int64, clock: InterviewClock, in db: Database
  ) throws {
    var event = InterviewEventRecord(
      id: nil, responseId: responseRowId, event: kind.rawValue, item: item?.rawValue, at: Timestamp.format(clock.at),
      interviewer: clock.interviewer, millisecondsSincePrevious: clock.millisecondsSincePrevious)
    try event.insert(db)
  }

  /// Unfinished interviews (running, paused, or left by a process that was killed), most recent activity first.
  public func openInterviews() throws -> [OpenInterview] {
    try writer.read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT r.responseKey, r.questionnaireID, r.interviewer, r.gemeente, r.startedAt, i.state, i.processId,
                 i.lastActivityAt, (SELECT COUNT(*) FROM json_each(r.answers)) + (SELECT COUNT(*) FROM json_each(r.missing))
                   AS answerCount
          FROM interview i JOIN responseRow r ON r.id = i.responseId
          WHERE i.state IN ('active', 'paused')
          ORDER BY i.lastActivityAt DESC, r.id DESC
          """)
      return rows.map { row in
        OpenInterview(
          id: Response.ID(rawValue: row["responseKey"]),
          questionnaireID: Questionnaire.ID(rawValue: row["questionnaireID"]),
          interviewer: row["interviewer"], gemeente: row["gemeente"],
          state: InterviewState(rawValue: row["state"]) ?? .active, processId: row["processId"],
          startedAt: Timestamp.parse(row["startedAt"]) ?? .distantPast,
          lastActivityAt: Timestamp.parse(row["lastActivityAt"]) ?? .distantPast, answerCount: row["answerCount"])
      }
    }
  }

  /// The state of an interview, if the response is one.
  public func interviewState(_ id: Response.ID) throws -> InterviewState? {
    try writer.read { db in
      let state = try String.fetchOne(
        db,
        sql: "SELECT state FROM interview WHERE responseId = (SELECT id FROM response WHERE \(Self.byKey))",
        arguments: [ResponseKeyHash.of(id.rawValue), id.rawValue])
      return state.flatMap(InterviewState.init(rawValue:))
    }
  }

  /// An interview's audit log, oldest first.
  public func interviewEvents(_ id: Response.ID) throws -> [InterviewEvent] {
    try writer.read { db in
      let rowId = try Self.rowId(of: id, in: db)
      return try InterviewEventRecord.filter(Column("responseId") == rowId).order(Column("id")).fetchAll(db).map {
        InterviewEvent(
          kind: InterviewEventKind(rawValue: $0.event) ?? .answered, item: $0.item.map(Question.ID.init(rawValue:)),
          at: Timestamp.parse($0.at) ?? .distantPast, interviewer: $0.interviewer,
          millisecondsSincePrevious: $0.millisecondsSincePrevious)
      }
    }
  }
}

extension TevredenDatabase {
  /// Why a write failed, as the interviewer is told it (in Dutch, by ``InterviewText``): SQLite's result codes and
  /// the interview store's refusals, never SQLite's English text.
  public static func saveProblem(for error: any Error) -> SaveProblem {
    switch error {
    case let error as DatabaseError:
      switch error.resultCode.primaryResultCode {
      case .SQLITE_FULL: return .diskFull
      case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy
      case .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_PROTOCOL: return .ioError
      case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH: return .readOnly
      case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .damaged
      default: return .other(error.message ?? "\(error.resultCode)")
      }
    case InterviewStoreError.alreadyFinished(_, let state):
      return .finished(refused: state == .refused)
    case InterviewStoreError.takenOver(_, let processId):
      return .takenOver(processId: processId)
    default:
      return .other(error.localizedDescription)
    }
  }

  /// Lets the database file grow no further than it is now, as on a full disk: a write that needs a new page then
  /// fails with SQLITE_FULL, as SQLite reports a full disk. For tests of what an interviewer is told then. The file
  /// is vacuumed first, so that no free page is left to fill (migrations that rebuild tables leave some).
  public func limitSizeToCurrentForTesting() throws {
    try writer.writeWithoutTransaction { db in
      try db.execute(sql: "VACUUM")
      let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
      _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages)")
    }
  }
}
