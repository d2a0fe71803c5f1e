import Foundation
import Testing
@testable import TradeDomain

@Suite("CommodityCode")
struct CommodityCodeTests {
    @Test func parsesEachForm() throws {
        #expect(try CommodityCode(parsing: "TOTAL") == .total)
        #expect(try CommodityCode(parsing: "total") == .total)
        #expect(try CommodityCode(parsing: "2701") == .hs(try HSCode("2701")))
        #expect(try CommodityCode(parsing: "61-62") == .chapterRange(61...62))
        #expect(try CommodityCode(parsing: "50-63") == .chapterRange(50...63))
        #expect(try CommodityCode(parsing: "01-05").description == "01-05")
    }

    @Test("Invalid codes", arguments: ["", "62-61", "61-", "6-62", "61-98", "77-80", "TOT", "270", "61-62-63"])
    func rejects(text: String) {
        #expect(throws: TradeDomainError.invalidCommodityCode(text)) { try CommodityCode(parsing: text) }
    }

    @Test func coverage() throws {
        let shirt = try HSCode("620520")
        #expect(CommodityCode.total.covers(shirt))
        #expect(CommodityCode.chapterRange(61...62).covers(shirt))
        #expect(!CommodityCode.chapterRange(50...60).covers(shirt))
        #expect(CommodityCode.hs(try HSCode("62")).covers(shirt))
        #expect(!CommodityCode.hs(try HSCode("6204")).covers(shirt))
        #expect(CommodityCode.hs(try HSCode("6205")).hsLevel == .heading)
        #expect(CommodityCode.total.hsLevel == nil && CommodityCode.chapterRange(61...62).hsLevel == nil)
    }

    @Test func orderAndCodable() throws {
        let codes = try ["61-62", "2701", "TOTAL"].map { try CommodityCode(parsing: $0) }
        #expect(codes.sorted().map(\.description) == ["TOTAL", "2701", "61-62"])
        let data = try JSONEncoder().encode(codes)
        #expect(String(decoding: data, as: UTF8.self) == "[\"61-62\",\"2701\",\"TOTAL\"]")
        #expect(try JSONDecoder().decode([CommodityCode].self, from: data) == codes)
    }

    @Test("a section parses from its Roman numeral and covers its chapters, headings and ranges within it")
    func sections() throws {
        let base = try CommodityCode(parsing: "xv")
        let section = try HSSection(roman: "XV")
        let (heading, chapter, gems) = (try HSCode("7208"), try HSCode("83"), try HSCode("7101"))
        let (iron, coal, coalSub) = (CommodityCode.hs(try HSCode("72")), CommodityCode.hs(try HSCode("27")), CommodityCode.hs(try HSCode("270112")))
        // HS 2022 section XV, base metals: chapters 72-83.
        #expect(base == .section(section) && base.description == "XV" && base.hsLevel == nil)
        #expect(base.covers(heading) && base.covers(chapter) && !base.covers(gems))
        #expect(base.covers(CommodityCode.chapterRange(72...73)) && !base.covers(CommodityCode.chapterRange(71...72)))
        #expect(CommodityCode.total.covers(base) && !base.covers(CommodityCode.total))
        #expect(!iron.covers(base) && !iron.covers(CommodityCode.chapterRange(72...73)))
        #expect(coal.covers(coalSub) && !coalSub.covers(coal))
        #expect(throws: TradeDomainError.invalidSection("XXX")) { try CommodityCode(parsing: "XXX") }
        let data = try JSONEncoder().encode(base)
        #expect(try JSONDecoder().decode(CommodityCode.self, from: data) == base)
    }
}

@Suite("WrittenForm: Codable as the written string")
struct WrittenFormTests {
    @Test("encodes and decodes as strings; a bad string is a decoding error")
    func roundTrip() throws {
        struct Box: Codable, Equatable { let c: CommodityCode; let p: Period; let h: HSCode; let k: CountryCode; let d: CalendarDate }
        let box = Box(c: .chapterRange(61...62), p: try Period(year: 2015, month: 3), h: try HSCode("270112"),
                      k: try CountryCode("PRK"), d: try CalendarDate(year: 2017, month: 8, day: 15))
        let data = try JSONEncoder().encode(box)
        let text = String(decoding: data, as: UTF8.self)
        for fragment in [#""c":"61-62""#, #""p":"2015-03""#, #""h":"270112""#, #""k":"PRK""#, #""d":"2017-08-15""#] {
            #expect(text.contains(fragment), "\(text)")
        }
        #expect(try JSONDecoder().decode(Box.self, from: data) == box)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Period].self, from: Data(#"["2015-13"]"#.utf8)) }
    }
}
