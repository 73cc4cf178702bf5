import CorridorRouting
import CorridorTestSupport
import Testing

@Test func glpkSampleCosts213() throws {
    let file = try MinCostProblemReader.read(DIMACSScanner(text: DIMACSSamples.glpkSampleMin, source: "sample.min"))
    let result = try minimumCostFlow(file.problem)
    guard case .optimal(let solution) = result else {
        Issue.record("expected optimal, got \(result)")
        return
    }
    #expect(solution.cost == 213)
    try expectValidOptimum(file.problem, solution)
}

/// Bradley, Hax & Magnanti, Applied Mathematical Programming (Addison-Wesley 1977), ch. 8; also
/// networkx's test_mincost.py `test_digraph1`: minimum cost 150. Arcs without a capacity there are
/// unlimited here.
@Test func bradleyHaxMagnantiCosts150() throws {
    var problem = try MinCostFlowProblem(nodeCount: 5, supplies: [20, 0, 0, -5, -15])
    let unlimited = MinCostFlowProblem.unlimited
    let arcs: [(Int, Int, Int64, Int64)] = [
        (1, 2, 15, 4), (1, 3, 8, 4), (2, 3, unlimited, 2), (2, 4, 4, 2), (2, 5, 10, 6),
        (3, 4, 15, 1), (3, 5, 5, 3), (4, 5, unlimited, 2), (5, 3, 4, 1),
    ]
    for (tail, head, capacity, cost) in arcs {
        try problem.addArc(from: tail - 1, to: head - 1, capacity: capacity, cost: cost)
    }
    guard case .optimal(let solution) = try minimumCostFlow(problem) else {
        Issue.record("expected optimal")
        return
    }
    #expect(solution.cost == 150)
    // networkx's documented optimal flow (unique here).
    #expect(solution.flows == [12, 8, 8, 4, 0, 11, 5, 10, 0])
    try expectValidOptimum(problem, solution)
}

@Test func capacityTooSmallIsInfeasibleWithTheShortfall() throws {
    // 10 units must cross an arc of capacity 4 (and a parallel one of capacity 3).
    var problem = try MinCostFlowProblem(nodeCount: 3, supplies: [10, 0, -10])
    try problem.addArc(from: 0, to: 1, capacity: 4, cost: 1)
    try problem.addArc(from: 0, to: 1, capacity: 3, cost: 5)
    try problem.addArc(from: 1, to: 2, capacity: 100, cost: 1)
    guard case .infeasible(let shortfall) = try minimumCostFlow(problem) else {
        Issue.record("expected infeasible")
        return
    }
    #expect(shortfall.unroutedSupply == 3)
    #expect(shortfall.unmetDemand == 3)
    #expect(shortfall.strandedSupplyNodes == [0])
    #expect(shortfall.shortDemandNodes == [2])
}

@Test func unbalancedSuppliesAreInfeasible() throws {
    var problem = try MinCostFlowProblem(nodeCount: 2, supplies: [5, -3])
    try problem.addArc(from: 0, to: 1, capacity: 10, cost: 1)
    guard case .infeasible(let shortfall) = try minimumCostFlow(problem) else {
        Issue.record("expected infeasible")
        return
    }
    #expect(shortfall.unroutedSupply == 2)
    #expect(shortfall.unmetDemand == 0)
}

@Test func lowerBoundThatCannotBeMetIsInfeasible() throws {
    // Arc 0→1 must carry at least 5, but nothing can leave node 1.
    var problem = try MinCostFlowProblem(nodeCount: 2, supplies: [0, 0])
    try problem.addArc(from: 0, to: 1, lowerBound: 5, capacity: 8, cost: 1)
    guard case .infeasible = try minimumCostFlow(problem) else {
        Issue.record("expected infeasible")
        return
    }
}

@Test func negativeUnlimitedCycleIsUnbounded() throws {
    var problem = try MinCostFlowProblem(nodeCount: 3, supplies: [1, 0, -1])
    try problem.addArc(from: 0, to: 2, capacity: 5, cost: 1)
    try problem.addArc(from: 1, to: 2, capacity: MinCostFlowProblem.unlimited, cost: -2)
    try problem.addArc(from: 2, to: 1, capacity: MinCostFlowProblem.unlimited, cost: 1)
    guard case .unbounded(let cycle) = try minimumCostFlow(problem) else {
        Issue.record("expected unbounded")
        return
    }
    #expect(Set(cycle) == [1, 2])
}

@Test func negativeCycleWithFiniteCapacityIsSaturated() throws {
    // No supplies; the cycle 0→1→2→0 costs −3 per unit and carries at most 4: cost −12.
    var problem = try MinCostFlowProblem(nodeCount: 3, supplies: [0, 0, 0])
    try problem.addArc(from: 0, to: 1, capacity: 4, cost: -2)
    try problem.addArc(from: 1, to: 2, capacity: 9, cost: -2)
    try problem.addArc(from: 2, to: 0, capacity: MinCostFlowProblem.unlimited, cost: 1)
    guard case .optimal(let solution) = try minimumCostFlow(problem) else {
        Issue.record("expected optimal")
        return
    }
    #expect(solution.cost == -12)
    #expect(solution.flows == [4, 4, 4])
}

@Test func lowerBoundsAndSelfLoopsAreHonoured() throws {
    // The self-loop must carry 2 at cost 3 each; the cheap route 0→2 is capped at 1.
    var problem = try MinCostFlowProblem(nodeCount: 3, supplies: [3, 0, -3])
    try problem.addArc(from: 1, to: 1, lowerBound: 2, capacity: 6, cost: 3)
    try problem.addArc(from: 0, to: 2, capacity: 1, cost: 1)
    try problem.addArc(from: 0, to: 1, capacity: 5, cost: 2)
    try problem.addArc(from: 1, to: 2, capacity: 5, cost: 2)
    guard case .optimal(let solution) = try minimumCostFlow(problem) else {
        Issue.record("expected optimal, got \(try minimumCostFlow(problem))")
        return
    }
    #expect(solution.flows == [2, 1, 2, 2])
    #expect(solution.cost == 6 + 1 + 4 + 4)
}

@Test func emptyProblemCostsNothing() throws {
    let problem = try MinCostFlowProblem(nodeCount: 0, supplies: [])
    guard case .optimal(let solution) = try minimumCostFlow(problem) else {
        Issue.record("expected optimal")
        return
    }
    #expect(solution.cost == 0 && solution.flows.isEmpty)
}

@Test func invalidArcsAreRejected() throws {
    var problem = try MinCostFlowProblem(nodeCount: 2, supplies: [0, 0])
    #expect(throws: MinCostFlowProblemError.invalid("arc 0 (0 → 2) names a node outside 0..<2")) {
        try problem.addArc(from: 0, to: 2, capacity: 1, cost: 1)
    }
    #expect(throws: MinCostFlowProblemError.invalid("arc 0 has capacity 1 below its lower bound 2")) {
        try problem.addArc(from: 0, to: 1, lowerBound: 2, capacity: 1, cost: 1)
    }
}

@Test func hugeCostsAreRefusedRatherThanOverflowing() throws {
    var problem = try MinCostFlowProblem(nodeCount: 2, supplies: [1, -1])
    try problem.addArc(from: 0, to: 1, capacity: 1, cost: 1 << 60)
    #expect(throws: MinCostFlowProblemError.self) { try minimumCostFlow(problem) }
    var largest = try MinCostFlowProblem(nodeCount: 2, supplies: [1, -1])
    try largest.addArc(from: 0, to: 1, capacity: 1, cost: .max)
    #expect(throws: MinCostFlowProblemError.self) { try minimumCostFlow(largest) }
}

@Test func suppliesNearInt64MaxAreRefusedNotCalledUnbounded() throws {
    var problem = try MinCostFlowProblem(nodeCount: 2, supplies: [.max, -.max])
    try problem.addArc(from: 0, to: 1, capacity: MinCostFlowProblem.unlimited, cost: 1)
    #expect(throws: MinCostFlowProblemError.self) { try minimumCostFlow(problem) }
}

/// Checks bounds, conservation, the reported cost and complementary slackness of an optimum.
func expectValidOptimum(
    _ problem: MinCostFlowProblem, _ solution: MinCostFlowSolution, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    var balance = problem.supplies
    var cost: Int64 = 0
    for arc in 0..<problem.arcCount {
        let flow = solution.flows[arc]
        let tail = Int(problem.tails[arc])
        let head = Int(problem.heads[arc])
        #expect(flow >= problem.lowerBounds[arc] && flow <= problem.capacities[arc], sourceLocation: sourceLocation)
        balance[tail] -= flow
        balance[head] += flow
        cost += flow * problem.costs[arc]
        let reduced = problem.costs[arc] + solution.potentials[tail] - solution.potentials[head]
        if reduced > 0 { #expect(flow == problem.lowerBounds[arc], "arc \(arc)", sourceLocation: sourceLocation) }
        if reduced < 0 { #expect(flow == problem.capacities[arc], "arc \(arc)", sourceLocation: sourceLocation) }
    }
    #expect(balance.allSatisfy { $0 == 0 }, "supplies not conserved", sourceLocation: sourceLocation)
    #expect(cost == solution.cost, sourceLocation: sourceLocation)
}
