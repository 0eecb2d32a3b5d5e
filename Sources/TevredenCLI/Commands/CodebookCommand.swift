import ArgumentParser
import Foundation
import TevredenCore
import TevredenReport
import TevredenStore

extension TevredenCommand {
  struct CodebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "codebook",
      abstract: "Describe the columns of the export: questions, types, values and labels, missing codes, routing.",
      discussion: """
        One codebook per questionnaire, over every version of it: the definitions in the questionnaires folder and, \
        when there is a database, every version its responses were collected with. Markdown for people, CSV (one \
        row per value: value labels for R, pandas or SPSS) or JSON for programs.
        """)

    @Option(help: "Only this questionnaire, such as inwoners-melding.")
    var questionnaire: String?

    @Option(help: "Output format: md, csv or json.")
    var format: Format = .md

    @Option(
      help: ArgumentHelp(
        "With --format csv: the CSV as Dutch Excel opens it (semicolons, decimal commas, a byte-order mark).",
        valueName: "nl"))
    var excel: CSVDialect?

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case md, csv, json
      var rendering: CodebookRendering.Format {
        switch self {
        case .md: .markdown
        case .csv: .csv
        case .json: .json
        }
      }
    }

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var definitions: QuestionnaireOptions

    func validate() throws {
      try validateExcel(excel, isCSV: format == .csv)
    }

    func run() throws {
      var versions: [Questionnaire.ID: [Questionnaire]] = [:]
      let folder = try definitions.folder()
      if folder != nil {
        let catalog = try definitions.loadCatalog()
        // The current definitions and the earlier versions the folder keeps.
        for loaded in catalog.questionnaires + catalog.editions {
          versions[loaded.questionnaire.id, default: []].append(loaded.questionnaire)
        }
      }
      // The versions responses were collected with, when there is a database: an export holds their columns too.
      let path =
        folder == nil || database.isNamedExplicitly ? try database.resolvedPath() : try? database.resolvedPath()
      if let path, FileManager.default.fileExists(atPath: path) {
        let store = try database.openExisting()
        defer { store.close() }
        for group in try store.exportGroups(questionnaire: nil, period: nil) {
          versions[group.questionnaire, default: []].append(contentsOf: group.definitions)
        }
      } else if folder == nil {
        throw CLIError.noDatabase(path: path ?? "")
      }
      var ids = versions.keys.sorted()
      if let questionnaire {
        let id = Questionnaire.ID(rawValue: questionnaire)
        guard versions[id] != nil else {
          throw InterviewCLIError.unknownQuestionnaire(questionnaire, known: ids.map(\.rawValue))
        }
        ids = [id]
      }
      guard !ids.isEmpty else {
        throw CLIError.nothingToExport("no questionnaire definitions and no responses to describe")
      }
      let books = ids.compactMap { id in versions[id].map(Codebook.init(definitions:)) }
      print(
        CodebookRendering.render(books, as: format.rendering, dialect: excel ?? .standard), terminator: "")
    }
  }
}
