/// Smoothing parameters and initial states of an exponential smoothing model.
///
/// Seasonal states are in **chronological order**: `initialSeasonal[0]` is the oldest
/// of the `m` seasonal states before the first fitted observation and
/// `initialSeasonal[m - 1]` the most recent. (R `forecast::ets` lists `s1` as the most
/// recent, so its `initstate` seasonal part is this array reversed; R `HoltWinters`
/// lists `s.start` oldest first, as here.)
///
/// In the `stateSpace` formulation `beta` is the error-correction β of Hyndman et al.
/// (2008) (R `ets` `beta`; the smoothing-form β* is `beta / alpha`). In the
/// `holtWinters` formulation it is the β of R `HoltWinters`.
public struct ExponentialSmoothingParameters: Sendable, Equatable, Codable {
    /// Level smoothing α.
    public let alpha: Double
    /// Trend smoothing β; `nil` without a trend.
    public let beta: Double?
    /// Seasonal smoothing γ; `nil` without seasonality.
    public let gamma: Double?
    /// Damping φ; `nil` unless the trend is damped.
    public let phi: Double?
    /// The level before the first fitted observation.
    public let initialLevel: Double
    /// The trend before the first fitted observation; `nil` without a trend.
    public let initialTrend: Double?
    /// The `m` seasonal states before the first fitted observation, oldest first; empty without seasonality.
    public let initialSeasonal: [Double]

    /// Parameters as given; ``ExponentialSmoothingSpecification/fit(_:)`` checks them against the model.
    ///
    /// - Parameters:
    ///   - alpha: Level smoothing.
    ///   - beta: Trend smoothing, or `nil`.
    ///   - gamma: Seasonal smoothing, or `nil`.
    ///   - phi: Damping, or `nil`.
    ///   - initialLevel: Initial level.
    ///   - initialTrend: Initial trend, or `nil`.
    ///   - initialSeasonal: Initial seasonal states, oldest first.
    public init(alpha: Double, beta: Double? = nil, gamma: Double? = nil, phi: Double? = nil,
                initialLevel: Double, initialTrend: Double? = nil, initialSeasonal: [Double] = []) {
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
        self.phi = phi
        self.initialLevel = initialLevel
        self.initialTrend = initialTrend
        self.initialSeasonal = initialSeasonal
    }
}
