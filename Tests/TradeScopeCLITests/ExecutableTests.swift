import Foundation
import Testing
import _TestSupport

/// The few tests that run the built executable: what only a process shows (exit status, which
/// descriptor a message goes to, `--help`), and the in-process runs that the other CLI tests use
/// checked against the executable, byte for byte.
@Suite("the tradescope executable")
struct ExecutableTests {
    @Test("--help and --version print to standard output with exit 0; a subcommand's help names its options")
    func help() throws {
        let root = try runExecutable(["--help"])
        #expect(root.status == 0 && root.standardError.isEmpty)
        #expect(root.standardOutput.contains("USAGE: tradescope") && root.standardOutput.contains("whatif"))
        let version = try runExecutable(["--version"])
        #expect(version.status == 0 && version.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let trend = try runExecutable(["trend", "--help"])
        #expect(trend.status == 0 && trend.standardOutput.contains("--hs") && trend.standardOutput.contains("--by"))
    }

    @Test("usage errors and bad input exit 2 with the message on standard error only")
    func exitCodes() throws {
        let unknown = try runExecutable(["series", "--no-such-option"])
        #expect(unknown.status == 2 && unknown.standardOutput.isEmpty && unknown.standardError.contains("--no-such-option"))
        let badCode = try runExecutable(["series", "--hs", "27x1"])
        #expect(badCode.status == 2 && badCode.standardOutput.isEmpty && badCode.standardError.hasPrefix("Error: "))
        let missingStore = try runExecutable(["series", "--db", "/nonexistent/store.sqlite"])
        #expect(missingStore.status == 2 && missingStore.standardError.contains("/nonexistent/store.sqlite"))
    }

    /// Commands over the fixture data, with output on both descriptors, exit 0 and exit 2.
    static let differentialCases: [[String]] = [
        ["series", "--hs", "2701", "--format", "csv"],
        ["series", "--hs", "2701", "--format", "json"],
        ["trend", "--hs", "2701"],
        ["breaks", "--hs", "2701", "--method", "cusum", "--format", "json"],
        ["events", "--hs", "2701"],
        ["report", "--format", "md"],
        ["series", "--hs", "9999"],
        ["trend", "--hs", "2701", "--horizon", "-1"],
        ["--help"],
        ["whatif", "--help"],
    ]

    @Test("in process and as a process, a command gives the same status, standard output and standard error",
          arguments: differentialCases)
    func inProcessEqualsExecutable(arguments: [String]) throws {
        let process = try runExecutable(arguments)
        let inProcess = try runTradescope(arguments)
        #expect(inProcess.status == process.status)
        #expect(inProcess.standardOutput == process.standardOutput)
        #expect(inProcess.standardError == process.standardError)
    }
}
