import Foundation
import Reports

/// A progress bar on standard error for long work (groups of `--by`, codes and chapters of a report on a store).
///
/// Drawn only when standard error is a terminal, never into a pipe or a file, and never on standard output, so
/// results and scripts are unaffected; uncoloured when `NO_COLOR` is set. Redrawn in place (carriage return) when
/// the whole percentage changes; the finished bar ends with a line feed. Safe to tick from several threads.
final class TerminalProgress: @unchecked Sendable {
    let total: Int
    let label: String
    let unit: String
    /// Whether anything is drawn.
    let isShown: Bool
    let color: Bool
    private let lock = NSLock()
    private var done = 0
    private var lastPercent = -1

    /// - Parameters:
    ///   - total: Items to do.
    ///   - unit: What an item is, plural ("groups").
    ///   - label: What the work is.
    ///   - enabled: Whether the work is long enough to show a bar at all.
    ///   - environment: For `NO_COLOR`.
    init(total: Int, unit: String, label: String, enabled: Bool = true,
         environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.total = total
        self.unit = unit
        self.label = label
        isShown = enabled && total > 1 && Console.standardErrorIsTerminal
        color = (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// One item done.
    func tick() {
        guard isShown else { return }
        lock.lock()
        defer { lock.unlock() }
        done += 1
        let percent = done * 100 / max(total, 1)
        guard percent != lastPercent else { return }
        lastPercent = percent
        draw()
    }

    /// Ends the bar's line (only if one was drawn).
    func finish() {
        guard isShown else { return }
        lock.lock()
        defer { lock.unlock() }
        if lastPercent >= 0 { StandardError.write("\n") }
    }

    private func draw() {
        let line = ProgressBar.line(fraction: Double(done) / Double(max(total, 1)), rows: done, label: label, color: color,
                                    unit: "of \(NumberStyle.grouped(Double(total))) \(unit)")
        StandardError.write("\r" + line, redraw: true)
    }
}
