import ArgumentParser
import Foundation
import Testing

@testable import TevredenCLI
@testable import TevredenCore

/// When a *nee* at the safe start cannot be stored, the interviewer is told so and given the command that records
/// the contact later: it must be one `tevreden contact` accepts as it stands.
@Suite struct SafeStartContactTests {
  let day = LocalDate(year: 2026, month: 3, day: 2)

  @Test func theLineThatRecordsTheContactLaterParsesAsTheContactCommand() throws {
    let command = ResumeCommand(program: "tevreden", databasePath: "/data/regio/tevreden.sqlite")
    let line = command.contactLine(
      questionnaire: "inwoners-melding", outcome: .notNowSafe, interviewer: "AB12", mode: .persoonlijk, on: day)
    #expect(
      line
        == "tevreden contact inwoners-melding --outcome niet_nu_veilig --interviewer AB12 --mode persoonlijk "
        + "--on 2026-03-02 --db /data/regio/tevreden.sqlite")
    let words = line.split(separator: " ").dropFirst().map(String.init)
    let parsed = try #require(try TevredenCommand.parseAsRoot(words) as? TevredenCommand.Contact)
    #expect(parsed.questionnaire == "inwoners-melding")
    #expect(parsed.outcome == .notNowSafe)
    #expect(parsed.interviewer == "AB12")
    #expect(parsed.mode == .persoonlijk)
    #expect(try parsed.day() == day)
  }

  @Test func aDatabasePathWithSpacesOrQuotesIsQuotedForTheShell() {
    let command = ResumeCommand(program: "tevreden", databasePath: "/data/map met spatie's/tevreden.sqlite")
    let line = command.contactLine(
      questionnaire: "inwoners-melding", outcome: .notNowSafe, interviewer: "AB12", mode: .telefonisch, on: day)
    #expect(line.hasSuffix(" --db '/data/map met spatie'\\''s/tevreden.sqlite'"), "\(line)")
  }

  @Test func theMessageNeverClaimsTheContactIsStored() {
    let text = InterviewText.notNowSafeNotRecorded(because: .diskFull, record: "tevreden contact …")
    #expect(text.hasPrefix("Het contact is beëindigd: de persoon kan nu niet vrijuit praten.\n"))
    #expect(text.contains("Het contact is NIET vastgelegd: de schijf is vol."))
    #expect(text.contains("Leg het contact later vast met: tevreden contact …"))
    #expect(!text.contains("Vastgelegd als"))
  }
}
