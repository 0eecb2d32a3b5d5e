import Foundation
import Testing

/// The folder of committed snapshots, beside this file.
let snapshotsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

/// Compares `actual` with `Snapshots/<name>` exactly; with `TEVREDEN_RECORD_SNAPSHOTS=1` rewrites the file instead.
///
/// On a mismatch the failure names the first differing line with both versions and a few lines of context, and
/// says how to re-record.
func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
  let url = snapshotsFolder.appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["TEVREDEN_RECORD_SNAPSHOTS"] == "1" {
    try FileManager.default.createDirectory(at: snapshotsFolder, withIntermediateDirectories: true)
    try actual.write(to: url, atomically: true, encoding: .utf8)
    return
  }
  guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
    Issue.record(
      "No snapshot at \(url.path); record it with TEVREDEN_RECORD_SNAPSHOTS=1 swift test --filter TevredenReportTests",
      sourceLocation: sourceLocation)
    return
  }
  guard expected != actual else { return }
  Issue.record(
    Comment(rawValue: snapshotDiff(expected: expected, actual: actual, name: name)), sourceLocation: sourceLocation)
}

/// A short description of where two texts first differ.
func snapshotDiff(expected: String, actual: String, name: String) -> String {
  let old = expected.components(separatedBy: "\n")
  let new = actual.components(separatedBy: "\n")
  let first = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
  var message = "Snapshot \(name) differs from line \(first + 1) on (expected \(old.count) lines, got \(new.count)).\n"
  let context = max(0, first - 2)
  for index in context..<min(first + 4, max(old.count, new.count)) {
    let expectedLine = index < old.count ? old[index] : "<end of file>"
    let actualLine = index < new.count ? new[index] : "<end of file>"
    if expectedLine == actualLine {
      message += "  \(index + 1)   \(expectedLine)\n"
    } else {
      message += "- \(index + 1)   \(expectedLine)\n+ \(index + 1)   \(actualLine)\n"
    }
  }
  message += "If the change is intended: TEVREDEN_RECORD_SNAPSHOTS=1 swift test --filter TevredenReportTests"
  return message
}

/// A program found on `PATH`, or `nil`.
func executable(named name: String) -> URL? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  for folder in path.split(separator: ":") {
    let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
  }
  return nil
}

/// What a finished child process left behind.
struct ProgramRun: CustomStringConvertible {
  var exitCode: Int32
  var stdout: String
  var stderr: String
  var timedOut: Bool

  var description: String {
    "exit \(exitCode)\(timedOut ? " (killed after the time limit)" : "")\n--- stdout ---\n\(stdout.prefix(4000))\n"
      + "--- stderr ---\n\(stderr.prefix(4000))"
  }
}

/// Collects a pipe's bytes on a background thread so a chatty child never blocks on a full pipe.
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

  func text() -> String {
    done.wait()
    return lock.withLock { String(decoding: data, as: UTF8.self) }
  }
}

/// Runs a program and waits at most `timeout` seconds; after that it is terminated (and killed if it lingers),
/// so a stuck browser can never hang the test run.
func runProgram(_ executable: URL, _ arguments: [String], timeout: TimeInterval = 60) throws -> ProgramRun {
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  let output = Pipe()
  let errors = Pipe()
  process.standardOutput = output
  process.standardError = errors
  process.standardInput = FileHandle.nullDevice
  let finished = DispatchSemaphore(value: 0)
  process.terminationHandler = { _ in finished.signal() }
  try process.run()
  let stdout = PipeDrain(output.fileHandleForReading)
  let stderr = PipeDrain(errors.fileHandleForReading)
  var timedOut = false
  if finished.wait(timeout: .now() + timeout) == .timedOut {
    timedOut = true
    process.terminate()
    if finished.wait(timeout: .now() + 5) == .timedOut {
      kill(process.processIdentifier, SIGKILL)
      finished.wait()
    }
  }
  return ProgramRun(
    exitCode: process.terminationStatus, stdout: stdout.text(), stderr: stderr.text(), timedOut: timedOut)
}

/// Every match of a regular expression's first capture group.
func captures(of pattern: String, in text: String) throws -> [String] {
  let expression = try NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
  let range = NSRange(text.startIndex..., in: text)
  return expression.matches(in: text, range: range).compactMap { match in
    guard match.numberOfRanges > 1, let captured = Range(match.range(at: 1), in: text) else { return nil }
    return String(text[captured])
  }
}

/// The width and height in a PNG's IHDR chunk.
func pngSize(_ data: Data) -> (width: Int, height: Int)? {
  let bytes = [UInt8](data.prefix(24))
  let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
  guard bytes.count == 24, Array(bytes[0..<8]) == signature, String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR"
  else { return nil }
  func bigEndian(_ offset: Int) -> Int {
    bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
  }
  return (bigEndian(16), bigEndian(20))
}
