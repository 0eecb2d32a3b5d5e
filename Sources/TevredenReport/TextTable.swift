import Foundation

/// A fixed-width table for the terminal: every column as wide as its widest cell, two spaces between columns, text
/// columns left-aligned and numbers right-aligned, no spaces at the end of a line. The score table and the
/// indicator table both print through it, so they line up alike.
struct TextTable {
  /// The width of each column, in characters.
  let widths: [Int]
  /// The columns that hold text; the others hold numbers.
  let leftAligned: Set<Int>

  /// Columns as wide as the widest of the header and the rows; every row has a cell for every header cell.
  init(header: [String], rows: [[String]], leftAligned: Set<Int>) {
    let all = [header] + rows
    widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
    self.leftAligned = leftAligned
  }

  /// One line of cells; `style` may decorate a cell (terminal colours) after its padding was measured on the bare
  /// text, so that decoration never shifts a column.
  func line(_ cells: [String], style: (_ column: Int, _ cell: String) -> String = { $1 }) -> String {
    cells.enumerated().map { column, cell in
      let padding = String(repeating: " ", count: widths[column] - cell.count)
      let shown = style(column, cell)
      return leftAligned.contains(column) ? shown + padding : padding + shown
    }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
  }

  /// The dashes under the header, as wide as the table.
  var rule: String {
    String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))
  }
}
