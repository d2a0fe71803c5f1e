import Foundation
import Reports
import TradeDomain
import TradeIO

/// What a command reads: the bundled data set (the default input), or the
/// records of a store (`--db`) with the bundled sources and sanctions calendar.
struct Workspace {
    let data: BundledData
    /// The records selections are built from: the store's with --db, else the bundled ones.
    let records: [TradeRecord]
    /// "bundled" or "db:PATH", for the JSON `selection.source`.
    let sourceLabel: String

    /// The store named by --db, if any.
    let db: String?

    init(db: String? = nil) throws {
        self.db = db
        data = try BundledData()
        if let db {
            guard FileManager.default.fileExists(atPath: db) else {
                throw InputError(description: "--db: \(db) does not exist; create it with 'tradescope ingest FILE --db \(db)'")
            }
            records = try TradeStore(path: db).records()
            sourceLabel = "db:" + db
        } else {
            records = data.records
            sourceLabel = "bundled"
        }
        RunRecord.shared.record(self)
    }

    /// The series builder with the bundled sources' preference ranks.
    var builder: TradeSeriesBuilder { builder(quantity: .reported) }

    /// The series builder with the bundled sources' preference ranks and a quantity measure.
    func builder(quantity: QuantityMeasure) -> TradeSeriesBuilder {
        let preferences = data.sourcePreferences
        return TradeSeriesBuilder(preference: { preferences[$0] ?? SourcePreference(rank: Int.max, date: "") }, quantityMeasure: quantity)
    }

    var citations: [String: SourceCitation] {
        Dictionary(data.sources.map {
            ($0.id, SourceCitation(id: $0.id, publisher: $0.publisher, title: $0.title, date: $0.date, url: $0.url, excerpt: $0.excerpt))
        }, uniquingKeysWith: { first, _ in first })
    }

    /// The series of a selection: from the reporter's own records, or with a
    /// mirror view from the partner's, plus the mirror gap where both sides report.
    func series(_ selection: TradeSelection, mirror: MirrorView?, quantity: QuantityMeasure = .reported) throws -> (series: TradeSeries, gap: MirrorGap?) {
        let builder = builder(quantity: quantity)
        guard let mirror else { return (try builder.build(records, selection: selection), nil) }
        let mirrored = try builder.build(mirror.mirroredRecords(records, for: selection), selection: selection)
        let reported = try builder.build(records, selection: selection)
        return (mirrored, MirrorGap(reported: reported, mirror: mirrored, convention: mirror.convention))
    }

    /// The label of a selection, saying whose records a mirror view reads.
    static func label(_ selection: TradeSelection, mirror: MirrorView?) -> String {
        guard let mirror else { return label(selection) }
        let partnerSide = mirror.partnerSelection(selection)
        let flow = selection.flow.map { $0 == .export || $0 == .reExport ? "exports to" : "imports from" } ?? "trade with"
        let reporter = selection.reporter.map { countryName($0.iso3) } ?? "all reporters"
        let partner = selection.partner.map { countryName($0.iso3) } ?? "all partners"
        let source = partnerSide.reporter.map { countryName($0.iso3) } ?? "partners"
        let sourceFlow = partnerSide.flow.map { $0.rawValue + "s" } ?? "trade"
        return "\(reporter) \(flow) \(partner) (mirror: \(source)'s reported \(sourceFlow))"
    }

    static func valuation(_ selection: TradeSelection, mirror: MirrorView?) -> String {
        guard let mirror else { return valuation(selection) }
        let importSide = selection.flow == .export || selection.flow == .reExport
        let asReported = importSide ? "CIF as reported by the importing partner" : "FOB as reported by the exporting partner"
        if mirror.convention == .none { return asReported + ", no CIF/FOB adjustment" }
        return importSide ? "FOB estimated as the partner's CIF ÷ \(mirror.convention.factor) (\(mirror.convention.name))"
                          : "CIF estimated as the partner's FOB × \(mirror.convention.factor) (\(mirror.convention.name))"
    }

    /// The run manifest: version, command line, SHA-256 of each bundled file, the
    /// sanctions calendar's version and the parameters given.
    ///
    /// - Parameter parameters: The resolved parameters of the command.
    /// - Throws: `TradeIOError.cannotOpen` when an input file cannot be read.
    func manifest(parameters: [RunManifest.Parameter]) throws -> RunManifest {
        var inputs: [RunManifest.InputFile] = []
        var names = [BundledData.sourcesFile, BundledData.sanctionsFile]
        if let db {
            // The store's vintage: every file ingested into it, by its SHA-256 (sizes are not kept).
            for entry in try TradeStore(path: db).provenance() {
                inputs.append(.init(name: "store:" + entry.file, sha256: entry.sha256, bytes: 0))
            }
        } else {
            names = [BundledData.tradeFile, BundledData.comtradeFile] + names
        }
        for name in names {
            let path = data.directory.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path) || name != BundledData.comtradeFile else { continue }
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

    static func selectionJSON(_ selection: TradeSelection, source: String, mirror: MirrorView? = nil, quantity: QuantityMeasure = .reported) -> JSONValue {
        .object([
            ("source", .string(source)),
            ("reporter", .string(selection.reporter?.iso3)),
            ("partner", .string(selection.partner?.iso3)),
            ("flow", .string(selection.flow?.rawValue)),
            ("hs", .string(selection.commodity.description)),
            ("from", .string(selection.from?.description)),
            ("to", .string(selection.through?.description)),
            ("freq", .string(selection.frequency.rawValue)),
            ("mirror", .bool(mirror != nil)),
            ("valuation", .string(valuation(selection, mirror: mirror))),
            ("cif_fob_adjustment", .string(mirror?.convention.name ?? "none")),
            ("cif_fob_factor", .number(mirror?.convention.factor ?? 1)),
            ("quantity", .string(quantity.rawValue)),
        ])
    }

    /// The HS name of a commodity code.
    static func commodityName(_ code: CommodityCode) -> String {
        switch code {
        case .total: return "all goods"
        case let .chapterRange(range): return "chapters \(range.lowerBound)-\(range.upperBound)"
        case let .section(section): return "\(section): \(section.name)"
        case let .hs(hs):
            let chapter = Int(hs.chapter.digits) ?? 0
            let name = HSNomenclature.chapterName(chapter) ?? "chapter \(hs.chapter)"
            if hs.level == .chapter { return name }
            if hs.digits.hasPrefix("2701") { return "coal; briquettes, ovoids and similar solid fuels manufactured from coal" }
            return "a \(hs.level == .heading ? "heading" : "subheading") of chapter \(hs.chapter.digits): \(name)"
        }
    }
}
