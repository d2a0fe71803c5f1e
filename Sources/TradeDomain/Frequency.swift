/// How often a series is observed: once a year, once a quarter or once a month.
///
/// The raw values (`annual`, `quarterly`, `monthly`) are the spellings used in
/// JSON output and on the command line.
public enum Frequency: String, Codable, Sendable, CaseIterable, Comparable {
    /// One period per calendar year.
    case annual
    /// Four periods per year, Q1 = January-March.
    case quarterly
    /// Twelve periods per year.
    case monthly

    /// The number of periods of this frequency in one calendar year: 1, 4 or 12.
    public var periodsPerYear: Int {
        switch self {
        case .annual: return 1
        case .quarterly: return 4
        case .monthly: return 12
        }
    }

    /// The number of calendar months in one period: 12, 3 or 1.
    public var monthsPerPeriod: Int { 12 / periodsPerYear }

    /// Orders frequencies from the coarsest (annual) to the finest (monthly).
    public static func < (lhs: Frequency, rhs: Frequency) -> Bool {
        lhs.periodsPerYear < rhs.periodsPerYear
    }
}
