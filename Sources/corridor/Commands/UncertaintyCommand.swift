import ArgumentParser
import CorridorImpact
import CorridorModel
import CorridorReports
import Foundation

/// `corridor uncertainty`: the difference between two scenarios over draws of the network's uncertain
/// estimates, with its distribution and a tornado of its drivers.
struct UncertaintyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uncertainty",
        abstract: "Draw the network's uncertain estimates; the distribution of baseline − scenario and its drivers.",
        discussion: """
            Every draw sets each input of the network's "uncertainty" block (networks/FORMAT.md) to a value from its \
            distribution in both scenarios and re-solves both warm; the difference is the baseline's objective minus \
            the scenario's (what the scenario saves). The tornado sets one input at a time to each end of its range. \
            The same --seed gives the same bytes; --shard i/n computes the i-th of n blocks of draws and \
            `corridor uncertainty --merge FILE...` joins the shards' JSON into exactly the unsharded document. \
            Formats: table (default), json (corridor-uncertainty/1), csv (the draws).
            """)

    @OptionGroup var networkFile: NetworkFile

    @OptionGroup var solveOptions: SolveOptions

    @Option(name: .long, help: "The scenario the difference is measured from (e.g. baseline).")
    var baseline: String?

    @Option(name: .long, help: "The scenario compared with it (e.g. third-crossing).")
    var scenario: String?

    @Option(name: .long, parsing: .unconditional, help: "The number of draws (default 1000).")
    var draws: Int?

    @Option(name: .long, parsing: .unconditional, help: "The seed of the draws, 0 to 2^53 − 1 (default 1).")
    var seed: String?

    @Option(name: .long, help: "Draw only these inputs (ids, comma-separated); the others stay at the scenarios' values.")
    var inputs: String?

    @Option(name: .long, help: "Compute only block i of n of the draws, e.g. 2/4.")
    var shard: String?

    @Option(name: .long, parsing: .upToNextOption, help: "Join these shard documents (JSON) instead of drawing.")
    var merge: [String] = []

    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @Option(name: [.customShort("o"), .long], help: "Write the result to this file (- is standard output).")
    var output: String?

    func validate() throws {
        do { try format.require(oneOf: [.table, .json, .csv], for: "uncertainty") } catch { throw ValidationError(error.description) }
        if !merge.isEmpty {
            let extra = [
                baseline.map { _ in "--baseline" }, scenario.map { _ in "--scenario" }, draws.map { _ in "--draws" },
                seed.map { _ in "--seed" }, inputs.map { _ in "--inputs" }, shard.map { _ in "--shard" },
                networkFile.network.map { _ in "NETWORK" },
            ].compactMap { $0 }
            if !extra.isEmpty {
                throw ValidationError("--merge takes the shards' documents alone; drop \(extra.joined(separator: ", "))")
            }
            return
        }
        if baseline == nil || scenario == nil { throw ValidationError("--baseline and --scenario are both needed") }
    }

    func run() throws {
        solveOptions.startWatch(for: "uncertainty", showsProgress: false)
        let result: UncertaintyResult
        if merge.isEmpty {
            try Delivery.checkTargets([("--output", .some(output))], input: try networkFile.resolvedPath())
            result = try draw()
        } else {
            for path in merge {
                try Delivery.checkTargets([("--output", .some(output))], input: path, inputNoun: "a shard to merge")
            }
            var parts: [(source: String, result: UncertaintyResult)] = []
            for path in merge {
                let bytes: InputBytes
                do { bytes = try InputFile.read(path: path) } catch { throw BadInput(error.description) }
                parts.append((path, try UncertaintyJSONReport.read(Data(bytes.array), source: path)))
            }
            result = try mergeUncertaintyShards(parts)
        }
        let text: String
        switch format {
        case .json: text = UncertaintyJSONReport.document(result).serialized() + "\n"
        case .csv: text = UncertaintyCSVReport.render(result)
        default: text = UncertaintyTableReport.render(result)
        }
        try Delivery.text(text, to: output)
    }

    private func draw() throws -> UncertaintyResult {
        guard let baseline, let scenario else { throw BadInput("--baseline and --scenario are both needed") }
        var seedValue: UInt64 = 1
        if let seed {
            guard let value = UInt64(seed) else { throw BadInput("--seed \(seed.escapingControlCharacters): expected a whole number from 0 to 2^53 − 1") }
            seedValue = value
        }
        let selected = try CommaList.items(inputs).map { ids throws(BadInput) in
            guard !ids.isEmpty else { throw BadInput("--inputs names no input; give ids separated by commas") }
            return ids
        }
        let request: UncertaintyRequest
        do {
            request = try UncertaintyRequest(
                baseline: baseline, scenario: scenario, draws: draws ?? 1000, seed: seedValue, inputs: selected,
                shard: try shard.map { text throws(SweepRequestError) in try SweepShard(parsing: text) })
        } catch let error as UncertaintyError {
            throw ImpactError.uncertainty(error)
        } catch let error as SweepRequestError {
            throw ImpactError.sweepRequest(error)
        }
        let network = try networkFile.loadNetwork()
        guard Terminal.drawsProgress else { return try runUncertainty(network, request) }
        let bar = ProgressBar()
        defer { bar.finish() }
        return try runUncertainty(network, request) { done, total in bar.show(done, of: total, noun: "draws") }
    }
}
