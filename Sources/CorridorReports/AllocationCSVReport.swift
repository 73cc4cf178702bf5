import CorridorModel
import CorridorOptimization
import Foundation

/// The allocation as a folder of tidy CSV tables (RFC 4180: header row, comma separated, CRLF line
/// ends, fields quoted when they hold a comma, quote or line break; numbers plain, empty for "none").
///
/// Files: `summary.csv`, `nodes.csv`, `links.csv`, `demands.csv`, `routes.csv`, `crossings.csv`
/// (columns in docs/OUTPUT.md). Lists inside a cell (a route's nodes) are joined with `;`.
public enum AllocationCSVReport {
    /// Each file's name and contents, in a fixed order.
    public static func files(_ allocation: Allocation, network: ActiveNetwork) -> [(name: String, contents: String)] {
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
        var demands = CSVTable(["id", "origin", "destination", "quantity", "served", "unserved", "servable", "routes"])
        var routes = CSVTable(["demand", "rank", "flow", "share", "hours", "cost", "crossings", "nodes", "links"])
        for demand in allocation.demands {
            demands.append([
                demand.id, demand.origin, demand.destination, plain(demand.quantity), plain(demand.served),
                plain(demand.unserved), demand.isServable ? "true" : "false", String(demand.routes.count),
            ])
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
        return [
            ("summary.csv", summary.text), ("nodes.csv", nodes.text), ("links.csv", links.text),
            ("demands.csv", demands.text), ("routes.csv", routes.text), ("crossings.csv", crossings.text),
        ]
    }

    /// A number as plain text (no grouping, shortest round-trip form); empty for `nil`.
    static func plain(_ value: Double?) -> String {
        guard let value else { return "" }
        return JSONValue.format(value) == "null" ? "" : JSONValue.format(value)
    }
}

/// Rows of text cells rendered as RFC 4180 CSV.
private struct CSVTable {
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
