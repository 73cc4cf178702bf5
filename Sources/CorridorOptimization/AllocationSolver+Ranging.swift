import CorridorLP
import CorridorModel

/// The values a capacity or a cost may take while the last solve's optimal basis stays optimal: over it a
/// limit's shadow price holds (the objective moves by −price per extra unit), or a cost's flows hold
/// (the objective moves by the flow that pays it per extra unit of cost). `upper` is `.infinity` where
/// no change of basis ever comes; `lower` is at least 0.
public struct ValidityRange: Sendable, Equatable {
    public let lower: Double
    public let upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }
}

/// The ranges of every limit and link cost of one allocation (``AllocationSolver/sensitivity(of:)``).
public struct AllocationSensitivity: Sendable, Equatable {
    /// Per node of the allocation, in its order, the range of each of its limits, in the order of its `limits`.
    public let nodeLimits: [[ValidityRange]]
    /// Per arc, the range of each of its limits: that direction alone.
    public let arcLimits: [[ValidityRange]]
    /// Per arc, the range of its link's cost (both directions move together, so a link's two arcs agree).
    public let linkCosts: [ValidityRange]
}

extension AllocationSolver {
    /// Every range of the allocation the last ``solve(timeLimit:)`` returned: each node's and each arc's
    /// limits, and each link's cost at the cost the network gives it.
    /// - Throws: ``AllocationError/solver(_:)`` when GLPK fails or nothing has been solved yet.
    public func sensitivity(of allocation: Allocation) throws(AllocationError) -> AllocationSensitivity {
        let network = model.network
        let unit = network.network.unit
        func measure(_ limit: Allocation.LimitResult) -> CapacityMeasure { CapacityMeasure(key: limit.measure, networkUnit: unit) }
        var nodeRanges: [[ValidityRange]] = []
        for (n, node) in allocation.nodes.enumerated() {
            let reference = ElementReference.node(network.reference(toNode: n))
            nodeRanges.append(
                try node.limits.map { limit throws(AllocationError) in try capacityRange(of: reference, measure: measure(limit)) })
        }
        var arcRanges: [[ValidityRange]] = []
        var costRanges: [ValidityRange] = []
        var costOfLink: [String: ValidityRange] = [:]
        for (a, arc) in allocation.arcs.enumerated() {
            guard let link = network.linkReference(of: arc.linkID) else {
                throw .solver("ranging: the allocation's link \"\(arc.linkID)\" is not in the model")
            }
            arcRanges.append(
                try arc.limits.map { limit throws(AllocationError) in
                    try capacityRange(of: .link(link), measure: measure(limit), arc: a)
                })
            if costOfLink[arc.linkID] == nil {
                costOfLink[arc.linkID] = try costRange(of: link, at: network.arcs[a].cost)
            }
            costRanges.append(costOfLink[arc.linkID]!)
        }
        return AllocationSensitivity(nodeLimits: nodeRanges, arcLimits: arcRanges, linkCosts: costRanges)
    }

    /// The range of `element`'s limit in `measure` over which the last solve's shadow price holds: for a
    /// link both directions move together (as ``updateCapacity(of:measure:to:)`` moves them), unless `arc`
    /// names one of its arcs. Docs/MODEL.md, "Sensitivity", gives the method.
    /// - Throws: ``AllocationError/notAdjustable(_:)`` for an element without a limit row in that measure;
    ///   ``AllocationError/solver(_:)`` when GLPK fails or nothing has been solved yet.
    public func capacityRange(
        of element: ElementReference, measure: CapacityMeasure, arc: Int? = nil
    ) throws(AllocationError) -> ValidityRange {
        let rows: [Int]
        let value: Double?
        switch element {
        case .node(let node):
            guard let row = model.nodeLimitRows[node.index].first(where: { $0.measure == measure })?.row else {
                throw .notAdjustable(node.id)
            }
            rows = [row]
            value = nodeLimits[node.index].value(in: measure)
        case .link(let link):
            let arcs = arc.map { [$0] } ?? link.arcs
            rows = try arcs.map { a throws(AllocationError) in
                guard let row = model.arcLimitRows[a].first(where: { $0.measure == measure })?.row else {
                    throw .notAdjustable(link.id)
                }
                return row
            }
            value = arcLimits[arcs[0]].value(in: measure)
        }
        // An element without a limit now (a free row, named adjustable) has no shadow price to hold.
        guard let value else { return ValidityRange(lower: 0, upper: .infinity) }
        let step = try range(rows.map { (GLPKSolver.Variable.row($0), 1.0) }, "the capacity of \"\(element.id)\"")
        return ValidityRange(lower: max(0, value + step.low), upper: value + step.high)
    }

    /// The range of a link's cost (the commodities without a cost of their own on it, both directions) over
    /// which the last solve's flows stay optimal; `cost` is the value the program now holds (the network's,
    /// or the last ``updateCost(of:to:)``).
    /// - Throws: ``AllocationError/solver(_:)`` when GLPK fails or nothing has been solved yet.
    public func costRange(of link: LinkReference, at cost: Double) throws(AllocationError) -> ValidityRange {
        let network = model.network
        let arcs = Set(link.arcs)
        var columns: [(column: Int, weight: Double)] = []
        for group in model.groups {
            for (position, a) in group.arcs.enumerated()
            where arcs.contains(a) && !network.terms(ofArc: a, commodity: group.commodity).hasOwnCost {
                columns.append((group.firstColumn + position, 1))
            }
        }
        guard !columns.isEmpty else { return ValidityRange(lower: 0, upper: .infinity) }
        guard hasSolved else { throw .solver("ranging the cost of \"\(link.id)\" before a solve") }
        let step: (low: Double, high: Double)
        do {
            step = try solver.costRange(columns)
        } catch {
            throw .solver("ranging the cost of \"\(link.id)\": \(error)")
        }
        return ValidityRange(lower: max(0, cost + step.low), upper: cost + step.high)
    }

    private func range(
        _ moves: [(variable: GLPKSolver.Variable, weight: Double)], _ subject: String
    ) throws(AllocationError) -> (low: Double, high: Double) {
        guard hasSolved else { throw .solver("ranging \(subject) before a solve") }
        do {
            return try solver.upperBoundRange(moves)
        } catch {
            throw .solver("ranging \(subject): \(error)")
        }
    }
}
