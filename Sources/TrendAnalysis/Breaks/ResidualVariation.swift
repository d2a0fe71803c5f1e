/// The check that a model leaves residual variation to test.
///
/// A constant series (or one the regressors fit exactly) has residuals that are rounding noise,
/// about 1e-13 of the data's size; test statistics built on them (F, CUSUM, the BIC of break
/// counts) divide noise by noise and report "significant" breaks. Break tests therefore refuse
/// a residual standard deviation at or below ``relativeTolerance`` times the largest magnitude
/// of the response, and say why.
enum ResidualVariation {
    /// Residual standard deviations at or below this fraction of the response's largest magnitude
    /// are rounding noise (double precision rounds at about 1e-16 of it; real data vary far more).
    static let relativeTolerance = 1e-10

    /// Throws when the residual standard deviation is rounding noise.
    ///
    /// - Parameters:
    ///   - residualStandardDeviation: The full-sample model's residual standard deviation.
    ///   - response: The response values.
    ///   - method: The method's name, for the message.
    /// - Throws: ``AnalysisError/noResidualVariation(method:residualStandardDeviation:scale:)``.
    static func require(residualStandardDeviation: Double, response: [Double], method: String) throws(AnalysisError) {
        let scale = response.reduce(0) { max($0, abs($1)) }
        guard residualStandardDeviation.isFinite, residualStandardDeviation > relativeTolerance * scale, residualStandardDeviation > 0 else {
            throw .noResidualVariation(method: method, residualStandardDeviation: residualStandardDeviation, scale: scale)
        }
    }

    /// The same check from a residual sum of squares over `n` observations.
    static func require(residualSumOfSquares: Double, response: [Double], method: String) throws(AnalysisError) {
        try require(residualStandardDeviation: (max(residualSumOfSquares, 0) / Double(max(response.count, 1))).squareRoot(),
                    response: response, method: method)
    }
}
