import Foundation
import Yams

/// Walks a composed YAML tree, collecting diagnostics with the line and column of every problem.
///
/// Reading the node tree instead of decoding with `Codable` is what lets unknown keys be reported where they
/// stand, and lets all problems of a file be reported at once instead of stopping at the first.
struct YAMLReader {
  let file: String
  private(set) var diagnostics: [Diagnostic] = []

  init(file: String) {
    self.file = file
  }

  /// Parses the text into a node tree, or records the syntax error.
  mutating func compose(_ text: String) -> Node? {
    do {
      // Every value is read as the text it is written as (`Int(scalar.string)` where a number is asked), so no
      // scalar's type is worked out: Yams's default resolver tried its regular expressions on every scalar (a
      // report parses every stored definition before its scan).
      guard let node = try Yams.compose(yaml: text, .basic) else {
        error(at: nil, "the file is empty")
        return nil
      }
      return node
    } catch let yamlError as YamlError {
      let (mark, problem) = Self.describe(yamlError)
      diagnostics.append(
        Diagnostic(.error, at: Diagnostic.Location(file: file, line: mark?.line, column: mark?.column), problem))
      return nil
    } catch {
      self.error(at: nil, "cannot read YAML: \(error)")
      return nil
    }
  }

  private static func describe(_ error: YamlError) -> (Mark?, String) {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let detail = context.map { "\($0.text) " } ?? ""
      return (mark, "invalid YAML: \(detail)\(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      return (context.mark, "duplicate key \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", "))")
    case .reader(let problem, _, _, _):
      return (nil, "cannot read the file: \(problem)")
    default:
      return (nil, "invalid YAML: \(error)")
    }
  }

  func location(_ node: Node?) -> Diagnostic.Location {
    Diagnostic.Location(file: file, line: node?.mark?.line, column: node?.mark?.column)
  }

  mutating func error(at node: Node?, _ message: String) {
    diagnostics.append(Diagnostic(.error, at: location(node), message))
  }

  mutating func warning(at node: Node?, _ message: String) {
    diagnostics.append(Diagnostic(.warning, at: location(node), message))
  }

  mutating func note(at node: Node?, _ message: String) {
    diagnostics.append(Diagnostic(.note, at: location(node), message))
  }

  /// A mapping's entries by key, reporting keys outside `allowed` (with a suggestion) and duplicate keys.
  mutating func mapping(_ node: Node, allowed: [String], context: String) -> Fields? {
    guard case .mapping(let mapping) = node else {
      error(at: node, "\(context) must be a mapping of keys to values")
      return nil
    }
    var fields = Fields(node: node)
    for (keyNode, value) in mapping {
      guard let key = keyNode.scalar?.string else {
        error(at: keyNode, "\(context) has a key that is not a plain name")
        continue
      }
      guard allowed.contains(key) else {
        let suggestion = Self.closest(to: key, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
        error(
          at: keyNode,
          "unknown key '\(key)' in \(context)\(suggestion); allowed keys: \(allowed.joined(separator: ", "))")
        continue
      }
      if fields.values[key] != nil {
        error(at: keyNode, "key '\(key)' appears twice in \(context)")
        continue
      }
      fields.values[key] = value
      fields.keyNodes[key] = keyNode
    }
    return fields
  }

  mutating func string(_ fields: Fields, _ key: String, context: String, required: Bool = true) -> String? {
    guard let node = fields.values[key] else {
      if required { error(at: fields.node, "\(context) is missing the required key '\(key)'") }
      return nil
    }
    guard let scalar = node.scalar, !scalar.string.isEmpty else {
      error(at: node, "'\(key)' in \(context) must be a non-empty text")
      return nil
    }
    return scalar.string
  }

  mutating func integer(_ fields: Fields, _ key: String, context: String, required: Bool = true) -> Int? {
    guard let node = fields.values[key] else {
      if required { error(at: fields.node, "\(context) is missing the required key '\(key)'") }
      return nil
    }
    guard let value = node.scalar.flatMap({ Int($0.string) }) else {
      error(at: node, "'\(key)' in \(context) must be a whole number")
      return nil
    }
    return value
  }

  mutating func number(_ node: Node, context: String) -> Double? {
    guard let value = node.scalar.flatMap({ Double($0.string) }), value.isFinite else {
      error(at: node, "\(context) must be a number")
      return nil
    }
    return value
  }

  mutating func bool(_ fields: Fields, _ key: String, context: String) -> Bool? {
    guard let node = fields.values[key] else { return nil }
    switch node.scalar?.string.lowercased() {
    case "true", "yes": return true
    case "false", "no": return false
    default:
      error(at: node, "'\(key)' in \(context) must be true or false")
      return nil
    }
  }

  mutating func sequence(_ node: Node, context: String) -> [Node]? {
    guard case .sequence(let sequence) = node else {
      error(at: node, "\(context) must be a list")
      return nil
    }
    return Array(sequence)
  }

  /// A list of plain texts, such as `[weet_niet, nvt]`.
  mutating func strings(_ node: Node, context: String) -> [String]? {
    guard let items = sequence(node, context: context) else { return nil }
    var result: [String] = []
    for item in items {
      guard let text = item.scalar?.string, !text.isEmpty else {
        error(at: item, "every entry of \(context) must be a non-empty text")
        continue
      }
      result.append(text)
    }
    return result
  }

  /// The allowed word closest to a misspelt one, if it is close enough to be a likely typo.
  static func closest(to word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
    return best.0
  }

  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }

  /// The entries of one mapping, with the nodes of keys and values for locations.
  struct Fields {
    let node: Node
    var values: [String: Node] = [:]
    var keyNodes: [String: Node] = [:]

    subscript(key: String) -> Node? { values[key] }
  }
}

extension String {
  /// Whether the text is an identifier: lower-case letter first, then lower-case letters, digits or `_`
  /// (and `-` when `allowsHyphen`).
  func isIdentifier(allowsHyphen: Bool = false) -> Bool {
    guard let first = unicodeScalars.first, ("a"..."z").contains(first) else { return false }
    return unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || (allowsHyphen && $0 == "-")
    }
  }
}

/// "Did you mean …?" for a word that is not one of the allowed ones, in every file a user writes by hand.
public enum Suggestion {
  /// The allowed word closest to a misspelt one, if it is close enough to be a likely typo.
  public static func closest(to word: String, in candidates: [String]) -> String? {
    YAMLReader.closest(to: word, in: candidates)
  }
}
