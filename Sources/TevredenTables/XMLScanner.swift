/// A pull scanner for the XML of workbook parts: start tags with their attributes, end tags and text, read from
/// chunks of bytes as they are unpacked, in time linear in the bytes and memory bounded by
/// ``TableLimits/cellBytes`` per text or attribute value.
///
/// It checks what a spreadsheet needs to be read right: tags that nest and match, one root element, attributes
/// quoted, entity references known (`&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and character references), no
/// characters XML forbids. It skips comments, processing instructions and the XML declaration, and refuses a
/// document type declaration, which no workbook has and which is how entity-expansion attacks begin. Names are
/// given without their namespace prefix (`x:row` is `row`): writers differ in the prefixes they use for the one
/// SpreadsheetML namespace. Text must be UTF-8, as every spreadsheet program writes it.
///
/// (Foundation's `XMLParser` was used before: on Linux it is libxml2's push parser, which looks for the end of a
/// text again from its start each time a chunk arrives, so a 10 MB cell took 18 s and a 300 MB one minutes and
/// gigabytes, and which refuses a part handed over whole beyond 10 MB.)
struct XMLScanner {
  enum Event: Equatable {
    /// A start tag (also of an empty element, which is followed by its ``end(_:)`` at once).
    case start(Substring, [(name: Substring, value: String)])
    case end(Substring)
    /// Character data between tags, entities replaced; never empty.
    case text(String)

    static func == (lhs: Event, rhs: Event) -> Bool {
      switch (lhs, rhs) {
      case (.start(let a, let x), .start(let b, let y)):
        a == b && x.count == y.count && zip(x, y).allSatisfy { $0.name == $1.name && $0.value == $1.value }
      case (.end(let a), .end(let b)): a == b
      case (.text(let a), .text(let b)): a == b
      default: false
      }
    }
  }

  /// Where the bytes come from: the next chunk, or `nil` at the end.
  typealias Source = () throws(TableReadError) -> [UInt8]?

  let file: String
  let part: String
  /// The longest text or attribute value, in bytes after entities are replaced.
  var maximumText = TableLimits.cellBytes
  /// The line the scanner is on (1-based), for messages.
  private(set) var line = 1

  private let source: Source
  private var buffer: [UInt8] = []
  private var position = 0
  private var isAtEnd = false
  private var stack: [Substring] = []
  private var sawRoot = false
  private var pendingEnd: Substring?
  private var text: [UInt8] = []
  /// The bytes of the name being read, kept between names so that reading one allocates nothing.
  private var nameBytes: [UInt8] = []

  init(file: String, part: String, source: @escaping Source) {
    self.file = file
    self.part = part
    self.source = source
  }

  /// Scans bytes held in memory.
  init(file: String, part: String, bytes: [UInt8]) {
    var handed = false
    self.init(file: file, part: part) { () throws(TableReadError) -> [UInt8]? in
      defer { handed = true }
      return handed ? nil : bytes
    }
  }

  // MARK: Bytes

  /// The next byte without taking it; `nil` at the end of the input.
  @inline(__always)
  private mutating func peek() throws(TableReadError) -> UInt8? {
    if position < buffer.count { return buffer[position] }
    return try refillAndPeek()
  }

  private mutating func refillAndPeek() throws(TableReadError) -> UInt8? {
    while position >= buffer.count {
      if isAtEnd { return nil }
      guard let next = try source() else {
        isAtEnd = true
        return nil
      }
      buffer = next
      position = 0
    }
    return buffer[position]
  }

  @inline(__always)
  private mutating func take() throws(TableReadError) -> UInt8? {
    guard let byte = try peek() else { return nil }
    position += 1
    if byte == 0x0A { line += 1 }
    return byte
  }

  private func malformed(_ reason: String) -> TableReadError {
    .malformedXML(file: file, part: part, line: line, reason: reason)
  }

  private func tooLong() -> TableReadError {
    .limitExceeded(file: file, line: nil, place: "\(part), line \(line)", limit: .cellBytes)
  }

  // MARK: Events

  /// The next event, or `nil` after the root element has ended and only whitespace, comments or processing
  /// instructions followed.
  ///
  /// - Throws: ``TableReadError/malformedXML(file:part:line:reason:)``, ``TableReadError/limitExceeded(file:line:place:limit:)``
  ///   for a text or value beyond ``maximumText`` or elements nested beyond ``TableLimits/xmlDepth``, or what the
  ///   source throws.
  mutating func next() throws(TableReadError) -> Event? {
    if let name = pendingEnd {
      pendingEnd = nil
      stack.removeLast()
      return .end(name)
    }
    while true {
      guard let byte = try peek() else {
        if !stack.isEmpty { throw malformed("the document ends early or has content after its last element") }
        if !sawRoot {
          throw TableReadError.malformedXML(file: file, part: part, line: nil, reason: "the document is empty")
        }
        return nil
      }
      if byte == UInt8(ascii: "<") {
        position += 1
        if let event = try markup() { return event }
        continue
      }
      // Character data.
      text.removeAll(keepingCapacity: true)
      try scanText()
      if stack.isEmpty {
        if text.contains(where: { !Self.isSpace($0) }) {
          throw malformed(
            sawRoot
              ? "there is content after the last element"
              : "the document is empty or does not start with an element")
        }
        continue
      }
      return .text(String(decoding: text, as: UTF8.self))
    }
  }

  /// Text up to the next `<` or the end, into `text`.
  private mutating func scanText() throws(TableReadError) {
    while true {
      // The common case, plain bytes, in a tight loop over the chunk.
      var index = position
      let end = buffer.count
      while index < end {
        let byte = buffer[index]
        if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") || byte < 0x20 { break }
        index += 1
      }
      if index > position {
        text.append(contentsOf: buffer[position..<index])
        position = index
        if text.count > maximumText { throw tooLong() }
      }
      guard let byte = try peek() else { return }
      switch byte {
      case UInt8(ascii: "<"):
        return
      case UInt8(ascii: "&"):
        position += 1
        try appendEntity()
      case 0x09, 0x0A, 0x0D:
        position += 1
        if byte == 0x0A { line += 1 }
        // XML reads CRLF and a lone CR as LF.
        if byte == 0x0D {
          if try peek() == 0x0A { position += 1 }
          line += 1
          text.append(0x0A)
        } else {
          text.append(byte)
        }
      case ..<0x20:
        throw malformed("the text contains characters XML does not allow")
      default:
        continue  // plain text at the start of the next chunk
      }
      if text.count > maximumText { throw tooLong() }
    }
  }

  /// After `&`: the entity or character reference, appended to `text` as UTF-8.
  private mutating func appendEntity() throws(TableReadError) {
    var name: [UInt8] = []
    while let byte = try take(), byte != UInt8(ascii: ";") {
      name.append(byte)
      if name.count > 12 { throw malformed("an entity reference (&…;) is malformed or unknown") }
    }
    switch name {
    case Array("lt".utf8): text.append(UInt8(ascii: "<"))
    case Array("gt".utf8): text.append(UInt8(ascii: ">"))
    case Array("amp".utf8): text.append(UInt8(ascii: "&"))
    case Array("quot".utf8): text.append(UInt8(ascii: "\""))
    case Array("apos".utf8): text.append(UInt8(ascii: "'"))
    default:
      guard name.first == UInt8(ascii: "#"), name.count > 1 else {
        throw malformed("an entity reference (&…;) is malformed or unknown")
      }
      let isHex = name[1] == UInt8(ascii: "x")
      let digits = String(decoding: name.dropFirst(isHex ? 2 : 1), as: UTF8.self)
      guard let value = UInt32(digits, radix: isHex ? 16 : 10), let scalar = Unicode.Scalar(value),
        value >= 0x20 || value == 0x09 || value == 0x0A || value == 0x0D, value != 0xFFFE, value != 0xFFFF
      else { throw malformed("an entity reference (&…;) is malformed or unknown") }
      text.append(contentsOf: String(Character(scalar)).utf8)
    }
  }

  /// After `<`: a tag (returned), or a comment, processing instruction or CDATA section.
  private mutating func markup() throws(TableReadError) -> Event? {
    guard let byte = try peek() else { throw malformed("the document ends in the middle of an element") }
    switch byte {
    case UInt8(ascii: "/"):
      position += 1
      let name = try self.name()
      try skipSpace()
      guard try take() == UInt8(ascii: ">") else { throw malformed("a tag is not closed") }
      guard let open = stack.last, open == name else { throw malformed("an end tag does not match its start tag") }
      stack.removeLast()
      return .end(Self.localName(name))
    case UInt8(ascii: "?"):
      try skip(until: Array("?>".utf8))
      return nil
    case UInt8(ascii: "!"):
      position += 1
      if try consume("--") {
        try skip(until: Array("-->".utf8))
        return nil
      }
      if try consume("[CDATA[") {
        guard !stack.isEmpty else { throw malformed("there is content after the last element") }
        text.removeAll(keepingCapacity: true)
        let terminator = Array("]]>".utf8)
        while true {
          guard let byte = try take() else {
            throw malformed("the document ends early or has content after its last element")
          }
          text.append(byte)
          if text.count >= 3 && text[(text.count - 3)...].elementsEqual(terminator) {
            text.removeLast(3)
            break
          }
          if text.count > maximumText + 3 { throw tooLong() }
        }
        return text.isEmpty ? nil : .text(String(decoding: text, as: UTF8.self))
      }
      throw malformed("a document type declaration (<!DOCTYPE …>) or other declaration is not allowed in a workbook")
    default:
      return try startTag()
    }
  }

  private mutating func startTag() throws(TableReadError) -> Event {
    if stack.isEmpty && sawRoot { throw malformed("there is content after the last element") }
    let name = try self.name()
    var attributes: [(name: Substring, value: String)] = []
    while true {
      let hadSpace = try skipSpace()
      guard let byte = try peek() else { throw malformed("the document ends in the middle of an element") }
      if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") {
        position += 1
        if byte == UInt8(ascii: "/") {
          guard try take() == UInt8(ascii: ">") else { throw malformed("a tag is not closed") }
          pendingEnd = Self.localName(name)
        }
        break
      }
      guard hadSpace else { throw malformed("an attribute is malformed") }
      let attributeName = try self.name()
      try skipSpace()
      guard try take() == UInt8(ascii: "=") else { throw malformed("an attribute is malformed") }
      try skipSpace()
      guard let quote = try take(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
        throw malformed("an attribute is malformed")
      }
      text.removeAll(keepingCapacity: true)
      while true {
        guard let byte = try take() else { throw malformed("the document ends in the middle of an element") }
        if byte == quote { break }
        switch byte {
        case UInt8(ascii: "<"): throw malformed("an attribute is malformed")
        case UInt8(ascii: "&"): try appendEntity()
        case 0x09, 0x0A, 0x0D: text.append(0x20)  // attribute values normalise white space
        case ..<0x20: throw malformed("the text contains characters XML does not allow")
        default: text.append(byte)
        }
        if text.count > maximumText { throw tooLong() }
      }
      attributes.append((Self.localName(attributeName), String(decoding: text, as: UTF8.self)))
    }
    sawRoot = true
    stack.append(name)
    if stack.count > TableLimits.xmlDepth {
      throw TableReadError.limitExceeded(file: file, line: nil, place: "\(part), line \(line)", limit: .xmlDepth)
    }
    return .start(Self.localName(name), attributes)
  }

  /// A name: bytes up to white space, `/`, `>`, `=` or the end.
  private mutating func name() throws(TableReadError) -> Substring {
    nameBytes.removeAll(keepingCapacity: true)
    while let byte = try peek() {
      if Self.isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=") {
        break
      }
      if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte < 0x20 {
        throw malformed("a tag is not closed")
      }
      nameBytes.append(byte)
      position += 1
      if nameBytes.count > 1000 { throw malformed("a tag is not closed") }
    }
    guard !nameBytes.isEmpty else { throw malformed("a tag is not closed") }
    return Substring(String(decoding: nameBytes, as: UTF8.self))
  }

  @discardableResult
  private mutating func skipSpace() throws(TableReadError) -> Bool {
    var skipped = false
    while let byte = try peek(), Self.isSpace(byte) {
      _ = try take()
      skipped = true
    }
    return skipped
  }

  /// Takes `literal` if the input continues with it. Only for literals after a byte that already decided
  /// what may follow (`<!`), so nothing needs to be given back when it does not match.
  private mutating func consume(_ literal: StaticString) throws(TableReadError) -> Bool {
    let bytes = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
    for expected in bytes {
      guard try peek() == expected else { return false }
      _ = try take()
    }
    return true
  }

  /// Skips past the first occurrence of `terminator`.
  private mutating func skip(until terminator: [UInt8]) throws(TableReadError) {
    var matched = 0
    while matched < terminator.count {
      guard let byte = try take() else {
        throw malformed("the document ends early or has content after its last element")
      }
      if byte == terminator[matched] {
        matched += 1
      } else {
        matched = byte == terminator[0] ? 1 : 0
      }
    }
  }

  @inline(__always)
  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  private static func localName(_ name: Substring) -> Substring {
    // Searched as bytes: searching the characters measured a seventh of the time of reading shared strings.
    let bytes = name.utf8
    if let colon = bytes.lastIndex(of: UInt8(ascii: ":")) { return name[bytes.index(after: colon)...] }
    return name
  }
}
