/// Errors thrown by NumericCore for data problems (never for programming errors,
/// which are preconditions).
public enum LinearAlgebraError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The design matrix does not have full column rank. `dependentColumns` are
    /// the 0-based columns that column-pivoted QR left outside the numerically
    /// independent set (each is, to the rank tolerance, a linear combination of
    /// the others); `rank` is the numerical rank of the `columnCount` columns.
    case rankDeficient(dependentColumns: [Int], rank: Int, columnCount: Int)
    /// Fewer observations than the fit needs.
    case tooFewObservations(observations: Int, parameters: Int)
    /// A weight is not a positive finite number.
    case invalidWeight(index: Int, value: Double)
    /// A design or response value is NaN or infinite.
    case nonFiniteValue(row: Int, column: Int?)
    /// A triangular factor has an exactly zero diagonal element (0-based index).
    case singularTriangularFactor(index: Int)

    public var description: String {
        switch self {
        case let .rankDeficient(dependentColumns, rank, columnCount):
            let list = dependentColumns.map(String.init).joined(separator: ", ")
            return "design matrix is rank deficient: rank \(rank) of \(columnCount) columns; column(s) \(list) are linear combinations of the others"
        case let .tooFewObservations(observations, parameters):
            return "\(observations) observations cannot identify \(parameters) parameters"
        case let .invalidWeight(index, value):
            return "weight \(value) at observation \(index) must be positive and finite"
        case let .nonFiniteValue(row, column):
            if let column { return "design value in row \(row), column \(column) is not finite" }
            return "response value in row \(row) is not finite"
        case let .singularTriangularFactor(index):
            return "triangular factor is singular: diagonal element \(index) is zero"
        }
    }
}
