import Foundation
import GRDB
import Testing
import TevredenCore
import TevredenStore
import TevredenTestSupport

/// `tevreden import` judging personal-data columns by their values as well as their header, on exports written
/// here in the platforms' own layouts: a KoboToolbox CSV whose location answers stand under neutral headers
/// (`groep_c/waar`, a geotrace `groep_c/route`, a legacy `gps`), a Qualtrics export whose answer column's question
/// mentions the phone and e-mail, and generic CSVs whose columns a mapping file names. Each test reads back every
/// table of the database for the values that must never be stored.
@Suite struct PersonalDataColumnTests {
  func importArguments(_ arguments: [String], db: String) -> [String] {
    ["import"] + arguments + ["--db", db, "--questionnaires", questionnairesFolder.path]
  }

  /// Every value of every table of the database, as text, and the bytes of its files (with the write-ahead log):
  /// a value split over SQLite pages is still found in the first, one in a freed page in the second.
  func storedText(_ db: String) throws -> String {
    var text = try DatabaseQueue(path: db).read { db in
      var text = ""
      for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
        for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") {
          for value in row.databaseValues {
            switch value.storage {
            case .string(let string): text += string + "\n"
            case .blob(let data): text += String(decoding: data, as: UTF8.self) + "\n"
            default: text += value.description + "\n"
            }
          }
        }
      }
      return text
    }
    for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: db + suffix) {
      text += String(decoding: try Data(contentsOf: URL(fileURLWithPath: db + suffix)), as: UTF8.self)
    }
    return text
  }

  func expectNever(_ secrets: [String], in db: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let text = try storedText(db)
    for secret in secrets {
      #expect(!text.contains(secret), "\(secret) is in the database", sourceLocation: sourceLocation)
    }
  }

  func responses(_ db: String) throws -> [Response] {
    try TevredenDatabase.open(atPath: db).responses().map(\.0).sorted { $0.startedAt < $1.startedAt }
  }

  /// Rows as a platform writes them: cells joined by `delimiter`, every cell quoted (KoboToolbox) or only where
  /// needed, CRLF line ends.
  static func csv(_ rows: [[String]], delimiter: String = ",", quoteAll: Bool = false) -> String {
    rows.map { row in
      row.map { cell in
        let needsQuotes = quoteAll || cell.contains(delimiter) || cell.contains("\"") || cell.contains("\n")
        return needsQuotes ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
      }
      .joined(separator: delimiter)
    }
    .joined(separator: "\r\n") + "\r\n"
  }

  // MARK: - KoboToolbox: location answers under neutral headers

  /// KoboToolbox's CSV export ("XML values and headers", `;`, every cell quoted) of inwoners-adviesaanvraag with a
  /// geopoint `groep_c/waar` and its four split columns, a geotrace `groep_c/route`, and a legacy `gps` column.
  static let koboGeo: String = {
    let scales = [
      "bereikbaarheid", "bejegening", "geduld", "duidelijk_rol_vt", "duidelijk_advies", "deskundigheid", "afspraken",
      "duidelijk_vervolg", "kinderen_aandacht",
    ]
    let header =
      ["start", "end", "today", "groep_a/toestemming", "groep_a/rol", "groep_a/contact_via"]
      + ["telefoon", "chat", "mail", "gesprek"].map { "groep_a/contact_via/" + $0 } + ["groep_a/kinderen"]
      + scales.map { "groep_b/" + $0 }
      + [
        "groep_b/kinderen_hulp", "groep_c/cijfer", "groep_c/opmerking", "groep_c/waar", "_groep_c/waar_latitude",
        "_groep_c/waar_longitude", "_groep_c/waar_altitude", "_groep_c/waar_precision", "groep_c/route", "gps",
        "_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by", "__version__",
        "_tags", "_index",
      ]
    func row(
      _ index: Int, day: Int, contact: String, ticks: [String], opmerking: String, waar: [String], route: String,
      gps: String
    ) -> [String] {
      ["2026-05-0\(day)T10:00:00.000+02:00", "2026-05-0\(day)T10:09:00.000+02:00", "2026-05-0\(day)", "ja", "ouder"]
        + [contact] + ticks + ["ja"] + ["4", "5", "4", "5", "4", "4", "2", "4", "4"]
        + ["ja", "8", opmerking, waar.joined(separator: " ")] + waar + [route, gps]
        + [
          "2311880\(index)", "a1b2c3d4-0000-4000-8000-00000000000\(index)", "2026-05-0\(day)T08:09:30", "", "",
          "submitted_via_web", "", "vKsXpY3nQw7", "", "\(index)",
        ]
    }
    return csv(
      [
        header,
        row(
          1, day: 4, contact: "telefoon mail", ticks: ["1", "0", "1", "0"], opmerking: "Fijn geholpen",
          waar: ["52.3702", "4.8952", "0", "5"], route: "52.37 4.89 0 0;52.38 4.90 0 0;52.39 4.91 0 0",
          gps: "52.6324 4.7534 0 5"),
        row(
          2, day: 5, contact: "chat", ticks: ["0", "1", "0", "0"], opmerking: "ik woon hier: 52.37 4.89 0 0",
          waar: ["-33.868820", "151.209290", "58", "10"],
          route: "-33.868820 151.209290 58 10;-33.869 151.21 58 10", gps: "52.7703 4.8121 0 4"),
        row(
          3, day: 6, contact: "gesprek", ticks: ["0", "0", "0", "1"],
          opmerking: "Hij zag mij op -1.2864 36.8172 1659.699951171875 3.9", waar: ["52.9563", "4.7600", "1.5", "3"],
          route: "", gps: ""),
      ], delimiter: ";", quoteAll: true)
  }()

  @Test func koboLocationAnswersUnderAnyHeaderAreDroppedAndNeverStored() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let file = folder.appendingPathComponent("kobo-waar.csv")
    try Self.koboGeo.write(to: file, atomically: true, encoding: .utf8)
    let run = try runTevredenProcess(importArguments([file.path], db: db), cwd: folder)
    #expect(run.exitCode == 0, "\(run)")
    #expect(run.stdout.contains("kobo-waar.csv: 3 rows: 3 imported, 0 already present, 0 rejected"), "\(run)")
    #expect(run.stdout.contains("layout: KoboToolbox, 1 header row"), "\(run)")
    #expect(
      run.stdout.contains(
        "personal data dropped (never stored): groep_c/waar (location, by its values), _groep_c/waar_latitude "
          + "(location), _groep_c/waar_longitude (location), _groep_c/waar_altitude (location), "
          + "_groep_c/waar_precision (location), groep_c/route (location, by its values), gps (location)"), "\(run)")
    #expect(!run.stdout.contains("columns not imported"), "\(run)")
    #expect(run.stdout.contains("masked in open answers: location in 2 answers"), "\(run)")

    let stored = try responses(db)
    #expect(stored.count == 3)
    #expect(
      stored.map { $0.answers["opmerking"] } == [
        .value(.text("Fijn geholpen")), .value(.text("ik woon hier: [locatie]")),
        .value(.text("Hij zag mij op [locatie]")),
      ])
    #expect(stored.allSatisfy { $0.answers["cijfer"] == .value(.grade(8)) })
    try expectNever(
      [
        "52.3702", "4.8952", "52.37 4.89", "52.38 4.90", "-33.868820", "151.209290", "-33.869", "52.6324", "4.7534",
        "52.7703", "52.9563", "-1.2864", "36.8172", "1659.69",
      ], in: db)
  }

  // MARK: - Qualtrics: an answer column whose question mentions the phone and e-mail

  @Test func anAnswerColumnWhoseQuestionMentionsPhoneAndEmailIsReadAsItsItemAndTheReportSaysSo() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    // Qualtrics' three header rows: tags, question texts, ImportIds; labels as answers.
    let meta = [
      ("StartDate", "Start Date", "startDate"), ("EndDate", "End Date", "endDate"),
      ("Status", "Response Type", "status"),
      ("IPAddress", "IP Address", "ipAddress"), ("Progress", "Progress", "progress"),
      ("Finished", "Finished", "finished"), ("ResponseId", "Response ID", "_recordId"),
      ("RecipientEmail", "Recipient Email", "recipientEmail"),
      ("LocationLatitude", "Location Latitude", "locationLatitude"),
      ("LocationLongitude", "Location Longitude", "locationLongitude"),
    ]
    let questions = [
      "Wilt u meewerken aan deze vragenlijst over de samenwerking met Veilig Thuis?",
      "Hoe tevreden bent u over de bereikbaarheid van Veilig Thuis (telefonisch en per mail)?",
      "Hoe tevreden bent u over de adviezen en consultaties die Veilig Thuis uw team geeft?",
      "Welk rapportcijfer geeft u de samenwerking met Veilig Thuis? (1 = zeer slecht, 10 = uitstekend)",
    ]
    let header = [
      meta.map(\.0) + questions.indices.map { "Q\($0 + 1)" },
      meta.map(\.1) + questions,
      meta.map { #"{"ImportId":"\#($0.2)"}"# } + questions.indices.map { #"{"ImportId":"QID\#($0 + 1)"}"# },
    ]
    func row(_ id: String, _ day: Int, email: String, bereikbaarheid: String, grade: String) -> [String] {
      [
        "2026-06-0\(day) 09:00:00", "2026-06-0\(day) 09:07:00", "IP Address", "77.248.3.\(day)", "100", "True", id,
        email, "52.6\(day)01", "4.7\(day)02", "Ja", bereikbaarheid, "Tevreden", grade,
      ]
    }
    let rows = [
      row("R_1aQwErTyUiOpAsD", 1, email: "wijkteam@example.nl", bereikbaarheid: "Heel tevreden", grade: "8"),
      row("R_2bQwErTyUiOpAsD", 2, email: "jeugd@example.org", bereikbaarheid: "Ontevreden", grade: "6"),
      row("R_3cQwErTyUiOpAsD", 3, email: "", bereikbaarheid: "Zeer tevreden", grade: "9"),
    ]
    let file = folder.appendingPathComponent("qualtrics-sociale-teams.csv")
    try Self.csv(header + rows).write(to: file, atomically: true, encoding: .utf8)
    let run = try runTevredenProcess(
      importArguments([file.path, "--questionnaire", "ketenpartners-sociale-teams"], db: db), cwd: folder)
    #expect(run.exitCode == 0, "\(run)")
    #expect(run.stdout.contains("3 rows: 3 imported"), "\(run)")
    #expect(run.stdout.contains("    Q2 → bereikbaarheid"), "\(run)")
    #expect(
      run.stdout.contains(
        #"  read as an item although its header suggests a phone number: "Q2" ("Hoe tevreden bent u over de bereikbaarheid van Veilig Thuis (telefonisch en per mail)?") → bereikbaarheid (its values are answers, not phone numbers)"#
      ), "\(run)")
    #expect(
      run.stdout.contains(
        "personal data dropped (never stored): IPAddress (IP address), RecipientEmail (e-mail address), "
          + "LocationLatitude (location), LocationLongitude (location)"), "\(run)")
    let stored = try responses(db)
    #expect(stored.map { $0.answers["bereikbaarheid"] } == [5, 2, 5].map { .value(.scalePoint($0)) })
    try expectNever(["wijkteam@example", "jeugd@example", "77.248.3", "52.6101", "4.7102"], in: db)
  }

  // MARK: - A mapping file naming columns whose header or values are personal data

  @Test func aColumnTheMappingNamesIsReadAsItsItemAndTheReportSaysSo() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let file = folder.appendingPathComponent("eigen-lijst.csv")
    try Self.csv([
      [
        "datum", "Toestemming", "Hoe wilt u contact: per telefoon of e-mail?", "Uw e-mailadres", "Bejegening", "Cijfer",
      ],
      ["2026-04-01 10:00", "ja", "Telefoon", "a.jansen@example.nl", "Tevreden", "8"],
      ["2026-04-02 10:00", "ja", "Telefoon;E-mail", "b.visser@example.org", "Heel tevreden", "7"],
      ["2026-04-03 10:00", "ja", "E-mail", "", "Tevreden", "9"],
    ]).write(to: file, atomically: true, encoding: .utf8)

    // Without a mapping, in doubt: the contact column matches no item, so it is dropped as its header says.
    let unmapped = try runTevredenProcess(
      importArguments(
        [file.path, "--questionnaire", "inwoners-adviesaanvraag", "--layout", "generic", "--dry-run"], db: db),
      cwd: folder)
    #expect(unmapped.exitCode == 0, "\(unmapped)")
    #expect(
      unmapped.stdout.contains(
        "personal data dropped (never stored): Hoe wilt u contact: per telefoon of e-mail? (e-mail address), "
          + "Uw e-mailadres (e-mail address)"), "\(unmapped)")

    let mapping = folder.appendingPathComponent("mapping.yaml")
    try """
    questionnaire: inwoners-adviesaanvraag
    columns:
      "Hoe wilt u contact: per telefoon of e-mail?": contact_via
      Uw e-mailadres: opmerking
    """.write(to: mapping, atomically: true, encoding: .utf8)
    let run = try runTevredenProcess(
      importArguments([file.path, "--mapping", mapping.path, "--layout", "generic"], db: db), cwd: folder)
    #expect(run.exitCode == 0, "\(run)")
    #expect(run.stdout.contains("3 rows: 3 imported"), "\(run)")
    #expect(
      run.stdout.contains(
        #"  mapped by --mapping although its header suggests an e-mail address: "Hoe wilt u contact: per telefoon of e-mail?" → contact_via"#
      ), "\(run)")
    #expect(
      run.stdout.contains(
        #"  mapped by --mapping although its header suggests an e-mail address: "Uw e-mailadres" → opmerking"#),
      "\(run)")
    #expect(!run.stdout.contains("personal data dropped"), "\(run)")
    #expect(run.stdout.contains("masked in open answers: e-mail address in 2 answers"), "\(run)")
    let stored = try responses(db)
    #expect(
      stored.map { $0.answers["contact_via"] } == [
        .value(.choices(["telefoon"])), .value(.choices(["telefoon", "mail"])), .value(.choices(["mail"])),
      ])
    #expect(stored.map { $0.answers["opmerking"] } == [.value(.text("[e-mail]")), .value(.text("[e-mail]")), nil])
    try expectNever(["a.jansen", "b.visser", "example.nl", "example.org"], in: db)
  }

  @Test func aMappedColumnOfPhoneNumbersOrCoordinatesIsNeverStoredAsSuch() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("db.sqlite").path
    let file = folder.appendingPathComponent("eigen-lijst.csv")
    try Self.csv([
      ["datum", "Toestemming", "Telefoonnummer", "waar", "LocationLatitude", "Cijfer"],
      ["2026-04-01 10:00", "ja", "Tevreden", "52.3702 4.8952 0 5", "52.3702", "8"],
      ["2026-04-02 10:00", "ja", "06-12345678", "52.6324 4.7534 0 5", "52.6324", "7"],
      ["2026-04-03 10:00", "ja", "Heel tevreden", "-33.868820 151.209290 58 10", "-33.868820", "9"],
    ]).write(to: file, atomically: true, encoding: .utf8)
    let mapping = folder.appendingPathComponent("mapping.yaml")
    try """
    questionnaire: inwoners-adviesaanvraag
    columns:
      Telefoonnummer: bereikbaarheid
      waar: opmerking
      LocationLatitude: cijfer
    """.write(to: mapping, atomically: true, encoding: .utf8)
    let run = try runTevredenProcess(
      importArguments([file.path, "--mapping", mapping.path, "--layout", "generic"], db: db), cwd: folder)
    #expect(run.exitCode == 2, "one row is rejected: \(run)")
    #expect(run.stdout.contains("3 rows: 2 imported, 0 already present, 1 rejected"), "\(run)")
    #expect(
      run.stdout.contains(
        #"  mapped by --mapping although its header suggests a phone number: "Telefoonnummer" → bereikbaarheid"#),
      "\(run)")
    #expect(
      run.stdout.contains(#"  mapped by --mapping although its values look like coordinates: "waar" → opmerking"#),
      "\(run)")
    #expect(
      run.stdout.contains(
        #"  not read although --mapping names it: "LocationLatitude" is one part of a location split over several columns, always dropped"#
      ), "\(run)")
    #expect(
      run.stderr.contains(
        "eigen-lijst.csv:3: error: column 'Telefoonnummer' (bereikbaarheid): the cell holds a phone number, not an "
          + "answer (the value is not shown, and never stored)"), "\(run)")
    #expect(!run.stderr.contains("12345678") && !run.stdout.contains("12345678"), "\(run)")
    // The grade comes from the Cijfer column, which the aliases match, not from the latitude.
    let stored = try responses(db)
    #expect(stored.map { $0.answers["opmerking"] } == [.value(.text("[locatie]")), .value(.text("[locatie]"))])
    #expect(stored.map { $0.answers["cijfer"] } == [.value(.grade(8)), .value(.grade(9))])
    #expect(stored.map { $0.answers["bereikbaarheid"] } == [.value(.scalePoint(4)), .value(.scalePoint(5))])
    try expectNever(["12345678", "52.3702", "4.8952", "52.6324", "-33.868820", "151.209290"], in: db)
  }
}
