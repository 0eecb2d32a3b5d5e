import Foundation
import Testing
import TevredenReport
import TevredenTestSupport

/// Renders the page in headless Chromium: the DOM it builds, a screenshot and a print to PDF.
///
/// `.ci/run` installs Chromium, so CI always runs these; locally they are skipped, with a message, when it is
/// missing. Every browser run has a time limit. The suite is serialised: one browser at a time on small machines.
@Suite(
  .serialized, .enabled(if: browser != nil, "chromium is not installed (apt-get install chromium); .ci/run installs it")
)
struct BrowserRenderingTests {
  /// The screenshot's height; `TEVREDEN_SCREENSHOT_HEIGHT` makes it taller to look at the whole page.
  static let screenshotHeight = Int(ProcessInfo.processInfo.environment["TEVREDEN_SCREENSHOT_HEIGHT"] ?? "") ?? 1800

  /// A page rendered into a private folder with its own browser profile.
  struct RenderedPage {
    let folder: URL
    let file: URL

    init(_ figures: ReportFigures = ReportFixture.figures) throws {
      folder = try makeTemporaryFolder()
      file = folder.appendingPathComponent("rapport.html")
      try ReportRenderer.html(figures).write(to: file, atomically: true, encoding: .utf8)
    }

    /// Runs Chromium headless over the page with extra arguments.
    func chromium(_ arguments: [String]) throws -> ProgramRun {
      let browserURL = try #require(browser)
      let common = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-extensions", "--hide-scrollbars", "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
        // No background work (update checks, sync, crash reports): the page gets the CPU, and the suite runs
        // beside tests that start several processes at once.
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
        "--no-default-browser-check", "--disable-breakpad", "--mute-audio",
      ]
      return try runProgram(browserURL, common + arguments + [file.absoluteString], timeout: 120)
    }

    /// Copies the page and what the browser made of it to `TEVREDEN_REPORT_PREVIEW`, when set, to look at.
    func keep(_ files: [URL], prefix: String = "") {
      guard let target = ProcessInfo.processInfo.environment["TEVREDEN_REPORT_PREVIEW"] else { return }
      let folder = URL(fileURLWithPath: target)
      try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      for file in [self.file] + files {
        let destination = folder.appendingPathComponent(prefix + file.lastPathComponent)
        try? FileManager.default.removeItem(at: destination)
        try? FileManager.default.copyItem(at: file, to: destination)
      }
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
  }

  @Test func domContainsEveryGroupsBarAndTheNormLines() throws {
    let page = try RenderedPage()
    defer { page.remove() }
    let run = try page.chromium(["--dump-dom"])
    #expect(run.exitCode == 0 && !run.timedOut, "\(run)")
    let dom = run.stdout
    #expect(dom.contains("<html lang=\"nl\">"))
    for section in ReportFixture.figures.audiences {
      for group in [section.overall] + section.groups {
        let hook = group.status == .teWeinigRespondenten ? "data-placeholder" : "data-bar"
        #expect(dom.contains("\(hook)=\"\(group.id)\""), "the browser's DOM lacks \(hook) for \(group.id)")
      }
    }
    // The topics: a table per group, its shares, and none below the minimum n.
    for section in ReportFixture.figures.audiences {
      for group in section.topics {
        #expect(
          dom.contains("data-topics=\"\(group.groupID)\""), "the browser's DOM lacks the topics of \(group.groupID)")
      }
    }
    #expect(dom.contains("Ja 65% · Nee 35%"))
    // The first page's list of what falls short, and the chain partners' note on the year they answer about.
    #expect(dom.contains("data-attention=\"\"") || dom.contains("data-attention>"), "no attention list in the DOM")
    #expect(dom.contains("PI 5, groep Melding"))
    #expect(dom.contains("data-recall"))
    #expect(dom.contains("te weinig antwoorden (minimaal 10)"))
    #expect(try captures(of: "class=\"norm\" data-norm=\"(7)\"", in: dom).count == 2)
    #expect(try captures(of: "class=\"norm\" data-norm=\"(trend)\"", in: dom).count == 2)
    // The toelichting: in PI 5's section and under the indicator table, with the actions table; PI 6 has none.
    for explanation in ReportFixture.figures.explanations {
      #expect(
        dom.contains("data-toelichting=\"\(explanation.indicatorID)\""),
        "the browser's DOM lacks the toelichting of \(explanation.indicatorID)")
    }
    #expect(!dom.contains("data-toelichting=\"pi6\""))
    #expect(dom.contains("<section id=\"toelichting\">"))
    // The registration's parts: the counts without a light, the years against their norms, PI 7 per municipality.
    for id in ["beschrijvend", "registratie-historie", "registratie-gemeenten"] {
      #expect(dom.contains("<section id=\"\(id)\">"), "the browser's DOM lacks the section \(id)")
    }
    #expect(dom.contains("<caption>Afgesproken acties</caption>"))
    #expect(dom.contains("<td>afgerond in 2026-T2</td>"))
    #expect(dom.contains("Ruim boven de norm &lt;60%&gt; &amp; stabiel"), "escaped text stays text in the DOM")
    #expect(!dom.contains("<parsererror"))
  }

  @Test func screenshotHasTheWindowSize() throws {
    let page = try RenderedPage()
    defer { page.remove() }
    let png = page.folder.appendingPathComponent("rapport.png")
    let run = try page.chromium(["--screenshot=\(png.path)", "--window-size=1200,\(Self.screenshotHeight)"])
    #expect(!run.timedOut, "\(run)")
    page.keep([png])
    let data = try Data(contentsOf: png)
    let size = try #require(pngSize(data), "not a PNG: \(png.path)\n\(run)")
    #expect(size.width == 1200 && size.height == Self.screenshotHeight, "screenshot is \(size.width)×\(size.height)")
    // A blank page compresses to almost nothing; the report has text and charts.
    #expect(data.count > 50_000, "screenshot is only \(data.count) bytes")
  }

  @Test(arguments: [false, true])
  func printsToWholeA4Pages(withRemarks: Bool) throws {
    let page = try RenderedPage(withRemarks ? ReportFixture.withRemarks : ReportFixture.figures)
    defer { page.remove() }
    let pdf = page.folder.appendingPathComponent("rapport.pdf")
    let run = try page.chromium(["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer"])
    #expect(!run.timedOut, "\(run)")
    page.keep([pdf], prefix: withRemarks ? "opmerkingen-" : "")
    let text = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
    #expect(text.hasPrefix("%PDF-"))
    let pages = try captures(of: "/Type\\s*(/Page)(?![s\\w])", in: text).count
    #expect(pages >= 3, "expected a report of several pages, got \(pages)")
    let declared = try captures(of: "/Type\\s*/Pages\\b[^>]*?/Count\\s+(\\d+)", in: text).compactMap { Int($0) }
    #expect(declared.max() == pages, "page tree declares \(declared), found \(pages) page objects")
    let boxes = try captures(of: "/MediaBox\\s*\\[([^\\]]+)\\]", in: text)
    #expect(!boxes.isEmpty)
    for box in boxes {
      let numbers = box.split(separator: " ").compactMap { Double($0) }
      #expect(numbers.count == 4, "MediaBox \(box)")
      guard numbers.count == 4 else { continue }
      let (width, height) = (numbers[2] - numbers[0], numbers[3] - numbers[1])
      #expect(abs(width - 595) < 3 && abs(height - 842) < 3, "MediaBox \(box) is not A4 (595 × 842 pt)")
    }
  }
}

/// Chromium under one of its usual names.
let browser =
  executable(named: "chromium") ?? executable(named: "chromium-browser")
  ?? executable(named: "google-chrome")
