import Foundation
import TevredenCore
import TevredenReport

/// Hand-built figures for burap 2 of 2026, with realistic values: four resident groups (monitoring has too few
/// respondents), five chain-partner groups (huisartsen indicative, scholen too few; a mean needs 10 respondents
/// and is indicative below 30), a trend from 2024-T1 to
/// 2026-T2, municipality tables with suppressed cells, and the other five indicators merged in.
enum ReportFixture {
  typealias F = ReportFigures

  static let norm = F.Norm(7.0)

  static func group(
    _ id: String, _ label: String, n: Int, mean: Double?, sd: Double? = nil, ci: (Double, Double)? = nil,
    median: Double? = nil, belowSix: Double? = nil, status: F.Status, comparison: F.NormComparison? = nil,
    previous: (String, Double, Double, Bool)? = nil
  ) -> F.GroupFigure {
    F.GroupFigure(
      id: id, label: label, count: n, mean: mean, standardDeviation: sd, interval: ci.map { F.Interval($0.0, $0.1) },
      median: median, shareBelowSix: belowSix, status: status, comparison: comparison,
      change: previous.map {
        F.Change(previousPeriod: $0.0, previousValue: $0.1, difference: $0.2, isSignificant: $0.3)
      })
  }

  /// A topic with its options' counts; n is their sum (one answer each), the minimum n 10.
  static func topic(_ item: String, _ label: String, _ text: String, _ options: [(String, String, Int)]) -> TopicScore {
    TopicScore(
      TopicCell(
        audience: .inwoners, group: "melding", item: item, label: label, text: text,
        options: options.map { TopicCell.Option(code: $0.0, label: $0.1, count: $0.2) },
        respondents: options.map(\.2).reduce(0, +)),
      minimumRespondents: 10)
  }

  static func trend(_ values: [(String, Double?, Int, F.Status)]) -> [F.TrendPoint] {
    values.map { F.TrendPoint(period: $0.0, mean: $0.1, count: $0.2, norm: 7.0, status: $0.3) }
  }

  static let residents = F.AudienceSection(
    audience: .inwoners, indicatorNumber: "5", title: "Inwoners (direct betrokkenen)", norm: norm,
    overall: group(
      "inwoners", "Alle inwoners", n: 300, mean: 7.0, sd: 1.9, ci: (6.8, 7.2), median: 7, belowSix: 0.177,
      status: .voldoet, comparison: .unclear, previous: ("2025-T2", 6.8, 0.2, false)),
    groups: [
      group(
        "adviesaanvraag", "Adviesaanvraag", n: 64, mean: 7.6, sd: 1.5, ci: (7.2, 8.0), median: 8, belowSix: 0.09,
        status: .voldoet, comparison: .clearlyMeets, previous: ("2025-T2", 7.4, 0.2, false)),
      group(
        "melding", "Melding", n: 183, mean: 6.8, sd: 2.0, ci: (6.5, 7.1), median: 7, belowSix: 0.22,
        status: .voldoetNiet, comparison: .unclear, previous: ("2025-T2", 6.5, 0.3, false)),
      group(
        "vervolgdienst", "Vervolgdienst", n: 41, mean: 7.1, sd: 1.8, ci: (6.5, 7.7), median: 7, belowSix: 0.15,
        status: .voldoet, comparison: .unclear, previous: ("2025-T2", 7.3, -0.2, false)),
      group("monitoring", "Monitoring", n: 8, mean: nil, status: .teWeinigRespondenten),
    ],
    trend: trend([
      ("2024-T1", 6.7, 88, .voldoetNiet), ("2024-T2", 6.8, 170, .voldoetNiet), ("2024-T3", 6.9, 262, .voldoetNiet),
      ("2025-T1", 6.8, 95, .voldoetNiet), ("2025-T2", 6.8, 190, .voldoetNiet), ("2025-T3", 7.1, 281, .voldoet),
      ("2026-T1", 6.9, 140, .voldoetNiet), ("2026-T2", 7.0, 300, .voldoet),
    ]),
    histogram: F.Histogram(counts: [6, 5, 9, 12, 21, 38, 66, 78, 42, 23], shareBelowSix: 0.177),
    aspects: [
      F.AspectGroup(
        groupID: "adviesaanvraag", groupLabel: "Adviesaanvraag",
        aspects: [
          F.Aspect(label: "Bereikbaarheid", mean: 7.2, count: 62, correlation: 0.31, correlationCount: 62),
          F.Aspect(
            label: "Duidelijkheid van het advies", mean: 7.8, count: 63, correlation: 0.58, correlationCount: 63),
          F.Aspect(label: "Inlevingsvermogen en geduld", mean: 8.0, count: 64, correlation: 0.44, correlationCount: 64),
        ]),
      F.AspectGroup(
        groupID: "melding", groupLabel: "Melding",
        aspects: [
          F.Aspect(label: "Bereikbaarheid", mean: 6.4, count: 175, correlation: 0.38, correlationCount: 172),
          F.Aspect(label: "Bejegening", mean: 7.3, count: 180, correlation: 0.61, correlationCount: 178),
          F.Aspect(
            label: "Duidelijkheid over wat er na de melding gebeurt", mean: 5.9, count: 171, correlation: 0.55,
            correlationCount: 169),
          F.Aspect(label: "Afspraken nagekomen", mean: 6.7, count: 160, correlation: 0.47, correlationCount: 158),
          F.Aspect(label: "Deskundigheid", mean: 7.0, count: 168, correlation: 0.42, correlationCount: 166),
        ]),
    ],
    topics: [
      F.TopicGroup(
        groupID: "melding", groupLabel: "Melding",
        topics: [
          topic(
            "kinderen_hulp", "Hulp voor kinderen aangeboden", "Heeft Veilig Thuis hulp voor de kinderen aangeboden?",
            [("ja", "Ja", 58), ("nee", "Nee", 31)]),
          topic(
            "terugkoppeling", "Terugkoppeling aan melder",
            "Heeft Veilig Thuis u verteld wat er met uw melding is gedaan?",
            [("ja", "Ja", 4), ("nee", "Nee", 3)]),
          topic(
            "duur_betrokkenheid", "Duur betrokkenheid", "Vond u dat Veilig Thuis lang genoeg betrokken was?",
            [("te_kort", "Te kort", 12), ("goed", "Precies goed", 40), ("te_lang", "Te lang", 9)]),
        ])
    ],
    gemeenten: F.GemeenteTable(
      columns: ["totaal", "Adviesaanvraag", "Melding", "Vervolgdienst", "Monitoring"],
      rows: [
        F.GemeenteRow(
          gemeente: "Alkmaar",
          cells: [
            .figure(mean: 7.1, count: 58), .figure(mean: 7.5, count: 14), .figure(mean: 6.9, count: 36),
            .suppressed, .suppressed,
          ]),
        F.GemeenteRow(
          gemeente: "Castricum",
          cells: [
            .figure(mean: 7.0, count: 30), .figure(mean: 7.3, count: 12), .suppressed, .suppressed,
            .empty,
          ]),
        F.GemeenteRow(
          gemeente: "Den Helder",
          cells: [
            .figure(mean: 6.8, count: 41), .figure(mean: 7.4, count: 11), .figure(mean: 6.6, count: 24),
            .suppressed, .suppressed,
          ]),
        F.GemeenteRow(
          gemeente: "Hoorn",
          cells: [
            .figure(mean: 6.9, count: 47), .suppressed, .figure(mean: 6.9, count: 30), .suppressed,
            .suppressed,
          ]),
        F.GemeenteRow(gemeente: "Texel", cells: [.suppressed, .suppressed, .suppressed, .empty, .empty]),
      ])
  )

  static let chainPartners = F.AudienceSection(
    audience: .ketenpartners, indicatorNumber: "6", title: "Ketenpartners", norm: norm,
    overall: group(
      "ketenpartners", "Alle ketenpartners", n: 144, mean: 7.1, sd: 1.5, ci: (6.9, 7.3), median: 7, belowSix: 0.139,
      status: .voldoet, comparison: .unclear, previous: ("2025-T2", 6.9, 0.2, false)),
    groups: [
      group(
        "sociale-teams", "Sociale (wijk)teams", n: 48, mean: 7.4, sd: 1.3, ci: (7.0, 7.8), median: 7.5,
        belowSix: 0.08, status: .voldoet, comparison: .unclear, previous: ("2025-T2", 7.0, 0.4, false)),
      group(
        "politie", "Politie", n: 36, mean: 7.5, sd: 1.2, ci: (7.1, 7.9), median: 8, belowSix: 0.06, status: .voldoet,
        comparison: .clearlyMeets, previous: ("2025-T2", 7.2, 0.3, false)),
      group(
        "rvdk", "Raad voor de Kinderbescherming", n: 31, mean: 6.4, sd: 1.4, ci: (5.9, 6.9), median: 6,
        belowSix: 0.29, status: .voldoetNiet, comparison: .clearlyMisses, previous: ("2025-T2", 7.1, -0.7, true)),
      group(
        "huisartsen", "Huisartsen", n: 22, mean: 6.6, sd: 1.7, ci: (5.8, 7.4), median: 7, belowSix: 0.23,
        status: .indicatief, comparison: .unclear),
      group("scholen", "Scholen", n: 7, mean: nil, status: .teWeinigRespondenten),
    ],
    trend: trend([
      ("2024-T1", 7.3, 41, .voldoet), ("2024-T2", 7.2, 80, .voldoet), ("2024-T3", 7.2, 122, .voldoet),
      ("2025-T1", 7.0, 35, .voldoet), ("2025-T2", 6.9, 77, .voldoetNiet), ("2025-T3", 7.0, 118, .voldoet),
      ("2026-T1", 7.2, 28, .indicatief), ("2026-T2", 7.1, 144, .voldoet),
    ]),
    histogram: F.Histogram(counts: [1, 2, 3, 5, 9, 18, 35, 42, 20, 9], shareBelowSix: 0.139),
    aspects: [
      F.AspectGroup(
        groupID: "sociale-teams", groupLabel: "Sociale (wijk)teams",
        aspects: [
          F.Aspect(label: "Voorlichting", mean: 7.1, count: 44, correlation: 0.18, correlationCount: 44),
          F.Aspect(label: "Advies", mean: 7.7, count: 47, correlation: 0.57, correlationCount: 47),
          F.Aspect(
            label: "Terugkoppeling na een melding", mean: 6.2, count: 45, correlation: 0.63, correlationCount: 45),
        ]),
      F.AspectGroup(
        groupID: "politie", groupLabel: "Politie",
        aspects: [
          F.Aspect(label: "Deskundigheid delen", mean: 7.6, count: 35, correlation: 0.35, correlationCount: 35),
          F.Aspect(label: "Beoordelen van meldingen", mean: 6.8, count: 34, correlation: 0.52, correlationCount: 34),
          F.Aspect(label: "Inzet van vervolgdiensten", mean: 6.5, count: 30, correlation: 0.49, correlationCount: 30),
          F.Aspect(
            label: "Focus op directe veiligheid", mean: 7.4, count: 33, correlation: -0.05, correlationCount: 33),
        ]),
    ],
    gemeenten: F.GemeenteTable(
      columns: ["totaal"],
      rows: [
        F.GemeenteRow(gemeente: "Alkmaar", cells: [.figure(mean: 7.2, count: 31)]),
        F.GemeenteRow(gemeente: "Den Helder", cells: [.figure(mean: 6.9, count: 18)]),
        F.GemeenteRow(gemeente: "Enkhuizen", cells: [.suppressed]),
        F.GemeenteRow(gemeente: "Hoorn", cells: [.figure(mean: 7.0, count: 24)]),
        F.GemeenteRow(gemeente: "Opmeer", cells: [.empty]),
      ])
  )

  static let pi5 = F.IndicatorRow(
    number: "5", label: "Klanttevredenheid van direct betrokkenen", unit: .grade, value: 7.0, norm: norm,
    status: .voldoet, comparison: .unclear, count: 300, interval: F.Interval(6.8, 7.2),
    change: F.Change(previousPeriod: "2025-T2", previousValue: 6.8, difference: 0.2, isSignificant: false))
  static let pi6 = F.IndicatorRow(
    number: "6", label: "Klanttevredenheid ketenpartners", unit: .grade, value: 7.1, norm: norm, status: .voldoet,
    comparison: .unclear, count: 144, interval: F.Interval(6.9, 7.3),
    change: F.Change(previousPeriod: "2025-T2", previousValue: 6.9, difference: 0.2, isSignificant: false))

  /// The other indicators as `indicators --merge` delivers them (percentages, no respondents).
  static let merged: [F.IndicatorRow] = [
    F.IndicatorRow(
      number: "1", label: "Meldingen met veiligheidsbeoordeling binnen 5 werkdagen", unit: .percentage, value: 64,
      norm: F.Norm(60), status: .voldoet, source: "aangeleverd"),
    F.IndicatorRow(
      number: "2a", label: "Voorwaarden en Vervolg binnen 10 weken afgerond, na ontvangst van de melding",
      unit: .percentage, value: 47, norm: F.Norm(50), status: .voldoetNiet, source: "aangeleverd"),
    F.IndicatorRow(
      number: "2b", label: "Voorwaarden en Vervolg binnen 10 weken afgerond, na start van de vervolgdienst",
      unit: .percentage, value: 92.5, norm: F.Norm(90), status: .voldoet, source: "aangeleverd"),
    F.IndicatorRow(
      number: "3a", label: "Onderzoeken binnen 10 weken afgerond, na ontvangst van de melding", unit: .percentage,
      value: 38, norm: F.Norm(40), status: .voldoetNiet, source: "aangeleverd"),
    F.IndicatorRow(
      number: "3b", label: "Onderzoeken binnen 10 weken afgerond, na start van de vervolgdienst", unit: .percentage,
      value: 91, norm: F.Norm(90), status: .voldoet, source: "aangeleverd"),
    F.IndicatorRow(
      number: "4", label: "Gegrond verklaarde klachten van het totaal aantal ingediende klachten", unit: .percentage,
      value: 22, norm: F.Norm(30, .atMost), status: .voldoet, source: "aangeleverd"),
  ]
  static let recidivism: [F.IndicatorRow] = [
    F.IndicatorRow(
      number: "7a", label: "Recidive na overdracht na veiligheidsbeoordeling", unit: .percentage, value: 18,
      norm: nil, status: .geenNorm, source: "aangeleverd"),
    F.IndicatorRow(
      number: "7b", label: "Recidive na overdracht na afronden van een vervolgdienst", unit: .percentage, value: 12,
      norm: nil, status: .geenNorm, source: "aangeleverd"),
  ]

  /// 14 September 2026, 10:30 Dutch summer time.
  static let generatedAt = Date(timeIntervalSince1970: 1_789_374_600)

  static let head = F.Head(
    region: "Noord-Holland Noord",
    period: Period("2026-T2")
      ?? Period(
        from: LocalDate(year: 2026, month: 1, day: 1), to: LocalDate(year: 2026, month: 8, day: 31)),
    generatedAt: generatedAt,
    dataBasis: [
      F.DataSource(kind: .interview(mode: "telefonisch"), counts: [.inwoners: 190]),
      F.DataSource(kind: .interview(mode: "persoonlijk"), counts: [.inwoners: 35]),
      F.DataSource(kind: .platformImport(platform: "Qualtrics"), counts: [.inwoners: 75]),
      F.DataSource(kind: .platformImport(platform: "Microsoft Forms"), counts: [.ketenpartners: 120]),
      F.DataSource(kind: .platformImport(platform: "Google Forms"), counts: [.ketenpartners: 24]),
    ],
    responseRates: [
      F.ResponseRate(
        audience: .inwoners,
        rates: ResponseRates(
          completed: 300, partial: 12,
          interviews: .init(
            completed: 180, partial: 12, refused: 212, nonContact: 140, other: 9, unknownEligibility: 21),
          invited: 1020)),
      F.ResponseRate(
        audience: .ketenpartners,
        rates: ResponseRates(completed: 144, partial: 3, interviews: .init(completed: 20, refused: 9), invited: nil)),
    ])

  static let methods = F.Methods(minimumRespondents: 10, indicativeBelow: 30, disclosureThreshold: 10)

  /// All seven indicators (PI 5 and 6 from the surveys, the rest merged in), no remarks.
  /// With the registration's descriptive counts, PI 1 over the years and PI 7a per municipality (two hidden).
  static let figures: F = {
    var figures = F(
      head: head, indicators: Array(merged.prefix(6)) + [pi5, pi6] + recidivism,
      audiences: [residents, chainPartners], methods: methods)
    figures.descriptive = [
      F.DescriptiveRow(
        number: "B2", label: "Instroom meldingen (tegenover begroot)", value: 3710, budgeted: 3600, difference: 110),
      F.DescriptiveRow(number: "B4", label: "Uitgevoerde veiligheidsbeoordelingen", value: 3604, waitingList: 71),
    ]
    figures.registrationHistory = [
      F.HistoryTable(
        number: "1", label: "Meldingen met veiligheidsbeoordeling binnen 5 werkdagen", unit: .percentage,
        entries: [
          F.HistoryEntry(period: "2024", value: 58.5, count: 5188, norm: F.Norm(60), status: .voldoetNiet),
          F.HistoryEntry(period: "2025-T2", value: 66.9, count: 3570, norm: F.Norm(60), status: .voldoet),
          F.HistoryEntry(period: "2026-T2", value: 72.4, count: 3604, norm: F.Norm(60), status: .voldoet),
        ])
    ]
    figures.registrationSubgroups = [
      F.SubgroupTable(
        number: "7a", label: "Recidive na overdracht na veiligheidsbeoordeling", unit: .percentage,
        rows: [
          F.SubgroupRow(name: "Alkmaar", value: 17.6, count: 318, status: .geenNorm, isSuppressed: false),
          F.SubgroupRow(name: "Opmeer", value: nil, count: nil, status: .geenNorm, isSuppressed: true),
          F.SubgroupRow(name: "Texel", value: nil, count: nil, status: .geenNorm, isSuppressed: true),
        ])
    ]
    figures.explanations = explanations
    return figures
  }()

  /// The toelichting of burap 2: PI 1 (no audience section: under the indicator table) and PI 5 (in its section),
  /// with an action carried from T1 and one closed in T2; PI 6 has none.
  static let explanations = [
    F.Explanation(
      indicatorID: "pi1", number: "1", label: "Meldingen met veiligheidsbeoordeling binnen 5 werkdagen",
      duiding: "Ruim boven de norm <60%> & stabiel, dankzij het piketrooster."),
    F.Explanation(
      indicatorID: "pi5", number: "5", label: "Klanttevredenheid van direct betrokkenen", audience: .inwoners,
      duiding: "Melders geven een lager cijfer dan adviesvragers.\n\nDe bereikbaarheid weegt het zwaarst.",
      analyse: "Samen met de gemeenten vastgesteld: de terugkoppeling na een melding blijft achter.",
      actions: [
        Toelichting.CarriedAction(
          id: "terugkoppeling", actie: "Melders binnen 5 werkdagen terugbellen", eigenaar: "Teamleider Melding",
          status: .lopend, since: "2026-T1"),
        Toelichting.CarriedAction(
          id: "folder", actie: "Folder over wat er na een melding gebeurt", eigenaar: "Communicatie",
          status: .afgerond, since: "2026-T1", closedInPeriod: true),
      ]),
  ]

  /// Only PI 5 and PI 6, as without `--merge`.
  static var surveysOnly: F {
    var figures = figures
    figures.indicators = [pi5, pi6]
    figures.descriptive = []
    figures.registrationHistory = []
    figures.registrationSubgroups = []
    figures.explanations = []
    return figures
  }

  /// With remarks for internal use.
  static var withRemarks: F {
    var figures = figures
    figures.remarks = F.Remarks(items: [
      F.Remark(
        audience: .inwoners, groupLabel: "Melding", question: "Wat kan beter?",
        text: "Ik wist lang niet wat er met de melding gebeurde. Bel me terug op [telefoonnummer]."),
      F.Remark(
        audience: .ketenpartners, groupLabel: "Huisartsen", question: "Wat kan beter?",
        text: "Terugkoppeling na een melding <b>duurt</b> te lang & is soms onvolledig."),
    ])
    return figures
  }
}
