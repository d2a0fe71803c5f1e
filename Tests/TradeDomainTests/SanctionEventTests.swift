import Testing
@testable import TradeDomain

@Suite("SanctionEvent")
struct SanctionEventTests {
    /// UNSCR 2371 (adopted 2017-08-05) with two of its measures, as in sanctions_dprk.yaml,
    /// plus a made-up import measure to test the direction filter.
    private func event(effective: CalendarDate? = nil) throws -> SanctionEvent {
        let coal = SanctionMeasure(direction: .export, action: .ban, category: "coal",
                                   hsCodes: [try HSCode("2701"), try HSCode("2702")])
        let iron = SanctionMeasure(direction: .export, action: .ban, category: "iron",
                                   hsCodes: [try HSCode("7201"), try HSCode("7202")])
        let fuel = SanctionMeasure(direction: .import, action: .cap, category: "test: fuel into the DPRK",
                                   hsCodes: [try HSCode("2710")], effective: try CalendarDate(parsing: "2018-01-01"))
        return SanctionEvent(id: "UNSCR-2371", authority: "UNSC", adopted: try CalendarDate(parsing: "2017-08-05"),
                             effective: effective, partnerScope: "all UN member states", title: "UNSCR 2371",
                             measures: [coal, iron, fuel])
    }

    @Test func effectiveDateFallsBackToAdoption() throws {
        #expect(try event().effectiveDate.description == "2017-08-05")
        let later = try event(effective: try CalendarDate(parsing: "2017-08-15"))
        #expect(later.effectiveDate.description == "2017-08-15")
        #expect(later.effectiveDate(of: later.measures[0]).description == "2017-08-15")
        #expect(later.effectiveDate(of: later.measures[2]).description == "2018-01-01")
    }

    @Test func measuresTouchingACode() throws {
        let e = try event()
        #expect(e.measures(touching: try HSCode("270112"), direction: nil).map(\.category) == ["coal"])
        // Chapter 27 is touched by the coal ban (export) and the fuel cap (import).
        #expect(e.measures(touching: try HSCode("27"), direction: nil).count == 2)
        #expect(e.measures(touching: try HSCode("27"), direction: .export).map(\.category) == ["coal"])
        #expect(e.measures(touching: try HSCode("27"), direction: .import).map(\.category) == ["test: fuel into the DPRK"])
        #expect(e.measures(touching: try HSCode("72"), direction: .import).isEmpty)
        #expect(e.measures(touching: try HSCode("03"), direction: nil).isEmpty)
    }
}

@Suite("SanctionEvent.binds: whose trade a measure binds")
struct SanctionEventScopeTests {
    static func event(_ authority: String) throws -> SanctionEvent {
        SanctionEvent(
            id: "X", authority: authority, adopted: try CalendarDate(year: 2017, month: 8, day: 5), effective: nil,
            expires: nil, partnerScope: "", title: "t", measures: [], notes: nil, sources: [])
    }

    @Test("UN measures bind all; national measures bind their own country", arguments: [
        ("UNSC", "CHN", true), ("UNSC", "USA", true), ("US", "CHN", false), ("US", "USA", true),
        ("China-MOFCOM/GAC", "CHN", true), ("China-MOFCOM/GAC", "JPN", false), ("Japan", "CHN", true),
    ])
    func binds(authority: String, country: String, expected: Bool) throws {
        #expect(try Self.event(authority).binds(try CountryCode(country)) == expected)
    }
}
