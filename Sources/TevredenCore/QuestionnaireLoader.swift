import Foundation
import Yams

/// A questionnaire together with the exact text it was read from.
public struct LoadedQuestionnaire: Hashable, Sendable {
  public let questionnaire: Questionnaire
  /// The definition text, byte for byte; stored as the snapshot a response keeps.
  public let source: String
  /// The file it came from, as given to the loader (for messages).
  public var file: String
  /// The SHA-256 of the definition text, in lower-case hex: the snapshot's identity.
  public let sha256: String

  public init(questionnaire: Questionnaire, source: String, file: String) {
    self.questionnaire = questionnaire
    self.source = source
    self.file = file
    self.sha256 = SHA256.hex(of: Data(source.utf8))
  }
}

/// Reads questionnaire definitions from YAML and checks every rule in `Questionnaires/README.md`.
public enum QuestionnaireLoader {
  static let rootKeys = [
    "id", "version", "audience", "group", "group_label", "title", "intro", "missing_codes", "scales",
    "questions", "score", "source_language", "yes_no", "translations",
  ]
  static let questionKeys = [
    "id", "type", "text", "scale", "choices", "min", "max", "required", "missing", "show_if", "aliases",
    "instruction",
  ]
  static let typeNames = [
    "consent", "scale", "grade", "yes_no", "single_choice", "multiple_choice", "number", "text",
  ]

  /// Parses and validates one definition.
  ///
  /// - Parameters:
  ///   - text: The YAML text.
  ///   - file: The file name used in diagnostics.
  ///   - expectedID: The id the file name implies, if any; a different `id:` is an error.
  /// - Returns: The questionnaire if there were no errors, and every diagnostic found.
  public static func parse(_ text: String, file: String, expectedID: String? = nil) -> (
    LoadedQuestionnaire?, [Diagnostic]
  ) {
    var reader = YAMLReader(file: file)
    guard let root = reader.compose(text),
      let fields = reader.mapping(root, allowed: rootKeys, context: "the questionnaire")
    else { return (nil, reader.diagnostics) }
    var parser = Parser(reader: reader)
    let questionnaire = parser.questionnaire(fields, expectedID: expectedID)
    let diagnostics = parser.reader.diagnostics
    guard let questionnaire, !diagnostics.hasErrors else { return (nil, diagnostics) }
    return (LoadedQuestionnaire(questionnaire: questionnaire, source: text, file: file), diagnostics)
  }

  /// Reads and validates one definition file; its id must equal the file name without `.yaml`.
  public static func load(contentsOf url: URL) -> (LoadedQuestionnaire?, [Diagnostic]) {
    let file = url.relativePathForMessages
    guard let data = FileManager.default.contents(atPath: url.path) else {
      return (nil, [Diagnostic(.error, at: .init(file: file), "cannot read the file")])
    }
    guard let text = String(data: data, encoding: .utf8) else {
      return (nil, [Diagnostic(.error, at: .init(file: file), "the file is not UTF-8 text")])
    }
    return parse(text, file: file, expectedID: url.deletingPathExtension().lastPathComponent)
  }

  private struct Parser {
    var reader: YAMLReader

    mutating func questionnaire(_ fields: YAMLReader.Fields, expectedID: String?) -> Questionnaire? {
      let id = reader.string(fields, "id", context: "the questionnaire")
      if let id, !id.isIdentifier(allowsHyphen: true) {
        reader.error(at: fields["id"], "questionnaire id '\(id)' must use lower-case letters, digits, '-' and '_'")
      }
      if let id, let expectedID, id != expectedID {
        reader.error(at: fields["id"], "questionnaire id '\(id)' differs from the file name '\(expectedID).yaml'")
      }
      let version = reader.integer(fields, "version", context: "the questionnaire")
      if let version, version < 1 {
        reader.error(at: fields["version"], "version must be 1 or higher")
      }
      var audience: Audience?
      if let text = reader.string(fields, "audience", context: "the questionnaire") {
        audience = Audience(rawValue: text)
        if audience == nil {
          reader.error(at: fields["audience"], "unknown audience '\(text)'; use inwoners or ketenpartners")
        }
      }
      let group = reader.string(fields, "group", context: "the questionnaire")
      if let group, !group.isIdentifier(allowsHyphen: true) {
        reader.error(at: fields["group"], "group '\(group)' must use lower-case letters, digits, '-' and '_'")
      }
      let groupLabel = reader.string(fields, "group_label", context: "the questionnaire", required: false)
      let title = reader.string(fields, "title", context: "the questionnaire")
      let intro = reader.string(fields, "intro", context: "the questionnaire", required: false) ?? ""

      var missingCodes: [MissingCode] = []
      if let node = fields["missing_codes"] { missingCodes = missingCodeList(node) }
      var scales: [String: Scale] = [:]
      if let node = fields["scales"] { scales = scaleList(node, missingCodes: missingCodes) }
      var questions: [Question] = []
      var questionNodes: [Question.ID: Node] = [:]
      if let node = fields["questions"] {
        (questions, questionNodes) = questionList(node, scales: scales, missingCodes: missingCodes)
        if questions.isEmpty, reader.sequence(node, context: "questions") != nil {
          reader.error(at: node, "questions must not be empty")
        }
      } else {
        reader.error(at: fields.node, "the questionnaire is missing the required key 'questions'")
      }
      checkRouting(questions, nodes: questionNodes)
      checkConsent(questions, nodes: questionNodes, questionsNode: fields["questions"])
      checkAliases(questions, nodes: questionNodes)
      var scoreRule: ScoreRule?
      if let node = fields["score"] { scoreRule = self.scoreRule(node, questions: questions) }
      if fields["score"] == nil {
        reader.error(at: fields.node, "the questionnaire is missing the required key 'score'")
      }

      var sourceLanguage = LanguageCode.dutch
      if let text = reader.string(fields, "source_language", context: "the questionnaire", required: false) {
        if let code = LanguageCode(code: text) {
          sourceLanguage = code
        } else {
          reader.error(
            at: fields["source_language"],
            "source_language '\(text)' is not an ISO 639-1 language code; use two lower-case letters, such as nl")
        }
      }
      var yesNo = YesNoLabels.dutch
      if let node = fields["yes_no"],
        let answers = reader.mapping(node, allowed: ["ja", "nee"], context: "yes_no"),
        let yes = reader.string(answers, "ja", context: "yes_no"),
        let no = reader.string(answers, "nee", context: "yes_no")
      {
        yesNo = YesNoLabels(yes: yes, no: no)
      }

      guard let id, let version, let audience, let group, let title, let scoreRule else { return nil }
      var questionnaire = Questionnaire(
        id: Questionnaire.ID(rawValue: id), version: version, audience: audience, group: group,
        groupLabel: groupLabel ?? group, title: title, intro: intro, missingCodes: missingCodes,
        scales: Array(scales.values).sorted { $0.id < $1.id }, questions: questions, scoreRule: scoreRule,
        sourceLanguage: sourceLanguage, yesNoLabels: yesNo)
      if let node = fields["translations"] {
        var translations = TranslationReader(source: questionnaire, placeholders: placeholders)
        questionnaire.translations = translations.read(node, reader: &reader)
      }
      return questionnaire
    }

    mutating func missingCodeList(_ node: Node) -> [MissingCode] {
      guard let items = reader.sequence(node, context: "missing_codes") else { return [] }
      var codes: [MissingCode] = []
      for item in items {
        guard let fields = reader.mapping(item, allowed: ["code", "label"], context: "a missing code"),
          let code = reader.string(fields, "code", context: "a missing code"),
          let label = reader.string(fields, "label", context: "missing code '\(fields["code"]?.scalar?.string ?? "")'")
        else { continue }
        if !code.isIdentifier() {
          reader.error(at: fields["code"], "missing code '\(code)' must use lower-case letters, digits and '_'")
        } else if codes.contains(where: { $0.code == code }) {
          reader.error(at: fields["code"], "missing code '\(code)' is defined twice")
        } else {
          codes.append(MissingCode(code: code, label: label))
        }
      }
      return codes
    }

    mutating func missingReferences(_ node: Node, context: String, missingCodes: [MissingCode]) -> [String] {
      guard let codes = reader.strings(node, context: context) else { return [] }
      for code in codes where !missingCodes.contains(where: { $0.code == code }) {
        reader.error(at: node, "\(context) names missing code '\(code)', which missing_codes does not define")
      }
      return codes.filter { code in missingCodes.contains { $0.code == code } }
    }

    mutating func scaleList(_ node: Node, missingCodes: [MissingCode]) -> [String: Scale] {
      guard let items = reader.sequence(node, context: "scales") else { return [:] }
      var scales: [String: Scale] = [:]
      for item in items {
        guard let fields = reader.mapping(item, allowed: ["id", "points", "missing"], context: "a scale"),
          let id = reader.string(fields, "id", context: "a scale")
        else { continue }
        let context = "scale '\(id)'"
        if scales[id] != nil { reader.error(at: fields["id"], "scale id '\(id)' is defined twice") }
        var points: [Scale.Point] = []
        if let pointsNode = fields["points"],
          let pointNodes = reader.sequence(pointsNode, context: "points of \(context)")
        {
          for pointNode in pointNodes {
            guard let point = reader.mapping(pointNode, allowed: ["value", "label"], context: "a point of \(context)"),
              let value = reader.integer(point, "value", context: "a point of \(context)"),
              let label = reader.string(point, "label", context: "a point of \(context)")
            else { continue }
            if let last = points.last, value <= last.value {
              reader.error(at: point["value"], "\(context): values must increase, but \(value) follows \(last.value)")
            }
            points.append(Scale.Point(value: value, label: label))
          }
          if points.count < 2 {
            reader.error(at: pointsNode, "\(context) needs at least two points (values with labels)")
          }
        } else if fields["points"] == nil {
          reader.error(at: fields.node, "\(context) has no values: add 'points' with at least two values and labels")
        }
        var missing: [String] = []
        if let node = fields["missing"] {
          missing = missingReferences(node, context: "missing of \(context)", missingCodes: missingCodes)
        }
        if points.count >= 2 {
          scales[id] = Scale(id: id, points: points, missingCodes: missing)
        }
      }
      return scales
    }

    mutating func questionList(_ node: Node, scales: [String: Scale], missingCodes: [MissingCode]) -> (
      [Question], [Question.ID: Node]
    ) {
      guard let items = reader.sequence(node, context: "questions") else { return ([], [:]) }
      var questions: [Question] = []
      var nodes: [Question.ID: Node] = [:]
      for item in items {
        guard let fields = reader.mapping(item, allowed: questionKeys, context: "a question"),
          let idText = reader.string(fields, "id", context: "a question")
        else { continue }
        let id = Question.ID(rawValue: idText)
        let context = "question '\(idText)'"
        if !idText.isIdentifier() {
          reader.error(at: fields["id"], "question id '\(idText)' must use lower-case letters, digits and '_'")
        }
        if nodes[id] != nil {
          reader.error(at: fields["id"], "duplicate question id '\(idText)'")
          continue
        }
        nodes[id] = item
        if let question = self.question(id, fields, context: context, scales: scales, missingCodes: missingCodes) {
          questions.append(question)
        } else {
          // Keep a placeholder so later items referring to this one are not also reported as unknown.
          questions.append(Question(id: id, text: "", kind: .text, isRequired: false))
          placeholders.insert(id)
        }
      }
      return (questions, nodes)
    }

    mutating func question(
      _ id: Question.ID, _ fields: YAMLReader.Fields, context: String, scales: [String: Scale],
      missingCodes: [MissingCode]
    ) -> Question? {
      let text = reader.string(fields, "text", context: context)
      guard let typeName = reader.string(fields, "type", context: context) else { return nil }
      guard typeNames.contains(typeName) else {
        let suggestion = YAMLReader.closest(to: typeName, in: typeNames).map { " (did you mean '\($0)'?)" } ?? ""
        reader.error(
          at: fields["type"],
          "unknown question type '\(typeName)' in \(context)\(suggestion); use one of \(typeNames.joined(separator: ", "))"
        )
        return nil
      }
      // Keys that belong to other types are errors: they would otherwise be silently ignored.
      let typeKeys: [String: [String]] = [
        "scale": ["scale"], "single_choice": ["choices"], "multiple_choice": ["choices"], "number": ["min", "max"],
      ]
      for key in ["scale", "choices", "min", "max"]
      where fields[key] != nil && !(typeKeys[typeName] ?? []).contains(key) {
        reader.error(at: fields.keyNodes[key], "'\(key)' does not apply to \(context) of type \(typeName)")
      }

      var kind: Question.Kind?
      var defaultMissing = missingCodes.map(\.code)
      switch typeName {
      case "consent":
        kind = .consent
        defaultMissing = []
      case "grade": kind = .grade
      case "yes_no": kind = .yesNo
      case "text":
        kind = .text
        defaultMissing = []
      case "scale":
        if let scaleID = reader.string(fields, "scale", context: context) {
          if let scale = scales[scaleID] {
            kind = .scale(scale)
            defaultMissing = scale.missingCodes
          } else {
            reader.error(
              at: fields["scale"], "\(context) names scale '\(scaleID)', which is not defined (or has no values)")
          }
        }
      case "single_choice", "multiple_choice":
        if let choicesNode = fields["choices"] {
          let choices = choiceList(choicesNode, context: context, missingCodes: missingCodes)
          if !choices.isEmpty { kind = .choice(choices, allowsMultiple: typeName == "multiple_choice") }
        } else {
          reader.error(at: fields.node, "\(context) of type \(typeName) needs 'choices'")
        }
      case "number":
        let minimum = reader.integer(fields, "min", context: context)
        let maximum = reader.integer(fields, "max", context: context)
        if let minimum, let maximum {
          if minimum <= maximum {
            kind = .number(minimum...maximum)
          } else {
            reader.error(at: fields["max"], "\(context): max \(maximum) is below min \(minimum)")
          }
        }
      default: break
      }
      let isRequired = reader.bool(fields, "required", context: context) ?? (typeName != "text")
      if typeName == "consent", isRequired == false {
        reader.error(at: fields["required"], "the consent question cannot be optional")
      }
      var missing = defaultMissing
      if let node = fields["missing"] {
        missing = missingReferences(node, context: "missing of \(context)", missingCodes: missingCodes)
        if typeName == "text" || typeName == "consent", !missing.isEmpty {
          reader.error(at: node, "\(context) of type \(typeName) cannot take missing codes")
        }
      }
      var aliases: [String] = []
      if let node = fields["aliases"] { aliases = reader.strings(node, context: "aliases of \(context)") ?? [] }
      var conditions: [Question.Condition] = []
      if let node = fields["show_if"] { conditions = self.conditions(node, owner: id, context: context) }
      // An empty instruction is refused by the reader, as every empty text is.
      let instruction = reader.string(fields, "instruction", context: context, required: false)?
        .trimmingCharacters(in: .whitespacesAndNewlines)
      guard let kind, let text else { return nil }
      return Question(
        id: id, text: text, kind: kind, isRequired: isRequired, missingCodes: missing, showIf: conditions,
        aliases: aliases, instruction: instruction)
    }

    mutating func choiceList(_ node: Node, context: String, missingCodes: [MissingCode]) -> [Choice] {
      guard let items = reader.sequence(node, context: "choices of \(context)") else { return [] }
      if items.isEmpty { reader.error(at: node, "\(context) has an empty choice list") }
      var choices: [Choice] = []
      for item in items {
        guard let fields = reader.mapping(item, allowed: ["code", "label"], context: "a choice of \(context)"),
          let code = reader.string(fields, "code", context: "a choice of \(context)"),
          let label = reader.string(fields, "label", context: "choice '\(code)' of \(context)")
        else { continue }
        if !code.isIdentifier() {
          reader.error(at: fields["code"], "choice code '\(code)' must use lower-case letters, digits and '_'")
        } else if choices.contains(where: { $0.code == code }) {
          reader.error(at: fields["code"], "choice code '\(code)' appears twice in \(context)")
        } else if missingCodes.contains(where: { $0.code == code }) {
          reader.error(at: fields["code"], "choice code '\(code)' in \(context) is also a missing code")
        } else {
          choices.append(Choice(code: code, label: label))
        }
      }
      return choices
    }

    /// Questions that failed to parse: kept for references, never checked against (their errors are reported).
    var placeholders: Set<Question.ID> = []

    /// The node of each `show_if` entry per question, in order, for the routing check's locations.
    var conditionNodes: [Question.ID: [Node]] = [:]

    mutating func conditions(_ node: Node, owner: Question.ID, context: String) -> [Question.Condition] {
      let entries: [Node]
      if case .sequence(let sequence) = node {
        entries = Array(sequence)
        if entries.isEmpty { reader.error(at: node, "show_if of \(context) is an empty list") }
      } else {
        entries = [node]
      }
      var result: [Question.Condition] = []
      for entry in entries {
        guard let fields = reader.mapping(entry, allowed: ["item", "equals", "in"], context: "show_if of \(context)"),
          let item = reader.string(fields, "item", context: "show_if of \(context)")
        else { continue }
        var values: [String] = []
        switch (fields["equals"], fields["in"]) {
        case (let equals?, nil):
          if let value = equals.scalar?.string {
            values = [value]
          } else {
            reader.error(at: equals, "'equals' in show_if of \(context) must be a single value")
          }
        case (nil, let list?):
          values = reader.strings(list, context: "'in' of show_if of \(context)") ?? []
          if values.isEmpty { reader.error(at: list, "'in' in show_if of \(context) needs at least one value") }
        case (nil, nil):
          reader.error(at: entry, "show_if of \(context) needs 'equals: value' or 'in: [values]'")
        case (_?, _?):
          reader.error(at: entry, "show_if of \(context) takes 'equals' or 'in', not both")
        }
        let condition = Question.Condition(item: Question.ID(rawValue: item), values: values)
        conditionNodes[owner, default: []].append(fields["item"] ?? entry)
        result.append(condition)
      }
      return result
    }

    /// Unknown and later items in `show_if`, impossible values, and cycles.
    mutating func checkRouting(_ questions: [Question], nodes: [Question.ID: Node]) {
      let index = Dictionary(uniqueKeysWithValues: questions.enumerated().map { ($1.id, $0) })
      for (position, question) in questions.enumerated() {
        for (number, condition) in question.showIf.enumerated() {
          let node = conditionNodes[question.id].flatMap { number < $0.count ? $0[number] : nil } ?? nodes[question.id]
          guard let target = index[condition.item] else {
            reader.error(at: node, "show_if of question '\(question.id)' names unknown item '\(condition.item)'")
            continue
          }
          if target == position {
            reader.error(at: node, "show_if of question '\(question.id)' refers to the question itself")
            continue
          }
          if target > position {
            reader.error(
              at: node,
              "show_if of question '\(question.id)' names item '\(condition.item)', which comes later; routing may only depend on earlier answers"
            )
          }
          let possible = Self.possibleValues(of: questions[target])
          if placeholders.contains(condition.item) {
            continue
          } else if let possible {
            for value in condition.values where !possible.contains(value) {
              reader.error(
                at: node,
                "show_if of question '\(question.id)' expects '\(value)' from '\(condition.item)', which cannot be answered that way (possible: \(possible.joined(separator: ", ")))"
              )
            }
          } else {
            reader.error(
              at: node,
              "show_if of question '\(question.id)' depends on '\(condition.item)', a \(questions[target].kind.typeName) question; routing needs consent, yes_no, scale or choice items"
            )
          }
        }
      }
      for cycle in Self.cycles(in: questions) {
        let path = (cycle + [cycle[0]]).map(\.rawValue).joined(separator: " → ")
        reader.error(at: nodes[cycle[0]], "routing cycle: \(path)")
      }
    }

    static func possibleValues(of question: Question) -> [String]? {
      switch question.kind {
      case .consent, .yesNo: [CanonicalSpelling.yes, CanonicalSpelling.no]
      case .scale(let scale): scale.points.map { String($0.value) }
      case .choice(let choices, _): choices.map(\.code)
      case .grade: (1...10).map(String.init)
      case .number, .text: nil
      }
    }

    /// Each cycle in the `show_if` graph once, starting from its earliest question.
    static func cycles(in questions: [Question]) -> [[Question.ID]] {
      let known = Set(questions.map(\.id))
      let edges = Dictionary(
        questions.map { ($0.id, $0.showIf.map(\.item).filter(known.contains)) }, uniquingKeysWith: { a, _ in a })
      var state: [Question.ID: Int] = [:]  // 1 = on the stack, 2 = done
      var stack: [Question.ID] = []
      var found: [[Question.ID]] = []
      func visit(_ id: Question.ID) {
        state[id] = 1
        stack.append(id)
        for next in edges[id] ?? [] where next != id {
          if state[next] == 1, let start = stack.firstIndex(of: next) {
            found.append(Array(stack[start...]))
          } else if state[next] == nil {
            visit(next)
          }
        }
        stack.removeLast()
        state[id] = 2
      }
      for question in questions where state[question.id] == nil { visit(question.id) }
      let order = Dictionary(uniqueKeysWithValues: questions.enumerated().map { ($1.id, $0) })
      return found.map { cycle in
        let start = cycle.indices.min { order[cycle[$0]] ?? 0 < order[cycle[$1]] ?? 0 } ?? 0
        return Array(cycle[start...] + cycle[..<start])
      }
    }

    mutating func checkConsent(_ questions: [Question], nodes: [Question.ID: Node], questionsNode: Node?) {
      let consents = questions.filter { $0.kind == .consent }
      guard !questions.isEmpty else { return }
      if consents.isEmpty {
        reader.error(
          at: questionsNode, "the questionnaire has no consent question; the first question must be of type consent")
      } else if questions[0].kind != .consent {
        reader.error(at: nodes[consents[0].id], "the consent question '\(consents[0].id)' must be the first question")
      }
      for extra in consents.dropFirst() {
        reader.error(at: nodes[extra.id], "question '\(extra.id)': there can be only one consent question")
      }
    }

    mutating func checkAliases(_ questions: [Question], nodes: [Question.ID: Node]) {
      var owner: [String: Question.ID] = [:]
      for question in questions where !placeholders.contains(question.id) {
        for alias in question.importAliases {
          let key = alias.lowercased()
          if let first = owner[key], first != question.id {
            reader.error(
              at: nodes[question.id],
              "question '\(question.id)' and question '\(first)' share the import alias \"\(alias)\"; an export column could not be told apart"
            )
          } else {
            owner[key] = question.id
          }
        }
      }
    }

    mutating func scoreRule(_ node: Node, questions: [Question]) -> ScoreRule? {
      guard let fields = reader.mapping(node, allowed: ["grade", "aspects", "topics"], context: "score") else {
        return nil
      }
      let byID = Dictionary(questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
      var rule: ScoreRule?
      if let grade = reader.string(fields, "grade", context: "score") {
        let id = Question.ID(rawValue: grade)
        if let question = byID[id] {
          if question.kind == .grade {
            rule = ScoreRule(grade: id)
          } else if !placeholders.contains(id) {
            reader.error(
              at: fields["grade"],
              "score.grade names '\(grade)', a \(question.kind.typeName) question; it must be a grade question")
          }
        } else {
          reader.error(at: fields["grade"], "score.grade names item '\(grade)', which does not exist")
        }
      }
      if let aspectsNode = fields["aspects"], let aspects = reader.strings(aspectsNode, context: "score.aspects") {
        for aspect in aspects {
          guard let question = byID[Question.ID(rawValue: aspect)] else {
            reader.error(at: aspectsNode, "score.aspects names item '\(aspect)', which does not exist")
            continue
          }
          guard case .scale = question.kind else {
            if !placeholders.contains(question.id) {
              reader.error(
                at: aspectsNode,
                "score.aspects names '\(aspect)', a \(question.kind.typeName) question; aspects must be scale questions"
              )
            }
            continue
          }
        }
        rule?.aspects = aspects.map(Question.ID.init(rawValue:))
      }
      if let topicsNode = fields["topics"], let topics = reader.strings(topicsNode, context: "score.topics") {
        var seen = Set<String>()
        for topic in topics {
          guard seen.insert(topic).inserted else {
            reader.error(at: topicsNode, "score.topics names '\(topic)' twice")
            continue
          }
          guard let question = byID[Question.ID(rawValue: topic)] else {
            reader.error(at: topicsNode, "score.topics names item '\(topic)', which does not exist")
            continue
          }
          if rule?.aspects.contains(question.id) == true || rule?.grade == question.id {
            reader.error(
              at: topicsNode,
              "score.topics names '\(topic)', which is already the grade or an aspect; an item is reported once")
            continue
          }
          switch question.kind {
          case .yesNo, .choice, .scale: break
          case .consent, .grade, .number, .text:
            if !placeholders.contains(question.id) {
              reader.error(
                at: topicsNode,
                "score.topics names '\(topic)', a \(question.kind.typeName) question; topics must be yes_no, "
                  + "single_choice, multiple_choice or scale questions")
            }
          }
        }
        rule?.topics = topics.map(Question.ID.init(rawValue:))
      }
      return rule
    }
  }
}

extension URL {
  /// The path relative to the working directory when it lies below it, for short messages.
  public var relativePathForMessages: String {
    let cwd = FileManager.default.currentDirectoryPath
    let path = standardizedFileURL.path
    if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
    return path
  }
}
