import ArgumentParser
import CorridorLP
import CorridorModel
import CorridorOptimization
import CorridorOutput
import CorridorReports
import Foundation

/// `corridor allocate`: the least-cost allocation of a scenario's demands (docs/MODEL.md).
struct AllocateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocate",
        abstract: "Split demand across crossings and lines at least total cost; report unserved demand and shadow prices.",
        discussion: """
            Formats: table (default), json (corridor-allocation/1), csv (a folder of tables; needs --output DIR), \
            geojson (a folder of layers nodes.geojson, links.geojson, routes.geojson; needs --output DIR), \
            gpkg (one GeoPackage file with the same layers; needs --output FILE). --write-lp/--write-mps export the linear program for other solvers \
            (always the full arc formulation). --method paths solves by column generation over paths, arcs the \
            arc formulation at once; auto (default) takes paths when the arc program would exceed \
            \(AllocationMethod.automaticThreshold) flow variables. Both give the same optimum.
            """)

    @OptionGroup var networkOptions: NetworkOptions

    @OptionGroup var solveOptions: SolveOptions

    @Option(name: .long, help: "Output format: table, json, csv, geojson or gpkg.")
    var format: OutputFormat = .table

    @Option(
        name: [.short, .long], help: "Write the result to this file (a folder for csv and geojson; - is standard output).",
        completion: .file())
    var output: String?

    @Flag(name: .long, help: "Write the csv folder's files into a folder that holds other files too (never over them).")
    var force = false

    @Option(name: .customLong("write-lp"), help: "Also write the linear program in CPLEX LP form to this file.", completion: .file(extensions: ["lp"]))
    var writeLP: String?

    @Option(name: .customLong("write-mps"), help: "Also write the linear program in MPS form to this file.", completion: .file(extensions: ["mps"]))
    var writeMPS: String?

    @Option(name: .long, parsing: .unconditional, help: "List only this many demands, largest first (table format).")
    var demands: Int?

    @Flag(name: .long, help: "Print the seconds spent reading, building, solving, decoding and writing to standard error.")
    var timings = false

    @Option(name: .long, help: "How to solve: auto, arcs or paths (column generation).")
    var method: AllocationMethod = .automatic

    @Flag(name: .long, help: "Add the range of every capacity and link cost over which its shadow price or flows hold (json, csv).")
    var sensitivity = false

    func validate() throws {
        if let demands, demands < 0 { throw ValidationError("--demands must not be negative") }
        if format.isFolder, output == nil {
            throw ValidationError("--format \(format.rawValue) writes a folder of files: give it with --output DIR")
        }
        if format == .gpkg, output == nil {
            throw ValidationError("--format gpkg writes a GeoPackage file: give it with --output FILE")
        }
        if sensitivity, format != .json, format != .csv {
            throw ValidationError("--sensitivity adds ranges to --format json or csv")
        }
        if sensitivity, method == .paths {
            throw ValidationError("--sensitivity ranges the final basis of the arc formulation: use --method arcs or auto")
        }
    }

    func run() throws {
        solveOptions.startWatch(for: "allocate")
        try Delivery.checkTargets(
            [("--output", format.isFolder ? nil : .some(output)), ("--write-lp", writeLP.map { .some($0) }),
             ("--write-mps", writeMPS.map { .some($0) })],
            input: try networkOptions.resolvedPath(), folder: format.isFolder ? output : nil)
        let clock = ContinuousClock()
        let reading = clock.now
        let network = try networkOptions.loadActiveNetwork()
        let started = clock.now
        let readDuration = started - reading
        let seconds = Self.seconds
        let exported = writeLP != nil || writeMPS != nil ? try AllocationModel(network: network) : nil
        let allocation: Allocation
        let report: String
        // Ranges come from the arc formulation's final basis, so --sensitivity solves that way.
        let pathResult =
            !sensitivity && method.resolved(for: network) == .paths ? try solveByPaths(network, started: started) : nil
        var ranges: AllocationSensitivity?
        if let pathResult {
            (allocation, report) = pathResult
        } else {
            let solver = try AllocationSolver(model: exported ?? AllocationModel(network: network))
            let build = clock.now - started
            allocation = try solver.solve()
            if sensitivity { ranges = try solver.sensitivity(of: allocation) }
            let solve = solver.lastTimings
            report = "build \(seconds(build)) s, solve \(seconds(solve.simplex)) s "
                + "(\(allocation.iterations) simplex iterations), decode \(seconds(solve.decoding)) s"
        }
        let writing = clock.now
        // The result first: if it cannot be written, neither is the model.
        try write(allocation, network: network, sensitivity: ranges)
        if let writeLP, let exported { try OutputFile.write(exported.program.lpText(), to: writeLP) }
        if let writeMPS, let exported { try OutputFile.write(exported.program.mpsText(), to: writeMPS) }
        if timings {
            Terminal.printError(
                "timings: read \(seconds(readDuration)) s, \(report), write \(seconds(clock.now - writing)) s")
        }
    }

    /// The allocation by column generation and its timings; `nil` when GLPK fails on the restricted
    /// program, which the arc formulation then solves (the same program, another way).
    private func solveByPaths(_ network: ActiveNetwork, started: ContinuousClock.Instant) throws -> (Allocation, String)? {
        let seconds = Self.seconds
        let solver = try PathAllocationSolver(network: network)
        let build = ContinuousClock.now - started
        let allocation: Allocation
        do {
            allocation = try solver.solve()
        } catch {
            guard case .solver(let reason) = error else { throw error }
            Terminal.printNote("corridor: column generation failed (\(reason)); solving the arc formulation instead")
            return nil
        }
        let solve = solver.lastTimings
        return (
            allocation,
            "build \(seconds(build)) s, solve \(seconds(solve.simplex)) s in GLPK + \(seconds(solve.pricing)) s pricing "
                + "(\(solver.lastRun.rounds) rounds, \(solver.lastRun.paths) paths, \(solver.lastRun.rowsDropped) limit rows "
                + "dropped, \(allocation.iterations) simplex iterations), decode \(seconds(solve.decoding)) s")
    }

    /// Seconds as `--timings` prints them.
    private static func seconds(_ duration: Duration) -> String { String(format: "%.4f", duration.seconds) }

    private func write(_ allocation: Allocation, network: ActiveNetwork, sensitivity: AllocationSensitivity?) throws {
        let text: String
        switch format {
        case .table:
            text = AllocationTableReport.render(allocation, network: network, demandsListed: demands)
        case .json:
            text = AllocationJSONReport.document(allocation, network: network, sensitivity: sensitivity).serialized() + "\n"
        case .geojson, .gpkg:
            guard let output else { throw BadInput("--format \(format.rawValue) needs --output") }
            return try Delivery.layers(
                AllocationGISLayers.layers(allocation, network: network), as: format, kind: "allocation-geojson", to: output,
                force: force)
        case .csv:
            guard let output else { throw BadInput("--format csv needs --output DIR") }
            return try Delivery.folder(
                AllocationCSVReport.files(allocation, network: network, sensitivity: sensitivity), kind: "allocation-csv",
                to: output, force: force)
        }
        try Delivery.text(text, to: output)
    }
}

extension AllocationMethod: ExpressibleByArgument {}
