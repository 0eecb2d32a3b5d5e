import Foundation
import Testing
import TevredenCore

@testable import TevredenReport

@Suite struct MarkdownReportTests {
  @Test func allSevenIndicatorsMatchTheSnapshot() throws {
    try assertSnapshot(ReportRenderer.markdown(ReportFixture.figures), named: "burap-2026-T2.md")
  }

  @Test func surveyIndicatorsOnlyMatchTheSnapshot() throws {
    try assertSnapshot(ReportRenderer.markdown(ReportFixture.surveysOnly), named: "burap-2026-T2-pi5-pi6.md")
  }

  @Test func aPeriodNotOverWhenTheReportIsMadeSaysHowFarItsDataReaches() throws {
    // A year report made on 14 September: burap 3 of a year not over is a state of play up to that day.
    var figures = ReportFixture.figures
    figures.head.period = try #require(Period("2026-T3"))
    let early = ReportRenderer.markdown(figures)
    #expect(
      early.hasPrefix(
        "# Klanttevredenheid Veilig Thuis Noord-Holland Noord, burap 3 (jaarverslag) van 2026, "
          + "tussenstand t/m 14 september 2026\n"))
    #expect(ReportRenderer.html(figures).contains("burap 3 (jaarverslag) van 2026, tussenstand t/m 14 september 2026"))
    // Made after the year ended, and for a period that ended before the report: no state of play.
    figures.head.generatedAt = try #require(Timestamp.parse("2027-01-05T10:00:00Z"))
    #expect(
      ReportRenderer.markdown(figures).hasPrefix(
        "# Klanttevredenheid Veilig Thuis Noord-Holland Noord, burap 3 (jaarverslag) van 2026\n"))
    #expect(!ReportRenderer.markdown(ReportFixture.figures).contains("tussenstand"))
  }

  @Test func renderIsTheSameAsMarkdown() {
    #expect(ReportRenderer.render(ReportFixture.figures, as: .md) == ReportRenderer.markdown(ReportFixture.figures))
  }

  @Test func remarksStayOutUnlessTheFiguresCarryThem() {
    let without = ReportRenderer.markdown(ReportFixture.figures)
    #expect(!without.contains("Open opmerkingen"))
    #expect(!without.contains("intern gebruik"))
    let with = ReportRenderer.markdown(ReportFixture.withRemarks)
    let lines = with.components(separatedBy: "\n")
    // The warning is the first thing after the title.
    #expect(lines[2].contains("Alleen voor intern gebruik"))
    #expect(with.contains("## Open opmerkingen (intern)"))
    #expect(with.contains("Bel me terug op \\[telefoonnummer\\]"))
  }

  @Test func modelTextIsEscapedForTables() {
    var figures = ReportFixture.figures
    figures.audiences[0].groups[0].label = "Advies | <b>vet</b> *ster*"
    let markdown = ReportRenderer.markdown(figures)
    #expect(markdown.contains("| Advies \\| \\<b>vet\\</b> \\*ster\\* |"))
    #expect(!markdown.contains(" <b>vet"))
  }

  @Test func tablesUseADecimalCommaAndDutchStatusWords() {
    let markdown = ReportRenderer.markdown(ReportFixture.figures)
    #expect(
      markdown.contains("| 5 | Klanttevredenheid van direct betrokkenen | 7,0 | ≥ 7,0 | ✓ voldoet | 300 | 6,8–7,2 |"))
    #expect(markdown.contains("✗ voldoet niet"))
    #expect(markdown.contains("~ indicatief"))
    #expect(markdown.contains("– te weinig respondenten (minimaal 10)"))
    #expect(
      markdown.contains(
        "| 4 | Gegrond verklaarde klachten van het totaal aantal ingediende klachten (aangeleverd) | 22% | ≤ 30% |"))
  }

  @Test func suppressedMunicipalityCellsHaveAFootnote() {
    let markdown = ReportRenderer.markdown(ReportFixture.figures)
    #expect(markdown.contains("| Texel | × | × | × | — | — |"))
    #expect(markdown.contains("| Castricum | 7,0 (30) | 7,3 (12) | × | × | — |"))
    #expect(markdown.contains("- ×: niet getoond: minder dan 10 respondenten, of nodig zodat"))
    #expect(!markdown.contains("<10"))
  }

  @Test func aspectsAreListedWeakestFirst() throws {
    let markdown = ReportRenderer.markdown(ReportFixture.figures)
    let section = try #require(markdown.range(of: "#### Melding"))
    let rest = markdown[section.upperBound...]
    let order = [
      "Duidelijkheid over wat er na de melding gebeurt", "Bereikbaarheid", "Afspraken nagekomen",
      "Deskundigheid", "Bejegening",
    ].map { rest.range(of: "| \($0) |")?.lowerBound }
    #expect(order.allSatisfy { $0 != nil })
    #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
  }
}
