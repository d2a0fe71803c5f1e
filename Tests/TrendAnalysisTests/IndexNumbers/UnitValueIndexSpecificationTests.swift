import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport

/// The synthetic basket of `Reference/unit_value_basket.csv` (see PROVENANCE.md).
func referenceBasket() throws -> [BasketObservation] {
    let fixture = try referenceFixture("unit_value_basket")
    return try fixture.rows.map { row in
        BasketObservation(
            period: try Period(parsing: row[0]), code: row[1], value: Double(row[2])!,
            quantity: row[3].isEmpty ? nil : Double(row[3])!, unit: row[4].isEmpty ? nil : try QuantityUnit(parsing: row[4]))
    }
}

@Suite("UnitValueIndexSpecification: Laspeyres, Paasche, Fisher, Törnqvist unit-value indices")
struct UnitValueIndexSpecificationTests {
    /// Two codes, two periods, every figure written out.
    ///   A: 2000 V = 100, q = 10 (p = 10);  2001 V = 180, q = 12 (p = 15)
    ///   B: 2000 V =  50, q = 25 (p = 2);   2001 V =  40, q = 40 (p = 1)
    ///   Laspeyres P = (15·10 + 1·25) / (100 + 50) = 175/150;   Paasche P = (180 + 40) / (10·12 + 2·40) = 220/200
    ///   Laspeyres Q = (10·12 + 2·40) / 150 = 200/150;           Paasche Q = 220 / (15·10 + 1·25) = 220/175
    ///   Fisher = √(L·P); P_F · Q_F = √(175/150 · 220/200 · 200/150 · 220/175) = 220/150 (the value ratio)
    ///   Törnqvist weights ½(wₛ + wₜ): A ½(2/3 + 9/11) = 49/66, B ½(1/3 + 2/11) = 17/66
    ///   ln P_T = 49/66 ln(15/10) + 17/66 ln(1/2);  ln Q_T = 49/66 ln(12/10) + 17/66 ln(40/25)
    static let handBasket: [BasketObservation] = [
        BasketObservation(period: Period(year: 2000), code: "A", value: 100, quantity: 10),
        BasketObservation(period: Period(year: 2000), code: "B", value: 50, quantity: 25),
        BasketObservation(period: Period(year: 2001), code: "A", value: 180, quantity: 12),
        BasketObservation(period: Period(year: 2001), code: "B", value: 40, quantity: 40),
    ]

    @Test("hand calculation, two codes and two periods, all four formulas")
    func handCalculation() throws {
        let expected: [IndexFormula: (Double, Double)] = [
            .laspeyres: (175.0 / 150, 200.0 / 150),
            .paasche: (220.0 / 200, 220.0 / 175),
            .fisher: (((175.0 / 150) * (220.0 / 200)).squareRoot(), ((200.0 / 150) * (220.0 / 175)).squareRoot()),
            .tornqvist: (exp(49.0 / 66 * log(1.5) + 17.0 / 66 * log(0.5)), exp(49.0 / 66 * log(1.2) + 17.0 / 66 * log(1.6))),
        ]
        for formula in IndexFormula.allCases {
            let index = try UnitValueIndexSpecification(formula: formula).compute(Self.handBasket)
            let point = try #require(index.points.last)
            // A handful of roundings on figures near 1: rtol 1e-14.
            expectClose(try #require(point.priceIndex), expected[formula]!.0, rtol: 1e-14, atol: 0, "\(formula) price")
            expectClose(try #require(point.quantityIndex), expected[formula]!.1, rtol: 1e-14, atol: 0, "\(formula) quantity")
            expectClose(try #require(point.valueRatio), 220.0 / 150, rtol: 1e-15, atol: 0, "\(formula) value ratio")
        }
    }

    @Test("against the pandas reference: every formula, fixed base and chained", arguments: IndexFormula.allCases)
    func pandasReference(formula: IndexFormula) throws {
        let basket = try referenceBasket()
        let reference = try referenceFixture("unit_value_index").filter("formula", equals: formula.rawValue)
        for chaining in IndexChaining.allCases {
            let expected = reference.filter("chaining", equals: chaining.rawValue)
            let index = try UnitValueIndexSpecification(formula: formula, chaining: chaining).compute(basket)
            #expect(index.points.map(\.period.description) == expected.strings("period"))
            // Sums of five products and at most four chained links: rtol 1e-13 (observed ~1e-16).
            expectClose(index.points.map { $0.priceIndex ?? .nan }, expected.doubles("price_index"), rtol: 1e-13, atol: 0, "\(chaining) price")
            expectClose(index.points.map { $0.quantityIndex ?? .nan }, expected.doubles("quantity_index"), rtol: 1e-13, atol: 0, "\(chaining) quantity")
            expectClose(index.points.map { $0.valueRatio ?? .nan }, expected.doubles("value_ratio"), rtol: 1e-13, atol: 0, "\(chaining) value")
        }
    }

    @Test("a missing quantity and a unit change are excluded from that comparison and reported")
    func exclusions() throws {
        let index = try UnitValueIndexSpecification(formula: .fisher, chaining: .chained).compute(try referenceBasket())
        let reasons = index.exclusions.map { "\($0.from)→\($0.to) \($0.code) \($0.reason)" }
        #expect(reasons == [
            "2014→2015 260111 missingQuantity(period: 2015)",
            "2015→2016 030749 unitChanged(from: \"kg\", to: \"t\")",
            "2015→2016 260111 missingQuantity(period: 2015)",
        ])
        #expect(index.links.map(\.codes.count) == [3, 2, 1, 3])
    }

    @Test("Fisher: value ratio = price index × quantity index (factor reversal), chained and fixed base")
    func factorReversal() throws {
        for chaining in IndexChaining.allCases {
            let index = try UnitValueIndexSpecification(formula: .fisher, chaining: chaining).compute(try referenceBasket())
            for point in index.points {
                let product = try #require(point.priceIndex) * #require(point.quantityIndex)
                expectClose(product, try #require(point.valueRatio), rtol: 1e-12, atol: 0, "\(chaining) \(point.period)")
            }
        }
    }

    @Test("properties: 1 in the base period; chained = fixed base over two periods; prices × c ⇒ price index × c",
          arguments: IndexFormula.allCases)
    func properties(formula: IndexFormula) throws {
        let basket = try referenceBasket()
        for base in ["2013", "2015", "2017"] {
            for chaining in IndexChaining.allCases {
                let index = try UnitValueIndexSpecification(formula: formula, chaining: chaining, base: try Period(parsing: base)).compute(basket)
                let point = try #require(index.points.first { $0.period.description == base })
                #expect(point.priceIndex == 1 && point.quantityIndex == 1 && point.valueRatio == 1)
            }
        }
        let twoPeriods = basket.filter { $0.period.year == 2013 || $0.period.year == 2014 }
        let fixed = try UnitValueIndexSpecification(formula: formula, chaining: .fixedBase).compute(twoPeriods)
        let chained = try UnitValueIndexSpecification(formula: formula, chaining: .chained).compute(twoPeriods)
        expectClose(try #require(chained.points[1].priceIndex), try #require(fixed.points[1].priceIndex), rtol: 1e-15, atol: 0, "chained = fixed")
        // Scaling every price after the base by c = 1.37 scales values, not quantities.
        let c = 1.37
        let scaled = basket.map { $0.period.year == 2013 ? $0 : BasketObservation(period: $0.period, code: $0.code, value: $0.value * c, quantity: $0.quantity, unit: $0.unit) }
        for chaining in IndexChaining.allCases {
            let plain = try UnitValueIndexSpecification(formula: formula, chaining: chaining).compute(basket)
            let scaledIndex = try UnitValueIndexSpecification(formula: formula, chaining: chaining).compute(scaled)
            for (a, b) in zip(plain.points.dropFirst(), scaledIndex.points.dropFirst()) {
                // Fixed base: exactly c. Chained: the first link carries c, later links compare scaled with scaled.
                expectClose(try #require(b.priceIndex), c * (try #require(a.priceIndex)), rtol: 1e-13, atol: 0, "\(chaining) \(a.period)")
                expectClose(try #require(b.quantityIndex), try #require(a.quantityIndex), rtol: 1e-13, atol: 0, "\(chaining) quantity \(a.period)")
            }
        }
    }

    @Test("a period without unit values is skipped by the chain; a link without matched codes ends it")
    func brokenChain() throws {
        let basket = [
            BasketObservation(period: Period(year: 2000), code: "A", value: 10, quantity: 1),
            BasketObservation(period: Period(year: 2001), code: "A", value: 12, quantity: nil),
            BasketObservation(period: Period(year: 2002), code: "A", value: 15, quantity: 1),
        ]
        // 2001 has no unit value: the chain links 2000 with 2002 and 2001 gets no index.
        let chained = try UnitValueIndexSpecification(formula: .fisher, chaining: .chained).compute(basket)
        #expect(chained.points.map(\.priceIndex) == [1, nil, 1.5])
        #expect(chained.links.map { "\($0.from)→\($0.to)" } == ["2000→2002"])
        // A link whose codes do not match (A only in 2000, B only from 2001) ends the chain.
        let disjoint = [
            BasketObservation(period: Period(year: 2000), code: "A", value: 10, quantity: 1),
            BasketObservation(period: Period(year: 2001), code: "B", value: 12, quantity: 1),
            BasketObservation(period: Period(year: 2002), code: "B", value: 15, quantity: 1),
        ]
        #expect(try UnitValueIndexSpecification(formula: .fisher, chaining: .chained).compute(disjoint).points.map(\.priceIndex) == [1, nil, nil])
        let fixed = try UnitValueIndexSpecification(formula: .fisher).compute(basket)
        #expect(fixed.points.map(\.priceIndex) == [1, nil, 1.5])
    }

    @Test("bad baskets are refused with a sentence")
    func refusals() throws {
        #expect(throws: AnalysisError.self) { try UnitValueIndexSpecification(formula: .fisher).compute([]) }
        let duplicate = Self.handBasket + [Self.handBasket[0]]
        #expect(throws: AnalysisError.invalidParameter(name: "observation", value: "2000 code A", constraint: "a basket has one observation per period and code")) {
            try UnitValueIndexSpecification(formula: .fisher).compute(duplicate)
        }
        #expect(throws: AnalysisError.self) {
            try UnitValueIndexSpecification(formula: .fisher, base: Period(year: 1999)).compute(Self.handBasket)
        }
        let mixed = Self.handBasket + [BasketObservation(period: try Period(year: 2001, month: 1), code: "A", value: 1, quantity: 1)]
        #expect(throws: AnalysisError.self) { try UnitValueIndexSpecification(formula: .fisher).compute(mixed) }
    }
}
