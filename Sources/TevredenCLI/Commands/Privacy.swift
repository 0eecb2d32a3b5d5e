import ArgumentParser
import Foundation
import TevredenCore
import TevredenStore

extension TevredenCommand {
  struct Privacy: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check text and the database for identifiers.",
      subcommands: [Mask.self, Scan.self])
  }
}

extension TevredenCommand.Privacy {
  struct Mask: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Mask identifiers in text read from standard input, a line at a time, as tevreden stores text.",
      discussion: """
        Shows what the masking does to a remark before anyone stores it: BSN, e-mail addresses, phone numbers, \
        IBAN, postcodes, addresses, names, licence plates, dates, IP addresses, coordinates and case numbers \
        become markers such as [BSN] and [naam]. With --spans each line gives a JSON object with the offsets \
        (in Unicode code points) and kinds of what was found, for measuring the masking against a labelled corpus.
        """)

    @Flag(help: "Print the spans found (JSON, one object per line) instead of the masked text.")
    var spans = false

    func run() throws {
      let masking = IdentifierMasking.standard
      var output = BufferedOutput(FileHandle.standardOutput)
      while let line = readLine(strippingNewline: true) {
        if spans {
          let found = masking.identifiers(in: line).map {
            ["start": $0.range.lowerBound, "end": $0.range.upperBound, "kind": $0.kind.rawValue] as [String: Any]
          }
          let data = try JSONSerialization.data(withJSONObject: ["spans": found], options: [.sortedKeys])
          try output.write(String(decoding: data, as: UTF8.self) + "\n")
        } else {
          try output.write(masking.mask(line).text + "\n")
        }
      }
      try output.flush()
    }
  }
}

extension TevredenCommand.Privacy {
  struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Re-check the whole database for identifiers and mask what older versions stored.",
      discussion: """
        Masks identifiers in every open answer, replaces response ids that are personal data (an e-mail address, \
        a BSN) by random ids, removes interviewer codes that are names, and masks import file names, in one \
        transaction that the change log records. Run it once after updating tevreden; --dry-run only reports. \
        A response whose id was replaced is added again if the file it came from is imported again (its old id \
        is gone); take that import back with 'tevreden import --undo'.
        """)

    @Flag(help: "Report what would be masked; change nothing.")
    var dryRun = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
      let store = try database.openExisting()
      defer { store.close() }
      let report = try store.scanPrivacy(dryRun: dryRun)
      if report.isClean {
        print("No identifiers found: nothing to mask.")
        return
      }
      let kinds = report.kinds.sorted { $0.key < $1.key }.map { "\($0.key.label) \($0.value)×" }
      print(
        """
        open answers masked:        \(report.remarksMasked)\(kinds.isEmpty ? "" : " (" + kinds.joined(separator: ", ") + ")")
        response ids replaced:      \(report.keysReplaced)
        interviewer codes removed:  \(report.interviewersRemoved)
        file names masked:          \(report.sourcesMasked)
        """)
      print(dryRun ? "Dry run: nothing was changed." : "Done; the change log records it.")
    }
  }
}

extension TevredenCommand {
  struct Purge: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Apply the retention periods of indicators.yaml: remove old open answers and audit events.",
      discussion: """
        retention.remarks_months: open answers of responses collected longer ago are removed. \
        retention.audit_events_months: interview audit events older than that are removed. \
        retention.responses_years: older responses keep only what the figures need (closed answers, grade, \
        status, group, gemeente and day; no interviewer, no time of day, no interview log). One transaction, \
        recorded in the change log; --dry-run only counts.
        """)

    @Flag(help: "Count what would be removed; change nothing.")
    var dryRun = false

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var definitions: QuestionnaireOptions

    func run() throws {
      let store = try database.openExisting()
      defer { store.close() }
      let retention = try definitions.loadIndicators(from: store).retention
      guard retention != IndicatorSet.Retention() else {
        print("indicators.yaml sets no retention periods: nothing to purge.")
        return
      }
      let report = try store.purge(retention, now: Self.now(), dryRun: dryRun)
      print(
        """
        responses whose open answers were removed:  \(report.remarksRemoved)
        audit events removed:                       \(report.auditEventsRemoved)
        responses reduced to what the figures need: \(report.responsesReduced)
        """)
      print(dryRun ? "Dry run: nothing was changed." : "Done; the change log records it.")
    }

    /// The present moment; `TEVREDEN_TEST_NOW` (ISO 8601) lets the tests purge as if it were later.
    static func now() -> Date {
      ProcessInfo.processInfo.environment["TEVREDEN_TEST_NOW"].flatMap(Timestamp.parse) ?? Date()
    }
  }
}
