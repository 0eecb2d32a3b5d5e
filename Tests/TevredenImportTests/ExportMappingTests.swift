import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore
@testable import TevredenImport

/// Mapping files: header → item, and header → option of a multiple-choice item for exports whose per-option
/// columns are not recognised by their headers.
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
}
