import Foundation
import Testing
import TradeDomain
@testable import TradeIO

@Suite("SanctionCalendarReader")
struct SanctionCalendarReaderTests {
    // The UNSCR 2321 coal measure as written in Data/sanctions/sanctions_dprk.yaml (shortened texts).
    static let calendar = """
        - id: UNSCR-2321
          authority: UNSC
          adopted: 2016-11-30
          partner_scope: all UN member states
          title: UNSC resolution 2321 (2016)
          measures:
          - direction: export
            action: cap
            category: coal
            hs_codes:
            - '2701'
            - '2702'
            hs_source: inferred
            effective: 2017-01-01
            cap: {value_usd: 400870018, quantity: 7500000, unit: metric tons, period: per calendar year}
            description: Binding annual cap on the DPRK's total coal exports.
          sources: [S-US-FS-2321]
        """

    @Test("reads events, measures, caps and codes")
    func reads() throws {
        let events = try SanctionCalendarReader.parse(yaml: Self.calendar, displayName: "cal.yaml").events
        #expect(events.count == 1)
        let measure = try #require(events.first?.measures.first)
        let adopted = try CalendarDate(year: 2016, month: 11, day: 30)
        #expect(events[0].adopted == adopted)
        #expect(measure.action == .cap && measure.direction == .export)
        let codes = [try HSCode("2701"), try HSCode("2702")]
        #expect(measure.hsCodes == codes)
        #expect(measure.cap?.valueUSD == 400_870_018)
        #expect(measure.cap?.quantity == Quantity(amount: 7_500_000, unit: .tonne))
        let (sub, chapter, ore) = (try HSCode("270112"), try HSCode("27"), try HSCode("2601"))
        #expect(measure.covers(sub) && measure.covers(chapter) && !measure.covers(ore))
    }

    @Test("errors name the file, the line and the key", arguments: [
        ("adopted: 2016-11-30", "adopted: 2016-13-30", 3, "adopted"),
        ("    action: cap", "    action: embargo", 8, "action"),
        ("    - '2702'", "    - '27021'", 12, "hs_codes"),
        ("    category: coal", "    colour: coal", 9, "colour"),
    ])
    func errors(original: String, replacement: String, line: Int, key: String) throws {
        let text = Self.calendar.replacingOccurrences(of: original, with: replacement)
        do {
            _ = try SanctionCalendarReader.parse(yaml: text, displayName: "cal.yaml")
            Issue.record("expected an error")
        } catch let TradeIOError.invalidYAML(location, _) {
            #expect(location.file == "cal.yaml")
            #expect(location.field == key)
            #expect(location.line == line)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("a YAML syntax error names the line")
    func syntaxError() {
        #expect(throws: TradeIOError.self) {
            try SanctionCalendarReader.parse(yaml: "- id: [unclosed\n", displayName: "cal.yaml")
        }
    }
}
