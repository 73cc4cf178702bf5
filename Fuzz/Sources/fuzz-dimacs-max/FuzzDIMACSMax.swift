import CLibFuzzer
import CorridorRouting

/// Bytes (decoded as UTF-8, lossily) → `MaxFlowProblem.read(text:source:)`; a small problem that
/// reads is solved with `maximumFlow(on:)` and, for whole capacities, the answer is checked: flows
/// within capacities, conservation, and a minimum cut whose capacities add up to the flow value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let problem: MaxFlowProblem
    do {
        problem = try MaxFlowProblem.read(text: text, source: "fuzz")
    } catch {
        _ = error.description
        return 0
    }
    guard problem.nodeCount <= 200, problem.arcCount <= 2_000 else { return 0 }
    let (nodeCount, source, sink, tails, heads) =
        (problem.nodeCount, problem.source, problem.sink, problem.tails, problem.heads)
    let capacities = problem.capacities
    let solution: MaxFlowProblemSolution
    do {
        solution = try maximumFlow(on: problem)
    } catch {
        _ = error.message
        return 0
    }
    guard case .whole(let flow) = solution, case .whole(let capacity) = capacities else {
        precondition(solution.value >= 0, "negative flow value")
        return 0
    }
    precondition(flow.arcFlows.count == tails.count, "one flow per arc")
    var balance = [Int64](repeating: 0, count: nodeCount)
    for arc in tails.indices {
        precondition((0...capacity[arc]).contains(flow.arcFlows[arc]), "arc \(arc + 1): flow outside 0…capacity")
        balance[Int(tails[arc])] &-= flow.arcFlows[arc]
        balance[Int(heads[arc])] &+= flow.arcFlows[arc]
    }
    for node in 0..<nodeCount where node != source && node != sink {
        precondition(balance[node] == 0, "flow not conserved at node \(node + 1)")
    }
    precondition(balance[sink] == flow.value && balance[source] == -flow.value, "flow value mismatch")
    var cut: Int64 = 0
    for arc in flow.cutArcs {
        precondition(flow.sourceSide[Int(tails[arc])] && !flow.sourceSide[Int(heads[arc])], "cut arc not across the cut")
        cut &+= capacity[arc]
    }
    precondition(cut == flow.value, "cut capacity \(cut) differs from flow value \(flow.value)")
    precondition(flow.sourceSide[source] && !flow.sourceSide[sink], "cut does not separate source and sink")
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver, running ``fuzz(_:_:)`` on each input.
@_cdecl("fuzz_dimacs_max_main")
public func libFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    corridor_fuzz_main(argc, argv)
}
