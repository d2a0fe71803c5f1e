import Foundation

/// The penalty added for each change point in a penalised change-point search.
///
/// With `p` parameters per segment (``ChangePointCost/parametersPerSegment``) and `n`
/// observations, as R changepoint does: BIC is `p · log n` and AIC is `2 p`.
public enum ChangePointPenalty: Sendable, Equatable, Codable {
    /// Schwarz: `p · log n`.
    case bic
    /// Akaike: `2 p`.
    case aic
    /// A given non-negative value in units of the cost.
    case value(Double)

    /// The penalty value for a cost and a series length.
    ///
    /// - Parameters:
    ///   - cost: The segment cost.
    ///   - count: The number of observations.
    /// - Returns: The value added per change point.
    public func value(cost: ChangePointCost, count: Int) -> Double {
        switch self {
        case .bic: return Double(cost.parametersPerSegment) * log(Double(count))
        case .aic: return 2 * Double(cost.parametersPerSegment)
        case let .value(v): return v
        }
    }
}
