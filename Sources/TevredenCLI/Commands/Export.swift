import ArgumentParser
import Foundation
import TevredenCore
import TevredenStore

extension TevredenCommand {
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Export responses as tidy CSV (one row per response, one column per item).",
      discussion: """
        With --questionnaire and no --out, writes that questionnaire's responses to standard output. With --out \
        FOLDER, writes one file per questionnaire (FOLDER/<questionnaire>.csv). The files can be imported again.
        """)

    @Option(help: "Only this questionnaire, such as inwoners-melding.")
    var questionnaire: String?

    @Option(help: "Only responses collected in this period (2026, 2026-T1, 2026-T2, 2026-T3).")
    var period: String?

    @Option(help: "A folder to write one CSV file per questionnaire into (created if needed).")
    var out: String?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
      if questionnaire == nil && out == nil {
        throw ValidationError("Pass --questionnaire to write one questionnaire to standard output, or --out FOLDER.")
      }
    }

    func run() throws {
      let period = try self.period.map(parsePeriod)
      let files = try ExportBuilder.files(
        from: try database.openExisting(), questionnaire: questionnaire.map(Questionnaire.ID.init(rawValue:)),
        period: period)
      guard !files.isEmpty else {
        throw CLIError.nothingToExport(
          questionnaire.map { "no responses to \($0)\(period.map { " in \($0)" } ?? "")" }
            ?? "the database holds no responses")
      }
      guard let out else {
        print(files[0].csv, terminator: "")
        return
      }
      try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
      for file in files {
        let path = URL(fileURLWithPath: out).appendingPathComponent("\(file.questionnaire).csv")
        try Data(file.csv.utf8).write(to: path)
        printError("wrote \(path.relativePathForMessages) (\(file.count) response\(file.count == 1 ? "" : "s"))")
      }
    }
  }
}

/// Builds the export files from the database.
enum ExportBuilder {
  struct File {
    var questionnaire: Questionnaire.ID
    var csv: String
    var count: Int
  }

  static func files(from database: TevredenDatabase, questionnaire: Questionnaire.ID?, period: Period?) throws -> [File]
  {
    let stored = try database.responses(questionnaire: questionnaire)
    let grouped = Dictionary(grouping: stored, by: { $0.0.questionnaireID })
    return grouped.keys.sorted().compactMap { id in
      let entries = grouped[id] ?? []
      let responses = entries.map(\.0).filter { period?.contains($0.collectedOn) ?? true }
      guard !responses.isEmpty else { return nil }
      var definitions: [Questionnaire] = []
      for (_, snapshot) in entries where !definitions.contains(snapshot.definition.questionnaire) {
        definitions.append(snapshot.definition.questionnaire)
      }
      let csv = ExchangeCSV.write(responses, items: ExchangeCSV.itemColumns(for: definitions))
      return File(questionnaire: id, csv: csv, count: responses.count)
    }
  }
}

/// Reads a `--period` value.
func parsePeriod(_ text: String) throws -> Period {
  guard let period = Period(text) else { throw CLIError.invalidPeriod(text) }
  return period
}
