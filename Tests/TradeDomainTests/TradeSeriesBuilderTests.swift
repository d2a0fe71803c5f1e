import Testing
import TradeDomain
import _TestSupport

@Suite("TradeSeriesBuilder: quantity, value and unit price of a selection")
struct TradeSeriesBuilderTests {
    static let china = try! CountryCode("CHN"), dprk = try! CountryCode("PRK")

    static func record(_ period: String, _ code: String, value: Double?, quantity: Double?, unit: QuantityUnit = .tonne,
                       source: String = "S", estimated: Bool = false) throws -> TradeRecord {
        TradeRecord(
            period: try Period(parsing: period), reporter: china, partner: dprk, flow: .import,
            commodity: try CommodityCode(parsing: code),
            value: value.map { MonetaryAmount(amount: $0, currency: .usd) },
            quantity: quantity.map { Quantity(amount: $0, unit: unit) },
            isQuantityEstimated: estimated, sourceID: source)
    }

    static func selection(_ code: String, frequency: Frequency = .annual) throws -> TradeSelection {
        TradeSelection(reporter: china, partner: dprk, flow: .import, commodity: try CommodityCode(parsing: code), frequency: frequency)
    }

    @Test("aggregate unit price is sum(value) / sum(quantity), never a mean of ratios")
    func sumOverSum() throws {
        // Hand calculation: 270111: 100 USD / 10 t; 270112: 300 USD / 30,000 kg (= 30 t); 270119: 50 USD, no quantity.
        // Σvalue over priced codes = 400, Σquantity = 40 t -> 10 USD/t (a mean of ratios would also be 10 here,
        // so a third priced code breaks the tie below). Total value 450; missing-quantity share 50/450.
        let records = [
            try Self.record("2015", "270111", value: 100, quantity: 10),
            try Self.record("2015", "270112", value: 300, quantity: 30_000, unit: .kilogram),
            try Self.record("2015", "270119", value: 50, quantity: nil),
            try Self.record("2016", "270111", value: 100, quantity: 10),
            try Self.record("2016", "270112", value: 100, quantity: 90),
        ]
        let series = try TradeSeriesBuilder().build(records, selection: try Self.selection("2701"))
        #expect(series.quantityUnit == .tonne)
        let y2015 = series.points[0], y2016 = series.points[1]
        #expect(y2015.value?.amount == 450)
        #expect(y2015.quantity?.amount == 40)
        expectClose(y2015.unitPrice?.amount ?? .nan, 10, rtol: 1e-15, atol: 0, "2015 price")
        expectClose(y2015.missingQuantityShare ?? .nan, 50.0 / 450, rtol: 1e-15, atol: 0, "missing share")
        // 2016: 200 USD / 100 t = 2 USD/t; the mean of ratios (10 + 1.111) / 2 = 5.56 would be wrong.
        expectClose(y2016.unitPrice?.amount ?? .nan, 2, rtol: 1e-15, atol: 0, "2016 price")
    }

    @Test("the selection's own code is used when reported; children are not added to it")
    func noDoubleCounting() throws {
        let records = [
            try Self.record("2015", "2701", value: 1000, quantity: 100),
            try Self.record("2015", "270111", value: 600, quantity: 60),
            try Self.record("2016", "270111", value: 600, quantity: 60),
            try Self.record("2016", "270112", value: 300, quantity: 20),
        ]
        let series = try TradeSeriesBuilder().build(records, selection: try Self.selection("2701"))
        #expect(series.points.map { $0.value?.amount } == [1000, 900])
        #expect(series.points[1].codes.map(\.description) == ["270111", "270112"])
    }

    @Test("zero quantity against a positive value is suspect: counted, not priced")
    func suspectZero() throws {
        let records = [
            try Self.record("2015", "270111", value: 100, quantity: 10),
            try Self.record("2015", "270112", value: 300, quantity: 0),
        ]
        let point = try TradeSeriesBuilder().build(records, selection: try Self.selection("2701")).points[0]
        expectClose(point.unitPrice?.amount ?? .nan, 10, rtol: 1e-15, atol: 0, "price from the usable code only")
        expectClose(point.suspectQuantityShare ?? .nan, 0.75, rtol: 1e-15, atol: 0, "suspect share 300/400")
        expectClose(point.missingQuantityShare ?? .nan, 0.75, rtol: 1e-15, atol: 0, "missing share counts suspect value")
    }

    @Test("estimated quantities are carried as a share of value")
    func estimatedShare() throws {
        let records = [
            try Self.record("2015", "270111", value: 100, quantity: 10, estimated: true),
            try Self.record("2015", "270112", value: 300, quantity: 30),
        ]
        let point = try TradeSeriesBuilder().build(records, selection: try Self.selection("2701")).points[0]
        expectClose(point.estimatedQuantityShare ?? .nan, 0.25, rtol: 1e-15, atol: 0, "100/400")
    }

    @Test("incompatible units are an error naming both")
    func incompatibleUnits() throws {
        let records = [
            try Self.record("2015", "270111", value: 100, quantity: 10),
            try Self.record("2015", "270112", value: 100, quantity: 10, unit: .litre),
        ]
        #expect(throws: TradeDomainError.incompatibleUnits(.tonne, .litre)) {
            try TradeSeriesBuilder().build(records, selection: try Self.selection("2701"))
        }
    }

    @Test("conflicting sources: rank, then significant digits, then later date; others kept")
    func preference() throws {
        let preferences: [String: SourcePreference] = [
            "A": SourcePreference(rank: 1, date: "2017-01"), "B": SourcePreference(rank: 1, date: "2017-02-18"),
            "C": SourcePreference(rank: 6, date: "2017-05"), "D": SourcePreference(rank: 7, date: "2017-04"),
        ]
        let builder = TradeSeriesBuilder(preference: { preferences[$0]! })
        let records = [
            try Self.record("2015", "2701", value: 1_100_000_000, quantity: nil, source: "C"),
            try Self.record("2015", "2701", value: 925_000_000, quantity: nil, source: "D"),
            try Self.record("2016", "2701", value: nil, quantity: 22_490_000, source: "A"),
            try Self.record("2016", "2701", value: nil, quantity: 22_480_000, source: "B"),
            try Self.record("2016", "2701", value: nil, quantity: 22_500_000, source: "C"),
        ]
        let series = try builder.build(records, selection: try Self.selection("2701"))
        #expect(series.points[0].value?.amount == 1_100_000_000)
        #expect(series.points[0].alternatives.map(\.sourceID) == ["D"])
        #expect(series.points[1].quantity?.amount == 22_480_000)
        #expect(Set(series.points[1].alternatives.map(\.sourceID)) == ["A", "C"])
    }

    @Test("gaps between periods are empty points, never zeros")
    func gaps() throws {
        let records = [
            try Self.record("2016-01", "2701", value: 1, quantity: 1),
            try Self.record("2016-04", "2701", value: 2, quantity: 1),
        ]
        let series = try TradeSeriesBuilder().build(records, selection: try Self.selection("2701", frequency: .monthly))
        #expect(series.points.map(\.period.description) == ["2016-01", "2016-02", "2016-03", "2016-04"])
        #expect(series.points[1].value == nil && series.points[1].quantity == nil)
        #expect(series.valueSeries?.missingCount == 2)
    }

    @Test("significant digits of figures as written", arguments: [
        (1_100_000_000.0, 2), (925_000_000, 3), (1_189_790_000, 6), (22_480_000, 4), (0.0015, 2), (56.12, 4),
    ])
    func significantDigits(value: Double, digits: Int) {
        #expect(TradeSeriesBuilder.significantDigits(value) == digits)
    }

    static func weighed(_ period: String, _ code: String, value: Double, quantity: Double?, unit: QuantityUnit, kilograms: Double?,
                        estimatedWeight: Bool = false) throws -> TradeRecord {
        TradeRecord(
            period: try Period(parsing: period), reporter: china, partner: dprk, flow: .import, commodity: try CommodityCode(parsing: code),
            value: MonetaryAmount(amount: value, currency: .usd), quantity: quantity.map { Quantity(amount: $0, unit: unit) },
            netWeightKilograms: kilograms, isNetWeightEstimated: estimatedWeight, sourceID: "S")
    }

    @Test("a section rolls up branch by branch: a reported chapter, else its headings, else its subheadings")
    func sectionRollUp() throws {
        // Section XV (chapters 72-83). Hand calculation for 2016:
        //   chapter 72 reported (1000 USD, 100 t) -> its heading 7208 (400 USD) is not added;
        //   chapter 73 not reported -> headings 7304 (200 USD, 20 t) and 7306 (100 USD, 10,000 kg = 10 t);
        //   heading 7306's subheading 730630 (60 USD) is not added; chapter 27 lies outside the section.
        //   value = 1000 + 200 + 100 = 1300 USD; quantity = 100 + 20 + 10 = 130 t; unit price 1300 / 130 = 10 USD/t.
        let records = [
            try Self.record("2016", "72", value: 1000, quantity: 100),
            try Self.record("2016", "7208", value: 400, quantity: 40),
            try Self.record("2016", "7304", value: 200, quantity: 20),
            try Self.record("2016", "7306", value: 100, quantity: 10_000, unit: .kilogram),
            try Self.record("2016", "730630", value: 60, quantity: 6),
            try Self.record("2016", "27", value: 5000, quantity: 50),
        ]
        let point = try #require(try TradeSeriesBuilder().build(records, selection: try Self.selection("XV")).points.first)
        #expect(point.value?.amount == 1300)
        #expect(point.codes.map(\.description) == ["72", "7304", "7306"])
        expectClose(try #require(point.quantity?.amount), 130, rtol: 1e-15, atol: 0, "tonnes")
        expectClose(try #require(point.unitPrice?.amount), 10, rtol: 1e-15, atol: 0, "USD/t")
        // A chapter rolls up the same way: chapter 73 = 7304 + 7306 = 300 USD.
        let chapter = try TradeSeriesBuilder().build(records, selection: try Self.selection("73")).points[0]
        #expect(chapter.value?.amount == 300)
    }

    @Test("a section mixing units: the error names both units; net weight as the quantity rolls up across them")
    func sectionMixedUnits() throws {
        // 7304 in tonnes, 7317 (nails) in items: no common unit.
        let records = [
            try Self.weighed("2016", "7304", value: 200, quantity: 20, unit: .tonne, kilograms: 20_000),
            try Self.weighed("2016", "7317", value: 300, quantity: 5_000, unit: .items, kilograms: 10_000, estimatedWeight: true),
        ]
        #expect(throws: TradeDomainError.incompatibleUnits(.tonne, .items)) {
            try TradeSeriesBuilder().build(records, selection: try Self.selection("XV"))
        }
        // Hand calculation with net weight: 20,000 + 10,000 = 30,000 kg; 500 USD / 30,000 kg = 0.01666... USD/kg;
        // the estimated net weight of 7317 carries 300 of 500 USD -> estimated share 0.6.
        let point = try TradeSeriesBuilder(quantityMeasure: .netWeight).build(records, selection: try Self.selection("XV")).points[0]
        #expect(point.quantity == Quantity(amount: 30_000, unit: .kilogram))
        expectClose(try #require(point.unitPrice?.amount), 500.0 / 30_000, rtol: 1e-15, atol: 0, "USD/kg")
        expectClose(try #require(point.estimatedQuantityShare), 0.6, rtol: 1e-15, atol: 0, "estimated share")
        // A record without net weight has no quantity under --quantity net-weight: its value counts as missing quantity.
        let partial = [records[0], try Self.weighed("2016", "7317", value: 300, quantity: 5_000, unit: .items, kilograms: nil)]
        let missing = try TradeSeriesBuilder(quantityMeasure: .netWeight).build(partial, selection: try Self.selection("XV")).points[0]
        expectClose(try #require(missing.missingQuantityShare), 0.6, rtol: 1e-15, atol: 0, "300 / 500 without net weight")
    }
}

@Suite("TradeSeriesBuilder: years and quarters summed from months")
struct TradeSeriesAggregationTests {
    static func month(_ text: String, value: Double, tonnes: Double? = nil, source: String = "S") throws -> TradeRecord {
        TradeRecord(period: try Period(parsing: text), reporter: .china, partner: .northKorea, flow: .import, commodity: .hs(try HSCode("2701")),
                    value: .usd(value), quantity: tonnes.map { Quantity(amount: $0, unit: .tonne) }, sourceID: source)
    }

    @Test("a quarter of three months is the whole; a year of two months is partial, shown apart and not analysed; a reported year wins")
    func aggregation() throws {
        var records = [try Self.month("2016-01", value: 10, tonnes: 1), try Self.month("2016-02", value: 20, tonnes: 2),
                       try Self.month("2016-03", value: 30, tonnes: 3), try Self.month("2017-05", value: 7)]
        records.append(TradeRecord(period: Period(year: 2015), reporter: .china, partner: .northKorea, flow: .import,
                                   commodity: .hs(try HSCode("2701")), value: .usd(500), sourceID: "Y"))
        let builder = TradeSeriesBuilder()
        let quarterly = try builder.build(records, selection: TradeSelection(reporter: .china, partner: .northKorea, flow: .import,
                                                                               commodity: .hs(try HSCode("2701")), frequency: .quarterly))
        let q1 = try #require(quarterly.points.first { $0.period.description == "2016-Q1" })
        // Hand calculation: 10 + 20 + 30 = 60 USD, 1 + 2 + 3 = 6 t, 60 / 6 = 10 USD/t.
        #expect(q1.value?.amount == 60 && q1.quantity?.amount == 6 && q1.unitPrice?.amount == 10)
        #expect(q1.subperiods?.isComplete == true)
        #expect(quarterly.partialSums.map(\.period.description) == ["2017-Q2"])
        let annual = try builder.build(records, selection: TradeSelection(reporter: .china, partner: .northKorea, flow: .import,
                                                                            commodity: .hs(try HSCode("2701")), frequency: .annual))
        #expect(annual.points.map(\.period.description) == ["2015"])
        #expect(annual.points[0].value?.amount == 500 && annual.points[0].subperiods == nil)
        #expect(annual.partialSums.map(\.period.description) == ["2016", "2017"])
        #expect(annual.partialSums[0].value?.amount == 60 && annual.partialSums[0].subperiods?.present.count == 3)
        #expect(annual.valueSeries?.values == [500])
        #expect(annual.valueSeries(allowingPartial: true)?.values == [500, 60, 7])
    }
}
