import Foundation
import TevredenCore

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
