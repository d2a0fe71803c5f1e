import Foundation

// tradescope-bench TASK --input PATH [--size LABEL] [--warmup N] [--runs N]
//
// Runs one task in this process and prints one JSON line on stdout (peak memory
// is then that task's alone). `Benchmarks/run.py` calls this once per task, next
// to the peer scripts, and prints the table.
//
// Tasks present now: csv-read, csv-read-raw, rollup, rollup-raw, ingest-validate, ingest-store, and
// trade-rows (the reader alone, no peers: not in run.py).
// Later issues add theirs to `BenchmarkTasks.all` (trend, stl, anomalies, pelt, bai-perron).

struct Arguments {
    var task = ""
    var input = ""
    var size = ""
    var warmup = 1
    var runs = 3
}

func parseArguments(_ argv: [String]) -> Arguments? {
    var arguments = Arguments()
    var iterator = argv.dropFirst().makeIterator()
    while let word = iterator.next() {
        switch word {
        case "--input": arguments.input = iterator.next() ?? ""
        case "--size": arguments.size = iterator.next() ?? ""
        case "--warmup": arguments.warmup = Int(iterator.next() ?? "") ?? 1
        case "--runs": arguments.runs = Int(iterator.next() ?? "") ?? 3
        default:
            if arguments.task.isEmpty && !word.hasPrefix("-") { arguments.task = word } else { return nil }
        }
    }
    return arguments.task.isEmpty || arguments.input.isEmpty ? nil : arguments
}

let usage = "usage: tradescope-bench TASK --input PATH [--size LABEL] [--warmup N] [--runs N]\ntasks: "
    + BenchmarkTasks.all.keys.sorted().joined(separator: ", ") + "\n"

guard let arguments = parseArguments(CommandLine.arguments), let body = BenchmarkTasks.all[arguments.task] else {
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}
do {
    let result = try measure(task: arguments.task, size: arguments.size, warmup: arguments.warmup, runs: arguments.runs) {
        try body(arguments.input)
    }
    print(result.jsonLine())
} catch {
    FileHandle.standardError.write(Data("tradescope-bench \(arguments.task): \(error)\n".utf8))
    exit(1)
}
