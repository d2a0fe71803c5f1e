/// The registry of benchmark tasks: name -> body taking the input path.
///
/// To add a task (ingest, trend, STL, anomalies, PELT, Bai-Perron), write a
/// function in `Tasks/` that returns a `TaskOutcome` whose checksum the peer
/// script reproduces, register it here, and add a row to `TASKS` in `run.py`.
enum BenchmarkTasks {
    static let all: [String: @Sendable (String) throws -> TaskOutcome] = [
        "csv-read": CSVReadTask.run,
        "csv-read-raw": CSVReadRawTask.run,
        "rollup": UnitPriceRollupTask.run,
        "rollup-raw": UnitPriceRollupRawTask.run,
        "ingest-validate": IngestValidateTask.run,
        "trade-rows": TradeRowsTask.run,
        "ingest-store": IngestStoreTask.run,
        // Analysis rows (issue 10 items 2-4): panel tasks read BENCH_SERIES_LIMIT (see PanelInput).
        "trend-batch": TrendBatchTask.run, "trend-spec": TrendSpecificationTask.run, "stl": STLTask.run,
        "anomalies": AnomalyTask.run, "pelt": PELTTask.run,
        "bai-perron-seatbelt": BaiPerronTask.seatbelt, "bai-perron-panel": BaiPerronTask.panel,
        "bai-perron-long": BaiPerronTask.long,
        // Issue 17: the structural model, series by series and as a batch.
        "structural": StructuralTask.run, "structural-batch": StructuralTask.batch,
    ]
}
