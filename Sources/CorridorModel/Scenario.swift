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
    public var reverseCapacity: [ValueOverride]
    /// Format /2: link id → new hours in transit.
    public var hours: [ValueOverride]
    /// Format /2: node id → new dwell hours (a queue at a crossing, for instance).
    public var dwellHours: [ValueOverride]
    public var meta: JSONValue?

    public init(
        id: String, name: String? = nil, enable: [String] = [], disable: [String] = [],
        capacity: [CapacityOverride] = [], cost: [ValueOverride] = [], demand: [ValueOverride] = [],
        demandScale: Double = 1, reverseCapacity: [ValueOverride] = [], hours: [ValueOverride] = [],
        dwellHours: [ValueOverride] = [], meta: JSONValue? = nil
    ) {
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

/// A scenario's new capacity for one node or link; `nil` means unlimited.
public struct CapacityOverride: Sendable, Equatable {
    public var id: String
    public var capacity: Double?

    public init(id: String, capacity: Double?) {
        self.id = id
        self.capacity = capacity
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
