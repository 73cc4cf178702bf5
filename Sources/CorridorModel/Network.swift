/// A corridor network as read from a `corridor-network/1` or `/2` file: nodes, links, demands and scenarios.
///
/// A `Network` is the file's content after validation: every reference resolves, every number is
/// finite and in range, ids are unique. It describes the base network; ``Network/activate(scenario:)``
/// applies a scenario and gives the ``ActiveNetwork`` that algorithms work on.
public struct Network: Sendable, Equatable {
    /// The format tags a network file may carry, oldest first; `/2` is a superset of `/1`.
    public static let formatTags = ["corridor-network/1", "corridor-network/2"]
    /// The penalty per unit of unserved demand when the file names none.
    public static let defaultUnservedPenalty = 1_000_000.0

    /// 1 or 2: the version of the file's format (networks/FORMAT.md); a /1 file uses none of /2's keys.
    public var formatVersion: Int
    public var name: String
    /// The flow unit of every capacity and quantity, e.g. `TEU`.
    public var unit: String
    /// The period of every capacity and quantity, e.g. `day`.
    public var period: String
    /// The currency of every cost, e.g. `USD`.
    public var currency: String
    /// Money per unit of flow per hour in transit or dwelling; turns hours into cost.
    public var valueOfTimePerHour: Double
    /// Money per unit of demand left unserved, unless a demand sets its own.
    public var unservedPenalty: Double
    public var nodes: [Node]
    public var links: [Link]
    public var demands: [Demand]
    public var scenarios: [Scenario]
    /// Format /2: the commodities the file declares; empty when it declares none.
    public var declaredCommodities: [Commodity]
    /// Format /2: the estimates given as ranges, in file order; empty when there are none.
    public var uncertainty: [UncertainInput]
    /// Free-form notes and sources; never interpreted.
    public var meta: JSONValue?

    public init(
        name: String, unit: String = "TEU", period: String = "day", currency: String = "USD",
        valueOfTimePerHour: Double = 0, unservedPenalty: Double = Network.defaultUnservedPenalty,
        commodities: [Commodity] = [], nodes: [Node], links: [Link], demands: [Demand] = [],
        scenarios: [Scenario] = [], uncertainty: [UncertainInput] = [], meta: JSONValue? = nil, formatVersion: Int = 1
    ) {
        self.uncertainty = uncertainty
        self.formatVersion = formatVersion
        self.declaredCommodities = commodities
        self.name = name
        self.unit = unit
        self.period = period
        self.currency = currency
        self.valueOfTimePerHour = valueOfTimePerHour
        self.unservedPenalty = unservedPenalty
        self.nodes = nodes
        self.links = links
        self.demands = demands
        self.scenarios = scenarios
        self.meta = meta
    }
}

extension Network {
    /// What the network carries: the declared commodities, or else one implicit commodity with the
    /// network's unit, value of time and penalty (its id is the unit), as every `/1` file reads.
    public var commodities: [Commodity] {
        declaredCommodities.isEmpty ? [Commodity(id: unit, unit: unit)] : declaredCommodities
    }

    /// True when the file declares commodities; outputs then speak per commodity.
    public var declaresCommodities: Bool { !declaredCommodities.isEmpty }
}

/// Whether an element exists today or only in plans.
public enum ElementStatus: String, Sendable, Equatable, CaseIterable {
    /// On in every scenario unless disabled.
    case existing
    /// Off unless a scenario enables it.
    case proposed
}

/// What a node is; crossings get their own table in every result.
public enum NodeKind: String, Sendable, Equatable, CaseIterable {
    case terminal
    case dryPort = "dry_port"
    case crossing
    case port
    case junction
    case city
}

/// How a link carries freight.
public enum LinkMode: String, Sendable, Equatable, CaseIterable {
    case rail
    case ferry
    case road
}

/// A place where freight enters, leaves or passes: a terminal, dry port, crossing, port, junction or city.
public struct Node: Sendable, Equatable {
    public var id: String
    public var name: String
    public var kind: NodeKind
    /// ISO 3166-1 alpha-2 code, e.g. `KZ`.
    public var country: String?
    /// Latitude in degrees, −90…90.
    public var lat: Double?
    /// Longitude in degrees, −180…180.
    public var lon: Double?
    /// Maximum throughput per period, one limit per measure; empty is unlimited.
    public var limits: [CapacityLimit]
    /// Cost per unit of throughput.
    public var handlingCost: Double
    /// Hours each unit spends passing through.
    public var dwellHours: Double
    /// Format /2: ids of the commodities that may pass; `nil` is all of them.
    public var accepts: [String]?
    /// Format /2: handling cost and dwell of particular commodities.
    public var perCommodity: [CommodityTerms]
    public var status: ElementStatus
    public var meta: JSONValue?

    /// The limit in the network's unit (what a capacity written as a number states); `nil` is none.
    public var capacity: Double? {
        get { limits.value(in: .networkUnit) }
        set { limits = limits.setting(.networkUnit, to: newValue) }
    }

    public init(
        id: String, name: String? = nil, kind: NodeKind, country: String? = nil, lat: Double? = nil,
        lon: Double? = nil, capacity: Double? = nil, limits: [CapacityLimit] = [], handlingCost: Double = 0,
        dwellHours: Double = 0, accepts: [String]? = nil, perCommodity: [CommodityTerms] = [],
        status: ElementStatus = .existing, meta: JSONValue? = nil
    ) {
        self.limits = (capacity.map { [CapacityLimit(.networkUnit, $0)] } ?? []) + limits
        self.accepts = accepts
        self.perCommodity = perCommodity
        self.id = id
        self.name = name ?? id
        self.kind = kind
        self.country = country
        self.lat = lat
        self.lon = lon
        self.handlingCost = handlingCost
        self.dwellHours = dwellHours
        self.status = status
        self.meta = meta
    }
}

/// A rail, ferry or road connection between two nodes.
public struct Link: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var from: String
    public var to: String
    public var mode: LinkMode
    public var lengthKm: Double
    public var hours: Double
    /// Cost per unit of flow.
    public var cost: Double
    /// Maximum flow per period of the `from → to` direction (and of the other direction of a
    /// bidirectional link unless ``reverseLimits`` says otherwise), one limit per measure; empty is unlimited.
    public var limits: [CapacityLimit]
    /// Format /2: the `to → from` direction's own limits on a bidirectional link; `nil` is ``limits``.
    public var reverseLimits: [CapacityLimit]?
    /// When true the link is two arcs, one each way, with the same attributes (but ``reverseLimits``).
    public var bidirectional: Bool
    /// Format /2: ids of the commodities that may use the link; `nil` is all of them.
    public var accepts: [String]?
    /// Format /2: cost and hours of particular commodities.
    public var perCommodity: [CommodityTerms]
    public var status: ElementStatus
    public var meta: JSONValue?

    /// The limit in the network's unit (what a capacity written as a number states); `nil` is none.
    public var capacity: Double? {
        get { limits.value(in: .networkUnit) }
        set { limits = limits.setting(.networkUnit, to: newValue) }
    }

    /// The `to → from` direction's own limit in the network's unit; `nil` when the direction has no
    /// limits of its own (it then has ``limits``) or none in that unit.
    public var reverseCapacity: Double? {
        get { reverseLimits?.value(in: .networkUnit) }
        set { reverseLimits = newValue.map { [CapacityLimit(.networkUnit, $0)] } }
    }

    public init(
        id: String, name: String? = nil, from: String, to: String, mode: LinkMode = .rail,
        lengthKm: Double = 0, hours: Double = 0, cost: Double = 0, capacity: Double? = nil,
        limits: [CapacityLimit] = [], reverseCapacity: Double? = nil, reverseLimits: [CapacityLimit]? = nil,
        bidirectional: Bool = false, accepts: [String]? = nil, perCommodity: [CommodityTerms] = [],
        status: ElementStatus = .existing, meta: JSONValue? = nil
    ) {
        self.limits = (capacity.map { [CapacityLimit(.networkUnit, $0)] } ?? []) + limits
        self.reverseLimits = reverseLimits ?? reverseCapacity.map { [CapacityLimit(.networkUnit, $0)] }
        self.accepts = accepts
        self.perCommodity = perCommodity
        self.id = id
        self.name = name
        self.from = from
        self.to = to
        self.mode = mode
        self.lengthKm = lengthKm
        self.hours = hours
        self.cost = cost
        self.bidirectional = bidirectional
        self.status = status
        self.meta = meta
    }
}

/// A quantity per period to move from an origin to a destination.
public struct Demand: Sendable, Equatable {
    public var id: String
    public var origin: String
    public var destination: String
    public var quantity: Double
    /// Format /2: the id of the demand's commodity; `nil` is the network's only commodity.
    public var commodity: String?
    /// Overrides the commodity's (else the network's) penalty per unit left unserved.
    public var unservedPenalty: Double?
    public var meta: JSONValue?

    public init(
        id: String, origin: String, destination: String, quantity: Double, commodity: String? = nil,
        unservedPenalty: Double? = nil, meta: JSONValue? = nil
    ) {
        self.commodity = commodity
        self.id = id
        self.origin = origin
        self.destination = destination
        self.quantity = quantity
        self.unservedPenalty = unservedPenalty
        self.meta = meta
    }
}
