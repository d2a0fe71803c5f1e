import Foundation
import Testing
@testable import TradeDomain

@Suite("CountryCode")
struct CountryCodeTests {
    @Test func keepsCodesAsGiven() throws {
        #expect(try CountryCode("CHN").iso3 == "CHN")
        #expect(try CountryCode("prk").iso3 == "PRK")
        #expect(try CountryCode("W00").iso3 == "W00")
        #expect(try CountryCode("S19").iso3 == "S19")
        #expect(try CountryCode("_X").iso3 == "_X")
        #expect(try CountryCode("156").iso3 == "156")
    }

    @Test(arguments: ["", "C", "CHNA", "CH-", "C N", "中国"])
    func rejects(text: String) {
        #expect(throws: TradeDomainError.invalidCountryCode(text)) { try CountryCode(text) }
    }

    @Test func aggregates() throws {
        for code in ["W00", "WLD", "S19", "_X", "E19"] { #expect(try CountryCode(code).isAggregate, "\(code)") }
        for code in ["CHN", "PRK", "KOR", "156", "408"] { #expect(!(try CountryCode(code).isAggregate), "\(code)") }
    }

    @Test func codable() throws {
        let data = try JSONEncoder().encode([CountryCode.northKorea])
        #expect(String(decoding: data, as: UTF8.self) == "[\"PRK\"]")
        #expect(try JSONDecoder().decode([CountryCode].self, from: data) == [.northKorea])
    }
}
