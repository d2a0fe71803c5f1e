// swift-tools-version: 6.0
//
// tradescope: a Swift engine and command-line tool for trade time series and
// commodity prices. Module layers (dependencies point one way) are described in
// README.md: CLAPACK -> NumericCore -> TrendAnalysis -> Scenarios -> Reports -> CLI,
// with TradeDomain beside NumericCore and TradeIO above TradeDomain.
import PackageDescription

let package = Package(
    name: "tradescope",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tradescope", targets: ["TradeScopeCLI"]),
        .library(name: "TradeScopeKit", targets: ["NumericCore", "TradeDomain", "TradeIO", "TrendAnalysis", "Scenarios", "Reports", "TradeScopeKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // MARK: - System libraries
        .systemLibrary(
            name: "CLAPACK",
            path: "Sources/CLAPACK",
            providers: [.apt(["libopenblas-dev", "liblapack-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),

        // MARK: - Library
        .target(name: "NumericCore", dependencies: ["CLAPACK"]),
        .target(name: "TradeDomain"),
        .target(name: "CTradeIO"),
        .target(name: "TradeIO", dependencies: ["TradeDomain", "CTradeIO", "CZlib", .product(name: "Yams", package: "Yams"), .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        .target(name: "TrendAnalysis", dependencies: ["NumericCore", "TradeDomain"]),
        .target(name: "Scenarios", dependencies: ["TrendAnalysis", "TradeDomain", .product(name: "Yams", package: "Yams")]),
        .target(name: "Reports", dependencies: ["NumericCore", "TrendAnalysis", "Scenarios", "TradeDomain"]),
        // The application layer: queries, record sources, run context, data-set profile.
        .target(name: "TradeScopeKit", dependencies: ["TradeDomain", "TradeIO", "TrendAnalysis", "Scenarios", .product(name: "Yams", package: "Yams")]),

        // MARK: - Executable
        .executableTarget(
            name: "TradeScopeCLI",
            dependencies: [
                "NumericCore", "TradeDomain", "TradeIO", "TrendAnalysis", "Scenarios", "Reports", "TradeScopeKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Test support
        .target(name: "_TestSupport", dependencies: ["NumericCore"], path: "Sources/_TestSupport"),

        // MARK: - Tests
        .testTarget(name: "NumericCoreTests", dependencies: ["NumericCore", "_TestSupport"], resources: [.copy("Reference")]),
        .testTarget(name: "TradeDomainTests", dependencies: ["TradeDomain", "_TestSupport"]),
        .testTarget(name: "TradeIOTests", dependencies: ["TradeIO", "TradeDomain", "CZlib", "_TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TrendAnalysisTests", dependencies: ["TrendAnalysis", "TradeDomain", "NumericCore", "_TestSupport"], resources: [.copy("Reference")]),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios", "TrendAnalysis", "TradeDomain", "NumericCore", "_TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "TradeDomain", "TrendAnalysis", "_TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "TradeScopeKitTests", dependencies: ["TradeScopeKit", "TradeIO", "TradeDomain", "TrendAnalysis", "_TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TradeScopeCLITests", dependencies: ["TradeScopeCLI", "TradeScopeKit", "TradeIO", "_TestSupport"], resources: [.copy("Fixtures")]),
    ]
)
