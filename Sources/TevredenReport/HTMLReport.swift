import Foundation
import TevredenCore

/// HTML text helpers.
enum HTML {
  /// Escapes text for element content and for quoted attribute values.
  static func escape(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      default: escaped.append(character)
      }
    }
    return escaped
  }

  /// A status light: symbol and word in a bordered pill whose border style differs per status; with a comparison,
  /// "zeker" or "onzeker" beneath it.
  static func status(_ status: ReportFigures.Status, certainty: ReportFigures.NormComparison? = nil) -> String {
    var html = "<span class=\"status status-\(Wording.statusKey(status))\">\(escape(Wording.status(status)))</span>"
    if let certainty {
      html += "<br><span class=\"certainty\">\(escape(Wording.comparison(certainty)))</span>"
    }
    return html
  }

  /// A table from header cells and rows; `numeric` marks right-aligned columns.
  static func table(
    caption: String?, header: [String], rows: [[String]], numeric: Set<Int> = [], rowClasses: [String?] = [],
    rowHeaders: Bool = true, className: String? = nil, cellsAreHTML: Bool = false
  ) -> String {
    var html = className.map { "<table class=\"\($0)\">\n" } ?? "<table>\n"
    if let caption { html += "<caption>\(escape(caption))</caption>\n" }
    html += "<thead><tr>"
    for (index, cell) in header.enumerated() {
      html += "<th scope=\"col\"\(numeric.contains(index) ? " class=\"num\"" : "")>\(escape(cell))</th>"
    }
    html += "</tr></thead>\n<tbody>\n"
    for (rowIndex, row) in rows.enumerated() {
      let rowClass = rowIndex < rowClasses.count ? rowClasses[rowIndex] : nil
      html += rowClass.map { "<tr class=\"\($0)\">" } ?? "<tr>"
      for (index, cell) in row.enumerated() {
        let content = cellsAreHTML ? cell : escape(cell)
        let alignment = numeric.contains(index) ? " class=\"num\"" : ""
        if index == 0, rowHeaders {
          html += "<th scope=\"row\"\(alignment)>\(content)</th>"
        } else {
          html += "<td\(alignment)>\(content)</td>"
        }
      }
      html += "</tr>\n"
    }
    html += "</tbody>\n</table>\n"
    return html
  }
}

/// Renders ``ReportFigures`` as the burap page (HTML) or as its tables (Markdown).
///
/// Both are pure functions: no clock, no file access, no locale lookups. Every string taken from the figures is
/// escaped for the output format.
public enum ReportRenderer {
  /// The output formats of `tevreden report`.
  public enum Format: String, CaseIterable, Sendable {
    case html
    case md
  }

  /// Renders the figures in the given format.
  public static func render(_ figures: ReportFigures, as format: Format) -> String {
    switch format {
    case .html: html(figures)
    case .md: markdown(figures)
    }
  }

  /// The page title: "Klanttevredenheid Veilig Thuis Noord-Holland Noord, burap 2 van 2026".
  static func title(_ figures: ReportFigures) -> String {
    "Klanttevredenheid Veilig Thuis \(figures.head.region), "
      + Wording.periodTitle(figures.head.period, madeOn: LocalDate(figures.head.generatedAt))
  }

  /// One self-contained HTML page: inline CSS and SVG, no scripts, nothing fetched.
  public static func html(_ figures: ReportFigures) -> String {
    var page = """
      <!DOCTYPE html>
      <html lang="nl">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(HTML.escape(title(figures)))</title>
      <style>
      \(ReportStyle.css)
      </style>
      </head>
      <body>
      <main>

      """
    page += head(figures)
    page += indicatorTable(figures)
    page += explanationsHTML(figures)
    page += registrationHTML(figures)
    for (index, section) in figures.audiences.enumerated() {
      page += audience(section, figures: figures, prefix: "a\(index + 1)")
    }
    if let remarks = figures.remarks { page += self.remarks(remarks, figures: figures) }
    page += methods(figures.methods)
    page += "</main>\n</body>\n</html>\n"
    return page
  }

  // MARK: - Head

  private static func head(_ figures: ReportFigures) -> String {
    let head = figures.head
    var html = "<header class=\"report-head\">\n"
    if figures.remarks != nil {
      html += "<p class=\"warning\" role=\"note\">\(HTML.escape(Wording.remarksWarning))</p>\n"
    }
    html += "<p class=\"kicker\">Bestuursrapportage Veilig Thuis \(HTML.escape(head.region))</p>\n"
    html +=
      "<h1>Klanttevredenheid: \(HTML.escape(Wording.periodTitle(head.period, madeOn: LocalDate(head.generatedAt))))</h1>\n"
    if let notice = head.notice { html += "<p class=\"notice\">\(HTML.escape(notice))</p>\n" }
    html += tiles(figures)
    html += attention(figures)
    html += "<dl class=\"facts\">\n"
    html += "<dt>Regio</dt><dd>\(HTML.escape(head.region))</dd>\n"
    html +=
      "<dt>Periode</dt><dd>\(HTML.escape(head.period.name)): \(HTML.escape(Wording.dateRange(head.period)))</dd>\n"
    html += "<dt>Telregel</dt><dd>\(HTML.escape(Wording.periodRule))</dd>\n"
    html += "<dt>Gemaakt op</dt><dd>\(HTML.escape(Wording.timestamp(head.generatedAt)))</dd>\n"
    html += "</dl>\n<div class=\"basis\">\n"
    let basis = dataBasisRows(figures)
    html += HTML.table(
      caption: "Waar de cijfers op rusten: afgeronde vragenlijsten per bron", header: basis.header, rows: basis.rows,
      numeric: Set(1..<basis.header.count),
      rowClasses: basis.rows.indices.map { $0 == basis.rows.count - 1 ? "total" : nil })
    if !head.responseRates.isEmpty {
      let rates = responseRateRows(head.responseRates)
      html += HTML.table(
        caption: "Respons", header: rates.header, rows: rates.rows, numeric: Set(1..<rates.header.count))
      html += "<p class=\"note\">\(HTML.escape(Wording.rateDefinitions))</p>\n"
    }
    html += "</div>\n</header>\n"
    return html
  }

  /// What falls short of its norm, as an occasion for joint analysis, right under the tiles: the tiles show the
  /// indicators, and a group in red would otherwise first appear pages later.
  private static func attention(_ figures: ReportFigures) -> String {
    guard !figures.audiences.isEmpty || !figures.indicators.isEmpty else { return "" }
    var html = "<section class=\"attention\" data-attention>\n"
    html += "<h2>\(HTML.escape(Wording.attentionHeading))</h2>\n"
    let points = figures.attentionPoints
    if points.isEmpty {
      html += "<p>\(HTML.escape(Wording.attentionNone))</p>\n"
    } else {
      html += "<p class=\"note\">\(HTML.escape(Wording.attentionIntro))</p>\n<ul>\n"
      for point in points {
        html += "<li data-attention-point=\"\(HTML.escape(point.indicatorNumber))\">"
        html += "\(HTML.escape(Wording.attentionLine(point)))</li>\n"
      }
      html += "</ul>\n"
    }
    let tooFew = figures.groupsWithTooFew
    if !tooFew.isEmpty { html += "<p class=\"note\">\(HTML.escape(Wording.tooFewLine(tooFew)))</p>\n" }
    html += "</section>\n"
    return html
  }

  /// The answer at a glance: one tile per audience with its figure, the norm and the status.
  private static func tiles(_ figures: ReportFigures) -> String {
    guard !figures.audiences.isEmpty else { return "" }
    var html = "<div class=\"tiles\">\n"
    for section in figures.audiences {
      let overall = section.overall
      let key = Wording.statusKey(overall.status)
      let hasFigure = overall.mean != nil && overall.status != .teWeinigRespondenten
      html += "<div class=\"tile tile-\(key)\" data-tile=\"\(HTML.escape(section.indicatorNumber))\">\n"
      html += "<p class=\"tile-title\">PI \(HTML.escape(section.indicatorNumber)): \(HTML.escape(section.title))</p>\n"
      html += "<p class=\"tile-figure\">"
      html += hasFigure ? overall.mean.map { HTML.escape(Wording.decimal($0)) } ?? "–" : "–"
      html += " \(HTML.status(overall.status))</p>\n"
      var basis = ["norm \(Wording.norm(section.norm, unit: .grade))", "n = \(Wording.count(overall.count))"]
      if hasFigure, let interval = overall.interval {
        basis.append("95%-interval \(Wording.interval(interval, norm: section.norm?.value))")
      }
      if hasFigure, overall.comparison != nil { basis.append(Wording.comparison(overall.comparison)) }
      html += "<p class=\"tile-basis\">\(HTML.escape(basis.joined(separator: " · ")))</p>\n"
      html += "</div>\n"
    }
    html += "</div>\n"
    return html
  }

  /// Sources as rows, audiences as columns, with a total row and column.
  static func dataBasisRows(_ figures: ReportFigures) -> (header: [String], rows: [[String]]) {
    let audiences = Audience.allCases.filter { audience in
      figures.head.dataBasis.contains { $0.counts[audience] != nil }
        || figures.audiences.contains { $0.audience == audience }
    }
    let header = ["Bron"] + audiences.map(Wording.audience) + ["totaal"]
    var rows = figures.head.dataBasis.map { source -> [String] in
      let counts = audiences.map { source.counts[$0] ?? 0 }
      return [Wording.source(source.kind)] + counts.map(Wording.count) + [Wording.count(counts.reduce(0, +))]
    }
    let totals = audiences.map { audience in figures.head.dataBasis.reduce(0) { $0 + ($1.counts[audience] ?? 0) } }
    rows.append(["totaal"] + totals.map(Wording.count) + [Wording.count(totals.reduce(0, +))])
    return (header, rows)
  }

  static func responseRateRows(_ rates: [ReportFigures.ResponseRate]) -> (header: [String], rows: [[String]]) {
    (
      Wording.rateHeader,
      rates.map { rate in
        let rates = rate.rates
        let interviews = rates.interviews
        return [
          Wording.audience(rate.audience), Wording.count(rates.completed), rates.invited.map(Wording.count) ?? "–",
          interviews.total > 0 ? Wording.count(interviews.total) : "–",
          interviews.total > 0 ? Wording.count(interviews.reached) : "–",
          interviews.total > 0 ? Wording.count(interviews.refused) : "–",
          rates.rr1.map(Wording.percent) ?? "–", rates.coop1.map(Wording.percent) ?? "–",
        ]
      }
    )
  }

  // MARK: - Indicators

  static let indicatorHeader = [
    "PI", "Indicator", "Waarde", "Norm", "Status", "n", "95%-interval", "Hoe zeker", "T.o.v. vorig jaar",
  ]

  /// The indicator table's cells (plain text).
  static func indicatorCells(_ row: ReportFigures.IndicatorRow) -> [String] {
    var label = row.label
    if let source = row.source { label += " (\(source))" }
    return [
      row.number, label, row.value.map { Wording.value($0, unit: row.unit) } ?? "–",
      Wording.norm(row.norm, unit: row.unit),
      Wording.status(row.status), row.count.map(Wording.count) ?? "–",
      Wording.interval(row.interval, unit: row.unit, norm: row.norm?.value),
      Wording.comparison(row.comparison), Wording.change(row.change, unit: row.unit),
    ]
  }

  private static func indicatorTable(_ figures: ReportFigures) -> String {
    var html = "<section id=\"indicatoren\">\n<h2>De indicatoren in één oogopslag</h2>\n"
    html +=
      "<p>Voldoen we aan de norm, en hoe zeker is dat? Per indicator de waarde in \(HTML.escape(figures.head.period.name)), de norm van \(figures.head.period.normYear) en de status: een aanleiding voor gesprek, geen eindoordeel.</p>\n"
    let rows = figures.indicators.map { row -> [String] in
      var cells = indicatorCells(row).map(HTML.escape)
      // The source on its own muted line keeps the label short.
      cells[1] =
        HTML.escape(row.label) + (row.source.map { "<br><span class=\"note\">\(HTML.escape($0))</span>" } ?? "")
      cells[4] = HTML.status(row.status, certainty: row.comparison)
      cells.remove(at: 7)
      return cells
    }
    var header = indicatorHeader
    header.remove(at: 7)
    html += HTML.table(
      caption: nil, header: header, rows: rows, numeric: [2, 5, 6], className: "indicators", cellsAreHTML: true)
    if !figures.missingIndicators.isEmpty {
      html +=
        "<p class=\"caution\" role=\"note\">\(HTML.escape(Wording.missingIndicators(figures.missingIndicators)))</p>\n"
    }
    html +=
      "<p class=\"note\">\(HTML.escape(Wording.statusLegend))<br>"
      + "\(HTML.escape(Wording.certaintyNote(previousPeriods: figures.indicators.compactMap(\.change?.previousPeriod))))</p>\n"
    html += "</section>\n"
    return html
  }

  // MARK: - Audience sections

  static let groupHeader = [
    "Groep", "n", "Gemiddeld", "95%-interval", "Mediaan", "sd", "Onder de 6", "Status", "Hoe zeker",
    "T.o.v. vorig jaar",
  ]

  /// A group row's cells (plain text).
  static func groupCells(_ group: ReportFigures.GroupFigure, minimum: Int, norm: Double?) -> [String] {
    let tooFew = group.status == .teWeinigRespondenten || group.mean == nil
    return [
      group.label, Wording.count(group.count), tooFew ? "–" : group.mean.map { Wording.decimal($0) } ?? "–",
      tooFew ? "–" : Wording.interval(group.interval, norm: norm),
      tooFew ? "–" : group.median.map { Wording.decimal($0) } ?? "–",
      tooFew ? "–" : group.standardDeviation.map { Wording.decimal($0) } ?? "–",
      tooFew ? "–" : group.shareBelowSix.map(Wording.percent) ?? "–",
      tooFew
        ? Wording.status(group.status) + " (minimaal \(group.minimum(default: minimum)))"
        : Wording.status(group.status),
      tooFew ? "–" : Wording.comparison(group.comparison), tooFew ? "–" : Wording.change(group.change),
    ]
  }

  private static func audience(_ section: ReportFigures.AudienceSection, figures: ReportFigures, prefix: String)
    -> String
  {
    let minimum = figures.methods.minimumRespondents
    let anchor = "pi-\(HTML.escape(section.indicatorNumber))"
    var html =
      "<section class=\"audience\" id=\"\(anchor)\" data-audience=\"\(HTML.escape(section.audience.rawValue))\">\n"
    html += "<h2>PI \(HTML.escape(section.indicatorNumber)): \(HTML.escape(section.title))</h2>\n"
    html += "<p class=\"lead\">\(HTML.escape(lead(section, minimum: minimum)))</p>\n"
    if !section.basis.isEmpty { html += "<p class=\"note\" data-basis>\(HTML.escape(section.basis))</p>\n" }
    if section.audience == .ketenpartners {
      html +=
        "<p class=\"caution\" role=\"note\" data-recall>\(HTML.escape(Wording.partnerRecallNote(figures.head.period)))</p>\n"
    }

    // Bars per group.
    html += "<figure class=\"chart\" id=\"\(anchor)-groepen\">\n"
    html += "<h3 class=\"figure-title\">Gemiddeld rapportcijfer per groep</h3>\n"
    html += SVGCharts.groupBars(section, minimumRespondents: minimum, prefix: prefix) + "\n"
    html +=
      "<figcaption>Balk: gemiddeld rapportcijfer; zwarte streep: 95%-interval; stippellijn: de norm "
      + "\(HTML.escape(section.norm.map { Wording.decimal($0.value) } ?? "(geen)")). "
      + "Effen groen ✓ voldoet, gearceerd rood ✗ voldoet niet, licht met streepjesrand ~ indicatief. "
      + "Groepen met minder dan \(minimum) respondenten krijgen geen balk.</figcaption>\n"
    html += "</figure>\n"
    let rows = [section.overall] + section.groups
    let cells = rows.map { row -> [String] in
      var cells = groupCells(row, minimum: minimum, norm: section.norm?.value).map(HTML.escape)
      cells[7] = HTML.status(row.status, certainty: row.comparison)
      if let change = row.change, change.isSignificant == true {
        // "duidelijk" on its own line keeps the column narrow.
        cells[9] =
          HTML.escape(Wording.change(change).replacingOccurrences(of: ", duidelijk", with: ""))
          + "<br><strong>duidelijk</strong>"
      }
      if row.status == .teWeinigRespondenten {
        cells[7] += " <span class=\"note\">(minimaal \(row.minimum(default: minimum)))</span>"
      }
      // "Hoe zeker" sits under the status light, which keeps the table narrow enough for A4.
      cells.remove(at: 8)
      return cells
    }
    let classes = rows.enumerated().map { index, row -> String? in
      var names: [String] = []
      if index == 0 { names.append("total") }
      if row.status == .teWeinigRespondenten || row.mean == nil { names.append("too-few") }
      return names.isEmpty ? nil : names.joined(separator: " ")
    }
    html += "<div class=\"block\">\n"
    var header = groupHeader
    header.remove(at: 8)
    html += HTML.table(
      caption: "Cijfers per groep, \(figures.head.period.name)", header: header, rows: cells,
      numeric: [1, 2, 3, 4, 5, 6], rowClasses: classes, className: "groups", cellsAreHTML: true)
    let previous = rows.compactMap(\.change?.previousPeriod)
    html +=
      "<p class=\"note\">\(HTML.escape(Wording.certaintyNote(previousPeriods: previous)))<br>"
      + "\(HTML.escape(Wording.groupStatusNote))</p>\n"
    html += "</div>\n"
    if let explanation = explanation(for: section, in: figures) {
      html += explanationHTML(explanation, title: Wording.toelichtingTitle, figures: figures)
    }

    if !section.trend.isEmpty { html += trend(section, figures: figures, anchor: anchor, prefix: prefix) }
    if let histogram = section.histogram {
      html += distribution(histogram, section: section, anchor: anchor, prefix: prefix)
    }
    if !section.aspects.isEmpty { html += aspects(section) }
    if !section.topics.isEmpty { html += topics(section, minimum: figures.methods.minimumRespondents) }
    if let table = section.gemeenten {
      html += gemeenten(table, section: section, threshold: figures.methods.disclosureThreshold)
    }
    html += "</section>\n"
    return html
  }

  /// "Gemiddeld 7,3 (n = 412, 95%-interval 7,1–7,5) tegen de norm ≥ 7,0: ✓ voldoet."
  static func lead(_ section: ReportFigures.AudienceSection, minimum: Int) -> String {
    let overall = section.overall
    let norm = Wording.norm(section.norm, unit: .grade)
    guard let mean = overall.mean, overall.status != .teWeinigRespondenten else {
      return "Nog geen cijfer: \(Wording.tooFewReason(count: overall.count, minimum: minimum)). Norm \(norm)."
    }
    var interval = ""
    if let range = overall.interval {
      interval = ", 95%-interval \(Wording.interval(range, norm: section.norm?.value))"
    }
    return "Gemiddeld rapportcijfer \(Wording.decimal(mean)) (n = \(Wording.count(overall.count))\(interval)) "
      + "tegen de norm \(norm): \(Wording.status(overall.status))."
  }

  static let trendHeader = ["Periode", "Gemiddeld", "n", "Norm", "Status"]

  static func trendCells(_ point: ReportFigures.TrendPoint) -> [String] {
    [
      point.period, point.mean.map { Wording.decimal($0) } ?? "–", Wording.count(point.count),
      point.norm.map { Wording.decimal($0) } ?? "–", Wording.status(point.status),
    ]
  }

  private static func trend(
    _ section: ReportFigures.AudienceSection, figures: ReportFigures, anchor: String, prefix: String
  ) -> String {
    var html = "<figure class=\"chart\" id=\"\(anchor)-trend\">\n"
    html += "<h3 class=\"figure-title\">Trend: gemiddeld rapportcijfer per burap-periode</h3>\n"
    html += SVGCharts.trend(section, currentPeriod: figures.head.period.name, prefix: prefix) + "\n"
    html +=
      "<figcaption>T1 is januari–april, T2 januari–augustus, T3 het hele jaar: elke periode telt op vanaf 1 januari, dus T3 is het jaarcijfer. "
      + "Stippellijn: de norm van dat jaar. Open rondje: indicatief. Omcirkeld: deze rapportage.</figcaption>\n"
    let points = section.trend
    let rows = [
      ["Gemiddeld"] + points.map { $0.mean.map { Wording.decimal($0) } ?? "–" },
      ["n"] + points.map { Wording.count($0.count) },
    ]
    html += HTML.table(
      caption: "De cijfers bij de trend", header: ["Periode"] + points.map(\.period), rows: rows,
      numeric: Set(1...max(points.count, 1)), className: "chart-table")
    html += "</figure>\n"
    return html
  }

  private static func distribution(
    _ histogram: ReportFigures.Histogram, section: ReportFigures.AudienceSection, anchor: String, prefix: String
  ) -> String {
    var html = "<figure class=\"chart\" id=\"\(anchor)-verdeling\">\n"
    html += "<h3 class=\"figure-title\">Verdeling van de rapportcijfers</h3>\n"
    html +=
      SVGCharts.histogram(
        histogram, audienceLabel: section.title, indicatorNumber: section.indicatorNumber, prefix: prefix) + "\n"
    var caption = "Aantal respondenten per rapportcijfer (alle groepen van de doelgroep samen)."
    if let share = histogram.shareBelowSix {
      caption += " \(Wording.percent(share)) gaf een onvoldoende (lager dan 6)."
    }
    html += "<figcaption>\(HTML.escape(caption))</figcaption>\n"
    html += HTML.table(
      caption: "De cijfers bij de verdeling", header: histogramHeader, rows: [histogramCells(histogram)],
      numeric: Set(1...10), className: "chart-table")
    html += "</figure>\n"
    return html
  }

  static let histogramHeader = ["Rapportcijfer"] + (1...10).map(String.init)

  static func histogramCells(_ histogram: ReportFigures.Histogram) -> [String] {
    ["aantal"] + (0..<10).map { Wording.count($0 < histogram.counts.count ? histogram.counts[$0] : 0) }
  }

  static let aspectHeader = ["Aspect", "Gemiddeld (1–10)", "n", "Samenhang met het rapportcijfer (r)", "n (r)"]

  /// An aspect group's aspects, weakest first; aspects without a mean last.
  static func weakestFirst(_ aspects: [ReportFigures.Aspect]) -> [ReportFigures.Aspect] {
    aspects.enumerated().sorted { left, right in
      switch (left.element.mean, right.element.mean) {
      case (let a?, let b?) where a != b: return a < b
      case (.some, nil): return true
      case (nil, .some): return false
      default: return left.offset < right.offset
      }
    }.map(\.element)
  }

  /// "sterk (0,62)", in words first so a reader need not know r.
  static func correlationText(_ aspect: ReportFigures.Aspect) -> String {
    guard let r = aspect.correlation else { return "–" }
    let strength: String
    switch abs(r) {
    case 0.5...: strength = r > 0 ? "sterk positief" : "sterk negatief"
    case 0.3..<0.5: strength = r > 0 ? "matig positief" : "matig negatief"
    case 0.1..<0.3: strength = r > 0 ? "zwak positief" : "zwak negatief"
    default: strength = "nauwelijks"
    }
    return "\(strength) (\(Wording.correlation(r)))"
  }

  /// Whether any aspect of the section comes with a correlation; without one the columns and the caution go.
  static func showsCorrelation(_ section: ReportFigures.AudienceSection) -> Bool {
    section.aspects.contains { $0.aspects.contains { $0.correlation != nil } }
  }

  static func aspectCells(_ aspect: ReportFigures.Aspect) -> [String] {
    [
      aspect.label, aspect.mean.map { Wording.decimal($0) } ?? "–", Wording.count(aspect.count),
      correlationText(aspect), aspect.correlationCount.map(Wording.count) ?? "–",
    ]
  }

  private static func aspects(_ section: ReportFigures.AudienceSection) -> String {
    var html = "<h3>Aspecten per groep, zwakste eerst</h3>\n"
    let correlation = showsCorrelation(section)
    if correlation {
      html += "<p class=\"caution\" role=\"note\">\(HTML.escape(Wording.correlationCaution))</p>\n"
    }
    let columns = correlation ? aspectHeader.count : 3
    for group in section.aspects {
      let ordered = weakestFirst(group.aspects)
      let rows = ordered.map { aspect -> [String] in
        var cells = aspectCells(aspect).prefix(columns).map(HTML.escape)
        if let mean = aspect.mean {
          // A bar from 1 to the mean (120 px for 10), left-aligned so the bars compare like a bar chart.
          let width = Int(((min(max(mean, 1), 10) - 1) / 9 * 120).rounded())
          cells[1] =
            "<span class=\"aspect-bar\" style=\"width:\(width)px\" aria-hidden=\"true\">&nbsp;</span>" + cells[1]
        }
        return cells
      }
      html += "<div class=\"block\" data-aspects=\"\(HTML.escape(group.groupID))\">\n"
      html += HTML.table(
        caption: group.groupLabel, header: Array(aspectHeader.prefix(columns)), rows: rows, numeric: [2, 4],
        className: "aspects",
        cellsAreHTML: true)
      html += "</div>\n"
    }
    return html
  }

  private static func topics(_ section: ReportFigures.AudienceSection, minimum: Int) -> String {
    var html = "<h3>\(HTML.escape(Wording.topicsSectionHeading))</h3>\n"
    html += "<p class=\"note\">\(HTML.escape(Wording.topicsIntro(minimum)))</p>\n"
    for group in section.topics {
      let rows = group.topics.map { topic -> [String] in
        var cells = Wording.topicCells(topic).map(HTML.escape)
        // The question as asked, under its short name: a share means little without the wording.
        cells[0] += "<br><span class=\"note\">\(HTML.escape(topic.text))</span>"
        return cells
      }
      html += "<div class=\"block\" data-topics=\"\(HTML.escape(group.groupID))\">\n"
      html += HTML.table(
        caption: group.groupLabel, header: Wording.topicHeader, rows: rows, numeric: [1], className: "topics",
        cellsAreHTML: true)
      html += "</div>\n"
    }
    return html
  }

  /// A municipality cell as text: "7,4 (23)", "×" or "—".
  static func gemeenteCell(_ cell: ReportFigures.GemeenteCell, threshold: Int) -> String {
    switch cell {
    case .figure(let mean, let count): "\(Wording.decimal(mean)) (\(Wording.count(count)))"
    case .suppressed: Wording.suppressedMark
    case .empty: Wording.emptyMark
    }
  }

  private static func gemeenten(
    _ table: ReportFigures.GemeenteTable, section: ReportFigures.AudienceSection, threshold: Int
  ) -> String {
    var html =
      "<h3>Per gemeente</h3>\n<div class=\"block\" data-gemeenten=\"\(HTML.escape(section.audience.rawValue))\">\n"
    html += "<p>Gemiddeld rapportcijfer per gemeente, met tussen haakjes het aantal respondenten.</p>\n"
    let rows = table.rows.map { row in [row.gemeente] + row.cells.map { gemeenteCell($0, threshold: threshold) } }
    html += HTML.table(
      caption: nil, header: ["Gemeente"] + table.columns, rows: rows, numeric: Set(1...max(table.columns.count, 1)),
      className: "gemeenten")
    let footnote = Wording.suppressionFootnote(threshold: threshold, cells: table.rows.flatMap(\.cells))
    if !footnote.isEmpty {
      html += "<p class=\"note\">" + footnote.map(HTML.escape).joined(separator: "<br>") + "</p>\n"
    }
    html += "</div>\n"
    return html
  }

  // MARK: - Remarks and methods

  private static func remarks(_ remarks: ReportFigures.Remarks, figures: ReportFigures) -> String {
    var html = "<section id=\"opmerkingen\" class=\"remarks\">\n<h2>Open opmerkingen (intern)</h2>\n"
    html += "<p class=\"warning\">\(HTML.escape(Wording.remarksWarning))</p>\n"
    for audience in Audience.allCases {
      let items = remarks.items.filter { $0.audience == audience }
      guard !items.isEmpty else { continue }
      html += "<h3>\(HTML.escape(Wording.audienceTitle(audience)))</h3>\n<ul>\n"
      for item in items {
        html +=
          "<li><span class=\"note\">\(HTML.escape(item.groupLabel)) · \(HTML.escape(item.question))</span><br>"
          + "“\(HTML.escape(item.text))”</li>\n"
      }
      html += "</ul>\n"
    }
    html += "</section>\n"
    return html
  }

  private static func methods(_ methods: ReportFigures.Methods) -> String {
    var html = "<section id=\"methode\" class=\"methods\">\n<h2>Zo is gemeten</h2>\n<dl>\n"
    for (term, text) in Wording.methods(methods) {
      html += "<dt>\(HTML.escape(term))</dt><dd>\(HTML.escape(text))</dd>\n"
    }
    html += "</dl>\n</section>\n"
    return html
  }
}
