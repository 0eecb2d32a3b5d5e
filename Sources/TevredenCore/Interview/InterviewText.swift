import Foundation

/// One sentence for the interviewer, in Dutch, explaining why an input was not accepted.
public struct InterviewMessage: Error, Hashable, Sendable, CustomStringConvertible {
  public var text: String
  public init(_ text: String) { self.text = text }
  public var description: String { text }
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
  static let notAGrade = InterviewMessage("Geef een heel cijfer van 1 tot en met 10, zonder komma.")
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
  static let noPreviousQuestion = InterviewMessage("Dit is de eerste vraag: er is geen vorige vraag.")
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
    Elk antwoord wordt meteen bewaard.
    """

  // MARK: Session

  public static func started(_ id: String) -> String { "Interview \(id) gestart. Elk antwoord wordt meteen bewaard." }
  public static func resumed(_ id: String) -> String { "Interview \(id) wordt hervat." }
  /// - Parameter command: The command line that resumes it from any folder (with the database's path).
  public static func paused(_ id: String, resume command: String) -> String {
    "Interview \(id) is gepauzeerd; alle antwoorden zijn bewaard. Verder gaan: \(command)"
  }
  public static func completed(_ id: String) -> String { "Interview \(id) is afgerond. Dank u wel." }
  public static func refused(_ id: String) -> String {
    "De respondent wil niet meedoen. Interview \(id) is vastgelegd als weigering."
  }
  public static func notSaved(_ reason: String) -> String {
    "Het antwoord is NIET bewaard (\(reason)). Probeer het opnieuw; houdt het aan, pauzeer dan met p."
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
