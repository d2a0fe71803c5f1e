import TradeDomain

/// A unit-value price and quantity index by period (the result of
/// ``UnitValueIndexSpecification/compute(_:)``), with the comparisons it was built
/// from and every code left out of one.
///
/// ``Point/valueRatio`` is the value ratio of the matched codes, formed the same
/// way (fixed base or chained); for the Fisher formula it equals
/// `priceIndex × quantityIndex` up to rounding (the factor reversal test).
public struct UnitValueIndex: Hashable, Codable, Sendable {
    /// The index in one period.
    public struct Point: Hashable, Codable, Sendable {
        /// The period.
        public let period: Period
        /// The price index (1 in the base period); `nil` when no comparison reaches the period.
        public let priceIndex: Double?
        /// The quantity index (1 in the base period); `nil` likewise.
        public let quantityIndex: Double?
        /// The value ratio of the matched codes (1 in the base period); `nil` likewise.
        public let valueRatio: Double?

        /// - Parameters:
        ///   - period: The period.
        ///   - priceIndex: The price index.
        ///   - quantityIndex: The quantity index.
        ///   - valueRatio: The value ratio.
        public init(period: Period, priceIndex: Double?, quantityIndex: Double?, valueRatio: Double?) {
            self.period = period
            self.priceIndex = priceIndex
            self.quantityIndex = quantityIndex
            self.valueRatio = valueRatio
        }
    }

    /// The specification that was computed.
    public let specification: UnitValueIndexSpecification
    /// The base period (the one given, or the first of the data).
    public let base: Period
    /// All codes of the basket, in order.
    public let codes: [String]
    /// The index by period, in order.
    public let points: [Point]
    /// The comparisons: base against each other period (fixed base), or each
    /// period against the one before (chained).
    public let links: [IndexLink]

    /// Creates a result; normally made by ``UnitValueIndexSpecification/compute(_:)``.
    ///
    /// - Parameters:
    ///   - specification: The specification.
    ///   - base: The base period.
    ///   - codes: The basket's codes.
    ///   - points: The index by period.
    ///   - links: The comparisons.
    public init(specification: UnitValueIndexSpecification, base: Period, codes: [String], points: [Point], links: [IndexLink]) {
        self.specification = specification
        self.base = base
        self.codes = codes
        self.points = points
        self.links = links
    }

    /// Every exclusion of every comparison, in order.
    public var exclusions: [BasketExclusion] { links.flatMap(\.exclusions) }
}
