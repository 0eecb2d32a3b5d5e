import Foundation

/// Kinds of personal data an export may carry; none of them is ever stored.
public enum PersonalDataKind: String, Hashable, Sendable, CaseIterable, Comparable {
  case name
  case email
  case phone
  case ipAddress = "ip_address"
  case location
  case address
  case bsn
  case recipientReference = "recipient_reference"

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  /// How the kind is named in an import report.
  public var label: String {
    switch self {
    case .name: "name"
    case .email: "e-mail address"
    case .phone: "phone number"
    case .ipAddress: "IP address"
    case .location: "location"
    case .address: "address"
    case .bsn: "BSN"
    case .recipientReference: "recipient reference"
    }
  }
}

/// Recognises export columns that hold personal data, by their header, in English, Dutch and German as the
/// platforms write them (Qualtrics `RecipientEmail`, `IPAddress`, `LocationLatitude`; SurveyMonkey
/// `IP Address`, `Email Address`; Microsoft Forms `Email`, `Name`; KoboToolbox `_geolocation`; Dutch
/// `IP-adres`, `E-mailadres`, `Naam`, `Telefoonnummer`; a geopoint named `locatie` and its parts; ODK Central's
/// `SubmitterName`).
public enum PersonalDataColumns {
  /// The kind of personal data a column with this header holds, or `nil` when it is not recognised as such.
  public static func kind(ofHeader header: String) -> PersonalDataKind? {
    let key = compact(header)
    if key.isEmpty { return nil }
    for (kind, patterns) in rules {
      for pattern in patterns where matches(key, pattern) { return kind }
    }
    return nil
  }

  /// `(pattern, whole)`: `whole` patterns must equal the compacted header, others may occur anywhere in it.
  private static let rules: [(PersonalDataKind, [(String, Bool)])] = [
    (
      .email,
      [("email", false), ("mailadres", false), ("emailaddress", false), ("emailadresse", false)]
    ),
    (
      .ipAddress,
      [
        ("ipaddress", false), ("ipadres", false), ("ipadresse", false), ("ip", true), ("ipaddr", true),
        ("remoteaddr", false),
      ]
    ),
    (
      .location,
      [
        ("latitude", false), ("longitude", false), ("locationaccuracy", false), ("geolocation", false),
        ("geopoint", false), ("breitengrad", false), ("langengrad", false), ("lengtegraad", false),
        ("breedtegraad", false), ("gpslocation", false), ("coordinates", false), ("coordinaten", false),
        ("locatie", false),
      ]
    ),
    (
      .phone,
      [
        ("phone", false), ("telefoon", false), ("telephone", false), ("mobiel", false), ("mobile", false),
        ("telefon", false), ("gsm", true),
      ]
    ),
    (.bsn, [("bsn", false), ("burgerservicenummer", false), ("socialsecurity", false)]),
    (
      .recipientReference,
      [
        ("recipient", false), ("externalreference", false), ("externaldatareference", false),
        ("externedatenreferenz", false), ("empfanger", false), ("respondentemail", false), ("panelid", true),
      ]
    ),
    (
      .address,
      [
        ("address", false), ("adres", false), ("straat", false), ("postcode", false), ("zipcode", false),
        ("postalcode", false), ("huisnummer", false),
        ("woonplaats", false),
      ]
    ),
    (
      .name,
      [
        ("name", true), ("naam", true), ("firstname", false), ("lastname", false), ("fullname", false),
        ("voornaam", false), ("achternaam", false), ("nachname", false), ("vorname", false), ("respondentname", false),
        ("yourname", false), ("uwnaam", false), ("entername", false), ("submittername", false),
      ]
    ),
  ]

  private static func matches(_ key: String, _ pattern: (String, Bool)) -> Bool {
    pattern.1 ? key == pattern.0 : key.contains(pattern.0)
  }

  /// Lower case letters and digits only, accents removed: `E-mail des Empfängers` → `emaildesempfangers`.
  static func compact(_ text: String) -> String {
    String(
      text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars
        .filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII }
        .map(Character.init))
  }
}

/// Masks BSN numbers (those that pass the 11-proef), e-mail addresses and Dutch phone numbers in free text,
/// before it is stored.
public enum TextMasking {
  /// What was masked in one text.
  public struct Result: Hashable, Sendable {
    public var text: String
    public var masked: [PersonalDataKind]
  }

  public static let bsnMask = "[BSN]"
  public static let emailMask = "[e-mail]"
  public static let phoneMask = "[telefoonnummer]"

  /// The text with personal data replaced by markers, and which kinds were found.
  public static func mask(_ text: String) -> Result {
    if let result = maskASCII(text) { return result }
    return maskUnicode(text)
  }

  /// ``mask(_:)`` for text that is all ASCII, or `nil` for other text.
  ///
  /// The same as ``maskUnicode(_:)``, only faster: in ASCII a digit (`\d`) is 0–9 and white space (`\s`) is tab,
  /// line feed, vertical tab, form feed, carriage return and space, so phone numbers are found by
  /// ``phoneNumbers(in:)`` rather than the regular expression, and the other expressions run only when the text
  /// has what they need: an '@' for an e-mail address, nine digits for a BSN.
  static func maskASCII(_ text: String) -> Result? {
    var digits = 0
    var hasAt = false
    for byte in text.utf8 {
      guard byte < 0x80 else { return nil }
      if byte == UInt8(ascii: "@") {
        hasAt = true
      } else if isDigit(byte) {
        digits += 1
      }
    }
    guard hasAt || digits >= 8 else { return Result(text: text, masked: []) }
    var result = text
    var masked: [PersonalDataKind] = []
    // E-mail first: its digits must not be read as a phone number.
    if hasAt, replace(emailPattern, in: &result, with: emailMask) { masked.append(.email) }
    let bytes = Array(result.utf8)
    let phones = phoneNumbers(in: bytes)
    if !phones.isEmpty {
      var replaced: [UInt8] = []
      replaced.reserveCapacity(bytes.count + phones.count * phoneMask.utf8.count)
      var start = 0
      for phone in phones {
        replaced.append(contentsOf: bytes[start..<phone.lowerBound])
        replaced.append(contentsOf: phoneMask.utf8)
        start = phone.upperBound
      }
      replaced.append(contentsOf: bytes[start...])
      result = String(decoding: replaced, as: UTF8.self)
      masked.append(.phone)
    }
    // The e-mail and phone markers hold no digits.
    if result.utf8.lazy.filter(isDigit).count >= 9,
      replace(nineDigitPattern, in: &result, where: isBSN, with: bsnMask)
    {
      masked.append(.bsn)
    }
    return Result(text: result, masked: masked)
  }

  /// The ranges of ASCII text that ``phonePattern`` matches, in order: what `NSRegularExpression` finds, worked
  /// out by hand.
  ///
  /// The expression is tried at every position (after a non-digit) with its alternatives and optional parts in the
  /// order a backtracking matcher tries them: the prefixes `+31`, `0031`, `(0` with one to three digits and `)`,
  /// and `0`; then a separator or not, `(0)` or not, a separator or not; then a digit and seven or eight more (the
  /// eighth first), each after a separator or not, not followed by a digit. A search goes on after each match.
  static func phoneNumbers(in s: [UInt8]) -> [Range<Int>] {
    let n = s.count
    func byte(_ index: Int) -> UInt8? { index < n ? s[index] : nil }
    func digit(_ index: Int) -> Bool { byte(index).map(isDigit) ?? false }
    func separator(_ index: Int) -> Bool { byte(index).map(isSeparator) ?? false }
    func starts(with literal: StaticString, at index: Int) -> Bool {
      let count = literal.utf8CodeUnitCount
      guard index + count <= n else { return false }
      for offset in 0..<count where s[index + offset] != literal.utf8Start[offset] { return false }
      return true
    }
    /// `\d(?:[\s\-.]?\d){7,8}(?![\d])` at `start`.
    func digits(at start: Int) -> Int? {
      guard digit(start) else { return nil }
      var index = start + 1
      var ends: [Int] = []
      while ends.count < 8 {
        if separator(index) && digit(index + 1) {
          index += 2
        } else if digit(index) {
          index += 1
        } else {
          break
        }
        ends.append(index)
      }
      for count in [8, 7] where ends.count >= count && !digit(ends[count - 1]) { return ends[count - 1] }
      return nil
    }
    /// Everything after the prefix, at `start`.
    func rest(at start: Int) -> Int? {
      for first in separator(start) ? [1, 0] : [0] {
        let afterFirst = start + first
        for zero in starts(with: "(0)", at: afterFirst) ? [3, 0] : [0] {
          let afterZero = afterFirst + zero
          for second in separator(afterZero) ? [1, 0] : [0] {
            if let end = digits(at: afterZero + second) { return end }
          }
        }
      }
      return nil
    }
    /// The ends of the prefixes at `start`, in the order of the alternatives.
    func prefixes(at start: Int) -> [Int] {
      var ends: [Int] = []
      if starts(with: "+31", at: start) { ends.append(start + 3) }
      if starts(with: "0031", at: start) { ends.append(start + 4) }
      if starts(with: "(0", at: start) {
        var index = start + 2
        while index < start + 5, digit(index) { index += 1 }
        if index > start + 2, byte(index) == UInt8(ascii: ")") { ends.append(index + 1) }
      }
      if byte(start) == UInt8(ascii: "0") { ends.append(start + 1) }
      return ends
    }
    var found: [Range<Int>] = []
    var start = 0
    while start < n {
      // Every match starts with '+', '(' or '0'.
      let first = s[start]
      if first == UInt8(ascii: "+") || first == UInt8(ascii: "(") || first == UInt8(ascii: "0"),
        start == 0 || !isDigit(s[start - 1]),
        let end = prefixes(at: start).lazy.compactMap(rest(at:)).first
      {
        found.append(start..<end)
        start = end
      } else {
        start += 1
      }
    }
    return found
  }

  @inline(__always)
  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// `[\s\-.]` in ASCII.
  @inline(__always)
  private static func isSeparator(_ byte: UInt8) -> Bool {
    (byte >= 0x09 && byte <= 0x0D) || byte == 0x20 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
  }

  /// ``mask(_:)`` with the regular expressions, for any text.
  static func maskUnicode(_ text: String) -> Result {
    // Most remarks hold no '@' and too few digits for a phone number or a BSN (at least nine): no regular
    // expression needs to run over them (they took a tenth of an import's conversion time).
    var digits = 0
    var hasAt = false
    for scalar in text.unicodeScalars {
      if scalar == "@" { hasAt = true } else if scalar.properties.numericType == .decimal { digits += 1 }
    }
    guard hasAt || digits >= 8 else { return Result(text: text, masked: []) }
    var result = text
    var masked: [PersonalDataKind] = []
    // E-mail first: its digits must not be read as a phone number.
    if replace(emailPattern, in: &result, with: emailMask) { masked.append(.email) }
    if replace(phonePattern, in: &result, with: phoneMask) { masked.append(.phone) }
    if replace(nineDigitPattern, in: &result, where: isBSN, with: bsnMask) { masked.append(.bsn) }
    return Result(text: result, masked: masked)
  }

  /// The Dutch 11-proef for a BSN: 9 digits d1…d9, 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11 (and not 0).
  public static func isBSN(_ digits: String) -> Bool {
    let values = digits.compactMap(\.wholeNumberValue)
    guard values.count == 9, digits.count == 9 else { return false }
    var sum = 0
    for (index, value) in values.enumerated() {
      sum += index < 8 ? (9 - index) * value : -value
    }
    return sum % 11 == 0 && values.contains { $0 != 0 }
  }

  private static let emailPattern = compile(#"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#)
  /// Dutch numbers: 06-12345678, 06 1234 5678, +31 6 12345678, 0031 20 1234567, 020-1234567, (020) 123 45 67.
  private static let phonePattern = compile(
    #"(?<![\d])(?:\+31|0031|\(0\d{1,3}\)|0)[\s\-.]?(?:\(0\))?[\s\-.]?\d(?:[\s\-.]?\d){7,8}(?![\d])"#)
  /// Nine digits, optionally grouped as 123.456.782 or 123 456 782.
  private static let nineDigitPattern = compile(#"(?<![\d.])\d{3}[\s.]?\d{3}[\s.]?\d{3}(?![\d])"#)

  private static func compile(_ pattern: String) -> NSRegularExpression? {
    try? NSRegularExpression(pattern: pattern)
  }

  private static func replace(
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
}
