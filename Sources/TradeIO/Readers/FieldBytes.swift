import Foundation

/// Byte-level readers of trimmed fields, each equal to the `String`-based
/// parse it stands in for on the inputs it accepts (others return nil and
/// take the `String` path).
enum FieldBytes {
    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// The bytes without leading and trailing spaces and tabs.
    @inline(__always)
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = bytes.count
        while start < end && isBlank(bytes[start]) { start += 1 }
        while end > start && isBlank(bytes[end - 1]) { end -= 1 }
        if start == 0 && end == bytes.count { return bytes }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Powers of ten exactly representable as `Double` (10^0 ... 10^22).
    static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// `digits` or `digits.digits` (no sign, no exponent) with at most 15 significant
    /// digits in all and at most 22 after the point: the value is mantissa / 10^k, both exact
    /// doubles, so one IEEE division gives the correctly rounded result, which is what
    /// `Double(String)` returns (Clinger's fast path). Anything else is nil.
    @inline(__always)
    static func plainDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let count = bytes.count
        guard count > 0, count <= 16 else { return nil }
        var mantissa: UInt64 = 0
        var index = 0
        var integerDigits = 0
        while index < count {
            let digit = bytes[index] &- 48
            if digit > 9 { break }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            index += 1
            integerDigits += 1
        }
        if index == count { return integerDigits <= 15 ? Double(mantissa) : nil }
        guard integerDigits > 0, bytes[index] == UInt8(ascii: ".") else { return nil }
        index += 1
        let fractionStart = index
        while index < count {
            let digit = bytes[index] &- 48
            if digit > 9 { return nil }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            index += 1
        }
        let fractionDigits = count - fractionStart
        guard fractionDigits > 0, integerDigits + fractionDigits <= 15 else { return nil }
        return Double(mantissa) / exactPowersOfTen[fractionDigits]
    }

    /// An optional minus sign and 1 to 18 decimal digits, as `Int(String)` reads them; else nil.
    @inline(__always)
    static func plainInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { index = 1 }
        guard index < bytes.count, bytes.count - index <= 18 else { return nil }
        var value = 0
        while index < bytes.count {
            let digit = bytes[index] &- 48
            if digit > 9 { return nil }
            value = value &* 10 &+ Int(digit)
            index += 1
        }
        return negative ? -value : value
    }

    /// Whether the bytes are `text` with ASCII letters in either case; nil when the bytes are not
    /// all ASCII (the caller then compares `String`s, as Unicode case mapping may differ).
    @inline(__always)
    static func equalsIgnoringASCIICase(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool? {
        var ascii = true
        for byte in bytes where byte >= 0x80 { ascii = false }
        guard ascii else { return nil }
        guard bytes.count == text.utf8CodeUnitCount else { return false }
        let other = text.utf8Start
        for index in 0..<bytes.count {
            var a = bytes[index], b = other[index]
            if a >= 65 && a <= 90 { a += 32 }
            if b >= 65 && b <= 90 { b += 32 }
            if a != b { return false }
        }
        return true
    }

    /// Whether the bytes equal `text` exactly.
    @inline(__always)
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { $0.elementsEqual(bytes) }
    }

    /// A number written in decimal notation (`12`, `-1.5e3`, and the words `inf`/`nan`, which
    /// callers refuse as not finite), or nil. Unlike `Double(String)`, hexadecimal text
    /// (`0x10`, `0x1p4`) is not a number here: a trade figure in hex is a corrupted field, not 16.
    static func decimal(_ text: String) -> Double? {
        let unsigned = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        if unsigned.hasPrefix("0x") || unsigned.hasPrefix("0X") { return nil }
        return Double(text)
    }
}
