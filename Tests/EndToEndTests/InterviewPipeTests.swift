import Foundation
import Testing
import TevredenCore
import TevredenStore
import TevredenTestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `tevreden interview` from a pipe, as scripted entry uses it: plain text, validation, routing, going back,
/// refusal, pause and resume, and the audit log.
@Suite struct InterviewPipeTests {
  @Test func scriptedInterviewIsStoredCompleteAndCountsInTheScore() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let script = InterviewScript.meldingWithChildren
    let run = try runTevredenProcess(
      interviewArguments(script.questionnaire, interviewer: "AB12", db: db, gemeente: "alkmaar"), cwd: folder,
      stdin: script.stdin)
    #expect(run.exitCode == 0, "\(run)")
    let id = try startedInterviewID(in: run.stdout)
    #expect(run.stdout.contains("Interview \(id) is afgerond."), "\(run)")
    // Plain text from a pipe: not a single escape byte, on either stream.
    #expect(!run.stdout.utf8.contains(0x1B), "escape codes on standard output: \(run)")
    #expect(!run.stderr.utf8.contains(0x1B), "escape codes on standard error: \(run)")
    // Progress, the review screen and the prompt.
    for text in ["Vraag 1 van 16", "Vraag 4 van 15", "Vraag 15 van 15", "Overzicht van de antwoorden", "\n> "] {
      #expect(run.stdout.contains(text), "missing \(text.debugDescription): \(run)")
    }
    // The review in full, each answer under its whole question, not fitted to a screen.
    #expect(
      run.stdout.contains(
        "\n  15  Wilt u nog iets zeggen over Veilig Thuis? Noem geen namen.\n      → Goed geholpen.\n"))
    #expect(!run.stdout.contains("(blad "), "\(run)")
    // The interviewer's note is on the screen, marked as not to be read out, and never becomes an answer.
    #expect(
      run.stdout.contains(
        "[instructie, niet voorlezen] Typ geen namen, adressen of telefoonnummers over; vat samen in eigen woorden."),
      "\(run)")
    #expect(run.stdout.contains("Wat u zegt heeft geen invloed op uw dossier"), "\(run)")
    #expect(!run.stdout.contains("Niemand kan zien wat u heeft gezegd"))

    let response = try storedResponse(id, db: db)
    #expect(response.status == .completed)
    #expect(answerTexts(response) == script.expected)
    #expect(response.questionnaireID.rawValue == "inwoners-melding")
    #expect(response.interviewer == "AB12")
    #expect(response.gemeente == "Alkmaar", "the gemeente is stored as indicators.yaml spells it")
    #expect(response.mode == .telefonisch)
    let completedAt = try #require(response.completedAt)
    #expect(completedAt.timeIntervalSinceNow > -60 && completedAt.timeIntervalSinceNow < 5)
    let store = try TevredenDatabase.open(atPath: db)
    #expect(try store.interviewState(id) == .completed)
    #expect(try store.openInterviews().isEmpty)

    // The year it was completed in (this year, unless the test ran across midnight on 31 December).
    let year = String(try dutchYear(of: completedAt))
    let common = ["--period", year, "--db", db, "--questionnaires", questionnairesFolder.path]
    let csv = try runTevredenProcess(["score", "--format", "csv"] + common, cwd: folder)
    #expect(csv.exitCode == 0, "\(csv)")
    let table = try CSVTable(text: csv.stdout)
    let (indicator, group, n, mean) = (
      try table.column("indicator"), try table.column("group_label"), try table.column("n"), try table.column("mean")
    )
    let melding = try #require(table.rows.first { $0[indicator] == "pi5" && $0[group] == "Melding" }, "\(csv)")
    #expect(melding[n] == "1", "\(csv)")
    // One respondent is below the minimum: counted, but no mean is reported.
    #expect(melding[mean] == "", "\(csv)")
    let overall = try #require(table.rows.first { $0[indicator] == "pi5" && $0[group].isEmpty }, "\(csv)")
    #expect(overall[n] == "1", "\(csv)")

    let plain = try runTevredenProcess(["score"] + common, cwd: folder)
    #expect(plain.exitCode == 0, "\(plain)")
    let row = try #require(plain.stdout.split(separator: "\n").first { $0.hasPrefix("    Melding ") }, "\(plain)")
    #expect(row.split(separator: " ").prefix(3) == ["Melding", "1", "–"], "\(plain)")
    #expect(row.contains("te weinig respondenten"), "\(plain)")
  }

  /// An input the question does not accept, the Dutch sentence that must explain it, and where it is typed.
  struct InvalidInput: Sendable, CustomTestStringConvertible {
    /// Typed before line `before` of ``InterviewScript/meldingWithChildren``.
    var before: Int
    var typed: String
    var header: String
    var message: String
    var testDescription: String { "\(typed.debugDescription) at \(header)" }
  }

  static let invalidInputs = [
    InvalidInput(before: 3, typed: "9", header: "Vraag 4 van 15", message: "Kies een nummer van 1 tot en met 5."),
    InvalidInput(
      before: 3, typed: "abc", header: "Vraag 4 van 15",
      message: "'abc' is geen antwoord op deze vraag: typ het nummer of het begin van een antwoord."),
    InvalidInput(
      before: 3, typed: "", header: "Vraag 4 van 15", message: "Kies een van de antwoorden: typ het nummer."),
    InvalidInput(
      before: 13, typed: "7,25", header: "Vraag 14 van 15",
      message: "Geef een cijfer van 1 tot en met 10, met hoogstens één cijfer na de komma."),
    InvalidInput(
      before: 13, typed: "11", header: "Vraag 14 van 15",
      message: "Geef een cijfer van 1 tot en met 10, met hoogstens één cijfer na de komma."),
    InvalidInput(before: 0, typed: "3", header: "Vraag 1 van 16", message: "Typ 1 of j voor ja, 2 of n voor nee."),
    InvalidInput(
      before: 0, typed: "w", header: "Vraag 1 van 16", message: "'Weet ik niet' kan bij deze vraag niet gekozen worden."
    ),
    InvalidInput(
      before: 1, typed: "1,2", header: "Vraag 2 van 16", message: "Bij deze vraag kiest u één antwoord."),
    InvalidInput(
      before: 15, typed: "16", header: "Overzicht van de antwoorden",
      message: "Er is geen antwoord met dat nummer: kies 1 tot en met 15."),
  ]

  @Test(arguments: invalidInputs)
  func invalidAnswerIsExplainedInDutchAndTheQuestionAskedAgain(_ input: InvalidInput) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let script = InterviewScript.meldingWithChildren
    var lines = script.lines
    lines.insert(input.typed, at: input.before)
    let run = try runTevredenProcess(
      interviewArguments(script.questionnaire, interviewer: "AB12", db: db), cwd: folder,
      stdin: InterviewScript.stdin(lines))
    #expect(run.exitCode == 0, "\(run)")
    #expect(occurrences(of: input.message, in: run.stdout) == 1, "\(run)")
    // The same screen twice: once before the input, once again with the sentence under it.
    #expect(occurrences(of: "\n" + input.header + "\n", in: run.stdout) == 2, "\(run)")
    let second = try #require(run.stdout.ranges(of: "\n" + input.header + "\n").last)
    let message = try #require(run.stdout.range(of: input.message))
    #expect(second.upperBound <= message.lowerBound, "the sentence belongs to the repeated screen: \(run)")
    // Nothing of the refused input was stored; the interview went on normally.
    let response = try storedResponse(try startedInterviewID(in: run.stdout), db: db)
    #expect(response.status == .completed, "\(run)")
    #expect(answerTexts(response) == script.expected)
  }

  @Test func answeringNoChildrenSkipsTheChildrenQuestions() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let script = InterviewScript.meldingWithoutChildren
    let run = try runTevredenProcess(
      interviewArguments(script.questionnaire, interviewer: "CD34", db: db), cwd: folder, stdin: script.stdin)
    #expect(run.exitCode == 0, "\(run)")
    for skipped in [
      "Veilig Thuis heeft genoeg met de kinderen gesproken.", "Heeft Veilig Thuis hulp voor de kinderen aangeboden?",
      "Het was mij duidelijk dat er een melding over mij of mijn gezin was gedaan",
    ] {
      #expect(!run.stdout.contains(skipped), "asked although routed away: \(skipped)\n\(run)")
    }
    #expect(run.stdout.contains("Heeft Veilig Thuis u verteld wat er met uw melding is gedaan?"), "\(run)")
    // With the reporter's route and no children 13 questions apply.
    #expect(run.stdout.contains("Vraag 13 van 13"), "\(run)")
    let response = try storedResponse(try startedInterviewID(in: run.stdout), db: db)
    #expect(response.status == .completed)
    #expect(answerTexts(response) == script.expected)
    for item in ["kinderen_gesproken", "kinderen_hulp", "duidelijk_melding", "opmerking"] {
      #expect(response.answers[Question.ID(rawValue: item)] == nil, "\(item) is stored")
    }
  }

  @Test func goingBackAndAnsweringNoChildrenRemovesTheChildrenAnswers() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    // Through kinderen_hulp (13 answers, children included), then back from the grade to "kinderen" (11 times
    // "<") and change it to nee; then the input ends.
    let answered = Array(InterviewScript.meldingWithChildren.lines.prefix(13))
    let first = try runTevredenProcess(
      interviewArguments("inwoners-melding", interviewer: "AB12", db: db), cwd: folder,
      stdin: InterviewScript.stdin(answered + Array(repeating: "<", count: 11) + ["2"]))
    #expect(first.exitCode == 0, "\(first)")
    let id = try startedInterviewID(in: first.stdout)
    // The last "<" shows "kinderen" again, with its answer.
    let lastVisitOfKinderen = try #require(first.stdout.ranges(of: "\nVraag 3 van 15\n").last, "\(first)")
    let screen = first.stdout[lastVisitOfKinderen.upperBound...].prefix { $0 != ">" }
    #expect(screen.hasPrefix("Ging het ook om kinderen?\n   1  Ja\n   2  Nee\n"), "\(first)")
    #expect(screen.contains("Huidig antwoord: Ja (Enter = zo laten)"), "\(first)")
    #expect(first.stdout.contains("is gepauzeerd"), "\(first)")

    // Stored at once, before the session ended: nee, and the children answers are gone.
    var response = try storedResponse(id, db: db)
    var expected = InterviewScript.meldingWithChildren.expected.filter { !$0.key.hasPrefix("kinderen_") }
    expected["kinderen"] = "nee"
    for later in ["cijfer", "opmerking"] { expected[later] = nil }
    #expect(answerTexts(response) == expected)
    let events = try TevredenDatabase.open(atPath: db).interviewEvents(id)
    #expect(events.contains { $0.kind == .answerChanged && $0.item == "kinderen" })
    #expect(
      Set(events.filter { $0.kind == .answerRemoved }.compactMap(\.item)) == ["kinderen_gesproken", "kinderen_hulp"])

    // Resuming goes to the first unanswered question: the grade, now question 12 of 13.
    let second = try runTevredenProcess(
      resumeArguments(id, db: db), cwd: folder, stdin: InterviewScript.stdin(["8", "", "ok"]))
    #expect(second.exitCode == 0, "\(second)")
    let firstScreen = try #require(second.stdout.firstMatch(of: /\nVraag (\d+) van (\d+)\n([^\n]*)\n/), "\(second)")
    #expect(firstScreen.1 == "12" && firstScreen.2 == "13", "\(second)")
    #expect(firstScreen.3.hasPrefix("Welk rapportcijfer geeft u Veilig Thuis?"), "\(second)")
    response = try storedResponse(id, db: db)
    expected["cijfer"] = "8"
    #expect(response.status == .completed, "\(second)")
    #expect(answerTexts(response) == expected)
  }

  @Test func changingAnAnswerFromTheReviewScreenReturnsToIt() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let script = InterviewScript.meldingWithChildren
    // At the review screen: 14 is the grade; change 8 into 6, then confirm.
    let lines = script.lines.dropLast() + ["14", "6", "ok"]
    let run = try runTevredenProcess(
      interviewArguments(script.questionnaire, interviewer: "AB12", db: db), cwd: folder,
      stdin: InterviewScript.stdin(Array(lines)))
    #expect(run.exitCode == 0, "\(run)")
    #expect(run.stdout.contains("Na deze vraag gaat u terug naar het overzicht."), "\(run)")
    #expect(occurrences(of: "Overzicht van de antwoorden", in: run.stdout) == 2, "\(run)")
    let id = try startedInterviewID(in: run.stdout)
    let response = try storedResponse(id, db: db)
    var expected = script.expected
    expected["cijfer"] = "6"
    #expect(response.status == .completed)
    #expect(answerTexts(response) == expected)
    let events = try TevredenDatabase.open(atPath: db).interviewEvents(id)
    #expect(events.filter { $0.kind == .answerChanged }.map(\.item) == ["cijfer"])
  }

  @Test(arguments: [["nee", "j"], ["ja", "1", "j", "<", "<", "<", "nee", "j"]])
  func refusedConsentIsRecordedWithOnlyTheConsentAnswer(_ lines: [String]) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let run = try runTevredenProcess(
      interviewArguments("inwoners-melding", interviewer: "AB12", db: db), cwd: folder,
      stdin: InterviewScript.stdin(lines))
    #expect(run.exitCode == 0, "\(run)")
    let id = try startedInterviewID(in: run.stdout)
    #expect(occurrences(of: Self.refusalQuestion, in: run.stdout) == 1, "\(run)")
    #expect(
      run.stdout.contains("De respondent wil niet meedoen. Interview \(id) is vastgelegd als weigering."), "\(run)")
    let response = try storedResponse(id, db: db)
    #expect(response.status == .refused)
    #expect(answerTexts(response) == ["toestemming": "nee"])
    let store = try TevredenDatabase.open(atPath: db)
    #expect(try store.interviewState(id) == .refused)
    #expect(try store.interviewEvents(id).last?.kind == .refused)
    #expect(try store.openInterviews().isEmpty)
    // A refusal is final.
    let resume = try runTevredenProcess(resumeArguments(id, db: db), cwd: folder, stdin: "ja\n")
    #expect(resume.exitCode == 1, "\(resume)")
    #expect(resume.stderr.contains("refusal"), "\(resume)")
    #expect(try storedResponse(id, db: db).status == .refused)
  }

  static let refusalQuestion =
    "Weet u zeker dat de respondent niet wil meedoen? Het interview wordt dan als weigering afgesloten. (j/n)"

  @Test func consentNoNotConfirmedAsksTheConsentQuestionAgainAndStoresNothingUntilThen() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    // nee, then n at the confirmation: the consent question again; nee once more, and the input ends there.
    let session = try LiveSession.overPipes(
      interviewArguments("inwoners-melding", interviewer: "AB12", db: db), cwd: folder)
    try session.waitFor("Vraag 1 van 16")
    try session.waitFor("\n> ")
    let id = try startedInterviewID(in: session.output)
    try session.send("nee\n")
    try session.waitFor(Self.refusalQuestion)
    try session.waitFor("\n> ")
    #expect(try storedResponse(id, db: db).answers.isEmpty, "nothing is stored before the refusal is confirmed")
    #expect(try TevredenDatabase.open(atPath: db).interviewState(id) == .active)
    try session.send("n\n")
    let again = try session.waitFor("\n> ")
    #expect(again.contains("Vraag 1 van 16\nWilt u meedoen"), "\(session.output)")
    try session.send("nee\n")
    try session.waitFor(Self.refusalQuestion)
    try session.waitFor("\n> ")
    session.closeInput()
    #expect(try session.waitForExit() == 0, "\(session.output)")
    #expect(!session.output.contains("vastgelegd als weigering"), "\(session.output)")
    let store = try TevredenDatabase.open(atPath: db)
    #expect(try store.interviewState(id) == .paused)
    #expect(try storedResponse(id, db: db).status == .partial)
    #expect(try storedResponse(id, db: db).answers.isEmpty)
    #expect(try !store.interviewEvents(id).contains { $0.kind == .refused || $0.kind == .answered })

    // Resumed, the consent question comes first; ja goes on with the interview.
    let resumed = try runTevredenProcess(resumeArguments(id, db: db), cwd: folder, stdin: "ja\n")
    #expect(resumed.stdout.contains("Vraag 1 van 16\nWilt u meedoen"), "\(resumed)")
    #expect(resumed.stdout.contains("Vraag 2 van 16"), "\(resumed)")
    #expect(try answerTexts(storedResponse(id, db: db)) == ["toestemming": "ja"])
  }

  @Test func endOfInputPausesAndResumeContinuesAtTheFirstUnansweredQuestion() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let script = InterviewScript.meldingWithChildren
    let first = try runTevredenProcess(
      interviewArguments(script.questionnaire, interviewer: "AB12", db: db, gemeente: "Den Helder"), cwd: folder,
      stdin: InterviewScript.stdin(Array(script.lines.prefix(5))))
    #expect(first.exitCode == 0, "\(first)")
    let id = try startedInterviewID(in: first.stdout)
    #expect(
      first.stdout.contains("Interview \(id) is gepauzeerd; alle antwoorden zijn bewaard. Verder gaan: "), "\(first)")
    #expect(first.stdout.contains(" interview --resume \(id) --db \(db)\n"), "\(first)")
    let store = try TevredenDatabase.open(atPath: db)
    #expect(try store.interviewState(id) == .paused)
    #expect(try store.response(id)?.status == .partial)
    #expect(try store.response(id)?.answers.count == 5)

    let open = try runTevredenProcess(["interview", "--open", "--db", db], cwd: folder)
    #expect(open.exitCode == 0, "\(open)")
    let row = try #require(open.stdout.split(separator: "\n").first { $0.hasPrefix(id.rawValue) }, "\(open)")
    let columns = row.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    #expect(Array(columns.prefix(5)) == [id.rawValue, "inwoners-melding", "AB12", "Den", "Helder"], "\(open)")
    #expect(columns.contains("5") && columns.last == "gepauzeerd", "\(open)")

    let second = try runTevredenProcess(
      resumeArguments(id, db: db), cwd: folder, stdin: InterviewScript.stdin(Array(script.lines.dropFirst(5))))
    #expect(second.exitCode == 0, "\(second)")
    #expect(second.stdout.hasPrefix("Interview \(id) wordt hervat.\n"), "\(second)")
    #expect(!second.stdout.contains("Wat vond u van Veilig Thuis?"), "the intro is not shown again: \(second)")
    let firstScreen = try #require(second.stdout.firstMatch(of: /\nVraag (\d+) van (\d+)\n([^\n]*)\n/), "\(second)")
    #expect(firstScreen.1 == "6" && firstScreen.2 == "15", "\(second)")
    #expect(firstScreen.3 == "Hoe goed luisterde de medewerker naar u?", "\(second)")
    #expect(second.stdout.contains("Interview \(id) is afgerond."), "\(second)")
    let response = try storedResponse(id, db: db)
    #expect(response.status == .completed)
    #expect(answerTexts(response) == script.expected)
    #expect(response.gemeente == "Den Helder")

    let none = try runTevredenProcess(["interview", "--open", "--db", db], cwd: folder)
    #expect(none.stdout.contains("Er zijn geen onafgemaakte interviews."), "\(none)")
  }

  /// The command after "Verder gaan: " on the line that holds `marker`.
  private func resumeHint(after marker: String, in output: String) throws -> String {
    let line = try #require(output.split(separator: "\n").first { $0.contains(marker) }, "no \(marker) in:\n\(output)")
    let start = try #require(line.range(of: "Verder gaan: "), "no hint in \(line)")
    return String(line[start.upperBound...])
  }

  /// Where the pause message sends the interviewer: with `tevreden` on PATH, or run from a build folder (as with
  /// `swift run`), whose program the hint then names by its path.
  @Test(arguments: [true, false])
  func pauseMessageResumesWhenTypedAsItStandsInAnotherFolder(tevredenOnPath: Bool) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // The interviewer works in a folder with a space and a quote in its name, with the database there named by a
    // relative path.
    let workFolder = folder.appendingPathComponent("map met spatie's")
    let elsewhere = folder.appendingPathComponent("ergens anders")
    for made in [workFolder, elsewhere] {
      try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
    }
    let binaryFolder = try tevredenBinary().deletingLastPathComponent().path
    let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let environment = ["PATH": tevredenOnPath ? binaryFolder + ":" + searchPath : searchPath]
    let script = InterviewScript.meldingWithChildren

    let first = try runTevredenProcess(
      [
        "interview", script.questionnaire, "--interviewer", "AB12", "--questionnaires", questionnairesFolder.path,
        "--db", "tevreden.sqlite",
      ],
      cwd: workFolder, stdin: InterviewScript.stdin(Array(script.lines.prefix(3)) + ["p"]), env: environment)
    #expect(first.exitCode == 0, "\(first)")
    let id = try startedInterviewID(in: first.stdout)
    let hint = try resumeHint(after: "is gepauzeerd", in: first.stdout)
    if tevredenOnPath { #expect(hint.hasPrefix("tevreden interview --resume \(id) --db '/"), "\(hint)") }

    // Typed as it stands, in a shell, in another folder: it resumes the same interview in the same database. (The
    // shell is not the harness's runner, so the resumed call's safe start is answered here.)
    let resumed = try runProgram(
      URL(fileURLWithPath: "/bin/sh"), ["-c", hint], cwd: elsewhere,
      stdin: InterviewScript.stdin([SafeStartHarness.answer] + Array(script.lines.dropFirst(3))), env: environment)
    #expect(resumed.exitCode == 0, "\(hint)\n\(resumed)")
    #expect(resumed.stdout.hasPrefix("Interview \(id) wordt hervat.\n"), "\(hint)\n\(resumed)")
    #expect(resumed.stdout.contains("Interview \(id) is afgerond."), "\(hint)\n\(resumed)")
    let db = workFolder.appendingPathComponent("tevreden.sqlite").path
    #expect(try answerTexts(storedResponse(id, db: db)) == script.expected)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty, "no stray database elsewhere")
  }

  @Test func openListingHintNamesTheDatabaseAndWorksFromAnotherFolder() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let elsewhere = folder.appendingPathComponent("elders")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    let first = try runTevredenProcess(
      interviewArguments("inwoners-melding", interviewer: "AB12", db: "relative.sqlite"), cwd: folder, stdin: "ja\n")
    let id = try startedInterviewID(in: first.stdout)
    let open = try runTevredenProcess(["interview", "--open", "--db", "relative.sqlite"], cwd: folder)
    #expect(open.exitCode == 0, "\(open)")
    let hint = try resumeHint(after: "Verder gaan: ", in: open.stdout)
    let db = folder.appendingPathComponent("relative.sqlite").standardizedFileURL.path
    #expect(hint.hasSuffix(" interview --resume <id> --db \(db)"), "\(open)")
    let resumed = try runProgram(
      URL(fileURLWithPath: "/bin/sh"), ["-c", hint.replacingOccurrences(of: "<id>", with: id.rawValue)],
      cwd: elsewhere, stdin: InterviewScript.stdin([SafeStartHarness.answer, "1", "p"]))
    #expect(resumed.exitCode == 0, "\(resumed)")
    #expect(resumed.stdout.hasPrefix("Interview \(id) wordt hervat.\n"), "\(resumed)")
    #expect(try answerTexts(storedResponse(id, db: db)) == ["toestemming": "ja", "rol": "betrokkene"])
  }

  /// Two sessions (paused with `p`, resumed), a changed answer and a free text.
  private func interviewWithAuditTrail(in folder: URL) throws -> (id: Response.ID, db: String, freeText: String) {
    let db = folder.appendingPathComponent("db.sqlite").path
    let freeText = "Mijn buurvrouw hielp echt heel goed mee"
    let first = try runTevredenProcess(
      interviewArguments("inwoners-melding", interviewer: "AB12", db: db), cwd: folder,
      stdin: InterviewScript.stdin(["ja", "1", "j", "4", "p", "this line is never read"]))
    #expect(first.exitCode == 0, "\(first)")
    let id = try startedInterviewID(in: first.stdout)
    let second = try runTevredenProcess(
      resumeArguments(id, db: db), cwd: folder,
      stdin: InterviewScript.stdin(["5", "w", "5", "4", "3", "4", "4", "4", "ja", "8", freeText, "14", "6", "ok"]))
    #expect(second.exitCode == 0, "\(second)")
    #expect(try storedResponse(id, db: db).answers["opmerking"] == .value(.text(freeText)))
    return (id, db, freeText)
  }

  @Test func auditLogRecordsEveryStepWithTheInterviewerAndNoAnswerValues() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let before = Date().addingTimeInterval(-2)
    let (id, db, freeText) = try interviewWithAuditTrail(in: folder)
    let after = Date().addingTimeInterval(2)
    let events = try TevredenDatabase.open(atPath: db).interviewEvents(id)

    let answeredFirst: [Question.ID?] = ["toestemming", "rol", "kinderen", "bereikbaarheid"]
    let answeredSecond: [Question.ID?] = [
      "bejegening", "geduld", "duidelijk_melding", "duidelijk_rol_vt", "duidelijk_vervolg", "afspraken",
      "deskundigheid", "kinderen_gesproken", "kinderen_hulp", "cijfer", "opmerking",
    ]
    let expected: [(InterviewEventKind, Question.ID?)] =
      [(.started, nil)] + answeredFirst.map { (.answered, $0) } + [(.paused, nil), (.resumed, nil)]
      + answeredSecond.map { (.answered, $0) } + [(.answerChanged, "cijfer"), (.completed, nil)]
    #expect(events.map(\.kind) == expected.map(\.0))
    #expect(events.map(\.item) == expected.map(\.1))
    // Every event but the resume names the interviewer (see eventsOfAResumedSessionNameTheInterviewer).
    for event in events where event.kind != .resumed {
      #expect(event.interviewer == "AB12", "\(event)")
    }
    for event in events {
      #expect(event.at >= before && event.at <= after, "\(event)")
    }
    // No field of any event holds what was typed as free text, whatever fields an event has.
    for event in events {
      for field in Mirror(reflecting: event).children {
        let text = String(describing: field.value)
        #expect(!text.contains(freeText), "event field \(field.label ?? "?") holds the answer: \(event)")
      }
    }
  }

  @Test
  func eventsOfAResumedSessionNameTheInterviewer() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let first = try runTevredenProcess(
      interviewArguments("inwoners-melding", interviewer: "AB12", db: db), cwd: folder, stdin: "ja\n")
    #expect(first.exitCode == 0, "\(first)")
    let id = try startedInterviewID(in: first.stdout)
    let session = try LiveSession.overPipes(resumeArguments(id, db: db), cwd: folder)
    try session.waitFor("Vraag 2 van 16")
    try session.waitFor("\n> ")
    kill(session.process.processIdentifier, SIGTERM)
    #expect(try session.waitForExit() == 128 + SIGTERM, "\(session.output)")

    let events = try TevredenDatabase.open(atPath: db).interviewEvents(id)
    let resumedSession = events.drop { $0.kind != .resumed }
    #expect(resumedSession.map(\.kind) == [.resumed, .paused])
    for event in resumedSession {
      #expect(event.interviewer == "AB12", "\(event)")
    }
  }
}
