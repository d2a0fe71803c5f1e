import Foundation
@testable import TradeScopeCLI

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

/// Runs `tradescope` with arguments and an optional data directory.
///
/// The command runs in this process (``TradeScope/run(_:console:)`` with a capture), the way the
/// executable's `main` runs it, unless the test gives standard input or a standard output of its own:
/// then the built executable runs (``runExecutable(_:dataDirectory:standardInput:standardOutput:)``).
/// Tests of what only a process shows (exit codes after a crash guard, signals, descriptors such as
/// `/dev/full`, `--help`) call ``runExecutable(_:dataDirectory:standardInput:standardOutput:)`` directly.
func runTradescope(_ arguments: [String], dataDirectory: URL? = fixtureDataDirectory(), standardInput input: String? = nil,
                   standardOutput: FileHandle? = nil) throws -> CommandResult {
    if input != nil || standardOutput != nil {
        return try runExecutable(arguments, dataDirectory: dataDirectory, standardInput: input, standardOutput: standardOutput)
    }
    let console = ConsoleCapture(dataDirectory: dataDirectory)
    let status = TradeScope.run(arguments, console: console)
    return CommandResult(status: status, standardOutput: console.standardOutput, standardError: console.standardError)
}

/// Runs the built `tradescope` executable in a child process.
///
/// Standard output and standard error go to temporary files, not pipes, so that a command writing
/// much to both cannot block on a full pipe while the test waits on the other one, and no read is
/// interrupted by a signal.
/// `standardOutput` replaces the captured output (for example `/dev/full`); the result's output is then empty.
func runExecutable(_ arguments: [String], dataDirectory: URL? = fixtureDataDirectory(), standardInput input: String? = nil,
                   standardOutput: FileHandle? = nil) throws -> CommandResult {
    let process = Process()
    process.executableURL = tradescopeExecutable()
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["TRADESCOPE_DATA"] = dataDirectory?.path
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let (outURL, errURL, inURL) = (directory.appendingPathComponent("out"), directory.appendingPathComponent("err"), directory.appendingPathComponent("in"))
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
    process.standardOutput = standardOutput ?? outHandle
    process.standardError = errHandle
    if let input {
        try Data(input.utf8).write(to: inURL)
        process.standardInput = try FileHandle(forReadingFrom: inURL)
    } else {
        process.standardInput = FileHandle.nullDevice
    }
    try process.run()
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    return CommandResult(
        status: process.terminationStatus,
        standardOutput: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
        standardError: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}

/// Copies the fixture data directory to a temporary place that a test may change.
func copyOfFixtureData() throws -> URL {
    let target = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-cli-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: fixtureDataDirectory(), to: target)
    return target
}
