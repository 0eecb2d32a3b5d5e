import ArgumentParser
import Foundation
import TevredenCore
import TevredenReport
import TevredenStore

extension TevredenCommand {
  struct Imports: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the import batches: when, which file, which layout, and what became of its rows.",
      discussion: """
        Every imported file (and every merged station database) is one batch. 'tevreden import --undo BATCH' \
        takes a batch back: the responses it stored are removed, in one transaction, and the change is logged. \
        Times are Dutch local time.
        """)

    @Option(help: "Output format: table, csv or json.")
    var format: ReportFormat = .table

    @Option(
      help: ArgumentHelp(
        "With --format csv: the CSV as Dutch Excel opens it (semicolons, dd-mm-jjjj times, a byte-order mark).",
        valueName: "nl"))
    var excel: CSVDialect?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
      try validateExcel(excel, isCSV: format == .csv)
    }

    func run() throws {
      let store = try database.openExisting()
      defer { store.close() }
      print(
        BatchListing.render(try store.importBatches(), as: format, dialect: excel ?? .standard), terminator: "")
    }
  }
}

/// The import batches as a table for people, or CSV/JSON for scripts.
enum BatchListing {
  static let columns = [
    "batch", "imported_at", "file", "format", "new", "already_present", "rejected", "stored_now", "undone_at",
    "updated",
  ]

  static func render(_ batches: [ImportBatchSummary], as format: ReportFormat, dialect: CSVDialect = .standard)
    -> String
  {
    switch format {
    case .table:
      guard !batches.isEmpty else { return "No imports yet.\n" }
      let header = [
        "batch", "imported", "file", "format", "new", "updated", "present", "rejected", "stored", "undone",
      ]
      let rows = batches.map { batch in
        [
          String(batch.id), localTime(batch.importedAt), batch.source, batch.format, String(batch.insertedCount),
          String(batch.updatedCount), String(batch.duplicateCount), String(batch.rejectedCount),
          String(batch.storedCount), batch.undoneAt.map(localTime) ?? "",
        ]
      }
      return TextTable.render([header] + rows, rightAligned: [0, 4, 5, 6, 7, 8])
    case .csv:
      return CSVWriter.render(
        [columns]
          + batches.map { batch in
            [
              String(batch.id), batch.importedAt.map(Timestamp.format) ?? "", batch.source, batch.format,
              String(batch.insertedCount), String(batch.duplicateCount), String(batch.rejectedCount),
              String(batch.storedCount), batch.undoneAt.map(Timestamp.format) ?? "", String(batch.updatedCount),
            ]
          },
        // The counts stay numbers; the file name (chosen by whoever sent the file) and the rest are guarded. The
        // count of responses a batch brought further comes last: columns are only ever added.
        numericColumns: [0, 4, 5, 6, 7, 9], kinds: [1: .time, 8: .time], dialect: dialect)
    case .json:
      let objects: [[String: Any]] = batches.map { batch in
        var object: [String: Any] = [
          "batch": batch.id, "file": batch.source, "format": batch.format, "new": batch.insertedCount,
          "alreadyPresent": batch.duplicateCount, "rejected": batch.rejectedCount, "storedNow": batch.storedCount,
          "updated": batch.updatedCount,
        ]
        object["importedAt"] = batch.importedAt.map(Timestamp.format)
        object["undoneAt"] = batch.undoneAt.map(Timestamp.format)
        return object
      }
      let data =
        (try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])) ?? Data()
      return String(decoding: data, as: UTF8.self) + "\n"
    }
  }

  /// A moment in Dutch local time, as `2026-12-02 14:05`.
  static func localTime(_ date: Date?) -> String {
    guard let date else { return "" }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "nl_NL")
    formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.string(from: date)
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}

/// Columns of text aligned with two spaces between them.
enum TextTable {
  static func render(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
    guard let first = rows.first else { return "" }
    let widths = (0..<first.count).map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      zip(row.indices, row).map { column, cell in
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        return rightAligned.contains(column) ? padding + cell : cell + padding
      }.joined(separator: "  ").trimmingTrailingSpaces()
    }.joined(separator: "\n") + "\n"
  }
}
