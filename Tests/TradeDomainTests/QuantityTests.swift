import Testing
@testable import TradeDomain

@Suite("Quantity")
struct QuantityTests {
    @Test func convertsBetweenUnits() throws {
        // 7,500,000 t (the UNSCR 2321 coal cap) = 7.5e9 kg, exactly.
        let cap = Quantity(amount: 7_500_000, unit: .tonne)
        #expect(try cap.converted(to: .kilogram) == Quantity(amount: 7_500_000_000, unit: .kilogram))
        #expect(throws: TradeDomainError.incompatibleUnits(.tonne, .litre)) { try cap.converted(to: .litre) }
    }
}
