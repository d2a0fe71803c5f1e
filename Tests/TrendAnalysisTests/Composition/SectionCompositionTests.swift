import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport

/// A record of China's imports from the DPRK, as in Data/dprk_china.csv.
private func row(_ year: Int, _ code: String, _ value: Double?, _ source: String) throws -> TradeRecord {
    TradeRecord(
        period: Period(year: year), reporter: try CountryCode("CHN"), partner: try CountryCode("PRK"), flow: .import,
        commodity: try CommodityCode(parsing: code), value: value.map { MonetaryAmount(amount: $0, currency: .usd) }, sourceID: source)
}

/// Source ranks as in Data/sources.csv (1 customs, 2 Comtrade, 5 KOTRA, 6 other).
private let builder = TradeSeriesBuilder(preference: { source in
    let ranks = ["GAC_GT_2018": 1, "GAC_YONHAP_2024": 1, "REU_MENAFN_2024": 1, "ST_2024": 1, "UNCT_PMACG": 2,
                 "KOTRA_SEOUL_2018": 5, "KORES_ENERGYNEWS_2018": 6, "KORES_YONHAPJP_2018-02": 6, "KOTRA_X": 5]
    return SourcePreference(rank: ranks[source] ?? 9, date: "")
})

private let selection = TradeSelection(
    reporter: try! CountryCode("CHN"), partner: try! CountryCode("PRK"), flow: .import, commodity: .total)

@Suite("SectionComposition: shares of the total by HS section")
struct SectionCompositionTests {
    /// The bundled rows for 2017 (Data/dprk_china.csv).
    func rows2017() throws -> [TradeRecord] {
        [
            try row(2017, "TOTAL", 1_720_000_000, "GAC_GT_2018"), try row(2017, "TOTAL", 1_650_000_000, "KOTRA_SEOUL_2018"),
            try row(2017, "27", 421_339_878, "UNCT_PMACG"), try row(2017, "2701", 400_000_000, "KORES_ENERGYNEWS_2018"),
            try row(2017, "2701", 403_000_000, "KORES_YONHAPJP_2018-02"),
            try row(2017, "2601", 100_000_000, "KORES_ENERGYNEWS_2018"), try row(2017, "2601", 103_000_000, "KORES_YONHAPJP_2018-02"),
            try row(2017, "44", 13_924_485, "UNCT_PMACG"),
            try row(2016, "TOTAL", 2_630_000_000, "GAC_GT_2018"),
        ]
    }

    @Test("2017 by hand: each figure counted once, small sections grouped, the rest unspecified")
    func handCalculation2017() throws {
        let composition = try SectionComposition(records: rows2017(), selection: selection, period: Period(year: 2017), builder: builder)
        // Total: customs (rank 1) 1,720,000,000 over KOTRA's 1,650,000,000.
        #expect(composition.totalValue == 1_720_000_000)
        #expect(composition.totalSourceIDs == ["GAC_GT_2018"])
        // Chapter 27 has its own figure (421,339,878), so heading 2701 is not added to it. Chapter 26 has none:
        // its heading 2601 stands in; of two rank-6 figures 103,000,000 (3 significant digits) beats 100,000,000 (1).
        // Section V = 421,339,878 + 103,000,000 = 524,339,878; share 524,339,878 / 1.72e9 = 0.30484876627906976.
        // Section IX (chapter 44) = 13,924,485; share 0.00809563081395349 < 2%: grouped as other.
        // Unspecified = 1,720,000,000 - 524,339,878 - 13,924,485 = 1,181,735,637; share 0.6870556029069768.
        #expect(composition.groups.map(\.id) == ["V", "other", "unspecified"])
        let section = composition.groups[0]
        expectClose(section.value, 524_339_878, rtol: 0, atol: 1e-6, "section V")
        expectClose(section.share, 0.30484876627906976, rtol: 1e-14, atol: 0, "section V share")
        #expect(section.parts.map(\.code) == ["27", "26"])
        #expect(section.parts[1].codesSummed == ["2601"])
        #expect(section.parts[1].sourceIDs == ["KORES_YONHAPJP_2018-02"])
        expectClose(composition.groups[1].share, 0.00809563081395349, rtol: 1e-14, atol: 0, "other share")
        #expect(composition.groups[1].parts.map(\.code) == ["44"])
        expectClose(composition.groups[2].value, 1_181_735_637, rtol: 0, atol: 1e-6, "unspecified")
        expectClose(composition.groups[2].share, 0.6870556029069768, rtol: 1e-14, atol: 0, "unspecified share")
        // Property: the groups add up to the total.
        expectClose(composition.groups.reduce(0) { $0 + $1.value }, 1_720_000_000, rtol: 1e-15, atol: 0, "sum of groups")
    }

    @Test("2023 by hand: one heading (6704, human hair) against the total")
    func handCalculation2023() throws {
        let rows = [
            try row(2023, "TOTAL", 291_890_000, "GAC_YONHAP_2024"),
            try row(2023, "6704", 167_000_000, "REU_MENAFN_2024"), try row(2023, "6704", 163_000_000, "ST_2024"),
        ]
        let composition = try SectionComposition(records: rows, selection: selection, period: Period(year: 2023), builder: builder)
        // Equal rank, equal digits, equal (empty) dates: the alphabetically first source, REU_MENAFN_2024 (167,000,000).
        // Section XII: 167,000,000 / 291,890,000 = 0.5721333379012642; unspecified 124,890,000, 0.4278666620987358.
        #expect(composition.groups.map(\.id) == ["XII", "unspecified"])
        expectClose(composition.groups[0].share, 0.5721333379012642, rtol: 1e-14, atol: 0, "XII share")
        expectClose(composition.groups[1].value, 124_890_000, rtol: 0, atol: 1e-6, "unspecified")
        #expect(composition.groups[0].parts.first?.codesSummed == ["6704"])
        #expect(composition.groups[0].parts.first?.code == "67")
    }

    @Test("the threshold is a parameter: at 0.5% chapter 44 is its own section")
    func threshold() throws {
        let composition = try SectionComposition(
            records: rows2017(), selection: selection, period: Period(year: 2017), builder: builder, minimumShare: 0.005)
        #expect(composition.groups.map(\.id) == ["V", "IX", "unspecified"])
    }

    @Test("chapter ranges: counted when no chapter inside has a figure, noted otherwise")
    func chapterRanges() throws {
        var rows = [try row(2016, "TOTAL", 1000, "GAC_GT_2018"), try row(2016, "61-62", 300, "KOTRA_X"), try row(2016, "03", 100, "KOTRA_X")]
        var composition = try SectionComposition(records: rows, selection: selection, period: Period(year: 2016), builder: builder)
        // 61-62 lies in section XI (50-63): 300 / 1000; chapter 03 in section I: 100 / 1000; rest 600.
        #expect(composition.groups.map(\.id) == ["XI", "I", "unspecified"])
        #expect(composition.groups[0].parts.map(\.code) == ["61-62"])
        rows.append(try row(2016, "61", 250, "KOTRA_X"))
        composition = try SectionComposition(records: rows, selection: selection, period: Period(year: 2016), builder: builder)
        // Chapter 61 has its own figure: the range is not counted (61: 250, 03: 100, rest 650).
        #expect(composition.groups[0].parts.map(\.code) == ["61"])
        expectClose(composition.groups.last?.value ?? 0, 650, rtol: 0, atol: 1e-9, "unspecified")
        #expect(composition.notes.contains { $0.hasPrefix("Chapters 61-62 (USD 300, KOTRA_X) not counted: chapter 61") })
    }

    @Test("parts above the total: no unspecified slice, the excess reported")
    func excess() throws {
        let rows = [try row(2016, "TOTAL", 1000, "GAC_GT_2018"), try row(2016, "27", 1200, "UNCT_PMACG")]
        let composition = try SectionComposition(records: rows, selection: selection, period: Period(year: 2016), builder: builder)
        #expect(composition.groups.map(\.id) == ["V"])
        #expect(composition.excessOverTotal == 200)
        #expect(composition.notes.count == 1)
    }

    @Test("no TOTAL: a clear error; the latest year with a TOTAL is found")
    func noTotal() throws {
        let rows = [try row(2018, "27", 5, "UNCT_PMACG")] + (try rows2017())
        #expect(throws: AnalysisError.noTotalFigure(period: "2018")) {
            try SectionComposition(records: rows, selection: selection, period: Period(year: 2018), builder: builder)
        }
        #expect(SectionComposition.latestPeriodWithTotal(records: rows, selection: selection) == Period(year: 2017))
        #expect(AnalysisError.noTotalFigure(period: "2018").description.contains("no TOTAL value for 2018"))
    }
}
