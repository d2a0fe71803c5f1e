import NumericCore
import TradeDomain

/// Errors of the analyses: data that cannot support the requested method.
public enum AnalysisError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A logarithm was needed of a figure that is not positive.
    case nonPositive(what: String, value: Double)
    /// Fewer usable observations than the method needs.
    case tooFewObservations(needed: Int, found: Int, method: String)
    /// The method needs a complete series but the value at `period` is missing.
    case missingValue(method: String, period: String)
    /// A parameter is outside the range the method allows; `constraint` states the range.
    case invalidParameter(name: String, value: String, constraint: String)
    /// A composition needs a TOTAL value for its period and none exists.
    case noTotalFigure(period: String)
    /// Building a series for a step failed (for example incompatible quantity units).
    case seriesFailed(step: String, TradeDomainError)
    /// A least-squares fit inside a step failed (for example a rank-deficient design).
    case regressionFailed(step: String, LinearAlgebraError)
    /// The data cannot support the method for a reason other than their count; `constraint` states it.
    case insufficientData(method: String, constraint: String)
    /// The model fits the data exactly: the residuals are rounding noise relative to `scale`
    /// (the largest magnitude of the data), so there is nothing to test.
    case noResidualVariation(method: String, residualStandardDeviation: Double, scale: Double)

    public var description: String {
        switch self {
        case let .nonPositive(what, value):
            return "\(what) \(value) is not positive; a log-based method needs positive figures"
        case let .tooFewObservations(needed, found, method):
            return "\(method) needs at least \(needed) observations; the series has \(found) usable ones"
        case let .missingValue(method, period):
            return "\(method) needs a complete series; the value for \(period) is missing"
        case let .invalidParameter(name, value, constraint):
            return "\(name) \(value) is invalid: \(constraint)"
        case let .noTotalFigure(period):
            return "no TOTAL value for \(period): a composition divides chapter figures by the reported total, so it needs one"
        case let .seriesFailed(step, error):
            return "\(step): \(error)"
        case let .regressionFailed(step, error):
            return "\(step): \(error)"
        case let .insufficientData(method, constraint):
            return "\(method): \(constraint)"
        case let .noResidualVariation(method, deviation, scale):
            return "\(method): the model fits the series exactly (residual standard deviation \(deviation) against values up to \(scale) is rounding noise); a constant or exactly fitted series has nothing to test"
        }
    }
}
