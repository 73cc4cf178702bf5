import ArgumentParser
import CorridorModel
import Foundation

/// `corridor import FOLDER`: a network from a folder of CSV files (networks/FORMAT.md, "CSV layout"),
/// validated and written as a network file.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Build a network file from a folder of CSV files (corridor init writes a template).",
        discussion: """
            The folder holds network.csv and nodes.csv, and may hold links.csv, demands.csv, commodities.csv, \
            scenarios.csv, scenario_changes.csv and commodity_terms.csv (networks/FORMAT.md, "CSV layout"). \
            Every problem is reported at once with its file, cell and column (links.csv:D7 (to)); the network \
            file is written only when there is none. Then, as validate does, one warning line each for \
            demands no path can serve, elements on no demand's path and opposite one-way links. \
            --from gmns reads GMNS node.csv and link.csv (and config.csv for units) in place of nodes.csv and \
            links.csv; the other files of the layout may sit beside them.
            """)

    @Argument(help: "The folder of CSV files.", completion: .directory)
    var folder: String

    @Option(name: [.short, .long], help: "Write the network file here (default: standard output).", completion: .file(extensions: ["json"]))
    var output: String?

    @Option(name: .long, help: "The folder's layout: corridor (default) or gmns.")
    var from: ImportLayout = .corridor

    func run() throws {
        try Delivery.checkTargets([("--output", .some(output))], input: folder)
        let (network, document) = try from == .gmns ? GMNSImport.read(folder: folder) : NetworkCSV.read(folder: folder)
        try Delivery.text(document.serialized(), to: output)
        for warning in NetworkWarnings.sentences(for: network) { Terminal.printNote("\(folder): warning: \(warning)") }
    }
}

/// The layouts `corridor import` reads.
enum ImportLayout: String, ExpressibleByArgument, CaseIterable {
    /// networks/FORMAT.md, "CSV layout".
    case corridor
    /// GMNS node.csv, link.csv and config.csv.
    case gmns
}

/// `corridor export [NETWORK] --format csv -o DIR`: a network file as the folder of CSV files that
/// `corridor import` reads back into the same network.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a network file as a folder of CSV files that import reads back unchanged.",
        discussion: """
            The folder gets the files of the CSV layout (networks/FORMAT.md), each with a header row even when \
            empty, and dictionary.csv: the unit and meaning of every column.
            """)

    @OptionGroup var networkFile: NetworkFile

    @Option(name: .long, help: "Output format: csv.")
    var format: OutputFormat = .csv

    @Option(name: [.short, .long], help: "The folder to write.", completion: .directory)
    var output: String

    @Flag(name: .long, help: "Write into a folder that holds other files too (never over them).")
    var force = false

    func run() throws {
        try format.require(oneOf: [.csv], for: "export")
        try Delivery.folder(try NetworkCSV.files(ofNetworkAt: try networkFile.resolvedPath()), kind: "network-csv", to: output, force: force)
    }
}

/// `corridor init DIR`: a folder of CSV files to start a network from — the bundled tiny network in the
/// CSV layout, with the dictionary of its columns.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a template folder of CSV files (the tiny teaching network) to edit and import.",
        discussion: "Edit the files in a spreadsheet (save as CSV UTF-8), then: corridor import DIR -o network.json")

    @Argument(help: "The folder to create.", completion: .directory)
    var folder: String

    func run() throws {
        let template = try BundledNetworks.path(of: "tiny.json")
        try Delivery.folder(try NetworkCSV.files(ofNetworkAt: template), kind: "network-csv", to: folder, force: false)
    }
}
