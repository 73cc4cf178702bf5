import CLibFuzzer
import CorridorModel
import CorridorOptimization
import Foundation

/// Bytes → `NetworkReader.read(data:source:)`; a small valid network (≤ 30 nodes, ≤ 60 links,
/// ≤ 20 demands) is allocated with `allocate(_:)` for the baseline and each scenario, then again
/// through an `AllocationSolver` with a time limit. `AllocationError` is an answer; a trap is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let network = try? NetworkReader.read(data: Data(bytes: data, count: size), source: "fuzz"),
        network.nodes.count <= 30, network.links.count <= 60, network.demands.count <= 20
    else { return 0 }
    for id in [nil] + network.scenarios.map(\.id) {
        guard let active = try? network.activate(scenario: id) else {
            fatalError("scenario \"\(id ?? "baseline")\" is listed but does not activate")
        }
        do {
            let allocation = try allocate(active)
            check(allocation, active)
        } catch {
            _ = error.description
        }
        do {
            let solver = try AllocationSolver(model: AllocationModel(network: active))
            check(try solver.solve(timeLimit: 1), active)
        } catch {
            _ = error.description
        }
    }
    return 0
}

private func check(_ allocation: Allocation, _ active: ActiveNetwork) {
    precondition(allocation.objective.isFinite, "objective not finite")
    precondition(allocation.demands.count == active.demands.count, "one result per demand")
    precondition(allocation.nodes.count == active.nodes.count, "one result per active node")
    precondition(allocation.arcs.count == active.arcs.count, "one result per active arc")
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver, running ``fuzz(_:_:)`` on each input.
@_cdecl("fuzz_allocate_main")
public func libFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    corridor_fuzz_main(argc, argv)
}
