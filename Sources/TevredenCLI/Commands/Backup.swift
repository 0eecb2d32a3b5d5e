import ArgumentParser
import Foundation
import TevredenStore

extension TevredenCommand {
  struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Copy the database to a new file, safely while interviews and imports run.",
      discussion: """
        Uses SQLite's online backup: the copy is the database as it was at one moment, complete and consistent, \
        even while interviewers are answering and an import is storing. The copy is one self-contained file \
        (nothing is left in a -wal file beside it), readable by its owner only, and checked before it gets its \
        name. An existing file is never overwritten: name a new one, such as backup-2026-05-01.sqlite. Copying \
        tevreden.sqlite with cp is safe only when no tevreden command is running.
        """)

    @Argument(
      help: ArgumentHelp("The new file for the copy; it must not exist yet.", valueName: "file"),
      completion: .file(extensions: ["sqlite"]))
    var file: String

    @OptionGroup var database: DatabaseOptions

    func run() throws {
      let store = try database.openExisting()
      defer { store.close() }
      let copy = try store.backup(toPath: file)
      let megabytes = Double(copy.bytes) / 1_048_576
      print(
        "wrote \(file): \(copy.responses) response\(copy.responses == 1 ? "" : "s"), "
          + "\(megabytes < 0.1 ? "under 0.1" : String(format: "%.1f", megabytes)) MB")
    }
  }
}
