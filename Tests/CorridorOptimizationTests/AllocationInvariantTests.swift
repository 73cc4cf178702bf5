import CorridorModel
import CorridorOptimization
import CorridorTestSupport
import Foundation
import Testing

/// Seeds for the random tests; `CORRIDOR_RANDOM_SEEDS=n` runs more.
private let seeds: [UInt64] = {
    let count = ProcessInfo.processInfo.environment["CORRIDOR_RANDOM_SEEDS"].flatMap(Int.init) ?? 12
    return (0..<UInt64(count)).map { 1000 + $0 }
}()

@Test(arguments: seeds) func randomAllocationsPassTheirCertificates(seed: UInt64) throws {
    let network = RandomNetworks.corridor(seed: seed, nodeCount: 12, linkCount: 30, demandCount: 6).activate(Scenario(id: "baseline"))
    let allocation = try allocate(network)
    RandomCorridors.checkCertificates(allocation, network)
}

@Test(arguments: seeds) func servedEqualsTheMaximumFlowWhenOnlyUnservedCosts(seed: UInt64) throws {
    let network = RandomNetworks.corridor(
        seed: seed, nodeCount: 10, linkCount: 24, demandCount: 4, zeroCosts: true, singleOrigin: true, penalty: 1e6
    ).activate(Scenario(id: "baseline"))
    let allocation = try allocate(network)
    RandomCorridors.checkCertificates(allocation, network)
    let origin = try #require(network.nodeIndex(of: "n0"))
    let maximum = EdmondsKarp.servableMaximum(network, origin: origin)
    #expect(abs(allocation.served - maximum) <= 1e-6 * max(1, maximum), "seed \(seed)")
}

@Test(arguments: seeds) func moreCapacityNeverCostsMoreAndShadowPricesBoundTheChange(seed: UInt64) throws {
    let base = RandomNetworks.corridor(seed: seed, nodeCount: 10, linkCount: 26, demandCount: 5)
    let network = base.activate(Scenario(id: "baseline"))
    let solver = try AllocationSolver(model: AllocationModel(network: network))
    let before = try solver.solve()
    var capacitated: [(id: String, capacity: Double, price: Double)] = []
    for (n, node) in network.nodes.enumerated() {
        if let capacity = node.capacity { capacitated.append((node.id, capacity, before.nodes[n].shadowPrice)) }
    }
    for link in base.links {
        let arcs = before.arcs.filter { $0.linkID == link.id }
        guard let capacity = arcs.first?.capacity else { continue }
        capacitated.append((link.id, capacity, arcs.reduce(0) { $0 + $1.shadowPrice }))
    }
    let step = 0.5
    for element in capacitated.prefix(4) {
        #expect(element.price >= 0)
        // The optimum is convex and non-increasing in a capacity, and −dual is a subgradient:
        // a step up gains at most price·step, a step down loses at least price·step.
        try solver.updateCapacity(of: network.element(element.id), to: element.capacity + step)
        let raised = try solver.solve()
        let slack = 1e-6 * max(1, abs(before.objective))
        #expect(raised.objective <= before.objective + slack, "\(element.id) seed \(seed)")
        #expect(before.objective - raised.objective <= element.price * step + slack, "\(element.id) seed \(seed)")
        // Warm re-solve agrees with a cold solve of the changed network.
        let changed = base.activate(Scenario(id: "raised", capacity: [CapacityOverride(id: element.id, capacity: element.capacity + step)]))
        let cold = try allocate(changed)
        #expect(abs(cold.objective - raised.objective) <= slack, "\(element.id) seed \(seed)")
        RandomCorridors.checkCertificates(raised, changed)
        if element.capacity >= step {
            try solver.updateCapacity(of: network.element(element.id), to: element.capacity - step)
            let lowered = try solver.solve()
            #expect(lowered.objective - before.objective >= element.price * step - slack, "\(element.id) seed \(seed)")
        }
        try solver.updateCapacity(of: network.element(element.id), to: element.capacity)
        let restored = try solver.solve()
        #expect(abs(restored.objective - before.objective) <= slack)
    }
}

@Test(arguments: seeds.prefix(4)) func warmDemandScaleMatchesAColdSolve(seed: UInt64) throws {
    let base = RandomNetworks.corridor(seed: seed, nodeCount: 10, linkCount: 24, demandCount: 5)
    let solver = try AllocationSolver(model: AllocationModel(network: base.activate(Scenario(id: "baseline"))))
    _ = try solver.solve()
    for scale in [1.5, 0.25, 0, 2] {
        try solver.updateDemandScale(scale)
        let warm = try solver.solve()
        let scaled = base.activate(Scenario(id: "scaled", demandScale: scale))
        let cold = try allocate(scaled)
        #expect(abs(warm.objective - cold.objective) <= 1e-6 * max(1, cold.objective), "scale \(scale) seed \(seed)")
        RandomCorridors.checkCertificates(warm, scaled)
    }
}

@Test func tinyShadowPriceIsTheExactSlopeForASmallStep() throws {
    let network = try NetworkReader.read(path: TestNetworks.tiny).activate(scenario: nil)
    let solver = try AllocationSolver(model: AllocationModel(network: network))
    let before = try solver.solve()
    try solver.updateCapacity(of: network.element("dostyk"), to: 101)
    let after = try solver.solve()
    #expect(abs((before.objective - after.objective) - 2_781.5) < 1e-6)
    #expect(after.iterations < 10)
}

@Test func capacityChangesNeedARowUnlessAdjustable() throws {
    let network = try NetworkReader.read(path: TestNetworks.tiny).activate(scenario: nil)
    let fixed = try AllocationSolver(model: AllocationModel(network: network))
    #expect(throws: AllocationError.notAdjustable("urumqi")) { try fixed.updateCapacity(of: network.element("urumqi"), to: 10) }
    #expect(throws: AllocationError.self) { try fixed.updateCapacity(of: network.element("dostyk"), to: .nan) }
    #expect(throws: AllocationError.outOfRange("capacity of \"dostyk\"", value: -1, limit: 1e15)) {
        try fixed.updateCapacity(of: network.element("dostyk"), to: -1)
    }
    #expect(throws: ElementResolutionError.self) { try network.resolveElement("nowhere", as: .changedCapacity) }

    // urumqi made adjustable: unlimited gives the baseline, 100 starves both crossings to 100 in all.
    let adjustable = try AllocationSolver(model: AllocationModel(network: network, adjustableCapacities: [network.element("urumqi")]))
    #expect(abs(try adjustable.solve().objective - 551_270) < 1e-6)
    try adjustable.updateCapacity(of: network.element("urumqi"), to: 100)
    let squeezed = try adjustable.solve()
    #expect(abs(squeezed.served - 100) < 1e-6)
    let urumqi = try #require(squeezed.nodes.first { $0.id == "urumqi" })
    #expect(urumqi.capacity == 100 && urumqi.utilisation == 1)
    try adjustable.updateCapacity(of: network.element("urumqi"), to: nil)
    #expect(abs(try adjustable.solve().objective - 551_270) < 1e-6)
}
