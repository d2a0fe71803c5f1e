/// An error thrown by a caller's closure, carried out of a read whose own errors are typed.
///
/// TradeIO's readers throw `TradeIOError` and nothing else (`throws(TradeIOError)`); the public
/// functions that hand each record to a closure of the caller's let that closure throw any error.
/// Such a function runs the typed read with a closure that calls the caller's through
/// ``stopOnError(_:)``, which keeps the first error and stops the read (as returning `false` does),
/// then calls ``rethrow()``: the caller sees its own error, unchanged, and every other error is a
/// `TradeIOError`.
struct CallerFailure {
    private var error: (any Error)?

    /// Calls `body`; when it throws, keeps the error and returns `false` (stop reading).
    @inline(__always)
    mutating func stopOnError(_ body: () throws -> Bool) -> Bool {
        do {
            return try body()
        } catch {
            self.error = error
            return false
        }
    }

    /// Throws the kept error, if any.
    func rethrow() throws {
        if let error { throw error }
    }
}
