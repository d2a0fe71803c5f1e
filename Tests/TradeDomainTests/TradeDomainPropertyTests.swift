import Foundation
import Testing
import TradeDomain
import _TestSupport

/// Property tests of the domain layer (issue 11), on seeded random figures (SplitMix64).
@Suite("TradeDomain properties: unit price x quantity = value, roll-up additivity")
struct TradeDomainPropertyTests {
    static let china = try! CountryCode("CHN"), dprk = try! CountryCode("PRK")
    static let massUnits: [QuantityUnit] = [.kilogram, .tonne, .gram, .carat]

    @Test("unit price x quantity = value, in the unit priced and after converting the price to another mass unit")
    func unitPriceTimesQuantity() throws {
        var random = PropertyRandom(seed: 7_1)
        for trial in 0..<2_000 {
            let value = MonetaryAmount(amount: random.magnitude(from: 1, decades: 12), currency: .usd)
            let unit = Self.massUnits[random.integer(0...(Self.massUnits.count - 1))]
            let quantity = Quantity(amount: random.magnitude(from: 1e-3, decades: 12), unit: unit)
            let price = try UnitPrice(value: value, quantity: quantity)
            // One division and one multiplication: at most two roundings, |error| <= 2·2^-53 relative.
            expectClose(try price.value(of: quantity).amount, value.amount, rtol: 4.5e-16, atol: 0, "trial \(trial)")
            // Converting the price and the quantity to another unit keeps the value (a few more roundings: 1e-14).
            let other = Self.massUnits[random.integer(0...(Self.massUnits.count - 1))]
            let converted = try price.converted(to: other)
            let quantityInOther = try quantity.converted(to: other)
            expectClose(try converted.value(of: quantityInOther).amount, value.amount, rtol: 1e-14, atol: 0, "trial \(trial) via \(other.abbreviation)")
        }
    }

    static func record(_ period: Period, _ code: String, value: Double, tonnes: Double) throws -> TradeRecord {
        TradeRecord(period: period, reporter: china, partner: dprk, flow: .import, commodity: try CommodityCode(parsing: code),
                    value: MonetaryAmount(amount: value, currency: .usd), quantity: Quantity(amount: tonnes, unit: .tonne), sourceID: "TEST")
    }

    static func selection(_ code: String) throws -> TradeSelection {
        TradeSelection(reporter: china, partner: dprk, flow: .import, commodity: try CommodityCode(parsing: code), frequency: .annual)
    }

    @Test("roll-up: a chapter is the sum of its headings, each the sum of its subheadings, unless a heading is reported itself")
    func rollUpAdditivity() throws {
        var random = PropertyRandom(seed: 2_701)
        let builder = TradeSeriesBuilder()
        for trial in 0..<100 {
            let chapter = ["27", "72", "61", "03"][random.integer(0...3)]
            let headings = (1...random.integer(1...5)).map { chapter + String(format: "%02d", $0 * 3) }
            var records: [TradeRecord] = []
            var subheadingsOf: [String: [String]] = [:]
            let years = 2010...(2010 + random.integer(0...4))
            for heading in headings {
                subheadingsOf[heading] = (1...random.integer(1...4)).map { heading + String(format: "%02d", 10 + $0 * 7) }
            }
            // Figures at the 6-digit level for every year, plus, for some headings in some years, a heading-level figure.
            var reportedHeading: [Int: Set<String>] = [:]
            for year in years {
                let period = Period(year: year)
                for heading in headings {
                    for sub in subheadingsOf[heading]! {
                        records.append(try Self.record(period, sub, value: random.magnitude(from: 1, decades: 9), tonnes: random.magnitude(from: 1e-2, decades: 7)))
                    }
                    if random.integer(0...3) == 0 {
                        records.append(try Self.record(period, heading, value: random.magnitude(from: 1, decades: 9), tonnes: random.magnitude(from: 1e-2, decades: 7)))
                        reportedHeading[year, default: []].insert(heading)
                    }
                }
            }
            let chapterSeries = try builder.build(records, selection: try Self.selection(chapter))
            #expect(chapterSeries.points.map(\.period) == years.map { Period(year: $0) }, "trial \(trial)")
            for point in chapterSeries.points {
                var value = 0.0, tonnes = 0.0
                for heading in headings {
                    let headingPoint = try builder.build(records, selection: try Self.selection(heading)).points.first { $0.period == point.period }!
                    // The heading: its own figure when reported, else the sum of its subheadings (summed here independently).
                    let own = records.filter { $0.period == point.period && $0.commodity.description == heading }
                    let parts = own.isEmpty ? records.filter { $0.period == point.period && subheadingsOf[heading]!.contains($0.commodity.description) } : own
                    let partValue = parts.map { $0.value!.amount }.reduce(0, +), partTonnes = parts.map { $0.quantity!.amount }.reduce(0, +)
                    expectClose(headingPoint.value!.amount, partValue, rtol: 1e-13, atol: 0, "trial \(trial) \(heading) \(point.period) value")
                    expectClose(headingPoint.quantity!.amount, partTonnes, rtol: 1e-13, atol: 0, "trial \(trial) \(heading) quantity")
                    value += headingPoint.value!.amount
                    tonnes += headingPoint.quantity!.amount
                }
                // Sums of up to 20 positive terms in another order: relative difference below 20·2^-53; rtol 1e-13.
                expectClose(point.value!.amount, value, rtol: 1e-13, atol: 0, "trial \(trial) chapter \(point.period) value")
                expectClose(point.quantity!.amount, tonnes, rtol: 1e-13, atol: 0, "trial \(trial) chapter \(point.period) quantity")
                expectClose(point.unitPrice!.amount, value / tonnes, rtol: 1e-13, atol: 0, "trial \(trial) chapter unit price = Σv/Σq")
                // The codes summed: the reported headings, and the subheadings of the others; never both.
                let summed = Set(point.codes.map(\.description))
                for heading in headings {
                    let reported = reportedHeading[point.period.year, default: []].contains(heading)
                    #expect(summed.contains(heading) == reported, "trial \(trial) \(heading)")
                    #expect(subheadingsOf[heading]!.allSatisfy { summed.contains($0) == !reported }, "trial \(trial) \(heading) subheadings")
                }
            }
        }
    }
}
