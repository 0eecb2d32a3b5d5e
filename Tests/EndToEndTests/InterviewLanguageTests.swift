import Foundation
import Testing
import TevredenCore
import TevredenStore
import TevredenTestSupport

/// `tevreden interview --taal`, `:taal` and `--tolk`: the questionnaire's texts in another language, the
/// interviewer's screens in Dutch, right-to-left text isolated on every line, and the language and interpreter
/// stored with the response.
@Suite struct InterviewLanguageTests {
  static let rightToLeftIsolate = "\u{2067}"
  static let firstStrongIsolate = "\u{2068}"
  static let popIsolate = "\u{2069}"

  func arguments(_ questionnaires: URL, db: String, _ extra: [String]) -> [String] {
    ["interview", "interview-translated", "--interviewer", "TT01", "--db", db, "--questionnaires", questionnaires.path]
      + extra
  }

  /// Sends keys, then waits until `marker` and the prompt after it have appeared.
  private func type(_ keys: String, in session: LiveSession, thenWaitFor marker: String) throws {
    try session.send(keys)
    try session.waitFor(marker)
    try session.waitFor("> ")
  }

  /// The output as lines on the screen: escape sequences and carriage returns taken out.
  static func screenLines(_ output: String) -> [String] {
    // "\r\n" is one Character in Swift: made a plain line break before the text is split into lines.
    output.replacingOccurrences(of: "\u{1B}\\[[0-9;]*[A-Za-z]", with: "", options: .regularExpression)
      .replacingOccurrences(of: "\r\n", with: "\n")
      .components(separatedBy: "\n").map { $0.components(separatedBy: "\r").last ?? $0 }
  }

  /// Whether every isolate on the line is closed on it, and none is closed that was not opened.
  static func isolatesBalance(_ line: String) -> Bool {
    var depth = 0
    for scalar in line.unicodeScalars {
      switch scalar {
      case "\u{2066}", "\u{2067}", "\u{2068}": depth += 1
      case "\u{2069}":
        depth -= 1
        if depth < 0 { return false }
      default: break
      }
    }
    return depth == 0
  }

  /// The columns a line takes: its characters without the zero-width directional isolates.
  static func width(_ line: String) -> Int {
    line.filter { !["\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}"].contains($0) }.count
  }

  @Test func anInterviewInEnglishInARealTerminal() throws {
    let (folder, questionnaires, db) = try makeTranslatedWorkingFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let session = try LiveSession.inTerminal(arguments(questionnaires, db: db, ["--taal", "en"]), cwd: folder)
    try session.waitFor("Test interview")
    try session.waitFor("A short test.")
    try session.waitFor("Vraag 1 van 9")
    try session.waitFor("Engels (en)")
    try session.waitFor("Do you want to take part?")
    // The interviewer, who works in Dutch, sees the question in Dutch under it, and each option's Dutch label.
    try session.waitFor("[nl] Wilt u meedoen?")
    try session.waitFor("Yes")
    try session.waitFor("(Ja)")
    try session.waitFor("> ")
    let id = try startedInterviewID(in: session.output)
    #expect(session.output.contains("Interview \(id) gestart (Engels (en))."))

    try type("1\r", in: session, thenWaitFor: "Who are you?")
    #expect(session.output.contains("The person it was about"))
    // A label in the interview's language chooses it, like a number.
    try type("parent\r", in: session, thenWaitFor: "Were children involved?")
    try type("2\r", in: session, thenWaitFor: "How were you in contact?")
    try type("1,3\r", in: session, thenWaitFor: "How many conversations did you have?")
    try type("3\r", in: session, thenWaitFor: "How satisfied are you with how easy it was to reach Veilig Thuis?")
    #expect(session.output.contains("Very satisfied"))
    #expect(session.output.contains("I don't know"))
    try type("4\r", in: session, thenWaitFor: "What grade do you give?")
    try type("8\r", in: session, thenWaitFor: "Is there anything else you want to say?")
    // The interviewer's screens stay Dutch.
    try type("\r", in: session, thenWaitFor: "Overzicht van de antwoorden")
    #expect(session.output.contains("4 Satisfied"))
    try session.send("ok\r")
    try session.waitFor("Interview \(id) is afgerond.")
    #expect(try session.waitForExit() == 0, "\(session.output)")
    // English reads left to right: nothing isolated.
    #expect(!session.output.contains(Self.rightToLeftIsolate))

    let response = try storedResponse(id, db: db)
    #expect(response.status == .completed)
    #expect(response.language == "en")
    #expect(response.isInterpreterAssisted == false)
    #expect(
      answerTexts(response) == [
        "toestemming": "ja", "rol": "ouder", "kinderen": "nee", "contact": "telefoon;kantoor", "gesprekken": "3",
        "bereikbaarheid": "4", "cijfer": "8",
      ])
  }

  @Test func anInterviewInArabicWithAnInterpreterInARealTerminal() throws {
    let (folder, questionnaires, db) = try makeTranslatedWorkingFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A narrow terminal: the review is fitted to it, questions cut and answers wrapped.
    let session = try LiveSession.inTerminal(
      arguments(questionnaires, db: db, ["--taal", "ar", "--tolk"]), cwd: folder, size: (rows: 40, columns: 50))
    // Every Arabic text is isolated right to left on its line, so the option numbers and the Dutch beside it stay
    // where they are.
    try session.waitFor(Self.rightToLeftIsolate + "مقابلة تجريبية" + Self.popIsolate)
    try session.waitFor(Self.rightToLeftIsolate + "هل تريد المشاركة؟" + Self.popIsolate)
    try session.waitFor("[nl] Wilt u meedoen?")
    try session.waitFor("  " + Self.rightToLeftIsolate + "نعم" + Self.popIsolate)
    try session.waitFor("(Ja)")
    try session.waitFor("> ")
    let id = try startedInterviewID(in: session.output)
    #expect(session.output.contains("gestart (Arabisch (ar), met tolk)"))
    // The safe start came first, in Arabic and isolated too, with the Dutch for the interviewer.
    #expect(session.output.contains(Self.rightToLeftIsolate + "هل يمكنك التحدث بحرية الآن؟" + Self.popIsolate))
    #expect(session.output.contains("[nl] Kunt u nu vrijuit praten?"))

    try type("1\r", in: session, thenWaitFor: Self.rightToLeftIsolate + "من أنت؟" + Self.popIsolate)
    try type("3\r", in: session, thenWaitFor: "هل كان هناك أطفال معنيّون؟")
    try type("1\r", in: session, thenWaitFor: "هل تحدّثت Veilig Thuis بما يكفي مع الأطفال؟")
    // Missing codes in Arabic, each isolated beside its Dutch key.
    #expect(session.output.contains(" " + Self.rightToLeftIsolate + "لا أعرف" + Self.popIsolate))
    try type("5\r", in: session, thenWaitFor: "كيف كان تواصلك؟")
    try type("2\r", in: session, thenWaitFor: "كم عدد المحادثات التي أجريتها؟")
    try type("2\r", in: session, thenWaitFor: "ما مدى رضاك عن سهولة الوصول إلى Veilig Thuis؟")
    try type("v\r", in: session, thenWaitFor: "ما الدرجة التي تعطيها؟")
    try type("9\r", in: session, thenWaitFor: "هل تريد أن تقول شيئًا آخر؟")
    try session.send("Goed geholpen, dank aan de tolk.\r")
    try session.waitFor("Overzicht van de antwoorden")
    let review = try session.waitFor("ok = afronden")
    try session.waitFor("> ")
    try session.send("ok\r")
    try session.waitFor("Interview \(id) is afgerond.")
    #expect(try session.waitForExit() == 0, "\(session.output)")

    // On every line of the session the isolates are closed where they are opened.
    for line in Self.screenLines(session.output) {
      #expect(Self.isolatesBalance(line), "unbalanced isolates: \(line.debugDescription)")
    }
    // The review fits the 50 columns (49 used), counting what the terminal shows: the isolates take no column.
    let rows = Self.screenLines(review).filter { $0.contains(Self.rightToLeftIsolate) }
    #expect(rows.count >= 8, "\(review.debugDescription)\n\(Self.screenLines(review))")
    for row in rows {
      #expect(Self.width(row) <= 49, "too wide (\(Self.width(row))): \(row.debugDescription)")
    }
    // The Arabic answer labels are isolated by their first letter; the Dutch remark stays left to right.
    #expect(review.contains(Self.firstStrongIsolate + "5 راضٍ جدًا" + Self.popIsolate))
    #expect(review.contains(Self.firstStrongIsolate + "Goed"))

    let response = try storedResponse(id, db: db)
    #expect(response.status == .completed)
    #expect(response.language == "ar")
    #expect(response.isInterpreterAssisted)
    #expect(
      answerTexts(response) == [
        "toestemming": "ja", "rol": "melder", "kinderen": "ja", "kinderen_gesproken": "5", "contact": "huisbezoek",
        "gesprekken": "2", "bereikbaarheid": "nvt", "cijfer": "9", "opmerking": "Goed geholpen, dank aan de tolk.",
      ])
  }

  @Test func theLanguageSwitchesMidInterviewFromAPipe() throws {
    let (folder, questionnaires, db) = try makeTranslatedWorkingFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let lines = [
      "1", ":taal", ":taal de", ":taal en", "2", "n", ":taal ar", "1", "4", "3", ":taal en", "7", "", "ok",
    ]
    let run = try runTevredenProcess(
      arguments(questionnaires, db: db, []), cwd: folder, stdin: InterviewScript.stdin(lines))
    #expect(run.exitCode == 0, "\(run)")
    let id = try startedInterviewID(in: run.stdout)
    for text in [
      // Dutch first, the languages listed, one the questionnaire lacks refused, then English.
      "Wie bent u?",
      "Talen van deze vragenlijst: Nederlands (nl), Engels (en), Arabisch (ar). Nu: Nederlands (nl).",
      "Deze vragenlijst is er niet in 'de'. Kies een van: Nederlands (nl), Engels (en), Arabisch (ar).",
      "Het interview gaat verder in het Engels (en). Lees de vraag opnieuw voor.",
      "Who are you?", "[nl] Wie bent u?", "Were children involved?", "! snel weg   :taal andere taal",
      // Arabic from a pipe too, isolated.
      "Het interview gaat verder in het Arabisch (ar).",
      Self.rightToLeftIsolate + "كيف كان تواصلك؟" + Self.popIsolate,
      "What grade do you give?", "Overzicht van de antwoorden", "Interview \(id) is afgerond.",
    ] {
      #expect(run.stdout.contains(text), "missing \(text.debugDescription): \(run)")
    }
    let response = try storedResponse(id, db: db)
    #expect(response.language == "en", "the language the interview ended in")
    #expect(
      answerTexts(response) == [
        "toestemming": "ja", "rol": "ouder", "kinderen": "nee", "contact": "telefoon", "gesprekken": "4",
        "bereikbaarheid": "3", "cijfer": "7",
      ])
  }

  /// The shipped translation of a resident questionnaire, from a pipe: Turkish, the reporter without children.
  @Test func theShippedMeldingQuestionnaireInTurkish() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let script = InterviewScript.meldingWithoutChildren
    let run = try runTevredenProcess(
      interviewArguments(script.questionnaire, interviewer: "AB12", db: db, extra: ["--taal", "tr"]), cwd: folder,
      stdin: script.stdin)
    #expect(run.exitCode == 0, "\(run)")
    for text in [
      "Veilig Thuis hakkında ne düşünüyorsunuz? (bildirim)", "Bu durumda siz kimsiniz?",
      "[nl] Wie bent u in deze situatie?",
      "Bildirimi ben yaptım", "Evet", "Çok memnunum", "Bilmiyorum", "Overzicht van de antwoorden",
      // The safe start, asked in the interview's language before anything else.
      "Şu anda rahatça konuşabilir misiniz?", "[nl] Kunt u nu vrijuit praten?",
    ] {
      #expect(run.stdout.contains(text), "missing \(text.debugDescription): \(run)")
    }
    let id = try startedInterviewID(in: run.stdout)
    let response = try storedResponse(id, db: db)
    #expect(response.language == "tr")
    #expect(answerTexts(response) == script.expected)
  }

  @Test func aLanguageTheQuestionnaireLacksIsRefusedBeforeAnythingIsStored() throws {
    let (folder, questionnaires, db) = try makeTranslatedWorkingFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runTevredenProcess(arguments(questionnaires, db: db, ["--taal", "tr"]), cwd: folder, stdin: "1\n")
    #expect(run.exitCode == 1, "\(run)")
    #expect(
      run.stderr.contains(
        "interview-translated has no translation into 'tr'; its languages are nl (Nederlands), en (Engels), ar "
          + "(Arabisch): use --taal with one of them, or leave it out for nl"), "\(run)")
    #expect(!FileManager.default.fileExists(atPath: db))
    let notACode = try runTevredenProcess(arguments(questionnaires, db: db, ["--taal", "english"]), cwd: folder)
    #expect(notACode.exitCode == 64, "\(notACode)")
    #expect(notACode.stderr.contains("--taal 'english' is not a language code"), "\(notACode)")
  }

  @Test func aResumedInterviewTakesALanguageAndAnInterpreter() throws {
    let (folder, questionnaires, db) = try makeTranslatedWorkingFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Started in Dutch, paused: the respondent needs an interpreter.
    let first = try runTevredenProcess(arguments(questionnaires, db: db, []), cwd: folder, stdin: "1\np\n")
    #expect(first.exitCode == 0, "\(first)")
    let id = try startedInterviewID(in: first.stdout)
    #expect(try storedResponse(id, db: db).language == "nl")
    let resumed = try runTevredenProcess(
      [
        "interview", "--resume", id.rawValue, "--db", db, "--questionnaires", questionnaires.path, "--taal", "ar",
        "--tolk",
      ],
      cwd: folder, stdin: InterviewScript.stdin(["1", "2", "1", "1", "4", "8", "", "ok"]))
    #expect(resumed.exitCode == 0, "\(resumed)")
    #expect(resumed.stdout.contains(Self.rightToLeftIsolate + "من أنت؟" + Self.popIsolate), "\(resumed)")
    let response = try storedResponse(id, db: db)
    #expect(response.status == .completed)
    #expect(response.language == "ar")
    #expect(response.isInterpreterAssisted)
  }
}
