import ArgumentParser
import Foundation
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
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as TradeIOError {
            fail(error.description, code: 2)
        } catch let error as TradeDomainError {
            fail(error.description, code: 2)
        } catch let error as InputError {
            fail(error.description, code: 2)
        } catch let error as ScenarioError {
            fail(error.description, code: 2)
        } catch let error as AnalysisError {
            fail(error.description, code: 2)
        } catch let error as TradeScopeKitError {
            fail(error.description, code: 2)
        } catch let error as OutputWriteError {
            fail(error.description, code: 3)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            if code == .validationFailure || error is ValidationError {
                // ArgumentParser uses 64 for usage errors; the contract says 2.
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            if let described = error as? CustomStringConvertible, !(error is ExitCode) {
                fail(described.description, code: 3)
            }
            exit(withError: error)
        }
    }

    static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data(("Error: " + message + "\n").utf8))
        Foundation.exit(code)
    }
}

/// A problem with what the user asked for, found after parsing (exit code 2).
struct InputError: Error, CustomStringConvertible {
    let description: String
}

enum TradeScopeVersion {
    static let current = "0.1.0"
}
