import Foundation
import TevredenCore

/// Dutch wording and number formatting for every output of the report module (the terminal tables, the CSV and
/// JSON feeds, the HTML and Markdown report): one place for every word a policy officer reads and one way of
/// writing a number, so all formats say the same thing.
enum Wording {
  // MARK: Numbers

  /// A number with a decimal comma, one decimal unless asked otherwise: 7,3.
  ///
  /// Halves round away from zero on the decimal value, as the scoring engine rounds before it compares with the
  /// norm, so the printed figure always agrees with the status (6.85 is "6,9" here and in the verdict, where `%.1f`
  /// would print the binary 6.8499… as "6,8"). Negative numbers get a minus sign; "−0,0" is written "0,0".
  static func decimal(_ value: Double, digits: Int = 1) -> String {
    let scale = pow(10, Double(digits))
    let rounded = (value * scale).rounded() / scale
    let text = String(format: "%.\(digits)f", rounded).replacingOccurrences(of: ".", with: ",")
    guard text.hasPrefix("-") else { return text }
    let magnitude = text.dropFirst()
    return magnitude.allSatisfy { $0 == "0" || $0 == "," } ? String(magnitude) : "−" + magnitude
  }

  /// A signed difference: "+0,3", "−0,2"; "0,0" without a sign.
  static func signed(_ value: Double) -> String {
    let text = decimal(value)
    return text.hasPrefix("−") || text == decimal(0) ? text : "+" + text
  }

  /// A fraction 0…1 as a whole percentage: "12%".
  static func percent(_ fraction: Double) -> String {
    "\(Int((fraction * 100).rounded()))%"
  }

  /// A count with a thousands dot: "1.234".
  static func count(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var grouped = ""
    for (index, character) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { grouped.append(".") }
      grouped.append(character)
    }
    return value < 0 ? "−" + grouped : grouped
  }

  /// A number for the CSV feeds, which machines read: a decimal point and a fixed number of decimals, "7.3000".
  static func feedNumber(_ value: Double, decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
  }

  /// A number for the JSON feeds: four decimals, as the CSV feeds write their figures.
  static func feedRounded(_ value: Double?) -> Double? {
    value.map { ($0 * 10_000).rounded() / 10_000 }
  }

  /// A value in its unit: "7,3" for a grade, "64%" for a percentage (one decimal when not whole).
  static func value(_ value: Double, unit: ReportFigures.Unit) -> String {
    switch unit {
    case .grade:
      return decimal(value)
    case .percentage:
      let rounded = (value * 10).rounded() / 10
      return (rounded == rounded.rounded() ? String(Int(rounded)) : decimal(rounded)) + "%"
    case .count:
      return count(Int(value.rounded()))
    }
  }

  /// "≥ 7,0" or "≤ 30%"; "geen norm" without one.
  static func norm(_ norm: ReportFigures.Norm?, unit: ReportFigures.Unit) -> String {
    guard let norm else { return "geen norm" }
    let sign = norm.direction == .atLeast ? "≥" : "≤"
    return "\(sign) \(value(norm.value, unit: unit))"
  }

  /// The norm in the terminal tables: "≥ 7,0", "≤ 30,0" or "–".
  static func tableNorm(_ norm: Double?, direction: IndicatorSet.Direction) -> String {
    guard let norm else { return "–" }
    switch direction {
    case .atLeast: return "≥ " + decimal(norm)
    case .atMost: return "≤ " + decimal(norm)
    case .none: return "–"
    }
  }

  /// The bounds of a grade's interval as printed: one decimal, or two for both when a bound rounds onto the norm
  /// without being on it, so that "significant" or "onzeker" never sits next to an interval that seems to end at
  /// the norm ("5,95–6,97" for 5,946–6,971 and a norm of 7).
  static func intervalBounds(lower: Double, upper: Double, norm: Double?) -> (lower: String, upper: String) {
    let digits =
      norm.map { norm in [lower, upper].contains { $0 != norm && decimal($0) == decimal(norm) } ? 2 : 1 } ?? 1
    return (decimal(lower, digits: digits), decimal(upper, digits: digits))
  }

  /// "6,9–7,6" in the report (see ``intervalBounds(lower:upper:norm:)`` for when it has two decimals).
  static func interval(_ interval: ReportFigures.Interval?, unit: ReportFigures.Unit = .grade, norm: Double? = nil)
    -> String
  {
    guard let interval else { return "–" }
    guard unit == .grade else { return "\(value(interval.lower, unit: unit))–\(value(interval.upper, unit: unit))" }
    let bounds = intervalBounds(lower: interval.lower, upper: interval.upper, norm: norm)
    return "\(bounds.lower)–\(bounds.upper)"
  }

  /// "7,1 – 7,5" in the terminal tables, whose columns need the spaces to read.
  static func tableInterval(_ interval: ConfidenceInterval, norm: Double? = nil) -> String {
    let bounds = intervalBounds(lower: interval.lower, upper: interval.upper, norm: norm)
    return "\(bounds.lower) – \(bounds.upper)"
  }

  /// A correlation with two decimals: "0,42".
  static func correlation(_ value: Double) -> String {
    decimal(value, digits: 2)
  }

  // MARK: Status

  /// The symbol that goes with a status, so it never depends on colour alone.
  static func symbol(_ status: ReportFigures.Status) -> String {
    switch status {
    case .voldoet: "✓"
    case .voldoetNiet: "✗"
    case .indicatief: "~"
    case .teWeinigRespondenten: "–"
    case .geenNorm: "○"
    }
  }

  /// "✓ voldoet".
  static func status(_ status: ReportFigures.Status) -> String {
    "\(symbol(status)) \(status.rawValue)"
  }

  /// A class-name-safe key for a status: "voldoet-niet".
  static func statusKey(_ status: ReportFigures.Status) -> String {
    status.rawValue.replacingOccurrences(of: " ", with: "-")
  }

  /// How sure the verdict is, in plain words.
  static func comparison(_ comparison: ReportFigures.NormComparison?) -> String {
    switch comparison {
    case .clearlyMeets, .clearlyMisses: "zeker"
    case .unclear: "onzeker"
    case nil: "–"
    }
  }

  /// The change against the same period a year earlier: "+0,3 (was 7,1)", with ", duidelijk" when the engine
  /// found it significant.
  static func change(_ change: ReportFigures.Change?, unit: ReportFigures.Unit = .grade) -> String {
    guard let change else { return "–" }
    let difference = unit == .grade ? signed(change.difference) : signed(change.difference) + "%-punt"
    let base = "\(difference) (was \(value(change.previousValue, unit: unit)))"
    return change.isSignificant == true ? base + ", duidelijk" : base
  }

  /// The note under a table with "Hoe zeker" and "Verschil met vorig jaar" columns.
  static func certaintyNote(previousPeriods: [String]) -> String {
    var note =
      "Zeker of onzeker: \"zeker\" als het hele 95%-interval aan één kant van de norm ligt; \"onzeker\" als de "
      + "norm binnen het interval valt, dan kan het verschil met de norm toeval zijn."
    let periods = Array(Set(previousPeriods)).sorted()
    if !periods.isEmpty {
      note +=
        " T.o.v. vorig jaar: verschil met dezelfde periode een jaar eerder (\(periods.joined(separator: ", "))); "
        + "\"duidelijk\" betekent een statistisch significant verschil."
    }
    return note
  }

  /// Why a group has no bar: "te weinig respondenten: 8, minimaal 10 nodig".
  static func tooFewReason(count: Int, minimum: Int) -> String {
    "te weinig respondenten: \(Wording.count(count)), minimaal \(minimum) nodig"
  }

  // MARK: Dates and sources

  static let monthNames = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
    "december",
  ]

  /// "1 januari t/m 31 augustus 2026"; the first day has its own year when it differs.
  static func dateRange(_ period: Period) -> String {
    let first = "\(period.first.day) \(monthNames[period.first.month - 1])"
    let last = "\(period.last.day) \(monthNames[period.last.month - 1]) \(period.last.year)"
    return period.first.year == period.last.year
      ? "\(first) t/m \(last)" : "\(first) \(period.first.year) t/m \(last)"
  }

  /// "periode 2026-T2 (1 januari t/m 31 augustus 2026)".
  static func periodDescription(_ period: Period) -> String {
    "periode \(period.name) (\(dateRange(period)))"
  }

  /// A burap period's name with the year written as its third period: "2026" becomes "2026-T3".
  static func burapName(_ name: String) -> String {
    name.count == 4 && name.allSatisfy(\.isNumber) ? name + "-T3" : name.uppercased()
  }

  /// The period's title, and, when the report was made before the period ended, how far its data can reach:
  /// "burap 3 (jaarverslag) van 2026, tussenstand t/m 3 december 2026" rather than a year report of a year not over.
  static func periodTitle(_ period: Period, madeOn day: LocalDate) -> String {
    guard day < period.last else { return periodTitle(period) }
    return "\(periodTitle(period)), tussenstand t/m \(day.day) \(monthNames[day.month - 1]) \(day.year)"
  }

  /// "burap 2 van 2026" for a T-period, else the period's name.
  static func periodTitle(_ period: Period) -> String {
    let name = period.name.uppercased()
    if name.count == 7, name.hasPrefix(String(period.last.year) + "-T"), let number = name.last {
      return number == "3" ? "burap 3 (jaarverslag) van \(period.last.year)" : "burap \(number) van \(period.last.year)"
    }
    if name == String(period.last.year) { return "burap 3 (jaarverslag) van \(period.last.year)" }
    return "periode \(period.name)"
  }

  /// "23 november 2026 om 18:32" in Dutch local time (winter and summer time).
  static func timestamp(_ date: Date) -> String {
    let zone = TimeZone(identifier: "Europe/Amsterdam") ?? TimeZone(secondsFromGMT: 3600) ?? .current
    let local = date.addingTimeInterval(Double(zone.secondsFromGMT(for: date)))
    let day = LocalDate(date)
    let seconds = Int(local.timeIntervalSince1970.rounded(.down))
    let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
    let time = String(format: "%02d:%02d", secondOfDay / 3600, secondOfDay / 60 % 60)
    return "\(day.day) \(monthNames[day.month - 1]) \(day.year) om \(time)"
  }

  /// "interview (telefonisch)" or "import uit Qualtrics".
  static func source(_ kind: ReportFigures.DataSource.Kind) -> String {
    switch kind {
    case .interview(let mode?): "interview (\(mode))"
    case .interview(nil): "interview"
    case .platformImport(let platform): "import uit \(platform)"
    }
  }

  /// "inwoners" / "ketenpartners".
  static func audience(_ audience: Audience) -> String {
    audience.rawValue
  }

  /// "Inwoners" / "Ketenpartners".
  static func audienceTitle(_ audience: Audience) -> String {
    audience.rawValue.prefix(1).uppercased() + audience.rawValue.dropFirst()
  }

  // MARK: Terminal tables and feeds

  /// "voldoet", "voldoet niet (significant)", "indicatief: voldoet", "te weinig respondenten".
  static func assessment(_ assessment: Assessment) -> String {
    var text = assessment.status.rawValue
    if assessment.isSignificant, assessment.status == .voldoet || assessment.status == .voldoetNiet {
      text += " (significant)"
    }
    if assessment.isIndicative, assessment.status != .teWeinigRespondenten { text = "indicatief: " + text }
    return text
  }

  /// A status text of ``assessment(_:)`` in terminal colours: green meets, red does not, yellow indicative, dim for
  /// no verdict; the header and empty cells stay plain.
  static func coloured(_ status: String) -> String {
    let code: String
    if status.hasPrefix("indicatief") {
      code = "33"
    } else if status.hasPrefix("voldoet niet") {
      code = "31"
    } else if status.hasPrefix("voldoet") {
      code = "32"
    } else if status.isEmpty || status == "status" {
      return status
    } else {
      code = "2"
    }
    return "\u{1B}[\(code)m\(status)\u{1B}[0m"
  }

  /// The status of a suppressed cell.
  static let suppressed = "afgeschermd"

  /// The Dutch name of a breakdown dimension.
  static func dimensionName(_ dimension: ScoreDimension) -> String {
    switch dimension {
    case .group: "groep"
    case .gemeente: "gemeente"
    case .role: "rol"
    case .language: "taal"
    case .year: "jaar"
    case .period: "periode"
    }
  }

  /// A breakdown row for responses without a municipality.
  static let noGemeente = "(geen gemeente)"
  /// A breakdown row for responses without a role answer.
  static let noRole = "(rol onbekend)"

  /// A breakdown row's name: the names of its values joined with " · ", a missing municipality or role worded.
  static func breakdownLabel(_ row: ScoreCard.BreakdownRow, dimensions: [ScoreDimension]) -> String {
    zip(dimensions, row.names).map { dimension, name in
      if let name { return name }
      return switch dimension {
      case .gemeente: noGemeente
      case .role: noRole
      case .group, .language, .year, .period: ""
      }
    }.joined(separator: " · ")
  }

  /// The rule by which a response counts in a period; every score table and feed states it.
  static let countingRule =
    "Een vragenlijst telt mee in de periode waarin hij is afgerond (Nederlandse tijd); alleen afgeronde vragenlijsten met een rapportcijfer tellen."

  /// The notes under every score table.
  // MARK: Attention on the first page

  static let attentionHeading = "Aanleiding voor gezamenlijke analyse"

  static let attentionIntro =
    "Waar een cijfer de norm niet haalt, is dat een aanleiding om samen met Veilig Thuis te kijken wat erachter zit "
    + "en wat nodig is (een verbeterplan of een bestuurlijke keuze), geen eindoordeel."

  static let attentionNone =
    "Geen indicator en geen groep blijft onder de norm. Bespreek ook wat goed gaat en waarom."

  /// "PI 5, groep Melding: 6,5 bij een norm van ≥ 7,0 (zeker onder de norm)".
  static func attentionLine(_ point: ReportFigures.AttentionPoint) -> String {
    let subject =
      point.isGroup ? "PI \(point.indicatorNumber), groep \(point.label)" : "PI \(point.indicatorNumber) \(point.label)"
    let certainty: String
    if point.isIndicative {
      certainty = "indicatief: weinig respondenten, een signaal"
    } else {
      switch point.comparison {
      case .clearlyMisses?: certainty = "zeker onder de norm"
      case .unclear?: certainty = "onzeker: de norm valt binnen het interval"
      case .clearlyMeets?, nil: certainty = "onder de norm"
      }
    }
    return
      "\(subject): \(value(point.value, unit: point.unit)) bij een norm van \(norm(point.norm, unit: point.unit)) (\(certainty))"
  }

  /// "Te weinig respondenten voor een cijfer: Monitoring (PI 5, n 8)."
  static func tooFewLine(_ groups: [(indicatorNumber: String, label: String, count: Int)]) -> String {
    "Te weinig respondenten voor een cijfer: "
      + groups.map { "\($0.label) (PI \($0.indicatorNumber), n \(count($0.count)))" }.joined(separator: ", ") + "."
  }

  /// Chain partners answer about the past year, so a period's figure covers more than the period.
  static func partnerRecallNote(_ period: Period) -> String {
    "Ketenpartners beantwoorden de vragen over hun ervaringen van het afgelopen jaar. Het cijfer van "
      + "\(period.name) telt wie in \(dateRange(period)) invulde en gaat over de twaalf maanden daarvoor"
      + (period.burapIndex == 1 || period.burapIndex == 2
        ? ", dus voor een groot deel over \(period.first.year - 1): lees het als een voortschrijdend jaarcijfer, "
          + "niet als het cijfer van deze periode alleen."
        : ".")
  }

  static let groupStatusNote =
    "De status per groep is een signaal binnen de indicator, geen eigen oordeel: de indicator als geheel telt, en een "
    + "groep onder de norm is een aanleiding voor gezamenlijke analyse."

  // MARK: Response rates

  static let rateHeader = [
    "Doelgroep", "afgerond", "uitgenodigd", "interviewcontacten", "bereikt", "geweigerd", "RR1", "COOP1",
  ]

  static let rateDefinitions =
    "Respons volgens de standaarddefinities van AAPOR. RR1 (responspercentage): afgeronde vragenlijsten gedeeld door "
    + "het aantal uitgenodigden; zonder dat aantal: afgeronde interviews gedeeld door alle interviewcontacten (ook niet "
    + "bereikt en onjuist nummer), alleen als die zijn vastgelegd. COOP1 (coöperatiegraad): afgeronde interviews gedeeld "
    + "door de bereikte personen (afgerond, deels afgerond, geweigerd, ander einde zoals taalbarrière of niet veilig). "
    + "Online vragenlijsten hebben geen contacten, dus alleen een RR1 met het aantal uitgenodigden (--invited). "
    + "\"–\": niet te berekenen uit wat is vastgelegd."

  /// Under a score table in which no line has an RR1: why the column is empty, and what fills it.
  static let noResponseRateNote =
    "RR1 staat overal op \"–\": er zijn geen aantallen uitgenodigden vastgelegd (--invited) en geen interviewcontacten "
    + "die niet tot een vragenlijst leidden (tevreden contact)."

  // MARK: Indicator basis

  static let weightedTitleSuffix = ", gewogen naar groep"
  static let unweightedLabel = "    ongewogen, over respondenten"

  /// The overall row of an indicator that is the weighted mean over its groups.
  static func weightedOverallLabel(_ audience: Audience) -> String {
    "Alle \(audience.rawValue), gewogen naar groep"
  }

  /// Who counts in an indicator and how its groups combine, in a sentence for the report and the score table.
  static func basisDescription(_ indicator: IndicatorSet.Indicator, outside: Int) -> String {
    var parts: [String] = []
    if let roles = indicator.basis.roles {
      parts.append(
        "Telt mee: respondenten met als rol \(roles.joined(separator: ", "))"
          + (outside > 0
            ? "; \(count(outside)) \(outside == 1 ? "respondent" : "respondenten") met een andere of geen rol "
              + "\(outside == 1 ? "telt" : "tellen") niet mee."
            : "."))
    } else {
      parts.append("Telt mee: alle respondenten met een rapportcijfer, welke rol ze ook hadden.")
    }
    switch indicator.basis.mean {
    case .respondents:
      parts.append("PI \(indicator.number) is het gemiddelde over die respondenten.")
    case .groups:
      parts.append(
        "PI \(indicator.number) is het gemiddelde van de groepsgemiddelden, gewogen naar het aantal cliënten per groep "
          + "volgens de registratie (--weights); de trend en de verdeling zijn over respondenten, ongewogen.")
    }
    return parts.joined(separator: " ")
  }

  // MARK: Topics

  static let topicsHeading = "Onderwerpen (aandeel van wie de vraag beantwoordde)"

  /// A topic's shares on one line: "Ja 62% · Nee 38% (n 40)"; below the minimum n only its n.
  static func topicShares(_ topic: TopicScore) -> String {
    guard let shares = topic.reportedShares else {
      return "te weinig antwoorden (n \(count(topic.respondents)))"
    }
    let parts = zip(topic.options, shares).map { "\($0.label) \(percent($1))" }
    return parts.joined(separator: " · ") + " (n \(count(topic.respondents)))"
  }

  static let topicsSectionHeading = "Onderwerpen per groep"
  static let topicHeader = ["Onderwerp", "n", "Antwoorden (aandeel)"]

  /// A topic as report cells: its name, how many answered, and the shares ("Ja 63% · Nee 37%").
  static func topicCells(_ topic: TopicScore) -> [String] {
    guard let shares = topic.reportedShares else {
      return [topic.label, count(topic.respondents), "te weinig antwoorden (minimaal \(topic.minimumRespondents))"]
    }
    return [
      topic.label, count(topic.respondents),
      zip(topic.options, shares).map { "\($0.label) \(percent($1))" }.joined(separator: " · "),
    ]
  }

  static func topicsIntro(_ minimum: Int) -> String {
    "Vragen over onderwerpen die de gemeenten en Veilig Thuis samen volgen, zoals hulp voor de kinderen en "
      + "terugkoppeling aan de melder. Per vraag het aandeel van de respondenten dat dit antwoord gaf; wie weet "
      + "niet, n.v.t. of weigert antwoordde, telt niet mee. Onder \(minimum) antwoorden staan er geen aandelen."
  }

  static func topicsNote(_ thresholds: ReportingThresholds) -> String {
    "Onderwerpen: het aandeel van de respondenten met een rapportcijfer dat deze vraag beantwoordde (weet niet, "
      + "n.v.t. en weigert tellen niet mee); bij een vraag met meer antwoorden tellen de aandelen op tot meer dan "
      + "100%. Onder \(thresholds.minimumRespondents) antwoorden staan er geen aandelen."
  }

  static func tableNotes(_ thresholds: ReportingThresholds) -> [String] {
    [
      "n = respondenten met een rapportcijfer; 95%-interval volgens de t-verdeling; sd = standaardafwijking; < 6 = aandeel cijfers onder de 6.",
      "Onder \(thresholds.minimumRespondents) respondenten staat er \"te weinig respondenten\" en geen gemiddelde; van \(thresholds.minimumRespondents) tot \(thresholds.indicativeBelow) is de status \"indicatief\". \"Significant\": het hele interval ligt aan die kant van de norm.",
      "Verschil met vorig jaar: * = significant (Welch-toets, 5%). RR1 = responspercentage (AAPOR): afgerond / uitgenodigd, of zonder aantal uitgenodigden afgerond / alle interviewcontacten (ook niet bereikt en onjuist nummer); COOP1 = coöperatiegraad (AAPOR): afgeronde interviews / bereikte personen (afgerond, deels, geweigerd, anders).",
      countingRule,
    ] + groupMinimumNotes(thresholds)
  }

  /// "Voor de groep jongeren geldt een minimum van 15 respondenten.", one line per group with its own minimum.
  static func groupMinimumNotes(_ thresholds: ReportingThresholds) -> [String] {
    thresholds.groupMinimums.filter { $0.value > thresholds.minimumRespondents }.sorted { $0.key < $1.key }.map {
      "Voor de groep \($0.key) geldt een minimum van \($0.value) respondenten."
    }
  }

  static let weightingNote =
    "Gewogen naar populatie: elke groep telt naar haar aandeel in de populatie (poststratificatie); n ≈ effectieve steekproefomvang (Kish)."

  static let periodBreakdownNote =
    "De perioden lopen cumulatief vanaf 1 januari en overlappen: ze worden alleen met dezelfde periode een jaar eerder vergeleken."

  /// Under a breakdown by language.
  static func languageBreakdownNote(_ thresholds: ReportingThresholds) -> String {
    "Per taal: de taal waarin de respondent antwoordde; alle talen tellen samen mee in de cijfers hierboven. Een taal "
      + "met minder dan \(thresholds.minimumRespondents) respondenten toont alleen het aantal; * afgeschermd: niet "
      + "getoond, zodat het cijfer van een kleine taalgroep niet uit de totalen is terug te rekenen. De verdeling van "
      + "de cijfers staat er pas vanaf \(thresholds.distributionThreshold) respondenten."
  }

  static func suppressionNote(_ thresholds: ReportingThresholds) -> String {
    "* afgeschermd: minder dan \(thresholds.disclosureThreshold) respondenten, of afgeschermd zodat een ander afgeschermd cijfer niet uit de totalen of uit het verschil met een eerdere periode van het jaar is terug te rekenen. De verdeling van de cijfers (mediaan, aandeel onder de 6, aantallen per cijfer) van een gemeente of een groep binnen een gemeente staat er pas vanaf \(thresholds.distributionThreshold) respondenten."
  }

  // MARK: Fixed text

  // MARK: Registration: descriptive counts, history, subgroups

  static let descriptiveTitle = "Beschrijvende indicatoren"
  static let descriptiveLead =
    "Ter informatie: aantallen uit de registratie van Veilig Thuis. De instroom is niet stuurbaar en heeft daarom geen norm en geen oordeel; ze kan wel verklaren waarom de begroting of de prestatie-indicatoren afwijken."
  static let descriptiveHeader = ["", "Indicator", "Aantal", "Begroot", "Verschil", "Wachtlijst", "Werkvoorraad"]

  /// A count, or "–" where the file gives none.
  static func optionalCount(_ value: Int?) -> String { value.map(count) ?? "–" }

  /// A difference with the budget, always signed: "+120", "−35", "0".
  static func signedCount(_ value: Int?) -> String {
    guard let value else { return "–" }
    return value > 0 ? "+" + count(value) : count(value)
  }

  static let historyTitle = "Registratie-indicatoren over de jaren"
  static let historyLead =
    "Realisatie tegenover de norm van elk jaar, voor de normstelling op basis van historische gegevens: dezelfde burap-periode in eerdere jaren en de hele eerdere jaren, voor zover het registratiebestand ze bevat. De laatste regel is deze periode."
  static let historyHeader = ["Periode", "Waarde", "n", "Norm", "Oordeel"]

  static let subgroupSectionTitle = "Registratie-indicatoren per gemeente"
  static func subgroupTitle(number: String, label: String) -> String { "PI \(number) per gemeente: \(label)" }
  static let subgroupHeader = ["Gemeente", "Waarde", "n", "Status"]

  /// What a hidden municipal registration figure means; the threshold where the renderer knows it.
  static func subgroupNote(_ threshold: Int?) -> String {
    "* afgeschermd: \(threshold.map { "minder dan \($0) gevallen" } ?? "te weinig gevallen"), of afgeschermd zodat een ander afgeschermd cijfer niet uit het cijfer van de regio en de getoonde gemeenten is terug te rekenen."
  }

  /// Under the municipal registration tables, when rows without n were left out.
  static func withheldSubgroups(_ names: [String]) -> String {
    "Niet getoond, want zonder aantal gevallen (n) is niet na te gaan of het cijfer herleidbaar is: \(names.joined(separator: "; "))."
  }

  /// Under the indicator table, when the registration file lacks some indicators for the period.
  static func missingIndicators(_ names: [String]) -> String {
    "Niet in het registratiebestand voor deze periode, en daarom niet in de tabel: \(names.joined(separator: "; "))."
  }

  // MARK: Toelichting

  static let toelichtingTitle = "Toelichting en afspraken"
  /// Seed 002: a red light asks for a joint analysis, not a verdict; seed 000: an unmet norm for agreed actions.
  static let toelichtingLead =
    "Per indicator de duiding door Veilig Thuis, de gezamenlijke analyse met de gemeenten en de afgesproken acties. "
    + "Een rood licht is een aanleiding voor een gezamenlijke analyse, geen oordeel."
  static let duidingHeading = "Duiding door Veilig Thuis"
  static let analyseHeading = "Gezamenlijke analyse"
  static let actionsCaption = "Afgesproken acties"
  static let actionHeader = ["Actie", "Eigenaar", "Status", "Sinds"]
  static let actionsNote =
    "Een actie staat in elke volgende burap tot zij is afgerond of vervallen; een actie die in deze periode is "
    + "afgesloten, staat er nog één keer."

  /// "lopend"; "afgerond in 2026-T2" for an action closed in the report's period.
  static func actionStatus(_ action: Toelichting.CarriedAction, period: String) -> String {
    action.closedInPeriod ? "\(action.status.rawValue) in \(period)" : action.status.rawValue
  }

  static func actionCells(_ action: Toelichting.CarriedAction, period: String) -> [String] {
    [action.actie, action.eigenaar, actionStatus(action, period: period), action.since]
  }

  /// The heading of an indicator's toelichting outside its audience section: "PI 1: Meldingen …", "B2: Instroom …".
  static func explanationTitle(_ explanation: ReportFigures.Explanation) -> String {
    "\(explanation.isDescriptive ? "" : "PI ")\(explanation.number): \(explanation.label)"
  }

  static let statusLegend =
    "Status: ✓ voldoet · ✗ voldoet niet (aanleiding voor gezamenlijke analyse, geen eindoordeel) · ~ indicatief "
    + "(weinig respondenten: voorzichtig mee zijn) · – te weinig respondenten om iets te zeggen · ○ geen norm."

  static let periodRule =
    "Een vragenlijst telt mee in de periode waarin hij is afgerond (Nederlandse tijd)."

  static let correlationCaution =
    "Samenhang is geen oorzaak en gevolg: een aspect dat samengaat met een hoger rapportcijfer is niet per se de "
    + "reden voor dat hogere cijfer. Gebruik het als aanleiding voor een gesprek, niet als bewijs."

  static let remarksWarning =
    "Let op: dit rapport bevat open antwoorden van respondenten. Alleen voor intern gebruik; niet verspreiden en "
    + "niet doorsturen aan gemeenten."

  /// The mark of a hidden municipality cell; one mark for every reason, since "fewer than 10" would tell an
  /// intruder which hidden cells are the small ones.
  static let suppressedMark = "×"
  static let emptyMark = "—"

  /// The footnote under the municipality table: one line for each mark the table uses.
  static func suppressionFootnote(threshold: Int, cells: [ReportFigures.GemeenteCell]) -> [String] {
    var lines: [String] = []
    if cells.contains(.suppressed) {
      lines.append(
        "\(suppressedMark): niet getoond: minder dan \(threshold) respondenten, of nodig zodat een ander verborgen "
          + "cijfer niet uit de andere cijfers of uit een eerdere periode van dit jaar terug te rekenen is.")
    }
    if cells.contains(.empty) { lines.append("\(emptyMark): geen respondenten.") }
    return lines
  }

  /// The lines of the methods box.
  /// The retention periods in a sentence for the methods box.
  static func retention(_ retention: IndicatorSet.Retention) -> String {
    var parts: [String] = []
    if let months = retention.remarksMonths {
      parts.append("open antwoorden worden na \(months) maanden verwijderd")
    }
    if let months = retention.auditEventsMonths {
      parts.append("de interviewlog na \(months) maanden")
    }
    if let years = retention.responsesYears {
      parts.append("na \(years) jaar blijft van een vragenlijst alleen over wat de cijfers nodig hebben")
    }
    guard !parts.isEmpty else { return "Er zijn geen bewaartermijnen ingesteld." }
    let sentence =
      parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " en " + parts[parts.count - 1]
    return sentence.prefix(1).uppercased() + sentence.dropFirst() + ". Namen, BSN, adressen en andere "
      + "persoonsgegevens worden nooit bewaard; ze worden vóór het opslaan uit open antwoorden gehaald."
  }

  /// How the status is decided: the same rule as `Assessment.shown` and `status_reported` in the CSV and JSON feeds.
  static let normRounding =
    "Een gemiddelde of percentage wordt eerst afgerond op één decimaal, zoals het in de tabellen staat (een 5 op "
    + "de tweede decimaal naar boven), en pas dan met de norm vergeleken: 6,97 staat er als 7,0 en voldoet aan een "
    + "norm van 7,0. Is een cijfer indicatief, dan is de status \"indicatief\", aan welke kant van de norm het ook "
    + "ligt. Of het verschil met de norm zeker is, beslist het interval zonder afronding."

  static func methods(_ methods: ReportFigures.Methods) -> [(term: String, text: String)] {
    let level = percent(methods.confidenceLevel)
    var minimum =
      "Bij minder dan \(methods.minimumRespondents) respondenten tonen we geen gemiddelde maar "
      + "\"te weinig respondenten\": dan zegt het gemiddelde te weinig."
    if let below = methods.indicativeBelow {
      minimum +=
        " Van \(methods.minimumRespondents) tot \(below) respondenten is het cijfer indicatief (~): getoond, maar "
        + "met zo weinig respondenten nog geen hard oordeel over de norm."
    }
    var lines: [(String, String)] = [
      (
        "Wat is gemeten",
        "Elke vragenlijst eindigt met een rapportcijfer van 1 tot 10. De indicator is het gemiddelde rapportcijfer "
          + "van alle respondenten van de doelgroep (PI 5: inwoners die direct betrokken waren; PI 6: ketenpartners), "
          + "vergeleken met de norm van dat jaar. Aspecten zijn omgerekend naar 1 tot 10."
      ),
      ("Minimaal aantal respondenten", minimum),
      ("Norm en afronding", normRounding),
      (
        "Betrouwbaarheidsinterval",
        "Het \(level)-interval geeft aan waar het gemiddelde waarschijnlijk ligt als we iedereen uit de doelgroep "
          + "hadden kunnen vragen; berekend als \(methods.intervalMethod). Valt de norm binnen het interval, dan is "
          + "het verschil met de norm niet duidelijk (\"onzeker\")."
      ),
      (
        "Periode",
        periodRule + " Perioden tellen op vanaf 1 januari: T1 januari–april, T2 januari–augustus, "
          + "T3 het hele jaar."
      ),
      (
        "Afscherming per gemeente",
        "Cijfers per gemeente met minder dan \(methods.disclosureThreshold) respondenten worden niet getoond, en "
          + "zo nodig ook andere cijfers, zodat geen verborgen cijfer uit de totalen of uit het verschil met een "
          + "eerdere periode van het jaar (T1, T2) terug te rekenen is; dat is met de tabellen van het hele jaar "
          + "nagerekend zoals een indringer het zou doen (tevreden audit). Open antwoorden staan nooit per gemeente "
          + "in het rapport."
      ),
    ]
    if let retention = methods.retention { lines.append(("Bewaartermijnen", Self.retention(retention))) }
    for note in methods.notes { lines.append(("Opmerking", note)) }
    return lines
  }
}

// MARK: Codebook

extension Wording {
  static let codebookTitle = "Codeboek"
  static let codebookMissingHeading = "Ontbrekende waarden"
  static let codebookMetadataHeading = "Kolommen met gegevens over de respons"
  static let codebookItemsHeading = "Vragen"
  static let codebookColumn = "Kolom"
  static let codebookContents = "Inhoud"
  static let codebookQuestion = "Vraag"
  static let codebookType = "Type"
  static let codebookValues = "Waarden"
  static let codebookMissing = "Ontbrekend"
  static let codebookAskedWhen = "Gesteld als"
  static let codebookRole = "Telt mee als"

  /// "Versies 1 en 2 · groep Melding · inwoners (PI 5)".
  static func codebookSummary(_ book: Codebook) -> String {
    let versions =
      book.versions.count == 1
      ? "Versie \(book.versions[0])" : "Versies " + list(book.versions.map(String.init))
    let indicator = book.audience == .inwoners ? "inwoners (PI 5)" : "ketenpartners (PI 6)"
    return "\(versions) · groep \(book.groupLabel) (`\(book.group)`) · \(indicator)"
  }

  static let codebookFileNote =
    "Beschrijft de kolommen van `tevreden export`: één rij per respons, één kolom per vraag. Een lege cel: "
    + "niet gesteld of niet beantwoord. Een ontbrekende waarde staat als code in de cel en telt nooit mee in een "
    + "gemiddelde. Tijden zijn ISO 8601 in UTC; de periode van een respons is de Nederlandse datum van "
    + "`completed_at`."

  static func metadataDescription(_ role: Codebook.MetadataRole) -> String {
    switch role {
    case .responseID:
      "Sleutel van de respons: het id van het onlineplatform, een hash van de rij als het platform er geen had, of "
        + "VT-… voor een interview"
    case .questionnaire: "Id van de vragenlijst"
    case .version: "Versie van de vragenlijst waarmee de respons is afgenomen"
    case .audience: "inwoners (PI 5) of ketenpartners (PI 6)"
    case .group: "Respondentgroep"
    case .gemeente: "Gemeente (leeg: onbekend)"
    case .mode: "Afname: " + list(Response.Mode.allCases.map(\.rawValue), last: "of")
    case .interviewer: "Code van de interviewer (nooit een naam); leeg bij online afname"
    case .startedAt: "Begin van de afname (ISO 8601, UTC)"
    case .completedAt: "Einde van de afname (ISO 8601, UTC); leeg als de respons niet af is"
    case .status:
      "completed (telt mee), partial (niet afgemaakt, telt niet mee) of refused (geen toestemming, telt niet mee)"
    case .language:
      "Taal waarin de respondent antwoordde (ISO 639-1, zoals nl, en, ar); de antwoorden zelf zijn codes en tellen in "
        + "elke taal hetzelfde"
    case .interpreter: "ja als er een tolk bij het interview was, anders nee"
    }
  }

  static func typeLabel(_ item: Codebook.Item) -> String {
    switch item.type {
    case "consent": "toestemming"
    case "scale": "schaal"
    case "grade": "rapportcijfer"
    case "yes_no": "ja/nee"
    case "single_choice": "keuze"
    case "multiple_choice": "meerkeuze"
    case "number": "getal"
    case "text": "open antwoord"
    default: item.type
    }
  }

  /// "1 = Heel ontevreden; 2 = Ontevreden", "1–10, één decimaal", "codes gescheiden door ;".
  static func valuesDescription(_ item: Codebook.Item) -> String {
    if item.type == "grade" { return "1–10, hooguit één decimaal (punt)" }
    if let range = item.range { return "geheel getal \(Int(range.lowerBound))–\(Int(range.upperBound))" }
    if item.type == "text" { return "vrije tekst; persoonsgegevens gemaskeerd" }
    let values = item.values.map { "\($0.code) = \($0.label)" }.joined(separator: "; ")
    return item.allowsMultiple ? values + " (meerdere codes gescheiden door ;)" : values
  }

  /// "altijd", or "kinderen = ja en rol = melder of ouder".
  static func conditionDescription(_ conditions: [Question.Condition]) -> String {
    guard !conditions.isEmpty else { return "altijd" }
    return conditions.map { "\($0.item) = \(list($0.values, last: "of"))" }.joined(separator: " en ")
  }

  static func roleLabel(_ role: Codebook.ItemRole?) -> String {
    switch role {
    case .grade?: "cijfer van de indicator"
    case .aspect?: "aspect"
    case .topic?: "onderwerp (aandelen)"
    case nil: ""
    }
  }

  static func earlierText(version: Int, text: String) -> String { "(versie \(version): \(text))" }

  /// "(versie 2: 1 = Helemaal niet mee eens; …)": what a value meant in earlier versions.
  static func earlierValues(versions: [Int], values: [Codebook.Value]) -> String {
    "(" + (versions.count == 1 ? "versie " : "versies ") + list(versions.map(String.init)) + ": "
      + values.map { "\($0.code) = \($0.label)" }.joined(separator: "; ") + ")"
  }

  static func onlyInVersions(_ versions: [Int]) -> String {
    "alleen in versie " + list(versions.map(String.init))
  }

  /// "a", "a en b", "a, b en c".
  private static func list(_ parts: [String], last: String = "en") -> String {
    guard parts.count > 1 else { return parts.first ?? "" }
    return parts.dropLast().joined(separator: ", ") + " \(last) " + parts[parts.count - 1]
  }
}
