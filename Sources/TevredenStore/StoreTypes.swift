import Foundation
import TevredenCore

/// A definition as stored with the responses collected with it.
public struct StoredSnapshot: Hashable, Sendable {
  public var id: Int64
  public var definition: LoadedQuestionnaire
  public var storedAt: Date?
}

/// Describes the file an import came from.
public struct ImportSource: Sendable {
  /// The file name (never its contents).
  public var name: String
  /// The SHA-256 of the file's bytes.
  public var sha256: String
  /// The layout, such as `tevreden-csv`.
  public var format: String
  public var importedAt: Date
  /// Rows rejected while reading, before anything reached the store; recorded with the batch.
  public var rejectedBeforeStore: Int
  /// Whether a conflicting response should roll the whole import back (`--strict`).
  public var rejectsConflicts: Bool

  public init(
    name: String, sha256: String, format: String, importedAt: Date, rejectedBeforeStore: Int = 0,
    rejectsConflicts: Bool = false
  ) {
    self.name = name
    self.sha256 = sha256
    self.format = format
    self.importedAt = importedAt
    self.rejectedBeforeStore = rejectedBeforeStore
    self.rejectsConflicts = rejectsConflicts
  }
}

/// What became of one response offered to ``TevredenDatabase/importResponses(_:source:)``.
public enum ImportDisposition: Hashable, Sendable {
  /// Stored.
  case inserted
  /// Already stored with exactly the same content; nothing changed. Also a partial response whose stored copy
  /// is the same response carried further (an older export imported after a newer one): the stored one is kept.
  case duplicate
  /// Stored as partial, and this is the same response carried further: completed, refused, or partial with more
  /// answers, every stored answer unchanged. The stored row was updated in place (its row id, key and import
  /// batch kept), visible when the import ends; undoing the import that updated it puts the earlier state back
  /// (see ``ImportSession/add(_:rejectingRepeats:)``).
  case updated
  /// Already stored with different content; the stored one was kept.
  case conflict
  /// Already stored from an earlier row of the same source file, when repeats are errors there (see
  /// ``ImportSession/add(_:rejectingRepeats:)``); the earlier one was kept.
  case repeated
  /// Not stored: its id differs from a stored response's but shares its 64-bit key hash, the number the database
  /// keeps ids unique by (for a million stored responses a chance of about 3 in 100 million that any two do). The
  /// stored one was kept.
  case keyCollision
}

/// The responses of one questionnaire in an export: the definitions they were collected with and their number.
public struct ExportGroup: Hashable, Sendable {
  public var questionnaire: Questionnaire.ID
  public var definitions: [Questionnaire]
  public var count: Int
}

/// Errors from the store; each message says what to do.
public enum StoreError: LocalizedError, Equatable, Sendable {
  /// The database was written by a newer version of tevreden.
  case newerSchema(path: String)
  /// The file is not a tevreden database (not SQLite, or SQLite with other tables).
  case notATevredenDatabase(path: String)
  /// The folder for a new database file does not exist.
  case missingFolder(path: String)
  /// The database file could not be created.
  case cannotCreate(path: String)
  /// A response with this id is already stored.
  case duplicateResponse(Response.ID)
  /// An import was rolled back because these responses conflict with stored ones.
  case importConflicts([Response.ID])
  /// A stored definition can no longer be read.
  case unreadableSnapshot(String, [String])
  /// A stored row breaks the schema's invariants.
  case corruptRow(String)
  /// The response's id differs from a stored one but has the same key hash (see ``ImportDisposition/keyCollision``).
  case keyCollision(Response.ID, stored: String)
  /// A database file is readable by others and cannot be made private.
  case cannotProtect(path: String)
  /// No import batch has this number.
  case noSuchBatch(Int64)
  /// The import batch was undone already.
  case batchAlreadyUndone(Int64, at: String)
  /// Later import batches updated responses that this batch stored or updated (partial responses completed
  /// later): they must be undone first.
  case batchUpdatedLater(Int64, by: [Int64])
  /// Another process is importing into this database; imports run one at a time.
  case importRunning(processId: Int, source: String)
  /// A backup was asked for under a name that is taken.
  case backupExists(path: String)
  /// A backup could not be made; nothing was left behind.
  case backupFailed(path: String, reason: String)
  /// Contacts were to be recorded for a mode in which nobody is contacted.
  case notAnInterviewMode(String)

  /// A stored answer that the stored dialect of ``AnswerReader`` does not read: the row breaks the store's
  /// invariants, since tevreden stores every answer in its canonical text.
  static func corruptAnswer(response: String, item: String, _ problem: AnswerProblem) -> StoreError {
    .corruptRow("response \(response), item \(item): \(storedText(problem))")
  }

  /// The store's wording of an answer it cannot read back: the value as the database holds it, and what stored
  /// text should have been.
  static func storedText(_ problem: AnswerProblem) -> String {
    switch problem {
    case .notANumber(let text): "\"\(text)\" is not a whole number as tevreden stores one"
    case .outOfRange(let text, let range): "\"\(text)\" is outside \(range.lowerBound)...\(range.upperBound)"
    case .gradeOutOfRange(let text): "\"\(text)\" is not a grade from 1 to 10 (at most one decimal)"
    case .unknownChoice(let text, let valid):
      "\"\(text)\" is not the code of a choice (\(valid.joined(separator: ", ")))"
    case .notYesNo(let text): "\"\(text)\" is not \(CanonicalSpelling.yes) or \(CanonicalSpelling.no)"
    case .notCanonical(let text, let canonical):
      "\"\(text)\" is not stored text; tevreden stores it as \"\(canonical)\""
    case .missingCodeNotAllowed(let code, _): "missing code \"\(code)\" is not one this item offers"
    // Not found in stored text: only an interviewer reads labels by their start or options by their number.
    case .ambiguous(let text, _), .oneChoiceOnly(let text): "\"\(text)\" is not stored text"
    case .empty: "the answer is empty"
    }
  }

  public var errorDescription: String? {
    switch self {
    case .notAnInterviewMode(let mode):
      "contacts are recorded for interviews (telefonisch or persoonlijk), not for \(mode); for online invitations pass --invited to score or report"
    case .newerSchema(let path):
      "\(path) was written by a newer version of tevreden; update tevreden to open it (the file was not changed)"
    case .notATevredenDatabase(let path):
      "\(path) is not a tevreden database; pass another file with --db (the file was not changed)"
    case .missingFolder(let path):
      "cannot create \(path): its folder does not exist"
    case .cannotCreate(let path):
      "cannot create \(path); check that the folder is writable"
    case .duplicateResponse(let id):
      "response \(id) is already stored"
    case .importConflicts(let ids):
      "nothing was imported: \(ids.count) response(s) are already stored with different answers (\(ids.prefix(5).map(\.rawValue).joined(separator: ", ")))"
    case .unreadableSnapshot(let id, let problems):
      "the stored definition of \(id) cannot be read: \(problems.joined(separator: "; "))"
    case .corruptRow(let detail):
      "the database holds an invalid row: \(detail)"
    case .keyCollision(let id, let stored):
      "response \(id) cannot be stored: its id has the same key hash as stored response \(stored), an extremely "
        + "unlikely coincidence; please report it to tevreden's maintainers (nothing was changed)"
    case .cannotProtect(let path):
      "\(path) can be read by other users and tevreden cannot change that (it is not yours?); make it readable by its owner only (chmod 600) or move the data to a private file"
    case .noSuchBatch(let id):
      "there is no import batch \(id); 'tevreden imports' lists them (nothing was changed)"
    case .batchAlreadyUndone(let id, let at):
      "import batch \(id) was already undone at \(at) (nothing was changed)"
    case .batchUpdatedLater(let id, let later):
      "import batch \(id) cannot be undone yet: later import batch\(later.count == 1 ? "" : "es") "
        + "\(later.map(String.init).joined(separator: ", ")) updated partial responses that this batch stored or "
        + "updated (completed them, mostly), and undoing this one first would take those updates away too; undo "
        + "\(later.count == 1 ? "that batch" : "those batches") first (nothing was changed)"
    case .importRunning(let processId, let source):
      "another import (process \(processId), file \(source)) is still running on this database; imports run one at "
        + "a time: try again when it has finished (nothing was changed)"
    case .backupExists(let path):
      "\(path) already exists; a backup never overwrites a file: name a new one"
    case .backupFailed(let path, let reason):
      "the backup to \(path) failed: \(reason); no file was left behind"
    }
  }
}

/// What merging interviewer stations did, or would do (a dry run): per station file, in the order named.
public struct MergeReport: Hashable, Sendable {
  public var stations: [StationMergeReport]
  /// Whether the merge was committed: not in a dry run, and not with `strict` when a response conflicts.
  public var isStored: Bool

  public var inserted: Int { stations.map(\.inserted).reduce(0, +) }
  public var alreadyPresent: Int { stations.map(\.alreadyPresent).reduce(0, +) }
  public var conflictCount: Int { stations.map(\.conflicts.count).reduce(0, +) }
  public var completedCount: Int { stations.map(\.completed.count).reduce(0, +) }
}

/// What became of one station file's responses.
public struct StationMergeReport: Hashable, Sendable {
  /// The file as it was named.
  public var path: String
  /// Responses the region lacked: stored, with their interview and its audit events.
  public var inserted = 0
  /// Responses the region holds with the same content already.
  public var alreadyPresent = 0
  /// Responses the region holds with other content; the region's were kept.
  public var conflicts: [MergeConflict] = []
  /// Interviews the region held unfinished and the station finished later: completed from the station.
  public var completed: [Response.ID] = []
  /// Questionnaire definitions the region lacked, copied.
  public var definitionsAdded = 0
  /// Interview audit events the region lacked, copied.
  public var eventsAdded = 0
  /// Recorded contacts without a questionnaire (not reached, wrong number, …) the region lacked, copied.
  public var contactsAdded = 0

  public init(path: String) {
    self.path = path
  }
}

/// A station's response that the region holds with other content: which fields and answers differ, never a value.
public struct MergeConflict: Hashable, Sendable {
  public var response: Response.ID
  /// The response row's columns that differ (`status`, `completedAt`, …), led by `definition` when the two were
  /// collected with different questionnaire texts.
  public var fields: [String]
  /// The items whose answers differ, including those only one side answered.
  public var items: [Question.ID]
}

/// Why station files were not merged; each message names the file and says what to do. Nothing is merged then.
public enum MergeError: LocalizedError, Equatable, Sendable {
  case missingStation(path: String)
  /// Not SQLite, SQLite of another application, an empty file, or a folder.
  case notAStation(path: String)
  /// Written by a newer tevreden.
  case newerStation(path: String)
  /// SQLite's integrity check found the file damaged.
  case damagedStation(path: String)
  /// The file is the database being merged into.
  case regionItself(path: String)
  /// The same file was named twice (under this or another name).
  case namedTwice(path: String)
  /// Reading or storing the station's rows failed.
  case stationFailed(path: String, reason: String)
  /// The private folder for the copies of station files could not be made.
  case noPrivateFolder(reason: String)

  public var errorDescription: String? {
    switch self {
    case .missingStation(let path):
      "\(path) does not exist; check the name of the station's database file (nothing was merged)"
    case .notAStation(let path):
      "\(path) is not a tevreden database; name the database file of an interviewer station (nothing was merged)"
    case .newerStation(let path):
      "\(path) was written by a newer version of tevreden; update tevreden here, then merge again (nothing was "
        + "merged; the station file was not changed)"
    case .damagedStation(let path):
      "\(path) is damaged (SQLite's integrity check failed); copy it from the station again (nothing was merged)"
    case .regionItself(let path):
      "\(path) is the database being merged into; name the stations' files, not this one (nothing was merged)"
    case .namedTwice(let path):
      "\(path) is named twice (perhaps under another name); name each station file once (nothing was merged)"
    case .stationFailed(let path, let reason):
      "\(path) cannot be merged: \(reason) (nothing was merged)"
    case .noPrivateFolder(let reason):
      "cannot make a private folder for copies of the station files: \(reason); set TMPDIR to a writable folder "
        + "(nothing was merged)"
    }
  }
}
