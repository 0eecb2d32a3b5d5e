import GRDB
import TevredenCore

/// The numbers a database stores answers under: each item id has one (table `item`), and a response's `answers`
/// and `missing` objects are keyed by it (`{"3":"7","12":"ja"}`) rather than by the id itself.
///
/// Item ids were two thirds of an answers object's bytes, repeated in every response; keyed by number the row is
/// about half as long, which a scan of the table (every score and report) reads through. The number belongs to the
/// item id, not to a definition's list: an item keeps its number in every version of its questionnaire, so an
/// update that carries a response from one version to the next, and the answers' comparison on re-import, see the
/// same keys. Numbers are handed out by this database, once, and never change; a merge reads a station's answers
/// with the station's numbers and writes them with the region's. The view `responseAnswer` shows the item ids for
/// anyone reading the database without tevreden (README, "Reading the database without tevreden").
public struct ItemCodes: Sendable {
  private var codes: [String: Int64] = [:]
  private var names: [Int64: String] = [:]

  /// Every number the database has handed out.
  static func fetch(_ db: Database) throws -> ItemCodes {
    var codes = ItemCodes()
    for row in try Row.fetchAll(db, sql: "SELECT id, name FROM item") {
      codes.add(name: row["name"], code: row["id"])
    }
    return codes
  }

  /// Hands out numbers to the items that have none yet, in the order given, and returns all of them.
  @discardableResult
  static func ensure(_ items: some Sequence<String>, in db: Database) throws -> ItemCodes {
    var codes = try fetch(db)
    for item in items where codes.codes[item] == nil {
      try db.execute(sql: "INSERT INTO item (name) VALUES (?)", arguments: [item])
      codes.add(name: item, code: db.lastInsertedRowID)
    }
    return codes
  }

  /// Numbers for a definition's items, handed out where needed.
  @discardableResult
  static func ensure(_ questionnaire: Questionnaire, in db: Database) throws -> ItemCodes {
    try ensure(questionnaire.questions.map(\.id.rawValue), in: db)
  }

  /// The largest number handed out, `nil` when none was.
  var largest: Int64? { names.keys.max() }

  mutating func add(name: String, code: Int64) {
    codes[name] = code
    names[code] = name
  }

  /// The key an item's answer is stored under, `nil` when the item has no number in this database.
  func key(_ item: String) -> String? { codes[item].map(String.init) }
  func key(_ item: Question.ID) -> String? { key(item.rawValue) }

  /// The item id stored under a key, `nil` when the key is no number this database handed out.
  func item(forKey key: String) -> String? {
    guard let code = Int64(key), String(code) == key else { return nil }
    return names[code]
  }

  /// The item id stored under a key given as UTF-8 bytes.
  func item(forKey key: UnsafeBufferPointer<UInt8>) -> String? {
    guard !key.isEmpty, key.count <= 18, key[0] != UInt8(ascii: "0") || key.count == 1 else { return nil }
    var code: Int64 = 0
    for byte in key {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      code = code * 10 + Int64(byte - UInt8(ascii: "0"))
    }
    return names[code]
  }

  /// A definition's items with their keys, in the order of their numbers (the order answers are written in);
  /// `nil` when one of them has no number yet.
  func keys(of questionnaire: Questionnaire) -> [(item: Question.ID, key: String)]? {
    var keyed: [(item: Question.ID, code: Int64)] = []
    keyed.reserveCapacity(questionnaire.questions.count)
    for question in questionnaire.questions {
      guard let code = codes[question.id.rawValue] else { return nil }
      keyed.append((question.id, code))
    }
    return keyed.sorted { $0.code < $1.code }.map { ($0.item, String($0.code)) }
  }

  /// The number of an item id, `nil` when it has none.
  func code(_ item: String) -> Int64? { codes[item] }

  /// An answers object keyed by item id (or anything else) keyed by number instead, members in the order of the
  /// numbers (as ``StoredAnswers`` writes them); `number` gives a key's number. `nil` when `text` is not a JSON
  /// object of strings or `number` gives none for a key. A key given twice keeps its last value, as reading an
  /// object does.
  static func rekeyed(_ text: String, number: (String) -> Int64?) -> String? {
    if text == "{}" { return text }
    guard let members = JSONStringObjectReader.members(text) else { return nil }
    var numbered: [(code: Int64, value: String)] = []
    numbered.reserveCapacity(members.count)
    var seen: [Int64: Int] = [:]
    for (key, value) in members {
      guard let code = number(key) else { return nil }
      if let index = seen[code] {
        numbered[index].value = value
      } else {
        seen[code] = numbered.count
        numbered.append((code, value))
      }
    }
    return StoredAnswers.object(numbered.sorted { $0.code < $1.code }.map { (String($0.code), $0.value) })
  }

  /// The JSON path of an item's answer in this database (`$."12"`), `nil` when the item has no number.
  func path(_ item: Question.ID) -> String? { key(item).map { "$.\"\($0)\"" } }

  /// The JSON path of an item's answer, looked up in the database: for the statements that change one answer.
  static func path(_ item: Question.ID, in db: Database) throws -> String? {
    try Int64.fetchOne(
      db.cachedStatement(sql: "SELECT id FROM item WHERE name = ?"), arguments: [item.rawValue]
    ).map { "$.\"\($0)\"" }
  }
}
