import Foundation
import GRDB
import TevredenCore

extension TevredenDatabase {
  /// Records how interviewer contacts ended without a questionnaire: `count` contacts of one questionnaire's group
  /// with one outcome, on one day. Only the group, the day, the mode and the interviewer's code are stored, never
  /// anything about the person.
  ///
  /// - Throws: ``StoreError/notAnInterviewMode(_:)`` for a mode without contacts (online, paper).
  public func recordContacts(
    _ outcome: ContactOutcome, count: Int = 1, of questionnaire: Questionnaire, mode: Response.Mode,
    interviewer: String?, on day: LocalDate, at moment: Date = Date()
  ) throws {
    guard ScoreScan.isInterview(mode) else { throw StoreError.notAnInterviewMode(mode.rawValue) }
    try writer.write { db in
      let statement = try db.cachedStatement(
        sql: """
          INSERT INTO contactOutcome (contactKey, questionnaireID, audience, respondentGroup, outcome, mode,
            interviewer, collectedOn, recordedAt)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      for _ in 0..<count {
        try statement.execute(arguments: [
          UUID().uuidString.lowercased(), questionnaire.id.rawValue, questionnaire.audience.rawValue,
          questionnaire.group, outcome.rawValue, mode.rawValue, interviewer, day.description,
          Timestamp.format(moment),
        ])
      }
    }
  }

  /// The recorded contacts per audience, group and outcome whose day lies in the period.
  static func contactCounts(_ db: Database, period: Period) throws -> [ContactCount] {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT audience, respondentGroup, outcome, COUNT(*) AS count FROM contactOutcome
        WHERE collectedOn BETWEEN ? AND ? GROUP BY audience, respondentGroup, outcome
        ORDER BY audience, respondentGroup, outcome
        """, arguments: [period.first.description, period.last.description])
    return try rows.map { row in
      let audienceText: String = row["audience"]
      let outcomeText: String = row["outcome"]
      guard let audience = Audience(rawValue: audienceText), let outcome = ContactOutcome(rawValue: outcomeText) else {
        throw StoreError.corruptRow("contact with audience '\(audienceText)' and outcome '\(outcomeText)'")
      }
      return ContactCount(audience: audience, group: row["respondentGroup"], outcome: outcome, count: row["count"])
    }
  }

  /// Copies a station's recorded contacts the region lacks (matched by their key); how many were added.
  static func mergeContacts(from station: Database, into region: Database) throws -> Int {
    guard try station.tableExists("contactOutcome") else { return 0 }
    let insert = try region.cachedStatement(
      sql: """
        INSERT INTO contactOutcome (contactKey, questionnaireID, audience, respondentGroup, outcome, mode,
          interviewer, collectedOn, recordedAt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (contactKey) DO NOTHING
        """)
    var added = 0
    let rows = try Row.fetchCursor(
      station,
      sql: """
        SELECT contactKey, questionnaireID, audience, respondentGroup, outcome, mode, interviewer, collectedOn,
          recordedAt
        FROM contactOutcome ORDER BY id
        """)
    while let row = try rows.next() {
      try insert.execute(arguments: StatementArguments((0..<9).map { row[$0] as DatabaseValue }))
      added += region.changesCount
    }
    return added
  }
}
