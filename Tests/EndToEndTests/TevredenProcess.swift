import Foundation
import Testing
import TevredenCore

/// The package root (the folder holding `Package.swift`, `Questionnaires/` and `Responses/`), derived from this
/// file's path: `Tests/EndToEndTests/TevredenProcess.swift` is three levels below it.
let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent()
  .deletingLastPathComponent()
  .deletingLastPathComponent()

/// The committed questionnaire definitions.
let questionnairesFolder = packageRoot.appendingPathComponent("Questionnaires")

/// The committed example responses.
let responsesFolder = packageRoot.appendingPathComponent("Responses")

/// What a finished `tevreden` run left behind.
struct TevredenRun: CustomStringConvertible {
  var exitCode: Int32
  var stdout: String
  var stderr: String

  /// For failure messages: the exit code and both streams.
  var description: String {
    "exit \(exitCode)\n--- stdout ---\n\(stdout)\n--- stderr ---\n\(stderr)"
  }
}

/// Errors of the test harness itself (not of the tool under test).
enum HarnessError: Error, CustomStringConvertible {
  case binaryNotFound([String])
  case unreadable(String)

  var description: String {
    switch self {
    case .binaryNotFound(let tried): "the tevreden binary was not found; tried: \(tried.joined(separator: ", "))"
    case .unreadable(let path): "cannot read \(path)"
    }
  }
}

/// The built `tevreden` executable in the products folder of the running test build.
///
/// `swift test` builds the executable product next to the test bundle. Under Swift Testing on Linux that folder is
/// `Bundle.main.bundleURL`; otherwise it is the folder holding the `.xctest` bundle. Never a fixed `.build/debug`
/// path, because every developer may use their own `--scratch-path`.
func tevredenBinary() throws -> URL {
  var candidates = [Bundle.main.bundleURL.appendingPathComponent("tevreden")]
  for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
    candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("tevreden"))
  }
  if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) {
    return found
  }
  throw HarnessError.binaryNotFound(candidates.map(\.path))
}

/// Collects a pipe's bytes on a background thread, so a child writing a lot to both streams never blocks.
private final class PipeDrain: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    DispatchQueue.global().async {
      let bytes = handle.readDataToEndOfFile()
      self.lock.withLock { self.data = bytes }
      self.done.signal()
    }
  }

  /// Waits until the pipe is closed (the child exited) and returns everything read.
  func text() -> String {
    done.wait()
    return lock.withLock { String(decoding: data, as: UTF8.self) }
  }
}

/// Runs the built `tevreden` binary and waits for it.
///
/// - Parameters:
///   - args: The arguments after the program name.
///   - cwd: The working directory of the child.
///   - stdin: Text for standard input; without it, standard input is `/dev/null`.
///   - env: Variables added to (or replacing) the inherited environment. `TEVREDEN_DB` is removed from the
///     inherited environment so a developer's setting never redirects a test to a real database.
///   - answeringSafeStart: With `stdin`, answer an interview's safe start *ja* first when the program asks it
///     (see ``SafeStartHarness``); the safe start's own tests pass `false`.
/// - Returns: The exit code and everything written to standard output and standard error.
func runTevreden(
  _ args: [String], cwd: URL, stdin: String? = nil, env: [String: String] = [:], answeringSafeStart: Bool = true
) throws -> (exitCode: Int32, stdout: String, stderr: String) {
  let run = try runTevredenProcess(args, cwd: cwd, stdin: stdin, env: env, answeringSafeStart: answeringSafeStart)
  return (run.exitCode, run.stdout, run.stderr)
}

/// ``runTevreden(_:cwd:stdin:env:answeringSafeStart:)`` returning a ``TevredenRun``, which prints itself well in
/// failure messages.
func runTevredenProcess(
  _ args: [String], cwd: URL, stdin: String? = nil, env: [String: String] = [:], answeringSafeStart: Bool = true
) throws -> TevredenRun {
  let input = stdin.map {
    answeringSafeStart && SafeStartHarness.isAsked(args, cwd: cwd) ? SafeStartHarness.answer + "\n" + $0 : $0
  }
  return try runProgram(tevredenBinary(), args, cwd: cwd, stdin: input, env: env)
}

/// Runs any program with pipes for its output; see ``runTevreden(_:cwd:stdin:env:answeringSafeStart:)``.
func runProgram(_ executable: URL, _ args: [String], cwd: URL, stdin: String? = nil, env: [String: String] = [:])
  throws -> TevredenRun
{
  let process = Process()
  process.executableURL = executable
  process.arguments = args
  process.currentDirectoryURL = cwd
  var environment = ProcessInfo.processInfo.environment
  environment["TEVREDEN_DB"] = nil
  environment.merge(env) { _, new in new }
  process.environment = environment
  let output = Pipe()
  let errors = Pipe()
  process.standardOutput = output
  process.standardError = errors
  let input = stdin.map { _ in Pipe() }
  process.standardInput = input ?? FileHandle.nullDevice
  // `run()` closes the parent's copies of the child's pipe ends, so reading sees end-of-file when it exits.
  try process.run()
  let stdoutDrain = PipeDrain(output.fileHandleForReading)
  let stderrDrain = PipeDrain(errors.fileHandleForReading)
  if let input, let stdin {
    try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8))
    try? input.fileHandleForWriting.close()
  }
  let stdoutText = stdoutDrain.text()
  let stderrText = stderrDrain.text()
  process.waitUntilExit()
  return TevredenRun(exitCode: process.terminationStatus, stdout: stdoutText, stderr: stderrText)
}

/// Every `.csv` file below a folder, as paths relative to it, sorted.
func csvFiles(under folder: URL) throws -> [String] {
  guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else {
    throw HarnessError.unreadable(folder.path)
  }
  var found: [String] = []
  while let name = enumerator.nextObject() as? String {
    // Registration exports (registratie-*.csv) live beside the responses but are not responses.
    let file = (name as NSString).lastPathComponent
    if name.hasSuffix(".csv"), !file.hasPrefix("registratie-") { found.append(name) }
  }
  return found.sorted()
}

/// The committed registration-system export that `indicators --merge` reads (never imported as responses).
let registrationSample = responsesFolder.appendingPathComponent("registratie-indicatoren-2026.csv")

/// Parses a CSV file (or text) with TevredenCore's reader into a header and data rows.
struct CSVTable {
  var header: [String]
  var rows: [[String]]
  /// The line each data row starts on (1-based), parallel to `rows`.
  var lines: [Int]

  init(text: String) throws {
    let records = try CSVReader.parse(text)
    header = records.first?.fields ?? []
    rows = records.dropFirst().map(\.fields)
    lines = records.dropFirst().map(\.line)
  }

  init(contentsOf url: URL) throws {
    guard let data = FileManager.default.contents(atPath: url.path) else { throw HarnessError.unreadable(url.path) }
    try self.init(text: String(decoding: data, as: UTF8.self))
  }

  /// The index of a column; a test failure if it is missing.
  func column(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
    try #require(header.firstIndex(of: name), "no column '\(name)' in \(header)", sourceLocation: sourceLocation)
  }

  /// Renders the table back to CSV text (LF line ends), for writing edited copies.
  func render() -> String {
    CSVWriter.renderUnguarded([header] + rows)
  }
}

/// The questionnaire ids in the committed definitions folder (every `.yaml` except `indicators.yaml`).
func committedQuestionnaireIDs() throws -> [String] {
  try FileManager.default.contentsOfDirectory(atPath: questionnairesFolder.path)
    .filter { $0.hasSuffix(".yaml") && $0 != "indicators.yaml" }
    .map { String($0.dropLast(".yaml".count)) }
    .sorted()
}

/// The per-file summary line of `import`: "<file>: N rows: I imported, D already present, R rejected".
struct ImportSummary: Equatable {
  var rows = 0
  var imported = 0
  var alreadyPresent = 0
  var rejected = 0

  /// Adds up every per-file summary line in `import` output.
  init(stdout: String) {
    let pattern = /: (\d+) rows?: (\d+) imported, (\d+) already present, (\d+) rejected$/
    for line in stdout.split(separator: "\n") {
      guard let match = line.firstMatch(of: pattern) else { continue }
      rows += Int(match.1) ?? 0
      imported += Int(match.2) ?? 0
      alreadyPresent += Int(match.3) ?? 0
      rejected += Int(match.4) ?? 0
    }
  }

  init(rows: Int, imported: Int, alreadyPresent: Int, rejected: Int) {
    self.rows = rows
    self.imported = imported
    self.alreadyPresent = alreadyPresent
    self.rejected = rejected
  }
}

/// The number of data rows (header excluded) in every `.csv` file below a folder, counted with `CSVReader`.
func dataRowCount(under folder: URL) throws -> Int {
  try csvFiles(under: folder).map { try CSVTable(contentsOf: folder.appendingPathComponent($0)).rows.count }
    .reduce(0, +)
}

/// Imports the committed `Responses/` into a new database in `folder` and returns the database path.
func importExampleResponses(into folder: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
  let db = folder.appendingPathComponent("db.sqlite").path
  let run = try runTevredenProcess(
    ["import", responsesFolder.path, "--db", db, "--questionnaires", questionnairesFolder.path], cwd: folder)
  try #require(run.exitCode == 0, "import of Responses failed: \(run)", sourceLocation: sourceLocation)
  return db
}

/// The 1-based number of the line holding `needle` (its `occurrence`-th match), or nil.
func lineNumber(of needle: String, in text: String, occurrence: Int = 1) -> Int? {
  var seen = 0
  for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
  where line.contains(needle) {
    seen += 1
    if seen == occurrence { return index + 1 }
  }
  return nil
}

/// The POSIX permission bits of a file.
func posixPermissions(_ path: String) throws -> Int {
  let attributes = try FileManager.default.attributesOfItem(atPath: path)
  return try #require((attributes[.posixPermissions] as? NSNumber)?.intValue)
}
