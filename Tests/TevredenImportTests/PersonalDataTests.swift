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
    // The parts of a KoboToolbox or ODK geopoint, whatever the geopoint is called, and a legacy gps column.
    ("_groep_c/waar_altitude", .location), ("_groep_c/waar_precision", .location), ("groep-waar-Accuracy", .location),
    ("gps", .location), ("lat", .location),
  ])
  func recognisesPersonalDataColumns(header: String, kind: PersonalDataKind) {
    #expect(PersonalDataColumns.kind(ofHeader: header) == kind)
  }

  @Test(arguments: [
    "ResponseId", "StartDate", "Q1", "Rapportcijfer", "Geslacht[other]", "Wie bent u in deze situatie?",
    "Hoe tevreden bent u over de bereikbaarheid?", "Duration (in seconds)", "Finished", "Status", "Progress",
    "Gemeente", "Timestamp", "Id", "Score", "_uuid", "DistributionChannel", "UserLanguage", "Tip",
    "How would you rate the precision of our advice?", "Accuracy", "waar", "plek",
  ])
  func leavesOtherColumnsAlone(header: String) {
    #expect(PersonalDataColumns.kind(ofHeader: header) == nil)
  }
}

/// Personal-data columns judged by their values as well as their header: a column of identifiers is dropped
/// whatever its header says, an answer column whose header mentions e-mail or a phone is read as its item.
@Suite struct PersonalDataValueTests {
  @Test(arguments: [
    ("jan.jansen@example.nl", PersonalDataKind.email), ("piet@example.nl; anna@example.org", .email),
    ("Piet Jansen <piet@example.nl>", .email), ("06-12345678", .phone), ("+31 20 123 4567", .phone),
    ("0612345678", .phone), ("192.168.1.20", .ipAddress), ("2001:db8::1", .ipAddress), ("123456782", .bsn),
    ("52.3702 4.8952 0 5", .location), ("52.37 4.89", .location), ("-33.868820 151.209290 58.0 10.0", .location),
    ("52.37 4.89 0 0;52.38 4.90 0 0;52.39 4.91 0 0", .location), ("52.3702,4.8952", .location),
    ("[52.3702, 4.8952]", .location),
  ])
  func aCellThatIsAnIdentifierAsAWholeHasItsKind(value: String, kind: PersonalDataKind) {
    #expect(PersonalDataColumns.kind(ofValue: value) == kind)
  }

  @Test(arguments: [
    "4", "0", "1", "Tevreden", "Heel tevreden", "ja", "Yes", "7,5", "8.5", "Telefoon;E-mail", "E-mail",
    "telefoon mail", "1 3", "4 5", "52.37", "7,5 8,0", "Bel me gerust op 0612345678", "2026-03-02 10:00:00",
    "R_1aAbCdEfGhIjKlM", "Weet ik niet", "", "91.5 10.2", "12 weken", "Per telefoon of per e-mail",
  ])
  func answersRemarksAndOtherValuesHaveNone(value: String) {
    #expect(PersonalDataColumns.kind(ofValue: value) == nil)
  }

  @Test func aColumnIsPersonalDataWhenMostOfItsValuesAre() {
    #expect(PersonalDataColumns.kind(ofValues: ["a@example.nl", "", "b@example.org", "nee"]) == .email)
    #expect(PersonalDataColumns.kind(ofValues: ["a@example.nl", "nee", "ja"]) == nil)
    // Contact details of either kind: personal data, of the kind seen most.
    #expect(PersonalDataColumns.kind(ofValues: ["a@example.nl", "0612345678", "0687654321", "geen"]) == .phone)
    #expect(PersonalDataColumns.kind(ofValues: ["52.37 4.89 0 0", "52.38 4.90 0 0", ""]) == .location)
    #expect(PersonalDataColumns.kind(ofValues: ["", ""]) == nil)
    #expect(PersonalDataColumns.kind(ofValues: ["Fijn geholpen, bel 0612345678", "Prima", "a@example.nl"]) == nil)
  }

  @Test func theHeaderAndTheValuesAreBothEvidence() {
    let contact = PersonalDataColumns.judge(
      header: ["Hoe wilt u contact: per telefoon of e-mail?"], sample: ["Telefoon", "E-mail"])
    #expect(
      contact
        == PersonalDataEvidence(
          headerKind: .email, valueKind: nil, isSplitLocation: false,
          header: "Hoe wilt u contact: per telefoon of e-mail?"))
    let waar = PersonalDataColumns.judge(header: ["waar"], sample: ["52.3702 4.8952 0 5", "52.6324 4.7534 0 5"])
    #expect(waar == PersonalDataEvidence(headerKind: nil, valueKind: .location, isSplitLocation: false))
    #expect(PersonalDataColumns.judge(header: ["gps"], sample: []).headerKind == .location)
    for split in [
      "LocationLatitude", "_groep_c/locatie_latitude", "gps-Latitude", "groep-locatie-Accuracy", "lat",
      "_groep_c/waar_precision",
    ] {
      #expect(PersonalDataColumns.judge(header: [split], sample: ["52.37"]).isSplitLocation, "\(split)")
    }
    for whole in ["groep_c/locatie", "_geolocation", "gps", "Op welke locatie was het gesprek?"] {
      #expect(!PersonalDataColumns.judge(header: [whole], sample: []).isSplitLocation, "\(whole)")
    }
  }

  @Test func theRulesDecideWhatBecomesOfAColumn() throws {
    let definition = try contactDefinition()
    let questionnaire = definition.questionnaire
    let contact = try #require(questionnaire.question("contact"))
    let opmerking = try #require(questionnaire.question("opmerking"))
    let gesprekken = try #require(questionnaire.question("gesprekken"))
    let byHeader = PersonalDataEvidence(headerKind: .email, valueKind: nil, isSplitLocation: false)
    let byValues = PersonalDataEvidence(headerKind: nil, valueKind: .email, isSplitLocation: false)
    let split = PersonalDataEvidence(headerKind: .location, valueKind: nil, isSplitLocation: true)
    func decide(_ evidence: PersonalDataEvidence, _ item: Question?, named: Bool = false, _ values: [String])
      -> PersonalDataDecision.Outcome
    {
      PersonalDataColumns.decide(evidence, item: item, isNamedInMapping: named, sample: values, in: questionnaire)
    }
    // The header mentions e-mail, the values are the item's options: read as the item.
    #expect(decide(byHeader, contact, ["Telefoon", "Huisbezoek;Telefoon", ""]) == .readAsItem("contact"))
    #expect(decide(byHeader, gesprekken, ["1", "3", "12"]) == .readAsItem("gesprekken"))
    // In doubt, dropped: no item, free text, a value that is no answer, no values at all, identifiers.
    #expect(decide(byHeader, nil, ["Telefoon"]) == .dropped)
    #expect(decide(byHeader, opmerking, ["Graag per telefoon"]) == .dropped)
    #expect(decide(byHeader, contact, ["Telefoon", "via mijn zus"]) == .dropped)
    #expect(decide(byHeader, contact, []) == .dropped)
    #expect(decide(byHeader, gesprekken, ["0612345678"]) == .dropped)
    // Identifiers are personal data whatever the header, unless the mapping file names the column.
    #expect(decide(byValues, contact, ["a@example.nl"]) == .dropped)
    #expect(decide(byValues, opmerking, named: true, ["a@example.nl"]) == .mapped("opmerking"))
    #expect(decide(byHeader, contact, named: true, ["Telefoon"]) == .mapped("contact"))
    // Part of a split location: always dropped.
    #expect(decide(split, gesprekken, named: true, ["5"]) == .dropped)
  }

  @Test func aNumberOfManyDigitsIsNoClearAnswer() throws {
    var definition = try contactDefinition().questionnaire
    let index = try #require(definition.questions.firstIndex { $0.id == "gesprekken" })
    definition.questions[index].kind = .number(0...1_000_000_000)
    let item = definition.questions[index]
    #expect(PersonalDataColumns.valuesAreAnswers(["12", "7"], to: item, in: definition))
    #expect(!PersonalDataColumns.valuesAreAnswers(["12", "612345678"], to: item, in: definition))
  }
}

/// The interview fixture with aliases whose wording mentions e-mail, a phone and a place, as real exports'
/// question texts do.
func contactDefinition() throws -> LoadedQuestionnaire {
  let loaded = try #require(try loadFixture("interview").loaded)
  var questionnaire = loaded.questionnaire
  let aliases: [Question.ID: String] = [
    "contact": "Hoe wilt u contact: per telefoon of e-mail?",
    "kinderen": "Did you receive an email from us?",
    "bereikbaarheid": "Hoe tevreden bent u over de bereikbaarheid (telefonisch en per mail)?",
    "opmerking": "Uw e-mailadres of een opmerking",
  ]
  for (id, alias) in aliases {
    let index = try #require(questionnaire.questions.firstIndex { $0.id == id })
    questionnaire.questions[index].aliases.append(alias)
  }
  return LoadedQuestionnaire(questionnaire: questionnaire, source: loaded.source, file: loaded.file)
}

/// A whole export converted with a sample of its rows: what is read, what is dropped, what the report says, and
/// that no identifier of a dropped or checked column reaches a response.
@Suite struct PersonalDataConversionTests {
  let definition: LoadedQuestionnaire

  init() throws {
    definition = try contactDefinition()
  }

  static let header = [
    "datum", "Email", "Hoe wilt u contact: per telefoon of e-mail?", "Did you receive an email from us?",
    "Hoe tevreden bent u over de bereikbaarheid (telefonisch en per mail)?", "waar", "group_x/waar_woont_u", "gps",
    "LocationLatitude", "Welk rapportcijfer geeft u?", "Uw e-mailadres of een opmerking",
  ]
  static let rows = [
    [
      "2026-03-02 10:00", "jan@example.nl", "Telefoon", "Yes", "4", "52.3702 4.8952 0 5",
      "52.37 4.89 0 0;52.38 4.90 0 0", "52.6324 4.7534 0 5", "52.37", "8", "bel mij",
    ],
    [
      "2026-03-03 11:00", "piet@example.org", "Telefoon;Huisbezoek", "No", "Tevreden", "-33.8688 151.2093 0 0",
      "52.39 4.91 0 0;52.40 4.92 0 0", "52.6324 4.7534 0 5", "52.40", "7", "",
    ],
  ]

  func conversion(mapping: [String: Question.ID] = [:], rows: [[String]] = rows) -> ExportConversion {
    ExportConversion(
      layout: ExportLayout.detect([Self.header] + rows, forced: .generic), definition: definition,
      explicitMapping: mapping, sample: ExportSample(rows: rows), gemeente: "Alkmaar", gemeenten: ["Alkmaar"])
  }

  @Test func answerColumnsAreReadAndLocationColumnsDroppedWhateverTheirHeader() throws {
    var conversion = conversion()
    let column = { (name: String) in try #require(Self.header.firstIndex(of: name)) }
    #expect(conversion.itemColumns[try column("Hoe wilt u contact: per telefoon of e-mail?")] == "contact")
    #expect(conversion.itemColumns[try column("Did you receive an email from us?")] == "kinderen")
    #expect(
      conversion.itemColumns[try column("Hoe tevreden bent u over de bereikbaarheid (telefonisch en per mail)?")]
        == "bereikbaarheid")
    #expect(conversion.itemColumns[try column("Welk rapportcijfer geeft u?")] == "cijfer")
    let dropped = conversion.droppedColumns.map { Self.header[$0.index] }
    #expect(
      dropped == [
        "Email", "waar", "group_x/waar_woont_u", "gps", "LocationLatitude", "Uw e-mailadres of een opmerking",
      ])
    #expect(
      conversion.droppedColumns.map(\.reportedKind) == [
        "e-mail address", "location, by its values", "location, by its values", "location", "location",
        "e-mail address",
      ])
    #expect(conversion.unmappedColumns.isEmpty)
    let lines = conversion.personalDataDecisions.compactMap { $0.reportLine(name: Self.header[$0.index]) }
    #expect(
      lines.contains(
        #"  read as an item although its header suggests an e-mail address: "Hoe wilt u contact: per telefoon of e-mail?" → contact (its values are answers, not e-mail addresses)"#
      ), "\(lines)")
    #expect(
      lines.contains {
        $0.hasPrefix(
          #"  read as an item although its header suggests a phone number: "Hoe tevreden bent u over de bereikbaarheid"#
        )
      }, "\(lines)")
    // The text column whose header asks for an e-mail address matches opmerking, but free text is never a clear answer.
    #expect(
      lines.contains {
        $0.hasPrefix(
          #"  dropped although it matches opmerking: "Uw e-mailadres of een opmerking" — its header suggests an e-mail address and its values are not clearly answers"#
        )
      }, "\(lines)")

    let first = try conversion.convert(Self.rows[0], line: 2).get().response
    #expect(first.answers["contact"] == .value(.choices(["telefoon"])))
    #expect(first.answers["kinderen"] == .value(.yesNo(true)))
    #expect(first.answers["bereikbaarheid"] == .value(.scalePoint(4)))
    let second = try conversion.convert(Self.rows[1], line: 3).get().response
    #expect(second.answers["contact"] == .value(.choices(["telefoon", "huisbezoek"])))
    #expect(second.answers["bereikbaarheid"] == .value(.scalePoint(4)))
    for response in [first, second] {
      let stored = String(describing: response.answers)
      for secret in ["52.37", "4.89", "-33.8688", "151.2093", "52.6324", "example", "bel mij"] {
        #expect(!stored.contains(secret), "\(secret) in \(stored)")
      }
    }
  }

  @Test func withoutASampleOnlyTheHeaderCountsAsBefore() {
    let conversion = ExportConversion(
      layout: ExportLayout.detect([Self.header] + Self.rows, forced: .generic), definition: definition,
      gemeente: "Alkmaar", gemeenten: ["Alkmaar"])
    #expect(
      conversion.droppedColumns.map { Self.header[$0.index] } == [
        "Email", "Hoe wilt u contact: per telefoon of e-mail?", "Did you receive an email from us?",
        "Hoe tevreden bent u over de bereikbaarheid (telefonisch en per mail)?", "gps", "LocationLatitude",
        "Uw e-mailadres of een opmerking",
      ])
  }

  @Test func theRowHashLeavesOutTheColumnsTheHeaderNamesSoIdsNeverChange() throws {
    // Without a response id, the id is a hash of the row: the same whether or not columns are judged by values.
    var sampled = conversion()
    let headerOnly = ExportConversion(
      layout: ExportLayout.detect([Self.header] + Self.rows, forced: .generic), definition: definition,
      gemeente: "Alkmaar", gemeenten: ["Alkmaar"])
    for (offset, row) in Self.rows.enumerated() {
      let id = try sampled.convert(row, line: offset + 2).get().response.id
      #expect(id.rawValue == headerOnly.rowHashID(row))
      // Read as items now, the answer columns whose header mentions e-mail are still left out of the hash.
      var changed = row
      changed[2] = "Huisbezoek"
      #expect(sampled.rowHashID(changed) == sampled.rowHashID(row))
      // Columns recognised since (a legacy `gps` header, a column of coordinates under `waar`) were always part of
      // the hash, and stay so: leaving them out now would give every such row a new id.
      for column in [5, 7] {
        var moved = row
        moved[column] = "52.0001 4.0001 0 0"
        #expect(sampled.rowHashID(moved) != sampled.rowHashID(row), "column \(Self.header[column])")
      }
    }
  }

  @Test func aMappedColumnIsReadAsItsItemAndItsIdentifiersAreNeverStored() throws {
    let header = ["datum", "Contact e-mail", "Telefoon", "v9", "LocationLatitude", "Welk rapportcijfer geeft u?"]
    let rows = [
      ["2026-03-02 10:00", "jan@example.nl", "3", "Tevreden", "52.37", "8"],
      ["2026-03-03 10:00", "piet@example.org", "0612345678", "anna@example.nl", "52.38", "7"],
    ]
    var conversion = ExportConversion(
      layout: ExportLayout.detect([header] + rows, forced: .generic), definition: definition,
      explicitMapping: [
        "Contact e-mail": "opmerking", "Telefoon": "gesprekken", "v9": "bereikbaarheid", "LocationLatitude": "kinderen",
      ],
      sample: ExportSample(rows: rows), gemeente: "Alkmaar", gemeenten: ["Alkmaar"])
    #expect(conversion.itemColumns == [1: "opmerking", 2: "gesprekken", 3: "bereikbaarheid", 5: "cijfer"])
    #expect(conversion.droppedColumns.map(\.index) == [4])
    let lines = conversion.personalDataDecisions.compactMap { $0.reportLine(name: header[$0.index]) }
    #expect(
      lines.contains {
        $0.hasPrefix(
          #"  mapped by --mapping although its header suggests an e-mail address: "Contact e-mail" → opmerking"#)
      }, "\(lines)")
    #expect(
      lines.contains {
        $0.hasPrefix(#"  mapped by --mapping although its header suggests a phone number: "Telefoon" → gesprekken"#)
      }, "\(lines)")
    #expect(
      lines.contains(
        #"  not read although --mapping names it: "LocationLatitude" is one part of a location split over several columns, always dropped"#
      ), "\(lines)")

    // The open answer that is an address is kept as its marker only; the count of conversations is read.
    let first = try conversion.convert(rows[0], line: 2).get()
    #expect(first.response.answers["opmerking"] == .value(.text("[e-mail]")))
    #expect(first.masked == [.email])
    #expect(first.response.answers["gesprekken"] == .value(.number(3)))
    #expect(first.response.answers["bereikbaarheid"] == .value(.scalePoint(4)))
    // A phone number where a number is asked, an address where a scale point is: refused, and never repeated.
    guard case .failure(let rejection) = conversion.convert(rows[1], line: 3) else {
      Issue.record("a row with a phone number as a count was read")
      return
    }
    #expect(rejection.problems.count == 2, "\(rejection.problems)")
    #expect(
      rejection.problems.contains(
        "column 'Telefoon' (gesprekken): the cell holds a phone number, not an answer (the value is not shown, and never stored)"
      ))
    #expect(
      rejection.problems.contains(
        "column 'v9' (bereikbaarheid): the cell holds an e-mail address, not an answer (the value is not shown, and never stored)"
      ))
    #expect(!rejection.problems.joined().contains("0612345678") && !rejection.problems.joined().contains("anna@"))
  }
}
