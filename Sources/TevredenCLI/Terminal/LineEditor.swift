import Foundation

/// A key read from a terminal in raw mode.
enum Key: Hashable, Sendable {
  case character(Character)
  case enter
  case backspace
  case delete
  case left
  case right
  case home
  case end
  /// Ctrl-U: clear the line.
  case clearLine
  /// Ctrl-C.
  case interrupt
  /// Ctrl-D.
  case endOfInput
  /// Escape on its own: the quick exit.
  case escape
  /// A key the editor does not use (arrows up and down, function keys).
  case ignored
}

/// Turns the bytes a terminal sends into keys: UTF-8 characters, control keys and ANSI escape sequences.
///
/// An escape byte followed by nothing within a short time is the Escape key itself; the caller tells that by
/// calling ``finishEscape()`` when no further byte arrives.
struct KeyDecoder {
  private var pending: [UInt8] = []

  /// Feeds one byte; returns the keys completed by it.
  mutating func feed(_ byte: UInt8) -> [Key] {
    pending.append(byte)
    if pending[0] == 0x1B { return decodeEscape() }
    if pending[0] < 0x80 {
      defer { pending.removeAll() }
      return [Self.control(pending[0])]
    }
    let expected =
      switch pending[0] {
      case 0xC0...0xDF: 2
      case 0xE0...0xEF: 3
      case 0xF0...0xF7: 4
      default: 1
      }
    guard pending.count >= expected else { return [] }
    defer { pending.removeAll() }
    guard let text = String(bytes: pending, encoding: .utf8), let character = text.first else { return [.ignored] }
    return [.character(character)]
  }

  /// Whether an escape sequence is waiting for more bytes.
  var isInEscape: Bool { pending.first == 0x1B }

  /// No byte followed an escape: it was the Escape key, or an incomplete sequence, which is dropped.
  mutating func finishEscape() -> [Key] {
    defer { pending.removeAll() }
    return pending == [0x1B] ? [.escape] : [.ignored]
  }

  private mutating func decodeEscape() -> [Key] {
    guard pending.count >= 2 else { return [] }
    if pending[1] == 0x1B {
      // Escape pressed twice: the first is the quick exit.
      pending.removeFirst()
      return [.escape]
    }
    guard pending[1] == UInt8(ascii: "[") || pending[1] == UInt8(ascii: "O") else {
      defer { pending.removeAll() }
      return [.ignored]
    }
    guard pending.count >= 3 else { return [] }
    let last = pending[pending.count - 1]
    // A CSI sequence ends with a byte in 0x40...0x7E.
    guard (0x40...0x7E).contains(last) else { return pending.count > 8 ? finishEscape() : [] }
    defer { pending.removeAll() }
    let body = String(decoding: pending.dropFirst(2), as: UTF8.self)
    switch body {
    case "D": return [.left]
    case "C": return [.right]
    case "H", "1~", "7~": return [.home]
    case "F", "4~", "8~": return [.end]
    case "3~": return [.delete]
    default: return [.ignored]
    }
  }

  private static func control(_ byte: UInt8) -> Key {
    switch byte {
    case 0x0D, 0x0A: .enter
    case 0x7F, 0x08: .backspace
    case 0x01: .home
    case 0x05: .end
    case 0x02: .left
    case 0x06: .right
    case 0x15: .clearLine
    case 0x03: .interrupt
    case 0x04: .endOfInput
    case 0x20...0x7E: .character(Character(Unicode.Scalar(byte)))
    default: .ignored
    }
  }
}

/// The line being typed: its characters and the cursor. Pure, so editing is tested without a terminal.
struct LineEditor: Hashable {
  private(set) var characters: [Character] = []
  private(set) var cursor = 0

  var text: String { String(characters) }

  /// What a key did to the line.
  enum Outcome: Hashable {
    case edited
    case submitted(String)
    case interrupted
    case endOfInput
    case quickExit
    case unchanged
  }

  mutating func apply(_ key: Key) -> Outcome {
    switch key {
    case .character(let character):
      characters.insert(character, at: cursor)
      cursor += 1
    case .backspace:
      guard cursor > 0 else { return .unchanged }
      cursor -= 1
      characters.remove(at: cursor)
    case .delete:
      guard cursor < characters.count else { return .unchanged }
      characters.remove(at: cursor)
    case .left:
      guard cursor > 0 else { return .unchanged }
      cursor -= 1
    case .right:
      guard cursor < characters.count else { return .unchanged }
      cursor += 1
    case .home: cursor = 0
    case .end: cursor = characters.count
    case .clearLine:
      characters.removeAll()
      cursor = 0
    case .enter:
      let line = text
      characters.removeAll()
      cursor = 0
      return .submitted(line)
    case .interrupt: return .interrupted
    case .endOfInput: return characters.isEmpty ? .endOfInput : .unchanged
    case .escape: return .quickExit
    case .ignored: return .unchanged
    }
    return .edited
  }
}
