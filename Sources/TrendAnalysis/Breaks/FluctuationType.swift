/// The empirical fluctuation processes available (strucchange `efp(type = )`).
public enum FluctuationType: String, Sendable, Equatable, Codable, CaseIterable {
    /// Cumulative sums of OLS residuals (Ploberger and Krämer 1992), limit a Brownian bridge.
    case olsCUSUM
    /// Cumulative sums of recursive residuals (Brown, Durbin and Evans 1975), limit a Brownian motion.
    case recursiveCUSUM
}
