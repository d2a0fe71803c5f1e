import Foundation

/// Writes rejected rows to a CSV file (`ingest --rejects FILE`): one row per
/// rejection with `file,line,field,reason`, RFC 4180 quoting.
///
/// Nothing is lost by naming the wrong file: the target is checked before anything is written.
/// An existing file is refused unless `force`; the store and the input files are refused always
/// (compared by device and inode, so another spelling of the same path is caught). A regular file
/// is written to a temporary file in the same directory, which ``finish()`` renames over the
/// target with the target's permissions; a FIFO, a device or standard output is written directly.
public final class RejectsWriter {
    private let handle: FileHandle
    /// The file written.
    public let path: String
    /// The temporary file renamed onto `path` by ``finish()``, or nil when writing directly.
    private let temporaryPath: String?
    /// The permission bits given to the file (the existing target's, or 0644 less the umask).
    private let mode: mode_t?
    private var finished = false

    /// Checks the target and opens the rejects file, writing its header.
    ///
    /// - Parameters:
    ///   - path: The file to write (`-` or `/dev/stdout` is standard output).
    ///   - force: Replace an existing regular file.
    ///   - protectedPaths: Files that must never be written (the store, the inputs).
    /// - Throws: `TradeIOError.cannotOpen` naming the file and why it is refused or cannot be created.
    public init(path: String, force: Bool = false, protectedPaths: [String] = []) throws(TradeIOError) {
        self.path = path
        if path == "-" {
            handle = FileHandle.standardOutput
            temporaryPath = nil
            mode = nil
            handle.write(Data("file,line,field,reason\n".utf8))
            return
        }
        var target = stat()
        let exists = stat(path, &target) == 0
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        for protected in protectedPaths {
            var other = stat()
            let sameFile = exists && stat(protected, &other) == 0 && other.st_dev == target.st_dev && other.st_ino == target.st_ino
            // A store not created yet has no inode: its path is compared as written.
            if sameFile || URL(fileURLWithPath: protected).standardizedFileURL.path == standardized {
                throw TradeIOError.cannotOpen(file: path, reason: "--rejects names \(protected), which this ingest reads or writes; choose another file")
            }
        }
        let isRegular = !exists || (target.st_mode & S_IFMT) == S_IFREG
        if exists && isRegular && !force {
            throw TradeIOError.cannotOpen(file: path, reason: "the rejects file exists; add --force to replace it")
        }
        if !isRegular {
            // A FIFO or device: written in place, never replaced.
            guard let direct = FileHandle(forWritingAtPath: path) else {
                throw TradeIOError.cannotOpen(file: path, reason: "cannot open the rejects file for writing")
            }
            handle = direct
            temporaryPath = nil
            mode = nil
        } else {
            let directory = (path as NSString).deletingLastPathComponent
            var template = Array(((directory.isEmpty ? "." : directory) + "/.rejects-XXXXXX").utf8CString)
            let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard descriptor >= 0 else {
                throw TradeIOError.cannotOpen(file: path, reason: "cannot create a temporary file beside it: \(String(cString: strerror(errno)))")
            }
            temporaryPath = String(cString: template)
            handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            if exists {
                mode = target.st_mode & 0o7777
            } else {
                let mask = umask(0)
                umask(mask)
                mode = 0o666 & ~mask
            }
        }
        handle.write(Data("file,line,field,reason\n".utf8))
    }

    deinit {
        if !finished, let temporaryPath { unlink(temporaryPath) }
    }

    /// Appends one rejection.
    ///
    /// - Parameter error: The error that rejected the row.
    public func write(_ error: TradeIOError) {
        let location = error.location
        let fields = [location?.file ?? "", location.map { String($0.line) } ?? "", location?.field ?? "", error.description]
        handle.write(Data((fields.map(Self.quoted).joined(separator: ",") + "\n").utf8))
    }

    /// Puts the rejects in place: a temporary file is flushed, given the target's permissions and
    /// renamed over the target. Without this call (an ingest that failed) the target is untouched.
    ///
    /// - Throws: `TradeIOError.cannotOpen` when the rename fails.
    public func finish() throws(TradeIOError) {
        guard !finished else { return }
        finished = true
        guard let temporaryPath else { return }
        try? handle.synchronize()
        if let mode { chmod(temporaryPath, mode) }
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw TradeIOError.cannotOpen(file: path, reason: "cannot put the rejects file in place: \(reason)")
        }
    }

    static func quoted(_ field: String) -> String {
        // By bytes, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
