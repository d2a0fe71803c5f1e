import Foundation
import Reports
import TradeDomain
import TradeIO

/// What a command reads: the bundled data set (the default input).
struct Workspace {
    let data: BundledData

    init() throws {
        data = try BundledData()
    }

    /// The series builder with the bundled sources' preference ranks.
    var builder: TradeSeriesBuilder {
        let preferences = data.sourcePreferences
        return TradeSeriesBuilder(preference: { preferences[$0] ?? SourcePreference(rank: Int.max, date: "") })
    }

    var citations: [String: SourceCitation] {
        Dictionary(data.sources.map {
            ($0.id, SourceCitation(id: $0.id, publisher: $0.publisher, title: $0.title, date: $0.date, url: $0.url, excerpt: $0.excerpt))
        }, uniquingKeysWith: { first, _ in first })
    }

    /// The run manifest: version, command line, SHA-256 of each bundled file, the
    /// sanctions calendar's version and the parameters given.
    ///
    /// - Parameter parameters: The resolved parameters of the command.
    /// - Throws: `TradeIOError.cannotOpen` when an input file cannot be read.
    func manifest(parameters: [RunManifest.Parameter]) throws -> RunManifest {
        var inputs: [RunManifest.InputFile] = []
        for name in [BundledData.tradeFile, BundledData.sourcesFile, BundledData.sanctionsFile] {
            let path = data.directory.appendingPathComponent(name).path
            let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            inputs.append(.init(name: name, sha256: try SHA256.hexDigest(ofFile: path, displayName: "Data/" + name), bytes: bytes ?? 0))
        }
        let calendar = inputs.last.map { "\($0.name) (SHA-256 \($0.sha256.prefix(12))…)" } ?? BundledData.sanctionsFile
        let latest = data.sanctions.max { $0.adopted < $1.adopted }
        let version = "\(calendar), \(data.sanctions.count) events" + (latest.map { ", latest \($0.id) adopted \($0.adopted)" } ?? "")
        return RunManifest(
            tool: "tradescope", version: TradeScopeVersion.current,
            commandLine: ["tradescope"] + CommandLine.arguments.dropFirst(), inputs: inputs,
            sanctionsCalendar: version, parameters: parameters)
    }

    /// "DPRK exports to China (China's imports from PRK as reported by China)".
    static func label(_ selection: TradeSelection) -> String {
        let reporter = selection.reporter.map { countryName($0.iso3) } ?? "all reporters"
        let partner = selection.partner.map { countryName($0.iso3) } ?? "all partners"
        switch selection.flow {
        case .import?:
            return "\(partner) exports to \(reporter) (\(reporter)'s reported imports)"
        case .export?:
            return "\(reporter) exports to \(partner) (\(reporter)'s reported exports)"
        default:
            return "\(reporter) trade with \(partner)"
        }
    }

    static func valuation(_ selection: TradeSelection) -> String {
        selection.flow == .import ? "CIF, as reported by the importing country" : "FOB, as reported by the exporting country"
    }

    static func countryName(_ iso3: String) -> String {
        ["CHN": "China", "PRK": "DPRK", "WLD": "world", "KOR": "Republic of Korea"][iso3] ?? iso3
    }

    static func selectionJSON(_ selection: TradeSelection, source: String) -> JSONValue {
        .object([
            ("source", .string(source)),
            ("reporter", .string(selection.reporter?.iso3)),
            ("partner", .string(selection.partner?.iso3)),
            ("flow", .string(selection.flow?.rawValue)),
            ("hs", .string(selection.commodity.description)),
            ("from", .string(selection.from?.description)),
            ("to", .string(selection.through?.description)),
            ("freq", .string(selection.frequency.rawValue)),
            ("mirror", .bool(false)),
            ("valuation", .string(valuation(selection))),
            ("cif_fob_adjustment", .string("none")),
        ])
    }

    /// The HS name of a commodity code.
    static func commodityName(_ code: CommodityCode) -> String {
        switch code {
        case .total: return "all goods"
        case let .chapterRange(range): return "chapters \(range.lowerBound)-\(range.upperBound)"
        case let .hs(hs):
            let chapter = Int(hs.chapter.digits) ?? 0
            let name = HSNomenclature.chapterName(chapter) ?? "chapter \(hs.chapter)"
            if hs.level == .chapter { return name }
            if hs.digits.hasPrefix("2701") { return "coal; briquettes, ovoids and similar solid fuels manufactured from coal" }
            return "a \(hs.level == .heading ? "heading" : "subheading") of chapter \(hs.chapter.digits): \(name)"
        }
    }
}
