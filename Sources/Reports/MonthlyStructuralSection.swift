import Foundation
import TradeDomain
import TrendAnalysis

/// The report's monthly section: the monthly value series of the code, with its gaps, through a
/// structural model; the smoothed level with its 95% band drawn through the missing months, and the
/// outliers and level shifts flagged from the auxiliary residuals with their nearest sanction events.
/// Computes nothing: the fit and flags come from `StructuralAnomalyDetector`.
public struct MonthlyStructuralSection: Sendable {
    /// The fit.
    public let fit: StructuralModelFit
    /// Outliers and level shifts.
    public let flags: [AnomalyFlag]
    /// Which months the section covers and why.
    public let window: String

    /// A section.
    public init(fit: StructuralModelFit, flags: [AnomalyFlag], window: String) {
        self.fit = fit
        self.flags = flags
        self.window = window
    }

    private var scale: (Double) -> Double { fit.specification.logarithm ? { exp($0) } : { $0 } }

    /// Sentences: the model, the window, the flags.
    public func lines() -> [String] {
        var lines = ["\(window) Model: structural, \(fit.specification.name(period: fit.period)); \(fit.observationCount) months observed, "
            + "\(fit.missingCount) missing (estimated, never filled in as data)."]
        if flags.isEmpty {
            lines.append("No outlier or level shift beyond |auxiliary residual| \(AnalysisText.significant(flags.first?.threshold ?? 2)).")
        }
        for flag in flags {
            let event = flag.nearestSanction.map { "; nearest event \($0.eventID) (\($0.date)), \(String(format: "%+d", flag.offsetFromSanction ?? 0)) months" } ?? ""
            let what = flag.kind == .levelShift
                ? "level shift: the level moves from \(NumberStyle.grouped(scale(flag.expected))) to \(NumberStyle.grouped(scale(flag.observed))) USD a month"
                : "outlier: \(NumberStyle.grouped(scale(flag.observed))) USD against a level of \(NumberStyle.grouped(scale(flag.expected)))"
            lines.append("\(flag.period) \(what) (auxiliary residual \(AnalysisText.significant(flag.score)))\(event).")
        }
        return lines
    }

    /// Plain text with a heading.
    func text(heading: (String) -> String) -> String {
        heading("Monthly value through the gaps (structural model)") + "\n" + lines().map { "- " + $0 }.joined(separator: "\n") + "\n\n"
    }

    /// The chart: observed months (gaps left as gaps), the smoothed level and its 95% band.
    public func chart(title: String) -> LineChart? {
        guard let bands = try? fit.signal.bands(level: 0.95) else { return nil }
        func points(_ value: (Int) -> Double?) -> [LineChart.Point] {
            fit.periods.indices.map { LineChart.Point(period: fit.periods[$0], value: value($0)) }
        }
        return LineChart(
            title: title, summary: lines().joined(separator: " "), xLabel: "month", yLabel: "USD", valueUnit: "USD",
            series: [
                LineChart.Series(name: "observed", points: points { self.fit.observed[$0].map(self.scale) }),
                LineChart.Series(name: "smoothed level and seasonal", points: points { self.scale(self.fit.signal.estimates[$0]) }),
                LineChart.Series(name: "95% band, lower", points: points { self.scale(bands[$0].lower) }),
                LineChart.Series(name: "95% band, upper", points: points { self.scale(bands[$0].upper) }),
            ],
            markers: flags.map { LineChart.Marker(x: LineChart.Point(period: $0.period, value: nil).x, label: $0.kind == .levelShift ? "S" : "O",
                                                  detail: "\($0.period): \($0.kind == .levelShift ? "level shift" : "outlier")\($0.nearestSanction.map { ", nearest \($0.eventID)" } ?? "")") },
            highlights: [])
    }

    /// JSON: `{model, window, observed_months, missing_months, log_likelihood, flags: [{period, kind, score, nearest_event}], rows: [{period, estimated, observed, signal, lower, upper}]}`.
    public func json() -> JSONValue {
        let bands = (try? fit.signal.bands(level: 0.95)) ?? []
        func number(_ value: Double?) -> JSONValue { value.map { $0.isFinite ? .number($0) : .null } ?? .null }
        return .object([
            ("model", .string(fit.specification.name(period: fit.period))), ("window", .string(window)),
            ("observed_months", .integer(fit.observationCount)), ("missing_months", .integer(fit.missingCount)),
            ("log_likelihood", number(fit.logLikelihood)),
            ("flags", .array(flags.map { flag in
                .object([("period", .string(flag.period.description)), ("kind", .string(flag.kind.rawValue)), ("score", number(flag.score)),
                         ("nearest_event", .string(flag.nearestSanction?.eventID)), ("periods_from_event", flag.offsetFromSanction.map(JSONValue.integer) ?? .null)])
            })),
            ("rows", .array(fit.periods.indices.map { i in
                .object([("period", .string(fit.periods[i].description)), ("estimated", .bool(fit.missing[i])),
                         ("observed", number(fit.observed[i].map(scale))), ("signal", number(scale(fit.signal.estimates[i]))),
                         ("lower", number(bands.indices.contains(i) ? scale(bands[i].lower) : nil)),
                         ("upper", number(bands.indices.contains(i) ? scale(bands[i].upper) : nil))])
            })),
        ])
    }
}
