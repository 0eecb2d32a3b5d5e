import Foundation
import Testing
import TevredenCore
import TevredenStore

/// `tevreden import` on VT-style exports in platform layouts (`PlatformExports/`, written by its
/// `make-exports.py`): Qualtrics CSV with three header rows, Google Forms saved by Dutch Excel (semicolons,
/// Windows-1252), and a Microsoft Forms workbook.
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
    #expect(run.stdout.contains("Stored 9 new responses."))
    // The bad row is named with its line, column, item and reason.
    #expect(
      run.stderr.contains(
        "qualtrics-inwoners-melding.csv:7: error: column 'Q15' (cijfer): \"12\" is not a grade from 1 to 10"))

    let store = try TevredenDatabase.open(atPath: db)
    let stored = try store.responses().map(\.0)
    #expect(stored.count == 9)
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
    // Workbook times (Excel serial numbers) are read as Amsterdam time.
    let forms = try #require(stored.first { $0.id == "microsoftforms:1" })
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
    ] {
      #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is in the database")
    }
    let store = try TevredenDatabase.open(atPath: db)
    let remarks = try store.responses().compactMap { $0.0.answers["opmerking"]?.value?.canonicalText }
    #expect(remarks.contains("Fijn geholpen, bel gerust [telefoonnummer]"))
    #expect(remarks.contains("Contact met coördinator was prima, mijn BSN [BSN] stond erin"))
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
  }
}
