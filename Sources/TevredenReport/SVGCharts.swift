import Foundation

/// The inline SVG charts of the HTML report: layout only (scales, positions, labels), no statistics.
///
/// Every chart is `role="img"` with an `aria-label`, a `<title>` and a `<desc>`, and sits next to a table with
/// the same numbers. Status is carried by fill pattern and symbol as well as colour, so charts read in greyscale.
/// Elements carry `data-*` attributes (`data-bar`, `data-group`, `data-norm`, …) that tests and readers of the
/// source can find.
enum SVGCharts {
  /// A coordinate with a decimal point (SVG syntax, never a decimal comma), at most one decimal.
  static func number(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    return String(format: "%.1f", rounded)
  }

  /// The opening tag and the text alternative of a chart.
  private static func open(width: Double, height: Double, label: String, title: String, description: String)
    -> String
  {
    """
    <svg viewBox="0 0 \(number(width)) \(number(height))" \
    width="\(number(width))" height="\(number(height))" role="img" aria-label="\(HTML.escape(label))">
    <title>\(HTML.escape(title))</title>
    <desc>\(HTML.escape(description))</desc>
    <g font-size="13" fill="\(ReportStyle.ink)">

    """
  }

  /// The hatch pattern used for "voldoet niet" and for grades below 6, and the dotted fill for missing bars.
  private static func patterns(_ prefix: String) -> String {
    let misses = ReportStyle.misses
    let grey = ReportStyle.tooFewText
    return """
      <defs>
      <pattern id="\(prefix)-hatch" patternUnits="userSpaceOnUse" width="7" height="7" \
      patternTransform="rotate(45)"><rect width="7" height="7" fill="\(misses)"/>\
      <rect width="2.5" height="7" fill="#ffffff"/></pattern>
      <pattern id="\(prefix)-dots" patternUnits="userSpaceOnUse" width="6" height="6">\
      <rect width="6" height="6" fill="#ffffff"/><circle cx="3" cy="3" r="1" fill="\(grey)"/></pattern>
      </defs>

      """
  }

  private static func text(
    _ content: String, x: Double, y: Double, anchor: String = "start", size: Double? = nil, weight: String? = nil,
    fill: ReportStyle.Colour? = nil, extra: String = ""
  ) -> String {
    var attributes = "x=\"\(number(x))\" y=\"\(number(y))\""
    if anchor != "start" { attributes += " text-anchor=\"\(anchor)\"" }
    if let size { attributes += " font-size=\"\(number(size))\"" }
    if let weight { attributes += " font-weight=\"\(weight)\"" }
    if let fill { attributes += " fill=\"\(fill)\"" }
    if !extra.isEmpty { attributes += " " + extra }
    return "<text \(attributes)>\(HTML.escape(content))</text>"
  }

  private static func line(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: ReportStyle.Colour, width: Double = 1,
    dash: String? = nil, extra: String = ""
  ) -> String {
    var attributes =
      "x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" stroke=\"\(stroke)\""
    if width != 1 { attributes += " stroke-width=\"\(number(width))\"" }
    if let dash { attributes += " stroke-dasharray=\"\(dash)\"" }
    if !extra.isEmpty { attributes += " " + extra }
    return "<line \(attributes)/>"
  }

  /// How a bar of a given status is filled: solid, hatched or light with a dashed outline.
  private static func barPaint(_ status: ReportFigures.Status, prefix: String) -> String {
    switch status {
    case .voldoet: "fill=\"\(ReportStyle.meets)\""
    case .voldoetNiet: "fill=\"url(#\(prefix)-hatch)\" stroke=\"\(ReportStyle.misses)\""
    case .indicatief:
      "fill=\"\(ReportStyle.indicativeBackground)\" stroke=\"\(ReportStyle.indicative)\" stroke-width=\"2\" "
        + "stroke-dasharray=\"5 3\""
    case .teWeinigRespondenten: "fill=\"url(#\(prefix)-dots)\""
    case .geenNorm: "fill=\"\(ReportStyle.accent)\""
    }
  }

  // MARK: - Group bars

  /// Horizontal bars of the mean grade per group with interval whiskers and a vertical norm line.
  ///
  /// The first row is the whole audience; groups with too few respondents get a dotted placeholder and the reason
  /// instead of a bar.
  static func groupBars(_ section: ReportFigures.AudienceSection, minimumRespondents: Int, prefix: String) -> String {
    let rows = [section.overall] + section.groups
    let width = 900.0
    let labelRight = 250.0
    let plotLeft = 262.0
    let plotRight = 780.0
    let top = 34.0
    let rowHeight = 44.0
    let barHeight = 20.0
    let plotBottom = top + rowHeight * Double(rows.count) + 4
    let height = plotBottom + 44
    func x(_ grade: Double) -> Double {
      plotLeft + (min(max(grade, 1), 10) - 1) / 9 * (plotRight - plotLeft)
    }

    let normText = section.norm.map { Wording.norm($0, unit: .grade) } ?? "geen norm"
    let described = rows.map { row -> String in
      guard let mean = row.mean, row.status != .teWeinigRespondenten else {
        return
          "\(row.label): \(Wording.tooFewReason(count: row.count, minimum: row.minimum(default: minimumRespondents)))"
      }
      return "\(row.label): \(Wording.decimal(mean)) (\(Wording.status(row.status)), n = \(row.count))"
    }
    var svg = open(
      width: width, height: height,
      label: "Gemiddeld rapportcijfer per groep, PI \(section.indicatorNumber), met de norm \(normText)",
      title: "Gemiddeld rapportcijfer per groep (PI \(section.indicatorNumber))",
      description: "Norm \(normText). " + described.joined(separator: "; ") + ".")
    svg += patterns(prefix)

    // Grid and axis.
    svg += "<g class=\"axis\" data-axis=\"grade\">\n"
    for grade in 1...10 {
      let position = x(Double(grade))
      svg += line(position, top - 6, position, plotBottom, stroke: ReportStyle.grid) + "\n"
      svg += text(String(grade), x: position, y: plotBottom + 18, anchor: "middle", fill: ReportStyle.muted) + "\n"
    }
    svg += text(
      "gemiddeld rapportcijfer (1–10)", x: (plotLeft + plotRight) / 2, y: plotBottom + 38, anchor: "middle",
      fill: ReportStyle.muted)
    svg += "\n</g>\n"

    for (index, row) in rows.enumerated() {
      let rowTop = top + rowHeight * Double(index)
      let barTop = rowTop + (rowHeight - barHeight) / 2
      let middle = barTop + barHeight / 2
      let isOverall = index == 0
      let key = Wording.statusKey(row.status)
      let id = HTML.escape(row.id)
      let hasBar = row.mean != nil && row.status != .teWeinigRespondenten
      svg +=
        "<g class=\"row status-\(key)\(isOverall ? " overall" : "")\" data-group=\"\(id)\" "
        + "data-status=\"\(key)\">\n"
      let labelFill = hasBar ? ReportStyle.ink : ReportStyle.tooFewText
      svg +=
        text(
          row.label, x: labelRight, y: middle - 2, anchor: "end", size: 14, weight: isOverall ? "bold" : nil,
          fill: labelFill) + "\n"
      svg +=
        text(
          "n = \(Wording.count(row.count))", x: labelRight, y: middle + 14, anchor: "end", size: 12,
          fill: ReportStyle.muted) + "\n"
      if hasBar, let mean = row.mean {
        svg +=
          "<rect data-bar=\"\(id)\" x=\"\(number(x(1)))\" y=\"\(number(barTop))\" "
          + "width=\"\(number(max(x(mean) - x(1), 1)))\" height=\"\(number(barHeight))\" "
          + barPaint(row.status, prefix: prefix) + "/>\n"
        if let interval = row.interval {
          let (low, high) = (x(interval.lower), x(interval.upper))
          // A white halo keeps the black whisker visible where it crosses a dark bar.
          svg += "<g data-whisker=\"\(id)\">"
          for (colour, width) in [(ReportStyle.paper, 5.0), (ReportStyle.ink, 2.0)] {
            svg += line(low, middle, high, middle, stroke: colour, width: width)
            svg += line(low, middle - 8, low, middle + 8, stroke: colour, width: width)
            svg += line(high, middle - 8, high, middle + 8, stroke: colour, width: width)
          }
          svg += "</g>\n"
        }
        svg +=
          text(
            "\(Wording.decimal(mean)) \(Wording.symbol(row.status))", x: plotRight + 14, y: middle + 5, size: 15,
            weight: "bold") + "\n"
      } else {
        svg +=
          "<rect data-placeholder=\"\(id)\" x=\"\(number(x(1)))\" y=\"\(number(barTop))\" "
          + "width=\"\(number(plotRight - x(1)))\" height=\"\(number(barHeight))\" "
          + "fill=\"\(ReportStyle.tooFewBackground)\" stroke=\"\(ReportStyle.tooFewText)\" stroke-dasharray=\"2 3\"/>\n"
        let reason = Wording.tooFewReason(count: row.count, minimum: row.minimum(default: minimumRespondents))
        svg += text(reason, x: x(1) + 10, y: middle + 5, fill: ReportStyle.tooFewText) + "\n"
        svg += text("–", x: plotRight + 14, y: middle + 5, size: 15, fill: ReportStyle.tooFewText) + "\n"
      }
      svg += "</g>\n"
      if isOverall, rows.count > 1 {
        let separator = rowTop + rowHeight
        svg += line(20, separator, width - 20, separator, stroke: ReportStyle.rule) + "\n"
      }
    }

    if let norm = section.norm {
      let position = x(norm.value)
      svg += "<g class=\"norm\" data-norm=\"\(number(norm.value))\">"
      svg += line(position, top - 10, position, plotBottom, stroke: ReportStyle.ink, width: 2.5, dash: "7 4")
      svg += text("norm \(Wording.decimal(norm.value))", x: position, y: top - 16, anchor: "middle", weight: "bold")
      svg += "</g>\n"
    }
    svg += "</g>\n</svg>"
    return svg
  }

  // MARK: - Trend

  /// The audience's mean per burap period over the years, with each year's norm as a dashed step line.
  static func trend(_ section: ReportFigures.AudienceSection, currentPeriod: String, prefix: String) -> String {
    let points = section.trend
    let width = 900.0
    let plotLeft = 56.0
    let plotRight = 812.0
    let plotTop = 28.0
    let plotBottom = 228.0
    let height = 290.0
    let values = points.compactMap(\.mean) + points.compactMap(\.norm)
    var lower = ((values.min() ?? 6) - 0.5).rounded(.down)
    var upper = ((values.max() ?? 8) + 0.5).rounded(.up)
    // At least two grade points high, so small wobbles are not blown up into cliffs.
    if upper - lower < 2 { upper = lower + 2 }
    lower = max(lower, 1)
    upper = min(max(upper, lower + 1), 10)
    let step = (plotRight - plotLeft) / Double(max(points.count, 1))
    func x(_ index: Int) -> Double { plotLeft + step * (Double(index) + 0.5) }
    func y(_ grade: Double) -> Double { plotBottom - (grade - lower) / (upper - lower) * (plotBottom - plotTop) }

    let described = points.map { point -> String in
      let mean = point.mean.map { Wording.decimal($0) } ?? "geen cijfer"
      return "\(point.period): \(mean) (n = \(point.count))"
    }
    var svg = open(
      width: width, height: height,
      label: "Trend van het gemiddelde rapportcijfer per burap-periode, PI \(section.indicatorNumber)",
      title: "Gemiddeld rapportcijfer per burap-periode (PI \(section.indicatorNumber))",
      description: described.joined(separator: "; ") + ". De stippellijn is de norm van elk jaar.")

    svg += "<g class=\"axis\" data-axis=\"grade\">\n"
    var tick = lower
    while tick <= upper {
      svg += line(plotLeft, y(tick), plotRight, y(tick), stroke: ReportStyle.grid) + "\n"
      svg +=
        text(
          Wording.decimal(tick, digits: 0), x: plotLeft - 10, y: y(tick) + 4, anchor: "end",
          fill: ReportStyle.muted) + "\n"
      tick += 1
    }
    svg += "</g>\n"

    // Period labels, grouped per year with a separator between years.
    var yearStart = 0
    for (index, point) in points.enumerated() {
      let label = point.period.count > 5 ? String(point.period.dropFirst(5)) : point.period
      svg +=
        text(
          label, x: x(index), y: plotBottom + 18, anchor: "middle",
          weight: Wording.burapName(point.period) == Wording.burapName(currentPeriod) ? "bold" : nil,
          fill: ReportStyle.muted) + "\n"
      let year = String(point.period.prefix(4))
      let isLastOfYear = index == points.count - 1 || !points[index + 1].period.hasPrefix(year)
      if isLastOfYear {
        let center = (x(yearStart) + x(index)) / 2
        svg += text(year, x: center, y: plotBottom + 40, anchor: "middle", weight: "bold") + "\n"
        if index < points.count - 1 {
          let boundary = x(index) + step / 2
          svg += line(boundary, plotTop - 6, boundary, plotBottom + 44, stroke: ReportStyle.rule) + "\n"
        }
        yearStart = index + 1
      }
    }

    // The norm per year.
    if points.contains(where: { $0.norm != nil }) {
      svg += "<g class=\"norm\" data-norm=\"trend\">"
      for (index, point) in points.enumerated() {
        guard let norm = point.norm else { continue }
        svg += line(
          x(index) - step / 2, y(norm), x(index) + step / 2, y(norm), stroke: ReportStyle.ink, width: 2.5,
          dash: "7 4")
      }
      if let last = points.last?.norm {
        svg += text("norm \(Wording.decimal(last))", x: plotRight + 8, y: y(last) + 4, weight: "bold")
      }
      svg += "</g>\n"
    }

    // The line, broken where a period has no figure.
    var path = ""
    var penDown = false
    for (index, point) in points.enumerated() {
      guard let mean = point.mean else {
        penDown = false
        continue
      }
      path += "\(penDown ? "L" : "M")\(number(x(index))) \(number(y(mean))) "
      penDown = true
    }
    if !path.isEmpty {
      svg +=
        "<path data-series=\"\(HTML.escape(section.audience.rawValue))\" d=\"\(path.trimmingCharacters(in: .whitespaces))\" "
        + "fill=\"none\" stroke=\"\(ReportStyle.accent)\" stroke-width=\"3\"/>\n"
    }
    for (index, point) in points.enumerated() {
      let isCurrent = Wording.burapName(point.period) == Wording.burapName(currentPeriod)
      guard let mean = point.mean else {
        svg +=
          text(
            "geen cijfer", x: x(index), y: plotBottom - 8, anchor: "middle", size: 11, fill: ReportStyle.tooFewText,
            extra: "data-point=\"\(HTML.escape(point.period))\"") + "\n"
        continue
      }
      let hollow = point.status == .indicatief
      if isCurrent {
        svg +=
          "<circle cx=\"\(number(x(index)))\" cy=\"\(number(y(mean)))\" r=\"10\" fill=\"none\" "
          + "stroke=\"\(ReportStyle.ink)\" stroke-width=\"1.5\"/>\n"
      }
      svg +=
        "<circle data-point=\"\(HTML.escape(point.period))\" cx=\"\(number(x(index)))\" cy=\"\(number(y(mean)))\" "
        + "r=\"5.5\" fill=\"\(hollow ? "#ffffff" : ReportStyle.accent.description)\" stroke=\"\(ReportStyle.accent)\" "
        + "stroke-width=\"2.5\"/>\n"
      // Below the point when it lies under the norm, so the label never sits on the norm line.
      let isBelowNorm = point.norm.map { mean < $0 } ?? false
      svg +=
        text(
          (hollow ? "~" : "") + Wording.decimal(mean), x: x(index), y: isBelowNorm ? y(mean) + 24 : y(mean) - 14,
          anchor: "middle", weight: isCurrent ? "bold" : nil) + "\n"
    }
    svg += "</g>\n</svg>"
    return svg
  }

  // MARK: - Histogram

  /// How many respondents gave each grade 1–10; grades below 6 hatched.
  static func histogram(
    _ histogram: ReportFigures.Histogram, audienceLabel: String, indicatorNumber: String,
    prefix: String
  ) -> String {
    let counts = (0..<10).map { $0 < histogram.counts.count ? histogram.counts[$0] : 0 }
    let width = 900.0
    let plotLeft = 60.0
    let plotRight = 880.0
    let plotTop = 24.0
    let plotBottom = 200.0
    let height = 252.0
    let largest = max(counts.max() ?? 0, 1)
    let tickStep = niceStep(for: Double(largest))
    let top = (Double(largest) / tickStep).rounded(.up) * tickStep
    let step = (plotRight - plotLeft) / 10
    func y(_ count: Double) -> Double { plotBottom - count / top * (plotBottom - plotTop) }

    var svg = open(
      width: width, height: height,
      label: "Verdeling van de rapportcijfers 1 tot 10, \(audienceLabel) (PI \(indicatorNumber))",
      title: "Verdeling van de rapportcijfers (PI \(indicatorNumber))",
      description: counts.enumerated().map { "cijfer \($0.offset + 1): \($0.element)" }.joined(separator: "; ")
        + ". Cijfers onder de 6 zijn gearceerd.")
    svg += patterns(prefix)
    svg += "<g class=\"axis\" data-axis=\"count\">\n"
    var tick = 0.0
    while tick <= top {
      svg += line(plotLeft, y(tick), plotRight, y(tick), stroke: ReportStyle.grid) + "\n"
      svg +=
        text(Wording.count(Int(tick)), x: plotLeft - 8, y: y(tick) + 4, anchor: "end", fill: ReportStyle.muted)
        + "\n"
      tick += tickStep
    }
    svg += "</g>\n"
    for (index, count) in counts.enumerated() {
      let grade = index + 1
      let center = plotLeft + step * (Double(index) + 0.5)
      let barWidth = step * 0.7
      let fill =
        grade < 6 ? "fill=\"url(#\(prefix)-hatch)\" stroke=\"\(ReportStyle.misses)\"" : "fill=\"\(ReportStyle.accent)\""
      svg +=
        "<rect data-grade=\"\(grade)\" x=\"\(number(center - barWidth / 2))\" y=\"\(number(y(Double(count))))\" "
        + "width=\"\(number(barWidth))\" height=\"\(number(plotBottom - y(Double(count))))\" \(fill)/>\n"
      svg += text(Wording.count(count), x: center, y: y(Double(count)) - 6, anchor: "middle", weight: "bold") + "\n"
      svg += text(String(grade), x: center, y: plotBottom + 20, anchor: "middle", size: 14) + "\n"
    }
    svg += line(plotLeft, plotBottom, plotRight, plotBottom, stroke: ReportStyle.ink) + "\n"
    svg +=
      text(
        "rapportcijfer (gearceerd: onvoldoende, lager dan 6)", x: (plotLeft + plotRight) / 2, y: plotBottom + 44,
        anchor: "middle", fill: ReportStyle.muted) + "\n"
    svg += "</g>\n</svg>"
    return svg
  }

  /// A round tick step (1, 2 or 5 times a power of ten) giving at most five ticks up to `maximum`.
  static func niceStep(for maximum: Double) -> Double {
    let raw = max(maximum / 5, 1)
    let magnitude = pow(10, (log10(raw)).rounded(.down))
    for factor in [1.0, 2, 5, 10] where factor * magnitude >= raw { return factor * magnitude }
    return 10 * magnitude
  }
}
