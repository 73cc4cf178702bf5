import CorridorModel
import CorridorReports
import CorridorRouting

// The questions whose answer takes more than one library call, asked the same way by the command line and
// the server: the request's parameters in, the result the reports render out. Failures are thrown as
// ``ServiceError`` (worded with the caller's ``ParameterSpelling``) or as the libraries' own errors.

/// The commodity a single-commodity question (route, maxflow) is asked for.
public enum CommodityChoice {
    /// The network as commodity `id` sees it (``ActiveNetwork/carrying(_:)``), and its index. A network
    /// without declared commodities is returned as it is; one with a single commodity uses it unless told
    /// otherwise; one with several needs `id`.
    public static func view(
        of active: ActiveNetwork, commodity id: String?, for operation: String, spelling: ParameterSpelling
    ) throws(ServiceError) -> (network: ActiveNetwork, commodity: Int) {
        let declared = active.network.declaredCommodities
        let listing = declared.map { "\($0.id) (\($0.unit))" }.joined(separator: ", ")
        let parameter = spelling.spell("commodity")
        guard let id else {
            guard declared.count <= 1 else {
                throw .unprocessable("\(operation): the network carries \(listing); name one with \(parameter)")
            }
            return declared.isEmpty ? (active, 0) : (active.carrying(0), 0)
        }
        guard !declared.isEmpty else {
            throw .unprocessable(
                "\(parameter) \"\(id.escapingControlCharacters)\": the network declares no commodities; leave the option out")
        }
        guard let index = active.commodityIndex(of: id) else {
            let suggestion = Suggestion.closest(to: id, among: declared.map(\.id)).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw .unprocessable(
                "\(parameter) \"\(id.escapingControlCharacters)\": unknown commodity\(suggestion); the network carries \(listing)")
        }
        return (active.carrying(index), index)
    }

    /// Refuses nodes that do not accept the commodity, naming the parameter they came from.
    public static func requireAccepted(
        _ nodes: [NodeReference], in full: ActiveNetwork, commodity: Int, parameter: String
    ) throws(ServiceError) {
        guard full.network.declaresCommodities else { return }
        for node in nodes where !full.terms(ofNode: node.index, commodity: commodity).accepts {
            throw .unprocessable("\(parameter) \"\(node.id)\" does not accept commodity \"\(full.commodities[commodity].id)\"")
        }
    }
}

/// `route`: the best loop-free routes from one node to another.
public struct RouteQuery: Sendable {
    public var from: String
    public var to: String
    public var by: RouteMetric
    public var count: Int
    public var via: [String]
    public var avoid: [String]
    public var commodity: String?

    /// The most alternatives one request lists (Yen's algorithm does k Dijkstra runs per route).
    public static let maximumRoutes = 1_000

    public init(
        from: String, to: String, by: RouteMetric = .cost, count: Int = 1, via: [String] = [], avoid: [String] = [],
        commodity: String? = nil
    ) {
        self.from = from
        self.to = to
        self.by = by
        self.count = count
        self.via = via
        self.avoid = avoid
        self.commodity = commodity
    }

    /// The routes on `full` (a scenario of the network, every commodity).
    public func answer(on full: ActiveNetwork, spelling: ParameterSpelling) throws -> RouteReport {
        guard (1...Self.maximumRoutes).contains(count) else {
            throw ServiceError.unprocessable("\(spelling.spell("k")) must be from 1 to \(Self.maximumRoutes), not \(count)")
        }
        let (active, commodity) = try CommodityChoice.view(of: full, commodity: self.commodity, for: "route", spelling: spelling)
        let origin = try active.resolveNode(from, as: .origin)
        let destination = try active.resolveNode(to, as: .destination)
        let viaNodes = try active.resolveNodes(via, as: .via)
        for (nodes, name) in [([origin], "from"), ([destination], "to"), (viaNodes, "via")] {
            try CommodityChoice.requireAccepted(nodes, in: full, commodity: commodity, parameter: spelling.spell(name))
        }
        let avoidance = try avoid.compactMap { word throws(ElementResolutionError) in try active.resolveAvoidance(word) }
        let paths = try shortestPaths(in: active, from: origin, to: destination, by: by, via: viaNodes, avoid: avoidance, limit: count)
        return RouteReport(
            network: active, from: from, to: to, metric: by, via: via, avoid: avoid, requested: count, paths: paths)
    }
}

/// `maxflow`: the most one commodity (or the network's unit) can carry between node sets.
public struct MaxFlowQuery: Sendable {
    /// Source ids; `nil` for every origin of a servable demand.
    public var from: [String]?
    /// Sink ids; `nil` for every demand destination.
    public var to: [String]?
    public var commodity: String?

    public init(from: [String]? = nil, to: [String]? = nil, commodity: String? = nil) {
        self.from = from
        self.to = to
        self.commodity = commodity
    }

    /// The flow and its minimum cut on `full`, and the network as the commodity sees it (the report's).
    public func answer(on full: ActiveNetwork, spelling: ParameterSpelling) throws -> (result: MaxFlowResult, network: ActiveNetwork) {
        let (network, commodity) = try CommodityChoice.view(of: full, commodity: self.commodity, for: "maxflow", spelling: spelling)
        let sources = try from.map { ids throws(ElementResolutionError) in try network.resolveNodes(ids, as: .source) }
        let sinks = try to.map { ids throws(ElementResolutionError) in try network.resolveNodes(ids, as: .sink) }
        try CommodityChoice.requireAccepted(sources ?? [], in: full, commodity: commodity, parameter: spelling.spell("from"))
        try CommodityChoice.requireAccepted(sinks ?? [], in: full, commodity: commodity, parameter: spelling.spell("to"))
        return (try maximumFlow(in: network, from: sources, to: sinks), network)
    }
}
