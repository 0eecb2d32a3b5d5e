import Foundation

/// A calendar day in Dutch local time (Europe/Amsterdam), written `yyyy-MM-dd`.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// The local day of an instant, in the Netherlands (summer time included).
  public init(_ date: Date) {
    let utc = Int64((date.timeIntervalSince1970).rounded(.down))
    let seconds = utc + Int64(AmsterdamTime.offset(atUTC: utc))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let (year, month, day) = Timestamp.civil(fromDays: days)
    self.init(year: year, month: month, day: day)
  }

  /// Reads `yyyy-MM-dd`; `nil` if it is not a real day.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...LocalDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// The same day `months` months later (earlier when negative); the 31st becomes the month's last day.
  public func addingMonths(_ months: Int) -> LocalDate {
    let total = year * 12 + (month - 1) + months
    let newYear = total >= 0 ? total / 12 : (total - 11) / 12
    let newMonth = total - newYear * 12 + 1
    return LocalDate(year: newYear, month: newMonth, day: min(day, LocalDate.daysIn(month: newMonth, year: newYear)))
  }

  /// Noon of this day in Dutch local time: an instant that lies on this day whatever the summer-time rule does,
  /// for a response that is known only by its day (a paper form keyed in later).
  public var noon: Date {
    let local = Timestamp.days(fromCivil: year, month, day) * 86_400 + 12 * 3600
    return Date(timeIntervalSince1970: TimeInterval(AmsterdamTime.utc(fromLocal: local)))
  }

  public var description: String {
    // Every stored response's day is written with this: the digits go straight into the string's storage when each
    // number fits its width, as nearly every day's do.
    guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else { return paddedText }
    return String(unsafeUninitializedCapacity: 10) { text in
      putDigits(year, width: 4, at: 0, in: text)
      text[4] = UInt8(ascii: "-")
      putDigits(month, width: 2, at: 5, in: text)
      text[7] = UInt8(ascii: "-")
      putDigits(day, width: 2, at: 8, in: text)
      return 10
    }
  }

  /// ``description`` for any numbers: each padded with zeros to its width, longer ones whole.
  var paddedText: String {
    func padded(_ number: Int, _ width: Int) -> String {
      let text = String(number)
      return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
    return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
  }

  public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  static let dutchCalendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? TimeZone(secondsFromGMT: 3600) ?? .current
    return calendar
  }()
}

/// A reporting period: cumulative from 1 January, as the management reports (*bestuursrapportages*) are.
///
/// `2026-T1` is January–April (burap 1), `2026-T2` January–August (burap 2), `2026` or `2026-T3` the whole year
/// (burap 3, the annual account). A free range is built with ``init(from:to:)``.
public struct Period: Hashable, Sendable, CustomStringConvertible {
  /// The first day counted.
  public var first: LocalDate
  /// The last day counted.
  public var last: LocalDate

  /// Whether the period is one or more whole calendar years: 1 January to 31 December.
  public var coversWholeYears: Bool {
    first.month == 1 && first.day == 1 && last.month == 12 && last.day == 31 && first.year <= last.year
  }
  /// How the period was named, such as `2026-T2`.
  public var name: String

  public init(from first: LocalDate, to last: LocalDate) {
    self.first = first
    self.last = last
    self.name = "\(first)–\(last)"
  }

  init(name: String, first: LocalDate, last: LocalDate) {
    self.name = name
    self.first = first
    self.last = last
  }

  /// Reads `2026`, `2026-T1`, `2026-T2` or `2026-T3`.
  public init?(_ text: String) {
    let parts = text.uppercased().split(separator: "-T", maxSplits: 1, omittingEmptySubsequences: false)
    guard let yearText = parts.first, yearText.count == 4, let year = Int(yearText) else { return nil }
    let lastMonth: Int
    if parts.count == 1 {
      lastMonth = 12
    } else {
      switch parts[1] {
      case "1": lastMonth = 4
      case "2": lastMonth = 8
      case "3": lastMonth = 12
      default: return nil
      }
    }
    self.init(
      name: text.uppercased(), first: LocalDate(year: year, month: 1, day: 1),
      last: LocalDate(year: year, month: lastMonth, day: LocalDate.daysIn(month: lastMonth, year: year)))
  }

  /// The year whose norms apply: the year of the last day.
  public var normYear: Int { last.year }

  public func contains(_ day: LocalDate) -> Bool { first <= day && day <= last }

  /// The same period a year earlier: `2025-T2` for `2026-T2`; a free range shifted by one year, 29 February
  /// becoming 28 February.
  public var yearEarlier: Period {
    func shift(_ day: LocalDate) -> LocalDate {
      LocalDate(
        year: day.year - 1, month: day.month, day: min(day.day, LocalDate.daysIn(month: day.month, year: day.year - 1)))
    }
    let earlierFirst = shift(first)
    let earlierLast = shift(last)
    if let named = Period(name), named.first == first, named.last == last {
      let parts = name.split(separator: "-", maxSplits: 1)
      let suffix = parts.count == 2 ? "-" + parts[1] : ""
      return Period(name: "\(earlierFirst.year)\(suffix)", first: earlierFirst, last: earlierLast)
    }
    return Period(from: earlierFirst, to: earlierLast)
  }

  public var description: String { name }
}

/// Reads and writes instants as ISO 8601 in UTC with whole seconds (`2026-03-14T09:22:05Z`); also reads
/// offsets (`+01:00`) and fractional seconds, which are dropped: the store keeps whole seconds, and reading the
/// same text twice must give the same instant for re-imports to be recognised.
///
/// The common forms are handled by hand: creating an `ISO8601DateFormatter` per value made importing several times
/// slower, and a shared formatter would be shared mutable state.
public enum Timestamp {
  public static func format(_ date: Date) -> String {
    let seconds = Int64((date.timeIntervalSince1970).rounded(.down))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = Int(seconds - days * 86_400)
    let (year, month, day) = civil(fromDays: days)
    // Digits by hand into the string's own storage: String(format:), and then an array per field, showed up in
    // import profiles (two timestamps per stored response).
    return String(unsafeUninitializedCapacity: 20) { text in
      func put(_ value: Int, width: Int, at offset: Int) { putDigits(abs(value), width: width, at: offset, in: text) }
      put(year, width: 4, at: 0)
      text[4] = UInt8(ascii: "-")
      put(month, width: 2, at: 5)
      text[7] = UInt8(ascii: "-")
      put(day, width: 2, at: 8)
      text[10] = UInt8(ascii: "T")
      put(secondOfDay / 3600, width: 2, at: 11)
      text[13] = UInt8(ascii: ":")
      put(secondOfDay / 60 % 60, width: 2, at: 14)
      text[16] = UInt8(ascii: ":")
      put(secondOfDay % 60, width: 2, at: 17)
      text[19] = UInt8(ascii: "Z")
      return 20
    }
  }

  public static func parse(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    // yyyy-MM-ddTHH:mm:ss then Z, ±HH:MM or a fraction.
    guard bytes.count >= 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54 || bytes[10] == 0x20,
      bytes[13] == 0x3A, bytes[16] == 0x3A,
      let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
      let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2),
      (1...12).contains(month), (1...LocalDate.daysIn(month: month, year: year)).contains(day), hour < 24,
      minute < 60, second < 61
    else { return nil }
    var index = 19
    if bytes[index] == 0x2E {
      index += 1
      let start = index
      while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
      guard index > start else { return nil }
    }
    guard index < bytes.count else { return nil }
    var offset = 0
    if bytes[index] == 0x5A, index == bytes.count - 1 {
      offset = 0
    } else if bytes[index] == 0x2B || bytes[index] == 0x2D, bytes.count == index + 6, bytes[index + 3] == 0x3A,
      let hours = number(bytes, index + 1, 2), let minutes = number(bytes, index + 4, 2), hours < 24, minutes < 60
    {
      offset = (hours * 60 + minutes) * 60 * (bytes[index] == 0x2D ? -1 : 1)
    } else {
      return nil
    }
    let days = Self.days(fromCivil: year, month, day)
    let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset)
    return Date(timeIntervalSince1970: Double(seconds))
  }

  /// Whether `bytes` are a timestamp exactly as ``format(_:)`` writes it (`2026-03-01T09:30:00Z`, a valid date,
  /// second below 60): then `format(parse(text)!)` is the text itself, and an export copies it without either.
  public static func isFormatted(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
      bytes[16] == 0x3A, bytes[19] == 0x5A
    else { return false }
    func number(_ start: Int, _ length: Int) -> Int? {
      var value = 0
      for index in start..<(start + length) {
        guard (0x30...0x39).contains(bytes[index]) else { return nil }
        value = value * 10 + Int(bytes[index] - 0x30)
      }
      return value
    }
    guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
      let minute = number(14, 2), let second = number(17, 2)
    else { return false }
    return (1...12).contains(month) && (1...LocalDate.daysIn(month: month, year: year)).contains(day) && hour < 24
      && minute < 60 && second < 60
  }

  private static func number(_ bytes: [UInt8], _ start: Int, _ length: Int) -> Int? {
    var value = 0
    for index in start..<(start + length) {
      guard (0x30...0x39).contains(bytes[index]) else { return nil }
      value = value * 10 + Int(bytes[index] - 0x30)
    }
    return value
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
  public static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int64 {
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let m = Int64(month)
    let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The proleptic Gregorian date of a number of days since 1970-01-01.
  static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
    let month = Int(mp < 10 ? mp + 3 : mp - 9)
    let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }
}

/// Writes the last `width` decimal digits of `value` (not negative) into `text` from `offset` on, padded with
/// zeros: how a day and a timestamp are written, straight into a string's storage.
private func putDigits(_ value: Int, width: Int, at offset: Int, in text: UnsafeMutableBufferPointer<UInt8>) {
  var rest = value
  for index in stride(from: offset + width - 1, through: offset, by: -1) {
    text[index] = UInt8(ascii: "0") + UInt8(rest % 10)
    rest /= 10
  }
}
