import Foundation
import Testing
import TevredenTestSupport

/// The database file: created private, and a file tevreden cannot safely use is refused and left untouched.
@Suite struct DatabaseSafetyTests {
  /// A small database with one imported file, in `folder`.
  private func smallDatabase(in folder: URL) throws -> String {
    let db = folder.appendingPathComponent("db.sqlite").path
    let run = try runTevredenProcess(
      [
        "import", responsesFolder.appendingPathComponent("2026/ketenpartners-ziekenhuizen.csv").path, "--db", db,
        "--questionnaires", questionnairesFolder.path,
      ], cwd: folder)
    try #require(run.exitCode == 0, "\(run)")
    return db
  }

  /// Marks a database as written by a newer tevreden: a migration this version does not know.
  private func addFutureMigration(to db: String, in folder: URL) throws {
    let sqlite = try runProgram(
      URL(fileURLWithPath: "/usr/bin/sqlite3"), [db, "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')"],
      cwd: folder)
    try #require(sqlite.exitCode == 0, "sqlite3 failed: \(sqlite)")
  }

  /// The files in `folder` whose names start with `name` (the database and any -wal/-shm/-journal beside it).
  private func siblings(of name: String, in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(name) }.sorted()
  }

  @Test func importCreatesTheDatabaseReadableByItsOwnerOnly() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try smallDatabase(in: folder)
    #expect(try posixPermissions(db) & 0o777 == 0o600)
  }

  @Test func databaseFromANewerVersionIsRefused() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try smallDatabase(in: folder)
    try addFutureMigration(to: db, in: folder)

    let score = try runTevredenProcess(
      ["score", "--period", "2026", "--db", db, "--questionnaires", questionnairesFolder.path], cwd: folder)
    #expect(score.exitCode != 0, "\(score)")
    #expect(score.stderr.contains("newer version"), "\(score)")
    #expect(score.stdout.isEmpty, "\(score)")

    let reimport = try runTevredenProcess(
      [
        "import", responsesFolder.appendingPathComponent("2026/ketenpartners-politie.csv").path, "--db", db,
        "--questionnaires", questionnairesFolder.path,
      ], cwd: folder)
    #expect(reimport.exitCode != 0, "\(reimport)")
    #expect(reimport.stderr.contains("newer version"), "\(reimport)")
  }

  @Test
  func refusedNewerDatabaseIsLeftByteForByteUnchanged() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try smallDatabase(in: folder)
    try addFutureMigration(to: db, in: folder)
    let before = try Data(contentsOf: URL(fileURLWithPath: db))
    let filesBefore = try siblings(of: "db.sqlite", in: folder)

    let score = try runTevredenProcess(
      ["score", "--period", "2026", "--db", db, "--questionnaires", questionnairesFolder.path], cwd: folder)
    #expect(score.exitCode != 0, "\(score)")
    #expect(score.stderr.contains("newer version"), "\(score)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    #expect(try siblings(of: "db.sqlite", in: folder) == filesBefore)
  }

  @Test func fileThatIsNotADatabaseIsRefusedAndLeftUnchanged() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("x.sqlite")
    let text = "Dit is een verslag, geen database.\nTweede regel.\n"
    try text.write(to: file, atomically: true, encoding: .utf8)
    let before = try Data(contentsOf: file)

    let score = try runTevredenProcess(
      ["score", "--period", "2026", "--db", file.path, "--questionnaires", questionnairesFolder.path], cwd: folder)
    #expect(score.exitCode != 0, "\(score)")
    #expect(score.stderr.contains("not a tevreden database"), "\(score)")

    let imported = try runTevredenProcess(
      [
        "import", responsesFolder.appendingPathComponent("2026/ketenpartners-ziekenhuizen.csv").path, "--db",
        file.path, "--questionnaires", questionnairesFolder.path,
      ], cwd: folder)
    #expect(imported.exitCode != 0, "\(imported)")
    #expect(imported.stderr.contains("not a tevreden database"), "\(imported)")

    #expect(try Data(contentsOf: file) == before)
    #expect(try siblings(of: "x.sqlite", in: folder) == ["x.sqlite"])
  }

  /// Another application's SQLite database (rollback journal, one table of its own) in `folder`.
  private func foreignDatabase(in folder: URL) throws -> URL {
    let file = folder.appendingPathComponent("other.sqlite")
    let sqlite = try runProgram(
      URL(fileURLWithPath: "/usr/bin/sqlite3"),
      [file.path, "CREATE TABLE cases(code TEXT); INSERT INTO cases VALUES ('A1');"], cwd: folder)
    try #require(sqlite.exitCode == 0, "sqlite3 failed: \(sqlite)")
    return file
  }

  @Test func foreignSQLiteDatabaseIsRefused() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try foreignDatabase(in: folder)
    let score = try runTevredenProcess(
      ["score", "--period", "2026", "--db", file.path, "--questionnaires", questionnairesFolder.path], cwd: folder)
    #expect(score.exitCode != 0, "\(score)")
    #expect(score.stderr.contains("not a tevreden database"), "\(score)")
    #expect(score.stdout.isEmpty, "\(score)")
  }

  @Test
  func refusedForeignSQLiteDatabaseIsLeftByteForByteUnchanged() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try foreignDatabase(in: folder)
    let before = try Data(contentsOf: file)
    let score = try runTevredenProcess(
      ["score", "--period", "2026", "--db", file.path, "--questionnaires", questionnairesFolder.path], cwd: folder)
    #expect(score.exitCode != 0, "\(score)")
    #expect(score.stderr.contains("not a tevreden database"), "\(score)")
    #expect(try Data(contentsOf: file) == before)
    #expect(try siblings(of: "other.sqlite", in: folder) == ["other.sqlite"])
  }
}
