/// The disturbance variances of a structural time-series model (statsmodels `sigma2.irregular`,
/// `sigma2.level`, `sigma2.trend`, `sigma2.seasonal`; R `StructTS` `coef`: `epsilon`, `level`,
/// `slope`, `seas`).
///
/// All are on the scale of the modelled series squared (log scale for a log model).
public struct StructuralVariances: Sendable, Equatable, Codable {
    /// σ²_ε, the irregular (observation) variance.
    public let irregular: Double
    /// σ²_η, the variance of the level disturbance.
    public let level: Double
    /// σ²_ζ, the variance of the slope disturbance; `nil` for a local level model.
    public let slope: Double?
    /// σ²_ω, the variance of the seasonal disturbance; `nil` without a seasonal.
    public let seasonal: Double?

    /// Variances.
    ///
    /// - Parameters:
    ///   - irregular: σ²_ε ≥ 0.
    ///   - level: σ²_η ≥ 0.
    ///   - slope: σ²_ζ ≥ 0, or `nil` for a local level model.
    ///   - seasonal: σ²_ω ≥ 0, or `nil` without a seasonal.
    public init(irregular: Double, level: Double, slope: Double? = nil, seasonal: Double? = nil) {
        self.irregular = irregular
        self.level = level
        self.slope = slope
        self.seasonal = seasonal
    }

    /// The variances present, in statsmodels' order: irregular, level, slope, seasonal.
    public var values: [Double] { [irregular, level] + (slope.map { [$0] } ?? []) + (seasonal.map { [$0] } ?? []) }

    /// Their names, in the order of ``values``.
    public var names: [String] {
        ["irregular", "level"] + (slope == nil ? [] : ["slope"]) + (seasonal == nil ? [] : ["seasonal"])
    }
}
