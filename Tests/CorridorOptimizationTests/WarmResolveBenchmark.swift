import CorridorModel
import CorridorOptimization
import CorridorTestSupport
import Foundation
import Testing

/// Times a warm re-solve after one capacity change against a cold solve of the changed network.
/// Off unless `CORRIDOR_BENCH_NETWORK` names a network file (Benchmarks/allocation/run.sh sets it).
/// The figures compare GLPK's simplex time (C code, the same in debug and release builds).
@Test(.enabled(if: ProcessInfo.processInfo.environment["CORRIDOR_BENCH_NETWORK"] != nil))
func warmResolveBenchmark() throws {
    let path = ProcessInfo.processInfo.environment["CORRIDOR_BENCH_NETWORK"] ?? ""
    let network = try NetworkReader.read(path: path)
    let active = network.activate(Scenario(id: "baseline"))
    let solver = try AllocationSolver(model: AllocationModel(network: active))
    let first = try solver.solve()
    let coldBaseline = solver.lastTimings.simplex
    // The crossing worth most: change it by a tenth, as a capacity sweep would.
    let crossing = try #require(first.crossings.max { $0.shadowPrice < $1.shadowPrice })
    let capacity = try #require(crossing.capacity)
    var rows: [String] = []
    for factor in [1.1, 0.9, 1.5] {
        try solver.updateCapacity(of: solver.model.network.element(crossing.id), to: capacity * factor)
        let warm = try solver.solve()
        let warmTime = solver.lastTimings.simplex
        let changed = network.activate(
            Scenario(id: "changed", capacity: [CapacityOverride(id: crossing.id, capacity: capacity * factor)]))
        let coldSolver = try AllocationSolver(model: AllocationModel(network: changed))
        let cold = try coldSolver.solve()
        let coldTime = coldSolver.lastTimings.simplex
        #expect(abs(warm.objective - cold.objective) <= 1e-6 * max(1, abs(cold.objective)))
        let ratio = coldTime / warmTime
        rows.append(
            "\(crossing.id) ×\(factor): cold \(coldTime) (\(cold.iterations) it), warm \(warmTime) (\(warm.iterations) it), "
                + String(format: "cold/warm %.1f", ratio))
    }
    print("warm re-solve on \(path) (cold baseline simplex \(coldBaseline), \(first.iterations) it):")
    for row in rows { print("  " + row) }
}
