import Foundation
import GRDB
import Testing
import TevredenCore
import TevredenStore
import TevredenTestSupport

/// The safe start of `tevreden interview` (issue 21): "Kunt u nu vrijuit praten?" before anything else of a
/// resident interview. These tests type the answer themselves (`answeringSafeStart: false`); every other interview
/// test has the harness answer *ja* (``SafeStartHarness``).
@Suite struct InterviewSafeStartTests {
  private static let clearScreen = "\u{1B}[3J\u{1B}[2J\u{1B}[H"

  /// One stored contact outcome, as the columns hold it.
  struct ContactRow: Equatable, CustomStringConvertible {
    var questionnaire: String
    var audience: String
    var group: String
    var outcome: String
    var mode: String
    var interviewer: String?
    var day: String
    var description: String { "\(questionnaire) \(outcome) \(mode) \(interviewer ?? "-") \(day)" }
  }

  /// Every stored contact outcome, and how many responses, interviews and interview events the database holds.
  private func stored(_ db: String) throws -> (contacts: [ContactRow], responses: Int, interviews: Int, events: Int) {
    let queue = try DatabaseQueue(path: db)
    defer { try? queue.close() }
    return try queue.read { db in
      let contacts = try Row.fetchAll(
        db,
        sql: """
          SELECT questionnaireID, audience, respondentGroup, outcome, mode, interviewer, collectedOn
          FROM contactOutcome ORDER BY id
          """
      ).map { row in
        ContactRow(
          questionnaire: row[0], audience: row[1], group: row[2], outcome: row[3], mode: row[4], interviewer: row[5],
          day: row[6])
      }
      let count = { (table: String) in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 }
      return (contacts, try count("response"), try count("interview"), try count("interviewEvent"))
    }
  }

  /// The response-rate figures of the *melding* group in `score --format json` for this year.
  private func meldingRates(db: String, folder: URL) throws -> [String: Any] {
    let run = try runTevredenProcess(
      [
        "score", "--format", "json", "--period", String(try dutchYear(of: Date())), "--db", db, "--questionnaires",
        questionnairesFolder.path,
      ], cwd: folder)
    try #require(run.exitCode == 0, "\(run)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let groups = ((object["indicators"] as? [[String: Any]]) ?? []).flatMap {
      ($0["groups"] as? [[String: Any]]) ?? []
    }
    let melding = try #require(groups.first { $0["group"] as? String == "melding" }, "\(run)")
    return try #require(melding["responseRates"] as? [String: Any], "\(melding)")
  }

  private var today: String { LocalDate(Date()).description }

  @Test func neeFromAPipeRecordsNotNowSafeAndStoresNoResponse() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let run = try runTevredenProcess(
      interviewArguments("inwoners-melding", interviewer: "VS01", db: db, gemeente: "Alkmaar"), cwd: folder,
      stdin: "nee\n", answeringSafeStart: false)
    #expect(run.exitCode == 0, "\(run)")
    // The question comes first, with the interviewer's instruction marked as the questions' are.
    #expect(run.stdout.hasPrefix("\n" + InterviewText.safeStartTitle + "\n" + "Kunt u nu vrijuit praten?\n"), "\(run)")
    #expect(
      run.stdout.contains(
        "  [instructie, niet voorlezen] Vraag dit voordat u over Veilig Thuis of de melding begint. Aarzelt de "
          + "persoon, of luistert er iemand mee, kies dan 2 (nee)"), "\(run)")
    // What happened, in Dutch, with the way out offered.
    for text in [
      "Het contact is beëindigd: de persoon kan nu niet vrijuit praten.",
      "Vastgelegd als contact 'niet nu, veilig' (geen weigering). Van het interview is niets bewaard.",
      "Later terugbellen mag: begin dan een nieuw interview.",
      "Snel weg: typ ! (of druk op Esc) en het scherm is meteen leeg. Enter: afsluiten.",
    ] {
      #expect(run.stdout.contains(text), "missing \(text.debugDescription): \(run)")
    }
    // Nothing of the interview was said or started: no id, no intro, no questions.
    for text in ["gestart", "Er is bij Veilig Thuis een melding gedaan", "Vraag 1 van", "weigering."] {
      #expect(!run.stdout.contains(text), "\(text.debugDescription): \(run)")
    }
    #expect(run.stderr.isEmpty, "\(run)")

    let (contacts, responses, interviews, events) = try stored(db)
    #expect(
      contacts == [
        ContactRow(
          questionnaire: "inwoners-melding", audience: "inwoners", group: "melding", outcome: "niet_nu_veilig",
          mode: "telefonisch", interviewer: "VS01", day: today)
      ])
    #expect(responses == 0 && interviews == 0 && events == 0)
    let open = try runTevredenProcess(["interview", "--open", "--db", db], cwd: folder)
    #expect(open.stdout.contains("Er zijn geen onafgemaakte interviews."), "\(open)")

    // With an interview completed the same year (`score` needs a response to report on), the response rates count
    // the nee as a contact that reached the person and is not possible now: "other", never a refusal.
    try completeOneMeldingInterview(db: db, folder: folder)
    let counts = try #require(try meldingRates(db: db, folder: folder)["interviews"] as? [String: Int])
    #expect(
      counts == [
        "completed": 1, "partial": 0, "refused": 0, "nonContact": 0, "other": 1, "unknownEligibility": 0,
      ])
    // Exactly as `tevreden contact --outcome niet_nu_veilig` records and counts it.
    let recorded = try runTevredenProcess(
      [
        "contact", "inwoners-melding", "--outcome", "niet_nu_veilig", "--interviewer", "VS01", "--db", db,
        "--questionnaires", questionnairesFolder.path,
      ], cwd: folder)
    try #require(recorded.exitCode == 0, "\(recorded)")
    #expect(try stored(db).contacts == contacts + contacts)
    let both = try #require(try meldingRates(db: db, folder: folder)["interviews"] as? [String: Int])
    #expect(both["other"] == 2 && both["refused"] == 0, "\(both)")
  }

  /// A completed *melding* interview (the harness answers its safe start), so that `score` has a response.
  private func completeOneMeldingInterview(db: String, folder: URL) throws {
    let script = InterviewScript.meldingWithChildren
    let run = try runTevredenProcess(
      interviewArguments(script.questionnaire, interviewer: "VS09", db: db), cwd: folder, stdin: script.stdin)
    try #require(run.exitCode == 0 && run.stdout.contains("is afgerond."), "\(run)")
  }

  @Test(arguments: ["\u{1B}", "!\r", "\r"])
  func neeInATerminalRecordsTheContactAndOffersTheQuickExit(key: String) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let session = try LiveSession.inTerminal(
      interviewArguments("inwoners-melding", interviewer: "VS02", db: db, extra: ["--mode", "persoonlijk"]),
      cwd: folder, answeringSafeStart: false)
    try session.waitFor("Kunt u nu vrijuit praten?")
    try session.waitFor("> ")
    try session.send("nee\r")
    try session.waitFor(InterviewText.notNowSafeEnded)
    try session.waitFor(InterviewText.quickExitOffer)
    try session.waitFor("> ")
    // The contact is stored before the way out is offered: leaving fast loses nothing.
    #expect(try stored(db).contacts.map(\.outcome) == ["niet_nu_veilig"])
    try session.send(key)
    if key == "\r" {
      #expect(try session.waitForExit() == 0, "\(session.output.debugDescription)")
      #expect(!session.output.contains(Self.clearScreen), "\(session.output.debugDescription)")
    } else {
      try session.waitFor(Self.clearScreen)
      #expect(try session.waitForExit() == 0, "\(session.output.debugDescription)")
      // The screen is cleared and nothing follows.
      #expect(session.unreadOutput.isEmpty, "printed after clearing: \(session.unreadOutput.debugDescription)")
    }
    #expect(!session.output.contains("gestart"), "\(session.output.debugDescription)")

    let (contacts, responses, interviews, events) = try stored(db)
    #expect(
      contacts == [
        ContactRow(
          questionnaire: "inwoners-melding", audience: "inwoners", group: "melding", outcome: "niet_nu_veilig",
          mode: "persoonlijk", interviewer: "VS02", day: today)
      ])
    #expect(responses == 0 && interviews == 0 && events == 0)
    try completeOneMeldingInterview(db: db, folder: folder)
    let counts = try #require(try meldingRates(db: db, folder: folder)["interviews"] as? [String: Int])
    #expect(counts["other"] == 1 && counts["refused"] == 0 && counts["completed"] == 1, "\(counts)")
  }

  /// A stop request while the safe start waits for the interviewer (nothing of the interview exists yet) ends the
  /// program with the terminal as it was, echo and line editing back, and stores nothing.
  @Test(arguments: [SIGTERM, SIGHUP])
  func aSignalAtTheSafeStartPutsTheTerminalBack(_ signalNumber: Int32) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let session = try LiveSession.inTerminal(
      interviewArguments("inwoners-melding", interviewer: "VS05", db: db), cwd: folder, answeringSafeStart: false)
    try session.waitFor("Kunt u nu vrijuit praten?")
    try session.waitFor("> ")
    func isRaw() throws -> Bool {
      let settings = try #require(session.terminalSettings())
      return settings.c_lflag & tcflag_t(ECHO) == 0 && settings.c_lflag & tcflag_t(ICANON) == 0
    }
    #expect(try isRaw(), "the question waits in raw mode, so the test can see it put back")
    kill(session.process.processIdentifier, signalNumber)
    #expect(try session.waitForExit() == 128 + signalNumber, "\(session.output.debugDescription)")
    #expect(try !isRaw(), "the terminal was left without echo")
    let (contacts, responses, interviews, events) = try stored(db)
    #expect(contacts.isEmpty && responses == 0 && interviews == 0 && events == 0)
  }

  @Test func jaGoesOnIntoTheInterviewAndTheQuestionIsStoredNowhere() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let script = InterviewScript.meldingWithChildren
    // An unclear answer is explained and the question asked again; then ja.
    let run = try runTevredenProcess(
      interviewArguments(script.questionnaire, interviewer: "VS03", db: db), cwd: folder,
      stdin: InterviewScript.stdin(["misschien", "ja"] + script.lines), answeringSafeStart: false)
    #expect(run.exitCode == 0, "\(run)")
    #expect(occurrences(of: "Typ 1 of j voor ja, 2 of n voor nee.", in: run.stdout) == 1, "\(run)")
    #expect(occurrences(of: "\nKunt u nu vrijuit praten?\n", in: run.stdout) == 2, "\(run)")
    // In this order: the safe start, the interview's start, the intro read out, the consent question as question 1.
    let marks = try [
      "Kunt u nu vrijuit praten?", "gestart.", "Er is bij Veilig Thuis een melding gedaan", "Vraag 1 van 16",
      "Wilt u meedoen",
    ].map { text in try #require(run.stdout.range(of: text), "no \(text) in \(run)").lowerBound }
    #expect(marks == marks.sorted(), "\(run)")

    let id = try startedInterviewID(in: run.stdout)
    let response = try storedResponse(id, db: db)
    #expect(response.status == .completed)
    #expect(answerTexts(response) == script.expected, "no answer for the safe start, all others as before")
    #expect(try stored(db).contacts.isEmpty, "an interview that goes on is no separate contact")
    // Not an item: the audit log names only the questionnaire's items, and neither the codebook nor the export
    // knows the question.
    let logged = Set(try TevredenDatabase.open(atPath: db).interviewEvents(id).compactMap(\.item?.rawValue))
    #expect(logged == Set(script.expected.keys))
    let codebook = try runTevredenProcess(
      ["codebook", "--questionnaire", script.questionnaire, "--db", db, "--questionnaires", questionnairesFolder.path],
      cwd: folder)
    #expect(codebook.exitCode == 0, "\(codebook)")
    let export = try runTevredenProcess(["export", "--questionnaire", script.questionnaire, "--db", db], cwd: folder)
    #expect(export.exitCode == 0, "\(export)")
    for output in [codebook.stdout, export.stdout] {
      #expect(!output.localizedCaseInsensitiveContains("vrijuit"))
      #expect(!output.localizedCaseInsensitiveContains("veilige start"))
    }
  }

  @Test func chainPartnerInterviewsAndPaperFormsAreNotAsked() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let politie = InterviewScript.politie
    let partner = try runTevredenProcess(
      interviewArguments(politie.questionnaire, interviewer: "VS04", db: db), cwd: folder, stdin: politie.stdin,
      answeringSafeStart: false)
    #expect(partner.exitCode == 0, "\(partner)")
    #expect(!partner.stdout.contains("vrijuit"), "\(partner)")
    #expect(partner.stdout.hasPrefix("Interview VT-"), "\(partner)")
    #expect(answerTexts(try storedResponse(try startedInterviewID(in: partner.stdout), db: db)) == politie.expected)

    // A paper form keyed in later: nobody is on the line to ask.
    let melding = InterviewScript.meldingWithChildren
    let paper = try runTevredenProcess(
      interviewArguments(
        melding.questionnaire, interviewer: "VS04", db: db, extra: ["--mode", "papier", "--completed-on", "2025-04-30"]),
      cwd: folder, stdin: melding.stdin, answeringSafeStart: false)
    #expect(paper.exitCode == 0, "\(paper)")
    #expect(!paper.stdout.contains("vrijuit"), "\(paper)")
    #expect(answerTexts(try storedResponse(try startedInterviewID(in: paper.stdout), db: db)) == melding.expected)
    #expect(try stored(db).contacts.isEmpty)
  }

  /// A resumed interview is a new call, so the question is asked again. Nee leaves it paused with its answers, and
  /// records no contact outcome: the interview already counts as this person's contact.
  @Test func aResumedInterviewIsAskedAgainAndNeeKeepsItPaused() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let script = InterviewScript.meldingWithChildren
    let first = try runTevredenProcess(
      interviewArguments(script.questionnaire, interviewer: "VS05", db: db), cwd: folder,
      stdin: InterviewScript.stdin(["ja"] + script.lines.prefix(3) + ["p"]), answeringSafeStart: false)
    #expect(first.exitCode == 0, "\(first)")
    let id = try startedInterviewID(in: first.stdout)
    let answered = answerTexts(try storedResponse(id, db: db))
    #expect(answered.count == 3)

    let declined = try runTevredenProcess(
      resumeArguments(id, db: db), cwd: folder, stdin: "nee\n", answeringSafeStart: false)
    #expect(declined.exitCode == 0, "\(declined)")
    #expect(declined.stdout.hasPrefix("Interview \(id) wordt hervat.\n"), "\(declined)")
    #expect(declined.stdout.contains("Kunt u nu vrijuit praten?"), "\(declined)")
    #expect(declined.stdout.contains(InterviewText.notNowSafeEnded), "\(declined)")
    #expect(
      declined.stdout.contains(
        "Interview \(id) blijft gepauzeerd; de antwoorden van eerder blijven bewaard. Er is geen weigering vastgelegd."),
      "\(declined)")
    #expect(declined.stdout.contains("Verder gaan: "), "\(declined)")
    #expect(!declined.stdout.contains("Vraag 4 van"), "\(declined)")
    let store = try TevredenDatabase.open(atPath: db)
    #expect(try store.interviewState(id) == .paused)
    #expect(answerTexts(try storedResponse(id, db: db)) == answered)
    #expect(try store.interviewEvents(id).suffix(2).map(\.kind) == [.resumed, .paused])
    #expect(try stored(db).contacts.isEmpty)
    // Counted once, as the partial interview it is.
    let counts = try #require(try meldingRates(db: db, folder: folder)["interviews"] as? [String: Int])
    #expect(counts["partial"] == 1 && counts["other"] == 0 && counts["refused"] == 0, "\(counts)")

    // Called back later: ja, and the interview goes on where it stopped.
    let finished = try runTevredenProcess(
      resumeArguments(id, db: db), cwd: folder, stdin: InterviewScript.stdin(["ja"] + script.lines.dropFirst(3)),
      answeringSafeStart: false)
    #expect(finished.exitCode == 0, "\(finished)")
    #expect(finished.stdout.contains("Interview \(id) is afgerond."), "\(finished)")
    #expect(answerTexts(try storedResponse(id, db: db)) == script.expected)
  }

  /// The quick exit at a resumed interview's safe start, in a terminal: at the question itself (Esc), or after a nee
  /// (`!`). Either way the screen is cleared at once, nothing follows, and the interview stays paused as it was.
  @Test(arguments: [["\u{1B}"], ["nee\r", "!\r"]])
  func theQuickExitAtAResumedSafeStartClearsTheScreenAndKeepsItPaused(keys: [String]) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let script = InterviewScript.meldingWithChildren
    let first = try runTevredenProcess(
      interviewArguments(script.questionnaire, interviewer: "VS07", db: db), cwd: folder,
      stdin: InterviewScript.stdin(Array(script.lines.prefix(2)) + ["p"]))
    let id = try startedInterviewID(in: first.stdout)
    let session = try LiveSession.inTerminal(resumeArguments(id, db: db), cwd: folder, answeringSafeStart: false)
    try session.waitFor("Kunt u nu vrijuit praten?")
    try session.waitFor("> ")
    for key in keys.dropLast() {
      try session.send(key)
      try session.waitFor(InterviewText.quickExitOffer)
      try session.waitFor("> ")
    }
    try session.send(keys.last ?? "")
    try session.waitFor(Self.clearScreen)
    #expect(try session.waitForExit() == 0, "\(session.output.debugDescription)")
    #expect(session.unreadOutput.isEmpty, "printed after clearing: \(session.unreadOutput.debugDescription)")

    let store = try TevredenDatabase.open(atPath: db)
    #expect(try store.interviewState(id) == .paused)
    #expect(answerTexts(try storedResponse(id, db: db)) == ["toestemming": "ja", "rol": "betrokkene"])
    #expect(try store.interviewEvents(id).last?.kind == (keys.count == 1 ? .quickExit : .paused))
    #expect(try stored(db).contacts.isEmpty)
  }

  @Test(arguments: ["", "!\n"])
  func stoppingAtTheSafeStartStoresNothing(input: String) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let run = try runTevredenProcess(
      interviewArguments("inwoners-melding", interviewer: "VS06", db: db), cwd: folder, stdin: input,
      answeringSafeStart: false)
    #expect(run.exitCode == 0, "\(run)")
    // End of input says so; the quick exit says nothing more after the question.
    #expect(run.stdout.contains(InterviewText.safeStartStopped) == input.isEmpty, "\(run)")
    #expect(!run.stdout.contains("gestart"), "\(run)")
    let (contacts, responses, interviews, events) = try stored(db)
    #expect(contacts.isEmpty && responses == 0 && interviews == 0 && events == 0)
  }
}
