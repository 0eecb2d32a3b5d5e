import Foundation

/// The analysis layout of an export: typed columns for R, pandas, SPSS and Excel, beside the exchange format (which
/// stays the lossless round-trip format, see ``ExchangeCSV``).
///
/// - A numeric item (grade, scale, number) holds only numbers; yes/no and consent hold 1 or 0. A missing code never
///   sits among the numbers: it goes to the item's companion column `<item>_missing`, so that a mean per group is
///   one line in any of those tools.
/// - A single-choice item holds its code, with its label in `<item>_label`; a multiple-choice item is one 0/1 column
///   per option, `<item>_<code>`, empty where the item was not answered.
/// - The day a response counts on (Dutch local time), its year, its four-month block and the cumulative burap
///   periods it counts in, and the group's name as reports show it.
/// - The language the respondent answered in (ISO 639-1) and whether an interpreter took part (1 or 0).
///
/// Item columns follow the newest version's order (``ExchangeCSV/itemColumns(for:)``); each item is read by its
/// kind in the newest version that has it. The codebook (``Codebook``) says what every value means.
public struct AnalysisCSV: Sendable {
  /// The metadata columns, in order.
  public static let metadataColumns = [
    "response_id", "questionnaire", "version", "audience", "group", "group_label", "gemeente", "mode", "status",
    "started_at", "completed_at", "collected_on", "year", "tertile", "burap_periods", "language", "interpreter",
  ]

  /// One column of the file.
  public enum Column: Hashable, Sendable {
    case value(Question.ID)
    case missing(Question.ID)
    case label(Question.ID)
    case option(Question.ID, code: String)

    /// The column's name before it is made unique (see ``AnalysisCSV/name(of:)``).
    var baseName: String {
      switch self {
      case .value(let item): item.rawValue
      case .missing(let item): item.rawValue + "_missing"
      case .label(let item): item.rawValue + "_label"
      case .option(let item, let code): item.rawValue + "_" + code
      }
    }
  }

  public let columns: [Column]
  /// Each column's name: its base name, with `_2`, `_3`, … where that is a metadata column's or an earlier
  /// column's name (an item `status`, or an item `contact_telefoon` beside the option `telefoon` of `contact`).
  private let names: [Column: String]
  /// Per item, its question as the newest version that has it asks it.
  private let questions: [Question.ID: Question]
  private let groupLabel: String

  public init(definitions: [Questionnaire]) {
    let ordered = definitions.sorted { $0.version < $1.version }
    var questions: [Question.ID: Question] = [:]
    for definition in ordered {
      for question in definition.questions { questions[question.id] = question }
    }
    var columns: [Column] = []
    for item in ExchangeCSV.itemColumns(for: ordered) {
      guard let question = questions[item] else { continue }
      switch question.kind {
      case .choice(let choices, allowsMultiple: true):
        columns += choices.map { .option(item, code: $0.code) }
      case .choice(_, allowsMultiple: false):
        columns += [.value(item), .label(item)]
      default:
        columns.append(.value(item))
      }
      if !question.missingCodes.isEmpty { columns.append(.missing(item)) }
    }
    self.columns = columns
    var used = Set(Self.metadataColumns)
    var names: [Column: String] = [:]
    for column in columns {
      var name = column.baseName
      var number = 2
      while used.contains(name) {
        name = "\(column.baseName)_\(number)"
        number += 1
      }
      used.insert(name)
      names[column] = name
    }
    self.names = names
    self.questions = questions
    groupLabel = ordered.last?.groupLabel ?? ""
  }

  /// The question a column's item is read as: its kind in the newest version that has it.
  public func question(_ item: Question.ID) -> Question? { questions[item] }

  /// The metadata cells of a response, in the order of ``metadataColumns``.
  public func metadata(of response: Response) -> [String] {
    let day = response.collectedOn
    let tertile = (day.month - 1) / 4 + 1
    return [
      response.id.rawValue, response.questionnaireID.rawValue, String(response.questionnaireVersion),
      response.audience.rawValue, response.group, groupLabel, response.gemeente ?? "", response.mode.rawValue,
      response.status.rawValue, Timestamp.format(response.startedAt),
      response.completedAt.map(Timestamp.format) ?? "", day.description, String(day.year), "T\(tertile)",
      (tertile...3).map { "\(day.year)-T\($0)" }.joined(separator: ";"), response.language.rawValue,
      response.isInterpreterAssisted ? "1" : "0",
    ]
  }

  /// The header line, ending in a line break.
  public var headerLine: String {
    CSVWriter.render([columnNames])
  }

  /// One response as a line, ending in a line break.
  public func line(for response: Response) -> String {
    CSVWriter.render([cells(of: response)], numericColumns: numericColumnIndexes)
  }

  /// A response's cells, in the order of the header: the metadata, then the columns. ``CSVWriter`` guards the text
  /// cells among them against spreadsheet formulas (``SpreadsheetGuard``); ``numericColumnIndexes`` are left as
  /// they are.
  public func cells(of response: Response) -> [String] {
    metadata(of: response) + columns.map { cell($0, of: response) }
  }

  /// The file's header line in a dialect (the standard one is ``headerLine``), starting with what the dialect's
  /// files start with.
  public func headerLine(in dialect: CSVDialect) -> String {
    dialect.fileStart + (dialect == .standard ? headerLine : dialect.line(columnNames))
  }

  /// One response as a line in a dialect (``CSVDialect``): text cells guarded, numbers, times and days written as
  /// the dialect writes them.
  public func line(for response: Response, in dialect: CSVDialect) -> String {
    guard dialect != .standard else { return line(for: response) }
    let numeric = numericColumnIndexes
    let cells = cells(of: response).enumerated().map {
      numeric.contains($0.offset) ? $0.element : SpreadsheetGuard.guarded($0.element)
    }
    return dialect.line(cells, kinds: columnKinds)
  }

  /// The columns that are not text: the numeric ones, `started_at` and `completed_at` (times), `collected_on` (a day).
  public var columnKinds: [Int: CSVDialect.ColumnKind] {
    var kinds: [Int: CSVDialect.ColumnKind] = [9: .time, 10: .time, 11: .day]
    for index in numericColumnIndexes { kinds[index] = .number }
    return kinds
  }

  /// The metadata columns that hold numbers only: `version`, `year` and `interpreter` (1 or 0).
  public static let numericMetadataColumns: Set<String> = ["version", "year", "interpreter"]

  /// The positions of the columns that hold numbers only: `version`, `year`, `interpreter`, and the numeric items'
  /// columns.
  public var numericColumnIndexes: Set<Int> {
    var indexes = Set(
      Self.metadataColumns.indices.filter { Self.numericMetadataColumns.contains(Self.metadataColumns[$0]) })
    for (offset, column) in columns.enumerated() where isNumeric(column) {
      indexes.insert(Self.metadataColumns.count + offset)
    }
    return indexes
  }

  /// Whether a column holds numbers only (or nothing).
  public func isNumeric(_ column: Column) -> Bool {
    switch column {
    case .option: return true
    case .missing, .label: return false
    case .value(let item):
      switch questions[item]?.kind {
      case .grade?, .scale?, .number?, .yesNo?, .consent?: return true
      case .choice?, .text?, nil: return false
      }
    }
  }

  /// The header's names: the metadata columns, then the columns.
  public var columnNames: [String] { Self.metadataColumns + columns.map(name(of:)) }

  /// A column's name in the header, unique in the file.
  public func name(of column: Column) -> String { names[column] ?? column.baseName }

  /// A column's cell, before the spreadsheet guard (``SpreadsheetGuard``) of the CSV.
  public func cell(_ column: Column, of response: Response) -> String {
    switch column {
    case .missing(let item):
      if case .missing(let code)? = response.answers[item] { return code }
      return ""
    case .label(let item):
      guard case .value(.choices(let codes))? = response.answers[item], let question = questions[item],
        case .choice(let choices, _) = question.kind
      else { return "" }
      return codes.map { code in choices.first { $0.code == code }?.label ?? code }.joined(separator: ";")
    case .option(let item, let code):
      guard case .value(.choices(let codes))? = response.answers[item] else { return "" }
      return codes.contains(code) ? "1" : "0"
    case .value(let item):
      guard case .value(let value)? = response.answers[item] else { return "" }
      switch value {
      case .yesNo(let yes): return yes ? "1" : "0"
      // Masked here too: a database written by an older tevreden may hold open answers unmasked.
      case .text(let text): return IdentifierMasking.standard.mask(text).text
      default: return value.canonicalText
      }
    }
  }
}
