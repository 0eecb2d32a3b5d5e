import ArgumentParser
import Foundation
import TevredenCore
import TevredenImport
import TevredenReport
import TevredenStore

extension TevredenCommand {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the burap report: one self-contained HTML page, or its tables in Markdown.",
      discussion: """
        The page answers "are we at 7 or not, for whom, and how sure are we?": PI 5 and PI 6 (all seven with \
        --merge) with a light, n and interval; per group a bar with its interval against the norm line; the trend \
        per burap period over all years in the database; the grade distribution; aspects with their correlation \
        with the grade; the topics as shares; per municipality with disclosure control; a methods box. The first page \
        lists what falls short of its norm as an occasion for joint analysis; --toelichting adds VT's duiding, the \
        joint analysis and the agreed actions; --invited gives the response rate (AAPOR RR1) beside the \
        cooperation rate; an indicator whose basis is the weighted mean over groups needs --weights. The HTML needs nothing from the \
        internet and prints on A4. Open remarks stay out unless --with-remarks (for internal use only).
        """)

    @OptionGroup var selection: PeriodOptions

    @Option(help: "html or md (default: from --out's extension, else html).")
    var format: ReportRenderer.Format?

    @OptionGroup var registration: RegistrationOptions
    @OptionGroup var weighting: WeightingOptions
    @OptionGroup var explanation: ToelichtingOptions

    @Option(help: ArgumentHelp("Where to write the report (default: standard output).", valueName: "file"))
    var out: String?

    @Flag(help: "Add the (masked) open remarks, for internal use only; never per municipality.")
    var withRemarks = false

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var definitions: QuestionnaireOptions

    func validate() throws {
      guard let out else { return }
      guard let implied = Self.format(impliedBy: out) else {
        throw ValidationError(
          "--out \(out): the report is an HTML page or Markdown, so name the file .html or .md "
            + "(for a PDF, open the HTML page in a browser and print it, or use chromium --headless --print-to-pdf)")
      }
      if let format, format != implied {
        throw ValidationError(
          "--format \(format.rawValue) does not fit --out \(out); leave out --format or rename the file")
      }
    }

    /// The format a file name asks for, by its extension; `nil` for any other extension (such as `.pdf`).
    static func format(impliedBy path: String) -> ReportRenderer.Format? {
      switch URL(fileURLWithPath: path).pathExtension.lowercased() {
      case "html", "htm": .html
      case "md", "markdown": .md
      default: nil
      }
    }

    func run() throws {
      let period = try selection.resolve()
      let store = try database.openExisting()
      defer { store.close() }
      let indicators = try definitions.loadIndicators(from: store)
      let registered = try registration.load(period: period, indicators: indicators)
      let explanations = try explanation.load(period: period, indicators: indicators)
      try requireResponses(in: period, store: store)
      var figures = try ReportAssembly.figures(
        store: store, indicators: indicators, period: period, registration: registered, withRemarks: withRemarks,
        weighting: weighting, generatedAt: Date())
      figures.explanations = explanations
      registration.noteWithoutCount(figures.withheldSubgroups)
      if let merge = registration.merge, !figures.missingIndicators.isEmpty {
        printError(
          "\(merge): no value for \(figures.missingIndicators.joined(separator: "; ")) in \(period.name); "
            + "the report names them under the indicator table")
      }
      let format = self.format ?? out.flatMap(Self.format(impliedBy:)) ?? .html
      let text = ReportRenderer.render(figures, as: format)
      guard let out else {
        print(text, terminator: "")
        return
      }
      try ReportAssembly.write(text, to: out)
      let what = format == .html ? "HTML page" : "Markdown"
      print("Wrote \(out) (\(what), \(period.name)\(withRemarks ? ", with open remarks: internal use only" : "")).")
    }
  }
}

extension ReportRenderer.Format: ExpressibleByArgument {}

/// `--toelichting`: the duiding, joint analysis and agreed actions per indicator, for the report.
struct ToelichtingOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The toelichting file (YAML): per burap period and indicator the duiding, the joint analysis and the agreed "
        + "actions; open actions of earlier periods are carried.", valueName: "file.yaml"))
  var toelichting: String?

  /// The explanations of `period`, or none without `--toelichting`; a file with any error is refused as a whole,
  /// with every problem's line, before anything is written.
  func load(period: Period, indicators: IndicatorSet) throws -> [ReportFigures.Explanation] {
    guard let toelichting else { return [] }
    guard period.burapIndex != nil else {
      throw CLIError.toelichtingNeedsBurapPeriod(toelichting, period: period.name)
    }
    let (parsed, diagnostics) = Toelichting.parse(try readText(toelichting), file: toelichting, indicators: indicators)
    guard let parsed, !diagnostics.hasErrors else { throw CLIError.invalidToelichting(diagnostics) }
    for warning in diagnostics { printError(warning.description) }
    if !parsed.masked.isEmpty {
      printError(
        "\(toelichting): masked \(parsed.masked.map(\.label).joined(separator: ", ")) in the text; the report shows "
          + "the marker instead (write roles, not names or contact details)")
    }
    let explanations = ReportFigures.Explanation.from(parsed, period: period, indicators: indicators)
    if explanations.isEmpty {
      printError("\(toelichting): nothing for \(period.name) (no text of the period and no open actions)")
    }
    return explanations
  }
}

/// Gathers a report's figures from the store through the scoring engine; nothing here computes a statistic.
enum ReportAssembly {
  static func figures(
    store: TevredenDatabase, indicators: IndicatorSet, period: Period, registration: RegistrationFile?,
    withRemarks: Bool, weighting: WeightingOptions, generatedAt: Date
  ) throws -> ReportFigures {
    // Municipal tables only for the burap periods, which disclosure control protects together; a free range
    // gets none (its difference with them would reveal hidden cells).
    let request = ScoreRequest(
      period: period, dimensions: period.burapIndex == nil ? [] : [.gemeente, .group], includesAspects: true,
      includesTopics: true, roleBasis: indicators.roleBasis)
    // The trend: every burap period from the first year with responses up to the report's period. Asked from the
    // period's year; the scan starts it at the first year with scored responses, which it finds as it counts.
    let trendFromPeriodsYear = ScoreRequest(
      period: Period(from: LocalDate(year: period.first.year, month: 1, day: 1), to: period.last),
      dimensions: [.period], roleBasis: indicators.roleBasis)
    // Both, and the data basis, counted during one scan of the responses.
    let counts = try store.reportCounts(for: request, trend: trendFromPeriodsYear)
    guard counts.firstScoredDay != nil else {
      throw CLIError.nothingToReport("the database holds no completed responses with a grade yet; import them first")
    }
    let (weights, invited) = try weighting.load(knownGroups: Set(counts.data.groups.map(\.group)), period: period)
    let card = try ScoreCard.build(
      request: request, indicators: indicators, data: counts.data, weights: weights, invited: invited)
    // The trend is the mean over respondents per period: the service volumes given are the report period's.
    let trend = try ScoreCard.build(
      request: counts.trendRequest, indicators: indicators.countingEveryGroupAsRespondents, data: counts.trend)
    let basis = counts.dataBasis
    let merged = registration.map {
      IndicatorRow.rows(
        card: card, registration: $0.figures, history: $0.history, earlierThisYear: $0.earlierThisYear,
        indicators: indicators)
    }
    var remarks: ReportFigures.Remarks?
    if withRemarks {
      remarks = ReportFigures.Remarks(
        items: try store.remarks(in: period).map {
          ReportFigures.Remark(audience: $0.audience, groupLabel: $0.groupLabel, question: $0.question, text: $0.text)
        })
    }
    var figures = ReportFigures(
      card: card, trend: trend, indicatorRows: merged?.rows, region: indicators.region ?? "Veilig Thuis",
      generatedAt: generatedAt, dataBasis: dataBasis(basis), remarks: remarks)
    figures.methods.retention = indicators.retention
    figures.missingIndicators = (merged?.missing ?? []).compactMap { id in
      indicators.indicators.first { $0.id == id }.map { "\($0.isDescriptive ? "" : "PI ")\($0.number) \($0.label)" }
    }
    // "pi7a Texel" as the report names indicators elsewhere: "PI 7a Texel".
    figures.withheldSubgroups = (merged?.withoutCount ?? []).map { name in
      let parts = name.split(separator: " ", maxSplits: 1).map(String.init)
      guard parts.count == 2, let indicator = indicators.indicator(id: parts[0]) else { return name }
      return "PI \(indicator.number) \(parts[1])"
    }
    return figures
  }

  /// The data basis per source: interviews per mode, imports per platform.
  static func dataBasis(_ counts: [DataBasisCount]) -> [ReportFigures.DataSource] {
    var sources: [ReportFigures.DataSource] = []
    for count in counts {
      let kind: ReportFigures.DataSource.Kind
      switch (count.importFormat, count.mode) {
      case (nil, let mode):
        kind = .interview(mode: mode.rawValue)
      case (ExchangeCSV.formatName?, .online):
        kind = .platformImport(platform: "uitwisselbestand (online)")
      case (ExchangeCSV.formatName?, let mode):
        // Interviews taken at another station and exchanged as a file.
        kind = .interview(mode: mode.rawValue)
      case (let format?, _):
        kind = .platformImport(platform: SurveyPlatform(rawValue: format)?.displayName ?? format)
      }
      if let index = sources.firstIndex(where: { $0.kind == kind }) {
        sources[index].counts[count.audience, default: 0] += count.count
      } else {
        sources.append(ReportFigures.DataSource(kind: kind, counts: [count.audience: count.count]))
      }
    }
    return sources
  }

  /// Writes the report through a temporary file renamed into place, readable by its owner only from the moment it
  /// exists (mode 0600; the owner shares it on purpose).
  static func write(_ text: String, to path: String) throws {
    let temporary = path + ".\(getpid()).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw CLIError.unreadableFile(path, reason: "cannot write the report: \(String(cString: strerror(errno)))")
    }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    do {
      try handle.write(contentsOf: Data(text.utf8))
      try handle.close()
      guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    } catch {
      unlink(temporary)
      throw CLIError.unreadableFile(path, reason: "cannot write the report: \(error.localizedDescription)")
    }
  }
}
