import ArgumentParser
import Foundation
import TevredenCore
import TevredenStore

extension ContactOutcome: ExpressibleByArgument {}

extension TevredenCommand {
  struct Contact: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record interviewer contacts that ended without a questionnaire, for the response rates.",
      discussion: """
        An interview that is started records itself (completed, paused, or refused at the consent question). A \
        contact that never became an interview is recorded here: niet_bereikt (nobody answered after the agreed \
        attempts), onjuist_nummer (the number is not the person's), geweigerd (declined before any question), \
        taalbarriere (no common language, no interpreter), gestopt_veiligheid (stopped because talking was not \
        safe), niet_nu_veilig (could not talk freely now). Only the questionnaire's group, the day, the mode and \
        your interviewer code are stored, nothing about the person. score and report turn them into the AAPOR \
        response rate (RR1) and cooperation rate (COOP1).
        """)

    @Argument(
      help: "The questionnaire the contact was for, such as inwoners-melding.",
      completion: .custom(questionnaireCompletions))
    var questionnaire: String

    @Option(help: "How the contact ended: \(ContactOutcome.allCases.map(\.rawValue).joined(separator: ", ")).")
    var outcome: ContactOutcome

    @Option(help: "Your interviewer code (letters, digits, - or _; not your name).")
    var interviewer: String

    @Option(help: "How the contact was made: telefonisch or persoonlijk.")
    var mode: Response.Mode = .telefonisch

    @Option(help: ArgumentHelp("The day of the contact (Dutch local time); default today.", valueName: "yyyy-MM-dd"))
    var on: String?

    @Option(help: "How many contacts ended this way (for a call list worked through), 1 to 10000.")
    var count = 1

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var definitions: QuestionnaireOptions

    func validate() throws {
      if !InterviewCommand.isValidInterviewerCode(interviewer) {
        throw ValidationError(
          "'\(interviewer)' is not an interviewer code: use up to 16 letters, digits, '-' or '_' with at least one digit, such as AB12 (never a name)"
        )
      }
      guard mode == .telefonisch || mode == .persoonlijk else {
        throw ValidationError(
          "--mode \(mode.rawValue) has no contacts to record: use telefonisch or persoonlijk (for online invitations pass --invited to score or report)"
        )
      }
      guard (1...10_000).contains(count) else { throw ValidationError("--count \(count) must lie between 1 and 10000") }
      _ = try day()
    }

    /// The day of `--on`: a real day, not after today.
    func day() throws -> LocalDate {
      let today = LocalDate(Date())
      guard let on else { return today }
      guard let day = LocalDate(on) else {
        throw ValidationError("--on '\(on)' is not a day: use yyyy-MM-dd, such as 2026-03-14")
      }
      guard day <= today else { throw ValidationError("--on \(on) lies in the future (today is \(today))") }
      return day
    }

    func run() throws {
      let catalog = try definitions.loadCatalog()
      guard let definition = catalog.questionnaire(Questionnaire.ID(rawValue: questionnaire)) else {
        throw InterviewCLIError.unknownQuestionnaire(
          questionnaire, known: catalog.questionnaires.map(\.questionnaire.id.rawValue).sorted())
      }
      let store = try TevredenDatabase.open(database, recording: catalog)
      defer { store.close() }
      let day = try day()
      try store.recordContacts(
        outcome, count: count, of: definition.questionnaire, mode: mode, interviewer: interviewer, on: day)
      print(
        "Vastgelegd: \(count) × \(outcome.rawValue.replacingOccurrences(of: "_", with: " ")) voor "
          + "\(definition.questionnaire.id.rawValue) (\(definition.questionnaire.groupLabel)), \(day).")
    }
  }
}
