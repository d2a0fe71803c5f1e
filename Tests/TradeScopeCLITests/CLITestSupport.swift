import Foundation

/// The result of running the `tradescope` executable.
struct CommandResult {
    let status: Int32
    let standardOutput: String
    let standardError: String
}

/// The built `tradescope` executable, beside the test bundle.
func tradescopeExecutable() -> URL {
    let candidates = [
        Bundle.main.bundleURL.deletingLastPathComponent(),
        Bundle.main.bundleURL,
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
    ]
    for directory in candidates {
        let url = directory.appendingPathComponent("tradescope")
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return candidates[0].appendingPathComponent("tradescope")
}

/// The fixture data directory (a small copy of real bundled rows).
func fixtureDataDirectory() -> URL {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("data")
}

/// Runs `tradescope` with arguments and an optional data directory; `standardOutput` replaces the
/// captured pipe (for example `/dev/full`), and the result's output is then empty.
func runTradescope(_ arguments: [String], dataDirectory: URL? = fixtureDataDirectory(),
                   standardOutput: FileHandle? = nil) throws -> CommandResult {
    let process = Process()
    process.executableURL = tradescopeExecutable()
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["TRADESCOPE_DATA"] = dataDirectory?.path
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let output = Pipe(), error = Pipe()
    process.standardOutput = standardOutput ?? output
    process.standardError = error
    try process.run()
    if standardOutput != nil { try output.fileHandleForWriting.close() }
    let outData = standardOutput == nil ? output.fileHandleForReading.readDataToEndOfFile() : Data()
    let errData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus,
        standardOutput: String(decoding: outData, as: UTF8.self),
        standardError: String(decoding: errData, as: UTF8.self))
}

/// Copies the fixture data directory to a temporary place that a test may change.
func copyOfFixtureData() throws -> URL {
    let target = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-cli-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: fixtureDataDirectory(), to: target)
    return target
}
