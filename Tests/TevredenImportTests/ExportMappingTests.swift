import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore
@testable import TevredenImport

/// Mapping files: header → item, header → option of a multiple-choice item for exports whose per-option columns
/// are not recognised by their headers, the columns of the metadata roles, and recodes of cell values.
@Suite struct ExportMappingTests {
  let definition: LoadedQuestionnaire

  init() throws {
    definition = try #require(try loadFixture("interview").loaded)
  }

  @Test func mapsHeadersToItemsAndToOptionsByCodeOrLabel() throws {
    let (mapping, diagnostics) = ExportMapping.parse(
      """
      questionnaire: interview
      columns:
        v1: cijfer
        c1: contact[telefoon]
        c2: contact[Op kantoor]
      """, file: "mapping.yaml", questionnaire: definition.questionnaire)
    #expect(diagnostics.isEmpty)
    let parsed = try #require(mapping)
    #expect(parsed.columns == ["v1": "cijfer"])
    #expect(
      parsed.options == [
        "c1": .init(item: "contact", choice: "telefoon", optionLabel: "telefoon"),
        "c2": .init(item: "contact", choice: "kantoor", optionLabel: "Op kantoor"),
      ])
  }

  @Test func refusesAnOptionOfASingleItemOrAnOptionTheItemDoesNotHave() {
    let (mapping, diagnostics) = ExportMapping.parse(
      """
      columns:
        c1: cijfer[8]
        c2: contact[brief]
      """, file: "mapping.yaml", questionnaire: definition.questionnaire)
    #expect(mapping == nil)
    #expect(
      diagnostics.map(\.description) == [
        "mapping.yaml:2: error: 'c1' maps to an option of 'cijfer', which is not a multiple-choice item of interview",
        "mapping.yaml:3: error: 'c2' maps to option 'brief' of 'contact', which has the options telefoon (Telefoon), huisbezoek (Huisbezoek), kantoor (Op kantoor)",
      ])
  }

  @Test func mappedOptionColumnsAreCombinedIntoOneAnswer() throws {
    let (mapping, _) = ExportMapping.parse(
      """
      columns:
        c1: contact[telefoon]
        c2: contact[huisbezoek]
        c3: contact[kantoor]
        v1: cijfer
      """, file: "mapping.yaml", questionnaire: definition.questionnaire)
    let parsed = try #require(mapping)
    var conversion = ExportConversion(
      layout: ExportLayout.detect([["datum", "c1", "c2", "c3", "v1"]], forced: .generic), definition: definition,
      explicitMapping: parsed.columns, explicitOptions: parsed.options, gemeente: nil, gemeenten: [])
    #expect(conversion.choiceColumns.keys.sorted() == [1, 2, 3])
    let response = try conversion.convert(["2026-02-03 10:00", "1", "", "1", "8"], line: 2).get().response
    #expect(response.answers["contact"] == .value(.choices(["telefoon", "kantoor"])))
    #expect(response.answers["cijfer"] == .value(.grade(8)))
  }

  /// A Dutch sheet's mapping: every role, item columns by question text and by LimeSurvey code, and recodes.
  static let sheetMapping = """
    questionnaire: interview
    roles:
      response_id: Nr
      completed_at: Datum
      started_at: Begonnen
      gemeente: Gemeente
      group: Groep
      finished: Afgerond
    columns:
      "Hoe tevreden bent u over de bereikbaarheid?": bereikbaarheid
      Cijfer: cijfer
      G01Q02: rol
    recode:
      Cijfer: {"-1": weet_niet}
      G01Q02: {A1: betrokkene, A2: Ouder of verzorger, "-oth-": melder}
      "Hoe tevreden bent u over de bereikbaarheid?": {"-1": weet_niet, "9": nvt, "": weet_niet}
      kinderen: {J: ja, N: nee}
      Afgerond: {Compleet: true, Bezig: nee}
      Groep: {M: melding, A: adviesaanvraag}
      Gemeente: {ALK: Alkmaar}
      Datum: {onbekend: ""}
    """

  @Test func readsRolesAndRecodesWithTheirLines() throws {
    let (mapping, diagnostics) = ExportMapping.parse(
      Self.sheetMapping, file: "sheet.yaml", questionnaire: definition.questionnaire, gemeenten: ["Alkmaar", "Hoorn"])
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    let parsed = try #require(mapping)
    #expect(
      parsed.roles == [
        .responseID: "Nr", .completedAt: "Datum", .startedAt: "Begonnen", .gemeente: "Gemeente", .group: "Groep",
        .finished: "Afgerond",
      ])
    #expect(parsed.roleLines[.responseID] == 3)
    #expect(parsed.roleLines[.finished] == 8)
    #expect(parsed.columns["G01Q02"] == "rol")
    #expect(parsed.recodes["Cijfer"] == ["-1": "weet_niet"])
    #expect(parsed.recodes["G01Q02"] == ["A1": "betrokkene", "A2": "Ouder of verzorger", "-oth-": "melder"])
    // A column the questionnaire's aliases map (the item id here) can be recoded without a 'columns:' line.
    #expect(parsed.recodes["kinderen"] == ["J": "ja", "N": "nee"])
    #expect(parsed.recodes["Afgerond"] == ["Compleet": "true", "Bezig": "nee"])
    #expect(parsed.recodes["Datum"] == ["onbekend": ""])
    #expect(parsed.recodeLines["Cijfer"] == 14)
    #expect(parsed.file == "sheet.yaml")
  }

  /// Mistakes in the roles are named with the mapping file, the line, and what to do.
  @Test func refusesRoleMistakesWithTheirLines() {
    let (mapping, diagnostics) = ExportMapping.parse(
      """
      roles:
        respons_id: Nr
        completed_at: Datum
        started_at: datum
        gemeente: Cijfer
        group: [A, B]
      columns:
        Cijfer: cijfer
      """, file: "m.yaml", questionnaire: definition.questionnaire)
    #expect(mapping == nil)
    #expect(
      diagnostics.map(\.description) == [
        "m.yaml:2: error: unknown role 'respons_id' (did you mean 'response_id'?); the roles are response_id, "
          + "completed_at, started_at, gemeente, group, finished, language",
        "m.yaml:4: error: 'datum' is given two roles, completed_at and started_at; a column holds one of them: name "
          + "the column of each role",
        "m.yaml:5: error: 'Cijfer' is the gemeente column and is mapped to an item under 'columns:' on line 8; a "
          + "column is one or the other: remove one of the two",
        "m.yaml:6: error: role 'group' must name one column header, such as 'group: Groep'",
      ])
    let (notAMapping, refused) = ExportMapping.parse(
      "roles: Nr\nrecode: Cijfer\nkolommen: {}\n", file: "m.yaml", questionnaire: definition.questionnaire)
    #expect(notAMapping == nil)
    #expect(
      refused.map(\.description) == [
        "m.yaml:1: error: 'roles' must name a column per role, such as 'response_id: Nr'",
        "m.yaml:2: error: 'recode' must give per column header the values to read instead, such as "
          + "'Cijfer: {\"-1\": weet_niet}'",
        "m.yaml:3: error: unknown key 'kolommen'; a mapping file has 'questionnaire', 'roles', 'columns' and 'recode'",
      ])
  }

  /// A recode of a column that is neither mapped nor a role, or to a value the column cannot hold, is refused
  /// when the mapping is read, before any export is.
  @Test func refusesRecodeMistakesWithTheirLines() {
    let (mapping, diagnostics) = ExportMapping.parse(
      """
      roles:
        completed_at: Datum
        finished: Afgerond
        gemeente: Gemeente
      recode:
        Opmerkingen: {x: y}
        cijfer: {"-1": weet_nit, "11": "10"}
        bereikbaarheid: {"-1": weigert, A6: "6", A1: Heel tevreden}
        rol: {A9: anders, A1: betrokkene}
        contact: {T: telefoon, X: fax}
        Datum: {gisteren: vandaag, eergisteren: 1-3-2026}
        Afgerond: {Klaar: misschien, Af: ja}
        Gemeente: {AMS: Amsterdam, ALK: alkmaar}
        kinderen: [ja, nee]
        gesprekken: {veel: [20]}
      """, file: "m.yaml", questionnaire: definition.questionnaire, gemeenten: ["Alkmaar"])
    #expect(mapping == nil)
    let rule =
      "; a recode gives an option (code or label), a scale point, a number the item takes, or a missing code "
      + "(weet_niet, nvt, weigert)"
    #expect(
      diagnostics.map(\.description) == [
        "m.yaml:6: error: 'Opmerkingen' is recoded, but it is neither mapped to an item (under 'columns:' or by an "
          + "alias of interview) nor given a role; map it under 'columns:' or 'roles:', or remove its recode",
        "m.yaml:7: error: the recode of 'cijfer' gives \"-1\" → \"weet_nit\", but cijfer cannot take it: "
          + "\"weet_nit\" is not a grade from 1 to 10 (at most one decimal)" + rule,
        "m.yaml:8: error: the recode of 'bereikbaarheid' gives \"-1\" → \"weigert\", but bereikbaarheid cannot take "
          + "it: missing code \"weigert\" is not allowed for this item (allowed: weet_niet, nvt)" + rule,
        "m.yaml:8: error: the recode of 'bereikbaarheid' gives \"A6\" → \"6\", but bereikbaarheid cannot take it: "
          + "\"6\" is outside 1...5" + rule,
        "m.yaml:9: error: the recode of 'rol' gives \"A9\" → \"anders\", but rol cannot take it: \"anders\" is not "
          + "one of the choices (Degene over wie het ging, Ouder of verzorger, Melder)" + rule,
        "m.yaml:10: error: the recode of 'contact' gives \"X\" → \"fax\", but contact cannot take it: \"fax\" is "
          + "not one of the choices (Telefoon, Huisbezoek, Op kantoor)" + rule,
        "m.yaml:11: error: the recode of 'Datum' gives \"gisteren\" → \"vandaag\", but \"vandaag\" is not a date "
          + "and time",
        "m.yaml:12: error: the recode of 'Afgerond' gives \"Klaar\" → \"misschien\", but \"misschien\" does not say "
          + "whether the response was finished (ja/nee, yes/no, true/false, 1/0)",
        "m.yaml:13: error: the recode of 'Gemeente' gives \"AMS\" → \"Amsterdam\", but \"Amsterdam\" is not a "
          + "municipality of the region (indicators.yaml)",
        "m.yaml:14: error: expected a column header and its values, such as 'Cijfer: {\"-1\": weet_niet}' (value in "
          + "the file: value to read)",
        "m.yaml:15: error: the recode of 'gesprekken' must map one value to one value, such as 'A1: ja'",
      ])
  }
}
