import Foundation
import TradeDomain

/// The mirror gap of a selection as text or JSON: for each period where both
/// sides report, the reporter's value, the mirror value and their difference.
/// Renders only; computes nothing.
public struct MirrorGapTable: Sendable {
    /// The gap to render.
    public let gap: MirrorGap

    /// - Parameter gap: The mirror gap.
    public init(gap: MirrorGap) {
        self.gap = gap
    }

    /// A fixed-width table, or one line saying that no period has both sides.
    public func text() -> String {
        var lines = ["", "Mirror gap (mirror − reported), CIF/FOB convention: \(gap.convention)"]
        guard !gap.points.isEmpty else {
            lines.append("No period has a value from both sides: the reporter does not report this flow.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append(NumberStyle.left("Period", 8) + "  " + NumberStyle.right("Reported (USD)", 16) + "  "
                     + NumberStyle.right("Mirror (USD)", 16) + "  " + NumberStyle.right("Gap (USD)", 16) + "  " + NumberStyle.right("Ratio", 8))
        for point in gap.points {
            lines.append(NumberStyle.left(point.period.description, 8) + "  "
                         + NumberStyle.right(NumberStyle.grouped(point.reportedValue), 16) + "  "
                         + NumberStyle.right(NumberStyle.grouped(point.mirrorValue), 16) + "  "
                         + NumberStyle.right(NumberStyle.grouped(point.gap), 16) + "  "
                         + NumberStyle.right(point.ratio.map { NumberStyle.fixed($0, decimals: 4) } ?? "-", 8))
        }
        if gap.convention != .none {
            lines.append("Split of the gap before adjustment (partner as reported − reported) = valuation part (CIF/FOB convention) + residual:")
            for point in gap.points {
                lines.append("- \(point.period): \(NumberStyle.grouped(point.totalGap)) = \(NumberStyle.grouped(point.valuationPart)) + \(NumberStyle.grouped(point.residual))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `[{period, reported_value_usd, mirror_value_usd, gap_usd, ratio, unadjusted_mirror_value_usd,
    /// total_gap_usd, valuation_part_usd, residual_usd}]` (total gap = valuation part + residual; residual = gap).
    public func json() -> JSONValue {
        .array(gap.points.map { point in
            .object([
                ("period", .string(point.period.description)),
                ("reported_value_usd", .number(point.reportedValue)),
                ("mirror_value_usd", .number(point.mirrorValue)),
                ("gap_usd", .number(point.gap)),
                ("ratio", .number(point.ratio)),
                ("unadjusted_mirror_value_usd", .number(point.unadjustedMirrorValue)),
                ("total_gap_usd", .number(point.totalGap)),
                ("valuation_part_usd", .number(point.valuationPart)),
                ("residual_usd", .number(point.residual)),
            ])
        })
    }
}
