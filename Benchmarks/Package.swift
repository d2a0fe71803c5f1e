// swift-tools-version: 6.0
//
// tradescope benchmarks: a nested package so that benchmark-only code and
// dependencies stay out of the main build. Build with `swift build -c release`
// here, or run `make bench` / `make bench-quick` from the repository root.
import PackageDescription

let package = Package(
    name: "tradescope-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "tradescope", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "TradeScopeBench",
            dependencies: [.product(name: "TradeScopeKit", package: "tradescope")]
        ),
        // The store-query benchmark's driver (store_query.py): one query per process, as a command runs it.
        .executableTarget(
            name: "StoreQuery",
            dependencies: [.product(name: "TradeScopeKit", package: "tradescope")]
        ),
    ]
)
