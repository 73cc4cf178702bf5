// Criticality: close each active crossing (and, on request, each active link) in turn and measure what
// the allocation loses. Closing is a capacity of 0 set on one warm solver and undone after the
// re-solve (every candidate gets a capacity row when the model is built, so unlimited ones can close
// too). A node at capacity 0 passes nothing — traffic that starts or ends there included, since its
// throughput counts what starts there and what arrives; a link at capacity 0 closes both directions.
// Cost: one solve from scratch, then two warm re-solves per candidate.

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
    /// Unserved quantity with the element closed minus the baseline's.
    public let unservedIncrease: Double
}

/// The ranking of a scenario's crossings (and links) by what closing them costs.
public struct CriticalityResult: Sendable {
    public let networkName: String
    public let scenarioID: String
    /// The objective and unserved quantity with everything open.
    public let baselineObjective: Double
    public let baselineUnserved: Double
    /// Worst first: by cost increase, then unserved increase (both descending), then id.
    public let ranking: [CriticalityEntry]
}

/// Closes each active crossing (with `includeLinks`, each active link too) and ranks them.
///
/// Increases within `1e-9 ×` the baseline objective (or quantity) of zero are reported as 0, and
/// compared with that tolerance when ranking, so the order depends on the network, not on the order
/// of its file or on solver noise.
///
/// - Throws: ``ImpactError/allocation(_:)`` when GLPK fails.
public func criticality(of network: ActiveNetwork, includeLinks: Bool = false) throws(ImpactError) -> CriticalityResult {
    var candidates: [(element: ElementReference, kind: CriticalityEntry.Kind, capacity: Double?)] = []
    for (index, node) in network.nodes.enumerated() where node.kind == .crossing {
        candidates.append((.node(network.reference(toNode: index)), .crossing, node.capacity))
    }
    if includeLinks {
        var seen: Set<String> = []
        for arc in network.arcs where seen.insert(arc.linkID).inserted {
            if let link = network.linkReference(of: arc.linkID) { candidates.append((.link(link), .link, arc.capacity)) }
        }
    }
    let entries: [CriticalityEntry]
    let baseline: Allocation
    do {
        let solver = try AllocationSolver(
            model: AllocationModel(network: network, adjustableCapacities: candidates.map(\.element)))
        baseline = try solver.solve()
        let costTolerance = 1e-9 * max(1, abs(baseline.objective))
        let quantityTolerance = 1e-9 * max(1, baseline.served + baseline.unserved)
        var found: [CriticalityEntry] = []
        for candidate in candidates {
            try solver.updateCapacity(of: candidate.element, to: 0)
            let closed = try solver.solve()
            try solver.updateCapacity(of: candidate.element, to: candidate.capacity)
            let cost = closed.objective - baseline.objective
            let unserved = closed.unserved - baseline.unserved
            found.append(
                CriticalityEntry(
                    id: candidate.element.id, kind: candidate.kind, costIncrease: abs(cost) <= costTolerance ? 0 : cost,
                    unservedIncrease: abs(unserved) <= quantityTolerance ? 0 : unserved))
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
        baselineUnserved: baseline.unserved, ranking: entries)
}
