import Foundation
import Testing
import TevredenCore
import TevredenStore
import TevredenTestSupport

@testable import TevredenReport

/// The report from the demo data: `tevreden demo` fills a database from `Responses/`, the scoring engine computes
/// the figures, the adapter turns them into ``ReportFigures`` and both formats are rendered.
///
/// The data basis is counted per interview mode here, standing in for what `tevreden report` will ask the store.
@Suite struct DemoReportTests {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The figures of burap 2 of 2026 from a fresh demo database.
  static func demoFigures(in folder: URL) throws -> ReportFigures {
    let binary = Bundle.main.bundleURL.appendingPathComponent("tevreden")
    let database = folder.appendingPathComponent("demo.sqlite")
    let process = Process()
    process.executableURL = binary
    process.arguments = ["demo", "--db", database.path]
    process.currentDirectoryURL = packageRoot
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "tevreden demo failed")

    let yaml = try String(
      contentsOf: packageRoot.appendingPathComponent("Questionnaires/indicators.yaml"), encoding: .utf8)
    let indicators = try #require(IndicatorSet.parse(yaml, file: "indicators.yaml").0)
    let store = try TevredenDatabase.open(atPath: database.path)
    let period = try #require(Period("2026-T2"))
    let request = ScoreRequest(period: period, dimensions: [.gemeente, .group], includesAspects: true)
    let card = try ScoreCard.build(request: request, indicators: indicators, data: try store.scoreData(for: request))
    let range = Period(from: LocalDate(year: 2025, month: 1, day: 1), to: period.last)
    let trendRequest = ScoreRequest(period: range, dimensions: [.period])
    let trend = try ScoreCard.build(
      request: trendRequest, indicators: indicators, data: try store.scoreData(for: trendRequest))

    var counts: [Response.Mode: [Audience: Int]] = [:]
    for (response, _) in try store.responses() where response.status == .completed {
      guard let day = response.completedAt.map(LocalDate.init), period.contains(day) else { continue }
      counts[response.mode, default: [:]][response.audience, default: 0] += 1
    }
    let basis = Response.Mode.allCases.compactMap { mode -> ReportFigures.DataSource? in
      guard let perAudience = counts[mode] else { return nil }
      let kind: ReportFigures.DataSource.Kind =
        mode == .online ? .platformImport(platform: "online vragenlijst") : .interview(mode: mode.rawValue)
      return ReportFigures.DataSource(kind: kind, counts: perAudience)
    }
    var figures = ReportFigures(
      card: card, trend: trend, region: "Noord-Holland Noord", generatedAt: ReportFixture.generatedAt,
      dataBasis: basis)
    figures.head.notice = "Verzonnen voorbeeldgegevens: geen echte respondenten."
    return figures
  }

  @Test func rendersTheDemoDataInBothFormats() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let figures = try Self.demoFigures(in: folder)
    #expect(figures.audiences.map(\.audience) == [.inwoners, .ketenpartners])
    #expect(figures.audiences.allSatisfy { !$0.groups.isEmpty && !$0.trend.isEmpty && $0.gemeenten != nil })

    let html = ReportRenderer.html(figures)
    for section in figures.audiences {
      for group in [section.overall] + section.groups {
        let hook = group.mean == nil ? "data-placeholder" : "data-bar"
        #expect(html.contains("\(hook)=\"\(group.id)\""), "\(group.id)")
      }
    }
    #expect(!html.contains("<script") && !html.contains("http"))
    let markdown = ReportRenderer.markdown(figures)
    #expect(markdown.contains("## PI 5: Inwoners (direct betrokkenen)"))
    #expect(markdown.contains("| **Alle inwoners** |"))

    if let target = ProcessInfo.processInfo.environment["TEVREDEN_REPORT_PREVIEW"] {
      let preview = URL(fileURLWithPath: target)
      try FileManager.default.createDirectory(at: preview, withIntermediateDirectories: true)
      try html.write(to: preview.appendingPathComponent("demo.html"), atomically: true, encoding: .utf8)
      try markdown.write(to: preview.appendingPathComponent("demo.md"), atomically: true, encoding: .utf8)
    }
    if let tidy = executable(named: "tidy") {
      let file = folder.appendingPathComponent("demo.html")
      try html.write(to: file, atomically: true, encoding: .utf8)
      let run = try runProgram(tidy, ["-errors", "-quiet", "-utf8", file.path])
      #expect(run.exitCode != 2, "tidy reports errors in the demo report:\n\(run)")
    }
  }
}
