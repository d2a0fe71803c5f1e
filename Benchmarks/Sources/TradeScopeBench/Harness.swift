import Foundation

/// One measured task: what it did (checksum, sizes) and how long it took.
struct Measurement: Sendable {
    let task: String
    let size: String
    let seconds: [Double]
    /// Process CPU time of each timed run (user + system, all threads).
    let cpuSeconds: [Double]
    let bytes: Int
    let rows: Int
    let checksum: [String: Double]
    let peakResidentBytes: Int

    var median: Double { Self.median(seconds) }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// One JSON object on one line, read by `Benchmarks/run.py`.
    func jsonLine() -> String {
        var object: [String: Any] = [
            "tool": "tradescope", "task": task, "size": size,
            "seconds": seconds, "median": median, "cpu_seconds": cpuSeconds, "cpu_median": Self.median(cpuSeconds),
            "bytes": bytes, "rows": rows,
            "checksum": checksum, "vmhwm_bytes": peakResidentBytes,
        ]
        object["runs"] = seconds.count
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

/// What a task returns from one run: sizes and a checksum that peers must reproduce.
struct TaskOutcome: Sendable {
    var bytes: Int
    var rows: Int
    var checksum: [String: Double]
}

/// Warm-up, then `runs` timed repetitions of `body` with a monotonic clock.
func measure(task: String, size: String, warmup: Int, runs: Int, _ body: () throws -> TaskOutcome) rethrows -> Measurement {
    var outcome = TaskOutcome(bytes: 0, rows: 0, checksum: [:])
    for _ in 0..<warmup { outcome = try body() }
    var seconds: [Double] = [], cpuSeconds: [Double] = []
    for _ in 0..<max(1, runs) {
        let cpuStart = processCPUSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        outcome = try body()
        let end = DispatchTime.now().uptimeNanoseconds
        cpuSeconds.append(processCPUSeconds() - cpuStart)
        seconds.append(Double(end - start) / 1e9)
    }
    return Measurement(task: task, size: size, seconds: seconds, cpuSeconds: cpuSeconds, bytes: outcome.bytes, rows: outcome.rows,
                       checksum: outcome.checksum, peakResidentBytes: peakResidentBytes())
}

/// CPU time used by the process so far (all threads), in seconds.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The process's peak resident set (VmHWM in /proc/self/status), in bytes; 0 where unavailable.
func peakResidentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let digits = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return digits * 1024
    }
    return 0
}

/// The size of a file in bytes.
func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
}
