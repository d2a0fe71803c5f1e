/// A rendering request the data cannot honour (exit code 2 on the command line).
public enum ReportsError: Error, Equatable, CustomStringConvertible {
    /// `--log-scale` on a chart with a value at or below zero.
    case nonPositiveOnLogScale(what: String, period: String, value: Double)
    /// `--index-base` names a period the series has no positive value for.
    case indexBaseUnavailable(period: String, reason: String)
    /// A chart option that does not apply to this chart.
    case optionNotApplicable(option: String, reason: String)

    public var description: String {
        switch self {
        case let .nonPositiveOnLogScale(what, period, value):
            return "--log-scale: \(what) is \(AnalysisText.significant(value)) in \(period); a logarithmic axis needs positive values (drop --log-scale)"
        case let .indexBaseUnavailable(period, reason):
            return "--index-base \(period): \(reason)"
        case let .optionNotApplicable(option, reason):
            return "\(option): \(reason)"
        }
    }
}
