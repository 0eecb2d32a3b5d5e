import Foundation
import Testing
import TevredenCore
import TevredenTestSupport

@testable import TevredenStatFiles

/// The SPSS and Stata writer's own rules: names each format accepts, and a refusal rather than a cut text.
@Suite struct StatisticalFileTests {
  private func variable(_ name: String) -> StatisticalFile.Variable {
    StatisticalFile.Variable(name: name, label: "Vraag", source: .metadata(0), isNumeric: true)
  }

  @Test(arguments: StatisticalFile.Format.allCases)
  func namesAreLegalUniqueAndKeepTheCSVNameInTheLabel(format: StatisticalFile.Format) {
    let long = String(repeating: "heel_lange_naam_", count: 6)
    let names = ["cijfer", "with", "in", "1e_vraag", "optie-met-streep", long, long + "x", "Cijfer"]
    let renamed = StatisticalFile.legalNames(names.map(variable), format: format)
    #expect(renamed[0].name == "cijfer" && renamed[0].label == "Vraag", "a legal name stays as it is")
    let limit = format == .dta ? 32 : 64
    var seen = Set<String>()
    for (original, variable) in zip(names, renamed) {
      #expect(variable.name.utf8.count <= limit, "\(variable.name)")
      #expect(variable.name.first?.isLetter == true, "\(variable.name)")
      #expect(variable.name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }, "\(variable.name)")
      #expect(seen.insert(variable.name.lowercased()).inserted, "unique: \(variable.name)")
      if variable.name != original { #expect(variable.label.hasPrefix(original + ": "), "\(variable.label)") }
    }
    #expect(renamed[1].name == "with_", "a reserved word is changed")
  }

  @Test func aScaleWhoseLabelsChangedBetweenVersionsSaysSoInItsLabel() throws {
    func bundled(_ path: String) throws -> Questionnaire {
      let source = try #require(BundledDefinitions.sources.first { $0.path == path })
      return try #require(QuestionnaireLoader.parse(source.text, file: path).0).questionnaire
    }
    let current = try bundled("Questionnaires/inwoners-melding.yaml")
    let earlier = try bundled("Questionnaires/versions/inwoners-melding.v2.yaml")
    #expect(earlier.version < current.version)
    let file = StatisticalFile(definitions: [earlier, current], format: .sav)
    func label(_ item: String) throws -> String {
      try #require(file.variables.first { $0.name == item }).label
    }
    // `geduld` went from an agree scale (v2) to a direct question (v3): its values are labelled as v3 asks them.
    #expect(
      try label("geduld").hasSuffix("[waardelabels van de nieuwste versie; versie 2 had andere, zie het codeboek]"))
    // An item whose scale kept its labels carries no such note, nor does one in a file of one version.
    let unchanged = current.questions.first { question in
      guard case .scale(let scale) = question.kind,
        case .scale(let before)? = earlier.question(question.id)?.kind
      else { return false }
      return scale.points.map(\.label) == before.points.map(\.label)
    }
    if let unchanged { #expect(try !label(unchanged.id.rawValue).contains("waardelabels")) }
    let single = StatisticalFile(definitions: [current], format: .sav)
    #expect(!single.variables.contains { $0.label.contains("waardelabels") })
  }

  @Test func aTextLongerThanTheFormatTakesIsRefusedByName() throws {
    let questionnaire = try #require(try loadFixture("interview").loaded).questionnaire
    let response = Response(
      id: "r1", questionnaire: questionnaire, gemeente: nil, mode: .online, interviewer: nil,
      startedAt: Date(timeIntervalSince1970: 1_770_000_000), completedAt: Date(timeIntervalSince1970: 1_770_000_600),
      status: .completed,
      answers: [
        "toestemming": .value(.yesNo(true)), "opmerking": .value(.text(String(repeating: "lang ", count: 500))),
      ])
    let file = StatisticalFile(definitions: [questionnaire], format: .dta)
    var written = 0
    #expect(throws: StatisticalFile.WriteError.self) {
      try file.write(responses: { try $0(response) }, to: { written += $0.count })
    }
    #expect(written == 0, "nothing is written before the refusal")
    // The same text fits an SPSS file.
    var sav: [UInt8] = []
    try StatisticalFile(definitions: [questionnaire], format: .sav).write(
      responses: { try $0(response) }, to: { sav.append(contentsOf: $0) })
    #expect(sav.starts(with: Array("$FL2".utf8)))
  }
}
