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
}
