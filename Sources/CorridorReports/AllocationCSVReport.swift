import CorridorModel
import CorridorOptimization
import Foundation

/// The allocation as a folder of tidy CSV tables (RFC 4180: header row, comma separated, CRLF line
/// ends, fields quoted when they hold a comma, quote or line break; numbers plain, empty for "none").
///
/// Files: `summary.csv`, `nodes.csv`, `links.csv`, `demands.csv`, `routes.csv`, `crossings.csv`, and for a
/// network that declares commodities `commodities.csv`, `flows.csv` and `limits.csv` (columns in
/// docs/OUTPUT.md). Lists inside a cell (a route's nodes) are joined with `;`.
public enum AllocationCSVReport {
    /// Each file's name and contents, in a fixed order.
    public static func files(
        _ allocation: Allocation, network: ActiveNetwork, sensitivity: AllocationSensitivity? = nil
    ) -> [(name: String, contents: String)] {
        let base = network.network
        let parts = allocation.objectiveParts
        var summary = CSVTable(["key", "value"])
        for (key, value) in [
            ("format", "corridor-allocation-csv/1"), ("network", base.name), ("scenario", network.scenarioID),
            ("unit", base.unit), ("period", base.period), ("currency", base.currency),
            ("status", allocation.status.rawValue),
        ] { summary.append([key, value]) }
        for (key, value) in [
            ("objective", allocation.objective), ("transport", parts.transport), ("handling", parts.handling),
            ("timeValue", parts.timeValue), ("unservedPenalty", parts.unservedPenalty),
            ("served", allocation.served), ("unserved", allocation.unserved),
        ] { summary.append([key, plain(value)]) }

        var nodes = CSVTable(["id", "name", "kind", "flow", "capacity", "utilisation", "shadow_price"])
        for (n, node) in allocation.nodes.enumerated() {
            let activeNode = network.nodes[n]
            nodes.append([
                node.id, activeNode.name, activeNode.kind.rawValue, plain(node.flow), plain(node.capacity),
                plain(node.utilisation), plain(node.shadowPrice),
            ])
        }
        var links = CSVTable(["id", "direction", "from", "to", "flow", "capacity", "utilisation", "shadow_price"])
        for arc in allocation.arcs {
            links.append([
                arc.linkID, arc.isReverse ? "reverse" : "forward", arc.from, arc.to, plain(arc.flow),
                plain(arc.capacity), plain(arc.utilisation), plain(arc.shadowPrice),
            ])
        }
        let perCommodity = base.declaresCommodities
        var demands = CSVTable(
            ["id", "origin", "destination", "quantity", "served", "unserved", "servable", "routes"]
                + (perCommodity ? ["commodity", "unit"] : []))
        let unitOf = Dictionary(allocation.commodities.map { ($0.id, $0.unit) }, uniquingKeysWith: { first, _ in first })
        var routes = CSVTable(["demand", "rank", "flow", "share", "hours", "cost", "crossings", "nodes", "links"])
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
        var crossings = CSVTable([
            "id", "name", "flow", "share", "capacity", "utilisation", "shadow_price", "demand", "demand_flow",
        ])
        for crossing in allocation.crossings {
            let head = [
                crossing.id, crossing.name, plain(crossing.flow), plain(crossing.share), plain(crossing.capacity),
                plain(crossing.utilisation), plain(crossing.shadowPrice),
            ]
            // Tidy: one row per (crossing, demand); a crossing nobody uses still gets one row.
            if crossing.demands.isEmpty { crossings.append(head + ["", ""]) }
            for user in crossing.demands { crossings.append(head + [user.id, plain(user.flow)]) }
        }
        var files = [
            ("summary.csv", summary.text), ("nodes.csv", nodes.text), ("links.csv", links.text),
            ("demands.csv", demands.text), ("routes.csv", routes.text), ("crossings.csv", crossings.text),
        ]
        if perCommodity { files += commodityFiles(allocation) }
        if let sensitivity {
            files.append(("sensitivity.csv", AllocationSensitivityReport.csv(allocation, network: network, sensitivity)))
        }
        return files
    }

    /// `commodities.csv`, and the long tables `flows.csv` (one row per element, direction and commodity
    /// with flow) and `limits.csv` (one row per limit).
    private static func commodityFiles(_ allocation: Allocation) -> [(name: String, contents: String)] {
        var commodities = CSVTable(["id", "name", "unit", "quantity", "served", "unserved", "trains"])
        for commodity in allocation.commodities {
            commodities.append([
                commodity.id, commodity.name, commodity.unit, plain(commodity.quantity), plain(commodity.served),
                plain(commodity.unserved), plain(commodity.trains),
            ])
        }
        var flows = CSVTable(["element", "id", "direction", "commodity", "unit", "flow"])
        var limits = CSVTable(["element", "id", "direction", "measure", "capacity", "used", "utilisation", "shadow_price"])
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
        return [("commodities.csv", commodities.text), ("flows.csv", flows.text), ("limits.csv", limits.text)]
    }

    /// A number as plain text (no grouping, shortest round-trip form); empty for `nil`.
    static func plain(_ value: Double?) -> String {
        guard let value else { return "" }
        return JSONValue.format(value) == "null" ? "" : JSONValue.format(value)
    }
}

/// Rows of text cells rendered as RFC 4180 CSV.
struct CSVTable {
    private var lines: [String]
    private let width: Int

    init(_ header: [String]) {
        width = header.count
        lines = [CSVField.row(header)]
    }

    mutating func append(_ cells: [String]) {
        lines.append(CSVField.row((0..<width).map { $0 < cells.count ? cells[$0] : "" }))
    }

    var text: String { lines.map { $0 + "\r\n" }.joined() }
}
