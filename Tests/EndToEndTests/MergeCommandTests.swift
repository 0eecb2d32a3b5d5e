import Foundation
import Testing
import TevredenCore
import TevredenStore
import TevredenTestSupport

/// `tevreden merge`: three interviewer stations made by the binary itself, with a response in two of them and one
/// id that two stations hold with different answers, merged into a region's database twice.
@Suite struct MergeCommandTests {
  /// The exchange files the stations import, written to `folder`: `shared.csv` with two completed example rows,
  /// and `changed.csv` with the second of them given another grade, and a third row.
  func writeExchangeFiles(in folder: URL) throws -> (changed: String, grade: String) {
    let examples = try CSVTable(contentsOf: responsesFolder.appendingPathComponent("2026/inwoners-adviesaanvraag.csv"))
    let status = try examples.column("status")
    let grade = try examples.column("cijfer")
    let rows = Array(examples.rows.filter { $0[status] == "completed" && !$0[grade].isEmpty }.prefix(3))
    try #require(rows.count == 3)
    var changedRow = rows[1]
    changedRow[grade] = changedRow[grade] == "3" ? "4" : "3"
    try CSVWriter.renderUnguarded([examples.header, rows[0], rows[1]])
      .write(to: folder.appendingPathComponent("shared.csv"), atomically: true, encoding: .utf8)
    try CSVWriter.renderUnguarded([examples.header, changedRow, rows[2]])
      .write(to: folder.appendingPathComponent("changed.csv"), atomically: true, encoding: .utf8)
    return (rows[1][try examples.column("response_id")], rows[1][grade])
  }

  func importing(_ file: String, into station: String, in folder: URL) throws {
    let run = try runTevredenProcess(
      ["import", file, "--db", station, "--questionnaires", questionnairesFolder.path], cwd: folder)
    try #require(run.exitCode == 0, "\(run)")
  }

  /// Three station files in `folder`: an interview and `shared.csv` in the first, `shared.csv` and an interview in
  /// the second, and `changed.csv` in the third. Returns the ids of the interviews.
  func makeStations(in folder: URL) throws -> [Response.ID] {
    func interviewing(_ script: InterviewScript, into station: String) throws -> Response.ID {
      let run = try runTevredenProcess(
        interviewArguments(script.questionnaire, interviewer: "AB12", db: station, gemeente: "Hoorn"), cwd: folder,
        stdin: script.stdin)
      try #require(run.exitCode == 0, "\(run)")
      return try startedInterviewID(in: run.stdout)
    }
    let first = try interviewing(.meldingWithChildren, into: "station1.sqlite")
    try importing("shared.csv", into: "station1.sqlite", in: folder)
    try importing("shared.csv", into: "station2.sqlite", in: folder)
    let second = try interviewing(.politie, into: "station2.sqlite")
    try importing("changed.csv", into: "station3.sqlite", in: folder)
    return [first, second]
  }

  static let stations = ["station1.sqlite", "station2.sqlite", "station3.sqlite"]

  /// Each station file's SHA-256, and whether anything lies beside it (`-wal`, `-shm`, `-journal`).
  func fingerprints(in folder: URL) throws -> [String] {
    try Self.stations.map { name in
      let file = folder.appendingPathComponent(name)
      let beside = ["-wal", "-shm", "-journal"].filter {
        FileManager.default.fileExists(atPath: file.path + $0)
      }
      return "\(name) \(try SHA256.hex(ofFileAt: file)) \(beside)"
    }
  }

  @Test func stationsAreMergedOnceWithTheConflictReportedAndNeverOverwritten() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (changed, grade) = try writeExchangeFiles(in: folder)
    let interviews = try makeStations(in: folder)
    let stationsBefore = try fingerprints(in: folder)
    let merge = ["merge"] + Self.stations + ["--db", "region.sqlite"]
    let conflict =
      "station3.sqlite: conflict: response \(changed) is stored here with other content (differs in grade; the "
      + "answer to cijfer); the stored one was kept"
    let firstCounts = [
      "station1.sqlite: 3 new, 0 already present, 0 conflicts, 0 completed",
      "station2.sqlite: 1 new, 2 already present, 0 conflicts, 0 completed",
      "station3.sqlite: 1 new, 0 already present, 1 conflict, 0 completed",
      "Total: 5 new, 2 already present, 1 conflict, 0 completed",
    ]

    // A dry run reports what a merge would do, and creates no database.
    let dryRun = try runTevredenProcess(merge + ["--dry-run"], cwd: folder)
    #expect(dryRun.exitCode == 2, "\(dryRun)")
    #expect(dryRun.stdout == (firstCounts + ["Dry run: nothing was stored."]).map { $0 + "\n" }.joined(), "\(dryRun)")
    #expect(dryRun.stderr == conflict + "\n", "\(dryRun)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("region.sqlite").path))

    // With --strict the conflict stores nothing.
    let strict = try runTevredenProcess(merge + ["--strict"], cwd: folder)
    #expect(strict.exitCode == 2, "\(strict)")
    #expect(strict.stdout.hasSuffix("Nothing was stored (--strict): resolve the conflicts and merge again.\n"))
    let region = folder.appendingPathComponent("region.sqlite").path
    #expect(try TevredenDatabase.open(atPath: region).responseCount() == 0)

    let first = try runTevredenProcess(merge, cwd: folder)
    #expect(first.exitCode == 2, "a conflict exits 2: \(first)")
    #expect(first.stdout == firstCounts.map { $0 + "\n" }.joined(), "\(first)")
    #expect(first.stderr == conflict + "\n", "\(first)")
    let database = try TevredenDatabase.open(atPath: region)
    #expect(try database.responseCount() == 5)
    // The conflict kept the answer stored first (the grade from shared.csv, merged from station 1).
    let kept = try #require(try database.response(Response.ID(rawValue: changed)))
    #expect(answerTexts(kept)["cijfer"] == grade)
    // Interviews come with their audit log and their state.
    var events: [Response.ID: Int] = [:]
    for id in interviews {
      #expect(try database.interviewState(id) == .completed)
      events[id] = try database.interviewEvents(id).count
      #expect(events[id, default: 0] > 5, "\(id)")
    }
    let batches = try database.importBatches()
    #expect(batches.map(\.source) == Self.stations)
    #expect(batches.map(\.insertedCount) == [3, 1, 1])

    // Again: nothing new, the conflict reported again.
    let second = try runTevredenProcess(merge, cwd: folder)
    #expect(second.exitCode == 2, "\(second)")
    #expect(
      second.stdout
        == [
          "station1.sqlite: 0 new, 3 already present, 0 conflicts, 0 completed",
          "station2.sqlite: 0 new, 3 already present, 0 conflicts, 0 completed",
          "station3.sqlite: 0 new, 1 already present, 1 conflict, 0 completed",
          "Total: 0 new, 7 already present, 1 conflict, 0 completed",
        ].map { $0 + "\n" }.joined(), "\(second)")
    #expect(second.stderr == conflict + "\n", "\(second)")
    #expect(try database.responseCount() == 5)
    for id in interviews { #expect(try database.interviewEvents(id).count == events[id]) }
    #expect(try database.importBatches().suffix(3).map(\.insertedCount) == [0, 0, 0])

    #expect(try fingerprints(in: folder) == stationsBefore, "the station files are never changed")
  }

  @Test func aMissingStationFileMergesNothing() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try writeExchangeFiles(in: folder)
    try importing("shared.csv", into: "station1.sqlite", in: folder)

    let run = try runTevredenProcess(
      ["merge", "station1.sqlite", "station-typo.sqlite", "--db", "region.sqlite"], cwd: folder)

    #expect(run.exitCode == 1, "\(run)")
    #expect(run.stderr.contains("station-typo.sqlite does not exist"), "\(run)")
    #expect(run.stderr.contains("nothing was merged"), "\(run)")
    #expect(run.stdout.isEmpty, "\(run)")
    // Nothing was created either: a command that cannot run leaves no empty database behind.
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("region.sqlite").path))
  }
}
