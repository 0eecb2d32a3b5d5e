import Foundation
import GRDB
import Testing

@testable import TevredenCore
@testable import TevredenStore

/// Counts how often SQLite asked a connection to wait for a lock; the connection never waits.
private final class BusyCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var calls = 0
  var count: Int { lock.withLock { calls } }
  func record() -> Bool {
    lock.withLock { calls += 1 }
    return false
  }
}

/// Closing leaves what a process wrote in the database file itself, never only in its `-wal`, without waiting for
/// or getting in the way of other processes; a backup is a consistent, private, self-contained copy.
@Suite struct ClosingAndBackupTests {
  let definition: LoadedQuestionnaire

  init() throws {
    definition = try storeQuestionnaire()
  }

  func save(_ database: TevredenDatabase, _ id: String) throws {
    try database.save(
      try makeResponse(id, grade: .value(.grade(8)), questionnaire: definition.questionnaire),
      collectedWith: definition)
  }

  /// The response ids in a copy of the database file alone, as a user copying `tevreden.sqlite` would get it.
  func responsesInACopy(of path: String) throws -> [String] {
    let copy = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("kopie-\(UUID()).sqlite")
    try FileManager.default.copyItem(atPath: path, toPath: copy.path)
    let queue = try DatabaseQueue(path: copy.path)
    defer { try? queue.close() }
    return try queue.read { db in
      try String.fetchAll(db, sql: "SELECT responseKey FROM response ORDER BY responseKey")
    }
  }

  /// A connection to `path` whose busy handler counts the times SQLite would have made it wait, and never waits.
  fileprivate func connection(_ path: String, counting counter: BusyCounter) throws -> TevredenDatabase {
    var configuration = Configuration()
    configuration.busyMode = .callback { _ in counter.record() }
    return try TevredenDatabase(DatabaseQueue(path: path, configuration: configuration), path: path)
  }

  @Test func closingLeavesEverythingInTheDatabaseFile() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("db.sqlite").path
    let database = try TevredenDatabase.open(atPath: path)
    try save(database, "a")
    #expect(database.close())
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "the last connection removes the log")
    #expect(try responsesInACopy(of: path) == ["a"])
  }

  /// Another process in the middle of a write transaction: closing copies what is committed, and that process's
  /// write neither waits for it nor fails.
  @Test func closingWhileAnotherProcessWritesNeitherWaitsNorFailsIt() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("db.sqlite").path
    let other = try TevredenDatabase.open(atPath: path)
    let counter = BusyCounter()
    let closing = try connection(path, counting: counter)
    try save(closing, "a")
    var copied = false
    try other.writer.write { db in
      try db.execute(sql: "INSERT INTO changeLog (at, action, detail) VALUES ('nu', 'test', 'tijdens het sluiten')")
      copied = closing.close()
    }
    #expect(copied, "every committed page reached the database file")
    #expect(counter.count == 0, "closing never waited for a lock")
    // The other process's write was committed, and the file alone holds what the closed one wrote.
    #expect(try other.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM changeLog") } == 1)
    #expect(try responsesInACopy(of: path) == ["a"])
    try save(other, "b")
    #expect(other.close())
    #expect(try responsesInACopy(of: path) == ["a", "b"])
  }

  /// A reader that still needs the old pages keeps them in the log: closing copies what it can and gives up on
  /// the rest at once; the last connection to close copies the rest.
  @Test func closingWhileAReaderHoldsAnOlderViewGivesUpQuietly() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("db.sqlite").path
    let reader = try TevredenDatabase.open(atPath: path)
    let counter = BusyCounter()
    let closing = try connection(path, counting: counter)
    var copied = true
    try reader.writer.read { db in
      _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response")
      try save(closing, "a")
      copied = closing.close()
    }
    #expect(!copied, "the reader's view kept some pages in the log")
    #expect(counter.count == 0, "closing never waited for the reader")
    #expect(reader.close())
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    #expect(try responsesInACopy(of: path) == ["a"])
  }

  @Test func aBackupIsAConsistentPrivateSelfContainedCopyThatNeverOverwrites() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("db.sqlite").path
    let database = try TevredenDatabase.open(atPath: path)
    try save(database, "a")
    // Another process has written and is still working: its pages are only in the log.
    let other = try TevredenDatabase.open(atPath: path)
    try save(other, "b")

    let backup = folder.appendingPathComponent("backup.sqlite").path
    let summary = try database.backup(toPath: backup)
    #expect(summary.responses == 2)
    #expect(summary.bytes > 0)
    let mode = try #require(try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? NSNumber)
    #expect(mode.intValue == 0o600)
    let beside = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(beside == ["backup.sqlite", "db.sqlite", "db.sqlite-shm", "db.sqlite-wal"], "no log or partial file")
    #expect(try responsesInACopy(of: backup) == ["a", "b"])
    let copy = try TevredenDatabase.open(atPath: try copyOf(backup, in: folder))
    #expect(try copy.response("b") == (try other.response("b")))
    copy.close()

    let bytes = try Data(contentsOf: URL(fileURLWithPath: backup))
    try save(database, "c")
    #expect(throws: StoreError.backupExists(path: backup)) { try database.backup(toPath: backup) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: backup)) == bytes)
    let nowhere = folder.appendingPathComponent("nergens/backup.sqlite").path
    #expect(throws: StoreError.missingFolder(path: nowhere)) { try database.backup(toPath: nowhere) }
    other.close()
    database.close()
  }

  /// A copy of a file under a new name in `folder`, for opening without touching the original.
  func copyOf(_ path: String, in folder: URL) throws -> String {
    let copy = folder.appendingPathComponent("geopend-\(UUID()).sqlite").path
    try FileManager.default.copyItem(atPath: path, toPath: copy)
    return copy
  }
}
