import TevredenCore

/// Right-to-left text (Arabic, Persian, Hebrew, …) on a terminal line that also holds left-to-right text: the
/// interviewer's keys, numbers, Dutch words.
///
/// A terminal that implements the Unicode bidirectional algorithm lays out each line as a paragraph. Arabic placed
/// in it bare would reorder its neighbours: the option number `1` beside an Arabic label, or a full stop at the end
/// of a question, jumps to the other side. Each right-to-left text is therefore wrapped in a directional isolate,
/// U+2067 RIGHT-TO-LEFT ISOLATE … U+2069 POP DIRECTIONAL ISOLATE, per line (an isolate ends at a line break): the
/// text is laid out right to left inside, and the rest of the line does not move. A text that may be in either
/// direction (an answer as typed, which may be Dutch) gets U+2068 FIRST STRONG ISOLATE instead, which takes the
/// direction of its first letter. A terminal without bidirectional layout shows the isolates as nothing: they are
/// format characters of zero width, which ``width(_:)`` does not count.
enum BidiText {
  static let rightToLeftIsolate: Character = "\u{2067}"
  static let firstStrongIsolate: Character = "\u{2068}"
  static let popDirectionalIsolate: Character = "\u{2069}"

  /// The text with each of its lines isolated right to left, when `rightToLeft`; else as it is.
  static func isolated(_ text: String, rightToLeft: Bool) -> String {
    guard rightToLeft else { return text }
    return wrap(text, in: rightToLeftIsolate)
  }

  /// The text with each of its lines isolated in the direction of its first letter, when `rightToLeft` (the line
  /// is on a screen of a right-to-left language); else as it is.
  static func firstStrongIsolated(_ text: String, rightToLeft: Bool) -> String {
    guard rightToLeft else { return text }
    return wrap(text, in: firstStrongIsolate)
  }

  private static func wrap(_ text: String, in isolate: Character) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.isEmpty ? "" : String(isolate) + line + String(popDirectionalIsolate)
    }.joined(separator: "\n")
  }

  /// Whether a character is a directional format character (marks, embeddings, overrides, isolates): zero width.
  static func isDirectionalFormat(_ character: Character) -> Bool {
    guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return false }
    switch scalar.value {
    case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  /// The columns a text takes on a terminal: its characters (grapheme clusters, so an Arabic letter with its vowel
  /// marks is one) without the directional format characters.
  static func width(_ text: String) -> Int {
    text.reduce(0) { $0 + (isDirectionalFormat($1) ? 0 : 1) }
  }
}
