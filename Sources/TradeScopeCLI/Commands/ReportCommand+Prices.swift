import Foundation
import Reports
import TradeDomain
import TrendAnalysis
import TradeScopeKit

extension ReportCommand {
    /// The report's additions of issue 6, as JSON members: `price_volume`, the Fisher
    /// chained unit-value index and price/volume decomposition of the basket of the
    /// selected codes; and `sanction_groups`, the value of sanctioned and other HS
    /// chapters of the first selection's trade by period (StackedBarChart data), read
    /// at the latest effective date of the calendar.
    func priceMembers(_ selections: [TradeSelection], workspace: Workspace, sanctionGroups: SanctionGroupChart?) throws -> [(String, JSONValue)] {
        let mirror = selection.mirrorView
        var basket: [BasketObservation] = []
        for selected in selections {
            basket += BasketObservation.observations(from: try workspace.series(selected, mirror: mirror).series)
        }
        let label = workspace.label(selections[0], mirror: mirror)
        var members: [(String, JSONValue)] = []
        if let index = try? UnitValueIndexSpecification(formula: .fisher, chaining: .chained).compute(basket) {
            let outliers = try UnitValueOutlierSpecification().flag(basket)
            let table = IndexTable(index: index, outliers: outliers, outlierThreshold: 3, label: label)
            members.append(("price_volume", table.json(source: ("basket", .array(index.codes.map { .string($0) })))))
        } else {
            members.append(("price_volume", .null))
        }
        members.append(("sanction_groups", sanctionGroups?.json() ?? .null))
        return members
    }

    /// The chapters of a selection's trade split into sanctioned and other goods.
    func sanctionGroups(_ selected: TradeSelection, workspace: Workspace) throws -> SanctionGroupChart? {
        // Only where the calendar's target is a side of the flow: Russian wood is not "sanctioned goods".
        let calendar = try workspace.calendar
        guard let direction = calendar.direction(of: selected),
              let date = calendar.events.map({ $0.effectiveDate }).max() else { return nil }
        let mirror = selection.mirrorView
        let chapters = Set(try workspace.records(for: selected.with(commodity: .total), mirror: mirror).compactMap { record -> HSCode? in
            // Every HS code counts through its chapter: a chapter reported only through its headings
            // (monthly coal as 2701) is summed from them by the series builder, not left out.
            if case let .hs(code) = record.commodity { return code.chapter }
            return nil
        }).sorted()
        var basket: [BasketObservation] = []
        let progress = TerminalProgress(total: chapters.count, unit: "chapters", label: "sanctioned and other goods", enabled: selection.db != nil)
        defer { progress.finish() }
        for chapter in chapters {
            defer { progress.tick() }
            basket += BasketObservation.observations(from: try workspace.series(selected.with(commodity: .hs(chapter)), mirror: mirror).series)
        }
        guard !basket.isEmpty else { return nil }
        let bound = calendar.counterpart(of: selected) ?? selected.reporter ?? workspace.profile.reporter
        let coverage = SanctionCoverage(codes: basket.map(\.code), events: calendar.events, date: date, country: bound, direction: direction)
        return SanctionGroupChart(coverage: coverage, totals: coverage.totals(basket), label: workspace.label(selected, mirror: mirror) + ", HS chapters")
    }
}
