import CorridorLP
import Testing

// Every test here is synchronous: a GLPKSolver must stay on the thread that created it.

@Suite struct GLPKSolverTests {
    @Test(arguments: [SolverOptions(), SolverOptions(method: .dual), SolverOptions(presolve: true)])
    func solvesGLPKsSampleLP(options: SolverOptions) throws {
        let program = LPFixtures.sample()
        let solution = try GLPKSolver(program).solve(options)
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective - LPFixtures.sampleOptimum) < 1e-9)
        #expect(abs(solution.columnValues[0] - 100.0 / 3) < 1e-9)
        #expect(abs(solution.columnValues[1] - 200.0 / 3) < 1e-9)
        #expect(abs(solution.columnValues[2]) < 1e-9)
        #expect(expectFeasible(solution, of: program))
    }

    @Test func rowDualOfABindingUpperBoundIsNegativeWhenMinimising() throws {
        let solution = try GLPKSolver(LPFixtures.dualSign()).solve()
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective - 34) < 1e-9)
        #expect(abs(solution.rowDuals[1] - -4) < 1e-9)
        // Finite difference: one more unit on x1 ≤ 4 lowers the cost by 4, so shadow price = −dual.
        var relaxed = LPFixtures.dualSign()
        relaxed.setRowBounds(1, lower: nil, upper: 5)
        let relaxedSolution = try GLPKSolver(relaxed).solve()
        #expect(abs((solution.objective - relaxedSolution.objective) - -solution.rowDuals[1]) < 1e-9)
    }

    @Test func rowDualOfABindingUpperBoundIsPositiveWhenMaximising() throws {
        // sample.c: rows p and q bind at the optimum; one more unit of p raises z by p's dual (10/3).
        let solution = try GLPKSolver(LPFixtures.sample()).solve()
        #expect(abs(solution.rowDuals[0] - 10.0 / 3) < 1e-9)
        var relaxed = LPFixtures.sample()
        relaxed.setRowBounds(0, lower: nil, upper: 101)
        let relaxedSolution = try GLPKSolver(relaxed).solve()
        #expect(abs((relaxedSolution.objective - solution.objective) - solution.rowDuals[0]) < 1e-9)
    }

    @Test(arguments: [SolverOptions(), SolverOptions(method: .dual), SolverOptions(presolve: true)])
    func reportsInfeasibility(options: SolverOptions) throws {
        var program = LinearProgram()
        let x = program.addColumn(name: "x")
        let y = program.addColumn(name: "y")
        program.addRow(name: "at_least", lower: 10, upper: nil, terms: [(x, 1), (y, 1)])
        program.addRow(name: "at_most", lower: nil, upper: 4, terms: [(x, 1), (y, 1)])
        #expect(try GLPKSolver(program).solve(options).status == .infeasible)
    }

    @Test(arguments: [SolverOptions(), SolverOptions(method: .dual), SolverOptions(presolve: true)])
    func reportsUnboundedness(options: SolverOptions) throws {
        var program = LinearProgram(sense: .maximize)
        let x = program.addColumn(name: "x", objective: 1)
        let y = program.addColumn(name: "y", objective: 1)
        program.addRow(name: "gap", lower: nil, upper: 1, terms: [(x, 1), (y, -1)])
        #expect(try GLPKSolver(program).solve(options).status == .unbounded)
    }

    /// Primal and dual both infeasible: max x + y, x − y ≥ 1, y − x ≥ 1. The dual simplex cannot settle it and
    /// the presolver answers "no dual feasible solution"; both must end in the primal verdict.
    @Test(arguments: [SolverOptions(), SolverOptions(method: .dual), SolverOptions(presolve: true)])
    func primalAndDualInfeasibleIsInfeasible(options: SolverOptions) throws {
        var program = LinearProgram(sense: .maximize)
        let x = program.addColumn(name: "x", objective: 1)
        let y = program.addColumn(name: "y", objective: 1)
        program.addRow(name: "x_over_y", lower: 1, upper: nil, terms: [(x, 1), (y, -1)])
        program.addRow(name: "y_over_x", lower: 1, upper: nil, terms: [(x, -1), (y, 1)])
        #expect(try GLPKSolver(program).solve(options).status == .infeasible)
    }

    @Test func boundTypesFixedFreeAndUpperOnly() throws {
        // A zero-quantity demand gives u ∈ [0, 0]: as GLP_DB it would fail with GLP_EBOUND; it must be GLP_FX.
        var program = LinearProgram()
        let fixed = program.addColumn(name: "fixed", lower: 0, upper: 0, objective: -1)
        let free = program.addColumn(name: "free", lower: nil, upper: nil, objective: 1)
        let upperOnly = program.addColumn(name: "upper_only", lower: nil, upper: 3, objective: -2)
        program.addRow(name: "floor", lower: -5, upper: nil, terms: [(free, 1)])
        program.addRow(name: "link", lower: nil, upper: 1, terms: [(upperOnly, 1), (free, -1)])
        program.objectiveConstant = 100
        let solution = try GLPKSolver(program).solve()
        #expect(solution.status == .optimal)
        #expect(solution.columnValues[fixed] == 0)
        // free ≥ −5 and upper_only ≤ min(3, 1 + free): the cost free − 2·upper_only is least at free = 2.
        #expect(abs(solution.columnValues[free] - 2) < 1e-9)
        #expect(abs(solution.columnValues[upperOnly] - 3) < 1e-9)
        #expect(abs(solution.objective - 96) < 1e-9)
        #expect(expectFeasible(solution, of: program))
    }

    @Test func anEmptyProgramSolvesToItsConstant() throws {
        var program = LinearProgram()
        program.objectiveConstant = 7
        let solution = try GLPKSolver(program).solve()
        #expect(solution.status == .optimal)
        #expect(solution.objective == 7)
        #expect(solution.columnValues.isEmpty && solution.rowDuals.isEmpty)
    }

    @Test func anInvalidProgramIsRefusedBeforeGLPK() {
        var program = LinearProgram()
        program.addColumn(name: "x\u{7}")
        #expect(throws: LinearProgramError.self) { try GLPKSolver(program) }
    }

    @Test func changesToTheLoadedProblemAreValidated() throws {
        let solver = try GLPKSolver(LPFixtures.sample())
        #expect(throws: LinearProgramError.self) { try solver.setRowBounds(3, lower: nil, upper: 1) }
        #expect(throws: LinearProgramError.self) { try solver.setRowBounds(0, lower: 2, upper: 1) }
        #expect(throws: LinearProgramError.self) { try solver.setColumnBounds(0, lower: .nan, upper: nil) }
        #expect(throws: LinearProgramError.self) { try solver.setObjective(-1, 1) }
        #expect(throws: LinearProgramError.self) { try solver.setObjective(0, .infinity) }
        // The failed calls left the problem as it was.
        #expect(abs(try solver.solve().objective - LPFixtures.sampleOptimum) < 1e-9)
    }

    @Test func columnBoundsAndObjectiveChangesTakeEffect() throws {
        let solver = try GLPKSolver(LPFixtures.sample())
        try solver.setColumnBounds(0, lower: 0, upper: 10)
        try solver.setObjective(2, 0)
        var expected = LPFixtures.sample()
        expected.setColumnBounds(0, lower: 0, upper: 10)
        expected.setObjective(2, 0)
        let warm = try solver.solve()
        let cold = try GLPKSolver(expected).solve()
        #expect(warm.status == .optimal)
        #expect(abs(warm.objective - cold.objective) < 1e-9)
        #expect(expectFeasible(warm, of: expected))
    }

    /// GLPK's sample: rows p and q bind at the optimum, r is slack (its auxiliary variable basic). Only r
    /// may leave; the basis left behind is still optimal, so the warm re-solve takes no iteration.
    @Test func onlyRowsWithABasicSlackAreDeletedAndTheBasisStaysOptimal() throws {
        let solver = try GLPKSolver(LPFixtures.sample())
        let first = try solver.solve()
        #expect(first.rowActivities[2] < 300 - 1e-6)
        #expect(try solver.deleteBasicRows([0, 2]) == [false, true])
        #expect(solver.rowCount == 2)
        let again = try solver.solve()
        #expect(again.status == .optimal)
        #expect(again.iterations == 0)
        #expect(abs(again.objective - LPFixtures.sampleOptimum) < 1e-9)
        #expect(again.rowDuals.count == 2)
        #expect(abs(again.rowDuals[0] - first.rowDuals[0]) < 1e-9)
        #expect(abs(again.rowDuals[1] - first.rowDuals[1]) < 1e-9)
        #expect(throws: LinearProgramError.self) { try solver.deleteBasicRows([2]) }
        #expect(throws: LinearProgramError.self) { try solver.deleteBasicRows([1, 1]) }
        #expect(solver.rowCount == 2)
    }

    @Test func warmReSolveAfterARowBoundChangeMatchesAColdSolve() throws {
        let program = LPFixtures.transportation(sources: 12, sinks: 15, seed: 7)
        let solver = try GLPKSolver(program)
        let first = try solver.solve()
        #expect(first.status == .optimal)
        #expect(expectFeasible(first, of: program))

        // Tighten the busiest source so the old optimum becomes infeasible.
        let busiest = (0 ..< 12).max { first.rowActivities[$0] < first.rowActivities[$1] } ?? 0
        let newSupply = first.rowActivities[busiest] * 0.5
        try solver.setRowBounds(busiest, lower: nil, upper: newSupply)
        var changed = program
        changed.setRowBounds(busiest, lower: nil, upper: newSupply)

        for method in [SolverOptions.Method.dual, .primal] {
            let cold = try GLPKSolver(changed).solve(SolverOptions(method: method))
            #expect(cold.status == .optimal)
            if method == .dual {
                let warm = try solver.solve(SolverOptions(method: .dual))
                #expect(warm.status == .optimal)
                #expect(abs(warm.objective - cold.objective) < 1e-6 * abs(cold.objective))
                #expect(expectFeasible(warm, of: changed))
                #expect(warm.iterations < cold.iterations)
            }
        }
        // Solving again without a change starts from an optimal basis: no iterations.
        #expect(try solver.solve(SolverOptions(method: .dual)).iterations == 0)
    }

    @Test func anInvalidStartingBasisIsReplacedAndSolved() throws {
        // One basic variable for three rows: glp_simplex answers GLP_EBADB; the retry from glp_adv_basis solves.
        let solver = try GLPKSolver(LPFixtures.sample())
        try solver.setBasis(basicRows: [], basicColumns: [0])
        let solution = try solver.solve()
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective - LPFixtures.sampleOptimum) < 1e-9)
    }

    @Test func aSingularStartingBasisIsReplacedAndSolved() throws {
        // Columns x and y are parallel, so the basis {x, y} is singular: GLP_ESING, then a retry.
        var program = LinearProgram()
        let x = program.addColumn(name: "x", objective: 1)
        let y = program.addColumn(name: "y", objective: 3)
        program.addRow(name: "need", lower: 2, upper: nil, terms: [(x, 1), (y, 1)])
        program.addRow(name: "cap", lower: nil, upper: 10, terms: [(x, 2), (y, 2)])
        let solver = try GLPKSolver(program)
        try solver.setBasis(basicRows: [], basicColumns: [x, y])
        let solution = try solver.solve()
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective - 2) < 1e-9)
    }

    @Test func iterationLimitIsAnError() throws {
        let solver = try GLPKSolver(LPFixtures.transportation(sources: 8, sinks: 8, seed: 3))
        #expect(throws: SolverError.iterationLimit) { try solver.solve(SolverOptions(iterationLimit: 2)) }
        // The basis reached so far is kept; finishing from it gives the optimum.
        #expect(try solver.solve().status == .optimal)
    }

    /// A thread's deadline (the server's per-request limit) stops solves that have no limit of their own, and
    /// ends with its body.
    @Test func aThreadDeadlineStopsSolvesAndEndsWithItsBody() throws {
        let solver = try GLPKSolver(LPFixtures.sample())
        #expect(throws: SolverError.timeLimit) {
            try GLPK.withDeadline(seconds: -1) { try solver.solve() }
        }
        let solved = try GLPK.withDeadline(seconds: 60) { try GLPKSolver(LPFixtures.sample()).solve() }
        #expect(abs(solved.objective - LPFixtures.sampleOptimum) < 1e-9)
        #expect(try GLPKSolver(LPFixtures.sample()).solve().status == .optimal)
    }

    @Test func timeLimitIsAnError() throws {
        let solver = try GLPKSolver(LPFixtures.transportation(sources: 100, sinks: 100, seed: 5))
        #expect(throws: SolverError.timeLimit) { try solver.solve(SolverOptions(timeLimit: 0.001)) }
        // The basis reached within the limit is kept; without a limit the solve completes (≈ 0.2 s here).
        #expect(try solver.solve().status == .optimal)
    }

    @Test(arguments: [
        (SolverOptions(timeLimit: 0), "invalid solver option: time limit 0.0 s is not a positive number"),
        (SolverOptions(timeLimit: .nan), "invalid solver option: time limit nan s is not a positive number"),
        (SolverOptions(iterationLimit: -1), "invalid solver option: iteration limit -1 is negative"),
    ])
    func invalidOptionsAreRefused(options: SolverOptions, message: String) throws {
        let solver = try GLPKSolver(LPFixtures.sample())
        do {
            _ = try solver.solve(options)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == message)
        }
    }
}

@Test func glpkIsLinkedAndReportsItsVersion() {
    #expect(GLPK.version.hasPrefix("5."))
}

@Suite struct GLPKSolverStartTests {
    @Test(arguments: [
        SolverOptions(scaling: true), SolverOptions(scaling: false), SolverOptions(method: .dual, scaling: true),
        SolverOptions(method: .dual, scaling: false), SolverOptions(presolve: true, scaling: false),
    ])
    func scalingOnOrOffReachesTheSampleOptimum(options: SolverOptions) throws {
        // sample.c's coefficients range from 1 to 10, so GLPK's scaling does change the matrix it works on.
        let program = LPFixtures.sample()
        let solution = try GLPKSolver(program).solve(options)
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective - LPFixtures.sampleOptimum) < 1e-9)
        #expect(abs(solution.columnValues[0] - 100.0 / 3) < 1e-9)
        #expect(abs(solution.columnValues[1] - 200.0 / 3) < 1e-9)
        #expect(abs(solution.rowDuals[0] - 10.0 / 3) < 1e-9)
        #expect(expectFeasible(solution, of: program))
    }

    @Test func switchingScalingBetweenSolvesKeepsTheOptimumAndTheBasis() throws {
        let solver = try GLPKSolver(LPFixtures.sample())
        let scaled = try solver.solve(SolverOptions(scaling: true))
        let unscaled = try solver.solve(SolverOptions(method: .dual, scaling: false))
        #expect(unscaled.iterations == 0)
        #expect(abs(unscaled.objective - scaled.objective) < 1e-9)
        #expect(zip(unscaled.columnValues, scaled.columnValues).allSatisfy { abs($0 - $1) < 1e-9 })
    }

    @Test(arguments: [
        SolverOptions.StartingBasis.held, .standard, .advanced, .bixby,
    ])
    func everyStartingBasisReachesTheSampleOptimum(basis: SolverOptions.StartingBasis) throws {
        let solver = try GLPKSolver(LPFixtures.sample())
        #expect(abs(try solver.solve().objective - LPFixtures.sampleOptimum) < 1e-9)
        // A second solve from the held optimal basis needs no iteration; the others discard it.
        let again = try solver.solve(SolverOptions(startingBasis: basis))
        #expect(again.status == .optimal)
        #expect(abs(again.objective - LPFixtures.sampleOptimum) < 1e-9)
        if basis == .held { #expect(again.iterations == 0) }
    }

    @Test func aColumnSetAtItsUpperBoundStartsThere() throws {
        // max x, 0 ≤ x ≤ 5, x ≤ 10: with x non-basic at 5 the start is optimal; at 0 it takes a pivot.
        var program = LinearProgram(sense: .maximize)
        let x = program.addColumn(name: "x", lower: 0, upper: 5, objective: 1)
        program.addRow(name: "roof", lower: nil, upper: 10, terms: [(x, 1)])
        let atUpper = try GLPKSolver(program)
        try atUpper.setBasis(basicRows: [0], basicColumns: [], columnsAtUpperBound: [x])
        let solution = try atUpper.solve()
        #expect(solution.iterations == 0)
        #expect(abs(solution.objective - 5) < 1e-12)
        let atLower = try GLPKSolver(program)
        try atLower.setBasis(basicRows: [0], basicColumns: [])
        #expect(try atLower.solve().iterations == 1)
    }

    @Test func setBasisRefusesIndicesOutOfRange() throws {
        let solver = try GLPKSolver(LPFixtures.sample())
        #expect(throws: SolverError.invalidOption("setBasis: a row index is out of range")) {
            try solver.setBasis(basicRows: [3], basicColumns: [])
        }
        #expect(throws: SolverError.invalidOption("setBasis: a column index is out of range")) {
            try solver.setBasis(basicRows: [], basicColumns: [], columnsAtUpperBound: [-1])
        }
    }
}
