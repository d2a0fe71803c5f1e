import TradeDomain

/// Which goods the sanctions calendar covers at a date: the split of a selection's
/// codes into sanctioned and non-sanctioned goods, and the totals of each group
/// over time (``totals(_:)``).
///
/// A code is sanctioned at `date` when some event that binds `country`
/// (``SanctionEvent/binds(_:)``) has a measure of the given direction, in force at
/// `date` (its effective date on or before `date`, not expired), that touches the
/// code (``SanctionMeasure/covers(_:)``: nesting in either direction, so a chapter
/// of which one heading is banned counts as sanctioned; use finer codes to separate
/// them). Bans, caps and suspensions all count. Codes that are not HS codes
/// (labels in a data file) are never sanctioned.
public struct SanctionCoverage: Hashable, Codable, Sendable {
    /// The date at which measures are read.
    public let date: CalendarDate
    /// The country whose trade is in question (the importer for export measures).
    public let country: CountryCode
    /// The direction of the measures (DPRK exports: `.export`).
    public let direction: SanctionDirection
    /// The sanctioned codes, each with the ids of the events whose measures cover it.
    public let sanctioned: [String: [String]]
    /// The codes not covered by any measure in force.
    public let nonSanctioned: [String]

    /// Splits codes by the calendar.
    ///
    /// - Parameters:
    ///   - codes: The codes of a selection or basket.
    ///   - events: The sanctions calendar.
    ///   - date: The date at which measures are read.
    ///   - country: The country whose trade is in question.
    ///   - direction: The direction of the measures; `.export` (DPRK exports) by default.
    public init(codes: [String], events: [SanctionEvent], date: CalendarDate, country: CountryCode, direction: SanctionDirection = .export) {
        var sanctioned: [String: [String]] = [:]
        var others: [String] = []
        for code in Set(codes).sorted() {
            let hs = try? HSCode(code)
            let ids = events.filter { event in
                guard let hs, event.binds(country) else { return false }
                return event.measures.contains { measure in
                    guard measure.direction == direction, measure.covers(hs), event.effectiveDate(of: measure) <= date else { return false }
                    if let end = measure.expires ?? event.expires, end <= date { return false }
                    return true
                }
            }.map(\.id)
            if ids.isEmpty { others.append(code) } else { sanctioned[code] = ids }
        }
        self.date = date
        self.country = country
        self.direction = direction
        self.sanctioned = sanctioned
        self.nonSanctioned = others
    }

    /// Whether a code is in the sanctioned group.
    ///
    /// - Parameter code: A code.
    /// - Returns: `true` when a measure in force covers it.
    public func isSanctioned(_ code: String) -> Bool { sanctioned[code] != nil }

    /// The total value of each group by period.
    ///
    /// - Parameter observations: The basket (values in USD), codes as passed to `init`.
    /// - Returns: One row per period with data, in order.
    public func totals(_ observations: [BasketObservation]) -> [SanctionGroupTotal] {
        var sums: [Period: (Double, Double, Int, Int)] = [:]
        for observation in observations {
            var entry = sums[observation.period] ?? (0, 0, 0, 0)
            if isSanctioned(observation.code) { entry.0 += observation.value; entry.2 += 1 } else { entry.1 += observation.value; entry.3 += 1 }
            sums[observation.period] = entry
        }
        return sums.keys.sorted().map { period in
            let entry = sums[period]!
            return SanctionGroupTotal(period: period, sanctionedValue: entry.2 > 0 ? entry.0 : nil, nonSanctionedValue: entry.3 > 0 ? entry.1 : nil,
                                      sanctionedCodeCount: entry.2, nonSanctionedCodeCount: entry.3)
        }
    }
}
