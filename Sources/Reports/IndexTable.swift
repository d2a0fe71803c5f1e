import Foundation
import TradeDomain
import TrendAnalysis

/// A unit-value index and its price/volume decomposition as text, CSV or JSON,
/// with the codes left out of each comparison and the unit-value outliers.
/// Renders only; computes nothing.
public struct IndexTable: Sendable {
    /// The index to render.
    public let index: UnitValueIndex
    /// The outlier scores of the same basket (flagged ones are listed; none dropped).
    public let outliers: [UnitValueOutlier]
    /// The outlier threshold used.
    public let outlierThreshold: Double
    /// A label of the basket ("China's imports from the DPRK, HS 2701, 2601" or a file name).
    public let label: String

    /// - Parameters:
    ///   - index: The index.
    ///   - outliers: The outlier scores.
    ///   - outlierThreshold: The threshold used for them.
    ///   - label: What the basket is.
    public init(index: UnitValueIndex, outliers: [UnitValueOutlier], outlierThreshold: Double, label: String) {
        self.index = index
        self.outliers = outliers
        self.outlierThreshold = outlierThreshold
        self.label = label
    }

    private var title: String {
        "\(index.specification.formula.rawValue.capitalized) unit-value index, \(index.specification.chaining.rawValue), base \(index.base) = 1"
    }

    /// A fixed-width table of the index, one line per comparison splitting the value
    /// change into price and volume effects, then exclusions and flagged outliers.
    public func text() -> String {
        var lines = [title, label, "Codes: " + index.codes.joined(separator: ", "), ""]
        lines.append(NumberStyle.left("Period", 8) + "  " + NumberStyle.right("Price index", 12) + "  "
                     + NumberStyle.right("Quantity index", 14) + "  " + NumberStyle.right("Value ratio", 12))
        for point in index.points {
            lines.append(NumberStyle.left(point.period.description, 8) + "  " + NumberStyle.right(Self.index(point.priceIndex), 12) + "  "
                         + NumberStyle.right(Self.index(point.quantityIndex), 14) + "  " + NumberStyle.right(Self.index(point.valueRatio), 12))
        }
        lines += ["", "Value change = price effect + volume effect (log-mean Divisia, codes matched in both periods):"]
        for link in index.links {
            guard let split = link.decomposition else {
                lines.append("- \(link.from)→\(link.to): no code comparable in both periods")
                continue
            }
            lines.append("- \(link.from)→\(link.to): value \(NumberStyle.percent(split.valueChange / split.valueFrom)) = price effect "
                         + "\(NumberStyle.percent(split.priceEffectShare)) + volume effect \(NumberStyle.percent(split.volumeEffectShare)) "
                         + "(USD \(NumberStyle.millions(split.valueChange)) = \(NumberStyle.millions(split.priceEffect)) + \(NumberStyle.millions(split.volumeEffect)); \(link.codes.count) code\(link.codes.count == 1 ? "" : "s"))")
        }
        let excluded = index.exclusions
        if !excluded.isEmpty {
            lines += ["", "Left out of a comparison:"] + excluded.map { "- " + $0.description }
        }
        let flagged = outliers.filter(\.isOutlier)
        lines += ["", "Unit-value outliers (robust z of log unit value within each code, |z| > \(NumberStyle.fixed(outlierThreshold, decimals: 1)); flagged, still used): "
                  + (flagged.isEmpty ? "none" : "")]
        lines += flagged.map { "- \($0.code) \($0.period): unit value \(NumberStyle.fixed($0.unitValue, decimals: 2)), z \(NumberStyle.fixed($0.robustZ ?? .nan, decimals: 2))" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `period,price_index,quantity_index,value_ratio`, full precision, empty for missing.
    public func csv() -> String {
        var lines = ["period,price_index,quantity_index,value_ratio"]
        for point in index.points {
            lines.append([point.period.description, Self.full(point.priceIndex), Self.full(point.quantityIndex), Self.full(point.valueRatio)].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The JSON of CLI.md: `periods`, `price_index`, `quantity_index`, `value_ratio`
    /// (arrays aligned with `periods`), `decomposition` (one object per comparison with
    /// `price_effect` and `quantity_effect` in USD and as shares, and `by_code`),
    /// `links` (all four formulas), `excluded` and `outliers`.
    ///
    /// - Parameter source: The `selection` or `data` member describing the input.
    public func json(source: (String, JSONValue)) -> JSONValue {
        .object([
            source,
            ("formula", .string(index.specification.formula.rawValue)),
            ("chaining", .string(index.specification.chaining.rawValue)),
            ("base", .string(index.base.description)),
            ("codes", .array(index.codes.map { .string($0) })),
            ("periods", .array(index.points.map { .string($0.period.description) })),
            ("price_index", .array(index.points.map { .number($0.priceIndex) })),
            ("quantity_index", .array(index.points.map { .number($0.quantityIndex) })),
            ("value_ratio", .array(index.points.map { .number($0.valueRatio) })),
            ("decomposition", .array(index.links.map(Self.decomposition))),
            ("links", .array(index.links.map(Self.link))),
            ("excluded", .array(index.exclusions.map { exclusion in
                .object([("from", .string(exclusion.from.description)), ("to", .string(exclusion.to.description)),
                         ("code", .string(exclusion.code)), ("reason", .string(exclusion.description))])
            })),
            ("outliers", .object([
                ("method", .string("robust z of log unit value within each code: (ln uv - median) / (1.4826 MAD)")),
                ("threshold", .number(outlierThreshold)),
                ("scored", .integer(outliers.filter { $0.robustZ != nil }.count)),
                ("flagged", .array(outliers.filter(\.isOutlier).map { outlier in
                    .object([("period", .string(outlier.period.description)), ("code", .string(outlier.code)),
                             ("unit_value", .number(outlier.unitValue)), ("robust_z", .number(outlier.robustZ))])
                })),
            ])),
        ])
    }

    private static func decomposition(_ link: IndexLink) -> JSONValue {
        guard let split = link.decomposition else {
            return .object([("from", .string(link.from.description)), ("to", .string(link.to.description)), ("value_change_usd", .null),
                            ("price_effect", .null), ("quantity_effect", .null)])
        }
        return .object([
            ("from", .string(link.from.description)), ("to", .string(link.to.description)),
            ("method", .string("log-mean Divisia (LMDI-I), summed over codes")),
            ("value_from_usd", .number(split.valueFrom)), ("value_to_usd", .number(split.valueTo)),
            ("value_change_usd", .number(split.valueChange)),
            ("price_effect", .number(split.priceEffect)), ("quantity_effect", .number(split.volumeEffect)),
            ("value_change_share", .number(split.valueChange / split.valueFrom)),
            ("price_effect_share", .number(split.priceEffectShare)), ("quantity_effect_share", .number(split.volumeEffectShare)),
            ("by_code", .array(split.contributions.map { part in
                .object([("code", .string(part.code)), ("value_change_usd", .number(part.change.valueTo - part.change.valueFrom)),
                         ("price_effect", .number(part.change.priceEffect)), ("quantity_effect", .number(part.change.volumeEffect))])
            })),
        ])
    }

    private static func link(_ link: IndexLink) -> JSONValue {
        var members: [(String, JSONValue)] = [("from", .string(link.from.description)), ("to", .string(link.to.description)),
                                              ("codes", .array(link.codes.map { .string($0) }))]
        for formula in IndexFormula.allCases {
            members.append(("\(formula.rawValue)_price", .number(link.priceIndex(formula))))
            members.append(("\(formula.rawValue)_quantity", .number(link.quantityIndex(formula))))
        }
        members.append(("value_ratio", .number(link.valueRatio)))
        return .object(members)
    }

    private static func index(_ value: Double?) -> String { value.map { NumberStyle.fixed($0, decimals: 4) } ?? "-" }
    private static func full(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }
}
