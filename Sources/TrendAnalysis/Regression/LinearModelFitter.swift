import NumericCore

/// Builds a design from terms, fits it once with NumericCore (pivoted QR with iterative
/// refinement), adds the Newey–West covariance of that fit when asked, and maps polynomial
/// coefficients back to raw powers. Internal: the public entry points are
/// `TrendSpecification` and `ColumnRegressionSpecification`.
enum LinearModelFitter {
    /// Fits `response` on an optional intercept and `terms`.
    ///
    /// - Throws: `AnalysisError.tooFewObservations` when n ≤ p,
    ///   `.invalidParameter` for a constant polynomial column,
    ///   `.regressionFailed` for a rank-deficient design or non-finite data.
    static func fit(response: [Double], intercept: Bool, terms: [DesignTerm], weights: [Double]?,
                    hacLags: Int?, level: Double, step: String) throws(AnalysisError) -> RegressionResults {
        let n = response.count
        var names: [String] = intercept ? ["const"] : []
        var columns: [[Double]] = intercept ? [[Double](repeating: 1, count: n)] : []
        var blocks: [PolynomialBlock] = []
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
                blocks.append(PolynomialBlock(first: columns.count, centre: centre, scale: scale, degree: degree))
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

        let estimator: CovarianceEstimator = hacLags.map { .neweyWest(lags: $0, smallSampleCorrection: false) } ?? .classical
        let results: RegressionResults
        do {
            results = try LinearRegression(columnNames: names, hasIntercept: intercept, covarianceEstimator: estimator, level: level)
                .fit(design: Matrix(columns: columns), response: response, weights: weights)
        } catch {
            throw .regressionFailed(step: step, error)
        }
        if blocks.isEmpty { return results }
        return results.reparametrized(by: PolynomialBlock.backTransform(blocks, parameterCount: p, interceptColumn: intercept ? 0 : nil))
    }
}
