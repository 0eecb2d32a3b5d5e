import Foundation
import TevredenCore

/// Reads the date and time formats that survey platforms write, interpreting times without a zone in Dutch
/// local time (Europe/Amsterdam).
///
/// Accepted: ISO 8601 (`2026-03-10`, `2026-03-10 14:05:00`, `2026-03-10T14:05:00Z`, `…+01:00`), Dutch
/// (`10-03-2026`, `10-3-2026 14:05`), slashes year first (`2023/11/13 4:20:37 pm CET`, Google Forms), US with
/// slashes (`3/10/2026 2:05 PM`, `3/10/26 14:05`, SurveyMonkey; day first when the first number is above 12),
/// and month names (`Apr 26, 2018 8:58:20 AM`, ODK). Seconds are optional; fractions of seconds are dropped.
public enum ExportDate {
  /// The instant, or `nil` if the text is not a date this reader knows.
  ///
  /// - Parameter isUTC: Whether a time without a zone is in UTC (a column the platform documents as UTC)
  ///   rather than in Amsterdam time.
  /// - Parameter timeZone: The zone of times that name none (Dutch time when `nil`).
  public static func parse(_ raw: String, isUTC: Bool = false, timeZone: TimeZone? = nil) -> Date? {
    var text = raw.trimmedOfWhitespace
    guard !text.isEmpty else { return nil }
    // A fixed offset from UTC in seconds; `nil` is Dutch local time.
    var fixedOffset: Int? = isUTC ? 0 : nil
    // Nearly every cell is digits and separators ending in a digit (`1-3-2026 14:05:00`): it names no zone, and no
    // offset unless a '-' follows a ':', which one pass over its bytes tells; then the zones need not be looked for.
    if !Self.isPlainNumeric(text) {
      Self.removeZone(from: &text, fixedOffset: &fixedOffset)
    }
    return date(text, fixedOffset: fixedOffset, timeZone: timeZone)
  }

  /// Whether the text is only ASCII digits, '-', '/', '.', ':', ' ' and 'T', ends in a digit, and has no '-' after a
  /// ':': then it names neither a zone nor an offset from UTC.
  static func isPlainNumeric(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      guard let last = bytes.last, last >= 0x30, last <= 0x39 else { return false }
      var sawColon = false
      for byte in bytes {
        switch byte {
        case 0x30...0x39, UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: " "), UInt8(ascii: "T"): continue
        case UInt8(ascii: ":"): sawColon = true
        case UInt8(ascii: "-"): if sawColon { return false }
        default: return false
        }
      }
      return true
    }
  }

  /// Removes a trailing zone (Z, +01:00, +0100, UTC, GMT, CET, CEST) from the text, setting `fixedOffset` to its
  /// offset from UTC in seconds.
  static func removeZone(from text: inout String, fixedOffset: inout Int?) {
    // Plain ASCII text is looked at byte by byte first: a zone name ends in T or C, and an offset needs a '+' or '-'
    // after a ':'. Other text goes through the general code below as it is.
    let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
    let lastByte = text.utf8.last ?? 0
    if !isASCII || lastByte & 0xDF == UInt8(ascii: "T") || lastByte & 0xDF == UInt8(ascii: "C") {
      let upper = text.uppercased()
      for (suffix, offset) in [(" CEST", 7200), (" CET", 3600), (" UTC", 0), (" GMT", 0)]
      where upper.hasSuffix(suffix) {
        fixedOffset = offset
        text = String(text.dropLast(suffix.count))
        break
      }
    }
    // In ASCII text the last byte is the last character: no need for `hasSuffix`, which compares characters.
    if isASCII ? text.utf8.last.map({ $0 & 0xDF }) == UInt8(ascii: "Z") : (text.hasSuffix("Z") || text.hasSuffix("z")) {
      fixedOffset = 0
      text.removeLast()
    } else if !isASCII || Self.mayEndInOffset(asciiText: text), let offset = trailingOffset(&text) {
      fixedOffset = offset
    }
  }

  /// The instant of a text without its zone: `fixedOffset` from UTC in seconds, else in `timeZone`, else Dutch time.
  private static func date(_ text: String, fixedOffset: Int?, timeZone: TimeZone?) -> Date? {
    var fixedOffset = fixedOffset
    guard let parts = DateParts(numeric: text) ?? DateParts(text), (1...12).contains(parts.month),
      (1...LocalDate.daysIn(month: parts.month, year: parts.year)).contains(parts.day),
      (0...23).contains(parts.hour), (0...59).contains(parts.minute), (0...59).contains(parts.second)
    else { return nil }
    // Arithmetic rather than Calendar: a date is read on every row of an import.
    let local =
      Timestamp.days(fromCivil: parts.year, parts.month, parts.day) * 86_400 + Int64(parts.hour * 3600)
      + Int64(parts.minute * 60) + Int64(parts.second)
    if fixedOffset == nil, let timeZone {
      // The offset at that local time: guessed from the local time read as UTC, then corrected once (enough for
      // every zone's daylight-saving jumps).
      let guess = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
      fixedOffset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - Int64(guess))))
    }
    let utc = fixedOffset.map { local - Int64($0) } ?? AmsterdamTime.utc(fromLocal: local)
    return Date(timeIntervalSince1970: TimeInterval(utc))
  }

  /// The day a text names when it is a date without a time (`1-3-2026`, `2026-03-01`), else `nil`.
  public static func day(_ raw: String) -> LocalDate? {
    let text = raw.trimmedOfWhitespace
    guard !text.isEmpty, let parts = DateParts(numeric: text) ?? DateParts(text), !parts.hasTime,
      (1...12).contains(parts.month), (1...LocalDate.daysIn(month: parts.month, year: parts.year)).contains(parts.day)
    else { return nil }
    return LocalDate(year: parts.year, month: parts.month, day: parts.day)
  }

  /// Whether ``trailingOffset(_:)`` may find an offset in ASCII text: there is a '+' or '-' with a ':' before it.
  private static func mayEndInOffset(asciiText text: String) -> Bool {
    let bytes = text.utf8
    guard let sign = bytes.lastIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }) else {
      return false
    }
    return bytes[..<sign].contains(UInt8(ascii: ":"))
  }

  /// Removes and returns a trailing `+01:00`, `-0500` or `+01` offset in seconds (only after a time).
  private static func trailingOffset(_ text: inout String) -> Int? {
    guard let index = text.lastIndex(where: { $0 == "+" || $0 == "-" }),
      text[..<index].contains(":")
    else { return nil }
    let digits = text[text.index(after: index)...].filter(\.isNumber)
    let rest = text[text.index(after: index)...]
    guard rest.allSatisfy({ $0.isNumber || $0 == ":" }), digits.count == 2 || digits.count == 4,
      let value = Int(digits)
    else { return nil }
    let hours = digits.count == 2 ? value : value / 100
    let minutes = digits.count == 2 ? 0 : value % 100
    let sign = text[index] == "-" ? -1 : 1
    text = String(text[..<index])
    return sign * (hours * 3600 + minutes * 60)
  }

  private static let months = [
    "jan": 1, "feb": 2, "mar": 3, "mrt": 3, "apr": 4, "may": 5, "mei": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "okt": 10, "nov": 11, "dec": 12,
  ]

  private struct DateParts {
    var year = 0
    var month = 0
    var day = 0
    var hour = 0
    var minute = 0
    var second = 0
    /// Whether the text has a time of day after the date.
    var hasTime = false

    /// The common all-numeric shapes, read byte by byte: `2026-03-10 14:05[:00]`, `10-3-2026 14:05:00`,
    /// `3/10/2026 14:05`, with `T` or a space before the time. `nil` for anything else (AM/PM, fractions of seconds,
    /// month names), which the general reader below handles.
    init?(numeric text: String) {
      // The numbers and separators are kept on the stack: a date is read on every row of an import.
      guard
        let parts = withUnsafeTemporaryAllocation(
          of: Int.self, capacity: 17, { Self.numericParts(text, storage: $0) })
      else { return nil }
      (year, month, day, hour, minute, second, hasTime) = parts
    }

    /// ``init(numeric:)``'s reading: up to six numbers (values in `storage[0..<6]`, digit counts in
    /// `storage[6..<12]`) and the five separators between them (`storage[12..<17]`).
    private static func numericParts(_ text: String, storage: UnsafeMutableBufferPointer<Int>) -> (
      year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, hasTime: Bool
    )? {
      var count = 0
      func number(_ index: Int) -> Int { storage[index] }
      func digitCount(_ index: Int) -> Int { storage[6 + index] }
      func separator(_ index: Int) -> Int { storage[12 + index] }
      var value = 0
      var digits = 0
      for byte in text.utf8 {
        if byte >= 0x30 && byte <= 0x39 {
          value = value * 10 + Int(byte - 0x30)
          digits += 1
          guard digits <= 4 else { return nil }
        } else {
          guard digits > 0, count < 5 else { return nil }
          storage[count] = value
          storage[6 + count] = digits
          storage[12 + count] = Int(byte)
          count += 1
          (value, digits) = (0, 0)
        }
      }
      guard digits > 0 else { return nil }
      storage[count] = value
      storage[6 + count] = digits
      count += 1
      var (year, month, day, hour, minute, second) = (0, 0, 0, 0, 0, 0)
      // date: n sep n sep n; then optionally (space or T) h : m [: s].
      guard count == 3 || count == 5 || count == 6 else { return nil }
      let dateSeparator = separator(0)
      guard [0x2D, 0x2F, 0x2E].contains(dateSeparator), separator(1) == dateSeparator else { return nil }
      if count > 3 {
        guard separator(2) == 0x20 || separator(2) == 0x54, (3..<(count - 1)).allSatisfy({ separator($0) == 0x3A })
        else {
          return nil
        }
        guard digitCount(3) <= 2, digitCount(4) == 2, count == 5 || digitCount(5) == 2 else {
          return nil
        }
        (hour, minute) = (number(3), number(4))
        second = count == 6 ? number(5) : 0
      }
      let (a, b, c) = ((number(0), digitCount(0)), (number(1), digitCount(1)), (number(2), digitCount(2)))
      if a.1 == 4 {
        guard b.1 <= 2, c.1 <= 2 else { return nil }
        (year, month, day) = (a.0, b.0, c.0)
      } else {
        guard a.1 <= 2, b.1 <= 2, c.1 == 4 || c.1 == 2 else { return nil }
        if dateSeparator == 0x2F {
          // US order unless the first number cannot be a month.
          (month, day) = a.0 > 12 ? (b.0, a.0) : (a.0, b.0)
        } else {
          (day, month) = (a.0, b.0)
        }
        year = c.1 == 2 ? 2000 + c.0 : c.0
      }
      guard (1900...2999).contains(year) else { return nil }
      return (year, month, day, hour, minute, second, count > 3)
    }

    init?(_ text: String) {
      // Split the date from the time at 'T' or the first space before a time.
      let normalised = text.replacingOccurrences(of: ",", with: " ")
      var tokens = normalised.split(separator: " ").map(String.init)
      if tokens.count == 1, let t = tokens[0].firstIndex(of: "T") {
        tokens = [String(tokens[0][..<t]), String(tokens[0][tokens[0].index(after: t)...])]
      } else if let first = tokens.first, let t = first.firstIndex(of: "T"), first.first?.isNumber == true {
        tokens[0] = String(first[..<t])
        tokens.insert(String(first[first.index(after: t)...]), at: 1)
      }
      guard !tokens.isEmpty else { return nil }
      var rest: ArraySlice<String>
      if let month = ExportDate.months[String(tokens[0].lowercased().prefix(3))], tokens.count >= 3,
        let day = Int(tokens[1]), let year = Int(tokens[2])
      {
        // Apr 26 2018 [time]
        (self.year, self.month, self.day) = (year, month, day)
        rest = tokens.dropFirst(3)
      } else {
        let date = tokens[0]
        let dashed = date.split(separator: "-").map(String.init)
        let slashed = date.split(separator: "/").map(String.init)
        let dotted = date.split(separator: ".").map(String.init)
        let fields = dashed.count == 3 ? dashed : slashed.count == 3 ? slashed : dotted.count == 3 ? dotted : []
        guard fields.count == 3, fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
          let a = Int(fields[0]), let b = Int(fields[1]), let c = Int(fields[2])
        else { return nil }
        if fields[0].count == 4 {
          (year, month, day) = (a, b, c)
        } else if slashed.count == 3 {
          // US order unless the first number cannot be a month.
          (month, day) = a > 12 ? (b, a) : (a, b)
          year = fields[2].count == 2 ? 2000 + c : c
        } else {
          (day, month) = (a, b)
          year = fields[2].count == 2 ? 2000 + c : c
        }
        rest = tokens.dropFirst()
      }
      guard (1...12).contains(month), (1...31).contains(day), (1900...2999).contains(year) else { return nil }
      guard let time = rest.first else { return }
      let meridiem = rest.dropFirst().first?.lowercased()
      let clock = time.split(separator: ":").map(String.init)
      guard (2...3).contains(clock.count), let hour = Int(clock[0]), let minute = Int(clock[1]) else { return nil }
      let second = clock.count == 3 ? Int(clock[2].split(separator: ".")[0]) : 0
      guard let second, (0...59).contains(minute), (0...60).contains(second) else { return nil }
      var hour24 = hour
      switch meridiem {
      case "am"?, "a.m."?:
        guard (1...12).contains(hour) else { return nil }
        hour24 = hour == 12 ? 0 : hour
      case "pm"?, "p.m."?:
        guard (1...12).contains(hour) else { return nil }
        hour24 = hour == 12 ? 12 : hour + 12
      case nil: break
      default: return nil
      }
      guard (0...23).contains(hour24), rest.count <= 2 else { return nil }
      (self.hour, self.minute, self.second) = (hour24, minute, min(second, 59))
      hasTime = true
    }
  }
}
