import CorridorLP
import CorridorModel
import CorridorOptimization
import CorridorTestSupport
import Testing

// The allocation's cold solve starts from shortest-path trees (AllocationModel.swift) and GLPK may scale
// the program; neither may change the optimum.

@Test(arguments: [(nil, 551_270.0), ("third-crossing", 439_000.0)] as [(String?, Double)])
func tinyAllocationIsTheSameWithScalingOnAndOff(scenario: String?, optimum: Double) throws {
    let network = try NetworkReader.read(path: TestNetworks.tiny).activate(scenario: scenario)
    let scaled = try AllocationSolver(model: AllocationModel(network: network), scaling: true).solve()
    let unscaled = try AllocationSolver(model: AllocationModel(network: network), scaling: false).solve()
    #expect(abs(scaled.objective - optimum) < 1e-6)
    #expect(abs(unscaled.objective - optimum) < 1e-6)
    #expect(zip(scaled.crossings, unscaled.crossings).allSatisfy { abs($0.shadowPrice - $1.shadowPrice) < 1e-6 })
}

@Test(arguments: [UInt64(3), 17, 29, 41, 57, 88])
func shortestPathStartReachesTheAllSlackOptimum(seed: UInt64) throws {
    let network = RandomNetworks.corridor(seed: seed, nodeCount: 14, linkCount: 36, demandCount: 8)
        .activate(Scenario(id: "baseline"))
    let model = try AllocationModel(network: network)
    let fromTrees = try AllocationSolver(model: model).solve()
    let fromSlacks = try GLPKSolver(model.program).solve(SolverOptions(startingBasis: .standard))
    #expect(fromSlacks.status == .optimal)
    #expect(abs(fromTrees.objective - fromSlacks.objective) <= 1e-7 * max(1, abs(fromSlacks.objective)))
    RandomCorridors.checkCertificates(fromTrees, network)
}
