import TradeDomain

/// Seasonal-trend decomposition by loess (STL), unfitted: the period, windows, degrees and iterations.
///
/// STL splits a complete series into additive parts
/// ```
/// y[t] = trend[t] + seasonal[t] + remainder[t]
/// ```
/// by alternating a cycle-subseries loess smoother (the seasonal part, with a
/// low-pass filter removing its trend) and a loess smoother of the deseasonalised
/// series (the trend). With `robust`, outer iterations down-weight large
/// remainders with bisquare weights, `B(|r| / (6 median|r|))`.
///
/// Defaults and derived windows follow statsmodels `STL` (and the Fortran `stl`
/// of Cleveland et al.): `seasonal` 7; `trend` the smallest odd integer at least
/// `1.5 period / (1 - 1.5 / seasonal)`; `lowPass` the smallest odd integer above
/// `period`; all degrees 1; all jumps 1; 2 inner and 15 outer iterations when
/// robust, 5 and 0 when not.
///
/// Reference: Cleveland, Cleveland, McRae and Terpenning (1990), "STL: A
/// seasonal-trend decomposition procedure based on loess", J. Official
/// Statistics 6(1); statsmodels `statsmodels.tsa.seasonal.STL`.
public struct STLSpecification: Sendable, Equatable, Codable {
    /// Observations per seasonal cycle (12 for monthly data, 4 for quarterly); at least 2.
    public let period: Int?
    /// Length of the seasonal smoother, odd and at least 3.
    public let seasonal: Int
    /// Length of the trend smoother, odd and at least 3; `nil` derives it from `period` and `seasonal`.
    public let trend: Int?
    /// Length of the low-pass filter, odd and at least 3; `nil` derives it from `period`.
    public let lowPass: Int?
    /// Loess degree (0 or 1) of the seasonal smoother.
    public let seasonalDegree: Int
    /// Loess degree (0 or 1) of the trend smoother.
    public let trendDegree: Int
    /// Loess degree (0 or 1) of the low-pass smoother.
    public let lowPassDegree: Int
    /// Fit the seasonal smoother every `seasonalJump` points and interpolate between.
    public let seasonalJump: Int
    /// Fit the trend smoother every `trendJump` points and interpolate between.
    public let trendJump: Int
    /// Fit the low-pass smoother every `lowPassJump` points and interpolate between.
    public let lowPassJump: Int
    /// Whether outer iterations compute robustness weights.
    public let robust: Bool
    /// Inner-loop passes; `nil` means 2 when robust and 5 when not.
    public let innerIterations: Int?
    /// Outer (robustness) iterations; `nil` means 15 when robust and 0 when not.
    public let outerIterations: Int?

    /// A specification; every argument defaults as in statsmodels `STL`.
    ///
    /// - Parameters:
    ///   - period: Observations per cycle; `nil` takes it from the series frequency when fitting.
    ///   - seasonal: Seasonal smoother length (odd, ≥ 3).
    ///   - trend: Trend smoother length (odd, ≥ 3), or `nil` to derive it.
    ///   - lowPass: Low-pass smoother length (odd, ≥ 3), or `nil` to derive it.
    ///   - seasonalDegree: 0 or 1.
    ///   - trendDegree: 0 or 1.
    ///   - lowPassDegree: 0 or 1.
    ///   - seasonalJump: Positive step of the seasonal smoother.
    ///   - trendJump: Positive step of the trend smoother.
    ///   - lowPassJump: Positive step of the low-pass smoother.
    ///   - robust: Use robustness weights.
    ///   - innerIterations: Inner passes, or `nil` for the default.
    ///   - outerIterations: Outer passes, or `nil` for the default.
    public init(period: Int? = nil, seasonal: Int = 7, trend: Int? = nil, lowPass: Int? = nil,
                seasonalDegree: Int = 1, trendDegree: Int = 1, lowPassDegree: Int = 1,
                seasonalJump: Int = 1, trendJump: Int = 1, lowPassJump: Int = 1,
                robust: Bool = false, innerIterations: Int? = nil, outerIterations: Int? = nil) {
        self.period = period
        self.seasonal = seasonal
        self.trend = trend
        self.lowPass = lowPass
        self.seasonalDegree = seasonalDegree
        self.trendDegree = trendDegree
        self.lowPassDegree = lowPassDegree
        self.seasonalJump = seasonalJump
        self.trendJump = trendJump
        self.lowPassJump = lowPassJump
        self.robust = robust
        self.innerIterations = innerIterations
        self.outerIterations = outerIterations
    }

    /// Decomposes a complete series; the period defaults to the series' periods per year.
    ///
    /// - Parameter series: A series with no missing values and at least two full cycles.
    /// - Returns: The decomposition, with every parameter resolved.
    /// - Throws: ``AnalysisError/missingValue(method:period:)`` for a gap,
    ///   ``AnalysisError/tooFewObservations(needed:found:method:)`` for fewer than two cycles,
    ///   ``AnalysisError/invalidParameter(name:value:constraint:)`` for a bad window, degree or period.
    /// - Complexity: O(n · (seasonal + trend + lowPass) · (inner) · (outer + 1)).
    public func fit(_ series: TimeSeries<Double>) throws(AnalysisError) -> STLDecomposition {
        var values = [Double]()
        values.reserveCapacity(series.count)
        for (index, value) in series.values.enumerated() {
            guard let value else {
                throw .missingValue(method: "STL", period: series.start.advanced(by: index).description)
            }
            values.append(value)
        }
        let resolvedPeriod = period ?? series.frequency.periodsPerYear
        return try fit(values: values, period: resolvedPeriod, periods: series.periods)
    }

    /// Decomposes a complete sequence of values with no calendar.
    ///
    /// - Parameters:
    ///   - values: The observations, in time order.
    ///   - period: Observations per cycle when ``period`` is `nil`.
    ///   - periods: Labels for the result (one per value), or empty.
    /// - Returns: The decomposition.
    /// - Throws: As ``fit(_:)``.
    public func fit(values: [Double], period defaultPeriod: Int, periods: [Period] = []) throws(AnalysisError) -> STLDecomposition {
        let resolved = try resolved(period: period ?? defaultPeriod)
        let n = values.count
        let np = resolved.period!
        guard n >= 2 * np else {
            throw .tooFewObservations(needed: 2 * np, found: n, method: "STL with period \(np)")
        }
        for value in values where !value.isFinite {
            throw .invalidParameter(name: "observation", value: "\(value)", constraint: "STL needs finite values")
        }
        let output = STLKernel(spec: resolved).run(values)
        return STLDecomposition(
            specification: resolved, periods: periods.count == n ? periods : [], observed: values,
            trend: output.trend, seasonal: output.seasonal,
            remainder: (0..<n).map { values[$0] - output.trend[$0] - output.seasonal[$0] },
            weights: output.weights)
    }

    /// The specification with every default filled in and every constraint checked.
    ///
    /// - Parameter period: The period to use.
    /// - Returns: A specification whose optional fields are all set.
    /// - Throws: ``AnalysisError/invalidParameter(name:value:constraint:)``.
    public func resolved(period np: Int) throws(AnalysisError) -> STLSpecification {
        guard np >= 2 else { throw .invalidParameter(name: "STL period", value: "\(np)", constraint: "must be at least 2") }
        func checkWindow(_ name: String, _ value: Int) throws(AnalysisError) {
            guard value >= 3, value % 2 == 1 else {
                throw .invalidParameter(name: "STL \(name) window", value: "\(value)", constraint: "must be an odd integer of at least 3")
            }
        }
        var trendWindow = trend ?? Int((1.5 * Double(np) / (1 - 1.5 / Double(seasonal))).rounded(.up))
        if trend == nil, trendWindow % 2 == 0 { trendWindow += 1 }
        var lowPassWindow = lowPass ?? np + 1
        if lowPass == nil, lowPassWindow % 2 == 0 { lowPassWindow += 1 }
        try checkWindow("seasonal", seasonal)
        try checkWindow("trend", trendWindow)
        try checkWindow("low-pass", lowPassWindow)
        for (name, degree) in [("seasonal", seasonalDegree), ("trend", trendDegree), ("low-pass", lowPassDegree)] where !(0...1).contains(degree) {
            throw .invalidParameter(name: "STL \(name) degree", value: "\(degree)", constraint: "must be 0 or 1")
        }
        for (name, jump) in [("seasonal", seasonalJump), ("trend", trendJump), ("low-pass", lowPassJump)] where jump < 1 {
            throw .invalidParameter(name: "STL \(name) jump", value: "\(jump)", constraint: "must be positive")
        }
        let inner = innerIterations ?? (robust ? 2 : 5)
        let outer = outerIterations ?? (robust ? 15 : 0)
        guard inner >= 1 else { throw .invalidParameter(name: "STL inner iterations", value: "\(inner)", constraint: "must be positive") }
        guard outer >= 0 else { throw .invalidParameter(name: "STL outer iterations", value: "\(outer)", constraint: "must not be negative") }
        return STLSpecification(period: np, seasonal: seasonal, trend: trendWindow, lowPass: lowPassWindow,
                                seasonalDegree: seasonalDegree, trendDegree: trendDegree, lowPassDegree: lowPassDegree,
                                seasonalJump: seasonalJump, trendJump: trendJump, lowPassJump: lowPassJump,
                                robust: robust, innerIterations: inner, outerIterations: outer)
    }
}
