import Testing
@testable import TradeDomain

@Suite("HSSection")
struct HSSectionTests {
    @Test func lookupByRomanAndNumber() throws {
        let fifteen = try HSSection(roman: "XV")
        #expect(fifteen.number == 15 && fifteen.chapters == 72...83)
        #expect(fifteen.name == "Base metals and articles of base metal")
        #expect(try HSSection(roman: "xv") == fifteen)
        #expect(try HSSection(roman: "Section XV") == fifteen)
        #expect(try HSSection(number: 15) == fifteen)
        #expect(try HSSection(number: 21).roman == "XXI")
        #expect(fifteen.description == "Section XV")
    }

    @Test func rejectsUnknownSections() {
        #expect(throws: TradeDomainError.invalidSection("XXII")) { try HSSection(roman: "XXII") }
        #expect(throws: TradeDomainError.invalidSection("IIII")) { try HSSection(roman: "IIII") }
        #expect(throws: TradeDomainError.invalidSection("0")) { try HSSection(number: 0) }
        #expect(throws: TradeDomainError.invalidSection("22")) { try HSSection(number: 22) }
    }

    @Test("Section XV lists chapters 72-83 without the reserved 77")
    func chapterCodesSkipReserved() throws {
        let codes = try HSSection(roman: "XV").chapterCodes.map(\.digits)
        #expect(codes == ["72", "73", "74", "75", "76", "78", "79", "80", "81", "82", "83"])
        #expect(try HSSection(roman: "I").chapterCodes.map(\.digits) == ["01", "02", "03", "04", "05"])
    }
}
