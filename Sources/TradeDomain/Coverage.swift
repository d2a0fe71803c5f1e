/// What a figure of a series covers: the selection's own reported code, or a sum of the codes present.
///
/// A TOTAL, a section or a chapter range that no source reports as such is summed from the chapters,
/// headings or subheadings that are present; such a sum is the whole only when every chapter of the
/// scope is present at chapter level. An HS code summed from its subcodes is never known to be whole
/// (the data do not say which subcodes exist). A partial sum is never to be labelled as the whole:
/// every output states a figure's coverage (Reports: a text footnote, a CSV `coverage` column, JSON
/// `coverage: {codes_present, codes_missing}`).
public struct Coverage: Hashable, Codable, Sendable {
    /// The codes whose figures were summed (one element, the selection's code, when it is reported).
    public let codesPresent: [CommodityCode]
    /// The chapters of the scope with no figure at any level, when the scope is a known list of
    /// chapters (TOTAL, a section, a chapter range); `nil` for an HS code summed from its subcodes.
    public let codesMissing: [CommodityCode]?
    /// Whether the figure is the selection's own code as reported.
    public let isReported: Bool

    /// The coverage of a figure of `selection` summed from `codes`.
    ///
    /// - Parameters:
    ///   - selection: The selection's commodity.
    ///   - codes: The codes summed.
    public init(selection: CommodityCode, codes: [CommodityCode]) {
        codesPresent = codes
        isReported = codes == [selection]
        if isReported {
            codesMissing = []
            return
        }
        let scope: [Int]?
        switch selection {
        case .total: scope = Coverage.allChapters
        case .section, .chapterRange: scope = selection.chapterSpan.map { span in Coverage.allChapters.filter(span.contains) }
        case .hs: scope = nil
        }
        guard let scope else {
            codesMissing = nil
            return
        }
        let present = Set(codes.compactMap { code -> Int? in
            if case let .hs(hs) = code { return hs.chapterNumber }
            return nil
        })
        codesMissing = scope.filter { !present.contains($0) }.compactMap { chapter in
            (try? HSCode(chapter < 10 ? "0\(chapter)" : String(chapter))).map(CommodityCode.hs)
        }
    }

    /// Whether the figure is the whole of the selection: reported as such, or summed over every
    /// chapter of a known scope, each at chapter level.
    public var isComplete: Bool {
        if isReported { return true }
        guard let codesMissing, codesMissing.isEmpty else { return false }
        return codesPresent.allSatisfy { $0.hsLevel == .chapter }
    }

    /// One line: "reported", or "sum of 27, 44; no figure for 01-26, 28-43, 45-97".
    public var summary: String {
        if isReported { return "reported" }
        var text = "sum of " + codesPresent.map(\.description).joined(separator: ", ")
        if let codesMissing {
            if !codesMissing.isEmpty { text += "; no figure for " + Coverage.ranges(codesMissing) }
            else if !isComplete { text += "; some chapters only in part (headings or subheadings)" }
        } else {
            text += "; other subcodes may be missing"
        }
        return text
    }

    /// The HS chapters that exist (01-97, chapter 77 reserved).
    static let allChapters: [Int] = Array(1...97).filter { $0 != 77 }

    /// Chapters written as runs: "01-26, 28-43, 45-97".
    static func ranges(_ codes: [CommodityCode]) -> String {
        let numbers = codes.compactMap { code -> Int? in
            if case let .hs(hs) = code, hs.level == .chapter { return hs.chapterNumber }
            return nil
        }.sorted()
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        var runs: [String] = []
        var index = 0
        while index < numbers.count {
            var end = index
            // A run continues over consecutive chapters, and over the reserved 77.
            while end + 1 < numbers.count, numbers[end + 1] == numbers[end] + 1 || (numbers[end] == 76 && numbers[end + 1] == 78) { end += 1 }
            runs.append(end == index ? pad(numbers[index]) : "\(pad(numbers[index]))-\(pad(numbers[end]))")
            index = end + 1
        }
        return runs.joined(separator: ", ")
    }
}

extension TradeSeriesPoint {
    /// What the point's figures cover, for the selection's commodity.
    public func coverage(of selection: CommodityCode) -> Coverage {
        Coverage(selection: selection, codes: codes)
    }
}

extension TradeSeries {
    /// The points whose figures are not the whole of the selection (partial or unknown coverage), with their coverage.
    public var partialPoints: [(period: Period, coverage: Coverage)] {
        points.compactMap { point in
            guard point.value != nil || point.quantity != nil else { return nil }
            let coverage = point.coverage(of: selection.commodity)
            return coverage.isComplete ? nil : (point.period, coverage)
        }
    }
}
