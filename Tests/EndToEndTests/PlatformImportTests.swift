import Foundation
import GRDB
import Testing
import TevredenCore
import TevredenStore
import TevredenTestSupport

/// `tevreden import` on VT-style exports in platform layouts (`PlatformExports/`, written by its
/// `make-exports.py`): Qualtrics CSV with three header rows, Google Forms saved by Dutch Excel (semicolons,
/// Windows-1252), a Microsoft Forms workbook, and SurveyMonkey, LimeSurvey (codes and full texts), Typeform,
/// KoboToolbox and ODK Central exports of the same respondents to inwoners-adviesaanvraag.
@Suite struct PlatformImportTests {
  static let exports = packageRoot.appendingPathComponent("Tests/EndToEndTests/PlatformExports")
  static let qualtrics = exports.appendingPathComponent("qualtrics-inwoners-melding.csv").path
  static let googleForms = exports.appendingPathComponent(
    "googleforms-ketenpartners-politie-semicolon-windows1252.csv"
  ).path
  static let microsoftForms = exports.appendingPathComponent("msforms-inwoners-adviesaanvraag.xlsx").path

  func importArguments(_ paths: [String], db: String) -> [String] {
    ["import"] + paths + ["--db", db, "--questionnaires", questionnairesFolder.path]
  }

  /// Every byte of the database files, for looking for personal data.
  func databaseBytes(_ db: String) throws -> Data {
    var data = Data()
    for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: db + suffix) {
      data += try Data(contentsOf: URL(fileURLWithPath: db + suffix))
    }
    return data
  }

  @Test func importsAFolderOfPlatformExportsChoosingEachQuestionnaireByItsColumns() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let run = try runTevredenProcess(importArguments([Self.exports.path], db: db), cwd: folder)
    #expect(run.exitCode == 2, "one row is rejected: \(run)")
    #expect(run.stdout.contains("googleforms-ketenpartners-politie-semicolon-windows1252.csv: 3 rows: 3 imported"))
    #expect(
      run.stdout.contains("questionnaire: ketenpartners-politie (chosen because its items match the most columns)"))
    #expect(run.stdout.contains("layout: Google Forms, 1 header row"))
    #expect(run.stdout.contains("msforms-inwoners-adviesaanvraag.xlsx: 3 rows: 3 imported"))
    #expect(run.stdout.contains("layout: Microsoft Forms, 1 header row"))
    #expect(run.stdout.contains("qualtrics-inwoners-melding.csv: 4 rows: 3 imported, 0 already present, 1 rejected"))
    #expect(run.stdout.contains("layout: Qualtrics, 3 header rows"))
    #expect(run.stdout.contains("Stored 54 new responses."))
    // The bad row is named with its line, column, item and reason.
    #expect(
      run.stderr.contains(
        "qualtrics-inwoners-melding.csv:7: error: column 'Q15' (cijfer): \"12\" is not a grade from 1 to 10"))

    let store = try TevredenDatabase.open(atPath: db)
    let stored = try store.responses().map(\.0)
    #expect(stored.count == 54)
    // Labels, decimal commas and Dutch dates were read; times are Amsterdam time.
    let politie = stored.filter { $0.questionnaireID == "ketenpartners-politie" }
    #expect(
      Set(politie.compactMap { $0.answers["cijfer"] }) == [.value(.grade(7.5)), .value(.grade(6)), .value(.grade(9))])
    let first = try #require(politie.first { $0.answers["cijfer"] == .value(.grade(7.5)) })
    #expect(first.answers["beoordeling_meldingen"] == .value(.scalePoint(5)), "Zeer tevreden is Heel tevreden")
    #expect(first.answers["gefaseerde_ketenzorg"] == .missing("weet_niet"))
    #expect(first.completedAt.map(Timestamp.format) == "2026-03-13T09:15:04Z")
    #expect(first.gemeente == nil)
    // The unfinished Qualtrics response is stored as partial and never scored.
    let partial = try #require(stored.first { $0.id == "qualtrics:R_3cCdEfGhIjKlMnO" })
    #expect(partial.status == .partial)
    let melding = try #require(stored.first { $0.id == "qualtrics:R_2bBcDeFgHiJkLmN" })
    #expect(melding.gemeente == "Alkmaar", "the gemeente column is matched to the region's spelling")
    // The export answers agree-statements ("Mee eens"), which version 2 asked: it is read and stored with version
    // 2, kept in Questionnaires/versions/, and the report says so.
    #expect(melding.questionnaireVersion == 2)
    #expect(melding.answers["geduld"] == .value(.scalePoint(4)))
    #expect(run.stdout.contains("  version: 2, the version its answers were given under; its responses are stored"))
    // Workbook times (Excel serial numbers) are read as Amsterdam time.
    // Microsoft Forms numbers responses per form: the id also holds the questionnaire and the start time.
    let forms = try #require(stored.first { $0.id == "microsoftforms:inwoners-adviesaanvraag:1@2026-05-04T07:30:00Z" })
    #expect(forms.completedAt.map(Timestamp.format) == "2026-05-04T07:41:00Z")
    #expect(forms.answers["contact_via"] == .value(.choices(["telefoon", "mail"])))
  }

  @Test func personalDataIsNeverStoredAndOpenAnswersAreMasked() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let run = try runTevredenProcess(importArguments([Self.exports.path], db: db), cwd: folder)
    #expect(run.stdout.contains("personal data dropped (never stored): IPAddress (IP address)"))
    #expect(run.stdout.contains("RecipientEmail (e-mail address)"))
    #expect(run.stdout.contains("LocationLatitude (location)"))
    #expect(run.stdout.contains("masked in open answers: BSN in 1 answer"))
    #expect(run.stdout.contains("masked in open answers: phone number in 1 answer"))
    #expect(run.stdout.contains("masked in open answers: e-mail address in 3 answers"))

    let bytes = try databaseBytes(db)
    for secret in [
      "piet.jansen@example.nl", "192.168.1.20", "Jansen", "dossier-4711", "52.64", "06-12345678", "123456782",
      "a.b@example.org", "agent@politie.example",
    ] + Self.platformCases.flatMap(\.secrets) {
      #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is in the database")
    }
    let store = try TevredenDatabase.open(atPath: db)
    let remarks = try store.responses().compactMap { $0.0.answers["opmerking"]?.value?.canonicalText }
    #expect(remarks.contains("Fijn geholpen, bel gerust [telefoonnummer]"))
    #expect(remarks.contains("Contact met coördinator was prima, mijn BSN [BSN] stond erin"))
  }

  @Test func limeSurveysPlaceholderDateIsNoDateAndCompletedOnGivesTheDay() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // The same survey with date stamps switched off: no start date, and 1980-01-01 00:00:00 as every submit date.
    let original = try String(
      contentsOf: Self.exports.appendingPathComponent("limesurvey-inwoners-adviesaanvraag-codes.csv"), encoding: .utf8)
    var lines = original.components(separatedBy: "\n")
    for index in lines.indices.dropFirst() where !lines[index].isEmpty {
      var fields = lines[index].components(separatedBy: "\",\"")
      // A response not submitted keeps an empty submit date.
      if !fields[1].isEmpty { fields[1] = "1980-01-01 00:00:00" }
      fields[5] = ""
      fields[6] = "1980-01-01 00:00:00"
      lines[index] = fields.joined(separator: "\",\"")
    }
    let rows = lines.dropFirst().filter { !$0.isEmpty }.count
    let file = folder.appendingPathComponent("limesurvey-zonder-datums.csv")
    try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    let db = folder.appendingPathComponent("db.sqlite").path
    let undated = try runTevredenProcess(importArguments([file.path], db: db), cwd: folder)
    #expect(undated.exitCode == 2, "\(undated)")
    #expect(undated.stderr.contains("no start or completion time"), "\(undated)")
    #expect(undated.stderr.contains("--completed-on yyyy-MM-dd"), "\(undated)")
    #expect(undated.stdout.contains("0 imported"), "\(undated)")
    let dated = try runTevredenProcess(
      importArguments([file.path, "--completed-on", "2026-03-14"], db: db), cwd: folder)
    #expect(dated.exitCode == 0, "\(dated)")
    let days = try DatabaseQueue(path: db).read {
      try String.fetchAll($0, sql: "SELECT DISTINCT collectedOn FROM response")
    }
    #expect(days == ["2026-03-14"])
    #expect(try TevredenDatabase.open(atPath: db).responseCount() == rows)
    let bad = try runTevredenProcess(importArguments([file.path, "--completed-on", "14-3-2026"], db: db), cwd: folder)
    #expect(bad.exitCode == 64 && bad.stderr.contains("is not a day"), "\(bad)")
  }

  @Test func reimportingAndACumulativeExportAddOnlyWhatIsNew() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    _ = try runTevredenProcess(importArguments([Self.googleForms], db: db), cwd: folder)
    let again = try runTevredenProcess(importArguments([Self.googleForms], db: db), cwd: folder)
    #expect(again.exitCode == 0, "\(again)")
    #expect(again.stdout.contains("3 rows: 0 imported, 3 already present, 0 rejected"))

    // A later export holds the earlier rows and one new one.
    let original = try Data(contentsOf: URL(fileURLWithPath: Self.googleForms))
    let newRow =
      "20-4-2026 12:00:00;;Wijkagent;Nee;;;;Tevreden;Tevreden;Mee eens;Tevreden;Nee;;Mee eens;Mee eens;8;\r\n"
    let cumulative = folder.appendingPathComponent("later-export.csv")
    try (original + Data(newRow.utf8)).write(to: cumulative)
    let later = try runTevredenProcess(importArguments([cumulative.path], db: db), cwd: folder)
    #expect(later.exitCode == 0, "\(later)")
    #expect(later.stdout.contains("4 rows: 1 imported, 3 already present, 0 rejected"))
    #expect(try TevredenDatabase.open(atPath: db).responseCount() == 4)
  }

  @Test func strictImportsNothingWhenARowIsBadAndPartialImportKeepsTheGoodRows() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let strict = try runTevredenProcess(importArguments([Self.qualtrics, "--strict"], db: db), cwd: folder)
    #expect(strict.exitCode == 2, "\(strict)")
    #expect(strict.stdout.contains("Nothing was stored (--strict)"))
    #expect(try TevredenDatabase.open(atPath: db).responseCount() == 0)

    let partial = try runTevredenProcess(importArguments([Self.qualtrics], db: db), cwd: folder)
    #expect(partial.exitCode == 2, "\(partial)")
    #expect(try TevredenDatabase.open(atPath: db).responseCount() == 3)
  }

  @Test func aMalformedFileIsRefusedWithItsLineAndTheDatabaseIsLeftAsItWas() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    _ = try runTevredenProcess(importArguments([Self.googleForms], db: db), cwd: folder)
    let broken = folder.appendingPathComponent("broken.csv")
    let text = try String(contentsOfFile: Self.qualtrics, encoding: .utf8)
    try (text + "2026-03-09 10:00:00,\"never closed\n").write(to: broken, atomically: true, encoding: .utf8)
    let before = try TevredenDatabase.open(atPath: db).responses().map(\.0)
    let run = try runTevredenProcess(importArguments([broken.path], db: db), cwd: folder)
    #expect(run.exitCode != 0, "\(run)")
    #expect(run.stderr.contains("broken.csv"), "\(run)")
    #expect(run.stderr.contains("line 8"), "\(run)")
    #expect(try TevredenDatabase.open(atPath: db).responses().map(\.0) == before)
    #expect(before.count == 3)
  }

  @Test func aMalformedFileAfterAGoodOneLeavesTheGoodOneUnstoredToo() throws {
    // All files of one import go into one transaction: the good workbook read first is rolled back with the
    // broken file, so that fixing the file and importing the folder again gives a clean result.
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    _ = try runTevredenProcess(importArguments([Self.googleForms], db: db), cwd: folder)
    let broken = folder.appendingPathComponent("z-broken.csv")
    let text = try String(contentsOfFile: Self.qualtrics, encoding: .utf8)
    try (text + "2026-03-09 10:00:00,\"never closed\n").write(to: broken, atomically: true, encoding: .utf8)
    let run = try runTevredenProcess(importArguments([Self.microsoftForms, broken.path], db: db), cwd: folder)
    #expect(run.exitCode != 0, "\(run)")
    #expect(run.stderr.contains("z-broken.csv"), "\(run)")
    let stored = try TevredenDatabase.open(atPath: db)
    #expect(try stored.responseCount() == 3)
    #expect(try stored.importBatches().count == 1)
  }

  /// A Typeform export of `count` copies of the fixture's first response, each with its own id, and optionally a
  /// malformed last record: enough rows for many batches between the reading and the storing thread.
  static func longTypeformExport(rows count: Int, brokenAtTheEnd: Bool) throws -> String {
    let lines = try String(
      contentsOfFile: exports.appendingPathComponent("typeform-inwoners-adviesaanvraag.csv").path, encoding: .utf8
    ).split(separator: "\n", omittingEmptySubsequences: true)
    let first = lines[1]
    let rest = first[try #require(first.firstIndex(of: ","))...]
    var text = String(lines[0]) + "\n"
    for number in 0..<count { text += String(format: "%032x", number + 1) + rest + "\n" }
    if brokenAtTheEnd { text += "ffff,1,\"never closed\n" }
    return text
  }

  @Test func aLongExportIsStoredWholeAndAMalformedRecordAtItsEndStoresNothing() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    _ = try runTevredenProcess(importArguments([Self.googleForms], db: db), cwd: folder)
    let before = try TevredenDatabase.open(atPath: db).responses().map(\.0)

    // A malformed record after 5,000 good rows: the rows read and stored before it are rolled back.
    let broken = folder.appendingPathComponent("typeform-broken.csv")
    try Self.longTypeformExport(rows: 5000, brokenAtTheEnd: true).write(to: broken, atomically: true, encoding: .utf8)
    let refused = try runTevredenProcess(importArguments([broken.path], db: db), cwd: folder)
    #expect(refused.exitCode != 0, "\(refused)")
    #expect(refused.stderr.contains("typeform-broken.csv"), "\(refused)")
    #expect(refused.stderr.contains("line 5002"), "\(refused)")
    #expect(try TevredenDatabase.open(atPath: db).responses().map(\.0) == before)

    // The same rows without it are all stored, in order, and a second import finds every one already there.
    let good = folder.appendingPathComponent("typeform-good.csv")
    try Self.longTypeformExport(rows: 5000, brokenAtTheEnd: false).write(to: good, atomically: true, encoding: .utf8)
    let stored = try runTevredenProcess(importArguments([good.path], db: db), cwd: folder)
    #expect(stored.exitCode == 0, "\(stored)")
    #expect(stored.stdout.contains("5000 rows: 5000 imported, 0 already present, 0 rejected"), "\(stored)")
    let again = try runTevredenProcess(importArguments([good.path], db: db), cwd: folder)
    #expect(again.stdout.contains("5000 rows: 0 imported, 5000 already present, 0 rejected"), "\(again)")
    let database = try TevredenDatabase.open(atPath: db)
    let responses = try database.responses().map(\.0)
    #expect(responses.count == before.count + 5000)
    // Each batch records the hash of its file, computed while the rows were stored.
    let batches = try database.importBatches().filter { $0.source == "typeform-good.csv" }
    #expect(batches.count == 2)
    #expect(batches.allSatisfy { $0.sha256 == (try? SHA256.hex(ofFileAt: good)) })
    #expect(responses.last?.id.rawValue == "typeform:" + String(format: "%032x", 5000))
  }

  @Test func aDryRunShowsTheMappingAndCreatesNoDatabase() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let run = try runTevredenProcess(
      importArguments([Self.qualtrics, "--dry-run", "--questionnaire", "inwoners-melding"], db: db), cwd: folder)
    #expect(run.stdout.contains("questionnaire: inwoners-melding (--questionnaire)"))
    #expect(run.stdout.contains("Q15 → cijfer"))
    #expect(run.stdout.contains("Dry run: nothing was stored."))
    #expect(run.stderr.contains(":7: error: column 'Q15' (cijfer)"))
    // What an import would read in, not "0 imported".
    let summary = try #require(run.stdout.split(separator: "\n").first { $0.contains("rows:") })
    #expect(summary.contains("readable, 1 rejected") && !summary.contains("0 imported"), "\(summary)")
    #expect(!FileManager.default.fileExists(atPath: db))
  }

  @Test func aMappingFileMapsColumnsTheAliasesDoNotKnow() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let export = folder.appendingPathComponent("export.csv")
    try "nummer,datum,akkoord,v1,v2,v3\n17,2026-02-03 10:00,ja,8,Tevreden,ok\n"
      .write(to: export, atomically: true, encoding: .utf8)
    let mapping = folder.appendingPathComponent("mapping.yaml")
    try """
    questionnaire: ketenpartners-politie
    columns:
      akkoord: toestemming
      v1: cijfer
      v2: bereikbaarheid
      v3: opmerking
      datum: onbekend_item
    """.write(to: mapping, atomically: true, encoding: .utf8)
    let refused = try runTevredenProcess(
      importArguments([export.path, "--questionnaire", "ketenpartners-politie", "--mapping", mapping.path], db: db),
      cwd: folder)
    #expect(refused.exitCode != 0)
    #expect(refused.stderr.contains("mapping.yaml:7: error:"), "\(refused)")
    #expect(refused.stderr.contains("the mapping file has errors"), "\(refused)")
    #expect(refused.stderr.contains("'datum' maps to item 'onbekend_item', which ketenpartners-politie does not have"))

    try String(contentsOf: mapping, encoding: .utf8).replacingOccurrences(of: "\n  datum: onbekend_item", with: "")
      .write(to: mapping, atomically: true, encoding: .utf8)
    let run = try runTevredenProcess(
      importArguments(
        [export.path, "--questionnaire", "ketenpartners-politie", "--mapping", mapping.path, "--layout", "generic"],
        db: db),
      cwd: folder)
    #expect(run.stdout.contains("v1 → cijfer"), "\(run)")
    #expect(run.stdout.contains("1 rows: 1 imported") || run.stdout.contains("1 row: 1 imported"), "\(run)")

    // The questionnaire named in the mapping file is enough; a mapping of two columns is what the user chose.
    try "nr,datum,v1,v2\n18,2026-02-04 11:00,7,Tevreden\n".write(to: export, atomically: true, encoding: .utf8)
    try "questionnaire: ketenpartners-politie\ncolumns:\n  v1: cijfer\n  v2: bereikbaarheid\n"
      .write(to: mapping, atomically: true, encoding: .utf8)
    let named = try runTevredenProcess(
      importArguments([export.path, "--mapping", mapping.path, "--layout", "generic"], db: db), cwd: folder)
    #expect(named.stdout.contains("questionnaire: ketenpartners-politie"), "\(named)")
    #expect(named.stdout.contains("v2 → bereikbaarheid"), "\(named)")
    #expect(!named.stderr.contains("is it the right questionnaire"), "\(named)")
    // Neither names one: said before anything is read.
    try "columns:\n  v1: cijfer\n".write(to: mapping, atomically: true, encoding: .utf8)
    let unnamed = try runTevredenProcess(
      importArguments([export.path, "--mapping", mapping.path], db: db), cwd: folder)
    #expect(unnamed.exitCode == 64 && unnamed.stderr.contains("'questionnaire:' in the mapping file"), "\(unnamed)")
    // Without a mapping, a file that fills too few items of the questionnaire named is refused, counting items.
    let few = try runTevredenProcess(
      importArguments([export.path, "--questionnaire", "ketenpartners-politie", "--layout", "generic"], db: db),
      cwd: folder)
    #expect(few.stderr.contains("have a column in this file; is it the right questionnaire?"), "\(few)")
  }
}

/// The same respondents to inwoners-adviesaanvraag in five more platforms' layouts, and in the variants of
/// Qualtrics, SurveyMonkey, Google Forms, KoboToolbox and ODK that the real exports in `../shared` show (so a clone
/// without them still imports each variant). Respondent A (grade 8, *Heel tevreden* with the treatment, contact
/// by phone and e-mail) has a phone number and an e-mail address in the remark; B has a BSN in the remark; C
/// stopped early.
extension PlatformImportTests {
  struct PlatformCase: Sendable, CustomTestStringConvertible {
    var file: String
    var layout: String
    var rows: Int
    var imported: Int
    var rejected = 0
    /// Items of the 16 with a column (Google Forms and Microsoft Forms have no consent question: submitting is
    /// consenting).
    var mapped = 16
    /// Respondent A's response id and completion time (UTC) as stored.
    var firstID: String
    var firstCompletedAt: String
    /// Respondent C's response id, when the platform exports unfinished responses.
    var partialID: String?
    var dropped: [String]
    var masked: String
    /// Values of the dropped columns, none of which may reach the database.
    var secrets: [String]
    var testDescription: String { file }
  }

  static let platformCases = [
    PlatformCase(
      file: "surveymonkey-inwoners-adviesaanvraag.csv", layout: "SurveyMonkey, 2 header rows", rows: 6,
      imported: 6, firstID: "surveymonkey:114938210451", firstCompletedAt: "2026-03-10T09:06:40Z",
      partialID: "surveymonkey:114938210453",
      dropped: [
        "IP Address (IP address)", "Email Address (e-mail address)", "First Name (name)", "Last Name (name)",
      ],
      masked: "BSN in 1 answer, e-mail address in 1 answer, phone number in 1 answer",
      // The words under "Other (please specify)" are not stored: contact_via has no other option.
      secrets: ["145.53.12.51", "inwoner451@example.nl", "Sanne", "de Boer", "Via de huisarts"]),
    PlatformCase(
      file: "limesurvey-inwoners-adviesaanvraag-codes.csv", layout: "LimeSurvey, 1 header row", rows: 5,
      imported: 5, firstID: "limesurvey:inwoners-adviesaanvraag:3@2026-03-11T13:09:51Z",
      firstCompletedAt: "2026-03-11T13:20:05Z", partialID: "limesurvey:inwoners-adviesaanvraag:6@2026-03-13T06:45:00Z",
      dropped: ["ipaddr (IP address)"],
      masked: "BSN in 1 answer, e-mail address in 1 answer, phone number in 1 answer",
      secrets: ["83.160.17.3", "83.160.17.6"]),
    PlatformCase(
      file: "limesurvey-inwoners-adviesaanvraag-fulltext.csv", layout: "LimeSurvey, 1 header row", rows: 3,
      imported: 3, firstID: "limesurvey:inwoners-adviesaanvraag:1@2026-04-07T14:31:12Z",
      firstCompletedAt: "2026-04-07T14:45:00Z", partialID: "limesurvey:inwoners-adviesaanvraag:2@2026-04-09T10:00:00Z",
      dropped: ["IP address (IP address)"], masked: "e-mail address in 1 answer, phone number in 1 answer",
      secrets: ["62.45.208.1", "62.45.208.2"]),
    PlatformCase(
      file: "typeform-inwoners-adviesaanvraag.csv", layout: "Typeform, 1 header row", rows: 4, imported: 4,
      firstID: "typeform:3f2a9c41d07b4e58a1c6e2b9d84f7a10", firstCompletedAt: "2026-04-14T08:30:00Z",
      partialID: "typeform:c0ffee12a3b44d5e8f9a0b1c2d3e4f56", dropped: ["email (e-mail address)"],
      masked: "BSN in 1 answer, e-mail address in 1 answer, phone number in 1 answer",
      secrets: ["inwoner@example.nl"]),
    // KoboToolbox and ODK only receive finalised forms: they export no unfinished responses.
    PlatformCase(
      file: "kobo-inwoners-adviesaanvraag-semicolon.csv", layout: "KoboToolbox, 1 header row", rows: 4, imported: 4,
      firstID: "kobotoolbox:5d1c6a0e-7f2b-4c3d-9e8a-1b2c3d4e5f60", firstCompletedAt: "2026-03-16T09:12:31Z",
      dropped: [
        "groep_c/terugbelnummer_telefoon (phone number)", "groep_c/locatie (location)",
        "_groep_c/locatie_latitude (location)", "_groep_c/locatie_longitude (location)",
        "_groep_c/locatie_altitude (location)", "_groep_c/locatie_precision (location)",
      ],
      masked: "BSN in 1 answer, e-mail address in 1 answer, phone number in 1 answer",
      secrets: ["0612345678", "52.6324", "4.7534"]),
    PlatformCase(
      file: "odk-central-inwoners-adviesaanvraag.csv", layout: "ODK, 1 header row", rows: 3, imported: 3,
      firstID: "odk:uuid:0b9d4c3e-1f2a-4b5c-8d6e-7f8091a2b3c4", firstCompletedAt: "2026-04-20T07:45:10Z",
      dropped: [
        "groep_c-locatie-Latitude (location)", "groep_c-locatie-Longitude (location)",
        "groep_c-locatie-Altitude (location)", "groep_c-locatie-Accuracy (location)", "SubmitterName (name)",
      ],
      masked: "BSN in 1 answer, e-mail address in 1 answer, phone number in 1 answer",
      secrets: ["Interviewer Jansen", "52.6324", "4.7534"]),
    // Qualtrics' legacy exporter: V1…V10 above the metadata names, a BOM, a comma after every line.
    PlatformCase(
      file: "qualtrics-legacy-inwoners-adviesaanvraag.csv", layout: "Qualtrics, 2 header rows", rows: 3, imported: 3,
      firstID: "qualtrics:R_5eEfGhIjKlMnOpQ", firstCompletedAt: "2026-03-02T09:09:30Z",
      partialID: "qualtrics:R_6fFgHiJkLmNoPqR",
      dropped: [
        "Name (name)", "ExternalDataReference (recipient reference)", "EmailAddress (e-mail address)",
        "IPAddress (IP address)", "LocationLatitude (location)", "LocationLongitude (location)",
        "LocationAccuracy (location)",
      ],
      masked: "e-mail address in 1 answer, phone number in 1 answer",
      secrets: ["Visser", "anna.visser@example.nl", "dossier-5120", "77.248.3.19", "52.6301"]),
    // Qualtrics' 2016 exporter: a third header row of Python-style ImportIds.
    PlatformCase(
      file: "qualtrics-insights-inwoners-adviesaanvraag.csv", layout: "Qualtrics, 3 header rows", rows: 3,
      imported: 3, firstID: "qualtrics:R_8hHiJkLmNoPqRsT", firstCompletedAt: "2026-03-03T13:12:00Z",
      partialID: "qualtrics:R_0jJkLmNoPqRsTuV",
      dropped: [
        "IPAddress (IP address)", "RecipientLastName (recipient reference)",
        "RecipientFirstName (recipient reference)", "RecipientEmail (e-mail address)",
        "ExternalDataReference (recipient reference)", "LocationLatitude (location)", "LocationLongitude (location)",
        "LocationAccuracy (location)",
      ],
      masked: "BSN in 1 answer, e-mail address in 1 answer, phone number in 1 answer",
      secrets: ["Bakker", "Joost", "joost.bakker@example.nl", "dossier-6230", "94.210.44.7", "52.9563"]),
    // SurveyMonkey saved again by Excel on a Mac: Windows-1252, bare CR line endings, M/D/YY H:MM, and no
    // respondent id, so each response is known by the hash of its row (which must never change).
    PlatformCase(
      file: "surveymonkey-mac-excel-inwoners-adviesaanvraag.csv", layout: "SurveyMonkey, 2 header rows", rows: 3,
      imported: 3, firstID: "surveymonkey:row-c6e0d2127bb5880014f1", firstCompletedAt: "2026-03-16T08:14:00Z",
      dropped: ["IP Address (IP address)"],
      masked: "BSN in 1 answer, e-mail address in 1 answer, phone number in 1 answer", secrets: ["86.81.5.200"]),
    // Google Forms' own CSV download: `2026/03/13 4:20:37 pm CET`, checkboxes joined by ';', no response id.
    PlatformCase(
      file: "googleforms-inwoners-adviesaanvraag.csv", layout: "Google Forms, 1 header row", rows: 3, imported: 3,
      mapped: 15, firstID: "googleforms:row-e79090c4262f96d66ec8", firstCompletedAt: "2026-03-13T15:20:37Z",
      dropped: ["Wat is uw naam? (name)"],
      masked: "BSN in 1 answer, e-mail address in 1 answer, phone number in 1 answer",
      secrets: ["Fatima el Amrani", "Kees Smit"]),
    // Google Forms' responses sheet as XLSX: Excel serial times, checkboxes joined by ', '.
    PlatformCase(
      file: "googleforms-inwoners-adviesaanvraag-sheet.xlsx", layout: "Google Forms, 1 header row", rows: 2,
      imported: 2, mapped: 15, firstID: "googleforms:row-9d341c3865bf42750e76",
      firstCompletedAt: "2026-03-20T10:45:10Z", dropped: ["E-mailadres (e-mail address)"],
      masked: "e-mail address in 1 answer, phone number in 1 answer",
      secrets: ["f.elamrani@example.nl", "p.jong@example.nl"]),
    // KoboToolbox XLSX with a repeat-group sheet; _submission_time (a serial number) is UTC.
    PlatformCase(
      file: "kobo-inwoners-adviesaanvraag.xlsx", layout: "KoboToolbox, 1 header row", rows: 3, imported: 3,
      firstID: "kobotoolbox:9b5a0e4c-1d6f-4a7b-8c9d-5f6071829304", firstCompletedAt: "2026-03-23T08:40:05Z",
      dropped: ["groep_c/terugbelnummer_telefoon (phone number)"],
      masked: "e-mail address in 1 answer, phone number in 1 answer", secrets: ["0687654321"]),
    // ODK Briefcase: dates as `Mar 24, 2026 10:15:42 AM`, in Dutch time.
    PlatformCase(
      file: "odk-briefcase-inwoners-adviesaanvraag.csv", layout: "ODK, 1 header row", rows: 3, imported: 3,
      firstID: "odk:uuid:3ec07f6b-4c5d-4e8f-9a01-a2b3c4d5e6f7", firstCompletedAt: "2026-03-24T09:15:42Z",
      dropped: [
        "groep_c-locatie-Latitude (location)", "groep_c-locatie-Longitude (location)",
        "groep_c-locatie-Altitude (location)", "groep_c-locatie-Accuracy (location)",
      ],
      masked: "BSN in 1 answer, e-mail address in 1 answer, phone number in 1 answer", secrets: ["52.6324"]),
  ]

  @Test(arguments: platformCases)
  func importsAPlatformExportOfTheSameRespondents(_ expected: PlatformCase) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let path = Self.exports.appendingPathComponent(expected.file).path
    let run = try runTevredenProcess(importArguments([path], db: db), cwd: folder)
    #expect(run.exitCode == (expected.rejected > 0 ? 2 : 0), "\(run)")
    #expect(
      run.stdout.contains(
        "\(expected.file): \(expected.rows) rows: \(expected.imported) imported, 0 already present, \(expected.rejected) rejected"
      ), "\(run)")
    #expect(run.stdout.contains("layout: \(expected.layout)"), "\(run)")
    #expect(
      run.stdout.contains(
        "questionnaire: inwoners-adviesaanvraag (chosen because its items match the most columns)"), "\(run)")
    #expect(run.stdout.contains("items: \(expected.mapped) of 16 mapped"), "\(run)")
    #expect(
      run.stdout.contains("personal data dropped (never stored): " + expected.dropped.joined(separator: ", ")),
      "\(run)")
    #expect(run.stdout.contains("masked in open answers: \(expected.masked)"), "\(run)")

    let stored = try TevredenDatabase.open(atPath: db).responses().map(\.0)
    #expect(stored.count == expected.imported)
    #expect(stored.allSatisfy { $0.questionnaireID == "inwoners-adviesaanvraag" })
    let first = try #require(stored.first { $0.id.rawValue == expected.firstID }, "\(stored.map(\.id))")
    #expect(first.status == .completed)
    #expect(first.answers["cijfer"] == .value(.grade(8)))
    #expect(first.answers["bejegening"] == .value(.scalePoint(5)), "Heel tevreden")
    #expect(first.answers["rol"] == .value(.choices(["betrokkene"])))
    #expect(first.answers["contact_via"] == .value(.choices(["telefoon", "mail"])))
    #expect(first.completedAt.map(Timestamp.format) == expected.firstCompletedAt)
    #expect(
      first.answers["opmerking"]
        == .value(.text("Fijn advies. Bel me gerust op [telefoonnummer] of mail naar [e-mail]"))
    )
    if let partialID = expected.partialID {
      let partial = try #require(stored.first { $0.id.rawValue == partialID })
      #expect(partial.status == .partial)
      #expect(partial.completedAt == nil)
      #expect(partial.answers["contact_via"] == .value(.choices(["telefoon", "gesprek"])))
    } else {
      #expect(stored.allSatisfy { $0.status == .completed })
    }
    let bytes = try databaseBytes(db)
    for secret in expected.secrets + ["06-12345678", "j.de.vries@example.nl", "111222333"] {
      #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is in the database")
    }

    let again = try runTevredenProcess(importArguments([path], db: db), cwd: folder)
    #expect(again.exitCode == run.exitCode, "\(again)")
    #expect(
      again.stdout.contains(
        "\(expected.file): \(expected.rows) rows: 0 imported, \(expected.imported) already present, \(expected.rejected) rejected"
      ), "\(again)")
    #expect(again.stdout.contains("Stored 0 new responses."))
    #expect(try TevredenDatabase.open(atPath: db).responseCount() == expected.imported)
  }

  /// The project's LimeSurvey export with "question code and question text" headings instead of codes
  /// (`id. Response ID`, `G01Q11. <question>`, `G01Q03[SQ001]. <question> [<option>]`), as LimeSurvey writes them:
  /// the question codes are no alias of any item, so the items are found by their texts; the same responses result.
  @Test func limeSurveyCodeDotTextHeadingsImportAsTheCodesExportDoes() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let codes = Self.exports.appendingPathComponent("limesurvey-inwoners-adviesaanvraag-codes.csv")
    var records = try CSVReader.parse(String(contentsOf: codes, encoding: .utf8)).map(\.fields)
    let catalog = Catalog.load(from: questionnairesFolder)
    // The export answers version 2's agree-statements, so its headings hold version 2's question texts.
    let questions = try #require(catalog.questionnaire("inwoners-adviesaanvraag", version: 2)).questionnaire.questions
    let metadata = [
      "id": "Response ID", "submitdate": "Date submitted", "lastpage": "Last page", "startlanguage": "Start language",
      "seed": "Seed", "startdate": "Date started", "datestamp": "Date last action", "ipaddr": "IP address",
      "interviewtime": "Total time",
    ]
    records[0] = records[0].enumerated().map { index, code in
      if let text = metadata[code] { return "\(code). \(text)" }
      let stem = code.split(separator: "[").first.map(String.init) ?? code
      let sub = code.dropFirst(stem.count)
      guard let question = questions.first(where: { $0.id.rawValue.replacingOccurrences(of: "_", with: "") == stem })
      else { return "G09Q\(index). \(code)" }
      var text = question.text
      if case .choice(let choices, _) = question.kind, let number = Int(sub.filter(\.isNumber)) {
        text += " [\(choices[number - 1].label)]"
      }
      return "G01Q\(index)\(sub). \(text)"
    }
    #expect(records[0][0] == "id. Response ID")
    let codeText = folder.appendingPathComponent("limesurvey-codetext.csv")
    try CSVWriter.renderUnguarded(records).write(to: codeText, atomically: true, encoding: .utf8)

    func importAndExport(_ file: URL, arguments: [String] = []) throws -> (TevredenRun, String) {
      let db = folder.appendingPathComponent("\(file.lastPathComponent).sqlite").path
      let run = try runTevredenProcess(importArguments([file.path] + arguments, db: db), cwd: folder)
      let export = try runTevredenProcess(
        ["export", "--questionnaire", "inwoners-adviesaanvraag", "--db", db],
        cwd: folder)
      #expect(export.exitCode == 0, "\(export)")
      return (run, export.stdout)
    }
    let (fromCodes, expected) = try importAndExport(codes)
    let (detected, fromCodeText) = try importAndExport(codeText)
    #expect(detected.exitCode == 0, "\(detected)")
    #expect(detected.stdout.contains("layout: LimeSurvey, 1 header row"), "\(detected)")
    #expect(detected.stdout.contains("5 rows: 5 imported, 0 already present, 0 rejected"), "\(detected)")
    #expect(detected.stdout.contains("personal data dropped (never stored): ipaddr (IP address)"), "\(detected)")
    #expect(fromCodes.exitCode == 0)
    #expect(fromCodeText == expected)
    let (forced, forcedExport) = try importAndExport(codeText, arguments: ["--layout", "limesurvey"])
    #expect(forced.exitCode == 0, "\(forced)")
    #expect(forcedExport == expected)
  }

  /// ODK Briefcase and KoboToolbox write each repeat group to a table of its own, whose rows belong to the
  /// submissions of the main table: in a folder beside the main export they are named and left out, never taken for
  /// responses; `--inspect` says what they are.
  @Test func repeatGroupTablesAreNotTakenForSubmissions() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let exports = folder.appendingPathComponent("odk")
    try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
    let main = "odk-briefcase-inwoners-adviesaanvraag.csv"
    try FileManager.default.copyItem(
      at: Self.exports.appendingPathComponent(main), to: exports.appendingPathComponent(main))
    try """
    "kind-leeftijd","kind-school","PARENT_KEY","KEY","SET-OF-kind"
    7,"ja","uuid:3ec07f6b-4c5d-4e8f-9a01-a2b3c4d5e6f7","uuid:3ec07f6b-4c5d-4e8f-9a01-a2b3c4d5e6f7/kind[1]","uuid:3ec07f6b-4c5d-4e8f-9a01-a2b3c4d5e6f7/kind"
    12,"ja","uuid:3ec07f6b-4c5d-4e8f-9a01-a2b3c4d5e6f7","uuid:3ec07f6b-4c5d-4e8f-9a01-a2b3c4d5e6f7/kind[2]","uuid:3ec07f6b-4c5d-4e8f-9a01-a2b3c4d5e6f7/kind"

    """.write(to: exports.appendingPathComponent("odk-briefcase-kind.csv"), atomically: true, encoding: .utf8)
    try """
    leeftijd,_index,_parent_table_name,_parent_index,_submission__id,_submission__uuid
    7,1,inwoners,1,321261095,6f1c2d3e-0000-4000-8000-000000000001

    """.write(to: exports.appendingPathComponent("kobo-kind.csv"), atomically: true, encoding: .utf8)
    let db = folder.appendingPathComponent("db.sqlite").path
    let run = try runTevredenProcess(importArguments([exports.path], db: db), cwd: folder)
    #expect(run.exitCode == 0, "\(run)")
    #expect(run.stdout.contains("\(main): 3 rows: 3 imported, 0 already present, 0 rejected"), "\(run)")
    #expect(
      run.stdout.contains(
        "odk-briefcase-kind.csv: not imported: a repeat group of an ODK form: each row belongs to a submission of the form's main table (through \"PARENT_KEY\"), so its rows are not responses; import the main table"
      ), "\(run)")
    #expect(run.stdout.contains("kobo-kind.csv: not imported: a repeat group of a KoboToolbox form"), "\(run)")
    #expect(run.stdout.contains("Stored 3 new responses."))
    #expect(try TevredenDatabase.open(atPath: db).responseCount() == 3)

    let inspect = try runTevredenProcess(
      ["import", "--inspect", exports.appendingPathComponent("odk-briefcase-kind.csv").path], cwd: folder)
    #expect(inspect.exitCode == 0, "\(inspect)")
    #expect(inspect.stdout.contains("rows:          2, a repeat group of an ODK form"), "\(inspect)")
    #expect(!inspect.stdout.contains("responses:"), "\(inspect)")
  }

  @Test func anOtherAnswerTheItemHasNoOptionForIsLeftOutAndTheRowKept() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let path = Self.exports.appendingPathComponent("surveymonkey-inwoners-adviesaanvraag.csv").path
    let run = try runTevredenProcess(importArguments([path], db: db), cwd: folder)
    #expect(run.exitCode == 0, "\(run)")
    #expect(run.stderr.isEmpty, "\(run)")
    #expect(
      run.stdout.contains(
        "  Hoe had u contact met Veilig Thuis? U mag meer dan één antwoord kiezen. - Other (please specify): not imported, contact_via has no such option (the rest of each row is; the words are not stored)"
      ), "\(run)")
    // The respondent who also ticked Telefoon keeps that answer, and the grade.
    let store = try TevredenDatabase.open(atPath: db)
    let response = try #require(try store.response(Response.ID(rawValue: "surveymonkey:114938210456")))
    #expect(response.answers["contact_via"] != nil)
    #expect(response.answers["cijfer"] != nil)
  }

  @Test func aMappingFileNamesTheOptionEachColumnHolds() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let export = folder.appendingPathComponent("export.csv")
    try "datum,akkoord,v1,m1,m2,m3,m4\n2026-02-03 10:00,ja,8,1,,1,\n2026-02-04 10:00,ja,7,,,,1\n"
      .write(to: export, atomically: true, encoding: .utf8)
    let mapping = folder.appendingPathComponent("mapping.yaml")
    try """
    columns:
      akkoord: toestemming
      v1: cijfer
      m1: contact_via[Telefoon]
      m2: contact_via[chat]
      m3: contact_via[E-mail]
      m4: contact_via[gesprek]
    """.write(to: mapping, atomically: true, encoding: .utf8)
    let run = try runTevredenProcess(
      importArguments(
        [export.path, "--questionnaire", "inwoners-adviesaanvraag", "--mapping", mapping.path, "--layout", "generic"],
        db: db), cwd: folder)
    #expect(run.exitCode == 0, "\(run)")
    #expect(run.stdout.contains("m3 → contact_via"), "\(run)")
    #expect(run.stdout.contains("items: 3 of 16 mapped"), "\(run)")
    let answers = try TevredenDatabase.open(atPath: db).responses().map(\.0).sorted { $0.startedAt < $1.startedAt }
      .map { $0.answers["contact_via"] }
    #expect(answers == [.value(.choices(["telefoon", "mail"])), .value(.choices(["gesprek"]))])
  }

  @Test func twoLimeSurveySurveysNumberingTheirResponsesFromOneDoNotCollide() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let codes = Self.exports.appendingPathComponent("limesurvey-inwoners-adviesaanvraag-codes.csv").path
    let texts = Self.exports.appendingPathComponent("limesurvey-inwoners-adviesaanvraag-fulltext.csv").path
    let run = try runTevredenProcess(importArguments([codes, texts], db: db), cwd: folder)
    #expect(run.exitCode == 0, "\(run)")
    #expect(
      run.stdout.contains("limesurvey-inwoners-adviesaanvraag-fulltext.csv: 3 rows: 3 imported, 0 already present"))
    let stored = try TevredenDatabase.open(atPath: db).responses().map(\.0)
    // Both surveys have a response 3: one from March, one from April.
    #expect(stored.filter { $0.id.rawValue.hasPrefix("limesurvey:inwoners-adviesaanvraag:3@") }.count == 2)
    #expect(stored.count == 8)
  }
}
