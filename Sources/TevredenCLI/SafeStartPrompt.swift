import Foundation
import TevredenCore

/// Shows the safe start (``SafeStart``) on a console and reads the interviewer's answer; the callers decide what
/// the answer does to the database, which differs for a new interview and a resumed one.
enum SafeStartPrompt {
  /// Asks until the question is answered: the outcome, or `nil` when the input ended (or Ctrl-C in a terminal)
  /// before that.
  static func ask(on console: any Console, in translation: Translation? = nil) -> SafeStart.Outcome? {
    var safeStart = SafeStart()
    var message: String?
    var help = false
    while true {
      render(safeStart.screen(in: translation), message: message, help: help, on: console)
      message = nil
      help = false
      switch console.readLine(prompt: InterviewText.prompt) {
      case .endOfInput, .interrupt:
        // Nothing was answered in this call: the caller stores nothing new (or pauses a resumed interview).
        return nil
      case .quickExit:
        return .quickExit
      case .line(let line):
        let step = safeStart.handle(line)
        if let outcome = step.outcome { return outcome }
        message = step.message
        help = step.showsHelp
      }
    }
  }

  /// Shows what happened to the contact and offers the quick exit; whether the interviewer took it, in which case
  /// the caller clears the screen at once.
  ///
  /// The screen says that this person could not talk freely, which is itself something to hide when someone comes
  /// near: so the way out is offered here, and ending normally (Enter, or the end of a pipe's input) leaves it.
  static func endContact(_ text: String, on console: any Console) -> Bool {
    console.write("\n" + console.style(text, .bold) + "\n")
    console.write("  " + console.style(InterviewText.quickExitOffer, .dim) + "\n")
    switch console.readLine(prompt: InterviewText.prompt) {
    case .quickExit:
      return true
    case .line(let line) where line.trimmingCharacters(in: .whitespaces) == InterviewInput.quickExitKey:
      return true
    case .endOfInput where !console.isTerminal:
      // A pipe ran dry at the prompt: end the line it is on (a terminal has done so itself).
      console.write("\n")
      return false
    case .line, .endOfInput, .interrupt:
      return false
    }
  }

  private static func render(_ screen: SafeStartScreen, message: String?, help: Bool, on console: any Console) {
    var out = "\n"
    if help { out += InterviewText.safeStartHelp + "\n\n" }
    let rightToLeft = screen.language?.isRightToLeft ?? false
    out += console.style(screen.title, .dim) + "\n"
    out += console.style(BidiText.isolated(screen.question, rightToLeft: rightToLeft), .bold) + "\n"
    if let source = screen.sourceQuestion { out += "  " + console.style("[nl] " + source, .dim) + "\n" }
    if let note = screen.note { out += "  " + console.style(note, .dim) + "\n" }
    // For the interviewer's eyes only, marked as the questions' instructions are.
    out += "  " + console.style(InterviewText.instruction(screen.instruction), .dim) + "\n"
    for option in screen.options {
      let label = BidiText.isolated(option.label, rightToLeft: rightToLeft)
      let source = option.sourceLabel.map { "  (\($0))" } ?? ""
      out += "  " + console.style(" " + option.key, .cyan) + "  " + label + console.style(source, .dim) + "\n"
    }
    out += "  " + console.style(screen.keys, .dim) + "\n"
    if let message { out += console.style(message, .yellow) + "\n" }
    console.write(out)
  }
}
