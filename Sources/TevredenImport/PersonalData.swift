import Foundation
import TevredenCore

/// Recognises export columns that hold personal data, by their header, in English, Dutch and German as the
/// platforms write them (Qualtrics `RecipientEmail`, `IPAddress`, `LocationLatitude`; SurveyMonkey
/// `IP Address`, `Email Address`; Microsoft Forms `Email`, `Name`; KoboToolbox `_geolocation`; Dutch
/// `IP-adres`, `E-mailadres`, `Naam`, `Telefoonnummer`; a geopoint named `locatie` and its parts; ODK Central's
/// `SubmitterName`), and by their values (see ``judge(header:sample:)``).
public enum PersonalDataColumns {
  /// The kind of personal data a column with this header holds, or `nil` when it is not recognised as such.
  public static func kind(ofHeader header: String) -> PersonalDataKind? {
    if let kind = kindByFirstRules(ofHeader: header) { return kind }
    // A legacy `gps` column, a bare `lat`, and the parts of a geopoint whatever it is called (`_waar_altitude`).
    return ["gps", "lat", "lon", "lng"].contains(compact(header)) || isSplitLocationHeader(header) ? .location : nil
  }

  /// The kind by the header rules as they were before columns were also judged by their values: the columns the
  /// hash of a row without a response id leaves out, which must stay the same so that such ids never change.
  static func kindByFirstRules(ofHeader header: String) -> PersonalDataKind? {
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

// MARK: - Judging a column by its values as well as its header

/// The first data rows of an export, column by column: what personal-data columns are judged by besides their
/// header (see ``PersonalDataColumns/judge(header:sample:)``).
///
/// Read while a file's plan is made, before its rows are streamed; at most ``rowLimit`` rows are kept, whatever
/// the size of the file.
public struct ExportSample: Hashable, Sendable {
  /// How many data rows are sampled.
  public static let rowLimit = 200
  /// No rows: columns are judged by their header alone.
  public static let empty = ExportSample(rows: [[String]]())

  /// Per column, its non-empty cells in the sampled rows, trimmed.
  public let values: [[String]]
  /// Per column, the kind of personal data most of its sampled values are (``PersonalDataColumns/kind(ofValues:)``),
  /// worked out once per file rather than once per questionnaire tried.
  public let valueKinds: [PersonalDataKind?]
  /// How many rows were sampled.
  public let rowCount: Int

  /// The sample of `rows` (data rows, without the header rows): the first ``rowLimit`` of them.
  public init(rows: some Sequence<[String]>) {
    var values: [[String]] = []
    var count = 0
    for row in rows.prefix(Self.rowLimit) {
      count += 1
      if values.count < row.count { values += Array(repeating: [], count: row.count - values.count) }
      for (index, cell) in row.enumerated() {
        let text = cell.trimmedOfWhitespace
        if !text.isEmpty { values[index].append(text) }
      }
    }
    self.values = values
    self.rowCount = count
    self.valueKinds = values.map { PersonalDataColumns.kind(ofValues: $0) }
  }

  /// The non-empty sampled cells of a column.
  public func values(of column: Int) -> [String] { values.indices.contains(column) ? values[column] : [] }

  /// The kind of personal data most of a column's sampled cells are, or `nil`.
  public func valueKind(of column: Int) -> PersonalDataKind? {
    valueKinds.indices.contains(column) ? valueKinds[column] : nil
  }
}

/// What a column's header and its sampled values say about personal data.
public struct PersonalDataEvidence: Hashable, Sendable {
  /// The kind its header names (``PersonalDataColumns/kind(ofHeader:)``).
  public var headerKind: PersonalDataKind?
  /// The kind most of its sampled values are (``PersonalDataColumns/kind(ofValues:)``).
  public var valueKind: PersonalDataKind?
  /// Whether it is one part of a location split over several columns (`LocationLatitude`, `_gps_longitude`,
  /// `groep-locatie-Accuracy`): always dropped.
  public var isSplitLocation: Bool
  /// The name of the column (of those it goes by) that suggests personal data, for the report.
  public var header: String?

  public init(
    headerKind: PersonalDataKind?, valueKind: PersonalDataKind?, isSplitLocation: Bool, header: String? = nil
  ) {
    self.headerKind = headerKind
    self.valueKind = valueKind
    self.isSplitLocation = isSplitLocation
    self.header = header
  }

  /// The kind the column is reported as: its header's, else its values'.
  public var kind: PersonalDataKind? { headerKind ?? valueKind }
}

/// What was decided about a column whose header or sampled values suggest personal data.
public struct PersonalDataDecision: Hashable, Sendable {
  public enum Outcome: Hashable, Sendable {
    /// Never read, never stored.
    case dropped
    /// Read as this item: its header suggests personal data, but the header matches the item and every sampled
    /// value is an answer to it (the item is not free text).
    case readAsItem(Question.ID)
    /// Read as the item the mapping file names for it: closed items check every value, open answers are masked.
    case mapped(Question.ID)
  }

  /// The column.
  public var index: Int
  /// The kind of personal data its header or values suggest.
  public var kind: PersonalDataKind
  public var evidence: PersonalDataEvidence
  public var outcome: Outcome
  /// For a dropped column: the item its header matches (it was dropped in doubt: its values are free text, not
  /// all answers, or personal data).
  public var matchedItem: Question.ID?
  /// Whether the mapping file names the column.
  public var isNamedInMapping: Bool

  public init(
    index: Int, kind: PersonalDataKind, evidence: PersonalDataEvidence, outcome: Outcome,
    matchedItem: Question.ID? = nil, isNamedInMapping: Bool = false
  ) {
    self.index = index
    self.kind = kind
    self.evidence = evidence
    self.outcome = outcome
    self.matchedItem = matchedItem
    self.isNamedInMapping = isNamedInMapping
  }

  /// Whether the column is never read.
  public var isDropped: Bool { outcome == .dropped }

  /// The kind as the list of dropped columns names it: `e-mail address`, or `location, by its values` when the
  /// header did not suggest it.
  public var reportedKind: String {
    evidence.headerKind == nil ? "\(kind.label), by its values" : kind.label
  }

  /// The line of an import report that says what was decided and why, for a column read after all or dropped
  /// although it matches an item; `nil` for a column simply dropped (listed with the others).
  public func reportLine(name: String) -> String? {
    // The column as the report names it, and the header that suggests personal data when that is another one
    // (Qualtrics: the tag `Q5` and the question text).
    let name =
      evidence.header.map { $0 == name ? "\"\(name)\"" : "\"\(name)\" (\"\($0)\")" } ?? "\"\(name)\""
    let suggestion =
      evidence.headerKind.map { "its header suggests \($0.labelWithArticle)" }
      ?? "its values look like \(kind.pluralLabel)"
    switch outcome {
    case .readAsItem(let item):
      return "  read as an item although \(suggestion): \(name) → \(item) (its values are answers, not "
        + "\(kind.pluralLabel))"
    case .mapped(let item):
      return "  mapped by --mapping although \(suggestion): \(name) → \(item) (a cell that is personal data "
        + "is never stored: refused for a closed item, masked in an open answer)"
    case .dropped:
      if isNamedInMapping, evidence.isSplitLocation {
        return "  not read although --mapping names it: \(name) is one part of a location split over several "
          + "columns, always dropped"
      }
      guard let matchedItem else { return nil }
      let reason =
        evidence.valueKind.map { "its values look like \($0.pluralLabel)" }
        ?? "its values are not clearly answers to the item (free text, or not all of them answers)"
      let because = evidence.headerKind == nil ? suggestion : "\(suggestion) and \(reason)"
      return "  dropped although it matches \(matchedItem): \(name) — \(because); name it in a --mapping file "
        + "to read it"
    }
  }
}

extension PersonalDataColumns {
  /// The kinds a column's values are judged by: what a cell can be as a whole. Dates, names and postcodes are
  /// not among them: a column of dates is a time stamp, and names are recognised by their header.
  static let valueKinds: Set<PersonalDataKind> = [.email, .phone, .ipAddress, .location, .bsn]

  /// What a column's header and sampled values say about personal data.
  ///
  /// The rules, applied by ``decide(_:item:isNamedInMapping:sample:in:)``:
  /// - a column whose sampled values are mostly e-mail addresses, phone numbers, IP addresses, coordinates
  ///   (a geopoint, geotrace or geoshape, `lat,lon`) or BSNs is personal data whatever its header says;
  /// - a column whose header suggests personal data is personal data, unless it matches an item that is not free
  ///   text and all its sampled values are answers to that item;
  /// - a column the mapping file names is read as the item it names (closed items check every value, open answers
  ///   are masked), except one part of a split location, which is always dropped.
  public static func judge(header names: [String], sample values: [String]) -> PersonalDataEvidence {
    judge(header: names, valueKind: kind(ofValues: values))
  }

  /// ``judge(header:sample:)`` with the kind of the values already worked out (``ExportSample/valueKinds``).
  static func judge(header names: [String], valueKind: PersonalDataKind?) -> PersonalDataEvidence {
    let named = names.lazy.compactMap { name in kind(ofHeader: name).map { (name, $0) } }.first
    return PersonalDataEvidence(
      headerKind: named?.1, valueKind: valueKind,
      isSplitLocation: named?.1 == .location && names.contains(where: isSplitLocationHeader), header: named?.0)
  }

  /// Words that name a latitude or a longitude.
  private static let coordinateWords = [
    "latitude", "longitude", "breitengrad", "langengrad", "lengtegraad", "breedtegraad",
  ]

  /// Whether a header names one part of a location written in columns of its own: Qualtrics `LocationLatitude`,
  /// KoboToolbox `_waar_latitude` … `_waar_altitude`, `_waar_precision` (whatever the geopoint is called), ODK
  /// `groep-waar-Accuracy`, a bare `lat`. Altitude, accuracy and precision only as the last part of a field name,
  /// not in a question ("How would you rate the precision of our advice?").
  static func isSplitLocationHeader(_ header: String) -> Bool {
    let key = compact(header)
    if ["lat", "lon", "lng"].contains(key) || coordinateWords.contains(where: key.contains) { return true }
    let lowered = header.trimmingCharacters(in: .whitespaces).lowercased()
    return lowered.range(of: #"[_\-/.](altitude|accuracy|precision)$"#, options: .regularExpression) != nil
      || key == "locationaccuracy"
  }

  /// What becomes of a column whose evidence suggests personal data (see ``judge(header:sample:)``).
  ///
  /// - Parameters:
  ///   - item: The item the column's header matches, or the one the mapping file names for it.
  ///   - isNamedInMapping: Whether the mapping file names the column.
  ///   - values: The column's sampled values.
  public static func decide(
    _ evidence: PersonalDataEvidence, item: Question?, isNamedInMapping: Bool, sample values: [String],
    in questionnaire: Questionnaire
  ) -> PersonalDataDecision.Outcome {
    if evidence.isSplitLocation { return .dropped }
    if let item, isNamedInMapping { return .mapped(item.id) }
    if evidence.valueKind != nil { return .dropped }
    if let item, valuesAreAnswers(values, to: item, in: questionnaire) { return .readAsItem(item.id) }
    return .dropped
  }

  /// Whether sampled values are clearly answers to an item: at least one value, every one read as an answer to
  /// it (a scale point or its label, an option, ja/nee, a grade, a number of at most four digits, a missing
  /// code), and none of them personal data. Free text never is: it may hold anything.
  public static func valuesAreAnswers(
    _ values: some Sequence<String>, to question: Question, in questionnaire: Questionnaire
  ) -> Bool {
    if case .text = question.kind { return false }
    var seen = Set<String>()
    for value in values {
      let text = value.trimmedOfWhitespace
      guard !text.isEmpty, seen.insert(text).inserted else { continue }
      guard kind(ofValue: text) == nil, case .success = ExportValue.read(text, for: question, in: questionnaire)
      else { return false }
      if case .number = question.kind, text.unicodeScalars.filter({ ("0"..."9").contains($0) }).count > 4 {
        return false
      }
    }
    return !seen.isEmpty
  }

  /// The kind of personal data most of a column's values are, or `nil`.
  ///
  /// More than half of the non-empty values must each be, as a whole, an identifier of one of the kinds a value
  /// is judged by (``kind(ofValue:)``); the kind reported is the most frequent. A column of remarks in which
  /// some respondents left their phone number is not one: a remark is more than the number.
  public static func kind(ofValues values: some Sequence<String>) -> PersonalDataKind? {
    var kinds: [String: PersonalDataKind?] = [:]
    var counts: [PersonalDataKind: Int] = [:]
    var nonEmpty = 0
    for value in values {
      let text = value.trimmedOfWhitespace
      guard !text.isEmpty else { continue }
      nonEmpty += 1
      let found: PersonalDataKind?
      if let known = kinds[text] {
        found = known
      } else {
        found = kind(ofValue: text)
        kinds[text] = found
      }
      if let found { counts[found, default: 0] += 1 }
    }
    guard counts.values.reduce(0, +) * 2 > nonEmpty else { return nil }
    return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
  }

  /// The kind of personal data a cell is as a whole: coordinates (``isCoordinates(_:)``), or an e-mail address,
  /// phone number, IP address or BSN as ``IdentifierMasking`` finds them in open answers, with nothing else in
  /// the cell but separators between several of them. `nil` for anything else, such as an answer or a remark.
  public static func kind(ofValue value: String) -> PersonalDataKind? {
    let text = value.trimmedOfWhitespace
    guard !text.isEmpty else { return nil }
    if isCoordinates(text) { return .location }
    // Such identifiers are short and hold a digit, an '@' or (IPv6) a ':'; a longer cell is a remark.
    guard text.utf8.count <= 256,
      text.unicodeScalars.contains(where: { ("0"..."9").contains($0) || $0 == "@" || $0 == ":" || $0 == "\u{FF20}" })
    else { return nil }
    let spans = IdentifierMasking.standard.identifiers(in: text)
    guard let kind = spans.first(where: { valueKinds.contains($0.kind) })?.kind else { return nil }
    var covered = Array(repeating: false, count: text.unicodeScalars.count)
    for span in spans {
      for offset in span.range where covered.indices.contains(offset) { covered[offset] = true }
    }
    for (offset, scalar) in text.unicodeScalars.enumerated() where !covered[offset] {
      if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { return nil }
    }
    return kind
  }

  /// Whether a cell is, as a whole, coordinates as survey platforms write a location answer in one column: a
  /// KoboToolbox or ODK geopoint `lat lon [alt [acc]]` (`52.3702 4.8952 0 5`), a geotrace or geoshape (such
  /// points joined by `;`), `lat,lon`, or KoboToolbox's `_geolocation` `[lat, lon]`.
  ///
  /// Latitude and longitude must be written with a decimal point and within range (±90, ±180), the accuracy
  /// must not be negative; a single number, a grade with a decimal comma (`7,5`) or option codes (`1 3`) are not
  /// coordinates. A cell holding nothing but this is a location answer: open answers are judged more strictly
  /// (see ``IdentifierMasking``), since a remark may hold numbers of any kind.
  public static func isCoordinates(_ text: String) -> Bool {
    var body = Substring(text.trimmedOfWhitespace)
    if body.hasPrefix("["), body.hasSuffix("]") { body = body.dropFirst().dropLast() }
    let points = body.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard !points.isEmpty, points.count <= 10_000 else { return false }
    return points.allSatisfy { point in
      let parts =
        point.contains(",")
        ? point.split(separator: ",", omittingEmptySubsequences: false).map {
          $0.trimmingCharacters(in: .whitespaces)
        }
        : point.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      guard (2...(point.contains(",") ? 2 : 4)).contains(parts.count),
        let latitude = coordinate(parts[0]), abs(latitude) <= 90,
        let longitude = coordinate(parts[1]), abs(longitude) <= 180
      else { return false }
      if parts.count >= 3, Double(parts[2]).map({ !$0.isFinite }) ?? true { return false }
      if parts.count == 4, Double(parts[3]).map({ !$0.isFinite || $0 < 0 }) ?? true { return false }
      return true
    }
  }

  /// A latitude or longitude: an optional minus, one to three digits, a point and at least one decimal.
  private static func coordinate(_ text: String) -> Double? {
    let scalars = Array(text.unicodeScalars)
    var index = scalars.first == "-" ? 1 : 0
    let wholeStart = index
    while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
    guard (1...3).contains(index - wholeStart), index < scalars.count, scalars[index] == "." else { return nil }
    let fractionStart = index + 1
    index = fractionStart
    while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
    guard index == scalars.count, index > fractionStart else { return nil }
    return Double(text)
  }
}
