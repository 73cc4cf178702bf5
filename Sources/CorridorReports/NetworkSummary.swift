import CorridorModel
import Foundation

/// The facts `info` reports, gathered once for both output formats.
public struct NetworkSummary {
    struct Group {
        var name: String
        var count = 0
        var on = 0
        var lengthKm = 0.0
    }

    let active: ActiveNetwork
    let nodeKinds: [Group]
    let linkModes: [Group]
    let crossings: [Node]

    public init(_ active: ActiveNetwork) {
        self.active = active
        let network = active.network
        let onNodes = Set(active.nodes.map(\.id))
        let onLinks = Set(active.arcs.map(\.linkID))
        nodeKinds = NodeKind.allCases.compactMap { kind in
            let nodes = network.nodes.filter { $0.kind == kind }
            guard !nodes.isEmpty else { return nil }
            return Group(name: kind.rawValue, count: nodes.count, on: nodes.filter { onNodes.contains($0.id) }.count)
        }
        linkModes = LinkMode.allCases.compactMap { mode in
            let links = network.links.filter { $0.mode == mode }
            guard !links.isEmpty else { return nil }
            return Group(
                name: mode.rawValue, count: links.count, on: links.filter { onLinks.contains($0.id) }.count,
                lengthKm: links.reduce(0) { $0 + $1.lengthKm })
        }
        crossings = network.nodes.filter { $0.kind == .crossing }
    }

    private var network: Network { active.network }
    private var onLinkCount: Int { Set(active.arcs.map(\.linkID)).count }
    private var totalQuantity: Double { active.demands.reduce(0) { $0 + $1.quantity } }

    /// The node's limits and dwell under the scenario (the file's when it is off).
    private func effectiveCapacity(of node: Node) -> (on: Bool, limits: [CapacityLimit], dwellHours: Double) {
        guard let index = active.nodeIndex(of: node.id) else { return (false, node.limits, node.dwellHours) }
        return (true, active.nodes[index].limits, active.nodes[index].dwellHours)
    }

    private func capacityText(_ limits: [CapacityLimit]) -> String { CapacityText.text(limits, network: network) }

    // MARK: - Table

    public var table: String {
        let unit = "\(network.unit)/\(network.period)"
        var text = "\(network.name)\n"
        text += "scenario: \(active.scenarioID) (\(active.scenarioName))\n"
        text += "units: \(network.unit) per \(network.period); costs in \(network.currency) per \(network.unit); "
        text += "value of time \(number(network.valueOfTimePerHour)) \(network.currency) per \(network.unit)-hour; "
        text += "unserved penalty \(number(network.unservedPenalty)) \(network.currency) per \(network.unit)\n"

        text += "\nnodes: \(network.nodes.count) (\(active.nodes.count) on)\n"
        var kinds = TextTable([("kind", .left), ("count", .right), ("on", .right)])
        for kind in nodeKinds { kinds.append([kind.name, String(kind.count), String(kind.on)]) }
        text += kinds.rendered(indent: "  ")

        text += "\ncrossings: \(crossings.count)\n"
        if !crossings.isEmpty {
            var table = TextTable([
                ("id", .left), ("name", .left), ("country", .left), ("status", .left), ("on", .left),
                (network.declaresCommodities ? "capacity per \(network.period)" : "capacity \(unit)", .right), ("handling \(network.currency)", .right), ("dwell h", .right),
            ])
            for crossing in crossings {
                let effective = effectiveCapacity(of: crossing)
                table.append([
                    crossing.id, crossing.name, crossing.country ?? "", crossing.status.rawValue,
                    effective.on ? "yes" : "no", capacityText(effective.limits),
                    number(crossing.handlingCost), number(effective.dwellHours),
                ])
            }
            text += table.rendered(indent: "  ")
        }

        text += "\nlinks: \(network.links.count) (\(onLinkCount) on)\n"
        var modes = TextTable([("mode", .left), ("count", .right), ("on", .right), ("km", .right)])
        for mode in linkModes { modes.append([mode.name, String(mode.count), String(mode.on), number(mode.lengthKm)]) }
        text += modes.rendered(indent: "  ")

        let servable = active.demands.filter(\.isServable).count
        if network.declaresCommodities {
            text += "\ndemands: \(network.demands.count) (\(servable) servable)\n"
            text += commodityTable.rendered(indent: "  ")
        } else {
            text += "\ndemands: \(network.demands.count) (\(servable) servable), total \(number(totalQuantity)) \(unit)\n"
        }

        text += "\nscenarios: \(network.scenarios.count)\n"
        if !network.scenarios.isEmpty {
            var table = TextTable([("id", .left), ("name", .left), ("changes", .left)])
            for scenario in network.scenarios {
                table.append([scenario.id, scenario.name, changes(of: scenario).joined(separator: "; ")])
            }
            text += table.rendered(indent: "  ")
        }
        return text
    }

    /// Each commodity: its unit, loads, value of time, penalty and demand under the scenario.
    private var commodityTable: TextTable {
        var table = TextTable([
            ("commodity", .left), ("unit", .left), ("per train", .right), ("per vehicle", .right),
            ("VOT \(network.currency)/unit-h", .right), ("penalty", .right), ("demands", .right),
            ("quantity/\(network.period)", .right),
        ])
        for (c, commodity) in active.commodities.enumerated() {
            let demands = active.demands.filter { $0.commodity == c }
            table.append([
                commodity.id, commodity.unit, commodity.commodity.perTrain.map(number) ?? "–",
                commodity.commodity.perVehicle.map(number) ?? "–", number(commodity.valueOfTimePerHour),
                number(commodity.unservedPenalty), String(demands.count),
                number(demands.reduce(0) { $0 + $1.quantity }) + " " + commodity.unit,
            ])
        }
        return table
    }

    /// A scenario's changes as short phrases, in the order the format lists them.
    private func changes(of scenario: Scenario) -> [String] {
        var phrases: [String] = []
        if !scenario.enable.isEmpty { phrases.append("enable " + scenario.enable.joined(separator: ", ")) }
        if !scenario.disable.isEmpty { phrases.append("disable " + scenario.disable.joined(separator: ", ")) }
        if !scenario.capacity.isEmpty {
            phrases.append(
                "capacity "
                    + scenario.capacity.map { "\($0.id) \(capacityText($0.limits))" }.joined(separator: ", "))
        }
        if !scenario.cost.isEmpty {
            phrases.append("cost " + scenario.cost.map { "\($0.id) \(number($0.value))" }.joined(separator: ", "))
        }
        if !scenario.demand.isEmpty {
            phrases.append("demand " + scenario.demand.map { "\($0.id) \(number($0.value))" }.joined(separator: ", "))
        }
        if scenario.demandScale != 1 { phrases.append("demand × \(number(scenario.demandScale))") }
        if !scenario.reverseCapacity.isEmpty {
            phrases.append(
                "reverse capacity "
                    + scenario.reverseCapacity.map { "\($0.id) \(capacityText($0.limits))" }.joined(separator: ", "))
        }
        for (label, overrides) in [("hours", scenario.hours), ("dwell h", scenario.dwellHours), ("scale", scenario.commodityScale)]
        where !overrides.isEmpty {
            phrases.append(label + " " + overrides.map { "\($0.id) \(number($0.value))" }.joined(separator: ", "))
        }
        if !scenario.accepts.isEmpty {
            phrases.append(
                "accepts " + scenario.accepts.map { "\($0.id) " + $0.commodities.joined(separator: "+") }.joined(separator: ", "))
        }
        if !scenario.perCommodity.isEmpty {
            phrases.append("per-commodity terms " + scenario.perCommodity.map(\.id).joined(separator: ", "))
        }
        return phrases.isEmpty ? ["none"] : phrases
    }

    private func number(_ value: Double) -> String { JSONValue.format(value) }

    // MARK: - JSON

    /// The `corridor-info/1` document (docs/OUTPUT.md).
    public var json: JSONValue {
        func group(_ key: String, _ group: Group, withLength: Bool) -> JSONValue {
            var entries: [(key: String, value: JSONValue)] = [
                (key, .string(group.name)), ("count", .number(Double(group.count))), ("on", .number(Double(group.on))),
            ]
            if withLength { entries.append(("lengthKm", .number(group.lengthKm))) }
            return .object(entries)
        }
        let crossingsJSON = crossings.map { crossing -> JSONValue in
            let effective = effectiveCapacity(of: crossing)
            var entries: [(key: String, value: JSONValue)] = [
                ("id", .string(crossing.id)), ("name", .string(crossing.name)), ("country", .string(crossing.country)),
                ("status", .string(crossing.status.rawValue)), ("on", .bool(effective.on)),
                ("capacity", .number(effective.limits.value(in: .networkUnit))), ("baseCapacity", .number(crossing.capacity)),
                ("handlingCost", .number(crossing.handlingCost)), ("dwellHours", .number(effective.dwellHours)),
            ]
            if speaksCommodities {
                entries.append(("limits", CapacityText.json(effective.limits, networkUnit: network.unit)))
                entries.append(("accepts", crossing.accepts.map { .array($0.map { .string($0) }) } ?? .null))
            }
            return .object(entries)
        }
        let scenariosJSON = network.scenarios.map { scenario -> JSONValue in
            .object([
                ("id", .string(scenario.id)), ("name", .string(scenario.name)),
                ("enable", .array(scenario.enable.map { .string($0) })),
                ("disable", .array(scenario.disable.map { .string($0) })),
                ("capacity", .array(scenario.capacity.map(capacityOverride))),
                ("cost", .array(scenario.cost.map { .object([("id", .string($0.id)), ("cost", .number($0.value))]) })),
                (
                    "demand",
                    .array(scenario.demand.map { .object([("id", .string($0.id)), ("quantity", .number($0.value))]) })
                ),
                ("demandScale", .number(scenario.demandScale)),
                ("reverseCapacity", .array(scenario.reverseCapacity.map(capacityOverride))),
                ("hours", .array(scenario.hours.map { .object([("id", .string($0.id)), ("hours", .number($0.value))]) })),
                ("dwellHours", .array(scenario.dwellHours.map { .object([("id", .string($0.id)), ("dwellHours", .number($0.value))]) })),
            ] + commodityOverrides(of: scenario))
        }
        var document: [(key: String, value: JSONValue)] = [
            ("format", .string("corridor-info/1")),
            ("network", .string(network.name)),
            ("scenario", .string(active.scenarioID)),
            ("scenarioName", .string(active.scenarioName)),
            ("unit", .string(network.unit)), ("period", .string(network.period)),
            ("currency", .string(network.currency)),
            ("valueOfTimePerHour", .number(network.valueOfTimePerHour)),
            ("unservedPenalty", .number(network.unservedPenalty)),
            (
                "nodes",
                .object([
                    ("count", .number(Double(network.nodes.count))), ("on", .number(Double(active.nodes.count))),
                    ("byKind", .array(nodeKinds.map { group("kind", $0, withLength: false) })),
                ])
            ),
            ("crossings", .array(crossingsJSON)),
            (
                "links",
                .object([
                    ("count", .number(Double(network.links.count))), ("on", .number(Double(onLinkCount))),
                    ("arcs", .number(Double(active.arcs.count))),
                    ("byMode", .array(linkModes.map { group("mode", $0, withLength: true) })),
                ])
            ),
            (
                "demands",
                .object([
                    ("count", .number(Double(network.demands.count))),
                    ("servable", .number(Double(active.demands.filter(\.isServable).count))),
                    ("quantity", .number(totalQuantity)),
                    ("baseQuantity", .number(network.demands.reduce(0) { $0 + $1.quantity })),
                ])
            ),
            ("scenarios", .array(scenariosJSON)),
        ]
        if speaksCommodities { document.append(("commodities", commoditiesJSON)) }
        return .object(document)
    }

    /// A capacity override: `capacity` in the network's unit (`null` when none), and on a network with
    /// commodities every limit, as the file writes them (`null` = unlimited).
    private func capacityOverride(_ change: CapacityOverride) -> JSONValue {
        var entries: [(key: String, value: JSONValue)] = [("id", .string(change.id)), ("capacity", .number(change.capacity))]
        if speaksCommodities { entries.append(("limits", CapacityText.json(change.limits, networkUnit: network.unit))) }
        return .object(entries)
    }

    /// A scenario's `accepts`, `perCommodity` and `commodityScale`, on a network with commodities.
    private func commodityOverrides(of scenario: Scenario) -> [(key: String, value: JSONValue)] {
        guard speaksCommodities else { return [] }
        return [
            ("accepts", .array(scenario.accepts.map { .object([("id", .string($0.id)), ("commodities", .array($0.commodities.map { .string($0) }))]) })),
            (
                "perCommodity",
                .array(
                    scenario.perCommodity.map { change in
                        .object([
                            ("id", .string(change.id)),
                            ("terms", .array(change.terms.map { .object([("commodity", .string($0.commodity)), ("cost", .number($0.cost)), ("hours", .number($0.hours))]) })),
                        ])
                    })
            ),
            ("commodityScale", .array(scenario.commodityScale.map { .object([("id", .string($0.id)), ("scale", .number($0.value))]) })),
        ]
    }

    /// True when the file declares commodities or states limits other than in its unit: the documents
    /// then carry commodities and limits (a `/1` network's stay as they were).
    private var speaksCommodities: Bool { network.declaresCommodities }

    private var commoditiesJSON: JSONValue {
        .array(
            active.commodities.enumerated().map { c, commodity in
                let demands = active.demands.filter { $0.commodity == c }
                return .object([
                    ("id", .string(commodity.id)), ("name", .string(commodity.name)), ("unit", .string(commodity.unit)),
                    ("perTrain", .number(commodity.commodity.perTrain)), ("perVehicle", .number(commodity.commodity.perVehicle)),
                    ("valueOfTimePerHour", .number(commodity.valueOfTimePerHour)),
                    ("unservedPenalty", .number(commodity.unservedPenalty)),
                    ("demands", .number(Double(demands.count))),
                    ("quantity", .number(demands.reduce(0) { $0 + $1.quantity })),
                ])
            })
    }
}
