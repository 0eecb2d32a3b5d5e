import Foundation

// MARK: - Input: what the store counts

/// A respondent group known from the stored definitions, so a group without respondents still gets a row.
public struct GroupInfo: Hashable, Sendable {
  public var audience: Audience
  /// The group id, such as `melding`.
  public var group: String
  /// The group's name in reports, such as `Melding`.
  public var label: String

  public init(audience: Audience, group: String, label: String) {
    self.audience = audience
    self.group = group
    self.label = label
  }
}

/// The grades of completed responses in one cell: audience × group × the requested breakdown values.
///
/// A breakdown value is `nil` when the breakdown was not requested (or, for gemeente and role, when the response
/// has none).
public struct GradeCell: Hashable, Sendable {
  public var audience: Audience
  public var group: String
  public var gemeente: String?
  /// The answer code of the role item (`rol` for residents, `functie` for chain partners).
  public var role: String?
  /// The ISO 639-1 code of the language the respondents answered in.
  public var language: String?
  /// The year of the completion day.
  public var year: Int?
  /// The third of the year of the completion day: 1 = January–April, 2 = May–August, 3 = September–December.
  public var third: Int?
  public var distribution: GradeDistribution

  public init(
    audience: Audience, group: String, gemeente: String? = nil, role: String? = nil, language: String? = nil,
    year: Int? = nil, third: Int? = nil, distribution: GradeDistribution
  ) {
    self.audience = audience
    self.group = group
    self.gemeente = gemeente
    self.role = role
    self.language = language
    self.year = year
    self.third = third
    self.distribution = distribution
  }
}

/// The rescaled scores (1–10) of one aspect item in one group.
public struct AspectCell: Hashable, Sendable {
  public var audience: Audience
  public var group: String
  /// The item id, such as `bereikbaarheid`.
  public var item: String
  /// A short name for the item: its first alias, else its id.
  public var label: String
  /// Scores after rescaling the item's scale to 1–10; missing codes are never in it.
  public var distribution: GradeDistribution
  /// The rescaled score paired with the response's overall grade, for their correlation.
  public var withGrade: PairedSums

  public init(
    audience: Audience, group: String, item: String, label: String, distribution: GradeDistribution,
    withGrade: PairedSums = PairedSums()
  ) {
    self.audience = audience
    self.group = group
    self.item = item
    self.label = label
    self.distribution = distribution
    self.withGrade = withGrade
  }

  /// Rescales a point on a scale from `minimum`…`maximum` linearly to 1…10: 1 → 1, 3 → 5.5, 5 → 10 on a 5-point
  /// scale.
  public static func rescale(_ value: Double, minimum: Double, maximum: Double) -> Double {
    guard maximum > minimum else { return 1 }
    return 1 + 9 * (value - minimum) / (maximum - minimum)
  }
}

/// The answers to one topic item in one group: how many respondents gave each answer.
public struct TopicCell: Hashable, Sendable {
  /// One answer the item offers, in the order the newest definition lists them.
  public struct Option: Hashable, Sendable {
    /// The canonical answer (`ja`, a choice code, a scale value).
    public var code: String
    public var label: String
    /// Respondents who gave this answer (with a multiple-choice item, who chose it among others).
    public var count: Int

    public init(code: String, label: String, count: Int) {
      self.code = code
      self.label = label
      self.count = count
    }
  }

  public var audience: Audience
  public var group: String
  /// The item id, such as `kinderen_hulp`.
  public var item: String
  /// A short name for the item: its first alias, else its id.
  public var label: String
  /// The question as asked, for a reader who wants the exact wording.
  public var text: String
  /// Whether a respondent may give several answers (shares then add up to more than 100%).
  public var allowsMultiple: Bool
  public var options: [Option]
  /// Respondents who answered with a value (missing codes such as *weet niet* are not among them).
  public var respondents: Int

  public init(
    audience: Audience, group: String, item: String, label: String, text: String, allowsMultiple: Bool = false,
    options: [Option], respondents: Int
  ) {
    self.audience = audience
    self.group = group
    self.item = item
    self.label = label
    self.text = text
    self.allowsMultiple = allowsMultiple
    self.options = options
    self.respondents = respondents
  }
}

/// How many responses of a group have each status in the period (for response rates).
public struct StatusCount: Hashable, Sendable {
  public var audience: Audience
  public var group: String
  public var status: Response.Status
  public var count: Int
  /// Whether these responses were interviews (by telephone or in person), whose refusals are recorded.
  public var isInterview: Bool

  public init(audience: Audience, group: String, status: Response.Status, count: Int, isInterview: Bool = false) {
    self.isInterview = isInterview
    self.audience = audience
    self.group = group
    self.status = status
    self.count = count
  }
}

/// Everything the store counted for one score request; the scoring engine computes every figure from it.
public struct ScoreData: Hashable, Sendable {
  public var groups: [GroupInfo]
  /// The period's cells, broken down as requested.
  public var cells: [GradeCell]
  /// The same period a year earlier, per group only.
  public var previousCells: [GradeCell]
  public var aspects: [AspectCell]
  /// The topic items' answers per group (see ``ScoreRule/topics``).
  public var topics: [TopicCell]
  public var statusCounts: [StatusCount]
  /// Completed responses with a grade in the period whose role is outside the indicator's basis, per group.
  public var outsideBasis: [StatusCount]
  /// Interviewer contacts recorded without a questionnaire in the period, per group and outcome.
  public var contacts: [ContactCount]
  /// Labels of role answer codes per audience: `[inwoners: [melder: "Ik heb de melding gedaan"]]`.
  public var roleLabels: [Audience: [String: String]]
  /// For a municipal breakdown of a burap period: the cells per municipality, group and third of the year, from
  /// 1 January up to the period's end, so that disclosure control covers the earlier periods of the year. `nil`:
  /// the period's own cells are taken as the only period.
  public var municipalCells: [GradeCell]?

  public init(
    groups: [GroupInfo], cells: [GradeCell], previousCells: [GradeCell] = [], aspects: [AspectCell] = [],
    topics: [TopicCell] = [], statusCounts: [StatusCount] = [], roleLabels: [Audience: [String: String]] = [:],
    municipalCells: [GradeCell]? = nil, outsideBasis: [StatusCount] = [], contacts: [ContactCount] = []
  ) {
    self.contacts = contacts
    self.outsideBasis = outsideBasis
    self.topics = topics
    self.municipalCells = municipalCells
    self.groups = groups
    self.cells = cells
    self.previousCells = previousCells
    self.aspects = aspects
    self.statusCounts = statusCounts
    self.roleLabels = roleLabels
  }
}

// MARK: - The request

/// A way to break the indicator rows down (`--by`).
public enum ScoreDimension: String, Hashable, Sendable, CaseIterable, Comparable {
  /// Respondent group: always shown in the main table; in a breakdown it adds group cells under each row.
  case group
  case gemeente
  /// The respondent's role in the case (`rol`) or, for chain partners, their position (`functie`).
  case role
  /// The language the respondent answered in (`--by taal`); a small language group is protected like a small
  /// municipality is (see ``ScoreCard`` and `Questionnaires/README.md`).
  case language
  /// Calendar years of the completion day (useful with `--from/--to` over several years).
  case year
  /// The cumulative management-report periods (T1, T2, year) of each year in range.
  case period

  public static func < (lhs: ScoreDimension, rhs: ScoreDimension) -> Bool {
    allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
  }

  /// Reads a comma-separated list such as `gemeente,group`, checking that the combination makes sense.
  public static func parseList(_ text: String) throws(ScoringError) -> [ScoreDimension] {
    var dimensions: [ScoreDimension] = []
    for part in text.split(separator: ",") {
      let name = part.trimmingCharacters(in: .whitespaces).lowercased()
      let aliases: [String: ScoreDimension] = [
        "groep": .group, "rol": .role, "jaar": .year, "periode": .period, "taal": .language,
      ]
      guard let dimension = ScoreDimension(rawValue: name) ?? aliases[name] else {
        throw .unknownDimension(String(part))
      }
      if !dimensions.contains(dimension) { dimensions.append(dimension) }
    }
    try validate(dimensions)
    return dimensions.sorted()
  }

  /// Refuses combinations that would mislead or leak.
  public static func validate(_ dimensions: [ScoreDimension]) throws(ScoringError) {
    let set = Set(dimensions)
    if set.contains(.year), set.contains(.period) { throw .incompatibleDimensions(.year, .period) }
    // The same overlap: T2 minus T1 per language would isolate the few respondents of a language in May–August.
    if set.contains(.language), set.contains(.period) { throw .incompatibleDimensions(.period, .language) }
    // Cumulative periods overlap: T2 minus T1 per municipality would reveal small, suppressed cells. Other
    // dimensions beside gemeente make cells too small to publish and multiply the tables an intruder can combine.
    if set.contains(.gemeente), let other = set.subtracting([.gemeente, .group]).sorted().first {
      throw .incompatibleDimensions(other, .gemeente)
    }
    if set.subtracting([.group]).count > 2 { throw .tooManyDimensions }
  }
}

/// What to score: a period and how to break it down.
public struct ScoreRequest: Hashable, Sendable {
  public var period: Period
  /// The `--by` dimensions besides the main per-group table (which is always there).
  public var dimensions: [ScoreDimension]
  /// Whether to compute mean aspect scores per group.
  public var includesAspects: Bool
  /// Whether to count the topic items' answers per group (``ScoreRule/topics``).
  public var includesTopics: Bool
  /// Per audience, the role answers whose respondents count (``IndicatorSet/roleBasis``): the store leaves every
  /// other respondent out of every figure and counts them apart. It must be the indicator set's, which
  /// ``ScoreCard/build(request:indicators:data:weights:invited:)`` checks.
  public var roleBasis: [Audience: Set<String>]

  public init(
    period: Period, dimensions: [ScoreDimension] = [], includesAspects: Bool = false, includesTopics: Bool = false,
    roleBasis: [Audience: Set<String>] = [:]
  ) {
    self.roleBasis = roleBasis
    self.period = period
    self.dimensions = dimensions
    self.includesAspects = includesAspects
    self.includesTopics = includesTopics
  }

  /// Whether the scan reads answers: for aspects or topics.
  public var readsItems: Bool { includesAspects || includesTopics }

  /// The breakdown dimensions other than group.
  public var breakdownDimensions: [ScoreDimension] { dimensions.filter { $0 != .group }.sorted() }

  /// Whether the breakdown shows group cells beneath each row.
  public var breakdownIncludesGroups: Bool { dimensions.contains(.group) && !breakdownDimensions.isEmpty }

  /// The same period a year earlier, the comparison for the main table.
  public var previousPeriod: Period { period.yearEarlier }

  /// Which cumulative burap period the request's period is: 1 for T1 (January–April), 2 for T2 (January–August),
  /// 3 for the year; `nil` for any other range.
  public var burapPeriod: Int? { period.burapIndex }
}

extension Period {
  /// 1 for T1 (January–April), 2 for T2 (January–August), 3 for a whole year; `nil` for any other range.
  public var burapIndex: Int? {
    guard first.year == last.year, first.month == 1, first.day == 1 else { return nil }
    switch (last.month, last.day) {
    case (4, 30): return 1
    case (8, 31): return 2
    case (12, 31): return 3
    default: return nil
    }
  }
}

// MARK: - Output: the figures

/// The thresholds that decide what is reported, from `indicators.yaml`.
public struct ReportingThresholds: Hashable, Sendable {
  /// Below this many respondents no mean is reported: *te weinig respondenten*.
  public var minimumRespondents: Int
  /// Below this (and at least the minimum) a figure is shown as *indicatief*.
  public var indicativeBelow: Int
  /// Per-municipality cells with fewer respondents are suppressed.
  public var disclosureThreshold: Int
  /// Per-municipality cells with fewer respondents are shown without their distribution of grades.
  public var distributionThreshold: Int
  /// Groups that need more respondents than ``minimumRespondents`` before their figures are shown.
  public var groupMinimums: [String: Int] = [:]

  /// The thresholds for one respondent group's figures: its own minimum n where it has one (the indicative band
  /// starts there too, at the least).
  public func forGroup(_ group: String?) -> ReportingThresholds {
    guard let group, let minimum = groupMinimums[group], minimum > minimumRespondents else { return self }
    var thresholds = self
    thresholds.minimumRespondents = minimum
    thresholds.indicativeBelow = max(indicativeBelow, minimum)
    return thresholds
  }

  public init(
    minimumRespondents: Int, indicativeBelow: Int, disclosureThreshold: Int, distributionThreshold: Int? = nil
  ) {
    self.minimumRespondents = minimumRespondents
    self.indicativeBelow = indicativeBelow
    self.disclosureThreshold = disclosureThreshold
    self.distributionThreshold = max(distributionThreshold ?? 2 * disclosureThreshold, disclosureThreshold)
  }
}

/// How a figure compares with its norm.
public enum NormStatus: String, Hashable, Sendable, CaseIterable {
  /// The mean meets the norm.
  case voldoet
  /// The mean does not meet the norm.
  case voldoetNiet = "voldoet niet"
  /// Fewer respondents than the minimum: too few to say; no mean is reported.
  case teWeinigRespondenten = "te weinig respondenten"
  /// No norm is set for the year (or on purpose, as for PI 7).
  case geenNorm = "geen norm"
}

/// A figure's status against the norm, with how firmly it can be said.
public struct Assessment: Hashable, Sendable {
  public var status: NormStatus
  /// Enough respondents to publish, too few to be firm (between the minimum and ``ReportingThresholds/indicativeBelow``).
  public var isIndicative: Bool
  /// The whole 95% interval lies on the side of the norm the status names.
  public var isSignificant: Bool

  public init(status: NormStatus, isIndicative: Bool = false, isSignificant: Bool = false) {
    self.status = status
    self.isIndicative = isIndicative
    self.isSignificant = isSignificant
  }

  /// A value as the status compares it with the norm: rounded to the one decimal the tables print, halves away from
  /// zero on the binary value (`(value × 10).rounded() / 10`), so that the printed figure and the status never
  /// disagree (6.97 is printed 7,0 and meets a norm of 7.0).
  public static func shown(_ value: Double) -> Double {
    (value * 10).rounded() / 10
  }

  /// The one status a dashboard colours by, in the words of the report's status column: `voldoet`,
  /// `voldoet niet`, `indicatief` (on either side of the norm, as the report shows it), `te weinig respondenten`
  /// or `geen norm`. The report's light is built from this (`ReportFigures.Status`), so the two cannot differ.
  public var reportedStatus: String {
    switch status {
    case .teWeinigRespondenten: status.rawValue
    case _ where isIndicative: "indicatief"
    case .voldoet, .voldoetNiet, .geenNorm: status.rawValue
    }
  }

  /// Assesses a summary against a norm.
  ///
  /// The mean is compared at the precision reported (one decimal), so the status always agrees with the printed
  /// figure; significance needs the whole interval on that side (touching the norm from above still meets an
  /// at-least norm).
  public static func of(
    _ summary: GradeSummary, norm: Double?, direction: IndicatorSet.Direction, thresholds: ReportingThresholds
  ) -> Assessment {
    guard summary.count >= thresholds.minimumRespondents, let mean = summary.mean else {
      return Assessment(status: .teWeinigRespondenten)
    }
    let indicative = summary.count < thresholds.indicativeBelow
    guard let norm, direction != .none else { return Assessment(status: .geenNorm, isIndicative: indicative) }
    let shown = Self.shown(mean)
    let interval = summary.confidenceInterval
    switch direction {
    case .atLeast:
      if shown >= norm {
        return Assessment(status: .voldoet, isIndicative: indicative, isSignificant: (interval?.lower ?? -1) >= norm)
      }
      return Assessment(
        status: .voldoetNiet, isIndicative: indicative, isSignificant: (interval?.upper ?? .infinity) < norm)
    case .atMost:
      if shown <= norm {
        return Assessment(
          status: .voldoet, isIndicative: indicative, isSignificant: (interval?.upper ?? .infinity) <= norm)
      }
      return Assessment(status: .voldoetNiet, isIndicative: indicative, isSignificant: (interval?.lower ?? -1) > norm)
    case .none:
      return Assessment(status: .geenNorm, isIndicative: indicative)
    }
  }
}

/// A figure against the same period a year earlier.
public struct YearComparison: Hashable, Sendable {
  /// The earlier period.
  public var period: Period
  /// The earlier figures.
  public var summary: GradeSummary
  /// This period's mean minus the earlier mean; `nil` when either has no respondents.
  public var change: Double?
  /// Welch's test between the two years (independent samples); `nil` below two respondents on either side.
  public var test: WelchTest?

  public init(period: Period, summary: GradeSummary, current: GradeSummary) {
    self.period = period
    self.summary = summary
    if let now = current.mean, let then = summary.mean { change = now - then } else { change = nil }
    test = WelchTest(current, summary)
  }

  /// Whether the change is significant at 5%.
  public var isSignificant: Bool { test?.isSignificant ?? false }
}

/// A mean aspect score (rescaled to 1–10) in one group.
public struct AspectScore: Hashable, Sendable {
  public var item: String
  public var label: String
  public var summary: GradeSummary
  /// Pearson's r between the aspect score and the overall grade, over ``correlationCount`` respondents; `nil` with
  /// fewer than three or without spread. It says which aspects go together with a higher grade, not why.
  public var correlation: Double?
  public var correlationCount: Int
  /// The smallest n whose mean and correlation are figures (``ReportingThresholds/minimumRespondents``): a group
  /// that reaches it may have far fewer answers to one aspect, and a mean or r of six answers says little and
  /// points at few people.
  public var minimumRespondents: Int

  public init(
    item: String, label: String, summary: GradeSummary, correlation: Double? = nil, correlationCount: Int = 0,
    minimumRespondents: Int = 0
  ) {
    self.item = item
    self.label = label
    self.summary = summary
    self.correlation = correlation
    self.correlationCount = correlationCount
    self.minimumRespondents = minimumRespondents
  }

  /// Whether the aspect has too few answers for its mean (and spread) to be shown.
  public var isBelowMinimum: Bool { summary.count < minimumRespondents }
  /// The mean as published: `nil` below the minimum n.
  public var reportedMean: Double? { isBelowMinimum ? nil : summary.mean }
  /// The standard deviation as published: `nil` below the minimum n.
  public var reportedStandardDeviation: Double? { isBelowMinimum ? nil : summary.standardDeviation }
  /// The correlation as published: `nil` when fewer than the minimum n gave both the aspect and a grade.
  public var reportedCorrelation: Double? { correlationCount < minimumRespondents ? nil : correlation }
}

/// A topic item in one group: the share of its respondents giving each answer.
public struct TopicScore: Hashable, Sendable {
  public var item: String
  public var label: String
  public var text: String
  public var allowsMultiple: Bool
  public var options: [TopicCell.Option]
  /// Respondents who answered with a value.
  public var respondents: Int
  /// The smallest n whose shares are figures (``ReportingThresholds/minimumRespondents``), as for the grade: a
  /// share of six answers says little and points at few people.
  public var minimumRespondents: Int

  public init(_ cell: TopicCell, minimumRespondents: Int) {
    item = cell.item
    label = cell.label
    text = cell.text
    allowsMultiple = cell.allowsMultiple
    options = cell.options
    respondents = cell.respondents
    self.minimumRespondents = minimumRespondents
  }

  /// Whether too few answered for shares to be shown.
  public var isBelowMinimum: Bool { respondents < minimumRespondents }

  /// The share (0–1) of respondents giving each option, in ``options`` order; `nil` below the minimum n.
  public var reportedShares: [Double]? {
    guard !isBelowMinimum, respondents > 0 else { return nil }
    return options.map { Double($0.count) / Double(respondents) }
  }
}

/// How many of those asked took part, in the standard definitions of the American Association for Public Opinion
/// Research (AAPOR, *Standard Definitions*, 2023): each rate is named and never stands in for another.
///
/// Interviews give full dispositions: every contact ends completed (I), partial (P, paused and never finished),
/// refused (R), not reached (NC), with another outcome (O: language barrier, stopped for safety, not now) or with
/// a wrong number (UH, eligibility unknown). Self-completed questionnaires (online, paper) give no contacts, only
/// what came back; for them only the number invited gives a rate. So:
///
/// - RR1 = I / invited with an invited count (all modes: invited is everyone asked), else I / (I + P + R + NC + O +
///   UH) over the interviewer's contacts when any non-contact or wrong number was recorded;
/// - RR2 = (I + P) over the same denominator;
/// - COOP1 = I / (I + P + R + O) and COOP2 = (I + P) / (I + P + R + O), over interviews only: of those reached.
public struct ResponseRates: Hashable, Sendable {
  /// The outcomes of interviewer contacts in one period.
  public struct Dispositions: Hashable, Sendable {
    public var completed = 0
    public var partial = 0
    public var refused = 0
    public var nonContact = 0
    public var other = 0
    public var unknownEligibility = 0

    public init(
      completed: Int = 0, partial: Int = 0, refused: Int = 0, nonContact: Int = 0, other: Int = 0,
      unknownEligibility: Int = 0
    ) {
      self.completed = completed
      self.partial = partial
      self.refused = refused
      self.nonContact = nonContact
      self.other = other
      self.unknownEligibility = unknownEligibility
    }

    /// Every contact: the RR denominator when no invited count is known.
    public var total: Int { completed + partial + refused + nonContact + other + unknownEligibility }
    /// Those reached: the COOP denominator.
    public var reached: Int { completed + partial + refused + other }
  }

  /// Where RR1 and RR2 take their denominator.
  public enum Basis: String, Hashable, Sendable {
    /// Everyone invited (`--invited`), in every mode.
    case invited = "uitgenodigd"
    /// Every interviewer contact, when the contacts that reached nobody were recorded too.
    case interviewContacts = "interviewcontacten"
  }

  /// Completed responses of every mode (I in RR1 with an invited count).
  public var completed: Int
  /// Partial responses of every mode.
  public var partial: Int
  /// Interviews and the contact outcomes recorded without one.
  public var interviews: Dispositions
  /// The number invited, from `--invited`.
  public var invited: Int?
  /// Whether every contact that reached nobody was recorded, so that RR1 may rest on the interview contacts; an
  /// audience's total is not when one of its groups with interviews recorded none.
  public var contactsAreComplete: Bool

  public init(
    completed: Int, partial: Int, interviews: Dispositions, invited: Int? = nil, contactsAreComplete: Bool = true
  ) {
    self.contactsAreComplete = contactsAreComplete
    self.completed = completed
    self.partial = partial
    self.interviews = interviews
    self.invited = invited
  }

  /// RR1 and RR2's denominator, or `nil` when no rate of response can be given.
  public var basis: Basis? {
    if invited != nil { return .invited }
    return contactsAreComplete && interviews.nonContact + interviews.unknownEligibility > 0
      ? .interviewContacts : nil
  }

  private func share(_ part: Int, _ whole: Int?) -> Double? {
    guard let whole, whole > 0 else { return nil }
    return Double(part) / Double(whole)
  }

  private var denominator: Int? {
    switch basis {
    case .invited?: invited
    case .interviewContacts?: interviews.total
    case nil: nil
    }
  }

  /// Response rate 1: completes over everyone eligible.
  public var rr1: Double? {
    share(basis == .invited ? completed : interviews.completed, denominator)
  }
  /// Response rate 2: completes and partials over everyone eligible.
  public var rr2: Double? {
    share(basis == .invited ? completed + partial : interviews.completed + interviews.partial, denominator)
  }
  /// Cooperation rate 1: completed interviews over those reached.
  public var coop1: Double? { share(interviews.completed, interviews.reached) }
  /// Cooperation rate 2: completed and partial interviews over those reached.
  public var coop2: Double? { share(interviews.completed + interviews.partial, interviews.reached) }
  /// Whether any rate can be given.
  public var isEmpty: Bool { rr1 == nil && coop1 == nil }
}

/// How an interviewer contact ended without a questionnaire: recorded with `tevreden contact`.
public enum ContactOutcome: String, Hashable, Sendable, CaseIterable {
  /// Nobody answered, after the agreed number of attempts.
  case notReached = "niet_bereikt"
  /// The number did not belong to the person.
  case wrongNumber = "onjuist_nummer"
  /// The person was reached and declined before any question.
  case refused = "geweigerd"
  /// No common language, and no interpreter at hand.
  case languageBarrier = "taalbarriere"
  /// The interviewer stopped because talking was not safe for the person.
  case stoppedForSafety = "gestopt_veiligheid"
  /// The person could not talk freely now; another time, safely.
  case notNowSafe = "niet_nu_veilig"

  /// The outcome's place among the AAPOR dispositions.
  public func add(to dispositions: inout ResponseRates.Dispositions, count: Int) {
    switch self {
    case .notReached: dispositions.nonContact += count
    case .wrongNumber: dispositions.unknownEligibility += count
    case .refused: dispositions.refused += count
    case .languageBarrier, .stoppedForSafety, .notNowSafe: dispositions.other += count
    }
  }
}

/// How many interviewer contacts of one group ended with one outcome in a period.
public struct ContactCount: Hashable, Sendable {
  public var audience: Audience
  public var group: String
  public var outcome: ContactOutcome
  public var count: Int

  public init(audience: Audience, group: String, outcome: ContactOutcome, count: Int) {
    self.audience = audience
    self.group = group
    self.outcome = outcome
    self.count = count
  }
}

/// The indicator's mean with respondents weighted to the population per group (post-stratification).
public struct WeightedMean: Hashable, Sendable {
  /// Σ (population share of group g) × (mean of group g), over groups with respondents.
  public var mean: Double
  /// Kish's effective sample size: (Σ w)² / Σ w².
  public var effectiveSampleSize: Double
  /// The weighted standard deviation; `nil` when it cannot be estimated.
  public var standardDeviation: Double?
  /// mean ± t(0.975; n_eff − 1) × sd / √n_eff; `nil` when n_eff < 2.
  public var confidenceInterval: ConfidenceInterval?
  /// The weight of one respondent per group: population share / sample share.
  public var weights: [String: Double]
  /// Groups with a population but no respondents: left out, the others' shares rescaled.
  public var groupsWithoutRespondents: [String]
  public var assessment: Assessment

  public init(
    mean: Double, effectiveSampleSize: Double, standardDeviation: Double?, confidenceInterval: ConfidenceInterval?,
    weights: [String: Double], groupsWithoutRespondents: [String], assessment: Assessment
  ) {
    self.mean = mean
    self.effectiveSampleSize = effectiveSampleSize
    self.standardDeviation = standardDeviation
    self.confidenceInterval = confidenceInterval
    self.weights = weights
    self.groupsWithoutRespondents = groupsWithoutRespondents
    self.assessment = assessment
  }
}

/// The figures for PI 5 and PI 6 in one period: per indicator the overall row, one row per group beneath, and
/// whatever breakdown was asked for. Everything a renderer (table, CSV, JSON, HTML report) needs is computed here.
///
/// ## Topics
/// ### Building
/// - ``build(request:indicators:data:weights:invited:)``
/// ### Rows
/// - ``Row``
/// - ``IndicatorScore``
/// - ``Breakdown``
public struct ScoreCard: Hashable, Sendable {
  /// One figure with its basis, status and context.
  public struct Row: Hashable, Sendable {
    public var label: String
    /// The respondent group id; `nil` for an indicator's overall row or a breakdown total.
    public var group: String?
    public var summary: GradeSummary
    public var assessment: Assessment
    /// Hidden to protect respondents (per-municipality disclosure control): render no figure at all.
    public var isSuppressed: Bool
    /// Why the cell is hidden: below the disclosure threshold (`true`) or hidden so another cannot be recovered.
    /// Kept for the engine's own checks; never published, since it would tell an intruder that the cell is small.
    public var isPrimarySuppression: Bool
    /// Whether the grade distribution (counts per grade, median, share below 6) may be shown; `false` for
    /// municipal cells below the distribution threshold.
    public var showsDistribution: Bool = true
    /// The same period a year earlier.
    public var previousYear: YearComparison?
    public var aspects: [AspectScore]
    /// The group's topic items, in the order of the newest definition.
    public var topics: [TopicScore]
    /// Respondents with a grade left out because their role is outside the indicator's basis.
    public var outsideBasis: Int = 0
    public var responseRates: ResponseRates?

    public init(
      label: String, group: String?, summary: GradeSummary, assessment: Assessment, isSuppressed: Bool = false,
      isPrimarySuppression: Bool = false, previousYear: YearComparison? = nil, aspects: [AspectScore] = [],
      topics: [TopicScore] = [], responseRates: ResponseRates? = nil
    ) {
      self.topics = topics
      self.label = label
      self.group = group
      self.summary = summary
      self.assessment = assessment
      self.isSuppressed = isSuppressed
      self.isPrimarySuppression = isPrimarySuppression
      self.previousYear = previousYear
      self.aspects = aspects
      self.responseRates = responseRates
    }

    /// The status, as before this type had an ``assessment``.
    public var status: NormStatus { assessment.status }

    /// Whether the counts per grade (and the median and share below 6) are published: with a mean, and not
    /// withheld by disclosure control. Every output asks this one question.
    public var publishesDistribution: Bool {
      !isSuppressed && showsDistribution && assessment.status != .teWeinigRespondenten
    }
  }

  /// One line of a breakdown (a municipality, a role, a year, …) with its group cells.
  public struct BreakdownRow: Hashable, Sendable {
    /// The value per breakdown dimension, in ``Breakdown/dimensions`` order (codes: the gemeente, role code,
    /// year, or period name); an empty string where the response had none.
    public var values: [String]
    /// The name of each value, in ``Breakdown/dimensions`` order: the municipality, the role's label in the
    /// questionnaire, the year or the period; `nil` where the response had no municipality or no role, which is a
    /// figure here and worded by the report module.
    public var names: [String?]
    /// The row over all groups of the audience; its label is ``label``.
    public var total: Row
    /// One cell per group, when the breakdown includes groups.
    public var groups: [Row]

    public init(values: [String], names: [String?], total: Row, groups: [Row]) {
      self.values = values
      self.names = names
      self.total = total
      self.groups = groups
    }

    /// The names joined with " · ", a missing name left empty: enough to find a row, while what a report prints
    /// for a missing municipality or role is the report module's wording.
    public var label: String {
      names.map { $0 ?? "" }.joined(separator: " · ")
    }
  }

  /// The rows of `--by …` for one indicator.
  public struct Breakdown: Hashable, Sendable {
    public var dimensions: [ScoreDimension]
    public var includesGroups: Bool
    /// Whether per-municipality disclosure control was applied.
    public var isDisclosureControlled: Bool
    public var rows: [BreakdownRow]

    public init(
      dimensions: [ScoreDimension], includesGroups: Bool, isDisclosureControlled: Bool, rows: [BreakdownRow]
    ) {
      self.dimensions = dimensions
      self.includesGroups = includesGroups
      self.isDisclosureControlled = isDisclosureControlled
      self.rows = rows
    }
  }

  /// One indicator: the overall figure over all respondents of its audience, then one row per group.
  public struct IndicatorScore: Hashable, Sendable {
    public var indicator: IndicatorSet.Indicator
    /// The norm of the period's year.
    public var norm: Double?
    public var overall: Row
    public var groups: [Row]
    /// With `--weights`: the mean weighted to the population per group.
    public var weighted: WeightedMean?
    public var breakdown: Breakdown?

    /// The indicator's own figure as its basis defines it: the weighted mean over groups for a basis with
    /// `mean: groups` (the weights must have been given), else the overall row's mean over respondents. Every
    /// output that states the indicator's value (the score table's status, `indicators`, the report's tile and
    /// table) takes it from here.
    public var headline: Headline {
      let row = overall
      let reported = row.assessment.status != .teWeinigRespondenten
      if indicator.basis.mean == .groups, let weighted, reported {
        return Headline(
          value: weighted.mean, count: row.summary.count, assessment: weighted.assessment,
          interval: weighted.confidenceInterval, isWeighted: true)
      }
      return Headline(
        value: reported ? row.summary.mean : nil, count: row.summary.count, assessment: row.assessment,
        interval: reported ? row.summary.confidenceInterval : nil, isWeighted: false)
    }

    /// An indicator's value with what it rests on.
    public struct Headline: Hashable, Sendable {
      /// `nil` below the minimum n.
      public var value: Double?
      /// The respondents behind it.
      public var count: Int
      public var assessment: Assessment
      public var interval: ConfidenceInterval?
      /// Whether it is the weighted mean over groups.
      public var isWeighted: Bool
    }

    public init(
      indicator: IndicatorSet.Indicator, norm: Double?, overall: Row, groups: [Row], weighted: WeightedMean? = nil,
      breakdown: Breakdown? = nil
    ) {
      self.indicator = indicator
      self.norm = norm
      self.overall = overall
      self.groups = groups
      self.weighted = weighted
      self.breakdown = breakdown
    }
  }

  public var period: Period
  /// The period the main rows are compared with: the same period a year earlier.
  public var previousPeriod: Period?
  public var thresholds: ReportingThresholds
  public var indicators: [IndicatorScore]

  public init(
    period: Period, previousPeriod: Period?, thresholds: ReportingThresholds, indicators: [IndicatorScore]
  ) {
    self.period = period
    self.previousPeriod = previousPeriod
    self.thresholds = thresholds
    self.indicators = indicators
  }

  /// The minimum number of respondents for a reported mean.
  public var minimumRespondents: Int { thresholds.minimumRespondents }
}

/// Problems with a score request or its inputs.
public enum ScoringError: LocalizedError, Equatable, Sendable {
  /// `--by` names something that is not a dimension.
  case unknownDimension(String)
  /// Two dimensions that cannot be combined.
  case incompatibleDimensions(ScoreDimension, ScoreDimension)
  /// More than two breakdown dimensions.
  case tooManyDimensions
  /// Respondents of a group for which the weights file gives no population.
  case missingWeight(group: String, file: String)
  /// `--invited` names a group that does not exist.
  case unknownInvitedGroup(String)
  /// A municipal breakdown of a range that is not T1, T2 or a year.
  case gemeenteNeedsBurapPeriod(String)
  /// A breakdown by language of a range that is not whole calendar years.
  case languageNeedsWholeYears(String)
  /// An indicator whose basis is the weighted mean over groups, scored without the groups' service volumes.
  case basisNeedsWeights(indicator: String)
  /// The store counted with another role basis than the indicator set defines (a programming error).
  case basisDiffers

  public var errorDescription: String? {
    switch self {
    case .unknownDimension(let name):
      "'\(name)' is not a breakdown; use --by with group, gemeente, role, taal, year or period (comma-separated)"
    case .incompatibleDimensions(.period, .language):
      "--by period cannot be combined with taal: the cumulative periods overlap, so their difference would single out the few respondents of a language in part of the year; run score --by taal for a whole year (--period 2026)"
    case .incompatibleDimensions(let first, let second):
      second == .gemeente
        ? (first == .period || first == .year
          ? "--by \(first.rawValue) cannot be combined with gemeente: the cumulative periods overlap, so their difference would reveal suppressed municipal cells; run score --by gemeente per period (--period 2026-T1, 2026-T2, 2026)"
          : "--by \(first.rawValue) cannot be combined with gemeente: per municipality only the respondent groups are shown (--by gemeente,group), since smaller cells would make respondents recognisable")
        : "--by \(first.rawValue) cannot be combined with \(second.rawValue); choose one"
    case .basisNeedsWeights(let indicator):
      "PI \(indicator) is defined in indicators.yaml as the mean over groups weighted by their service volumes (basis: mean: groups); pass those volumes with --weights FILE ('melding,1200' per line, from the registration system)"
    case .basisDiffers:
      "the responses were counted with another basis than indicators.yaml defines; this is a bug in tevreden, please report it"
    case .gemeenteNeedsBurapPeriod(let period):
      "--by gemeente needs a burap period (--period 2026-T1, 2026-T2 or 2026), not \(period): figures per municipality are protected together with the other periods of the year, and a free range would let its difference with them reveal hidden cells"
    case .languageNeedsWholeYears(let period):
      "--by taal needs whole calendar years (--period 2026, or --from 2025-01-01 --to 2026-12-31), not \(period): a language's few respondents are protected within one table only, and the difference with the year's other periods (2026-T1, 2026-T2) or another range would single them out"
    case .tooManyDimensions:
      "--by takes at most two of gemeente, role, taal, year and period (plus group)"
    case .missingWeight(let group, let file):
      "\(file): no population for respondent group '\(group)', which has respondents; add a line '\(group),<population>'"
    case .unknownInvitedGroup(let group):
      "--invited names respondent group '\(group)', which no stored questionnaire has"
    }
  }
}
