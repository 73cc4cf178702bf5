// Criticality: close each active crossing (and, on request, each active link) in turn and measure what
// the allocation loses. Closing sets every limit row of the element to 0 on one warm solver, and the
// re-solve after it is undone (every candidate gets a row in the network's unit when the model is built,
// so unlimited ones can close too). A node at 0 passes nothing — traffic that starts or ends there
// included, since its throughput counts what starts there and what arrives; a link at 0 closes both
// directions.
//
// On a network that declares commodities a limit counts only some of them (a TEU limit no ore), so the
// element is first given a free row in the unit of every commodity it accepts that it has no limit in:
// closed, it stops all of them. Cost: one solve from scratch, then two warm re-solves per candidate.

import CorridorModel
import CorridorOptimization

/// How much worse the allocation gets when one element closes.
public struct CriticalityEntry: Sendable, Equatable {
    /// Whether the element is a crossing node or a link.
    public enum Kind: String, Sendable { case crossing, link }
    public let id: String
    public let kind: Kind
    /// Objective with the element closed minus the baseline objective (≥ 0).
    public let costIncrease: Double
    /// Unserved quantity with the element closed minus the baseline's, over the commodities measured in
    /// the network's unit (all of it on a network that declares none).
    public let unservedIncrease: Double
    /// Per commodity, in the order of ``CriticalityResult/commodities``: served with the element closed
    /// minus served with everything open (≤ 0), in the commodity's unit.
    public let servedChanges: [Double]
}

/// The ranking of a scenario's crossings (and links) by what closing them costs.
public struct CriticalityResult: Sendable {
    public let networkName: String
    public let scenarioID: String
    /// The objective and unserved quantity (in the network's unit) with everything open.
    public let baselineObjective: Double
    public let baselineUnserved: Double
    /// Every commodity with everything open (the one implicit commodity of a network that declares none).
    public let commodities: [Allocation.CommodityResult]
    /// Worst first: by cost increase, then unserved increase (both descending), then id.
    public let ranking: [CriticalityEntry]
}

/// Closes each active crossing (with `includeLinks`, each active link too) and ranks them.
///
/// Increases within `1e-9 ×` the baseline objective (or quantity, per commodity) of zero are reported as
/// 0, and compared with that tolerance when ranking, so the order depends on the network, not on the
/// order of its file or on solver noise.
///
/// - Throws: ``ImpactError/allocation(_:)`` when GLPK fails.
public func criticality(of network: ActiveNetwork, includeLinks: Bool = false) throws(ImpactError) -> CriticalityResult {
    var candidates: [(element: ElementReference, kind: CriticalityEntry.Kind)] = []
    for (index, node) in network.nodes.enumerated() where node.kind == .crossing {
        candidates.append((.node(network.reference(toNode: index)), .crossing))
    }
    if includeLinks {
        var seen: Set<String> = []
        for arc in network.arcs where seen.insert(arc.linkID).inserted {
            if let link = network.linkReference(of: arc.linkID) { candidates.append((.link(link), .link)) }
        }
    }
    let closable = ClosableNetwork(network, closing: candidates.map(\.element))
    let entries: [CriticalityEntry]
    let baseline: Allocation
    do {
        let solver = try AllocationSolver(
            model: AllocationModel(network: closable.network, adjustableCapacities: candidates.map(\.element)))
        try closable.liftAddedRows(in: solver)
        baseline = try solver.solve()
        let costTolerance = 1e-9 * max(1, abs(baseline.objective))
        let quantityTolerance = 1e-9 * max(1, baseline.served + baseline.unserved)
        var found: [CriticalityEntry] = []
        for (candidate, closure) in zip(candidates, closable.closures) {
            try closure.close(in: solver)
            let closed = try solver.solve()
            try closure.reopen(in: solver)
            let cost = closed.objective - baseline.objective
            let unserved = closed.unserved - baseline.unserved
            let servedChanges = zip(closed.commodities, baseline.commodities).map { after, before in
                let change = after.served - before.served
                return abs(change) <= 1e-9 * max(1, before.quantity) ? 0 : change
            }
            found.append(
                CriticalityEntry(
                    id: candidate.element.id, kind: candidate.kind, costIncrease: abs(cost) <= costTolerance ? 0 : cost,
                    unservedIncrease: abs(unserved) <= quantityTolerance ? 0 : unserved, servedChanges: servedChanges))
        }
        entries = found.sorted { lhs, rhs in
            if abs(lhs.costIncrease - rhs.costIncrease) > costTolerance { return lhs.costIncrease > rhs.costIncrease }
            if abs(lhs.unservedIncrease - rhs.unservedIncrease) > quantityTolerance {
                return lhs.unservedIncrease > rhs.unservedIncrease
            }
            if lhs.id != rhs.id { return lhs.id < rhs.id }
            return lhs.kind.rawValue < rhs.kind.rawValue
        }
    } catch {
        throw .allocation(error)
    }
    return CriticalityResult(
        networkName: network.network.name, scenarioID: network.scenarioID, baselineObjective: baseline.objective,
        baselineUnserved: baseline.unserved, commodities: baseline.commodities, ranking: entries)
}

/// A scenario's network with a row for every limit that closing its candidates needs.
private struct ClosableNetwork {
    /// The scenario's network, candidates given a limit of ``ModelLimits/capacity`` in each unit they
    /// lack (lifted before the first solve, ``liftAddedRows(in:)``).
    let network: ActiveNetwork
    /// How to close each candidate, in the order given.
    let closures: [Closure]
    /// The rows added only for closing: a node, or one direction of a link, and the measure.
    private let added: [(part: ElementReference, measure: CapacityMeasure)]

    init(_ scenario: ActiveNetwork, closing elements: [ElementReference]) {
        let unit = scenario.network.unit
        /// The measure that counts commodity `c`: the network's unit or its own.
        func unitMeasure(_ c: Int) -> CapacityMeasure {
            let commodityUnit = scenario.commodities[c].unit
            return commodityUnit == unit ? .networkUnit : .unit(commodityUnit)
        }
        var nodeLimits: [Int: [CapacityLimit]] = [:]
        var arcLimits: [Int: [CapacityLimit]] = [:]
        var added: [(part: ElementReference, measure: CapacityMeasure)] = []
        var closures: [Closure] = []
        for element in elements {
            // Each part (a node, or each direction of a link) with its limits, and what it accepts.
            let parts: [(part: ElementReference, limits: [CapacityLimit], accepts: (Int) -> Bool)]
            switch element {
            case .node(let node):
                let accepts = { scenario.terms(ofNode: node.index, commodity: $0).accepts }
                parts = [(element, scenario.nodes[node.index].limits, accepts)]
            case .link(let link):
                parts = link.arcs.indices.map { position in
                    let a = link.arcs[position]
                    let accepts = { scenario.terms(ofArc: a, commodity: $0).accepts }
                    return (.link(link.direction(position)), scenario.arcs[a].limits, accepts)
                }
            }
            var measures: [CapacityMeasure] = [.networkUnit]
            for part in parts {
                let needed = part.limits.map(\.measure) + scenario.commodities.indices.filter(part.accepts).map(unitMeasure)
                for measure in needed where !measures.contains(measure) { measures.append(measure) }
            }
            for part in parts {
                let missing = measures.filter { $0 != .networkUnit && part.limits.value(in: $0) == nil }
                guard !missing.isEmpty else { continue }
                let limits = part.limits + missing.map { CapacityLimit($0, ModelLimits.capacity) }
                switch part.part {
                case .node(let node): nodeLimits[node.index] = limits
                case .link(let direction): arcLimits[direction.arcs[0]] = limits
                }
                added += missing.map { (part.part, $0) }
            }
            closures.append(
                Closure(
                    element: element, measures: measures,
                    parts: parts.map { part in (part.part, measures.map { part.limits.value(in: $0) }) }))
        }
        self.network =
            nodeLimits.isEmpty && arcLimits.isEmpty ? scenario : scenario.replacingLimits(nodes: nodeLimits, arcs: arcLimits)
        self.closures = closures
        self.added = added
    }

    /// Makes the rows added for closing free, as the scenario has them.
    func liftAddedRows(in solver: AllocationSolver) throws(AllocationError) {
        for (part, measure) in added { try solver.updateCapacity(of: part, measure: measure, to: nil) }
    }
}

/// What closing one element sets, and what reopening it restores.
private struct Closure {
    let element: ElementReference
    /// Every measure the element has a row in: the network's unit, its limits', its commodities' units.
    let measures: [CapacityMeasure]
    /// The node, or each direction of the link, with its value in each of ``measures`` under the
    /// scenario (`nil`: unlimited).
    let parts: [(part: ElementReference, values: [Double?])]

    /// Every row of the element at 0.
    func close(in solver: AllocationSolver) throws(AllocationError) {
        for measure in measures { try solver.updateCapacity(of: element, measure: measure, to: 0) }
    }

    /// Every row back at the scenario's value, each direction of a link at its own.
    func reopen(in solver: AllocationSolver) throws(AllocationError) {
        for (part, values) in parts {
            for (measure, value) in zip(measures, values) { try solver.updateCapacity(of: part, measure: measure, to: value) }
        }
    }
}
