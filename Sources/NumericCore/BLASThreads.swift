internal import CLAPACK

/// The threads OpenBLAS uses for one matrix operation.
///
/// OpenBLAS (Debian's pthread build) starts a pool of threads when it is loaded, and each idle thread
/// spins on `sched_yield` for about 2^28 cycles before it sleeps. tradescope's matrices are small
/// (a regression of a few columns, a state-space step of a few states), mostly below the sizes at which
/// OpenBLAS splits an operation across threads, so the pool mainly burns a core, which a short command pays
/// in wall time on a machine with few cores, and a parallel batch of fits (``GroupedAnalysis``-style
/// maps) would share with it. See OpenBLAS's `driver/others/blas_server.c` and its FAQ on
/// `OPENBLAS_NUM_THREADS`.
public enum BLASThreads {
    /// Stops the pool and runs every BLAS and LAPACK call on the calling thread, unless the user
    /// chose a thread count with `OPENBLAS_NUM_THREADS`, `GOTO_NUM_THREADS` or `OMP_NUM_THREADS`
    /// (that choice is kept).
    ///
    /// Call it once, before any matrix operation and before other threads start (the CLI's `main`
    /// does); stopping the pool while another thread is in a threaded BLAS call is not safe.
    ///
    /// - Parameter environment: The process environment.
    /// - Returns: Whether the pool was stopped.
    @discardableResult
    public static func useCallingThread(environment: [String: String]) -> Bool {
        let chosen = ["OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"].contains { environment[$0] != nil }
        guard !chosen else { return false }
        openblas_set_num_threads(1)
        _ = blas_thread_shutdown_()
        return true
    }

    /// The number of threads OpenBLAS would use for a threaded operation.
    public static var count: Int { Int(openblas_get_num_threads()) }
}
