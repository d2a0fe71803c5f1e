import TradeDomain

/// Breaks, anomaly flags and sanction screens of a trade series (see ``DiagnosticsSpecification``).
public struct TradeSeriesDiagnosis: Sendable, Equatable, Codable {
    /// A measure of a trade series.
    public enum Measure: String, Sendable, Equatable, Codable, CaseIterable {
        case value, quantity
        case unitPrice = "unit-price"
    }

    /// The analyses of one measure: breaks on every observed period, anomaly scores on the longest
    /// stretch without gaps.
    public struct MeasureDiagnosis: Sendable, Equatable, Codable {
        /// The measure.
        public let measure: Measure
        /// The first period of the anomaly scores' window (the longest run without gaps), or `nil`
        /// when the measure has no figures.
        public let firstPeriod: Period?
        /// The last period of the anomaly scores' window.
        public let lastPeriod: Period?
        /// The window of the break search: the first to the last observed period, or `nil` when the
        /// measure has no figures.
        public let breakWindow: BreakWindow?
        /// Bai-Perron breaks in the mean (BIC), or `nil` when not run (see `notes`).
        public let breaks: Breakpoints?
        /// Robust z-score flags of the trend (annual) or STL (monthly, two years or more) residuals.
        public let anomalies: [AnomalyFlag]
        /// Why an analysis was not run or what limited it, as sentences.
        public let notes: [String]
    }

    /// The periods a break search covers: the missing ones inside it are left out of the regression.
    public struct BreakWindow: Sendable, Equatable, Codable {
        /// The first observed period.
        public let first: Period
        /// The last observed period.
        public let last: Period
        /// The periods from `first` to `last`.
        public let periodCount: Int
        /// The missing periods among them.
        public let missingCount: Int
    }

    /// One entry per measure: value, quantity, unit price.
    public let measures: [MeasureDiagnosis]
    /// The sanction screens of the whole series.
    public let sanctionFlags: [SanctionFlag]
    /// Why the screens did not run, if they did not.
    public let screenNote: String?
}
