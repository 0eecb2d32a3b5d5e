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

  public static func protect(
    region: RegistrationFigure?, subgroups: [RegistrationFigure], unit: IndicatorSet.Unit, threshold: Int
  ) -> Protection {
    let withoutCount = subgroups.filter { $0.count == nil }.map(\.subgroup)
    var hidden = Set(withoutCount)
    for figure in subgroups where (figure.count ?? 0) < threshold { hidden.insert(figure.subgroup) }
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
      if let region, let regionCount = region.count {
        let restCount = regionCount - shown.reduce(0) { $0 + ($1.count ?? 0) }
        var pinned = false
        if unit == .percentage {
          let rest =
            numerator(region.value, count: regionCount)
            - shown.reduce(0) { $0 + numerator($1.value, count: $1.count ?? 0) }
          pinned = rest <= 0 || rest >= restCount
        }
        if restCount < threshold || pinned {
          hidden.insert(smallest.subgroup)
          continue
        }
      }
      break
    }
    return Protection(hidden: hidden, withoutCount: withoutCount)
  }
}
