import Foundation
import Testing
import TevredenCore
import TevredenTestSupport

@testable import TevredenImport

/// A sink that keeps what it is given in memory, and answers with the dispositions a test asks for.
final class MemorySink: ImportSink, @unchecked Sendable {
  struct Row: PreparedRow {
    var id: Response.ID
    var masked: [PersonalDataKind]
    var response: Response
    var numbersRepeats: Bool
  }

  struct Preparer: RowPreparer {
    func prepare(_ response: Response, definition: LoadedQuestionnaire, numbersRepeats: Bool) -> Row {
      Row(
        id: response.id, masked: response.identifierKindsInText(using: .standard), response: response,
        numbersRepeats: numbersRepeats)
    }
  }

  var files: [(name: String, format: String)] = []
  var rows: [Row] = []
  var ended: [(rejected: Int, sha256: String)] = []
  /// The disposition of each added row, by its position; `.inserted` for the rest.
  var dispositions: [Int: SinkDisposition] = [:]

  func makePreparer(definition: LoadedQuestionnaire?) -> Preparer { Preparer() }
  func beginFile(name: String, format: String) throws { files.append((name, format)) }
  func add(_ row: Row, rejectingRepeats: Bool) throws -> SinkDisposition {
    rows.append(row)
    return dispositions[rows.count - 1] ?? .inserted
  }
  func endFile(rejectedWhileReading: Int, sha256: String) throws { ended.append((rejectedWhileReading, sha256)) }
}

/// The import module on its own: a planned file read by the pipeline into a sink that is not the database.
@Suite struct ImportPipelineTests {
  let catalog = Catalog.load(from: repositoryRoot.appendingPathComponent("Questionnaires"))

  func planner(_ settings: ImportSettings = ImportSettings()) -> ImportPlanner {
    ImportPlanner(catalog: catalog, settings: settings, exchange: ExchangeContext(catalog: catalog, stored: []))
  }

  @Test func aPlatformExportIsPlannedAndEveryRowReachesTheSink() throws {
    let url = projectExport("qualtrics-inwoners-melding.csv")
    let plan = try planner().plan(url)
    #expect(plan.format == "qualtrics")
    #expect(!plan.isExchange)
    #expect(plan.details.first == "  questionnaire: inwoners-melding (chosen because its items match the most columns)")
    let sink = MemorySink()
    let report = try ImportPipeline().read(plan, index: 0, of: 1, into: sink)
    #expect(report.rowCount > 0)
    #expect(report.inserted + report.rejected == report.rowCount)
    #expect(sink.rows.count == report.inserted)
    #expect(sink.files.map(\.name) == ["qualtrics-inwoners-melding.csv"])
    // The batch ends with the file's hash, as the store records it.
    #expect(sink.ended.map(\.sha256) == [try SHA256.hex(ofFileAt: url)])
    #expect(sink.rows.allSatisfy { $0.response.questionnaireID.rawValue == "inwoners-melding" })
  }

  @Test func withoutASinkRowsAreOnlyReadAndCounted() throws {
    let plan = try planner().plan(projectExport("qualtrics-inwoners-melding.csv"))
    let stored = try ImportPipeline().read(plan, index: 0, of: 1, into: MemorySink())
    let dry = try ImportPipeline().read(plan, index: 0, of: 1, into: nil as MemorySink?)
    #expect(dry.isDryRun)
    #expect(dry.rowCount == stored.rowCount)
    #expect(dry.rejected == stored.rejected)
    #expect(dry.inserted == 0)
  }

  @Test func whatTheSinkRefusesIsARejectedRowWithItsLine() throws {
    let plan = try planner().plan(projectExport("qualtrics-inwoners-melding.csv"))
    let sink = MemorySink()
    sink.dispositions = [0: .conflict, 1: .duplicate]
    var pipeline = ImportPipeline()
    var diagnostics: [Diagnostic] = []
    pipeline.onDiagnostic = { diagnostics.append($0) }
    let report = try pipeline.read(plan, index: 0, of: 1, into: sink)
    #expect(report.duplicates == 1)
    let refusal = try #require(diagnostics.first { $0.message.contains("already stored with different answers") })
    #expect(refusal.location.line != nil)
    // Rows refused by the sink are not counted again as rejected while reading.
    #expect(sink.ended.first?.rejected == report.rejected - 1)
  }

  @Test func progressNamesTheFileItIsAbout() throws {
    var pipeline = ImportPipeline()
    var seen: [ImportProgress] = []
    pipeline.onProgress = { seen.append($0) }
    // Progress comes every 1,024 rows: a file of 3,000 exchange rows gives two.
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("many.csv")
    let definition = try #require(catalog.questionnaire("inwoners-melding"))
    let responses = (0..<3000).map { index in
      Response(
        id: Response.ID(rawValue: "r\(index)"), questionnaire: definition.questionnaire, gemeente: nil,
        mode: .online, interviewer: nil, startedAt: Date(timeIntervalSince1970: 1_767_225_600),
        completedAt: nil, status: .partial, answers: [:])
    }
    try ExchangeCSV.write(responses, items: definition.questionnaire.questions.map(\.id))
      .write(to: file, atomically: true, encoding: .utf8)
    let exchange = try planner().plan(file)
    #expect(exchange.isExchange)
    let report = try pipeline.read(exchange, index: 2, of: 3, into: MemorySink())
    #expect(report.inserted == 3000)
    #expect(seen.count == 2)
    #expect(seen.allSatisfy { $0.fileIndex == 2 && $0.fileCount == 3 && $0.file == exchange.name })
  }

  @Test func anInterruptionStopsTheFileWithTheGivenError() throws {
    struct Stopped: Error {}
    let plan = try planner().plan(projectExport("qualtrics-inwoners-melding.csv"))
    var pipeline = ImportPipeline()
    pipeline.isInterrupted = { true }
    pipeline.interruption = { Stopped() }
    #expect(throws: Stopped.self) { try pipeline.read(plan, index: 0, of: 1, into: MemorySink()) }
  }

  @Test func thePlanSaysWhichMappedColumnsTheFileDoesNotHave() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("sheet.csv")
    try "Datum;Cijfer\n1-3-2026;8\n".write(to: file, atomically: true, encoding: .utf8)
    let (mapping, diagnostics) = ExportMapping.parse(
      "columns:\n  Cijfer: cijfer\n  Tevredenheid: bereikbaarheid\n", file: "m.yaml",
      questionnaire: try #require(catalog.questionnaire("inwoners-melding")).questionnaire)
    let settings = ImportSettings(
      questionnaire: "inwoners-melding", gemeente: "Alkmaar", layout: .generic,
      mapping: try #require(mapping, "\(diagnostics)"))
    let plan = try planner(settings).plan(file)
    #expect(plan.details.contains("  not in this file, so not read: 'Tevredenheid' (m.yaml:3)"), "\(plan.details)")
    let report = try ImportPipeline().read(plan, index: 0, of: 1, into: MemorySink())
    #expect(report.inserted == 1)
  }

  @Test func aFileOfTheWrongQuestionnaireIsRefusedWithItsName() throws {
    let settings = ImportSettings(questionnaire: Questionnaire.ID(rawValue: "ketenpartners-politie"))
    let url = projectExport("qualtrics-inwoners-melding.csv")
    let error = #expect(throws: ImportError.self) { try planner(settings).plan(url) }
    guard case .unreadableFile(let file, let reason)? = error else {
      Issue.record("expected an unreadable file, got \(String(describing: error))")
      return
    }
    #expect(file.hasSuffix("qualtrics-inwoners-melding.csv"))
    #expect(reason.hasPrefix("only 0 items of ketenpartners-politie have a column in this file"))
  }
}
