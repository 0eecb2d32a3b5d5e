import Foundation

/// Dutch local time (Europe/Amsterdam) by arithmetic: the EU summer-time rule, in force in the Netherlands since
/// 1996, gives UTC+2 from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October, and
/// UTC+1 otherwise. Earlier (and far later) instants ask the system's time-zone database.
///
/// Imports convert a time for every row: this is exact for the years surveys are held and takes no time-zone
/// lookups (which dominated the time of reading a date when measured with perf).
public enum AmsterdamTime {
  static let zone = TimeZone(identifier: "Europe/Amsterdam") ?? TimeZone(secondsFromGMT: 3600) ?? .gmt
  static let ruleYears = 1996...2099

  /// The offset from UTC, in seconds, at an instant given in seconds since 1970 (UTC).
  static func offset(atUTC seconds: Int64) -> Int {
    let year = Timestamp.civil(fromDays: floorDivide(seconds, 86_400)).year
    guard ruleYears.contains(year) else {
      return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
    let start = lastSunday(month: 3, year: year) * 86_400 + 3600
    let end = lastSunday(month: 10, year: year) * 86_400 + 3600
    return seconds >= start && seconds < end ? 7200 : 3600
  }

  /// The instant of a local wall-clock time, given as seconds since 1970 as if local time were UTC.
  ///
  /// A time in the hour skipped in spring is read with the winter offset (02:30 becomes 03:30 summer time); a
  /// time in the hour that occurs twice in autumn is read as the first (summer-time) one, as Foundation's
  /// calendar does.
  public static func utc(fromLocal local: Int64) -> Int64 {
    let summer = local - 7200
    if offset(atUTC: summer) == 7200 { return summer }
    let winter = local - 3600
    if offset(atUTC: winter) == 3600 { return winter }
    // In the gap in spring: neither reading is consistent.
    return winter
  }

  /// Days since 1970 of the last Sunday of a month.
  static func lastSunday(month: Int, year: Int) -> Int64 {
    let last = Timestamp.days(fromCivil: year, month, LocalDate.daysIn(month: month, year: year))
    // 1970-01-01 was a Thursday: (days + 4) mod 7 is 0 on Sundays.
    let weekday = (last + 4) % 7 >= 0 ? (last + 4) % 7 : (last + 4) % 7 + 7
    return last - weekday
  }

  private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
    value >= 0 ? value / divisor : (value - divisor + 1) / divisor
  }
}
