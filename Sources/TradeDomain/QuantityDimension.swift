/// What a quantity unit measures. Units convert only within one dimension.
///
/// Pairs are their own dimension: a pair of shoes is not two items in trade
/// statistics, so `2u` never converts to `u`. Units of ``other`` (packages,
/// head of animals, chemical-content kilograms, becquerels, ...) convert only
/// to themselves.
public enum QuantityDimension: String, Codable, Sendable, CaseIterable {
    /// Base unit kilogram.
    case mass
    /// Base unit one item.
    case count
    /// Pairs (`2u`); base unit one pair.
    case pairs
    /// Base unit litre.
    case volume
    /// Base unit square metre.
    case area
    /// Base unit metre.
    case length
    /// Base unit kilowatt-hour.
    case energy
    /// Not convertible to any other unit.
    case other
}
