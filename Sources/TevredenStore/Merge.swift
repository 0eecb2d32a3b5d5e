import Foundation
import GRDB
import TevredenCore

extension TevredenDatabase {
  /// Merges the databases of interviewer stations into this one, in one write transaction: everything, or (on an
  /// error) nothing.
  ///
  /// A station file is never changed: its bytes, and its write-ahead log or rollback journal if one lies beside it,
  /// are copied into a private folder (mode 0700, files 0600, removed afterwards), and that copy is checked,
  /// migrated when an older tevreden wrote it, and read.
  ///
  /// Definitions are matched by their SHA-256; one the region lacks is copied. A response is matched by its id: one
  /// the region lacks is stored with the same row values (its definition's id remapped, its import batch the
  /// station's), with its interview row (no process) and its audit events; one stored with the same content is
  /// already present; one stored with other content is a conflict and the stored one is kept, except that an
  /// interview the region holds unfinished is completed from a station that finished it, when every answer the
  /// region has is the same there. Audit events the region lacks are added to responses it holds, counted as a
  /// multiset, so that merging again adds none. Each station becomes an import batch (format `tevreden-database`).
  ///
  /// - Parameters:
  ///   - paths: The station files, as the user named them; messages name them so.
  ///   - dryRun: Do everything and roll it back: the report tells what a merge would do.
  ///   - strict: Roll everything back when any response conflicts.
  ///   - temporaryDirectory: Where the private folder for the copies is made.
  /// - Throws: ``MergeError``, naming the station file; nothing is merged then.
  public func merge(
    stationsAt paths: [String], dryRun: Bool = false, strict: Bool = false,
    temporaryDirectory: URL = FileManager.default.temporaryDirectory
  ) throws -> MergeReport {
    try refuseUnmergeable(paths)
    let scratch = try PrivateFolder(in: temporaryDirectory)
    defer { scratch.remove() }
    let importedAt = Date()
    return try writer.writeWithoutTransaction { db in
      var report = MergeReport(stations: [], isStored: false)
      try db.inTransaction(.immediate) {
        // An import still running has stored responses that may yet be taken back: merging beside them could
        // take one for a response already present.
        if let other = try Self.runningImport(in: db) {
          throw StoreError.importRunning(processId: other.processId, source: other.source)
        }
        for (index, path) in paths.enumerated() {
          let copy = scratch.url.appendingPathComponent("station-\(index + 1).sqlite")
          report.stations.append(try Self.mergeStation(at: path, copy: copy, into: db, importedAt: importedAt))
        }
        report.isStored = !dryRun && !(strict && report.conflictCount > 0)
        return report.isStored ? .commit : .rollback
      }
      return report
    }
  }

  /// Refuses, before anything is read, a station file that does not exist, is a folder, is this database, or is
  /// named twice.
  private func refuseUnmergeable(_ paths: [String]) throws {
    let region = FileIdentity(path: writer.path)
    var seen: Set<FileIdentity> = []
    for path in paths {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw MergeError.missingStation(path: path)
      }
      if isFolder.boolValue { throw MergeError.notAStation(path: path) }
      guard let identity = FileIdentity(path: path) else { continue }
      if identity == region { throw MergeError.regionItself(path: path) }
      if !seen.insert(identity).inserted { throw MergeError.namedTwice(path: path) }
    }
  }

  /// Merges one station, naming it in any error.
  private static func mergeStation(at path: String, copy: URL, into db: Database, importedAt: Date) throws
    -> StationMergeReport
  {
    do {
      try copyPrivately(from: path, to: copy.path)
      for companion in ["-wal", "-journal"] where FileManager.default.fileExists(atPath: path + companion) {
        try copyPrivately(from: path + companion, to: copy.path + companion)
      }
      let station = try openCopy(copy, of: path)
      defer { try? station.close() }
      var merger = StationMerger(path: path, region: db)
      var contacts = 0
      try merger.beginBatch(sha256: try SHA256.hex(ofFileAt: copy), importedAt: importedAt)
      try station.read { stationDB in
        // A station's own import that never finished is not part of it.
        let rows = try Row.fetchCursor(
          stationDB, sql: "SELECT * FROM response WHERE \(TevredenDatabase.visibleResponses()) ORDER BY id")
        while let row = try rows.next() { try merger.merge(row, from: stationDB) }
        contacts = try TevredenDatabase.mergeContacts(from: stationDB, into: db)
      }
      try merger.endBatch()
      var report = merger.report
      report.contactsAdded = contacts
      return report
    } catch let error as MergeError {
      throw error
    } catch {
      throw MergeError.stationFailed(path: path, reason: error.localizedDescription)
    }
  }

  /// Copies a file's bytes to a new file that only this user can read (mode 0600).
  private static func copyPrivately(from source: String, to target: String) throws {
    let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: source))
    defer { try? input.close() }
    let descriptor = Foundation.open(target, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw SystemCallError(action: "cannot copy it") }
    let output = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    while let piece = try input.read(upToCount: 1 << 20), !piece.isEmpty { try output.write(contentsOf: piece) }
  }

  /// Opens the private copy of a station: refused unless it is a sound tevreden database of a schema this build
  /// knows, and migrated when an older tevreden wrote it.
  private static func openCopy(_ copy: URL, of path: String) throws -> DatabaseQueue {
    do {
      let queue = try DatabaseQueue(path: copy.path)
      guard try queue.read({ try $0.tableExists("grdb_migrations") }) else { throw MergeError.notAStation(path: path) }
      guard try queue.read({ try String.fetchAll($0, sql: "PRAGMA quick_check") }) == ["ok"] else {
        throw MergeError.damagedStation(path: path)
      }
      _ = try TevredenDatabase(queue, path: path)
      guard try queue.read({ try Bool.fetchOne($0, sql: TevredenDatabase.danglingReferencesSQL) }) == false else {
        throw MergeError.stationFailed(
          path: path,
          reason: "a response in it names a questionnaire definition or an import that the file does not hold; copy "
            + "it from the station again")
      }
      return queue
    } catch StoreError.newerSchema {
      throw MergeError.newerStation(path: path)
    } catch StoreError.notATevredenDatabase {
      throw MergeError.notAStation(path: path)
    } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
      throw MergeError.notAStation(path: path)
    } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
      throw MergeError.damagedStation(path: path)
    }
  }
}

/// Merges one station's responses into the region's open transaction, counting what became of each.
private struct StationMerger {
  let path: String
  let region: Database
  private(set) var report: StationMergeReport
  private var batch: ImportBatchRecord?
  /// The station's definitions by its snapshot id, with the region's id for the same text once known.
  private var snapshots: [Int64: MappedSnapshot] = [:]
  /// The region's definitions by snapshot id, parsed once.
  private var regionDefinitions: [Int64: Questionnaire] = [:]
  /// The item numbers of the station (read once) and of the region (which gets numbers for the station's items
  /// when it first meets a definition): a response is read with the one and written with the other.
  private var stationCodes: ItemCodes?
  private var regionCodes: ItemCodes?

  init(path: String, region: Database) {
    self.path = path
    self.region = region
    report = StationMergeReport(path: path)
  }

  /// Records the station file as an import batch: its base name and the SHA-256 of its bytes.
  mutating func beginBatch(sha256: String, importedAt: Date) throws {
    var record = ImportBatchRecord(
      id: nil, source: URL(fileURLWithPath: path).lastPathComponent, sha256: sha256, format: "tevreden-database",
      importedAt: Timestamp.format(importedAt), insertedCount: 0, duplicateCount: 0, rejectedCount: 0)
    try record.insert(region)
    batch = record
  }

  /// Records the batch's counts: responses inserted, already present, and in conflict (interviews completed from
  /// the station are none of these: the batch did not insert them).
  mutating func endBatch() throws {
    guard var record = batch else { return }
    record.insertedCount = report.inserted
    record.duplicateCount = report.alreadyPresent
    record.rejectedCount = report.conflicts.count
    try record.update(region)
  }

  /// Merges one response row of the station (`SELECT *` of `response`).
  mutating func merge(_ row: Row, from station: Database) throws {
    let incoming = try ResponseRecord(row: row)
    let snapshot = try mappedSnapshot(incoming.snapshotId, in: station)
    // Parsing checks the row against its definition: a corrupt row stops the merge. Open answers are masked as
    // on every path into the database (a station of an older tevreden may hold them unmasked), before they are
    // compared with what the region holds.
    let codes = try stationCodes ?? ItemCodes.fetch(station)
    stationCodes = codes
    let response = try TevredenDatabase.response(
      incoming, row: row, questionnaire: snapshot.definition.questionnaire, codes: codes
    )
    .maskingText(using: .standard)
    guard let regionCodes else { throw StoreError.corruptRow("the region's item numbers were not read") }
    let answers = try StoredAnswers(response.answers, codes: regionCodes)
    let keyHash = ResponseKeyHash.of(incoming.responseKey)
    let statement = try region.cachedStatement(sql: "SELECT * FROM response WHERE keyHash = ?")
    guard let storedRow = try Row.fetchOne(statement, arguments: [keyHash]) else {
      try insert(incoming, answers: answers, keyHash: keyHash, from: station)
      return
    }
    let stored = try ResponseRecord(row: storedRow)
    guard stored.responseKey == incoming.responseKey else {
      throw StoreError.keyCollision(response.id, stored: stored.responseKey)
    }
    let storedResponse = try TevredenDatabase.response(
      stored, row: storedRow,
      questionnaire: TevredenDatabase.definition(of: stored, in: region, cache: &regionDefinitions),
      codes: regionCodes)
    let conflict = Self.differences(
      response.id, incoming: (incoming, response), stored: (stored, storedResponse),
      sameDefinition: snapshot.regionId == stored.snapshotId)
    guard let regionRowId = stored.id, let stationRowId = incoming.id else {
      throw StoreError.corruptRow("response \(incoming.responseKey) has no row id")
    }
    if conflict.fields.isEmpty && conflict.items.isEmpty {
      report.alreadyPresent += 1
      if try InterviewRecord.fetchOne(region, key: regionRowId) == nil {
        try copyInterview(from: stationRowId, in: station, to: regionRowId)
      }
      try addMissingEvents(from: stationRowId, in: station, to: regionRowId)
    } else if stored.status == Response.Status.partial.rawValue,
      incoming.status == Response.Status.completed.rawValue,
      storedResponse.answers.allSatisfy({ response.answers[$0.key] == $0.value }),
      try finishesUnfinishedInterview(conflict, stationRowId: stationRowId, in: station, regionRowId: regionRowId)
    {
      try complete(regionRowId, from: incoming, answers: answers, stationRowId: stationRowId, in: station)
      report.completed.append(response.id)
    } else {
      report.conflicts.append(conflict)
    }
  }

  /// Stores a response the region lacks, with its interview row and audit events.
  private mutating func insert(
    _ incoming: ResponseRecord, answers: StoredAnswers, keyHash: Int64, from station: Database
  ) throws {
    var record = incoming
    record.id = nil
    record.keyHash = keyHash
    record.snapshotId = try regionSnapshotId(for: incoming.snapshotId)
    record.importBatchId = batch?.id
    guard try TevredenDatabase.insert(record, answers: answers, in: region), let stationRowId = incoming.id else {
      throw StoreError.corruptRow("response \(incoming.responseKey) was neither inserted nor found")
    }
    let regionRowId = region.lastInsertedRowID
    try copyInterview(from: stationRowId, in: station, to: regionRowId)
    try addMissingEvents(from: stationRowId, in: station, to: regionRowId)
    report.inserted += 1
  }

  /// What differs between the station's copy of a response and the region's: columns and items, never values.
  private static func differences(
    _ id: Response.ID, incoming: (ResponseRecord, Response), stored: (ResponseRecord, Response), sameDefinition: Bool
  ) -> MergeConflict {
    var fields = sameDefinition ? [] : ["definition"]
    func compare<Value: Equatable>(_ name: String, _ value: (ResponseRecord) -> Value) {
      if value(incoming.0) != value(stored.0) { fields.append(name) }
    }
    // These four are the definition's, read with each copy's own.
    func compareResponses<Value: Equatable>(_ name: String, _ value: (Response) -> Value) {
      if value(incoming.1) != value(stored.1) { fields.append(name) }
    }
    compareResponses("questionnaireID") { $0.questionnaireID }
    compareResponses("questionnaireVersion") { $0.questionnaireVersion }
    compareResponses("audience") { $0.audience }
    compareResponses("respondentGroup") { $0.group }
    compare("gemeente") { $0.gemeente }
    compare("mode") { $0.mode }
    compare("interviewer") { $0.interviewer }
    compare("startedAt") { $0.startedAt }
    compare("completedAt") { $0.completedAt }
    compare("collectedOn") { $0.collectedOn }
    compare("status") { $0.status }
    compare("grade") { $0.grade }
    compare("language") { $0.language }
    compare("interpreter") { $0.interpreter }
    let (ours, theirs) = (incoming.1.answers, stored.1.answers)
    let items = Set(ours.keys).union(theirs.keys).filter { ours[$0] != theirs[$0] }
    return MergeConflict(response: id, fields: fields, items: items.sorted { $0.rawValue < $1.rawValue })
  }

  /// Whether the differences are those of an interview the region holds unfinished (active or paused) and the
  /// station holds completed: only the columns that finishing changes, and answers.
  private func finishesUnfinishedInterview(
    _ conflict: MergeConflict, stationRowId: Int64, in station: Database, regionRowId: Int64
  ) throws -> Bool {
    // An interview may switch language up to its end (`:taal`), so the language is finished with it too.
    let finishing: Set = ["status", "completedAt", "collectedOn", "grade", "language"]
    guard conflict.fields.allSatisfy(finishing.contains),
      let regionInterview = try InterviewRecord.fetchOne(region, key: regionRowId),
      let stationInterview = try InterviewRecord.fetchOne(station, key: stationRowId)
    else { return false }
    return [InterviewState.active.rawValue, InterviewState.paused.rawValue].contains(regionInterview.state)
      && stationInterview.state == InterviewState.completed.rawValue
  }

  /// Completes the region's unfinished interview as the station finished it: status, times, grade and answers,
  /// the interview's state, and the audit events the region lacks.
  private mutating func complete(
    _ regionRowId: Int64, from incoming: ResponseRecord, answers: StoredAnswers, stationRowId: Int64,
    in station: Database
  ) throws {
    try region.execute(
      sql: """
        UPDATE response SET status = ?, completedAt = ?, collectedOn = ?, grade = ?, answers = ?, missing = ?,
          language = ?
        WHERE id = ?
        """,
      arguments: [
        incoming.status, incoming.completedAt, incoming.collectedOn, incoming.grade, answers.values, answers.missing,
        incoming.language, regionRowId,
      ])
    if let interview = try InterviewRecord.fetchOne(station, key: stationRowId) {
      try region.execute(
        sql: "UPDATE interview SET state = ?, processId = NULL, lastActivityAt = ? WHERE responseId = ?",
        arguments: [interview.state, interview.lastActivityAt, regionRowId])
    }
    try addMissingEvents(from: stationRowId, in: station, to: regionRowId)
  }

  /// Copies the station's interview row of a response, if it has one, without the process that ran it there.
  private func copyInterview(from stationRowId: Int64, in station: Database, to regionRowId: Int64) throws {
    guard var interview = try InterviewRecord.fetchOne(station, key: stationRowId) else { return }
    interview.responseId = regionRowId
    interview.processId = nil
    try interview.insert(region)
  }

  /// Adds the station's audit events of a response that the region lacks, in the station's order. Events are
  /// compared by all they hold (kind, item, time, interviewer, interval) and counted, so that an event the region
  /// has once is not added again, while one the station has twice and the region once is added once.
  private mutating func addMissingEvents(from stationRowId: Int64, in station: Database, to regionRowId: Int64)
    throws
  {
    let stationEvents = try InterviewEventRecord.filter(Column("responseId") == stationRowId).order(Column("id"))
      .fetchAll(station)
    guard !stationEvents.isEmpty else { return }
    var held: [EventKey: Int] = [:]
    for event in try InterviewEventRecord.filter(Column("responseId") == regionRowId).fetchAll(region) {
      held[EventKey(event), default: 0] += 1
    }
    for var event in stationEvents {
      let key = EventKey(event)
      if let count = held[key], count > 0 {
        held[key] = count - 1
        continue
      }
      event.id = nil
      event.responseId = regionRowId
      try event.insert(region)
      report.eventsAdded += 1
    }
  }

  /// The station's definition with this snapshot id, parsed once, and the region's id for the same text if it has
  /// one.
  private mutating func mappedSnapshot(_ stationId: Int64, in station: Database) throws -> MappedSnapshot {
    if let known = snapshots[stationId] { return known }
    guard let record = try SnapshotRecord.fetchOne(station, key: stationId) else {
      throw StoreError.unreadableSnapshot("snapshot \(stationId)", ["it is missing"])
    }
    let definition = try TevredenDatabase.snapshot(record).definition
    guard definition.sha256 == record.sha256 else {
      throw StoreError.corruptRow("snapshot \(stationId): its SHA-256 does not match its text")
    }
    let regionId = try Int64.fetchOne(
      region, sql: "SELECT id FROM questionnaireSnapshot WHERE sha256 = ?", arguments: [record.sha256])
    let mapped = MappedSnapshot(definition: definition, regionId: regionId)
    snapshots[stationId] = mapped
    regionCodes = try ItemCodes.ensure(definition.questionnaire, in: region)
    return mapped
  }

  /// The region's snapshot id for a station's definition, copying the definition when the region lacks it.
  private mutating func regionSnapshotId(for stationId: Int64) throws -> Int64 {
    guard let mapped = snapshots[stationId] else {
      throw StoreError.corruptRow("snapshot \(stationId) was not read")
    }
    if let known = mapped.regionId { return known }
    let id = try TevredenDatabase.snapshotId(for: mapped.definition, in: region)
    snapshots[stationId]?.regionId = id
    report.definitionsAdded += 1
    return id
  }
}

/// A station's definition and the region's snapshot id for the same text, once it has one.
private struct MappedSnapshot {
  var definition: LoadedQuestionnaire
  var regionId: Int64?
}

/// An audit event as merging compares them: everything it holds but its row ids.
private struct EventKey: Hashable {
  var event: String
  var item: String?
  var at: String
  var interviewer: String?
  var millisecondsSincePrevious: Int?

  init(_ record: InterviewEventRecord) {
    event = record.event
    item = record.item
    at = record.at
    interviewer = record.interviewer
    millisecondsSincePrevious = record.millisecondsSincePrevious
  }
}

/// A file's device and inode: two paths name the same file when these agree.
private struct FileIdentity: Hashable {
  var device: UInt64
  var inode: UInt64

  init?(path: String) {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
  }
}

/// A folder only this user can open (mode 0700, made by `mkdtemp`), for the private copies of station files.
private struct PrivateFolder {
  let url: URL

  init(in parent: URL) throws {
    var template = Array(parent.appendingPathComponent("tevreden-merge-XXXXXX").path.utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
    }
    guard let made else {
      throw MergeError.noPrivateFolder(reason: "\(parent.path): \(String(cString: strerror(errno)))")
    }
    url = URL(fileURLWithPath: made, isDirectory: true)
  }

  /// Removes the folder and everything in it.
  func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}

/// A failed system call, described by `errno`.
private struct SystemCallError: LocalizedError {
  var action: String
  var reason = String(cString: strerror(errno))

  var errorDescription: String? { "\(action): \(reason)" }
}
