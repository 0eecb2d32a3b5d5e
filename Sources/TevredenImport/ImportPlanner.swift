import Foundation
import TevredenCore
import TevredenTables

/// What the user said about the files of one import (the `import` command's options).
public struct ImportSettings: Sendable {
  /// For platform exports: the questionnaire they answer (`--questionnaire`).
  public var questionnaire: Questionnaire.ID?
  /// For platform exports without a gemeente column (`--gemeente`).
  public var gemeente: String?
  /// For platform exports without dates (`--completed-on`).
  public var completedOn: LocalDate?
  /// Forces a layout instead of detecting it (`--layout`).
  public var layout: SurveyPlatform?
  /// Explicit header → item mapping (`--mapping`).
  public var mapping: ExportMapping?

  public init(
    questionnaire: Questionnaire.ID? = nil, gemeente: String? = nil, completedOn: LocalDate? = nil,
    layout: SurveyPlatform? = nil, mapping: ExportMapping? = nil
  ) {
    self.questionnaire = questionnaire
    self.gemeente = gemeente
    self.completedOn = completedOn
    self.layout = layout
    self.mapping = mapping
  }
}

/// What reading exchange files needs besides the questionnaire folder: the definitions responses were collected
/// with (from the database), looked up once per run.
public struct ExchangeContext: Sendable {
  public var knownItems: Set<String>
  public var gemeenten: [String]
  public var definition: @Sendable (Questionnaire.ID, Int) -> LoadedQuestionnaire?

  /// - Parameters:
  ///   - catalog: The questionnaire folder.
  ///   - stored: The definitions the database holds responses for.
  public init(catalog: Catalog, stored: [LoadedQuestionnaire]) {
    knownItems = Set(
      (catalog.questionnaires.map(\.questionnaire) + catalog.editions.map(\.questionnaire) + stored.map(\.questionnaire))
        .flatMap { $0.questions.map(\.id.rawValue) })
    gemeenten = catalog.indicators?.gemeenten ?? []
    let folder = catalog.questionnaires + catalog.editions
    definition = { id, version in
      let matching = stored.filter { $0.questionnaire.id == id && $0.questionnaire.version == version }
      // The current definition, or an earlier version the folder keeps.
      let folder = folder.first { $0.questionnaire.id == id && $0.questionnaire.version == version }
      // A response keeps the definition it was collected with: prefer what the database already holds.
      if let folder, matching.contains(where: { $0.sha256 == folder.sha256 }) { return folder }
      return matching.last ?? folder
    }
  }

  func rowReader(header: [String], line: Int, file: String) -> ExchangeCSV.RowReader {
    ExchangeCSV.RowReader(
      header: header, line: line, file: file, gemeenten: gemeenten, definition: definition, knownItems: knownItems)
  }
}

/// A file whose header has been read: how its rows become responses, and what the report says about it.
public struct PlannedFile {
  /// How one file's rows become responses, decided from its header before any row is read.
  @usableFromInline
  enum Conversion {
    case exchange(ExchangeCSV.RowReader)
    case platform(ExportConversion)
    /// Not responses (a repeat-group table): the file is left out of the import, and the report says why.
    case skipped(reason: String)
  }

  public var url: URL
  /// The name used in messages.
  public var name: String
  /// The layout's name, recorded with the import batch.
  public var format: String
  @usableFromInline var conversion: Conversion
  /// The layout, the questionnaire, the mapping and what is dropped, as lines for the report.
  public var details: [String]
  /// Problems that make the whole file unreadable (exchange files with a bad header).
  public var fileProblems: [Diagnostic]

  /// Whether the file is in tevreden's exchange format (whose ids must be unique within the file).
  public var isExchange: Bool {
    if case .exchange = conversion { return true }
    return false
  }
}

/// Makes the plan of each file of an import from its first records: its layout, its questionnaire (named, or the
/// one its columns match best) and the mapping of its columns. Reads no further than the header.
public struct ImportPlanner {
  public var catalog: Catalog
  public var settings: ImportSettings
  public var exchange: ExchangeContext

  /// A platform export must match at least this many items of its questionnaire.
  public static let minimumMappedItems = 3

  public init(catalog: Catalog, settings: ImportSettings, exchange: ExchangeContext) {
    self.catalog = catalog
    self.settings = settings
    self.exchange = exchange
  }

  /// Detects a file's layout and reads its header.
  public func plan(_ file: URL) throws(ImportError) -> PlannedFile {
    let name = file.relativePathForMessages
    let (detected, sample, header) = try Self.detectLayout(of: file, forced: settings.layout)
    if let repeatGroup = detected.repeatGroupDescription {
      return PlannedFile(
        url: file, name: name, format: detected.platform.rawValue, conversion: .skipped(reason: repeatGroup),
        details: [], fileProblems: [])
    }
    if detected.platform != .tevreden {
      let (conversion, details) = try platformConversion(for: file, layout: detected, sample: sample)
      return PlannedFile(
        url: file, name: name, format: detected.platform.rawValue, conversion: .platform(conversion),
        details: details, fileProblems: [])
    }
    guard let header else {
      return PlannedFile(
        url: file, name: name, format: ExchangeCSV.formatName,
        conversion: .exchange(exchange.rowReader(header: [], line: 1, file: name)),
        details: [], fileProblems: [Diagnostic(.error, at: .init(file: name), "the file is empty")])
    }
    let rows = exchange.rowReader(header: header.fields, line: header.line, file: name)
    return PlannedFile(
      url: file, name: name, format: ExchangeCSV.formatName, conversion: .exchange(rows), details: [],
      fileProblems: rows.fileProblems)
  }

  /// Opens a file for its rows.
  @usableFromInline
  static func open(_ file: URL) throws(ImportError) -> TableFileReader {
    // An exchange file opened in a spreadsheet and saved again may come back with semicolons (Dutch Excel) and in
    // Windows-1252: its encoding and delimiter are detected like any export's.
    do {
      return try TableFileReader(contentsOf: file, options: TableReadOptions(), name: file.relativePathForMessages)
    } catch {
      throw .unreadableExport(error.localizedDescription)
    }
  }

  /// The layout of a file, from its first records, and a sample of its first data rows, by which personal-data
  /// columns are judged (``ExportSample``). A malformed record among those sampled ends the sample: reading the
  /// rows reports it, with its line. The file's first record comes with them: an exchange file's header, which is
  /// then not read again.
  static func detectLayout(of file: URL, forced: SurveyPlatform?) throws(ImportError) -> (
    ExportLayout, ExportSample, header: TableRecord?
  ) {
    let name = file.relativePathForMessages
    var reader: TableFileReader
    let layout: ExportLayout
    var records: [[String]]
    let header: TableRecord?
    do {
      reader = try TableFileReader(contentsOf: file, name: name)
      let first = try reader.nextRecords(4)
      header = first.first
      records = first.map(\.fields)
      layout = ExportLayout.detect(records, forced: forced)
    } catch {
      throw .unreadableExport(error.localizedDescription)
    }
    guard layout.platform != .tevreden else { return (layout, .empty, header) }
    let wanted = layout.headerRowCount + ExportSample.rowLimit
    while records.count < wanted, let record = try? reader.next() { records.append(record.fields) }
    return (layout, ExportSample(rows: records.dropFirst(layout.headerRowCount)), header)
  }

  /// The conversion of a platform export's rows: the questionnaire named by `--questionnaire`, or the one whose
  /// items its columns match best, and the lines that report the mapping.
  func platformConversion(for file: URL, layout: ExportLayout, sample: ExportSample = .empty) throws(ImportError) -> (
    ExportConversion, [String]
  ) {
    let name = file.relativePathForMessages
    let mapping = settings.mapping
    var conversion: ExportConversion
    var chosenBy =
      mapping?.questionnaire != nil && mapping?.questionnaire == settings.questionnaire
      ? "named by the mapping file" : "--questionnaire"
    let make = { (definition: LoadedQuestionnaire) in
      ExportConversion(
        layout: layout, definition: definition, explicitMapping: mapping?.columns ?? [:],
        explicitOptions: mapping?.options ?? [:], roles: mapping?.roles ?? [:], recodes: mapping?.recodes ?? [:],
        sample: sample, gemeente: settings.gemeente,
        gemeenten: catalog.indicators?.gemeenten ?? [], completedOn: settings.completedOn)
    }
    if let questionnaire = settings.questionnaire {
      guard let definition = catalog.questionnaire(questionnaire) else {
        throw .unreadableFile(name, reason: "questionnaire '\(questionnaire)' is not in the questionnaire folder")
      }
      conversion = make(definition)
      // A mapping file says which columns to read: then a few are what the user chose, not a wrong questionnaire.
      guard conversion.mappedItemCount >= Self.minimumMappedItems || mapping != nil else {
        let count = conversion.mappedItemCount
        throw .unreadableFile(
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
        throw .unreadableFile(
          name,
          reason:
            "this is a \(layout.platform.displayName) export, and its columns do not show which questionnaire it answers; name it with --questionnaire (for example --questionnaire inwoners-melding)"
        )
      }
      conversion = best
      chosenBy = "chosen because its items match the most columns"
    }
    // An export answered under an earlier version of the questionnaire (an older form still online, an export
    // made before the questions were rewritten) is read and stored under that version: the one whose items its
    // columns name as fully and which reads the most of its sampled cells, the newest of those. A few bad cells do
    // not make an export older: its rows are refused with their reasons under the version it was answered with.
    var versionLine: String?
    let current = conversion
    let unread = current.unreadCells(in: sample)
    if unread.count > 0 {
      var best = (conversion: current, unread: unread.count)
      for earlier in catalog.versions(of: current.definition.questionnaire.id).dropFirst() {
        let candidate = make(earlier)
        guard candidate.mappedItemCount >= current.mappedItemCount else { continue }
        let count = candidate.unreadCells(in: sample).count
        if count < best.unread { best = (candidate, count) }
      }
      if best.conversion.definition.questionnaire.version != current.definition.questionnaire.version {
        conversion = best.conversion
        versionLine =
          "  version: \(conversion.definition.questionnaire.version), the version its answers were given under; "
          + "its responses are stored with it (version \(current.definition.questionnaire.version) does not read "
          + "\(unread.count) of its sampled answers, such as \(unread.first ?? "?"))"
      }
    }
    // Roles and recodes name columns that only the file's header shows.
    if let problems = mapping?.problems(in: conversion, export: name), !problems.isEmpty {
      throw .invalidMapping(problems)
    }
    var details =
      ["  questionnaire: \(conversion.definition.questionnaire.id) (\(chosenBy))"] + (versionLine.map { [$0] } ?? [])
      + Self.describe(conversion)
    if let missing = mapping?.columnsMissing(in: layout), !missing.isEmpty {
      details.append(
        "  not in this file, so not read: "
          + missing.map { "'\($0.header)'" + ($0.line.map { " (\(mapping?.file ?? "mapping"):\($0))" } ?? "") }
          .joined(separator: ", "))
    }
    return (conversion, details)
  }

  /// The mapping report of a platform export: layout, items found, columns dropped and ignored.
  static func describe(_ conversion: ExportConversion) -> [String] {
    let layout = conversion.layout
    // The generic layout's name already says it has one header row.
    var lines = [
      layout.platform == .generic
        ? "  layout: \(layout.platform.displayName)"
        : "  layout: \(layout.platform.displayName), \(layout.headerRowCount) header row\(layout.headerRowCount == 1 ? "" : "s")"
    ]
    let mapped = conversion.itemColumns.sorted { $0.key < $1.key }
    lines.append(
      "  items: \(conversion.mappedItemCount) of \(conversion.definition.questionnaire.questions.count) mapped")
    for (index, item) in mapped { lines.append("    \(layout.name(of: index)) → \(item)") }
    let missing = conversion.definition.questionnaire.questions.map(\.id).filter {
      !conversion.itemColumns.values.contains($0)
    }
    if !missing.isEmpty { lines.append("  items without a column: " + missing.map(\.rawValue).joined(separator: ", ")) }
    lines += conversion.metadataDescription
    for (index, column) in conversion.choiceColumns.sorted(by: { $0.key < $1.key }) where column.isOther {
      let name = layout.name(of: index)
      if let choice = column.choice {
        lines.append(
          "  \(name): an answer in it ticks \(column.item)[\(choice)]; the words themselves are not stored")
      } else {
        lines.append(
          "  \(name): not imported, \(column.item) has no such option (the rest of each row is; the words are not stored)"
        )
      }
    }
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
