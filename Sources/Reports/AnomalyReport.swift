import Foundation
import TradeDomain
import TrendAnalysis

/// Renders anomaly flags and sanction screens as text or JSON (CLI.md `anomalies`). Computes nothing.
public struct AnomalyReport: Sendable {
    /// The statistical flags.
    public let flags: [AnomalyFlag]
    /// The sanction-specific flags (empty for a plain series).
    public let sanctionFlags: [SanctionFlag]
    /// What was analysed.
    public let label: String
    /// How the residuals were scored, for the heading ("robust z > 3.5 on STL residuals").
    public let methodDescription: String

    /// A report.
    ///
    /// - Parameters:
    ///   - flags: The anomaly flags.
    ///   - sanctionFlags: Sanction screens, or empty.
    ///   - label: The heading.
    ///   - methodDescription: The method in words.
    public init(flags: [AnomalyFlag], sanctionFlags: [SanctionFlag], label: String, methodDescription: String) {
        self.flags = flags
        self.sanctionFlags = sanctionFlags
        self.label = label
        self.methodDescription = methodDescription
    }

    /// Months from an event to a flag: the signed period offset times the months per period.
    static func months(_ flag: AnomalyFlag) -> Int? {
        flag.offsetFromSanction.map { $0 * flag.period.frequency.monthsPerPeriod }
    }

    /// Fixed-width text.
    ///
    /// - Returns: The text, ending in a newline.
    public func text() -> String {
        var out = "Anomalies (\(methodDescription)): \(label)\n"
        if flags.isEmpty {
            out += "no anomalies\n"
        } else {
            out += AnalysisText.table(["period", "kind", "value", "expected", "score", "nearest event", "date", "periods from event"], flags.map { flag in
                [flag.period.description, flag.kind == .levelShift ? "level shift" : "outlier", AnalysisText.significant(flag.observed), AnalysisText.significant(flag.expected),
                 AnalysisText.significant(flag.score), flag.nearestSanction?.eventID ?? "-", flag.nearestSanction?.date.description ?? "-",
                 flag.offsetFromSanction.map { String(format: "%+d", $0) } ?? "-"]
            })
        }
        if !sanctionFlags.isEmpty {
            out += "\nSanction screens:\n"
            out += AnalysisText.table(["period", "kind", "event", "note"], sanctionFlags.map { flag in
                [flag.period.description, Self.kindName(flag.kind), flag.sanction?.eventID ?? "-", flag.note]
            })
        }
        return out
    }

    static func kindName(_ kind: SanctionFlag.Kind) -> String {
        switch kind {
        case .flowAfterBan: return "flow_after_ban"
        case .preBanSurge: return "pre_ban_surge"
        case .unitPriceDivergence: return "unit_price_divergence"
        case .capUtilisation: return "cap_utilisation"
        }
    }

    /// JSON: `anomalies: [{period, value, expected, score, threshold, nearest_event: {id, date, months_from_event,
    /// periods_from_event} | null}]` and `sanction_flags`.
    ///
    /// - Parameter selection: The selection object (or the series file) to embed.
    /// - Returns: The JSON value.
    public func json(selection: JSONValue) -> JSONValue {
        .object([
            ("selection", selection),
            ("method", .string(methodDescription)),
            ("anomalies", .array(flags.map { flag in
                .object([("period", .string(flag.period.description)), ("kind", .string(flag.kind.rawValue)),
                         ("value", .number(flag.observed)), ("expected", .number(flag.expected)),
                         ("score", .number(flag.score)), ("threshold", .number(flag.threshold)),
                         ("nearest_event", flag.nearestSanction.map { event in
                             .object([("id", .string(event.eventID)), ("date", .string(event.date.description)),
                                      ("months_from_event", Self.months(flag).map { .integer($0) } ?? .null),
                                      ("periods_from_event", flag.offsetFromSanction.map { .integer($0) } ?? .null)])
                         } ?? .null)])
            })),
            ("sanction_flags", .array(sanctionFlags.map { flag in
                .object([("kind", .string(Self.kindName(flag.kind))), ("period", .string(flag.period.description)),
                         ("event_id", .string(flag.sanction?.eventID)), ("event_date", .string(flag.sanction?.date.description)),
                         ("periods_from_event", flag.offsetFromSanction.map { .integer($0) } ?? .null),
                         ("observed", .number(flag.observed)), ("reference", .number(flag.reference)),
                         ("value_share", .number(flag.capUtilisation?.valueShare)), ("quantity_share", .number(flag.capUtilisation?.quantityShare)),
                         ("note", .string(flag.note))])
            })),
        ])
    }
}
