import Foundation
import TradeDomain
import TradeIO

extension Workspace {
    /// How a selection is described to a reader, saying whose records it reads:
    /// "Dem. People's Rep. of Korea exports to China (China's reported imports)"; a mirror view says
    /// which side's records are read instead.
    public func label(_ selection: TradeSelection, mirror: MirrorView? = nil) -> String {
        let reporter = selection.reporter.map(areas.name) ?? "all reporters"
        let partner = selection.partner.map(areas.name) ?? "all partners"
        guard let mirror else {
            switch selection.flow {
            case .import?: return "\(partner) exports to \(reporter) (\(reporter)'s reported imports)"
            case .export?: return "\(reporter) exports to \(partner) (\(reporter)'s reported exports)"
            case .reExport?: return "\(reporter) re-exports to \(partner) (\(reporter)'s reported re-exports)"
            case .reImport?: return "\(reporter) re-imports from \(partner) (\(reporter)'s reported re-imports)"
            case nil: return "\(reporter) trade with \(partner)"
            }
        }
        let partnerSide = mirror.partnerSelection(selection)
        let flow: String
        switch selection.flow {
        case .export?: flow = "exports to"
        case .reExport?: flow = "re-exports to"
        case .import?: flow = "imports from"
        case .reImport?: flow = "re-imports from"
        case nil: flow = "trade with"
        }
        let source = partnerSide.reporter.map(areas.name) ?? "partners"
        let sourceFlow = partnerSide.flow.map { $0.rawValue + "s" } ?? "trade"
        return "\(reporter) \(flow) \(partner) (mirror: \(source)'s reported \(sourceFlow))"
    }

    /// The valuation of the figures, with the CIF/FOB convention actually applied: imports are
    /// valued CIF and exports FOB as reported; a mirror view reads the other side's valuation and
    /// may convert it by a stated factor.
    public func valuation(_ selection: TradeSelection, mirror: MirrorView? = nil) -> String {
        let exportSide = selection.flow == .export || selection.flow == .reExport
        guard let mirror else {
            return exportSide ? "FOB, as reported by the exporting country; no CIF/FOB adjustment is applied"
                              : "CIF, as reported by the importing country; no CIF/FOB adjustment is applied"
        }
        let asReported = exportSide ? "CIF as reported by the importing partner" : "FOB as reported by the exporting partner"
        if mirror.convention == .none { return asReported + "; no CIF/FOB adjustment is applied" }
        return exportSide ? "FOB estimated as the partner's CIF ÷ \(mirror.convention.factor) (\(mirror.convention.name))"
                          : "CIF estimated as the partner's FOB × \(mirror.convention.factor) (\(mirror.convention.name))"
    }

    /// Where a series' figures come from, in one sentence: the data set's own statement for its
    /// default pair, the sources cited per figure for another pair of the bundled data, or the files
    /// ingested into a store.
    ///
    /// - Parameters:
    ///   - series: The series.
    ///   - mirror: The mirror view used, if any.
    public func provenance(of series: TradeSeries, mirror: MirrorView? = nil) -> String {
        let selection = series.selection
        let side = mirror.map { $0.partnerSelection(selection) } ?? selection
        let ids = Array(Set(series.points.flatMap(\.sourceIDs))).sorted()
        let whose = "\(side.reporter.map(areas.name) ?? "the reporters")'s \(side.flow?.rawValue ?? "trade") records"
        if let store {
            var byKind: [(kind: String, files: [String])] = []
            for entry in (try? store.provenance()) ?? [] {
                let kind: String
                switch entry.layout {
                case .comtradeLegacyAPI?: kind = "UN Comtrade, legacy API files"
                case .comtradeLegacyBulk?: kind = "UN Comtrade, legacy bulk files"
                case .comtradePlus?: kind = "UN Comtrade+ files"
                case .comtradePlusBulk?: kind = "UN Comtrade+ bulk files"
                case .tidy?, nil: kind = "tidy files"
                }
                if let index = byKind.firstIndex(where: { $0.kind == kind }) { byKind[index].files.append(entry.file) } else { byKind.append((kind, [entry.file])) }
            }
            let files = byKind.map { kind, files in
                "\(kind) " + (files.count <= 5 ? files.joined(separator: ", ") : files.prefix(5).joined(separator: ", ") + " and \(files.count - 5) more")
            }
            return "Where do the figures come from? \(whose), from the store \(store.path) (\(files.isEmpty ? "no file ingested" : files.joined(separator: "; ")))"
                + (ids.isEmpty ? "." : "; sources: \(ids.joined(separator: ", ")).")
        }
        if side.reporter == profile.reporter && side.partner == profile.partner && side.flow == profile.flow {
            return "Where do the figures come from? " + profile.provenance
        }
        let publishers = ids.map { id in citations[id].map { "\($0.publisher) (\(id))" } ?? id }
        return "Where do the figures come from? \(whose), as given by the sources cited per figure: \(publishers.joined(separator: "; "))."
    }

    /// The HS name of a commodity code.
    public static func commodityName(_ code: CommodityCode) -> String {
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

    /// The first and last day of the periods of some records.
    public static func dateRange(_ records: [TradeRecord]) -> ClosedRange<CalendarDate>? {
        guard let first = records.map(\.period.firstDay).min(), let last = records.map(\.period.lastDay).max() else { return nil }
        return first...last
    }
}
