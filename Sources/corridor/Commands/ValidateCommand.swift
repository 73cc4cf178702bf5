import ArgumentParser
import CorridorModel
import CorridorReports

/// `corridor validate [NETWORK]`: checks a network file and reports every problem at once.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a network file; report every problem with its location (exit 2 on any).",
        discussion: """
            A valid network may still not mean what it says: after "ok", one warning line each on standard \
            error names a demand that no path can serve, a node or link that no demand's path can use, and \
            two one-way links that run opposite ways between the same nodes (the exit code stays 0).
            """)

    @Argument(help: "The network file (default: the bundled China–Europe network).", completion: Completions.networkFile)
    var network: String?

    @Option(help: "Output format: table or json (corridor-validation/1, warnings included; nothing on standard error).")
    var format: OutputFormat = .table

    func run() throws {
        try format.require(oneOf: [.table, .json], for: "validate")
        let options = try NetworkOptions.parse(network.map { [$0] } ?? [])
        let path = try options.resolvedPath()
        let loaded = try NetworkReader.read(path: path)
        if format == .json { return try Delivery.standardOutput(ValidationReport.document(loaded).serialized()) }
        try Delivery.standardOutput(
            "\(path.escapingControlCharacters): ok — \(loaded.nodes.count) nodes, \(loaded.links.count) links, "
                + "\(loaded.demands.count) demands, \(loaded.scenarios.count) scenarios")
        for warning in NetworkWarnings.sentences(for: loaded) {
            Terminal.printNote("\(path): warning: \(warning)")
        }
    }
}
