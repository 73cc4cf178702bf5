import CorridorLP
import CorridorModel

extension AllocationSolver {
    /// Changes the cost per unit of an active link, both directions, in the loaded program.
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
        let timeValue = network.network.valueOfTimePerHour
        let arcs = Set(link.arcs)
        for commodity in model.commodities {
            for (position, a) in commodity.arcs.enumerated() where arcs.contains(a) {
                let arc = network.arcs[a]
                let coefficient = cost + timeValue * arc.hours + model.nodeUnitCost[arc.to]
                do {
                    try solver.setObjective(commodity.firstColumn + position, coefficient)
                } catch {
                    throw .solver("changing the cost of \"\(link.id)\": \(error)")
                }
            }
        }
    }
}
