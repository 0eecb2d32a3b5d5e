import Foundation
import Testing

@testable import TevredenCore
@testable import TevredenImport

/// The checks a converted row goes through without hashing item ids must agree with the general ones they stand in
/// for.
@Suite struct AnswerSlotsTests {
  static let scale = Scale(
    id: "s", points: [.init(value: 1, label: "a"), .init(value: 2, label: "b"), .init(value: 4, label: "d")],
    missingCodes: ["weet_niet"])
  static let kinds: [Question.Kind] = [
    .consent, .yesNo, .text, .grade, .number(0...20), .number(-3 ... -1), .scale(scale),
    .scale(Scale(id: "wide", points: [.init(value: -5, label: "x"), .init(value: 70, label: "y")], missingCodes: [])),
    .scale(Scale(id: "neg", points: [.init(value: -2, label: "x"), .init(value: 2, label: "y")], missingCodes: [])),
    .choice([Choice(code: "a", label: "A"), Choice(code: "b", label: "B")], allowsMultiple: true),
  ]
  static let values: [AnswerValue] = [
    .yesNo(true), .yesNo(false), .text("x"), .text(""), .grade(1), .grade(10), .grade(7.5), .grade(7.55),
    .grade(0.9), .grade(10.1), .scalePoint(1), .scalePoint(2), .scalePoint(3),
    .scalePoint(4), .scalePoint(0), .scalePoint(-5), .scalePoint(70), .scalePoint(69), .scalePoint(-2),
    .scalePoint(2), .scalePoint(Int.min), .scalePoint(Int.max), .number(0), .number(20), .number(21), .number(-1),
    .number(-3), .number(-4), .choices(["a"]), .choices(["a", "b"]), .choices([]),
  ]

  @Test func fastValueCheckAgreesWithTheKindsOwnCheck() {
    for kind in Self.kinds {
      let check = AnswerSlots.ValueCheck(kind)
      for value in Self.values {
        guard let accepted = check.accepts(value) else {
          #expect(check == .general, "\(kind) \(value)")
          continue
        }
        #expect(accepted == (kind.problem(with: value) == nil), "\(kind) \(value)")
      }
    }
    #expect(AnswerSlots.ValueCheck(Self.kinds[7]) == .general, "points 75 apart do not fit in 64 bits")
    #expect(AnswerSlots.ValueCheck(.choice([], allowsMultiple: false)) == .general)
  }
}
