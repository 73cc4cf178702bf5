import CorridorModel

/// The maximum flow a corridor network can carry from one set of nodes to another, with its bottleneck.
public struct MaxFlowResult: Sendable, Equatable {
    /// The ids of the nodes the flow starts from, in the order given.
    public let sources: [String]
    /// The ids of the nodes the flow ends at, in the order given.
    public let sinks: [String]
    /// The maximum flow per period; `nil` when it is unbounded.
    public let value: Double?
    /// A path on which nothing has a capacity, when there is one: it makes the flow unbounded.
    public let unlimitedPath: UnlimitedPath?
    /// The minimum cut: the node and link capacities that bound the flow, adding up to ``value``.
    /// Empty when the flow is unbounded.
    public let cut: [CutElement]
    /// The flow on each arc of the active network, by arc index; empty when unbounded.
    public let arcFlows: [Double]
    /// The throughput of each node of the active network (what enters it by arc plus what starts
    /// there), by node index; empty when unbounded.
    public let nodeFlows: [Double]

    /// True when some source reaches some sink through nodes and links that all lack a capacity.
    public var isUnbounded: Bool { value == nil }

    /// A node or one direction of a link whose capacity is part of the minimum cut.
    public struct CutElement: Sendable, Equatable {
        /// Whether the capacity is a node's or a link direction's.
        public enum Kind: String, Sendable { case node, link }
        /// The node's or the link's id.
        public let id: String
        public let kind: Kind
        /// For a link: true when it is the `to → from` direction of a bidirectional link.
        public let isReverse: Bool
        public let capacity: Double

        /// The id, with ` (reverse)` appended for a bidirectional link's reverse direction.
        public var label: String { isReverse ? "\(id) (reverse)" : id }
    }

    /// A source-to-sink path along which no node and no arc has a capacity.
    public struct UnlimitedPath: Sendable, Equatable {
        /// Node ids from a source to a sink.
        public let nodes: [String]
        /// The arcs between them, as labels (`link-id`, or `link-id (reverse)`).
        public let links: [String]
    }
}

/// Why a corridor max-flow cannot be computed as asked.
public enum MaxFlowNetworkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A node both a source and a sink: named so, or (`fromDemands`) an origin of one demand and the
    /// destination of another when both sets are taken from the demands.
    case sourceIsSink(id: String, fromDemands: Bool)
    /// No sources (or no sinks) were named and the scenario has no servable demand to take them from.
    case noEnds(ElementRole, scenario: String)
    /// The reduced problem was refused (capacities too large to add up, for instance).
    case unsolvable(String)

    public var description: String {
        switch self {
        case .sourceIsSink(let id, let fromDemands):
            !fromDemands
                ? "node \"\(id)\" is both a source and a sink; the two sets must be disjoint"
                : "node \"\(id)\" is an origin of one demand and the destination of another, so the sources and "
                    + "sinks taken from the demands overlap; name disjoint sets"
        case .noEnds(let role, let scenario):
            "scenario \"\(scenario)\" has no servable demand to take the \(role.rawValue)s from; name them"
        case .unsolvable(let message): "cannot compute the maximum flow: \(message)"
        }
    }
}
