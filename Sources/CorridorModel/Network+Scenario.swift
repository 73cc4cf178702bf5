extension Network {
    /// Applies a scenario to the base network.
    ///
    /// Proposed elements are off unless the scenario enables them; `disable` wins over `enable`; a link
    /// touching a node that is off is off too; capacity and cost overrides replace the file's values (a
    /// link's capacity override sets both directions, then a reverse-capacity override the `to → from`
    /// one); hours and dwell overrides replace times; `accepts` replaces what an element accepts and
    /// `perCommodity` merges over its own terms; demand overrides replace quantities, then `demandScale`
    /// and the demand's `commodityScale` multiply them.
    ///
    /// - Parameter scenarioID: a scenario's id, or `nil` / ``Scenario/baselineID`` for the base network.
    /// - Throws: ``UnknownScenarioError`` when no scenario has that id.
    public func activate(scenario scenarioID: String? = nil) throws(UnknownScenarioError) -> ActiveNetwork {
        let id = scenarioID ?? Scenario.baselineID
        if id == Scenario.baselineID {
            return activate(Scenario(id: Scenario.baselineID, name: "Base network"))
        }
        guard let scenario = scenarios.first(where: { $0.id == id }) else {
            throw UnknownScenarioError(
                id: id, known: [Scenario.baselineID] + scenarios.map(\.id),
                suggestion: Suggestion.closest(to: id, among: [Scenario.baselineID] + scenarios.map(\.id)),
                actualKind: kind(ofID: id))
        }
        return activate(scenario)
    }

    /// Applies a scenario value (which need not be one of ``scenarios``) to the base network.
    public func activate(_ scenario: Scenario) -> ActiveNetwork {
        let enabled = Set(scenario.enable)
        let disabled = Set(scenario.disable)
        func isOn(_ id: String, _ status: ElementStatus) -> Bool {
            if disabled.contains(id) { return false }
            return status == .existing || enabled.contains(id)
        }
        var limitsOverride: [String: [CapacityLimit]] = [:]
        for change in scenario.capacity { limitsOverride[change.id] = change.limits }
        let reverseOverride = Dictionary(scenario.reverseCapacity.map { ($0.id, $0.limits) }, uniquingKeysWith: { $1 })
        let costOverride = Self.lastValues(scenario.cost)
        let quantityOverride = Self.lastValues(scenario.demand)
        let hoursOverride = Self.lastValues(scenario.hours)
        let dwellOverride = Self.lastValues(scenario.dwellHours)
        let commodityScale = Self.lastValues(scenario.commodityScale)
        let acceptsOverride = Dictionary(scenario.accepts.map { ($0.id, $0.commodities) }, uniquingKeysWith: { $1 })
        var termsOverride: [String: [CommodityTerms]] = [:]
        for change in scenario.perCommodity {
            termsOverride[change.id] = CommodityTerms.merging(termsOverride[change.id] ?? [], change.terms)
        }

        let commodityList = commodities
        let activeCommodities = commodityList.map {
            ActiveCommodity(
                commodity: $0, valueOfTimePerHour: $0.valueOfTimePerHour ?? valueOfTimePerHour,
                unservedPenalty: $0.unservedPenalty ?? unservedPenalty)
        }
        /// One element's terms for every commodity, in commodity order.
        func terms(
            id: String, accepts: [String]?, own: [CommodityTerms], cost: Double, hours: Double
        ) -> [ElementTerms] {
            let accepted = (acceptsOverride[id] ?? accepts).map(Set.init)
            let merged = termsOverride[id].map { CommodityTerms.merging(own, $0) } ?? own
            return commodityList.map { commodity in
                let special = merged.first { $0.commodity == commodity.id }
                return ElementTerms(
                    accepts: accepted?.contains(commodity.id) ?? true, cost: special?.cost ?? cost,
                    hours: special?.hours ?? hours, hasOwnCost: special?.cost != nil)
            }
        }

        var activeNodes: [ActiveNode] = []
        var nodeTerms: [ElementTerms] = []
        var indexByID: [String: Int] = [:]
        for node in nodes where isOn(node.id, node.status) {
            indexByID[node.id] = activeNodes.count
            let dwellHours = dwellOverride[node.id] ?? node.dwellHours
            activeNodes.append(ActiveNode(node: node, limits: limitsOverride[node.id] ?? node.limits, dwellHours: dwellHours))
            nodeTerms += terms(
                id: node.id, accepts: node.accepts, own: node.perCommodity, cost: node.handlingCost, hours: dwellHours)
        }

        let commodityCount = commodityList.count
        var arcs: [Arc] = []
        var arcTerms: [ElementTerms] = []
        for (linkIndex, link) in links.enumerated() where isOn(link.id, link.status) {
            guard let from = indexByID[link.from], let to = indexByID[link.to] else { continue }
            let limits = limitsOverride[link.id] ?? link.limits
            let reverseLimits = reverseOverride[link.id] ?? (limitsOverride[link.id] != nil ? limits : link.reverseLimits ?? limits)
            let cost = costOverride[link.id] ?? link.cost
            let hours = hoursOverride[link.id] ?? link.hours
            let linkTerms = terms(id: link.id, accepts: link.accepts, own: link.perCommodity, cost: cost, hours: hours)
            for isReverse in link.bidirectional ? [false, true] : [false] {
                arcs.append(
                    Arc(
                        linkID: link.id, linkIndex: linkIndex, isReverse: isReverse,
                        from: isReverse ? to : from, to: isReverse ? from : to, mode: link.mode, cost: cost,
                        hours: hours, lengthKm: link.lengthKm, limits: isReverse ? reverseLimits : limits))
                for c in 0..<commodityCount {
                    let own = linkTerms[c]
                    let endsAccept = nodeTerms[from * commodityCount + c].accepts && nodeTerms[to * commodityCount + c].accepts
                    arcTerms.append(
                        ElementTerms(accepts: own.accepts && endsAccept, cost: own.cost, hours: own.hours, hasOwnCost: own.hasOwnCost))
                }
            }
        }

        let activeDemands = demands.map { demand in
            let commodity = demand.commodity.flatMap { id in commodityList.firstIndex { $0.id == id } } ?? 0
            let scale = scenario.demandScale * (commodityScale[commodityList[commodity].id] ?? 1)
            return ActiveDemand(
                demand: demand, quantity: (quantityOverride[demand.id] ?? demand.quantity) * scale,
                unservedPenalty: demand.unservedPenalty ?? activeCommodities[commodity].unservedPenalty,
                commodity: commodity, origin: indexByID[demand.origin], destination: indexByID[demand.destination])
        }
        return ActiveNetwork(
            network: self, scenarioID: scenario.id, scenarioName: scenario.name, nodes: activeNodes,
            arcs: arcs, demands: activeDemands, commodities: activeCommodities, nodeTerms: nodeTerms, arcTerms: arcTerms)
    }

    /// id → value, the last override of an id winning.
    private static func lastValues(_ overrides: [ValueOverride]) -> [String: Double] {
        Dictionary(overrides.map { ($0.id, $0.value) }, uniquingKeysWith: { $1 })
    }
}

/// A scenario id that the network does not define.
public struct UnknownScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public let id: String
    /// Every id that would have been accepted, `baseline` first.
    public let known: [String]
    public let suggestion: String?
    /// What the id names instead (`node`, `link`, `demand`), when it names something.
    public let actualKind: String?

    public init(id: String, known: [String], suggestion: String?, actualKind: String? = nil) {
        (self.id, self.known, self.suggestion, self.actualKind) = (id, known, suggestion, actualKind)
    }

    public var description: String {
        var text = actualKind.map { "\"\(id)\" is a \($0), not a scenario" } ?? "unknown scenario \"\(id)\""
        if let suggestion { text += " (did you mean \"\(suggestion)\"?)" }
        text += "; the network has: " + known.joined(separator: ", ")
        return text
    }
}
