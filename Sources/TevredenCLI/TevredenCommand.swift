import ArgumentParser
import Foundation

/// The `tevreden` command: collects satisfaction surveys for Veilig Thuis and reports PI 5 and PI 6.
package struct TevredenCommand: ParsableCommand {
  package static let configuration = CommandConfiguration(
    commandName: "tevreden",
    abstract: "Collect Veilig Thuis satisfaction surveys and report performance indicators 5 and 6.",
    discussion: """
      The database is ./tevreden.sqlite unless --db or TEVREDEN_DB says otherwise; questionnaire definitions \
      are read from ./Questionnaires unless --questionnaires says otherwise.

      Exit codes: 0 OK, 1 error, 2 completed with rejected input, 64 usage error.
      """,
    subcommands: [
      Demo.self, Check.self, InterviewCommand.self, Import.self, Merge.self, Export.self, Score.self,
      Indicators.self, Report.self, GenerateExamples.self,
    ]
  )

  package init() {}
}

extension ExitCode {
  /// The command finished, but some input was rejected (invalid rows, for example).
  static let rejectedInput = ExitCode(2)
}
