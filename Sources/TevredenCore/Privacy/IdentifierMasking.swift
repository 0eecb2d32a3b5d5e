import Foundation

/// Finds and masks identifiers in free text before anything stores or exports it: the one service that every path
/// calls (an interview's open answers, every import format, a merged station, an export, a response's id, an import
/// file's name).
///
/// Rule based, like *deduce* (Menger et al. 2017) for Dutch clinical text, and tuned for what respondents of Veilig
/// Thuis write: BSN in any grouping (also with its leading zero dropped), e-mail addresses also written out
/// ("jan at gmail punt com", "[at]", "(dot)", a fullwidth "＠"), phone numbers in Dutch and foreign forms, IBAN,
/// postcodes, street addresses, person names after a title or a word for a relation ("mijn buurman Piet de
/// Vries", "mevrouw Jansen") or from a list of common first names, licence plates, dates (a full date: day, month
/// and year), IP addresses, coordinates, and case numbers in Veilig Thuis' style. Invisible characters (zero-width
/// spaces, soft hyphens) and fullwidth or typographic variants are seen through.
///
/// It must not mask what the figures need or what identifies no one: decimal numbers, grades, counts, years, times,
/// municipality names, organisations. The labelled corpus in the tests and `Benchmarks/masking-vs-deduce.py`
/// measure both sides per category.
public struct IdentifierMasking: Sendable {
  /// Place names that are never names of persons, such as the region's municipalities.
  public var placeNames: Set<String> {
    didSet { placeTable = Self.table(of: placeNames) }
  }
  /// ``placeNames`` for ASCII words, looked up without hashing a string.
  private var placeTable: ASCIIWordTable

  public init(placeNames: some Sequence<String> = []) {
    var names = Set(Self.northHollandNorth.map { $0.lowercased() })
    for name in placeNames { names.insert(name.lowercased()) }
    self.placeNames = names
    placeTable = Self.table(of: names)
  }

  private static func table(of placeNames: Set<String>) -> ASCIIWordTable {
    ASCIIWordTable(placeNames.map { ($0, 1) })
  }

  /// The masker with the municipalities of Noord-Holland Noord as place names.
  public static let standard = IdentifierMasking()

  /// One identifier found: where it is (offsets in the text's Unicode scalars) and what it is.
  public struct Span: Hashable, Sendable {
    public var range: Range<Int>
    public var kind: PersonalDataKind
  }

  /// A text with its identifiers replaced by markers.
  public struct Result: Hashable, Sendable {
    public var text: String
    /// What was found, in order, in offsets of the original text's Unicode scalars.
    public var spans: [Span]
    /// The kinds found, in order of their first occurrence.
    public var masked: [PersonalDataKind] {
      var kinds: [PersonalDataKind] = []
      for span in spans where !kinds.contains(span.kind) { kinds.append(span.kind) }
      return kinds
    }
  }

  /// The text with every identifier replaced by the marker of its kind (``PersonalDataKind/marker``).
  public func mask(_ text: String) -> Result {
    let spans = identifiers(in: text)
    guard !spans.isEmpty else { return Result(text: text, spans: []) }
    return Result(text: Self.replacing(spans, in: text), spans: spans)
  }

  /// The text with each span replaced by its kind's marker; the spans are in order and do not overlap.
  static func replacing(_ spans: [Span], in text: String) -> String {
    // The spans' ends as string indices, found in one walk over the scalars; the text between is copied whole.
    var output = ""
    output.reserveCapacity(text.utf8.count + spans.count * 12)
    var copiedUpTo = text.startIndex
    var spanIndex = 0
    var offset = 0
    var index = text.unicodeScalars.startIndex
    var spanStart = text.startIndex
    while spanIndex < spans.count {
      let span = spans[spanIndex]
      if offset == span.range.lowerBound { spanStart = index }
      if offset == span.range.upperBound {
        output += text[copiedUpTo..<spanStart]
        output += span.kind.marker
        copiedUpTo = index
        spanIndex += 1
        continue  // the next span may start right here
      }
      guard index < text.unicodeScalars.endIndex else { break }
      index = text.unicodeScalars.index(after: index)
      offset += 1
    }
    output += text[copiedUpTo...]
    return output
  }

  /// The identifiers in the text, in order, not overlapping.
  public func identifiers(in text: String) -> [Span] {
    guard !text.isEmpty else { return [] }
    let normal = NormalizedText(text)
    var scanner = Scanner(text: normal, placeNames: placeNames, placeTable: placeTable)
    scanner.scan()
    // Most remarks hold nothing: no sorting and no array for them. (Spans never overlap, so their starts differ and
    // the order is the same however they are sorted.)
    guard !scanner.found.isEmpty else { return [] }
    var found = scanner.found
    if found.count > 1 { found.sort { $0.range.lowerBound < $1.range.lowerBound } }
    return found.map { span in
      // Back to the original text's offsets: from the first character's to just after the last one's.
      let start = normal.origin(of: span.range.lowerBound)
      let end = normal.origin(of: span.range.upperBound - 1) + 1
      return Span(range: start..<end, kind: span.kind)
    }
  }

  /// The kinds that make an identifier (a response id, an interviewer code, a file name) personal data. Dates, case
  /// numbers and coordinates are left out: platforms' ids and file names carry timestamps and serial numbers.
  static let identifyingKinds: Set<PersonalDataKind> = [
    .email, .phone, .bsn, .iban, .ipAddress, .name, .address, .postcode, .licencePlate,
  ]

  /// The kind of personal data an identifier holds (a response id such as an e-mail address or a BSN, an
  /// interviewer "code" that is a name), or `nil`. Ids that tevreden makes itself (`VT-…` interviews, row hashes)
  /// are known to hold none.
  public func personalData(inIdentifier identifier: String) -> PersonalDataKind? {
    if identifier.contains(":row-") || Self.isInterviewID(identifier) { return nil }
    // The key `privacy scan` gives a response whose id was personal data: random hex, which by chance can hold a
    // run of digits that reads as a number.
    if identifier.hasPrefix("masked-"), UUID(uuidString: String(identifier.dropFirst("masked-".count))) != nil {
      return nil
    }
    let found = { (text: String) in identifiers(in: text).first { Self.identifyingKinds.contains($0.kind) }?.kind }
    if let kind = found(identifier) { return kind }
    // Separators of ids read as spaces too, so that "piet_jansen" or "Piet-Jansen" are two words.
    let spaced = String(
      String.UnicodeScalarView(identifier.unicodeScalars.map { "_-:/".unicodeScalars.contains($0) ? " " : $0 }))
    return spaced == identifier ? nil : found(spaced)
  }

  /// A file name with its personal data masked ("antwoorden-Piet-Jansen.csv" → "antwoorden-[naam].csv"): an
  /// import batch records the name of the file it read.
  public func maskFileName(_ name: String) -> String {
    let scalars = Array(name.unicodeScalars)
    let spaced = String(String.UnicodeScalarView(scalars.map { "_-".unicodeScalars.contains($0) ? " " : $0 }))
    let spans = identifiers(in: spaced).filter { Self.identifyingKinds.contains($0.kind) }
    guard !spans.isEmpty else { return name }
    var output = String.UnicodeScalarView()
    var position = 0
    for span in spans {
      output.append(contentsOf: scalars[position..<span.range.lowerBound])
      output.append(contentsOf: span.kind.marker.unicodeScalars)
      position = span.range.upperBound
    }
    output.append(contentsOf: scalars[position...])
    return String(output)
  }

  /// `VT-` and six characters of the interview ids' alphabet.
  static func isInterviewID(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    guard scalars.count == 9, text.hasPrefix("VT-") else { return false }
    return scalars[3...].allSatisfy { "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".unicodeScalars.contains($0) }
  }

  /// The municipalities of Noord-Holland Noord and the region's larger places: never masked as names.
  static let northHollandNorth = [
    "Alkmaar", "Bergen", "Castricum", "Den Helder", "Dijk en Waard", "Drechterland", "Enkhuizen", "Heiloo",
    "Hollands Kroon", "Hoorn", "Koggenland", "Medemblik", "Opmeer", "Schagen", "Stede Broec", "Texel", "Uitgeest",
    "Heerhugowaard", "Langedijk", "Julianadorp", "Anna Paulowna", "Wieringermeer", "Den Burg", "Egmond",
    "Noord-Holland", "Nederland", "Amsterdam", "Haarlem", "Zaandam", "Purmerend",
  ]
}

extension PersonalDataKind {
  /// What replaces an identifier of this kind in a text.
  public var marker: String {
    switch self {
    case .name: "[naam]"
    case .email: "[e-mail]"
    case .phone: "[telefoonnummer]"
    case .ipAddress: "[IP-adres]"
    case .location: "[locatie]"
    case .address: "[adres]"
    case .postcode: "[postcode]"
    case .bsn: "[BSN]"
    case .iban: "[IBAN]"
    case .licencePlate: "[kenteken]"
    case .date: "[datum]"
    case .caseNumber: "[zaaknummer]"
    case .recipientReference: "[kenmerk]"
    }
  }
}

/// A text as the scanner reads it: Unicode scalars with invisible characters left out and look-alikes mapped to
/// their plain forms (fullwidth letters, digits and '＠'; non-breaking and typographic hyphens and spaces), each
/// remembering where it stood in the original.
struct NormalizedText {
  var scalars: [Unicode.Scalar] = []
  /// For each scalar, its offset in the original text; empty when every scalar stands where it stood (an ASCII
  /// text, as most remarks are: nothing left out or mapped, no array to fill).
  private var origin: [Int] = []

  /// The offset in the original text of the scalar at `index`.
  func origin(of index: Int) -> Int { origin.isEmpty ? index : origin[index] }

  init(_ text: String) {
    let count = text.utf8.count  // at least the number of scalars: no second walk through the text to count them
    if let ascii = Self.asciiScalars(text) {
      scalars = ascii
      return
    }
    scalars.reserveCapacity(count)
    origin.reserveCapacity(count)
    var offset = -1
    for scalar in text.unicodeScalars {
      offset += 1
      if scalar.value < 0x80 {
        scalars.append(scalar)
        origin.append(offset)
        continue
      }
      switch scalar.value {
      case 0x200B...0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E:
        continue  // zero-width spaces and joiners, word joiner, BOM, soft hyphen
      case 0xFF01...0xFF5E:
        scalars.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
      case 0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xFE63, 0xFF0D:
        scalars.append("-")
      case 0x00A0, 0x2007, 0x202F, 0x2009, 0x200A, 0x3000:
        scalars.append(" ")
      case 0xFE6B:
        scalars.append("@")
      case 0x2024, 0xFF0E:
        scalars.append(".")
      default:
        scalars.append(scalar)
      }
      origin.append(offset)
    }
  }

  /// The scalars of an ASCII text, read from its bytes, or `nil` when any byte is not ASCII.
  private static func asciiScalars(_ text: String) -> [Unicode.Scalar]? {
    let scalars = text.utf8.withContiguousStorageIfAvailable { bytes -> [Unicode.Scalar]? in
      guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
      return [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
        for (offset, byte) in bytes.enumerated() { buffer[offset] = Unicode.Scalar(byte) }
        initialized = bytes.count
      }
    }
    return scalars ?? nil
  }
}

extension Response {
  /// The response with every open answer masked.
  public func maskingText(using masking: IdentifierMasking) -> Response {
    var masked = self
    for (item, answer) in answers {
      if case .value(.text(let text)) = answer { masked.answers[item] = .value(.text(masking.mask(text).text)) }
    }
    return masked
  }
}

extension Response {
  /// The kinds of identifiers its open answers hold, each once per occurrence: what storing it will mask.
  public func identifierKindsInText(using masking: IdentifierMasking) -> [PersonalDataKind] {
    answers.values.flatMap { answer -> [PersonalDataKind] in
      guard case .value(.text(let text)) = answer else { return [] }
      return masking.identifiers(in: text).map(\.kind)
    }
  }
}

extension PositionalResponse {
  /// ``Response/identifierKindsInText(using:)`` of ``response``, without keying the answers by item id; the kinds
  /// come in the order of the questions rather than of a dictionary.
  public func identifierKindsInText(using masking: IdentifierMasking) -> [PersonalDataKind] {
    var kinds: [PersonalDataKind] = []
    for answer in answers {
      guard case .value(.text(let text))? = answer else { continue }
      for span in masking.identifiers(in: text) { kinds.append(span.kind) }
    }
    return kinds
  }
}
