import Foundation
import Testing

/// docs/architecture.md's table of targets is the contract of the layering: it must name the same
/// project dependencies as Package.swift, target by target.
@Suite("docs/architecture.md agrees with Package.swift")
struct ArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Project targets and their project dependencies, from Package.swift's `.target`, `.executableTarget`
    /// and `.systemLibrary` declarations (test targets and external products left out).
    static func packageTargets() throws -> [String: Set<String>] {
        let text = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var targets: [String: Set<String>] = [:]
        let declaration = try Regex(#"\.(target|executableTarget|systemLibrary)\(\s*name:\s*"([^"]+)"(.*?)\)\s*,?\s*\n"#).dotMatchesNewlines()
        for match in text.matches(of: declaration) {
            guard let name = match.output[2].substring.map(String.init), !name.hasPrefix("_") else { continue }
            let rest = match.output[3].substring.map(String.init) ?? ""
            var dependencies = Set<String>()
            if let range = rest.range(of: #"dependencies:\s*\[([^\]]*)"#, options: .regularExpression) {
                let list = String(rest[range])
                for quoted in list.matches(of: try Regex(#""([A-Za-z_.]+)""#)) {
                    if let dependency = quoted.output[1].substring { dependencies.insert(String(dependency)) }
                }
            }
            targets[name] = dependencies
        }
        return targets
    }

    /// The table of docs/architecture.md: target -> dependencies.
    static func documentedTargets() throws -> [String: Set<String>] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        var targets: [String: Set<String>] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| ") && !line.hasPrefix("| target") && !line.hasPrefix("| ---") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4 else { continue }
            targets[cells[1]] = Set(cells[3].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        return targets
    }

    @Test("every project target is in the table with exactly its project dependencies")
    func tableMatchesPackage() throws {
        let package = try Self.packageTargets()
        let documented = try Self.documentedTargets()
        #expect(package.count >= 10, "parsed \(package.keys.sorted())")
        #expect(Set(package.keys) == Set(documented.keys), "Package.swift \(package.keys.sorted()) vs docs \(documented.keys.sorted())")
        let projectTargets = Set(package.keys)
        for (name, dependencies) in package {
            #expect(dependencies.intersection(projectTargets) == documented[name], "\(name)")
        }
    }
}
