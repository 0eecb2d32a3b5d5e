import Foundation
import TevredenCore
import TevredenStore

/// What the interview runner and the signal handler share, behind one lock.
///
/// The runner commits each step and takes it over under this lock, and the signal handler does all its work
/// under it. So a signal is handled before a step or after it, never between the moment the database holds the
/// step and the moment the runner knows of it: a signal that arrives just after `ok` finds the interview
/// finished and leaves it so, instead of pausing (and so reopening) it.
final class InterviewSession: @unchecked Sendable {
  /// The session as the signal handler needs to know it.
  struct State {
    /// Whether the interview can still be paused: not finished, not paused, not given up after a quick exit.
    var isOpen = true
    /// How the interview ended, once it has.
    var ending: InterviewRunner.Ending?
    /// Whether the runner has shown the ending's message.
    var endingShown = false
    /// The answers the database holds for the interview (the runner's state, which it takes over only after a
    /// commit).
    var storedAnswers = 0
    /// Whether the last answer (or completion) failed to be stored: then no message may say that all is stored.
    /// A pause does not change it.
    var lastAnswerFailed = false
    /// Set when the command is done with the database: a late signal then only exits.
    var isClosed = false
  }

  private let lock = NSLock()
  private var state: State

  init(storedAnswers: Int) {
    state = State(storedAnswers: storedAnswers)
  }

  /// Runs `body` with the state, holding the lock: no signal is handled meanwhile.
  func withLock<T>(_ body: (inout State) throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body(&state)
  }
}
