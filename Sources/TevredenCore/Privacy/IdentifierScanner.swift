/// The rules of ``IdentifierMasking``, run over a ``NormalizedText``.
///
/// Each rule adds spans where nothing was found yet, in an order that lets the more specific kinds claim their
/// characters first: an e-mail address holds letters and digits that would otherwise look like a name or a number,
/// a phone number digits that could pass for a BSN, a date digits that could pass for a postcode.
struct Scanner {
  let s: [Unicode.Scalar]
  let n: Int
  let placeNames: Set<String>
  /// Which scalars a span holds; empty until the first span is added (most remarks have none).
  private var taken: [Bool] = []
  private(set) var found: [(range: Range<Int>, kind: PersonalDataKind)] = []
  /// The words of the text, for the rules that read words.
  private let words: [Word]

  init(text: NormalizedText, placeNames: Set<String>, placeTable: ASCIIWordTable) {
    s = text.scalars
    n = s.count
    self.placeNames = placeNames
    words = Word.split(text.scalars, placeNames: placeNames, placeTable: placeTable)
  }

  mutating func scan() {
    // What the text holds decides which rules can find anything: most remarks have few digits and no '@', and
    // an import masks every open answer of every row.
    var digits = 0
    var brackets = false
    var dots = 0
    var colons = 0
    var hyphens = 0
    var slashes = 0
    var capitals = 0
    var degrees = false
    for scalar in s {
      switch scalar {
      case "0"..."9": digits += 1
      case "A"..."Z": capitals += 1
      case "@", "(", "[", "{", "<": brackets = true
      case ".": dots += 1
      case ":": colons += 1
      case "-": hyphens += 1
      case "/": slashes += 1
      case "°": degrees = true
      default: break
      }
    }
    // The words' classes decide the rest: a bit each, looked up with the word once.
    let classes = words.reduce(WordClass()) { $0.union($1.classes) }
    if brackets || classes.contains(.emailWords) { emails() }
    if digits >= 8 { ibans() }
    if digits >= 4 && dots >= 3 || colons >= 2 { ipAddresses() }
    if degrees || digits >= 6 && dots >= 2 { coordinates() }
    if digits >= 1, classes.contains(.caseWords) || words.contains(where: Self.startsWithVT) {
      caseNumbers()
    }
    if digits >= 8 { phoneNumbers() }
    if digits >= 1, dots + hyphens + slashes >= 2 || classes.contains(.months) {
      dates()
    }
    if digits >= 8 { bsns() }
    if digits >= 4 { postcodes() }
    streets()
    if digits >= 1, hyphens >= 2 || capitals >= 2 || classes.contains(.licenceWords) {
      licencePlates()
    }
    names()
  }

  /// Whether a word starts with "vt" (as `hasPrefix` compares), its bytes looked at first: `hasPrefix` is asked only
  /// of the words that begin with those two bytes, which every word that has the prefix does.
  private static func startsWithVT(_ word: Word) -> Bool {
    var bytes = word.lowercased.utf8.makeIterator()
    return bytes.next() == 0x76 && bytes.next() == 0x74 && word.lowercased.hasPrefix("vt")
  }

  // MARK: - Bookkeeping

  /// Whether a span holds the scalar at `index`.
  private func isTaken(_ index: Int) -> Bool { !taken.isEmpty && taken[index] }

  private func isFree(_ range: Range<Int>) -> Bool {
    !range.isEmpty && range.upperBound <= n && (taken.isEmpty || !range.contains { taken[$0] })
  }

  @discardableResult
  private mutating func add(_ range: Range<Int>, _ kind: PersonalDataKind) -> Bool {
    guard isFree(range) else { return false }
    // A run of digits that starts or ends inside a decimal number ("123.45 678.90 234.56") is a series of numbers,
    // not a BSN or a phone number read across them: a decimal's other half has at most four digits, the next
    // phone number in a list ("0612345678,0687654321") many more.
    if kind == .bsn || kind == .phone {
      func shortRun(from index: Int, step: Int) -> Bool {
        var cursor = index
        var count = 0
        while isDigit(cursor) {
          count += 1
          cursor += step
        }
        return count >= 1 && count <= 4
      }
      let before = range.lowerBound - 1
      let after = range.upperBound
      if at(before) == "." || at(before) == ",", isDigit(range.lowerBound), shortRun(from: before - 1, step: -1) {
        return false
      }
      if at(after) == "." || at(after) == ",", isDigit(after - 1), shortRun(from: after + 1, step: 1) {
        return false
      }
    }
    if taken.isEmpty { taken = Array(repeating: false, count: n) }
    for index in range { taken[index] = true }
    found.append((range, kind))
    return true
  }

  // MARK: - Characters

  private func at(_ index: Int) -> Unicode.Scalar? { index >= 0 && index < n ? s[index] : nil }
  private func isDigit(_ index: Int) -> Bool { at(index).map(Self.isDigit) ?? false }
  private func isLetter(_ index: Int) -> Bool { at(index).map(Self.isLetter) ?? false }
  private func isAlphanumeric(_ index: Int) -> Bool { isDigit(index) || isLetter(index) }
  private func isSpace(_ index: Int) -> Bool { at(index).map { $0 == " " || $0 == "\t" } ?? false }

  static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 { return (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) }
    return scalar.properties.isAlphabetic
  }
  static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 { return (0x41...0x5A).contains(scalar.value) }
    return scalar.properties.isUppercase
  }
  static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    if (0x41...0x5A).contains(scalar.value) { return Unicode.Scalar(scalar.value + 0x20) ?? scalar }
    return scalar
  }

  /// Whether the text at `index` reads `literal` (ASCII, case-insensitive).
  private func reads(_ literal: String, at index: Int) -> Bool {
    var position = index
    for scalar in literal.unicodeScalars {
      guard let here = at(position), Self.lower(here) == scalar else { return false }
      position += 1
    }
    return true
  }

  /// The run of digits starting at `index` (its end), or `index` itself when there is none.
  private func digitRun(from index: Int) -> Int {
    var end = index
    while isDigit(end) { end += 1 }
    return end
  }

  private func number(_ range: Range<Int>) -> Int {
    var value = 0
    for index in range { value = value * 10 + Int(s[index].value - 0x30) }
    return value
  }

  /// Whether a number starting at `index` stands on its own: not glued to a letter, a digit or a decimal part
  /// before it.
  private func startsNumber(_ index: Int) -> Bool {
    if isAlphanumeric(index - 1) { return false }
    if let before = at(index - 1), before == "." || before == ",", isDigit(index - 2) {
      // "0612345678,0687654321": a comma between two long numbers separates a list; no decimal is that long.
      return before == "," && digitCount(from: index - 2, step: -1) >= 8 && digitCount(from: index, step: 1) >= 8
    }
    return true
  }

  private func digitCount(from index: Int, step: Int) -> Int {
    var cursor = index
    while isDigit(cursor) { cursor += step }
    return abs(cursor - index)
  }

  /// Whether a number ending before `index` ends there: not followed by a digit, a letter or a decimal part.
  private func endsNumber(_ index: Int) -> Bool {
    if isAlphanumeric(index) { return false }
    if let after = at(index), after == "." || after == "," || after == "-" || after == "/", isDigit(index + 1) {
      return after == "," && digitCount(from: index - 1, step: -1) >= 8 && digitCount(from: index + 1, step: 1) >= 8
    }
    return true
  }

  // MARK: - E-mail addresses

  /// Ways of writing '.' in an address, longest first: "jan (dot) jansen", "gmail punt com".
  private static let dotWords = [
    " (dot) ", " [dot] ", " {dot} ", " (punt) ", " [punt] ", "(dot)", "[dot]", "{dot}", "(punt)", "[punt]",
    " dot ", " punt ", ".",
  ]
  /// Ways of writing '@': "jan (at) gmail", "jan [at] gmail", "jan at gmail" (only with a domain that is clearly
  /// one), "jan @ gmail".
  private static let atWords = [
    " (at) ", " [at] ", " {at} ", " <at> ", "(at)", "[at]", "{at}", "(a)", "[a]", " (apenstaartje) ",
    " apenstaartje ", " at ",
    " @ ", " @", "@ ", "@",
  ]
  private static let addressCharacters: Set<Unicode.Scalar> = ["_", "%", "+", "-", "'"]
  private static let commonDomains: Set<String> = [
    "com", "nl", "net", "org", "be", "de", "eu", "info", "io", "co", "uk", "fr", "live", "me", "online", "email",
  ]

  private func isAddressCharacter(_ index: Int) -> Bool {
    isAlphanumeric(index) || (at(index).map { Self.addressCharacters.contains($0) } ?? false)
  }

  private mutating func emails() {
    var index = 0
    while index < n {
      // Every way of writing '@' starts with one of these.
      guard let here = at(index),
        here == "@" || here == " " || here == "(" || here == "[" || here == "{" || here == "<",
        let atWord = Self.atWords.first(where: { reads($0, at: index) })
      else {
        index += 1
        continue
      }
      let atEnd = index + atWord.unicodeScalars.count
      if let start = localPart(endingAt: index), let (end, topLevel) = domain(from: atEnd),
        atWord.contains("@") || atWord.contains("(") || atWord.contains("[") || atWord.contains("{")
          || atWord.contains("<") || atWord.contains("apenstaartje") || Self.commonDomains.contains(topLevel)
      {
        add(start..<end, .email)
        index = end
      } else {
        index = atEnd
      }
    }
  }

  /// The start of the local part that ends at `end` ("jan.jansen", "jan (dot) jansen"), or `nil`.
  private func localPart(endingAt end: Int) -> Int? {
    var start = end
    while true {
      var moved = false
      while isAddressCharacter(start - 1) {
        start -= 1
        moved = true
      }
      if let dot = Self.dotWords.first(where: { word in
        let count = word.unicodeScalars.count
        return start - count >= 0 && reads(word, at: start - count) && isAddressCharacter(start - count - 1)
      }), moved {
        start -= dot.unicodeScalars.count
        continue
      }
      return moved ? start : nil
    }
  }

  /// The end of the domain that starts at `start` ("gmail.com", "gmail (punt) com") and its last label, or `nil`
  /// when there is no label after a dot.
  private func domain(from start: Int) -> (Int, String)? {
    var end = start
    var labels: [String] = []
    while true {
      var label = ""
      while isAlphanumeric(end) || at(end) == "-" {
        label.unicodeScalars.append(Self.lower(s[end]))
        end += 1
      }
      guard !label.isEmpty else { break }
      labels.append(label)
      guard
        let dot = Self.dotWords.first(where: { reads($0, at: end) && isAlphanumeric(end + $0.unicodeScalars.count) })
      else { break }
      end += dot.unicodeScalars.count
    }
    guard labels.count >= 2, let last = labels.last, last.count >= 2, last.unicodeScalars.allSatisfy(Self.isLetter)
    else { return nil }
    return (end, last)
  }

  // MARK: - IBAN

  private mutating func ibans() {
    for start in 0..<n where isLetter(start) && !isAlphanumeric(start - 1) {
      guard isLetter(start + 1), isDigit(start + 2), isDigit(start + 3) else { continue }
      // Letters and digits, in groups that may be separated by single spaces.
      var characters: [Unicode.Scalar] = []
      var ends: [Int] = []
      var index = start
      while characters.count < 34 {
        if isAlphanumeric(index) {
          characters.append(s[index])
          index += 1
          if !isAlphanumeric(index) { ends.append(index) }
        } else if isSpace(index), isAlphanumeric(index + 1), !characters.isEmpty {
          index += 1
        } else {
          break
        }
      }
      // The longest prefix ending at a group's end that passes the check.
      for end in ends.reversed() {
        let count = (start..<end).filter { isAlphanumeric($0) }.count
        guard (15...34).contains(count) else { continue }
        if Self.isIBAN(Array(characters.prefix(count))) {
          add(start..<end, .iban)
          break
        }
      }
    }
  }

  /// ISO 13616: the country code and check digits moved to the end, letters as 10–35, the number modulo 97 is 1.
  static func isIBAN(_ characters: [Unicode.Scalar]) -> Bool {
    guard characters.count >= 15 else { return false }
    let rearranged = characters[4...] + characters[..<4]
    var remainder = 0
    for character in rearranged {
      let lowered = lower(character)
      if isDigit(lowered) {
        remainder = (remainder * 10 + Int(lowered.value - 0x30)) % 97
      } else if (0x61...0x7A).contains(lowered.value) {
        remainder = (remainder * 100 + Int(lowered.value - 0x61 + 10)) % 97
      } else {
        return false
      }
    }
    return remainder == 1
  }

  // MARK: - IP addresses

  private mutating func ipAddresses() {
    var index = 0
    while index < n {
      if isDigit(index), startsNumber(index), let end = ipv4(at: index) {
        add(index..<end, .ipAddress)
        index = end
      } else if (at(index).map(Self.isHex) ?? false) || at(index) == ":", !isAlphanumeric(index - 1),
        at(index - 1) != ":", let end = ipv6(at: index)
      {
        add(index..<end, .ipAddress)
        index = end
      } else {
        index += 1
      }
    }
  }

  private func ipv4(at start: Int) -> Int? {
    var index = start
    for part in 0..<4 {
      let end = digitRun(from: index)
      guard end > index, end - index <= 3, number(index..<end) <= 255 else { return nil }
      index = end
      if part < 3 {
        guard at(index) == "." else { return nil }
        index += 1
      }
    }
    guard !isAlphanumeric(index), !(at(index) == "." && isDigit(index + 1)) else { return nil }
    return index
  }

  static func isHex(_ scalar: Unicode.Scalar) -> Bool {
    isDigit(scalar) || (0x61...0x66).contains(scalar.value) || (0x41...0x46).contains(scalar.value)
  }

  private func ipv6(at start: Int) -> Int? {
    var index = start
    var colons = 0
    var groups = 0
    var compressed = false
    var hasDigit = false
    while index < n {
      if at(index) == ":" {
        if at(index + 1) == ":" {
          guard !compressed else { return nil }
          compressed = true
          colons += 2
          index += 2
          continue
        }
        colons += 1
        index += 1
        continue
      }
      var length = 0
      while let here = at(index), Self.isHex(here) {
        hasDigit = hasDigit || Self.isDigit(here)
        length += 1
        index += 1
      }
      guard length > 0 else { break }
      guard length <= 4 else { return nil }
      groups += 1
    }
    guard !isLetter(index), hasDigit, compressed ? groups >= 2 : (colons == 7 && groups == 8) else { return nil }
    return index
  }

  // MARK: - Coordinates

  private mutating func coordinates() {
    var index = 0
    while index < n {
      if let end = degrees(at: index) {
        add(index..<end, .location)
        index = end
      } else if isDigit(index) || at(index) == "-", startsNumber(index),
        let end = geoList(at: index) ?? decimalPair(at: index)
      {
        add(index..<end, .location)
        index = end
      } else if let hemisphere = at(index),
        hemisphere == "N" || hemisphere == "S" || hemisphere == "n"
          || hemisphere == "s", !isLetter(index - 1),
        isSpace(index + 1), let end = decimalPair(at: index + 2, hemispheres: true)
      {
        add(index..<end, .location)
        index = end
      } else {
        index += 1
      }
    }
  }

  /// "52°22'N 4°53'E", "52° 22′ 30″ NB": one or two degree expressions.
  private func degrees(at start: Int) -> Int? {
    func expression(at start: Int) -> Int? {
      guard isDigit(start), startsNumber(start) else { return nil }
      var index = digitRun(from: start)
      if at(index) == ".", isDigit(index + 1) { index = digitRun(from: index + 1) }
      guard at(index) == "°" else { return nil }
      index += 1
      for mark in ["'", "′", "\"", "″"] {
        var next = index
        while isSpace(next) { next += 1 }
        let end = digitRun(from: next)
        var afterNumber = end
        if at(afterNumber) == ".", isDigit(afterNumber + 1) { afterNumber = digitRun(from: afterNumber + 1) }
        if end > next, at(afterNumber).map({ String($0) == mark || $0 == "'" || $0 == "′" }) == true {
          index = afterNumber + 1
          if at(index) == "'" { index += 1 }
        }
      }
      var next = index
      while isSpace(next) { next += 1 }
      if let direction = at(next), "NSEOWnsewo".unicodeScalars.contains(direction),
        !isLetter(next + 1)
          || (at(next + 1).map { "Bb".unicodeScalars.contains($0) } ?? false) && !isLetter(next + 2)
      {
        index = isLetter(next + 1) ? next + 2 : next + 1
      }
      return index
    }
    guard let first = expression(at: start) else { return nil }
    var next = first
    while isSpace(next) || at(next) == "," { next += 1 }
    return expression(at: next) ?? first
  }

  /// A number at `start`: an optional minus, one to `wholeDigits` digits, and optionally a point and decimals;
  /// it must end there (no letter, digit or further decimal part after it).
  private func plainNumber(at start: Int, wholeDigits: Int = 5) -> (end: Int, value: Double, decimals: Int)? {
    var index = start
    var negative = false
    if at(index) == "-" {
      negative = true
      index += 1
    }
    let whole = digitRun(from: index)
    guard whole > index, whole - index <= wholeDigits else { return nil }
    var value = Double(number(index..<whole))
    var end = whole
    var decimals = 0
    if at(whole) == ".", isDigit(whole + 1) {
      end = digitRun(from: whole + 1)
      decimals = end - whole - 1
      var scale = 0.1
      for digit in (whole + 1)..<end {
        value += Double(s[digit].value - 0x30) * scale
        scale /= 10
      }
    }
    guard !isAlphanumeric(end), !((at(end) == "." || at(end) == ",") && isDigit(end + 1)) else { return nil }
    return (end, negative ? -value : value, decimals)
  }

  /// Whether a latitude and longitude lie in or near the Netherlands.
  private static func nearby(_ latitude: Double, _ longitude: Double) -> Bool {
    (49.5...54.5).contains(latitude) && (2.5...7.8).contains(longitude)
  }

  /// A point as KoboToolbox and ODK write a geopoint: a latitude and a longitude written with a decimal point and
  /// within range, then up to two more numbers (altitude and accuracy), each separated by one or two spaces.
  private func geoPoint(at start: Int) -> (end: Int, numbers: [(value: Double, decimals: Int)])? {
    var numbers: [(value: Double, decimals: Int)] = []
    var index = start
    var end = start
    while numbers.count < 4 {
      guard let found = plainNumber(at: index, wholeDigits: numbers.count < 2 ? 3 : 5) else { break }
      numbers.append((found.value, found.decimals))
      end = found.end
      var next = end
      while isSpace(next), next - end < 2 { next += 1 }
      guard next > end else { break }
      index = next
    }
    guard numbers.count >= 2, numbers[0].decimals > 0, numbers[1].decimals > 0, abs(numbers[0].value) <= 90,
      abs(numbers[1].value) <= 180
    else { return nil }
    return (end, numbers)
  }

  /// "52.37 4.89 0 0;52.38 4.90 0 0;…": a geotrace or geoshape as KoboToolbox and ODK write it, two or more
  /// geopoints joined by ';', each latitude and longitude with at least two decimals (three in a point of
  /// latitude and longitude alone). Read as a place when every point lies in or near the Netherlands, or when at
  /// least half of its latitudes and longitudes have four or more decimals (ODK drops trailing zeros, so
  /// "40.713" may stand beside "40.712776"). "1.25 2.50; 3.75 4.00" is a list of numbers.
  private func geoList(at start: Int) -> Int? {
    var points = 0
    var index = start
    var end = start
    var nearby = true
    var precise = 0
    while let point = geoPoint(at: index) {
      let (latitude, longitude) = (point.numbers[0], point.numbers[1])
      let minimum = point.numbers.count == 2 ? 3 : 2
      guard latitude.decimals >= minimum, longitude.decimals >= minimum else { break }
      if point.numbers.count == 4, point.numbers[3].value < 0 { break }
      points += 1
      end = point.end
      nearby = nearby && Self.nearby(latitude.value, longitude.value)
      precise += (latitude.decimals >= 4 ? 1 : 0) + (longitude.decimals >= 4 ? 1 : 0)
      var next = end
      while isSpace(next) { next += 1 }
      guard at(next) == ";" else { break }
      next += 1
      while isSpace(next) { next += 1 }
      index = next
    }
    return points >= 2 && (nearby || precise >= points) ? end : nil
  }

  /// "52.3676, 4.9041", "52.3676 4.9041 0.0 5.0", "-33.8688 151.2093 58 10" (a geopoint): a latitude and a
  /// longitude, and up to two more numbers (altitude, accuracy).
  ///
  /// A pair needs three decimals each and is read as a place when it lies in or near the Netherlands (either
  /// order), follows a hemisphere letter or a word such as "locatie", or is written as coordinates are: with a
  /// comma and four or more decimals each. Four numbers make a geopoint wherever it lies when latitude and
  /// longitude have four or more decimals (two in the Netherlands) and the accuracy (metres, not negative) fewer
  /// decimals than either: "3.14159 2.71828 1.41421 1.73205" or "12.3456 78.9012 34.5678 90.1234" are four
  /// numbers written alike, a series of measurements.
  private func decimalPair(at start: Int, hemispheres: Bool = false) -> Int? {
    func decimal(at start: Int, minimumDecimals: Int) -> (end: Int, value: Double, decimals: Int)? {
      var index = start
      var negative = false
      if at(index) == "-" {
        negative = true
        index += 1
      }
      let whole = digitRun(from: index)
      guard whole > index, whole - index <= 3, at(whole) == "." else { return nil }
      let fraction = digitRun(from: whole + 1)
      guard fraction - (whole + 1) >= minimumDecimals, !isLetter(fraction) else { return nil }
      var value = Double(number(index..<whole))
      var scale = 0.1
      for digit in (whole + 1)..<fraction {
        value += Double(s[digit].value - 0x30) * scale
        scale /= 10
      }
      return (fraction, negative ? -value : value, fraction - (whole + 1))
    }
    func separated(_ index: Int) -> Int? {
      var next = index
      if at(next) == "," || at(next) == ";" { next += 1 }
      var spaces = 0
      while isSpace(next) {
        next += 1
        spaces += 1
      }
      // "N 52.6312 E 4.7486": the longitude's hemisphere letter before it.
      if hemispheres, let letter = at(next), "EOWeow".unicodeScalars.contains(letter), isSpace(next + 1) {
        next += 2
      }
      return next > index && spaces <= 2 ? next : nil
    }
    guard let latitude = decimal(at: start, minimumDecimals: 2), abs(latitude.value) <= 90,
      let second = separated(latitude.end),
      let longitude = decimal(at: second, minimumDecimals: 2), abs(longitude.value) <= 180
    else { return nil }
    // A geopoint: latitude, longitude, altitude and accuracy separated by spaces, and no fifth number.
    if !(latitude.end..<second).contains(where: { at($0) == "," || at($0) == ";" }),
      let point = geoPoint(at: start), point.numbers.count == 4,
      separated(point.end).flatMap({ plainNumber(at: $0) }) == nil
    {
      let accuracy = point.numbers[3]
      let fewest = min(latitude.decimals, longitude.decimals)
      if accuracy.value >= 0, accuracy.decimals < fewest,
        fewest >= 4 || (fewest >= 2 && Self.nearby(latitude.value, longitude.value))
      {
        return point.end
      }
    }
    guard latitude.decimals >= 3, longitude.decimals >= 3 else { return nil }
    var end = longitude.end
    var extras = 0
    for _ in 0..<2 {
      guard let next = separated(end), let extra = decimal(at: next, minimumDecimals: 0) else { break }
      end = extra.end
      extras += 1
    }
    // A fifth number makes a series of measurements, not a geopoint (latitude, longitude, altitude, accuracy).
    if let next = separated(end), decimal(at: next, minimumDecimals: 0) != nil { return nil }
    // Without a hemisphere letter or a word such as "locatie", a pair is read as a place when it lies in or near
    // the Netherlands (either order), or when it is written as coordinates are: two numbers of four or more
    // decimals joined by a comma ("-33.8688, 151.2093"). "3.14159 2.71828 1.41421 1.73205" is four numbers.
    let written =
      extras == 0 && (latitude.end..<second).contains { at($0) == "," }
      && latitude.decimals >= 4 && longitude.decimals >= 4
    guard
      hemispheres || hasLocationWord || written || Self.nearby(latitude.value, longitude.value)
        || Self.nearby(longitude.value, latitude.value)
    else { return nil }
    return end
  }

  /// Words that make a pair of decimals a place wherever it lies.
  private static let locationWords: Set<String> = [
    "locatie", "coördinaten", "coordinaten", "coördinaat", "coordinaat", "gps", "lat", "lon", "lng", "latitude",
    "longitude", "geopoint", "positie", "plek", "geolocatie", "breedtegraad", "lengtegraad",
  ]

  private var hasLocationWord: Bool {
    words.contains { $0.classes.contains(.locationWords) }
  }

  // MARK: - Case numbers

  /// Words after which a number is a case or client number of Veilig Thuis or another organisation.
  private static let caseWords: Set<String> = [
    "zaaknummer", "zaaknr", "dossiernummer", "dossiernr", "dossier", "registratienummer", "registratienr",
    "meldingsnummer", "meldingnummer", "meldnummer", "cliëntnummer", "clientnummer", "cliëntnr", "clientnr",
    "casusnummer", "casenummer", "kenmerk", "referentie", "referentienummer", "dossiercode", "volgnummer",
    "klantnummer", "patiëntnummer", "patientnummer",
  ]

  private mutating func caseNumbers() {
    for word in words where word.classes.contains(.caseWords) {
      // After the word: spaces, ':', '#', '.', and filler words ("dossier nr 2025-1290", "ons kenmerk is …").
      var index = word.range.upperBound
      while index < n {
        if isSpace(index) || at(index) == ":" || at(index) == "#" || at(index) == "." {
          index += 1
        } else if let filler = ["nummer", "nr", "no", "is", "code"].first(where: {
          reads($0, at: index) && !isLetter(index + $0.unicodeScalars.count)
        }) {
          index += filler.unicodeScalars.count
        } else {
          break
        }
      }
      let end = codeEnd(from: index)
      if end > index, (index..<end).contains(where: isDigit) { add(index..<end, .caseNumber) }
    }
    // "VT-2026-00123", "VT2026/123", "VT-8H3KQ2": Veilig Thuis' own style (after the words above, which
    // claim a whole code such as "kenmerk 2026/VT/1187").
    for start in 0..<n where reads("vt", at: start) && !isAlphanumeric(start - 1) {
      // In lower case only as a code: "vt-2025-04711", not the word "vt".
      let upper = Self.isUpper(s[start])
      var index = start + 2
      if at(index) == "-" || at(index) == " " || at(index) == "/" || at(index) == "." { index += 1 }
      guard upper || index > start + 2 else { continue }
      var end = codeEnd(from: index)
      // Groups separated by spaces: "VT 2026 00987".
      while isSpace(end), isDigit(end + 1), (index..<end).contains(where: isDigit) { end = codeEnd(from: end + 1) }
      if end > index, (index..<end).filter(isDigit).count >= 3 { add(start..<end, .caseNumber) }
    }
  }

  /// The end of a code of letters and digits, possibly in groups joined by '-', '/' or '.'.
  private func codeEnd(from start: Int) -> Int {
    var index = start
    while isAlphanumeric(index)
      || ((at(index) == "-" || at(index) == "/" || at(index) == ".") && isAlphanumeric(index + 1) && index > start)
    {
      index += 1
    }
    return index
  }

  // MARK: - Phone numbers

  private mutating func phoneNumbers() {
    var index = 0
    while index < n {
      let here = s[index]
      if here == "+" || here == "(" || here == "0", here == "0" ? startsNumber(index) : !isAlphanumeric(index - 1),
        let end = phoneNumber(at: index)
      {
        add(index..<end, .phone)
        index = end
      } else {
        index += 1
      }
    }
  }

  /// A phone number at `start`: Dutch (0 and nine digits, or +31/0031 and nine, with "(0)" allowed) or foreign
  /// (+ or 00, a country code and 6–12 digits), in groups of at least two digits separated by a space, '-', '.',
  /// '/' or " - ", the area code possibly in brackets.
  private func phoneNumber(at start: Int) -> Int? {
    var index = start
    var international = false
    if at(index) == "+" {
      international = true
      index += 1
    } else if at(index) == "(", at(index + 1) == "+" {
      international = true
      index += 2
    } else if reads("00", at: index) {
      international = true
    }
    // What the checks below need of the groups and digits, counted rather than kept in arrays: how many groups, how
    // many of one digit (of all, and of those after the first two), how many digits and the first four of them.
    var groupCount = 0
    var shortGroups = 0
    var shortGroupsAfterSecond = 0
    var digitCount = 0
    var firstDigits: (Int, Int, Int, Int) = (-1, -1, -1, -1)
    var end = index
    var bracketOpen = false
    while index < n {
      if at(index) == "(" {
        if reads("(0)", at: index) {
          index += 3
          while isSpace(index) { index += 1 }
          continue
        }
        guard !bracketOpen, isDigit(index + 1) else { break }
        bracketOpen = true
        index += 1
      }
      let runEnd = digitRun(from: index)
      guard runEnd > index else { break }
      if runEnd - index < 2 {
        shortGroups += 1
        if groupCount >= 2 { shortGroupsAfterSecond += 1 }
      }
      groupCount += 1
      for digit in index..<runEnd {
        let value = Int(s[digit].value - 0x30)
        switch digitCount {
        case 0: firstDigits.0 = value
        case 1: firstDigits.1 = value
        case 2: firstDigits.2 = value
        case 3: firstDigits.3 = value
        default: break
        }
        digitCount += 1
      }
      index = runEnd
      end = index
      if bracketOpen, at(index) == ")" {
        bracketOpen = false
        index += 1
        end = index
      }
      // A separator, then the next group.
      var next = index
      if isSpace(next) { next += 1 }
      if let separator = at(next), separator == "-" || separator == "." || separator == "/" {
        next += 1
        if isSpace(next) { next += 1 }
      }
      guard next > index || reads("(0)", at: next), isDigit(next) || (at(next) == "(" && isDigit(next + 1)) else {
        break
      }
      if at(next - 1) == "." && !isDigit(next) { break }
      index = next
    }
    guard !bracketOpen, endsNumber(end), groupCount > 0 else { return nil }
    // Decimals such as "0.5 1.5 2.5" are groups of one digit; phone numbers never are, but for a country code.
    // Abroad the area code may be one digit ("+31 6 …", "+32 2 …").
    let shortNationalGroups = international ? shortGroupsAfterSecond : shortGroups
    guard shortNationalGroups == 0 || groupCount == 1 else { return nil }
    if international {
      // Without the "00" the digits that follow are the country code's.
      let dropped = reads("00", at: start)
      let localCount = dropped ? max(0, digitCount - 2) : digitCount
      let countryCode = dropped ? (firstDigits.2, firstDigits.3) : (firstDigits.0, firstDigits.1)
      if countryCode == (3, 1) { return localCount == 11 ? end : nil }
      return (8...15).contains(localCount) ? end : nil
    }
    guard firstDigits.0 == 0, digitCount > 1, firstDigits.1 != 0 else { return nil }
    return digitCount == 10 ? end : nil
  }

  // MARK: - Dates

  private static let months: [String: Int] = [
    "januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "febr": 2, "february": 2, "maart": 3,
    "mrt": 3, "march": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7, "augustus": 8, "aug": 8, "august": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
  ]
  private static let birthWords: Set<String> = [
    "geboren", "geb", "geboortedatum", "verjaardag", "jarig", "born", "dob", "birthday",
  ]

  private mutating func dates() {
    var index = 0
    while index < n {
      if isDigit(index), startsNumber(index), let end = numericDate(at: index) ?? writtenDate(at: index) {
        add(index..<end, .date)
        index = end
      } else {
        index += 1
      }
    }
    // "March 4, 1990", "maart 4 1990": the month first.
    for word in words where word.classes.contains(.months) && word.lowercased.count >= 3 {
      var next = word.range.upperBound
      if at(next) == "." { next += 1 }
      guard isSpace(next) else { continue }
      let day = digitRun(from: next + 1)
      guard day > next + 1, day - next - 1 <= 2, (1...31).contains(number((next + 1)..<day)) else { continue }
      var year = day
      if at(year) == "," { year += 1 }
      if isSpace(year) { year += 1 }
      let yearEnd = digitRun(from: year)
      if yearEnd - year == 4, endsNumber(yearEnd) { add(word.range.lowerBound..<yearEnd, .date) }
    }
  }

  /// 12-03-1985, 12/3/85, 12.03.1985, 1985-03-12.
  private func numericDate(at start: Int) -> Int? {
    let first = digitRun(from: start)
    guard let separator = at(first), separator == "-" || separator == "/" || separator == "." else { return nil }
    let second = digitRun(from: first + 1)
    guard second > first + 1, second - first - 1 <= 2, at(second) == separator else { return nil }
    let third = digitRun(from: second + 1)
    guard third > second + 1, endsNumber(third) else { return nil }
    let (a, b, c) = (number(start..<first), number((first + 1)..<second), number((second + 1)..<third))
    let (lengthA, lengthC) = (first - start, third - second - 1)
    if lengthA == 4, lengthC <= 2 {
      return (1...12).contains(b) && (1...31).contains(c) && (1900...2100).contains(a) ? third : nil
    }
    guard lengthA <= 2, lengthC == 2 || lengthC == 4, (1...31).contains(a), (1...12).contains(b) else { return nil }
    if lengthC == 4, !(1900...2100).contains(c) { return nil }
    // "3.5.10" could be anything; a date with a two-digit year needs '-' or '/', or a two-digit day and month.
    if lengthC == 2, separator == ".", first - start != 2 || second - first - 1 != 2 { return nil }
    return third
  }

  /// "12 maart 1985", "12 mrt. '85", and "12 maart" after a word for birth.
  private func writtenDate(at start: Int) -> Int? {
    let day = digitRun(from: start)
    guard day - start <= 2, (1...31).contains(number(start..<day)), isSpace(day) else { return nil }
    var index = day + 1
    var month = ""
    while isLetter(index) {
      month.unicodeScalars.append(Self.lower(s[index]))
      index += 1
    }
    guard Self.months[month] != nil else { return nil }
    if at(index) == "." { index += 1 }
    var year = index
    if isSpace(year) { year += 1 }
    if at(year) == "'" || at(year) == "’" { year += 1 }
    let yearEnd = digitRun(from: year)
    if yearEnd - year == 4 || (yearEnd - year == 2 && year > index + 1), endsNumber(yearEnd) { return yearEnd }
    // Day and month alone identify only as a birthday ("geboren op 3 juni", "jarig op 17 november").
    let before = words.filter { $0.range.upperBound <= start }.suffix(3)
    if before.contains(where: { $0.classes.contains(.birthWords) }) {
      return at(index - 1) == "." ? index - 1 : index
    }
    return nil
  }

  // MARK: - BSN

  private static let bsnWords: Set<String> = ["bsn", "burgerservicenummer", "sofinummer", "sofi", "bsn-nummer"]

  private mutating func bsns() {
    var index = 0
    while index < n {
      guard isDigit(index), startsNumber(index), !isTaken(index) else {
        index += 1
        continue
      }
      // Groups of digits separated by single spaces, dots or hyphens: 123456782, 123 456 782, 1234-56-782.
      var groups: [Range<Int>] = []
      var position = index
      while true {
        let end = digitRun(from: position)
        guard end > position, !isTaken(position) else { break }
        groups.append(position..<end)
        if let separator = at(end), separator == " " || separator == "." || separator == "-", isDigit(end + 1),
          !isTaken(end + 1)
        {
          position = end + 1
        } else {
          break
        }
      }
      guard let last = groups.last else {
        index += 1
        continue
      }
      let context = words.last { $0.range.upperBound <= index }.map { $0.classes.contains(.bsnWords) } ?? false
      if let range = bsn(in: groups, context: context) {
        add(range, .bsn)
      }
      index = last.upperBound
    }
  }

  /// The groups (or a run of consecutive ones) that make a BSN: nine digits passing the 11-proef, eight that pass
  /// it with the leading zero a spreadsheet dropped, or eight or nine after the word BSN.
  private func bsn(in groups: [Range<Int>], context: Bool) -> Range<Int>? {
    for first in groups.indices {
      var digits: [Int] = []
      for last in first..<groups.count {
        for index in groups[last] { digits.append(Int(s[index].value - 0x30)) }
        guard digits.count <= 9 else { break }
        let range = groups[first].lowerBound..<groups[last].upperBound
        // The number must end there (or go on only as a further group).
        guard endsNumber(range.upperBound) || last < groups.count - 1 else { continue }
        let lengths = groups[first...last].map(\.count)
        if digits.count == 9, context || (lengths.allSatisfy { $0 >= 2 } && Self.passesElevenTest(digits)) {
          return range
        }
        // Eight digits are a BSN whose leading zero a spreadsheet dropped only as one number or in the groupings of
        // a BSN without its first digit (12.345.672, 123 45 672): a year and a serial number ("2025 0016") pass the
        // check one time in eleven.
        if digits.count == 8,
          context
            || ([[8], [2, 3, 3], [3, 2, 3]].contains(lengths)
              && Self.passesElevenTest([0] + digits))
        {
          return range
        }
      }
    }
    return nil
  }

  /// The Dutch 11-proef: 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11, and not all zeros.
  static func passesElevenTest(_ digits: [Int]) -> Bool {
    guard digits.count == 9, digits.contains(where: { $0 != 0 }) else { return false }
    var sum = 0
    for (index, value) in digits.enumerated() { sum += index < 8 ? (9 - index) * value : -value }
    return sum % 11 == 0
  }

  // MARK: - Postcodes and addresses

  private mutating func postcodes() {
    for start in 0..<n where isDigit(start) && s[start] != "0" && startsNumber(start) && !isTaken(start) {
      guard digitRun(from: start) == start + 4 else { continue }
      var letters = start + 4
      if isSpace(letters) { letters += 1 }
      guard isLetter(letters), isLetter(letters + 1), !isLetter(letters + 2) else { continue }
      let pair = String(String.UnicodeScalarView([Self.lower(s[letters]), Self.lower(s[letters + 1])]))
      guard pair.unicodeScalars.allSatisfy({ $0.value < 0x80 }), !["sa", "sd", "ss"].contains(pair) else { continue }
      // Lower-case letters ("2025 en 2026") only after the word postcode.
      let upper = Self.isUpper(s[letters]) && Self.isUpper(s[letters + 1])
      var end = letters + 2
      // A house number after it makes it an address.
      var number = end
      if isSpace(number) { number += 1 }
      let numberEnd = digitRun(from: number)
      let hasNumber = numberEnd > number && numberEnd - number <= 4 && !isDigit(numberEnd)
      let context = words.last { $0.range.upperBound <= start }?.lowercased == "postcode"
      guard upper || context else { continue }
      if hasNumber {
        end = numberEnd
        if isLetter(end), !isLetter(end + 1) { end += 1 }
      }
      add(start..<end, hasNumber ? .address : .postcode)
    }
    for (offset, word) in words.enumerated()
    where word.classes.contains(.houseNumberWords) && offset + 1 <= words.count {
      var number = word.range.upperBound
      while isSpace(number) || at(number) == ":" || at(number) == "." { number += 1 }
      let end = digitRun(from: number)
      if end > number, end - number <= 5 {
        add(number..<(isLetter(end) && !isLetter(end + 1) ? end + 1 : end), .address)
      }
    }
  }

  private static let streetSuffixes = [
    "straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk", "hof", "steeg", "dreef", "markt",
    "pad", "plantsoen", "boulevard", "allee", "baan", "wal", "burgwal", "erf", "park", "straatweg", "dam",
    "haven", "veld", "hoek", "oord", "wijk", "rade", "akker", "weide", "kwartier",
  ]
  /// The street suffix a word ends with ("dorpsstraat" → "straat"), longest first; the word must be longer than
  /// the suffix by at least three letters.
  static func streetSuffix(of word: String) -> String? {
    // Most words end in none of the suffixes' last three letters: looked up without making a string.
    let utf8 = word.utf8
    guard utf8.count >= 6 else { return nil }
    var ending = 0
    for byte in utf8.suffix(3) { ending = ending << 8 | Int(byte) }
    guard streetSuffixEndings.contains(ending) else { return nil }
    return streetSuffixesLongestFirst.first { word.hasSuffix($0) && word.count > $0.count + 2 }
  }
  private static let streetSuffixesLongestFirst = streetSuffixes.sorted { $0.count > $1.count }
  private static let streetSuffixEndings = Set(
    streetSuffixes.map { suffix in suffix.utf8.suffix(3).reduce(0) { $0 << 8 | Int($1) } })

  /// Suffixes that name a street even without a house number.
  private static let plainStreetSuffixes = ["straat", "laan", "gracht", "plein", "singel", "kade", "dreef", "steeg"]

  /// Words before which a capitalised name with a house number is an address even without a street suffix
  /// ("woont op Grote Noord 45 A").
  private static let residenceWords: Set<String> = [
    "woont", "woon", "wonen", "woonde", "woonden", "adres", "verblijft", "verblijf", "verhuisd", "logeert",
  ]
  /// Particles that are part of a street's name ("van der Helststraat"), unlike the prepositions before it.
  private static let streetParticles: Set<String> = ["van", "de", "der", "den", "ter", "ten"]

  private mutating func streets() {
    for (offset, word) in words.enumerated() where word.isCapitalised {
      let lowered = word.lowercased
      let suffix = Self.streetSuffix(of: lowered)
      let numberEnd = houseNumberEnd(after: word.range.upperBound)
      if suffix == nil {
        // No suffix: only after a word for living somewhere, with a house number.
        guard numberEnd != nil, !word.isPlace, !word.classes.contains(.notNames),
          words[max(0, offset - 4)..<offset].contains(where: { $0.classes.contains(.residenceWords) })
        else { continue }
      } else if numberEnd == nil, !Self.plainStreetSuffixes.contains(suffix ?? "") || word.isPlace {
        continue
      }
      // Words before it that belong to the name: "Lange Nieuwstraat", "van der Helststraat", "Burgemeester Jhr.
      // Quarles van Uffordlaan".
      var first = offset
      while first > 0, first > offset - 6 {
        let previous = words[first - 1]
        let between = String(String.UnicodeScalarView(s[previous.range.upperBound..<words[first].range.lowerBound]))
        guard between == " " || between == ". ",
          previous.isCapitalised || previous.classes.contains(.streetParticles),
          !previous.classes.contains(.triggerWords), !previous.classes.contains(.residenceWords),
          !(previous.isCapitalised && previous.classes.contains(.notNames))
        else { break }
        first -= 1
      }
      add(words[first].range.lowerBound..<(numberEnd ?? word.range.upperBound), .address)
    }
  }

  /// The end of a house number after `start` (a space, then 12, 12a, 21bis, 12-3, 45 A, 7 bis, 15 A-1), or `nil`.
  private func houseNumberEnd(after start: Int) -> Int? {
    var number = start
    if isSpace(number) { number += 1 }
    let digits = digitRun(from: number)
    guard digits > number, digits - number <= 4, !isDigit(digits), !(at(digits) == "," && isDigit(digits + 1))
    else { return nil }
    var end = digits
    // Letters glued on ("12a", "21bis"), or after a space one capital or a known addition ("45 A", "7 bis").
    var letters = end
    while isLetter(letters), letters - end < 3 { letters += 1 }
    if letters > end, !isLetter(letters) {
      end = letters
    } else if isSpace(end), let next = at(end + 1), Self.isUpper(next), !isLetter(end + 2) {
      end += 2
    } else if isSpace(end),
      ["bis", "hs", "huis", "boven", "beneden", "rd", "zw"].contains(where: { addition in
        reads(addition, at: end + 1) && !isLetter(end + 1 + addition.unicodeScalars.count)
      })
    {
      end += 1
      while isLetter(end) { end += 1 }
    }
    if at(end) == "-", isAlphanumeric(end + 1) { end = codeEnd(from: end + 1) }
    return end
  }

  // MARK: - Licence plates

  private mutating func licencePlates() {
    // Three groups of letters or digits joined by '-', six characters in all, letters and digits both present.
    var index = 0
    while index < n {
      guard isAlphanumeric(index), !isAlphanumeric(index - 1), at(index - 1) != "-" else {
        index += 1
        continue
      }
      // At most three groups: (range, is letters), kept without an array per word.
      var groups: [(Range<Int>, Bool)] = []
      groups.reserveCapacity(3)
      var position = index
      while groups.count < 3 {
        var end = position
        let letters = isLetter(position)
        while letters ? isLetter(end) : isDigit(end) { end += 1 }
        guard end > position else { break }
        groups.append((position..<end, letters))
        // Groups joined by '-', or by a space where the letters are capitals ("58 LKG 3").
        let hyphen = at(end) == "-" && isAlphanumeric(end + 1)
        let space =
          isSpace(end) && isAlphanumeric(end + 1)
          && (letters ? s[position..<end].allSatisfy(Self.isUpper) : (at(end + 1).map(Self.isUpper) ?? true))
        guard hyphen || space, groups.count < 3 else {
          position = end
          break
        }
        position = end + 1
      }
      let end = groups.last?.0.upperBound ?? index + 1
      let total = groups.reduce(0) { $0 + $1.0.count }
      let spaced = (index..<end).contains(where: isSpace)
      // Only the first plates, with one pair of letters, had vowels; plates with two groups of letters, or with a
      // group of one or three, have none. Spaced, with one, they are words and numbers typed in capitals ("OM 9 UUR",
      // "IK HEB 2 KINDEREN", "EN OM 11").
      let isWordsInCapitals =
        spaced && (groups.contains { $0.0.count != 2 } || groups.filter(\.1).count > 1)
        && groups.contains { $0.1 && s[$0.0].contains { "AEIOU".unicodeScalars.contains($0) } }
      if groups.count == 3, total == 6, !isAlphanumeric(end), at(end) != "-", !isWordsInCapitals,
        !spaced || groups.allSatisfy({ !$0.1 || s[$0.0].allSatisfy(Self.isUpper) }),
        groups.contains(where: \.1), groups.contains(where: { !$0.1 }),
        groups.allSatisfy({ !$0.1 || (s[$0.0].allSatisfy { Self.isASCIILetter($0) }) })
      {
        add(index..<end, .licencePlate)
        index = end
      } else {
        // A plate may begin at the next group: in capitals "AUTO 58 LKG 3" is read from "AUTO" first.
        index = max(groups.first?.0.upperBound ?? index + 1, index + 1)
      }
    }
    // After the word: "kenteken AB12CD".
    for word in words where word.classes.contains(.licenceWords) {
      var next = word.range.upperBound
      while isSpace(next) || at(next) == ":" { next += 1 }
      let end = codeEnd(from: next)
      let code = (next..<end).filter(isAlphanumeric).count
      if (5...8).contains(code), (next..<end).contains(where: isDigit) { add(next..<end, .licencePlate) }
    }
  }

  static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
    (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
  }

  // MARK: - Names

  /// Forms of address; after them comes a name ("mevrouw Jansen", "dhr. P. de Vries").
  private static let titles: Set<String> = [
    "mevrouw", "mevr", "mw", "mevr.", "meneer", "mijnheer", "dhr", "heer", "juf", "juffrouw", "meester", "dokter",
    "dr", "ds", "mr", "drs", "ir", "prof", "zuster", "broeder", "pastoor", "dominee", "imam", "mrs", "ms", "miss",
    "sir", "mister",
  ]
  /// Words for people around a respondent; a capitalised word right after one is a name ("mijn buurman Piet").
  private static let relations: Set<String> = [
    "buurman", "buurvrouw", "buurjongen", "buurmeisje", "buren", "vader", "moeder", "pa", "ma", "papa", "mama",
    "zoon", "dochter", "zoontje", "dochtertje", "kind", "kinderen", "broer", "broertje", "zus", "zusje", "zuster",
    "opa", "oma", "oom", "tante", "neef", "nicht", "man", "vrouw", "ex", "ex-man", "ex-vrouw", "ex-partner",
    "partner", "vriend", "vriendin", "vriendje", "vriendinnetje", "stiefvader", "stiefmoeder", "stiefzoon",
    "stiefdochter", "schoonvader", "schoonmoeder", "schoonzoon", "schoondochter", "zwager", "schoonzus", "collega",
    "baas", "leraar", "lerares", "docent", "mentor", "hulpverlener", "begeleider", "begeleidster", "behandelaar",
    "consulent", "casemanager", "wijkagent", "agent", "huisarts", "jeugdarts", "medewerker", "medewerkster",
    "maatschappelijk", "werker", "regisseur", "jeugdconsulent", "gezinsvoogd", "voogd", "verloskundige",
    "kleinzoon", "kleindochter", "achterneef", "pleegvader", "pleegmoeder", "pleegkind", "verzorger", "verzorgster",
    "tolk", "advocaat", "advocate", "coach", "therapeut", "psycholoog", "jeugdwerker", "wijkverpleegkundige",
    "leerkracht", "directeur", "contactpersoon", "hulpverleenster", "notaris", "schoonouders", "stiefbroer",
    "stiefzus", "halfbroer", "halfzus", "nichtje", "neefje", "kleinkind", "peetoom", "peettante", "gastouder",
  ]
  /// Verbs and nouns that introduce a name ("ik heet Fatima", "genaamd Kees", "haar naam is Anna").
  private static let introductions: Set<String> = [
    "heet", "heten", "genaamd", "genoemd", "naam", "noemt", "groet",
    "groeten", "gr", "groetjes", "namens",
  ]
  /// Prepositions after which a capitalised word in the middle of a sentence is most likely a person ("geholpen
  /// door Yvonne", "een gesprek met Karin"), unless it is a known organisation or place.
  private static let prepositions: Set<String> = ["door", "met", "bij", "namens", "tegen", "aan", "van", "voor"]
  static let triggerWords = titles.union(relations).union(introductions)
  /// Name particles (*tussenvoegsels*) and their kin in other languages.
  /// The particles a name may begin with after a title or a relation word ("mevr. de Boer", "mijn ex el
  /// Amrani"); prepositions such as "in" and "op" there start no name ("mijn broer in België").
  static let leadingParticles: Set<String> = [
    "van", "de", "der", "den", "ter", "ten", "el", "al", "la", "le", "du", "da", "di", "dos", "von", "d'",
  ]
  static let particles: Set<String> = [
    "van", "de", "der", "den", "ter", "ten", "te", "'t", "in", "op", "het", "el", "al", "bin", "ben", "la", "le",
    "du", "da", "di", "dos", "von", "zu", "vd", "v.d.", "v/d", "d'", "'s",
  ]
  /// Capitalised words that are not names although they may follow a trigger: organisations, days, months, common
  /// sentence starts.
  private static let notNames: Set<String> = [
    "veilig", "thuis", "politie", "ggd", "jeugdzorg", "raad", "kinderbescherming", "wijkteam", "sociaal",
    "huisarts", "ziekenhuis", "school", "gemeente", "rechter", "reclassering", "maandag", "dinsdag", "woensdag",
    "donderdag", "vrijdag", "zaterdag", "zondag", "januari", "februari", "maart", "april", "mei", "juni", "juli",
    "augustus", "september", "oktober", "november", "december", "ik", "hij", "zij", "wij", "we", "ze", "het", "de",
    "een", "en", "maar", "want", "dus", "toen", "dan", "die", "dat", "deze", "dit", "er", "is", "was", "had", "heeft",
    "kon", "wil", "niet", "ook", "nog", "al", "wel", "geen", "u", "jij", "je", "mijn", "zijn", "haar", "ons", "onze",
    "hun", "the", "and", "of", "vt", "nederland", "nederlands", "engels", "arabisch", "turks", "pools", "marokkaans",
    "surinaams", "i", "ok", "oké", "oke", "dank", "bedankt", "hallo", "beste", "geachte", "lucertis", "parlan",
    "jeugdbescherming", "leger", "heils", "brijder", "ggz", "kwadraad", "halt", "zorg", "wijkverpleging", "dokter",
    "spoedeisende", "hulp", "kinderopvang", "opvang", "blijf", "groep", "buurtzorg", "centrum", "jeugd", "gezin",
    "cjg", "team", "kantoor", "rechtbank", "advocaat", "telefoon", "website", "internet", "brief", "mail", "e-mail",
    "whatsapp", "facebook", "teams", "zoom", "kerst", "pasen", "ramadan", "suikerfeest", "corona", "covid",
    "mevrouw", "meneer", "moeder", "vader", "kinderen", "kind", "ouders", "gemeenten", "hollands", "noorden",
    "noord-holland", "west-friesland", "westfriesland", "jeugdarts", "consultatiebureau", "school",
    "basisschool", "huisartsenpost", "gesprek", "veiligheid", "plan", "melding", "advies", "belgië", "duitsland",
    "marokko", "turkije", "polen", "suriname", "syrië", "eritrea", "afghanistan", "irak", "iran", "somalië",
    "spanje", "frankrijk", "engeland", "italië", "oekraïne", "roemenië", "bulgarije", "antillen", "curaçao",
    "aruba", "indonesië", "china", "india", "pakistan", "ghana", "nigeria", "egypte", "tunesië", "algerije",
    "portugal", "griekenland", "amerika", "europa", "azië", "afrika", "rotterdam", "utrecht", "den haag",
    "apeldoorn", "zwolle", "groningen", "eindhoven", "leiden", "gouda",
  ]
  /// Common first names in the Netherlands (Dutch and of its larger migrant communities): a capitalised one is a
  /// name wherever it stands. Names that are also common words (Roos, Mark, Bas, Hoop) are left out.
  private static let firstNames: Set<String> = [
    "jan", "piet", "kees", "henk", "gerrit", "klaas", "willem", "hendrik", "johannes", "cornelis", "jacob", "pieter",
    "dirk", "johan", "hans", "peter", "paul", "marco", "martin", "erik", "eric", "frank", "rob", "robert", "richard",
    "ronald", "rene", "rené", "sander", "jeroen", "bart", "tom", "thomas", "daan", "lucas", "luuk", "sem", "noah",
    "liam", "finn", "milan", "levi", "jesse", "thijs", "ruben", "stijn", "tim", "lars", "niels", "kevin", "dennis",
    "michel", "marcel", "wim", "ad", "joop", "theo", "ton", "gert", "gijs", "koen", "joost", "maarten", "wouter",
    "anna", "emma", "julia", "sophie", "sofie", "lisa", "sara", "sarah", "eva", "lotte", "fenna", "tess", "zoë",
    "zoe", "mila", "nora", "saar", "noor", "lieke", "femke", "anouk", "iris", "linda", "sandra", "monique", "petra",
    "marieke", "maria", "marie", "ingrid", "annemarie", "wilma", "els", "ans", "truus", "joke", "corrie", "ria",
    "karin", "esther", "ellen", "marloes", "manon", "kim", "naomi", "fleur", "jasmijn", "sanne", "anne", "inge",
    "mohammed", "mohamed", "muhammad", "ahmed", "ahmet", "mustafa", "mehmet", "ali", "hassan", "hussein", "youssef",
    "yusuf", "omar", "ibrahim", "ismail", "karim", "said", "rachid", "abdel", "fatima", "fatma", "aisha", "ayse",
    "ayşe", "khadija", "nadia", "samira", "yasmina", "yasmin", "leila", "layla", "zeynep", "emine", "hatice", "elif",
    "meryem", "mariam", "sanne", "priya", "shanti", "rajesh", "anil", "piotr", "pawel", "paweł", "krzysztof",
    "tomasz", "agnieszka", "katarzyna", "magdalena", "anna-maria", "jan-willem", "jan-peter", "ahmad", "mahmoud",
    "kofi", "kwame", "ama", "abena", "mieke", "jayden", "dylan", "sven", "rick", "jeffrey", "patrick", "stefan",
    "mike", "bram", "jort", "jasper", "vincent", "mats", "julian", "sam", "max", "hugo", "olivier", "siem",
    "jens", "tygo", "ryan", "nick", "jelle", "wessel", "youri", "ricardo", "mees", "floor", "isa", "lynn",
    "yara", "evi", "luna", "amber", "demi", "romy", "britt", "nina", "jade", "vera", "ilse", "marjolein",
    "wendy", "bianca", "chantal", "priscilla", "yvonne", "ineke", "ria", "greet", "tineke", "gerda", "annie",
    "henny", "bep", "jannie", "diana", "patricia", "nicole", "angelique", "kelly", "shirley", "natasja",
    "maryam", "noura", "salma", "hanan", "sanaa", "loubna", "zainab", "amina", "hamza", "bilal", "ayoub",
    "soufiane", "anouar", "khalid", "mohamed-ali", "emre", "burak", "murat", "kemal", "hakan", "serkan",
    "oguz", "deniz", "esra", "büşra", "merve", "sevda", "gül", "tomek", "marek", "ewa", "joanna", "aleksandra",
    "natalia", "oksana", "olena", "iryna", "dmytro", "andriy", "kevin-john", "jan-hendrik", "anne-marie",
  ]

  private mutating func names() {
    var offset = 0
    while offset < words.count {
      let word = words[offset]
      let lowered = word.lowercased
      var start: Int?
      // Whether what comes before the name says a name follows, rather than only that one may (see
      // `shoutedNameEnd`).
      var isAnnounced = false
      let tenNameVan =
        lowered == "v" && offset >= 2 && words[offset - 1].lowercased == "n"
        && words[offset - 2].lowercased == "t"
      let ikBen =
        lowered == "ben" && offset > 0 && words[offset - 1].lowercased == "ik"
        && offset + 1 < words.count && words[offset + 1].isCapitalised
      if word.classes.contains(.nameVerbs), offset > 0,
        words[offset - 1].classes.contains(.firstNames)
          || (words[offset - 1].isCapitalised && !isSentenceStart(words[offset - 1].range.lowerBound)
            && !words[offset - 1].classes.contains(.notNames)),
        gap(between: offset - 1, and: offset)
      {
        // "iemand die linda heette"
        add(words[offset - 1].range, .name)
      }
      if tenNameVan || ikBen {
        start = offset + 1
        isAnnounced = tenNameVan
      } else if word.classes.contains(.triggerWords) {
        isAnnounced = word.classes.contains(.strongTriggers)
        var first = offset + 1
        // "naam is Anna", "naam: Anna"
        if lowered == "naam", first < words.count, words[first].lowercased == "is" { first += 1 }
        // "heer" only in "de heer".
        if lowered != "heer" || (offset > 0 && words[offset - 1].lowercased == "de") { start = first }
      } else if word.isCapitalised, word.classes.contains(.firstNames) {
        start = offset
      } else if word.classes.contains(.prepositions), offset + 1 < words.count, words[offset + 1].isCapitalised,
        !words[offset + 1].isAllCapitals, !words[offset + 1].classes.contains(.notNames),
        !words[offset + 1].isPlace, !isSentenceStart(words[offset].range.lowerBound)
      {
        start = offset + 1
      } else if word.isCapitalised, offset + 2 < words.count,
        words[offset + 1].classes.contains(.leadingParticles),
        !words[offset + 1].isCapitalised, !word.classes.contains(.notNames), !word.isPlace,
        nameEnd(from: offset, leadingParticles: false) > offset + 2
      {
        // "Piet van der Berg": a capitalised word, particles, a capitalised word.
        start = offset
      }
      if let first = start, first < words.count, gap(between: offset, and: first),
        case let end = shoutedNameEnd(from: first, afterTrigger: first > offset, isAnnounced: isAnnounced)
          ?? nameEnd(from: first, leadingParticles: first > offset), end > first
      {
        let range = words[first].range.lowerBound..<words[end - 1].range.upperBound
        let text = (first..<end).map { words[$0].lowercased }.joined(separator: " ")
        let capitalised = (first..<end).filter { words[$0].isCapitalised }.map { words[$0].lowercased }
        if !placeNames.contains(text), capitalised.isEmpty || !capitalised.allSatisfy({ placeNames.contains($0) }) {
          add(range, .name)
          // "Kees en Mieke", "Emma, Noah": a capitalised word joined to a name by "en" or a comma is one too.
          var next = end
          while next < words.count {
            let joiner = String(
              String.UnicodeScalarView(s[words[next - 1].range.upperBound..<words[next].range.lowerBound]))
            var candidate = next
            if joiner == " ", words[next].lowercased == "en", next + 1 < words.count {
              candidate = next + 1
            } else if joiner != ", " {
              break
            }
            let following = words[candidate]
            guard following.isCapitalised, !following.isAllCapitals, !following.classes.contains(.notNames),
              !following.isPlace, !following.classes.contains(.triggerWords)
            else { break }
            let followingEnd = nameEnd(from: candidate, leadingParticles: false)
            guard followingEnd > candidate else { break }
            add(words[candidate].range.lowerBound..<words[followingEnd - 1].range.upperBound, .name)
            next = followingEnd
          }
          offset = max(end, next)
          continue
        }
        offset = end
      } else {
        offset += 1
      }
    }
  }

  /// Whether a word at `index` begins a sentence (where every word is capitalised).
  private func isSentenceStart(_ index: Int) -> Bool {
    var before = index - 1
    while isSpace(before) { before -= 1 }
    guard let previous = at(before) else { return true }
    return previous == "." || previous == "!" || previous == "?" || previous == "\n" || previous == ":"
  }

  /// Whether only spaces, a full stop after an abbreviation, a ':' or a ',' stand between a trigger and its name.
  private func gap(between trigger: Int, and first: Int) -> Bool {
    guard first > trigger else { return true }
    for index in words[trigger].range.upperBound..<words[first].range.lowerBound {
      guard let here = at(index), here == " " || here == "." || here == ":" || here == "," else { return false }
    }
    return true
  }

  /// The end (a word index) of a name written in capitals that starts at `first` ("MEVROUW DE WIT", "MIJN BUURMAN
  /// PIET DE VRIES"), `first` itself when no name starts there; `nil` when the name is not in capitals (then
  /// ``nameEnd(from:leadingParticles:)`` reads it).
  ///
  /// In a text typed in capitals every word is capitalised, so capitals cannot tell a name from the words around
  /// it, and an abbreviation ("AMK") from a name. A name in capitals begins only where one is announced (after a
  /// title or an introduction: `isAnnounced`), after initials or a surname's particle, or with a known first name,
  /// and takes titles, initials, particles and at most three words ("MEVROUW MARIE-JOSÉ SMIT-DE GRAAF"); a word of
  /// ``notNames`` or a place ends it. It may take a word or two too many ("MEVROUW JANSEN HIELP ONS" becomes "MEVROUW [naam] ONS"):
  /// a word too many masked is the price of not leaving a surname.
  private func shoutedNameEnd(from first: Int, afterTrigger: Bool, isAnnounced: Bool) -> Int? {
    func joined(_ index: Int) -> Bool {
      guard index > first else { return true }
      let between = String(
        String.UnicodeScalarView(s[words[index - 1].range.upperBound..<words[index].range.lowerBound]))
      return between == " " || between == "." || between == ". "
    }
    func isInitial(_ word: Word) -> Bool { word.range.count == 1 && word.isCapitalised }
    // Titles and initials ("GROET, DRS. A. HOEKSTRA", "P.J. DE VRIES") and, after a trigger or an initial,
    // particles ("MEVROUW DE WIT", "M. VAN 'T HOF").
    var index = first
    var sawInitial = false
    // A particle that begins a surname after a word for a person ("WIJKAGENT VAN DAM"); not "de", which there is
    // as often an article ("DE BUURMAN DE HELE DAG").
    var sawSurnameParticle = false
    while index < words.count, index < first + 8, joined(index) {
      let word = words[index]
      if isInitial(word) {
        sawInitial = true
      } else if afterTrigger, word.classes.contains(.leadingParticles), word.lowercased != "de" {
        sawSurnameParticle = true
      } else if !(word.classes.contains(.strongTriggers) && word.isCapitalised)
        && !((afterTrigger || sawInitial) && word.classes.contains(.particles))
      {
        break
      }
      index += 1
    }
    guard index < words.count, joined(index) else {
      // Only particles and initials: in capitals ("MIJN DOCHTER OP 1/7/2014") no name.
      return (first..<index).contains { words[$0].isAllCapitals && words[$0].range.count > 1 } ? first : nil
    }
    let head = words[index]
    guard head.isAllCapitals, head.range.count > 1 else { return nil }
    // Initials or a surname's particle before a capitalised word say as much as a title does ("BEHANDELAAR J.W.
    // TER STEEGE", "WIJKAGENT VAN DAM").
    guard !head.classes.contains(.notNames), !head.classes.contains(.particles), !head.isPlace,
      isAnnounced || sawInitial || sawSurnameParticle || head.classes.contains(.firstNames)
    else { return first }
    var nameWords = 1
    var end = index + 1
    var next = end
    while next < words.count, nameWords < 3, joined(next) {
      let word = words[next]
      if word.classes.contains(.particles) || isInitial(word) {
        next += 1
        continue
      }
      guard word.isCapitalised, !word.classes.contains(.notNames), !word.isPlace else { break }
      nameWords += 1
      next += 1
      end = next
    }
    return end
  }

  /// The end (a word index) of the name that starts at `first`: initials ("P.", "J.H."), capitalised words and the
  /// particles between them, at most five words; `first` itself when no name starts there.
  private func nameEnd(from first: Int, leadingParticles: Bool) -> Int {
    var end = first
    var lastNameWord = first
    var sawName = false
    while end < words.count, end < first + 6 {
      let word = words[end]
      // Parts of one name stand apart by one space, or by a full stop after an initial ("J.H. de Vries").
      if end > first {
        let between = String(
          String.UnicodeScalarView(s[words[end - 1].range.upperBound..<word.range.lowerBound]))
        guard between == " " || between == "." || between == ". " else { break }
      }
      // After a trigger a common first name counts in lower case too ("hij heet mohammed").
      let lowerCaseFirstName = leadingParticles && !word.isCapitalised && word.classes.contains(.firstNames)
      if word.isCapitalised || lowerCaseFirstName,
        !word.classes.contains(.notNames) || (sawName && word.lowercased != "ik")
      {
        if word.isAllCapitals, word.range.count >= 3, !sawName { break }
        sawName = true
        end += 1
        lastNameWord = end
      } else if sawName || leadingParticles, end > first || word.classes.contains(.leadingParticles),
        word.classes.contains(.particles)
          || (end > first && words[end - 1].classes.contains(.particles)
            && leadingParticles && !word.classes.contains(.notNames) && word.lowercased.count > 2)
      {
        // A particle, or after a trigger a surname in lower case behind a particle ("mevr. de boer").
        if !word.classes.contains(.particles) {
          sawName = true
          lastNameWord = end + 1
        }
        end += 1
      } else {
        break
      }
    }
    return sawName ? lastNameWord : first
  }
}

/// What a word is to the rules: each word is looked up once, in ``Scanner/lexicon``.
struct WordClass: OptionSet, Hashable {
  let rawValue: UInt32
  static let triggerWords = WordClass(rawValue: 1 << 0)
  static let firstNames = WordClass(rawValue: 1 << 1)
  static let prepositions = WordClass(rawValue: 1 << 2)
  static let particles = WordClass(rawValue: 1 << 3)
  static let leadingParticles = WordClass(rawValue: 1 << 4)
  static let notNames = WordClass(rawValue: 1 << 5)
  static let caseWords = WordClass(rawValue: 1 << 6)
  static let residenceWords = WordClass(rawValue: 1 << 7)
  static let birthWords = WordClass(rawValue: 1 << 8)
  static let bsnWords = WordClass(rawValue: 1 << 9)
  static let streetParticles = WordClass(rawValue: 1 << 10)
  // Words a rule asks for by name, a bit each so that no rule compares or hashes every word again.
  static let months = WordClass(rawValue: 1 << 11)
  static let emailWords = WordClass(rawValue: 1 << 12)
  static let nameVerbs = WordClass(rawValue: 1 << 13)
  static let locationWords = WordClass(rawValue: 1 << 14)
  static let licenceWords = WordClass(rawValue: 1 << 15)
  static let houseNumberWords = WordClass(rawValue: 1 << 16)
  /// Titles and words that introduce a name, after which nearly always a name follows ("mevrouw", "heet"), unlike
  /// words for people ("broer", "buren"), after which a verb follows as often.
  static let strongTriggers = WordClass(rawValue: 1 << 17)
}

extension Scanner {
  /// Every listed word with its classes: one hash per word of a text instead of one per list.
  static let lexicon: [String: WordClass] = {
    var lexicon: [String: WordClass] = [:]
    let lists: [(Set<String>, WordClass)] = [
      (triggerWords, .triggerWords), (titles.union(introductions), .strongTriggers), (firstNames, .firstNames),
      (prepositions, .prepositions),
      (particles, .particles), (leadingParticles, .leadingParticles), (notNames, .notNames),
      (caseWords, .caseWords), (residenceWords, .residenceWords), (birthWords, .birthWords),
      (bsnWords, .bsnWords), (streetParticles, .streetParticles), (Set(months.keys), .months),
      (["at", "apenstaartje"], .emailWords), (["heette", "heet", "heten", "heetten"], .nameVerbs),
      (locationWords, .locationWords), (["kenteken"], .licenceWords), (["huisnummer", "huisnr"], .houseNumberWords),
    ]
    for (words, wordClass) in lists {
      for word in words { lexicon[word, default: []].insert(wordClass) }
    }
    return lexicon
  }()

  /// ``lexicon`` for ASCII words, looked up without hashing a string.
  static let lexiconTable = ASCIIWordTable(lexicon.map { ($0.key, $0.value.rawValue) })
}

/// A word of a text: letters, with the apostrophes and hyphens inside it ("'t", "Jan-Willem", "ex-man").
struct Word {
  var range: Range<Int>
  var lowercased: String
  var isCapitalised: Bool
  var isAllCapitals: Bool
  var classes: WordClass
  /// Whether it is one of the place names the masker was given.
  var isPlace = false

  /// Whether a scalar is a combining mark (an accent that goes with the letter before it).
  static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
    guard scalar.value >= 0x300 else { return false }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }

  static func split(_ s: [Unicode.Scalar], placeNames: Set<String>, placeTable: ASCIIWordTable) -> [Word] {
    var words: [Word] = []
    let n = s.count
    // A word takes a letter and a character after it: room for all of them at once rather than growing from empty.
    words.reserveCapacity((n + 1) / 2)
    var index = 0
    var bytes: [UInt8] = []  // for words with letters beyond ASCII
    while index < n {
      let startsWithApostrophe =
        (s[index] == "'" || s[index] == "’") && index + 1 < n && Scanner.isLetter(s[index + 1])
        && (index == 0 || !Scanner.isLetter(s[index - 1]))
      guard Scanner.isLetter(s[index]) || startsWithApostrophe else {
        index += 1
        continue
      }
      let start = index
      index += 1
      while index < n {
        if Scanner.isLetter(s[index]) {
          index += 1
        } else if s[index] == "-" || s[index] == "'" || s[index] == "’", index + 1 < n, Scanner.isLetter(s[index + 1]) {
          index += 2
        } else if Self.isCombiningMark(s[index]) {
          // An accent written as a character of its own after its letter (a decomposed "é", as some systems and
          // exports write it) belongs to the word: otherwise "José García" was two words and a half, and the half
          // after the accent was never read as part of the name.
          index += 1
        } else {
          break
        }
      }
      var capitals = 0
      var letters = 0
      // The word's key in the ASCII tables, made from its lower-case bytes; `nil` once one is not ASCII.
      var key: ASCIIWordTable.Key? = ASCIIWordTable.Key()
      for scalar in s[start..<index] {
        if Scanner.isLetter(scalar) {
          letters += 1
          if Scanner.isUpper(scalar) { capitals += 1 }
        }
        let lowered = Self.lowered(scalar)
        if lowered.value < 0x80 {
          key?.append(UInt8(lowered.value))
        } else {
          key = nil
        }
      }
      // The lower-case text (a short word is a small string, stored without allocating). An ASCII one is written
      // in place, a byte a scalar; any other is built from UTF-8 bytes.
      let lowercased: String
      if key != nil {
        lowercased = String(unsafeUninitializedCapacity: index - start) { buffer in
          for (offset, scalar) in s[start..<index].enumerated() { buffer[offset] = UInt8(Self.lowered(scalar).value) }
          return index - start
        }
      } else {
        bytes.removeAll(keepingCapacity: true)
        for scalar in s[start..<index] {
          let lowered = Self.lowered(scalar)
          if lowered.value < 0x80 {
            bytes.append(UInt8(lowered.value))
          } else {
            bytes.append(contentsOf: String(lowered).utf8)
          }
        }
        lowercased = String(decoding: bytes, as: UTF8.self)
      }
      let first = s[start] == "'" || s[start] == "’" ? s[start + 1] : s[start]
      let isCapitalised = Scanner.isUpper(first)
      let classes: WordClass
      var isPlace = false
      if let key {
        classes = WordClass(
          rawValue: Scanner.lexiconTable.value(key) { Scanner.lexicon[lowercased]?.rawValue ?? 0 })
        if isCapitalised { isPlace = placeTable.value(key) { placeNames.contains(lowercased) ? 1 : 0 } != 0 }
      } else {
        classes = Scanner.lexicon[lowercased] ?? []
        isPlace = isCapitalised && placeNames.contains(lowercased)
      }
      words.append(
        Word(
          range: start..<index, lowercased: lowercased, isCapitalised: isCapitalised,
          isAllCapitals: capitals == letters, classes: classes, isPlace: isPlace))
    }
    // Place names of two words ("Den Helder", "Hollands Kroon") mark both words.
    if words.count > 1 {
      for index in 1..<words.count where words[index].isCapitalised && words[index - 1].isCapitalised {
        let (first, second) = (words[index - 1].lowercased, words[index].lowercased)
        let isPlace =
          if let key = ASCIIWordTable.Key(first, second) {
            placeTable.value(key) { placeNames.contains(first + " " + second) ? 1 : 0 } != 0
          } else {
            placeNames.contains(first + " " + second)
          }
        if isPlace {
          words[index - 1].isPlace = true
          words[index].isPlace = true
        }
      }
    }
    return words
  }

  /// A scalar in lower case: the first scalar of its lower-case mapping.
  private static func lowered(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    scalar.value < 0x80 ? Scanner.lower(scalar) : scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
  }
}
