import Foundation
import TradeDomain
import TrendAnalysis

/// One group's break analysis with the window it covered (the value of a `breaks --by` row).
public struct WindowedBreakAnalysis: Sendable {
    /// The analysis.
    public let analysis: BreakAnalysis
    /// The group's window and its missing periods.
    public let window: ObservedWindow

    /// A value.
    ///
    /// - Parameters:
    ///   - analysis: The analysis.
    ///   - window: The window of the series analysed.
    public init(analysis: BreakAnalysis, window: ObservedWindow) {
        self.analysis = analysis
        self.window = window
    }
}

extension BreaksReport {
    /// CSV columns of `breaks --by` for a method (CLI.md: one row per group).
    ///
    /// - Parameter method: The method's command-line name.
    /// - Returns: The column names: `group`, the window's `periods` and `missing` periods, the
    ///   method's columns, and `error` last.
    public static func batchColumns(method: String) -> [String] {
        let middle: [String]
        switch method {
        case "chow": middle = ["at", "f_statistic", "p"]
        case "sup-f": middle = ["sup_f", "sup_f_p", "ave_f", "ave_f_p", "exp_f", "exp_f_p", "sup_period"]
        case "cusum": middle = ["type", "statistic", "p"]
        case "bai-perron": middle = ["n", "n_breaks", "breaks", "ci_low", "ci_high"]
        case "pelt": middle = ["n_changepoints", "changepoints"]
        default: middle = ["at", "level_change", "level_change_hac_std_error", "level_change_p", "slope_change", "slope_change_hac_std_error", "slope_change_p"]
        }
        return ["group", "periods", "missing"] + middle + ["error"]
    }

    /// The CSV of a batch: a header and one row per group; a failed group has only its key and error.
    ///
    /// - Parameters:
    ///   - method: The method's command-line name.
    ///   - results: One result per group.
    /// - Returns: The CSV text.
    public static func batchCSV(method: String, results: [GroupResult<WindowedBreakAnalysis>]) -> String {
        let columns = batchColumns(method: method)
        var out = columns.joined(separator: ",") + "\n"
        for result in results {
            var cells = [String](repeating: "", count: columns.count)
            cells[0] = result.key
            if let value = result.value {
                cells[1] = String(value.window.periodCount)
                cells[2] = String(value.window.missingCount)
                let middle = BreaksReport(analysis: value.analysis, label: result.key, window: value.window).batchCells()
                for (offset, cell) in middle.enumerated() where offset + 3 < columns.count - 1 { cells[offset + 3] = cell }
            }
            cells[columns.count - 1] = result.error?.description ?? ""
            out += cells.map(csvField).joined(separator: ",") + "\n"
        }
        return out
    }

    /// NDJSON of a batch: one object per line, `group` and `error` first, then the fields of ``json(selection:)``.
    ///
    /// - Parameters:
    ///   - results: One result per group.
    ///   - selections: The selection object of each group.
    /// - Returns: The lines.
    public static func batchNDJSON(results: [GroupResult<WindowedBreakAnalysis>], selections: [JSONValue]) -> String {
        results.enumerated().map { index, result in
            var fields: [(String, JSONValue)] = [("group", .string(result.key)), ("error", .string(result.error?.description))]
            if let value = result.value,
               case let .object(members) = BreaksReport(analysis: value.analysis, label: result.key, window: value.window).json(selection: selections[index]) {
                fields += members
            } else {
                fields.append(("selection", selections[index]))
            }
            return JSONValue.object(fields).rendered(indent: 0).replacingOccurrences(of: "\n", with: "") + "\n"
        }.joined()
    }

    /// The method-specific cells of a batch row, full precision.
    func batchCells() -> [String] {
        func number(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }
        func period(_ value: Period?) -> String { value?.description ?? "" }
        switch analysis {
        case let .chow(test, at): return [at.description, number(test.statistic), number(test.pValue)]
        case let .supF(f):
            return [number(f.supF.statistic), number(f.supF.pValue), number(f.aveF.statistic), number(f.aveF.pValue),
                    number(f.expF.statistic), number(f.expF.pValue), period(f.supremumPeriod)]
        case let .cusum(process):
            return [process.specification.type == .olsCUSUM ? "ols" : "recursive", number(process.test.statistic), number(process.test.pValue)]
        case let .baiPerron(bp):
            return [String(bp.observationCount), String(bp.breaks.count), bp.breaks.map { period($0.period) }.joined(separator: ";"),
                    bp.breaks.map { period($0.lowerPeriod) }.joined(separator: ";"), bp.breaks.map { period($0.upperPeriod) }.joined(separator: ";")]
        case let .pelt(cp):
            return [String(cp.changePoints.count), cp.periods.map(\.description).joined(separator: ";")]
        case let .interruptedTimeSeries(fit):
            return [fit.specification.interventionPeriod.description,
                    number(fit.levelChange.estimate), number(fit.levelChange.hacStandardError), number(fit.levelChange.pValue),
                    number(fit.slopeChange.estimate), number(fit.slopeChange.hacStandardError), number(fit.slopeChange.pValue)]
        }
    }
}

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
func csvField(_ text: String) -> String { CSVText.field(text) }
