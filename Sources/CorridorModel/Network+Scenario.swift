extension Network {
    /// Applies a scenario to the base network.
    ///
    /// Proposed elements are off unless the scenario enables them; `disable` wins over `enable`; a link
    /// touching a node that is off is off too; capacity and cost overrides replace the file's values (a
    /// link's capacity override sets both directions, then a reverse-capacity override the `to → from`
    /// one); hours and dwell overrides replace times; demand overrides replace quantities, then
    /// `demandScale` multiplies every quantity.
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
        var capacityOverride: [String: Double?] = [:]
        for change in scenario.capacity { capacityOverride[change.id] = change.capacity }
        var costOverride: [String: Double] = [:]
        for change in scenario.cost { costOverride[change.id] = change.value }
        var quantityOverride: [String: Double] = [:]
        for change in scenario.demand { quantityOverride[change.id] = change.value }
        let reverseOverride = Dictionary(scenario.reverseCapacity.map { ($0.id, $0.value) }, uniquingKeysWith: { $1 })
        let hoursOverride = Dictionary(scenario.hours.map { ($0.id, $0.value) }, uniquingKeysWith: { $1 })
        let dwellOverride = Dictionary(scenario.dwellHours.map { ($0.id, $0.value) }, uniquingKeysWith: { $1 })

        var activeNodes: [ActiveNode] = []
        var indexByID: [String: Int] = [:]
        for node in nodes where isOn(node.id, node.status) {
            indexByID[node.id] = activeNodes.count
            activeNodes.append(
                ActiveNode(
                    node: node, capacity: capacityOverride[node.id] ?? node.capacity,
                    dwellHours: dwellOverride[node.id] ?? node.dwellHours))
        }

        var arcs: [Arc] = []
        for (linkIndex, link) in links.enumerated() where isOn(link.id, link.status) {
            guard let from = indexByID[link.from], let to = indexByID[link.to] else { continue }
            let capacity = capacityOverride[link.id] ?? link.capacity
            let reverseCapacity: Double? =
                reverseOverride[link.id] ?? (capacityOverride[link.id] != nil ? capacity : link.reverseCapacity ?? capacity)
            let cost = costOverride[link.id] ?? link.cost
            let hours = hoursOverride[link.id] ?? link.hours
            for isReverse in link.bidirectional ? [false, true] : [false] {
                arcs.append(
                    Arc(
                        linkID: link.id, linkIndex: linkIndex, isReverse: isReverse,
                        from: isReverse ? to : from, to: isReverse ? from : to, mode: link.mode, cost: cost,
                        hours: hours, lengthKm: link.lengthKm, capacity: isReverse ? reverseCapacity : capacity))
            }
        }

        let activeDemands = demands.map { demand in
            ActiveDemand(
                demand: demand,
                quantity: (quantityOverride[demand.id] ?? demand.quantity) * scenario.demandScale,
                unservedPenalty: demand.unservedPenalty ?? unservedPenalty,
                origin: indexByID[demand.origin], destination: indexByID[demand.destination])
        }
        return ActiveNetwork(
            network: self, scenarioID: scenario.id, scenarioName: scenario.name, nodes: activeNodes,
            arcs: arcs, demands: activeDemands)
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
