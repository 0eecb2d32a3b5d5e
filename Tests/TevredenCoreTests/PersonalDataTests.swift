import Foundation
import Testing

@testable import TevredenCore

/// Personal data in exports: columns dropped by header, and BSN, e-mail and phone numbers masked in free text.
@Suite struct PersonalDataTests {
  @Test(arguments: [
    ("RecipientEmail", PersonalDataKind.email), ("Email Address", .email), ("E-mailadres", .email),
    ("E-Mail des Empfängers", .email), ("IPAddress", .ipAddress), ("IP-adres", .ipAddress), ("IP Address", .ipAddress),
    ("LocationLatitude", .location), ("LocationLongitude", .location), ("_geolocation", .location),
    ("some_geopoint-Latitude", .location), ("Breitengrad des Standorts", .location), ("Telefoonnummer", .phone),
    ("Phone number", .phone), ("BSN", .bsn), ("RecipientFirstName", .recipientReference),
    ("ExternalReference", .recipientReference), ("ExternalDataReference", .recipientReference), ("Name", .name),
    ("Naam", .name), ("Voornaam", .name), ("Achternaam", .name), ("Tell me your name!", .name),
    ("Postcode", .address), ("Enter name", .name), ("Please enter your address [Street]", .address),
    ("Please enter your address [Postal code]", .address),
  ])
  func recognisesPersonalDataColumns(header: String, kind: PersonalDataKind) {
    #expect(PersonalDataColumns.kind(ofHeader: header) == kind)
  }

  @Test(arguments: [
    "ResponseId", "StartDate", "Q1", "Rapportcijfer", "Geslacht[other]", "Wie bent u in deze situatie?",
    "Hoe tevreden bent u over de bereikbaarheid?", "Duration (in seconds)", "Finished", "Status", "Progress",
    "Gemeente", "Timestamp", "Id", "Score", "_uuid", "DistributionChannel", "UserLanguage", "Tip",
  ])
  func leavesOtherColumnsAlone(header: String) {
    #expect(PersonalDataColumns.kind(ofHeader: header) == nil)
  }

  @Test func theElevenProefSeparatesBSNsFromOtherNumbers() {
    #expect(TextMasking.isBSN("111222333"))
    #expect(TextMasking.isBSN("123456782"))
    #expect(!TextMasking.isBSN("123456789"))
    #expect(!TextMasking.isBSN("000000000"))
    #expect(!TextMasking.isBSN("12345678"))
  }

  @Test func masksBSNEmailAndPhoneInFreeText() {
    let result = TextMasking.mask(
      "Mijn BSN is 123.456.782, mail j.jansen@example.nl of bel 06-12345678 of +31 20 123 4567.")
    #expect(
      result.text
        == "Mijn BSN is [BSN], mail [e-mail] of bel [telefoonnummer] of [telefoonnummer].")
    #expect(Set(result.masked) == [.bsn, .email, .phone])
  }

  @Test func leavesNumbersThatAreNotPersonalDataAlone() {
    let text = "Ik geef een 8. Dossier 123456789 duurde 12 weken, in 2026 heb ik 3 gesprekken gehad."
    let result = TextMasking.mask(text)
    #expect(result.text == text)
    #expect(result.masked.isEmpty)
  }

  @Test(arguments: [
    ("bel 0612345678", "bel [telefoonnummer]"),
    ("BSN 111222333", "BSN [BSN]"),
    ("a@b.nl", "[e-mail]"),
    ("Prima geholpen, 3 gesprekken in 2026.", "Prima geholpen, 3 gesprekken in 2026."),
  ])
  func theQuickCheckNeverSkipsWhatTheFullScanWouldMask(text: String, expected: String) {
    // Phone numbers and BSNs need at least nine digits, e-mail addresses an '@'.
    #expect(TextMasking.mask(text).text == expected)
  }
}
