import Foundation
import Testing
import TevredenCore

@testable import TevredenStore

/// An import writes answers held by position through ``AnswerWriter``, every other path through
/// ``JSONObjectWriter`` keyed by item: both must give the same bytes, or re-importing a response would find it
/// changed, and `hasSameContent` would tell a stored response from the same one imported again.
@Suite struct AnswerWriterTests {
  /// Keys that need escaping, values of every kind, the grades' edge cases, open answers with identifiers.
  static let keys = ["1", "12", "a\"b", "regel\n2", "é", "7", "\\", "tab\t", "9"]
  static let values: [[Answer?]] = [
    [
      .value(.yesNo(true)), .value(.scalePoint(4)), .value(.grade(7.5)), .value(.choices(["x", "y"])),
      .value(.text("Goed.")), .value(.yesNo(false)), .missing("weet_niet"), .value(.number(-1234)), nil,
    ],
    [
      .value(.grade(10)), .value(.grade(0.05)), .value(.grade(-3.25)), .value(.grade(7.04)), .value(.grade(9.96)),
      .value(.grade(1e16)), .value(.number(0)), .value(.number(Int.min)), .value(.number(Int.max)),
    ],
    [
      .value(.text("Bel 06-12345678 of mail jan@example.nl")), .value(.text("\"quotes\" \\ and\ncontrol\u{1}")),
      .value(.choices([])), .value(.choices(["één"])), .missing("wil_niet\"zeggen"), .value(.text("")),
      .value(.text(String(repeating: "lange tekst met een \"quote\" ", count: 200))), .value(.scalePoint(10)),
      .value(.grade(-0.04)),
    ],
    Array(repeating: nil, count: 9),
    [nil, nil, .missing("weet_niet"), nil, nil, nil, nil, nil, .missing("geen")],
  ]

  @Test(arguments: values.indices)
  func writesTheSameBytesAsTheKeyedWriter(row: Int) throws {
    let answers = Self.values[row]
    // Positions run backwards: the writer must follow them, not the order of the answers.
    let positions = Array(answers.indices.reversed())
    let byPosition = positions.map { answers[$0] }
    var keyed: [Question.ID: Answer] = [:]
    var keys: [(item: Question.ID, key: String)] = []
    for (index, key) in Self.keys.enumerated() {
      let item = Question.ID(rawValue: "item\(index)")
      keys.append((item, key))
      if let answer = byPosition[index] { keyed[item] = answer }
    }
    let expected = try #require(StoredAnswers(keyed, keys: keys))
    var writer = AnswerWriter()
    let written = writer.write(answers, positions: positions, starts: MemberStarts(Self.keys))
    #expect(written.values == expected.values)
    #expect(written.missing == expected.missing)
    #expect(written.masked.sorted() == expected.masked.sorted())
  }

  @Test func theMemoryKeptBetweenResponsesHoldsNothingOfTheResponseBefore() throws {
    // A long answer grows the writer's memory; the short response after it must not carry any of it, and a copy
    // of the writer writes into memory of its own.
    var writer = AnswerWriter()
    let starts = MemberStarts(["1", "2"])
    let long = writer.write(
      [.value(.text(String(repeating: "x", count: 5000))), .missing("weet_niet")], positions: [0, 1],
      starts: starts)
    #expect(long.values.utf8.count == 5000 + 8)
    var copy = writer
    let short = writer.write([.value(.scalePoint(3)), nil], positions: [0, 1], starts: starts)
    let other = copy.write([nil, .value(.yesNo(true))], positions: [0, 1], starts: starts)
    #expect(short.values == #"{"1":"3"}"#)
    #expect(short.missing == "{}")
    #expect(other.values == #"{"2":"ja"}"#)
    #expect(short.values == #"{"1":"3"}"#)
  }

  @Test func openAnswersAreMaskedAndTheKindsReported() {
    var writer = AnswerWriter()
    let written = writer.write(
      [.value(.text("Bel me op 0612345678")), .value(.text("Mail naar piet@example.com"))], positions: [0, 1],
      starts: MemberStarts(["1", "2"]))
    #expect(!written.values.contains("0612345678"))
    #expect(!written.values.contains("piet@example.com"))
    #expect(written.values.contains(PersonalDataKind.phone.marker))
    #expect(written.masked.sorted() == [PersonalDataKind.email, .phone].sorted())
  }
}
