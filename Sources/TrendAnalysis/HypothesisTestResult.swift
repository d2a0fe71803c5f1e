/// The outcome of a hypothesis test, in one shape for every test (modelled on R's `htest`).
///
/// `statistic` is the test statistic, `pValue` the probability under the null hypothesis of a
/// statistic at least as extreme, `degreesOfFreedom` the parameters of the reference
/// distribution when it has any (an F test lists numerator then denominator), and
/// `criticalValues` the statistic's critical values at conventional significance levels.
public struct HypothesisTestResult: Sendable, Equatable, Codable {
    /// A critical value of the statistic: the null hypothesis is rejected at `significance`
    /// when the statistic exceeds `value`.
    public struct CriticalValue: Sendable, Equatable, Codable {
        /// The significance level, for example 0.05.
        public let significance: Double
        /// The critical value of the statistic at that level.
        public let value: Double

        /// A critical value.
        ///
        /// - Parameters:
        ///   - significance: The significance level in (0, 1).
        ///   - value: The statistic's critical value.
        public init(significance: Double, value: Double) {
            self.significance = significance
            self.value = value
        }
    }

    /// The test's name, for example "supF test" or "Chow test".
    public let name: String
    /// The test statistic.
    public let statistic: Double
    /// The p-value.
    public let pValue: Double
    /// The degrees of freedom of the reference distribution, if it has any.
    public let degreesOfFreedom: [Double]?
    /// Critical values at the 10%, 5% and 1% levels (ascending significance order is not implied).
    public let criticalValues: [CriticalValue]

    /// A test result.
    ///
    /// - Parameters:
    ///   - name: The test's name.
    ///   - statistic: The statistic.
    ///   - pValue: The p-value in [0, 1].
    ///   - degreesOfFreedom: The reference distribution's degrees of freedom, or `nil`.
    ///   - criticalValues: Critical values of the statistic.
    public init(name: String, statistic: Double, pValue: Double, degreesOfFreedom: [Double]?, criticalValues: [CriticalValue]) {
        self.name = name
        self.statistic = statistic
        self.pValue = pValue
        self.degreesOfFreedom = degreesOfFreedom
        self.criticalValues = criticalValues
    }

    /// The conventional levels at which critical values are reported.
    static let conventionalLevels = [0.10, 0.05, 0.01]

    /// Critical values found by bisection on a p-value function that decreases in the statistic.
    ///
    /// - Parameters:
    ///   - levels: Significance levels.
    ///   - upperBound: A statistic whose p-value is below every level.
    ///   - pValue: The p-value as a function of the statistic.
    /// - Returns: One critical value per level, to a relative precision of about 1e-12.
    static func criticalValues(levels: [Double] = conventionalLevels, upperBound: Double,
                               pValue: (Double) -> Double) -> [CriticalValue] {
        levels.map { level in
            var low = 0.0, high = upperBound
            for _ in 0..<200 {
                let middle = (low + high) / 2
                if pValue(middle) > level { low = middle } else { high = middle }
                if high - low <= 1e-13 * high { break }
            }
            return CriticalValue(significance: level, value: (low + high) / 2)
        }
    }
}
