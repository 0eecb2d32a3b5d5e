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
  /// Responses stored as partial before that the batch brought further (see ``ImportDisposition/updated``).
  var updatedCount = 0
  var undoneAt: String?
  /// `running` while its import is stored step by step (its responses not yet counted), then `committed`.
  var state = committed
  /// The process running the import and its start time (see ``ImportProcess``); cleared when committed.
  var processId: Int64?
  var processStartedAt: String?
  /// The largest response id before the import began: its responses all come after it.
  var responsesAfter: Int64?

  static let running = "running"
  static let committed = "committed"

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A response's metadata and materialised grade: its row of the response table. Which questionnaire, version,
/// audience and group it belongs to is its definition's (`snapshotId`), stored once there (schema v17 on).
struct ResponseRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "response"
  var id: Int64?
  var responseKey: String
  /// ``ResponseKeyHash`` of `responseKey`: the column the unique index is on.
  var keyHash: Int64
  var snapshotId: Int64
  var gemeente: String?
  var mode: String
  var interviewer: String?
  var startedAt: String
  var completedAt: String?
  var collectedOn: String
  var status: String
  var grade: Double?
  var importBatchId: Int64?
  /// The ISO 639-1 code of the language the respondent answered in (schema v15; `nl` for every older response).
  var language: String
  /// Whether an interpreter took part (schema v15).
  var interpreter: Bool

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

  init(_ response: borrowing Response, snapshotId: Int64, grade: Double?, importBatchId: Int64?) {
    self.language = response.language.rawValue
    self.interpreter = response.isInterpreterAssisted
    self.responseKey = response.id.rawValue
    self.keyHash = ResponseKeyHash.of(response.id.rawValue)
    self.snapshotId = snapshotId
    self.gemeente = response.gemeente
    self.mode = response.mode.rawValue
    self.interviewer = response.interviewer
    let startedAt = Timestamp.format(response.startedAt)
    self.startedAt = startedAt
    // Most platforms give one time, which is both: formatted once, the text shared.
    self.completedAt = response.completedAt.map { $0 == response.startedAt ? startedAt : Timestamp.format($0) }
    self.collectedOn = response.collectedOn.description
    self.status = response.status.rawValue
    self.grade = grade
    self.importBatchId = importBatchId
  }
}

/// The 64-bit key a response id is stored and found under: the first eight bytes of the SHA-256 of its UTF-8
/// text, big-endian, as a signed integer.
///
/// The unique index is on this number rather than on the id's text. Row-hash ids arrive in random order, and an
/// index of ~40-byte texts outgrew the page cache of an import near a million responses, so that each insert
/// wrote index pages out and read them back; an index of integers is a third of that size (measured with SQLite
/// on 1,000,000 responses: 10.3 s with the index on the texts, 7.1 s on these numbers). Two different ids with
/// the same number (for a million stored responses a chance of about 3 in 100 million that any two share one)
/// cannot both be stored: the second is refused with a message, never taken for the first.
enum ResponseKeyHash {
  static func of(_ key: String) -> Int64 {
    var hasher = SHA256.Hasher()
    hasher.update(utf8: key)
    // Read from the digest on the stack: an array per response looked up its generic metadata every time.
    return hasher.withDigest { digest in
      var value: UInt64 = 0
      for byte in digest.prefix(8) { value = value << 8 | UInt64(byte) }
      return Int64(bitPattern: value)
    }
  }
}

/// One answer as read back from a response's JSON objects: a canonical value text or a missing code, never both.
struct AnswerRecord {
  var item: String
  var value: String?
  var missingCode: String?
}

/// A response's answers as the response row stores them: a JSON object from item number (``ItemCodes``) to
/// canonical value text, and one from item number to missing code, members in the order of the numbers, so that
/// the same answers are always the same text.
struct StoredAnswers: Equatable, Sendable {
  var values: String
  var missing: String
  /// The kinds of identifiers masked in the open answers on their way in, for the import's report.
  var masked: [PersonalDataKind] = []

  /// The answers as stored, with `keys` (``ItemCodes/keys(of:)``, the definition's items in the order of their
  /// numbers) worked out once per definition; `nil` when an answer is to an item `keys` lacks.
  init?(_ answers: [Question.ID: Answer], keys: [(item: Question.ID, key: String)]) {
    let written = Self.write(answers, keys: keys)
    guard written.count == answers.count else { return nil }
    self = written.answers
  }

  /// The answers keyed by their item ids, in the order of the ids: for an answer to an item without a number, which
  /// storing then refuses (``PreparedResponse``), and as databases before schema v13 held them.
  static func keyedByItemID(_ answers: [Question.ID: Answer]) -> StoredAnswers {
    write(answers, keys: answers.keys.map { ($0, $0.rawValue) }.sorted { $0.key < $1.key }).answers
  }

  /// The answers as stored under this database's numbers; throws when an item has none (every item of a stored
  /// definition has one, see ``ItemCodes/ensure(_:in:)-(Questionnaire,_)``).
  init(_ answers: [Question.ID: Answer], codes: ItemCodes) throws {
    var keys: [(item: Question.ID, key: String, code: Int64)] = []
    for item in answers.keys {
      guard let key = codes.key(item), let code = Int64(key) else {
        throw StoreError.corruptRow("an answer to item '\(item.rawValue)', which this database has no number for")
      }
      keys.append((item, key, code))
    }
    keys.sort { $0.code < $1.code }
    self = Self.write(answers, keys: keys.map { ($0.item, $0.key) }).answers
  }

  /// The answers to the items `keys` has, in its order, and how many those were.
  private static func write(_ answers: [Question.ID: Answer], keys: [(item: Question.ID, key: String)])
    -> (answers: StoredAnswers, count: Int)
  {
    var values = JSONObjectWriter()
    var missing = JSONObjectWriter()
    var written = 0
    for (item, key) in keys {
      guard let answer = answers[item] else { continue }
      switch answer {
      case .value(let value): values.add(key, value)
      case .missing(let code): missing.add(key, code)
      }
      written += 1
    }
    var stored = StoredAnswers(values: values.text, missing: missing.text)
    stored.masked = values.masked
    return (stored, written)
  }

  /// The two objects' texts as a response row holds them (a row copied from another database keeps its own order).
  init(values: String, missing: String) {
    self.values = values
    self.missing = missing
  }

  /// A JSON object of strings, in the order given (the tests read the output back through SQLite's JSON
  /// functions).
  static func object(_ pairs: [(String, String)]) -> String {
    var writer = JSONObjectWriter()
    for (key, value) in pairs { writer.add(key, value) }
    return writer.text
  }
}

/// A JSON object of strings written by hand, member by member, once per stored response: strings need no more
/// than the escapes below, and values are written straight from the answer, without a string per value.
struct JSONObjectWriter {
  private var bytes: [UInt8] = []
  /// What ``add(_:_:)-(_,AnswerValue)`` masked in open answers.
  private(set) var masked: [PersonalDataKind] = []

  /// The object's text: `{}` when nothing was added.
  var text: String {
    guard !bytes.isEmpty else { return "{}" }
    return String(unsafeUninitializedCapacity: bytes.count + 1) { buffer in
      let (_, end) = buffer.initialize(from: bytes)
      buffer[end] = UInt8(ascii: "}")
      return end + 1
    }
  }

  mutating func add(_ key: String, _ value: String) {
    begin(key)
    append(value)
  }

  /// Adds an answer's canonical text (``AnswerValue/canonicalText``), writing numbers and yes/no directly.
  mutating func add(_ key: String, _ value: AnswerValue) {
    begin(key)
    appendValue(value)
  }

  /// A member's key as written, with its colon: made once per key, so that a response's answers copy it whole
  /// rather than escaping each key again (7% of the instructions of writing them, measured with callgrind).
  static func memberStart(_ key: String) -> [UInt8] {
    var writer = JSONObjectWriter()
    writer.append(key)
    writer.bytes.append(UInt8(ascii: ":"))
    return writer.bytes
  }

  private mutating func appendValue(_ value: AnswerValue) {
    switch value {
    case .yesNo(let yes): bytes.append(contentsOf: yes ? Self.quotedYes : Self.quotedNo)
    case .scalePoint(let number), .number(let number):
      bytes.append(UInt8(ascii: "\""))
      appendDigits(of: number)
      bytes.append(UInt8(ascii: "\""))
    case .grade, .choices: append(value.canonicalText)
    // Every open answer is masked on its way into the database, whatever path brought it (an interview, an import
    // of any format, a merge); text masked before comes through unchanged.
    case .text(let text):
      let result = IdentifierMasking.standard.mask(text)
      masked += result.masked
      append(result.text)
    }
  }

  private static let quotedYes = Array("\"\(CanonicalSpelling.yes)\"".utf8)
  private static let quotedNo = Array("\"\(CanonicalSpelling.no)\"".utf8)

  private mutating func begin(_ key: String) {
    separate()
    append(key)
    bytes.append(UInt8(ascii: ":"))
  }

  /// The object's opening brace before its first member, a comma before any other.
  private mutating func separate() {
    if bytes.isEmpty {
      bytes.reserveCapacity(256)
      bytes.append(UInt8(ascii: "{"))
    } else {
      bytes.append(UInt8(ascii: ","))
    }
  }

  /// `String(number)`'s digits.
  private mutating func appendDigits(of number: Int) {
    if number < 0 { bytes.append(UInt8(ascii: "-")) }
    var rest = number.magnitude
    let start = bytes.count
    repeat {
      bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
      rest /= 10
    } while rest > 0
    bytes[start...].reverse()
  }

  /// A JSON string: nearly every value is a code or a number, copied whole when nothing in it needs escaping.
  private mutating func append(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    let copied =
      text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
        for byte in utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
          return false
        }
        bytes.append(contentsOf: utf8)
        return true
      } ?? false
    if !copied {
      for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), byte]
        case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
        case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
        case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
        case 0..<0x20:
          bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")]
          bytes += [Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0xF)]]
        default: bytes.append(byte)
        }
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)
}
