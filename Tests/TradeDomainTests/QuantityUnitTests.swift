import Foundation
import Testing
import _TestSupport
@testable import TradeDomain

@Suite("QuantityUnit")
struct QuantityUnitTests {
    @Test("Conversions that are exact by definition")
    func exactConversions() throws {
        // 1 t = 1000 kg (definition of the metric tonne): exact in binary floating point.
        #expect(try QuantityUnit.tonne.convert(1, to: .kilogram) == 1000)
        #expect(try QuantityUnit.kilogram.convert(2500, to: .tonne) == 2.5)
        #expect(try QuantityUnit.tonne.convert(7_500_000, to: .thousandKilograms) == 7_500_000)
        // 1000 L = 1000 l.
        #expect(try QuantityUnit.thousandLitres.convert(1, to: .litre) == 1000)
        // 1 m³ = 1000 l; 1000 m³ = 10⁶ l.
        #expect(try QuantityUnit.cubicMetre.convert(1, to: .litre) == 1000)
        #expect(try QuantityUnit.thousandCubicMetres.convert(1, to: .cubicMetre) == 1000)
        // 1000u = 1000 items; 1 dozen = 12 items.
        #expect(try QuantityUnit.thousandItems.convert(3, to: .items) == 3000)
        #expect(try QuantityUnit.dozens.convert(2, to: .items) == 24)
        #expect(try QuantityUnit.kilometre.convert(1, to: .metre) == 1000)
        #expect(try QuantityUnit.thousandKilowattHours.convert(1, to: .kilowattHour) == 1000)
    }

    @Test("Conversions with inexact factors, within a few ulps")
    func inexactConversions() throws {
        // 1500 g = 1.5 kg; the factor 0.001 is not exact in binary, so allow 2 ulp (rtol 4.4e-16).
        expectClose(try QuantityUnit.gram.convert(1500, to: .kilogram), 1.5, rtol: 4.4e-16, atol: 0, "g -> kg")
        // 5 carats = 1 g (metric carat = 200 mg).
        expectClose(try QuantityUnit.carat.convert(5, to: .gram), 1, rtol: 4.4e-16, atol: 0, "carat -> g")
        // 1 barrel = 42 US gallons × 3.785411784 l = 158.987294928 l.
        expectClose(try QuantityUnit.barrel.convert(1, to: .litre), 42 * 3.785411784, rtol: 4.4e-16, atol: 0, "bbl -> l")
        // 1 TJ = 10^12 J / (3.6·10^6 J/kWh) = 277,777.7… kWh.
        expectClose(try QuantityUnit.terajoule.convert(1, to: .kilowattHour), 277_777.777_777_777_8, rtol: 4.4e-16, atol: 0, "TJ -> kWh")
    }

    @Test("Items and pairs are not convertible; the error names both units")
    func itemsVersusPairs() {
        #expect(!QuantityUnit.items.isConvertible(to: .pairs))
        #expect(throws: TradeDomainError.incompatibleUnits(.items, .pairs)) { try QuantityUnit.items.convert(1, to: .pairs) }
        let message = TradeDomainError.incompatibleUnits(.items, .pairs).description
        #expect(message.contains("u (number of items)") && message.contains("2u (number of pairs)"))
    }

    @Test("Other incompatible pairs", arguments: [
        (QuantityUnit.kilogram, QuantityUnit.litre), (.kilogram, .items), (.kilogramNitrogen, .kilogram),
        (.packages, .items), (.head, .items), (.noQuantity, .kilogram), (.squareMetre, .metre),
    ])
    func incompatible(from: QuantityUnit, to: QuantityUnit) {
        #expect(!from.isConvertible(to: to))
        #expect(throws: TradeDomainError.incompatibleUnits(from, to)) { try from.convert(1, to: to) }
    }

    @Test("Comtrade+ codes from ECOSYSTEM.md §3")
    func comtradeCodes() throws {
        #expect(try QuantityUnit(comtradeCode: -1) == .noQuantity)
        #expect(try QuantityUnit(comtradeCode: 8) == .kilogram)
        #expect(try QuantityUnit(comtradeCode: 21) == .thousandKilograms)
        #expect(try QuantityUnit(comtradeCode: 6) == .pairs)
        #expect(try QuantityUnit(comtradeCode: 19).abbreviation == "BBL")
        #expect(try QuantityUnit(comtradeCode: 30).abbreviation == "kg N")
        for code in [0, 1, 42, 1001] {
            #expect(throws: TradeDomainError.invalidQuantityUnit("Comtrade code \(code)")) { try QuantityUnit(comtradeCode: code) }
        }
        let comtrade = QuantityUnit.allUnits.filter { $0.code < 1000 }.map(\.code)
        #expect(comtrade == [-1] + Array(2...41))
        #expect(try QuantityUnit(code: 1001) == .tonne)
    }

    @Test("Legacy codes 1-13: 1 = no quantity, 2-13 equal to Comtrade+ codes")
    func legacyCodes() throws {
        #expect(try QuantityUnit(legacyCode: 1) == .noQuantity)
        let expected: [QuantityUnit] = [.squareMetre, .thousandKilowattHours, .metre, .items, .pairs, .litre,
                                        .kilogram, .thousandItems, .packages, .dozens, .cubicMetre, .carat]
        #expect(try (2...13).map { try QuantityUnit(legacyCode: $0) } == expected)
        #expect(throws: TradeDomainError.invalidQuantityUnit("legacy code 14")) { try QuantityUnit(legacyCode: 14) }
        #expect(throws: TradeDomainError.invalidQuantityUnit("legacy code 0")) { try QuantityUnit(legacyCode: 0) }
    }

    @Test("Spellings", arguments: [
        ("t", QuantityUnit.tonne), ("tonnes", .tonne), ("metric tons", .tonne), ("Metric Tons", .tonne),
        ("kg", .kilogram), ("KG", .kilogram), ("1000 kg", .thousandKilograms), ("1000 KG", .thousandKilograms),
        ("l", .litre), ("litres", .litre), ("1000 L", .thousandLitres), ("1000  l", .thousandLitres),
        ("m3", .cubicMetre), ("m³", .cubicMetre), ("u", .items), ("items", .items), ("2u", .pairs), ("pairs", .pairs),
        ("12u", .dozens), ("dozens", .dozens), ("barrels", .barrel), ("BBL", .barrel), ("kWH", .kilowattHour),
        ("TJ", .terajoule), ("N/A", .noQuantity), ("U (jeu/pack)", .packages), ("kg K2O", .kilogramPotassiumOxide),
    ])
    func parses(text: String, unit: QuantityUnit) throws {
        #expect(try QuantityUnit(parsing: text) == unit)
    }

    @Test(arguments: ["", "tons?", "kgs of coal", "42"])
    func rejectsUnknownSpellings(text: String) {
        #expect(throws: TradeDomainError.invalidQuantityUnit(text)) { try QuantityUnit(parsing: text) }
    }

    @Test("Every unit's abbreviation parses back to the unit, and Codable round-trips")
    func roundTrip() throws {
        for unit in QuantityUnit.allUnits {
            #expect(try QuantityUnit(parsing: unit.abbreviation) == unit, "\(unit.abbreviation)")
        }
        let data = try JSONEncoder().encode(QuantityUnit.allUnits)
        #expect(try JSONDecoder().decode([QuantityUnit].self, from: data) == QuantityUnit.allUnits)
        #expect(try JSONDecoder().decode([QuantityUnit].self, from: Data("[8]".utf8)) == [.kilogram])
    }
}
