import Foundation
import TevredenCore

/// The command line that resumes an interview, as the pause message and `--open` print it: it must work when
/// typed as it stands, from any folder, whatever `TEVREDEN_DB` says there.
///
/// So it names the database by its absolute path (`--db`), and the program as `tevreden` only when that name on
/// `PATH` is this very program; otherwise (`swift run`, a build folder) by its absolute path. Both are quoted for
/// the shell when they hold characters a shell would read otherwise.
struct ResumeCommand: Hashable, Sendable {
  /// How to call this program: `tevreden`, or its absolute path.
  let program: String
  /// The database's absolute path.
  let databasePath: String

  init(program: String, databasePath: String) {
    self.program = program
    self.databasePath = databasePath
  }

  /// The command for this process: its database path made absolute against the working directory.
  init(databasePath path: String) {
    self.init(
      program: Self.programName(
        executable: Self.runningExecutable(), searchPath: ProcessInfo.processInfo.environment["PATH"] ?? ""),
      databasePath: URL(fileURLWithPath: path).standardizedFileURL.path)
  }

  /// `tevreden interview --resume ID --db PATH` (with `--take-over` after the id when `takingOver`). The id goes
  /// in as it is: interview ids hold only letters, digits and `-`, and `--open` shows `<id>` there.
  func line(for id: String, takingOver: Bool = false) -> String {
    ([Self.shellQuoted(program), "interview", "--resume", id] + (takingOver ? ["--take-over"] : [])
      + ["--db", Self.shellQuoted(databasePath)]).joined(separator: " ")
  }

  /// `tevreden contact Q --outcome O --interviewer I --mode M --on DAY --db PATH`: records a contact that could
  /// not be stored when it happened. The values are quoted as needed; codes and ids hold only safe characters.
  func contactLine(
    questionnaire: String, outcome: ContactOutcome, interviewer: String, mode: Response.Mode, on day: LocalDate
  ) -> String {
    [
      Self.shellQuoted(program), "contact", Self.shellQuoted(questionnaire), "--outcome", outcome.rawValue,
      "--interviewer", Self.shellQuoted(interviewer), "--mode", mode.rawValue, "--on", day.description, "--db",
      Self.shellQuoted(databasePath),
    ].joined(separator: " ")
  }

  /// `tevreden`, if that name on `searchPath` is `executable`; else the executable's path.
  static func programName(executable: String?, searchPath: String) -> String {
    guard let executable else { return "tevreden" }
    let running = URL(fileURLWithPath: executable).resolvingSymlinksInPath().path
    for folder in searchPath.split(separator: ":") where !folder.isEmpty {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("tevreden")
      guard FileManager.default.isExecutableFile(atPath: candidate.path) else { continue }
      // The first one on PATH is what the shell runs: it is either this program or another one.
      return candidate.resolvingSymlinksInPath().path == running ? "tevreden" : running
    }
    return running
  }

  /// The absolute path of the running executable.
  private static func runningExecutable() -> String? {
    #if os(Linux)
      if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
    #endif
    return Bundle.main.executablePath
  }

  /// The word as a POSIX shell reads it back: as it is when it holds only safe characters, else in single quotes.
  static func shellQuoted(_ word: String) -> String {
    let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+:@%,=")
    if !word.isEmpty, word.allSatisfy(safe.contains) { return word }
    return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
