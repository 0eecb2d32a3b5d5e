import Foundation
import TevredenCore

/// The survey platforms whose export layouts the importer knows.
public enum SurveyPlatform: String, Hashable, Sendable, CaseIterable, Codable {
  case tevreden
  case qualtrics
  case surveyMonkey = "surveymonkey"
  case googleForms = "googleforms"
  case microsoftForms = "microsoftforms"
  case limeSurvey = "limesurvey"
  case typeform
  case koboToolbox = "kobotoolbox"
  case odk
  /// One header row of column names, from no platform in particular.
  case generic

  /// The platform's name as the import report shows it.
  public var displayName: String {
    switch self {
    case .tevreden: "tevreden exchange format"
    case .qualtrics: "Qualtrics"
    case .surveyMonkey: "SurveyMonkey"
    case .googleForms: "Google Forms"
    case .microsoftForms: "Microsoft Forms"
    case .limeSurvey: "LimeSurvey"
    case .typeform: "Typeform"
    case .koboToolbox: "KoboToolbox"
    case .odk: "ODK"
    case .generic: "generic table (one header row)"
    }
  }
}

/// What the first rows of an export say about its layout: the platform, how many header rows there are, the
/// names each column goes by, and which columns hold the response id, the times and whether it was finished.
public struct ExportLayout: Hashable, Sendable {
  public var platform: SurveyPlatform
  /// Rows before the first response.
  public var headerRowCount: Int
  /// Per column, the names it goes by (an export tag, a question text, an ImportId, a sub-header), most
  /// specific first.
  public var columnNames: [[String]]
  public var responseIDColumn: Int?
  public var startedColumn: Int?
  public var completedColumn: Int?
  /// A column saying whether the response was finished (Qualtrics `Finished`), when there is one.
  public var finishedColumn: Int?
  /// Time columns whose values are in UTC without saying so (Typeform `Submit Date (UTC)`, KoboToolbox
  /// `_submission_time`); other times without a zone are Amsterdam time.
  public var utcColumns: Set<Int> = []
  /// Time columns in another named zone (Qualtrics' `timeZone` in a column's ImportId).
  public var columnTimeZones: [Int: TimeZone] = [:]
  /// Zones named by the export that this system does not know: their column's times cannot be read.
  public var unknownTimeZones: [Int: String] = [:]
  /// For a table of an ODK or KoboToolbox repeat group (ODK's `PARENT_KEY`, KoboToolbox's `_parent_index` or
  /// `_submission__uuid`): the column linking each row to its submission. Such rows are parts of submissions in
  /// the form's main table, never submissions themselves.
  public var repeatGroupParentColumn: Int?

  /// What a repeat-group table is, for messages.
  public var repeatGroupDescription: String? {
    repeatGroupParentColumn.map { column in
      "a repeat group of \(platform == .odk ? "an" : "a") \(platform.displayName) form: each row belongs to a submission of the form's main table "
        + "(through \"\(name(of: column))\"), so its rows are not responses; import the main table"
    }
  }

  /// The display name of column `index`: its first non-empty name.
  public func name(of index: Int) -> String {
    columnNames.indices.contains(index) ? (columnNames[index].first { !$0.isEmpty } ?? "column \(index + 1)") : ""
  }

  /// Detects the layout from the first rows of a file (at least the header rows and one response, if any).
  ///
  /// - Parameter forced: A platform named by the user (`--layout`), which skips detection of the platform.
  public static func detect(_ rows: [[String]], forced: SurveyPlatform? = nil) -> ExportLayout {
    var first = rows.first ?? []
    // LimeSurvey's "question code and question text" headings are known by their codes, and go by both.
    let codeAndText = limeSurveyCodesAndTexts(first)
    if let codeAndText { first = codeAndText.map(\.code) }
    let platform = forced ?? detectPlatform([first] + rows.dropFirst())
    let lowered = first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    func column(_ names: [String]) -> Int? {
      for name in names { if let index = lowered.firstIndex(of: name) { return index } }
      return nil
    }
    var layout = ExportLayout(
      platform: platform, headerRowCount: 1, columnNames: first.map { [$0] }, responseIDColumn: nil,
      startedColumn: nil, completedColumn: nil, finishedColumn: nil)
    switch platform {
    case .tevreden:
      layout.responseIDColumn = column(["response_id"])
      layout.startedColumn = column(["started_at"])
      layout.completedColumn = column(["completed_at"])
    case .qualtrics:
      let importIDs = rows.count > 2 && isImportIDRow(rows[2])
      if rows.first?.first?.hasPrefix("V1") == true || (rows.count > 1 && !importIDs && rows[0].first == "V1") {
        // Legacy: V1…V10 above the names of the metadata, question ids above question texts.
        layout.headerRowCount = 2
        let second = rows.count > 1 ? rows[1] : []
        layout.columnNames = first.indices.map { index in
          [index < second.count ? second[index] : "", first[index]]
        }
        let names = second.map { $0.lowercased() }
        layout.responseIDColumn = names.firstIndex(of: "responseid")
        layout.startedColumn = names.firstIndex(of: "startdate")
        layout.completedColumn = names.firstIndex(of: "enddate")
        layout.finishedColumn = names.firstIndex(of: "finished")
      } else {
        layout.headerRowCount = importIDs ? 3 : 2
        let second = rows.count > 1 ? rows[1] : []
        let third = importIDs ? rows[2].map(importID) : []
        layout.columnNames = first.indices.map { index in
          [first[index], index < second.count ? second[index] : "", index < third.count ? third[index] : ""]
        }
        layout.responseIDColumn = column(["responseid"])
        layout.startedColumn = column(["startdate"])
        layout.completedColumn = column(["recordeddate", "enddate"])
        layout.finishedColumn = column(["finished"])
        // Current exports say each date column's zone in its ImportId: "Z", "America/New_York", ….
        if importIDs {
          for (index, cell) in rows[2].enumerated() {
            guard let zone = Self.jsonValue("timeZone", in: cell) else { continue }
            if zone == "Z" || zone.uppercased() == "UTC" || zone.uppercased() == "GMT" {
              layout.utcColumns.insert(index)
            } else if let timeZone = TimeZone(identifier: zone) {
              layout.columnTimeZones[index] = timeZone
            } else {
              layout.unknownTimeZones[index] = zone
            }
          }
        }
      }
    case .surveyMonkey:
      // Row 2 names each column's answer ("Response", an option) and leaves the metadata columns empty; an export
      // saved with one header row (or a sheet edited down to one) starts its responses there instead.
      let candidate = rows.count > 1 ? rows[1] : []
      let subHeaderWords: Set<String> = [
        "response", "open-ended response", "antwoord", "open antwoord", "other (please specify)",
      ]
      let isSubHeader =
        candidate.contains { subHeaderWords.contains($0.trimmedOfWhitespace.lowercased()) }
        || (candidate.first?.trimmedOfWhitespace.isEmpty ?? true)
      layout.headerRowCount = isSubHeader ? 2 : 1
      let second = isSubHeader ? candidate : []
      var question = ""
      layout.columnNames = first.indices.map { index in
        if !first[index].isEmpty { question = first[index] }
        let sub = index < second.count ? second[index] : ""
        let isPlainAnswer = ["response", "open-ended response", ""].contains(sub.lowercased())
        return isPlainAnswer ? [question] : ["\(question) - \(sub)", sub, question]
      }
      layout.responseIDColumn = column(["respondentid", "respondent id", "respondent-id"])
      layout.startedColumn = column(["startdate", "start date"])
      layout.completedColumn = column(["enddate", "end date"])
    case .googleForms:
      layout.completedColumn = column(["timestamp", "tijdstempel"])
    case .microsoftForms:
      layout.responseIDColumn = column(["id"])
      layout.startedColumn = column(["start time", "begintijd", "starttijd"])
      layout.completedColumn = column(["completion time", "tijd van voltooien", "voltooiingstijd"])
    case .limeSurvey:
      if let codeAndText { layout.columnNames = codeAndText.map { [$0.code, $0.text] } }
      layout.responseIDColumn = column(["id", "response id"])
      layout.startedColumn = column(["startdate", "date started"])
      layout.completedColumn = column(["submitdate", "date submitted"])
    case .typeform:
      layout.responseIDColumn = column(["#", "token", "response id"])
      layout.startedColumn = column(["start date (utc)", "started at"])
      layout.completedColumn = column(["submit date (utc)", "submitted at"])
      layout.utcColumns = Set(
        [layout.startedColumn, layout.completedColumn].compactMap { $0 }.filter { lowered[$0].contains("(utc)") })
    case .koboToolbox:
      layout.responseIDColumn = column(["_uuid", "meta/instanceid"])
      layout.startedColumn = column(["start"])
      layout.completedColumn = column(["_submission_time", "end"])
      // The server's receipt time, written in UTC without a zone; `start` and `end` carry their offset.
      layout.utcColumns = Set([column(["_submission_time"])].compactMap { $0 })
      layout.columnNames = first.map { name in
        let leaf = name.split(separator: "/").last.map(String.init) ?? name
        return leaf == name ? [name] : [name, leaf]
      }
    case .odk:
      layout.responseIDColumn = column(["key", "meta-instanceid", "instanceid"])
      layout.startedColumn = column(["start"])
      layout.completedColumn = column(["submissiondate"])
      layout.columnNames = first.map { name in
        let leaf = name.split(separator: "-").last.map(String.init) ?? name
        return leaf == name ? [name] : [name, leaf]
      }
    case .generic:
      layout.responseIDColumn = column(["response_id", "responseid", "id", "respondent id", "respondentid"])
      layout.startedColumn = column(["started_at", "startdate", "start date", "startdatum", "begonnen"])
      layout.completedColumn = column([
        "completed_at", "enddate", "end date", "einddatum", "submitted", "date submitted", "ingevuld op", "datum",
        "date", "timestamp", "tijdstempel",
      ])
    }
    if platform == .odk || platform == .koboToolbox {
      layout.repeatGroupParentColumn = column([
        "parent_key", "_parent_index", "_submission__uuid", "_parent_table_name",
      ])
    }
    return layout
  }

  private static func detectPlatform(_ rows: [[String]]) -> SurveyPlatform {
    let first = rows.first ?? []
    let names = Set(first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
    let second = rows.count > 1 ? rows[1].map { $0.trimmingCharacters(in: .whitespaces).lowercased() } : []
    if names.isSuperset(of: ["response_id", "questionnaire", "version"]) { return .tevreden }
    if rows.count > 2, isImportIDRow(rows[2]) { return .qualtrics }
    if first.first == "V1", second.contains("responseid") { return .qualtrics }
    if names.contains("responseid"), names.contains("finished") || names.contains("responseset") { return .qualtrics }
    let subHeaders: Set<String> = ["response", "open-ended response", "other (please specify)"]
    if second.contains(where: subHeaders.contains) { return .surveyMonkey }
    if names.contains("respondentid") || names.contains("respondent id") { return .surveyMonkey }
    if names.contains("_uuid") || names.contains("_submission_time") { return .koboToolbox }
    if names.contains("submissiondate") || names.contains("meta-instanceid") { return .odk }
    // The tables of repeat groups: ODK Briefcase and Central link each row to its submission with PARENT_KEY,
    // KoboToolbox with _parent_index and _submission__uuid.
    if names.contains("parent_key") { return .odk }
    if names.contains("_parent_index") || names.contains("_submission__uuid") || names.contains("_parent_table_name") {
      return .koboToolbox
    }
    if names.contains("submitdate") || names.contains("date submitted") || names.contains("lastpage")
      || names.contains("last page")
    {
      return .limeSurvey
    }
    if names.contains("start time") && names.contains("completion time") || names.contains("begintijd") {
      return .microsoftForms
    }
    if first.first?.trimmingCharacters(in: .whitespaces) == "#" || names.contains("submit date (utc)") {
      return .typeform
    }
    if let firstName = first.first?.lowercased(), ["timestamp", "tijdstempel"].contains(firstName) {
      return .googleForms
    }
    return .generic
  }

  /// The code and the text of each heading of a LimeSurvey export whose headings are "question code and question
  /// text" (`id. Response ID`, `submitdate. Date submitted`, `G01Q03. How …`, `G01Q05[SQ001]. How … [Phone]`), or
  /// `nil` when the headings are not of that kind: most of them must be a code, a full stop and a space, and the
  /// codes must include LimeSurvey's own `id` and `submitdate` or `lastpage`.
  static func limeSurveyCodesAndTexts(_ header: [String]) -> [(code: String, text: String)]? {
    var result: [(code: String, text: String)] = []
    var matched = 0
    for heading in header {
      let trimmed = heading.trimmingCharacters(in: .whitespaces)
      if let split = codeAndText(trimmed) {
        result.append(split)
        matched += 1
      } else {
        result.append((trimmed, trimmed))
      }
    }
    let codes = Set(result.map { $0.code.lowercased() })
    guard matched * 2 > header.filter({ !$0.isEmpty }).count, codes.contains("id"),
      codes.contains("submitdate") || codes.contains("lastpage")
    else { return nil }
    return result
  }

  /// `("G01Q03", "How …")` from `G01Q03. How …`: a LimeSurvey code (letters, digits and `_`, possibly a
  /// sub-question in brackets) before the first ". ".
  private static func codeAndText(_ heading: String) -> (code: String, text: String)? {
    guard let separator = heading.range(of: ". ") else { return nil }
    let code = heading[..<separator.lowerBound]
    guard let start = code.first, start.isLetter, start.isASCII else { return nil }
    var depth = 0
    for character in code {
      switch character {
      case "[": depth += 1
      case "]": depth -= 1
      case "_", "#": continue
      default:
        guard depth > 0 || (character.isASCII && (character.isLetter || character.isNumber)) else { return nil }
      }
      guard depth >= 0 else { return nil }
    }
    guard depth == 0 else { return nil }
    return (String(code), String(heading[separator.upperBound...]).trimmingCharacters(in: .whitespaces))
  }

  /// Whether a row is Qualtrics' third header row: JSON (or, from the 2016 exporter, Python-style) ImportIds.
  static func isImportIDRow(_ row: [String]) -> Bool {
    let filled = row.filter { !$0.isEmpty }
    return !filled.isEmpty && filled.allSatisfy { $0.hasPrefix("{") && $0.contains("ImportId") }
  }

  /// `QID4` from `{"ImportId":"QID4"}` or `{'ImportId': 'QID4'}`; `QID4_2` from
  /// `{"ImportId":"QID4","choiceId":"2"}`, so that the split columns of a multiple-choice question each have
  /// their own name.
  static func importID(_ cell: String) -> String {
    guard let id = jsonValue("ImportId", in: cell) else { return "" }
    if let choice = jsonValue("choiceId", in: cell), !choice.isEmpty { return "\(id)_\(choice)" }
    return id
  }

  /// The value of `key` in a flat JSON (or Python-style) object of strings and numbers, as Qualtrics writes them.
  static func jsonValue(_ key: String, in cell: String) -> String? {
    guard let range = cell.range(of: "\"\(key)\"") ?? cell.range(of: "'\(key)'") else { return nil }
    let rest = cell[range.upperBound...].drop { "\"': ".contains($0) }
    return String(rest.prefix { !"\"',}".contains($0) })
  }
}
