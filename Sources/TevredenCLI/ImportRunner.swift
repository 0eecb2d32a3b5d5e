import Foundation
import TevredenCore
import TevredenImport
import TevredenStore

/// Imports exchange CSV files and platform exports into the database.
///
/// Files stream: each row is read, converted and stored before the next is read, so memory stays flat whatever
/// the size. All files of one run count together or not at all: they are stored in short steps that stay invisible
/// until the last (see `TevredenDatabase.importRun`), and a malformed file (or, with `--strict`, any rejected row)
/// takes everything back, so the database is either updated with every valid row or left as it was.
struct ImportRunner {
  let database: TevredenDatabase
  let catalog: Catalog
  var isDryRun = false
  var isStrict = false
  /// For platform exports: the questionnaire they answer (`--questionnaire`).
  var questionnaire: Questionnaire.ID?
  /// For platform exports without a gemeente column (`--gemeente`).
  var gemeente: String?
  /// For platform exports without dates (`--completed-on`).
  var completedOn: LocalDate?
  /// Forces a layout instead of detecting it (`--layout`).
  var layout: SurveyPlatform?
  /// Explicit header → item mapping (`--mapping`).
  var mapping: ExportMapping?
  /// Receives each rejected row's error as soon as it is found (so a file with many bad rows needs no memory
  /// for them).
  var onDiagnostic: (Diagnostic) -> Void = { _ in }
  /// Receives progress now and then while rows are read.
  var onProgress: (ImportProgress) -> Void = { _ in }
  /// Tells whether the user interrupted the import (a signal): it then stops and takes back what it stored.
  var isInterrupted: @Sendable () -> Bool = { false }
  /// For tests only: a pause after each stored response, in microseconds, as a slow disk would make it.
  var testDelayPerResponse: UInt32 = 0

  /// What happened to one file.
  struct FileReport {
    var file: String
    var rowCount = 0
    var inserted = 0
    var duplicates = 0
    var rejected = 0
    /// Rejected rows and file-level problems (also sent to ``onDiagnostic`` as they are found).
    var errorCount = 0
    /// For platform exports: the layout, the mapping and what was dropped or masked, as lines for the report.
    var details: [String] = []

    /// Whether nothing was stored (`--dry-run`): then the summary says what an import would read in.
    var isDryRun = false

    /// "Responses/2025/x.csv: 120 rows: 118 imported, 2 already present, 0 rejected"; for a dry run
    /// "…: 120 rows: 118 readable, 2 rejected (not compared with the database)".
    var summary: String {
      let rows = "\(file): \(rowCount) row\(rowCount == 1 ? "" : "s")"
      if isDryRun {
        return "\(rows): \(rowCount - rejected) readable, \(rejected) rejected (a dry run stores nothing and does not "
          + "compare with what the database already holds)"
      }
      return "\(rows): \(inserted) imported, \(duplicates) already present, \(rejected) rejected"
    }
  }

  /// How far an import has come: sent every few thousand rows.
  struct ImportProgress {
    var fileIndex: Int
    var fileCount: Int
    var file: String
    var rows: Int
    /// Bytes of the file read so far and its size, for delimited text; `nil` for workbooks.
    var bytesRead: Int?
    var fileSize: Int?
  }

  /// Expands folders into the `.csv` files below them, sorted, so every run reads files in the same order.
  /// Registration-system exports (`registratie-*.csv`, read by `indicators --merge`) are not survey responses: a
  /// folder import skips them, so they can live in `Responses/` beside the exports.
  static func isRegistrationExport(_ path: String) -> Bool {
    URL(fileURLWithPath: path).lastPathComponent.lowercased().hasPrefix(registrationPrefix)
  }

  /// The file-name prefix of registration-system exports.
  static let registrationPrefix = "registratie-"

  static func csvFiles(in paths: [String]) throws -> [URL] {
    var files: [URL] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw CLIError.unreadableFile(path, reason: "no such file or folder")
      }
      if isDirectory.boolValue {
        let url = URL(fileURLWithPath: path)
        let enumerator = FileManager.default.enumerator(atPath: path)
        var found: [URL] = []
        while let name = enumerator?.nextObject() as? String {
          let lowered = name.lowercased()
          if isRegistrationExport(name) { continue }
          if [".csv", ".tsv", ".txt", ".xlsx"].contains(where: lowered.hasSuffix) {
            found.append(url.appendingPathComponent(name))
          }
        }
        files += found.sorted { $0.path < $1.path }
      } else {
        files.append(URL(fileURLWithPath: path))
      }
    }
    return files
  }

  /// How one file's rows become responses, decided from its header before any row is read.
  enum Plan {
    case exchange(ExchangeCSV.RowReader)
    case platform(ExportConversion)
  }

  /// A file whose header has been read: how its rows become responses, and what the report says about it.
  struct PreparedFile {
    var url: URL
    var name: String
    var format: String
    var plan: Plan
    var details: [String]
    /// Problems that make the whole file unreadable (exchange files with a bad header).
    var fileProblems: [Diagnostic]
  }

  /// The rollback of a `--strict` import that rejected rows: the reports of what was read.
  private struct StrictRollback: Error {
    var reports: [FileReport]
  }

  /// Checks every file's header first, then reads, converts and stores the rows of all files as one import run
  /// (none with `--dry-run`; none at all with `--strict` if any row is rejected).
  func run(_ files: [URL]) throws -> [FileReport] {
    let exchange = try ExchangeContext(database: database, catalog: catalog)
    let prepared = try files.map { try prepare($0, exchange: exchange) }
    if isDryRun {
      var session: ImportSession?
      return try prepared.enumerated().map { try read($1, index: $0, of: prepared.count, into: &session) }
    }
    do {
      return try database.importRun(isInterrupted: isInterrupted) { transaction in
        transaction.testDelayPerResponse = testDelayPerResponse
        var session: ImportSession? = transaction
        var reports: [FileReport] = []
        for (index, file) in prepared.enumerated() {
          let rejectedSoFar = reports.contains { $0.rejected > 0 || $0.errorCount > 0 }
          if isStrict && rejectedSoFar { session = nil }  // Nothing will be kept: only read on, for the report.
          reports.append(try read(file, index: index, of: prepared.count, into: &session))
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
        return report
      }
    }
  }

  /// Detects a file's layout and reads its header.
  func prepare(_ file: URL, exchange: ExchangeContext) throws -> PreparedFile {
    let name = file.relativePathForMessages
    let (detected, sample) = try Self.detectLayout(of: file, forced: layout)
    if detected.platform != .tevreden {
      let (conversion, details) = try platformConversion(for: file, layout: detected, sample: sample)
      return PreparedFile(
        url: file, name: name, format: detected.platform.rawValue, plan: .platform(conversion), details: details,
        fileProblems: [])
    }
    var reader = try Self.open(file)
    let header: TableRecord?
    do {
      header = try reader.next()
    } catch {
      throw CLIError.unreadableExport(error.localizedDescription)
    }
    guard let header else {
      return PreparedFile(
        url: file, name: name, format: ExchangeCSV.formatName,
        plan: .exchange(exchange.rowReader(header: [], line: 1, file: name)),
        details: [], fileProblems: [Diagnostic(.error, at: .init(file: name), "the file is empty")])
    }
    let rows = exchange.rowReader(header: header.fields, line: header.line, file: name)
    return PreparedFile(
      url: file, name: name, format: ExchangeCSV.formatName, plan: .exchange(rows), details: [],
      fileProblems: rows.fileProblems)
  }

  /// What reading exchange files needs from the database and the questionnaire folder, looked up once per run.
  struct ExchangeContext {
    var knownItems: Set<String>
    var gemeenten: [String]
    var definition: (Questionnaire.ID, Int) -> LoadedQuestionnaire?

    init(database: TevredenDatabase, catalog: Catalog) throws {
      let snapshots = try database.snapshots()
      knownItems = Set(
        (catalog.questionnaires.map(\.questionnaire) + snapshots.map(\.definition.questionnaire))
          .flatMap { $0.questions.map(\.id.rawValue) })
      gemeenten = catalog.indicators?.gemeenten ?? []
      definition = { id, version in
        let stored = snapshots.filter {
          $0.definition.questionnaire.id == id && $0.definition.questionnaire.version == version
        }
        let current = catalog.questionnaire(id).flatMap { $0.questionnaire.version == version ? $0 : nil }
        // A response keeps the definition it was collected with: prefer what the database already holds.
        if let current, stored.contains(where: { $0.definition.sha256 == current.sha256 }) { return current }
        return stored.last?.definition ?? current
      }
    }

    func rowReader(header: [String], line: Int, file: String) -> ExchangeCSV.RowReader {
      ExchangeCSV.RowReader(
        header: header, line: line, file: file, gemeenten: gemeenten, definition: definition, knownItems: knownItems)
    }
  }

  /// Opens a file for its rows; exchange files are UTF-8 CSV with commas, as tevreden writes them.
  static func open(_ file: URL) throws -> TableFileReader {
    // An exchange file opened in a spreadsheet and saved again may come back with semicolons (Dutch Excel) and in
    // Windows-1252: its encoding and delimiter are detected like any export's.
    let options = TableReadOptions()
    do {
      return try TableFileReader(contentsOf: file, options: options, name: file.relativePathForMessages)
    } catch {
      throw CLIError.unreadableExport(error.localizedDescription)
    }
  }

  /// What the reading thread hands to the storing one, in the order of the file.
  enum ReadEvent: Sendable {
    /// A row converted into a response (made ready for storing unless nothing will be stored), and the kinds of
    /// personal data masked in its open answers.
    case row(line: Int, PreparedResponse?, masked: [PersonalDataKind])
    /// A rejected row; `nil` when the whole file was rejected and its problems are already reported.
    case rejected(Diagnostic?)
    /// Rows read so far, and bytes of the file read, for the progress bar.
    case progress(rows: Int, bytesRead: Int?)
    /// The file cannot be read on (a malformed record): the import stops.
    case failed(CLIError)
  }

  /// Reads a file's rows, storing each valid one through `session` (when there is one) as soon as it is read.
  ///
  /// Rows are read and converted on a thread of their own, a few hundred ahead at most, while this thread stores
  /// them: the database is only ever used on this thread.
  func read(_ file: PreparedFile, index: Int, of count: Int, into session: inout ImportSession?) throws -> FileReport {
    var report = FileReport(file: file.name, details: file.details)
    report.isDryRun = isDryRun
    for problem in file.fileProblems { onDiagnostic(problem) }
    report.errorCount = file.fileProblems.count
    let isExchange: Bool
    if case .exchange = file.plan { isExchange = true } else { isExchange = false }
    let reader = try Self.open(file.url)
    let fileSize = (try? FileManager.default.attributesOfItem(atPath: file.url.path)[.size] as? Int) ?? nil
    var maskedCounts: [PersonalDataKind: Int] = [:]
    var rejectedByStore = 0
    // The file's hash, for the import batch, is computed on a thread of its own while the rows are read and
    // stored, and recorded when the batch ends.
    var hashing: BackgroundValue<String?>?
    if session != nil {
      let url = file.url
      hashing = BackgroundValue { try? SHA256.hex(ofFileAt: url) }
      try session?.beginBatch(
        ImportSource(name: file.url.lastPathComponent, sha256: "", format: file.format, importedAt: Date()))
    }
    defer { _ = hashing?.wait() }
    func reject(_ diagnostic: Diagnostic) {
      report.rejected += 1
      report.errorCount += 1
      onDiagnostic(diagnostic)
    }
    let channel = BatchChannel<ReadEvent>()
    let work = HandedOver(value: (reader: reader, plan: file.plan))
    let name = file.name
    let isRejectedWhole = !file.fileProblems.isEmpty
    let prepares = session != nil
    let producer = ProducerThread {
      var reader = work.value.reader
      Self.produce(
        from: &reader, plan: work.value.plan, file: name, isRejectedWhole: isRejectedWhole, prepares: prepares,
        into: channel)
    }
    defer {
      channel.cancel()
      producer.join()
    }
    while let batch = channel.receive() {
      defer { channel.giveBack(batch) }
      if session != nil, isInterrupted() { throw ImportInterrupted() }
      for index in batch.indices {
        switch batch[index] {
        case .progress(let rows, let bytesRead):
          onProgress(
            ImportProgress(
              fileIndex: index, fileCount: count, file: file.name, rows: rows, bytesRead: bytesRead,
              fileSize: fileSize))
        case .failed(let error):
          throw error
        case .rejected(let diagnostic?):
          report.rowCount += 1
          reject(diagnostic)
        case .rejected(nil):
          report.rowCount += 1
          report.rejected += 1
        case .row(let line, let prepared, let masked):
          report.rowCount += 1
          for kind in masked { maskedCounts[kind, default: 0] += 1 }
          guard let prepared, session != nil else { continue }
          let disposition = try session?.add(prepared, rejectingRepeats: isExchange)
          let refusal: String
          switch disposition {
          case .inserted?:
            report.inserted += 1
            continue
          case .duplicate?:
            report.duplicates += 1
            continue
          case nil: continue
          case .repeated?: refusal = "was already used on an earlier line of this file; row skipped"
          case .conflict?:
            refusal = "is already stored with different answers; the stored response was kept; row skipped"
          case .keyCollision?:
            refusal =
              "has the same key hash as another stored response, an extremely unlikely coincidence; row skipped; please report this to tevreden's maintainers"
          }
          rejectedByStore += 1
          reject(Diagnostic(.error, at: .init(file: file.name, line: line), "response_id '\(prepared.id)' \(refusal)"))
        }
      }
    }
    if let hashing {
      guard let sha256 = hashing.wait() else {
        throw CLIError.unreadableFile(file.name, reason: "cannot read the file")
      }
      try session?.endBatch(rejectedWhileReading: report.rejected - rejectedByStore, sha256: sha256)
    }
    if !maskedCounts.isEmpty {
      report.details.append(
        "  masked in open answers: "
          + maskedCounts.sorted { $0.key < $1.key }.map {
            "\($0.key.label) in \($0.value) answer\($0.value == 1 ? "" : "s")"
          }
          .joined(separator: ", "))
    }
    return report
  }

  /// Reads and converts a file's rows into `channel`, in batches, until the file ends, a record is malformed or
  /// the consumer cancels; with `prepares`, makes each response ready for storing too. Runs on the reading thread.
  static func produce(
    from reader: inout TableFileReader, plan: Plan, file: String, isRejectedWhole: Bool, prepares: Bool,
    into channel: BatchChannel<ReadEvent>
  ) {
    defer { channel.finish() }
    // The row readers are kept in optionals and changed in place: copying one out of an enum per row would copy
    // its caches every time.
    var exchangeRows: ExchangeCSV.RowReader?
    var conversion: ExportConversion?
    let headerRows: Int
    switch plan {
    case .exchange(let rows):
      exchangeRows = rows
      // When rows are stored, the database finds an id used twice in the file, and the reader need not remember
      // every id (a dry run, storing nothing, still does).
      exchangeRows?.remembersIDs = !prepares
      headerRows = 1
    case .platform(let platform):
      conversion = platform
      headerRows = platform.layout.headerRowCount
    }
    let platformDefinition = conversion?.definition
    let batchSize = 256
    var batch: [ReadEvent] = []
    batch.reserveCapacity(batchSize + 1)
    var rows = 0
    var preparer = ResponsePreparer()
    do {
      for _ in 0..<headerRows { _ = try reader.next() }
      while let record = try reader.next() {
        rows += 1
        if rows % 1024 == 0 { batch.append(.progress(rows: rows, bytesRead: reader.bytesRead)) }
        if isRejectedWhole {
          batch.append(.rejected(nil))
        } else if exchangeRows != nil {
          switch exchangeRows?.read(record.fields, line: record.line) {
          case .success(let read)?:
            let prepared = prepares ? preparer.prepare(read.response, definition: read.definition) : nil
            batch.append(
              .row(
                line: read.line, prepared,
                masked: prepared?.masked ?? read.response.identifierKindsInText(using: .standard)))
          case .failure(let rejection)?: batch.append(.rejected(rejection.diagnostic(file: file)))
          case nil: break
          }
        } else if let platformDefinition {
          switch conversion?.convert(record.fields, line: record.line) {
          case .success(let converted)?:
            let prepared =
              prepares
              ? preparer.prepare(
                converted.response, definition: platformDefinition, numbersRepeats: converted.idIsRowHash) : nil
            batch.append(
              .row(
                line: record.line, prepared,
                masked: converted.masked
                  + (prepared?.masked ?? converted.response.identifierKindsInText(using: .standard))))
          case .failure(let rejection)?:
            batch.append(
              .rejected(
                ExchangeCSV.Rejection(line: rejection.line, problems: rejection.problems).diagnostic(file: file)))
          case nil: break
          }
        }
        if batch.count >= batchSize {
          guard channel.send(batch) else { return }
          batch = []
          batch.reserveCapacity(batchSize + 1)
        }
      }
    } catch {
      batch.append(.failed(CLIError.unreadableExport(error.localizedDescription)))
    }
    if !batch.isEmpty { _ = channel.send(batch) }
  }
}

extension ImportRunner {
  /// A platform export must match at least this many items of its questionnaire.
  static let minimumMappedItems = 3

  /// The layout of a file, from its first records, and a sample of its first data rows, by which personal-data
  /// columns are judged (``ExportSample``). A malformed record among those sampled ends the sample: reading the
  /// rows reports it, with its line.
  static func detectLayout(of file: URL, forced: SurveyPlatform?) throws -> (ExportLayout, ExportSample) {
    let name = file.relativePathForMessages
    var reader: TableFileReader
    let layout: ExportLayout
    var records: [[String]]
    do {
      reader = try TableFileReader(contentsOf: file, name: name)
      records = try reader.nextRecords(4).map(\.fields)
      layout = ExportLayout.detect(records, forced: forced)
    } catch {
      throw CLIError.unreadableExport(error.localizedDescription)
    }
    let wanted = layout.headerRowCount + ExportSample.rowLimit
    while records.count < wanted, let record = try? reader.next() { records.append(record.fields) }
    return (layout, ExportSample(rows: records.dropFirst(layout.headerRowCount)))
  }

  /// The conversion of a platform export's rows: the questionnaire named by `--questionnaire`, or the one whose
  /// items its columns match best, and the lines that report the mapping.
  func platformConversion(for file: URL, layout: ExportLayout, sample: ExportSample = .empty) throws -> (
    ExportConversion, [String]
  ) {
    let name = file.relativePathForMessages
    var conversion: ExportConversion
    var chosenBy = "--questionnaire"
    let make = { (definition: LoadedQuestionnaire) in
      ExportConversion(
        layout: layout, definition: definition, explicitMapping: mapping?.columns ?? [:],
        explicitOptions: mapping?.options ?? [:], sample: sample, gemeente: gemeente,
        gemeenten: catalog.indicators?.gemeenten ?? [], completedOn: completedOn)
    }
    if let questionnaire {
      guard let definition = catalog.questionnaire(questionnaire) else {
        throw CLIError.unreadableFile(
          name, reason: "questionnaire '\(questionnaire)' is not in the questionnaire folder")
      }
      conversion = make(definition)
      // A mapping file says which columns to read: then a few are what the user chose, not a wrong questionnaire.
      guard conversion.mappedItemCount >= Self.minimumMappedItems || mapping != nil else {
        let count = conversion.mappedItemCount
        throw CLIError.unreadableFile(
          name,
          reason:
            "only \(count) item\(count == 1 ? "" : "s") of \(questionnaire) \(count == 1 ? "has" : "have") a column in this file; is it the right questionnaire? (see the columns with --inspect, or map them with --mapping)"
        )
      }
    } else {
      // The questionnaire whose items the columns match best, if that is clear.
      let ranked = catalog.questionnaires.map(make).sorted { $0.mappedItemCount > $1.mappedItemCount }
      guard let best = ranked.first, best.mappedItemCount >= Self.minimumMappedItems,
        ranked.count < 2 || best.mappedItemCount > ranked[1].mappedItemCount
      else {
        throw CLIError.unreadableFile(
          name,
          reason:
            "this is a \(layout.platform.displayName) export, and its columns do not show which questionnaire it answers; name it with --questionnaire (for example --questionnaire inwoners-melding)"
        )
      }
      conversion = best
      chosenBy = "chosen because its items match the most columns"
    }
    let details =
      ["  questionnaire: \(conversion.definition.questionnaire.id) (\(chosenBy))"] + Self.describe(conversion)
    return (conversion, details)
  }

  /// The mapping report of a platform export: layout, items found, columns dropped and ignored.
  static func describe(_ conversion: ExportConversion) -> [String] {
    let layout = conversion.layout
    var lines = [
      "  layout: \(layout.platform.displayName), \(layout.headerRowCount) header row\(layout.headerRowCount == 1 ? "" : "s")"
    ]
    let mapped = conversion.itemColumns.sorted { $0.key < $1.key }
    lines.append(
      "  items: \(conversion.mappedItemCount) of \(conversion.definition.questionnaire.questions.count) mapped")
    for (index, item) in mapped { lines.append("    \(layout.name(of: index)) → \(item)") }
    let missing = conversion.definition.questionnaire.questions.map(\.id).filter {
      !conversion.itemColumns.values.contains($0)
    }
    if !missing.isEmpty { lines.append("  items without a column: " + missing.map(\.rawValue).joined(separator: ", ")) }
    if !conversion.droppedColumns.isEmpty {
      lines.append(
        "  personal data dropped (never stored): "
          + conversion.droppedColumns.map { "\(layout.name(of: $0.index)) (\($0.reportedKind))" }
          .joined(separator: ", "))
    }
    lines += conversion.personalDataDecisions.compactMap { $0.reportLine(name: layout.name(of: $0.index)) }
    if !conversion.unmappedColumns.isEmpty {
      lines.append(
        "  columns not imported (no matching item; map them with --mapping): "
          + conversion.unmappedColumns.map { layout.name(of: $0) }.joined(separator: ", "))
    }
    return lines
  }
}
