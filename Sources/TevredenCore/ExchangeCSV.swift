import Foundation

/// tevreden's own exchange format: tidy CSV, one row per response, metadata columns then one column per item.
///
/// The `language` column holds the ISO 639-1 code of the language the respondent answered in, `interpreter` `ja` or
/// `nee`; a file without them (written before they were added) reads as the source language without an interpreter.
///
/// Cells: a value in its canonical text (`ja`/`nee`, a number, choice codes joined by `;`, free text), a missing
/// code (`weet_niet`, `nvt`, `weigert`, as the questionnaire defines them), or empty when the item was not asked
/// or not answered. Timestamps are ISO 8601 in UTC. The format round-trips: reading what was written gives the
/// same responses, also through the spreadsheet guard (``SpreadsheetGuard``) its cells from outside carry.
public enum ExchangeCSV {
  /// The layout name recorded with import batches.
  public static let formatName = "tevreden-csv"

  /// The metadata columns, in order.
  public static let metadataColumns = [
    "response_id", "questionnaire", "version", "audience", "group", "gemeente", "mode", "interviewer", "started_at",
    "completed_at", "status", "language", "interpreter",
  ]

  /// The item columns for a set of definitions of one questionnaire: the newest version's order, then items that
  /// only older versions have.
  public static func itemColumns(for definitions: [Questionnaire]) -> [Question.ID] {
    var columns: [Question.ID] = []
    for definition in definitions.sorted(by: { $0.version > $1.version }) {
      for question in definition.questions where !columns.contains(question.id) { columns.append(question.id) }
    }
    return columns
  }

  /// Writes responses as CSV with the given item columns.
  public static func write(_ responses: [Response], items: [Question.ID]) -> String {
    responses.reduce(into: headerLine(items: items)) { $0 += line(for: $1, items: items) }
  }

  /// The header line of a file with these item columns, ending in a line break.
  public static func headerLine(items: [Question.ID]) -> String {
    CSVWriter.renderUnguarded([metadataColumns + items.map(\.rawValue)])
  }

  /// One response as a line of a file with these item columns, ending in a line break: a file can be written a
  /// response at a time.
  public static func line(for response: Response, items: [Question.ID]) -> String {
    CSVWriter.renderUnguarded([cells(for: response, items: items)])
  }

  /// One response's cells as the standard file holds them, guarded where they need it.
  public static func cells(for response: Response, items: [Question.ID]) -> [String] {
    let metadata = [
      metadataGuarded(response.id.rawValue), response.questionnaireID.rawValue, String(response.questionnaireVersion),
      response.audience.rawValue, response.group, metadataGuarded(response.gemeente ?? ""), response.mode.rawValue,
      metadataGuarded(response.interviewer ?? ""), Timestamp.format(response.startedAt),
      response.completedAt.map(Timestamp.format) ?? "", response.status.rawValue, response.language.rawValue,
      interpreterCell(response.isInterpreterAssisted),
    ]
    let cells = items.map { item -> String in
      switch response.answers[item] {
      // Masked here too: a database written by an older tevreden may hold open answers unmasked.
      case .value(.text(let text))?: SpreadsheetGuard.guarded(IdentifierMasking.standard.mask(text).text)
      // Numbers stay numbers in a spreadsheet (a number item may be negative); they are never guarded.
      case .value(let value)?:
        switch value {
        case .grade, .scalePoint, .number: value.canonicalText
        default: SpreadsheetGuard.guarded(value.canonicalText)
        }
      case .missing(let code)?: SpreadsheetGuard.guarded(code)
      case nil: ""
      }
    }
    return metadata + cells
  }

  /// The columns of a file with these item columns that are not text, for a dialect (``CSVDialect``): `version`
  /// and the grade items are numbers, `started_at` and `completed_at` times.
  public static func columnKinds(items: [Question.ID], in definitions: [Questionnaire]) -> [Int: CSVDialect.ColumnKind]
  {
    var kinds: [Int: CSVDialect.ColumnKind] = [2: .number, 8: .time, 9: .time]
    for (offset, item) in items.enumerated() {
      let kind = definitions.sorted { $0.version > $1.version }.lazy.compactMap { $0.question(item)?.kind }.first
      switch kind {
      case .grade?, .number?, .scale?: kinds[metadataColumns.count + offset] = .number
      default: break
      }
    }
    return kinds
  }

  /// The guard of the metadata columns whose text comes from outside (`response_id`, `gemeente`, `interviewer`):
  /// a leading space, not a `'`, because the exchange reader trims the spaces around these three columns, so the
  /// import stores the same text again; the quoted space keeps a spreadsheet from starting a formula. The other
  /// metadata columns hold tevreden's own words, numbers and times, which never start a formula.
  static func metadataGuarded(_ text: String) -> String {
    SpreadsheetGuard.needsGuard(text) ? " " + text : text
  }

  /// Reads an item cell of an exchange file back into the text that was guarded (see ``SpreadsheetGuard``). A file
  /// written before the guard holds the text as it is, which reads the same unless it starts with one or more `'`
  /// followed by `=`, `+`, `-`, `@`, TAB or CR: such a text loses one `'` (the one edge case the format cannot
  /// tell apart, having no version of its own).
  public static func itemCell(_ cell: String) -> String {
    SpreadsheetGuard.unguarded(cell)
  }

  /// The `interpreter` cell: `ja` when an interpreter took part, else `nee`.
  public static func interpreterCell(_ isInterpreterAssisted: Bool) -> String {
    isInterpreterAssisted ? CanonicalSpelling.yes : CanonicalSpelling.no
  }

  /// The stored text an item cell of an exchange file holds, for ``AnswerReader`` in the stored dialect: the cell
  /// without the spreadsheet guard (``itemCell(_:)``), and a grade's decimal comma, which `export --excel nl` and a
  /// spreadsheet with Dutch settings write, made the point of stored text. This undoes the file's spreadsheet
  /// layer, and nothing else: the answer itself must be canonical.
  public static func storedText(ofItemCell cell: String, for question: Question) -> String {
    let text = itemCell(cell)
    if case .grade = question.kind, text.utf8.contains(UInt8(ascii: ",")) {
      return text.replacingOccurrences(of: ",", with: String(CanonicalSpelling.decimalSeparator))
    }
    return text
  }

  /// Interviewer codes identify a station or a person's code, not their name: no spaces.
  public static func isInterviewerCode(_ text: String) -> Bool {
    !text.isEmpty && text.count <= 40
      && text.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
      }
  }
}
