/// A Harmonized System code: a chapter (`27`), heading (`2701`) or subheading (`270112`).
///
/// Codes are stored as their digits without dots. A code is valid when it has
/// 2, 4 or 6 ASCII digits and its first two digits name an HS chapter 01-97 that
/// exists (chapter 77 is reserved and rejected; chapters 98 and 99 are national,
/// not HS). Headings and subheadings are not checked against the full
/// nomenclature: any digits below an existing chapter are accepted.
///
/// Codes order by their digits, so a chapter sorts before its headings:
/// `27` < `2701` < `270112` < `2702`.
///
/// `Codable` as its digit string, for example `"270112"`.
public struct HSCode: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The 2, 4 or 6 digits of the code.
    public let digits: String

    private init(uncheckedDigits digits: String) {
        self.digits = digits
    }

    /// Parses an HS code.
    ///
    /// Dots are removed first (`2701.00` becomes `270100`, `27.01` becomes `2701`);
    /// surrounding white space is ignored.
    ///
    /// - Parameter text: The code as written.
    /// - Throws: ``TradeDomainError/invalidHSCode(_:)`` when the text is not 2, 4 or 6
    ///   digits or its chapter does not exist in HS 2022.
    public init(_ text: String) throws(TradeDomainError) {
        let cleaned = text.trimmingASCIIWhitespace().filter { $0 != "." }
        let bytes = Array(cleaned.utf8)
        guard [2, 4, 6].contains(bytes.count), bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw .invalidHSCode(text)
        }
        let chapter = Int(bytes[0] - 48) * 10 + Int(bytes[1] - 48)
        guard HSNomenclature.chapterName(chapter) != nil else { throw .invalidHSCode(text) }
        self.init(uncheckedDigits: cleaned)
    }

    /// The code's digits.
    public var description: String { digits }

    /// Chapter, heading or subheading, from the number of digits.
    public var level: HSLevel {
        switch digits.utf8.count {
        case 2: return .chapter
        case 4: return .heading
        default: return .subheading
        }
    }

    /// The chapter number 1...97.
    public var chapterNumber: Int { Int(digits.prefix(2)) ?? 0 }

    /// The two-digit chapter containing the code (the code itself for a chapter).
    public var chapter: HSCode { rolledUp(to: .chapter) }

    /// The four-digit heading containing the code; `nil` for a chapter.
    public var heading: HSCode? { level >= .heading ? rolledUp(to: .heading) : nil }

    /// The code one level up: subheading → heading → chapter → `nil`.
    public var parent: HSCode? {
        switch level {
        case .chapter: return nil
        case .heading: return rolledUp(to: .chapter)
        case .subheading: return rolledUp(to: .heading)
        }
    }

    /// The HS section (I-XXI) of the code's chapter.
    public var section: HSSection {
        guard let section = HSNomenclature.section(ofChapter: chapterNumber) else {
            preconditionFailure("HS chapter \(chapterNumber) of a validated code has no section")
        }
        return section
    }

    /// The HS 2022 title of the code's chapter.
    public var chapterName: String { HSNomenclature.chapterName(chapterNumber) ?? "" }

    /// The code truncated to a coarser (or the same) level.
    ///
    /// - Parameter level: The level wanted, no finer than the code's own (a precondition).
    /// - Returns: The first 2 or 4 digits, or the code itself.
    public func rolledUp(to level: HSLevel) -> HSCode {
        precondition(level <= self.level, "cannot roll \(digits) up to the finer level \(level)")
        return HSCode(uncheckedDigits: String(digits.prefix(level.rawValue)))
    }

    /// Whether this code contains `other`: its digits are a prefix of `other`'s.
    ///
    /// `27` covers `27`, `2701` and `270112`; `2701` does not cover `27`.
    ///
    /// - Parameter other: Another code at any level.
    /// - Returns: `true` when `other` lies within this code.
    public func covers(_ other: HSCode) -> Bool {
        other.digits.hasPrefix(digits)
    }

    /// Orders by digits, so parents come before their children.
    public static func < (lhs: HSCode, rhs: HSCode) -> Bool { lhs.digits < rhs.digits }
}

extension HSCode: WrittenForm {
    public init(writtenForm text: String) throws(TradeDomainError) {
        try self.init(text)
    }
}
