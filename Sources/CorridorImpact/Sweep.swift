// A parameter sweep of the allocation: one capacity, one link cost, or the demand scale, stepped over
// an even grid, each point re-solved from the previous optimal basis (AllocationSolver) instead of from
// scratch — a bound or objective change leaves the basis dual or primal feasible, so a re-solve takes a
// few simplex iterations.
//
// Warm starts make a point's degenerate duals and tied flows depend on the path that led to it. So
// that a sharded run computes exactly what the unsharded run computes, the grid is cut into segments
// of `SweepRequest.segmentLength` points, each starting from a fresh solver; shards take whole segments.
// Cost: ⌈N / segmentLength⌉ solves from scratch plus N − that many warm re-solves.

import CorridorModel
import CorridorOptimization

/// What a sweep varies.
public enum SweepParameter: Sendable, Equatable {
    /// The capacity of a node, or of both directions of a link.
    case capacity(String)
    /// The cost per unit of a link (both directions).
    case cost(String)
    /// A factor on every demand quantity of the scenario (on top of the scenario's own `demandScale`).
    case demandScale

    /// `capacity`, `cost` or `demandScale`.
    public var kind: String {
        switch self {
        case .capacity: "capacity"
        case .cost: "cost"
        case .demandScale: "demandScale"
        }
    }

    /// The element varied; `nil` for the demand scale.
    public var id: String? {
        switch self {
        case .capacity(let id), .cost(let id): id
        case .demandScale: nil
        }
    }
}

/// Shard `index` of `count` (1-based): a contiguous block of a sweep's segments.
public struct SweepShard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// - Throws: ``SweepRequestError/shardOutOfRange(index:count:)`` unless 1 ≤ index ≤ count.
    public init(index: Int, count: Int) throws(SweepRequestError) {
        guard count >= 1, (1...count).contains(index) else { throw .shardOutOfRange(index: index, count: count) }
        self.index = index
        self.count = count
    }

    /// Reads `i/n`.
    public init(parsing text: String) throws(SweepRequestError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { throw .shardSyntax(text) }
        try self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }
}

/// A sweep to run: the parameter, its range, the number of points, and the shard to compute.
public struct SweepRequest: Sendable, Equatable {
    /// Points per warm-started segment; shards take whole segments (see the top of `Sweep.swift`).
    public static let segmentLength = 10

    public let parameter: SweepParameter
    public let minimum: Double
    public let maximum: Double
    public let steps: Int
    public let shard: SweepShard?

    /// - Throws: ``SweepRequestError`` for steps outside 1…``maximumSteps``, a bound that is not finite,
    ///   minimum > maximum, a negative bound, or a maximum above what the parameter may take.
    public init(
        parameter: SweepParameter, minimum: Double, maximum: Double, steps: Int, shard: SweepShard? = nil
    ) throws(SweepRequestError) {
        guard steps >= 1 else { throw .tooFewSteps(steps) }
        guard steps <= Self.maximumSteps else { throw .tooManySteps(steps, limit: Self.maximumSteps) }
        guard minimum.isFinite else { throw .notFinite(.minimum, minimum) }
        guard maximum.isFinite else { throw .notFinite(.maximum, maximum) }
        guard minimum <= maximum else { throw .minimumAboveMaximum(minimum, maximum) }
        guard minimum >= 0 else { throw .negative(.minimum, minimum, noun: parameter.noun) }
        guard maximum <= parameter.limit else {
            throw .aboveLimit(.maximum, maximum, noun: parameter.noun, limit: parameter.limit)
        }
        let segments = (steps + Self.segmentLength - 1) / Self.segmentLength
        if let shard, shard.count > segments {
            throw .tooManyShards(shard, steps: steps, segments: segments, segmentLength: Self.segmentLength)
        }
        self.parameter = parameter
        self.minimum = minimum
        self.maximum = maximum
        self.steps = steps
        self.shard = shard
    }

    /// The most points one sweep computes.
    public static let maximumSteps = 100_000

    /// The value of point `index`: `minimum + (maximum − minimum)·index/(steps − 1)`, the last exactly
    /// `maximum`; one step gives `minimum` alone.
    public func value(at index: Int) -> Double {
        guard steps > 1 else { return minimum }
        if index == steps - 1 { return maximum }
        return minimum + (maximum - minimum) * Double(index) / Double(steps - 1)
    }

    /// The point indices the shard computes (all of them without a shard).
    public var pointRange: Range<Int> {
        guard let shard else { return 0..<steps }
        let segments = (steps + Self.segmentLength - 1) / Self.segmentLength
        let first = (shard.index - 1) * segments / shard.count
        let last = shard.index * segments / shard.count
        return min(steps, first * Self.segmentLength)..<min(steps, last * Self.segmentLength)
    }
}

extension SweepParameter {
    fileprivate var noun: String {
        switch self {
        case .capacity: "capacity"
        case .cost: "cost"
        case .demandScale: "demand scale"
        }
    }

    /// The largest value the parameter may take (``ModelLimits``); a demand scale is further held to
    /// what keeps every quantity within its limit when the sweep runs.
    fileprivate var limit: Double {
        switch self {
        case .capacity: ModelLimits.capacity
        case .cost: ModelLimits.unitCost
        case .demandScale: ModelLimits.magnitude
        }
    }
}

/// One point of a sweep.
public struct SweepPoint: Sendable, Equatable {
    /// Position on the grid, 0-based.
    public let index: Int
    public let value: Double
    /// The allocation's objective at this value.
    public let objective: Double
    public let unserved: Double
    /// `−d objective / d value`: the objective's decrease per unit increase of the parameter (see
    /// ``sweep(_:_:progress:)`` for how each kind gets it).
    public let marginalValue: Double
    /// Flow through every active crossing, in network order.
    public let crossings: [CrossingFlow]

    public init(index: Int, value: Double, objective: Double, unserved: Double, marginalValue: Double, crossings: [CrossingFlow]) {
        self.index = index
        self.value = value
        self.objective = objective
        self.unserved = unserved
        self.marginalValue = marginalValue
        self.crossings = crossings
    }
}

/// A crossing's throughput.
public struct CrossingFlow: Sendable, Equatable {
    public let id: String
    public let flow: Double

    public init(id: String, flow: Double) {
        self.id = id
        self.flow = flow
    }
}

/// The points of a sweep (or of one shard of it).
public struct SweepResult: Sendable, Equatable {
    public let networkName: String
    public let scenarioID: String
    public let request: SweepRequest
    /// Points in grid order.
    public let points: [SweepPoint]

    public init(networkName: String, scenarioID: String, request: SweepRequest, points: [SweepPoint]) {
        self.networkName = networkName
        self.scenarioID = scenarioID
        self.request = request
        self.points = points
    }

    /// For a whole capacity sweep: the first value at which the capacity's marginal value is 0, the
    /// capacity beyond which more is worth nothing; `nil` if it stays positive, for other kinds, and
    /// for a shard.
    public var marginalValueReachesZero: Double? {
        guard case .capacity = request.parameter, request.shard == nil else { return nil }
        return points.first { $0.marginalValue <= 0 }?.value
    }
}

/// Runs a sweep on a scenario.
///
/// Marginal values, each `−d objective / d value` at the point:
/// - capacity: the shadow price of the element's capacity (a link's two directions added), from
///   GLPK's row duals. Where the objective has a kink the dual is one of its one-sided slopes.
/// - cost: `−(flow on the link, both directions)`: by the envelope theorem the objective grows by the
///   link's flow per unit of cost, wherever the optimal flow on it is unique.
/// - demand scale: `−Σ_k q_k·λ_k` from the LP duals, where `q_k` is demand k's quantity in the
///   scenario and `λ_k` the cost of one more unit of it: its penalty when it is partly or wholly
///   unserved, otherwise its route's cost plus the shadow prices of every node and arc on the route
///   (complementary slackness: every used route prices the same). A demand with nothing to route
///   (scale 0) counts at its penalty, an upper bound on its cost.
///
/// - Parameter progress: called after each point with (points done, points to do).
/// - Throws: ``ImpactError/element(_:)`` for an id that is not an active element of the kind the
///   parameter needs; ``ImpactError/allocation(_:)`` for a value the element cannot take or when GLPK fails.
public func sweep(
    _ network: ActiveNetwork, _ request: SweepRequest, progress: ((Int, Int) -> Void)? = nil
) throws(ImpactError) -> SweepResult {
    let target: SweptTarget
    var adjustable: [ElementReference] = []
    do {
        switch request.parameter {
        case .capacity(let id):
            let element = try network.resolveElement(id, as: .sweptCapacity)
            adjustable.append(element)
            target = .capacity(element)
        case .cost(let id):
            let link = try network.resolveLink(id, as: .sweptCost)
            target = .cost(link, base: network.arcs[link.arcs[0]].cost)
        case .demandScale:
            target = .demandScale
        }
    } catch {
        throw .element(error)
    }
    // Refused before any point is solved: the largest scale must keep every quantity within its limit.
    if case .demandScale = target, let largest = network.demands.max(by: { $0.quantity < $1.quantity }),
        largest.quantity * request.maximum > ModelLimits.quantity
    {
        throw .allocation(
            .outOfRange(
                "quantity of demand \"\(largest.id)\" at demand scale \(JSONValue.format(request.maximum))",
                value: largest.quantity * request.maximum, limit: ModelLimits.quantity))
    }
    let model: AllocationModel
    do {
        model = try AllocationModel(network: network, adjustableCapacities: adjustable)
    } catch {
        throw .allocation(error)
    }
    let range = request.pointRange
    var points: [SweepPoint] = []
    var current: AllocationSolver?
    for index in range {
        let solver: AllocationSolver
        if let current, index % SweepRequest.segmentLength != 0 {
            solver = current
        } else {
            do { solver = try AllocationSolver(model: model) } catch { throw .allocation(error) }
            current = solver
        }
        let value = request.value(at: index)
        points.append(try point(index: index, value: value, target: target, solver: solver))
        progress?(points.count, range.count)
    }
    return SweepResult(
        networkName: network.network.name, scenarioID: network.scenarioID, request: request, points: points)
}

/// What a sweep varies, resolved in its scenario.
private enum SweptTarget {
    case capacity(ElementReference)
    /// A link and its cost in the scenario (the decoded allocation prices the link at it).
    case cost(LinkReference, base: Double)
    case demandScale
}

private func point(index: Int, value: Double, target: SweptTarget, solver: AllocationSolver) throws(ImpactError) -> SweepPoint {
    let allocation: Allocation
    do {
        switch target {
        case .capacity(let element): try solver.updateCapacity(of: element, to: value)
        case .cost(let link, _): try solver.updateCost(of: link, to: value)
        case .demandScale: try solver.updateDemandScale(value)
        }
        allocation = try solver.solve()
    } catch {
        throw .allocation(error)
    }
    var objective = allocation.objective
    let marginalValue: Double
    switch target {
    case .capacity(.node(let node)):
        marginalValue = allocation.nodes[node.index].shadowPrice
    case .capacity(.link(let link)):
        marginalValue = link.arcs.reduce(0) { $0 + allocation.arcs[$1].shadowPrice }
    case .cost(let link, let baseCost):
        let flow = link.arcs.reduce(0) { $0 + allocation.arcs[$1].flow }
        objective += (value - baseCost) * flow
        marginalValue = flow == 0 ? 0 : -flow
    case .demandScale:
        marginalValue = -demandScaleDerivative(allocation, network: solver.model.network)
    }
    return SweepPoint(
        index: index, value: value, objective: objective, unserved: allocation.unserved,
        marginalValue: marginalValue, crossings: allocation.crossings.map { CrossingFlow(id: $0.id, flow: $0.flow) })
}

/// `d objective / d scale` by complementary slackness (see ``sweep(_:_:progress:)``).
private func demandScaleDerivative(_ allocation: Allocation, network: ActiveNetwork) -> Double {
    let nodePrice = Dictionary(allocation.nodes.map { ($0.id, $0.shadowPrice) }, uniquingKeysWith: +)
    var arcPrice: [String: Double] = [:]
    for arc in allocation.arcs { arcPrice["\(arc.linkID)\u{0}\(arc.from)\u{0}\(arc.to)"] = arc.shadowPrice }
    let tolerance = Allocation.tolerance * max(1, allocation.served + allocation.unserved)
    var derivative = 0.0
    for (k, result) in allocation.demands.enumerated() {
        let demand = network.demands[k]
        guard demand.quantity > 0 else { continue }
        guard result.unserved <= tolerance, let route = result.routes.first else {
            derivative += demand.quantity * demand.unservedPenalty
            continue
        }
        var price = route.cost
        for node in route.nodes { price += nodePrice[node] ?? 0 }
        for (step, link) in route.links.enumerated() {
            price += arcPrice["\(link)\u{0}\(route.nodes[step])\u{0}\(route.nodes[step + 1])"] ?? 0
        }
        derivative += demand.quantity * price
    }
    return derivative
}
