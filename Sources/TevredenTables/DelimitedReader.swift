import Foundation

/// Streams records from delimited text (CSV, semicolon CSV, TSV), a chunk of the file at a time.
///
/// On opening, the first 64 KiB are examined to detect the encoding (see ``TextDecoder``) and the
/// delimiter (see ``Delimiter/sniff(_:isComplete:)``); either can be given instead. Then the file is
/// read in chunks of ``defaultChunkSize`` bytes, so memory use does not grow with the file.
///
/// The format is RFC 4180 with the leniency of Excel and Python's `csv` module:
/// - a field that starts with `"` is quoted; it may contain delimiters, line breaks and `""` for a quote;
/// - text after a closing quote is kept (`"ab"c` is `abc`), and a quote inside an unquoted field is text;
/// - records end with CRLF, LF or a lone CR (classic Mac); lines inside quoted fields are kept as they are;
/// - blank lines (no characters at all) are skipped; records may have different numbers of fields.
///
/// Each ``TableRecord/line`` is the physical line where the record starts, counting every CRLF, LF and
/// lone CR, including those inside quoted fields, so messages point at the line an editor shows.
///
/// Text is scanned as bytes. UTF-8 and Windows-1252 are scanned as they are (delimiters, quotes and line
/// breaks are the same bytes in both) and each field becomes a `String` on its own; UTF-16 is converted
/// to UTF-8 chunk by chunk first.
///
/// If the first 64 KiB are plain ASCII and a byte that is not UTF-8 turns up later, the file is taken to
/// be Windows-1252 from then on (``source`` changes accordingly); the records before were ASCII and read
/// the same in both. After real UTF-8 text, such a byte is an error.
///
/// A field of more than ``TableLimits/cellBytes``, a record of more than ``TableLimits/columns`` fields or
/// ``TableLimits/recordBytes`` is refused as soon as the limit is passed, so a file without line breaks or with a
/// quote that is never closed costs no more than the limit.
public struct DelimitedReader: TableReader {
  /// Bytes read from the file at a time: 64 KiB.
  public static let defaultChunkSize = 65_536
  /// Bytes examined to detect the encoding and the delimiter.
  static let defaultSampleSize = 65_536

  private enum ScanState {
    /// Nothing of the next record seen yet.
    case recordStart
    /// At the first byte of a field other than the first.
    case fieldStart
    /// In a field that did not start with a quote.
    case unquoted
    /// Inside a quoted field.
    case quoted
    /// Just after a quote inside a quoted field: either the closing quote or the first of `""`.
    case quoteInQuoted
  }

  private static let quote: UInt8 = 0x22
  private static let carriageReturn: UInt8 = 0x0D
  private static let lineFeed: UInt8 = 0x0A

  /// Format, encoding and delimiter of the file.
  public private(set) var source: TableSourceDescription

  /// How many bytes of the file have been taken in so far (for progress; a chunk ahead of the records returned).
  public var bytesRead: Int { bytes.consumed }

  private var bytes: ByteSource
  private let chunkSize: Int
  private let delimiter: UInt8
  /// Converts UTF-16 to UTF-8; `nil` for ASCII-compatible encodings, which are scanned as they are.
  private var transcoder: TextDecoder?
  private var rawChunk: [UInt8] = []
  /// The bytes being scanned: a chunk of the file, or of its UTF-8 conversion.
  private var chunk: [UInt8] = []
  private var position = 0
  private var isInputExhausted = false

  /// How field bytes become strings: UTF-8 (also for converted UTF-16) or Windows-1252.
  private var fieldsAreWindows1252: Bool
  private var mayFallBackToWindows1252: Bool
  private var sawNonASCII = false

  private var state = ScanState.recordStart
  private var line = 1
  private var recordLine = 1
  private var quoteLine = 1
  private var previousChunkEndedWithCR = false
  private var fields: [String] = []
  /// Whether the fields of the record being read are kept as bytes (``withNextRecord(_:)``) rather than strings.
  private var keepsBytes = false
  /// The current record's fields as UTF-8, when ``keepsBytes``.
  private var cells = RecordBuffer()
  /// The bytes of the current record's finished fields, for ``TableLimits/recordBytes``.
  private var recordByteCount = 0
  /// Bytes of the current field from earlier chunks, or from before a `""`.
  private var scratch: [UInt8] = []
  /// Where the part of the current field not yet in `scratch` starts in `chunk`.
  private var fieldStart = 0
  /// In `quoteInQuoted`: the quote's index in `chunk`, or -1 if it was in an earlier chunk.
  private var pendingQuote = -1
  /// Per column, the texts of its last few distinct fields (see ``RecentFields``).
  private var recentFields: [RecentFields] = []

  /// Opens a delimited text file.
  ///
  /// - Parameters:
  ///   - url: A file URL.
  ///   - encoding: The encoding, or `nil` to detect it.
  ///   - delimiter: The delimiter, or `nil` to detect it.
  ///   - chunkSize: Bytes read at a time.
  ///   - name: How to name the file in messages; defaults to the URL's path.
  /// - Throws: ``TableReadError`` if the file cannot be read or looks binary.
  public init(
    contentsOf url: URL, encoding: TextEncoding? = nil, delimiter: Delimiter? = nil,
    chunkSize: Int = defaultChunkSize, name: String? = nil
  ) throws(TableReadError) {
    let file = name ?? url.path
    try self.init(
      source: try ByteSource(url: url, file: file), encoding: encoding, delimiter: delimiter, chunkSize: chunkSize,
      sampleSize: Self.defaultSampleSize)
  }

  /// Reads delimited text from bytes in memory.
  ///
  /// - Parameters:
  ///   - bytes: The whole file.
  ///   - name: How to name the text in messages.
  ///   - encoding: The encoding, or `nil` to detect it.
  ///   - delimiter: The delimiter, or `nil` to detect it.
  ///   - chunkSize: Bytes scanned at a time (small values exercise chunk boundaries in tests).
  /// - Throws: ``TableReadError/binaryFile(file:)`` if the bytes look binary.
  public init(
    bytes: some Collection<UInt8>, name: String = "<text>", encoding: TextEncoding? = nil,
    delimiter: Delimiter? = nil, chunkSize: Int = defaultChunkSize
  ) throws(TableReadError) {
    try self.init(
      source: ByteSource(bytes: Array(bytes), file: name), encoding: encoding, delimiter: delimiter,
      chunkSize: chunkSize, sampleSize: Self.defaultSampleSize)
  }

  init(
    source bytes: ByteSource, encoding: TextEncoding?, delimiter: Delimiter?, chunkSize: Int, sampleSize: Int
  ) throws(TableReadError) {
    var bytes = bytes
    let sample = try bytes.peek(upTo: sampleSize)
    let isComplete = sample.count < sampleSize
    let detection =
      if let encoding {
        TextDecoder.given(encoding, sample: sample)
      } else {
        try TextDecoder.detectEncoding(in: sample, isComplete: isComplete, file: bytes.file)
      }
    let text = sample.dropFirst(detection.bomLength)
    let chosenDelimiter: Delimiter
    if let delimiter {
      chosenDelimiter = delimiter
    } else if detection.encoding.isASCIICompatible {
      chosenDelimiter = Delimiter.sniff(text, isComplete: isComplete)
    } else {
      var converter = TextDecoder(encoding: detection.encoding)
      var converted: [UInt8] = []
      converter.decode(text, into: &converted)
      chosenDelimiter = Delimiter.sniff(converted, isComplete: isComplete)
    }
    try bytes.skip(detection.bomLength)

    self.bytes = bytes
    self.chunkSize = max(1, chunkSize)
    self.delimiter = chosenDelimiter.byte
    transcoder = detection.encoding.isASCIICompatible ? nil : TextDecoder(encoding: detection.encoding)
    fieldsAreWindows1252 = detection.encoding == .windows1252
    mayFallBackToWindows1252 = encoding == nil && detection.encoding == .utf8 && !detection.hasBOM
    source = TableSourceDescription(
      file: bytes.file, format: chosenDelimiter == .tab ? .tsv : .csv, encoding: detection.encoding,
      hasBOM: detection.hasBOM, delimiter: chosenDelimiter)
  }

  /// The next record, or `nil` at the end of the file.
  ///
  /// - Throws: ``TableReadError/unterminatedQuote(file:line:)`` when the file ends inside a quoted field,
  ///   ``TableReadError/invalidUTF8(file:line:)`` for mixed encodings, or a read error.
  public mutating func next() throws(TableReadError) -> TableRecord? {
    keepsBytes = false
    guard try readRecord() else { return nil }
    return makeRecord()
  }

  /// Calls `body` with the next record's fields as UTF-8 bytes in the reader's own memory, which the next record
  /// reuses; `false` at the end of the file. The same records as ``next()``, without a `String` per field.
  ///
  /// - Throws: What ``next()`` throws.
  public mutating func withNextRecord(_ body: (RecordView) -> Void) throws(TableReadError) -> Bool {
    keepsBytes = true
    // A copy of the reader (one handed to another thread) fills memory of its own.
    if !isKnownUniquelyReferenced(&cells) { cells = RecordBuffer() }
    cells.removeAll()
    guard try readRecord() else { return false }
    recordByteCount = 0
    body(cells.view(line: recordLine))
    return true
  }

  /// Reads up to the end of the next record; `false` at the end of the input.
  private mutating func readRecord() throws(TableReadError) -> Bool {
    while true {
      if position >= chunk.count {
        guard try refill() else { return try finishInput() }
      }
      if try scanChunk() { return true }
    }
  }

  /// How many fields of the current record are finished.
  private var fieldCount: Int { keepsBytes ? cells.count : fields.count }

  // MARK: Reading chunks

  /// Keeps the unfinished field, then loads the next chunk; `false` at the end of the input.
  private mutating func refill() throws(TableReadError) -> Bool {
    switch state {
    case .unquoted, .quoted:
      scratch.append(contentsOf: chunk[fieldStart..<chunk.count])
    case .quoteInQuoted:
      if pendingQuote >= 0 { scratch.append(contentsOf: chunk[fieldStart..<pendingQuote]) }
      pendingQuote = -1
    case .recordStart, .fieldStart:
      break
    }
    // A field that goes on and on (no delimiter, no line break, a quote never closed) stops here.
    if scratch.count > TableLimits.cellBytes { throw limit(.cellBytes) }
    previousChunkEndedWithCR = chunk.last == Self.carriageReturn
    position = 0
    fieldStart = 0
    if isInputExhausted {
      chunk.removeAll(keepingCapacity: true)
      return false
    }
    if var transcoder {
      chunk.removeAll(keepingCapacity: true)
      while chunk.isEmpty {
        try bytes.read(into: &rawChunk, maxCount: chunkSize)
        if rawChunk.isEmpty {
          transcoder.finish(into: &chunk)
          isInputExhausted = true
          break
        }
        transcoder.decode(rawChunk, into: &chunk)
      }
      self.transcoder = transcoder
    } else {
      try bytes.read(into: &chunk, maxCount: chunkSize)
      if chunk.isEmpty { isInputExhausted = true }
    }
    return !chunk.isEmpty
  }

  /// Ends the record left open when the input ends; `false` when there is none.
  private mutating func finishInput() throws(TableReadError) -> Bool {
    switch state {
    case .recordStart:
      return false
    case .quoted:
      throw .unterminatedQuote(file: source.file, line: quoteLine)
    case .fieldStart, .unquoted, .quoteInQuoted:
      // Earlier chunks' bytes are all in `scratch`.
      if scratch.count > TableLimits.cellBytes || fieldCount >= TableLimits.columns
        || recordByteCount + scratch.count > TableLimits.recordBytes
      {
        throw limit(
          scratch.count > TableLimits.cellBytes
            ? .cellBytes : fieldCount >= TableLimits.columns ? .columns : .recordBytes)
      }
      try appendScratchField()
      state = .recordStart
      return true
    }
  }

  // MARK: Scanning

  /// Scans the current chunk from `position` until a record ends (`true`) or the chunk does (`false`).
  private mutating func scanChunk() throws(TableReadError) -> Bool {
    let chunk = self.chunk
    return try chunk.withUnsafeBufferPointer { (bytes) throws(TableReadError) -> Bool in
      try scan(bytes)
    }
  }

  private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws(TableReadError) -> Bool {
    let end = bytes.count
    let delimiter = self.delimiter
    let quote = Self.quote
    let carriageReturn = Self.carriageReturn
    let lineFeed = Self.lineFeed
    var index = position
    while index < end {
      switch state {
      case .recordStart:
        let byte = bytes[index]
        if byte == lineFeed {
          // A blank line, or the LF of a CRLF that ended the previous record.
          if !followsCarriageReturn(bytes, index) { line += 1 }
          index += 1
        } else if byte == carriageReturn {
          line += 1
          index += 1
        } else {
          recordLine = line
          state = .fieldStart
        }

      case .fieldStart:
        if bytes[index] == quote {
          quoteLine = line
          index += 1
          fieldStart = index
          state = .quoted
        } else {
          fieldStart = index
          state = .unquoted
        }

      case .unquoted:
        while index < end {
          let byte = bytes[index]
          if byte == delimiter || byte == carriageReturn || byte == lineFeed { break }
          index += 1
        }
        guard index < end else { break }
        try appendField(bytes, from: fieldStart, to: index)
        let byte = bytes[index]
        index += 1
        if byte == delimiter {
          state = .fieldStart
        } else {
          line += 1
          state = .recordStart
          position = index
          return true
        }

      case .quoted:
        while index < end {
          let byte = bytes[index]
          if byte == quote { break }
          if byte == carriageReturn {
            line += 1
          } else if byte == lineFeed && !followsCarriageReturn(bytes, index) {
            line += 1
          }
          index += 1
        }
        guard index < end else { break }
        pendingQuote = index
        index += 1
        state = .quoteInQuoted

      case .quoteInQuoted:
        let byte = bytes[index]
        if byte == quote {
          // `""`: keep one quote.
          if pendingQuote >= 0 {
            scratch.append(contentsOf: bytes[fieldStart..<(pendingQuote + 1)])
          } else {
            scratch.append(quote)
          }
          index += 1
          fieldStart = index
          state = .quoted
        } else if byte == delimiter || byte == carriageReturn || byte == lineFeed {
          if pendingQuote >= 0 {
            try appendField(bytes, from: fieldStart, to: pendingQuote)
          } else {
            try appendField(bytes, from: index, to: index)
          }
          index += 1
          if byte == delimiter {
            state = .fieldStart
          } else {
            line += 1
            state = .recordStart
            position = index
            return true
          }
        } else {
          // Text after the closing quote: keep it, as Excel and Python do.
          if pendingQuote >= 0 { scratch.append(contentsOf: bytes[fieldStart..<pendingQuote]) }
          fieldStart = index
          state = .unquoted
        }
      }
    }
    position = end
    return false
  }

  @inline(__always)
  private func followsCarriageReturn(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    index > 0 ? bytes[index - 1] == Self.carriageReturn : previousChunkEndedWithCR
  }

  /// Ends the current field: `scratch` followed by `bytes[start..<end]`.
  @inline(__always)
  private mutating func appendField(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int)
    throws(TableReadError)
  {
    let length = scratch.count + end - start
    recordByteCount += length
    if length > TableLimits.cellBytes || fieldCount >= TableLimits.columns
      || recordByteCount > TableLimits.recordBytes
    {
      throw limit(
        length > TableLimits.cellBytes
          ? .cellBytes : fieldCount >= TableLimits.columns ? .columns : .recordBytes)
    }
    if keepsBytes, scratch.isEmpty {
      try keep(UnsafeBufferPointer(rebasing: bytes[start..<end]))
    } else if scratch.isEmpty {
      let field = UnsafeBufferPointer(rebasing: bytes[start..<end])
      let column = fields.count
      if field.count > RecentFields.smallest, field.count <= RecentFields.largest, Self.isASCII(field) {
        if column >= recentFields.count {
          recentFields.append(contentsOf: repeatElement(RecentFields(), count: column + 1 - recentFields.count))
        }
        fields.append(recentFields[column].text(of: field))
      } else {
        fields.append(try string(field))
      }
    } else {
      scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
      try appendScratchField()
    }
  }

  /// The error for a limit passed in the current record.
  private func limit(_ kind: TableLimits.Kind) -> TableReadError {
    let place =
      kind == .cellBytes
      ? "the field in column \(fieldCount + 1) of the record that starts on line \(recordLine)"
      : "the record that starts on line \(recordLine)"
    return .limitExceeded(file: source.file, line: recordLine, place: place, limit: kind)
  }

  /// Ends the current field, whose bytes are all in `scratch`.
  private mutating func appendScratchField() throws(TableReadError) {
    // Swapped out so that decoding (which may switch the encoding) does not overlap an access to `scratch`.
    var field: [UInt8] = []
    swap(&field, &scratch)
    if keepsBytes {
      try field.withUnsafeBufferPointer { (field) throws(TableReadError) in try keep(field) }
    } else {
      let text = try field.withUnsafeBufferPointer { (field) throws(TableReadError) -> String in try string(field) }
      fields.append(text)
    }
    field.removeAll(keepingCapacity: true)
    swap(&field, &scratch)
  }

  private mutating func makeRecord() -> TableRecord {
    let record = TableRecord(line: recordLine, fields: fields)
    recordByteCount = 0
    fields = []
    fields.reserveCapacity(record.fields.count)
    return record
  }

  // MARK: Decoding fields

  /// Ends a field kept as bytes: ASCII as it is, anything else as the text ``string(_:)`` decodes it to, with the
  /// same checks and the same fallback to Windows-1252.
  private mutating func keep(_ field: UnsafeBufferPointer<UInt8>) throws(TableReadError) {
    if Self.isASCII(field) {
      cells.append(field)
    } else {
      var text = try string(field)
      text.withUTF8 { cells.append($0) }
    }
  }

  /// The last few distinct texts of one column, so that a field that repeats one (a label, on nearly every row)
  /// becomes that text again rather than a new string: no allocation, and comparing it with that text later is
  /// comparing two references. Only ASCII fields too long to be stored inline in a `String` and short enough to be
  /// labels are kept; a column whose fields seldom repeat (times, remarks) stops being looked at.
  struct RecentFields {
    /// ASCII fields of up to 15 bytes are stored inside the `String` itself: nothing to save.
    static let smallest = 15
    static let largest = 96
    static let capacity = 8
    private var texts: [String] = []
    private var next = 0
    private var lookups = 0
    private var hits = 0
    private var isOff = false

    /// The field's text, which must be ASCII: a kept one when it has the same bytes.
    mutating func text(of field: UnsafeBufferPointer<UInt8>) -> String {
      if isOff { return String(decoding: field, as: UTF8.self) }
      lookups += 1
      for index in texts.indices where texts[index].utf8.count == field.count {
        var kept = texts[index]
        let isSame = kept.withUTF8 { keptBytes in
          guard let a = keptBytes.baseAddress, let b = field.baseAddress else { return field.isEmpty }
          return memcmp(a, b, field.count) == 0
        }
        if isSame {
          hits += 1
          return kept
        }
      }
      let text = String(decoding: field, as: UTF8.self)
      if texts.count < Self.capacity {
        texts.append(text)
      } else {
        texts[next] = text
        next = (next + 1) % Self.capacity
      }
      // After a thousand fields, a column that found fewer than half of them kept is left alone.
      if lookups == 1024, hits < lookups / 2 {
        isOff = true
        texts = []
      }
      return text
    }
  }

  /// A field's bytes as a string, in the file's encoding.
  @inline(__always)
  private mutating func string(_ field: UnsafeBufferPointer<UInt8>) throws(TableReadError) -> String {
    if Self.isASCII(field) { return String(decoding: field, as: UTF8.self) }
    if !fieldsAreWindows1252 {
      if TextDecoder.isValidUTF8(field) {
        sawNonASCII = true
        return String(decoding: field, as: UTF8.self)
      }
      guard mayFallBackToWindows1252 && !sawNonASCII else {
        throw .invalidUTF8(file: source.file, line: recordLine)
      }
      fieldsAreWindows1252 = true
      mayFallBackToWindows1252 = false
      source.encoding = .windows1252
    }
    return TextDecoder.windows1252String(field)
  }

  @inline(__always)
  private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var combined: UInt8 = 0
    for byte in bytes { combined |= byte }
    return combined < 0x80
  }
}

/// The fields of the record being read as bytes, in memory kept from record to record: appending each field to two
/// arrays checked their uniqueness and capacity per call, more than making a string of it had cost.
final class RecordBuffer {
  // Only the reader that holds the only reference writes to it (see ``DelimitedReader/withNextRecord(_:)``).
  private var joined: UnsafeMutablePointer<UInt8>
  private var byteCapacity: Int
  private var byteCount = 0
  private var ends: UnsafeMutablePointer<Int>
  private var endCapacity: Int
  /// How many fields it holds.
  private(set) var count = 0

  init() {
    byteCapacity = 1024
    joined = .allocate(capacity: byteCapacity)
    endCapacity = 64
    ends = .allocate(capacity: endCapacity)
  }

  deinit {
    joined.deallocate()
    ends.deallocate()
  }

  func removeAll() {
    byteCount = 0
    count = 0
  }

  /// Adds a field, after U+001F unless it is the first.
  func append(_ field: UnsafeBufferPointer<UInt8>) {
    let needed = byteCount + 1 + field.count
    if needed > byteCapacity {
      let capacity = max(byteCapacity * 2, needed)
      let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
      larger.initialize(from: joined, count: byteCount)
      joined.deallocate()
      joined = larger
      byteCapacity = capacity
    }
    if count == endCapacity {
      let larger = UnsafeMutablePointer<Int>.allocate(capacity: endCapacity * 2)
      larger.initialize(from: ends, count: count)
      ends.deallocate()
      ends = larger
      endCapacity *= 2
    }
    if count > 0 {
      joined[byteCount] = RecordView.separator
      byteCount += 1
    }
    if let source = field.baseAddress, !field.isEmpty {
      (joined + byteCount).initialize(from: source, count: field.count)
      byteCount += field.count
    }
    ends[count] = byteCount
    count += 1
  }

  func view(line: Int) -> RecordView {
    RecordView(
      line: line, joined: UnsafeBufferPointer(start: joined, count: byteCount),
      ends: UnsafeBufferPointer(start: ends, count: count))
  }
}
