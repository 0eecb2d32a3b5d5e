import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore
@testable import TevredenImport

/// Dates as the platforms write them, read in Dutch local time unless they carry a zone.
@Suite struct ExportDateTests {
  @Test(arguments: [
    ("2026-03-10", "2026-03-09T23:00:00Z"),
    ("2026-03-10 14:05:00", "2026-03-10T13:05:00Z"),
    ("2026-07-10 14:05", "2026-07-10T12:05:00Z"),
    ("2026-03-10T14:05:00Z", "2026-03-10T14:05:00Z"),
    ("2026-03-10T14:05:00.123Z", "2026-03-10T14:05:00Z"),
    ("2026-03-10T14:05:00+01:00", "2026-03-10T13:05:00Z"),
    ("2026-03-10 14:05:00+0200", "2026-03-10T12:05:00Z"),
    ("10-03-2026", "2026-03-09T23:00:00Z"),
    ("10-3-2026 14:05", "2026-03-10T13:05:00Z"),
    ("3/10/2026 2:05 PM", "2026-03-10T13:05:00Z"),
    ("3/10/26 14:05", "2026-03-10T13:05:00Z"),
    ("13/3/2026", "2026-03-12T23:00:00Z"),
    ("2023/11/13 4:20:37 pm CET", "2023-11-13T15:20:37Z"),
    ("Apr 26, 2018 8:58:20 AM", "2018-04-26T06:58:20Z"),
    ("Apr 26, 2018", "2018-04-25T22:00:00Z"),
    ("12/31/2025 12:00:00 AM", "2025-12-30T23:00:00Z"),
    ("2026-03-29 03:30:00", "2026-03-29T01:30:00Z"),
    // Around the changes of summer time: the skipped hour read with the winter offset, the doubled hour as the
    // first (summer-time) one, as Foundation's calendar reads them.
    ("2026-03-29 02:30", "2026-03-29T01:30:00Z"),
    ("2026-10-25 02:30", "2026-10-25T00:30:00Z"),
    ("2026-10-25 03:00", "2026-10-25T02:00:00Z"),
    ("1-1-2026 0:00:00", "2025-12-31T23:00:00Z"),
    ("29-2-2024 23:59:59", "2024-02-29T22:59:59Z"),
    ("2026.03.10 14:05:00", "2026-03-10T13:05:00Z"),
    ("10.03.2026", "2026-03-09T23:00:00Z"),
    ("2026-03-10T14:05", "2026-03-10T13:05:00Z"),
  ])
  func readsPlatformFormats(text: String, expected: String) throws {
    let date = try #require(ExportDate.parse(text), "\(text)")
    #expect(Timestamp.format(date) == expected, "\(text)")
  }

  @Test(arguments: [
    "", "gisteren", "2026-13-01", "31-02-2026", "2026-03-10 25:00", "1/2", "13:00", "2026-03-10 1:61", "29-2-2025",
    "2026-03-10 14:05:00:00", "12345-1-1",
  ])
  func refusesWhatIsNotADate(text: String) {
    #expect(ExportDate.parse(text) == nil, "\(text)")
  }

  /// A day without a time (in a column a mapping file names) is that day; a text with a time is no day.
  @Test func aDateWithoutATimeIsADay() {
    #expect(ExportDate.day("1-3-2026") == LocalDate(year: 2026, month: 3, day: 1))
    #expect(ExportDate.day(" 01-03-2026 ") == LocalDate(year: 2026, month: 3, day: 1))
    #expect(ExportDate.day("2026-03-01") == LocalDate(year: 2026, month: 3, day: 1))
    #expect(ExportDate.day("Apr 26, 2018") == LocalDate(year: 2018, month: 4, day: 26))
    for text in ["01-03-2026 10:40", "2026-03-01T10:40:00Z", "3/1/2026 2:05 PM", "31-2-2026", "gisteren", ""] {
      #expect(ExportDate.day(text) == nil, "\(text)")
    }
  }

  @Test func aColumnInUTCIsReadAsUTCUnlessTheValueSaysOtherwise() throws {
    let typeform = try #require(ExportDate.parse("2026-04-14 08:30:00", isUTC: true))
    #expect(Timestamp.format(typeform) == "2026-04-14T08:30:00Z")
    let local = try #require(ExportDate.parse("2026-04-14 08:30:00"))
    #expect(Timestamp.format(local) == "2026-04-14T06:30:00Z")
    let offset = try #require(ExportDate.parse("2026-04-14T10:30:00+02:00", isUTC: true))
    #expect(Timestamp.format(offset) == "2026-04-14T08:30:00Z")
  }
}

/// The shortcut for plain numeric dates skips looking for a zone: it may do so only where looking finds none.
@Suite struct PlainNumericDateTests {
  static let plain = [
    "1-1-2026 0:00:00", "2026-03-10", "2026-03-10 14:05:00", "2026-03-10T14:05:00", "10-3-2026 14:05",
    "3/10/2026 2:05", "3/10/26 14:05", "2023/11/13 4:20:37", "10.03.2026 14:05:00", "2026-03-10 14:05:00.123",
    "31-12-1999", "1",
  ]
  static let zoned = [
    "2026-03-10T14:05:00Z", "2026-03-10T14:05:00z", "2026-03-10T14:05:00+01:00", "2026-03-10 14:05:00-0500",
    "2026-03-10 14:05:00 -05", "2023/11/13 4:20:37 pm CET", "2026-03-10 14:05 UTC", "2026-03-10 14:05 GMT",
    "2026-03-10 14:05 CEST", "3/10/2026 2:05 PM", "Apr 26, 2018 8:58:20 AM", "2026-03-10 14:05:00+01",
    "2026-03-10T14:05", "１-1-2026 0:00", "2026-03-10 14:05:00 T", "2026-03-10 14:05:00 C",
  ]

  @Test(arguments: plain) func plainTextHasNoZone(_ text: String) {
    #expect(ExportDate.isPlainNumeric(text))
    var stripped = text
    var offset: Int?
    ExportDate.removeZone(from: &stripped, fixedOffset: &offset)
    #expect(stripped == text)
    #expect(offset == nil)
  }

  @Test(arguments: zoned) func textThatMayNameAZoneTakesTheLongWay(_ text: String) {
    #expect(!ExportDate.isPlainNumeric(text) || text == "2026-03-10T14:05")
    var stripped = text
    var offset: Int?
    ExportDate.removeZone(from: &stripped, fixedOffset: &offset)
    if ExportDate.isPlainNumeric(text) {
      #expect(stripped == text && offset == nil)
    }
  }
}
