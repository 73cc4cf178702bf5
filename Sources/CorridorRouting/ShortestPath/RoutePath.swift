import CorridorModel

/// What a route minimises.
public enum RouteMetric: String, Sendable, Equatable, CaseIterable {
    /// The generalised cost of DESIGN: `Σ c_a + Σ h_n` over the arcs and every node, ends included,
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

/// Why a route request has no answer, in a sentence a user can act on.
public enum RouteFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request itself is wrong: an unknown id, an origin that is also avoided, a bad limit.
    case invalidRequest(String)
    /// The request is well posed but no route satisfies it; the message says which constraint cuts it off.
    case noRoute(String)

    public var description: String {
        switch self {
        case .invalidRequest(let message), .noRoute(let message): message
        }
    }
}
