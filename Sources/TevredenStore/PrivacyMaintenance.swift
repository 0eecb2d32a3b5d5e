import Foundation
import GRDB
import TevredenCore

/// One open answer waiting for (or given) a person's review before anyone reads it in a report.
public struct RemarkForReview: Hashable, Sendable {
  /// The response's row: what a review decision names.
  public var responseRowId: Int64
  public var item: Question.ID
  public var groupLabel: String
  public var question: String
  /// The answer as stored (masked on its way in).
  public var text: String
}

/// A reviewer's decision on a remark.
public enum RemarkDecision: Hashable, Sendable {
  /// It may be read as it stands.
  case accept
  /// These fragments are masked too (`[gemaskeerd]`), then it may be read.
  case maskMore([String])
  /// The answer is removed from the response.
  case drop
}

/// What `tevreden privacy scan` found and masked.
public struct PrivacyScanReport: Hashable, Sendable {
  /// Open answers masked, and the kinds of identifiers in them.
  public var remarksMasked = 0
  public var kinds: [PersonalDataKind: Int] = [:]
  /// Response ids that were personal data, replaced by a random id.
  public var keysReplaced = 0
  /// Interviewer codes that were personal data, removed from responses and audit events.
  public var interviewersRemoved = 0
  /// Import file names with personal data, masked.
  public var sourcesMasked = 0

  public var isClean: Bool { remarksMasked + keysReplaced + interviewersRemoved + sourcesMasked == 0 }
}

/// What `tevreden purge` removed or reduced.
public struct PurgeReport: Hashable, Sendable {
  public var remarksRemoved = 0
  public var auditEventsRemoved = 0
  public var responsesReduced = 0
}

extension TevredenDatabase {
  /// The marker that replaces a fragment a reviewer masked.
  public static let reviewerMask = "[gemaskeerd]"

  // MARK: - Reviewing remarks

  /// The open answers that no one has reviewed yet (or that changed since), oldest response first.
  public func unreviewedRemarks() throws -> [RemarkForReview] {
    try writer.read { db in try Self.remarks(in: db, reviewed: false) }
  }

  /// The open answers a person has accepted, as they stand now.
  static func acceptedRemarks(in db: Database) throws -> [RemarkForReview] {
    try remarks(in: db, reviewed: true)
  }

  /// Open answers of stored responses, with (`reviewed`) or without an accepting review of their present text.
  private static func remarks(in db: Database, reviewed: Bool) throws -> [RemarkForReview] {
    var openItems: [Int64: [String: String]] = [:]
    var groupLabels: [Int64: String] = [:]
    for record in try SnapshotRecord.fetchAll(db) {
      guard let id = record.id else { continue }
      groupLabels[id] = record.groupLabel
      for question in try snapshot(record).definition.questionnaire.questions {
        if case .text = question.kind { openItems[id, default: [:]][question.id.rawValue] = question.text }
      }
    }
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT r.id, r.snapshotId, i.name AS item, a.value AS text, v.decision, v.textSha256
        FROM response r JOIN json_each(r.answers) a JOIN item i ON i.id = CAST(a.key AS INTEGER)
        LEFT JOIN remarkReview v ON v.responseId = r.id AND v.item = i.name
        WHERE \(visibleResponses("r")) AND a.type = 'text' AND trim(a.value) <> ''
        ORDER BY r.id, i.name
        """)
    return rows.compactMap { row -> RemarkForReview? in
      let snapshotId: Int64 = row["snapshotId"]
      let item: String = row["item"]
      guard let question = openItems[snapshotId]?[item], let text: String = row["text"] else { return nil }
      let accepted =
        (row["decision"] as String?) == "accepted" && (row["textSha256"] as String?) == SHA256.hex(of: Data(text.utf8))
      guard accepted == reviewed else { return nil }
      return RemarkForReview(
        responseRowId: row["id"], item: Question.ID(rawValue: item), groupLabel: groupLabels[snapshotId] ?? "",
        question: question, text: text)
    }
  }

  /// Records a reviewer's decision in one transaction; masking more changes the stored answer first.
  public func review(_ remark: RemarkForReview, _ decision: RemarkDecision, at date: Date = Date()) throws {
    try writer.write { db in
      let path = try Self.jsonPath(remark.item, in: db)
      guard
        let current = try String.fetchOne(
          db, sql: "SELECT json_extract(answers, ?) FROM response WHERE id = ?",
          arguments: [path, remark.responseRowId])
      else { throw StoreError.corruptRow("the remark to review is no longer stored") }
      var text = current
      switch decision {
      case .accept:
        break
      case .maskMore(let fragments):
        for fragment in fragments where !fragment.isEmpty {
          text = text.replacingOccurrences(of: fragment, with: Self.reviewerMask)
        }
        try db.execute(
          sql: "UPDATE response SET answers = json_set(answers, ?, ?) WHERE id = ?",
          arguments: [path, text, remark.responseRowId])
      case .drop:
        try db.execute(
          sql: "UPDATE response SET answers = json_remove(answers, ?) WHERE id = ?",
          arguments: [path, remark.responseRowId])
      }
      try db.execute(
        sql: """
          INSERT OR REPLACE INTO remarkReview (responseId, item, decision, textSha256, reviewedAt)
          VALUES (?, ?, ?, ?, ?)
          """,
        arguments: [
          remark.responseRowId, remark.item.rawValue, decision == .drop ? "dropped" : "accepted",
          SHA256.hex(of: Data(text.utf8)), Timestamp.format(date),
        ])
    }
  }

  // MARK: - Privacy scan

  /// Checks the whole database for identifiers that an older tevreden stored (open answers, response ids,
  /// interviewer codes, import file names) and masks them, in one transaction that the change log records; a dry
  /// run reports what it would do and changes nothing.
  public func scanPrivacy(dryRun: Bool, at date: Date = Date()) throws -> PrivacyScanReport {
    var report = PrivacyScanReport()
    let masking = IdentifierMasking.standard
    do {
      try writer.write { db in
        var textItems: [Int64: Set<String>] = [:]
        for record in try SnapshotRecord.fetchAll(db) {
          guard let id = record.id else { continue }
          textItems[id] = Set(
            try Self.snapshot(record).definition.questionnaire.questions.compactMap { question in
              if case .text = question.kind { return question.id.rawValue }
              return nil
            })
        }
        let codes = try ItemCodes.fetch(db)
        let rows = try Row.fetchCursor(
          db, sql: "SELECT id, snapshotId, responseKey, interviewer, answers FROM response ORDER BY id")
        var updates: [(Int64, String?, String?, Bool, [(String, String)])] = []
        while let row = try rows.next() {
          let id: Int64 = row["id"]
          let items = textItems[row["snapshotId"] as Int64] ?? []
          var masked: [(String, String)] = []
          if !items.isEmpty, let json: String = row["answers"],
            let answers = JSONStringObjectReader.dictionary(json)
          {
            for (key, text) in answers {
              guard let item = codes.item(forKey: key), items.contains(item) else { continue }
              let result = masking.mask(text)
              guard result.text != text else { continue }
              masked.append((item, result.text))
              report.remarksMasked += 1
              for kind in result.masked { report.kinds[kind, default: 0] += 1 }
            }
          }
          let key: String = row["responseKey"]
          let newKey = masking.personalData(inIdentifier: key) == nil ? nil : "masked-" + UUID().uuidString
          if newKey != nil { report.keysReplaced += 1 }
          let interviewer: String? = row["interviewer"]
          let dropsInterviewer = interviewer.map { masking.personalData(inIdentifier: $0) != nil } ?? false
          if dropsInterviewer { report.interviewersRemoved += 1 }
          if !masked.isEmpty || newKey != nil || dropsInterviewer {
            updates.append((id, newKey, nil, dropsInterviewer, masked))
          }
        }
        for (id, newKey, _, dropsInterviewer, masked) in updates {
          for (item, text) in masked {
            try db.execute(
              sql: "UPDATE response SET answers = json_set(answers, ?, ?) WHERE id = ?",
              arguments: [try Self.jsonPath(Question.ID(rawValue: item), in: db), text, id])
          }
          if let newKey {
            try db.execute(
              sql: "UPDATE response SET responseKey = ?, keyHash = ? WHERE id = ?",
              arguments: [newKey, ResponseKeyHash.of(newKey), id])
          }
          if dropsInterviewer {
            try db.execute(sql: "UPDATE response SET interviewer = NULL WHERE id = ?", arguments: [id])
            try db.execute(sql: "UPDATE interviewEvent SET interviewer = NULL WHERE responseId = ?", arguments: [id])
          }
        }
        for batch in try Row.fetchAll(db, sql: "SELECT id, source FROM importBatch") {
          let source: String = batch["source"]
          let masked = masking.maskFileName(source)
          guard masked != source else { continue }
          report.sourcesMasked += 1
          try db.execute(sql: "UPDATE importBatch SET source = ? WHERE id = ?", arguments: [masked, batch["id"]])
        }
        if !report.isClean {
          try Self.log(
            "privacy-scan",
            "\(report.remarksMasked) open answers masked, \(report.keysReplaced) response ids replaced, "
              + "\(report.interviewersRemoved) interviewer codes removed, \(report.sourcesMasked) file names masked",
            at: date, in: db)
        }
        if dryRun { throw DryRun() }
      }
    } catch is DryRun {}
    return report
  }

  // MARK: - Purge

  /// Applies the retention periods in one transaction that the change log records: open answers of responses
  /// completed before the remarks' limit are removed, audit events before the events' limit, and responses
  /// before the responses' limit keep only what the published figures need (their answers to closed questions,
  /// grade, status, group, gemeente and day; no open answers, no interviewer, no times of day, no interview log).
  public func purge(_ retention: IndicatorSet.Retention, now: Date = Date(), dryRun: Bool) throws -> PurgeReport {
    var report = PurgeReport()
    let today = LocalDate(now)
    do {
      try writer.write { db in
        var textItems: [Int64: [String]] = [:]
        for record in try SnapshotRecord.fetchAll(db) {
          guard let id = record.id else { continue }
          textItems[id] = try Self.snapshot(record).definition.questionnaire.questions.compactMap { question in
            if case .text = question.kind { return question.id.rawValue }
            return nil
          }
        }
        func removeRemarks(where condition: String, _ arguments: StatementArguments) throws -> Int {
          var removed = 0
          for (snapshotId, items) in textItems where !items.isEmpty {
            let paths = try items.map { try Self.jsonPath(Question.ID(rawValue: $0), in: db) }
            let rows = try Int64.fetchAll(
              db,
              sql: """
                SELECT id FROM response WHERE snapshotId = ? AND (\(condition))
                  AND (\(paths.map { _ in "json_extract(answers, ?) IS NOT NULL" }.joined(separator: " OR ")))
                """, arguments: [snapshotId] + arguments + StatementArguments(paths))
            for id in rows {
              try db.execute(
                sql:
                  "UPDATE response SET answers = json_remove(answers, \(paths.map { _ in "?" }.joined(separator: ", "))) WHERE id = ?",
                arguments: StatementArguments(paths) + [id])
            }
            removed += rows.count
          }
          return removed
        }
        if let months = retention.remarksMonths {
          let limit = today.addingMonths(-months).description
          report.remarksRemoved = try removeRemarks(where: "collectedOn < ?", [limit])
        }
        if let months = retention.auditEventsMonths {
          let limit = Timestamp.format(
            Date(timeIntervalSince1970: now.timeIntervalSince1970 - Double(months) * 30.44 * 86_400))
          try db.execute(sql: "DELETE FROM interviewEvent WHERE at < ?", arguments: [limit])
          report.auditEventsRemoved = db.changesCount
        }
        if let years = retention.responsesYears {
          let limit = today.addingMonths(-12 * years).description
          _ = try removeRemarks(where: "collectedOn < ?", [limit])
          let old = try Int64.fetchAll(
            db,
            sql: """
              SELECT id FROM response WHERE collectedOn < ?
                AND (interviewer IS NOT NULL OR startedAt NOT LIKE '%T12:00:00Z' OR id IN (SELECT responseId FROM interview))
              """, arguments: [limit])
          for id in old {
            // The day stays (it decides the period); the moment of the day goes.
            try db.execute(
              sql: """
                UPDATE response SET interviewer = NULL,
                  startedAt = collectedOn || 'T12:00:00Z',
                  completedAt = CASE WHEN completedAt IS NULL THEN NULL ELSE collectedOn || 'T12:00:00Z' END
                WHERE id = ?
                """, arguments: [id])
            try db.execute(sql: "DELETE FROM interviewEvent WHERE responseId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM interview WHERE responseId = ?", arguments: [id])
            // What an import's undo would put back (see `ResponseRevisions.swift`) loses the moment of the day too.
            try db.execute(
              sql: """
                UPDATE responseRevision SET previousCompletedAt =
                  CASE WHEN previousCompletedAt IS NULL THEN NULL ELSE previousCollectedOn || 'T12:00:00Z' END
                WHERE responseId = ?
                """, arguments: [id])
          }
          report.responsesReduced = old.count
        }
        if report.remarksRemoved + report.auditEventsRemoved + report.responsesReduced > 0 {
          try Self.log(
            "purge",
            "\(report.remarksRemoved) responses lost their open answers, \(report.auditEventsRemoved) audit events "
              + "removed, \(report.responsesReduced) responses reduced to what the figures need",
            at: now, in: db)
        }
        if dryRun { throw DryRun() }
      }
    } catch is DryRun {}
    return report
  }
}

/// Rolls a transaction back after a dry run has counted what it would change.
private struct DryRun: Error {}
