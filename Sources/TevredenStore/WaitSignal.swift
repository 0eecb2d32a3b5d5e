import Foundation

/// How a process waiting for the database tells an import that holds it to end its step: a file beside the
/// database (`<database>-wait`, readable by its owner only) into which every tevreden connection that finds the
/// database busy writes the time, and which the import reads between responses.
///
/// An import commits its rows in steps, and each commit writes most pages of the key-hash index again (its keys
/// are random), so fewer, longer steps make an import much cheaper; but a step holds the database, and an
/// interviewer who stores an answer meanwhile waits for it to end. With the signal, a step ends as soon as someone
/// waits, and runs on while nobody does. A writer that is not tevreden (the sqlite3 shell) does not announce
/// itself, and waits for a step's longest length (``ImportSession/longStepNanoseconds``).
struct WaitSignal: Sendable {
  /// The signal's file.
  let path: String

  /// The signal of the database file at `databasePath`; `nil` for a database in memory.
  init?(databasePath: String) {
    guard !databasePath.isEmpty, !databasePath.hasPrefix(":memory:"), !databasePath.hasPrefix("file::memory:") else {
      return nil
    }
    path = databasePath + "-wait"
  }

  /// The system's monotonic clock, in nanoseconds: the same clock in every process.
  static func now() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }

  /// Says that this process waits for the database now. Failing to (a folder that cannot be written) only means
  /// that the waiting process waits for the import's step to end by its length.
  func announce() {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    var time = Self.now()
    _ = withUnsafeBytes(of: &time) { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
  }

  /// The file opened for reading by the import, created if it is not there yet; `nil` when it cannot be, and the
  /// import then keeps its steps short.
  func listen() -> Listener? {
    let descriptor = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return nil }
    return Listener(descriptor: descriptor)
  }

  /// The import's side: when someone last waited.
  final class Listener {
    private let descriptor: Int32

    fileprivate init(descriptor: Int32) {
      self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The time (``WaitSignal/now()``) some process last announced that it waits; 0 when none ever did.
    func lastAnnouncement() -> UInt64 {
      var time: UInt64 = 0
      let read = withUnsafeMutableBytes(of: &time) { pread(descriptor, $0.baseAddress, $0.count, 0) }
      return read == MemoryLayout<UInt64>.size ? time : 0
    }
  }
}
