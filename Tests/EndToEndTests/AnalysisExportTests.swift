import Foundation
import Testing
import TevredenCore
import TevredenTestSupport

/// `tevreden export --analysis`: the file a researcher opens in R, pandas or SPSS gives the same means per group as
/// `tevreden score`, with numeric columns that hold numbers only.
@Suite struct AnalysisExportTests {
  /// n and mean per group from `score --format csv`, for groups whose figures are shown.
  private func scoredGroups(period: String, db: String, cwd: URL) throws -> [String: (n: Int, mean: Double)] {
    let run = try runTevredenProcess(
      ["score", "--period", period, "--format", "csv", "--db", db, "--questionnaires", questionnairesFolder.path],
      cwd: cwd)
    try #require(run.exitCode == 0, "\(run)")
    let table = try CSVTable(text: run.stdout)
    let (type, group, n, mean) = (
      try table.column("row_type"), try table.column("group"), try table.column("n"), try table.column("mean")
    )
    var groups: [String: (n: Int, mean: Double)] = [:]
    for row in table.rows where row[type] == "group" {
      guard let count = Int(row[n]), let value = Double(row[mean]) else { continue }
      groups[row[group]] = (count, value)
    }
    return groups
  }

  /// The example data in the analysis layout, one file per questionnaire.
  private func analysisFiles(db: String, cwd: URL) throws -> URL {
    let out = cwd.appendingPathComponent("analyse")
    let run = try runTevredenProcess(["export", "--analysis", "--out", out.path, "--db", db], cwd: cwd)
    try #require(run.exitCode == 0, "\(run)")
    return out
  }

  @Test(arguments: ["2026", "2026-T1", "2025-T2"])
  func theMeanPerGroupIsScoresMean(period: String) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let scored = try scoredGroups(period: period, db: db, cwd: folder)
    #expect(scored.count >= 4, "\(scored)")
    let out = try analysisFiles(db: db, cwd: folder)
    var compared = 0
    let written = try FileManager.default.contentsOfDirectory(atPath: out.path)
    #expect(written.allSatisfy { $0.hasSuffix(".analysis.csv") || $0.hasSuffix(".analysis.sps") }, "\(written)")
    for file in written where file.hasSuffix(".csv") {
      let table = try CSVTable(contentsOf: out.appendingPathComponent(file))
      let (group, status, periods, grade) = (
        try table.column("group"), try table.column("status"), try table.column("burap_periods"),
        try table.column("cijfer")
      )
      let counted = table.rows.filter {
        $0[status] == "completed" && $0[periods].split(separator: ";").contains { $0 == Substring(period) }
          || $0[status] == "completed" && period.count == 4 && $0[periods].hasSuffix("\(period)-T3")
      }
      for row in table.rows where !row[grade].isEmpty { #expect(Double(row[grade]) != nil, "\(row[grade])") }
      let grades = counted.compactMap { Double($0[grade]) }
      guard let name = table.rows.first?[group], let score = scored[name] else { continue }
      #expect(grades.count == score.n, "\(file)")
      #expect(abs(grades.reduce(0, +) / Double(grades.count) - score.mean) < 0.00005, "\(file)")
      compared += 1
    }
    #expect(compared == scored.count)
  }

  /// pandas reads the numeric columns as numbers, and its mean per group is score's. Runs where pandas is
  /// installed (`.ci/run` installs it); the Swift test above proves the same means without it.
  @Test(.enabled(if: pythonHas("pandas"), "pandas is not installed (pip install pandas)"))
  func pandasReadsNumbersAndAgreesWithScore() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let scored = try scoredGroups(period: "2026", db: db, cwd: folder)
    let out = try analysisFiles(db: db, cwd: folder)
    let expected = scored.map { "\"\($0.key)\": \($0.value.mean)" }.joined(separator: ", ")
    let script = """
      import glob, sys
      import pandas as pd
      expected = {\(expected)}
      data = pd.concat(pd.read_csv(f) for f in glob.glob("\(out.path)/*.analysis.csv"))
      for column in ["cijfer", "bereikbaarheid", "deskundigheid", "version", "year"]:
          assert pd.api.types.is_numeric_dtype(data[column]), (column, data[column].dtype)
      counted = data[(data.status == "completed") & (data.year == 2026)]
      means = counted.groupby("group")["cijfer"].mean()
      for group, mean in expected.items():
          assert abs(means[group] - mean) < 5e-5, (group, means[group], mean)
      print("ok", len(expected))
      """
    let run = try runProgram(
      URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script], cwd: folder)
    #expect(run.exitCode == 0, "\(run)")
    #expect(run.stdout.hasPrefix("ok"), "\(run)")
  }
}

extension AnalysisExportTests {
  /// The SPSS and Stata files read back with pyreadstat (the reader of Python's pandas world, built on ReadStat but
  /// reading independently of how tevreden called it): types, variable labels, value labels and missing values for
  /// every item type, and score's means per group.
  @Test(
    .enabled(if: pythonHas("pyreadstat"), "pyreadstat is not installed (pip install pyreadstat)"),
    arguments: ["sav", "dta"])
  func spssAndStataFilesCarryLabelsAndMissingValues(format: String) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let scored = try scoredGroups(period: "2026", db: db, cwd: folder)
    let out = folder.appendingPathComponent("stat")
    let run = try runTevredenProcess(
      ["export", format == "sav" ? "--spss" : "--stata", "--out", out.path, "--db", db], cwd: folder)
    try #require(run.exitCode == 0, "\(run)")
    #expect(try posixPermissions(out.appendingPathComponent("inwoners-melding.\(format)").path) & 0o777 == 0o600)
    let expected = scored.map { "\"\($0.key)\": \($0.value.mean)" }.joined(separator: ", ")
    let script = """
      import glob, math
      import pyreadstat
      expected = {\(expected)}
      read = pyreadstat.read_sav if "\(format)" == "sav" else pyreadstat.read_dta
      means = {}
      for path in sorted(glob.glob("\(out.path)/*.\(format)")):
          data, meta = read(path)
          raw, raw_meta = read(path, user_missing=True)
          labels = meta.column_names_to_labels
          values = meta.variable_value_labels
          # The grade: numeric, labelled with its question, no value labels but the missing codes'.
          assert data["cijfer"].dtype.kind == "f", data["cijfer"].dtype
          assert "rapportcijfer" in labels["cijfer"], labels["cijfer"]
          # Yes/no and consent: 1/0 with labels.
          assert values["toestemming"][1] == "Ja" and values["toestemming"][0] == "Nee", values["toestemming"]
          # A scale item: its points' labels, and the missing codes labelled and declared missing.
          scale = next(c for c in data.columns if c in ("bereikbaarheid", "deskundigheid", "luisteren"))
          assert values[scale][1] in ("Heel ontevreden", "Zeer ontevreden", "Heel slecht"), values[scale]
          if "\(format)" == "sav":
              assert values[scale][-1] == "Weet ik niet", values[scale]
              # One code per missing code of the questionnaire, from -1 down (three, or two for the youth one).
              assert raw_meta.missing_ranges[scale] in ([{"lo": -3.0, "hi": -1.0}], [{"lo": -2.0, "hi": -1.0}]), raw_meta.missing_ranges
          else:
              assert values[scale]["a"] == "Weet ik niet", values[scale]
              # Stata declares no missing values per variable: the extended ones found in the data are listed.
              assert set(raw_meta.missing_user_values.get(scale, [])) <= {"a", "b", "c"}, raw_meta.missing_user_values
              assert any(tags for tags in raw_meta.missing_user_values.values()), "some missing code is in the data"
          # A missing code in the data: missing when read plainly, its code when read with user_missing, and its
          # code in the companion string variable.
          coded = raw[raw[scale + "_missing"] == "weet_niet"]
          if len(coded):
              assert data.loc[coded.index, scale].isna().all()
              first = coded[scale].iloc[0]
              assert first == -1 or first == "a", first
          # A single choice: numbered, with its choices' labels.
          choice = next((c for c in ("rol", "functie") if c in data.columns), None)
          if choice:
              assert data[choice].dropna().isin(list(values[choice].keys())).all()
              assert all(isinstance(label, str) and label for label in values[choice].values())
          # Multiple choice: one 0/1 variable per option, labelled with the question and the option.
          for option in (c for c in data.columns if c.startswith("contact_via_") and not c.endswith("_missing")):
              assert set(data[option].dropna().unique()) <= {0, 1}, (option, data[option].unique())
              assert values[option][1] == "gekozen" and ": " in labels[option], (option, labels[option])
          # A number item: numeric, within its range.
          if "aantal_contacten" in data.columns:
              assert data["aantal_contacten"].dtype.kind == "f"
              assert data["aantal_contacten"].dropna().between(0, 50).all()
          # Text: open answers and the missing codes' companions are strings.
          types = meta.readstat_variable_types
          assert types["opmerking"] == "string", types["opmerking"]
          assert all(types[c] == "string" for c in data.columns if c.endswith("_missing"))
          counted = data[(data.status == "completed") & (data.year == 2026)]
          means[data.group.iloc[0]] = counted["cijfer"].mean()
      for group, mean in expected.items():
          assert abs(means[group] - mean) < 5e-5, (group, means[group], mean)
      print("ok", len(means))
      """
    let check = try runProgram(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script], cwd: folder)
    #expect(check.exitCode == 0, "\(check)")
    #expect(check.stdout.hasPrefix("ok"), "\(check)")
  }
}

extension AnalysisExportTests {
  /// The SPSS syntax beside each analysis CSV reads it in PSPP (the free SPSS) without an error or a warning, with
  /// the questions as labels and as many grades as the CSV holds. Runs where PSPP is installed (`.ci/run` installs
  /// it); the syntax itself is written whatever is installed.
  @Test(.enabled(if: programExists("pspp"), "PSPP is not installed (apt-get install pspp)"))
  func theSPSSSyntaxReadsTheCSVInPSPP() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let out = try analysisFiles(db: db, cwd: folder)
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".analysis.csv") }
    #expect(files.count >= 2)
    for file in files {
      let base = String(file.dropLast(".csv".count))
      #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(base + ".sps").path), "\(base)")
      let table = try CSVTable(contentsOf: out.appendingPathComponent(file))
      let grades = table.rows.filter { !$0[(try? table.column("cijfer")) ?? 0].isEmpty }.count
      let check = "INCLUDE FILE='\(base).sps'.\nDISPLAY DICTIONARY.\nDESCRIPTIVES VARIABLES=cijfer.\n"
      try check.write(to: out.appendingPathComponent("check.sps"), atomically: true, encoding: .utf8)
      let run = try runProgram(
        URL(fileURLWithPath: "/usr/bin/env"), ["pspp", "check.sps", "-o", "output.csv"], cwd: out)
      #expect(run.exitCode == 0, "\(file): \(run)")
      let output = try String(contentsOf: out.appendingPathComponent("output.csv"), encoding: .utf8)
      #expect(!output.lowercased().contains("error") && !output.lowercased().contains("warning"), "\(file): \(output)")
      let records = try CSVReader.parse(output).map(\.fields)
      // DISPLAY DICTIONARY lists every column, with its question as label.
      for name in table.header { #expect(records.contains { $0.first == name }, "\(file): \(name)") }
      #expect(records.contains { $0.first == "cijfer" && $0.count > 2 && $0[2].contains("rapportcijfer") })
      // DESCRIPTIVES counts every grade the CSV holds.
      #expect(records.contains { $0.count > 1 && $0[0].contains("rapportcijfer") && $0[1] == String(grades) })
    }
  }
}

extension AnalysisExportTests {
  /// A binary file is refused on a terminal, with what to do instead, and written when the output is redirected.
  @Test func aBinaryFileIsNotWrittenToATerminal() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try importExampleResponses(into: folder)
    let session = try LiveSession.inTerminal(
      ["export", "--spss", "--questionnaire", "inwoners-melding", "--db", db], cwd: folder)
    let status = try session.waitForExit()
    #expect(status == 1, "\(session.output)")
    #expect(session.output.contains("an SPSS file is binary"), "\(session.output)")
    #expect(session.output.contains("--out FOLDER"), "\(session.output)")
    let redirected = try runTevredenProcess(
      ["export", "--stata", "--questionnaire", "inwoners-melding", "--db", db], cwd: folder)
    #expect(redirected.exitCode == 0, "\(redirected.stderr)")
    // A Stata 118 file starts with its XML-like header.
    #expect(redirected.stdout.hasPrefix("<stata_dta>"), "\(redirected.stdout.prefix(40))")
  }
}

/// Whether a program is on the search path.
func programExists(_ name: String) -> Bool {
  (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
    FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
  }
}

/// Whether the system's python3 can import a module.
func pythonHas(_ module: String) -> Bool {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", "-c", "import \(module)"]
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  do {
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus == 0
  } catch {
    return false
  }
}
