extension ActiveNetwork {
    /// The network as one commodity sees it, for the single-commodity algorithms (routes, max-flow).
    ///
    /// Only the arcs that accept the commodity are kept (a node that refuses it keeps no arc); every arc
    /// and node has the commodity's own cost and hours; every element's limits become one capacity in
    /// the commodity's unit, the most of it that may pass (``capacity(of:commodity:)``); only the
    /// commodity's demands remain. The view's only commodity is this one, and its capacities count in
    /// the view's ``CapacityMeasure/networkUnit``.
    public func carrying(_ commodity: Int) -> ActiveNetwork {
        let chosen = commodities[commodity]
        func single(_ limits: [CapacityLimit]) -> [CapacityLimit] {
            capacity(of: limits, commodity: commodity).map { [CapacityLimit(.networkUnit, $0)] } ?? []
        }
        let viewNodes = nodes.indices.map { n in
            ActiveNode(node: nodes[n].node, limits: single(nodes[n].limits), dwellHours: terms(ofNode: n, commodity: commodity).hours)
        }
        var viewArcs: [Arc] = []
        var viewArcTerms: [ElementTerms] = []
        for (a, arc) in arcs.enumerated() {
            let own = terms(ofArc: a, commodity: commodity)
            guard own.accepts else { continue }
            viewArcs.append(
                Arc(
                    linkID: arc.linkID, linkIndex: arc.linkIndex, isReverse: arc.isReverse, from: arc.from, to: arc.to,
                    mode: arc.mode, cost: own.cost, hours: own.hours, lengthKm: arc.lengthKm, limits: single(arc.limits)))
            viewArcTerms.append(own)
        }
        let viewDemands = demands.filter { $0.commodity == commodity }.map {
            ActiveDemand(
                demand: $0.demand, quantity: $0.quantity, unservedPenalty: $0.unservedPenalty, commodity: 0,
                origin: $0.origin, destination: $0.destination)
        }
        var viewNetwork = network
        viewNetwork.unit = chosen.unit
        return ActiveNetwork(
            network: viewNetwork, scenarioID: scenarioID, scenarioName: scenarioName, nodes: viewNodes, arcs: viewArcs,
            demands: viewDemands, commodities: [chosen], nodeTerms: nodes.indices.map { terms(ofNode: $0, commodity: commodity) },
            arcTerms: viewArcTerms)
    }
}
