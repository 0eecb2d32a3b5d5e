import Foundation

/// Every word for yes and no that a dialect accepts besides the labels of its label tables.
///
/// This is the one list: the reader's yes/no items, a platform's per-option tick columns and finished columns
/// (which add their own words for ticked and finished, never another yes or no), the inspection of an export's
/// columns, and the interview's confirmation of a refusal all read it. Which dialect takes which word, and why, is
/// in the table of ``AnswerReader``.
public enum YesNoWords {
  /// A spelling of yes or no and the dialects that accept it.
  public struct Word: Hashable, Sendable {
    public var text: String
    public var value: Bool
    public var dialects: Set<AnswerDialect>
  }

  public static let all: [Word] = {
    let everywhere: Set<AnswerDialect> = [.stored, .interviewer, .platform]
    let typed: Set<AnswerDialect> = [.interviewer, .platform]
    return [
      Word(text: CanonicalSpelling.yes, value: true, dialects: everywhere),
      Word(text: CanonicalSpelling.no, value: false, dialects: everywhere),
      Word(text: "j", value: true, dialects: typed),
      Word(text: "n", value: false, dialects: typed),
      // An interviewer's option numbers (1 Ja, 2 Nee); a platform's booleans (1, 0).
      Word(text: "1", value: true, dialects: typed),
      Word(text: "2", value: false, dialects: [.interviewer]),
      Word(text: "0", value: false, dialects: [.platform]),
      Word(text: "yes", value: true, dialects: [.platform]),
      Word(text: "y", value: true, dialects: [.platform]),
      Word(text: "true", value: true, dialects: [.platform]),
      Word(text: "waar", value: true, dialects: [.platform]),
      Word(text: "no", value: false, dialects: [.platform]),
      Word(text: "false", value: false, dialects: [.platform]),
      Word(text: "onwaar", value: false, dialects: [.platform]),
      // A consent question's answers as platforms' consent templates write them.
      Word(text: "akkoord", value: true, dialects: [.platform]),
      Word(text: "ik ga akkoord", value: true, dialects: [.platform]),
      Word(text: "niet akkoord", value: false, dialects: [.platform]),
    ]
  }()

  private static let byKey: [AnswerDialect: [String: Bool]] = Dictionary(
    uniqueKeysWithValues: AnswerDialect.allCases.map { dialect in
      var words: [String: Bool] = [:]
      for word in all where word.dialects.contains(dialect) {
        words[AnswerMatching.key(word.text, in: dialect)] = word.value
      }
      return (dialect, words)
    })

  /// The longest word, in UTF-8 bytes: a longer text is no yes or no (the inspection of an export skips it).
  public static let longestWord = all.map(\.text.utf8.count).max() ?? 0

  /// Whether `text` is a word for yes (`true`) or no (`false`) in `dialect`, compared as the dialect compares;
  /// labels are not words (a reader adds those of its tables).
  public static func value(_ text: String, in dialect: AnswerDialect) -> Bool? {
    byKey[dialect]?[AnswerMatching.key(text, in: dialect)]
  }
}

/// How the dialects compare labels and write numbers, and the wordings platforms use besides a questionnaire's
/// labels.
public enum AnswerMatching {
  /// The form of a text that `dialect` compares: as it is (stored), folded (interviewer), or the label key
  /// (platform).
  public static func key(_ text: String, in dialect: AnswerDialect) -> String {
    switch dialect {
    case .stored: text
    case .interviewer: fold(text)
    case .platform: labelKey(text)
    }
  }

  /// A typed text without case, accents and outer white space: how an interviewer's input meets a label.
  public static func fold(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      .trimmingCharacters(in: .whitespaces)
  }

  /// The comparable form of a header or label: case, accents, HTML tags, punctuation and white space do not
  /// matter, nor do numbering prefixes such as `Q3.`, `3.` or `Vraag 3:` that platforms put before a question.
  public static func normalise(_ text: String) -> String {
    // Letters, digits and single spaces in ASCII: only the case can change, and the expressions below never match
    // (nearly every cell of an export; a regular expression per cell was most of reading one).
    var plain = true
    var previousSpace = true
    for byte in text.utf8 {
      let isSpace = byte == UInt8(ascii: " ")
      let isAlphanumeric =
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
        || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
      if !(isAlphanumeric || (isSpace && !previousSpace)) {
        plain = false
        break
      }
      previousSpace = isSpace
    }
    if plain && !previousSpace { return text.lowercased() }
    var value = text.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
    value = value.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    value = value.replacingOccurrences(
      of: #"^\s*(?:vraag\s*|question\s*|q)?\d+[a-z]?\s*[.:)\-]\s*"#, with: "", options: .regularExpression)
    let words = value.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
    return String(words).split(separator: " ").joined(separator: " ")
  }

  /// A label compared as platforms vary it: ``normalise(_:)``, with the usual Dutch intensifiers made equal
  /// (*zeer* and *erg* tevreden are *heel* tevreden).
  public static func labelKey(_ label: String) -> String {
    let normalised = normalise(label)
    guard normalised.contains("zeer") || normalised.contains("erg") else { return normalised }
    return normalised.split(separator: " ").map { word in
      switch word {
      case "zeer", "erg": "heel"
      default: String(word)
      }
    }.joined(separator: " ")
  }

  /// A number as a person or a spreadsheet writes it: an optional sign, digits, and a decimal part of one or two
  /// digits after a comma or a point (`7,5`, `4.0`, `7.50`). A part of three digits may be a thousands separator
  /// (`1.000`), so it is no number.
  public static func decimal(_ text: String) -> Double? {
    var value = 0
    var digits = 0
    var decimals: Int?
    var negative = false
    for (offset, byte) in text.utf8.enumerated() {
      switch byte {
      case UInt8(ascii: "-") where offset == 0: negative = true
      case UInt8(ascii: "+") where offset == 0: break
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        guard digits < 15 else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
        digits += 1
        if let count = decimals { decimals = count + 1 }
      case UInt8(ascii: "."), UInt8(ascii: ","):
        guard decimals == nil, digits > 0 else { return nil }
        decimals = 0
      default: return nil
      }
    }
    guard digits > 0 else { return nil }
    if let decimals, !(1...2).contains(decimals) { return nil }
    let scale = [1.0, 10.0, 100.0][decimals ?? 0]
    // One correctly rounded division: the same double as `Double("7.1")`.
    return (negative ? -Double(value) : Double(value)) / scale
  }

  /// The whole number `number` is, if it is one.
  static func whole(_ number: Double) -> Int? {
    number == number.rounded() && number.magnitude < 1e15 ? Int(number) : nil
  }

  /// Labels of missing codes as platforms and respondents write them, besides the label tables' own; by code.
  static let missingWordings: [String: [String]] = [
    "weet_niet": ["weet niet", "weet ik niet", "geen idee", "dont know", "don t know", "do not know", "weiss nicht"],
    "nvt": ["n v t", "nvt", "niet van toepassing", "not applicable", "n a", "na"],
    "weigert": [
      "wil ik niet zeggen", "zeg ik liever niet", "geen antwoord", "prefer not to say", "weigert", "refused",
    ],
  ]

  /// Per scale label (as ``labelKey(_:)`` gives it), other wordings of that point, as other questionnaires and
  /// platforms' templates write them.
  static let scaleSynonyms: [String: [String]] = [
    "helemaal niet mee eens": [
      "heel mee oneens", "heel oneens", "helemaal mee oneens", "helemaal oneens", "volledig mee oneens",
      "strongly disagree",
    ],
    "niet mee eens": ["mee oneens", "oneens", "niet eens", "disagree"],
    "niet mee eens en niet mee oneens": [
      "niet eens niet oneens", "eens noch oneens", "niet eens en niet oneens", "neither agree nor disagree",
    ],
    "mee eens": ["eens", "agree"],
    "helemaal mee eens": ["heel mee eens", "helemaal eens", "heel eens", "volledig mee eens", "strongly agree"],
    "heel ontevreden": ["helemaal ontevreden", "helemaal niet tevreden", "very dissatisfied"],
    "ontevreden": ["niet tevreden", "dissatisfied"],
    "niet tevreden en niet ontevreden": [
      "niet tevreden niet ontevreden", "tevreden noch ontevreden", "neither satisfied nor dissatisfied",
    ],
    "tevreden": ["satisfied"],
    "heel tevreden": ["helemaal tevreden", "very satisfied"],
  ]

  /// The middle point of a scale with a middle, in platforms' words.
  static let neutralWordings = ["neutraal", "neutral"]
}
