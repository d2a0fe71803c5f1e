import Testing
@testable import TradeDomain

@Suite("SanctionMeasure")
struct SanctionMeasureTests {
    /// The coal measure of UNSCR 2371 as in sanctions_dprk.yaml: export ban on HS 2701 and 2702.
    private func coalBan() throws -> SanctionMeasure {
        SanctionMeasure(direction: .export, action: .ban, category: "coal",
                        hsCodes: [try HSCode("2701"), try HSCode("2702")],
                        graceUntil: try CalendarDate(parsing: "2017-09-04"), hsSourceOfficial: true)
    }

    @Test("Coverage in both directions of nesting", arguments: [
        ("270112", true),  // subheading of a measure heading
        ("2701", true),    // the heading itself
        ("27", true),      // chapter series that contains a measure heading
        ("2702", true), ("270210", true),
        ("2703", false), ("270300", false), ("26", false), ("2601", false),
    ])
    func coverage(series: String, touched: Bool) throws {
        #expect(try coalBan().covers(try HSCode(series)) == touched)
    }

    @Test func chapterMeasureCoversItsHeadings() throws {
        let textiles = SanctionMeasure(direction: .export, action: .ban, category: "textiles",
                                       hsCodes: try (50...63).map { try HSCode(String($0)) })
        #expect(textiles.covers(try HSCode("620342")))
        #expect(textiles.covers(try HSCode("50")))
        #expect(!textiles.covers(try HSCode("64")))
    }

    @Test func allGoodsAndNoCodes() throws {
        let all = SanctionMeasure(direction: .import, action: .ban, category: "all goods", coversAllGoods: true)
        #expect(all.covers(try HSCode("01")))
        #expect(all.covers(try HSCode("970110")))
        let none = SanctionMeasure(direction: .import, action: .ban, category: "luxury goods")
        #expect(!none.covers(try HSCode("71")))
        #expect(!none.touches(.total))
    }

    @Test func touchesCommodityCodes() throws {
        let ban = try coalBan()
        #expect(ban.touches(.total))
        #expect(ban.touches(.chapterRange(25...27)))
        #expect(!ban.touches(.chapterRange(50...63)))
        #expect(ban.touches(.hs(try HSCode("27"))))
    }
}
