// Which projects to build, and when: a mixed-integer program over the allocation of every demand year
// (docs/MODEL.md, "Investment"). One copy of the allocation LP per demand year t, all on the network with
// every project's elements on; a binary b[p,t] says project p is open in year t. Each limit a project
// raises reads  Σ w·x ≤ V_base + Σ_p (V_p − V_base)·b[p,t]  (V_base = 0 for an element only a project
// enables), so an unbuilt project's elements carry nothing. Once open a project stays open
// (b[p,t] ≤ b[p,t+1]); it cannot open before its opening year; the capital of what is built by the last
// year stays within the budget; excluded pairs are not both built. Minimised: the present value of the
// yearly allocation costs plus each open project's annualised capital.

import CorridorLP
import CorridorModel
import CorridorOptimization
import Foundation

/// What `invest` decided.
public struct InvestmentPlan: Sendable, Equatable {
    /// One project and what was decided for it.
    public struct Choice: Sendable, Equatable {
        public let project: Project
        /// The first demand year it is open; `nil` when it is not built.
        public let opensIn: Int?
        /// Capital × the capital recovery factor: what one year open costs.
        public let annualisedCost: Double
        /// How much more the other choice costs (not building it, or building it by the last year at the
        /// latest, whichever was not chosen), in present value; `nil` when the other choice is impossible
        /// (the budget or an exclusion rules it out).
        public let value: Double?
    }

    public let networkName: String
    public let problem: InvestmentProblem
    /// Present-value weight of each demand year's yearly cost: `Σ (1 + r)^−(y − first year)` over the
    /// years it stands for.
    public let yearWeights: [Double]
    /// Present value of the allocation costs and the annualised capital of the plan.
    public let objective: Double
    /// The same with nothing built.
    public let baselineObjective: Double
    public let choices: [Choice]

    /// What the plan saves over building nothing, capital included.
    public var netSaving: Double { baselineObjective - objective }
    /// Capital of the projects built.
    public var capitalSpent: Double { choices.filter { $0.opensIn != nil }.reduce(0) { $0 + $1.project.capitalCost } }
}

/// Solves the investment program of `problem` on `network` (see the top of `Investment.swift`).
/// - Throws: ``ImpactError/investment(_:)`` for a project the program cannot express;
///   ``ImpactError/timeLimit(seconds:)`` when a solve reaches `timeLimit`; ``ImpactError/allocation(_:)``
///   when GLPK fails.
public func invest(_ network: Network, _ problem: InvestmentProblem, timeLimit: Double? = nil) throws(ImpactError) -> InvestmentPlan {
    let program = try InvestmentProgram(network: network, problem: problem)
    let chosen = try program.solve(timeLimit: timeLimit, fixing: [:])
    // Building nothing is always a solution, so neither can be infeasible: GLPK failed.
    guard let chosen else { throw .allocation(.solver("the investment program has no solution, although building nothing is one")) }
    guard let nothing = try program.solve(timeLimit: timeLimit, fixing: Dictionary(uniqueKeysWithValues: problem.projects.indices.map { ($0, false) })) else {
        throw .allocation(.solver("building nothing is not a solution of the investment program, although it always is one"))
    }
    var choices: [InvestmentPlan.Choice] = []
    for (p, project) in problem.projects.enumerated() {
        let built = chosen.opensIn[p] != nil
        let other = try program.solve(timeLimit: timeLimit, fixing: [p: !built])
        choices.append(
            InvestmentPlan.Choice(
                project: project, opensIn: chosen.opensIn[p], annualisedCost: program.annualisedCost[p],
                value: other.map { ($0.objective - chosen.objective).rounded(significantDigits: 9) }))
    }
    return InvestmentPlan(
        networkName: network.name, problem: problem, yearWeights: program.yearWeights,
        objective: chosen.objective.rounded(significantDigits: 12), baselineObjective: nothing.objective.rounded(significantDigits: 12),
        choices: choices)
}

/// The mixed-integer program, built once; each solve loads it into a fresh GLPK problem.
private struct InvestmentProgram {
    let problem: InvestmentProblem
    let program: LinearProgram
    /// `b[p][t]`: the column of project p's binary for demand year t.
    let binaries: [[Int]]
    let yearWeights: [Double]
    let annualisedCost: [Double]

    init(network: Network, problem: InvestmentProblem) throws(ImpactError) {
        self.problem = problem
        let base = try Self.scenario(problem.baseScenario, in: network)
        let projectScenarios = try problem.projects.map { project throws(ImpactError) in try Self.scenario(project.scenario, in: network) }
        let rate = problem.discountRate
        let first = problem.years[0].year
        yearWeights = problem.years.indices.map { t in
            let end = t + 1 < problem.years.count ? problem.years[t + 1].year : problem.endYear + 1
            return (problem.years[t].year..<end).reduce(0.0) { $0 + pow(1 + rate, -Double($1 - first)) }
        }
        annualisedCost = problem.projects.map { project in
            let lifetime = project.lifetimeYears
            return rate == 0 ? project.capitalCost / lifetime : project.capitalCost * rate / (1 - pow(1 + rate, -lifetime))
        }
        let baseNetwork = network.activate(base)
        let projectNetworks = projectScenarios.map { network.activate(Self.merge(base, $0)) }
        var union = base
        union.enable += projectScenarios.flatMap(\.enable)
        var lp = LinearProgram(sense: .minimize)
        var binaries = [[Int]](repeating: [], count: problem.projects.count)
        for (p, project) in problem.projects.enumerated() {
            for (t, year) in problem.years.enumerated() {
                let opened = year.year >= project.openingYear
                binaries[p].append(
                    lp.addColumn(
                        name: "build_\(project.id)_\(year.year)", lower: 0, upper: opened ? 1 : 0,
                        objective: annualisedCost[p] * yearWeights[t]))
            }
        }
        for (t, year) in problem.years.enumerated() {
            var scaled = union
            scaled.demandScale = base.demandScale * year.demandScale
            let active = network.activate(scaled)
            let touched = try Self.touchedElements(problem.projects, projectScenarios, in: active, base: baseNetwork)
            let model: AllocationModel
            do { model = try AllocationModel(network: active, adjustableCapacities: touched.map(\.element)) } catch {
                throw .allocation(error)
            }
            let year = model.program
            let offset = lp.columnCount
            for column in 0..<year.columnCount {
                let bounds = year.columnBounds(column)
                lp.addColumn(
                    name: "y\(problem.years[t].year)_\(year.columnName(column))", lower: bounds.lower, upper: bounds.upper,
                    objective: year.objective(column) * problem.periodsPerYear * yearWeights[t])
            }
            // What each project adds to each limit row of this year's copy.
            var rowChanges: [Int: (upper: Double, terms: [(column: Int, coefficient: Double)])] = [:]
            for entry in touched {
                for (row, limit) in try Self.limitRows(of: entry.element, in: model, active: active) {
                    let built = year.rowBounds(row).upper ?? 0
                    let supply = built - (limit.value ?? 0)
                    let before = Self.value(entry.element, limit.measure, direction: limit.arc, in: baseNetwork) ?? 0
                    var terms: [(column: Int, coefficient: Double)] = []
                    for p in entry.projects {
                        guard let after = Self.value(entry.element, limit.measure, direction: limit.arc, in: projectNetworks[p]) else {
                            throw .investment(
                                "project \"\(problem.projects[p].id)\" leaves \"\(entry.element.id)\" without a limit in \(limit.measure.name(networkUnit: network.unit)); a project may only add capacity")
                        }
                        guard after >= before else {
                            throw .investment(
                                "project \"\(problem.projects[p].id)\" lowers the capacity of \"\(entry.element.id)\"; a project may only add capacity")
                        }
                        if after > before { terms.append((binaries[p][t], -(after - before))) }
                    }
                    rowChanges[row] = (before + supply, terms)
                }
            }
            for row in 0..<year.rowCount {
                let bounds = year.rowBounds(row)
                var terms = year.terms(ofRow: row).map { (column: $0.column + offset, coefficient: $0.coefficient) }
                var upper = bounds.upper
                if let change = rowChanges[row] {
                    terms += change.terms
                    upper = change.upper
                }
                lp.addRow(name: "y\(problem.years[t].year)_\(year.rowName(row))", lower: bounds.lower, upper: upper, terms: terms)
            }
        }
        for (p, project) in problem.projects.enumerated() {
            for t in 0..<(problem.years.count - 1) {
                lp.addRow(
                    name: "stays_open_\(project.id)_\(problem.years[t].year)", lower: nil, upper: 0,
                    terms: [(binaries[p][t], 1), (binaries[p][t + 1], -1)])
            }
            for other in project.excludes {
                guard let q = problem.projects.firstIndex(where: { $0.id == other }), q > p else { continue }
                lp.addRow(
                    name: "excludes_\(project.id)_\(other)", lower: nil, upper: 1,
                    terms: [(binaries[p].last!, 1), (binaries[q].last!, 1)])
            }
        }
        if let budget = problem.budget {
            let row = Self.budgetRow(budget: budget, capitalCosts: problem.projects.map(\.capitalCost))
            lp.addRow(
                name: "budget", lower: nil, upper: row.upper,
                terms: row.coefficients.map { (binaries[$0.project].last!, $0.coefficient) })
        }
        self.binaries = binaries
        program = lp
    }

    /// Costs below this fraction of the budget leave the budget row (see ``budgetRow(budget:capitalCosts:)``).
    static let negligibleShareOfBudget = 1e-9

    /// The budget row `Σ_p K_p·b_p ≤ budget` in units of the budget, so that its bound is 1 and its
    /// coefficients at most 1 like the other rows' — scaled by the dearest project instead, a project
    /// costing 1e-24 of it put a coefficient in the matrix that GLPK's scaling and branch-and-bound cannot
    /// handle, and declared a feasible program to have no solution. The integer solutions stay exactly
    /// those of the unscaled row: a project dearer than the budget alone keeps a coefficient of 2 (any
    /// value above 1 forbids building it); one costing less than ``negligibleShareOfBudget`` of the
    /// budget leaves the row, which is lowered by what all such projects cost together, so that whatever
    /// the row allows stays within the budget (it forgoes at most that sum, a billionth of the budget per
    /// project, below GLPK's own tolerance). A budget of 0 allows only projects costing nothing.
    static func budgetRow(budget: Double, capitalCosts: [Double]) -> (upper: Double, coefficients: [(project: Int, coefficient: Double)]) {
        guard budget > 0 else {
            return (0, capitalCosts.indices.filter { capitalCosts[$0] > 0 }.map { ($0, 1) })
        }
        var upper = 1.0
        var coefficients: [(project: Int, coefficient: Double)] = []
        for (p, cost) in capitalCosts.enumerated() where cost > 0 {
            let share = cost / budget
            if share < negligibleShareOfBudget {
                upper -= share
            } else {
                coefficients.append((p, min(share, 2)))
            }
        }
        return (upper, coefficients)
    }

    /// The solution with some projects fixed built (`true`: open by the last year at the latest) or not;
    /// `nil` when that is infeasible.
    func solve(timeLimit: Double?, fixing: [Int: Bool]) throws(ImpactError) -> (objective: Double, opensIn: [Int?])? {
        var lp = program
        for (p, built) in fixing {
            if built {
                lp.setColumnBounds(binaries[p].last!, lower: 1, upper: 1)
            } else {
                for column in binaries[p] { lp.setColumnBounds(column, lower: 0, upper: 0) }
            }
        }
        let result: (status: LPStatus, objective: Double, columnValues: [Double])
        do {
            let solver = try GLPKSolver(lp)
            result = try solver.solveMixedInteger(integerColumns: binaries.flatMap { $0 }, timeLimit: timeLimit)
        } catch SolverError.timeLimit {
            throw .timeLimit(seconds: timeLimit ?? 0)
        } catch let error as SolverError {
            throw .allocation(.solver("solving the investment program: \(error)"))
        } catch {
            throw .allocation(.solver("loading the investment program: \(error)"))
        }
        guard result.status == .optimal else { return nil }
        let opensIn = binaries.map { columns in
            columns.firstIndex { result.columnValues[$0] > 0.5 }.map { problem.years[$0].year }
        }
        return (result.objective, opensIn)
    }

    private static func scenario(_ id: String?, in network: Network) throws(ImpactError) -> Scenario {
        guard let id, id != Scenario.baselineID else { return Scenario(id: Scenario.baselineID, name: "Base network") }
        do { _ = try network.activate(scenario: id) } catch { throw .scenario(error) }
        guard let scenario = network.scenarios.first(where: { $0.id == id }) else { throw .investment("no scenario \"\(id)\"") }
        return scenario
    }

    /// The base scenario with a project's elements enabled and its capacities set (later overrides win).
    private static func merge(_ base: Scenario, _ project: Scenario) -> Scenario {
        var merged = base
        merged.enable += project.enable
        merged.capacity += project.capacity
        merged.reverseCapacity += project.reverseCapacity
        return merged
    }

    /// Every element some project enables or re-limits, with those projects. An element that only projects
    /// enable (off in `base`) must be shut while none is built: by limits of its own that count every
    /// commodity it accepts, or — for a link — through an end node that projects enable and that is shut
    /// so, or — for a node — by every link that reaches it being a project link shut so.
    private static func touchedElements(
        _ projects: [Project], _ scenarios: [Scenario], in active: ActiveNetwork, base: ActiveNetwork
    ) throws(ImpactError) -> [(element: ElementReference, projects: [Int])] {
        var order: [String] = []
        var byID: [String: [Int]] = [:]
        for (p, scenario) in scenarios.enumerated() {
            for id in scenario.enable + scenario.capacity.map(\.id) + scenario.reverseCapacity.map(\.id) {
                if byID[id] == nil { order.append(id) }
                if !(byID[id] ?? []).contains(p) { byID[id, default: []].append(p) }
            }
        }
        var elements: [(element: ElementReference, projects: [Int])] = []
        for id in order {
            let element: ElementReference
            do { element = try active.resolveElement(id, as: .sweptCapacity) } catch { throw .element(error) }
            elements.append((element, byID[id] ?? []))
        }
        let isNew = { (id: String) in byID[id] != nil && base.nodeIndex(of: id) == nil && base.linkReference(of: id) == nil }
        /// Whether the element's own limits count every commodity it accepts.
        func shutsItself(_ element: ElementReference) -> Bool {
            switch element {
            case .node(let node):
                return active.commodities.indices.allSatisfy { c in
                    !active.terms(ofNode: node.index, commodity: c).accepts
                        || active.nodes[node.index].limits.contains { active.weights(in: $0.measure)[c] != nil }
                }
            case .link(let link):
                return link.arcs.allSatisfy { a in
                    active.commodities.indices.allSatisfy { c in
                        !active.terms(ofArc: a, commodity: c).accepts
                            || active.arcs[a].limits.contains { active.weights(in: $0.measure)[c] != nil }
                    }
                }
            }
        }
        for entry in elements where isNew(entry.element.id) && !shutsItself(entry.element) {
            let shut: Bool
            switch entry.element {
            case .link(let link):
                let ends = link.arcs.flatMap { [active.arcs[$0].from, active.arcs[$0].to] }
                shut = ends.contains { isNew(active.nodes[$0].id) && shutsItself(.node(active.reference(toNode: $0))) }
            case .node(let node):
                shut = active.arcs.filter { $0.from == node.index || $0.to == node.index }.allSatisfy { arc in
                    isNew(arc.linkID) && active.linkReference(of: arc.linkID).map { shutsItself(.link($0)) } == true
                }
            }
            if !shut {
                throw .investment(
                    "\"\(entry.element.id)\", which project \"\(projects[entry.projects[0]].id)\" opens, cannot be kept shut until the project is built: give it, or an end of it the project opens, a limit that counts every commodity it takes (in trains, or in each commodity's unit)")
            }
        }
        return elements
    }

    /// The limit rows of an element in a year's model: per limit of the element (each direction of a link),
    /// its row, measure and value in that year's network.
    private static func limitRows(
        of element: ElementReference, in model: AllocationModel, active: ActiveNetwork
    ) throws(ImpactError) -> [(row: Int, limit: (measure: CapacityMeasure, value: Double?, arc: Int?))] {
        var rows: [(row: Int, limit: (measure: CapacityMeasure, value: Double?, arc: Int?))] = []
        switch element {
        case .node(let node):
            for limit in active.nodes[node.index].limits {
                guard let row = model.limitRow(ofNode: node.index, measure: limit.measure) else { continue }
                rows.append((row, (limit.measure, limit.value, nil)))
            }
        case .link(let link):
            for a in link.arcs {
                for limit in active.arcs[a].limits {
                    guard let row = model.limitRow(ofArc: a, measure: limit.measure) else { continue }
                    rows.append((row, (limit.measure, limit.value, a)))
                }
            }
        }
        return rows
    }

    /// An element's limit in `measure` in another activation of the network (the arc at the same position
    /// of the link for a direction); `nil` when the element is off there or unlimited in that measure.
    private static func value(
        _ element: ElementReference, _ measure: CapacityMeasure, direction arc: Int?, in network: ActiveNetwork
    ) -> Double? {
        switch element {
        case .node(let node):
            return network.nodeIndex(of: node.id).flatMap { network.nodes[$0].limits.value(in: measure) }
        case .link(let link):
            guard let reference = network.linkReference(of: link.id) else { return nil }
            let position = arc.flatMap { link.arcs.firstIndex(of: $0) } ?? 0
            guard reference.arcs.indices.contains(position) else { return nil }
            return network.arcs[reference.arcs[position]].limits.value(in: measure)
        }
    }
}
