import Foundation
import Testing
import TevredenCore
import TevredenTestSupport

@testable import TevredenReport

/// The registration's parts of the burap report: descriptive counts, the PIs over the years, PI 7 per municipality.
@Suite struct RegistrationReportTests {
  static func figures(extra: [String] = []) throws -> ReportFigures {
    let set = RegistrationFixture.indicators()
    let parsed = try RegistrationCSV.parse(
      RegistrationFixture.file(
        [
          "pi1,,2025-01-01,2025-12-31,66.0,percentage,5200,,,",
          "pi1,,2025-01-01,2025-08-31,65.0,percentage,3500,,,",
          "pi1,,2026-01-01,2026-08-31,65.0,percentage,3600,,,",
          "instroom_meldingen,,2026-01-01,2026-08-31,3710,aantal,,3600,71,",
          "pi7a,,2026-01-01,2026-08-31,14.9,percentage,308,,,",
          "pi7a,Alkmaar,2026-01-01,2026-08-31,15.0,percentage,200,,,",
          "pi7a,Hoorn,2026-01-01,2026-08-31,15.0,percentage,100,,,",
          "pi7a,Texel,2026-01-01,2026-08-31,12.5,percentage,8,,,",
        ] + extra), file: "r.csv", period: try #require(Period("2026-T2")), indicators: set)
    let card = try RegistrationFixture.card(indicators: set)
    let merged = TevredenCore.IndicatorRow.rows(
      card: card, registration: parsed.figures, history: parsed.history, indicators: set)
    var figures = ReportFigures(
      card: card, indicatorRows: merged.rows, region: "Noord-Holland Noord", generatedAt: ReportFixture.generatedAt,
      dataBasis: [])
    figures.withheldSubgroups = merged.withoutCount
    return figures
  }

  @Test func descriptiveCountsHaveTheirOwnTableWithoutALight() throws {
    let figures = try Self.figures()
    #expect(!figures.indicators.contains { $0.number == "B2" }, "not in the indicator table")
    #expect(
      figures.descriptive == [
        .init(number: "B2", label: "Instroom meldingen", value: 3710, budgeted: 3600, difference: 110, waitingList: 71)
      ])
    let markdown = ReportRenderer.markdown(figures)
    #expect(markdown.contains("## Beschrijvende indicatoren"))
    #expect(markdown.contains("| B2 | Instroom meldingen | 3.710 | 3.600 | +110 | 71 | – |"), "\(markdown)")
    let html = ReportRenderer.html(figures)
    let section = try #require(
      html.components(separatedBy: "<section id=\"beschrijvend\">").last?
        .components(separatedBy: "</section>").first)
    #expect(section.contains("<td class=\"num\">+110</td>"))
    #expect(!section.contains("status-"), "no light for a count")
  }

  @Test func theHistoryShowsEachYearAgainstItsOwnNorm() throws {
    let figures = try Self.figures()
    let table = try #require(figures.registrationHistory.first { $0.number == "1" })
    #expect(table.entries.map(\.period) == ["2025-T2", "2025", "2026-T2"])
    #expect(table.entries.map(\.norm) == [.init(60), .init(60), .init(70)])
    #expect(table.entries.map(\.status) == [.voldoet, .voldoet, .voldoetNiet])
    let markdown = ReportRenderer.markdown(figures)
    #expect(markdown.contains("| 2025-T2 | 65% | 3.500 | ≥ 60% | ✓ voldoet |"), "\(markdown)")
    #expect(markdown.contains("| 2026-T2 | 65% | 3.600 | ≥ 70% | ✗ voldoet niet |"), "\(markdown)")
    #expect(ReportRenderer.html(figures).contains("<section id=\"registratie-historie\">"))
    // PI 7a has no earlier years in the file: no table rather than an empty one.
    #expect(!figures.registrationHistory.contains { $0.number == "7a" })
  }

  @Test func perMunicipalityHiddenValuesAppearNowhere() throws {
    let figures = try Self.figures()
    let table = try #require(figures.registrationSubgroups.first)
    #expect(table.rows.map(\.name) == ["Alkmaar", "Hoorn", "Texel"])
    #expect(table.rows.map(\.isSuppressed) == [false, true, true])
    let html = try #require(
      ReportRenderer.html(figures).components(separatedBy: "<section id=\"registratie-gemeenten\">").last?
        .components(separatedBy: "</section>").first)
    let markdown = try #require(
      ReportRenderer.markdown(figures).components(separatedBy: "## Registratie-indicatoren per gemeente").last?
        .components(separatedBy: "\n## ").first)
    for text in [markdown, html] {
      #expect(text.contains("PI 7a per gemeente"))
      #expect(!text.contains("12,5%") && !text.contains(">8<") && !text.contains("| 8 |"), "Texel's value or n")
      #expect(text.contains("minder dan 10 gevallen"))
    }
    #expect(ReportRenderer.markdown(figures).contains("| Texel | \\* | \\* | afgeschermd |"))
  }

  @Test func aMunicipalityWithoutNIsNamedAsNotShown() throws {
    let figures = try Self.figures(extra: ["pi7a,Bergen,2026-01-01,2026-08-31,20.0,percentage,,,,"])
    #expect(figures.withheldSubgroups == ["pi7a Bergen"])
    let markdown = ReportRenderer.markdown(figures)
    #expect(markdown.contains("Niet getoond, want zonder aantal gevallen (n) is niet na te gaan"))
    #expect(!markdown.contains("20%"))
  }

  @Test func withoutRegistrationTheReportHasNoneOfTheseSections() throws {
    let markdown = ReportRenderer.markdown(ReportFixture.surveysOnly)
    for title in ["Beschrijvende indicatoren", "over de jaren", "Registratie-indicatoren per gemeente"] {
      #expect(!markdown.contains(title), "\(title)")
    }
  }
}
