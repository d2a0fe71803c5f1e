/// One of the 21 sections of the Harmonized System, grouping consecutive chapters.
///
/// Section XV, for example, is "Base metals and articles of base metal",
/// chapters 72-83. The table of all sections is ``HSNomenclature/sections``.
public struct HSSection: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The section number, 1...21.
    public let number: Int
    /// The Roman numeral, "I" ... "XXI".
    public let roman: String
    /// The HS 2022 section title.
    public let name: String
    /// The chapters of the section, for example 72...83.
    public let chapters: ClosedRange<Int>

    init(number: Int, roman: String, name: String, chapters: ClosedRange<Int>) {
        self.number = number
        self.roman = roman
        self.name = name
        self.chapters = chapters
    }

    /// The section with a Roman numeral.
    ///
    /// - Parameter roman: "I" ... "XXI", in any case, optionally prefixed by "Section ".
    /// - Throws: ``TradeDomainError/invalidSection(_:)`` when no section has that numeral.
    public init(roman: String) throws(TradeDomainError) {
        var key = roman.trimmingASCIIWhitespace().uppercased()
        if key.hasPrefix("SECTION ") { key = String(key.dropFirst(8)).trimmingASCIIWhitespace() }
        guard let found = HSNomenclature.sections.first(where: { $0.roman == key }) else {
            throw .invalidSection(roman)
        }
        self = found
    }

    /// The section with a number.
    ///
    /// - Parameter number: 1...21.
    /// - Throws: ``TradeDomainError/invalidSection(_:)`` when the number is out of range.
    public init(number: Int) throws(TradeDomainError) {
        guard (1...21).contains(number) else { throw .invalidSection(String(number)) }
        self = HSNomenclature.sections[number - 1]
    }

    /// "Section XV" style label.
    public var description: String { "Section \(roman)" }

    /// The chapters of the section that exist (chapter 77 is reserved and skipped).
    public var chapterCodes: [HSCode] {
        chapters.compactMap { number in
            HSNomenclature.chapterName(number) == nil ? nil : try? HSCode(number < 10 ? "0\(number)" : String(number))
        }
    }

    /// Orders by section number.
    public static func < (lhs: HSSection, rhs: HSSection) -> Bool { lhs.number < rhs.number }
}
