/// The least-cost allocation of a scenario's demands: flows, unserved quantities, routes and the
/// value of capacity, as docs/MODEL.md describes.
///
/// All quantities are in the network's unit per period, money in its currency per period. Flows are
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
        /// `Σ cost_a · flow_a`.
        public let transport: Double
        /// `Σ handlingCost_n · T_n`.
        public let handling: Double
        /// `valueOfTimePerHour · (Σ hours_a · flow_a + Σ dwellHours_n · T_n)`.
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
        /// `T_n`: what enters by arc plus what starts here.
        public let flow: Double
        /// `nil` is unlimited.
        public let capacity: Double?
        /// `flow / capacity`; `nil` when the capacity is unlimited or 0.
        public let utilisation: Double?
        /// Objective decrease per extra unit of capacity (`−` the row dual); 0 when not binding or unlimited.
        public let shadowPrice: Double
    }

    /// Flow on one direction of an active link.
    public struct ArcResult: Sendable, Equatable {
        public let linkID: String
        /// True for the `to → from` arc of a bidirectional link.
        public let isReverse: Bool
        public let from: String
        public let to: String
        public let flow: Double
        public let capacity: Double?
        /// `flow / capacity`; `nil` when the capacity is unlimited or 0.
        public let utilisation: Double?
        /// Objective decrease per extra unit of capacity; 0 when not binding or unlimited.
        public let shadowPrice: Double
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
    /// Total served and unserved quantity over all demands.
    public let served: Double
    public let unserved: Double
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
