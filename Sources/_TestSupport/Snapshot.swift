// Snapshot (golden file) assertions shared by the test targets. Not API.
import Foundation
import Testing

/// Compares `actual` with the golden file `Snapshots/<name>` beside the calling test file.
///
/// With `RECORD_SNAPSHOTS=1` in the environment, or when the file does not
/// exist yet, the file is (re)written and the test fails, so that a recording
/// run never passes silently. Review the diff, then run again without it.
public func expectSnapshot(
    _ actual: String, named name: String,
    filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = directory.appendingPathComponent(name)
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    let existing = try? String(contentsOf: url, encoding: .utf8)
    if recording || existing == nil {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record("recorded snapshot \(name); check it and run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
        } catch {
            Issue.record("cannot write snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let existing, existing != actual else { return }
    let old = existing.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
    let expectedLine = line < old.count ? String(old[line]) : "<end of file>"
    let actualLine = line < new.count ? String(new[line]) : "<end of file>"
    Issue.record(
        "snapshot \(name) differs at line \(line + 1):\n  expected: \(expectedLine)\n  actual:   \(actualLine)\n(RECORD_SNAPSHOTS=1 re-records it)",
        sourceLocation: sourceLocation)
}
