import Foundation

/// A lookup of lower-case words that spares the common case its string hashing: an import masks every open answer,
/// and each word of it was looked up in a `Dictionary<String, …>` and hashed with SipHash, most of them not there.
///
/// Only ASCII words are looked up here; a word with any other character goes to the dictionary as before. An ASCII
/// word equals a listed string (as Swift compares strings, by canonical equivalence) exactly when it has the bytes
/// of that string's canonical decomposition, so the table holds each entry's decomposition when it is ASCII. A word
/// of at most eight bytes is its own key, packed into an integer, and what the table answers for it is final. A
/// longer word is keyed by a 64-bit hash of its bytes: a miss proves it is not listed, a hit is confirmed by the
/// caller in the dictionary.
struct ASCIIWordTable {
  /// A word's key: its bytes packed (at most eight) or hashed (more), and its length.
  struct Key: Equatable {
    var bits: UInt64 = 0
    var length = 0

    /// Whether the key is the word itself rather than a hash of it.
    var isExact: Bool { length <= 8 }

    /// The key of the bytes appended so far and `byte` after them (an ASCII byte).
    mutating func append(_ byte: UInt8) {
      if length < 8 {
        bits |= UInt64(byte) << (8 * UInt64(length))
      } else {
        if length == 8 { bits = Self.hash(packed: bits) }
        bits = (bits ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
      }
      length += 1
    }

    /// FNV-1a of the eight bytes packed so far, to carry on from there.
    private static func hash(packed: UInt64) -> UInt64 {
      var hash: UInt64 = 0xCBF2_9CE4_8422_2325
      for shift in stride(from: UInt64(0), to: 64, by: 8) {
        hash = (hash ^ (packed >> shift & 0xFF)) &* 0x0000_0100_0000_01B3
      }
      return hash
    }

    /// The key of an ASCII string, or `nil` when it holds any other character.
    init?(_ text: String) {
      for byte in text.utf8 {
        guard byte < 0x80 else { return nil }
        append(byte)
      }
    }

    /// The key of two ASCII words joined by a space ("den helder"), or `nil`.
    init?(_ first: String, _ second: String) {
      for byte in first.utf8 {
        guard byte < 0x80 else { return nil }
        append(byte)
      }
      append(0x20)
      for byte in second.utf8 {
        guard byte < 0x80 else { return nil }
        append(byte)
      }
    }

    init() {}
  }

  private var keys: [UInt64]
  private var lengths: [Int]
  private var values: [UInt32]
  private let mask: Int

  /// The entries' values are joined with `|` where two entries share a key.
  init(_ entries: [(String, UInt32)]) {
    var size = 64
    while size < entries.count * 4 { size *= 2 }
    mask = size - 1
    keys = Array(repeating: 0, count: size)
    lengths = Array(repeating: 0, count: size)
    values = Array(repeating: 0, count: size)
    for (text, value) in entries {
      // Keyed by its canonical decomposition: an ASCII word equals the entry exactly when it has those bytes (an
      // ASCII text is its own decomposition). An entry whose decomposition is not ASCII equals no ASCII word.
      guard let key = Key(text.decomposedStringWithCanonicalMapping) else { continue }
      var slot = Self.slot(key, mask)
      while lengths[slot] != 0, keys[slot] != key.bits || lengths[slot] != key.length { slot = (slot + 1) & mask }
      keys[slot] = key.bits
      lengths[slot] = key.length
      values[slot] |= value
    }
  }

  private static func slot(_ key: Key, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: (key.bits &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
  }

  /// The value for a word's key: 0 when it is not listed (final for every key), otherwise the listed value (final
  /// for an exact key; for a hashed one the word may still be another with the same hash).
  func value(_ key: Key) -> UInt32 {
    var slot = Self.slot(key, mask)
    while lengths[slot] != 0 {
      if keys[slot] == key.bits && lengths[slot] == key.length { return values[slot] }
      slot = (slot + 1) & mask
    }
    return 0
  }

  /// The value for an ASCII word's key, asking `lookUp` (the dictionary the table was made from) only where the
  /// table cannot answer alone: a long word whose hash is listed.
  func value(_ key: Key, orElse lookUp: () -> UInt32) -> UInt32 {
    let value = value(key)
    return value == 0 || key.isExact ? value : lookUp()
  }
}
