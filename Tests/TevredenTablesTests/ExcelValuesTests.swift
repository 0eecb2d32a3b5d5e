import Testing

@testable import TevredenTables

@Suite struct ExcelValuesTests {
  @Test(arguments: [
    (1.0, "1900-01-01T00:00:00"),
    (59.0, "1900-02-28T00:00:00"),
    (60.0, "1900-02-29T00:00:00"),  // the day Lotus 1-2-3 invented
    (61.0, "1900-03-01T00:00:00"),
    (25_569.0, "1970-01-01T00:00:00"),
    (37_384.0, "2002-05-08T00:00:00"),
    (45_308.755388854166, "2024-01-17T18:07:46"),
    (45_292.999_999_9, "2024-01-02T00:00:00"),  // rounds up into the next day
    (2_958_465.0, "9999-12-31T00:00:00"),
  ])
  func convertsSerialDatesOfThe1900System(_ serial: Double, _ expected: String) {
    #expect(ExcelValues.isoText(serial: serial, kind: .dateTime, date1904: false) == expected)
  }

  @Test func convertsSerialDatesOfThe1904System() {
    #expect(ExcelValues.isoText(serial: 0, kind: .dateTime, date1904: true) == "1904-01-01T00:00:00")
    #expect(ExcelValues.isoText(serial: 43_846.5, kind: .dateTime, date1904: true) == "2024-01-17T12:00:00")
  }

  @Test func showsTimesOfDayWithoutADate() {
    #expect(ExcelValues.isoText(serial: 0.5, kind: .time, date1904: false) == "12:00:00")
    #expect(ExcelValues.isoText(serial: 0.372_222_222, kind: .time, date1904: false) == "08:56:00")
    // A time format on a value with a date part keeps the date.
    #expect(ExcelValues.isoText(serial: 45_000.25, kind: .time, date1904: false) == "2023-03-15T06:00:00")
  }

  @Test func leavesImpossibleDatesAlone() {
    #expect(ExcelValues.isoText(serial: -1, kind: .dateTime, date1904: false) == nil)
    #expect(ExcelValues.isoText(serial: 2_958_466, kind: .dateTime, date1904: false) == nil)
    #expect(ExcelValues.isoText(serial: .infinity, kind: .dateTime, date1904: false) == nil)
  }

  @Test(arguments: [
    ("m/d/yyyy\\ h:mm:ss", ExcelDateKind.dateTime),
    ("yyyy\\-mm\\-dd", .dateTime),
    ("m/d/yy\\ h:mm:ss", .dateTime),
    ("[$-413]d\\ mmmm\\ yyyy;@", .dateTime),
    ("dd-mm-jjjj", .dateTime),  // d is enough (Dutch Excel writes jjjj for years)
    ("mmm", .dateTime),
    ("h:mm AM/PM", .time),
    ("[Red]hh:mm:ss", .time),
  ])
  func recognisesDateFormats(_ code: String, _ kind: ExcelDateKind) {
    #expect(ExcelValues.dateKind(formatCode: code) == kind)
  }

  @Test(arguments: [
    "General", "0.00", "#,##0", "0%", "0.00E+00", "@", "\"days\"\\ 0", "[h]:mm:ss", "#,##0;[Red]-#,##0",
  ])
  func recognisesNumberFormats(_ code: String) {
    #expect(ExcelValues.dateKind(formatCode: code) == nil)
  }

  @Test func knowsTheBuiltInDateFormats() {
    #expect(ExcelValues.builtInDateKind(14) == .dateTime)
    #expect(ExcelValues.builtInDateKind(22) == .dateTime)
    #expect(ExcelValues.builtInDateKind(20) == .time)
    #expect(ExcelValues.builtInDateKind(0) == nil)
    #expect(ExcelValues.builtInDateKind(46) == nil)
    #expect(ExcelValues.builtInDateKind(49) == nil)
  }

  @Test func readsColumnLettersOfCellReferences() {
    #expect(ExcelValues.columnIndex(ofReference: "A1") == 0)
    #expect(ExcelValues.columnIndex(ofReference: "C7") == 2)
    #expect(ExcelValues.columnIndex(ofReference: "Z9") == 25)
    #expect(ExcelValues.columnIndex(ofReference: "AA12") == 26)
    #expect(ExcelValues.columnIndex(ofReference: "AK8") == 36)
    #expect(ExcelValues.columnIndex(ofReference: "$B$2") == 1)
    #expect(ExcelValues.columnIndex(ofReference: "XFD1") == 16_383)
    #expect(ExcelValues.columnIndex(ofReference: "XFE1") == nil)
    #expect(ExcelValues.columnIndex(ofReference: "12") == nil)
  }

  @Test func undoesOfficeXMLEscapes() {
    #expect(ExcelValues.unescape("regel 1_x000D_\nregel 2") == "regel 1\r\nregel 2")
    #expect(ExcelValues.unescape("a_x005F_x000D_b") == "a_x000D_b")
    #expect(ExcelValues.unescape("snake_case_xyz_") == "snake_case_xyz_")
    #expect(ExcelValues.unescape("tab_x0009_") == "tab\t")
  }
}
