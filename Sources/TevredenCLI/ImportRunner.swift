import Foundation
import TevredenCore
import TevredenImport
import TevredenStore

/// Wires the import pipeline to the database: plans every file, then hands their rows to an import run.
///
/// All files of one run count together or not at all: they are stored in short steps that stay invisible until
/// the last (see `TevredenDatabase.importRun`), and a malformed file (or, with `--strict`, any rejected row) takes
/// everything back, so the database is either updated with every valid row or left as it was.
struct ImportRunner {
  let database: TevredenDatabase
  let catalog: Catalog
  var isDryRun = false
  var isStrict = false
  var settings = ImportSettings()
  /// Receives each rejected row's error as soon as it is found.
  var onDiagnostic: (Diagnostic) -> Void = { _ in }
  /// Receives progress now and then while rows are read.
  var onProgress: (ImportProgress) -> Void = { _ in }
  /// Tells whether the user interrupted the import (a signal): it then stops and takes back what it stored.
  var isInterrupted: @Sendable () -> Bool = { false }
  /// For tests only: a pause after each stored response, in microseconds, as a slow disk would make it.
  var testDelayPerResponse: UInt32 = 0

  /// The files to import from the paths the user gave (folders expanded, sorted).
  static func csvFiles(in paths: [String]) throws(CLIError) -> [URL] {
    do {
      return try ImportFiles.collect(paths)
    } catch {
      throw CLIError(error)
    }
  }

  /// The rollback of a `--strict` import that rejected rows: the reports of what was read.
  private struct StrictRollback: Error {
    var reports: [FileReport]
  }

  /// Checks every file's header first, then reads, converts and stores the rows of all files as one import run
  /// (none with `--dry-run`; none at all with `--strict` if any row is rejected).
  func run(_ files: [URL]) throws -> [FileReport] {
    do {
      let exchange = ExchangeContext(catalog: catalog, stored: try database.snapshots().map(\.definition))
      let planner = ImportPlanner(catalog: catalog, settings: settings, exchange: exchange)
      let planned = try files.map { try planner.plan($0) }
      var pipeline = ImportPipeline()
      pipeline.onDiagnostic = onDiagnostic
      pipeline.onProgress = onProgress
      pipeline.isInterrupted = isInterrupted
      pipeline.interruption = { ImportInterrupted() }
      if isDryRun {
        return try planned.enumerated().map {
          try pipeline.read($1, index: $0, of: planned.count, into: nil as StoreSink?)
        }
      }
      return try database.importRun(isInterrupted: isInterrupted) { session in
        session.testDelayPerResponse = testDelayPerResponse
        var reports: [FileReport] = []
        for (index, file) in planned.enumerated() {
          // Once a strict import has rejected a row nothing will be kept: the rest is only read, for the report.
          let rejectedSoFar = reports.contains { $0.rejected > 0 || $0.errorCount > 0 }
          let sink = isStrict && rejectedSoFar ? nil : StoreSink(session: session)
          var report = try pipeline.read(file, index: index, of: planned.count, into: sink)
          report.isDryRun = false
          reports.append(report)
        }
        if isStrict, reports.contains(where: { $0.rejected > 0 || $0.errorCount > 0 }) {
          throw StrictRollback(reports: reports)
        }
        return reports
      }
    } catch let rollback as StrictRollback {
      return rollback.reports.map { report in
        var report = report
        report.inserted = 0
        report.duplicates = 0
        report.updated = 0
        return report
      }
    } catch let error as ImportError {
      throw CLIError(error)
    }
  }
}

/// The database's import session as the pipeline's sink.
struct StoreSink: ImportSink {
  let session: ImportSession

  /// A response prepared for the store.
  struct Row: PreparedRow {
    var prepared: PreparedResponse
    var id: Response.ID { prepared.id }
    var masked: [PersonalDataKind] { prepared.masked }
  }

  struct Preparer: RowPreparer {
    var preparer: ResponsePreparer

    mutating func prepare(_ response: Response, definition: LoadedQuestionnaire, numbersRepeats: Bool) -> Row {
      Row(prepared: preparer.prepare(response, definition: definition, numbersRepeats: numbersRepeats))
    }

    mutating func prepare(_ response: PositionalResponse, definition: LoadedQuestionnaire, numbersRepeats: Bool)
      -> Row
    {
      Row(prepared: preparer.prepare(response, definition: definition, numbersRepeats: numbersRepeats))
    }
  }

  /// Answers are written with the database's item numbers on the reading thread (see ``ResponsePreparer``).
  func makePreparer(definition: LoadedQuestionnaire?) throws -> Preparer {
    Preparer(preparer: ResponsePreparer(codes: try session.itemCodes(for: definition)))
  }

  func beginFile(name: String, format: String) throws {
    try session.beginBatch(ImportSource(name: name, sha256: "", format: format, importedAt: Date()))
  }

  func add(_ row: Row, rejectingRepeats: Bool) throws -> SinkDisposition {
    switch try session.add(row.prepared, rejectingRepeats: rejectingRepeats) {
    case .inserted: .inserted
    case .duplicate: .duplicate
    case .updated: .updated
    case .repeated: .repeated
    case .conflict: .conflict
    case .keyCollision: .keyCollision
    }
  }

  func endFile(rejectedWhileReading: Int, sha256: String) throws {
    try session.endBatch(rejectedWhileReading: rejectedWhileReading, sha256: sha256)
  }
}

extension CLIError {
  init(_ error: ImportError) {
    switch error {
    case .unreadableFile(let file, let reason): self = .unreadableFile(file, reason: reason)
    case .unreadableExport(let message): self = .unreadableExport(message)
    case .invalidMapping(let diagnostics): self = .invalidMapping(diagnostics)
    }
  }
}
