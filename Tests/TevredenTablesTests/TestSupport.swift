import Foundation
import Testing
import TevredenTestSupport
import ZIPFoundation

@testable import TevredenTables

/// The package root (`…/main`), found from this file.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// One of this target's own fixtures (`Fixtures/<name>`).
func ownFixture(_ name: String) throws -> URL {
  try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
}

/// Reads every record of a delimited text held in memory.
func readText(
  _ bytes: [UInt8], encoding: TextEncoding? = nil, delimiter: Delimiter? = nil, chunkSize: Int = 65_536
) throws -> (source: TableSourceDescription, records: [TableRecord]) {
  var reader = try DelimitedReader(bytes: bytes, encoding: encoding, delimiter: delimiter, chunkSize: chunkSize)
  let records = try reader.readAll()
  return (reader.source, records)
}

/// The fields of each record, for compact comparisons.
func fields(_ records: [TableRecord]) -> [[String]] {
  records.map(\.fields)
}

/// Writes a ZIP archive with the given entries (path → text), deflated, in the given order.
func writeZip(_ entries: [(path: String, text: String)], to url: URL) throws {
  let archive = try Archive(url: url, accessMode: .create)
  for entry in entries {
    let data = Data(entry.text.utf8)
    try archive.addEntry(
      with: entry.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
    ) { position, size in
      data.subdata(in: Int(position)..<(Int(position) + size))
    }
  }
}

/// The parts of a minimal workbook; tests replace or drop parts to build broken ones.
struct WorkbookParts {
  static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  var sheets: [(name: String, xml: String, state: String?)]
  var sharedStrings: [String]?
  var styles: String?
  var date1904 = false

  /// A `<worksheet>` document around `<sheetData>` content.
  static func worksheet(_ sheetData: String, dimension: String? = nil) -> String {
    let dimensionElement = dimension.map { "<dimension ref=\"\($0)\"/>" } ?? ""
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <worksheet xmlns="\(mainNamespace)" xmlns:r="\(relationshipNamespace)">\(dimensionElement)\
      <sheetData>\(sheetData)</sheetData></worksheet>
      """
  }

  /// The parts as archive entries.
  var entries: [(path: String, text: String)] {
    var entries: [(path: String, text: String)] = []
    entries.append(
      (
        "[Content_Types].xml",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="xml" ContentType="application/xml"/></Types>
        """
      ))
    entries.append(
      (
        "_rels/.rels",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(Self.relationshipType)/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """
      ))
    var relationships = ""
    var sheetList = ""
    for (index, sheet) in sheets.enumerated() {
      let id = "rId\(index + 1)"
      relationships +=
        "<Relationship Id=\"\(id)\" Type=\"\(Self.relationshipType)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
      let state = sheet.state.map { " state=\"\($0)\"" } ?? ""
      sheetList += "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\"\(state) r:id=\"\(id)\"/>"
      entries.append(("xl/worksheets/sheet\(index + 1).xml", sheet.xml))
    }
    if let sharedStrings {
      relationships +=
        "<Relationship Id=\"rIdS\" Type=\"\(Self.relationshipType)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
      let items = sharedStrings.joined()
      entries.append(
        (
          "xl/sharedStrings.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"\(Self.mainNamespace)\">\(items)</sst>"
        ))
    }
    if let styles {
      relationships +=
        "<Relationship Id=\"rIdT\" Type=\"\(Self.relationshipType)/styles\" Target=\"/xl/styles.xml\"/>"
      entries.append(("xl/styles.xml", styles))
    }
    entries.append(
      (
        "xl/_rels/workbook.xml.rels",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(relationships)\
        </Relationships>
        """
      ))
    entries.append(
      (
        "xl/workbook.xml",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <workbook xmlns="\(Self.mainNamespace)" xmlns:r="\(Self.relationshipNamespace)">\
        <workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets>\(sheetList)</sheets></workbook>
        """
      ))
    return entries
  }

  /// Writes the workbook as `name` in `folder`.
  func write(to folder: URL, name: String = "workbook.xlsx") throws -> URL {
    let url = folder.appendingPathComponent(name)
    try writeZip(entries, to: url)
    return url
  }
}
