import CorridorModel
import CorridorRouting
import Foundation

/// The routes found, as a table or a `corridor-route/1` document.
public struct RouteReport {
    let network: ActiveNetwork
    let from: String
    let to: String
    let metric: RouteMetric
    let via: [String]
    let avoid: [String]
    let requested: Int
    let paths: [RoutePath]

    public init(
        network: ActiveNetwork, from: String, to: String, metric: RouteMetric, via: [String], avoid: [String],
        requested: Int, paths: [RoutePath]
    ) {
        (self.network, self.from, self.to, self.metric) = (network, from, to, metric)
        (self.via, self.avoid, self.requested, self.paths) = (via, avoid, requested, paths)
    }

    public func json() -> JSONValue {
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

    public func table() -> String {
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
public struct DistanceReport {
    let file: String
    let nodes: Int
    let arcs: Int
    let source: Int
    let summary: DistanceSummary
    let readSeconds: Double
    let solveSeconds: Double

    public init(
        file: String, nodes: Int, arcs: Int, source: Int, summary: DistanceSummary, readSeconds: Double,
        solveSeconds: Double
    ) {
        (self.file, self.nodes, self.arcs, self.source, self.summary) = (file, nodes, arcs, source, summary)
        (self.readSeconds, self.solveSeconds) = (readSeconds, solveSeconds)
    }

    private var sumText: String {
        switch summary.distanceSum {
        case .integer(let sum): String(sum)
        case .decimal(let sum): sum.isFinite ? JSONValue.format(sum) : "beyond the range of a Double"
        }
    }

    public func json() -> JSONValue {
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

    public func table() -> String {
        let rows = [
            ("file", file.escapingControlCharacters), ("nodes", String(nodes)), ("arcs", String(arcs)), ("source", String(source)),
            ("reached", String(summary.reached)), ("distance sum", sumText),
            ("read", String(format: "%.3f s", readSeconds)), ("solve", String(format: "%.3f s", solveSeconds)),
        ]
        return rows.map { $0.0.padding(toLength: 14, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n")
            + "\n"
    }
}
