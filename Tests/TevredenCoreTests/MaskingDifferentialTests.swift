import Foundation
import Testing

@testable import TevredenCore

/// The masker's results as recorded before its rules were made cheaper: every speed-up must leave each masked text
/// and each span exactly as it was. A privacy rule that finds one identifier less, or one more, fails here.
@Suite struct MaskingDifferentialTests {
  /// Spans as "start-end kind", joined by ", ": short enough to read beside the text.
  static func describe(_ spans: [IdentifierMasking.Span]) -> String {
    spans.map { "\($0.range.lowerBound)-\($0.range.upperBound) \($0.kind.rawValue)" }.joined(separator: ", ")
  }

  /// Text, masked text and spans, recorded with the masker of commit 2ec15a4.
  static let cases: [(text: String, masked: String, spans: String)] = [
    ("", "", ""),
    ("Goed geholpen.", "Goed geholpen.", ""),
    ("Duurde lang, bel 06-12345678", "Duurde lang, bel [telefoonnummer]", "17-28 phone"),
    (
      "Mijn buurman Piet de Vries belde, daarna mevrouw Jansen.", "Mijn buurman [naam] belde, daarna mevrouw [naam].",
      "13-26 name, 49-55 name"
    ),
    ("Ik ben Anna en mijn zoon heet Daan.", "Ik ben [naam] en mijn zoon heet [naam].", "7-11 name, 30-34 name"),
    (
      "Geholpen door Yvonne van het wijkteam, een gesprek met Karin.",
      "Geholpen door [naam] van het wijkteam, een gesprek met [naam].", "14-20 name, 55-60 name"
    ),
    (
      "dhr. P. de Vries en mevr. de boer kwamen langs", "dhr. [naam] en mevr. [naam] kwamen langs",
      "5-16 name, 26-33 name"
    ),
    (
      "Kees en Mieke, Emma, Noah waren er ook.", "[naam] en [naam], [naam], [naam] waren er ook.",
      "0-4 name, 8-13 name, 15-19 name, 21-25 name"
    ),
    ("iemand die linda heette", "iemand die [naam] heette", "11-16 name"),
    ("haar naam is Anna Bakker", "haar naam is [naam]", "13-24 name"),
    ("naam: Fatima el Amrani", "naam: [naam]", "6-22 name"),
    ("mijn ex el Amrani belt steeds", "mijn ex [naam] belt steeds", "8-17 name"),
    ("t.n.v. Jansen, t n v Bakker", "t.n.v. [naam], t n v [naam]", "7-13 name, 21-27 name"),
    ("Ik ben Mohammed.", "Ik ben [naam].", "7-15 name"),
    ("hij heet mohammed en zij heet ayşe", "hij heet [naam] en zij heet [naam]", "9-17 name, 30-34 name"),
    ("Mail jan@example.nl of j.jansen@gmail.com", "Mail [e-mail] of [e-mail]", "5-19 email, 23-41 email"),
    ("jan at gmail punt com", "[e-mail]", "0-21 email"),
    ("jan (at) example (dot) nl", "[e-mail]", "0-25 email"),
    ("piet [at] hotmail [punt] nl", "[e-mail]", "0-27 email"),
    ("kees apenstaartje ziggo punt nl", "[e-mail]", "0-31 email"),
    ("mail jan\u{FF20}example.nl", "mail [e-mail]", "5-19 email"),
    ("jan @ example.org en marie@ example.com", "[e-mail] en [e-mail]", "0-17 email, 21-39 email"),
    ("info at veiligthuis dot org", "[e-mail]", "0-27 email"),
    ("we were at home, at the end", "we were at home, at the end", ""),
    ("Bel 0612345678 of 06 123 456 78", "Bel [telefoonnummer] of [telefoonnummer]", "4-14 phone, 18-31 phone"),
    (
      "+31 6 12345678, +31 (0)20 123 4567, 0031 20 1234567", "[telefoonnummer], [telefoonnummer], [telefoonnummer]",
      "0-14 phone, 16-34 phone, 36-51 phone"
    ),
    ("(020) 123 45 67", "[telefoonnummer]", "0-15 phone"),
    ("+32 2 555 12 34", "[telefoonnummer]", "0-15 phone"),
    ("0612345678,0687654321", "[telefoonnummer],[telefoonnummer]", "0-10 phone, 11-21 phone"),
    ("0.5 1.5 2.5 06", "0.5 1.5 2.5 06", ""),
    ("BSN 123456782 en 123.456.782 en 1234-56-782", "BSN [BSN] en [BSN] en [BSN]", "4-13 bsn, 17-28 bsn, 32-43 bsn"),
    ("bsn: 12345672", "bsn: [BSN]", "5-13 bsn"),
    ("12.345.672 en 123 45 672", "[BSN] en [BSN]", "0-10 bsn, 14-24 bsn"),
    ("NL91ABNA0417164300 en NL91 ABNA 0417 1643 00", "[IBAN] en [IBAN]", "0-18 iban, 22-44 iban"),
    ("IP 192.168.1.10 en 2001:db8::1", "IP [IP-adres] en [IP-adres]", "3-15 ip_address, 19-30 ip_address"),
    ("fe80::1ff:fe23:4567:890a", "[IP-adres]", "0-24 ip_address"),
    (
      "Postcode 1811 AB Alkmaar; 1234ab; postcode 1234 ab", "Postcode [postcode] Alkmaar; 1234ab; postcode [postcode]",
      "9-16 postcode, 43-50 postcode"
    ),
    ("Ik woon op de Dorpsstraat 12a in 1811 AB", "Ik woon op [adres] in [postcode]", "11-29 address, 33-40 postcode"),
    ("woont op Grote Noord 45 A", "woont op [adres]", "9-25 address"),
    ("van der Helststraat 7 bis", "[adres]", "0-25 address"),
    ("Burgemeester Jhr. Quarles van Uffordlaan 3", "[adres]", "0-42 address"),
    ("huisnummer: 12b", "huisnummer: 12b", ""),
    (
      "kenteken AB-12-CD, 12-ABC-3, 58 LKG 3, kenteken 1ABC23",
      "kenteken [kenteken], [kenteken], [kenteken], kenteken [kenteken]",
      "9-17 licence_plate, 19-27 licence_plate, 29-37 licence_plate, 48-54 licence_plate"
    ),
    (
      "geboren 12-03-1985, 1985-03-12, 12/3/85, 12.03.1985", "geboren [datum], [datum], [datum], [datum]",
      "8-18 date, 20-30 date, 32-39 date, 41-51 date"
    ),
    ("12 maart 1985, 12 mrt. '85, March 4, 1990", "[datum], [datum], [datum]", "0-13 date, 15-26 date, 28-41 date"),
    ("geboren op 3 juni, jarig op 17 november", "geboren op [datum], jarig op [datum]", "11-17 date, 28-39 date"),
    (
      "zaaknummer 2025-1290, dossier nr 2025-1290, ons kenmerk is AB123",
      "zaaknummer [zaaknummer], dossier nr [zaaknummer], ons kenmerk is [zaaknummer]",
      "11-20 case_number, 33-42 case_number, 59-64 case_number"
    ),
    (
      "VT-2026-00123, VT2026/123, vt-2025-04711, VT 2026 00987",
      "[zaaknummer], [zaaknummer], [zaaknummer], [zaaknummer]",
      "0-13 case_number, 15-25 case_number, 27-40 case_number, 42-55 case_number"
    ),
    (
      "Locatie 52.3676, 4.9041 en 52\u{B0}22'N 4\u{B0}53'E", "Locatie [locatie] en [locatie]",
      "8-23 location, 27-41 location"
    ),
    ("N 52.6312 E 4.7486", "[locatie]", "0-18 location"),
    ("52.37 4.89 0 0;52.38 4.90 0 0", "[locatie]", "0-29 location"),
    ("3.14159 2.71828 1.41421 1.73205", "3.14159 2.71828 1.41421 1.73205", ""),
    (
      "Ik geef een 8. Het duurde 12 weken, in 2026 heb ik 3 gesprekken gehad, om 10:30 en 14.15 uur.",
      "Ik geef een 8. Het duurde 12 weken, in 2026 heb ik 3 gesprekken gehad, om 10:30 en 14.15 uur.", ""
    ),
    ("bel 06\u{2011}1234\u{200B}5678", "bel [telefoonnummer]", "4-16 phone"),
    (
      "\u{FF10}\u{FF16}\u{FF11}\u{FF12}\u{FF13}\u{FF14}\u{FF15}\u{FF16}\u{FF17}\u{FF18}", "[telefoonnummer]",
      "0-10 phone"
    ),
    (
      "Zoë en Renée uit Curaçao; mevrouw Özdemir, meneer Çelik",
      "[naam] en [naam] uit Curaçao; mevrouw [naam], meneer [naam]", "0-3 name, 7-12 name, 34-41 name, 50-55 name"
    ),
    ("Élodie woont in België bij haar tante Ñuñez", "Élodie woont in België bij haar tante [naam]", "38-43 name"),
    (
      "Mijn moeder uit Den Helder, en de heer van Medemblik.", "Mijn moeder uit Den Helder, en de heer van Medemblik.",
      ""
    ),
    // A name in capitals after a title is masked, with the word after it (before, nothing was: a gap).
    ("ALLES WAS GOED, MEVROUW JANSEN HIELP", "ALLES WAS GOED, MEVROUW [naam]", "24-36 name"),
    (
      "Sent from my iPhone \u{1F600} met vriendelijke groet, Piet",
      "Sent from my iPhone \u{1F600} met vriendelijke groet, [naam]", "46-50 name"
    ),
    ("groeten, Jan-Willem van den Berg", "groeten, [naam]", "9-32 name"),
    ("De hulpverlener Sanne\u{AD}Bakker", "De hulpverlener [naam]", "16-28 name"),
    ("tel\u{A0}06\u{A0}12\u{A0}34\u{A0}56\u{A0}78", "tel\u{A0}[telefoonnummer]", "4-18 phone"),
    ("Mevrouw J.H. de Vries-Bakker, mw. van Dijk", "Mevrouw [naam], mw. [naam]", "8-28 name, 34-42 name"),
    ("mijn broer in België", "mijn broer in België", ""),
    ("'s Avonds belde 't Hoen? Nee, d'Artagnan.", "'s Avonds belde 't Hoen? Nee, d'Artagnan.", ""),
    ("\t\n  \n", "\t\n  \n", ""),
    ("Tel: 020-1234567 / 06-1234 5678", "Tel: 020-1234567 / [telefoonnummer]", "19-31 phone"),
    ("123.45 678.90 234.56 789.01", "123.45 678.90 234.56 789.01", ""),
    ("Mijn dochter Lotte (8) en zoon Sem", "Mijn dochter [naam] (8) en zoon [naam]", "13-18 name, 31-34 name"),
    (
      "Dossiernummer: 12345; klantnummer 998877", "Dossiernummer: [zaaknummer]; klantnummer [zaaknummer]",
      "15-20 case_number, 34-40 case_number"
    ),
    ("De Politie en Veilig Thuis en de GGD", "De Politie en Veilig Thuis en de GGD", ""),
    ("Door Corona was het lastig. Met Teams ging het.", "Door Corona was het lastig. Met Teams ging het.", ""),
    ("e-mail: Jan.Jansen+vt@Example.co.uk", "e-mail: [e-mail]", "8-35 email"),
    ("aan Jansen gevraagd, tegen Bakker gezegd", "aan Jansen gevraagd, tegen [naam] gezegd", "27-33 name"),
    ("Ik ben Piet", "Ik ben [naam]", "7-11 name"),
    (
      "Mijn naam is Ahmed el Idrissi en ik woon op Kerkstraat 5", "Mijn naam is [naam] en ik woon op [adres]",
      "13-29 name, 44-56 address"
    ),
    ("Ze belde 1 januari 2026 om 10.30 uur", "Ze belde [datum] om 10.30 uur", "9-23 date"),
    ("wachttijd 3-4 weken, cijfer 7/10, 1-2-3", "wachttijd 3-4 weken, cijfer 7/10, 1-2-3", ""),
    ("mevrouw Jan\u{200D}sen", "mevrouw [naam]", "8-15 name"),
    // A decomposed accent belongs to its word: the whole name is masked (before, "\u{301} García" was left).
    ("mevrouw Jose\u{301} Garci\u{301}a", "mevrouw [naam]", "8-21 name"),
    ("mevrouw \u{FF2A}\u{FF41}\u{FF4E}\u{FF53}\u{FF45}\u{FF4E}", "mevrouw [naam]", "8-14 name"),
    ("ip ::1 en 10.0.0.1.", "ip ::1 en [IP-adres].", "10-18 ip_address"),
    ("Contact: piet_jansen%x@sub.domain.nl", "Contact: [e-mail]", "9-36 email"),
    (
      "Mijn buurvrouw Truus\u{FEFF} van der Meer en haar man Henk", "Mijn buurvrouw [naam] en haar man [naam]",
      "15-34 name, 47-51 name"
    ),
    ("Bedankt Linda! Groetjes, Sophie.", "Bedankt [naam]! Groetjes, [naam].", "8-13 name, 25-31 name"),
    (
      "Wij zijn geholpen door Mevr. Yilmaz en Dhr. de Jong van Veilig Thuis.",
      "Wij zijn geholpen door [naam] en Dhr. [naam].", "23-35 name, 44-68 name"
    ),
    (
      "Mijn vader woonde in de Kerkstraat, nu Stationsweg 101-3.", "Mijn vader woonde in [adres], nu [adres].",
      "21-34 address, 39-56 address"
    ),
    (
      "Op 2 februari '24 belde ik met Bart van Veilig Thuis.", "Op [datum] belde ik met [naam].",
      "3-17 date, 31-52 name"
    ),
    ("\u{FF11}\u{FF18}\u{FF11}\u{FF11} \u{FF21}\u{FF22}", "[postcode]", "0-7 postcode"),
  ]

  @Test func everyRecordedInputIsMaskedAsBefore() {
    #expect(Self.cases.count >= 60)
    for (text, masked, spans) in Self.cases {
      let result = IdentifierMasking.standard.mask(text)
      #expect(result.text == masked, "\(text)")
      #expect(Self.describe(result.spans) == spans, "\(text)")
      #expect(Self.describe(IdentifierMasking.standard.identifiers(in: text)) == spans, "\(text)")
    }
  }

  /// Long texts: a remark repeated until it is several thousand characters, masked as each of its copies is.
  @Test func aLongTextIsMaskedAsItsPartsAre() {
    let part = "Mijn buurman Piet de Vries belde 06-12345678 over de Dorpsstraat 12a, 1811 AB. "
    let result = IdentifierMasking.standard.mask(String(repeating: part, count: 60))
    let maskedPart = "Mijn buurman [naam] belde [telefoonnummer] over [adres], [postcode]. "
    #expect(result.text == String(repeating: maskedPart, count: 60))
    #expect(result.spans.count == 240)
  }

  /// The labelled corpora's remarks, and variants of them that reach other branches of the rules: in lower and in
  /// upper case, with a zero-width space after every seventh character, with non-breaking spaces, and twenty
  /// remarks joined into one long text.
  static func digestCorpus() -> [String] {
    let remarks = (LabelledRemark.corpus("privacy-corpus") + LabelledRemark.corpus("privacy-holdout")).map(\.text)
    func zeroWidth(_ text: String) -> String {
      var scalars = String.UnicodeScalarView()
      for (offset, scalar) in text.unicodeScalars.enumerated() {
        scalars.append(scalar)
        if offset % 7 == 6 { scalars.append("\u{200B}") }
      }
      return String(scalars)
    }
    var texts = remarks
    texts += remarks.map { $0.lowercased() }
    texts += remarks.map { $0.uppercased() }
    texts += remarks.map(zeroWidth)
    texts += remarks.map { $0.replacingOccurrences(of: " ", with: "\u{00A0}") }
    texts += stride(from: 0, to: remarks.count, by: 20).map {
      remarks[$0..<min($0 + 20, remarks.count)].joined(separator: " ")
    }
    return texts.map { text in
      let result = IdentifierMasking.standard.mask(text)
      return "\(text)\t\(result.text)\t\(describe(result.spans))\n"
    }
  }

  static func digest() -> String {
    SHA256.hex(of: Data(digestCorpus().joined().utf8))
  }

  @Test func theLabelledCorporaAndTheirVariantsAreMaskedAsBefore() {
    #expect(Self.digestCorpus().count > 3000)
    // Changed on 2026-12-06 when names in capitals began to be masked, and licence plates after a word in capitals
    // were no longer missed nor words and numbers in capitals taken for plates: 151 of the 3,106 texts, all of them
    // capitalised variants, each compared by hand with what was masked before.
    #expect(Self.digest() == "1f4c17626bdb072217ff422f22b6389ce3503603ac0da6e53ebe81748717e14f")
  }
}
