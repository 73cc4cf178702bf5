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
            ID under the scenario, from 0 to the capacity the scenario gives it (in --measure). On a network that \
            declares commodities the tables are per commodity, and the maps and charts count trains when every \
            commodity has a load per train (else the first commodity alone); the legend says which. The sweep's \
            curves are drawn through its exact breakpoints, listed in a table. With --invest it adds the investment \
            plan of the projects beside the network (as corridor invest); with --uncertainty N the distribution \
            of the saving over N draws of the network's uncertain inputs and its tornado (as corridor uncertainty).
            """)

    @OptionGroup var networkFile: NetworkFile

    @Option(name: .long, help: "The scenario to compare with the baseline (e.g. third-crossing).", completion: Completions.scenarios)
    var scenario: String

    @OptionGroup var solveOptions: SolveOptions

    @Option(name: .long, help: "The scenario to compare against (e.g. baseline).", completion: Completions.scenarios)
    var baseline: String

    @Option(
        name: .long, help: "A node or link whose capacity to sweep from 0 to its value in the scenario.",
        completion: Completions.elements)
    var sweep: String?

    @OptionGroup var measureOption: MeasureOption

    @Option(name: .long, parsing: .unconditional, help: "Points on the sweep curve (with --sweep).")
    var steps = 21

    @Flag(name: .long, help: "Add the investment plan of the projects beside the network (see corridor invest).")
    var invest = false

    @Option(name: .long, help: "Add the distribution of the saving over this many draws of the network's uncertain inputs, with its tornado.")
    var uncertainty: Int?

    @Option(name: .long, help: "The seed of the draws (with --uncertainty; default 1).")
    var seed: UInt64 = 1

    @Option(name: .long, help: "The projects file for --invest (default: NETWORK with .projects.json).", completion: .file(extensions: ["json"]))
    var projects: String?

    @Option(name: [.short, .customLong("output")], help: "The HTML file to write.", completion: .file(extensions: ["html"]))
    var output: String

    func validate() throws {
        if steps < 2 { throw ValidationError("--steps must be at least 2") }
        if measureOption.measure != nil && sweep == nil { throw ValidationError("--measure goes with --sweep ID") }
        if projects != nil && !invest { throw ValidationError("--projects goes with --invest") }
    }

    func run() throws {
        solveOptions.startWatch(for: "report")
        let projectsPath = try projects ?? CalibrateCommand.siblingPath(of: networkFile.resolvedPath(), suffix: ".projects.json")
        try Delivery.checkTargets(
            [("--output", .some(output))], input: try networkFile.resolvedPath(),
            otherInputs: invest ? [(projectsPath, "the projects file")] : [])
        let network = try networkFile.loadNetwork()
        let before = try network.activate(scenario: baseline)
        let after = try network.activate(scenario: scenario)
        let comparison = try compare(baseline: before, scenario: after)
        var swept: (result: SweepResult, scenarioCapacity: Double?)?
        if let sweep {
            let capacity = try capacityToSweep(sweep, in: after)
            let request = try SweepRequest(
                parameter: .capacity(sweep, measure: measureOption.measure), minimum: 0, maximum: capacity, steps: steps,
                shard: nil)
            swept = (try CorridorImpact.sweep(after, request), capacity)
        }
        var plan: InvestmentPlan?
        if invest {
            plan = try CorridorImpact.invest(network, ProjectsReader.read(path: projectsPath, for: network), timeLimit: solveOptions.timeLimit)
        }
        var drawn: UncertaintyResult?
        if let uncertainty {
            let request = try UncertaintyRequest(baseline: baseline, scenario: scenario, draws: uncertainty, seed: seed)
            drawn = try runUncertainty(network, request)
        }
        let document = ComparisonReportDocument.make(
            comparison, source: networkFile.network ?? "bundled networks/\(BundledNetworks.defaultName)", sweep: swept,
            investment: plan, uncertainty: drawn)
        try Delivery.text(document.html(), to: output)
    }

    /// The capacity the scenario gives a node or link in the measure swept (a link's forward direction):
    /// the upper end of the sweep.
    private func capacityToSweep(_ id: String, in network: ActiveNetwork) throws -> Double {
        let element = try network.resolveElement(id, as: .sweptCapacity)
        let measure = try measureOption.resolve(element, in: network)
        let capacity: Double?
        switch element {
        case .node(let node): capacity = network.nodes[node.index].limits.value(in: measure)
        case .link(let link): capacity = network.arcs[link.arcs[0]].limits.value(in: measure)
        }
        guard let capacity else {
            let unit = network.network.declaresCommodities ? " in \(measure.name(networkUnit: network.network.unit))" : ""
            throw BadInput("--sweep \(id): it has no capacity limit\(unit) in scenario \(network.scenarioID) to sweep up to")
        }
        return capacity
    }
}
