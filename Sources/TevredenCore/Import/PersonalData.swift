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
  case postcode
  case iban
  case licencePlate = "licence_plate"
  /// A full date (day, month and year), or a day and month given as a birthday.
  case date
  /// A case, file or client number of Veilig Thuis or another organisation.
  case caseNumber = "case_number"

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
    case .postcode: "postcode"
    case .iban: "IBAN"
    case .licencePlate: "licence plate"
    case .date: "date"
    case .caseNumber: "case number"
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
