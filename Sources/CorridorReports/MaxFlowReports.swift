import CorridorModel
import CorridorRouting
import Foundation

/// The table and JSON shapes of a max-flow result (`corridor-maxflow/1`, documented in docs/OUTPUT.md).
public enum MaxFlowReport {
    public static let formatTag = "corridor-maxflow/1"

    public static func table(_ result: MaxFlowResult, on network: ActiveNetwork) -> String {
        let unit = "\(network.network.unit)/\(network.network.period)"
        var text = "Maximum flow on \"\(network.network.name)\", scenario \(network.scenarioID)\n"
        text += "from \(result.sources.joined(separator: ", ")) to \(result.sinks.joined(separator: ", "))\n\n"
        guard let value = result.value else {
            text += "Maximum flow: unbounded — nothing on this path has a capacity:\n"
            if let path = result.unlimitedPath {
                text += "  " + path.nodes.joined(separator: " → ") + "\n"
                text += "  links: " + path.links.joined(separator: ", ") + "\n"
            }
            return text
        }
        text += "Maximum flow: \(number(value)) \(unit)\n\n"
        let elements = result.cut.count == 1 ? "1 capacity" : "\(result.cut.count) capacities"
        text += "Bottleneck (minimum cut): \(elements) adding up to \(number(value)) \(unit)\n"
        var cut = TextTable([("Element", .left), ("Kind", .left), ("Capacity", .right)])
        for element in result.cut { cut.append([element.label, element.kind.rawValue, number(element.capacity)]) }
        text += cut.rendered(indent: "  ")
        let crossings = crossingIndices(network)
        if !crossings.isEmpty {
            text += "\nCrossings:\n"
            var table = TextTable([
                ("Crossing", .left), ("Name", .left), ("Flow", .right), ("Capacity", .right), ("In cut", .left),
            ])
            let cutNodes = Set(result.cut.filter { $0.kind == .node }.map(\.id))
            for index in crossings {
                let node = network.nodes[index]
                table.append([
                    node.id, node.name, number(result.nodeFlows[index]), node.capacity.map(number) ?? "unlimited",
                    cutNodes.contains(node.id) ? "yes" : "",
                ])
            }
            text += table.rendered(indent: "  ")
        }
        return text
    }

    public static func json(_ result: MaxFlowResult, on network: ActiveNetwork) -> String {
        let bounded = !result.isUnbounded
        let cut: [JSONValue] = result.cut.map { element in
            var entries: [(key: String, value: JSONValue)] = [
                ("id", .string(element.id)), ("kind", .string(element.kind.rawValue)),
                ("capacity", .number(element.capacity)),
            ]
            if element.kind == .link { entries.append(("reverse", .bool(element.isReverse))) }
            return .object(entries)
        }
        let crossings: [JSONValue] = crossingIndices(network).map { index in
            .object([
                ("id", .string(network.nodes[index].id)), ("name", .string(network.nodes[index].name)),
                ("flow", bounded ? .number(result.nodeFlows[index]) : .null),
                ("capacity", .number(network.nodes[index].capacity)),
            ])
        }
        let nodes: [JSONValue] = network.nodes.indices.map { index in
            .object([
                ("id", .string(network.nodes[index].id)),
                ("flow", bounded ? .number(result.nodeFlows[index]) : .null),
                ("capacity", .number(network.nodes[index].capacity)),
            ])
        }
        let links: [JSONValue] = network.arcs.indices.map { index in
            .object([
                ("id", .string(network.arcs[index].linkID)), ("reverse", .bool(network.arcs[index].isReverse)),
                ("flow", bounded ? .number(result.arcFlows[index]) : .null),
                ("capacity", .number(network.arcs[index].capacity)),
            ])
        }
        let path: JSONValue =
            result.unlimitedPath.map { path in
                .object([
                    ("nodes", .array(path.nodes.map(JSONValue.string))),
                    ("links", .array(path.links.map(JSONValue.string))),
                ])
            } ?? .null
        let document: JSONValue = .object([
            ("format", .string(formatTag)), ("network", .string(network.network.name)),
            ("scenario", .string(network.scenarioID)), ("unit", .string(network.network.unit)),
            ("period", .string(network.network.period)),
            ("sources", .array(result.sources.map(JSONValue.string))),
            ("sinks", .array(result.sinks.map(JSONValue.string))), ("value", .number(result.value)),
            ("unbounded", .bool(result.isUnbounded)), ("unlimitedPath", path), ("cut", .array(cut)),
            ("crossings", .array(crossings)), ("nodes", .array(nodes)), ("links", .array(links)),
        ])
        return document.serialized()
    }

    public static func dimacs(
        _ solution: MaxFlowProblemSolution, nodeCount: Int, arcCount: Int, path: String, readSeconds: Double,
        solveSeconds: Double, asJSON: Bool
    ) -> String {
        if asJSON {
            let document: JSONValue = .object([
                ("format", .string(formatTag)), ("source", .string(path)),
                ("nodes", .number(Double(nodeCount))),
                ("arcs", .number(Double(arcCount))), ("value", .number(solution.value)),
                ("readSeconds", .number(readSeconds)), ("solveSeconds", .number(solveSeconds)),
            ])
            return document.serialized()
        }
        let exact: String
        switch solution {
        case .whole(let whole): exact = String(whole.value)
        case .decimal(let decimal): exact = number(decimal.value)
        }
        return """
            \(path.escapingControlCharacters): \(nodeCount) nodes, \(arcCount) arcs
            maximum flow: \(exact)
            read \(String(format: "%.3f", readSeconds)) s, solve \(String(format: "%.3f", solveSeconds)) s
            """
    }

    private static func number(_ value: Double) -> String { JSONValue.format(value) }

    /// The crossings to list: those of the network, less any that refuse the commodity of a
    /// single-commodity view (``ActiveNetwork/carrying(_:)``, whose only commodity is index 0).
    private static func crossingIndices(_ network: ActiveNetwork) -> [Int] {
        network.nodes.indices.filter { network.nodes[$0].kind == .crossing && network.terms(ofNode: $0, commodity: 0).accepts }
    }
}
