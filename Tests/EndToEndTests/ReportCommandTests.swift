import Foundation
import Testing
import TevredenStore
import TevredenTestSupport

/// `tevreden report`: the burap page from a database, written as HTML or Markdown.
@Suite(.serialized) struct ReportCommandTests {
  /// A demo database made once per test (the demo imports the example responses).
  func demoDatabase(in folder: URL) throws -> String {
    let db = folder.appendingPathComponent("demo.sqlite").path
    let run = try runTevredenProcess(["demo", "--db", db], cwd: packageRoot)
    #expect(run.exitCode == 0, "\(run)")
    return db
  }

  func report(_ arguments: [String], db: String, cwd: URL) throws -> TevredenRun {
    try runTevredenProcess(
      ["report"] + arguments + ["--db", db, "--questionnaires", questionnairesFolder.path], cwd: cwd)
  }

  @Test func writesTheHTMLPageAndTheMarkdownTablesFromTheDemoData() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try demoDatabase(in: folder)
    let page = folder.appendingPathComponent("burap.html")

    let html = try report(["--period", "2026-T2", "--out", page.path], db: db, cwd: folder)
    #expect(html.exitCode == 0, "\(html)")
    #expect(html.stdout.contains("Wrote \(page.path) (HTML page, 2026-T2)"), "\(html)")
    let text = try String(contentsOf: page, encoding: .utf8)
    #expect(text.hasPrefix("<!DOCTYPE html>"))
    #expect(text.contains("<html lang=\"nl\">"))
    #expect(text.contains("Klanttevredenheid Veilig Thuis Noord-Holland Noord, burap 2 van 2026"))
    // Every group of both audiences has its bar, against the norm line; nothing is fetched or run.
    for group in [
      "inwoners", "adviesaanvraag", "melding", "monitoring", "vervolgdienst", "ketenpartners", "politie", "huisartsen",
      "rvdk", "scholen", "sociale-teams", "ziekenhuizen",
    ] {
      #expect(text.contains("data-bar=\"\(group)\""), "\(group)")
    }
    #expect(text.contains("norm 7,0"))
    #expect(!text.contains("<script") && !text.contains("http://") && !text.contains("https://"))
    // The data basis names where the responses came from, and the page states the period rule.
    #expect(text.contains("interview (telefonisch)"))
    #expect(text.contains("Een vragenlijst telt mee in de periode waarin hij is afgerond (Nederlandse tijd)."))
    // Without --with-remarks, no open answer is on the page.
    #expect(!text.contains("Open opmerkingen") && !text.contains("serieus genomen"))

    let markdown = try report(["--period", "2026-T2", "--format", "md"], db: db, cwd: folder)
    #expect(markdown.exitCode == 0, "\(markdown)")
    #expect(markdown.stdout.hasPrefix("# Klanttevredenheid Veilig Thuis Noord-Holland Noord, burap 2 van 2026"))
    #expect(
      markdown.stdout.contains("| 5 | Klanttevredenheid van direct betrokkenen | 7,2 | ≥ 7,0 | ✓ voldoet | 206 |"))
    #expect(markdown.stdout.contains("| 2025-T3 |"), "the trend goes back to the first year in the database")
  }

  @Test func mergeAddsTheRegistrationIndicatorsAndABadFileIsRefusedWithItsLine() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try demoDatabase(in: folder)
    let registration = packageRoot.appendingPathComponent("Responses/registratie-indicatoren-2026.csv")
    let merged = try report(
      ["--period", "2026-T2", "--format", "md", "--merge", registration.path], db: db, cwd: folder)
    #expect(merged.exitCode == 0, "\(merged)")
    for number in ["1", "2a", "2b", "3a", "3b", "4", "5", "6", "7a", "7b"] {
      #expect(merged.stdout.contains("\n| \(number) | "), "PI \(number)")
    }

    // A file without PI 3 and 4: the report says so under the table and on standard error, and still succeeds.
    let partial = folder.appendingPathComponent("registratie-zonder-3-en-4.csv")
    try String(contentsOf: registration, encoding: .utf8).split(separator: "\n")
      .filter { !$0.hasPrefix("pi3") && !$0.hasPrefix("pi4") }.joined(separator: "\n")
      .write(to: partial, atomically: true, encoding: .utf8)
    for format in ["md", "html"] {
      let lacking = try report(
        ["--period", "2026-T2", "--format", format, "--merge", partial.path], db: db, cwd: folder)
      #expect(lacking.exitCode == 0, "\(lacking)")
      #expect(
        lacking.stdout.contains("Niet in het registratiebestand voor deze periode, en daarom niet in de tabel: PI 3a "),
        "\(format)")
      #expect(lacking.stdout.contains("; PI 3b ") && lacking.stdout.contains("; PI 4 "), "\(format)")
      #expect(!lacking.stdout.contains("\n| 3a | "), "\(format)")
      #expect(lacking.stderr.contains("registratie-zonder-3-en-4.csv: no value for PI 3a "), "\(lacking)")
    }
    #expect(!merged.stdout.contains("Niet in het registratiebestand"), "a complete file names nothing")
    // The sample's counts, its PIs over the years and PI 7 per municipality, Texel's PI 7b hidden.
    for title in [
      "## Beschrijvende indicatoren", "## Registratie-indicatoren over de jaren", "### PI 1: Meldingen met",
      "### PI 7b per gemeente",
    ] {
      #expect(merged.stdout.contains(title), "\(title)")
    }
    #expect(merged.stdout.contains("| B2 | Instroom meldingen (tegenover begroot) | 3.710 | 3.600 | +110 | – | – |"))
    #expect(merged.stdout.contains("| 2025 | 68,2% | 5.412 | ≥ 60% | ✓ voldoet |"))
    #expect(merged.stdout.contains("| Texel | \\* | \\* | afgeschermd |"))
    let history = try #require(
      merged.stdout.components(separatedBy: "## Registratie-indicatoren over de jaren").last?
        .components(separatedBy: "\n## ").first)
    #expect(!history.contains("| 2026-T1 |"), "another period of this year is no history")
    #expect(history.contains("| 2025-T2 | 66,9% |"), "\(history)")
    #expect(!merged.stderr.contains("no value for"), "\(merged)")

    let bad = folder.appendingPathComponent("registratie-kapot.csv")
    let lines = try String(contentsOf: registration, encoding: .utf8).split(separator: "\n").map(String.init)
    try (lines.prefix(2) + ["pi1,,2026-01-01,2026-08-31,140,percentage,100"]).joined(separator: "\n")
      .write(to: bad, atomically: true, encoding: .utf8)
    let refused = try report(["--period", "2026-T2", "--out", "x.html", "--merge", bad.path], db: db, cwd: folder)
    #expect(refused.exitCode != 0, "\(refused)")
    #expect(refused.stderr.contains("registratie-kapot.csv:3"), "\(refused)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.html").path))
  }

  @Test func theToelichtingIsRenderedAndABadFileIsRefusedWithItsLines() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try demoDatabase(in: folder)
    let sample = packageRoot.appendingPathComponent("Responses/toelichting-2026.yaml").path
    let page = folder.appendingPathComponent("burap.html")

    let html = try report(["--period", "2026-T2", "--out", page.path, "--toelichting", sample], db: db, cwd: folder)
    #expect(html.exitCode == 0, "\(html)")
    let text = try String(contentsOf: page, encoding: .utf8)
    #expect(text.contains("data-toelichting=\"pi5\"") && text.contains("data-toelichting=\"pi6\""))
    #expect(text.contains("<td>Teamleider Melding</td><td>lopend</td><td>2026-T1</td>"), "carried from T1")
    #expect(text.contains("<td>afgerond in 2026-T2</td>"), "closed in T2, shown once more")
    #expect(!text.contains("data-toelichting=\"pi1\""), "PI 1 has T1 text only, and no actions")

    // In the year, the action closed in T2 is gone and the open ones of T1 and T2 are carried.
    let year = try report(["--period", "2026", "--format", "md", "--toelichting", sample], db: db, cwd: folder)
    #expect(year.exitCode == 0, "\(year)")
    #expect(!year.stdout.contains("Folder 'Wat gebeurt er na uw melding?'"))
    #expect(year.stdout.contains("| Teamleider Melding | lopend | 2026-T1 |"))
    #expect(year.stdout.contains("| Ketenregisseur | lopend | 2026-T2 |"))

    // An e-mail address in the file is masked, and said so on standard error.
    let withAddress = folder.appendingPathComponent("toelichting-met-adres.yaml")
    try "periods:\n  2026-T2:\n    pi5:\n      duiding: \"Vragen aan r.bakker@example.nl\"\n"
      .write(to: withAddress, atomically: true, encoding: .utf8)
    let masked = try report(
      ["--period", "2026-T2", "--format", "md", "--toelichting", withAddress.path], db: db, cwd: folder)
    #expect(masked.exitCode == 0, "\(masked)")
    #expect(masked.stdout.contains("Vragen aan ") && !masked.stdout.contains("example.nl"), "\(masked)")
    #expect(masked.stderr.contains("toelichting-met-adres.yaml: masked e-mail address"), "\(masked)")

    let bad = folder.appendingPathComponent("toelichting-kapot.yaml")
    try
      "periods:\n  2026-T2:\n    pi5:\n      acties:\n        - { id: nieuw, status: klaar }\n    pi9: { duiding: x }\n"
      .write(to: bad, atomically: true, encoding: .utf8)
    let refused = try report(
      ["--period", "2026-T2", "--out", "x.html", "--toelichting", bad.path], db: db, cwd: folder)
    #expect(refused.exitCode == 1, "\(refused)")
    #expect(refused.stderr.contains("nothing was written"), "\(refused)")
    #expect(refused.stderr.contains("toelichting-kapot.yaml:5:"), "\(refused)")
    #expect(refused.stderr.contains("status 'klaar'"), "\(refused)")
    #expect(refused.stderr.contains("toelichting-kapot.yaml:6:5: error: 'pi9' in 2026-T2 is not an indicator"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.html").path))

    let freeRange = try report(
      ["--from", "2026-01-01", "--to", "2026-03-31", "--format", "md", "--toelichting", sample], db: db, cwd: folder)
    #expect(freeRange.exitCode == 1 && freeRange.stderr.contains("is none; use --period"), "\(freeRange)")
  }

  @Test func remarksOnlyWhenAskedWithAWarningAndAPrivateFile() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try demoDatabase(in: folder)
    let page = folder.appendingPathComponent("intern.html")
    // Before anyone has reviewed them, no remark reaches the page.
    let unreviewed = try report(["--period", "2026-T2", "--with-remarks", "--format", "md"], db: db, cwd: folder)
    #expect(unreviewed.exitCode == 0, "\(unreviewed)")
    #expect(!unreviewed.stdout.contains("serieus genomen"), "\(unreviewed)")
    // A reviewer accepts the first remarks, drops one, and stops.
    let waiting = try runTevredenProcess(["remarks", "review", "--count", "--db", db], cwd: folder)
    let count = try #require(Int(waiting.stdout.split(separator: " ").first ?? ""), "\(waiting)")
    let review = try runTevredenProcess(
      ["remarks", "review", "--db", db], cwd: folder,
      stdin: Array(repeating: "a", count: count - 1).joined(separator: "\n") + "\nv\n")
    #expect(review.exitCode == 0, "\(review)")
    #expect(review.stdout.contains("Opmerking 1 van \(count)"), "\(review)")
    #expect(review.stdout.contains("Er wachten geen opmerkingen op controle."), "\(review)")
    let run = try report(["--period", "2026-T2", "--with-remarks", "--out", page.path], db: db, cwd: folder)
    #expect(run.exitCode == 0, "\(run)")
    #expect(run.stdout.contains("with open remarks: internal use only"), "\(run)")
    let text = try String(contentsOf: page, encoding: .utf8)
    #expect(text.contains("Alleen voor intern gebruik"))
    #expect(text.contains("Open opmerkingen (intern)"))
    #expect(text.contains("serieus genomen"))
    let warning = try #require(text.range(of: "Alleen voor intern gebruik"))
    let firstChart = try #require(text.range(of: "<svg"))
    #expect(warning.lowerBound < firstChart.lowerBound, "the warning is at the top of the page")
    #expect(try posixPermissions(page.path) & 0o777 == 0o600)

    // A folder that does not exist: a clear message, and no temporary file left anywhere.
    let nowhere = folder.appendingPathComponent("bestaat-niet/burap.html").path
    let unwritable = try report(["--period", "2026-T2", "--out", nowhere], db: db, cwd: folder)
    #expect(unwritable.exitCode != 0)
    #expect(unwritable.stderr.contains("\(nowhere): cannot write the report"), "\(unwritable)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.hasSuffix(".tmp") })
  }

  @Test func anEmptyDatabaseOrAMissingOneGetsAClearMessage() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = try report(["--out", "r.html"], db: folder.appendingPathComponent("nope.sqlite").path, cwd: folder)
    #expect(missing.exitCode != 0)
    #expect(missing.stderr.contains("there is no database at"), "\(missing)")
    // A database with nothing scored yet.
    let empty = folder.appendingPathComponent("empty.sqlite").path
    _ = try TevredenDatabase.open(atPath: empty)
    let nothing = try report(["--out", "r.html"], db: empty, cwd: folder)
    #expect(nothing.exitCode != 0)
    #expect(
      nothing.stderr.contains("no responses in 2026 (2026-01-01 to 2026-12-31); the database holds no responses yet"),
      "\(nothing)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.html").path))
  }
}
