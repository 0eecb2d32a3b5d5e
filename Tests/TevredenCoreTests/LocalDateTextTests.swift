import Foundation
import Testing

@testable import TevredenCore

/// A day's text is written digit by digit when its numbers fit their widths; it must be what padding each number
/// gives, for those and for any others.
@Suite struct LocalDateTextTests {
  @Test func writtenDigitsAreThePaddedNumbers() {
    let years = [0, 1, 9, 10, 99, 100, 999, 1000, 1970, 2026, 9999, 10_000, 12_345, -1, -2026]
    let numbers = [-10, -1, 0, 1, 9, 10, 12, 31, 99, 100, 123]
    for year in years {
      for month in numbers {
        for day in numbers {
          let date = LocalDate(year: year, month: month, day: day)
          #expect(date.description == date.paddedText, "\(year) \(month) \(day)")
        }
      }
    }
    #expect(LocalDate(year: 2026, month: 3, day: 7).description == "2026-03-07")
    #expect(LocalDate(year: 12_345, month: 3, day: 7).description == "12345-03-07")
  }
}
