import Foundation

/// The example data set kept in `Responses/`: which questionnaires, how many respondents, how satisfied.
///
/// Sizes and mean grades are chosen so the demo shows groups above the norm, below it, and one with too few
/// respondents to say (hospitals), as a real year would.
public enum ExampleData {
  public static let defaultSeed: UInt64 = 20_260_823

  /// Respondents per year and mean grade, per questionnaire.
  static let profiles: [String: [Int: ExampleGenerator.Profile]] = [
    "inwoners-adviesaanvraag": [2025: .init(count: 70, meanGrade: 7.7), 2026: .init(count: 62, meanGrade: 7.8)],
    "inwoners-melding": [2025: .init(count: 110, meanGrade: 6.8), 2026: .init(count: 95, meanGrade: 6.6)],
    "inwoners-vervolgdienst": [2025: .init(count: 60, meanGrade: 7.0), 2026: .init(count: 58, meanGrade: 7.2)],
    "inwoners-monitoring": [2025: .init(count: 55, meanGrade: 7.3), 2026: .init(count: 56, meanGrade: 7.4)],
    "inwoners-jongeren": [2025: .init(count: 24, meanGrade: 7.0), 2026: .init(count: 22, meanGrade: 7.1)],
    "ketenpartners-sociale-teams": [2025: .init(count: 70, meanGrade: 7.3), 2026: .init(count: 64, meanGrade: 7.5)],
    "ketenpartners-politie": [2025: .init(count: 55, meanGrade: 7.4), 2026: .init(count: 56, meanGrade: 7.2)],
    "ketenpartners-rvdk": [2025: .init(count: 52, meanGrade: 6.6), 2026: .init(count: 55, meanGrade: 6.4)],
    "ketenpartners-huisartsen": [2025: .init(count: 50, meanGrade: 7.0), 2026: .init(count: 56, meanGrade: 7.3)],
    "ketenpartners-scholen": [2025: .init(count: 55, meanGrade: 6.7), 2026: .init(count: 58, meanGrade: 6.6)],
    "ketenpartners-ziekenhuizen": [2025: .init(count: 20, meanGrade: 7.5), 2026: .init(count: 18, meanGrade: 7.6)],
  ]

  /// The years and the days they cover: 2025 whole, 2026 up to the end of October.
  static let years: [(Int, LocalDate, LocalDate)] = [
    (2025, LocalDate(year: 2025, month: 1, day: 1), LocalDate(year: 2025, month: 12, day: 31)),
    (2026, LocalDate(year: 2026, month: 1, day: 1), LocalDate(year: 2026, month: 10, day: 31)),
  ]

  /// One file of example data.
  public struct File: Sendable {
    /// Relative to the responses folder: `2025/inwoners-melding.csv`.
    public var path: String
    public var csv: String
    public var count: Int
  }

  /// Every example file for the catalog's questionnaires, generated from `seed`.
  public static func files(catalog: Catalog, seed: UInt64 = defaultSeed) -> [File] {
    var files: [File] = []
    let gemeenten = catalog.indicators?.gemeenten ?? []
    for loaded in catalog.questionnaires.sorted(by: { $0.questionnaire.id < $1.questionnaire.id }) {
      for (year, first, last) in years {
        let questionnaire = edition(of: loaded.questionnaire, for: year, in: catalog)
        // One generator per file, seeded from the file's identity, so editing one questionnaire leaves the
        // other files unchanged.
        var generator = ExampleGenerator(seed: seed ^ fnv1a("\(questionnaire.id)/\(year)"))
        let profile = profiles[questionnaire.id.rawValue]?[year] ?? .init(count: 40, meanGrade: 7.2)
        let responses = generator.responses(
          for: questionnaire, profile: profile, from: first, through: last, gemeenten: gemeenten)
        let csv = ExchangeCSV.write(responses, items: questionnaire.questions.map(\.id))
        files.append(File(path: "\(year)/\(questionnaire.id).csv", csv: csv, count: responses.count))
      }
    }
    return files
  }

  /// The version a year's example responses were answered with: the current definition in the last year, and in
  /// the years before the newest earlier version the folder keeps, if any (the questions were rewritten in the
  /// last year). Old responses keep their version, as real ones do.
  static func edition(of current: Questionnaire, for year: Int, in catalog: Catalog) -> Questionnaire {
    guard year < (years.map(\.0).max() ?? year) else { return current }
    return catalog.versions(of: current.id).dropFirst().first?.questionnaire ?? current
  }

  /// FNV-1a, a stable string hash (Swift's `hashValue` changes between runs).
  static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return hash
  }
}
