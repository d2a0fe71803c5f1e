/// What a trade record or series is about: all goods, an HS section, one HS code, or a range of chapters.
///
/// Sources report at different granularities: UN Comtrade uses `TOTAL` for all
/// goods and HS codes otherwise; some national or press sources report groups
/// of chapters such as textiles `50-63` or apparel `61-62`.
///
/// Codes order with ``total`` first, then by their written form.
/// `Codable` as its written form: `"TOTAL"`, `"2701"`, `"61-62"`.
public enum CommodityCode: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// All goods (Comtrade `TOTAL`).
    case total
    /// One HS chapter, heading or subheading.
    case hs(HSCode)
    /// A group of whole chapters, inclusive (`61-62`).
    case chapterRange(ClosedRange<Int>)
    /// One of the 21 HS sections (`XV`, chapters 72-83), written as its Roman numeral.
    case section(HSSection)

    /// Parses a commodity code.
    ///
    /// Accepts `TOTAL` or `ALL` (any case), an HS section as a Roman numeral (`XV`, any
    /// case; see ``HSSection``), an HS code (see ``HSCode/init(_:)``), or two
    /// chapter numbers joined by a hyphen (`61-62`, `50-63`), lower first; both
    /// chapters must exist (77 cannot be an end point but may lie inside a range).
    ///
    /// - Parameter text: The code as written.
    /// - Throws: ``TradeDomainError/invalidCommodityCode(_:)`` when it is none of these.
    public init(parsing text: String) throws(TradeDomainError) {
        let trimmed = text.trimmingASCIIWhitespace()
        let upper = trimmed.uppercased()
        if upper == "TOTAL" || upper == "ALL" {
            self = .total
            return
        }
        if !upper.isEmpty, upper.allSatisfy({ "IVX".contains($0) }) {
            self = .section(try HSSection(roman: upper))
            return
        }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2 {
            let isChapter: (Substring) -> Bool = { $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
            guard isChapter(parts[0]), isChapter(parts[1]),
                  let low = Int(parts[0]), let high = Int(parts[1]), low <= high,
                  HSNomenclature.chapterName(low) != nil, HSNomenclature.chapterName(high) != nil
            else { throw .invalidCommodityCode(text) }
            self = .chapterRange(low...high)
            return
        }
        do {
            self = .hs(try HSCode(trimmed))
        } catch {
            throw .invalidCommodityCode(text)
        }
    }

    /// The written form: `TOTAL`, the HS digits, `LL-HH` with two-digit chapters, or a section's Roman numeral.
    public var description: String {
        switch self {
        case .total: return "TOTAL"
        case let .hs(code): return code.digits
        case let .chapterRange(range):
            func pad(_ chapter: Int) -> String { chapter < 10 ? "0\(chapter)" : String(chapter) }
            return "\(pad(range.lowerBound))-\(pad(range.upperBound))"
        case let .section(section): return section.roman
        }
    }

    /// Whether an HS code lies within this commodity.
    ///
    /// - Parameter code: An HS code at any level.
    /// - Returns: Always `true` for ``total``; prefix containment for ``hs(_:)``;
    ///   the code's chapter within the range for ``chapterRange(_:)`` and the section's chapters for ``section(_:)``.
    public func covers(_ code: HSCode) -> Bool {
        switch self {
        case .total: return true
        case let .hs(own): return own.covers(code)
        case let .chapterRange(range): return range.contains(code.chapterNumber)
        case let .section(section): return section.chapters.contains(code.chapterNumber)
        }
    }

    /// Whether this commodity takes in another one entirely: every HS code the other
    /// covers, this one covers too (a code covers itself).
    ///
    /// ``total`` takes in everything; a section or chapter range takes in the codes,
    /// ranges and sections whose chapters all lie within it; an HS code takes in only
    /// HS codes it is a prefix of.
    ///
    /// - Parameter other: Another commodity.
    /// - Returns: Whether `other` lies within `self`.
    public func covers(_ other: CommodityCode) -> Bool {
        if self == other || self == .total { return true }
        switch other {
        case .total: return false
        case let .hs(code): return covers(code)
        case .chapterRange, .section:
            guard let own = chapterSpan, let span = other.chapterSpan else { return false }
            return own.contains(span.lowerBound) && own.contains(span.upperBound)
        }
    }

    /// The chapters of a chapter range or section; `nil` for totals and HS codes.
    public var chapterSpan: ClosedRange<Int>? {
        switch self {
        case let .chapterRange(range): return range
        case let .section(section): return section.chapters
        case .total, .hs: return nil
        }
    }

    /// The HS level of an ``hs(_:)`` code; `nil` for totals and chapter ranges.
    public var hsLevel: HSLevel? {
        if case let .hs(code) = self { return code.level }
        return nil
    }

    /// Orders ``total`` first, then by written form.
    public static func < (lhs: CommodityCode, rhs: CommodityCode) -> Bool {
        let left = (lhs == .total ? 0 : 1, lhs.description)
        let right = (rhs == .total ? 0 : 1, rhs.description)
        return left < right
    }
}

extension CommodityCode: WrittenForm {
    public init(writtenForm text: String) throws(TradeDomainError) {
        try self.init(parsing: text)
    }
}
