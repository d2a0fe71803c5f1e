/// A linear regression specification: column names, whether the design has an
/// intercept column, the covariance estimator and the coverage of the coefficient
/// intervals. `fit` returns `RegressionResults`.
///
/// ```
/// y = X β + ε,   E ε = 0,   Var εᵢ = σ² / wᵢ
/// ```
/// Rows are 0-based observations in time order (the order matters for the
/// Durbin–Watson statistic and HAC covariance); columns are regressors.
///
/// Reference: statsmodels `OLS`/`WLS(...).fit()` and R `summary(lm(...))`.
public struct LinearRegression: Sendable, Equatable, Codable {
    /// Names of the design's columns, or nil for `x0`, `x1`, ...
    public let columnNames: [String]?
    /// Whether one column of the design is a constant (intercept). It selects
    /// centred R² and an F test that leaves the intercept out; without it R² is
    /// uncentred, as in R and statsmodels.
    public let hasIntercept: Bool
    /// The covariance estimator: `.classical` gives classical inference only;
    /// `.neweyWest` adds the HAC covariance of the same fit (``RegressionResults/hac``).
    public let covarianceEstimator: CovarianceEstimator
    /// The coverage of the per-coefficient intervals, in (0, 1).
    public let level: Double

    /// Creates a regression specification.
    ///
    /// - Parameters:
    ///   - columnNames: One name per design column, or nil.
    ///   - hasIntercept: Whether the design contains a constant column.
    ///   - covarianceEstimator: `.classical` (default) or `.neweyWest(...)`.
    ///   - level: The coverage of the coefficient intervals, in (0, 1); default 0.95.
    public init(columnNames: [String]? = nil, hasIntercept: Bool = true,
                covarianceEstimator: CovarianceEstimator = .classical, level: Double = 0.95) {
        precondition(level > 0 && level < 1, "confidence level \(level) must lie in (0, 1)")
        self.columnNames = columnNames
        self.hasIntercept = hasIntercept
        self.covarianceEstimator = covarianceEstimator
        self.level = level
    }

    /// Fits the regression by least squares once (see `LeastSquaresFit` for the method),
    /// then forms the classical inference and, for `.neweyWest`, the HAC covariance of the
    /// same solution (``RegressionResults/withCovariance(_:design:)``).
    ///
    /// - Parameters:
    ///   - design: The n x p design matrix X; with `hasIntercept` one column must be constant.
    ///   - response: The n responses.
    ///   - weights: Optional inverse-variance weights (WLS), all positive.
    /// - Returns: The fitted results with all inference computed.
    /// - Throws: `LinearAlgebraError.tooFewObservations` when n ≤ p (no residual
    ///   degrees of freedom are left for σ̂²), and the
    ///   errors of `LeastSquaresFit` (rank deficiency, invalid weights, non-finite data);
    ///   `.rankDeficient` also when the HAC covariance is singular (no Wald F).
    /// - Complexity: O(n p²), plus O(n p L) for Newey–West with L lags.
    public func fit(design: Matrix, response: [Double], weights: [Double]? = nil) throws(LinearAlgebraError) -> RegressionResults {
        if let columnNames { precondition(columnNames.count == design.columns, "\(columnNames.count) names for \(design.columns) columns") }
        if design.rows <= design.columns {
            throw .tooFewObservations(observations: design.rows, parameters: design.columns)
        }
        let leastSquares: LeastSquaresFit
        if let weights {
            leastSquares = try LeastSquaresFit.weightedLeastSquares(design: design, response: response, weights: weights)
        } else {
            leastSquares = try LeastSquaresFit.ordinaryLeastSquares(design: design, response: response)
        }
        let classical = RegressionResults(design: design, response: response, leastSquares: leastSquares,
                                          names: columnNames ?? (0..<design.columns).map { "x\($0)" },
                                          hasIntercept: hasIntercept, level: level)
        if covarianceEstimator == .classical { return classical }
        return try classical.withCovariance(covarianceEstimator, design: design)
    }
}
