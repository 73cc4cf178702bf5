import ArgumentParser
import CorridorModel
import CorridorReports
import CorridorRouting
import Foundation

/// `corridor maxflow [NETWORK|FILE.max] [--from A,B] [--to C,D] [--scenario S] [--format table|json]`.
struct MaxFlowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maxflow",
        abstract: "Find the most the network can carry between node sets, and the bottleneck (minimum cut) that limits it.",
        discussion: """
            By default the flow runs from every origin of a servable demand to every demand destination of \
            the scenario. Node capacities count, a source's and a sink's own included. A path on which \
            nothing has a capacity makes the flow unbounded, which is reported with that path.
            A DIMACS max-flow file (p max N M) is read instead when the file does not start with '{'.
            """)

    @OptionGroup var networkOptions: NetworkOptions

    @OptionGroup var solveOptions: SolveOptions

    @Option(name: .long, help: "Comma-separated source node ids (default: every demand origin).")
    var from: String?

    @Option(name: .long, help: "Comma-separated sink node ids (default: every demand destination).")
    var to: String?

    @Option(name: .long, help: "Output format: table or json.")
    var format: OutputFormat = .table

    func run() throws {
        solveOptions.startWatch(for: "maxflow")
        try format.require(oneOf: [.table, .json], for: "maxflow")
        let path = try networkOptions.resolvedPath()
        let readStart = ContinuousClock().now
        let input = try networkOptions.readInput()
        if !input.looksLikeJSON {
            guard from == nil, to == nil, networkOptions.scenario == nil else {
                throw BadInput(
                    "\(path): a DIMACS file names its own source and sink; --from, --to and --scenario do not apply")
            }
            try runDIMACS(input, path: path, readStart: readStart)
        } else {
            let network = try networkOptions.loadActiveNetwork(from: input)
            let sources = try Self.list(from).map { ids throws(ElementResolutionError) in try network.resolveNodes(ids, as: .source) }
            let sinks = try Self.list(to).map { ids throws(ElementResolutionError) in try network.resolveNodes(ids, as: .sink) }
            let result = try maximumFlow(in: network, from: sources, to: sinks)
            Terminal.emit(
                format == .json ? MaxFlowReport.json(result, on: network) : MaxFlowReport.table(result, on: network))
        }
    }

    private func runDIMACS(_ input: InputBytes, path: String, readStart: ContinuousClock.Instant) throws {
        let clock = ContinuousClock()
        let problem: MaxFlowProblem
        problem = try MaxFlowProblem.read(DIMACSScanner(bytes: input, source: path))
        let size = (nodes: problem.nodeCount, arcs: problem.arcCount)
        let solveStart = clock.now
        let solution: MaxFlowProblemSolution
        do {
            solution = try maximumFlow(on: consume problem)
        } catch {
            throw BadInput("\(path): \(error.message)")
        }
        let end = clock.now
        Terminal.emit(
            MaxFlowReport.dimacs(
                solution, nodeCount: size.nodes, arcCount: size.arcs, path: path, readSeconds: Self.seconds(solveStart - readStart),
                solveSeconds: Self.seconds(end - solveStart), asJSON: format == .json))
    }

    private static func list(_ text: String?) -> [String]? {
        text.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}

/// The table and JSON shapes of a max-flow result (`corridor-maxflow/1`, documented in docs/OUTPUT.md).
private enum MaxFlowReport {
    static let formatTag = "corridor-maxflow/1"

    static func table(_ result: MaxFlowResult, on network: ActiveNetwork) -> String {
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
        let crossings = network.nodes.indices.filter { network.nodes[$0].kind == .crossing }
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

    static func json(_ result: MaxFlowResult, on network: ActiveNetwork) -> String {
        let bounded = !result.isUnbounded
        let cut: [JSONValue] = result.cut.map { element in
            var entries: [(key: String, value: JSONValue)] = [
                ("id", .string(element.id)), ("kind", .string(element.kind.rawValue)),
                ("capacity", .number(element.capacity)),
            ]
            if element.kind == .link { entries.append(("reverse", .bool(element.isReverse))) }
            return .object(entries)
        }
        let crossings: [JSONValue] = network.nodes.indices.filter { network.nodes[$0].kind == .crossing }.map { index in
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

    static func dimacs(
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
            \(path): \(nodeCount) nodes, \(arcCount) arcs
            maximum flow: \(exact)
            read \(String(format: "%.3f", readSeconds)) s, solve \(String(format: "%.3f", solveSeconds)) s
            """
    }

    private static func number(_ value: Double) -> String { JSONValue.format(value) }
}
