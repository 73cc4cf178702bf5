// swift-tools-version: 6.0
import Foundation
import PackageDescription

// libFuzzer harnesses for corridor's readers and solvers. Build and run them with scripts/fuzz
// (from the repository root); see README.md in this folder.
//
// Each target is an executable without a Swift `main` (`-parse-as-library`): libFuzzer drives it and
// calls the target's `LLVMFuzzerTestOneInput`. SwiftPM links an executable's entry point as
// `<module>_main` and aliases `main` to it, so each harness also defines `<module>_main`, which hands
// over to libFuzzer's driver (`LLVMFuzzerRunDriver`); without that renaming libFuzzer's own `main` runs.
// The sanitizer flags (-sanitize=fuzzer, optionally -sanitize=address) come from the command line
// so that the corridor libraries are instrumented too.

/// SwiftPM names a path dependency after its folder, which is whatever the repository was cloned as.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let corridor = root.lastPathComponent.lowercased()

let harnessSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "corridor-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        // libFuzzer's driver and the one entry point every harness hands over to (Sources/CLibFuzzer).
        .target(name: "CLibFuzzer"),
        .executableTarget(
            name: "fuzz-network-reader",
            dependencies: ["CLibFuzzer", .product(name: "CorridorModel", package: corridor)],
            swiftSettings: harnessSettings),
        .executableTarget(
            name: "fuzz-dimacs-max",
            dependencies: ["CLibFuzzer", .product(name: "CorridorRouting", package: corridor)],
            swiftSettings: harnessSettings),
        .executableTarget(
            name: "fuzz-dimacs-min",
            dependencies: ["CLibFuzzer", .product(name: "CorridorRouting", package: corridor)],
            swiftSettings: harnessSettings),
        .executableTarget(
            name: "fuzz-dimacs-sp",
            dependencies: ["CLibFuzzer", .product(name: "CorridorRouting", package: corridor)],
            swiftSettings: harnessSettings),
        .executableTarget(
            name: "fuzz-companion-files",
            dependencies: [
                "CLibFuzzer", .product(name: "CorridorModel", package: corridor),
                .product(name: "CorridorImpact", package: corridor),
            ],
            swiftSettings: harnessSettings),
        .executableTarget(
            name: "fuzz-allocate",
            dependencies: [
                "CLibFuzzer", .product(name: "CorridorModel", package: corridor),
                .product(name: "CorridorOptimization", package: corridor),
            ],
            swiftSettings: harnessSettings),
    ]
)
