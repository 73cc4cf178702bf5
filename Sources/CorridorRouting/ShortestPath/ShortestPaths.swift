import CorridorModel

/// The best loop-free routes from one node to another in an active network, best first.
///
/// Without `via` these are Yen's k shortest loop-free paths. With `via` they are the k best
/// loop-free paths that pass every via node, in the order given (each node at most once, so a via
/// node can never be passed twice to satisfy the order); see `OrderedViaSearch.swift`. That search
/// stops after a million partial routes — reachable only when the cheapest walks through the via
/// nodes keep revisiting nodes — and then returns the routes found so far, or throws
/// ``RouteFailure/noRoute(_:)`` saying so when there are none.
///
/// ```swift
/// let active = try network.activate(scenario: "third-crossing")
/// let routes = try shortestPaths(in: active, from: "xian", to: "duisburg", by: .time, limit: 3)
/// routes[0].crossings  // ["bakhty"]
/// ```
///
/// - Parameters:
///   - network: the scenario's active network.
///   - origin: the id of the first node.
///   - destination: the id of the last node; different from `origin`.
///   - metric: what to minimise; every path still reports its cost, hours and length.
///   - via: node ids to pass in this order; distinct, none of them the origin or destination.
///   - avoid: node ids or ISO country codes (`RU`, matched case-insensitively when no node has that
///     id); avoided nodes and their arcs are left out. The origin, destination and via nodes may not
///     be avoided: that is an invalid request, not a missing route.
///   - limit: how many routes to return at most (k ≥ 1); fewer come back when fewer exist.
/// - Returns: between 1 and `limit` routes by non-decreasing `metric`. Among routes of equal value
///   the order is deterministic but not otherwise specified.
/// - Throws: ``RouteFailure/invalidRequest(_:)`` for an unknown id (with a suggestion), a node
///   named twice, an avoided end or `limit < 1`; ``RouteFailure/noRoute(_:)`` with the reason when
///   an end is off in the scenario or the constraints leave no route.
/// - Complexity: one Dijkstra run, O((n + m) log n), for the best route; Yen's O(k·n) runs for k.
public func shortestPaths(
    in network: ActiveNetwork, from origin: String, to destination: String, by metric: RouteMetric = .cost,
    via: [String] = [], avoid: [String] = [], limit: Int = 1
) throws(RouteFailure) -> [RoutePath] {
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
            throw .noRoute(
                "no loop-free route from \(origin) to \(destination) \(request.viaPhrase) was found before the "
                    + "search limit: the cheapest walks through the via nodes keep passing some node twice; "
                    + "try fewer via nodes or another order")
        }
        found = outcome.paths
    }
    guard !found.isEmpty else { throw .noRoute(request.explainNoRoute(weights)) }
    return found.map {
        RoutePath(origin: request.origin, arcIndices: $0.slots.map { Int(weights.graph.arcIDs[$0]) }, in: network)
    }
}

extension RouteWeights {
    /// Slot and node weights of `network` under `metric` (DESIGN's c_a and h_n for cost).
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

/// A route request with its ids resolved to active node indices and checked.
struct RouteRequest {
    let network: ActiveNetwork
    let origin: Int
    let destination: Int
    let via: [Int]
    /// `avoided[v]` for every active node; all false when nothing is avoided.
    let avoided: [Bool]
    /// The `--avoid` words as given, for messages.
    let avoidWords: [String]

    init(
        network: ActiveNetwork, origin originID: String, destination destinationID: String, via viaIDs: [String],
        avoid: [String], limit: Int
    ) throws(RouteFailure) {
        self.network = network
        guard limit >= 1 else { throw .invalidRequest("the number of routes must be at least 1, not \(limit)") }
        origin = try Self.resolve(originID, role: "origin", in: network)
        destination = try Self.resolve(destinationID, role: "destination", in: network)
        guard origin != destination else {
            throw .invalidRequest(
                "the origin and the destination are both \(originID); a route needs two different nodes")
        }
        var via: [Int] = []
        for id in viaIDs {
            let node = try Self.resolve(id, role: "via node", in: network)
            guard node != origin, node != destination else {
                throw .invalidRequest(
                    "via node \(id) is the route's \(node == origin ? "origin" : "destination"); "
                        + "list only nodes between them"
                )
            }
            guard !via.contains(node) else {
                throw .invalidRequest("via node \(id) is listed twice; a loop-free route passes each node once")
            }
            via.append(node)
        }
        self.via = via

        var avoided = [Bool](repeating: false, count: network.nodes.count)
        let countries = Set(network.network.nodes.compactMap(\.country))
        for word in avoid {
            if network.network.nodes.contains(where: { $0.id == word }) {
                // A node that is off in the scenario is avoided already.
                if let node = network.nodeIndex(of: word) { avoided[node] = true }
            } else if let country = countries.first(where: { $0.uppercased() == word.uppercased() }) {
                for (node, active) in network.nodes.enumerated() where active.country == country {
                    avoided[node] = true
                }
            } else {
                let known = network.network.nodes.map(\.id) + countries.sorted()
                let hint = Suggestion.closest(to: word, among: known).map { " (did you mean \"\($0)\"?)" } ?? ""
                throw .invalidRequest(
                    "--avoid: \"\(word)\" is neither a node id nor a country code of the network\(hint)")
            }
        }
        for (node, role) in [(origin, "origin"), (destination, "destination")] + via.map({ ($0, "via node") })
        where avoided[node] {
            let id = network.nodes[node].id
            let reason = avoid.contains(id) ? "" : " (it is in \(network.nodes[node].country ?? "?"))"
            throw .invalidRequest("cannot avoid \(id)\(reason): it is the route's \(role)")
        }
        avoided = avoided.contains(true) ? avoided : []
        self.avoided = avoided
        avoidWords = avoid
    }

    /// The active index of `id`, or why there is none: unknown (an invalid request, with a
    /// suggestion) or off in the scenario (no route).
    private static func resolve(_ id: String, role: String, in network: ActiveNetwork) throws(RouteFailure) -> Int {
        if let node = network.nodeIndex(of: id) { return node }
        let allIDs = network.network.nodes.map(\.id)
        guard allIDs.contains(id) else {
            let hint = Suggestion.closest(to: id, among: allIDs).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw .invalidRequest("unknown \(role) \"\(id)\"\(hint)")
        }
        let enabling = network.network.scenarios.filter { $0.enable.contains(id) && !$0.disable.contains(id) }.map(\.id)
        let hint = enabling.isEmpty ? "" : " (scenarios that turn it on: \(enabling.joined(separator: ", ")))"
        throw .noRoute("no route: \(role) \(id) is off in scenario \(network.scenarioID)\(hint)")
    }

    var viaPhrase: String { "via " + via.map { network.nodes[$0].id }.joined(separator: ", ") }

    /// The sentence that says which constraint leaves no route.
    func explainNoRoute(_ weights: RouteWeights) -> String {
        let from = network.nodes[origin].id
        let to = network.nodes[destination].id
        func reaches(_ source: Int, _ target: Int, blocked: [Bool]) -> Bool {
            weights.shortestPath(from: source, to: target, initialWeight: 0, blockedNodes: blocked) != nil
        }
        guard reaches(origin, destination, blocked: []) else {
            return
                "\(to) is not reachable from \(from) in scenario \(network.scenarioID): "
                + "no chain of active links leads there"
        }
        let avoiding = avoidWords.isEmpty ? "" : " avoiding \(avoidWords.joined(separator: ", "))"
        if !avoided.isEmpty && !reaches(origin, destination, blocked: avoided) {
            let blocking =
                weights.shortestPath(from: origin, to: destination, initialWeight: 0, blockedNodes: [])
                .map { $0.nodes.filter { avoided[$0] }.map { network.nodes[$0].id } } ?? []
            return "no route from \(from) to \(to)\(avoiding): every path passes an avoided node "
                + "(the best route without --avoid passes \(blocking.joined(separator: ", ")))"
        }
        let stops = [origin] + via + [destination]
        for leg in 0..<(stops.count - 1) where !reaches(stops[leg], stops[leg + 1], blocked: avoided) {
            let a = network.nodes[stops[leg]].id
            let b = network.nodes[stops[leg + 1]].id
            return "no route from \(from) to \(to) \(viaPhrase)\(avoiding): \(b) is not reachable from \(a)"
        }
        return "no route from \(from) to \(to) \(viaPhrase)\(avoiding): every route through the via nodes in this "
            + "order would pass some node twice"
    }
}
