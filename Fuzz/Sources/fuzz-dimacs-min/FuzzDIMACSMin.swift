import CLibFuzzer
import CorridorRouting

/// Bytes (decoded as UTF-8, lossily) → `MinCostProblemReader.read(DIMACSScanner(text:source:))`; a
/// small problem that reads is solved with `minimumCostFlow(_:)` and an optimal answer is checked:
/// flows within bounds, supplies met, the cost recomputed from the flows.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let file: MinCostProblemFile
    do {
        file = try MinCostProblemReader.read(DIMACSScanner(text: text, source: "fuzz"))
    } catch {
        _ = error.description
        return 0
    }
    let problem = file.problem
    guard problem.nodeCount <= 200, problem.arcCount <= 2_000 else { return 0 }
    let result: MinCostFlowResult
    do {
        result = try minimumCostFlow(problem)
    } catch {
        _ = error.description
        return 0
    }
    switch result {
    case .optimal(let solution):
        _ = file.costText(solution.cost)
        _ = file.costValue(solution.cost)
        precondition(solution.flows.count == problem.arcCount, "one flow per arc")
        var balance = problem.supplies
        var cost: Int64 = 0
        var exact = true
        for arc in 0..<problem.arcCount {
            let flow = solution.flows[arc]
            precondition(
                flow >= problem.lowerBounds[arc] && flow <= problem.capacities[arc], "arc \(arc + 1): flow outside its bounds")
            balance[Int(problem.tails[arc])] &-= flow
            balance[Int(problem.heads[arc])] &+= flow
            let (term, overflow1) = flow.multipliedReportingOverflow(by: problem.costs[arc])
            let (sum, overflow2) = cost.addingReportingOverflow(term)
            if overflow1 || overflow2 { exact = false }
            cost = sum
        }
        precondition(balance.allSatisfy { $0 == 0 }, "supplies not met")
        if exact { precondition(cost == solution.cost, "reported cost \(solution.cost), flows cost \(cost)") }
    case .infeasible(let shortfall):
        _ = MinCostProblemFile.decimalText(shortfall.unroutedSupply, digits: file.flowDecimals)
        precondition(shortfall.unroutedSupply > 0 || shortfall.unmetDemand > 0, "infeasible without a shortfall")
    case .unbounded(let cycle):
        precondition(!cycle.isEmpty && cycle.allSatisfy { (0..<problem.arcCount).contains($0) }, "bad unbounded cycle")
    }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver, running ``fuzz(_:_:)`` on each input.
@_cdecl("fuzz_dimacs_min_main")
public func libFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    corridor_fuzz_main(argc, argv)
}
