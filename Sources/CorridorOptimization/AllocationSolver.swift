import CorridorLP
import CorridorModel

/// Computes the least-cost allocation of a scenario's demands (docs/MODEL.md).
///
/// ```swift
/// let active = try network.activate(scenario: "third-crossing")
/// let allocation = try allocate(active)
/// print(allocation.objective, allocation.crossings.map(\.shadowPrice))
/// ```
///
/// - Throws: ``AllocationError/outOfRange(_:value:limit:)`` for numbers the program cannot hold,
///   ``AllocationError/solver(_:)`` when GLPK fails (an internal error: the program is always feasible
///   and bounded).
public func allocate(
    _ network: ActiveNetwork, method: AllocationMethod = .automatic, timeLimit: Double? = nil
) throws(AllocationError) -> Allocation {
    if method.resolved(for: network) == .paths {
        do {
            return try PathAllocationSolver(network: network).solve(timeLimit: timeLimit)
        } catch .solver {
            // GLPK failing on the restricted program (rows weighing 1e-6 beside 1e3): the arc formulation
            // is the same program, solved another way.
        }
    }
    return try AllocationSolver(model: AllocationModel(network: network)).solve(timeLimit: timeLimit)
}

/// How the allocation program is written and solved; both give the same optimum (docs/MODEL.md).
public enum AllocationMethod: String, Sendable, CaseIterable {
    /// The arc formulation (``AllocationModel``): one flow variable per origin, commodity and arc,
    /// solved at once by the dual simplex from a shortest-path-tree basis; what sweeps re-solve warm.
    case arcs
    /// Column generation over paths (``PathAllocationSolver``).
    case paths
    /// ``arcs`` while the arc program is small, ``paths`` above ``automaticThreshold`` flow variables.
    case automatic = "auto"

    /// The number of flow variables (flow groups × arcs, an upper bound) above which `automatic` takes paths.
    public static let automaticThreshold = 20_000

    /// `arcs` or `paths`: what `automatic` means for this network.
    public func resolved(for network: ActiveNetwork) -> AllocationMethod {
        guard self == .automatic else { return self }
        var groups = Set<Int>()
        for demand in network.demands where demand.isServable {
            groups.insert((demand.origin ?? 0) * network.commodities.count + demand.commodity)
        }
        return groups.count * network.arcs.count > Self.automaticThreshold ? .paths : .arcs
    }
}

/// Why an allocation could not be computed.
public enum AllocationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A number outside 0…`limit` (``ModelLimits``); `subject` names it: `demand "x" quantity`,
    /// `capacity of "bakhty"`, `quantity of demand "x" at demand scale 20`.
    case outOfRange(_ subject: String, value: Double, limit: Double)
    /// A capacity change for an element that was unlimited when the model was built and not named
    /// as adjustable, so the program has no row for it.
    case notAdjustable(String)
    /// GLPK failed or reported a status the model rules out; the text carries GLPK's reason.
    case solver(String)

    public var description: String {
        switch self {
        case .outOfRange(let subject, let value, let limit):
            "\(subject): \(JSONValue.format(value)) is not a number from 0 to \(ModelLimits.written(limit))"
        case .notAdjustable(let id):
            "capacity of \"\(id)\": unlimited when the model was built and not named as adjustable, so it has no "
                + "capacity row"
        case .solver(let text): "internal error: GLPK: \(text)"
        }
    }

    /// Checks `0 ≤ value ≤ limit`.
    static func require(_ value: Double, atMost limit: Double, _ subject: @autoclosure () -> String) throws(AllocationError) {
        guard value.isFinite, value >= 0, value <= limit else { throw .outOfRange(subject(), value: value, limit: limit) }
    }
}

/// An allocation program held in GLPK, to be changed and re-solved from the last basis.
///
/// Sweeps (a capacity stepped through values, demand scaled) change bounds only, so each re-solve
/// starts from the previous optimal basis and takes a few dual simplex iterations instead of a
/// solve from scratch. Not `Sendable`: GLPK's state belongs to the thread that created it — create,
/// change and solve on one thread.
public final class AllocationSolver {
    /// The program as built; its capacities and quantities are those of the network it came from.
    public let model: AllocationModel
    /// The factor applied to every demand quantity of ``model``'s network; 1 until changed.
    public private(set) var demandScale = 1.0
    /// Time GLPK's simplex took in the last ``solve(timeLimit:)``, and the time spent turning its
    /// answer into an ``Allocation`` (flows, routes, prices).
    public private(set) var lastTimings = (simplex: Duration.zero, decoding: Duration.zero)
    let solver: GLPKSolver
    /// Each node's and arc's limits as they now stand (the network's, after ``updateCapacity(of:measure:to:)``).
    private(set) var nodeLimits: [[CapacityLimit]]
    private(set) var arcLimits: [[CapacityLimit]]
    private(set) var hasSolved = false

    /// Whether GLPK scales the program before solving (``SolverOptions/scaling``).
    public let scaling: Bool

    /// Loads the program into GLPK.
    /// - Parameter scaling: scale the program before solving; on by default. The allocation matrix holds only
    ///   ±1, so GLPK's scaling leaves it as it is: the switch exists for comparisons with other settings.
    /// - Throws: ``AllocationError/solver(_:)`` when GLPK rejects it.
    public init(model: AllocationModel, scaling: Bool = true) throws(AllocationError) {
        self.model = model
        self.scaling = scaling
        nodeLimits = model.network.nodes.map(\.limits)
        arcLimits = model.network.arcs.map(\.limits)
        do {
            solver = try GLPKSolver(model.program)
        } catch {
            throw .solver("loading the allocation program: \(error)")
        }
    }

    /// Changes a node's limit in one measure, or that of both directions of a link; `nil` lifts it.
    ///
    /// - Throws: ``AllocationError/outOfRange(_:value:limit:)`` for a capacity outside 0…1e15;
    ///   ``AllocationError/notAdjustable(_:)`` for an element without a limit in that measure at build
    ///   time (for the network's unit: not named in the model's `adjustableCapacities`).
    public func updateCapacity(
        of element: ElementReference, measure: CapacityMeasure = .networkUnit, to capacity: Double?
    ) throws(AllocationError) {
        if let capacity { try AllocationError.require(capacity, atMost: ModelLimits.capacity, "capacity of \"\(element.id)\"") }
        switch element {
        case .node(let node):
            guard model.nodeLimitRows[node.index].contains(where: { $0.measure == measure }),
                let quantityRow = model.quantityRows.first(where: { $0.limitOfNode?.node == node.index && $0.limitOfNode?.measure == measure })
            else { throw .notAdjustable(node.id) }
            nodeLimits[node.index] = nodeLimits[node.index].setting(measure, to: capacity)
            try setLimitBounds(quantityRow)
        case .link(let link):
            for a in link.arcs { try setArcLimit(a, of: link, measure: measure, to: capacity) }
        }
    }

    /// Changes the limit of one direction of a link in one measure: `direction` 0 is `from → to`, 1
    /// the reverse of a bidirectional link.
    ///
    /// - Throws: as ``updateCapacity(of:measure:to:)``; ``AllocationError/notAdjustable(_:)`` also for a
    ///   direction the link does not have.
    public func updateCapacity(
        of link: LinkReference, direction: Int, measure: CapacityMeasure = .networkUnit, to capacity: Double?
    ) throws(AllocationError) {
        if let capacity { try AllocationError.require(capacity, atMost: ModelLimits.capacity, "capacity of \"\(link.id)\"") }
        guard link.arcs.indices.contains(direction) else { throw .notAdjustable(link.id) }
        try setArcLimit(link.arcs[direction], of: link, measure: measure, to: capacity)
    }

    private func setArcLimit(_ a: Int, of link: LinkReference, measure: CapacityMeasure, to capacity: Double?) throws(AllocationError) {
        guard let limitRow = model.arcLimitRows[a].first(where: { $0.measure == measure }) else {
            throw .notAdjustable(link.id)
        }
        arcLimits[a] = arcLimits[a].setting(measure, to: capacity)
        do {
            try solver.setRowBounds(limitRow.row, lower: nil, upper: capacity)
        } catch {
            throw .solver("changing the capacity of \"\(link.id)\": \(error)")
        }
    }

    /// Multiplies every demand quantity of the model's network by `scale` (not compounding: 2 then 3
    /// gives 3 × the network's quantities).
    /// - Throws: ``AllocationError/outOfRange(_:value:limit:)`` for a scale that is negative or not finite,
    ///   or that takes a quantity past ``ModelLimits/quantity``.
    public func updateDemandScale(_ scale: Double) throws(AllocationError) {
        try AllocationError.require(scale, atMost: ModelLimits.magnitude, "demand scale")
        for demand in model.network.demands {
            try AllocationError.require(
                demand.quantity * scale, atMost: ModelLimits.quantity,
                "quantity of demand \"\(demand.id)\" at demand scale \(JSONValue.format(scale))")
        }
        demandScale = scale
        // One call into GLPK for the columns and one for the rows: a draw of `corridor uncertainty` changes
        // the scale every time, and a call per row cost as much as the re-solve's pivots.
        var columns: [(column: Int, lower: Double?, upper: Double?)] = []
        for (k, column) in model.unservedColumn.enumerated() {
            guard let column else { continue }
            let quantity = model.network.demands[k].quantity * scale
            columns.append((column, model.isUnreachable[k] ? quantity : 0, quantity))
        }
        let rows = model.quantityRows.map { quantityRow in
            if quantityRow.limitOfNode != nil { return limitBounds(quantityRow) }
            let rightHandSide = AllocationModel.weightedSum(quantityRow.terms, model.network.demands) * scale
            return (quantityRow.row, rightHandSide, rightHandSide)
        }
        do {
            try solver.setColumnBounds(columns)
            try solver.setObjective(model.constantColumn, model.objectiveConstant(scale: scale))
            try solver.setRowBounds(rows)
        } catch {
            throw .solver("changing the demand scale: \(error)")
        }
    }

    /// Solves the program as it now stands: from scratch the first time, from the last basis after.
    ///
    /// - Parameter timeLimit: seconds GLPK may spend; `nil` for no limit.
    /// - Throws: ``AllocationError/solver(_:)`` on a GLPK failure, a limit reached, or a status other
    ///   than optimal.
    public func solve(timeLimit: Double? = nil) throws(AllocationError) -> Allocation {
        let clock = ContinuousClock()
        let started = clock.now
        let solution = try solveProgram(timeLimit: timeLimit) { options throws(SolverError) in
            let solution = try solver.solve(options)
            return (solution.status, solution)
        }
        let solved = clock.now
        let allocation = AllocationDecoder(
            model: model, solution: solution, demandScale: demandScale, nodeLimits: nodeLimits, arcLimits: arcLimits
        ).allocation()
        lastTimings = (solved - started, clock.now - solved)
        return allocation
    }

    /// Solves the program as ``solve(timeLimit:)`` does but decodes nothing: the optimum alone, as GLPK
    /// computes it — the allocation's `objective` up to rounding, with every changed cost (see
    /// ``updateCost(of:to:)``) at its new value.
    public func optimum(timeLimit: Double? = nil) throws(AllocationError) -> Double {
        try solveProgram(timeLimit: timeLimit) { options throws(SolverError) in
            let result = try solver.solveObjective(options)
            return (result.status, result.objective)
        }
    }

    /// Runs the simplex on the program as it now stands (see ``solve(timeLimit:)``); `run` calls GLPK and
    /// reads what the caller needs with the status.
    private func solveProgram<Outcome>(
        timeLimit: Double?, _ run: (SolverOptions) throws(SolverError) -> (status: LPStatus, outcome: Outcome)
    ) throws(AllocationError) -> Outcome {
        var options = SolverOptions(timeLimit: timeLimit, scaling: scaling)
        // From scratch and after a bound change alike the basis is dual feasible — the model's
        // shortest-path-tree basis (see AllocationModel.swift), then the previous optimal one — which is
        // the dual simplex's start. Cold at 800 nodes (Benchmarks/README.md, "Allocation"): 1,034 dual
        // iterations from the trees (2,003 primal ones), against 13,250 primal ones from the all-slack
        // basis, 9,610 from glp_cpx_basis, 15,299 from glp_adv_basis, 15,084 dual ones from the all-slack
        // basis and 15,494 with presolve (which would also discard any basis). GLPK's defaults for
        // pricing (projected steepest edge) and ratio test (Harris) measured best: Dantzig pricing took
        // 2,321 iterations, the long-step ratio test 996 but no less time.
        options.method = .dual
        var solution: (status: LPStatus, outcome: Outcome)
        do {
            if !hasSolved {
                let basis = model.startingBasis
                try solver.setBasis(
                    basicRows: basis.rows, basicColumns: basis.columns, columnsAtUpperBound: basis.atUpperBound)
            }
            solution = try run(options)
            if solution.status != .optimal {
                // The program is feasible and bounded by construction, so this is GLPK's dual simplex
                // misjudging badly scaled rows (a limit weighing 1e-6 per tonne against 1e7 TEU): solve
                // again with the primal simplex from the all-slack basis, which does not rely on it.
                solution = try run(SolverOptions(timeLimit: timeLimit, scaling: scaling, startingBasis: .standard))
            }
        } catch {
            throw .solver("solving the allocation program: \(error)")
        }
        switch solution.status {
        case .optimal: break
        case .infeasible: throw .solver("the allocation program is infeasible, which its unserved variables rule out")
        case .unbounded: throw .solver("the allocation program is unbounded, which its costs ≥ 0 rule out")
        }
        hasSolved = true
        return solution.outcome
    }

    /// Sets a node limit row's bounds (``limitBounds(_:)``).
    private func setLimitBounds(_ quantityRow: AllocationModel.QuantityRow) throws(AllocationError) {
        guard let (node, _) = quantityRow.limitOfNode else { return }
        do {
            try solver.setRowBounds([limitBounds(quantityRow)])
        } catch {
            throw .solver("changing the capacity of \"\(model.network.nodes[node].id)\": \(error)")
        }
    }

    /// A node limit row's bounds: none below, above the limit's current value plus what starts at the
    /// node, weighted, at the current demand scale (none for a lifted limit).
    private func limitBounds(_ quantityRow: AllocationModel.QuantityRow) -> (row: Int, lower: Double?, upper: Double?) {
        guard let (node, measure) = quantityRow.limitOfNode else { return (quantityRow.row, nil, nil) }
        let supply = AllocationModel.weightedSum(quantityRow.terms, model.network.demands) * demandScale
        return (quantityRow.row, nil, nodeLimits[node].value(in: measure).map { $0 + supply })
    }
}
