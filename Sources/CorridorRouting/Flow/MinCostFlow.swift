/// A single-commodity minimum-cost flow problem on integer data.
///
/// Nodes are numbered `0..<nodeCount`. A positive supply is flow that must leave a node, a negative
/// one flow that must arrive. Each arc carries between its lower bound and its capacity, at a cost per
/// unit; ``unlimited`` marks an arc without capacity.
public struct MinCostFlowProblem: Sendable {
    /// The capacity of an arc that may carry any amount.
    public static let unlimited = Int64.max

    public let nodeCount: Int
    public private(set) var supplies: [Int64]
    public private(set) var tails: [Int32]
    public private(set) var heads: [Int32]
    public private(set) var lowerBounds: [Int64]
    public private(set) var capacities: [Int64]
    public private(set) var costs: [Int64]

    public var arcCount: Int { tails.count }

    /// A problem without arcs yet.
    /// - Throws: when `supplies` does not have one entry per node.
    public init(nodeCount: Int, supplies: [Int64]) throws(MinCostFlowProblemError) {
        try self.init(
            nodeCount: nodeCount, supplies: supplies, tails: [], heads: [], lowerBounds: [], capacities: [],
            costs: [])
    }

    /// A problem with all its arcs given as parallel arrays (arc `i` runs from `tails[i]` to `heads[i]`).
    /// - Throws: when the arrays differ in length, a node is out of range, or a capacity is below its
    ///   lower bound.
    public init(
        nodeCount: Int, supplies: [Int64], tails: [Int32], heads: [Int32], lowerBounds: [Int64],
        capacities: [Int64], costs: [Int64]
    ) throws(MinCostFlowProblemError) {
        guard nodeCount >= 0, nodeCount < Int(Int32.max) else {
            throw .invalid("the node count \(nodeCount) is outside 0..<\(Int32.max)")
        }
        guard supplies.count == nodeCount else {
            throw .invalid("\(supplies.count) supplies given for \(nodeCount) nodes")
        }
        let arcCount = tails.count
        guard heads.count == arcCount, lowerBounds.count == arcCount, capacities.count == arcCount,
            costs.count == arcCount
        else { throw .invalid("the arc arrays differ in length") }
        for arc in 0..<arcCount {
            try Self.check(
                arc: arc, tail: Int(tails[arc]), head: Int(heads[arc]), lowerBound: lowerBounds[arc],
                capacity: capacities[arc], nodeCount: nodeCount)
        }
        self.nodeCount = nodeCount
        self.supplies = supplies
        self.tails = tails
        self.heads = heads
        self.lowerBounds = lowerBounds
        self.capacities = capacities
        self.costs = costs
    }

    /// Adds an arc and returns its index.
    @discardableResult
    public mutating func addArc(
        from tail: Int, to head: Int, lowerBound: Int64 = 0, capacity: Int64, cost: Int64
    ) throws(MinCostFlowProblemError) -> Int {
        try Self.check(
            arc: arcCount, tail: tail, head: head, lowerBound: lowerBound, capacity: capacity,
            nodeCount: nodeCount)
        tails.append(Int32(tail))
        heads.append(Int32(head))
        lowerBounds.append(lowerBound)
        capacities.append(capacity)
        costs.append(cost)
        return arcCount - 1
    }

    private static func check(
        arc: Int, tail: Int, head: Int, lowerBound: Int64, capacity: Int64, nodeCount: Int
    ) throws(MinCostFlowProblemError) {
        guard (0..<nodeCount).contains(tail), (0..<nodeCount).contains(head) else {
            throw .invalid("arc \(arc) (\(tail) → \(head)) names a node outside 0..<\(nodeCount)")
        }
        guard capacity >= lowerBound else {
            throw .invalid("arc \(arc) has capacity \(capacity) below its lower bound \(lowerBound)")
        }
        guard lowerBound != unlimited else { throw .invalid("arc \(arc) has an unlimited lower bound") }
    }
}

/// What a minimum-cost flow computation found.
public enum MinCostFlowResult: Sendable, Equatable {
    /// A cheapest flow meeting every supply and bound.
    case optimal(MinCostFlowSolution)
    /// No flow meets every supply within the bounds.
    case infeasible(MinCostFlowShortfall)
    /// The cost has no lower bound: these arcs form a cycle of negative cost and unlimited capacity.
    case unbounded(cycle: [Int])
}

/// An optimal flow.
public struct MinCostFlowSolution: Sendable, Equatable {
    /// The total cost Σ cost × flow, lower bounds included.
    public let cost: Int64
    /// The flow on each arc, in the problem's arc order.
    public let flows: [Int64]
    /// Node potentials π proving optimality: the reduced cost `cost + π(tail) − π(head)` is ≥ 0 on
    /// every arc below its capacity and ≤ 0 on every arc above its lower bound.
    public let potentials: [Int64]
}

/// How far a problem is from feasible: the least supply that cannot be routed.
public struct MinCostFlowShortfall: Sendable, Equatable {
    /// Supply that cannot leave its nodes (the smallest possible amount).
    public let unroutedSupply: Int64
    /// Demand that cannot be met.
    public let unmetDemand: Int64
    /// Nodes left holding supply in the closest flow found.
    public let strandedSupplyNodes: [Int]
    /// Nodes left short of their demand in that flow.
    public let shortDemandNodes: [Int]
}

/// A problem that cannot be built or solved exactly.
public enum MinCostFlowProblemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The data are inconsistent (a node out of range, a capacity below its lower bound).
    case invalid(String)
    /// The numbers are too large for exact 64-bit arithmetic.
    case tooLarge(String)

    public var description: String {
        switch self {
        case .invalid(let message), .tooLarge(let message): message
        }
    }
}

/// Which algorithm ``minimumCostFlow(_:method:)`` runs.
public enum MinCostFlowMethod: String, Sendable, CaseIterable {
    /// Chosen by the instance's size (see ``minimumCostFlow(_:method:)``).
    case automatic = "auto"
    /// The primal network simplex.
    case networkSimplex = "simplex"
    /// Goldberg's cost-scaling push-relabel; problems it does not take (unbalanced supplies,
    /// infeasible, a negative-cost unlimited arc, costs too large to scale exactly) go to the network
    /// simplex, which reports them.
    case costScaling = "scaling"
}

/// Solves a minimum-cost flow problem exactly.
///
/// `.automatic` runs cost scaling on problems with at least 1.5 million arcs and at most 64 arcs per
/// node, the network simplex otherwise: measured on NETGEN and transportation instances
/// (Benchmarks/README.md, "Min-cost flow"), the simplex wins on everything smaller and on dense
/// bipartite problems, cost scaling on large sparse ones.
///
/// - Throws: ``MinCostFlowProblemError/tooLarge(_:)`` when costs times the node count reach 2⁶⁰,
///   supplies plus finite capacities reach 2⁶², or the optimal cost does not fit in 64 bits.
public func minimumCostFlow(
    _ problem: MinCostFlowProblem, method: MinCostFlowMethod = .automatic
) throws(MinCostFlowProblemError) -> MinCostFlowResult {
    let scaling: Bool
    switch method {
    case .automatic:
        scaling = problem.arcCount >= 1_500_000 && problem.arcCount <= 64 * max(1, problem.nodeCount)
    case .networkSimplex: scaling = false
    case .costScaling: scaling = true
    }
    if scaling, let solution = try CostScaling.solve(problem) { return .optimal(solution) }
    let solver = try NetworkSimplex(problem)
    return try solver.solve()
}

/// A problem's supplies with every lower bound moved into them, and the magnitudes both solvers
/// check before computing exactly.
struct ShiftedBounds {
    /// The supplies once each arc's lower bound has been sent along it.
    let supplies: [Int64]
    /// The largest |cost| of an arc.
    let maxAbsoluteCost: Int64
    /// Σ |shifted supply| + Σ finite (capacity − lower bound), below 2⁶²: no arc of some optimal flow
    /// carries more, and no sum of flows overflows.
    let flowBound: Int64

    init(_ problem: MinCostFlowProblem) throws(MinCostFlowProblemError) {
        var supplies = problem.supplies
        var maxAbsoluteCost: Int64 = 0
        var magnitude: Int64 = 0
        let magnitudeLimit: Int64 = 1 << 62
        // Both terms are at most 2^62, so the sum can reach 2^63 and wrap: saturate instead.
        func accumulate(_ amount: Int64) {
            let (sum, overflow) = magnitude.addingReportingOverflow(min(amount, magnitudeLimit))
            magnitude = overflow ? magnitudeLimit : min(magnitudeLimit, sum)
        }
        for arc in 0..<problem.arcCount {
            let arcCost = problem.costs[arc]
            guard arcCost != Int64.min else { throw .tooLarge("arc \(arc) has cost \(arcCost)") }
            maxAbsoluteCost = max(maxAbsoluteCost, abs(arcCost))
            let low = problem.lowerBounds[arc]
            let cap = problem.capacities[arc]
            if cap != MinCostFlowProblem.unlimited {
                let (width, overflow) = cap.subtractingReportingOverflow(low)
                guard !overflow else { throw .tooLarge("arc \(arc): capacity minus lower bound overflows") }
                accumulate(width)
            }
            if low != 0 {
                let tail = Int(problem.tails[arc])
                let head = Int(problem.heads[arc])
                let (newTail, overflow1) = supplies[tail].subtractingReportingOverflow(low)
                guard !overflow1 else { throw .tooLarge("arc \(arc): lower bound overflows a supply") }
                supplies[tail] = newTail
                let (newHead, overflow2) = supplies[head].addingReportingOverflow(low)
                guard !overflow2 else { throw .tooLarge("arc \(arc): lower bound overflows a supply") }
                supplies[head] = newHead
            }
        }
        for supply in supplies {
            guard supply != Int64.min else { throw .tooLarge("a supply of \(supply)") }
            accumulate(abs(supply))
        }
        guard magnitude < magnitudeLimit else {
            throw .tooLarge("supplies and finite capacities add up to 2^62 or more; flows might overflow")
        }
        self.supplies = supplies
        self.maxAbsoluteCost = maxAbsoluteCost
        self.flowBound = magnitude
    }
}

extension MinCostFlowSolution {
    /// The solution with `shiftedFlows` (flows above the lower bounds, in the problem's arc order).
    /// - Throws: ``MinCostFlowProblemError/tooLarge(_:)`` when the total cost does not fit in 64 bits.
    init(_ problem: MinCostFlowProblem, shiftedFlows: [Int64], potentials: [Int64]) throws(MinCostFlowProblemError) {
        var flows = shiftedFlows
        var total: Int64 = 0
        for arc in 0..<problem.arcCount {
            flows[arc] += problem.lowerBounds[arc]
            let (product, overflow1) = flows[arc].multipliedReportingOverflow(by: problem.costs[arc])
            let (sum, overflow2) = total.addingReportingOverflow(product)
            guard !overflow1, !overflow2 else { throw .tooLarge("the optimal cost does not fit in 64 bits") }
            total = sum
        }
        self.init(cost: total, flows: flows, potentials: potentials)
    }
}
