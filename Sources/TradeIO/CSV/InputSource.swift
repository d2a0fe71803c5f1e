import CZlib
import Foundation

/// What the first bytes of an input show it to be (gzip is looked through: its content is sniffed).
enum InputContent: Equatable, Sendable {
    /// Text that is not JSON: read as CSV.
    case csv
    /// A JSON document (the first byte after a byte-order mark and white space is `{` or `[`).
    case json
}

/// The bytes of one input file or stream, decompressed when they are gzip, with what they hold.
///
/// The format is told by magic bytes, never by the file's name: gzip (`1f 8b`) is inflated through
/// zlib as it is read (several gzip members one after another are one stream, as `gzip -d` reads them);
/// the content is then JSON when its first character is `{` or `[`, else CSV. Archives and compressed
/// formats tradescope does not read (ZIP, bzip2, xz, Zstandard, 7z, Parquet, Excel, PDF) and binary
/// data are refused with ``TradeIOError/unsupportedFormat(file:detected:accepted:)``, naming what was
/// found and what is accepted.
///
/// Memory: a 1 MiB buffer of compressed bytes and the 4 KiB sniffed at the start; streamed, so a
/// pipe (`-`) works as a file does. `observe` sees every byte of the input as stored (compressed), so
/// that a caller's SHA-256 is that of the file.
final class InputSource {
    /// How the input is named in messages.
    let displayName: String
    /// What the (decompressed) bytes hold.
    private(set) var content: InputContent = .csv
    /// Whether the input is gzip-compressed.
    private(set) var isGzip = false

    private let handle: UnsafeMutablePointer<FILE>
    private let observe: ((UnsafeBufferPointer<UInt8>) -> Void)?
    /// Bytes already produced (the sniffed head), handed out before any new read.
    private var pending: [UInt8] = []
    private var pendingOffset = 0
    /// The inflate state and its input buffer (gzip only).
    private var stream = z_stream()
    private var inflating = false
    private var compressed: UnsafeMutablePointer<UInt8>
    private let compressedCapacity = 1 << 20
    private var rawEnded = false
    private var streamEnded = false

    /// What the reader accepts, for messages.
    static let accepted = "CSV (plain or gzip-compressed) or a Comtrade+ API JSON response ({\"count\": n, \"data\": [...]}, plain or gzip-compressed)"

    /// Opens `path` and sniffs its first bytes.
    ///
    /// - Throws: `TradeIOError.cannotOpen` (missing file, read error, corrupt gzip) or `.unsupportedFormat`.
    init(path: String, displayName: String, observe: ((UnsafeBufferPointer<UInt8>) -> Void)?) throws(TradeIOError) {
        guard let handle = fopen(path, "rb") else {
            throw TradeIOError.cannotOpen(file: displayName, reason: String(cString: strerror(errno)))
        }
        self.handle = handle
        self.displayName = displayName
        self.observe = observe
        compressed = .allocate(capacity: compressedCapacity)
        do {
            try sniff()
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    private var closed = false

    private func close() {
        guard !closed else { return }
        closed = true
        if inflating { inflateEnd(&stream) }
        compressed.deallocate()
        fclose(handle)
    }

    /// Reads raw bytes (as stored) into `buffer`, showing them to `observe`; 0 at the end.
    ///
    /// `read(2)` on the file's descriptor, not `fread`: on a pipe (standard input) it returns what has
    /// arrived, so a record is handed on as soon as its line is complete, not once a whole chunk is full.
    private func readRaw(_ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) throws(TradeIOError) -> Int {
        guard !rawEnded else { return 0 }
        var got = 0
        repeat {
            got = Foundation.read(fileno(handle), buffer, count)
        } while got < 0 && errno == EINTR
        if got < 0 { throw TradeIOError.cannotOpen(file: displayName, reason: "read error: " + String(cString: strerror(errno))) }
        if got == 0 {
            rawEnded = true
            return 0
        }
        observe?(UnsafeBufferPointer(start: buffer, count: got))
        return got
    }

    /// Reads the first bytes, tells gzip by its magic bytes, then the content.
    private func sniff() throws(TradeIOError) {
        // The first raw bytes: enough for every magic number below.
        let raw = try readFully(8) { (buffer, count) throws(TradeIOError) in try readRaw(buffer, count) }
        let headCount = raw.count
        if raw.starts(with: [0x1F, 0x8B]) {
            isGzip = true
            stream.zalloc = nil
            stream.zfree = nil
            stream.opaque = nil
            // 16 + 15: a gzip wrapper, the largest window.
            guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                throw TradeIOError.cannotOpen(file: displayName, reason: "zlib could not start inflating")
            }
            inflating = true
            raw.withUnsafeBufferPointer { _ = memcpy(compressed, $0.baseAddress!, raw.count) }
            stream.next_in = compressed
            stream.avail_in = UInt32(raw.count)
            // The decompressed head, for the content's sniff.
            pending = try readFully(4096) { (buffer, count) throws(TradeIOError) in try inflateInto(buffer, count) }
        } else {
            if let other = Self.otherFormat(raw) {
                throw TradeIOError.unsupportedFormat(file: displayName, detected: other, accepted: Self.accepted)
            }
            // The plain head, up to 4 KiB, for the content's sniff.
            pending = raw + (try readFully(4096 - headCount) { (buffer, count) throws(TradeIOError) in try readRaw(buffer, count) })
        }
        if isGzip, let other = Self.otherFormat(pending) {
            throw TradeIOError.unsupportedFormat(file: displayName, detected: "gzip-compressed " + other, accepted: Self.accepted)
        }
        content = try Self.content(of: pending, displayName: displayName, gzip: isGzip)
    }

    /// Up to `limit` bytes from `read` (fewer only at the end).
    private func readFully(_ limit: Int, _ read: (UnsafeMutablePointer<UInt8>, Int) throws(TradeIOError) -> Int) throws(TradeIOError) -> [UInt8] {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: limit)
        defer { buffer.deallocate() }
        var count = 0
        while count < limit {
            let got = try read(buffer + count, limit - count)
            if got == 0 { break }
            count += got
        }
        return Array(UnsafeBufferPointer(start: buffer, count: count))
    }

    /// A format tradescope does not read, named from its magic bytes; `nil` for anything else.
    static func otherFormat(_ head: [UInt8]) -> String? {
        let magics: [([UInt8], String)] = [
            ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or an Excel .xlsx workbook); unzip it first, e.g. `unzip -p FILE.zip | tradescope ingest -`"),
            ([0x50, 0x4B, 0x05, 0x06], "an empty ZIP archive"),
            ([0x42, 0x5A, 0x68], "bzip2-compressed data; decompress it first (`bzcat FILE | tradescope ingest -`)"),
            ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz-compressed data; decompress it first (`xzcat FILE | tradescope ingest -`)"),
            ([0x28, 0xB5, 0x2F, 0xFD], "Zstandard-compressed data; decompress it first (`zstdcat FILE | tradescope ingest -`)"),
            ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7z archive"),
            ([0x50, 0x41, 0x52, 0x31], "a Parquet file"),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old Excel .xls (OLE2) document"),
            ([0x25, 0x50, 0x44, 0x46], "a PDF document"),
            ([0x1F, 0x8B], "gzip data inside gzip"),
        ]
        for (magic, name) in magics where head.starts(with: magic) { return name }
        return nil
    }

    /// JSON or CSV, from the first character after a byte-order mark and white space; binary data
    /// (a NUL byte in the head) is refused.
    static func content(of head: [UInt8], displayName: String, gzip: Bool) throws(TradeIOError) -> InputContent {
        if head.contains(0) {
            throw TradeIOError.unsupportedFormat(file: displayName, detected: (gzip ? "gzip-compressed " : "") + "binary data (a NUL byte in its first 4 KiB)",
                                                 accepted: accepted)
        }
        var index = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < head.count, head[index] == 0x20 || head[index] == 0x09 || head[index] == 0x0A || head[index] == 0x0D { index += 1 }
        guard index < head.count else { return .csv }
        return head[index] == UInt8(ascii: "{") || head[index] == UInt8(ascii: "[") ? .json : .csv
    }

    /// Inflates into `buffer`; 0 at the end of the (last) gzip member.
    private func inflateInto(_ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) throws(TradeIOError) -> Int {
        guard !streamEnded else { return 0 }
        stream.next_out = buffer
        stream.avail_out = UInt32(min(count, Int(UInt32.max)))
        while stream.avail_out > 0 {
            if stream.avail_in == 0 {
                let got = try readRaw(compressed, compressedCapacity)
                if got == 0 {
                    if stream.avail_out < UInt32(count) { break }  // hand out what was produced; the next call ends
                    throw TradeIOError.cannotOpen(file: displayName, reason: "the gzip data ends early (a truncated file?)")
                }
                stream.next_in = compressed
                stream.avail_in = UInt32(got)
            }
            let status = inflate(&stream, Z_NO_FLUSH)
            if status == Z_STREAM_END {
                // Another member may follow (concatenated gzip files are one stream).
                if stream.avail_in == 0 {
                    let got = try readRaw(compressed, compressedCapacity)
                    if got == 0 {
                        streamEnded = true
                        break
                    }
                    stream.next_in = compressed
                    stream.avail_in = UInt32(got)
                }
                inflateReset(&stream)
                continue
            }
            guard status == Z_OK || status == Z_BUF_ERROR else {
                let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                throw TradeIOError.cannotOpen(file: displayName, reason: "corrupt gzip data (zlib: \(message))")
            }
        }
        return count - Int(stream.avail_out)
    }

    /// Reads up to `count` bytes of content (decompressed) into `buffer`; 0 at the end.
    ///
    /// - Throws: `TradeIOError.cannotOpen` for a read error or corrupt or truncated gzip data.
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(TradeIOError) -> Int {
        if pendingOffset < pending.count {
            let take = min(count, pending.count - pendingOffset)
            pending.withUnsafeBufferPointer { _ = memcpy(buffer, $0.baseAddress! + pendingOffset, take) }
            pendingOffset += take
            if pendingOffset == pending.count { pending = [] ; pendingOffset = 0 }
            return take
        }
        if isGzip { return try inflateInto(buffer, count) }
        return try readRaw(buffer, count)
    }
}
