/// A least-squares fit `y ≈ X β`, with the quantities that inference needs.
///
/// ```
/// minimise  Σᵢ wᵢ (yᵢ − xᵢᵀ β)²      (wᵢ = 1 for ordinary least squares)
/// β̂ = (XᵀWX)⁻¹ XᵀWy,   unscaledCovariance = (XᵀWX)⁻¹,   Cov(β̂) = σ̂² (XᵀWX)⁻¹
/// ```
///
/// ## Method
/// 1. Rows are whitened by √wᵢ. Each column is scaled by a power of two so that
///    its largest magnitude lies in [1, 2); the scaling is exact and is undone at
///    the end, so it changes only the conditioning seen by the factorisation.
/// 2. The scaled design is factorised by Householder QR with column pivoting
///    (LAPACK `dgeqp3`): `X̃ P = Q R`. The numerical rank is the number of
///    |Rₖₖ| above `max(n, p) · ε · |R₀₀|`; a smaller rank throws.
/// 3. The QR solution is improved by iterative refinement on the corrected
///    semi-normal equations (Björck 1987): `δ = P R⁻¹ R⁻ᵀ Pᵀ X̃ᵀ(ỹ − X̃ β̃)`, with the
///    residual and `X̃ᵀ r` accumulated in double-double arithmetic
///    (`CompensatedSum`). This removes the κ²-times-residual error term of plain
///    QR, which limits double precision to about 7 digits on NIST Filip and 5–6
///    on Wampler5.
/// 4. `(X̃ᵀX̃)⁻¹ = P R⁻¹ R⁻ᵀ Pᵀ` is formed from R (XᵀX is never inverted) and refined
///    the same way, `C ← C + C₀(I − X̃ᵀX̃ C)`, with `I − X̃ᵀX̃ C` in double-double.
///
/// Residuals and the residual sum of squares come from the double-double residual.
///
/// Reference: Björck, Å. (1996) *Numerical Methods for Least Squares Problems*,
/// §2.9 (semi-normal equations) and §5.2 (column pivoting). Matches R `lm`
/// (`qr` with `LAPACK = FALSE`) and statsmodels `OLS`/`WLS` where those are accurate.
/// Certified against the eleven NIST StRD linear-regression data sets.
public struct LeastSquaresFit: Sendable, Equatable, Codable {
    /// The estimates β̂ in the order of the design's columns.
    public let coefficients: [Double]
    /// `yᵢ − xᵢᵀβ̂` (unweighted, as statsmodels `resid` and R `residuals`).
    public let residuals: [Double]
    /// `√wᵢ (yᵢ − xᵢᵀβ̂)` (statsmodels `wresid`); equal to `residuals` for OLS.
    public let whitenedResiduals: [Double]
    /// `xᵢᵀβ̂`.
    public let fittedValues: [Double]
    /// The weights used (all 1 for OLS).
    public let weights: [Double]
    /// The numerical rank of the design (equal to `parameterCount`, since
    /// rank-deficient designs throw).
    public let rank: Int
    /// `(XᵀWX)⁻¹`, `parameterCount` x `parameterCount`: the covariance of β̂ divided by σ².
    public let unscaledCovariance: Matrix
    /// `Σᵢ wᵢ (yᵢ − xᵢᵀβ̂)²` (statsmodels `ssr`; R `deviance`).
    public let residualSumOfSquares: Double
    /// The number of observations n.
    public let observationCount: Int
    /// The number of coefficients p.
    public let parameterCount: Int

    /// Ordinary least squares.
    ///
    /// - Parameters:
    ///   - design: The n x p design matrix X (include a column of ones for an intercept).
    ///   - response: The n responses y.
    /// - Returns: The fit.
    /// - Throws: `LinearAlgebraError.tooFewObservations` when n < p,
    ///   `.nonFiniteValue` for NaN or infinite input, `.rankDeficient` naming the
    ///   dependent columns when X lacks full column rank.
    /// - Complexity: O(n p²).
    public static func ordinaryLeastSquares(design: Matrix, response: [Double]) throws(LinearAlgebraError) -> LeastSquaresFit {
        try fit(design: design, response: response, weights: nil)
    }

    /// Weighted least squares with weights proportional to inverse variances
    /// (statsmodels `WLS(y, X, weights=w)`; R `lm(y ~ X, weights = w)`).
    ///
    /// - Parameters:
    ///   - design: The n x p design matrix X.
    ///   - response: The n responses y.
    ///   - weights: n positive finite weights wᵢ ∝ 1 / Var(yᵢ).
    /// - Returns: The fit; `residualSumOfSquares` is the weighted sum.
    /// - Throws: `LinearAlgebraError.invalidWeight` for a weight that is not
    ///   positive and finite, and the errors of `ordinaryLeastSquares`.
    /// - Complexity: O(n p²).
    public static func weightedLeastSquares(design: Matrix, response: [Double], weights: [Double]) throws(LinearAlgebraError) -> LeastSquaresFit {
        try fit(design: design, response: response, weights: weights)
    }

    // MARK: - Implementation

    private static func fit(design: Matrix, response: [Double], weights: [Double]?) throws(LinearAlgebraError) -> LeastSquaresFit {
        let n = design.rows, p = design.columns
        precondition(response.count == n, "response has \(response.count) values for \(n) design rows")
        if let weights { precondition(weights.count == n, "\(weights.count) weights for \(n) observations") }
        precondition(p > 0, "the design needs at least one column")
        if n < p { throw .tooFewObservations(observations: n, parameters: p) }
        for i in 0..<n {
            if !response[i].isFinite { throw .nonFiniteValue(row: i, column: nil) }
            for j in 0..<p where !design[i, j].isFinite { throw .nonFiniteValue(row: i, column: j) }
            if let w = weights?[i], !(w > 0 && w.isFinite) { throw .invalidWeight(index: i, value: w) }
        }
        let w = weights ?? [Double](repeating: 1, count: n)
        let rootWeights = weights.map { $0.map { $0.squareRoot() } }

        // 1. Whiten rows, scale columns by powers of two.
        var scaled = design.storage
        var y = response
        if let rootWeights {
            for i in 0..<n {
                y[i] *= rootWeights[i]
                for j in 0..<p { scaled[i + j * n] *= rootWeights[i] }
            }
        }
        var scales = [Double](repeating: 1, count: p)
        for j in 0..<p {
            var largest = 0.0
            for i in 0..<n { largest = max(largest, abs(scaled[i + j * n])) }
            if largest > 0 {
                scales[j] = Double(sign: .plus, exponent: -largest.exponent, significand: 1)
                for i in 0..<n { scaled[i + j * n] *= scales[j] }
            }
        }
        let x = Matrix(rows: n, columns: p, columnMajor: scaled)

        // 2. Pivoted QR and rank.
        let qr = x.pivotedQR()
        let leading = abs(qr.r(0, 0))
        let tolerance = Double(max(n, p)) * Double.ulpOfOne * leading
        var rank = 0
        while rank < p && abs(qr.r(rank, rank)) > tolerance { rank += 1 }
        if rank < p {
            throw .rankDeficient(dependentColumns: qr.pivots[rank...].sorted(), rank: rank, columnCount: p)
        }

        // (X̃ᵀX̃)⁻¹ applied to a vector: P R⁻¹ R⁻ᵀ Pᵀ g.
        func normalSolve(_ g: [Double]) throws(LinearAlgebraError) -> [Double] {
            let permuted = qr.pivots.map { g[$0] }
            let h = try qr.solveR(permuted, count: 1, order: p, transpose: true)
            let v = try qr.solveR(h, count: 1, order: p, transpose: false)
            var result = [Double](repeating: 0, count: p)
            for k in 0..<p { result[qr.pivots[k]] = v[k] }
            return result
        }

        // 3. QR solution, then refinement on the corrected semi-normal equations.
        let qty = qr.applyQ(to: y, count: 1, transpose: true, reflectors: p)
        let w0 = try qr.solveR(Array(qty[0..<p]), count: 1, order: p, transpose: false)
        var z = [Double](repeating: 0, count: p)
        for k in 0..<p { z[qr.pivots[k]] = w0[k] }
        var previousSize = Double.infinity
        for _ in 0..<30 {
            let residual = refinedResidual(x, y, z)
            var gradient = [Double](repeating: 0, count: p)
            for j in 0..<p {
                var sum = CompensatedSum()
                for i in 0..<n {
                    sum.addProduct(x.storage[i + j * n], residual[i].high)
                    sum.addProduct(x.storage[i + j * n], residual[i].low)
                }
                gradient[j] = sum.value
            }
            let correction = try normalSolve(gradient)
            var size = 0.0
            for j in 0..<p {
                z[j] += correction[j]
                size = max(size, abs(correction[j]) / max(abs(z[j]), .leastNormalMagnitude))
            }
            if size <= Double.ulpOfOne || size >= previousSize / 2 { break }
            previousSize = size
        }

        // 4. Unscaled covariance from R, refined.
        var covariance = [Double](repeating: 0, count: p * p)
        for k in 0..<p {
            var unit = [Double](repeating: 0, count: p)
            unit[k] = 1
            let column = try normalSolve(unit)
            for j in 0..<p { covariance[j + k * p] = column[j] }
        }
        for _ in 0..<5 {
            var largest = 0.0
            var updated = covariance
            for k in 0..<p {
                // v = X̃ c_k (double-double), then e = e_k − X̃ᵀ v.
                var v = [(high: Double, low: Double)](repeating: (0, 0), count: n)
                for i in 0..<n {
                    var sum = CompensatedSum()
                    for j in 0..<p { sum.addProduct(x.storage[i + j * n], covariance[j + k * p]) }
                    v[i] = sum.normalized
                }
                var defect = [Double](repeating: 0, count: p)
                for j in 0..<p {
                    var sum = CompensatedSum(j == k ? 1 : 0)
                    for i in 0..<n {
                        sum.addProduct(-x.storage[i + j * n], v[i].high)
                        sum.addProduct(-x.storage[i + j * n], v[i].low)
                    }
                    defect[j] = sum.value
                }
                let correction = try normalSolve(defect)
                for j in 0..<p {
                    updated[j + k * p] += correction[j]
                    largest = max(largest, abs(correction[j]) / max(abs(updated[j + k * p]), .leastNormalMagnitude))
                }
            }
            covariance = updated
            if largest <= Double.ulpOfOne { break }
        }
        // Symmetrise (the refinement keeps the two triangles equal to rounding).
        for k in 0..<p {
            for j in 0..<k {
                let mean = 0.5 * (covariance[j + k * p] + covariance[k + j * p])
                covariance[j + k * p] = mean
                covariance[k + j * p] = mean
            }
        }

        // Undo the column scaling: β = S z, (XᵀWX)⁻¹ = S C S.
        let coefficients = (0..<p).map { scales[$0] * z[$0] }
        for k in 0..<p { for j in 0..<p { covariance[j + k * p] *= scales[j] * scales[k] } }

        // Residuals in double-double on the original scale.
        var residuals = [Double](repeating: 0, count: n)
        var fitted = [Double](repeating: 0, count: n)
        var whitened = [Double](repeating: 0, count: n)
        var squares = CompensatedSum()
        for i in 0..<n {
            var fit = CompensatedSum()
            for j in 0..<p { fit.addProduct(design[i, j], coefficients[j]) }
            var residual = CompensatedSum(response[i])
            let (high, low) = fit.normalized
            residual.add(-high)
            residual.add(-low)
            let r = residual.normalized
            residuals[i] = r.high
            fitted[i] = fit.value
            let root = rootWeights?[i] ?? 1
            var weighted = CompensatedSum()
            weighted.addProduct(r.high, root)
            weighted.addProduct(r.low, root)
            let wr = weighted.normalized
            whitened[i] = wr.high
            squares.addProduct(wr.high, wr.high)
            squares.addProduct(2 * wr.high, wr.low)
        }

        return LeastSquaresFit(
            coefficients: coefficients, residuals: residuals, whitenedResiduals: whitened,
            fittedValues: fitted, weights: w, rank: rank,
            unscaledCovariance: Matrix(rows: p, columns: p, columnMajor: covariance),
            residualSumOfSquares: squares.value, observationCount: n, parameterCount: p)
    }

    /// `y − X z` for each row, in double-double.
    private static func refinedResidual(_ x: Matrix, _ y: [Double], _ z: [Double]) -> [(high: Double, low: Double)] {
        let n = x.rows, p = x.columns
        var result = [(high: Double, low: Double)](repeating: (0, 0), count: n)
        for i in 0..<n {
            var sum = CompensatedSum(y[i])
            for j in 0..<p { sum.addProduct(-x.storage[i + j * n], z[j]) }
            result[i] = sum.normalized
        }
        return result
    }
}

extension LeastSquaresFit {
    /// An ordinary least-squares solution computed elsewhere, in closed form (a straight line
    /// in time): the quantities this type would hold, with unit weights and full rank.
    ///
    /// - Parameters:
    ///   - coefficients: β̂, p values.
    ///   - fittedValues: xᵢᵀβ̂, n values.
    ///   - residuals: yᵢ − xᵢᵀβ̂, n values.
    ///   - unscaledCovariance: (XᵀX)⁻¹, p x p.
    ///   - residualSumOfSquares: Σ eᵢ².
    public init(coefficients: [Double], fittedValues: [Double], residuals: [Double], unscaledCovariance: Matrix,
                residualSumOfSquares: Double) {
        let n = residuals.count, p = coefficients.count
        precondition(fittedValues.count == n && unscaledCovariance.rows == p && unscaledCovariance.columns == p,
                     "closed-form solution of inconsistent sizes")
        self.init(coefficients: coefficients, residuals: residuals, whitenedResiduals: residuals, fittedValues: fittedValues,
                  weights: [Double](repeating: 1, count: n), rank: p, unscaledCovariance: unscaledCovariance,
                  residualSumOfSquares: residualSumOfSquares, observationCount: n, parameterCount: p)
    }

    /// The solution in another parametrisation of the same model (``RegressionResults/reparametrized(by:)``):
    /// new estimates and (XᵀWX)⁻¹; residuals, fitted values, weights and RSS are those of the model.
    func replacing(coefficients: [Double], unscaledCovariance: Matrix) -> LeastSquaresFit {
        LeastSquaresFit(coefficients: coefficients, residuals: residuals, whitenedResiduals: whitenedResiduals,
                        fittedValues: fittedValues, weights: weights, rank: rank, unscaledCovariance: unscaledCovariance,
                        residualSumOfSquares: residualSumOfSquares, observationCount: observationCount, parameterCount: parameterCount)
    }
}
