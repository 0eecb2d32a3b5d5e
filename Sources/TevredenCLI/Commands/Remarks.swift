import ArgumentParser
import Foundation
import TevredenCore
import TevredenStore

extension TevredenCommand {
  struct Remarks: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Review open answers before anyone reads them in a report.",
      subcommands: [Review.self])
  }
}

extension TevredenCommand.Remarks {
  struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show each unreviewed open answer (masked) and accept it, mask more of it, or drop it.",
      discussion: """
        As statistical offices check open answers before anyone reads them: 'report --with-remarks' shows only \\
        answers a person has accepted here. For each answer: a (accept), m (mask more: then type the words to \\
        hide, each on its own line, and an empty line), v (verwijderen: drop the answer from the response), s (skip \\
        for now), q (stop). Each decision is saved at once. Reads from a terminal or a pipe.
        """)

    @Flag(help: "Only count the answers that wait for review.")
    var count = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
      let store = try database.openExisting()
      defer { store.close() }
      let waiting = try store.unreviewedRemarks()
      if count || waiting.isEmpty {
        print(RemarksText.waiting(waiting.count))
        return
      }
      var decided = 0
      loop: for (index, remark) in waiting.enumerated() {
        print(RemarksText.header(index + 1, of: waiting.count, remark))
        print("  " + remark.text.replacingOccurrences(of: "\n", with: "\n  "))
        while true {
          print(RemarksText.prompt, terminator: "")
          guard let line = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else { break loop }
          switch line {
          case "a":
            try store.review(remark, .accept)
          case "v":
            try store.review(remark, .drop)
          case "m":
            print(RemarksText.maskPrompt)
            var fragments: [String] = []
            while let fragment = readLine(), !fragment.trimmingCharacters(in: .whitespaces).isEmpty {
              fragments.append(fragment.trimmingCharacters(in: .whitespaces))
            }
            let missing = fragments.filter { !remark.text.contains($0) }
            guard missing.isEmpty, !fragments.isEmpty else {
              print(RemarksText.notFound(missing))
              continue
            }
            try store.review(remark, .maskMore(fragments))
          case "s":
            continue loop
          case "q":
            break loop
          default:
            print(RemarksText.help)
            continue
          }
          decided += 1
          continue loop
        }
      }
      print(RemarksText.done(decided, waiting: try store.unreviewedRemarks().count))
    }
  }
}

/// What the remark review says, in Dutch, as the interview does: the people reviewing read it all day.
enum RemarksText {
  static let prompt = "[a] accepteren  [m] meer maskeren  [v] verwijderen  [s] overslaan  [q] stoppen > "
  static let help = "Typ a, m, v, s of q."
  static let maskPrompt = "Welke woorden moeten weg? Eén per regel, sluit af met een lege regel:"

  static func header(_ number: Int, of total: Int, _ remark: RemarkForReview) -> String {
    "\nOpmerking \(number) van \(total) — \(remark.groupLabel), \"\(remark.question)\":"
  }

  static func notFound(_ missing: [String]) -> String {
    missing.isEmpty
      ? "Er is niets gemaskeerd: typ minstens één woord."
      : "Niet gevonden in de opmerking: \(missing.map { "\"\($0)\"" }.joined(separator: ", ")). Probeer het opnieuw."
  }

  static func waiting(_ count: Int) -> String {
    count == 0
      ? "Er wachten geen opmerkingen op controle."
      : "\(count) opmerking\(count == 1 ? " wacht" : "en wachten") op controle (tevreden remarks review)."
  }

  static func done(_ decided: Int, waiting count: Int) -> String {
    "\n\(decided) opmerking\(decided == 1 ? "" : "en") beoordeeld. " + waiting(count)
  }
}
