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
    /// The thread that made the row ready (`Thread.current`'s identity).
    var preparedOn: Int
  }

  struct Preparer: RowPreparer {
    func prepare(_ response: Response, definition: LoadedQuestionnaire, numbersRepeats: Bool) -> Row {
      Row(
        id: response.id, masked: response.identifierKindsInText(using: .standard), response: response,
        numbersRepeats: numbersRepeats, preparedOn: ObjectIdentifier(Thread.current).hashValue)
    }
  }

  var files: [(name: String, format: String)] = []
  var rows: [Row] = []
  /// How many rows were made ready on the thread that stores them (left to it by the reading thread).
  var preparedByStoringThread = 0
  var ended: [(rejected: Int, sha256: String)] = []
  /// The disposition of each added row, by its position; `.inserted` for the rest.
  var dispositions: [Int: SinkDisposition] = [:]

  func makePreparer(definition: LoadedQuestionnaire?) -> Preparer { Preparer() }
  func beginFile(name: String, format: String) throws { files.append((name, format)) }
  func add(_ row: Row, rejectingRepeats: Bool) throws -> SinkDisposition {
    if row.preparedOn == ObjectIdentifier(Thread.current).hashValue { preparedByStoringThread += 1 }
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

  /// A Google Forms export of `count` distinct rows (one minute apart): every other one's remark holds a phone number
  /// and an e-mail address, and every tenth row is refused (a grade out of range).
  func manyRowExport(_ count: Int, in folder: URL) throws -> URL {
    let source = try String(contentsOf: projectExport("googleforms-inwoners-adviesaanvraag.csv"), encoding: .utf8)
    let lines = source.components(separatedBy: .newlines).filter { !$0.isEmpty }
    var text = lines[0] + "\n"
    for index in 0..<count {
      // The first and the third answer rows, which need no quotes: the first with identifiers in its remark.
      var fields = lines[1 + 2 * (index % 2)].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      fields[0] =
        "2026/03/\(10 + index / 1440) \(index / 60 % 12 + 1):\(String(format: "%02d", index % 60)):00 "
        + (index / 720 % 2 == 0 ? "am" : "pm") + " CET"
      if index % 10 == 9 { fields[fields.count - 2] = "12" }
      text += fields.joined(separator: ",") + "\n"
    }
    let file = folder.appendingPathComponent("many-googleforms.csv")
    try text.write(to: file, atomically: true, encoding: .utf8)
    return file
  }

  @Test func rowsLeftToTheStoringThreadAreMadeReadyAsTheReadingThreadMakesThem() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let plan = try planner().plan(try manyRowExport(3000, in: folder))
    #expect(plan.format == "googleforms")
    func read(handingOverBelow limit: Int) throws -> (report: FileReport, sink: MemorySink, lines: [Int?]) {
      var pipeline = ImportPipeline()
      pipeline.handsOverBelow = limit
      var lines: [Int?] = []
      pipeline.onDiagnostic = { lines.append($0.location.line) }
      let sink = MemorySink()
      return (try pipeline.read(plan, index: 0, of: 1, into: sink), sink, lines)
    }
    let never = try read(handingOverBelow: 0)
    let always = try read(handingOverBelow: .max)
    let sometimes = try read(handingOverBelow: ImportPipeline.handsOverWhen)
    #expect(never.report.rowCount == 3000)
    #expect(never.report.rejected == 300)
    #expect(never.sink.rows.count == 2700)
    // Never: every row made ready on the reading thread; always: every one on the storing thread.
    #expect(never.sink.preparedByStoringThread == 0)
    #expect(always.sink.preparedByStoringThread == 2700)
    for other in [always, sometimes] {
      #expect(other.sink.rows.map(\.response) == never.sink.rows.map(\.response))
      #expect(other.sink.rows.map(\.masked) == never.sink.rows.map(\.masked))
      #expect(other.sink.rows.map(\.numbersRepeats) == never.sink.rows.map(\.numbersRepeats))
      #expect(other.report.details == never.report.details)
      #expect(other.report.rejected == never.report.rejected)
      #expect(other.lines == never.lines)
    }
    // The masking was counted for the report whichever thread did it.
    #expect(never.report.details.contains { $0.contains("masked in open answers") && $0.contains("in 1500 answers") })
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
