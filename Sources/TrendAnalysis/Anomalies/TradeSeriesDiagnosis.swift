import TradeDomain

/// Breaks, anomaly flags and sanction screens of a trade series (see ``DiagnosticsSpecification``).
public struct TradeSeriesDiagnosis: Sendable, Equatable, Codable {
    /// A measure of a trade series.
    public enum Measure: String, Sendable, Equatable, Codable, CaseIterable {
        case value, quantity
        case unitPrice = "unit-price"
    }

    /// The analyses of one measure on its longest stretch without gaps.
    public struct MeasureDiagnosis: Sendable, Equatable, Codable {
        /// The measure.
        public let measure: Measure
        /// The first and last period analysed, or `nil` when the measure has no figures.
        public let firstPeriod: Period?
        /// The last period analysed.
        public let lastPeriod: Period?
        /// Bai-Perron breaks in the mean (BIC), or `nil` when not run (see `notes`).
        public let breaks: Breakpoints?
        /// Robust z-score flags of the trend (annual) or STL (monthly, two years or more) residuals.
        public let anomalies: [AnomalyFlag]
        /// Why an analysis was not run or what limited it, as sentences.
        public let notes: [String]
    }

    /// One entry per measure: value, quantity, unit price.
    public let measures: [MeasureDiagnosis]
    /// The sanction screens of the whole series.
    public let sanctionFlags: [SanctionFlag]
    /// Why the screens did not run, if they did not.
    public let screenNote: String?
}
