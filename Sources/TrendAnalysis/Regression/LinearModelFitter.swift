import Foundation
import NumericCore

/// Builds a design from terms, fits it with NumericCore (pivoted QR with iterative
/// refinement), and maps polynomial coefficients back to raw powers. Internal:
/// the public entry points are `TrendSpecification` and `ColumnRegressionSpecification`.
enum LinearModelFitter {
    /// Fits `response` on an optional intercept and `terms`.
    ///
    /// - Throws: `AnalysisError.tooFewObservations` when n ≤ p,
    ///   `.invalidParameter` for a constant polynomial column,
    ///   `.regressionFailed` for a rank-deficient design or non-finite data.
    static func fit(response: [Double], intercept: Bool, terms: [DesignTerm], weights: [Double]?,
                    hacLags: Int?, level: Double, step: String) throws(AnalysisError) -> RegressionFit {
        let n = response.count
        var names: [String] = intercept ? ["const"] : []
        var columns: [[Double]] = intercept ? [[Double](repeating: 1, count: n)] : []
        // Back-transformation β_raw = T β_fitted, T starting as the identity.
        var blocks: [(first: Int, centre: Double, scale: Double, degree: Int)] = []
        for term in terms {
            switch term {
            case let .column(name, values):
                precondition(values.count == n, "column \(name) has \(values.count) values for \(n) observations")
                names.append(name)
                columns.append(values)
            case let .polynomial(name, values, degree):
                precondition(values.count == n && degree >= 1, "polynomial \(name): bad length or degree")
                let centre = intercept ? values.reduce(0, +) / Double(n) : 0
                let scale = values.reduce(0) { max($0, abs($1 - centre)) }
                guard scale > 0, scale.isFinite else {
                    throw .invalidParameter(name: "polynomial in \(name)", value: "degree \(degree)",
                                            constraint: "the column must vary (all \(n) values are equal)")
                }
                blocks.append((columns.count, centre, scale, degree))
                let u = values.map { ($0 - centre) / scale }
                var power = u
                for k in 1...degree {
                    names.append(k == 1 ? name : "\(name)^\(k)")
                    columns.append(power)
                    if k < degree { for i in 0..<n { power[i] *= u[i] } }
                }
            }
        }
        let p = columns.count
        guard p >= 1 else { throw .invalidParameter(name: "design", value: "empty", constraint: "a model needs an intercept or at least one regressor") }
        guard n > p else { throw .tooFewObservations(needed: p + 1, found: n, method: step) }
        let design = Matrix(columns: columns)

        let classical: RegressionResults
        var hac: RegressionResults?
        do {
            classical = try LinearRegression(columnNames: names, hasIntercept: intercept).fit(design: design, response: response, weights: weights)
            if let hacLags {
                hac = try LinearRegression(columnNames: names, hasIntercept: intercept,
                                           covarianceEstimator: .neweyWest(lags: hacLags, smallSampleCorrection: false))
                    .fit(design: design, response: response, weights: weights)
            }
        } catch {
            throw .regressionFailed(step: step, error)
        }

        var transform = Matrix.identity(p)
        for block in blocks {
            var binomial = [[Double]](repeating: [Double](repeating: 0, count: block.degree + 1), count: block.degree + 1)
            for k in 0...block.degree {
                binomial[k][0] = 1
                if k > 0 { for m in 1...k { binomial[k][m] = binomial[k - 1][m - 1] + (m <= k - 1 ? binomial[k - 1][m] : 0) } }
            }
            // Σₖ bₖ ((x − c)/s)ᵏ = Σₘ xᵐ Σ_{k≥m} bₖ C(k, m) (−c)^(k−m) / sᵏ.
            for k in 1...block.degree {
                let column = block.first + k - 1
                let sk = pow(block.scale, Double(k))
                for m in 1...k {
                    transform[block.first + m - 1, column] = binomial[k][m] * pow(-block.centre, Double(k - m)) / sk
                }
                if intercept { transform[0, column] = pow(-block.centre, Double(k)) / sk }
            }
        }
        let mapped = !blocks.isEmpty
        let estimates = mapped ? transform.multiply(classical.leastSquares.coefficients) : classical.leastSquares.coefficients
        let covariance = mapped ? sandwich(transform, classical.covariance) : classical.covariance
        let hacCovariance = hac.map { mapped ? sandwich(transform, $0.covariance) : $0.covariance }

        let t = StudentT(degreesOfFreedom: Double(classical.residualDegreesOfFreedom))
        let q = CriticalValues.studentT(degreesOfFreedom: classical.residualDegreesOfFreedom, level: level)
        // An exact fit (residual standard error at most 1e-10 of the data's size) leaves t, p and F
        // as noise over noise: they are undefined (NaN), not infinite beside a p of 0.
        let scale = zip(classical.fittedValues, classical.residuals).reduce(0.0) { max($0, abs($1.0 + $1.1)) }
        let exact = !(classical.residualStandardError > 1e-10 * scale)
        var coefficients: [Coefficient] = []
        for j in 0..<p {
            let se = covariance[j, j].squareRoot()
            let statistic = exact ? .nan : estimates[j] / se
            let hacSE = hacCovariance.map { $0[j, j].squareRoot() }
            coefficients.append(Coefficient(
                name: names[j], estimate: estimates[j], standardError: se, tStatistic: statistic,
                pValue: exact ? .nan : 2 * t.survival(abs(statistic)), lower: estimates[j] - q * se, upper: estimates[j] + q * se,
                hacStandardError: hacSE, hacPValue: hacSE.map { exact ? .nan : 2 * Normal().survival(abs(estimates[j] / $0)) }))
        }
        return RegressionFit(
            coefficients: coefficients, covariance: covariance, hacCovariance: hacCovariance, hacLags: hac?.neweyWestLags,
            level: level, observationCount: n, modelDegreesOfFreedom: classical.modelDegreesOfFreedom,
            residualDegreesOfFreedom: classical.residualDegreesOfFreedom,
            residualStandardError: classical.residualStandardError,
            residualSumOfSquares: classical.leastSquares.residualSumOfSquares, rSquared: classical.rSquared,
            adjustedRSquared: classical.adjustedRSquared, fStatistic: exact ? .nan : classical.fStatistic,
            fPValue: exact ? .nan : classical.fPValue,
            logLikelihood: classical.logLikelihood, aic: classical.aic, bic: classical.bic,
            durbinWatson: classical.durbinWatson, fittedValues: classical.fittedValues, residuals: classical.residuals)
    }

    /// T C Tᵀ.
    private static func sandwich(_ t: Matrix, _ c: Matrix) -> Matrix {
        t.multiply(c).multiply(t.transposed)
    }
}
