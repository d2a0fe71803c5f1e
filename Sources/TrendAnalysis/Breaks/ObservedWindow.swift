import TradeDomain

/// The calendar window a break analysis covered and how many of its periods had no value.
///
/// The break methods run on the observed periods of a series with gaps (regression rows only
/// where the value, and every lag it needs, is observed); this records what was left out so that
/// every output can say so.
public struct ObservedWindow: Sendable, Equatable, Codable {
    /// The first period of the window (observed or not).
    public let first: Period
    /// The last period of the window.
    public let last: Period
    /// The number of calendar periods from `first` to `last`.
    public let periodCount: Int
    /// The number of those periods with no value.
    public let missingCount: Int

    /// The window of a series: its whole span, with its gaps counted.
    ///
    /// - Parameter series: The series as given to the analysis.
    public init(_ series: TimeSeries<Double>) {
        first = series.start
        last = series.end
        periodCount = series.count
        missingCount = series.values.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
    }

    /// The number of periods with a value.
    public var observedCount: Int { periodCount - missingCount }
}
