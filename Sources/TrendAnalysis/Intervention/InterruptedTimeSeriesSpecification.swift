import NumericCore
import TradeDomain

/// Segmented regression for an interrupted time series at a known date, unfitted.
///
/// With `t = 0 … n−1`, the first observation under the intervention at index `t₀`,
/// `D[t] = 1` for `t ≥ t₀` (else 0) and optional seasonal dummies `S_s[t]` (months 2…12 or
/// quarters 2…4, the first season the base):
/// ```
/// y[t] = β₀ + β₁ t + β₂ D[t] + β₃ (t − t₀) D[t] + Σ_s γ_s S_s[t] + u[t]
/// ```
/// `β₂` is the level change, `β₃` the slope change; the counterfactual path is the fit with
/// `β₂ = β₃ = 0`. Standard errors are classical (Student t) and Newey–West HAC with the Bartlett
/// kernel (normal p-values), since trade series are autocorrelated.
///
/// Index convention: `interventionPeriod` is the first period under the intervention (CLI.md `its --at`).
///
/// Gaps: a series with missing periods is fitted on its observed periods, with `t` the calendar
/// position from the series' start (not the row number) and `t₀` the intervention's position,
/// which need not be observed. The Newey–West lags then count observations, not periods.
///
/// Reference: Wagner et al. (2002) J. Clinical Pharmacy and Therapeutics 27(4); Bernal, Cummins and
/// Gasparrini (2017) Int. J. Epidemiology 46(1); R `lm` with `sandwich::NeweyWest(lag = L, prewhite = FALSE)`.
public struct InterruptedTimeSeriesSpecification: Sendable, Equatable, Codable {
    /// The first period under the intervention.
    public let interventionPeriod: Period
    /// Whether to add seasonal dummies (monthly or quarterly series only).
    public let seasonal: Bool
    /// The Newey–West truncation lag; `nil` uses `⌊4 (n/100)^(2/9)⌋`.
    public let hacLags: Int?

    /// A specification.
    ///
    /// - Parameters:
    ///   - interventionPeriod: The first period under the intervention.
    ///   - seasonal: Add month (or quarter) dummies.
    ///   - hacLags: The Newey–West lag, or `nil` for the default rule.
    public init(interventionPeriod: Period, seasonal: Bool = false, hacLags: Int? = nil) {
        self.interventionPeriod = interventionPeriod
        self.seasonal = seasonal
        self.hacLags = hacLags
    }

    /// Fits the segmented regression.
    ///
    /// - Parameter series: A series containing the intervention period with at least two observations
    ///   on each side; missing periods are left out of the regression.
    /// - Returns: The fit with both effects, both covariance estimates and the counterfactual path.
    /// - Throws: ``AnalysisError/invalidParameter(name:value:constraint:)`` when the intervention period is
    ///   outside the series or leaves fewer than two observations on a side, for seasonal terms on an
    ///   annual series, or a negative lag; ``AnalysisError/regressionFailed(step:_:)`` when the design
    ///   is rank deficient (for example a month that never occurs).
    public func fit(_ series: TimeSeries<Double>) throws(AnalysisError) -> InterruptedTimeSeriesFit {
        let method = "interrupted time series"
        // Rows only where observed; t is the calendar position from the series' start, so a gap
        // leaves a jump in the time regressors rather than shifting later periods back.
        var y = [Double](), times = [Int](), periods = [Period]()
        for (index, value) in series.values.enumerated() {
            guard let value else { continue }
            guard value.isFinite else {
                throw .invalidParameter(name: "observation", value: "\(value)", constraint: "\(method) needs finite values")
            }
            y.append(value)
            times.append(index)
            periods.append(series.start.advanced(by: index))
        }
        let n = y.count
        guard series.count > 0, interventionPeriod.frequency == series.frequency, series.start <= interventionPeriod, interventionPeriod <= series.end else {
            throw .invalidParameter(name: "intervention period", value: interventionPeriod.description,
                                    constraint: "must lie within the series \(series.start)...\(series.end)")
        }
        let t0 = series.start.distance(to: interventionPeriod)
        let firstAfter = times.firstIndex { $0 >= t0 } ?? n
        guard firstAfter >= 2, n - firstAfter >= 2 else {
            throw .invalidParameter(name: "intervention period", value: interventionPeriod.description,
                                    constraint: "needs at least two observations before and two from it on (series \(series.start)...\(series.end), \(firstAfter) observed before and \(n - firstAfter) from it on)")
        }
        if let hacLags, hacLags < 0 { throw .invalidParameter(name: "HAC lags", value: "\(hacLags)", constraint: "must be 0 or more") }
        let seasons = series.frequency.periodsPerYear
        if seasonal, seasons < 2 {
            throw .invalidParameter(name: "seasonal", value: "true", constraint: "seasonal terms need monthly or quarterly data, not \(series.frequency.rawValue)")
        }
        let seasonLabel = series.frequency == .monthly ? "month" : "quarter"
        var names = ["intercept", "time", "level_change", "slope_change"]
        if seasonal { names += (2...seasons).map { "\(seasonLabel)_\($0)" } }
        let rows = (0..<n).map { i -> [Double] in
            let t = times[i]
            let after = t >= t0 ? 1.0 : 0.0
            var row = [1, Double(t), after, after * Double(t - t0)]
            if seasonal {
                let season = periods[i].subperiod
                row += (2...seasons).map { season == $0 ? 1.0 : 0.0 }
            }
            return row
        }
        let design = Matrix(rows: rows)
        let lags = hacLags ?? CovarianceEstimator.defaultNeweyWestLags(observationCount: n)
        let results: RegressionResults
        do {
            results = try LinearRegression(columnNames: names, hasIntercept: true,
                                           covarianceEstimator: .neweyWest(lags: lags, smallSampleCorrection: false)).fit(design: design, response: y)
        } catch {
            throw .regressionFailed(step: "fitting the interrupted time series at \(interventionPeriod)", error)
        }
        func effect(_ j: Int) -> InterventionEffect {
            let c = results.coefficients[j]
            return InterventionEffect(name: names[j], estimate: c.estimate, standardError: c.standardError, classicalPValue: c.pValue,
                                      hacStandardError: c.hacStandardError ?? .nan, pValue: c.hacPValue ?? .nan)
        }
        let beta = results.coefficients.map(\.estimate)
        let counterfactual = rows.map { row -> Double in
            var value = 0.0
            for j in row.indices where j != 2 && j != 3 { value += row[j] * beta[j] }
            return value
        }
        return InterruptedTimeSeriesFit(specification: self, periods: periods, observationCount: n, interventionIndex: firstAfter,
                                        hacLags: lags, regression: results,
                                        levelChange: effect(2), slopeChange: effect(3),
                                        fittedValues: results.fittedValues, counterfactual: counterfactual)
    }
}
