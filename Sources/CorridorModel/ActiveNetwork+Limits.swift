extension ActiveNetwork {
    /// This network with other limits on some of its nodes and arcs, everything else as it is.
    ///
    /// For analyses that need a limit row the scenario does not give an element: criticality closes an
    /// element for every commodity by setting a limit in each of their units to 0, so it adds the units
    /// the element has no limit in.
    ///
    /// - Parameters:
    ///   - nodeLimits: node index (into ``nodes``) → that node's limits.
    ///   - arcLimits: arc index (into ``arcs``) → that arc's limits.
    public func replacingLimits(nodes nodeLimits: [Int: [CapacityLimit]], arcs arcLimits: [Int: [CapacityLimit]]) -> ActiveNetwork {
        let newNodes = nodes.enumerated().map { n, node in
            nodeLimits[n].map { ActiveNode(node: node.node, limits: $0, dwellHours: node.dwellHours) } ?? node
        }
        let newArcs = arcs.enumerated().map { a, arc in
            arcLimits[a].map {
                Arc(
                    linkID: arc.linkID, linkIndex: arc.linkIndex, isReverse: arc.isReverse, from: arc.from, to: arc.to,
                    mode: arc.mode, cost: arc.cost, hours: arc.hours, lengthKm: arc.lengthKm, limits: $0)
            } ?? arc
        }
        return ActiveNetwork(
            network: network, scenarioID: scenarioID, scenarioName: scenarioName, nodes: newNodes, arcs: newArcs,
            demands: demands, commodities: commodities,
            nodeTerms: nodes.indices.flatMap { n in commodities.indices.map { terms(ofNode: n, commodity: $0) } },
            arcTerms: arcs.indices.flatMap { a in commodities.indices.map { terms(ofArc: a, commodity: $0) } })
    }
}

extension LinkReference {
    /// One direction of the link alone (`position` 0 is its first arc, 1 the reverse of a bidirectional
    /// link), for changing that direction's capacity without the other's.
    public func direction(_ position: Int) -> LinkReference {
        LinkReference(id: id, linkIndex: linkIndex, arcs: [arcs[position]])
    }
}
