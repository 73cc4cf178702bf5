import CorridorModel
import CorridorOptimization

/// The ranges of `allocate --sensitivity` (docs/OUTPUT.md, "Sensitivity"): every limit with the capacities
/// over which its shadow price holds, every link with the costs over which its flows hold.
public enum AllocationSensitivityReport {
    /// One limit or one link cost and its range.
    private struct Entry {
        let kind: String
        let element: String
        let id: String
        let direction: String?
        let measure: String?
        /// The capacity or the cost now.
        let value: Double?
        /// The shadow price (a capacity) or the flow that pays the cost (a cost): the objective's slope.
        let slope: Double
        let range: ValidityRange
    }

    private static func entries(_ allocation: Allocation, network: ActiveNetwork, _ sensitivity: AllocationSensitivity) -> [Entry] {
        var entries: [Entry] = []
        for (node, ranges) in zip(allocation.nodes, sensitivity.nodeLimits) {
            for (limit, range) in zip(node.limits, ranges) {
                entries.append(
                    Entry(
                        kind: "capacity", element: "node", id: node.id, direction: nil, measure: limit.measure,
                        value: limit.capacity, slope: limit.shadowPrice, range: range))
            }
        }
        for (arc, ranges) in zip(allocation.arcs, sensitivity.arcLimits) {
            for (limit, range) in zip(arc.limits, ranges) {
                entries.append(
                    Entry(
                        kind: "capacity", element: "link", id: arc.linkID, direction: arc.isReverse ? "reverse" : "forward",
                        measure: limit.measure, value: limit.capacity, slope: limit.shadowPrice, range: range))
            }
        }
        var seen = Set<String>()
        for (a, arc) in allocation.arcs.enumerated() where seen.insert(arc.linkID).inserted {
            let flow = allocation.arcs.enumerated().filter { $0.element.linkID == arc.linkID }
                .reduce(0.0) { total, entry in
                    total + network.commodities.indices.reduce(0.0) { sum, c in
                        network.terms(ofArc: entry.offset, commodity: c).hasOwnCost ? sum : sum + entry.element.flows[c]
                    }
                }
            entries.append(
                Entry(
                    kind: "cost", element: "link", id: arc.linkID, direction: nil, measure: nil, value: network.arcs[a].cost,
                    slope: flow, range: sensitivity.linkCosts[a]))
        }
        return entries
    }

    /// The `sensitivity` member of `corridor-allocation/1`.
    public static func json(_ allocation: Allocation, network: ActiveNetwork, _ sensitivity: AllocationSensitivity) -> JSONValue {
        .array(
            entries(allocation, network: network, sensitivity).map { entry in
                .object([
                    ("kind", .string(entry.kind)), ("element", .string(entry.element)), ("id", .string(entry.id)),
                    ("direction", .string(entry.direction)), ("measure", .string(entry.measure)),
                    ("value", .number(entry.value)),
                    (entry.kind == "cost" ? "flow" : "shadowPrice", .number(entry.slope)),
                    ("lower", .number(entry.range.lower.rounded(significantDigits: 8))),
                    ("upper", .number(entry.range.upper.isFinite ? entry.range.upper.rounded(significantDigits: 8) : nil)),
                ])
            })
    }

    /// `sensitivity.csv`: the same rows as a table.
    static func csv(_ allocation: Allocation, network: ActiveNetwork, _ sensitivity: AllocationSensitivity) -> CSVTable {
        let base = network.network
        var table = CSVTable(
            "sensitivity.csv",
            [
                CSVColumn("kind", "capacity (a limit) or cost (a link's cost)"),
                CSVColumn("element", "node or link"), CSVColumn("id", "the element's id"),
                CSVColumn("direction", "a link limit's direction, forward or reverse; empty for nodes and costs"),
                CSVColumn("measure", "a limit's measure: trains, vehicles or a unit; empty for costs"),
                CSVColumn("value", "the capacity (per \(base.period), in its measure) or the cost (\(base.currency) per unit) now"),
                CSVColumn(
                    "slope", "a capacity's shadow price (\(base.currency)/\(base.period) per unit of capacity), or the flow that pays a cost (per \(base.period))"),
                CSVColumn("lower", "the smallest value over which the slope holds (8 significant digits)"),
                CSVColumn("upper", "the largest such value; empty when unbounded"),
            ])
        for entry in entries(allocation, network: network, sensitivity) {
            table.append([
                entry.kind, entry.element, entry.id, entry.direction ?? "", entry.measure ?? "",
                entry.value.map(JSONValue.format) ?? "", JSONValue.format(entry.slope),
                JSONValue.format(entry.range.lower.rounded(significantDigits: 8)),
                entry.range.upper.isFinite ? JSONValue.format(entry.range.upper.rounded(significantDigits: 8)) : "",
            ])
        }
        return table
    }
}
