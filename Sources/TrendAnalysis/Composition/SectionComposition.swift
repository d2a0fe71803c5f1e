import TradeDomain

/// The make-up of a selection's trade in one period by HS section, with each
/// section's chapters, measured by value.
///
/// How it is computed from the records of a selection (reporter, partner,
/// flow; the commodity is ignored) for one period:
/// 1. **Total.** The `TOTAL` value, chosen among sources by the series
///    builder's preference rule (`TradeSeriesBuilder`). Without one the
///    composition is undefined (``AnalysisError/noTotalFigure(period:)``).
/// 2. **Chapters.** For each chapter with any record, the chapter's figure
///    built by the same builder: the chapter's own figure when reported,
///    otherwise the sum of its headings (or of its subheadings when it has no
///    headings), so each figure is counted once and a heading is never added to
///    its chapter.
/// 3. **Chapter ranges** (`61-62`) are counted only when none of their chapters
///    has a figure of its own and they overlap no range already counted
///    (narrower ranges first); otherwise they are listed in ``notes``. A range
///    inside one section belongs to it; one spanning sections forms its own group.
/// 4. **Unspecified** = total − Σ chapter and range figures: the part of the
///    total that no chapter figure covers. When the parts exceed the total
///    (sources that do not add up), unspecified is 0, the excess is reported in
///    ``excessOverTotal`` and a note says so.
/// 5. **Other.** Sections whose value is below ``minimumShare`` of the total
///    (2% by default) are grouped as one "other sections" group that keeps their chapters.
///
/// Shares are value ÷ total. Groups are ordered by value, largest first, then
/// "other", then "unspecified".
public struct SectionComposition: Sendable, Equatable, Codable {
    /// The share of the total below which a section joins the "other" group.
    public static let defaultMinimumShare = 0.02

    /// One chapter (or chapter range) figure.
    public struct Part: Sendable, Equatable, Codable {
        /// The code as written: `27`, `61-62`.
        public let code: String
        /// The HS chapter title (for a range, the titles of its ends).
        public let label: String
        /// Value in USD.
        public let value: Double
        /// `value / total`.
        public let share: Double
        /// The sources of the value.
        public let sourceIDs: [String]
        /// The codes whose figures were summed (`["27"]`, or headings such as `["2601", "2603"]`).
        public let codesSummed: [String]
    }

    /// What a group stands for.
    public enum GroupKind: String, Sendable, Equatable, Codable {
        /// One HS section.
        case section
        /// A chapter range spanning more than one section.
        case chapterRange
        /// Sections below the minimum share, together.
        case other
        /// The part of the total no chapter figure covers.
        case unspecified
    }

    /// A slice of the composition: a section, the small sections together, or the unspecified rest.
    public struct Group: Sendable, Equatable, Codable {
        /// `XV` for a section, the range for a chapter range, `other` or `unspecified`.
        public let id: String
        public let kind: GroupKind
        /// "Section XV: Base metals and articles of base metal", "Other sections (each below 2.0%)", ...
        public let label: String
        /// Value in USD.
        public let value: Double
        /// `value / total`.
        public let share: Double
        /// The chapters (empty for `unspecified`), largest first.
        public let parts: [Part]
    }

    /// The period described.
    public let period: Period
    /// The preferred TOTAL value in USD.
    public let totalValue: Double
    /// The sources of the TOTAL value.
    public let totalSourceIDs: [String]
    /// The share threshold used for grouping.
    public let minimumShare: Double
    /// The groups in display order: sections by value, then other, then unspecified.
    public let groups: [Group]
    /// Σ of the chapter and range figures counted.
    public let coveredValue: Double
    /// How much the counted parts exceed the total (0 when they do not).
    public let excessOverTotal: Double
    /// Figures not counted and why; conflicts between parts and the total.
    public let notes: [String]

    /// Computes the composition of a selection's trade in one period.
    ///
    /// - Parameters:
    ///   - records: Any records; those outside the selection (ignoring its commodity) or the period are ignored.
    ///   - selection: Reporter, partner, flow and frequency; its commodity and period range are ignored.
    ///   - period: The period, at the selection's frequency (normally a year).
    ///   - builder: The series builder whose preference rule picks among conflicting figures.
    ///   - minimumShare: Sections below this share of the total are grouped as "other"; 2% by default.
    /// - Returns: The composition.
    /// - Throws: ``AnalysisError/noTotalFigure(period:)`` when no TOTAL value exists for the period;
    ///   ``AnalysisError/seriesFailed(step:_:)`` when a chapter's quantities have incompatible units.
    /// - Complexity: O(r · c) for r records and c chapters present.
    public init(
        records: [TradeRecord], selection: TradeSelection, period: Period, builder: TradeSeriesBuilder,
        minimumShare: Double = SectionComposition.defaultMinimumShare
    ) throws(AnalysisError) {
        func restricted(_ commodity: CommodityCode) -> TradeSelection {
            selection.with(commodity: commodity).with(reporter: selection.reporter, partner: selection.partner, flow: selection.flow,
                                                      from: period, through: period, frequency: period.frequency)
        }
        let inPeriod = records.filter { restricted(.total).matchesExceptCommodity($0) }
        func point(_ commodity: CommodityCode, _ subset: [TradeRecord]) throws(AnalysisError) -> TradeSeriesPoint? {
            do {
                return try builder.build(subset, selection: restricted(commodity)).points.first { $0.period == period }
            } catch {
                throw .seriesFailed(step: "building \(commodity) for \(period)", error)
            }
        }
        // 1. The total.
        let totals = inPeriod.filter { $0.commodity == .total }
        guard let totalPoint = try point(.total, totals), let total = totalPoint.value?.amount, total > 0 else {
            throw .noTotalFigure(period: period.description)
        }
        // 2. Chapters.
        var chapterParts: [Int: Part] = [:]
        var notes: [String] = []
        let chapterCodes = Set(inPeriod.compactMap { record -> HSCode? in
            if case let .hs(code) = record.commodity { return code.chapter }
            return nil
        }).sorted()
        for chapterCode in chapterCodes {
            let chapter = chapterCode.chapterNumber
            let code = CommodityCode.hs(chapterCode)
            let subset = inPeriod.filter { if case let .hs(hs) = $0.commodity { return hs.chapterNumber == chapter } else { return false } }
            guard let found = try point(code, subset), let value = found.value?.amount else {
                notes.append("Chapter \(code) has records for \(period) but no value (quantity only); it is not counted.")
                continue
            }
            chapterParts[chapter] = Part(
                code: code.description, label: HSNomenclature.chapterName(chapter) ?? "", value: value, share: value / total,
                sourceIDs: found.valueSources, codesSummed: found.codes.map(\.description))
        }
        // 3. Chapter ranges, narrowest first.
        var rangeParts: [(ClosedRange<Int>, Part)] = []
        let ranges = Set(inPeriod.compactMap { record -> ClosedRange<Int>? in
            if case let .chapterRange(range) = record.commodity { return range }
            return nil
        }).sorted { ($0.count, $0.lowerBound) < ($1.count, $1.lowerBound) }
        for range in ranges {
            let code = CommodityCode.chapterRange(range)
            let subset = inPeriod.filter { $0.commodity == code }
            guard let found = try point(code, subset), let value = found.value?.amount else { continue }
            if let chapter = range.first(where: { chapterParts[$0] != nil }) {
                notes.append("Chapters \(code) (USD \(Int(value.rounded())), \(found.valueSources.joined(separator: ", "))) not counted: chapter \(chapter) has its own figure.")
                continue
            }
            if let other = rangeParts.first(where: { $0.0.overlaps(range) }) {
                notes.append("Chapters \(code) (USD \(Int(value.rounded())), \(found.valueSources.joined(separator: ", "))) not counted: it overlaps chapters \(CommodityCode.chapterRange(other.0)), already counted.")
                continue
            }
            let label = "chapters \(code): " + [range.lowerBound, range.upperBound].compactMap(HSNomenclature.chapterName).joined(separator: " … ")
            rangeParts.append((range, Part(code: code.description, label: label, value: value, share: value / total,
                                           sourceIDs: found.valueSources, codesSummed: [code.description])))
        }
        // Sections (and cross-section ranges) as groups.
        var bySection: [Int: [Part]] = [:]
        var crossSection: [Group] = []
        for (chapter, part) in chapterParts {
            if let section = HSNomenclature.section(ofChapter: chapter) { bySection[section.number, default: []].append(part) }
        }
        for (range, part) in rangeParts {
            let low = HSNomenclature.section(ofChapter: range.lowerBound), high = HSNomenclature.section(ofChapter: range.upperBound)
            if let low, low == high {
                bySection[low.number, default: []].append(part)
            } else {
                crossSection.append(Group(id: part.code, kind: .chapterRange, label: "Chapters \(part.code) (more than one section)",
                                          value: part.value, share: part.share, parts: [part]))
            }
        }
        func ordered(_ parts: [Part]) -> [Part] { parts.sorted { ($1.value, $0.code) < ($0.value, $1.code) } }
        var large: [Group] = crossSection
        var small: [Group] = []
        for (number, parts) in bySection {
            let section = HSNomenclature.sections[number - 1]
            let value = parts.reduce(0) { $0 + $1.value }
            let group = Group(id: section.roman, kind: .section, label: "Section \(section.roman): \(section.name)",
                              value: value, share: value / total, parts: ordered(parts))
            if group.share < minimumShare { small.append(group) } else { large.append(group) }
        }
        func byValue(_ lhs: Group, _ rhs: Group) -> Bool { lhs.value != rhs.value ? lhs.value > rhs.value : lhs.id < rhs.id }
        var groups = large.sorted(by: byValue)
        if !small.isEmpty {
            let value = small.reduce(0) { $0 + $1.value }
            let percent = (minimumShare * 1000).rounded() / 10
            groups.append(Group(id: "other", kind: .other, label: "Other sections (each below \(percent)%)",
                                value: value, share: value / total, parts: ordered(small.flatMap(\.parts))))
        }
        // 4. What the total has beyond the parts.
        let covered = chapterParts.values.reduce(0) { $0 + $1.value } + rangeParts.reduce(0) { $0 + $1.1.value }
        let rest = total - covered
        if rest > 0 {
            groups.append(Group(id: "unspecified", kind: .unspecified, label: "Unspecified (TOTAL not covered by a chapter figure)",
                                value: rest, share: rest / total, parts: []))
        } else if rest < 0 {
            notes.append("The chapter figures add up to USD \(Int(covered.rounded())), more than the TOTAL of USD \(Int(total.rounded())) (\(totalPoint.valueSources.joined(separator: ", "))): the sources do not add up, and nothing is shown as unspecified.")
        }
        self.period = period
        self.totalValue = total
        self.totalSourceIDs = totalPoint.valueSources
        self.minimumShare = minimumShare
        self.groups = groups
        self.coveredValue = covered
        self.excessOverTotal = max(-rest, 0)
        self.notes = notes
    }

    /// The latest period with a TOTAL value for a selection (ignoring its commodity and period range).
    ///
    /// - Parameters:
    ///   - records: Any records.
    ///   - selection: Reporter, partner, flow and frequency.
    ///   - notAfter: The last period to consider (the end of the story a report tells); `nil` for no limit.
    /// - Returns: The latest such period, or `nil` when there is none.
    public static func latestPeriodWithTotal(records: [TradeRecord], selection: TradeSelection, notAfter: Period? = nil) -> Period? {
        let open = selection.with(commodity: .total).openPeriods
        return records.filter { record in
            record.commodity == .total && record.value != nil && open.matchesExceptCommodity(record) && (notAfter.map { record.period <= $0 } ?? true)
        }.map(\.period).max()
    }
}
