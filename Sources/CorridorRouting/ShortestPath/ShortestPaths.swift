import CorridorModel

/// The best loop-free routes from one node to another in an active network, best first.
///
/// Without `via` these are Yen's k shortest loop-free paths. With `via` they are the k best
/// loop-free paths that pass every via node, in the order given (each node at most once, so a via
/// node can never be passed twice to satisfy the order); see `OrderedViaSearch.swift`. That search
/// stops after a million partial routes — reachable only when the cheapest walks through the via
/// nodes keep revisiting nodes — and then returns the routes found so far, or throws
/// ``RouteError/noRoute(_:)`` saying so when there are none.
///
/// ```swift
/// let active = try network.activate(scenario: "third-crossing")
/// let xian = try active.resolveNode("xian", as: .origin)
/// let duisburg = try active.resolveNode("duisburg", as: .destination)
/// let routes = try shortestPaths(in: active, from: xian, to: duisburg, by: .time, limit: 3)
/// routes[0].crossings  // ["bakhty"]
/// ```
///
/// - Parameters:
///   - network: the scenario's active network.
///   - origin: the first node.
///   - destination: the last node; different from `origin`.
///   - metric: what to minimise; every path still reports its cost, hours and length.
///   - via: nodes to pass in this order; distinct, none of them the origin or destination.
///   - avoid: nodes or countries (see ``Avoidance``) whose nodes and arcs are left out. The origin,
///     destination and via nodes may not be avoided: that is an invalid request, not a missing route.
///   - limit: how many routes to return at most (k ≥ 1); fewer come back when fewer exist.
/// - Returns: between 1 and `limit` routes by non-decreasing `metric`. Among routes of equal value
///   the order is deterministic but not otherwise specified.
/// - Throws: ``RouteError``: an invalid request (the same node twice, an avoided stop, `limit < 1`), or
///   ``RouteError/noRoute(_:)`` with the constraint that leaves no route.
/// - Complexity: one Dijkstra run, O((n + m) log n), for the best route; Yen's O(k·n) runs for k.
public func shortestPaths(
    in network: ActiveNetwork, from origin: NodeReference, to destination: NodeReference, by metric: RouteMetric = .cost,
    via: [NodeReference] = [], avoid: [Avoidance] = [], limit: Int = 1
) throws(RouteError) -> [RoutePath] {
    let request = try RouteRequest(
        network: network, origin: origin, destination: destination, via: via, avoid: avoid, limit: limit)
    let weights = RouteWeights(network, by: metric)
    let found: [WeightedPath]
    if request.via.isEmpty {
        found = YenKShortestPaths.run(
            weights, from: request.origin, to: request.destination, limit: limit, blockedNodes: request.avoided)
    } else {
        let outcome = OrderedViaSearch.run(
            weights, from: request.origin, to: request.destination, via: request.via, limit: limit,
            blockedNodes: request.avoided)
        if outcome.paths.isEmpty && outcome.hitLabelLimit {
            throw .noRoute(.searchLimit(from: origin.id, to: destination.id, via: via.map(\.id)))
        }
        found = outcome.paths
    }
    guard !found.isEmpty else { throw .noRoute(request.explainNoRoute(weights)) }
    return found.map {
        RoutePath(origin: request.origin, arcIndices: $0.slots.map { Int(weights.graph.arcIDs[$0]) }, in: network)
    }
}

extension RouteWeights {
    /// Slot and node weights of `network` under `metric` (docs/MODEL.md's c_a and h_n for cost).
    init(_ network: ActiveNetwork, by metric: RouteMetric) {
        let arcWeights: [Double]
        let nodeTerms: [Double]
        switch metric {
        case .cost:
            arcWeights = network.arcs.indices.map { network.generalisedCost(ofArc: $0) }
            nodeTerms = network.nodes.indices.map { network.generalisedCost(ofNode: $0) }
        case .time:
            arcWeights = network.arcs.map(\.hours)
            nodeTerms = network.nodes.map(\.dwellHours)
        case .distance:
            arcWeights = network.arcs.map(\.lengthKm)
            nodeTerms = [Double](repeating: 0, count: network.nodes.count)
        }
        self.init(graph: Digraph(network), arcWeights: arcWeights, nodeTerms: nodeTerms)
    }
}

/// A route request with its nodes checked against each other and its avoidances expanded.
struct RouteRequest {
    let network: ActiveNetwork
    let origin: Int
    let destination: Int
    let via: [Int]
    /// `avoided[v]` for every active node; all false when nothing is avoided.
    let avoided: [Bool]
    /// The avoided nodes and countries as given, for messages.
    let avoidance: [String]

    init(
        network: ActiveNetwork, origin originNode: NodeReference, destination destinationNode: NodeReference,
        via viaNodes: [NodeReference], avoid: [Avoidance], limit: Int
    ) throws(RouteError) {
        self.network = network
        guard limit >= 1 else { throw .limitBelowOne(limit) }
        origin = originNode.index
        destination = destinationNode.index
        guard origin != destination else { throw .sameOriginAndDestination(originNode.id) }
        var via: [Int] = []
        for node in viaNodes {
            guard node.index != origin, node.index != destination else {
                throw .viaIsAnEnd(node.id, node.index == origin ? .origin : .destination)
            }
            guard !via.contains(node.index) else { throw .viaRepeated(node.id) }
            via.append(node.index)
        }
        self.via = via

        var avoided = [Bool](repeating: false, count: network.nodes.count)
        for item in avoid {
            switch item {
            case .node(let node): avoided[node.index] = true
            case .country(let country):
                for (node, active) in network.nodes.enumerated() where active.country == country { avoided[node] = true }
            }
        }
        let stops = [(origin, ElementRole.origin), (destination, .destination)] + via.map { ($0, ElementRole.via) }
        for (node, role) in stops where avoided[node] {
            let id = network.nodes[node].id
            let byNode = avoid.contains { if case .node(let named) = $0 { named.index == node } else { false } }
            throw .avoidedStop(id, role, country: byNode ? nil : network.nodes[node].country)
        }
        avoidance = avoid.map {
            switch $0 {
            case .node(let node): node.id
            case .country(let country): country
            }
        }
        self.avoided = avoided.contains(true) ? avoided : []
    }

    var viaIDs: [String] { via.map { network.nodes[$0].id } }

    /// Which constraint leaves no route.
    func explainNoRoute(_ weights: RouteWeights) -> NoRoute {
        let from = network.nodes[origin].id
        let to = network.nodes[destination].id
        func reaches(_ source: Int, _ target: Int, blocked: [Bool]) -> Bool {
            weights.shortestPath(from: source, to: target, initialWeight: 0, blockedNodes: blocked) != nil
        }
        guard reaches(origin, destination, blocked: []) else {
            return .unreachable(from: from, to: to, scenario: network.scenarioID)
        }
        if !avoided.isEmpty && !reaches(origin, destination, blocked: avoided) {
            let blocking =
                weights.shortestPath(from: origin, to: destination, initialWeight: 0, blockedNodes: [])
                .map { $0.nodes.filter { avoided[$0] }.map { network.nodes[$0].id } } ?? []
            return .everyPathAvoided(from: from, to: to, avoiding: avoidance, bestPathPasses: blocking)
        }
        let stops = [origin] + via + [destination]
        for leg in 0..<(stops.count - 1) where !reaches(stops[leg], stops[leg + 1], blocked: avoided) {
            return .legUnreachable(
                from: from, to: to, via: viaIDs, avoiding: avoidance, legFrom: network.nodes[stops[leg]].id,
                legTo: network.nodes[stops[leg + 1]].id)
        }
        return .viaOrderRevisits(from: from, to: to, via: viaIDs, avoiding: avoidance)
    }
}
