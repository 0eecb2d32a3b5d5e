import Foundation

/// Disclosure control for the registration system's subgroups (a municipality's PI 7), which the report and
/// `tevreden indicators` publish beside the region's figure.
///
/// A subgroup's row shows a value and its n; for a percentage that gives its numerator (value × n / 100), and the
/// region's row gives the region's. Whatever is hidden is therefore known in sum: the region minus every shown
/// subgroup. The rules keep that sum from pointing at one subgroup:
///
/// 1. *Primary*: a subgroup over fewer than `disclosure_threshold` cases is hidden, value and n.
/// 2. *No n*: a subgroup without `n` cannot be checked, so it is hidden (and named, so nobody thinks it was lost).
/// 3. *Complementary*: while exactly one subgroup is hidden, or the hidden ones hold fewer than the threshold
///    together, or (for a percentage) their cases together are all or none of a kind (0% or 100%, which pins every
///    hidden value at once), the smallest shown subgroup is hidden too. The last two are checked only where the
///    region's n is published; without it the sum is unknown.
///
/// 4. *Earlier periods of the year*: see ``protect(_:earlier:unit:threshold:)``.
///
/// The region's own figure is never hidden, as in the surveys' tables.
public enum RegistrationDisclosure {
  /// The subgroups to hide, and those hidden for want of an n.
  public struct Protection: Hashable, Sendable {
    public var hidden: Set<String>
    public var withoutCount: [String]
  }

  /// The numerator a published percentage and n give away (rounded, as an intruder would).
  static func numerator(_ value: Double, count: Int) -> Int {
    Int((value * Double(count) / 100).rounded())
  }

  /// One period's published table of an indicator: the region's figure and its subgroups.
  public struct Table: Hashable, Sendable {
    public var region: RegistrationFigure?
    public var subgroups: [RegistrationFigure]

    public init(region: RegistrationFigure?, subgroups: [RegistrationFigure]) {
      self.region = region
      self.subgroups = subgroups
    }
  }

  /// The subgroups to hide in one period's table.
  public static func protect(
    region: RegistrationFigure?, subgroups: [RegistrationFigure], unit: IndicatorSet.Unit, threshold: Int
  ) -> Protection {
    protect(Table(region: region, subgroups: subgroups), earlier: [], unit: unit, threshold: threshold)
  }

  /// The subgroups to hide in `table`, given the tables of the same year published before it (T1 before T2, both
  /// before the year), which are protected first, each given the ones before it, as they were published.
  ///
  /// The burap periods are cumulative, so T2 minus T1 is May to August: besides rules 1–3 of the type's
  /// documentation, a subgroup hidden earlier in the year stays hidden (*sticky*); a subgroup shown earlier is hidden
  /// when it grew by 1 to `threshold − 1` cases since; and the hidden subgroups' joint growth since an earlier
  /// period, which the regions and the shown subgroups give away, must be none or at least `threshold` cases, and not
  /// all or none of a kind.
  public static func protect(_ table: Table, earlier: [Table], unit: IndicatorSet.Unit, threshold: Int)
    -> Protection
  {
    var published: [(table: Table, hidden: Set<String>)] = []
    for earlierTable in earlier {
      let hidden = protectOne(earlierTable, published: published, unit: unit, threshold: threshold).hidden
      published.append((earlierTable, hidden))
    }
    return protectOne(table, published: published, unit: unit, threshold: threshold)
  }

  private static func protectOne(
    _ table: Table, published: [(table: Table, hidden: Set<String>)], unit: IndicatorSet.Unit, threshold: Int
  ) -> Protection {
    let subgroups = table.subgroups
    let names = Set(subgroups.map(\.subgroup))
    let withoutCount = subgroups.filter { $0.count == nil }.map(\.subgroup)
    var hidden = Set(withoutCount)
    for figure in subgroups where (figure.count ?? 0) < threshold { hidden.insert(figure.subgroup) }
    for (earlierTable, earlierHidden) in published {
      // Sticky: shown now, a subgroup hidden before would be the one unknown in its own growth.
      hidden.formUnion(earlierHidden.intersection(names))
      for figure in subgroups where !earlierHidden.contains(figure.subgroup) {
        guard let now = figure.count,
          let before = earlierTable.subgroups.first(where: { $0.subgroup == figure.subgroup })?.count
        else { continue }
        if (1..<threshold).contains(now - before) { hidden.insert(figure.subgroup) }
      }
    }
    while !hidden.isEmpty {
      let shown = subgroups.filter { !hidden.contains($0.subgroup) }
      // The smallest shown subgroup (by n, then by name for a stable choice) is the cheapest to give up.
      guard
        let smallest = shown.min(by: { ($0.count ?? 0, $0.subgroup) < ($1.count ?? 0, $1.subgroup) })
      else { break }
      if hidden.count == 1 {
        hidden.insert(smallest.subgroup)
        continue
      }
      let rest = residual(table, shown: shown, unit: unit)
      if let rest, !safe(rest, threshold: threshold) {
        hidden.insert(smallest.subgroup)
        continue
      }
      let growths = published.compactMap { earlierTable, earlierHidden -> (count: Int, cases: Int?)? in
        let before = residual(
          earlierTable, shown: earlierTable.subgroups.filter { !earlierHidden.contains($0.subgroup) }, unit: unit)
        guard let rest, let before else { return nil }
        // What the intruder subtracts: the earlier residual, and the earlier figures of those hidden now but shown
        // then; what is left is the hidden subgroups' joint growth.
        let shownThen = earlierTable.subgroups.filter {
          hidden.contains($0.subgroup) && !earlierHidden.contains($0.subgroup)
        }
        let count = rest.count - before.count - shownThen.reduce(0) { $0 + ($1.count ?? 0) }
        let cases = zip3(rest.cases, before.cases, shownThen) { now, then, figures in
          now - then - figures.reduce(0) { $0 + numerator($1.value, count: $1.count ?? 0) }
        }
        return (count, cases)
      }
      if growths.contains(where: { $0.count > 0 && !safe($0, threshold: threshold) }) {
        hidden.insert(smallest.subgroup)
        continue
      }
      break
    }
    return Protection(hidden: hidden, withoutCount: withoutCount)
  }

  /// The region minus the shown subgroups: the hidden ones' cases in sum, and for a percentage their numerators in
  /// sum; `nil` where the region's n is not published.
  static func residual(_ table: Table, shown: [RegistrationFigure], unit: IndicatorSet.Unit)
    -> (count: Int, cases: Int?)?
  {
    guard let region = table.region, let regionCount = region.count else { return nil }
    let count = regionCount - shown.reduce(0) { $0 + ($1.count ?? 0) }
    guard unit == .percentage else { return (count, nil) }
    let cases =
      numerator(region.value, count: regionCount) - shown.reduce(0) { $0 + numerator($1.value, count: $1.count ?? 0) }
    return (count, cases)
  }

  /// A sum of hidden cells that says nothing of one of them: at least `threshold` cases, and (for a percentage) not
  /// all or none of them of a kind, which would pin every hidden value at once.
  static func safe(_ sum: (count: Int, cases: Int?), threshold: Int) -> Bool {
    guard sum.count >= threshold else { return false }
    guard let cases = sum.cases else { return true }
    return cases > 0 && cases < sum.count
  }

  private static func zip3<A, B, C, R>(_ a: A?, _ b: B?, _ c: C, _ combine: (A, B, C) -> R) -> R? {
    guard let a, let b else { return nil }
    return combine(a, b, c)
  }
}
