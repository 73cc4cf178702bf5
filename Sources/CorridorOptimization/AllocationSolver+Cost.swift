import CorridorLP
import CorridorModel

extension AllocationSolver {
    /// Changes the cost per unit of an active link, both directions, in the loaded program (for every
    /// commodity without a cost of its own on the link).
    ///
    /// Only objective coefficients change, so the last optimal basis stays primal feasible and the
    /// next ``solve(timeLimit:)`` starts from it. The ``Allocation`` that `solve` decodes still prices
    /// the link at the cost of ``model``'s network (its `objective`, `objectiveParts` and route costs);
    /// the program's optimum is that objective plus `(cost − built cost) × flow on the link`.
    ///
    /// - Throws: ``AllocationError/outOfRange(_:value:limit:)`` for a cost outside 0…1e9.
    public func updateCost(of link: LinkReference, to cost: Double) throws(AllocationError) {
        try AllocationError.require(cost, atMost: ModelLimits.unitCost, "cost of link \"\(link.id)\"")
        let network = model.network
        let arcs = Set(link.arcs)
        for group in model.groups {
            let c = group.commodity
            for (position, a) in group.arcs.enumerated() where arcs.contains(a) {
                let terms = network.terms(ofArc: a, commodity: c)
                // A commodity with its own cost on the link keeps it: the sweep moves the link's cost.
                let unitCost = terms.hasOwnCost ? terms.cost : cost
                let coefficient =
                    unitCost + network.commodities[c].valueOfTimePerHour * terms.hours + model.nodeUnitCost[c][network.arcs[a].to]
                do {
                    try solver.setObjective(group.firstColumn + position, coefficient)
                } catch {
                    throw .solver("changing the cost of \"\(link.id)\": \(error)")
                }
            }
        }
    }
}
