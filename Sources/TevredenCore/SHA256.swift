import CTevredenSHA
import Foundation

/// SHA-256 (FIPS 180-4), used to fingerprint questionnaire definitions and imported files, and to make the ids of
/// export rows that carry none.
///
/// Foundation on Linux has no CryptoKit; this small implementation avoids building swift-crypto for one hash.
public enum SHA256 {

  /// The digest of `data` as 64 lower-case hex digits.
  public static func hex(of data: Data) -> String {
    hex(digest(of: data))
  }

  /// A digest as 64 lower-case hex digits.
  static func hex(_ digest: [UInt8]) -> String {
    hex(digest, digits: digest.count * 2)
  }

  /// The first `digits` lower-case hex digits of a digest.
  public static func hex(_ digest: [UInt8], digits count: Int) -> String {
    let count = min(count, digest.count * 2)
    return String(unsafeUninitializedCapacity: count) { text in
      let digits: StaticString = "0123456789abcdef"
      let table = digits.utf8Start
      for index in 0..<count {
        let byte = digest[index >> 1]
        text[index] = table[Int(index & 1 == 0 ? byte >> 4 : byte & 0x0F)]
      }
      return count
    }
  }

  /// The 32-byte digest of `data`.
  public static func digest(of data: Data) -> [UInt8] {
    var hasher = Hasher()
    hasher.update(data)
    return hasher.finalize()
  }

  /// The digest of a file's bytes, read in pieces so that memory stays flat whatever the file's size.
  public static func hex(ofFileAt url: URL) throws -> String {
    let handle = try FileHandle(forReadingFrom: url)
    defer { try? handle.close() }
    var hasher = Hasher()
    while let piece = try handle.read(upToCount: 1 << 20), !piece.isEmpty { hasher.update(piece) }
    return hex(hasher.finalize())
  }

  /// The eight words of the hash state.
  struct State: Sendable {
    var a: UInt32 = 0x6a09_e667
    var b: UInt32 = 0xbb67_ae85
    var c: UInt32 = 0x3c6e_f372
    var d: UInt32 = 0xa54f_f53a
    var e: UInt32 = 0x510e_527f
    var f: UInt32 = 0x9b05_688c
    var g: UInt32 = 0x1f83_d9ab
    var h: UInt32 = 0x5be0_cd19
  }

  /// Hashes bytes fed piece by piece.
  ///
  /// Holds no arrays: the state and the bytes not yet making up a whole block are stored inline, so hashing many
  /// short messages (one per row of an export) allocates nothing but the digest.
  public struct Hasher: Sendable {
    private var state = State()
    /// Bytes not yet making up a whole 64-byte block: the first `pendingCount` bytes of these eight words.
    private var block: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var pendingCount = 0
    private var length: UInt64 = 0

    public init() {}

    /// Adds bytes to the message.
    public mutating func update(_ data: Data) {
      data.withUnsafeBytes { update(UnsafeRawBufferPointer($0)) }
    }

    /// Adds the UTF-8 bytes of a text to the message.
    public mutating func update(utf8 text: String) {
      let done: Void? = text.utf8.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
      if done == nil { Array(text.utf8).withUnsafeBytes { update($0) } }
    }

    /// Adds one byte to the message.
    public mutating func update(byte: UInt8) {
      withUnsafeBytes(of: byte) { update($0) }
    }

    /// Adds bytes to the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
      guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
      length &+= UInt64(bytes.count)
      var state = self.state
      var block = self.block
      var pendingCount = self.pendingCount
      var offset = 0
      let total = bytes.count
      withUnsafeMutableBytes(of: &block) { blockBytes in
        guard let blockBase = blockBytes.baseAddress else { return }
        if pendingCount > 0 {
          let take = min(64 - pendingCount, total)
          (blockBase + pendingCount).copyMemory(from: base, byteCount: take)
          pendingCount += take
          offset = take
          guard pendingCount == 64 else { return }
          SHA256.compress(&state, UnsafeRawPointer(blockBase))
          pendingCount = 0
        }
        let wholeBlocks = (total - offset) / 64
        if wholeBlocks > 0 {
          SHA256.compress(&state, base + offset, blocks: wholeBlocks)
          offset += wholeBlocks * 64
        }
        let rest = total - offset
        if rest > 0 {
          blockBase.copyMemory(from: base + offset, byteCount: rest)
          pendingCount = rest
        }
      }
      self.state = state
      self.block = block
      self.pendingCount = pendingCount
    }

    /// The 32-byte digest of everything added.
    public mutating func finalize() -> [UInt8] {
      let state = finalState()
      return [UInt8](unsafeUninitializedCapacity: 32) { digest, count in
        guard let base = UnsafeMutableRawPointer(digest.baseAddress) else { return }
        Self.store(state, at: base)
        count = 32
      }
    }

    /// Calls `body` with the 32-byte digest of everything added, kept on the stack: a digest per row of an export
    /// (its id) then allocates nothing.
    public mutating func withDigest<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
      let state = finalState()
      var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
      return withUnsafeMutableBytes(of: &words) { digest in
        guard let base = digest.baseAddress else { return body(UnsafeRawBufferPointer(digest)) }
        Self.store(state, at: base)
        return body(UnsafeRawBufferPointer(digest))
      }
    }

    /// The state's eight words, big-endian, at `base`.
    private static func store(_ state: State, at base: UnsafeMutableRawPointer) {
      base.storeBytes(of: state.a.bigEndian, toByteOffset: 0, as: UInt32.self)
      base.storeBytes(of: state.b.bigEndian, toByteOffset: 4, as: UInt32.self)
      base.storeBytes(of: state.c.bigEndian, toByteOffset: 8, as: UInt32.self)
      base.storeBytes(of: state.d.bigEndian, toByteOffset: 12, as: UInt32.self)
      base.storeBytes(of: state.e.bigEndian, toByteOffset: 16, as: UInt32.self)
      base.storeBytes(of: state.f.bigEndian, toByteOffset: 20, as: UInt32.self)
      base.storeBytes(of: state.g.bigEndian, toByteOffset: 24, as: UInt32.self)
      base.storeBytes(of: state.h.bigEndian, toByteOffset: 28, as: UInt32.self)
    }

    /// Pads the message and returns the final state; the hasher is left with nothing pending.
    private mutating func finalState() -> State {
      let bitLength = length &* 8
      var state = self.state
      var block = self.block
      let pendingCount = self.pendingCount
      withUnsafeMutableBytes(of: &block) { blockBytes in
        guard let blockBase = blockBytes.baseAddress else { return }
        blockBytes[pendingCount] = 0x80
        if pendingCount + 1 > 56 {
          (blockBase + pendingCount + 1).initializeMemory(as: UInt8.self, repeating: 0, count: 63 - pendingCount)
          SHA256.compress(&state, UnsafeRawPointer(blockBase))
          blockBase.initializeMemory(as: UInt8.self, repeating: 0, count: 56)
        } else {
          (blockBase + pendingCount + 1).initializeMemory(as: UInt8.self, repeating: 0, count: 55 - pendingCount)
        }
        blockBase.storeBytes(of: bitLength.bigEndian, toByteOffset: 56, as: UInt64.self)
        SHA256.compress(&state, UnsafeRawPointer(blockBase))
      }
      self.state = state
      self.block = block
      self.pendingCount = 0
      return state
    }
  }

  /// Whether this processor's SHA instructions do the work (about seven times faster, measured on a million
  /// export rows); checked once.
  static let usesHardware = tevreden_sha256_hardware_available() == 1

  /// Processes the `blocks` 64-byte blocks at `bytes`, with the processor's SHA instructions when it has them.
  @inline(__always)
  private static func compress(_ state: inout State, _ bytes: UnsafeRawPointer, blocks: Int = 1) {
    compress(&state, bytes, blocks: blocks, hardware: usesHardware)
  }

  /// Processes blocks in software or, with `hardware` (only where ``usesHardware``), with the SHA instructions:
  /// the tests compare the two.
  static func compress(_ state: inout State, _ bytes: UnsafeRawPointer, blocks: Int, hardware: Bool) {
    guard hardware else {
      // The constants are C's table: a Swift array here was retained and released per block by every thread
      // hashing at once (the rows and the file), contending for one reference count.
      let constants = UnsafeBufferPointer(start: tevreden_sha256_round_constants(), count: 64)
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
        for block in 0..<blocks { compress(&state, bytes + 64 * block, constants: constants, schedule: w) }
      }
      return
    }
    var words = (state.a, state.b, state.c, state.d, state.e, state.f, state.g, state.h)
    withUnsafeMutableBytes(of: &words) { raw in
      guard let base = raw.baseAddress else { return }
      tevreden_sha256_hardware_blocks(
        base.assumingMemoryBound(to: UInt32.self), bytes.assumingMemoryBound(to: UInt8.self), blocks)
    }
    (state.a, state.b, state.c, state.d, state.e, state.f, state.g, state.h) = words
  }

  private static func compress(
    _ state: inout State, _ bytes: UnsafeRawPointer, constants: UnsafeBufferPointer<UInt32>,
    schedule: UnsafeMutableBufferPointer<UInt32>
  ) {
    guard let w = schedule.baseAddress, let k = constants.baseAddress else { return }
    for i in 0..<16 {
      w[i] = UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
    }
    for i in 16..<64 {
      let w15 = w[i - 15]
      let w2 = w[i - 2]
      let s0 = rotate(w15, 7) ^ rotate(w15, 18) ^ (w15 >> 3)
      let s1 = rotate(w2, 17) ^ rotate(w2, 19) ^ (w2 >> 10)
      w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
    }
    var (a, b, c, d, e, f, g, h) = (state.a, state.b, state.c, state.d, state.e, state.f, state.g, state.h)
    for i in 0..<64 {
      let s1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
      let choose = (e & f) ^ (~e & g)
      let t1 = h &+ s1 &+ choose &+ k[i] &+ w[i]
      let s0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
      let majority = (a & b) ^ (a & c) ^ (b & c)
      let t2 = s0 &+ majority
      (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
    }
    state.a &+= a
    state.b &+= b
    state.c &+= c
    state.d &+= d
    state.e &+= e
    state.f &+= f
    state.g &+= g
    state.h &+= h
  }

  @inline(__always)
  private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
    (value >> count) | (value << (32 - count))
  }
}
