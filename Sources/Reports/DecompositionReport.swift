import Foundation
import TradeDomain
import TrendAnalysis

/// Renders an STL decomposition as text, CSV or JSON (CLI.md `decompose`). Computes nothing.
public struct DecompositionReport: Sendable {
    /// The decomposition.
    public let decomposition: STLDecomposition
    /// What was analysed.
    public let label: String

    /// A report.
    ///
    /// - Parameters:
    ///   - decomposition: The STL result.
    ///   - label: The heading.
    public init(decomposition: STLDecomposition, label: String) {
        self.decomposition = decomposition
        self.label = label
    }

    private var parameters: [(String, Int?)] {
        let s = decomposition.specification
        return [("period", s.period), ("seasonal", s.seasonal), ("trend", s.trend), ("low_pass", s.lowPass),
                ("seasonal_degree", s.seasonalDegree), ("trend_degree", s.trendDegree), ("low_pass_degree", s.lowPassDegree),
                ("seasonal_jump", s.seasonalJump), ("trend_jump", s.trendJump), ("low_pass_jump", s.lowPassJump),
                ("inner_iterations", s.innerIterations), ("outer_iterations", s.outerIterations)]
    }

    /// Fixed-width text: the parameters, then one row per period.
    ///
    /// - Returns: The text, ending in a newline.
    public func text() -> String {
        let d = decomposition
        var out = "STL decomposition\(d.specification.robust ? " (robust)" : ""): \(label)\n"
        out += parameters.map { "\($0.0) \($0.1.map(String.init) ?? "-")" }.joined(separator: ", ") + "\n"
        out += AnalysisText.table(["period", "observed", "trend", "seasonal", "remainder"], d.observed.indices.map { i in
            [d.periods.isEmpty ? String(i) : d.periods[i].description, AnalysisText.significant(d.observed[i]), AnalysisText.significant(d.trend[i]),
             AnalysisText.significant(d.seasonal[i]), AnalysisText.significant(d.remainder[i])]
        })
        return out
    }

    /// CSV: `period,observed,trend,seasonal,remainder` at full precision.
    ///
    /// - Returns: The CSV text.
    public func csv() -> String {
        let d = decomposition
        return "period,observed,trend,seasonal,remainder\n" + d.observed.indices.map { i in
            "\(d.periods.isEmpty ? String(i) : d.periods[i].description),\(d.observed[i]),\(d.trend[i]),\(d.seasonal[i]),\(d.remainder[i])"
        }.joined(separator: "\n") + "\n"
    }

    /// JSON (CLI.md): `periods`, `trend`, `seasonal`, `remainder` aligned with `periods`, and the parameters.
    ///
    /// - Parameter selection: The selection object (or the series file) to embed.
    /// - Returns: The JSON value.
    public func json(selection: JSONValue) -> JSONValue {
        let d = decomposition
        return .object([
            ("selection", selection),
            ("parameters", .object(parameters.map { ($0.0, $0.1.map { .integer($0) } ?? .null) } + [("robust", .bool(d.specification.robust))])),
            ("periods", .array(d.periods.map { .string($0.description) })),
            ("observed", .array(d.observed.map { .number($0) })),
            ("trend", .array(d.trend.map { .number($0) })),
            ("seasonal", .array(d.seasonal.map { .number($0) })),
            ("remainder", .array(d.remainder.map { .number($0) })),
        ])
    }
}

extension DecompositionReport {
    /// `decompose --by --format json`: one line per group, `{"group", "error", ...}` followed by the
    /// members of the group's single-run JSON (``json(selection:)``), or by its selection alone when it failed.
    ///
    /// - Parameters:
    ///   - results: Each group's decomposition or error, in output order.
    ///   - selections: Each group's selection object.
    public static func batchNDJSON(results: [GroupResult<STLDecomposition>], selections: [JSONValue]) -> String {
        results.enumerated().map { index, result in
            var fields: [(String, JSONValue)] = [("group", .string(result.key)), ("error", .string(result.error?.description))]
            if let decomposition = result.value,
               case let .object(members) = DecompositionReport(decomposition: decomposition, label: result.key).json(selection: selections[index]) {
                fields += members
            } else {
                fields.append(("selection", selections[index]))
            }
            return JSONValue.object(fields).rendered(indent: 0).replacingOccurrences(of: "\n", with: "") + "\n"
        }.joined()
    }
}
