import Testing
@testable import NumericCore

@Suite("OpenBLAS thread policy")
struct BLASThreadsTests {
    // Only the branch that leaves OpenBLAS alone runs here: stopping the pool in the test process would
    // race the other suites' matrix calls. The branch that stops it runs in every `tradescope` process
    // the CLI tests start (its `main` calls it), whose numbers those tests compare with R and NIST.
    @Test("a thread count the user chose is kept", arguments: ["OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"])
    func userChoiceKept(variable: String) {
        let before = BLASThreads.count
        #expect(BLASThreads.useCallingThread(environment: [variable: "2"]) == false)
        #expect(BLASThreads.count == before)
    }
}
