import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension TevredenDatabase {
  /// Ends this process's use of the database, leaving everything it wrote in the database file itself.
  ///
  /// In WAL mode a commit goes to the `-wal` file first; only a checkpoint copies it into the database file. Until
  /// then a copy of the `.sqlite` file alone (the file a user backs up or mails) can be without the last
  /// interviews. So every command calls this when it is done: a *passive* checkpoint copies every committed page
  /// that no reader still needs, and then the connection is closed; when it was the last one, SQLite itself
  /// checkpoints what is left and removes the `-wal` and `-shm` files.
  ///
  /// A passive checkpoint takes no write lock and never waits (the busy handler is not called), so it can neither
  /// block nor fail another process's write: with interviewers working at the same time it copies what it can and
  /// gives up quietly on the rest, which the next command to close copies. Closing twice is harmless; the
  /// database cannot be used after it.
  ///
  /// - Returns: Whether the database file held every committed page when the checkpoint finished.
  @discardableResult
  public func close() -> Bool {
    let checkpointed = try? writer.writeWithoutTransaction { db -> Bool in
      let (walFrames, copied) = try db.checkpoint(.passive)
      return walFrames == copied
    }
    try? writer.close()
    return checkpointed ?? false
  }

  /// What ``backup(toPath:)`` copied.
  public struct BackupSummary: Hashable, Sendable {
    /// The responses in the copy.
    public var responses: Int
    /// The size of the copy in bytes.
    public var bytes: Int
  }

  /// Writes a consistent copy of the whole database to a new file, with SQLite's online backup API: the copy is the
  /// database as one read transaction sees it, taken while interviews and imports go on writing (readers never
  /// block writers in WAL mode), and it is one self-contained file, with no `-wal` beside it.
  ///
  /// The copy is made under a temporary name in the same folder, readable by its owner only (mode 0600, set
  /// before SQLite writes a byte), checked with `PRAGMA quick_check`, and only then given its name, which must
  /// still be free: an existing file is never overwritten, and a failed backup leaves nothing behind.
  ///
  /// - Throws: ``StoreError/backupExists(path:)`` when `path` exists, ``StoreError/missingFolder(path:)`` and
  ///   ``StoreError/cannotCreate(path:)`` when it cannot be made, ``StoreError/backupFailed(path:reason:)`` when
  ///   the copy did not check out.
  public func backup(toPath path: String) throws -> BackupSummary {
    let target = URL(fileURLWithPath: path)
    var status = stat()
    if lstat(path, &status) == 0 { throw StoreError.backupExists(path: path) }
    let folder = target.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).partial").path
    let descriptor = Foundation.open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      if !FileManager.default.fileExists(atPath: folder.path) { throw StoreError.missingFolder(path: path) }
      throw StoreError.cannotCreate(path: path)
    }
    Foundation.close(descriptor)
    var published = false
    defer {
      for suffix in ["", "-journal", "-wal", "-shm"] where !published || !suffix.isEmpty {
        unlink(temporary + suffix)
      }
    }
    do {
      // The copy's connection keeps a rollback journal: its pages go straight into its own file.
      let copy = try DatabaseQueue(path: temporary)
      try writer.backup(to: copy)
      let (check, responses) = try copy.read { db in
        (
          try String.fetchAll(db, sql: "PRAGMA quick_check"),
          try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response") ?? 0
        )
      }
      try copy.close()
      guard check == ["ok"] else {
        throw StoreError.backupFailed(path: path, reason: "the copy did not pass SQLite's check")
      }
      try Self.publish(temporary, as: path)
      published = true
      Self.syncFolder(folder.path)
      let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
      return BackupSummary(responses: responses, bytes: size)
    } catch let error as DatabaseError {
      throw StoreError.backupFailed(path: path, reason: error.message ?? "\(error.resultCode)")
    }
  }

  /// Gives the finished copy its name, only if that name is still free: a hard link fails when it exists. On a
  /// file system without hard links (a USB stick formatted FAT), the name is checked and the file renamed.
  private static func publish(_ temporary: String, as path: String) throws {
    if link(temporary, path) == 0 {
      unlink(temporary)
      return
    }
    switch errno {
    case EEXIST:
      throw StoreError.backupExists(path: path)
    case EPERM, EOPNOTSUPP, EXDEV, EMLINK:
      var status = stat()
      if lstat(path, &status) == 0 { throw StoreError.backupExists(path: path) }
      guard rename(temporary, path) == 0 else { throw StoreError.cannotCreate(path: path) }
    default:
      throw StoreError.cannotCreate(path: path)
    }
  }

  /// Makes a new name in a folder durable (the file's own pages were synced by SQLite when the backup committed).
  private static func syncFolder(_ folder: String) {
    let descriptor = Foundation.open(folder, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    Foundation.close(descriptor)
  }
}

extension TevredenDatabase {
  /// Makes the database file and its `-wal` and `-shm` files readable by their owner only where they were readable
  /// by others (a file copied or unpacked with a loose mode), and returns the ones it changed. SQLite creates the
  /// `-wal` and `-shm` files with the database file's mode, so a private database keeps them private.
  ///
  /// - Throws: ``StoreError/cannotProtect(path:)`` when a file readable by others cannot be changed (another owner).
  @discardableResult
  public static func restrictPermissions(atPath path: String) throws -> [String] {
    var changed: [String] = []
    for file in [path, path + "-wal", path + "-shm"] {
      var status = stat()
      guard stat(file, &status) == 0 else { continue }
      guard status.st_mode & 0o077 != 0 else { continue }
      guard chmod(file, 0o600) == 0 else { throw StoreError.cannotProtect(path: file) }
      changed.append(file)
    }
    return changed
  }
}
