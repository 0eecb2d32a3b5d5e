import ArgumentParser
import Foundation
import TevredenCore
import TevredenImport
import TevredenStore

extension TevredenCommand {
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Import responses: tevreden exchange CSV, or exports from online survey platforms.",
      discussion: """
        Reads files or folders (every .csv, .tsv, .txt and .xlsx below them). The layout is detected: tevreden's \
        own format, Qualtrics, SurveyMonkey, Google Forms, Microsoft Forms, LimeSurvey, Typeform, KoboToolbox, \
        ODK, or a table with one header row; --inspect shows what was found. A platform export's columns are matched to items through \
        the aliases in the definitions (or --mapping); its questionnaire is the one whose items match the most \
        columns, unless --questionnaire names it. \
        Columns with personal data (names, e-mail, IP addresses, locations, phone numbers) are never stored, and \
        BSN numbers, e-mail addresses and phone numbers in open answers are masked.

        The valid rows of all files count together or not at all: they are stored in short steps, so that \
        interviews taken meanwhile are never held up, and count only once the last step is done; an import that \
        fails or is interrupted leaves nothing. Every rejected row is reported with its line and reason. \
        Importing the same file again, or a later export that contains the earlier rows, adds nothing twice.

        Every file becomes an import batch; 'tevreden imports' lists them, and --undo BATCH takes one back.
        """)

    @Argument(
      help: ArgumentHelp("Files or folders to import.", valueName: "file or folder"),
      completion: .file(extensions: ["csv", "tsv", "txt", "xlsx"]))
    var paths: [String] = []

    @Option(
      help: ArgumentHelp(
        "Take back import batch BATCH (see 'tevreden imports'): remove the responses it stored.", valueName: "batch"))
    var undo: Int64?

    @Option(
      help: "For platform exports: the questionnaire the file answers, such as inwoners-melding.",
      completion: .custom(questionnaireCompletions))
    var questionnaire: String?

    @Option(help: "For platform exports without a gemeente column: the municipality of every response.")
    var gemeente: String?

    @Option(
      name: .customLong("completed-on"),
      help: ArgumentHelp(
        "For platform exports without dates (or LimeSurvey's without date stamps): the day every response without a date was completed.",
        valueName: "yyyy-MM-dd"))
    var completedOn: String?

    @Option(
      help:
        "Use this layout instead of detecting it.")
    var layout: SurveyPlatform?

    @Option(
      help: "A YAML file mapping column headers to item ids and metadata roles, and recoding values (see the README).")
    var mapping: String?

    @Flag(help: "Read and check everything, store nothing.")
    var dryRun = false

    @Flag(help: "Store nothing if any row is rejected.")
    var strict = false

    @Flag(help: "Show what was found in each file (layout, encoding, columns, types, responses) without importing.")
    var inspect = false

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var definitions: QuestionnaireOptions

    func validate() throws {
      if undo != nil {
        guard paths.isEmpty, !inspect, !dryRun, questionnaire == nil, mapping == nil else {
          throw ValidationError(
            "--undo BATCH takes nothing else: run it on its own, such as 'tevreden import --undo 3'")
        }
      } else if let completedOn, LocalDate(completedOn) == nil {
        throw ValidationError("--completed-on '\(completedOn)' is not a day: use yyyy-MM-dd, such as 2026-03-14")
      } else if paths.isEmpty {
        throw ValidationError(
          "name the files or folders to import, such as 'tevreden import export.csv' or 'tevreden import exports/'; "
            + "the made-up example responses are only for 'tevreden demo'")
      }
    }

    func run() throws {
      if let undo { return try Self.undo(undo, database: database) }
      if inspect {
        let code = runInspection(paths: paths, layout: layout)
        if code != 0 { throw ExitCode(code) }
        return
      }
      let catalog = try definitions.loadCatalog()
      var explicit: ExportMapping?
      var questionnaire = self.questionnaire
      if let mapping {
        do {
          explicit = try ExportMapping.load(
            file: mapping, questionnaire: questionnaire.map(Questionnaire.ID.init(rawValue:)), catalog: catalog)
        } catch .noQuestionnaire {
          throw ValidationError(
            "--mapping needs the questionnaire it maps to: give --questionnaire, or 'questionnaire:' in the mapping file, naming one in the questionnaire folder"
          )
        } catch .unreadable(let reason) {
          throw CLIError.unreadableFile(mapping, reason: reason)
        } catch .invalid(let diagnostics) {
          throw CLIError.invalidMapping(diagnostics)
        }
        // The mapping file may name its questionnaire itself; --questionnaire, when given too, must agree.
        questionnaire = questionnaire ?? explicit?.questionnaire?.rawValue
      }
      if let gemeente, let known = catalog.indicators?.gemeenten, !known.isEmpty,
        !known.contains(where: { $0.caseInsensitiveCompare(gemeente) == .orderedSame })
      {
        throw ValidationError("--gemeente '\(gemeente)' is not one of the municipalities in indicators.yaml")
      }
      // A dry run never creates a database file.
      let store =
        dryRun
        ? (FileManager.default.fileExists(atPath: try database.resolvedPath())
          ? try database.openExisting() : try TevredenDatabase.inMemory())
        : try TevredenDatabase.open(database, recording: catalog)
      defer { store.close() }
      var runner = ImportRunner(database: store, catalog: catalog, isDryRun: dryRun, isStrict: strict)
      runner.settings = ImportSettings(
        questionnaire: questionnaire.map(Questionnaire.ID.init(rawValue:)),
        gemeente: gemeente.flatMap { name in
          catalog.indicators?.gemeenten.first { $0.caseInsensitiveCompare(name) == .orderedSame } ?? name
        },
        completedOn: completedOn.flatMap(LocalDate.init), layout: layout, mapping: explicit)
      let progress = ProgressBar(delay: Self.progressDelay())
      runner.onDiagnostic = { diagnostic in
        progress.finish()
        printError(diagnostic.description)
      }
      runner.onProgress = progress.update
      let interruption = dryRun ? nil : ImportInterruption()
      defer { interruption?.cancel() }
      if let interruption { runner.isInterrupted = { interruption.signal != nil } }
      runner.testDelayPerResponse =
        ProcessInfo.processInfo.environment["TEVREDEN_TEST_IMPORT_ROW_DELAY_US"].flatMap { UInt32($0) } ?? 0
      let reports: [FileReport]
      do {
        reports = try runner.run(try ImportRunner.csvFiles(in: paths))
        progress.finish()
      } catch is ImportInterrupted {
        progress.finish()
        printError("import interrupted: nothing of it was stored")
        throw ExitCode(128 + (interruption?.signal ?? SIGINT))
      } catch {
        progress.finish()
        throw error
      }
      try Self.present(reports, dryRun: dryRun, strict: strict)
    }

    /// Takes an import batch back and says what was removed.
    static func undo(_ batch: Int64, database: DatabaseOptions) throws {
      let store = try database.openExisting()
      defer { store.close() }
      let undone = try store.undoImportBatch(batch)
      let removed = undone.removedResponses
      let restored = undone.restoredResponses
      print(
        "Import batch \(batch) (\(undone.batch.source), \(BatchListing.localTime(undone.batch.importedAt))) undone: "
          + "\(removed) response\(removed == 1 ? "" : "s") removed"
          + (restored == 0
            ? "" : ", \(restored) response\(restored == 1 ? "" : "s") it had updated set back to partial")
          + ". The change is logged; the batch stays listed in 'tevreden imports' as undone.")
    }

    /// How long an import runs before its progress bar appears: a second, or `TEVREDEN_PROGRESS_AFTER_MS`
    /// (for tests that need to see the bar without a slow import).
    static func progressDelay() -> Duration {
      let milliseconds = ProcessInfo.processInfo.environment["TEVREDEN_PROGRESS_AFTER_MS"].flatMap { Int($0) }
      return .milliseconds(max(0, milliseconds ?? 1000))
    }

    /// Prints per-file summaries (stdout) and diagnostics (stderr); exits 2 when rows were rejected.
    static func present(_ reports: [FileReport], dryRun: Bool, strict: Bool) throws {
      for report in reports {
        print(report.summary)
        for line in report.details { print(line) }
      }
      let rejected = reports.map(\.rejected).reduce(0, +)
      let inserted = reports.map(\.inserted).reduce(0, +)
      if dryRun {
        print("Dry run: nothing was stored.")
      } else if strict && rejected > 0 {
        print("Nothing was stored (--strict): fix the rejected rows and import again.")
      } else {
        print("Stored \(inserted) new response\(inserted == 1 ? "" : "s").")
      }
      if rejected > 0 { throw ExitCode.rejectedInput }
    }
  }
}

extension SurveyPlatform: ExpressibleByArgument {}

/// Catches Ctrl-C (SIGINT), a closed window (SIGHUP) and a stop request (SIGTERM) during an import, so that the
/// import stops between two responses and takes back what it stored before the process exits: dying at once
/// would leave its rows for the next command to remove.
final class ImportInterruption: @unchecked Sendable {
  // `received` is read and written only while `lock` is held.
  private let lock = NSLock()
  private var received: Int32?
  private var sources: [any DispatchSourceSignal] = []

  init() {
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
      Foundation.signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler { [weak self] in
        guard let self else { return }
        lock.lock()
        if received == nil { received = signalNumber }
        lock.unlock()
      }
      source.resume()
      sources.append(source)
    }
  }

  /// The first signal received, if any.
  var signal: Int32? {
    lock.lock()
    defer { lock.unlock() }
    return received
  }

  /// Stops catching the signals: they act as they normally do again.
  func cancel() {
    for source in sources { source.cancel() }
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] { Foundation.signal(signalNumber, SIG_DFL) }
  }
}
