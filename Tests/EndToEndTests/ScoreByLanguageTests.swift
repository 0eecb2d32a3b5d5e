import Foundation
import Testing
import TevredenCore
import TevredenTestSupport

/// `tevreden score --by taal`: the figures pool every language; the breakdown shows each language the respondents
/// answered in, under the same protection as the other breakdowns.
@Suite struct ScoreByLanguageTests {
  /// An exchange file of the translated test definition (PI 5, group melding): 30 respondents in Dutch (grades 6 to
  /// 9), 12 in English (8) and 3 in Arabic (4, with an interpreter), all completed in February 2026.
  static func exchangeFile() -> String {
    var lines = [
      "response_id,questionnaire,version,audience,group,gemeente,mode,interviewer,started_at,completed_at,status,"
        + "language,interpreter,toestemming,rol,kinderen,kinderen_gesproken,contact,gesprekken,bereikbaarheid,cijfer,"
        + "opmerking"
    ]
    func add(_ number: Int, _ language: String, grade: Int, interpreter: Bool = false) {
      let day = String(format: "%02d", 1 + number % 27)
      lines.append(
        "r\(number),interview-translated,1,inwoners,melding,,\(interpreter ? "telefonisch,TT01" : "online,"),"
          + "2026-02-\(day)T10:00:00Z,2026-02-\(day)T10:10:00Z,completed,\(language),\(interpreter ? "ja" : "nee"),"
          + "ja,melder,nee,,telefoon,2,4,\(grade),")
    }
    for number in 1...30 { add(number, "nl", grade: 6 + number % 4) }
    for number in 31...42 { add(number, "en", grade: 8) }
    for number in 43...45 { add(number, "ar", grade: 4, interpreter: true) }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func scoreByTaalBreaksDownWhatItPools() throws {
    let (folder, questionnaires, db) = try makeTranslatedWorkingFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("responses.csv")
    try Self.exchangeFile().write(to: file, atomically: true, encoding: .utf8)
    let imported = try runTevredenProcess(
      ["import", file.path, "--db", db, "--questionnaires", questionnaires.path], cwd: folder)
    try #require(imported.exitCode == 0, "\(imported)")
    func score(_ extra: [String]) throws -> TevredenRun {
      try runTevredenProcess(
        ["score", "--db", db, "--questionnaires", questionnaires.path] + extra, cwd: folder)
    }

    let table = try score(["--period", "2026", "--by", "taal"])
    #expect(table.exitCode == 0, "\(table)")
    let lines = table.stdout.components(separatedBy: "\n")
    // The indicator pools all 45 respondents, whatever their language.
    #expect(lines.contains { $0.hasPrefix("PI 5") && $0.contains(" 45 ") }, "\(table)")
    #expect(table.stdout.contains("PI 5 per taal"), "\(table)")
    let dutch = try #require(lines.first { $0.hasPrefix("  Nederlands (nl)") }, "\(table)")
    #expect(dutch.contains(" 30 ") && dutch.contains("7,5"), "\(dutch)")
    // Three Arabic respondents: only their number. English hidden with them: the total minus Dutch would otherwise
    // give the Arabic three's mean.
    let arabic = try #require(lines.first { $0.hasPrefix("  Arabisch (ar)") }, "\(table)")
    #expect(arabic.contains(" 3 ") && arabic.contains("te weinig respondenten") && !arabic.contains("4,0"), "\(arabic)")
    let english = try #require(lines.first { $0.hasPrefix("  Engels (en)") }, "\(table)")
    #expect(english.contains("*") && english.contains("afgeschermd") && !english.contains(" 12 "), "\(english)")
    #expect(table.stdout.contains("Per taal: de taal waarin de respondent antwoordde"), "\(table)")

    let json = try score(["--period", "2026", "--by", "taal", "--format", "json"])
    #expect(json.exitCode == 0, "\(json)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let indicators = try #require(object["indicators"] as? [[String: Any]])
    let pi5 = try #require(indicators.first { ($0["number"] as? String) == "5" }, "\(json)")
    let breakdown = try #require(pi5["breakdown"] as? [String: Any], "\(json)")
    #expect(breakdown["dimensions"] as? [String] == ["language"], "\(breakdown)")
    #expect(!json.stdout.contains("\"mean\":4"), "the Arabic mean is never published: \(json)")

    // Breakdowns that would let a small language be worked out are refused.
    let periods = try score(["--period", "2026", "--by", "taal,periode"])
    #expect(periods.exitCode == 64, "\(periods)")
    #expect(periods.stderr.contains("--by period cannot be combined with taal"), "\(periods)")
    let municipal = try score(["--period", "2026", "--by", "gemeente,taal"])
    #expect(municipal.exitCode == 64, "\(municipal)")
    // Only for whole years: a table for 2026-T1 beside the year's (or a free range beside another) would give the
    // few respondents of a language in the difference.
    for period in [["--period", "2026-T1"], ["--period", "2026-T2"], ["--from", "2026-02-01", "--to", "2026-12-31"]] {
      let part = try score(period + ["--by", "taal"])
      #expect(part.exitCode != 0, "\(part)")
      #expect(part.stderr.contains("--by taal needs whole calendar years"), "\(part)")
      #expect(!part.stdout.contains("Arabisch"), "\(part)")
    }
    let years = try score(["--from", "2025-01-01", "--to", "2026-12-31", "--by", "taal"])
    #expect(years.exitCode == 0, "\(years)")
  }
}
