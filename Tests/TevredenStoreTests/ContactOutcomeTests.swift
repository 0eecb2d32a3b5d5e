import Foundation
import GRDB
import Testing

@testable import TevredenCore
@testable import TevredenStore

/// Contacts without a questionnaire, and the split of responses into interviews and self-completed ones, as the
/// response rates need them.
@Suite struct ContactOutcomeTests {
  let database: TevredenDatabase
  let definition: LoadedQuestionnaire

  init() throws {
    database = try TevredenDatabase.inMemory()
    definition = try storeQuestionnaire()
  }

  func save(_ id: String, mode: Response.Mode, status: Response.Status, on day: String) throws {
    var response = try makeResponse(
      id, grade: status == .completed ? .value(.grade(7)) : nil, on: day, status: status,
      questionnaire: definition.questionnaire)
    response.mode = mode
    if mode == .telefonisch || mode == .persoonlijk { response.interviewer = "AB12" }
    try database.save(response, collectedWith: definition)
  }

  @Test func contactsCountInTheirPeriodAndResponsesBySortOfMode() throws {
    let march = try #require(LocalDate("2026-03-02"))
    let june = try #require(LocalDate("2026-06-10"))
    try database.recordContacts(
      .notReached, count: 4, of: definition.questionnaire, mode: .telefonisch, interviewer: "AB12", on: march)
    try database.recordContacts(
      .wrongNumber, of: definition.questionnaire, mode: .telefonisch, interviewer: "AB12", on: june)
    try save("phone", mode: .telefonisch, status: .completed, on: "2026-03-03")
    try save("visit", mode: .persoonlijk, status: .refused, on: "2026-03-03")
    try save("web", mode: .online, status: .completed, on: "2026-03-04")
    try save("paper", mode: .papier, status: .completed, on: "2026-03-05")

    let data = try database.scoreData(for: ScoreRequest(period: try #require(Period("2026-T1"))))
    let group = definition.questionnaire.group
    #expect(
      data.contacts == [
        ContactCount(audience: definition.questionnaire.audience, group: group, outcome: .notReached, count: 4)
      ])
    let statuses = Set(data.statusCounts.map { "\($0.status.rawValue) \($0.isInterview) \($0.count)" })
    #expect(statuses == ["completed true 1", "refused true 1", "completed false 2"])
    // The year holds the wrong number too.
    let year = try database.scoreData(for: ScoreRequest(period: try #require(Period("2026"))))
    #expect(year.contacts.map(\.outcome) == [.notReached, .wrongNumber])
  }

  @Test func onlyInterviewModesHaveContacts() throws {
    let day = try #require(LocalDate("2026-03-02"))
    for mode in [Response.Mode.online, .papier] {
      #expect(throws: StoreError.notAnInterviewMode(mode.rawValue)) {
        try database.recordContacts(
          .notReached, of: definition.questionnaire, mode: mode, interviewer: "AB12", on: day)
      }
    }
    let stored = try database.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM contactOutcome") }
    #expect(stored == 0)
    // The table refuses an outcome it does not know, written by hand.
    #expect(throws: DatabaseError.self) {
      try database.writer.write { db in
        try db.execute(
          sql: """
            INSERT INTO contactOutcome (contactKey, questionnaireID, audience, respondentGroup, outcome, mode,
              collectedOn, recordedAt) VALUES ('k', 'q', 'inwoners', 'g', 'verhuisd', 'telefonisch', '2026-01-01', 'x')
            """)
      }
    }
  }
}
