import Foundation
import Testing
import TevredenCore
import TevredenTestSupport

@testable import TevredenReport

@Suite struct HTMLReportTests {
  let html = ReportRenderer.html(ReportFixture.figures)

  @Test func isOneSelfContainedDutchPage() {
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains("http://"))
    #expect(!html.contains("https://"))
    #expect(!html.contains("url(http"))
    #expect(!html.lowercased().contains("@import"))
    #expect(!html.lowercased().contains("<link"))
    #expect(!html.lowercased().contains("<img"))
    #expect(!html.contains("@font-face"))
  }

  @Test func everyGroupHasABarOrAGreyedReason() throws {
    for section in ReportFixture.figures.audiences {
      for group in [section.overall] + section.groups {
        #expect(html.contains("data-group=\"\(group.id)\""), "no row for \(group.id)")
        if group.status == .teWeinigRespondenten {
          #expect(html.contains("data-placeholder=\"\(group.id)\""), "no greyed placeholder for \(group.id)")
          #expect(!html.contains("data-bar=\"\(group.id)\""), "\(group.id) has too few respondents for a bar")
        } else {
          #expect(html.contains("<rect data-bar=\"\(group.id)\""), "no bar for \(group.id)")
          #expect(html.contains("data-whisker=\"\(group.id)\""), "no interval whisker for \(group.id)")
        }
      }
    }
    #expect(html.contains("te weinig respondenten: 8, minimaal 10 nodig"))
    #expect(html.contains("te weinig respondenten: 7, minimaal 10 nodig"))
  }

  @Test func everyChartHasTheNormLineAndATextAlternative() throws {
    #expect(try captures(of: "data-norm=\"(7)\"", in: html).count == 2)
    #expect(try captures(of: "data-norm=\"(trend)\"", in: html).count == 2)
    let charts = try captures(of: "<svg ([^>]*)>", in: html)
    #expect(charts.count == 6)
    for attributes in charts {
      #expect(attributes.contains("role=\"img\""))
      #expect(attributes.contains("aria-label=\""))
    }
    #expect(try captures(of: "<svg[^>]*>\\s*<title>([^<]+)</title>\\s*<desc>", in: html).count == 6)
  }

  @Test func statusIsWordAndSymbolNotColourAlone() {
    #expect(html.contains("<span class=\"status status-voldoet\">✓ voldoet</span>"))
    #expect(html.contains("<span class=\"status status-voldoet-niet\">✗ voldoet niet</span>"))
    #expect(html.contains("<span class=\"status status-indicatief\">~ indicatief</span>"))
    #expect(html.contains("<span class=\"status status-te-weinig-respondenten\">– te weinig respondenten</span>"))
    #expect(html.contains("<span class=\"status status-geen-norm\">○ geen norm</span>"))
    // Bars that miss the norm are hatched, not only red.
    #expect(html.contains("<rect data-bar=\"rvdk\""))
    #expect(html.contains("fill=\"url(#a2-hatch)\""))
  }

  @Test func everyStringFromTheModelIsEscaped() {
    var figures = ReportFixture.withRemarks
    figures.audiences[1].groups[1].label = "Politie <&> \"recherche\""
    figures.head.region = "Noord <Holland> & 'Noord'"
    let page = ReportRenderer.html(figures)
    #expect(page.contains("Politie &lt;&amp;&gt; &quot;recherche&quot;"))
    #expect(!page.contains("Politie <&>"))
    #expect(page.contains("Noord &lt;Holland&gt; &amp; &#39;Noord&#39;"))
    #expect(page.contains("&lt;b&gt;duurt&lt;/b&gt;"))
    #expect(!page.contains("<b>duurt"))
  }

  @Test func headStatesPeriodRuleTimeAndDataBasis() {
    #expect(html.contains("2026-T2: 1 januari t/m 31 augustus 2026"))
    #expect(html.contains("Een vragenlijst telt mee in de periode waarin hij is afgerond (Nederlandse tijd)."))
    #expect(html.contains("14 september 2026 om 10:30"))
    #expect(
      html.contains("<th scope=\"row\">import uit Qualtrics</th><td class=\"num\">75</td><td class=\"num\">0</td>"))
    #expect(html.contains("<th scope=\"row\">interview (telefonisch)</th>"))
    #expect(
      html.contains(
        "<tr class=\"total\"><th scope=\"row\">totaal</th><td class=\"num\">300</td><td class=\"num\">144</td><td class=\"num\">444</td></tr>"
      ))
  }

  @Test func remarksOnlyWithAWarningAtTheTop() throws {
    #expect(!html.contains("id=\"opmerkingen\""))
    #expect(!html.contains("class=\"warning\""))
    let page = ReportRenderer.html(ReportFixture.withRemarks)
    let warning = try #require(page.range(of: "<p class=\"warning\" role=\"note\">"))
    let title = try #require(page.range(of: "<h1>"))
    #expect(warning.lowerBound < title.lowerBound)
    #expect(page.contains("id=\"opmerkingen\""))
  }

  /// The first page names every indicator and group below its norm (an indicative one too) and no other, as an
  /// occasion for joint analysis; groups without a figure are named apart.
  @Test func theFirstPageNamesWhatFallsShortAndNothingElse() throws {
    let figures = ReportFixture.figures
    let points = figures.attentionPoints
    for section in figures.audiences {
      guard let norm = section.norm?.value else { continue }
      for group in section.groups {
        let below = group.mean.map { ($0 * 10).rounded() / 10 < norm } ?? false
        let listed = points.contains { $0.isGroup && $0.label == group.label }
        let expected = group.status == .voldoetNiet || (group.status == .indicatief && below)
        #expect(listed == expected, "\(group.label): \(group.status)")
      }
    }
    #expect(points.contains { $0.isGroup && $0.label == "Melding" })
    let first = try #require(html.range(of: "data-attention>"))
    let indicators = try #require(html.range(of: "id=\"indicatoren\""))
    #expect(first.lowerBound < indicators.lowerBound, "the list comes before the indicator table")
    #expect(html.contains("PI 5, groep Melding: 6,8 bij een norm van ≥ 7,0"))
    #expect(html.contains("Te weinig respondenten voor een cijfer: Monitoring (PI 5, n 8)"))
    #expect(html.contains("aanleiding voor gezamenlijke analyse, geen eindoordeel"))
    #expect(!html.contains("het oordeel."))
    // A group's status is smaller than the indicator's, and said to be a signal within it.
    #expect(html.contains("table.groups tr:not(.total) .status{font-size:12px}"))
    #expect(html.contains("De status per groep is een signaal binnen de indicator"))
    // With every figure above its norm the page says so, and asks what goes well.
    var good = figures
    good.indicators = good.indicators.map { row in
      var row = row
      if row.status == .voldoetNiet { row.status = .voldoet }
      return row
    }
    for index in good.audiences.indices {
      good.audiences[index].groups = good.audiences[index].groups.map { group in
        var group = group
        if group.status == .voldoetNiet || group.status == .indicatief { group.status = .voldoet }
        return group
      }
    }
    #expect(good.attentionPoints.isEmpty)
    #expect(ReportRenderer.html(good).contains("Geen indicator en geen groep blijft onder de norm."))
  }

  /// A group with its own minimum n says that minimum where it has too few, in the table and in the chart.
  @Test func aGroupWithItsOwnMinimumSaysIt() throws {
    var figures = ReportFixture.figures
    let index = try #require(figures.audiences[0].groups.firstIndex { $0.status == .teWeinigRespondenten })
    figures.audiences[0].groups[index].minimumRespondents = 15
    let group = figures.audiences[0].groups[index]
    #expect(ReportRenderer.groupCells(group, minimum: 10, norm: 7).contains { $0.hasSuffix("(minimaal 15)") })
    let html = ReportRenderer.html(figures)
    #expect(html.contains("\(group.label): te weinig respondenten: \(group.count), minimaal 15 nodig"))
    #expect(
      group.minimum(default: 10) == 15 && ReportFixture.figures.audiences[0].groups[index].minimum(default: 10) == 10)
  }

  /// Chain partners answer about the past year: their section says how to read a T1 or T2 figure.
  @Test func theChainPartnersFigureSaysItCoversThePastYear() throws {
    #expect(html.contains("data-recall"))
    #expect(html.contains("dus voor een groot deel over 2025"))
    var year = ReportFixture.figures
    year.head.period = try #require(Period("2026"))
    let yearly = ReportRenderer.html(year)
    #expect(yearly.contains("ervaringen van het afgelopen jaar"))
    #expect(!yearly.contains("voor een groot deel over"))
    #expect(ReportRenderer.markdown(ReportFixture.figures).contains("> Ketenpartners beantwoorden de vragen"))
  }

  @Test func municipalityTableShowsSuppressedCellsWithAFootnote() {
    #expect(html.contains("<th scope=\"row\">Texel</th><td class=\"num\">×</td>"))
    #expect(html.contains("×: niet getoond: minder dan 10 respondenten, of nodig zodat een ander verborgen cijfer"))
    // One mark for every hidden cell: which ones are below the threshold is not published.
    #expect(!html.contains("&lt;10"))
  }

  @Test func printsOnA4WithoutCuttingCharts() {
    #expect(html.contains("@page{size:A4"))
    #expect(html.contains("figure{margin:16px 0 20px;break-inside:avoid"))
    #expect(html.contains("@media print"))
  }

  @Test func correlationComesWithACaution() {
    #expect(html.contains("Samenhang is geen oorzaak en gevolg"))
    #expect(html.contains("sterk positief (0,61)"))
    #expect(html.contains("nauwelijks (−0,05)"))
  }

  @Test func textColoursMeetWCAGAA() {
    for pair in ReportStyle.textPairs {
      let ratio = pair.text.contrast(with: pair.background)
      #expect(ratio >= 4.5, "\(pair.name): \(pair.text) on \(pair.background) has contrast \(ratio)")
    }
  }

  @Test func svgCoordinatesUseADecimalPoint() throws {
    for attribute in try captures(of: " (?:x|y|width|height|x1|x2|y1|y2|cx|cy)=\"([^\"]*)\"", in: html) {
      #expect(Double(attribute) != nil, "not a number: \(attribute)")
    }
  }

  /// The page's outline (headings, captions, charts and their data hooks) as a snapshot: a structural change is
  /// visible in review without pinning every style detail.
  @Test func outlineMatchesTheSnapshot() throws {
    let pattern =
      "<(h[1-4])[^>]*>(.*?)</h[1-4]>|<(caption)>(.*?)</caption>|<svg [^>]*aria-label=\"([^\"]*)\""
      + "|data-(group|bar|placeholder|norm|aspects|topics|attention-point|gemeenten|toelichting)=\"([^\"]*)\""
    let expression = try NSRegularExpression(pattern: pattern)
    var outline: [String] = []
    for match in expression.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
      func group(_ index: Int) -> String? {
        Range(match.range(at: index), in: html).map { String(html[$0]) }
      }
      if let tag = group(1), let text = group(2) {
        outline.append("\(tag): \(text)")
      } else if let text = group(4) {
        outline.append("  caption: \(text)")
      } else if let label = group(5) {
        outline.append("  chart: \(label)")
      } else if let name = group(6), let value = group(7) {
        outline.append("    \(name): \(value)")
      }
    }
    try assertSnapshot(outline.joined(separator: "\n") + "\n", named: "burap-2026-T2.html-outline.txt")
  }
}

@Suite struct TrendPeriodTests {
  @Test func theYearIsItsThirdBurapPeriod() throws {
    #expect(Wording.burapName("2026") == "2026-T3")
    #expect(Wording.burapName("2026-t2") == "2026-T2")
    var figures = ReportFixture.figures
    figures.head.period = try #require(Period("2024"))
    // The annual report's period, "2024", is marked in the trend at 2024-T3.
    let html = ReportRenderer.html(figures)
    #expect(try captures(of: "<circle (cx=\"[^\"]*\" cy=\"[^\"]*\" r=\"10\")", in: html).count == 2)
    #expect(html.contains("font-weight=\"bold\" fill=\"#4d4d4d\">T3</text>"))
  }
}

@Suite struct PresentationRuleTests {
  @Test func anIntervalThatRoundsOntoTheNormGetsTwoDecimals() {
    #expect(Wording.interval(ReportFigures.Interval(6.97, 7.43), norm: 7) == "6,97–7,43")
    #expect(Wording.interval(ReportFigures.Interval(6.8, 7.2), norm: 7) == "6,8–7,2")
    #expect(Wording.interval(ReportFigures.Interval(7.0, 7.4), norm: 7) == "7,0–7,4")
    #expect(Wording.interval(ReportFigures.Interval(6.97, 7.43)) == "7,0–7,4")
    var figures = ReportFixture.figures
    figures.audiences[0].overall.interval = ReportFigures.Interval(6.97, 7.43)
    #expect(ReportRenderer.html(figures).contains("95%-interval 6,97–7,43 · onzeker"))
  }

  @Test func withoutCorrelationsTheColumnsAndTheCautionGo() {
    var figures = ReportFixture.figures
    for index in figures.audiences.indices {
      for group in figures.audiences[index].aspects.indices {
        for aspect in figures.audiences[index].aspects[group].aspects.indices {
          figures.audiences[index].aspects[group].aspects[aspect].correlation = nil
          figures.audiences[index].aspects[group].aspects[aspect].correlationCount = nil
        }
      }
    }
    let html = ReportRenderer.html(figures)
    let markdown = ReportRenderer.markdown(figures)
    #expect(!html.contains("Samenhang"))
    #expect(!markdown.contains("Samenhang"))
    #expect(markdown.contains("| Aspect | Gemiddeld (1–10) | n |\n| --- | ---: | ---: |"))
    #expect(markdown.contains("### Aspecten per groep, zwakste eerst\n\n#### Adviesaanvraag"))
  }
}

@Suite struct NumberAndTimeTests {
  @Test(arguments: [
    (6.85, "6,9"), (6.95, "7,0"), (7.04, "7,0"), (7.05, "7,1"), (-0.04, "0,0"), (-0.25, "−0,3"), (10, "10,0"),
  ])
  func decimalsRoundAsTheEngineDoes(_ value: Double, _ expected: String) {
    #expect(Wording.decimal(value) == expected)
  }

  @Test func signedDifferencesAndCounts() {
    #expect(Wording.signed(0.24) == "+0,2")
    #expect(Wording.signed(-0.04) == "0,0")
    #expect(Wording.count(1234) == "1.234")
    #expect(Wording.percent(0.177) == "18%")
    #expect(Wording.value(92.5, unit: .percentage) == "92,5%")
    #expect(Wording.norm(ReportFigures.Norm(30, .atMost), unit: .percentage) == "≤ 30%")
  }

  @Test func theTimeIsDutchLocalTimeInWinterAndSummer() throws {
    #expect(Wording.timestamp(try #require(Timestamp.parse("2026-01-15T08:05:00Z"))) == "15 januari 2026 om 09:05")
    #expect(Wording.timestamp(try #require(Timestamp.parse("2026-07-01T22:30:00Z"))) == "2 juli 2026 om 00:30")
  }
}

@Suite struct SparseFiguresTests {
  /// A period early in the year: one audience with too few respondents overall, no trend, no histogram, no
  /// aspects, no municipalities; the other with a gap in its trend.
  static var sparse: ReportFigures {
    var figures = ReportFixture.figures
    figures.indicators = [ReportFixture.pi5, ReportFixture.pi6]
    figures.audiences[0].overall = ReportFigures.GroupFigure(
      id: "inwoners", label: "Alle inwoners", count: 4, mean: nil, status: .teWeinigRespondenten)
    figures.audiences[0].groups = []
    figures.audiences[0].trend = []
    figures.audiences[0].histogram = nil
    figures.audiences[0].aspects = []
    figures.audiences[0].gemeenten = nil
    figures.audiences[1].trend[3] = ReportFigures.TrendPoint(
      period: "2025-T1", mean: nil, count: 6, norm: 7, status: .teWeinigRespondenten)
    figures.audiences[1].histogram = ReportFigures.Histogram(counts: Array(repeating: 0, count: 10))
    figures.head.dataBasis = []
    figures.head.responseRates = []
    return figures
  }

  @Test func rendersWithoutBarsTrendOrHistogram() throws {
    let html = ReportRenderer.html(Self.sparse)
    #expect(html.contains("data-placeholder=\"inwoners\""))
    #expect(html.contains("Nog geen cijfer: te weinig respondenten: 4, minimaal 10 nodig."))
    #expect(!html.contains("id=\"pi-5-trend\""))
    #expect(html.contains("id=\"pi-6-trend\""))
    #expect(html.contains(">geen cijfer</text>"))
    #expect(!html.contains("=\"nan") && !html.contains("=\"inf") && !html.contains("=\"-inf"))
    let markdown = ReportRenderer.markdown(Self.sparse)
    #expect(markdown.contains("| totaal | 0 | 0 | 0 |"))
  }

  @Test(.enabled(if: HTMLValidationTests.tidy != nil, "tidy is not installed (apt-get install tidy)"))
  func sparseFiguresAreStillValidHTML() throws {
    let tidy = try #require(HTMLValidationTests.tidy)
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("rapport.html")
    try ReportRenderer.html(Self.sparse).write(to: file, atomically: true, encoding: .utf8)
    let run = try runProgram(tidy, ["-errors", "-quiet", "-utf8", file.path])
    #expect(run.exitCode == 0, "\(run)")
  }
}
