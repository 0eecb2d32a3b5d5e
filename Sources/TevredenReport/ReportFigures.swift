import Foundation
import TevredenCore

/// Everything the burap report shows, already computed: the renderer only lays it out.
///
/// This is the report's own presentation model, kept apart from the scoring engine's figures so the page can be
/// built and tested while the engine changes. An adapter fills it from the engine's results; nothing in
/// ``ReportRenderer`` computes a statistic (no means, intervals, correlations or suppression decisions), it only
/// chooses scales, positions and wording.
///
/// ## Topics
/// ### Parts of the page
/// - ``Head``
/// - ``IndicatorRow``
/// - ``AudienceSection``
/// - ``Remarks``
/// - ``Methods``
public struct ReportFigures: Hashable, Sendable {
  public var head: Head
  /// The indicator table: PI 5 and PI 6, or all seven when other indicators were merged in.
  public var indicators: [IndicatorRow]
  /// One section per audience (PI 5 residents, PI 6 chain partners).
  public var audiences: [AudienceSection]
  /// Open remarks for internal use; `nil` leaves them out of the page entirely (the default).
  public var remarks: Remarks?
  public var methods: Methods
  /// Indicators of the set that the merged registration file has no figure for in the period ("PI 3a Label"):
  /// named under the indicator table rather than silently missing from it.
  public var missingIndicators: [String] = []
  /// The descriptive counts (*beschrijvende indicatoren*): intake against budget, output with waiting list or
  /// workload; shown in a table of their own, without a light.
  public var descriptive: [DescriptiveRow] = []
  /// Per registration PI with earlier years in the file: realisation against each year's norm.
  public var registrationHistory: [HistoryTable] = []
  /// Per registration indicator with subgroups (PI 7 per municipality), after disclosure control.
  public var registrationSubgroups: [SubgroupTable] = []
  /// Registration subgroups not shown because the file gives no n to check them by ("pi7a Texel").
  public var withheldSubgroups: [String] = []
  /// The toelichting of the period per indicator (`--toelichting`), in the order of the indicator set; empty
  /// without a file, and then the page shows nothing of it.
  public var explanations: [Explanation] = []

  public init(
    head: Head, indicators: [IndicatorRow], audiences: [AudienceSection], remarks: Remarks? = nil, methods: Methods
  ) {
    self.head = head
    self.indicators = indicators
    self.audiences = audiences
    self.remarks = remarks
    self.methods = methods
  }
}

// MARK: - Head

extension ReportFigures {
  /// What the report is about and what it is based on.
  public struct Head: Hashable, Sendable {
    /// The region, such as "Noord-Holland Noord".
    public var region: String
    /// The burap period (its name and first and last day).
    public var period: Period
    /// When the report was made; passed in so rendering stays deterministic.
    public var generatedAt: Date
    /// Responses counted, per source.
    public var dataBasis: [DataSource]
    /// Response rates per audience, where known.
    public var responseRates: [ResponseRate]
    /// A line shown prominently under the title, for example that the figures come from made-up example data.
    public var notice: String?

    public init(
      region: String, period: Period, generatedAt: Date, dataBasis: [DataSource], responseRates: [ResponseRate] = [],
      notice: String? = nil
    ) {
      self.region = region
      self.period = period
      self.generatedAt = generatedAt
      self.dataBasis = dataBasis
      self.responseRates = responseRates
      self.notice = notice
    }
  }

  /// How a number of responses reached the database.
  public struct DataSource: Hashable, Sendable {
    /// The way of collecting.
    public enum Kind: Hashable, Sendable {
      /// Interviews taken with `tevreden interview`, with the mode (telefonisch, persoonlijk, papier).
      case interview(mode: String?)
      /// Exports imported from an online survey platform, such as "Qualtrics".
      case platformImport(platform: String)
    }

    public var kind: Kind
    /// Completed responses with a grade, per audience.
    public var counts: [Audience: Int]

    public init(kind: Kind, counts: [Audience: Int]) {
      self.kind = kind
      self.counts = counts
    }
  }

  /// How many of those asked took part: the AAPOR rates of one audience (see ``ResponseRates``).
  public struct ResponseRate: Hashable, Sendable {
    public var audience: Audience
    public var rates: ResponseRates

    public init(audience: Audience, rates: ResponseRates) {
      self.audience = audience
      self.rates = rates
    }
  }
}

// MARK: - Registration: descriptive counts, history, subgroups

extension ReportFigures {
  /// A descriptive count for information: no norm, no light.
  public struct DescriptiveRow: Hashable, Sendable {
    public var number: String
    public var label: String
    public var value: Int?
    public var budgeted: Int?
    /// The value minus the budget, from the engine's row.
    public var difference: Int?
    public var waitingList: Int?
    public var workload: Int?

    public init(
      number: String, label: String, value: Int?, budgeted: Int? = nil, difference: Int? = nil,
      waitingList: Int? = nil, workload: Int? = nil
    ) {
      self.number = number
      self.label = label
      self.value = value
      self.budgeted = budgeted
      self.difference = difference
      self.waitingList = waitingList
      self.workload = workload
    }
  }

  /// A registration PI over the years: one line per period, the report's own period last.
  public struct HistoryTable: Hashable, Sendable {
    public var number: String
    public var label: String
    public var unit: Unit
    public var entries: [HistoryEntry]

    public init(number: String, label: String, unit: Unit, entries: [HistoryEntry]) {
      self.number = number
      self.label = label
      self.unit = unit
      self.entries = entries
    }
  }

  /// One period of a ``HistoryTable``, judged against the norm of its own year.
  public struct HistoryEntry: Hashable, Sendable {
    /// The period's name: `2025-T2`, `2024`.
    public var period: String
    public var value: Double?
    public var count: Int?
    public var norm: Norm?
    public var status: Status

    public init(period: String, value: Double?, count: Int?, norm: Norm?, status: Status) {
      self.period = period
      self.value = value
      self.count = count
      self.norm = norm
      self.status = status
    }
  }

  /// A registration indicator per subgroup (a municipality), hidden cells included as hidden.
  public struct SubgroupTable: Hashable, Sendable {
    public var number: String
    public var label: String
    public var unit: Unit
    public var rows: [SubgroupRow]

    public init(number: String, label: String, unit: Unit, rows: [SubgroupRow]) {
      self.number = number
      self.label = label
      self.unit = unit
      self.rows = rows
    }
  }

  /// A subgroup's value and n, or neither when disclosure control hides it.
  public struct SubgroupRow: Hashable, Sendable {
    public var name: String
    public var value: Double?
    public var count: Int?
    public var status: Status
    public var isSuppressed: Bool

    public init(name: String, value: Double?, count: Int?, status: Status, isSuppressed: Bool) {
      self.name = name
      self.value = value
      self.count = count
      self.status = status
      self.isSuppressed = isSuppressed
    }
  }
}

// MARK: - Indicators and groups

extension ReportFigures {
  /// The verdict of a figure against its norm.
  public enum Status: String, Hashable, Sendable, CaseIterable {
    /// The figure meets the norm.
    case voldoet
    /// The figure does not meet the norm.
    case voldoetNiet = "voldoet niet"
    /// Enough respondents to show a figure, too few to judge it firmly against the norm.
    case indicatief
    /// Too few respondents to show a figure at all.
    case teWeinigRespondenten = "te weinig respondenten"
    /// No norm applies (on purpose, or none set for the year).
    case geenNorm = "geen norm"
  }

  /// Whether the 95% interval lies clear of the norm: how sure the verdict is.
  public enum NormComparison: Hashable, Sendable {
    /// The whole interval lies on the good side of the norm.
    case clearlyMeets
    /// The whole interval lies on the bad side of the norm.
    case clearlyMisses
    /// The interval contains the norm: the data cannot tell the difference.
    case unclear
  }

  /// A norm with its direction.
  public struct Norm: Hashable, Sendable {
    /// Whether the value must be at least or at most the norm.
    public enum Direction: Hashable, Sendable {
      case atLeast
      case atMost
    }

    public var value: Double
    public var direction: Direction

    public init(_ value: Double, _ direction: Direction = .atLeast) {
      self.value = value
      self.direction = direction
    }
  }

  /// A 95% confidence interval.
  public struct Interval: Hashable, Sendable {
    public var lower: Double
    public var upper: Double

    public init(_ lower: Double, _ upper: Double) {
      self.lower = lower
      self.upper = upper
    }
  }

  /// The same figure in the same period one year earlier.
  public struct Change: Hashable, Sendable {
    /// The earlier period's name, such as "2025-T2".
    public var previousPeriod: String
    public var previousValue: Double
    /// This period's value minus the earlier one.
    public var difference: Double
    /// Whether the engine found the difference statistically significant; `nil` when not tested.
    public var isSignificant: Bool?

    public init(previousPeriod: String, previousValue: Double, difference: Double, isSignificant: Bool? = nil) {
      self.previousPeriod = previousPeriod
      self.previousValue = previousValue
      self.difference = difference
      self.isSignificant = isSignificant
    }
  }

  /// The unit of an indicator's value.
  public enum Unit: Hashable, Sendable {
    /// A grade on 1–10.
    case grade
    /// A percentage.
    case percentage
    /// A whole count (a descriptive indicator).
    case count
  }

  /// One row of the indicator table.
  public struct IndicatorRow: Hashable, Sendable {
    /// The number as in the management report: "5", "2a".
    public var number: String
    public var label: String
    public var unit: Unit
    /// The value; `nil` when there is none (no data, or too few respondents).
    public var value: Double?
    public var norm: Norm?
    public var status: Status
    public var comparison: NormComparison?
    /// Respondents (PI 5 and 6); `nil` for merged indicators.
    public var count: Int?
    public var interval: Interval?
    public var change: Change?
    /// Where the figure comes from when not from the surveys, such as "aangeleverd door Veilig Thuis".
    public var source: String?

    public init(
      number: String, label: String, unit: Unit, value: Double?, norm: Norm?, status: Status,
      comparison: NormComparison? = nil, count: Int? = nil, interval: Interval? = nil, change: Change? = nil,
      source: String? = nil
    ) {
      self.number = number
      self.label = label
      self.unit = unit
      self.value = value
      self.norm = norm
      self.status = status
      self.comparison = comparison
      self.count = count
      self.interval = interval
      self.change = change
      self.source = source
    }
  }

  /// The figures of one respondent group (or of a whole audience) in the period.
  public struct GroupFigure: Hashable, Sendable {
    /// A stable identifier, such as "melding"; used for anchors and test hooks, never shown.
    public var id: String
    public var label: String
    /// Respondents with a grade.
    public var count: Int
    /// The mean grade; `nil` when suppressed for too few respondents.
    public var mean: Double?
    public var standardDeviation: Double?
    public var interval: Interval?
    public var median: Double?
    /// The share of grades below 6 (0...1).
    public var shareBelowSix: Double?
    public var status: Status
    public var comparison: NormComparison?
    public var change: Change?
    /// The group's own minimum n where it needs more respondents than the report's (`group_minimums`).
    public var minimumRespondents: Int?

    /// The minimum n that applies to this figure, given the report's.
    public func minimum(default minimum: Int) -> Int { max(minimumRespondents ?? minimum, minimum) }

    public init(
      id: String, label: String, count: Int, mean: Double?, standardDeviation: Double? = nil,
      interval: Interval? = nil, median: Double? = nil, shareBelowSix: Double? = nil, status: Status,
      comparison: NormComparison? = nil, change: Change? = nil
    ) {
      self.id = id
      self.label = label
      self.count = count
      self.mean = mean
      self.standardDeviation = standardDeviation
      self.interval = interval
      self.median = median
      self.shareBelowSix = shareBelowSix
      self.status = status
      self.comparison = comparison
      self.change = change
    }
  }
}

// MARK: - Audience sections

extension ReportFigures {
  /// Everything shown for one audience: groups, trend, distribution, aspects and municipalities.
  public struct AudienceSection: Hashable, Sendable {
    public var audience: Audience
    /// The indicator number, "5" or "6".
    public var indicatorNumber: String
    /// The heading, such as "Inwoners (direct betrokkenen)".
    public var title: String
    /// The year's norm for the period.
    public var norm: Norm?
    /// The whole audience.
    public var overall: GroupFigure
    public var groups: [GroupFigure]
    /// The mean per burap period over all years, oldest first.
    public var trend: [TrendPoint]
    public var histogram: Histogram?
    /// Aspect scores per group.
    public var aspects: [AspectGroup]
    /// Topic shares per group.
    public var topics: [TopicGroup]
    /// Who counts in the indicator and how its groups combine, in a sentence; empty when not known.
    public var basis: String = ""
    public var gemeenten: GemeenteTable?

    public init(
      audience: Audience, indicatorNumber: String, title: String, norm: Norm?, overall: GroupFigure,
      groups: [GroupFigure], trend: [TrendPoint] = [], histogram: Histogram? = nil, aspects: [AspectGroup] = [],
      topics: [TopicGroup] = [], gemeenten: GemeenteTable? = nil
    ) {
      self.topics = topics
      self.audience = audience
      self.indicatorNumber = indicatorNumber
      self.title = title
      self.norm = norm
      self.overall = overall
      self.groups = groups
      self.trend = trend
      self.histogram = histogram
      self.aspects = aspects
      self.gemeenten = gemeenten
    }
  }

  /// The audience's mean in one burap period.
  public struct TrendPoint: Hashable, Sendable {
    /// The period's name, such as "2025-T3".
    public var period: String
    /// `nil` when there were no respondents or too few to show a mean.
    public var mean: Double?
    public var count: Int
    /// That year's norm.
    public var norm: Double?
    public var status: Status

    public init(period: String, mean: Double?, count: Int, norm: Double?, status: Status) {
      self.period = period
      self.mean = mean
      self.count = count
      self.norm = norm
      self.status = status
    }
  }

  /// How many respondents gave each grade 1–10 (grades with decimals binned by the engine).
  public struct Histogram: Hashable, Sendable {
    /// Ten counts: index 0 is grade 1, index 9 is grade 10.
    public var counts: [Int]
    /// The share of grades below 6 (0...1).
    public var shareBelowSix: Double?

    public init(counts: [Int], shareBelowSix: Double? = nil) {
      self.counts = counts
      self.shareBelowSix = shareBelowSix
    }
  }

  /// The aspect scores of one group.
  public struct AspectGroup: Hashable, Sendable {
    public var groupID: String
    public var groupLabel: String
    public var aspects: [Aspect]

    public init(groupID: String, groupLabel: String, aspects: [Aspect]) {
      self.groupID = groupID
      self.groupLabel = groupLabel
      self.aspects = aspects
    }
  }

  /// The topic items of one group, as shares of those who answered them.
  public struct TopicGroup: Hashable, Sendable {
    public var groupID: String
    public var groupLabel: String
    public var topics: [TopicScore]

    public init(groupID: String, groupLabel: String, topics: [TopicScore]) {
      self.groupID = groupID
      self.groupLabel = groupLabel
      self.topics = topics
    }
  }

  /// One aspect (such as *bereikbaarheid*) on 1–10, with how it goes together with the overall grade.
  public struct Aspect: Hashable, Sendable {
    public var label: String
    public var mean: Double?
    /// Respondents who answered this aspect.
    public var count: Int
    /// Pearson's r between the aspect score and the overall grade.
    public var correlation: Double?
    /// Respondents with both the aspect and the grade; `nil` when no correlation was computed.
    public var correlationCount: Int?

    public init(label: String, mean: Double?, count: Int, correlation: Double? = nil, correlationCount: Int? = nil) {
      self.label = label
      self.mean = mean
      self.count = count
      self.correlation = correlation
      self.correlationCount = correlationCount
    }
  }

  /// Figures per municipality, with cells the engine suppressed for disclosure control.
  public struct GemeenteTable: Hashable, Sendable {
    /// Column headings after the municipality: usually "totaal" and the groups.
    public var columns: [String]
    public var rows: [GemeenteRow]

    public init(columns: [String], rows: [GemeenteRow]) {
      self.columns = columns
      self.rows = rows
    }
  }

  /// One municipality's row.
  public struct GemeenteRow: Hashable, Sendable {
    public var gemeente: String
    /// One cell per column of the table.
    public var cells: [GemeenteCell]

    public init(gemeente: String, cells: [GemeenteCell]) {
      self.gemeente = gemeente
      self.cells = cells
    }
  }

  /// One cell of the municipality table.
  public enum GemeenteCell: Hashable, Sendable {
    /// A shown figure.
    case figure(mean: Double, count: Int)
    /// Hidden: fewer respondents than the disclosure threshold, or hidden so that another hidden cell cannot be
    /// worked out from the totals or the year's earlier periods (which of the two is not published).
    case suppressed
    /// No respondents.
    case empty
  }
}

// MARK: - Remarks and methods

extension ReportFigures {
  /// Open remarks (already masked), for internal use only; never broken down by municipality.
  public struct Remarks: Hashable, Sendable {
    public var items: [Remark]

    public init(items: [Remark]) {
      self.items = items
    }
  }

  /// One open remark.
  public struct Remark: Hashable, Sendable {
    public var audience: Audience
    public var groupLabel: String
    /// The question the remark answers, such as "Wat kan beter?".
    public var question: String
    public var text: String

    public init(audience: Audience, groupLabel: String, question: String, text: String) {
      self.audience = audience
      self.groupLabel = groupLabel
      self.question = question
      self.text = text
    }
  }

  /// The inputs of the methods box.
  public struct Methods: Hashable, Sendable {
    /// Below this many respondents no mean is shown ("te weinig respondenten").
    public var minimumRespondents: Int
    /// From the minimum up to (not including) this many respondents a figure is shown as indicative; `nil` when
    /// every figure from the minimum on is firm.
    public var indicativeBelow: Int?
    /// Municipality cells with fewer respondents are hidden.
    public var disclosureThreshold: Int
    /// The confidence level of the intervals, such as 0.95.
    public var confidenceLevel: Double
    /// How the interval is computed, in Dutch, such as "t-verdeling".
    public var intervalMethod: String
    /// Additional lines, in Dutch, shown at the end of the box.
    public var notes: [String]
    /// How long the data is kept (`retention` in indicators.yaml); `nil` when the report does not say.
    public var retention: IndicatorSet.Retention?

    public init(
      minimumRespondents: Int, indicativeBelow: Int? = nil, disclosureThreshold: Int, confidenceLevel: Double = 0.95,
      intervalMethod: String = "gemiddelde ± t × standaardfout (t-verdeling)", notes: [String] = []
    ) {
      self.minimumRespondents = minimumRespondents
      self.indicativeBelow = indicativeBelow
      self.disclosureThreshold = disclosureThreshold
      self.confidenceLevel = confidenceLevel
      self.intervalMethod = intervalMethod
      self.notes = notes
    }
  }
}
