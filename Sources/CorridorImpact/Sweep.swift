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
    /// The capacity of a node, or of both directions of a link, in a measure: `trains`, `vehicles` or a
    /// unit; `nil` is the default of ``CorridorModel/ActiveNetwork/sweptMeasure(of:named:)``. A sweep's
    /// result names the measure it used on a network that declares commodities, and leaves it `nil` on
    /// one that does not (where the network's unit is the only one).
    case capacity(String, measure: String? = nil)
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
        case .capacity(let id, _), .cost(let id): id
        case .demandScale: nil
        }
    }

    /// The measure of a capacity sweep, when named; `nil` for the other kinds.
    public var measure: String? {
        guard case .capacity(_, let measure) = self else { return nil }
        return measure
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

    public private(set) var parameter: SweepParameter
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

    /// This request with the parameter as the sweep resolved it (the measure it used).
    func resolving(_ parameter: SweepParameter) -> SweepRequest {
        var request = self
        request.parameter = parameter
        return request
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
    /// Unserved quantity over the commodities measured in the network's unit (all of it on a network
    /// that declares no commodities).
    public let unserved: Double
    /// `−d objective / d value`: the objective's decrease per unit increase of the parameter (see
    /// ``sweep(_:_:progress:)`` for how each kind gets it).
    public let marginalValue: Double
    /// Flow through every active crossing, in network order.
    public let crossings: [CrossingFlow]
    /// Served and unserved per commodity, in the order of ``SweepResult/commodities``; empty on a network
    /// that declares no commodities.
    public let service: [CommodityService]

    public init(
        index: Int, value: Double, objective: Double, unserved: Double, marginalValue: Double, crossings: [CrossingFlow],
        service: [CommodityService] = []
    ) {
        self.index = index
        self.value = value
        self.objective = objective
        self.unserved = unserved
        self.marginalValue = marginalValue
        self.crossings = crossings
        self.service = service
    }
}

/// A crossing's throughput.
public struct CrossingFlow: Sendable, Equatable {
    public let id: String
    /// Over the commodities measured in the network's unit.
    public let flow: Double
    /// Per commodity, each in its unit, in the order of ``SweepResult/commodities``; empty on a network
    /// that declares no commodities.
    public let flows: [Double]

    public init(id: String, flow: Double, flows: [Double] = []) {
        self.id = id
        self.flow = flow
        self.flows = flows
    }
}

/// A commodity a sweep reports on: a network's declared commodity.
public struct SweepCommodity: Sendable, Equatable {
    public let id: String
    public let name: String
    public let unit: String

    public init(id: String, name: String, unit: String) {
        self.id = id
        self.name = name
        self.unit = unit
    }
}

/// One commodity's quantity served and unserved at a sweep point, in its unit.
public struct CommodityService: Sendable, Equatable {
    public let served: Double
    public let unserved: Double

    public init(served: Double, unserved: Double) {
        self.served = served
        self.unserved = unserved
    }
}

/// Where a sweep's objective changes slope: the objective is piecewise linear in a capacity or a cost, and
/// linear between consecutive breakpoints. The first breakpoint of a sweep is its first value.
public struct SweepBreakpoint: Sendable, Equatable {
    public let value: Double
    /// The objective at ``value``.
    public let objective: Double
    /// `−d objective / d value` from ``value`` up to the next breakpoint (the end of the range for the last).
    public let marginalValue: Double

    public init(value: Double, objective: Double, marginalValue: Double) {
        self.value = value
        self.objective = objective
        self.marginalValue = marginalValue
    }
}

/// The points of a sweep (or of one shard of it).
public struct SweepResult: Sendable, Equatable {
    public let networkName: String
    public let scenarioID: String
    /// The request, its capacity measure resolved (see ``SweepParameter/capacity(_:measure:)``).
    public let request: SweepRequest
    /// The network's declared commodities, whose service and crossing flows each point gives; empty
    /// when it declares none.
    public let commodities: [SweepCommodity]
    /// Points in grid order.
    public let points: [SweepPoint]
    /// For a capacity or cost sweep, the exact breakpoints over the range (a shard: over its part of the
    /// range, from its first value up to the next shard's); empty for the demand scale.
    public let breakpoints: [SweepBreakpoint]

    public init(
        networkName: String, scenarioID: String, request: SweepRequest, commodities: [SweepCommodity] = [],
        points: [SweepPoint], breakpoints: [SweepBreakpoint] = []
    ) {
        self.networkName = networkName
        self.scenarioID = scenarioID
        self.request = request
        self.commodities = commodities
        self.points = points
        self.breakpoints = breakpoints
    }

    /// The smallest value from which the marginal value is 0 up to the end of the range, from the exact
    /// breakpoints: capacity beyond it is worth nothing, or (a cost sweep) the link carries nothing at a
    /// cost above it. `nil` when the marginal value is not 0 at the end, for a shard, and for the demand scale.
    public var zeroAt: Double? {
        guard request.shard == nil, let last = breakpoints.last, last.marginalValue == 0 else { return nil }
        return last.value
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
/// - capacity: the shadow price of the element's limit in the swept measure (a link's two directions
///   added), from GLPK's row duals: money per extra train, vehicle or unit. Where the objective has a
///   kink the dual is one of its one-sided slopes.
/// - cost: `−(flow on the link, both directions)` of the commodities that pay the link's cost (those
///   without a cost of their own on it): by the envelope theorem the objective grows by that flow per
///   unit of cost, wherever the optimal flow on it is unique.
/// - demand scale: `−Σ_k q_k·λ_k` from the LP duals, where `q_k` is demand k's quantity in the
///   scenario and `λ_k` the cost of one more unit of it: its penalty when it is partly or wholly
///   unserved, otherwise its route's cost plus the shadow price of every limit on the route, each
///   weighted by what one unit of the demand's commodity counts in it (complementary slackness: every
///   used route prices the same). A demand with nothing to route (scale 0) counts at its penalty, an
///   upper bound on its cost.
///
/// - Parameter progress: called after each point with (points done, points to do).
/// - Throws: ``ImpactError/element(_:)`` for an id that is not an active element of the kind the
///   parameter needs; ``ImpactError/allocation(_:)`` for a value the element cannot take, for a measure
///   the element has no limit in (``AllocationError/notAdjustable(_:)``;
///   ``CorridorModel/ActiveNetwork/sweptMeasure(of:named:)`` says why), or when GLPK fails.
public func sweep(
    _ network: ActiveNetwork, _ request: SweepRequest, progress: ((Int, Int) -> Void)? = nil
) throws(ImpactError) -> SweepResult {
    let (target, parameter) = try resolve(request.parameter, in: network)
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
        var adjustable: [ElementReference] = []
        if case .capacity(let element, .networkUnit) = target { adjustable.append(element) }
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
    let commodities =
        network.network.declaresCommodities
        ? network.commodities.map { SweepCommodity(id: $0.id, name: $0.name, unit: $0.unit) } : []
    var breakpoints: [SweepBreakpoint] = []
    if !range.isEmpty, target.hasBreakpoints {
        let start = request.value(at: range.lowerBound)
        let end = range.upperBound < request.steps ? request.value(at: range.upperBound) : request.maximum
        breakpoints = try exactBreakpoints(
            of: target, model: model, from: start, to: end, includingEnd: range.upperBound == request.steps)
    }
    return SweepResult(
        networkName: network.network.name, scenarioID: network.scenarioID, request: request.resolving(parameter),
        commodities: commodities, points: points, breakpoints: breakpoints)
}

/// The most breakpoints one sweep looks for; a range with more ends its list there.
let maximumBreakpoints = 10_000

/// The breakpoints of the objective over `[start, end)` (`[start, end]` with `includingEnd`), by parametric
/// re-solving: at each value the optimal basis's range (``CorridorOptimization/AllocationSolver/capacityRange(of:measure:arc:)``,
/// ``CorridorOptimization/AllocationSolver/costRange(of:at:)``) says how far the objective stays on its line;
/// just past that end a warm re-solve finds the next basis and its slope. A basis change that leaves the slope
/// as it was (a degenerate one) is not a breakpoint. A range end carries the simplex's primal noise (GLPK
/// works to 1e-7 relative; an end at 40 comes out as 40.0000001), so the values and objectives found there
/// are rounded to 8 significant digits and slopes to 12, which also makes shards and the whole run give the
/// same numbers. The first value is `start` exactly (`min` itself, or a shard's first grid point, as its
/// point has it), and a range end that rounds like `end` is `end` exactly (`max` as given).
private func exactBreakpoints(
    of target: SweptTarget, model: AllocationModel, from start: Double, to end: Double, includingEnd: Bool
) throws(ImpactError) -> [SweepBreakpoint] {
    let solver: AllocationSolver
    do { solver = try AllocationSolver(model: model) } catch { throw .allocation(error) }
    var value = start
    var state = try point(index: 0, value: value, target: target, solver: solver)
    var breakpoints = [
        SweepBreakpoint(
            value: value, objective: state.objective.rounded(significantDigits: 8),
            marginalValue: state.marginalValue.rounded(significantDigits: 12))
    ]
    while breakpoints.count < maximumBreakpoints {
        let upper: Double
        do {
            switch target {
            case .capacity(let element, let measure): upper = try solver.capacityRange(of: element, measure: measure).upper
            case .cost(let link, _): upper = try solver.costRange(of: link, at: value).upper
            case .demandScale: return breakpoints
            }
        } catch {
            throw .allocation(error)
        }
        guard upper < end else { break }
        // On the line up to `upper`; just past it, the next basis.
        let objectiveThere = state.objective - state.marginalValue * (upper - value)
        let probe = upper + max(1e-9, 1e-10 * abs(upper))
        guard probe < end || includingEnd else { break }
        value = min(probe, end)
        state = try point(index: 0, value: value, target: target, solver: solver)
        let slope = state.marginalValue.rounded(significantDigits: 12)
        if let last = breakpoints.last, abs(slope - last.marginalValue) > 1e-9 * max(1, abs(slope), abs(last.marginalValue)) {
            breakpoints.append(
                SweepBreakpoint(
                    value: upper.rounded(significantDigits: 8) == end.rounded(significantDigits: 8) ? end : upper.rounded(significantDigits: 8),
                    objective: objectiveThere.rounded(significantDigits: 8), marginalValue: slope))
        }
    }
    return breakpoints
}

/// What a sweep varies, resolved in its scenario.
private enum SweptTarget {
    /// An element's limit in one measure.
    case capacity(ElementReference, CapacityMeasure)
    /// A link and its cost in the scenario (the decoded allocation prices the link at it).
    case cost(LinkReference, base: Double)
    case demandScale

    /// Capacities and costs get exact breakpoints; the demand scale moves every quantity at once and has none.
    var hasBreakpoints: Bool {
        if case .demandScale = self { return false }
        return true
    }
}

/// The parameter's element (and measure) in the scenario, and the parameter naming the measure the
/// sweep uses on a network that declares commodities.
private func resolve(_ parameter: SweepParameter, in network: ActiveNetwork) throws(ImpactError) -> (SweptTarget, SweepParameter) {
    switch parameter {
    case .capacity(let id, let name):
        let element: ElementReference
        do { element = try network.resolveElement(id, as: .sweptCapacity) } catch { throw .element(error) }
        let measure: CapacityMeasure
        do { measure = try network.sweptMeasure(of: element, named: name) } catch { throw .allocation(.notAdjustable(id)) }
        let base = network.network
        let named = base.declaresCommodities ? measure.name(networkUnit: base.unit) : nil
        return (.capacity(element, measure), .capacity(id, measure: named))
    case .cost(let id):
        let link: LinkReference
        do { link = try network.resolveLink(id, as: .sweptCost) } catch { throw .element(error) }
        return (.cost(link, base: network.arcs[link.arcs[0]].cost), parameter)
    case .demandScale:
        return (.demandScale, parameter)
    }
}

private func point(index: Int, value: Double, target: SweptTarget, solver: AllocationSolver) throws(ImpactError) -> SweepPoint {
    let allocation: Allocation
    do {
        switch target {
        case .capacity(let element, let measure): try solver.updateCapacity(of: element, measure: measure, to: value)
        case .cost(let link, _): try solver.updateCost(of: link, to: value)
        case .demandScale: try solver.updateDemandScale(value)
        }
        allocation = try solver.solve()
    } catch {
        throw .allocation(error)
    }
    let network = solver.model.network
    var objective = allocation.objective
    let marginalValue: Double
    switch target {
    case .capacity(.node(let node), let measure):
        marginalValue = price(of: measure, in: allocation.nodes[node.index].limits, network: network)
    case .capacity(.link(let link), let measure):
        marginalValue = link.arcs.reduce(0) { $0 + price(of: measure, in: allocation.arcs[$1].limits, network: network) }
    case .cost(let link, let baseCost):
        var flow = 0.0
        for a in link.arcs {
            for c in network.commodities.indices where !network.terms(ofArc: a, commodity: c).hasOwnCost {
                flow += allocation.arcs[a].flows[c]
            }
        }
        objective += (value - baseCost) * flow
        marginalValue = flow == 0 ? 0 : -flow
    case .demandScale:
        marginalValue = -demandScaleDerivative(allocation, network: network)
    }
    let perCommodity = network.network.declaresCommodities
    return SweepPoint(
        index: index, value: value, objective: objective, unserved: allocation.unserved, marginalValue: marginalValue,
        crossings: allocation.crossings.map { CrossingFlow(id: $0.id, flow: $0.flow, flows: perCommodity ? $0.flows : []) },
        service: perCommodity ? allocation.commodities.map { CommodityService(served: $0.served, unserved: $0.unserved) } : [])
}

/// The shadow price of the limit in `measure` among an element's (one direction's) limits; 0 without one.
private func price(of measure: CapacityMeasure, in limits: [Allocation.LimitResult], network: ActiveNetwork) -> Double {
    let name = measure.name(networkUnit: network.network.unit)
    return limits.first { $0.measure == name }?.shadowPrice ?? 0
}

/// `d objective / d scale` by complementary slackness (see ``sweep(_:_:progress:)``).
private func demandScaleDerivative(_ allocation: Allocation, network: ActiveNetwork) -> Double {
    let unit = network.network.unit
    let nodeLimits = Dictionary(allocation.nodes.map { ($0.id, $0.limits) }, uniquingKeysWith: +)
    var arcLimits: [String: [Allocation.LimitResult]] = [:]
    for arc in allocation.arcs { arcLimits["\(arc.linkID)\u{0}\(arc.from)\u{0}\(arc.to)"] = arc.limits }
    /// What one unit of commodity `c` adds to these limits' rows, priced: `Σ price / load`.
    func limitPrice(_ limits: [Allocation.LimitResult]?, commodity c: Int) -> Double {
        var total = 0.0
        for limit in limits ?? [] {
            guard let weight = network.weights(in: CapacityMeasure(key: limit.measure, networkUnit: unit))[c] else { continue }
            total += weight * limit.shadowPrice
        }
        return total
    }
    let tolerance = Allocation.tolerance * max(1, allocation.commodities.reduce(0) { $0 + $1.quantity })
    var derivative = 0.0
    for (k, result) in allocation.demands.enumerated() {
        let demand = network.demands[k]
        guard demand.quantity > 0 else { continue }
        guard result.unserved <= tolerance, let route = result.routes.first else {
            derivative += demand.quantity * demand.unservedPenalty
            continue
        }
        var price = route.cost
        for node in route.nodes { price += limitPrice(nodeLimits[node], commodity: demand.commodity) }
        for (step, link) in route.links.enumerated() {
            price += limitPrice(arcLimits["\(link)\u{0}\(route.nodes[step])\u{0}\(route.nodes[step + 1])"], commodity: demand.commodity)
        }
        derivative += demand.quantity * price
    }
    return derivative
}
