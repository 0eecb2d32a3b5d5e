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
    #expect(score.database.path == "x.sqlite")
  }

  @Test func checkDefaultsToTheQuestionnaireFolder() throws {
    let check = try #require(try TevredenCommand.parseAsRoot(["check"]) as? TevredenCommand.Check)
    #expect(check.path == "Questionnaires")
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

  @Test func databasePathFollowsFlagThenDefault() throws {
    let explicit = try DatabaseOptions.parse(["--db", "/tmp/a.sqlite"])
    #expect(explicit.path == "/tmp/a.sqlite")
    let implicit = try DatabaseOptions.parse([])
    let environment = ProcessInfo.processInfo.environment["TEVREDEN_DB"]
    #expect(implicit.path == (environment?.isEmpty == false ? environment : "tevreden.sqlite"))
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
