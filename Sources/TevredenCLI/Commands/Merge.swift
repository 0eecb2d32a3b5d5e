import ArgumentParser
import Foundation
import TevredenCore
import TevredenStore

extension TevredenCommand {
  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Merge the databases of interviewer stations into this database.",
      discussion: """
        Each station file is copied privately and read; it is never changed. Definitions are matched by their \
        SHA-256 and responses by their id: a response this database lacks is stored with its interview and audit \
        events, one stored with the same content is already present, and one stored with other content is a \
        conflict, reported on standard error and never overwritten (an interview left unfinished here that the \
        station finished is completed from the station). Merging the same station again adds nothing.

        All files are merged in one transaction: an unreadable file, or one from a newer tevreden, merges nothing. \
        Exits 2 when a response conflicts.
        """)

    @Argument(help: ArgumentHelp("The stations' database files.", valueName: "station.sqlite"))
    var stations: [String]

    @Flag(help: "Report what would be merged, store nothing.")
    var dryRun = false

    @Flag(help: "Store nothing if any response conflicts.")
    var strict = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
      // Station files are checked before the region's database is opened, so that a merge that cannot run never
      // leaves a new, empty database behind; a dry run never creates one.
      for station in stations where !FileManager.default.fileExists(atPath: station) {
        throw MergeError.missingStation(path: station)
      }
      let exists = FileManager.default.fileExists(atPath: try database.resolvedPath())
      let store = dryRun && !exists ? try TevredenDatabase.inMemory() : try database.open()
      defer { store.close() }
      let report = try store.merge(stationsAt: stations, dryRun: dryRun, strict: strict)
      for station in report.stations {
        for conflict in station.conflicts { printError(Self.describe(conflict, in: station.path)) }
        for id in station.completed {
          print("\(station.path): interview \(id) was unfinished here and is completed from the station")
        }
        let counts = (station.inserted, station.alreadyPresent, station.conflicts.count, station.completed.count)
        print("\(station.path): \(Self.describe(counts))")
        if station.contactsAdded > 0 {
          print(
            "\(station.path): \(station.contactsAdded) recorded contact\(station.contactsAdded == 1 ? "" : "s") added")
        }
      }
      let total = (report.inserted, report.alreadyPresent, report.conflictCount, report.completedCount)
      print("Total: \(Self.describe(total))")
      if dryRun {
        print("Dry run: nothing was stored.")
      } else if !report.isStored {
        print("Nothing was stored (--strict): resolve the conflicts and merge again.")
      }
      if report.conflictCount > 0 { throw ExitCode.rejectedInput }
    }

    /// "12 new, 3 already present, 1 conflict, 1 completed".
    static func describe(_ counts: (new: Int, present: Int, conflicts: Int, completed: Int)) -> String {
      let conflicts = "\(counts.conflicts) conflict\(counts.conflicts == 1 ? "" : "s")"
      return "\(counts.new) new, \(counts.present) already present, \(conflicts), \(counts.completed) completed"
    }

    /// A conflict on standard error: the file, the response and what differs, never a value.
    static func describe(_ conflict: MergeConflict, in path: String) -> String {
      var differences = conflict.fields
      if !conflict.items.isEmpty {
        let items = conflict.items.map(\.rawValue).joined(separator: ", ")
        differences.append("the answer\(conflict.items.count == 1 ? "" : "s") to \(items)")
      }
      return "\(path): conflict: response \(conflict.response) is stored here with other content (differs in "
        + "\(differences.joined(separator: "; "))); the stored one was kept"
    }
  }
}
