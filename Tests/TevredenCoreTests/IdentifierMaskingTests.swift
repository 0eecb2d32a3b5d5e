import Foundation
import Testing

@testable import TevredenCore

/// A remark of the labelled corpus: its text and where its identifiers are (offsets in Unicode scalars).
struct LabelledRemark: CustomTestStringConvertible {
  var text: String
  var labels: [(range: Range<Int>, kind: String)]
  var testDescription: String { text }

  /// Reads `{kind|text}` marks out of a corpus line.
  init(line: String) {
    var plain = String.UnicodeScalarView()
    var labels: [(Range<Int>, String)] = []
    var scalars = Array(line.unicodeScalars)[...]
    while let open = scalars.firstIndex(of: "{") {
      plain.append(contentsOf: scalars[scalars.startIndex..<open])
      let bar = scalars[open...].firstIndex(of: "|") ?? open
      let close = scalars[bar...].firstIndex(of: "}") ?? bar
      let kind = String(String.UnicodeScalarView(scalars[(open + 1)..<bar]))
      let start = plain.count
      plain.append(contentsOf: scalars[(bar + 1)..<close])
      labels.append((start..<plain.count, kind))
      scalars = scalars[(close + 1)...]
    }
    plain.append(contentsOf: scalars)
    text = String(plain)
    self.labels = labels
  }

  static func corpus(_ name: String) -> [LabelledRemark] {
    let url = Bundle.module.url(forResource: "Fixtures/privacy/\(name)", withExtension: "txt")
    let text = url.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { LabelledRemark(line: String($0)) }
  }
}

/// How the masker does on the labelled corpus, per category.
struct CorpusScore {
  var found: [String: Int] = [:]
  var total: [String: Int] = [:]
  var missed: [String] = []
  var falsePositives: [String] = []
  var maskedSpans = 0

  init(_ remarks: [LabelledRemark], masking: IdentifierMasking = .standard) {
    for remark in remarks {
      let scalars = Array(remark.text.unicodeScalars)
      let spans = masking.identifiers(in: remark.text)
      maskedSpans += spans.count
      for label in remark.labels {
        total[label.kind, default: 0] += 1
        // Found when every letter and digit of it is masked: a name half masked still names someone.
        let covered = label.range.allSatisfy { index in
          !(scalars[index].properties.isAlphabetic || scalars[index].properties.numericType != nil)
            || spans.contains { $0.range.contains(index) }
        }
        if covered {
          found[label.kind, default: 0] += 1
        } else {
          missed.append("\(label.kind): \(String(String.UnicodeScalarView(scalars[label.range]))) in \(remark.text)")
        }
      }
      for span in spans where !remark.labels.contains(where: { $0.range.overlaps(span.range) }) {
        falsePositives.append(
          "\(span.kind): \(String(String.UnicodeScalarView(scalars[span.range]))) in \(remark.text)")
      }
    }
  }
}

@Suite struct IdentifierMaskingTests {
  /// The corpus made with the masker, and the hold-out written blind by someone who saw neither.
  @Test(arguments: [("privacy-corpus", 300), ("privacy-holdout", 240)])
  func theLabelledCorpusIsMaskedCompletelyAndNothingElse(name: String, identifiers: Int) {
    let remarks = LabelledRemark.corpus(name)
    #expect(remarks.count > 250)
    let score = CorpusScore(remarks)
    #expect(score.total.values.reduce(0, +) > identifiers)
    #expect(Set(score.total.keys).count == 12, "every category")
    #expect(score.missed == [], "identifiers left in place")
    #expect(score.falsePositives == [], "masked although not an identifier")
  }

  @Test func theKeysPrivacyScanGivesAreNeverPersonalDataThemselves() {
    // Random hex holds digit runs that could read as numbers; a second scan must not replace them again.
    for _ in 0..<2000 {
      #expect(IdentifierMasking.standard.personalData(inIdentifier: "masked-" + UUID().uuidString) == nil)
    }
    #expect(IdentifierMasking.standard.personalData(inIdentifier: "masked-jan@example.nl") == .email)
  }

  @Test func aNameWithDecomposedAccentsIsMaskedAsWithComposedOnes() {
    // Some systems and exports write "é" as "e" and a combining accent: the name must not come apart at the accent.
    let masking = IdentifierMasking.standard
    for (composed, decomposed) in [
      ("Geholpen door mevrouw José García.", "Geholpen door mevrouw Jose\u{301} Garci\u{301}a."),
      ("Bedankt René, groetjes!", "Bedankt Rene\u{301}, groetjes!"),
      ("Mijn buurman Çelik Ağaoğlu belde", "Mijn buurman C\u{327}elik Ag\u{306}aog\u{306}lu belde"),
    ] {
      let expected = masking.mask(composed).text
      #expect(expected.contains("[naam]"), "\(composed)")
      #expect(masking.mask(decomposed).text == expected, "\(decomposed)")
    }
  }

  /// A remark typed in capitals: every word is capitalised, so a name is told by a title or an introduction before
  /// it, by initials, or by being a known first name, and a common word in capitals ends it.
  @Test(arguments: [
    ("ALLES WAS GOED, MEVROUW JANSEN WAS ERG AARDIG", "ALLES WAS GOED, MEVROUW [naam] WAS ERG AARDIG"),
    ("MIJN BUURMAN PIET DE VRIES WAS ERBIJ", "MIJN BUURMAN [naam] WAS ERBIJ"),
    ("IK HEET FATIMA EL AMRANI", "IK HEET [naam]"),
    ("GEHOLPEN DOOR SANNE BAKKER", "GEHOLPEN DOOR [naam]"),
    ("MW. DE BOER EN DHR. JANSEN", "MW. [naam] EN DHR. [naam]"),
    ("MEVR. SAMIRA AIT TALEB HEEFT ONS GEHOLPEN", "MEVR. [naam] HEEFT ONS GEHOLPEN"),
    ("MEVROUW MARIE-JOSÉ SMIT-DE GRAAF HEEFT HET OVERGEDRAGEN", "MEVROUW [naam] HEEFT HET OVERGEDRAGEN"),
    ("NOTARIS M. VAN 'T HOF HEEFT DE PAPIEREN", "NOTARIS [naam] HEEFT DE PAPIEREN"),
    ("BEHANDELAAR J.W. TER STEEGE VAN LUCERTIS IS NOOIT GEBELD", "BEHANDELAAR [naam] VAN LUCERTIS IS NOOIT GEBELD"),
    ("MET VRIENDELIJKE GROET, DRS. A. HOEKSTRA, HUISARTS", "MET VRIENDELIJKE GROET, [naam], HUISARTS"),
    ("DHR. DE JONG VAN VEILIG THUIS BELDE", "DHR. [naam] VAN VEILIG THUIS BELDE"),
    ("mevrouw JANSEN hielp ons", "mevrouw [naam] hielp ons"),
    ("DE WIJKAGENT VAN DAM WAS ERBIJ", "DE WIJKAGENT [naam] WAS ERBIJ"),
    ("DE VADER VAN DE KINDEREN BELDE", "DE VADER VAN DE KINDEREN BELDE"),
    // Not names: an abbreviation, words after a word for a person that are no first name, a place.
    ("MEVROUW GGD", "MEVROUW GGD"),
    ("MIJN BROER KWAM MET DE AUTO OM ONS OP TE HALEN", "MIJN BROER KWAM MET DE AUTO OM ONS OP TE HALEN"),
    ("MIJN BROER IN BELGIË", "MIJN BROER IN BELGIË"),
    ("DE BUREN HOORDEN ALLES", "DE BUREN HOORDEN ALLES"),
    ("GEHOLPEN DOOR DE POLITIE EN HET WIJKTEAM", "GEHOLPEN DOOR DE POLITIE EN HET WIJKTEAM"),
    ("IK BEN BEREIKBAAR NA VIJF UUR", "IK BEN BEREIKBAAR NA VIJF UUR"),
  ])
  func namesInATextTypedInCapitalsAreMasked(text: String, expected: String) {
    #expect(IdentifierMasking.standard.mask(text).text == expected)
  }

  /// In capitals, a word, a number and a word read like a plate with spaces; plates issued since 1999 (a group of
  /// one or three) have no vowels, so those with one are left.
  @Test(arguments: [
    ("ZE BELDEN OM 9 UUR", "ZE BELDEN OM 9 UUR"),
    ("IK HEB 2 WEKEN GEWACHT", "IK HEB 2 WEKEN GEWACHT"),
    ("HET GING OM 3 VAN DE 4 KINDEREN", "HET GING OM 3 VAN DE 4 KINDEREN"),
    ("MIJN DOCHTER VAN 8 IS NOG BANG", "MIJN DOCHTER VAN 8 IS NOG BANG"),
    ("GEBELD EN OM 11:15 TERUG", "GEBELD EN OM 11:15 TERUG"),
    // A plate after a word in capitals: read from that word first, it was missed.
    ("HIJ REED WEG IN 12-ABC-3 RICHTING ALKMAAR", "HIJ REED WEG IN [kenteken] RICHTING ALKMAAR"),
    ("BESTELBUS S-123-FK STOND VOOR ONS HUIS", "BESTELBUS [kenteken] STOND VOOR ONS HUIS"),
    ("DE AUTO 58 LKG 3 STOND ER WEER", "DE AUTO [kenteken] STOND ER WEER"),
    ("ZIJN AUTO 12 BGT 3", "ZIJN AUTO [kenteken]"),
    ("ZIJN AUTO 12 ABC 3", "ZIJN AUTO 12 ABC 3"),
    ("KENTEKEN GB 12 ZT", "KENTEKEN [kenteken]"),
  ])
  func wordsAndNumbersInCapitalsAreNoLicencePlate(text: String, expected: String) {
    #expect(IdentifierMasking.standard.mask(text).text == expected)
  }

  @Test func maskingTwiceChangesNothingMore() {
    for remark in LabelledRemark.corpus("privacy-corpus") + LabelledRemark.corpus("privacy-holdout") {
      let once = IdentifierMasking.standard.mask(remark.text).text
      #expect(IdentifierMasking.standard.mask(once).text == once, "\(remark.text)")
    }
  }

  @Test func markersNameTheKindAndTheRestOfTheTextStays() {
    let result = IdentifierMasking.standard.mask(
      "Mijn BSN is 123.456.782, mail j.jansen@example.nl of bel 06-12345678 of +31 20 123 4567.")
    #expect(result.text == "Mijn BSN is [BSN], mail [e-mail] of bel [telefoonnummer] of [telefoonnummer].")
    #expect(result.masked == [.bsn, .email, .phone])
    let names = IdentifierMasking.standard.mask("Mijn buurman Piet de Vries belde, daarna mevrouw Jansen.")
    #expect(names.text == "Mijn buurman [naam] belde, daarna mevrouw [naam].")
  }

  @Test func invisibleCharactersAndLookAlikesAreSeenThroughButKeptOutOfTheResult() {
    let text = "bel 06\u{2011}1234\u{200B}5678 of mail jan\u{FF20}example.nl"
    #expect(IdentifierMasking.standard.mask(text).text == "bel [telefoonnummer] of mail [e-mail]")
  }

  @Test func theRegionsMunicipalitiesAreNeverNames() {
    let masking = IdentifierMasking(placeNames: ["Zwaagdijk"])
    let text = "mijn moeder Zwaagdijk? Nee: mijn moeder uit Den Helder, en de heer van Medemblik."
    #expect(masking.mask(text).text == text)
  }

  @Test func theElevenProefSeparatesBSNsFromOtherNumbers() {
    func digits(_ text: String) -> [Int] { text.compactMap(\.wholeNumberValue) }
    #expect(Scanner.passesElevenTest(digits("111222333")))
    #expect(Scanner.passesElevenTest(digits("123456782")))
    #expect(!Scanner.passesElevenTest(digits("123456789")))
    #expect(!Scanner.passesElevenTest(digits("000000000")))
    #expect(!Scanner.passesElevenTest(digits("12345678")))
  }

  @Test func numbersThatIdentifyNoOneStay() {
    let text = "Ik geef een 8. Het duurde 12 weken, in 2026 heb ik 3 gesprekken gehad, om 10:30 en 14.15 uur."
    #expect(IdentifierMasking.standard.mask(text) == IdentifierMasking.Result(text: text, spans: []))
  }

  @Test(arguments: [
    "3.14159 2.71828 1.41421 1.73205", "12.3456 78.9012 34.5678 90.1234", "123.45 678.90 234.56 789.01",
    "0.061234 0.5678 0.9012 0.3456", "1.2345 2.3456 3.4567 4.5678 5.6789", "metingen: 7,25 8,50 6,75 9,00",
  ])
  func seriesOfDecimalsAreNumbersNotPhonesBSNsOrPlaces(text: String) {
    #expect(IdentifierMasking.standard.mask(text).text == text)
  }

  @Test(arguments: [
    ("bel 0612345678,0687654321", "bel [telefoonnummer],[telefoonnummer]"),
    // A geopoint's altitude and accuracy are part of it.
    ("52.6324 4.7534 0 0", "[locatie]"),
    ("4.7534, 52.6324", "[locatie]"),
    ("Gegevens: -33.8688, 151.2093", "Gegevens: [locatie]"),
    ("gps 40.7128 -74.0060", "gps [locatie]"),
  ])
  func listsOfPhonesAndPlacesAreStillMasked(text: String, expected: String) {
    #expect(IdentifierMasking.standard.mask(text).text == expected)
  }

  @Test(arguments: [
    ("bel 0612345678", "bel [telefoonnummer]"),
    ("BSN 111222333", "BSN [BSN]"),
    ("a@b.nl", "[e-mail]"),
    ("jan at gmail punt com", "[e-mail]"),
    ("mijn buurman Piet", "mijn buurman [naam]"),
    ("Prima geholpen, 3 gesprekken in 2026.", "Prima geholpen, 3 gesprekken in 2026."),
  ])
  func theQuickCheckNeverSkipsWhatTheFullScanWouldMask(text: String, expected: String) {
    #expect(IdentifierMasking.standard.mask(text).text == expected)
  }

  /// Location answers of KoboToolbox and ODK pasted into (or exported as) an open answer.
  @Test(arguments: [
    ("52.3702 4.8952 0 5", "[locatie]"),
    ("52.37 4.89 0 0", "[locatie]"),
    ("ik stond op 52.3702 4.8952 0 5 toen", "ik stond op [locatie] toen"),
    // Anywhere in the world: four or more decimals, the accuracy in metres written with fewer.
    ("-33.868820 151.209290 58 10", "[locatie]"),
    ("-1.2864 36.8172 1659.699951171875 3.9", "[locatie]"),
    // A geotrace and a geoshape (the first point repeated at the end, a trailing ';').
    ("52.37 4.89 0 0;52.38 4.90 0 0;52.39 4.91 0 0", "[locatie]"),
    ("route: 52.37 4.89 0 0; 52.38 4.90 0 0, daarna thuis", "route: [locatie], daarna thuis"),
    ("40.712776 -74.005974 10 5;40.713 -74.006 10 5;40.712776 -74.005974 10 5;", "[locatie];"),
    ("-33.868820 151.209290;-33.869000 151.210000", "[locatie]"),
    // lat,lon with enough decimals.
    ("pin 52.3702,4.8952", "pin [locatie]"),
    ("[52.3702, 4.8952]", "[[locatie]]"),
    ("zie -22.9068, -43.1729", "zie [locatie]"),
  ])
  func geopointsGeotracesAndCoordinatePairsAreMaskedAsLocations(text: String, expected: String) {
    #expect(IdentifierMasking.standard.mask(text).text == expected)
    #expect(IdentifierMasking.standard.identifiers(in: text).allSatisfy { $0.kind == .location })
  }

  /// What looks a little like coordinates but is not: grades, times, money, counts, versions, lists of numbers.
  @Test(arguments: [
    "Ik geef een 7,5 en mijn partner een 8,5.", "om 10.30 en om 14.45 uur gebeld",
    "€ 12,50 en € 3.75, samen 2.500 euro",
    "1.25 2.50; 3.75 4.00", "1.25 2.50 3.75 4.00; 5.25 6.50 7.75 8.00", "12.50 3.75 0 0", "versie 2.15 3.40",
    "cijfers: 7.5; 8.0; 6.5", "score 7.5 8.0 6.5 9.0", "52 4 0 0", "0.061234 0.5678 0.9012 0.3456",
    "3.14159 2.71828 1.41421 1.73205", "12.3456 78.9012 34.5678 90.1234", "1.2345 2.3456 3.4567 4.5678 5.6789",
    "12.34 56.78 9.10 11.12;13.14 15.16 17.18 19.20", "De wachttijd was 12.5 minuten, daarna 3.25 uur.",
  ])
  func numbersThatAreNotCoordinatesStay(text: String) {
    #expect(IdentifierMasking.standard.mask(text).text == text)
  }

  @Test func ibansAreCheckedBeforeTheyAreMasked() {
    #expect(Scanner.isIBAN(Array("NL91ABNA0417164300".unicodeScalars)))
    #expect(!Scanner.isIBAN(Array("NL92ABNA0417164300".unicodeScalars)))
    #expect(IdentifierMasking.standard.mask("code NL92ABNA0417164300").text == "code NL92ABNA0417164300")
  }
}

/// What a dry run reports as masked is found in a platform row's answers by position; it must be what the response
/// keyed by item id gives.
@Suite struct PositionalMaskedKindsTests {
  @Test func positionalAnswersGiveTheKindsOfTheKeyedResponse() throws {
    let items: [Question.ID] = ["a", "b", "c", "d", "e"]
    let answers: [Answer?] = [
      .value(.text("bel 06-12345678 of mail jan@example.nl")), nil, .value(.scalePoint(3)),
      .value(.text("Goed geholpen.")), .value(.text("mijn BSN is 123456782, tel 0612345678")),
    ]
    let metadata = Response(
      id: "x", questionnaireID: "q", questionnaireVersion: 1, audience: .inwoners, group: "g", gemeente: nil,
      mode: .online, interviewer: nil, startedAt: Date(timeIntervalSince1970: 0), completedAt: nil, status: .partial,
      answers: [:])
    let positional = PositionalResponse(metadata: metadata, answers: answers, items: items)
    let kinds = positional.identifierKindsInText(using: .standard)
    #expect(kinds.count >= 4)
    #expect(kinds.sorted() == positional.response.identifierKindsInText(using: .standard).sorted())
  }
}
