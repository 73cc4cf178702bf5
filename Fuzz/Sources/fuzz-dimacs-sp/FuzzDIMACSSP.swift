import CLibFuzzer
import CorridorRouting

/// Bytes (decoded as UTF-8, lossily) → `ShortestPathProblem(scanner:)`; a small problem that reads
/// is solved from node 1 with `distanceSummary(from:)`, as `corridor route FILE.gr --from 1` does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let problem: ShortestPathProblem
    do {
        problem = try ShortestPathProblem(scanner: DIMACSScanner(text: text, source: "fuzz"))
    } catch {
        _ = error.description
        return 0
    }
    guard problem.graph.nodeCount <= 200, problem.graph.arcCount <= 2_000 else { return 0 }
    guard let summary = problem.distanceSummary(from: 1) else { fatalError("node 1 of a read problem is out of range") }
    precondition(summary.reached >= 1 && summary.reached <= problem.graph.nodeCount, "reached count out of range")
    switch summary.distanceSum {
    case .integer(let sum): precondition(sum >= 0, "negative distance sum")
    case .decimal(let sum): precondition(!(sum < 0), "negative distance sum")
    }
    precondition(problem.distanceSummary(from: 0) == nil, "node 0 accepted")
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver, running ``fuzz(_:_:)`` on each input.
@_cdecl("fuzz_dimacs_sp_main")
public func libFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    corridor_fuzz_main(argc, argv)
}
