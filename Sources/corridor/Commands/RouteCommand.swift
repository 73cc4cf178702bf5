import ArgumentParser
import CorridorModel
import CorridorReports
import CorridorRouting
import Foundation

/// `corridor route [NETWORK] --from A --to B …`: the best routes by cost, time or distance; or, on a
/// DIMACS `.gr` file, the distances from one node to all others.
struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Find the best routes from A to B (or, on a DIMACS .gr file, distances from a node).",
        discussion: """
            A route's cost counts every link and every node it passes, both ends included; --by time \
            counts hours and dwell hours the same way. --via lists nodes to pass in that order; --avoid \
            lists node ids or country codes (e.g. RU) to keep out. --k N gives the N best loop-free routes.
            On a DIMACS shortest-path file (p sp), --from is a node number and the answer is how many \
            nodes are reachable and the sum of their distances.
            """)

    @OptionGroup var networkOptions: NetworkOptions

    @OptionGroup var solveOptions: SolveOptions

    @Option(help: "The origin node id (DIMACS: the source node number).")
    var from: String

    @Option(help: "The destination node id.")
    var to: String?

    @Option(help: "What to minimise: cost, time or distance.")
    var by: RouteMetric = .cost

    @Option(name: .customLong("k"), help: "How many loop-free routes to list, best first.")
    var count: Int = 1

    @Option(help: "Nodes to pass, in order, comma-separated.")
    var via: String?

    @Option(help: "Node ids or country codes to avoid, comma-separated.")
    var avoid: String?

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func run() throws {
        solveOptions.startWatch(for: "route")
        try format.require(oneOf: [.table, .json], for: "route")
        let clock = ContinuousClock()
        let readStart = clock.now
        let input = try networkOptions.readInput()
        if input.looksLikeJSON {
            try runNetwork(input)
        } else {
            try runDIMACS(input, path: try networkOptions.resolvedPath(), readStart: readStart)
        }
    }

    private func runNetwork(_ input: InputBytes) throws {
        guard let to else { throw BadInput("--to is required: corridor route [NETWORK] --from A --to B") }
        guard count >= 1 else { throw BadInput("--k must be at least 1, not \(count)") }
        let active = try networkOptions.loadActiveNetwork(from: input)
        let viaIDs = Self.list(via)
        let avoidWords = Self.list(avoid)
        let origin = try active.resolveNode(from, as: .origin)
        let destination = try active.resolveNode(to, as: .destination)
        let viaNodes = try active.resolveNodes(viaIDs, as: .via)
        let avoidance = try avoidWords.compactMap { word throws(ElementResolutionError) in try active.resolveAvoidance(word) }
        let paths = try shortestPaths(
            in: active, from: origin, to: destination, by: by, via: viaNodes, avoid: avoidance, limit: count)
        let report = RouteReport(
            network: active, from: from, to: to, metric: by, via: viaIDs, avoid: avoidWords, requested: count,
            paths: paths)
        Terminal.emit(format == .json ? report.json().serialized() : report.table())
    }

    private func runDIMACS(_ input: InputBytes, path: String, readStart: ContinuousClock.Instant) throws {
        for (flag, given) in [
            ("--to", to != nil), ("--via", via != nil), ("--avoid", avoid != nil),
            ("--scenario", networkOptions.scenario != nil), ("--k", count != 1), ("--by", by != .cost),
        ] where given {
            throw BadInput(
                "\(flag) does not apply to a DIMACS file; "
                    + "corridor route FILE.gr --from S gives distances from S to every node"
            )
        }
        guard let source = Int(from) else {
            throw BadInput("--from must be a node number on a DIMACS file, not \"\(from)\"")
        }
        let clock = ContinuousClock()
        let problem: ShortestPathProblem
        do {
            problem = try ShortestPathProblem(scanner: DIMACSScanner(bytes: input, source: path))
        } catch {
            throw BadInput(error.description)
        }
        let readTime = clock.now - readStart
        let solveStart = clock.now
        guard let summary = problem.distanceSummary(from: source) else {
            throw BadInput("--from \(source) is out of range: \(path) has nodes 1…\(problem.graph.nodeCount)")
        }
        let solveTime = clock.now - solveStart
        let report = DistanceReport(
            file: path, nodes: problem.graph.nodeCount, arcs: problem.graph.arcCount, source: source,
            summary: summary, readSeconds: readTime.seconds, solveSeconds: solveTime.seconds)
        Terminal.emit(format == .json ? report.json().serialized() : report.table())
    }

    private static func list(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

extension RouteMetric: ExpressibleByArgument {}

/// The routes found, as a table or a `corridor-route/1` document.
struct RouteReport {
    let network: ActiveNetwork
    let from: String
    let to: String
    let metric: RouteMetric
    let via: [String]
    let avoid: [String]
    let requested: Int
    let paths: [RoutePath]

    func json() -> JSONValue {
        .object([
            ("format", .string("corridor-route/1")),
            ("network", .string(network.network.name)),
            ("scenario", .string(network.scenarioID)),
            ("from", .string(from)),
            ("to", .string(to)),
            ("by", .string(metric.rawValue)),
            ("via", .array(via.map { .string($0) })),
            ("avoid", .array(avoid.map { .string($0) })),
            ("k", .number(Double(requested))),
            (
                "paths",
                .array(
                    paths.map { path in
                        .object([
                            ("nodes", .array(path.nodeIDs.map { .string($0) })),
                            ("links", .array(path.linkIDs.map { .string($0) })),
                            ("cost", .number(path.cost)),
                            ("hours", .number(path.hours)),
                            ("days", .number(path.hours / 24)),
                            ("lengthKm", .number(path.lengthKm)),
                            ("crossings", .array(path.crossings.map { .string($0) })),
                        ])
                    })
            ),
        ])
    }

    func table() -> String {
        var constraints = ""
        if !via.isEmpty { constraints += " via \(via.joined(separator: ", "))" }
        if !avoid.isEmpty { constraints += " avoiding \(avoid.joined(separator: ", "))" }
        var text =
            "Routes \(from) → \(to) by \(metric.rawValue)\(constraints) — \(network.network.name), "
            + "scenario \(network.scenarioID)\n"
        text += "cost in \(network.network.currency) per \(network.network.unit), nodes and links included\n\n"
        var table = TextTable([
            ("rank", .right), ("cost", .right), ("hours", .right), ("days", .right), ("km", .right),
            ("crossings", .left), ("route", .left),
        ])
        for (rank, path) in paths.enumerated() {
            table.append([
                "\(rank + 1)", String(format: "%.2f", path.cost), String(format: "%.1f", path.hours),
                String(format: "%.1f", path.hours / 24), String(format: "%.0f", path.lengthKm),
                path.crossings.isEmpty ? "—" : path.crossings.joined(separator: ", "),
                path.nodeIDs.joined(separator: " → "),
            ])
        }
        text += table.rendered()
        if paths.count < requested {
            text += "\nfound only \(paths.count) loop-free route\(paths.count == 1 ? "" : "s") for this request\n"
        }
        return text
    }
}

/// The distances from one node of a DIMACS file, as a table or a `corridor-route/1` document.
struct DistanceReport {
    let file: String
    let nodes: Int
    let arcs: Int
    let source: Int
    let summary: DistanceSummary
    let readSeconds: Double
    let solveSeconds: Double

    private var sumText: String {
        switch summary.distanceSum {
        case .integer(let sum): String(sum)
        case .decimal(let sum): sum.isFinite ? JSONValue.format(sum) : "beyond the range of a Double"
        }
    }

    func json() -> JSONValue {
        let sum: JSONValue =
            switch summary.distanceSum {
            case .integer(let sum): .number(Double(sum))
            case .decimal(let sum): .number(sum)
            }
        return .object([
            ("format", .string("corridor-route/1")),
            ("network", .string(file)),
            ("scenario", .null),
            ("nodes", .number(Double(nodes))),
            ("arcs", .number(Double(arcs))),
            ("source", .number(Double(source))),
            ("reached", .number(Double(summary.reached))),
            ("distanceSum", sum),
            ("readSeconds", .number(readSeconds)),
            ("solveSeconds", .number(solveSeconds)),
        ])
    }

    func table() -> String {
        let rows = [
            ("file", file), ("nodes", String(nodes)), ("arcs", String(arcs)), ("source", String(source)),
            ("reached", String(summary.reached)), ("distance sum", sumText),
            ("read", String(format: "%.3f s", readSeconds)), ("solve", String(format: "%.3f s", solveSeconds)),
        ]
        return rows.map { $0.0.padding(toLength: 14, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n")
            + "\n"
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
