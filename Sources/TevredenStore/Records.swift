import Foundation
import GRDB
import TevredenCore

/// A stored questionnaire definition: the exact text a response was collected with.
struct SnapshotRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "questionnaireSnapshot"
  var id: Int64?
  var questionnaireID: String
  var version: Int
  var audience: String
  var respondentGroup: String
  var groupLabel: String
  var sha256: String
  var definition: String
  var storedAt: String

  enum Columns {
    static let questionnaireID = Column(CodingKeys.questionnaireID)
    static let sha256 = Column(CodingKeys.sha256)
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One import run: which file, when, and what became of its rows.
struct ImportBatchRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "importBatch"
  var id: Int64?
  var source: String
  var sha256: String
  var format: String
  var importedAt: String
  var insertedCount: Int
  var duplicateCount: Int
  var rejectedCount: Int

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A response's metadata and materialised grade.
struct ResponseRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "response"
  var id: Int64?
  var responseKey: String
  var snapshotId: Int64
  var questionnaireID: String
  var questionnaireVersion: Int
  var audience: String
  var respondentGroup: String
  var gemeente: String?
  var mode: String
  var interviewer: String?
  var startedAt: String
  var completedAt: String?
  var collectedOn: String
  var status: String
  var grade: Double?
  var importBatchId: Int64?

  enum Columns {
    static let responseKey = Column(CodingKeys.responseKey)
    static let questionnaireID = Column(CodingKeys.questionnaireID)
    static let snapshotId = Column(CodingKeys.snapshotId)
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

  init(_ response: Response, snapshotId: Int64, grade: Double?, importBatchId: Int64?) {
    self.responseKey = response.id.rawValue
    self.snapshotId = snapshotId
    self.questionnaireID = response.questionnaireID.rawValue
    self.questionnaireVersion = response.questionnaireVersion
    self.audience = response.audience.rawValue
    self.respondentGroup = response.group
    self.gemeente = response.gemeente
    self.mode = response.mode.rawValue
    self.interviewer = response.interviewer
    self.startedAt = Timestamp.format(response.startedAt)
    self.completedAt = response.completedAt.map(Timestamp.format)
    self.collectedOn = response.collectedOn.description
    self.status = response.status.rawValue
    self.grade = grade
    self.importBatchId = importBatchId
  }
}

/// One answer: a canonical value text or a missing code, never both.
struct AnswerRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "answer"
  var responseId: Int64
  var item: String
  var value: String?
  var missingCode: String?

  enum Columns {
    static let responseId = Column(CodingKeys.responseId)
  }

  init(responseId: Int64, item: Question.ID, answer: Answer) {
    self.responseId = responseId
    self.item = item.rawValue
    switch answer {
    case .value(let value):
      self.value = value.canonicalText
      self.missingCode = nil
    case .missing(let code):
      self.value = nil
      self.missingCode = code
    }
  }
}
