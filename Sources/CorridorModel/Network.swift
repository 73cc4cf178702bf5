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
    /// Free-form notes and sources; never interpreted.
    public var meta: JSONValue?

    public init(
        name: String, unit: String = "TEU", period: String = "day", currency: String = "USD",
        valueOfTimePerHour: Double = 0, unservedPenalty: Double = Network.defaultUnservedPenalty,
        nodes: [Node], links: [Link], demands: [Demand] = [], scenarios: [Scenario] = [],
        meta: JSONValue? = nil, formatVersion: Int = 1
    ) {
        self.formatVersion = formatVersion
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
    /// Maximum throughput per period; `nil` is unlimited.
    public var capacity: Double?
    /// Cost per unit of throughput.
    public var handlingCost: Double
    /// Hours each unit spends passing through.
    public var dwellHours: Double
    public var status: ElementStatus
    public var meta: JSONValue?

    public init(
        id: String, name: String? = nil, kind: NodeKind, country: String? = nil, lat: Double? = nil,
        lon: Double? = nil, capacity: Double? = nil, handlingCost: Double = 0, dwellHours: Double = 0,
        status: ElementStatus = .existing, meta: JSONValue? = nil
    ) {
        self.id = id
        self.name = name ?? id
        self.kind = kind
        self.country = country
        self.lat = lat
        self.lon = lon
        self.capacity = capacity
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
    /// Maximum flow per period and per direction; `nil` is unlimited.
    public var capacity: Double?
    /// Format /2: the `to → from` direction's own capacity on a bidirectional link; `nil` is the same as
    /// ``capacity``.
    public var reverseCapacity: Double?
    /// When true the link is two arcs, one each way, with the same attributes (but ``reverseCapacity``).
    public var bidirectional: Bool
    public var status: ElementStatus
    public var meta: JSONValue?

    public init(
        id: String, name: String? = nil, from: String, to: String, mode: LinkMode = .rail,
        lengthKm: Double = 0, hours: Double = 0, cost: Double = 0, capacity: Double? = nil,
        reverseCapacity: Double? = nil, bidirectional: Bool = false, status: ElementStatus = .existing,
        meta: JSONValue? = nil
    ) {
        self.reverseCapacity = reverseCapacity
        self.id = id
        self.name = name
        self.from = from
        self.to = to
        self.mode = mode
        self.lengthKm = lengthKm
        self.hours = hours
        self.cost = cost
        self.capacity = capacity
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
    /// Overrides the network's penalty per unit left unserved.
    public var unservedPenalty: Double?
    public var meta: JSONValue?

    public init(
        id: String, origin: String, destination: String, quantity: Double, unservedPenalty: Double? = nil,
        meta: JSONValue? = nil
    ) {
        self.id = id
        self.origin = origin
        self.destination = destination
        self.quantity = quantity
        self.unservedPenalty = unservedPenalty
        self.meta = meta
    }
}
