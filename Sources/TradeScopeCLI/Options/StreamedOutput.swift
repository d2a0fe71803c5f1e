import Foundation

/// Output written piece by piece (an export of millions of rows) without holding it: text is
/// buffered up to 256 KiB, then written to standard output or to a temporary file beside `--out`,
/// which replaces the named file only when everything is written (``finish()``), so an error
/// leaves no half-written file.
final class StreamedOutput {
    private let path: String?
    private var temporary: String?
    private var handle: FileHandle?
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 18

    /// Output to a file (kept when it exists, unless `force`) or, with no path, to standard output.
    init(path: String?, force: Bool) throws {
        self.path = path
        buffer.reserveCapacity(Self.capacity + 4096)
        guard let path else { return }
        if FileManager.default.fileExists(atPath: path) && !force {
            throw InputError(description: "--out: \(path) exists; add --force to overwrite it")
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw InputError(description: "--out: cannot write \(path): cannot create a file in its directory")
        }
        self.temporary = temporary
        self.handle = handle
    }

    deinit {
        // Not finished (an error): the partial file goes.
        if let temporary {
            try? handle?.close()
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }

    /// Appends text.
    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.capacity { try flush() }
    }

    /// Appends bytes that `render` writes into the buffer (UTF-8 text, whole lines, so a flush never splits a character).
    func write(_ render: (inout [UInt8]) -> Void) throws {
        render(&buffer)
        if buffer.count >= Self.capacity { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        if let handle {
            do { try handle.write(contentsOf: buffer) } catch {
                throw InputError(description: "--out: cannot write \(path ?? ""): \(error.localizedDescription)")
            }
        } else {
            try StandardOutput.write(bytes: buffer)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and, for a file, puts it in place of `--out`.
    func finish() throws {
        try flush()
        guard let handle, let temporary, let path else { return }
        try? handle.close()
        self.handle = nil
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            throw InputError(description: "--out: cannot write \(path): \(reason)")
        }
        self.temporary = nil
    }
}
