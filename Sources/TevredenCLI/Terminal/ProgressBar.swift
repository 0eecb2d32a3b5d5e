import Foundation
import TevredenImport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A one-line progress bar on standard error for long imports.
///
/// It shows only when standard error is a terminal (never in a pipe or a log file) and only once the import has
/// run longer than a second, so short imports print nothing extra. It redraws at most ten times a second and
/// clears its line when done, so the report that follows starts on a clean line.
final class ProgressBar {
  private let isEnabled: Bool
  private let delay: Duration
  private let clock = ContinuousClock()
  private let start: ContinuousClock.Instant
  private var lastDraw: ContinuousClock.Instant?
  private var isShown = false

  /// - Parameter delay: How long an import runs before the bar appears.
  init(delay: Duration = .seconds(1), environment: [String: String] = ProcessInfo.processInfo.environment) {
    isEnabled = isatty(STDERR_FILENO) == 1 && environment["TERM"] != "dumb"
    self.delay = delay
    start = clock.now
  }

  /// Draws the bar for this progress, if it is time to.
  func update(_ progress: ImportProgress) {
    guard isEnabled else { return }
    let now = clock.now
    guard now - start >= delay else { return }
    if let lastDraw, now - lastDraw < .milliseconds(100) { return }
    lastDraw = now
    isShown = true
    FileHandle.standardError.write(Data(("\r" + Self.line(for: progress) + "\u{1B}[K").utf8))
  }

  /// Clears the bar's line.
  func finish() {
    guard isShown else { return }
    isShown = false
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }

  /// The text of the bar: file, a bar with the share of the file read (text files), rows so far.
  static func line(for progress: ImportProgress, width: Int = 24) -> String {
    var parts = ["importing \(progress.file)"]
    if progress.fileCount > 1 { parts.append("(file \(progress.fileIndex + 1) of \(progress.fileCount))") }
    if let read = progress.bytesRead, let size = progress.fileSize, size > 0 {
      let share = min(1, Double(read) / Double(size))
      let filled = Int((share * Double(width)).rounded(.down))
      parts.append(
        "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
          + "\(Int((share * 100).rounded(.down)))%")
    }
    parts.append("\(groupedThousands(progress.rows)) rows")
    return parts.joined(separator: " ")
  }

  /// 1234567 → "1,234,567".
  static func groupedThousands(_ number: Int) -> String {
    let digits = Array(String(number))
    var text = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
      text.append(digit)
    }
    return text
  }
}
