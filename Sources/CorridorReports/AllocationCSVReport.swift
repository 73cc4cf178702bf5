import CorridorModel
import CorridorOptimization
import Foundation

/// The allocation as a folder of tidy CSV tables (``CSVTable``: RFC 4180, one row per observation,
/// numbers rounded to 12 significant digits, empty for "none") and `dictionary.csv`, the unit and
/// meaning of every column of every file.
///
/// Files: `summary.csv`, `nodes.csv`, `links.csv`, `demands.csv`, `routes.csv`, `crossings.csv`,
/// `crossing_demands.csv`, and for a network that declares commodities `commodities.csv`, `flows.csv`
/// and `limits.csv` (columns in docs/OUTPUT.md). Lists inside a cell (a route's nodes) are joined with `;`.
public enum AllocationCSVReport {
    /// Each file's name and contents, in a fixed order, `dictionary.csv` last; with `sensitivity`,
    /// `sensitivity.csv` before it.
    public static func files(
        _ allocation: Allocation, network: ActiveNetwork, sensitivity: AllocationSensitivity? = nil
    ) -> [(name: String, contents: String)] {
        var tables = self.tables(allocation, network: network)
        if let sensitivity { tables.append(AllocationSensitivityReport.csv(allocation, network: network, sensitivity)) }
        return (tables + [CSVTable.dictionary(of: tables)]).map(\.file)
    }

    private static func tables(_ allocation: Allocation, network: ActiveNetwork) -> [CSVTable] {
        let base = network.network
        let units = CSVUnits(base)
        let parts = allocation.objectiveParts
        var summary = CSVTable(
            "summary.csv",
            [
                CSVColumn("key", "what the row states"), CSVColumn("value", "its value"),
                CSVColumn("unit", "the unit of the value; empty for text"),
            ])
        for (key, value) in [
            ("format", "corridor-allocation-csv/2"), ("network", base.name), ("scenario", network.scenarioID),
            ("unit", base.unit), ("period", base.period), ("currency", base.currency),
            ("status", allocation.status.rawValue),
        ] { summary.append([key, value, ""]) }
        for (key, value, unit) in [
            ("objective", allocation.objective, units.money), ("transport", parts.transport, units.money),
            ("handling", parts.handling, units.money), ("time_value", parts.timeValue, units.money),
            ("unserved_penalty", parts.unservedPenalty, units.money), ("served", allocation.served, units.flow),
            ("unserved", allocation.unserved, units.flow),
        ] { summary.append([key, plain(value), unit]) }

        let capacityColumns = [
            CSVColumn("capacity", units.flow, "the capacity in the network's unit under the scenario; empty = unlimited"),
            CSVColumn("utilisation", "flow / capacity; empty when the capacity is unlimited or 0"),
            CSVColumn(
                "shadow_price", units.perUnit,
                "the objective's decrease per extra unit of capacity per period; 0 when not binding"),
        ]
        var nodes = CSVTable(
            "nodes.csv",
            [
                CSVColumn("id", "the node's id"), CSVColumn("name", "its display name"),
                CSVColumn("kind", "terminal, dry_port, crossing, port, junction or city"),
                CSVColumn("flow", units.flow, "throughput: what enters by link plus what starts there"),
            ] + capacityColumns)
        for (n, node) in allocation.nodes.enumerated() {
            let activeNode = network.nodes[n]
            nodes.append([
                node.id, activeNode.name, activeNode.kind.rawValue, plain(node.flow), plain(node.capacity),
                plain(node.utilisation), plain(node.shadowPrice),
            ])
        }
        var links = CSVTable(
            "links.csv",
            [
                CSVColumn("id", "the link's id"),
                CSVColumn("direction", "forward (from → to), or reverse for a bidirectional link's to → from arc"),
                CSVColumn("from", "the node this direction leaves"), CSVColumn("to", "the node it enters"),
                CSVColumn("flow", units.flow, "flow on this direction"),
            ] + capacityColumns)
        for arc in allocation.arcs {
            links.append([
                arc.linkID, arc.isReverse ? "reverse" : "forward", arc.from, arc.to, plain(arc.flow),
                plain(arc.capacity), plain(arc.utilisation), plain(arc.shadowPrice),
            ])
        }
        let perCommodity = base.declaresCommodities
        let quantityUnit = perCommodity ? CSVUnits.perRow("unit", period: base.period) : units.flow
        var demands = CSVTable(
            "demands.csv",
            [
                CSVColumn("id", "the demand's id"), CSVColumn("origin", "its origin node"),
                CSVColumn("destination", "its destination node"),
                CSVColumn("quantity", quantityUnit, "quantity per period under the scenario"),
                CSVColumn("served", quantityUnit, "quantity carried"),
                CSVColumn("unserved", quantityUnit, "quantity left unserved (its penalty counts)"),
                CSVColumn("servable", "false when an end is off in the scenario: wholly unserved"),
                CSVColumn("routes", "how many routes carry it (rows in routes.csv)"),
            ] + (perCommodity
                ? [CSVColumn("commodity", "the demand's commodity"), CSVColumn("unit", "the commodity's unit")] : []))
        let unitOf = Dictionary(allocation.commodities.map { ($0.id, $0.unit) }, uniquingKeysWith: { first, _ in first })
        var routes = CSVTable(
            "routes.csv",
            [
                CSVColumn("demand", "the demand's id"), CSVColumn("rank", "1 = the route carrying most"),
                CSVColumn("flow", quantityUnit, "quantity on this route"),
                CSVColumn("share", "flow / the demand's served quantity"),
                CSVColumn("hours", "h", "hours per unit: link hours plus dwell at every node, ends included"),
                CSVColumn(
                    "cost", perCommodity ? "\(base.currency) per unit of the demand's commodity" : units.perUnit,
                    "generalised cost per unit: link costs and handling plus time valued at valueOfTimePerHour"),
                CSVColumn("crossings", "ids of the crossings passed, in order, joined by ;"),
                CSVColumn("nodes", "node ids from origin to destination, joined by ;"),
                CSVColumn("links", "link ids, one per step, joined by ; (a reverse direction carries its link's id)"),
            ])
        for demand in allocation.demands {
            demands.append([
                demand.id, demand.origin, demand.destination, plain(demand.quantity), plain(demand.served),
                plain(demand.unserved), demand.isServable ? "true" : "false", String(demand.routes.count),
            ] + (perCommodity ? [demand.commodity, unitOf[demand.commodity] ?? ""] : []))
            for (rank, route) in demand.routes.enumerated() {
                routes.append([
                    demand.id, String(rank + 1), plain(route.flow), plain(route.share), plain(route.hours),
                    plain(route.cost), route.crossings.joined(separator: ";"), route.nodes.joined(separator: ";"),
                    route.links.joined(separator: ";"),
                ])
            }
        }
        var crossings = CSVTable(
            "crossings.csv",
            [
                CSVColumn("id", "the crossing's id"), CSVColumn("name", "its display name"),
                CSVColumn("flow", units.flow, "throughput"),
                CSVColumn("share", "flow / total served quantity: the fraction of served freight passing it"),
            ] + capacityColumns)
        var crossingDemands = CSVTable(
            "crossing_demands.csv",
            [
                CSVColumn("crossing", "the crossing's id"), CSVColumn("demand", "a demand whose routes pass it"),
                CSVColumn("flow", quantityUnit, "how much of the demand passes the crossing"),
            ])
        for crossing in allocation.crossings {
            crossings.append([
                crossing.id, crossing.name, plain(crossing.flow), plain(crossing.share), plain(crossing.capacity),
                plain(crossing.utilisation), plain(crossing.shadowPrice),
            ])
            for user in crossing.demands { crossingDemands.append([crossing.id, user.id, plain(user.flow)]) }
        }
        var tables = [summary, nodes, links, demands, routes, crossings, crossingDemands]
        if perCommodity { tables += commodityTables(allocation, network: base) }
        return tables
    }

    /// `commodities.csv`, and the long tables `flows.csv` (one row per element, direction and commodity
    /// with flow) and `limits.csv` (one row per limit).
    private static func commodityTables(_ allocation: Allocation, network: Network) -> [CSVTable] {
        let perRow = CSVUnits.perRow("unit", period: network.period)
        var commodities = CSVTable(
            "commodities.csv",
            [
                CSVColumn("id", "the commodity's id"), CSVColumn("name", "its display name"),
                CSVColumn("unit", "the unit of its quantities"),
                CSVColumn("quantity", perRow, "total demand under the scenario"),
                CSVColumn("served", perRow, "quantity carried"), CSVColumn("unserved", perRow, "quantity left unserved"),
                CSVColumn("trains", "trains/\(network.period)", "served / perTrain; empty without a train load"),
            ])
        for commodity in allocation.commodities {
            commodities.append([
                commodity.id, commodity.name, commodity.unit, plain(commodity.quantity), plain(commodity.served),
                plain(commodity.unserved), plain(commodity.trains),
            ])
        }
        let element = CSVColumn("element", "node or link")
        let id = CSVColumn("id", "the node's or link's id")
        let direction = CSVColumn("direction", "a link's forward or reverse direction; empty for a node")
        var flows = CSVTable(
            "flows.csv",
            [
                element, id, direction, CSVColumn("commodity", "the commodity's id"),
                CSVColumn("unit", "the commodity's unit"), CSVColumn("flow", perRow, "the commodity's flow"),
            ])
        let perMeasure = "measure/\(network.period) (see measure)"
        var limits = CSVTable(
            "limits.csv",
            [
                element, id, direction, CSVColumn("measure", "trains, vehicles or a unit: what the limit counts"),
                CSVColumn("capacity", perMeasure, "the limit under the scenario; empty for a row kept for a sweep"),
                CSVColumn("used", perMeasure, "Σ commodity flow / its load in the measure"),
                CSVColumn("utilisation", "used / capacity"),
                CSVColumn(
                    "shadow_price", "\(network.currency) per measure (see measure)",
                    "the objective's decrease per extra unit of the measure per period"),
            ])
        func add(_ element: String, _ id: String, _ direction: String, _ values: [Double], _ rows: [Allocation.LimitResult]) {
            for (commodity, flow) in zip(allocation.commodities, values) where flow != 0 {
                flows.append([element, id, direction, commodity.id, commodity.unit, plain(flow)])
            }
            for limit in rows {
                limits.append([
                    element, id, direction, limit.measure, plain(limit.capacity), plain(limit.used),
                    plain(limit.utilisation), plain(limit.shadowPrice),
                ])
            }
        }
        for node in allocation.nodes { add("node", node.id, "", node.flows, node.limits) }
        for arc in allocation.arcs { add("link", arc.linkID, arc.isReverse ? "reverse" : "forward", arc.flows, arc.limits) }
        return [commodities, flows, limits]
    }

    /// A number as CSV cells hold it (``CSVField/number(_:)``).
    private static func plain(_ value: Double?) -> String { CSVField.number(value) }
}
