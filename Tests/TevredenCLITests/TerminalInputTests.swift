import ArgumentParser
import Foundation
import Testing

@testable import TevredenCLI
@testable import TevredenCore

/// The terminal's raw input: bytes to keys, keys to an edited line, and the interview command's arguments.
@Suite struct TerminalInputTests {
  func keys(_ bytes: [UInt8]) -> [Key] {
    var decoder = KeyDecoder()
    var keys = bytes.flatMap { decoder.feed($0) }
    if decoder.isInEscape { keys += decoder.finishEscape() }
    return keys
  }

  func type(_ bytes: [UInt8]) -> [LineEditor.Outcome] {
    var editor = LineEditor()
    return keys(bytes).map { editor.apply($0) }
  }

  @Test func decodesCharactersControlKeysAndEscapeSequences() {
    #expect(keys(Array("a1".utf8)) == [.character("a"), .character("1")])
    #expect(keys(Array("é".utf8)) == [.character("é")])
    #expect(keys([0x0D, 0x7F, 0x03, 0x04, 0x15]) == [.enter, .backspace, .interrupt, .endOfInput, .clearLine])
    #expect(keys([0x1B, 0x5B, 0x44, 0x1B, 0x5B, 0x43]) == [.left, .right])
    #expect(keys(Array("\u{1B}[3~\u{1B}[H\u{1B}[F".utf8)) == [.delete, .home, .end])
    #expect(keys(Array("\u{1B}[A".utf8)) == [.ignored])
  }

  @Test func escapeOnItsOwnIsTheQuickExit() {
    #expect(keys([0x1B]) == [.escape])
    #expect(keys([0x1B, 0x1B]) == [.escape, .escape])
    var decoder = KeyDecoder()
    #expect(decoder.feed(0x1B) == [])
    #expect(decoder.isInEscape)
    #expect(decoder.finishEscape() == [.escape])
  }

  @Test func editsTheLineWithBackspaceArrowsAndClear() {
    #expect(type(Array("12".utf8) + [0x7F, 0x0D]).last == .submitted("1"))
    // "13", left, "2", Enter gives "123".
    #expect(type(Array("13".utf8) + [0x1B, 0x5B, 0x44] + Array("2".utf8) + [0x0D]).last == .submitted("123"))
    // Ctrl-A to the start, Delete the first character.
    #expect(type(Array("x7".utf8) + [0x01, 0x1B, 0x5B, 0x33, 0x7E, 0x0D]).last == .submitted("7"))
    #expect(type(Array("abc".utf8) + [0x15] + Array("ok".utf8) + [0x0D]).last == .submitted("ok"))
    #expect(type([0x7F]) == [.unchanged])
  }

  @Test func ctrlDEndsInputOnlyOnAnEmptyLineAndCtrlCInterrupts() {
    #expect(type([0x04]) == [.endOfInput])
    #expect(type(Array("1".utf8) + [0x04]) == [.edited, .unchanged])
    #expect(type([0x03]) == [.interrupted])
    #expect(type([0x1B]) == [.quickExit])
  }

  @Test func interviewIDsAreShortAndUnambiguous() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<200 {
      let id = InterviewID.make(using: &generator)
      #expect(id.count == 9)
      #expect(id.hasPrefix("VT-"))
      #expect(!id.dropFirst(3).contains { "01OI".contains($0) })
    }
  }

  @Test func theInterviewCommandNeedsOneOfQuestionnaireResumeOrOpen() throws {
    #expect(throws: (any Error).self) { try TevredenCommand.parseAsRoot(["interview"]) }
    #expect(throws: (any Error).self) {
      try TevredenCommand.parseAsRoot(["interview", "inwoners-melding", "--open"])
    }
    #expect(throws: (any Error).self) { try TevredenCommand.parseAsRoot(["interview", "inwoners-melding"]) }
    let command = try TevredenCommand.parseAsRoot([
      "interview", "inwoners-melding", "--interviewer", "AB12", "--gemeente", "Hoorn", "--mode", "papier",
    ])
    let interview = try #require(command as? TevredenCommand.InterviewCommand)
    #expect(interview.mode == .papier)
    #expect(interview.gemeente == "Hoorn")
    _ = try TevredenCommand.parseAsRoot(["interview", "--resume", "VT-ABCDEF"])
    _ = try TevredenCommand.parseAsRoot(["interview", "--open"])
  }

  @Test(arguments: ["AB12", "int-07", "x_1"])
  func acceptsInterviewerCodes(_ code: String) {
    #expect(TevredenCommand.InterviewCommand.isValidInterviewerCode(code))
  }

  @Test(arguments: ["Jan de Vries", "jan@example.nl", "", "ABCDEFGHIJKLMNOPQ", "Zoë"])
  func refusesInterviewerCodesThatLookLikeNamesOrAddresses(_ code: String) {
    #expect(!TevredenCommand.InterviewCommand.isValidInterviewerCode(code))
  }
}
