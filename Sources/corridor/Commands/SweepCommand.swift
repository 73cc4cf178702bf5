import ArgumentParser
import CorridorImpact
import CorridorModel
import CorridorReports
import Foundation

/// `corridor sweep`: the allocation as one capacity, link cost or the demand scale varies.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Vary a capacity (--capacity ID), a link cost (--cost ID) or the demand scale over a range; re-solve warm.",
        discussion: """
            N steps give N evenly spaced points, --min and --max included (one step: --min alone). \
            --shard i/n computes the i-th of n contiguous blocks of points; `corridor sweep --merge FILE...` \
            joins the shards' JSON into the unsharded result. A capacity is varied in one measure (--measure): \
            on a network that declares commodities e.g. `--capacity urumqi-dostyk --measure trains --min 10 \
            --max 40`, with served quantities per commodity at every point and the marginal value per extra \
            train. Formats: table (default), json (corridor-sweep/1), csv.
            """)

    @OptionGroup var networkOptions: NetworkOptions

    @OptionGroup var solveOptions: SolveOptions

    @Option(name: .long, help: "Vary the capacity of this node or link.", completion: Completions.elements)
    var capacity: String?

    @OptionGroup var measureOption: MeasureOption

    @Option(name: .long, help: "Vary the cost per unit of this link.", completion: Completions.links)
    var cost: String?

    @Flag(name: .customLong("demand-scale"), help: "Vary a factor on every demand quantity of the scenario.")
    var demandScale = false

    @Option(name: .long, parsing: .unconditional, help: "The first value.")
    var min: Double?

    @Option(name: .long, parsing: .unconditional, help: "The last value.")
    var max: Double?

    @Option(name: .long, parsing: .unconditional, help: "The number of points (≥ 1).")
    var steps: Int?

    @Option(name: .long, help: "Compute only block i of n, e.g. 2/4.")
    var shard: String?

    @Option(name: .long, parsing: .upToNextOption, help: "Join these shard documents (JSON) instead of sweeping.")
    var merge: [String] = []

    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    func validate() throws {
        do { try format.require(oneOf: [.table, .json, .csv], for: "sweep") } catch { throw ValidationError(error.description) }
        if !merge.isEmpty {
            let extra = [
                capacity.map { _ in "--capacity" }, measureOption.measure.map { _ in "--measure" }, cost.map { _ in "--cost" },
                demandScale ? "--demand-scale" : nil,
                min.map { _ in "--min" }, max.map { _ in "--max" }, steps.map { _ in "--steps" },
                shard.map { _ in "--shard" }, networkOptions.scenario.map { _ in "--scenario" },
                networkOptions.network.map { _ in "NETWORK" },
            ].compactMap { $0 }
            if !extra.isEmpty {
                throw ValidationError("--merge takes the shards' documents alone; drop \(extra.joined(separator: ", "))")
            }
            return
        }
        let chosen = [capacity != nil, cost != nil, demandScale].filter { $0 }.count
        if chosen != 1 { throw ValidationError("name exactly one of --capacity ID, --cost ID or --demand-scale") }
        if measureOption.measure != nil && capacity == nil { throw ValidationError("--measure goes with --capacity ID") }
        if min == nil || max == nil || steps == nil { throw ValidationError("--min, --max and --steps are all needed") }
    }

    @OptionGroup var resultOutput: ResultOutput

    func run() throws {
        try resultOutput.check(input: try networkOptions.resolvedPath(), otherInputs: merge.map { ($0, "a shard to merge") })
        solveOptions.startWatch(for: "sweep", showsProgress: false)
        let result: SweepResult
        if merge.isEmpty {
            result = try runSweep()
        } else {
            var parts: [(source: String, result: SweepResult)] = []
            for path in merge {
                parts.append((path, try SweepJSONReport.read(Data(try InputFile.read(path: path).array), source: path)))
            }
            result = try mergeSweepShards(parts)
        }
        switch format {
        case .json: try resultOutput.deliver(SweepJSONReport.document(result).serialized())
        case .csv: try resultOutput.deliver(SweepCSVReport.render(result))
        default: try resultOutput.deliver(SweepTableReport.render(result))
        }
    }

    private func runSweep() throws -> SweepResult {
        guard let min, let max, let steps else { throw BadInput("--min, --max and --steps are all needed") }
        let parameter: SweepParameter
        if let capacity {
            parameter = .capacity(capacity, measure: measureOption.measure)
        } else if let cost {
            parameter = .cost(cost)
        } else {
            parameter = .demandScale
        }
        let request: SweepRequest
        do {
            request = try SweepRequest(
                parameter: parameter, minimum: min, maximum: max, steps: steps,
                shard: try shard.map { text throws(SweepRequestError) in try SweepShard(parsing: text) })
        } catch {
            throw ImpactError.sweepRequest(error)
        }
        let network = try networkOptions.loadActiveNetwork()
        if let capacity {
            // Refused here, not in the sweep, to name the element's limits.
            _ = try measureOption.resolve(try network.resolveElement(capacity, as: .sweptCapacity), in: network)
        }
        guard Terminal.drawsProgress else { return try sweep(network, request) }
        let bar = ProgressBar()
        defer { bar.finish() }
        return try sweep(network, request) { done, total in bar.show(done, of: total, noun: "points") }
    }
}
