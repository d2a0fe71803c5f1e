import Foundation

/// A file the tool writes (`--out`, `--rejects`, a report's charts) without losing what it replaces.
///
/// Rules, by what the path names:
/// - `-`: standard output, written directly.
/// - A FIFO, a character or block device or a socket (anything not a regular file): opened and
///   written in place, never replaced, so a reader of the FIFO gets the data and `/dev/null` stays a
///   device. No `force` is needed: nothing stored is lost.
/// - A symbolic link: the file it points to is written (by these rules); the link stays a link.
/// - A regular file with one link (or none yet): written to a temporary file in the same
///   directory, given the target's permission bits (or `0666` less the umask for a new file), and
///   renamed over the target by ``commit()``; until then (a failed run, a full disk) the target is
///   untouched. An existing file is refused unless `force`.
/// - A regular file with several hard links: renaming would cut it from its other names, so the
///   content is first written completely to a temporary file beside it (a failure leaves the target
///   untouched), then copied into the existing file, which every name then shows; a reader during
///   that copy may see part of the new content. Its mode and owner are unchanged.
public final class OutputFile {
    /// The path as given (named in messages).
    public let path: String
    private let descriptor: Int32
    private let plan: Plan
    private var committed = false

    private enum Plan {
        case direct
        case rename(temporary: String, target: String)
        case copyBack(temporary: String, target: String)
    }

    /// Checks the target and opens the file to write.
    ///
    /// - Parameters:
    ///   - path: The file (`-` is standard output).
    ///   - force: Replace an existing regular file.
    ///   - protectedPaths: Files that must never be written (compared by device and inode, and by path).
    ///   - role: How the file is named in messages ("output file", "rejects file").
    /// - Throws: `TradeIOError.cannotOpen` naming the file and why it is refused or cannot be created.
    public init(path: String, force: Bool, protectedPaths: [String] = [], role: String) throws(TradeIOError) {
        self.path = path
        if path == "-" {
            descriptor = STDOUT_FILENO
            plan = .direct
            return
        }
        var target = path
        var link = stat()
        if lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK, let resolved = realpath(path, nil) {
            target = String(cString: resolved)
            free(resolved)
        }
        var status = stat()
        let exists = stat(target, &status) == 0
        let standardized = URL(fileURLWithPath: target).standardizedFileURL.path
        for protected in protectedPaths {
            var other = stat()
            let sameFile = exists && stat(protected, &other) == 0 && other.st_dev == status.st_dev && other.st_ino == status.st_ino
            // A store not created yet has no inode: its path is compared as written.
            if sameFile || URL(fileURLWithPath: protected).standardizedFileURL.path == standardized {
                throw TradeIOError.cannotOpen(file: path, reason: "the \(role) would be \(protected), which this command reads or writes; choose another file")
            }
        }
        let isRegular = !exists || (status.st_mode & S_IFMT) == S_IFREG
        if !isRegular {
            let opened = open(target, O_WRONLY | O_CLOEXEC)
            guard opened >= 0 else {
                throw TradeIOError.cannotOpen(file: path, reason: "cannot open it for writing: \(Self.systemReason())")
            }
            descriptor = opened
            plan = .direct
            return
        }
        if exists && !force {
            throw TradeIOError.cannotOpen(file: path, reason: "the \(role) exists; add --force to replace it")
        }
        let directory = (target as NSString).deletingLastPathComponent
        var template = Array(((directory.isEmpty ? "." : directory) + "/.tradescope-XXXXXX").utf8CString)
        let opened = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard opened >= 0 else {
            throw TradeIOError.cannotOpen(file: path, reason: "cannot create a temporary file beside it: \(Self.systemReason())")
        }
        let temporary = String(cString: template)
        let mode: mode_t
        if exists {
            mode = status.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        fchmod(opened, mode)
        descriptor = opened
        plan = exists && status.st_nlink > 1 ? .copyBack(temporary: temporary, target: target) : .rename(temporary: temporary, target: target)
    }

    deinit {
        switch plan {
        case .direct:
            if descriptor != STDOUT_FILENO && !committed { close(descriptor) }
        case let .rename(temporary, _), let .copyBack(temporary, _):
            if !committed {
                close(descriptor)
                unlink(temporary)
            }
        }
    }

    /// Appends bytes.
    ///
    /// - Throws: `TradeIOError.cannotOpen` with the system's reason (a full disk, a closed FIFO).
    public func write(_ text: String) throws(TradeIOError) {
        try Self.writeAll(descriptor, Array(text.utf8), path: path)
    }

    /// Puts the file in place (see the type's rules). Without this call the target is untouched.
    ///
    /// - Throws: `TradeIOError.cannotOpen` when the data cannot be flushed, renamed or copied.
    public func commit() throws(TradeIOError) {
        guard !committed else { return }
        committed = true
        switch plan {
        case .direct:
            if descriptor != STDOUT_FILENO { close(descriptor) }
        case let .rename(temporary, target):
            defer { close(descriptor) }
            guard fsync(descriptor) == 0, rename(temporary, target) == 0 else {
                let reason = Self.systemReason()
                unlink(temporary)
                throw TradeIOError.cannotOpen(file: path, reason: "cannot put the file in place: \(reason)")
            }
        case let .copyBack(temporary, target):
            defer {
                close(descriptor)
                unlink(temporary)
            }
            guard fsync(descriptor) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else {
                throw TradeIOError.cannotOpen(file: path, reason: "cannot finish the temporary file: \(Self.systemReason())")
            }
            let destination = open(target, O_WRONLY | O_TRUNC | O_CLOEXEC)
            guard destination >= 0 else {
                throw TradeIOError.cannotOpen(file: path, reason: "cannot open it for writing: \(Self.systemReason())")
            }
            defer { close(destination) }
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count >= 0 else {
                    throw TradeIOError.cannotOpen(file: path, reason: "cannot read the temporary file back: \(Self.systemReason())")
                }
                if count == 0 { break }
                try Self.writeAll(destination, Array(buffer[0..<count]), path: path)
            }
            guard fsync(destination) == 0 else {
                throw TradeIOError.cannotOpen(file: path, reason: "cannot write it: \(Self.systemReason())")
            }
        }
    }

    /// Writes a whole file: open, write, commit.
    ///
    /// - Throws: `TradeIOError.cannotOpen` as ``init(path:force:protectedPaths:role:)``, ``write(_:)`` and ``commit()``.
    public static func write(_ text: String, to path: String, force: Bool, role: String) throws(TradeIOError) {
        let file = try OutputFile(path: path, force: force, role: role)
        try file.write(text)
        try file.commit()
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(TradeIOError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw TradeIOError.cannotOpen(file: path, reason: "cannot write it: \(systemReason())")
            }
            offset += written
        }
    }

    private static func systemReason() -> String { String(cString: strerror(errno)) }
}
