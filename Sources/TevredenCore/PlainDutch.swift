import Foundation

/// Checks of how hard a resident question is to understand, for `tevreden check`: the residents PI 5 is about are
/// often in distress, and many read Dutch as a second language. Warnings, never errors: a hard text can still be
/// asked, but it should be rewritten (as a new version of the questionnaire).
///
/// Per question text:
/// - **Readability.** The Flesch-Douma score, the Dutch adaptation of Flesch's reading ease (Douma 1960):
///   `206.835 − 0.93 × (words / sentences) − 77 × (syllables / words)`, higher is easier. Below
///   ``minimumReadability`` (60, "fairly difficult" and below) is a warning. Syllables are counted as groups of
///   vowels (`a e i o u y` and the `ij`), which matches Dutch spelling for all but a few loan words.
/// - **Long sentences.** More than ``maximumSentenceWords`` words.
/// - **Two questions in one.** "… en …" joining two clauses that each have a finite verb, found by a small list of
///   frequent verb forms and the past-tense endings `-de`/`-te` (a heuristic: it misses some, and says so).
/// - **Agree-statements.** A scale whose points say *mee eens*: a statement to agree with is harder than a direct
///   question ("Hoe goed luisterde de medewerker naar u?").
/// - **Jargon.** Words from ``jargon``, the service's own terms that residents do not use.
public enum PlainDutch {
  public static let minimumReadability = 60.0
  public static let maximumSentenceWords = 15

  /// Veilig Thuis' own terms: a resident does not know what they mean.
  public static let jargon = [
    "adviesaanvraag", "casus", "casuïstiek", "interventie", "ketenpartner", "meldcode", "monitoring",
    "veiligheidsbeoordeling", "vervolgdienst", "werkvoorraad", "triage", "regievoering", "procesregie",
  ]

  /// Frequent finite verb forms; with the past-tense endings they find most clauses of a questionnaire text.
  static let finiteVerbs: Set<String> = [
    "is", "was", "zijn", "waren", "heeft", "hebt", "had", "hadden", "wordt", "werd", "werden", "kan", "kon",
    "konden", "kunt", "wil", "wilde", "wilt", "moet", "moest", "mag", "mocht", "weet", "wist", "nam", "deed",
    "gaf", "kreeg", "vond", "ging", "kwam", "zag", "hielp", "sprak", "betekende", "gebeurde", "vertelde",
  ]

  /// What the readability formula is made of, for one text.
  public struct Reading: Hashable, Sendable {
    public var words: Int
    public var sentences: Int
    public var syllables: Int
    public var longestSentence: Int

    /// The Flesch-Douma score; `nil` for a text without words.
    public var fleschDouma: Double? {
      guard words > 0, sentences > 0 else { return nil }
      return 206.835 - 0.93 * Double(words) / Double(sentences) - 77 * Double(syllables) / Double(words)
    }
  }

  /// Counts the words, sentences and syllables of a text.
  public static func reading(_ text: String) -> Reading {
    let sentences = self.sentences(text)
    let words = sentences.flatMap { $0 }
    return Reading(
      words: words.count, sentences: max(sentences.count, words.isEmpty ? 0 : 1),
      syllables: words.map(syllables).reduce(0, +), longestSentence: sentences.map(\.count).max() ?? 0)
  }

  /// The text's sentences, each as its words (lower case, without punctuation).
  static func sentences(_ text: String) -> [[String]] {
    text.split(whereSeparator: { ".?!".contains($0) }).map { sentence in
      sentence.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "-" })
        .map { $0.lowercased() }
    }.filter { !$0.isEmpty }
  }

  /// Vowel groups, with `ij` as a vowel: "melding" 2, "medewerker" 4, "Veilig" 2, "duidelijk" 3.
  static func syllables(_ word: String) -> Int {
    let letters = Array(word.lowercased().folding(options: .diacriticInsensitive, locale: nil))
    var count = 0
    var inVowel = false
    for (index, letter) in letters.enumerated() {
      let isVowel =
        "aeiouy".contains(letter) || (letter == "j" && index > 0 && letters[index - 1] == "i")
      if isVowel, !inVowel { count += 1 }
      inVowel = isVowel
    }
    return max(count, 1)
  }

  /// Whether a sentence joins two clauses with a finite verb each by *en*.
  static func asksTwoThings(_ words: [String]) -> Bool {
    guard let and = words.firstIndex(of: "en"), and > 0, and < words.count - 1 else { return false }
    func hasVerb(_ part: ArraySlice<String>) -> Bool {
      part.contains { finiteVerbs.contains($0) || ($0.count > 4 && ($0.hasSuffix("de") || $0.hasSuffix("te"))) }
    }
    return hasVerb(words[..<and]) && hasVerb(words[(and + 1)...])
  }

  /// The warnings for the resident questions of a definition (none for chain partners, who read professional
  /// Dutch), each at the line of the question's text.
  public static func warnings(for loaded: LoadedQuestionnaire) -> [Diagnostic] {
    let questionnaire = loaded.questionnaire
    guard questionnaire.audience == .inwoners else { return [] }
    let lines = loaded.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var warnings: [Diagnostic] = []
    for question in questionnaire.questions {
      let location = Diagnostic.Location(file: loaded.file, line: line(of: question, in: lines))
      func warn(_ message: String) {
        warnings.append(Diagnostic(.warning, at: location, "question '\(question.id.rawValue)': \(message)"))
      }
      let reading = reading(question.text)
      if let score = reading.fleschDouma, score < minimumReadability {
        warn(
          "hard to read (Flesch-Douma \(Int(score.rounded())), aim for \(Int(minimumReadability)) or more): use "
            + "shorter sentences and shorter words")
      }
      if reading.longestSentence > maximumSentenceWords {
        warn("a sentence of \(reading.longestSentence) words (at most \(maximumSentenceWords)): split it")
      }
      if sentences(question.text).contains(where: asksTwoThings) {
        warn("asks two things at once ('… en …'): ask them one by one")
      }
      if case .scale(let scale) = question.kind,
        scale.points.contains(where: { $0.label.lowercased().contains("mee eens") })
      {
        warn("an agree-statement: a direct question is easier to answer (\"Hoe goed …?\", \"Kreeg u …?\")")
      }
      let words = Set(sentences(question.text).flatMap { $0 })
      for term in jargon where words.contains(term) {
        warn("uses the jargon word '\(term)': say what it means in everyday words")
      }
    }
    return warnings
  }

  /// The line of a question's `text:` (else of its `- id:`) in the definition, 1-based.
  static func line(of question: Question, in lines: [String]) -> Int? {
    guard
      let start = lines.firstIndex(where: {
        $0.trimmingCharacters(in: .whitespaces) == "- id: \(question.id.rawValue)"
      })
    else { return nil }
    var index = start + 1
    while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("- id:") {
      if lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("text:") { return index + 1 }
      index += 1
    }
    return start + 1
  }
}
