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

/// One answer as read back from a response's JSON objects: a canonical value text or a missing code, never both.
struct AnswerRecord {
  var item: String
  var value: String?
  var missingCode: String?
}

/// A response's answers as the response row stores them: a JSON object from item to canonical value text, and
/// one from item to missing code, keys in order so that the same answers are always the same text.
struct StoredAnswers: Equatable, Sendable {
  var values: String
  var missing: String

  /// The answers as stored; `itemsInOrder`, the definition's item ids sorted, saves sorting them per response.
  init(_ answers: [Question.ID: Answer], itemsInOrder: [Question.ID]? = nil) {
    var values: [(String, String)] = []
    var missing: [(String, String)] = []
    values.reserveCapacity(answers.count)
    func add(_ item: Question.ID, _ answer: Answer) {
      switch answer {
      case .value(let value): values.append((item.rawValue, value.canonicalText))
      case .missing(let code): missing.append((item.rawValue, code))
      }
    }
    if let itemsInOrder {
      for item in itemsInOrder {
        if let answer = answers[item] { add(item, answer) }
      }
    }
    // Without the items, or with an answer to an item the list lacks: sorted here.
    let isSorted = itemsInOrder != nil && values.count + missing.count == answers.count
    if !isSorted {
      values.removeAll(keepingCapacity: true)
      missing.removeAll()
      for (item, answer) in answers { add(item, answer) }
      values.sort { $0.0 < $1.0 }
      missing.sort { $0.0 < $1.0 }
    }
    self.values = Self.object(values)
    self.missing = Self.object(missing)
  }

  /// A JSON object of strings, in the order given, written by hand once per stored response: strings need no
  /// more than the escapes below (the tests read the output back through SQLite's JSON functions).
  static func object(_ pairs: [(String, String)]) -> String {
    guard !pairs.isEmpty else { return "{}" }
    var bytes: [UInt8] = [UInt8(ascii: "{")]
    bytes.reserveCapacity(pairs.reduce(2) { $0 + $1.0.utf8.count + $1.1.utf8.count + 6 })
    for (index, pair) in pairs.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      appendString(pair.0, to: &bytes)
      bytes.append(UInt8(ascii: ":"))
      appendString(pair.1, to: &bytes)
    }
    bytes.append(UInt8(ascii: "}"))
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func appendString(_ text: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    // Nearly every value is a code or a number: copied whole when nothing in it needs escaping.
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
      bytes.append(contentsOf: text.utf8)
      bytes.append(UInt8(ascii: "\""))
      return
    }
    let hex = Array("0123456789abcdef".utf8)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), byte]
      case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
      case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
      case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
      case 0..<0x20:
        bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")]
        bytes += [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
