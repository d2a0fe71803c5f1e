import Foundation
import Testing

@Suite("Every JSON output carries a manifest of its inputs")
struct ManifestTests {
    private func manifest(_ arguments: [String], data: URL? = fixtureDataDirectory()) throws -> [String: Any] {
        let result = try runTradescope(arguments, dataDirectory: data)
        #expect(result.status == 0, "\(arguments): \(result.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        return try #require(object?["manifest"] as? [String: Any], "\(arguments)")
    }

    private func sha256(_ path: String) throws -> String {
        // The system's sha256sum is the independent reference.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(output.prefix(64))
    }

    @Test("commands over the bundled data list its files", arguments: [
        ["series", "--hs", "2701", "--format", "json"], ["events", "--hs", "2701", "--format", "json"],
        ["trend", "--hs", "2701", "--format", "json"], ["export", "--format", "json"],
    ])
    func bundled(arguments: [String]) throws {
        let manifest = try manifest(arguments)
        #expect(manifest["command_line"] as? [String] == ["tradescope"] + arguments)
        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        let trade = try #require(inputs.first { $0["name"] as? String == "Data/dprk_china.csv" })
        #expect(trade["sha256"] as? String == (try sha256(fixtureDataDirectory().appendingPathComponent("dprk_china.csv").path)))
    }

    @Test("the area list is listed when the bundled data directory has one, and not otherwise")
    func areas() throws {
        // The fixture data plus the repository's Data/areas.csv, in a temporary directory.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-areas-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixtureDataDirectory(), to: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        let areas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data/areas.csv")
        try FileManager.default.copyItem(at: areas, to: directory.appendingPathComponent("areas.csv"))
        let inputs = try #require(try manifest(["series", "--hs", "2701", "--format", "json"], data: directory)["inputs"] as? [[String: Any]])
        #expect(inputs.first { $0["name"] as? String == "Data/areas.csv" }?["sha256"] as? String == (try sha256(areas.path)))
        // Without the file (the fixture directory), it is not listed.
        let without = try #require(try manifest(["series", "--hs", "2701", "--format", "json"])["inputs"] as? [[String: Any]])
        #expect(!without.contains { ($0["name"] as? String)?.hasSuffix("areas.csv") == true })
    }

    @Test("a --series file is listed by its path and SHA-256; the calendar is marked as not read")
    func seriesFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-manifest-\(UUID().uuidString).csv")
        try "period,value\n2001,1\n2002,3\n2003,2\n2004,5\n".write(to: file, atomically: true, encoding: .utf8)
        let manifest = try manifest(["trend", "--series", file.path, "--format", "json"])
        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        #expect(inputs.count == 1)
        #expect(inputs.first?["name"] as? String == file.path)
        #expect(inputs.first?["sha256"] as? String == (try sha256(file.path)))
        #expect(manifest["sanctions_calendar"] as? String == "not read")
    }

    @Test("the bundled calendar is read only by a command that uses it, and is then listed; a --calendar file is read whatever the command")
    func calendarOnUse() throws {
        // A copy of the fixture data whose bundled calendar is broken: a command that does not use the
        // calendar (a series as CSV, an export) runs; one that does (events, series JSON naming whether the
        // calendar applies) reports the broken file with exit 2.
        let data = try copyOfFixtureData()
        defer { try? FileManager.default.removeItem(at: data) }
        let calendar = data.appendingPathComponent("sanctions/sanctions_dprk.yaml")
        let intact = try Data(contentsOf: calendar)
        try Data("events: [unclosed\n".utf8).write(to: calendar)
        for arguments in [["series", "--hs", "2701", "--format", "csv"], ["export", "--format", "csv"]] {
            let result = try runTradescope(arguments, dataDirectory: data)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
        }
        for arguments in [["events", "--hs", "2701"], ["series", "--hs", "2701", "--format", "json"]] {
            let result = try runTradescope(arguments, dataDirectory: data)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.standardError.contains("Data/sanctions/sanctions_dprk.yaml"), "\(arguments): \(result.standardError)")
        }
        // An explicit --calendar is checked when the workspace opens, even by a command that does not use it.
        let explicit = try runTradescope(["series", "--hs", "2701", "--format", "csv", "--calendar", calendar.path], dataDirectory: fixtureDataDirectory())
        #expect(explicit.status == 2)
        #expect(explicit.standardError.contains(calendar.path), "\(explicit.standardError)")
        // Intact again: the JSON manifest lists the calendar file with its digest, after the profile it was named in.
        try intact.write(to: calendar)
        let manifest = try manifest(["series", "--hs", "2701", "--format", "json"], data: data)
        let names = try #require(manifest["inputs"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(names.suffix(2) == ["Data/profile.yaml", "Data/sanctions/sanctions_dprk.yaml"])
        #expect((manifest["sanctions_calendar"] as? String)?.hasPrefix("Data/sanctions/sanctions_dprk.yaml") == true)
    }
}
