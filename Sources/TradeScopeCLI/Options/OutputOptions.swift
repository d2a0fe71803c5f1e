import ArgumentParser
import Foundation

/// Output format and destination (CLI.md "Common").
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: text, md, json or csv (default: text).")
    var format: OutputFormat = .text

    @Option(help: "Write to this file instead of standard output; an existing file is kept unless --force is given.")
    var out: String?

    @Flag(help: "Overwrite the file named by --out.")
    var force = false

    /// Writes the rendered output to --out or standard output.
    func write(_ text: String) throws {
        try Self.write(text, to: out, force: force)
    }

    /// Writes text to a file (kept unless `force`) or, with no file, to standard output.
    static func write(_ text: String, to out: String?, force: Bool) throws {
        guard let out else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        if FileManager.default.fileExists(atPath: out) && !force {
            throw InputError(description: "--out: \(out) exists; add --force to overwrite it")
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw InputError(description: "--out: cannot write \(out): \(error.localizedDescription)")
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, md, json, csv
}
