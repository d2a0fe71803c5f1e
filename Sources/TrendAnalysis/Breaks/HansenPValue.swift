import NumericCore

/// Hansen's (1997) approximate asymptotic p-values for the sup-F, ave-F and exp-F tests,
/// computed as strucchange's `pvalue.Fstats` does.
///
/// For `k` regressors the table holds, for 25 trimmings π₀ = 0.49, 0.47, …, 0.01, a polynomial in
/// the statistic and a degrees-of-freedom value; the p-value at π₀ is the chi-square survival of
/// the (non-negative part of the) polynomial. The trimming `τ` follows from
/// `λ = ((n − from) · to) / (from · (n − to))` as `τ = λ` when `λ < 1`, else `1 / (1 + √λ)`, and
/// p-values between tabulated trimmings are interpolated linearly.
///
/// Reference: Hansen (1997) J. Business & Economic Statistics 15(1), 60–67; strucchange `pvalue.Fstats`.
enum HansenPValue {
    enum Functional {
        case supremum, average, exponential

        var rows: [[Double]] {
            switch self {
            case .supremum: return HansenPValue.supremumRows
            case .average: return HansenPValue.averageRows
            case .exponential: return HansenPValue.exponentialRows
            }
        }
    }

    static let supremumRows = parse(HansenCoefficients.sup)
    static let averageRows = parse(HansenCoefficients.ave)
    static let exponentialRows = parse(HansenCoefficients.exp)

    static func parse(_ text: String) -> [[Double]] {
        text.split(separator: "\n").map { line in
            line.split(separator: " ").map { field -> Double in
                guard let value = Double(field) else { preconditionFailure("bad Hansen coefficient \(field)") }
                return value
            }
        }
    }

    /// The largest number of regressors tabulated; more use this value (as strucchange does, with a warning).
    static let maximumRegressors = 40

    /// The p-value of `statistic`.
    ///
    /// - Parameters:
    ///   - statistic: The sup-F, ave-F or exp-F statistic.
    ///   - functional: Which of the three.
    ///   - regressors: k (values above 40 use 40).
    ///   - lambda: λ of the trimmed range.
    static func pValue(_ statistic: Double, functional: Functional, regressors: Int, lambda: Double) -> Double {
        let k = min(max(regressors, 1), maximumRegressors)
        let all = functional.rows
        let rows = all[((k - 1) * 25)..<(k * 25)]
        let m = all[0].count - 1
        let pp = rows.map { row -> Double in
            var value = 0.0, power = 1.0
            for j in 0..<m { value += row[j] * power; power *= statistic }
            return ChiSquared(degreesOfFreedom: row[m]).survival(max(value, 0))
        }
        let tau = lambda < 1 ? lambda : 1 / (1 + lambda.squareRoot())
        let chiSquare = ChiSquared(degreesOfFreedom: Double(k))
        if tau == 0.5 { return chiSquare.survival(statistic) }
        if tau <= 0.01 { return pp[24] }
        if tau >= 0.49 { return ((0.5 - tau) * pp[0] + (tau - 0.49) * chiSquare.survival(statistic)) * 100 }
        let taua = (0.51 - tau) * 50
        let tau1 = Int(taua.rounded(.down))          // R's 1-based pp[tau1]
        return (Double(tau1) + 1 - taua) * pp[tau1 - 1] + (taua - Double(tau1)) * pp[tau1]
    }
}
