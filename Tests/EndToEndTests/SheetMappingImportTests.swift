import Foundation
import GRDB
import Testing
import TevredenCore
import TevredenStore
import TevredenTestSupport

/// `tevreden import --mapping` on sheets no survey platform made: Veilig Thuis' own Excel sheet saved as CSV by
/// Dutch Excel (semicolons, Windows-1252, `d-m-yyyy` dates, decimal commas, `-1` for "weet niet"), whose mapping
/// names the columns of the response id, the date and the gemeente and recodes values; and a LimeSurvey export
/// with answer codes (`A1`, `-oth-`) recoded by a mapping.
@Suite struct SheetMappingImportTests {
  static let contact = "Hoe had u contact met Veilig Thuis? U mag meer dan één antwoord kiezen."
  static let bereikbaarheid = "Hoe tevreden bent u over hoe makkelijk u Veilig Thuis kon bereiken?"
  static let bejegening = "Hoe tevreden bent u over hoe de medewerker van Veilig Thuis met u omging?"

  /// The sheet's lines, with or without its Datum column: three good rows, and one of a municipality outside the
  /// region.
  static func sheet(withDates: Bool) -> String {
    let rows = [
      ["Nr", "Datum", "Gemeente", contact, bereikbaarheid, bejegening, "Cijfer"],
      ["1", "1-3-2026", "Alkmaar", "Telefoon, E-mail", "Tevreden", "Heel tevreden", "7,5"],
      ["2", "15-3-2026", "Hoorn", "Tel.", "-1", "Tevreden", "-1"],
      ["3", "20-3-2026 10:40", "Den Helder", "E-mail", "Heel tevreden", "-1", "8"],
      ["4", "2-4-2026", "Amsterdam", "Telefoon", "Tevreden", "Tevreden", "6"],
    ]
    return rows.map { row in
      (withDates ? row : row.enumerated().filter { $0.offset != 1 }.map(\.element)).joined(separator: ";")
    }.joined(separator: "\r\n") + "\r\n"
  }

  static func mapping(withDates: Bool) -> String {
    """
    questionnaire: inwoners-adviesaanvraag
    roles:
      response_id: Nr
    \(withDates ? "  completed_at: Datum\n" : "")  gemeente: Gemeente
    columns:
      "\(contact)": contact_via
      Cijfer: cijfer
    recode:
      "\(contact)": {Tel.: Telefoon}
      "\(bereikbaarheid)": {"-1": weet_niet}
      "\(bejegening)": {"-1": weet_niet}
      Cijfer: {"-1": weet_niet}

    """
  }

  /// Writes `text` in Windows-1252, as Dutch Excel saves a CSV file.
  func writeWindows1252(_ text: String, to url: URL) throws {
    let data = try #require(text.data(using: .windowsCP1252))
    #expect(data.contains(0xE9), "é is one byte in Windows-1252")
    #expect(String(data: data, encoding: .utf8) == nil, "the file is not UTF-8")
    try data.write(to: url)
  }

  func importArguments(_ arguments: [String], db: String) -> [String] {
    ["import"] + arguments + ["--db", db, "--questionnaires", questionnairesFolder.path]
  }

  /// The stored responses by id.
  func responses(_ db: String) throws -> [String: Response] {
    let stored = try TevredenDatabase.open(atPath: db).responses().map(\.0)
    return Dictionary(uniqueKeysWithValues: stored.map { ($0.id.rawValue, $0) })
  }

  @Test func importsADutchSheetWithRolesAndRecodes() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let sheet = folder.appendingPathComponent("enquete-vt.csv")
    try writeWindows1252(Self.sheet(withDates: true), to: sheet)
    let mapping = folder.appendingPathComponent("mapping.yaml")
    try Self.mapping(withDates: true).write(to: mapping, atomically: true, encoding: .utf8)
    let arguments = [sheet.path, "--mapping", mapping.path]

    // The dry run shows the roles and recodes used.
    let dry = try runTevredenProcess(importArguments(arguments + ["--dry-run"], db: db), cwd: folder)
    #expect(dry.stdout.contains("  layout: generic table (one header row)\n"), "\(dry)")
    #expect(dry.stdout.contains("  questionnaire: inwoners-adviesaanvraag (named by the mapping file)"), "\(dry)")
    #expect(dry.stdout.contains("  response id: Nr (mapping)"), "\(dry)")
    #expect(dry.stdout.contains("  completion time: Datum (mapping)"), "\(dry)")
    #expect(dry.stdout.contains("  gemeente: Gemeente (mapping)"), "\(dry)")
    #expect(dry.stdout.contains("  recoded: Cijfer (-1 → weet_niet)"), "\(dry)")
    #expect(dry.stdout.contains("  recoded: \(Self.contact) (Tel. → Telefoon)"), "\(dry)")
    #expect(dry.stdout.contains("    \(Self.contact) → contact_via"), "the accented header was decoded: \(dry)")

    let run = try runTevredenProcess(importArguments(arguments, db: db), cwd: folder)
    #expect(run.exitCode == 2, "one row is rejected: \(run)")
    #expect(run.stdout.contains("enquete-vt.csv: 4 rows: 3 imported, 0 already present, 1 rejected"), "\(run)")
    #expect(
      run.stderr.contains(
        "enquete-vt.csv:5: error: column 'Gemeente': 'Amsterdam' is not a municipality of the region (indicators.yaml)"),
      "\(run)")

    let stored = try responses(db)
    #expect(stored.keys.sorted() == ["generic:1", "generic:2", "generic:3"])
    let first = try #require(stored["generic:1"])
    let second = try #require(stored["generic:2"])
    let third = try #require(stored["generic:3"])
    // A day without a time is noon of that day, Dutch time; a time is kept.
    #expect(first.completedAt.map(Timestamp.format) == "2026-03-01T11:00:00Z")
    #expect(third.completedAt.map(Timestamp.format) == "2026-03-20T09:40:00Z")
    let days = try DatabaseQueue(path: db).read {
      try String.fetchAll($0, sql: "SELECT collectedOn FROM response ORDER BY collectedOn")
    }
    #expect(days == ["2026-03-01", "2026-03-15", "2026-03-20"])
    #expect(stored.values.allSatisfy { $0.status == .completed && $0.questionnaireID == "inwoners-adviesaanvraag" })
    #expect(first.gemeente == "Alkmaar" && third.gemeente == "Den Helder")
    #expect(first.answers["cijfer"] == .value(.grade(7.5)), "a decimal comma")
    #expect(second.answers["cijfer"] == .missing("weet_niet"), "-1 recoded")
    #expect(third.answers["cijfer"] == .value(.grade(8)))
    #expect(second.answers["bereikbaarheid"] == .missing("weet_niet"))
    #expect(third.answers["bejegening"] == .missing("weet_niet"))
    #expect(first.answers["bejegening"] == .value(.scalePoint(5)))
    #expect(first.answers["contact_via"] == .value(.choices(["telefoon", "mail"])))
    #expect(second.answers["contact_via"] == .value(.choices(["telefoon"])), "Tel. recoded")

    let again = try runTevredenProcess(importArguments(arguments, db: db), cwd: folder)
    #expect(again.stdout.contains("enquete-vt.csv: 4 rows: 0 imported, 3 already present, 1 rejected"), "\(again)")
    #expect(try TevredenDatabase.open(atPath: db).responseCount() == 3)
  }

  @Test func aSheetWithoutDatesIsImportedWithCompletedOn() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let sheet = folder.appendingPathComponent("enquete-zonder-datum.csv")
    try writeWindows1252(Self.sheet(withDates: false), to: sheet)
    // Written in Notepad: the mapping file is in Windows-1252 too.
    let mapping = folder.appendingPathComponent("mapping.yaml")
    try writeWindows1252(Self.mapping(withDates: false), to: mapping)

    let undated = try runTevredenProcess(importArguments([sheet.path, "--mapping", mapping.path], db: db), cwd: folder)
    #expect(undated.stdout.contains("4 rows: 0 imported, 0 already present, 4 rejected"), "\(undated)")
    #expect(undated.stderr.contains("--completed-on yyyy-MM-dd"), "\(undated)")

    let arguments = [sheet.path, "--mapping", mapping.path, "--completed-on", "2026-03-14"]
    let run = try runTevredenProcess(importArguments(arguments, db: db), cwd: folder)
    #expect(run.exitCode == 2, "\(run)")
    #expect(
      run.stdout.contains("enquete-zonder-datum.csv: 4 rows: 3 imported, 0 already present, 1 rejected"), "\(run)")
    let days = try DatabaseQueue(path: db).read {
      try String.fetchAll($0, sql: "SELECT DISTINCT collectedOn FROM response")
    }
    #expect(days == ["2026-03-14"])
    let stored = try responses(db)
    #expect(stored["generic:1"]?.answers["cijfer"] == .value(.grade(7.5)))
    #expect(stored["generic:2"]?.answers["cijfer"] == .missing("weet_niet"))
    #expect(stored["generic:1"]?.answers["contact_via"] == .value(.choices(["telefoon", "mail"])))

    let again = try runTevredenProcess(importArguments(arguments, db: db), cwd: folder)
    #expect(again.stdout.contains("4 rows: 0 imported, 3 already present, 1 rejected"), "\(again)")
  }

  @Test func aMappingNamingAColumnTheSheetDoesNotHaveStoresNothing() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let sheet = folder.appendingPathComponent("enquete-vt.csv")
    try writeWindows1252(Self.sheet(withDates: true), to: sheet)
    let mapping = folder.appendingPathComponent("mapping.yaml")
    try Self.mapping(withDates: true).replacingOccurrences(of: "response_id: Nr", with: "response_id: Nummer")
      .write(to: mapping, atomically: true, encoding: .utf8)
    let run = try runTevredenProcess(importArguments([sheet.path, "--mapping", mapping.path], db: db), cwd: folder)
    #expect(run.exitCode != 0 && run.exitCode != 2, "\(run)")
    #expect(run.stderr.contains("the mapping file has errors; nothing was imported"), "\(run)")
    #expect(run.stderr.contains("mapping.yaml:3: error: 'Nummer' (response_id) is not a column of "), "\(run)")
    #expect(run.stderr.contains("enquete-vt.csv; correct the header, or remove the role"), "\(run)")
    #expect(!run.stdout.contains("imported"), "\(run)")

    // A recode the item cannot take is refused before the sheet is read.
    try Self.mapping(withDates: true)
      .replacingOccurrences(of: "Cijfer: {\"-1\": weet_niet}", with: "Cijfer: {\"-1\": \"11\"}")
      .write(to: mapping, atomically: true, encoding: .utf8)
    let recode = try runTevredenProcess(importArguments([sheet.path, "--mapping", mapping.path], db: db), cwd: folder)
    #expect(recode.exitCode != 0 && recode.exitCode != 2, "\(recode)")
    #expect(
      recode.stderr.contains(
        "mapping.yaml:13: error: the recode of 'Cijfer' gives \"-1\" → \"11\", but cijfer cannot take it"),
      "\(recode)")
    let count = try DatabaseQueue(path: db).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM response") }
    #expect(count == 0)
  }

  @Test func limeSurveyAnswerCodesAreRecodedByTheMapping() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let export = folder.appendingPathComponent("limesurvey-codes.csv")
    try """
    "id","submitdate","lastpage","startlanguage","seed","startdate","datestamp","toestemming","rol","kinderen","bereikbaarheid","bejegening","cijfer"
    "1","2026-03-11 14:20:05","4","nl","1","2026-03-11 14:09:51","2026-03-11 14:20:05","Y","A1","Y","A4","A5","8"
    "2","2026-03-12 10:02:00","4","nl","2","2026-03-12 09:55:00","2026-03-12 10:02:00","Y","-oth-","N","A6","A3","7"

    """.write(to: export, atomically: true, encoding: .utf8)

    // Without a mapping, the codes are no answers.
    let plain = try runTevredenProcess(
      importArguments([export.path, "--questionnaire", "inwoners-adviesaanvraag", "--dry-run"], db: db), cwd: folder)
    #expect(plain.stdout.contains("layout: LimeSurvey, 1 header row"), "\(plain)")
    #expect(plain.stderr.contains("column 'rol' (rol): \"A1\" is not one of the choices"), "\(plain)")

    let mapping = folder.appendingPathComponent("limesurvey.yaml")
    try """
    questionnaire: inwoners-adviesaanvraag
    recode:
      rol: {A1: betrokkene, A2: ouder, A3: pleger, A4: melder, "-oth-": anders}
      bereikbaarheid: {A1: 1, A2: 2, A3: 3, A4: 4, A5: 5, A6: weet_niet}
      bejegening: {A1: Heel ontevreden, A2: Ontevreden, A3: Niet tevreden en niet ontevreden, A4: Tevreden, A5: Heel tevreden}

    """.write(to: mapping, atomically: true, encoding: .utf8)
    let run = try runTevredenProcess(importArguments([export.path, "--mapping", mapping.path], db: db), cwd: folder)
    #expect(run.exitCode == 0, "\(run)")
    #expect(run.stdout.contains("limesurvey-codes.csv: 2 rows: 2 imported, 0 already present, 0 rejected"), "\(run)")
    #expect(run.stdout.contains("  recoded: rol (-oth- → anders, A1 → betrokkene"), "\(run)")
    #expect(run.stdout.contains("  response id: id (detected)"), "\(run)")
    let stored = try responses(db)
    let first = try #require(stored["limesurvey:inwoners-adviesaanvraag:1@2026-03-11T13:09:51Z"], "\(stored.keys)")
    let second = try #require(stored["limesurvey:inwoners-adviesaanvraag:2@2026-03-12T08:55:00Z"], "\(stored.keys)")
    #expect(first.answers["rol"] == .value(.choices(["betrokkene"])))
    #expect(first.answers["bereikbaarheid"] == .value(.scalePoint(4)))
    #expect(first.answers["bejegening"] == .value(.scalePoint(5)))
    #expect(second.answers["rol"] == .value(.choices(["anders"])))
    #expect(second.answers["bereikbaarheid"] == .missing("weet_niet"))
    #expect(second.answers["bejegening"] == .value(.scalePoint(3)))
    #expect(second.answers["kinderen"] == .value(.yesNo(false)))
  }
}
