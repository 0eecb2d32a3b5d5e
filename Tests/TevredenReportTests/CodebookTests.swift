import Foundation
import Testing
import TevredenCore
import TevredenTestSupport

@testable import TevredenReport

/// The codebook: every column of the export described, values with their labels, missing codes, routing, the items
/// that make the grade and the aspects, and what changed between versions.
@Suite struct CodebookTests {
  let melding: Questionnaire

  init() throws {
    let catalog = Catalog.load(from: repositoryRoot.appendingPathComponent("Questionnaires"))
    melding = try #require(catalog.questionnaire("inwoners-melding")).questionnaire
  }

  /// A later version: one question worded anew, one item added, one left out.
  private func laterVersion() -> Questionnaire {
    var later = melding
    later.version += 1
    later.questions = later.questions.compactMap { question in
      guard question.id != "terugkoppeling" else { return nil }
      var question = question
      if question.id == "bejegening" { question.text = "Hoe vond u de manier waarop de medewerker met u omging?" }
      return question
    }
    later.questions.append(Question(id: "nieuw", text: "Nog iets?", kind: .text, isRequired: false))
    return later
  }

  @Test func everyItemIsDescribedFromItsDefinition() throws {
    let book = Codebook(definitions: [melding])
    #expect(book.versions == [melding.version])
    #expect(book.metadata.map(\.column) == ExchangeCSV.metadataColumns)
    #expect(book.items.map(\.id) == melding.questions.map(\.id))
    for question in melding.questions {
      let item = try #require(book.items.first { $0.id == question.id })
      #expect(item.text == question.text)
      #expect(item.type == question.kind.typeName)
      #expect(item.missingCodes == question.missingCodes)
      #expect(item.conditions == question.showIf)
      #expect(item.isRequired == question.isRequired)
      switch question.kind {
      case .scale(let scale):
        #expect(item.values.map(\.code) == scale.points.map { String($0.value) })
        #expect(item.values.map(\.label) == scale.points.map(\.label))
      case .choice(let choices, let multiple):
        #expect(item.values.map(\.code) == choices.map(\.code))
        #expect(item.allowsMultiple == multiple)
      case .yesNo, .consent:
        #expect(item.values.map(\.code) == ["ja", "nee"])
      case .grade:
        #expect(item.range == 1...10)
      case .number(let range):
        #expect(item.range == Double(range.lowerBound)...Double(range.upperBound))
      case .text:
        #expect(item.values.isEmpty && item.range == nil)
      }
    }
    #expect(book.items.first { $0.id == melding.scoreRule.grade }?.role == .grade)
    for aspect in melding.scoreRule.aspects { #expect(book.items.first { $0.id == aspect }?.role == .aspect) }
    for topic in melding.scoreRule.topics { #expect(book.items.first { $0.id == topic }?.role == .topic) }
    #expect(!melding.scoreRule.topics.isEmpty)
    #expect(
      book.items.filter { $0.role != nil }.count
        == 1 + melding.scoreRule.aspects.count + melding.scoreRule.topics.count)
  }

  @Test func versionsShowEarlierWordingAndItemsSomeVersionsLack() throws {
    let later = laterVersion()
    let book = Codebook(definitions: [later, melding, melding])
    #expect(book.versions == [melding.version, later.version])
    #expect(book.items.map(\.id) == ExchangeCSV.itemColumns(for: [melding, later]))
    let bejegening = try #require(book.items.first { $0.id == "bejegening" })
    #expect(bejegening.text == "Hoe vond u de manier waarop de medewerker met u omging?")
    let earlier = try #require(melding.question("bejegening")).text
    #expect(bejegening.earlierTexts.map(\.version) == [melding.version])
    #expect(bejegening.earlierTexts.map(\.text) == [earlier])
    #expect(book.items.first { $0.id == "nieuw" }?.versions == [later.version])
    #expect(book.items.first { $0.id == "terugkoppeling" }?.versions == [melding.version])
    let markdown = CodebookRendering.render([book], as: .markdown)
    #expect(markdown.contains("(versie \(melding.version): Hoe tevreden bent u over hoe de medewerker"))
    #expect(markdown.contains("alleen in versie \(later.version)"))
    #expect(markdown.contains("Versies \(melding.version) en \(later.version)"))
  }

  /// Version 3 of inwoners-melding asks on a "Hoe goed" scale what version 2 asked as agree-statements: a cell of
  /// a version-2 response means what version 2's label says, and every form of the codebook says so.
  @Test func valuesWhoseLabelsChangedAreDescribedPerVersion() throws {
    let catalog = Catalog.load(from: repositoryRoot.appendingPathComponent("Questionnaires"))
    let earlier = try #require(catalog.questionnaire("inwoners-melding", version: 2)).questionnaire
    let book = Codebook(definitions: [earlier, melding])
    let geduld = try #require(book.items.first { $0.id == "geduld" })
    #expect(geduld.values.map(\.label) == ["Heel slecht", "Slecht", "Niet goed en niet slecht", "Goed", "Heel goed"])
    #expect(geduld.earlierValues.map(\.versions) == [[2]])
    #expect(geduld.earlierValues.first?.values.map(\.label).last == "Helemaal mee eens")
    #expect(geduld.versionsWithValues == [melding.version])
    #expect(try #require(book.items.first { $0.id == "bereikbaarheid" }).earlierValues.isEmpty)
    let records = try CSVReader.parse(CodebookRendering.render([book], as: .csv))
    let header = try #require(records.first?.fields)
    let rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.fields)) }
    let fours = rows.filter { $0["column"] == "geduld" && $0["value"] == "4" }
    #expect(
      fours.map { [$0["label"] ?? "", $0["versions"] ?? ""] } == [["Goed", "\(melding.version)"], ["Mee eens", "2"]])
    #expect(CodebookRendering.render([book], as: .json).contains("\"earlier_values\""))
  }

  /// The CSV form has one row per value and missing code, with its label, so that a program can attach value
  /// labels: every scale point of every scale item is there.
  @Test func theCSVHasARowPerValueWithItsLabel() throws {
    let book = Codebook(definitions: [melding])
    let records = try CSVReader.parse(CodebookRendering.render([book], as: .csv))
    let header = try #require(records.first?.fields)
    #expect(header == CodebookRendering.csvColumns)
    let rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.fields)) }
    #expect(rows.filter { $0["kind"] == "metadata" }.map { $0["column"] ?? "" } == ExchangeCSV.metadataColumns)
    for question in melding.questions {
      let itemRows = rows.filter { $0["column"] == question.id.rawValue && $0["kind"] == "item" }
      let missing = itemRows.filter { $0["is_missing"] == "1" }
      #expect(missing.map { $0["value"] ?? "" } == question.missingCodes, "\(question.id)")
      for code in question.missingCodes {
        #expect(
          missing.first { $0["value"] == code }?["label"] == melding.missingCode(code)?.label, "\(question.id) \(code)")
      }
      if case .scale(let scale) = question.kind {
        let values = itemRows.filter { $0["is_missing"] == "0" }
        #expect(values.map { $0["value"] ?? "" } == scale.points.map { String($0.value) }, "\(question.id)")
        #expect(values.map { $0["label"] ?? "" } == scale.points.map(\.label), "\(question.id)")
      }
      if !question.showIf.isEmpty {
        #expect(itemRows.allSatisfy { $0["asked_when"] == CodebookRendering.conditionCode(question.showIf) })
        #expect(itemRows.first?["asked_when"]?.contains(question.showIf[0].item.rawValue) == true)
      }
    }
    let grade = rows.filter { $0["column"] == melding.scoreRule.grade.rawValue }
    #expect(grade.first?["minimum"] == "1" && grade.first?["maximum"] == "10" && grade.first?["role"] == "grade")
  }

  @Test func theDutchExcelCSVHoldsTheStandardCells() throws {
    let books = [Codebook(definitions: [melding, laterVersion()])]
    let standard = CodebookRendering.render(books, as: .csv)
    let dutch = CodebookRendering.render(books, as: .csv, dialect: .excelNL)
    #expect(dutch.hasPrefix("\u{FEFF}"), "a byte-order mark")
    #expect(dutch.contains("\r\n") && dutch.contains(";"))
    let plain = try CSVReader.parse(standard).map(\.fields)
    let excel = try CSVReader.parse(String(dutch.dropFirst()), delimiter: ";").map(\.fields)
    try #require(plain.count == excel.count && plain.count > 2)
    #expect(excel[0] == plain[0], "the same columns")
    let numeric = Set(["minimum", "maximum"].compactMap { plain[0].firstIndex(of: $0) })
    #expect(numeric.count == 2)
    // The versions column ("2;3") holds the Dutch delimiter: it must come back whole.
    let versions = books[0].versions.map(String.init).joined(separator: ";")
    #expect(versions.contains(";") && plain.dropFirst().contains { $0.last == versions })
    for (row, (a, b)) in zip(plain, excel).enumerated().dropFirst() {
      for (column, (standardCell, dutchCell)) in zip(a, b).enumerated() {
        let expected = numeric.contains(column) ? standardCell.replacingOccurrences(of: ".", with: ",") : standardCell
        #expect(dutchCell == expected, "row \(row) \(plain[0][column])")
      }
    }
  }

  @Test func theJSONFormHoldsEveryItem() throws {
    let book = Codebook(definitions: [melding])
    let text = CodebookRendering.render([book], as: .json)
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    let items = try #require(parsed.first?["items"] as? [[String: Any]])
    #expect(items.map { $0["column"] as? String } == melding.questions.map(\.id.rawValue))
    let grade = try #require(items.first { $0["column"] as? String == melding.scoreRule.grade.rawValue })
    #expect(grade["role"] as? String == "grade")
    #expect(grade["maximum"] as? Double == 10)
  }

  /// A `|` in a question or label would end a Markdown table cell.
  @Test func markdownCellsAreEscaped() throws {
    var odd = melding
    odd.questions[1].text = "Wie | bent u?\nEcht?"
    let markdown = CodebookRendering.render([Codebook(definitions: [odd])], as: .markdown)
    #expect(markdown.contains("Wie \\| bent u? Echt?"))
    let table = markdown.split(separator: "\n").filter { $0.hasPrefix("| `") }
    let cells = table.map { $0.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
    #expect(Set(cells).count == 2, "metadata rows have 3 bars, item rows 8: \(Set(cells))")
  }
}
