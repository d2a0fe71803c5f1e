/// Errors thrown by NumericCore for data problems (never for programming errors,
/// which are preconditions).
public enum LinearAlgebraError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The design matrix does not have full column rank; `column` is the 0-based
    /// index of the first column found linearly dependent on the ones before it.
    case rankDeficient(column: Int, rank: Int, columns: Int)
    /// Fewer observations than parameters.
    case tooFewObservations(observations: Int, parameters: Int)

    public var description: String {
        switch self {
        case let .rankDeficient(column, rank, columns):
            return "design matrix is rank deficient: rank \(rank) of \(columns) columns; column \(column) is a linear combination of the columns before it"
        case let .tooFewObservations(observations, parameters):
            return "\(observations) observations cannot identify \(parameters) parameters"
        }
    }
}
