import ArgumentParser
import CorridorModel
import CorridorReports

/// `corridor info [NETWORK] [--scenario S] [--format table|json]`: what a network holds and what
/// each of its scenarios changes.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Summarise a network: nodes, crossings, links, demand and scenarios.",
        discussion: """
            With --scenario, crossing capacities, what is on and the total demand are those of the
            scenario; the list of scenarios always shows what each one changes.
            """)

    @OptionGroup var options: NetworkOptions

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    @OptionGroup var resultOutput: ResultOutput

    func run() throws {
        try resultOutput.check(input: try options.resolvedPath())
        try format.require(oneOf: [.table, .json], for: "info")
        let summary = NetworkSummary(try options.loadActiveNetwork())
        try resultOutput.deliver(format == .json ? summary.json.serialized() : summary.table)
    }
}
