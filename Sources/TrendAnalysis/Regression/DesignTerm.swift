import Foundation
import NumericCore

/// One term of a linear model's design: a regressor column, or a polynomial in one.
///
/// A polynomial term of degree K in column x contributes x, x², ..., x^K (in that
/// order, named `x`, `x^2`, ...). It is fitted on the centred and scaled
/// variable u = (x − c)/s (c the mean of x when the model has an intercept, else 0;
/// s the largest |x − c|), and the coefficients and their covariance are mapped
/// back to powers of x exactly (a linear map of the coefficients, applied by
/// `RegressionResults.reparametrized(by:)`), so reported estimates are those of R `lm(y ~ poly(x, K, raw = TRUE))`.
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

/// Where a polynomial term sits in a design and how its variable was centred and scaled:
/// columns `first ..< first + degree` hold u, u², ..., u^degree with u = (x − centre)/scale.
struct PolynomialBlock: Sendable, Equatable {
    /// The design column of u.
    let first: Int
    /// c.
    let centre: Double
    /// s.
    let scale: Double
    /// K.
    let degree: Int

    /// The map T from the coefficients b of the centred, scaled powers to the coefficients
    /// β of the raw powers, β = T b, from the binomial expansion
    /// ```
    /// Σₖ bₖ ((x − c)/s)ᵏ = Σₘ xᵐ Σ_{k≥m} bₖ C(k, m) (−c)^(k−m) / sᵏ
    /// ```
    /// The m = 0 terms go to the intercept. T is the identity outside the blocks; no slope
    /// depends on the intercept, so F tests are unchanged (``RegressionResults/reparametrized(by:)``).
    ///
    /// - Parameters:
    ///   - blocks: The polynomial terms of the design.
    ///   - parameterCount: p.
    ///   - interceptColumn: The intercept's column, or nil (then c = 0 and nothing goes there).
    /// - Returns: T, p x p.
    static func backTransform(_ blocks: [PolynomialBlock], parameterCount p: Int, interceptColumn: Int?) -> Matrix {
        var transform = Matrix.identity(p)
        for block in blocks {
            var binomial = [[Double]](repeating: [Double](repeating: 0, count: block.degree + 1), count: block.degree + 1)
            for k in 0...block.degree {
                binomial[k][0] = 1
                if k > 0 { for m in 1...k { binomial[k][m] = binomial[k - 1][m - 1] + (m <= k - 1 ? binomial[k - 1][m] : 0) } }
            }
            for k in 1...block.degree {
                let column = block.first + k - 1
                let sk = pow(block.scale, Double(k))
                for m in 1...k {
                    transform[block.first + m - 1, column] = binomial[k][m] * pow(-block.centre, Double(k - m)) / sk
                }
                if let interceptColumn { transform[interceptColumn, column] = pow(-block.centre, Double(k)) / sk }
            }
        }
        return transform
    }
}
