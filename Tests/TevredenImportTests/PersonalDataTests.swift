import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore
@testable import TevredenImport

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
}
