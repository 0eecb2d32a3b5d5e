import TevredenCore

/// The review screen fitted to a terminal: one row per answer, in pages no taller than the terminal.
///
/// A row is the line's number, its question cut to fit its column (the interviewer knows the questions; the
/// start tells which one it is), and the answer in full, wrapped within its column when it is long, so every
/// answer can be read. The answer column is as wide as the longest answer, up to half the width (more when the
/// questions are short). When the rows do not fit in the terminal's height they are cut into pages, never
/// within a row; the numbers stay those of the whole list, so any answer can be changed from any page.
///
/// Pure: the sizes are given, nothing is written.
struct ReviewLayout: Hashable {
  /// One answer's row: its first line and, for a long answer, the lines it wraps onto.
  struct Row: Hashable {
    var number: Int
    /// The number right-aligned to the widest number.
    var numberText: String
    /// The question's cell and the answer's first line, after the number.
    var text: String
    /// The answer's further lines, indented to its column.
    var continuation: [String]

    var height: Int { 1 + continuation.count }
  }

  /// The rows, page by page; one page when they fit.
  let pages: [[Row]]

  /// Lines a screen needs besides its rows: the title, the keys, a message and the prompt; with pages, also the
  /// line that says how to turn them. (The blank line above the title may scroll away.)
  static let linesAroundRows = 4
  static let linesAroundRowsWithPages = 5
  /// The first columns of a row: two spaces, the number, two spaces.
  static let indent = 2
  static let gap = 2

  /// - Parameter rightToLeft: The questions are in a right-to-left language: each question cell is isolated right
  ///   to left and each answer line by its first letter (``BidiText``), after it is cut or wrapped to its width, so
  ///   that an isolate never spans two cells or lines and the widths count what the terminal shows.
  init(_ lines: [ReviewLine], size: TerminalSize, notAnswered: String, rightToLeft: Bool = false) {
    // The last column stays empty: a terminal that wraps after writing it would add a line.
    let usable = max(size.columns - 1, 20)
    let numberWidth = String(lines.count).count
    let rest = max(usable - Self.indent - numberWidth - Self.gap - Self.gap, 16)
    let answers = lines.map { $0.answer ?? notAnswered }
    let longestQuestion = lines.map(\.text.count).max() ?? 0
    let longestAnswer = answers.map(\.count).max() ?? 0
    let answerWidth = max(min(longestAnswer, max(rest / 2, rest - longestQuestion)), 8)
    let questionWidth = max(min(rest - answerWidth, longestQuestion), 8)
    let answerIndent = String(repeating: " ", count: numberWidth + Self.gap + questionWidth + Self.gap)

    let rows = zip(lines, answers).map { line, answer in
      let wrapped = Self.wrap(answer, width: answerWidth).map {
        BidiText.firstStrongIsolated($0, rightToLeft: rightToLeft)
      }
      return Row(
        number: line.number, numberText: Self.padded(String(line.number), toLeft: numberWidth),
        text: Self.cut(line.text, to: questionWidth, rightToLeft: rightToLeft) + String(repeating: " ", count: Self.gap)
          + wrapped[0],
        continuation: wrapped.dropFirst().map { answerIndent + $0 })
    }
    let total = rows.map(\.height).reduce(0, +)
    if total <= size.rows - Self.linesAroundRows {
      pages = [rows]
      return
    }
    let budget = max(size.rows - Self.linesAroundRowsWithPages, 1)
    var pages: [[Row]] = []
    var page: [Row] = []
    var used = 0
    for var row in rows {
      if row.height > budget {
        // Only a very long free text on a very small terminal: shown in full on its own question screen.
        row.continuation = Array(row.continuation.prefix(budget - 1))
        if let last = row.continuation.indices.last { row.continuation[last] += "…" }
      }
      if used + row.height > budget, !page.isEmpty {
        pages.append(page)
        page = []
        used = 0
      }
      page.append(row)
      used += row.height
    }
    if !page.isEmpty { pages.append(page) }
    self.pages = pages
  }

  /// The page (0-based) that holds the row with this number; the first page when there is none.
  func page(holding number: Int) -> Int {
    pages.firstIndex { page in page.contains { $0.number == number } } ?? 0
  }

  /// The text cut to `width` characters (the last one an ellipsis when cut) and padded to it; isolated right to
  /// left before the padding when `rightToLeft`.
  static func cut(_ text: String, to width: Int, rightToLeft: Bool = false) -> String {
    let fitted = text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    return BidiText.isolated(fitted, rightToLeft: rightToLeft) + String(repeating: " ", count: width - fitted.count)
  }

  static func padded(_ text: String, toLeft width: Int) -> String {
    String(repeating: " ", count: max(width - text.count, 0)) + text
  }

  /// The text in lines of at most `width` characters, broken between words (a longer word is split).
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      var word = Substring(word)
      while word.count > width {
        if !line.isEmpty {
          lines.append(line)
          line = ""
        }
        lines.append(String(word.prefix(width)))
        word = word.dropFirst(width)
      }
      if word.isEmpty { continue }
      if line.isEmpty {
        line = String(word)
      } else if line.count + 1 + word.count <= width {
        line += " " + word
      } else {
        lines.append(line)
        line = String(word)
      }
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }
}
