import ArgumentParser
import Foundation
import Reports
import TradeIO

/// Output format and destination (CLI.md "Common").
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: text, md, html, json, csv or svg (default: text). html: one self-contained page with charts (report, trend, breaks, anomalies, decompose, forecast, index); svg: the chart alone (trend, breaks, anomalies, decompose, forecast, index).")
    var format: OutputFormat = .text

    @Option(help: "Write to this file instead of standard output (- is standard output); an existing file is kept unless --force is given; a FIFO or device is written in place.")
    var out: String?

    @Flag(help: "Overwrite the file named by --out.")
    var force = false

    @Flag(inversion: .prefixedNo, help: "Prefix CSV text cells beginning with =, +, -, @, tab or CR with ' so spreadsheets do not run them as formulas (OWASP CSV injection; numbers are unchanged).")
    var csvFormulaGuard = true

    /// Writes the rendered output to --out or standard output.
    /// Text output is fitted to 100 columns (``TextLayout``); other formats are written as given.
    func write(_ text: String) throws {
        try Self.write(format == .text ? TextLayout.fit(text) : text, to: out, force: force)
    }

    /// Writes text to a file (kept unless `force`) or, with no file or `-`, to standard output.
    static func write(_ text: String, to out: String?, force: Bool) throws {
        guard let out, out != "-" else {
            try StandardOutput.write(text)
            return
        }
        try Self.writeFile(out, text, force: force)
    }

    /// Writes a file by ``OutputFile``'s rules: an existing regular file is refused unless `force`, and
    /// replaced through a temporary file that keeps its mode (a hard-linked one is rewritten in place);
    /// a FIFO or a device is written directly, never replaced.
    static func writeFile(_ path: String, _ text: String, force: Bool) throws {
        do {
            try OutputFile.write(text, to: path, force: force, role: "output file")
        } catch {
            throw InputError(description: "--out: \(error.description)")
        }
    }

    /// Whether text output may use colour: standard output is a terminal, no --out, and `NO_COLOR` unset or empty.
    var colourAllowed: Bool {
        let noColour = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return out == nil && format == .text && !noColour && Console.standardOutputIsTerminal
    }
}

/// Standard output written with checked `write(2)` calls, so a failed write (a full disk,
/// `/dev/full`, a closed descriptor) is an error with a message and exit code 3, not a trap.
/// On a terminal, control characters from the data are shown escaped (``TerminalText``: `\x1b`), keeping
/// the tool's own styles; a file or a pipe gets the data as it is.
enum StandardOutput {
    /// Writes all of `text` to standard output, retrying short writes and interrupted calls.
    ///
    /// - Throws: ``OutputWriteError`` naming the system's reason.
    static func write(_ text: String) throws {
        if let capture = Console.capture {
            capture.appendOutput(text)
            return
        }
        try writeAll(Array((isatty(STDOUT_FILENO) == 1 ? TerminalText.escape(text, keepingStyles: true) : text).utf8))
    }

    /// Writes UTF-8 text given as bytes, as ``write(_:)`` writes a `String`: to a file or a pipe as it is,
    /// without making a `String` of it; to a terminal or a capture through ``write(_:)``.
    static func write(bytes: [UInt8]) throws {
        if Console.capture != nil || isatty(STDOUT_FILENO) == 1 {
            try write(String(decoding: bytes, as: UTF8.self))
        } else {
            try writeAll(bytes)
        }
    }

    private static func writeAll(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Foundation.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputWriteError(description: "cannot write standard output: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}

/// Standard output could not be written (exit code 3: the environment failed, not the input).
struct OutputWriteError: Error, CustomStringConvertible {
    let description: String
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, md, html, json, csv, svg

    /// Whether the format draws a chart (a page with charts, or the chart alone).
    var isChart: Bool { self == .html || self == .svg }
}
