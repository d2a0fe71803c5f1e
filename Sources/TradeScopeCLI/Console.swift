import Foundation
import Reports

/// Where a run's standard output and standard error go, and which data directory it reads.
///
/// A run of the executable writes to the process's descriptors and finds the bundled data as
/// `BundledData.locate()` does. A run inside the test process (``TradeScope/run(_:console:)``) has a
/// ``ConsoleCapture`` bound to ``Console/capture`` for its task: output is collected there, no
/// terminal is assumed (no colour, no progress bar), and the data directory is the capture's.
enum Console {
    /// The capture of the run on this task, if it runs in process.
    @TaskLocal static var capture: ConsoleCapture?

    /// The arguments of the run on this task, without the program name (for the manifest).
    @TaskLocal static var arguments: [String] = Array(CommandLine.arguments.dropFirst())

    /// The data directory for `Workspace`: the capture's, or `nil` to locate the bundled data.
    static var dataDirectory: URL? { capture?.dataDirectory }

    /// Whether standard output is a terminal the user looks at.
    static var standardOutputIsTerminal: Bool { capture == nil && isatty(STDOUT_FILENO) == 1 }

    /// Whether standard error is a terminal the user looks at.
    static var standardErrorIsTerminal: Bool { capture == nil && isatty(STDERR_FILENO) == 1 }
}

/// The standard output and standard error of one in-process run, and the data directory it reads.
///
/// Safe to write from several threads (a progress bar ticks from the workers of `--by`).
final class ConsoleCapture: @unchecked Sendable {
    /// The data directory the run reads, or `nil` to locate the bundled data.
    let dataDirectory: URL?
    private let lock = NSLock()
    private var output: [UInt8] = []
    private var errors: [UInt8] = []

    init(dataDirectory: URL?) {
        self.dataDirectory = dataDirectory
    }

    /// Everything written to standard output so far.
    var standardOutput: String { lock.withLock { String(decoding: output, as: UTF8.self) } }

    /// Everything written to standard error so far.
    var standardError: String { lock.withLock { String(decoding: errors, as: UTF8.self) } }

    func appendOutput(_ text: String) { lock.withLock { output.append(contentsOf: text.utf8) } }

    func appendError(_ text: String) { lock.withLock { errors.append(contentsOf: text.utf8) } }
}

/// Standard error: messages, warnings and progress bars (never results).
enum StandardError {
    /// Writes `text` to standard error, or to the in-process capture. A failed write is ignored:
    /// there is nowhere left to report it. On a terminal, control characters in messages (which quote data)
    /// are shown escaped (``TerminalText``), keeping the tool's own styles and, for a progress bar's `redraw`,
    /// the carriage return it starts with.
    static func write(_ text: String, redraw: Bool = false) {
        if let capture = Console.capture {
            capture.appendError(text)
            return
        }
        var shown = text
        if isatty(STDERR_FILENO) == 1 {
            shown = redraw && text.hasPrefix("\r") ? "\r" + TerminalText.escape(String(text.dropFirst()), keepingStyles: true)
                : TerminalText.escape(text, keepingStyles: true)
        }
        let bytes = Array(shown.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Foundation.write(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
