import ArgumentParser
import Foundation
import TradeDomain
import TrendAnalysis

/// The structural model's options shared by decompose, anomalies and forecast.
struct StructuralOptions: ParsableArguments {
    @Option(name: .customLong("structural-trend"),
            help: "Structural model: level (a random-walk level, default) or trend (a level with a random-walk slope). The model is fitted on logs when every observed value is positive, with a dummy seasonal for monthly or quarterly data observed over two cycles or more.")
    var trend: StructuralTrendChoice = .level

    /// The model for a series.
    func specification(for series: TimeSeries<Double>) -> StructuralModelSpecification {
        .automatic(for: series, trend: trend == .level ? .localLevel : .localLinearTrend)
    }
}

enum StructuralTrendChoice: String, ExpressibleByArgument, CaseIterable {
    case level, trend
}
