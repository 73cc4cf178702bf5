import CorridorModel
import CorridorRouting
import CorridorTestSupport
import Foundation
import Testing

/// Every input the fuzzers (Fuzz/) ever found, or that guards a fixed crash, replayed against the reader
/// of its target: it must be read or refused with a located error, never crash.
@Suite struct FuzzRegressionTests {
    static let folder = TestNetworks.repositoryRoot.appendingPathComponent("Fuzz/regressions")

    static func inputs(_ target: String) -> [URL] {
        let directory = folder.appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { directory.appendingPathComponent($0) }
    }

    @Test func theRegressionFolderHoldsEveryTarget() {
        for target in ["fuzz-network-reader", "fuzz-dimacs-max", "fuzz-dimacs-min", "fuzz-dimacs-sp", "fuzz-allocate"] {
            #expect(FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent(target).path), "\(target)")
        }
        #expect(Self.inputs("fuzz-dimacs-max").count >= 2)
    }

    @Test func dimacsInputsAreReadOrRefused() throws {
        for file in Self.inputs("fuzz-dimacs-max") {
            #expect(throws: DIMACSError.self, "\(file.lastPathComponent)") { _ = try MaxFlowProblem.read(path: file.path) }
        }
        for file in Self.inputs("fuzz-dimacs-min") {
            #expect(throws: DIMACSError.self, "\(file.lastPathComponent)") { _ = try MinCostProblemReader.read(path: file.path) }
        }
        for file in Self.inputs("fuzz-dimacs-sp") {
            #expect(throws: DIMACSError.self, "\(file.lastPathComponent)") { _ = try ShortestPathProblem.read(path: file.path) }
        }
    }

    @Test func networkInputsAreReadOrRefused() throws {
        for file in Self.inputs("fuzz-network-reader") + Self.inputs("fuzz-allocate") {
            do {
                let network = try NetworkReader.read(path: file.path)
                for scenario in [nil] + network.scenarios.map(\.id) { _ = try network.activate(scenario: scenario) }
            } catch let error as NetworkValidationError {
                #expect(!error.description.isEmpty)
            }
        }
    }
}
