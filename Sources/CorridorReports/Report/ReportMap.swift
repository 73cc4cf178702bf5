import CorridorModel

/// One map of the report: nodes placed by latitude and longitude, links drawn between them.
///
/// Nodes without coordinates cannot be drawn; leave them out. Links whose ends are not among the
/// nodes are not drawn and are counted in a note under the map.
public struct ReportMap: Sendable, Equatable {
    /// The caption above the map, e.g. `Baseline` or `Bakhty–Tacheng open`.
    public var title: String
    public var nodes: [MapNode]
    public var links: [MapLink]
    /// The unit of every flow on the map, e.g. `TEU/day`; shown in the legend and tooltips.
    public var flowUnit: String
    /// What the flows count when the unit alone does not say, e.g. `each commodity ÷ its load per train`;
    /// shown in the legend after the unit. Empty for none.
    public var flowBasis: String

    public init(title: String, nodes: [MapNode], links: [MapLink], flowUnit: String = "", flowBasis: String = "") {
        self.title = title
        self.nodes = nodes
        self.links = links
        self.flowUnit = flowUnit
        self.flowBasis = flowBasis
    }
}

/// A node on a ``ReportMap``.
public struct MapNode: Sendable, Equatable {
    public var id: String
    /// The label shown beside crossings, terminals and ports.
    public var name: String
    /// Latitude in degrees, −90…90.
    public var lat: Double
    /// Longitude in degrees, −180…180.
    public var lon: Double
    /// Crossings are drawn as diamonds coloured by utilisation; every other kind as a circle.
    public var kind: NodeKind
    /// Drawn with the "proposed" outline: the element exists only in plans.
    public var isProposed: Bool
    /// Drawn faded when false: the element is off in this map's scenario.
    public var isActive: Bool
    /// Throughput over capacity, 0…1 (values above 1 are drawn as binding); `nil` when unlimited.
    public var utilisation: Double?
    /// Throughput per period, in the map's ``ReportMap/flowUnit``.
    public var flow: Double

    public init(
        id: String, name: String, lat: Double, lon: Double, kind: NodeKind, isProposed: Bool = false,
        isActive: Bool = true, utilisation: Double? = nil, flow: Double = 0
    ) {
        self.id = id
        self.name = name
        self.lat = lat
        self.lon = lon
        self.kind = kind
        self.isProposed = isProposed
        self.isActive = isActive
        self.utilisation = utilisation
        self.flow = flow
    }
}

/// A link on a ``ReportMap``, drawn as a straight line whose width grows with its flow.
public struct MapLink: Sendable, Equatable {
    public var id: String
    public var fromID: String
    public var toID: String
    /// Flow per period in the map's ``ReportMap/flowUnit``; for a two-way link, both directions together.
    public var flow: Double
    /// Capacity per period; `nil` when unlimited. Shown in the tooltip.
    public var capacity: Double?
    /// Flow over capacity, 0…1; colours the line when given.
    public var utilisation: Double?
    /// Ferry links are dashed, road links dash-dotted, rail links solid.
    public var mode: LinkMode
    public var isProposed: Bool
    public var isActive: Bool

    public init(
        id: String, fromID: String, toID: String, flow: Double = 0, capacity: Double? = nil,
        utilisation: Double? = nil, mode: LinkMode = .rail, isProposed: Bool = false, isActive: Bool = true
    ) {
        self.id = id
        self.fromID = fromID
        self.toID = toID
        self.flow = flow
        self.capacity = capacity
        self.utilisation = utilisation
        self.mode = mode
        self.isProposed = isProposed
        self.isActive = isActive
    }
}
