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

  /// The label with its article, for a sentence: "an e-mail address", "a phone number".
  public var labelWithArticle: String {
    switch self {
    case .email, .ipAddress, .address, .iban: "an \(label)"
    default: "a \(label)"
    }
  }

  /// What values of this kind are called, for a sentence: "e-mail addresses", "coordinates".
  public var pluralLabel: String {
    switch self {
    case .location: "coordinates"
    case .address: "addresses"
    case .email: "e-mail addresses"
    case .ipAddress: "IP addresses"
    default: "\(label)s"
    }
  }
}
