import ArgumentParser
import Foundation
import NumericCore
import Reports
import TradeDomain
import TradeIO
import Scenarios
import TrendAnalysis
import TradeScopeKit

/// The `tradescope` command: trade time series and commodity prices.
///
/// Exit codes (CLI.md): 0 success, 1 a problem the user asked to fail on,
/// 2 bad usage or bad input (the message names file, line and field), 3 internal error.
@main
struct TradeScope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tradescope",
        abstract: "Trade time series and commodity prices: quantity, value and unit price, trends, breaks near sanction dates.",
        discussion: """
            Without --db every command reads the bundled data set: North Korea's exports to China as \
            Chinese customs report them (China's imports from the DPRK), each figure with its source, \
            and the DPRK sanctions calendar (see Data/README.md). The defaults of the selection flags \
            (CHN, PRK, import, HS 2701) come from the data set's profile, Data/profile.yaml. Sanction \
            events apply only where the calendar's target is a side of the flow; --calendar FILE brings \
            another calendar (same schema, with 'target: ISO3').

            Example:
              tradescope report
              tradescope series --hs 2701 --format csv
            """,
        version: TradeScopeVersion.current,
        subcommands: [
            ReportCommand.self, SeriesCommand.self, EventsCommand.self, IngestCommand.self, ExportCommand.self,
            TrendCommand.self, RegressCommand.self, IndexCommand.self, DecomposeCommand.self, BreaksCommand.self,
            AnomaliesCommand.self, ForecastCommand.self, WhatifCommand.self,
        ]
    )

    static func main() {
        // One thread for OpenBLAS (its idle pool spins on a core; tradescope's matrices are small).
        BLASThreads.useCallingThread(environment: ProcessInfo.processInfo.environment)
        Foundation.exit(run(Array(CommandLine.arguments.dropFirst())))
    }

    /// Parses `arguments` (without the program name), runs the command and returns its exit code
    /// (CLI.md): messages go to standard error, help and version to standard output.
    ///
    /// With a `console`, the run happens in this process and writes to the capture (tests); the
    /// executable's `main` runs it without one, on the process's descriptors.
    static func run(_ arguments: [String], console: ConsoleCapture? = nil) -> Int32 {
        Console.$capture.withValue(console) { Console.$arguments.withValue(arguments) {
            do {
                var command = try parseAsRoot(arguments)
                try command.run()
                return 0
            } catch {
                return report(error)
            }
        } }
    }

    /// Writes the message for `error` and returns the exit code it maps to.
    private static func report(_ error: any Error) -> Int32 {
        switch error {
        case let error as TradeIOError: return fail(error.description, code: 2)
        case let error as TradeDomainError: return fail(error.description, code: 2)
        case let error as InputError: return fail(error.description, code: 2)
        case let error as ScenarioError: return fail(error.description, code: 2)
        case let error as AnalysisError: return fail(error.description, code: 2)
        case let error as TradeScopeKitError: return fail(error.description, code: 2)
        case let error as ReportsError: return fail(error.description, code: 2)
        case let error as OutputWriteError: return fail(error.description, code: 3)
        default: break
        }
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if code == .success {
            // --help, --version: ArgumentParser's clean exits print to standard output.
            if !message.isEmpty { try? StandardOutput.write(message + "\n") }
            return 0
        }
        if code == .validationFailure || error is ValidationError {
            // ArgumentParser uses 64 for usage errors; the contract says 2.
            StandardError.write(message + "\n")
            return 2
        }
        if !(error is ExitCode) {
            return fail(String(describing: error), code: 3)
        }
        if !message.isEmpty { StandardError.write(message + "\n") }
        return code.rawValue
    }

    private static func fail(_ message: String, code: Int32) -> Int32 {
        StandardError.write("Error: " + message + "\n")
        return code
    }
}

/// A problem with what the user asked for, found after parsing (exit code 2).
struct InputError: Error, CustomStringConvertible {
    let description: String
}

enum TradeScopeVersion {
    static let current = "0.1.0"
}
