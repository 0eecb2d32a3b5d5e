import Foundation

/// The text encodings exports come in.
public enum TextEncoding: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
  /// UTF-8, with or without a byte order mark (plain ASCII counts as UTF-8).
  case utf8 = "UTF-8"
  /// UTF-16 little-endian: what Excel writes as "Unicode text".
  case utf16LittleEndian = "UTF-16LE"
  /// UTF-16 big-endian.
  case utf16BigEndian = "UTF-16BE"
  /// Windows-1252 (Western European "ANSI"): what Excel on Windows writes as plain "CSV".
  case windows1252 = "Windows-1252"

  /// The conventional name, as in the raw value.
  public var description: String { rawValue }

  /// Whether ASCII characters are single bytes, so delimiters and line breaks can be found in the raw bytes.
  var isASCIICompatible: Bool {
    switch self {
    case .utf8, .windows1252: true
    case .utf16LittleEndian, .utf16BigEndian: false
    }
  }
}

/// The encoding found at the start of a file, and whether it announced itself with a byte order mark.
public struct EncodingDetection: Hashable, Sendable {
  /// The encoding of the text.
  public var encoding: TextEncoding
  /// Whether the bytes start with a byte order mark.
  public var hasBOM: Bool

  /// Creates a detection result.
  public init(encoding: TextEncoding, hasBOM: Bool) {
    self.encoding = encoding
    self.hasBOM = hasBOM
  }

  /// The length in bytes of the byte order mark, or 0.
  public var bomLength: Int {
    guard hasBOM else { return 0 }
    return encoding == .utf8 ? 3 : 2
  }
}

/// A whole text decoded, with the encoding that was found.
public struct DecodedText: Hashable, Sendable {
  /// The text, without a byte order mark.
  public var text: String
  /// The encoding the bytes were in.
  public var encoding: TextEncoding
  /// Whether the bytes started with a byte order mark.
  public var hasBOM: Bool

  /// Creates a result.
  public init(text: String, encoding: TextEncoding, hasBOM: Bool) {
    self.text = text
    self.encoding = encoding
    self.hasBOM = hasBOM
  }
}

/// Detects the encoding of export files and converts text to UTF-8, a chunk at a time.
///
/// Detection, in order: a byte order mark (UTF-8, UTF-16 LE/BE); NUL bytes in every other position
/// (UTF-16 without a mark); other NUL bytes or many control characters (binary: an error); bytes that
/// are valid UTF-8 (UTF-8); anything else is taken as Windows-1252, which Dutch Excel writes and
/// which can decode every byte.
///
/// A decoder instance converts a stream: feed it chunks with ``decode(_:into:)`` and end with
/// ``finish(into:)``. Sequences split between chunks (a UTF-8 character, a UTF-16 code unit or a
/// surrogate pair) are kept until the next chunk completes them.
public struct TextDecoder: Sendable {
  /// The encoding being converted from.
  public let encoding: TextEncoding
  /// Bytes of an incomplete sequence at the end of the previous chunk.
  private var carry: [UInt8] = []
  /// A UTF-16 high surrogate waiting for its low half.
  private var pendingHighSurrogate: UInt16?

  /// Creates a decoder for one stream in `encoding`. A byte order mark must already be skipped.
  public init(encoding: TextEncoding) {
    self.encoding = encoding
  }

  // MARK: Detection

  /// Detects the encoding of a file from its first bytes.
  ///
  /// - Parameters:
  ///   - sample: The first bytes of the file (64 KiB are plenty).
  ///   - isComplete: Whether `sample` is the whole file; if not, a sequence cut off at its end is not
  ///     counted against UTF-8.
  ///   - file: The file name for the error message.
  /// - Throws: ``TableReadError/binaryFile(file:)`` if the bytes do not look like text.
  public static func detectEncoding(
    in sample: some Collection<UInt8>, isComplete: Bool, file: String
  ) throws(TableReadError) -> EncodingDetection {
    let bytes = Array(sample)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return EncodingDetection(encoding: .utf8, hasBOM: true) }
    if bytes.starts(with: [0xFF, 0xFE]) { return EncodingDetection(encoding: .utf16LittleEndian, hasBOM: true) }
    if bytes.starts(with: [0xFE, 0xFF]) { return EncodingDetection(encoding: .utf16BigEndian, hasBOM: true) }
    if let utf16 = utf16WithoutBOM(bytes) { return EncodingDetection(encoding: utf16, hasBOM: false) }
    if looksBinary(bytes) { throw .binaryFile(file: file) }
    let encoding: TextEncoding = isValidUTF8(bytes, allowingTruncatedEnd: !isComplete) ? .utf8 : .windows1252
    return EncodingDetection(encoding: encoding, hasBOM: false)
  }

  /// Detects the encoding of `bytes` and decodes all of them.
  ///
  /// - Parameters:
  ///   - bytes: A whole file.
  ///   - encoding: The encoding to use instead of detecting it; a matching byte order mark is still skipped.
  ///   - file: The file name for messages.
  public static func decode(
    _ bytes: some Collection<UInt8>, encoding: TextEncoding? = nil, file: String = "<text>"
  ) throws(TableReadError) -> DecodedText {
    let all = Array(bytes)
    let detection =
      if let encoding {
        given(encoding, sample: all)
      } else {
        try detectEncoding(in: all, isComplete: true, file: file)
      }
    var decoder = TextDecoder(encoding: detection.encoding)
    var output: [UInt8] = []
    output.reserveCapacity(all.count + all.count / 2)
    decoder.decode(all[detection.bomLength...], into: &output)
    decoder.finish(into: &output)
    return DecodedText(
      text: String(decoding: output, as: UTF8.self), encoding: detection.encoding, hasBOM: detection.hasBOM)
  }

  /// The detection result for an encoding the user chose: it has a byte order mark if the sample starts
  /// with that encoding's mark.
  static func given(_ encoding: TextEncoding, sample: some Collection<UInt8>) -> EncodingDetection {
    let mark: [UInt8] =
      switch encoding {
      case .utf8: [0xEF, 0xBB, 0xBF]
      case .utf16LittleEndian: [0xFF, 0xFE]
      case .utf16BigEndian: [0xFE, 0xFF]
      case .windows1252: []
      }
    return EncodingDetection(encoding: encoding, hasBOM: !mark.isEmpty && sample.starts(with: mark))
  }

  /// UTF-16 without a byte order mark: text in the Latin range has a zero byte in every other position.
  static func utf16WithoutBOM(_ bytes: [UInt8]) -> TextEncoding? {
    let pairs = bytes.count / 2
    guard pairs >= 2 else { return nil }
    var zeroAtEven = 0
    var zeroAtOdd = 0
    for index in 0..<(pairs * 2) where bytes[index] == 0 {
      if index % 2 == 0 { zeroAtEven += 1 } else { zeroAtOdd += 1 }
    }
    if zeroAtOdd * 2 >= pairs && zeroAtEven * 10 < pairs { return .utf16LittleEndian }
    if zeroAtEven * 2 >= pairs && zeroAtOdd * 10 < pairs { return .utf16BigEndian }
    return nil
  }

  /// NUL bytes, or control characters other than tab, line breaks, form feed and the old DOS end-of-file
  /// mark in more than 1% of the bytes.
  static func looksBinary(_ bytes: [UInt8]) -> Bool {
    var controls = 0
    for byte in bytes where byte < 0x20 || byte == 0x7F {
      switch byte {
      case 0x00: return true
      case 0x09, 0x0A, 0x0C, 0x0D, 0x1A: continue
      default: controls += 1
      }
    }
    return controls * 100 > bytes.count
  }

  /// Whether `bytes` are well-formed UTF-8; with `allowingTruncatedEnd`, a sequence cut off at the very end
  /// is accepted.
  static func isValidUTF8(_ bytes: some RandomAccessCollection<UInt8>, allowingTruncatedEnd: Bool = false) -> Bool {
    var index = 0
    while index < bytes.count {
      switch utf8SequenceLength(bytes, at: index) {
      case .valid(let length): index += length
      case .truncated: return allowingTruncatedEnd
      case .invalid: return false
      }
    }
    return true
  }

  enum UTF8Sequence {
    case valid(Int)
    case truncated
    case invalid
  }

  /// Classifies the UTF-8 sequence starting at `index` (Unicode Table 3-7: no overlong forms, no surrogates).
  static func utf8SequenceLength(_ bytes: some RandomAccessCollection<UInt8>, at index: Int) -> UTF8Sequence {
    let start = bytes.index(bytes.startIndex, offsetBy: index)
    let lead = bytes[start]
    if lead < 0x80 { return .valid(1) }
    let length: Int
    var secondRange: ClosedRange<UInt8> = 0x80...0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      secondRange = 0xA0...0xBF
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      secondRange = 0x80...0x9F
    case 0xF0:
      length = 4
      secondRange = 0x90...0xBF
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      secondRange = 0x80...0x8F
    default: return .invalid
    }
    let available = bytes.count - index
    for offset in 1..<length {
      guard offset < available else { return .truncated }
      let byte = bytes[bytes.index(start, offsetBy: offset)]
      let range = offset == 1 ? secondRange : 0x80...0xBF
      if !range.contains(byte) { return .invalid }
    }
    return .valid(length)
  }

  // MARK: Streaming conversion

  /// Converts one chunk to UTF-8 and appends it to `output`. An incomplete sequence at the end is kept.
  ///
  /// Invalid input (bad UTF-8, an unpaired UTF-16 surrogate) becomes U+FFFD.
  public mutating func decode(_ chunk: some Collection<UInt8>, into output: inout [UInt8]) {
    let done: Void? = chunk.withContiguousStorageIfAvailable { bytes in decode(buffer: bytes, into: &output) }
    if done == nil {
      Array(chunk).withUnsafeBufferPointer { bytes in decode(buffer: bytes, into: &output) }
    }
  }

  private mutating func decode(buffer chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
    switch encoding {
    case .utf8: decodeUTF8(chunk, into: &output)
    case .windows1252:
      output.reserveCapacity(output.count + chunk.count * 2)
      for byte in chunk { Self.appendWindows1252(byte, to: &output) }
    case .utf16LittleEndian, .utf16BigEndian: decodeUTF16(chunk, into: &output)
    }
  }

  /// Ends the stream: an incomplete sequence left over becomes U+FFFD.
  public mutating func finish(into output: inout [UInt8]) {
    if !carry.isEmpty || pendingHighSurrogate != nil {
      output.append(contentsOf: Self.replacementCharacter)
    }
    carry = []
    pendingHighSurrogate = nil
  }

  static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

  private mutating func decodeUTF8(_ chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
    var bytes = carry
    bytes.append(contentsOf: chunk)
    carry = []
    output.reserveCapacity(output.count + bytes.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] < 0x80 {
        output.append(bytes[index])
        index += 1
        continue
      }
      switch Self.utf8SequenceLength(bytes, at: index) {
      case .valid(let length):
        output.append(contentsOf: bytes[index..<(index + length)])
        index += length
      case .truncated:
        carry = Array(bytes[index...])
        return
      case .invalid:
        output.append(contentsOf: Self.replacementCharacter)
        index += 1
      }
    }
  }

  private mutating func decodeUTF16(_ chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
    guard !chunk.isEmpty else { return }
    var bytes = chunk[...]
    var firstUnit: UInt16?
    if let carried = carry.first, let second = bytes.first {
      carry = []
      firstUnit = codeUnit(carried, second)
      bytes = bytes.dropFirst()
    }
    // Each code unit becomes at most 3 bytes, plus a replacement for a surrogate left open before.
    let start = output.count
    let units = bytes.count / 2 + 1
    output.append(contentsOf: repeatElement(0, count: units * 3 + 8))
    let littleEndian = encoding == .utf16LittleEndian
    var pending = pendingHighSurrogate
    var position = start
    var leftover: UInt8?
    output.withUnsafeMutableBufferPointer { out in
      var index = bytes.startIndex
      var next = firstUnit
      while true {
        let unit: UInt16
        if let first = next {
          unit = first
          next = nil
        } else if index + 1 < bytes.endIndex {
          unit =
            littleEndian
            ? UInt16(chunk[index]) | UInt16(chunk[index + 1]) << 8
            : UInt16(chunk[index]) << 8 | UInt16(chunk[index + 1])
          index += 2
        } else {
          break
        }
        if unit < 0x80 && pending == nil {
          out[position] = UInt8(unit)
          position += 1
          continue
        }
        if let high = pending {
          pending = nil
          if (0xDC00...0xDFFF).contains(unit) {
            Self.write(0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00), to: out, at: &position)
            continue
          }
          Self.write(0xFFFD, to: out, at: &position)
        }
        switch unit {
        case 0xD800...0xDBFF: pending = unit
        case 0xDC00...0xDFFF: Self.write(0xFFFD, to: out, at: &position)
        default: Self.write(UInt32(unit), to: out, at: &position)
        }
      }
      if index < bytes.endIndex { leftover = chunk[index] }
    }
    if let leftover { carry = [leftover] }
    pendingHighSurrogate = pending
    output.removeLast(output.count - position)
  }

  private func codeUnit(_ first: UInt8, _ second: UInt8) -> UInt16 {
    encoding == .utf16LittleEndian ? UInt16(first) | UInt16(second) << 8 : UInt16(first) << 8 | UInt16(second)
  }

  /// Writes the UTF-8 form of a Unicode scalar value at `position`.
  @inline(__always)
  private static func write(_ value: UInt32, to out: UnsafeMutableBufferPointer<UInt8>, at position: inout Int) {
    switch value {
    case 0..<0x80:
      out[position] = UInt8(value)
      position += 1
    case 0x80..<0x800:
      out[position] = UInt8(0xC0 | value >> 6)
      out[position + 1] = UInt8(0x80 | value & 0x3F)
      position += 2
    case 0x800..<0x10000:
      out[position] = UInt8(0xE0 | value >> 12)
      out[position + 1] = UInt8(0x80 | value >> 6 & 0x3F)
      out[position + 2] = UInt8(0x80 | value & 0x3F)
      position += 3
    default:
      out[position] = UInt8(0xF0 | value >> 18)
      out[position + 1] = UInt8(0x80 | value >> 12 & 0x3F)
      out[position + 2] = UInt8(0x80 | value >> 6 & 0x3F)
      out[position + 3] = UInt8(0x80 | value & 0x3F)
      position += 4
    }
  }

  /// Appends the UTF-8 form of a Unicode scalar value.
  @inline(__always)
  static func appendScalar(_ value: UInt32, to output: inout [UInt8]) {
    switch value {
    case 0..<0x80:
      output.append(UInt8(value))
    case 0x80..<0x800:
      output.append(UInt8(0xC0 | value >> 6))
      output.append(UInt8(0x80 | value & 0x3F))
    case 0x800..<0x10000:
      output.append(UInt8(0xE0 | value >> 12))
      output.append(UInt8(0x80 | value >> 6 & 0x3F))
      output.append(UInt8(0x80 | value & 0x3F))
    default:
      output.append(UInt8(0xF0 | value >> 18))
      output.append(UInt8(0x80 | value >> 12 & 0x3F))
      output.append(UInt8(0x80 | value >> 6 & 0x3F))
      output.append(UInt8(0x80 | value & 0x3F))
    }
  }

  // MARK: Windows-1252

  /// Unicode scalar values of the bytes 0x80–0x9F in Windows-1252. The five bytes the code page leaves
  /// undefined map to the C1 controls of the same value, as browsers (WHATWG) do, so every byte decodes.
  static let windows1252High: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D,
    0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, 0x009D, 0x017E, 0x0178,
  ]

  /// The Unicode scalar value of a Windows-1252 byte.
  @inline(__always)
  static func windows1252Scalar(_ byte: UInt8) -> UInt32 {
    (0x80...0x9F).contains(byte) ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
  }

  @inline(__always)
  static func appendWindows1252(_ byte: UInt8, to output: inout [UInt8]) {
    if byte < 0x80 {
      output.append(byte)
    } else {
      appendScalar(windows1252Scalar(byte), to: &output)
    }
  }

  /// Decodes a field's bytes as Windows-1252.
  static func windows1252String(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(unsafeUninitializedCapacity: bytes.count * 3) { buffer in
      var written = 0
      for byte in bytes {
        if byte < 0x80 {
          buffer[written] = byte
          written += 1
          continue
        }
        let value = windows1252Scalar(byte)
        if value < 0x800 {
          buffer[written] = UInt8(0xC0 | value >> 6)
          buffer[written + 1] = UInt8(0x80 | value & 0x3F)
          written += 2
        } else {
          buffer[written] = UInt8(0xE0 | value >> 12)
          buffer[written + 1] = UInt8(0x80 | value >> 6 & 0x3F)
          buffer[written + 2] = UInt8(0x80 | value & 0x3F)
          written += 3
        }
      }
      return written
    }
  }
}
