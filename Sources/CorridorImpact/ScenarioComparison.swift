import CorridorModel
import CorridorOptimization
import CorridorRouting

/// Two scenarios of one network side by side: their allocations and max-flows on the file's demand,
/// what changed at each crossing, and which demands moved where.
public struct ScenarioComparison: Sendable {
    /// One scenario's results.
    public struct Outcome: Sendable {
        public let network: ActiveNetwork
        public let allocation: Allocation
        /// The max-flow from every origin to every destination of a servable demand; `nil` when there
        /// is none (``maxFlowNote`` says why).
        public let maxFlow: MaxFlowResult?
        public let maxFlowNote: String?
        /// `Σ route flow × route hours / Σ served / 24`; `nil` when nothing is served.
        public let meanTransitDays: Double?
    }

    /// One crossing's figures in one scenario.
    public struct CrossingState: Sendable, Equatable {
        public let flow: Double
        public let share: Double
        public let capacity: Double?
        public let utilisation: Double?
        public let shadowPrice: Double
    }

    /// A crossing active in either scenario; a side is `nil` where the crossing is off.
    public struct CrossingChange: Sendable, Equatable {
        public let id: String
        public let name: String
        public let before: CrossingState?
        public let after: CrossingState?
        /// `after − before` of the flow, an off side counting as 0.
        public var flowChange: Double { (after?.flow ?? 0) - (before?.flow ?? 0) }
        public var shareChange: Double { (after?.share ?? 0) - (before?.share ?? 0) }
        public var shadowPriceChange: Double { (after?.shadowPrice ?? 0) - (before?.shadowPrice ?? 0) }
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
    let before = try outcome(of: baseline)
    let after = try outcome(of: scenario)
    let scale = max(1, before.allocation.served + before.allocation.unserved, after.allocation.served + after.allocation.unserved)
    let tolerance = 1e-7 * scale
    return ScenarioComparison(
        baseline: before, scenario: after, crossings: crossingChanges(before.allocation, after.allocation, baseline.network),
        changes: demandChanges(before.allocation, after.allocation, tolerance: tolerance))
}

private func outcome(of network: ActiveNetwork) throws(ImpactError) -> ScenarioComparison.Outcome {
    let allocation: Allocation
    do {
        allocation = try allocate(network)
    } catch {
        throw .allocation(error)
    }
    var maxFlow: MaxFlowResult?
    var note: String?
    do {
        maxFlow = try maximumFlow(in: network)
    } catch {
        note = error.description
    }
    var hours = 0.0
    for demand in allocation.demands {
        for route in demand.routes { hours += route.flow * route.hours }
    }
    return ScenarioComparison.Outcome(
        network: network, allocation: allocation, maxFlow: maxFlow, maxFlowNote: note,
        meanTransitDays: allocation.served > 0 ? hours / allocation.served / 24 : nil)
}

private func crossingChanges(_ before: Allocation, _ after: Allocation, _ network: Network) -> [ScenarioComparison.CrossingChange] {
    func states(_ allocation: Allocation) -> [String: ScenarioComparison.CrossingState] {
        var states: [String: ScenarioComparison.CrossingState] = [:]
        for crossing in allocation.crossings {
            states[crossing.id] = .init(
                flow: crossing.flow, share: crossing.share, capacity: crossing.capacity,
                utilisation: crossing.utilisation, shadowPrice: crossing.shadowPrice)
        }
        return states
    }
    let beforeStates = states(before)
    let afterStates = states(after)
    return network.nodes.compactMap { node in
        let old = beforeStates[node.id]
        let new = afterStates[node.id]
        guard old != nil || new != nil else { return nil }
        return .init(id: node.id, name: node.name, before: old, after: new)
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

/// Demands matched by id; a demand is listed when some channel's flow moved by more than `tolerance`.
private func demandChanges(_ before: Allocation, _ after: Allocation, tolerance: Double) -> [ScenarioComparison.DemandChange] {
    let afterByID = Dictionary(after.demands.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var changes: [ScenarioComparison.DemandChange] = []
    for old in before.demands {
        guard let new = afterByID[old.id] else { continue }
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
                id: old.id, origin: old.origin, destination: old.destination,
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
