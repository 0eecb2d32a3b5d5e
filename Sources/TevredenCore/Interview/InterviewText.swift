import Foundation

/// One sentence for the interviewer, in Dutch, explaining why an input was not accepted.
public struct InterviewMessage: Error, Hashable, Sendable, CustomStringConvertible {
  public var text: String
  public init(_ text: String) { self.text = text }
  public var description: String { text }
}

/// Why something could not be stored, as the interviewer is told it.
public enum SaveProblem: Hashable, Sendable {
  /// The disk (or the database's size limit) is full.
  case diskFull
  /// Another program held the database for longer than the wait allows.
  case busy
  /// The disk or network share failed.
  case ioError
  /// The database file may not be written.
  case readOnly
  /// The database file is damaged.
  case damaged
  /// The interview was completed, or refused, in another session.
  case finished(refused: Bool)
  /// Another session took the interview over.
  case takenOver(processId: Int32?)
  /// Anything else, with its description.
  case other(String)
}

/// What an interview step that could not be stored was meant to do.
public enum UnsavedStep: Hashable, Sendable {
  case answer
  case completion
  case refusal
  case pause
  /// `:taal`: the interview's new language.
  case languageSwitch
}

/// Every interviewer-facing text of the interview runner, in Dutch (B1), in one place.
public enum InterviewText {
  // MARK: Validation

  static func emptyAnswer(for question: Question) -> InterviewMessage {
    switch question.kind {
    case .grade: InterviewMessage("Geef een cijfer van 1 tot en met 10.")
    case .number(let range): InterviewMessage("Geef een getal van \(range.lowerBound) tot en met \(range.upperBound).")
    case .text: InterviewMessage("Typ het antwoord.")
    default: InterviewMessage("Kies een van de antwoorden: typ het nummer.")
    }
  }
  static let notYesNo = InterviewMessage("Typ 1 of j voor ja, 2 of n voor nee.")
  static let notAGrade = InterviewMessage("Geef een cijfer van 1 tot en met 10, met hoogstens één cijfer na de komma.")
  static let oneChoiceOnly = InterviewMessage("Bij deze vraag kiest u één antwoord.")
  static func notAnOption(_ range: ClosedRange<Int>) -> InterviewMessage {
    InterviewMessage("Kies een nummer van \(range.lowerBound) tot en met \(range.upperBound).")
  }
  static func notANumber(_ range: ClosedRange<Int>) -> InterviewMessage {
    InterviewMessage("Geef een heel getal van \(range.lowerBound) tot en met \(range.upperBound).")
  }
  static func notUnderstood(_ text: String) -> InterviewMessage {
    InterviewMessage("'\(text)' is geen antwoord op deze vraag: typ het nummer of het begin van een antwoord.")
  }
  static func ambiguous(_ text: String, _ labels: [String]) -> InterviewMessage {
    InterviewMessage(
      "'\(text)' past bij meer antwoorden (\(labels.joined(separator: ", "))): typ meer letters of het nummer.")
  }
  static func missingNotOffered(_ label: String) -> InterviewMessage {
    InterviewMessage("'\(label)' kan bij deze vraag niet gekozen worden.")
  }
  /// Why the interviewer's input is no answer to `question`, for every problem the reader finds.
  static func answerProblem(_ problem: AnswerProblem, for question: Question, in questionnaire: Questionnaire)
    -> InterviewMessage
  {
    switch problem {
    case .empty: return emptyAnswer(for: question)
    case .notYesNo: return notYesNo
    case .gradeOutOfRange: return notAGrade
    case .notANumber(let text), .outOfRange(let text, _):
      switch question.kind {
      case .number(let range): return notANumber(range)
      case .scale(let scale): return notAnOption(scale.minimum...scale.maximum)
      case .choice(let choices, _): return notAnOption(1...max(choices.count, 1))
      case .grade: return notAGrade
      case .consent, .yesNo: return notYesNo
      case .text: return notUnderstood(text)
      }
    case .unknownChoice(let text, _), .notCanonical(let text, _): return notUnderstood(text)
    case .ambiguous(let text, let labels): return ambiguous(text, labels)
    case .oneChoiceOnly: return oneChoiceOnly
    case .missingCodeNotAllowed(let code, _): return missingNotOffered(questionnaire.missingCode(code)?.label ?? code)
    }
  }
  static let noPreviousQuestion = InterviewMessage("Dit is de eerste vraag: er is geen vorige vraag.")

  // MARK: Languages

  /// A language as the interviewer reads it: `Engels (en)`.
  public static func languageName(_ language: LanguageCode) -> String {
    language.dutchName == language.rawValue ? language.rawValue : "\(language.dutchName) (\(language.rawValue))"
  }
  static func languages(_ available: [LanguageCode], current: LanguageCode) -> InterviewMessage {
    InterviewMessage(
      "Talen van deze vragenlijst: \(available.map(languageName).joined(separator: ", ")). Nu: "
        + "\(languageName(current)). Wisselen: \(InterviewInput.languageCommand) en code, bijvoorbeeld "
        + "\(InterviewInput.languageCommand) \(available.first { $0 != current }?.rawValue ?? current.rawValue).")
  }
  static func languageNotOffered(_ code: String, available: [LanguageCode]) -> InterviewMessage {
    InterviewMessage(
      "Deze vragenlijst is er niet in '\(code)'. Kies een van: \(available.map(languageName).joined(separator: ", ")).")
  }
  static func alreadyInLanguage(_ language: LanguageCode) -> InterviewMessage {
    InterviewMessage("Het interview is al in het \(language.dutchName).")
  }
  static func languageSwitched(_ language: LanguageCode) -> InterviewMessage {
    InterviewMessage(
      "Het interview gaat verder in het \(language.dutchName) (\(language.rawValue)). Lees de vraag opnieuw voor.")
  }
  /// After the progress line, when the interview is not in the source language: `Engels (en)`, `met tolk`.
  public static func languageTag(_ language: LanguageCode?, interpreter: Bool) -> String {
    [language.map(languageName), interpreter ? "met tolk" : nil].compactMap { $0 }.joined(separator: ", ")
  }
  /// The question in the source language under its translation, for the interviewer: `[nl] Wie bent u?`.
  public static func sourceText(_ text: String, language: LanguageCode) -> String { "[\(language)] \(text)" }
  /// The keys line's addition in a questionnaire with translations.
  public static let languageKey = "\(InterviewInput.languageCommand) andere taal"
  static let notOnReview = InterviewMessage("Dat kan alleen in het overzicht aan het eind.")
  static let finished = InterviewMessage("Dit interview is al afgerond.")
  static let unansweredBeforeConfirm = InterviewMessage("Deze vraag heeft nog geen antwoord. Beantwoord hem eerst.")
  static let reviewHint = InterviewMessage("Typ ok om af te ronden, of het nummer van een antwoord om het te wijzigen.")
  static func noSuchReviewLine(_ count: Int) -> InterviewMessage {
    InterviewMessage("Er is geen antwoord met dat nummer: kies 1 tot en met \(count).")
  }

  // MARK: Screens

  public static func progress(_ number: Int, _ total: Int) -> String { "Vraag \(number) van \(total)" }
  public static func current(_ answer: String) -> String { "Huidig antwoord: \(answer) (Enter = zo laten)" }
  public static let optional = "Deze vraag mag overgeslagen worden: druk op Enter."
  public static let gradeHint = "Typ een cijfer van 1 tot en met 10."
  public static func numberHint(_ range: ClosedRange<Int>) -> String {
    "Typ een getal van \(range.lowerBound) tot en met \(range.upperBound)."
  }
  public static let textHint = "Typ het antwoord in de woorden van de respondent, zonder namen."
  public static let multipleHint = "Meer antwoorden mogelijk: typ de nummers met een komma ertussen, bijvoorbeeld 1,3."
  public static let keysOnQuestion = "< terug   p pauze   ? hulp   ! snel weg"
  public static let keysFirstQuestion = "p pauze   ? hulp   ! snel weg"
  public static let reviewTitle = "Overzicht van de antwoorden"
  public static let notAnswered = "(geen antwoord)"
  public static let reviewKeys = "ok = afronden   nummer = antwoord wijzigen   < terug   p pauze   ! snel weg"
  /// The review in pages (a terminal too low for all of it): the title, and how to turn the pages.
  public static func reviewPageTitle(_ page: Int, of total: Int) -> String {
    "\(reviewTitle) (blad \(page) van \(total))"
  }
  public static func reviewPaging(_ page: Int, of total: Int) -> String {
    (page < total ? "meer: Enter (blad \(page + 1))" : "weer blad 1: Enter") + (page > 1 ? "   vorig blad: <" : "")
  }
  /// On a later page `<` turns back a page, so it is not listed as "terug".
  public static let reviewKeysLaterPage = "ok = afronden   nummer = antwoord wijzigen   p pauze   ! snel weg"
  public static let confirmRefusal =
    "Weet u zeker dat de respondent niet wil meedoen? Het interview wordt dan als weigering afgesloten. (j/n)"
  public static let confirmRefusalKeys = "j = ja, vastleggen als weigering   n = nee, de vraag opnieuw stellen"
  public static let returnsToReview = "Na deze vraag gaat u terug naar het overzicht."
  public static let prompt = "> "

  /// A question's note for the interviewer: "[instructie, niet voorlezen] …".
  public static func instruction(_ text: String) -> String { "[instructie, niet voorlezen] \(text)" }

  public static let help = """
    Hulp bij het invullen
      nummer       kies dat antwoord (bij een cijfer: het cijfer zelf)
      begin woord  kies het antwoord dat zo begint, bijvoorbeeld 'tev' voor Tevreden
      Enter        laat het huidige antwoord staan, of sla een vraag over die niet verplicht is
      w            weet niet
      v            niet van toepassing
      x            wil ik niet zeggen (de respondent weigert deze vraag)
      <            terug naar de vorige vraag
      p            pauze: alles is bewaard, later verder met --resume
      !            snel weg: het scherm wordt meteen leeg, het interview is gepauzeerd (in een terminal ook Esc)
      ?            deze hulp
      :taal en     verder in een andere taal van de vragenlijst (alleen de vragen en antwoorden wisselen; :taal
                   zonder code noemt de talen)
    Elk antwoord wordt meteen bewaard.
    """

  // MARK: Safe start

  /// The heading above the safe-start question: it comes before the questionnaire, and is not one of its questions.
  public static let safeStartTitle = "Veilige start (voor de eerste vraag)"
  /// Read out before anything else of a resident interview (issue 21).
  public static let safeStartQuestion = "Kunt u nu vrijuit praten?"
  /// The safe-start question in the languages tevreden ships translations into (machine-made, as those are), read
  /// out in an interview in that language; in another language the interviewer or interpreter says it.
  public static let safeStartQuestionTranslations: [LanguageCode: String] = [
    LanguageCode(rawValue: "en"): "Can you talk freely right now?",
    LanguageCode(rawValue: "ar"): "هل يمكنك التحدث بحرية الآن؟",
    LanguageCode(rawValue: "tr"): "Şu anda rahatça konuşabilir misiniz?",
    LanguageCode(rawValue: "pl"): "Czy może Pan/Pani teraz swobodnie rozmawiać?",
  ]
  /// Under the Dutch question, when it has no translation into the interview's language.
  public static func safeStartUntranslated(_ language: String) -> String {
    "Deze vraag is niet vertaald in het \(language): stel hem zelf in die taal, of laat de tolk hem stellen."
  }
  /// Shown as the questions' `instruction:` texts are (through ``instruction(_:)``).
  public static let safeStartInstruction =
    "Vraag dit voordat u over Veilig Thuis of de melding begint. Aarzelt de persoon, of luistert er iemand mee, "
    + "kies dan 2 (nee): sluit vriendelijk af, zonder te zeggen waar het over gaat; later terugbellen mag. "
    + "Bij een jongere: 'Kun je nu vrijuit praten?' Dit antwoord wordt niet bewaard."
  public static let safeStartKeys = "? hulp   ! snel weg"
  public static let safeStartHelp = """
    Hulp bij de veilige start
      1 of j   ja: de persoon kan vrijuit praten, het interview begint
      2 of n   nee: het contact stopt als 'niet nu, veilig' (geen weigering); later terugbellen mag
      !        snel weg: het scherm wordt meteen leeg (in een terminal ook Esc)
      ?        deze hulp
    """
  /// The first line whenever a contact ends at the safe start.
  public static let notNowSafeEnded = "Het contact is beëindigd: de persoon kan nu niet vrijuit praten."
  /// *Nee* at the safe start of a new interview: the contact outcome is stored, nothing of the interview.
  public static let notNowSafe = """
    \(notNowSafeEnded)
    Vastgelegd als contact 'niet nu, veilig' (geen weigering). Van het interview is niets bewaard.
    Later terugbellen mag: begin dan een nieuw interview.
    """
  /// *Nee* at the safe start of a resumed interview: it stays paused, its earlier answers kept.
  ///
  /// - Parameter command: The command line that resumes it.
  public static func notNowSafeResumed(_ id: String, resume command: String) -> String {
    """
    \(notNowSafeEnded)
    Interview \(id) blijft gepauzeerd; de antwoorden van eerder blijven bewaard. Er is geen weigering vastgelegd.
    Later terugbellen mag. Verder gaan: \(command)
    """
  }
  /// *Nee* at the safe start, but the contact could not be stored.
  ///
  /// - Parameter command: The `tevreden contact` command line that records it later.
  public static func notNowSafeNotRecorded(because problem: SaveProblem, record command: String) -> String {
    """
    \(notNowSafeEnded)
    Het contact is NIET vastgelegd: \(shortReason(problem)). Van het interview is niets bewaard.
    Later terugbellen mag. Leg het contact later vast met: \(command)
    """
  }
  /// Under the end of a contact at the safe start.
  public static let quickExitOffer = "Snel weg: typ ! (of druk op Esc) en het scherm is meteen leeg. Enter: afsluiten."
  /// The input ended (or Ctrl-C) at the safe start of a new interview.
  public static let safeStartStopped = "Gestopt voor de eerste vraag: er is niets bewaard."

  // MARK: Session

  public static func started(_ id: String) -> String { "Interview \(id) gestart. Elk antwoord wordt meteen bewaard." }
  /// The start of an interview in another language or with an interpreter: `… gestart (Engels (en), met tolk).`
  public static func started(_ id: String, language: LanguageCode?, interpreter: Bool) -> String {
    let tag = languageTag(language, interpreter: interpreter)
    return tag.isEmpty ? started(id) : "Interview \(id) gestart (\(tag)). Elk antwoord wordt meteen bewaard."
  }
  public static func resumed(_ id: String) -> String { "Interview \(id) wordt hervat." }
  /// - Parameter command: The command line that resumes it from any folder (with the database's path).
  public static func paused(_ id: String, resume command: String) -> String {
    "Interview \(id) is gepauzeerd; alle antwoorden zijn bewaard. Verder gaan: \(command)"
  }
  public static func completed(_ id: String) -> String { "Interview \(id) is afgerond. Dank u wel." }
  public static func refused(_ id: String) -> String {
    "De respondent wil niet meedoen. Interview \(id) is vastgelegd als weigering."
  }
  /// What could not be stored, says what happened, what is stored, and how to go on. Never claims that the step
  /// is stored.
  ///
  /// - Parameters:
  ///   - storedAnswers: The answers the database holds for the interview (those given before this step).
  ///   - command: The command line that resumes the interview.
  public static func notSaved(
    _ step: UnsavedStep, because problem: SaveProblem, storedAnswers: Int, resume command: String
  ) -> String {
    let what: String
    switch step {
    case .answer: what = "Dit antwoord is NIET bewaard."
    case .completion: what = "Het interview is NIET afgerond."
    case .refusal: what = "De weigering is NIET vastgelegd."
    case .pause: what = "De pauze is NIET vastgelegd."
    case .languageSwitch: what = "De andere taal is NIET vastgelegd."
    }
    let again = step == .pause ? "" : " en probeer het opnieuw"
    // A pause that is not recorded leaves the interview as a crash does: it can be resumed once this session ended.
    let stop =
      step == .pause
      ? " Het interview kan later toch verder met: \(command)"
      : " Lukt het niet, stop dan met p; later verder gaan kan met: \(command)"
    switch problem {
    case .diskFull:
      return "\(what) De schijf is vol. \(stored(storedAnswers)) Maak ruimte vrij (of vraag de beheerder)\(again)."
        + stop
    case .busy:
      return "\(what) De database was te lang bezet door een ander programma (bijvoorbeeld een grote import). "
        + "\(stored(storedAnswers)) Wacht even\(again)." + stop
    case .ioError:
      return "\(what) De computer kon niet naar de database schrijven (een schijf- of netwerkfout). "
        + "\(stored(storedAnswers)) Waarschuw de beheerder." + stop
    case .readOnly:
      return "\(what) De database mag niet beschreven worden (alleen lezen). \(stored(storedAnswers)) "
        + "Waarschuw de beheerder." + stop
    case .damaged:
      return "\(what) Het databasebestand is beschadigd. \(stored(storedAnswers)) Stop met p en waarschuw de "
        + "beheerder; verder gaan kan later met: \(command)"
    case .finished(let refused):
      return "\(what) Dit interview is al \(refused ? "vastgelegd als weigering" : "afgerond"), in een ander "
        + "venster; hier kan niets meer aan veranderen. Sluit dit venster."
    case .takenOver(let processId):
      return "\(what) Dit interview is overgenomen in een ander venster"
        + (processId.map { " (proces \($0))" } ?? "") + "; ga daar verder. Sluit dit venster."
    case .other(let detail):
      return "\(what) Er ging iets mis bij het bewaren (\(detail)). \(stored(storedAnswers)) Probeer het opnieuw."
        + stop
    }
  }

  /// The answers that are safe, counted.
  static func stored(_ count: Int) -> String {
    switch count {
    case 0: "Er is nog geen antwoord van dit interview bewaard."
    case 1: "Wel bewaard: het ene antwoord dat eerder is gegeven."
    default: "Wel bewaard: de \(count) antwoorden die eerder zijn gegeven."
    }
  }

  /// The pause, after the last step failed to be stored: not "alle antwoorden zijn bewaard".
  public static func pausedAfterFailure(_ id: String, storedAnswers: Int, resume command: String) -> String {
    "Interview \(id) is gepauzeerd. Het laatste antwoord is NIET bewaard; geef het opnieuw bij het verder gaan. "
      + "\(stored(storedAnswers)) Verder gaan: \(command)"
  }

  /// Ctrl-C's question after the last step failed to be stored.
  public static func askPauseAfterFailure(storedAnswers: Int) -> String {
    "Interview pauzeren? Het laatste antwoord is NIET bewaard. \(stored(storedAnswers)) (j/n) "
  }

  /// A new interview could not be stored, so it did not start; or a resumed one could not be taken up.
  public static func notStarted(resuming: Bool, because problem: SaveProblem) -> String {
    let reason = shortReason(problem)
    return resuming
      ? "Het interview kan niet verder gaan: \(reason). Er is niets veranderd; wat bewaard was, blijft bewaard."
      : "Het interview kan niet beginnen: \(reason). Er is niets bewaard."
  }

  /// Why something could not be stored, in a few words that fit after a colon.
  static func shortReason(_ problem: SaveProblem) -> String {
    switch problem {
    case .diskFull: "de schijf is vol"
    case .busy: "de database was te lang bezet door een ander programma"
    case .ioError: "de computer kon niet naar de database schrijven"
    case .readOnly: "de database mag niet beschreven worden"
    case .damaged: "het databasebestand is beschadigd"
    case .finished, .takenOver, .other: "er ging iets mis bij het bewaren"
    }
  }

  /// `--resume` of an interview that a running process holds; `command` takes it over (`--take-over`).
  public static func inUse(_ id: String, processId: Int32, takeOver command: String) -> String {
    """
    Interview \(id) is nog open in een ander venster (proces \(processId)). Ga daar verder, of pauzeer het daar \
    eerst met p.
    Is het nergens meer open (het programma is afgebroken of de computer is herstart), dan hoort nummer \
    \(processId) nu bij een ander programma. Neem het interview dan over met:
      \(command)
    """
  }
  public static func confirmTakeOver(_ id: String, processId: Int32) -> String {
    "Interview \(id) staat op naam van proces \(processId), dat nog draait. Neem het alleen over als het interview "
      + "nergens anders meer open is. Overnemen? (j/n) "
  }
  public static func takenOver(_ id: String) -> String { "Interview \(id) is overgenomen en wordt hervat." }
  public static func notTakenOver(_ id: String) -> String {
    "Interview \(id) is niet overgenomen; er is niets veranderd."
  }
  public static let askPause = "Interview pauzeren? Alle antwoorden zijn bewaard. (j/n) "
  public static let continuing = "Het interview gaat verder."
  public static let noOpenInterviews = "Er zijn geen onafgemaakte interviews."
  public static let openInterviewsHeader = "Onafgemaakte interviews"
  /// Under the list: the command line that resumes one, with `<id>` for the interview's id.
  public static func resumeOpenInterview(_ command: String) -> String { "Verder gaan: \(command)" }
}
