// swift-tools-version: 6.0
import PackageDescription

// corridor's HTTP server, in a package of its own so that the core's build and tests never compile
// Hummingbird and SwiftNIO (README, "The server"). It answers with the core's CorridorService.
let sharedSwiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "corridor-server",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "corridor-server", targets: ["corridor-server"]),
        .library(name: "CorridorServer", targets: ["CorridorServer"]),
    ],
    dependencies: [
        .package(name: "corridor", path: ".."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .target(
            name: "CorridorServer",
            dependencies: [
                .product(name: "CorridorService", package: "corridor"),
                .product(name: "CorridorModel", package: "corridor"),
                .product(name: "CorridorReports", package: "corridor"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: sharedSwiftSettings),
        .executableTarget(
            name: "corridor-server",
            dependencies: [
                "CorridorServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: sharedSwiftSettings),
        .testTarget(
            name: "CorridorServerTests",
            dependencies: [
                "CorridorServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "CorridorModel", package: "corridor"),
                .product(name: "CorridorService", package: "corridor"),
                .product(name: "CorridorOptimization", package: "corridor"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: sharedSwiftSettings),
    ]
)
