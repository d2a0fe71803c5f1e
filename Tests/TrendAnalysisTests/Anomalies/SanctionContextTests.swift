import Foundation
import Testing
import TradeDomain
@testable import TrendAnalysis

@Suite("SanctionContext: which events bear on a selection")
struct SanctionContextTests {
    static func event(_ id: String, _ codes: [String], direction: SanctionDirection = .export) throws -> SanctionEvent {
        SanctionEvent(id: id, authority: "UNSC", adopted: try CalendarDate(year: 2017, month: 9, day: 11), partnerScope: "all", title: id,
                      measures: [SanctionMeasure(direction: direction, action: .ban, category: id, hsCodes: try codes.map { try HSCode($0) })])
    }

    static func selection(_ code: String, reporter: String = "CHN", partner: String = "PRK", flow: TradeFlow = .import) throws -> TradeSelection {
        TradeSelection(reporter: try CountryCode(reporter), partner: try CountryCode(partner), flow: flow, commodity: try CommodityCode(parsing: code))
    }

    @Test("a chapter range or section stands for its chapters: an arms ban does not bear on clothing")
    func chapterRanges() throws {
        let calendar = SanctionCalendar(target: .northKorea, events: [try Self.event("ARMS", ["93", "8710"]), try Self.event("TEXTILES", ["61", "62"])], origin: "test")
        for code in ["61-62", "XI", "62"] {
            let context = SanctionContext(calendar: calendar, selection: try Self.selection(code))
            #expect(context.events.map(\.id) == ["TEXTILES"], "\(code)")
        }
        #expect(SanctionContext(calendar: calendar, selection: try Self.selection("XIX")).events.map(\.id) == ["ARMS"])
    }

    @Test("the calendar bears only where its target is a side of the flow, with the measures of that direction")
    func target() throws {
        let calendar = SanctionCalendar(target: .northKorea, events: [try Self.event("EXPORTS", ["27"]), try Self.event("IMPORTS", ["27"], direction: .import)], origin: "test")
        #expect(SanctionContext(calendar: calendar, selection: try Self.selection("27")).events.map(\.id) == ["EXPORTS"])
        #expect(SanctionContext(calendar: calendar, selection: try Self.selection("27", flow: .export)).events.map(\.id) == ["IMPORTS"])
        #expect(SanctionContext(calendar: calendar, selection: try Self.selection("27", partner: "RUS")).events.isEmpty)
        #expect(SanctionContext(calendar: calendar, selection: try Self.selection("27", reporter: "PRK", partner: "CHN", flow: .export)).events.map(\.id) == ["EXPORTS"])
    }
}
