import ArgumentParser
import Foundation
import TradeDomain

/// How `--by` splits a selection into groups (CLI.md "Common").
enum GroupingChoice: String, CaseIterable {
    case hs6, hs4, hs2, partner, reporter

    /// Checks a `--by` value against the other flags of an analysis command (trend, breaks, anomalies).
    ///
    /// - Throws: `ValidationError` for an unknown grouping, `--by` with `--series`, `--by partner|reporter`
    ///   with `--mirror`, or a format other than text, csv or json.
    static func validate(_ by: String, series: String?, selection: SelectionOptions, format: OutputFormat) throws {
        guard GroupingChoice(rawValue: by) != nil else { throw ValidationError("--by must be hs6, hs4, hs2, partner or reporter") }
        if series != nil { throw ValidationError("--by splits a trade selection; it cannot be used with --series") }
        if selection.mirror && (by == "partner" || by == "reporter") { throw ValidationError("--by \(by) cannot be combined with --mirror; use --by hs6, hs4 or hs2") }
        if format == .md || format == .html { throw ValidationError("--by writes csv (one row per group) or json (one object per line)") }
    }
}

extension Workspace {
    /// The groups of a selection: one selection per HS code at a level (within the selection's
    /// commodity scope), or per partner or reporter with data for the commodity, sorted by key.
    ///
    /// - Parameters:
    ///   - selection: The selection to split.
    ///   - grouping: The grouping.
    /// - Returns: Keys (code or ISO3) and their selections.
    func groups(of selection: TradeSelection, by grouping: GroupingChoice) -> [(key: String, selection: TradeSelection)] {
        func inScope(_ record: TradeRecord) -> Bool {
            if record.commodity == selection.commodity || selection.commodity == .total { return true }
            if case let .hs(code) = record.commodity { return selection.commodity.covers(code) }
            return false
        }
        switch grouping {
        case .hs6, .hs4, .hs2:
            let level: HSLevel = grouping == .hs6 ? .subheading : grouping == .hs4 ? .heading : .chapter
            var codes = Set<HSCode>()
            for record in records where selection.matchesExceptCommodity(record) && inScope(record) {
                if case let .hs(code) = record.commodity, code.level >= level { codes.insert(code.rolledUp(to: level)) }
            }
            return codes.sorted().map { ($0.description, selection.with(commodity: .hs($0))) }
        case .partner, .reporter:
            let open = TradeSelection(reporter: grouping == .reporter ? nil : selection.reporter,
                                      partner: grouping == .partner ? nil : selection.partner, flow: selection.flow,
                                      commodity: selection.commodity, from: selection.from, through: selection.through,
                                      frequency: selection.frequency)
            var countries = Set<CountryCode>()
            for record in records where open.matchesExceptCommodity(record) && inScope(record) {
                countries.insert(grouping == .partner ? record.partner : record.reporter)
            }
            return countries.sorted { $0.iso3 < $1.iso3 }.map { country in
                (country.iso3, TradeSelection(reporter: grouping == .reporter ? country : selection.reporter,
                                              partner: grouping == .partner ? country : selection.partner, flow: selection.flow,
                                              commodity: selection.commodity, from: selection.from, through: selection.through,
                                              frequency: selection.frequency))
            }
        }
    }
}
