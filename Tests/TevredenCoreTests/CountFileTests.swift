import Foundation
import Testing

@testable import TevredenCore

/// The files of counts per group behind `--weights` and `--invited`: every bad line named by file and line, and
/// a year's periods in one file.
@Suite struct CountFileTests {
  let groups: Set<String> = ["melding", "advies"]

  @Test func readsGroupCountLinesWithAHeaderCommentsAndAByteOrderMark() throws {
    let text = "\u{FEFF}group,invited\n# uit de registratie\nmelding,400\nadvies;120\n\n"
    #expect(
      try PopulationWeights.parse(text, file: "u.csv", knownGroups: groups, column: "invited")
        == ["melding": 400, "advies": 120])
  }

  @Test func everyBadLineIsNamed() {
    let cases: [(String, CountFileError)] = [
      ("melding,400\nmelding,10", .malformedLine(file: "u.csv", line: 2, reason: "'melding' appears twice")),
      (
        "melding,400\nadvies,veel",
        .malformedLine(file: "u.csv", line: 2, reason: "\"veel\" is not a number")
      ),
      (
        "melding,-4",
        .malformedLine(file: "u.csv", line: 1, reason: "the invited of 'melding' must be a whole number of at least 0")
      ),
      (
        "politie,40",
        .malformedLine(
          file: "u.csv", line: 1, reason: "'politie' is not a respondent group; use one of advies, melding")
      ),
      ("", .empty(file: "u.csv", column: "invited")),
    ]
    for (text, error) in cases {
      #expect(throws: error) {
        try PopulationWeights.parse(text, file: "u.csv", knownGroups: groups, column: "invited")
      }
    }
  }

  /// `group,period,count`: one file for the year, the lines of the period asked read, the others left for their
  /// own report.
  @Test func aYearsPeriodsInOneFile() throws {
    let text = """
      group,period,invited
      melding,2026-T1,150
      advies,2026-T1,40
      melding,2026-T2,400
      advies,2026-T2,120
      """
    let t2 = try #require(Period("2026-T2"))
    #expect(
      try PopulationWeights.parse(text, file: "u.csv", knownGroups: groups, column: "invited", period: t2)
        == ["melding": 400, "advies": 120])
    #expect(
      try PopulationWeights.parse(
        text, file: "u.csv", knownGroups: groups, column: "invited", period: try #require(Period("2026-T1")))
        == ["melding": 150, "advies": 40])
    #expect(throws: CountFileError.noneForPeriod(file: "u.csv", period: "2026")) {
      try PopulationWeights.parse(
        text, file: "u.csv", knownGroups: groups, column: "invited", period: try #require(Period("2026")))
    }
    #expect(
      throws: CountFileError.malformedLine(
        file: "u.csv", line: 2, reason: "\"voorjaar\" is not a period; write it as 2026-T1, 2026-T2 or 2026")
    ) {
      try PopulationWeights.parse(
        "group,period,invited\nmelding,voorjaar,150", file: "u.csv", knownGroups: groups, column: "invited",
        period: t2)
    }
  }
}
