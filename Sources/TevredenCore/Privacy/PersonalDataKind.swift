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
