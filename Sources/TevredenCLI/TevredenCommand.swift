import ArgumentParser
import Foundation
import TevredenStore

/// The `tevreden` command: collects satisfaction surveys for Veilig Thuis and reports PI 5 and PI 6.
package struct TevredenCommand: ParsableCommand {
  package static let configuration = CommandConfiguration(
    commandName: "tevreden",
    abstract: "Collect Veilig Thuis satisfaction surveys and report performance indicators 5 and 6.",
    discussion: """
      A region works in a working folder made once with 'tevreden init FOLDER': its Questionnaires/ (with \
      indicators.yaml) and its database tevreden.sqlite. Commands find it from that folder or any folder below \
      it, or through TEVREDEN_HOME; --db (or TEVREDEN_DB) and --questionnaires name other files. Commands that \
      read figures (score, indicators, report, export, imports) need only the database.

      Help and error messages are in English; what interviewers and councils read (the interview, the tables, \
      the report) is in Dutch.

      Exit codes: 0 OK, 1 error, 2 completed with rejected input, 64 usage error.
      """,
    version: "tevreden \(version) (database schema \(TevredenDatabase.schemaVersion))",
    subcommands: [
      Demo.self, Init.self, Check.self, InterviewCommand.self, Contact.self, Import.self, Imports.self, Merge.self,
      Export.self,
      Privacy.self, Remarks.self, Purge.self, Backup.self, Score.self, Audit.self,
      Indicators.self, Report.self, CodebookCommand.self, GenerateExamples.self,
    ]
  )

  package init() {}

  /// The release; raised with every change users notice.
  static let version = "0.14.0"
}

extension ExitCode {
  /// The command finished, but some input was rejected (invalid rows, for example).
  static let rejectedInput = ExitCode(2)
}
