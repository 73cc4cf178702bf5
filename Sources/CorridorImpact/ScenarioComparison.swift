import CorridorModel
import CorridorOptimization
import CorridorRouting

/// Two scenarios of one network side by side: their allocations and max-flows on the file's demand,
/// what changed at each crossing, and which demands moved where.
///
/// On a network that declares commodities, max-flow and transit time are per commodity (their units
/// do not add up), and every crossing carries its flows per commodity and the limits at it: its own
/// and those of each direction of the links that end there (a rail link's trains a day each way).
public struct ScenarioComparison: Sendable {
    /// One scenario's results.
    public struct Outcome: Sendable {
        public let network: ActiveNetwork
        public let allocation: Allocation
        /// Max-flow and transit time per commodity, in the order of ``Allocation/commodities``: the one
        /// implicit commodity of a network that declares none, which is then the whole network.
        public let commodities: [CommodityOutcome]

        /// On a network that declares no commodities, the max-flow from every origin to every
        /// destination of a servable demand; `nil` when there is none (``maxFlowNote`` says why), and on
        /// a network that declares commodities (see ``commodities``).
        public var maxFlow: MaxFlowResult? { whole?.maxFlow }
        public var maxFlowNote: String? { whole?.maxFlowNote }
        /// On a network that declares no commodities, `Σ route flow × route hours / Σ served / 24`;
        /// `nil` when nothing is served, and on a network that declares commodities.
        public var meanTransitDays: Double? { whole?.meanTransitDays }

        /// The one commodity of a network that declares none.
        private var whole: CommodityOutcome? { network.network.declaresCommodities ? nil : commodities.first }
    }

    /// One commodity's max-flow and transit time in one scenario, on the network as it sees it
    /// (``CorridorModel/ActiveNetwork/carrying(_:)``: its arcs, and every limit turned into its unit).
    public struct CommodityOutcome: Sendable {
        /// Its quantity, served and unserved, as the allocation gives them.
        public let commodity: Allocation.CommodityResult
        /// The max-flow from every origin to every destination of its servable demands; `nil` when
        /// there is none (``maxFlowNote`` says why).
        public let maxFlow: MaxFlowResult?
        public let maxFlowNote: String?
        /// `Σ route flow × route hours / Σ served / 24` over its demands; `nil` when none is served.
        public let meanTransitDays: Double?
    }

    /// One crossing's figures in one scenario.
    public struct CrossingState: Sendable, Equatable {
        /// Over the commodities measured in the network's unit, as ``Allocation/CrossingResult``.
        public let flow: Double
        public let share: Double
        public let capacity: Double?
        public let utilisation: Double?
        public let shadowPrice: Double
        /// Throughput per commodity, each in its unit, in the order of ``Allocation/commodities``.
        public let flows: [Double]
        /// The crossing's own limits.
        public let limits: [Allocation.LimitResult]
    }

    /// One direction of a link in one scenario.
    public struct DirectionState: Sendable, Equatable {
        /// Flow per commodity, in the order of ``Allocation/commodities``.
        public let flows: [Double]
        public let limits: [Allocation.LimitResult]
    }

    /// One direction of a link that ends at a crossing; a side is `nil` where the link is off.
    public struct DirectionChange: Sendable, Equatable {
        public let linkID: String
        /// True for the `to → from` direction of a bidirectional link.
        public let isReverse: Bool
        public let from: String
        public let to: String
        public let before: DirectionState?
        public let after: DirectionState?
        /// Per commodity, `after − before`, an off side counting as 0.
        public var flowChanges: [Double] { difference(before?.flows, after?.flows) }
        public var limitChanges: [LimitChange] { LimitChange.pairing(before?.limits, after?.limits) }
    }

    /// One limit in both scenarios, matched by measure; a side is `nil` where it does not exist.
    public struct LimitChange: Sendable, Equatable {
        /// `trains`, `vehicles` or a unit.
        public let measure: String
        public let before: Allocation.LimitResult?
        public let after: Allocation.LimitResult?
        public var shadowPriceChange: Double { (after?.shadowPrice ?? 0) - (before?.shadowPrice ?? 0) }

        /// The limits of both sides, in the order of `before`'s, then those only `after` has.
        static func pairing(_ before: [Allocation.LimitResult]?, _ after: [Allocation.LimitResult]?) -> [LimitChange] {
            let old = before ?? []
            let new = after ?? []
            let measures = old.map(\.measure) + new.map(\.measure).filter { measure in !old.contains { $0.measure == measure } }
            return measures.map { measure in
                LimitChange(
                    measure: measure, before: old.first { $0.measure == measure }, after: new.first { $0.measure == measure })
            }
        }
    }

    /// A crossing active in either scenario; a side is `nil` where the crossing is off.
    public struct CrossingChange: Sendable, Equatable {
        public let id: String
        public let name: String
        public let before: CrossingState?
        public let after: CrossingState?
        /// Every direction of a link with an end at the crossing, active in either scenario, in file order
        /// (a link's forward direction first).
        public let links: [DirectionChange]
        /// `after − before` of the flow, an off side counting as 0.
        public var flowChange: Double { (after?.flow ?? 0) - (before?.flow ?? 0) }
        public var shareChange: Double { (after?.share ?? 0) - (before?.share ?? 0) }
        public var shadowPriceChange: Double { (after?.shadowPrice ?? 0) - (before?.shadowPrice ?? 0) }
        /// Per commodity, `after − before` of the throughput, an off side counting as 0.
        public var flowChanges: [Double] { difference(before?.flows, after?.flows) }
        /// The crossing's own limits in both scenarios.
        public var limitChanges: [LimitChange] { LimitChange.pairing(before?.limits, after?.limits) }
    }

    /// Where a demand's flow goes: the crossings its routes pass (in path order), or unserved.
    public enum Channel: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// Routes through these crossings, in path order; empty for a route that passes none.
        case via([String])
        case unserved

        /// `dostyk`, `dostyk+brest`, `no crossing`, or `unserved`.
        public var description: String {
            switch self {
            case .via(let crossings): crossings.isEmpty ? "no crossing" : crossings.joined(separator: "+")
            case .unserved: "unserved"
            }
        }

        public static func < (lhs: Channel, rhs: Channel) -> Bool { lhs.description < rhs.description }
    }

    /// A demand's flow in one channel.
    public struct ChannelFlow: Sendable, Equatable {
        public let channel: Channel
        public let flow: Double
    }

    /// Flow that left one channel for another (`from`/`to` `nil`: demand that disappeared or appeared,
    /// when the scenarios' quantities differ).
    public struct Shift: Sendable, Equatable {
        public let from: Channel?
        public let to: Channel?
        public let flow: Double
    }

    /// A demand whose split over channels differs between the scenarios.
    public struct DemandChange: Sendable, Equatable {
        public let id: String
        /// Its commodity's id (the network's unit on a network that declares none), and the unit of its flows.
        public let commodity: String
        public let unit: String
        public let origin: String
        public let destination: String
        /// Channel flows in each scenario, largest first.
        public let before: [ChannelFlow]
        public let after: [ChannelFlow]
        /// Decreases matched to increases, largest first.
        public let shifts: [Shift]
        /// `Σ |after − before|` over channels, halved: the flow that moved (plus half any change in quantity).
        public let size: Double
    }

    public let baseline: Outcome
    public let scenario: Outcome
    /// Every crossing active in either scenario, in network order.
    public let crossings: [CrossingChange]
    /// Demands whose channels changed, largest ``DemandChange/size`` first, then by id.
    public let changes: [DemandChange]
}

/// Allocates and max-flows two scenarios of one network and lines up the results.
///
/// - Throws: ``ImpactError/allocation(_:)`` when either allocation fails.
public func compare(
    baseline: ActiveNetwork, scenario: ActiveNetwork
) throws(ImpactError) -> ScenarioComparison {
    compare(try outcome(of: baseline), try outcome(of: scenario))
}

/// Lines up two scenarios' results already computed (one kept from an earlier comparison, one solved
/// warm, as the server's explorer does).
public func compare(_ before: ScenarioComparison.Outcome, _ after: ScenarioComparison.Outcome) -> ScenarioComparison {
    // A demand's channels are compared to 1e-7 of its commodity's larger total quantity.
    var tolerance: [String: Double] = [:]
    for (old, new) in zip(before.allocation.commodities, after.allocation.commodities) {
        tolerance[old.id] = 1e-7 * max(1, old.quantity, new.quantity)
    }
    return ScenarioComparison(
        baseline: before, scenario: after, crossings: crossingChanges(before, after),
        changes: demandChanges(before.allocation, after.allocation, tolerance: tolerance))
}

/// A scenario's results for ``compare(_:_:)``: its allocation (solved cold), max-flows and transit times.
public func outcome(of network: ActiveNetwork) throws(ImpactError) -> ScenarioComparison.Outcome {
    let allocation: Allocation
    do {
        allocation = try allocate(network)
    } catch {
        throw .allocation(error)
    }
    return outcome(of: network, allocation: allocation)
}

/// A scenario's results around an allocation of `network` solved elsewhere (warm, for instance).
public func outcome(of network: ActiveNetwork, allocation: Allocation) -> ScenarioComparison.Outcome {
    ScenarioComparison.Outcome(
        network: network, allocation: allocation,
        commodities: allocation.commodities.indices.map { commodityOutcome($0, network: network, allocation: allocation) })
}

/// Commodity `c`'s max-flow on the network as it sees it (the whole network when none is declared) and
/// its mean transit time.
private func commodityOutcome(_ c: Int, network: ActiveNetwork, allocation: Allocation) -> ScenarioComparison.CommodityOutcome {
    let commodity = allocation.commodities[c]
    var maxFlow: MaxFlowResult?
    var note: String?
    do {
        maxFlow = try maximumFlow(in: network.network.declaresCommodities ? network.carrying(c) : network)
    } catch MaxFlowNetworkError.sourceIsSink(let id, fromDemands: true) {
        note = "not computed: node \"\(id)\" is both an origin and a destination of these demands, so they give no "
            + "one source and sink set; the maxflow command computes it between sources and sinks of your choice"
    } catch {
        note = error.description
    }
    var hours = 0.0
    for demand in allocation.demands where demand.commodity == commodity.id {
        for route in demand.routes { hours += route.flow * route.hours }
    }
    return ScenarioComparison.CommodityOutcome(
        commodity: commodity, maxFlow: maxFlow, maxFlowNote: note,
        meanTransitDays: commodity.served > 0 ? hours / commodity.served / 24 : nil)
}

/// `new − old` per commodity, a missing side counting as zeros.
private func difference(_ old: [Double]?, _ new: [Double]?) -> [Double] {
    let count = max(old?.count ?? 0, new?.count ?? 0)
    return (0..<count).map { (new?[$0] ?? 0) - (old?[$0] ?? 0) }
}

private func crossingChanges(
    _ before: ScenarioComparison.Outcome, _ after: ScenarioComparison.Outcome
) -> [ScenarioComparison.CrossingChange] {
    func states(_ allocation: Allocation) -> [String: ScenarioComparison.CrossingState] {
        var states: [String: ScenarioComparison.CrossingState] = [:]
        for crossing in allocation.crossings {
            states[crossing.id] = .init(
                flow: crossing.flow, share: crossing.share, capacity: crossing.capacity,
                utilisation: crossing.utilisation, shadowPrice: crossing.shadowPrice, flows: crossing.flows,
                limits: crossing.limits)
        }
        return states
    }
    let beforeStates = states(before.allocation)
    let afterStates = states(after.allocation)
    return before.network.network.nodes.compactMap { node in
        let old = beforeStates[node.id]
        let new = afterStates[node.id]
        guard old != nil || new != nil else { return nil }
        return .init(id: node.id, name: node.name, before: old, after: new, links: directions(at: node.id, before, after))
    }
}

/// The directions of the links with an end at `crossing`, in either scenario, in file order.
private func directions(
    at crossing: String, _ before: ScenarioComparison.Outcome, _ after: ScenarioComparison.Outcome
) -> [ScenarioComparison.DirectionChange] {
    /// Each arc at the crossing by its place in file order: its link's position, forward before reverse.
    func arcs(_ outcome: ScenarioComparison.Outcome) -> [Int: Allocation.ArcResult] {
        guard let node = outcome.network.nodeIndex(of: crossing) else { return [:] }
        var arcs: [Int: Allocation.ArcResult] = [:]
        for (a, arc) in outcome.network.arcs.enumerated() where arc.from == node || arc.to == node {
            arcs[2 * arc.linkIndex + (arc.isReverse ? 1 : 0)] = outcome.allocation.arcs[a]
        }
        return arcs
    }
    let old = arcs(before)
    let new = arcs(after)
    return Set(old.keys).union(new.keys).sorted().compactMap { place in
        let oldArc = old[place]
        let newArc = new[place]
        guard let arc = oldArc ?? newArc else { return nil }
        return .init(
            linkID: arc.linkID, isReverse: arc.isReverse, from: arc.from, to: arc.to,
            before: oldArc.map { .init(flows: $0.flows, limits: $0.limits) },
            after: newArc.map { .init(flows: $0.flows, limits: $0.limits) })
    }
}

private func channels(_ demand: Allocation.DemandResult) -> [ScenarioComparison.Channel: Double] {
    var flows: [ScenarioComparison.Channel: Double] = [:]
    for route in demand.routes { flows[.via(route.crossings), default: 0] += route.flow }
    if demand.unserved > 0 { flows[.unserved, default: 0] += demand.unserved }
    return flows
}

private func sortedFlows(_ flows: [ScenarioComparison.Channel: Double], tolerance: Double) -> [ScenarioComparison.ChannelFlow] {
    flows.filter { $0.value > tolerance }.map { ScenarioComparison.ChannelFlow(channel: $0.key, flow: $0.value) }
        .sorted { $0.flow != $1.flow ? $0.flow > $1.flow : $0.channel < $1.channel }
}

/// Demands matched by id; a demand is listed when some channel's flow moved by more than its
/// commodity's `tolerance`.
private func demandChanges(
    _ before: Allocation, _ after: Allocation, tolerance tolerances: [String: Double]
) -> [ScenarioComparison.DemandChange] {
    let afterByID = Dictionary(after.demands.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let unitOf = Dictionary(before.commodities.map { ($0.id, $0.unit) }, uniquingKeysWith: { first, _ in first })
    var changes: [ScenarioComparison.DemandChange] = []
    for old in before.demands {
        guard let new = afterByID[old.id] else { continue }
        let tolerance = tolerances[old.commodity] ?? 1e-7
        let oldFlows = channels(old)
        let newFlows = channels(new)
        let keys = Set(oldFlows.keys).union(newFlows.keys).sorted()
        var decreases: [(channel: ScenarioComparison.Channel, flow: Double)] = []
        var increases: [(channel: ScenarioComparison.Channel, flow: Double)] = []
        var total = 0.0
        for key in keys {
            let delta = (newFlows[key] ?? 0) - (oldFlows[key] ?? 0)
            guard abs(delta) > tolerance else { continue }
            total += abs(delta)
            if delta < 0 { decreases.append((key, -delta)) } else { increases.append((key, delta)) }
        }
        guard total > 0 else { continue }
        changes.append(
            .init(
                id: old.id, commodity: old.commodity, unit: unitOf[old.commodity] ?? "", origin: old.origin,
                destination: old.destination,
                before: sortedFlows(oldFlows, tolerance: tolerance), after: sortedFlows(newFlows, tolerance: tolerance),
                shifts: matchShifts(decreases, increases, tolerance: tolerance), size: total / 2))
    }
    return changes.sorted { $0.size != $1.size ? $0.size > $1.size : $0.id < $1.id }
}

/// Pairs decreases with increases, largest first (a greedy transport plan; any plan with these
/// margins is as true as another, this one is deterministic and has few entries).
private func matchShifts(
    _ decreases: [(channel: ScenarioComparison.Channel, flow: Double)],
    _ increases: [(channel: ScenarioComparison.Channel, flow: Double)], tolerance: Double
) -> [ScenarioComparison.Shift] {
    func ordered(_ list: [(channel: ScenarioComparison.Channel, flow: Double)]) -> [(channel: ScenarioComparison.Channel, flow: Double)] {
        list.sorted { $0.flow != $1.flow ? $0.flow > $1.flow : $0.channel < $1.channel }
    }
    var sources = ordered(decreases)
    var targets = ordered(increases)
    var shifts: [ScenarioComparison.Shift] = []
    var i = 0
    var j = 0
    while i < sources.count, j < targets.count {
        let moved = min(sources[i].flow, targets[j].flow)
        if moved > tolerance { shifts.append(.init(from: sources[i].channel, to: targets[j].channel, flow: moved)) }
        sources[i].flow -= moved
        targets[j].flow -= moved
        if sources[i].flow <= tolerance { i += 1 }
        if targets[j].flow <= tolerance { j += 1 }
    }
    for source in sources[i...] where source.flow > tolerance { shifts.append(.init(from: source.channel, to: nil, flow: source.flow)) }
    for target in targets[j...] where target.flow > tolerance { shifts.append(.init(from: nil, to: target.channel, flow: target.flow)) }
    return shifts
}
