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

  /// The local day of an instant, in the Netherlands.
  public init(_ date: Date) {
    let parts = LocalDate.dutchCalendar.dateComponents([.year, .month, .day], from: date)
    self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
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

  public var description: String {
    String(format: "%04d-%02d-%02d", year, month, day)
  }

  public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  static func daysIn(month: Int, year: Int) -> Int {
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

  public var description: String { name }
}

/// Reads and writes instants as ISO 8601 in UTC with whole seconds (`2026-03-14T09:22:05Z`); also reads offsets.
public enum Timestamp {
  public static func format(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(secondsFromGMT: 0)
    return formatter.string(from: date)
  }

  public static func parse(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.date(from: text)
  }
}
