import Foundation
import Testing

@testable import TevredenTables

@Suite struct TextDecoderTests {
  private func detect(_ bytes: [UInt8], isComplete: Bool = true) throws -> EncodingDetection {
    try TextDecoder.detectEncoding(in: bytes, isComplete: isComplete, file: "t")
  }

  @Test func detectsByteOrderMarks() throws {
    #expect(try detect([0xEF, 0xBB, 0xBF, 0x61]) == EncodingDetection(encoding: .utf8, hasBOM: true))
    #expect(try detect([0xFF, 0xFE, 0x61, 0x00]) == EncodingDetection(encoding: .utf16LittleEndian, hasBOM: true))
    #expect(try detect([0xFE, 0xFF, 0x00, 0x61]) == EncodingDetection(encoding: .utf16BigEndian, hasBOM: true))
    #expect(EncodingDetection(encoding: .utf8, hasBOM: true).bomLength == 3)
    #expect(EncodingDetection(encoding: .utf16BigEndian, hasBOM: true).bomLength == 2)
    #expect(EncodingDetection(encoding: .utf8, hasBOM: false).bomLength == 0)
  }

  @Test func detectsUTF16WithoutBOMFromItsZeroBytes() throws {
    let text = "id\tnaam\r\n1\tJosé\r\n"
    let little = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let big = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    #expect(try detect(little) == EncodingDetection(encoding: .utf16LittleEndian, hasBOM: false))
    #expect(try detect(big) == EncodingDetection(encoding: .utf16BigEndian, hasBOM: false))
  }

  @Test func tellsUTF8FromWindows1252() throws {
    #expect(try detect(Array("plain ascii,1\n".utf8)).encoding == .utf8)
    #expect(try detect(Array("café,€\n".utf8)).encoding == .utf8)
    #expect(try detect([0x63, 0x61, 0x66, 0xE9, 0x0A]).encoding == .windows1252)
    // Overlong forms and surrogates are not UTF-8.
    #expect(try detect([0xC0, 0xAF]).encoding == .windows1252)
    #expect(try detect([0xED, 0xA0, 0x80]).encoding == .windows1252)
    // A character cut off at the end of a sample is fine, but not at the end of the file.
    let cut: [UInt8] = Array("caf".utf8) + [0xC3]
    #expect(try detect(cut, isComplete: false).encoding == .utf8)
    #expect(try detect(cut, isComplete: true).encoding == .windows1252)
  }

  @Test func refusesBinaryContent() throws {
    #expect(throws: TableReadError.binaryFile(file: "t")) { try detect([0x50, 0x4E, 0x47, 0x00, 0x01, 0x02, 0x03]) }
    #expect(throws: TableReadError.binaryFile(file: "t")) { try detect([0x61, 0x00, 0x00, 0x00, 0x62, 0x63]) }
    // Tabs, line breaks, form feeds and a DOS end-of-file mark are text.
    #expect(try detect(Array("a\tb\r\nc\u{0C}d\n".utf8) + [0x1A]).encoding == .utf8)
  }

  @Test func decodesWholeTexts() throws {
    let windows = try TextDecoder.decode([0x80, 0x20, 0x93, 0x6A, 0x61, 0x94, 0x20, 0xEB, 0x81])
    #expect(windows.encoding == .windows1252)
    #expect(windows.text == "€ \u{201C}ja\u{201D} ë\u{81}")
    let bom = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("hé".utf8))
    #expect(bom == DecodedText(text: "hé", encoding: .utf8, hasBOM: true))
    let forced = try TextDecoder.decode(Array("hé".utf8), encoding: .windows1252)
    #expect(forced.text == "hÃ©")
  }

  /// Converting a stream in chunks of any size gives the same text as converting it at once.
  @Test(arguments: TextEncoding.allCases)
  func convertsStreamsInChunksOfAnySize(_ encoding: TextEncoding) throws {
    let text = "Zoë 😀 € \u{201C}x\u{201D}\r\nåß"
    let bytes: [UInt8] =
      switch encoding {
      case .utf8: Array(text.utf8)
      case .utf16LittleEndian: text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
      case .utf16BigEndian: text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
      case .windows1252: [0x5A, 0x6F, 0xEB, 0x20, 0x80, 0x20, 0x93, 0x78, 0x94, 0x0D, 0x0A, 0xE5, 0xDF]
      }
    let expected = encoding == .windows1252 ? "Zoë € \u{201C}x\u{201D}\r\nåß" : text
    for size in 1...8 {
      var decoder = TextDecoder(encoding: encoding)
      var output: [UInt8] = []
      var start = 0
      while start < bytes.count {
        let end = min(bytes.count, start + size)
        decoder.decode(bytes[start..<end], into: &output)
        start = end
      }
      decoder.finish(into: &output)
      #expect(String(decoding: output, as: UTF8.self) == expected, "chunk size \(size)")
    }
  }

  @Test func replacesInvalidInput() {
    var utf8 = TextDecoder(encoding: .utf8)
    var output: [UInt8] = []
    utf8.decode([0x61, 0xFF, 0x62, 0xE2, 0x82], into: &output)
    utf8.finish(into: &output)
    #expect(String(decoding: output, as: UTF8.self) == "a\u{FFFD}b\u{FFFD}")

    var utf16 = TextDecoder(encoding: .utf16LittleEndian)
    output = []
    // A low surrogate alone, then a high surrogate followed by a letter.
    utf16.decode([0x00, 0xDC, 0x3D, 0xD8, 0x61, 0x00], into: &output)
    utf16.finish(into: &output)
    #expect(String(decoding: output, as: UTF8.self) == "\u{FFFD}\u{FFFD}a")
  }
}
