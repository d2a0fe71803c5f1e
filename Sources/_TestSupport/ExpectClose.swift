// Tolerance checks shared by the test targets. Not API (leading underscore).
import Testing

/// Whether `actual` is within `atol + rtol * |expected|` of `expected`.
///
/// Both tolerances must be stated at every call: there is no default.
public func isClose(_ actual: Double, _ expected: Double, rtol: Double, atol: Double) -> Bool {
    if actual.isNaN || expected.isNaN { return actual.isNaN && expected.isNaN }
    if actual.isInfinite || expected.isInfinite { return actual == expected }
    return abs(actual - expected) <= atol + rtol * abs(expected)
}

/// Records an issue unless `|actual - expected| <= atol + rtol * |expected|`.
public func expectClose(
    _ actual: Double, _ expected: Double, rtol: Double, atol: Double,
    _ label: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
    if !isClose(actual, expected, rtol: rtol, atol: atol) {
        let relative = expected == 0 ? abs(actual) : abs(actual - expected) / abs(expected)
        Issue.record(
            "\(label.isEmpty ? "" : label + ": ")\(actual) vs expected \(expected) (relative error \(relative); rtol \(rtol), atol \(atol))",
            sourceLocation: sourceLocation)
    }
}

/// Element-wise `expectClose`; on failure reports the first failing index and the largest error.
public func expectClose(
    _ actual: [Double], _ expected: [Double], rtol: Double, atol: Double,
    _ label: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
    guard actual.count == expected.count else {
        Issue.record("\(label): \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
        return
    }
    var firstFailure: Int?
    var largestError = 0.0
    var largestIndex = 0
    for index in actual.indices where !isClose(actual[index], expected[index], rtol: rtol, atol: atol) {
        if firstFailure == nil { firstFailure = index }
        let error = abs(actual[index] - expected[index])
        if error > largestError || error.isNaN { largestError = error; largestIndex = index }
    }
    if let first = firstFailure {
        Issue.record(
            "\(label.isEmpty ? "" : label + ": ")first failure at index \(first): \(actual[first]) vs \(expected[first]); largest error \(largestError) at index \(largestIndex) (rtol \(rtol), atol \(atol))",
            sourceLocation: sourceLocation)
    }
}
