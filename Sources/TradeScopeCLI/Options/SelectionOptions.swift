import ArgumentParser
import Foundation
import TradeDomain
import TradeScopeKit

/// The selection flags shared by the commands over trade data (CLI.md "Common").
struct SelectionOptions: ParsableArguments {
    @Option(help: "Read records from this store (made by 'tradescope ingest'); default: the bundled data set.")
    var db: String?

    @Option(help: "Reporting country, ISO 3166 alpha-3 (default: the data set's, CHN for the bundled figures; its partner with --mirror).")
    var reporter: String?

    @Option(help: "Partner country, ISO 3166 alpha-3 (default: the data set's, PRK for the bundled figures; its reporter with --mirror).")
    var partner: String?

    @Option(help: "Flow as the reporter records it: import, export, re-export or re-import (default: the data set's, import for the bundled figures, i.e. the partner's exports; the opposite with --mirror).")
    var flow: FlowChoice?

    @Option(help: "A sanctions calendar (YAML, the schema of Data/sanctions/sanctions_dprk.yaml with 'target: ISO3'); its events apply where the target is a side of the flow (default: the data set's calendar, on the DPRK).")
    var calendar: String?

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

    @Option(help: "Frequency of the series: annual, quarterly or monthly (default: annual). A year or quarter no source reports is summed from its months (or quarters): complete when every one is there, else marked partial and left out of analyses unless --allow-partial.")
    var freq: FrequencyChoice?

    @Option(help: "The quantity of the series: reported (default; the source's unit) or net-weight (net weight in kg, one unit for every code).")
    var quantity: QuantityMeasure = .reported

    @Option(help: "Only records of this classification as the source recorded it (H4, H5, H6, ... in Comtrade files; default: any). The store selects it in SQL.")
    var classification: String?

    @Option(help: "Only records of this source id (see 'tradescope events' and the manifest for the ids; default: every source, the preferred figure per period chosen as Data/README.md says).")
    var source: String?

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

    /// The codes given with --hs, each once, in the order first given.
    var codeTexts: [String] {
        var seen = Set<String>()
        return hs.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty && seen.insert($0.uppercased()).inserted }
    }

    /// The workspace these flags name: the bundled data set or the --db store, with the --calendar.
    func workspace(_ context: RunContext) throws -> Workspace {
        try Workspace(db: db, calendarFile: calendar, context: context, dataDirectory: Console.dataDirectory)
    }

    /// The selections asked for, one per code; unset flags take the data set's defaults (the
    /// profile), turned around under --mirror.
    ///
    /// - Parameters:
    ///   - profile: The data set's defaults.
    ///   - defaultCode: The code when no --hs is given (the profile's by default; --by uses TOTAL).
    func selections(_ profile: DataSetProfile, defaultCode: CommodityCode? = nil) throws -> [TradeSelection] {
        let codes = codeTexts.isEmpty ? [defaultCode ?? profile.commodity] : try codeTexts.map { try CommodityCode(parsing: $0) }
        var unique: [CommodityCode] = []
        for code in codes where !unique.contains(code) { unique.append(code) }
        return try unique.map { code in
            TradeSelection(
                reporter: try reporter.map { try CountryCode($0) } ?? (mirror ? profile.partner : profile.reporter),
                partner: try partner.map { try CountryCode($0) } ?? (mirror ? profile.reporter : profile.partner),
                flow: flow?.flow ?? (mirror ? profile.flow.mirrored : profile.flow),
                commodity: code,
                from: try from.map { try Period(parsing: $0) }, through: try to.map { try Period(parsing: $0) },
                frequency: (freq ?? .annual).frequency,
                classification: classification, source: source)
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
    case reExport = "re-export"
    case reImport = "re-import"

    var flow: TradeFlow {
        switch self {
        case .import: return .import
        case .export: return .export
        case .reExport: return .reExport
        case .reImport: return .reImport
        }
    }
}

enum FrequencyChoice: String, ExpressibleByArgument, CaseIterable {
    case annual, quarterly, monthly
    var frequency: Frequency {
        switch self {
        case .annual: return .annual
        case .quarterly: return .quarterly
        case .monthly: return .monthly
        }
    }
}

extension QuantityMeasure: ExpressibleByArgument {}
