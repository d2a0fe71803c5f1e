import Foundation
import TradeDomain
import TrendAnalysis

/// A sanction-effect regression (difference in differences and event study) as
/// text or JSON. Renders only; computes nothing.
public struct SanctionEffectTable: Sendable {
    /// The fitted effect.
    public let effect: SanctionEffect

    /// - Parameter effect: The fitted effect.
    public init(effect: SanctionEffect) {
        self.effect = effect
    }

    /// `{model, outcome, covariance, event_period, reference_period, n, treated_codes,
    /// control_codes, excluded, did: {estimate, std_error, statistic, p, ci_low, ci_high},
    /// event_study: [{period, periods_from_event, estimate, std_error, statistic, p, ci_low, ci_high}]}`.
    public func json() -> JSONValue {
        let specification = effect.specification
        return .object([
            ("model", .string("y = code effect + period effect + treatment terms; event study omits the reference period")),
            ("outcome", .string(specification.outcome.rawValue)),
            ("covariance", .string(specification.covariance == .classical ? "classical (Student t)" : "clustered by code, CR1 (normal)")),
            ("event_period", .string(specification.eventPeriod.description)),
            ("reference_period", .string(effect.referencePeriod.description)),
            ("n", .integer(effect.observationCount)),
            ("treated_codes", .array(effect.treatedCodes.map { .string($0) })),
            ("control_codes", .array(effect.controlCodes.map { .string($0) })),
            ("excluded", .array(effect.exclusions.map { .object([("period", .string($0.period.description)), ("code", .string($0.code)), ("reason", .string($0.reason))]) })),
            ("did", Self.coefficient(effect.differenceInDifferences)),
            ("event_study", .array(effect.eventStudy.map(Self.coefficient))),
        ])
    }

    /// The pooled estimate and one line per event-study period.
    public func text() -> String {
        let did = effect.differenceInDifferences
        var lines = ["", "Sanction effect (\(effect.specification.outcome.rawValue); event \(effect.specification.eventPeriod), reference \(effect.referencePeriod); "
                     + "\(effect.treatedCodes.count) sanctioned and \(effect.controlCodes.count) other codes, n = \(effect.observationCount); "
                     + (effect.specification.covariance == .classical ? "classical" : "clustered by code") + " standard errors):",
                     "Difference in differences: \(Self.figure(did))"]
        lines.append(NumberStyle.left("Period", 8) + "  " + NumberStyle.right("From event", 10) + "  " + NumberStyle.right("Estimate", 10) + "  "
                     + NumberStyle.right("Std. error", 10) + "  " + NumberStyle.right("p", 8) + "  95% interval")
        for c in effect.eventStudy {
            lines.append(NumberStyle.left(c.period?.description ?? "", 8) + "  " + NumberStyle.right(c.periodsFromEvent.map { String($0) } ?? "", 10) + "  "
                         + NumberStyle.right(NumberStyle.fixed(c.estimate, decimals: 4), 10) + "  " + NumberStyle.right(NumberStyle.fixed(c.standardError, decimals: 4), 10) + "  "
                         + NumberStyle.right(NumberStyle.fixed(c.pValue, decimals: 4), 8) + "  [\(NumberStyle.fixed(c.lower95, decimals: 4)), \(NumberStyle.fixed(c.upper95, decimals: 4))]")
        }
        lines += effect.exclusions.map { "- left out: \($0.code) \($0.period): \($0.reason)" }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func figure(_ c: SanctionEffectCoefficient) -> String {
        "\(NumberStyle.fixed(c.estimate, decimals: 4)) (std. error \(NumberStyle.fixed(c.standardError, decimals: 4)), p \(NumberStyle.fixed(c.pValue, decimals: 4)), "
            + "95% [\(NumberStyle.fixed(c.lower95, decimals: 4)), \(NumberStyle.fixed(c.upper95, decimals: 4))])"
    }

    private static func coefficient(_ c: SanctionEffectCoefficient) -> JSONValue {
        .object([
            ("period", .string(c.period?.description)), ("periods_from_event", c.periodsFromEvent.map { .integer($0) } ?? .null),
            ("estimate", .number(c.estimate)), ("std_error", .number(c.standardError)), ("statistic", .number(c.statistic)),
            ("p", .number(c.pValue)), ("ci_low", .number(c.lower95)), ("ci_high", .number(c.upper95)),
        ])
    }
}
