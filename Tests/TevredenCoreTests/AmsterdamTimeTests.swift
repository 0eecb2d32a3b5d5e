import Foundation
import Testing

@testable import TevredenCore

@Suite struct AmsterdamTimeTests {
  static let zone = TimeZone(identifier: "Europe/Amsterdam")

  @Test func theOffsetAgreesWithTheTimeZoneDatabaseEveryHourOfTenYears() throws {
    let zone = try #require(Self.zone)
    let start = Int64(Timestamp.days(fromCivil: 2020, 1, 1) * 86_400)
    let end = Int64(Timestamp.days(fromCivil: 2030, 1, 1) * 86_400)
    var mismatches: [Int64] = []
    for seconds in stride(from: start, to: end, by: 3600) {
      let expected = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
      if AmsterdamTime.offset(atUTC: seconds) != expected { mismatches.append(seconds) }
    }
    #expect(mismatches.isEmpty, "first differences at \(mismatches.prefix(3))")
  }

  @Test func theChangesHappenAtOneOClockUTCOnTheLastSundays() {
    // 2026: summer time from Sunday 29 March, winter time from Sunday 25 October.
    let march = Timestamp.days(fromCivil: 2026, 3, 29) * 86_400
    #expect(AmsterdamTime.offset(atUTC: march + 3599) == 3600)
    #expect(AmsterdamTime.offset(atUTC: march + 3600) == 7200)
    let october = Timestamp.days(fromCivil: 2026, 10, 25) * 86_400
    #expect(AmsterdamTime.offset(atUTC: october + 3599) == 7200)
    #expect(AmsterdamTime.offset(atUTC: october + 3600) == 3600)
    // A leap year whose last Sunday of March is the 31st.
    #expect(AmsterdamTime.lastSunday(month: 3, year: 2024) == Timestamp.days(fromCivil: 2024, 3, 31))
  }

  @Test func localTimesBecomeInstantsAsFoundationsCalendarReadsThem() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(Self.zone)
    // Whole quarter hours around both changes of 2025 and 2026, and ordinary times in between.
    var locals: [(Int, Int, Int, Int, Int)] = []
    for (year, month, day) in [(2025, 3, 30), (2025, 10, 26), (2026, 3, 29), (2026, 10, 25), (2026, 7, 1)] {
      for hour in 0..<5 { for minute in [0, 15, 30, 45] { locals.append((year, month, day, hour, minute)) } }
    }
    for (year, month, day, hour, minute) in locals {
      let expected = try #require(
        calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)))
      let local = Timestamp.days(fromCivil: year, month, day) * 86_400 + Int64(hour * 3600 + minute * 60)
      #expect(
        AmsterdamTime.utc(fromLocal: local) == Int64(expected.timeIntervalSince1970),
        "\(year)-\(month)-\(day) \(hour):\(minute)")
    }
  }

  @Test func yearsOutsideTheRuleAskTheTimeZoneDatabase() throws {
    let zone = try #require(Self.zone)
    // 1 July 1990, noon UTC: summer time then too, but under an older rule.
    let seconds = Timestamp.days(fromCivil: 1990, 7, 1) * 86_400 + 12 * 3600
    #expect(
      AmsterdamTime.offset(atUTC: seconds) == zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
  }

  @Test(arguments: [
    ("2026-01-15", "2026-01-15T11:00:00Z"), ("2026-07-01", "2026-07-01T10:00:00Z"),
    // The days the clocks change: noon is after the change on both.
    ("2026-03-29", "2026-03-29T10:00:00Z"), ("2026-10-25", "2026-10-25T11:00:00Z"),
    ("2024-02-29", "2024-02-29T11:00:00Z"),
  ])
  func noonOfADayIsNoonInDutchLocalTimeAndLiesOnThatDay(day: String, utc: String) throws {
    let date = try #require(LocalDate(day))
    #expect(Timestamp.format(date.noon) == utc)
    #expect(LocalDate(date.noon) == date)
  }
}
