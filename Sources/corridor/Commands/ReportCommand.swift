import ArgumentParser
import CorridorImpact
import CorridorModel
import CorridorReports

/// `corridor report`: one self-contained HTML page comparing two scenarios, with maps and charts.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report comparing two scenarios: maps, tables and charts.",
        discussion: """
            The page needs no network access to view. With --sweep ID it adds the curves of a capacity sweep of \
            ID under the scenario, from 0 to the capacity the scenario gives it.
            """)

    @OptionGroup var networkFile: NetworkFile

    @Option(name: .long, help: "The scenario to compare with the baseline (e.g. third-crossing).")
    var scenario: String

    @OptionGroup var solveOptions: SolveOptions

    @Option(name: .long, help: "The scenario to compare against (e.g. baseline).")
    var baseline: String

    @Option(name: .long, help: "A node or link whose capacity to sweep from 0 to its value in the scenario.")
    var sweep: String?

    @Option(name: .long, parsing: .unconditional, help: "Points on the sweep curve (with --sweep).")
    var steps = 21

    @Option(name: [.short, .customLong("output")], help: "The HTML file to write.")
    var output: String

    func validate() throws {
        if steps < 2 { throw ValidationError("--steps must be at least 2") }
    }

    func run() throws {
        solveOptions.startWatch(for: "report")
        try Delivery.checkTargets([("--output", .some(output))], input: try networkFile.resolvedPath())
        let network = try networkFile.loadNetwork()
        let before = try network.activate(scenario: baseline)
        let after = try network.activate(scenario: scenario)
        let comparison = try compare(baseline: before, scenario: after)
        var swept: (result: SweepResult, scenarioCapacity: Double?)?
        if let sweep {
            let capacity = try capacityToSweep(sweep, in: after)
            let request = try SweepRequest(
                parameter: .capacity(sweep), minimum: 0, maximum: capacity, steps: steps, shard: nil)
            swept = (try CorridorImpact.sweep(after, request), capacity)
        }
        let document = ComparisonReportDocument.make(
            comparison, source: networkFile.network ?? "bundled networks/\(BundledNetworks.defaultName)", sweep: swept)
        try Delivery.text(document.html(), to: output)
    }

    /// The capacity the scenario gives a node or link: the upper end of the sweep.
    private func capacityToSweep(_ id: String, in network: ActiveNetwork) throws -> Double {
        let element = try network.resolveElement(id, as: .sweptCapacity)
        let capacity: Double?
        switch element {
        case .node(let node): capacity = network.nodes[node.index].capacity
        case .link(let link): capacity = network.arcs[link.arcs[0]].capacity
        }
        guard let capacity else {
            throw BadInput("--sweep \(id): it has no capacity limit in scenario \(network.scenarioID) to sweep up to")
        }
        return capacity
    }
}
