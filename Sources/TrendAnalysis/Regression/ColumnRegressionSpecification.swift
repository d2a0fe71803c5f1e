import NumericCore

/// Least squares on named data columns (the `regress` command): a response, regressors
/// in the order given, an optional intercept, polynomial terms and weights.
///
/// ```
/// y = β₀ + Σⱼ βⱼ xⱼ + ε       (xⱼ with --poly xⱼ:K contributes xⱼ, xⱼ², ..., xⱼ^K in its place)
/// ```
/// Rows where the response, a regressor or the weight is missing are dropped and counted.
/// Coefficients come in design order: `const` first, then each regressor as given, a
/// polynomial's powers ascending.
///
/// Reference: statsmodels `OLS/WLS(y, X).fit()` (HAC: `cov_type="HAC"`); R `lm(y ~ x1 + x2, weights = w)`.
public struct ColumnRegressionSpecification: Sendable, Equatable, Codable {
    /// The response column.
    public let response: String
    /// Regressor columns, in design order.
    public let regressors: [String]
    /// Whether to add an intercept (`const`).
    public let hasIntercept: Bool
    /// Polynomial degrees by regressor (each key must be among `regressors`).
    public let polynomialDegrees: [String: Int]
    /// The weights column (WLS), or nil for OLS.
    public let weights: String?
    /// Newey–West lags for HAC standard errors, or nil.
    public let hacLags: Int?
    /// Interval coverage in (0, 1).
    public let level: Double

    /// A specification.
    ///
    /// - Parameters:
    ///   - response: The response column.
    ///   - regressors: Regressor columns in design order.
    ///   - hasIntercept: Add an intercept (default true).
    ///   - polynomialDegrees: Degree K ≥ 1 for regressors entering as polynomials.
    ///   - weights: A weights column, or nil.
    ///   - hacLags: Newey–West lags, or nil.
    ///   - level: Interval coverage (default 0.95).
    public init(response: String, regressors: [String], hasIntercept: Bool = true, polynomialDegrees: [String: Int] = [:],
                weights: String? = nil, hacLags: Int? = nil, level: Double = 0.95) {
        self.response = response
        self.regressors = regressors
        self.hasIntercept = hasIntercept
        self.polynomialDegrees = polynomialDegrees
        self.weights = weights
        self.hacLags = hacLags
        self.level = level
    }

    /// All columns the model reads: response, regressors, weights.
    public var columnNames: [String] { [response] + regressors + (weights.map { [$0] } ?? []) }

    /// Checks that every column has one role: the response, each regressor and the weights are
    /// distinct columns. A column used twice would make the design singular (or the fit trivial,
    /// for the response as a regressor), so it is refused by name before any data is read.
    ///
    /// - Throws: `AnalysisError.invalidParameter` naming the column given twice.
    public func checkColumnNames() throws(AnalysisError) {
        var seen: [String: String] = [response: "the response (--y)"]
        let roles = regressors.map { ($0, "a regressor (--x)") } + (weights.map { [($0, "the weights (--weights)")] } ?? [])
        for (name, role) in roles {
            if let earlier = seen[name] {
                let constraint = earlier == role ? "is given twice as \(role)" : "is both \(earlier) and \(role); each column has one role"
                throw .invalidParameter(name: "column", value: name, constraint: constraint)
            }
            seen[name] = role
        }
    }

    /// Fits the model.
    ///
    /// - Parameter columns: Values by column name, all of one length; nil is missing.
    /// - Returns: The fit and the number of rows dropped for missing values.
    /// - Throws: `AnalysisError.invalidParameter` for a column that is absent, a polynomial on a
    ///   column that is not a regressor, a degree below 1, a level outside (0, 1), HAC lags
    ///   outside 0..<n, a weight that is not positive, or a column given twice (``checkColumnNames()``); `.tooFewObservations`; `.regressionFailed`
    ///   for a rank-deficient design (naming the dependent columns).
    public func fit(columns: [String: [Double?]]) throws(AnalysisError) -> ColumnRegressionFit {
        guard level > 0 && level < 1 else {
            throw .invalidParameter(name: "confidence level", value: "\(level)", constraint: "must lie strictly between 0 and 1")
        }
        try checkColumnNames()
        var data: [[Double?]] = []
        for name in columnNames {
            guard let column = columns[name] else {
                throw .invalidParameter(name: "column", value: name, constraint: "is not in the data")
            }
            data.append(column)
        }
        for (name, degree) in polynomialDegrees.sorted(by: { $0.key < $1.key }) {
            guard regressors.contains(name) else {
                throw .invalidParameter(name: "polynomial column", value: name, constraint: "must be one of the regressors (--x)")
            }
            guard degree >= 1 else { throw .invalidParameter(name: "polynomial degree of \(name)", value: "\(degree)", constraint: "must be at least 1") }
        }
        let rowCount = data[0].count
        precondition(data.allSatisfy { $0.count == rowCount }, "columns of different lengths")
        let complete = (0..<rowCount).filter { i in data.allSatisfy { $0[i] != nil } }
        let pick = { (k: Int) in complete.map { data[k][$0]! } }
        let y = pick(0)
        let terms: [DesignTerm] = regressors.enumerated().map { j, name in
            let values = pick(j + 1)
            if let degree = polynomialDegrees[name], degree > 1 { return .polynomial(name: name, values: values, degree: degree) }
            return .column(name: name, values: values)
        }
        let weightValues = weights.map { _ in pick(columnNames.count - 1) }
        if let weightValues, let bad = weightValues.first(where: { !($0 > 0) }) {
            throw .invalidParameter(name: "weight", value: "\(bad)", constraint: "weights must be positive")
        }
        if let hacLags, hacLags < 0 || hacLags >= y.count {
            throw .invalidParameter(name: "HAC lags", value: "\(hacLags)", constraint: "must lie in 0..<\(y.count) (the observations used)")
        }
        let fit = try LinearModelFitter.fit(response: y, intercept: hasIntercept, terms: terms, weights: weightValues,
                                            hacLags: hacLags, level: level, step: "regressing \(response) on \(regressors.joined(separator: ", "))")
        return ColumnRegressionFit(specification: self, regression: fit, droppedRowCount: rowCount - complete.count)
    }
}

/// The result of ``ColumnRegressionSpecification/fit(columns:)``.
public struct ColumnRegressionFit: Sendable, Equatable, Codable {
    /// What was fitted.
    public let specification: ColumnRegressionSpecification
    /// The regression.
    public let regression: RegressionResults
    /// Rows dropped because a used column was missing.
    public let droppedRowCount: Int

    /// The regression table (see ``RegressionResults/summary(title:dependent:extraHeader:notes:)``).
    ///
    /// - Returns: The table, with the dropped-row count in the header.
    public func summary() -> SummaryTable {
        regression.summary(title: specification.weights == nil ? "OLS Regression Results" : "WLS Regression Results",
                           dependent: specification.response,
                           extraHeader: [.init("Rows dropped (missing)", "\(droppedRowCount)")])
    }
}
