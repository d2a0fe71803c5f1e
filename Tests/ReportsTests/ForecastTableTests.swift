import Foundation
import Testing
import TradeDomain
import TrendAnalysis
@testable import Reports

@Suite("ForecastTable: the scale and the truncations in every format")
struct ForecastTableTests {
    /// A synthetic falling line (not data) fitted untransformed, whose forecast crosses zero.
    private func truncatedTable() throws -> ForecastTable {
        let series = TimeSeries(start: Period(year: 2000), values: [90.0, 71, 49, 32, 9].map { Optional($0) })
        let prepared = try NonNegativeForecasting(request: .fixed(.none)).prepare(series)
        let fit = try ExponentialSmoothingSpecification(trend: .additive).fit(prepared.modelSeries)
        return ForecastTable(fit: fit, forecast: prepared.finish(try fit.forecast(horizon: 3)), label: "synthetic")
    }

    @Test("an untransformed forecast that crosses zero: 0 shown, truncated figures named in text, md, html, csv and json")
    func truncation() throws {
        let table = try truncatedTable()
        #expect(!table.forecast.truncations.isEmpty)
        #expect(table.forecast.mean.allSatisfy { $0 >= 0 })
        let json = table.json(selection: .object([])).rendered(indent: 0)
        #expect(json.contains(#""transformation":"none","box_cox_lambda":null,"error":"additive","point":"mean""#), "\(json)")
        #expect(json.contains(#""truncated":["mean","lower""#) && json.contains(#""scale":"data""#), "\(json)")
        #expect(json.contains(#""notes":["untransformed model, as requested"#), "\(json)")
        for text in [table.text(), table.text(markdown: true), table.html()] {
            #expect(text.contains("untransformed") && text.contains("truncated at 0: point forecast in 2005"), "\(text)")
        }
        #expect(table.csv().contains(",0.95,none,mean,mean;lower"), "\(table.csv())")
    }

    @Test("a log forecast states the scale, the point and that SSE is on logs")
    func logScale() throws {
        let series = TimeSeries(start: Period(year: 2000), values: [90.0, 71, 49, 32, 19].map { Optional($0) })
        let prepared = try NonNegativeForecasting().prepare(series)
        let fit = try ExponentialSmoothingSpecification(trend: .additive).fit(prepared.modelSeries)
        let table = ForecastTable(fit: fit, forecast: prepared.finish(try fit.forecast(horizon: 3)), label: "synthetic")
        #expect(table.text().contains("Scale: fitted on logs (additive errors there), figures back-transformed; point forecast: bias-adjusted mean"))
        #expect(table.html().contains("<tr><th>Transformation</th><td>log</td></tr>"))
        let json = table.json(selection: .object([])).rendered(indent: 0)
        #expect(json.contains(#""transformation":"log","box_cox_lambda":0,"error":"additive","point":"bias-adjusted mean""#), "\(json)")
        #expect(json.contains(#""truncations":[]"#))
    }
}
