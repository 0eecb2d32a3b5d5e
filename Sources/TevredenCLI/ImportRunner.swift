import Foundation
import TevredenCore
import TevredenImport
import TevredenStore

/// Imports exchange CSV files into the database: one transaction per file, every rejected row reported.
struct ImportRunner {
  let database: TevredenDatabase
  let catalog: Catalog
  var isDryRun = false
  var isStrict = false
  /// For platform exports: the questionnaire they answer (`--questionnaire`).
  var questionnaire: Questionnaire.ID?
  /// For platform exports without a gemeente column (`--gemeente`).
  var gemeente: String?
  /// Forces a layout instead of detecting it (`--layout`).
  var layout: SurveyPlatform?
  /// Explicit header → item mapping (`--mapping`).
  var mapping: ExportMapping?

  /// What happened to one file.
  struct FileReport {
    var file: String
    var rowCount = 0
    var inserted = 0
    var duplicates = 0
    var rejected = 0
    var diagnostics: [Diagnostic] = []
    /// For platform exports: the layout, the mapping and what was dropped or masked, as lines for the report.
    var details: [String] = []

    /// "Responses/2025/x.csv: 120 rows: 118 imported, 2 already present, 0 rejected".
    var summary: String {
      "\(file): \(rowCount) row\(rowCount == 1 ? "" : "s"): \(inserted) imported, \(duplicates) already present, \(rejected) rejected"
    }
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
      let detected = try Self.detectLayout(of: file, forced: layout)
      if detected.platform != .tevreden {
        reads.append((file, try readPlatformExport(file, layout: detected), data))
        continue
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
        diagnostics: result.diagnostics, details: result.details)
      if isDryRun || (isStrict && anyRejected) {
        reports.append(report)
        continue
      }
      let source = ImportSource(
        name: file.lastPathComponent, sha256: SHA256.hex(of: data), format: result.format, importedAt: Date(),
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

extension ImportRunner {
  /// A platform export must match at least this many items of its questionnaire.
  static let minimumMappedItems = 3

  /// The layout of a file, from its first records.
  static func detectLayout(of file: URL, forced: SurveyPlatform?) throws -> ExportLayout {
    let name = file.relativePathForMessages
    do {
      var reader = try TableFileReader(contentsOf: file, name: name)
      let first = try reader.nextRecords(4).map(\.fields)
      return ExportLayout.detect(first, forced: forced)
    } catch {
      throw CLIError.unreadableExport(error.localizedDescription)
    }
  }

  /// Reads a platform export against `--questionnaire`: every record converted or rejected with its reasons.
  func readPlatformExport(_ file: URL, layout: ExportLayout) throws -> ExchangeCSV.ReadResult {
    let name = file.relativePathForMessages
    var conversion: ExportConversion
    var chosenBy = "--questionnaire"
    let make = { (definition: LoadedQuestionnaire) in
      ExportConversion(
        layout: layout, definition: definition, explicitMapping: mapping?.columns ?? [:], gemeente: gemeente,
        gemeenten: catalog.indicators?.gemeenten ?? [])
    }
    if let questionnaire {
      guard let definition = catalog.questionnaire(questionnaire) else {
        throw CLIError.unreadableFile(
          name, reason: "questionnaire '\(questionnaire)' is not in the questionnaire folder")
      }
      conversion = make(definition)
      guard conversion.itemColumns.count >= Self.minimumMappedItems else {
        throw CLIError.unreadableFile(
          name,
          reason:
            "no more than \(conversion.itemColumns.count) column(s) match an item of \(questionnaire); is it the right questionnaire? (see the columns with --inspect, or map them with --mapping)"
        )
      }
    } else {
      // The questionnaire whose items the columns match best, if that is clear.
      let ranked = catalog.questionnaires.map(make).sorted { $0.itemColumns.count > $1.itemColumns.count }
      guard let best = ranked.first, best.itemColumns.count >= Self.minimumMappedItems,
        ranked.count < 2 || best.itemColumns.count > ranked[1].itemColumns.count
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
    var result = ExchangeCSV.ReadResult(format: layout.platform.rawValue)
    result.details =
      ["  questionnaire: \(conversion.definition.questionnaire.id) (\(chosenBy))"] + Self.describe(conversion)
    var maskedCounts: [PersonalDataKind: Int] = [:]
    do {
      var reader = try TableFileReader(contentsOf: file, name: name)
      _ = try reader.nextRecords(layout.headerRowCount)
      while let record = try reader.next() {
        result.rowCount += 1
        switch conversion.convert(record.fields, line: record.line) {
        case .success(let row):
          for kind in row.masked { maskedCounts[kind, default: 0] += 1 }
          result.rows.append(.init(line: record.line, response: row.response, definition: conversion.definition))
        case .failure(let rejection):
          result.rejectedCount += 1
          result.diagnostics.append(
            Diagnostic(
              .error, at: .init(file: name, line: rejection.line),
              rejection.problems.joined(separator: "; ") + "; row skipped"))
        }
      }
    } catch {
      throw CLIError.unreadableExport(error.localizedDescription)
    }
    if !maskedCounts.isEmpty {
      result.details.append(
        "  masked in open answers: "
          + maskedCounts.sorted { $0.key < $1.key }.map {
            "\($0.key.label) in \($0.value) answer\($0.value == 1 ? "" : "s")"
          }
          .joined(separator: ", "))
    }
    return result
  }

  /// The mapping report of a platform export: layout, items found, columns dropped and ignored.
  static func describe(_ conversion: ExportConversion) -> [String] {
    let layout = conversion.layout
    var lines = [
      "  layout: \(layout.platform.displayName), \(layout.headerRowCount) header row\(layout.headerRowCount == 1 ? "" : "s")"
    ]
    let mapped = conversion.itemColumns.sorted { $0.key < $1.key }
    lines.append("  items: \(mapped.count) of \(conversion.definition.questionnaire.questions.count) mapped")
    for (index, item) in mapped { lines.append("    \(layout.name(of: index)) → \(item)") }
    let missing = conversion.definition.questionnaire.questions.map(\.id).filter {
      !conversion.itemColumns.values.contains($0)
    }
    if !missing.isEmpty { lines.append("  items without a column: " + missing.map(\.rawValue).joined(separator: ", ")) }
    if !conversion.droppedColumns.isEmpty {
      lines.append(
        "  personal data dropped (never stored): "
          + conversion.droppedColumns.map { "\(layout.name(of: $0.index)) (\($0.kind.label))" }.joined(separator: ", "))
    }
    if !conversion.unmappedColumns.isEmpty {
      lines.append(
        "  columns not imported (no matching item; map them with --mapping): "
          + conversion.unmappedColumns.map { layout.name(of: $0) }.joined(separator: ", "))
    }
    return lines
  }
}
