import Testing
@testable import TradeDomain

/// Checks the HS 2022 table against the section ranges of the WCO nomenclature,
/// written out here independently of the source table.
@Suite("HSNomenclature")
struct HSNomenclatureTests {
    /// WCO HS 2022 sections and their chapters (from the brief's cross-check list).
    static let reference: [(String, ClosedRange<Int>)] = [
        ("I", 1...5), ("II", 6...14), ("III", 15...15), ("IV", 16...24), ("V", 25...27), ("VI", 28...38),
        ("VII", 39...40), ("VIII", 41...43), ("IX", 44...46), ("X", 47...49), ("XI", 50...63), ("XII", 64...67),
        ("XIII", 68...70), ("XIV", 71...71), ("XV", 72...83), ("XVI", 84...85), ("XVII", 86...89),
        ("XVIII", 90...92), ("XIX", 93...93), ("XX", 94...96), ("XXI", 97...97),
    ]

    @Test func twentyOneSectionsWithTheWCORanges() {
        let sections = HSNomenclature.sections
        #expect(sections.count == 21)
        #expect(sections.map(\.number) == Array(1...21))
        #expect(sections.map(\.roman) == Self.reference.map(\.0))
        #expect(sections.map(\.chapters) == Self.reference.map(\.1))
        for section in sections { #expect(!section.name.isEmpty) }
    }

    @Test("Ranges are contiguous from chapter 1 to 97")
    func rangesContiguous() {
        let sections = HSNomenclature.sections
        #expect(sections.first?.chapters.lowerBound == 1)
        #expect(sections.last?.chapters.upperBound == 97)
        for (previous, next) in zip(sections, sections.dropFirst()) {
            #expect(next.chapters.lowerBound == previous.chapters.upperBound + 1)
        }
    }

    @Test("Every chapter 1-97 except 77 is named and in exactly one section")
    func everyChapterNamedOnce() {
        for chapter in 1...97 where chapter != 77 {
            let name = HSNomenclature.chapterName(chapter)
            #expect(name != nil && !(name ?? "").isEmpty, "chapter \(chapter) has no name")
            let containing = HSNomenclature.sections.filter { $0.chapters.contains(chapter) }
            #expect(containing.count == 1, "chapter \(chapter) is in \(containing.count) sections")
            #expect(HSNomenclature.section(ofChapter: chapter) == containing.first)
        }
        #expect(HSNomenclature.chapterName(77) == nil)
        #expect(HSNomenclature.section(ofChapter: 77) == nil)
        for chapter in [0, 98, 99, -1, 100] { #expect(HSNomenclature.chapterName(chapter) == nil) }
        let names = (1...97).compactMap { HSNomenclature.chapterName($0) }
        #expect(names.count == 96)
        #expect(Set(names).count == 96, "chapter names are distinct")
    }

    @Test("Known HS 2022 titles")
    func knownTitles() {
        #expect(HSNomenclature.chapterName(27) == "Mineral fuels, mineral oils and products of their distillation; bituminous substances; mineral waxes")
        #expect(HSNomenclature.chapterName(26) == "Ores, slag and ash")
        #expect(HSNomenclature.chapterName(3) == "Fish and crustaceans, molluscs and other aquatic invertebrates")
        #expect(HSNomenclature.chapterName(44) == "Wood and articles of wood; wood charcoal")
        #expect(HSNomenclature.chapterName(61) == "Articles of apparel and clothing accessories, knitted or crocheted")
        #expect(HSNomenclature.chapterName(93) == "Arms and ammunition; parts and accessories thereof")
        #expect(HSNomenclature.sections[4].name == "Mineral products")
        #expect(HSNomenclature.sections[10].name == "Textiles and textile articles")
    }
}
