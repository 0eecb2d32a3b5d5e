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
    for file in try FileManager.default.contentsOfDirectory(atPath: out.path) {
      #expect(file.hasSuffix(".analysis.csv"))
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
