import Foundation
import Testing

@testable import TevredenCore

@Suite struct TrimmingTests {
  /// Texts that start or end with every kind of white space and line break, and ones that do not.
  static let samples: [String] = {
    let edges = ["", " ", "\t", "\n", "\r\n", "\u{A0}", "\u{2003}", "\u{3000}", "x", "é", "🙂", "\u{7F}", "\u{1}"]
    let middles = ["", "a", "a b", "Zeer tevreden", " \n ", "7,5", "weet_niet"]
    var texts: [String] = []
    for start in edges {
      for middle in middles {
        for end in edges { texts.append(start + middle + end) }
      }
    }
    return texts
  }()

  @Test func trimmedOfSpacesIsTrimmingWhitespaces() {
    for text in Self.samples {
      #expect(text.trimmedOfSpaces == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
    }
  }

  @Test func trimmedOfWhitespaceIsTrimmingWhitespacesAndNewlines() {
    for text in Self.samples {
      #expect(
        text.trimmedOfWhitespace == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
    }
  }
}
