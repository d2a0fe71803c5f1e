import TradeDomain

/// The rolling-origin out-of-sample comparison of candidate baselines on the data before the first
/// measure (see ``BaselineSelector``).
///
/// The origins are the last three periods with a figure before the last one before the first measure.
/// At each origin a candidate is fitted to the data up to and including that period and forecasts every
/// later observed period up to the last one before the first measure; its errors are scored on the data's
/// scale:
/// ```
/// MASE  = mean |y - ŷ| / mean |y[i] - y[i-1]|      (the denominator over consecutive observed figures of the
///                                                   training data: the in-sample error of the naive forecast)
/// sMAPE = mean 200 |y - ŷ| / (|y| + |ŷ|)           (percent, 0 to 200)
/// ```
/// The candidate with the lowest MASE is chosen (sMAPE breaks ties).
///
/// Reference: Hyndman and Koehler (2006), "Another look at measures of forecast accuracy", IJF 22(4);
/// Tashman (2000), "Out-of-sample tests of forecasting accuracy", IJF 16(4) (rolling origins).
public struct BaselineBacktest: Hashable, Codable, Sendable {
    /// One candidate's record.
    public struct Score: Hashable, Codable, Sendable {
        /// The candidate, in words ("exponential smoothing (AICc choice)").
        public let candidate: String
        /// The model fitted at the last origin, in words (`nil` when none was fitted).
        public let model: String?
        /// Mean absolute scaled error over every origin and target; `nil` when not scored.
        public let mase: Double?
        /// Symmetric mean absolute percentage error (percent); `nil` when not scored.
        public let smape: Double?
        /// Forecasts scored (origins × targets).
        public let forecasts: Int
        /// Why the candidate was not scored.
        public let skipped: String?

        /// A score.
        ///
        /// - Parameters: One per property.
        public init(candidate: String, model: String?, mase: Double?, smape: Double?, forecasts: Int, skipped: String?) {
            self.candidate = candidate
            self.model = model
            self.mase = mase
            self.smape = smape
            self.forecasts = forecasts
            self.skipped = skipped
        }
    }

    /// The forecast origins (the last period of each training window), oldest first.
    public let origins: [Period]
    /// The last period whose figure is forecast.
    public let through: Period
    /// One score per candidate, in the order tried.
    public let scores: [Score]
    /// The candidate chosen, in words, or `nil` when no candidate could be scored.
    public let chosen: String?

    /// A backtest.
    ///
    /// - Parameters: One per property.
    public init(origins: [Period], through: Period, scores: [Score], chosen: String?) {
        self.origins = origins
        self.through = through
        self.scores = scores
        self.chosen = chosen
    }
}
