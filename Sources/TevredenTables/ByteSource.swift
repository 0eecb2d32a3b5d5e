import Foundation

/// Bytes read a chunk at a time from a file, or from memory, with a look-ahead buffer for sniffing.
///
/// Sniffing reads the first bytes ahead (``peek(upTo:)``); later reads return those bytes again before
/// continuing with the file, so detection never consumes anything.
struct ByteSource {
  private enum Storage {
    case file(FileHandle)
    case memory([UInt8], position: Int)
  }

  private var storage: Storage
  /// Bytes already read from the storage but not yet handed out.
  private var lookahead: [UInt8] = []
  private var lookaheadPosition = 0
  private(set) var isExhausted = false
  /// How many bytes have been handed out (or skipped) so far: how far into the file reading has come.
  private(set) var consumed = 0
  let file: String

  /// Opens a file for reading.
  init(url: URL, file: String) throws(TableReadError) {
    do {
      storage = .file(try FileHandle(forReadingFrom: url))
    } catch {
      throw .unreadableFile(file: file, reason: Self.reason(for: error))
    }
    self.file = file
  }

  /// Reads from bytes in memory.
  init(bytes: [UInt8], file: String) {
    storage = .memory(bytes, position: 0)
    self.file = file
  }

  /// The first `count` bytes not yet handed out (fewer at the end of the file), without consuming them.
  mutating func peek(upTo count: Int) throws(TableReadError) -> ArraySlice<UInt8> {
    var ahead: [UInt8] = []
    swap(&ahead, &lookahead)
    defer { swap(&ahead, &lookahead) }
    while ahead.count - lookaheadPosition < count {
      let wanted = max(count - (ahead.count - lookaheadPosition), 65_536)
      if try readStorage(appendingTo: &ahead, maxCount: wanted) == 0 { break }
    }
    let end = min(ahead.count, lookaheadPosition + count)
    return ahead[lookaheadPosition..<end]
  }

  /// Drops `count` bytes (a byte order mark) from the front.
  mutating func skip(_ count: Int) throws(TableReadError) {
    _ = try peek(upTo: count)
    let end = min(lookahead.count, lookaheadPosition + count)
    consumed += end - lookaheadPosition
    lookaheadPosition = end
  }

  /// Replaces `buffer`'s content with up to `maxCount` next bytes; leaves it empty at the end of the file.
  mutating func read(into buffer: inout [UInt8], maxCount: Int) throws(TableReadError) {
    buffer.removeAll(keepingCapacity: true)
    defer { consumed += buffer.count }
    if lookaheadPosition < lookahead.count {
      let end = min(lookahead.count, lookaheadPosition + maxCount)
      buffer.append(contentsOf: lookahead[lookaheadPosition..<end])
      lookaheadPosition = end
      if lookaheadPosition == lookahead.count {
        lookahead = []
        lookaheadPosition = 0
      }
      return
    }
    _ = try readStorage(appendingTo: &buffer, maxCount: maxCount)
  }

  /// Appends up to `maxCount` bytes from the file or memory; returns how many (0 at the end).
  private mutating func readStorage(appendingTo buffer: inout [UInt8], maxCount: Int) throws(TableReadError) -> Int {
    if isExhausted { return 0 }
    switch storage {
    case .file(let handle):
      do {
        let data = try handle.read(upToCount: maxCount) ?? Data()
        if data.isEmpty {
          isExhausted = true
          try? handle.close()
        }
        buffer.append(contentsOf: data)
        return data.count
      } catch {
        throw .unreadableFile(file: file, reason: Self.reason(for: error))
      }
    case .memory(let bytes, let position):
      let end = min(bytes.count, position + maxCount)
      storage = .memory(bytes, position: end)
      if end == position { isExhausted = true }
      buffer.append(contentsOf: bytes[position..<end])
      return end - position
    }
  }

  /// A short, readable reason for a Foundation file error.
  static func reason(for error: any Error) -> String {
    let nsError = error as NSError
    if nsError.domain == NSCocoaErrorDomain {
      switch nsError.code {
      case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file"
      case NSFileReadNoPermissionError: return "permission denied"
      default: break
      }
    }
    if nsError.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(nsError.code)) {
      switch code {
      case .ENOENT: return "no such file"
      case .EACCES: return "permission denied"
      case .EISDIR: return "is a folder"
      default: break
      }
    }
    return error.localizedDescription
  }
}
