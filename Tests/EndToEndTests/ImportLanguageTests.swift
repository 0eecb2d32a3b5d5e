import Foundation
import Testing
import TevredenCore
import TevredenStore
import TevredenTestSupport

/// `tevreden import` of an export whose respondents answered in different languages: each row's language from the
/// platform's language column, answers given as labels in any of the questionnaire's languages.
@Suite struct ImportLanguageTests {
  /// A LimeSurvey export ("response type: long", answer labels) of the translated test definition, answered in
  /// Dutch and English (as LimeSurvey writes the start language: `nl`, `nl-informal`, `en`, `EN`, `en-GB`), one row
  /// in Arabic, and one with a language code that is none.
  static let export = """
    "id","submitdate","lastpage","startlanguage","seed","startdate","datestamp","toestemming","rol","kinderen","kinderengesproken","contact","gesprekken","bereikbaarheid","cijfer","opmerking"
    "1","2026-03-02 10:05:00","3","nl","101","2026-03-02 10:00:00","2026-03-02 10:05:00","Ja","Ouder of verzorger","Nee","","Telefoon","2","Tevreden","8",""
    "2","2026-03-02 11:05:00","3","en","102","2026-03-02 11:00:00","2026-03-02 11:05:00","Yes","Parent or carer","Yes","Very satisfied","Phone;Home visit","3","Does not apply","9","Quick help, thank you"
    "3","2026-03-03 09:05:00","3","nl-informal","103","2026-03-03 09:00:00","2026-03-03 09:05:00","Ja","Melder","Ja","Heel tevreden","Op kantoor","1","Neutraal","7",""
    "4","2026-03-03 10:05:00","3","EN","104","2026-03-03 10:00:00","2026-03-03 10:05:00","Yes","The person who reported","No","","At the office","4","Satisfied","6",""
    "5","2026-03-03 11:05:00","3","en-GB","105","2026-03-03 11:00:00","2026-03-03 11:05:00","Yes","The person it was about","No","","Home visit","2","Dissatisfied","5",""
    "6","2026-03-04 09:05:00","3","ar","106","2026-03-04 09:00:00","2026-03-04 09:05:00","نعم","الشخص الذي قدّم البلاغ","لا","","الهاتف","1","راضٍ جدًا","10",""
    "7","2026-03-04 10:05:00","3","xx","107","2026-03-04 10:00:00","2026-03-04 10:05:00","Yes","The person it was about","No","","Phone","1","Satisfied","8",""

    """

  /// `tevreden import FILE --questionnaire interview-translated` into `db`, with the translated test definition.
  static func importTranslated(_ file: URL, db: String, questionnaires: URL, in folder: URL) throws -> TevredenRun {
    try runTevredenProcess(
      [
        "import", file.path, "--questionnaire", "interview-translated", "--db", db, "--questionnaires",
        questionnaires.path,
      ], cwd: folder)
  }

  /// A Google Forms export of the questionnaire built in English: its headers are the English question texts, and
  /// they find their items as the Dutch ones do.
  @Test func anExportWhoseHeadersAreInATranslatedLanguageFindsItsItems() throws {
    let (folder, questionnaires, db) = try makeTranslatedWorkingFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("english-form.csv")
    try """
    Timestamp,Do you want to take part?,Who are you?,Were children involved?,Did Veilig Thuis talk enough with the children?,How were you in contact?,How many conversations did you have?,How satisfied are you with how easy it was to reach Veilig Thuis?,What grade do you give?,Is there anything else you want to say?
    2026/03/13 4:20:37 pm CET,Yes,Parent or carer,Yes,Very satisfied,Phone;Home visit,3,Satisfied,8,
    2026/03/14 9:02:11 am CET,Yes,The person who reported,No,,At the office,1,Does not apply,6,Thanks

    """.write(to: file, atomically: true, encoding: .utf8)

    let run = try Self.importTranslated(file, db: db, questionnaires: questionnaires, in: folder)

    #expect(run.exitCode == 0, "\(run)")
    #expect(run.stdout.contains("2 rows: 2 imported, 0 already present, 0 rejected"), "\(run)")
    let stored = try TevredenDatabase.open(atPath: db).responses(questionnaire: "interview-translated")
      .map(\.0).sorted { $0.startedAt < $1.startedAt }
    #expect(
      stored.map(answerTexts) == [
        [
          "toestemming": "ja", "rol": "ouder", "kinderen": "ja", "kinderen_gesproken": "5",
          "contact": "telefoon;huisbezoek", "gesprekken": "3", "bereikbaarheid": "4", "cijfer": "8",
        ],
        [
          "toestemming": "ja", "rol": "melder", "kinderen": "nee", "contact": "kantoor", "gesprekken": "1",
          "bereikbaarheid": "nvt", "cijfer": "6", "opmerking": "Thanks",
        ],
      ])
  }

  /// Rows answered in a language the definition has no texts for are stored with it, and the import says so once
  /// per file, at the first such row, naming the languages the definition has.
  @Test func aLanguageTheDefinitionLacksIsStoredWithAWarning() throws {
    let (folder, questionnaires, db) = try makeTranslatedWorkingFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("results-survey123456.csv")
    let lines = Self.export.split(separator: "\n").map(String.init)
    // Row 1 (Dutch) as it is; rows 3 and 4 (Dutch and English labels) said to be answered in German.
    let german = [
      lines[0], lines[1], lines[3].replacingOccurrences(of: "\"nl-informal\"", with: "\"de\""),
      lines[4].replacingOccurrences(of: "\"EN\"", with: "\"DE\""),
    ]
    try (german.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)

    let run = try Self.importTranslated(file, db: db, questionnaires: questionnaires, in: folder)

    #expect(run.exitCode == 0, "\(run)")
    #expect(run.stdout.contains("3 rows: 3 imported, 0 already present, 0 rejected"), "\(run)")
    #expect(
      run.stderr.contains(
        "results-survey123456.csv:3: warning: language 'de': interview-translated has no texts in it (it has nl, en, "
          + "ar); its responses are stored with this language"), "\(run)")
    #expect(run.stderr.components(separatedBy: "warning: language").count == 2, "once per file: \(run)")
    let stored = try TevredenDatabase.open(atPath: db).responses(questionnaire: "interview-translated")
      .map(\.0).sorted { $0.startedAt < $1.startedAt }
    #expect(stored.map(\.language) == ["nl", "de", "de"])
  }

  @Test func aLimeSurveyExportMixingDutchAndEnglishImportsEveryRowWithItsLanguage() throws {
    let (folder, questionnaires, db) = try makeTranslatedWorkingFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("results-survey123456.csv")
    try Self.export.write(to: file, atomically: true, encoding: .utf8)

    let run = try Self.importTranslated(file, db: db, questionnaires: questionnaires, in: folder)

    // Six rows stored; the seventh, whose language is no language, is refused with its line and column.
    #expect(run.exitCode == 2, "\(run)")
    #expect(run.stdout.contains("7 rows: 6 imported, 0 already present, 1 rejected"), "\(run)")
    #expect(run.stdout.contains("language: startlanguage (detected)"), "\(run)")
    #expect(
      run.stderr.contains(
        "results-survey123456.csv:8: error: column 'startlanguage': 'xx' is not a language code (ISO 639-1, such as "
          + "nl or en, or a form such as nl-NL or EN)"), "\(run)")
    let stored = try TevredenDatabase.open(atPath: db).responses(questionnaire: "interview-translated")
      .map(\.0).sorted { $0.startedAt < $1.startedAt }
    #expect(stored.map(\.language) == ["nl", "en", "nl", "en", "en", "ar"])
    #expect(stored.allSatisfy { !$0.isInterpreterAssisted && $0.status == .completed })
    // The answers are the same codes whatever language they were given in.
    #expect(
      stored.map(answerTexts) == [
        [
          "toestemming": "ja", "rol": "ouder", "kinderen": "nee", "contact": "telefoon", "gesprekken": "2",
          "bereikbaarheid": "4", "cijfer": "8",
        ],
        [
          "toestemming": "ja", "rol": "ouder", "kinderen": "ja", "kinderen_gesproken": "5",
          "contact": "telefoon;huisbezoek", "gesprekken": "3", "bereikbaarheid": "nvt", "cijfer": "9",
          "opmerking": "Quick help, thank you",
        ],
        [
          "toestemming": "ja", "rol": "melder", "kinderen": "ja", "kinderen_gesproken": "5", "contact": "kantoor",
          "gesprekken": "1", "bereikbaarheid": "3", "cijfer": "7",
        ],
        [
          "toestemming": "ja", "rol": "melder", "kinderen": "nee", "contact": "kantoor", "gesprekken": "4",
          "bereikbaarheid": "4", "cijfer": "6",
        ],
        [
          "toestemming": "ja", "rol": "betrokkene", "kinderen": "nee", "contact": "huisbezoek", "gesprekken": "2",
          "bereikbaarheid": "2", "cijfer": "5",
        ],
        [
          "toestemming": "ja", "rol": "melder", "kinderen": "nee", "contact": "telefoon", "gesprekken": "1",
          "bereikbaarheid": "5", "cijfer": "10",
        ],
      ])

    // Importing it again adds nothing: the language is part of what makes a row the same response.
    let again = try Self.importTranslated(file, db: db, questionnaires: questionnaires, in: folder)
    #expect(again.stdout.contains("7 rows: 0 imported, 6 already present, 1 rejected"), "\(again)")
  }
}
