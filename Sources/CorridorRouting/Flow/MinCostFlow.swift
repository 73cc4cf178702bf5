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

/// Solves a minimum-cost flow problem exactly, with a primal network simplex.
///
/// - Throws: ``MinCostFlowProblemError/tooLarge(_:)`` when costs times the node count reach 2⁶⁰,
///   supplies plus finite capacities reach 2⁶², or the optimal cost does not fit in 64 bits.
public func minimumCostFlow(_ problem: MinCostFlowProblem) throws(MinCostFlowProblemError) -> MinCostFlowResult {
    let solver = try NetworkSimplex(problem)
    return try solver.solve()
}
