import Testing

@testable import TevredenCore

/// What the interviewer is told when a step could not be stored: in Dutch, what failed, what is stored, and how to
/// go on; never that everything is stored.
@Suite struct SaveProblemTextTests {
  static let resumable: [SaveProblem] = [.diskFull, .busy, .ioError, .readOnly, .damaged, .other("oeps")]
  static let steps: [UnsavedStep] = [.answer, .completion, .refusal, .pause]
  let command = "tevreden interview --resume VT-ABCDEF --db /data/tevreden.sqlite"

  @Test(arguments: resumable, steps)
  func aResumableProblemSaysWhatIsStoredAndHowToGoOn(_ problem: SaveProblem, _ step: UnsavedStep) {
    let text = InterviewText.notSaved(step, because: problem, storedAnswers: 7, resume: command)
    #expect(text.contains("NIET"), "\(text)")
    #expect(text.contains("Wel bewaard: de 7 antwoorden die eerder zijn gegeven."), "\(text)")
    #expect(text.contains(command), "\(text)")
    #expect(!text.lowercased().contains("alle antwoorden zijn bewaard"), "\(text)")
    #expect(!text.contains("SQLite") && !text.contains("database or disk"), "\(text)")
  }

  @Test func eachProblemIsNamed() {
    func text(_ problem: SaveProblem, _ step: UnsavedStep = .answer) -> String {
      InterviewText.notSaved(step, because: problem, storedAnswers: 0, resume: command)
    }
    #expect(text(.diskFull).hasPrefix("Dit antwoord is NIET bewaard. De schijf is vol."))
    #expect(text(.busy).contains("te lang bezet"))
    #expect(text(.ioError).contains("schijf- of netwerkfout"))
    #expect(text(.readOnly).contains("alleen lezen"))
    #expect(text(.damaged).contains("beschadigd"))
    #expect(text(.diskFull, .completion).hasPrefix("Het interview is NIET afgerond."))
    #expect(text(.diskFull, .refusal).hasPrefix("De weigering is NIET vastgelegd."))
    #expect(text(.diskFull, .pause).hasPrefix("De pauze is NIET vastgelegd."))
    #expect(text(.diskFull).contains("Er is nog geen antwoord van dit interview bewaard."))
    #expect(
      InterviewText.notSaved(.answer, because: .busy, storedAnswers: 1, resume: command)
        .contains("Wel bewaard: het ene antwoord dat eerder is gegeven."))
  }

  /// Finished or taken over elsewhere: nothing can be stored here any more, so no resume command is offered.
  @Test func aSessionThatLostTheInterviewIsToldToStop() {
    let finished = InterviewText.notSaved(
      .answer, because: .finished(refused: false), storedAnswers: 3, resume: command)
    #expect(finished.contains("al afgerond") && !finished.contains(command), "\(finished)")
    let taken = InterviewText.notSaved(.answer, because: .takenOver(processId: 42), storedAnswers: 3, resume: command)
    #expect(taken.contains("overgenomen in een ander venster (proces 42)") && !taken.contains(command), "\(taken)")
  }

  @Test func afterAFailedAnswerThePauseAndItsQuestionDoNotClaimEverythingIsStored() {
    let paused = InterviewText.pausedAfterFailure("VT-ABCDEF", storedAnswers: 4, resume: command)
    #expect(paused.contains("Het laatste antwoord is NIET bewaard"), "\(paused)")
    #expect(paused.contains("de 4 antwoorden"), "\(paused)")
    #expect(paused.contains(command), "\(paused)")
    #expect(!paused.lowercased().contains("alle antwoorden zijn bewaard"), "\(paused)")
    let question = InterviewText.askPauseAfterFailure(storedAnswers: 4)
    #expect(question.hasSuffix("(j/n) ") && !question.lowercased().contains("alle antwoorden"), "\(question)")
  }
}
