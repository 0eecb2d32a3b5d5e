import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore
@testable import TevredenImport

/// Exports converted with a mapping file's roles and recodes: a municipality's own sheet (`Nr;Datum;Gemeente;…`),
/// and LimeSurvey answer codes.
@Suite struct ExportMappingConversionTests {
  let definition: LoadedQuestionnaire
  let gemeenten = ["Alkmaar", "Hoorn"]

  init() throws {
    definition = try #require(try loadFixture("interview").loaded)
  }

  /// The header of a Dutch sheet that ``ExportMappingTests/sheetMapping`` maps.
  let sheetHeader = [
    "Nr", "Datum", "Begonnen", "Gemeente", "Groep", "Afgerond", "Hoe tevreden bent u over de bereikbaarheid?",
    "Cijfer", "G01Q02", "kinderen",
  ]

  func mapping(_ text: String) throws -> ExportMapping {
    let (mapping, diagnostics) = ExportMapping.parse(
      text, file: "m.yaml", questionnaire: definition.questionnaire, gemeenten: gemeenten)
    return try #require(mapping, "\(diagnostics)")
  }

  func conversion(_ header: [String], _ mapping: ExportMapping) -> ExportConversion {
    ExportConversion(
      layout: ExportLayout.detect([header]), definition: definition, explicitMapping: mapping.columns,
      explicitOptions: mapping.options, roles: mapping.roles, recodes: mapping.recodes, gemeente: nil,
      gemeenten: gemeenten)
  }

  func sheetConversion() throws -> ExportConversion {
    conversion(sheetHeader, try mapping(ExportMappingTests.sheetMapping))
  }

  @Test func rolesNameTheMetadataColumnsAndRecodesAreReadBeforeTheAnswers() throws {
    var conversion = try sheetConversion()
    #expect(conversion.layout.platform == .generic)
    #expect(
      conversion.roleColumns == [.responseID: 0, .completedAt: 1, .startedAt: 2, .gemeente: 3, .group: 4, .finished: 5])
    #expect(conversion.layout.responseIDColumn == 0)
    #expect(conversion.layout.finishedColumn == 5)
    #expect(conversion.groupColumn == 4)
    #expect(conversion.itemColumns == [6: "bereikbaarheid", 7: "cijfer", 8: "rol", 9: "kinderen"])
    #expect(conversion.unmappedColumns.isEmpty)

    // A day without a time is noon of that day, Dutch time (11:00 UTC in March), as with --completed-on.
    let first = try conversion.convert(["17", "1-3-2026", "", "ALK", "M", "Compleet", "-1", "7,5", "A2", "J"], line: 2)
      .get().response
    #expect(first.id == "generic:17")
    #expect(first.completedAt.map(Timestamp.format) == "2026-03-01T11:00:00Z")
    #expect(first.collectedOn == LocalDate(year: 2026, month: 3, day: 1))
    #expect(first.gemeente == "Alkmaar")
    #expect(first.status == .completed)
    #expect(first.answers["bereikbaarheid"] == .missing("weet_niet"))
    #expect(first.answers["cijfer"] == .value(.grade(7.5)))
    #expect(first.answers["rol"] == .value(.choices(["ouder"])))
    #expect(first.answers["kinderen"] == .value(.yesNo(true)))

    // A time is kept; "Bezig" is recoded to "nee": not finished. The group's id is the questionnaire's group.
    let second = try conversion.convert(
      ["18", "01-03-2026 10:40", "01-03-2026 10:10", "Hoorn", "melding", "Bezig", "Tevreden", "-1", "-oth-", "N"],
      line: 3
    ).get().response
    #expect(second.status == .partial)
    #expect(second.completedAt == nil)
    #expect(Timestamp.format(second.startedAt) == "2026-03-01T09:10:00Z")
    #expect(second.answers["cijfer"] == .missing("weet_niet"))
    #expect(second.answers["rol"] == .value(.choices(["melder"])))
    #expect(second.answers["bereikbaarheid"] == .value(.scalePoint(4)))

    // Recoded to nothing: an empty date is no date, and an empty scale cell is recoded to weet_niet. The group's
    // name in reports is the group too.
    let third = try conversion.convert(
      ["19", "onbekend", "2-3-2026", "hoorn", "Melding", "", "", "8", "A1", "N"], line: 4
    ).get().response
    #expect(third.completedAt == nil)
    #expect(third.status == .partial)
    #expect(Timestamp.format(third.startedAt) == "2026-03-02T11:00:00Z")
    #expect(third.answers["bereikbaarheid"] == .missing("weet_niet"))
    #expect(third.gemeente == "Hoorn")
  }

  @Test func aRowOfAnotherGroupIsRejectedWithOneMessage() throws {
    var conversion = try sheetConversion()
    let rejected = conversion.convert(["20", "2-3-2026", "", "Hoorn", "A", "Compleet", "x", "12", "A9", "J"], line: 5)
    #expect(
      rejected.failure
        == ExportConversion.Rejection(
          line: 5,
          problems: [
            "column 'Groep': the row is of group 'adviesaanvraag', and interview is for group 'melding'; import the "
              + "rows of that group with their own questionnaire (--questionnaire, or 'questionnaire:' in a mapping "
              + "file of their own)"
          ]))
  }

  @Test func roleValuesThatSayNothingRejectTheRow() throws {
    var conversion = try sheetConversion()
    let rejected = conversion.convert(
      ["21", "gisteren", "1-3-2026 09:00", "Amsterdam", "", "misschien", "Tevreden", "8", "A1", "J"], line: 6)
    #expect(
      rejected.failure?.problems == [
        "column 'Datum': 'gisteren' is not a date and time",
        "column 'Afgerond': \"misschien\" does not say whether the response was finished (ja/nee, yes/no, "
          + "true/false, 1/0); recode it in the mapping file",
        "column 'Gemeente': 'Amsterdam' is not a municipality of the region (indicators.yaml)",
      ])
  }

  @Test func theReportListsTheRolesAndRecodes() throws {
    #expect(
      try sheetConversion().metadataDescription == [
        "  response id: Nr (mapping)", "  start time: Begonnen (mapping)", "  completion time: Datum (mapping)",
        "  finished: Afgerond (mapping)", "  gemeente: Gemeente (mapping)", "  group: Groep (mapping)",
        "  recoded: Datum (onbekend → \"\")", "  recoded: Gemeente (ALK → Alkmaar)",
        "  recoded: Groep (A → adviesaanvraag, M → melding)", "  recoded: Afgerond (Bezig → nee, Compleet → true)",
        "  recoded: Hoe tevreden bent u over de bereikbaarheid? (\"\" → weet_niet, -1 → weet_niet, 9 → nvt)",
        "  recoded: Cijfer (-1 → weet_niet)",
        "  recoded: G01Q02 (-oth- → melder, A1 → betrokkene, A2 → Ouder of verzorger)",
        "  recoded: kinderen (J → ja, N → nee)",
      ])
    // Without a mapping, the columns the layout found are listed as detected.
    let detected = ExportConversion(
      layout: ExportLayout.detect([sheetHeader]), definition: definition, gemeente: nil, gemeenten: gemeenten)
    #expect(
      detected.metadataDescription == [
        "  start time: Begonnen (detected)", "  completion time: Datum (detected)", "  gemeente: Gemeente (detected)",
      ])
  }

  @Test func aRoleOverridesTheColumnTheLayoutDetected() throws {
    // The generic layout takes "Datum" for the completion time and "Begonnen" for the start.
    var conversion = ExportConversion(
      layout: ExportLayout.detect([["Datum", "Begonnen", "Cijfer"]]), definition: definition,
      roles: [.completedAt: "Begonnen"], gemeente: nil, gemeenten: gemeenten)
    #expect(conversion.layout.completedColumn == 1)
    #expect(conversion.layout.startedColumn == nil, "a column the mapping gives a role holds that role only")
    #expect(conversion.unmappedColumns == [0], "the detected column is no longer metadata")
    let response = try conversion.convert(["1-1-2026", "2-3-2026 10:00", "8"], line: 2).get().response
    #expect(response.completedAt.map(Timestamp.format) == "2026-03-02T09:00:00Z")
  }

  @Test func aResponseIDFromARoleIsCheckedForPersonalData() throws {
    var numbered = ExportConversion(
      layout: ExportLayout.detect([["Nr", "Datum", "Cijfer"]]), definition: definition,
      roles: [.responseID: "Nr"], gemeente: nil, gemeenten: gemeenten)
    let plain = try numbered.convert(["17", "1-3-2026", "8"], line: 2).get()
    #expect(plain.response.id == "generic:17")
    let email = try numbered.convert(["jan@example.nl", "1-3-2026", "8"], line: 3).get()
    #expect(email.idIsRowHash)
    #expect(!email.response.id.rawValue.contains("example"))
    #expect(email.masked == [.email])

    // A column whose header says it holds personal data is never read, also when a mapping names it.
    var named = ExportConversion(
      layout: ExportLayout.detect([["E-mailadres", "Datum", "Cijfer"]]), definition: definition,
      roles: [.responseID: "E-mailadres"], gemeente: nil, gemeenten: gemeenten)
    #expect(named.layout.responseIDColumn == nil)
    #expect(named.droppedColumns.map(\.kind) == [.email])
    #expect(named.metadataDescription.contains { $0.contains("E-mailadres (mapping) holds personal data") })
    #expect(try named.convert(["jan@example.nl", "1-3-2026", "8"], line: 2).get().idIsRowHash)
  }

  @Test func limeSurveyAnswerCodesAreRecodedToOptionsScalePointsAndMissingCodes() throws {
    let mapping = try mapping(
      """
      recode:
        rol: {A1: betrokkene, A2: ouder, "-oth-": melder}
        bereikbaarheid: {A1: 1, A2: 2, A3: 3, A4: 4, A5: Heel tevreden, A6: weet_niet}
      """)
    var conversion = conversion(
      ["id", "submitdate", "lastpage", "startdate", "rol", "bereikbaarheid", "cijfer"], mapping)
    #expect(conversion.layout.platform == .limeSurvey)
    let other = try conversion.convert(
      ["3", "2026-03-11 14:20:05", "4", "2026-03-11 14:09:51", "-oth-", "A6", "8"], line: 2
    ).get().response
    #expect(other.answers["rol"] == .value(.choices(["melder"])))
    #expect(other.answers["bereikbaarheid"] == .missing("weet_niet"))
    let coded = try conversion.convert(
      ["4", "2026-03-12 10:00:00", "4", "2026-03-12 09:50:00", "A1", "A5", "7"], line: 3
    ).get().response
    #expect(coded.answers["rol"] == .value(.choices(["betrokkene"])))
    #expect(coded.answers["bereikbaarheid"] == .value(.scalePoint(5)))
    // A code the mapping does not recode is read as it stands, and is no answer.
    let unknown = conversion.convert(
      ["5", "2026-03-12 11:00:00", "4", "2026-03-12 10:50:00", "A1", "A7", "7"], line: 4)
    #expect(
      unknown.failure?.problems.first?.hasPrefix(
        "column 'bereikbaarheid' (bereikbaarheid): \"A7\" is not one of the choices") == true)
  }

  @Test func recodesOfOptionColumnsIgnoreCase() throws {
    let mapping = try mapping(
      """
      columns:
        c1: contact[telefoon]
        c2: contact[kantoor]
      recode:
        c1: {Wel: "1", Niet: "0"}
        c2: {wel: Op kantoor}
      """)
    var conversion = conversion(["datum", "c1", "c2"], mapping)
    let both = try conversion.convert(["2026-02-03 10:00", "wel", "WEL"], line: 2).get().response
    #expect(both.answers["contact"] == .value(.choices(["telefoon", "kantoor"])))
    let one = try conversion.convert(["2026-02-03 10:00", "Niet", "wel"], line: 3).get().response
    #expect(one.answers["contact"] == .value(.choices(["kantoor"])))
  }

  /// A header under `columns:` that the export does not have is not an error (a mapping may serve several exports
  /// of a survey), but it is named with its line.
  @Test func mappedColumnsTheExportDoesNotHaveAreNamedWithTheirLines() throws {
    let mapping = try mapping(
      """
      columns:
        v1: cijfer
        Q7 bereikbaarheid: bereikbaarheid
        m1: contact[Telefoon]
      """)
    let layout = ExportLayout.detect([["datum", "v1", "m2"]])
    #expect(mapping.columnsMissing(in: layout).map(\.header) == ["Q7 bereikbaarheid", "m1"])
    #expect(mapping.columnsMissing(in: layout).map(\.line) == [3, 4])
    #expect(mapping.columnsMissing(in: ExportLayout.detect([["v1", "Q7 bereikbaarheid", "M1"]])).isEmpty)
  }

  /// Roles and recodes name headers only the export shows: checked once its header is read.
  @Test func rolesAndRecodesOfColumnsTheExportDoesNotHaveOrDoesNotImportAreMappingErrors() throws {
    let mapping = try mapping(
      """
      roles:
        response_id: Nummer
        completed_at: Datum
      columns:
        LocationLatitude: opmerking
      recode:
        LocationLatitude: {x: y}
        Cijfer: {"-1": weet_niet}
        bereikbaarheid: {"-1": weet_niet}
      """)
    // A part of a split location stays dropped even when the mapping names it.
    let conversion = conversion(["Nr", "Datum", "LocationLatitude", "bereikbaarheid"], mapping)
    #expect(
      mapping.problems(in: conversion, export: "export.csv").map(\.description) == [
        "m.yaml:2: error: 'Nummer' (response_id) is not a column of export.csv; correct the header, or remove the role "
          + "(see the headers with 'tevreden import --inspect export.csv')",
        "m.yaml:8: error: 'Cijfer' is recoded, but it is not a column of export.csv; correct the header, or remove the "
          + "recode (see the headers with 'tevreden import --inspect export.csv')",
        "m.yaml:7: error: 'LocationLatitude' is recoded, but export.csv does not import that column: it holds personal "
          + "data, which is never read; remove the recode",
      ])
    let fine = self.conversion(["Nummer", "Datum", "LocationLatitude", "bereikbaarheid", "Cijfer"], mapping)
    #expect(mapping.problems(in: fine, export: "export.csv").count == 1)
  }
}

extension Result {
  /// The error, if this is a failure.
  fileprivate var failure: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }
}
