import Foundation
import Yams

/// The performance indicators, their norms per year, and the thresholds used in reporting.
public struct IndicatorSet: Hashable, Sendable {
  /// Whether a higher or a lower value is better, or neither (no norm on purpose, as for recidivism).
  public enum Direction: String, Hashable, Sendable {
    case atLeast = "at_least"
    case atMost = "at_most"
    case none
  }

  /// The unit of an indicator's value.
  public enum Unit: String, Hashable, Sendable {
    case cijfer
    case percentage
    /// A whole count of cases (instroom meldingen, uitgevoerde veiligheidsbeoordelingen): a descriptive indicator
    /// from the registration system, shown for information beside its budget, waiting list or workload, never
    /// judged against a norm.
    case aantal
  }

  /// One indicator, such as PI 5.
  public struct Indicator: Hashable, Sendable {
    public var id: String
    /// The number as it appears in the management report: `5`, `2a`.
    public var number: String
    public var label: String
    /// For PI 5 and PI 6: the audience whose surveys measure it.
    public var audience: Audience?
    public var unit: Unit
    public var direction: Direction
    /// The norm per year; a year without an entry has no norm.
    public var norms: [Int: Double]
    /// For PI 5 and PI 6: who counts and how groups combine.
    public var basis: Basis

    /// A descriptive indicator (*beschrijvende indicator*, unit `aantal`): a count for information, with no norm
    /// and no judgement, because the intake is not something Veilig Thuis steers (seed 000 §1).
    public var isDescriptive: Bool { unit == .aantal }

    public init(
      id: String, number: String, label: String, audience: Audience?, unit: Unit, direction: Direction,
      norms: [Int: Double], basis: Basis = .everyRespondent
    ) {
      self.basis = basis
      self.id = id
      self.number = number
      self.label = label
      self.audience = audience
      self.unit = unit
      self.direction = direction
      self.norms = norms
    }
  }

  /// Who counts in a survey indicator, and how its groups combine (`basis:` in `indicators.yaml`).
  public struct Basis: Hashable, Sendable {
    /// How the indicator's value is formed from its respondents.
    public enum Mean: String, Hashable, Sendable {
      /// The mean grade over every respondent who counts.
      case respondents
      /// The mean of the group means, each weighted by the group's service volume from the registration system
      /// (`--weights`), so that a group that answers more often does not weigh more.
      case groups
    }

    /// The answers to the role item (`rol` for residents, `functie` for chain partners) whose respondents count;
    /// `nil`: every respondent, whatever the role.
    public var roles: [String]?
    public var mean: Mean

    public init(roles: [String]? = nil, mean: Mean = .respondents) {
      self.roles = roles
      self.mean = mean
    }

    /// Every respondent, the mean over respondents: the figure before the setting existed.
    public static let everyRespondent = Basis()
  }

  /// The same set with every survey indicator taken as the mean over its respondents (roles kept): for figures
  /// that never state an indicator's weighted value, such as a trend per period or the municipal tables.
  public var countingEveryGroupAsRespondents: IndicatorSet {
    var set = self
    for index in set.indicators.indices { set.indicators[index].basis.mean = .respondents }
    return set
  }

  /// Per audience, the role answers whose respondents count in its indicator (absent: everyone counts).
  public var roleBasis: [Audience: Set<String>] {
    var basis: [Audience: Set<String>] = [:]
    for indicator in indicators {
      if let audience = indicator.audience, let roles = indicator.basis.roles { basis[audience] = Set(roles) }
    }
    return basis
  }

  /// Below this number of respondents a mean is reported as too few to say (*te weinig respondenten*).
  public var minimumRespondents: Int
  /// From the minimum up to (not including) this number, a figure is shown as *indicatief*; equal to the minimum
  /// when the file does not set `indicative_below` (files from before it existed), so there is no such band.
  public var indicativeBelow: Int
  /// Per-municipality cells with fewer respondents than this are suppressed.
  public var disclosureThreshold: Int
  public var indicators: [Indicator]
  /// The municipalities of the region; a response's `gemeente` must be one of them (empty: any).
  public var gemeenten: [String]
  /// The region's name for report heads, such as "Noord-Holland Noord"; `nil` when the file does not set it.
  public var region: String?
  /// Below this number of respondents a breakdown cell (a municipality, a municipality's group) is published
  /// without its distribution of grades: counts per grade in small cells say too much about single respondents.
  /// Equal to the disclosure threshold's double when the file does not set it.
  public var distributionThreshold: Int
  /// How long what identifies least but still could is kept (`tevreden purge` applies it).
  public var retention: Retention
  /// A higher minimum n for some respondent groups (`group_minimums`), such as young people, whose answers a few
  /// could recognise sooner: below it the group's figure, aspects and topics are not shown.
  public var groupMinimums: [String: Int] = [:]

  /// How long data is kept before `tevreden purge` removes or reduces it; `nil`: kept.
  public struct Retention: Hashable, Sendable {
    /// Open answers of responses completed longer ago than this are removed.
    public var remarksMonths: Int?
    /// Interview audit events older than this are removed.
    public var auditEventsMonths: Int?
    /// Responses older than this are reduced to what the published figures need.
    public var responsesYears: Int?

    public init(remarksMonths: Int? = nil, auditEventsMonths: Int? = nil, responsesYears: Int? = nil) {
      self.remarksMonths = remarksMonths
      self.auditEventsMonths = auditEventsMonths
      self.responsesYears = responsesYears
    }
  }

  public init(
    minimumRespondents: Int, indicativeBelow: Int? = nil, disclosureThreshold: Int, indicators: [Indicator],
    gemeenten: [String] = [], region: String? = nil, distributionThreshold: Int? = nil,
    retention: Retention = Retention()
  ) {
    self.region = region
    self.distributionThreshold = max(distributionThreshold ?? 2 * disclosureThreshold, disclosureThreshold)
    self.retention = retention
    self.minimumRespondents = minimumRespondents
    self.indicativeBelow = max(indicativeBelow ?? minimumRespondents, minimumRespondents)
    self.disclosureThreshold = disclosureThreshold
    self.indicators = indicators
    self.gemeenten = gemeenten
  }

  /// The reporting thresholds, as the scoring engine uses them.
  public var thresholds: ReportingThresholds {
    var thresholds = ReportingThresholds(
      minimumRespondents: minimumRespondents, indicativeBelow: indicativeBelow,
      disclosureThreshold: disclosureThreshold, distributionThreshold: distributionThreshold)
    thresholds.groupMinimums = groupMinimums
    return thresholds
  }

  /// The indicator with this id (`pi1`, `pi2a`, …).
  public func indicator(id: String) -> Indicator? {
    indicators.first { $0.id == id }
  }

  /// The indicator measured by surveys of this audience.
  public func indicator(for audience: Audience) -> Indicator? {
    indicators.first { $0.audience == audience }
  }

  static let rootKeys = [
    "region", "minimum_respondents", "indicative_below", "disclosure_threshold", "distribution_threshold",
    "gemeenten", "indicators", "retention", "group_minimums",
  ]
  static let retentionKeys = ["remarks_months", "audit_events_months", "responses_years"]
  static let indicatorKeys = ["id", "number", "label", "audience", "unit", "direction", "norms", "basis"]
  static let basisKeys = ["roles", "mean"]

  /// Parses and validates `indicators.yaml`.
  public static func parse(_ text: String, file: String) -> (IndicatorSet?, [Diagnostic]) {
    var reader = YAMLReader(file: file)
    guard let root = reader.compose(text),
      let fields = reader.mapping(root, allowed: rootKeys, context: "the indicator set")
    else { return (nil, reader.diagnostics) }
    let minimum = reader.integer(fields, "minimum_respondents", context: "the indicator set")
    let threshold = reader.integer(fields, "disclosure_threshold", context: "the indicator set")
    if let minimum, minimum < 2 {
      reader.error(at: fields["minimum_respondents"], "minimum_respondents must be at least 2")
    }
    var indicative: Int?
    if fields["indicative_below"] != nil {
      indicative = reader.integer(fields, "indicative_below", context: "the indicator set")
      if let indicative, let minimum, indicative < minimum {
        reader.error(
          at: fields["indicative_below"], "indicative_below must be at least minimum_respondents (\(minimum))")
      }
    }
    if let threshold, threshold < 1 {
      reader.error(at: fields["disclosure_threshold"], "disclosure_threshold must be at least 1")
    }
    var distribution: Int?
    if fields["distribution_threshold"] != nil {
      distribution = reader.integer(fields, "distribution_threshold", context: "the indicator set")
      if let distribution, let threshold, distribution < threshold {
        reader.error(
          at: fields["distribution_threshold"],
          "distribution_threshold must be at least disclosure_threshold (\(threshold))")
      }
    }
    var retention = Retention()
    if let node = fields["retention"], let entry = reader.mapping(node, allowed: retentionKeys, context: "retention") {
      func period(_ key: String) -> Int? {
        guard entry[key] != nil, let value = reader.integer(entry, key, context: "retention") else { return nil }
        if value < 1 { reader.error(at: entry[key], "retention \(key) must be at least 1") }
        return value
      }
      retention = Retention(
        remarksMonths: period("remarks_months"), auditEventsMonths: period("audit_events_months"),
        responsesYears: period("responses_years"))
    }
    let region = reader.string(fields, "region", context: "the indicator set", required: false)
    if let region, region.trimmingCharacters(in: .whitespaces).isEmpty {
      reader.error(at: fields["region"], "region is empty; name the region, or leave the key out")
    }
    var gemeenten: [String] = []
    if let node = fields["gemeenten"] {
      gemeenten = reader.strings(node, context: "gemeenten") ?? []
      if Set(gemeenten).count != gemeenten.count { reader.error(at: node, "gemeenten lists a municipality twice") }
    }
    var indicators: [Indicator] = []
    if let node = fields["indicators"], let items = reader.sequence(node, context: "indicators") {
      for item in items {
        guard let entry = reader.mapping(item, allowed: indicatorKeys, context: "an indicator") else { continue }
        if let indicator = parseIndicator(entry, reader: &reader) {
          if indicators.contains(where: { $0.id == indicator.id }) {
            reader.error(at: entry["id"], "indicator id '\(indicator.id)' appears twice")
          } else if let audience = indicator.audience, indicators.contains(where: { $0.audience == audience }) {
            reader.error(at: entry["audience"], "two indicators are measured by audience '\(audience.rawValue)'")
          } else {
            indicators.append(indicator)
          }
        }
      }
    } else if fields["indicators"] == nil {
      reader.error(at: root, "the indicator set is missing the required key 'indicators'")
    }
    for audience in Audience.allCases where !indicators.contains(where: { $0.audience == audience }) {
      reader.error(at: fields["indicators"] ?? root, "no indicator has audience '\(audience.rawValue)'")
    }
    var groupMinimums: [String: Int] = [:]
    if let node = fields["group_minimums"] {
      if case .mapping(let mapping) = node {
        for (groupNode, value) in mapping {
          guard let group = groupNode.scalar?.string, group.isIdentifier(allowsHyphen: true) else {
            reader.error(at: groupNode, "group_minimums must be keyed by respondent group, such as jongeren: 15")
            continue
          }
          guard let number = reader.number(value, context: "the minimum of group '\(group)'"),
            number == number.rounded(), let whole = Int(exactly: number)
          else {
            reader.error(at: value, "the minimum of group '\(group)' must be a whole number")
            continue
          }
          if let minimum, whole < minimum {
            reader.error(
              at: value,
              "the minimum of group '\(group)' (\(whole)) is below minimum_respondents (\(minimum)); a group may only "
                + "need more respondents")
          }
          groupMinimums[group] = whole
        }
      } else {
        reader.error(at: node, "group_minimums must be a mapping of group to number, such as { jongeren: 15 }")
      }
    }
    guard let minimum, let threshold, !reader.diagnostics.hasErrors else { return (nil, reader.diagnostics) }
    var set = IndicatorSet(
      minimumRespondents: minimum, indicativeBelow: indicative, disclosureThreshold: threshold,
      indicators: indicators, gemeenten: gemeenten, region: region, distributionThreshold: distribution,
      retention: retention)
    set.groupMinimums = groupMinimums
    return (set, reader.diagnostics)
  }

  private static func parseIndicator(_ entry: YAMLReader.Fields, reader: inout YAMLReader) -> Indicator? {
    let id = reader.string(entry, "id", context: "an indicator")
    let context = "indicator '\(id ?? "?")'"
    let number = reader.string(entry, "number", context: context)
    let label = reader.string(entry, "label", context: context)
    var audience: Audience?
    if let text = reader.string(entry, "audience", context: context, required: false) {
      audience = Audience(rawValue: text)
      if audience == nil {
        reader.error(at: entry["audience"], "unknown audience '\(text)'; use inwoners or ketenpartners")
      }
    }
    var unit: Unit?
    if let text = reader.string(entry, "unit", context: context) {
      unit = Unit(rawValue: text)
      if unit == nil {
        reader.error(at: entry["unit"], "unknown unit '\(text)'; use cijfer, percentage or aantal")
      }
    }
    var direction: Direction?
    if unit == .aantal {
      // A count is described, not judged: no direction is needed, and a direction other than none would promise a
      // judgement the report never gives.
      direction = Direction.none
      if let text = reader.string(entry, "direction", context: context, required: false), text != "none" {
        reader.error(
          at: entry["direction"],
          "\(context) is an aantal (a descriptive count), which is not judged; leave direction out or set it to none")
      }
      if audience != nil {
        reader.error(at: entry["audience"], "\(context) is an aantal; the surveys measure grades, not counts")
      }
    } else if let text = reader.string(entry, "direction", context: context) {
      direction = Direction(rawValue: text)
      if direction == nil {
        reader.error(at: entry["direction"], "unknown direction '\(text)'; use at_least, at_most or none")
      }
    }
    var norms: [Int: Double] = [:]
    if let node = entry["norms"] {
      if unit == .aantal {
        reader.error(at: node, "\(context) is an aantal (a descriptive count), so it cannot have norms")
      } else if direction == IndicatorSet.Direction.none {
        reader.error(at: node, "\(context) has direction none, so it cannot have norms")
      }
      if case .mapping(let mapping) = node {
        for (yearNode, value) in mapping {
          guard let year = yearNode.scalar.flatMap({ Int($0.string) }), (1900...2200).contains(year) else {
            reader.error(at: yearNode, "norms of \(context) must be keyed by year, such as 2026: 7.0")
            continue
          }
          guard let norm = reader.number(value, context: "the \(year) norm of \(context)") else { continue }
          if norms[year] != nil {
            reader.error(at: yearNode, "\(context) has two norms for \(year)")
          } else if unit == .cijfer, !(1...10).contains(norm) {
            reader.error(at: value, "the \(year) norm of \(context) must be a grade from 1 to 10")
          } else if unit == .percentage, !(0...100).contains(norm) {
            reader.error(at: value, "the \(year) norm of \(context) must be a percentage from 0 to 100")
          }
          norms[year] = norm
        }
      } else {
        reader.error(at: node, "norms of \(context) must be a mapping of year to norm, such as { 2026: 7.0 }")
      }
    }
    var basis = Basis.everyRespondent
    if let node = entry["basis"] {
      if audience == nil {
        reader.error(at: node, "\(context) has no audience, so no survey basis; remove basis or add an audience")
      } else if let parsed = parseBasis(node, context: context, reader: &reader) {
        basis = parsed
      }
    }
    guard let id, let number, let label, let unit, let direction else { return nil }
    return Indicator(
      id: id, number: number, label: label, audience: audience, unit: unit, direction: direction, norms: norms,
      basis: basis)
  }

  private static func parseBasis(_ node: Node, context: String, reader: inout YAMLReader) -> Basis? {
    guard let fields = reader.mapping(node, allowed: basisKeys, context: "the basis of \(context)") else { return nil }
    var basis = Basis.everyRespondent
    if let rolesNode = fields["roles"], let roles = reader.strings(rolesNode, context: "basis.roles") {
      if roles.isEmpty {
        reader.error(at: rolesNode, "basis.roles of \(context) is empty, so nobody would count; list role codes")
      } else if Set(roles).count != roles.count {
        reader.error(at: rolesNode, "basis.roles of \(context) lists a role twice")
      } else if let bad = roles.first(where: { !$0.isIdentifier(allowsHyphen: true) }) {
        reader.error(at: rolesNode, "basis.roles of \(context) has '\(bad)', which is no answer code")
      } else {
        basis.roles = roles
      }
    }
    if let text = reader.string(fields, "mean", context: "the basis of \(context)", required: false) {
      if let mean = Basis.Mean(rawValue: text) {
        basis.mean = mean
      } else {
        reader.error(at: fields["mean"], "unknown basis.mean '\(text)'; use respondents or groups")
      }
    }
    return basis
  }
}
