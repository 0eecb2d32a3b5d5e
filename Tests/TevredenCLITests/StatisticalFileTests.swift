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
