/// The network as one scenario leaves it: only the nodes and arcs that are on, with dense indices,
/// bidirectional links expanded into two arcs, and every override applied.
///
/// This is what every algorithm works on. Node and arc indices are positions in ``nodes`` and
/// ``arcs``; they are stable for a given network and scenario (file order, a link's forward arc
/// before its reverse arc) and mean nothing across scenarios — use ids for that.
public struct ActiveNetwork: Sendable {
    /// The base network the scenario was applied to.
    public let network: Network
    /// The scenario applied: its id, or ``Scenario/baselineID``.
    public let scenarioID: String
    /// The scenario's display name.
    public let scenarioName: String
    /// The nodes that are on, in file order.
    public let nodes: [ActiveNode]
    /// The arcs that are on: each active link's forward arc, then its reverse arc if bidirectional.
    public let arcs: [Arc]
    /// Every demand of the file, in file order, with its quantity under the scenario.
    public let demands: [ActiveDemand]
    private let indexByNodeID: [String: Int]
    private let linkByID: [String: LinkReference]

    init(
        network: Network, scenarioID: String, scenarioName: String, nodes: [ActiveNode], arcs: [Arc],
        demands: [ActiveDemand]
    ) {
        self.network = network
        self.scenarioID = scenarioID
        self.scenarioName = scenarioName
        self.nodes = nodes
        self.arcs = arcs
        self.demands = demands
        var index: [String: Int] = [:]
        for (position, node) in nodes.enumerated() { index[node.id] = position }
        self.indexByNodeID = index
        var arcsByLink: [String: [Int]] = [:]
        for (position, arc) in arcs.enumerated() { arcsByLink[arc.linkID, default: []].append(position) }
        linkByID = arcsByLink.mapValues { LinkReference(id: arcs[$0[0]].linkID, linkIndex: arcs[$0[0]].linkIndex, arcs: $0) }
    }

    /// The dense index of an active node, or `nil` when the id is unknown or the node is off; use
    /// ``resolveNode(_:as:)`` to learn why.
    public func nodeIndex(of id: String) -> Int? { indexByNodeID[id] }

    /// An active link and its arcs, or `nil`; use ``resolveLink(_:as:)`` to learn why.
    public func linkReference(of id: String) -> LinkReference? { linkByID[id] }

    /// The generalised cost of one unit on an arc: `cost + valueOfTimePerHour · hours` (docs/MODEL.md `c_a`).
    public func generalisedCost(ofArc arc: Int) -> Double {
        arcs[arc].cost + network.valueOfTimePerHour * arcs[arc].hours
    }

    /// The generalised cost of one unit through a node: `handlingCost + valueOfTimePerHour · dwellHours`
    /// (docs/MODEL.md `h_n`).
    public func generalisedCost(ofNode node: Int) -> Double {
        nodes[node].handlingCost + network.valueOfTimePerHour * nodes[node].dwellHours
    }
}

/// A node that is on, with its capacity under the scenario.
public struct ActiveNode: Sendable, Equatable {
    /// The node as the file describes it.
    public let node: Node
    /// Maximum throughput per period under the scenario; `nil` is unlimited.
    public let capacity: Double?
    /// Hours each unit spends here under the scenario.
    public let dwellHours: Double

    public var id: String { node.id }
    public var name: String { node.name }
    public var kind: NodeKind { node.kind }
    public var country: String? { node.country }
    public var handlingCost: Double { node.handlingCost }
}

/// One direction of an active link.
public struct Arc: Sendable, Equatable {
    /// The link's id; a bidirectional link's two arcs share it.
    public let linkID: String
    /// The link's position in ``Network/links``.
    public let linkIndex: Int
    /// True for the `to → from` arc of a bidirectional link.
    public let isReverse: Bool
    /// Index of the tail node in ``ActiveNetwork/nodes``.
    public let from: Int
    /// Index of the head node in ``ActiveNetwork/nodes``.
    public let to: Int
    public let mode: LinkMode
    /// Cost per unit under the scenario.
    public let cost: Double
    public let hours: Double
    public let lengthKm: Double
    /// Maximum flow per period under the scenario; `nil` is unlimited.
    public let capacity: Double?

    /// A name for this direction that is unique among arcs: the link id, with ` (reverse)` appended
    /// for a bidirectional link's `to → from` arc.
    public var label: String { isReverse ? "\(linkID) (reverse)" : linkID }
}

/// A demand with its quantity and penalty under the scenario.
public struct ActiveDemand: Sendable, Equatable {
    /// The demand as the file describes it.
    public let demand: Demand
    /// Quantity per period after the scenario's `demand` override and `demandScale`.
    public let quantity: Double
    /// Penalty per unit unserved: the demand's own, else the network's.
    public let unservedPenalty: Double
    /// Index of the origin in ``ActiveNetwork/nodes``; `nil` when the origin is off.
    public let origin: Int?
    /// Index of the destination in ``ActiveNetwork/nodes``; `nil` when the destination is off.
    public let destination: Int?

    public var id: String { demand.id }
    /// False when an end is off: the whole quantity is then unserved and its penalty counts.
    public var isServable: Bool { origin != nil && destination != nil }
}
