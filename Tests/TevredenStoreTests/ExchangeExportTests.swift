import Foundation
import GRDB
import Testing

@testable import TevredenCore
@testable import TevredenStore

/// A questionnaire with an item of every kind, for the export tests.
let exportQuestionnaireYAML = """
  id: export-test
  version: 1
  audience: inwoners
  group: melding
  group_label: Melding
  title: "Export"
  missing_codes:
    - { code: weet_niet, label: Weet ik niet }
    - { code: nvt, label: Niet van toepassing }
  scales:
    - id: vijf
      points:
        - { value: 1, label: Slecht }
        - { value: 2, label: Matig }
        - { value: 3, label: Neutraal }
        - { value: 4, label: Goed }
        - { value: 5, label: Heel goed }
      missing: [weet_niet, nvt]
  questions:
    - id: toestemming
      type: consent
      text: "Wilt u meedoen?"
    - id: rol
      type: single_choice
      text: "Wie bent u?"
      choices:
        - { code: anders, label: "Melder" }
        - { code: melder, label: "Ik heb gemeld" }
        - { code: betrokkene, label: "Het ging over mij" }
    - id: hulp
      type: multiple_choice
      required: false
      text: "Welke hulp?"
      choices:
        - { code: gesprek, label: Gesprek }
        - { code: advies, label: Advies }
        - { code: verwijzing, label: Verwijzing }
    - id: kinderen
      type: yes_no
      text: "Kinderen?"
    - id: aantal
      type: number
      min: 0
      max: 20
      required: false
      text: "Hoeveel?"
    - id: bereik
      type: scale
      scale: vijf
      text: "Bereikbaarheid?"
    - id: cijfer
      type: grade
      text: "Welk cijfer?"
    - id: opmerking
      type: text
      required: false
      text: "Opmerking?"
  score:
    grade: cijfer

  """

/// One of `choices`, chosen by `random`.
func pick<Element>(_ choices: [Element], _ random: inout SeededGenerator) -> Element {
  choices[Int.random(in: 0..<choices.count, using: &random)]
}

@Suite struct JSONStringObjectReaderTests {
  /// Pieces of keys and values: escapes' subjects, controls, non-ASCII, emoji, quotes.
  static let pieces: [String] = [
    "a", "b", "opmerking", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{8}", "\u{C}", "\u{1F}",
    "\u{7F}", "é", "ß", "€", "😀", "👩‍👧", "\u{2028}", "\u{FFFD}", "ja", ";", "{", "}", ":", ",", "[]",
  ]

  static func randomText(_ random: inout SeededGenerator) -> String {
    (0..<Int.random(in: 0...6, using: &random)).map { _ in pick(pieces, &random) }.joined()
  }

  /// A JSON string for `text`, each scalar written raw or escaped in one of the ways JSON allows.
  static func encode(_ text: String, _ random: inout SeededGenerator) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      let escapeAnyway = Bool.random(using: &random) && Bool.random(using: &random)
      func hex(_ unit: UInt32) -> String {
        let digits = String(unit, radix: 16, uppercase: Bool.random(using: &random))
        return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
      }
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += escapeAnyway ? hex(0x0A) : "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{8}": out += "\\b"
      case "\u{C}": out += "\\f"
      case "/": out += escapeAnyway ? "\\/" : "/"
      case _ where scalar.value < 0x20: out += hex(scalar.value)
      case _ where escapeAnyway:
        for unit in String(scalar).utf16 { out += hex(UInt32(unit)) }
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  static func space(_ random: inout SeededGenerator) -> String {
    (0..<Int.random(in: 0...2, using: &random)).map { _ in pick([" ", "\t", "\n", "\r"], &random) }
      .joined()
  }

  static func foundation(_ text: String) -> [String: String]? {
    try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
  }

  @Test func agreesWithJSONSerializationOnSeededRandomObjects() {
    var random = SeededGenerator(seed: 20_261_203)
    for _ in 0..<3000 {
      var text = Bool.random(using: &random) && Bool.random(using: &random) ? "\u{FEFF}" : ""
      text += Self.space(&random) + "{" + Self.space(&random)
      let count = Int.random(in: 0...6, using: &random)
      for index in 0..<count {
        // Few distinct keys, so that a key given twice comes up.
        let key =
          Bool.random(using: &random) ? pick(["a", "b", "k\"", ""], &random) : Self.randomText(&random)
        text += Self.encode(key, &random) + Self.space(&random) + ":" + Self.space(&random)
        text += Self.encode(Self.randomText(&random), &random) + Self.space(&random)
        if index < count - 1 || Int.random(in: 0..<8, using: &random) == 0 { text += "," + Self.space(&random) }
      }
      text += "}" + Self.space(&random)
      let expected = Self.foundation(text)
      #expect(expected != nil, "\(text.debugDescription)")
      #expect(JSONStringObjectReader.dictionary(text) == expected, "\(text.debugDescription)")
      // Every prefix and a byte of garbage after it: read exactly when JSONSerialization reads it.
      let utf8 = Array(text.utf8)
      let cut = Int.random(in: 0..<utf8.count, using: &random)
      let prefix = String(decoding: utf8[..<cut], as: UTF8.self)
      #expect(JSONStringObjectReader.dictionary(prefix) == Self.foundation(prefix), "\(prefix.debugDescription)")
      let garbage = text + pick(["x", "}", "\"", ",", "{}", "\u{0}"], &random)
      #expect(JSONStringObjectReader.dictionary(garbage) == nil, "\(garbage.debugDescription)")
      #expect(Self.foundation(garbage) == nil, "\(garbage.debugDescription)")
    }
  }

  @Test func refusesWhatIsNotAnObjectOfStrings() {
    let malformed = [
      "", " ", "{", "}", "[]", #"["a"]"#, #""a""#, "null", #"{"a"}"#, #"{"a":}"#, #"{"a":1}"#, #"{"a":null}"#,
      #"{"a":true}"#, #"{"a":{}}"#, #"{"a":["b"]}"#, #"{"a":"b""#, #"{"a":"b"} x"#, #"{"a":"b"}{}"#, #"{,}"#,
      #"{"a":"b",,}"#, #"{"a":"b" "c":"d"}"#, #"{a:"b"}"#, #"{'a':'b'}"#, #"{"a":"\x"}"#, #"{"a":"\u12"}"#,
      #"{"a":"\uZZZZ"}"#, #"{"a":"\U0041"}"#, "{\"a\":\"x\ty\"}", "{\"a\":\"x\u{1}y\"}", "{\"a\":\"b\"}\u{0}",
      // Lone and reversed surrogates: refused, as JSONSerialization refuses them.
      #"{"a":"\ud800"}"#, #"{"a":"\udc00x"}"#, #"{"a":"\ud800\u0041"}"#, #"{"a":"\ude00\ud83d"}"#,
      #"{"a":"\ud800\udbff"}"#, #"{"a":"\ud83d"#, "\u{FEFF}\u{FEFF}{}", " \u{FEFF}{}", "{\u{A0}\"a\":\"b\"}",
    ]
    for text in malformed {
      #expect(JSONStringObjectReader.dictionary(text) == nil, "\(text.debugDescription)")
      #expect(Self.foundation(text) == nil, "\(text.debugDescription)")
    }
    #expect(JSONStringObjectReader.dictionary(#"{"a":"\ud83d\ude00","b":"\uD83D\uDE00"}"#) == ["a": "😀", "b": "😀"])
    #expect(JSONStringObjectReader.dictionary(#"{"a":"1","a":"2"}"#) == ["a": "2"])
    // A U+FEFF written as it is at the start of a string or right after an escape is kept, where JSONSerialization
    // drops it (and keeps it escaped, or after another character): what tevreden wrote is what is read.
    let bom = "{\"a\":\"\u{FEFF}x\",\"b\":\"\\n\u{FEFF}y\u{FEFF}\"}"
    #expect(JSONStringObjectReader.dictionary(bom) == ["a": "\u{FEFF}x", "b": "\n\u{FEFF}y\u{FEFF}"])
    #expect(Self.foundation(bom) == ["a": "x", "b": "\ny\u{FEFF}"])
    #expect(JSONStringObjectReader.dictionary(#"{"a":"b",}"#) == ["a": "b"])
  }

  @Test func aStoredObjectThatIsNotOneGivesTheCorruptRowError() throws {
    let queue = try DatabaseQueue()
    let database = try TevredenDatabase(queue)
    let definition = try storeQuestionnaire()
    try database.save(
      try makeResponse("a", grade: .value(.grade(6)), questionnaire: definition.questionnaire),
      collectedWith: definition)
    for broken in [#"{"cijfer":"6""#, #"{"cijfer":6}"#, #"{"cijfer":"\ud800"}"#, #"{"cijfer":"6"} x"#] {
      try queue.write { db in
        try db.execute(sql: "UPDATE response SET answers = ?", arguments: [try numberingItems(broken, in: db)])
      }
      #expect {
        try database.response("a")
      } throws: { error in
        guard case StoreError.corruptRow(let detail) = error else { return false }
        return detail == "response a: its answers are not a JSON object of texts"
      }
      #expect(throws: StoreError.self) {
        try database.writeExchangeLines(of: "store-test", in: nil, items: ["cijfer"]) { _ in }
      }
    }
  }
}

@Suite struct ExchangeExportTests {
  /// The lines as `ExchangeCSV.line` writes them for each response `forEachResponse` reads: the export as it was
  /// written before the export read rows straight from their bytes.
  static func slowLines(_ database: TevredenDatabase, _ questionnaire: Questionnaire.ID, items: [Question.ID])
    throws -> String
  {
    var text = ""
    try database.forEachResponse(of: questionnaire, in: nil) { text += ExchangeCSV.line(for: $0, items: items) }
    return text
  }

  static func fastLines(_ database: TevredenDatabase, _ questionnaire: Questionnaire.ID, items: [Question.ID])
    throws -> [UInt8]
  {
    var bytes: [UInt8] = []
    try database.writeExchangeLines(of: questionnaire, in: nil, items: items) { bytes.append(contentsOf: $0) }
    return bytes
  }

  static let hostileTexts = [
    "Goed geholpen.", "Zei: \"bel me\"", "a,b", " leading", "trailing ", "two\nlines", "cr\rlf\r\n", "\"",
    "\"\u{301}quote with a combining mark", "e\u{301}\"", "\u{600}\"prepended", "😀 emoji, 👩‍👧", "nul\u{0}byte",
    "bel 06-12345678", "mail jan@example.nl", "Jan de Vries, Dorpsstraat 1, 1234 AB Hoorn", "tab\there", "\\",
    "=SUM(A1)", "\u{FEFF}bom", "\u{2028}", "ÿ", "€;€", "[naam]",
    // Texts the spreadsheet guard changes, or must leave alone.
    "=HYPERLINK(\"http://x\",\"klik\")", "-", "- slecht", "+1 voor de hulp", "@naam", "\tinspringen", "\rcr", "'",
    "''", "'=x", "''-x", "'s avonds", "'\u{301}=x",
  ]

  @Test func exportsTheSameBytesAsTheResponsesReadOneByOneForHostileAndHandChangedRows() throws {
    let queue = try DatabaseQueue()
    let database = try TevredenDatabase(queue)
    let (loaded, diagnostics) = QuestionnaireLoader.parse(exportQuestionnaireYAML, file: "export-test.yaml")
    #expect(diagnostics == [])
    let definition = try #require(loaded)
    let questionnaire = definition.questionnaire
    var random = SeededGenerator(seed: 20_261_204)
    let start = try #require(Timestamp.parse("2026-03-10T10:00:00Z"))
    for number in 0..<300 {
      var answers: [Question.ID: Answer] = ["toestemming": .value(.yesNo(true))]
      func maybe(_ item: Question.ID, _ answer: @autoclosure () -> Answer) {
        switch Int.random(in: 0..<5, using: &random) {
        case 0: break
        case 1: answers[item] = .missing(pick(["weet_niet", "nvt"], &random))
        default: answers[item] = answer()
        }
      }
      maybe("rol", .value(.choices([pick(["melder", "betrokkene", "anders"], &random)])))
      maybe("hulp", .value(.choices(["gesprek", "advies", "verwijzing"].filter { _ in Bool.random(using: &random) })))
      maybe("kinderen", .value(.yesNo(Bool.random(using: &random))))
      maybe("aantal", .value(.number(Int.random(in: 0...20, using: &random))))
      maybe("bereik", .value(.scalePoint(Int.random(in: 1...5, using: &random))))
      maybe("cijfer", .value(.grade(Double(Int.random(in: 10...100, using: &random)) / 10)))
      maybe("opmerking", .value(.text(pick(Self.hostileTexts, &random))))
      if case .value(.choices([]))? = answers["hulp"] { answers["hulp"] = nil }
      let response = Response(
        id: Response.ID(rawValue: number % 7 == 0 ? "r-\(number) \"x\",é" : "r-\(number)"),
        questionnaire: questionnaire,
        gemeente: number % 3 == 0 ? nil : pick(["Hoorn", "Den Helder", "Ét,\"x\""], &random),
        mode: .online, interviewer: number % 4 == 0 ? "int-\(number)" : nil,
        startedAt: start.addingTimeInterval(Double(number * 3607)),
        completedAt: number % 5 == 0 ? nil : start.addingTimeInterval(Double(number * 3607 + 600)),
        status: number % 5 == 0 ? .partial : .completed, answers: answers)
      try database.save(response, collectedWith: definition)
    }
    // Rows as tevreden writes them are written from their bytes: all but the first, which teaches the definition.
    // Those whose `rol` is `melder`, a code that another choice has as its label ("Melder"), are among them: stored
    // text reads a code as itself (the reader before it read `melder` back as `anders`).
    let items = ExchangeCSV.itemColumns(for: [questionnaire])
    #expect(try database.writeExchangeLines(of: "export-test", in: nil, items: items) { _ in } == 1)
    #expect(
      try Self.fastLines(database, "export-test", items: items)
        == Array(Self.slowLines(database, "export-test", items: items).utf8))
    // Rows changed by hand, by SQLite's JSON functions, or written by an older tevreden: every one must give the
    // line the slow way gives. (Answers changed into text that is not stored text fail both ways alike: see
    // `answersThatAreNotStoredTextFailTheExportAsTheyFailReadingTheResponse`.)
    let changes: [(String, [any DatabaseValueConvertible])] = [
      ("UPDATE response SET answers = json_set(answers, '$.opmerking', ?) WHERE id % 11 = 1", ["json \"set\" é 😀\n"]),
      ("UPDATE response SET answers = json_set(answers, '$.opmerking', ?) WHERE id % 11 = 2", ["06-12345678 unmasked"]),
      ("UPDATE response SET answers = json_set(answers, '$.kinderen', ?) WHERE id % 13 = 3", ["ja"]),
      ("UPDATE response SET answers = json_set(answers, '$.kinderen', ?) WHERE id % 13 = 4", ["nee"]),
      ("UPDATE response SET answers = json_set(answers, '$.aantal', ?) WHERE id % 13 = 5", ["0"]),
      ("UPDATE response SET answers = json_set(answers, '$.aantal', ?) WHERE id % 13 = 6", ["20"]),
      ("UPDATE response SET answers = json_set(answers, '$.bereik', ?) WHERE id % 13 = 7", ["4"]),
      ("UPDATE response SET answers = json_set(answers, '$.cijfer', ?) WHERE id % 13 = 8", ["7.5"]),
      ("UPDATE response SET answers = json_set(answers, '$.cijfer', ?) WHERE id % 13 = 9", ["10"]),
      ("UPDATE response SET answers = json_set(answers, '$.hulp', ?) WHERE id % 13 = 10", ["gesprek;verwijzing"]),
      ("UPDATE response SET answers = json_set(answers, '$.hulp', ?) WHERE id % 13 = 11", ["advies"]),
      ("UPDATE response SET answers = json_set(answers, '$.rol', ?) WHERE id % 13 = 12", ["melder"]),
      ("UPDATE response SET answers = json_set(answers, '$.rol', ?) WHERE id % 17 = 1", ["anders"]),
      ("UPDATE response SET answers = json_remove(answers, '$.cijfer') WHERE id % 17 = 2", []),
      ("UPDATE response SET missing = json_set(missing, '$.cijfer', ?) WHERE id % 17 = 3", ["nvt"]),
      ("UPDATE response SET missing = json_set(missing, '$.opmerking', ?) WHERE id % 17 = 4", ["é,\"x\""]),
      (
        "UPDATE response SET answers = ? WHERE id % 19 = 1",
        ["\u{FEFF} {\"opmerking\" : \"\\u0041\\/\\ud83d\\ude00\",}\n"]
      ),
      ("UPDATE response SET answers = ? WHERE id % 19 = 2", [#"{"opmerking":"een","opmerking":"twee","cijfer":"8"}"#]),
      (
        "UPDATE response SET answers = CAST(? AS TEXT) WHERE id % 19 = 3",
        [
          // `{"opmerking":"` (numbered below), two bytes of a three-byte UTF-8 sequence, `"}`.
          Data([
            0x7B, 0x22, 0x6F, 0x70, 0x6D, 0x65, 0x72, 0x6B, 0x69, 0x6E, 0x67, 0x22, 0x3A, 0x22, 0xE2, 0x82, 0x22, 0x7D,
          ])
        ]
      ),
      ("UPDATE response SET answers = ? WHERE id % 19 = 4", ["{\"opmerking\":\"a\"}\u{0}garbage"]),
      ("UPDATE response SET startedAt = ? WHERE id % 23 = 1", ["2026-03-10T11:00:00+01:00"]),
      ("UPDATE response SET completedAt = ? WHERE id % 23 = 2", ["2026-03-10T11:00:00.5Z"]),
      ("UPDATE response SET completedAt = ? WHERE id % 23 = 3", ["not a time"]),
      ("UPDATE response SET gemeente = CAST(? AS TEXT) WHERE id % 23 = 4", [Data([0x48, 0xFF, 0x6F, 0x2C])]),
      ("UPDATE response SET interviewer = ? WHERE id % 23 = 5", ["a\u{0}b"]),
      // Cells the spreadsheet guard decides on: a missing code and metadata from outside that start a formula.
      ("UPDATE response SET missing = json_set(missing, '$.rol', ?) WHERE id % 29 = 1", ["-9"]),
      ("UPDATE response SET missing = json_set(missing, '$.aantal', ?) WHERE id % 29 = 2", ["-9"]),
      ("UPDATE response SET responseKey = ? WHERE id = 29", ["=1+1"]),
      ("UPDATE response SET responseKey = ? WHERE id = 58", ["-58"]),
      ("UPDATE response SET interviewer = ? WHERE id % 29 = 4", ["-st1"]),
      ("UPDATE response SET gemeente = ? WHERE id % 29 = 5", ["@gemeente"]),
      ("UPDATE response SET gemeente = ? WHERE id % 29 = 6", ["'s-Hertogenbosch"]),
    ]
    try queue.write { db in
      let opmerking = Data(try numberingItems(#""opmerking""#, in: db).utf8)
      for (sql, arguments) in changes {
        // Item ids in the SQL and in the objects given as arguments become the item numbers answers are keyed by.
        let numbered = try arguments.map { argument -> any DatabaseValueConvertible in
          if let text = argument as? String, text.contains("{") { return try numberingItems(text, in: db) }
          if let data = argument as? Data { return Data(data.prefix(1)) + opmerking + data.dropFirst(12) }
          return argument
        }
        try db.execute(sql: try numberingItems(sql, in: db), arguments: StatementArguments(numbered))
      }
    }
    let expected = try Self.slowLines(database, "export-test", items: items)
    let actual = try Self.fastLines(database, "export-test", items: items)
    #expect(String(decoding: actual, as: UTF8.self) == expected)
    #expect(actual == Array(expected.utf8))
    // Without some columns, and with a column no definition has: the answers to the items left out are not written.
    let fewer: [Question.ID] = ["opmerking", "onbekend", "cijfer"]
    #expect(
      try Self.fastLines(database, "export-test", items: fewer)
        == Array(Self.slowLines(database, "export-test", items: fewer).utf8))
  }

  /// Stored text is canonical only: an answer changed by hand into another spelling (a label, a decimal comma,
  /// other case, codes out of order) is refused by the export from bytes exactly as reading the response refuses
  /// it, naming the spelling tevreden stores.
  @Test func answersThatAreNotStoredTextFailTheExportAsTheyFailReadingTheResponse() throws {
    let queue = try DatabaseQueue()
    let database = try TevredenDatabase(queue)
    let definition = try #require(QuestionnaireLoader.parse(exportQuestionnaireYAML, file: "export-test.yaml").0)
    let start = try #require(Timestamp.parse("2026-03-10T10:00:00Z"))
    for id in ["a", "b"] {
      try database.save(
        Response(
          id: Response.ID(rawValue: id), questionnaire: definition.questionnaire, gemeente: nil, mode: .online,
          interviewer: nil, startedAt: start, completedAt: nil, status: .partial,
          answers: ["toestemming": .value(.yesNo(true))]),
        collectedWith: definition)
    }
    let changes: [(item: String, stored: String, message: String)] = [
      ("kinderen", "JA", #""JA" is not stored text; tevreden stores it as "ja""#),
      ("kinderen", "Nee", #""Nee" is not stored text; tevreden stores it as "nee""#),
      ("kinderen", "2", #""2" is not ja or nee"#),
      ("aantal", "07", #""07" is not stored text; tevreden stores it as "7""#),
      ("aantal", "+7", #""+7" is not stored text; tevreden stores it as "7""#),
      ("bereik", "goed", #""goed" is not stored text; tevreden stores it as "4""#),
      ("bereik", "4,0", #""4,0" is not stored text; tevreden stores it as "4""#),
      ("cijfer", "7,5", #""7,5" is not stored text; tevreden stores it as "7.5""#),
      ("cijfer", "7.0", #""7.0" is not stored text; tevreden stores it as "7""#),
      (
        "hulp", "verwijzing;gesprek",
        #""verwijzing;gesprek" is not stored text; tevreden stores it as "gesprek;verwijzing""#
      ),
      ("hulp", "advies; gesprek;", #""advies; gesprek;" is not stored text; tevreden stores it as "gesprek;advies""#),
      ("rol", "ik heb gemeld", #""ik heb gemeld" is not stored text; tevreden stores it as "melder""#),
      ("rol", "fax", #""fax" is not the code of a choice (anders, melder, betrokkene)"#),
    ]
    for change in changes {
      try queue.write { db in
        try db.execute(
          sql: try numberingItems(
            "UPDATE response SET answers = json_set(answers, '$.\(change.item)', ?) WHERE responseKey = 'b'", in: db),
          arguments: [change.stored])
      }
      let message = "response b, item \(change.item): \(change.message)"
      #expect {
        try database.forEachResponse(of: "export-test", in: nil) { _ in }
      } throws: { error in
        guard case StoreError.corruptRow(let detail) = error else { return false }
        return detail == message
      }
      #expect {
        try database.writeExchangeLines(
          of: "export-test", in: nil, items: ExchangeCSV.itemColumns(for: [definition.questionnaire])
        ) { _ in }
      } throws: { error in
        guard case StoreError.corruptRow(let detail) = error else { return false }
        return detail == message
      }
      try queue.write { db in
        try db.execute(
          sql: try numberingItems(
            "UPDATE response SET answers = json_remove(answers, '$.\(change.item)') WHERE responseKey = 'b'", in: db))
      }
    }
  }

  @Test func aCorruptRowFailsTheExportAsItFailedReadingTheResponse() throws {
    let queue = try DatabaseQueue()
    let database = try TevredenDatabase(queue)
    let definition = try storeQuestionnaire()
    for id in ["a", "b"] {
      try database.save(
        try makeResponse(id, grade: .value(.grade(6)), questionnaire: definition.questionnaire),
        collectedWith: definition)
    }
    for (sql, message) in [
      (
        #"UPDATE response SET answers = '{"onbekend":"1"}' WHERE responseKey = 'b'"#,
        "response b: its answers hold key 'onbekend', which is not an item number of this database"
      ),
      (
        // The number of an item the response's definition lacks.
        #"UPDATE response SET answers = '{"andere_vraag":"1"}' WHERE responseKey = 'b'"#,
        "answer to unknown item 'andere_vraag' in response b"
      ),
      (
        #"UPDATE response SET answers = '{"cijfer":"elf"}' WHERE responseKey = 'b'"#,
        "response b, item cijfer: \"elf\" is not a grade from 1 to 10 (at most one decimal)"
      ),
      ("UPDATE response SET mode = 'post' WHERE responseKey = 'b'", "response b has invalid metadata"),
    ] {
      let saved = try queue.read { db in try Row.fetchOne(db, sql: "SELECT * FROM response WHERE responseKey = 'b'") }
      try queue.write { db in
        try ItemCodes.ensure(["andere_vraag"], in: db)
        try db.execute(sql: try numberingItems(sql, in: db))
      }
      #expect {
        try database.writeExchangeLines(of: "store-test", in: nil, items: ["cijfer"]) { _ in }
      } throws: { error in
        guard case StoreError.corruptRow(let detail) = error else { return false }
        return detail == message
      }
      try queue.write { db in
        try db.execute(
          sql: "UPDATE response SET answers = ?, mode = ? WHERE responseKey = 'b'",
          arguments: [saved?["answers"] as String?, saved?["mode"] as String?])
      }
    }
  }
}
