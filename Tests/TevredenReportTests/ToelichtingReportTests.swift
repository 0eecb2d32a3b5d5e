import Foundation
import Testing
import TevredenCore
import TevredenTestSupport

@testable import TevredenReport

/// The toelichting in the burap page and the Markdown: in the audience section of PI 5 and PI 6, under the
/// indicator table for the others, escaped, and absent without text.
@Suite struct ToelichtingReportTests {
  let html = ReportRenderer.html(ReportFixture.figures)
  let markdown = ReportRenderer.markdown(ReportFixture.figures)

  /// The HTML between `start` and the next `</section>`.
  func section(_ start: String, in text: String) throws -> String {
    let tail = try #require(text.components(separatedBy: start).dropFirst().first, "no \(start)")
    return tail.components(separatedBy: "</section>").first ?? ""
  }

  @Test func pi5sToelichtingIsInItsAudienceSectionAndPi1sUnderTheIndicatorTable() throws {
    let residents = try section("<section class=\"audience\" id=\"pi-5\"", in: html)
    #expect(residents.contains("data-toelichting=\"pi5\""))
    #expect(residents.contains("<h3>Toelichting en afspraken</h3>"))
    #expect(residents.contains("<h4>Duiding door Veilig Thuis</h4>\n<p>Melders geven een lager cijfer"))
    #expect(residents.contains("<p>De bereikbaarheid weegt het zwaarst.</p>"), "a blank line starts a paragraph")
    #expect(residents.contains("<h4>Gezamenlijke analyse</h4>"))
    #expect(
      residents.contains(
        "<tr><td>Melders binnen 5 werkdagen terugbellen</td><td>Teamleider Melding</td><td>lopend</td>"
          + "<td>2026-T1</td></tr>"))
    #expect(residents.contains("<tr class=\"closed\"><td>Folder over wat er na een melding gebeurt</td>"))
    #expect(residents.contains("<td>afgerond in 2026-T2</td>"))

    let chainPartners = try section("<section class=\"audience\" id=\"pi-6\"", in: html)
    #expect(!chainPartners.contains("toelichting") && !chainPartners.contains("Toelichting"), "PI 6 has none")

    let general = try section("<section id=\"toelichting\">", in: html)
    #expect(general.contains("<h2>Toelichting en afspraken</h2>"))
    #expect(general.contains("data-toelichting=\"pi1\""))
    #expect(general.contains("<h3>PI 1: Meldingen met veiligheidsbeoordeling binnen 5 werkdagen</h3>"))
    #expect(!general.contains("data-toelichting=\"pi5\""), "PI 5 is in its own section")
    #expect(!general.contains("<h4>Gezamenlijke analyse</h4>"), "no heading without text")
    #expect(!general.contains("<table"), "no actions table without actions")
    // After the indicator table, before the registration's sections.
    let order = ["id=\"indicatoren\"", "id=\"toelichting\"", "id=\"beschrijvend\"", "id=\"pi-5\""]
      .map { html.range(of: $0)?.lowerBound }
    #expect(order.allSatisfy { $0 != nil } && order == order.sorted { $0! < $1! })
  }

  @Test func theTextIsEscaped() {
    #expect(html.contains("Ruim boven de norm &lt;60%&gt; &amp; stabiel"))
    #expect(!html.contains("<60%>"))
    #expect(markdown.contains("Ruim boven de norm <60%> & stabiel"), "no tag can open: '<6' is not one")
  }

  @Test func theMarkdownHasTheSameParts() throws {
    let residents = try #require(
      markdown.components(separatedBy: "## PI 5: ").dropFirst().first?.components(separatedBy: "\n## ").first)
    let expected = """
      ### Toelichting en afspraken

      #### Duiding door Veilig Thuis

      Melders geven een lager cijfer dan adviesvragers.

      De bereikbaarheid weegt het zwaarst.

      #### Gezamenlijke analyse

      Samen met de gemeenten vastgesteld: de terugkoppeling na een melding blijft achter.

      #### Afgesproken acties

      | Actie | Eigenaar | Status | Sinds |
      | --- | --- | --- | --- |
      | Melders binnen 5 werkdagen terugbellen | Teamleider Melding | lopend | 2026-T1 |
      | Folder over wat er na een melding gebeurt | Communicatie | afgerond in 2026-T2 | 2026-T1 |
      """
    #expect(residents.contains(expected), "\(residents)")
    let general = try #require(
      markdown.components(separatedBy: "\n## Toelichting en afspraken\n").dropFirst().first?
        .components(separatedBy: "\n## ").first)
    #expect(general.contains("### PI 1: Meldingen met veiligheidsbeoordeling binnen 5 werkdagen"))
    #expect(!general.contains("PI 5"))
    let chainPartners = try #require(markdown.components(separatedBy: "## PI 6: ").dropFirst().first)
    #expect(!(chainPartners.components(separatedBy: "\n## ").first ?? "").contains("Toelichting"))
  }

  @Test func withoutToelichtingNothingIsAdded() {
    let figures = ReportFixture.surveysOnly
    let html = ReportRenderer.html(figures)
    let markdown = ReportRenderer.markdown(figures)
    for text in [html, markdown] {
      #expect(!text.contains("Toelichting") && !text.contains("toelichting"))
      #expect(!text.contains("Afgesproken acties") && !text.contains("Duiding"))
    }
  }

  @Test func onlySurveyIndicatorsWithTextGiveNoGeneralSection() {
    var figures = ReportFixture.figures
    figures.explanations = figures.explanations.filter { $0.indicatorID == "pi5" }
    let html = ReportRenderer.html(figures)
    #expect(!html.contains("<section id=\"toelichting\">"))
    #expect(html.contains("data-toelichting=\"pi5\""))
    #expect(!ReportRenderer.markdown(figures).contains("\n## Toelichting en afspraken"))
  }

  @Test func aSurveyIndicatorWithoutItsSectionGoesUnderTheIndicatorTable() throws {
    var figures = ReportFixture.figures
    figures.audiences = figures.audiences.filter { $0.audience == .ketenpartners }
    let general = try section("<section id=\"toelichting\">", in: ReportRenderer.html(figures))
    #expect(general.contains("data-toelichting=\"pi5\""))
    #expect(general.contains("<h3>PI 5: Klanttevredenheid van direct betrokkenen</h3>"))
  }

  @Test func aParagraphCannotBecomeAMarkdownHeadingOrList() {
    var figures = ReportFixture.surveysOnly
    figures.explanations = [
      ReportFigures.Explanation(
        indicatorID: "pi5", number: "5", label: "Klanttevredenheid", audience: .inwoners,
        duiding: "# geen kop\n\n- geen lijst")
    ]
    let markdown = ReportRenderer.markdown(figures)
    #expect(markdown.contains("\n\\# geen kop\n") && markdown.contains("\n\\- geen lijst\n"))
  }

  /// From file to page: an e-mail address and a phone number in the file never reach the output.
  @Test func identifiersInTheFileDoNotReachTheReport() throws {
    let indicators = RegistrationFixture.indicators()
    let (file, diagnostics) = Toelichting.parse(
      """
      periods:
        2026-T2:
          pi5:
            duiding: "Vragen? Mail m.de.boer@example.nl of bel 0612345678."
            acties:
              - { id: a, actie: "Terugbellen", eigenaar: "Teamleider (j.smit@example.nl)", status: lopend }
      """, file: "toelichting-2026.yaml", indicators: indicators)
    #expect(!diagnostics.hasErrors, "\(diagnostics)")
    var figures = ReportFixture.surveysOnly
    figures.explanations = ReportFigures.Explanation.from(
      try #require(file), period: try #require(Period("2026-T2")), indicators: indicators)
    #expect(figures.explanations.map(\.indicatorID) == ["pi5"])
    for text in [ReportRenderer.html(figures), ReportRenderer.markdown(figures)] {
      #expect(text.contains("Vragen? Mail "))
      #expect(!text.contains("example.nl") && !text.contains("0612345678") && !text.contains("boer"))
    }
  }
}
