import Foundation
import TradeDomain

/// The sanctions calendar, or the part of it touching given HS codes, as text,
/// Markdown or JSON (the `events` command's output).
public struct EventList: Sendable {
    /// Events with the measures kept (all, or those touching a code).
    public let entries: [(event: SanctionEvent, measures: [SanctionMeasure])]
    public let codes: [CommodityCode]

    /// - Parameters:
    ///   - events: The calendar.
    ///   - codes: Keep only measures touching one of these codes (empty = all).
    ///   - direction: Keep only measures of this direction (nil = any).
    public init(events: [SanctionEvent], codes: [CommodityCode], direction: SanctionDirection?) {
        self.codes = codes
        entries = events.compactMap { event in
            let measures = event.measures.filter { measure in
                (direction == nil || measure.direction == direction)
                    && (codes.isEmpty || codes.contains { measure.touches($0) })
            }
            return measures.isEmpty ? nil : (event, measures)
        }
    }

    public func text() -> String {
        var out = codes.isEmpty ? "Sanction events (\(entries.count))\n" : "Sanction events touching HS \(codes.map(\.description).joined(separator: ", ")) (\(entries.count))\n"
        for (event, measures) in entries {
            let effective = event.effective.map { ", effective \($0)" } ?? ""
            out += "\n\(event.adopted)  \(event.id)  [\(event.authority)\(effective)]\n  \(event.title)\n"
            for measure in measures {
                let codes = measure.coversAllGoods ? "all goods" : measure.hsCodes.map(\.digits).joined(separator: ",")
                out += "  - \(measure.direction.rawValue) \(TradeReport.measureSummary(measure)) [HS \(codes.isEmpty ? "none mapped" : codes)]\n"
            }
        }
        return out
    }

    public func markdown() -> String {
        var out = "| adopted | id | authority | effective | direction | measure | HS codes |\n|---|---|---|---|---|---|---|\n"
        for (event, measures) in entries {
            for measure in measures {
                let codes = measure.coversAllGoods ? "all goods" : measure.hsCodes.map(\.digits).joined(separator: ", ")
                out += "| \(event.adopted) | \(Markdown.escape(event.id)) | \(Markdown.escape(event.authority)) | \((measure.effective ?? event.effectiveDate).description) | \(measure.direction.rawValue) | \(Markdown.escape(TradeReport.measureSummary(measure))) | \(codes) |\n"
            }
        }
        return out
    }

    public func json() -> JSONValue {
        .object([
            ("codes", .array(codes.map { .string($0.description) })),
            ("events", .array(entries.map { event, measures in
                .object([
                    ("id", .string(event.id)), ("authority", .string(event.authority)),
                    ("adopted", .string(event.adopted.description)), ("effective", .string(event.effective?.description)),
                    ("expires", .string(event.expires?.description)),
                    ("partner_scope", .string(event.partnerScope)), ("title", .string(event.title)),
                    ("sources", .array(event.sources.map { .string($0) })),
                    ("measures", .array(measures.map { measure in
                        .object([
                            ("direction", .string(measure.direction.rawValue)), ("action", .string(measure.action.rawValue)),
                            ("category", .string(measure.category)),
                            ("hs_codes", .array(measure.hsCodes.map { .string($0.digits) })),
                            ("all_goods", .bool(measure.coversAllGoods)),
                            ("effective", .string((measure.effective ?? event.effectiveDate).description)),
                            ("expires", .string((measure.expires ?? event.expires)?.description)),
                            ("grace_until", .string(measure.graceUntil?.description)),
                            ("cap_value_usd", .number(measure.cap?.valueUSD)),
                            ("cap_quantity", .number(measure.cap?.quantity?.amount)),
                            ("cap_quantity_unit", .string(measure.cap?.quantity?.unit.abbreviation)),
                            ("description", .string(measure.description)),
                        ])
                    })),
                ])
            })),
        ])
    }
}
