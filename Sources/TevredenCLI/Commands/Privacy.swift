import ArgumentParser
import Foundation
import TevredenCore
import TevredenStore

extension TevredenCommand {
  struct Privacy: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check text and the database for identifiers.",
      subcommands: [Mask.self])
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
