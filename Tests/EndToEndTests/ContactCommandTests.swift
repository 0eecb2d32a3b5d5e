import Foundation
import Testing
import TevredenTestSupport

/// `tevreden contact`: contacts that never became an interview, and the AAPOR rates `score` and `report` make of
/// them, against the definitions worked out from the printed counts.
@Suite struct ContactCommandTests {
  func run(_ arguments: [String], in folder: URL, db: String) throws -> TevredenRun {
    try runTevredenProcess(arguments + ["--db", db, "--questionnaires", questionnairesFolder.path], cwd: folder)
  }

  func meldingRates(_ run: TevredenRun) throws -> [String: Any] {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let groups = ((object["indicators"] as? [[String: Any]]) ?? []).flatMap {
      ($0["groups"] as? [[String: Any]]) ?? []
    }
    let melding = try #require(groups.first { $0["group"] as? String == "melding" })
    return try #require(melding["responseRates"] as? [String: Any], "\(melding)")
  }

  @Test func recordedContactsGiveTheResponseRateBesideTheCooperationRate() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let period = ["--period", "2026-T2"]
    let before = try meldingRates(try run(["score", "--format", "json"] + period, in: folder, db: db))
    // Interviews alone: the cooperation rate, and no response rate (nobody recorded who was not reached).
    #expect(before["rr1"] == nil && before["basis"] == nil)
    let interviews = try #require(before["interviews"] as? [String: Int])
    let reached =
      try #require(interviews["completed"]) + interviews["partial", default: 0] + interviews["refused", default: 0]
    let coop1 = try #require(before["coop1"] as? Double)
    #expect(abs(coop1 - Double(interviews["completed", default: 0]) / Double(reached)) < 0.00005)
    // The table says why its RR1 column is empty, and what would fill it.
    let emptyRates = try run(["score"] + period, in: folder, db: db)
    #expect(emptyRates.stdout.contains("RR1 staat overal op \"–\""), "\(emptyRates)")
    #expect(emptyRates.stdout.contains("(--invited)") && emptyRates.stdout.contains("(tevreden contact)"))

    let recorded = try run(
      [
        "contact", "inwoners-melding", "--outcome", "niet_bereikt", "--interviewer", "AB12", "--on", "2026-03-02",
        "--count", "20",
      ], in: folder, db: db)
    #expect(recorded.exitCode == 0, "\(recorded)")
    #expect(recorded.stdout.contains("Vastgelegd: 20 × niet bereikt voor inwoners-melding (Melding), 2026-03-02."))
    let barrier = try run(
      [
        "contact", "inwoners-melding", "--outcome", "taalbarriere", "--interviewer", "AB12", "--on", "2026-04-01",
        "--mode", "persoonlijk",
      ], in: folder, db: db)
    #expect(barrier.exitCode == 0, "\(barrier)")

    let after = try meldingRates(try run(["score", "--format", "json"] + period, in: folder, db: db))
    let counts = try #require(after["interviews"] as? [String: Int])
    #expect(counts["nonContact"] == 20 && counts["other"] == 1)
    #expect(after["basis"] as? String == "interviewcontacten")
    let completed = Double(counts["completed", default: 0])
    let total = Double(counts.values.reduce(0, +))
    #expect(abs(try #require(after["rr1"] as? Double) - completed / total) < 0.00005)
    // The language barrier is a contact reached: it lowers the cooperation rate too.
    #expect(abs(try #require(after["coop1"] as? Double) - completed / Double(reached + 1)) < 0.00005)

    // With an invited count the response rate rests on it, for every mode.
    let invited = try meldingRates(
      try run(["score", "--format", "json", "--invited", "melding=400"] + period, in: folder, db: db))
    let allCompleted = try #require(invited["completed"] as? Int)
    #expect(invited["basis"] as? String == "uitgenodigd")
    #expect(abs(try #require(invited["rr1"] as? Double) - Double(allCompleted) / 400) < 0.00005)
    let report = try run(["report", "--format", "md", "--invited", "melding=400"] + period, in: folder, db: db)
    #expect(report.exitCode == 0, "\(report)")
    #expect(
      report.stdout.contains(
        "| Doelgroep | afgerond | uitgenodigd | interviewcontacten | bereikt | geweigerd | RR1 | COOP1 |"))
    #expect(report.stdout.contains("RR1 (responspercentage)"))
    let table = try run(["score"] + period, in: folder, db: db)
    #expect(table.stdout.contains("RR1  COOP1"), "\(table)")
    #expect(!table.stdout.contains("RR1 staat overal op"), "\(table)")
  }

  @Test func aWrongContactIsRefusedAndNothingIsStored() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let base = ["contact", "inwoners-melding", "--interviewer", "AB12"]
    let cases: [([String], String)] = [
      (base + ["--outcome", "verhuisd"], "verhuisd"),
      (base + ["--outcome", "niet_bereikt", "--mode", "online"], "has no contacts to record"),
      (base + ["--outcome", "niet_bereikt", "--on", "2999-01-01"], "lies in the future"),
      (base + ["--outcome", "niet_bereikt", "--count", "0"], "--count 0 must lie between 1 and 10000"),
      (
        ["contact", "inwoners-melding", "--interviewer", "Jan", "--outcome", "niet_bereikt"],
        "is not an interviewer code"
      ),
      (["contact", "onbekend", "--interviewer", "AB12", "--outcome", "niet_bereikt"], "onbekend"),
    ]
    let period = ["--period", "2026"]
    let before = try run(["score", "--format", "json"] + period, in: folder, db: db).stdout
    for (arguments, message) in cases {
      let refused = try run(arguments, in: folder, db: db)
      #expect(refused.exitCode != 0, "\(arguments)")
      #expect(refused.stderr.contains(message), "\(arguments): \(refused)")
    }
    #expect(try run(["score", "--format", "json"] + period, in: folder, db: db).stdout == before)
  }
}
