import ArgumentParser
import Foundation
import TevredenCore
import TevredenStatFiles
import TevredenStore

extension TevredenCommand {
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Export responses as tidy CSV (one row per response, one column per item).",
      discussion: """
        With --questionnaire and no --out, writes that questionnaire's responses to standard output. With --out \
        FOLDER, writes one file per questionnaire (FOLDER/<questionnaire>.csv); a file that is already there is \
        replaced only with --overwrite. The files can be imported again.
        """)

    @Option(help: "Only this questionnaire, such as inwoners-melding.")
    var questionnaire: String?

    @Option(help: "Only responses collected in this period (2026, 2026-T1, 2026-T2, 2026-T3).")
    var period: String?

    @Option(help: "A folder to write one CSV file per questionnaire into (created if needed).")
    var out: String?

    @Flag(help: "Replace files in the --out folder that have the names of the export files.")
    var overwrite = false

    @Flag(
      help: """
        The analysis layout instead of the exchange format: numbers as numbers, missing codes in <item>_missing, \
        yes/no as 1/0, a 0/1 column per option of a multiple-choice item, choice labels, the Dutch day, tertile and \
        burap periods of each response (FOLDER/<questionnaire>.analysis.csv, with the SPSS syntax that reads it \
        beside it as .analysis.sps). For analysis only: it does not import back.
        """)
    var analysis = false

    @Flag(
      help: """
        The analysis layout as an SPSS file (FOLDER/<questionnaire>.sav): variable labels, value labels, and \
        missing codes as declared missing values.
        """)
    var spss = false

    @Flag(
      help: """
        The analysis layout as a Stata file (FOLDER/<questionnaire>.dta): variable labels, value labels, and \
        missing codes as extended missing values (.a, .b, …).
        """)
    var stata = false

    @Option(
      help: ArgumentHelp(
        """
        Write the CSV as Dutch Excel opens it with a double-click: semicolons, decimal commas, dd-mm-jjjj days and \
        dd-mm-jjjj hh:mm:ss times (UTC in the exchange format), UTF-8 with a byte-order mark. tevreden imports it \
        back unchanged.
        """, valueName: "nl"))
    var excel: CSVDialect?

    /// The layout the flags ask for.
    var layout: ExportBuilder.Layout {
      spss ? .sav : stata ? .dta : analysis ? .analysis : .exchange
    }

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
      try validatePeriodValue(period)
      if questionnaire == nil && out == nil {
        throw ValidationError("Pass --questionnaire to write one questionnaire to standard output, or --out FOLDER.")
      }
      if [analysis, spss, stata].filter({ $0 }).count > 1 {
        throw ValidationError("Pass one of --analysis, --spss and --stata.")
      }
      if excel != nil, spss || stata {
        throw ValidationError("--excel is for CSV files; an SPSS or Stata file has no such conventions.")
      }
      if excel == .standard {
        throw ValidationError("--excel takes 'nl' (the Dutch conventions); without --excel the file is standard CSV.")
      }
      if overwrite && out == nil {
        throw ValidationError("--overwrite replaces files in the --out folder; pass --out FOLDER with it.")
      }
    }

    func run() throws {
      let period = try self.period.map(parsePeriod)
      let database = try database.openExisting()
      defer { database.close() }
      let groups = try database.exportGroups(
        questionnaire: questionnaire.map(Questionnaire.ID.init(rawValue:)), period: period)
      guard !groups.isEmpty else {
        throw CLIError.nothingToExport(
          questionnaire.map { "no responses to \($0)\(period.map { " in \($0)" } ?? "")" }
            ?? "the database holds no responses")
      }
      guard let out else {
        if let format = layout.statisticalFormat, isatty(STDOUT_FILENO) == 1 {
          throw CLIError.binaryOnTerminal(format == .sav ? "an SPSS file" : "a Stata file")
        }
        var output = BufferedOutput(FileHandle.standardOutput)
        try ExportBuilder.write(groups[0], from: database, period: period, layout: layout, dialect: excel ?? .standard)
        {
          try output.write(bytes: $0)
        }
        try output.flush()
        return
      }
      // Every file name is checked before anything is written: the names come from the database, which may have
      // been changed by hand, and a refused export leaves the folder as it was.
      let paths = try groups.map {
        try ExportBuilder.path(for: $0.questionnaire, in: out, overwrite: overwrite, layout: layout)
      }
      // The analysis CSV comes with the SPSS syntax that reads it (the standard CSV: the syntax reads commas).
      let syntaxPaths =
        try layout == .analysis && excel == nil
        ? paths.map { try ExportBuilder.syntaxPath(for: $0, overwrite: overwrite) } : []
      try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
      for (index, (group, path)) in zip(groups, paths).enumerated() {
        // Written beside the file and moved into place, so a file is never left half written.
        let partial = path.deletingLastPathComponent().appendingPathComponent(".\(path.lastPathComponent).partial")
        // Readable by its owner only from the moment it exists: an export holds every answer.
        guard
          FileManager.default.createFile(atPath: partial.path, contents: nil, attributes: [.posixPermissions: 0o600])
        else {
          throw CLIError.unreadableFile(partial.relativePathForMessages, reason: "cannot create the file")
        }
        do {
          let handle = try FileHandle(forWritingTo: partial)
          var output = BufferedOutput(handle)
          let widths = try ExportBuilder.write(
            group, from: database, period: period, layout: layout, dialect: excel ?? .standard
          ) {
            try output.write(bytes: $0)
          }
          try output.flush()
          try handle.close()
          try ExportBuilder.moveIntoPlace(partial, at: path, overwrite: overwrite)
          if index < syntaxPaths.count {
            let syntax = SPSSSyntax(definitions: group.definitions).text(
              csvFileName: path.lastPathComponent, widths: widths)
            try ExportBuilder.writeBeside(syntax, at: syntaxPaths[index], overwrite: overwrite)
          }
        } catch {
          try? FileManager.default.removeItem(at: partial)
          throw error
        }
        printError(
          "wrote \(path.relativePathForMessages) (\(group.count) response\(group.count == 1 ? "" : "s"))")
      }
    }
  }
}

/// Builds the export files from the database, a response at a time.
enum ExportBuilder {
  /// What an export writes: the exchange format, or the analysis layout as CSV, SPSS or Stata file.
  enum Layout: Equatable {
    case exchange, analysis, sav, dta

    var fileSuffix: String {
      switch self {
      case .exchange: ".csv"
      case .analysis: ".analysis.csv"
      case .sav: ".sav"
      case .dta: ".dta"
      }
    }

    var statisticalFormat: StatisticalFile.Format? {
      switch self {
      case .sav: .sav
      case .dta: .dta
      case .exchange, .analysis: nil
      }
    }
  }

  struct File {
    var questionnaire: Questionnaire.ID
    var csv: String
    var count: Int
  }

  /// Writes one questionnaire's file through `write`, in pieces of UTF-8: the header, then whole lines, a line per
  /// response. Returns, for the analysis CSV, each column's longest cell in bytes (which its SPSS syntax file declares).
  @discardableResult
  static func write(
    _ group: ExportGroup, from database: TevredenDatabase, period: Period?, layout: Layout = .exchange,
    dialect: CSVDialect = .standard, to write: (UnsafeBufferPointer<UInt8>) throws -> Void
  ) throws -> [String: Int] {
    if let format = layout.statisticalFormat {
      let file = StatisticalFile(definitions: group.definitions, format: format)
      do {
        // ReadStat calls back into the output while `write` runs, never after it.
        try withoutActuallyEscaping(write) { output in
          try file.write(responses: { try database.forEachResponse(of: group.questionnaire, in: period, $0) }) {
            try output($0.assumingMemoryBound(to: UInt8.self))
          }
        }
      } catch let error as StatisticalFile.WriteError {
        throw CLIError.unreadableExport(
          "cannot write the .\(format.rawValue) file of \(group.questionnaire): \(error.message)")
      }
      return [:]
    }
    if layout == .analysis {
      let analysis = AnalysisCSV(definitions: group.definitions)
      let names = analysis.columnNames
      var text = analysis.headerLine(in: dialect)
      try text.withUTF8(write)
      var widths = Array(repeating: 1, count: names.count)
      let numeric = analysis.numericColumnIndexes
      try database.forEachResponse(of: group.questionnaire, in: period) { response in
        let cells = analysis.cells(of: response)
        // One byte more for the `'` the spreadsheet guard may put in front of a text.
        for (index, cell) in cells.enumerated() { widths[index] = max(widths[index], cell.utf8.count + 1) }
        var line =
          dialect == .standard
          ? CSVWriter.render([cells], numericColumns: numeric) : analysis.line(for: response, in: dialect)
        try line.withUTF8(write)
      }
      return Dictionary(zip(names, widths), uniquingKeysWith: max)
    }
    let items = ExchangeCSV.itemColumns(for: group.definitions)
    if dialect != .standard {
      // Written from each response rather than from the rows' bytes: a file for Excel holds at most a million rows.
      var header = dialect.fileStart + dialect.line(ExchangeCSV.metadataColumns + items.map(\.rawValue))
      try header.withUTF8(write)
      let kinds = ExchangeCSV.columnKinds(items: items, in: group.definitions)
      try database.forEachResponse(of: group.questionnaire, in: period) { response in
        var line = dialect.line(ExchangeCSV.cells(for: response, items: items), kinds: kinds)
        try line.withUTF8(write)
      }
      return [:]
    }
    var header = ExchangeCSV.headerLine(items: items)
    try header.withUTF8(write)
    try database.writeExchangeLines(of: group.questionnaire, in: period, items: items, write)
    return [:]
  }

  /// The file a questionnaire's responses go to in the `--out` folder.
  ///
  /// - Throws: ``CLIError/unsafeQuestionnaireID(_:)`` for an id that is not a plain identifier (it could name a
  ///   file outside the folder), and ``CLIError/exportFileExists(_:)`` for a file that is there already, unless
  ///   `overwrite`.
  static func path(for questionnaire: Questionnaire.ID, in folder: String, overwrite: Bool, layout: Layout = .exchange)
    throws -> URL
  {
    guard questionnaire.isPlainIdentifier else { throw CLIError.unsafeQuestionnaireID(questionnaire.rawValue) }
    let name = questionnaire.rawValue + layout.fileSuffix
    let path = URL(fileURLWithPath: folder).appendingPathComponent(name)
    if !overwrite, FileManager.default.fileExists(atPath: path.path) {
      throw CLIError.exportFileExists(path.relativePathForMessages)
    }
    return path
  }

  /// The SPSS syntax file beside an analysis CSV: `<questionnaire>.analysis.sps`.
  static func syntaxPath(for csv: URL, overwrite: Bool) throws -> URL {
    let path = csv.deletingPathExtension().appendingPathExtension("sps")
    if !overwrite, FileManager.default.fileExists(atPath: path.path) {
      throw CLIError.exportFileExists(path.relativePathForMessages)
    }
    return path
  }

  /// Writes a small text file beside its place and moves it there, as the export files are.
  static func writeBeside(_ text: String, at path: URL, overwrite: Bool) throws {
    let partial = path.deletingLastPathComponent().appendingPathComponent(".\(path.lastPathComponent).partial")
    guard
      FileManager.default.createFile(
        atPath: partial.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
    else { throw CLIError.unreadableFile(partial.relativePathForMessages, reason: "cannot create the file") }
    do {
      try moveIntoPlace(partial, at: path, overwrite: overwrite)
    } catch {
      try? FileManager.default.removeItem(at: partial)
      throw error
    }
  }

  /// Moves a finished file to its name: with `overwrite` replacing what is there, else only if the name is still
  /// free at that moment (a hard link fails when the name exists, so a file made meanwhile is never replaced).
  static func moveIntoPlace(_ partial: URL, at path: URL, overwrite: Bool) throws {
    if overwrite {
      guard rename(partial.path, path.path) == 0 else {
        throw CLIError.unreadableFile(path.relativePathForMessages, reason: "cannot write the file")
      }
      return
    }
    guard link(partial.path, path.path) == 0 else {
      if errno == EEXIST { throw CLIError.exportFileExists(path.relativePathForMessages) }
      throw CLIError.unreadableFile(path.relativePathForMessages, reason: "cannot write the file")
    }
    unlink(partial.path)
  }

  /// The export files as text, for tests and small databases.
  static func files(from database: TevredenDatabase, questionnaire: Questionnaire.ID?, period: Period?) throws -> [File]
  {
    try database.exportGroups(questionnaire: questionnaire, period: period).map { group in
      var csv: [UInt8] = []
      try write(group, from: database, period: period) { csv.append(contentsOf: $0) }
      return File(questionnaire: group.questionnaire, csv: String(decoding: csv, as: UTF8.self), count: group.count)
    }
  }
}

/// Text written to a file handle in pieces of about 64 KiB.
struct BufferedOutput {
  private let handle: FileHandle
  private var buffer: [UInt8] = []

  init(_ handle: FileHandle) {
    self.handle = handle
    buffer.reserveCapacity(1 << 16)
  }

  mutating func write(_ text: String) throws {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 16 { try flush() }
  }

  mutating func write(bytes: UnsafeBufferPointer<UInt8>) throws {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 16 { try flush() }
  }

  mutating func flush() throws {
    guard !buffer.isEmpty else { return }
    try handle.write(contentsOf: buffer)
    buffer.removeAll(keepingCapacity: true)
  }
}

/// Reads a `--period` value.
func parsePeriod(_ text: String) throws -> Period {
  guard let period = Period(text) else { throw CLIError.invalidPeriod(text) }
  return period
}

extension CSVDialect: ExpressibleByArgument {}

/// `--excel nl` applies to CSV output only, and names the Dutch conventions.
func validateExcel(_ excel: CSVDialect?, isCSV: Bool) throws {
  guard let excel else { return }
  guard excel == .excelNL else {
    throw ValidationError("--excel takes 'nl' (the Dutch conventions); without --excel the file is standard CSV.")
  }
  guard isCSV else { throw ValidationError("--excel nl is for CSV output: add --format csv.") }
}
