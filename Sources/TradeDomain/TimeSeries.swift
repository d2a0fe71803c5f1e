/// A regular sequence of periods of one frequency, each with a value or an explicit gap.
///
/// The series starts at ``start`` and has one entry per period; `nil` marks a
/// missing observation and never stands for zero (a reported zero is the value
/// `0`). Quantity and value are kept as separate series; a unit price series is
/// derived from both.
///
/// ```swift
/// let s = try TimeSeries(observations: [(Period(year: 2015), 1.0), (Period(year: 2017), 3.0)])
/// s.values   // [1.0, nil, 3.0]
/// ```
public struct TimeSeries<Value: Sendable & Equatable>: Sendable, Equatable {
    /// The first period.
    public let start: Period
    /// One entry per period from ``start``; `nil` is a missing observation.
    public let values: [Value?]

    /// A series from its first period and its entries.
    ///
    /// - Parameters:
    ///   - start: The period of `values[0]`.
    ///   - values: One entry per period; `nil` for missing.
    public init(start: Period, values: [Value?]) {
        self.start = start
        self.values = values
    }

    /// A series from observations in any order; periods between them become gaps.
    ///
    /// - Parameter observations: Period-value pairs, all of one frequency.
    /// - Throws: ``TradeDomainError/emptySeries`` for no observations,
    ///   ``TradeDomainError/mixedFrequencies(_:_:)`` when frequencies differ,
    ///   ``TradeDomainError/duplicatePeriod(_:)`` when a period occurs twice.
    /// - Complexity: O(n log n + span), where span is the number of periods covered.
    public init(observations: [(Period, Value)]) throws(TradeDomainError) {
        guard let first = observations.first else { throw .emptySeries }
        let frequency = first.0.frequency
        for (period, _) in observations where period.frequency != frequency {
            throw .mixedFrequencies(frequency, period.frequency)
        }
        let sorted = observations.sorted { $0.0 < $1.0 }
        let start = sorted[0].0
        let span = start.distance(to: sorted[sorted.count - 1].0) + 1
        var values = [Value?](repeating: nil, count: span)
        var seen = [Bool](repeating: false, count: span)
        for (period, value) in sorted {
            let index = start.distance(to: period)
            if seen[index] { throw .duplicatePeriod(period) }
            seen[index] = true
            values[index] = value
        }
        self.init(start: start, values: values)
    }

    /// The frequency of every period in the series.
    public var frequency: Frequency { start.frequency }

    /// The number of periods, missing ones included.
    public var count: Int { values.count }

    /// The periods of the series, one per entry of ``values``.
    public var periods: [Period] { (0..<values.count).map { start.advanced(by: $0) } }

    /// The last period. For an empty series this is the period before ``start``.
    public var end: Period { start.advanced(by: values.count - 1) }

    /// The value at a period; `nil` when missing, outside the series, or of another frequency.
    public subscript(period: Period) -> Value? {
        guard period.frequency == frequency else { return nil }
        let index = start.distance(to: period)
        guard values.indices.contains(index) else { return nil }
        return values[index]
    }

    /// The number of missing entries.
    public var missingCount: Int { values.reduce(0) { $0 + ($1 == nil ? 1 : 0) } }

    /// The observed entries with their periods, in order; gaps are skipped.
    public var observations: [(period: Period, value: Value)] {
        values.enumerated().compactMap { index, value in
            value.map { (period: start.advanced(by: index), value: $0) }
        }
    }

    /// A series of the same periods with each observed value transformed; gaps stay gaps.
    ///
    /// - Parameter transform: Applied to each observed value.
    /// - Returns: The transformed series.
    /// - Throws: Whatever `transform` throws.
    public func map<T>(_ transform: (Value) throws -> T) rethrows -> TimeSeries<T> {
        TimeSeries<T>(start: start, values: try values.map { try $0.map(transform) })
    }

    /// The part of the series between two periods, inclusive.
    ///
    /// - Parameters:
    ///   - from: The first period kept; `nil` keeps from the start.
    ///   - through: The last period kept; `nil` keeps to the end.
    /// - Returns: The slice, clipped to the series; empty (starting at `from`) when
    ///   the bounds do not overlap the series. Bounds must share the series'
    ///   frequency (a precondition).
    public func slice(from: Period?, through: Period?) -> TimeSeries<Value> {
        let lower = max(0, from.map { start.distance(to: $0) } ?? 0)
        let upper = min(values.count - 1, through.map { start.distance(to: $0) } ?? values.count - 1)
        guard lower <= upper else {
            return TimeSeries(start: from ?? start, values: [])
        }
        return TimeSeries(start: start.advanced(by: lower), values: Array(values[lower...upper]))
    }
}

extension TimeSeries: Hashable where Value: Hashable {}

extension TimeSeries: Codable where Value: Codable {
    private enum CodingKeys: String, CodingKey { case start, values }

    /// Decodes `{"start": "2015-03", "values": [1.5, null, ...]}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(start: try container.decode(Period.self, forKey: .start),
                  values: try container.decode([Value?].self, forKey: .values))
    }

    /// Encodes the start period and the entries, with `null` for gaps.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(values, forKey: .values)
    }
}
