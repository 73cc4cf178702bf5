import CorridorLP
import Foundation
import Testing

/// Cold solve vs warm re-solve on a 50 000-column transportation LP (200 sources × 250 sinks). Slow in a debug
/// build, so it runs only with CORRIDOR_LP_LARGE=1; it prints the figures it checks.
@Test(.enabled(if: ProcessInfo.processInfo.environment["CORRIDOR_LP_LARGE"] != nil))
func warmReSolveOfALargeLPIsCheaperThanAColdSolve() throws {
    let clock = ContinuousClock()
    var program = LPFixtures.transportation(sources: 200, sinks: 250, seed: 2026)
    var solver: GLPKSolver?
    let load = try clock.measure { solver = try GLPKSolver(program) }
    guard let solver else { return }
    var first: LPSolution?
    let firstTime = try clock.measure { first = try solver.solve(SolverOptions(method: .dual)) }
    guard let first else { return }
    #expect(first.status == .optimal)

    let busiest = (0 ..< 200).max { first.rowActivities[$0] < first.rowActivities[$1] } ?? 0
    let tightened = first.rowActivities[busiest] * 0.5
    try solver.setRowBounds(busiest, lower: nil, upper: tightened)
    program.setRowBounds(busiest, lower: nil, upper: tightened)
    var warm: LPSolution?
    let warmTime = try clock.measure { warm = try solver.solve(SolverOptions(method: .dual)) }

    let coldSolver = try GLPKSolver(program)
    var cold: LPSolution?
    let coldTime = try clock.measure { cold = try coldSolver.solve(SolverOptions(method: .dual)) }
    guard let warm, let cold else { return }
    #expect(warm.status == .optimal && cold.status == .optimal)
    #expect(abs(warm.objective - cold.objective) < 1e-7 * abs(cold.objective))
    #expect(expectFeasible(warm, of: program, tolerance: 1e-6))
    #expect(warm.iterations < cold.iterations)

    // The same with the primal simplex, whose warm start begins primal infeasible after the cut.
    let primalSolver = try GLPKSolver(LPFixtures.transportation(sources: 200, sinks: 250, seed: 2026))
    var primalFirst: LPSolution?
    let primalFirstTime = try clock.measure { primalFirst = try primalSolver.solve() }
    try primalSolver.setRowBounds(busiest, lower: nil, upper: tightened)
    var primalWarm: LPSolution?
    let primalWarmTime = try clock.measure { primalWarm = try primalSolver.solve() }
    guard let primalFirst, let primalWarm else { return }
    #expect(abs(primalWarm.objective - cold.objective) < 1e-7 * abs(cold.objective))
    print(
        """
        50 000 columns, \(program.rowCount) rows, \(program.termCount) coefficients; load \(load)
        dual:   first solve \(first.iterations) iterations, \(firstTime); \
        warm re-solve after halving row s\(busiest) \(warm.iterations) iterations, \(warmTime); \
        cold solve of the changed LP \(cold.iterations) iterations, \(coldTime)
        primal: first solve \(primalFirst.iterations) iterations, \(primalFirstTime); \
        warm re-solve \(primalWarm.iterations) iterations, \(primalWarmTime)
        """)
}
