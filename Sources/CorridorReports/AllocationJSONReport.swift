import CorridorModel
import CorridorOptimization

/// The `corridor-allocation/1` JSON document (keys documented in docs/OUTPUT.md, "allocate").
public enum AllocationJSONReport {
    public static let formatTag = "corridor-allocation/1"

    /// The whole document: identification, objective, then demands, nodes, links and crossings, and the
    /// ranges of every limit and cost when `sensitivity` is given.
    public static func document(
        _ allocation: Allocation, network: ActiveNetwork, sensitivity: AllocationSensitivity? = nil
    ) -> JSONValue {
        let base = network.network
        let parts = allocation.objectiveParts
        let perCommodity = base.declaresCommodities
        let commodityIDs = allocation.commodities.map(\.id)
        /// Adds the per-commodity members to an element's object in a network that declares commodities.
        func detailed(_ value: JSONValue, flows: [Double], limits: [Allocation.LimitResult]) -> JSONValue {
            guard perCommodity, case .object(var entries) = value else { return value }
            entries.append(("flows", .object(zip(commodityIDs, flows).map { ($0, .number($1)) })))
            entries.append(("limits", .array(limits.map(limit))))
            return .object(entries)
        }
        var document: [(key: String, value: JSONValue)] = [
            ("format", .string(formatTag)),
            ("network", .string(base.name)),
            ("scenario", .string(network.scenarioID)),
            ("unit", .string(base.unit)),
            ("period", .string(base.period)),
            ("currency", .string(base.currency)),
            ("status", .string(allocation.status.rawValue)),
            ("objective", .number(allocation.objective)),
            (
                "objectiveParts",
                .object([
                    ("transport", .number(parts.transport)),
                    ("handling", .number(parts.handling)),
                    ("timeValue", .number(parts.timeValue)),
                    ("unservedPenalty", .number(parts.unservedPenalty)),
                ])
            ),
            ("served", .number(allocation.served)),
            ("unserved", .number(allocation.unserved)),
            ("iterations", .number(Double(allocation.iterations))),
        ]
        if perCommodity { document.append(("commodities", .array(allocation.commodities.map(commodity)))) }
        document += [
            ("demands", .array(allocation.demands.map { demand($0, withCommodity: perCommodity) })),
            ("nodes", .array(allocation.nodes.map { detailed(node($0, network: network), flows: $0.flows, limits: $0.limits) })),
            ("links", .array(allocation.arcs.map { detailed(link($0), flows: $0.flows, limits: $0.limits) })),
            ("crossings", .array(allocation.crossings.map { detailed(crossing($0), flows: $0.flows, limits: $0.limits) })),
        ]
        if let sensitivity {
            document.append(("sensitivity", AllocationSensitivityReport.json(allocation, network: network, sensitivity)))
        }
        return .object(document)
    }

    private static func commodity(_ commodity: Allocation.CommodityResult) -> JSONValue {
        .object([
            ("id", .string(commodity.id)), ("name", .string(commodity.name)), ("unit", .string(commodity.unit)),
            ("quantity", .number(commodity.quantity)), ("served", .number(commodity.served)),
            ("unserved", .number(commodity.unserved)), ("trains", .number(commodity.trains)),
        ])
    }

    private static func limit(_ limit: Allocation.LimitResult) -> JSONValue {
        .object([
            ("measure", .string(limit.measure)), ("capacity", .number(limit.capacity)), ("used", .number(limit.used)),
            ("utilisation", .number(limit.utilisation)), ("shadowPrice", .number(limit.shadowPrice)),
        ])
    }

    private static func demand(_ demand: Allocation.DemandResult, withCommodity: Bool) -> JSONValue {
        .object(
            [("id", .string(demand.id))] + (withCommodity ? [("commodity", .string(demand.commodity))] : []) + [
            ("origin", .string(demand.origin)),
            ("destination", .string(demand.destination)),
            ("quantity", .number(demand.quantity)),
            ("served", .number(demand.served)),
            ("unserved", .number(demand.unserved)),
            ("servable", .bool(demand.isServable)),
            (
                "routes",
                .array(
                    demand.routes.map { route in
                        .object([
                            ("nodes", .array(route.nodes.map(JSONValue.string))),
                            ("links", .array(route.links.map(JSONValue.string))),
                            ("flow", .number(route.flow)),
                            ("share", .number(route.share)),
                            ("hours", .number(route.hours)),
                            ("cost", .number(route.cost)),
                            ("crossings", .array(route.crossings.map(JSONValue.string))),
                        ])
                    })
            ),
        ])
    }

    private static func node(_ node: Allocation.NodeResult, network: ActiveNetwork) -> JSONValue {
        let kind = network.nodeIndex(of: node.id).map { network.nodes[$0].kind.rawValue }
        return .object([
            ("id", .string(node.id)),
            ("kind", .string(kind)),
            ("flow", .number(node.flow)),
            ("capacity", .number(node.capacity)),
            ("utilisation", .number(node.utilisation)),
            ("shadowPrice", .number(node.shadowPrice)),
        ])
    }

    private static func link(_ arc: Allocation.ArcResult) -> JSONValue {
        .object([
            ("id", .string(arc.linkID)),
            ("direction", .string(arc.isReverse ? "reverse" : "forward")),
            ("from", .string(arc.from)),
            ("to", .string(arc.to)),
            ("flow", .number(arc.flow)),
            ("capacity", .number(arc.capacity)),
            ("utilisation", .number(arc.utilisation)),
            ("shadowPrice", .number(arc.shadowPrice)),
        ])
    }

    private static func crossing(_ crossing: Allocation.CrossingResult) -> JSONValue {
        .object([
            ("id", .string(crossing.id)),
            ("name", .string(crossing.name)),
            ("flow", .number(crossing.flow)),
            ("share", .number(crossing.share)),
            ("capacity", .number(crossing.capacity)),
            ("utilisation", .number(crossing.utilisation)),
            ("shadowPrice", .number(crossing.shadowPrice)),
            (
                "demands",
                .array(crossing.demands.map { .object([("id", .string($0.id)), ("flow", .number($0.flow))]) })
            ),
        ])
    }
}
