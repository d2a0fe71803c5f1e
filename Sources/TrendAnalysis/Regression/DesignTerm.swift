/// One term of a linear model's design: a regressor column, or a polynomial in one.
///
/// A polynomial term of degree K in column x contributes x, x², ..., x^K (in that
/// order, named `x`, `x^2`, ...). It is fitted on the centred and scaled
/// variable u = (x − c)/s (c the mean of x when the model has an intercept, else 0;
/// s the largest |x − c|), and the coefficients and their covariance are mapped
/// back to powers of x exactly (a linear map), so reported estimates are those of
/// R `lm(y ~ poly(x, K, raw = TRUE))`.
public enum DesignTerm: Sendable, Equatable, Codable {
    /// A regressor column entering linearly.
    case column(name: String, values: [Double])
    /// Powers 1...degree of a column.
    case polynomial(name: String, values: [Double], degree: Int)

    /// The term's base name.
    public var name: String {
        switch self {
        case let .column(name, _), let .polynomial(name, _, _): return name
        }
    }

    /// The number of design columns the term contributes.
    public var width: Int {
        switch self {
        case .column: return 1
        case let .polynomial(_, _, degree): return degree
        }
    }
}
