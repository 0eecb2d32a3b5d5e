import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What reading one line of input gave.
enum LineEvent: Hashable {
  case line(String)
  /// End of input (a pipe ran dry, or Ctrl-D on an empty line).
  case endOfInput
  /// Ctrl-C in a terminal.
  case interrupt
  /// Escape in a terminal: the quick exit.
  case quickExit
}

/// The answer to a yes/no question (``Console/confirm(prompt:)``).
enum Confirmation: Hashable {
  case yes
  case no
  /// Escape in a terminal: the quick exit.
  case quickExit
}

/// The size of a terminal, in character cells.
struct TerminalSize: Hashable {
  var rows: Int
  var columns: Int
  /// What a terminal that does not tell its size is taken to be.
  static let fallback = TerminalSize(rows: 24, columns: 80)
}

/// Text styles; plain text when colours are off.
enum TextStyle: String {
  case bold = "1"
  case dim = "2"
  case red = "31"
  case green = "32"
  case yellow = "33"
  case cyan = "36"
}

/// Where the interview runner reads and writes: a real terminal (raw mode, line editing, colours) or a pipe
/// (plain lines, no escape codes).
protocol Console: AnyObject {
  /// Whether the screen can be cleared (a real terminal).
  var isTerminal: Bool { get }
  func write(_ text: String)
  func readLine(prompt: String) -> LineEvent
  /// Asks a yes/no question: in a terminal one key answers it (*j* or *n*, no Enter needed), and whatever is
  /// typed after that answer is kept for the next line; from a pipe a line that is *j* or *ja* says yes.
  func confirm(prompt: String) -> Confirmation
  /// The terminal's size now, or `nil` for a pipe.
  var size: TerminalSize? { get }
  /// Clears the screen and the scrollback at once, leaving an empty screen.
  func clearScreen()
  /// Puts the terminal back as it was.
  func restore()
  func style(_ text: String, _ style: TextStyle) -> String
}

#if canImport(Glibc)
  private let posixWrite = Glibc.write
  private let posixRead = Glibc.read
#elseif canImport(Darwin)
  private let posixWrite = Darwin.write
  private let posixRead = Darwin.read
#endif

/// Writes straight to the file descriptor, unbuffered, so a prompt is visible before input is read.
func writeOut(_ text: String) {
  var bytes = Array(text.utf8)
  var offset = 0
  while offset < bytes.count {
    let written = bytes.withUnsafeMutableBytes { buffer in
      posixWrite(STDOUT_FILENO, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
    }
    if written <= 0 {
      if errno == EINTR { continue }
      return
    }
    offset += written
  }
  bytes.removeAll()
}

/// Plain lines from standard input: for pipes, files and scripted entry.
final class PipeConsole: Console {
  var isTerminal: Bool { false }

  func write(_ text: String) { writeOut(text) }

  func readLine(prompt: String) -> LineEvent {
    writeOut(prompt)
    guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
    // A line ending in CR (from Windows) keeps no stray character.
    return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
  }

  func confirm(prompt: String) -> Confirmation {
    guard case .line(let line) = readLine(prompt: prompt) else { return .no }
    return ["j", "ja"].contains(line.trimmingCharacters(in: .whitespaces).lowercased()) ? .yes : .no
  }

  var size: TerminalSize? { nil }

  func clearScreen() {}
  func restore() {}
  func style(_ text: String, _ style: TextStyle) -> String { text }
}

/// A real terminal in raw mode: keys are read one by one, so the line can be edited (arrows, Home/End,
/// Backspace, Delete, Ctrl-U), Escape is the quick exit without Enter, and Ctrl-C is a key, not a signal.
final class TerminalConsole: Console {
  let isTerminal = true
  private let colours: Bool
  private let original: termios
  private var decoder = KeyDecoder()
  /// Keys read but not used yet: typed ahead, or decoded together from one byte.
  private var pendingKeys: [Key] = []
  /// Set after *j* or *n* answered ``confirm(prompt:)``: an Enter typed right after it belongs to that answer,
  /// not to the next line (where it would keep an answer and move on).
  private var dropsEnterAfterConfirmation = false

  /// Switches standard input to raw mode; `nil` if it is not a terminal.
  init?(colours: Bool) {
    var settings = termios()
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1, tcgetattr(STDIN_FILENO, &settings) == 0 else {
      return nil
    }
    self.original = settings
    self.colours = colours
    settings.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
    settings.c_iflag &= ~tcflag_t(IXON | ICRNL | BRKINT | INPCK | ISTRIP)
    withUnsafeMutableBytes(of: &settings.c_cc) { bytes in
      bytes[Int(VMIN)] = 1
      bytes[Int(VTIME)] = 0
    }
    // TCSANOW, not TCSAFLUSH: keys typed while the interview starts are kept, not thrown away.
    guard tcsetattr(STDIN_FILENO, TCSANOW, &settings) == 0 else { return nil }
  }

  var size: TerminalSize? {
    var window = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0, window.ws_col > 0 else {
      return .fallback
    }
    return TerminalSize(rows: Int(window.ws_row), columns: Int(window.ws_col))
  }

  deinit { restore() }

  /// The settings to put back from a signal handler.
  var originalSettings: termios { original }

  func write(_ text: String) { writeOut(text) }

  func restore() {
    var settings = original
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &settings)
  }

  func clearScreen() {
    writeOut("\u{1B}[3J\u{1B}[2J\u{1B}[H")
  }

  func style(_ text: String, _ style: TextStyle) -> String {
    colours ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
  }

  func readLine(prompt: String) -> LineEvent {
    var editor = LineEditor()
    redraw(prompt: prompt, editor: editor)
    while true {
      guard let key = nextKey() else {
        writeOut("\r\n")
        return .endOfInput
      }
      if dropsEnterAfterConfirmation {
        dropsEnterAfterConfirmation = false
        if key == .enter { continue }
      }
      switch editor.apply(key) {
      case .submitted(let line):
        writeOut("\r\n")
        return .line(line)
      case .interrupted:
        writeOut("^C\r\n")
        return .interrupt
      case .endOfInput:
        writeOut("\r\n")
        return .endOfInput
      case .quickExit: return .quickExit
      case .edited: redraw(prompt: prompt, editor: editor)
      case .unchanged: break
      }
    }
  }

  func confirm(prompt: String) -> Confirmation {
    writeOut("\r\u{1B}[K" + style(prompt, .cyan))
    while true {
      guard let key = nextKey() else {
        writeOut("\r\n")
        return .no
      }
      switch key {
      case .character("j"), .character("J"):
        writeOut("j\r\n")
        dropsEnterAfterConfirmation = true
        return .yes
      case .character("n"), .character("N"):
        writeOut("n\r\n")
        dropsEnterAfterConfirmation = true
        return .no
      case .escape:
        return .quickExit
      case .ignored:
        continue
      case .character:
        // Not an answer to this question but the start of one to the interview's: kept for the next line.
        writeOut("\r\n")
        pendingKeys.insert(key, at: 0)
        return .no
      case .enter, .interrupt, .endOfInput, .backspace, .delete, .left, .right, .home, .end, .clearLine:
        writeOut("\r\n")
        return .no
      }
    }
  }

  /// The next key: one read earlier and not used yet, or the next one typed.
  private func nextKey() -> Key? {
    while pendingKeys.isEmpty {
      guard let byte = readByte(timeoutMilliseconds: decoder.isInEscape ? 60 : -1) else {
        guard decoder.isInEscape else { return nil }
        pendingKeys += decoder.finishEscape()
        continue
      }
      pendingKeys += decoder.feed(byte)
    }
    return pendingKeys.removeFirst()
  }

  private func redraw(prompt: String, editor: LineEditor) {
    var line = "\r\u{1B}[K" + style(prompt, .cyan) + editor.text
    let behind = editor.characters.count - editor.cursor
    if behind > 0 { line += "\u{1B}[\(behind)D" }
    writeOut(line)
  }

  /// One byte from standard input; `nil` at end of input or when `timeoutMilliseconds` (if not -1) passes.
  private func readByte(timeoutMilliseconds: Int32) -> UInt8? {
    if timeoutMilliseconds >= 0 {
      var poller = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
      while true {
        let ready = poll(&poller, 1, timeoutMilliseconds)
        if ready < 0, errno == EINTR { continue }
        if ready <= 0 { return nil }
        break
      }
    }
    var byte: UInt8 = 0
    while true {
      let count = posixRead(STDIN_FILENO, &byte, 1)
      if count == 1 { return byte }
      if count < 0, errno == EINTR { continue }
      return nil
    }
  }
}
