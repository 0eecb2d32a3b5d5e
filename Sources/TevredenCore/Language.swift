import Foundation

/// A language as an ISO 639-1 code: `nl`, `en`, `ar`, `tr`, `pl`.
///
/// The code a questionnaire's texts are written in (its source language and each translation), the language an
/// interview was held in and the language an online respondent answered in. Only the 184 codes of ISO 639-1 are
/// valid (``init(code:)``); platforms write regional and informal variants (`nl-NL`, `EN`, `nl-informal`), which
/// ``init(platformValue:)`` reads as their language.
public struct LanguageCode: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral,
  CustomStringConvertible
{
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }
  public var description: String { rawValue }
  public static func < (lhs: LanguageCode, rhs: LanguageCode) -> Bool { lhs.rawValue < rhs.rawValue }

  /// Dutch: the source language of a definition that names none.
  public static let dutch: LanguageCode = "nl"

  /// The code if it is an ISO 639-1 code (two lower-case letters, one of the assigned ones); `nil` otherwise.
  public init?(code: String) {
    guard Self.isoCodes.contains(code) else { return nil }
    self.rawValue = code
  }

  /// The language a platform's language cell names: an ISO 639-1 code in any case (`EN`), with a region, script or
  /// variant (`nl-NL`, `en_GB`, `nl-informal`, `ZH-S`), a three-letter ISO 639-2 code of a language that has a
  /// two-letter one (`nld`, `eng`, `ara`), or a label ending in its code (`English (en)`); `nil` for anything else.
  public init?(platformValue: String) {
    var text = platformValue.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    // "English (en)", "Nederlands (nl)": KoboToolbox and XLSForm name a language with its code in brackets.
    if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
      text = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
    }
    let base = text.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
    if let code = LanguageCode(code: base) {
      self = code
    } else if let code = Self.threeLetterCodes[base] {
      self = code
    } else {
      return nil
    }
  }

  /// Whether the language is written from right to left: its text must be isolated in a terminal line.
  public var isRightToLeft: Bool { Self.rightToLeft.contains(rawValue) }

  /// The language's Dutch name for reports (*Nederlands*, *Engels*, *Arabisch*); the code for a language without
  /// one in ``dutchNames``.
  public var dutchName: String { Self.dutchNames[rawValue] ?? rawValue }

  /// Languages written from right to left: Arabic, Divehi, Persian, Hebrew, Kashmiri, Pashto, Sindhi, Uyghur,
  /// Urdu, Yiddish.
  static let rightToLeft: Set<String> = ["ar", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi"]

  /// The Dutch names of the languages most spoken by residents of the Netherlands who do not speak Dutch well.
  static let dutchNames: [String: String] = [
    "nl": "Nederlands", "en": "Engels", "ar": "Arabisch", "tr": "Turks", "pl": "Pools", "de": "Duits",
    "fr": "Frans", "es": "Spaans", "pt": "Portugees", "it": "Italiaans", "ro": "Roemeens", "bg": "Bulgaars",
    "ru": "Russisch", "uk": "Oekraïens", "fa": "Perzisch", "ti": "Tigrinya", "so": "Somalisch", "zh": "Chinees",
    "ku": "Koerdisch", "ur": "Urdu", "ps": "Pasjtoe", "sr": "Servisch", "hr": "Kroatisch", "bs": "Bosnisch",
    "sq": "Albanees", "el": "Grieks", "hu": "Hongaars", "cs": "Tsjechisch", "sk": "Slowaaks", "lt": "Litouws",
    "lv": "Lets", "et": "Estisch", "fy": "Fries", "hi": "Hindi", "am": "Amhaars", "he": "Hebreeuws", "vi": "Vietnamees",
  ]

  /// ISO 639-2 codes of languages with a two-letter code, as some platforms write them (both the bibliographic
  /// and the terminology form where they differ).
  static let threeLetterCodes: [String: LanguageCode] = [
    "nld": "nl", "dut": "nl", "eng": "en", "ara": "ar", "tur": "tr", "pol": "pl", "deu": "de", "ger": "de",
    "fra": "fr", "fre": "fr", "spa": "es", "por": "pt", "ita": "it", "ron": "ro", "rum": "ro", "bul": "bg",
    "rus": "ru", "ukr": "uk", "fas": "fa", "per": "fa", "tir": "ti", "som": "so", "zho": "zh", "chi": "zh",
    "kur": "ku", "urd": "ur", "pus": "ps",
  ]

  /// The 184 codes of ISO 639-1.
  public static let isoCodes: Set<String> = [
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh", "bi", "bm", "bn",
    "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee", "el", "en",
    "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he",
    "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv",
    "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li",
    "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne",
    "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm",
    "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st",
    "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk",
    "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
  ]
}
