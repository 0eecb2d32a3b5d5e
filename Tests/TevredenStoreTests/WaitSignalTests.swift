import Foundation
import GRDB
import Synchronization
import Testing
import TevredenCore

@testable import TevredenStore

/// An import runs in long steps while nobody waits for the database, and ends a step as soon as another tevreden
/// connection waits (``WaitSignal``).
@Suite struct WaitSignalTests {
  @Test func anAnnouncementIsReadBackByTheListenerAndTheFileIsTheOwnersOnly() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let signal = try #require(WaitSignal(databasePath: folder.appendingPathComponent("db.sqlite").path))
    let listener = try #require(signal.listen())
    #expect(listener.lastAnnouncement() == 0)
    let before = WaitSignal.now()
    signal.announce()
    let heard = listener.lastAnnouncement()
    #expect(heard >= before && heard <= WaitSignal.now())
    let mode = try #require(try FileManager.default.attributesOfItem(atPath: signal.path)[.posixPermissions] as? Int)
    #expect(mode & 0o077 == 0)
    #expect(WaitSignal(databasePath: ":memory:") == nil)
    #expect(WaitSignal(databasePath: "") == nil)
  }

  /// Stores `count` responses, 2 ms apart, in the running import.
  private func store(_ count: Int, from start: Int, in session: ImportSession, definition: LoadedQuestionnaire) throws {
    for index in start..<start + count {
      let response = try makeResponse("r\(index)", grade: .value(.grade(8)), questionnaire: definition.questionnaire)
      #expect(try session.add(response, definition: definition) == .inserted)
    }
  }

  /// Begins a batch whose responses take 2 ms each; `longestStep`, the longest step while nobody waits.
  private func beginSlowBatch(_ session: ImportSession, longestStep: UInt64? = nil) throws {
    session.testDelayPerResponse = 2_000
    session.testLongStepNanoseconds = longestStep
    try session.beginBatch(source())
  }

  /// A new database file in a folder of its own, removed after `body`.
  private func withDatabaseFile(_ body: (String, TevredenDatabase) throws -> Void) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("db.sqlite").path
    try body(path, try TevredenDatabase.open(atPath: path))
  }

  @Test func anImportKeepsItsStepWhileNobodyWaitsAndEndsItWhenAnotherConnectionWaits() throws {
    try withDatabaseFile { path, database in try keepsItsStepUntilAnotherConnectionWaits(path, database) }
  }

  private func keepsItsStepUntilAnotherConnectionWaits(_ path: String, _ database: TevredenDatabase) throws {
    let other = try TevredenDatabase.open(atPath: path)
    let definition = try storeQuestionnaire()
    let waited = Mutex<Double?>(nil)
    try database.importRun { session in
      // Longer than the test: without the signal the other connection would wait for the whole import.
      try beginSlowBatch(session, longestStep: 60_000_000_000)
      // 150 responses take more than 0.3 s: steps bounded by a tenth of a second would have ended twice.
      try store(150, from: 0, in: session, definition: definition)
      #expect(session.stepsCommitted == 0)
      let writer = Thread {
        let started = Date()
        try? other.writer.write { db in
          try db.execute(sql: "INSERT OR REPLACE INTO setting (name, value, updatedAt) VALUES ('test', 'x', 'now')")
        }
        waited.withLock { $0 = Date().timeIntervalSince(started) }
      }
      writer.start()
      try store(400, from: 150, in: session, definition: definition)
      #expect(session.stepsCommitted >= 1)
    }
    // The other connection's write ended during the import; should it not have, it ends with it.
    for _ in 0..<500 where waited.withLock({ $0 }) == nil { usleep(10_000) }
    let seconds = try #require(waited.withLock { $0 })
    // The import ends its step within a response or two of the first announcement; the other connection then
    // gets the database in the pause after the commit.
    #expect(seconds < 0.4)
    #expect(try other.responseCount() == 550)
  }

  /// A file imported again reads the stored responses on between its rows (``StoredResponseFollower``): that read
  /// ends before each step commits, or it would hold the step's snapshot, and the import could not begin its next
  /// step once another connection wrote in between.
  @Test func aFileImportedAgainLetsAnotherConnectionWriteBetweenItsSteps() throws {
    try withDatabaseFile { path, database in
      let other = try TevredenDatabase.open(atPath: path)
      let definition = try storeQuestionnaire()
      let responses = try (0..<300).map {
        try makeResponse("r\($0)", grade: .value(.grade(8)), questionnaire: definition.questionnaire)
      }
      _ = try database.importResponses(responses.map { ($0, definition) }, source: source())
      let written = Mutex(false)
      try database.importRun { session in
        try beginSlowBatch(session, longestStep: 60_000_000_000)
        for response in responses[..<100] {
          #expect(try session.add(response, definition: definition) == .duplicate)
        }
        #expect(session.stepsCommitted == 0)
        let writer = Thread {
          let wrote =
            (try? other.writer.write { db in
              try db.execute(sql: "INSERT OR REPLACE INTO setting (name, value, updatedAt) VALUES ('test', 'x', 'now')")
            }) != nil
          written.withLock { $0 = wrote }
        }
        writer.start()
        for response in responses[100...] {
          #expect(try session.add(response, definition: definition) == .duplicate)
        }
        #expect(session.stepsCommitted >= 1)
        #expect(session.rowsFollowed == responses.count - 1)
      }
      for _ in 0..<500 where !written.withLock({ $0 }) { usleep(10_000) }
      #expect(written.withLock { $0 })
      #expect(try other.responseCount() == 300)
    }
  }

  /// The clock the announcements use starts again at zero when the machine starts: an announcement written before
  /// that lies in the future, and must not cut every step of every later import short.
  @Test func anAnnouncementFromBeforeTheMachineStartedIsNotSomeoneWaiting() throws {
    try withDatabaseFile { path, database in
      let signal = try #require(WaitSignal(databasePath: path))
      var future = WaitSignal.now() + 3_600_000_000_000
      try withUnsafeBytes(of: &future) { try Data($0).write(to: URL(fileURLWithPath: signal.path)) }
      let definition = try storeQuestionnaire()
      try database.importRun { session in
        try beginSlowBatch(session, longestStep: 60_000_000_000)
        try store(150, from: 0, in: session, definition: definition)
        #expect(session.stepsCommitted == 0)
      }
      #expect(try database.responseCount() == 150)
    }
  }

  @Test func withoutASignalTheStepsStayShort() throws {
    let database = try TevredenDatabase.inMemory()
    let definition = try storeQuestionnaire()
    try database.importRun { session in
      try beginSlowBatch(session)
      try store(150, from: 0, in: session, definition: definition)
      #expect(session.stepsCommitted >= 2)
    }
    #expect(try database.responseCount() == 150)
  }
}
