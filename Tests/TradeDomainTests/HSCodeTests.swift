import Foundation
import Testing
@testable import TradeDomain

@Suite("HSCode")
struct HSCodeTests {
    @Test("Valid codes and their levels", arguments: [
        ("27", "27", HSLevel.chapter), ("2701", "2701", .heading), ("270112", "270112", .subheading),
        ("2701.12", "270112", .subheading), ("27.01", "2701", .heading), ("01", "01", .chapter),
        (" 97 ", "97", .chapter), ("7601", "7601", .heading),
    ])
    func valid(text: String, digits: String, level: HSLevel) throws {
        let code = try HSCode(text)
        #expect(code.digits == digits)
        #expect(code.level == level)
    }

    @Test("Invalid codes are rejected", arguments: [
        "", "2", "270", "27011", "2701123", "27011234", "00", "0001", "77", "7701", "98", "9901", "99",
        "ab", "27a1", "-27", "２７",
    ])
    func invalid(text: String) {
        #expect(throws: TradeDomainError.invalidHSCode(text)) { try HSCode(text) }
    }

    @Test("Roll-up 6 -> 4 -> 2 -> section XV for 720110 (pig iron)")
    func rollUp() throws {
        let code = try HSCode("720110")
        #expect(code.parent == (try HSCode("7201")))
        #expect(code.parent?.parent == (try HSCode("72")))
        #expect(code.parent?.parent?.parent == nil)
        #expect(code.heading == (try HSCode("7201")))
        #expect(code.chapter == (try HSCode("72")))
        #expect((try HSCode("72")).heading == nil)
        #expect(code.rolledUp(to: .heading).digits == "7201")
        #expect(code.rolledUp(to: .chapter).digits == "72")
        #expect(code.rolledUp(to: .subheading) == code)
        #expect(code.section.roman == "XV")
        #expect(code.section.number == 15)
        #expect(code.chapterNumber == 72)
        #expect(code.chapterName == "Iron and steel")
    }

    @Test("Sections of boundary chapters", arguments: [
        ("0511", "I"), ("06", "II"), ("1404", "II"), ("15", "III"), ("2402", "IV"), ("2701", "V"),
        ("28", "VI"), ("3826", "VI"), ("40", "VII"), ("43", "VIII"), ("44", "IX"), ("49", "X"),
        ("50", "XI"), ("620342", "XI"), ("63", "XI"), ("64", "XII"), ("70", "XIII"), ("7108", "XIV"),
        ("72", "XV"), ("8311", "XV"), ("84", "XVI"), ("8517", "XVI"), ("8906", "XVII"), ("9101", "XVIII"),
        ("93", "XIX"), ("94", "XX"), ("96", "XX"), ("97", "XXI"),
    ])
    func sections(code: String, roman: String) throws {
        #expect(try HSCode(code).section.roman == roman)
    }

    @Test func coverageIsPrefixContainment() throws {
        let chapter = try HSCode("27"), heading = try HSCode("2701"), sub = try HSCode("270112")
        #expect(chapter.covers(heading) && chapter.covers(sub) && chapter.covers(chapter))
        #expect(heading.covers(sub))
        #expect(!heading.covers(chapter))
        #expect(!sub.covers(heading))
        #expect(!(try HSCode("2702")).covers(sub))
        #expect(!(try HSCode("26")).covers(heading))
    }

    @Test func orderAndCodable() throws {
        let codes = try ["2702", "270112", "27", "2701"].map { try HSCode($0) }
        #expect(codes.sorted().map(\.digits) == ["27", "2701", "270112", "2702"])
        let data = try JSONEncoder().encode(codes)
        #expect(String(decoding: data, as: UTF8.self) == "[\"2702\",\"270112\",\"27\",\"2701\"]")
        #expect(try JSONDecoder().decode([HSCode].self, from: data) == codes)
    }
}
