import ArgumentParser
import Foundation
import TradeScopeKit

extension Grouping: ExpressibleByArgument {}

extension Grouping {
    /// Checks `--by` against the other flags of an analysis command (trend, breaks, anomalies).
    ///
    /// - Throws: `ValidationError` for `--by` with `--series`, or a format other than text, csv or json.
    static func validate(series: String?, format: OutputFormat) throws {
        if series != nil { throw ValidationError("--by splits a trade selection; it cannot be used with --series") }
        if format == .md || format == .html || format == .svg {
            throw ValidationError("--by writes csv (one row per group) or json (one object per line); --format \(format.rawValue) draws one series: drop --by and select the group with --hs, --reporter or --partner")
        }
    }
}
