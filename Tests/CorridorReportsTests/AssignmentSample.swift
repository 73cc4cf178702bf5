import CorridorModel
import CorridorReports

/// Invented but plausible flows for any network: every demand takes its cheapest route by generalised
/// cost, capacities ignored (all-or-nothing assignment, the oldest traffic-assignment heuristic), so a
/// map can be drawn before the allocation LP exists. Utilisation above 100 % is possible and is drawn
/// as binding.
enum AssignmentSample {
    /// A map of `active` with every demand routed on its cheapest path (Dijkstra, O(D · A log N)
    /// with a sorted frontier, fine for sample sizes).
    static func map(_ active: ActiveNetwork, title: String) -> ReportMap {
        var nodeFlow = [Double](repeating: 0, count: active.nodes.count)
        var linkFlow: [String: Double] = [:]
        let outgoing = Dictionary(grouping: active.arcs.indices, by: { active.arcs[$0].from })
        for demand in active.demands {
            guard let origin = demand.origin, let destination = demand.destination, demand.quantity > 0 else {
                continue
            }
            var distance = [Double](repeating: .infinity, count: active.nodes.count)
            var via = [Int?](repeating: nil, count: active.nodes.count)
            var done = Set<Int>()
            distance[origin] = 0
            var frontier = [origin]
            while let here = frontier.min(by: { distance[$0] < distance[$1] }) {
                frontier.removeAll { $0 == here }
                if here == destination { break }
                guard done.insert(here).inserted else { continue }
                for arc in outgoing[here] ?? [] {
                    let next = active.arcs[arc].to
                    let cost =
                        distance[here] + active.generalisedCost(ofArc: arc) + active.generalisedCost(ofNode: next)
                    if cost < distance[next] {
                        distance[next] = cost
                        via[next] = arc
                        frontier.append(next)
                    }
                }
            }
            guard distance[destination].isFinite else { continue }
            var node = destination
            nodeFlow[node] += demand.quantity
            while let arc = via[node] {
                linkFlow[active.arcs[arc].linkID, default: 0] += demand.quantity
                node = active.arcs[arc].from
                nodeFlow[node] += demand.quantity
            }
        }
        let network = active.network
        let nodes = network.nodes.compactMap { node -> MapNode? in
            guard let lat = node.lat, let lon = node.lon else { return nil }
            let index = active.nodeIndex(of: node.id)
            let flow = index.map { nodeFlow[$0] } ?? 0
            let capacity = index.flatMap { active.nodes[$0].capacity }
            return MapNode(
                id: node.id, name: node.name, lat: lat, lon: lon, kind: node.kind,
                isProposed: node.status == .proposed, isActive: index != nil,
                utilisation: capacity.map { flow / $0 }, flow: flow)
        }
        let activeLinks = Set(active.arcs.map(\.linkID))
        let capacities = Dictionary(
            active.arcs.map { ($0.linkID, $0.capacity) }, uniquingKeysWith: { first, _ in first })
        let links = network.links.map { link in
            let flow = linkFlow[link.id] ?? 0
            let capacity = capacities[link.id] ?? link.capacity
            return MapLink(
                id: link.id, fromID: link.from, toID: link.to, flow: flow, capacity: capacity,
                utilisation: capacity.map { flow / $0 }, mode: link.mode, isProposed: link.status == .proposed,
                isActive: activeLinks.contains(link.id))
        }
        return ReportMap(title: title, nodes: nodes, links: links, flowUnit: "\(network.unit)/\(network.period)")
    }

    /// Baseline against `scenarioID`, with a crossing table built from the two maps.
    static func document(_ network: Network, scenarioID: String, source: String) throws -> ReportDocument {
        let baseline = map(try network.activate(), title: "Baseline")
        let scenarioNetwork = try network.activate(scenario: scenarioID)
        let scenario = map(scenarioNetwork, title: scenarioNetwork.scenarioName)
        let crossings = baseline.nodes.indices.filter { baseline.nodes[$0].kind == .crossing }
        let rows: [[ReportTable.Cell]] = crossings.map { index in
            let before = baseline.nodes[index]
            let after = scenario.nodes[index]
            let change = after.flow - before.flow
            return [
                .init(before.name), .init(String(Int(before.flow.rounded()))),
                .init(String(Int(after.flow.rounded())), emphasis: change == 0 ? .none : .changed),
                .init(change == 0 ? "0" : (change > 0 ? "+" : "−") + String(Int(abs(change).rounded()))),
            ]
        }
        return ReportDocument(
            title: "\(network.name): \(scenarioNetwork.scenarioName)",
            subtitle: "Cheapest-route assignment, capacities ignored — a sample, not an optimisation result",
            generatedNote: "corridor 0.1.0 · \(source)",
            maps: [baseline, scenario],
            tables: [
                ReportTable(
                    title: "Crossings", headers: ["Crossing", "Baseline TEU/day", "Scenario TEU/day", "Δ TEU/day"],
                    rows: rows)
            ])
    }
}
