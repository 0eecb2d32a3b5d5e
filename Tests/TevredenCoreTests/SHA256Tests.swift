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

  @Test func hashesAFileInPieces() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID().uuidString).bin")
    defer { try? FileManager.default.removeItem(at: url) }
    let bytes = Data(repeating: UInt8(ascii: "a"), count: 3_000_001)
    try bytes.write(to: url)
    #expect(try SHA256.hex(ofFileAt: url) == SHA256.hex(of: bytes))
  }

  static let reference = "1e92fd98f113aba0a78e0830ca06e2775912370feab112dfc57bf3258b810595"
}
