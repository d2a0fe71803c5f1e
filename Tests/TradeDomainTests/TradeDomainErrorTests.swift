import Testing
@testable import TradeDomain

@Suite("TradeDomainError")
struct TradeDomainErrorTests {
    @Test("Descriptions are sentences that name the values involved")
    func descriptions() throws {
        let cases: [(TradeDomainError, String)] = [
            (.invalidPeriod("2015-13"), "2015-13"),
            (.invalidHSCode("7701"), "7701"),
            (.invalidFlow("DX"), "DX"),
            (.duplicatePeriod(try Period(parsing: "2015-03")), "2015-03"),
            (.mixedFrequencies(.monthly, .annual), "monthly"),
            (.zeroQuantity(.tonne), "0 t"),
            (.incompatibleUnits(.items, .pairs), "2u"),
            (.invalidQuantityUnit("tons?"), "tons?"),
        ]
        for (error, fragment) in cases {
            let text = error.description
            #expect(text.contains(fragment), "\(text)")
            #expect(text.hasSuffix("."), "\(text)")
            #expect(text.first?.isUppercase == true || text.first == "'", "\(text)")
        }
    }
}
