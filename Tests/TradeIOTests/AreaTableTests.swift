import Foundation
import Testing
@testable import TradeIO

/// The repository's `Data/` directory (the tests read the bundled `Data/areas.csv`).
private let dataDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Data")

private func bundledAreas() throws -> AreaTable {
    try AreaTable.read(path: dataDirectory.appendingPathComponent(BundledData.areasFile).path, displayName: "Data/areas.csv")
}

/// The (code, name, ISO) of each reporter, partner and second partner in a legacy
/// Comtrade file (real rows), with the year of the row.
private func legacyAreas(_ path: String) throws -> [(code: Int, name: String, iso: String, year: Int)] {
    let records = try CSVReader(path: path).readAll()
    let header = records[0].fields.map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }
    var seen: [(code: Int, name: String, iso: String, year: Int)] = []
    for record in records.dropFirst() {
        let row = Dictionary(uniqueKeysWithValues: zip(header, record.fields))
        for side in ["Reporter", "Partner", "2nd Partner"] {
            guard let code = row["\(side) Code"] else { continue }
            seen.append((Int(code)!, row[side]!, row["\(side) ISO"]!, Int(row["Year"]!)!))
        }
    }
    return seen
}

@Suite("AreaTable (UN Comtrade's area list, Data/areas.csv)")
struct AreaTableTests {
    @Test("China, the DPRK, Other Asia nes and World: names and codes as Comtrade gives them")
    func knownAreas() throws {
        let table = try bundledAreas()
        #expect(table.name(code: 156) == "China")
        #expect(table.iso3(code: 156) == "CHN")
        #expect(table.code(iso3: "CHN") == 156)
        #expect(table.name(iso3: "chn") == "China")

        #expect(table.name(code: 408) == "Dem. People's Rep. of Korea")
        #expect(table.iso3(code: 408) == "PRK")
        #expect(table.code(iso3: "PRK") == 408)
        #expect(table.isGroup(code: 408) == false)

        let otherAsia = try #require(table.area(code: 490))
        #expect(otherAsia.name == "Other Asia, nes")
        #expect(otherAsia.iso3 == nil)
        #expect(otherAsia.comtradeAlpha == "S19")
        #expect(table.code(comtradeAlpha: "S19") == 490)
        #expect(table.code(iso3: "S19") == nil)
        #expect(otherAsia.isReporter && otherAsia.isPartner)

        let world = try #require(table.area(code: 0))
        #expect(world.name == "World")
        #expect(world.iso3 == nil)
        #expect(world.comtradeAlpha == "W00")
        #expect(world.isGroup)
        #expect(table.code(comtradeAlpha: "W00") == 0)

        #expect(table.area(code: 1_000) == nil)
        #expect(table.name(iso3: "XYZ") == nil)
    }

    @Test("The table has no duplicate code; its groups are World, the EU and ASEAN")
    func uniqueCodes() throws {
        let table = try bundledAreas()
        #expect(table.areas.count == 313)
        #expect(Set(table.areas.map(\.code)).count == table.areas.count)
        #expect(table.areas.filter(\.isGroup).map(\.code) == [0, 97, 975])
    }

    @Test("Every area of the legacy Comtrade test fixtures is in the table")
    func fixtureCodes() throws {
        let table = try bundledAreas()
        for name in ["comtrade_legacy_head30.csv", "comtrade_legacy_selected.csv", "comtrade_legacy_bulk_selected.csv"] {
            for row in try legacyAreas(fixturePath(name)) {
                #expect(table.area(code: row.code) != nil, "\(name): code \(row.code) \(row.name)")
            }
        }
    }

    /// Differential check against the real legacy Comtrade rows of `Data/comtrade`
    /// (another vintage and API than the Comtrade+ lists the table is built from).
    @Test("The legacy Comtrade rows of Data/comtrade: every code found; ISO codes and names agree but for the documented renamings")
    func legacyRows() throws {
        let table = try bundledAreas()
        let rows = try legacyAreas(dataDirectory.appendingPathComponent(BundledData.comtradeFile).path)
        #expect(rows.count == 2 * 1_934)
        // Data/README.md, "areas.csv": legacy names that Comtrade+ changed, and the one
        // legacy ISO code (711 So. African Customs Union, ZAF) that Comtrade+ gives as ZA1.
        let renamed: Set<Int> = [58, 175, 234, 280, 711, 736, 792, 891]
        let isoDiffers: Set<Int> = [711]
        var names: Set<Int> = [], isos: Set<Int> = []
        for row in rows {
            let area = try #require(table.area(code: row.code), "code \(row.code) \(row.name) is not in the table")
            if area.name != row.name { names.insert(row.code) }
            if (area.iso3 ?? "") != row.iso { isos.insert(row.code) }
            // The code the legacy row uses is one of the codes of its ISO code.
            if !row.iso.isEmpty, !isoDiffers.contains(row.code) {
                #expect(table.codes(iso3: row.iso).contains(row.code), "\(row.code) \(row.iso)")
            }
        }
        #expect(names == renamed)
        #expect(isos == isoDiffers)
    }

    @Test("An ISO code of several area codes: the code in use, or the one valid in the year; ties give nil")
    func codeRule() throws {
        let table = try bundledAreas()
        // The codes real Comtrade rows use for these reporters (Data/comtrade legacy rows:
        // Germany 276 from 1991 and 280 in 1988, Switzerland 757, USA 842, France 251, India 699).
        #expect(table.codes(iso3: "DEU") == [276, 280])
        #expect(table.code(iso3: "DEU") == 276)
        #expect(table.code(iso3: "DEU", year: 1988) == 280)
        #expect(table.code(iso3: "CHE") == 757)
        #expect(table.code(iso3: "USA") == 842)
        #expect(table.code(iso3: "FRA") == 251)
        #expect(table.code(iso3: "IND") == 699)
        #expect(table.code(iso3: "IND", year: 1970) == 356)
        // Italy: 380 in Comtrade+, 381 in the legacy lists and files.
        #expect(table.codes(iso3: "ITA") == [380, 381])
        #expect(table.code(iso3: "ITA") == 380)
        #expect(table.area(code: 381)?.source == .comtradeLegacy)
        // 473 "LAIA, nes" and 636 "Rest of America, nes" share A79 and nothing tells them apart.
        #expect(table.code(comtradeAlpha: "A79") == nil)
        #expect(table.code(iso3: "DEU", year: 1850) == nil)
    }

    @Test("A bad row is reported with file, line and field")
    func badRows() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("areas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let header = AreaTable.columns.joined(separator: ",")
        let good = "156,CHN,CHN,CN,China,China,false,true,true,1900,,comtrade_plus"
        func read(_ lines: [String]) throws -> AreaTable {
            let path = directory.appendingPathComponent("areas.csv").path
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            return try AreaTable.read(path: path, displayName: "Data/areas.csv")
        }
        #expect(try read([header, good]).name(code: 156) == "China")
        #expect(throws: TradeIOError.invalidValue(SourceLocation(file: "Data/areas.csv", line: 3, field: "code"),
                                                  value: "156", reason: "repeats the code of line 2")) {
            try read([header, good, good])
        }
        #expect(throws: TradeIOError.invalidValue(SourceLocation(file: "Data/areas.csv", line: 2, field: "is_group"),
                                                  value: "yes", reason: "is not true or false")) {
            try read([header, "156,CHN,CHN,CN,China,China,yes,true,true,1900,,comtrade_plus"])
        }
        #expect(throws: TradeIOError.invalidValue(SourceLocation(file: "Data/areas.csv", line: 2, field: "exit_year"),
                                                  value: "now", reason: "is not a year")) {
            try read([header, "156,CHN,CHN,CN,China,China,false,true,true,1900,now,comtrade_plus"])
        }
        #expect(throws: TradeIOError.missingColumn(file: "Data/areas.csv", column: "source")) {
            try read([AreaTable.columns.dropLast().joined(separator: ","), "156,CHN,CHN,CN,China,China,false,true,true,1900,"])
        }
    }

    @Test("BundledData loads the area list with the other bundled files")
    func bundled() throws {
        let data = try BundledData(directory: dataDirectory)
        #expect(data.areas == (try bundledAreas()))
        #expect(data.areas?.name(iso3: "PRK") == "Dem. People's Rep. of Korea")
    }
}
