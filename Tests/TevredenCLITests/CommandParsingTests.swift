import ArgumentParser
import Foundation
import Testing

@testable import TevredenCLI
@testable import TevredenCore

@Suite struct CommandParsingTests {
  @Test func parsesScoreWithPeriodAndFormat() throws {
    let command = try TevredenCommand.parseAsRoot([
      "score", "--period", "2026-T2", "--format", "csv", "--db", "x.sqlite",
    ])
    let score = try #require(command as? TevredenCommand.Score)
    #expect(score.selection.period.period == "2026-T2")
    #expect(try score.selection.period.resolve() == Period("2026-T2"))
    #expect(score.format == .csv)
    #expect(try score.database.resolvedPath() == "x.sqlite")
  }

  @Test func checkDefaultsToTheWorkingFolder() throws {
    let check = try #require(try TevredenCommand.parseAsRoot(["check"]) as? TevredenCommand.Check)
    #expect(check.path == nil)
  }

  @Test func usageErrorsAreFoundBeforeAnythingRuns() {
    let cases: [([String], String)] = [
      (["import"], "the made-up example responses are only for 'tevreden demo'"),
      (["import", "a.csv", "--undo", "3"], "--undo BATCH takes nothing else"),
      (["score", "--period", "2026-T7"], "is not a period"),
      (["report", "--period", "20x6"], "is not a period"),
      (["export", "--questionnaire", "q", "--period", "2026-T9"], "is not a period"),
      (["score", "--from", "2026-02-30", "--to", "2026-03-01"], "is not a day"),
      (["report", "--out", "burap.pdf"], "name the file .html or .md"),
      (["report", "--out", "burap.html", "--format", "md"], "does not fit --out"),
      (["demo", "--period", "T2"], "is not a period"),
    ]
    for (arguments, message) in cases {
      do {
        _ = try TevredenCommand.parseAsRoot(arguments)
        Issue.record("\(arguments) was accepted")
      } catch {
        #expect(TevredenCommand.exitCode(for: error) == .validationFailure, "\(arguments)")
        #expect(
          TevredenCommand.message(for: error).contains(message), "\(arguments): \(TevredenCommand.message(for: error))")
      }
    }
  }

  @Test func versionNamesTheReleaseAndTheSchema() {
    do {
      _ = try TevredenCommand.parseAsRoot(["--version"])
      Issue.record("--version parsed as a command")
    } catch {
      let message = TevredenCommand.fullMessage(for: error)
      #expect(message.hasPrefix("tevreden \(TevredenCommand.version) (database schema v"))
      #expect(TevredenCommand.exitCode(for: error) == .success)
    }
  }

  @Test func importTakesSeveralPathsAndFlags() throws {
    let command = try TevredenCommand.parseAsRoot(["import", "a.csv", "b", "--dry-run", "--strict"])
    let importCommand = try #require(command as? TevredenCommand.Import)
    #expect(importCommand.paths == ["a.csv", "b"])
    #expect(importCommand.dryRun && importCommand.strict)
  }

  @Test func exportNeedsAQuestionnaireOrAFolder() {
    #expect(throws: (any Error).self) { try TevredenCommand.parseAsRoot(["export"]) }
    do {
      _ = try TevredenCommand.parseAsRoot(["export"])
    } catch {
      #expect(TevredenCommand.exitCode(for: error) == .validationFailure)
      #expect(TevredenCommand.message(for: error).contains("Pass --questionnaire"))
    }
  }

  @Test func rejectsUnknownFormats() {
    #expect(throws: (any Error).self) { try TevredenCommand.parseAsRoot(["score", "--format", "pdf"]) }
  }

  @Test func reportsAnInvalidPeriodClearly() {
    #expect(throws: CLIError.invalidPeriod("2026-T7")) { try parsePeriod("2026-T7") }
    #expect(CLIError.invalidPeriod("2026-T7").errorDescription?.contains("2026-T2 (January–August)") == true)
  }

  @Test func databasePathFollowsFlagThenTheWorkingFolder() throws {
    let explicit = try DatabaseOptions.parse(["--db", "/tmp/a.sqlite"])
    #expect(try explicit.resolvedPath() == "/tmp/a.sqlite")
    #expect(explicit.isNamedExplicitly)
    let environment = ProcessInfo.processInfo.environment
    guard (environment["TEVREDEN_DB"] ?? "").isEmpty, (environment["TEVREDEN_HOME"] ?? "").isEmpty else { return }
    // The tests run in the checkout, which is a working folder: its database is the default.
    let implicit = try DatabaseOptions.parse([])
    let workspace = try #require(try Workspace.current())
    #expect(try implicit.resolvedPath() == workspace.database.path)
  }

  @Test func theDemoRefusesAnExistingDatabaseFile() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("existing-\(UUID().uuidString).sqlite")
    try Data("x".utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    #expect(throws: (any Error).self) { try TevredenCommand.parseAsRoot(["demo", "--db", file.path]) }
  }

  @Test func readingCommandsNeverCreateADatabase() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID().uuidString).sqlite").path
    let score = try #require(try TevredenCommand.parseAsRoot(["score", "--db", path]) as? TevredenCommand.Score)
    #expect(throws: CLIError.noDatabase(path: path)) { try score.run() }
    let export = try #require(
      try TevredenCommand.parseAsRoot(["export", "--questionnaire", "x", "--db", path]) as? TevredenCommand.Export)
    #expect(throws: CLIError.noDatabase(path: path)) { try export.run() }
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func rejectedInputExitsWithTwo() {
    #expect(ExitCode.rejectedInput.rawValue == 2)
  }
}
