import ArgumentParser
import CorridorImpact
import CorridorModel
import CorridorOptimization
import CorridorReports
import Foundation

/// `corridor compare`: two scenarios' allocations and max-flows side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two scenarios: crossings, costs, service, transit time, max-flow and the demands that moved.",
        discussion: """
            On a network that declares commodities: flows, service, transit time and max-flow per commodity \
            in its unit, and the limits at every crossing (trains, vehicles, units) used and priced. \
            Formats: table (default), json (corridor-comparison/1), csv (the crossings table; with --output DIR, \
            crossings.csv, totals.csv and changes.csv in that folder, and limits.csv and flows.csv for commodities), \
            geojson (a folder of the scenario's layers nodes, links and routes and the layer link_changes, flows \
            before and after; needs --output DIR), gpkg (one GeoPackage file with the same layers; needs --output FILE).
            """)

    @OptionGroup var networkFile: NetworkFile

    @Option(name: .long, help: "The scenario to compare with the baseline (e.g. third-crossing).", completion: Completions.scenarios)
    var scenario: String

    @OptionGroup var solveOptions: SolveOptions

    @Option(name: .long, help: "The scenario to compare against (e.g. baseline).", completion: Completions.scenarios)
    var baseline: String

    @Option(name: .long, help: "Output format: table, json, csv, geojson or gpkg.")
    var format: OutputFormat = .table

    @Option(name: .long, parsing: .unconditional, help: "List only this many of the demands that moved, largest first (table format).")
    var changes: Int?

    @Option(
        name: [.short, .long], help: "Write the result to this file (a folder for csv and geojson; - is standard output).",
        completion: .file())
    var output: String?

    @Flag(name: .long, help: "Write the csv folder's files into a folder that holds other files too (never over them).")
    var force = false

    func validate() throws {
        do { try format.require(oneOf: [.table, .json, .csv, .geojson, .gpkg], for: "compare") } catch {
            throw ValidationError(error.description)
        }
        if format == .geojson, output == nil {
            throw ValidationError("--format geojson writes a folder of files: give it with --output DIR")
        }
        if format == .gpkg, output == nil {
            throw ValidationError("--format gpkg writes a GeoPackage file: give it with --output FILE")
        }
        if let changes, changes < 0 { throw ValidationError("--changes must not be negative") }
    }

    func run() throws {
        solveOptions.startWatch(for: "compare")
        let writesFolder = format.isFolder && output != nil && output != "-"
        try Delivery.checkTargets(
            [("--output", writesFolder ? nil : .some(output))], input: try networkFile.resolvedPath())
        let network = try networkFile.loadNetwork()
        let before = try network.activate(scenario: baseline)
        let after = try network.activate(scenario: scenario)
        let comparison = try compare(baseline: before, scenario: after)
        let text: String
        switch format {
        case .json: text = ComparisonJSONReport.document(comparison).serialized() + "\n"
        case .geojson, .gpkg:
            guard let output else { throw BadInput("--format \(format.rawValue) needs --output") }
            return try Delivery.layers(
                AllocationGISLayers.layers(comparison), as: format, kind: "comparison-geojson", to: output, force: force)
        case .csv:
            if let output, output != "-" {
                return try Delivery.folder(
                    ComparisonCSVReport.files(comparison), kind: "comparison-csv", to: output, force: force)
            }
            text = ComparisonCSVReport.crossings(comparison)
        default: text = ComparisonTableReport.render(comparison, changesListed: changes)
        }
        try Delivery.text(text, to: output)
    }
}
