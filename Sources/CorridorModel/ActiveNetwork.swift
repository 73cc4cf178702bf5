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
    /// What the network carries (``Network/commodities``), with values of time and penalties resolved.
    public let commodities: [ActiveCommodity]
    /// Each node's terms per commodity, node-major: `nodeTerms[n * commodities.count + c]`.
    private let nodeTerms: [ElementTerms]
    /// Each arc's terms per commodity, arc-major.
    private let arcTerms: [ElementTerms]
    private let indexByNodeID: [String: Int]
    private let linkByID: [String: LinkReference]

    init(
        network: Network, scenarioID: String, scenarioName: String, nodes: [ActiveNode], arcs: [Arc],
        demands: [ActiveDemand], commodities: [ActiveCommodity], nodeTerms: [ElementTerms], arcTerms: [ElementTerms]
    ) {
        self.commodities = commodities
        self.nodeTerms = nodeTerms
        self.arcTerms = arcTerms
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

    /// A node's handling cost, dwell and acceptance for one commodity (index into ``commodities``).
    public func terms(ofNode node: Int, commodity: Int) -> ElementTerms { nodeTerms[node * commodities.count + commodity] }

    /// An arc's cost, hours and acceptance for one commodity; an arc accepts a commodity when its link
    /// and both its end nodes do.
    public func terms(ofArc arc: Int, commodity: Int) -> ElementTerms { arcTerms[arc * commodities.count + commodity] }

    /// The generalised cost of one unit of a commodity on an arc: `cost + valueOfTimePerHour · hours`
    /// with the commodity's own terms (docs/MODEL.md `c_{a,c}`). Commodity 0 is the only one of a
    /// network that declares none.
    public func generalisedCost(ofArc arc: Int, commodity: Int = 0) -> Double {
        let terms = terms(ofArc: arc, commodity: commodity)
        return terms.cost + commodities[commodity].valueOfTimePerHour * terms.hours
    }

    /// The generalised cost of one unit of a commodity through a node: `handlingCost +
    /// valueOfTimePerHour · dwellHours` with the commodity's own terms (docs/MODEL.md `h_{n,c}`).
    public func generalisedCost(ofNode node: Int, commodity: Int = 0) -> Double {
        let terms = terms(ofNode: node, commodity: commodity)
        return terms.cost + commodities[commodity].valueOfTimePerHour * terms.hours
    }

    /// The index in ``commodities`` of a commodity id, or `nil`.
    public func commodityIndex(of id: String) -> Int? { commodities.firstIndex { $0.id == id } }

    /// Each commodity's weight in a limit of `measure` (docs/MODEL.md `w(c, m)`): `1 / load`, in
    /// ``commodities`` order; `nil` for a commodity the measure does not count.
    public func weights(in measure: CapacityMeasure) -> [Double?] {
        commodities.map { commodity in commodity.load(per: measure, networkUnit: network.unit).map { 1 / $0 } }
    }

    /// How much of a commodity an element with these limits lets pass per period: the tightest of its
    /// limits that count the commodity, each turned into the commodity's unit; `nil` when none does.
    public func capacity(of limits: [CapacityLimit], commodity: Int) -> Double? {
        var tightest: Double?
        for limit in limits {
            guard let load = commodities[commodity].load(per: limit.measure, networkUnit: network.unit) else { continue }
            tightest = Swift.min(tightest ?? .infinity, limit.value * load)
        }
        return tightest
    }
}

/// A commodity with its value of time and penalty resolved (its own, else the network's).
public struct ActiveCommodity: Sendable, Equatable {
    public let commodity: Commodity
    public let valueOfTimePerHour: Double
    public let unservedPenalty: Double

    public var id: String { commodity.id }
    public var name: String { commodity.name }
    public var unit: String { commodity.unit }

    /// How many units of the commodity one unit of `measure` holds (see ``Commodity/load(per:networkUnit:)``).
    public func load(per measure: CapacityMeasure, networkUnit: String) -> Double? {
        commodity.load(per: measure, networkUnit: networkUnit)
    }
}

/// What one element asks of one commodity under the scenario.
public struct ElementTerms: Sendable, Equatable {
    /// Whether the commodity may pass.
    public let accepts: Bool
    /// Cost per unit: a node's handling cost, a link's cost.
    public let cost: Double
    /// Hours per unit: a node's dwell, a link's transit time.
    public let hours: Double
    /// True when the cost is the commodity's own (`perCommodity`), not the element's.
    public let hasOwnCost: Bool
}

/// A node that is on, with its capacity under the scenario.
public struct ActiveNode: Sendable, Equatable {
    /// The node as the file describes it.
    public let node: Node
    /// Maximum throughput per period under the scenario, one limit per measure; empty is unlimited.
    public let limits: [CapacityLimit]
    /// Hours each unit spends here under the scenario (of a commodity without its own dwell).
    public let dwellHours: Double

    /// The limit in the network's unit; `nil` is none.
    public var capacity: Double? { limits.value(in: .networkUnit) }

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
    /// Maximum flow per period under the scenario, one limit per measure; empty is unlimited.
    public let limits: [CapacityLimit]

    /// The limit in the network's unit; `nil` is none.
    public var capacity: Double? { limits.value(in: .networkUnit) }

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
    /// Penalty per unit unserved: the demand's own, else its commodity's, else the network's.
    public let unservedPenalty: Double
    /// Index of its commodity in ``ActiveNetwork/commodities``.
    public let commodity: Int
    /// Index of the origin in ``ActiveNetwork/nodes``; `nil` when the origin is off.
    public let origin: Int?
    /// Index of the destination in ``ActiveNetwork/nodes``; `nil` when the destination is off.
    public let destination: Int?

    public var id: String { demand.id }
    /// False when an end is off: the whole quantity is then unserved and its penalty counts.
    public var isServable: Bool { origin != nil && destination != nil }
}
