/// The noise variance σ² that scales the change-in-mean cost.
public enum NoiseVariance: Sendable, Equatable, Codable {
    /// A given positive variance (1 reproduces ruptures `l2` and changepoint `cpt.mean` on raw data).
    case known(Double)
    /// Estimated robustly from first differences: `(1.4826 · median|Δy − median Δy| / √2)²`,
    /// which a change in mean barely affects (the differencing removes the level).
    case estimatedFromDifferences
}
