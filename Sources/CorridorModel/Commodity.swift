/// Something the network carries, measured in its own unit (format /2, networks/FORMAT.md "Commodities").
///
/// A network that declares none carries one implicit commodity in the network's `unit`
/// (``Network/commodities``), which is how every `/1` file reads.
public struct Commodity: Sendable, Equatable {
    public var id: String
    public var name: String
    /// What a quantity counts, e.g. `TEU` or `t`; never `trains` or `vehicles`.
    public var unit: String
    /// Money per unit per hour; `nil` is the network's.
    public var valueOfTimePerHour: Double?
    /// Money per unit left unserved; `nil` is the network's (a demand may still set its own).
    public var unservedPenalty: Double?
    /// Units one train carries; `nil` when the commodity does not go by train.
    public var perTrain: Double?
    /// Units one road vehicle carries; `nil` when it does not go by road.
    public var perVehicle: Double?
    public var meta: JSONValue?

    public init(
        id: String, name: String? = nil, unit: String, valueOfTimePerHour: Double? = nil,
        unservedPenalty: Double? = nil, perTrain: Double? = nil, perVehicle: Double? = nil, meta: JSONValue? = nil
    ) {
        self.id = id
        self.name = name ?? id
        self.unit = unit
        self.valueOfTimePerHour = valueOfTimePerHour
        self.unservedPenalty = unservedPenalty
        self.perTrain = perTrain
        self.perVehicle = perVehicle
        self.meta = meta
    }

    /// How many of this commodity's units one unit of `measure` holds: `perTrain` for trains,
    /// `perVehicle` for vehicles, 1 for the commodity's own unit; `nil` when the measure does not count
    /// this commodity (another unit), or the load is unknown.
    ///
    /// - Parameter networkUnit: the unit a ``CapacityMeasure/networkUnit`` limit counts.
    public func load(per measure: CapacityMeasure, networkUnit: String) -> Double? {
        switch measure {
        case .trains: perTrain
        case .vehicles: perVehicle
        case .networkUnit: unit == networkUnit ? 1 : nil
        case .unit(let other): unit == other ? 1 : nil
        }
    }
}

/// What a capacity limit counts.
public enum CapacityMeasure: Sendable, Hashable {
    /// The network's own `unit`: what a capacity written as a bare number counts.
    case networkUnit
    case trains
    case vehicles
    /// A commodity unit other than the network's, e.g. `t` in a network whose unit is `TEU`.
    case unit(String)

    /// The reserved names of the two vehicle measures in a capacity object.
    public static let trainsKey = "trains"
    public static let vehiclesKey = "vehicles"

    /// The measure a capacity object's key names, in a network whose unit is `networkUnit`.
    public init(key: String, networkUnit: String) {
        switch key {
        case Self.trainsKey: self = .trains
        case Self.vehiclesKey: self = .vehicles
        case networkUnit: self = .networkUnit
        default: self = .unit(key)
        }
    }

    /// The measure's name as a capacity object writes it.
    public func name(networkUnit: String) -> String {
        switch self {
        case .networkUnit: networkUnit
        case .trains: Self.trainsKey
        case .vehicles: Self.vehiclesKey
        case .unit(let unit): unit
        }
    }
}

/// One capacity limit of a node or of one direction of a link: at most ``value`` of ``measure`` per period.
public struct CapacityLimit: Sendable, Equatable {
    public var measure: CapacityMeasure
    public var value: Double

    public init(_ measure: CapacityMeasure, _ value: Double) {
        self.measure = measure
        self.value = value
    }
}

extension [CapacityLimit] {
    /// The value of the limit in `measure`, or `nil` when there is none.
    public func value(in measure: CapacityMeasure) -> Double? { first { $0.measure == measure }?.value }

    /// These limits with the one in `measure` set to `value` (added at the end when missing, removed
    /// when `value` is `nil`).
    public func setting(_ measure: CapacityMeasure, to value: Double?) -> [CapacityLimit] {
        var result = filter { $0.measure != measure }
        guard let value else { return result }
        if let position = firstIndex(where: { $0.measure == measure }) {
            result.insert(CapacityLimit(measure, value), at: position)
        } else {
            result.append(CapacityLimit(measure, value))
        }
        return result
    }
}

/// An element's own terms for one commodity (`perCommodity` in the file): a node's handling cost and
/// dwell, or a link's cost and transit hours. `nil` keeps the element's own value.
public struct CommodityTerms: Sendable, Equatable {
    public var commodity: String
    /// `handlingCost` on a node, `cost` on a link.
    public var cost: Double?
    /// `dwellHours` on a node, `hours` on a link.
    public var hours: Double?

    public init(commodity: String, cost: Double? = nil, hours: Double? = nil) {
        self.commodity = commodity
        self.cost = cost
        self.hours = hours
    }

    /// `base` with `overrides` merged key by key, per commodity, in first-seen order.
    public static func merging(_ base: [CommodityTerms], _ overrides: [CommodityTerms]) -> [CommodityTerms] {
        var result = base
        for change in overrides {
            if let position = result.firstIndex(where: { $0.commodity == change.commodity }) {
                result[position].cost = change.cost ?? result[position].cost
                result[position].hours = change.hours ?? result[position].hours
            } else {
                result.append(change)
            }
        }
        return result
    }
}
