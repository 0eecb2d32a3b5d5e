import Foundation
import TevredenCore

extension ReportFigures {
  /// One indicator's toelichting for the report's period: the duiding, the joint analysis and the actions carried
  /// (see ``Toelichting/explanations(for:indicatorOrder:)``). Shown in the indicator's audience section when the
  /// report has one, else under "Toelichting en afspraken" after the indicator table.
  public struct Explanation: Hashable, Sendable {
    /// The indicator's id in `indicators.yaml`: `pi5`.
    public var indicatorID: String
    public var number: String
    public var label: String
    /// A descriptive count is named without "PI".
    public var isDescriptive: Bool
    /// PI 5 and PI 6: the audience whose section shows it.
    public var audience: Audience?
    public var duiding: String?
    public var analyse: String?
    public var actions: [Toelichting.CarriedAction]

    public init(
      indicatorID: String, number: String, label: String, isDescriptive: Bool = false, audience: Audience? = nil,
      duiding: String? = nil, analyse: String? = nil, actions: [Toelichting.CarriedAction] = []
    ) {
      self.indicatorID = indicatorID
      self.number = number
      self.label = label
      self.isDescriptive = isDescriptive
      self.audience = audience
      self.duiding = duiding
      self.analyse = analyse
      self.actions = actions
    }

    /// The explanations of `period` from a toelichting file, in the order of the indicator set; an id that is not
    /// in the set (the parser refuses those) is left out.
    public static func from(_ toelichting: Toelichting, period: Period, indicators: IndicatorSet) -> [Explanation] {
      toelichting.explanations(for: period, indicatorOrder: indicators.indicators.map(\.id)).compactMap { item in
        guard let indicator = indicators.indicator(id: item.indicatorID) else { return nil }
        return Explanation(
          indicatorID: item.indicatorID, number: indicator.number, label: indicator.label,
          isDescriptive: indicator.isDescriptive, audience: indicator.audience, duiding: item.duiding,
          analyse: item.analyse, actions: item.actions)
      }
    }
  }
}

extension ReportRenderer {
  /// The explanation shown inside an audience section.
  static func explanation(for section: ReportFigures.AudienceSection, in figures: ReportFigures)
    -> ReportFigures.Explanation?
  {
    figures.explanations.first { $0.audience == section.audience }
  }

  /// The explanations without an audience section of their own, for the section after the indicator table.
  static func generalExplanations(_ figures: ReportFigures) -> [ReportFigures.Explanation] {
    figures.explanations.filter { explanation in
      !figures.audiences.contains { $0.audience == explanation.audience && explanation.audience != nil }
    }
  }

  /// Text in paragraphs, split at blank lines.
  static func paragraphs(_ text: String) -> [String] {
    text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      .filter { !$0.isEmpty }
  }

  // MARK: HTML

  /// "Toelichting en afspraken" after the indicator table, for the indicators without an audience section.
  static func explanationsHTML(_ figures: ReportFigures) -> String {
    let general = generalExplanations(figures)
    guard !general.isEmpty else { return "" }
    var html = "<section id=\"toelichting\">\n<h2>\(HTML.escape(Wording.toelichtingTitle))</h2>\n"
    html += "<p>\(HTML.escape(Wording.toelichtingLead))</p>\n"
    for explanation in general {
      html += explanationHTML(explanation, title: Wording.explanationTitle(explanation), figures: figures)
    }
    html += "</section>\n"
    return html
  }

  /// One indicator's duiding, analysis and actions, under a heading of level 3.
  static func explanationHTML(_ explanation: ReportFigures.Explanation, title: String, figures: ReportFigures)
    -> String
  {
    var html = "<div class=\"toelichting\" data-toelichting=\"\(HTML.escape(explanation.indicatorID))\">\n"
    html += "<h3>\(HTML.escape(title))</h3>\n"
    for (heading, text) in [
      (Wording.duidingHeading, explanation.duiding), (Wording.analyseHeading, explanation.analyse),
    ] {
      guard let text else { continue }
      html += "<h4>\(HTML.escape(heading))</h4>\n"
      for paragraph in paragraphs(text) { html += "<p>\(HTML.escape(paragraph))</p>\n" }
    }
    if !explanation.actions.isEmpty {
      let period = figures.head.period.name
      html += HTML.table(
        caption: Wording.actionsCaption, header: Wording.actionHeader,
        rows: explanation.actions.map { Wording.actionCells($0, period: period) },
        rowClasses: explanation.actions.map { $0.closedInPeriod ? "closed" : nil }, rowHeaders: false,
        className: "actions")
      html += "<p class=\"note\">\(HTML.escape(Wording.actionsNote))</p>\n"
    }
    html += "</div>\n"
    return html
  }

  // MARK: Markdown

  static func explanationsMarkdown(_ figures: ReportFigures) -> [String] {
    let general = generalExplanations(figures)
    guard !general.isEmpty else { return [] }
    var lines = ["", "## \(Markdown.escape(Wording.toelichtingTitle))", "", Markdown.escape(Wording.toelichtingLead)]
    for explanation in general {
      lines += explanationMarkdown(explanation, title: Wording.explanationTitle(explanation), figures: figures)
    }
    return lines
  }

  /// One indicator's duiding, analysis and actions, under a heading of level 3; each line but the first is
  /// preceded by an empty line.
  static func explanationMarkdown(_ explanation: ReportFigures.Explanation, title: String, figures: ReportFigures)
    -> [String]
  {
    var lines = ["", "### \(Markdown.escape(title))"]
    for (heading, text) in [
      (Wording.duidingHeading, explanation.duiding), (Wording.analyseHeading, explanation.analyse),
    ] {
      guard let text else { continue }
      lines += ["", "#### \(Markdown.escape(heading))"]
      for paragraph in paragraphs(text) {
        // A paragraph must not turn into a heading, quote or list because of its first character.
        let escaped = Markdown.escape(paragraph)
        lines += ["", (escaped.first.map { "#>-+=".contains($0) } ?? false) ? "\\" + escaped : escaped]
      }
    }
    if !explanation.actions.isEmpty {
      let period = figures.head.period.name
      lines += ["", "#### \(Markdown.escape(Wording.actionsCaption))", ""]
      lines += Markdown.table(
        header: Wording.actionHeader, rows: explanation.actions.map { Wording.actionCells($0, period: period) })
      lines += ["", Markdown.escape(Wording.actionsNote)]
    }
    return lines
  }
}
