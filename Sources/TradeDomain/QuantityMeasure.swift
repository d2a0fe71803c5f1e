/// Which figure of a trade record serves as its quantity.
public enum QuantityMeasure: String, Codable, Sendable, CaseIterable {
    /// The quantity in the unit the source reports (`qty` with `qtyUnitCode`).
    case reported
    /// The net weight in kilograms (`netWgt`), estimated when `isNetWgtEstimated`.
    case netWeight = "net-weight"
}
