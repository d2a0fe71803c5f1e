import Foundation
import NumericCore
import TradeDomain

/// A trend model to fit to a time series: the unfitted half of the typestate
/// `TrendSpecification.fit(series) -> TrendFit`.
///
/// Regression models (t counts periods from the first observed period, so
/// t = 0 there and gaps keep their place):
/// ```
/// linear:      y     = β₀ + β₁ t                 [+ Σ_{k=2..m} δ_k D_k(t)] + ε
/// loglinear:   ln y  = β₀ + β₁ t                 [+ Σ δ_k D_k(t)] + ε        (y > 0)
/// poly:K:      y     = β₀ + β₁ t + ... + β_K t^K [+ Σ δ_k D_k(t)] + ε
/// ```
/// D_k is 1 in month (or quarter) k of the calendar, with January (Q1) the base
/// season: terms `month_2` ... `month_12` (`quarter_2` ... `quarter_4`).
/// A polynomial is fitted on (t − t̄)/max|t − t̄| and mapped back to powers of t.
/// Rank-based models: `mannKendall`, `hamedRao` (``MannKendallTest``) and `theilSen`
/// (``TheilSenEstimate``).
///
/// Missing values are dropped and counted (``TrendFit/missingCount``), never filled.
///
/// Reference: R `summary(lm(log(y) ~ t + factor(cycle(y))))`; statsmodels `OLS`
/// (`cov_type="HAC", cov_kwds={"maxlags": L}` for `hacLags`); pymannkendall; scipy `theilslopes`.
public struct TrendSpecification: Sendable, Equatable, Codable {
    /// The model.
    public let model: TrendModel
    /// Add seasonal dummies (monthly or quarterly series, regression models only).
    public let seasonal: Bool
    /// Newey–West HAC lags (Bartlett kernel, no small-sample correction, as statsmodels'
    /// default), adding HAC standard errors; nil for none. Regression models only.
    public let hacLags: Int?
    /// Coverage of confidence intervals, in (0, 1); also 1 − α for the Mann–Kendall verdict.
    public let level: Double

    /// A specification.
    ///
    /// - Parameters:
    ///   - model: The trend model.
    ///   - seasonal: Add seasonal dummies (default false).
    ///   - hacLags: Newey–West lags for HAC standard errors, or nil (default).
    ///   - level: Interval coverage (default 0.95).
    public init(model: TrendModel, seasonal: Bool = false, hacLags: Int? = nil, level: Double = 0.95) {
        self.model = model
        self.seasonal = seasonal
        self.hacLags = hacLags
        self.level = level
    }

    /// Fits the model to the observed values of a series.
    ///
    /// - Parameter series: Any series; missing values are dropped and counted.
    /// - Returns: The fit.
    /// - Throws: `AnalysisError.invalidParameter` for a level outside (0, 1), a polynomial degree
    ///   below 1, seasonal terms on an annual series or a rank-based model, HAC lags outside
    ///   0..<n or on a rank-based model; `.tooFewObservations` when too few values remain;
    ///   `.nonPositive` for a log-linear trend of a value ≤ 0 (naming its period);
    ///   `.regressionFailed` for a rank-deficient design (e.g. a season never observed).
    /// - Complexity: O(n p²) for regressions, O(n²) for Mann–Kendall, O(n² log n) for Theil–Sen.
    public func fit(_ series: TimeSeries<Double>) throws(AnalysisError) -> TrendFit {
        try validate(frequency: series.frequency)
        // Offsets and values straight from the entries (no Period arithmetic per observation).
        var offsets: [Int] = []
        var values: [Double] = []
        offsets.reserveCapacity(series.values.count)
        values.reserveCapacity(series.values.count)
        for (index, entry) in series.values.enumerated() {
            guard let value = entry else { continue }
            guard value.isFinite else {
                throw .invalidParameter(name: "value for \(series.start.advanced(by: index))", value: "\(value)", constraint: "must be a finite number")
            }
            offsets.append(index)
            values.append(value)
        }
        guard let firstOffset = offsets.first else {
            throw .tooFewObservations(needed: 3, found: 0, method: "a \(model) trend")
        }
        let times = offsets.map { Double($0 - firstOffset) }
        let missing = series.values.count - offsets.count
        func result(_ estimate: TrendEstimate) -> TrendFit {
            TrendFit(specification: self, seriesStart: series.start, observedOffsets: offsets, missingCount: missing, estimate: estimate)
        }
        switch model {
        case .mannKendall, .hamedRao:
            return result(.mannKendall(try MannKendallTest(values: values, times: times, hamedRao: model == .hamedRao,
                                                           significance: ((1 - level) * 1e12).rounded() / 1e12)))
        case .theilSen:
            return result(.theilSen(try TheilSenEstimate(values: values, times: times, level: level)))
        case .linear, .logLinear, .polynomial:
            if model == .logLinear {
                for (k, value) in values.enumerated() where value <= 0 {
                    throw .nonPositive(what: "the value for \(series.start.advanced(by: offsets[k]))", value: value)
                }
                values = values.map { log($0) }
            }
            let regression: RegressionResults
            if !seasonal && hacLags == nil && model != .polynomial(degree: model.polynomialDegree) {
                regression = try closedForm(values: values, times: times)
            } else {
                let seasons = seasonal ? offsets.map { (series.start.subperiod - 1 + $0) % series.frequency.periodsPerYear + 1 } : []
                regression = try leastSquares(values: values, times: times, seasons: seasons, frequency: series.frequency)
            }
            var growth: GrowthRates?
            if model == .logLinear, let slope = regression.coefficient(named: "t") {
                growth = GrowthRates(slope: slope, fit: regression, useHAC: hacLags != nil,
                                     periodsPerYear: series.frequency.periodsPerYear, firstLog: values[0],
                                     lastLog: values[values.count - 1], span: Int(times[times.count - 1]))
            }
            return result(.regression(regression, growth: growth))
        }
    }

    /// The closed-form straight line (``TimeTrendLine``).
    func closedForm(values: [Double], times: [Double]) throws(AnalysisError) -> RegressionResults {
        guard values.count >= 3 else { throw .tooFewObservations(needed: 3, found: values.count, method: "a \(model) trend") }
        let line = values.withUnsafeBufferPointer { v in
            times.withUnsafeBufferPointer { t in TimeTrendLine.fit(values: v, times: t, level: level) }
        }
        guard let line else { throw .tooFewObservations(needed: 3, found: values.count, method: "a \(model) trend") }
        return line.regressionResults(values: values, times: times)
    }

    /// The general path: the design of terms fitted by pivoted QR (NumericCore).
    ///
    /// - Parameter seasons: The season (month 1...12 or quarter 1...4) of each observation, or empty for no dummies.
    func leastSquares(values: [Double], times: [Double], seasons: [Int], frequency: Frequency) throws(AnalysisError) -> RegressionResults {
        var terms: [DesignTerm] = [model == .polynomial(degree: model.polynomialDegree) && model.polynomialDegree > 1
            ? .polynomial(name: "t", values: times, degree: model.polynomialDegree)
            : .column(name: "t", values: times)]
        if !seasons.isEmpty {
            let label = frequency == .monthly ? "month" : "quarter"
            for season in 2...frequency.periodsPerYear {
                terms.append(.column(name: "\(label)_\(season)", values: seasons.map { $0 == season ? 1 : 0 }))
            }
        }
        if let hacLags, hacLags >= values.count {
            throw .invalidParameter(name: "HAC lags", value: "\(hacLags)", constraint: "must be below the \(values.count) observations")
        }
        return try LinearModelFitter.fit(response: values, intercept: true, terms: terms, weights: nil, hacLags: hacLags,
                                         level: level, step: "fitting a \(model) trend")
    }

    private func validate(frequency: Frequency) throws(AnalysisError) {
        guard level > 0 && level < 1 else {
            throw .invalidParameter(name: "confidence level", value: "\(level)", constraint: "must lie strictly between 0 and 1")
        }
        if case let .polynomial(degree) = model, degree < 1 {
            throw .invalidParameter(name: "polynomial degree", value: "\(degree)", constraint: "must be at least 1")
        }
        if seasonal {
            guard model.isRegression else {
                throw .invalidParameter(name: "seasonal", value: "true", constraint: "seasonal dummies apply to linear, loglinear and poly:K trends")
            }
            guard frequency == .monthly || frequency == .quarterly else {
                throw .invalidParameter(name: "seasonal", value: "true", constraint: "seasonal dummies need a monthly or quarterly series; this one is \(frequency.rawValue)")
            }
        }
        if let hacLags {
            guard model.isRegression else {
                throw .invalidParameter(name: "HAC lags", value: "\(hacLags)", constraint: "HAC standard errors apply to linear, loglinear and poly:K trends")
            }
            guard hacLags >= 0 else { throw .invalidParameter(name: "HAC lags", value: "\(hacLags)", constraint: "must be 0 or more") }
        }
    }
}

extension TrendModel {
    /// K for `.polynomial(degree: K)`, else 1.
    var polynomialDegree: Int {
        if case let .polynomial(degree) = self { return degree }
        return 1
    }
}
