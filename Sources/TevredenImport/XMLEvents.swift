import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Element names without their namespace prefix, so `x:row` and `row` are the same element.
///
/// Namespace processing stays off (it is slower, and some writers use prefixes for the main
/// SpreadsheetML namespace); elements and attributes are matched by local name.
@inline(__always)
func localName(_ name: String) -> Substring {
  if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
  return name[...]
}

/// An attribute by local name: `id` finds `r:id`.
func attribute(_ name: String, in attributes: [String: String]) -> String? {
  if let value = attributes[name] { return value }
  for (key, value) in attributes where localName(key) == name { return value }
  return nil
}

/// Forwards `XMLParser` events to closures, for the small parts of a workbook read in one go.
final class XMLEvents: NSObject, XMLParserDelegate {
  var didStartElement: (_ name: Substring, _ attributes: [String: String]) -> Void = { _, _ in }
  var didEndElement: (_ name: Substring) -> Void = { _ in }
  var foundCharacters: (_ text: String) -> Void = { _ in }
  private var problems = XMLProblems()

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    problems.sawElement = true
    didStartElement(localName(elementName), attributeDict)
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
  ) {
    didEndElement(localName(elementName))
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    foundCharacters(string)
  }

  func parser(_ parser: XMLParser, foundCDATA block: Data) {
    foundCharacters(String(decoding: block, as: UTF8.self))
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
    problems.record(parseError, in: parser)
  }

  /// Parses `data`, sending events to the closures.
  ///
  /// - Throws: ``TableReadError/malformedXML(file:part:line:reason:)`` if the XML is not well-formed.
  func parse(_ data: Data, part: String, file: String) throws(TableReadError) {
    let parser = XMLParser(data: data)
    parser.delegate = self
    let succeeded = parser.parse()
    if let error = problems.error(after: parser, succeeded: succeeded, part: part, file: file) { throw error }
  }
}

/// The first well-formedness error of a parse.
///
/// `XMLParser` on Linux parses in libxml2's recovery mode: after an error it reports the error and then
/// carries on, and for some errors (a document that ends too early, an empty one) `parse()` even returns
/// `true`. So the first reported error is kept and parsing is stopped there, and the result is checked
/// for `parserError` and for a root element as well.
struct XMLProblems {
  var sawElement = false
  private var first: (code: Int, line: Int?)?

  mutating func record(_ error: any Error, in parser: XMLParser) {
    guard first == nil else { return }
    first = ((error as NSError).code, parser.lineNumber > 0 ? parser.lineNumber : nil)
    parser.abortParsing()
  }

  func error(after parser: XMLParser, succeeded: Bool, part: String, file: String) -> TableReadError? {
    if let first {
      return .malformedXML(file: file, part: part, line: first.line, reason: XMLFailure.reason(forCode: first.code))
    }
    if !succeeded || parser.parserError != nil {
      let line = parser.lineNumber > 0 ? parser.lineNumber : nil
      let code = parser.parserError.map { ($0 as NSError).code }
      return .malformedXML(
        file: file, part: part, line: line, reason: code.map(XMLFailure.reason(forCode:)) ?? "the parser stopped")
    }
    if !sawElement {
      return .malformedXML(file: file, part: part, line: nil, reason: "the document is empty")
    }
    return nil
  }
}

/// Readable reasons for `XMLParser` failures.
enum XMLFailure {
  /// A readable reason for the common libxml2 error codes (`xmlParserErrors`, which `XMLParser` passes on;
  /// on Linux `XMLParser.ErrorCode(rawValue:)` is off by one against them, so the numbers are used).
  static func reason(forCode code: Int) -> String {
    switch code {
    case 3, 4: "the document is empty or does not start with an element"
    case 5: "the document ends early or has content after its last element"
    case 77: "the document ends in the middle of an element"
    case 76, 85: "an end tag does not match its start tag"
    case 72, 73, 74: "a tag is not closed"
    case 38...42: "an attribute is malformed"
    case 23, 24, 26, 27, 89, 90: "an entity reference (&…;) is malformed or unknown"
    case 6...9, 31, 32, 81: "the text contains characters XML does not allow"
    case 86: "there is content after the last element"
    default: "XML error \(code)"
    }
  }
}
