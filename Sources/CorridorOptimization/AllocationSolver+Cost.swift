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
    /// - Throws: ``AllocationError/invalidInput(_:)`` for a cost that is negative or not finite, or an
    ///   id that is not an active link.
    public func updateCost(ofLink id: String, to cost: Double) throws(AllocationError) {
        guard cost.isFinite, cost >= 0, cost <= ModelLimits.unitCost else {
            throw .invalidInput(
                "cost of link \"\(id)\": \(JSONValue.format(cost)) is not a number from 0 to "
                    + ModelLimits.written(ModelLimits.unitCost))
        }
        let network = model.network
        guard network.arcs.contains(where: { $0.linkID == id }) else {
            throw .invalidInput("cost of \"\(id)\": no active link has this id")
        }
        let timeValue = network.network.valueOfTimePerHour
        for commodity in model.commodities {
            for (position, a) in commodity.arcs.enumerated() where network.arcs[a].linkID == id {
                let arc = network.arcs[a]
                let coefficient = cost + timeValue * arc.hours + model.nodeUnitCost[arc.to]
                do {
                    try solver.setObjective(commodity.firstColumn + position, coefficient)
                } catch {
                    throw .solver("changing the cost of \"\(id)\": \(error)")
                }
            }
        }
    }
}
