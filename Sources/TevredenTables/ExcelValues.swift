/// How a number format shows a cell: as a date (with or without time), or as a time of day only.
enum ExcelDateKind: Hashable, Sendable {
  /// A date, possibly with a time: shown as `YYYY-MM-DDTHH:MM:SS`.
  case dateTime
  /// A time of day without a date: shown as `HH:MM:SS` when the value is below one day.
  case time
}

/// Excel's serial dates and number formats, and the `_xHHHH_` escapes of Office Open XML strings.
enum ExcelValues {
  /// Days from 1970-01-01 back to 1899-12-30, day 0 of the 1900 date system once past its leap-year bug.
  private static let unixDaysAt1899December30 = -25_569
  /// Days from 1970-01-01 back to 1904-01-01, day 0 of the 1904 date system (old Mac Excel).
  private static let unixDaysAt1904January1 = -24_107
  /// Serial 2 958 466 is 10000-01-01, past what Excel can show.
  private static let serialLimit = 2_958_466.0

  /// An Excel serial date as ISO 8601 text, rounded to the second as Excel shows it.
  ///
  /// In the 1900 date system serial 1 is 1900-01-01 and serial 60 is the 29 February 1900 that Lotus 1-2-3
  /// invented and Excel kept for compatibility; from serial 61 (1900-03-01) on, dates are right. In the
  /// 1904 system serial 0 is 1904-01-01.
  ///
  /// - Returns: `YYYY-MM-DDTHH:MM:SS`, or `HH:MM:SS` for a ``ExcelDateKind/time`` below one day; `nil` for
  ///   values no date format can show (negative, not finite, year 10000 or later).
  static func isoText(serial: Double, kind: ExcelDateKind, date1904: Bool) -> String? {
    guard serial.isFinite, serial >= 0, serial < serialLimit else { return nil }
    let totalSeconds = Int((serial * 86_400).rounded(.toNearestOrAwayFromZero))
    let days = totalSeconds / 86_400
    let seconds = totalSeconds % 86_400
    let time = "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
    if kind == .time && days == 0 { return time }
    let date: String
    if date1904 {
      date = civilDate(unixDays: days + unixDaysAt1904January1)
    } else if days == 60 {
      date = "1900-02-29"
    } else if days < 60 {
      date = civilDate(unixDays: days + unixDaysAt1899December30 + 1)
    } else {
      date = civilDate(unixDays: days + unixDaysAt1899December30)
    }
    return "\(date)T\(time)"
  }

  /// `YYYY-MM-DD` for a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`).
  static func civilDate(unixDays: Int) -> String {
    let shifted = unixDays + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }

  // MARK: Number formats

  /// The date kind of a built-in number format (ECMA-376 part 1, 18.8.30), `nil` for numbers.
  ///
  /// 14–17 and 22 are dates, 18–21, 45 and 47 times; 27–36 and 50–58 are the dates of East Asian locales.
  /// 46 (`[h]:mm:ss`) is a duration, not a time of day, so it stays a number.
  static func builtInDateKind(_ id: Int) -> ExcelDateKind? {
    switch id {
    case 14...17, 22, 27...36, 50...58: .dateTime
    case 18...21, 45, 47: .time
    default: nil
    }
  }

  /// The date kind of a format code such as `m/d/yyyy\ h:mm:ss` or `yyyy\-mm\-dd`, `nil` for numbers.
  ///
  /// Only the first section (before `;`) counts. Quoted text, escaped and padding characters, and
  /// bracketed parts (colours, locales, conditions) are ignored; an elapsed-time part such as `[h]` makes
  /// the format a duration, which stays a number. Then `y` or `d` means a date, `h` or `s` a time, and a
  /// lone `m` a month.
  static func dateKind(formatCode code: String) -> ExcelDateKind? {
    var letters = Set<Character>()
    var iterator = code.lowercased().makeIterator()
    scanning: while let character = iterator.next() {
      switch character {
      case ";":
        break scanning
      case "\"":
        while let next = iterator.next(), next != "\"" {}
      case "\\", "_", "*":
        _ = iterator.next()
      case "[":
        var bracketed = ""
        while let next = iterator.next(), next != "]" { bracketed.append(next) }
        if !bracketed.isEmpty && bracketed.allSatisfy({ "hms".contains($0) }) { return nil }
      default:
        letters.insert(character)
      }
    }
    if letters.contains("y") || letters.contains("d") { return .dateTime }
    if letters.contains("h") || letters.contains("s") { return .time }
    if letters.contains("m") { return .dateTime }
    return nil
  }

  // MARK: Strings

  /// Undoes the `_xHHHH_` escapes Office Open XML uses for characters XML cannot carry (ECMA-376 part 1,
  /// 22.9.2.19), such as `_x000D_` for a carriage return; `_x005F_` escapes a literal underscore.
  static func unescape(_ text: String) -> String {
    guard mayHoldEscapes(text) else { return text }
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
        let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
        let scalar = Unicode.Scalar(value)
      {
        result.append(scalar)
        index += 7
      } else {
        result.append(scalars[index])
        index += 1
      }
    }
    return String(result)
  }

  /// Whether the text has `_x` anywhere: a scan of its bytes, where `String.contains` went through Foundation's
  /// locale-aware search, which took a third of the time of reading a large shared-strings part.
  private static func mayHoldEscapes(_ text: String) -> Bool {
    func scan(_ bytes: some Collection<UInt8>) -> Bool {
      var previous: UInt8 = 0
      for byte in bytes {
        if byte == UInt8(ascii: "x") && previous == UInt8(ascii: "_") { return true }
        previous = byte
      }
      return false
    }
    return text.utf8.withContiguousStorageIfAvailable { scan($0) } ?? scan(text.utf8)
  }

  // MARK: Cell references

  /// The 0-based column of a cell reference such as `C7` or `AA12` (`$` signs allowed); `nil` if there
  /// are no column letters or the column is past Excel's last, XFD.
  static func columnIndex(ofReference reference: String) -> Int? {
    var column = 0
    var sawLetter = false
    for byte in reference.utf8 {
      if byte == UInt8(ascii: "$") { continue }
      let upper = byte & 0xDF
      guard byte >= UInt8(ascii: "A"), upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z") else { break }
      column = column * 26 + Int(upper - UInt8(ascii: "A")) + 1
      sawLetter = true
      if column > maximumColumns { return nil }
    }
    return sawLetter ? column - 1 : nil
  }

  /// The letters of a 0-based column: 0 is `A`, 26 is `AA`.
  static func columnName(_ index: Int) -> String {
    var name: [Character] = []
    var remaining = index + 1
    while remaining > 0 {
      let letter = (remaining - 1) % 26
      name.insert(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(letter))), at: 0)
      remaining = (remaining - 1) / 26
    }
    return String(name)
  }

  /// Excel's column limit (A to XFD).
  static let maximumColumns = 16_384
}
