import Foundation
import Testing

@testable import TevredenCore

/// The masking of free text must not change when it is made faster: the byte-level phone-number search and the
/// skipped regular expressions are compared with the implementation that ran the three regular expressions on every
/// text with an '@' or eight digits, kept here as the oracle.
@Suite struct TextMaskingEquivalenceTests {
  /// `TextMasking.mask` as it was, regular expressions only.
  enum Oracle {
    static func mask(_ text: String) -> TextMasking.Result {
      var digits = 0
      var hasAt = false
      for scalar in text.unicodeScalars {
        if scalar == "@" { hasAt = true } else if scalar.properties.numericType == .decimal { digits += 1 }
      }
      guard hasAt || digits >= 8 else { return TextMasking.Result(text: text, masked: []) }
      var result = text
      var masked: [PersonalDataKind] = []
      if replace(emailPattern, in: &result, with: TextMasking.emailMask) { masked.append(.email) }
      if replace(phonePattern, in: &result, with: TextMasking.phoneMask) { masked.append(.phone) }
      if replace(nineDigitPattern, in: &result, where: TextMasking.isBSN, with: TextMasking.bsnMask) {
        masked.append(.bsn)
      }
      return TextMasking.Result(text: result, masked: masked)
    }

    static let emailPattern = try? NSRegularExpression(pattern: #"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#)
    static let phonePattern = try? NSRegularExpression(
      pattern: #"(?<![\d])(?:\+31|0031|\(0\d{1,3}\)|0)[\s\-.]?(?:\(0\))?[\s\-.]?\d(?:[\s\-.]?\d){7,8}(?![\d])"#)
    static let nineDigitPattern = try? NSRegularExpression(pattern: #"(?<![\d.])\d{3}[\s.]?\d{3}[\s.]?\d{3}(?![\d])"#)

    static func replace(
      _ expression: NSRegularExpression?, in text: inout String, where accept: (String) -> Bool = { _ in true },
      with replacement: String
    ) -> Bool {
      guard let expression else { return false }
      let matches = expression.matches(in: text, range: NSRange(text.startIndex..., in: text))
      var found = false
      for match in matches.reversed() {
        guard let range = Range(match.range, in: text) else { continue }
        guard accept(String(text[range].filter(\.isNumber))) else { continue }
        text.replaceSubrange(range, with: replacement)
        found = true
      }
      return found
    }

    /// The ranges the phone expression matches in ASCII text, as byte offsets.
    static func phoneRanges(_ text: String) -> [Range<Int>] {
      guard let phonePattern else { return [] }
      return phonePattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
        $0.range.location..<($0.range.location + $0.range.length)
      }
    }
  }

  static let handWritten: [String] = [
    "", "Goed geholpen.", "Duurde lang, bel 06-12345678", "06-12345678", "06 1234 5678", "+31 6 12345678",
    "+31 (0)6 12345678", "+31(0)612345678", "0031 20 1234567", "020-1234567", "(020) 123 45 67", "(0229) 123456",
    "(01234) 567890", "0612345678", "06123456789", "061234567890", "1061234567", "06-1234-5678.", "06.12.34.56.78",
    "bel 06 - 12345678", "06--12345678", "0 6 1 2 3 4 5 6 7 8", "0 6 1 2 3 4 5 6 7 8 9", "0 6 1 2 3 4 5 6 7 8 9 0",
    "06\t12345678", "06\n12345678", "06\r\n12345678", "06\u{0B}12345678", "06\u{0C}12345678", "06\u{1C}12345678",
    "tel. 06-12345678 of 020-7654321", "06-1234567806-12345678", "a06-12345678b", "+3106-12345678", "+31 +31 6 1234",
    "0031-6-12345678", "00316123456789", "(0)612345678", "(06)12345678", "(0) 6 12345678", "0(0)612345678",
    "mail naar j.de.vries@example.nl", "a@b.nl en 06-12345678", "x@y", "06-12345678@example.com",
    "bsn 111222333", "BSN 123.456.782", "123 456 782 en 111222333", "1234567890", "111.222.333", "0111222333",
    "bel 0612345678 of mijn BSN 111222333", "111222333 06-12345678", "12345678", "1234567", "0000000000",
    "café 06-12345678", "één 06 1234 5678", "٠٦١٢٣٤٥٦٧٨", "06١2345678", "(020)1234567", "(020 1234567",
    "020) 1234567", "+31\t6\t12345678", "06-12345678-9", "06-12345678.9", "06 12345678 9", "06-123456789 0",
    "06-1234567 8", "061234567 89", "+31.6.1234.5678", "+31-(0)-6-12345678", "+31 (0) 6 12345678", "0-0-0-0-0-0-0-0-0",
  ]

  @Test(arguments: handWritten)
  func handWrittenTextIsMaskedAsBefore(text: String) {
    #expect(TextMasking.mask(text) == Oracle.mask(text))
  }

  @Test func phoneNumbersAreFoundWhereTheExpressionFindsThem() {
    for text in Self.handWritten where text.utf8.allSatisfy({ $0 < 0x80 }) {
      #expect(TextMasking.phoneNumbers(in: Array(text.utf8)) == Oracle.phoneRanges(text), "\(text)")
    }
    var generator = SeededGenerator(seed: 0x7E5_2026)
    let alphabet = Array("0000000123456789 -.()+31\t\n\r\u{0B}\u{0C}\u{1C}ab@,".utf8)
    for _ in 0..<30_000 {
      let length = Int.random(in: 0...40, using: &generator)
      let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 0x30 }
      let text = String(decoding: bytes, as: UTF8.self)
      #expect(TextMasking.phoneNumbers(in: bytes) == Oracle.phoneRanges(text), "\(text.debugDescription)")
    }
  }

  @Test func generatedTextIsMaskedAsBefore() {
    var generator = SeededGenerator(seed: 2026_11_23)
    let pieces = [
      "06", "0031", "+31", "(0)", "(020)", "(0229)", "0", "1", "2", "3", "12", "345", "678", "111", "222", "333",
      "123", "456", "782", " ", " ", "-", ".", "\t", "\n", "@", "a", "b.nl", "j.de.vries", "example", ".com", "é",
      "één", "٣", "bel ", "BSN ", "mail ", ",", "(", ")", "+",
    ]
    for _ in 0..<20_000 {
      let count = Int.random(in: 0...14, using: &generator)
      let text = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
      #expect(TextMasking.mask(text) == Oracle.mask(text), "\(text.debugDescription)")
    }
  }
}
