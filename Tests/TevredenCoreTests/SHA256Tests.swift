import Foundation
import Testing

@testable import TevredenCore

@Suite struct SHA256Tests {
  // Test vectors from FIPS 180-4 / NIST CAVP.
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
  ])
  func matchesKnownDigests(input: String, digest: String) {
    #expect(SHA256.hex(of: Data(input.utf8)) == digest)
  }

  @Test func handlesInputsAcrossBlockBoundaries() {
    // One million 'a's: the classic long vector.
    let million = Data(repeating: UInt8(ascii: "a"), count: 1_000_000)
    #expect(SHA256.hex(of: million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }
}

@Suite struct SHA256HasherTests {
  @Test(arguments: [1, 3, 63, 64, 65, 1000])
  func piecesGiveTheSameDigestAsTheWhole(pieceSize: Int) {
    let bytes = Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
    var hasher = SHA256.Hasher()
    for start in stride(from: 0, to: bytes.count, by: pieceSize) {
      hasher.update(bytes.subdata(in: start..<min(start + pieceSize, bytes.count)))
    }
    #expect(SHA256.hex(hasher.finalize()) == SHA256.hex(of: bytes))
    // Known digest of the same bytes, computed with Python's hashlib.
    #expect(SHA256.hex(of: bytes) == Self.reference)
  }

  @Test(arguments: [0, 1, 55, 56, 64, 200, 5000])
  func theDigestOnTheStackIsTheDigest(length: Int) {
    let bytes = Data((0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
    var hasher = SHA256.Hasher()
    hasher.update(bytes)
    let onStack = hasher.withDigest { Array($0) }
    #expect(onStack == SHA256.digest(of: bytes))
  }

  @Test func hashesAFileInPieces() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID().uuidString).bin")
    defer { try? FileManager.default.removeItem(at: url) }
    let bytes = Data(repeating: UInt8(ascii: "a"), count: 3_000_001)
    try bytes.write(to: url)
    #expect(try SHA256.hex(ofFileAt: url) == SHA256.hex(of: bytes))
  }

  static let reference = "1e92fd98f113aba0a78e0830ca06e2775912370feab112dfc57bf3258b810595"

  /// Digests of the bytes `(i * 31 + 7) % 256` for i in 0..<n, computed with Python's hashlib: lengths around the
  /// padding boundaries (55/56 bytes leave room for the length in the last block or not) and whole blocks.
  @Test(arguments: [
    (0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    (1, "ca358758f6d27e6cf45272937977a748fd88391db679ceda7dc7bf1f005ee879"),
    (3, "647674a296197442f518bcca323ec605dd8d098b2d4f22ee1fdcdd2bb753a189"),
    (55, "8aa994584139d128848eeebc4e815639ba5ab6e6e39574195a63ac4f14f7c43b"),
    (56, "ad574708f75c044c9b85de64cb568ee7711ff4f36448c6242f053ba8f6cc2b63"),
    (57, "5b46e502092be01b1100193e089fdda95638c12e19a1d24f308eb2c3d3ae849d"),
    (63, "280ed3e8ff1df845b2e7dfe6ac6cee817bef20e783cc65abc41b818b4d2fe076"),
    (64, "c6ab9724ade5b6a7a1edfffb12f3aa9181351355af8fd08c919952ad211339dd"),
    (65, "788367c73c7ddf4c53f65e68cc0d943e6227ab55b0e78ba63ace822b1c6301c0"),
    (119, "3d610547d68216dedf7435a4fb6260353911f6b3fd3f18805ddb8be285d726fe"),
    (120, "1f80156a804cb7862ad113e8200e9d74499723e7c7854d5f48776d3148e09656"),
    (127, "192409cd280e14b743642ad1343fbd3e82d9305de72c078117745a679210cc3d"),
    (128, "cc548ca2dec1f6fe4f58b2e27aa9c7521607df1130d140b55a4dad0665302356"),
    (129, "81e89a7b2911aaa7795f9e3d4910cb47d6cd2b00d83b8399481527261a1a7519"),
    (1000, "5097e7d587352f5097062ae679f37bda5802d9f875aba14c8cb4d1a188ada179"),
  ])
  func matchesKnownDigestsAroundBlockBoundaries(length: Int, digest: String) {
    let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    #expect(SHA256.hex(of: Data(bytes)) == digest)
    // The same bytes fed one at a time, as text pieces and as bytes, give the same digest.
    var hasher = SHA256.Hasher()
    for byte in bytes { hasher.update(byte: byte) }
    #expect(SHA256.hex(hasher.finalize()) == digest)
    #expect(SHA256.hex(SHA256.digest(of: Data(bytes)), digits: 20) == String(digest.prefix(20)))
  }

  @Test func hashesTextAsItsUTF8Bytes() {
    let text = "één twee drie, vier vijf zes: \u{1F}\u{1E} ☕ en nog wat meer tekst over de blokgrens heen"
    var hasher = SHA256.Hasher()
    hasher.update(utf8: text)
    #expect(SHA256.hex(hasher.finalize()) == SHA256.hex(of: Data(text.utf8)))
  }
}

@Suite struct SHA256HardwareTests {
  // Only where the processor has them; elsewhere the software is all that runs, and the vectors above test it.
  @Test(.enabled(if: SHA256.usesHardware, "this processor has no SHA instructions"))
  func theProcessorsSHAInstructionsGiveTheSameStateAsTheSoftware() {
    var generator = SeededGenerator(seed: 20_261_123)
    for blocks in [1, 2, 3, 7, 16, 64] {
      for _ in 0..<50 {
        let bytes = (0..<(64 * blocks)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        var start = SHA256.State()
        start.a = UInt32(truncatingIfNeeded: generator.next())
        start.h = UInt32(truncatingIfNeeded: generator.next())
        var software = start
        var hardware = start
        bytes.withUnsafeBytes { raw in
          guard let base = raw.baseAddress else { return }
          SHA256.compress(&software, base, blocks: blocks, hardware: false)
          SHA256.compress(&hardware, base, blocks: blocks, hardware: true)
        }
        #expect(
          [hardware.a, hardware.b, hardware.c, hardware.d, hardware.e, hardware.f, hardware.g, hardware.h]
            == [software.a, software.b, software.c, software.d, software.e, software.f, software.g, software.h])
      }
    }
  }
}
