// swift-tools-version: 6.0
import PackageDescription

/// Settings every target shares: Swift 6 mode plus the upcoming features that keep imports honest.
let sharedSwiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "corridor",
    products: [
        .executable(name: "corridor", targets: ["corridor"]),
        .library(name: "CorridorModel", targets: ["CorridorModel"]),
        .library(name: "CorridorRouting", targets: ["CorridorRouting"]),
        .library(name: "CorridorOptimization", targets: ["CorridorOptimization"]),
        .library(name: "CorridorImpact", targets: ["CorridorImpact"]),
        .library(name: "CorridorReports", targets: ["CorridorReports"]),
        .library(name: "CorridorService", targets: ["CorridorService"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2")
    ],
    targets: [
        // Library
        .target(name: "CorridorModel", swiftSettings: sharedSwiftSettings),
        .target(name: "CorridorOutput", dependencies: ["CFileExchange"], swiftSettings: sharedSwiftSettings),
        .target(name: "CorridorRouting", dependencies: ["CorridorModel"], swiftSettings: sharedSwiftSettings),
        .target(name: "CorridorLP", dependencies: ["CGLPKGuard"], swiftSettings: sharedSwiftSettings),
        .target(
            name: "CorridorOptimization",
            dependencies: ["CorridorModel", "CorridorRouting", "CorridorLP"],
            swiftSettings: sharedSwiftSettings),
        .target(
            name: "CorridorImpact",
            dependencies: ["CorridorModel", "CorridorRouting", "CorridorOptimization"],
            swiftSettings: sharedSwiftSettings),
        // The questions the command line and the server both answer, and their errors worded for people.
        .target(
            name: "CorridorService",
            dependencies: ["CorridorModel", "CorridorRouting", "CorridorLP", "CorridorOptimization", "CorridorImpact", "CorridorReports"],
            swiftSettings: sharedSwiftSettings),
        .target(
            name: "CorridorReports",
            dependencies: ["CorridorModel", "CorridorRouting", "CorridorOptimization", "CorridorImpact", "CorridorGIS"],
            swiftSettings: sharedSwiftSettings),

        // GIS layers as GeoJSON and as a GeoPackage, written by the system's SQLite (Debian's libsqlite3-dev).
        .target(name: "CorridorGIS", dependencies: ["CorridorModel", "CSQLite"], swiftSettings: sharedSwiftSettings),
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),

        // C interop: GLPK from Debian's libglpk-dev (no pkg-config file), behind a setjmp guard.
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        .target(name: "CGLPKGuard", dependencies: ["CGLPK"], linkerSettings: [.linkedLibrary("glpk")]),
        // C interop: renameat2(RENAME_EXCHANGE), which Glibc's Swift module does not expose.
        .target(name: "CFileExchange"),

        // CLI
        .executableTarget(
            name: "corridor",
            dependencies: [
                "CorridorModel", "CorridorRouting", "CorridorLP", "CorridorOptimization",
                "CorridorImpact", "CorridorReports", "CorridorOutput", "CorridorGIS", "CorridorService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: sharedSwiftSettings),

        // Tests
        .target(
            name: "CorridorTestSupport", dependencies: ["CorridorModel"], path: "Tests/CorridorTestSupport",
            swiftSettings: sharedSwiftSettings),
        .testTarget(
            name: "CorridorModelTests", dependencies: ["CorridorModel", "CorridorTestSupport"], exclude: ["Fixtures"],
            swiftSettings: sharedSwiftSettings),
        .testTarget(
            name: "CorridorRoutingTests", dependencies: ["CorridorRouting", "CorridorTestSupport"],
            swiftSettings: sharedSwiftSettings),
        .testTarget(name: "CorridorLPTests", dependencies: ["CorridorLP", "CorridorTestSupport"], swiftSettings: sharedSwiftSettings),
        .testTarget(name: "CorridorOptimizationTests", dependencies: ["CorridorOptimization", "CorridorLP", "CorridorModel", "CorridorRouting", "CorridorTestSupport"], swiftSettings: sharedSwiftSettings),
        .testTarget(name: "CorridorImpactTests", dependencies: ["CorridorImpact", "CorridorRouting", "CorridorReports", "CorridorOptimization", "CorridorModel", "CorridorTestSupport"], swiftSettings: sharedSwiftSettings),
        .testTarget(
            name: "CorridorReportsTests",
            dependencies: ["CorridorReports", "CorridorModel", "CorridorImpact", "CorridorTestSupport"],
            swiftSettings: sharedSwiftSettings),
        .testTarget(
            name: "CorridorCLITests", dependencies: ["CorridorModel", "CorridorService", "CorridorTestSupport"], swiftSettings: sharedSwiftSettings),
        .testTarget(
            name: "CorridorOutputTests", dependencies: ["CorridorOutput", "CorridorTestSupport"],
            swiftSettings: sharedSwiftSettings),
    ]
)
