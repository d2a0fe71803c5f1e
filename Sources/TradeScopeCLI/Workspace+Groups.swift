import Foundation
import TradeDomain

/// How `--by` splits a selection into groups (CLI.md "Common").
enum GroupingChoice: String, CaseIterable {
    case hs6, hs4, hs2, partner, reporter
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
