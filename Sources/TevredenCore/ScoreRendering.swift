import Foundation

/// Output formats for score cards.
public enum ReportFormat: String, CaseIterable, Sendable {
  case table
  case csv
  case json
}

/// Renders score cards; pure functions, Dutch report text, no clock and no locale surprises.
public enum ScoreRenderer {
  /// Renders a card in the given format.
  public static func render(_ card: ScoreCard, as format: ReportFormat) -> String {
    switch format {
    case .table: table(card)
    case .csv: csv(card)
    case .json: json(card)
    }
  }

  /// A fixed-width table for the terminal, in Dutch, decimal comma.
  public static func table(_ card: ScoreCard) -> String {
    var lines: [String] = []
    lines.append("Klanttevredenheid Veilig Thuis — \(ReportText.periodDescription(card.period))")
    lines.append("")
    let header = ["Indicator / groep", "n", "gemiddeld", "sd", "norm", "status"]
    var rows: [[String]?] = []  // nil is a blank line between indicators
    for score in card.indicators {
      if !rows.isEmpty { rows.append(nil) }
      let norm = normText(score)
      rows.append(
        ["PI \(score.indicator.number)  \(score.overall.label)"] + figures(score.overall)
          + [norm, score.overall.status.rawValue])
      for group in score.groups {
        rows.append(["    \(group.label)"] + figures(group) + [norm, group.status.rawValue])
      }
    }
    let widths = header.indices.map { column in
      ([header] + rows.compactMap { $0 }).map { $0[column].count }.max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { column, cell in
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        // Text columns left-aligned, numbers right-aligned.
        return column == 0 || column == cells.count - 1 ? cell + padding : padding + cell
      }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }
    lines.append(line(header))
    lines.append(String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1)))
    lines += rows.map { $0.map(line) ?? "" }
    lines.append("")
    lines.append(
      "n = respondenten met een rapportcijfer; sd = standaardafwijking. Bij minder dan \(card.minimumRespondents) respondenten staat er \"te weinig respondenten\": dan zegt het gemiddelde te weinig."
    )
    lines.append(
      "Een vragenlijst telt mee in de periode waarin hij is afgerond (Nederlandse tijd); alleen afgeronde vragenlijsten met een rapportcijfer tellen."
    )
    return lines.joined(separator: "\n") + "\n"
  }

  private static func figures(_ row: ScoreCard.Row) -> [String] {
    [
      String(row.statistic.count),
      row.statistic.mean.map { ReportText.decimal($0) } ?? "–",
      row.statistic.standardDeviation.map { ReportText.decimal($0) } ?? "–",
    ]
  }

  private static func normText(_ score: ScoreCard.IndicatorScore) -> String {
    guard let norm = score.norm else { return "–" }
    switch score.indicator.direction {
    case .atLeast: return "≥ " + ReportText.decimal(norm)
    case .atMost: return "≤ " + ReportText.decimal(norm)
    case .none: return "–"
    }
  }

  /// One row per figure, decimal point, for spreadsheets and R.
  public static func csv(_ card: ScoreCard) -> String {
    var rows = [
      ["period", "first_day", "last_day", "indicator", "audience", "group", "n", "mean", "sd", "norm", "status"]
    ]
    for score in card.indicators {
      let audience = score.indicator.audience?.rawValue ?? ""
      let norm = score.norm.map { String(format: "%.1f", $0) } ?? ""
      func cells(_ row: ScoreCard.Row, group: String) -> [String] {
        [
          card.period.name, card.period.first.description, card.period.last.description, score.indicator.id, audience,
          group, String(row.statistic.count), row.statistic.mean.map { String(format: "%.2f", $0) } ?? "",
          row.statistic.standardDeviation.map { String(format: "%.2f", $0) } ?? "", norm, row.status.rawValue,
        ]
      }
      rows.append(cells(score.overall, group: ""))
      for group in score.groups { rows.append(cells(group, group: group.label)) }
    }
    return CSVWriter.render(rows)
  }

  /// JSON with sorted keys.
  public static func json(_ card: ScoreCard) -> String {
    struct Figure: Encodable {
      var group: String?
      var label: String
      var n: Int
      var mean: Double?
      var sd: Double?
      var status: String
    }
    struct Indicator: Encodable {
      var id: String
      var number: String
      var audience: String?
      var norm: Double?
      var overall: Figure
      var groups: [Figure]
    }
    struct Card: Encodable {
      var period: String
      var firstDay: String
      var lastDay: String
      var minimumRespondents: Int
      var indicators: [Indicator]
    }
    func round(_ value: Double?) -> Double? { value.map { ($0 * 100).rounded() / 100 } }
    func figure(_ row: ScoreCard.Row, group: String?) -> Figure {
      Figure(
        group: group, label: row.label, n: row.statistic.count, mean: round(row.statistic.mean),
        sd: round(row.statistic.standardDeviation), status: row.status.rawValue)
    }
    let value = Card(
      period: card.period.name, firstDay: card.period.first.description, lastDay: card.period.last.description,
      minimumRespondents: card.minimumRespondents,
      indicators: card.indicators.map { score in
        Indicator(
          id: score.indicator.id, number: score.indicator.number, audience: score.indicator.audience?.rawValue,
          norm: score.norm, overall: figure(score.overall, group: nil),
          groups: score.groups.map { figure($0, group: $0.label) })
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
    return text + "\n"
  }
}

/// Dutch report wording, kept in one place.
public enum ReportText {
  static let monthNames = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
    "december",
  ]

  /// "periode 2026-T2 (1 januari t/m 31 augustus 2026)".
  public static func periodDescription(_ period: Period) -> String {
    let first = "\(period.first.day) \(monthNames[period.first.month - 1])"
    let last = "\(period.last.day) \(monthNames[period.last.month - 1]) \(period.last.year)"
    let firstWithYear = period.first.year == period.last.year ? first : "\(first) \(period.first.year)"
    return "periode \(period.name) (\(firstWithYear) t/m \(last))"
  }

  /// One decimal with a decimal comma: 7,3.
  public static func decimal(_ value: Double) -> String {
    String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
  }
}
