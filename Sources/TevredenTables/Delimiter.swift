/// The character that separates fields in delimited text.
public enum Delimiter: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
  /// `,`: the international CSV default.
  case comma = ","
  /// `;`: what Excel writes as "CSV" when the decimal separator is a comma, as in Dutch settings.
  case semicolon = ";"
  /// Tab: Excel's "Unicode text" and TSV files.
  case tab = "\t"

  /// The delimiter's byte in ASCII-compatible text.
  public var byte: UInt8 {
    switch self {
    case .comma: 0x2C
    case .semicolon: 0x3B
    case .tab: 0x09
    }
  }

  /// A readable name: `comma`, `semicolon` or `tab`.
  public var description: String {
    switch self {
    case .comma: "comma"
    case .semicolon: "semicolon"
    case .tab: "tab"
    }
  }

  /// How many records the sniffer looks at.
  static let sniffedRecordLimit = 50

  /// Chooses the delimiter that splits the first records into the same number of fields.
  ///
  /// For each candidate the first records are split with quotes respected (a delimiter or line break inside
  /// a quoted field does not count). A candidate qualifies if most records have at least two fields; the
  /// winner is the one under which the largest share of records has the most common field count, then
  /// the one with more fields, then comma before semicolon before tab. With no qualifying candidate (a
  /// one-column file) the answer is comma.
  ///
  /// - Parameters:
  ///   - text: The first bytes of the text, in UTF-8 (or another ASCII-compatible encoding).
  ///   - isComplete: Whether `text` is the whole file; if not, its last record may be cut off and is ignored.
  public static func sniff(_ text: some Collection<UInt8>, isComplete: Bool) -> Delimiter {
    let bytes = Array(text)
    var best: (delimiter: Delimiter, share: Double, fields: Int)?
    for candidate in Delimiter.allCases {
      var counts = fieldCounts(bytes, delimiter: candidate.byte, limit: sniffedRecordLimit + 1)
      if !isComplete && counts.count > 1 { counts.removeLast() }
      guard !counts.isEmpty else { continue }
      var frequency: [Int: Int] = [:]
      for count in counts { frequency[count, default: 0] += 1 }
      guard
        let (mode, modeFrequency) = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }),
        mode >= 2
      else { continue }
      let share = Double(modeFrequency) / Double(counts.count)
      if let current = best, (current.share, current.fields) >= (share, mode) { continue }
      best = (candidate, share, mode)
    }
    return best?.delimiter ?? .comma
  }

  /// The number of fields in each of the first `limit` non-blank records.
  static func fieldCounts(_ bytes: [UInt8], delimiter: UInt8, limit: Int) -> [Int] {
    var counts: [Int] = []
    var fields = 1
    var inQuotes = false
    var atFieldStart = true
    var recordIsEmpty = true
    var justClosedQuote = false
    for byte in bytes {
      if inQuotes {
        if byte == 0x22 {
          inQuotes = false
          justClosedQuote = true
        }
        continue
      }
      let isEscapedQuote = justClosedQuote
      justClosedQuote = false
      switch byte {
      case 0x22:
        // A quote opens a quoted field only at the start of a field; `""` inside one closes and reopens it.
        if atFieldStart || isEscapedQuote { inQuotes = true }
        atFieldStart = false
        recordIsEmpty = false
      case 0x0A, 0x0D:
        if !recordIsEmpty {
          counts.append(fields)
          if counts.count == limit { return counts }
        }
        fields = 1
        atFieldStart = true
        recordIsEmpty = true
      case delimiter:
        fields += 1
        atFieldStart = true
        recordIsEmpty = false
      default:
        atFieldStart = false
        recordIsEmpty = false
      }
    }
    if !recordIsEmpty { counts.append(fields) }
    return counts
  }
}
