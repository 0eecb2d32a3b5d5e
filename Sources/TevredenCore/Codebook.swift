import Foundation

/// What each column of a questionnaire's export holds: for a researcher who opens the file in R, pandas, SPSS or
/// Excel without tevreden. One codebook per questionnaire, over every version of it that the export covers, with
/// its columns in the export's order (``ExchangeCSV/itemColumns(for:)``).
///
/// Figures only: the wording of the Markdown, CSV and JSON forms lives in the report module.
public struct Codebook: Hashable, Sendable {
  public var questionnaire: Questionnaire.ID
  /// The newest version's title and group.
  public var title: String
  public var audience: Audience
  public var group: String
  public var groupLabel: String
  /// The versions described, oldest first.
  public var versions: [Int]
  /// The missing codes of the newest version, with their labels.
  public var missingCodes: [MissingCode]
  /// The metadata columns that precede the items, in order.
  public var metadata: [MetadataColumn]
  /// One entry per item column, in the export's order.
  public var items: [Item]

  /// A metadata column of the export.
  public struct MetadataColumn: Hashable, Sendable {
    public var column: String
    public var role: MetadataRole
  }

  /// What a metadata column holds; its description is worded by the report module.
  public enum MetadataRole: String, Hashable, Sendable, CaseIterable {
    case responseID = "response_id"
    case questionnaire
    case version
    case audience
    case group
    case gemeente
    case mode
    case interviewer
    case startedAt = "started_at"
    case completedAt = "completed_at"
    case status
    case language
    case interpreter
  }

  /// One item column.
  public struct Item: Hashable, Sendable {
    public var id: Question.ID
    /// The question as the newest version that has the item asks it.
    public var text: String
    /// The texts older versions asked it with, where they differ: version and text, oldest first.
    public var earlierTexts: [VersionedText]
    /// The values older versions offered, where they differ from ``values`` (a scale whose labels changed): a cell
    /// of a response collected with such a version means what its version's label says. Oldest first.
    public var earlierValues: [VersionedValues] = []

    /// The versions whose values are ``values``: those of ``versions`` that ``earlierValues`` does not name.
    public var versionsWithValues: [Int] {
      let earlier = Set(earlierValues.flatMap(\.versions))
      return versions.filter { !earlier.contains($0) }
    }
    /// The YAML type name (``Question/Kind/typeName``).
    public var type: String
    /// The values a cell can hold and what each means: scale points, choice codes, `ja`/`nee`. Empty for a grade,
    /// a number or free text, whose ``range`` or type says it.
    public var values: [Value]
    /// For a grade or a number: the lowest and highest value.
    public var range: ClosedRange<Double>?
    /// Whether a multiple-choice cell may hold several codes, joined by `;`.
    public var allowsMultiple: Bool
    /// The missing codes this item accepts.
    public var missingCodes: [String]
    /// When the item is asked: each condition an earlier item and the values that ask it; empty when always.
    public var conditions: [Question.Condition]
    public var isRequired: Bool
    /// Whether the item makes the grade of PI 5 or 6, is one of its aspects, or neither.
    public var role: ItemRole?
    /// The versions that have the item, oldest first.
    public var versions: [Int]
  }

  public struct VersionedText: Hashable, Sendable {
    public var version: Int
    public var text: String
  }

  /// The values earlier versions offered for an item, and which versions offered them.
  public struct VersionedValues: Hashable, Sendable {
    public var versions: [Int]
    public var values: [Value]
  }

  /// A value a cell may hold, and its label.
  public struct Value: Hashable, Sendable {
    public var code: String
    public var label: String
  }

  public enum ItemRole: String, Hashable, Sendable {
    /// The overall grade: the figure of PI 5 or 6.
    case grade
    /// An aspect score (``ScoreRule/aspects``).
    case aspect
    /// A topic reported as shares (``ScoreRule/topics``).
    case topic
  }

  /// The codebook of one questionnaire over the given versions of it (all with the same id).
  ///
  /// - Precondition: `definitions` is not empty. Versions repeated are described once.
  public init(definitions: [Questionnaire]) {
    var byVersion: [Int: Questionnaire] = [:]
    for definition in definitions where byVersion[definition.version] == nil {
      byVersion[definition.version] = definition
    }
    let ordered = byVersion.keys.sorted().compactMap { byVersion[$0] }
    let newest = ordered[ordered.count - 1]
    questionnaire = newest.id
    title = newest.title
    audience = newest.audience
    group = newest.group
    groupLabel = newest.groupLabel
    versions = ordered.map(\.version)
    missingCodes = newest.missingCodes
    metadata = ExchangeCSV.metadataColumns.compactMap { column in
      MetadataRole(rawValue: column).map { MetadataColumn(column: column, role: $0) }
    }
    items = ExchangeCSV.itemColumns(for: ordered).compactMap { id in
      let holding = ordered.filter { $0.question(id) != nil }
      guard let latest = holding.last, let question = latest.question(id) else { return nil }
      var earlier: [VersionedText] = []
      for definition in holding.dropLast() {
        if let text = definition.question(id)?.text, text != question.text,
          earlier.last?.text != text
        {
          earlier.append(VersionedText(version: definition.version, text: text))
        }
      }
      var item = Item(
        question: question, rule: latest.scoreRule, earlierTexts: earlier, versions: holding.map(\.version))
      for definition in holding.dropLast() {
        guard let options = definition.question(id)?.answerOptions else { continue }
        let values = options.map { Value(code: $0.code, label: $0.label) }
        guard values != item.values else { continue }
        if let index = item.earlierValues.firstIndex(where: { $0.values == values }) {
          item.earlierValues[index].versions.append(definition.version)
        } else {
          item.earlierValues.append(VersionedValues(versions: [definition.version], values: values))
        }
      }
      return item
    }
  }
}

extension Codebook.Item {
  init(question: Question, rule: ScoreRule, earlierTexts: [Codebook.VersionedText], versions: [Int]) {
    id = question.id
    text = question.text
    self.earlierTexts = earlierTexts
    type = question.kind.typeName
    var values: [Codebook.Value] = []
    var range: ClosedRange<Double>?
    var allowsMultiple = false
    values = question.answerOptions.map { Codebook.Value(code: $0.code, label: $0.label) }
    switch question.kind {
    case .consent, .yesNo, .scale:
      break
    case .choice(_, let multiple):
      allowsMultiple = multiple
    case .grade:
      range = 1...10
    case .number(let numbers):
      range = Double(numbers.lowerBound)...Double(numbers.upperBound)
    case .text:
      break
    }
    self.values = values
    self.range = range
    self.allowsMultiple = allowsMultiple
    missingCodes = question.missingCodes
    conditions = question.showIf
    isRequired = question.isRequired
    role =
      rule.grade == question.id
      ? .grade : rule.aspects.contains(question.id) ? .aspect : rule.topics.contains(question.id) ? .topic : nil
    self.versions = versions
  }
}
