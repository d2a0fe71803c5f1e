import Foundation
import Reports
import TradeIO

/// What a run has read, so that every JSON output can carry a manifest of its
/// inputs (issue: reproducible runs). Commands record the workspace they load;
/// files named on the command line (scenario files, `--series`, `--data`) are
/// found from the arguments.
final class RunRecord: @unchecked Sendable {
    static let shared = RunRecord()
    private let lock = NSLock()
    private var loaded: Workspace?

    /// Records the workspace a command loaded (bundled data or a store).
    func record(_ workspace: Workspace) {
        lock.lock()
        loaded = workspace
        lock.unlock()
    }

    var workspace: Workspace? {
        lock.lock()
        defer { lock.unlock() }
        return loaded
    }

    /// The manifest of this run: version, command line, the SHA-256 of the bundled
    /// files or the store's ingested files (when the run read them) and of every
    /// existing file named in the arguments other than `--out`'s.
    ///
    /// - Throws: `TradeIOError.cannotOpen` when an input file cannot be read.
    func manifest() throws -> RunManifest {
        let arguments = Array(CommandLine.arguments.dropFirst())
        var base: RunManifest
        if let workspace {
            base = try workspace.manifest(parameters: [])
        } else {
            base = RunManifest(
                tool: "tradescope", version: TradeScopeVersion.current, commandLine: ["tradescope"] + arguments,
                inputs: [], sanctionsCalendar: "not read", parameters: [])
        }
        var inputs = base.inputs
        var skipNext = false
        for (index, argument) in arguments.enumerated() {
            if skipNext { skipNext = false; continue }
            // Outputs, and the store (its ingested files are listed from its provenance when read).
            if argument == "--out" || argument == "--rejects" || argument == "--db" { skipNext = true; continue }
            if argument.hasPrefix("--") || index == 0 { continue }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !inputs.contains(where: { $0.name == argument }) else { continue }
            let bytes = (try? FileManager.default.attributesOfItem(atPath: argument)[.size] as? Int) ?? 0
            inputs.append(.init(name: argument, sha256: try SHA256.hexDigest(ofFile: argument, displayName: argument), bytes: bytes ?? 0))
        }
        return RunManifest(tool: base.tool, version: base.version, commandLine: base.commandLine, inputs: inputs,
                           sanctionsCalendar: base.sanctionsCalendar, parameters: base.parameters)
    }
}

extension RunRecord {
    /// A JSON result as text with the run's manifest added: to the object, or to each
    /// object of an array (one result per selection).
    ///
    /// - Throws: `TradeIOError.cannotOpen` when an input file cannot be read for its SHA-256.
    func stamped(_ value: JSONValue) throws -> String {
        let manifest = try manifest().json()
        func stamped(_ value: JSONValue) -> JSONValue {
            guard case let .object(members) = value, !members.contains(where: { $0.0 == "manifest" }) else { return value }
            return .object(members + [("manifest", manifest)])
        }
        let result: JSONValue
        if case let .array(items) = value { result = .array(items.map(stamped)) } else { result = stamped(value) }
        return result.rendered() + "\n"
    }
}

extension OutputOptions {
    /// Writes a JSON result with the run's manifest (see ``RunRecord/stamped(_:)``).
    func write(json value: JSONValue) throws {
        try write(try RunRecord.shared.stamped(value))
    }
}
