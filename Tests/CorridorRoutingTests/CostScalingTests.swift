@testable import CorridorRouting
import CorridorTestSupport
import Testing

/// A random problem with everything cost scaling must handle or hand over: parallel arcs,
/// self-loops, zero-width arcs, lower bounds, negative costs, unlimited arcs (some of negative cost,
/// which may make the problem unbounded) and, now and then, unbalanced supplies.
private func randomProblem(seed: UInt64) throws -> MinCostFlowProblem {
    var random = SeededGenerator(seed: seed)
    let nodes = Int.random(in: 1...40, using: &random)
    var supplies = [Int64](repeating: 0, count: nodes)
    for _ in 0..<Int.random(in: 0...5, using: &random) {
        let amount = Int64.random(in: 1...60, using: &random)
        supplies[Int.random(in: 0..<nodes, using: &random)] += amount
        supplies[Int.random(in: 0..<nodes, using: &random)] -= amount
    }
    if Int.random(in: 0..<10, using: &random) == 0 { supplies[Int.random(in: 0..<nodes, using: &random)] += 1 }
    var problem = try MinCostFlowProblem(nodeCount: nodes, supplies: supplies)
    for _ in 0..<Int.random(in: 0...(5 * nodes), using: &random) {
        let tail = Int.random(in: 0..<nodes, using: &random)
        let head = Int.random(in: 0..<nodes, using: &random)
        let low: Int64 = Int.random(in: 0..<6, using: &random) == 0 ? Int64.random(in: 0...4, using: &random) : 0
        let unlimited = Int.random(in: 0..<8, using: &random) == 0
        let capacity = unlimited ? MinCostFlowProblem.unlimited : low + Int64.random(in: 0...40, using: &random)
        let cost = Int64.random(in: (unlimited ? -1 : -20)...100, using: &random)
        try problem.addArc(from: tail, to: head, lowerBound: low, capacity: capacity, cost: cost)
    }
    return problem
}

@Test(arguments: 1...400 as ClosedRange<UInt64>)
func costScalingAgreesWithNetworkSimplex(seed: UInt64) throws {
    let problem = try randomProblem(seed: seed)
    let simplex = try minimumCostFlow(problem, method: .networkSimplex)
    let scaling = try minimumCostFlow(problem, method: .costScaling)
    switch (simplex, scaling) {
    case (.optimal(let expected), .optimal(let found)):
        #expect(found.cost == expected.cost, "seed \(seed)")
        try expectValidOptimum(problem, found)
    case (.infeasible(let expected), .infeasible(let found)):
        #expect(found == expected, "seed \(seed)")
    case (.unbounded, .unbounded):
        break
    default:
        Issue.record("seed \(seed): simplex \(simplex), scaling \(scaling)")
    }
}

@Test(arguments: 1...200 as ClosedRange<UInt64>)
func costScalingSolvesFeasibleBalancedProblemsItself(seed: UInt64) throws {
    // The same problems, made feasible by an unlimited costly arc pair per node and stripped of
    // negative unlimited arcs: cost scaling must answer them without handing over.
    let random = try randomProblem(seed: seed)
    var supplies = random.supplies
    supplies[0] -= supplies.reduce(0, +)
    var problem = try MinCostFlowProblem(nodeCount: random.nodeCount, supplies: supplies)
    for arc in 0..<random.arcCount {
        let unlimited = random.capacities[arc] == MinCostFlowProblem.unlimited
        try problem.addArc(
            from: Int(random.tails[arc]), to: Int(random.heads[arc]), lowerBound: random.lowerBounds[arc],
            capacity: random.capacities[arc], cost: unlimited ? abs(random.costs[arc]) : random.costs[arc])
    }
    for node in 1..<max(1, problem.nodeCount) {
        try problem.addArc(from: node, to: 0, capacity: MinCostFlowProblem.unlimited, cost: 500)
        try problem.addArc(from: 0, to: node, capacity: MinCostFlowProblem.unlimited, cost: 500)
    }
    guard case .optimal(let expected) = try minimumCostFlow(problem, method: .networkSimplex) else {
        Issue.record("seed \(seed): expected a feasible problem")
        return
    }
    guard let found = try CostScaling.solve(problem) else {
        Issue.record("seed \(seed): cost scaling handed the problem over")
        return
    }
    #expect(found.cost == expected.cost, "seed \(seed)")
    try expectValidOptimum(problem, found)
}

@Test func costScalingHandsOverWhatItCannotScaleExactly() throws {
    // Costs near 2⁵⁶ fit the network simplex's range but not cost scaling's: the answer still comes.
    var problem = try MinCostFlowProblem(nodeCount: 2, supplies: [3, -3])
    try problem.addArc(from: 0, to: 1, capacity: 2, cost: 1 << 56)
    try problem.addArc(from: 0, to: 1, capacity: 5, cost: (1 << 56) + 1)
    #expect(try CostScaling.solve(problem) == nil)
    guard case .optimal(let solution) = try minimumCostFlow(problem, method: .costScaling) else {
        Issue.record("expected optimal")
        return
    }
    #expect(solution.flows == [2, 1])
}

@Test func costScalingRefusesHugeNumbersLikeTheSimplex() throws {
    var costly = try MinCostFlowProblem(nodeCount: 2, supplies: [1, -1])
    try costly.addArc(from: 0, to: 1, capacity: 1, cost: .max)
    #expect(throws: MinCostFlowProblemError.self) { try minimumCostFlow(costly, method: .costScaling) }
    var plentiful = try MinCostFlowProblem(nodeCount: 2, supplies: [.max, -.max])
    try plentiful.addArc(from: 0, to: 1, capacity: MinCostFlowProblem.unlimited, cost: 1)
    #expect(throws: MinCostFlowProblemError.self) { try minimumCostFlow(plentiful, method: .costScaling) }
}
