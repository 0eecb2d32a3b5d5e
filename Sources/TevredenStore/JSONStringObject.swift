/// Reads a JSON object whose values are all strings: the `answers` and `missing` columns of a response row.
///
/// The objects are written by ``JSONObjectWriter`` but also changed by SQLite's `json_set`/`json_remove`, so any
/// such object is read, with every escape and any whitespace. It reads the UTF-8 bytes as they are, without
/// Foundation: `JSONSerialization` turned every object into an `NSDictionary` of bridged strings first, which was
/// most of the time of an export.
///
/// It accepts what `JSONSerialization.jsonObject(with:) as? [String: String]` accepts, so that a database readable
/// before stays readable: whitespace (space, tab, line feed, carriage return) between tokens, one UTF-8 byte order
/// mark at the start, and one comma after the last member (`{"a":"b",}`), which `JSONSerialization` lets through.
/// A key that appears twice keeps its last value, as there. It refuses what `JSONSerialization` refuses: a value
/// that is not a string, an unescaped control character in a string, an unknown escape, a lone or reversed UTF-16
/// surrogate in `\u` escapes, and anything after the closing brace. Bytes that are not UTF-8 inside a string are
/// read as U+FFFD (by `String(decoding:as:)`), as reading the column into a `String` first did.
///
/// One difference, on purpose: a U+FEFF written as it is (not as `\ufeff`) at the start of a string or right after
/// an escape is kept, where `JSONSerialization` drops it (it decodes each unescaped run as a document that may start
/// with a byte order mark). ``JSONObjectWriter`` writes it unescaped, so an open answer starting with one lost it.
struct JSONStringObjectReader {
  /// Unescaped keys and values when they held escapes; a string without escapes is passed in place.
  private var keyScratch: [UInt8] = []
  private var valueScratch: [UInt8] = []

  /// Calls `member` with each member's key and value as unescaped UTF-8 bytes (valid during the call only), in the
  /// order written. Returns `false`, possibly after some members were passed, when `text` is not an object of
  /// strings.
  mutating func read(
    _ text: UnsafeBufferPointer<UInt8>,
    member: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) throws -> Void
  ) rethrows -> Bool {
    let count = text.count
    var index = 0
    if count >= 3, text[0] == 0xEF, text[1] == 0xBB, text[2] == 0xBF { index = 3 }
    func skipSpace() {
      while index < count {
        switch text[index] {
        case 0x20, 0x09, 0x0A, 0x0D: index += 1
        default: return
        }
      }
    }
    skipSpace()
    guard index < count, text[index] == UInt8(ascii: "{") else { return false }
    index += 1
    skipSpace()
    if index < count, text[index] == UInt8(ascii: "}") {
      index += 1
    } else {
      while true {
        guard let key = Self.string(text, at: &index, scratch: &keyScratch) else { return false }
        skipSpace()
        guard index < count, text[index] == UInt8(ascii: ":") else { return false }
        index += 1
        skipSpace()
        guard let value = Self.string(text, at: &index, scratch: &valueScratch) else { return false }
        try withBytes(key, in: text, keyScratch) { key in
          try withBytes(value, in: text, valueScratch) { value in try member(key, value) }
        }
        skipSpace()
        guard index < count else { return false }
        if text[index] == UInt8(ascii: "}") {
          index += 1
          break
        }
        guard text[index] == UInt8(ascii: ",") else { return false }
        index += 1
        skipSpace()
        if index < count, text[index] == UInt8(ascii: "}") {
          index += 1
          break
        }
      }
    }
    skipSpace()
    return index == count
  }

  /// Where a string's bytes are: a range of the text, or all of the scratch buffer.
  private enum Place {
    case text(Range<Int>)
    case scratch
  }

  private func withBytes<Result>(
    _ place: Place, in text: UnsafeBufferPointer<UInt8>, _ scratch: [UInt8],
    _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    switch place {
    case .text(let range): try body(UnsafeBufferPointer(rebasing: text[range]))
    case .scratch: try scratch.withUnsafeBufferPointer(body)
    }
  }

  /// The string starting at `index` (its opening quote), leaving `index` after the closing quote.
  private static func string(_ text: UnsafeBufferPointer<UInt8>, at index: inout Int, scratch: inout [UInt8])
    -> Place?
  {
    let count = text.count
    guard index < count, text[index] == UInt8(ascii: "\"") else { return nil }
    index += 1
    let start = index
    // Nearly every string has no escape: found whole in place.
    while index < count {
      let byte = text[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return .text(start..<index - 1)
      }
      if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
      index += 1
    }
    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index]))
    while index < count {
      let byte = text[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""): return .scratch
      case 0..<0x20: return nil
      case UInt8(ascii: "\\"):
        guard index < count else { return nil }
        let escape = text[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escape)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
          guard let unit = hex4(text, at: &index) else { return nil }
          var scalar = UInt32(unit)
          if (0xD800..<0xDC00).contains(unit) {
            guard index + 1 < count, text[index] == UInt8(ascii: "\\"), text[index + 1] == UInt8(ascii: "u") else {
              return nil
            }
            index += 2
            guard let low = hex4(text, at: &index), (0xDC00..<0xE000).contains(low) else { return nil }
            scalar = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(low - 0xDC00)
          } else if (0xDC00..<0xE000).contains(unit) {
            return nil
          }
          guard let valid = Unicode.Scalar(scalar) else { return nil }
          UTF8.encode(valid) { scratch.append($0) }
        default: return nil
        }
      default: scratch.append(byte)
      }
    }
    return nil
  }

  private static func hex4(_ text: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt16? {
    guard index + 4 <= text.count else { return nil }
    var value: UInt16 = 0
    for offset in 0..<4 {
      let byte = text[index + offset]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: return nil
      }
      value = value << 4 | UInt16(digit)
    }
    index += 4
    return value
  }
}

extension JSONStringObjectReader {
  /// The object's members in the order written, or `nil` when `text` is not a JSON object of strings.
  static func members(_ text: String) -> [(key: String, value: String)]? {
    var text = text
    return text.withUTF8 { bytes -> [(key: String, value: String)]? in
      var reader = JSONStringObjectReader()
      var members: [(key: String, value: String)] = []
      let complete = reader.read(bytes) { key, value in
        members.append((String(decoding: key, as: UTF8.self), String(decoding: value, as: UTF8.self)))
      }
      return complete ? members : nil
    }
  }

  /// The object as a dictionary (a key given twice keeps its last value), or `nil` when `text` is not a JSON
  /// object of strings: what `JSONSerialization.jsonObject(with:) as? [String: String]` gives.
  static func dictionary(_ text: String) -> [String: String]? {
    guard let members = members(text) else { return nil }
    var dictionary: [String: String] = [:]
    dictionary.reserveCapacity(members.count)
    for (key, value) in members { dictionary[key] = value }
    return dictionary
  }
}
