import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore

/// The toelichting file: its rules with the line of every problem, masking, and which actions a period carries.
@Suite struct ToelichtingTests {
  static func indicators() throws -> IndicatorSet {
    let source = try #require(BundledDefinitions.sources.first { $0.path == "Questionnaires/indicators.yaml" })
    return try #require(IndicatorSet.parse(source.text, file: "indicators.yaml").0)
  }

  static func parse(_ text: String) throws -> (Toelichting?, [Diagnostic]) {
    Toelichting.parse(text, file: "toelichting-2026.yaml", indicators: try indicators())
  }

  static let valid = """
    periods:
      2026-T1:
        pi5:
          duiding: "Het cijfer zakt bij melding."
          analyse: "Samen vastgesteld: de bereikbaarheid."
          acties:
            - id: bereikbaarheid-melding
              actie: "Terugbelafspraken binnen 2 werkdagen"
              eigenaar: "Teamleider Melding"
              status: lopend
            - id: folder
              actie: "Nieuwe folder"
              eigenaar: "Communicatie"
              status: gepland
            - id: oud
              actie: "Iets dat al klaar was"
              eigenaar: "Staf"
              status: afgerond
        pi1:
          duiding: "Binnen de norm."
      2026-T2:
        pi5:
          duiding: "Het cijfer herstelt."
          acties:
            - { id: bereikbaarheid-melding, status: afgerond }
            - { id: folder, eigenaar: "Team Communicatie" }
            - id: wachttijd
              actie: "Wachttijd in de IVR noemen"
              eigenaar: "Teamleider Melding"
              status: vervallen
      2026:
        pi6:
          analyse: "Ketenpartners tevreden."
    """

  @Test func aValidFileIsReadWithItsPeriodsInTimeOrder() throws {
    let (file, diagnostics) = try Self.parse(Self.valid)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    let toelichting = try #require(file)
    #expect(toelichting.periods.map(\.period.name) == ["2026-T1", "2026-T2", "2026"])
    let first = try #require(toelichting.periods.first?.indicators["pi5"])
    #expect(first.duiding == "Het cijfer zakt bij melding.")
    #expect(
      first.acties.first
        == .init(
          id: "bereikbaarheid-melding", actie: "Terugbelafspraken binnen 2 werkdagen", eigenaar: "Teamleider Melding",
          status: .lopend))
    #expect(
      toelichting.periods[1].indicators["pi5"]?.acties.first == .init(id: "bereikbaarheid-melding", status: .afgerond))
    #expect(toelichting.masked.isEmpty)
  }

  @Test func anActionAgreedInT1IsCarriedUntilItIsClosed() throws {
    let toelichting = try #require(try Self.parse(Self.valid).0)
    let order = try Self.indicators().indicators.map(\.id)

    let t1 = toelichting.explanations(for: try #require(Period("2026-T1")), indicatorOrder: order)
    #expect(t1.map(\.indicatorID) == ["pi1", "pi5"], "in the order of indicators.yaml")
    let t1Actions = try #require(t1.last?.actions)
    #expect(t1Actions.map(\.id) == ["bereikbaarheid-melding", "folder", "oud"])
    #expect(t1Actions.map(\.since) == ["2026-T1", "2026-T1", "2026-T1"])
    #expect(t1Actions[2].status == .afgerond && t1Actions[2].closedInPeriod, "agreed and closed in T1: shown once")
    #expect(!t1Actions[0].closedInPeriod)

    let t2 = toelichting.explanations(for: try #require(Period("2026-T2")), indicatorOrder: order)
    #expect(t2.map(\.indicatorID) == ["pi5"], "pi1's T1 text is not repeated in T2")
    let pi5 = try #require(t2.first)
    #expect(pi5.duiding == "Het cijfer herstelt." && pi5.analyse == nil, "T1's analysis is not T2's")
    #expect(pi5.actions.map(\.id) == ["bereikbaarheid-melding", "folder", "wachttijd"], "closed in T1: gone")
    let closed = pi5.actions[0]
    #expect(closed.status == .afgerond && closed.closedInPeriod && closed.since == "2026-T1")
    #expect(closed.actie == "Terugbelafspraken binnen 2 werkdagen", "an update keeps the fields it does not name")
    let carried = pi5.actions[1]
    #expect(carried.status == .gepland && !carried.closedInPeriod && carried.eigenaar == "Team Communicatie")
    #expect(pi5.actions[2].status == .vervallen && pi5.actions[2].since == "2026-T2")

    let year = toelichting.explanations(for: try #require(Period("2026")), indicatorOrder: order)
    #expect(year.map(\.indicatorID) == ["pi5", "pi6"])
    #expect(year[0].actions.map(\.id) == ["folder"], "closed in T2: not in the year")
    #expect(year[0].actions[0].since == "2026-T1" && year[0].duiding == nil)
    #expect(year[1].analyse == "Ketenpartners tevreden." && year[1].actions.isEmpty)
  }

  @Test func aPeriodTheFileDoesNotNameStillCarriesTheOpenActions() throws {
    let toelichting = try #require(try Self.parse(Self.valid).0)
    let next = toelichting.explanations(for: try #require(Period("2027-T1")))
    #expect(next.flatMap { $0.actions.map(\.id) } == ["folder"])
    #expect(next.allSatisfy { $0.duiding == nil && $0.analyse == nil })
    #expect(toelichting.explanations(for: try #require(Period("2025"))).isEmpty, "nothing before the file")
  }

  @Test func aReopenedActionIsShownAgain() throws {
    let (file, diagnostics) = try Self.parse(
      """
      periods:
        2026-T1:
          pi6:
            acties: [{ id: overleg, actie: "Overleg", eigenaar: "Manager", status: afgerond }]
        2026-T2:
          pi6:
            acties: [{ id: overleg, status: lopend }]
      """)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    let actions = try #require(file).explanations(for: try #require(Period("2026-T2"))).first?.actions
    #expect(actions?.map(\.status) == [.lopend])
  }

  @Test func identifiersInTheTextAreMasked() throws {
    let (file, diagnostics) = try Self.parse(
      """
      periods:
        2026-T1:
          pi5:
            duiding: "Vragen aan j.jansen@example.nl of 06-12345678."
            acties:
              - { id: mail, actie: "Mail naar piet.devries@gemeente.nl", eigenaar: "Teamleider", status: lopend }
      """)
    #expect(!diagnostics.hasErrors, "\(diagnostics)")
    let toelichting = try #require(file)
    let entry = try #require(toelichting.periods.first?.indicators["pi5"])
    let texts = [entry.duiding ?? "", entry.acties.first?.actie ?? ""]
    #expect(texts.allSatisfy { !$0.contains("@") && !$0.contains("12345678") }, "\(texts)")
    #expect(texts[0].hasPrefix("Vragen aan "))
    #expect(toelichting.masked.contains(.email) && toelichting.masked.contains(.phone), "\(toelichting.masked)")
  }

  @Test(arguments: [
    (
      "periods:\n  2026-T1:\n    pi5:\n      duidng: \"x\"\n", 4,
      "unknown key 'duidng' in pi5 in 2026-T1 (did you mean 'duiding'?)"
    ),
    ("periods:\n  2026-T4:\n    pi5: { duiding: x }\n", 2, "'2026-T4' is not a burap period"),
    ("periods:\n  2026-T1:\n    pi9: { duiding: x }\n", 3, "'pi9' in 2026-T1 is not an indicator of indicators.yaml"),
    (
      "periods:\n  2026-T1:\n    pi5:\n      acties:\n        - { id: a, actie: x, eigenaar: y, status: klaar }\n", 5,
      "status 'klaar' of action 'a' of pi5 in 2026-T1 is not a status"
    ),
    (
      "periods:\n  2026-T1:\n    pi5:\n      acties:\n        - { id: a, actie: x, eigenaar: y, status: lopend }\n"
        + "        - { id: a, actie: z, eigenaar: y, status: lopend }\n", 6,
      "action id 'a' appears twice in pi5 in 2026-T1"
    ),
    (
      "periods:\n  2026-T1:\n    pi5:\n      acties:\n        - { id: a, actie: x, eigenaar: y, status: lopend }\n"
        + "  2026-T2:\n    pi5:\n      acties:\n        - { id: b, status: afgerond }\n", 9,
      "action 'b' of pi5 in 2026-T2 lacks actie, eigenaar: no earlier period agrees an action 'b' for pi5"
    ),
    (
      "periods:\n  2026-T2:\n    pi5:\n      acties:\n        - { id: a, status: afgerond }\n"
        + "  2026-T1:\n    pi6:\n      acties:\n        - { id: a, actie: x, eigenaar: y, status: lopend }\n", 5,
      "action 'a' of pi5 in 2026-T2 lacks actie, eigenaar"
    ),
    (
      "periods:\n  2026-T1:\n    pi5:\n      acties:\n        - { id: a, actie: x, eigenaar: y, status: lopend }\n"
        + "  2026-T2:\n    pi5:\n      acties:\n        - { id: a }\n", 9, "changes nothing"
    ),
    ("periods:\n  2026-T1:\n    pi5: {}\n", 3, "pi5 in 2026-T1 is empty"),
    ("periods:\n  2026-T1:\n    pi5: { duiding: \"  \" }\n", 3, "'duiding' in pi5 in 2026-T1 is empty"),
    ("periods:\n  2026:\n    pi5: { duiding: x }\n  2026-T3:\n    pi5: { duiding: y }\n", 4, "appears twice"),
    ("periode:\n  2026-T1: {}\n", 1, "unknown key 'periode'"),
    (
      "periods:\n  2026-T1:\n    pi5:\n      acties:\n        - { id: Groot Bericht, actie: x, eigenaar: y, status: lopend }\n",
      5, "must be lower-case letters"
    ),
    ("periods:\n  2026-T1:\n    pi5: [x]\n", 3, "pi5 in 2026-T1 must be a mapping"),
    ("periods: [2026-T1]\n", 1, "'periods' must map burap periods"),
    ("periods:\n  2026-T1:\n    pi5:\n      duiding: \"open\n", 5, "invalid YAML"),
  ])
  func everyProblemIsReportedWithItsLine(text: String, line: Int, message: String) throws {
    let (file, diagnostics) = try Self.parse(text)
    #expect(file == nil)
    let found = diagnostics.first { $0.message.contains(message) }
    #expect(found?.location.line == line, "\(diagnostics)")
    #expect(found?.location.file == "toelichting-2026.yaml")
  }

  /// The sample beside the example responses reads cleanly, and its made-up text holds nothing that masking takes
  /// for an identifier (a masked role or action would read oddly in the example report).
  @Test func theSampleFileIsValidAndMasksNothing() throws {
    let url = repositoryRoot.appendingPathComponent("Responses/toelichting-2026.yaml")
    let (file, diagnostics) = Toelichting.parse(
      try String(contentsOf: url, encoding: .utf8), file: url.path, indicators: try Self.indicators())
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    let sample = try #require(file)
    #expect(sample.masked.isEmpty, "\(sample.masked)")
    #expect(sample.periods.map(\.period.name) == ["2026-T1", "2026-T2"])
  }

  @Test func everyProblemOfAFileIsReportedAtOnce() throws {
    let (_, diagnostics) = try Self.parse(
      "periods:\n  2026-T1:\n    pi9: { duiding: x }\n    pi5: { duiding: x, extra: y }\n")
    #expect(diagnostics.count == 2, "\(diagnostics)")
    #expect(diagnostics.map(\.location.line) == [3, 4])
  }
}
