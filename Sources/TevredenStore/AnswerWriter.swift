import TevredenCore

/// The start of each member of a definition's answers' JSON (``JSONObjectWriter/memberStart(_:)``: the quoted,
/// escaped key and its colon), all in one buffer: a response's answers copy each start from it byte by byte
/// rather than appending an array per answer.
struct MemberStarts: Sendable {
  private let bytes: [UInt8]
  /// Where each start ends in ``bytes``; the first begins at 0.
  private let ends: [Int]

  init(_ keys: [String]) {
    var bytes: [UInt8] = []
    var ends: [Int] = []
    for key in keys {
      bytes += JSONObjectWriter.memberStart(key)
      ends.append(bytes.count)
    }
    self.bytes = bytes
    self.ends = ends
  }

  var count: Int { ends.count }
  /// The longest start: what any one member's key can take.
  var longest: Int {
    var longest = 0
    var start = 0
    for end in ends {
      longest = max(longest, end - start)
      start = end
    }
    return longest
  }

  /// Calls `body` with the bytes of every start and the ends of each, in place.
  func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int>) -> Result) -> Result {
    bytes.withUnsafeBufferPointer { bytes in ends.withUnsafeBufferPointer { ends in body(bytes, ends) } }
  }
}

/// Writes the answers of responses held by position (``PositionalResponse``) as the two JSON objects a response
/// row stores, into memory kept from one response to the next: the same text as ``JSONObjectWriter`` writes, made
/// through a pointer instead of an array that checked its uniqueness and capacity at every byte, with each
/// member's key copied from ``MemberStarts`` and numbers and grades written as digits rather than made into
/// strings first. An import writes a million responses' answers; this was a tenth of its CPU time.
///
/// A writer belongs to one preparer on one thread; a copy gets memory of its own at its first use.
struct AnswerWriter: Sendable {
  private var values = ByteStorage(capacity: 512)
  private var missing = ByteStorage(capacity: 64)

  /// The answers, each under the start of its key: `positions` gives, per key of `starts`, the position of its
  /// question in `answers`. Open answers are masked on the way, as every path into the database masks them.
  mutating func write(_ answers: [Answer?], positions: [Int], starts: MemberStarts) -> StoredAnswers {
    if !isKnownUniquelyReferenced(&values) { values = ByteStorage(capacity: values.capacity) }
    if !isKnownUniquelyReferenced(&missing) { missing = ByteStorage(capacity: missing.capacity) }
    var valueBytes = ByteOutput(values)
    var missingBytes = ByteOutput(missing)
    var masked: [PersonalDataKind] = []
    let longestKey = starts.longest
    starts.withBytes { keyBytes, keyEnds in
      answers.withUnsafeBufferPointer { answers in
        positions.withUnsafeBufferPointer { positions in
          for index in 0..<min(keyEnds.count, positions.count) {
            let key = UnsafeBufferPointer(rebasing: keyBytes[(index == 0 ? 0 : keyEnds[index - 1])..<keyEnds[index]])
            switch answers[positions[index]] {
            case nil: continue
            case .missing(let code)?:
              missingBytes.beginMember(key, longestKey: longestKey)
              missingBytes.appendQuoted(code)
            case .value(let value)?:
              valueBytes.beginMember(key, longestKey: longestKey)
              switch value {
              case .yesNo(let yes): valueBytes.appendQuoted(yes ? CanonicalSpelling.yes : CanonicalSpelling.no)
              case .scalePoint(let number), .number(let number): valueBytes.appendQuoted(number)
              case .grade(let grade): valueBytes.appendQuoted(grade: grade)
              case .choices(let codes): valueBytes.appendQuoted(codes)
              case .text(let text):
                let result = IdentifierMasking.standard.mask(text)
                if !result.spans.isEmpty { masked += result.masked }
                valueBytes.appendQuoted(result.text)
              }
            }
          }
        }
      }
    }
    var stored = StoredAnswers(values: valueBytes.objectText, missing: missingBytes.objectText)
    stored.masked = masked
    values = valueBytes.storage
    missing = missingBytes.storage
    return stored
  }
}

/// Memory for ``ByteOutput``, freed with the last reference to it.
private final class ByteStorage: @unchecked Sendable {
  // @unchecked: the memory is only written through a ByteOutput made by a writer that holds the only reference.
  let pointer: UnsafeMutablePointer<UInt8>
  let capacity: Int

  init(capacity: Int) {
    self.capacity = capacity
    pointer = .allocate(capacity: capacity)
  }

  deinit { pointer.deallocate() }
}

/// A JSON object's bytes being written: room is made (``reserve(_:)``) before each member, whose bytes are then
/// stored without a check each.
private struct ByteOutput {
  private(set) var storage: ByteStorage
  private var pointer: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var count = 0

  init(_ storage: ByteStorage) {
    self.storage = storage
    pointer = storage.pointer
    capacity = storage.capacity
  }

  /// The object's text: `{}` when nothing was written.
  var objectText: String {
    guard count > 0 else { return "{}" }
    return String(unsafeUninitializedCapacity: count + 1) { text in
      let (_, end) = text.initialize(from: UnsafeBufferPointer(start: pointer, count: count))
      text[end] = UInt8(ascii: "}")
      return end + 1
    }
  }

  private mutating func reserve(_ extra: Int) {
    guard count + extra > capacity else { return }
    let larger = ByteStorage(capacity: max(capacity * 2, count + extra))
    larger.pointer.initialize(from: pointer, count: count)
    storage = larger
    pointer = larger.pointer
    capacity = larger.capacity
  }

  private mutating func put(_ byte: UInt8) {
    pointer[count] = byte
    count += 1
  }

  /// The opening brace or a comma, and the member's key with its colon; with room for a value of up to 24 bytes.
  mutating func beginMember(_ key: UnsafeBufferPointer<UInt8>, longestKey: Int) {
    reserve(longestKey + 32)
    put(count == 0 ? UInt8(ascii: "{") : UInt8(ascii: ","))
    for byte in key { put(byte) }
  }

  /// `String(number)` in quotes.
  mutating func appendQuoted(_ number: Int) {
    put(UInt8(ascii: "\""))
    if number >= 0, number < 10 {
      put(UInt8(ascii: "0") + UInt8(number))
    } else {
      if number < 0 { put(UInt8(ascii: "-")) }
      appendDigits(number.magnitude)
    }
    put(UInt8(ascii: "\""))
  }

  /// ``AnswerValue/format(grade:)`` in quotes: a whole number, or the tenths written with a point.
  mutating func appendQuoted(grade: Double) {
    let tenths = (grade * 10).rounded()
    // Beyond whole numbers an Int holds, the text as the answer gives it (a grade is 1-10; no such grade is stored).
    guard tenths.isFinite, abs(tenths) < 1e15 else {
      appendQuoted(AnswerValue.grade(grade).canonicalText)
      return
    }
    let rounded = tenths / 10
    if rounded == rounded.rounded() {
      appendQuoted(Int(rounded))
      return
    }
    let whole = Int(tenths.magnitude)
    put(UInt8(ascii: "\""))
    if tenths < 0 { put(UInt8(ascii: "-")) }
    appendDigits(UInt(whole / 10))
    put(UInt8(ascii: "."))
    put(UInt8(ascii: "0") + UInt8(whole % 10))
    put(UInt8(ascii: "\""))
  }

  /// The number's decimal digits, written from the last and then turned around.
  private mutating func appendDigits(_ number: UInt) {
    var rest = number
    let start = count
    repeat {
      put(UInt8(ascii: "0") + UInt8(rest % 10))
      rest /= 10
    } while rest > 0
    var low = start
    var high = count - 1
    while low < high {
      let byte = pointer[low]
      pointer[low] = pointer[high]
      pointer[high] = byte
      low += 1
      high -= 1
    }
  }

  /// The codes joined by ``CanonicalSpelling/choiceSeparator``, in quotes.
  mutating func appendQuoted(_ codes: [String]) {
    var length = 2
    for code in codes { length += code.utf8.count * 6 + 1 }
    reserve(length)
    put(UInt8(ascii: "\""))
    for (offset, code) in codes.enumerated() {
      if offset > 0 { put(UInt8(ascii: ";")) }
      appendEscaped(code)
    }
    put(UInt8(ascii: "\""))
  }

  /// A JSON string.
  mutating func appendQuoted(_ text: String) {
    reserve(text.utf8.count * 6 + 2)
    put(UInt8(ascii: "\""))
    appendEscaped(text)
    put(UInt8(ascii: "\""))
  }

  /// The text escaped as ``JSONObjectWriter`` escapes it; room for six bytes per byte of it was made.
  private mutating func appendEscaped(_ text: String) {
    var text = text
    text.withUTF8 { utf8 in
      for byte in utf8 {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
          put(UInt8(ascii: "\\"))
          put(byte)
        case UInt8(ascii: "\n"):
          put(UInt8(ascii: "\\"))
          put(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"):
          put(UInt8(ascii: "\\"))
          put(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"):
          put(UInt8(ascii: "\\"))
          put(UInt8(ascii: "t"))
        case 0..<0x20:
          let hex: StaticString = "0123456789abcdef"
          put(UInt8(ascii: "\\"))
          put(UInt8(ascii: "u"))
          put(UInt8(ascii: "0"))
          put(UInt8(ascii: "0"))
          put(hex.utf8Start[Int(byte >> 4)])
          put(hex.utf8Start[Int(byte & 0xF)])
        default: put(byte)
        }
      }
    }
  }
}
