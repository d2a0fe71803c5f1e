import Foundation
import Testing
import _TestSupport

/// `--mirror` and `--cif-fob` over the fixture data, whose comtrade/ file holds real
/// UN Comtrade rows (China-DPRK, HS 27; see Fixtures/PROVENANCE.md).
@Suite("tradescope series --mirror")
struct MirrorTests {
    struct Row: Decodable {
        let period: String
        let value_usd: Double?
        let source_ids: [String]
    }
    struct Selection: Decodable {
        let reporter: String
        let partner: String
        let flow: String
        let mirror: Bool
        let cif_fob_adjustment: String
        let cif_fob_factor: Double
        let valuation: String
    }
    struct Output: Decodable {
        let selection: Selection
        let rows: [Row]
        let mirror_gap: [Gap]
    }
    struct Gap: Decodable { let period: String }

    func output(_ arguments: [String]) throws -> Output {
        let result = try runTradescope(["series", "--hs", "27", "--mirror", "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.standardError)")
        return try JSONDecoder().decode(Output.self, from: Data(result.standardOutput.utf8))
    }

    @Test("the DPRK's HS 27 exports to China, 1992-2017, read from China's imports as Comtrade reports them")
    func comtradeRows() throws {
        let output = try output([])
        #expect(output.selection.reporter == "PRK" && output.selection.partner == "CHN" && output.selection.flow == "export")
        #expect(output.selection.mirror && output.selection.cif_fob_adjustment == "none" && output.selection.cif_fob_factor == 1)
        #expect(output.rows.map(\.period) == (1992...2017).map(String.init))
        // 'Trade Value (US$)' of the real rows "H0,1992,...,1,Import,156,China,CHN,408,...,27,..." and
        // "H5,2017,...,1,Import,156,China,CHN,...,421339878,4" of the fixture: exact.
        #expect(output.rows.first?.value_usd == 18_529_921)
        #expect(output.rows.last?.value_usd == 421_339_878)
        #expect(output.rows.allSatisfy { $0.source_ids == ["UNCT_PMACG"] })
        // The DPRK reports nothing: no period has both sides.
        #expect(output.mirror_gap.isEmpty)
    }

    @Test("the explicit flags give the same as the --mirror defaults")
    func explicitFlags() throws {
        let implicit = try output([]).rows.map(\.value_usd)
        let explicit = try output(["--reporter", "PRK", "--partner", "CHN", "--flow", "export"]).rows.map(\.value_usd)
        #expect(implicit == explicit)
    }

    @Test("--cif-fob imf divides the partner's CIF values by 1.06 and says so", arguments: [
        ("imf", 1.06), ("ots", 1.08), ("rule-of-thumb", 1.10), ("1.07", 1.07),
    ])
    func convention(name: String, factor: Double) throws {
        let output = try output(["--cif-fob", name])
        #expect(output.selection.cif_fob_adjustment == name && output.selection.cif_fob_factor == factor)
        #expect(output.selection.valuation.contains("÷ \(factor)"))
        // Hand calculation: 2016 CIF 1,192,866,092 / factor (imf: 1,125,345,369.811...).
        let row2016 = try #require(output.rows.first { $0.period == "2016" })
        expectClose(try #require(row2016.value_usd), 1_192_866_092 / factor, rtol: 1e-15, atol: 0)
        if name == "imf" { expectClose(try #require(row2016.value_usd), 1_125_345_369.8113208, rtol: 1e-15, atol: 0) }
    }

    @Test("--cif-fob without --mirror, or a factor below 1, is a usage error (exit 2)")
    func usage() throws {
        let without = try runTradescope(["series", "--cif-fob", "imf"])
        #expect(without.status == 2 && without.standardError.contains("add --mirror"))
        let below = try runTradescope(["series", "--mirror", "--cif-fob", "0.9"])
        #expect(below.status == 2 && below.standardError.contains("--cif-fob"))
    }

    @Test("the HS 2701 series is unchanged by the Comtrade rows (chapter 27 does not enter a heading)")
    func headingUnchanged() throws {
        let result = try runTradescope(["series", "--hs", "2701", "--format", "csv"])
        #expect(result.status == 0)
        #expect(!result.standardOutput.contains("UNCT_PMACG"))
    }
}
