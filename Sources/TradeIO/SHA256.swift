import CTradeIO
import Foundation

/// SHA-256 (FIPS 180-4) of bytes and files, for the fingerprints of ingested
/// files and run manifests. Foundation on Linux has no CryptoKit; the C target
/// `CTradeIO` computes it, with the x86 SHA extensions when the processor has
/// them and portable C otherwise. Files are hashed in
/// 1 MiB reads, in constant memory.
public enum SHA256 {
    /// The digest of some bytes.
    ///
    /// - Parameter bytes: The message.
    /// - Returns: The 32-byte digest.
    /// - Complexity: O(n) in the message length.
    public static func digest<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var context = ctradeio_sha256_context()
        ctradeio_sha256_init(&context)
        let contiguous: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            ctradeio_sha256_update(&context, buffer.baseAddress, buffer.count)
        }
        if contiguous == nil {
            Array(bytes).withUnsafeBufferPointer { ctradeio_sha256_update(&context, $0.baseAddress, $0.count) }
        }
        return finish(&context)
    }

    /// An incremental SHA-256: feed bytes as they arrive (a pipe read once), then finalize.
    public struct Hasher: @unchecked Sendable {
        private var context = ctradeio_sha256_context()

        public init() {
            ctradeio_sha256_init(&context)
        }

        /// Adds bytes to the message.
        public mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
            ctradeio_sha256_update(&context, bytes.baseAddress, bytes.count)
        }

        /// Adds bytes to the message.
        public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
            let contiguous: Void? = bytes.withContiguousStorageIfAvailable { update($0) }
            if contiguous == nil { Array(bytes).withUnsafeBufferPointer { update($0) } }
        }

        /// The digest of everything added; the hasher is spent afterwards.
        public mutating func finalize() -> [UInt8] {
            SHA256.finish(&context)
        }

        /// The digest as 64 lower-case hexadecimal digits.
        public mutating func finalizeHex() -> String {
            SHA256.hex(finalize())
        }
    }

    /// Whether the x86 SHA extensions are in use.
    public static var usesHardware: Bool { ctradeio_sha256_uses_hardware() != 0 }

    /// Forces the portable code (`true`) or allows the SHA extensions again (`false`), so that
    /// tests can check both paths on a processor that has them. Not thread-safe; for tests.
    static func forcePortable(_ portable: Bool) { ctradeio_sha256_force_portable(portable ? 1 : 0) }

    fileprivate static func finish(_ context: inout ctradeio_sha256_context) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        digest.withUnsafeMutableBufferPointer { ctradeio_sha256_final(&context, $0.baseAddress) }
        return digest
    }

    /// The digest of some bytes as 64 lowercase hex digits (as `sha256sum` prints it).
    ///
    /// - Parameter bytes: The message.
    /// - Returns: The hex digest.
    public static func hexDigest<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        hex(digest(bytes))
    }

    fileprivate static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The hex digest of a file's bytes, read in 1 MiB pieces (constant memory).
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - displayName: The name used in errors; the path by default.
    /// - Returns: The hex digest.
    /// - Throws: `TradeIOError.cannotOpen` when the file cannot be read.
    public static func hexDigest(ofFile path: String, displayName: String? = nil) throws(TradeIOError) -> String {
        guard let handle = fopen(path, "rb") else {
            throw .cannotOpen(file: displayName ?? path, reason: "cannot read it to compute its SHA-256")
        }
        defer { fclose(handle) }
        var context = ctradeio_sha256_context()
        ctradeio_sha256_init(&context)
        let chunkSize = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 64)
        defer { buffer.deallocate() }
        while true {
            let count = fread(buffer, 1, chunkSize, handle)
            if count == 0 { break }
            ctradeio_sha256_update(&context, buffer, count)
        }
        if ferror(handle) != 0 {
            throw .cannotOpen(file: displayName ?? path, reason: "cannot read it to compute its SHA-256")
        }
        return hex(finish(&context))
    }
}
