import ArgumentParser
import Foundation
import TradeDomain

/// The selection flags shared by the commands over trade data (CLI.md "Common").
struct SelectionOptions: ParsableArguments {
    @Option(help: "Read records from this store (made by 'tradescope ingest'); default: the bundled data set.")
    var db: String?

    @Option(help: "Reporting country, ISO 3166 alpha-3 (default: CHN, whose customs report the bundled figures; PRK with --mirror).")
    var reporter: String?

    @Option(help: "Partner country, ISO 3166 alpha-3 (default: PRK; CHN with --mirror).")
    var partner: String?

    @Option(help: "Flow as the reporter records it: import or export (default: import, i.e. the partner's exports; export with --mirror).")
    var flow: FlowChoice?

    @Flag(help: "Mirror view: read the partner's records of the opposite flow (--reporter PRK --partner CHN --flow export --mirror reads China's imports from the DPRK).")
    var mirror = false

    @Option(name: .customLong("cif-fob"), help: "CIF->FOB convention of mirror values: none (default, values as reported), imf (1.06), ots (1.08), rule-of-thumb (1.10), or a factor from 1 to 2.")
    var cifFob: String = "none"

    @Option(help: "HS code: 2, 4 or 6 digits, a section such as XV, a chapter range such as 61-62, or TOTAL; repeatable or comma-separated. Values roll up 6 -> 4 -> 2 -> section; quantities only within one unit.")
    var hs: [String] = []

    @Option(help: "First period included: YYYY, YYYY-MM or YYYY-Qn (default: the first with data).")
    var from: String?

    @Option(help: "Last period included: YYYY, YYYY-MM or YYYY-Qn (default: the last with data).")
    var to: String?

    @Option(help: "Frequency of the series: annual or monthly (default: annual; export: both).")
    var freq: FrequencyChoice?

    @Option(help: "The quantity of the series: reported (default; the source's unit) or net-weight (net weight in kg, one unit for every code).")
    var quantity: QuantityMeasure = .reported

    func validate() throws {
        for text in [from, to].compactMap({ $0 }) {
            do { _ = try Period(parsing: text) } catch { throw ValidationError("--from/--to: \(error)") }
        }
        do { _ = try CIFFOBConvention(parsing: cifFob) } catch { throw ValidationError("--cif-fob: \(error)") }
        if !mirror && cifFob != "none" { throw ValidationError("--cif-fob applies to mirror values only; add --mirror") }
        for code in codeTexts {
            do { _ = try CommodityCode(parsing: code) } catch { throw ValidationError("--hs: \(error)") }
        }
    }

    var codeTexts: [String] {
        hs.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }

    /// The selections asked for, one per code (`defaultCode` when no --hs is given).
    func selections(defaultCode: String) throws -> [TradeSelection] {
        let codes = codeTexts.isEmpty ? [defaultCode] : codeTexts
        return try codes.map { code in
            TradeSelection(
                reporter: try CountryCode(reporter ?? (mirror ? "PRK" : "CHN")),
                partner: try CountryCode(partner ?? (mirror ? "CHN" : "PRK")),
                flow: (flow ?? (mirror ? .export : .import)).flow,
                commodity: try CommodityCode(parsing: code),
                from: try from.map { try Period(parsing: $0) }, through: try to.map { try Period(parsing: $0) },
                frequency: (freq ?? .annual).frequency)
        }
    }
}

extension SelectionOptions {
    /// The mirror view asked for, or nil without --mirror (validated in `validate()`).
    var mirrorView: MirrorView? {
        guard mirror, let convention = try? CIFFOBConvention(parsing: cifFob) else { return nil }
        return MirrorView(convention: convention)
    }
}

enum FlowChoice: String, ExpressibleByArgument, CaseIterable {
    case `import`, export
    var flow: TradeFlow { self == .import ? .import : .export }
}

enum FrequencyChoice: String, ExpressibleByArgument, CaseIterable {
    case annual, monthly
    var frequency: Frequency { self == .annual ? .annual : .monthly }
}

extension QuantityMeasure: ExpressibleByArgument {}
