import Foundation
import TradeDomain
import TrendAnalysis

extension AnomalyReport {
    /// One group's anomaly flags and sanction screens.
    public struct GroupFlags: Sendable {
        /// The statistical flags.
        public let flags: [AnomalyFlag]
        /// The sanction screens.
        public let sanctionFlags: [SanctionFlag]

        /// - Parameters:
        ///   - flags: The statistical flags.
        ///   - sanctionFlags: The sanction screens.
        public init(flags: [AnomalyFlag], sanctionFlags: [SanctionFlag]) {
            self.flags = flags
            self.sanctionFlags = sanctionFlags
        }
    }

    /// The CSV of `anomalies --by`: one row per group with the flagged periods, their nearest events, and the
    /// counts of sanction screens by kind; a failed group has only its key and error.
    ///
    /// - Parameter results: One result per group.
    /// - Returns: The CSV text.
    public static func batchCSV(results: [GroupResult<GroupFlags>]) -> String {
        var out = "group,n_anomalies,anomalies,nearest_events,flow_after_ban,pre_ban_surge,unit_price_divergence,cap_utilisation,error\n"
        for result in results {
            var cells = [result.key, "", "", "", "", "", "", "", result.error?.description ?? ""]
            if let value = result.value {
                cells[1] = String(value.flags.count)
                cells[2] = value.flags.map(\.period.description).joined(separator: ";")
                cells[3] = value.flags.map { $0.nearestSanction?.eventID ?? "" }.joined(separator: ";")
                for (offset, kind) in SanctionFlag.Kind.allCases.enumerated() {
                    cells[4 + offset] = String(value.sanctionFlags.filter { $0.kind == kind }.count)
                }
            }
            out += cells.map(csvField).joined(separator: ",") + "\n"
        }
        return out
    }

    /// NDJSON of `anomalies --by`: one object per line, `group` and `error` first, then the fields of ``json(selection:)``.
    ///
    /// - Parameters:
    ///   - results: One result per group.
    ///   - selections: The selection object of each group.
    ///   - methodDescription: The method in words.
    /// - Returns: The lines.
    public static func batchNDJSON(results: [GroupResult<GroupFlags>], selections: [JSONValue], methodDescription: String) -> String {
        results.enumerated().map { index, result in
            var fields: [(String, JSONValue)] = [("group", .string(result.key)), ("error", .string(result.error?.description))]
            if let value = result.value,
               case let .object(members) = AnomalyReport(flags: value.flags, sanctionFlags: value.sanctionFlags, label: result.key,
                                                          methodDescription: methodDescription).json(selection: selections[index]) {
                fields += members
            } else {
                fields.append(("selection", selections[index]))
            }
            return JSONValue.object(fields).rendered(indent: 0).replacingOccurrences(of: "\n", with: "") + "\n"
        }.joined()
    }
}
