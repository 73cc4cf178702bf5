import ArgumentParser
import CorridorImpact
import CorridorModel
import CorridorReports

/// `corridor criticality`: what closing each crossing (or link) costs, worst first.
struct CriticalityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "criticality",
        abstract: "Close each active crossing (with --links, each link too) in turn and rank by the damage.",
        discussion: """
            Closing sets the element's capacity to 0 and re-solves from the last basis; a closed crossing also \
            stops traffic that starts or ends there. On a network that declares commodities every limit of the \
            element goes to 0 and nothing of any commodity passes; the table then shows the change in what each \
            commodity has served. Ranked by cost increase, then unserved increase, then id. \
            Formats: table (default), json (corridor-criticality/1).
            """)

    @OptionGroup var networkOptions: NetworkOptions

    @OptionGroup var solveOptions: SolveOptions

    @Flag(name: .long, help: "Also close each active link (both directions together).")
    var links = false

    @Option(name: .long, help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        do { try format.require(oneOf: [.table, .json], for: "criticality") } catch { throw ValidationError(error.description) }
    }

    @OptionGroup var resultOutput: ResultOutput

    func run() throws {
        try resultOutput.check(input: try networkOptions.resolvedPath())
        solveOptions.startWatch(for: "criticality")
        let network = try networkOptions.loadActiveNetwork()
        let result = try criticality(of: network, includeLinks: links)
        switch format {
        case .json:
            try resultOutput.deliver(
                CriticalityJSONReport.document(result, includesLinks: links, network: network.network).serialized())
        default: try resultOutput.deliver(CriticalityTableReport.render(result, network: network.network))
        }
    }
}
