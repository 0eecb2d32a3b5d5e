import Foundation
import TevredenCore

/// The registration's own parts of the report: descriptive counts, the PIs over the years, and the PIs per
/// municipality. Each is left out when the merged file has nothing for it.
extension ReportRenderer {
  static func descriptiveCells(_ row: ReportFigures.DescriptiveRow) -> [String] {
    [
      row.number, row.label, Wording.optionalCount(row.value), Wording.optionalCount(row.budgeted),
      Wording.signedCount(row.difference), Wording.optionalCount(row.waitingList),
      Wording.optionalCount(row.workload),
    ]
  }

  static func historyCells(_ entry: ReportFigures.HistoryEntry, unit: ReportFigures.Unit) -> [String] {
    [
      entry.period, entry.value.map { Wording.value($0, unit: unit) } ?? "–", entry.count.map(Wording.count) ?? "–",
      Wording.norm(entry.norm, unit: unit), Wording.status(entry.status),
    ]
  }

  static func subgroupCells(_ row: ReportFigures.SubgroupRow, unit: ReportFigures.Unit) -> [String] {
    if row.isSuppressed { return [row.name, "*", "*", Wording.suppressed] }
    return [
      row.name, row.value.map { Wording.value($0, unit: unit) } ?? "–", row.count.map(Wording.count) ?? "–",
      Wording.status(row.status),
    ]
  }

  /// The n under which a municipal registration figure is hidden (`IndicatorRow.rows` hides under both).
  static func subgroupThreshold(_ methods: ReportFigures.Methods) -> Int {
    max(methods.disclosureThreshold, methods.minimumRespondents)
  }

  static func registrationHTML(_ figures: ReportFigures) -> String {
    var html = ""
    if !figures.descriptive.isEmpty {
      html += "<section id=\"beschrijvend\">\n<h2>\(HTML.escape(Wording.descriptiveTitle))</h2>\n"
      html += "<p>\(HTML.escape(Wording.descriptiveLead))</p>\n"
      html += HTML.table(
        caption: nil, header: Wording.descriptiveHeader, rows: figures.descriptive.map(descriptiveCells),
        numeric: [2, 3, 4, 5, 6], className: "descriptive")
      html += "</section>\n"
    }
    if !figures.registrationHistory.isEmpty {
      html += "<section id=\"registratie-historie\">\n<h2>\(HTML.escape(Wording.historyTitle))</h2>\n"
      html += "<p>\(HTML.escape(Wording.historyLead))</p>\n"
      for table in figures.registrationHistory {
        html += HTML.table(
          caption: "PI \(table.number): \(table.label)", header: Wording.historyHeader,
          rows: table.entries.map { historyCells($0, unit: table.unit) }, numeric: [1, 2], className: "history")
      }
      html += "</section>\n"
    }
    if !figures.registrationSubgroups.isEmpty || !figures.withheldSubgroups.isEmpty {
      html += "<section id=\"registratie-gemeenten\">\n"
      html += "<h2>\(HTML.escape(Wording.subgroupSectionTitle))</h2>\n"
      for table in figures.registrationSubgroups {
        html += HTML.table(
          caption: Wording.subgroupTitle(number: table.number, label: table.label), header: Wording.subgroupHeader,
          rows: table.rows.map { subgroupCells($0, unit: table.unit) }, numeric: [1, 2], className: "subgroups")
      }
      html += "<p class=\"note\">\(HTML.escape(Wording.subgroupNote(subgroupThreshold(figures.methods))))</p>\n"
      if !figures.withheldSubgroups.isEmpty {
        html +=
          "<p class=\"caution\" role=\"note\">\(HTML.escape(Wording.withheldSubgroups(figures.withheldSubgroups)))</p>\n"
      }
      html += "</section>\n"
    }
    return html
  }

  static func registrationMarkdown(_ figures: ReportFigures) -> [String] {
    var lines: [String] = []
    if !figures.descriptive.isEmpty {
      lines += ["", "## \(Wording.descriptiveTitle)", "", Markdown.escape(Wording.descriptiveLead), ""]
      lines += Markdown.table(
        header: Wording.descriptiveHeader, rows: figures.descriptive.map(descriptiveCells), numeric: [2, 3, 4, 5, 6])
    }
    if !figures.registrationHistory.isEmpty {
      lines += ["", "## \(Wording.historyTitle)", "", Markdown.escape(Wording.historyLead)]
      for table in figures.registrationHistory {
        lines += ["", "### PI \(Markdown.escape(table.number)): \(Markdown.escape(table.label))", ""]
        lines += Markdown.table(
          header: Wording.historyHeader, rows: table.entries.map { historyCells($0, unit: table.unit) },
          numeric: [1, 2])
      }
    }
    if !figures.registrationSubgroups.isEmpty || !figures.withheldSubgroups.isEmpty {
      lines += ["", "## \(Wording.subgroupSectionTitle)"]
      for table in figures.registrationSubgroups {
        lines += ["", "### \(Markdown.escape(Wording.subgroupTitle(number: table.number, label: table.label)))", ""]
        lines += Markdown.table(
          header: Wording.subgroupHeader, rows: table.rows.map { subgroupCells($0, unit: table.unit) },
          numeric: [1, 2])
      }
      lines += ["", Markdown.escape(Wording.subgroupNote(subgroupThreshold(figures.methods)))]
      if !figures.withheldSubgroups.isEmpty {
        lines += ["", Markdown.escape(Wording.withheldSubgroups(figures.withheldSubgroups))]
      }
    }
    return lines
  }
}
