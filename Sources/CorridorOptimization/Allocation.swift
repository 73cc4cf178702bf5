/// The least-cost allocation of a scenario's demands: flows, unserved quantities, routes and the
/// value of capacity, as docs/MODEL.md describes.
///
/// Quantities are in each commodity's unit per period (the network's unit when it declares none), money
/// in its currency per period. Totals over commodities (``served``, a node's ``NodeResult/flow``) count
/// the commodities measured in the network's unit; ``commodities`` and the per-commodity flows give the
/// rest. Flows are
/// cleaned of solver noise: values within ``Allocation/tolerance`` of zero (relative to the largest
/// quantity) are reported as 0.
///
/// Not promised: when several optima tie, which one GLPK returns. Routes are deterministic for a
/// given solution (the same input gives the same output), but another solver may split flows
/// differently at equal cost.
public struct Allocation: Sendable, Equatable {
    /// What GLPK established about the program. Only an optimum is ever returned: the unserved
    /// variables make every allocation feasible and costs ≥ 0 bound it, so GLPK reporting
    /// anything else is an internal error (``AllocationError/solver(_:)``).
    public enum Status: String, Sendable, Equatable {
        case optimal
    }

    /// The objective split into the parts of docs/MODEL.md; they sum to ``Allocation/objective``.
    public struct ObjectiveParts: Sendable, Equatable {
        /// `Σ_c Σ_a cost_{a,c} · flow_{a,c}`.
        public let transport: Double
        /// `Σ_c Σ_n handlingCost_{n,c} · T_{n,c}`.
        public let handling: Double
        /// `Σ_c valueOfTimePerHour_c · (Σ_a hours_{a,c} · flow_{a,c} + Σ_n dwellHours_{n,c} · T_{n,c})`.
        public let timeValue: Double
        /// `Σ penalty_k · u_k`, demands with an end off included.
        public let unservedPenalty: Double

        public var total: Double { transport + handling + timeValue + unservedPenalty }
    }

    /// One path a demand's flow takes.
    public struct Route: Sendable, Equatable {
        /// Node ids from origin to destination.
        public let nodes: [String]
        /// Link ids, one per step (a reverse arc carries its link's id; ``nodes`` gives the direction).
        public let links: [String]
        /// Flow on this path, per period.
        public let flow: Double
        /// `flow / served` of the demand.
        public let share: Double
        /// Hours per unit: `Σ hours_a + Σ dwellHours_n` over its arcs and all its nodes, ends included.
        public let hours: Double
        /// Generalised cost per unit: `Σ c_a + Σ h_n` over its arcs and all its nodes, ends included.
        public let cost: Double
        /// Ids of the nodes of kind `crossing` on the path, in path order.
        public let crossings: [String]
    }

    /// What happened to one demand.
    public struct DemandResult: Sendable, Equatable {
        public let id: String
        /// The id of its commodity (the network's unit when it declares none).
        public let commodity: String
        public let origin: String
        public let destination: String
        /// Quantity under the scenario (after any demand scale).
        public let quantity: Double
        public let served: Double
        public let unserved: Double
        /// False when its origin or destination is off in the scenario: wholly unserved.
        public let isServable: Bool
        /// Paths carrying ``served``, by flow (largest first), then by link ids.
        public let routes: [Route]
    }

    /// Throughput of one active node.
    public struct NodeResult: Sendable, Equatable {
        public let id: String
        /// `T_n`: what enters by arc plus what starts here, over commodities in the network's unit.
        public let flow: Double
        /// The limit in the network's unit; `nil` is none.
        public let capacity: Double?
        /// `flow / capacity`; `nil` when the capacity is unlimited or 0.
        public let utilisation: Double?
        /// Objective decrease per extra unit of capacity (`−` the row dual); 0 when not binding or unlimited.
        public let shadowPrice: Double
        /// `T_{n,c}` per commodity, in the order of ``Allocation/commodities``, each in its own unit.
        public let flows: [Double]
        /// Every limit of the node, in the order the file gives them.
        public let limits: [LimitResult]
    }

    /// One capacity limit of a node or of one direction of a link, and how much of it is used.
    public struct LimitResult: Sendable, Equatable {
        /// `trains`, `vehicles`, or a unit (the network's unit for a capacity written as a number).
        public let measure: String
        /// `nil` for a row kept for a later change while unlimited.
        public let capacity: Double?
        /// How much of the measure passes: `Σ_c flow_c / load_c` over the commodities it counts.
        public let used: Double
        /// `used / capacity`; `nil` when unlimited or 0.
        public let utilisation: Double?
        /// Objective decrease per extra unit of the measure, e.g. USD per extra train a day.
        public let shadowPrice: Double
    }

    /// What happened to the demands of one commodity.
    public struct CommodityResult: Sendable, Equatable {
        public let id: String
        public let name: String
        public let unit: String
        public let quantity: Double
        public let served: Double
        public let unserved: Double
        /// Trains a period the served quantity fills (`served / perTrain`); `nil` without a train load.
        public let trains: Double?
    }

    /// Flow on one direction of an active link.
    public struct ArcResult: Sendable, Equatable {
        public let linkID: String
        /// True for the `to → from` arc of a bidirectional link.
        public let isReverse: Bool
        public let from: String
        public let to: String
        /// Flow over commodities in the network's unit.
        public let flow: Double
        /// The limit in the network's unit; `nil` is none.
        public let capacity: Double?
        /// `flow / capacity`; `nil` when the capacity is unlimited or 0.
        public let utilisation: Double?
        /// Objective decrease per extra unit of capacity; 0 when not binding or unlimited.
        public let shadowPrice: Double
        /// Flow per commodity, in the order of ``Allocation/commodities``.
        public let flows: [Double]
        public let limits: [LimitResult]
    }

    /// One crossing's part in the allocation.
    public struct CrossingResult: Sendable, Equatable {
        public let id: String
        public let name: String
        /// Throughput `T_n`.
        public let flow: Double
        /// `flow / served`: the fraction of all served freight that passes this crossing; 0 when nothing
        /// is served. Routes may pass several crossings, so shares over all crossings can exceed 1.
        public let share: Double
        public let capacity: Double?
        public let utilisation: Double?
        public let shadowPrice: Double
        /// Demands whose routes pass the crossing, with the flow they send through it; largest first.
        public let demands: [DemandFlow]
        /// Throughput per commodity, and every limit, as in ``NodeResult``.
        public let flows: [Double]
        public let limits: [LimitResult]
    }

    /// A demand's flow through one element.
    public struct DemandFlow: Sendable, Equatable {
        public let id: String
        public let flow: Double
    }

    /// Relative threshold below which solver values count as zero (times the largest quantity or
    /// capacity in play, at least 1).
    public static let tolerance = 1e-9

    public let networkName: String
    public let scenarioID: String
    public let status: Status
    /// `Σ c_a·flow_a + Σ h_n·T_n + Σ penalty_k·u_k`, recomputed from the reported flows.
    public let objective: Double
    public let objectiveParts: ObjectiveParts
    /// Total served and unserved quantity over the demands in the network's unit (all of them in a network
    /// that declares no commodities).
    public let served: Double
    public let unserved: Double
    /// Every commodity of the network, in its order; one, in the network's unit, when it declares none.
    public let commodities: [CommodityResult]
    /// Every demand of the network, in file order.
    public let demands: [DemandResult]
    /// Every active node, in the order of ``CorridorModel/ActiveNetwork/nodes``.
    public let nodes: [NodeResult]
    /// Every active arc, in the order of ``CorridorModel/ActiveNetwork/arcs``.
    public let arcs: [ArcResult]
    /// Active nodes of kind `crossing`, in network order; crossings that are off are not listed.
    public let crossings: [CrossingResult]
    /// Simplex iterations GLPK spent on this solve.
    public let iterations: Int
}
