import Foundation
import TevredenCore

extension ReportRenderer {
  /// The report's tables in Markdown (no charts), for pasting into the burap document.
  public static func markdown(_ figures: ReportFigures) -> String {
    var lines: [String] = []
    let head = figures.head
    lines.append("# \(Markdown.escape(title(figures)))")
    lines.append("")
    if figures.remarks != nil {
      lines.append("> **\(Markdown.escape(Wording.remarksWarning))**")
      lines.append("")
    }
    if let notice = head.notice {
      lines.append("> \(Markdown.escape(notice))")
      lines.append("")
    }
    lines.append("- **Regio:** \(Markdown.escape(head.region))")
    lines.append("- **Periode:** \(Markdown.escape(head.period.name)): \(Wording.dateRange(head.period))")
    lines.append("- **Telregel:** \(Wording.periodRule)")
    lines.append("- **Gemaakt op:** \(Wording.timestamp(head.generatedAt))")
    lines.append("")
    lines.append("## \(Wording.attentionHeading)")
    lines.append("")
    let points = figures.attentionPoints
    if points.isEmpty {
      lines.append(Markdown.escape(Wording.attentionNone))
    } else {
      lines.append(Markdown.escape(Wording.attentionIntro))
      lines.append("")
      lines += points.map { "- " + Markdown.escape(Wording.attentionLine($0)) }
    }
    let tooFew = figures.groupsWithTooFew
    if !tooFew.isEmpty {
      lines.append("")
      lines.append(Markdown.escape(Wording.tooFewLine(tooFew)))
    }
    lines.append("")
    lines.append("## Waar de cijfers op rusten")
    lines.append("")
    let basis = dataBasisRows(figures)
    lines += Markdown.table(header: basis.header, rows: basis.rows, numeric: Set(1..<basis.header.count))
    if !head.responseRates.isEmpty {
      lines.append("")
      let rates = responseRateRows(head.responseRates)
      lines += Markdown.table(header: rates.header, rows: rates.rows, numeric: Set(1..<rates.header.count))
      lines.append("")
      lines.append(Markdown.escape(Wording.rateDefinitions))
    }
    lines.append("")
    lines.append("## De indicatoren")
    lines.append("")
    lines += Markdown.table(
      header: indicatorHeader, rows: figures.indicators.map(indicatorCells), numeric: [2, 5, 6])
    if !figures.missingIndicators.isEmpty {
      lines.append("")
      lines.append(Markdown.escape(Wording.missingIndicators(figures.missingIndicators)))
    }
    lines.append("")
    lines.append(Wording.statusLegend)
    lines.append("")
    lines.append(
      Markdown.escape(Wording.certaintyNote(previousPeriods: figures.indicators.compactMap(\.change?.previousPeriod))))
    lines += explanationsMarkdown(figures)
    lines += registrationMarkdown(figures)

    let minimum = figures.methods.minimumRespondents
    for section in figures.audiences {
      lines.append("")
      lines.append("## PI \(Markdown.escape(section.indicatorNumber)): \(Markdown.escape(section.title))")
      lines.append("")
      lines.append(Markdown.escape(lead(section, minimum: minimum)))
      if !section.basis.isEmpty {
        lines.append("")
        lines.append(Markdown.escape(section.basis))
      }
      if section.audience == .ketenpartners {
        lines.append("")
        lines.append("> " + Markdown.escape(Wording.partnerRecallNote(figures.head.period)))
      }
      lines.append("")
      lines.append("### Per groep")
      lines.append("")
      lines += Markdown.table(
        header: groupHeader,
        rows: ([section.overall] + section.groups).enumerated().map { index, group in
          var cells = groupCells(group, minimum: minimum, norm: section.norm?.value)
          cells[0] = Markdown.escape(cells[0])
          if index == 0 { cells[0] = "**\(cells[0])**" }
          return cells
        }, numeric: [1, 2, 3, 4, 5, 6], escapeFirstColumn: false)
      lines.append("")
      lines.append(
        Markdown.escape(
          Wording.certaintyNote(
            previousPeriods: ([section.overall] + section.groups).compactMap(\.change?.previousPeriod))))
      lines.append("")
      lines.append(Markdown.escape(Wording.groupStatusNote))
      if let explanation = explanation(for: section, in: figures) {
        lines += explanationMarkdown(explanation, title: Wording.toelichtingTitle, figures: figures)
      }
      if !section.trend.isEmpty {
        lines.append("")
        lines.append("### Trend per burap-periode")
        lines.append("")
        lines += Markdown.table(header: trendHeader, rows: section.trend.map(trendCells), numeric: [1, 2, 3])
        lines.append("")
        lines.append("Elke periode telt op vanaf 1 januari: T1 januari–april, T2 januari–augustus, T3 het hele jaar.")
      }
      if let histogram = section.histogram {
        lines.append("")
        lines.append("### Verdeling van de rapportcijfers")
        lines.append("")
        lines += Markdown.table(header: histogramHeader, rows: [histogramCells(histogram)], numeric: Set(1...10))
        if let share = histogram.shareBelowSix {
          lines.append("")
          lines.append("\(Wording.percent(share)) gaf een onvoldoende (lager dan 6).")
        }
      }
      if !section.aspects.isEmpty {
        lines.append("")
        lines.append("### Aspecten per groep, zwakste eerst")
        let correlation = showsCorrelation(section)
        if correlation {
          lines.append("")
          lines.append("> \(Wording.correlationCaution)")
        }
        let columns = correlation ? aspectHeader.count : 3
        for group in section.aspects {
          lines.append("")
          lines.append("#### \(Markdown.escape(group.groupLabel))")
          lines.append("")
          lines += Markdown.table(
            header: Array(aspectHeader.prefix(columns)),
            rows: weakestFirst(group.aspects).map { Array(aspectCells($0).prefix(columns)) }, numeric: [1, 2, 4])
        }
      }
      if !section.topics.isEmpty {
        lines.append("")
        lines.append("### \(Wording.topicsSectionHeading)")
        lines.append("")
        lines.append(Wording.topicsIntro(figures.methods.minimumRespondents))
        for group in section.topics {
          lines.append("")
          lines.append("#### \(Markdown.escape(group.groupLabel))")
          lines.append("")
          lines += Markdown.table(
            header: Wording.topicHeader, rows: group.topics.map(Wording.topicCells), numeric: [1])
        }
      }
      if let table = section.gemeenten {
        let threshold = figures.methods.disclosureThreshold
        lines.append("")
        lines.append("### Per gemeente")
        lines.append("")
        lines.append("Gemiddeld rapportcijfer per gemeente, met tussen haakjes het aantal respondenten.")
        lines.append("")
        lines += Markdown.table(
          header: ["Gemeente"] + table.columns,
          rows: table.rows.map { row in [row.gemeente] + row.cells.map { gemeenteCell($0, threshold: threshold) } },
          numeric: Set(1...max(table.columns.count, 1)))
        lines.append("")
        for footnote in Wording.suppressionFootnote(threshold: threshold, cells: table.rows.flatMap(\.cells)) {
          lines.append("- \(Markdown.escape(footnote))")
        }
      }
    }

    if let remarks = figures.remarks {
      lines.append("")
      lines.append("## Open opmerkingen (intern)")
      lines.append("")
      lines.append("> **\(Markdown.escape(Wording.remarksWarning))**")
      for audience in Audience.allCases {
        let items = remarks.items.filter { $0.audience == audience }
        guard !items.isEmpty else { continue }
        lines.append("")
        lines.append("### \(Wording.audienceTitle(audience))")
        lines.append("")
        for item in items {
          lines.append(
            "- \(Markdown.escape(item.groupLabel)) · \(Markdown.escape(item.question)): "
              + "“\(Markdown.escape(item.text))”")
        }
      }
    }

    lines.append("")
    lines.append("## Zo is gemeten")
    lines.append("")
    for (term, text) in Wording.methods(figures.methods) {
      lines.append("- **\(term):** \(Markdown.escape(text))")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

/// Markdown text helpers.
enum Markdown {
  /// Escapes the characters that would start emphasis, code, links, an HTML tag or a table cell break.
  static func escape(_ text: String) -> String {
    let characters = Array(singleLine(text))
    var escaped = ""
    for (index, character) in characters.enumerated() {
      // `<` only where it could open an HTML tag or comment, so "<10" stays readable.
      let opensTag =
        character == "<" && index + 1 < characters.count
        && (characters[index + 1].isLetter || "/!?".contains(characters[index + 1]))
      if "\\`*_[]|".contains(character) || opensTag { escaped.append("\\") }
      escaped.append(character)
    }
    return escaped
  }

  /// Line breaks become spaces: a table cell or list item is one line.
  static func singleLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }

  /// A pipe table with right-aligned numeric columns; cells are escaped (the first column only when asked).
  static func table(
    header: [String], rows: [[String]], numeric: Set<Int> = [], escapeFirstColumn: Bool = true
  ) -> [String] {
    func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
    var lines = [line(header.map(escape))]
    lines.append(line(header.indices.map { numeric.contains($0) ? "---:" : "---" }))
    for row in rows {
      lines.append(
        line(row.enumerated().map { index, cell in index == 0 && !escapeFirstColumn ? cell : escape(cell) }))
    }
    return lines
  }
}
