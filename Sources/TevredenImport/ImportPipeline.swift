import Foundation
import TevredenCore
import TevredenTables

/// A response made ready for a sink on the reading thread (for tevreden's store: its row and answers' JSON).
public protocol PreparedRow: Sendable {
  /// The response's id, for messages.
  var id: Response.ID { get }
  /// The kinds of identifiers masked in its open answers (each once per occurrence).
  var masked: [PersonalDataKind] { get }
}

/// Makes responses ready for a sink. Runs on the reading thread, so that the sink's thread only stores.
public protocol RowPreparer: Sendable {
  associatedtype Row: PreparedRow
  /// The response made ready; `numbersRepeats` for an id that is a hash of the row, whose repeats in one file the
  /// sink numbers.
  mutating func prepare(_ response: Response, definition: LoadedQuestionnaire, numbersRepeats: Bool) -> Row
  /// The same for a response whose answers are by position, as a platform's rows are converted: a preparer that
  /// can write them so saves hashing each item id.
  mutating func prepare(_ response: PositionalResponse, definition: LoadedQuestionnaire, numbersRepeats: Bool) -> Row
}

extension RowPreparer {
  public mutating func prepare(_ response: PositionalResponse, definition: LoadedQuestionnaire, numbersRepeats: Bool)
    -> Row
  {
    prepare(response.response, definition: definition, numbersRepeats: numbersRepeats)
  }
}

/// What became of a response handed to a sink.
public enum SinkDisposition: Sendable, Equatable {
  /// Stored.
  case inserted
  /// Already stored with the same answers, or stored further along (a partial response from an older export).
  case duplicate
  /// Stored as partial before, and brought further now (completed, mostly): the stored response was updated.
  case updated
  /// Its id was used on an earlier line of the same file (exchange files).
  case repeated
  /// Already stored with different answers; the stored one kept.
  case conflict
  /// Another response has the same key hash.
  case keyCollision
}

/// Where an import's responses go: tevreden's database, wired up by the command line; a test's array.
///
/// The pipeline calls it on the thread that runs the import, in the order of the file: ``beginFile(name:format:)``,
/// ``add(_:rejectingRepeats:)`` per valid row, ``endFile(rejectedWhileReading:sha256:)``.
public protocol ImportSink {
  associatedtype Preparer: RowPreparer
  /// A preparer for one file's rows, handed to the reading thread; `definition`, the file's questionnaire when it
  /// has one (a platform's export; an exchange file may hold several).
  func makePreparer(definition: LoadedQuestionnaire?) throws -> Preparer
  func beginFile(name: String, format: String) throws
  /// Stores one response; `rejectingRepeats` for files whose ids must be unique within the file.
  func add(_ row: Preparer.Row, rejectingRepeats: Bool) throws -> SinkDisposition
  /// Ends the file: the rows rejected before they reached the sink, and the file's SHA-256.
  func endFile(rejectedWhileReading: Int, sha256: String) throws
}

/// What happened to one file.
public struct FileReport: Sendable {
  public var file: String
  public var rowCount = 0
  public var inserted = 0
  public var duplicates = 0
  /// Responses stored as partial before that this file brings further (completed, mostly): updated in place.
  public var updated = 0
  public var rejected = 0
  /// Rejected rows and file-level problems (also sent to the pipeline's `onDiagnostic` as they are found).
  public var errorCount = 0
  /// For platform exports: the layout, the mapping and what was dropped or masked, as lines for the report.
  public var details: [String] = []

  /// Whether nothing was stored (`--dry-run`): then the summary says what an import would read in.
  public var isDryRun = false
  /// Why the file was left out of the import, when it holds no responses (a repeat-group table).
  public var skippedBecause: String?

  public init(file: String, details: [String] = []) {
    self.file = file
    self.details = details
  }

  /// "Responses/2025/x.csv: 120 rows: 118 imported, 2 already present, 0 rejected", with "1 updated (was
  /// partial)" after the imported ones when there are such; for a dry run "…: 120 rows: 118 readable, 2 rejected
  /// (not compared with the database)".
  public var summary: String {
    if let skippedBecause { return "\(file): not imported: \(skippedBecause)" }
    let rows = "\(file): \(rowCount) row\(rowCount == 1 ? "" : "s")"
    if isDryRun {
      return "\(rows): \(rowCount - rejected) readable, \(rejected) rejected (a dry run stores nothing and does not "
        + "compare with what the database already holds)"
    }
    let updatedClause = updated == 0 ? "" : ", \(updated) updated (was partial)"
    return "\(rows): \(inserted) imported\(updatedClause), \(duplicates) already present, \(rejected) rejected"
  }
}

/// How far an import has come: sent every few thousand rows.
public struct ImportProgress: Sendable {
  public var fileIndex: Int
  public var fileCount: Int
  public var file: String
  public var rows: Int
  /// Bytes of the file read so far and its size, for delimited text; `nil` for workbooks.
  public var bytesRead: Int?
  public var fileSize: Int?

  public init(fileIndex: Int, fileCount: Int, file: String, rows: Int, bytesRead: Int?, fileSize: Int?) {
    self.fileIndex = fileIndex
    self.fileCount = fileCount
    self.file = file
    self.rows = rows
    self.bytesRead = bytesRead
    self.fileSize = fileSize
  }
}

/// Reads planned files and hands their responses to a sink.
///
/// Files stream: rows are read and converted (and made ready for the sink) on a thread of their own, a few hundred
/// ahead at most, while the calling thread hands them to the sink; memory stays flat whatever the size.
public struct ImportPipeline {
  /// Receives each rejected row's error as soon as it is found (so a file with many bad rows needs no memory
  /// for them).
  public var onDiagnostic: (Diagnostic) -> Void = { _ in }
  /// Receives progress now and then while rows are read.
  public var onProgress: (ImportProgress) -> Void = { _ in }
  /// Tells whether the user interrupted the import: the pipeline then throws `interruption`.
  public var isInterrupted: @Sendable () -> Bool = { false }
  /// What to throw when interrupted.
  public var interruption: @Sendable () -> any Error = { CancellationError() }
  /// The reading thread leaves a batch of platform rows for the storing thread to make ready while fewer batches
  /// than this wait to be stored (``handsOverWhen``); tests set 0 (never) or `Int.max` (always).
  public var handsOverBelow = ImportPipeline.handsOverWhen

  public init() {}

  /// What the reading thread hands to the storing one, in the order of the file.
  @usableFromInline
  enum ReadEvent<Row: PreparedRow>: Sendable {
    /// A row converted into a response (made ready for the sink unless there is none), and the kinds of
    /// personal data masked in its open answers.
    case row(line: Int, Row?, masked: [PersonalDataKind])
    /// A converted platform row left for the storing thread to make ready (see ``ImportPipeline/handsOverWhen``).
    case converted(line: Int, ExportConversion.Row)
    /// A rejected row; `nil` when the whole file was rejected and its problems are already reported.
    case rejected(Diagnostic?)
    /// Rows read so far, and bytes of the file read, for the progress bar.
    case progress(rows: Int, bytesRead: Int?)
    /// The file cannot be read on (a malformed record): the import stops.
    case failed(ImportError)
    /// Something to tell about a row that is stored all the same (a warning).
    case warning(Diagnostic)
  }

  // Inlinable so that the command line's module compiles it for its own sink: unspecialized, the storing thread
  // looked up the generic type of every event it took from the channel.
  /// Reads a file's rows, handing each valid one to `sink` (when there is one; without, it only reads and
  /// checks, as `--dry-run` does) as soon as it is read.
  ///
  /// - Parameters:
  ///   - index: The file's place among the run's files, and `count` their number, for progress.
  @inlinable
  public func read<Sink: ImportSink>(_ file: PlannedFile, index: Int, of count: Int, into sink: Sink?) throws
    -> FileReport
  {
    var report = FileReport(file: file.name, details: file.details)
    report.isDryRun = sink == nil
    if case .skipped(let reason) = file.conversion {
      report.skippedBecause = reason
      return report
    }
    for problem in file.fileProblems { onDiagnostic(problem) }
    report.errorCount = file.fileProblems.count
    let reader = try ImportPlanner.open(file.url)
    let fileSize = (try? FileManager.default.attributesOfItem(atPath: file.url.path)[.size] as? Int) ?? nil
    var maskedCounts: [PersonalDataKind: Int] = [:]
    var rejectedBySink = 0
    // The file's hash, for the import batch, is computed on a thread of its own while the rows are read and
    // stored, and recorded when the file ends.
    var hashing: BackgroundValue<String?>?
    if let sink {
      let url = file.url
      hashing = BackgroundValue { try? SHA256.hex(ofFileAt: url) }
      try sink.beginFile(name: file.url.lastPathComponent, format: file.format)
    }
    defer { _ = hashing?.wait() }
    func reject(_ diagnostic: Diagnostic) {
      report.rejected += 1
      report.errorCount += 1
      onDiagnostic(diagnostic)
    }
    // A row made ready for the sink, stored; the kinds of identifiers masked in it counted for the report.
    func store(_ prepared: Sink.Preparer.Row?, line: Int, masked: [PersonalDataKind]) throws {
      report.rowCount += 1
      for kind in masked { maskedCounts[kind, default: 0] += 1 }
      guard let prepared, let sink else { return }
      let refusal: String
      switch try sink.add(prepared, rejectingRepeats: file.isExchange) {
      case .inserted:
        report.inserted += 1
        return
      case .duplicate:
        report.duplicates += 1
        return
      case .updated:
        report.updated += 1
        return
      case .repeated: refusal = "was already used on an earlier line of this file; row skipped"
      case .conflict:
        refusal = "is already stored with different answers; the stored response was kept; row skipped"
      case .keyCollision:
        refusal =
          "has the same key hash as another stored response, an extremely unlikely coincidence; row skipped; please report this to tevreden's maintainers"
      }
      rejectedBySink += 1
      reject(Diagnostic(.error, at: .init(file: file.name, line: line), "response_id '\(prepared.id)' \(refusal)"))
    }
    // Reading runs up to 32 batches ahead of storing, so that it goes on while the storing thread waits for the
    // disk (a checkpoint's `fdatasync`), but never more than 2 MB of the file, so that a file with long remarks
    // holds no more rows in memory than narrow ones do (measured: Benchmarks/README.md, "Reading further ahead").
    let channel = BatchChannel<ReadEvent<Sink.Preparer.Row>>(capacity: Self.channelCapacity, byteBudget: 2 << 20)
    var fileDefinition: LoadedQuestionnaire?
    if case .platform(let platform) = file.conversion { fileDefinition = platform.definition }
    // The storing thread's own preparer, for the rows the reading thread leaves to it: its own, so that the two
    // threads never count references to the same prepared definition.
    var storingPreparer = try sink?.makePreparer(definition: fileDefinition)
    let work = HandedOver(
      value: (reader: reader, conversion: file.conversion, preparer: try sink?.makePreparer(definition: fileDefinition))
    )
    let name = file.name
    let isRejectedWhole = !file.fileProblems.isEmpty
    let handsOverBelow = handsOverBelow
    let producer = ProducerThread {
      var reader = work.value.reader
      var preparer = work.value.preparer
      Self.produce(
        from: &reader, conversion: work.value.conversion, file: name, isRejectedWhole: isRejectedWhole,
        preparer: &preparer, handsOverBelow: handsOverBelow, into: channel)
    }
    defer {
      channel.cancel()
      producer.join()
    }
    // The batches, with the file's definition as a parameter, bound once: taken out of the optional per row (with
    // `flatMap`), it was copied, all its parts retained and released, for every row this thread made ready.
    func storeBatches(definition fileDefinition: LoadedQuestionnaire?) throws {
      while let batch = channel.receive() {
        defer { channel.giveBack(batch) }
        if sink != nil, isInterrupted() { throw interruption() }
        for event in batch {
          switch event {
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
          case .warning(let diagnostic):
            onDiagnostic(diagnostic)
          case .row(let line, let prepared, let masked):
            try store(prepared, line: line, masked: masked)
          case .converted(let line, let converted):
            // Only a platform file's rows are left to this thread, and only when there is a sink: the definition and
            // the preparer are there. Without them the row is still counted, as a dry run counts it.
            var prepared: Sink.Preparer.Row?
            if let definition = fileDefinition {
              prepared = storingPreparer?.prepare(
                converted.positional, definition: definition, numbersRepeats: converted.idIsRowHash)
            }
            let inText = prepared?.masked ?? converted.positional.identifierKindsInText(using: .standard)
            try store(prepared, line: line, masked: Self.masked(converted, inText: inText))
          }
        }
      }
    }
    try storeBatches(definition: fileDefinition)
    if let hashing, let sink {
      guard let sha256 = hashing.wait() else {
        throw ImportError.unreadableFile(file.name, reason: "cannot read the file")
      }
      try sink.endFile(rejectedWhileReading: report.rejected - rejectedBySink, sha256: sha256)
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
  /// the consumer cancels; with a `preparer`, makes each response ready for the sink too. Runs on the reading
  /// thread.
  /// The warning for rows answered in a language the definition has no texts for: they are stored with it (the
  /// platform had a version in that language), and `score --by taal` shows it; their labels were read in the
  /// languages the definition has.
  @usableFromInline
  static func strangeLanguage(_ language: LanguageCode, _ questionnaire: Questionnaire) -> String {
    let known = ([questionnaire.sourceLanguage] + questionnaire.translations.map(\.language)).map(\.rawValue)
    return "language '\(language.rawValue)': \(questionnaire.id) has no texts in it (it has "
      + known.joined(separator: ", ")
      + "); its responses are stored with this language and their answers read with the labels of those; add a "
      + "translations: block for it to the definition to have its labels read too"
  }

  /// What was masked in a converted row: by the conversion (an id that was an identifier) and in its open answers
  /// (`inText`), for the report, whichever thread made the row ready.
  @usableFromInline
  static func masked(_ converted: ExportConversion.Row, inText: [PersonalDataKind]) -> [PersonalDataKind] {
    converted.masked.isEmpty ? inText : converted.masked + inText
  }

  /// How many batches the channel holds at most.
  @usableFromInline
  static let channelCapacity = 32
  /// The reading thread leaves its next batch's rows for the storing thread to make ready (to mask their open
  /// answers and write the stored record) while fewer batches than this wait to be stored: then storing keeps up
  /// with reading and has time to spare, and the work is shared between the two cores. Once more wait, the
  /// storing thread is the slower one and the reading thread makes its rows ready itself again.
  public static let handsOverWhen = channelCapacity / 4

  @inlinable
  static func produce<Preparer: RowPreparer>(
    from reader: inout TableFileReader, conversion plan: PlannedFile.Conversion, file: String,
    isRejectedWhole: Bool, preparer: inout Preparer?, handsOverBelow: Int = handsOverWhen,
    into channel: BatchChannel<ReadEvent<Preparer.Row>>
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
      exchangeRows?.remembersIDs = preparer == nil
      headerRows = 1
    case .platform(let platform):
      conversion = platform
      headerRows = platform.layout.headerRowCount
    case .skipped:
      return
    }
    let batchSize = 256
    // A batch weighs the bytes of the file it was read from (the channel holds at most so many), or a kilobyte a
    // row where the reader cannot tell (a workbook).
    var weighedUpTo = 0
    func weigh() -> Int {
      guard let read = reader.bytesRead else { return batch.count * 1024 }
      defer { weighedUpTo = read }
      return read - weighedUpTo
    }
    var batch: [ReadEvent<Preparer.Row>] = []
    batch.reserveCapacity(batchSize + 1)
    var rows = 0
    // Languages a row was answered in that its definition has no texts for, each told once per file.
    var strangeLanguages = Set<LanguageCode>()
    // Takes the language rather than the response: a platform row's response keyed by item id would be built for it.
    func checkLanguage(_ language: LanguageCode, in definition: LoadedQuestionnaire, line: Int) {
      // The definition's properties are read in place: a copy of the questionnaire retains all its parts.
      guard language != definition.questionnaire.sourceLanguage,
        !definition.questionnaire.translations.contains(where: { $0.language == language }),
        strangeLanguages.insert(language).inserted
      else { return }
      batch.append(
        .warning(
          Diagnostic(
            .warning, at: .init(file: file, line: line), Self.strangeLanguage(language, definition.questionnaire))))
    }
    // Whether the rows of the batch being filled are left for the storing thread to make ready: decided when a
    // batch begins, from how far the storing thread is behind.
    var handsOver = preparer != nil && handsOverBelow > 0
    // A converted platform row, made ready for the sink (or left for it).
    func add(_ converted: ExportConversion.Row, line: Int, definition: LoadedQuestionnaire) {
      checkLanguage(converted.positional.metadata.language, in: definition, line: line)
      if handsOver {
        batch.append(.converted(line: line, converted))
        return
      }
      let prepared = preparer?.prepare(
        converted.positional, definition: definition, numbersRepeats: converted.idIsRowHash)
      // What a dry run would mask is found in the answers by position: keying them by item id costs more than the
      // rest of the row's conversion.
      let inText = prepared?.masked ?? converted.positional.identifierKindsInText(using: .standard)
      batch.append(
        .row(line: line, prepared, masked: Self.masked(converted, inText: inText)))
    }
    // The rows, with the file's definition as a parameter, bound once: bound per row out of an optional, or read
    // from a reference at each call of the preparer, it was copied (all its parts retained and released) per row.
    // `false` when the consumer cancelled.
    // A platform's rows, converted from the reader's bytes without a text per cell; the conversion and its
    // definition bound once, not taken out of their optionals per row.
    func readPlatformRows(_ conversion: inout ExportConversion, definition: LoadedQuestionnaire) throws -> Bool {
      var line = 0
      // Taken out before the next row is converted: a row still held here would share its answers' storage with
      // the conversion, which would then copy it.
      var converted: Result<ExportConversion.Row, ExportConversion.Rejection>?
      while try reader.withNextRecord({ view in
        line = view.line
        converted = conversion.convert(view, line: view.line)
      }) {
        rows += 1
        if rows % 1024 == 0 { batch.append(.progress(rows: rows, bytesRead: reader.bytesRead)) }
        switch converted.take() {
        case .success(let converted)?:
          add(converted, line: line, definition: definition)
        case .failure(let rejection)?:
          batch.append(
            .rejected(ExchangeCSV.Rejection(line: rejection.line, problems: rejection.problems).diagnostic(file: file)))
        case nil: break
        }
        if batch.count >= batchSize { guard sendFull() else { return false } }
      }
      return true
    }
    func readRows(platformDefinition: LoadedQuestionnaire?) throws -> Bool {
      if !isRejectedWhole, exchangeRows == nil, let definition = platformDefinition, var platform = conversion {
        conversion = nil
        return try readPlatformRows(&platform, definition: definition)
      }
      while let record = try reader.next() {
        rows += 1
        if rows % 1024 == 0 { batch.append(.progress(rows: rows, bytesRead: reader.bytesRead)) }
        if isRejectedWhole {
          batch.append(.rejected(nil))
        } else if exchangeRows != nil {
          switch exchangeRows?.read(record.fields, line: record.line) {
          case .success(let read)?:
            checkLanguage(read.response.language, in: read.definition, line: read.line)
            let prepared = preparer?.prepare(read.response, definition: read.definition, numbersRepeats: false)
            batch.append(
              .row(
                line: read.line, prepared,
                masked: prepared?.masked ?? read.response.identifierKindsInText(using: .standard)))
          case .failure(let rejection)?: batch.append(.rejected(rejection.diagnostic(file: file)))
          case nil: break
          }
        }
        if batch.count >= batchSize { guard sendFull() else { return false } }
      }
      return true
    }
    // Sends a full batch; `false` when the consumer cancelled.
    func sendFull() -> Bool {
      guard channel.send(batch, weight: weigh()) else { return false }
      batch = []
      batch.reserveCapacity(batchSize + 1)
      handsOver = preparer != nil && channel.waitingCount < handsOverBelow
      return true
    }
    do {
      for _ in 0..<headerRows { _ = try reader.next() }
      guard try readRows(platformDefinition: conversion?.definition) else { return }
    } catch {
      batch.append(.failed(.unreadableExport(error.localizedDescription)))
    }
    if !batch.isEmpty { _ = channel.send(batch, weight: weigh()) }
  }
}
