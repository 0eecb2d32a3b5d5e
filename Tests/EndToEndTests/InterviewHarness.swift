import Foundation
import Testing
import TevredenCore
import TevredenStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Helpers for the end-to-end tests of `tevreden interview`: scripted interviews with the answers they must leave
// behind, and a live session that types into a running interview (over pipes or a real pseudo-terminal) and
// reads its output as it comes, always with a deadline.

/// A complete interview typed line by line, and the answers it must leave in the database.
struct InterviewScript: Sendable, CustomTestStringConvertible {
  var questionnaire: String
  /// What the interviewer types, one line per screen, ending with `ok` on the review screen.
  var lines: [String]
  /// Every stored answer: item id → the value's canonical text, or the missing code.
  var expected: [String: String]

  var testDescription: String { questionnaire }

  /// The lines as standard input.
  var stdin: String { Self.stdin(lines) }

  static func stdin(_ lines: [String]) -> String { lines.map { $0 + "\n" }.joined() }

  /// Melding, a respondent the report was about, with children: every question of the file is asked.
  static let meldingWithChildren = InterviewScript(
    questionnaire: "inwoners-melding",
    lines: ["ja", "1", "j", "4", "5", "w", "5", "4", "3", "4", "4", "4", "ja", "8", "Goed geholpen.", "ok"],
    expected: [
      "toestemming": "ja", "rol": "betrokkene", "kinderen": "ja", "bereikbaarheid": "4", "bejegening": "5",
      "geduld": "weet_niet", "duidelijk_melding": "5", "duidelijk_rol_vt": "4", "duidelijk_vervolg": "3",
      "afspraken": "4", "deskundigheid": "4", "kinderen_gesproken": "4", "kinderen_hulp": "ja", "cijfer": "8",
      "opmerking": "Goed geholpen.",
    ])

  /// Melding, the reporter, no children: the children questions and `duidelijk_melding` are skipped,
  /// `terugkoppeling` is asked, and the optional remark is skipped with Enter.
  static let meldingWithoutChildren = InterviewScript(
    questionnaire: "inwoners-melding",
    lines: ["ja", "4", "n", "3", "4", "5", "ja", "4", "4", "2", "5", "7", "", "ok"],
    expected: [
      "toestemming": "ja", "rol": "melder", "kinderen": "nee", "bereikbaarheid": "3", "bejegening": "4",
      "geduld": "5", "terugkoppeling": "ja", "duidelijk_rol_vt": "4", "duidelijk_vervolg": "4", "afspraken": "2",
      "deskundigheid": "5", "cijfer": "7",
    ])

  /// A police officer (chain partner, PI 6) who reported but had no training: `tevreden_voorlichting` is skipped.
  static let politie = InterviewScript(
    questionnaire: "ketenpartners-politie",
    lines: ["ja", "1", "ja", "4", "4", "3", "5", "4", "4", "3", "nee", "4", "4", "7", "Prima samenwerking.", "ok"],
    expected: [
      "toestemming": "ja", "functie": "wijkagent", "melding_gedaan": "ja", "beoordeling_meldingen": "4",
      "terugkoppeling": "4", "inzet_vervolgdiensten": "3", "bereikbaarheid": "5", "advies": "4",
      "deskundigheid": "4", "huisverbod": "3", "voorlichting_gehad": "nee", "primaire_veiligheid": "4",
      "gefaseerde_ketenzorg": "4", "cijfer": "7", "opmerking": "Prima samenwerking.",
    ])

  /// Adviesaanvraag with a multiple choice (`1,4`) and a *niet van toepassing* (`v`).
  static let adviesaanvraag = InterviewScript(
    questionnaire: "inwoners-adviesaanvraag",
    lines: ["ja", "2", "1,4", "ja", "4", "4", "5", "4", "3", "4", "v", "4", "4", "nee", "9", "", "ok"],
    expected: [
      "toestemming": "ja", "rol": "ouder", "contact_via": "telefoon;gesprek", "kinderen": "ja",
      "bereikbaarheid": "4", "bejegening": "4", "geduld": "5", "duidelijk_rol_vt": "4", "duidelijk_advies": "3",
      "deskundigheid": "4", "afspraken": "nvt", "duidelijk_vervolg": "4", "kinderen_aandacht": "4",
      "kinderen_hulp": "nee", "cijfer": "9",
    ])

  static let all = [meldingWithChildren, meldingWithoutChildren, politie, adviesaanvraag]
}

/// The safe start ("Kunt u nu vrijuit praten?") that `tevreden interview` asks before anything else of a resident
/// interview by telephone or face to face, new or resumed (``SafeStart``).
///
/// The scripted interviews are about what follows it, so the harness answers it *ja* in this one place: runs
/// through ``runTevredenProcess(_:cwd:stdin:env:answeringSafeStart:)`` get a first line `ja`, and live sessions
/// wait for the question and type it. The tests of the safe start itself pass `answeringSafeStart: false` and type
/// their own answer. A run with `--take-over` is left alone: there the take-over's confirmation comes first, so
/// those tests type the answer where it belongs.
enum SafeStartHarness {
  /// The answer the harness gives.
  static let answer = "ja"

  /// Whether `tevreden` started with these arguments in `cwd` asks the safe start first: the questionnaire (or
  /// the resumed interview's) is a resident one and the mode one with a person on the line, by the program's own
  /// rule (``SafeStart/isAsked(in:mode:)``). A run that fails before it (an unknown questionnaire, say) gets a
  /// line it never reads.
  static func isAsked(_ args: [String], cwd: URL) -> Bool {
    guard args.first == "interview", !args.contains("--open"), !args.contains("--take-over") else { return false }
    func value(_ option: String) -> String? {
      args.firstIndex(of: option).flatMap { args.indices.contains($0 + 1) ? args[$0 + 1] : nil }
    }
    func path(_ text: String) -> URL {
      text.hasPrefix("/") ? URL(fileURLWithPath: text) : cwd.appendingPathComponent(text)
    }
    if let id = value("--resume") {
      let db = path(value("--db") ?? "tevreden.sqlite")
      guard FileManager.default.fileExists(atPath: db.path), let store = try? TevredenDatabase.open(atPath: db.path)
      else { return false }
      defer { store.close() }
      guard let state = try? store.interviewState(Response.ID(rawValue: id)), state == .active || state == .paused,
        let response = try? store.response(Response.ID(rawValue: id))
      else { return false }
      return response.audience == .inwoners && (response.mode == .telefonisch || response.mode == .persoonlijk)
    }
    guard args.count > 1, !args[1].hasPrefix("-") else { return false }
    let folder = path(value("--questionnaires") ?? "Questionnaires")
    let (loaded, _) = QuestionnaireLoader.load(contentsOf: folder.appendingPathComponent(args[1] + ".yaml"))
    guard let loaded else { return false }
    let mode = value("--mode").flatMap(Response.Mode.init(rawValue:)) ?? .telefonisch
    return SafeStart.isAsked(in: loaded.questionnaire, mode: mode)
  }
}

/// The arguments that start an interview against the committed definitions and the given database.
func interviewArguments(
  _ questionnaire: String, interviewer: String, db: String, gemeente: String? = nil, extra: [String] = []
) -> [String] {
  ["interview", questionnaire, "--interviewer", interviewer, "--db", db, "--questionnaires", questionnairesFolder.path]
    + (gemeente.map { ["--gemeente", $0] } ?? []) + extra
}

/// The arguments that resume an interview (without an interviewer code, as the README shows it).
func resumeArguments(_ id: Response.ID, db: String) -> [String] {
  ["interview", "--resume", id.rawValue, "--db", db, "--questionnaires", questionnairesFolder.path]
}

/// The id in "Interview VT-XXXXXX gestart".
func startedInterviewID(in output: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Response.ID {
  let match = try #require(
    output.firstMatch(of: /Interview (VT-[2-9A-HJ-NP-Z]{6}) gestart/), "no interview id in:\n\(output)",
    sourceLocation: sourceLocation)
  return Response.ID(rawValue: String(match.1))
}

/// A stored response's answers as text: item id → the value's canonical text, or the missing code.
func answerTexts(_ response: Response) -> [String: String] {
  var texts: [String: String] = [:]
  for (item, answer) in response.answers {
    switch answer {
    case .value(let value): texts[item.rawValue] = value.canonicalText
    case .missing(let code): texts[item.rawValue] = code
    }
  }
  return texts
}

/// The stored response; a test failure if there is none.
func storedResponse(_ id: Response.ID, db: String, sourceLocation: SourceLocation = #_sourceLocation) throws
  -> Response
{
  try #require(try TevredenDatabase.open(atPath: db).response(id), "no response \(id)", sourceLocation: sourceLocation)
}

/// The number of times `needle` occurs in `text`.
func occurrences(of needle: String, in text: String) -> Int {
  text.components(separatedBy: needle).count - 1
}

/// The year of a moment in Dutch local time (the day a response counts for is a Dutch day).
func dutchYear(of date: Date) throws -> Int {
  var calendar = Calendar(identifier: .gregorian)
  calendar.timeZone = try #require(TimeZone(identifier: "Europe/Amsterdam"))
  return calendar.component(.year, from: date)
}

/// Every SGR (colour and style) escape sequence in a text, such as `ESC[36m`.
func colourSequences(in text: String) -> [String] {
  let scalars = Array(text.unicodeScalars)
  var found: [String] = []
  var index = 0
  while index + 1 < scalars.count {
    guard scalars[index] == "\u{1B}", scalars[index + 1] == "[" else {
      index += 1
      continue
    }
    var end = index + 2
    while end < scalars.count, ("0"..."9").contains(scalars[end]) || scalars[end] == ";" { end += 1 }
    if end < scalars.count, scalars[end] == "m" {
      found.append(String(String.UnicodeScalarView(scalars[index...end])))
    }
    index = end
  }
  return found
}

// MARK: - Live sessions

/// Why a live session could not go on; the description holds everything the process printed.
struct LiveSessionError: Error, CustomStringConvertible {
  var problem: String
  var output: String
  var description: String { "\(problem)\n--- output so far ---\n\(output)\n--- end of output ---" }
}

/// Writing to a child that has exited must fail with EPIPE instead of killing the test process.
private let brokenPipesAreErrors: Void = {
  signal(SIGPIPE, SIG_IGN)
}()

#if canImport(Glibc)
  private let posixRead = Glibc.read
  private let posixWrite = Glibc.write
  private let posixClose = Glibc.close
#elseif canImport(Darwin)
  private let posixRead = Darwin.read
  private let posixWrite = Darwin.write
  private let posixClose = Darwin.close
#endif

/// The C library's pseudo-terminal functions (`posix_openpt`, `grantpt`, `unlockpt`, `ptsname_r`), looked up at
/// run time: the Glibc module Swift imports does not declare them.
private struct PseudoTerminalFunctions: @unchecked Sendable {
  typealias OpenMaster = @convention(c) (Int32) -> Int32
  typealias Operation = @convention(c) (Int32) -> Int32
  typealias Name = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32

  let openMaster: OpenMaster
  let grant: Operation
  let unlock: Operation
  let name: Name

  private static let loaded: Result<PseudoTerminalFunctions, LiveSessionError> = {
    let library = dlopen(nil, RTLD_NOW)
    func symbol<T>(_ name: String, as type: T.Type) throws(LiveSessionError) -> T {
      guard let address = dlsym(library, name) else {
        throw LiveSessionError(problem: "the C library has no \(name)", output: "")
      }
      return unsafeBitCast(address, to: type)
    }
    return Result { () throws(LiveSessionError) in
      PseudoTerminalFunctions(
        openMaster: try symbol("posix_openpt", as: OpenMaster.self), grant: try symbol("grantpt", as: Operation.self),
        unlock: try symbol("unlockpt", as: Operation.self), name: try symbol("ptsname_r", as: Name.self))
    }
  }()

  static func shared() throws -> PseudoTerminalFunctions { try loaded.get() }
}

/// A running `tevreden` that a test types into while reading its output as it comes.
///
/// Over pipes, standard output and standard error are separate; in a pseudo-terminal they are the same stream
/// (the terminal), and keystrokes go to the terminal as a user's would, so the program sees a real tty. Every
/// wait has a deadline and reads until an expected marker appears; nothing sleeps for a fixed time.
final class LiveSession {
  let process: Process
  /// Where output is read: the read end of the standard output pipe, or the pseudo-terminal's master side.
  private let outputDescriptor: Int32
  /// Where input is written: the write end of the standard input pipe, or the master side.
  private var inputDescriptor: Int32
  /// The master side of a pseudo-terminal, closed by this session.
  private let terminalMaster: Int32?
  /// Keeps the pipes' file handles (and so their descriptors) alive.
  private let pipes: [Pipe]
  private let errorPipe: Pipe?
  private var bytes: [UInt8] = []
  /// Searches for markers start here, just after the previous marker found.
  private var searchStart = 0
  private var reachedEnd = false

  private init(process: Process, output: Int32, input: Int32, master: Int32?, pipes: [Pipe], errors: Pipe?) {
    self.process = process
    self.outputDescriptor = output
    self.inputDescriptor = input
    self.terminalMaster = master
    self.pipes = pipes
    self.errorPipe = errors
  }

  deinit {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    if let terminalMaster { _ = posixClose(terminalMaster) }
  }

  /// The environment for a child: inherited, without `TEVREDEN_DB` (never a developer's real database) and
  /// without `NO_COLOR` (tests decide about colours), plus `extra`.
  private static func environment(_ extra: [String: String]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["TEVREDEN_DB"] = nil
    environment["NO_COLOR"] = nil
    environment.merge(extra) { _, new in new }
    return environment
  }

  /// Answers the safe start *ja* when the program asks it (see ``SafeStartHarness``): waits for the question and
  /// types the answer, ended by `enter`.
  private func answerSafeStart(_ args: [String], cwd: URL, enter: String) throws {
    guard SafeStartHarness.isAsked(args, cwd: cwd) else { return }
    try waitFor(InterviewText.safeStartQuestion)
    try waitFor("> ")
    try send(SafeStartHarness.answer + enter)
  }

  /// Starts `tevreden` with pipes for standard input, output and error, as a script would.
  ///
  /// - Parameter answeringSafeStart: Answer the safe start *ja* when it is asked (``SafeStartHarness``).
  static func overPipes(
    _ args: [String], cwd: URL, env: [String: String] = [:], answeringSafeStart: Bool = true
  ) throws -> LiveSession {
    brokenPipesAreErrors
    let process = Process()
    process.executableURL = try tevredenBinary()
    process.arguments = args
    process.currentDirectoryURL = cwd
    process.environment = environment(env)
    let (input, output, errors) = (Pipe(), Pipe(), Pipe())
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let session = LiveSession(
      process: process, output: output.fileHandleForReading.fileDescriptor,
      input: input.fileHandleForWriting.fileDescriptor, master: nil, pipes: [input, output, errors], errors: errors)
    if answeringSafeStart { try session.answerSafeStart(args, cwd: cwd, enter: "\n") }
    return session
  }

  /// Starts `tevreden` in a new pseudo-terminal: its standard input, output and error are the terminal, so it
  /// runs as in an interviewer's terminal window. `TERM` is `xterm-256color` unless `env` says otherwise.
  ///
  /// - Parameters:
  ///   - size: The terminal's rows and columns; without it the terminal does not tell its size.
  ///   - answeringSafeStart: Answer the safe start *ja* when it is asked (``SafeStartHarness``).
  static func inTerminal(
    _ args: [String], cwd: URL, env: [String: String] = [:], size: (rows: Int, columns: Int)? = nil,
    answeringSafeStart: Bool = true
  ) throws -> LiveSession {
    brokenPipesAreErrors
    let pty = try PseudoTerminalFunctions.shared()
    let master = pty.openMaster(O_RDWR | O_NOCTTY)
    guard master >= 0 else { throw LiveSessionError(problem: "posix_openpt failed: errno \(errno)", output: "") }
    var keepMaster = false
    defer { if !keepMaster { _ = posixClose(master) } }
    // Not inherited by children of other tests running at the same time.
    _ = fcntl(master, F_SETFD, FD_CLOEXEC)
    guard pty.grant(master) == 0, pty.unlock(master) == 0 else {
      throw LiveSessionError(problem: "grantpt/unlockpt failed: errno \(errno)", output: "")
    }
    var name = [CChar](repeating: 0, count: 128)
    guard pty.name(master, &name, name.count) == 0 else {
      throw LiveSessionError(problem: "ptsname_r failed: errno \(errno)", output: "")
    }
    let slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let slave = open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard slave >= 0 else { throw LiveSessionError(problem: "cannot open \(slavePath): errno \(errno)", output: "") }
    defer { _ = posixClose(slave) }  // the child has its own copies; the master then sees the end when it exits
    if let size {
      var window = winsize(ws_row: UInt16(size.rows), ws_col: UInt16(size.columns), ws_xpixel: 0, ws_ypixel: 0)
      guard ioctl(master, UInt(TIOCSWINSZ), &window) == 0 else {
        throw LiveSessionError(problem: "cannot set the terminal's size: errno \(errno)", output: "")
      }
    }

    let process = Process()
    process.executableURL = try tevredenBinary()
    process.arguments = args
    process.currentDirectoryURL = cwd
    process.environment = environment(["TERM": "xterm-256color"].merging(env) { _, new in new })
    let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
    process.standardInput = terminal
    process.standardOutput = terminal
    process.standardError = terminal
    try process.run()
    keepMaster = true
    let session = LiveSession(process: process, output: master, input: master, master: master, pipes: [], errors: nil)
    if answeringSafeStart { try session.answerSafeStart(args, cwd: cwd, enter: "\r") }
    return session
  }

  /// The pseudo-terminal's settings as the program left them (read through the master side, which Linux answers
  /// for the terminal); `nil` over pipes.
  func terminalSettings() -> termios? {
    guard let terminalMaster else { return nil }
    var settings = termios()
    return tcgetattr(terminalMaster, &settings) == 0 ? settings : nil
  }

  /// Everything read so far.
  var output: String { String(decoding: bytes, as: UTF8.self) }

  /// Everything read after the last marker found by ``waitFor(_:timeout:)``.
  var unreadOutput: String { String(decoding: bytes[searchStart...], as: UTF8.self) }

  /// Sends text as typed: to the standard input pipe, or to the terminal (use `\r` for Enter there).
  func send(_ text: String) throws {
    var remaining = Array(text.utf8)[...]
    while !remaining.isEmpty {
      let written = remaining.withUnsafeBytes { posixWrite(inputDescriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        throw LiveSessionError(problem: "cannot send \(text.debugDescription): errno \(errno)", output: output)
      }
      remaining = remaining.dropFirst(written)
    }
  }

  /// Closes standard input (end of input for the program); over pipes only.
  func closeInput() {
    guard terminalMaster == nil, inputDescriptor >= 0 else { return }
    try? pipes[0].fileHandleForWriting.close()
    inputDescriptor = -1
  }

  /// Reads until `marker` appears after the previous marker, and returns the output up to and including it.
  ///
  /// - Throws: ``LiveSessionError`` when the output ends or the deadline passes first.
  @discardableResult
  func waitFor(_ marker: String, timeout: Duration = .seconds(10)) throws -> String {
    let deadline = ContinuousClock.now + timeout
    let needle = Array(marker.utf8)
    while true {
      if let range = bytes[searchStart...].firstRange(of: needle) {
        let text = String(decoding: bytes[searchStart..<range.upperBound], as: UTF8.self)
        searchStart = range.upperBound
        return text
      }
      if reachedEnd {
        throw LiveSessionError(problem: "the output ended before \(marker.debugDescription) appeared", output: output)
      }
      let now = ContinuousClock.now
      guard now < deadline else {
        throw LiveSessionError(problem: "\(marker.debugDescription) did not appear within \(timeout)", output: output)
      }
      readAvailable(waitingAtMost: deadline - now)
    }
  }

  /// Reads what is there, waiting at most `wait` for the first byte.
  private func readAvailable(waitingAtMost wait: Duration) {
    let milliseconds = Int32(
      clamping: max(1, wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000))
    var poller = pollfd(fd: outputDescriptor, events: Int16(POLLIN), revents: 0)
    let ready = poll(&poller, 1, milliseconds)
    guard ready > 0 else { return }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = buffer.withUnsafeMutableBytes { posixRead(outputDescriptor, $0.baseAddress, $0.count) }
    if count > 0 {
      bytes.append(contentsOf: buffer[0..<count])
    } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
      // End of file on a pipe; EIO on a terminal's master once the last program using the terminal exited.
      reachedEnd = true
    }
  }

  /// Waits for the program to exit, reading its output meanwhile, then reads what is left.
  ///
  /// - Returns: The exit code, or the signal number if a signal ended it.
  @discardableResult
  func waitForExit(timeout: Duration = .seconds(10)) throws -> Int32 {
    let deadline = ContinuousClock.now + timeout
    while process.isRunning {
      let now = ContinuousClock.now
      guard now < deadline else {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        throw LiveSessionError(problem: "the program did not exit within \(timeout)", output: output)
      }
      if reachedEnd {
        usleep(5000)
      } else {
        readAvailable(waitingAtMost: min(.milliseconds(20), deadline - now))
      }
    }
    process.waitUntilExit()
    let drainDeadline = ContinuousClock.now + .seconds(5)
    while !reachedEnd, ContinuousClock.now < drainDeadline {
      readAvailable(waitingAtMost: .milliseconds(100))
    }
    return process.terminationStatus
  }

  /// Standard error, once the program has exited (over pipes; in a terminal it is part of ``output``).
  func errorOutput() -> String {
    guard let errorPipe else { return "" }
    return String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  }
}
