// Monte Carlo on a network's uncertain estimates (its `uncertainty` block): every draw sets each input
// to a value drawn from its distribution in both scenarios, re-solves both allocations warm, and keeps
// the difference of their objectives; a tornado sets one input at a time to each end of its range.
//
// Reproducible and shardable: draw i's values are a pure function of (seed, i) (``UncertaintyDraws``),
// and, as in a sweep, warm starts run within blocks of ``UncertaintyRequest/blockLength`` draws, each
// block starting from fresh solvers, so a shard (whole blocks) computes bit for bit what the unsharded
// run computes. Within a block the draws are solved in the order of the input with the largest swing
// in the tornado (the tornado runs first, on its own fresh solvers, identically in every shard), so
// that consecutive re-solves start from a nearby optimum; the blocks, independent, run in parallel,
// one GLPK problem pair per thread.

import CorridorModel
import CorridorOptimization
import Dispatch
import Synchronization

/// An uncertainty run to compute: two scenarios, the number of draws, the seed and the shard.
public struct UncertaintyRequest: Sendable, Equatable {
    /// Draws per block of warm re-solves; shards take whole blocks.
    public static let blockLength = 100
    /// The most draws one run computes.
    public static let maximumDraws = 1_000_000
    /// The largest seed: 2⁵³ − 1, so that a JSON number holds it exactly.
    public static let maximumSeed: UInt64 = (1 << 53) - 1

    /// The scenario the difference is measured from (`baseline` for the base network).
    public let baseline: String
    /// The scenario compared with it; a draw's difference is baseline's objective minus this one's.
    public let scenario: String
    public let draws: Int
    public let seed: UInt64
    /// The inputs drawn, by id, in the network's order; `nil` for all of them.
    public let inputs: [String]?
    public let shard: SweepShard?

    /// - Throws: ``UncertaintyError`` for draws outside 1…``maximumDraws``, a seed above ``maximumSeed``,
    ///   or more shards than blocks.
    public init(
        baseline: String, scenario: String, draws: Int, seed: UInt64, inputs: [String]? = nil, shard: SweepShard? = nil
    ) throws(UncertaintyError) {
        guard draws >= 1 else { throw .tooFewDraws(draws) }
        guard draws <= Self.maximumDraws else { throw .tooManyDraws(draws, limit: Self.maximumDraws) }
        guard seed <= Self.maximumSeed else { throw .seedTooLarge(seed, limit: Self.maximumSeed) }
        let blocks = (draws + Self.blockLength - 1) / Self.blockLength
        if let shard, shard.count > blocks {
            throw .tooManyShards(shard, draws: draws, blocks: blocks, blockLength: Self.blockLength)
        }
        self.baseline = baseline
        self.scenario = scenario
        self.draws = draws
        self.seed = seed
        self.inputs = inputs
        self.shard = shard
    }

    /// This request without its shard: what the joined shards answer.
    public var whole: UncertaintyRequest {
        // Cannot fail: only the shard is dropped.
        (try? UncertaintyRequest(baseline: baseline, scenario: scenario, draws: draws, seed: seed, inputs: inputs)) ?? self
    }

    /// The draw indices the shard computes (all of them without a shard): whole blocks.
    public var drawRange: Range<Int> {
        guard let shard else { return 0..<draws }
        let blocks = (draws + Self.blockLength - 1) / Self.blockLength
        let first = (shard.index - 1) * blocks / shard.count
        let last = shard.index * blocks / shard.count
        return min(draws, first * Self.blockLength)..<min(draws, last * Self.blockLength)
    }
}

/// Why an uncertainty run cannot be computed. Descriptions name the request's parts, never a front end's options.
public enum UncertaintyError: Error, Sendable, Equatable, CustomStringConvertible {
    case tooFewDraws(Int)
    case tooManyDraws(Int, limit: Int)
    case seedTooLarge(UInt64, limit: UInt64)
    /// More shards than the run has blocks of `blockLength` draws.
    case tooManyShards(SweepShard, draws: Int, blocks: Int, blockLength: Int)
    /// The network has no `uncertainty` block.
    case noInputs(network: String)
    /// A requested input id the network's `uncertainty` block does not have.
    case unknownInput(String, suggestion: String?, known: [String])
    /// An input that cannot be applied in the scenarios; `reason` says why.
    case inapplicable(input: String, reason: String)

    public var description: String {
        switch self {
        case .tooFewDraws(let draws): "\(draws) draws: a run needs at least 1"
        case .tooManyDraws(let draws, let limit): "\(draws) draws: at most \(ModelLimits.written(Double(limit))) in one run"
        case .seedTooLarge(let seed, let limit): "seed \(seed): at most \(limit) (2^53 − 1)"
        case .tooManyShards(let shard, let draws, let blocks, let length):
            "shard \(shard): the run's \(draws) draws form \(blocks) block\(blocks == 1 ? "" : "s") of up to \(length) "
                + "(shards take whole blocks, so that joined they equal one run); use at most \(blocks) "
                + "shard\(blocks == 1 ? "" : "s"), not \(shard.count)"
        case .noInputs(let network):
            "network \"\(network.escapingControlCharacters)\" gives no uncertain inputs; add an \"uncertainty\" block "
                + "(networks/FORMAT.md, Uncertainty)"
        case .unknownInput(let id, let suggestion, let known):
            "no uncertain input \"\(id.escapingControlCharacters)\""
                + (suggestion.map { " (did you mean \"\($0.escapingControlCharacters)\"?)" } ?? "")
                + "; the network's: \(known.joined(separator: ", "))"
        case .inapplicable(let input, let reason): "uncertain input \"\(input.escapingControlCharacters)\": \(reason)"
        }
    }
}

/// The values of the draws: input `position` (its place in the network's `uncertainty` block) in draw
/// `index` is the distribution's quantile at a uniform number hashed from (seed, index, position) with
/// SplitMix64's finaliser — so any draw can be computed alone, in any shard.
public enum UncertaintyDraws {
    /// A number in [0, 1) with 53 random bits.
    public static func uniform(seed: UInt64, draw index: Int, position: Int) -> Double {
        let hashed = mix(mix(seed ^ mix(UInt64(truncatingIfNeeded: index))) ^ UInt64(truncatingIfNeeded: position))
        return Double(hashed >> 11) * 0x1.0p-53
    }

    /// SplitMix64's step and finaliser.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One draw: the inputs' values (in the order of ``UncertaintyResult/inputs``) and both optima.
public struct UncertaintyDraw: Sendable, Equatable {
    public let index: Int
    public let values: [Double]
    public let baseline: Double
    public let scenario: Double
    /// `baseline − scenario`: what the scenario saves; a difference within 1e-9 of the larger objective
    /// (solver rounding) is 0.
    public let difference: Double

    public init(index: Int, values: [Double], baseline: Double, scenario: Double) {
        self.index = index
        self.values = values
        self.baseline = baseline
        self.scenario = scenario
        difference = Self.difference(baseline, scenario)
    }

    static func difference(_ baseline: Double, _ scenario: Double) -> Double {
        let difference = baseline - scenario
        return abs(difference) <= 1e-9 * max(1, abs(baseline), abs(scenario)) ? 0 : difference
    }
}

/// One input's bar of the tornado: the difference with the input at each end of its range and every
/// other input at the scenarios' own values.
public struct TornadoBar: Sendable, Equatable {
    public let input: String
    public let low: Double
    public let high: Double
    public let differenceAtLow: Double
    public let differenceAtHigh: Double

    public init(input: String, low: Double, high: Double, differenceAtLow: Double, differenceAtHigh: Double) {
        self.input = input
        self.low = low
        self.high = high
        self.differenceAtLow = differenceAtLow
        self.differenceAtHigh = differenceAtHigh
    }

    /// `|differenceAtHigh − differenceAtLow|`: how far the input alone moves the result.
    public var swing: Double { abs(differenceAtHigh - differenceAtLow) }
}

/// The distribution of the differences over the draws.
public struct UncertaintySummary: Sendable, Equatable {
    public let mean: Double
    /// Quantiles by linear interpolation between order statistics (Hyndman–Fan type 7, as R's and
    /// NumPy's default): with the n sorted differences x₀…xₙ₋₁, P(p) = x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋₊₁ − x_⌊h⌋),
    /// h = (n − 1)p.
    public let p5: Double
    public let p50: Double
    public let p95: Double
    public let minimum: Double
    public let maximum: Double
    /// The share of draws whose difference is > 0 (the scenario is cheaper).
    public let probabilityPositive: Double

    /// The summary of `differences` (in draw order; not empty).
    public init(differences: [Double]) {
        let sorted = differences.sorted()
        func quantile(_ p: Double) -> Double {
            let h = Double(sorted.count - 1) * p
            let below = Int(h.rounded(.down))
            let above = min(below + 1, sorted.count - 1)
            return sorted[below] + (h - Double(below)) * (sorted[above] - sorted[below])
        }
        mean = differences.reduce(0, +) / Double(differences.count)
        p5 = quantile(0.05)
        p50 = quantile(0.5)
        p95 = quantile(0.95)
        minimum = sorted.first ?? 0
        maximum = sorted.last ?? 0
        probabilityPositive = Double(differences.filter { $0 > 0 }.count) / Double(differences.count)
    }
}

/// An uncertainty run (or one shard of it).
public struct UncertaintyResult: Sendable, Equatable {
    public let networkName: String
    public let request: UncertaintyRequest
    /// The inputs drawn, in the network's order.
    public let inputs: [UncertainInput]
    /// Both optima with every input at the scenarios' own values.
    public let base: (baseline: Double, scenario: Double)
    /// Sorted by swing, largest first (ties in input order).
    public let tornado: [TornadoBar]
    /// The draws of ``UncertaintyRequest/drawRange``, in order.
    public let draws: [UncertaintyDraw]

    public init(
        networkName: String, request: UncertaintyRequest, inputs: [UncertainInput], base: (baseline: Double, scenario: Double),
        tornado: [TornadoBar], draws: [UncertaintyDraw]
    ) {
        self.networkName = networkName
        self.request = request
        self.inputs = inputs
        self.base = base
        self.tornado = tornado
        self.draws = draws
    }

    /// `base.baseline − base.scenario`.
    public var baseDifference: Double { UncertaintyDraw.difference(base.baseline, base.scenario) }

    /// The distribution of the differences; `nil` for a shard (merge the shards for it).
    public var summary: UncertaintySummary? {
        guard request.shard == nil, !draws.isEmpty else { return nil }
        return UncertaintySummary(differences: draws.map(\.difference))
    }

    public static func == (lhs: UncertaintyResult, rhs: UncertaintyResult) -> Bool {
        lhs.networkName == rhs.networkName && lhs.request == rhs.request && lhs.inputs == rhs.inputs
            && lhs.base == rhs.base && lhs.tornado == rhs.tornado && lhs.draws == rhs.draws
    }
}

/// Runs the draws of `request` (its shard's) and the tornado on `network`.
///
/// - Parameter progress: called after each draw with (draws done, draws to do), from worker threads, one
///   call at a time.
/// - Throws: ``ImpactError/uncertainty(_:)`` when the network has no uncertain inputs, a requested one is
///   unknown, or one cannot be applied in the scenarios (off in both, no limit in its measure, a factor
///   on an unlimited capacity, a value the program cannot take such as a demand scale taking a quantity
///   past its limit); ``ImpactError/scenario(_:)`` for an unknown scenario; ``ImpactError/allocation(_:)``
///   when GLPK fails.
public func runUncertainty(
    _ network: Network, _ request: UncertaintyRequest, progress: (@Sendable (Int, Int) -> Void)? = nil
) throws(ImpactError) -> UncertaintyResult {
    let selected = try selectInputs(network, request.inputs)
    let inputs = selected.map(\.input)
    var built: [ScenarioProgram] = []
    for id in [request.baseline, request.scenario] {
        let active: ActiveNetwork
        do { active = try network.activate(scenario: id) } catch { throw .scenario(error) }
        built.append(try ScenarioProgram(active, inputs: inputs))
    }
    let programs = built
    for (index, input) in inputs.enumerated() where programs.allSatisfy({ $0.targets[index] == nil }) {
        throw .uncertainty(.inapplicable(input: input.id, reason: "its element is off in both scenarios"))
    }

    // The tornado, and the base, on their own solvers.
    let solvers = try programs.map { program throws(ImpactError) in try program.solver() }
    func difference() throws(ImpactError) -> (Double, Double) {
        (try programs[0].optimum(solvers[0]), try programs[1].optimum(solvers[1]))
    }
    let base = try difference()
    var tornado: [TornadoBar] = []
    for (index, input) in inputs.enumerated() {
        var ends: [Double] = []
        for value in [input.distribution.low, input.distribution.high] {
            for (program, solver) in zip(programs, solvers) { try program.set(index, to: value, on: solver) }
            let (before, after) = try difference()
            ends.append(UncertaintyDraw.difference(before, after))
        }
        for (program, solver) in zip(programs, solvers) { try program.reset(index, on: solver) }
        tornado.append(
            TornadoBar(
                input: input.id, low: input.distribution.low, high: input.distribution.high, differenceAtLow: ends[0],
                differenceAtHigh: ends[1]))
    }
    let order = tornado.indices.sorted { (tornado[$1].swing, $1) < (tornado[$0].swing, $0) }

    // The draws, in blocks of warm re-solves, the blocks in parallel.
    let range = request.drawRange
    let blocks = stride(from: range.lowerBound, to: range.upperBound, by: UncertaintyRequest.blockLength).map {
        $0..<min($0 + UncertaintyRequest.blockLength, range.upperBound)
    }
    let lead = order[0]
    let done = Mutex(0)
    let outcomes = [Result<[UncertaintyDraw], ImpactError>](unsafeUninitializedCapacity: blocks.count) { buffer, count in
        nonisolated(unsafe) let slots = buffer
        DispatchQueue.concurrentPerform(iterations: blocks.count) { b in
            let outcome = Result { () throws(ImpactError) -> [UncertaintyDraw] in
                try drawBlock(blocks[b], of: request, selected: selected, programs: programs, lead: lead) {
                    done.withLock { count in
                        count += 1
                        progress?(count, range.count)
                    }
                }
            }
            (slots.baseAddress! + b).initialize(to: outcome)
        }
        count = blocks.count
    }
    var draws: [UncertaintyDraw] = []
    for outcome in outcomes { draws += try outcome.get() }
    return UncertaintyResult(
        networkName: network.name, request: request, inputs: inputs, base: base, tornado: order.map { tornado[$0] },
        draws: draws)
}

/// One block of draws on a fresh pair of solvers, solved in the order of input `lead`'s values, returned
/// in draw order.
private func drawBlock(
    _ block: Range<Int>, of request: UncertaintyRequest, selected: [(position: Int, input: UncertainInput)],
    programs: [ScenarioProgram], lead: Int, drawn: () -> Void
) throws(ImpactError) -> [UncertaintyDraw] {
    let values = block.map { index in
        selected.map { entry in
            entry.input.distribution.quantile(UncertaintyDraws.uniform(seed: request.seed, draw: index, position: entry.position))
        }
    }
    let solvers = try programs.map { program throws(ImpactError) in try program.solver() }
    var draws = [UncertaintyDraw?](repeating: nil, count: block.count)
    for k in values.indices.sorted(by: { (values[$0][lead], $0) < (values[$1][lead], $1) }) {
        var optima: [Double] = []
        for (program, solver) in zip(programs, solvers) {
            for (input, value) in values[k].enumerated() { try program.set(input, to: value, on: solver) }
            optima.append(try program.optimum(solver))
        }
        draws[k] = UncertaintyDraw(index: block.lowerBound + k, values: values[k], baseline: optima[0], scenario: optima[1])
        drawn()
    }
    return draws.compactMap { $0 }
}

/// The inputs to draw, with their positions in the network's block.
private func selectInputs(
    _ network: Network, _ ids: [String]?
) throws(ImpactError) -> [(position: Int, input: UncertainInput)] {
    let all = Array(network.uncertainty.enumerated()).map { (position: $0.offset, input: $0.element) }
    guard !all.isEmpty else { throw .uncertainty(.noInputs(network: network.name)) }
    guard let ids else { return all }
    let known = all.map(\.input.id)
    for id in ids where !known.contains(id) {
        throw .uncertainty(.unknownInput(id, suggestion: Suggestion.closest(to: id, among: known), known: known))
    }
    return all.filter { ids.contains($0.input.id) }
}

/// One scenario's allocation program and where each input acts in it.
private struct ScenarioProgram: Sendable {
    /// Where an input acts, with the scenario's own values (`nil`: unlimited).
    enum Target: Sendable {
        case node(NodeReference, CapacityMeasure, base: Double?)
        /// Directions of a link: positions in the link's `arcs`, each with its own value.
        case link(LinkReference, CapacityMeasure, directions: [(direction: Int, base: Double?)])
        case cost(LinkReference, base: Double)
        case demandScale
    }

    let model: AllocationModel
    let inputs: [UncertainInput]
    /// Per input; `nil` where its element is off in this scenario.
    let targets: [Target?]

    init(_ network: ActiveNetwork, inputs: [UncertainInput]) throws(ImpactError) {
        var targets: [Target?] = []
        var adjustable: [ElementReference] = []
        for input in inputs {
            let target = try Self.target(of: input, in: network)
            switch target {
            case .node(let node, .networkUnit, _): adjustable.append(.node(node))
            case .link(let link, .networkUnit, _): adjustable.append(.link(link))
            default: break
            }
            targets.append(target)
        }
        do { model = try AllocationModel(network: network, adjustableCapacities: adjustable) } catch { throw .allocation(error) }
        self.inputs = inputs
        self.targets = targets
    }

    private static func target(of input: UncertainInput, in network: ActiveNetwork) throws(ImpactError) -> Target? {
        func fail(_ reason: String) -> ImpactError { .uncertainty(.inapplicable(input: input.id, reason: reason)) }
        switch input.target {
        case .demandScale:
            return .demandScale
        case .cost(let id):
            guard let link = network.linkReference(of: id) else { return nil }
            return .cost(link, base: network.arcs[link.arcs[0]].cost)
        case .capacity(let id, let name, let direction):
            // The file's validation found the element; here it is only off in the scenario.
            guard let element = try? network.resolveElement(id, as: .changedCapacity) else { return nil }
            let measure: CapacityMeasure
            if let name {
                measure = CapacityMeasure(key: name, networkUnit: network.network.unit)
            } else {
                do { measure = try network.sweptMeasure(of: element, named: nil) } catch { throw fail(error.description) }
            }
            let label = measure.name(networkUnit: network.network.unit)
            func base(_ limits: [CapacityLimit], _ place: String) throws(ImpactError) -> Double? {
                let value = limits.value(in: measure)
                if value == nil && measure != .networkUnit {
                    throw fail("\"\(id.escapingControlCharacters)\"\(place) has no limit in \(label) in scenario \"\(network.scenarioID)\"")
                }
                if value == nil && input.isFactor {
                    throw fail("\"\(id.escapingControlCharacters)\"\(place) is unlimited in scenario \"\(network.scenarioID)\", so a factor has nothing to multiply")
                }
                return value
            }
            switch element {
            case .node(let node):
                return .node(node, measure, base: try base(network.nodes[node.index].limits, ""))
            case .link(let link):
                let wanted: [Int]
                switch direction {
                case nil: wanted = Array(link.arcs.indices)
                case .forward?: wanted = [0]
                case .reverse?: wanted = link.arcs.count > 1 ? [1] : []
                }
                guard !wanted.isEmpty else { throw fail("link \"\(id.escapingControlCharacters)\" is one-way") }
                var directions: [(direction: Int, base: Double?)] = []
                for d in wanted {
                    let place = link.arcs.count > 1 ? " (\(d == 0 ? "forward" : "reverse"))" : ""
                    directions.append((d, try base(network.arcs[link.arcs[d]].limits, place)))
                }
                return .link(link, measure, directions: directions)
            }
        }
    }

    func solver() throws(ImpactError) -> AllocationSolver {
        do { return try AllocationSolver(model: model) } catch { throw .allocation(error) }
    }

    /// Input `index` at `value`: the value itself, or for a factor the scenario's own value times it.
    func set(_ index: Int, to value: Double, on solver: AllocationSolver) throws(ImpactError) {
        let isFactor = inputs[index].isFactor
        func scaled(_ base: Double?) -> Double? { isFactor ? base.map { $0 * value } : value }
        do {
            switch targets[index] {
            case nil: break
            case .node(let node, let measure, let base)?:
                try solver.updateCapacity(of: .node(node), measure: measure, to: scaled(base))
            case .link(let link, let measure, let directions)?:
                for (direction, base) in directions {
                    try solver.updateCapacity(of: link, direction: direction, measure: measure, to: scaled(base))
                }
            case .cost(let link, let base)?: try solver.updateCost(of: link, to: isFactor ? base * value : value)
            case .demandScale?: try solver.updateDemandScale(value)
            }
        } catch {
            guard case .outOfRange = error else { throw .allocation(error) }
            throw .uncertainty(.inapplicable(input: inputs[index].id, reason: "at \(JSONValue.format(value)), \(error.description)"))
        }
    }

    /// Input `index` back at the scenario's own values.
    func reset(_ index: Int, on solver: AllocationSolver) throws(ImpactError) {
        do {
            switch targets[index] {
            case nil: break
            case .node(let node, let measure, let base)?: try solver.updateCapacity(of: .node(node), measure: measure, to: base)
            case .link(let link, let measure, let directions)?:
                for (direction, base) in directions {
                    try solver.updateCapacity(of: link, direction: direction, measure: measure, to: base)
                }
            case .cost(let link, let base)?: try solver.updateCost(of: link, to: base)
            case .demandScale?: try solver.updateDemandScale(1)
            }
        } catch {
            throw .allocation(error)
        }
    }

    func optimum(_ solver: AllocationSolver) throws(ImpactError) -> Double {
        do { return try solver.optimum() } catch { throw .allocation(error) }
    }
}
