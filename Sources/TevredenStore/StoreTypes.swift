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
  /// Already stored with exactly the same content; nothing changed.
  case duplicate
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
  /// No import batch has this number.
  case noSuchBatch(Int64)
  /// The import batch was undone already.
  case batchAlreadyUndone(Int64, at: String)

  public var errorDescription: String? {
    switch self {
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
    case .noSuchBatch(let id):
      "there is no import batch \(id); 'tevreden imports' lists them (nothing was changed)"
    case .batchAlreadyUndone(let id, let at):
      "import batch \(id) was already undone at \(at) (nothing was changed)"
    }
  }
}
