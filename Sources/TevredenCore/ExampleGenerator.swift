import Foundation

/// A small, fast, seedable random number generator (SplitMix64), so example data is the same on every machine.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A standard normal variate (Box–Muller).
  mutating func normal() -> Double {
    let u1 = Double.random(in: Double.ulpOfOne..<1, using: &self)
    let u2 = Double.random(in: 0..<1, using: &self)
    return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
  }

  mutating func chance(_ probability: Double) -> Bool {
    Double.random(in: 0..<1, using: &self) < probability
  }
}

/// Makes realistic synthetic responses for the demo, the docs and the tests.
///
/// Each respondent has a latent satisfaction drawn around the group's mean for the year; the grade and the
/// aspect scales follow it with noise, so groups land above and below the norm. Some respondents refuse, some
/// stop halfway, some answer *weet niet*. The same seed and definitions always give the same data.
public struct ExampleGenerator {
  /// How one questionnaire's respondents behave in one year.
  public struct Profile: Sendable {
    public var count: Int
    public var meanGrade: Double
    public init(count: Int, meanGrade: Double) {
      self.count = count
      self.meanGrade = meanGrade
    }
  }

  /// The municipalities of Noord-Holland Noord with rough population weights (thousands of inhabitants).
  static let gemeenteWeights: [(String, Double)] = [
    ("Alkmaar", 110), ("Bergen", 30), ("Castricum", 36), ("Den Helder", 56), ("Dijk en Waard", 90),
    ("Drechterland", 20), ("Enkhuizen", 19), ("Heiloo", 24), ("Hollands Kroon", 49), ("Hoorn", 74),
    ("Koggenland", 23), ("Medemblik", 46), ("Opmeer", 12), ("Schagen", 47), ("Stede Broec", 22), ("Texel", 14),
    ("Uitgeest", 14),
  ]

  static let remarks = [
    "Ik voelde me serieus genomen.",
    "Het duurde lang voordat iemand terugbelde.",
    "Fijn dat er ook naar de kinderen werd gekeken.",
    "Ik wist niet goed wat er na het gesprek ging gebeuren.",
    "De medewerker was vriendelijk en duidelijk.",
    "Ik had meer uitleg willen hebben over de melding.",
    "Goede samenwerking, snel contact.",
    "De terugkoppeling kan sneller.",
    "Duidelijk advies, daar kon ik mee verder.",
    "Meer voorlichting op school zou helpen.",
  ]

  private var random: SeededGenerator

  public init(seed: UInt64) {
    random = SeededGenerator(seed: seed)
  }

  /// Responses for one questionnaire, spread over `first`…`last` (local days).
  public mutating func responses(
    for questionnaire: Questionnaire, profile: Profile, from first: LocalDate, through last: LocalDate,
    gemeenten: [String]
  ) -> [Response] {
    let calendar = LocalDate.dutchCalendar
    guard
      let start = calendar.date(from: DateComponents(year: first.year, month: first.month, day: first.day, hour: 0)),
      let end = calendar.date(from: DateComponents(year: last.year, month: last.month, day: last.day, hour: 0))
    else { return [] }
    let days = max(1, calendar.dateComponents([.day], from: start, to: end).day.map { $0 + 1 } ?? 1)
    let weights = Self.gemeenteWeights.filter { gemeenten.isEmpty || gemeenten.contains($0.0) }
    var responses: [Response] = []
    for number in 1...max(1, profile.count) {
      let dayOffset = Int.random(in: 0..<days, using: &random)
      let minuteOfDay = Int.random(in: (9 * 60)..<(17 * 60), using: &random)
      guard let day = calendar.date(byAdding: .day, value: dayOffset, to: start),
        let startedAt = calendar.date(byAdding: .minute, value: minuteOfDay, to: day)
      else { continue }
      let duration = TimeInterval(Int.random(in: 300...1_200, using: &random))
      let isPhone = random.chance(questionnaire.audience == .inwoners ? 0.7 : 0.15)
      var response = Response(
        id: Response.ID(rawValue: "\(questionnaire.id)-\(first.year)-\(String(format: "%04d", number))"),
        questionnaire: questionnaire, gemeente: pick(weights), mode: isPhone ? .telefonisch : .online,
        interviewer: isPhone ? "INT0\(Int.random(in: 1...4, using: &random))" : nil,
        startedAt: startedAt, completedAt: startedAt.addingTimeInterval(duration), status: .completed, answers: [:])
      fill(&response, questionnaire: questionnaire, meanGrade: profile.meanGrade)
      assignLanguage(&response, number: number, questionnaire: questionnaire)
      responses.append(response)
    }
    return responses.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
  }

  /// About one respondent in eight of a questionnaire with translations answers in another of its languages (an
  /// interview in Arabic with an interpreter): by the response's number, not by a random draw, so that the rest of
  /// the data, and every figure, is what it was before the definitions had translations.
  private func assignLanguage(_ response: inout Response, number: Int, questionnaire: Questionnaire) {
    let others = questionnaire.translations.map(\.language)
    guard !others.isEmpty, number % 8 == 3 else { return }
    response.language = others[(number / 8) % others.count]
    response.isInterpreterAssisted = response.mode != .online && response.language.isRightToLeft
  }

  private mutating func pick(_ weights: [(String, Double)]) -> String? {
    let total = weights.map(\.1).reduce(0, +)
    guard total > 0 else { return nil }
    var target = Double.random(in: 0..<total, using: &random)
    for (name, weight) in weights {
      target -= weight
      if target < 0 { return name }
    }
    return weights.last?.0
  }

  private mutating func fill(_ response: inout Response, questionnaire: Questionnaire, meanGrade: Double) {
    let refuses = random.chance(0.07)
    let stopsAfter =
      random.chance(0.04) ? Int.random(in: 2..<max(3, questionnaire.questions.count - 2), using: &random) : nil
    let latent = min(10, max(1, meanGrade + 1.4 * random.normal()))
    for (position, question) in questionnaire.questions.enumerated() {
      if let stopsAfter, position >= stopsAfter {
        response.status = .partial
        response.completedAt = nil
        return
      }
      guard question.isAsked(given: response.answers) else { continue }
      if case .consent = question.kind {
        response.answers[question.id] = .value(.yesNo(!refuses))
        if refuses {
          response.status = .refused
          response.completedAt = response.startedAt.addingTimeInterval(60)
          return
        }
        continue
      }
      let missingChance: Double = (question.kind == .grade) ? 0.02 : 0.05
      if !question.missingCodes.isEmpty, random.chance(missingChance),
        let code = question.missingCodes.randomElement(using: &random)
      {
        response.answers[question.id] = .missing(code)
        continue
      }
      if let value = value(for: question, latent: latent) {
        response.answers[question.id] = .value(value)
      }
    }
  }

  private mutating func value(for question: Question, latent: Double) -> AnswerValue? {
    switch question.kind {
    case .consent: return .yesNo(true)
    case .yesNo: return .yesNo(random.chance(0.55))
    case .grade:
      return .grade(min(10, max(1, (latent + 0.6 * random.normal()).rounded())))
    case .scale(let scale):
      let fraction = (latent - 1) / 9
      let raw = Double(scale.minimum) + fraction * Double(scale.maximum - scale.minimum) + 0.7 * random.normal()
      let target = raw.rounded()
      let point = scale.points.min { abs(Double($0.value) - target) < abs(Double($1.value) - target) }
      return point.map { .scalePoint($0.value) }
    case .choice(let choices, let allowsMultiple):
      guard !choices.isEmpty else { return nil }
      if allowsMultiple {
        let count = Int.random(in: 1...min(2, choices.count), using: &random)
        let chosen = Set(choices.shuffled(using: &random).prefix(count).map(\.code))
        return .choices(choices.map(\.code).filter(chosen.contains))
      }
      return choices.randomElement(using: &random).map { .choices([$0.code]) }
    case .number(let range):
      let upper = min(range.upperBound, range.lowerBound + 12)
      return .number(Int.random(in: range.lowerBound...upper, using: &random))
    case .text:
      guard random.chance(0.25) else { return nil }
      return Self.remarks.randomElement(using: &random).map { .text($0) }
    }
  }
}
