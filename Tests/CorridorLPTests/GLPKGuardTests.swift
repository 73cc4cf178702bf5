import CorridorLP
import Foundation
import Testing

/// The C guard: GLPK faults are caught, problems of a freed environment are refused, threads are kept apart.
@Suite struct GLPKGuardTests {
    @Test(arguments: [
        (GLPKSolver.ProvokedFault.controlCharacterInRowName, "row name contains invalid character"),
        (GLPKSolver.ProvokedFault.duplicateMatrixEntry, "duplicate indices not allowed"),
    ])
    func aGLPKFaultIsCaughtAndTheThreadSolvesAgain(fault: GLPKSolver.ProvokedFault, glpkText: String) throws {
        let bystander = try GLPKSolver(LPFixtures.sample())
        let victim = try GLPKSolver(LPFixtures.dualSign())
        do {
            try victim.provokeFault(fault)
            Issue.record("the provoked fault was not reported")
        } catch {
            guard case .internalFault(let text) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(text.contains(glpkText))
            #expect(error.description.hasPrefix("internal error: GLPK failed while provoking a fault"))
        }
        // The fault freed the thread's environment: both earlier problems are gone and must be refused.
        for gone in [victim, bystander] {
            #expect {
                try gone.solve()
            } throws: { error in
                guard let error = error as? SolverError, case .internalFault(let text) = error else { return false }
                return text.contains("freed together with its thread's environment")
            }
        }
        let fresh = try GLPKSolver(LPFixtures.sample()).solve()
        #expect(fresh.status == .optimal)
        #expect(abs(fresh.objective - LPFixtures.sampleOptimum) < 1e-9)
    }

    @Test func releasingTheEnvironmentRetiresTheThreadsSolvers() throws {
        let solver = try GLPKSolver(LPFixtures.sample())
        GLPK.releaseThreadEnvironment()
        #expect(throws: SolverError.self) { try solver.solve() }
        #expect(throws: SolverError.self) { try solver.setRowBounds(0, lower: nil, upper: 1) }
        #expect(try GLPKSolver(LPFixtures.sample()).solve().status == .optimal)
    }

    @Test func twoThreadsSolveConcurrently() {
        let results = ResultBox()
        let finished = DispatchGroup()
        for (index, seed) in [11, 12].enumerated() {
            finished.enter()
            let thread = Thread {
                defer { finished.leave() }
                let outcome = Result { () throws -> [Double] in
                    var objectives: [Double] = []
                    for round in 0 ..< 5 {
                        let program = LPFixtures.transportation(sources: 10, sinks: 12, seed: UInt64(seed * 10 + round))
                        let solution = try GLPKSolver(program).solve()
                        guard solution.status == .optimal, expectFeasible(solution, of: program) else {
                            throw SolverError.numericalFailure("round \(round) did not reach a checked optimum")
                        }
                        objectives.append(solution.objective)
                    }
                    GLPK.releaseThreadEnvironment()
                    return objectives
                }
                results.set(index, outcome)
            }
            thread.start()
        }
        finished.wait()
        // Each thread's answers equal those of the same programs solved on this thread.
        for (index, seed) in [11, 12].enumerated() {
            let expected = (0 ..< 5).map { round in
                (try? GLPKSolver(LPFixtures.transportation(sources: 10, sinks: 12, seed: UInt64(seed * 10 + round)))
                    .solve().objective) ?? .nan
            }
            switch results.get(index) {
            case .success(let objectives): #expect(objectives == expected)
            case .failure(let error): Issue.record("thread \(index): \(error)")
            case nil: Issue.record("thread \(index) reported nothing")
            }
        }
    }

    @Test func aSolverIsRefusedOnAnotherThread() throws {
        nonisolated(unsafe) let solver = try GLPKSolver(LPFixtures.sample())
        let outcome = ResultBox()
        let finished = DispatchGroup()
        finished.enter()
        let thread = Thread {
            outcome.set(0, Result { () throws -> [Double] in [try solver.solve().objective] })
            finished.leave()
        }
        thread.start()
        finished.wait()
        guard case .failure(let error) = outcome.get(0), let solverError = error as? SolverError,
            case .internalFault(let text) = solverError
        else {
            Issue.record("use from another thread was not refused")
            return
        }
        #expect(text.contains("thread other than the one that created it"))
        // Its own thread still can.
        #expect(abs(try solver.solve().objective - LPFixtures.sampleOptimum) < 1e-9)
    }
}

/// Results handed back from worker threads.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: Result<[Double], any Error>] = [:]

    func set(_ index: Int, _ result: Result<[Double], any Error>) {
        lock.withLock { results[index] = result }
    }

    func get(_ index: Int) -> Result<[Double], any Error>? {
        lock.withLock { results[index] }
    }
}
