import Foundation

/// A Box-Cox transformation applied to a series before a model is fitted, and inverted on the
/// model's forecasts; `none` fits the series as it is.
///
/// ```
/// w = log y                   λ = 0   (log)
/// w = (y^λ - 1) / λ           0 < λ ≤ 1
/// y = exp(w)                  λ = 0
/// y = (λ w + 1)^(1/λ)         0 < λ ≤ 1   (0 where λ w + 1 < 0: the model's scale goes below y = 0)
/// ```
/// A forecast `w[h]` with variance `v[h]` on the model's scale back-transforms to the **median**
/// `y = inv(w[h])` (the inverse of a monotone map keeps quantiles, so interval bounds back-transform
/// the same way), or to the **bias-adjusted mean**
/// ```
/// ȳ = inv(w) · (1 + v (1 - λ) / (2 inv(w)^(2λ)))      (λ = 0: exp(w) (1 + v / 2))
/// ```
/// the second-order Taylor approximation of `E[inv(W)]` used by R `forecast::InvBoxCox(biasadj = TRUE)`
/// and Hyndman & Athanasopoulos, *Forecasting: Principles and Practice* (3rd ed.), §5.6 and §13.3.
/// With the log (λ = 0) every back-transformed figure is positive, which is why it is the default
/// for non-negative trade measures (see ``NonNegativeForecasting``).
///
/// λ is limited to [0, 1]: negative λ bounds the model's scale from above (R returns `NA` beyond it),
/// and λ > 1 would stretch rather than stabilise the variance of trade flows.
///
/// Reference: Box & Cox (1964); R `forecast::BoxCox`, `forecast::InvBoxCox`; statsmodels has no
/// forecast-level equivalent (transform the data, then back-transform by hand).
public enum ForecastTransformation: Sendable, Equatable, Hashable, Codable {
    /// The model is fitted to the series as it is.
    case none
    /// Box-Cox with parameter λ in [0, 1]; λ = 0 is the natural log.
    case boxCox(lambda: Double)

    /// The natural log (Box-Cox λ = 0).
    public static let log = ForecastTransformation.boxCox(lambda: 0)

    /// `none`, `log` or `box-cox(λ)`: the name in every output (JSON `transformation`).
    public var name: String {
        switch self {
        case .none: return "none"
        case let .boxCox(lambda): return lambda == 0 ? "log" : "box-cox(\(lambda))"
        }
    }

    /// λ, or `nil` for `none`.
    public var lambda: Double? {
        if case let .boxCox(lambda) = self { return lambda }
        return nil
    }

    /// Checks λ and that every value can be transformed.
    ///
    /// - Parameters:
    ///   - values: Observations (`nil` entries are skipped).
    ///   - label: What the values are, for the error message.
    /// - Throws: ``AnalysisError/invalidParameter(name:value:constraint:)`` for λ outside [0, 1];
    ///   ``AnalysisError/nonPositive(what:value:)`` for a zero or negative observation under Box-Cox.
    public func validate(_ values: [Double?], label: String = "observation") throws(AnalysisError) {
        guard let lambda else { return }
        guard lambda >= 0 && lambda <= 1 else {
            throw .invalidParameter(name: "Box-Cox lambda", value: "\(lambda)", constraint: "must lie in [0, 1]")
        }
        if let bad = values.compactMap({ $0 }).first(where: { !($0 > 0) }) {
            throw .nonPositive(what: "\(label) for a \(name) transformation:", value: bad)
        }
    }

    /// The transformed value `w` of a positive `y` (callers validate first).
    ///
    /// - Parameter y: A positive value.
    /// - Returns: `log y` or `(y^λ - 1) / λ`; `y` itself for `none`.
    public func forward(_ y: Double) -> Double {
        switch self {
        case .none: return y
        case let .boxCox(lambda): return lambda == 0 ? Foundation.log(y) : (pow(y, lambda) - 1) / lambda
        }
    }

    /// The back-transformed value of `w`: the median of `Y` when `w` is the median on the model's scale.
    ///
    /// - Parameter w: A value on the model's scale.
    /// - Returns: `exp(w)` or `max(λ w + 1, 0)^(1/λ)`; `w` itself for `none`.
    public func inverse(_ w: Double) -> Double {
        switch self {
        case .none: return w
        case let .boxCox(lambda):
            return lambda == 0 ? exp(w) : pow(max(lambda * w + 1, 0), 1 / lambda)
        }
    }

    /// The bias-adjusted back-transformed mean of a forecast `w` with variance `variance` on the model's scale.
    ///
    /// - Parameters:
    ///   - w: The point forecast on the model's scale (its mean).
    ///   - variance: The forecast variance on the model's scale.
    /// - Returns: `inv(w) (1 + variance (1 - λ) / (2 inv(w)^(2λ)))`; `w` itself for `none`.
    public func biasAdjustedInverse(_ w: Double, variance: Double) -> Double {
        guard let lambda else { return w }
        let median = inverse(w)
        guard median > 0 else { return median }
        return median * (1 + 0.5 * variance * (1 - lambda) / pow(median, 2 * lambda))
    }

    /// Whether the inverse maps `w` below the model scale's floor (λ w + 1 < 0, truncated to 0).
    func truncatesInverse(_ w: Double) -> Bool {
        guard let lambda, lambda > 0 else { return false }
        return lambda * w + 1 < 0
    }
}

/// Which point forecast a back-transformed forecast reports.
public enum BackTransformedPoint: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// The bias-adjusted mean (R `biasadj = TRUE`; FPP3 §5.6): the figure to add up over periods or
    /// commodities, as the scenario engine does with forgone flows.
    case mean
    /// The median, `inv(w)` (R `biasadj = FALSE`, the default of R `forecast`).
    case median
}
