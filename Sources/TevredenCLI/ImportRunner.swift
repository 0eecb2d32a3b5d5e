import Foundation
import TevredenCore
import TevredenStore

/// Imports exchange CSV files into the database: one transaction per file, every rejected row reported.
struct ImportRunner {
  let database: TevredenDatabase
  let catalog: Catalog
  var isDryRun = false
  var isStrict = false

  /// What happened to one file.
  struct FileReport {
    var file: String
    var rowCount = 0
    var inserted = 0
    var duplicates = 0
    var rejected = 0
    var diagnostics: [Diagnostic] = []

    /// "Responses/2025/x.csv: 120 rows: 118 imported, 2 already present, 0 rejected".
    var summary: String {
      "\(file): \(rowCount) row\(rowCount == 1 ? "" : "s"): \(inserted) imported, \(duplicates) already present, \(rejected) rejected"
    }
  }

  /// Expands folders into the `.csv` files below them, sorted, so every run reads files in the same order.
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
          if name.lowercased().hasSuffix(".csv") { found.append(url.appendingPathComponent(name)) }
        }
        files += found.sorted { $0.path < $1.path }
      } else {
        files.append(URL(fileURLWithPath: path))
      }
    }
    return files
  }

  /// Reads every file first; stores each file's valid rows in one transaction (none with `--dry-run`; none at
  /// all with `--strict` if any file has a rejected row).
  func run(_ files: [URL]) throws -> [FileReport] {
    let snapshots = try database.snapshots()
    let knownItems = Set(
      (catalog.questionnaires.map(\.questionnaire) + snapshots.map(\.definition.questionnaire))
        .flatMap { $0.questions.map(\.id.rawValue) })
    let definition = { (id: Questionnaire.ID, version: Int) -> LoadedQuestionnaire? in
      let stored = snapshots.filter {
        $0.definition.questionnaire.id == id && $0.definition.questionnaire.version == version
      }
      let current = catalog.questionnaire(id).flatMap { $0.questionnaire.version == version ? $0 : nil }
      // A response keeps the definition it was collected with: prefer what the database already holds.
      if let current, stored.contains(where: { $0.definition.sha256 == current.sha256 }) { return current }
      return stored.last?.definition ?? current
    }
    var reads: [(URL, ExchangeCSV.ReadResult, Data)] = []
    for file in files {
      let name = file.relativePathForMessages
      guard let data = FileManager.default.contents(atPath: file.path) else {
        throw CLIError.unreadableFile(name, reason: "cannot read the file")
      }
      guard let text = String(data: data, encoding: .utf8) else {
        throw CLIError.unreadableFile(name, reason: "the file is not UTF-8 text; save it as UTF-8 CSV")
      }
      let result = ExchangeCSV.read(
        text, file: name, gemeenten: catalog.indicators?.gemeenten ?? [], definition: definition, knownItems: knownItems
      )
      reads.append((file, result, data))
    }
    let anyRejected = reads.contains { $0.1.diagnostics.hasErrors }
    var reports: [FileReport] = []
    for (file, result, data) in reads {
      var report = FileReport(
        file: file.relativePathForMessages, rowCount: result.rowCount, rejected: result.rejectedCount,
        diagnostics: result.diagnostics)
      if isDryRun || (isStrict && anyRejected) {
        reports.append(report)
        continue
      }
      let source = ImportSource(
        name: file.lastPathComponent, sha256: SHA256.hex(of: data), format: ExchangeCSV.formatName, importedAt: Date(),
        rejectedBeforeStore: result.rejectedCount, rejectsConflicts: isStrict)
      let dispositions = try database.importResponses(result.rows.map { ($0.response, $0.definition) }, source: source)
      for (row, disposition) in zip(result.rows, dispositions) {
        switch disposition {
        case .inserted: report.inserted += 1
        case .duplicate: report.duplicates += 1
        case .conflict:
          report.rejected += 1
          report.diagnostics.append(
            Diagnostic(
              .error, at: .init(file: report.file, line: row.line),
              "response_id '\(row.response.id)' is already stored with different answers; the stored response was kept; row skipped"
            ))
        }
      }
      reports.append(report)
    }
    return reports
  }
}
