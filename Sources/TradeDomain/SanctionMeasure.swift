/// One measure of a sanction event: a ban, cap or suspension on a category of goods in one direction.
///
/// A measure lists the HS codes it applies to at any level (chapter, heading or
/// subheading), or applies to all goods (`*` in the sanctions calendar).
public struct SanctionMeasure: Hashable, Codable, Sendable {
    /// Goods leaving (`export`) or entering (`import`) the DPRK.
    public let direction: SanctionDirection
    /// Ban, cap or suspension.
    public let action: SanctionAction
    /// The category of goods as the source names it ("coal", "textiles").
    public let category: String
    /// The HS codes of the category; empty when none are mapped.
    public let hsCodes: [HSCode]
    /// Whether the measure applies to all goods (`*`).
    public let coversAllGoods: Bool
    /// A measure-level start later than the event's; `nil` to use the event's.
    public let effective: CalendarDate?
    /// When a suspension ends; `nil` when open-ended.
    public let expires: CalendarDate?
    /// The last day contract-based shipments could still clear; `nil` when none.
    public let graceUntil: CalendarDate?
    /// The ceiling of a cap; `nil` for bans and suspensions.
    public let cap: SanctionCap?
    /// Exemptions, as the source words them.
    public let exemptions: String?
    /// What the measure does, in words.
    public let description: String
    /// Whether the HS codes are stated in an official text (`true`) or inferred from the category (`false`).
    public let hsSourceOfficial: Bool

    /// A measure.
    ///
    /// - Parameters:
    ///   - direction: Goods leaving or entering the DPRK.
    ///   - action: Ban, cap or suspension.
    ///   - category: The category of goods.
    ///   - hsCodes: Its HS codes; empty by default.
    ///   - coversAllGoods: Whether it applies to all goods; `false` by default.
    ///   - effective: A later start for this measure; `nil` by default.
    ///   - expires: The end of a suspension; `nil` by default.
    ///   - graceUntil: The end of a grace period; `nil` by default.
    ///   - cap: The ceiling of a cap; `nil` by default.
    ///   - exemptions: Exemptions; `nil` by default.
    ///   - description: What it does; empty by default.
    ///   - hsSourceOfficial: Whether the codes are official; `false` (inferred) by default.
    public init(
        direction: SanctionDirection, action: SanctionAction, category: String,
        hsCodes: [HSCode] = [], coversAllGoods: Bool = false,
        effective: CalendarDate? = nil, expires: CalendarDate? = nil, graceUntil: CalendarDate? = nil,
        cap: SanctionCap? = nil, exemptions: String? = nil, description: String = "", hsSourceOfficial: Bool = false
    ) {
        self.direction = direction
        self.action = action
        self.category = category
        self.hsCodes = hsCodes
        self.coversAllGoods = coversAllGoods
        self.effective = effective
        self.expires = expires
        self.graceUntil = graceUntil
        self.cap = cap
        self.exemptions = exemptions
        self.description = description
        self.hsSourceOfficial = hsSourceOfficial
    }

    /// Whether the measure touches goods of an HS code, in either direction of nesting.
    ///
    /// True when the measure covers all goods, or when one of its codes is a prefix
    /// of `code` or `code` is a prefix of it: measure `27` touches series `2701`
    /// and `270112`; measure `2701` touches series `270112` and also the whole
    /// chapter series `27` (part of that chapter is sanctioned); measure `2701`
    /// does not touch `2702`.
    ///
    /// - Parameter code: The HS code of a series, at any level.
    /// - Returns: Whether the measure and the code overlap.
    public func covers(_ code: HSCode) -> Bool {
        if coversAllGoods { return true }
        return hsCodes.contains { $0.covers(code) || code.covers($0) }
    }

    /// Whether the measure applies to every good of `code`: one of its codes is
    /// `code` or a parent of it (or the measure covers all goods). A measure on
    /// 2701 contains 270112 but not chapter 27, which it only touches
    /// (``covers(_:)``).
    ///
    /// - Parameter code: The HS code of a series.
    /// - Returns: Whether all of the code's trade falls under the measure.
    public func contains(_ code: HSCode) -> Bool {
        coversAllGoods || hsCodes.contains { $0.covers(code) }
    }

    /// Whether the measure touches any goods of a commodity code.
    ///
    /// ``CommodityCode/total`` is touched by any measure with codes or covering all
    /// goods; a chapter range is touched when a measure code's chapter lies in it.
    ///
    /// - Parameter commodity: The commodity of a series.
    /// - Returns: Whether the measure and the commodity overlap.
    public func touches(_ commodity: CommodityCode) -> Bool {
        if coversAllGoods { return true }
        switch commodity {
        case .total: return !hsCodes.isEmpty
        case let .hs(code): return covers(code)
        case let .chapterRange(range): return hsCodes.contains { range.contains($0.chapterNumber) }
        case let .section(section): return hsCodes.contains { section.chapters.contains($0.chapterNumber) }
        }
    }
}
