import Foundation

extension ReportFigures {
  /// A figure that falls short of its norm: not a verdict, an occasion for the joint analysis of Veilig Thuis and
  /// the municipalities (seed 002), listed on the first page so that two green tiles do not hide a group in red.
  public struct AttentionPoint: Hashable, Sendable {
    /// "5", "6", "2a".
    public var indicatorNumber: String
    /// The group's name, or the indicator's for a registration figure.
    public var label: String
    /// Whether this is a respondent group within an indicator (rather than the indicator itself).
    public var isGroup: Bool
    public var value: Double
    public var unit: Unit
    public var norm: Norm
    public var comparison: NormComparison?
    /// Shown with few respondents: a signal, not yet a firm finding.
    public var isIndicative: Bool
  }

  /// Every indicator and respondent group whose figure falls short of its norm, indicators first, in report order.
  public var attentionPoints: [AttentionPoint] {
    var points: [AttentionPoint] = []
    for row in indicators {
      guard let value = row.value, let norm = row.norm, Self.fallsShort(value, of: norm, status: row.status) else {
        continue
      }
      points.append(
        AttentionPoint(
          indicatorNumber: row.number, label: row.label, isGroup: false, value: value, unit: row.unit, norm: norm,
          comparison: row.comparison, isIndicative: row.status == .indicatief))
    }
    for section in audiences {
      guard let norm = section.norm else { continue }
      for group in section.groups {
        guard let mean = group.mean, Self.fallsShort(mean, of: norm, status: group.status) else { continue }
        points.append(
          AttentionPoint(
            indicatorNumber: section.indicatorNumber, label: group.label, isGroup: true, value: mean, unit: .grade,
            norm: norm, comparison: group.comparison, isIndicative: group.status == .indicatief))
      }
    }
    return points
  }

  /// Respondent groups with too few respondents for a figure: "Monitoring (PI 5, n 8)".
  public var groupsWithTooFew: [(indicatorNumber: String, label: String, count: Int)] {
    audiences.flatMap { section in
      section.groups.filter { $0.status == .teWeinigRespondenten }.map {
        (section.indicatorNumber, $0.label, $0.count)
      }
    }
  }

  /// Whether a figure (as shown, one decimal) lies on the wrong side of its norm: a status of *voldoet niet*, or
  /// an indicative figure that would not meet it.
  static func fallsShort(_ value: Double, of norm: Norm, status: Status) -> Bool {
    switch status {
    case .voldoetNiet: return true
    case .indicatief:
      let shown = (value * 10).rounded() / 10
      return norm.direction == .atLeast ? shown < norm.value : shown > norm.value
    case .voldoet, .teWeinigRespondenten, .geenNorm: return false
    }
  }
}
