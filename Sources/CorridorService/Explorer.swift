import CorridorImpact
import CorridorModel
import CorridorOptimization
import CorridorReports
import Synchronization

/// The live explorer's question: a scenario with a planner's edits — a crossing's limits (trains, vehicles
/// or a unit), a crossing's dwell hours, a factor on every demand — against a baseline.
///
/// The edits become one more scenario over the chosen one: its overrides, then a capacity and a dwell
/// override per edited crossing, and its demand scale times the factor. The answer is what `compare`
/// gives for that scenario (the same ``ScenarioComparison``), with the report's maps and tables drawn
/// from it and the controls the page draws for the edited scenario.
public struct ExplorerQuery: Sendable {
    public var baseline: String
    public var scenario: String
    /// Crossing id → measure name (`trains`, `vehicles`, a unit) → new limit (``ExplorerQuery/controls(of:)``).
    public var capacity: [String: [String: Double]]
    /// Crossing id → dwell hours.
    public var dwellHours: [String: Double]
    public var demandScale: Double

    /// The parameters of `POST /networks/{id}/explore`.
    public static let parameters = [
        ParameterSpec("baseline", .string, "The scenario compared against (default baseline)."),
        ParameterSpec("scenario", .string, "The scenario to edit (default baseline)."),
        ParameterSpec("capacity", .numbersByMeasure, "An object: crossing id → {measure: new limit}, e.g. {\"dostyk\": {\"TEU\": 1800}}."),
        ParameterSpec("dwellHours", .numbersByID, "An object: crossing id → dwell hours."),
        ParameterSpec("demandScale", .number, "A factor on every demand quantity (default 1)."),
    ]

    /// The largest demand factor the explorer takes.
    public static let maximumDemandScale = 100.0

    public init(
        baseline: String = Scenario.baselineID, scenario: String = Scenario.baselineID, capacity: [String: [String: Double]] = [:],
        dwellHours: [String: Double] = [:], demandScale: Double = 1
    ) {
        self.baseline = baseline
        self.scenario = scenario
        self.capacity = capacity
        self.dwellHours = dwellHours
        self.demandScale = demandScale
    }

    /// The query in a request's parameters.
    public init(_ parameters: ServiceParameters) throws(ServiceError) {
        self.init(
            baseline: try parameters.string("baseline") ?? Scenario.baselineID,
            scenario: try parameters.string("scenario") ?? Scenario.baselineID,
            capacity: try parameters.numbersByMeasure("capacity") ?? [:], dwellHours: try parameters.numbers("dwellHours") ?? [:],
            demandScale: try parameters.number("demandScale") ?? 1)
    }

    /// Whether the query edits anything.
    public var hasEdits: Bool { !(capacity.isEmpty && dwellHours.isEmpty && demandScale == 1) }

    /// The edited scenario: the chosen one with the edits laid over it.
    ///
    /// - Throws: 422 for an edit of something that is not an active crossing, or a value out of range.
    public func editedNetwork(_ network: Network) throws -> ActiveNetwork {
        let chosen = try network.activate(scenario: scenario)
        guard hasEdits else { return chosen }
        return network.activate(try editedScenario(network, chosen: chosen, edits: .all))
    }

    /// Which edits ``editedScenario(_:chosen:edits:)`` lays over the chosen scenario.
    enum Edits { case all, dwellOnly }

    private func editedScenario(_ network: Network, chosen: ActiveNetwork, edits: Edits) throws -> Scenario {
        guard demandScale == 0 || (demandScale >= 1e-6 && demandScale <= Self.maximumDemandScale) else {
            throw ServiceError.unprocessable("demandScale \(JSONValue.format(demandScale)): expected 0, or 1e-6 to \(JSONValue.format(Self.maximumDemandScale))")
        }
        var edited = network.scenarios.first { $0.id == scenario } ?? Scenario(id: scenario, name: chosen.scenarioName)
        let limits = try editedLimits(network, chosen: chosen)
        for (id, hours) in dwellHours.sorted(by: { $0.key < $1.key }) {
            _ = try Self.crossing(id, in: chosen, parameter: "dwellHours")
            guard hours >= 0, hours <= ModelLimits.hours else {
                throw ServiceError.unprocessable("dwellHours.\(id): \(JSONValue.format(hours)) is not a number of hours from 0 to \(JSONValue.format(ModelLimits.hours))")
            }
            edited.dwellHours.append(ValueOverride(id: id, value: hours))
        }
        guard edits == .all else { return edited }
        for (id, nodeLimits) in limits.sorted(by: { $0.key < $1.key }) { edited.capacity.append(CapacityOverride(id: id, limits: nodeLimits)) }
        edited.demandScale *= demandScale
        edited.name = chosen.scenarioName + (chosen.scenarioName.hasSuffix("(edited)") ? "" : " (edited)")
        return edited
    }

    /// Each edited crossing's limits under the chosen scenario with the edited ones replaced.
    private func editedLimits(_ network: Network, chosen: ActiveNetwork) throws -> [String: [CapacityLimit]] {
        var result: [String: [CapacityLimit]] = [:]
        for (id, values) in capacity {
            let node = try Self.crossing(id, in: chosen, parameter: "capacity")
            var limits = node.limits
            for (name, value) in values.sorted(by: { $0.key < $1.key }) {
                let measure = CapacityMeasure(key: name, networkUnit: network.unit)
                let path = "capacity.\(id.escapingControlCharacters).\(name.escapingControlCharacters)"
                guard limits.value(in: measure) != nil else {
                    let own = node.limits.map { $0.measure.name(networkUnit: network.unit) }.joined(separator: ", ")
                    throw ServiceError.unprocessable("\(path): the crossing has no limit in \(name); its limits are in \(own.isEmpty ? "nothing (unlimited)" : own)")
                }
                guard value >= 0, value <= ModelLimits.capacity else {
                    throw ServiceError.unprocessable("\(path): \(JSONValue.format(value)) is not a capacity from 0 to 1e15")
                }
                limits = limits.setting(measure, to: value)
            }
            result[id] = limits
        }
        return result
    }

    /// The edited scenario's results, solved warm when `solvers` holds a solver for the same network,
    /// scenario and dwell: the edited limits and demand factor are set on the loaded program and the dual
    /// simplex restarts from the last optimal basis (as sweeps do). A dwell edit changes costs, so it
    /// loads a new program.
    func editedOutcome(_ network: Network, networkKey: String, solvers: ExplorerSolvers) throws -> ScenarioComparison.Outcome {
        let chosen = try network.activate(scenario: scenario)
        let edited = network.activate(try editedScenario(network, chosen: chosen, edits: .all))
        let dwell = dwellHours.sorted { $0.key < $1.key }.map { "\($0.key)=\(JSONValue.format($0.value))" }.joined(separator: ",")
        let key = "\(networkKey) \(scenario) \(dwell)"
        let entry = try solvers.entry(for: key) {
            let base = dwellHours.isEmpty ? chosen : network.activate(try editedScenario(network, chosen: chosen, edits: .dwellOnly))
            let crossings = base.nodes.indices.filter { base.nodes[$0].kind == .crossing }.map { ElementReference.node(base.reference(toNode: $0)) }
            return try AllocationSolver(model: AllocationModel(network: base, adjustableCapacities: crossings))
        }
        let limits = try editedLimits(network, chosen: chosen)
        for (index, node) in chosen.nodes.enumerated() where node.kind == .crossing {
            let wanted = limits[node.id] ?? node.limits
            for limit in node.limits {
                let target = wanted.value(in: limit.measure) ?? limit.value
                let name = "\(node.id) \(limit.measure.name(networkUnit: network.unit))"
                guard (entry.applied[name] ?? limit.value) != target else { continue }
                try entry.solver.updateCapacity(of: .node(chosen.reference(toNode: index)), measure: limit.measure, to: target)
                entry.applied[name] = target
            }
        }
        if entry.demandScale != demandScale {
            try entry.solver.updateDemandScale(demandScale)
            entry.demandScale = demandScale
        }
        return CorridorImpact.outcome(of: edited, allocation: try entry.solver.solve())
    }

    private static func crossing(_ id: String, in network: ActiveNetwork, parameter: String) throws(ServiceError) -> ActiveNode {
        guard let index = network.nodeIndex(of: id), network.nodes[index].kind == .crossing else {
            let crossings = network.nodes.filter { $0.kind == .crossing }.map(\.id)
            let suggestion = Suggestion.closest(to: id, among: crossings).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw .unprocessable("\(parameter).\(id.escapingControlCharacters): not an active crossing of the scenario\(suggestion)")
        }
        return network.nodes[index]
    }

    /// The answer: the comparison's document, a summary the page shows first, the report's sections drawn
    /// from the comparison, and the controls of the edited scenario.
    ///
    /// - Parameters:
    ///   - networkKey: the network's id and file version, naming what `outcomes` and `solvers` keep.
    ///   - outcomes: baselines already solved, shared by every thread.
    ///   - solvers: this thread's loaded programs of edited scenarios (``ExplorerSolvers``).
    ///
    /// Without edits the comparison is `compare`'s, both scenarios solved cold; with edits the edited
    /// scenario is solved warm (``editedOutcome(_:networkKey:solvers:)``): the same optimum, and on a
    /// degenerate program possibly another of the optimal flows.
    public func answer(
        on network: Network, source: String, networkKey: String, outcomes: OutcomeCache, solvers: ExplorerSolvers
    ) throws -> JSONValue {
        let before = try outcomes.outcome(for: "\(networkKey) \(baseline)") { try CorridorImpact.outcome(of: network.activate(scenario: baseline)) }
        let after =
            hasEdits
            ? try editedOutcome(network, networkKey: networkKey, solvers: solvers)
            : try outcomes.outcome(for: "\(networkKey) \(scenario)") { try CorridorImpact.outcome(of: network.activate(scenario: scenario)) }
        let comparison = CorridorImpact.compare(before, after)
        let report = ComparisonReportDocument.make(comparison, source: source)
        let old = comparison.baseline.allocation
        let new = comparison.scenario.allocation
        let summary: JSONValue = .object([
            ("objective", .number(new.objective)), ("baselineObjective", .number(old.objective)),
            ("saving", .number(old.objective - new.objective)),
            (
                "commodities",
                .array(
                    new.commodities.map { commodity in
                        .object([
                            ("id", .string(commodity.id)), ("unit", .string(commodity.unit)),
                            ("served", .number(commodity.served)), ("unserved", .number(commodity.unserved)),
                        ])
                    })
            ),
            (
                "crossings",
                .array(
                    comparison.crossings.map { crossing in
                        .object([
                            ("id", .string(crossing.id)), ("name", .string(crossing.name)),
                            ("before", .number(crossing.before?.flow ?? 0)), ("after", .number(crossing.after?.flow ?? 0)),
                            ("utilisation", .number(crossing.after?.utilisation)),
                        ])
                    })
            ),
        ])
        return .object([
            ("format", .string("corridor-explorer/1")),
            ("summary", summary),
            ("controls", Self.controls(of: after.network)),
            ("html", .string(report.sectionsHTML())),
            ("comparison", ComparisonJSONReport.document(comparison)),
        ])
    }

    /// What the page lets a planner move on `network`: each active crossing's limits and its dwell hours;
    /// and the network's scenarios.
    public static func controls(of network: ActiveNetwork) -> JSONValue {
        let base = network.network
        let crossings: [JSONValue] = network.nodes.filter { $0.kind == .crossing }.map { node in
            .object([
                ("id", .string(node.id)), ("name", .string(node.name)),
                (
                    "limits",
                    .array(
                        node.limits.map { limit in
                            .object([("measure", .string(limit.measure.name(networkUnit: base.unit))), ("value", .number(limit.value))])
                        })
                ),
                ("dwellHours", .number(node.dwellHours)),
            ])
        }
        return .object([
            ("network", .string(base.name)), ("scenario", .string(network.scenarioID)), ("period", .string(base.period)),
            ("currency", .string(base.currency)),
            ("scenarios", .array(([Scenario.baselineID] + base.scenarios.map(\.id)).map { .string($0) })),
            ("crossings", .array(crossings)),
        ])
    }
}

/// The explorer's loaded programs on one solver thread, by network version, scenario and dwell edits: a
/// GLPK problem stays on the thread that made it, so each solver thread keeps its own (at most
/// ``capacity``, the oldest dropped first).
public final class ExplorerSolvers {
    public static let capacity = 4

    final class Entry {
        let solver: AllocationSolver
        /// `"node measure"` → the limit now set on the program, where it differs from the scenario's.
        var applied: [String: Double] = [:]
        var demandScale = 1.0

        init(solver: AllocationSolver) { self.solver = solver }
    }

    private var entries: [(key: String, entry: Entry)] = []

    public init() {}

    func entry(for key: String, make: () throws -> AllocationSolver) throws -> Entry {
        if let found = entries.firstIndex(where: { $0.key == key }) {
            let entry = entries.remove(at: found)
            entries.append(entry)
            return entry.entry
        }
        let entry = Entry(solver: try make())
        entries.append((key, entry))
        if entries.count > Self.capacity { entries.removeFirst() }
        return entry
    }
}

/// Scenarios solved cold for the explorer, by network version and scenario, shared by every thread
/// (an outcome is plain data); at most ``capacity``, the oldest dropped first.
public final class OutcomeCache: Sendable {
    public static let capacity = 32

    private let entries = Mutex<[(key: String, outcome: ScenarioComparison.Outcome)]>([])

    public init() {}

    func outcome(for key: String, solve: () throws -> ScenarioComparison.Outcome) throws -> ScenarioComparison.Outcome {
        if let found = entries.withLock({ $0.first { $0.key == key }?.outcome }) { return found }
        let outcome = try solve()
        entries.withLock { entries in
            guard !entries.contains(where: { $0.key == key }) else { return }
            entries.append((key, outcome))
            if entries.count > Self.capacity { entries.removeFirst() }
        }
        return outcome
    }
}

