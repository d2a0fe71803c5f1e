import TradeDomain
import TrendAnalysis

/// The two strucchange models of `Reference/generate/strucchange.R`: Nile `~ 1`, and the vignette's
/// seatbelt model `log10(deaths) ~ lag 1 + lag 12` on 1970-01..1984-12.
enum StructuralChangeReference {
    static let cases = ["nile", "seatbelt"]

    static func series(_ name: String) throws -> (series: TimeSeries<Double>, lags: [Int]) {
        name == "nile" ? (try BreakpointSpecificationTests.nile(), []) : (try BreakpointSpecificationTests.seatbelt(), [1, 12])
    }
}
