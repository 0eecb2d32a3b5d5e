import Foundation
import TevredenCore
import TevredenTables
import Yams

/// An explicit mapping for an export: which columns hold which items, which hold the response's metadata, and
/// which cell values are to be read as something else:
///
/// ```yaml
/// questionnaire: inwoners-melding     # optional: checked against --questionnaire
/// roles:                              # optional: the columns of the response's metadata
///   response_id: Nr
///   completed_at: Datum
///   gemeente: Gemeente
///   language: Taal                    # the language each row was answered in (ISO 639-1 or a platform's form)
/// columns:
///   Q1: toestemming
///   "Hoe tevreden bent u over het contact?": bejegening
///   Q3_1: contact_via[telefoon]       # one option of a multiple-choice item, in a column of its own
///   Q3_2: contact_via[E-mail]         # the option by code or label
/// recode:                             # optional: per column, cell value → the value to read instead
///   Cijfer: {"-1": weet_niet}
///   G01Q03: {A1: ja, A2: nee}
/// ```
public struct ExportMapping: Hashable, Sendable {
  public var questionnaire: Questionnaire.ID?
  public var columns: [String: Question.ID]
  /// Header → the option of a multiple-choice item that the column holds (`item[option]`).
  public var options: [String: ColumnMatching.ChoiceColumn]
  /// The header of the column holding each metadata role (`roles:`); it overrides what the layout detected.
  public var roles: [Role: String]
  /// Header → cell value → the value to read instead (`recode:`), applied before the cell is read.
  public var recodes: [String: [String: String]]
  /// The mapping file, and the line of each role and recode: for problems found once an export's header is read.
  public var file: String
  public var roleLines: [Role: Int]
  public var recodeLines: [String: Int]
  /// The line of each header under `columns:`.
  public var columnLines: [String: Int] = [:]

  public init(
    questionnaire: Questionnaire.ID? = nil, columns: [String: Question.ID],
    options: [String: ColumnMatching.ChoiceColumn] = [:], roles: [Role: String] = [:],
    recodes: [String: [String: String]] = [:], file: String = "mapping", roleLines: [Role: Int] = [:],
    recodeLines: [String: Int] = [:]
  ) {
    self.questionnaire = questionnaire
    self.columns = columns
    self.options = options
    self.roles = roles
    self.recodes = recodes
    self.file = file
    self.roleLines = roleLines
    self.recodeLines = recodeLines
  }

  /// What a column of an export says about a response besides its answers.
  public enum Role: String, Hashable, Sendable, CaseIterable, Comparable {
    case responseID = "response_id"
    case completedAt = "completed_at"
    case startedAt = "started_at"
    case gemeente
    case group
    case finished
    case language

    /// The role as the import report names it.
    public var label: String {
      switch self {
      case .responseID: "response id"
      case .completedAt: "completion time"
      case .startedAt: "start time"
      case .gemeente: "gemeente"
      case .group: "group"
      case .finished: "finished"
      case .language: "language"
      }
    }

    /// A header such a column may have, for messages.
    var example: String {
      switch self {
      case .responseID: "Nr"
      case .completedAt: "Datum"
      case .startedAt: "Begonnen"
      case .gemeente: "Gemeente"
      case .group: "Groep"
      case .finished: "Afgerond"
      case .language: "Taal"
      }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
      allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
  }

  /// Why a mapping file cannot be used.
  public enum LoadError: Error {
    case unreadable(reason: String)
    /// Neither `--questionnaire` nor the file names a questionnaire of the folder.
    case noQuestionnaire
    case invalid([Diagnostic])
  }

  /// Reads the mapping file at `file` for the questionnaire `--questionnaire` names, or else the one the file
  /// names.
  public static func load(file: String, questionnaire: Questionnaire.ID?, catalog: Catalog) throws(LoadError)
    -> ExportMapping
  {
    guard let data = FileManager.default.contents(atPath: file) else {
      throw .unreadable(reason: "cannot read the mapping file")
    }
    // Written in Notepad, a mapping file may be in Windows-1252 (or have a BOM): decoded like an export.
    guard let text = try? TextDecoder.decode(data, file: file).text else {
      throw .unreadable(reason: "the mapping file is not text")
    }
    // The mapping file may name its questionnaire itself; --questionnaire, when given too, must agree.
    guard let id = questionnaire ?? namedQuestionnaire(in: text), let definition = catalog.questionnaire(id) else {
      throw .noQuestionnaire
    }
    let (parsed, diagnostics) = parse(
      text, file: file, questionnaire: definition.questionnaire, gemeenten: catalog.indicators?.gemeenten ?? [])
    guard let parsed else { throw .invalid(diagnostics) }
    return parsed
  }

  /// The questionnaire a mapping file names (`questionnaire:`), read before the file is checked against it; `nil`
  /// when it names none or is not YAML (``parse(_:file:questionnaire:gemeenten:)`` then says why).
  public static func namedQuestionnaire(in text: String) -> Questionnaire.ID? {
    guard let root = try? Yams.compose(yaml: text), let mapping = root.mapping,
      let value = mapping.first(where: { $0.key.string == "questionnaire" })?.value.string, !value.isEmpty
    else { return nil }
    return Questionnaire.ID(rawValue: value)
  }

  /// Reads a mapping file; every problem is a diagnostic naming the file (and line where known).
  ///
  /// - Parameter gemeenten: The region's municipalities, which a recode of the `gemeente` column must give (not
  ///   checked when empty).
  public static func parse(
    _ text: String, file: String, questionnaire: Questionnaire, gemeenten: [String] = []
  ) -> (ExportMapping?, [Diagnostic]) {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch {
      return (nil, [Diagnostic(.error, at: .init(file: file), "not valid YAML: \(error)")])
    }
    guard let mapping = root?.mapping else {
      return (
        nil,
        [
          Diagnostic(.error, at: .init(file: file, line: 1), "expected 'columns:' with header: item lines")
        ]
      )
    }
    var diagnostics: [Diagnostic] = []
    func error(_ line: Int?, _ message: String) {
      diagnostics.append(Diagnostic(.error, at: .init(file: file, line: line), message))
    }
    var result = ExportMapping(columns: [:], file: file)
    /// Where each item column was mapped, for a role given to the same column.
    var columnLines: [String: Int] = [:]
    /// The recodes as written, checked once the whole file is read (roles and columns may come after them).
    var recodeEntries: [(header: String, line: Int?, values: [(from: String, to: String, line: Int?)])] = []
    for (key, value) in mapping {
      let line = key.mark.map { $0.line }
      switch key.string {
      case "questionnaire":
        result.questionnaire = value.string.map(Questionnaire.ID.init(rawValue:))
        if let named = result.questionnaire, named != questionnaire.id {
          error(line, "the mapping is for questionnaire '\(named)', but the import is for '\(questionnaire.id)'")
        }
      case "columns":
        guard let columns = value.mapping else {
          error(line, "'columns' must map headers to item ids")
          continue
        }
        for (header, item) in columns {
          let itemLine = header.mark.map { $0.line }
          guard let headerText = header.string, let itemText = item.string else {
            error(itemLine, "expected 'header: item id'")
            continue
          }
          columnLines[headerText] = itemLine
          if let bracket = ColumnMatching.bracketedSuffix(itemText), let open = itemText.lastIndex(of: "[") {
            let id = Question.ID(rawValue: itemText[..<open].trimmingCharacters(in: .whitespaces))
            guard let question = questionnaire.question(id), case .choice(let choices, true) = question.kind else {
              error(
                itemLine,
                "'\(headerText)' maps to an option of '\(id)', which is not a multiple-choice item of \(questionnaire.id)"
              )
              continue
            }
            guard let code = ColumnMatching.option(bracket, among: choices, allowPosition: false) else {
              error(
                itemLine,
                "'\(headerText)' maps to option '\(bracket)' of '\(id)', which has the options "
                  + choices.map { "\($0.code) (\($0.label))" }.joined(separator: ", "))
              continue
            }
            result.options[headerText] = ColumnMatching.ChoiceColumn(item: id, choice: code, optionLabel: bracket)
            continue
          }
          let id = Question.ID(rawValue: itemText)
          guard questionnaire.question(id) != nil else {
            error(itemLine, "'\(headerText)' maps to item '\(itemText)', which \(questionnaire.id) does not have")
            continue
          }
          result.columns[headerText] = id
        }
      case "roles":
        guard let roles = value.mapping else {
          error(line, "'roles' must name a column per role, such as 'response_id: Nr'")
          continue
        }
        for (name, header) in roles {
          let roleLine = name.mark.map { $0.line }
          let roleName = name.string ?? ""
          guard let role = Role(rawValue: roleName) else {
            let names = Role.allCases.map(\.rawValue)
            let suggestion = Suggestion.closest(to: roleName, in: names).map { " (did you mean '\($0)'?)" } ?? ""
            error(
              roleLine,
              "unknown role '\(roleName)'\(suggestion); the roles are \(names.joined(separator: ", "))")
            continue
          }
          guard let headerText = header.string, !headerText.trimmedOfWhitespace.isEmpty else {
            error(roleLine, "role '\(roleName)' must name one column header, such as '\(roleName): \(role.example)'")
            continue
          }
          result.roles[role] = headerText
          result.roleLines[role] = roleLine
        }
      case "recode":
        guard let recodes = value.mapping else {
          error(
            line,
            "'recode' must give per column header the values to read instead, such as 'Cijfer: {\"-1\": weet_niet}'")
          continue
        }
        for (header, values) in recodes {
          let headerLine = header.mark.map { $0.line }
          guard let headerText = header.string, !headerText.trimmedOfWhitespace.isEmpty,
            let pairs = values.mapping
          else {
            error(
              headerLine,
              "expected a column header and its values, such as 'Cijfer: {\"-1\": weet_niet}' (value in the file: value to read)"
            )
            continue
          }
          var entry: [(from: String, to: String, line: Int?)] = []
          for (from, to) in pairs {
            let valueLine = from.mark.map { $0.line }
            guard let fromText = from.scalar?.string, let toText = to.scalar?.string else {
              error(valueLine, "the recode of '\(headerText)' must map one value to one value, such as 'A1: ja'")
              continue
            }
            entry.append((fromText, toText, valueLine))
          }
          recodeEntries.append((headerText, headerLine, entry))
        }
      default:
        error(
          line,
          "unknown key '\(key.string ?? "")'; a mapping file has 'questionnaire', 'roles', 'columns' and 'recode'")
      }
    }
    diagnostics += result.roleConflicts(columnLines: columnLines)
    result.columnLines = columnLines
    for entry in recodeEntries {
      let check = result.recodeCheck(for: entry.header, in: questionnaire, gemeenten: gemeenten)
      guard let check else {
        error(
          entry.line,
          "'\(entry.header)' is recoded, but it is neither mapped to an item (under 'columns:' or by an alias of "
            + "\(questionnaire.id)) nor given a role; map it under 'columns:' or 'roles:', or remove its recode")
        continue
      }
      var values: [String: String] = [:]
      for (from, to, valueLine) in entry.values {
        if let problem = check(to) {
          error(valueLine, "the recode of '\(entry.header)' gives \"\(from)\" → \"\(to)\", but \(problem)")
        } else {
          values[from] = to
        }
      }
      result.recodes[entry.header] = values
      result.recodeLines[entry.header] = entry.line
    }
    guard diagnostics.isEmpty else {
      // In the order of the file, whichever check found them.
      let ordered = diagnostics.enumerated().sorted {
        ($0.element.location.line ?? 0, $0.offset) < ($1.element.location.line ?? 0, $1.offset)
      }
      return (nil, ordered.map(\.element))
    }
    return (result, [])
  }

  /// A column given two roles, or a role and an item: each is an error at the role's line.
  private func roleConflicts(columnLines: [String: Int]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var seen: [String: Role] = [:]
    for role in roles.keys.sorted() {
      guard let header = roles[role] else { continue }
      let key = ColumnMatching.normalise(header)
      let at = Diagnostic.Location(file: file, line: roleLines[role])
      if let first = seen[key] {
        diagnostics.append(
          Diagnostic(
            .error, at: at,
            "'\(header)' is given two roles, \(first.rawValue) and \(role.rawValue); a column holds one of them: name "
              + "the column of each role"))
        continue
      }
      seen[key] = role
      let mapped = (Array(columns.keys) + Array(options.keys)).first { ColumnMatching.normalise($0) == key }
      if let mapped {
        let place = columnLines[mapped].map { " on line \($0)" } ?? ""
        diagnostics.append(
          Diagnostic(
            .error, at: at,
            "'\(header)' is the \(role.rawValue) column and is mapped to an item under 'columns:'\(place); a column "
              + "is one or the other: remove one of the two"))
      }
    }
    return diagnostics
  }

  /// How a recode target of the column `header` is checked: a function giving why a value cannot be read there
  /// (`nil` when it can), or `nil` when the header is neither a role nor an item's column.
  private func recodeCheck(for header: String, in questionnaire: Questionnaire, gemeenten: [String])
    -> ((String) -> String?)?
  {
    let key = ColumnMatching.normalise(header)
    if let role = roles.first(where: { ColumnMatching.normalise($0.value) == key })?.key {
      return { target in
        let text = target.trimmedOfWhitespace
        guard !text.isEmpty else { return nil }
        switch role {
        case .responseID, .group:
          return nil
        case .startedAt, .completedAt:
          return ExportDate.parse(text) == nil ? "\"\(text)\" is not a date and time" : nil
        case .finished:
          return ExportConversion.finishedValue(text) == nil
            ? "\"\(text)\" does not say whether the response was finished (ja/nee, yes/no, true/false, 1/0)" : nil
        case .language:
          return LanguageCode(platformValue: text) == nil
            ? "\"\(text)\" is not a language code (ISO 639-1, such as nl or en, or a form such as nl-NL)" : nil
        case .gemeente:
          guard !gemeenten.isEmpty else { return nil }
          return gemeenten.contains(where: { $0.caseInsensitiveCompare(text) == .orderedSame })
            ? nil : "\"\(text)\" is not a municipality of the region (indicators.yaml)"
        }
      }
    }
    if let option = options.first(where: { ColumnMatching.normalise($0.key) == key })?.value,
      let question = questionnaire.question(option.item)
    {
      return { target in
        switch ExportValue.readOption(target, column: option, of: question) {
        case .success: nil
        case .failure(let problem): "\(problem) (\(option.item))"
        }
      }
    }
    let item =
      columns.first(where: { ColumnMatching.normalise($0.key) == key })?.value
      ?? ColumnMatching.AliasIndex(questionnaire).item(named: key)
    guard let item, let question = questionnaire.question(item) else { return nil }
    return { target in
      switch ExportValue.read(target, for: question, in: questionnaire) {
      case .success: return nil
      case .failure(let problem):
        return
          "\(item) cannot take it: \(ImportText.answerProblem(problem)); a recode gives an option (code or label), a scale point, a "
          + "number the item takes, or a missing code (\(questionnaire.missingCodes.map(\.code).joined(separator: ", ")))"
      }
    }
  }

  /// The column an export's header names: the first whose name is `header`, else whose name is the same after
  /// ``ColumnMatching/normalise(_:)``.
  /// The headers under `columns:` that an export does not have, in the order of the mapping file, each with its
  /// line: not an error (one mapping may serve several exports of a survey), but said in the import report.
  public func columnsMissing(in layout: ExportLayout) -> [(header: String, line: Int?)] {
    (Array(columns.keys) + Array(options.keys))
      .filter { Self.column(named: $0, in: layout) == nil }
      .map { (header: $0, line: columnLines[$0]) }
      .sorted { ($0.line ?? .max, $0.header) < ($1.line ?? .max, $1.header) }
  }

  public static func column(named header: String, in layout: ExportLayout) -> Int? {
    let trimmed = header.trimmedOfWhitespace
    if let exact = layout.columnNames.firstIndex(where: { $0.contains { $0.trimmedOfWhitespace == trimmed } }) {
      return exact
    }
    let key = ColumnMatching.normalise(header)
    guard !key.isEmpty else { return nil }
    return layout.columnNames.firstIndex { $0.contains { ColumnMatching.normalise($0) == key } }
  }

  /// What is wrong with this mapping for one export, once its header is read: a role or recode naming a column
  /// the export does not have, or a recoded column that is not imported. Each names the mapping file and line.
  public func problems(in conversion: ExportConversion, export: String) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let layout = conversion.layout
    for role in roles.keys.sorted() {
      guard let header = roles[role], Self.column(named: header, in: layout) == nil else { continue }
      diagnostics.append(
        Diagnostic(
          .error, at: .init(file: file, line: roleLines[role]),
          "'\(header)' (\(role.rawValue)) is not a column of \(export); correct the header, or remove the role (see "
            + "the headers with 'tevreden import --inspect \(export)')"))
    }
    for header in recodes.keys.sorted() {
      let at = Diagnostic.Location(file: file, line: recodeLines[header])
      guard let index = Self.column(named: header, in: layout) else {
        diagnostics.append(
          Diagnostic(
            .error, at: at,
            "'\(header)' is recoded, but it is not a column of \(export); correct the header, or remove the recode "
              + "(see the headers with 'tevreden import --inspect \(export)')"))
        continue
      }
      if conversion.itemColumns[index] == nil, !conversion.roleColumns.values.contains(index) {
        let reason =
          conversion.droppedColumns.contains(where: { $0.index == index })
          ? "it holds personal data, which is never read; remove the recode"
          : "it holds no item of \(conversion.definition.questionnaire.id); map it under 'columns:', or remove the "
            + "recode"
        diagnostics.append(
          Diagnostic(.error, at: at, "'\(header)' is recoded, but \(export) does not import that column: \(reason)"))
      }
    }
    return diagnostics
  }
}
