import Foundation
import Yams

/// The explanation (*toelichting*) that Veilig Thuis and the municipalities write per burap period and indicator:
/// Veilig Thuis' interpretation (*duiding*), the joint analysis (*gezamenlijke analyse*) and the actions agreed
/// (*acties*), each with an owner and a status. Read from a YAML file such as `toelichting-2026.yaml`.
///
/// A red light calls for a joint analysis and agreed actions rather than a verdict (seeds 000 and 002); an action
/// stays on the agenda of every later burap until it is closed, so a period's entry only states what changed:
/// an action is agreed once with all its fields and later periods name it by its id with the fields that changed.
///
/// Free text is masked for identifiers on reading, because the report publishes it.
public struct Toelichting: Hashable, Sendable {
  /// Where an agreed action stands.
  public enum ActionStatus: String, CaseIterable, Hashable, Sendable {
    case gepland
    case lopend
    case afgerond
    case vervallen

    /// Closed actions are not carried into later periods.
    public var isClosed: Bool { self == .afgerond || self == .vervallen }
  }

  /// An action as one period's entry writes it: all fields when it is agreed, only the changed ones in an update.
  public struct ActionEntry: Hashable, Sendable {
    public var id: String
    public var actie: String?
    public var eigenaar: String?
    public var status: ActionStatus?

    public init(id: String, actie: String? = nil, eigenaar: String? = nil, status: ActionStatus? = nil) {
      self.id = id
      self.actie = actie
      self.eigenaar = eigenaar
      self.status = status
    }
  }

  /// One indicator's explanation in one period.
  public struct Entry: Hashable, Sendable {
    public var duiding: String?
    public var analyse: String?
    public var acties: [ActionEntry]

    public init(duiding: String? = nil, analyse: String? = nil, acties: [ActionEntry] = []) {
      self.duiding = duiding
      self.analyse = analyse
      self.acties = acties
    }
  }

  /// One burap period's entries, by indicator id.
  public struct PeriodEntry: Hashable, Sendable {
    public var period: Period
    public var indicators: [String: Entry]

    public init(period: Period, indicators: [String: Entry]) {
      self.period = period
      self.indicators = indicators
    }
  }

  /// The periods, oldest first.
  public var periods: [PeriodEntry]
  /// The kinds of identifiers masked in the file's text, in order of first occurrence (empty: none).
  public var masked: [PersonalDataKind]

  public init(periods: [PeriodEntry], masked: [PersonalDataKind] = []) {
    self.periods = periods.sorted { Self.order($0.period) < Self.order($1.period) }
    self.masked = masked
  }

  /// Burap periods in time order: year, then T1, T2, the year.
  static func order(_ period: Period) -> (Int, Int) {
    (period.first.year, period.burapIndex ?? 0)
  }

  // MARK: - Carrying actions

  /// An action as a period's report shows it: its latest fields and the period in which it was agreed.
  public struct CarriedAction: Hashable, Sendable {
    public var id: String
    public var actie: String
    public var eigenaar: String
    public var status: ActionStatus
    /// The name of the period in which it was agreed: `2026-T1`.
    public var since: String
    /// Whether it was closed in the report's own period (shown this once, as closed).
    public var closedInPeriod: Bool

    public init(
      id: String, actie: String, eigenaar: String, status: ActionStatus, since: String, closedInPeriod: Bool = false
    ) {
      self.id = id
      self.actie = actie
      self.eigenaar = eigenaar
      self.status = status
      self.since = since
      self.closedInPeriod = closedInPeriod
    }
  }

  /// What a period's report shows for one indicator.
  public struct Explanation: Hashable, Sendable {
    public var indicatorID: String
    /// The period's own interpretation; earlier periods' texts are not repeated.
    public var duiding: String?
    public var analyse: String?
    /// Open actions of this and earlier periods, and those closed in this period; oldest agreement first.
    public var actions: [CarriedAction]

    public init(indicatorID: String, duiding: String?, analyse: String?, actions: [CarriedAction]) {
      self.indicatorID = indicatorID
      self.duiding = duiding
      self.analyse = analyse
      self.actions = actions
    }

    public var isEmpty: Bool { duiding == nil && analyse == nil && actions.isEmpty }
  }

  /// The explanations for the report of `period`, in the order of `indicatorOrder` (ids not in it last, sorted):
  /// the period's own duiding and analyse, and every action of it and of earlier periods in the file that was not
  /// closed before it, with its latest fields. An action closed in `period` itself is shown once more.
  public func explanations(for period: Period, indicatorOrder: [String] = []) -> [Explanation] {
    let key = Self.order(period)
    let upToPeriod = periods.filter { Self.order($0.period) <= key }
    let current = upToPeriod.last.flatMap { Self.order($0.period) == key ? $0 : nil }
    var ids = Set<String>()
    for entry in upToPeriod { ids.formUnion(entry.indicators.keys) }
    let ordered =
      indicatorOrder.filter(ids.contains) + ids.subtracting(indicatorOrder).sorted()
    var result: [Explanation] = []
    for id in ordered {
      let actions = carriedActions(of: id, in: upToPeriod, current: key)
      let own = current?.indicators[id]
      let explanation = Explanation(
        indicatorID: id, duiding: own?.duiding, analyse: own?.analyse, actions: actions)
      if !explanation.isEmpty { result.append(explanation) }
    }
    return result
  }

  private func carriedActions(of indicator: String, in entries: [PeriodEntry], current: (Int, Int))
    -> [CarriedAction]
  {
    var order: [String] = []
    var actions: [String: CarriedAction] = [:]
    // The actions closed as the periods before the report's own period left them.
    var closedBefore: Set<String> = []
    for entry in entries {
      if Self.order(entry.period) == current {
        closedBefore = Set(actions.filter { $0.value.status.isClosed }.keys)
      }
      for written in entry.indicators[indicator]?.acties ?? [] {
        if var action = actions[written.id] {
          if let actie = written.actie { action.actie = actie }
          if let eigenaar = written.eigenaar { action.eigenaar = eigenaar }
          if let status = written.status { action.status = status }
          actions[written.id] = action
        } else if let actie = written.actie, let eigenaar = written.eigenaar, let status = written.status {
          // The parser guarantees that an action's first mention has every field.
          order.append(written.id)
          actions[written.id] = CarriedAction(
            id: written.id, actie: actie, eigenaar: eigenaar, status: status, since: entry.period.name)
        }
      }
    }
    if entries.last.map({ Self.order($0.period) != current }) ?? true {
      // The file says nothing of the report's own period: what was closed stays closed and out of sight.
      closedBefore = Set(actions.filter { $0.value.status.isClosed }.keys)
    }
    return order.compactMap { id in
      guard var action = actions[id] else { return nil }
      guard action.status.isClosed else { return action }
      guard !closedBefore.contains(id) else { return nil }
      action.closedInPeriod = true
      return action
    }
  }

  // MARK: - Reading

  static let rootKeys = ["periods"]
  static let entryKeys = ["duiding", "analyse", "acties"]
  static let actionKeys = ["id", "actie", "eigenaar", "status"]

  /// Parses and validates a toelichting file against the indicator set; every problem is reported with its line.
  public static func parse(
    _ text: String, file: String, indicators: IndicatorSet, masking: IdentifierMasking = .standard
  ) -> (Toelichting?, [Diagnostic]) {
    var reader = YAMLReader(file: file)
    guard let root = reader.compose(text),
      let fields = reader.mapping(root, allowed: rootKeys, context: "the toelichting file")
    else { return (nil, reader.diagnostics) }
    guard let periodsNode = fields["periods"] else {
      reader.error(at: root, "the toelichting file is missing the required key 'periods'")
      return (nil, reader.diagnostics)
    }
    guard case .mapping(let periodMapping) = periodsNode else {
      reader.error(at: periodsNode, "'periods' must map burap periods (2026-T1, 2026-T2, 2026) to their indicators")
      return (nil, reader.diagnostics)
    }
    var masked: [PersonalDataKind] = []
    func maskedText(_ fields: YAMLReader.Fields, _ key: String, context: String, required: Bool) -> String? {
      guard let value = reader.string(fields, key, context: context, required: required) else { return nil }
      let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
      if trimmed.isEmpty {
        reader.error(at: fields[key], "'\(key)' in \(context) is empty; write the text, or leave the key out")
        return nil
      }
      let result = masking.mask(trimmed)
      for kind in result.masked where !masked.contains(kind) { masked.append(kind) }
      return result.text
    }

    // The periods in time order, so that an update can be checked against what was agreed before it.
    var parsedPeriods: [(period: Period, keyNode: Node, value: Node)] = []
    for (keyNode, value) in periodMapping {
      let name = keyNode.scalar?.string ?? ""
      guard name.count >= 4, let period = Period(name), period.burapIndex != nil else {
        reader.error(
          at: keyNode, "'\(name)' is not a burap period; use 2026-T1 (January–April), 2026-T2 (January–August) or 2026")
        continue
      }
      if let earlier = parsedPeriods.first(where: { order($0.period) == order(period) }) {
        reader.error(
          at: keyNode, "period \(period.name) appears twice (also as \(earlier.period.name)); give each period once")
        continue
      }
      parsedPeriods.append((period, keyNode, value))
    }
    parsedPeriods.sort { order($0.period) < order($1.period) }

    let known = indicators.indicators.map(\.id)
    // Per indicator, the action ids agreed in an earlier period.
    var agreed: [String: Set<String>] = [:]
    var result: [PeriodEntry] = []
    for (period, _, value) in parsedPeriods {
      guard case .mapping(let indicatorMapping) = value else {
        reader.error(at: value, "period \(period.name) must map indicator ids (pi5, pi6, …) to their toelichting")
        continue
      }
      var entries: [String: Entry] = [:]
      var agreedHere: [String: Set<String>] = [:]
      for (idNode, entryNode) in indicatorMapping {
        let id = idNode.scalar?.string ?? ""
        guard known.contains(id) else {
          let suggestion = YAMLReader.closest(to: id, in: known).map { " (did you mean '\($0)'?)" } ?? ""
          reader.error(
            at: idNode,
            "'\(id)' in \(period.name) is not an indicator of indicators.yaml\(suggestion); "
              + "the indicators are \(known.joined(separator: ", "))")
          continue
        }
        let context = "\(id) in \(period.name)"
        guard let entryFields = reader.mapping(entryNode, allowed: entryKeys, context: context) else { continue }
        if entryFields.values.isEmpty {
          reader.error(at: entryNode, "\(context) is empty; give duiding, analyse or acties, or leave it out")
        }
        var entry = Entry(
          duiding: maskedText(entryFields, "duiding", context: context, required: false),
          analyse: maskedText(entryFields, "analyse", context: context, required: false))
        if let actionsNode = entryFields["acties"],
          let items = reader.sequence(actionsNode, context: "acties of \(context)")
        {
          var seen: Set<String> = []
          for item in items {
            guard let actionFields = reader.mapping(item, allowed: actionKeys, context: "an action of \(context)")
            else { continue }
            guard let actionID = reader.string(actionFields, "id", context: "an action of \(context)") else {
              continue
            }
            guard actionID.isIdentifier(allowsHyphen: true) else {
              reader.error(
                at: actionFields["id"],
                "action id '\(actionID)' in \(context) must be lower-case letters, digits, '-' or '_', "
                  + "starting with a letter (such as bereikbaarheid-melding)")
              continue
            }
            guard seen.insert(actionID).inserted else {
              reader.error(at: actionFields["id"], "action id '\(actionID)' appears twice in \(context)")
              continue
            }
            let actionContext = "action '\(actionID)' of \(context)"
            var status: ActionStatus?
            if let statusNode = actionFields["status"] {
              let word = statusNode.scalar?.string ?? ""
              status = ActionStatus(rawValue: word)
              if status == nil {
                let allowed = ActionStatus.allCases.map(\.rawValue)
                let suggestion = YAMLReader.closest(to: word, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
                reader.error(
                  at: statusNode,
                  "status '\(word)' of \(actionContext) is not a status\(suggestion); "
                    + "use \(allowed.joined(separator: ", "))")
              }
            }
            let action = ActionEntry(
              id: actionID, actie: maskedText(actionFields, "actie", context: actionContext, required: false),
              eigenaar: maskedText(actionFields, "eigenaar", context: actionContext, required: false), status: status)
            let isUpdate = agreed[id, default: []].contains(actionID)
            if isUpdate {
              if actionFields["actie"] == nil && actionFields["eigenaar"] == nil && actionFields["status"] == nil {
                reader.error(
                  at: item,
                  "\(actionContext) updates an action agreed earlier but changes nothing; "
                    + "give the changed actie, eigenaar or status, or leave it out")
              }
            } else {
              let missing = ["actie", "eigenaar", "status"].filter { actionFields[$0] == nil }
              if !missing.isEmpty {
                reader.error(
                  at: item,
                  "\(actionContext) lacks \(missing.joined(separator: ", ")): no earlier period agrees an action "
                    + "'\(actionID)' for \(id), so this is a new action and needs actie, eigenaar and status "
                    + "(is the id misspelt, or is the earlier period missing?)")
              }
              agreedHere[id, default: []].insert(actionID)
            }
            entry.acties.append(action)
          }
        }
        entries[id] = entry
      }
      for (id, actionIDs) in agreedHere { agreed[id, default: []].formUnion(actionIDs) }
      result.append(PeriodEntry(period: period, indicators: entries))
    }
    guard !reader.diagnostics.hasErrors else { return (nil, reader.diagnostics) }
    return (Toelichting(periods: result, masked: masked), reader.diagnostics)
  }
}
