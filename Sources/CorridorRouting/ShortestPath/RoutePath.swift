import CorridorModel

/// What a route minimises.
public enum RouteMetric: String, Sendable, Equatable, CaseIterable {
    /// The generalised cost (docs/MODEL.md): `Σ c_a + Σ h_n` over the arcs and every node, ends included,
    /// with `c_a = cost + valueOfTimePerHour · hours` and `h_n = handlingCost + valueOfTimePerHour · dwellHours`.
    case cost
    /// `Σ hours_a + Σ dwellHours_n` over the arcs and every node, ends included.
    case time
    /// `Σ lengthKm` over the arcs.
    case distance
}

/// One loop-free route through an active network, with its totals under every metric.
public struct RoutePath: Sendable, Equatable {
    /// Indices into ``ActiveNetwork/nodes``, origin first, destination last.
    public let nodeIndices: [Int]
    /// The ids of those nodes.
    public let nodeIDs: [String]
    /// Indices into ``ActiveNetwork/arcs``; `arcIndices[i]` leads from `nodeIndices[i]` to `nodeIndices[i + 1]`.
    public let arcIndices: [Int]
    /// The link id of each arc (a bidirectional link's two directions share one id).
    public let linkIDs: [String]
    /// Generalised cost per unit of flow: `Σ c_a + Σ h_n`, every node counted once, ends included.
    public let cost: Double
    /// `Σ hours_a + Σ dwellHours_n`, every node counted once, ends included.
    public let hours: Double
    /// `Σ lengthKm` over the arcs.
    public let lengthKm: Double
    /// The ids of the path's nodes of kind `crossing`, in path order.
    public let crossings: [String]

    /// The route along `arcIndices` from `origin`, with its totals computed from `network` (for
    /// callers that find paths themselves, such as a flow decomposition).
    ///
    /// The caller guarantees that the arcs are valid indices and form a chain starting at `origin`.
    public init(origin: Int, arcIndices: [Int], in network: ActiveNetwork) {
        var nodes = [origin]
        for arc in arcIndices { nodes.append(network.arcs[arc].to) }
        nodeIndices = nodes
        nodeIDs = nodes.map { network.nodes[$0].id }
        self.arcIndices = arcIndices
        linkIDs = arcIndices.map { network.arcs[$0].linkID }
        cost =
            arcIndices.reduce(0) { $0 + network.generalisedCost(ofArc: $1) }
            + nodes.reduce(0) { $0 + network.generalisedCost(ofNode: $1) }
        hours =
            arcIndices.reduce(0) { $0 + network.arcs[$1].hours } + nodes.reduce(0) { $0 + network.nodes[$1].dwellHours }
        lengthKm = arcIndices.reduce(0) { $0 + network.arcs[$1].lengthKm }
        crossings = nodes.filter { network.nodes[$0].kind == .crossing }.map { network.nodes[$0].id }
    }

    /// The path's total under `metric`.
    public func value(by metric: RouteMetric) -> Double {
        switch metric {
        case .cost: cost
        case .time: hours
        case .distance: lengthKm
        }
    }
}

/// Why a route request has no answer. The descriptions are sentences a user can act on; they name
/// roles (origin, via node), never a front end's options.
public enum RouteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A route must join two different nodes.
    case sameOriginAndDestination(String)
    /// A via node that is the origin or the destination.
    case viaIsAnEnd(String, ElementRole)
    /// The same via node twice: a loop-free route passes each node once.
    case viaRepeated(String)
    /// An origin, destination or via node that is avoided, by id or (with `country`) by its country.
    case avoidedStop(String, ElementRole, country: String?)
    /// At least one route must be asked for.
    case limitBelowOne(Int)
    /// The request is well posed but no route satisfies it.
    case noRoute(NoRoute)

    public var description: String {
        switch self {
        case .sameOriginAndDestination(let id):
            "the origin and the destination are both \(id); a route needs two different nodes"
        case .viaIsAnEnd(let id, let role): "via node \(id) is the route's \(role.rawValue); list only nodes between them"
        case .viaRepeated(let id): "via node \(id) is listed twice; a loop-free route passes each node once"
        case .avoidedStop(let id, let role, let country):
            "cannot avoid \(id)" + (country.map { " (it is in \($0))" } ?? "") + ": it is the route's \(role.rawValue)"
        case .limitBelowOne(let limit): "the number of routes must be at least 1, not \(limit)"
        case .noRoute(let reason): reason.description
        }
    }
}

/// Which constraint leaves a well-posed route request without an answer.
public enum NoRoute: Sendable, Equatable, CustomStringConvertible {
    /// No chain of active links joins the two ends at all.
    case unreachable(from: String, to: String, scenario: String)
    /// Every path passes an avoided node or country; `bestPathPasses` names the avoided nodes of the best
    /// route with nothing avoided.
    case everyPathAvoided(from: String, to: String, avoiding: [String], bestPathPasses: [String])
    /// One leg between consecutive stops (origin, via nodes, destination) has no path.
    case legUnreachable(from: String, to: String, via: [String], avoiding: [String], legFrom: String, legTo: String)
    /// Every route through the via nodes in this order would pass some node twice.
    case viaOrderRevisits(from: String, to: String, via: [String], avoiding: [String])
    /// The via search stopped at its limit of partial routes before finding a loop-free one.
    case searchLimit(from: String, to: String, via: [String])

    public var description: String {
        func avoidingPhrase(_ words: [String]) -> String { words.isEmpty ? "" : " avoiding " + words.joined(separator: ", ") }
        func viaPhrase(_ ids: [String]) -> String { "via " + ids.joined(separator: ", ") }
        switch self {
        case .unreachable(let from, let to, let scenario):
            return "\(to) is not reachable from \(from) in scenario \(scenario): no chain of active links leads there"
        case .everyPathAvoided(let from, let to, let avoiding, let passes):
            return "no route from \(from) to \(to)\(avoidingPhrase(avoiding)): every path passes an avoided node "
                + "(the best route with nothing avoided passes \(passes.joined(separator: ", ")))"
        case .legUnreachable(let from, let to, let via, let avoiding, let legFrom, let legTo):
            return "no route from \(from) to \(to) \(viaPhrase(via))\(avoidingPhrase(avoiding)): \(legTo) is not reachable from \(legFrom)"
        case .viaOrderRevisits(let from, let to, let via, let avoiding):
            return "no route from \(from) to \(to) \(viaPhrase(via))\(avoidingPhrase(avoiding)): every route through the via "
                + "nodes in this order would pass some node twice"
        case .searchLimit(let from, let to, let via):
            return "no loop-free route from \(from) to \(to) \(viaPhrase(via)) was found before the search limit: the "
                + "cheapest walks through the via nodes keep passing some node twice; try fewer via nodes or another order"
        }
    }
}
