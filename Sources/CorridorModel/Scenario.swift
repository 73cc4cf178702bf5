/// A named set of changes to the base network: elements switched on or off, capacities, costs and
/// demand quantities replaced, demand scaled.
///
/// Overrides keep the file's order so that reports list them as the author wrote them.
public struct Scenario: Sendable, Equatable {
    /// The id under which the unchanged base network is known.
    public static let baselineID = "baseline"

    public var id: String
    public var name: String
    /// Ids of nodes or links to switch on (proposed elements are off until enabled).
    public var enable: [String]
    /// Ids of nodes or links to switch off.
    public var disable: [String]
    /// Node or link id → new capacity; a `nil` capacity is unlimited.
    public var capacity: [CapacityOverride]
    /// Link id → new cost per unit.
    public var cost: [ValueOverride]
    /// Demand id → new quantity.
    public var demand: [ValueOverride]
    /// Multiplies every demand quantity, after ``demand`` is applied.
    public var demandScale: Double
    /// Format /2: bidirectional link id → new capacity of its `to → from` direction (after ``capacity``,
    /// which sets both directions).
    public var reverseCapacity: [CapacityOverride]
    /// Format /2: link id → new hours in transit.
    public var hours: [ValueOverride]
    /// Format /2: node id → new dwell hours (a queue at a crossing, for instance).
    public var dwellHours: [ValueOverride]
    /// Format /2: node or link id → the commodities it accepts under the scenario.
    public var accepts: [AcceptsOverride]
    /// Format /2: node or link id → per-commodity terms merged over the element's own.
    public var perCommodity: [CommodityTermsOverride]
    /// Format /2: commodity id → factor on the quantity of each of its demands, with ``demandScale``.
    public var commodityScale: [ValueOverride]
    public var meta: JSONValue?

    public init(
        id: String, name: String? = nil, enable: [String] = [], disable: [String] = [],
        capacity: [CapacityOverride] = [], cost: [ValueOverride] = [], demand: [ValueOverride] = [],
        demandScale: Double = 1, reverseCapacity: [CapacityOverride] = [], hours: [ValueOverride] = [],
        dwellHours: [ValueOverride] = [], accepts: [AcceptsOverride] = [],
        perCommodity: [CommodityTermsOverride] = [], commodityScale: [ValueOverride] = [], meta: JSONValue? = nil
    ) {
        self.accepts = accepts
        self.perCommodity = perCommodity
        self.commodityScale = commodityScale
        self.reverseCapacity = reverseCapacity
        self.hours = hours
        self.dwellHours = dwellHours
        self.id = id
        self.name = name ?? id
        self.enable = enable
        self.disable = disable
        self.capacity = capacity
        self.cost = cost
        self.demand = demand
        self.demandScale = demandScale
        self.meta = meta
    }
}

/// A scenario's new capacity for one node or link: its limits, replacing all of the element's; empty
/// means unlimited.
public struct CapacityOverride: Sendable, Equatable {
    public var id: String
    public var limits: [CapacityLimit]

    public init(id: String, limits: [CapacityLimit]) {
        self.id = id
        self.limits = limits
    }

    /// A capacity in the network's unit; `nil` is unlimited.
    public init(id: String, capacity: Double?) {
        self.init(id: id, limits: capacity.map { [CapacityLimit(.networkUnit, $0)] } ?? [])
    }

    /// The new limit in the network's unit, `nil` when there is none.
    public var capacity: Double? { limits.value(in: .networkUnit) }
}

/// A scenario's list of the commodities a node or link accepts.
public struct AcceptsOverride: Sendable, Equatable {
    public var id: String
    public var commodities: [String]

    public init(id: String, commodities: [String]) {
        self.id = id
        self.commodities = commodities
    }
}

/// A scenario's per-commodity terms for one node or link, merged over the element's own.
public struct CommodityTermsOverride: Sendable, Equatable {
    public var id: String
    public var terms: [CommodityTerms]

    public init(id: String, terms: [CommodityTerms]) {
        self.id = id
        self.terms = terms
    }
}

/// A scenario's new number for one element (a link's cost or a demand's quantity).
public struct ValueOverride: Sendable, Equatable {
    public var id: String
    public var value: Double

    public init(id: String, value: Double) {
        self.id = id
        self.value = value
    }
}
